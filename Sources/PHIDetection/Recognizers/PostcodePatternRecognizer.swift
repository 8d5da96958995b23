/// Postal codes, with care not to take technical numbers: a US ZIP only after a state abbreviation
/// ("Springfield, IL 62704", with the town) or in ZIP+4 form or after a label; UK postcodes ("SW1A 1AA") and
/// Canadian ones ("K1A 0B1") by their letter-digit shape, in capitals.
struct PostcodePatternRecognizer: Recognizer {
    let name = "postcode-pattern"

    static let states: Set<String> = [
        "AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "FL", "GA", "HI", "ID", "IL", "IN", "IA", "KS", "KY", "LA", "ME",
        "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH", "NJ", "NM", "NY", "NC", "ND", "OH", "OK", "OR", "PA",
        "RI", "SC", "SD", "TN", "TX", "UT", "VT", "VA", "WA", "WV", "WI", "WY", "DC", "PR",
    ]
    static let labels: Set<String> = ["ZIP", "ZIPCODE", "POSTCODE", "POSTALCODE", "PLZ", "CP", "CAP", "POSTAL"]

    func findings(in input: RecognitionInput) -> [Finding] {
        var findings: [Finding] = []
        for line in input.lines {
            for position in 0..<line.count where line[position].hasDigit {
                let token = line[position]
                if Self.isZIP(token.core, plusFour: false), position > 0 {
                    let previous = line[position - 1]
                    if Self.states.contains(previous.key), previous.text.allSatisfy({ !$0.isLowercase }) {
                        findings.append(finding(line, town(line, before: position - 1)..<(position + 1), .postcode, 0.85))
                        continue
                    }
                    if Self.labels.contains(previous.labelKey) {
                        findings.append(finding(line, position..<(position + 1), .postcode, 0.85))
                        continue
                    }
                }
                if Self.isZIP(token.core, plusFour: true) {
                    findings.append(finding(line, position..<(position + 1), .postcode, 0.75))
                } else if position + 1 < line.count, Self.isUKOutward(token.text), Self.isUKInward(line[position + 1].text) {
                    findings.append(finding(line, position..<(position + 2), .postcode, 0.8))
                } else if token.text.utf8.count >= 5, Self.isUKOutward(token.text.dropLast(3)), Self.isUKInward(token.text.suffix(3)) {
                    findings.append(finding(line, position..<(position + 1), .postcode, 0.7))
                } else if position + 1 < line.count, Self.isCanadianHalf(token.text, letterFirst: true),
                          Self.isCanadianHalf(line[position + 1].text, letterFirst: false) {
                    findings.append(finding(line, position..<(position + 2), .postcode, 0.8))
                }
            }
        }
        return findings
    }

    /// The town before "IL 62704": name words back to the start of the line or a word without a trailing comma.
    private func town(_ line: TextLine, before state: Int) -> Int {
        guard state > 0, line[state - 1].endsWithComma else { return state }
        var start = state - 1
        while start > 0, start > state - 3, line[start - 1].isNameLike, !line[start - 1].endsWithComma { start -= 1 }
        return start
    }

    static func isZIP(_ text: String, plusFour: Bool) -> Bool {
        let bytes = Array(text.utf8)
        let isDigit = { (b: UInt8) in b >= 0x30 && b <= 0x39 }
        guard bytes.count >= 5, bytes[..<5].allSatisfy(isDigit) else { return false }
        if plusFour { return bytes.count == 10 && bytes[5] == UInt8(ascii: "-") && bytes[6...].allSatisfy(isDigit) }
        return bytes.count == 5
    }

    private static func isCapital(_ b: UInt8) -> Bool { b >= 0x41 && b <= 0x5A }
    private static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }

    /// "SW1A", "M1", "EC2R", "B33": one or two capitals, a digit, and an optional digit or capital.
    static func isUKOutward(_ text: some StringProtocol) -> Bool {
        let c = Array(text.utf8)
        guard (2...4).contains(c.count), isCapital(c[0]) else { return false }
        var i = 1
        if isCapital(c[i]) { i += 1 }
        guard i < c.count, isDigit(c[i]) else { return false }
        i += 1
        if i < c.count, isDigit(c[i]) || isCapital(c[i]) { i += 1 }
        return i == c.count
    }

    /// "1AA": a digit and two capitals other than C, I, K, M, O, V.
    static func isUKInward(_ text: some StringProtocol) -> Bool {
        let c = Array(text.utf8)
        guard c.count == 3, isDigit(c[0]) else { return false }
        return c[1...].allSatisfy { isCapital($0) && !Array("CIKMOV".utf8).contains($0) }
    }

    /// "K1A" (letter, digit, letter) or "0B1" (digit, letter, digit), without D, F, I, O, Q, U.
    static func isCanadianHalf(_ text: some StringProtocol, letterFirst: Bool) -> Bool {
        let c = Array(text.utf8)
        guard c.count == 3, !c.contains(where: { Array("DFIOQU".utf8).contains($0) }) else { return false }
        let pattern = letterFirst ? [true, false, true] : [false, true, false]
        return zip(c, pattern).allSatisfy { $1 ? isCapital($0) : isDigit($0) }
    }
}
