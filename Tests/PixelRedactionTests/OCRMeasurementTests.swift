import DicomCore
import Foundation
import PHIDetection
@testable import PixelRedaction
import Testing

/// OCR quality on the development set (run with PIXEL_MEASURE=1): for every truth item, the words
/// OCR reads inside its box, compared with its text.
@Suite(.enabled(if: ProcessInfo.processInfo.environment["PIXEL_MEASURE"] != nil && SharedData.hasDevPixels))
struct OCRMeasurementTests {
    @Test func ocrReadsTheDevelopmentSet() throws {
        let env = ProcessInfo.processInfo.environment
        var options = TesseractEngine.Options()
        if let t = env["OCR_TARGET"].flatMap(Int.init) { options.preprocessing.targetGlyphHeight = t }
        if env["OCR_BINARIZE"] != nil { options.preprocessing.binarize = true }
        let engine = try TesseractEngine(options: options)
        let finder = TextRegionFinder()
        var exact = 0, close = 0, total = 0, regions = 0, seconds = 0.0
        for image in try DevSetImage.all(in: SharedData.devPixels) {
            let instance = try Instance(contentsOf: image.inputPath)
            let pixels = try instance.decodePixels()
            let renderer = FrameRenderer(dataset: instance.dataset)
            for frame in 0..<pixels.frameCount {
                let search = pixels.description.photometric.isMonochrome
                    ? TextSearchImage(monochrome: pixels, frame: frame, windowWidth: renderer.window.map { $0.width / abs(renderer.rescaleSlope) })
                    : TextSearchImage(rendered: renderer.render(pixels, frame: frame))
                var words: [OCRWord] = []
                let start = Date()
                for region in finder.regions(in: search) {
                    guard let patch = OCRPatch(region: region, in: search) else { continue }
                    regions += 1
                    if let dump = env["OCR_DUMP"], image.relativePath.contains(env["OCR_DUMP_MATCH"] ?? "#"),
                       let prepared = options.preprocessing.prepare(patch.image, region: TextBox(x: 0, y: 0, width: patch.image.width, height: patch.image.height),
                                                                    hints: region.patchHints) {
                        let p = prepared.plane
                        try RasterImage.writePNG(RenderedImage(width: p.width, height: p.height, channels: 1, pixels: p.pixels),
                                                 to: "\(dump)/\(image.relativePath.replacingOccurrences(of: "/", with: "_"))_f\(frame)_\(region.box.x)_\(region.box.y).png", dpi: 0)
                    }
                    let found = try engine.recognize(patch.image, region: TextBox(x: 0, y: 0, width: patch.image.width, height: patch.image.height),
                                                     hints: region.patchHints)
                    words += found.map(patch.toFrame)
                    if image.relativePath.contains(env["OCR_DUMP_MATCH"] ?? "#") {
                        print("REG \(image.relativePath) f\(frame) \(region.box) h=\(region.glyphHeight) → \(found.map { "\($0.text)(\(String(format: "%.2f", $0.confidence)))" }.joined(separator: " "))")
                    }
                }
                seconds += Date().timeIntervalSince(start)
                words = words.deduplicated()
                for item in image.truth.items where item.frames.contains(frame) {
                    let box = item.textBox
                    let inside = words.filter { w in
                        guard let common = w.box.intersection(box) else { return false }
                        return common.area * 2 >= w.box.area
                    }.sorted { $0.box.x < $1.box.x }
                    let read = inside.map(\.text).joined(separator: " ")
                    total += 1
                    let a = item.text.filter { !$0.isWhitespace }, b = read.filter { !$0.isWhitespace }
                    if a == b { exact += 1 } else if Self.distance(Array(a), Array(b)) <= max(1, a.count / 5) { close += 1 }
                    if a != b, env["OCR_VERBOSE"] != nil {
                        print("OCR \(image.relativePath) f\(frame) \(item.phi ? "PHI" : "   ") \(item.text) → \(read) \(inside.map { String(format: "%.2f", $0.confidence) })")
                    }
                }
            }
        }
        print("ocr: exact \(exact)/\(total), close \(close), \(regions) regions in \(String(format: "%.2f", seconds)) s (\(String(format: "%.1f", seconds * 1000 / Double(max(regions, 1)))) ms/region)")
    }

