@testable import Deidentification
import DicomCore
import Foundation
import Testing

/// What the options do to instances: dates, UIDs.
extension HeaderDeidentifierTests {
    static let acquisitionDateTime = Tag(0x0008, 0x002A)
    static let studyTime = Tag(0x0008, 0x0030)

    static func dayNumber(_ yyyymmdd: String) -> Int? {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        guard yyyymmdd.count >= 8, let year = Int(yyyymmdd.prefix(4)), let month = Int(yyyymmdd.dropFirst(4).prefix(2)),
              let day = Int(yyyymmdd.dropFirst(6).prefix(2)),
              let date = calendar.date(from: DateComponents(year: year, month: month, day: day)) else { return nil }
        return Int((date.timeIntervalSince1970 / 86_400).rounded())
    }

    static func patientInstance(id: String, studyDate: String, acquisition: String) throws -> Instance {
        try Synthetic.instance(sopInstanceUID: "1.2.826.0.1.3680043.9999.\(studyDate)") {
            try $0.set(.patientID, string: id, vr: .LO)
            try $0.set(.patientName, string: "DOE^JANE", vr: .PN)
            try $0.set(.studyDate, string: studyDate, vr: .DA)
            try $0.set(Self.studyTime, string: "101500", vr: .TM)
            try $0.set(Self.acquisitionDateTime, string: acquisition, vr: .DT)
        }
    }

    @Test func modifiedDatesMoveBackByTheSameDaysForEveryInstanceOfAPatient() throws {
        let profile = try Synthetic.profile(["retain-longitudinal-modified-dates"])
        let first = try Self.patientInstance(id: "PAT-1", studyDate: "20200110", acquisition: "20200110093000")
        let second = try Self.patientInstance(id: "PAT-1", studyDate: "20200301", acquisition: "20200302120000.5")
        let shifts = try [first, second].map { try Synthetic.deidentify($0, profile: profile).datesShiftedBy }
        let days = try #require(shifts[0])
        #expect(shifts[1] == days)
        #expect((1...profile.parameters.maxDateShiftDays).contains(days))
        let newFirst = try #require(first.dataset.string(.studyDate))
        let newSecond = try #require(second.dataset.string(.studyDate))
        #expect(Self.dayNumber(newFirst) == Self.dayNumber("20200110").map { $0 - days })
        #expect(Self.dayNumber(newSecond) == Self.dayNumber("20200301").map { $0 - days })
        // DT keeps its time of day; TM (a time of day) is unchanged by a whole-day shift.
        let acquisition = try #require(second.dataset.string(Self.acquisitionDateTime))
        #expect(acquisition.dropFirst(8) == "120000.5")
        #expect(Self.dayNumber(acquisition) == Self.dayNumber("20200302").map { $0 - days })
        #expect(second.dataset.string(Self.studyTime) == "101500")
        for instance in [first, second] {
            #expect(instance.dataset.string(.longitudinalTemporalInformationModified) == "MODIFIED")
        }
    }

    @Test func modifiedDatesShiftOtherPatientsByTheirOwnOffset() throws {
        let profile = try Synthetic.profile(["retain-longitudinal-modified-dates"])
        let shifts = try ["PAT-1", "PAT-2", "PAT-3"].map { id in
            try Synthetic.deidentify(try Self.patientInstance(id: id, studyDate: "20200110", acquisition: "20200110093000"),
                                     profile: profile).datesShiftedBy
        }
        #expect(Set(shifts).count == 3, "\(shifts)")
    }

    @Test func fullDatesAreKeptUnchangedAndMarkedUnmodified() throws {
        let profile = try Synthetic.profile(["retain-longitudinal-full-dates"])
        let instance = try Self.patientInstance(id: "PAT-1", studyDate: "20200110", acquisition: "20200110093000")
        let result = try Synthetic.deidentify(instance, profile: profile)
        #expect(result.datesShiftedBy == nil)
        #expect(instance.dataset.string(.studyDate) == "20200110")
        #expect(instance.dataset.string(Self.acquisitionDateTime) == "20200110093000")
        #expect(instance.dataset.string(Self.studyTime) == "101500")
        #expect(instance.dataset.string(.longitudinalTemporalInformationModified) == "UNMODIFIED")
    }

    @Test func withoutADatesOptionDatesFollowTheTableAndAreMarkedRemoved() throws {
        let instance = try Self.patientInstance(id: "PAT-1", studyDate: "20200110", acquisition: "20200110093000")
        try Synthetic.deidentify(instance, profile: Synthetic.profile())
        #expect(instance.dataset.string(.studyDate) == "", "Study Date is Z")
        #expect(instance.dataset.element(Self.acquisitionDateTime)?.length == 0, "Acquisition DateTime is X/Z/D")
        #expect(instance.dataset.string(.longitudinalTemporalInformationModified) == "REMOVED")
    }

    static func instanceWithUIDs() throws -> Instance {
        try Synthetic.instance(sopInstanceUID: "1.2.826.0.1.3680043.9999.1.3") {
            try $0.set(.studyInstanceUID, string: "1.2.826.0.1.3680043.9999.1", vr: .UI)
            try $0.set(.seriesInstanceUID, string: "1.2.826.0.1.3680043.9999.1.2", vr: .UI)
            try $0.set(.frameOfReferenceUID, string: "1.2.826.0.1.3680043.9999.1.4", vr: .UI)
            let item = try $0.appendItem(Tag(0x0008, 0x1140))
            try item.set(Tag(0x0008, 0x1150), string: "1.2.840.10008.5.1.4.1.1.2", vr: .UI)
            try item.set(Tag(0x0008, 0x1155), string: "1.2.826.0.1.3680043.9999.1.5", vr: .UI)
        }
    }

