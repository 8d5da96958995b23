import DicomCore
import PHIDetection
@testable import PixelRedaction
import Testing

/// What the reader makes of OCR's answers. The engine here is a stand-in that answers every
/// region with one fixed reading (the real engine is exercised in TesseractEngineTests and the
/// development-set tests); what is tested is the reader's bookkeeping of how well lines were read.
@Suite struct FrameReaderTests {
    final class FixedReading: OCREngine {
        let name = "fixed"
        let confidence: Double
        init(confidence: Double) { self.confidence = confidence }
        func recognize(_ image: RenderedImage, region: TextBox, hints: OCRHints) throws -> [OCRWord] {
            [OCRWord(text: "Gi", box: TextBox(x: region.x + 2, y: region.y + 2, width: region.width / 2, height: region.height - 4),
                     confidence: confidence, line: 0)]
        }
    }

    func read(confidence: Double) throws -> FrameText {
        var frames = SyntheticFrames.monochrome(rows: 60, columns: 200, bits: 8, fill: 10)
        SyntheticFrames.draw("ID 1970-10-22", at: 10, 20, scale: 2, value: 240, into: &frames)
        return try FrameReader(finder: TextRegionFinder()).read(frames, frame: 0, renderer: FrameRenderer(),
                                                                engine: FixedReading(confidence: confidence))
    }

    @Test func aLineReadWithLowConfidenceIsMarkedPoorlyRead() throws {
        let text = try read(confidence: 0.35)
        #expect(!text.regions.isEmpty)
        #expect(text.poorlyReadRegions == Array(text.regions.indices))
        #expect(text.unreadRegions.isEmpty)  // a word reached minimumWordConfidence
    }

    /// Answers the first picture with a mark over its left edge, every other with the whole line.
    final class MarkFirst: OCREngine, @unchecked Sendable {
        let name = "mark-first"
        let mark: String
        let markConfidence: Double
        let lineConfidence: Double
        var calls = 0
        init(mark: String, confidence: Double, lineConfidence: Double) {
            self.mark = mark
            markConfidence = confidence
            self.lineConfidence = lineConfidence
        }
        func recognize(_ image: RenderedImage, region: TextBox, hints: OCRHints) throws -> [OCRWord] {
            calls += 1
            if calls == 1 {
                return [OCRWord(text: mark, box: TextBox(x: region.x, y: region.y, width: 4, height: region.height), confidence: markConfidence,
                                line: 0)]
            }
            return [OCRWord(text: "1970-10-22", box: region, confidence: lineConfidence, line: 0)]
        }
    }

    /// "1970-10-22" on a dark frame, read by `engine`.
    func readLine(with engine: MarkFirst) throws -> FrameText {
        var frames = SyntheticFrames.monochrome(rows: 60, columns: 200, bits: 8, fill: 10)
        SyntheticFrames.draw("1970-10-22", at: 10, 20, scale: 2, value: 240, into: &frames)
        return try FrameReader(finder: TextRegionFinder()).read(frames, frame: 0, renderer: FrameRenderer(), engine: engine)
    }

    /// A sure reading of a stray mark that leaves most of the line's ink unread is not where the
    /// reader stops: the next way of reading the line is tried, and its better reading kept.
    @Test func aSureReadingOfAStrayMarkIsNotTheEnd() throws {
        let engine = MarkFirst(mark: "/", confidence: 0.85, lineConfidence: 0.95)
        let text = try readLine(with: engine)
        #expect(text.regions.count == 1)
        #expect(engine.calls >= 2)
        #expect(text.words.contains { $0.text == "1970-10-22" }, "\(text.words.map(\.text))")
    }

    /// A reading that lies over less than half of the glyphs the finder saw ranks below one that spans them,
    /// however much surer: the line is kept read whole, not as the mark at its edge.
    @Test func aReadingOfTheWholeLineRanksAboveASurerReadingOfItsEdge() throws {
        let engine = MarkFirst(mark: "L", confidence: 0.79, lineConfidence: 0.6)
        let text = try readLine(with: engine)
        #expect(text.regions.count == 1)
        #expect(engine.calls >= 2)
        #expect(text.words.map(\.text) == ["1970-10-22"])
    }

