import DicomCore
import PHIDetection
@testable import PixelRedaction
import Testing

@Suite struct RedactionPainterTests {
    let box = TextBox(x: 2, y: 2, width: 2, height: 2)

    @Test func eightBitMonochrome2BlackIsTheLowestValue() throws {
        var frames = SyntheticFrames.monochrome(bits: 8, fill: 100)
        frames.setSample(30, frame: 0, row: 7, column: 7)
        try RedactionPainter(padding: 0, greyRange: .stored).paint([box], frame: 0, in: &frames)
        #expect(frames.sample(frame: 0, row: 2, column: 2) == 0)
        #expect(frames.sample(frame: 0, row: 4, column: 4) == 100)
        try RedactionPainter(padding: 0, greyRange: .image).paint([box], frame: 0, in: &frames)
        #expect(frames.sample(frame: 0, row: 3, column: 3) == 0) // 0 is now the image's darkest value
    }

    @Test func imageRangeBlackIsTheDarkestValueTheImageHolds() throws {
        var frames = SyntheticFrames.monochrome(bits: 16, stored: 12, signed: true, fill: -1000)
        frames.setSample(1500, frame: 0, row: 0, column: 0)
        try RedactionPainter(padding: 0).paint([box], frame: 0, in: &frames)
        #expect(frames.sample(frame: 0, row: 2, column: 2) == -1000)
        try RedactionPainter(color: .white, padding: 0).paint([box], frame: 0, in: &frames)
        #expect(frames.sample(frame: 0, row: 2, column: 2) == 1500)
    }

    @Test func sixteenBitSignedStoredBlackIsTheMostNegativeStoredValue() throws {
        var frames = SyntheticFrames.monochrome(bits: 16, stored: 12, signed: true, fill: 200)
        try RedactionPainter(padding: 0, greyRange: .stored).paint([box], frame: 0, in: &frames)
        #expect(frames.sample(frame: 0, row: 2, column: 2) == -2048)
        try RedactionPainter(color: .white, padding: 0, greyRange: .stored).paint([box], frame: 0, in: &frames)
        #expect(frames.sample(frame: 0, row: 2, column: 2) == 2047)
    }

    @Test func sixteenBitUnsignedGreyScalesToBitsStored() throws {
        var frames = SyntheticFrames.monochrome(bits: 16, stored: 10, fill: 5)
        try RedactionPainter(color: .white, padding: 0, greyRange: .stored).paint([box], frame: 0, in: &frames)
        #expect(frames.sample(frame: 0, row: 3, column: 3) == 1023)
    }

    @Test func monochrome1BlackIsTheHighestValue() throws {
        var frames = SyntheticFrames.monochrome(bits: 16, stored: 12, photometric: .monochrome1, fill: 100)
        try RedactionPainter(padding: 0, greyRange: .stored).paint([box], frame: 0, in: &frames)
        #expect(frames.sample(frame: 0, row: 2, column: 2) == 4095)
        try RedactionPainter(color: .white, padding: 0, greyRange: .stored).paint([box], frame: 0, in: &frames)
        #expect(frames.sample(frame: 0, row: 2, column: 2) == 0)
    }

    @Test func rgbGetsTheColourItself() throws {
        var frames = SyntheticFrames.color(photometric: .rgb, fill: [10, 20, 30])
        try RedactionPainter(color: BoxColor(red: 255, green: 128, blue: 0), padding: 0).paint([box], frame: 0, in: &frames)
        #expect((0..<3).map { frames.sample(frame: 0, row: 2, column: 3, channel: $0) } == [255, 128, 0])
        #expect((0..<3).map { frames.sample(frame: 0, row: 5, column: 5, channel: $0) } == [10, 20, 30])
    }

    @Test func ybrFullGetsTheColourConvertedToYBR() throws {
        var frames = SyntheticFrames.color(photometric: .ybrFull, fill: [0, 128, 128])
        try RedactionPainter(color: .white, padding: 0).paint([box], frame: 0, in: &frames)
        #expect((0..<3).map { frames.sample(frame: 0, row: 2, column: 2, channel: $0) } == [255, 128, 128])
    }

    @Test func paletteGetsTheNearestPaletteIndex() throws {
        let d = PixelDescription(rows: 8, columns: 8, bitsAllocated: 8, bitsStored: 8, highBit: 7, isSigned: false,
                                 samplesPerPixel: 1, photometric: .paletteColor, planarConfiguration: 0, numberOfFrames: 1)
        let palette = Palette(firstMapped: 0, red: [200, 0, 10, 255], green: [200, 0, 250, 255], blue: [200, 0, 10, 255])
        var frames = PixelFrames(description: d, data: [UInt8](repeating: 0, count: 64), palette: palette)
        try RedactionPainter(color: BoxColor(red: 0, green: 255, blue: 0), padding: 0).paint([box], frame: 0, in: &frames)
        #expect(frames.sample(frame: 0, row: 2, column: 2) == 2)
        try RedactionPainter(color: .black, padding: 0).paint([box], frame: 0, in: &frames)
        #expect(frames.sample(frame: 0, row: 2, column: 2) == 1)
    }

