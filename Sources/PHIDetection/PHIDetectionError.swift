/// Everything PHIDetection can fail with: only loading its built-in data can fail.
public enum PHIDetectionError: Error, CustomStringConvertible, Equatable {
    case missingResource(name: String)
    case unreadableResource(name: String, reason: String)
    case invalidPattern(file: String, line: Int, pattern: String, reason: String)

    public var description: String {
        switch self {
        case let .missingResource(name): "PHI detection resource \(name) is missing from the bundle"
        case let .unreadableResource(name, reason): "cannot read PHI detection resource \(name): \(reason)"
        case let .invalidPattern(file, line, pattern, reason): "\(file):\(line): invalid pattern \(pattern): \(reason)"
        }
    }
}
