import Foundation

/// A deterministic share of the inputs for one of N cooperating processes: an input belongs to
/// shard `index` when a stable hash (FNV-1a, 64-bit) of its relative path is `index` modulo `count`.
/// Pseudonyms are keyed hashes, so shards agree without talking to each other.
public struct Shard: Sendable, Equatable, CustomStringConvertible {
    public let index: Int
    public let count: Int

    public init(index: Int, count: Int) throws {
        guard count >= 1 else { throw PipelineError.invalidShard(text: "\(index)/\(count)", reason: "the count must be at least 1") }
        guard (0..<count).contains(index) else {
            throw PipelineError.invalidShard(text: "\(index)/\(count)", reason: "the index must be 0...\(count - 1)")
        }
        self.index = index
        self.count = count
    }

    /// Parses `K/N` (K counted from 0).
    public init(parsing text: String) throws {
        let parts = text.split(separator: "/")
        guard parts.count == 2, let index = Int(parts[0]), let count = Int(parts[1]) else {
            throw PipelineError.invalidShard(text: text, reason: "write K/N, e.g. 0/4")
        }
        try self.init(index: index, count: count)
    }

    /// From a cluster scheduler's environment: Slurm job arrays (SLURM_ARRAY_TASK_ID, SLURM_ARRAY_TASK_COUNT,
    /// SLURM_ARRAY_TASK_MIN) or Kubernetes Indexed Jobs (JOB_COMPLETION_INDEX with DCMDEID_SHARD_COUNT,
    /// which the Job sets to its `completions`). Nil when neither is present.
    public static func fromEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment) throws -> Shard? {
        if let task = environment["SLURM_ARRAY_TASK_ID"].flatMap(Int.init),
           let count = environment["SLURM_ARRAY_TASK_COUNT"].flatMap(Int.init) {
            let first = environment["SLURM_ARRAY_TASK_MIN"].flatMap(Int.init) ?? 0
            return try Shard(index: task - first, count: count)
        }
        if let index = environment["JOB_COMPLETION_INDEX"].flatMap(Int.init) {
            guard let count = environment["DCMDEID_SHARD_COUNT"].flatMap(Int.init) else {
                throw PipelineError.invalidShard(text: "JOB_COMPLETION_INDEX=\(index)",
                                                 reason: "set DCMDEID_SHARD_COUNT to the Job's completions")
            }
            return try Shard(index: index, count: count)
        }
        return nil
    }

    public func contains(_ input: InputFile) -> Bool {
        Int(Self.fnv1a(input.relativePath) % UInt64(count)) == index
    }

    static func fnv1a(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        return hash
    }

    public var description: String { "\(index)/\(count)" }
}
