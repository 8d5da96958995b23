@testable import Deidentification
import Foundation
import Testing

@Suite struct PseudonymizerTests {
    let pseudonymizer = Pseudonymizer(key: Synthetic.key)
    static let originals = (0..<500).map { "1.2.826.0.1.3680043.9999.\($0).\($0 * 7919 % 1000)" }

    /// A UID per PS3.5 9.1: at most 64 characters, digits and dots, no empty component, no leading zero.
    static func isValidUID(_ uid: String) -> Bool {
        uid.count <= 64 && !uid.isEmpty && uid.allSatisfy { $0.isASCII && ($0.isNumber || $0 == ".") }
            && uid.split(separator: ".", omittingEmptySubsequences: false).allSatisfy { $0 == "0" || (!$0.isEmpty && !$0.hasPrefix("0")) }
    }

    @Test func theSameKeyGivesTheSameReplacements() {
        let again = Pseudonymizer(key: SecretKey(text: "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff"))
        for original in Self.originals.prefix(20) { #expect(pseudonymizer.uid(original) == again.uid(original)) }
        #expect(pseudonymizer.token("id:PAT-1|", domain: "patient-id", pattern: "ANON-{hash:10}")
            == again.token("id:PAT-1|", domain: "patient-id", pattern: "ANON-{hash:10}"))
        #expect(pseudonymizer.dateShiftDays(patient: "id:PAT-1|", maxDays: 3650) == again.dateShiftDays(patient: "id:PAT-1|", maxDays: 3650))
    }

    @Test func aDifferentKeyGivesDifferentReplacements() {
        let other = Pseudonymizer(key: Synthetic.otherKey)
        for original in Self.originals.prefix(20) { #expect(pseudonymizer.uid(original) != other.uid(original)) }
        #expect(pseudonymizer.token("id:PAT-1|", domain: "patient-id", pattern: "{hash:12}")
            != other.token("id:PAT-1|", domain: "patient-id", pattern: "{hash:12}"))
    }

    @Test func differentOriginalsGiveDifferentUIDs() {
        #expect(Set(Self.originals.map(pseudonymizer.uid)).count == Self.originals.count)
    }

    @Test func replacementUIDsAreValidAndUnderTheRoot() {
        for original in Self.originals {
            let uid = pseudonymizer.uid(original)
            #expect(uid.hasPrefix("2.25."))
            #expect(Self.isValidUID(uid), "\(uid)")
        }
    }

    @Test func replacementUIDsStayValidUnderALongRoot() {
        let root = "1.2.826.0.1.3680043.10.5"  // 24 characters, the longest a profile accepts
        let long = Pseudonymizer(key: Synthetic.key, uidRoot: root)
        for original in Self.originals {
            let uid = long.uid(original)
            #expect(uid.hasPrefix(root + "."))
            #expect(Self.isValidUID(uid), "\(uid)")
        }
    }

    @Test func paddingDoesNotChangeTheReplacement() {
        #expect(pseudonymizer.uid("1.2.3.4\0") == pseudonymizer.uid("1.2.3.4"))
        #expect(pseudonymizer.uid(" 1.2.3.4") == pseudonymizer.uid("1.2.3.4"))
    }

    @Test func tokensFollowTheirPattern() {
        let token = pseudonymizer.token("id:PAT-1|", domain: "patient-id", pattern: "TRIAL-{hash:6}-X")
        #expect(token.hasPrefix("TRIAL-") && token.hasSuffix("-X"))
        #expect(token.count == "TRIAL-".count + 6 + 2)
        #expect(token.dropFirst(6).prefix(6).allSatisfy { "ABCDEFGHJKLMNPQRSTUVWXYZ23456789".contains($0) })
        #expect(pseudonymizer.token("x", domain: "d", pattern: "") == "")
        #expect(pseudonymizer.token("x", domain: "patient-id", pattern: "{hash}")
            != pseudonymizer.token("x", domain: "patient-name", pattern: "{hash}"), "domains are separated")
    }

    @Test func dateShiftsStayInRange() {
        for patient in Self.originals.prefix(200) {
            #expect((1...30).contains(pseudonymizer.dateShiftDays(patient: patient, maxDays: 30)))
        }
    }
}
