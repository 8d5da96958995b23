import DicomCore
import Foundation
import PHIDetection
@testable import PixelRedaction
import Testing

@Suite struct PixelRedactorTests {
    @Test(.enabled(if: SharedData.hasDevPixels))
    func allTextModeHidesEveryTextItemOfADevelopmentImage() throws {
        let image = try DevSetImage.named("CT/img017.dcm")
        let instance = try Instance(contentsOf: image.inputPath)
        let burned = try instance.decodePixels()
        let clean = try Instance(contentsOf: "\(image.set)/truth/CT/img017.clean.dcm").decodePixels()
        var frames = burned
        let result = try PixelRedactor(options: RedactionOptions(mode: .allText))
            .redact(&frames, renderer: FrameRenderer(dataset: instance.dataset), context: .empty, engine: TesseractEngine())
        #expect(result.modified)
        #expect(result.framesRecognized == 1)
        for item in image.truth.items {
            var glyphs = 0, changed = 0
            let box = item.textBox
            for row in box.y..<box.maxY {
                for column in box.x..<box.maxX where burned.sample(frame: 0, row: row, column: column) != clean.sample(frame: 0, row: row, column: column) {
                    glyphs += 1
                    if frames.sample(frame: 0, row: row, column: column) != burned.sample(frame: 0, row: row, column: column) { changed += 1 }
                }
            }
            #expect(glyphs > 0 && 100 * changed >= 98 * glyphs, "\(item.text): \(changed) of \(glyphs) glyph pixels changed")
        }
        #expect(result.findings.allSatisfy { $0.text == nil })
    }

    @Test func identicalFramesAreReadOnceAndRedactedAlike() throws {
        var frames = SyntheticFrames.monochrome(rows: 48, columns: 220, bits: 8, frames: 3, fill: 0)
        for frame in 0..<3 { SyntheticFrames.draw("PATIENT 0042", at: 8, 10, scale: 2, value: 255, into: &frames, frame: frame) }
        let result = try PixelRedactor(options: RedactionOptions(mode: .allText))
            .redact(&frames, renderer: FrameRenderer(), context: .empty, engine: TesseractEngine())
        #expect(result.framesRecognized == 1 && result.framesReused == 2)
        #expect(frames.frameRange(0).map { frames.data[$0] } == frames.frameRange(2).map { frames.data[$0] })
        #expect((0..<48).allSatisfy { row in (0..<220).allSatisfy { frames.sample(frame: 1, row: row, column: $0) == 0 } })
    }

    @Test func framesWithoutTextAreSkippedWithoutOCR() throws {
        var frames = SyntheticFrames.monochrome(rows: 32, columns: 32, bits: 8, frames: 2, fill: 70)
        frames.setSample(90, frame: 1, row: 3, column: 3)
        let result = try PixelRedactor().redact(&frames, renderer: FrameRenderer(), context: .empty, engine: TesseractEngine())
        #expect(result.framesSkipped == 2 && result.framesRecognized == 0 && !result.modified)
    }

    @Test func sensitiveModeHidesAnIdentifierAndKeepsTechnicalText() throws {
        var frames = SyntheticFrames.monochrome(rows: 70, columns: 260, bits: 8, fill: 0)
        let id = SyntheticFrames.draw("MRN 4815162342", at: 8, 8, scale: 2, value: 255, into: &frames)
        let technical = SyntheticFrames.draw("TI 0.4", at: 8, 40, scale: 2, value: 255, into: &frames)
        let original = frames
        var options = RedactionOptions(mode: .sensitive)
        options.includeText = true
        let result = try PixelRedactor(options: options).redact(&frames, renderer: FrameRenderer(), context: .empty,
                                                                engine: TesseractEngine())
        let redacted = try #require(result.redacted.first)
        #expect(redacted.text?.contains("4815162342") == true && redacted.type == .identifier)
        #expect(redacted.box.intersects(id))
        let changedInTechnical = (technical.y..<technical.maxY).flatMap { r in (technical.x..<technical.maxX).map { (r, $0) } }
            .filter { frames.sample(frame: 0, row: $0.0, column: $0.1) != original.sample(frame: 0, row: $0.0, column: $0.1) }
        #expect(changedInTechnical.isEmpty)
    }

    @Test func deviceRuleBoxesArePaintedOnEveryFrameWithoutOCR() throws {
        var frames = SyntheticFrames.monochrome(rows: 16, columns: 16, bits: 8, frames: 2, fill: 100)
        frames.setSample(0, frame: 0, row: 15, column: 15)
        let result = try PixelRedactor(options: RedactionOptions(padding: 0))
            .redact(&frames, renderer: FrameRenderer(), context: .empty, engine: TesseractEngine(),
                    fixedBoxes: [TextBox(x: 0, y: 0, width: 4, height: 2)])
        #expect(result.redacted.count == 2 && result.redacted.allSatisfy { $0.recognizer == "device-rule" })
        #expect(frames.sample(frame: 1, row: 1, column: 3) == 0 && frames.sample(frame: 1, row: 2, column: 3) == 100)
        // what was painted, per frame, is handed on to verification
        #expect(result.painted == [0: [TextBox(x: 0, y: 0, width: 4, height: 2)], 1: [TextBox(x: 0, y: 0, width: 4, height: 2)]])
    }

    @Test func offModeChangesNothing() throws {
        var frames = SyntheticFrames.monochrome(bits: 8, fill: 9)
        let result = try PixelRedactor(options: RedactionOptions(mode: .off))
            .redact(&frames, renderer: FrameRenderer(), context: .empty, engine: TesseractEngine(), fixedBoxes: [TextBox(x: 0, y: 0, width: 2, height: 2)])
        #expect(!result.modified && result.findings.isEmpty && frames.sample(frame: 0, row: 0, column: 0) == 9)
    }
}
