import PHIDetection

/// What `PixelRedactor` found and did on one image.
public struct PixelRedactionResult: Sendable, Hashable {
    public var findings: [PixelFinding] = []
    /// Whether any pixel was painted.
    public var modified = false
    /// Distinct frames that had text candidates and went through OCR.
    public var framesRecognized = 0
    /// Distinct frames with no text candidate: passed over without OCR.
    public var framesSkipped = 0
    /// Frames identical to an earlier frame: its result was reused.
    public var framesReused = 0
    /// Text regions sent to OCR.
    public var regionsRecognized = 0
    /// Per frame, the levels its search judged text lines against (handed to verification).
    public var searchLevels: [Int: TextRegionFinder.Levels] = [:]
    /// Per frame, the boxes painted (before padding; handed to verification).
    public var painted: [Int: [TextBox]] = [:]

    public init() {}

    /// Findings that were painted.
    public var redacted: [PixelFinding] { findings.filter { $0.decision == .redacted } }
}
