import Deidentification
import DicomCore
import Foundation
import PHIDetection
@testable import Pipeline
import PixelRedaction
import Testing

/// Workers take an engine from the pool when they first read: a file with nothing to read needs
/// none; a file with text needs one, and fails (nothing written) when it cannot start.
@Suite struct OCREnginePoolTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let textImage = repository.deletingLastPathComponent().appendingPathComponent("shared/eval/dev-pixels/input/CT/img005.dcm").path

    /// A 64×64 16-bit CT slice of one flat value: no text candidate.
    static func writeFlatSlice(to path: String) throws {
        try SyntheticInstance.write(to: path, sopClass: "1.2.840.10008.5.1.4.1.1.2", modality: "CT",
                                    uidRoot: "1.2.826.0.1.3680043.2.1125.78",
                                    image: [(.rows, "64"), (.columns, "64"), (.bitsAllocated, "16"), (.bitsStored, "12"), (.highBit, "11"),
                                            (.pixelRepresentation, "0"), (.samplesPerPixel, "1")],
                                    photometric: "MONOCHROME2", pixels: [UInt8](repeating: 0x10, count: 64 * 64 * 2), pixelVR: "OW")
    }

    func processor(output: String, engines: OCREnginePool) throws -> InstanceProcessor {
        let library = ProfileLibrary(directory: Self.repository.appendingPathComponent("profiles").path)
        let settings = DeidentificationSettings(profile: try library.load("basic"), key: SecretKey(text: "pool tests"),
                                                naming: OutputNaming(directory: output, format: .dicom),
                                                pixels: .sensitive, allowBurnedIn: false, dryRun: false)
        return try InstanceProcessor(settings: settings, engines: engines)
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: textImage)))
    func anEngineThatCannotStartFailsOnlyFilesWithTextToRead() throws {
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("dcmdeid-pool-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: work, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: work) }
        try Self.writeFlatSlice(to: work + "/flat.dcm")
        var options = TesseractEngine.Options()
        options.dataPath = "/nonexistent/tessdata"
        let processor = try processor(output: work + "/out", engines: OCREnginePool(options: options))

        let flat = processor.process(InputFile(path: work + "/flat.dcm", relativePath: "flat.dcm", isExplicit: true))
        #expect(flat.status == .ok, "\(flat.reason ?? "")")
        #expect(flat.pixels?.framesSkipped == 1)
        #expect(FileManager.default.fileExists(atPath: work + "/out/flat.dcm"))

        let text = processor.process(InputFile(path: Self.textImage, relativePath: "img005.dcm", isExplicit: true))
        #expect(text.status == .failed, "\(text.status)")
        #expect(text.reason?.contains("/nonexistent/tessdata") == true, "\(text.reason ?? "")")
        #expect(!FileManager.default.fileExists(atPath: work + "/out/img005.dcm"))
    }

    @Test func aReadingWaitsForTheWarmedUpEngineInsteadOfStartingItsOwn() throws {
        let engines = OCREnginePool()
        engines.warmUp(1)
        // asked for at once, before the warm-up (~70 ms) can be done
        let words = try engines.withEngine { engine in
            try engine.recognize(RenderedImage(width: 8, height: 8, channels: 1, pixels: [UInt8](repeating: 255, count: 64)),
                                 region: TextBox(x: 0, y: 0, width: 8, height: 8), hints: OCRHints())
        }
        engines.waitForWarmUp()
        #expect(words.isEmpty)
        #expect(engines.started == 1)
    }

    /// Shutting down waits for the warm-up and ends its engines on the calling thread: none is left for the
    /// warm-up thread to end while the process exits.
    @Test func shuttingDownWaitsForTheWarmUpAndEndsItsEngines() {
        let engines = OCREnginePool()
        engines.warmUp(2)
        engines.shutDown()
        #expect(engines.started == 2)
        #expect(engines.idleCount == 0)
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: textImage)))
    func aWarmUpThatCannotStartEnginesLeavesTheReadingToFailWithTheReason() throws {
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("dcmdeid-pool-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: work) }
        var options = TesseractEngine.Options()
        options.dataPath = "/nonexistent/tessdata"
        let engines = OCREnginePool(options: options)
        engines.warmUp(2)
        let processor = try processor(output: work + "/out", engines: engines)
        let text = processor.process(InputFile(path: Self.textImage, relativePath: "img005.dcm", isExplicit: true))
        #expect(text.status == .failed, "\(text.status)")
        #expect(text.reason?.contains("/nonexistent/tessdata") == true, "\(text.reason ?? "")")
        #expect(!FileManager.default.fileExists(atPath: work + "/out/img005.dcm"))
        #expect(engines.started == 0)
    }
}
