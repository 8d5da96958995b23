/// One OCR word with the forms the recognizers compare, computed once per `detect` call. A class, so that
/// recognizers pass words around without copying their many strings.
final class Token: Sendable {
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
    /// The label form: uppercase, dots removed, trailing ':', '=' and '.' removed, leading quotes and brackets
    /// removed ("D.O.B.:" → "DOB", "‘Phone:" → "PHONE").
    let labelKey: String
    /// For "LABEL:VALUE" words, the label in label form and the value ("DOB:06.16.1976" → DOB, 06.16.1976).
    let gluedLabel: String?
    let gluedValue: String?
    /// Letters only (allowing inner apostrophes, hyphens and dots, and a trailing comma or possessive), with at
    /// least two letters, starting with a capital: how a name part looks in a banner.
    let isNameLike: Bool
    /// One capital letter, optionally followed by a dot or comma: a middle initial ("S", "N.").
    let isInitial: Bool
    /// The lexicon form of a name-like word: `key` without a possessive S ("CHILDREN'S" → "CHILDREN").
    let nameKey: String
    /// Lowercased, without trailing ':' or ',': the allow-list lookup form.
    let lookupForm: String
    /// Every letter is a capital ("DOUGLAS").
    let isAllCaps: Bool
    /// A capital followed by small letters only ("Douglas").
    let isTitleCase: Bool

    init(text: String, index: Int, position: Int) {
        self.index = index
        self.position = position
        self.text = text
        var letters = 0, digits = 0, capitals = 0
        var firstLetterIsCapital: Bool?
        var keyBytes: [UInt8] = []
        var parts: [String] = []
        var copy = text
        let ascii = copy.withUTF8 { bytes -> Bool in
            guard bytes.allSatisfy({ $0 < 0x80 }) else { return false }
            keyBytes.reserveCapacity(bytes.count)
            var part: [UInt8] = []
            for byte in bytes {
                switch byte {
                case 0x30...0x39:
                    digits += 1
                    keyBytes.append(byte)
                    part.append(byte)
                case 0x41...0x5A, 0x61...0x7A:
                    letters += 1
                    let capital = byte <= 0x5A
                    if capital { capitals += 1 }
                    if firstLetterIsCapital == nil { firstLetterIsCapital = capital }
                    keyBytes.append(capital ? byte : byte - 0x20)
                    part.append(capital ? byte : byte - 0x20)
                default:
                    if byte == UInt8(ascii: "|") { keyBytes.append(UInt8(ascii: "I")) }
                    if !part.isEmpty { parts.append(String(decoding: part, as: UTF8.self)); part.removeAll(keepingCapacity: true) }
                }
            }
            if !part.isEmpty { parts.append(String(decoding: part, as: UTF8.self)) }
            return true
        }
        var key = String(decoding: keyBytes, as: UTF8.self).unicodeScalars
        if !ascii {
            key = String.UnicodeScalarView()
            var part = String.UnicodeScalarView()
            for scalar in text.unicodeScalars {
                if ScalarClass.isDigit(scalar) {
                    digits += 1
                } else if ScalarClass.isLetter(scalar) {
                    letters += 1
                    let capital = ScalarClass.isUppercase(scalar)
                    if capital { capitals += 1 }
                    if firstLetterIsCapital == nil { firstLetterIsCapital = capital }
                } else {
                    if scalar == "|" { key.append("I") }
                    if !part.isEmpty { parts.append(String(part)); part.removeAll() }
                    continue
                }
                let normalized = TextNormalization.key(String(scalar)).unicodeScalars
                key.append(contentsOf: normalized)
                part.append(contentsOf: normalized)
            }
            if !part.isEmpty { parts.append(String(part)) }
        }
        letterCount = letters
        digitCount = digits
        self.key = String(key)
        self.parts = parts
        chunks = Chunk.split(text)

        let upper = text.uppercased()
        self.upper = upper
        let core = Token.trimmed(upper)
        self.core = core
        let textBytes = Array(text.utf8)
        isTruncated = Token.endsWithEllipsis(textBytes)

        // Label forms work on UTF-8 bytes: the punctuation involved is ASCII, never part of a multi-byte letter.
        let upperBytes = Array(upper.utf8)
        var label = upperBytes.filter { $0 != UInt8(ascii: ".") }
        // a label's dot is often read as a comma ("No," for "No.")
        while let last = label.last, last == UInt8(ascii: ":") || last == UInt8(ascii: "=") || last == UInt8(ascii: ",") {
            label.removeLast()
        }
        Token.dropLeadingMarks(&label)
        labelKey = String(decoding: label, as: UTF8.self)
        // (marks alone after the colon are no value: "Referring:." is a label and a speck)
        if let colon = upperBytes.firstIndex(of: UInt8(ascii: ":")), colon + 1 < upperBytes.count,
           case let value = String(decoding: upperBytes[(colon + 1)...], as: UTF8.self),
           value.unicodeScalars.contains(where: { ScalarClass.isLetter($0) || ScalarClass.isDigit($0) }) {
            gluedLabel = String(decoding: upperBytes[..<colon].filter { $0 != UInt8(ascii: ".") }, as: UTF8.self)
            gluedValue = value
        } else {
            gluedLabel = nil
            gluedValue = nil
        }

        if digits == 0, letters >= 2, firstLetterIsCapital == true {
            // a hyphen before a name is OCR's reading of what stood before it (an initial's dot, a smudge)
            let coreScalars = core.unicodeScalars.drop { $0 == "-" }
            isNameLike = coreScalars.first.map(ScalarClass.isLetter) == true
                && coreScalars.allSatisfy { ScalarClass.isLetter($0) || $0 == "'" || $0 == "-" || $0 == "." || $0 == "’" }
        } else {
            isNameLike = false
        }
        if letters == 1, digits == 0, firstLetterIsCapital == true, let first = textBytes.first, first >= 0x41, first <= 0x5A {
            isInitial = textBytes.count == 1
                || textBytes.count == 2 && (textBytes[1] == UInt8(ascii: ".") || textBytes[1] == UInt8(ascii: ","))
        } else {
            isInitial = false
        }
        let coreBytes = Array(core.utf8)
        if coreBytes.count > 2, coreBytes.last == UInt8(ascii: "S"),
           coreBytes[coreBytes.count - 2] == UInt8(ascii: "'") || coreBytes.suffix(4).elementsEqual([0xE2, 0x80, 0x99, 0x53]) {
            nameKey = TextNormalization.key(core.dropLast(2))
        } else {
            nameKey = self.key
        }
        isAllCaps = letters > 0 && capitals == letters
        isTitleCase = firstLetterIsCapital == true && capitals == 1
        var form = Array(text.lowercased().utf8)
        while let last = form.last, last == UInt8(ascii: ":") || last == UInt8(ascii: ",") { form.removeLast() }
        lookupForm = String(decoding: form, as: UTF8.self)
    }

