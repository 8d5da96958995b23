import Foundation
import CDCMTK

/// A transfer syntax, with what this build can do with it.
public struct TransferSyntax: Hashable, Sendable, CustomStringConvertible {
    public let uid: String

    public init(uid: String) { self.uid = uid.trimmingCharacters(in: CharacterSet(charactersIn: " \0")) }

    public var name: String {
        let known = String(cString: dd_xfer_name(uid))
        return known.isEmpty ? (Self.otherNames[uid] ?? "unknown") : known
    }
    public var isEncapsulated: Bool { dd_xfer_is_encapsulated(uid) != 0 || Self.otherNames[uid] != nil }
    /// Whether DCMTK 3.6.7 knows the UID (it can then read and write datasets in it).
    public var isKnownToDCMTK: Bool { dd_xfer_name(uid)[0] != 0 }
    /// Whether DCMTK or OpenJPEG in this build decodes its pixel data.
    public var isDecodable: Bool { dd_xfer_is_decodable(uid) != 0 }
    /// Whether pixel data can be written in it without loss after the pixels changed:
    /// native encodings, deflate, and the lossless encoders DCMTK has.
    public var isLosslessEncodable: Bool { Self.losslessEncodable.contains(uid) }

    public var description: String { "\(uid) (\(name))" }

    public static let implicitLittleEndian = TransferSyntax(uid: "1.2.840.10008.1.2")
    public static let explicitLittleEndian = TransferSyntax(uid: "1.2.840.10008.1.2.1")
    public static let deflatedExplicitLittleEndian = TransferSyntax(uid: "1.2.840.10008.1.2.1.99")
    public static let explicitBigEndian = TransferSyntax(uid: "1.2.840.10008.1.2.2")
    public static let jpegBaseline = TransferSyntax(uid: "1.2.840.10008.1.2.4.50")
    public static let jpegLosslessSV1 = TransferSyntax(uid: "1.2.840.10008.1.2.4.70")
    public static let jpegLSLossless = TransferSyntax(uid: "1.2.840.10008.1.2.4.80")
    public static let rleLossless = TransferSyntax(uid: "1.2.840.10008.1.2.5")

    static let losslessEncodable: Set<String> = [
        "1.2.840.10008.1.2", "1.2.840.10008.1.2.1", "1.2.840.10008.1.2.1.99", "1.2.840.10008.1.2.2",
        "1.2.840.10008.1.2.5", "1.2.840.10008.1.2.4.57", "1.2.840.10008.1.2.4.70", "1.2.840.10008.1.2.4.80",
        "1.2.840.10008.1.2.4.90",  // JPEG 2000 reversible, encoded with OpenJPEG
    ]

    /// Names for syntaxes DCMTK 3.6.7 predates, so refusals can say what they are.
    static let otherNames: [String: String] = [
        "1.2.840.10008.1.2.4.201": "High-Throughput JPEG 2000 Lossless Only",
        "1.2.840.10008.1.2.4.202": "High-Throughput JPEG 2000 with RPCL Lossless Only",
        "1.2.840.10008.1.2.4.203": "High-Throughput JPEG 2000",
        "1.2.840.10008.1.2.4.110": "JPEG XL Lossless",
        "1.2.840.10008.1.2.4.111": "JPEG XL JPEG Recompression",
        "1.2.840.10008.1.2.4.112": "JPEG XL",
        "1.2.840.10008.1.2.8.1": "Deflated Image Frame Compression",
    ]
}
