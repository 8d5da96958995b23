/// The quiet part of a frame whose other part is busy: a banner or a black border beside an
/// ultrasound sector full of speckle, a report panel beside anatomy. The frame-wide noise floor
/// (`TextRegionFinder.Parameters.noiseQuantile`) comes from the busy part and can lift the stroke
/// thresholds above the contrast of text in the quiet part; that text is looked for again there,
/// against the quiet part's own noise floor and texture, with the busy part masked out.
///
/// The frame is judged in square tiles by the median of a sparse sample of their top-hat response
/// (text covers less than half of a tile, so the median is its background): a tile is quiet when
/// that median is under a quarter of the frame's noise floor and next to nothing on its own.
struct QuietPart: Sendable, Hashable {
    /// The top-hat response's `noiseQuantile` and 0.9 quantile over the quiet tiles.
    var noise: Double
    var texture: Double

    static let tile = 32
    /// Every `sampleStep`-th pixel of every `sampleStep`-th row of a tile is sampled.
    static let sampleStep = 4
    /// A quiet tile's median response is at most this fraction of the contrast scale (plus one).
    static let flatness = 0.02
    /// Lines found in the quiet part must lie on a background this quiet (`LineEvidence.backgroundNoise`).
    static let backgroundNoise = 0.25
    /// Lines found in the quiet part need this many full-size glyphs.
    static let minimumGlyphs = 3
    /// Less of the frame than this quiet is not worth a second search.
    static let minimumShare = 0.1

    /// The quiet part of `strength` (a top-hat response) and its tiles, when there is one worth
    /// searching: quiet tiles make at least `minimumShare` of the frame and their noise floor is
    /// below the frame's `frameNoise` by more than half.
    static func measure(_ strength: SamplePlane, frameNoise: Double, contrastScale: Int,
                        noiseQuantile: Double) -> (part: QuietPart, tiles: [Bool])? {
        let quiet = quietTiles(of: strength, frameNoise: frameNoise, contrastScale: contrastScale)
        let quietCount = quiet.lazy.filter { $0 }.count
        guard quietCount > 0, Double(quietCount) >= minimumShare * Double(quiet.count) else { return nil }
        var values: [UInt16] = []
        values.reserveCapacity(quietCount * tile * tile)
        forEachRun(of: strength, tiles: quiet, quiet: true) { values.append(contentsOf: strength.pixels[$0]) }
        let levels = Plane(width: values.count, height: 1, pixels: values).quantiles([noiseQuantile, 0.9])
        let part = QuietPart(noise: Double(levels[0]), texture: max(Double(levels[1]), 1))
        return 2 * part.noise < frameNoise ? (part, quiet) : nil
    }

    /// Per tile (row-major, tiles across × down), whether its sampled median is at most a quarter of
    /// `frameNoise` and next to nothing on the contrast scale (flat panels, bars and borders; the air
    /// around a CT body carries noise and is not quiet).
    static func quietTiles(of strength: SamplePlane, frameNoise: Double, contrastScale: Int) -> [Bool] {
        let limit = min(frameNoise / 4, 1 + flatness * Double(contrastScale))
        let across = tileCount(covering: strength.width), down = tileCount(covering: strength.height)
        guard across > 0, down > 0 else { return [] }
        var quiet = [Bool](repeating: false, count: across * down)
        strength.pixels.withUnsafeBufferPointer { pixels in
            for ty in 0..<down {
                for tx in 0..<across {
                    // the median is at most `limit` when at least half the samples are
                    var below = 0, count = 0
                    for y in stride(from: ty * tile, to: min(strength.height, (ty + 1) * tile), by: sampleStep) {
                        for x in stride(from: tx * tile, to: min(strength.width, (tx + 1) * tile), by: sampleStep) {
                            if Double(pixels[y * strength.width + x]) <= limit { below += 1 }
                            count += 1
                        }
                    }
                    quiet[ty * across + tx] = 2 * below > count
                }
            }
        }
        return quiet
    }

    /// How many tiles cover `length` pixels (the last one may be cut short).
    static func tileCount(covering length: Int) -> Int { (length + tile - 1) / tile }

    /// `strength` with the busy tiles zeroed.
    static func masked(_ strength: SamplePlane, tiles quiet: [Bool]) -> SamplePlane {
        var pixels = strength.pixels
        pixels.withUnsafeMutableBufferPointer { buffer in
            forEachRun(of: strength, tiles: quiet, quiet: false) { run in
                UnsafeMutableBufferPointer(rebasing: buffer[run]).update(repeating: 0)
            }
        }
        return Plane(width: strength.width, height: strength.height, pixels: pixels)
    }

    /// Calls `body` with the pixel index range of each row's stretch across a tile that is quiet
    /// (or busy, with `quiet` false).
    private static func forEachRun(of plane: SamplePlane, tiles: [Bool], quiet: Bool, _ body: (Range<Int>) -> Void) {
        let across = tileCount(covering: plane.width)
        for y in 0..<plane.height {
            let row = (y / tile) * across
            for tx in 0..<across where tiles[row + tx] == quiet {
                body((y * plane.width + tx * tile)..<(y * plane.width + min(plane.width, (tx + 1) * tile)))
            }
        }
    }
}
