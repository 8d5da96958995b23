import Foundation

/// The public DICOM corpus shared by every checkout: `../shared/data` beside the repository
/// (see its MANIFEST.md and INVENTORY.tsv). Found from this file's location, so tests run from anywhere.
enum SharedData {
    /// The repository root (this file is `Tests/CLITests/SharedData.swift`).
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static let root = repository.deletingLastPathComponent().appendingPathComponent("shared/data")

    /// The absolute path of a corpus file, e.g. `path("dcm4che-test-data/ovly_p01.dcm")`.
    static func path(_ relative: String) -> String {
        root.appendingPathComponent(relative).path
    }
}
