import AsyncHTTPClient
import DicomCore
import Foundation
import Pipeline

/// `dcmdeid serve`: a C-STORE SCP whose received instances are spooled durably, then de-identified
/// and forwarded by a pool of workers, with retries, duplicate detection, a status file and audit lines.
///
/// Flow of one instance: the listener streams it into `incoming/` (fsync, rename, fsync of the folder)
/// and only then answers the C-STORE; a worker de-identifies it into `outgoing/` with Pipeline's
/// InstanceProcessor (the same flow and audit record as `deidentify`), sends it, records its new SOP
/// Instance UID in `delivered.log`, and removes both copies. A restart re-queues whatever is still in
/// `incoming/`, so a kill at any point loses nothing; at worst an instance whose delivery was not yet
/// recorded is sent a second time with the same UIDs, which the archive stores once.
public final class Gateway: @unchecked Sendable {
    public let configuration: GatewayConfiguration
    public let spool: Spool
    let processor: InstanceProcessor
    let ledger: DeliveryLedger
    let audit: AuditLog
    let queue = WorkQueue()
    let state = GatewayState()
    let previousTotals: GatewayCounters
    let startedAt = Date()
    let log: @Sendable (String) -> Void
    private var listener: StorageSCP!
    /// For a DICOMweb destination: one pooled HTTP client shared by the workers, alive during `run()`.
    var httpClient: HTTPClient?
    private let stopping = NSCondition()
    private var stopped = false

    /// Prepares the spool and binds the listening port.
    public init(configuration: GatewayConfiguration, log: @escaping @Sendable (String) -> Void) throws {
        self.configuration = configuration
        self.spool = configuration.spool
        self.log = log
        try spool.prepare()
        var settings = configuration.deidentification
        settings.naming = OutputNaming(directory: spool.outgoing, format: .dicom)
        settings.dryRun = false
        processor = try InstanceProcessor(settings: settings)
        ledger = try DeliveryLedger(path: spool.ledgerPath)
        audit = try AuditLog(path: configuration.auditPath)
        previousTotals = (try? GatewayStatus.read(from: spool.statusPath))?.totals ?? GatewayCounters()
        listener = try StorageSCP(settings: configuration.listener, spoolDirectory: spool.incoming) { [weak self] event in
            self?.handle(event)
        }
    }

    /// The port the listener is bound to (useful with port 0).
    public var port: UInt16 { listener.port }

    /// Replays the spool, starts the workers and serves until `stop()`; then lets the workers finish
    /// their current instance (the rest stays in the spool for the next start).
    public func run() throws {
        if case .dicomWeb = configuration.destination {
            httpClient = HTTPClient(eventLoopGroupProvider: .singleton,
                                    configuration: HTTPClient.Configuration(timeout: .init(connect: .seconds(10), read: .seconds(120))))
        }
        defer { try? httpClient?.syncShutdown() }
        let pending = try spool.recover()
        pending.forEach(queue.push)
        if !pending.isEmpty { log("replaying \(pending.count) instance(s) left in the spool") }
        audit.append(GatewayAuditEvent(event: "start", reason: "listening on \(configuration.listener.bindAddress):\(port)"))
        let workers = DispatchGroup()
        for index in 0..<configuration.workers {
            workers.enter()
            let thread = Thread { [self] in
                work(index)
                workers.leave()
            }
            thread.stackSize = 1 << 30  // DCMTK recursion on hostile nesting: address space only (see BatchRunner)
            thread.start()
        }
        let statusWriter = Thread { [self] in writeStatusUntilStopped() }
        statusWriter.start()
        var listenerError: Error?
        do { try listener.run() } catch { listenerError = error }
        queue.close()
        workers.wait()
        stopping.withLock {
            stopped = true
            stopping.broadcast()
        }
        writeStatus(running: false)
        audit.append(GatewayAuditEvent(event: "stop"))
        if let listenerError { throw listenerError }
    }

    /// Stops accepting and asks `run()` to return. Thread-safe.
    public func stop() { listener.stop() }

    // MARK: listener events

    func handle(_ event: ListenerEvent) {
        switch event {
        case let .stored(path, _, _, _):
            state.count(\.received)
            queue.push((path as NSString).lastPathComponent)
        case let .associationRejected(calling, peer, reason):
            state.count(\.rejected)
            audit.append(GatewayAuditEvent(event: "association-rejected", callingAE: calling, peer: peer, reason: reason))
            log("rejected association from \(calling)@\(peer): \(reason)")
        case let .storeFailed(calling, peer, reason):
            state.count(\.rejected)
            audit.append(GatewayAuditEvent(event: "store-failed", callingAE: calling, peer: peer, reason: reason))
            log("C-STORE from \(calling)@\(peer) not kept: \(reason)")
        case .associationAccepted: state.associationOpened()
        case .associationEnded: state.associationClosed()
        case .echo: break
        }
    }

    // MARK: status

    /// The status as `--status` would read it now.
    public var currentStatus: GatewayStatus { status(running: true) }

    func status(running: Bool) -> GatewayStatus {
        let thisRun = state.thisRun
        return GatewayStatus(
            pid: getpid(), running: running, listening: "\(configuration.listener.bindAddress):\(port)",
            aeTitle: configuration.listener.aeTitle, destination: configuration.destination.description,
            startedAt: startedAt, updatedAt: Date(), queueDepth: running ? queue.depth : spool.pendingNames().count,
            waitingForRetry: queue.waitingForRetry, activeAssociations: state.activeAssociations,
            totals: totals(thisRun), thisRun: thisRun, lastError: state.lastError)
    }

    /// Carried over from the last status file, which a SIGKILL can leave up to a second behind;
    /// `delivered` is exact: it is the ledger's count of distinct instances delivered.
    func totals(_ thisRun: GatewayCounters) -> GatewayCounters {
        var totals = previousTotals + thisRun
        totals.delivered = ledger.count
        return totals
    }


    func writeStatus(running: Bool) {
        do { try status(running: running).write(to: spool.statusPath) } catch { log("cannot write \(spool.statusPath): \(error)") }
    }

    private func writeStatusUntilStopped() {
        stopping.lock()
        while !stopped {
            stopping.unlock()
            writeStatus(running: true)
            stopping.lock()
            if !stopped { _ = stopping.wait(until: Date().addingTimeInterval(1)) }
        }
        stopping.unlock()
    }
}
