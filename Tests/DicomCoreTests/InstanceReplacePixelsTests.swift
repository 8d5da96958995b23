import DicomCore
import Foundation
import Testing

/// A corpus file whose pixels are changed, written and read back.
struct ReplacementCase: CustomTestStringConvertible, Sendable {
    let path: String
    /// The transfer syntax the changed file must be written in.
    let writtenSyntax: String
    var testDescription: String { "\(path) → \(writtenSyntax)" }

    init(_ path: String, _ writtenSyntax: String) {
        self.path = path
        self.writtenSyntax = writtenSyntax
    }
}

@Suite("Instance.replacePixels")
struct InstanceReplacePixelsTests {
    static let cases = [
        ReplacementCase("pydicom-testfiles/test_files/MR_small.dcm", "1.2.840.10008.1.2.1"),  // 16-bit signed
        ReplacementCase("pydicom-testfiles/test_files/MR_small_bigendian.dcm", "1.2.840.10008.1.2.2"),
        ReplacementCase("pydicom-testfiles/test_files/image_dfl.dcm", "1.2.840.10008.1.2.1.99"),
        ReplacementCase("pydicom-testfiles/test_files/MR_small_RLE.dcm", "1.2.840.10008.1.2.5"),
        ReplacementCase("pydicom-testfiles/test_files/SC_rgb_rle_2frame.dcm", "1.2.840.10008.1.2.5"),
        ReplacementCase("fo-dicom-testdata/GH184.dcm", "1.2.840.10008.1.2.4.70"),
        ReplacementCase("pydicom-testfiles/test_files/MR_small_jpeg_ls_lossless.dcm", "1.2.840.10008.1.2.4.80"),
        ReplacementCase("orthanc-tests/TransferSyntaxes/1.2.840.10008.1.2.1.dcm", "1.2.840.10008.1.2.1"),  // RGB
        ReplacementCase("pydicom-testfiles/test_files/SC_rgb_jpeg_dcmtk.dcm", "1.2.840.10008.1.2.1"),  // YBR JPEG
        ReplacementCase("pydicom-data/US1_J2KR.dcm", "1.2.840.10008.1.2.4.90"),  // YBR_RCT JPEG 2000, re-encoded
        ReplacementCase("pydicom-testfiles/test_files/MR_small_jp2klossless.dcm", "1.2.840.10008.1.2.4.90"),  // 16-bit signed
        ReplacementCase("pydicom-data/US1_J2KI.dcm", "1.2.840.10008.1.2.1"),  // irreversible: never re-encoded lossy
        ReplacementCase("dcm4che-test-data/ovly_p01.dcm", "1.2.840.10008.1.2.1"),  // overlays in bits 14, 15
    ]

    /// Paints a block of every frame and channel, and puts the extremes of the stored range in two corners.
    static func paint(_ frames: inout PixelFrames) {
        let d = frames.description
        let lowest = d.isSigned ? -(1 << (d.bitsStored - 1)) : 0
        let highest = d.isSigned ? (1 << (d.bitsStored - 1)) - 1 : (1 << d.bitsStored) - 1
        for frame in 0..<d.numberOfFrames {
            for channel in 0..<d.samplesPerPixel {
                let value = lowest + (highest - lowest) * (channel + 1 + frame) / (d.samplesPerPixel + d.numberOfFrames + 1)
                for row in d.rows / 4..<d.rows / 2 {
                    for column in d.columns / 4..<d.columns / 2 {
                        frames.setSample(value, frame: frame, row: row, column: column, channel: channel)
                    }
                }
                frames.setSample(lowest, frame: frame, row: 0, column: 0, channel: channel)
                frames.setSample(highest, frame: frame, row: d.rows - 1, column: d.columns - 1, channel: channel)
            }
        }
    }

    /// The image pixel module of a written file matches the pixels it now holds.
    /// (Colour JPEG 2000 reversible is stored with the reversible colour transform: YBR_RCT.)
    static func expectAttributes(of dataset: Dataset, describe d: PixelDescription, syntax: String) {
        let colourJPEG2000 = syntax == "1.2.840.10008.1.2.4.90" && d.samplesPerPixel == 3
        #expect(dataset.firstValue(.photometricInterpretation) == (colourJPEG2000 ? "YBR_RCT" : d.photometric.rawValue))
        #expect(dataset.integer(.samplesPerPixel) == d.samplesPerPixel)
        #expect(dataset.integer(.planarConfiguration) == (d.samplesPerPixel > 1 ? 0 : nil))
        #expect(dataset.integer(.rows) == d.rows)
        #expect(dataset.integer(.columns) == d.columns)
        #expect(dataset.integer(.bitsAllocated) == d.bitsAllocated)
        #expect(dataset.integer(.bitsStored) == d.bitsStored)
        #expect(dataset.integer(.pixelRepresentation) == (d.isSigned ? 1 : 0))
    }

