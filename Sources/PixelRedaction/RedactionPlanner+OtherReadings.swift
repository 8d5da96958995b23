import PHIDetection

extension RedactionPlanner {
    /// PHI that another reading of a region shows and its most confident reading does not: OCR reads
    /// a doubtful line again another way (binarised, larger, flattened), and the more confident of two
    /// guesses at small or faint text is not always the right one ("edgy" and "049Y"). Each other
    /// reading is put in the place of the region's words and the frame planned again, without taking
    /// doubtful neighbours into findings (in such a reading every word is doubtful). A finding it makes
    /// in that region counts when its evidence is strong (`isStrongEvidence`: a pattern, a header value,
    /// a label), and each of its boxes only where the most confident reading was in doubt too (`mayPaint`);
    /// the value reaches back to its label (`bridgeFromLabels`). Sensitive and all-but-safe modes only
    /// (all-text paints every region); the pixel redactor does not ask in verification, where other
    /// readings of a painted box's edges read as anything.
    func otherReadingEntries(_ text: FrameText, frame: Int, context: PHIContext, planned: [Entry]) -> [Entry] {
        guard options.mode == .sensitive || options.mode == .allButSafe, !text.otherReadings.isEmpty else { return [] }
        var strict = self
        strict.absorbsDoubtfulWords = false
        var painted = planned.flatMap(\.paint)
        var added: [Entry] = []
        // (regions whose words were set one by one, not per region, have no reading to replace)
        for region in text.otherReadings.keys.sorted()
        where text.readWords.indices.contains(region) && text.regions.indices.contains(region) && text.regionInk.indices.contains(region) {
            let area = text.regions[region].box
            for reading in text.otherReadings[region]! {
                let variant = text.reading(region: region, as: reading)
                for var entry in strict.plan(variant, frame: frame, context: context)
                where entry.finding.decision == .redacted && Self.isStrongEvidence(entry.finding) && entry.finding.box.intersects(area) {
                    // a header value overrules a sure word where nothing was painted: where the first reading
                    // found the value too, another reading adds only what it glued to it
                    let overrules = entry.finding.recognizer == PHIDetector.headerMatchRecognizer
                        && !painted.contains { $0.intersects(entry.finding.box) }
                    entry.paint = entry.paint.compactMap { Self.withinRows(of: text.regions[region], $0) }.filter { box in
                        !Self.isMostlyCovered(box, by: painted)
                            && Self.mayPaint(box, proposedBy: reading, in: text, region: region, painted: painted, overrules: overrules)
                    }
                    guard !entry.paint.isEmpty else { continue }
                    entry.finding.recognizer += Self.otherReadingSuffix
                    painted += entry.paint
                    added.append(entry)
                }
            }
        }
        // a value another reading found reaches back to its label as one the first found does
        let unpainted = text.words.filter { !Self.isHalfCovered($0.box, byOneOf: painted) }
        bridgeFromLabels(&added, labels: unpainted, keeping: unpainted)
        return added
    }

    /// Appended to the recognizer of a finding made on another reading of its region.
    static let otherReadingSuffix = " (other reading)"

    /// Findings whose shape garbled text seldom takes by chance: patterns with digits, header values,
    /// labelled values, and names in a strong shape (`LAST^FIRST`, a title or credential with a known
    /// name), at 0.7 or more. A run of capitalised words, or a label's doubtful value, is what noise reads as.
    static func isStrongEvidence(_ finding: PixelFinding) -> Bool {
        // a recognizer's own hedge on a misread value ("August 28, “a" for a year) is a guess on a guess here
        guard finding.confidence >= 0.7 else { return false }
        switch finding.recognizer {
        case "label-value", "initials-pattern", "age-unit", "unread-text": return false
        case "name-lexicon": return finding.confidence >= 0.8
        default: return finding.type != nil
        }
    }

    /// A word this sure in the most confident reading is not read again another way.
    static let sureReading = 0.8

    /// Whether `box`, proposed by `reading` (another reading of `region`), may be painted: the most
    /// confident reading left something there in doubt (a word read less surely than `sureReading`, ink
    /// of the region none of its words covers, or a word of the other reading reaching beyond the words
    /// it read), and read no word there surely that stays unpainted: a reading does not overrule what was read surely
    /// ("LIVER RT LOBE" read again as "LER RT LOBE™", a name with a credential), unless the finding
    /// `overrules` it: a header value (noise does not read as the patient's birth date, and OCR may be
    /// sure of "39/1950" for "10/09/1950"). The box is painted whole or not at all: a piece of a value
    /// painted leaves the rest of it unreadable as what it is, to verification too.
    static func mayPaint(_ box: TextBox, proposedBy reading: [OCRWord], in text: FrameText, region: Int, painted: [TextBox],
                         overrules: Bool) -> Bool {
        let inside = text.words.filter { isInside($0.box, box) }
        let sure = inside.filter { $0.confidence >= sureReading }
        if !overrules, sure.contains(where: { !isMostlyCovered($0.box, by: painted) }) { return false }
        if sure.count < inside.count { return true }
        let unreadInk = text.regionInk[region].contains { piece in isInside(piece, box) && !inside.covers(piece) }
        return unreadInk || reading.contains { isInside($0.box, box) && reachesBeyond($0.box, inside) }
    }

    /// Whether half of `piece` lies in `box`.
    private static func isInside(_ piece: TextBox, _ box: TextBox) -> Bool {
        (piece.intersection(box)?.area ?? 0) * 2 >= piece.area
    }

    /// Whether a word box goes on a character's width (0.6 of its height) beyond the columns of `words`
    /// ("10/09/1950" where "39/1950" was read).
    private static func reachesBeyond(_ box: TextBox, _ words: [OCRWord]) -> Bool {
        let spans = words.compactMap { word -> (Int, Int)? in
            let x0 = max(word.box.x, box.x), x1 = min(word.box.maxX, box.maxX)
            return x1 > x0 ? (x0, x1 - 1) : nil
        }
        let uncovered = Double(box.width) * (1 - LineAssembler.coveredShare(of: spans, width: box.width))
        return 5 * uncovered >= 3 * Double(box.height)
    }

    /// `box` cut to the rows of the region it was read in, a quarter glyph height more above and below:
    /// in a reading where every word is doubtful, a word's box may reach into the line below ("=" for
    /// a bar beside the text), which the rows of words read well would bound in the first reading.
    static func withinRows(of region: TextRegion, _ box: TextBox) -> TextBox? {
        let margin = region.glyphHeight / 4
        let top = max(box.y, region.box.y - margin), bottom = min(box.maxY, region.box.maxY + margin)
        return bottom > top ? TextBox(x: box.x, y: top, width: box.width, height: bottom - top) : nil
    }

    /// Whether boxes already painted cover nine tenths of `box` (overlaps between them counted once
    /// per box, so a box covered twice over in part may count as covered).
    static func isMostlyCovered(_ box: TextBox, by painted: [TextBox]) -> Bool {
        let covered = painted.reduce(0) { $0 + ($1.intersection(box)?.area ?? 0) }
        return 10 * covered >= 9 * box.area
    }

    /// Whether one of `painted` covers half of `box` or more (a word painted over, not one a box only touches).
    static func isHalfCovered(_ box: TextBox, byOneOf painted: [TextBox]) -> Bool {
        painted.contains { $0.intersection(box).map { 2 * $0.area >= box.area } ?? false }
    }
}
