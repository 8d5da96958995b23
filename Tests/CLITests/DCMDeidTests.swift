import Foundation
import Testing

/// The root command: version, help and the exit status of bad usage (2).
@Suite("DCMDeid")
struct DCMDeidTests {
    @Test func versionPrintsTheToolAndDCMTKVersionsAndExitsZero() throws {
        let result = try Dcmdeid.run("--version")
        #expect(result.status == 0)
        #expect(result.stdout.wholeMatch(of: /dcmdeid \d+\.\d+\.\d+ \(DCMTK 3\.6\.\d+\)\n/) != nil, "\(result.stdout)")
        #expect(result.stderr.isEmpty)
    }

    @Test
    func helpListsTheSubcommandsOnStdoutAndExitsZero() throws {
        let result = try Dcmdeid.run("--help")
        #expect(result.status == 0)
        #expect(result.stdout.contains("USAGE: dcmdeid"))
        #expect(result.stdout.contains("inspect"))
        #expect(result.stdout.contains("convert"))
        #expect(result.stdout.contains("Exit status"))
        #expect(result.stderr.isEmpty)
    }

    @Test
    func subcommandHelpDescribesItsOptionsAndExitsZero() throws {
        let result = try Dcmdeid.run("convert", "--help")
        #expect(result.status == 0)
        #expect(result.stdout.contains("--output"))
        #expect(result.stdout.contains("--format"))
        #expect(result.stdout.contains("--dpi"))
    }

    @Test func helpIsNeverACrash() throws {
        for arguments in [["--help"], ["-h"], ["help"], ["convert", "--help"], ["inspect", "-h"], []] {
            let result = try Dcmdeid.run(arguments)
            #expect(!result.crashed, "\(arguments)")
            #expect(result.status != 2, "\(arguments): asking for help is not bad usage")
        }
    }

    @Test func anUnknownOptionIsBadUsage() throws {
        let result = try Dcmdeid.run("convert", SharedData.path("pydicom-testfiles/test_files/MR_small.dcm"),
                                     "--output", "/tmp/never-written", "--bogus")
        #expect(result.status == 2)
        #expect(result.stderr.contains("--bogus"))
        #expect(result.stdout.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: "/tmp/never-written"))
    }

    @Test func anUnknownSubcommandIsBadUsage() throws {
        let result = try Dcmdeid.run("frobnicate")
        #expect(result.status == 2)
        #expect(result.stderr.contains("frobnicate"))
    }

    @Test func convertWithoutAnOutputFolderIsBadUsage() throws {
        let result = try Dcmdeid.run("convert", SharedData.path("pydicom-testfiles/test_files/MR_small.dcm"))
        #expect(result.status == 2)
        #expect(result.stderr.contains("--output"))
        #expect(result.stdout.isEmpty)
    }

    @Test func convertToAnUnknownFormatIsBadUsage() throws {
        let directory = try TemporaryDirectory()
        let result = try Dcmdeid.run("convert", SharedData.path("pydicom-testfiles/test_files/MR_small.dcm"),
                                     "--output", directory.file("out"), "--format", "gif")
        #expect(result.status == 2)
        #expect(result.stderr.contains("gif"))
        #expect(!FileManager.default.fileExists(atPath: directory.file("out")))
    }

    @Test func convertWithANonPositiveDPIIsBadUsage() throws {
        let directory = try TemporaryDirectory()
        let result = try Dcmdeid.run("convert", SharedData.path("pydicom-testfiles/test_files/MR_small.dcm"),
                                     "--output", directory.file("out"), "--format", "png", "--dpi", "0")
        #expect(result.status == 2)
        #expect(result.stderr.contains("--dpi"))
        #expect(!FileManager.default.fileExists(atPath: directory.file("out")))
    }

    @Test func convertOfAMissingInputIsBadUsageNamingIt() throws {
        let directory = try TemporaryDirectory()
        let result = try Dcmdeid.run("convert", directory.file("missing.dcm"), "--output", directory.file("out"))
        #expect(result.status == 2)
        #expect(result.stderr.contains(directory.file("missing.dcm")))
        #expect(!FileManager.default.fileExists(atPath: directory.file("out")))
    }

    @Test func inspectWithoutAFileIsBadUsage() throws {
        let result = try Dcmdeid.run("inspect")
        #expect(result.status == 2)
        #expect(result.stderr.contains("<file>"))
    }
}
