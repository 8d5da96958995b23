import Deidentification
import DicomCore
import Foundation
import PHIDetection
@testable import Pipeline
import Testing

/// Whether printed ages are PHI follows the profile: basic removes the patient's age from the header,
/// Retain Patient Characteristics keeps it, and the pixel stage does the same with a printed age.
@Suite struct PixelContextTests {
    static let profiles = VerificationTests.repository.appendingPathComponent("profiles").path

    func processor(options: [String]) throws -> InstanceProcessor {
        let profile = try ProfileLibrary(directory: Self.profiles).load("basic", options: options)
        let settings = DeidentificationSettings(profile: profile, key: SecretKey(text: "pixel context tests"),
                                                naming: OutputNaming(directory: "/nonexistent", format: .dicom),
                                                pixels: .sensitive, allowBurnedIn: false, dryRun: false)
        return try InstanceProcessor(settings: settings)
    }

    func context(options: [String]) throws -> PHIContext {
        let processor = try processor(options: options)
        let instance = Instance(empty: ())
        try instance.dataset.set(Tag(0x0010, 0x0040), string: "F", vr: .CS)
        try instance.dataset.set(.patientAge, string: "043Y", vr: VR("AS"))
        return try #require(processor.pixels).context(processor.header.capture(instance.dataset))
    }

    @Test func basicTakesPrintedAgesAsPHI() throws {
        let context = try context(options: [])
        #expect(context.other.contains("043Y"))
        #expect(!context.keepsPatientAge)
    }

    @Test func retainPatientCharacteristicsKeepsPrintedAges() throws {
        #expect(try context(options: ["retain-patient-characteristics"]).keepsPatientAge)
    }
}
