import PHIDetection
@testable import PixelRedaction
import Testing

@Suite struct RedactionPlannerTests {
    /// A frame where OCR read nothing in one line of `glyphs` glyphs.
    func unreadLine(glyphs: Int) -> FrameText {
        var region = TextRegion(box: TextBox(x: 10, y: 20, width: 12 * glyphs, height: 14), polarity: .lightOnDark,
                                glyphHeight: 12, glyphs: (0..<glyphs).map { TextBox(x: 10 + 12 * $0, y: 20, width: 10, height: 12) })
        region.evidence.glyphCount = glyphs
        region.evidence.textureRatio = 8
        region.evidence.plateau = 0.9
        var text = FrameText()
        text.regions = [region]
        text.regionInk = [region.glyphs]
        text.unreadRegions = [0]
        text.poorlyReadRegions = [0]
        return text
    }

    func planner(_ options: RedactionOptions) throws -> RedactionPlanner {
        RedactionPlanner(detector: try PHIDetector(), options: options)
    }

    @Test func anUnreadLineIsPaintedInSensitiveModeAtTheDefaultThreshold() throws {
        let entries = try planner(RedactionOptions()).plan(unreadLine(glyphs: 6), frame: 0, context: PHIContext(names: [], identifiers: [], dates: [], times: [], places: []))
        let entry = try #require(entries.first { $0.finding.recognizer == "unread-text" })
        #expect(entry.finding.decision == .redacted)
        #expect(entry.paint == [TextBox(x: 10, y: 20, width: 72, height: 14)])
    }

    @Test func aHigherThresholdKeepsUnreadLines() throws {
        let entries = try planner(RedactionOptions(threshold: 0.6)).plan(unreadLine(glyphs: 6), frame: 0, context: PHIContext(names: [], identifiers: [], dates: [], times: [], places: []))
        #expect(entries.allSatisfy { $0.paint.isEmpty })
        #expect(entries.contains { $0.finding.recognizer == "unread-text" && $0.finding.decision == .belowThreshold })
    }

    @Test func aPoorlyReadLineIsPaintedLikeAnUnreadOne() throws {
        var text = unreadLine(glyphs: 6)
        text.unreadRegions = []
        text.words = [OCRWord(text: "Gi", box: TextBox(x: 10, y: 20, width: 20, height: 12), confidence: 0.35, line: 0),
                      OCRWord(text: "ah", box: TextBox(x: 40, y: 20, width: 20, height: 12), confidence: 0.42, line: 0)]
        text.wordRegions = [0, 0]
        let entries = try planner(RedactionOptions()).plan(text, frame: 0, context: PHIContext(names: [], identifiers: [], dates: [], times: [], places: []))
        #expect(entries.contains { $0.finding.recognizer == "unread-text" && $0.paint == [TextBox(x: 10, y: 20, width: 72, height: 14)] })
    }

    @Test func anUnreadLineBarelyAboveTheTextureIsNotPainted() throws {
        var text = unreadLine(glyphs: 6)
        text.regions[0].evidence.textureRatio = 2.3
        let entries = try planner(RedactionOptions()).plan(text, frame: 0, context: PHIContext(names: [], identifiers: [], dates: [], times: [], places: []))
        #expect(entries.allSatisfy { $0.paint.isEmpty })
    }

    /// A few wide pieces in a row (a Doppler gate, a bar) and a line on a busy background are not
    /// painted for being unreadable.
    @Test func anUnreadWideOrBusyLineIsNotPainted() throws {
        var wide = unreadLine(glyphs: 4)
        wide.regions[0].box.width = 480
        var busy = unreadLine(glyphs: 6)
        busy.regions[0].evidence.backgroundNoise = 0.45
        var mottled = unreadLine(glyphs: 6)
        mottled.regions[0].evidence.levelSpread = 0.4
        for text in [wide, busy, mottled] {
            let entries = try planner(RedactionOptions()).plan(text, frame: 0, context: PHIContext(names: [], identifiers: [], dates: [], times: [], places: []))
            #expect(entries.allSatisfy { $0.paint.isEmpty })
        }
    }

