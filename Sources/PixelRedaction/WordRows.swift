import PHIDetection

/// Groups words into text rows: two words share a row when their rows overlap by at least half the
/// taller one's height, and a row is every word linked to it that way, transitively (a row's first
/// word, whatever its size, does not decide which later words belong: a small "UR:" beside a larger
/// "Phone: (304) 555-4650" on the same band stays apart from it, and the taller parentheses stay with
/// their number). Rows are split where a horizontal gap of more than four word heights separates
/// neighbours.
enum WordRows {
    static func order<T>(_ items: [(word: OCRWord, region: T)]) -> [(word: OCRWord, region: T)] {
        let byMiddle = items.sorted { ($0.word.box.y + $0.word.box.maxY, $0.word.box.x) < ($1.word.box.y + $1.word.box.maxY, $1.word.box.x) }
        var sets = UnionFind(count: byMiddle.count)
        for i in byMiddle.indices {
            for j in (i + 1)..<byMiddle.count where sharesRow(byMiddle[i].word.box, byMiddle[j].word.box) {
                sets.union(i, j)
            }
        }
        // rows in the order of their first word by middle (a root is its set's smallest index)
        var rows: [Int: [(word: OCRWord, region: T)]] = [:]
        var roots: [Int] = []
        for index in byMiddle.indices {
            let root = sets.find(index)
            if rows[root] == nil { roots.append(root) }
            rows[root, default: []].append(byMiddle[index])
        }
        var result: [(word: OCRWord, region: T)] = []
        var line = 0
        for root in roots {
            let sorted = rows[root, default: []].sorted { ($0.word.box.x, $0.word.box.y) < ($1.word.box.x, $1.word.box.y) }
            // the gap is measured from the farthest right any word so far reaches (a second, shorter
            // reading of a word, "Me:" under "Medical", must not open a gap after it)
            var reach: (maxX: Int, height: Int)?
            for item in sorted {
                if let before = reach, item.word.box.x - before.maxX > 4 * max(before.height, item.word.box.height) {
                    line += 1
                }
                if reach == nil || item.word.box.maxX > reach!.maxX { reach = (item.word.box.maxX, item.word.box.height) }
                var word = item.word
                word.line = line
                result.append((word, item.region))
            }
            line += 1
        }
        return result
    }

    /// Whether two words are on one row: their rows overlap by at least half the taller one's height
    /// (so their heights are within a factor of two).
    static func sharesRow(_ a: TextBox, _ b: TextBox) -> Bool {
        let overlap = min(a.maxY, b.maxY) - max(a.y, b.y)
        return 2 * overlap >= max(a.height, b.height)
    }

    /// Video overlays and dot-matrix fonts space their characters widely, and OCR then splits a time
    /// or date into pieces ("13:" "13:" "56"). Neighbours in a row made only of digits and date/time
    /// separators, closer than 0.6 of their height, with a separator where they meet, are read as
    /// one word, so patterns see the whole value. ("19" "2024" stay apart: a space between numbers
    /// is as wide as such a gap; words with letters are left alone: "QoniAd45:46:57" hides a time.)
    /// Two runs of digits alone ("201" "20616" for 20120616) are joined only when closer than 0.4 of
    /// their height: a letter gap OCR took for a space (a space between digits is ≥ 0.5 cap heights); so
    /// are an identifier's letters and digits and the digits after them ("XR45683" "38" for XR4568338).
    static func joinSplitNumbers<T>(_ items: [(word: OCRWord, region: T)]) -> [(word: OCRWord, region: T)] {
        joinNeighbours(items) { last, next in
            if isLettersThenDigits(last.text), next.text.allSatisfy({ $0.isASCII && $0.isNumber }) {
                return isWithin(fifths: 2, ofTheHeightFrom: last.box, to: next.box)
            }
            guard isNumeric(last.text), isNumeric(next.text) else { return false }
            let separated = isSeparator(last.text.last) || isSeparator(next.text.first)
            return isWithin(fifths: separated ? 3 : 2, ofTheHeightFrom: last.box, to: next.box)
        }
    }

    /// OCR sometimes reads a word's capital on its own ("T" "handxe" for "Thandiwe"): a single capital
    /// followed on its row by a word in lower case, closer than 0.4 of their height (a space is wider),
    /// is one word with it.
    static func joinSplitCapitals<T>(_ items: [(word: OCRWord, region: T)]) -> [(word: OCRWord, region: T)] {
        joinNeighbours(items) { last, next in
            guard last.text.count == 1, let capital = last.text.first, capital.isASCII, capital.isUppercase,
                  let first = next.text.first, first.isASCII, first.isLowercase else { return false }
            return isWithin(fifths: 2, ofTheHeightFrom: last.box, to: next.box)
        }
    }

    /// Each word joined to the one before it on its row (texts run together, boxes united, the lower
    /// confidence) when `belong` says so.
    private static func joinNeighbours<T>(_ items: [(word: OCRWord, region: T)],
                                          _ belong: (OCRWord, OCRWord) -> Bool) -> [(word: OCRWord, region: T)] {
        var result: [(word: OCRWord, region: T)] = []
        for item in items {
            if var last = result.last, last.word.line == item.word.line, belong(last.word, item.word) {
                last.word.text += item.word.text
                last.word.box = last.word.box.union(item.word.box)
                last.word.confidence = min(last.word.confidence, item.word.confidence)
                result[result.count - 1] = last
                continue
            }
            result.append(item)
        }
        return result
    }

    /// Whether `b` starts after `a` ends, no farther than `fifths` fifths of the lower one's height.
    private static func isWithin(fifths: Int, ofTheHeightFrom a: TextBox, to b: TextBox) -> Bool {
        let gap = b.x - a.maxX
        return gap >= 0 && 5 * gap <= fifths * min(a.height, b.height)
    }

    static func isSeparator(_ character: Character?) -> Bool {
        character.map { ":;./-".contains($0) } ?? false
    }

    /// One to four capitals, then two digits or more, nothing else ("XR45683", "HN76").
    static func isLettersThenDigits(_ text: String) -> Bool {
        let letters = text.prefix { $0.isASCII && $0.isUppercase }
        let digits = text.dropFirst(letters.count)
        return (1...4).contains(letters.count) && digits.count >= 2 && digits.allSatisfy { $0.isASCII && $0.isNumber }
    }

    static func isNumeric(_ text: String) -> Bool {
        !text.isEmpty && text.contains(where: \.isNumber) && text.allSatisfy { $0.isNumber || ":;./-".contains($0) }
    }
}
