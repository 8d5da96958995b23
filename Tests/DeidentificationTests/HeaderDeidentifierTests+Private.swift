@testable import Deidentification
import DicomCore
import Foundation
import Testing

/// Private attributes: removed with their creators, except what Retain Safe Private or a user rule keeps.
extension HeaderDeidentifierTests {
    @Test func privateElementsAreRemovedWithTheirCreators() throws {
        let instance = try Synthetic.instance {
            try $0.set(Tag(0x0009, 0x0010), string: "ACME 1.0", vr: .LO)
            try $0.set(Tag(0x0009, 0x1001), string: "CANARYPRIVATE1", vr: .LO)
            try $0.set(Tag(0x0009, 0x1002), string: "1.2.826.0.1.3680043.9999.5", vr: .UI)
            try $0.set(Tag(0x0029, 0x0010), string: "GEMS_ACQU_01", vr: .LO)
            try $0.set(Tag(0x0029, 0x1023), string: "10.5", vr: VR("DS"))
            let item = try $0.appendItem(Tag(0x0008, 0x1115))
            try item.set(Tag(0x0011, 0x0010), string: "ACME 1.0", vr: .LO)
            try item.set(Tag(0x0011, 0x1001), string: "CANARYPRIVATE2", vr: .LO)
        }
        let result = try Synthetic.deidentify(instance, profile: Synthetic.profile())
        #expect(instance.dataset.elements.allSatisfy { !$0.tag.isPrivate })
        #expect(instance.dataset.items(Tag(0x0008, 0x1115)).first.map { $0.elements.allSatisfy { !$0.tag.isPrivate } } == true)
        #expect(Synthetic.occurrences(of: "CANARYPRIVATE", in: instance.dataset).isEmpty)
        #expect(result.counts.privateRemoved == 7, "5 at the top level (3 elements, 2 creators), 2 in the item")
    }

    @Test func retainSafePrivateKeepsASafeElementWithItsCreatorAndRemovesTheUnsafeOnesOfTheBlock() throws {
        let profile = try Synthetic.profile(["retain-safe-private"])
        // GEMS_ACQU_01 (0019,xx23) Table Speed is on the safe list; (0019,xx99) is not.
        #expect(profile.isSafePrivate(Tag(0x0019, 0x1123), creator: "GEMS_ACQU_01"))
        #expect(!profile.isSafePrivate(Tag(0x0019, 0x1199), creator: "GEMS_ACQU_01"))
        let instance = try Synthetic.instance {
            try $0.set(Tag(0x0019, 0x0010), string: "ACME 1.0", vr: .LO)
            try $0.set(Tag(0x0019, 0x1023), string: "CANARYNOTSAFE", vr: .LO)       // same low byte, other creator
            try $0.set(Tag(0x0019, 0x0011), string: "GEMS_ACQU_01", vr: .LO)       // block 0x11
            try $0.set(Tag(0x0019, 0x1123), string: "10.5", vr: VR("DS"))          // safe
            try $0.set(Tag(0x0019, 0x1199), string: "CANARYUNSAFE", vr: .LO)       // unsafe, same block
        }
        try Synthetic.deidentify(instance, profile: profile)
        let dataset = instance.dataset
        #expect(dataset.string(Tag(0x0019, 0x1123)) == "10.5")
        #expect(dataset.string(Tag(0x0019, 0x0011)) == "GEMS_ACQU_01")
        #expect(!dataset.contains(Tag(0x0019, 0x1199)))
        #expect(!dataset.contains(Tag(0x0019, 0x1023)))
        #expect(!dataset.contains(Tag(0x0019, 0x0010)), "a creator whose block keeps nothing goes")
        #expect(Synthetic.occurrences(of: "CANARY", in: dataset).isEmpty)
        #expect(profile.methodCodes.map(\.code) == ["113100", "113111"])
    }

    @Test func withoutRetainSafePrivateASafeElementIsRemovedToo() throws {
        let instance = try Synthetic.instance {
            try $0.set(Tag(0x0019, 0x0010), string: "GEMS_ACQU_01", vr: .LO)
            try $0.set(Tag(0x0019, 0x1023), string: "10.5", vr: VR("DS"))
        }
        try Synthetic.deidentify(instance, profile: Synthetic.profile())
        #expect(!instance.dataset.contains(Tag(0x0019, 0x1023)))
        #expect(!instance.dataset.contains(Tag(0x0019, 0x0010)))
    }

    @Test func aUserRuleAddressesAPrivateElementByItsCreatorWhateverTheBlock() throws {
        let directory = try TemporaryDirectory()
        let path = try directory.write("private.yaml", """
            name: private-keep
            kind: profile
            extends: basic
            rules:
              - { tag: '(0009,"GEMS_IDEN_01",04)', action: K }
            """)
        let profile = try Synthetic.library.load(path)
        let instance = try Synthetic.instance {
            try $0.set(Tag(0x0009, 0x0010), string: "OTHER", vr: .LO)
            try $0.set(Tag(0x0009, 0x1004), string: "CANARYOTHER", vr: .LO)        // low byte 04, other creator
            try $0.set(Tag(0x0009, 0x0012), string: "GEMS_IDEN_01", vr: .LO)       // block 0x12
            try $0.set(Tag(0x0009, 0x1204), string: "KEPT VALUE", vr: .LO)
            try $0.set(Tag(0x0009, 0x1205), string: "CANARYIDEN05", vr: .LO)
        }
        try Synthetic.deidentify(instance, profile: profile)
        let dataset = instance.dataset
        #expect(dataset.string(Tag(0x0009, 0x1204)) == "KEPT VALUE")
        #expect(dataset.string(Tag(0x0009, 0x0012)) == "GEMS_IDEN_01")
        #expect(!dataset.contains(Tag(0x0009, 0x1205)))
        #expect(!dataset.contains(Tag(0x0009, 0x1004)))
        #expect(!dataset.contains(Tag(0x0009, 0x0010)))
    }
}
