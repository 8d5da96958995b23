import Foundation

/// Progress on stderr: a rewriting line on a terminal, a plain line every few seconds otherwise.
public final class ProgressReporter: @unchecked Sendable {
    let quiet: Bool
    let isTerminal = isatty(STDERR_FILENO) != 0
    var lastPrint = Date.distantPast
    let interval: TimeInterval

    public init(quiet: Bool) {
        self.quiet = quiet
        self.interval = isatty(STDERR_FILENO) != 0 ? 0.2 : 5
    }

    public func update(_ summary: RunSummary, force: Bool = false) {
        guard !quiet else { return }
        let now = Date()
        guard force || now.timeIntervalSince(lastPrint) >= interval else { return }
        lastPrint = now
        let seconds = now.timeIntervalSince(summary.started)
        let rate = seconds > 0 ? Double(summary.total) / seconds : 0
        let line = "\(summary.total) files, \(String(format: "%.0f", rate))/s, \(summary.refused) refused, \(summary.failed) failed"
        FileHandle.standardError.write(Data((isTerminal ? "\r\u{1B}[K" + line : line + "\n").utf8))
    }

    public func finish() {
        if !quiet && isTerminal { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
    }

    /// Prints a diagnostic on its own line, clearing a progress line first.
    public func error(_ message: String) {
        FileHandle.standardError.write(Data(((isTerminal && !quiet ? "\r\u{1B}[K" : "") + "error: " + message + "\n").utf8))
    }
}
