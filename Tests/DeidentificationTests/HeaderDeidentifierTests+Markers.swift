@testable import Deidentification
import DicomCore
import Foundation
import Testing

/// The attributes that record the de-identification (PS3.15 E.1.1, PS3.3 C.12.1.1.7).
extension HeaderDeidentifierTests {
    static func codes(_ dataset: Dataset) -> [String] {
        dataset.items(.deidentificationMethodCodeSequence).compactMap { $0.string(.codeValue) }
    }

    @Test func patientIdentityRemovedIsYesAndTheMethodIsDescribed() throws {
        let instance = try Synthetic.instance { try $0.set(.patientIdentityRemoved, string: "NO", vr: .CS) }
        try Synthetic.deidentify(instance, profile: Synthetic.profile())
        #expect(instance.dataset.string(.patientIdentityRemoved) == "YES")
        let method = try #require(instance.dataset.string(.deidentificationMethod))
        #expect(method.contains("dcmdeid"))
        #expect(method.contains("Basic Application Level Confidentiality Profile"))
        #expect(method.split(separator: "\\").allSatisfy { $0.count <= 64 }, "LO values hold 64 characters")
    }

    @Test func theCodeSequenceHoldsExactlyBasicWithoutOptions() throws {
        let instance = try Synthetic.instance()
        try Synthetic.deidentify(instance, profile: Synthetic.profile())
        let items = instance.dataset.items(.deidentificationMethodCodeSequence)
        #expect(items.count == 1)
        #expect(items.first?.string(.codeValue) == "113100")
        #expect(items.first?.string(.codingSchemeDesignator) == "DCM")
        #expect(items.first.flatMap { $0.string(.codeMeaning) }?.isEmpty == false)
    }

    @Test func theCodeSequenceHoldsExactlyTheCodesOfTheOptionsApplied() throws {
        let options = ["retain-patient-characteristics", "retain-device-identity", "clean-descriptors", "retain-safe-private"]
        let instance = try Synthetic.instance()
        try Synthetic.deidentify(instance, profile: Synthetic.profile(options))
        #expect(Self.codes(instance.dataset) == ["113100", "113108", "113109", "113105", "113111"])
    }

    @Test func aPreviousCodeSequenceIsReplacedNotAppendedTo() throws {
        let instance = try Synthetic.instance {
            let item = try $0.appendItem(.deidentificationMethodCodeSequence)
            try item.set(.codeValue, string: "113102", vr: VR("SH"))
            try item.set(.codingSchemeDesignator, string: "DCM", vr: VR("SH"))
        }
        try Synthetic.deidentify(instance, profile: Synthetic.profile())
        #expect(Self.codes(instance.dataset) == ["113100"])
    }

    @Test func cleanPixelDataIsRecordedOnlyWhenPixelsWereCleaned() throws {
        let profile = try Synthetic.profile(["clean-pixel-data"])
        let untouched = try Synthetic.instance()
        try Synthetic.deidentify(untouched, profile: profile, pixelsCleaned: false)
        #expect(Self.codes(untouched.dataset) == ["113100"])
        let cleaned = try Synthetic.instance()
        try Synthetic.deidentify(cleaned, profile: profile, pixelsCleaned: true)
        #expect(Self.codes(cleaned.dataset) == ["113100", "113101"])
    }

    @Test(arguments: ["YES", "NO"])
    func burnedInAnnotationIsLeftAsItWas(_ value: String) throws {
        let instance = try Synthetic.instance { try $0.set(.burnedInAnnotation, string: value, vr: .CS) }
        try Synthetic.deidentify(instance, profile: Synthetic.profile())
        #expect(instance.dataset.string(.burnedInAnnotation) == value)
    }

    @Test func burnedInAnnotationIsNotInventedWhenAbsent() throws {
        let instance = try Synthetic.instance()
        try Synthetic.deidentify(instance, profile: Synthetic.profile())
        #expect(!instance.dataset.contains(.burnedInAnnotation))
    }

    @Test func theMarkersAreSetOnTheInstanceNotInItems() throws {
        let instance = try Synthetic.instance { try $0.appendItem(Tag(0x0008, 0x1115)) }
        try Synthetic.deidentify(instance, profile: Synthetic.profile())
        #expect(instance.dataset.items(Tag(0x0008, 0x1115)).first.map { !$0.contains(.patientIdentityRemoved) } == true)
    }
}
