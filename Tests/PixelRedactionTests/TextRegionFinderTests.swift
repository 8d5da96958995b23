import DicomCore
import Foundation
import PHIDetection
@testable import PixelRedaction
import Testing

extension TextBox {
    func contains(_ x: Int, _ y: Int) -> Bool { x >= self.x && x < maxX && y >= self.y && y < maxY }
}

extension LineEvidence {
    /// Evidence as measured on a line of a real frame.
    static func measured(glyphs: Int, heightSpread: Double, strokeRatio: Double, levelSpread: Double, alignment: Double,
                         crossingDensity: Double, plateau: Double, textureRatio: Double, glyphWidthShare: Double,
                         backgroundNoise: Double) -> LineEvidence {
        var evidence = LineEvidence()
        evidence.glyphCount = glyphs
        evidence.heightSpread = heightSpread
        evidence.strokeRatio = strokeRatio
        evidence.levelSpread = levelSpread
        evidence.alignment = alignment
        evidence.crossingDensity = crossingDensity
        evidence.plateau = plateau
        evidence.textureRatio = textureRatio
        evidence.glyphWidthShare = glyphWidthShare
        evidence.backgroundNoise = backgroundNoise
        return evidence
    }
}

@Suite struct TextRegionFinderTests {
    let finder = TextRegionFinder()

    /// At least 90% of the text's box lies in the regions (grown by 2 pixels).
    func found(_ text: TextBox, in regions: [TextRegion]) -> Bool {
        var inside = 0
        for y in text.y..<text.maxY {
            for x in text.x..<text.maxX where regions.contains(where: { $0.box.insetBy(dx: 2, dy: 2).contains(x, y) }) {
                inside += 1
            }
        }
        return 10 * inside >= 9 * text.area
    }

    @Test func smallLightTextOnDarkSixteenBitCTIsFound() {
        var frames = SyntheticFrames.monochrome(rows: 128, columns: 256, bits: 16, stored: 12, signed: true, fill: -1000)
        for r in 60..<128 { for c in 40..<220 { frames.setSample(40 + (r * 7 + c * 13) % 60, frame: 0, row: r, column: c) } }
        let text = SyntheticFrames.draw("MRN 4815162342", at: 6, 8, scale: 2, value: 2047, into: &frames)
        let regions = finder.regions(in: frames, frame: 0, renderer: FrameRenderer())
        #expect(found(text, in: regions))
        #expect(regions.allSatisfy { $0.box.y < 60 })
    }

    @Test func darkTextOnALightBackgroundIsFound() {
        var frames = SyntheticFrames.monochrome(rows: 96, columns: 200, bits: 8, fill: 220)
        let text = SyntheticFrames.draw("ID 1970-10-22", at: 10, 40, scale: 2, value: 20, into: &frames)
        #expect(found(text, in: finder.regions(in: frames, frame: 0, renderer: FrameRenderer())))
    }

    @Test func textAtTheImageMaximumIsFoundBesideTextAtTheStoredMaximum() {
        // a min/max render would show the first line dark grey; the native search does not care
        var frames = SyntheticFrames.monochrome(rows: 96, columns: 220, bits: 16, fill: 0)
        for r in 50..<96 { for c in 0..<220 { frames.setSample(300 + (r + c) % 500, frame: 0, row: r, column: c) } }
        let faint = SyntheticFrames.draw("PATIENT 0042", at: 8, 8, scale: 2, value: 900, into: &frames)
        let bright = SyntheticFrames.draw("STATION 7", at: 8, 30, scale: 2, value: 65535, into: &frames)
        let regions = finder.regions(in: frames, frame: 0, renderer: FrameRenderer())
        #expect(found(faint, in: regions))
        #expect(found(bright, in: regions))
    }

