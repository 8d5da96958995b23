import DicomCore
import Foundation
import Testing

@Suite("FrameRenderer")
struct FrameRendererTests {
    static func monochrome(_ values: [Int], columns: Int, bits: Int = 16, signed: Bool = false,
                           photometric: PhotometricInterpretation = .monochrome2) -> PixelFrames {
        let description = PixelDescription(rows: values.count / columns, columns: columns, bitsAllocated: bits,
                                           bitsStored: bits, highBit: bits - 1, isSigned: signed, samplesPerPixel: 1,
                                           photometric: photometric, planarConfiguration: 0, numberOfFrames: 1)
        var frames = PixelFrames(description: description,
                                 data: [UInt8](repeating: 0, count: values.count * description.bytesPerSample))
        for (index, value) in values.enumerated() {
            frames.setSample(value, frame: 0, row: index / columns, column: index % columns)
        }
        return frames
    }

    static func color(_ samples: [Int], photometric: PhotometricInterpretation, bits: Int = 8) -> PixelFrames {
        let description = PixelDescription(rows: 1, columns: samples.count / 3, bitsAllocated: bits, bitsStored: bits,
                                           highBit: bits - 1, isSigned: false, samplesPerPixel: 3,
                                           photometric: photometric, planarConfiguration: 0, numberOfFrames: 1)
        var frames = PixelFrames(description: description,
                                 data: [UInt8](repeating: 0, count: samples.count * description.bytesPerSample))
        for (index, value) in samples.enumerated() {
            frames.setSample(value, frame: 0, row: 0, column: index / 3, channel: index % 3)
        }
        return frames
    }

    // MARK: monochrome

    @Test func withoutAWindowTheFramesMinimumIsBlackAndMaximumWhite() {
        let image = FrameRenderer().render(Self.monochrome([100, 200, 300, 400], columns: 2), frame: 0)
        #expect(image.width == 2 && image.height == 2 && image.channels == 1)
        #expect(image.pixels == [0, 85, 170, 255])
    }

    @Test func aWindowMapsItsRangeLinearlyAndClampsOutside() {
        // Center 130, width 170: 45 and below black, 214 and above white (PS3.3 C.11.2.1.2.1).
        let renderer = FrameRenderer(window: .init(center: 130, width: 170))
        let image = renderer.render(Self.monochrome([0, 45, 214, 1000, 130], columns: 5), frame: 0)
        #expect(image.pixels[0] == 0)
        #expect(image.pixels[1] == 0)
        #expect(image.pixels[2] == 255)
        #expect(image.pixels[3] == 255)
        #expect(image.pixels[4] == 128)
    }

    @Test func rescaleIsAppliedBeforeTheWindow() {
        // Stored 1000 → 1000 * 2 - 1024 = 976, the window centre.
        let renderer = FrameRenderer(rescaleSlope: 2, rescaleIntercept: -1024, window: .init(center: 976.5, width: 101))
        let image = renderer.render(Self.monochrome([1000, 0, 4000], columns: 3), frame: 0)
        #expect(image.pixels == [128, 0, 255])
    }

    @Test func monochrome1IsTheInverseOfMonochrome2() {
        let values = [0, 1000, 2000, 3000, 4095, 17]
        let mono2 = FrameRenderer().render(Self.monochrome(values, columns: 3), frame: 0)
        let mono1 = FrameRenderer().render(Self.monochrome(values, columns: 3, photometric: .monochrome1), frame: 0)
        #expect(zip(mono1.pixels, mono2.pixels).allSatisfy { Int($0) + Int($1) == 255 })
        #expect(mono1.pixels[0] == 255)
        #expect(mono1.pixels[4] == 0)
    }

    @Test func signedSamplesRenderByValue() {
        let image = FrameRenderer().render(Self.monochrome([-1000, 0, 1000], columns: 3, signed: true), frame: 0)
        #expect(image.pixels == [0, 128, 255])
    }

    @Test func sharedMonochrome1ChestIsRenderedInvertedWithItsStoredWindow() throws {
        let instance = try Instance(contentsOf: SharedData.path("fo-dicom-testdata/CR-MONO1-10-chest"))
        let frames = try instance.decodePixels()
        #expect(frames.description.photometric == .monochrome1)
        let renderer = FrameRenderer(dataset: instance.dataset)
        #expect(renderer.window == .init(center: 550, width: 1024))
        let image = renderer.render(frames, frame: 0)
        var asMonochrome2 = frames
        asMonochrome2.description.photometric = .monochrome2
        let uninverted = renderer.render(asMonochrome2, frame: 0)
        #expect(zip(image.pixels, uninverted.pixels).allSatisfy { Int($0) + Int($1) == 255 })
        // Stored values at or below the window's lower end (38) are white in MONOCHROME1.
        let dark = (0..<frames.description.rows * frames.description.columns).first {
            frames.sample(frame: 0, row: $0 / 440, column: $0 % 440) <= 38
        }
        let index = try #require(dark)
        #expect(image.pixels[index] == 255)
    }

