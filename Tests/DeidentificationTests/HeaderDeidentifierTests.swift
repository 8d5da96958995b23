@testable import Deidentification
import DicomCore
import Foundation
import Testing

/// The header engine. Its tests are split by feature: `+Table` (each rule of Table E.1-1),
/// `+RepeatingGroups`, `+Private`, `+Options`, `+Markers`, `+Leaks`.
@Suite struct HeaderDeidentifierTests {
    /// The action a Table E.1-1 code must have on an attribute of this VR, per the resolution that
    /// `Action.resolved(vr:)` documents (written out here independently): Z/D, X/Z, X/Z/D → Z; X/D → D;
    /// X/Z/U* → keep a sequence and clean its items, U for a UID, Z otherwise.
    static func expectedAction(_ code: String, vr: String) -> Action? {
        switch code {
        case "X": .remove
        case "Z", "Z/D", "X/Z", "X/Z/D": .zero
        case "D", "X/D": .dummy
        case "U": .uid
        case "K": .keep
        case "C": .clean
        case "X/Z/U*": vr == "SQ" ? .keep : vr == "UI" ? .uid : .zero
        default: nil
        }
    }

    static let patientComments = Tag(0x0010, 0x4000)
    static let binaryVRs: Set<String> = ["OB", "OW", "OD", "OF", "OL", "OV", "UN"]

    /// Puts the attribute of `row` into `item` with a value unique to it, consistent with its VR.
    /// A sequence gets one item holding Patient Comments (removed by Basic), whose value is returned.
    static func plant(_ row: StandardTable.Row, in item: Dataset) throws -> String {
        let tag = try #require(row.tag)
        let vrCode = try #require(row.vr)
        let vr = VR(vrCode)
        let hex = String(format: "%04X%04X", tag.group, tag.element)
        if vr.isSequence {
            let canary = "CANARYSQ" + hex
            try item.appendItem(tag).set(patientComments, string: canary, vr: VR("LT"))
            return canary
        }
        if binaryVRs.contains(vrCode) {
            let canary = "CANARYBIN" + hex
            try item.set(tag, bytes: Array(canary.utf8), vr: vr)
            return canary
        }
        let canary = textCanary(hex: hex, vr: vrCode)
        try item.set(tag, string: canary, vr: vr)
        return canary
    }

    static func textCanary(hex: String, vr: String) -> String {
        switch vr {
        case "PN": "CANARY^" + hex
        case "UI": "1.2.826.0.1.3680043.9999." + String(UInt32(hex, radix: 16)!)
        case "DA": "20210314"
        case "TM": "101112"
        case "DT": "20210314101112"
        case "AS": "042Y"
        case "DS": "123.5"
        case "IS", "US", "SS", "UL", "SL", "FL", "FD", "SV", "UV": "4242"
        case "UR": "http://canary.example/" + hex
        default: "CANARY" + hex  // AE, CS, SH, LO, LT, ST, UT, UC: at most 16 characters for AE/CS/SH
        }
    }

    /// Checks that `item` shows the effect of `action` on the planted attribute of `row`.
    static func expectEffect(_ action: Action, of row: StandardTable.Row, in item: Dataset, canary: String,
                             sourceLocation: SourceLocation = #_sourceLocation) throws {
        let tag = try #require(row.tag)
        let vr = row.vr ?? ""
        let element = item.element(tag)
        switch action {
        case .remove:
            #expect(element == nil, "\(row.testDescription): expected removed", sourceLocation: sourceLocation)
        case .zero where tag == .patientName || tag == .patientID:
            let value = item.string(tag) ?? ""
            #expect(value.hasPrefix(tag == .patientName ? "ANONYMOUS^" : "ANON-"), "\(row.testDescription): token \(value)",
                    sourceLocation: sourceLocation)
            #expect(!value.contains("CANARY") && !value.contains(String(format: "%04X", tag.element)),
                    sourceLocation: sourceLocation)
        case .zero:
            #expect(element != nil, "\(row.testDescription): expected present", sourceLocation: sourceLocation)
            #expect(element?.length == 0 || (element?.isSequence == true && element?.itemCount == 0),
                    "\(row.testDescription): expected zero length, got \(String(describing: element))", sourceLocation: sourceLocation)
        case .dummy:
            #expect(element != nil, "\(row.testDescription): expected present", sourceLocation: sourceLocation)
            if vr == "SQ" {
                #expect((element?.itemCount ?? 0) >= 1, "\(row.testDescription): a dummy sequence has an item",
                        sourceLocation: sourceLocation)
            } else {
                #expect((element?.length ?? 0) > 0, "\(row.testDescription): a dummy is not empty", sourceLocation: sourceLocation)
                #expect(item.string(tag) != canary, sourceLocation: sourceLocation)
            }
        case .uid:
            let value = item.string(tag) ?? ""
            #expect(value.hasPrefix("2.25.") && value != canary, "\(row.testDescription): \(value)", sourceLocation: sourceLocation)
        case .keep where vr == "SQ":
            #expect(element?.itemCount == 1, "\(row.testDescription): sequence kept", sourceLocation: sourceLocation)
            #expect(item.items(tag).first.map { !$0.contains(patientComments) } == true,
                    "\(row.testDescription): its item was cleaned", sourceLocation: sourceLocation)
        case .keep:
            #expect(item.string(tag) == canary, sourceLocation: sourceLocation)
        default:
            Issue.record("no check written for \(action) on \(row.testDescription)", sourceLocation: sourceLocation)
        }
    }
}
