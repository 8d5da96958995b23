import DicomCore
import Foundation

/// A crop split by Otsu's threshold into text (the minority class) and background.
struct SplitView {
    let crop: SamplePlane
    let low: Int
    let high: Int
    /// Between-class over total variance (0…1): how cleanly the crop splits into two levels.
    private(set) var separability = 0.0
    private(set) var textMean = 0.0
    private(set) var backgroundMean = 0.0

    init(crop: SamplePlane) {
        self.crop = crop
        low = Int(crop.pixels.min() ?? 0)
        high = Int(crop.pixels.max() ?? 0)
        guard high > low else { return }
        // 256-bin histogram of the crop's own range
        var counts = [Int](repeating: 0, count: 256)
        let span = Double(high - low)
        for value in crop.pixels { counts[Int(Double(Int(value) - low) / span * 255)] += 1 }
        let total = Double(crop.pixels.count)
        let sumAll = counts.enumerated().reduce(0.0) { $0 + Double($1.offset * $1.element) }
        let meanAll = sumAll / total
        let varianceAll = counts.enumerated().reduce(0.0) { $0 + Double($1.element) * pow(Double($1.offset) - meanAll, 2) } / total
        var weightBelow = 0.0, sumBelow = 0.0, best = -1.0
        var split = (below: 0.0, above: 0.0, weightBelow: 0.0)
        for level in 0..<255 {
            weightBelow += Double(counts[level])
            sumBelow += Double(level * counts[level])
            guard weightBelow > 0, weightBelow < total else { continue }
            let meanBelow = sumBelow / weightBelow, meanAbove = (sumAll - sumBelow) / (total - weightBelow)
            let between = weightBelow * (total - weightBelow) * pow(meanBelow - meanAbove, 2) / (total * total)
            if between > best {
                best = between
                split = (meanBelow, meanAbove, weightBelow)
            }
        }
        guard best >= 0, varianceAll > 0 else { return }
        separability = best / varianceAll
        let textIsBright = split.weightBelow * 2 > total
        let base = Double(low)
        textMean = base + (textIsBright ? split.above : split.below) / 255 * span
        backgroundMean = base + (textIsBright ? split.below : split.above) / 255 * span
    }

    /// A view with the text level given (the background, when not given, is the crop's median).
    init(crop: SamplePlane, textLevel: Int, backgroundLevel: Int? = nil) {
        self.crop = crop
        low = Int(crop.pixels.min() ?? 0)
        high = Int(crop.pixels.max() ?? 0)
        if let backgroundLevel {
            backgroundMean = Double(backgroundLevel)
        } else {
            backgroundMean = Double(crop.values(atRanks: [crop.pixels.count / 2])[0])
        }
        textMean = Double(textLevel)
        separability = 1
    }

    /// The crop windowed so that the text's level is black and anything less than `floor` of the
    /// way from the background's level to it is white (texture behind the text fades out), with a
    /// ramp between for antialiased edges.
    func blackTextOnWhite(floor: Double = 0.4, ceiling: Double = 0.8) -> RenderedImage {
        var span = textMean - backgroundMean
        if abs(span) < 1 { span = 1 }
        let pixels = crop.pixels.map { value -> UInt8 in
            let t = (Double(value) - backgroundMean) / span
            let ramp = min(max((t - floor) / (ceiling - floor), 0), 1)
            return UInt8((255 * (1 - ramp)).rounded())
        }
        return RenderedImage(width: crop.width, height: crop.height, channels: 1, pixels: pixels)
    }
}
