/// Street addresses: a house number, one to four name words and a street type ("1318 Main St",
/// "9081 Maple Drive", "3807 Park Road, Fairview"), with a unit ("Apt 4") and the town after a comma;
/// continental forms ("Hauptstraße 12", "Bahnhofstr. 5", "12 rue de la Paix", "Via Roma 10"); PO boxes; and
/// whatever follows an `Address:` label.
struct AddressPatternRecognizer: Recognizer {
    let name = "address-pattern"

    static let streetTypes: Set<String> = [
        "ST", "STREET", "AVE", "AV", "AVENUE", "RD", "ROAD", "BLVD", "BOULEVARD", "LN", "LANE", "DR", "DRIVE", "WAY",
        "CT", "COURT", "PL", "PLACE", "TER", "TERRACE", "HWY", "HIGHWAY", "PKWY", "PARKWAY", "CIR", "CIRCLE", "SQ",
        "SQUARE", "TRL", "TRAIL", "ROW", "CLOSE", "CRES", "CRESCENT", "GROVE", "GARDENS", "PIKE", "ALLEY", "WALK",
        "MEWS", "EXPY", "FWY", "CV", "LOOP", "RUN", "PATH", "PLZ", "PLAZA",
    ]
    /// Street words that come first (French, Spanish, Italian, Portuguese, Catalan).
    static let leadingStreetTypes: Set<String> = [
        "RUE", "AVENUE", "AV", "AVDA", "BOULEVARD", "BD", "BLD", "CALLE", "VIA", "VIALE", "PLAZA", "PASEO", "CHEMIN",
        "ALLEE", "PLACE", "CARRER", "RUA", "PIAZZA", "CORSO", "STRADA", "CAMINO", "TRAVESSA", "QUAI", "IMPASSE",
    ]
    /// Endings of German, Dutch and Scandinavian street names.
    static let streetSuffixes = ["STRASSE", "STRAßE", "STR", "WEG", "GASSE", "PLATZ", "ALLEE", "DAMM", "RING", "LAAN",
                                 "STRAAT", "GRACHT", "GATAN", "VAGEN", "GADE", "VEJ", "VEIEN", "UFER", "CHAUSSEE"]
    static let unitWords: Set<String> = ["APT", "APARTMENT", "SUITE", "STE", "UNIT", "FLAT", "#", "BLDG", "FLOOR", "FL"]
    static let labels: Set<String> = ["ADDRESS", "ADDR", "ADRESSE", "ANSCHRIFT", "DIRECCION", "DIRECCIÓN", "INDIRIZZO", "ENDERECO", "HOME"]
    static let directions: Set<String> = ["N", "S", "E", "W", "NE", "NW", "SE", "SW", "NORTH", "SOUTH", "EAST", "WEST"]

    func findings(in input: RecognitionInput) -> [Finding] {
        var findings: [Finding] = []
        for line in input.lines {
            for position in 0..<line.count {
                if let range = labelled(line, position) ?? english(line, position) ?? leadingType(line, position)
                    ?? suffixed(line, position) ?? postOfficeBox(line, position) {
                    findings.append(finding(line, range, .address, 0.85))
                }
            }
        }
        return findings
    }

    private static func isHouseNumber(_ token: Token) -> Bool {
        let core = token.core
        guard let first = core.first, first.isNumber, token.digitCount <= 6, !core.has(".") else { return false }
        return core.allSatisfy(\.isNumber) || core.dropLast().allSatisfy(\.isNumber) && core.last!.isLetter
            || core.has("-") && core.split(separator: "-").allSatisfy { $0.allSatisfy(\.isNumber) }
    }

    /// A word ending in a colon is a label ("Ref: Dr. Taylor"), never part of a street name.
    private static func isStreetWord(_ token: Token) -> Bool {
        !token.endsWithColon && token.isNameLike || directions.contains(token.key) || (token.digitCount > 0 && token.letterCount == 2
            && ["ST", "ND", "RD", "TH"].contains(String(token.key.suffix(2))))
    }

    /// "Address: 12 Elm St, Springfield": the rest of the line.
    private func labelled(_ line: TextLine, _ position: Int) -> Range<Int>? {
        guard Self.labels.contains(line[position].labelKey), line[position].endsWithColon || line[position].labelKey != "HOME",
              position + 1 < line.count else { return nil }
        return (position + 1)..<min(line.count, position + 9)
    }

    /// "1318 Main St", "9081 Maple Drive, Apt 4, Clinton".
    private func english(_ line: TextLine, _ position: Int) -> Range<Int>? {
        guard Self.isHouseNumber(line[position]) else { return nil }
        var end = position + 1
        while end < line.count, end <= position + 5, Self.isStreetWord(line[end]) || line[end].isInitial && !line[end].endsWithColon {
            if end >= position + 2, Self.streetTypes.contains(line[end].key), Self.hasNameWord(line, (position + 1)..<end) {
                return extend(line, from: end + 1, start: position)
            }
            end += 1
        }
        return nil
    }

    /// A street's name has a word of three letters or more, or an ordinal ("Elm", "34th"): two-letter
    /// pieces before a street type ("2 OM CV") are what OCR reads in texture.
    private static func hasNameWord(_ line: TextLine, _ range: Range<Int>) -> Bool {
        range.contains { line[$0].letterCount >= 3 || line[$0].digitCount > 0 }
    }

    /// After the street: a unit ("Apt 4"), then after a comma the town and a state or postcode.
    private func extend(_ line: TextLine, from start: Int, start first: Int) -> Range<Int> {
        var end = start
        if end < line.count, Self.unitWords.contains(line[end].labelKey), end + 1 < line.count, line[end + 1].hasDigit { end += 2 }
        guard end > 0, line[end - 1].endsWithComma || end < line.count && line[end].text == "," else { return first..<end }
        var next = end
        while next < line.count, next < end + 4, line[next].isNameLike || line[next].hasDigit && line[next].letterCount == 0
            || line[next].text == "," {
            next += 1
        }
        return first..<next
    }

    /// "12 rue de la Paix", "Via Roma 10", "Calle Mayor, 5".
    private func leadingType(_ line: TextLine, _ position: Int) -> Range<Int>? {
        guard Self.leadingStreetTypes.contains(line[position].key), position + 1 < line.count else { return nil }
        var end = position + 1
        while end < line.count, end <= position + 5, line[end].letterCount > 0, line[end].digitCount == 0 { end += 1 }
        guard end > position + 1 else { return nil }
        if end < line.count, Self.isHouseNumber(line[end]) { return position..<(end + 1) }
        if position > 0, Self.isHouseNumber(line[position - 1]) { return (position - 1)..<end }
        return nil
    }

    /// "Hauptstraße 12", "Bahnhofstr. 5".
    private func suffixed(_ line: TextLine, _ position: Int) -> Range<Int>? {
        let token = line[position]
        guard token.isNameLike, position + 1 < line.count, Self.isHouseNumber(line[position + 1]) else { return nil }
        let key = token.key
        guard Self.streetSuffixes.contains(where: { key.hasSuffix($0) && key.count >= $0.count + 3 }) else { return nil }
        return position..<(position + 2)
    }

    /// "PO Box 123", "P.O. Box 123".
    private func postOfficeBox(_ line: TextLine, _ position: Int) -> Range<Int>? {
        guard line[position].labelKey == "PO", position + 2 < line.count, line[position + 1].key == "BOX",
              line[position + 2].hasDigit else { return nil }
        return position..<(position + 3)
    }
}
