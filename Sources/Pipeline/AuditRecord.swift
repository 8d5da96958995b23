import Deidentification
import Foundation

/// One line of the audit log: what happened to one input. Holds paths, UIDs, counts and reasons —
/// never a header value or burned-in text.
public struct AuditRecord: Codable, Sendable {
    public var input: String
    public var relativePath: String
    public var output: String?
    public var status: String
    public var reason: String?
    public var sopInstanceUID: String?
    public var newSOPInstanceUID: String?
    public var profile: String
    public var options: [String]
    /// Identifies the profile, options and key (not the key itself), so `--resume` can tell whether
    /// an earlier output was made the same way.
    public var runFingerprint: String
    public var actions: ActionCounts?
    /// Pixel findings: frame, box, type, confidence, recognizer, decision (text only with --report-text).
    public var pixels: PixelSummary?
    public var seconds: Double

    public init(outcome: InstanceOutcome, profile: Profile, runFingerprint: String) {
        input = outcome.input.path
        relativePath = outcome.input.relativePath
        output = outcome.outputPath
        status = outcome.status.rawValue
        reason = outcome.reason
        sopInstanceUID = outcome.sopInstanceUIDBefore
        newSOPInstanceUID = outcome.sopInstanceUIDAfter
        self.profile = profile.name
        options = profile.options.map(\.name)
        self.runFingerprint = runFingerprint
        actions = outcome.counts
        pixels = outcome.pixels
        seconds = (outcome.seconds * 1000).rounded() / 1000
    }
}

/// The run's last audit line.
public struct AuditSummary: Codable, Sendable {
    public var summary = true
    public var ok: Int
    public var refused: Int
    public var failed: Int
    public var skipped: Int
    public var seconds: Double
    public var profile: String
    public var options: [String]
    public var runFingerprint: String
    public var shard: String?

    public init(ok: Int, refused: Int, failed: Int, skipped: Int, seconds: Double, profile: String, options: [String],
                runFingerprint: String, shard: String?) {
        self.ok = ok
        self.refused = refused
        self.failed = failed
        self.skipped = skipped
        self.seconds = (seconds * 1000).rounded() / 1000
        self.profile = profile
        self.options = options
        self.runFingerprint = runFingerprint
        self.shard = shard
    }
}
