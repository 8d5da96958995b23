import PHIDetection
@testable import PixelRedaction
import Testing

/// How far the painted box of a value is carried down over its letters' descenders.
@Suite struct ValueFootTests {
    /// A row of 6-pixel-wide, 12-pixel-tall light "o"-like letters (a box outline) every 10 pixels from x = 10,
    /// rows 10-21, on a background of 100; the letters at `descending` indices have a 2-pixel stem going on
    /// `descent` rows below row 21 (a "p", a "y").
    func plane(descending: Set<Int>, descent: Int, width: Int = 120, height: Int = 40) -> SamplePlane {
        var plane = SamplePlane(width: width, height: height)
        for index in 0..<plane.pixels.count { plane.pixels[index] = 100 }
        for letter in 0..<8 {
            let x0 = 10 + 10 * letter
            for y in 10..<22 {
                for x in x0..<(x0 + 6) where y < 12 || y >= 20 || x < x0 + 2 || x >= x0 + 4 {
                    plane.pixels[y * width + x] = 900
                }
            }
            if descending.contains(letter) {
                for y in 22..<(22 + descent) { for x in x0..<(x0 + 2) { plane.pixels[y * width + x] = 900 } }
            }
        }
        return plane
    }

    /// The box OCR's patch gave: to the baseline (rows 10-21).
    let box = TextBox(x: 10, y: 10, width: 76, height: 12)

    func rows(_ plane: SamplePlane) -> Int {
        ValueFoot(plane: plane, polarity: .lightOnDark, glyphHeight: 12, radius: 4).rows(below: box)
    }

    @Test func descendersBelowTheBoxAreCovered() {
        #expect(rows(plane(descending: [2, 5], descent: 4)) == 4)
    }

    /// Letters taller than the box fitted to small letters ("85" of "85 yrs" at the height of "yrs"): their tops
    /// above it are covered the same way.
    @Test func topsAboveTheBoxAreCovered() {
        let small = TextBox(x: 10, y: 13, width: 76, height: 9)  // rows 13-21: the letters stand from row 10
        var tall = plane(descending: [], descent: 0)
        // only the first two letters reach up to row 10: the others start at row 13
        for letter in 2..<8 { for y in 10..<13 { for x in (10 + 10 * letter)..<(16 + 10 * letter) { tall.pixels[y * tall.width + x] = 100 } } }
        for letter in 2..<8 { for x in (10 + 10 * letter)..<(16 + 10 * letter) { tall.pixels[13 * tall.width + x] = 900 } }
        #expect(ValueFoot(plane: tall, polarity: .lightOnDark, glyphHeight: 12, radius: 4).rows(above: small) == 3)
        #expect(ValueFoot(plane: tall, polarity: .lightOnDark, glyphHeight: 12, radius: 4).rows(below: small) == 0)
    }

    /// A box reaching past the plane's edge is looked at where it lies in the plane; one just beyond the edge
    /// (within the top-hat's radius of it) or below the plane gets nothing, and no crash.
    @Test func boxesAtOrBeyondThePlanesEdgeAreTakenAsTheyLie() {
        let letters = plane(descending: [7], descent: 4, width: 90)
        let foot = ValueFoot(plane: letters, polarity: .lightOnDark, glyphHeight: 12, radius: 4)
        #expect(foot.rows(below: TextBox(x: 60, y: 10, width: 40, height: 12)) == 4)
        #expect(foot.rows(below: TextBox(x: 92, y: 10, width: 20, height: 12)) == 0)
        #expect(foot.rows(below: TextBox(x: -30, y: 10, width: 20, height: 12)) == 0)
        #expect(foot.rows(above: TextBox(x: 10, y: 50, width: 20, height: 12)) == 0)
    }

    @Test func nothingIsAddedWithoutDescenders() {
        #expect(rows(plane(descending: [], descent: 0)) == 0)
        // one row below is the glyphs' antialiased edge, which the padding covers
        #expect(rows(plane(descending: [2, 5], descent: 1)) == 0)
        #expect(rows(plane(descending: [2, 5], descent: 2)) == 2)
    }

    /// Strokes going on further than half a glyph height are no descenders (an edge of the image).
    @Test func strokesRunningOnAreNoDescenders() {
        #expect(rows(plane(descending: [2], descent: 12)) == 0)
    }

    /// Strokes beginning again right after the descenders end are the next line's tops: nothing is added.
    @Test func theNextLinesTopsRightAfterAreNoDescenders() {
        var touching = plane(descending: [2], descent: 3)
        for x in 30..<32 { touching.pixels[(22 + 4) * touching.width + x] = 900 }
        #expect(rows(touching) == 0)
        var spaced = plane(descending: [2], descent: 3)
        for x in 30..<32 { spaced.pixels[(22 + 6) * spaced.width + x] = 900 }
        #expect(rows(spaced) == 3)
    }

    /// The planner grows a PHI value's painted box over its descenders in the frame, short of a word read
    /// below it (by the padding); a box of a word kept is not grown.
    @Test func thePlannerGrowsAPaintedValueOverItsDescenders() throws {
        let source = plane(descending: [2, 5], descent: 4)
        var frames = SyntheticFrames.monochrome(rows: source.height, columns: source.width, bits: 16, stored: 12)
        for y in 0..<source.height { for x in 0..<source.width { frames.setSample(Int(source[x, y]), frame: 0, row: y, column: x) } }
        let image = TextSearchImage(monochrome: frames, frame: 0)
        var text = FrameText()
        text.regions = [TextRegion(box: box, polarity: .lightOnDark, glyphHeight: 12, glyphs: [])]
        let planner = RedactionPlanner(detector: try PHIDetector(), options: RedactionOptions(padding: 2))
        func grown(_ decision: PixelFinding.Decision, wordBelowAt y: Int? = nil) -> TextBox? {
            text.words = y.map { [OCRWord(text: "Axial", box: TextBox(x: 10, y: $0, width: 40, height: 10), confidence: 0.95, line: 1)] } ?? []
            var entries = [RedactionPlanner.Entry(finding: PixelFinding(frame: 0, box: box, type: .name, confidence: 0.8,
                                                                         recognizer: "name-lexicon", decision: decision),
                                                  paint: decision == .redacted ? [box] : [])]
            planner.extendFeet(&entries, text: text, image: image, radius: 4)
            return entries[0].paint.first
        }
        #expect(grown(.redacted)?.maxY == box.maxY + 4)
        #expect(grown(.redacted, wordBelowAt: box.maxY + 5)?.maxY == box.maxY + 2)
        #expect(grown(.belowThreshold) == nil)
    }

    /// Text on the next row, or letters cut higher up: strokes across many columns below the box.
    @Test func denseStrokesBelowAreNoDescenders() {
        var dense = plane(descending: [], descent: 0)
        for y in 22..<24 { for x in 10..<86 where x % 10 < 6 { dense.pixels[y * dense.width + x] = 900 } }
        #expect(rows(dense) == 0)
    }
}
