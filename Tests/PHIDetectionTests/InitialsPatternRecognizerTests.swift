import Testing
@testable import PHIDetection

@Suite("Initials-pattern recognizer")
struct InitialsPatternRecognizerTests {
    let recognizer = InitialsPatternRecognizer()

    @Test(arguments: ["CK/SF/HR", "MK/HR"])
    func slashSeparatedInitialsAreNames(_ text: String) {
        #expect(Banner(text).texts(of: recognizer) == [text])
    }

    @Test(arguments: ["AP/PA", "CC/MLO", "cm/s", "A.Card/Gen", "2/0/E/B/B", "150dB/C", "B/L", "WW/WL"])
    func projectionsUnitsAndParameterListsAreNotInitials(_ text: String) {
        #expect(Banner(text).findings(of: recognizer).isEmpty, "\(text)")
    }
}

@Suite("Initials-pattern recognizer, slash misread")
struct InitialsSlashMisreadTests {
    let recognizer = InitialsPatternRecognizer()

    @Test(arguments: ["HK “HR", "MK |HR", "CK \"SF"])
    func initialsWhoseSlashOCRMisreadAreStillNames(_ text: String) throws {
        let finding = try #require(Banner(text).findings(of: recognizer).first, "\(text)")
        #expect(finding.wordIndices == [0, 1])
        #expect(finding.confidence < 0.6)
    }

    @Test(arguments: ["AP “PA", "MK HR", "Dr “HR", "HK “Hr", "CC |MLO", "ABCD “HR", "RT |TRV", "LT “OV", "MI0.. OWS “TS 0.3",
                      "OWS “TS 0.3"])
    func otherPairsAreNot(_ text: String) {
        #expect(Banner(text).findings(of: recognizer).isEmpty, "\(text)")
    }
}
