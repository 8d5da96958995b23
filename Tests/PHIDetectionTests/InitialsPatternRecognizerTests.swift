import Testing
@testable import PHIDetection

@Suite("Initials-pattern recognizer")
struct InitialsPatternRecognizerTests {
    let recognizer = InitialsPatternRecognizer()

    @Test(arguments: ["CK/SF/HR", "MK/HR"])
    func slashSeparatedInitialsAreNames(_ text: String) {
        #expect(Banner(text).texts(of: recognizer) == [text])
    }

    @Test(arguments: ["AP/PA", "CC/MLO", "cm/s", "A.Card/Gen", "2/0/E/B/B", "150dB/C", "B/L"])
    func projectionsUnitsAndParameterListsAreNotInitials(_ text: String) {
        #expect(Banner(text).findings(of: recognizer).isEmpty, "\(text)")
    }
}
