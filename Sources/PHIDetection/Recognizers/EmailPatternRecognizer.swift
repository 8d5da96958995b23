/// E-mail addresses: a word with an `@` between a local part and a dotted domain (0.95), or OCR-damaged text
/// with letters on both sides of an `@` (0.7).
struct EmailPatternRecognizer: Recognizer {
    let name = "email-pattern"

    func findings(in input: RecognitionInput) -> [Finding] {
        var findings: [Finding] = []
        for line in input.lines {
            for position in 0..<line.count where line[position].text.has("@") {
                let text = Token.trimmed(line[position].text)
                guard let at = text.firstIndex(of: "@") else { continue }
                let local = text[..<at], domain = text[text.index(after: at)...]
                guard local.contains(where: \.isLetter) || local.contains(where: \.isNumber),
                      domain.contains(where: \.isLetter) else { continue }
                let wellFormed = local.allSatisfy { $0.isLetter || $0.isNumber || "._%+-".contains($0) }
                    && domain.has(".") && !domain.hasPrefix(".") && !domain.hasSuffix(".")
                    && domain.allSatisfy { $0.isLetter || $0.isNumber || ".-".contains($0) }
                findings.append(finding(line, position..<(position + 1), .email, wellFormed ? 0.95 : 0.7))
            }
        }
        return findings
    }
}
