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
                     Self.word("55", 92, 55, 32, 10, 0.8)]
        #expect(Set(words.deduplicated().map(\.text)) == ["3155", "M", "55"])
    }

    @Test func aPieceOfAClearlyReadWordReadAgainInsideItIsDropped() {
        // "Patient:" and its end read again as "it:", nearly as sure: the cue must be followed by the name
        let words = [Self.word("Patient:", 7, 382, 60, 12, 0.92), Self.word("it:", 55, 383, 12, 11, 0.91),
                     Self.word("F.", 74, 382, 11, 12, 0.90)]
        #expect(words.deduplicated().map(\.text) == ["Patient:", "F."])
        // a surer reading inside a word, or inside one read unclearly, is kept (it may be what the ink says)
        let surer = [Self.word("Patient:", 7, 382, 60, 12, 0.92), Self.word("nt:", 55, 383, 12, 11, 0.95)]
        #expect(surer.deduplicated().count == 2)
        let unclear = [Self.word("Pati~nt:", 7, 382, 60, 12, 0.7), Self.word("nt:", 55, 383, 12, 11, 0.6)]
        #expect(unclear.deduplicated().count == 2)
        // a piece over half the word's width whose letters the word reads too ("orsen" of "Halvorsen", as
        // measured); one reading other letters stays
        let halvorsen = [Self.word("Halvorsen", 53, 432, 60, 9, 0.96), Self.word("orsen", 81, 435, 31, 6, 0.93)]
        #expect(halvorsen.deduplicated().map(\.text) == ["Halvorsen"])
        let other = [Self.word("Halvorsen", 53, 432, 60, 9, 0.96), Self.word("arson", 81, 435, 31, 6, 0.93)]
        #expect(other.deduplicated().count == 2)
    }

    static func ink(_ xs: [Int]) -> [TextBox] { xs.map { TextBox(x: $0, y: 1, width: 8, height: 11) } }

    @Test func aReadingWithOneShortDoubtfulWordThatCoversAllTheInkIsSettled() {
        let reading = [Self.word("If", 0, 0, 20, 13, 0.45), Self.word("94", 30, 0, 20, 13, 0.96)]
        // "M" broken in two pieces: still under the word
        #expect(reading.isSettled(below: 0.8, doubtfulCharacters: 2, ink: Self.ink([0, 8, 12, 31, 41])))
    }

    @Test func aReadingThatLeavesInkOutOrDoubtsMoreIsNotSettled() {
        // "DUARTE" over texture read as "i 6": two doubtful characters, most of the ink under no word
        let dropped = [Self.word("i", 0, 0, 5, 13, 0.4), Self.word("6", 10, 0, 8, 13, 0.35)]
        #expect(!dropped.isSettled(below: 0.8, doubtfulCharacters: 2, ink: Self.ink([0, 10, 20, 30, 40, 50])))
        let doubtful = [Self.word("Wu", 0, 0, 20, 13, 0.5), Self.word("Li", 30, 0, 20, 13, 0.6)]
        #expect(!doubtful.isSettled(below: 0.8, doubtfulCharacters: 2, ink: Self.ink([0, 10, 31, 41])))
        let unknown = [Self.word("If", 0, 0, 20, 13, 0.45), Self.word("94", 30, 0, 20, 13, 0.96)]
        #expect(!unknown.isSettled(below: 0.8, doubtfulCharacters: 2, ink: nil))
        // a piece only grazed by a word's edge is not under it
        #expect(!unknown.isSettled(below: 0.8, doubtfulCharacters: 2, ink: Self.ink([0, 30, 47])))
    }

    @Test func inkCoverageIsTheShareOfPiecesUnderAWord() {
        let reading = [Self.word("/", 0, 0, 6, 13, 0.85)]
        #expect(reading.inkCoverage(Self.ink([0, 10, 20, 30])) == 0.25)
        #expect(reading.inkCoverage([]) == 1)
    }
}
