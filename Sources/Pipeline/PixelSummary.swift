import PixelRedaction

/// What the pixel stage did to one instance, for the audit and reports. Findings carry the text
/// that was read only when the run asked for it (`--report-text`).
public struct PixelSummary: Sendable, Codable {
    public var modified: Bool
    public var framesRecognized: Int
    public var framesSkipped: Int
    public var framesReused: Int
    public var findings: [PixelFinding]
    /// Why the pixels were not read, when they were passed over (e.g. a segmentation mask).
    public var notChecked: String?

    public init(_ result: PixelRedactionResult) {
        modified = result.modified
        framesRecognized = result.framesRecognized
        framesSkipped = result.framesSkipped
        framesReused = result.framesReused
        findings = result.findings
    }

    /// Pixels passed over without reading, and why.
    public static func notChecked(_ reason: String) -> PixelSummary {
        var summary = PixelSummary(PixelRedactionResult())
        summary.notChecked = reason
        return summary
    }

    /// The pixel stage's outcome: `modified` also counts overlay bits cleared from the pixel data.
    public init(_ outcome: PixelStage.Outcome) {
        self.init(outcome.result)
        modified = outcome.modified
    }

    public var redactedCount: Int { findings.filter { $0.decision == .redacted }.count }
}
