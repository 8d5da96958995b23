import Foundation

/// Inputs named one per line in a file or on stdin (`-`), streamed: each path is a file
/// (its output goes under its own name) or a folder (walked). Blank lines and `#` comments are ignored.
public struct InputList: Sequence {
    public let source: String

    public init(source: String) { self.source = source }

    public func makeIterator() -> AnyIterator<InputFile> {
        let reader = LineReader(path: source)
        var walker: AnyIterator<InputFile>?
        return AnyIterator {
            while true {
                if let next = walker?.next() { return next }
                guard let line = reader.next() else { return nil }
                let path = line.trimmingCharacters(in: .whitespacesAndNewlines)
                guard !path.isEmpty, !path.hasPrefix("#") else { continue }
                walker = InputWalker(roots: [path]).makeIterator()
            }
        }
    }

    public static func check(_ source: String) throws {
        guard source == "-" || FileManager.default.isReadableFile(atPath: source) else {
            throw PipelineError.cannotReadList(path: source)
        }
    }
}

/// Reads lines one at a time (getline), closing the file at its end.
final class LineReader {
    private var file: UnsafeMutablePointer<FILE>?

    init(path: String) {
        file = path == "-" ? fdopen(dup(STDIN_FILENO), "r") : fopen(path, "r")
    }

    deinit { close() }

    func next() -> String? {
        guard let file else { return nil }
        var line: UnsafeMutablePointer<CChar>?
        var capacity = 0
        defer { free(line) }
        guard getline(&line, &capacity, file) >= 0, let line else {
            close()
            return nil
        }
        return String(cString: line)
    }

    private func close() {
        if let file { fclose(file) }
        file = nil
    }
}
