import PHIDetection

extension Array where Element == OCRWord {
    /// Words read twice (overlapping regions) kept once: the more confident reading of any pair of
    /// words whose boxes overlap by more than half of their union, or that read alike and overlap by
    /// half of the smaller box (a fragment read in a neighbouring patch does not displace the whole
    /// word); and a less sure reading lying (four fifths) inside a word read clearly better — the same
    /// ink, found again as a line of its own ("3155" read as such, its lower half as "a | aa"), or a
    /// piece of a clearly read word at least twice as wide, read again no surer ("it:" inside "Patient:").
    func deduplicated() -> [OCRWord] {
        var kept: [OCRWord] = []
        for word in sorted(by: { $0.confidence > $1.confidence }) {
            let duplicate = kept.contains { other in
                guard let common = other.box.intersection(word.box) else { return false }
                if common.area * 2 > other.box.area + word.box.area - common.area { return true }
                if common.area * 5 >= word.box.area * 4,
                   other.confidence >= word.confidence + 0.15 || Self.isPiece(word, of: other) {
                    return true
                }
                return common.area * 2 >= Swift.min(other.box.area, word.box.area) && Self.readAlike(other.text, word.text)
            }
            if !duplicate { kept.append(word) }
        }
        return kept.sorted { ($0.line, $0.box.x) < ($1.line, $1.box.x) }
    }

    /// Mean word confidence weighted by the number of characters (0 for no words): how surely a
    /// region was read, to choose between readings.
    var readingConfidence: Double {
        let characters = reduce(0) { $0 + $1.text.count }
        guard characters > 0 else { return 0 }
        return reduce(0.0) { $0 + $1.confidence * Double($1.text.count) } / Double(characters)
    }

    /// Whether a reading leaves too little in doubt for a second reading to matter: the words below
    /// `confidence` hold at most `doubtfulCharacters` characters, and every piece of `ink` lies
    /// (half its width or more) under a word. A poor reading often drops ink ("DUARTE" over texture
    /// read "i 6"): where the ink is not known, or a piece is left out, nothing is settled.
    func isSettled(below confidence: Double, doubtfulCharacters: Int, ink: [TextBox]?) -> Bool {
        guard let ink, !ink.isEmpty else { return false }
        let doubtful = filter { $0.confidence < confidence }.reduce(0) { $0 + $1.text.count }
        guard doubtful <= doubtfulCharacters else { return false }
        return ink.allSatisfy(covers)
    }

    /// The share of the ink pieces that lie (half their width or more) under a word; 1 when there is no ink.
    func inkCoverage(_ ink: [TextBox]) -> Double {
        guard !ink.isEmpty else { return 1 }
        return Double(ink.filter(covers).count) / Double(ink.count)
    }

    /// Whether a word lies over half of the columns of an ink piece, on its rows.
    func covers(_ piece: TextBox) -> Bool {
        contains { word in
            let across = Swift.min(word.box.maxX, piece.maxX) - Swift.max(word.box.x, piece.x)
            return 2 * across >= piece.width && Swift.min(word.box.maxY, piece.maxY) > Swift.max(word.box.y, piece.y)
        }
    }

    /// Whether `piece`, lying inside `whole`, is a part of it read again: `whole` clearly read, and at least
    /// twice as wide and no less surely read, or reading the piece's letters among its own ("orsen" inside
    /// "Halvorsen", three letters or more).
    static func isPiece(_ piece: OCRWord, of whole: OCRWord) -> Bool {
        guard whole.confidence >= 0.8 else { return false }
        if whole.confidence >= piece.confidence && whole.box.width >= 2 * piece.box.width { return true }
        let part = piece.text.lowercased()
        return part.filter(\.isLetter).count >= 3 && whole.text.lowercased().contains(part)
    }

    /// Edit distance at most a third of the longer text.
    static func readAlike(_ a: String, _ b: String) -> Bool {
        let x = [Character](a), y = [Character](b)
        guard !x.isEmpty, !y.isEmpty else { return false }
        var previous = [Int](0...y.count)
        for i in 1...x.count {
            var current = [i] + [Int](repeating: 0, count: y.count)
            for j in 1...y.count {
                current[j] = Swift.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return 3 * previous[y.count] <= Swift.max(x.count, y.count)
    }
}
