import Foundation

/// Safe technical text: words and phrases an image may show that identify nobody (kVp, mAs, W/L, depth, gain,
/// probe names, frequencies, units, scale numbers, projection and position words, medical abbreviations).
///
/// Built from three sources (see Resources/README.md): the SMI dicompixelanon OCR allow-list (literal phrases,
/// except those that are also personal names, and a few multi-word patterns), the project's own
/// technical-words list, and its single-word patterns. A bare number is safe after a technical label
/// ("GAIN 82", "W = 400"), before a unit ("30 Hz"), or as a short number alone on its line (a scale mark).
struct AllowList: Sendable {
    /// Lowercased phrases of one to `longestPhrase` words.
    let phrases: Set<String>
    let longestPhrase: Int
    /// The project's own technical words (uppercased), which also stop name guesses.
    let technicalWords: Set<String>
    /// Single-word SMI abbreviations (uppercased), name collisions included.
    let abbreviations: Set<String>
    /// How many SMI literals were left out because they are also personal names.
    let nameCollisions: Int
    private let labels: Set<String>
    private let wordPattern: CompiledPattern
    private let linePattern: CompiledPattern?

    static let unitWords: Set<String> = [
        "hz", "khz", "mhz", "cm", "mm", "m", "db", "bpm", "%", "kv", "kvp", "ma", "mas", "ms", "s", "sec", "fps",
        "cm/s", "mm/s", "m/s", "ml", "cc", "x", "deg", "°", "mgy", "cm2", "mm2", "cm3", "hu",
    ]

    init(loader: ResourceLoader, personalNames: Set<String>) throws {
        var phrases = Set<String>()
        var abbreviations = Set<String>()
        var regexes: [String] = []
        var collisions = 0
        for (number, line) in try loader.lines("smi-ocr-allowlist.txt") {
            let pattern = line.hasPrefix("(?i)") ? String(line.dropFirst(4)) : line
            if pattern.rangeOfCharacter(from: CharacterSet(charactersIn: "[](){}?*+|\\^$.")) == nil {
                let phrase = pattern.lowercased()
                if !phrase.contains(" ") { abbreviations.insert(phrase.uppercased()) }
                if !phrase.contains(" "), phrase.count >= 2, personalNames.contains(phrase.uppercased()) {
                    collisions += 1
                    continue
                }
                phrases.insert(phrase)
            } else {
                _ = try CompiledPattern(pattern, options: [.caseInsensitive], file: "smi-ocr-allowlist.txt", line: number)
                regexes.append(pattern)
            }
        }
        let technical = try loader.lines("technical-words.txt").map { $0.text.trimmingCharacters(in: .whitespaces).lowercased() }
        phrases.formUnion(technical)
        technicalWords = Set(technical.filter { !$0.contains(" ") }.map { $0.uppercased() })
        self.abbreviations = abbreviations
        self.phrases = phrases
        longestPhrase = phrases.map { $0.split(separator: " ").count }.max() ?? 1
        nameCollisions = collisions
        labels = Set(try loader.lines("technical-labels.txt").map { $0.text.trimmingCharacters(in: .whitespaces).lowercased() })

        var wordPatterns: [String] = []
        for (number, line) in try loader.lines("technical-patterns.txt") {
            _ = try CompiledPattern(line, options: [.caseInsensitive], file: "technical-patterns.txt", line: number)
            wordPatterns.append(line)
        }
        wordPattern = try CompiledPattern("^(?:" + wordPatterns.map { "(?:\($0))" }.joined(separator: "|") + ")$",
                                          options: [.caseInsensitive], file: "technical-patterns.txt")
        linePattern = regexes.isEmpty ? nil : try CompiledPattern(
            "(?<![^\\s])(?:" + regexes.map { "(?:\($0))" }.joined(separator: "|") + ")(?![^\\s])",
            options: [.caseInsensitive], file: "smi-ocr-allowlist.txt")
    }

