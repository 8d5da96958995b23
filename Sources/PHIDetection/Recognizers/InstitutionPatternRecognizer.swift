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

    /// Words of a record number's label ("Med Rec #", "Medical Record No."): never in an institution's name.
    static let recordLabelWords: Set<String> = ["REC", "RECORD", "RECORDS", "NO", "NR", "NUMBER"]

    /// Small words inside institution names.
    static let connectors: Set<String> = ["OF", "AND", "&", "THE", "DE", "LA", "DU", "DES", "DER", "FUR", "FÜR", "DI", "DEL", "Y", "ET", "AT", "FOR"]

    func findings(in input: RecognitionInput) -> [Finding] {
        var findings: [Finding] = []
        for (number, line) in input.lines.enumerated() {
            for position in 0..<line.count where Self.isAcronym(line[position]) {
                findings.append(finding(line, position..<(position + 1), .institution, 0.55))
            }
            var strengths = line.tokens.indices.map { Self.strength(of: line[$0], endsLine: $0 == line.count - 1) }
            Self.joinSplitKeywords(line, &strengths)
            if let range = modalityCentre(line, number, input, strengths) {
                findings.append(finding(line, range, .institution, 0.6))
            }
            guard strengths.contains(where: { $0 != nil }) else { continue }
            var position = 0
            while position < line.count {
                guard isInstitutionWord(line, position, number, input, strengths) else { position += 1; continue }
                var end = position
                while end + 1 < line.count, end + 1 < position + 8 {
                    if isInstitutionWord(line, end + 1, number, input, strengths) { end += 1; continue }
                    // one word OCR read without its capital inside the name ("Kingsbridge liology Associates")
                    guard end + 2 < line.count, end + 2 < position + 8, Self.isUncapitalisedWord(line[end + 1]),
                          isInstitutionWord(line, end + 2, number, input, strengths) else { break }
                    end += 2
                }
                var run = position..<(end + 1)
                // connectors, and technical text after the name ("… Imaging Probe", "… Health Ax"), end no name
                while let last = run.last, run.count > 1, Self.connectors.contains(line[last].key)
                    || strengths[last] == nil && input.isAllowListed(line: number, position: last) {
                    run = run.dropLast()
                }
                if let confidence = judge(line, run, strengths) { findings.append(finding(line, run, .institution, confidence)) }
                position = end + 1
            }
        }
        return findings
    }

    /// How strongly a word names a care provider: a keyword; a strong or medium keyword of seven letters or
    /// more with one letter misread ("Imaqing"; the first only as an I's look-alike, "Tnfirmary"); one cut short at the end of the line ("Hospit", six letters or more).
    static func strength(of token: Token, endsLine: Bool) -> Strength? {
        let key = token.nameKey
        if let strength = keywords[key] { return strength }
        guard key.utf8.count >= 6, token.letterCount == key.utf8.count else { return nil }
        // its first letter read as a mark (".maging" for Imaging)
        if let first = token.text.first, !first.isLetter, !first.isNumber,
           let whole = longKeywords.first(where: { $0.key.utf8.count == key.utf8.count + 1 && $0.key.hasSuffix(key) }) {
            return whole.value
        }
        if endsLine || token.isTruncated, let cut = longKeywords.first(where: { $0.key.utf8.count > key.utf8.count && $0.key.hasPrefix(key) }) {
            return cut.value
        }
        guard key.utf8.count >= 7 else { return nil }
        return longKeywords.first { $0.key.utf8.count == key.utf8.count
            && ($0.key.utf8.first == key.utf8.first || $0.key.hasPrefix("I") && Self.capitalILookAlikes.contains(key.first!))
            && TextNormalization.editDistance(key, $0.key, limit: 1) == 1 }?.value
    }

    /// Capitals OCR reads for a serif I at the start of a word ("Tnfirmary", "Lnstitute").
    private static let capitalILookAlikes: Set<Character> = ["T", "L", "J"]

    /// A keyword OCR split in two words ("Heal" "th"): both pieces take its strength.
    static func joinSplitKeywords(_ line: TextLine, _ strengths: inout [Strength?]) {
        guard line.count >= 2 else { return }
        for position in 0..<(line.count - 1) where strengths[position] == nil && strengths[position + 1] == nil {
            let (left, right) = (line[position], line[position + 1])
            guard left.letterCount == left.key.utf8.count, right.letterCount == right.key.utf8.count, !left.endsWithColon,
                  left.letterCount >= 2, right.letterCount >= 2, let strength = keywords[left.key + right.key],
                  strength != .weak else { continue }
            strengths[position] = strength
            strengths[position + 1] = strength
        }
    }

    /// Strong and medium keywords of six letters or more, longest first.
    private static let longKeywords: [(key: String, value: Strength)] = keywords
        .filter { $0.value != .weak && $0.key.utf8.count >= 6 }
        .sorted { ($0.key.utf8.count, $0.key) > ($1.key.utf8.count, $1.key) }
        .map { (key: $0.key, value: $0.value) }

    /// Small letters and nothing else but a possessive's apostrophe, three or more by default ("liology",
    /// "women's"): a word of a name whose capital OCR lost, or (two will do) a piece of a word OCR split ("Bay ue").
    static func isUncapitalisedWord(_ token: Token, minimumLetters: Int = 3) -> Bool {
        token.letterCount >= minimumLetters && token.text.allSatisfy { $0.isLetter && $0.isLowercase || $0 == "'" || $0 == "’" }
            && token.text.first?.isLetter == true
    }

    private func isInstitutionWord(_ line: TextLine, _ position: Int, _ number: Int, _ input: RecognitionInput,
                                   _ strengths: [Strength?]) -> Bool {
        let token = line[position]
        if token.hasDigit || input.isInDate(line: number, position: position) || Self.recordLabelWords.contains(token.key) {
            return false
        }
        // a colon ends a label ("Hospital: …"), except a keyword's inside a name, after a word of it and before
        // another: a speck OCR read there ("St. Brigid's General: Hospital"); and a medium or strong keyword's
        // ending the line after a word of the name, with no value after it ("Eastgate Women's Health:")
        if token.endsWithColon {
            guard position > 0, let strength = strengths[position], !line[position - 1].endsWithColon,
                  isInstitutionWord(line, position - 1, number, input, strengths) else { return false }
            if position + 1 < line.count {
                guard !line[position + 1].endsWithColon, isInstitutionWord(line, position + 1, number, input, strengths)
                else { return false }
            } else if strength == .weak {
                return false
            }
        }
        if Self.connectors.contains(token.key), position > 0 { return true }
        // a keyword in small letters inside a name ("Northfield Imaging ctr"), or the end of a split one ("Heal" "th")
        if position > 0, strengths[position] != nil, token.letterCount >= 3 || strengths[position - 1] != nil { return true }
        let letters = token.text.filter(\.isLetter)
        // capitalised, or capitals with one stray lower-case letter OCR made of punctuation ("*xWESTWAY")
        let capitals = letters.filter(\.isUppercase).count
        let capitalised = letters.first?.isUppercase == true || letters.count >= 4 && capitals == letters.count - 1
        guard letters.count >= 2 || token.key == "ST", capitalised else { return false }
        return token.core.allSatisfy { $0.isLetter || "'’-.&".contains($0) }
    }

    private func judge(_ line: TextLine, _ run: Range<Int>, _ found: [Strength?]) -> Double? {
        let strengths = run.compactMap { found[$0] }
        let proper = run.filter { found[$0] == nil && !Self.connectors.contains(line[$0].nameKey) }.count
        if strengths.contains(.strong) { return 0.8 }
        if strengths.contains(.medium), proper >= 1 || strengths.count >= 2 { return 0.75 }
        if strengths.filter({ $0 == .weak }).count >= 1, strengths.count >= 2, proper >= 1 { return 0.7 }
        if strengths.count >= 2, strengths.contains(.medium) { return 0.7 }
        return nil
    }

    static let modalities: Set<String> = ["MRI", "MR", "CT", "PET", "XRAY", "ULTRASOUND", "MAMMOGRAPHY", "DEXA",
                                          "NUCLEAR", "MRT"]

    /// "Bayside MRI & CT", "Valley CT and Ultrasound": capitalised words that are no technical text, then
    /// two modalities joined by "&" or "and" ("PET / CT" is one hybrid modality). OCR damage: a piece of a
    /// word in small letters after a capitalised one ("Bay sade MRI & CT"), the second modality's acronym with
    /// one letter misread ("MRI & CL").
    private func modalityCentre(_ line: TextLine, _ number: Int, _ input: RecognitionInput, _ strengths: [Strength?]) -> Range<Int>? {
        guard line.count >= 4 else { return nil }
        func placeWord(_ position: Int) -> Bool {
            !Self.modalities.contains(line[position].key) && !input.isAllowListed(line: number, position: position)
                && isInstitutionWord(line, position, number, input, strengths) && !Self.connectors.contains(line[position].key)
        }
        for position in 1..<(line.count - 2) where Self.modalities.contains(line[position].key)
            && ["&", "AND"].contains(line[position + 1].upper) && Self.isModality(misread: line[position + 2]) {
            var start = position
            while start > 0 {
                if placeWord(start - 1) { start -= 1 }
                else if start > 1, Self.isUncapitalisedWord(line[start - 1], minimumLetters: 2), placeWord(start - 2) { start -= 2 }
                else { break }
            }
            if start < position { return start..<(position + 3) }
        }
        return nil
    }

    /// A modality, or a modality's acronym of two or three capitals with one letter misread ("CL" for CT).
    static func isModality(misread token: Token) -> Bool {
        let key = token.key
        if modalities.contains(key) { return true }
        guard (2...3).contains(key.utf8.count), token.isAllCaps, token.letterCount == key.utf8.count else { return false }
        return modalities.contains { $0.utf8.count == key.utf8.count && TextNormalization.editDistance($0, key, limit: 1) == 1 }
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
