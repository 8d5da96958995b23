import DicomCore
import PHIDetection

/// Finds where text is likely on a rendered frame, cheaply, so OCR runs only there.
///
/// Text strokes are thin and contrast strongly with what is around them, whatever their colour.
/// A morphological top-hat (the image minus its opening, or its closing minus the image) keeps
/// exactly the structures thinner than the structuring element, at their contrast with the local
/// background — light text on dark ultrasound or CT surrounds and dark text on light film alike.
/// Thresholded, the strokes fall into connected components; those of glyph size that line up
/// horizontally (similar height, overlapping rows, small gaps) are merged into line boxes.
/// A frame with no line is passed over without OCR.
///
/// Measured (`FinderMeasurementTests`, PIXEL_MEASURE=1) on the development set (48 images, 75
/// frames, 405 text items): 198 of 200 PHI values and 386 of 405 items lie in a candidate line (the
/// misses are lone laterality letters "L", "R", "RT", which OCR does not read either), and the
/// candidates with their OCR margins cover 24% of the frame area (the truth boxes with the same
/// margins cover 17%: the set is dense with text). On text-free CT and MR (CT1_UNC, MR1_UNC, five
/// more CT slices) it finds nothing on 9 of 12 frames and one or two short lines on the others; a
/// 512×512 CT frame costs ≈ 10–15 ms on one core.
public struct TextRegionFinder: Sendable {
    public struct Parameters: Sendable, Hashable {
        /// Top-hat radius: strokes up to 2r+1 pixels wide are kept.
        public var strokeRadius = 4
        /// Top-hat thresholds tried for stroke pixels, as fractions of the frame's contrast scale (the
        /// spread of its ordinary content; 255 for 8-bit colour planes). Low steps catch faint text on
        /// flat backgrounds; high steps separate strong text from texture it touches at low steps.
        public var contrastLadder: [Double] = [0.06, 0.15, 0.35, 0.8]
        /// Glyph component heights considered text (pixels of the render).
        public var minGlyphHeight = 5
        public var maxGlyphHeight = 64
        /// Largest horizontal gap between neighbouring glyphs of a line, in glyph heights.
        public var maxGapRatio = 1.0
        /// The frame's texture level is this quantile of its top-hat response; no stroke threshold is
        /// below `noiseFactor` times it (noisy soft tissue must not look like faint text).
        public var noiseQuantile = 0.75
        public var noiseFactor = 3.0
        /// Largest difference of the peak levels of two letters of a line, as a fraction of their contrast.
        public var levelTolerance = 0.35
        /// Lines need this many full-size glyph components (a single wide merged word also counts).
        public var minGlyphsPerLine = 2
        public init() {}
    }

    public var parameters: Parameters

    public init(parameters: Parameters = Parameters()) {
        self.parameters = parameters
    }

    /// The likely text lines of a rendered (8-bit grey or RGB) image, in image coordinates.
    public func regions(in image: RenderedImage) -> [TextRegion] {
        regions(in: TextSearchImage(rendered: image))
    }

    /// The likely text lines of one frame: monochrome frames are searched in their native samples,
    /// colour frames in the render.
    public func regions(in frames: PixelFrames, frame: Int, renderer: FrameRenderer) -> [TextRegion] {
        regions(in: TextSearchImage(frames, frame: frame, renderer: renderer))
    }

    /// The frame-wide levels candidate lines are judged against: the contrast scale, and per plane
    /// and polarity the top-hat's noise floor and texture level, and those of the frame's quiet part
    /// when a busy part lifts the noise floor (`QuietPart`). A search of part of a frame
    /// (verification around painted boxes) judges by the levels of the whole frame's first search.
    public struct Levels: Sendable, Hashable {
        var contrastScale: Int
        /// Indexed by `plane * 2 + polarity` (light on dark, then dark on light).
        var noise: [Double]
        var texture: [Double]
        var quiet: [QuietPart?] = []
    }

    func regions(in image: TextSearchImage) -> [TextRegion] {
        search(image).regions
    }

    /// The likely text lines of `image`, and the levels they were judged against (`levels`, when
    /// given, instead of the image's own).
    func search(_ image: TextSearchImage, levels given: Levels? = nil) -> (regions: [TextRegion], levels: Levels) {
        let (lines, levels) = candidateLines(in: image, levels: given)
        return (LineAssembler.merge(lines.filter(looksLikeText)), levels)
    }

