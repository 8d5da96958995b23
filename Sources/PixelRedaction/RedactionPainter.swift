import DicomCore
import PHIDetection

/// Paints redaction boxes into the **native** pixel buffer of a frame.
///
/// The box colour is a displayed colour; it is mapped once into the image's own domain
/// (`NativeFill`) and written with `PixelFrames.setSample`, which keeps bits outside the stored
/// range (embedded overlays) as they were — clearing those is a separate, explicit step
/// (`clearEmbeddedOverlayBits`), because it must happen on every frame, not only inside boxes.
public struct RedactionPainter: Sendable {
    /// What a monochrome grey level is relative to.
    public enum GreyRange: Sendable, Hashable {
        /// The range Bits Stored can hold (signed or not): black is its lowest value (MONOCHROME2)
        /// or highest (MONOCHROME1).
        case stored
        /// The darkest…brightest values the image holds (all frames): black is the image's own
        /// darkest value, which shows black under its min/max display and under any window that
        /// shows its background, and blends with that background. Measured on the development set,
        /// this hides partly boxed text better than a stored extreme (−32768 is far below air in
        /// rescaled CT, so the box itself stands out against the unpainted background around it).
        case image
    }

    public var color: BoxColor
    /// Pixels added on every side of each box before painting.
    public var padding: Int
    public var greyRange: GreyRange

    public init(color: BoxColor = .black, padding: Int = 2, greyRange: GreyRange = .image) {
        self.color = color
        self.padding = max(0, padding)
        self.greyRange = greyRange
    }

    /// Paints `boxes` (native pixel coordinates, padded and clipped to the image) into `frame`.
    /// Returns the number of pixels painted.
    @discardableResult
    public func paint(_ boxes: [TextBox], frame: Int, in frames: inout PixelFrames) throws -> Int {
        guard frame >= 0, frame < frames.frameCount else {
            throw PixelRedactionError.frameOutOfRange(frame: frame, frameCount: frames.frameCount)
        }
        return paint(boxes, frame: frame, in: &frames, fill: try NativeFill(color: color, frames: frames, greyRange: greyRange))
    }

    /// Paints with a fill computed once for the image (`NativeFill` scans the whole buffer).
    func paint(_ boxes: [TextBox], frame: Int, in frames: inout PixelFrames, fill: NativeFill) -> Int {
        var painted = 0
        for box in boxes {
            guard let clipped = clip(box, to: frames.description) else { continue }
            painted += fill.apply(to: clipped, frame: frame, in: &frames)
        }
        return painted
    }

    /// The box grown by `padding` and clipped to the image; nil when nothing of it is inside.
    func clip(_ box: TextBox, to d: PixelDescription) -> TextBox? {
        let x0 = max(0, box.x - padding), y0 = max(0, box.y - padding)
        let x1 = min(d.columns, box.x + box.width + padding), y1 = min(d.rows, box.y + box.height + padding)
        guard x1 > x0, y1 > y0 else { return nil }
        return TextBox(x: x0, y: y0, width: x1 - x0, height: y1 - y0)
    }
}

/// A box colour expressed as the stored sample values of one image.
struct NativeFill {
    let samples: [Int]

    init(color: BoxColor, frames: PixelFrames, greyRange: RedactionPainter.GreyRange = .image) throws {
        let d = frames.description
        let photometric = d.photometric
        switch photometric {
        case .monochrome1, .monochrome2:
            samples = [Self.grey(color.luminance, description: d, range: greyRange == .image ? Self.valueRange(frames) : nil)]
        case .rgb:
            samples = [color.red, color.green, color.blue].map { Self.scale(Int($0), bitsStored: d.bitsStored) }
        case .ybrFull:
            let ybr = color.ybrFull
            samples = [ybr.y, ybr.cb, ybr.cr].map { Self.scale($0, bitsStored: d.bitsStored) }
        case .paletteColor:
            guard let palette = frames.palette, palette.count > 0 else {
                throw PixelRedactionError.unsupportedPixelFormat(photometric: photometric.rawValue,
                                                                 reason: "the palette lookup tables are missing")
            }
            samples = [palette.nearestIndex(red: color.red, green: color.green, blue: color.blue)]
        default:
            throw PixelRedactionError.unsupportedPixelFormat(
                photometric: photometric.rawValue, reason: "decode it to RGB or YBR_FULL (interleaved, one sample per channel) first")
        }
        guard samples.count == d.samplesPerPixel else {
            throw PixelRedactionError.unsupportedPixelFormat(
                photometric: photometric.rawValue, reason: "\(d.samplesPerPixel) samples per pixel, expected \(samples.count)")
        }
    }

    /// The stored value showing grey level `luminance` (0…255) across `range` (default: the stored
    /// range): black is its lowest value for MONOCHROME2 and its highest for MONOCHROME1.
    ///
    /// See `RedactionPainter.GreyRange` for why the image's own range is the default.
    static func grey(_ luminance: Double, description d: PixelDescription, range: (low: Int, high: Int)? = nil) -> Int {
        let (low, high) = range ?? storedRange(d)
        let fraction = min(max(luminance / 255, 0), 1)
        let shown = d.photometric == .monochrome1 ? 1 - fraction : fraction
        return low + Int((Double(high - low) * shown).rounded())
    }

    /// The smallest and largest sample of all frames; nil for an empty or uniform image.
    static func valueRange(_ frames: PixelFrames) -> (low: Int, high: Int)? {
        guard frames.description.samplesPerPixel == 1, let (low, high) = frames.sampleRange() else { return nil }
        return high > low ? (low, high) : nil
    }

    /// The range of values `bitsStored` bits can hold (two's complement when signed).
    static func storedRange(_ d: PixelDescription) -> (low: Int, high: Int) {
        d.isSigned ? (-(1 << (d.bitsStored - 1)), (1 << (d.bitsStored - 1)) - 1) : (0, (1 << d.bitsStored) - 1)
    }

    /// An 8-bit colour component scaled to `bitsStored` bits.
    static func scale(_ value: Int, bitsStored: Int) -> Int {
        bitsStored == 8 ? value : (value * ((1 << bitsStored) - 1) + 127) / 255
    }

    /// Writes the fill into a clipped box; returns the number of pixels written.
    func apply(to box: TextBox, frame: Int, in frames: inout PixelFrames) -> Int {
        for row in box.y..<(box.y + box.height) {
            for column in box.x..<(box.x + box.width) {
                for (channel, value) in samples.enumerated() {
                    frames.setSample(value, frame: frame, row: row, column: column, channel: channel)
                }
            }
        }
        return box.width * box.height
    }
}
