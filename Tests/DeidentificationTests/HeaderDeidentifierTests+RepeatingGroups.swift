@testable import Deidentification
import DicomCore
import Foundation
import Testing

/// Overlays (60xx) and curves (50xx): the table's repeating-group rows.
extension HeaderDeidentifierTests {
    static func addOverlay(group: UInt16, to dataset: Dataset, withData: Bool = true) throws {
        try dataset.set(Tag(group, 0x0010), string: "8", vr: .US)          // Overlay Rows
        try dataset.set(Tag(group, 0x0011), string: "8", vr: .US)          // Overlay Columns
        try dataset.set(Tag(group, 0x0022), string: "CANARYOVERLAYDESC", vr: .LO)  // Overlay Description
        try dataset.set(Tag(group, 0x0040), string: "G", vr: .CS)          // Overlay Type
        try dataset.set(Tag(group, 0x0050), string: "1\\1", vr: VR("SS"))  // Overlay Origin
        try dataset.set(Tag(group, 0x0100), string: "1", vr: .US)          // Overlay Bits Allocated
        try dataset.set(Tag(group, 0x0102), string: "0", vr: .US)          // Overlay Bit Position
        if withData { try dataset.set(Tag(group, 0x3000), bytes: [UInt8](repeating: 0xAA, count: 8), vr: .OW) }
        try dataset.set(Tag(group, 0x4000), string: "CANARYOVERLAYCOMMENT", vr: VR("LT"))  // Overlay Comments
    }

    @Test func overlayDataIsRemovedWithItsWholeOverlayGroup() throws {
        let instance = try Synthetic.instance {
            try Self.addOverlay(group: 0x6000, to: $0)
            try Self.addOverlay(group: 0x6002, to: $0)
            try $0.set(.rows, string: "8", vr: .US)
        }
        try Synthetic.deidentify(instance, profile: Synthetic.profile())
        let groups = Set(instance.dataset.elements.map(\.tag.group))
        #expect(!groups.contains(0x6000))
        #expect(!groups.contains(0x6002))
        #expect(instance.dataset.integer(.rows) == 8, "the image's own Rows are not the overlay's")
        #expect(Synthetic.occurrences(of: "CANARYOVERLAY", in: instance.dataset).isEmpty)
    }

    @Test func overlayCommentsAreRemovedEvenWithoutOverlayData() throws {
        let instance = try Synthetic.instance { try Self.addOverlay(group: 0x6004, to: $0, withData: false) }
        try Synthetic.deidentify(instance, profile: Synthetic.profile())
        #expect(!instance.dataset.contains(Tag(0x6004, 0x4000)))
        #expect(Synthetic.occurrences(of: "CANARYOVERLAY", in: instance.dataset).isEmpty)
    }

    @Test func curveDataIsRemoved() throws {
        let instance = try Synthetic.instance {
            try $0.set(Tag(0x5000, 0x0005), string: "1", vr: .US)                 // Curve Dimensions
            try $0.set(Tag(0x5000, 0x0010), string: "4", vr: .US)                 // Number of Points
            try $0.set(Tag(0x5000, 0x0022), string: "CANARYCURVEDESC", vr: .LO)   // Curve Description
            try $0.set(Tag(0x5000, 0x3000), bytes: Array("CANARYCURVEDATA".utf8) + [0], vr: .OB)
            try $0.set(Tag(0x5002, 0x3000), bytes: [1, 2, 3, 4], vr: .OB)
        }
        try Synthetic.deidentify(instance, profile: Synthetic.profile())
        #expect(instance.dataset.elements.allSatisfy { $0.tag.group & 0xFF00 != 0x5000 })
        #expect(Synthetic.occurrences(of: "CANARYCURVE", in: instance.dataset).isEmpty)
    }
}
