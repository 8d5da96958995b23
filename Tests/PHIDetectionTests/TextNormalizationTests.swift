import Foundation
import Testing
@testable import PHIDetection

@Suite("Text normalization")
struct TextNormalizationTests {
    @Test func keysAreCapitalLettersAndDigitsWithoutDiacritics() {
        #expect(TextNormalization.key("Müller-Lüdenscheidt") == "MULLERLUDENSCHEIDT")
        #expect(TextNormalization.key("Hämäläinen, Sørensen") == TextNormalization.key("HÄMÄLÄINEN") + TextNormalization.key("SØRENSEN"))
        #expect(TextNormalization.key("O'Brien 2|3") == "OBRIEN2I3")
    }

    /// The table of Latin letters gives what folding through Foundation gives, letter by letter.
    @Test func theLatinTableFoldsAsFoundationDoes() {
        for value in 0x80...0x24F {
            let scalar = Unicode.Scalar(value)!
            let text = String(scalar)
            let expected = scalar.properties.isAlphabetic || scalar.properties.numericType != nil
                ? String(String.UnicodeScalarView(text.folding(options: .diacriticInsensitive, locale: nil).uppercased()
                    .unicodeScalars.filter { $0.properties.isAlphabetic || $0.properties.numericType != nil }))
                : ""
            #expect(TextNormalization.key(text) == expected, "U+\(String(value, radix: 16))")
        }
    }

    @Test func aNeedleIsFoundApproximatelyAnywhereInAHaystack() throws {
        let exact = try #require(TextNormalization.substringDistance("SIDEMRI", in: "BAYSIDEMRICT", limit: 1))
        #expect(exact.distance == 0 && exact.after == 2)
        let misread = try #require(TextNormalization.substringDistance("BAYSADEMRICT", in: "BAYSIDEMRICT", limit: 1))
        #expect(misread.distance == 1 && misread.after == 0)
        #expect(TextNormalization.substringDistance("BEYSICEMRICL", in: "BAYSIDEMRICT", limit: 2) == nil)
    }
}
