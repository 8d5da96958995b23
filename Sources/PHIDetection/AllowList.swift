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
    /// The word-prefixes of the multi-word phrases ("left lateral" for "left lateral decubitus"), so that the
    /// lookup stops extending a run of words as soon as no phrase can start with it.
    private let phrasePrefixes: Set<String>
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
    /// The words spelled out in the SMI multi-word patterns (and their beginnings), for `mayStartLinePattern`.
    private let linePatternWords: Set<String>

    static let unitWords: Set<String> = [
        "hz", "khz", "mhz", "cm", "mm", "m", "db", "bpm", "%", "kv", "kvp", "ma", "mas", "ms", "s", "sec", "fps",
        "cm/s", "mm/s", "m/s", "ml", "cc", "x", "deg", "°", "mgy", "cm2", "mm2", "cm3", "hu", "hr", "cau", "cra", "rao",
        "lao",
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
                if !phrase.has(" ") { abbreviations.insert(phrase.uppercased()) }
                if !phrase.has(" "), phrase.count >= 2, personalNames.contains(phrase.uppercased()) {
                    collisions += 1
                    continue
                }
                phrases.insert(phrase)
            } else {
                _ = try CompiledPattern(pattern, options: [.caseInsensitive], file: "smi-ocr-allowlist.txt", line: number)
                regexes.append(pattern)
            }
        }
        let technical = try loader.lines("technical-words.txt").map { $0.text.lowercased() }
        phrases.formUnion(technical)
        technicalWords = Set(technical.filter { !$0.has(" ") }.map { $0.uppercased() })
        self.abbreviations = abbreviations
        self.phrases = phrases
        longestPhrase = phrases.map { $0.split(separator: " ").count }.max() ?? 1
        var prefixes = Set<String>()
        for phrase in phrases where phrase.has(" ") {
            let words = phrase.split(separator: " ")
            for end in 1..<words.count { prefixes.insert(words[..<end].joined(separator: " ")) }
        }
        phrasePrefixes = prefixes
        nameCollisions = collisions
        labels = Set(try loader.lines("technical-labels.txt").map { $0.text.lowercased() })

        var wordPatterns: [String] = []
        for (number, line) in try loader.lines("technical-patterns.txt") {
            _ = try CompiledPattern(line, options: [.caseInsensitive], file: "technical-patterns.txt", line: number)
            wordPatterns.append(line)
        }
        wordPattern = try CompiledPattern("^(?:" + wordPatterns.map { "(?:\($0))" }.joined(separator: "|") + ")$",
                                          options: [.caseInsensitive], file: "technical-patterns.txt")
        linePatternWords = Self.spelledWords(regexes)
        linePattern = regexes.isEmpty ? nil : try CompiledPattern(
            "(?<![^\\s])(?:" + regexes.map { "(?:\($0))" }.joined(separator: "|") + ")(?![^\\s])",
            options: [.caseInsensitive], file: "smi-ocr-allowlist.txt")
    }

    /// Lowercase words of two or more letters written out in regex sources ("[kK][vV][pP]?" counts as "kvp"),
    /// with their beginnings ("kv").
    private static func spelledWords(_ patterns: [String]) -> Set<String> {
        var words = Set<String>()
        for pattern in patterns {
            var letters = ""
            var rest = Substring(pattern.lowercased())
            while let character = rest.first {
                if character == "[", rest.count >= 4, rest.dropFirst(3).first == "]" {
                    let pair = rest.dropFirst().prefix(2)
                    if pair.first == pair.last, pair.first!.isLetter { letters.append(pair.first!); rest = rest.dropFirst(4); continue }
                }
                if character.isLetter && character.isASCII { letters.append(character) } else {
                    if letters.count >= 2 { for end in 2...letters.count { words.insert(String(letters.prefix(end))) } }
                    letters = ""
                }
                rest = rest.dropFirst()
            }
            if letters.count >= 2 { for end in 2...letters.count { words.insert(String(letters.prefix(end))) } }
        }
        return words
    }

    /// Per word of the line: is it safe technical text?
    func flags(_ line: TextLine) -> [Bool] {
        let forms = line.tokens.map(\.lookupForm)
        var allowed = [Bool](repeating: false, count: line.count)
        for start in 0..<line.count {
            var phrase = ""
            for end in start..<min(line.count, start + longestPhrase) {
                phrase += end == start ? forms[end] : " " + forms[end]
                if phrases.contains(phrase) { for p in start...end { allowed[p] = true } }
                if !phrasePrefixes.contains(phrase) { break }
            }
        }
        for position in 0..<line.count where !allowed[position] {
            allowed[position] = isTechnicalWord(forms[position]) || isCompound(forms[position])
        }
        markLinePatterns(line, &allowed)
        for position in 0..<line.count where !allowed[position] {
            allowed[position] = isTechnicalNumber(line, position, forms)
        }
        // "M BY": an age OCR misread after a sex letter, not the word
        for position in 0..<line.count where allowed[position] && AgePatternRecognizer.misreadAgeAfterSex(in: line, at: position) != nil {
            allowed[position] = false
        }
        return allowed
    }

    private func isTechnicalWord(_ form: String) -> Bool {
        guard !form.isEmpty else { return false }
        if phrases.contains(form) || Self.isMeasurement(form) { return true }
        // Every word pattern needs a digit, a slash or punctuation only, and none matches bare digits: skip the
        // regex for plain words and plain numbers.
        var digit = false, letter = false, other = false
        for byte in form.utf8 {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = true
            case UInt8(ascii: "a")...UInt8(ascii: "z"), 0x80...: letter = true
            case UInt8(ascii: "/"): digit = true; other = true
            default: other = true
            }
        }
        guard digit || !letter, letter || other else { return false }
        // Only the slash-separated lists among the patterns can hold seven digits or more (dates, identifiers).
        if form.utf8.count >= 7, !form.has("/"), form.utf8.lazy.filter({ $0 >= 0x30 && $0 <= 0x39 }).count >= 7 { return false }
        return wordPattern.matchesWhole(form)
    }

    /// Units after a number ("16cm", "2.7mhz", "60%").
    static let units: Set<String> = [
        "kvp", "kv", "mas", "ma", "ms", "s", "sec", "mm", "cm", "m", "um", "nm", "hz", "khz", "mhz", "db", "bpm", "fps",
        "%", "x", "deg", "°", "cc", "ml", "l", "mgy", "mgycm2", "cgy", "gy", "msv", "mgy*cm", "w", "mw", "t", "mm2",
        "cm2", "mm3", "cm3", "cm³", "mm²", "cm²", "cm/s", "mm/s", "m/s", "db/c", "hu", "g", "kg", "ppm", "mmhg",
    ]
    /// Parameter names glued to a value of up to three digits ("w:400", "tis0.0", "g52", "mi=0.8").
    static let parameters: Set<String> = [
        "w", "l", "ww", "wl", "wc", "c", "kv", "kvp", "ma", "mas", "ms", "tis", "tib", "tic", "tisb", "mi", "ao", "g",
        "gn", "r", "p", "a", "m", "x", "z", "d", "f", "b", "v", "h", "s", "t", "fr", "dr", "se", "im", "img", "sl",
        "thk", "cri", "srh", "tac", "lo", "hi",
    ]

    /// The two commonest technical shapes, checked without a regex: a number with a unit ("16cm", "-2.7mhz",
    /// "60%") and a parameter glued to a number of up to three digits ("w:400", "tis0.0", "ao=100%").
    static func isMeasurement(_ form: String) -> Bool {
        var form = form
        return form.withUTF8(isMeasurement)
    }

    private static func isMeasurement(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        func skipSign() { if i < bytes.count, bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-") { i += 1 } }
        func run(_ accept: (UInt8) -> Bool) -> Int { let start = i; while i < bytes.count, accept(bytes[i]) { i += 1 }; return i - start }
        let isDigit = { (b: UInt8) in b >= 0x30 && b <= 0x39 }
        skipSign()
        let prefixStart = i
        let prefix = run { $0 >= 0x61 && $0 <= 0x7A }
        let prefixEnd = i
        if prefix > 0, i < bytes.count, bytes[i] == UInt8(ascii: ":") || bytes[i] == UInt8(ascii: "=") { i += 1 }
        skipSign()
        let integer = run(isDigit)
        var fraction = 0
        if i + 1 < bytes.count, bytes[i] == UInt8(ascii: ".") || bytes[i] == UInt8(ascii: ","), isDigit(bytes[i + 1]) {
            i += 1
            fraction = run(isDigit)
        }
        guard integer + fraction > 0 else { return false }
        let rest = String(decoding: bytes[i...], as: UTF8.self)
        if prefix == 0 { return integer <= 5 && units.contains(rest) }
        let name = String(decoding: bytes[prefixStart..<prefixEnd], as: UTF8.self)
        return parameters.contains(name) && integer <= 3 && (rest.isEmpty || rest == "%")
    }

    /// "XMIT:A", "Gain=82": a safe label, then safe words, or numbers when the label is a technical one.
    private func isCompound(_ form: String) -> Bool {
        guard form.has(":") || form.has("=") else { return false }
        let pieces = form.split(whereSeparator: { $0 == ":" || $0 == "=" }).map(String.init)
        guard let label = pieces.first, isTechnicalWord(label) || labels.contains(label) else { return false }
        return pieces.dropFirst().allSatisfy {
            isTechnicalWord($0) || labels.contains(label) && Self.isPlainNumber($0, maxDigits: 5)
        }
    }

    private func markLinePatterns(_ line: TextLine, _ allowed: inout [Bool]) {
        guard let linePattern, line.tokens.indices.contains(where: { !allowed[$0] && mayStartLinePattern(line[$0]) })
        else { return }
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

    /// Whether a word could be part of a multi-word SMI pattern: one of its letter runs is a word those patterns
    /// spell out. Saves running the patterns on most lines.
    private func mayStartLinePattern(_ token: Token) -> Bool {
        token.lookupForm.unicodeScalars.split(whereSeparator: { !ScalarClass.isLetter($0) })
            .contains { $0.count >= 2 && linePatternWords.contains(String(String.UnicodeScalarView($0))) }
    }

    /// A bare number after a technical label, before a unit, or short and alone on its line.
    private func isTechnicalNumber(_ line: TextLine, _ position: Int, _ forms: [String]) -> Bool {
        let form = forms[position]
        guard Self.isPlainNumber(form, maxDigits: 5) else { return false }
        // alone on its line a scale mark ("120", "0.5"), not a number with five decimals ("99.47212": an identifier)
        if line.count == 1 { return Self.isPlainNumber(form, maxDigits: 3) && !IdentifierPatternRecognizer.isNumberWithLongFraction(form) }
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
        var integer = 0, fraction = 0, dots = 0, position = 0
        for byte in text.utf8 {
            defer { position += 1 }
            switch byte {
            case 0x30...0x39: if dots == 0 { integer += 1 } else { fraction += 1 }
            case UInt8(ascii: "."): dots += 1
            case UInt8(ascii: "+"), UInt8(ascii: "-"): if position != 0 { return false }
            default: return false
            }
        }
        return dots <= 1 && integer <= maxDigits && integer + fraction > 0
    }
}
