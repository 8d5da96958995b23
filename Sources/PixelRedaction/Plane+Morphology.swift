/// Grey-level morphology with a square structuring element, separable into a horizontal and a
/// vertical pass, each O(1) per pixel (van Herk / Gil–Werman running extrema), so the text finder
/// costs the same whatever the element size.
extension Plane {
    /// Minimum over a (2r+1)×(2r+1) square (edges replicate).
    func eroded(radius: Int) -> Plane { filtered(radius: radius, takeMinimum: true) }
    /// Maximum over a (2r+1)×(2r+1) square (edges replicate).
    func dilated(radius: Int) -> Plane { filtered(radius: radius, takeMinimum: false) }

    /// White top-hat: what is brighter than its surroundings and thinner than 2r+1 pixels.
    func whiteTopHat(radius: Int) -> Plane {
        Self.difference(self, eroded(radius: radius).dilated(radius: radius))
    }

    /// Black top-hat: what is darker than its surroundings and thinner than 2r+1 pixels.
    func blackTopHat(radius: Int) -> Plane {
        Self.difference(dilated(radius: radius).eroded(radius: radius), self)
    }

    /// Saturating `a - b` per pixel.
    static func difference(_ a: Plane, _ b: Plane) -> Plane {
        var result = [Sample](repeating: 0, count: a.pixels.count)
        a.pixels.withUnsafeBufferPointer { pa in
            b.pixels.withUnsafeBufferPointer { pb in
                result.withUnsafeMutableBufferPointer { target in
                    for i in 0..<target.count { target[i] = pa[i] >= pb[i] ? pa[i] - pb[i] : 0 }
                }
            }
        }
        return Plane(width: a.width, height: a.height, pixels: result)
    }

    private func filtered(radius: Int, takeMinimum: Bool) -> Plane {
        guard radius > 0, width > 0, height > 0 else { return self }
        var horizontal = [Sample](repeating: 0, count: pixels.count)
        var scratch = RunningExtreme<Sample>(length: max(width, height), radius: radius, takeMinimum: takeMinimum)
        pixels.withUnsafeBufferPointer { source in
            horizontal.withUnsafeMutableBufferPointer { target in
                for y in 0..<height { scratch.run(source, start: y * width, step: 1, count: width, into: target) }
            }
        }
        var vertical = [Sample](repeating: 0, count: pixels.count)
        horizontal.withUnsafeBufferPointer { source in
            vertical.withUnsafeMutableBufferPointer { target in
                for x in 0..<width { scratch.run(source, start: x, step: width, count: height, into: target) }
            }
        }
        return Plane(width: width, height: height, pixels: vertical)
    }
}

/// Van Herk / Gil–Werman running minimum or maximum over windows of 2r+1 samples: block-wise
/// prefix and suffix extrema give each window's extreme from two lookups. Buffers are reused.
struct RunningExtreme<Sample: FixedWidthInteger & UnsignedInteger> {
    let radius: Int
    let takeMinimum: Bool
    private var line: [Sample]
    private var prefix: [Sample]
    private var suffix: [Sample]

    init(length: Int, radius: Int, takeMinimum: Bool) {
        self.radius = radius
        self.takeMinimum = takeMinimum
        let window = 2 * radius + 1
        let blocks = (length + 2 * radius + window - 1) / window * window
        line = [Sample](repeating: 0, count: blocks)
        prefix = line
        suffix = line
    }

    mutating func run(_ source: UnsafeBufferPointer<Sample>, start: Int, step: Int, count: Int,
                      into target: UnsafeMutableBufferPointer<Sample>) {
        let window = 2 * radius + 1
        let padded = count + 2 * radius
        let blocks = (padded + window - 1) / window * window
        let fill: Sample = takeMinimum ? .max : .min
        let minimum = takeMinimum
        line.withUnsafeMutableBufferPointer { line in
            prefix.withUnsafeMutableBufferPointer { prefix in
                suffix.withUnsafeMutableBufferPointer { suffix in
                    for i in 0..<blocks {
                        line[i] = i < padded ? source[start + min(max(i - radius, 0), count - 1) * step] : fill
                    }
                    for i in 0..<blocks {
                        prefix[i] = i % window == 0 ? line[i] : (minimum ? Swift.min(prefix[i - 1], line[i]) : Swift.max(prefix[i - 1], line[i]))
                    }
                    var i = blocks - 1
                    while i >= 0 {
                        suffix[i] = (i + 1) % window == 0 ? line[i] : (minimum ? Swift.min(suffix[i + 1], line[i]) : Swift.max(suffix[i + 1], line[i]))
                        i -= 1
                    }
                    for i in 0..<count {
                        let a = suffix[i], b = prefix[i + window - 1]
                        target[start + i * step] = minimum ? Swift.min(a, b) : Swift.max(a, b)
                    }
                }
            }
        }
    }
}
