import Foundation

/// Telephone and fax numbers: North American forms ((555) 616-8319, 555-616-8319, 555.616.8319, +1 555 616
/// 8319), international numbers with a leading `+`, and any digits after a `Tel`/`Phone`/`Fax` label. Groups
/// separated by spaces only are not taken without a `+` or a label (scale marks look like that), except the
/// North American 3-3-4 shape with area code and exchange not starting with 0 or 1 and not all round, and the
/// national shape with a trunk 0 and ten or eleven digits in three groups ("020 7946 3182", 0.6). A North
/// American number may follow letters directly: OCR drops the space after a label ("Calle352.555.2418").
struct PhonePatternRecognizer: Recognizer {
    let name = "phone-pattern"

    static let labels: Set<String> = [
        "TEL", "TEL#", "PHONE", "PH", "PHONE#", "FAX", "MOB", "MOBILE", "CELL", "TELEFON", "TELEFONO", "TELEPHONE",
        "TLF", "TFNO", "HANDY", "CONTACT", "CALL", "PAGER", "BLEEP",
    ]
    private let northAmerican: CompiledPattern
    private let spacedNorthAmerican: CompiledPattern
    private let international: CompiledPattern
    private let spacedNational: CompiledPattern

    init() throws {
        northAmerican = try CompiledPattern(
            "(?<![\\d+.-])(?:\\+?1[\\s.-]?)?(?:\\(\\d{3}\\)\\s?|\\d{3}[\\s.-]?)\\d{3}[.-]\\d{4}(?![\\w.-])")
        spacedNorthAmerican = try CompiledPattern("(?<![\\w.-])(?<![\\d+] )[2-9]\\d{2} [2-9]\\d{2} \\d{4}(?![\\w.-])(?! \\d)")
        spacedNational = try CompiledPattern("(?<![\\w.+-])(?<!\\d )0\\d{2,4} \\d{3,4} \\d{3,4}(?![\\w.-])(?! \\d)")
        international = try CompiledPattern("(?<![\\w+])\\+\\d{1,3}(?:[\\s.-]?\\(?\\d{1,5}\\)?){2,5}(?![\\w])")
    }

    func findings(in input: RecognitionInput) -> [Finding] {
        var findings: [Finding] = []
        for line in input.lines where line.tokens.contains(where: { $0.digitCount >= 3 }) {
            findings += labelled(line)
            // A North American number has ten digits; an international one starts with '+'.
            let northAmericanPossible = line.tokens.reduce(0) { $0 + $1.digitCount } >= 10
            let internationalPossible = line.tokens.contains { $0.text.utf8.first == UInt8(ascii: "+") }
            guard northAmericanPossible || internationalPossible else { continue }
            let text = LineText(line)
            for match in northAmericanPossible ? northAmerican.matches(text.string) : [] {
                findings.append(finding(line, positions: text.positions(in: match), .phone, 0.85))
            }
            for match in northAmericanPossible ? spacedNorthAmerican.matches(text.string) : [] {
                let groups = (text.string as NSString).substring(with: match).split(separator: " ")
                guard !groups.allSatisfy({ $0.hasSuffix("0") }) else { continue }  // 250 500 1000: a scale
                findings.append(finding(line, positions: text.positions(in: match), .phone, 0.6))
            }
            for match in northAmericanPossible ? spacedNational.matches(text.string) : [] {
                let digits = (text.string as NSString).substring(with: match).filter(\.isNumber).count
                guard (10...11).contains(digits) else { continue }
                findings.append(finding(line, positions: text.positions(in: match), .phone, 0.6))
            }
            for match in internationalPossible ? international.matches(text.string) : [] {
                let digits = (text.string as NSString).substring(with: match).filter(\.isNumber).count
                guard (8...15).contains(digits) else { continue }
                findings.append(finding(line, positions: text.positions(in: match), .phone, 0.85))
            }
        }
        return findings
    }

