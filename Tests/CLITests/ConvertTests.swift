import Foundation
import Testing

@Suite("Convert")
struct ConvertTests {
    static func dcmdump(_ arguments: String...) throws -> Subprocess {
        try Subprocess.run("/usr/bin/dcmdump", arguments)
    }

    /// dcmdump's listing of the dataset (not the meta header), without the line naming the transfer syntax
    /// and without how sequences and items encode their length (explicit or undefined: the writer's choice).
    static func datasetListing(_ path: String) throws -> [String] {
        let lines = try dcmdump(path).stdoutLines
        let start = try #require(lines.firstIndex(of: "# Dicom-Data-Set"))
        return lines[start...].compactMap { line in
            if line.hasPrefix("# Used TransferSyntax") || line.contains("DelimitationItem") { return nil }
            let container = /^(\s*\([0-9a-f]{4},[0-9a-f]{4}\) \w\w) \((Sequence|Item) with (?:explicit|undefined) length (#=\d+)\)\s+#[^,]+,\s*\d+ (.*)$/
            guard let match = line.wholeMatch(of: container) else { return line }
            return "\(match.1) \(match.2) \(match.3) \(match.4)"
        }
    }

    static func transferSyntax(_ path: String) throws -> String? {
        try dcmdump("-M", "+P", "0002,0010", path).stdout.firstMatch(of: /\[([0-9.]+)\]/).map { String($0.1) }
    }

    @Test func sharedFilesConvertedToDICOMAreMirroredByNameAndReadableByDcmdump() throws {
        let directory = try TemporaryDirectory()
        let inputs = ["pydicom-testfiles/test_files/MR_small_RLE.dcm", "fo-dicom-testdata/CR-MONO1-10-chest",
                      "pydicom-data/US1_J2KR.dcm", "pydicom-testfiles/test_files/rtplan.dcm"]
        let result = try Dcmdeid.run(["convert"] + inputs.map(SharedData.path) + ["--output", directory.file("out")])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.isEmpty)
        #expect(try directory.files(in: "out") == ["CR-MONO1-10-chest", "MR_small_RLE.dcm", "US1_J2KR.dcm", "rtplan.dcm"])
        for input in inputs {
            let output = directory.file("out/" + (input as NSString).lastPathComponent)
            let check = try Self.dcmdump("-q", output)
            #expect(check.status == 0, "\(output): \(check.stderr)")
        }
    }

    @Test func sharedFileConvertedToDICOMKeepsItsTransferSyntaxAndEveryElement() throws {
        let directory = try TemporaryDirectory()
        for input in ["pydicom-testfiles/test_files/MR_small_RLE.dcm", "pydicom-testfiles/test_files/MR_small_jpeg_ls_lossless.dcm",
                      "pydicom-testfiles/test_files/rtplan.dcm"] {
            let result = try Dcmdeid.run("convert", SharedData.path(input), "--output", directory.file("out"))
            #expect(result.status == 0, "\(result.stderr)")
            let output = directory.file("out/" + (input as NSString).lastPathComponent)
            #expect(try Self.transferSyntax(output) == Self.transferSyntax(SharedData.path(input)))
            #expect(try Self.datasetListing(output) == Self.datasetListing(SharedData.path(input)), "\(input)")
        }
    }

    @Test func sharedFilesConvertedToPNGAreNamedAfterTheirInputAndFramesWithTheRequestedDPI() throws {
        let directory = try TemporaryDirectory()
        let inputs = ["pydicom-testfiles/test_files/MR_small.dcm", "fo-dicom-testdata/CR-MONO1-10-chest",
                      "dcm4che-test-data/NM-MONO2-16-13x-heart", "pydicom-testfiles/test_files/SC_rgb_jpeg_dcmtk.dcm"]
        let result = try Dcmdeid.run(["convert"] + inputs.map(SharedData.path)
            + ["--output", directory.file("out"), "--format", "png", "--dpi", "150"])
        #expect(result.status == 0, "\(result.stderr)")
        let frames = (1...13).map { String(format: "NM-MONO2-16-13x-heart-f%04d.png", $0) }
        #expect(try directory.files(in: "out") == (["CR-MONO1-10-chest.png", "MR_small.png", "SC_rgb_jpeg_dcmtk.png"] + frames).sorted())
        let expectations: [(String, UInt32, UInt32, UInt8)] = [
            ("MR_small.png", 64, 64, 0), ("CR-MONO1-10-chest.png", 440, 440, 0), (frames[12], 64, 64, 0),
            ("SC_rgb_jpeg_dcmtk.png", 100, 100, 2),
        ]
        for (name, width, height, colorType) in expectations {
            let png = try PNGFile(path: directory.file("out/" + name))
            #expect(png.width == width && png.height == height, "\(name)")
            #expect(png.colorType == colorType, "\(name)")
            #expect(png.pixelsPerMetre?.x == 5906 && png.pixelsPerMetre?.y == 5906, "\(name): 150 dpi")
        }
    }

    @Test func aFolderIsConvertedRecursivelyIntoTheSameTree() throws {
        let directory = try TemporaryDirectory()
        try directory.copy(shared: "pydicom-testfiles/test_files/MR_small.dcm", to: "in/a/MR_small.dcm")
        try directory.copy(shared: "pydicom-testfiles/test_files/rtplan.dcm", to: "in/a/b/rtplan.dcm")
        try directory.copy(shared: "pydicom-testfiles/test_files/CT_small.dcm", to: "in/c/CT_small.dcm")
        try directory.copy(shared: "pydicom-testfiles/test_files/CT_small.dcm", to: "in/.hidden/CT_small.dcm")
        let result = try Dcmdeid.run("convert", directory.file("in"), "--output", directory.file("out"))
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try directory.files(in: "out") == ["a/MR_small.dcm", "a/b/rtplan.dcm", "c/CT_small.dcm"])
        for output in try directory.files(in: "out") {
            #expect(try Self.dcmdump("-q", directory.file("out/" + output)).status == 0, "\(output)")
        }
    }

