/// How a date was printed; the date recognizer's confidence depends on it.
enum DateForm: Sendable, Equatable {
    case numericWithFourDigitYear  // 2014-03-09, 09.03.2014, 3/9/2014
    case numericWithTwoDigitYear   // 3/9/14, 12-07-94
    case compactEightDigits        // 20140309
    case compactSixDigits          // 140309, 090314: only ever compared with header dates
    case writtenMonth              // 09-Mar-2014, Mar 9 2014, 9 March 2014, Fri Apr 30 06:27:24 1993
    case dayAndMonth               // 9 Mar, March 29th
    case monthAndYear              // Mar 2014, 03/2014
}

/// A date read from one or more words: every full date the text can mean (03/09/2014 is 9 March or 3 September).
struct ParsedDate: Sendable {
    var candidates: [CalendarDate]
    var form: DateForm
    var folded: Bool
}

/// Reads a date from the chunks of a run of words. The whole run must be the date (surrounding punctuation,
/// a leading weekday, and a leading "LABEL:" glued to the value aside).
enum DateParser {
    private struct Value {
        var chunk: Chunk
        var separatorBefore: String
        var digits: Int { chunk.text.count }
        var isNumber: Bool { chunk.kind == .number }
        var month: Int? { chunk.kind == .word ? CalendarNames.months[chunk.text] : nil }
    }

    static func parse(_ chunks: [Chunk]) -> ParsedDate? {
        var values = collapse(chunks)
        guard !values.isEmpty, values.count <= 7 else { return nil }
        if values.count >= 2, !values[0].isNumber, values[0].month == nil, values[1].separatorBefore.has(":") {
            values.removeFirst()
        }
        if let first = values.first, first.chunk.kind == .word, CalendarNames.weekdays.contains(first.chunk.text) {
            values.removeFirst()
        }
        guard !values.isEmpty else { return nil }
        let folded = values.contains { $0.chunk.folded }
        let parsed: ParsedDate?
        if values.allSatisfy(\.isNumber) {
            parsed = values.count == 1 ? compact(values[0].chunk.text) : numeric(values)
        } else {
            parsed = written(values)
        }
        guard var result = parsed else { return nil }
        result.folded = folded
        return result
    }

    private static func collapse(_ chunks: [Chunk]) -> [Value] {
        var values: [Value] = []
        var separator = ""
        for chunk in chunks {
            if chunk.kind == .separator {
                separator += chunk.text
            } else {
                values.append(Value(chunk: chunk, separatorBefore: separator))
                separator = ""
            }
        }
        return values
    }

    private static func finish(_ candidates: [CalendarDate], _ form: DateForm) -> ParsedDate? {
        var unique: [CalendarDate] = []
        for candidate in candidates where candidate.isValid && !unique.contains(candidate) { unique.append(candidate) }
        return unique.isEmpty ? nil : ParsedDate(candidates: unique, form: form, folded: false)
    }

    /// 20140309 (also 09032014, 03092014); 140309 (also 090314, 030914).
    private static func compact(_ digits: String) -> ParsedDate? {
        let n = digits.compactMap(\.wholeNumberValue)
        func number(_ range: Range<Int>) -> Int { range.reduce(0) { $0 * 10 + n[$1] } }
        switch n.count {
        case 8:
            return finish([
                CalendarDate(year: number(0..<4), month: number(4..<6), day: number(6..<8)),
                CalendarDate(year: number(4..<8), month: number(2..<4), day: number(0..<2)),
                CalendarDate(year: number(4..<8), month: number(0..<2), day: number(2..<4)),
            ], .compactEightDigits)
        case 6:
            return finish([
                CalendarDate(year: number(0..<2), yearHasTwoDigits: true, month: number(2..<4), day: number(4..<6)),
                CalendarDate(year: number(4..<6), yearHasTwoDigits: true, month: number(2..<4), day: number(0..<2)),
                CalendarDate(year: number(4..<6), yearHasTwoDigits: true, month: number(0..<2), day: number(2..<4)),
            ], .compactSixDigits)
        default:
            return nil
        }
    }