    @Test func sharedCTLocalizerIsRenderedWithItsStoredWindowLikePydicom() throws {
        let relative = "presidio-image-redactor/dicom/2_ORIGINAL.dcm"
        let instance = try Instance(contentsOf: SharedData.path(relative))
        let renderer = FrameRenderer(dataset: instance.dataset)
        #expect(renderer.window == .init(center: 130, width: 170))
        #expect(renderer.rescaleSlope == 1 && renderer.rescaleIntercept == 0)
        let image = renderer.render(try instance.decodePixels(), frame: 0)
        let directory = try TemporaryDirectory()
        _ = try Pydicom.run("""
            import sys, numpy, pydicom
            from pydicom.pixels import apply_modality_lut, apply_voi_lut, pixel_array
            dataset = pydicom.dcmread(sys.argv[1])
            values = apply_voi_lut(apply_modality_lut(pixel_array(dataset), dataset), dataset)
            low, high = -2 ** (dataset.BitsStored - 1), 2 ** (dataset.BitsStored - 1) - 1
            numpy.rint((values - low) / (high - low) * 255).astype("<i4").tofile(sys.argv[2])
            """, [SharedData.path(relative), directory.file("rendered.i32")])
        let reference = try Pydicom.littleEndianInt32s(contentsOf: directory.file("rendered.i32")).map(Int.init)
        #expect(reference.count == image.pixels.count)
        let largest = zip(image.pixels, reference).map { abs(Int($0) - $1) }.max() ?? 0
        #expect(largest <= 1)
        #expect(Set(image.pixels).count > 100, "the window spreads the text and anatomy over the grey range")
    }

    @Test func sharedCTWithoutAStoredWindowRendersByMinimumAndMaximum() throws {
        let instance = try Instance(contentsOf: SharedData.path("pydicom-testfiles/test_files/CT_small.dcm"))
        #expect(!instance.dataset.contains(.windowCenter))
        let renderer = FrameRenderer(dataset: instance.dataset)
        #expect(renderer.window == nil)
        let image = renderer.render(try instance.decodePixels(), frame: 0)
        #expect(image.pixels.min() == 0)
        #expect(image.pixels.max() == 255)
    }

    // MARK: colour

    @Test func rgbSixteenBitSamplesKeepTheirTopEightBits() {
        let image = FrameRenderer().render(Self.color([0xFFFF, 0x8000, 0x00FF], photometric: .rgb, bits: 16), frame: 0)
        #expect(image.channels == 3)
        #expect(image.pixels == [0xFF, 0x80, 0x00])
    }

    @Test func ybrFullGreyStaysGreyAndPureRedBecomesRed() {
        let image = FrameRenderer().render(Self.color([90, 128, 128, 76, 85, 255], photometric: .ybrFull), frame: 0)
        #expect(Array(image.pixels[0..<3]) == [90, 90, 90])
        #expect(Array(image.pixels[3..<6]) == [254, 0, 0])
    }

    @Test func sharedPaletteColourImageRendersThroughItsLookupTablesLikePydicom() throws {
        let relative = "fo-dicom-testdata/TestPattern_Palette_16.dcm"
        let frames = try Instance(contentsOf: SharedData.path(relative)).decodePixels()
        let image = FrameRenderer().render(frames, frame: 0)
        #expect(image.channels == 3)
        let directory = try TemporaryDirectory()
        _ = try Pydicom.run("""
            import sys, numpy, pydicom
            from pydicom.pixels import apply_color_lut, pixel_array
            dataset = pydicom.dcmread(sys.argv[1])
            (apply_color_lut(pixel_array(dataset), dataset).astype(int) >> 8).astype("<i4").tofile(sys.argv[2])
            """, [SharedData.path(relative), directory.file("rgb.i32")])
        let reference = try Pydicom.littleEndianInt32s(contentsOf: directory.file("rgb.i32")).map { UInt8($0) }
        #expect(image.pixels == reference)
    }
}
