import PHIDetection

/// The end of a value OCR cut short where its background changes: text running from a bright part of
/// an image onto a dark one ("Whitfield, Ma" + "teusz" over a film's edge, "E313892" + "31" over a light
/// band). The OCR patch is windowed for one background, so its ink and the words read stop at the edge
/// while the letters go on, fainter, beyond it.
///
/// Right of each painted box of a PHI value, on the box's rows, the strokes are looked for again in the
/// frame's search plane with a top-hat of the finder's radius, against a threshold set locally: a fifth
/// of the value's own stroke contrast (its last two glyph heights), and three times the median response
/// of the strip looked at (its background; text covers less than half of it). Columns with strokes,
/// each within a letter gap (0.45 glyph heights) of the previous, continue the value; the box is
/// extended over them, over the last letter's faint edge (strokes at half the threshold right after
/// them) and a quarter of a glyph height more. Nothing is added over a word read well
/// (`RedactionPlanner.extendTails`), nor when:
/// - the letters still go on at four glyph heights (no end in sight; three letters of a small font, "RIZ" of
///   "BEATRIZ", take three and more);
/// - strokes run on without a gap for more than 1.2 glyph heights (an edge in the image, not letters; a short
///   word's may run on over its whole width, see below);
/// - strokes at half the threshold go on for more than half a glyph height past the end found (letters
///   fading into a noisy background: where they end is unsure, and verification reads a word left
///   whole better than one cut in two).
///
/// A short word after a word space (`Kind.spacedWord`): the AM/PM OCR did not read after a clock time, and
/// (mirrored, as a head) the word it did not read before a value that may have one
/// (`RedactionPlanner.Entry.mayHaveWordBefore`: "B." of "B. McAllister", "St.", the day of "01 NOV 1980"). The
/// tail may begin after a word space (up to 1.3 glyph heights) instead of a letter gap, and then be no longer
/// than two wide letters (2.5 glyph heights; its letters may touch all along), as tall as a small letter at
/// least (0.6 glyph heights: not the dots or dash of a decoration), within the row (strokes in at most half
/// its columns in the three rows above or below: not a streak of the image), and a whole word: the space after
/// it (as far as the reach shows) no narrower than 0.7 of the one before it. A dot seen first (a title's, "Dr."
/// looked at from its end, set apart in a monospaced font's cell) does not end the word at the letter gap after it.
///
/// A whole value after its label (`Kind.value`, `RedactionPlanner.unreadValues`): as a short word, from within
/// 1.5 glyph heights of the label, but as long as it goes (words a glyph height apart at most, up to 20 glyph
/// heights) and without the 1.2-glyph-height limit on strokes without a gap (the glyphs of a bold font touch);
/// a bar along the row is still no value (letters are as tall as a small letter).
struct ValueTail {
    let plane: SamplePlane
    let polarity: TextRegion.Polarity
    let glyphHeight: Int
    let radius: Int
    /// What is looked for after the box.
    enum Kind: Sendable {
        /// Letters right after it: the rest of a value OCR cut short.
        case letters
        /// A short word after a word space (a meridiem, an initial; see above).
        case spacedWord
        /// A whole value after a word space (the box is its label's): words of letters, each within a word space
        /// (a glyph height) of the last, as far as `valueReachHeights`, touching glyphs of a bold font running on
        /// for any length; the box returned starts at its ink.
        case value
    }

    var kind = Kind.letters

    static let reachHeights = 4
    static let valueReachHeights = 20
    /// The widest space between a label and its value, in tenths of a glyph height.
    static let valueSpaceTenths = 15
    /// The widest word space before a short word (a meridiem, an initial) and the widest such word, in tenths of
    /// a glyph height.
    static let spaceTenths = 13
    static let shortWordTenths = 25
    static let contrastShare = 0.2
    static let backgroundFactor = 3.0

