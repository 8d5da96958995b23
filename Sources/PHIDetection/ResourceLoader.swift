import Foundation

/// Reads the built-in lists from a resource directory: one entry a line, `#` starts a comment line.
struct ResourceLoader: Sendable {
    let directory: URL

    /// The `Resources` folder copied into this module's bundle.
    static func bundled() throws -> ResourceLoader {
        guard let url = Bundle.module.url(forResource: "Resources", withExtension: nil) else {
            throw PHIDetectionError.missingResource(name: "Resources")
        }
        return ResourceLoader(directory: url)
    }

    /// The non-empty, non-comment lines of `name`, each with its 1-based line number.
    func lines(_ name: String) throws -> [(number: Int, text: String)] {
        let url = directory.appendingPathComponent(name)
        guard FileManager.default.fileExists(atPath: url.path) else { throw PHIDetectionError.missingResource(name: name) }
        let content: String
        do {
            content = try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw PHIDetectionError.unreadableResource(name: name, reason: "\(error)")
        }
        return Self.entries(of: content)
    }

    /// The entries of a word list, uppercased.
    func upperSet(_ name: String) throws -> Set<String> {
        let entries = try lines(name)
        var set = Set<String>(minimumCapacity: entries.count)
        for entry in entries { set.insert(entry.text.uppercased()) }
        return set
    }

    /// The non-empty, non-comment lines of a list's text, trimmed, with their 1-based numbers.
    /// Split and trimmed as UTF-8 bytes (newline, space, tab and carriage return are ASCII and never
    /// part of a longer character): the name lists hold some 35,000 lines, read at every start.
    static func entries(of content: String) -> [(number: Int, text: String)] {
        var content = content
        return content.withUTF8 { bytes in
            var result: [(Int, String)] = []
            var number = 0, start = 0
            while start <= bytes.count {
                var end = start
                while end < bytes.count && bytes[end] != 0x0A { end += 1 }
                number += 1
                var first = start, last = end
                while first < last && isBlank(bytes[first]) { first += 1 }
                while last > first && isBlank(bytes[last - 1]) { last -= 1 }
                if first < last && bytes[first] != UInt8(ascii: "#") {
                    result.append((number, String(decoding: UnsafeBufferPointer(rebasing: bytes[first..<last]), as: UTF8.self)))
                }
                start = end + 1
            }
            return result
        }
    }

    private static func isBlank(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0D }
}

/// An `NSRegularExpression`, which is immutable and safe to share between threads once compiled.
struct CompiledPattern: @unchecked Sendable {
    let regex: NSRegularExpression

    init(_ pattern: String, options: NSRegularExpression.Options = [], file: String = "", line: Int = 0) throws {
        do {
            regex = try NSRegularExpression(pattern: pattern, options: options)
        } catch {
            throw PHIDetectionError.invalidPattern(file: file, line: line, pattern: pattern, reason: "\(error)")
        }
    }

    func matches(_ text: String) -> [NSRange] {
        regex.matches(in: text, range: NSRange(location: 0, length: (text as NSString).length)).map(\.range)
    }

    func matchesWhole(_ text: String) -> Bool {
        let length = (text as NSString).length
        guard let match = regex.firstMatch(in: text, options: [.anchored], range: NSRange(location: 0, length: length))
        else { return false }
        return match.range.length == length
    }
}
