import Testing
@testable import PHIDetection

@Suite("Address-pattern recognizer")
struct AddressPatternRecognizerTests {
    let recognizer = AddressPatternRecognizer()

    @Test(arguments: [("1318 Main St", "1318 Main St"), ("9081 Maple Drive", "9081 Maple Drive"),
                      ("Addr: 5458 Oak Avenue", "5458 Oak Avenue"), ("3807 Park Road, Fairview", "3807 Park Road, Fairview"),
                      ("12 N Elm St. Apt 4", "12 N Elm St. Apt 4"), ("Hauptstraße 12", "Hauptstraße 12"),
                      ("12 rue de la Paix", "12 rue de la Paix"), ("Via Roma 10", "Via Roma 10"),
                      ("PO Box 123", "PO Box 123"), ("1200 N 34th St", "1200 N 34th St")])
    func streetAddressesAreFound(_ text: String, _ value: String) throws {
        let banner = Banner(text)
        let finding = try #require(banner.findings(of: recognizer).first, "\(text)")
        #expect(banner.text(of: finding) == value)
        #expect(finding.type == .address)
    }

    @Test(arguments: ["2 Way", "5 cm", "- 3 L", "8 CAU", "26 RAO", "9123 5.0 R15 G66 C6 A2", "16 Main", "Dr. Huber",
                      "WE 2 OM CV EY a"])
    func numbersBeforeOrdinaryWordsAreNotAddresses(_ text: String) {
        #expect(Banner(text).findings(of: recognizer).isEmpty, "\(text)")
    }
}
