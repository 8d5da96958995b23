/// The patient's sex printed in a banner ("[M]", "(F)", "Female"). Not identifying by itself under HIPAA's
/// Safe Harbor list, so reported as `other` with 0.3: a hint for reports and for strict thresholds.
struct SexMarkerRecognizer: Recognizer {
    let name = "sex-marker"

    static let words: Set<String> = [
        "[M]", "[F]", "[U]", "[O]", "(M)", "(F)", "(U)", "(O)", "MALE", "FEMALE", "MÄNNLICH", "WEIBLICH", "MASCULIN",
        "FÉMININ", "FEMININ", "MASCULINO", "FEMENINO", "FEMININO",
    ]

    func findings(in input: RecognitionInput) -> [Finding] {
        var findings: [Finding] = []
        for line in input.lines {
            for position in 0..<line.count where Self.words.contains(line[position].labelKey.filter { $0 != "," }) {
                findings.append(finding(line, position..<(position + 1), .other, 0.3))
            }
        }
        return findings
    }
}

