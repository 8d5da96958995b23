/// Failures of the pipeline itself (as opposed to reading or de-identifying one file).
public enum PipelineError: Error, CustomStringConvertible {
    case unsupportedConversion(path: String, reason: String)
    case inputNotFound(path: String)

    public var description: String {
        switch self {
        case let .unsupportedConversion(path, reason): "\(path): \(reason)"
        case let .inputNotFound(path): "\(path): no such file or directory"
        }
    }
}
