import DicomCore
import Testing

@Suite("Overlay")
struct OverlayTests {
    /// "group rows x columns storage frames", for comparing with expectations.
    static func summary(_ overlays: [Overlay]) -> [String] {
        overlays.map { overlay in
            let storage = switch overlay.storage {
            case .separate: "separate"
            case let .embedded(bit): "bit \(bit)"
            }
            return "\(String(overlay.group, radix: 16, uppercase: true)) \(overlay.rows)x\(overlay.columns) \(storage) \(overlay.frames)"
        }
    }

    @Test func sharedIHEOverlayFileHasTwoEmbeddedAndTwoSeparatePlanes() throws {
        let dataset = try Instance(contentsOf: SharedData.path("dcm4che-test-data/ovly_p01.dcm")).dataset
        #expect(Self.summary(Overlay.overlays(in: dataset)) == [
            "6000 512x512 bit 15 1", "6002 512x512 bit 14 1", "6004 512x512 separate 1", "6006 512x512 separate 1",
        ])
    }

    @Test func sharedXAFileHasEightPlanesInPixelBits8Through15() throws {
        let dataset = try Instance(contentsOf: SharedData.path("smi-dicompixelanon/XA_GE_JPEG_02_with_Overlays.dcm")).dataset
        let overlays = Overlay.overlays(in: dataset)
        #expect(overlays.map(\.group) == [0x6000, 0x6002, 0x6004, 0x6006, 0x6008, 0x6010, 0x6012, 0x6014])
        #expect(overlays.map(\.storage) == (8...15).map { .embedded(bitPosition: $0) })
        #expect(overlays.allSatisfy { $0.rows == 512 && $0.columns == 512 })
    }

    @Test func sharedFileWithoutOverlaysHasNone() throws {
        let dataset = try Instance(contentsOf: SharedData.path("pydicom-testfiles/test_files/MR_small.dcm")).dataset
        #expect(Overlay.overlays(in: dataset).isEmpty)
    }

    @Test func anOverlayGroupWithoutRowsAndColumnsIsIgnored() throws {
        let dataset = try Instance(contentsOf: SharedData.path("pydicom-testfiles/test_files/MR_small.dcm")).dataset
        try dataset.set(Tag(0x6000, 0x0022), string: "a description only")
        #expect(Overlay.overlays(in: dataset).isEmpty)
        try dataset.set(Tag(0x6000, 0x0010), string: "64")
        try dataset.set(Tag(0x6000, 0x0011), string: "64")
        try dataset.set(Tag(0x6000, 0x3000), bytes: [UInt8](repeating: 0, count: 512), vr: .OW)
        #expect(Self.summary(Overlay.overlays(in: dataset)) == ["6000 64x64 separate 1"])
    }
}