    /// Every line the assembler builds, before the evidence test (for measurement).
    func candidateLines(in frames: PixelFrames, frame: Int, renderer: FrameRenderer) -> [TextRegion] {
        candidateLines(in: TextSearchImage(frames, frame: frame, renderer: renderer), levels: nil).lines
    }

    func candidateLines(in image: TextSearchImage, levels given: Levels?) -> (lines: [TextRegion], levels: Levels) {
        var found: [TextRegion] = []
        var levels = given ?? Levels(contrastScale: image.contrastScale, noise: [], texture: [])
        var quietSearches: [(Search, SamplePlane, QuietPart, tiles: [Bool])] = []
        for (index, plane) in image.planes.enumerated() {
            for (side, polarity) in [TextRegion.Polarity.lightOnDark, .darkOnLight].enumerated() {
                if polarity == .lightOnDark, image.levelRunSources[index] != nil {
                    if given == nil { levels.noise.append(0); levels.texture.append(1); levels.quiet.append(nil) }
                    continue
                }
                let strength = polarity == .lightOnDark
                    ? plane.whiteTopHat(radius: parameters.strokeRadius) : plane.blackTopHat(radius: parameters.strokeRadius)
                var tiles: [Bool]?
                if given == nil {
                    let quantiles = strength.quantiles([parameters.noiseQuantile, 0.9])
                    let noise = Double(quantiles[0])
                    levels.noise.append(noise)
                    levels.texture.append(max(Double(quantiles[1]), 1))
                    // worth a second search only where the busy part's floor lifts the ladder's first step
                    let lifts = parameters.noiseFactor * noise > (parameters.contrastLadder.first ?? 0) * Double(levels.contrastScale)
                    let quiet = lifts ? QuietPart.measure(strength, frameNoise: noise, contrastScale: levels.contrastScale,
                                                          noiseQuantile: parameters.noiseQuantile) : nil
                    levels.quiet.append(quiet?.part)
                    tiles = quiet?.tiles
                }
                let k = 2 * index + side
                let search = Search(plane: plane, index: index, polarity: polarity, contrastScale: levels.contrastScale)
                let new = lines(search, strength: strength, noise: levels.noise[k], texture: levels.texture[k])
                // a part of a frame (verification) is judged by its frame's levels as they are
                found += given == nil ? judgedAgainstTextureOutsideText(new, strength: strength, texture: levels.texture[k]) : new
                if k < levels.quiet.count, let quiet = levels.quiet[k] {
                    // a part of a frame (given levels) finds its own quiet tiles by the frame's measures
                    let tiles = tiles ?? QuietPart.quietTiles(of: strength, frameNoise: levels.noise[k], contrastScale: levels.contrastScale)
                    quietSearches.append((search, strength, quiet, tiles))
                }
            }
        }
        let accepted = found.filter(looksLikeText).map(\.box)
        for (search, strength, quiet, tiles) in quietSearches {
            found += quietLines(search, strength: strength, quiet: quiet, tiles: tiles, besides: accepted)
        }
        return (found, levels)
    }

    /// A frame full of large text has its texture level (the 90th percentile of the top-hat) raised by
    /// the strokes of that text: "T: 08:09:39" in 24-pixel type over MR stood at only 1.6 times it, its
    /// neighbours' strokes over a fifth of the frame having set it, and was passed over. Where lines of
    /// one plane and polarity were accepted, its texture is measured again outside them (grown by half a
    /// glyph height), and a line elsewhere that is a regular row of large glyphs (`isLargeRegularRow`) is
    /// judged against that level. Other lines keep the frame's: on ultrasound the same measure let specks
    /// between the banners' lines through.
    private func judgedAgainstTextureOutsideText(_ lines: [TextRegion], strength: SamplePlane, texture: Double) -> [TextRegion] {
        let text = lines.filter(looksLikeText).map { $0.box.insetBy(dx: max(1, $0.glyphHeight / 2), dy: max(1, $0.glyphHeight / 2)) }
        guard !text.isEmpty else { return lines }
        var outside: Double?
        return lines.map { line in
            guard Self.isLargeRegularRow(line), !text.contains(where: { $0.intersects(line.box) }) else { return line }
            let level = outside ?? max(Double(strength.quantile(0.9, outside: text)), 1)
            outside = level
            var judged = line
            if level < texture { judged.evidence.textureRatio *= texture / level }
            return judged
        }
    }

    /// A row of four glyphs or more at least 12 pixels tall, of one height and one level, lined up, on a
    /// quiet background.
    static func isLargeRegularRow(_ line: TextRegion) -> Bool {
        let e = line.evidence
        return line.glyphHeight >= 12 && e.glyphCount >= 4 && e.alignment >= 0.99 && e.levelSpread <= 0.05
            && e.heightSpread <= 0.1 && e.backgroundNoise <= 0.15
    }