    /// All-text mode never hides less than sensitive mode: a poorly read line is painted whole there too.
    @Test func allTextModePaintsPoorlyReadLinesWhole() throws {
        var text = unreadLine(glyphs: 6)
        text.unreadRegions = []
        let entries = try planner(RedactionOptions(mode: .allText)).plan(text, frame: 0, context: PHIContext(names: [], identifiers: [], dates: [], times: [], places: []))
        #expect(entries.contains { $0.paint == [TextBox(x: 10, y: 20, width: 72, height: 14)] })
    }

    /// All-text mode paints every line whole, read well or not: a glyph OCR left out of its words is
    /// still text. All-but-safe paints the words (some may be allow-listed).
    @Test func allTextModePaintsEveryLineWhole() throws {
        var text = unreadLine(glyphs: 6)
        text.unreadRegions = []
        text.poorlyReadRegions = []
        text.words = [OCRWord(text: "SMITH", box: TextBox(x: 10, y: 20, width: 34, height: 12), confidence: 0.95, line: 0)]
        text.wordRegions = [0]
        let context = PHIContext(names: [], identifiers: [], dates: [], times: [], places: [])
        let whole = TextBox(x: 10, y: 20, width: 72, height: 14)
        let allText = try planner(RedactionOptions(mode: .allText)).plan(text, frame: 0, context: context)
        #expect(allText.contains { $0.paint == [whole] })
        let allButSafe = try planner(RedactionOptions(mode: .allButSafe)).plan(text, frame: 0, context: context)
        #expect(!allButSafe.contains { $0.paint == [whole] })
    }

    @Test func allButSafeKeepsOnlyAllowListedWordsThatWereReadWell() throws {
        var text = FrameText()
        let region = TextRegion(box: TextBox(x: 10, y: 20, width: 100, height: 14), polarity: .lightOnDark,
                                glyphHeight: 12, glyphs: [TextBox(x: 10, y: 20, width: 100, height: 12)])
        text.regions = [region]
        text.regionInk = [region.glyphs]
        func plan(confidence: Double) throws -> [RedactionPlanner.Entry] {
            text.words = [OCRWord(text: "SUPINE", box: TextBox(x: 10, y: 20, width: 60, height: 12), confidence: confidence, line: 0)]
            text.wordRegions = [0]
            return try planner(RedactionOptions(mode: .allButSafe)).plan(text, frame: 0, context: PHIContext(names: [], identifiers: [], dates: [], times: [], places: []))
        }
        let sure = try plan(confidence: 0.9), guessed = try plan(confidence: 0.3)
        #expect(sure.contains { $0.finding.decision == .allowed } && sure.allSatisfy { $0.paint.isEmpty })
        #expect(!guessed.contains { $0.finding.decision == .allowed })
        #expect(guessed.contains { !$0.paint.isEmpty })
    }

