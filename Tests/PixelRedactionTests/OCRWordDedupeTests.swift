import PHIDetection
@testable import PixelRedaction
import Testing

/// Two readings of the same ink (overlapping regions) keep the better one.
@Suite struct OCRWordDedupeTests {
    static func word(_ text: String, _ x: Int, _ y: Int, _ width: Int, _ height: Int, _ confidence: Double) -> OCRWord {
        OCRWord(text: text, box: TextBox(x: x, y: y, width: width, height: height), confidence: confidence, line: 0)
    }

    @Test func aLessSureReadingInsideAClearWordIsDropped() {
        let words = [Self.word("3155", 63, 53, 61, 14, 0.86), Self.word("a", 63, 57, 11, 10, 0.64),
                     Self.word("aa", 96, 57, 28, 10, 0.62)]
        #expect(words.deduplicated().map(\.text) == ["3155"])
    }

    @Test func aNeighbourOrAnEquallySureReadingStays() {
        let words = [Self.word("3155", 63, 53, 61, 14, 0.86), Self.word("M", 130, 53, 12, 14, 0.5),
                     Self.word("55", 100, 55, 20, 10, 0.8)]
        #expect(Set(words.deduplicated().map(\.text)) == ["3155", "M", "55"])
    }

    @Test func aReadingWithOneShortDoubtfulWordThatAccountsForItsGlyphsIsSettled() {
        let reading = [Self.word("If", 0, 0, 20, 13, 0.45), Self.word("94", 30, 0, 20, 13, 0.96)]
        #expect(reading.isSettled(below: 0.8, doubtfulCharacters: 2, glyphCount: 4))
        #expect(reading.isSettled(below: 0.8, doubtfulCharacters: 2, glyphCount: 5))
    }

    @Test func aReadingThatDropsInkOrDoubtsMoreIsNotSettled() {
        // "DUARTE" over texture read as "i 6": two doubtful characters, but six glyphs
        let dropped = [Self.word("i", 0, 0, 5, 13, 0.4), Self.word("6", 10, 0, 8, 13, 0.35)]
        #expect(!dropped.isSettled(below: 0.8, doubtfulCharacters: 2, glyphCount: 6))
        let doubtful = [Self.word("Wu", 0, 0, 20, 13, 0.5), Self.word("Li", 30, 0, 20, 13, 0.6)]
        #expect(!doubtful.isSettled(below: 0.8, doubtfulCharacters: 2, glyphCount: 4))
        let unknown = [Self.word("If", 0, 0, 20, 13, 0.45), Self.word("94", 30, 0, 20, 13, 0.96)]
        #expect(!unknown.isSettled(below: 0.8, doubtfulCharacters: 2, glyphCount: nil))
    }
}
