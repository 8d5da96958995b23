import Foundation

/// The gateway's mutable tallies and bookkeeping, behind one lock.
final class GatewayState: @unchecked Sendable {
    private let lock = NSLock()
    private var counters = GatewayCounters()
    private var attempts: [String: Int] = [:]
    private var inFlight = Set<String>()
    private var associations = 0
    private var error: String?

    func count(_ field: WritableKeyPath<GatewayCounters, Int>) {
        lock.withLock { counters[keyPath: field] += 1 }
    }

    var thisRun: GatewayCounters { lock.withLock { counters } }
    var activeAssociations: Int { lock.withLock { associations } }
    var lastError: String? { lock.withLock { error } }

    func associationOpened() { lock.withLock { associations += 1 } }
    func associationClosed() { lock.withLock { associations -= 1 } }
    func noteError(_ message: String) { lock.withLock { error = message } }

    /// Counts a failed delivery attempt of `name`; returns the number of attempts so far.
    func failedAttempt(_ name: String) -> Int {
        lock.withLock {
            attempts[name, default: 0] += 1
            return attempts[name]!
        }
    }

    func forget(_ name: String) { lock.withLock { _ = attempts.removeValue(forKey: name) } }

    /// Claims a de-identified SOP Instance UID for sending; false when another worker is sending it.
    func claim(_ uid: String) -> Bool { lock.withLock { inFlight.insert(uid).inserted } }
    func release(_ uid: String) { lock.withLock { _ = inFlight.remove(uid) } }
}
