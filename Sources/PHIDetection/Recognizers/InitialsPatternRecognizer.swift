/// Operators' or physicians' initials printed as slash-separated capitals: "CK/SF/HR", "MK/HR". Groups that
/// are all projection or technical abbreviations ("AP/PA", "CC/MLO") are left alone. A slash OCR read as a
/// quote mark or a bar splits the value into two words ("MK “HR"): such a pair counts too, a little less surely,
/// unless a number stands beside it (a garbled technical readout).
struct InitialsPatternRecognizer: Recognizer {
    let name = "initials-pattern"

    static let technicalGroups: Set<String> = [
        "AP", "PA", "LAT", "LL", "RL", "LR", "OBL", "AX", "COR", "SAG", "TRA", "CC", "MLO", "ML", "LM", "CW", "PW",
        "CF", "PD", "CD", "HF", "FH", "DX", "CR", "CT", "MR", "US", "NM", "PT", "XA", "RF", "ON", "OFF", "IN", "OUT",
        "KV", "MA", "MAS", "MS", "DB", "HZ", "CM", "MM", "BPM", "TIS", "TIB", "MI", "AO",
        "RT", "LT", "TRV", "TRANS", "LONG", "OV", "KID", "LIV", "GB", "CBD", "PV", "UT", "SUP", "INF", "MID",
        "WW", "WL", "WC", "WIN", "LEV",
    ]

    func findings(in input: RecognitionInput) -> [Finding] {
        var findings: [Finding] = []
        for line in input.lines {
            for position in 0..<line.count where line[position].text.has("/") {
                let groups = line[position].core.split(separator: "/", omittingEmptySubsequences: false)
                guard groups.count >= 2,
                      groups.allSatisfy(Self.isGroup),
                      line[position].text.allSatisfy({ !$0.isLowercase }),
                      !groups.allSatisfy({ Self.technicalGroups.contains(String($0)) }) else { continue }
                findings.append(finding(line, position..<(position + 1), .name, 0.6))
            }
            for position in 0..<max(line.count - 1, 0) {
                let first = line[position].text, second = line[position + 1].text
                guard let mark = second.first, Self.slashLookAlikes.contains(mark),
                      Self.isGroup(first), Self.isGroup(String(second.dropFirst())),
                      !(Self.technicalGroups.contains(first) && Self.technicalGroups.contains(String(second.dropFirst()))),
                      !Self.isBesideANumber(line, position..<(position + 2)) else { continue }
                findings.append(finding(line, position..<(position + 2), .name, 0.55))
            }
        }
        return findings
    }

    /// Whether a word with a digit stands right before or after `range`: a quote-split pair among numbers is
    /// a technical readout OCR garbled ("MI 0.9 TIS 0.3" read "MI0.. OWS “TS 0.3"), not initials.
    static func isBesideANumber(_ line: TextLine, _ range: Range<Int>) -> Bool {
        (range.lowerBound > 0 && line[range.lowerBound - 1].hasDigit) || (range.upperBound < line.count && line[range.upperBound].hasDigit)
    }

    /// What OCR reads a slash as when it does not read a slash.
    static let slashLookAlikes: Set<Character> = ["“", "”", "\"", "|", "\\", "‘", "’"]

    /// Two or three capitals.
    static func isGroup<S: StringProtocol>(_ text: S) -> Bool {
        (2...3).contains(text.count) && text.allSatisfy { $0.isASCII && $0.isUppercase }
    }
}
