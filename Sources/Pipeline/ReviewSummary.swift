import PixelRedaction

/// The run summary at the top of the review report.
public struct ReviewSummary: Sendable, Codable, Equatable {
    public var files = 0
    public var ok = 0
    public var refused = 0
    public var failed = 0
    public var skipped = 0
    public var quarantined = 0
    /// Inputs the pixel stage processed.
    public var images = 0
    public var findings = 0
    /// Findings by decision (every decision present, zero when none).
    public var byDecision: [String: Int] = [:]
    /// Findings by PHI type ("untyped" for findings without one).
    public var byType: [String: Int] = [:]
    public var includesText = false

    public static let decisions: [PixelFinding.Decision] = [.redacted, .belowThreshold, .allowed, .kept]
    public static let untyped = "untyped"

    public init(includesText: Bool = false) {
        self.includesText = includesText
        for decision in Self.decisions { byDecision[decision.rawValue] = 0 }
    }

    public mutating func count(status: InstanceOutcome.Status) {
        files += 1
        switch status {
        case .ok: ok += 1
        case .refused: refused += 1
        case .failed: failed += 1
        case .skipped: skipped += 1
        case .quarantined: quarantined += 1
        }
    }

    public mutating func count(findings: [PixelFinding]) {
        images += 1
        self.findings += findings.count
        for finding in findings {
            byDecision[finding.decision.rawValue, default: 0] += 1
            byType[Self.typeName(finding), default: 0] += 1
        }
    }

    public static func typeName(_ finding: PixelFinding) -> String { finding.type?.rawValue ?? untyped }
}
