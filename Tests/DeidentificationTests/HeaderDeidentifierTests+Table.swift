@testable import Deidentification
import DicomCore
import Foundation
import Testing

/// Each row of Table E.1-1 that names one attribute, on a synthetic instance holding only that
/// attribute, at the top level and one level down in a sequence that is kept and cleaned.
extension HeaderDeidentifierTests {
    /// Sequences that Basic keeps and cleans: Referenced Image Sequence (X/Z/U*) and Referenced Series
    /// Sequence (not in the table, so the unlisted policy recurses into it).
    static let containers = [Tag(0x0008, 0x1140), Tag(0x0008, 0x1115)]

    /// Rows whose action resolves to D on a binary VR (OB, UN): seven in 2024b. See the disabled test below.
    static let binaryDummyRows = StandardTable.concreteRows.filter {
        expectedAction($0.basic, vr: $0.vr ?? "") == .dummy && binaryVRs.contains($0.vr ?? "")
    }
    static let ordinaryRows = StandardTable.concreteRows.filter { row in !binaryDummyRows.contains { $0.pattern == row.pattern } }

    @Test func theTableRowsAreResolvedAsDocumented() {
        #expect(Action.zeroOrDummy.resolved(vr: .LO) == .zero)
        #expect(Action.removeOrZero.resolved(vr: .LO) == .zero)
        #expect(Action.removeOrZeroOrDummy.resolved(vr: .PN) == .zero)
        #expect(Action.removeOrDummy.resolved(vr: .DA) == .dummy)
        #expect(Action.removeOrZeroOrUID.resolved(vr: .SQ) == .keep)
        #expect(Action.removeOrZeroOrUID.resolved(vr: .UI) == .uid)
        #expect(Action.removeOrZeroOrUID.resolved(vr: .LO) == .zero)
        for action in [Action.remove, .zero, .dummy, .keep, .clean, .uid] { #expect(action.resolved(vr: .LO) == action) }
    }

    @Test(arguments: ordinaryRows)
    func eachBasicRuleHasItsEffectOnAnAttributeAtTheTopLevel(_ row: StandardTable.Row) throws {
        let expected = try #require(Self.expectedAction(row.basic, vr: row.vr ?? ""))
        var canary = ""
        let instance = try Synthetic.instance { canary = try Self.plant(row, in: $0) }
        try Synthetic.deidentify(instance, profile: Synthetic.profile())
        try Self.expectEffect(expected, of: row, in: instance.dataset, canary: canary)
        #expect(Synthetic.occurrences(of: canary, in: instance.dataset).isEmpty, "\(row.testDescription)")
        if expected == .uid {
            // The same original UID in another instance becomes the same new UID.
            let tag = try #require(row.tag)
            let other = try Synthetic.instance { _ = try Self.plant(row, in: $0) }
            try Synthetic.deidentify(other, profile: Synthetic.profile())
            #expect(other.dataset.string(tag) == instance.dataset.string(tag))
            #expect(instance.dataset.string(tag) == Pseudonymizer(key: Synthetic.key).uid(canary))
        }
    }

    @Test(arguments: ordinaryRows, containers)
    func eachBasicRuleHasTheSameEffectInAnItemOfAKeptSequence(_ row: StandardTable.Row, container: Tag) throws {
        let expected = try #require(Self.expectedAction(row.basic, vr: row.vr ?? ""))
        var canary = ""
        let instance = try Synthetic.instance {
            let item = try $0.appendItem(container)
            try item.set(Tag(0x0008, 0x1150), string: "1.2.840.10008.5.1.4.1.1.2", vr: .UI)
            canary = try Self.plant(row, in: item)
        }
        try Synthetic.deidentify(instance, profile: Synthetic.profile())
        let item = try #require(instance.dataset.items(container).first, "\(container) kept with its item")
        #expect(item.string(Tag(0x0008, 0x1150)) == "1.2.840.10008.5.1.4.1.1.2", "well-known UIDs stay")
        try Self.expectEffect(expected, of: row, in: item, canary: canary)
        #expect(Synthetic.occurrences(of: canary, in: instance.dataset).isEmpty, "\(row.testDescription)")
    }

    @Test(arguments: binaryDummyRows)
    func aBinaryAttributeWithActionDLosesItsValue(_ row: StandardTable.Row) throws {
        var canary = ""
        let instance = try Synthetic.instance { canary = try Self.plant(row, in: $0) }
        try Synthetic.deidentify(instance, profile: Synthetic.profile())
        let tag = try #require(row.tag)
        #expect(instance.dataset.contains(tag), "\(row.testDescription)")
        #expect(Synthetic.occurrences(of: canary, in: instance.dataset).isEmpty, "\(row.testDescription)")
    }

    /// PS3.15 E.1.1: D is "a non-zero length value that may be a dummy value and consistent with the VR".
    @Test(arguments: binaryDummyRows)
    func aBinaryAttributeWithActionDGetsANonEmptyDummy(_ row: StandardTable.Row) throws {
        var canary = ""
        let instance = try Synthetic.instance { canary = try Self.plant(row, in: $0) }
        try Synthetic.deidentify(instance, profile: Synthetic.profile())
        let tag = try #require(row.tag)
        let element = try #require(instance.dataset.element(tag), "\(row.testDescription)")
        #expect(element.length > 0, "\(row.testDescription)")
        #expect(instance.dataset.bytes(tag) != Array(canary.utf8), "\(row.testDescription)")
    }

    @Test func theContainersAreAKeptTableSequenceAndAnUnlistedOne() throws {
        let profile = try Synthetic.profile()
        #expect(profile.rule(for: Self.containers[0])?.action == .removeOrZeroOrUID)
        #expect(profile.rule(for: Self.containers[1]) == nil)
    }

    @Test func referencedUIDsInsideAKeptSequenceMapLikeTheInstanceUIDsTheyReferTo() throws {
        let referenced = "1.2.826.0.1.3680043.9999.77"
        let instance = try Synthetic.instance(sopInstanceUID: "1.2.826.0.1.3680043.9999.78") {
            let item = try $0.appendItem(Tag(0x0008, 0x1140))
            try item.set(Tag(0x0008, 0x1150), string: "1.2.840.10008.5.1.4.1.1.2", vr: .UI)
            try item.set(Tag(0x0008, 0x1155), string: referenced, vr: .UI)
        }
        let target = try Synthetic.instance(sopInstanceUID: referenced)
        try Synthetic.deidentify(instance, profile: Synthetic.profile())
        try Synthetic.deidentify(target, profile: Synthetic.profile())
        let newReference = instance.dataset.items(Tag(0x0008, 0x1140)).first?.string(Tag(0x0008, 0x1155))
        #expect(newReference == target.dataset.string(.sopInstanceUID))
        #expect(newReference != referenced)
    }

    @Test func unlistedTextIsRemovedAndUnlistedTechnicalValuesAreKept() throws {
        func tag(_ keyword: String) throws -> Tag { try #require(DataDictionary.entry(keyword: keyword)?.tag) }
        let instance = try Synthetic.instance {
            try $0.set(try tag("Manufacturer"), string: "ACME MEDICAL", vr: .LO)        // in the keep list
            try $0.set(try tag("ContrastBolusRoute"), string: "IV", vr: .LO)           // in the keep list
            try $0.set(try tag("SliceThickness"), string: "2.5", vr: VR("DS"))         // DS: a kept VR
            try $0.set(.rows, string: "64", vr: .US)                                   // US: a kept VR
            try $0.set(try tag("ViewName"), string: "CANARYVIEWNAME", vr: VR("SH"))    // free text not in the table
            try $0.set(try tag("InterventionDrugName"), string: "CANARYDRUG", vr: .LO)  // free text not in the table
        }
        let result = try Synthetic.deidentify(instance, profile: Synthetic.profile())
        let dataset = instance.dataset
        #expect(dataset.string(try tag("Manufacturer")) == "ACME MEDICAL")
        #expect(dataset.string(try tag("ContrastBolusRoute")) == "IV")
        #expect(dataset.double(try tag("SliceThickness")) == 2.5)
        #expect(dataset.integer(.rows) == 64)
        #expect(!dataset.contains(try tag("ViewName")))
        #expect(!dataset.contains(try tag("InterventionDrugName")))
        #expect(result.counts.unlistedRemoved == 2)
    }

    @Test func aRecordedRunListsEachDecisionWithItsActionAndReason() throws {
        let instance = try Synthetic.instance(sopInstanceUID: "1.2.826.0.1.3680043.9999.1.3") {
            try $0.set(.patientName, string: "QUIXOTE^ALONSO", vr: .PN)
            try $0.set(Tag(0x0008, 0x0081), string: "1 CANARY ROAD", vr: VR("ST"))
            try $0.appendItem(Tag(0x0008, 0x1115)).set(Tag(0x0008, 0x1155), string: "1.2.826.0.1.3680043.9999.1.4", vr: .UI)
        }
        let result = try Synthetic.deidentify(instance, profile: Synthetic.profile(), recording: true)
        let byPath = Dictionary(result.records.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
        #expect(byPath["(0010,0010)"]?.action == "Z")
        #expect(byPath["(0010,0010)"]?.keyword == "PatientName")
        #expect(byPath["(0010,0010)"]?.reason == "basic")
        #expect(byPath["(0008,0081)"]?.action == "X")
        #expect(byPath["(0008,0018)"]?.action == "U")
        #expect(byPath["(0008,1115)[0]>(0008,1155)"]?.action == "U")
        #expect(byPath["(0008,1115)"]?.reason.contains("not in Table E.1-1") == true)
        let unrecorded = try Synthetic.deidentify(try Synthetic.instance(), profile: Synthetic.profile())
        #expect(unrecorded.records.isEmpty)
    }
}
