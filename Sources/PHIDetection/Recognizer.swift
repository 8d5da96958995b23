/// One way of spotting PHI in OCR text. Each recognizer is a small value built once with the data it needs;
/// `findings(in:)` must be cheap (it runs for every frame with text).
protocol Recognizer: Sendable {
    /// The name findings report, e.g. "date-pattern".
    var name: String { get }
    func findings(in input: RecognitionInput) -> [Finding]
}

/// What every recognizer sees for one `detect` call: the words as lines, the dates and times already parsed
/// (several recognizers use them), and the header values.
struct RecognitionInput: Sendable {
    let lines: [TextLine]
    /// Per line.
    let dates: [[DateSpan]]
    /// Per line.
    let times: [[TimeSpan]]
    let header: HeaderValues
    /// Per line and word: on the allow-list of safe technical text (empty when not given).
    let allowed: [[Bool]]

    init(lines: [TextLine], header: HeaderValues, allowed: [[Bool]] = []) {
        self.lines = lines
        self.header = header
        self.allowed = allowed
        dates = lines.map(CalendarScanner.dates)
        times = lines.map(CalendarScanner.times)
    }

    /// Whether the word at `position` of line `line` is part of a date.
    func isInDate(line: Int, position: Int) -> Bool {
        dates[line].contains { $0.range.contains(position) }
    }

    /// Whether the word at `position` of line `line` is safe technical text ("Probe", "Ax", "T1").
    func isAllowListed(line: Int, position: Int) -> Bool {
        line < allowed.count && allowed[line][position]
    }
}

extension Recognizer {
    func finding(_ line: TextLine, _ range: Range<Int>, _ type: PHIType, _ confidence: Double) -> Finding {
        Finding(wordIndices: line.wordIndices(range), type: type, confidence: confidence, recognizer: name)
    }

    func finding(_ line: TextLine, positions: [Int], _ type: PHIType, _ confidence: Double) -> Finding {
        Finding(wordIndices: positions.map { line[$0].index }.sorted(), type: type, confidence: confidence, recognizer: name)
    }
}
