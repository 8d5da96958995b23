import DicomCore
import PHIDetection

/// How a region is prepared for OCR: cut out, turned into dark text on a light background,
/// stretched to full contrast, enlarged when the text is small, optionally binarised, and framed
/// with a margin. Each step was kept or tuned by measuring OCR on the development set.
public struct OCRPreprocessing: Sendable, Hashable {
    /// Glyph height (cap height, pixels) the text is scaled up to when smaller; 0 disables upscaling.
    public var targetGlyphHeight = 20
    /// Largest upscaling factor.
    public var maximumScale = 4
    /// Otsu binarisation after scaling.
    public var binarize = false
    /// White margin added around the prepared image, in output pixels.
    public var margin = 12
    /// Thicken dark strokes (a 2×2 minimum filter before scaling): joins the dots of stippled or
    /// interlaced video fonts, whose broken strokes OCR misreads.
    public var thicken = false
    /// Tried only when every other reading was poor (see `TesseractEngine.Options`).
    public var lastResort = false

    public init(targetGlyphHeight: Int = 20, maximumScale: Int = 4, binarize: Bool = false, margin: Int = 12,
                thicken: Bool = false, lastResort: Bool = false) {
        self.targetGlyphHeight = targetGlyphHeight
        self.maximumScale = maximumScale
        self.binarize = binarize
        self.margin = margin
        self.thicken = thicken
        self.lastResort = lastResort
    }

    /// Second opinions for lines read with low confidence: binarised, larger, thickened.
    public static let alternatives = [
        OCRPreprocessing(binarize: true),
        OCRPreprocessing(targetGlyphHeight: 32),
        OCRPreprocessing(thicken: true, lastResort: true),
    ]

    /// The prepared image and how to map its coordinates back.
    struct Prepared {
        var plane: GreyPlane
        /// Output pixel (x, y) ↔ source pixel (origin.x + (x - margin) / scale, …).
        var origin: (x: Int, y: Int)
        var scale: Int
        var margin: Int

        func sourceBox(_ box: TextBox) -> TextBox {
            let x0 = origin.x + (box.x - margin) / scale
            let y0 = origin.y + (box.y - margin) / scale
            let x1 = origin.x + (box.x + box.width - margin + scale - 1) / scale
            let y1 = origin.y + (box.y + box.height - margin + scale - 1) / scale
            return TextBox(x: x0, y: y0, width: max(1, x1 - x0), height: max(1, y1 - y0))
        }
    }

    func prepare(_ image: RenderedImage, region: TextBox, hints: OCRHints) -> Prepared? {
        guard let clipped = region.clipped(width: image.width, height: image.height) else { return nil }
        var plane = GreyPlane(image, channel: .luminance).cropped(to: clipped)
        guard plane.width > 0, plane.height > 0 else { return nil }
        let threshold = plane.otsuThreshold()
        let lightText = hints.polarity.map { $0 == .lightOnDark } ?? plane.minorityIsBright(threshold: threshold)
        if lightText { plane = plane.inverted() }
        plane = plane.stretched()
        if thicken { plane = plane.darkestOf2x2() }
        let glyphHeight = hints.glyphHeight ?? max(plane.height * 2 / 3, 1)
        let scale = targetGlyphHeight > 0 ? min(max(1, (targetGlyphHeight + glyphHeight - 1) / glyphHeight), maximumScale) : 1
        if scale > 1 { plane = plane.scaledUp(by: scale) }
        if binarize { plane = plane.binarized(threshold: plane.otsuThreshold()) }
        plane = plane.framed(margin: margin, value: 255)
        return Prepared(plane: plane, origin: (clipped.x, clipped.y), scale: scale, margin: margin)
    }
}

