import PHIDetection
@testable import PixelRedaction
import Testing

/// How far a word's painted box reaches over the ink around it.
@Suite struct FrameTextTests {
    /// One line of twelve 8×12 glyphs, 4 pixels apart: OCR read the first four (over black) as one
    /// word and the last two as another; the patch's ink stops after the sixth glyph, where the
    /// background turns grey.
    func line() -> FrameText {
        let glyphs = (0..<12).map { TextBox(x: 10 + 12 * $0, y: 20, width: 8, height: 12) }
        var text = FrameText()
        text.regions = [TextRegion(box: TextBox(x: 10, y: 20, width: 140, height: 12), polarity: .lightOnDark,
                                   glyphHeight: 12, glyphs: glyphs)]
        text.regionInk = [Array(glyphs.prefix(6))]
        text.words = [OCRWord(text: "5550", box: TextBox(x: 10, y: 20, width: 44, height: 12), confidence: 0.9, line: 0),
                      OCRWord(text: "PM", box: TextBox(x: 130, y: 20, width: 20, height: 12), confidence: 0.9, line: 0)]
        text.wordRegions = [0, 0]
        return text
    }

    /// The token goes on over the glyphs the finder saw where the patch has no ink, up to the
    /// next word OCR read.
    @Test func aTokenGrowsOverTheFindersGlyphsUpToTheNextWord() {
        let box = line().tokenBox(ofWord: 0)
        #expect(box.x == 10)
        #expect(box.maxX == 126)  // the tenth glyph's end: the eleventh lies under "PM"
    }

    @Test func withoutTheFindersGlyphsTheTokenStopsWithThePatchInk() {
        var text = line()
        text.regions[0].glyphs = []
        #expect(text.tokenBox(ofWord: 0).maxX == 78)
    }

    /// Two pieces of one value with a letter's gap between them: glued when of a like height, not
    /// when one is a box OCR drew over two lines.
    @Test func onlyPiecesOfALikeHeightAreGlued() {
        var text = FrameText()
        text.regions = [TextRegion(box: TextBox(x: 10, y: 20, width: 100, height: 12), polarity: .lightOnDark,
                                   glyphHeight: 12, glyphs: [])]
        text.regionInk = [[]]
        text.wordRegions = [0, 0]
        text.words = [OCRWord(text: "2021-09-0", box: TextBox(x: 10, y: 20, width: 60, height: 12), confidence: 0.9, line: 0),
                      OCRWord(text: "5", box: TextBox(x: 74, y: 20, width: 8, height: 12), confidence: 0.9, line: 0)]
        #expect(text.gluedWords([0]) == [0, 1])
        text.words[1].box = TextBox(x: 74, y: 18, width: 8, height: 25)
        #expect(text.gluedWords([0]) == [0])
    }

    /// Words read surely on one row, 40 pixels apart.
    func row(_ texts: [String]) -> FrameText {
        var text = FrameText()
        text.words = texts.enumerated().map { position, word in
            OCRWord(text: word, box: TextBox(x: 10 + 40 * position, y: 20, width: 30, height: 12), confidence: 0.9, line: 0)
        }
        return text
    }

    /// Words after a value that belong to it: a time's AM or PM, also as OCR misreads a small M, and
    /// a name's degree; a view after a time ("PA") and laterality after a name ("RT") do not.
    @Test func aTimesMeridiemAndANamesDegreeBelongToThem() {
        #expect(row(["2:38", "PM"]).withMeridiem([0]) == [0, 1])
        #expect(row(["2:38", "Pu"]).withMeridiem([0]) == [0, 1])
        #expect(row(["2:38", "PA"]).withMeridiem([0]) == [0])
        #expect(row(["2:38", "Pulse"]).withMeridiem([0]) == [0])
        #expect(row(["Haddad", "MD"]).withCredential([0]) == [0, 1])
        #expect(row(["Haddad", "M.D."]).withCredential([0]) == [0, 1])
        #expect(row(["Haddad", "RT"]).withCredential([0]) == [0])
        #expect(row(["Thandiwe", "HD"]).withCredential([0]) == [0, 1])  // MD misread
        #expect(row(["Thandiwe", "HX"]).withCredential([0]) == [0])
    }

    /// The header name's middle initial after a name, on the row even where OCR gave it a line of its own;
    /// not a letter the header has no initial for, nor one far away or on another row.
    @Test func aHeaderInitialAfterANameIsFound() {
        var text = row(["IMOGEN", "C", "F"])
        text.words[1].line = 1
        #expect(text.initial(after: [0], among: ["C"], except: []) == 1)
        #expect(text.initial(after: [0], among: ["L"], except: []) == nil)
        #expect(text.initial(after: [0], among: ["C"], except: [1]) == nil)
        text.words[1].box.y = 40
        #expect(text.initial(after: [0], among: ["C"], except: []) == nil)
        #expect(row(["IMOGEN", "CT"]).initial(after: [0], among: ["C"], except: []) == nil)
        #expect(row(["IMOGEN", "C."]).initial(after: [0], among: ["C"], except: []) == 1)
        var far = row(["IMOGEN", "C"])
        far.words[1].box.x = 100
        #expect(far.initial(after: [0], among: ["C"], except: []) == nil)
    }

    /// `Last, First` ending its row may have a middle initial OCR did not read after it; not a name with its
    /// initial read, one without the comma shape, nor one with a word read after it on its row.
    @Test func aCommaNameEndingItsRowMayHaveAnUnreadInitial() {
        #expect(row(["NAKASHIMA,", "OLUWASEUN"]).endsInGivenNameAfterComma([0, 1]))
        #expect(row(["MAZHAR,ISMAEL"]).endsInGivenNameAfterComma([0]))
        #expect(!row(["NAKASHIMA,", "OLUWASEUN", "M"]).endsInGivenNameAfterComma([0, 1, 2]))
        #expect(!row(["NAKASHIMA", "OLUWASEUN"]).endsInGivenNameAfterComma([0, 1]))
        #expect(!row(["NAKASHIMA,", "OLUWASEUN", "Ser"]).endsInGivenNameAfterComma([0, 1]))
        #expect(!row(["NAKASHIMA,"]).endsInGivenNameAfterComma([0]))
    }

    /// A value ending in a time a 12-hour clock shows may have an AM/PM OCR did not read after it.
    @Test func aValueEndingInATwelveHourTimeMayHaveAnUnreadMeridiem() {
        #expect(row(["11/5/15", "5:60"]).endsInTwelveHourTime([0, 1]))
        #expect(row(["10:40:12"]).endsInTwelveHourTime([0]))
        #expect(!row(["14:15:18"]).endsInTwelveHourTime([0]))
        #expect(!row(["5:00", "PM"]).endsInTwelveHourTime([0, 1]))
        #expect(!row(["11/5/15"]).endsInTwelveHourTime([0]))
        #expect(!row(["2.5"]).endsInTwelveHourTime([0]))
    }
}
