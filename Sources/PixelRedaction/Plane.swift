import DicomCore
import PHIDetection

/// A single-channel working image (row-major) for text finding and OCR preparation: 8-bit for
/// rendered colour planes and OCR crops, 16-bit for native monochrome samples. Kept apart from
/// `RenderedImage` so the hot loops see one plane with no channel stride.
struct Plane<Sample: FixedWidthInteger & UnsignedInteger & Sendable>: Sendable, Equatable {
    var width: Int
    var height: Int
    var pixels: [Sample]

    init(width: Int, height: Int, pixels: [Sample]) {
        precondition(pixels.count == width * height, "plane size mismatch")
        self.width = width
        self.height = height
        self.pixels = pixels
    }

    init(width: Int, height: Int, filledWith value: Sample = 0) {
        self.init(width: width, height: height, pixels: [Sample](repeating: value, count: width * height))
    }

    @inline(__always) subscript(x: Int, y: Int) -> Sample { pixels[y * width + x] }

    /// The part of the plane inside `box` (clipped to the plane).
    func cropped(to box: TextBox) -> Plane {
        let x0 = max(0, box.x), y0 = max(0, box.y)
        let x1 = min(width, box.x + box.width), y1 = min(height, box.y + box.height)
        guard x1 > x0, y1 > y0 else { return Plane(width: 0, height: 0) }
        var result = [Sample]()
        result.reserveCapacity((x1 - x0) * (y1 - y0))
        for y in y0..<y1 { result.append(contentsOf: pixels[(y * width + x0)..<(y * width + x1)]) }
        return Plane(width: x1 - x0, height: y1 - y0, pixels: result)
    }

    /// The plane flipped left to right.
    func mirrored() -> Plane {
        var result = [Sample]()
        result.reserveCapacity(pixels.count)
        for y in 0..<height { result.append(contentsOf: pixels[(y * width)..<((y + 1) * width)].reversed()) }
        return Plane(width: width, height: height, pixels: result)
    }

    /// The value at quantile `q` (0…1) of the plane's pixels.
    func quantile(_ q: Double) -> Sample { quantiles([q])[0] }

    /// The value at quantile `q` of the pixels outside `boxes` (of all pixels when every one is inside).
    func quantile(_ q: Double, outside boxes: [TextBox]) -> Sample {
        var inside = [Bool](repeating: false, count: pixels.count)
        for box in boxes.compactMap({ $0.clipped(width: width, height: height) }) {
            for y in box.y..<box.maxY {
                for x in box.x..<box.maxX { inside[y * width + x] = true }
            }
        }
        let rest = pixels.indices.filter { !inside[$0] }.map { pixels[$0] }
        guard !rest.isEmpty else { return quantile(q) }
        return Plane(width: rest.count, height: 1, pixels: rest).quantile(q)
    }

    /// The values at several quantiles, from one histogram (sized by the largest value).
    func quantiles(_ qs: [Double]) -> [Sample] {
        values(atRanks: qs.map { Int(Double(pixels.count - 1) * min(max($0, 0), 1)) })
    }

    /// The values that would stand at these indices (0 ..< pixel count) of the pixels sorted.
    func values(atRanks targets: [Int]) -> [Sample] {
        guard !pixels.isEmpty else { return targets.map { _ in 0 } }
        guard Sample.bitWidth <= 16 else {
            let sorted = pixels.sorted()
            return targets.map { sorted[$0] }
        }
        // a histogram of the values' own range (native CT samples sit far above 0)
        var smallest = pixels[0], largestSample = pixels[0]
        for value in pixels {
            smallest = Swift.min(smallest, value)
            largestSample = Swift.max(largestSample, value)
        }
        let low = Int(smallest), largest = Int(largestSample) - low
        let counts = Self.histogram(of: pixels, low: low, size: largest + 1)
        // one sweep of the histogram, the targets in increasing order
        var result = [Sample](repeating: Sample(largest + low), count: targets.count)
        var value = 0, seen = Int(counts[0])
        for index in targets.indices.sorted(by: { targets[$0] < targets[$1] }) {
            while seen <= targets[index] && value < largest {
                value += 1
                seen += Int(counts[value])
            }
            result[index] = Sample(value + low)
        }
        return result
    }

    /// Counts of each value `low ..< low + size` (every pixel must lie there). Four interleaved
    /// histograms, added at the end: on planes that are mostly one value (a top-hat is mostly 0),
    /// one counter incremented pixel after pixel makes each increment wait for the one before.
    private static func histogram(of pixels: [Sample], low: Int, size: Int) -> [Int32] {
        var counts = [Int32](repeating: 0, count: 4 * size)
        counts.withUnsafeMutableBufferPointer { c in
            pixels.withUnsafeBufferPointer { p in
                var i = 0
                while i + 4 <= p.count {
                    c[Int(p[i]) - low] &+= 1
                    c[size + Int(p[i + 1]) - low] &+= 1
                    c[2 * size + Int(p[i + 2]) - low] &+= 1
                    c[3 * size + Int(p[i + 3]) - low] &+= 1
                    i += 4
                }
                while i < p.count {
                    c[Int(p[i]) - low] &+= 1
                    i += 1
                }
            }
            for value in 0..<size { c[value] = c[value] &+ c[size + value] &+ c[2 * size + value] &+ c[3 * size + value] }
        }
        return Array(counts[0..<size])
    }
}

typealias GreyPlane = Plane<UInt8>
typealias SamplePlane = Plane<UInt16>

extension Plane where Sample == UInt8 {
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
}

extension Plane where Sample == UInt16 {
    /// The monochrome samples of one frame, display-ordered (higher is brighter: MONOCHROME1 is
    /// flipped) and offset so the stored range starts at 0. Nothing is windowed or clipped, so text
    /// drawn at any value — the stored maximum, the image maximum, a mid grey — keeps its contrast.
    init(monochrome frames: PixelFrames, frame: Int) {
        let d = frames.description
        // offset by the stored range's low end, a stored value v is v + signBit; counted down from its
        // high end (MONOCHROME1), high - v = mask - (v + signBit): the other bits flipped too
        let mask = UInt16(truncatingIfNeeded: (1 << d.bitsStored) - 1)
        let count = d.rows * d.columns
        let values = [UInt16](unsafeUninitializedCapacity: count) { target, initialized in
            frames.forEachOrderedSample(from: frame * d.samplesPerFrame, count: count,
                                        flipping: d.photometric == .monochrome1 ? mask : 0) { i, u in target[i] = u }
            initialized = count
        }
        self.init(width: d.columns, height: d.rows, pixels: values)
    }

    init(_ plane: GreyPlane) {
        self.init(width: plane.width, height: plane.height, pixels: plane.pixels.map { UInt16($0) })
    }
}
