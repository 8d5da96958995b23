import DicomCore
import PHIDetection
@testable import PixelRedaction
import Testing

/// The fast plane operations against their definitions, computed the slow way.
@Suite struct PlaneTests {
    /// A reproducible pseudo-random plane.
    static func plane(width: Int, height: Int, seed: UInt64) -> SamplePlane {
        var state = seed
        let pixels = (0..<(width * height)).map { _ -> UInt16 in
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return UInt16(truncatingIfNeeded: state >> 52)
        }
        return SamplePlane(width: width, height: height, pixels: pixels)
    }

    /// A monochrome frame's plane is its stored values offset to start at 0 (MONOCHROME2) or
    /// counted down from the stored maximum (MONOCHROME1), for every bit layout.
    @Test(arguments: [(8, 8, 7, false), (16, 16, 15, true), (16, 16, 15, false), (16, 12, 11, true), (16, 8, 11, false),
                      (16, 12, 13, true)],
          [PhotometricInterpretation.monochrome2, .monochrome1])
    func aMonochromePlaneIsItsStoredValuesOffset(_ layout: (Int, Int, Int, Bool), _ photometric: PhotometricInterpretation) {
        let (allocated, stored, highBit, signed) = layout
        let d = PixelDescription(rows: 4, columns: 6, bitsAllocated: allocated, bitsStored: stored, highBit: highBit,
                                 isSigned: signed, samplesPerPixel: 1, photometric: photometric, planarConfiguration: 0,
                                 numberOfFrames: 2)
        var state: UInt64 = 5
        let data = (0..<(d.bytesPerFrame * 2)).map { _ -> UInt8 in
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return UInt8(truncatingIfNeeded: state >> 33)
        }
        let frames = PixelFrames(description: d, data: data)
        let (low, high) = NativeFill.storedRange(d)
        let plane = SamplePlane(monochrome: frames, frame: 1)
        let expected = (0..<4).flatMap { row in
            (0..<6).map { column -> UInt16 in
                let value = frames.sample(frame: 1, row: row, column: column)
                return UInt16(photometric == .monochrome1 ? high - value : value - low)
            }
        }
        #expect(plane.pixels == expected)
    }

    /// Minimum or maximum over the (2r+1)² square, edges replicated.
    static func bruteForce(_ plane: SamplePlane, radius: Int, minimum: Bool) -> [UInt16] {
        var result: [UInt16] = []
        for y in 0..<plane.height {
            for x in 0..<plane.width {
                var values: [UInt16] = []
                for dy in -radius...radius {
                    for dx in -radius...radius {
                        values.append(plane[min(max(x + dx, 0), plane.width - 1), min(max(y + dy, 0), plane.height - 1)])
                    }
                }
                result.append(minimum ? values.min()! : values.max()!)
            }
        }
        return result
    }

    @Test(arguments: [(1, 7, 5), (2, 13, 11), (4, 37, 29), (4, 3, 2), (5, 20, 1)])
    func erosionAndDilationMatchTheirDefinition(radius: Int, width: Int, height: Int) {
        let plane = Self.plane(width: width, height: height, seed: UInt64(radius * 1000 + width))
        #expect(plane.eroded(radius: radius).pixels == Self.bruteForce(plane, radius: radius, minimum: true))
        #expect(plane.dilated(radius: radius).pixels == Self.bruteForce(plane, radius: radius, minimum: false))
    }

    /// Components found by the block-skipping scan: one straddling a 32-sample block edge, one in the
    /// last, partial block, and nothing from samples below the threshold.
    @Test func strokeComponentsAcrossBlockEdgesAreLabelledWhole() {
        var pixels = [UInt16](repeating: 3, count: 70 * 3)
        for x in 30...34 { pixels[70 + x] = 50 }          // row 1, across the edge at 32
        pixels[2 * 70 + 35] = 60                           // diagonal neighbour: same component
        for x in 66...68 { pixels[140 + x] = 40 }          // row 2, in the last, partial block (192..<210)
        let plane = SamplePlane(width: 70, height: 3, pixels: pixels)
        let components = StrokeComponent.label(plane, source: plane, threshold: 10).sorted { $0.minX < $1.minX }
        #expect(components.count == 2)
        #expect(components.map(\.box) == [TextBox(x: 30, y: 1, width: 6, height: 2), TextBox(x: 66, y: 2, width: 3, height: 1)])
        #expect(components.map(\.area) == [6, 3])
        #expect(components[0].peakContrast == 60)
    }