    /// The modes nest: all-text paints every pixel all-but-safe paints, and that every pixel
    /// sensitive mode paints (a value of several words is painted as one box, gaps included).
    @Test func theModesPaintNestedAreas() throws {
        // one line found as two regions: "DOB 16" and "JUN 1976"
        var text = unreadLine(glyphs: 6)
        var second = text.regions[0]
        text.regions[0].box = TextBox(x: 10, y: 20, width: 68, height: 14)
        second.box = TextBox(x: 90, y: 20, width: 80, height: 14)
        text.regions.append(second)
        text.regionInk = [[], []]
        text.unreadRegions = []
        text.poorlyReadRegions = []
        text.words = [OCRWord(text: "DOB", box: TextBox(x: 10, y: 20, width: 30, height: 12), confidence: 0.95, line: 0),
                      OCRWord(text: "16", box: TextBox(x: 60, y: 20, width: 18, height: 12), confidence: 0.95, line: 0),
                      OCRWord(text: "JUN", box: TextBox(x: 90, y: 20, width: 30, height: 12), confidence: 0.95, line: 0),
                      OCRWord(text: "1976", box: TextBox(x: 130, y: 20, width: 40, height: 12), confidence: 0.95, line: 0)]
        text.wordRegions = [0, 0, 1, 1]
        let context = PHIContext(names: [], identifiers: [], dates: [], times: [], places: [])
        func painted(_ mode: PixelMode) throws -> Set<Int> {
            let boxes = try planner(RedactionOptions(mode: mode)).plan(text, frame: 0, context: context).flatMap(\.paint)
            return Set(boxes.flatMap { box in (box.y..<box.maxY).flatMap { y in (box.x..<box.maxX).map { y * 1000 + $0 } } })
        }
        let sensitive = try painted(.sensitive), allButSafe = try painted(.allButSafe), allText = try painted(.allText)
        #expect(!sensitive.isEmpty)
        #expect(sensitive.isSubset(of: allButSafe))
        #expect(allButSafe.isSubset(of: allText))
    }

    @Test func aShortUnreadPieceIsNotPainted() throws {
        let entries = try planner(RedactionOptions()).plan(unreadLine(glyphs: 2), frame: 0, context: PHIContext(names: [], identifiers: [], dates: [], times: [], places: []))
        #expect(entries.allSatisfy { $0.paint.isEmpty })
    }

    /// A garbled reading beside a value is painted with it, but within the rows of the words read
    /// well on its line: OCR's box for it reached into the line below.
    @Test func anUncertainNeighbourIsPaintedWithinItsLinesRows() throws {
        let painted = try paintedBoxes([("Tel:", 10, 30, 0.95), ("555-616-8319", 48, 96, 0.9), ("ee", 152, 20, 0.3)], tall: "ee")
        #expect(painted.contains { $0.maxX >= 172 }, "the neighbour is painted")
        #expect(painted.allSatisfy { $0.y >= 17 && $0.maxY <= 35 }, "\(painted)")
    }

    /// Two institution findings a few letters apart on a row ("Mercy Hospital" … "Riverside Clinic",
    /// the letters between unread, a stray "|" read there): the gap is painted too; a word read well
    /// between them keeps it open.
    @Test func piecesOfOneNameOrPlaceAreBridged() throws {
        func painted(between middle: String?) throws -> [TextBox] {
            try paintedBoxes([("Mercy", 10, 40, 0.95), ("Hospital", 56, 60, 0.95), (middle ?? "|", 124, 16, 0.9),
                              ("Riverside", 148, 70, 0.95), ("Clinic", 224, 44, 0.95)])
        }
        func covers(_ boxes: [TextBox], x: Int) -> Bool { boxes.contains { $0.x <= x && $0.maxX > x } }
        #expect(covers(try painted(between: nil), x: 130))
        #expect(!covers(try painted(between: "120"), x: 130))
        // a whole word unread between them (five glyph heights) is bridged; a wider gap is another value
        func apart(_ gap: Int) throws -> [TextBox] {
            try paintedBoxes([("Mercy", 10, 40, 0.95), ("Hospital", 56, 60, 0.95), ("|", 116 + gap / 2, 4, 0.9),
                              ("Riverside", 116 + gap, 70, 0.95), ("Clinic", 192 + gap, 44, 0.95)])
        }
        #expect(covers(try apart(60), x: 146))
        #expect(!covers(try apart(90), x: 161))
    }

