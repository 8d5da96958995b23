/// Dates found in a line: which words, and what they can mean.
struct DateSpan: Sendable {
    let range: Range<Int>
    let date: ParsedDate
}

/// Times found in a line.
struct TimeSpan: Sendable {
    let range: Range<Int>
    let time: ParsedTime
    /// Preceded by a sign ("+2:09:04"): an offset or elapsed time, not a time of day.
    let isSigned: Bool
}

/// Finds dates and times in a line, longest reading first, left to right.
enum CalendarScanner {
    static let longestDate = 6

    static func dates(in line: TextLine) -> [DateSpan] {
        var spans: [DateSpan] = []
        let calendar = line.tokens.map(isCalendarWord)
        let month = line.tokens.map { $0.chunks.contains { $0.kind == .word && CalendarNames.months[$0.text] != nil } }
        var start = 0
        while start < line.count {
            guard line[start].hasDigit || calendar[start] else { start += 1; continue }
            var found = false
            for length in stride(from: min(longestDate, line.count - start), through: 1, by: -1) {
                let range = start..<(start + length)
                guard line[range.upperBound - 1].hasDigit || month[range.upperBound - 1],
                      length == 1 || mayJoin(line, range, calendar),
                      let date = DateParser.parse(line.chunks(range)) else { continue }
                spans.append(DateSpan(range: range, date: date))
                start = range.upperBound
                found = true
                break
            }
            if !found { start += 1 }
        }
        return spans
    }

    static func times(in line: TextLine) -> [TimeSpan] {
        var spans: [TimeSpan] = []
        var start = 0
        while start < line.count {
            let token = line[start]
            guard token.hasDigit else { start += 1; continue }
            var found = false
            // OCR splits a time at its separators ("13:" "13:" "56"): up to three words joined there
            var pieces = 1
            while pieces < 3, start + pieces < line.count, isTimeJoint(line, start + pieces - 1) { pieces += 1 }
            let withMeridiem = start + pieces < line.count && CalendarNames.meridiems[line[start + pieces].labelKey] != nil
            for length in stride(from: pieces + (withMeridiem ? 1 : 0), through: 1, by: -1) {
                let range = start..<(start + length)
                guard let time = TimeParser.parse(line.chunks(range)) else { continue }
                let signed = token.text.first.map { "+-±".contains($0) } == true
                    || start > 0 && ["+", "-", "±"].contains(line[start - 1].text)
                spans.append(TimeSpan(range: range, time: time, isSigned: signed))
                start = range.upperBound
                found = true
                break
            }
            if !found { start += 1 }
        }
        return spans
    }

    /// Word `position` and the next meet at a time separator: one ends with it or the other starts with it.
    private static func isTimeJoint(_ line: TextLine, _ position: Int) -> Bool {
        let separators: Set<Character> = [":", ";"]
        return line[position].text.last.map(separators.contains) == true
            || line[position + 1].text.first.map(separators.contains) == true
    }

    private static func isCalendarWord(_ token: Token) -> Bool {
        guard let word = token.chunks.first(where: { $0.kind == .word })?.text else { return false }
        return CalendarNames.months[word] != nil || CalendarNames.weekdays.contains(word)
    }

    /// A date spans several words only with a month or weekday name among them ("Mar 9 2014"), or where OCR
    /// split a numeric date at a separator ("2014-" "03-09").
    private static func mayJoin(_ line: TextLine, _ range: Range<Int>, _ calendar: [Bool]) -> Bool {
        if range.contains(where: { calendar[$0] }) { return true }
        return range.dropLast().allSatisfy { position in
            let separators: Set<Character> = [".", "/", "-"]
            return line[position].text.last.map(separators.contains) == true
                || line[position + 1].text.first.map(separators.contains) == true
        }
    }
}
