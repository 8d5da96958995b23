import Testing
@testable import PHIDetection

@Suite("Postcode-pattern recognizer")
struct PostcodePatternRecognizerTests {
    let recognizer = PostcodePatternRecognizer()

    @Test(arguments: [("Springfield, IL 62704", "Springfield, IL 62704"), ("ZIP 62704", "62704"),
                      ("62704-1234", "62704-1234"), ("SW1A 1AA", "SW1A 1AA"), ("London EC2R 8AH", "EC2R 8AH"),
                      ("K1A 0B1", "K1A 0B1")])
    func postcodesAreFound(_ text: String, _ value: String) throws {
        let banner = Banner(text)
        let finding = try #require(banner.findings(of: recognizer).first, "\(text)")
        #expect(banner.text(of: finding) == value)
    }

    @Test(arguments: ["12975", "PRF 5000 Hz", "M3 M4", "R3 A2 P16", "C6 A2", "12975 20", "HDI 5000", "in 62704"])
    func fiveDigitNumbersAndParameterCodesAreNotPostcodes(_ text: String) {
        #expect(Banner(text).findings(of: recognizer).isEmpty, "\(text)")
    }
}
