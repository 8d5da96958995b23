import Foundation

/// When to try a failed delivery again: exponential backoff with jitter, capped; `maxAttempts`
/// (0 = never give up) before the instance is set aside in failed/.
public struct RetryPolicy: Sendable, Equatable {
    public var initialDelay: TimeInterval
    public var maxDelay: TimeInterval
    public var maxAttempts: Int

    public init(initialDelay: TimeInterval = 1, maxDelay: TimeInterval = 60, maxAttempts: Int = 0) {
        self.initialDelay = initialDelay
        self.maxDelay = maxDelay
        self.maxAttempts = maxAttempts
    }

    /// Seconds to wait after failed attempt number `attempt` (1-based), or nil to give up.
    public func delay(afterAttempt attempt: Int) -> TimeInterval? {
        if maxAttempts > 0 && attempt >= maxAttempts { return nil }
        let base = min(maxDelay, initialDelay * pow(2, Double(min(attempt - 1, 30))))
        return base * Double.random(in: 0.8...1.2)
    }
}
