import DicomCore
import Foundation
import PHIDetection

/// The piece of a frame OCR reads for one text region: the region with a margin, cut from the
/// plane where text and background separate best (native samples for monochrome; R, G or B for
/// colour), windowed between the background's and the text's mean levels so the text comes out
/// black on white at full contrast, whatever its value, polarity or colour — as an 8-bit image.
struct OCRPatch {
    var image: RenderedImage
    /// Where the patch's (0, 0) lies in the frame.
    var origin: (x: Int, y: Int)
    /// Boxes (frame coordinates) of the connected pieces of text ink in the patch: the patch's own,
    /// locally windowed segmentation, which also has the glyphs the finder's threshold missed.
    var ink: [TextBox]

    /// How the patch's grey levels are made.
    enum View: CaseIterable {
        /// The region's plane windowed between background and glyph level (see `cut`).
        case levels
        /// The plane's top-hat in the region's polarity: the local background taken away, so text
        /// on a gradient or on anatomy stands on a flat field.
        case flattened
    }

    init?(region: TextRegion, in search: TextSearchImage, view: View = .levels) {
        // wide at the sides (a word may start or end in a stroke below threshold), tight above and
        // below: slivers of neighbouring lines make single-line OCR read nothing
        let step = max(4, region.glyphHeight)
        guard var box = region.box.insetBy(dx: step, dy: max(2, region.glyphHeight / 5))
            .clipped(width: search.width, height: search.height) else { return nil }
        var patch = Self.cut(box, from: search, region: region, view: view)
        // ink near a side (the finder's box plus a glyph height would leave a clear margin) means
        // the line goes on beyond what the finder saw — its last glyphs may sit on a busier
        // background: widen towards it, a glyph height at a time
        for _ in 0..<3 {
            let rows = region.box
            let onRows = patch.ink.filter { 2 * (min($0.maxY, rows.maxY) - max($0.y, rows.y)) >= min($0.height, rows.height) }
            let left = box.x > 0 && onRows.contains { $0.x <= box.x + step / 2 }
            let right = box.maxX < search.width && onRows.contains { $0.maxX >= box.maxX - step / 2 }
            guard left || right else { break }
            let x0 = left ? max(0, box.x - step) : box.x
            let x1 = right ? min(search.width, box.maxX + step) : box.maxX
            box = TextBox(x: x0, y: box.y, width: x1 - x0, height: box.height)
            patch = Self.cut(box, from: search, region: region, view: view)
        }
        self = patch
    }

    private init(image: RenderedImage, origin: (x: Int, y: Int), ink: [TextBox]) {
        self.image = image
        self.origin = origin
        self.ink = ink
    }

    /// The patch for `box`, windowed between the background (the crop's median) and the level the
    /// finder measured on the line's glyphs, in the plane it found them in: text is drawn in one
    /// level, and this keeps it black even when stronger structures share the crop (CT table edges,
    /// bone), which a two-class split of the crop would pick instead. When the finder's level hardly
    /// differs from the background, the plane and levels that split the crop best are used.
    private static func cut(_ box: TextBox, from search: TextSearchImage, region: TextRegion, view kind: View) -> OCRPatch {
        if kind == .levels, let source = search.levelRunSources[region.plane],
           let patch = cutFromSamples(box, of: search.planes[source], runs: search.planes[region.plane], region: region) {
            return patch
        }
        var view: SplitView
        if kind == .flattened {
            let radius = TextRegionFinder.Parameters().strokeRadius
            let wide = box.insetBy(dx: radius, dy: radius).clipped(width: search.width, height: search.height) ?? box
            let plane = search.planes[region.plane].cropped(to: wide)
            let flat = region.polarity == .lightOnDark ? plane.whiteTopHat(radius: radius) : plane.blackTopHat(radius: radius)
            let crop = flat.cropped(to: TextBox(x: box.x - wide.x, y: box.y - wide.y, width: box.width, height: box.height))
            view = SplitView(crop: crop, textLevel: region.contrast, backgroundLevel: 0)
        } else {
            view = SplitView(crop: search.planes[region.plane].cropped(to: box), textLevel: region.glyphLevel)
        }
        if kind == .levels && abs(view.textMean - view.backgroundMean) * 2 < Double(region.contrast) {
            // (a level-run plane too: on grain, its runs alone read some lines best; measured on the held-out draws)
            let views = search.planes.map { SplitView(crop: $0.cropped(to: box)) }
            view = views.max(by: { $0.separability < $1.separability })!
        }
        let band = (region.box.y - box.y)..<(region.box.maxY - box.y)
        let image = Self.erasingNeighbourLines(view.blackTextOnWhite(), band: band)
        let darkness = GreyPlane(width: image.width, height: image.height, pixels: image.pixels.map { 255 - $0 })
        let ink = StrokeComponent.label(darkness, source: darkness, threshold: 128)
            .filter { $0.area >= 2 }
            .map { TextBox(x: $0.minX + box.x, y: $0.minY + box.y, width: $0.width, height: $0.height) }
        return OCRPatch(image: image, origin: (box.x, box.y), ink: ink)
    }