    private static let edgePunctuation: Set<UInt8> = Set("()[]{}<>\"'`,;:.!?*_|=~^".utf8)
    private static let leadingSpecks: Set<UInt8> = Set("\"'`,;:.!*_|=~^".utf8)
    /// Three-byte marks trimmed the same way: the ellipsis, curly quotes and the trade mark sign (what OCR
    /// makes of a caret at the end of a name part: "THIBODEAUX™").
    private static let edgeMarks: [[UInt8]] = ["…", "“", "”", "‘", "’", "™"].map { Array($0.utf8) }

    /// The characters of `tokens` as printed, with one space between words.
    static func printedLength(_ tokens: ArraySlice<Token>) -> Int {
        tokens.reduce(-1) { $0 + 1 + $1.text.count }
    }

    /// Without surrounding punctuation (brackets, quotes, commas, colons, dots, ellipses…).
    static func trimmed(_ text: String) -> String {
        var bytes = Array(text.utf8)[...]
        trimming: while true {
            if let first = bytes.first, edgePunctuation.contains(first) { bytes = bytes.dropFirst(); continue }
            if let last = bytes.last, edgePunctuation.contains(last) { bytes = bytes.dropLast(); continue }
            for mark in edgeMarks {
                if bytes.suffix(3).elementsEqual(mark) { bytes = bytes.dropLast(3); continue trimming }
                if bytes.starts(with: mark) { bytes = bytes.dropFirst(3); continue trimming }
            }
            break
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Drops the quotes and specks OCR puts before a label ("‘Phone:", "~Tel", "*Name"), keeping the whole
    /// word when nothing else is left of it. Brackets stay: "[M]" is a marker, not the label "M".
    static func dropLeadingMarks(_ label: inout [UInt8]) {
        var start = 0
        trimming: while start < label.count {
            if leadingSpecks.contains(label[start]) { start += 1; continue }
            for mark in edgeMarks where label[start...].starts(with: mark) { start += mark.count; continue trimming }
            break
        }
        if start > 0, start < label.count { label.removeFirst(start) }
    }

    /// Ends in "..." or "…".
    static func endsWithEllipsis(_ bytes: [UInt8]) -> Bool {
        bytes.suffix(3).elementsEqual([0x2E, 0x2E, 0x2E]) || bytes.suffix(3).elementsEqual([0xE2, 0x80, 0xA6])
    }

    /// The digits of a word made only of digits (OCR look-alikes folded, "O20" → 020) and separators;
    /// nil when it has a word or no digit.
    var digitGroupCount: Int? {
        var digits = 0
        for chunk in chunks {
            switch chunk.kind {
            case .number: digits += chunk.text.utf8.count
            case .separator: continue
            case .word: return nil
            }
        }
        return digits > 0 ? digits : nil
    }

    var endsWithColon: Bool { text.utf8.last == UInt8(ascii: ":") }
    var endsWithComma: Bool { text.utf8.last == UInt8(ascii: ",") }
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
