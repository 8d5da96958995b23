@testable import Deidentification
import DicomCore
import Foundation
import Testing

/// The final check: a captured identifying value that survives anywhere withholds the output.
extension HeaderDeidentifierTests {
    /// A profile that keeps a free-text attribute the Basic profile would remove.
    static func keepingStudyDescription() throws -> (Profile, TemporaryDirectory) {
        let directory = try TemporaryDirectory()
        let path = try directory.write("keep-description.yaml", """
            name: keep-description
            kind: profile
            extends: basic
            rules:
              - { keyword: StudyDescription, action: K }
              - { keyword: ImageComments, action: K }
            """)
        return (try Synthetic.library.load(path), directory)
    }

    @Test func aCapturedNameLeftInFreeTextIsALeak() throws {
        let (profile, directory) = try Self.keepingStudyDescription()
        defer { withExtendedLifetime(directory) {} }
        let instance = try Synthetic.instance {
            try $0.set(.patientName, string: "QUIXOTE^ALONSO", vr: .PN)
            try $0.set(Tag(0x0008, 0x1030), string: "CT head, Mr Quixote follow-up", vr: .LO)
        }
        #expect(throws: DeidentificationError.leakDetected(tags: ["(0008,1030)"])) {
            try Synthetic.deidentify(instance, profile: profile)
        }
    }

    @Test func aCapturedIDLeftInANestedItemIsALeak() throws {
        let (profile, directory) = try Self.keepingStudyDescription()
        defer { withExtendedLifetime(directory) {} }
        let instance = try Synthetic.instance {
            try $0.set(.patientID, string: "MRN-2291847", vr: .LO)
            try $0.appendItem(Tag(0x0008, 0x1115)).set(Tag(0x0020, 0x4000), string: "see mrn-2291847", vr: VR("LT"))
        }
        #expect {
            try Synthetic.deidentify(instance, profile: profile)
        } throws: { error in
            guard case let DeidentificationError.leakDetected(tags) = error else { return false }
            return tags == ["(0008,1115)[0]>(0020,4000)"]
        }
    }

    @Test func theLeakMessageNamesWhereNotWhat() {
        let message = DeidentificationError.leakDetected(tags: ["(0008,1030)"]).description
        #expect(message.contains("(0008,1030)"))
        #expect(message.contains("withheld"))
    }

    @Test func freeTextWithoutCapturedValuesIsNotALeak() throws {
        let (profile, directory) = try Self.keepingStudyDescription()
        defer { withExtendedLifetime(directory) {} }
        let instance = try Synthetic.instance {
            try $0.set(.patientName, string: "QUIXOTE^ALONSO", vr: .PN)
            try $0.set(Tag(0x0008, 0x1030), string: "CT HEAD WITHOUT CONTRAST", vr: .LO)
        }
        try Synthetic.deidentify(instance, profile: profile)
        #expect(instance.dataset.string(Tag(0x0008, 0x1030)) == "CT HEAD WITHOUT CONTRAST")
    }

    @Test func aNameKeptOnlyByAKeepListWordIsStillALeak() throws {
        // Manufacturer is kept by the unlisted-attribute policy; a patient's name in it is still caught.
        let instance = try Synthetic.instance {
            try $0.set(.patientName, string: "QUIXOTE^ALONSO", vr: .PN)
            try $0.set(Tag(0x0008, 0x0070), string: "QUIXOTE IMAGING", vr: .LO)
        }
        #expect(throws: DeidentificationError.leakDetected(tags: ["(0008,0070)"])) {
            try Synthetic.deidentify(instance, profile: Synthetic.profile())
        }
    }

    @Test func valuesKeptByAnOptionAreNotLeaks() throws {
        let profile = try Synthetic.profile(["retain-institution-identity"])
        let instance = try Synthetic.instance {
            try $0.set(Tag(0x0008, 0x0080), string: "SAINT CANARY HOSPITAL", vr: .LO)
            try $0.set(Tag(0x0008, 0x1040), string: "RADIOLOGY WEST", vr: .LO)
        }
        try Synthetic.deidentify(instance, profile: profile)
        #expect(instance.dataset.string(Tag(0x0008, 0x0080)) == "SAINT CANARY HOSPITAL")
        #expect(instance.dataset.string(Tag(0x0008, 0x1040)) == "RADIOLOGY WEST")
    }

    @Test func aValueKeptByTheUsersOwnRuleIsNotALeak() throws {
        let directory = try TemporaryDirectory()
        let path = try directory.write("keep-institution.yaml", """
            name: keep-institution
            kind: profile
            extends: basic
            rules:
              - { keyword: InstitutionName, action: K }
            """)
        let instance = try Synthetic.instance { try $0.set(Tag(0x0008, 0x0080), string: "SAINT CANARY HOSPITAL", vr: .LO) }
        try Synthetic.deidentify(instance, profile: try Synthetic.library.load(path))
        #expect(instance.dataset.string(Tag(0x0008, 0x0080)) == "SAINT CANARY HOSPITAL")
    }
}
