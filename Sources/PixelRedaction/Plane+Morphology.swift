/// Grey-level morphology on 16-bit planes with a square structuring element, separated into a
/// horizontal and a vertical pass over contiguous rows (so the inner loops vectorise).
extension Plane where Sample == UInt16 {
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
        var result = [UInt16](repeating: 0, count: a.pixels.count)
        a.pixels.withUnsafeBufferPointer { pa in
            b.pixels.withUnsafeBufferPointer { pb in
                result.withUnsafeMutableBufferPointer { target in
                    for i in 0..<target.count { target[i] = pa[i] &- min(pa[i], pb[i]) }
                }
            }
        }
        return Plane(width: a.width, height: a.height, pixels: result)
    }

    private func filtered(radius: Int, takeMinimum: Bool) -> Plane {
        guard radius > 0, width > 0, height > 0 else { return self }
        return takeMinimum
            ? Self.verticalPass(Self.horizontalPass(self, radius: radius, ExtremeMinimum.self), radius: radius, ExtremeMinimum.self)
            : Self.verticalPass(Self.horizontalPass(self, radius: radius, ExtremeMaximum.self), radius: radius, ExtremeMaximum.self)
    }

    /// Each row: the extreme of 2r+1 neighbours, by pairwise passes over a padded copy (windows of
    /// 1, 2, 4 … samples, then one combining step), all on contiguous memory.
    private static func horizontalPass<E: Extreme>(_ plane: Plane, radius: Int, _: E.Type) -> Plane {
        let width = plane.width, window = 2 * radius + 1
        var result = [UInt16](repeating: 0, count: plane.pixels.count)
        var accumulator = [UInt16](repeating: 0, count: width + 2 * radius)
        plane.pixels.withUnsafeBufferPointer { source in
            result.withUnsafeMutableBufferPointer { target in
                accumulator.withUnsafeMutableBufferPointer { acc in
                    let count = acc.count
                    for y in 0..<plane.height {
                        let row = y * width
                        let first = source[row], last = source[row + width - 1]
                        for i in 0..<radius { acc[i] = first; acc[count - 1 - i] = last }
                        for x in 0..<width { acc[radius + x] = source[row + x] }
                        var step = 1
                        while step * 2 <= window {
                            for i in 0..<(count - step) { acc[i] = E.pick(acc[i], acc[i + step]) }
                            step *= 2
                        }
                        let rest = window - step
                        for x in 0..<width { target[row + x] = E.pick(acc[x], acc[x + rest]) }
                    }
                }
            }
        }
        return Plane(width: width, height: plane.height, pixels: result)
    }

    /// Each output row: the element-wise extreme of the 2r+1 input rows around it, by the same
    /// pairwise doubling as the horizontal pass, over whole rows of a padded copy.
    private static func verticalPass<E: Extreme>(_ plane: Plane, radius: Int, _: E.Type) -> Plane {
        let width = plane.width, height = plane.height, window = 2 * radius + 1
        let paddedRows = height + 2 * radius
        var accumulator = [UInt16](repeating: 0, count: paddedRows * width)
        var result = [UInt16](repeating: 0, count: plane.pixels.count)
        plane.pixels.withUnsafeBufferPointer { source in
            accumulator.withUnsafeMutableBufferPointer { acc in
                for row in 0..<paddedRows {
                    let from = Swift.min(Swift.max(row - radius, 0), height - 1) * width
                    for x in 0..<width { acc[row * width + x] = source[from + x] }
                }
                var step = 1
                while step * 2 <= window {
                    let offset = step * width
                    for i in 0..<((paddedRows - step) * width) { acc[i] = E.pick(acc[i], acc[i + offset]) }
                    step *= 2
                }
                let rest = (window - step) * width
                result.withUnsafeMutableBufferPointer { target in
                    for i in 0..<(height * width) { target[i] = E.pick(acc[i], acc[i + rest]) }
                }
            }
        }
        return Plane(width: width, height: height, pixels: result)
    }
}

/// Which extreme a morphology pass takes (a type, so each pass is specialised and vectorised).
protocol Extreme { static func pick(_ a: UInt16, _ b: UInt16) -> UInt16 }
enum ExtremeMinimum: Extreme { @inline(__always) static func pick(_ a: UInt16, _ b: UInt16) -> UInt16 { Swift.min(a, b) } }
enum ExtremeMaximum: Extreme { @inline(__always) static func pick(_ a: UInt16, _ b: UInt16) -> UInt16 { Swift.max(a, b) } }
