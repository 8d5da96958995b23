import DicomCore
import Foundation
import Testing

@Suite("Instance")
struct InstanceTests {
    static let mrSmall = "pydicom-testfiles/test_files/MR_small.dcm"

    /// The top-level elements whose value (or VR) differs between two files, read by pydicom.
    /// Encapsulated pixel data may change VR from OW to OB: DCMTK corrects it, PS3.5 A.4 requires OB.
    static func pydicomDifferences(_ first: String, _ second: String) throws -> [String] {
        try Pydicom.run("""
            import sys, pydicom
            a = pydicom.dcmread(sys.argv[1], force=True)
            b = pydicom.dcmread(sys.argv[2], force=True)
            for element in a:
                if element.tag not in b:
                    print("missing", element.tag)
                elif b[element.tag].value != element.value:
                    print("value changed", element.tag)
                elif b[element.tag].VR != element.VR and element.tag != 0x7FE00010:
                    print("VR changed", element.tag, element.VR, b[element.tag].VR)
            for element in b:
                if element.tag not in a:
                    print("added", element.tag)
            """, [first, second]).split(separator: "\n").map(String.init)
    }

    // MARK: loading

    @Test func sharedPart10FileHasItsMetaHeaderAndTransferSyntax() throws {
        let instance = try Instance(contentsOf: SharedData.path(Self.mrSmall))
        #expect(instance.hadMetaHeader)
        #expect(instance.originalTransferSyntax == .explicitLittleEndian)
        #expect(instance.meta.string(.transferSyntaxUID) == "1.2.840.10008.1.2.1")
        #expect(instance.meta.string(.mediaStorageSOPInstanceUID) == instance.dataset.string(.sopInstanceUID))
        #expect(instance.sourcePath == SharedData.path(Self.mrSmall))
        #expect(instance.hasPixelData)
    }

    @Test(arguments: [
        ("orthanc-tests/TransferSyntaxes/1.2.840.10008.1.2.dcm", "1.2.840.10008.1.2"),
        ("pydicom-testfiles/test_files/ExplVR_LitEndNoMeta.dcm", "1.2.840.10008.1.2.1"),
        ("pydicom-testfiles/test_files/ExplVR_BigEndNoMeta.dcm", "1.2.840.10008.1.2.2"),
    ])
    func sharedRawDatasetWithoutMetaHeaderLoadsWithItsDetectedEncoding(_ relative: String, _ uid: String) throws {
        let instance = try Instance(contentsOf: SharedData.path(relative))
        #expect(!instance.hadMetaHeader)
        #expect(instance.originalTransferSyntax.uid == uid)
        #expect(!instance.dataset.elements.isEmpty)
    }

    @Test func sharedDualPersonalityFileWithATIFFPreambleLoads() throws {
        let path = SharedData.path("nema-wg04-compsamples/VL1_UNC")
        let preamble = try #require(FileHandle(forReadingAtPath: path)).readData(ofLength: 4)
        #expect(Array(preamble) == [0x49, 0x49, 0x2A, 0x00])  // "II*\0"
        let instance = try Instance(contentsOf: path)
        #expect(instance.dataset.firstValue(.photometricInterpretation) == "RGB")
        #expect(try instance.decodePixels().description.samplesPerPixel == 3)
    }

