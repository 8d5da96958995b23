import DicomCore
import Foundation

/// Moves DA and DT values back by a whole number of days, keeping the format (and intervals).
public struct DateShifter: Sendable {
    public let days: Int

    public init(days: Int) { self.days = days }

    /// Shifts every value (and both ends of a range) of a DA or DT element; other text is returned unchanged.
    public func shift(_ value: String, vr: VR) -> String {
        value.split(separator: "\\", omittingEmptySubsequences: false).map { single in
            single.split(separator: "-", omittingEmptySubsequences: false).map { part in
                shiftOne(String(part), vr: vr)
            }.joined(separator: "-")
        }.joined(separator: "\\")
    }

    /// Shifts one date; the old ACR-NEMA form YYYY.MM.DD is read too and written as YYYYMMDD.
    /// Text that is not a date comes back unchanged (and the leak check then catches it).
    func shiftOne(_ text: String, vr: VR) -> String {
        var trimmed = text.trimmingPadding
        let characters = Array(trimmed)
        if characters.count >= 10, characters[4] == characters[7], ".-/".contains(characters[4]),
           (characters[0..<4] + characters[5..<7] + characters[8..<10]).allSatisfy(\.isNumber) {
            trimmed = String(characters[0..<4] + characters[5..<7] + characters[8...])
        }
        guard trimmed.count >= 8, trimmed.prefix(8).allSatisfy(\.isNumber) else { return text }
        let datePart = String(trimmed.prefix(8))
        guard let shifted = Self.shiftDate(datePart, by: -days) else { return text }
        return shifted + trimmed.dropFirst(8)
    }

    static let calendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar
    }()

    static func shiftDate(_ yyyymmdd: String, by days: Int) -> String? {
        guard let year = Int(yyyymmdd.prefix(4)), let month = Int(yyyymmdd.dropFirst(4).prefix(2)),
              let day = Int(yyyymmdd.suffix(2)),
              let date = calendar.date(from: DateComponents(year: year, month: month, day: day)),
              let moved = calendar.date(byAdding: .day, value: days, to: date) else { return nil }
        let parts = calendar.dateComponents([.year, .month, .day], from: moved)
        return String(format: "%04d%02d%02d", parts.year!, parts.month!, parts.day!)
    }
}
