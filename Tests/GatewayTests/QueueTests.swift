import Foundation
import Gateway
import Testing

@Suite struct WorkQueueTests {
    @Test func namesComeOutInArrivalOrderOnce() {
        let queue = WorkQueue()
        ["b", "a", "b", "c"].forEach(queue.push)
        #expect(queue.depth == 3)
        #expect(queue.next(idle: 0) == .item("b"))
        #expect(queue.next(idle: 0) == .item("a"))
        #expect(queue.next(idle: 0) == .item("c"))
        #expect(queue.next(idle: 0.05) == .idle)
    }

    @Test func aTakenNameCountsInTheDepthUntilFinished() {
        let queue = WorkQueue()
        queue.push("a")
        #expect(queue.next(idle: 0) == .item("a"))
        #expect(queue.depth == 1)
        queue.retry("a", after: 10)
        queue.finished()
        #expect(queue.depth == 1)
        #expect(queue.waitingForRetry == 1)
    }

    @Test func aRetryIsNotHandedOutBeforeItsTime() {
        let queue = WorkQueue()
        queue.retry("x", after: 0.3)
        #expect(queue.waitingForRetry == 1)
        #expect(queue.next(idle: 0.05) == .idle)
        let start = Date()
        #expect(queue.next(idle: 2) == .item("x"))
        #expect(Date().timeIntervalSince(start) >= 0.2)
    }

    @Test func closingWakesWaitingWorkers() {
        let queue = WorkQueue()
        DispatchQueue.global().asyncAfter(deadline: .now() + 0.1) { queue.close() }
        #expect(queue.next(idle: 10) == .closed)
    }
}

@Suite struct RetryPolicyTests {
    @Test func delaysGrowAndAreCapped() {
        let policy = RetryPolicy(initialDelay: 1, maxDelay: 8, maxAttempts: 0)
        #expect((0.8...1.2).contains(policy.delay(afterAttempt: 1)!))
        #expect((3.2...4.8).contains(policy.delay(afterAttempt: 3)!))
        #expect(policy.delay(afterAttempt: 40)! <= 9.6)
    }

    @Test func theLastAttemptGivesUp() {
        let policy = RetryPolicy(maxAttempts: 3)
        #expect(policy.delay(afterAttempt: 2) != nil)
        #expect(policy.delay(afterAttempt: 3) == nil)
    }
}
