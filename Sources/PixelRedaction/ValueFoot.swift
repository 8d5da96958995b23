import PHIDetection

/// The descenders of a value's letters below its painted box ("p" of "Orthopaedic", "y" of "12 yrs"), and the
/// tops of letters taller than the box above it ("85" of "85 yrs" in a box fitted to "yrs"): OCR's patch and
/// the ink fitted to it may stop at the baseline or at the small letters' height, leaving parts of the
/// letters unpainted and the value readable by them.
///
/// Beyond the box, over its columns, strokes are looked for in the frame's search plane with a top-hat of the
/// finder's radius, against a threshold set as `ValueTail`'s: a fifth of the value's own stroke contrast
/// (inside the box) and three times the median response of the rows looked at. Row by row away from the box,
/// strokes that go on from strokes in the row before (within a column) are part of the letters; the box
/// reaches the last such row, when two clear rows follow it. Nothing is added when:
/// - no stroke goes on beyond the box, or for one row only (the glyphs' antialiased edge, which the
///   painter's padding covers);
/// - strokes begin again right after the letters' end (the next or previous line's letters);
/// - the strokes of a row cover more than a quarter of the box's columns (letters cut through, or text on
///   the next line, not a few tails);
/// - strokes still go on at `reachTenths` of a glyph height beyond (an edge or texture of the image, not
///   descenders, which end within about a third of a glyph height).
struct ValueFoot {
    let plane: SamplePlane
    let polarity: TextRegion.Polarity
    let glyphHeight: Int
    let radius: Int

    /// How far beyond the box descenders and tops may reach, in tenths of a glyph height.
    static let reachTenths = 5
    /// Clear rows wanted after the strokes end.
    static let clearRows = 2
    /// Fewer rows of strokes than this are the glyphs' antialiased edge, not descenders or tops.
    static let fewestRows = 2

    /// The rows to add below `box` (0 when none).
    func rows(below box: TextBox) -> Int { rows(beyond: box, upward: false) }

    /// The rows to add above `box`, the same way: the tops of letters taller than the box, which was fitted to
    /// small letters ("85" of "85 yrs", painted at the height of "yrs").
    func rows(above box: TextBox) -> Int { rows(beyond: box, upward: true) }

    private func rows(beyond painted: TextBox, upward: Bool) -> Int {
        let h = glyphHeight
        let reach = max(1, h * Self.reachTenths / 10)
        // the box's columns in the plane (a padded box may reach past its edge); its rows must lie in it
        guard h >= 4, painted.y >= 0, painted.maxY <= plane.height, upward ? painted.y > 0 : painted.maxY + 1 < plane.height,
              let box = painted.clipped(width: plane.width, height: plane.height) else { return 0 }
        let x0 = max(0, box.x - radius), x1 = min(plane.width, box.maxX + radius)
        let y0 = max(0, box.y - reach - radius - 1), y1 = min(plane.height, box.maxY + reach + radius + 1)
        guard x1 > x0 else { return 0 }
        let crop = plane.cropped(to: TextBox(x: x0, y: y0, width: x1 - x0, height: y1 - y0))
        let strength = polarity == .lightOnDark ? crop.whiteTopHat(radius: radius) : crop.blackTopHat(radius: radius)
        let columns = max(0, box.x - x0)..<min(crop.width, box.maxX - x0)
        let inside = (box.y - y0)..<(box.maxY - y0)
        let beyond = upward ? max(0, inside.lowerBound - reach - 1)..<inside.lowerBound
            : inside.upperBound..<min(crop.height, inside.upperBound + reach + 1)
        guard !columns.isEmpty, !inside.isEmpty, !beyond.isEmpty else { return 0 }
        let reference = ValueTail.quantile(strength, rows: inside, columns: columns, 0.9)
        guard reference > 0 else { return 0 }
        let threshold = max(ValueTail.contrastShare * reference,
                            ValueTail.backgroundFactor * ValueTail.quantile(strength, rows: beyond, columns: columns, 0.5), 1)
        func inked(_ y: Int) -> [Int] { columns.filter { Double(strength[$0, y]) >= threshold } }
        var previous = Set(inked(upward ? inside.lowerBound : inside.upperBound - 1))
        var added = 0
        let order: [Int] = upward ? beyond.reversed() : Array(beyond)
        for (step, y) in order.enumerated() {
            let row = inked(y)
            if row.isEmpty {
                // the strokes end here: clear rows after them (not the next or previous line's letters); one row
                // is the glyphs' antialiased edge, which the padding covers
                let clear = order.dropFirst(step).prefix(Self.clearRows).allSatisfy { inked($0).isEmpty }
                return clear && added >= Self.fewestRows ? added : 0
            }
            guard 4 * row.count <= columns.count,
                  row.allSatisfy({ x in previous.contains(x) || previous.contains(x - 1) || previous.contains(x + 1) })
            else { return 0 }
            previous = Set(row)
            added += 1
        }
        return 0
    }
}