extension Plane where Sample == UInt8 {
    /// Otsu's threshold: the grey level that best splits the histogram into two classes.
    func otsuThreshold() -> UInt8 {
        let counts = histogram()
        let total = Double(pixels.count)
        let sumAll = counts.enumerated().reduce(0.0) { $0 + Double($1.offset * $1.element) }
        var sumBelow = 0.0, weightBelow = 0.0, best = 0.0, threshold = 0
        for level in 0..<256 {
            weightBelow += Double(counts[level])
            guard weightBelow > 0 else { continue }
            let weightAbove = total - weightBelow
            guard weightAbove > 0 else { break }
            sumBelow += Double(level * counts[level])
            let meanBelow = sumBelow / weightBelow, meanAbove = (sumAll - sumBelow) / weightAbove
            let between = weightBelow * weightAbove * (meanBelow - meanAbove) * (meanBelow - meanAbove)
            if between > best {
                best = between
                threshold = level
            }
        }
        return UInt8(threshold)
    }

    func histogram() -> [Int] {
        var counts = [Int](repeating: 0, count: 256)
        for value in pixels { counts[Int(value)] += 1 }
        return counts
    }

    /// Text covers less of a line's box than its background: the minority class is the text.
    func minorityIsBright(threshold: UInt8) -> Bool {
        let bright = pixels.reduce(0) { $0 + ($1 > threshold ? 1 : 0) }
        return bright * 2 < pixels.count
    }

    func inverted() -> Plane { Plane(width: width, height: height, pixels: pixels.map { 255 - $0 }) }

    /// Linear stretch of the 1st…99th percentile to 0…255.
    func stretched() -> Plane {
        let low = Int(quantile(0.01)), high = Int(quantile(0.99))
        guard high > low else { return self }
        let span = Double(high - low)
        return Plane(width: width, height: height, pixels: pixels.map { value in
            UInt8(min(max((Double(Int(value) - low) / span * 255).rounded(), 0), 255))
        })
    }

    /// Bilinear enlargement by an integer factor.
    func scaledUp(by factor: Int) -> Plane {
        let w = width * factor, h = height * factor
        var result = [UInt8](repeating: 0, count: w * h)
        for y in 0..<h {
            let sy = max(0, min(Double(height - 1), (Double(y) + 0.5) / Double(factor) - 0.5))
            let y0 = Int(sy), y1 = min(y0 + 1, height - 1), fy = sy - Double(y0)
            for x in 0..<w {
                let sx = max(0, min(Double(width - 1), (Double(x) + 0.5) / Double(factor) - 0.5))
                let x0 = Int(sx), x1 = min(x0 + 1, width - 1), fx = sx - Double(x0)
                let top = Double(self[x0, y0]) * (1 - fx) + Double(self[x1, y0]) * fx
                let bottom = Double(self[x0, y1]) * (1 - fx) + Double(self[x1, y1]) * fx
                result[y * w + x] = UInt8((top * (1 - fy) + bottom * fy).rounded())
            }
        }
        return Plane(width: w, height: h, pixels: result)
    }

    /// Each pixel the darkest of itself and its right, lower and lower-right neighbours.
    func darkestOf2x2() -> Plane {
        var result = pixels
        for y in 0..<height {
            for x in 0..<width {
                let right = min(x + 1, width - 1), below = min(y + 1, height - 1)
                result[y * width + x] = Swift.min(self[x, y], self[right, y], self[x, below], self[right, below])
            }
        }
        return Plane(width: width, height: height, pixels: result)
    }

    func binarized(threshold: UInt8) -> Plane {
        Plane(width: width, height: height, pixels: pixels.map { $0 > threshold ? 255 : 0 })
    }

    func framed(margin: Int, value: UInt8) -> Plane {
        guard margin > 0 else { return self }
        let w = width + 2 * margin, h = height + 2 * margin
        var result = [UInt8](repeating: value, count: w * h)
        for y in 0..<height {
            for x in 0..<width { result[(y + margin) * w + x + margin] = self[x, y] }
        }
        return Plane(width: w, height: h, pixels: result)
    }
}
