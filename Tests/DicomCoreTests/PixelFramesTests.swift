import DicomCore
import Foundation
import Testing

@Suite("PixelFrames")
struct PixelFramesTests {
    static func frames(bitsStored: Int, highBit: Int, signed: Bool, words: [UInt16]) -> PixelFrames {
        let description = PixelDescription(rows: 1, columns: words.count, bitsAllocated: 16, bitsStored: bitsStored,
                                           highBit: highBit, isSigned: signed, samplesPerPixel: 1,
                                           photometric: .monochrome2, planarConfiguration: 0, numberOfFrames: 1)
        return PixelFrames(description: description, data: words.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
    }

    static func words(_ frames: PixelFrames) -> [UInt16] {
        stride(from: 0, to: frames.data.count, by: 2).map { UInt16(frames.data[$0]) | UInt16(frames.data[$0 + 1]) << 8 }
    }

    @Test func samplesIgnoreBitsAboveTheStoredRange() {
        let frames = Self.frames(bitsStored: 12, highBit: 11, signed: false, words: [0x8FFF, 0x4123, 0x0000])
        #expect((0..<3).map { frames.sample(frame: 0, row: 0, column: $0) } == [0x0FFF, 0x0123, 0])
    }

    @Test func signedSamplesAreSignExtendedFromTheirHighBit() {
        let frames = Self.frames(bitsStored: 12, highBit: 11, signed: true, words: [0x0FFF, 0x0800, 0x07FF, 0xF001])
        #expect((0..<4).map { frames.sample(frame: 0, row: 0, column: $0) } == [-1, -2048, 2047, 1])
    }

    @Test func samplesAreReadBelowAHighBitAboveTheStoredBits() {
        // 8 bits stored in bits 4...11.
        let frames = Self.frames(bitsStored: 8, highBit: 11, signed: false, words: [0x0AB0, 0xF00F])
        #expect((0..<2).map { frames.sample(frame: 0, row: 0, column: $0) } == [0xAB, 0x00])
    }

    @Test func theSampleRangeIsOfStoredValuesSignExtended() {
        let frames = Self.frames(bitsStored: 12, highBit: 11, signed: true, words: [0xF7FF, 0x0800, 0x0123, 0xF001])
        let range = frames.sampleRange()
        #expect(range?.low == -2048 && range?.high == 2047)
    }

    /// The range's one-pass loop agrees with the sample-by-sample reading, for every bit layout.
    @Test(arguments: [(8, 8, 7, false, 1), (16, 16, 15, true, 1), (16, 16, 15, false, 1), (16, 12, 11, true, 1),
                      (16, 8, 11, false, 1), (8, 8, 7, false, 3), (16, 12, 13, true, 1)])
    func theSampleRangeAgreesWithEverySample(_ allocated: Int, _ stored: Int, _ highBit: Int, _ signed: Bool, _ samples: Int) {
        let description = PixelDescription(rows: 3, columns: 5, bitsAllocated: allocated, bitsStored: stored, highBit: highBit,
                                           isSigned: signed, samplesPerPixel: samples, photometric: samples == 3 ? .rgb : .monochrome2,
                                           planarConfiguration: 0, numberOfFrames: 2)
        var state: UInt64 = 99
        let data = (0..<(description.bytesPerFrame * 2)).map { _ -> UInt8 in
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return UInt8(truncatingIfNeeded: state >> 33)
        }
        let frames = PixelFrames(description: description, data: data)
        for channel in 0..<samples {
            let all = (0..<2).flatMap { frame in
                (0..<3).flatMap { row in (0..<5).map { frames.sample(frame: frame, row: row, column: $0, channel: channel) } }
            }
            let range = frames.sampleRange(channel: channel)
            #expect(range?.low == all.min() && range?.high == all.max())
        }
    }

    @Test func settingASampleKeepsTheBitsOutsideTheStoredRange() {
        var frames = Self.frames(bitsStored: 12, highBit: 11, signed: true, words: [0xC000, 0x4FFF])
        frames.setSample(-1, frame: 0, row: 0, column: 0)
        frames.setSample(5, frame: 0, row: 0, column: 1)
        #expect(Self.words(frames) == [0xCFFF, 0x4005])
        #expect(frames.sample(frame: 0, row: 0, column: 0) == -1)
    }

    @Test func sharedOverlayFileKeepsItsEmbeddedOverlayBitsOutsideTheSamples() throws {
        let relative = "dcm4che-test-data/ovly_p01.dcm"
        let frames = try Instance(contentsOf: SharedData.path(relative)).decodePixels()
        let words = Self.words(frames)
        let bit15 = words.filter { $0 & 0x8000 != 0 }.count
        let bit14 = words.filter { $0 & 0x4000 != 0 }.count
        let pydicom = try Pydicom.run("""
            import sys, numpy, pydicom
            words = numpy.frombuffer(pydicom.dcmread(sys.argv[1]).PixelData, "<u2")
            print(int(((words >> 15) & 1).sum()), int(((words >> 14) & 1).sum()))
            """, [SharedData.path(relative)])
        #expect(pydicom == "\(bit15) \(bit14)\n")
        #expect(bit15 > 0 && bit14 > 0, "the IHE test draws text in both embedded planes")
        let samples = (0..<512 * 512).map { frames.sample(frame: 0, row: $0 / 512, column: $0 % 512) }
        #expect(samples.allSatisfy { (0...4095).contains($0) })
    }

    @Test func settingSamplesOfTheSharedOverlayFileKeepsItsOverlayPlanes() throws {
        var frames = try Instance(contentsOf: SharedData.path("dcm4che-test-data/ovly_p01.dcm")).decodePixels()
        let before = Self.words(frames)
        for index in 0..<512 * 512 { frames.setSample(0, frame: 0, row: index / 512, column: index % 512) }
        let after = Self.words(frames)
        #expect(zip(before, after).allSatisfy { $0 & 0xC000 == $1 })
    }

    @Test func eachFrameOccupiesItsOwnRangeOfTheBuffer() {
        let description = PixelDescription(rows: 2, columns: 3, bitsAllocated: 8, bitsStored: 8, highBit: 7, isSigned: false,
                                           samplesPerPixel: 3, photometric: .rgb, planarConfiguration: 0, numberOfFrames: 2)
        var frames = PixelFrames(description: description, data: [UInt8](repeating: 0, count: 36))
        #expect(frames.frameCount == 2)
        #expect(frames.frameRange(0) == 0..<18)
        #expect(frames.frameRange(1) == 18..<36)
        frames.setSample(200, frame: 1, row: 1, column: 2, channel: 2)
        #expect(frames.data[35] == 200)
        #expect(frames.sample(frame: 1, row: 1, column: 2, channel: 2) == 200)
    }
}
