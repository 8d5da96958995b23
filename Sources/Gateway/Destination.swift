import Foundation

/// Where de-identified instances go: a DICOM C-STORE SCP (`dicom://AE@host:port`) or a DICOMweb
/// STOW-RS service (`dicomweb://host:port/path` over HTTP, `dicomwebs://…` over HTTPS), where
/// `/path` is the DICOMweb root (instances are POSTed to `{root}/studies`).
public enum Destination: Sendable, Equatable, CustomStringConvertible {
    case dicom(aeTitle: String, host: String, port: UInt16)
    /// The http(s) URL of the DICOMweb root.
    case dicomWeb(baseURL: String)

    public init(parsing text: String) throws {
        for (scheme, http) in [("dicomweb://", "http://"), ("dicomwebs://", "https://")] where text.hasPrefix(scheme) {
            let rest = text.dropFirst(scheme.count)
            guard let url = URL(string: http + rest), let host = url.host, !host.isEmpty, url.user == nil else {
                throw GatewayError.invalidDestination(text: text, reason: "expected \(scheme)host:port/path")
            }
            self = .dicomWeb(baseURL: http + rest)
            return
        }
        guard text.hasPrefix("dicom://") else {
            throw GatewayError.invalidDestination(text: text, reason: "expected dicom://AE@host:port or dicomweb://host:port/path")
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
        case let .dicomWeb(baseURL):
            baseURL.hasPrefix("https://") ? "dicomwebs://" + baseURL.dropFirst(8) : "dicomweb://" + baseURL.dropFirst(7)
        }
    }
}
