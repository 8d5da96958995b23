import Deidentification

/// What happened to one input.
public struct InstanceOutcome: Sendable {
    public enum Status: String, Sendable, Codable {
        case ok, refused, failed, skipped
        /// Written, but the re-read output failed verification: moved to the quarantine folder.
        case quarantined
    }

    public var input: InputFile
    public var status: Status
    public var reason: String?
    public var outputPath: String?
    public var counts: ActionCounts?
    public var records: [ActionRecord] = []
    public var pixels: PixelSummary?
    public var sopInstanceUIDBefore: String?
    public var sopInstanceUIDAfter: String?
    public var seconds: Double = 0
    /// The review report's thumbnails of this image (with `--review`).
    public var review: ReviewImages?

    public init(input: InputFile, status: Status, reason: String? = nil) {
        self.input = input
        self.status = status
        self.reason = reason
    }
}
