/// Everything the Deidentification module can fail with.
public enum DeidentificationError: Error, CustomStringConvertible, Equatable {
    case profileNotFound(name: String, searched: [String])
    case invalidProfile(file: String, line: Int, reason: String)
    case optionConflict(option: String, reason: String)
    case keyUnavailable(path: String, reason: String)
    case elementFailed(tag: String, reason: String)
    case leakDetected(tags: [String])

    public var description: String {
        switch self {
        case let .profileNotFound(name, searched):
            "profile \"\(name)\" not found (looked in: \(searched.joined(separator: ", ")))"
        case let .invalidProfile(file, line, reason): "\(file):\(line): \(reason)"
        case let .optionConflict(option, reason): "option \(option): \(reason)"
        case let .keyUnavailable(path, reason): "key \(path): \(reason)"
        case let .elementFailed(tag, reason): "cannot de-identify \(tag): \(reason)"
        case let .leakDetected(tags):
            "identifying header values still present after de-identification in \(tags.joined(separator: ", ")); output withheld"
        }
    }
}