    @Test func retainUIDsKeepsTheUIDsAndRecordsItsCode() throws {
        let profile = try Synthetic.profile(["retain-uids"])
        let instance = try Self.instanceWithUIDs()
        let result = try Synthetic.deidentify(instance, profile: profile)
        let dataset = instance.dataset
        #expect(dataset.string(.sopInstanceUID) == "1.2.826.0.1.3680043.9999.1.3")
        #expect(dataset.string(.studyInstanceUID) == "1.2.826.0.1.3680043.9999.1")
        #expect(dataset.string(.seriesInstanceUID) == "1.2.826.0.1.3680043.9999.1.2")
        #expect(dataset.string(.frameOfReferenceUID) == "1.2.826.0.1.3680043.9999.1.4")
        #expect(dataset.items(Tag(0x0008, 0x1140)).first?.string(Tag(0x0008, 0x1155)) == "1.2.826.0.1.3680043.9999.1.5")
        #expect(result.newSOPInstanceUID == result.originalSOPInstanceUID)
        let codes = dataset.items(.deidentificationMethodCodeSequence).compactMap { $0.string(.codeValue) }
        #expect(codes == ["113100", "113110"])
    }

    @Test func withoutRetainUIDsEveryInstanceUIDIsReplaced() throws {
        let instance = try Self.instanceWithUIDs()
        let result = try Synthetic.deidentify(instance, profile: Synthetic.profile())
        let dataset = instance.dataset
        for tag in [Tag.sopInstanceUID, .studyInstanceUID, .seriesInstanceUID, .frameOfReferenceUID] {
            let value = dataset.string(tag) ?? ""
            #expect(value.hasPrefix("2.25.") && !value.contains("3680043"), "\(tag): \(value)")
        }
        #expect(dataset.string(.sopClassUID) == "1.2.840.10008.5.1.4.1.1.2", "well-known UIDs are kept")
        #expect(result.newSOPInstanceUID == dataset.string(.sopInstanceUID))
        #expect(result.originalSOPInstanceUID == "1.2.826.0.1.3680043.9999.1.3")
    }

    /// Attributes outside Table E.1-1 that refer to other instances' SOP Instance UIDs, such as
    /// SOP Instance UID of Concatenation Source (0020,0242), must follow the same UID policy as the
    /// UIDs they refer to, or the reference breaks.
    @Test
    func retainUIDsAlsoKeepsUnlistedReferencesToInstances() throws {
        let profile = try Synthetic.profile(["retain-uids"])
        let source = "1.2.826.0.1.3680043.9999.1.3"
        let instance = try Synthetic.instance(sopInstanceUID: "1.2.826.0.1.3680043.9999.1.6") {
            try $0.set(Tag(0x0020, 0x0242), string: source, vr: .UI)
        }
        try Synthetic.deidentify(instance, profile: profile)
        #expect(instance.dataset.string(Tag(0x0020, 0x0242)) == source)
    }

    @Test func unlistedReferencesToInstancesMapLikeTheInstanceUIDsWithoutRetainUIDs() throws {
        let source = "1.2.826.0.1.3680043.9999.1.3"
        let instance = try Synthetic.instance(sopInstanceUID: "1.2.826.0.1.3680043.9999.1.6") {
            try $0.set(Tag(0x0020, 0x0242), string: source, vr: .UI)
        }
        let target = try Synthetic.instance(sopInstanceUID: source)
        try Synthetic.deidentify(instance, profile: Synthetic.profile())
        try Synthetic.deidentify(target, profile: Synthetic.profile())
        #expect(instance.dataset.string(Tag(0x0020, 0x0242)) == target.dataset.string(.sopInstanceUID))
    }

    @Test func retainPatientCharacteristicsKeepsSexAndAge() throws {
        let profile = try Synthetic.profile(["retain-patient-characteristics"])
        let instance = try Synthetic.instance {
            try $0.set(Tag(0x0010, 0x0040), string: "F", vr: .CS)
            try $0.set(Tag(0x0010, 0x1010), string: "042Y", vr: VR("AS"))
            try $0.set(Tag(0x0010, 0x1030), string: "61.5", vr: VR("DS"))
        }
        try Synthetic.deidentify(instance, profile: profile)
        #expect(instance.dataset.string(Tag(0x0010, 0x0040)) == "F")
        #expect(instance.dataset.string(Tag(0x0010, 0x1010)) == "042Y")
        #expect(instance.dataset.string(Tag(0x0010, 0x1030)) == "61.5")
    }

    @Test func cleanDescriptorsEmptiesDescriptionsInsteadOfRemovingThem() throws {
        let profile = try Synthetic.profile(["clean-descriptors"])
        let instance = try Synthetic.instance { try $0.set(Tag(0x0008, 0x1030), string: "CT HEAD FOR DOE", vr: .LO) }
        try Synthetic.deidentify(instance, profile: profile)
        let element = instance.dataset.element(Tag(0x0008, 0x1030))
        #expect(element != nil)
        #expect(Synthetic.occurrences(of: "DOE", in: instance.dataset).isEmpty)
    }
}
