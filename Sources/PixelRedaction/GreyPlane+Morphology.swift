/// Grey-level morphology with a square structuring element, separable into a horizontal and a
/// vertical pass, each O(1) per pixel (van Herk / Gil–Werman running extrema), so the text finder
/// costs the same whatever the element size.
extension GreyPlane {
    /// Minimum over a (2r+1)×(2r+1) square (edges replicate).
    func eroded(radius: Int) -> GreyPlane { filtered(radius: radius, takeMinimum: true) }
    /// Maximum over a (2r+1)×(2r+1) square (edges replicate).
    func dilated(radius: Int) -> GreyPlane { filtered(radius: radius, takeMinimum: false) }

    /// White top-hat: what is brighter than its surroundings and thinner than 2r+1 pixels.
    func whiteTopHat(radius: Int) -> GreyPlane {
        difference(self, eroded(radius: radius).dilated(radius: radius))
    }

    /// Black top-hat: what is darker than its surroundings and thinner than 2r+1 pixels.
    func blackTopHat(radius: Int) -> GreyPlane {
        difference(dilated(radius: radius).eroded(radius: radius), self)
    }

    /// Saturating `a - b` per pixel.
    private func difference(_ a: GreyPlane, _ b: GreyPlane) -> GreyPlane {
        var result = [UInt8](repeating: 0, count: a.pixels.count)
        for i in result.indices { result[i] = a.pixels[i] >= b.pixels[i] ? a.pixels[i] - b.pixels[i] : 0 }
        return GreyPlane(width: a.width, height: a.height, pixels: result)
    }

    private func filtered(radius: Int, takeMinimum: Bool) -> GreyPlane {
        guard radius > 0, width > 0, height > 0 else { return self }
        var horizontal = [UInt8](repeating: 0, count: pixels.count)
        pixels.withUnsafeBufferPointer { source in
            horizontal.withUnsafeMutableBufferPointer { target in
                for y in 0..<height {
                    Self.runningExtreme(source, start: y * width, step: 1, count: width, radius: radius,
                                        takeMinimum: takeMinimum, into: target)
                }
            }
        }
        var vertical = [UInt8](repeating: 0, count: pixels.count)
        horizontal.withUnsafeBufferPointer { source in
            vertical.withUnsafeMutableBufferPointer { target in
                for x in 0..<width {
                    Self.runningExtreme(source, start: x, step: width, count: height, radius: radius,
                                        takeMinimum: takeMinimum, into: target)
                }
            }
        }
        return GreyPlane(width: width, height: height, pixels: vertical)
    }

    /// Van Herk / Gil–Werman: block-wise prefix and suffix extrema give each window's extreme
    /// from two lookups.
    private static func runningExtreme(_ source: UnsafeBufferPointer<UInt8>, start: Int, step: Int, count: Int,
                                       radius: Int, takeMinimum: Bool,
                                       into target: UnsafeMutableBufferPointer<UInt8>) {
        let window = 2 * radius + 1
        let padded = count + 2 * radius
        let blocks = (padded + window - 1) / window * window
        var line = [UInt8](repeating: takeMinimum ? 255 : 0, count: blocks)
        for i in 0..<padded {
            let clamped = min(max(i - radius, 0), count - 1)
            line[i] = source[start + clamped * step]
        }
        var prefix = line, suffix = line
        for i in 0..<blocks where i % window != 0 {
            prefix[i] = takeMinimum ? min(prefix[i - 1], line[i]) : max(prefix[i - 1], line[i])
        }
        for i in stride(from: blocks - 2, through: 0, by: -1) where (i + 1) % window != 0 {
            suffix[i] = takeMinimum ? min(suffix[i + 1], line[i]) : max(suffix[i + 1], line[i])
        }
        for i in 0..<count {
            // window in padded coordinates: i ... i + 2r
            let a = suffix[i], b = prefix[i + window - 1]
            target[start + i * step] = takeMinimum ? min(a, b) : max(a, b)
        }
    }
}
