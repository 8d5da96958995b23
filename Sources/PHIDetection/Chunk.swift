/// A piece of an OCR word as the date and time parsers see it: a run of digits, a run of letters, or one
/// separator character.
struct Chunk: Hashable, Sendable {
    enum Kind: Hashable, Sendable { case number, word, separator }

    var kind: Kind
    /// Digits for a number (OCR look-alikes already mapped to digits), uppercased letters without diacritics
    /// for a word, the character for a separator.
    var text: String
    /// True when letters were read as digits ("2O14" → 2014).
    var folded = false

    static let space = Chunk(kind: .separator, text: " ")

    /// Splits one word. A run mixing digits with letters that OCR confuses with digits (O, I, L, S, B; G for
    /// the dotted or slashed zero of monospaced fonts) where the digits are at least as many becomes one
    /// folded number; any other mixed run splits at each change ("57PM" → 57, PM), an O before a digit at its
    /// start read as a zero ("O9h54" → 09, H, 54).
    static func split(_ word: String) -> [Chunk] {
        var word = word
        if let chunks = word.withUTF8({ $0.allSatisfy { $0 < 0x80 } ? splitASCII($0) : nil }) { return chunks }
        var chunks: [Chunk] = []
        var run: [Unicode.Scalar] = []
        for scalar in word.unicodeScalars {
            if ScalarClass.isLetter(scalar) || ScalarClass.isDigit(scalar) {
                run.append(scalar)
            } else {
                if !run.isEmpty { appendRun(run, to: &chunks); run.removeAll(keepingCapacity: true) }
                chunks.append(Chunk(kind: .separator, text: String(scalar)))
            }
        }
        if !run.isEmpty { appendRun(run, to: &chunks) }
        return chunks
    }

    /// The same for ASCII text, on bytes.
    private static func splitASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> [Chunk] {
        func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
        func isAlphanumeric(_ b: UInt8) -> Bool { isDigit(b) || b | 0x20 >= 0x61 && b | 0x20 <= 0x7A }
        func upper(_ b: UInt8) -> UInt8 { b >= 0x61 && b <= 0x7A ? b - 0x20 : b }
        func lookAlike(_ b: UInt8) -> UInt8? { digitLookAlike(Unicode.Scalar(b)).map { UInt8($0.value) } }
        var chunks: [Chunk] = []
        var i = 0
        while i < bytes.count {
            guard isAlphanumeric(bytes[i]) else {
                chunks.append(Chunk(kind: .separator, text: String(UnicodeScalar(bytes[i]))))
                i += 1
                continue
            }
            var end = i
            var digits = 0
            while end < bytes.count, isAlphanumeric(bytes[end]) { if isDigit(bytes[end]) { digits += 1 }; end += 1 }
            let run = UnsafeBufferPointer(rebasing: bytes[i..<end])
            if digits == run.count {
                chunks.append(Chunk(kind: .number, text: String(decoding: run, as: UTF8.self)))
            } else if digits == 0 {
                chunks.append(Chunk(kind: .word, text: String(decoding: run.map(upper), as: UTF8.self)))
            } else if digits * 2 >= run.count, run.count >= 2, run.allSatisfy({ isDigit($0) || lookAlike($0) != nil }) {
                chunks.append(Chunk(kind: .number, text: String(decoding: run.map { lookAlike($0) ?? $0 }, as: UTF8.self), folded: true))
            } else {
                // a zero read as O at the start, before a digit ("O9h54"): the number begins with it
                let zeroLed = run[0] | 0x20 == 0x6F && isDigit(run[1])
                func isNumeric(_ k: Int) -> Bool { isDigit(run[k]) || k == 0 && zeroLed }
                var start = 0
                for k in 1...run.count where k == run.count || isNumeric(k) != isNumeric(start) {
                    let piece = UnsafeBufferPointer(rebasing: run[start..<k])
                    if start == 0 && zeroLed {
                        chunks.append(Chunk(kind: .number, text: "0" + String(decoding: piece.dropFirst(), as: UTF8.self), folded: true))
                    } else {
                        chunks.append(isDigit(run[start]) ? Chunk(kind: .number, text: String(decoding: piece, as: UTF8.self))
                                                          : Chunk(kind: .word, text: String(decoding: piece.map(upper), as: UTF8.self)))
                    }
                    start = k
                }
            }
            i = end
        }
        return chunks
    }

    /// The length of a word OCR read as letters that look like digits only ("SSS" for 555, "OOI" for 001),
    /// two or more; nil for any other word.
    static func lookAlikeDigitCount(_ word: String) -> Int? {
        let scalars = word.unicodeScalars
        guard scalars.count >= 2, scalars.allSatisfy({ digitLookAlike($0) != nil }) else { return nil }
        return scalars.count
    }

    private static func digitLookAlike(_ scalar: Unicode.Scalar) -> Unicode.Scalar? {
        switch scalar {
        case "O", "o", "Q", "G": "0"
        case "I", "l", "L": "1"
        case "S", "s": "5"
        case "B": "8"
        default: nil
        }
    }

    private static func appendRun(_ run: [Unicode.Scalar], to chunks: inout [Chunk]) {
        let digits = run.filter(ScalarClass.isDigit).count
        if digits == run.count { chunks.append(Chunk(kind: .number, text: String(String.UnicodeScalarView(run)))); return }
        if digits == 0 { chunks.append(Chunk(kind: .word, text: TextNormalization.key(String(String.UnicodeScalarView(run))))); return }
        if digits * 2 >= run.count, run.count >= 2, run.allSatisfy({ ScalarClass.isDigit($0) || digitLookAlike($0) != nil }) {
            let mapped = run.map { digitLookAlike($0) ?? $0 }
            chunks.append(Chunk(kind: .number, text: String(String.UnicodeScalarView(mapped)), folded: true))
            return
        }
        let zeroLed = (run[0] == "O" || run[0] == "o") && ScalarClass.isDigit(run[1])
        func isNumeric(_ i: Int) -> Bool { ScalarClass.isDigit(run[i]) || i == 0 && zeroLed }
        var start = 0
        for i in 1...run.count where i == run.count || isNumeric(i) != isNumeric(start) {
            if start == 0 && zeroLed {
                chunks.append(Chunk(kind: .number, text: "0" + String(String.UnicodeScalarView(run[1..<i])), folded: true))
            } else {
                let piece = String(String.UnicodeScalarView(run[start..<i]))
                chunks.append(ScalarClass.isDigit(run[start]) ? Chunk(kind: .number, text: piece)
                                                              : Chunk(kind: .word, text: TextNormalization.key(piece)))
            }
            start = i
        }
    }
}
