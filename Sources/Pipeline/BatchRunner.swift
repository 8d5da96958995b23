import Foundation

/// Runs a job over many inputs on `jobs` worker threads. Inputs are pulled from the walker one at a
/// time, so memory stays flat however many files there are; one bad file never stops the batch.
public final class BatchRunner: @unchecked Sendable {
    public let jobs: Int
    private let lock = NSLock()
    private var iterator: AnyIterator<InputFile>

    public init<S: Sequence>(inputs: S, jobs: Int) where S.Element == InputFile {
        self.jobs = max(1, jobs)
        self.iterator = AnyIterator(inputs.makeIterator())
    }

    /// Calls `work` for every input and `report` with each outcome (serialised, in completion order).
    public func run(_ work: @escaping @Sendable (InputFile) -> InstanceOutcome, report: @escaping @Sendable (InstanceOutcome) -> Void) {
        let reportLock = NSLock()
        let group = DispatchGroup()
        for _ in 0..<jobs {
            group.enter()
            let thread = Thread { [self] in
                while let input = next() {
                    let outcome = work(input)
                    reportLock.lock()
                    report(outcome)
                    reportLock.unlock()
                }
                group.leave()
            }
            // DCMTK parses and frees nested sequences recursively: a large stack (address space only)
            // lets the shim parse hostile files on this thread instead of spawning one per file.
            thread.stackSize = 1 << 30
            thread.start()
        }
        group.wait()
    }

    private func next() -> InputFile? {
        lock.lock()
        defer { lock.unlock() }
        return iterator.next()
    }

    /// The default number of workers: the machine's cores.
    public static var defaultJobs: Int { ProcessInfo.processInfo.activeProcessorCount }
}
