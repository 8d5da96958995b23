import Foundation

/// Decides which OCR'd words of an image are PHI.
///
/// Recognizers each look for one kind of evidence (header values, date/time/ID/phone/e-mail/address/postcode
/// patterns, label cues, name lexicons and shapes, institution names); their findings are then checked against
/// the allow-list of safe technical text and merged where they share words.
///
/// Allow-list rule: a finding made only of allow-listed words is dropped, unless it is an exact header match
/// (confidence 0.95), a value a label announced, or the patient's age as the header gives it
/// (`Finding.confirmedByHeader`). An allow-listed word inside a larger finding stays in it: the recognizer
/// matched it as part of one value ("Mar 9 2014", "Scott, Jennifer S"), and hiding only part of a value
/// leaks the rest.
///
/// Built once (loading the lists takes a few milliseconds); `detect` is cheap and thread-safe.
public struct PHIDetector: Sendable {
    let allowList: AllowList
    let lexicon: NameLexicon
    let recognizers: [any Recognizer]
    private let headerRecognizer = HeaderContextRecognizer()

    /// Loads the built-in lexicons and allow-lists from the module's resources.
    public init() throws {
        try self.init(loader: ResourceLoader.bundled())
    }

    /// Loads the lists from another directory laid out like `Sources/PHIDetection/Resources`.
    public init(resourceDirectory: URL) throws {
        try self.init(loader: ResourceLoader(directory: resourceDirectory))
    }

    init(loader: ResourceLoader) throws {
        let givenNames = try loader.upperSet("given-names.txt")
        let surnames = try loader.upperSet("surnames.txt")
        let allowList = try AllowList(loader: loader, personalNames: givenNames.union(surnames))
        // Name guesses from weak shapes skip curated common words, the project's technical words, and SMI
        // abbreviations that are not also personal names (ARDS yes; RITA, DOE no).
        let stopWords = try loader.upperSet("name-stoplist.txt").union(allowList.technicalWords)
            .union(allowList.abbreviations.filter { !givenNames.contains($0) && !surnames.contains($0) })
        // names from elsewhere (Faker's locales) count as names but leave the allow-list as it is
        let worldGivenNames = Self.keys(try loader.lines("given-names-world.txt"))
        let worldSurnames = Self.keys(try loader.lines("surnames-world.txt"))
        let lexicon = NameLexicon(givenNames: givenNames.union(worldGivenNames), surnames: surnames.union(worldSurnames),
                                  stopWords: stopWords)
        self.allowList = allowList
        self.lexicon = lexicon
        recognizers = [
            DatePatternRecognizer(),
            TimePatternRecognizer(),
            NumberShapeRecognizer(),
            AgePatternRecognizer(),
            try IdentifierPatternRecognizer(),
            try PhonePatternRecognizer(),
            EmailPatternRecognizer(),
            AddressPatternRecognizer(),
            PostcodePatternRecognizer(),
            CueWordRecognizer(lexicon: lexicon),
            NameLexiconRecognizer(lexicon: lexicon),
            InitialsPatternRecognizer(),
            InstitutionPatternRecognizer(),
            SexMarkerRecognizer(),
        ]
    }

