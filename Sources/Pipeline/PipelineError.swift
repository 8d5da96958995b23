/// Failures of the pipeline itself (as opposed to reading or de-identifying one file).
public enum PipelineError: Error, CustomStringConvertible {
    case unsupportedConversion(path: String, reason: String)
    case inputNotFound(path: String)
    case cannotWriteAudit(path: String)
    case invalidShard(text: String, reason: String)
    case cannotReadList(path: String)
    case pixelsNotCleanable(reason: String)
    case cannotWriteReview(path: String, reason: String)

    public var description: String {
        switch self {
        case let .unsupportedConversion(path, reason): "\(path): \(reason)"
        case let .inputNotFound(path): "\(path): no such file or directory"
        case let .cannotWriteAudit(path): "\(path): cannot open the audit log for writing"
        case let .invalidShard(text, reason): "shard \(text): \(reason)"
        case let .cannotReadList(path): "\(path): cannot read the list of inputs"
        case let .pixelsNotCleanable(reason): "pixels cannot be checked for burned-in text: \(reason)"
        case let .cannotWriteReview(path, reason): "\(path): cannot write the review report: \(reason)"
        }
    }
}
