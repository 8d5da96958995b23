/// Renders a frame of native pixels to 8 bits for display and OCR: the Modality LUT (or rescale),
/// then the VOI LUT, else the stored window, else the frame's min/max; MONOCHROME1 inverted; palette
/// and YBR to RGB. Enhanced objects' shared functional groups supply window and rescale when the
/// top level has none.
public struct FrameRenderer: Sendable {
    public struct Window: Sendable, Equatable {
        public var center: Double
        public var width: Double
        public init(center: Double, width: Double) {
            self.center = center
            self.width = width
        }
    }

    public var rescaleSlope: Double
    public var rescaleIntercept: Double
    public var window: Window?
    /// Replaces the rescale when present.
    public var modalityLUT: LookupTable?
    /// Used instead of the window when present.
    public var voiLUT: LookupTable?

    public init(rescaleSlope: Double = 1, rescaleIntercept: Double = 0, window: Window? = nil,
                modalityLUT: LookupTable? = nil, voiLUT: LookupTable? = nil) {
        self.rescaleSlope = rescaleSlope
        self.rescaleIntercept = rescaleIntercept
        self.window = window
        self.modalityLUT = modalityLUT
        self.voiLUT = voiLUT
    }

    static let modalityLUTSequence = Tag(0x0028, 0x3000)
    static let voiLUTSequence = Tag(0x0028, 0x3010)
    static let sharedFunctionalGroups = Tag(0x5200, 0x9229)
    static let frameVOILUTSequence = Tag(0x0028, 0x9132)
    static let pixelValueTransformationSequence = Tag(0x0028, 0x9145)

    /// Takes the Modality LUT or rescale, the VOI LUT and the first stored window from the dataset
    /// (or from its shared functional groups).
    public init(dataset: Dataset) {
        let shared = dataset.items(Self.sharedFunctionalGroups).first
        let rescaleSource = dataset.contains(.rescaleSlope) || dataset.contains(.rescaleIntercept) ? dataset
            : shared?.items(Self.pixelValueTransformationSequence).first ?? dataset
        let windowSource = dataset.contains(.windowCenter) ? dataset : shared?.items(Self.frameVOILUTSequence).first ?? dataset
        let slope = rescaleSource.double(.rescaleSlope) ?? 1
        let center = windowSource.double(.windowCenter)
        let width = windowSource.double(.windowWidth)
        let signed = dataset.integer(.pixelRepresentation) == 1
        let modality = LookupTable(firstItemOf: Self.modalityLUTSequence, in: dataset, signedInput: signed)
        // VOI LUT inputs are Modality LUT or rescale outputs: signed when the rescale can make them
        // negative (signed samples, a negative intercept as in CT, a negative slope)
        let intercept = rescaleSource.double(.rescaleIntercept) ?? 0
        let voiSigned = modality == nil && (signed || intercept < 0 || slope < 0)
        let voi = LookupTable(firstItemOf: Self.voiLUTSequence, in: dataset, signedInput: voiSigned)
        self.init(rescaleSlope: slope == 0 ? 1 : slope, rescaleIntercept: intercept,
                  window: (center != nil && width != nil && width! > 0) ? Window(center: center!, width: width!) : nil,
                  modalityLUT: modality, voiLUT: voi)
    }

    /// The window's width in stored values (nil without a window, or when a Modality LUT makes the
    /// two scales unrelated).
    public var storedWindowWidth: Double? {
        modalityLUT == nil ? window.map { $0.width / abs(rescaleSlope) } : nil
    }

    public func render(_ frames: PixelFrames, frame: Int) -> RenderedImage {
        let d = frames.description
        switch d.photometric {
        case .monochrome1, .monochrome2: return renderMonochrome(frames, frame: frame)
        case .paletteColor: return renderPalette(frames, frame: frame)
        default: return renderColor(frames, frame: frame)
        }
    }

    func renderMonochrome(_ frames: PixelFrames, frame: Int) -> RenderedImage {
        let d = frames.description
        let count = d.rows * d.columns
        var values = [Double](repeating: 0, count: count)
        var low = Double.infinity, high = -Double.infinity
        for row in 0..<d.rows {
            for column in 0..<d.columns {
                let stored = frames.sample(frame: frame, row: row, column: column)
                var value = modalityLUT.map { Double($0.map(stored)) } ?? Double(stored) * rescaleSlope + rescaleIntercept
                if let voiLUT { value = Double(voiLUT.map(Int(value.rounded(.down)))) }
                values[row * d.columns + column] = value
                low = min(low, value)
                high = max(high, value)
            }
        }
        let lower: Double, upper: Double
        if let voiLUT {
            lower = 0
            upper = Double(voiLUT.outputMaximum)
        } else if let window {
            lower = window.center - 0.5 - (window.width - 1) / 2
            upper = window.center - 0.5 + (window.width - 1) / 2
        } else {
            lower = low
            upper = high
        }
        let span = max(upper - lower, 1e-9)
        let invert = d.photometric == .monochrome1
        var pixels = [UInt8](repeating: 0, count: count)
        for i in 0..<count {
            let scaled = ((values[i] - lower) / span * 255).rounded()
            let clamped = UInt8(min(max(scaled, 0), 255))
            pixels[i] = invert ? 255 - clamped : clamped
        }
        return RenderedImage(width: d.columns, height: d.rows, channels: 1, pixels: pixels)
    }

    func renderPalette(_ frames: PixelFrames, frame: Int) -> RenderedImage {
        let d = frames.description
        var pixels = [UInt8](repeating: 0, count: d.rows * d.columns * 3)
        guard let palette = frames.palette else { return RenderedImage(width: d.columns, height: d.rows, channels: 3, pixels: pixels) }
        for row in 0..<d.rows {
            for column in 0..<d.columns {
                let (r, g, b) = palette.color(of: frames.sample(frame: frame, row: row, column: column))
                let i = (row * d.columns + column) * 3
                pixels[i] = r
                pixels[i + 1] = g
                pixels[i + 2] = b
            }
        }
        return RenderedImage(width: d.columns, height: d.rows, channels: 3, pixels: pixels)
    }

    func renderColor(_ frames: PixelFrames, frame: Int) -> RenderedImage {
        let d = frames.description
        let shift = max(0, d.bitsStored - 8)
        let isYBR = d.photometric.isYBR
        var pixels = [UInt8](repeating: 0, count: d.rows * d.columns * 3)
        for row in 0..<d.rows {
            for column in 0..<d.columns {
                var c = (0..<3).map { frames.sample(frame: frame, row: row, column: column, channel: $0) >> shift }
                if isYBR { c = Self.rgb(fromYBR: c) }
                let i = (row * d.columns + column) * 3
                pixels[i] = UInt8(clamping: c[0])
                pixels[i + 1] = UInt8(clamping: c[1])
                pixels[i + 2] = UInt8(clamping: c[2])
            }
        }
        return RenderedImage(width: d.columns, height: d.rows, channels: 3, pixels: pixels)
    }

    /// YBR_FULL to RGB (PS3.3 C.7.6.3.1.2), 8-bit.
    static func rgb(fromYBR c: [Int]) -> [Int] {
        let y = Double(c[0]), cb = Double(c[1]) - 128, cr = Double(c[2]) - 128
        return [y + 1.402 * cr, y - 0.344136 * cb - 0.714136 * cr, y + 1.772 * cb].map { Int($0.rounded()) }
    }
}