    /// The quiet part searched again, busy tiles masked out: only new lines of several glyphs, on a
    /// background as quiet as the part (the busy part's ragged edge and noise dips in flat air are
    /// not text); where the frame's own search found text (`accepted`), its lines stand.
    private func quietLines(_ search: Search, strength: SamplePlane, quiet: QuietPart, tiles: [Bool],
                            besides accepted: [TextBox]) -> [TextRegion] {
        let lowest = UInt16(clamping: threshold(atStep: parameters.contrastLadder.first ?? 0, of: search, noise: quiet.noise))
        return lines(search, strength: QuietPart.masked(strength, tiles: tiles), noise: quiet.noise, texture: quiet.texture)
            .filter { line in
                line.evidence.glyphCount >= QuietPart.minimumGlyphs && line.evidence.backgroundNoise <= QuietPart.backgroundNoise
                    && !accepted.contains { $0.intersects(line.box) }
            }
            .map { grownAlongItsRow($0, strength: strength, source: search.plane, threshold: lowest) }
    }

    /// One plane searched in one polarity.
    private struct Search {
        var plane: SamplePlane
        var index: Int
        var polarity: TextRegion.Polarity
        var contrastScale: Int
    }

    /// The lines of `strength` (the top-hat of `search.plane` in its polarity) at each step of the
    /// contrast ladder, no step below `noiseFactor` times `noise`; `texture` is what they must
    /// stand out from.
    private func lines(_ search: Search, strength: SamplePlane, noise: Double, texture: Double) -> [TextRegion] {
        var found: [TextRegion] = []
        let assembler = LineAssembler(parameters: parameters)
        let strongest = Int(strength.pixels.max() ?? 0)
        var previous = 0
        for fraction in parameters.contrastLadder {
            let threshold = threshold(atStep: fraction, of: search, noise: noise)
            guard threshold <= strongest else { break }
            // on a noisy frame the noise floor lifts the low steps to one threshold: label it once
            guard threshold > previous else { continue }
            previous = threshold
            let glyphs = StrokeComponent.label(strength, source: search.plane, threshold: UInt16(clamping: threshold))
                .filter(isGlyphLike)
            for var line in assembler.lines(from: glyphs, polarity: search.polarity, plane: search.index) {
                line.evidence.textureRatio = Double(line.contrast) / texture
                line.evidence.measureBackground(of: line.box, source: search.plane, strength: strength, threshold: threshold,
                                                contrast: line.contrast)
                found.append(line)
            }
        }
        return found
    }

    /// The stroke threshold of one step of the contrast ladder (a fraction of the contrast scale), never
    /// below `noiseFactor` times the noise floor.
    private func threshold(atStep fraction: Double, of search: Search, noise: Double) -> Int {
        max(1, Int(max(fraction * Double(search.contrastScale), parameters.noiseFactor * noise).rounded()))
    }

