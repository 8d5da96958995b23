/// The one-line message for a file that failed: the file, then the reason, never twice the path.
public enum FailureMessage {
    /// The reason alone, without the path that some errors carry.
    public static func reason(_ error: Error) -> String {
        let text = "\(error)"
        if let range = text.range(of: ": cannot read: ") { return "cannot read: " + text[range.upperBound...] }
        return text
    }

    public static func line(path: String, error: Error) -> String {
        let reason = "\(error)"
        return reason.hasPrefix(path + ":") ? reason : "\(path): \(reason)"
    }
}
