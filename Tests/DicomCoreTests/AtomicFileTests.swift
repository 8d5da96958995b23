import DicomCore
import Foundation
import Testing

@Suite("AtomicFile")
struct AtomicFileTests {
    @Test func writeCreatesTheFileAndItsFolderAndLeavesNoTemporaryFile() throws {
        let directory = try TemporaryDirectory()
        try AtomicFile.write(Data("first".utf8), to: directory.file("a/b/out.txt"))
        try AtomicFile.write(Data("second".utf8), to: directory.file("a/b/out.txt"))
        #expect(try directory.contents() == ["a", "a/b", "a/b/out.txt"])
        #expect(try String(contentsOfFile: directory.file("a/b/out.txt"), encoding: .utf8) == "second")
    }

    @Test func temporaryFileIsHiddenBesideTheTarget() {
        let temporary = AtomicFile.temporaryPath(for: "/data/out/image.dcm")
        #expect(temporary.hasPrefix("/data/out/.image.dcm."))
        #expect(temporary.hasSuffix(".tmp"))
        #expect(AtomicFile.temporaryPath(for: "/data/out/image.dcm") != temporary)
    }

    @Test func failedWriteOverADirectoryThrowsCannotWriteAndLeavesNothing() throws {
        let directory = try TemporaryDirectory()
        try FileManager.default.createDirectory(atPath: directory.file("taken"), withIntermediateDirectories: false)
        #expect {
            try AtomicFile.write(Data("x".utf8), to: directory.file("taken"))
        } throws: { error in
            guard case let .cannotWrite(path, _) = error as? DicomError else { return false }
            return path == directory.file("taken")
        }
        #expect(try directory.contents() == ["taken"])
    }
}