    /// A name read doubtfully is painted over its own glyphs' height, even when the only word read surely on
    /// its row is a sliver found as a region of its own (the gap under a caret, read "TAL", 9 rows of 18).
    @Test func aDoubtfulWordIsPaintedNoShorterThanItsGlyphs() throws {
        var text = FrameText()
        text.regions = [TextRegion(box: TextBox(x: 313, y: 422, width: 157, height: 18), polarity: .lightOnDark, glyphHeight: 18, glyphs: []),
                        TextRegion(box: TextBox(x: 430, y: 422, width: 40, height: 9), polarity: .darkOnLight, glyphHeight: 6, glyphs: [])]
        text.regionInk = [[], []]
        text.words = [OCRWord(text: "ZIELINSKI*O", box: TextBox(x: 313, y: 422, width: 157, height: 18), confidence: 0.5, line: 0),
                      OCRWord(text: "TAL", box: TextBox(x: 430, y: 422, width: 40, height: 9), confidence: 0.9, line: 0)]
        text.wordRegions = [0, 1]
        let entries = try planner(RedactionOptions()).plan(text, frame: 0, context: PHIContext(names: [], identifiers: [], dates: [], times: [], places: []))
        let name = try #require(entries.first { $0.finding.type == .name && $0.finding.decision == .redacted })
        #expect(name.paint.contains { $0.y <= 422 && $0.maxY >= 440 }, "\(name.paint)")
    }

    /// A value whose box OCR cut short at the feet of its glyphs (touching bright tissue) is painted over the
    /// rows of its label on the same line; a much taller word on the line (a box over two lines) or a bracketed
    /// marker does not stretch it.
    @Test func aValueIsPaintedOverItsLinesRows() throws {
        func painted(labelHeight: Int, label: String = "ACCN") throws -> [TextBox] {
            var text = FrameText()
            text.regions = [TextRegion(box: TextBox(x: 0, y: 44, width: 240, height: 19), polarity: .lightOnDark, glyphHeight: 19, glyphs: [])]
            text.regionInk = [[]]
            text.words = [OCRWord(text: label, box: TextBox(x: 6, y: 44, width: 68, height: labelHeight), confidence: 0.9, line: 0),
                          OCRWord(text: "71151597", box: TextBox(x: 95, y: 44, width: 136, height: 13), confidence: 0.9, line: 0)]
            text.wordRegions = [0, 0]
            let entries = try planner(RedactionOptions()).plan(text, frame: 0, context: PHIContext(names: [], identifiers: [], dates: [], times: [], places: []))
            return entries.filter { $0.finding.type == .identifier }.flatMap(\.paint)
        }
        #expect(try painted(labelHeight: 19).contains { $0.y <= 44 && $0.maxY >= 63 && $0.x >= 95 })
        let tall = try painted(labelHeight: 40)
        #expect(tall.contains { $0.x == 95 } && tall.filter { $0.x >= 95 }.allSatisfy { $0.maxY < 63 }, "\(tall)")
        // a bracketed sex marker's brackets reach below its letter: no measure of the line's rows
        let marker = try painted(labelHeight: 19, label: "[M]")
        #expect(marker.contains { $0.x == 95 } && marker.filter { $0.x >= 95 }.allSatisfy { $0.maxY < 63 }, "\(marker)")
    }

    /// One row of `words` (text, x, width, confidence) at y = `y`, `height` tall, in one light-on-dark region.
    func row(_ words: [(String, Int, Int, Double)], y: Int = 20, height: Int = 12) -> FrameText {
        var text = FrameText()
        text.regions = [TextRegion(box: TextBox(x: 0, y: y, width: 400, height: height), polarity: .lightOnDark,
                                   glyphHeight: height, glyphs: [])]
        text.regionInk = [[]]
        text.words = words.map { OCRWord(text: $0.0, box: TextBox(x: $0.1, y: y, width: $0.2, height: height), confidence: $0.3, line: 0) }
        text.wordRegions = words.map { _ in 0 }
        return text
    }

