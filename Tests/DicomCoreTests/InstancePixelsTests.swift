import DicomCore
import Foundation
import Testing

/// A corpus file whose decoded pixels are compared with pydicom's.
struct PixelCase: CustomTestStringConvertible, Sendable {
    let path: String
    /// Largest accepted difference per sample: 0 for lossless syntaxes, a little for lossy JPEG,
    /// whose decoders (IJG in DCMTK, libjpeg-turbo in pydicom) may round differently.
    let tolerance: Int
    /// Whether pydicom should convert YBR to RGB, as DCMTK does when it decodes lossy JPEG.
    let asRGB: Bool

    init(_ path: String, tolerance: Int = 0, asRGB: Bool = false) {
        self.path = path
        self.tolerance = tolerance
        self.asRGB = asRGB
    }

    var testDescription: String { path }
}

@Suite("Instance+Pixels")
struct InstancePixelsTests {
    static let explicitLittleEndian = [
        PixelCase("pydicom-testfiles/test_files/MR_small.dcm"),
        PixelCase("dcm4che-test-data/ovly_p01.dcm"),
        PixelCase("orthanc-tests/TransferSyntaxes/1.2.840.10008.1.2.1.dcm"),
    ]
    static let implicitLittleEndian = [
        PixelCase("pydicom-testfiles/test_files/MR_small_implicit.dcm"),
        PixelCase("orthanc-tests/ColorTestMalaterre.dcm"),
    ]
    static let bigEndian = [
        PixelCase("pydicom-testfiles/test_files/MR_small_bigendian.dcm"),
        PixelCase("pydicom-data/SC_rgb_expb_16bit.dcm"),
        PixelCase("pydicom-data/SC_rgb_expb_2frame.dcm"),
    ]
    static let deflated = [
        PixelCase("pydicom-testfiles/test_files/image_dfl.dcm"),
        PixelCase("fo-dicom-testdata/GH227.dcm"),
        PixelCase("orthanc-tests/TransferSyntaxes/1.2.840.10008.1.2.1.99.dcm"),  // values padded with NUL
    ]
    static let rle = [
        PixelCase("pydicom-testfiles/test_files/MR_small_RLE.dcm"),
        PixelCase("pydicom-testfiles/test_files/SC_rgb_rle_16bit_2frame.dcm"),
        PixelCase("dcm4che-test-data/YBR_FULL-RLE.dcm"),
    ]
    static let lossyJPEG = [
        PixelCase("pydicom-testfiles/test_files/SC_rgb_jpeg_dcmtk.dcm", tolerance: 2, asRGB: true),
        PixelCase("pydicom-testfiles/test_files/SC_rgb_dcmtk_+eb+cy+np.dcm", tolerance: 2, asRGB: true),
        PixelCase("orthanc-tests/TransferSyntaxes/1.2.840.10008.1.2.4.50.dcm", tolerance: 2, asRGB: true),
        PixelCase("pydicom-testfiles/test_files/JPGExtended.dcm", tolerance: 2),
    ]
    static let jpegLossless = [
        PixelCase("orthanc-tests/TransferSyntaxes/1.2.840.10008.1.2.4.57.dcm"),
        PixelCase("pydicom-testfiles/test_files/SC_rgb_jpeg_gdcm.dcm"),
        PixelCase("smi-dicompixelanon/XA_GE_JPEG_02_with_Overlays.dcm"),
    ]
    static let jpegLS = [
        PixelCase("pydicom-testfiles/test_files/MR_small_jpeg_ls_lossless.dcm"),
        PixelCase("pydicom-data/JLSL_RGB_ILV1.dcm"),
        PixelCase("pydicom-testfiles/test_files/JPEGLSNearLossless_16.dcm"),
    ]
    static let jpeg2000Lossless = [
        PixelCase("pydicom-testfiles/test_files/MR_small_jp2klossless.dcm"),
        PixelCase("pydicom-data/US1_J2KR.dcm", asRGB: true),
        PixelCase("pydicom-data/emri_small_jpeg_2k_lossless.dcm"),
    ]
    static let jpeg2000Lossy = [
        PixelCase("pydicom-testfiles/test_files/693_J2KI.dcm"),
        PixelCase("pydicom-testfiles/test_files/SC_rgb_gdcm_KY.dcm"),
    ]
    static let ybrFull422Native = PixelCase("pydicom-testfiles/test_files/SC_ybr_full_422_uncompressed.dcm")
    static let planarRGB = [
        PixelCase("pydicom-data/color-pl.dcm"),
        PixelCase("pydicom-testfiles/test_files/ExplVR_BigEnd.dcm"),
    ]
    static let multiFrame = PixelCase("dcm4che-test-data/NM-MONO2-16-13x-heart")

