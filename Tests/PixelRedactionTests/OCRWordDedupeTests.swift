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
}