    /// A short word OCR did not read is looked for a word space before a name (its initial), before a
    /// date that starts with its month (its day) and before a phone number without its country code, not
    /// before a date that starts with its day: what stands before that is other text ("[M] 03.09.2012").
    @Test func aWordBeforeIsLookedForOnlyWhereAValueMayHaveOne() throws {
        let context = PHIContext(names: ["MCALLISTER^BARTHOLOMEW"], identifiers: [], dates: [], times: [], places: [])
        let entries = try planner(RedactionOptions()).plan(row([("McAllister", 40, 80, 0.95)]), frame: 0, context: context)
        #expect(entries.first { $0.finding.type == .name }?.mayHaveWordBefore == true)
        let month = try planner(RedactionOptions()).plan(row([("NOV", 40, 30, 0.95), ("1980", 76, 40, 0.95)]), frame: 0, context: .empty)
        #expect(month.first { $0.finding.type == .date }?.mayHaveWordBefore == true)
        let day = try planner(RedactionOptions()).plan(row([("03.09.2012", 40, 80, 0.95)]), frame: 0, context: .empty)
        #expect(day.first { $0.finding.type == .date }?.mayHaveWordBefore == false)
        // a phone number read without its country code may have one before it; one read with it has none
        let local = try planner(RedactionOptions()).plan(row([("005", 40, 30, 0.95), ("555", 76, 30, 0.95), ("3984", 112, 40, 0.95)]),
                                                         frame: 0, context: .empty)
        #expect(local.first { $0.finding.type == .phone }?.mayHaveWordBefore == true)
        let international = try planner(RedactionOptions()).plan(row([("+1", 10, 20, 0.95), ("005", 40, 30, 0.95), ("555", 76, 30, 0.95),
                                                                      ("3984", 112, 40, 0.95)]), frame: 0, context: .empty)
        #expect(international.first { $0.finding.type == .phone }?.mayHaveWordBefore == false)
        #expect(PHIDetector.isMonthName("Nov.") && PHIDetector.isMonthName("März") && !PHIDetector.isMonthName("[M]"))
    }

    /// A name the header matched takes the header's middle initial after it, read on a line of its own
    /// ("DELACROIX, IMOGEN" "C"), or may have it unread a word space after it; without an initial in the
    /// header, neither.
    @Test func aHeaderNameTakesItsMiddleInitial() throws {
        var text = row([("DELACROIX,", 40, 90, 0.95), ("IMOGEN", 136, 62, 0.95), ("C", 210, 9, 0.9)])
        text.words[2].line = 1
        let context = PHIContext(names: ["DELACROIX^IMOGEN^C"], identifiers: [], dates: [], times: [], places: [])
        let entries = try planner(RedactionOptions()).plan(text, frame: 0, context: context)
        #expect(entries.contains { $0.finding.decision == .redacted && $0.paint.contains { $0.maxX >= 219 } })
        let unread = try planner(RedactionOptions()).plan(row([("DELACROIX,", 40, 90, 0.95), ("IMOGEN", 136, 62, 0.95)]),
                                                          frame: 0, context: context)
        #expect(unread.contains { $0.finding.type == .name && $0.mayHaveInitialAfter })
        let none = PHIContext(names: ["DELACROIX^IMOGEN"], identifiers: [], dates: [], times: [], places: [])
        let without = try planner(RedactionOptions()).plan(text, frame: 0, context: none)
        #expect(!without.contains { $0.finding.decision == .redacted && $0.paint.contains { $0.maxX >= 219 } })
        #expect(!without.contains { $0.mayHaveInitialAfter })
    }

    /// A name in no header printed `Last, First` and ending its row may have its middle initial unread after
    /// it ("NAKASHIMA, OLUWASEUN" for NAKASHIMA, OLUWASEUN M); a name in another shape is not looked after.
    @Test func aCommaNameMayHaveItsInitialUnread() throws {
        let comma = try planner(RedactionOptions()).plan(row([("NAKASHIMA,", 40, 90, 0.95), ("OLUWASEUN", 136, 80, 0.95)]),
                                                         frame: 0, context: .empty)
        #expect(comma.contains { $0.finding.type == .name && $0.finding.decision == .redacted && $0.mayHaveInitialAfter })
        let titled = try planner(RedactionOptions()).plan(row([("Dr.", 10, 24, 0.95), ("Nakashima", 40, 80, 0.95)]),
                                                          frame: 0, context: .empty)
        #expect(titled.contains { $0.finding.type == .name && $0.finding.decision == .redacted })
        #expect(!titled.contains { $0.mayHaveInitialAfter })
    }

