/// Medical record numbers, patient IDs, accession and exam numbers:
/// - after a cue (`ID:`, `MRN`, `Acc#`, `Accession`, `#`, `Ex:`, `No.`…), the value that follows (past one mark
///   such as a "#" read as "=") or is glued on;
/// - without a cue, words with six or more digits (2823824046, US145188266, CL-285BT-1811492, AD-9918-67) that
///   are not decimals, dates or times;
/// - a four- or five-digit number standing alone on its line (an exam number on an endoscopy caption);
/// - a number with two digits or more before a dot and five or more after it (0.6).
struct IdentifierPatternRecognizer: Recognizer {
    let name = "identifier-pattern"

    /// Label forms (uppercase, dots removed, trailing ':' dropped) that announce an identifier.
    static let cues: Set<String> = [
        "ID", "PID", "PATID", "PATIENTID", "MRN", "MR", "MRNO", "MR#", "MRN#", "ACC", "ACC#", "ACCESSION", "ACCNO",
        "ACCESSIONNO", "ACCESSION#", "ACCN", "#", "NO", "NR", "NUM", "NUMBER", "N°", "Nº", "EX", "EXAM", "EXAMNO",
        "EXAM#", "STUDYID", "STUDY#", "CASE", "CASE#", "CHART", "SSN", "NHS", "NHSNO", "HN", "UR", "URN", "IPP",
        "NIP", "ENCOUNTER", "VISIT", "ORDER", "ORDER#", "REQ", "REQ#", "PATNR", "PATIENTNUMMER", "PATIENTNR",
        "PT#", "PAT#", "FALL", "FALLNR", "DOSSIER", "HISTORIA", "NHC", "CIP", "KENNUNG", "CODE",
    ]

    init() throws {}

    func findings(in input: RecognitionInput) -> [Finding] {
        var findings: [Finding] = []
        for (number, line) in input.lines.enumerated() {
            var claimed = Set<Int>()
            for position in 0..<line.count {
                if let range = cuedValue(in: line, at: position) {
                    findings.append(finding(line, range, .identifier, 0.9))
                    claimed.formUnion(range)
                }
            }
            for position in 0..<line.count where !claimed.contains(position) {
                if let confidence = uncued(line, position, dates: input.dates[number], times: input.times[number]) {
                    findings.append(finding(line, position..<(position + 1), .identifier, confidence))
                }
            }
            findings += hyphenSplit(line, dates: input.dates[number], times: input.times[number]).map {
                finding(line, $0, .identifier, 0.8)
            }
        }
        return findings
    }

    /// The value announced by a cue at `position`: the cue word itself when the value is glued on ("ID:123456",
    /// "Acc#US145188266", "#7189"), else the next word and any all-digit words continuing it.
    private func cuedValue(in line: TextLine, at position: Int) -> Range<Int>? {
        let token = line[position]
        if token.hasDigit, let glued = Self.gluedValue(token), glued.contains(where: \.isNumber), TextNormalization.key(glued).count >= 3 {
            return position..<(position + 1)
        }
        // a glued value OCR split at its hyphen ("Exam#CT" "-496724" for Exam # CT20-496724)
        if !token.hasDigit, let glued = Self.gluedValue(token), (1...4).contains(glued.count), glued.allSatisfy(\.isLetter),
           position + 1 < line.count, line[position + 1].core.hasPrefix("-"), line[position + 1].core.dropFirst().allSatisfy(\.isNumber),
           line[position + 1].digitCount >= 4 {
            return position..<(position + 2)
        }
        let label = token.labelKey
        let misreadColon = Self.isCueWithMisreadColon(token)
        guard Self.cues.contains(label) || label.hasSuffix("#") && Self.cues.contains(String(label.dropLast()))
                || misreadColon,
              position + 1 < line.count else { return nil }
        // one mark between the cue and its value ("Order # XR0401591" with the "#" read as "=")
        var first = position + 1
        if line[first].letterCount == 0, line[first].digitCount == 0, line[first].text.utf8.count == 1, first + 1 < line.count {
            first += 1
        }
        // the value's first characters OCR garbled into no digit at all ("Pat ID" "HNél" "2226" for
        // HN812228, "Chart" "“ers" "706" for 596 706): a short piece with a character outside A-Z, before
        // digits, starts the value
        if Self.isGarbledStart(line[first]), first + 1 < line.count, line[first + 1].core.allSatisfy(\.isNumber),
           line[first + 1].digitCount >= 3 {
            var end = first + 2
            while end < line.count, end < first + 4, line[end].core.allSatisfy(\.isNumber), line[end].digitCount > 0 { end += 1 }
            return first..<end
        }
        let value = line[first]
        // a value may end in a colon OCR made of its last digits ("46,1:"), not a label
        guard value.hasDigit, !value.endsWithColon || value.digitCount >= 3 else { return nil }
        if misreadColon, !(value.core.allSatisfy(\.isNumber) && value.core.utf8.count >= 3) { return nil }
        var end = first + 1
        while end < line.count, end < first + 3, line[end].key.allSatisfy(\.isNumber), !line[end].key.isEmpty,
              line[end].text.first?.isNumber == true {
            end += 1
        }
        // three characters or more in all: a first digit read twice ("5" "54.95121") starts the value
        guard (first..<end).reduce(0, { $0 + line[$1].key.utf8.count }) >= 3 else { return nil }
        return first..<end
    }

