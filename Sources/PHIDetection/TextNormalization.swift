import Foundation

/// The comparison forms OCR text and header values are reduced to.
enum TextNormalization {
    /// Uppercased letters and digits only, diacritics removed ("Müller-Lüdenscheidt" → "MULLERLUDENSCHEIDT").
    /// A `|` counts as the letter I, which OCR usually means by it.
    static func key(_ text: some StringProtocol) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x30...0x39, 0x41...0x5A: scalars.append(scalar)
            case 0x61...0x7A: scalars.append(Unicode.Scalar(scalar.value - 0x20)!)
            case 0x7C: scalars.append("I")
            case 0x80...0x24F:
                scalars.append(contentsOf: latinFolds[Int(scalar.value) - 0x80].unicodeScalars)
            case 0x250...:
                scalars.append(contentsOf: fold(scalar).unicodeScalars)
            default: continue
            }
        }
        return String(scalars)
    }

    /// The key form of one character above ASCII: its letters or digits, diacritics removed, uppercased
    /// ("é" → "E", "ß" → "SS"); nothing for other characters.
    private static func fold(_ scalar: Unicode.Scalar) -> String {
        guard scalar.properties.isAlphabetic || scalar.properties.numericType != nil else { return "" }
        let folded = String(scalar).folding(options: .diacriticInsensitive, locale: nil).uppercased()
        return String(String.UnicodeScalarView(folded.unicodeScalars.filter { $0.properties.isAlphabetic || $0.properties.numericType != nil }))
    }

    /// `fold` of U+0080–U+024F (Latin-1 and the Latin Extended letters), made once: folding through
    /// Foundation costs microseconds a character, and the name lists hold thousands of such names.
    private static let latinFolds: [String] = (0x80...0x24F).map { fold(Unicode.Scalar($0)!) }

    /// Maps the characters OCR confuses onto one of each pair (O→0, Q→0, I→1, L→1, S→5, B→8, Z→2), so that
    /// "IVAN0VA" and "IVANOVA", or "2O14" and "2014", compare equal. Applied to keys on both sides.
    static func ocrFolded(_ key: String) -> String {
        var bytes = Array(key.utf8)
        for i in bytes.indices {
            switch bytes[i] {
            case UInt8(ascii: "O"), UInt8(ascii: "Q"): bytes[i] = UInt8(ascii: "0")
            case UInt8(ascii: "I"), UInt8(ascii: "L"): bytes[i] = UInt8(ascii: "1")
            case UInt8(ascii: "S"): bytes[i] = UInt8(ascii: "5")
            case UInt8(ascii: "B"): bytes[i] = UInt8(ascii: "8")
            case UInt8(ascii: "Z"): bytes[i] = UInt8(ascii: "2")
            default: continue
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Letter pairs OCR reads as one letter and back ("rn" for m, "ri" for n, "cl" for d, "vv" for w), on
    /// `ocrFolded` keys (where I and L are "1"): "MARISOL" and "MANSOL" fold alike.
    static func glyphFolded(_ folded: String) -> String {
        let bytes = Array(folded.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = 0
        while i < bytes.count {
            if i + 1 < bytes.count, let single = glyphPairs[UInt16(bytes[i]) << 8 | UInt16(bytes[i + 1])] {
                out.append(single)
                i += 2
            } else {
                out.append(bytes[i])
                i += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The pairs of `glyphFolded`, as their two bytes.
    private static let glyphPairs: [UInt16: UInt8] = {
        var table: [UInt16: UInt8] = [:]
        for (pair, single) in [("RN", "M"), ("R1", "N"), ("1N", "M"), ("C1", "D"), ("VV", "W")] {
            let bytes = Array(pair.utf8)
            table[UInt16(bytes[0]) << 8 | UInt16(bytes[1])] = Array(single.utf8)[0]
        }
        return table
    }()

    /// Whether `needle` occurs in `haystack`, compared byte for byte (keys are plain uppercase text).
    static func occurs(_ needle: String, in haystack: String) -> Bool {
        let h = haystack.utf8, n = needle.utf8
        guard n.count <= h.count else { return false }
        guard let first = n.first else { return true }
        var start = h.startIndex
        let last = h.index(h.endIndex, offsetBy: -n.count)
        while start <= last {
            if h[start] == first, h[start...].starts(with: n) { return true }
            start = h.index(after: start)
        }
        return false
    }

    /// Levenshtein distance, or `limit + 1` as soon as it is known to exceed `limit`. Works on the UTF-8 bytes
    /// with its two rows on the stack: it runs for many word pairs per image.
    static func editDistance(_ a: String, _ b: String, limit: Int) -> Int {
        var a = a, b = b
        let (m, n) = (a.utf8.count, b.utf8.count)
        if abs(m - n) > limit { return limit + 1 }
        if m == 0 || n == 0 { return max(m, n) }
        return a.withUTF8 { x in
            b.withUTF8 { y in
                withUnsafeTemporaryAllocation(of: Int.self, capacity: 2 * (n + 1)) { rows in
                    var previous = UnsafeMutableBufferPointer(rebasing: rows[0...n])
                    var current = UnsafeMutableBufferPointer(rebasing: rows[(n + 1)...])
                    for j in 0...n { previous[j] = j }
                    for i in 1...m {
                        current[0] = i
                        var rowMinimum = i
                        for j in 1...n {
                            let substitution = previous[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1)
                            current[j] = min(substitution, previous[j] + 1, current[j - 1] + 1)
                            rowMinimum = min(rowMinimum, current[j])
                        }
                        if rowMinimum > limit { return limit + 1 }
                        swap(&previous, &current)
                    }
                    return previous[n]
                }
            }
        }
    }

    /// The fewest edits that make `needle` a substring of `haystack` (a needle found in it approximately,
    /// anywhere), and how many characters of `haystack` follow the best match; nil above `limit`.
    static func substringDistance(_ needle: String, in haystack: String, limit: Int) -> (distance: Int, after: Int)? {
        let x = Array(needle.utf8), y = Array(haystack.utf8)
        guard !x.isEmpty, !y.isEmpty else { return nil }
        // rows over the haystack; a match may begin anywhere in it (row 0 all zeros)
        var previous = [Int](repeating: 0, count: y.count + 1)
        var current = previous
        for i in 1...x.count {
            current[0] = i
            for j in 1...y.count {
                current[j] = min(previous[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1), previous[j] + 1, current[j - 1] + 1)
            }
            swap(&previous, &current)
        }
        guard let end = previous.indices.dropFirst().min(by: { previous[$0] < previous[$1] }), previous[end] <= limit else { return nil }
        return (previous[end], y.count - end)
    }

    /// How many edits a fuzzy match of a value of this length may need: none below 5 characters (short values
    /// only match exactly or after OCR folding), 1 up to 8, 2 from 9.
    static func allowedEdits(forLength length: Int) -> Int {
        switch length {
        case ..<5: 0
        case 5...8: 1
        default: 2
        }
    }
}

/// Letter, digit and case tests on Unicode scalars, with an ASCII fast path (most OCR text is ASCII).
enum ScalarClass {
    static func isDigit(_ scalar: Unicode.Scalar) -> Bool { scalar.value >= 0x30 && scalar.value <= 0x39 }

    static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x41...0x5A, 0x61...0x7A: true
        case 0..<0x80: false
        default: scalar.properties.isAlphabetic
        }
    }

    static func isUppercase(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x41...0x5A: true
        case 0..<0x80: false
        default: scalar.properties.isUppercase
        }
    }
}

extension String {
    /// Whether the text contains this ASCII character: a byte scan, never Foundation's string search.
    func has(_ character: Unicode.Scalar) -> Bool {
        precondition(character.isASCII, "has(_:) takes ASCII characters")
        let byte = UInt8(character.value)
        return utf8.withContiguousStorageIfAvailable { $0.contains(byte) } ?? utf8.contains(byte)
    }
}

extension Substring {
    /// Whether the text contains this ASCII character.
    func has(_ character: Unicode.Scalar) -> Bool { String(self).has(character) }
}
