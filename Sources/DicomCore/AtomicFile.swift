import Foundation

/// Temporary-file-then-rename writing, so a crash never leaves a partial output under the final name.
public enum AtomicFile {
    private static let madeDirectories = DirectorySet()

    /// Creates the folder of `path` if needed (remembering folders already made in this process).
    public static func ensureDirectory(of path: String) throws {
        let directory = PathName.directory(of: path)
        let folder = directory.isEmpty ? "." : directory
        guard !madeDirectories.contains(folder) else { return }
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw DicomError.cannotWrite(path: path, reason: "cannot create folder \(folder): \(error.localizedDescription)")
        }
        madeDirectories.insert(folder)
    }

    public static func temporaryPath(for path: String) -> String {
        let directory = PathName.directory(of: path)
        let name = PathName.name(of: path)
        return (directory.isEmpty ? "." : directory) + "/.\(name).\(getpid()).\(UInt32.random(in: 0...UInt32.max)).tmp"
    }

    /// Renames the finished temporary file over `path`. (No fsync: rename already guarantees that a
    /// killed process leaves either the whole file or none; power-loss durability is the archive's job.)
    public static func commit(temporary: String, to path: String) throws {
        guard rename(temporary, path) == 0 else {
            throw DicomError.cannotWrite(path: path, reason: String(cString: strerror(errno)))
        }
    }

    /// Writes `data` to `path` atomically.
    public static func write(_ data: Data, to path: String) throws {
        let directory = PathName.directory(of: path)
        try FileManager.default.createDirectory(atPath: directory.isEmpty ? "." : directory,
                                                withIntermediateDirectories: true)
        let temporary = temporaryPath(for: path)
        do {
            try data.write(to: URL(fileURLWithPath: temporary))
            try commit(temporary: temporary, to: path)
        } catch let error as DicomError {
            unlink(temporary)
            throw error
        } catch {
            unlink(temporary)
            throw DicomError.cannotWrite(path: path, reason: error.localizedDescription)
        }
    }
}

/// A thread-safe set of folder paths.
final class DirectorySet: @unchecked Sendable {
    private var paths = Set<String>()
    private let lock = NSLock()

    func contains(_ path: String) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        return paths.contains(path)
    }

    func insert(_ path: String) {
        lock.lock()
        paths.insert(path)
        lock.unlock()
    }
}