    /// A value of any type that ends in a 12-hour clock time takes the AM/PM after it: a compact date OCR
    /// misread ("20161169") and its time found as one identifier leave no "PH" (PM) beside them.
    @Test func aValueEndingInATimeTakesItsMeridiem() throws {
        let text = row([("Exam:", 12, 30, 0.96), ("20161169", 52, 50, 0.9), ("5:10", 108, 26, 0.9), ("PH", 145, 12, 0.95)])
        let entries = try planner(RedactionOptions()).plan(text, frame: 0, context: .empty)
        let value = try #require(entries.first { $0.finding.decision == .redacted && $0.paint.contains { $0.x <= 108 && $0.maxX >= 134 } })
        #expect(value.paint.contains { $0.maxX >= 157 }, "\(entries.map { ($0.finding.recognizer, $0.finding.type as Any, $0.paint) })")
    }

    /// "Hosp" read of a header value with four characters more unread: the box goes on by four of its
    /// characters' widths and half a glyph height, short of a word read well after it.
    @Test func theUnreadRestOfAHeaderValueIsCovered() throws {
        var text = row([("Hosp", 10, 40, 0.9)])
        var finding = Finding(wordIndices: [0], type: .institution, confidence: 0.95, recognizer: "header-match")
        let planner = try planner(RedactionOptions())
        #expect(planner.unreadRest(of: finding, painted: [0], in: text) == nil)
        finding.unreadCharacters = 4
        #expect(planner.unreadRest(of: finding, painted: [0], in: text) == TextBox(x: 50, y: 20, width: 46, height: 12))
        text = row([("Hosp", 10, 40, 0.9), ("120kV", 80, 40, 0.9)])
        #expect(planner.unreadRest(of: finding, painted: [0], in: text)?.maxX == 77)
    }

    /// "020" "794" read of 020 7946 4200, six characters unread: the words' span, spaces and all, measures the
    /// characters' pitch (72 pixels for seven characters), not their ink (59 for six), which ends short of each
    /// word's last cell; the rest reaches the number's end.
    @Test func theUnreadRestIsMeasuredByTheSpanOfTheWordsReadWell() throws {
        let text = row([("020", 64, 31, 0.9), ("794", 108, 28, 0.9)], y: 34, height: 13)
        var finding = Finding(wordIndices: [0, 1], type: .phone, confidence: 0.9, recognizer: "phone-pattern")
        finding.unreadCharacters = 6
        let rest = try #require(try planner(RedactionOptions()).unreadRest(of: finding, painted: [0, 1], in: text))
        #expect(rest.x == 136 && rest.maxX >= 203, "\(rest)")
    }

    /// "County Memo" followed on its line by a word: read well ("120"), that word is other text and the rest
    /// stops short of it; garbled ("aay", painted with the value), the rest goes on after it, its characters
    /// counted as read.
    @Test func theUnreadRestGoesOnOnlyAfterWordsReadUnsurely() throws {
        let read = row([("County", 10, 60, 0.9), ("Memo", 80, 40, 0.9), ("120", 130, 30, 0.9)])
        var finding = Finding(wordIndices: [0, 1], type: .institution, confidence: 0.8, recognizer: "header-match")
        finding.unreadCharacters = 13
        let planner = try planner(RedactionOptions())
        #expect(planner.unreadRest(of: finding, painted: [0, 1], in: read)?.maxX == 127)
        let garbled = row([("County", 10, 60, 0.9), ("Memo", 80, 40, 0.9), ("aay", 130, 30, 0.3)])
        let rest = try #require(planner.unreadRest(of: finding, painted: [0, 1, 2], in: garbled))
        // nine characters more after "aay" (13 less "aay" and its space), 10 pixels each, and half a height
        #expect(rest.x == 160 && rest.maxX == 130 + 10 * 12 + 6)
    }