    /// A day and its comma alone ("14," OCR had left out of "December 14, 1993"): the comma, full size in
    /// a larger font, is no letter of another height.
    @Test func aShortNumberWithItsCommaIsFound() {
        var frames = SyntheticFrames.monochrome(rows: 48, columns: 80, bits: 8, fill: 0)
        var text = SyntheticFrames.draw("14", at: 20, 16, scale: 2, value: 230, into: &frames)
        // digits 13 pixels tall, a comma of 6 beside them at their foot (as measured on "14," in 19-pixel type)
        for column in text.x..<text.maxX { frames.setSample(0, frame: 0, row: text.maxY - 1, column: column) }
        for row in 23..<29 { for column in 46..<(row < 27 ? 50 : 48) { frames.setSample(230, frame: 0, row: row, column: column) } }
        text = TextBox(x: text.x, y: text.y, width: 50 - text.x, height: 13)
        let regions = finder.regions(in: frames, frame: 0, renderer: FrameRenderer())
        #expect(found(text, in: regions))
    }

    /// Lines of bright text over a fifth of the frame are its texture level (the 90th percentile of
    /// the top-hat): measured outside the lines accepted, a dimmer short row of large glyphs beside them
    /// stands out.
    @Test func aDimLineOnAFrameFullOfBrightTextIsFound() {
        var frames = SyntheticFrames.monochrome(rows: 160, columns: 320, bits: 8, fill: 0)
        for row in 0..<6 { SyntheticFrames.draw("PATIENT 0042 STATION 1970", at: 4, 4 + 20 * row, scale: 2, value: 250, into: &frames) }
        let dim = SyntheticFrames.draw("ID 4242", at: 4, 132, scale: 2, value: 90, into: &frames)
        #expect(found(dim, in: finder.regions(in: frames, frame: 0, renderer: FrameRenderer())))
    }

    @Test func colouredTextOnAColourImageIsFound() {
        var frames = SyntheticFrames.color(rows: 80, columns: 200, photometric: .rgb, fill: [30, 30, 120])
        var grey = SyntheticFrames.monochrome(rows: 80, columns: 200, bits: 8, fill: 0)
        let text = SyntheticFrames.draw("ID 31337", at: 12, 20, scale: 2, value: 255, into: &grey)
        for r in 0..<80 { for c in 0..<200 where grey.sample(frame: 0, row: r, column: c) == 255 {
            frames.setSample(255, frame: 0, row: r, column: c, channel: 0)
            frames.setSample(255, frame: 0, row: r, column: c, channel: 1)
            frames.setSample(0, frame: 0, row: r, column: c, channel: 2)
        } }
        #expect(found(text, in: finder.regions(in: frames, frame: 0, renderer: FrameRenderer())))
    }

    /// Speckle over most of the frame lifts the frame's noise floor above the contrast of dark text
    /// on a flat banner beside it: the quiet part is searched again against its own floor.
    @Test func darkTextOnAFlatBannerBesideSpeckleIsFound() throws {
        var frames = SyntheticFrames.monochrome(rows: 256, columns: 320, bits: 8, fill: 10)
        var seed: UInt64 = 42
        for r in 64..<256 {
            for c in 0..<320 {
                seed = seed &* 6364136223846793005 &+ 1442695040888963407
                frames.setSample(Int(seed >> 56), frame: 0, row: r, column: c)  // uniform speckle, 0...255
            }
        }
        for r in 0..<48 { for c in 0..<320 { frames.setSample(200, frame: 0, row: r, column: c) } }
        let text = SyntheticFrames.draw("PATIENT 1970-10-22", at: 10, 14, scale: 2, value: 20, into: &frames)
        let search = TextSearchImage(frames, frame: 0, renderer: FrameRenderer())
        let (regions, levels) = finder.search(search)
        #expect(levels.quiet.contains { $0 != nil })
        #expect(found(text, in: regions))
        // the frame's own floor alone misses it
        var floorOnly = levels
        floorOnly.quiet = floorOnly.quiet.map { _ in nil }
        #expect(!found(text, in: finder.search(search, levels: floorOnly).regions))
    }