    /// The words that are PHI, as findings that each name their words, type, confidence and recognizer.
    public func detect(words: [OCRWord], context: PHIContext) -> [Finding] {
        guard !words.isEmpty else { return [] }
        let lines = Self.lines(of: words)
        var allowed = [Bool](repeating: false, count: words.count)
        let lineFlags = lines.map(allowList.flags)
        for (line, flags) in zip(lines, lineFlags) {
            for (position, flag) in flags.enumerated() { allowed[line[position].index] = flag }
        }
        let input = RecognitionInput(lines: lines, header: context.values, allowed: lineFlags)
        var findings: [Finding] = []
        if !context.values.isEmpty { findings += headerRecognizer.findings(in: input) }
        for recognizer in recognizers { findings += recognizer.findings(in: input) }
        findings.removeAll { finding in
            // an exact header value wins over the allow-list (a patient named Portable), except an
            // identifier without a digit: a study ID "Thyroid" names the study, nobody
            if finding.recognizer == HeaderContextRecognizer.recognizerName,
               finding.confidence >= HeaderContextRecognizer.exactConfidence,
               finding.type != .identifier || finding.wordIndices.contains(where: { words[$0].text.contains(where: \.isNumber) }) {
                return false
            }
            return !finding.announced && !finding.confirmedByHeader && finding.wordIndices.allSatisfy { allowed[$0] }
        }
        var merged = FindingMerger.merge(findings)
        let continuation = ValueContinuation(words: words, lines: lines, allowed: allowed)
        var claimed = Set(merged.flatMap(\.wordIndices))
        for index in merged.indices {
            let extended = continuation.extend(merged[index], claimed: claimed.subtracting(merged[index].wordIndices))
            claimed.formUnion(extended)
            // words read after the value's last word: what seemed unread of it was read, in part or whole
            if let last = merged[index].wordIndices.last {
                let read = extended.filter { $0 > last }.map { words[$0].text.count + 1 }.reduce(0, +)
                merged[index].unreadCharacters = max(0, merged[index].unreadCharacters - read)
            }
            merged[index].wordIndices = extended
        }
        continuation.bridge(&merged)
        return merged.sorted { ($0.wordIndices.first ?? 0) < ($1.wordIndices.first ?? 0) }
    }

    /// Per word of one line (in reading order): is it safe technical text (kVp, mAs, W/L, depth, gain, probe
    /// names, frequencies, units, scale numbers, projection words, medical abbreviations)?
    public func isAllowListed(line words: [OCRWord]) -> [Bool] {
        let line = TextLine(tokens: words.enumerated().map { Token(text: $0.element.text, index: $0.offset, position: $0.offset) })
        return allowList.flags(line)
    }

    /// The lexicon keys of a list's names: a name of plain capitals is its own key, and only the others
    /// (diacritics, apostrophes, lower case) are normalised; the world lists hold some 32,000 names, read
    /// at every start.
    private static func keys(_ entries: [(number: Int, text: String)]) -> Set<String> {
        var keys = Set<String>(minimumCapacity: entries.count)
        for entry in entries {
            keys.insert(entry.text.utf8.allSatisfy { $0 >= 0x41 && $0 <= 0x5A } ? entry.text : TextNormalization.key(entry.text))
        }
        return keys
    }

    /// The recognizer named in findings that match the instance's own header values.
    public static let headerMatchRecognizer = HeaderContextRecognizer.recognizerName

    /// Whether a word is a label that announces a value ("Patient:", "Pat.", "DOB", "Tel", "MRN"): a word
    /// ending in a colon, a cue one of the recognizers knows, or the "by" of "Req by", "Read by".
    public static func isLabel(_ text: String) -> Bool {
        let token = Token(text: text, index: 0, position: 0)
        return token.endsWithColon || CueWordRecognizer.beginsLabel(token) || PhonePatternRecognizer.labels.contains(token.labelKey)
            || IdentifierPatternRecognizer.cues.contains(token.labelKey) || token.labelKey == "BY"
    }

    /// Whether a word is a month's name or abbreviation, in any of the languages the date parser reads ("NOV",
    /// "März"), punctuation aside.
    public static func isMonthName(_ text: String) -> Bool {
        let chunks = Chunk.split(text).filter { $0.kind != .separator }
        return chunks.count == 1 && chunks[0].kind == .word && CalendarNames.months[chunks[0].text] != nil
    }

    /// Whether a word is a written age unit of two letters or more ("yrs", "years", "y/o", "Jahre"): the
    /// number before it is an age.
    public static func isAgeUnit(_ text: String) -> Bool {
        let key = Token(text: text, index: 0, position: 0).labelKey
        return key.count >= 2 && AgePatternRecognizer.isUnit(key)
    }

    /// Groups words by line id, lines in order of first appearance, words in the order given.
    static func lines(of words: [OCRWord]) -> [TextLine] {
        var order: [Int] = []
        var members: [Int: [Int]] = [:]
        for (index, word) in words.enumerated() {
            if members[word.line] == nil { order.append(word.line) }
            members[word.line, default: []].append(index)
        }
        return order.map { id in
            TextLine(tokens: members[id]!.enumerated().map { Token(text: words[$0.element].text, index: $0.element, position: $0.offset) })
        }
    }
}
