/// Institution names: capitalised word runs around a word that names a care provider. Strong words
/// (Hospital, Clinic, Klinikum, Infirmary, University…) count alone; medium words (Medical, Health, Imaging,
/// Radiology, Specialists…) need one more proper word ("WESTWAY MEDICAL"); weak words (General, Center, Care,
/// Regional…) need another institution word ("MED CTR", "Imaging Center"), so "NTHI General" stays a preset.
/// Also acronyms ending in MC / VAMC / UMC / HC ("WVAMC", "VAMHC"), and an imaging centre named by a
/// place and the modalities it offers ("Bayside MRI & CT"; a study says one modality, "Brain MRI").
struct InstitutionPatternRecognizer: Recognizer {
    let name = "institution-pattern"

    enum Strength: Int { case weak = 1, medium, strong }

    static let keywords: [String: Strength] = {
        var table: [String: Strength] = [:]
        for word in ["HOSPITAL", "HOSPITALS", "HOSP", "CLINIC", "CLINICS", "KLINIK", "KLINIKUM", "KLINIKEN",
                     "CLINIQUE", "CLINICA", "HOPITAL", "HOSPITALIER", "HOSPITALARIO", "OSPEDALE", "INFIRMARY",
                     "SANATORIUM", "UNIVERSITY", "UNIVERSITAT", "UNIVERSITAET", "UNIVERSIDAD", "UNIVERSITE",
                     "UNIVERSITA", "UNIV", "INSTITUTE", "INSTITUT", "INSTITUTO", "MEMORIAL", "HEALTHCARE", "PRAXIS",
                     "KRANKENHAUS", "SPITAL", "HOSPICE", "POLICLINICO", "POLIKLINIK", "UNIVERSITATSKLINIKUM"] {
            table[word] = .strong
        }
        for word in ["MEDICAL", "MED", "HEALTH", "IMAGING", "RADIOLOGY", "RADIOLOGIE", "RADIOLOGIA", "SPECIALISTS",
                     "ASSOCIATES", "PRACTICE", "SURGERY", "DIAGNOSTIC", "DIAGNOSTICS", "MEDIZINISCHES", "MVZ",
                     "CARDIOLOGY", "ONCOLOGY", "ORTHOPEDICS", "ORTHOPAEDICS", "PEDIATRICS", "FOUNDATION", "TRUST", "NHS"] {
            table[word] = .medium
        }
        for word in ["GENERAL", "REGIONAL", "COMMUNITY", "COUNTY", "CENTER", "CENTRE", "CTR", "CENTRUM", "ZENTRUM",
                     "CARE", "SURGICAL", "CHILDREN", "CHILDRENS", "WOMENS", "GROUP", "SYSTEM", "SYSTEMS", "SERVICES",
                     "LABS", "LABORATORY", "UNIT", "DEPT", "DEPARTMENT", "VETERANS", "UNIVERSITARIO", "CITY"] {
            table[word] = .weak
        }
        return table
    }()

    /// Small words inside institution names.
    static let connectors: Set<String> = ["OF", "AND", "&", "THE", "DE", "LA", "DU", "DES", "DER", "FUR", "FÜR", "DI", "DEL", "Y", "ET", "AT", "FOR"]

    func findings(in input: RecognitionInput) -> [Finding] {
        var findings: [Finding] = []
        for (number, line) in input.lines.enumerated() {
            for position in 0..<line.count where Self.isAcronym(line[position]) {
                findings.append(finding(line, position..<(position + 1), .institution, 0.55))
            }
            if let range = modalityCentre(line, number, input) {
                findings.append(finding(line, range, .institution, 0.6))
            }
            guard line.tokens.contains(where: { Self.keywords[$0.nameKey] != nil }) else { continue }
            var position = 0
            while position < line.count {
                guard isInstitutionWord(line, position, number, input) else { position += 1; continue }
                var end = position
                while end + 1 < line.count, end + 1 < position + 8, isInstitutionWord(line, end + 1, number, input) { end += 1 }
                var run = position..<(end + 1)
                // connectors, and technical text after the name ("… Imaging Probe", "… Health Ax"), end no name
                while let last = run.last, run.count > 1, Self.connectors.contains(line[last].key)
                    || Self.keywords[line[last].nameKey] == nil && input.isAllowListed(line: number, position: last) {
                    run = run.dropLast()
                }
                if let confidence = judge(line, run) { findings.append(finding(line, run, .institution, confidence)) }
                position = end + 1
            }
        }
        return findings
    }