    /// "Tel: 0049 89 1234 5678", "Fax (030) 123456": the digit groups after the label (a group may have
    /// a digit OCR read as a letter: "Ph: O20 7946 7946", or the first be read as marks only: "Tel @ 7946 5364"),
    /// six digits or more, or three after a label
    /// with a colon (OCR read only part of the number: "Phone: 03-5_"); a label with the number's start glued on
    /// ("Tel+1 577 555 2866") is painted with it.
    private func labelled(_ line: TextLine) -> [Finding] {
        var findings: [Finding] = []
        for position in 0..<line.count {
            let glued = Self.gluedDigits(line[position])
            guard Self.labels.contains(line[position].labelKey) || glued != nil else { continue }
            var end = position + 1
            var digits = glued ?? 0
            // a first group OCR read as marks only ("Tel" "@" "7946" "5364"), when digit groups follow it
            if glued == nil, end + 1 < line.count, line[end].letterCount == 0, line[end].digitCount == 0,
               line[end + 1].digitGroupCount != nil {
                end += 1
            }
            while end < line.count, let count = line[end].digitGroupCount ?? Self.lookAlikeGroup(at: end, in: line, after: digits) {
                digits += count
                end += 1
            }
            // a label with a colon announces the number however little of it OCR read ("Ph: 514.55"); "pH:" is acidity
            let announced = line[position].endsWithColon && line[position].text != "pH:" && digits >= 3
            if digits >= 6 || announced {
                let range = (glued == nil ? position + 1 : position)..<end
                var found = finding(line, range, .phone, 0.9)
                // fewer digits than a number has, ending the line: the rest unread ("Ph: 514.55" for 514.555.8581)
                if end == line.count, digits < Self.shortestNumber {
                    // three separators, or four with the area code in brackets ("(893) 555-" for (893) 555-0930)
                    let separators = line[range.lowerBound].text.hasPrefix("(") ? 4 : 3
                    found.unreadCharacters = max(0, Self.shortestNumber + separators - Token.printedLength(line.tokens[range]))
                }
                findings.append(found)
            }
        }
        return findings
    }

    /// The digits of a group OCR read wholly as look-alike letters ("Call +1 O45 SSS 2299"), counted when digit
    /// groups stand on both sides of it (after the label): alone, "SOS" or "LIL" is a word.
    private static func lookAlikeGroup(at position: Int, in line: TextLine, after digits: Int) -> Int? {
        guard digits > 0, position + 1 < line.count, line[position + 1].digitGroupCount != nil else { return nil }
        return Chunk.lookAlikeDigitCount(line[position].text)
    }

    /// The digits of the shortest number written in full with its area code (`labelled` counts three separators
    /// or brackets with them: "020 7946 2364", "(555) 892-3951" has four).
    static let shortestNumber = 10

    /// The digits of a number glued to its label ("Tel+1", "Ph:+44", "TEL0207"): nil when the word is not
    /// a label followed by "+" or a digit.
    static func gluedDigits(_ token: Token) -> Int? {
        let upper = token.upper
        guard let start = upper.firstIndex(where: { $0 == "+" || $0.isNumber }), start != upper.startIndex else { return nil }
        let label = upper[..<start].filter { $0.isLetter || $0 == "#" }
        guard labels.contains(String(label)) else { return nil }
        let digits = upper[start...].filter(\.isNumber).count
        return digits > 0 ? digits : nil
    }
}

/// A line's words joined by single spaces, for patterns that span words, with each word's place in it.
struct LineText {
    let string: String
    private let ranges: [NSRange]

    init(_ line: TextLine) {
        var string = ""
        var ranges: [NSRange] = []
        for token in line.tokens {
            if !string.isEmpty { string += " " }
            let start = (string as NSString).length
            string += token.text
            ranges.append(NSRange(location: start, length: (token.text as NSString).length))
        }
        self.string = string
        self.ranges = ranges
    }

    /// Positions of the words that overlap `range`.
    func positions(in range: NSRange) -> [Int] {
        ranges.indices.filter { NSIntersectionRange(ranges[$0], range).length > 0 }
    }
}
