/// Which inputs a run handles: its shard's share, minus those an earlier run already wrote (`--resume`).
public final class InputSelection: @unchecked Sendable {
    public let shard: Shard?
    let alreadyDone: Set<String>
    let outputExists: (InputFile) -> Bool
    /// Inputs passed over because they were done (counted while filtering).
    public private(set) var resumed = 0

    public init(shard: Shard?, alreadyDone: Set<String>, outputExists: @escaping (InputFile) -> Bool) {
        self.shard = shard
        self.alreadyDone = alreadyDone
        self.outputExists = outputExists
    }

    /// A lazy filter: the inputs are still streamed.
    public func filter<S: Sequence>(_ inputs: S) -> AnySequence<InputFile> where S.Element == InputFile {
        AnySequence(inputs.lazy.filter { [self] input in
            if let shard, !shard.contains(input) { return false }
            if alreadyDone.contains(input.relativePath) && outputExists(input) {
                resumed += 1
                return false
            }
            return true
        })
    }
}