    private func isInstitutionWord(_ line: TextLine, _ position: Int, _ number: Int, _ input: RecognitionInput) -> Bool {
        let token = line[position]
        if token.endsWithColon || token.hasDigit || input.isInDate(line: number, position: position) { return false }
        if Self.connectors.contains(token.key), position > 0 { return true }
        let letters = token.text.filter(\.isLetter)
        // capitalised, or capitals with one stray lower-case letter OCR made of punctuation ("*xWESTWAY")
        let capitals = letters.filter(\.isUppercase).count
        let capitalised = letters.first?.isUppercase == true || letters.count >= 4 && capitals == letters.count - 1
        guard letters.count >= 2 || token.key == "ST", capitalised else { return false }
        return token.core.allSatisfy { $0.isLetter || "'’-.&".contains($0) }
    }

    private func judge(_ line: TextLine, _ run: Range<Int>) -> Double? {
        let keys = run.map { line[$0].nameKey }
        let strengths = keys.compactMap { Self.keywords[$0] }
        let proper = keys.filter { Self.keywords[$0] == nil && !Self.connectors.contains($0) }.count
        if strengths.contains(.strong) { return 0.8 }
        if strengths.contains(.medium), proper >= 1 || strengths.count >= 2 { return 0.75 }
        if strengths.filter({ $0 == .weak }).count >= 1, strengths.count >= 2, proper >= 1 { return 0.7 }
        if strengths.count >= 2, strengths.contains(.medium) { return 0.7 }
        return nil
    }

    static let modalities: Set<String> = ["MRI", "MR", "CT", "PET", "XRAY", "ULTRASOUND", "MAMMOGRAPHY", "DEXA",
                                          "NUCLEAR", "MRT"]

    /// "Bayside MRI & CT", "Valley CT and Ultrasound": capitalised words that are no technical text, then
    /// two modalities joined by "&" or "and" ("PET / CT" is one hybrid modality).
    private func modalityCentre(_ line: TextLine, _ number: Int, _ input: RecognitionInput) -> Range<Int>? {
        guard line.count >= 4 else { return nil }
        for position in 1..<(line.count - 2) where Self.modalities.contains(line[position].key)
            && ["&", "AND"].contains(line[position + 1].upper) && Self.modalities.contains(line[position + 2].key) {
            var start = position
            while start > 0, !Self.modalities.contains(line[start - 1].key), !input.isAllowListed(line: number, position: start - 1),
                  isInstitutionWord(line, start - 1, number, input), !Self.connectors.contains(line[start - 1].key) {
                start -= 1
            }
            if start < position { return start..<(position + 3) }
        }
        return nil
    }

    /// "WVAMC", "BIDMC", "UMCG", "NYCHC": four to eight capitals ending in a medical-centre or health-centre
    /// abbreviation (five or more for -HC, which is also the -MC of a medical centre with its M read as H).
    static func isAcronym(_ token: Token) -> Bool {
        let core = token.core
        guard (4...8).contains(core.utf8.count), core.allSatisfy({ $0.isASCII && $0.isUppercase }) else { return false }
        return core.hasSuffix("VAMC") || core.hasSuffix("AMC") || core.hasSuffix("UMC") || core.hasPrefix("UMC")
            || (core.hasSuffix("MC") || core.hasSuffix("HC")) && core.utf8.count >= 5
    }
}
