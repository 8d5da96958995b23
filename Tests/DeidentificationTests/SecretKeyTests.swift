@testable import Deidentification
import Foundation
import Testing

@Suite struct SecretKeyTests {
    @Test func aCreatedKeyFileIsReadableByItsOwnerOnly() throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("keys/run.key")
        _ = try SecretKey.create(path: path)
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        let permissions = try #require(attributes[.posixPermissions] as? NSNumber)
        #expect(permissions.intValue & 0o777 == 0o600)
    }

    @Test func aCreatedHexKeyFileReadsBackAsTheSameKey() throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("run.key")
        let created = try SecretKey.create(path: path)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.trimmingCharacters(in: .newlines).count == 64)
        #expect(text.trimmingCharacters(in: .newlines).allSatisfy { $0.isHexDigit })
        let read = try SecretKey.read(path: path)
        #expect(read.fingerprint == created.fingerprint)
        #expect(Pseudonymizer(key: read).uid("1.2.3.4") == Pseudonymizer(key: created).uid("1.2.3.4"))
    }

    @Test func twoCreatedKeysDiffer() throws {
        let directory = try TemporaryDirectory()
        let first = try SecretKey.create(path: directory.file("a.key"))
        let second = try SecretKey.create(path: directory.file("b.key"))
        #expect(first.fingerprint != second.fingerprint)
    }

    @Test func anExistingKeyFileIsNeverOverwritten() throws {
        let directory = try TemporaryDirectory()
        let path = try directory.write("run.key", "my own secret passphrase\n")
        #expect(throws: DeidentificationError.self) { try SecretKey.create(path: path) }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "my own secret passphrase\n")
    }

    @Test func aHexKeyAndItsBytesAreTheSameKey() {
        let hex = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff"
        let bytes: [UInt8] = (0..<32).map { UInt8(($0 % 16) * 0x11) }
        #expect(SecretKey(text: hex).fingerprint == SecretKey(bytes: bytes).fingerprint)
        #expect(SecretKey(text: hex.uppercased()).fingerprint == SecretKey(bytes: bytes).fingerprint)
    }

    @Test func aPassphraseKeyFileIsUsedAsBytesAndTrimmed() throws {
        let directory = try TemporaryDirectory()
        let path = try directory.write("pass.key", "  correct horse battery staple\n")
        #expect(try SecretKey.read(path: path).fingerprint == SecretKey(bytes: Array("correct horse battery staple".utf8)).fingerprint)
    }

    @Test func aShortOrMissingKeyFileIsRefused() throws {
        let directory = try TemporaryDirectory()
        let short = try directory.write("short.key", "secret\n")
        #expect(throws: DeidentificationError.keyUnavailable(path: short, reason: "key is shorter than 16 characters")) {
            try SecretKey.read(path: short)
        }
        #expect(throws: DeidentificationError.self) { try SecretKey.read(path: directory.file("missing.key")) }
    }
}
