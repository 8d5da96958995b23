import PHIDetection

/// Post-processing of the boxes to paint on one frame.
enum PaintBoxes {
    /// Boxes on one text row (rows overlapping by half of the lower box) that are closer than the
    /// row's height become one box: the strip between two hidden words is background anyway, and a
    /// solid strip leaves no word-shaped gap to read lengths from.
    static func mergedAlongRows(_ boxes: [TextBox]) -> [TextBox] {
        var result = boxes.filter { $0.width > 0 && $0.height > 0 }
        var merged = true
        while merged {
            merged = false
            outer: for i in result.indices {
                for j in result.indices where j > i && belongTogether(result[i], result[j]) {
                    result[i] = result[i].union(result[j])
                    result.remove(at: j)
                    merged = true
                    break outer
                }
            }
        }
        return result
    }

    static func belongTogether(_ a: TextBox, _ b: TextBox) -> Bool {
        let overlap = min(a.maxY, b.maxY) - max(a.y, b.y)
        let lower = min(a.height, b.height)
        guard 2 * overlap >= lower, max(a.height, b.height) <= 2 * lower else { return false }
        let gap = max(a.x, b.x) - min(a.maxX, b.maxX)
        return gap <= lower
    }
}
