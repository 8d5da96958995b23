import DicomCore
import Foundation

/// Temporary files a killed run left behind (`.NAME.PID.RANDOM.tmp`, see AtomicFile). A resumed run
/// removes those whose process is gone, so the output tree ends up as if the run had not been killed.
public enum StaleTemporaryFiles {
    /// Removes stale temporary files under `directory`; returns how many.
    @discardableResult
    public static func clean(under directory: String) -> Int {
        guard let walker = FileManager.default.enumerator(atPath: directory) else { return 0 }
        var removed = 0
        while let relative = walker.nextObject() as? String {
            let name = PathName.name(of: relative)
            guard let pid = ownerPID(of: name), kill(pid, 0) != 0 else { continue }
            if unlink(PathName.join(directory, relative)) == 0 { removed += 1 }
        }
        return removed
    }

    /// The writing process of a temporary file name, or nil if the name is not one of ours.
    static func ownerPID(of name: String) -> pid_t? {
        guard name.hasPrefix("."), name.hasSuffix(".tmp") else { return nil }
        let parts = name.dropLast(4).split(separator: ".")
        guard parts.count >= 3, let pid = pid_t(parts[parts.count - 2]), UInt32(parts[parts.count - 1]) != nil else { return nil }
        return pid
    }
}
