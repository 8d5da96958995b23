/// Dates of any shape: numeric with any of `.`, `/`, `-` and a two- or four-digit year (2014-03-09,
/// 09.03.2014, 3/9/14), eight digits (20140309), a month name or abbreviation in English, German, French,
/// Spanish, Italian, Dutch or Portuguese (09-Mar-2014, Mar 9 2014, 9. März 2014, 07-FEV-2006,
/// Fri Apr 30 06:27:24 1993), and partial dates (March 29th, Mar 2014).
struct DatePatternRecognizer: Recognizer {
    let name = "date-pattern"

    func findings(in input: RecognitionInput) -> [Finding] {
        var findings: [Finding] = []
        for (number, line) in input.lines.enumerated() {
            for span in input.dates[number] {
                guard var confidence = Self.confidence(span.date) else { continue }
                if span.date.folded { confidence -= 0.05 }
                findings.append(finding(line, span.range, .date, confidence))
            }
        }
        return findings
    }

    static func confidence(_ date: ParsedDate) -> Double? {
        switch date.form {
        case .numericWithFourDigitYear: 0.9
        case .writtenMonth: date.candidates.contains { $0.yearHasTwoDigits } ? 0.85 : 0.9
        case .numericWithTwoDigitYear: 0.8
        case .compactEightDigits: 0.8
        case .dayAndMonth, .monthAndYear: 0.6
        case .compactSixDigits: nil
        }
    }
}
