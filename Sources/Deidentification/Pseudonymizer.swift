@preconcurrency import Crypto
import Foundation

/// Replacement values from HMAC-SHA-256 under the user's key: no table, so every run, process,
/// machine and shard derives the same replacement for the same original.
public struct Pseudonymizer: Sendable {
    let key: SecretKey
    public let uidRoot: String

    public init(key: SecretKey, uidRoot: String = "2.25") {
        self.key = key
        self.uidRoot = uidRoot
    }

    func digest(_ domain: String, _ value: String) -> [UInt8] {
        Array(HMAC<SHA256>.authenticationCode(for: Data((domain + "\u{0}" + value).utf8), using: key.key))
    }

    /// A replacement UID: `<root>.<decimal of 128 bits of the keyed hash>` (at most 64 characters).
    public func uid(_ original: String) -> String {
        let bytes = digest("uid", original.trimmingPadding)
        var value: UInt128 = 0
        for byte in bytes.prefix(16) { value = value << 8 | UInt128(byte) }
        var decimal = String(value)
        let room = 64 - uidRoot.count - 1
        if decimal.count > room { decimal = String(decimal.prefix(room)) }
        if decimal.hasPrefix("0") && decimal.count > 1 { decimal = "1" + decimal.dropFirst() }
        return uidRoot + "." + decimal
    }

    /// A stable token for an identifier, from a pattern with `{hash}` or `{hash:N}` (upper-case base-32).
    public func token(_ original: String, domain: String, pattern: String) -> String {
        guard !pattern.isEmpty else { return "" }
        let alphabet = Array("ABCDEFGHJKLMNPQRSTUVWXYZ23456789")
        let bytes = digest(domain, original)
        let characters = bytes.map { alphabet[Int($0) % alphabet.count] }
        var result = ""
        var rest = Substring(pattern)
        while let open = rest.range(of: "{hash") {
            result += rest[..<open.lowerBound]
            guard let close = rest[open.upperBound...].firstIndex(of: "}") else { break }
            let lengthText = rest[open.upperBound..<close].drop { $0 == ":" }
            let length = min(max(Int(lengthText) ?? 10, 1), characters.count)
            result += String(characters.prefix(length))
            rest = rest[rest.index(after: close)...]
        }
        return result + rest
    }

    /// Days to move a patient's dates back (1...maxDays), the same for every instance of the patient.
    public func dateShiftDays(patient: String, maxDays: Int) -> Int {
        let bytes = digest("date-shift", patient)
        let value = bytes.prefix(8).reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
        return Int(value % UInt64(maxDays)) + 1
    }
}