    /// Faint text on a flat band just below speckle that fills the top rows of the tiles its right half
    /// runs into: those tiles are busy and masked out of the quiet part's search, which finds the line's
    /// left half; the line is followed along its rows into them, to its end.
    @Test func faintTextRunningUnderTheEdgeOfSpeckleIsFoundToItsEnd() throws {
        var frames = SyntheticFrames.monochrome(rows: 256, columns: 320, bits: 8, fill: 10)
        var seed: UInt64 = 7
        func speckle(rows: Range<Int>, columns: Range<Int>) {
            for r in rows {
                for c in columns {
                    seed = seed &* 6364136223846793005 &+ 1442695040888963407
                    frames.setSample(Int(seed >> 56), frame: 0, row: r, column: c)  // uniform speckle, 0...255
                }
            }
        }
        speckle(rows: 128..<256, columns: 0..<320)
        speckle(rows: 64..<80, columns: 128..<320)
        let text = SyntheticFrames.draw("PATIENT 1970-10-22", at: 10, 81, scale: 2, value: 45, into: &frames)
        let search = TextSearchImage(frames, frame: 0, renderer: FrameRenderer())
        let (regions, levels) = finder.search(search)
        #expect(levels.quiet.contains { $0 != nil })
        #expect(found(text, in: regions))
    }

    @Test func aLineRunsOnAcrossGlyphsAndBusyPiecesOnlyToItsLastGlyph() {
        typealias Piece = (near: Int, far: Int, isGlyph: Bool)
        let glyphs: [Piece] = [(near: 105, far: 112, isGlyph: true), (near: 114, far: 120, isGlyph: true)]
        #expect(TextRegionFinder.farthestGlyph(from: 100, reach: 8, glyphs) == 120)
        // a gap wider than the reach ends it
        #expect(TextRegionFinder.farthestGlyph(from: 100, reach: 4, glyphs) == 100)
        // a busy piece is crossed to a glyph beyond it, and not counted when none follows
        let busy: [Piece] = [(near: 102, far: 150, isGlyph: false), (near: 155, far: 160, isGlyph: true), (near: 190, far: 230, isGlyph: false)]
        #expect(TextRegionFinder.farthestGlyph(from: 100, reach: 8, busy) == 160)
        #expect(TextRegionFinder.farthestGlyph(from: 100, reach: 8, [(near: 101, far: 140, isGlyph: false)]) == 100)
    }

    /// Whether `line` still looks like text with its evidence changed.
    func looksLikeText(_ line: TextRegion, with change: (inout LineEvidence) -> Void) -> Bool {
        var changed = line
        change(&changed.evidence)
        return finder.looksLikeText(changed)
    }

    /// A light-on-dark line in `box` of `glyphs` glyphs `wide` pixels wide and `glyphHeight` high, one every
    /// `every` pixels from its left edge, on its top row (its evidence is set by each test).
    func lightRow(_ box: TextBox, glyphHeight: Int, glyphs: Int, every pitch: Int, wide: Int) -> TextRegion {
        TextRegion(box: box, polarity: .lightOnDark, glyphHeight: glyphHeight,
                   glyphs: (0..<glyphs).map { TextBox(x: box.x + pitch * $0, y: box.y, width: wide, height: glyphHeight) })
    }

    /// Dark grey text on black beside speckle (measured on an ultrasound frame: "Case 2016-709241" at 60
    /// over 10, fourteen glyphs of one height and level on a flat background, its contrast no higher than
    /// the texture of the frame's quiet part): a long uniform row is text however faint; a short or
    /// uneven one, or one on a busy background, still has to stand out from the texture.
    @Test func faintTextInALongUniformRowIsFound() {
        var line = lightRow(TextBox(x: 193, y: 331, width: 279, height: 23), glyphHeight: 23, glyphs: 14, every: 20, wide: 16)
        line.evidence = .measured(glyphs: 14, heightSpread: 0, strokeRatio: 0.22, levelSpread: 0, alignment: 1,
                                   crossingDensity: 1.88, plateau: 0.92, textureRatio: 1.02, glyphWidthShare: 0.8, backgroundNoise: 0.07)
        #expect(finder.looksLikeText(line))
        #expect(!looksLikeText(line, with: { $0.glyphCount = 6 }))  // short
        #expect(!looksLikeText(line, with: { $0.backgroundNoise = 0.3 }))  // busy
        #expect(!looksLikeText(line, with: { $0.levelSpread = 0.2 }))  // uneven
        #expect(!looksLikeText(line, with: { $0.crossingDensity = 1 }))  // ticks
    }

