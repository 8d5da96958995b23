/// How burned-in text is redacted.
public struct RedactionOptions: Sendable, Hashable {
    public var mode: PixelMode
    /// Minimum PHI confidence (0…1) for a finding to be painted in `sensitive` mode.
    public var threshold: Double
    public var boxColor: BoxColor
    /// Pixels added on every side of each painted box.
    public var padding: Int
    /// Whether findings carry the text that was read (off by default: reports must not leak PHI).
    public var includeText: Bool

    public init(mode: PixelMode = .sensitive, threshold: Double = 0.5, boxColor: BoxColor = .black, padding: Int = 2,
                includeText: Bool = false) {
        self.mode = mode
        self.threshold = threshold
        self.boxColor = boxColor
        self.padding = padding
        self.includeText = includeText
    }
}
