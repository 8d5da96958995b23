/// Times of day: 17:46:57, 17:46, 5:46:57 PM, 05:24:57PM, 09;25;00, 11h30; six digits (174657) only after a
/// date or a time label. Signed values (+2:09:04) are offsets, not times of day. A one-digit hour without
/// AM/PM (0:03:46) is often an elapsed time and gets less confidence. An hh:mm:ss time with valid minutes and
/// seconds but an impossible hour (45:46:57, an OCR misread), or with one impossible minute or second
/// (14:77:18), still counts, with less confidence.
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
        }
        return findings
    }
}
