@testable import DicomCore
import Testing

/// An instance must be freed once nothing refers to it, or a batch of many files grows without bound.
@Suite struct InstanceLifetimeTests {
    @Test func anInstanceIsFreedAfterItsDatasetWasUsed() throws {
        var instance: Instance? = Instance(empty: ())
        weak let watched = instance
        try instance?.dataset.set(.patientID, string: "X")
        _ = instance?.meta.elements
        #expect(instance?.dataset.string(.patientID) == "X")
        instance = nil
        #expect(watched == nil)
    }

    @Test func anItemKeepsItsInstanceAliveUntilTheItemGoes() throws {
        var instance: Instance? = Instance(empty: ())
        weak let watched = instance
        var item: Dataset? = try instance?.dataset.appendItem(Tag(0x0008, 0x1140))
        instance = nil
        #expect(watched != nil)
        try item?.set(Tag(0x0008, 0x1155), string: "1.2.3")
        item = nil
        #expect(watched == nil)
    }
}
