import PHIDetection
@testable import PixelRedaction
import Testing

/// How OCR words are put into text rows.
@Suite struct WordRowsTests {
    func rows(_ boxes: [(String, TextBox)]) -> [String: Int] {
        let items = boxes.map { (word: OCRWord(text: $0.0, box: $0.1, confidence: 0.9, line: 0), region: 0) }
        return Dictionary(uniqueKeysWithValues: WordRows.order(items).map { ($0.word.text, $0.word.line) })
    }

    /// A small label at the left of a band does not decide the row of the larger text beside it:
    /// the taller parentheses of "(304)" stay on the row of their number (read in this order, the
    /// small "UR:" once took "Phone:" and the number, and "(304)" went to a row of its own).
    @Test func wordsOfOneSizeShareARowWhateverTheFirstWordOfTheBand() {
        let line = rows([("UR:", TextBox(x: 5, y: 373, width: 17, height: 9)),
                         ("Phone:", TextBox(x: 151, y: 374, width: 71, height: 17)),
                         ("(304)", TextBox(x: 234, y: 374, width: 52, height: 22)),
                         ("555-4650", TextBox(x: 295, y: 374, width: 101, height: 17))])
        #expect(line["Phone:"] == line["(304)"])
        #expect(line["(304)"] == line["555-4650"])
        #expect(line["UR:"] != line["Phone:"])
    }

    @Test func linesOneAboveTheOtherAreTwoRows() {
        let line = rows([("Scan", TextBox(x: 10, y: 10, width: 30, height: 11)),
                         ("2021", TextBox(x: 45, y: 11, width: 30, height: 10)),
                         ("C5-1", TextBox(x: 10, y: 24, width: 30, height: 11))])
        #expect(line["Scan"] == line["2021"])
        #expect(line["Scan"] != line["C5-1"])
    }

    @Test func aWideGapSplitsARowIntoTwoLines() {
        let line = rows([("Name", TextBox(x: 10, y: 10, width: 30, height: 10)),
                         ("ID", TextBox(x: 300, y: 10, width: 15, height: 10))])
        #expect(line["Name"] != line["ID"])
    }

    /// A second, shorter reading inside a word opens no gap after it.
    @Test func theGapIsMeasuredFromTheFarthestWord() {
        let line = rows([("Medical", TextBox(x: 241, y: 374, width: 74, height: 13)),
                         ("Me:", TextBox(x: 241, y: 375, width: 23, height: 12)),
                         ("Center", TextBox(x: 328, y: 375, width: 62, height: 12))])
        #expect(line["Medical"] == line["Center"])
    }

    /// Two words on one row, the second `gap` pixels after the first (as tall, `width` wide), as `join` leaves them.
    func joined(_ join: ([(word: OCRWord, region: Int)]) -> [(word: OCRWord, region: Int)], _ first: String, _ box: TextBox,
                _ second: String, width: Int, gap: Int) -> [String] {
        let next = TextBox(x: box.maxX + gap, y: box.y, width: width, height: box.height)
        return join([(word: OCRWord(text: first, box: box, confidence: 0.9, line: 0), region: 0),
                     (word: OCRWord(text: second, box: next, confidence: 0.9, line: 0), region: 0)]).map(\.word.text)
    }

    /// Digits OCR split at a letter gap are one number; digits a space apart stay two.
    @Test func digitsSplitAtALetterGapAreJoined() {
        let box = TextBox(x: 415, y: 463, width: 19, height: 10)
        #expect(joined({ WordRows.joinSplitNumbers($0) }, "201", box, "20616", width: 35, gap: 3) == ["20120616"])
        #expect(joined({ WordRows.joinSplitNumbers($0) }, "201", box, "20616", width: 35, gap: 6) == ["201", "20616"])
    }

    /// An identifier's letters and digits, and digits OCR split off after a letter gap, are one word;
    /// digits a space after it, or after a word of letters alone, stay apart.
    @Test func anIdentifierSplitAtALetterGapIsJoined() {
        let box = TextBox(x: 326, y: 9, width: 50, height: 9)
        #expect(joined({ WordRows.joinSplitNumbers($0) }, "XR45683", box, "38", width: 13, gap: 2) == ["XR4568338"])
        #expect(joined({ WordRows.joinSplitNumbers($0) }, "XR45683", box, "38", width: 13, gap: 5) == ["XR45683", "38"])
        #expect(joined({ WordRows.joinSplitNumbers($0) }, "Slice", box, "38", width: 13, gap: 2) == ["Slice", "38"])
    }

    @Test func aTimesPiecesAreJoinedAtItsSeparators() {
        let items = [(word: OCRWord(text: "13:", box: TextBox(x: 10, y: 10, width: 20, height: 10), confidence: 0.9, line: 0), region: 0),
                     (word: OCRWord(text: "56", box: TextBox(x: 35, y: 10, width: 14, height: 10), confidence: 0.9, line: 0), region: 0)]
        #expect(WordRows.joinSplitNumbers(items).map(\.word.text) == ["13:56"])
    }

    /// A capital OCR read on its own before the rest of its word is joined to it; a one-letter word a
    /// space before the next ("A" "bird") stays apart.
    @Test func aCapitalSplitOffItsWordIsJoined() {
        let box = TextBox(x: 321, y: 28, width: 6, height: 8)
        #expect(joined({ WordRows.joinSplitCapitals($0) }, "T", box, "handxe", width: 41, gap: 2) == ["Thandxe"])
        #expect(joined({ WordRows.joinSplitCapitals($0) }, "T", box, "handxe", width: 41, gap: 5) == ["T", "handxe"])
        #expect(joined({ WordRows.joinSplitCapitals($0) }, "7", box, "handxe", width: 41, gap: 2) == ["7", "handxe"])
    }
}
