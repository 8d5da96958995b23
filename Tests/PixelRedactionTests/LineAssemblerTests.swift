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
}
