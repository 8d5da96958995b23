import DicomCore
import Foundation
import Testing

/// A corpus file whose decoded pixels are compared with pydicom's.
struct PixelCase: CustomTestStringConvertible, Sendable {
    let path: String
    /// Largest accepted difference per sample: 0 for lossless syntaxes, a little for lossy JPEG,
    /// whose decoders (IJG in DCMTK, libjpeg-turbo in pydicom) may round differently.
    let tolerance: Int

    init(_ path: String, tolerance: Int = 0) {
        self.path = path
        self.tolerance = tolerance
    }

    var testDescription: String { path }
}

@Suite("Instance+Pixels")
struct InstancePixelsTests {
    /// Decodes `pixelCase` with our decoder and with pydicom and compares every sample.
    func expectSharedFileDecodesLikePydicom(_ pixelCase: PixelCase) throws {
        let instance = try Instance(contentsOf: SharedData.path(pixelCase.path))
        let frames = try instance.decodePixels()
        let reference = try Pydicom.pixels(of: SharedData.path(pixelCase.path), asRGB: frames.description.photometric == .rgb)
        let comparison = PixelComparison(frames, reference)
        #expect(comparison.sampleCount == comparison.referenceCount, "\(comparison)")
        #expect(comparison.largestDifference <= pixelCase.tolerance, "\(comparison)")
    }

    @Test(arguments: [
        PixelCase("pydicom-testfiles/test_files/MR_small.dcm"),
        PixelCase("dcm4che-test-data/ovly_p01.dcm"),
        PixelCase("orthanc-tests/TransferSyntaxes/1.2.840.10008.1.2.1.dcm"),
    ])
    func sharedExplicitLittleEndianPixelsDecodeToTheSameValuesAsPydicom(_ pixelCase: PixelCase) throws {
        try expectSharedFileDecodesLikePydicom(pixelCase)
    }

    @Test(arguments: [
        PixelCase("pydicom-testfiles/test_files/MR_small_implicit.dcm"),
        PixelCase("orthanc-tests/ColorTestMalaterre.dcm"),
    ])
    func sharedImplicitLittleEndianPixelsDecodeToTheSameValuesAsPydicom(_ pixelCase: PixelCase) throws {
        try expectSharedFileDecodesLikePydicom(pixelCase)
    }

    @Test(arguments: [
        PixelCase("pydicom-testfiles/test_files/MR_small_bigendian.dcm"),
        PixelCase("pydicom-data/SC_rgb_expb_16bit.dcm"),
        PixelCase("pydicom-data/SC_rgb_expb_2frame.dcm"),
    ])
    func sharedBigEndianPixelsDecodeToTheSameValuesAsPydicom(_ pixelCase: PixelCase) throws {
        try expectSharedFileDecodesLikePydicom(pixelCase)
    }

    @Test(arguments: [
        PixelCase("pydicom-testfiles/test_files/image_dfl.dcm"),
        PixelCase("orthanc-tests/TransferSyntaxes/1.2.840.10008.1.2.1.99.dcm"),
    ])
    func sharedDeflatedPixelsDecodeToTheSameValuesAsPydicom(_ pixelCase: PixelCase) throws {
        try expectSharedFileDecodesLikePydicom(pixelCase)
    }

    @Test(arguments: [
        PixelCase("pydicom-testfiles/test_files/MR_small_RLE.dcm"),
        PixelCase("pydicom-testfiles/test_files/SC_rgb_rle_16bit_2frame.dcm"),
        PixelCase("dcm4che-test-data/YBR_FULL-RLE.dcm"),
    ])
    func sharedRLEPixelsDecodeToTheSameValuesAsPydicom(_ pixelCase: PixelCase) throws {
        try expectSharedFileDecodesLikePydicom(pixelCase)
    }

    @Test(arguments: [
        PixelCase("pydicom-testfiles/test_files/SC_rgb_jpeg_dcmtk.dcm", tolerance: 2),
        PixelCase("pydicom-testfiles/test_files/SC_rgb_dcmtk_+eb+cy+np.dcm", tolerance: 2),
        PixelCase("orthanc-tests/TransferSyntaxes/1.2.840.10008.1.2.4.50.dcm", tolerance: 2),
        PixelCase("pydicom-testfiles/test_files/JPGExtended.dcm", tolerance: 2),
    ])
    func sharedLossyJPEGPixelsDecodeToWithinRoundingOfPydicom(_ pixelCase: PixelCase) throws {
        try expectSharedFileDecodesLikePydicom(pixelCase)
    }

    @Test(arguments: [
        PixelCase("orthanc-tests/TransferSyntaxes/1.2.840.10008.1.2.4.57.dcm"),
        PixelCase("pydicom-testfiles/test_files/SC_rgb_jpeg_gdcm.dcm"),
        PixelCase("smi-dicompixelanon/XA_GE_JPEG_02_with_Overlays.dcm"),
    ])
    func sharedJPEGLosslessPixelsDecodeToTheSameValuesAsPydicom(_ pixelCase: PixelCase) throws {
        try expectSharedFileDecodesLikePydicom(pixelCase)
    }

    @Test(arguments: [
        PixelCase("pydicom-testfiles/test_files/MR_small_jpeg_ls_lossless.dcm"),
        PixelCase("pydicom-data/JLSL_RGB_ILV1.dcm"),
        PixelCase("pydicom-testfiles/test_files/JPEGLSNearLossless_16.dcm"),
    ])
    func sharedJPEGLSPixelsDecodeToTheSameValuesAsPydicom(_ pixelCase: PixelCase) throws {
        try expectSharedFileDecodesLikePydicom(pixelCase)
    }

    @Test(arguments: [
        PixelCase("pydicom-testfiles/test_files/MR_small_jp2klossless.dcm"),
        PixelCase("pydicom-data/US1_J2KR.dcm"),
        PixelCase("pydicom-data/emri_small_jpeg_2k_lossless.dcm"),
    ])
    func sharedJPEG2000LosslessPixelsDecodeToTheSameValuesAsPydicom(_ pixelCase: PixelCase) throws {
        try expectSharedFileDecodesLikePydicom(pixelCase)
    }

    @Test(arguments: [
        PixelCase("pydicom-testfiles/test_files/693_J2KI.dcm"),
        PixelCase("pydicom-testfiles/test_files/SC_rgb_gdcm_KY.dcm"),
    ])
    func sharedJPEG2000LossyPixelsDecodeToTheSameValuesAsPydicom(_ pixelCase: PixelCase) throws {
        try expectSharedFileDecodesLikePydicom(pixelCase)
    }
}
