import Testing
@testable import PHIDetection

@Suite("Time-pattern recognizer")
struct TimePatternRecognizerTests {
    let recognizer = TimePatternRecognizer()

    @Test(arguments: ["17:46:57", "05:24:57PM", "1:29:49 pm", "11:34:08 am", "09;25;00_", "14:43:31", "07:44", "11h30", "14h36",
                      "06.57.50", "06:41:51 pin", "10:40 prn", "O9:25:00", "7:47 PP"])
    func clockTimesAreFound(_ text: String) throws {
        let banner = Banner(text)
        let finding = try #require(banner.findings(of: recognizer).first, "\(text)")
        #expect(finding.wordIndices == Array(banner.words.indices))
        #expect(finding.type == .time)
        #expect(finding.confidence >= 0.7)
    }

    /// A zero OCR read as O begins a number only at the start of a word, before a digit: a month's O
    /// after a day stays a letter ("10OCT2009").
    @Test func aLeadingOBeforeADigitIsAZero() {
        #expect(Chunk.split("O9h54").map(\.text) == ["09", "H", "54"])
        #expect(Chunk.split("O9h54").first?.folded == true)
        #expect(Chunk.split("10OCT2009").map(\.text) == ["10", "OCT", "2009"])
        #expect(Chunk.split("Oh9").map(\.text) == ["OH", "9"])
        #expect(Chunk.split("O9ü").map(\.text) == ["09", "U"])
        #expect(Banner("O9h54").findings(of: recognizer).first.map { $0.confidence >= 0.5 } == true)
    }

    @Test func sixDigitTimesCountOnlyAfterADateOrATimeLabel() {
        #expect(Banner("2018-12-09 183713").texts(of: recognizer) == ["183713"])
        #expect(Banner("Time: 061620").texts(of: recognizer) == ["061620"])
        #expect(Banner("151832").texts(of: recognizer).isEmpty)
    }

    @Test func signedOffsetsAreNotTimesOfDay() {
        #expect(Banner("+2:09:04").findings(of: recognizer).isEmpty)
        #expect(Banner("- 0:12:00").findings(of: recognizer).isEmpty)
    }

    @Test func aOneDigitHourWithoutAMOrPMIsLessCertain() throws {
        let elapsed = try #require(Banner("0:03:46").findings(of: recognizer).first)
        let clock = try #require(Banner("10:03:46").findings(of: recognizer).first)
        #expect(elapsed.confidence < clock.confidence)
    }

    @Test(arguments: ["W:400", "1:100", "16:9", "3:PELVIS", "25:61", "L:40", "XMIT:A", "12.57", "1.06.50", "26.57.50"])
    func ratiosLabelsAndImpossibleTimesAreNotTimes(_ text: String) {
        #expect(Banner(text).findings(of: recognizer).isEmpty, "\(text)")
    }

    @Test func afternoonTimesCanMeanTheTwentyFourHourHeaderTime() throws {
        let time = try #require(TimeParser.parse(Chunk.split("5:46:57") + [.space] + Chunk.split("PM")))
        #expect(time.candidates == [ClockTime(hour: 17, minute: 46, second: 57)])
        #expect(ClockTime.dicom("174657.123") == ClockTime(hour: 17, minute: 46, second: 57))
        #expect(ClockTime.dicom("1746") == ClockTime(hour: 17, minute: 46, second: nil))
    }

    /// The allow-list's probe-name shapes (6L3, 12L5) leave hours written with an h alone.
    @Test func hoursWrittenWithAnHAreNotTakenForProbeNames() {
        #expect(Banner("Start 14h36").flagged(by: sharedDetector) == ["14h36"])
        #expect(Banner("9h30").flagged(by: sharedDetector) == ["9h30"])
        #expect(Banner("Probe 6L3").flagged(by: sharedDetector).isEmpty)
        #expect(Banner("4h1-S").flagged(by: sharedDetector).isEmpty)
    }

    /// The tens of minutes and seconds are 0 to 5: a 6, 8 or 9 there is a dotted zero misread, when
    /// the seconds make the shape a time's beyond doubt.
    @Test func dottedZerosInMinutesAndSecondsAreReadAsZeros() throws {
        let time = try #require(Banner("Start 13.19.62").findings(of: recognizer).first)
        #expect(time.confidence < 0.8)  // folded
        #expect(Banner("13:68:02").findings(of: recognizer).count == 1)
        #expect(Banner("10:63").findings(of: recognizer).isEmpty)  // no seconds: not sure enough
        // 7 is no zero: one misread digit, still time-shaped, less sure
        #expect(Banner("14:77:18").findings(of: recognizer).allSatisfy { $0.confidence < 0.8 })
    }
}