    static let allCases = explicitLittleEndian + implicitLittleEndian + bigEndian + deflated + rle + lossyJPEG
        + jpegLossless + jpegLS + jpeg2000Lossless + jpeg2000Lossy + planarRGB + [ybrFull422Native, multiFrame]

    /// pydicom's arrays for every case, decoded once for the whole suite.
    static let pydicomArrays: Result<[String: [Int32]], any Error> = Result {
        let arrays = try Pydicom.pixels(of: allCases.map { (SharedData.path($0.path), $0.asRGB) })
        return Dictionary(uniqueKeysWithValues: zip(allCases.map(\.path), arrays))
    }

    /// Decodes `pixelCase` with our decoder and compares every sample with pydicom's.
    func expectSharedFileDecodesLikePydicom(_ pixelCase: PixelCase) throws {
        let frames = try Instance(contentsOf: SharedData.path(pixelCase.path)).decodePixels()
        let reference = try #require(try Self.pydicomArrays.get()[pixelCase.path])
        let comparison = PixelComparison(frames, reference)
        #expect(comparison.sampleCount == comparison.referenceCount, "\(comparison)")
        #expect(comparison.largestDifference <= pixelCase.tolerance, "\(comparison)")
    }

    @Test(arguments: explicitLittleEndian)
    func sharedExplicitLittleEndianPixelsDecodeToTheSameValuesAsPydicom(_ pixelCase: PixelCase) throws {
        try expectSharedFileDecodesLikePydicom(pixelCase)
    }

    @Test(arguments: implicitLittleEndian)
    func sharedImplicitLittleEndianPixelsDecodeToTheSameValuesAsPydicom(_ pixelCase: PixelCase) throws {
        try expectSharedFileDecodesLikePydicom(pixelCase)
    }

    @Test(arguments: bigEndian)
    func sharedBigEndianPixelsDecodeToTheSameValuesAsPydicom(_ pixelCase: PixelCase) throws {
        try expectSharedFileDecodesLikePydicom(pixelCase)
    }

    @Test(arguments: deflated)
    func sharedDeflatedPixelsDecodeToTheSameValuesAsPydicom(_ pixelCase: PixelCase) throws {
        try expectSharedFileDecodesLikePydicom(pixelCase)
    }

    @Test(arguments: rle)
    func sharedRLEPixelsDecodeToTheSameValuesAsPydicom(_ pixelCase: PixelCase) throws {
        try expectSharedFileDecodesLikePydicom(pixelCase)
    }

    @Test(arguments: lossyJPEG)
    func sharedLossyJPEGPixelsDecodeToWithinRoundingOfPydicom(_ pixelCase: PixelCase) throws {
        try expectSharedFileDecodesLikePydicom(pixelCase)
    }

    @Test(arguments: jpegLossless)
    func sharedJPEGLosslessPixelsDecodeToTheSameValuesAsPydicom(_ pixelCase: PixelCase) throws {
        try expectSharedFileDecodesLikePydicom(pixelCase)
    }

    @Test(arguments: jpegLS)
    func sharedJPEGLSPixelsDecodeToTheSameValuesAsPydicom(_ pixelCase: PixelCase) throws {
        try expectSharedFileDecodesLikePydicom(pixelCase)
    }

    @Test(arguments: jpeg2000Lossless)
    func sharedJPEG2000LosslessPixelsDecodeToTheSameValuesAsPydicom(_ pixelCase: PixelCase) throws {
        try expectSharedFileDecodesLikePydicom(pixelCase)
    }

    @Test(arguments: jpeg2000Lossy)
    func sharedJPEG2000LossyPixelsDecodeToTheSameValuesAsPydicom(_ pixelCase: PixelCase) throws {
        try expectSharedFileDecodesLikePydicom(pixelCase)
    }

    // MARK: what decoding reports

    @Test func sharedLossyJPEGInYBRDecodesToRGB() throws {
        for relative in ["pydicom-testfiles/test_files/SC_rgb_dcmtk_+eb+cy+np.dcm", "orthanc-tests/TransferSyntaxes/1.2.840.10008.1.2.4.50.dcm"] {
            let instance = try Instance(contentsOf: SharedData.path(relative))
            #expect(try instance.pixelDescription().photometric == .ybrFull422)
            let decoded = try instance.decodePixels().description
            #expect(decoded.photometric == .rgb)
            #expect(decoded.planarConfiguration == 0)
            #expect(decoded.samplesPerPixel == 3)
        }
    }

