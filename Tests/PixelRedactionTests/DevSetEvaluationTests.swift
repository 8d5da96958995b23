import DicomCore
import Foundation
import PHIDetection
import PixelRedaction
import Testing

/// The direct evaluation: PixelRedactor in sensitive mode on every image of a pixel set, outputs
/// written for `score_pixels.py`. Run by `scripts/eval_pixels_direct.sh` (PIXEL_EVAL_OUT=DIR;
/// PIXEL_EVAL_SET=set directory, default the development set; PIXEL_EVAL_MODE, PIXEL_EVAL_LOG=file
/// for a per-word log including the text — for development only).
@Suite(.enabled(if: ProcessInfo.processInfo.environment["PIXEL_EVAL_OUT"] != nil))
struct DevSetEvaluationTests {
    @Test func redactEveryImageOfThePixelSet() throws {
        let env = ProcessInfo.processInfo.environment
        let output = env["PIXEL_EVAL_OUT"]!
        let set = env["PIXEL_EVAL_SET"] ?? SharedData.devPixels
        var options = RedactionOptions(mode: try PixelMode(parsing: env["PIXEL_EVAL_MODE"] ?? "sensitive"))
        options.includeText = env["PIXEL_EVAL_LOG"] != nil
        if let threshold = env["PIXEL_EVAL_THRESHOLD"].flatMap(Double.init) { options.threshold = threshold }
        let redactor = try PixelRedactor(options: options)
        let engine = try TesseractEngine()
        var log = ""
        var frames = 0, seconds = 0.0
        let images = try DevSetImage.all(in: set)
        for image in images {
            let start = Date()
            let instance = try Instance(contentsOf: image.inputPath)
            var pixels = try instance.decodePixels()
            let result = try redactor.redact(&pixels, renderer: FrameRenderer(dataset: instance.dataset),
                                             context: HeaderPHIContext.make(from: instance.dataset), engine: engine)
            if result.modified { try instance.replacePixels(with: pixels) }
            try instance.write(to: "\(output)/\(image.relativePath)",
                               transferSyntax: instance.losslessTransferSyntax(pixelsModified: result.modified))
            seconds += Date().timeIntervalSince(start)
            frames += pixels.frameCount
            for finding in result.findings {
                log += "\(image.relativePath)\tf\(finding.frame)\t\(finding.decision.rawValue)\t\(finding.type?.rawValue ?? "-")\t"
                    + "\(String(format: "%.2f", finding.confidence))\t\(finding.recognizer)\t\(finding.box.x),\(finding.box.y),\(finding.box.width),\(finding.box.height)\t\(finding.text ?? "")\n"
            }
        }
        if let path = env["PIXEL_EVAL_LOG"] { try log.write(toFile: path, atomically: true, encoding: .utf8) }
        print("eval: \(images.count) images, \(frames) frames in \(String(format: "%.2f", seconds)) s = \(String(format: "%.2f", Double(images.count) / seconds)) images/s")
    }
}