    /// The box to add after `box` (nil when the value ends there).
    func tail(after box: TextBox) -> TextBox? {
        let h = glyphHeight
        guard h >= 4, box.height <= 2 * h, box.maxX > 0, box.maxX < plane.width - 1 else { return nil }
        let reach = switch kind {
        case .letters: Self.reachHeights * h
        case .spacedWord: (Self.spaceTenths * h + Self.shortWordTenths * h) / 10
        case .value: Self.valueReachHeights * h
        }
        let x0 = max(0, box.maxX - 2 * h - radius), x1 = min(plane.width, box.maxX + reach + radius + 1)
        let y0 = max(0, box.y - radius - 2), y1 = min(plane.height, box.maxY + radius + 2)
        guard x1 - box.maxX > 1, y1 > y0 else { return nil }
        let crop = plane.cropped(to: TextBox(x: x0, y: y0, width: x1 - x0, height: y1 - y0))
        let strength = polarity == .lightOnDark ? crop.whiteTopHat(radius: radius) : crop.blackTopHat(radius: radius)
        let rows = max(0, box.y - y0)..<min(crop.height, box.maxY - y0)
        let own = max(0, box.maxX - 2 * h - x0)..<(box.maxX - x0)
        let strip = (box.maxX - x0)..<min(crop.width, box.maxX - x0 + reach)
        guard !rows.isEmpty, !own.isEmpty, !strip.isEmpty else { return nil }
        let reference = Self.quantile(strength, rows: rows, columns: own, 0.9)
        guard reference > 0 else { return nil }
        let threshold = max(Self.contrastShare * reference, Self.backgroundFactor * Self.quantile(strength, rows: rows, columns: strip, 0.5), 1)
        let gapLimit = kind == .value ? max(2, h) : max(2, h * 45 / 100)
        func hasStrokes(_ x: Int, _ level: Double) -> Bool {
            var count = 0
            for y in rows where Double(strength[x, y]) >= level {
                count += 1
                if count >= 2 { return true }
            }
            // one stroke on the box's last row going on below it: OCR's box may end a row short of the glyphs'
            // feet (an "L", an "E"). Not above: a bar over the text (a banner's edge, the line above) running
            // into its top row would join every column.
            let bottom = rows.upperBound - 1
            return count == 1 && bottom + 1 < crop.height && Double(strength[x, bottom]) >= level
                && Double(strength[x, bottom + 1]) >= level
        }
        let firstGapLimit = switch kind {
        case .letters: gapLimit
        case .spacedWord: max(gapLimit, Self.spaceTenths * h / 10)
        case .value: max(gapLimit, Self.valueSpaceTenths * h / 10)
        }
        var first = -1, last = -1, gap = 0, run = 0, closed = false
        for (offset, x) in strip.enumerated() {
            if hasStrokes(x, threshold) {
                if first < 0 { first = offset }
                last = offset
                run += 1
                gap = 0
                // (a short word's letters may touch over its whole width, "PM" in a monospaced font: its other
                // tests tell it from an edge, which runs on above and below the row)
                if kind == .letters && 5 * run > 6 * h
                    || kind == .spacedWord && 10 * run > Self.shortWordTenths * h { return nil }
            } else {
                gap += 1
                run = 0
                // a short word's dot seen first ("Dr." read from its end, mirrored; a monospaced font sets it
                // apart in its cell): a mark so far, not a letter, and the word may go on past a word space
                let markOnly = kind == .spacedWord && first >= 0 && 4 * (last - first + 1) <= h
                if gap > (first < 0 || markOnly ? firstGapLimit : gapLimit) { closed = true; break }
            }
        }
        guard last >= 0 else { return nil }
        if kind != .letters {
            guard kind == .value || 10 * (last - first + 1) <= Self.shortWordTenths * h else { return nil }
            // letters, as tall as a small letter at least: not dots or a dash after the time
            let inked = rows.filter { y in (first...last).contains { Double(strength[strip.lowerBound + $0, y]) >= threshold } }
            guard let top = inked.first, let bottom = inked.last, 10 * (bottom - top + 1) >= 6 * h else { return nil }
            // letters stand within their row: not a streak of the image running on above or below it
            let outside = Array(max(0, rows.lowerBound - 3)..<rows.lowerBound) + Array(rows.upperBound..<min(crop.height, rows.upperBound + 3))
            let streaked = (first...last).filter { offset in outside.contains { Double(strength[strip.lowerBound + offset, $0]) >= threshold } }
            guard 2 * streaked.count <= last - first + 1 else { return nil }
            // a whole word: the space after it no narrower than 0.7 of the one crossed (the end of "Marisol"
            // after the wide gap a monospaced "i" leaves is no initial before "Delacroix")
            let closing = strip.dropFirst(last + 1).prefix { !hasStrokes($0, threshold) }.count
            guard kind == .value || last + 1 + closing >= strip.count || 10 * closing >= 7 * first else { return nil }
        }
        // letters still going at the reach (and not at the frame's edge): no end seen
        if !closed, box.maxX + strip.count < plane.width { return nil }
        // the last letter's faint edge: strokes at half the threshold right after the end found (gaps of
        // one column at most). When they run on for more than half a glyph height, the letters only fade
        // into the background (light text onto a light, noisy part): the end is unsure, and a box ending
        // inside a word would leave the rest unreadable to verification, which reads it whole.
        var faint = 0, open = 0
        for x in (strip.lowerBound + last + 1)..<strip.upperBound {
            if hasStrokes(x, threshold / 2) {
                faint += open + 1
                open = 0
                if 2 * faint > h { return nil }
            } else {
                open += 1
                if open > 1 { break }
            }
        }
        let width = min(last + 1 + faint + h / 4, plane.width - box.maxX)
        // a value starts at its ink: the space after its label is not its
        let start = kind == .value ? max(0, first - 1) : 0
        return TextBox(x: box.maxX + start, y: box.y, width: width - start, height: box.height)
    }

    /// The box to add before `box` (nil when the value starts there): the start of a value OCR cut short
    /// ("3 yrs" for 73 yrs, "39/1950" for 10/09/1950), found as a tail in the mirrored neighbourhood.
    func head(before box: TextBox) -> TextBox? {
        let h = glyphHeight
        guard box.x > 0, box.x < plane.width else { return nil }
        let reach = Self.reachHeights * h
        let x0 = max(0, box.x - reach - radius - 2), x1 = min(plane.width, box.maxX + 2 * h + radius + 2)
        let y0 = max(0, box.y - radius - 2), y1 = min(plane.height, box.maxY + radius + 2)
        guard x1 > box.maxX, y1 > y0 else { return nil }
        let window = plane.cropped(to: TextBox(x: x0, y: y0, width: x1 - x0, height: y1 - y0)).mirrored()
        var mirrored = ValueTail(plane: window, polarity: polarity, glyphHeight: glyphHeight, radius: radius)
        mirrored.kind = kind
        let flipped = TextBox(x: x1 - box.maxX, y: box.y - y0, width: box.width, height: box.height)
        guard let extra = mirrored.tail(after: flipped) else { return nil }
        return TextBox(x: x1 - extra.maxX, y: box.y, width: extra.width, height: box.height)
    }

    /// The value at quantile `q` of `plane` over a block of rows and columns.
    static func quantile(_ plane: SamplePlane, rows: Range<Int>, columns: Range<Int>, _ q: Double) -> Double {
        var values: [UInt16] = []
        values.reserveCapacity(rows.count * columns.count)
        for y in rows { for x in columns { values.append(plane[x, y]) } }
        values.sort()
        return values.isEmpty ? 0 : Double(values[Int(Double(values.count - 1) * q)])
    }
}
