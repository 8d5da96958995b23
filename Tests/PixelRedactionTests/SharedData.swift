import Foundation

/// The shared corpus and evaluation kit beside the repository (`../shared/data`, `../shared/eval`),
/// found from this file's location so tests run from anywhere.
enum SharedData {
    /// The repository root (this file is `Tests/PixelRedactionTests/SharedData.swift`).
    static let repository = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static let shared = repository.deletingLastPathComponent().appendingPathComponent("shared")

    static func data(_ relative: String) -> String { shared.appendingPathComponent("data/\(relative)").path }
    static func eval(_ relative: String) -> String { shared.appendingPathComponent("eval/\(relative)").path }

    static func exists(_ path: String) -> Bool { FileManager.default.fileExists(atPath: path) }

    /// The development pixel set, when the evaluation kit is present.
    static var devPixels: String { eval(ProcessInfo.processInfo.environment["PIXEL_SET"] ?? "dev-pixels") }
    static var hasDevPixels: Bool { exists(devPixels + "/input") }
}
