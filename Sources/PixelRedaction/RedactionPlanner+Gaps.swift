import PHIDetection

/// What OCR left out of a value, made up for in sensitive mode: a value garbled after its label, an age
/// unit read without its number, the unread letters between two parts of one name, or between a label
/// and its value.
extension RedactionPlanner {
    /// What OCR garbled after a label that announces PHI ("Birthdate:" "+a", "Acq time" "1ihl4"): the
    /// words after a well-read label on its row read less surely than `uncertainConfidence`, when no
    /// finding holds them, count as its value at this confidence; a label with digits ("11:", a time cut
    /// after its colon) with them.
    static let garbledValueConfidence = 0.6

    func garbledValues(_ text: FrameText, covered: Set<Int>) -> [[Int]] {
        let candidates = text.words.indices.compactMap { index -> (label: Int, value: [Int])? in
            guard !covered.contains(index), text.words[index].confidence >= Self.uncertainConfidence,
                  PHIDetector.isLabel(text.words[index].text) else { return nil }
            let value = text.uncertainWords(after: index, below: Self.uncertainConfidence).filter { !covered.contains($0) }
            guard !value.isEmpty else { return nil }
            // a "label" of digits is the start of the value OCR cut after a colon ("11:" "Aap" for 11:43:40)
            return (index, text.words[index].text.contains(where: \.isNumber) ? [index] + value : value)
        }
        guard !candidates.isEmpty else { return [] }
        // no technical label ("Scan" over "kV mAs" in a table, "Se: 6"); a garbled value often reads as an
        // abbreviation ("Pa", "Qa"), so the value's words may be on the list
        let safe = allowListed(text)
        return candidates.filter { !safe.contains($0.label) }.map(\.value)
    }

    /// An age unit read well ("yrs", "years") that no finding painted had its number unread or
    /// misread ("J yrs", "6¢ o4VIs yrs"): the unit and the ink before it on its row, each piece within
    /// a word space of the next and all within three glyph heights, are painted as an age, as an age
    /// read whole would be (0.8), unless a word read well with letters stands there. Where no ink is
    /// seen before the unit, two digits' width (2.5 glyph heights) is painted.
    static let unreadAgeConfidence = 0.8

    func unreadAges(_ text: FrameText, painted: Set<Int>) -> [(unit: Int, box: TextBox)] {
        let units = text.words.indices.filter { index in
            !painted.contains(index) && text.words[index].confidence >= Self.uncertainConfidence && PHIDetector.isAgeUnit(text.words[index].text)
        }
        guard !units.isEmpty else { return [] }
        // words read well with letters (the units themselves among them: a unit never stops at itself, its
        // pieces lie left of it); the ink of every patch and the glyphs the finder saw (a patch may begin
        // after the number)
        let blockers = text.words.filter { $0.confidence >= Self.uncertainConfidence && $0.text.filter(\.isLetter).count >= 2 }.map(\.box)
        let ink = text.regionInk.flatMap { $0 } + text.regions.flatMap(\.glyphs)
        return units.map { index in
            let word = text.words[index]
            var box = text.inkBox(ofWord: index)
            let limit = box.x - 3 * box.height
            let pieces = (ink + text.words.indices.filter { $0 != index && text.words[$0].line == word.line }.map { text.words[$0].box })
                .filter { piece in
                    piece.isOnRow(of: box) && piece.x >= limit && piece.maxX <= box.x && !blockers.contains { $0.intersects(piece) }
                }
            let unitX = box.x
            var grown = true
            while grown {
                grown = false
                for piece in pieces where piece.x < box.x && box.x - piece.maxX <= box.height {
                    box = box.union(piece)
                    grown = true
                }
            }
            if box.x == unitX {
                // no ink seen there (a patch cut short, digits too faint for the finder): two digits' width
                let stop = blockers.filter { $0.maxX <= unitX && min($0.maxY, box.maxY) > max($0.y, box.y) }.map(\.maxX).max() ?? 0
                let start = max(unitX - 5 * box.height / 2, stop + options.padding + 1, 0)
                box = box.union(TextBox(x: start, y: box.y, width: unitX - start, height: box.height))
            }
            return (index, box)
        }
    }

