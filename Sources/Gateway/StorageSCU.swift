internal import CDCMTK
import Foundation

/// How to reach a DICOM peer.
public struct PeerSettings: Sendable {
    public var callingAETitle: String
    public var calledAETitle: String
    public var host: String
    public var port: UInt16
    public var connectTimeout: Int
    public var acseTimeout: Int
    public var dimseTimeout: Int
    public var tls: TLSSettings?

    public init(callingAETitle: String, calledAETitle: String, host: String, port: UInt16, connectTimeout: Int = 10,
                acseTimeout: Int = 30, dimseTimeout: Int = 60, tls: TLSSettings? = nil) {
        self.callingAETitle = callingAETitle
        self.calledAETitle = calledAETitle
        self.host = host
        self.port = port
        self.connectTimeout = connectTimeout
        self.acseTimeout = acseTimeout
        self.dimseTimeout = dimseTimeout
        self.tls = tls
    }
}

/// A C-STORE SCU to one peer. It keeps its association open between sends (one per worker), and
/// renegotiates when a file needs a presentation context it does not have. Not thread-safe: one per thread.
public final class StorageSCU {
    private let handle: OpaquePointer
    public let peer: PeerSettings

    public init(peer: PeerSettings) throws {
        self.peer = peer
        handle = try TLSSettings.withConfig(peer.tls) { tls in
            try NetworkStatus.pointer({ .network(reason: $0) }) { err in
                peer.callingAETitle.withCString { calling in
                    peer.calledAETitle.withCString { called in
                        peer.host.withCString { host in
                            var config = dd_scu_config_t(
                                calling_ae_title: calling, called_ae_title: called, host: host, port: peer.port,
                                connect_timeout_seconds: UInt32(max(1, peer.connectTimeout)),
                                acse_timeout_seconds: UInt32(max(1, peer.acseTimeout)),
                                dimse_timeout_seconds: UInt32(max(1, peer.dimseTimeout)), tls: tls)
                            return dd_scu_create(&config, err)
                        }
                    }
                }
            }
        }
    }

    deinit { dd_scu_free(handle) }

    /// Sends one file; throws unless the peer answered success or a warning.
    public func store(path: String) throws {
        var status: UInt16 = 0
        try NetworkStatus.check({ .network(reason: $0) }) { dd_scu_store(handle, path, &status, $0) }
        // 0x0000 success; 0x0001, 0x0107, 0x0116 and 0xBxxx are warnings (stored).
        let isWarning = status & 0xF000 == 0xB000 || [0x0001, 0x0107, 0x0116].contains(status)
        if status != 0 && !isWarning { throw GatewayError.storeRefused(status: status, reason: "") }
    }

    /// C-ECHO on a fresh association.
    public func echo() throws {
        try NetworkStatus.check({ .network(reason: $0) }) { dd_scu_echo(handle, $0) }
    }

    /// Releases the association (when idle).
    public func close() { dd_scu_close(handle) }
}