    /// Reads every picture two ways: a doubtful "edgy", then "049Y" less surely still.
    final class TwoReadings: OCREngine {
        let name = "two-readings"
        func recognize(_ image: RenderedImage, region: TextBox, hints: OCRHints) throws -> [OCRWord] {
            try readings(image, region: region, hints: hints)[0]
        }
        func readings(_ image: RenderedImage, region: TextBox, hints: OCRHints) throws -> [[OCRWord]] {
            let box = TextBox(x: region.x + 2, y: region.y + 2, width: region.width / 2, height: region.height - 4)
            return [[OCRWord(text: "edgy", box: box, confidence: 0.28, line: 0)],
                    [OCRWord(text: "049Y", box: box, confidence: 0.08, line: 0)]]
        }
    }

    /// The reader keeps the most confident reading as the words, and the other readings of the region,
    /// once each, beside them (PHI detection looks at those too).
    @Test func theOtherReadingsOfARegionAreKept() throws {
        var frames = SyntheticFrames.monochrome(rows: 60, columns: 200, bits: 8, fill: 10)
        SyntheticFrames.draw("049Y", at: 10, 20, scale: 2, value: 240, into: &frames)
        let text = try FrameReader(finder: TextRegionFinder()).read(frames, frame: 0, renderer: FrameRenderer(), engine: TwoReadings())
        #expect(text.regions.count == 1)
        #expect(text.words.map(\.text) == ["edgy"])
        #expect(text.otherReadings[0]?.map { $0.map(\.text) } == [["049Y"]])
    }

    /// Answers no reading at all.
    final class NoReadings: OCREngine {
        let name = "no-readings"
        func recognize(_ image: RenderedImage, region: TextBox, hints: OCRHints) throws -> [OCRWord] { [] }
        func readings(_ image: RenderedImage, region: TextBox, hints: OCRHints) throws -> [[OCRWord]] { [] }
    }

    /// An engine that answers no reading leaves the line unread (painted as such in sensitive mode), not a trap.
    @Test func anEngineAnsweringNoReadingLeavesTheLineUnread() throws {
        var frames = SyntheticFrames.monochrome(rows: 60, columns: 200, bits: 8, fill: 10)
        SyntheticFrames.draw("049Y", at: 10, 20, scale: 2, value: 240, into: &frames)
        let text = try FrameReader(finder: TextRegionFinder()).read(frames, frame: 0, renderer: FrameRenderer(), engine: NoReadings())
        #expect(text.regions.count == 1)
        #expect(text.unreadRegions == [0] && text.words.isEmpty)
    }

    @Test func aLineReadWellIsNotMarked() throws {
        let text = try read(confidence: 0.9)
        #expect(!text.regions.isEmpty)
        #expect(text.poorlyReadRegions.isEmpty)
    }

    /// The frames of a multi-frame image searched at once find what each frame searched alone finds.
    @Test func framesSearchedTogetherFindWhatEachFindsAlone() {
        var frames = SyntheticFrames.monochrome(rows: 60, columns: 200, bits: 8, frames: 4, fill: 10)
        SyntheticFrames.draw("ID 1970-10-22", at: 10, 20, scale: 2, value: 240, into: &frames, frame: 0)
        SyntheticFrames.draw("MRN 4815", at: 40, 8, scale: 2, value: 200, into: &frames, frame: 2)
        SyntheticFrames.draw("PATIENT", at: 5, 30, scale: 3, value: 255, into: &frames, frame: 3)
        let finder = TextRegionFinder()
        let together = FrameReader(finder: finder).regions(of: [3, 0, 1, 2], in: frames, renderer: FrameRenderer()).map(\.regions)
        let alone = [3, 0, 1, 2].map { finder.regions(in: frames, frame: $0, renderer: FrameRenderer()) }
        #expect(together.map { $0.map(\.box) } == alone.map { $0.map(\.box) })
        #expect(together[1].isEmpty == false && together[2].isEmpty)
    }

