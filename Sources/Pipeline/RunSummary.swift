import Foundation

/// Tallies of a run, printed at the end and used for the exit status.
public struct RunSummary: Sendable {
    public var ok = 0
    public var refused = 0
    public var failed = 0
    public var skipped = 0
    public var quarantined = 0
    public let started = Date()

    public init() {}

    public mutating func add(_ outcome: InstanceOutcome) {
        switch outcome.status {
        case .ok: ok += 1
        case .refused: refused += 1
        case .failed: failed += 1
        case .skipped: skipped += 1
        case .quarantined: quarantined += 1
        }
    }

    public var total: Int { ok + refused + failed + skipped + quarantined }
    public var hasProblems: Bool { refused + failed + quarantined > 0 }

    public var lines: [String] {
        let seconds = Date().timeIntervalSince(started)
        let rate = seconds > 0 ? Double(total) / seconds : 0
        return [
            "files:    \(total) (\(String(format: "%.1f", seconds)) s, \(String(format: "%.0f", rate)) files/s)",
            "written:  \(ok)",
            "refused:  \(refused)",
            "failed:   \(failed)",
            "quarantined: \(quarantined)",
            "skipped:  \(skipped) (not DICOM, or a DICOMDIR)",
        ]
    }
}
