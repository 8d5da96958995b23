import DicomCore
import PHIDetection
@testable import PixelRedaction
import Testing

/// The memo answers a picture seen before from memory and nothing else: a counting stand-in shows
/// when the engine behind it is asked; the real engine shows the remembered answer is OCR's own.
@Suite struct MemoizingOCREngineTests {
    /// Answers with the image's first pixel value as text, and counts the calls.
    final class Counting: OCREngine {
        let name = "counting"
        var calls = 0
        func recognize(_ image: RenderedImage, region: TextBox, hints: OCRHints) throws -> [OCRWord] {
            calls += 1
            return [OCRWord(text: "\(image.pixels[0])", box: region, confidence: 0.9, line: 0)]
        }
    }

    func image(_ value: UInt8, width: Int = 40, height: Int = 10) -> RenderedImage {
        RenderedImage(width: width, height: height, channels: 1, pixels: [UInt8](repeating: value, count: width * height))
    }

    @Test func theSamePictureIsReadOnce() throws {
        let base = Counting()
        let memo = MemoizingOCREngine(base)
        let whole = TextBox(x: 0, y: 0, width: 40, height: 10)
        let first = try memo.recognize(image(7), region: whole, hints: OCRHints())
        let again = try memo.recognize(image(7), region: whole, hints: OCRHints())
        #expect(first == again)
        #expect(base.calls == 1)
        #expect((memo.hits, memo.misses) == (1, 1))
    }

    @Test func aPictureDifferingInOnePixelRegionOrHintIsReadAgain() throws {
        let base = Counting()
        let memo = MemoizingOCREngine(base)
        let whole = TextBox(x: 0, y: 0, width: 40, height: 10)
        var changed = image(7)
        changed.pixels[399] = 8
        _ = try memo.recognize(image(7), region: whole, hints: OCRHints())
        _ = try memo.recognize(changed, region: whole, hints: OCRHints())
        _ = try memo.recognize(image(7), region: TextBox(x: 0, y: 0, width: 39, height: 10), hints: OCRHints())
        _ = try memo.recognize(image(7), region: whole, hints: OCRHints(glyphHeight: 9))
        _ = try memo.recognize(image(7, width: 20, height: 20), region: whole, hints: OCRHints())
        #expect(base.calls == 5)
        #expect(memo.hits == 0)
    }

    @Test func memoryIsBoundedByLettingTheOlderGenerationGo() throws {
        let base = Counting()
        let memo = MemoizingOCREngine(base, capacity: 1000)  // two 400-byte pictures per generation
        let whole = TextBox(x: 0, y: 0, width: 40, height: 10)
        for value: UInt8 in [1, 2, 3, 4, 5] { _ = try memo.recognize(image(value), region: whole, hints: OCRHints()) }
        #expect(base.calls == 5)
        // generations: older {3, 4}, recent {5}; 1 and 2 were let go
        _ = try memo.recognize(image(4), region: whole, hints: OCRHints())
        #expect(base.calls == 5)
        _ = try memo.recognize(image(1), region: whole, hints: OCRHints())
        #expect(base.calls == 6)
    }

    @Test func errorsAreNotRemembered() throws {
        final class FailingOnce: OCREngine {
            let name = "failing once"
            var failed = false
            func recognize(_ image: RenderedImage, region: TextBox, hints: OCRHints) throws -> [OCRWord] {
                if !failed {
                    failed = true
                    throw PixelRedactionError.ocrFailed(engine: name, region: "\(region)", reason: "test")
                }
                return []
            }
        }
        let memo = MemoizingOCREngine(FailingOnce())
        let whole = TextBox(x: 0, y: 0, width: 40, height: 10)
        #expect(throws: PixelRedactionError.self) { try memo.recognize(image(7), region: whole, hints: OCRHints()) }
        #expect(try memo.recognize(image(7), region: whole, hints: OCRHints()).isEmpty)
    }

    /// With Tesseract behind it: the remembered words are those OCR gives the picture afresh.
    @Test func rememberedWordsAreTesseractsOwnReading() throws {
        var grey = SyntheticFrames.monochrome(rows: 40, columns: 260, bits: 8, fill: 10)
        SyntheticFrames.draw("MRN 4815162342", at: 30, 12, scale: 2, value: 240, into: &grey)
        let picture = RenderedImage(width: 260, height: 40, channels: 1, pixels: grey.data)
        let region = TextBox(x: 20, y: 4, width: 200, height: 30)
        let memo = MemoizingOCREngine(try TesseractEngine())
        let first = try memo.recognize(picture, region: region)
        let remembered = try memo.recognize(picture, region: region)
        let fresh = try TesseractEngine().recognize(picture, region: region)
        #expect(first.map(\.text).joined(separator: " ").contains("4815162342"))
        #expect(remembered == fresh)
        #expect((memo.hits, memo.misses) == (1, 1))
    }
}
