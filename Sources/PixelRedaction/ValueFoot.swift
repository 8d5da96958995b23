import PHIDetection

/// The descenders of a value's letters below its painted box ("p" of "Orthopaedic", "y" of "12 yrs"): OCR's
/// patch and the ink fitted to it may stop at the baseline, leaving the tails of the letters unpainted and
/// the value readable by them.
///
/// Below the box, over its columns, strokes are looked for in the frame's search plane with a top-hat of the
/// finder's radius, against a threshold of half the value's own stroke contrast (inside the box) and three
/// times the median response of the rows looked at. Row by row down from the box, strokes that go on from
/// strokes in the row above (within a column) are descenders; the box reaches the last such row, when two
/// clear rows follow it. Nothing is added when:
/// - no stroke goes on below the box (its bottom is below the letters already);
/// - strokes begin again right after the descenders end (the next line's tops);
/// - the strokes of a row cover more than a quarter of the box's columns (letters cut through higher up, or
///   text on the next line, not a few tails);
/// - strokes still go on at `reachTenths` of a glyph height below (an edge or texture of the image, not
///   descenders, which end within about a third of a glyph height).
struct ValueFoot {
    let plane: SamplePlane
    let polarity: TextRegion.Polarity
    let glyphHeight: Int
    let radius: Int

    /// How far below the box descenders may reach, in tenths of a glyph height.
    static let reachTenths = 5
    /// A descender's strokes are as strong as the letters': half their contrast (a fifth would take texture).
    static let contrastShare = 0.2
    /// Clear rows wanted after the descenders end.
    static let clearRows = 2

    /// The rows to add below `box` (0 when none).
    func rows(below box: TextBox) -> Int {
        let h = glyphHeight
        let reach = max(1, h * Self.reachTenths / 10)
        guard h >= 4, box.width > 0, box.height > 0, box.y >= 0, box.maxY + 1 < plane.height else { return 0 }
        let x0 = max(0, box.x - radius), x1 = min(plane.width, box.maxX + radius)
        let y0 = max(0, box.y - radius), y1 = min(plane.height, box.maxY + reach + radius + 1)
        guard x1 > x0, y1 > box.maxY else { return 0 }
        let crop = plane.cropped(to: TextBox(x: x0, y: y0, width: x1 - x0, height: y1 - y0))
        let strength = polarity == .lightOnDark ? crop.whiteTopHat(radius: radius) : crop.blackTopHat(radius: radius)
        let columns = max(0, box.x - x0)..<min(crop.width, box.maxX - x0)
        let inside = (box.y - y0)..<(box.maxY - y0)
        let below = inside.upperBound..<min(crop.height, inside.upperBound + reach + 1)
        guard !columns.isEmpty, !inside.isEmpty, !below.isEmpty else { return 0 }
        let reference = ValueTail.quantile(strength, rows: inside, columns: columns, 0.9)
        guard reference > 0 else { return 0 }
        let threshold = max(Self.contrastShare * reference,
                            ValueTail.backgroundFactor * ValueTail.quantile(strength, rows: below, columns: columns, 0.5), 1)
        func inked(_ y: Int) -> [Int] { columns.filter { Double(strength[$0, y]) >= threshold } }
        var above = Set(inked(inside.upperBound - 1))
        var added = 0
        for y in below {
            let row = inked(y)
            if row.isEmpty {
                // the letters' feet end here: clear rows after them (not the next line's tops)
                let clear = (y..<min(below.upperBound, y + Self.clearRows)).allSatisfy { inked($0).isEmpty }
                return clear ? added : 0
            }
            guard 4 * row.count <= columns.count, row.allSatisfy({ x in above.contains(x) || above.contains(x - 1) || above.contains(x + 1) })
            else { return 0 }
            above = Set(row)
            added += 1
        }
        return 0
    }
}
