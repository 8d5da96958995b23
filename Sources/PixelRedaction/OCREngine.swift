import DicomCore
import PHIDetection

/// What the caller already knows about a region, so the engine need not guess (all optional).
public struct OCRHints: Sendable, Hashable {
    /// Height of the region's capital letters / digits in image pixels (drives upscaling).
    public var glyphHeight: Int?
    /// Whether the text is lighter or darker than its background (drives inversion).
    public var polarity: TextRegion.Polarity?
    /// The region holds one line of text.
    public var isSingleLine: Bool
    /// The pieces of ink a reading should account for, in the image's coordinates (nil when unknown).
    public var ink: [TextBox]?

    public init(glyphHeight: Int? = nil, polarity: TextRegion.Polarity? = nil, isSingleLine: Bool = true, ink: [TextBox]? = nil) {
        self.glyphHeight = glyphHeight
        self.polarity = polarity
        self.isSingleLine = isSingleLine
        self.ink = ink
    }
}

/// An OCR backend. Engines are not thread-safe: make one per worker, once, and reuse it.
/// Creating one throws when it cannot start (missing language data…), so redaction fails closed.
public protocol OCREngine: AnyObject {
    /// A short name for reports ("tesseract 5.3.0").
    var name: String { get }
    /// The words inside `region` of `image`, with boxes in the coordinates of `image`.
    func recognize(_ image: RenderedImage, region: TextBox, hints: OCRHints) throws -> [OCRWord]
    /// Every reading the engine made of `region` (an engine may read a picture several ways), the one
    /// `recognize` returns first. PHI detection also looks at the others: a doubtful line OCR reads
    /// one way with more confidence may read right another way.
    func readings(_ image: RenderedImage, region: TextBox, hints: OCRHints) throws -> [[OCRWord]]
}

extension OCREngine {
    /// An engine that reads each picture one way: its one reading.
    public func readings(_ image: RenderedImage, region: TextBox, hints: OCRHints) throws -> [[OCRWord]] {
        [try recognize(image, region: region, hints: hints)]
    }

    /// The words inside `region` of `image`, with boxes in the coordinates of `image`.
    public func recognize(_ image: RenderedImage, region: TextBox) throws -> [OCRWord] {
        try recognize(image, region: region, hints: OCRHints())
    }
}
