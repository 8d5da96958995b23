import Foundation
@testable import PHIDetection
import Testing

/// The built-in lists are read as lines: comments and blank lines skipped, entries trimmed, each with
/// its line number (for error messages that point into the file).
@Suite struct ResourceLoaderTests {
    @Test func entriesAreTrimmedNumberedLinesWithoutCommentsOrBlanks() {
        let text = "# names\n  SMITH \n\n\tJOHNSON\r\n#x\nMÜLLER\nO'BRIEN"
        let entries = ResourceLoader.entries(of: text)
        #expect(entries.map(\.text) == ["SMITH", "JOHNSON", "MÜLLER", "O'BRIEN"])
        #expect(entries.map(\.number) == [2, 4, 6, 7])
    }

    @Test func aFinalNewlineOrAnEmptyTextAddsNothing() {
        #expect(ResourceLoader.entries(of: "A\nB\n").map(\.text) == ["A", "B"])
        #expect(ResourceLoader.entries(of: "").isEmpty)
        #expect(ResourceLoader.entries(of: "\n  \n").isEmpty)
    }

    @Test func theBundledNameListsLoadInFull() throws {
        let loader = try ResourceLoader.bundled()
        let surnames = try loader.upperSet("surnames.txt")
        #expect(surnames.count == 30_000)
        #expect(surnames.contains("VILLANUEVA") && !surnames.contains("villanueva"))
        // the world lists hold only what the Census lists lack
        let worldSurnames = try loader.upperSet("surnames-world.txt")
        #expect(worldSurnames.count == 14_799 && worldSurnames.contains("HÄMÄLÄINEN"))
        #expect(worldSurnames.isDisjoint(with: surnames))
        let given = try loader.upperSet("given-names.txt"), worldGiven = try loader.upperSet("given-names-world.txt")
        #expect(worldGiven.count == 17_179 && worldGiven.contains("AOIFE") && worldGiven.isDisjoint(with: given))
    }
}
