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

    /// Splits one word. A run mixing digits with letters that OCR confuses with digits (O, I, L, S, B) where the
    /// digits are at least as many becomes one folded number; any other mixed run splits at each change
    /// ("57PM" → 57, PM).
    static func split(_ word: String) -> [Chunk] {
        var chunks: [Chunk] = []
        var run: [Character] = []
        func flush() {
            guard !run.isEmpty else { return }
            chunks.append(contentsOf: chunksOfAlphanumericRun(run))
            run.removeAll(keepingCapacity: true)
        }
        for character in word {
            if character.isLetter || character.isNumber && character.isASCII {
                run.append(character)
            } else {
                flush()
                chunks.append(Chunk(kind: .separator, text: String(character)))
            }
        }
        flush()
        return chunks
    }

    private static let digitLookAlikes: [Character: Character] = ["O": "0", "Q": "0", "I": "1", "L": "1", "S": "5", "B": "8"]

    private static func chunksOfAlphanumericRun(_ run: [Character]) -> [Chunk] {
        let digits = run.filter(\.isNumber).count
        let letters = run.count - digits
        if letters == 0 { return [Chunk(kind: .number, text: String(run))] }
        if digits == 0 { return [Chunk(kind: .word, text: TextNormalization.key(String(run)))] }
        let upper = run.map { Character($0.uppercased()) }
        if digits >= letters, run.count >= 2, upper.allSatisfy({ $0.isNumber || digitLookAlikes[$0] != nil }) {
            return [Chunk(kind: .number, text: String(upper.map { digitLookAlikes[$0] ?? $0 }), folded: true)]
        }
        var chunks: [Chunk] = []
        var start = 0
        for i in 1...run.count where i == run.count || run[i].isNumber != run[start].isNumber {
            let piece = String(run[start..<i])
            chunks.append(run[start].isNumber ? Chunk(kind: .number, text: piece)
                                              : Chunk(kind: .word, text: TextNormalization.key(piece)))
            start = i
        }
        return chunks
    }
}
