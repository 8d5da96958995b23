import DicomCore
import PHIDetection

/// Finds where text is likely on a rendered frame, cheaply, so OCR runs only there.
///
/// Text strokes are thin and contrast strongly with what is around them, whatever their colour.
/// A morphological top-hat (the image minus its opening, or its closing minus the image) keeps
/// exactly the structures thinner than the structuring element, at their contrast with the local
/// background — light text on dark ultrasound or CT surrounds and dark text on light film alike.
/// Thresholded, the strokes fall into connected components; those of glyph size that line up
/// horizontally (similar height, overlapping rows, small gaps) are merged into line boxes.
/// A frame with no line is passed over without OCR.
public struct TextRegionFinder: Sendable {
    public struct Parameters: Sendable, Hashable {
        /// Top-hat radius: strokes up to 2r+1 pixels wide are kept.
        public var strokeRadius = 4
        /// Minimum top-hat response (grey levels of the 8-bit render) for a stroke pixel.
        public var minContrast = 40
        /// Glyph component heights considered text (pixels of the render).
        public var minGlyphHeight = 5
        public var maxGlyphHeight = 64
        /// Largest horizontal gap between neighbouring glyphs of a line, in glyph heights.
        public var maxGapRatio = 1.0
        /// Lines need this many full-size glyph components (a single wide merged word also counts).
        public var minGlyphsPerLine = 2
        public init() {}
    }

    public var parameters: Parameters

    public init(parameters: Parameters = Parameters()) {
        self.parameters = parameters
    }

    /// The likely text lines of `image`, both polarities, in image coordinates.
    public func regions(in image: RenderedImage) -> [TextRegion] {
        let bright = GreyPlane(image, channel: .brightest)
        let dark = image.channels == 1 ? bright : GreyPlane(image, channel: .darkest)
        let light = lines(in: bright.whiteTopHat(radius: parameters.strokeRadius), polarity: .lightOnDark)
        let darkLines = lines(in: dark.blackTopHat(radius: parameters.strokeRadius), polarity: .darkOnLight)
        return LineAssembler.resolveOverlaps(light + darkLines)
    }

    func lines(in strength: GreyPlane, polarity: TextRegion.Polarity) -> [TextRegion] {
        let components = StrokeComponent.label(strength, threshold: UInt8(clamping: parameters.minContrast))
        let glyphs = components.filter(isGlyphLike)
        return LineAssembler(parameters: parameters).lines(from: glyphs, polarity: polarity)
    }

    /// Size and density a glyph (or a few touching glyphs, or punctuation) can have.
    func isGlyphLike(_ component: StrokeComponent) -> Bool {
        let h = component.height, w = component.width
        guard h <= parameters.maxGlyphHeight, w <= 12 * max(h, parameters.minGlyphHeight) else { return false }
        guard component.area >= 2 else { return false }
        if h < parameters.minGlyphHeight { return w <= 2 * parameters.minGlyphHeight } // punctuation, dashes, dots
        return component.fill >= 0.08
    }
}
