import Foundation

extension Range where Bound == Int {
    /// `map`, with the elements computed on all cores at once (each index once, each result written
    /// to its own place): for per-frame work that needs no OCR engine.
    func concurrentMap<T>(_ transform: @Sendable (Int) -> T) -> [T] {
        let count = self.count, start = lowerBound
        return [T](unsafeUninitializedCapacity: count) { buffer, initialized in
            nonisolated(unsafe) let buffer = buffer // each iteration initialises its own element
            DispatchQueue.concurrentPerform(iterations: count) { offset in
                (buffer.baseAddress! + offset).initialize(to: transform(start + offset))
            }
            initialized = count
        }
    }
}
