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

    init?(region: TextRegion, in search: TextSearchImage) {
        // wide at the sides (a word may start or end in a stroke below threshold), tight above and
        // below: slivers of neighbouring lines make single-line OCR read nothing
        let step = max(4, region.glyphHeight)
        guard var box = region.box.insetBy(dx: step, dy: max(2, region.glyphHeight / 5))
            .clipped(width: search.width, height: search.height) else { return nil }
        var patch = Self.cut(box, from: search)
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
            patch = Self.cut(box, from: search)
        }
        self = patch
    }

    private init(image: RenderedImage, origin: (x: Int, y: Int), ink: [TextBox]) {
        self.image = image
        self.origin = origin
        self.ink = ink
    }

    /// The patch for `box`: the best-separating plane, windowed, and its ink.
    private static func cut(_ box: TextBox, from search: TextSearchImage) -> OCRPatch {
        let views = search.planes.map { SplitView(crop: $0.cropped(to: box)) }
        let best = views.max(by: { $0.separability < $1.separability })!
        let image = best.blackTextOnWhite()
        let darkness = GreyPlane(width: image.width, height: image.height, pixels: image.pixels.map { 255 - $0 })
        let ink = StrokeComponent.label(darkness, source: darkness, threshold: 128)
            .filter { $0.area >= 2 }
            .map { TextBox(x: $0.minX + box.x, y: $0.minY + box.y, width: $0.width, height: $0.height) }
        return OCRPatch(image: image, origin: (box.x, box.y), ink: ink)
    }

    /// Moves a word from patch to frame coordinates.
    func toFrame(_ word: OCRWord) -> OCRWord {
        var word = word
        word.box.x += origin.x
        word.box.y += origin.y
        return word
    }
}

/// A crop split by Otsu's threshold into text (the minority class) and background.
struct SplitView {
    let crop: SamplePlane
    let low: Int
    let high: Int
    /// Between-class over total variance (0…1): how cleanly the crop splits into two levels.
    private(set) var separability = 0.0
    private(set) var textMean = 0.0
    private(set) var backgroundMean = 0.0

    init(crop: SamplePlane) {
        self.crop = crop
        low = Int(crop.pixels.min() ?? 0)
        high = Int(crop.pixels.max() ?? 0)
        guard high > low else { return }
        // 256-bin histogram of the crop's own range
        var counts = [Int](repeating: 0, count: 256)
        let span = Double(high - low)
        for value in crop.pixels { counts[Int(Double(Int(value) - low) / span * 255)] += 1 }
        let total = Double(crop.pixels.count)
        let sumAll = counts.enumerated().reduce(0.0) { $0 + Double($1.offset * $1.element) }
        let meanAll = sumAll / total
        let varianceAll = counts.enumerated().reduce(0.0) { $0 + Double($1.element) * pow(Double($1.offset) - meanAll, 2) } / total
        var weightBelow = 0.0, sumBelow = 0.0, best = -1.0
        var split = (below: 0.0, above: 0.0, weightBelow: 0.0)
        for level in 0..<255 {
            weightBelow += Double(counts[level])
            sumBelow += Double(level * counts[level])
            guard weightBelow > 0, weightBelow < total else { continue }
            let meanBelow = sumBelow / weightBelow, meanAbove = (sumAll - sumBelow) / (total - weightBelow)
            let between = weightBelow * (total - weightBelow) * pow(meanBelow - meanAbove, 2) / (total * total)
            if between > best {
                best = between
                split = (meanBelow, meanAbove, weightBelow)
            }
        }
        guard best >= 0, varianceAll > 0 else { return }
        separability = best / varianceAll
        let textIsBright = split.weightBelow * 2 > total
        let base = Double(low)
        textMean = base + (textIsBright ? split.above : split.below) / 255 * span
        backgroundMean = base + (textIsBright ? split.below : split.above) / 255 * span
    }

    /// The crop windowed so that the text's level is black and anything less than `floor` of the
    /// way from the background's level to it is white (texture behind the text fades out), with a
    /// ramp between for antialiased edges.
    func blackTextOnWhite(floor: Double = 0.4, ceiling: Double = 0.8) -> RenderedImage {
        var span = textMean - backgroundMean
        if abs(span) < 1 { span = 1 }
        let pixels = crop.pixels.map { value -> UInt8 in
            let t = (Double(value) - backgroundMean) / span
            let ramp = min(max((t - floor) / (ceiling - floor), 0), 1)
            return UInt8((255 * (1 - ramp)).rounded())
        }
        return RenderedImage(width: crop.width, height: crop.height, channels: 1, pixels: pixels)
    }
}

extension TextRegion {
    /// OCR hints for this region's patch (which is already black text on white).
    var patchHints: OCRHints {
        OCRHints(glyphHeight: glyphHeight, polarity: .darkOnLight, isSingleLine: 5 * box.height <= 8 * glyphHeight)
    }
}
