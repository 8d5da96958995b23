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
}
