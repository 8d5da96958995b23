import PHIDetection

/// A place on a rendered frame where text is likely: one line of aligned glyph-like strokes.
public struct TextRegion: Hashable, Sendable {
    /// Whether the strokes are brighter (light text on a dark background) or darker than their surroundings.
    public enum Polarity: String, Hashable, Sendable { case lightOnDark, darkOnLight }

    /// The line's bounding box in the coordinates of the rendered frame (tight around the strokes).
    public var box: TextBox
    public var polarity: Polarity
    /// Median height of the line's full-size glyph components (≈ cap height): drives OCR upscaling.
    public var glyphHeight: Int
    /// The stroke components the line was built from; redaction boxes are snapped to them so
    /// that a word box that OCR drew a pixel short still covers all of the ink.
    public var glyphs: [TextBox]
    /// Median peak contrast of the glyphs, in units of the plane they were found in.
    public var contrast: Int
    /// Median grey level of the glyphs in that plane.
    var glyphLevel: Int
    /// Which plane of the frame's `TextSearchImage` showed the line best (0 for monochrome).
    var plane: Int
    /// What made the finder believe this is text.
    var evidence = LineEvidence()
    /// The same line found in the other polarity: read when this one reads poorly.
    var alternatives: [TextRegion] = []

    public init(box: TextBox, polarity: Polarity, glyphHeight: Int, glyphs: [TextBox], contrast: Int = 0) {
        self.init(box: box, polarity: polarity, glyphHeight: glyphHeight, glyphs: glyphs, contrast: contrast,
                  glyphLevel: 0, plane: 0)
    }

    init(box: TextBox, polarity: Polarity, glyphHeight: Int, glyphs: [TextBox], contrast: Int, glyphLevel: Int, plane: Int) {
        self.box = box
        self.polarity = polarity
        self.glyphHeight = glyphHeight
        self.glyphs = glyphs
        self.contrast = contrast
        self.glyphLevel = glyphLevel
        self.plane = plane
    }
}

extension TextRegion {
    /// The same region moved by (dx, dy): from a crop's coordinates to the frame's.
    func offsetBy(dx: Int, dy: Int) -> TextRegion {
        var moved = self
        moved.box = box.offsetBy(dx: dx, dy: dy)
        moved.glyphs = glyphs.map { $0.offsetBy(dx: dx, dy: dy) }
        moved.alternatives = alternatives.map { $0.offsetBy(dx: dx, dy: dy) }
        return moved
    }
}

extension TextBox {
    func offsetBy(dx: Int, dy: Int) -> TextBox {
        TextBox(x: x + dx, y: y + dy, width: width, height: height)
    }

    var maxX: Int { x + width }
    var maxY: Int { y + height }
    var area: Int { width * height }

    /// The smallest box holding both.
    func union(_ other: TextBox) -> TextBox {
        let x0 = min(x, other.x), y0 = min(y, other.y)
        return TextBox(x: x0, y: y0, width: max(maxX, other.maxX) - x0, height: max(maxY, other.maxY) - y0)
    }

    /// The overlap, or nil when they do not overlap.
    func intersection(_ other: TextBox) -> TextBox? {
        let x0 = max(x, other.x), y0 = max(y, other.y)
        let x1 = min(maxX, other.maxX), y1 = min(maxY, other.maxY)
        return x1 > x0 && y1 > y0 ? TextBox(x: x0, y: y0, width: x1 - x0, height: y1 - y0) : nil
    }

    func intersects(_ other: TextBox) -> Bool { intersection(other) != nil }

    /// Whether the two stand on one text row: half the lower one's height in common (not the line above or
    /// below, which a box may touch). `WordRows.sharesRow` asks more, half the taller one's.
    func isOnRow(of other: TextBox) -> Bool {
        2 * (min(maxY, other.maxY) - max(y, other.y)) >= min(height, other.height)
    }

    /// Grown by `dx` left and right and `dy` up and down (not clipped).
    public func insetBy(dx: Int, dy: Int) -> TextBox {
        TextBox(x: x - dx, y: y - dy, width: width + 2 * dx, height: height + 2 * dy)
    }

    func clipped(width limitWidth: Int, height limitHeight: Int) -> TextBox? {
        intersection(TextBox(x: 0, y: 0, width: limitWidth, height: limitHeight))
    }
}
