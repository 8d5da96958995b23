import DicomCore
import Foundation
import PHIDetection
@testable import PixelRedaction
import Testing

@Suite struct TesseractEngineTests {
    @Test func anEngineThatCannotLoadItsLanguageRefusesToStart() {
        var options = TesseractEngine.Options()
        options.dataPath = "/nonexistent/tessdata"
        #expect(throws: PixelRedactionError.self) { try TesseractEngine(options: options) }
    }

    @Test func syntheticTextIsReadWithBoxesInImageCoordinates() throws {
        var grey = SyntheticFrames.monochrome(rows: 40, columns: 260, bits: 8, fill: 10)
        let text = SyntheticFrames.draw("MRN 4815162342", at: 30, 12, scale: 2, value: 240, into: &grey)
        let image = RenderedImage(width: 260, height: 40, channels: 1, pixels: grey.data)
        let region = TextBox(x: 20, y: 4, width: 200, height: 30)
        let words = try TesseractEngine().recognize(image, region: region)
        #expect(words.map(\.text).joined(separator: " ").contains("4815162342"))
        for word in words {
            #expect(word.box.x >= region.x - 1 && word.box.maxX <= region.maxX + 1)
            #expect(word.box.intersects(text))
        }
    }

    /// Faint text drawn at one value into a radiograph's grain (`SyntheticFrames.faintTextOnGrain`) is found in its
    /// level runs and read.
    @Test func faintTextOnGrainIsRead() throws {
        let (frames, text, _) = SyntheticFrames.faintTextOnGrain("04-11-1956", rows: 60, columns: 240, at: 20, 20, scale: 2, seed: 3)
        let read = try FrameReader(finder: TextRegionFinder()).read(frames, frame: 0, renderer: FrameRenderer(), engine: TesseractEngine())
        #expect(read.words.map(\.text).joined(separator: " ").contains("1956"), "\(read.words.map(\.text))")
        #expect(read.regionInk.joined().allSatisfy { $0.intersects(text) })
    }

    /// A picture read surely is read once; a doubtful one (text a quarter of the grey scale above its
    /// background, overdrawn by noise) is read again another way, and the most confident reading,
    /// which `recognize` answers, comes first.
    @Test func aDoubtfulPictureIsReadSeveralWaysTheMostConfidentFirst() throws {
        let engine = try TesseractEngine()
        var clear = SyntheticFrames.monochrome(rows: 40, columns: 260, bits: 8, fill: 10)
        SyntheticFrames.draw("MRN 4815162342", at: 30, 12, scale: 2, value: 240, into: &clear)
        let region = TextBox(x: 20, y: 4, width: 200, height: 30)
        let sure = try engine.readings(RenderedImage(width: 260, height: 40, channels: 1, pixels: clear.data), region: region, hints: OCRHints())
        #expect(sure.count == 1)
        var faint = SyntheticFrames.monochrome(rows: 40, columns: 260, bits: 8, fill: 100)
        SyntheticFrames.draw("049Y", at: 30, 14, scale: 1, value: 140, into: &faint)
        faint.data = faint.data.enumerated().map { $1 &+ UInt8((($0 &* 7919) ^ ($0 >> 3)) % 31) }  // fixed noise
        let image = RenderedImage(width: 260, height: 40, channels: 1, pixels: faint.data)
        let doubtful = try engine.readings(image, region: region, hints: OCRHints())
        #expect(doubtful.count > 1)
        #expect(doubtful[0] == (try engine.recognize(image, region: region)))
        #expect(doubtful.dropFirst().allSatisfy { $0.readingConfidence <= doubtful[0].readingConfidence })
    }

    @Test(.enabled(if: SharedData.hasDevPixels))
    func burnedInTextOfADevelopmentImageIsReadAtItsTruthBox() throws {
        let image = try DevSetImage.named("MR/img015.dcm")
        let item = try #require(image.truth.items.first { $0.text == "ACC 215001288" })
        let instance = try Instance(contentsOf: image.inputPath)
        let render = FrameRenderer(dataset: instance.dataset).render(try instance.decodePixels(), frame: 0)
        let region = item.textBox.insetBy(dx: 8, dy: 3)
        let words = try TesseractEngine().recognize(render, region: region)
        #expect(words.map(\.text).joined(separator: " ") == item.text)
        let read = words.dropFirst().reduce(words[0].box) { $0.union($1.box) }
        #expect(abs(read.x - item.textBox.x) <= 3 && abs(read.maxX - item.textBox.maxX) <= 3)
        #expect(abs(read.y - item.textBox.y) <= 3)
    }
}
