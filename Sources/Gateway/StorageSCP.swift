internal import CDCMTK
import Foundation

/// What the listener reports, from its association threads.
public enum ListenerEvent: Sendable {
    case associationAccepted(callingAE: String, peer: String)
    case associationRejected(callingAE: String, peer: String, reason: String)
    case echo(callingAE: String, peer: String)
    /// The instance is durable at `path`; the success response follows.
    case stored(path: String, sopClassUID: String, callingAE: String, peer: String)
    case storeFailed(callingAE: String, peer: String, reason: String)
    case associationEnded(callingAE: String, peer: String)
}

/// How the listener is set up.
public struct ListenerSettings: Sendable {
    public var aeTitle: String
    public var bindAddress: String
    public var port: UInt16
    /// Calling AE titles allowed to associate; empty allows any.
    public var allowedCallingAETitles: [String]
    public var maxAssociations: Int
    public var acseTimeout: Int
    public var dimseTimeout: Int
    public var tls: TLSSettings?

    public init(aeTitle: String, bindAddress: String = "127.0.0.1", port: UInt16, allowedCallingAETitles: [String] = [],
                maxAssociations: Int = 16, acseTimeout: Int = 15, dimseTimeout: Int = 60, tls: TLSSettings? = nil) {
        self.aeTitle = aeTitle
        self.bindAddress = bindAddress
        self.port = port
        self.allowedCallingAETitles = allowedCallingAETitles
        self.maxAssociations = maxAssociations
        self.acseTimeout = acseTimeout
        self.dimseTimeout = dimseTimeout
        self.tls = tls
    }
}

/// A C-STORE/C-ECHO SCP that spools every received instance durably into one folder before
/// acknowledging it. Owns the C handle; `run()` blocks until `stop()`.
public final class StorageSCP: @unchecked Sendable {
    private var handle: OpaquePointer?
    private let onEvent: @Sendable (ListenerEvent) -> Void
    public let port: UInt16

    /// Binds the port now, so a busy port or a bad address fails here.
    public init(settings: ListenerSettings, spoolDirectory: String, onEvent: @escaping @Sendable (ListenerEvent) -> Void) throws {
        self.onEvent = onEvent
        let sink = EventSink(onEvent)
        self.sink = sink
        let context = Unmanaged.passUnretained(sink).toOpaque()
        let created: OpaquePointer = try settings.allowedCallingAETitles.withCStringArray { allowed in
            try TLSSettings.withConfig(settings.tls) { tls in
                try NetworkStatus.pointer({ .cannotListen(reason: $0) }) { err in
                    settings.aeTitle.withCString { ae in
                        settings.bindAddress.withCString { bind in
                            spoolDirectory.withCString { spool in
                                var config = dd_scp_config_t(
                                    ae_title: ae, bind_address: bind, port: settings.port, spool_directory: spool,
                                    allowed_calling_ae_titles: allowed.baseAddress, allowed_calling_ae_title_count: allowed.count,
                                    max_associations: UInt32(max(1, settings.maxAssociations)),
                                    acse_timeout_seconds: UInt32(max(1, settings.acseTimeout)),
                                    dimse_timeout_seconds: UInt32(max(1, settings.dimseTimeout)), max_pdu: 65536, tls: tls)
                                return dd_scp_create(&config, storageSCPCallback, context, err)
                            }
                        }
                    }
                }
            }
        }
        handle = created
        port = dd_scp_port(created)
    }

    /// Keeps the closure alive for the C side (which holds an unretained pointer to it).
    private var sink: EventSink

    deinit { dd_scp_free(handle) }

    /// Accepts associations until `stop()`; returns when the last association has ended.
    public func run() throws {
        guard let handle else { return }
        try NetworkStatus.check({ .cannotListen(reason: $0) }) { dd_scp_run(handle, $0) }
    }

    /// Refuses new associations and ends running ones after their current message. Thread-safe.
    public func stop() {
        if let handle { dd_scp_stop(handle) }
    }
}

/// The Swift end of the C callback.
final class EventSink: @unchecked Sendable {
    let deliver: @Sendable (ListenerEvent) -> Void
    init(_ deliver: @escaping @Sendable (ListenerEvent) -> Void) { self.deliver = deliver }
}

private func storageSCPCallback(_ context: UnsafeMutableRawPointer?, _ event: UnsafePointer<dd_scp_event_t>) {
    guard let context else { return }
    let sink = Unmanaged<EventSink>.fromOpaque(context).takeUnretainedValue()
    let e = event.pointee
    func text(_ pointer: UnsafePointer<CChar>?) -> String { pointer.map { String(cString: $0) } ?? "" }
    let calling = text(e.calling_ae_title), peer = text(e.peer)
    switch dd_scp_event_kind_t(rawValue: UInt32(e.kind)) {
    case DD_SCP_ASSOCIATION_ACCEPTED: sink.deliver(.associationAccepted(callingAE: calling, peer: peer))
    case DD_SCP_ASSOCIATION_REJECTED: sink.deliver(.associationRejected(callingAE: calling, peer: peer, reason: text(e.message)))
    case DD_SCP_ECHO: sink.deliver(.echo(callingAE: calling, peer: peer))
    case DD_SCP_STORED: sink.deliver(.stored(path: text(e.path), sopClassUID: text(e.sop_class_uid), callingAE: calling, peer: peer))
    case DD_SCP_STORE_FAILED: sink.deliver(.storeFailed(callingAE: calling, peer: peer, reason: text(e.message)))
    case DD_SCP_ASSOCIATION_ENDED: sink.deliver(.associationEnded(callingAE: calling, peer: peer))
    default: break
    }
}

extension Array where Element == String {
    /// Calls `body` with a C array of C strings valid for the call.
    func withCStringArray<R>(_ body: (UnsafeBufferPointer<UnsafePointer<CChar>?>) throws -> R) rethrows -> R {
        let copies = map { strdup($0) }
        defer { copies.forEach { free($0) } }
        let pointers = copies.map { UnsafePointer<CChar>($0) }
        return try pointers.withUnsafeBufferPointer { try body($0) }
    }
}
