internal import CDCMTK

/// TLS for one side of the gateway (DCMTK dcmtls, BCP 195 cipher suites). PEM files.
public struct TLSSettings: Sendable, Equatable {
    public var certificate: String?
    public var privateKey: String?
    /// A PEM file or a folder of PEM files: the peer's certificate must be signed by one of these.
    public var trustedCertificates: String?
    /// Listening side only: refuse peers that present no trusted certificate.
    public var requirePeerCertificate: Bool

    public init(certificate: String? = nil, privateKey: String? = nil, trustedCertificates: String? = nil,
                requirePeerCertificate: Bool = false) {
        self.certificate = certificate
        self.privateKey = privateKey
        self.trustedCertificates = trustedCertificates
        self.requirePeerCertificate = requirePeerCertificate
    }

    /// Calls `body` with the C configuration; the strings live for the duration of the call.
    static func withConfig<R>(_ settings: TLSSettings?, _ body: (dd_tls_config_t) throws -> R) rethrows -> R {
        guard let settings else { return try body(dd_tls_config_t()) }
        return try withOptionalCString(settings.certificate) { certificate in
            try withOptionalCString(settings.privateKey) { key in
                try withOptionalCString(settings.trustedCertificates) { trusted in
                    try body(dd_tls_config_t(enabled: 1, certificate: certificate, private_key: key, trusted_certificates: trusted,
                                             require_peer_certificate: settings.requirePeerCertificate ? 1 : 0))
                }
            }
        }
    }
}

func withOptionalCString<R>(_ text: String?, _ body: (UnsafePointer<CChar>?) throws -> R) rethrows -> R {
    guard let text else { return try body(nil) }
    return try text.withCString { try body($0) }
}
