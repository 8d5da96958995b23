/// E-mail addresses: a word with an `@` between a local part and a dotted domain (0.95), or OCR-damaged text
/// with letters on both sides of an `@` and a dot in the domain or in the word after it (0.7).
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
                // A domain always has a dot: in the word, or in the next one when OCR split the domain
                // ("betty.adams@m ail.example.net"); "ERE@t" is a misread word.
                // (A comma is a dot OCR misread: "ivanova@example,com".)
                let nextHasDot = position + 1 < line.count && Token.trimmed(line[position + 1].text).has(".")
                guard domain.has(".") || domain.has(",") || nextHasDot else { continue }
                let wellFormed = local.allSatisfy { $0.isLetter || $0.isNumber || "._%+-".contains($0) }
                    && domain.has(".") && !domain.hasPrefix(".") && !domain.hasSuffix(".")
                    && domain.allSatisfy { $0.isLetter || $0.isNumber || ".-".contains($0) }
                findings.append(finding(line, position..<(position + 1), .email, wellFormed ? 0.95 : 0.7))
            }
        }
        return findings
    }
}
