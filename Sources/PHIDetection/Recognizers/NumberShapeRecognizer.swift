import Foundation

/// Dates and times in a font OCR cannot read (stippled or interlaced video fonts, slashed zeros): the
/// separators survive a misreading that the digits do not — "BIE: SR: 26" for 08:50:28, "Be-2A/S1"
/// for 08/20/31.
///
/// Up to three words of a line that, joined at separators, make three groups of letters or digits —
/// one to three, one to three, two to four, the last with a digit — split by two colons (a time) or
/// by two of "/" and "-" (a date), with at least two real digits, at least one letter (an all-digit
/// value is the date and time parsers' business) and more than half digits or letters OCR commonly
/// reads for digits, not spine levels, and not already part of a parsed date or time, are taken as
/// a date or time — with less confidence than a value that reads as one. Probe names ("L12-5/MSK",
/// "L4-12t-RS") end in letters and stay.
struct NumberShapeRecognizer: Recognizer {
    let name = "shape-pattern"
    static let confidence = 0.55

    func findings(in input: RecognitionInput) -> [Finding] {
        var findings: [Finding] = []
        for (number, line) in input.lines.enumerated() {
            let parsed = input.dates[number].map(\.range) + input.times[number].map(\.range)
            var position = 0
            while position < line.count {
                var taken = 1
                for length in stride(from: min(3, line.count - position), through: 1, by: -1) {
                    let range = position..<(position + length)
                    let words = range.map { line[$0].text }
                    guard !parsed.contains(where: { $0.overlaps(range) }), Self.joinAtSeparators(words),
                          let type = Self.shape(of: words.joined()) else { continue }
                    findings.append(finding(line, range, type, Self.confidence))
                    taken = length
                    break
                }
                position += taken
            }
        }
        return findings
    }

    /// Words are joined only where a separator ends one or starts the next ("BIE:" "SR:" "26", not
    /// "E:80" "A:60", two values side by side).
    static func joinAtSeparators(_ words: [String]) -> Bool {
        zip(words, words.dropFirst()).allSatisfy { left, right in
            left.last.map(separators.contains) == true || right.first.map(separators.contains) == true
        }
    }

    /// `.time` or `.date` when `text` has the shape described above, else nil.
    static func shape(of text: String) -> PHIType? {
        let trimmed = text.trimmingCharacters(in: edgePunctuation)
        var groups: [[Character]] = [[]]
        var found: [Character] = []
        for character in trimmed {
            if character.isASCII && (character.isLetter || character.isNumber) {
                groups[groups.count - 1].append(character)
            } else if separators.contains(character) {
                guard !groups[groups.count - 1].isEmpty else { return nil }
                found.append(character)
                groups.append([])
            } else if character != " " {
                return nil
            }
        }
        guard groups.count == 3, groups[0].count <= 3, groups[1].count <= 3, (2...4).contains(groups[2].count),
              groups[2].contains(where: \.isNumber) else { return nil }
        // spine levels ("L4-L5/S1", "T11-L1/L2") are anatomy, not dates
        guard !groups.allSatisfy(isSpineLevel) else { return nil }
        let characters = groups.joined()
        let digits = characters.filter(\.isNumber).count
        let lookAlikes = characters.filter { digitLookAlikes.contains($0) }.count
        guard digits >= 2, digits < characters.count, 2 * (digits + lookAlikes) > characters.count else { return nil }
        if found.allSatisfy({ $0 == ":" }) { return .time }
        if found.allSatisfy({ $0 != ":" }) { return .date }
        return nil
    }

    /// What splits the groups: ":" in times, "/" or "-" in dates.
    static let separators: Set<Character> = [":", "/", "-"]

    /// C, T, L or S and a one- or two-digit number: a vertebra.
    static func isSpineLevel(_ group: [Character]) -> Bool {
        guard let first = group.first, "CTLS".contains(first), (2...3).contains(group.count) else { return false }
        return group.dropFirst().allSatisfy(\.isNumber)
    }

    /// Letters OCR commonly reads in place of digits (0 O Q, 1 I l L, 2 Z, 5 S, 8 B).
    static let digitLookAlikes = Set("OoQIlLZzSsB")

    private static let edgePunctuation = CharacterSet(charactersIn: " .,;'\"`“”‘’()[]{}<>_|*")
}
