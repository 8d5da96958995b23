import Foundation

/// The in-memory view of the spool: names ready now, and names waiting for a retry time.
/// Workers block in `next` until an item is due or the queue is closed.
public final class WorkQueue: @unchecked Sendable {
    private var ready: [String] = []
    private var readyHead = 0
    private var delayed: [(due: Date, name: String)] = []
    private var queued = Set<String>()
    private var taken = 0
    private var closed = false
    private let condition = NSCondition()

    public init() {}

    /// Adds a name (ignored when it is already queued).
    public func push(_ name: String) {
        condition.withLock {
            guard queued.insert(name).inserted else { return }
            ready.append(name)
            condition.signal()
        }
    }

    /// Queues a name again after `delay` seconds.
    public func retry(_ name: String, after delay: TimeInterval) {
        condition.withLock {
            guard queued.insert(name).inserted else { return }
            delayed.append((Date().addingTimeInterval(delay), name))
            condition.signal()
        }
    }

    public enum Take: Equatable {
        case item(String)
        /// Nothing was due for the idle time asked.
        case idle
        /// The queue was closed.
        case closed
    }

    /// The next due name, waiting at most `idle` seconds. A name taken counts in `depth`
    /// until the worker calls `finished()`, so the depth never reads 0 while work is in hand.
    public func next(idle: TimeInterval) -> Take {
        condition.lock()
        defer { condition.unlock() }
        let giveUp = Date().addingTimeInterval(idle)
        while !closed {
            promoteDue()
            if readyHead < ready.count {
                let name = ready[readyHead]
                readyHead += 1
                if readyHead > 1024 && readyHead * 2 > ready.count {
                    ready.removeFirst(readyHead)
                    readyHead = 0
                }
                queued.remove(name)
                taken += 1
                return .item(name)
            }
            if Date() >= giveUp { return .idle }
            _ = condition.wait(until: min(giveUp, delayed.map(\.due).min() ?? giveUp))
        }
        return .closed
    }

    private func promoteDue() {
        let now = Date()
        guard delayed.contains(where: { $0.due <= now }) else { return }
        let due = delayed.filter { $0.due <= now }.sorted { $0.due < $1.due }
        delayed.removeAll { $0.due <= now }
        ready.append(contentsOf: due.map(\.name))
    }

    /// Marks the work on a name from `next` as done (whether or not it was queued again).
    public func finished() {
        condition.withLock { taken -= 1 }
    }

    /// Names queued now, waiting for a retry, or taken and not yet finished.
    public var depth: Int { condition.withLock { ready.count - readyHead + delayed.count + taken } }
    public var waitingForRetry: Int { condition.withLock { delayed.count } }

    /// Wakes every worker; `next` returns nil from now on (items stay in the spool).
    public func close() {
        condition.withLock {
            closed = true
            condition.broadcast()
        }
    }
}