    @Test func aBrokenFileAmongGoodOnesIsReportedOnOneLineAndTheGoodOnesAreStillWritten() throws {
        let directory = try TemporaryDirectory()
        try directory.copy(shared: "pydicom-testfiles/test_files/MR_small.dcm", to: "in/1-good.dcm")
        let broken = try directory.copy(shared: "dcm4che-test-data/3gb-bulk-data-truncated", to: "in/2-broken.dcm")
        try directory.copy(shared: "pydicom-testfiles/test_files/CT_small.dcm", to: "in/3-good.dcm")
        let result = try Dcmdeid.run("convert", directory.file("in"), "--output", directory.file("out"))
        #expect(result.status == 1)
        #expect(result.stderrLines.count == 1, "\(result.stderr)")
        #expect(result.stderr.hasPrefix("error: \(broken): "))
        let outputs = try directory.files(in: "out")
        #expect(outputs == ["1-good.dcm", "3-good.dcm"])
        for output in outputs {
            #expect(try Self.dcmdump("-q", directory.file("out/" + output)).status == 0, "\(output)")
        }
    }

    @Test func aBrokenFileAmongGoodOnesConvertedToPNGIsReportedAndTheGoodOnesAreStillWritten() throws {
        let directory = try TemporaryDirectory()
        try directory.copy(shared: "pydicom-testfiles/test_files/MR_small.dcm", to: "in/1-good.dcm")
        let broken = try directory.copy(shared: "pydicom-testfiles/test_files/MR_truncated.dcm", to: "in/2-broken.dcm")
        try directory.copy(shared: "presidio-image-redactor/png_only/1_ORIGINAL.png", to: "in/3-good.png")
        let result = try Dcmdeid.run("convert", directory.file("in"), "--output", directory.file("out"), "--format", "png")
        #expect(result.status == 1)
        #expect(result.stderrLines.count == 1, "\(result.stderr)")
        #expect(result.stderr.hasPrefix("error: \(broken): "))
        #expect(try directory.files(in: "out") == ["1-good.png", "3-good.png"])
    }

    @Test
    func aFilePretendingToBePNGIsReportedOnOneLine() throws {
        let directory = try TemporaryDirectory()
        try Data("not a png".utf8).write(to: URL(fileURLWithPath: directory.file("fake.png")))
        let result = try Dcmdeid.run("convert", directory.file("fake.png"), "--output", directory.file("out"), "--format", "png")
        #expect(result.status == 1)
        #expect(result.stderrLines.count == 1, "\(result.stderr)")
        #expect(result.stderr.hasPrefix("error: \(directory.file("fake.png")): "))
    }

    @Test func aPNGInputCannotBeWrittenAsDICOM() throws {
        let directory = try TemporaryDirectory()
        let input = SharedData.path("presidio-image-redactor/png_only/1_ORIGINAL.png")
        let result = try Dcmdeid.run("convert", input, "--output", directory.file("out"))
        #expect(result.status == 1)
        #expect(result.stderrLines.count == 1)
        #expect(result.stderr.hasPrefix("error: \(input): "))
        #expect(!FileManager.default.fileExists(atPath: directory.file("out/1_ORIGINAL.png")))
    }

    @Test(arguments: ["dcm4che-test-data/will-jxl.dcm", "pydicom-data/HTJ2K_08_RGB.dcm"])
    func sharedFileInAnUnsupportedTransferSyntaxIsRefusedAndNothingIsWritten(_ relative: String) throws {
        let directory = try TemporaryDirectory()
        for format in ["dicom", "png"] {
            let result = try Dcmdeid.run("convert", SharedData.path(relative), "--output", directory.file(format), "--format", format)
            #expect(result.status == 1, "\(format)")
            #expect(result.stderrLines.count == 1, "\(format): \(result.stderr)")
            #expect(result.stderr.hasPrefix("error: \(SharedData.path(relative)): "), "\(format)")
            #expect(try directory.files(in: format).isEmpty, "\(format)")
        }
    }

    @Test(arguments: [("dcm4che-test-data/will-jxl.dcm", "1.2.840.10008.1.2.4.111 (JPEG XL JPEG Recompression)"),
                      ("pydicom-data/HTJ2K_08_RGB.dcm", "1.2.840.10008.1.2.4.203 (High-Throughput JPEG 2000)")])
    func sharedFileInAnUnsupportedTransferSyntaxIsRefusedNamingTheSyntax(_ relative: String, _ syntax: String) throws {
        let directory = try TemporaryDirectory()
        for format in ["dicom", "png"] {
            let result = try Dcmdeid.run("convert", SharedData.path(relative), "--output", directory.file(format), "--format", format)
            #expect(result.stderrLines == ["error: \(SharedData.path(relative)): unsupported transfer syntax \(syntax)"], "\(format)")
        }
    }
}
