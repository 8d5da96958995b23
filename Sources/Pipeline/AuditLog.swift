import DicomCore
import Foundation

/// The append-only JSON-lines audit file of a run. Lines are flushed as they are written so a killed
/// run keeps every record made before it died.
public final class AuditLog: @unchecked Sendable {
    public let path: String
    private let handle: FileHandle
    private let encoder: JSONEncoder
    private let lock = NSLock()

    public init(path: String) throws {
        self.path = path
        if !FileManager.default.fileExists(atPath: path) {
            try AtomicFile.ensureDirectory(of: path)
            _ = FileManager.default.createFile(atPath: path, contents: nil)  // a failure shows below
        }
        guard let handle = FileHandle(forWritingAtPath: path) else {
            throw PipelineError.cannotWriteAudit(path: path)
        }
        handle.seekToEndOfFile()
        self.handle = handle
        encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    }

    deinit { try? handle.close() }

    public func append<T: Encodable>(_ record: T) {
        guard var data = try? encoder.encode(record) else { return }
        data.append(0x0A)
        lock.lock()
        handle.write(data)
        lock.unlock()
    }

    /// Relative paths recorded as written (status ok) by a run with this fingerprint.
    public static func completed(in path: String, runFingerprint: String) -> Set<String> {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return [] }
        let decoder = JSONDecoder()
        var done = Set<String>()
        for line in text.split(separator: "\n") {
            guard let record = try? decoder.decode(AuditRecord.self, from: Data(line.utf8)),
                  record.status == "ok", record.runFingerprint == runFingerprint else { continue }
            done.insert(record.relativePath)
        }
        return done
    }
}
