import DicomCore
import Foundation

/// Tallies since the spool was created (carried over from the previous run's status file).
public struct GatewayCounters: Codable, Sendable, Equatable {
    /// Instances received and spooled (acknowledged to the sender).
    public var received = 0
    /// De-identified and accepted by the destination.
    public var delivered = 0
    /// Received again after delivery (same de-identified SOP Instance UID): not sent twice.
    public var duplicates = 0
    /// Refused by de-identification (e.g. may carry burned-in text): set aside in failed/.
    public var refused = 0
    /// Could not be read or de-identified, or not delivered after the last attempt: set aside in failed/.
    public var failed = 0
    /// Associations (or C-STORE requests) refused: AE title not allowed, too many associations, spool not writable.
    public var rejected = 0
    /// Delivery attempts that failed and were scheduled again.
    public var retries = 0

    public init() {}

    static func + (a: GatewayCounters, b: GatewayCounters) -> GatewayCounters {
        var sum = GatewayCounters()
        sum.received = a.received + b.received
        sum.delivered = a.delivered + b.delivered
        sum.duplicates = a.duplicates + b.duplicates
        sum.refused = a.refused + b.refused
        sum.failed = a.failed + b.failed
        sum.rejected = a.rejected + b.rejected
        sum.retries = a.retries + b.retries
        return sum
    }
}

/// The status file (SPOOL/status.json) that `dcmdeid serve --status` reads.
public struct GatewayStatus: Codable, Sendable {
    public var pid: Int32
    public var running: Bool
    public var listening: String
    public var aeTitle: String
    public var destination: String
    public var startedAt: Date
    public var updatedAt: Date
    /// Instances in the spool not yet delivered (queued, waiting for a retry, or being handled).
    public var queueDepth: Int
    public var waitingForRetry: Int
    public var activeAssociations: Int
    /// Since the spool was created.
    public var totals: GatewayCounters
    /// Since this process started.
    public var thisRun: GatewayCounters
    public var lastError: String?

    public static func read(from path: String) throws -> GatewayStatus {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        return try decoder.decode(GatewayStatus.self, from: data)
    }

    public func write(to path: String) throws {
        try AtomicFile.write(try Self.encoder.encode(self), to: path)
    }

    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return encoder
    }()

    static let decoder: JSONDecoder = {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }()

    /// Whether the process that wrote the file is still alive.
    public var processIsAlive: Bool { running && (kill(pid, 0) == 0 || errno == EPERM) }

    /// The lines `--status` prints.
    public func lines(spool: Spool) -> [String] {
        let pending = spool.pendingNames().count
        return [
            "gateway:        " + (processIsAlive ? "running (pid \(pid))" : "not running") + ", \(aeTitle) on \(listening) -> \(destination)",
            "queue depth:    \(processIsAlive ? queueDepth : pending) (\(pending) in \(spool.incoming), \(waitingForRetry) waiting for a retry)",
            "associations:   \(activeAssociations) open",
            "received:       \(totals.received)",
            "delivered:      \(totals.delivered)",
            "duplicates:     \(totals.duplicates) (already delivered, not sent again)",
            "refused:        \(totals.refused) (de-identification refused)",
            "failed:         \(totals.failed) (unreadable, or undeliverable after the last attempt)",
            "set aside:      \(spool.failedCount()) in \(spool.failed) (each with a .reason file)",
            "rejected:       \(totals.rejected) (associations or requests refused)",
            "retries:        \(totals.retries)",
            "updated:        \(ISO8601DateFormatter().string(from: updatedAt))",
        ] + (lastError.map { ["last error:     \($0)"] } ?? [])
    }
}