    static func distance(_ a: [Character], _ b: [Character]) -> Int {
        var previous = Array(0...b.count)
        for i in 1...max(a.count, 1) where !a.isEmpty {
            var current = [i] + [Int](repeating: 0, count: b.count)
            for j in 1...max(b.count, 1) where !b.isEmpty {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return a.isEmpty ? b.count : previous[b.count]
    }

    @Test func readOneFrame() throws {
        let env = ProcessInfo.processInfo.environment
        guard let target = env["OCR_FRAME"] else { return }  // "US/img028.dcm:0"
        let parts = target.split(separator: ":")
        let image = try DevSetImage.named(String(parts[0]))
        let instance = try Instance(contentsOf: image.inputPath)
        let pixels = try instance.decodePixels()
        let text = try FrameReader(finder: TextRegionFinder()).read(pixels, frame: Int(parts[1]) ?? 0,
                                                                     renderer: FrameRenderer(dataset: instance.dataset),
                                                                     engine: try TesseractEngine())
        for (index, region) in text.regions.enumerated() { print("REGION \(index) \(region.box) h=\(region.glyphHeight) \(region.polarity)") }
        for (index, word) in text.words.enumerated() {
            print("WORD line=\(word.line) region=\(text.wordRegions[index]) \(word.box) \(String(format: "%.2f", word.confidence)) \(word.text)")
        }
    }

    /// Time saved by the finder: whole-frame OCR (Tesseract, block layout) against the finder plus
    /// OCR of its regions, over the development set; and the redactor on text-free CT.
    @Test func findingTextSavesOCRTime() throws {
        guard ProcessInfo.processInfo.environment["PIXEL_TIMING"] != nil else { return }
        let engine = try TesseractEngine()
        let reader = FrameReader(finder: TextRegionFinder())
        var whole = 0.0, regions = 0.0, frames = 0
        for image in try DevSetImage.all(in: SharedData.devPixels) {
            let instance = try Instance(contentsOf: image.inputPath)
            let pixels = try instance.decodePixels()
            let renderer = FrameRenderer(dataset: instance.dataset)
            for frame in 0..<pixels.frameCount {
                let render = renderer.render(pixels, frame: frame)
                var start = Date()
                _ = try engine.recognize(render, region: TextBox(x: 0, y: 0, width: render.width, height: render.height),
                                         hints: OCRHints(isSingleLine: false))
                whole += Date().timeIntervalSince(start)
                start = Date()
                _ = try reader.read(pixels, frame: frame, renderer: renderer, engine: engine)
                regions += Date().timeIntervalSince(start)
                frames += 1
            }
        }
        print("timing: whole-frame OCR \(String(format: "%.1f", whole * 1000 / Double(frames))) ms/frame, finder + region OCR \(String(format: "%.1f", regions * 1000 / Double(frames))) ms/frame over \(frames) frames")
        let redactor = try PixelRedactor()
        for file in ["nema-wg04-compsamples/CT1_UNC", "fo-dicom-testdata/IM-0001-0001-0001.dcm"] {
            let instance = try Instance(contentsOf: SharedData.data(file))
            var decodeTime = 0.0, redactTime = 0.0
            for _ in 0..<20 {
                var start = Date()
                var pixels = try instance.decodePixels()
                decodeTime += Date().timeIntervalSince(start)
                start = Date()
                _ = try redactor.redact(&pixels, renderer: FrameRenderer(dataset: instance.dataset), context: .empty, engine: engine)
                redactTime += Date().timeIntervalSince(start)
            }
            print("timing: \(file): decode \(String(format: "%.1f", decodeTime * 50)) ms, redact (no text) \(String(format: "%.1f", redactTime * 50)) ms per 512x512 frame")
        }
    }
}
