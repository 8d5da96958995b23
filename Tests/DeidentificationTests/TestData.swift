import DicomCore
import Foundation

/// Where the tests find their data: the repository's `profiles/` folder and the PS3.15 tables in
/// `../shared/standard` (the independent truth the generated profiles are checked against).
enum TestData {
    /// The repository root (this file is `Tests/DeidentificationTests/TestData.swift`).
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static let profiles = repository.appendingPathComponent("profiles").path

    static let standard = repository.deletingLastPathComponent().appendingPathComponent("shared/standard")
}

/// A fresh directory under the system temporary directory, removed when the value is released.
final class TemporaryDirectory {
    let path: String

    init() throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("dcmdeid-deid-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: base, withIntermediateDirectories: true)
        path = base.path
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    func file(_ name: String) -> String { (path as NSString).appendingPathComponent(name) }

    /// Writes `text` to `name` in the directory and returns its path.
    func write(_ name: String, _ text: String) throws -> String {
        let path = file(name)
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }
}

/// A DICOM tag (Swift Testing has a `Tag` type of its own).
typealias Tag = DicomCore.Tag