    /// Whether a candidate line's evidence is strong enough to spend OCR on it: glyphs of one
    /// height band, aligned, drawn in one colour (most stroke pixels on the glyph's peak level),
    /// filling a box not much taller than themselves, standing out from the frame's texture.
    /// Short lines (one or two components) must also be fully regular, of ordinary text size, cross
    /// strokes like letters do, stand out clearly and lie on a quiet background (noisy CT showed
    /// pairs of anatomical blobs passing everything else). Thresholds were chosen on the development
    /// set's candidate lines and on text-free CT and MR, loosely, favouring recall.
    func looksLikeText(_ line: TextRegion) -> Bool {
        let e = line.evidence
        // small antialiased text has few pixels on its peak level: in a line of glyphs on a dead quiet
        // background, standing far out of the frame's texture, that is no sign of anatomy; the farther
        // out, the less quiet the background and the fewer the glyphs may be ("DoB: 02/03/1986" in 8-pixel
        // capitals at 24 times the texture over a tenth of its contrast; "M 13Y" as two pieces at 94 times)
        let clearlyApart = e.glyphCount >= 3 && e.backgroundNoise <= 0.05 && e.textureRatio >= 10
            || e.glyphCount >= 3 && e.backgroundNoise <= 0.1 && e.textureRatio >= 20
            || e.glyphCount >= 2 && e.backgroundNoise <= 0.02 && e.textureRatio >= 30
        // nor in a long row of glyphs of one height and one level whose tops or bottoms line up
        let uniformRow = e.glyphCount >= 6 && e.alignment >= 0.9 && e.levelSpread <= 0.1 && e.heightSpread <= 0.35
            && e.plateau >= 0.2
        // faint text (dark grey on black) may stand no higher than the frame's texture: a long row of
        // glyphs of one height and one level, lined up, with strokes crossing as letters do, on a quiet
        // background, is text however faint
        let faintRow = e.glyphCount >= 10 && e.alignment >= 0.95 && e.levelSpread <= 0.05 && e.heightSpread <= 0.1
            && e.plateau >= 0.5 && e.backgroundNoise <= 0.1 && e.crossingDensity >= 1.2 && e.textureRatio >= 0.75
            // on a background quieter still, a shorter row, or one of mixed-case letters (ascenders, descenders,
            // "Northfield Imaging Ctr"), with flat strokes crossing as letters do, standing at the texture at least
            || e.glyphCount >= 8 && e.alignment >= 0.9 && e.levelSpread <= 0.05 && e.heightSpread <= 0.3
            && e.plateau >= 0.9 && e.backgroundNoise <= 0.06 && e.crossingDensity >= 1.5 && e.textureRatio >= 1
            // and a short row (a value alone: "030Y", "M/16"), when its glyphs are of one height (a slash stands
            // a little taller) and exactly one level, lined up perfectly, crossing as letters do, standing at the
            // texture or just under it
            || e.glyphCount >= 3 && e.alignment >= 0.99 && e.levelSpread <= 0.02 && e.heightSpread <= 0.1
            && e.plateau >= 0.7 && e.backgroundNoise <= 0.06 && e.crossingDensity >= 1.8 && e.textureRatio >= 0.9
            // and a row of eight glyphs or more as regular as that, flat-topped, on a background a little less
            // quiet: text standing only at the texture of a frame whose anatomy, or other text, is as bright as
            // it ("00069176" in bold white on a dark band of an MR frame full of text)
            || e.glyphCount >= 8 && e.alignment >= 0.99 && e.levelSpread <= 0.02 && e.heightSpread <= 0.1
            && e.plateau >= 0.95 && e.backgroundNoise <= 0.12 && e.crossingDensity >= 1.8 && e.textureRatio >= 1
            // and a long row of mixed-case letters drawn in exactly one level, lined up perfectly, on a dead quiet
            // background, standing at the texture of a bright frame ("Acq time 13.47.11" in bold white on MR)
            || e.glyphCount >= 10 && e.alignment >= 0.99 && e.levelSpread <= 0.02 && e.heightSpread <= 0.3
            && e.plateau >= 0.6 && e.backgroundNoise <= 0.03 && e.crossingDensity >= 1.4 && e.textureRatio >= 1
        guard line.box.height <= 2 * line.glyphHeight, e.heightSpread <= 0.5, e.levelSpread <= 0.5,
              e.alignment >= 0.5, e.textureRatio >= 2 || faintRow, e.plateau >= 0.3 || clearlyApart || uniformRow else { return false }
        // text stands out from what is around it: a line whose background varies by more than half
        // its contrast (noise, anatomy) must be long and stand out well above the frame's texture
        let quietBackground = e.backgroundNoise <= 0.5
        // a line mostly of gaps and small pieces, or of sparse pieces on a busy background (a curve or
        // an edge broken up by noise), must stand out well
        let mostlySmallPieces = line.glyphs.count > 2 * e.glyphCount
        if e.glyphWidthShare < 0.2 && (mostlySmallPieces || e.backgroundNoise > 0.25) && e.textureRatio < 3 { return false }
        if e.glyphCount >= 3 { return quietBackground || e.textureRatio >= 3 }
        return e.levelSpread < 0.2 && e.alignment >= 0.99 && e.heightSpread <= 0.35 && line.glyphHeight <= 40
            && e.crossingDensity >= 0.8 && e.textureRatio >= 4 && quietBackground
    }

    /// Size and density a glyph (or a few touching glyphs, or punctuation) can have.
    func isGlyphLike(_ component: StrokeComponent) -> Bool {
        let h = component.height, w = component.width
        guard h <= parameters.maxGlyphHeight, w <= 12 * max(h, parameters.minGlyphHeight) else { return false }
        guard component.area >= 2 else { return false }
        if h < parameters.minGlyphHeight { return w <= 2 * parameters.minGlyphHeight } // punctuation, dashes, dots
        return component.fill >= 0.08
    }
}
