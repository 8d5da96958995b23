import PHIDetection

/// One piece of burned-in text and what was done about it, for reports and audit.
/// The text itself is only present when `RedactionOptions.includeText` was set.
public struct PixelFinding: Hashable, Sendable, Codable {
    public enum Decision: String, Hashable, Sendable, Codable {
        /// Painted over.
        case redacted
        /// PHI, but less confident than the threshold: left in place.
        case belowThreshold
        /// Safe technical text (allow-list) in `all-but-safe` mode: left in place.
        case allowed
        /// Text that is not PHI: left in place.
        case kept
    }

    /// Frame index (0-based).
    public var frame: Int
    /// Where, in native pixel coordinates (before padding).
    public var box: TextBox
    /// PHI type, when the detector made one.
    public var type: PHIType?
    public var confidence: Double
    /// Which recognizer (or rule) produced the finding: a PHI recognizer, "all-text", "text-region",
    /// "allow-list", "device-rule"…
    public var recognizer: String
    public var decision: Decision
    /// The text read, only when asked for.
    public var text: String?

    public init(frame: Int, box: TextBox, type: PHIType?, confidence: Double, recognizer: String, decision: Decision,
                text: String? = nil) {
        self.frame = frame
        self.box = box
        self.type = type
        self.confidence = confidence
        self.recognizer = recognizer
        self.decision = decision
        self.text = text
    }
}