    /// "05" read of "05.08.23" with its box grown over the whole token: the unread characters are measured
    /// by the glyph height, not by the two characters read in a wide box.
    @Test func theUnreadRestOfAWideBoxIsMeasuredByItsHeight() throws {
        let text = row([("05", 83, 93, 0.9)], y: 36, height: 18)
        var finding = Finding(wordIndices: [0], type: .date, confidence: 0.9, recognizer: "cue-word")
        finding.unreadCharacters = 8
        let rest = try #require(try planner(RedactionOptions()).unreadRest(of: finding, painted: [0], in: text))
        #expect(rest.x == 176 && rest.maxX == 83 + Int(0.85 * 18 * 10) + 9)
        finding.unreadCharacters = 2  // covered by the box already
        #expect(try planner(RedactionOptions()).unreadRest(of: finding, painted: [0], in: text) == nil)
    }

    /// "Pat. H. Szabo" with the "H." unread: the value is painted back to its label, short of it by
    /// the padding; a word space, or a word read well in the gap, leaves it as it was.
    @Test func aValueIsPaintedBackToItsLabel() throws {
        func covers(_ boxes: [TextBox], x: Int) -> Bool { boxes.contains { $0.x <= x && $0.maxX > x } }
        let unread = try paintedBoxes([("Pat.", 10, 34, 0.96), ("Szabo", 87, 46, 0.96)])
        #expect(covers(unread, x: 60) && covers(unread, x: 48))
        #expect(!unread.contains { $0.x < 47 && $0.maxX > 44 }, "the label stays: \(unread)")
        // a whole given name unread between them (five glyph heights)
        let given = try paintedBoxes([("Pat.", 10, 34, 0.96), ("Szabo", 104, 46, 0.96)])
        #expect(covers(given, x: 70))
        let spaced = try paintedBoxes([("Pat.", 10, 34, 0.96), ("Szabo", 50, 46, 0.96)])
        #expect(!covers(spaced, x: 46))
        let between = try paintedBoxes([("Pat.", 10, 34, 0.96), ("120", 52, 24, 0.96), ("Szabo", 87, 46, 0.96)])
        #expect(!covers(between, x: 60))
        // "Req by MULLIGAN^L" with "MUL" unread: "by" announces the name
        let by = try paintedBoxes([("Req", 10, 24, 0.96), ("by", 40, 16, 0.9), ("LIGAN*L", 90, 56, 0.9)])
        #expect(covers(by, x: 70) && !covers(by, x: 50))
    }

    /// What OCR garbled after a label that announces PHI is painted as its value; after a technical
    /// label, or past a word read well, nothing is.
    @Test func aGarbledValueAfterALabelIsPainted() throws {
        func covers(_ boxes: [TextBox], x: Int) -> Bool { boxes.contains { $0.x <= x && $0.maxX > x } }
        let birth = try paintedBoxes([("Birthdate:", 10, 80, 0.95), ("+a", 96, 20, 0.4), ("AXIAL", 140, 40, 0.95)])
        #expect(covers(birth, x: 100))
        #expect(!covers(birth, x: 150) && !covers(birth, x: 50))
        #expect(try paintedBoxes([("Se:", 10, 24, 0.95), ("6", 40, 8, 0.4)]).isEmpty)
        #expect(try paintedBoxes([("Birthdate:", 10, 80, 0.95), ("AXIAL", 96, 40, 0.95), ("+a", 140, 20, 0.4)]).isEmpty)
        // a "label" of digits is where the value starts: a time cut after its first colon ("11:" "Aap")
        let time = try paintedBoxes([("11:", 10, 18, 0.78), ("Aap", 30, 36, 0.4)])
        #expect(covers(time, x: 15) && covers(time, x: 40))
        #expect(!covers(birth, x: 20))  // a label of letters stays
    }