    @Test func quantilesMatchTheSortedValues() {
        let plane = Self.plane(width: 31, height: 17, seed: 7)
        let sorted = plane.pixels.sorted()
        let qs = [0, 0.05, 0.5, 0.75, 0.9, 1]
        #expect(plane.quantiles(qs) == qs.map { sorted[Int(Double(sorted.count - 1) * $0)] })
        #expect(plane.quantile(0.5) == sorted[(sorted.count - 1) / 2])
        let unordered = [0.9, 0, 1, 0.05, 0.5]  // answered in the order asked
        #expect(plane.quantiles(unordered) == unordered.map { sorted[Int(Double(sorted.count - 1) * $0)] })
        // values far above zero (native CT samples offset to start at 0 sit near 32768)
        let high = SamplePlane(width: plane.width, height: plane.height, pixels: plane.pixels.map { $0 + 30000 })
        #expect(high.quantiles(qs) == qs.map { sorted[Int(Double(sorted.count - 1) * $0)] + 30000 })
        let flat = SamplePlane(width: 4, height: 1, pixels: [500, 500, 500, 500])
        #expect(flat.quantiles(qs) == qs.map { _ in 500 })
    }

    /// The quantile of the pixels outside some boxes, boxes reaching past the plane's edge or lying
    /// wholly outside it among them.
    @Test func aQuantileOutsideBoxesMatchesTheSortedRest() {
        let plane = Self.plane(width: 31, height: 17, seed: 5)
        let boxes = [TextBox(x: -4, y: 2, width: 10, height: 5), TextBox(x: 25, y: 12, width: 20, height: 20),
                     TextBox(x: 40, y: 40, width: 3, height: 3)]
        let rest = plane.pixels.indices.filter { index in
            !boxes.contains { $0.contains(index % plane.width, index / plane.width) }
        }.map { plane.pixels[$0] }.sorted()
        for q in [0.5, 0.9] { #expect(plane.quantile(q, outside: boxes) == rest[Int(Double(rest.count - 1) * q)]) }
        let everything = [TextBox(x: -1, y: -1, width: 40, height: 40)]
        #expect(plane.quantile(0.9, outside: everything) == plane.quantile(0.9))
    }

    @Test func valuesAtRanksMatchTheSortedValuesAtEveryRank() {
        let noisy = Self.plane(width: 31, height: 17, seed: 11)
        // mostly one value, like a top-hat: the interleaved counts must add up
        let sparse = SamplePlane(width: 29, height: 3, pixels: (0..<87).map { $0 % 13 == 0 ? UInt16($0) : 0 })
        for plane in [noisy, sparse] {
            let sorted = plane.pixels.sorted()
            #expect(plane.values(atRanks: Array(sorted.indices)) == sorted)
        }
    }

    @Test func bulkSamplesMatchTheSampleAccessor() {
        for (bits, signed) in [(8, false), (12, false), (16, true)] {
            var frames = SyntheticFrames.monochrome(rows: 5, columns: 7, bits: bits == 12 ? 16 : bits, stored: bits, signed: signed, frames: 2)
            for r in 0..<5 { for c in 0..<7 { frames.setSample((r * 37 + c * 11) % (1 << (bits - 1)) - (signed ? 50 : 0), frame: 1, row: r, column: c) } }
            var bulk = [Int](repeating: 0, count: 35)
            frames.forEachOrderedSample(from: frames.description.samplesPerFrame, count: 35) { i, u in
                bulk[i] = Int(u) - frames.description.signBit
            }
            #expect(bulk == (0..<35).map { frames.sample(frame: 1, row: $0 / 7, column: $0 % 7) })
        }
    }

    /// The ink's polarity in a painted box is read from its pixels: the letters are the pixels inside farther
    /// from the ring around the box (its background) on one side. Light letters on a bright gradient (the
    /// plane's values rising down the rows, as over a CR's edge) are light on dark, dark letters on white dark on
    /// light, bold light letters filling most of a tight box light on dark; a gradient alone, letters as far as
    /// their background's spread, or letters on speckle show none.
    @Test func theInkPolarityOfABoxIsReadFromItsPixels() {
        func plane(_ value: (Int, Int) -> Int) -> SamplePlane {
            SamplePlane(width: 44, height: 16, pixels: (0..<(44 * 16)).map { UInt16(value($0 % 44, $0 / 44)) })
        }
        let box = TextBox(x: 2, y: 2, width: 40, height: 12)
        let stroke = { (x: Int, y: Int) in (4...11).contains(y) && (3...40).contains(x) && x % 5 == 1 }
        let bold = { (x: Int, y: Int) in (2...13).contains(y) && (2...41).contains(x) && x % 5 != 0 }
        let gradient = { (x: Int, y: Int) in 250 + 6 * y + x / 4 }
        #expect(plane { stroke($0, $1) ? 376 : gradient($0, $1) }.inkPolarity(in: box) == .lightOnDark)
        #expect(plane { stroke($0, $1) ? 20 : 255 }.inkPolarity(in: box) == .darkOnLight)
        #expect(plane { bold($0, $1) ? 225 : 10 }.inkPolarity(in: box) == .lightOnDark)
        #expect(plane(gradient).inkPolarity(in: box) == nil)
        // on speckle either polarity shows strokes
        let speckle = { (x: Int, y: Int) in (x * 7919 + y * 104_729) % 97 < 30 ? 120 : 40 }
        #expect(plane { stroke($0, $1) ? 255 : speckle($0, $1) }.inkPolarity(in: box) == nil)
        #expect(plane { stroke($0, $1) ? 300 : gradient($0, $1) }.inkPolarity(in: box) == nil)
        #expect(plane(gradient).inkPolarity(in: TextBox(x: 50, y: 0, width: 10, height: 12)) == nil)
    }

    /// Text drawn at one value into grain: the level-run plane marks its pixels (dark) and little of the grain; a
    /// smooth plane (neighbours often equal anyway) or grain without such text has none.
    @Test func textDrawnAtOneValueIntoGrainMakesALevelRunPlane() throws {
        var noise = SeededNoise(seed: 11)
        let width = 120, height = 40
        let grain = (0..<(width * height)).map { _ in UInt16(2250 + Int(100 * noise.gaussian())) }
        let stroke = { (x: Int, y: Int) in (10...20).contains(y) && (8...110).contains(x) && (x % 6 == 1 || y == 15 && x % 6 < 4) }
        let text = SamplePlane(width: width, height: height, pixels: grain.indices.map { stroke($0 % width, $0 / width) ? 2007 : grain[$0] })
        func levelRuns(_ plane: SamplePlane) -> SamplePlane? {
            let ordinary = plane.quantiles([0.05, 0.95])
            return plane.levelRuns(background: 1000, ordinary: ordinary[0]...ordinary[1])
        }
        let runs = try #require(levelRuns(text))
        #expect(runs.width == width && runs.height == height)
        #expect(text.textLevels()[2007])
        let strokePixels = grain.indices.filter { stroke($0 % width, $0 / width) }
        #expect(strokePixels.allSatisfy { runs.pixels[$0] == 0 })
        let marked = grain.indices.filter { runs.pixels[$0] == 0 && !stroke($0 % width, $0 / width) }
        #expect(marked.count * 50 < grain.count, "\(marked.count) grain pixels marked")
        #expect(runs.pixels.allSatisfy { $0 == 0 || $0 == 1000 })
        #expect(levelRuns(SamplePlane(width: width, height: height, pixels: grain)) == nil)
        let smooth = SamplePlane(width: width, height: height, pixels: grain.indices.map { i in
            stroke(i % width, i / width) ? 2007 : UInt16(2250 + (i % width) / 8)
        })
        #expect(levelRuns(smooth) == nil)
    }
}