    @Test func missingFileIsRefusedNamingIt() {
        let path = "/nonexistent/dcmdeid/missing.dcm"
        #expect {
            try Instance(contentsOf: path)
        } throws: { error in
            guard case let .cannotRead(errorPath, _) = error as? DicomError else { return false }
            return errorPath == path
        }
    }

    // MARK: writing

    @Test(arguments: [
        mrSmall,
        "pydicom-testfiles/test_files/rtplan.dcm",
        "pydicom-testfiles/test_files/MR_small_RLE.dcm",
        "pydicom-testfiles/test_files/MR_small_bigendian.dcm",
        "pydicom-testfiles/test_files/SC_rgb_jpeg_dcmtk.dcm",
        "pydicom-testfiles/test_files/MR_small_jp2klossless.dcm",
        "presidio-image-redactor/dicom/2_ORIGINAL.dcm",
    ])
    func sharedFileWrittenUnchangedEqualsItsInputElementByElementForPydicom(_ relative: String) throws {
        let directory = try TemporaryDirectory()
        let instance = try Instance(contentsOf: SharedData.path(relative))
        let output = directory.file("out.dcm")
        try instance.write(to: output, transferSyntax: instance.losslessTransferSyntax(pixelsModified: false))
        let differences = try Self.pydicomDifferences(SharedData.path(relative), output)
        #expect(differences == [])
        #expect(try Instance(contentsOf: output).originalTransferSyntax == instance.originalTransferSyntax)
    }

    @Test func changedValuesSurviveWritingAndReadingBack() throws {
        let directory = try TemporaryDirectory()
        let instance = try Instance(contentsOf: SharedData.path(Self.mrSmall))
        try instance.dataset.set(.patientName, string: "Doe^Jane")
        try instance.dataset.remove(.patientID)
        try instance.dataset.setEmpty(.studyDate)
        try instance.dataset.set(Tag(0x0011, 0x0010), string: "ACME 1.0", vr: .LO)
        try instance.dataset.set(Tag(0x0011, 0x1001), string: "secret", vr: .LO)
        let item = try instance.dataset.appendItem(.deidentificationMethodCodeSequence)
        try item.set(.codeValue, string: "113100")
        let output = directory.file("out.dcm")
        try instance.write(to: output, transferSyntax: .explicitLittleEndian)

        let reread = try Instance(contentsOf: output).dataset
        #expect(reread.string(.patientName) == "Doe^Jane")
        #expect(!reread.contains(.patientID))
        #expect(reread.element(.studyDate)?.length == 0)
        #expect(reread.privateCreator(of: Tag(0x0011, 0x1001)) == "ACME 1.0")
        #expect(reread.string(Tag(0x0011, 0x1001)) == "secret")
        #expect(reread.items(.deidentificationMethodCodeSequence).first?.string(.codeValue) == "113100")

        let pydicom = try Pydicom.run("""
            import sys, pydicom
            d = pydicom.dcmread(sys.argv[1])
            print(d.PatientName, "PatientID" in d, repr(d.StudyDate), d.private_block(0x0011, "ACME 1.0")[0x01].value,
                  d.DeidentificationMethodCodeSequence[0].CodeValue, sep="|")
            """, [output])
        #expect(pydicom == "Doe^Jane|False|''|secret|113100\n")
    }

    @Test func writingLeavesOnlyTheOutputFileNoTemporaryFiles() throws {
        let directory = try TemporaryDirectory()
        let instance = try Instance(contentsOf: SharedData.path(Self.mrSmall))
        try instance.write(to: directory.file("nested/out.dcm"), transferSyntax: .explicitLittleEndian)
        try instance.write(to: directory.file("nested/out.dcm"), transferSyntax: .implicitLittleEndian)  // replaces it
        #expect(try directory.contents() == ["nested", "nested/out.dcm"])
        #expect(try Instance(contentsOf: directory.file("nested/out.dcm")).originalTransferSyntax == .implicitLittleEndian)
    }

    @Test func writingUnderAPathWhoseDirectoryIsAFileThrowsAndLeavesNothing() throws {
        let directory = try TemporaryDirectory()
        try Data("x".utf8).write(to: URL(fileURLWithPath: directory.file("plain")))
        let instance = try Instance(contentsOf: SharedData.path(Self.mrSmall))
        #expect(throws: (any Error).self) {
            try instance.write(to: directory.file("plain/out.dcm"), transferSyntax: .explicitLittleEndian)
        }
        #expect(try directory.contents() == ["plain"])
    }

    @Test func writingUnderAPathWhoseDirectoryIsAFileThrowsCannotWriteNamingThePath() throws {
        let directory = try TemporaryDirectory()
        try Data("x".utf8).write(to: URL(fileURLWithPath: directory.file("plain")))
        let instance = try Instance(contentsOf: SharedData.path(Self.mrSmall))
        let output = directory.file("plain/out.dcm")
        #expect {
            try instance.write(to: output, transferSyntax: .explicitLittleEndian)
        } throws: { error in
            guard case let .cannotWrite(path, _) = error as? DicomError else { return false }
            return path == output
        }
    }

    @Test func writingOverAnExistingDirectoryThrowsCannotWriteAndRemovesTheTemporaryFile() throws {
        let directory = try TemporaryDirectory()
        try FileManager.default.createDirectory(atPath: directory.file("taken.dcm"), withIntermediateDirectories: false)
        let instance = try Instance(contentsOf: SharedData.path(Self.mrSmall))
        #expect {
            try instance.write(to: directory.file("taken.dcm"), transferSyntax: .explicitLittleEndian)
        } throws: { error in
            guard case let .cannotWrite(path, _) = error as? DicomError else { return false }
            return path == directory.file("taken.dcm")
        }
        #expect(try directory.contents() == ["taken.dcm"])
    }

    @Test func writingPixelsInALossyTransferSyntaxIsRefusedAndLeavesNothing() throws {
        let directory = try TemporaryDirectory()
        let instance = try Instance(contentsOf: SharedData.path(Self.mrSmall))
        #expect(throws: DicomError.self) {
            try instance.write(to: directory.file("out.dcm"), transferSyntax: .jpegBaseline)
        }
        #expect(try directory.contents() == [])
    }

    @Test(arguments: ["dcm4che-test-data/will-jxl.dcm", "pydicom-data/HTJ2K_08_RGB.dcm"])
    func sharedFileInAnUnsupportedTransferSyntaxIsNotPassedThroughByWriting(_ relative: String) throws {
        let directory = try TemporaryDirectory()
        let instance = try Instance(contentsOf: SharedData.path(relative))
        for syntax in [instance.losslessTransferSyntax(pixelsModified: false), instance.originalTransferSyntax, .explicitLittleEndian] {
            let error = #expect(throws: DicomError.self) {
                try instance.write(to: directory.file("out.dcm"), transferSyntax: syntax)
            }
            #expect(error == .unsupportedTransferSyntax(uid: instance.originalTransferSyntax.uid,
                                                        name: instance.originalTransferSyntax.name))
        }
        #expect(try directory.contents() == [])
    }

    @Test func writingNeverModifiesTheInputFile() throws {
        let directory = try TemporaryDirectory()
        let input = directory.file("input.dcm")
        try FileManager.default.copyItem(atPath: SharedData.path("pydicom-testfiles/test_files/MR_small_RLE.dcm"), toPath: input)
        let before = try Data(contentsOf: URL(fileURLWithPath: input))
        let instance = try Instance(contentsOf: input)
        try instance.dataset.set(.patientName, string: "Changed")
        var frames = try instance.decodePixels()
        frames.setSample(0, frame: 0, row: 0, column: 0)
        try instance.replacePixels(with: frames)
        try instance.write(to: directory.file("output.dcm"), transferSyntax: instance.losslessTransferSyntax(pixelsModified: true))
        #expect(try Data(contentsOf: URL(fileURLWithPath: input)) == before)
    }

    // MARK: transfer syntax policy

    @Test(arguments: [
        ("pydicom-testfiles/test_files/MR_small_implicit.dcm", "1.2.840.10008.1.2"),
        ("pydicom-testfiles/test_files/MR_small.dcm", "1.2.840.10008.1.2.1"),
        ("pydicom-testfiles/test_files/image_dfl.dcm", "1.2.840.10008.1.2.1.99"),
        ("pydicom-testfiles/test_files/MR_small_bigendian.dcm", "1.2.840.10008.1.2.2"),
        ("pydicom-testfiles/test_files/MR_small_RLE.dcm", "1.2.840.10008.1.2.5"),
        ("orthanc-tests/TransferSyntaxes/1.2.840.10008.1.2.4.57.dcm", "1.2.840.10008.1.2.4.57"),
        ("fo-dicom-testdata/GH184.dcm", "1.2.840.10008.1.2.4.70"),
        ("pydicom-testfiles/test_files/MR_small_jpeg_ls_lossless.dcm", "1.2.840.10008.1.2.4.80"),
        ("pydicom-testfiles/test_files/SC_rgb_jpeg_dcmtk.dcm", "1.2.840.10008.1.2.1"),
        ("pydicom-testfiles/test_files/JPGExtended.dcm", "1.2.840.10008.1.2.1"),
        ("pydicom-testfiles/test_files/JPEGLSNearLossless_08.dcm", "1.2.840.10008.1.2.1"),
        ("pydicom-testfiles/test_files/693_J2KI.dcm", "1.2.840.10008.1.2.1"),
        // No JPEG 2000 encoder in this build: reversible J2K is written as explicit VR little endian.
        ("pydicom-testfiles/test_files/MR_small_jp2klossless.dcm", "1.2.840.10008.1.2.4.90"),
    ])
    func sharedFileWithChangedPixelsIsWrittenInItsSyntaxOnlyWhenThatIsLossless(_ relative: String, _ expected: String) throws {
        let instance = try Instance(contentsOf: SharedData.path(relative))
        #expect(instance.losslessTransferSyntax(pixelsModified: true).uid == expected)
    }

    @Test(arguments: [
        "pydicom-testfiles/test_files/MR_small_implicit.dcm",
        "pydicom-testfiles/test_files/SC_rgb_jpeg_dcmtk.dcm",
        "pydicom-testfiles/test_files/JPEGLSNearLossless_08.dcm",
        "pydicom-testfiles/test_files/693_J2KI.dcm",
        "pydicom-testfiles/test_files/MR_small_jp2klossless.dcm",
    ])
    func sharedFileWithUnchangedPixelsIsWrittenInItsOriginalSyntax(_ relative: String) throws {
        let instance = try Instance(contentsOf: SharedData.path(relative))
        #expect(instance.losslessTransferSyntax(pixelsModified: false) == instance.originalTransferSyntax)
    }

    // MARK: hostile files

    @Test func sharedFileDeclaringA3GiBElementIsRefusedWithoutAllocatingIt() {
        let path = SharedData.path("dcm4che-test-data/3gb-bulk-data-truncated")
        #expect {
            try Instance(contentsOf: path)
        } throws: { error in
            guard case let .cannotRead(errorPath, reason) = error as? DicomError else { return false }
            return errorPath == path && !reason.isEmpty
        }
    }

    @Test func sharedDeeplyNestedSequenceFileIsRefusedWithoutCrashing() throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("deeply-nested.dcm")
        let gunzip = try Subprocess.run("/bin/sh", ["-c", "gunzip -c \"$0\" > \"$1\"",
                                                    SharedData.path("orthanc-tests/robustness/2026-05-06-Deeply-Nested-Sequence.dcm.gz"), path])
        try #require(gunzip.status == 0, "\(gunzip.stderr)")
        #expect {
            try Instance(contentsOf: path)
        } throws: { error in
            guard case let .cannotRead(_, reason) = error as? DicomError else { return false }
            return reason.contains("nested")
        }
    }

    @Test func nestingWithinALowerLimitIsRefusedToo() {
        var limits = Instance.Limits()
        limits.maxNestingDepth = 1
        // rtplan nests FractionGroupSequence > ReferencedBeamSequence: two levels.
        #expect(throws: DicomError.self) {
            try Instance(contentsOf: SharedData.path("pydicom-testfiles/test_files/rtplan.dcm"), limits: limits)
        }
    }

    @Test(arguments: ["pydicom-testfiles/test_files/MR_truncated.dcm", "pydicom-testfiles/test_files/rtplan_truncated.dcm"])
    func sharedTruncatedFileIsRefused(_ relative: String) {
        #expect(throws: DicomError.self) {
            let instance = try Instance(contentsOf: SharedData.path(relative))
            _ = try instance.decodePixels()
        }
    }
}
