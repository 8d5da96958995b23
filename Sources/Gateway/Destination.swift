import Foundation

/// Where de-identified instances go: a DICOM C-STORE SCP (`dicom://AE@host:port`) or a DICOMweb
/// STOW-RS service (`dicomweb://host:port/path`, not implemented yet).
public enum Destination: Sendable, Equatable, CustomStringConvertible {
    case dicom(aeTitle: String, host: String, port: UInt16)
    case dicomWeb(url: String)

    public init(parsing text: String) throws {
        if text.hasPrefix("dicomweb://") || text.hasPrefix("dicomwebs://") {
            throw GatewayError.unsupportedDestination(
                text: text, reason: "DICOMweb STOW-RS is not implemented yet; use dicom://AE@host:port")
        }
        guard text.hasPrefix("dicom://") else {
            throw GatewayError.invalidDestination(text: text, reason: "expected dicom://AE@host:port")
        }
        let rest = text.dropFirst("dicom://".count)
        guard let at = rest.lastIndex(of: "@") else {
            throw GatewayError.invalidDestination(text: text, reason: "missing the AE title (dicom://AE@host:port)")
        }
        let aeTitle = String(rest[..<at])
        let address = rest[rest.index(after: at)...]
        guard let colon = address.lastIndex(of: ":"), let port = UInt16(address[address.index(after: colon)...]), port > 0 else {
            throw GatewayError.invalidDestination(text: text, reason: "missing or invalid port (dicom://AE@host:port)")
        }
        let host = String(address[..<colon])
        try Self.checkAETitle(aeTitle, in: text)
        guard !host.isEmpty else { throw GatewayError.invalidDestination(text: text, reason: "missing host") }
        self = .dicom(aeTitle: aeTitle, host: host, port: port)
    }

    /// AE titles: 1–16 characters of the default repertoire, no backslash or control characters.
    public static func checkAETitle(_ title: String, in context: String) throws {
        let valid = (1...16).contains(title.count) && title.trimmingCharacters(in: .whitespaces) == title
            && title.unicodeScalars.allSatisfy { $0.value >= 0x20 && $0.value < 0x7F && $0 != "\\" }
        if !valid { throw GatewayError.invalidDestination(text: context, reason: "AE title '\(title)' must be 1-16 printable ASCII characters") }
    }

    public var description: String {
        switch self {
        case let .dicom(aeTitle, host, port): "dicom://\(aeTitle)@\(host):\(port)"
        case let .dicomWeb(url): url
        }
    }
}
