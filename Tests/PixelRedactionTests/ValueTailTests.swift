import PHIDetection
@testable import PixelRedaction
import Testing

/// How far the painted box of a value is carried over letters OCR left out where the background changes.
@Suite struct ValueTailTests {
    /// A row of 4-pixel-wide, 12-pixel-tall light "n"s (two stems and a top bar) every 5 pixels from
    /// x = 10, the last starting at `lastStroke`, on a background of 1000 left of x = 57 and 300 from there on. The strokes stand
    /// 800 above the background on the left; on the right they stand `right(x)` above it (0: none).
    func plane(lastStroke: Int, right: (Int) -> Int, width: Int = 160) -> SamplePlane {
        var plane = SamplePlane(width: width, height: 32)
        for y in 0..<32 {
            for x in 0..<width {
                let background = x < 57 ? 1000 : 300
                let column = (x - 10) % 5
                let outline = column == 0 || column == 3 ? (10..<22).contains(y) : column < 3 && (y == 10 || y == 11)
                let stroke = x >= 10 && x <= lastStroke + 3 && outline
                plane.pixels[y * width + x] = UInt16(background + (stroke ? (x < 57 ? 800 : right(x)) : 0))
            }
        }
        return plane
    }

    /// OCR read the letters over the bright part (to x = 56).
    let read = TextBox(x: 10, y: 10, width: 46, height: 12)

    func tail(_ plane: SamplePlane, kind: ValueTail.Kind = .letters) -> TextBox? {
        var tail = ValueTail(plane: plane, polarity: .lightOnDark, glyphHeight: 12, radius: 4)
        tail.kind = kind
        return tail.tail(after: read)
    }

    @Test func lettersGoingOnOverADarkerBackgroundAreCovered() throws {
        let extra = try #require(tail(plane(lastStroke: 75, right: { _ in 200 })))
        #expect(extra.x == read.maxX && extra.y == read.y && extra.height == read.height)
        #expect(extra.maxX >= 79)  // the last stroke's right edge
        #expect(extra.maxX <= 79 + 3)  // a quarter of a glyph height more
    }

    @Test func nothingIsAddedWhereNoLettersFollow() {
        #expect(tail(plane(lastStroke: 50, right: { _ in 0 })) == nil)
    }

    /// Strokes running on without a gap are an edge in the image (a bright band), not letters.
    @Test func aBandWithoutGapsIsNoTail() {
        var band = plane(lastStroke: 50, right: { _ in 0 })
        for y in 13..<17 { for x in 57..<100 { band.pixels[y * band.width + x] = 600 } }
        #expect(tail(band) == nil)
    }

    /// Letters that fade into the background: strokes at half the threshold go on well past the end
    /// found, so where the value ends is unsure and nothing is added (verification reads it whole).
    @Test func lettersFadingOutAreLeftToVerification() {
        #expect(tail(plane(lastStroke: 100, right: { $0 < 70 ? 200 : 100 })) == nil)
    }