    @Test func sharedReversibleJPEG2000InYBRRCTDecodesToRGB() throws {
        let instance = try Instance(contentsOf: SharedData.path("pydicom-data/US1_J2KR.dcm"))
        #expect(try instance.pixelDescription().photometric == .ybrRCT)
        #expect(try instance.decodePixels().description.photometric == .rgb)
    }

    @Test func sharedNativeYBRFull422IsUpsampledToYBRFullLikePydicom() throws {
        let frames = try Instance(contentsOf: SharedData.path(Self.ybrFull422Native.path)).decodePixels()
        #expect(frames.description.photometric == .ybrFull)
        #expect(frames.data.count == frames.description.rows * frames.description.columns * 3)
        try expectSharedFileDecodesLikePydicom(Self.ybrFull422Native)
    }

    @Test(arguments: planarRGB)
    func sharedPlanarRGBDecodesInterleavedLikePydicom(_ pixelCase: PixelCase) throws {
        let instance = try Instance(contentsOf: SharedData.path(pixelCase.path))
        #expect(try instance.pixelDescription().planarConfiguration == 1)
        #expect(try instance.decodePixels().description.planarConfiguration == 0)
        try expectSharedFileDecodesLikePydicom(pixelCase)
    }

    @Test func sharedMultiFrameFileDecodesEveryFrame() throws {
        let frames = try Instance(contentsOf: SharedData.path(Self.multiFrame.path)).decodePixels()
        #expect(frames.frameCount == 13)
        #expect(frames.data.count == 13 * 64 * 64 * 2)
        #expect(frames.frameRange(12) == 12 * 8192..<13 * 8192)
        try expectSharedFileDecodesLikePydicom(Self.multiFrame)
    }

    @Test func sharedFileWithoutPixelDataThrowsNoPixelData() throws {
        let instance = try Instance(contentsOf: SharedData.path("pydicom-testfiles/test_files/rtplan.dcm"))
        #expect(!instance.hasPixelData)
        #expect(throws: DicomError.noPixelData) { try instance.decodePixels() }
        #expect(throws: DicomError.noPixelData) { try instance.pixelDescription() }
    }

    // MARK: refusals

    static let unsupportedFiles = [
        ("dcm4che-test-data/will-jxl.dcm", "1.2.840.10008.1.2.4.111", "JPEG XL JPEG Recompression"),
        ("pydicom-data/HTJ2KLossless_08_RGB.dcm", "1.2.840.10008.1.2.4.201", "High-Throughput JPEG 2000 Lossless Only"),
        ("pydicom-data/HTJ2K_08_RGB.dcm", "1.2.840.10008.1.2.4.203", "High-Throughput JPEG 2000"),
        ("pydicom-data/liver_deflate.dcm", "1.2.840.10008.1.2.8.1", "Deflated Image Frame Compression"),
    ]

    @Test(arguments: unsupportedFiles)
    func sharedFileInAnUnsupportedTransferSyntaxIsRefusedNamingTheSyntax(_ relative: String, _ uid: String, _ name: String) throws {
        let instance = try Instance(contentsOf: SharedData.path(relative))
        #expect(instance.originalTransferSyntax.uid == uid)
        #expect(!instance.originalTransferSyntax.isDecodable)
        let error = #expect(throws: DicomError.self) { try instance.decodePixels() }
        #expect(error == .unsupportedTransferSyntax(uid: uid, name: name))
        #expect(error?.description == "unsupported transfer syntax \(uid) (\(name))")
    }

    /// Stored bits that do not run down from the high bit inside the allocated bits are refused with
    /// the reason, not read (the sample loops would shift by a negative count).
    @Test(arguments: [(12, 3), (12, 16), (8, 16)])
    func aHighBitOutsideTheStoredLayoutIsRefused(_ stored: Int, _ highBit: Int) throws {
        let instance = try Instance(contentsOf: SharedData.repository.appendingPathComponent("TestData/samples/CR_MONO1_16x16.dcm").path)
        try instance.dataset.set(.bitsStored, string: "\(stored)", vr: .US)
        try instance.dataset.set(.highBit, string: "\(highBit)", vr: .US)
        let error = #expect(throws: DicomError.self) { try instance.decodePixels() }
        #expect(error == .unsupportedPixelFormat(reason: "high bit \(highBit) with \(stored) of 16 bits"))
    }

    @Test(arguments: ["orthanc-tests/robustness/2026-05-26-oob-monochrome-65535.dcm",
                      "orthanc-tests/robustness/2026-05-26-oob-monochrome-46341.dcm"])
    func sharedFileDeclaringHugeRowsAndColumnsWithTinyPixelDataIsRefused(_ relative: String) throws {
        let instance = try Instance(contentsOf: SharedData.path(relative))
        #expect(throws: DicomError.self) { try instance.decodePixels() }
    }
}
