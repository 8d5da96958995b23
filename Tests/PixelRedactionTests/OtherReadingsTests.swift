import PHIDetection
@testable import PixelRedaction
import Testing

/// PHI that only another reading of a region shows (`RedactionPlanner.otherReadingEntries`).
@Suite struct OtherReadingsTests {
    typealias Word = (text: String, x: Int, width: Int, confidence: Double)

    /// One region at y = 20, 12 tall, read as `best` and, another way, as each of `others`;
    /// `ink`: the columns of ink pieces in the region.
    func frame(_ best: [Word], others: [[Word]], ink: [(Int, Int)] = [], height: Int = 12) -> FrameText {
        func words(_ row: [Word]) -> [OCRWord] {
            row.map { OCRWord(text: $0.text, box: TextBox(x: $0.x, y: 20, width: $0.width, height: height), confidence: $0.confidence, line: 0) }
        }
        var text = FrameText()
        text.regions = [TextRegion(box: TextBox(x: 0, y: 20, width: 400, height: 12), polarity: .lightOnDark, glyphHeight: 12, glyphs: [])]
        text.regionInk = [ink.map { TextBox(x: $0.0, y: 20, width: $0.1, height: 12) }]
        text.setWords([words(best)])
        text.otherReadings[0] = others.map { words($0) }
        return text
    }

    func added(_ text: FrameText, mode: PixelMode = .sensitive, dates: [String] = []) throws -> [RedactionPlanner.Entry] {
        let planner = RedactionPlanner(detector: try PHIDetector(), options: RedactionOptions(mode: mode))
        let context = PHIContext(names: [], identifiers: [], dates: dates, times: [], places: [])
        let planned = planner.plan(text, frame: 0, context: context)
        return planner.otherReadingEntries(text, frame: 0, context: context, planned: planned)
    }

    /// "edgy", read doubtfully, is "049Y" read another way: the age is painted.
    @Test func anAgeOnlyAnotherReadingShowsIsPainted() throws {
        let text = frame([("edgy", 100, 29, 0.28)], others: [[("049Y", 100, 29, 0.08)]])
        let entry = try #require(try added(text).first)
        #expect(entry.finding.type == .age)
        #expect(entry.finding.recognizer == "age-pattern" + RedactionPlanner.otherReadingSuffix)
        #expect(entry.paint.count == 1 && entry.paint[0].x <= 100 && entry.paint[0].maxX >= 129)
    }

    /// All-text and all-but-safe modes paint the doubtful word itself already: nothing is added.
    @Test func theModesThatPaintEveryUnsafeWordAddNothing() throws {
        let text = frame([("edgy", 100, 29, 0.28)], others: [[("049Y", 100, 29, 0.08)]])
        #expect(try added(text, mode: .allButSafe).isEmpty)
        #expect(try added(text, mode: .allText).isEmpty)
    }

    /// "Im:31" read surely is not overruled by "19:31" read another way.
    @Test func aWordReadSurelyIsNotOverruled() throws {
        let text = frame([("Se:6", 10, 30, 0.93), ("Im:31", 50, 40, 0.92)], others: [[("Se:6", 10, 30, 0.5), ("19:31", 50, 40, 0.4)]])
        #expect(try added(text).isEmpty)
        // the same reading where the first was in doubt is painted
        let doubtful = frame([("Se:6", 10, 30, 0.93), ("Im:3l", 50, 40, 0.5)], others: [[("Se:6", 10, 30, 0.5), ("19:31", 50, 40, 0.4)]])
        #expect(try added(doubtful).count == 1)
    }

