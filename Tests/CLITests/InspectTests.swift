import Foundation
import Testing

@Suite("Inspect")
struct InspectTests {
    /// Runs `dcmdeid inspect` on a corpus file and returns its lines, expecting success.
    func inspect(_ relative: String) throws -> [String] {
        let result = try Dcmdeid.run("inspect", SharedData.path(relative))
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.isEmpty)
        return result.stdoutLines
    }

    @Test func sharedRLEFileShowsItsTransferSyntax() throws {
        let lines = try inspect("pydicom-testfiles/test_files/MR_small_RLE.dcm")
        #expect(lines.first == "file:              \(SharedData.path("pydicom-testfiles/test_files/MR_small_RLE.dcm"))")
        #expect(lines.contains("transfer syntax:   1.2.840.10008.1.2.5 (RLE Lossless)"))
        #expect(lines.contains("pixels:            64x64, 1 frame(s), 1 sample(s), MONOCHROME2"))
        #expect(lines.contains("bits:              16 stored of 16, high bit 15, signed"))
    }

    @Test func sharedJPEG2000FileShowsItsTransferSyntaxAsDecodable() throws {
        let lines = try inspect("pydicom-data/US1_J2KR.dcm")
        #expect(lines.contains("transfer syntax:   1.2.840.10008.1.2.4.90 (JPEG 2000 (Lossless only))"))
        #expect(lines.contains("pixels:            640x480, 1 frame(s), 3 sample(s), YBR_RCT"))
        #expect(lines.contains("decodable:         yes"))
    }

    @Test func sharedMonochrome1RawDatasetIsDescribedAsSuch() throws {
        let lines = try inspect("fo-dicom-testdata/CR-MONO1-10-chest")
        #expect(lines.contains("transfer syntax:   1.2.840.10008.1.2 (Little Endian Implicit) (raw dataset, no meta header)"))
        #expect(lines.contains("modality:          CR"))
        #expect(lines.contains("pixels:            440x440, 1 frame(s), 1 sample(s), MONOCHROME1"))
        #expect(lines.contains("bits:              10 stored of 16, high bit 9, unsigned"))
    }

    @Test func sharedMultiFrameUltrasoundShowsItsFrames() throws {
        let lines = try inspect("dcm4che-test-data/US-PAL-8-10x-echo")
        #expect(lines.contains("modality:          US"))
        #expect(lines.contains("pixels:            600x430, 10 frame(s), 1 sample(s), PALETTE COLOR"))
    }

    @Test func sharedOverlayFileListsEmbeddedAndSeparateOverlays() throws {
        let lines = try inspect("dcm4che-test-data/ovly_p01.dcm")
        #expect(lines.contains("overlays:          6000 512x512 embedded in pixel bit 15, 6002 512x512 embedded in pixel bit 14, "
            + "6004 512x512 in (6004,3000), 6006 512x512 in (6006,3000)"))
        #expect(lines.contains("bits:              12 stored of 16, high bit 11, unsigned"))
    }

    @Test func sharedFileWithAnIconSaysSo() throws {
        #expect(try inspect("fo-dicom-testdata/JPEGwithIcon.dcm").contains("icon image:        present"))
        #expect(try inspect("pydicom-testfiles/test_files/MR_small.dcm").contains("icon image:        none"))
    }

    @Test func sharedFileWithoutPixelsSaysSo() throws {
        let lines = try inspect("pydicom-testfiles/test_files/rtplan.dcm")
        #expect(lines.contains("pixels:            none"))
        #expect(lines.contains("overlays:          none"))
    }

    @Test func sharedFilePatientValuesAreNotPrinted() throws {
        let output = try inspect("presidio-image-redactor/dicom/2_ORIGINAL.dcm").joined(separator: "\n")
        #expect(!output.contains("KAUFMAN"))
        #expect(!output.contains("6774825273"))
        #expect(!output.contains("19430722"))
    }

    @Test func sharedJPEGXLFileShowsItsSyntaxAsNotDecodable() throws {
        let lines = try inspect("dcm4che-test-data/will-jxl.dcm")
        #expect(lines.contains("transfer syntax:   1.2.840.10008.1.2.4.111 (JPEG XL JPEG Recompression)"))
        #expect(lines.contains("decodable:         no (unsupported transfer syntax)"))
    }

    @Test func sharedTruncatedFileIsRefusedOnOneLineNamingIt() throws {
        let path = SharedData.path("dcm4che-test-data/3gb-bulk-data-truncated")
        let result = try Dcmdeid.run("inspect", path)
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty)
        #expect(result.stderrLines.count == 1)
        #expect(result.stderr.hasPrefix("error: \(path): "))
    }

    @Test func sharedDeeplyNestedFileIsRefusedWithoutCrashing() throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("deeply-nested.dcm")
        let gunzip = try Subprocess.run("/bin/sh", ["-c", "gunzip -c \"$0\" > \"$1\"",
                                                    SharedData.path("orthanc-tests/robustness/2026-05-06-Deeply-Nested-Sequence.dcm.gz"), path])
        try #require(gunzip.status == 0)
        let result = try Dcmdeid.run("inspect", path)
        #expect(!result.crashed)
        #expect(result.status == 1)
        #expect(result.stderrLines.count == 1)
        #expect(result.stderr.hasPrefix("error: \(path): "))
        #expect(result.stderr.contains("nested"))
    }

    @Test func missingFileIsRefusedNamingIt() throws {
        let result = try Dcmdeid.run("inspect", "/nonexistent/dcmdeid/missing.dcm")
        #expect(result.status == 1)
        #expect(result.stderrLines == ["error: /nonexistent/dcmdeid/missing.dcm: cannot read: No such file or directory"])
    }
}
