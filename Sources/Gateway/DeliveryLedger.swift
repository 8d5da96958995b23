import Foundation

/// The SOP Instance UIDs (after de-identification) already delivered, so a re-sent instance is
/// recognised as a duplicate. An append-only file of one UID per line, read once at start.
///
/// Written before the spool file is removed, but not fsync'd: after a power loss the last lines may
/// be missing, and those instances are sent again — the destination keys instances by SOP Instance
/// UID, so it still holds each once. A kill (SIGKILL) loses nothing: the lines are in the page cache.
public final class DeliveryLedger: @unchecked Sendable {
    private var delivered: Set<String>
    private let fd: Int32
    private let lock = NSLock()

    public init(path: String) throws {
        let text = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
        delivered = Set(text.split(separator: "\n").map(String.init))
        fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o600)
        if fd < 0 { throw GatewayError.spool(path: path, reason: String(cString: strerror(errno))) }
    }

    deinit { close(fd) }

    public var count: Int { lock.withLock { delivered.count } }

    public func contains(_ uid: String) -> Bool { lock.withLock { delivered.contains(uid) } }

    public func record(_ uid: String) {
        lock.withLock {
            guard delivered.insert(uid).inserted else { return }
            let line = Array((uid + "\n").utf8)
            _ = line.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        }
    }
}
