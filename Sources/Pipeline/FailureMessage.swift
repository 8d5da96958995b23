/// The one-line message for a file that failed: the file, then the reason, never twice the path.
public enum FailureMessage {
    public static func line(path: String, error: Error) -> String {
        let reason = "\(error)"
        return reason.hasPrefix(path + ":") ? reason : "\(path): \(reason)"
    }
}