    @Test(arguments: cases)
    func sharedFileWithReplacedPixelsIsWrittenLosslesslyAndDecodesToTheNewPixels(_ replacement: ReplacementCase) throws {
        let directory = try TemporaryDirectory()
        let instance = try Instance(contentsOf: SharedData.path(replacement.path))
        var frames = try instance.decodePixels()
        Self.paint(&frames)
        try instance.replacePixels(with: frames)
        let syntax = instance.losslessTransferSyntax(pixelsModified: true)
        #expect(syntax.uid == replacement.writtenSyntax)
        let output = directory.file("out.dcm")
        try instance.write(to: output, transferSyntax: syntax)

        let reread = try Instance(contentsOf: output)
        #expect(reread.originalTransferSyntax.uid == replacement.writtenSyntax)
        Self.expectAttributes(of: reread.dataset, describe: frames.description, syntax: replacement.writtenSyntax)
        let decoded = try reread.decodePixels()
        #expect(decoded.description == frames.description)
        #expect(decoded.data == frames.data, "the written pixels, including any overlay bits, read back unchanged")

        let pydicom = PixelComparison(frames, try Pydicom.pixels(of: output))
        #expect(pydicom.differing == 0 && pydicom.sampleCount == pydicom.referenceCount, "\(pydicom)")
        #expect(try Subprocess.run("/usr/bin/dcmdump", ["-q", output]).status == 0)
    }

    /// DCMTK's JPEG-LS encoder leaves the byte that pads an odd-length frame unset: it is zeroed
    /// (PS3.5 A.4), so the same pixels are written as the same bytes every time.
    @Test(arguments: cases.filter { $0.writtenSyntax == "1.2.840.10008.1.2.4.80" })
    func jPEGLSFramesArePaddedWithZeroAndWrittenTheSameEachTime(_ replacement: ReplacementCase) throws {
        let directory = try TemporaryDirectory()
        func write(marking value: Int, to name: String) throws -> [UInt8] {
            let instance = try Instance(contentsOf: SharedData.path(replacement.path))
            var frames = try instance.decodePixels()
            Self.paint(&frames)
            frames.setSample(value, frame: 0, row: 1, column: 1)
            try instance.replacePixels(with: frames)
            let output = directory.file(name)
            try instance.write(to: output, transferSyntax: instance.losslessTransferSyntax(pixelsModified: true))
            return [UInt8](try Data(contentsOf: URL(fileURLWithPath: output)))
        }
        // pixels whose encoded frame has an odd length, so that it is padded
        let value = try #require(try (0..<64).first { !Self.padsAfterEndOfImage(in: try write(marking: $0, to: "probe.dcm")).isEmpty })
        let runs = try (0..<3).map { try write(marking: value, to: "out\($0).dcm") }
        #expect(runs[1] == runs[0] && runs[2] == runs[0])
        for bytes in runs {
            #expect(Self.padsAfterEndOfImage(in: bytes).allSatisfy { bytes[$0] == 0x00 })
        }
    }

    /// Where a byte sits between a frame's end of image (FF D9) and the next item or the sequence
    /// delimiter (FE FF 00 E0 / FE FF DD E0).
    static func padsAfterEndOfImage(in bytes: [UInt8]) -> [Int] {
        bytes.indices.dropLast(6).filter { index in
            bytes[index] == 0xFF && bytes[index + 1] == 0xD9 && bytes[index + 3] == 0xFE && bytes[index + 4] == 0xFF
                && (bytes[index + 5] == 0x00 || bytes[index + 5] == 0xDD) && bytes[index + 6] == 0xE0
        }.map { $0 + 2 }
    }

    @Test func signedSixteenBitExtremesSurviveTheRoundTrip() throws {
        let directory = try TemporaryDirectory()
        let instance = try Instance(contentsOf: SharedData.path("pydicom-testfiles/test_files/MR_small.dcm"))
        var frames = try instance.decodePixels()
        #expect(frames.description.isSigned && frames.description.bitsStored == 16)
        frames.setSample(-32768, frame: 0, row: 10, column: 20)
        frames.setSample(32767, frame: 0, row: 10, column: 21)
        frames.setSample(-1, frame: 0, row: 10, column: 22)
        try instance.replacePixels(with: frames)
        try instance.write(to: directory.file("out.dcm"), transferSyntax: .explicitLittleEndian)
        let decoded = try Instance(contentsOf: directory.file("out.dcm")).decodePixels()
        #expect((20...22).map { decoded.sample(frame: 0, row: 10, column: $0) } == [-32768, 32767, -1])
    }

    /// YBR_FULL samples are coded component by component (no colour transform, which is for RGB)
    /// and keep their name; pydicom decodes them to the same samples.
    @Test func yBRFullPixelsWrittenAsJPEG2000KeepTheirColourModel() throws {
        let directory = try TemporaryDirectory()
        let instance = try Instance(contentsOf: SharedData.repository.appendingPathComponent("TestData/samples/YBR_FULL-RLE.dcm").path)
        var frames = try instance.decodePixels()
        #expect(frames.description.photometric == .ybrFull)
        Self.paint(&frames)
        try instance.replacePixels(with: frames)
        let output = directory.file("out.dcm")
        try instance.write(to: output, transferSyntax: TransferSyntax(uid: "1.2.840.10008.1.2.4.90"))
        let reread = try Instance(contentsOf: output)
        #expect(reread.dataset.firstValue(.photometricInterpretation) == "YBR_FULL")
        #expect(try reread.decodePixels().data == frames.data)
        let pydicom = PixelComparison(frames, try Pydicom.pixels(of: output))
        #expect(pydicom.differing == 0 && pydicom.sampleCount == pydicom.referenceCount, "\(pydicom)")
    }
}
