/// Dates of any shape: numeric with any of `.`, `/`, `-` and a two- or four-digit year (2014-03-09,
/// 09.03.2014, 3/9/14), eight digits (20140309), a month name or abbreviation in English, German, French,
/// Spanish, Italian, Dutch or Portuguese (09-Mar-2014, Mar 9 2014, 9. März 2014, 07-FEV-2006,
/// Fri Apr 30 06:27:24 1993), and partial dates (March 29th, Mar 2014).
///
/// OCR damage tolerated: a year left after a date whose time OCR garbled ("Fri Apr 30 06;27324 1993"), a
/// numeric date that lost a digit ("0/06/1962"; more confident after a birth-date label), and an English month
/// abbreviation with one letter misread before a day and a four-digit year ("Apt 2 2020").
struct DatePatternRecognizer: Recognizer {
    let name = "date-pattern"

    func findings(in input: RecognitionInput) -> [Finding] {
        var findings: [Finding] = []
        for (number, line) in input.lines.enumerated() {
            var covered = Set<Int>()
            for span in input.dates[number] {
                guard var confidence = Self.confidence(span.date) else { continue }
                if span.date.folded { confidence -= 0.05 }
                let range = Self.withTrailingYear(span, in: line)
                covered.formUnion(range)
                findings.append(finding(line, range, .date, confidence))
            }
            for position in 0..<line.count where !covered.contains(position) {
                if Self.isYearAndMonthCutShort(line[position].text) {
                    var found = finding(line, position..<(position + 1), .date, 0.8)
                    found.unreadCharacters = 2
                    findings.append(found)
                    covered.insert(position)
                } else if let (confidence, unread) = Self.dayFirstDateCutShort(line[position].text),
                          // three digits of a year beginning 19 or 20 are one cut short wherever OCR split its last
                          // digit off ("21/03/201" "Sips"); fewer only at the line's end
                          position == line.count - 1 || unread == 1 {
                    var found = finding(line, position..<(position + 1), .date, confidence)
                    found.unreadCharacters = unread
                    findings.append(found)
                    covered.insert(position)
                } else if let confidence = Self.damagedNumericDate(line, position) {
                    findings.append(finding(line, position..<(position + 1), .date, confidence))
                    covered.insert(position)
                } else if position + 2 < line.count, !covered.contains(position + 1), !covered.contains(position + 2),
                          Self.isMisreadWrittenDate(line, position) || Self.hasMisreadDay(line, position)
                            || Self.isMonthMisreadBeforeDayAndYear(line, position) {
                    findings.append(finding(line, position..<(position + 3), .date, 0.7))
                    covered.formUnion(position..<(position + 3))
                }
            }
        }
        return findings
    }

    static func confidence(_ date: ParsedDate) -> Double? {
        switch date.form {
        case .numericWithFourDigitYear: 0.9
        case .writtenMonth: date.candidates.contains { $0.yearHasTwoDigits } ? 0.85 : 0.9
        case .numericWithTwoDigitYear: 0.8
        case .compactEightDigits: 0.8
        case .dayAndMonth, .monthAndYear: 0.6
        case .compactSixDigits: nil
        }
    }

    private static func isYear(_ token: Token) -> Bool {
        let core = token.core
        return core.utf8.count == 4 && core.allSatisfy(\.isNumber) && (1880...2100).contains(Int(core) ?? 0)
    }

    /// A date printed without its year whose year follows after at most one garbled time word ("Fri Apr 30
    /// 06;27324 1993", as ctime prints dates): the year is part of the date.
    static func withTrailingYear(_ span: DateSpan, in line: TextLine) -> Range<Int> {
        guard span.date.form == .dayAndMonth else { return span.range }
        var next = span.range.upperBound
        if next < line.count, !isYear(line[next]), line[next].hasDigit, line[next].letterCount == 0,
           line[next].text.contains(where: { ":;".contains($0) }) {
            next += 1
        }
        guard next < line.count, isYear(line[next]) else { return span.range }
        return span.range.lowerBound..<(next + 1)
    }

    /// A numeric date with a four-digit year whose day or month OCR left as 0 after losing a digit
    /// ("0/06/1962" for 10/06/1962, "06.0.1962"): 0.8 right after a birth-date label, else 0.55.
    static func damagedNumericDate(_ line: TextLine, _ position: Int) -> Double? {
        let token = line[position]
        let chunks = token.chunks.filter { !($0.kind == .separator && " ()[],:".contains($0.text)) }
        guard chunks.count == 5, chunks[0].kind == .number, chunks[2].kind == .number, chunks[4].kind == .number,
              chunks[1].kind == .separator, chunks[1] == chunks[3], [".", "/", "-"].contains(chunks[1].text),
              chunks[0].text.count <= 2, chunks[2].text.count <= 2, chunks[4].text.count == 4,
              let year = Int(chunks[4].text), (1880...2100).contains(year),
              let first = Int(chunks[0].text), let second = Int(chunks[2].text),
              first == 0 && (1...31).contains(second) || second == 0 && (1...31).contains(first),
              token.letterCount == 0 || token.gluedLabel != nil else { return nil }
        let labelled = (max(0, position - 3)..<position).contains { p in
            CueWordRecognizer.cues.contains { $0.value == .date && $0.standsAlone && $0.words.last == line[p].labelKey }
        } || token.gluedLabel.map { label in
            CueWordRecognizer.cues.contains { $0.value == .date && $0.standsAlone && $0.words == [label] }
        } == true
        return labelled ? 0.8 : 0.55
    }

