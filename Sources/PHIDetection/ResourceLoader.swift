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
        var result: [(Int, String)] = []
        for (offset, line) in content.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let text = Self.trimmed(line)
            guard !text.isEmpty, !text.hasPrefix("#") else { continue }
            result.append((offset + 1, text))
        }
        return result
    }

    /// The entries of a word list, uppercased.
    func upperSet(_ name: String) throws -> Set<String> {
        Set(try lines(name).map { $0.text.uppercased() })
    }

    /// Without leading and trailing spaces, tabs and carriage returns.
    static func trimmed(_ line: Substring) -> String {
        let isBlank = { (c: Character) in c == " " || c == "\t" || c == "\r" }
        guard let start = line.firstIndex(where: { !isBlank($0) }), let end = line.lastIndex(where: { !isBlank($0) }) else { return "" }
        return String(line[start...end])
    }
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
