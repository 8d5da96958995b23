/// Times of day: 17:46:57, 17:46, 5:46:57 PM, 05:24:57PM, 09;25;00, 11h30; six digits (174657) only after a
/// date or a time label. Signed values (+2:09:04) are offsets, not times of day. A one-digit hour without
/// AM/PM (0:03:46) is often an elapsed time and gets less confidence. An hh:mm:ss time with valid minutes and
/// seconds but an impossible hour (45:46:57, an OCR misread), or with one impossible minute or second
/// (14:77:18), still counts, with less confidence; so do minutes and AM/PM whose hour OCR did not read (":26 PM").
struct TimePatternRecognizer: Recognizer {
    let name = "time-pattern"

    static let labels: Set<String> = ["TIME", "TM", "ZEIT", "UHRZEIT", "HEURE", "HORA", "ORA", "STUDYTIME", "ACQTIME"]

    func findings(in input: RecognitionInput) -> [Finding] {
        var findings: [Finding] = []
        for (number, line) in input.lines.enumerated() {
            for span in input.times[number] where !span.isSigned {
                let afterLabel = span.range.lowerBound > 0
                    && Self.labels.contains(TextNormalization.key(line[span.range.lowerBound - 1].labelKey))
                let afterDate = input.dates[number].contains { $0.range.upperBound == span.range.lowerBound }
                let time = span.time
                var confidence: Double
                if time.isCompact {
                    guard afterLabel || afterDate else { continue }
                    confidence = 0.8
                } else if time.hasMeridiem {
                    confidence = time.hasSeconds ? 0.85 : 0.8
                } else if time.hasSeconds {
                    confidence = time.hasShortHour ? 0.7 : 0.8
                } else {
                    confidence = time.hasShortHour ? 0.55 : 0.7
                }
                if afterLabel || afterDate { confidence = max(confidence, 0.85) }
                if time.hasMisreadDigit { confidence = afterLabel || afterDate ? 0.75 : 0.6 }
                if time.folded { confidence -= 0.05 }
                findings.append(finding(line, span.range, .time, confidence))
            }
            let timed = Set(input.times[number].flatMap(\.range))
            for position in 0..<max(0, line.count - 1) where !timed.contains(position) && Self.isHourlessTime(line[position].text, before: line[position + 1]) {
                findings.append(finding(line, position..<(position + 2), .time, 0.6))
            }
        }
        return findings
    }

    /// ":26 PM", ":26 PH": a time whose hour OCR did not read (the planner looks for it before the colon),
    /// its minutes and then AM or PM, its M perhaps read as H or N.
    static func isHourlessTime(_ text: String, before next: Token) -> Bool {
        let characters = Array(text)
        guard characters.count == 3, characters[0] == ":", let minutes = Int(String(characters[1...])),
              characters[1...].allSatisfy({ $0.isASCII && $0.isNumber }), (0...59).contains(minutes) else { return false }
        let meridiem = Array(next.core.replacingOccurrences(of: ".", with: ""))
        return meridiem.count == 2 && "AP".contains(meridiem[0]) && "MHN".contains(meridiem[1])
    }
}
