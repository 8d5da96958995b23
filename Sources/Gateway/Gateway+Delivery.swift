import DicomCore
import Foundation
import Pipeline

extension Gateway {
    /// One worker: takes spooled names, de-identifies and forwards them over its own association.
    func work(_ index: Int) {
        var sender: Forwarder?
        while true {
            switch queue.next(idle: configuration.idleRelease) {
            case .closed:
                sender?.close()
                return
            case .idle:
                sender?.close()
            case let .item(name):
                deliver(name, sender: &sender)
                queue.finished()
            }
        }
    }

    func deliver(_ name: String, sender: inout Forwarder?) {
        let path = spool.incomingPath(name)
        guard FileManager.default.fileExists(atPath: path) else { return }
        var outcome = processor.process(InputFile(path: path, relativePath: name, isExplicit: true))
        guard outcome.status == .ok, let output = outcome.outputPath else {
            let reason = "\(outcome.status.rawValue): \(outcome.reason ?? "unknown reason")"
            spool.setAside(name, reason: reason)
            state.count(outcome.status == .refused ? \.refused : \.failed)
            record(outcome, status: outcome.status == .refused ? .refused : .failed)
            log("\(name): \(reason) (set aside in \(spool.failed))")
            return
        }
        let uid = outcome.sopInstanceUIDAfter ?? name
        if ledger.contains(uid) {
            spool.remove(name)
            state.count(\.duplicates)
            outcome.reason = "duplicate: this SOP Instance UID was already delivered"
            record(outcome, status: .skipped)
            return
        }
        guard state.claim(uid) else {
            // The same instance is being sent by another worker: decide once that one is done.
            unlink(output)
            queue.retry(name, after: 0.2)
            return
        }
        defer { state.release(uid) }
        do {
            if sender == nil { sender = try makeSender() }
            try sender!.send(path: output)
            ledger.record(uid)
            spool.remove(name)
            state.forget(name)
            state.count(\.delivered)
            record(outcome, status: .ok)
        } catch {
            unlink(output)
            retryOrSetAside(name, outcome: outcome, error: error)
        }
    }

    func retryOrSetAside(_ name: String, outcome: InstanceOutcome, error: Error) {
        let attempt = state.failedAttempt(name)
        let message = "delivery to \(configuration.destination) failed (attempt \(attempt)): \(error)"
        state.noteError(message)
        if let delay = configuration.retry.delay(afterAttempt: attempt) {
            state.count(\.retries)
            queue.retry(name, after: delay)
            // While an archive is down every queued instance fails in turn: log the first and every tenth try.
            if attempt == 1 || attempt % 10 == 0 { log("\(name): \(message); retrying in \(String(format: "%.1f", delay)) s") }
        } else {
            spool.setAside(name, reason: message)
            state.forget(name)
            state.count(\.failed)
            var failed = outcome
            failed.reason = message
            record(failed, status: .failed)
            log("\(name): \(message); giving up (set aside in \(spool.failed))")
        }
    }

    func makeSender() throws -> Forwarder {
        switch configuration.destination {
        case let .dicom(aeTitle, host, port):
            return try StorageSCU(peer: PeerSettings(callingAETitle: configuration.callingAETitle, calledAETitle: aeTitle,
                                                     host: host, port: port, tls: configuration.destinationTLS))
        case let .dicomWeb(baseURL):
            guard let httpClient else { throw GatewayError.network(reason: "the HTTP client is not running") }
            return StowRSClient(baseURL: baseURL, client: httpClient)
        }
    }

    /// The instance's audit line: Pipeline's AuditRecord, as batch runs write, with the destination as output.
    func record(_ outcome: InstanceOutcome, status: InstanceOutcome.Status) {
        var outcome = outcome
        outcome.status = status
        var line = AuditRecord(outcome: outcome, profile: configuration.deidentification.profile,
                               runFingerprint: configuration.runFingerprint)
        line.output = status == .ok ? configuration.destination.description : nil
        audit.append(line)
    }
}
