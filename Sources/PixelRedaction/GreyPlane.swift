import DicomCore
import PHIDetection

/// An 8-bit, single-channel working image (row-major) for text finding and OCR preparation.
/// Kept separate from `RenderedImage` so the hot loops work on one plane with no channel stride.
struct GreyPlane: Sendable, Equatable {
    var width: Int
    var height: Int
    var pixels: [UInt8]

    init(width: Int, height: Int, pixels: [UInt8]) {
        precondition(pixels.count == width * height, "plane size mismatch")
        self.width = width
        self.height = height
        self.pixels = pixels
    }

    init(width: Int, height: Int, filledWith value: UInt8 = 0) {
        self.init(width: width, height: height, pixels: [UInt8](repeating: value, count: width * height))
    }

    enum Channel { case luminance, brightest, darkest }

    /// One plane of a rendered image: Rec. 601 luminance, or the brightest / darkest of R, G, B
    /// (coloured annotation text — yellow, cyan, green — is bright in its brightest channel
    /// even when its luminance is middling; dark text is dark in its darkest channel).
    init(_ image: RenderedImage, channel: Channel) {
        let count = image.width * image.height
        guard image.channels == 3 else {
            self.init(width: image.width, height: image.height, pixels: Array(image.pixels.prefix(count)))
            return
        }
        var plane = [UInt8](repeating: 0, count: count)
        image.pixels.withUnsafeBufferPointer { source in
            plane.withUnsafeMutableBufferPointer { target in
                for i in 0..<count {
                    let r = source[3 * i], g = source[3 * i + 1], b = source[3 * i + 2]
                    switch channel {
                    case .brightest: target[i] = max(r, g, b)
                    case .darkest: target[i] = min(r, g, b)
                    case .luminance:
                        let weighted: Int = 299 * Int(r) + 587 * Int(g) + 114 * Int(b)
                        target[i] = UInt8(weighted / 1000)
                    }
                }
            }
        }
        self.init(width: image.width, height: image.height, pixels: plane)
    }

    @inline(__always) subscript(x: Int, y: Int) -> UInt8 { pixels[y * width + x] }

    /// The part of the plane inside `box` (clipped to the plane).
    func cropped(to box: TextBox) -> GreyPlane {
        let x0 = max(0, box.x), y0 = max(0, box.y)
        let x1 = min(width, box.x + box.width), y1 = min(height, box.y + box.height)
        guard x1 > x0, y1 > y0 else { return GreyPlane(width: 0, height: 0) }
        var result = [UInt8]()
        result.reserveCapacity((x1 - x0) * (y1 - y0))
        for y in y0..<y1 { result.append(contentsOf: pixels[(y * width + x0)..<(y * width + x1)]) }
        return GreyPlane(width: x1 - x0, height: y1 - y0, pixels: result)
    }

    func inverted() -> GreyPlane {
        GreyPlane(width: width, height: height, pixels: pixels.map { 255 - $0 })
    }

    /// Histogram of the 256 grey levels.
    func histogram() -> [Int] {
        var counts = [Int](repeating: 0, count: 256)
        for value in pixels { counts[Int(value)] += 1 }
        return counts
    }
}
