import Foundation

/// Progress on stderr: a rewriting bar on a terminal, a plain line every few seconds otherwise.
/// The total is counted on a background thread (the inputs are streamed, never held), so the bar
/// and ETA appear once the count is known.
public final class ProgressReporter: @unchecked Sendable {
    let quiet: Bool
    let isTerminal = isatty(STDERR_FILENO) != 0
    var lastPrint = Date.distantPast
    let interval: TimeInterval
    private let lock = NSLock()
    private var counted: Int?

    public init(quiet: Bool) {
        self.quiet = quiet
        self.interval = isatty(STDERR_FILENO) != 0 ? 0.2 : 5
    }

    /// Counts `inputs` in the background (for the total and the ETA).
    public func countInBackground<S: Sequence & Sendable>(_ inputs: S) where S.Element == InputFile {
        guard !quiet else { return }
        Thread.detachNewThread { [self] in
            var count = 0
            for _ in inputs { count += 1 }
            lock.lock()
            counted = count
            lock.unlock()
        }
    }

    var total: Int? {
        lock.lock()
        defer { lock.unlock() }
        return counted
    }

    public func update(_ summary: RunSummary, force: Bool = false) {
        guard !quiet else { return }
        let now = Date()
        guard force || now.timeIntervalSince(lastPrint) >= interval else { return }
        lastPrint = now
        let seconds = now.timeIntervalSince(summary.started)
        let rate = seconds > 0 ? Double(summary.total) / seconds : 0
        var line = "\(summary.total) files, \(String(format: "%.0f", rate))/s, \(summary.refused) refused, \(summary.failed) failed"
        if let total, total > 0 {
            let done = min(summary.total, total)
            let width = 24
            let filled = width * done / total
            let eta = rate > 0 ? Double(total - done) / rate : 0
            line = "[" + String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled) + "] "
                + "\(done)/\(total), \(String(format: "%.0f", rate)) files/s, ETA \(Self.duration(eta)), "
                + "\(summary.refused) refused, \(summary.failed) failed"
        }
        FileHandle.standardError.write(Data((isTerminal ? "\r\u{1B}[K" + line : line + "\n").utf8))
    }

    static func duration(_ seconds: Double) -> String {
        let s = Int(seconds.rounded())
        return s >= 3600 ? String(format: "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60) : String(format: "%d:%02d", s / 60, s % 60)
    }

    public func finish() {
        if !quiet && isTerminal { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
    }

    /// Prints a diagnostic on its own line, clearing a progress line first.
    public func error(_ message: String) {
        FileHandle.standardError.write(Data(((isTerminal && !quiet ? "\r\u{1B}[K" : "") + "error: " + message + "\n").utf8))
    }
}
