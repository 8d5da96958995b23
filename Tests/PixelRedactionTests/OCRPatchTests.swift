import DicomCore
import PHIDetection
@testable import PixelRedaction
import Testing

@Suite struct OCRPatchTests {
    /// A line found in a level-run plane is cut from the frame's samples: its strokes' pixels off the level (the
    /// grainy fifth, white in the runs) come out dark as well, so OCR sees whole letters, not the runs' pieces.
    @Test func aLineFoundInLevelRunsIsCutFromTheSamples() throws {
        let (frames, text, ink) = SyntheticFrames.faintTextOnGrain("04-11-1956", rows: 60, columns: 240, at: 20, 20, scale: 2, seed: 3)
        let image = TextSearchImage(frames, frame: 0, renderer: FrameRenderer())
        let region = try #require(TextRegionFinder().regions(in: image).first { image.levelRunSources[$0.plane] != nil })
        let patch = try #require(OCRPatch(region: region, in: image, view: .levels))
        var offLevel = 0, dark = 0
        for r in text.y..<text.maxY {
            for c in text.x..<text.maxX where ink.sample(frame: 0, row: r, column: c) == 255 && !SyntheticFrames.isAtLevel(r, c) {
                let x = c - patch.origin.x, y = r - patch.origin.y
                guard x >= 0, x < patch.image.width, y >= 0, y < patch.image.height else { continue }
                offLevel += 1
                if patch.image.pixels[y * patch.image.width + x] < 128 { dark += 1 }
            }
        }
        #expect(offLevel > 50)
        #expect(dark * 10 >= offLevel * 8, "\(dark) of \(offLevel) dark")
    }
}
