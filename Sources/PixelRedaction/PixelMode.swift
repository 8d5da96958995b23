/// Which burned-in text is hidden (`--pixels`).
public enum PixelMode: String, Sendable, CaseIterable, Codable {
    /// Pixels are left alone.
    case off
    /// Text the PHI detector flags at or above the threshold.
    case sensitive
    /// Every piece of text: every OCR word and every text region, even where OCR reads nothing.
    case allText = "all-text"
    /// Every piece of text except words on the allow-list of safe technical text.
    case allButSafe = "all-but-safe"

    public init(parsing text: String) throws {
        guard let mode = PixelMode(rawValue: text.lowercased()) else {
            throw PixelRedactionError.invalidOption(name: "pixels", value: text,
                                                    expected: PixelMode.allCases.map(\.rawValue).joined(separator: ", "))
        }
        self = mode
    }
}
