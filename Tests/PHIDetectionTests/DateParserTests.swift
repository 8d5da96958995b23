import Testing
@testable import PHIDetection

@Suite("Date parser")
struct DateParserTests {
    func parse(_ text: String) -> ParsedDate? {
        let banner = Banner(text)
        let line = PHIDetector.lines(of: banner.words)[0]
        return DateParser.parse(line.chunks(0..<line.count))
    }

    @Test func anAmbiguousNumericDateKeepsBothReadings() throws {
        let date = try #require(parse("03/09/2014"))
        #expect(Set(date.candidates) == [CalendarDate(year: 2014, month: 3, day: 9), CalendarDate(year: 2014, month: 9, day: 3)])
    }

    @Test func aDayAboveTwelveLeavesOneReading() throws {
        #expect(try #require(parse("06.16.1976")).candidates == [CalendarDate(year: 1976, month: 6, day: 16)])
    }

    @Test func twoDigitYearsAgreeWithHeaderDatesByTheirLastTwoDigits() throws {
        let date = try #require(parse("3/9/14"))
        #expect(date.form == .numericWithTwoDigitYear)
        #expect(date.candidates.contains { $0.agrees(with: CalendarDate(year: 2014, month: 3, day: 9)) })
    }

    @Test func theCtimeFormSkipsTheTimeBetweenDayAndYear() throws {
        #expect(try #require(parse("Fri Apr 30 06:27:24 1993")).candidates == [CalendarDate(year: 1993, month: 4, day: 30)])
    }

    @Test func dicomDatesParseFromDAAndDTAndACRNEMAForms() {
        #expect(CalendarDate.dicom("20140309") == CalendarDate(year: 2014, month: 3, day: 9))
        #expect(CalendarDate.dicom("20140309174657.000") == CalendarDate(year: 2014, month: 3, day: 9))
        #expect(CalendarDate.dicom("1993.04.30") == CalendarDate(year: 1993, month: 4, day: 30))
        #expect(CalendarDate.dicom("2014") == nil)
    }
}