    /// Per word of the line: is it safe technical text?
    func flags(_ line: TextLine) -> [Bool] {
        let forms = line.tokens.map(Self.lookupForm)
        var allowed = [Bool](repeating: false, count: line.count)
        for start in 0..<line.count {
            var phrase = ""
            for end in start..<min(line.count, start + longestPhrase) {
                phrase += end == start ? forms[end] : " " + forms[end]
                if phrases.contains(phrase) { for p in start...end { allowed[p] = true } }
            }
        }
        for position in 0..<line.count where !allowed[position] {
            allowed[position] = isTechnicalWord(forms[position]) || isCompound(forms[position])
        }
        markLinePatterns(line, &allowed)
        for position in 0..<line.count where !allowed[position] {
            allowed[position] = isTechnicalNumber(line, position, forms)
        }
        return allowed
    }

    /// Lowercased, without a trailing ':' (labels) or ',' (lists).
    private static func lookupForm(_ token: Token) -> String {
        var form = token.text.lowercased()
        while let last = form.last, last == ":" || last == "," { form.removeLast() }
        return form
    }

    private func isTechnicalWord(_ form: String) -> Bool {
        !form.isEmpty && (phrases.contains(form) || wordPattern.matchesWhole(form))
    }

    /// "XMIT:A", "Gain=82": a safe label, then safe words, or numbers when the label is a technical one.
    private func isCompound(_ form: String) -> Bool {
        guard form.contains(":") || form.contains("=") else { return false }
        let pieces = form.split(whereSeparator: { $0 == ":" || $0 == "=" }).map(String.init)
        guard let label = pieces.first, isTechnicalWord(label) || labels.contains(label) else { return false }
        return pieces.dropFirst().allSatisfy {
            isTechnicalWord($0) || labels.contains(label) && Self.isPlainNumber($0, maxDigits: 5)
        }
    }

    private func markLinePatterns(_ line: TextLine, _ allowed: inout [Bool]) {
        guard let linePattern, allowed.contains(false) else { return }
        var text = ""
        var ranges: [NSRange] = []
        for token in line.tokens {
            if !text.isEmpty { text += " " }
            let start = (text as NSString).length
            text += token.text
            ranges.append(NSRange(location: start, length: (token.text as NSString).length))
        }
        for match in linePattern.matches(text) where match.length > 0 {
            for (position, range) in ranges.enumerated()
            where range.location >= match.location && NSMaxRange(range) <= NSMaxRange(match) {
                allowed[position] = true
            }
        }
    }

    /// A bare number after a technical label, before a unit, or short and alone on its line.
    private func isTechnicalNumber(_ line: TextLine, _ position: Int, _ forms: [String]) -> Bool {
        let form = forms[position]
        guard Self.isPlainNumber(form, maxDigits: 5) else { return false }
        if line.count == 1 { return Self.isPlainNumber(form, maxDigits: 3) }
        var previous = position - 1
        while previous >= 0, forms[previous] == "=" || forms[previous] == ":" { previous -= 1 }
        if previous >= 0 {
            var label = forms[previous]
            while let last = label.last, last == "=" || last == ":" { label.removeLast() }
            if labels.contains(label) { return true }
            if previous > 0, labels.contains(forms[previous - 1] + " " + label) { return true }
        }
        if position + 1 < line.count, Self.unitWords.contains(forms[position + 1]) { return true }
        return false
    }

    /// Digits with an optional sign and decimal part; at most `maxDigits` before the decimal point.
    static func isPlainNumber(_ text: String, maxDigits: Int) -> Bool {
        var body = Substring(text)
        if let first = body.first, first == "+" || first == "-" { body = body.dropFirst() }
        let parts = body.split(separator: ".", omittingEmptySubsequences: false)
        guard !body.isEmpty, parts.count <= 2, parts.allSatisfy({ $0.allSatisfy(\.isNumber) && $0.allSatisfy(\.isASCII) }),
              parts[0].count <= maxDigits, parts.contains(where: { !$0.isEmpty }) else { return false }
        return true
    }
}
