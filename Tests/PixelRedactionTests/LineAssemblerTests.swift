import DicomCore
import PHIDetection
@testable import PixelRedaction
import Testing

/// How finds of one line in several thresholds become one region, and what OCR then reads of it.
@Suite struct LineAssemblerTests {
    func find(_ x: Int, width: Int, glyphs: Int, contrast: Int, level: Int) -> TextRegion {
        let glyphWidth = width / glyphs
        return TextRegion(box: TextBox(x: x, y: 20, width: width, height: 14), polarity: .lightOnDark, glyphHeight: 14,
                          glyphs: (0..<glyphs).map { TextBox(x: x + $0 * glyphWidth, y: 20, width: glyphWidth - 2, height: 14) },
                          contrast: contrast, glyphLevel: level, plane: 0)
    }

    /// A short label on black found strongly, the whole line (label and a value over grey anatomy)
    /// found at a lower threshold: one region, read with the weaker find's contrast so the value is
    /// not windowed away, covering both finds.
    @Test func findsOfOneLineMergeAtTheWeakerContrast() {
        let label = find(5, width: 60, glyphs: 6, contrast: 4000, level: 4000)
        let line = find(5, width: 200, glyphs: 20, contrast: 1500, level: 4000)
        let merged = LineAssembler.merge([label, line])
        #expect(merged.count == 1)
        #expect(merged.first?.contrast == 1500)
        #expect(merged.first?.box == TextBox(x: 5, y: 20, width: 200, height: 14))
        #expect(Set(merged.first?.glyphs ?? []) == Set(label.glyphs + line.glyphs))
    }

    /// The same on a frame, read by Tesseract: the label on black, the value drawn in the same
    /// level over grey (its contrast a third of the label's).
    @Test func aValueOverGreyBesideALabelOnBlackIsRead() throws {
        var frames = SyntheticFrames.monochrome(rows: 80, columns: 260, bits: 12, fill: 0)
        for row in 0..<80 { for column in 75..<260 { frames.setSample(2600, frame: 0, row: row, column: column) } }
        SyntheticFrames.draw("PHONE 555-6083", at: 10, 30, scale: 2, value: 4000, into: &frames)
        let engine = try TesseractEngine()
        let text = try FrameReader(finder: TextRegionFinder()).read(frames, frame: 0, renderer: FrameRenderer(), engine: engine)
        // (this bitmap font's slashed zero reads as 8)
        #expect(text.words.map(\.text).joined(separator: " ").contains("555-6"))
    }

    /// A region with the given box, glyph height and evidence (regular: one height and level, lined up).
    func region(_ box: TextBox, _ polarity: TextRegion.Polarity, glyphHeight: Int, glyphs: Int, regular: Bool) -> TextRegion {
        var region = TextRegion(box: box, polarity: polarity, glyphHeight: glyphHeight,
                                glyphs: (0..<glyphs).map { TextBox(x: box.x + $0 * 20, y: box.y, width: 16, height: glyphHeight) },
                                contrast: 200, glyphLevel: 250, plane: 0)
        region.evidence.glyphCount = glyphs
        region.evidence.alignment = regular ? 1 : 0.6
        region.evidence.heightSpread = regular ? 0 : 0.4
        region.evidence.levelSpread = regular ? 0 : 0.2
        region.evidence.plateau = regular ? 0.84 : 0.4
        return region
    }

    /// A line of bold capitals under ultrasound speckle that touches the tops of its letters: found whole
    /// (23 px glyphs, one height and level, lined up; its finds at several thresholds merged), and also as
    /// the lower halves of its letters and as the gaps between them (in the other polarity), which
    /// together cover most of it. It is one line,
    /// not a loose find spanning two: it stands beside its pieces.
    @Test func aRegularLineStandsThoughItsPiecesCoverIt() {
        let line = region(TextBox(x: 123, y: 274, width: 204, height: 31), .lightOnDark, glyphHeight: 23, glyphs: 7, regular: true)
        let lowerHalves = region(TextBox(x: 196, y: 294, width: 107, height: 11), .lightOnDark, glyphHeight: 10, glyphs: 4, regular: true)
        let gaps = region(TextBox(x: 134, y: 280, width: 175, height: 16), .darkOnLight, glyphHeight: 8, glyphs: 5, regular: false)
        let kept = LineAssembler.withoutSpanningFinds([line, lowerHalves, gaps])
        #expect(kept.contains { $0.box == line.box })
        // a loose find over the same two (letters of uneven height and level) is dropped
        let loose = region(line.box, .lightOnDark, glyphHeight: 23, glyphs: 7, regular: false)
        #expect(!LineAssembler.withoutSpanningFinds([loose, lowerHalves, gaps]).contains { $0.box == line.box })
        // and so is a regular-looking find of the gaps between the letters of two lines set one above the other
        let upper = region(TextBox(x: 209, y: 6, width: 136, height: 16), .lightOnDark, glyphHeight: 12, glyphs: 7, regular: true)
        let lower = region(TextBox(x: 209, y: 26, width: 108, height: 13), .lightOnDark, glyphHeight: 12, glyphs: 10, regular: true)
        let both = region(TextBox(x: 209, y: 6, width: 136, height: 33), .darkOnLight, glyphHeight: 30, glyphs: 7, regular: true)
        #expect(LineAssembler.withoutSpanningFinds([upper, lower, both]).map(\.box) == [lower.box, upper.box])
    }
}
