import Foundation

/// A fresh directory under the system temporary directory, removed when the value is released.
final class TemporaryDirectory {
    let path: String

    init() throws {
        let base = FileManager.default.temporaryDirectory
            .appendingPathComponent("dcmdeid-cli-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: base, withIntermediateDirectories: true)
        path = base.path
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    func file(_ name: String) -> String { (path as NSString).appendingPathComponent(name) }

    /// Copies a corpus file to `name` (creating folders), returning the copy's path.
    @discardableResult
    func copy(shared relative: String, to name: String) throws -> String {
        let target = file(name)
        try FileManager.default.createDirectory(atPath: (target as NSString).deletingLastPathComponent,
                                                withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: SharedData.path(relative), toPath: target)
        return target
    }

    /// Every file under `subfolder` (recursively), relative to it, sorted; folders are left out.
    /// None when the folder does not exist.
    func files(in subfolder: String) throws -> [String] {
        let root = file(subfolder)
        guard FileManager.default.fileExists(atPath: root) else { return [] }
        return try FileManager.default.subpathsOfDirectory(atPath: root).filter { relative in
            var isDirectory: ObjCBool = false
            let exists = FileManager.default.fileExists(atPath: (root as NSString).appendingPathComponent(relative),
                                                        isDirectory: &isDirectory)
            return exists && !isDirectory.boolValue
        }.sorted()
    }
}
