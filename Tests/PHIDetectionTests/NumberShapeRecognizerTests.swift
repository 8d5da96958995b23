import Testing
@testable import PHIDetection

@Suite("Number-shape recognizer")
struct NumberShapeRecognizerTests {
    let recognizer = NumberShapeRecognizer()

    /// Readings of dates and times in a video font with slashed zeros (what OCR made of them).
    @Test(arguments: [("BIE: SR: 26", PHIType.time), ("Be-2A/S1", .date), ("1Z/O7/9A", .date)])
    func misreadDatesAndTimesAreFoundByTheirSeparators(_ text: String, _ type: PHIType) throws {
        let banner = Banner(text)
        let finding = try #require(banner.findings(of: recognizer).first, "\(text)")
        #expect(finding.wordIndices == Array(banner.words.indices))
        #expect(finding.type == type)
        #expect(finding.confidence >= 0.5)
    }

    @Test func valuesTheParsersReadAreLeftToThem() {
        #expect(Banner("O8:5O:2B").findings(of: recognizer).isEmpty) // folded: the time recognizer's
    }

    @Test func onlyTheMisreadWordsOfALineAreTaken() {
        #expect(Banner("EXAM BIE: SR: 26 GI").texts(of: recognizer) == ["BIE: SR: 26"])
    }

    @Test(arguments: ["3D/4D-US", "2D/M-MODE", "T1/T2-W", "W/L: 40/400", "A/P-LAT", "L:R:AP", "12/07/94", "08:50:28", "1:1:1",
                      "X2:Y3:Z4:W5", "AB12/CD34/EF", "ABCDE-12-34",
                      "L4-12t-RS", "L8-18i-RS", "L12-5/MSK", "ML6-15/Vas", "L4-L5/S1", "T11-L1/L2", "E:80 A:60",
                      "X:12 Y:34", "3D/4D-USB"])
    func wordsRatiosAndReadableValuesAreNotTaken(_ text: String) {
        #expect(Banner(text).findings(of: recognizer).isEmpty, "\(text)")
    }
}
