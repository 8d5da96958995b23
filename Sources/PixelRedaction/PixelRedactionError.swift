import DicomCore

/// Everything PixelRedaction can fail with. Each case says what was being done and why it failed,
/// so a refused file can be reported with a reason a user can act on. Redaction fails closed: when
/// any of these is thrown, the instance must not be written as if it had been cleaned.
public enum PixelRedactionError: Error, CustomStringConvertible, Equatable {
    /// The OCR engine could not be created or initialised (missing language data, bad path…).
    case ocrEngineUnavailable(engine: String, reason: String)
    /// The OCR engine failed on a region of a frame.
    case ocrFailed(engine: String, region: String, reason: String)
    /// The pixel format cannot be painted into (e.g. packed YBR_FULL_422, a palette image without LUTs).
    case unsupportedPixelFormat(photometric: String, reason: String)
    /// An option value that is not one of the accepted ones.
    case invalidOption(name: String, value: String, expected: String)
    /// A box colour that is neither a known name nor `#RRGGBB`.
    case invalidBoxColor(String)
    /// A frame index outside the image.
    case frameOutOfRange(frame: Int, frameCount: Int)
    /// An overlay plane whose data is shorter than its rows, columns and frames say.
    case overlayDataTooShort(group: UInt16, expectedBits: Int, actualBytes: Int)
    /// A device-region rule file that cannot be read or parsed.
    case cannotReadRules(path: String, reason: String)
    case invalidRule(path: String, line: Int, reason: String)

    public var description: String {
        switch self {
        case let .ocrEngineUnavailable(engine, reason):
            "OCR engine \(engine) cannot start: \(reason)"
        case let .ocrFailed(engine, region, reason):
            "OCR engine \(engine) failed on region \(region): \(reason)"
        case let .unsupportedPixelFormat(photometric, reason):
            "cannot redact pixels with photometric interpretation \(photometric): \(reason)"
        case let .invalidOption(name, value, expected):
            "invalid --\(name) value \"\(value)\": expected one of \(expected)"
        case let .invalidBoxColor(text):
            "invalid box colour \"\(text)\": use a name (black, white, red, green, blue, yellow, cyan, magenta, gray) or #RRGGBB"
        case let .frameOutOfRange(frame, frameCount):
            "frame \(frame) is outside the image (\(frameCount) frames)"
        case let .overlayDataTooShort(group, expectedBits, actualBytes):
            "overlay group \(Tag.hexGroup(group)) holds \(actualBytes) bytes, fewer than its \(expectedBits) bits need"
        case let .cannotReadRules(path, reason):
            "\(path): cannot read pixel-region rules: \(reason)"
        case let .invalidRule(path, line, reason):
            "\(path):\(line): invalid pixel-region rule: \(reason)"
        }
    }
}

extension Tag {
    /// `6000`-style hex text of a group number, for messages.
    static func hexGroup(_ group: UInt16) -> String {
        let digits = String(group, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
}
