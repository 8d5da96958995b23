import DicomCore
import Foundation

/// The gateway's folder on disk — the durable queue.
///
/// ```
/// SPOOL/incoming/     received and acknowledged, not yet delivered (holds PHI); .NAME.part while receiving
/// SPOOL/outgoing/     de-identified copies being sent (transient; rebuilt on restart)
/// SPOOL/failed/       refused or undeliverable originals, each with NAME.reason (holds PHI)
/// SPOOL/delivered.log SOP Instance UIDs (de-identified) already delivered: duplicates are recognised
/// SPOOL/status.json   counters, rewritten every second
/// ```
/// Folders are created mode 0700: the spool holds identified data until it is delivered.
public struct Spool: Sendable {
    public let root: String

    public init(root: String) {
        self.root = root.count > 1 && root.hasSuffix("/") ? String(root.dropLast()) : root
    }

    public var incoming: String { root + "/incoming" }
    public var outgoing: String { root + "/outgoing" }
    public var failed: String { root + "/failed" }
    public var ledgerPath: String { root + "/delivered.log" }
    public var statusPath: String { root + "/status.json" }
    public var defaultAuditPath: String { root + "/audit.jsonl" }

    public func incomingPath(_ name: String) -> String { incoming + "/" + name }
    public func outgoingPath(_ name: String) -> String { outgoing + "/" + name }

    /// Creates the folders (0700).
    public func prepare() throws {
        for folder in [root, incoming, outgoing, failed] {
            do {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true,
                                                        attributes: [.posixPermissions: 0o700])
            } catch {
                throw GatewayError.spool(path: folder, reason: "cannot create: \(error.localizedDescription)")
            }
        }
    }

    /// After a crash: drops partial receptions (never acknowledged) and stale de-identified copies,
    /// and returns the acknowledged instances still to deliver, oldest first.
    public func recover() throws -> [String] {
        for name in (try? FileManager.default.contentsOfDirectory(atPath: incoming)) ?? [] where name.hasPrefix(".") {
            unlink(incomingPath(name))
        }
        for name in (try? FileManager.default.contentsOfDirectory(atPath: outgoing)) ?? [] {
            unlink(outgoingPath(name))
        }
        return pendingNames()
    }

    /// Names of acknowledged instances waiting in incoming/ (sorted: names start with the arrival time).
    public func pendingNames() -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: incoming)) ?? []).filter { !$0.hasPrefix(".") }.sorted()
    }

    /// Instances set aside in failed/.
    public func failedCount() -> Int {
        ((try? FileManager.default.contentsOfDirectory(atPath: failed)) ?? []).filter { !$0.hasPrefix(".") && !$0.hasSuffix(".reason") }.count
    }

    /// Moves an instance out of the queue into failed/, with its reason beside it.
    public func setAside(_ name: String, reason: String) {
        let target = failed + "/" + name
        if rename(incomingPath(name), target) == 0 {
            try? AtomicFile.write(Data((reason + "\n").utf8), to: target + ".reason")
        }
        unlink(outgoingPath(name))
    }

    /// Forgets a delivered (or duplicate) instance.
    public func remove(_ name: String) {
        unlink(incomingPath(name))
        unlink(outgoingPath(name))
    }
}
