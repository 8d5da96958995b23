@testable import PHIDetection

/// Builds OCR words from text lines the way an OCR engine would hand them over: one word per
/// whitespace-separated piece, one line id per line, boxes laid out left to right.
struct Banner {
    let words: [OCRWord]

    init(_ lines: String...) {
        self.init(lines: lines)
    }

    init(lines: [String]) {
        var words: [OCRWord] = []
        for (number, line) in lines.enumerated() {
            var x = 10
            for piece in line.split(separator: " ") {
                words.append(OCRWord(text: String(piece), box: TextBox(x: x, y: 10 + 20 * number, width: 8 * piece.count, height: 14),
                                     confidence: 0.9, line: number))
                x += 8 * piece.count + 6
            }
        }
        self.words = words
    }

    /// The text of the words a finding covers, joined by spaces.
    func text(of finding: Finding) -> String {
        finding.wordIndices.map { words[$0].text }.joined(separator: " ")
    }

    /// Texts of the findings at or above `threshold`.
    func flagged(by detector: PHIDetector, context: PHIContext = .empty, threshold: Double = 0.5) -> [String] {
        detector.detect(words: words, context: context).filter { $0.confidence >= threshold }.map(text(of:))
    }

    /// Every word at or above `threshold`, one set.
    func flaggedWords(by detector: PHIDetector, context: PHIContext = .empty, threshold: Double = 0.5) -> Set<String> {
        Set(detector.detect(words: words, context: context).filter { $0.confidence >= threshold }
            .flatMap { $0.wordIndices.map { words[$0].text } })
    }
}

/// One detector for all tests: loading the lists takes a few milliseconds.
let sharedDetector: PHIDetector = try! PHIDetector()

extension Banner {
    /// The findings of one recognizer on these lines, before allow-listing and merging.
    func findings(of recognizer: some Recognizer, context: PHIContext = .empty) -> [Finding] {
        recognizer.findings(in: RecognitionInput(lines: PHIDetector.lines(of: words), header: context.values))
    }

    /// The texts one recognizer flags.
    func texts(of recognizer: some Recognizer, context: PHIContext = .empty) -> [String] {
        findings(of: recognizer, context: context).map(text(of:))
    }
}
