/// A `PHIContext` in the forms the header-match recognizer compares.
struct HeaderValues: Sendable {
    struct Word: Hashable, Sendable {
        let key: String
        let folded: String
        let glyphFolded: String

        init(_ key: String) {
            self.key = key
            folded = TextNormalization.ocrFolded(key)
            glyphFolded = TextNormalization.glyphFolded(folded)
        }
    }

    /// A multi-word value (an institution name, an address) as its words and as one run of characters.
    struct Phrase: Sendable {
        let words: [Word]
        let joined: Word
    }

    struct Identifier: Sendable {
        let value: Word
        /// An all-digit value without its leading zeros ("00079241539" → "79241539"), when different.
        let withoutLeadingZeros: String?
        /// Parts of four or more characters between separators ("12975-20-2" → "12975").
        let components: [String]
    }

    var nameParts: [Word] = []
    /// Two name parts run together, in either order ("DOEJOHN", "JOHNDOE").
    var nameJoins: Set<String> = []
    /// For each family name, the characters of the given name after it (`LAST^FIRST`: FIRST's), for a
    /// `Last, First` whose given name OCR did not read.
    var givenNameLengths: [String: Int] = [:]
    var identifiers: [Identifier] = []
    var dates: [CalendarDate] = []
    var times: [ClockTime] = []
    var places: [Phrase] = []
    var others: [Phrase] = []
    /// The patient's age in years, from an age string among the other values ("039Y" → 39).
    var ages: Set<Int> = []
    /// Ages under 90 are kept (`PHIContext.keepsPatientAge`).
    var keepsAges = false

    var isEmpty: Bool {
        nameParts.isEmpty && identifiers.isEmpty && dates.isEmpty && times.isEmpty && places.isEmpty && others.isEmpty
    }

    /// Two name parts run together with one character between them: the `^` OCR read as a letter or a
    /// mark ("SZABOCLARS" for SZABO^LARS). The first part has three letters or more, the second two.
    func isJoinWithSeparator(_ fragment: String) -> Bool {
        let length = fragment.utf8.count
        guard length >= 6 else { return false }
        return nameParts.contains { first in
            first.key.utf8.count >= 3 && fragment.hasPrefix(first.key) && nameParts.contains { second in
                second.key != first.key && second.key.utf8.count >= 2 && first.key.utf8.count + second.key.utf8.count + 1 == length
                    && fragment.hasSuffix(second.key)
            }
        }
    }

    /// Name prefixes and suffixes, which identify nobody.
    static let nameTitles: Set<String> = [
        "DR", "MR", "MRS", "MS", "MISS", "MX", "PROF", "JR", "SR", "II", "III", "IV", "MD", "PHD", "DDS", "RN", "SIR",
        "HERR", "FRAU", "MME", "MLLE", "SRA", "SRTA",
    ]

    init(names: [String], identifiers: [String], dates: [String], times: [String], places: [String], other: [String]) {
        var parts: [String] = []
        for name in names {
            parts.append(contentsOf: Self.nameParts(of: name))
            let components = name.split(separator: "=").first?.split(separator: "^", omittingEmptySubsequences: false) ?? []
            if components.count >= 2, case let family = TextNormalization.key(components[0]), family.utf8.count >= 3 {
                givenNameLengths[family] = max(givenNameLengths[family] ?? 0, components[1].count)
            }
        }
        var seen = Set<String>()
        nameParts = parts.filter { seen.insert($0).inserted }.map(Word.init)
        let joinable = nameParts.map(\.key).filter { $0.count >= 2 }
        for first in joinable { for second in joinable where second != first { nameJoins.insert(first + second) } }

        self.identifiers = identifiers.compactMap(Self.identifier)
        for value in dates {
            if let date = CalendarDate.dicom(value), !self.dates.contains(date) { self.dates.append(date) }
            if value.filter(\.isNumber).count >= 12, let time = ClockTime.dicom(value, isDateTime: true) { self.times.append(time) }
        }
        for value in times { if let time = ClockTime.dicom(value), !self.times.contains(time) { self.times.append(time) } }
        self.places = places.compactMap(Self.phrase)
        others = other.compactMap(Self.phrase)
        ages = Set(other.compactMap(Self.years))
    }

    /// The years of a DICOM age string ("039Y" → 39); nil for other values and for ages in days, weeks
    /// or months.
    static func years(_ value: String) -> Int? {
        let characters = Array(value)
        guard characters.count == 4, characters[3] == "Y", characters[..<3].allSatisfy({ $0.isASCII && $0.isNumber })
        else { return nil }
        return Int(String(characters[..<3]))
    }

    /// The parts of a PN value: family, given and middle names of each component group, split at spaces,
    /// hyphens, commas and dots, titles dropped; a hyphenated or multi-word component also as a whole.
    static func nameParts(of value: String) -> [String] {
        var parts: [String] = []
        for group in value.split(separator: "=", omittingEmptySubsequences: false) {
            for (position, component) in group.split(separator: "^", omittingEmptySubsequences: false).enumerated()
            where position < 3 {
                let pieces = component.split(whereSeparator: { $0 == " " || $0 == "-" || $0 == "," || $0 == "." })
                    .map { TextNormalization.key($0) }.filter { !$0.isEmpty && !nameTitles.contains($0) }
                parts.append(contentsOf: pieces)
                if pieces.count > 1 { parts.append(pieces.joined()) }
            }
        }
        return parts
    }

    private static func identifier(_ value: String) -> Identifier? {
        let key = TextNormalization.key(value)
        guard key.count >= 3 else { return nil }
        var stripped: String?
        if key.allSatisfy(\.isNumber) {
            let trimmed = String(key.drop(while: { $0 == "0" }))
            if trimmed != key, trimmed.count >= 3 { stripped = trimmed }
        }
        let components = value.split(whereSeparator: { !($0.isLetter || $0.isNumber) })
            .map { TextNormalization.key($0) }.filter { $0.count >= 4 && $0 != key }
        return Identifier(value: Word(key), withoutLeadingZeros: stripped, components: components)
    }

    private static func phrase(_ value: String) -> Phrase? {
        let words = value.split(whereSeparator: { !($0.isLetter || $0.isNumber) }).map { TextNormalization.key($0) }
            .filter { !$0.isEmpty }
        let joined = words.joined()
        guard joined.count >= 3 else { return nil }
        return Phrase(words: words.map(Word.init), joined: Word(joined))
    }
}