    /// Measured on another ultrasound frame: "BD: 05-23-1974" (nine glyphs) and "Northfield Imaging Ctr"
    /// (mixed case: heights spread 0.26, tops lined up 0.94) in dark grey at the frame's texture, on a
    /// background quieter than 0.06 of their contrast, are text; on a background as busy as the long row's
    /// above, or with strokes crossing less than letters do, or below the texture, they are not.
    @Test func faintTextOnAQuieterBackgroundMayBeShorterOrMixedCase() {
        var line = lightRow(TextBox(x: 12, y: 10, width: 224, height: 19), glyphHeight: 19, glyphs: 9, every: 25, wide: 16)
        line.evidence = .measured(glyphs: 9, heightSpread: 0, strokeRatio: 0.33, levelSpread: 0, alignment: 1,
                                   crossingDensity: 1.64, plateau: 1, textureRatio: 1.03, glyphWidthShare: 0.6, backgroundNoise: 0.05)
        #expect(finder.looksLikeText(line))
        #expect(looksLikeText(line, with: { $0.heightSpread = 0.26; $0.alignment = 0.94 }))  // mixed case
        #expect(!looksLikeText(line, with: { $0.backgroundNoise = 0.07 }))
        #expect(!looksLikeText(line, with: { $0.crossingDensity = 1.3 }))
        #expect(!looksLikeText(line, with: { $0.textureRatio = 0.9 }))
        #expect(!looksLikeText(line, with: { $0.glyphCount = 6 }))
    }

    /// Measured on ultrasound frames: "030Y" and "M/16" alone on a row in dark grey on black (four glyphs of
    /// one level, the slash a little taller, lined up perfectly, at or just under the frame's texture, which
    /// speckle sets) are text; with levels or heights that differ, a background less quiet, or strokes that
    /// cross less than letters do, a short faint row still is not.
    @Test func aShortFaintRowOfOneLevelAndHeightIsFound() {
        var line = lightRow(TextBox(x: 9, y: 46, width: 73, height: 26), glyphHeight: 24, glyphs: 4, every: 18, wide: 15)
        line.evidence = .measured(glyphs: 4, heightSpread: 0.08, strokeRatio: 0.24, levelSpread: 0, alignment: 1,
                                   crossingDensity: 2.35, plateau: 0.78, textureRatio: 0.96, glyphWidthShare: 0.9, backgroundNoise: 0.04)
        #expect(finder.looksLikeText(line))
        #expect(!looksLikeText(line, with: { $0.glyphCount = 2 }))
        #expect(!looksLikeText(line, with: { $0.levelSpread = 0.05 }))  // uneven
        #expect(!looksLikeText(line, with: { $0.heightSpread = 0.2 }))
        #expect(!looksLikeText(line, with: { $0.backgroundNoise = 0.08 }))  // busier
        #expect(!looksLikeText(line, with: { $0.crossingDensity = 1.5 }))
        #expect(!looksLikeText(line, with: { $0.textureRatio = 0.8 }))
    }