    /// A short word without digits with a character that is no plain letter ("HNél", "“ers"): OCR's
    /// reading of characters it could not make out.
    static func isGarbledStart(_ token: Token) -> Bool {
        let text = token.text
        return !token.hasDigit && (2...5).contains(text.count) && token.letterCount >= 1
            && text.contains { !($0.isASCII && $0.isLetter) } && !token.endsWithColon
    }

    /// A cue of two or more letters whose colon OCR read as a small letter or stroke ("Ext" for "Ex:",
    /// "MRNl" for "MRN:"); it counts only before an all-digit value.
    static func isCueWithMisreadColon(_ token: Token) -> Bool {
        let text = token.text
        guard let last = text.last, "til1|;!".contains(last), text.count >= 3 else { return false }
        let label = String(token.labelKey.dropLast())
        return label.count >= 2 && label.allSatisfy(\.isLetter) && cues.contains(label)
    }

    /// An identifier OCR split into several words at its dashes ("EK- 4362 -13", "AD-9918 -67"): words joined
    /// by a dash at the end of one or the start of the next, six or more digits in all, no more letters than
    /// digits, and not a date or time.
    private func hyphenSplit(_ line: TextLine, dates: [DateSpan], times: [TimeSpan]) -> [Range<Int>] {
        func plain(_ token: Token) -> Bool {
            let core = token.core
            return !core.isEmpty && !core.has(".") && !core.has(",") && !core.has(":") && !core.has("/")
                && core.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" } && token.key.utf8.count >= 1
        }
        func joined(_ a: Token, _ b: Token) -> Bool { a.text.hasSuffix("-") || b.text.hasPrefix("-") }
        let calendar = Set(dates.flatMap { Array($0.range) } + times.flatMap { Array($0.range) })
        var ranges: [Range<Int>] = []
        var start = 0
        while start < line.count {
            var end = start + 1
            while end < line.count, plain(line[end - 1]), plain(line[end]), joined(line[end - 1], line[end]) { end += 1 }
            let range = start..<end
            if range.count >= 2, !range.contains(where: calendar.contains) {
                let digits = range.reduce(0) { $0 + line[$1].digitCount }
                let letters = range.reduce(0) { $0 + line[$1].letterCount }
                if digits >= 6, letters <= digits, line[start].text.first != "-" { ranges.append(range) }
            }
            start = end
        }
        return ranges
    }

    /// "ID:123456" → "123456", "ACC#US145" → "US145", "#7189" → "7189", "MRN12345678" → "12345678".
    static func gluedValue(_ token: Token) -> String? {
        let upper = token.upper
        if upper.hasPrefix("#"), upper.count > 1 { return String(upper.dropFirst()) }
        if let label = token.gluedLabel, let value = token.gluedValue, cues.contains(label) || cues.contains(label + "#") {
            return value
        }
        if upper.has("#"), let index = upper.firstIndex(of: "#") {
            let label = String(upper[..<index].filter { $0 != "." })
            let value = upper[upper.index(after: index)...]
            if !value.isEmpty, cues.contains(label) || cues.contains(label + "#") { return String(value) }
        }
        for cue in ["MRN", "ACC"] where upper.hasPrefix(cue) {
            let value = upper.dropFirst(cue.count)
            if value.count >= 4, value.allSatisfy(\.isNumber) { return String(value) }
        }
        return nil
    }

    /// "99.47212", "20.87429": digits, one dot, two digits or more before it and five or more after. No
    /// measurement printed on an image carries five decimals after a whole part of two digits; a number
    /// with a dot in it is an identifier then (pixel spacings such as 0.48828125 start with one digit).
    static func isNumberWithLongFraction(_ core: String) -> Bool {
        let parts = core.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 2 && parts[0].count >= 2 && parts[1].count >= 5 && parts.allSatisfy { $0.allSatisfy(\.isNumber) }
    }

    private func uncued(_ line: TextLine, _ position: Int, dates: [DateSpan], times: [TimeSpan]) -> Double? {
        let token = line[position]
        guard token.digitCount >= 4 else { return nil }
        let core = token.core
        guard core.first != "+", core.first != "-" else { return nil }
        if Self.isNumberWithLongFraction(core) { return 0.6 }
        guard !core.has("."), !core.has(",") else { return nil }
        let isOwnDateOrTime = dates.contains { $0.range == position..<(position + 1) && $0.date.form != .compactSixDigits }
            || times.contains { $0.range == position..<(position + 1) && !$0.time.isCompact }
        if isOwnDateOrTime { return nil }
        let minimumDigits = core.has("/") || core.has(":") ? 8 : 6
        if token.digitCount >= minimumDigits, token.letterCount <= token.digitCount { return 0.8 }
        if line.count == 1, token.letterCount == 0, core.allSatisfy(\.isNumber), (4...5).contains(core.utf8.count) { return 0.6 }
        return nil
    }
}
