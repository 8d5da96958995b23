import Deidentification
import DicomCore
import Foundation
import PHIDetection
@testable import Pipeline
import PixelRedaction
import Testing

/// Verification of written outputs: the header re-scan and the re-OCR of cleaned pixels.
@Suite struct VerificationTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let devImage = repository.deletingLastPathComponent().appendingPathComponent("shared/eval/dev-pixels/input/CT/img005.dcm").path

    func processor(quarantine: String, pixels: PixelMode = .sensitive, output: String = "/nonexistent") throws -> InstanceProcessor {
        let library = ProfileLibrary(directory: Self.repository.appendingPathComponent("profiles").path)
        var settings = DeidentificationSettings(profile: try library.load("basic"), key: SecretKey(text: "verification tests"),
                                                naming: OutputNaming(directory: output, format: .dicom),
                                                pixels: pixels, allowBurnedIn: false, dryRun: false)
        settings.quarantine = quarantine
        return try InstanceProcessor(settings: settings)
    }

    /// An output whose first pixel pass cut every PHI value short (each "painted" box only a sliver
    /// at the value's left edge, the text still intact): verification reads the text around those
    /// boxes, paints what it reads, writes the output again, and passes it.
    @Test(.enabled(if: FileManager.default.fileExists(atPath: devImage)))
    func textBesideAPaintedBoxIsFoundAndPaintedByVerification() throws {
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("dcmdeid-verify-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: work, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: work) }
        let processor = try processor(quarantine: work + "/quarantine")
        let output = try Self.writeHeaderOnlyOutput(of: Self.devImage, in: work, processor: processor)
        let before = try Data(contentsOf: URL(fileURLWithPath: output.path))
        let input = InputFile(path: Self.devImage, relativePath: "img005.dcm", isExplicit: true)
        var outcome = InstanceOutcome(input: input, status: .ok)
        outcome.outputPath = output.path
        var summary = PixelSummary(PixelRedactionResult())
        summary.findings = try Self.phiBoxes(of: Self.devImage).map { box in
            PixelFinding(frame: 0, box: TextBox(x: box.x, y: box.y, width: 3, height: box.height), type: nil, confidence: 1,
                         recognizer: "test", decision: .redacted)
        }
        outcome.pixels = summary

        processor.verify(output.path, input: input, captured: output.captured, pixelsCleaned: true, outcome: &outcome)

        let repainted = outcome.pixels!.findings.filter { $0.recognizer.hasPrefix("verification/") }
        #expect(!repainted.isEmpty)
        #expect(outcome.status == .ok, "\(outcome.reason ?? "")")
        #expect(try Data(contentsOf: URL(fileURLWithPath: output.path)) != before)
    }

    /// PNG outputs are verified before they are written: the same sliver boxes as above, on the
    /// frames in memory, are found short and the values beside them painted.
    @Test(.enabled(if: FileManager.default.fileExists(atPath: devImage)))
    func textBesideAPaintedBoxIsPaintedBeforeAPNGIsWritten() throws {
        let processor = try processor(quarantine: "/nonexistent")
        let instance = try Instance(contentsOf: Self.devImage)
        let captured = processor.header.capture(instance.dataset)
        var frames = try instance.decodePixels()
        let before = frames.data
        let input = InputFile(path: Self.devImage, relativePath: "img005.dcm", isExplicit: true)
        var outcome = InstanceOutcome(input: input, status: .ok)
        var summary = PixelSummary(PixelRedactionResult())
        summary.findings = try Self.phiBoxes(of: Self.devImage).map { box in
            PixelFinding(frame: 0, box: TextBox(x: box.x, y: box.y, width: 3, height: box.height), type: nil, confidence: 1,
                         recognizer: "test", decision: .redacted)
        }
        outcome.pixels = summary

        let pixels = try #require(processor.pixels)
        try processor.verifyBeforePNG(&frames, renderer: FrameRenderer(dataset: instance.dataset),
                                      context: pixels.context(captured), pixels: pixels, outcome: &outcome)

        #expect(outcome.pixels!.findings.contains { $0.recognizer.hasPrefix("verification/") })
        #expect(frames.data != before)
    }

    /// All-text mode paints every scrap OCR reads; verification looks for PHI still readable, so
    /// texture beside a painted box does not chase the output into quarantine.
    @Test(.enabled(if: FileManager.default.fileExists(atPath: devImage)))
    func anAllTextOutputPassesVerification() throws {
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("dcmdeid-verify-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: work) }
        let ultrasound = Self.devImage.replacingOccurrences(of: "CT/img005.dcm", with: "US/img001.dcm")
        let processor = try processor(quarantine: work + "/quarantine", pixels: .allText, output: work + "/out")
        let outcome = processor.process(InputFile(path: ultrasound, relativePath: "img001.dcm", isExplicit: true))
        #expect(outcome.status == .ok, "\(outcome.reason ?? "")")
        #expect(outcome.pixels?.modified == true)
    }

    /// An output that fails verification must not stay where outputs are, even when the quarantine
    /// folder cannot be made: it is deleted and the reason says so.
    @Test func aFailedOutputIsDeletedWhenTheQuarantineCannotTakeIt() throws {
        let sample = Self.repository.appendingPathComponent("TestData/samples/CT_small.dcm").path
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("dcmdeid-verify-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: work, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: work) }
        FileManager.default.createFile(atPath: work + "/blocked", contents: Data("a file, not a folder".utf8))
        let processor = try processor(quarantine: work + "/blocked/quarantine")
        let original = try Instance(contentsOf: sample)
        let output = work + "/out.dcm"
        try original.write(to: output, transferSyntax: original.losslessTransferSyntax(pixelsModified: false))  // header not de-identified
        let input = InputFile(path: sample, relativePath: "CT_small.dcm", isExplicit: true)
        var outcome = InstanceOutcome(input: input, status: .ok)
        outcome.outputPath = output
        processor.verify(output, input: input, captured: processor.header.capture(original.dataset), pixelsCleaned: false, outcome: &outcome)
        #expect(outcome.status == .quarantined)
        #expect(outcome.outputPath == nil)
        #expect(!FileManager.default.fileExists(atPath: output))
        #expect(outcome.reason?.contains("identifying values") == true && outcome.reason?.contains("not kept in quarantine") == true,
                "\(outcome.reason ?? "")")
    }

    /// The PHI value boxes of a development image, from its truth file.
    static func phiBoxes(of input: String) throws -> [TextBox] {
        let truth = input.replacingOccurrences(of: "/input/", with: "/truth/").replacingOccurrences(of: ".dcm", with: ".truth.json")
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: truth))) as! [String: Any]
        return (json["items"] as! [[String: Any]]).filter { $0["phi"] as? Bool == true }.map { item in
            let box = item["phi_box"] as! [Int]
            return TextBox(x: box[0], y: box[1], width: box[2], height: box[3])
        }
    }

    /// The header stage alone, written to WORK/out.dcm: pixels as they came.
    static func writeHeaderOnlyOutput(of path: String, in work: String,
                                      processor: InstanceProcessor) throws -> (path: String, captured: IdentifyingValues) {
        let instance = try Instance(contentsOf: path)
        let captured = processor.header.capture(instance.dataset)
        _ = try processor.header.deidentify(instance, captured: captured, recording: false, pixelsCleaned: true)
        let output = work + "/out.dcm"
        try instance.write(to: output, transferSyntax: instance.losslessTransferSyntax(pixelsModified: false))
        return (output, captured)
    }

    /// Verification never touches outputs it has no reason to: a header-clean, text-free output stays byte for byte.
    @Test func aCleanOutputIsLeftAsItIs() throws {
        let sample = Self.repository.appendingPathComponent("TestData/samples/CT_small.dcm").path
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("dcmdeid-verify-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: work, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: work) }
        let processor = try processor(quarantine: work + "/quarantine")
        let (output, captured) = try Self.writeHeaderOnlyOutput(of: sample, in: work, processor: processor)
        let before = try Data(contentsOf: URL(fileURLWithPath: output))
        let input = InputFile(path: sample, relativePath: "CT_small.dcm", isExplicit: true)
        var outcome = InstanceOutcome(input: input, status: .ok)
        outcome.outputPath = output
        processor.verify(output, input: input, captured: captured, pixelsCleaned: true, outcome: &outcome)
        #expect(outcome.status == .ok)
        #expect(try Data(contentsOf: URL(fileURLWithPath: output)) == before)
    }
}
