/// A date as printed: the year may be missing or given with two digits, the day may be missing.
struct CalendarDate: Hashable, Sendable {
    var year: Int?
    var yearHasTwoDigits = false
    var month: Int
    var day: Int?

    /// A full date from the header (always four-digit year, month and day).
    init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    init(year: Int?, yearHasTwoDigits: Bool, month: Int, day: Int?) {
        self.year = year
        self.yearHasTwoDigits = yearHasTwoDigits
        self.month = month
        self.day = day
    }

    var isValid: Bool {
        guard (1...12).contains(month) else { return false }
        if let year, !yearHasTwoDigits, !(1880...2100).contains(year) { return false }
        guard let day else { return true }
        let length = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
        return (1...length).contains(day)
    }

    /// Whether this printed date can be `full` (a complete header date): every printed field agrees, a
    /// two-digit year by its last two digits.
    func agrees(with full: CalendarDate) -> Bool {
        guard month == full.month else { return false }
        if let day, day != full.day { return false }
        if let year, let fullYear = full.year {
            return yearHasTwoDigits ? year == fullYear % 100 : year == fullYear
        }
        return true
    }

    /// Parses a DICOM DA ("YYYYMMDD", also the ACR-NEMA "YYYY.MM.DD") or the date part of a DT.
    static func dicom(_ value: String) -> CalendarDate? {
        let digits = value.prefix(while: { $0.isNumber || $0 == "." || $0 == "-" }).filter(\.isNumber)
        guard digits.count >= 8, let year = Int(digits.prefix(4)),
              let month = Int(digits.dropFirst(4).prefix(2)), let day = Int(digits.dropFirst(6).prefix(2)) else { return nil }
        let date = CalendarDate(year: year, month: month, day: day)
        return date.isValid ? date : nil
    }
}

/// A time of day as printed; seconds may be missing.
struct ClockTime: Hashable, Sendable {
    var hour: Int
    var minute: Int
    var second: Int?

    var isValid: Bool { (0...23).contains(hour) && (0...59).contains(minute) && (second.map { (0...60).contains($0) } ?? true) }

    /// Parses a DICOM TM ("HHMMSS.FFFFFF", "HHMM", also "HH:MM:SS") or the time part of a DT
    /// ("YYYYMMDDHHMMSS…"). An hour alone is not enough to recognise a time.
    static func dicom(_ value: String, isDateTime: Bool = false) -> ClockTime? {
        var digits = Substring(value.prefix(while: { $0.isNumber || $0 == ":" }).filter(\.isNumber))
        if isDateTime { digits = digits.dropFirst(8) }
        guard digits.count >= 4, let hour = Int(digits.prefix(2)), let minute = Int(digits.dropFirst(2).prefix(2)) else { return nil }
        let second = digits.count >= 6 ? Int(digits.dropFirst(4).prefix(2)) : nil
        let time = ClockTime(hour: hour, minute: minute, second: second)
        return time.isValid ? time : nil
    }
}
