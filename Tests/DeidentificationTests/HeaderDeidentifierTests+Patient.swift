@testable import Deidentification
import DicomCore
import Foundation
import Testing

/// Patient's Name and Patient ID become stable tokens derived from the patient's identity.
extension HeaderDeidentifierTests {
    static func patient(_ id: String, name: String, issuer: String? = nil) throws -> Instance {
        try Synthetic.instance {
            try $0.set(.patientID, string: id, vr: .LO)
            try $0.set(.patientName, string: name, vr: .PN)
            if let issuer { try $0.set(Tag(0x0010, 0x0021), string: issuer, vr: .LO) }
        }
    }

    static func tokens(_ instance: Instance, _ profile: Profile) throws -> [String?] {
        try Synthetic.deidentify(instance, profile: profile)
        return [instance.dataset.string(.patientName), instance.dataset.string(.patientID)]
    }

    @Test func theSamePatientGetsTheSameTokensInEveryInstance() throws {
        let profile = try Synthetic.profile()
        let first = try Self.tokens(try Self.patient("MRN-1001", name: "QUIXOTE^ALONSO"), profile)
        let second = try Self.tokens(try Self.patient("MRN-1001", name: "QUIXOTE^ALONSO"), profile)
        let other = try Self.tokens(try Self.patient("MRN-1002", name: "PANZA^SANCHO"), profile)
        #expect(first == second)
        #expect(first[0] != other[0] && first[1] != other[1])
        #expect(first.allSatisfy { $0.map { !$0.contains("QUIXOTE") && !$0.contains("1001") } == true })
    }

    @Test func theSameIDFromAnotherIssuerIsAnotherPatient() throws {
        let profile = try Synthetic.profile()
        let here = try Self.tokens(try Self.patient("1001", name: "A^B", issuer: "HOSPITAL A"), profile)
        let there = try Self.tokens(try Self.patient("1001", name: "A^B", issuer: "HOSPITAL B"), profile)
        #expect(here[1] != there[1])
    }

    @Test func tokenPatternsAreProfileParameters() throws {
        let directory = try TemporaryDirectory()
        let path = try directory.write("tokens.yaml", """
            name: tokens
            kind: profile
            extends: basic
            parameters:
              patientIDPattern: "TRIAL-{hash:6}"
              patientNamePattern: ""
            """)
        let instance = try Self.patient("MRN-1001", name: "QUIXOTE^ALONSO")
        let tokens = try Self.tokens(instance, try Synthetic.library.load(path))
        let id = try #require(tokens[1])
        #expect(id.hasPrefix("TRIAL-") && id.count == 12, "\(id)")
        #expect(tokens[0] == "", "an empty pattern gives a zero-length name")
    }

    @Test func anEmptyPatientIDStaysEmpty() throws {
        let instance = try Self.patient("", name: "QUIXOTE^ALONSO")
        let tokens = try Self.tokens(instance, try Synthetic.profile())
        #expect(tokens[1] == "")
        #expect(tokens[0]?.hasPrefix("ANONYMOUS^") == true)
    }
}
