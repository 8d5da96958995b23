@preconcurrency import Crypto
import DicomCore
import Foundation

/// The user's secret for keyed pseudonyms. Same key, same input: same output, on any machine.
public struct SecretKey: Sendable {
    let key: SymmetricKey
    /// A short fingerprint (not the key) to tell keys apart in audits and resume checks.
    public let fingerprint: String

    public init(bytes: [UInt8]) {
        key = SymmetricKey(data: bytes)
        fingerprint = SHA256.hash(data: bytes).prefix(6).map { String(format: "%02x", $0) }.joined()
    }

    /// Reads a key file: hex text (64 hex digits from `create`) or any other text, used as bytes.
    public static func read(path: String) throws -> SecretKey {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw DeidentificationError.keyUnavailable(path: path, reason: "cannot read the key file")
        }
        let text = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard text.count >= 16 else {
            throw DeidentificationError.keyUnavailable(path: path, reason: "key is shorter than 16 characters")
        }
        return SecretKey(text: text)
    }

    public init(text: String) {
        if text.count % 2 == 0, text.count >= 32, text.allSatisfy(\.isHexDigit) {
            var bytes: [UInt8] = []
            var index = text.startIndex
            while index < text.endIndex {
                let next = text.index(index, offsetBy: 2)
                bytes.append(UInt8(text[index..<next], radix: 16)!)
                index = next
            }
            self.init(bytes: bytes)
        } else {
            self.init(bytes: Array(text.utf8))
        }
    }

    /// Creates a new random 256-bit key at `path`, readable by the owner only (0600).
    public static func create(path: String) throws -> SecretKey {
        let bytes = (0..<32).map { _ in UInt8.random(in: 0...255) }
        let text = bytes.map { String(format: "%02x", $0) }.joined() + "\n"
        let directory = PathName.directory(of: path)
        if !directory.isEmpty { try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true) }
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL, 0o600)
        guard descriptor >= 0 else {
            throw DeidentificationError.keyUnavailable(path: path, reason: String(cString: strerror(errno)))
        }
        defer { close(descriptor) }
        let written = text.withCString { write(descriptor, $0, strlen($0)) }
        guard written == text.utf8.count else {
            throw DeidentificationError.keyUnavailable(path: path, reason: "cannot write the key file")
        }
        return SecretKey(bytes: bytes)
    }
}
