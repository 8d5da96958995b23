/// A time read from one or two words.
struct ParsedTime: Sendable {
    /// The times the text can mean: "5:46 PM" is 17:46; "5:46" without AM/PM may be 5:46 or 17:46.
    var candidates: [ClockTime]
    var hasSeconds: Bool
    var hasMeridiem: Bool
    /// Printed without separators ("174657"): only ever compared with header times or read after a label.
    var isCompact: Bool
    /// The hour has one digit and no AM/PM follows: often an elapsed time ("0:03:46") rather than a clock.
    var hasShortHour: Bool
    var folded: Bool
    /// hh:mm:ss with one of hour, minutes and seconds out of a clock's range ("45:46:57", "14:77:18"): OCR
    /// misread a digit. Still time-shaped PHI; `candidates` is empty, so it never matches a header time.
    var hasMisreadDigit = false
}

/// Reads a time of day: 17:46:57, 17:46, 5:46:57 PM, 05:24:57PM, 09;25;00, 06.57.50, 11h30, 174657, 174657.123.
enum TimeParser {
    static func parse(_ chunks: [Chunk]) -> ParsedTime? {
        var values: [(chunk: Chunk, separatorBefore: String)] = []
        var separator = ""
        for chunk in chunks {
            if chunk.kind == .separator { separator += chunk.text } else { values.append((chunk, separator)); separator = "" }
        }
        if values.count >= 2, values[0].chunk.kind == .word, CalendarNames.meridiems[values[0].chunk.text] == nil,
           values[1].separatorBefore.has(":") {
            values.removeFirst()  // "Time:17:46"
        }
        guard let first = values.first, first.chunk.kind == .number else { return nil }
        var meridiem: Bool?
        if let last = values.last, last.chunk.kind == .word {
            guard let pm = CalendarNames.meridiems[last.chunk.text] else { return nil }
            meridiem = pm
            values.removeLast()
        }
        let folded = values.contains { $0.chunk.folded }
        let numbers = values.map(\.chunk)
        guard numbers.allSatisfy({ $0.kind == .number }) else {
            return frenchStyle(values.map(\.chunk), meridiem: meridiem)
        }
        if numbers.count <= 2, numbers[0].text.count == 6,
           numbers.count == 1 || values[1].separatorBefore == "." {
            let digits = Array(numbers[0].text)
            let time = ClockTime(hour: Int(String(digits[0...1]))!, minute: Int(String(digits[2...3]))!,
                                 second: Int(String(digits[4...5]))!)
            guard meridiem == nil, time.isValid else { return nil }
            return ParsedTime(candidates: [time], hasSeconds: true, hasMeridiem: false, isCompact: true,
                              hasShortHour: false, folded: folded)
        }
        // hh;mm;ss whose hour OCR read with a character too many ("O39;25;00" for "09;25;00")
        let paddedHour = numbers.count == 3 && numbers[0].text.count == 3 && numbers[0].text.first == "0"
        guard (2...4).contains(numbers.count), numbers[0].text.count <= 2 || paddedHour, numbers[1].text.count == 2 else { return nil }
        // hh.mm.ss: dots only between three two-digit groups (two groups are a decimal number)
        let separators = (1..<min(numbers.count, 3)).map { values[$0].separatorBefore.filter { $0 != " " } }
        let dotted = numbers.count == 3 && numbers.allSatisfy { $0.text.count == 2 } && separators == [".", "."]
        guard dotted || separators.allSatisfy({ $0 == ":" || $0 == ";" }) else { return nil }
        if numbers.count >= 3 { guard numbers[2].text.count == 2 else { return nil } }
        if numbers.count == 4 { guard values[3].separatorBefore == "." || values[3].separatorBefore == "," else { return nil } }
        let hour = paddedHour ? 99 : Int(numbers[0].text)!
        if dotted && hour > 23 { return nil }  // a misread hour is told by its colons, not by dots
        var minute = Int(numbers[1].text)!, second = numbers.count >= 3 ? Int(numbers[2].text) : nil
        var misread = false
        if let seconds = second {  // with seconds the shape is a time's beyond doubt: read its zeros
            let (m, s) = (Self.zeroTens(minute), Self.zeroTens(seconds))
            (minute, second, misread) = (m.value, s.value, m.misread || s.misread)
        }
        return make(hour: hour, minute: minute, second: second, meridiem: meridiem,
                    shortHour: numbers[0].text.count == 1, folded: folded || misread)
    }

    /// Minutes and seconds have tens of 0 to 5: a 6, 8 or 9 there is a dotted or slashed zero OCR
    /// misread ("13.19.62" for 13:19:02).
    static func zeroTens(_ value: Int) -> (value: Int, misread: Bool) {
        [6, 8, 9].contains(value / 10) && value < 100 ? (value % 10, true) : (value, false)
    }

    private static func frenchStyle(_ chunks: [Chunk], meridiem: Bool?) -> ParsedTime? {
        guard meridiem == nil, chunks.count == 3, chunks[1].kind == .word, chunks[1].text == "H",
              chunks[0].kind == .number, chunks[2].kind == .number, chunks[0].text.count <= 2, chunks[2].text.count == 2
        else { return nil }
        return make(hour: Int(chunks[0].text)!, minute: Int(chunks[2].text)!, second: nil, meridiem: nil,
                    shortHour: false, folded: chunks.contains { $0.folded })
    }

    private static func make(hour: Int, minute: Int, second: Int?, meridiem: Bool?, shortHour: Bool, folded: Bool) -> ParsedTime? {
        if let second, !shortHour {
            let outOfRange = [hour > (meridiem == nil ? 23 : 12), !(0...59).contains(minute), !(0...59).contains(second)]
            if outOfRange.filter({ $0 }).count == 1 {
                return ParsedTime(candidates: [], hasSeconds: true, hasMeridiem: meridiem != nil, isCompact: false,
                                  hasShortHour: false, folded: folded, hasMisreadDigit: true)
            }
        }
        var candidates: [ClockTime] = []
        if let pm = meridiem {
            guard (1...12).contains(hour) else { return nil }
            candidates.append(ClockTime(hour: (hour % 12) + (pm ? 12 : 0), minute: minute, second: second))
        } else {
            candidates.append(ClockTime(hour: hour, minute: minute, second: second))
            if (1...11).contains(hour) { candidates.append(ClockTime(hour: hour + 12, minute: minute, second: second)) }
        }
        guard candidates.allSatisfy(\.isValid) else { return nil }
        return ParsedTime(candidates: candidates, hasSeconds: second != nil, hasMeridiem: meridiem != nil,
                          isCompact: false, hasShortHour: shortHour && meridiem == nil, folded: folded)
    }
}
