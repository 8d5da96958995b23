import Deidentification
import DicomCore
import Foundation
@testable import Pipeline
import Testing

/// Camera photographs may show a face, which is an identifier dcmdeid does not detect: refused
/// unless the run allows them.
@Suite struct PhotographPolicyTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// A 4×4 RGB visible-light photograph (XC) with a patient name.
    static func writePhotograph(to path: String) throws {
        try SyntheticInstance.write(to: path, sopClass: "1.2.840.10008.5.1.4.1.1.77.1.4", modality: "XC",
                                    uidRoot: "1.2.826.0.1.3680043.2.1125.77",
                                    image: [(.rows, "4"), (.columns, "4"), (.bitsAllocated, "8"), (.bitsStored, "8"), (.highBit, "7"),
                                            (.pixelRepresentation, "0"), (.samplesPerPixel, "3"), (.planarConfiguration, "0")],
                                    photometric: "RGB", pixels: [UInt8](repeating: 128, count: 48), pixelVR: "OB")
    }

    func processor(output: String, allowPhotographs: Bool) throws -> InstanceProcessor {
        let library = ProfileLibrary(directory: Self.repository.appendingPathComponent("profiles").path)
        var settings = DeidentificationSettings(profile: try library.load("basic"), key: SecretKey(text: "photograph tests"),
                                                naming: OutputNaming(directory: output, format: .dicom),
                                                pixels: .sensitive, allowBurnedIn: false, dryRun: false)
        settings.allowPhotographs = allowPhotographs
        return try InstanceProcessor(settings: settings)
    }

    @Test func aPhotographIsRefusedUnlessAllowed() throws {
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("dcmdeid-photo-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: work, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: work) }
        try Self.writePhotograph(to: work + "/photo.dcm")
        let input = InputFile(path: work + "/photo.dcm", relativePath: "photo.dcm", isExplicit: true)

        let refused = try processor(output: work + "/out", allowPhotographs: false).process(input)
        #expect(refused.status == .refused)
        #expect(refused.reason?.contains("--allow-photographs") == true, "\(refused.reason ?? "")")
        #expect(!FileManager.default.fileExists(atPath: work + "/out/photo.dcm"))

        let allowed = try processor(output: work + "/out", allowPhotographs: true).process(input)
        #expect(allowed.status == .ok, "\(allowed.reason ?? "")")
        #expect(FileManager.default.fileExists(atPath: work + "/out/photo.dcm"))
    }
}