    @Test func paletteWithoutLookupTablesIsRefused() {
        let d = PixelDescription(rows: 8, columns: 8, bitsAllocated: 8, bitsStored: 8, highBit: 7, isSigned: false,
                                 samplesPerPixel: 1, photometric: .paletteColor, planarConfiguration: 0, numberOfFrames: 1)
        var frames = PixelFrames(description: d, data: [UInt8](repeating: 0, count: 64))
        #expect(throws: PixelRedactionError.self) { try RedactionPainter().paint([box], frame: 0, in: &frames) }
    }

    @Test func paddingGrowsTheBoxAndClipsAtTheEdges() throws {
        var frames = SyntheticFrames.monochrome(bits: 8, fill: 50)
        frames.setSample(0, frame: 0, row: 7, column: 0)
        let painted = try RedactionPainter(color: .white, padding: 2, greyRange: .stored)
            .paint([TextBox(x: 0, y: 0, width: 1, height: 1)], frame: 0, in: &frames)
        #expect(painted == 9)
        #expect(frames.sample(frame: 0, row: 2, column: 2) == 255)
        #expect(frames.sample(frame: 0, row: 3, column: 3) == 50)
    }

    @Test func paintingOneFrameLeavesTheOthersAlone() throws {
        var frames = SyntheticFrames.monochrome(bits: 8, frames: 3, fill: 80)
        try RedactionPainter(color: .white, padding: 0, greyRange: .stored).paint([box], frame: 1, in: &frames)
        #expect(frames.sample(frame: 0, row: 2, column: 2) == 80)
        #expect(frames.sample(frame: 1, row: 2, column: 2) == 255)
        #expect(frames.sample(frame: 2, row: 2, column: 2) == 80)
        #expect(throws: PixelRedactionError.frameOutOfRange(frame: 3, frameCount: 3)) {
            try RedactionPainter().paint([box], frame: 3, in: &frames)
        }
    }

    @Test func paintingKeepsEmbeddedOverlayBitsUntilTheyAreCleared() throws {
        var frames = SyntheticFrames.monochrome(bits: 16, stored: 12, fill: 100)
        frames.data[2 * (2 * 8 + 2) + 1] |= 0x80 // overlay bit 15 on pixel (2, 2)
        try RedactionPainter(padding: 0, greyRange: .stored).paint([box], frame: 0, in: &frames)
        #expect(frames.data[2 * (2 * 8 + 2) + 1] & 0x80 != 0)
        #expect(RedactionPainter.clearEmbeddedOverlayBits(in: &frames))
        #expect(frames.data[2 * (2 * 8 + 2) + 1] & 0xF0 == 0)
        #expect(!RedactionPainter.clearEmbeddedOverlayBits(in: &frames))
    }

    @Test func clearingOverlayBitsKeepsTheSignOfSignedSamples() {
        var frames = SyntheticFrames.monochrome(bits: 16, stored: 12, signed: true, fill: -5)
        frames.data[0] = 0x00
        frames.data[1] = 0x40 // bit 14 set on a positive sample
        RedactionPainter.clearEmbeddedOverlayBits(in: &frames)
        #expect(frames.data[1] == 0x00)
        #expect(frames.sample(frame: 0, row: 0, column: 1) == -5)
        #expect(frames.data[3] == 0xFF) // -5 sign-extended above bit 11
    }

    @Test func overlayPlaneBitsAreErasedInARegionOrWholly() throws {
        var data = [UInt8](repeating: 0xFF, count: 4)
        let cleared = try RedactionPainter.eraseOverlayBits(&data, rows: 4, columns: 8, regions: [TextBox(x: 0, y: 1, width: 4, height: 2)])
        #expect(cleared == 8)
        #expect(data == [0xFF, 0xF0, 0xF0, 0xFF])
        #expect(try RedactionPainter.eraseOverlayBits(&data, rows: 4, columns: 8, regions: nil) == 24)
        #expect(data == [0, 0, 0, 0])
        var short = [UInt8](repeating: 0, count: 2)
        #expect(throws: PixelRedactionError.self) { try RedactionPainter.eraseOverlayBits(&short, rows: 4, columns: 8, regions: nil) }
    }

    @Test func overlayOriginShiftsTheErasedRegion() throws {
        var data: [UInt8] = [0xFF, 0xFF]
        // overlay starts at image row 3 (1-based), so image rows 2...3 are overlay rows 0...1
        try RedactionPainter.eraseOverlayBits(&data, rows: 2, columns: 8, regions: [TextBox(x: 0, y: 2, width: 8, height: 1)],
                                              origin: (row: 3, column: 1))
        #expect(data == [0x00, 0xFF])
    }
}