    /// Ink the first reading left out is in doubt too, and so is a word of the other reading that goes
    /// on beyond the words read there: a date read where only "Scan" was read.
    @Test func whatTheFirstReadingLeftOutIsInDoubt() throws {
        let other: [[Word]] = [[("Scan", 10, 32, 0.6), ("11/11/2011", 50, 74, 0.3)]]
        #expect(try added(frame([("Scan", 10, 32, 0.94)], others: other, ink: [(10, 32), (50, 74)])).first?.finding.type == .date)
        #expect(try added(frame([("Scan", 10, 32, 0.94)], others: other)).first?.finding.type == .date)
        // "LV" read doubtfully and "La" surely: no more than a character of the date beyond them
        let read = frame([("Scan", 10, 32, 0.94), ("LV", 50, 36, 0.6), ("La", 88, 34, 0.9)], others: other)
        #expect(try added(read).isEmpty)
    }

    /// The patient's birth date in another reading overrules a sure misreading ("39/1950" for
    /// "10/09/1950": OCR's confidence is no measure of being right); a date pattern does not.
    @Test func aHeaderValueOverrulesASureMisreading() throws {
        let text = frame([("39/1950", 80, 72, 0.84)], others: [[("10/09/1950", 45, 107, 0.5)]])
        let entry = try #require(try added(text, dates: ["19500910"]).first)
        #expect(entry.finding.recognizer == "header-match" + RedactionPlanner.otherReadingSuffix)
        #expect(entry.paint.first.map { $0.x <= 45 && $0.maxX >= 152 } == true)
        #expect(try added(text).isEmpty)
    }

    /// A run of capitalised words is what texture reads as: a weak name shape in another reading counts
    /// for nothing; a strong one (a title with a known name) does.
    @Test func onlyStrongEvidenceCounts() throws {
        #expect(try added(frame([("oK", 10, 20, 0.3), ("gRE", 40, 30, 0.3)], others: [[("OK", 10, 20, 0.2), ("BRE", 40, 30, 0.2)]])).isEmpty)
        let titled = frame([("Dn", 10, 20, 0.3), ("Srnth", 40, 50, 0.3)], others: [[("Dr.", 10, 20, 0.2), ("Smith", 40, 50, 0.2)]])
        #expect(try added(titled).first?.finding.type == .name)
    }

    /// A frame whose words were not set per region (no reading to replace) is left as it is.
    @Test func wordsSetOneByOneAreLeftAlone() throws {
        var text = frame([("edgy", 100, 29, 0.28)], others: [])
        let words = text.words
        text = FrameText()
        text.regions = [TextRegion(box: TextBox(x: 0, y: 20, width: 400, height: 12), polarity: .lightOnDark, glyphHeight: 12, glyphs: [])]
        text.regionInk = [[]]
        text.words = words
        text.wordRegions = [0]
        text.otherReadings[0] = [[OCRWord(text: "049Y", box: words[0].box, confidence: 0.1, line: 0)]]
        #expect(try added(text).isEmpty)
    }

    /// A doubtful word's box reaching into the line below ("=" for a bar) is painted within the
    /// region's rows.
    @Test func anotherReadingPaintsWithinItsRegionsRows() throws {
        let text = frame([("edgy", 100, 29, 0.28)], others: [[("049Y", 100, 29, 0.08)]], height: 24)
        let box = try #require(try added(text).first?.paint.first)
        #expect(box.y >= 17 && box.maxY <= 35)
    }

    /// A value only another reading shows reaches back to its label as one the first reading found does: the
    /// unread "Dr. E." between "Referring:" and "Walezyk" is painted, the label is not.
    @Test func aValueAnotherReadingShowsReachesBackToItsLabel() throws {
        let text = frame([("Referring:", 10, 70, 0.93), ("ywalezyk", 110, 60, 0.7)],
                         others: [[("Referring:", 10, 70, 0.6), ("Walezyk", 110, 60, 0.5)]])
        let entry = try #require(try added(text).first)
        #expect(entry.finding.type == .name)
        #expect(entry.paint.contains { $0.x <= 84 && $0.maxX >= 110 }, "\(entry.paint)")
        #expect(entry.paint.allSatisfy { $0.x > 80 }, "the label stays: \(entry.paint)")
    }
}
