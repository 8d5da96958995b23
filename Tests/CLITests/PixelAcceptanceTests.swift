import Foundation
import Testing

/// Issue 4's acceptance, as a user sees it: multi-frame ultrasound (YBR JPEG), palette colour
/// (uncompressed and RLE) and 16-bit MONOCHROME1 development images come out redacted, in a lossless
/// transfer syntax, readable by dcmdump and pydicom — checked by `Tests/corpus/pixel_acceptance.py`
/// against the dev set's truth boxes, not by dcmdeid's own reader. Reads ../shared/eval/dev-pixels.
@Suite struct PixelAcceptanceTests {
    static let devSet = SharedData.repository.deletingLastPathComponent().appendingPathComponent("shared/eval/dev-pixels").path
    static let images = ["US/img010.dcm", "US/img013.dcm", "US/img035.dcm", "CR/img003.dcm"]

    @Test(.enabled(if: FileManager.default.fileExists(atPath: devSet + "/input/US/img010.dcm")))
    func colourMultiFrameAndMonochrome1InputsComeOutRedactedLosslessAndReadable() throws {
        let work = try TemporaryDirectory()
        for image in Self.images {
            let target = work.file("in/" + image)
            try FileManager.default.createDirectory(atPath: (target as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try FileManager.default.copyItem(atPath: Self.devSet + "/input/" + image, toPath: target)
        }
        let run = try Dcmdeid.run(["deidentify", work.file("in"), "--output", work.file("out"), "--key-file", work.file("key"),
                                   "--pixels", "sensitive", "--quiet"])
        #expect(run.status == 0, "\(run.stderr)")
        for image in Self.images {
            let dump = try Subprocess.run("/usr/bin/dcmdump", ["-q", work.file("out/" + image)])
            #expect(dump.status == 0, "dcmdump \(image): \(dump.stderr)")
        }
        let python = SharedData.repository.appendingPathComponent(".venv/bin/python").path
        let checker = SharedData.repository.appendingPathComponent("Tests/corpus/pixel_acceptance.py").path
        let check = try Subprocess.run(python, [checker, work.file("out"), Self.devSet] + Self.images)
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
        #expect(check.stdoutLines.count == Self.images.count)
    }

    /// Images whose text is painted, re-encoded losslessly (JPEG-LS, JPEG lossless, palette RLE),
    /// come out as the same bytes from two processes with different worker counts and input order.
    @Test(.enabled(if: FileManager.default.fileExists(atPath: devSet + "/input/DX/img041.dcm")))
    func paintedImagesAreWrittenAsTheSameBytesByEveryRun() throws {
        let work = try TemporaryDirectory()
        let images = ["DX/img041.dcm", "MR/img020.dcm", "US/img042.dcm", "US/img013.dcm"]
        for image in images {
            let target = work.file("in/" + image)
            try FileManager.default.createDirectory(atPath: (target as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try FileManager.default.copyItem(atPath: Self.devSet + "/input/" + image, toPath: target)
        }
        let common = ["--key-file", work.file("key"), "--pixels", "sensitive", "--quiet"]
        let one = try Dcmdeid.run(["deidentify", work.file("in/US"), work.file("in/DX"), work.file("in/MR"),
                                   "--output", work.file("one"), "--jobs", "1"] + common)
        let two = try Dcmdeid.run(["deidentify", work.file("in/MR"), work.file("in/DX"), work.file("in/US"),
                                   "--output", work.file("two"), "--jobs", "2"] + common)
        try #require(one.status == 0 && two.status == 0, "\(one.stderr)\n\(two.stderr)")
        for image in images {
            let name = (image as NSString).lastPathComponent
            let a = try Data(contentsOf: URL(fileURLWithPath: work.file("one/" + name)))
            let b = try Data(contentsOf: URL(fileURLWithPath: work.file("two/" + name)))
            #expect(a == b, "\(image) differs between the two runs")
        }
    }

    /// Text in overlay bits embedded in the pixel data (XA_GE_JPEG_02_with_Overlays) is cleared; the
    /// audit says the pixels changed and the output records Clean Pixel Data (113101).
    @Test func clearedEmbeddedOverlayBitsAreRecordedAsAPixelChange() throws {
        let work = try TemporaryDirectory()
        let input = SharedData.repository.appendingPathComponent("TestData/samples/XA_GE_JPEG_02_with_Overlays.dcm").path
        let run = try Dcmdeid.run(["deidentify", input, "--output", work.file("out"), "--key-file", work.file("key"),
                                   "--pixels", "sensitive", "--quiet", "--audit", work.file("audit.jsonl")])
        #expect(run.status == 0, "\(run.stderr)")
        let audit = try String(contentsOfFile: work.file("audit.jsonl"), encoding: .utf8)
        #expect(audit.contains("\"modified\":true"), "\(audit)")
        let dump = try Subprocess.run("/usr/bin/dcmdump", ["-q", work.file("out/XA_GE_JPEG_02_with_Overlays.dcm")])
        #expect(dump.stdout.contains("113101"))
    }

    /// A segmentation's 1-bit masks are not pictures: the pixel stage passes them over and says so
    /// in the audit, instead of refusing a file it cannot render; the header is de-identified.
    @Test(.enabled(if: FileManager.default.fileExists(atPath: SharedData.path("pydicom-data/liver.dcm"))))
    func aSegmentationIsWrittenWithItsMasksNotReadAndSaysSo() throws {
        let work = try TemporaryDirectory()
        let run = try Dcmdeid.run(["deidentify", SharedData.path("pydicom-data/liver.dcm"), "--output", work.file("out"),
                                   "--key-file", work.file("key"), "--pixels", "sensitive", "--quiet", "--audit", work.file("audit.jsonl")])
        #expect(run.status == 0, "\(run.stderr)")
        let audit = try String(contentsOfFile: work.file("audit.jsonl"), encoding: .utf8)
        #expect(audit.contains("\"notChecked\":\"pixel data of a segmentation"), "\(audit)")
        let dump = try Subprocess.run("/usr/bin/dcmdump", ["-q", "+P", "0010,0010", work.file("out/liver.dcm")])
        #expect(dump.status == 0)
        #expect(dump.stdout.contains("PatientName") && !dump.stdout.contains("JANCT000"), "\(dump.stdout)")
    }
}
