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
                        let a = acc.baseAddress!
                        (a + radius).update(from: source.baseAddress! + row, count: width)
                        var step = 1
                        while step * 2 <= window {
                            Self.pick(E.self, into: a, a, a + step, count: count - step)
                            step *= 2
                        }
                        Self.pick(E.self, into: target.baseAddress! + row, a, a + (window - step), count: width)
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
                let a = acc.baseAddress!
                for row in 0..<paddedRows {
                    let from = Swift.min(Swift.max(row - radius, 0), height - 1) * width
                    (a + row * width).update(from: source.baseAddress! + from, count: width)
                }
                var step = 1
                while step * 2 <= window {
                    Self.pick(E.self, into: a, a, a + step * width, count: (paddedRows - step) * width)
                    step *= 2
                }
                result.withUnsafeMutableBufferPointer { target in
                    Self.pick(E.self, into: target.baseAddress!, a, a + (window - step) * width, count: height * width)
                }
            }
        }
        return Plane(width: width, height: height, pixels: result)
    }
}

extension Plane where Sample == UInt16 {
    /// `target[i] = E.pick(a[i], b[i])` for `count` samples, sixteen at a time. `target` may be `a`
    /// when `b` lies after it (the in-place doubling steps): each block is read before it is written,
    /// and later blocks read only samples not yet written.
    @inline(__always)
    fileprivate static func pick<E: Extreme>(_: E.Type, into target: UnsafeMutablePointer<UInt16>, _ a: UnsafePointer<UInt16>,
                                             _ b: UnsafePointer<UInt16>, count: Int) {
        typealias Block = SIMD16<UInt16>
        let lanes = Block.scalarCount
        var i = 0
        while i + lanes <= count {
            let x = UnsafeRawPointer(a + i).loadUnaligned(as: Block.self)
            let y = UnsafeRawPointer(b + i).loadUnaligned(as: Block.self)
            UnsafeMutableRawPointer(target + i).storeBytes(of: E.pick(x, y), as: Block.self)
            i += lanes
        }
        while i < count {
            target[i] = E.pick(a[i], b[i])
            i += 1
        }
    }
}

/// Which extreme a morphology pass takes (a type, so each pass is specialised), per sample and per
/// block of sixteen.
protocol Extreme {
    static func pick(_ a: UInt16, _ b: UInt16) -> UInt16
    static func pick(_ a: SIMD16<UInt16>, _ b: SIMD16<UInt16>) -> SIMD16<UInt16>
}
enum ExtremeMinimum: Extreme {
    @inline(__always) static func pick(_ a: UInt16, _ b: UInt16) -> UInt16 { Swift.min(a, b) }
    @inline(__always) static func pick(_ a: SIMD16<UInt16>, _ b: SIMD16<UInt16>) -> SIMD16<UInt16> { pointwiseMin(a, b) }
}
enum ExtremeMaximum: Extreme {
    @inline(__always) static func pick(_ a: UInt16, _ b: UInt16) -> UInt16 { Swift.max(a, b) }
    @inline(__always) static func pick(_ a: SIMD16<UInt16>, _ b: SIMD16<UInt16>) -> SIMD16<UInt16> { pointwiseMax(a, b) }
}