    /// The patch for `box` of a line found in a level-run plane (`Plane.levelRuns`): its samples windowed
    /// evenly from the background (white) to the level its runs are drawn at (black), for OCR to split, as
    /// grain on both sides of a split set nearer would break the letters; its ink the runs' pieces.
    private static func cutFromSamples(_ box: TextBox, of samples: SamplePlane, runs: SamplePlane, region: TextRegion) -> OCRPatch? {
        let crop = samples.cropped(to: box), marks = runs.cropped(to: box)
        let atLevel = crop.pixels.indices.filter { marks.pixels[$0] == 0 }.map { crop.pixels[$0] }
        guard !atLevel.isEmpty else { return nil }
        let level = Plane(width: atLevel.count, height: 1, pixels: atLevel).quantile(0.5)
        let view = SplitView(crop: crop, textLevel: Int(level))
        let band = (region.box.y - box.y)..<(region.box.maxY - box.y)
        let image = Self.erasingNeighbourLines(view.blackTextOnWhite(floor: 0, ceiling: 1), band: band)
        let runInk = GreyPlane(width: marks.width, height: marks.height, pixels: marks.pixels.map { $0 == 0 ? 255 : 0 })
        let ink = StrokeComponent.label(runInk, source: runInk, threshold: 128)
        return OCRPatch(image: image, origin: (box.x, box.y), ink: ink.filter { $0.area >= 2 }
            .map { TextBox(x: $0.minX + box.x, y: $0.minY + box.y, width: $0.width, height: $0.height) })
    }

    /// Lines set closely above or below (a pixel or two apart) reach into the patch as slivers cut
    /// at its top or bottom edge, which make single-line OCR read garbage: ink pieces touching
    /// those edges that lie mostly (three quarters) outside the line's rows (`band`) are whitened.
    static func erasingNeighbourLines(_ image: RenderedImage, band: Range<Int>) -> RenderedImage {
        let width = image.width, height = image.height
        guard height > 2, width > 0 else { return image }
        var pixels = image.pixels
        var seen = [Bool](repeating: false, count: pixels.count)
        var stack: [Int] = [], piece: [Int] = []
        let edgeStarts = Array(0..<width) + Array((height - 1) * width..<height * width)
        for start in edgeStarts where pixels[start] < 128 && !seen[start] {
            piece.removeAll(keepingCapacity: true)
            stack.append(start)
            seen[start] = true
            var top = height, bottom = -1
            while let index = stack.popLast() {
                piece.append(index)
                let x = index % width, y = index / width
                top = min(top, y)
                bottom = max(bottom, y)
                for (dx, dy) in [(-1, 0), (1, 0), (0, -1), (0, 1)] {
                    let nx = x + dx, ny = y + dy
                    guard nx >= 0, nx < width, ny >= 0, ny < height else { continue }
                    let neighbour = ny * width + nx
                    if !seen[neighbour] && pixels[neighbour] < 128 {
                        seen[neighbour] = true
                        stack.append(neighbour)
                    }
                }
            }
            let inside = max(0, min(bottom + 1, band.upperBound) - max(top, band.lowerBound))
            if 4 * inside < bottom - top + 1 { for index in piece { pixels[index] = 255 } }
        }
        return RenderedImage(width: width, height: height, channels: image.channels, pixels: pixels)
    }

    /// Moves a word from patch to frame coordinates.
    func toFrame(_ word: OCRWord) -> OCRWord {
        var word = word
        word.box.x += origin.x
        word.box.y += origin.y
        return word
    }
}
