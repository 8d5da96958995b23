/// One OCR word with the forms the recognizers compare, computed once per `detect` call.
struct Token: Sendable {
    /// Index into the `words` array given to `detect`.
    let index: Int
    /// Position within its line.
    let position: Int
    let text: String
    let upper: String
    /// `upper` without surrounding punctuation (brackets, quotes, commas, colons, ellipses…).
    let core: String
    /// Letters and digits of the word, uppercased, diacritics removed.
    let key: String
    /// The letter-and-digit runs of the word, split at every other character ("IVAN0VA*LAURA" → IVAN0VA, LAURA).
    let parts: [String]
    let chunks: [Chunk]
    let letterCount: Int
    let digitCount: Int
    /// The word ends in "..." or "…": OCR saw a value the device cut short.
    let isTruncated: Bool

    init(text: String, index: Int, position: Int) {
        self.index = index
        self.position = position
        self.text = text
        upper = text.uppercased()
        core = Token.trimmed(upper)
        key = TextNormalization.key(upper)
        parts = upper.split(whereSeparator: { !($0.isLetter || $0.isNumber) }).map { TextNormalization.key($0) }
            .filter { !$0.isEmpty }
        chunks = Chunk.split(text)
        var letters = 0, digits = 0
        for character in text {
            if character.isLetter { letters += 1 } else if character.isASCII && character.isNumber { digits += 1 }
        }
        letterCount = letters
        digitCount = digits
        isTruncated = text.hasSuffix("...") || text.hasSuffix("…")
    }

    private static let edgePunctuation: Set<Character> = [
        "(", ")", "[", "]", "{", "}", "<", ">", "\"", "'", "`", ",", ";", ":", ".", "!", "?", "*", "_", "…", "|", "=",
    ]

    static func trimmed(_ text: String) -> String {
        var slice = Substring(text)
        while let first = slice.first, edgePunctuation.contains(first) { slice = slice.dropFirst() }
        while let last = slice.last, edgePunctuation.contains(last) { slice = slice.dropLast() }
        return String(slice)
    }

    /// Letters only (allowing inner apostrophes, hyphens and dots, and a trailing comma or possessive), with at
    /// least two letters, starting with a capital: how a name part looks in a banner.
    var isNameLike: Bool {
        guard digitCount == 0, letterCount >= 2, let first = core.first, first.isLetter,
              let firstRaw = text.first(where: \.isLetter), firstRaw.isUppercase else { return false }
        return core.allSatisfy { $0.isLetter || $0 == "'" || $0 == "-" || $0 == "." || $0 == "’" }
    }

    /// One letter, optionally followed by a dot: a middle initial ("S", "N.").
    var isInitial: Bool {
        guard letterCount == 1, digitCount == 0, let first = text.first, first.isUppercase else { return false }
        return text.count == 1 || text.count == 2 && (text.hasSuffix(".") || text.hasSuffix(","))
    }

    /// The lexicon form of a name-like word: `key` without a possessive S ("CHILDREN'S" → "CHILDREN").
    var nameKey: String {
        if core.hasSuffix("'S") || core.hasSuffix("’S") { return TextNormalization.key(core.dropLast(2)) }
        return key
    }

    /// The label form of a word: uppercase, dots removed, one trailing ':' or '=' removed ("D.O.B.:" → "DOB").
    var labelKey: String {
        var label = upper
        while let last = label.last, last == ":" || last == "=" || last == "." { label.removeLast() }
        label.removeAll { $0 == "." }
        return label
    }

    var endsWithColon: Bool { text.hasSuffix(":") }
    var endsWithComma: Bool { text.hasSuffix(",") }
    var hasDigit: Bool { digitCount > 0 }
}

/// The words of one text line, in reading order.
struct TextLine: Sendable {
    let tokens: [Token]

    var count: Int { tokens.count }
    subscript(position: Int) -> Token { tokens[position] }

    /// The chunks of the words from `range`, with a space between words.
    func chunks(_ range: Range<Int>) -> [Chunk] {
        var chunks: [Chunk] = []
        for position in range {
            if position > range.lowerBound { chunks.append(.space) }
            chunks.append(contentsOf: tokens[position].chunks)
        }
        return chunks
    }

    func wordIndices(_ range: Range<Int>) -> [Int] { range.map { tokens[$0].index } }
}