    /// Verification searches only around painted areas, judged by the first search's levels: it
    /// finds there what a search of the whole frame finds there.
    @Test func aSearchAroundPaintedAreasFindsWhatTheWholeFrameSearchFindsThere() throws {
        var frames = SyntheticFrames.monochrome(rows: 200, columns: 300, bits: 12, fill: 100)
        for y in 0..<200 { for x in 0..<300 { frames.setSample(100 + (x * 7 + y * 13) % 40, frame: 0, row: y, column: x) } }
        let near = SyntheticFrames.draw("ID 1970-10-22", at: 10, 20, scale: 2, value: 4000, into: &frames)
        SyntheticFrames.draw("MRN 4815", at: 150, 160, scale: 2, value: 3000, into: &frames)
        let reader = FrameReader(finder: TextRegionFinder())
        let first = reader.regions(of: [0], in: frames, renderer: FrameRenderer())[0]
        let levels = try #require(first.levels)
        let area = near.insetBy(dx: 8, dy: 4)
        #expect(first.regions.contains { !$0.box.intersects(area) })  // the other line lies outside
        let around = reader.regions(of: [0], in: frames, renderer: FrameRenderer(),
                                    near: PaintedAreas(boxes: [0: [area]], levels: [0: levels]))[0]
        let expected = first.regions.filter { $0.box.intersects(area) }
        #expect(!expected.isEmpty)
        #expect(around.regions.map(\.box) == expected.map(\.box))
        #expect(around.regions.map(\.glyphs) == expected.map(\.glyphs))
        // without the first search's levels the whole frame is searched
        let whole = reader.regions(of: [0], in: frames, renderer: FrameRenderer(), near: PaintedAreas(boxes: [0: [area]]))[0]
        #expect(whole.regions.map(\.box) == first.regions.map(\.box))
    }

    /// Levels from a search of other planes (a grey-looking frame that painting made colour) are not
    /// used: the frame is searched whole.
    @Test func levelsOfOtherPlanesFallBackToAWholeSearch() throws {
        let grey = SyntheticFrames.color(rows: 60, columns: 200, photometric: .rgb, fill: [40, 40, 40])
        let reader = FrameReader(finder: TextRegionFinder())
        let greyLevels = try #require(reader.regions(of: [0], in: grey, renderer: FrameRenderer())[0].levels)
        var colour = grey
        let text = SyntheticFrames.draw("ID 1970-10-22", at: 10, 20, scale: 2, value: 230, into: &colour)  // red only
        let whole = reader.regions(of: [0], in: colour, renderer: FrameRenderer())[0]
        #expect(whole.regions.contains { $0.box.intersects(text) })
        let near = PaintedAreas(boxes: [0: [text]], levels: [0: greyLevels])
        let around = reader.regions(of: [0], in: colour, renderer: FrameRenderer(), near: near)[0]
        #expect(around.regions.map(\.box) == whole.regions.map(\.box))
    }

    /// Which of two readings of a find is kept. (Figures from a film: a serif name on a grey that
    /// varies along the line read 0.73 sure over all its glyphs as it is, 0.87 sure over 0.6 of them
    /// flattened, dropping letters; a line found as the gaps between its letters read 0.3 sure over all
    /// of them, where the line itself read 0.46 over 0.64.)
    @Test func aFairlySureReadingOfMuchMoreOfAFindOutranksASurerPartialOne() {
        typealias Rank = FrameReader.ReadingRank
        let whole = Rank(confidence: 0.73, coverage: 0.97), partial = Rank(confidence: 0.87, coverage: 0.6)
        #expect(whole.outranks(partial))
        #expect(!partial.outranks(whole))
        // a small difference in coverage, or a doubtful reading, leaves it to confidence
        #expect(Rank(confidence: 0.87, coverage: 0.8).outranks(Rank(confidence: 0.73, coverage: 0.97)))
        #expect(Rank(confidence: 0.46, coverage: 0.64).outranks(Rank(confidence: 0.3, coverage: 1)))
        #expect(!Rank(confidence: 0.45, coverage: 1).outranks(Rank(confidence: 0.87, coverage: 0.6)))
        #expect(Rank(confidence: 0.55, coverage: 1).outranks(Rank(confidence: 0.87, coverage: 0.6)))
        // a reading over less than half of its find ranks below every one that spans it, however sure
        #expect(Rank(confidence: 0.2, coverage: 0.5).outranks(Rank(confidence: 0.99, coverage: 0.45)))
        // where the reader starts: below any reading that spans its find or reads something sure
        let nothing = Rank(confidence: 0, coverage: 0)
        #expect(Rank(confidence: 0, coverage: 0.5).outranks(nothing))
        #expect(Rank(confidence: 0.3, coverage: 0.3).outranks(nothing))
        #expect(!Rank(confidence: 0, coverage: 0.3).outranks(nothing))
    }
}
