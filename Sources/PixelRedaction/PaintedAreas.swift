import PHIDetection

/// Where a first pass painted, for verification to read again: per frame the areas around its
/// boxes (native coordinates), and the frame-wide levels the first search judged lines against.
/// With those levels the second search need only look at the painted areas, not the whole frame.
public struct PaintedAreas: Sendable {
    public var boxes: [Int: [TextBox]]
    public var levels: [Int: TextRegionFinder.Levels]

    public init(boxes: [Int: [TextBox]], levels: [Int: TextRegionFinder.Levels] = [:]) {
        self.boxes = boxes
        self.levels = levels
    }

    /// What a search around `areas` looks at: their bounding box, widened by `margin` on every side.
    static func searchBox(around areas: [TextBox], margin: Int) -> TextBox? {
        guard let first = areas.first else { return nil }
        return areas.dropFirst().reduce(first) { $0.union($1) }.insetBy(dx: margin, dy: margin)
    }
}