    /// "20 yrs" with the number unread: the unit and two digits' width before it are painted as an
    /// age, but not over a word read well before it; "yrs" painted with its number needs nothing more.
    @Test func anAgeUnitWithoutItsNumberIsPaintedWithTheSpaceBeforeIt() throws {
        func covers(_ boxes: [TextBox], x: Int) -> Bool { boxes.contains { $0.x <= x && $0.maxX > x } }
        let alone = try paintedBoxes([("yrs", 60, 24, 0.95)])
        #expect(covers(alone, x: 40) && covers(alone, x: 70))
        let after = try paintedBoxes([("Axial", 10, 40, 0.95), ("yrs", 56, 24, 0.95)])
        #expect(covers(after, x: 56) && !covers(after, x: 50))
        let read = try paintedBoxes([("Axial", 10, 40, 0.95), ("20", 60, 16, 0.95), ("yrs", 82, 24, 0.95)])
        #expect(covers(read, x: 65) && !covers(read, x: 45))
    }

    /// The labels whose value OCR did not read: a label announcing PHI read well with no word after it on its
    /// row within three glyph heights ("Acc#", "NHS No." as one label, "Name:"), not a technical one or a word
    /// that is a label by the colon OCR read into it only ("0.87c:", "Prelimina:"), nor one whose value was read.
    @Test func labelsWithNothingReadAfterThemAreFound() throws {
        func labels(_ row: [(String, Int, Int)]) throws -> [String] {
            var text = FrameText()
            text.regions = [TextRegion(box: TextBox(x: 10, y: 20, width: 300, height: 12), polarity: .lightOnDark,
                                       glyphHeight: 12, glyphs: [])]
            text.regionInk = [[]]
            text.words = row.map { OCRWord(text: $0.0, box: TextBox(x: $0.1, y: 20, width: $0.2, height: 12), confidence: 0.95, line: 0) }
            text.wordRegions = row.map { _ in 0 }
            return try planner(RedactionOptions()).unreadValueLabels(text, planned: []).map { text.words[$0].text }
        }
        #expect(try labels([("Acc#", 10, 36)]) == ["Acc#"])
        #expect(try labels([("NHS", 10, 30), ("No.", 46, 24)]) == ["No."])
        #expect(try labels([("Acc#", 10, 36), ("A2016", 56, 50)]).isEmpty)
        #expect(try labels([("Acc#", 10, 36), ("cm2", 200, 30)]) == ["Acc#"])
        #expect(try labels([("0.87c:", 10, 50)]).isEmpty)
        #expect(try labels([("Prelimina:", 10, 70)]).isEmpty)
        #expect(try labels([("Name:", 10, 40)]) == ["Name:"])
        #expect(try labels([("Se:", 10, 24)]).isEmpty)
        // marks OCR made of a value it could not read are no reading of it ("Referring:" "™" for Dr. C. Szabo)
        #expect(try labels([("Referring:", 10, 70), ("™", 90, 12)]) == ["Referring:"])
        #expect(try labels([("Referring:", 10, 70), ("Dr", 90, 16)]).isEmpty)
    }

    /// What sensitive mode paints for one row of words (text, x, width, confidence), 12 pixels high
    /// at y 20 (the word named `tall` 30 high from y 18, as OCR draws a box over two lines).
    func paintedBoxes(_ row: [(String, Int, Int, Double)], tall: String? = nil) throws -> [TextBox] {
        var text = FrameText()
        text.regions = [TextRegion(box: TextBox(x: 10, y: 20, width: 300, height: 12), polarity: .lightOnDark,
                                   glyphHeight: 12, glyphs: [])]
        text.regionInk = [[]]
        text.words = row.map { word in
            let box = word.0 == tall ? TextBox(x: word.1, y: 18, width: word.2, height: 30) : TextBox(x: word.1, y: 20, width: word.2, height: 12)
            return OCRWord(text: word.0, box: box, confidence: word.3, line: 0)
        }
        text.wordRegions = row.map { _ in 0 }
        return try planner(RedactionOptions()).plan(text, frame: 0, context: PHIContext(names: [], identifiers: [], dates: [], times: [], places: []))
            .flatMap(\.paint)
    }
}