    /// Measured on an MR frame full of bold white text, its anatomy as bright: "00069176" on a dark band (eight
    /// glyphs of exactly one height and level, lined up perfectly, flat-topped, strokes crossing as digits do)
    /// stands only at the frame's texture, its background a tenth of its contrast: text; shorter, less flat,
    /// less regular, or on a busier background, not.
    @Test func aLongRegularRowAtTheTextureOfABrightFrameIsFound() {
        var line = lightRow(TextBox(x: 276, y: 68, width: 111, height: 16), glyphHeight: 16, glyphs: 8, every: 14, wide: 11)
        line.evidence = .measured(glyphs: 8, heightSpread: 0, strokeRatio: 0.18, levelSpread: 0, alignment: 1,
                                   crossingDensity: 2.22, plateau: 1, textureRatio: 1, glyphWidthShare: 0.78, backgroundNoise: 0.11)
        #expect(finder.looksLikeText(line))
        #expect(!looksLikeText(line, with: { $0.glyphCount = 7 }))
        #expect(!looksLikeText(line, with: { $0.plateau = 0.9 }))
        #expect(!looksLikeText(line, with: { $0.levelSpread = 0.05 }))
        #expect(!looksLikeText(line, with: { $0.backgroundNoise = 0.15 }))
        #expect(!looksLikeText(line, with: { $0.textureRatio = 0.9 }))
    }

    /// Measured on a bright MR frame: "Acq time 13.47.11" in bold white (thirteen pieces, ascenders and
    /// descenders, antialiased edges) on a dead quiet background stands only at the frame's texture: text;
    /// shorter, of two levels, or on a background less quiet, not.
    @Test func aLongMixedCaseRowOnADeadQuietBackgroundIsFound() {
        var line = lightRow(TextBox(x: 208, y: 7, width: 296, height: 28), glyphHeight: 21, glyphs: 13, every: 22, wide: 18)
        line.evidence = .measured(glyphs: 13, heightSpread: 0.24, strokeRatio: 0.35, levelSpread: 0, alignment: 1,
                                   crossingDensity: 1.48, plateau: 0.74, textureRatio: 1.29, glyphWidthShare: 0.74,
                                   backgroundNoise: 0.006)
        #expect(finder.looksLikeText(line))
        #expect(!looksLikeText(line, with: { $0.glyphCount = 9 }))
        #expect(!looksLikeText(line, with: { $0.levelSpread = 0.05 }))
        #expect(!looksLikeText(line, with: { $0.backgroundNoise = 0.05 }))
        #expect(!looksLikeText(line, with: { $0.crossingDensity = 1.2 }))
    }

    /// Small antialiased capitals have few pixels on their peak level (a low plateau). Measured on MR frames:
    /// "DoB: 02/03/1986" in 8-pixel capitals (five pieces, 24 times the texture, background a tenth of the
    /// contrast) and "M 13Y" (two pieces, 94 times the texture, a dead quiet background) are text; with a
    /// busier background, or standing out less, they still are not.
    @Test func smallCapitalsFarAboveTheTextureAreFound() {
        var line = lightRow(TextBox(x: 8, y: 21, width: 77, height: 8), glyphHeight: 8, glyphs: 5, every: 15, wide: 13)
        line.evidence = .measured(glyphs: 5, heightSpread: 0, strokeRatio: 0.38, levelSpread: 0.04, alignment: 1,
                                   crossingDensity: 1.73, plateau: 0.19, textureRatio: 24, glyphWidthShare: 0.82, backgroundNoise: 0.094)
        #expect(finder.looksLikeText(line))
        #expect(!looksLikeText(line, with: { $0.textureRatio = 12 }))  // lower
        #expect(!looksLikeText(line, with: { $0.backgroundNoise = 0.15 }))  // busier

        var pair = TextRegion(box: TextBox(x: 342, y: 351, width: 31, height: 8), polarity: .lightOnDark, glyphHeight: 8,
                              glyphs: [TextBox(x: 342, y: 351, width: 6, height: 8), TextBox(x: 354, y: 351, width: 19, height: 8)])
        pair.evidence = .measured(glyphs: 2, heightSpread: 0, strokeRatio: 0.41, levelSpread: 0, alignment: 1,
                                   crossingDensity: 1.6, plateau: 0.12, textureRatio: 94, glyphWidthShare: 0.9, backgroundNoise: 0.003)
        #expect(finder.looksLikeText(pair))
        #expect(!looksLikeText(pair, with: { $0.backgroundNoise = 0.05 }))  // noisy
    }