    /// A year-first date OCR read only up to its month, the day left unread: "2015/08/", "2015-08-.",
    /// "2015.08." (a year 1880-2100, a month 1-12, the separator after both, at most one mark after).
    static func isYearAndMonthCutShort(_ text: String) -> Bool {
        let characters = Array(text)
        guard characters.count >= 8, characters.count <= 9, characters[..<4].allSatisfy(\.isNumber),
              let year = Int(String(characters[..<4])), (1880...2100).contains(year),
              "/-.".contains(characters[4]), characters[5].isNumber, characters[6].isNumber, characters[7] == characters[4],
              let month = Int(String(characters[5...6])), (1...12).contains(month) else { return false }
        return characters.count == 8 || !characters[8].isNumber && !characters[8].isLetter
    }

    /// A numeric date that OCR read only into its year: "24/10/1", "13.01.2-", "24/10/",
    /// "21/03/201" (day and month, two digits each and valid in either order, the same separator after both,
    /// then fewer than two digits of the year, or three that begin 19 or 20, and at most one mark). The
    /// confidence (0.7; 0.6 with dots, which version numbers use too) and the year's unread digits, taking it
    /// for four.
    static func dayFirstDateCutShort(_ text: String) -> (Double, Int)? {
        var characters = Array(text)
        if characters.count > 6, let last = characters.last, !last.isNumber, !last.isLetter { characters.removeLast() }
        let century = characters.count == 9 && ["19", "20"].contains(String(characters[6...7]))
        guard (6...7).contains(characters.count) || century, characters[0].isNumber, characters[1].isNumber, characters[3].isNumber,
              characters[4].isNumber, "/-.".contains(characters[2]), characters[5] == characters[2],
              characters.dropFirst(6).allSatisfy(\.isNumber),
              let first = Int(String(characters[0...1])), let second = Int(String(characters[3...4])) else { return nil }
        let valid = (1...31).contains(first) && (1...12).contains(second) || (1...12).contains(first) && (1...31).contains(second)
        guard valid else { return nil }
        return (characters[2] == "." ? 0.6 : 0.7, 4 - (characters.count - 6))
    }

    private static let englishAbbreviations = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT",
                                               "NOV", "DEC"]

    /// A month name between a day OCR misread into an impossible one (32–39: a 0 read as 8 or 9,
    /// "38 JAN 94" for "30 JAN 94") and a year: `D MON Y` or `MON D YYYY`.
    static func hasMisreadDay(_ line: TextLine, _ position: Int) -> Bool {
        let words = (0..<3).map { line[position + $0].core.uppercased() }
        func impossibleDay(_ text: String) -> Bool { text.utf8.count == 2 && (32...39).contains(Int(text) ?? 0) }
        func year(_ text: String) -> Bool { (text.utf8.count == 2 || text.utf8.count == 4) && text.allSatisfy(\.isNumber) }
        if impossibleDay(words[0]), CalendarNames.months[words[1]] != nil, year(words[2]) { return true }
        return CalendarNames.months[words[0]] != nil && impossibleDay(words[1]) && words[2].utf8.count == 4 && year(words[2])
    }

    /// "Apt 2 2020" for "Apr 2 2020", "14 NOY 2004" for "14 NOV 2004": a three-letter word one letter off an
    /// English month abbreviation (same first letter) with a day number and then a four-digit year.
    static func isMisreadWrittenDate(_ line: TextLine, _ position: Int) -> Bool {
        func isDay(_ token: Token) -> Bool {
            let day = token.core
            return (1...2).contains(day.utf8.count) && day.allSatisfy(\.isNumber) && (1...31).contains(Int(day) ?? 0)
        }
        // MON D YYYY, or D MON YYYY ("14 NOY 2004")
        if isMisreadMonth(line[position]), isDay(line[position + 1]) { return isYear(line[position + 2]) }
        return isDay(line[position]) && isMisreadMonth(line[position + 1]) && isYear(line[position + 2])
    }

    /// "uber 4, 1956" for "November 4, 1956": a word of three letters or more that is no month, then a day
    /// with its comma and a four-digit year, the American written date with its month misread.
    static func isMonthMisreadBeforeDayAndYear(_ line: TextLine, _ position: Int) -> Bool {
        let word = line[position], day = line[position + 1]
        // a quote OCR read for a lost capital may stand before it ("‘arch 28, 2018")
        guard word.letterCount >= 3, word.digitCount == 0, !word.endsWithColon, word.core.allSatisfy({ $0.isLetter || $0 == "." }),
              day.text.hasSuffix(","), let value = Int(day.text.dropLast()), (1...31).contains(value), day.text.count <= 3 else { return false }
        return isYear(line[position + 2])
    }

    /// A three-letter word one letter off an English month abbreviation, with the same first letter.
    static func isMisreadMonth(_ token: Token) -> Bool {
        let word = token.core.uppercased()
        return word.utf8.count == 3 && word.allSatisfy(\.isLetter) && CalendarNames.months[word] == nil
            && englishAbbreviations.contains { month in month.first == word.first && zip(month, word).filter { $0 != $1 }.count == 1 }
    }
}
