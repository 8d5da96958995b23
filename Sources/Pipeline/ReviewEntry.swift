import PixelRedaction

/// One input in the review report: where it came from, what happened, its thumbnails and pixel
/// findings. Never a header value; the text read only when the run asked for it (`--report-text`).
public struct ReviewEntry: Sendable, Codable {
    public var input: String
    public var relativePath: String
    public var status: String
    public var reason: String?
    /// Whether the pixel stage changed the image.
    public var modified: Bool?
    public var frames: Int?
    public var images: ReviewImages?
    /// Nil when the pixel stage did not run on this input.
    public var findings: [PixelFinding]?

    public init(outcome: InstanceOutcome, includeText: Bool) {
        input = outcome.input.path
        relativePath = outcome.input.relativePath
        status = outcome.status.rawValue
        reason = outcome.reason
        modified = outcome.pixels?.modified
        if let pixels = outcome.pixels {
            frames = pixels.framesRecognized + pixels.framesSkipped + pixels.framesReused
        }
        images = outcome.review
        findings = outcome.pixels?.findings.map { finding in
            var finding = finding
            if !includeText { finding.text = nil }
            return finding
        }
    }

    /// Processed by the pixel stage.
    public var isImage: Bool { findings != nil }
}
