import PHIDetection

/// Measurements of a candidate line that tell text from texture: text is a row of glyphs of similar
/// height, aligned at top or bottom, drawn with thin strokes in one colour, usually on a background
/// that is flat compared with the text's contrast.
struct LineEvidence: Hashable, Sendable {
    /// Full-size glyph components in the line.
    var glyphCount = 0
    /// Interquartile spread of glyph heights relative to the median height, leaving out commas and periods
    /// when two glyphs at least are left: those of a larger font are full size, and in a short line ("14,"
    /// before a year) one would make a spread of letters of one height.
    var heightSpread = 0.0
    /// Median stroke width relative to the median glyph height.
    var strokeRatio = 0.0
    /// Spread of the glyphs' peak levels (max − min) relative to the line's contrast.
    var levelSpread = 0.0
    /// Fraction of neighbouring glyph pairs whose tops or bottoms line up.
    var alignment = 0.0
    /// Horizontal stroke runs per pixel of glyph width: a row through a word crosses a stroke every
    /// few pixels (≈ 2–6), a row through a blob or a long curve crosses it once (≲ 1).
    var crossingDensity = 0.0
    /// Median fraction of each glyph's stroke pixels on its peak level (see `StrokeComponent.plateau`).
    var plateau = 0.0
    /// The line's contrast over the frame's texture level (the 90th percentile of its top-hat response).
    var textureRatio = 0.0
    /// Fraction of the line's width under its full-size glyphs (the rest is gaps and small pieces).
    var glyphWidthShare = 0.0
    /// Standard deviation of the background (non-stroke pixels of the line box) relative to the contrast.
    var backgroundNoise = 0.0

    init() {}

    init(glyphs full: [StrokeComponent], glyphHeight: Int, contrast: Int) {
        glyphCount = full.count
        let letters = full.filter { !Self.isPunctuation($0, of: full, glyphHeight: glyphHeight) }
        let heights = (letters.count >= 2 ? letters : full).map(\.height).sorted()
        heightSpread = Double(heights[heights.count * 3 / 4] - heights[heights.count / 4]) / Double(max(glyphHeight, 1))
        let strokes = full.map(\.strokeWidth).sorted()
        strokeRatio = strokes[strokes.count / 2] / Double(max(glyphHeight, 1))
        let levels = full.map(\.level)
        levelSpread = Double(levels.max()! - levels.min()!) / Double(max(contrast, 1))
        let plateaus = full.map(\.plateau).sorted()
        plateau = plateaus[plateaus.count / 2]
        crossingDensity = Double(full.reduce(0) { $0 + $1.horizontalRuns }) / Double(max(full.reduce(0) { $0 + $1.width }, 1))
        let ordered = full.sorted { $0.minX < $1.minX }
        if ordered.count > 1 {
            let pairs = zip(ordered, ordered.dropFirst())
            let aligned = pairs.filter { a, b in
                let tall = max(a.height, b.height)
                return abs(a.minY - b.minY) * 4 <= tall || abs(a.maxY - b.maxY) * 4 <= tall
            }.count
            alignment = Double(aligned) / Double(ordered.count - 1)
        } else {
            alignment = 1
        }
    }

    /// Fills in `backgroundNoise` from the plane the line was found in.
    mutating func measureBackground(of box: TextBox, source: SamplePlane, strength: SamplePlane, threshold: Int, contrast: Int) {
        var count = 0, sum = 0.0, squares = 0.0
        for y in max(0, box.y)..<min(source.height, box.maxY) {
            for x in max(0, box.x)..<min(source.width, box.maxX) {
                let i = y * source.width + x
                guard Int(strength.pixels[i]) < threshold / 2 else { continue }
                let v = Double(source.pixels[i])
                count += 1
                sum += v
                squares += v * v
            }
        }
        guard count > 1 else { return }
        let mean = sum / Double(count)
        let variance: Double = Swift.max(squares / Double(count) - mean * mean, 0)
        backgroundNoise = variance.squareRoot() / Double(Swift.max(contrast, 1))
    }

    /// A comma or a period: at most half the line's glyph height tall and wide, below the middle of the
    /// line's tallest glyphs.
    static func isPunctuation(_ glyph: StrokeComponent, of full: [StrokeComponent], glyphHeight: Int) -> Bool {
        guard 2 * glyph.height <= glyphHeight, 2 * glyph.width <= glyphHeight else { return false }
        let top = full.map(\.minY).min()!, bottom = full.map(\.maxY).max()!
        return 2 * glyph.minY >= top + bottom
    }
}