    /// The words on the allow-list of safe technical text, read line by line.
    func allowListed(_ text: FrameText) -> Set<Int> {
        var safe = Set<Int>()
        for line in Set(text.words.map(\.line)) {
            let members = text.words.indices.filter { text.words[$0].line == line }
            for (index, flag) in zip(members, detector.isAllowListed(line: members.map { text.words[$0] })) where flag {
                safe.insert(index)
            }
        }
        return safe
    }

    /// Two painted parts of one name or institution on a row, a few letters apart, are one value
    /// OCR read in pieces ("Lakeshore" … "énal Medical Center", "Pinecrest" … "rity Hospital": the
    /// letters between were not read): the gap between them is painted too, when it is no wider than
    /// six glyph heights ("Riversi" … "paedic Clinic": a whole word and more unread) and holds no word
    /// read well and kept (a stray "|" does not count).
    func bridgeSplitValues(_ entries: inout [Entry], keeping kept: [OCRWord]) {
        let parts = entries.indices.filter { [.name, .institution].contains(entries[$0].finding.type) }
            .flatMap { index in entries[index].paint.map { (entry: index, box: $0) } }
        for a in parts {
            for b in parts where b.entry != a.entry && entries[b.entry].finding.type == entries[a.entry].finding.type {
                if let gap = Self.gap(from: a.box, to: b.box, within: 6, keeping: kept) { entries[a.entry].paint.append(gap) }
            }
        }
    }

    /// A painted value reaches back to the label before it on its row ("Pat." … "Szabo", "Patient:" …
    /// "Brennan"): a gap wider than a word space there holds what OCR did not read of the value (a middle
    /// initial "H.", "L." and the spaces around it). The gap is painted, short of the label by the
    /// padding, when it is no wider than six glyph heights (a given name unread: "Pat." … "Mulligan") and
    /// holds no word read well and kept. A label may be a weak finding
    /// itself ("Pat." is a given name too), as long as it is not painted.
    func bridgeFromLabels(_ entries: inout [Entry], labels unpainted: [OCRWord], keeping kept: [OCRWord]) {
        let labels = unpainted.filter { $0.confidence >= Self.uncertainConfidence && PHIDetector.isLabel($0.text) }
        guard !labels.isEmpty else { return }
        for index in entries.indices {
            for box in entries[index].paint {
                // the nearest label to the left on the row
                let before = labels.filter { $0.box.maxX <= box.x && $0.box.isOnRow(of: box) }
                guard let label = before.max(by: { $0.box.maxX < $1.box.maxX }),
                      5 * (box.x - label.box.maxX) > 3 * box.height,
                      let gap = Self.gap(from: label.box, to: box, within: 6, keeping: kept) else { continue }
                let start = gap.x + options.padding + 1
                guard gap.maxX > start else { continue }
                entries[index].paint.append(TextBox(x: start, y: gap.y, width: gap.maxX - start, height: gap.height))
            }
        }
    }

    /// The gap from `a` to `b` on their row, when `b` lies to the right within `heights` glyph heights
    /// and no kept word read well (two letters or digits or more) lies in it.
    static func gap(from a: TextBox, to b: TextBox, within heights: Int = 3, keeping kept: [OCRWord]) -> TextBox? {
        guard b.x > a.maxX, a.isOnRow(of: b), b.x - a.maxX <= heights * max(a.height, b.height) else {
            return nil
        }
        let top = min(a.y, b.y)
        let gap = TextBox(x: a.maxX, y: top, width: b.x - a.maxX, height: max(a.maxY, b.maxY) - top)
        let blocked = kept.contains { isReadWell($0) && $0.box.intersects(gap) }
        return blocked ? nil : gap
    }

    /// A word OCR read surely, of two letters or digits or more: text that is there and known, which
    /// nothing painted for a neighbouring value may cover.
    static func isReadWell(_ word: OCRWord) -> Bool {
        word.confidence >= uncertainConfidence && word.text.filter { $0.isLetter || $0.isNumber }.count >= 2
    }
}
