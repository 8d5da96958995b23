import PHIDetection

/// Where a first pass painted, for verification to read again: per frame the areas around its
/// boxes (native coordinates), and the frame-wide levels the first search judged lines against.
/// With those levels the second search need only look at the painted areas, not the whole frame.
public struct PaintedAreas: Sendable {
    public var boxes: [Int: [TextBox]]
    public var levels: [Int: TextRegionFinder.Levels]
    /// The boxes painted so far, per frame (before padding).
    public var painted: [Int: [TextBox]]

    public init(boxes: [Int: [TextBox]], levels: [Int: TextRegionFinder.Levels] = [:], painted: [Int: [TextBox]] = [:]) {
        self.boxes = boxes
        self.levels = levels
        self.painted = painted
    }

    /// These areas with more painted boxes (what a second pass painted).
    public func adding(painted more: [Int: [TextBox]]) -> PaintedAreas {
        var areas = self
        areas.painted.merge(more) { $0 + $1 }
        return areas
    }

    /// Whether a word OCR read lies in the painted boxes (grown by `padding`) but for a sliver: OCR
    /// reads the edge of a painted box as a letter or two ("Ei" where a box meets the gap after a
    /// label), and those must not be taken for text still there. A word reaching out of the boxes by
    /// half its height or more is not: what shows beyond a box may be the rest of a value.
    func isInsidePaint(_ word: TextBox, frame: Int, padding: Int) -> Bool {
        let boxes = (painted[frame] ?? []).map { $0.insetBy(dx: padding, dy: padding) }
        guard let covering = boxes.first(where: { $0.intersects(word) }) else { return false }
        let covered = boxes.filter { $0.intersects(word) }.dropFirst().reduce(covering) { $0.union($1) }
        let outsideLeft = max(0, covered.x - word.x), outsideRight = max(0, word.maxX - covered.maxX)
        let outsideTop = max(0, covered.y - word.y), outsideBottom = max(0, word.maxY - covered.maxY)
        return 2 * max(outsideLeft, outsideRight, outsideTop, outsideBottom) < word.height
    }

    /// What a search around `areas` looks at: their bounding box, widened by `margin` on every side.
    static func searchBox(around areas: [TextBox], margin: Int) -> TextBox? {
        guard let first = areas.first else { return nil }
        return areas.dropFirst().reduce(first) { $0.union($1) }.insetBy(dx: margin, dy: margin)
    }
}
