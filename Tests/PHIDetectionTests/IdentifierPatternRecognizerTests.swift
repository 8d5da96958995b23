import Testing
@testable import PHIDetection

@Suite("Identifier-pattern recognizer")
struct IdentifierPatternRecognizerTests {
    let recognizer = try! IdentifierPatternRecognizer()

    @Test(arguments: [("ID: 2823824046", "2823824046"), ("Acc# US145188266", "US145188266"), ("# 7189", "7189"),
                      ("Ex: 2411", "2411"), ("MRN: 97751589", "97751589"), ("ID: CF-7520-72", "CF-7520-72"),
                      ("ACC 137312886", "137312886"), ("Accession: 227834611", "227834611"),
                      ("ID:2823824046", "ID:2823824046"), ("#7189", "#7189"), ("Acc#US145188266", "Acc#US145188266"),
                      ("Patient ID: 12345", "12345"), ("Order = XRHIL591", "XRHIL591"), ("MRN - 4402", "4402"),
                      ("Accession No, 19,92794", "19,92794"), ("Acc# 5 54.95121", "5 54.95121"), ("MRN 9 4402", "9 4402"),
                      ("ID: 246:", "246:"), ("Pat ID HNél 2226", "HNél 2226"), ("Chart “ers 706 6779", "“ers 706 6779"),
                      ("Exam#CT -496724", "Exam#CT -496724")])
    func valuesAfterAnIdentifierCueAreFound(_ text: String, _ value: String) throws {
        let banner = Banner(text)
        let finding = try #require(banner.findings(of: recognizer).first, "\(text)")
        #expect(banner.text(of: finding) == value)
        #expect(finding.confidence >= 0.9)
    }

    @Test(arguments: ["2823824046", "00079241539", "US145188266", "RAD145579120", "AD-9918-67", "CL-285BT-1811492",
                      "12975-20-2", "151832", "00/03/29:115116"])
    func longDigitRunsAndDashedCodesAreFoundWithoutACue(_ text: String) throws {
        let finding = try #require(Banner(text).findings(of: recognizer).first, "\(text)")
        #expect(finding.type == .identifier)
        #expect(finding.confidence >= 0.75)
    }

    @Test func aShortNumberAloneOnItsLineIsAProbableExamNumber() throws {
        let finding = try #require(Banner("9261").findings(of: recognizer).first)
        #expect(finding.confidence >= 0.5 && finding.confidence < 0.75)
        #expect(Banner("HDI 5000").findings(of: recognizer).isEmpty)
    }

    /// Two digits or more, a dot and five or more: no measurement, a number (less sure).
    @Test func aNumberWithALongFractionIsAProbableIdentifier() throws {
        let finding = try #require(Banner("99.47212").findings(of: recognizer).first)
        #expect(finding.confidence >= 0.5 && finding.confidence < 0.75)
        for text in ["0.48828125", "12.3456", "-123.45678", "12.34.56789", "SL 12.5"] {
            #expect(Banner(text).findings(of: recognizer).isEmpty, "\(text)")
        }
    }

    @Test(arguments: ["IM#2", "# 1/ 1", "ID:", "ID: 24:", "MRN 9 4", "Se: 3", "SE 3 IM 45", "1.2.840.10008.1.2", "L12-5", "SCV------1",
                      "3850Hz", "-64.1", "06.16.1976", "17:46:57", "20140309", "127/128", "No 5", "C5-1", "V10-4BP",
                      "PRF 5000 Hz", "No Contrast 120", "No Cé 12"])
    func imageCountersDecimalsDatesAndProbeNamesAreNotIdentifiers(_ text: String) {
        #expect(Banner(text).findings(of: recognizer).isEmpty, "\(text)")
    }
}