    /// The start of a value cut off before the box read ("3 yrs" for 73 yrs): the same letters as in
    /// `lettersGoingOnOverADarkerBackgroundAreCovered`, mirrored, are covered before the box.
    @Test func lettersBeforeTheBoxReadAreCoveredToo() throws {
        let frame = plane(lastStroke: 75, right: { _ in 200 }).mirrored()
        let box = TextBox(x: 160 - read.maxX, y: read.y, width: read.width, height: read.height)
        let head = try #require(ValueTail(plane: frame, polarity: .lightOnDark, glyphHeight: 12, radius: 4).head(before: box))
        #expect(head.maxX == box.x && head.y == box.y && head.height == box.height)
        #expect(head.x <= 160 - 79 && head.x >= 160 - 79 - 3)
        #expect(ValueTail(plane: plane(lastStroke: 50, right: { _ in 0 }).mirrored(), polarity: .lightOnDark, glyphHeight: 12,
                          radius: 4).head(before: box) == nil)
    }

    /// OCR's box may end a row short of the glyphs: letters whose feet lie half on the row below it ("LLE" after
    /// "CAMIL") are letters still, not gaps wider than a letter's.
    @Test func feetOnTheRowBelowTheBoxAreLetters() throws {
        let width = 120
        var plane = SamplePlane(width: width, height: 32)
        for x in stride(from: 10, to: 80, by: 10) {
            for y in 10..<22 { for dx in 0..<2 { plane.pixels[y * width + x + dx] = 900 } }
            for y in 20..<22 { for dx in 0..<8 { plane.pixels[y * width + x + dx] = 900 } }
        }
        let box = TextBox(x: 10, y: 10, width: 28, height: 11)  // rows 10-20: the feet's lower row is outside
        let extra = try #require(ValueTail(plane: plane, polarity: .lightOnDark, glyphHeight: 12, radius: 4).tail(after: box))
        #expect(extra.maxX >= 78)  // the last foot's right edge
    }

    /// Not above the box: a short bar over the text's top row (a banner's edge, the line above) with no letter
    /// under it is no tail.
    @Test func aBarAlongTheBoxsTopIsNoLetter() {
        let width = 120
        var plane = SamplePlane(width: width, height: 32)
        for x in stride(from: 10, to: 40, by: 10) {
            for y in 10..<21 { for dx in 0..<2 { plane.pixels[y * width + x + dx] = 900 } }
        }
        for y in 9..<11 { for x in 40..<52 { plane.pixels[y * width + x] = 900 } }
        let box = TextBox(x: 10, y: 10, width: 28, height: 11)
        #expect(ValueTail(plane: plane, polarity: .lightOnDark, glyphHeight: 12, radius: 4).tail(after: box) == nil)
    }

    /// Three letters and more of a small font reach past three glyph heights: they are covered.
    @Test func threeLettersOfASmallFontAreCovered() throws {
        let extra = try #require(tail(plane(lastStroke: 92, right: { _ in 200 })))
        #expect(extra.maxX >= 96 && extra.maxX <= 96 + 3)  // the last stroke's right edge, a quarter height more
    }

    /// Letters still going at four glyph heights have no end in sight: nothing is added.
    @Test func lettersGoingOnPastTheReachAreLeftAlone() {
        #expect(tail(plane(lastStroke: 130, right: { _ in 200 })) == nil)
    }

    /// Boxes at or past the frame's edges (padding can take a box off the frame) are left alone.
    @Test func boxesAtTheFramesEdgesAddNothing() {
        let frame = plane(lastStroke: 75, right: { _ in 200 })
        let tail = ValueTail(plane: frame, polarity: .lightOnDark, glyphHeight: 12, radius: 4)
        #expect(tail.tail(after: TextBox(x: -8, y: 10, width: 4, height: 12)) == nil)
        #expect(tail.tail(after: TextBox(x: 150, y: 10, width: 9, height: 12)) == nil)
        #expect(tail.tail(after: TextBox(x: 10, y: 40, width: 46, height: 12)) == nil)
    }

    /// Light "n"s (as in `plane`) starting at each of `letters`, and 2x2 dots at the bottom of the row at
    /// each of `dots`, 800 above a flat background of 300.
    func line(letters: [Int], dots: [Int] = [], width: Int = 160) -> SamplePlane {
        var plane = SamplePlane(width: width, height: 32)
        for y in 0..<32 {
            for x in 0..<width {
                let stem = letters.contains { start in
                    let column = x - start
                    return column == 0 || column == 3 ? (10..<22).contains(y) : (1...2).contains(column) && (y == 10 || y == 11)
                }
                let dot = dots.contains { (0...1).contains(x - $0) } && (20..<22).contains(y)
                plane.pixels[y * width + x] = stem || dot ? 1100 : 300
            }
        }
        return plane
    }

    /// A clock time read without its AM/PM: two letters after a word space (1.1 glyph heights) are covered.
    @Test func aMeridiemAfterAWordSpaceIsCoveredAfterATime() throws {
        let time = Array(stride(from: 10, through: 50, by: 5))
        let frame = line(letters: time + [66, 71])
        #expect(tail(frame) == nil)  // a word space ends any other value
        let extra = try #require(tail(frame, kind: .spacedWord))
        #expect(extra.x == read.maxX && extra.maxX >= 75 && extra.maxX <= 75 + 3)
    }

    /// Before a name, an initial with its dot a word space away ("B. McAllister", the "B." unread) is
    /// covered when looking across a space; a plain head stops at the space.
    @Test func anInitialAWordSpaceBeforeANameIsCoveredAcrossTheSpace() throws {
        let name = TextBox(x: 52, y: 10, width: 44, height: 12)
        let frame = line(letters: [36] + Array(stride(from: 52, through: 92, by: 5)), dots: [41])
        var tail = ValueTail(plane: frame, polarity: .lightOnDark, glyphHeight: 12, radius: 4)
        #expect(tail.head(before: name) == nil)
        tail.kind = .spacedWord
        let head = try #require(tail.head(before: name))
        #expect(head.maxX == name.x && head.x <= 36 && head.x >= 36 - 3)
        // a longer word there is other text
        let word = line(letters: Array(stride(from: 6, through: 36, by: 5)) + Array(stride(from: 52, through: 92, by: 5)))
        var other = ValueTail(plane: word, polarity: .lightOnDark, glyphHeight: 12, radius: 4)
        other.kind = .spacedWord
        #expect(other.head(before: name) == nil)
        // the end of a longer word, after a gap inside it (a monospaced "i"), is no initial: "Mari|sol Delacroix"
        let piece = line(letters: [2, 7, 12, 22, 27, 32] + Array(stride(from: 51, through: 91, by: 5)))
        var end = ValueTail(plane: piece, polarity: .lightOnDark, glyphHeight: 12, radius: 4)
        end.kind = .spacedWord
        #expect(end.head(before: TextBox(x: 51, y: 10, width: 44, height: 12)) == nil)
        // a bright streak of the image running through the row, above and below it, is no initial
        var streak = line(letters: Array(stride(from: 52, through: 92, by: 5)))
        for y in 2..<30 { for x in 36...37 { streak.pixels[y * streak.width + x] = 1100 } }
        var image = ValueTail(plane: streak, polarity: .lightOnDark, glyphHeight: 12, radius: 4)
        image.kind = .spacedWord
        #expect(image.head(before: name) == nil)
    }

    /// A title whose dot a monospaced font sets apart ("Dr." with a letter gap and more before its dot) is
    /// covered whole before a name: the dot, seen first looking back, is a mark and not yet the word.
    @Test func aTitleWithItsDotSetApartIsCoveredBeforeAName() throws {
        let name = TextBox(x: 52, y: 10, width: 44, height: 12)
        let frame = line(letters: [22, 27] + Array(stride(from: 52, through: 92, by: 5)), dots: [37])
        var tail = ValueTail(plane: frame, polarity: .lightOnDark, glyphHeight: 12, radius: 4)
        tail.kind = .spacedWord
        let head = try #require(tail.head(before: name))
        #expect(head.maxX == name.x && head.x <= 22 && head.x >= 22 - 3)
        // a dot alone there is no title
        var dot = ValueTail(plane: line(letters: Array(stride(from: 52, through: 92, by: 5)), dots: [37]), polarity: .lightOnDark,
                            glyphHeight: 12, radius: 4)
        dot.kind = .spacedWord
        #expect(dot.head(before: name) == nil)
    }

    /// A meridiem whose letters touch all along ("PM" in a monospaced font: strokes in every column for 16
    /// pixels, more than 1.2 glyph heights) is covered as a short word; as the rest of a value, such a run is an edge.
    @Test func aMeridiemOfTouchingLettersIsCovered() throws {
        let time = Array(stride(from: 10, through: 50, by: 5))
        var frame = line(letters: time)
        for y in 10..<22 { for x in 66..<82 where x % 3 == 0 || y < 12 { frame.pixels[y * frame.width + x] = 1100 } }
        let extra = try #require(tail(frame, kind: .spacedWord))
        #expect(extra.x == read.maxX && extra.maxX >= 82 && extra.maxX <= 82 + 3)
        var touching = line(letters: [])
        for y in 10..<22 { for x in 56..<72 where x % 3 == 0 || y < 12 { touching.pixels[y * touching.width + x] = 1100 } }
        #expect(tail(touching) == nil)
    }

    /// After a time, dots or a dash are decoration, and a longer word is other text.
    @Test func dotsOrALongerWordAfterATimeAreNoMeridiem() {
        let time = Array(stride(from: 10, through: 50, by: 5))
        #expect(tail(line(letters: time, dots: [66, 70, 74]), kind: .spacedWord) == nil)
        #expect(tail(line(letters: time + Array(stride(from: 66, through: 96, by: 5))), kind: .spacedWord) == nil)
    }

    /// A value OCR did not read after its label (the label's letters to x = 53): its words, a word space from
    /// the label and from each other, are covered from their ink (not the space after the label) to the last
    /// stroke and a quarter of a glyph height more, as far as a wider gap; a plain tail stops at the space.
    @Test func aWholeValueAfterItsLabelIsCoveredFromItsInk() throws {
        let label = Array(stride(from: 10, through: 50, by: 5))
        let value = Array(stride(from: 66, through: 86, by: 5)) + Array(stride(from: 101, through: 116, by: 5))
        let frame = line(letters: label + value + [150], width: 200)
        #expect(tail(frame) == nil)
        let extra = try #require(tail(frame, kind: .value))
        #expect(extra.x >= read.maxX + 5 && extra.x <= 66)
        #expect(extra.maxX >= 120 && extra.maxX <= 120 + 3)
        #expect(extra.y == read.y && extra.height == read.height)
    }

    /// Nothing after the label, a bar along the row (no letter's height) or letters past the label's widest
    /// space: no value.
    @Test func noValueWhereNoLettersFollowTheLabel() {
        let label = Array(stride(from: 10, through: 50, by: 5))
        #expect(tail(line(letters: label, width: 200), kind: .value) == nil)
        var bar = line(letters: label, width: 200)
        for y in 13..<17 { for x in 66..<120 { bar.pixels[y * bar.width + x] = 1100 } }
        #expect(tail(bar, kind: .value) == nil)
        #expect(tail(line(letters: label + [80, 85], width: 200), kind: .value) == nil)
    }
}