    /// Thin antialiased text has few stroke pixels on its peak level (a low plateau, as anatomy
    /// ridges have); a long row of glyphs of one height and one level, lined up, is text all the same.
    @Test func aLongRowOfAntialiasedGlyphsOnTextureIsFound() {
        var frames = SyntheticFrames.monochrome(rows: 64, columns: 240, bits: 12, fill: 0)
        var noise = SeededNoise(seed: 7)
        for r in 0..<64 { for c in 0..<240 { frames.setSample(300 + Int(25 * noise.gaussian()), frame: 0, row: r, column: c) } }
        var ink = SyntheticFrames.monochrome(rows: 64, columns: 240, bits: 8, fill: 0)
        let text = SyntheticFrames.draw("DATE 30 10 2013 MONDAY", at: 6, 20, scale: 1, value: 255, into: &ink)
        let coverage = [1.0, 0.8, 0.7, 0.6, 0.75]  // partly covered pixels of a 1-pixel stroke
        for r in 0..<64 { for c in 0..<240 where ink.sample(frame: 0, row: r, column: c) == 255 {
            frames.setSample(300 + Int(500 * coverage[(r + 2 * c) % 5]), frame: 0, row: r, column: c)
        } }
        #expect(found(text, in: finder.regions(in: frames, frame: 0, renderer: FrameRenderer())))
        // the rows of separate glyphs themselves pass, not only a coarser find of the whole line
        let rows = finder.candidateLines(in: frames, frame: 0, renderer: FrameRenderer()).filter { $0.evidence.glyphCount >= 6 }
        #expect(!rows.isEmpty)
        #expect(rows.allSatisfy { $0.evidence.plateau < 0.3 && finder.looksLikeText($0) })
    }

    /// Faint text drawn at one value into a radiograph's grain (contrast about two and a half times the grain's
    /// spread; `SyntheticFrames.faintTextOnGrain`) is found in the frame's level runs, and only there: the
    /// level-run plane is searched for dark text.
    @Test func faintTextDrawnAtOneValueIntoGrainIsFound() {
        let (frames, text, _) = SyntheticFrames.faintTextOnGrain("PT 04-11-1956 MD", rows: 64, columns: 240, at: 6, 20, scale: 2, seed: 5)
        let regions = finder.regions(in: frames, frame: 0, renderer: FrameRenderer())
        #expect(found(text, in: regions))
        #expect(regions.allSatisfy { $0.polarity == .darkOnLight && $0.box.intersects(text) })
        let image = TextSearchImage(frames, frame: 0, renderer: FrameRenderer())
        #expect(image.levelRunSources == [1: 0])
    }

    /// A body outline broken up by CT noise (measured on a noisy slice: seven glyph-sized pieces along
    /// 48 glyph heights, under a fifth of the line's width, on a busy background, barely above the
    /// texture) is not text; the same sparse pieces on a quiet background may be, and pass.
    @Test func sparsePiecesAlongANoisyEdgeAreNoText() {
        var line = TextRegion(box: TextBox(x: 104, y: 449, width: 291, height: 12), polarity: .lightOnDark, glyphHeight: 6,
                              glyphs: (0..<10).map { TextBox(x: 104 + 29 * $0, y: 451, width: 6, height: 6) })
        line.evidence = .measured(glyphs: 7, heightSpread: 0.17, strokeRatio: 0.29, levelSpread: 0.19, alignment: 0.83,
                                   crossingDensity: 1.02, plateau: 0.3, textureRatio: 2.21, glyphWidthShare: 0.19, backgroundNoise: 0.35)
        #expect(!finder.looksLikeText(line))
        line.evidence.backgroundNoise = 0.1
        #expect(finder.looksLikeText(line))
    }

