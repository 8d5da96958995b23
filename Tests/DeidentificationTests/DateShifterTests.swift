@testable import Deidentification
import DicomCore
import Testing

@Suite struct DateShifterTests {
    let shifter = DateShifter(days: 10)

    @Test func aDateMovesBackAcrossMonthAndLeapDay() {
        #expect(shifter.shift("20200305", vr: .DA) == "20200224")
        #expect(DateShifter(days: 1).shift("20200301", vr: .DA) == "20200229")
        #expect(DateShifter(days: 1).shift("20210101", vr: .DA) == "20201231")
    }

    @Test func aDateTimeKeepsItsTimeAndOffset() {
        #expect(shifter.shift("20200305101500.25+0100", vr: .DT) == "20200224101500.25+0100")
    }

    @Test func multipleValuesAndRangesAreShiftedEach() {
        #expect(shifter.shift("20200305\\20200310", vr: .DA) == "20200224\\20200229")
        #expect(shifter.shift("20200305-20200310", vr: .DA) == "20200224-20200229")
    }

    @Test func theOldDottedFormIsShiftedAndWrittenInTheCurrentForm() {
        #expect(shifter.shift("2020.03.05", vr: .DA) == "20200224")
    }

    @Test func textThatIsNotADateComesBackUnchanged() {
        #expect(shifter.shift("UNKNOWN", vr: .DA) == "UNKNOWN")
        #expect(shifter.shift("", vr: .DA) == "")
    }
}