    /// Three numbers with the same separator: 2014-03-09, 09.03.2014, 03/09/2014, 3/9/14; a month, a slash and
    /// a four-digit year of this or the last century: 03/2014, 3/1999.
    private static func numeric(_ values: [Value]) -> ParsedDate? {
        func kind(_ separator: String) -> String {
            String(separator.filter { $0 != " " }.map { $0 == "," ? "." : $0 })
        }
        // (a slash only: "12.2014" is a decimal number, "01-2024" the end of an identifier as often)
        if values.count == 2, kind(values[1].separatorBefore) == "/", values[0].digits <= 2, values[1].digits == 4,
           let year = Int(values[1].chunk.text), (1900...2099).contains(year) {
            return finish([CalendarDate(year: year, yearHasTwoDigits: false, month: Int(values[0].chunk.text)!, day: nil)], .monthAndYear)
        }
        guard values.count == 3 else { return nil }
        let separator = kind(values[1].separatorBefore)
        guard [".", "/", "-"].contains(separator), kind(values[2].separatorBefore) == separator else { return nil }
        let a = Int(values[0].chunk.text)!, b = Int(values[1].chunk.text)!, c = Int(values[2].chunk.text)!
        let (la, lb, lc) = (values[0].digits, values[1].digits, values[2].digits)
        if la == 4, lb <= 2, lc <= 2 {
            return finish([CalendarDate(year: a, month: b, day: c)], .numericWithFourDigitYear)
        }
        guard la <= 2, lb <= 2 else { return nil }
        if lc == 4 {
            return finish([CalendarDate(year: c, month: b, day: a), CalendarDate(year: c, month: a, day: b)],
                          .numericWithFourDigitYear)
        }
        guard lc == 2 else { return nil }
        var candidates = [
            CalendarDate(year: c, yearHasTwoDigits: true, month: b, day: a),
            CalendarDate(year: c, yearHasTwoDigits: true, month: a, day: b),
        ]
        if la == 2, lb == 2 { candidates.append(CalendarDate(year: a, yearHasTwoDigits: true, month: b, day: c)) }
        return finish(candidates, .numericWithTwoDigitYear)
    }

    /// A month name with a day and/or a year: 09-Mar-2014, Mar 9, 2014, 9 de marzo de 2014, 2014 Mar 9,
    /// Apr 30 06:27:24 1993, March 29th, Mar 2014.
    private static func written(_ input: [Value]) -> ParsedDate? {
        var values: [Value] = []
        for value in input {
            if value.chunk.kind == .word, CalendarNames.connectors.contains(value.chunk.text) { continue }
            if value.chunk.kind == .word, value.separatorBefore.isEmpty, let last = values.last, last.isNumber,
               last.digits <= 2, CalendarNames.ordinalSuffixes.contains(value.chunk.text) { continue }
            values.append(value)
        }
        guard let monthPosition = values.firstIndex(where: { $0.month != nil }),
              values.indices.allSatisfy({ $0 == monthPosition || values[$0].isNumber }) else { return nil }
        let month = values[monthPosition].month!
        let numbers = values.filter(\.isNumber)
        guard numbers.allSatisfy({ $0.digits <= 4 }) else { return nil }
        func year(_ value: Value) -> CalendarDate? {
            guard value.digits == 4 || value.digits == 2 else { return nil }
            return CalendarDate(year: Int(value.chunk.text)!, yearHasTwoDigits: value.digits == 2, month: month, day: nil)
        }
        func day(_ value: Value) -> Int? { value.digits <= 2 ? Int(value.chunk.text) : nil }

        switch (monthPosition, numbers.count) {
        case (1, 2), (0, 2):
            // D MON Y, Y MON D, MON D Y
            let first = numbers[0], second = numbers[1]
            if monthPosition == 1, first.digits == 4, let d = day(second) {
                return finish([CalendarDate(year: Int(first.chunk.text)!, month: month, day: d)], .writtenMonth)
            }
            guard let d = day(first), var date = year(second) else { return nil }
            date.day = d
            return finish([date], .writtenMonth)
        case (0, 4...5):
            // MON D HH:MM[:SS] YYYY, as ctime prints it
            let time = values[2..<(values.count - 1)]
            guard time.dropFirst().allSatisfy({ $0.separatorBefore.has(":") }), let d = day(numbers[0]),
                  numbers.last!.digits == 4, var date = year(numbers.last!) else { return nil }
            date.day = d
            return finish([date], .writtenMonth)
        case (_, 1):
            let number = numbers[0]
            if number.digits == 4, monthPosition == 0, let date = year(number) { return finish([date], .monthAndYear) }
            guard let d = day(number) else { return nil }
            return finish([CalendarDate(year: nil, yearHasTwoDigits: false, month: month, day: d)], .dayAndMonth)
        default:
            return nil
        }
    }
}