    @Test func aFrameWithoutTextHasNoCandidates() {
        var frames = SyntheticFrames.monochrome(rows: 64, columns: 64, bits: 12, fill: 500)
        for r in 0..<64 { for c in 0..<64 { frames.setSample(500 + Int(200 * sin(Double(r) / 9) * cos(Double(c) / 7)), frame: 0, row: r, column: c) } }
        #expect(finder.regions(in: frames, frame: 0, renderer: FrameRenderer()).isEmpty)
    }

    @Test(.enabled(if: SharedData.exists(SharedData.data("nema-wg04-compsamples/CT1_UNC"))),
          arguments: ["nema-wg04-compsamples/CT1_UNC", "fo-dicom-testdata/IM-0001-0001-0001.dcm",
                      "orthanc-tests/TransferSyntaxes/1.2.840.10008.1.2.1.99.dcm"])
    func textFreeRealCTHasNoCandidates(_ file: String) throws {
        let instance = try Instance(contentsOf: SharedData.data(file))
        let frames = try instance.decodePixels()
        #expect(finder.regions(in: frames, frame: 0, renderer: FrameRenderer(dataset: instance.dataset)).isEmpty)
    }

    /// Fresh noise (σ = 12 stored units, fixed seeds) on a text-free CT slice breaks the thin curve
    /// under the patient into pieces that lined up like a row of small glyphs (one of these twelve
    /// draws, a quarter of the benchmark's frames), each such frame then costing a dozen OCR calls.
    @Test(.enabled(if: SharedData.exists(SharedData.data("nema-wg04-compsamples/CT1_UNC"))))
    func noisyTextFreeCTHasNoCandidates() throws {
        let instance = try Instance(contentsOf: SharedData.data("nema-wg04-compsamples/CT1_UNC"))
        let clean = try instance.decodePixels()
        var renderer = FrameRenderer(dataset: instance.dataset)
        renderer.window = FrameRenderer.Window(center: 40, width: 400) // read in a soft-tissue window
        var generator = SeededNoise(seed: 7)
        var withCandidates: [Int] = []
        for seed in 0..<12 {
            var frames = clean
            let d = frames.description
            for r in 0..<d.rows {
                for c in 0..<d.columns {
                    let value = frames.sample(frame: 0, row: r, column: c) + Int((12 * generator.gaussian()).rounded())
                    frames.setSample(min(max(value, 0), 4095), frame: 0, row: r, column: c)
                }
            }
            if !finder.regions(in: frames, frame: 0, renderer: renderer).isEmpty { withCandidates.append(seed) }
        }
        #expect(withCandidates.isEmpty, "noise draws with candidates: \(withCandidates)")
    }

    @Test func glyphWidthShareCountsOverlappingGlyphsOnce() {
        #expect(LineAssembler.coveredShare(of: [(30, 39), (0, 9), (5, 14)], width: 40) == 25.0 / 40)
        #expect(LineAssembler.coveredShare(of: [], width: 40) == 0)
    }

    @Test(.enabled(if: SharedData.hasDevPixels))
    func everyPHIItemOfADevelopmentImageIsInACandidate() throws {
        let image = try DevSetImage.named("CT/img005.dcm")
        let instance = try Instance(contentsOf: image.inputPath)
        let frames = try instance.decodePixels()
        let regions = finder.regions(in: frames, frame: 0, renderer: FrameRenderer(dataset: instance.dataset))
        for item in image.truth.items where item.phi {
            #expect(found(item.valueBox.insetBy(dx: -1, dy: -1), in: regions.map {
                var grown = $0
                grown.box = $0.box.insetBy(dx: $0.glyphHeight / 2, dy: $0.glyphHeight / 2)
                return grown
            }), "\(item.text)")
        }
    }
}

/// Reproducible Gaussian noise for tests (a 64-bit LCG and Box–Muller).
struct SeededNoise {
    var state: UInt64

    init(seed: UInt64) { state = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407 }

    mutating func uniform() -> Double {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return (Double(state >> 11) + 0.5) / Double(1 << 53)
    }

    mutating func gaussian() -> Double {
        (-2 * log(uniform())).squareRoot() * cos(2 * Double.pi * uniform())
    }
}
