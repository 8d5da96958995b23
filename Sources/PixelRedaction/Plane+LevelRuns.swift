/// Text drawn at one stored value into a grainy image: faint grey type over a radiograph's noise has too
/// little contrast against the grain for the top-hat, but its pixels equal their neighbours along every
/// stroke while the grain's almost never do.
extension Plane where Sample == UInt16 {
    /// A plane where the pixels at a text level (`textLevels`) are 0 and the others `background`: the text
    /// drawn at one value, dark on light, its diagonal strokes too. Nil when the plane is not grainy enough for
    /// that to set text apart (among neighbouring pixels inside its `ordinary` range, the 5th to 95th
    /// percentile, as many as `grainyEqualShare` or more are equal; flat air, padding and painted boxes lie at
    /// its ends), or has no text level.
    func levelRuns(background: UInt16, ordinary: ClosedRange<UInt16>) -> Plane? {
        guard width >= 3, height >= 3, isGrainy(within: ordinary) else { return nil }
        let levels = textLevels()
        guard levels.contains(true) else { return nil }
        return Plane(width: width, height: height, pixels: pixels.map { levels[Int($0)] ? 0 : background })
    }

    /// The values far more pixels share with a neighbour (right or below) than the values around them do, ten
    /// times as many and twenty pixels at least: on grain two neighbours are equal by chance, at any value alike;
    /// the pixels along a stroke drawn at one value are all equal. Indexed by value.
    func textLevels() -> [Bool] {
        let reach = 16
        // (room above the largest value for a whole window around it)
        var counts = [Int](repeating: 0, count: Int(pixels.max() ?? 0) + reach + 1)
        pixels.withUnsafeBufferPointer { p in
            for y in 0..<height {
                let row = y * width
                for x in 0..<width {
                    let v = p[row + x]
                    if x + 1 < width && p[row + x + 1] == v || y + 1 < height && p[row + width + x] == v {
                        counts[Int(v)] += 1
                    }
                }
            }
        }
        var levels = [Bool](repeating: false, count: counts.count)
        for value in counts.indices where counts[value] >= 20 {
            let around = max(0, value - reach)...min(counts.count - 1, value + reach)
            let others = counts[around].reduce(0, +) - counts[value]
            let mean = Double(others) / Double(around.count - 1)
            levels[value] = Double(counts[value]) >= 10 * max(mean, 1)
        }
        return levels
    }

    /// Below this share of equal neighbours the plane is grainy: two neighbouring grains are equal by chance
    /// about once in the noise's spread of values (a 12-bit radiograph's grain: one pair in 200).
    static let grainyEqualShare = 0.01

    /// Whether neighbouring pixels along every other row, strictly inside `range`, are seldom equal.
    private func isGrainy(within range: ClosedRange<UInt16>) -> Bool {
        let low = range.lowerBound, high = range.upperBound
        guard high > low else { return false }
        var pairs = 0, equal = 0
        pixels.withUnsafeBufferPointer { p in
            for y in stride(from: 0, to: height, by: 2) {
                let row = y * width
                for x in 0..<(width - 1) {
                    let v = p[row + x]
                    guard v > low, v < high else { continue }
                    pairs += 1
                    if p[row + x + 1] == v { equal += 1 }
                }
            }
        }
        return pairs >= 1000 && Double(equal) < Self.grainyEqualShare * Double(pairs)
    }
}
