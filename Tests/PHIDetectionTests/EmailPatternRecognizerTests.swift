import Testing
@testable import PHIDetection

@Suite("E-mail-pattern recognizer")
struct EmailPatternRecognizerTests {
    let recognizer = EmailPatternRecognizer()

    @Test func wellFormedAddressesAreCertain() throws {
        let finding = try #require(Banner("Email: laura.ivanova24@example.com").findings(of: recognizer).first)
        #expect(Banner("Email: laura.ivanova24@example.com").text(of: finding) == "laura.ivanova24@example.com")
        #expect(finding.confidence >= 0.95)
    }

    @Test func ocrDamagedAddressesAreStillFound() throws {
        let finding = try #require(Banner("laura ivanova@example,com").findings(of: recognizer).first)
        #expect(finding.confidence < 0.95)
    }

    @Test func aLoneAtSignIsNotAnAddress() {
        #expect(Banner("@ 5 cm").findings(of: recognizer).isEmpty)
    }
}
