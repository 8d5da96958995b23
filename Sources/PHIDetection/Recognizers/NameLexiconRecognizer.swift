/// Personal names, from the name lexicons (U.S. Census and Faker's locales) and the shapes names are printed in:
/// - `LAST^FIRST` (or `*` or `4` for `^`, OCR digits for letters): 0.85 with a lexicon part, else 0.7; with the
///   caret read as `A` ("PEMBERTONAF") or as a quote ("MCALLISTER‘O"), when the parts are listed names;
/// - `Last, First [M]` and `Last,First`: 0.85 when the given name is known, 0.75 when only the surname is, 0.7
///   when neither is listed but the shape is the whole line (or all of it before a date);
/// - initials with a dot before a listed surname (`D. Lindqvist`): 0.7; before a capitalised word in no list
///   (`A. Oyelaran`): 0.6;
/// - after a title (`Dr.`, `Mr`, `Mrs`, `Prof`…): 0.85 / 0.75; before a credential (`MD`, `PhD`, `RN`): 0.8 with a
///   lexicon name, 0.7 with a capitalised word in no lexicon;
/// - a banner run of two to four capitalised words such as `LAST FIRST [M]` or `FIRST LAST`: 0.75 for a given
///   name with a surname, 0.6 for a given name with an unknown word or for a line of nothing but a surname and
///   unknown words, +0.1 when a sex marker or a date follows;
/// - a listed surname of seven letters or more alone on its line (`loneSurname`): 0.5;
/// - a known given name alone: 0.3, a weak hint.
/// Common words that are also names (WHITE, LONG, GENERAL, PORTABLE… see name-stoplist.txt and the
/// allow-list) never count in the weak shapes.
struct NameLexiconRecognizer: Recognizer {
    let name = "name-lexicon"
    let lexicon: NameLexicon

    static let titles: Set<String> = [
        "DR", "MR", "MRS", "MS", "MISS", "MX", "PROF", "HERR", "FRAU", "MME", "MLLE", "SR", "SRA", "SRTA", "SIG", "DOTT",
        "DOKTOR", "DOCTOR",
    ]
    static let credentials: Set<String> = ["MD", "PHD", "RN", "DO", "RT", "RDMS", "RVT", "RDCS", "FRCR", "FRCS", "MBBS", "DDS"]
    /// Credentials that are also common abbreviations on images.
    static let ambiguousCredentials: Set<String> = ["DO", "RT"]

    func findings(in input: RecognitionInput) -> [Finding] {
        var findings: [Finding] = []
        for (number, line) in input.lines.enumerated() {
            var used = [Bool](repeating: false, count: line.count)
            func record(_ range: Range<Int>, _ confidence: Double) {
                findings.append(finding(line, range, .name, confidence))
                for p in range { used[p] = true }
            }
            for position in 0..<line.count {
                if let confidence = caretShape(line[position]) ?? caretReadAsA(line[position]) ?? caretReadAsQuote(line[position]) {
                    record(position..<(position + 1), confidence)
                }
            }
            for position in 0..<max(0, line.count - 1) where !used[position] && !used[position + 1] {
                if let confidence = splitCaretShape(line[position], line[position + 1]) { record(position..<(position + 2), confidence) }
            }
            for position in 0..<line.count where !used[position] {
                if let (range, confidence) = commaShape(line, position) { record(range, confidence) }
            }
            for position in 0..<line.count where !used[position] {
                if let (range, confidence) = titled(line, position, lineNumber: number, input) { record(range, confidence) }
            }
            for position in 0..<line.count where !used[position] {
                if let (range, confidence) = initialled(line, position) { record(range, confidence) }
            }
            for (range, confidence) in bannerRuns(line, lineNumber: number, input, used: used) { record(range, confidence) }
            if let position = loneSurname(line, lineNumber: number, input), !used[position] {
                record(position..<(position + 1), 0.5)
            }
            for position in 0..<line.count where !used[position] {
                let token = line[position]
                if token.isNameLike, token.key.utf8.count >= 3, lexicon.isGivenName(token.nameKey),
                   !input.isInDate(line: number, position: position) {
                    findings.append(finding(line, position..<(position + 1), .name, 0.3))
                }
            }
        }
        return findings
    }

    /// `LAST^FIRST` that OCR split after the caret ("0bi*" "Juniper"): a word of two letters or more (OCR
    /// digits for letters) ending in a caret read as `^`, `*` or a quote, then a capitalised name: 0.8 when
    /// listed, 0.7 when it is a word that may be a name though no lexicon lists it.
    func splitCaretShape(_ last: Token, _ first: Token) -> Double? {
        guard let mark = last.text.last, "^*‘’“”'".contains(mark), last.parts.count == 1, last.letterCount >= 2,
              last.key.utf8.count >= 2, first.isNameLike, first.key.utf8.count >= 3 else { return nil }
        if lexicon.isGivenName(first.nameKey) || lexicon.isSurname(first.nameKey) { return 0.8 }
        return isUnlistedName(first.nameKey) ? 0.7 : nil
    }

    /// A word that may be a name though no lexicon lists it (no list holds every name):
    /// three letters or more, and none of the words that are names only with strong evidence.
    func isUnlistedName(_ key: String) -> Bool {
        key.unicodeScalars.count >= 3 && key.unicodeScalars.allSatisfy { $0.properties.isAlphabetic || $0 == "'" || $0 == "-" }
            && !lexicon.isStopWord(key) && !lexicon.isName(key)
    }

    /// Letters of a name part read by OCR as digits.
    private static let letterLookAlikes: [Character: Character] = ["0": "O", "1": "I", "5": "S", "8": "B", "2": "Z"]

    /// "DOE^JOHN", "IVAN0VA*LAURA", "Scott^N", "PATIENTFIVE^NEW^P^".
    private func caretShape(_ token: Token) -> Double? {
        // a caret OCR read as a trade mark sign inside the word ("QUINTERO™M") counts as one; at the end of a
        // word the sign is a brand's ("LOGIQ™")
        let raw = token.text
        let text = raw.utf8.contains(0xE2) && raw.contains("™") && !raw.hasSuffix("™") ? raw.replacingOccurrences(of: "™", with: "^") : raw
        let caretAsFour = Self.caretReadAsFour(text)
        guard text.has("^") || text.has("*") || caretAsFour else { return nil }
        let rawPieces = text.split(whereSeparator: { $0 == "^" || $0 == "*" || caretAsFour && $0 == "4" })
        guard rawPieces.allSatisfy({ piece in
            piece.filter(\.isLetter).count >= max(1, piece.filter(\.isNumber).count)
        }) else { return nil }
        let pieces = rawPieces.map { piece in String(piece.map { Self.letterLookAlikes[$0] ?? $0 }) }
        let letters = pieces.map { TextNormalization.key($0) }.filter { !$0.isEmpty }
        guard letters.count >= 2 || text.hasSuffix("^") && letters.count == 1,
              letters.allSatisfy({ $0.allSatisfy(\.isLetter) }), letters.contains(where: { $0.count >= 2 }),
              text.first.map({ $0 != "*" }) ?? false else { return nil }
        return letters.contains(where: { lexicon.isName($0) }) ? 0.85 : 0.7
    }

    /// "Haddad4Cormac", "Pemberton4Yusuf": a caret OCR read as the digit 4, the one digit, between a
    /// capitalised run of three letters or more and one of two or more.
    static func caretReadAsFour(_ text: String) -> Bool {
        let pieces = text.split(separator: "4", omittingEmptySubsequences: false)
        return pieces.count == 2 && pieces[0].count >= 3 && pieces[1].count >= 2
            && pieces.allSatisfy { $0.allSatisfy(\.isLetter) && $0.first?.isUppercase == true }
    }

    /// "PEMBERTONAF", "ACHTERBERGALEILANI": a caret OCR read as the letter A, in a word of capitals, between
    /// a family name of four letters or more and a given name or one initial: 0.85 when the family name is
    /// listed (with a listed given name, or an initial other than L: "CORONAL", "SPINAL" are words), 0.7
    /// when only the given name is, four letters or more, after a word that may be a name.
    func caretReadAsA(_ token: Token) -> Double? {
        let letters = Array(token.core)
        guard letters.count >= 7, token.isAllCaps, letters.allSatisfy(\.isLetter) else { return nil }
        for split in 4..<(letters.count - 1) where letters[split] == "A" {
            let family = TextNormalization.key(String(letters[..<split])), given = TextNormalization.key(String(letters[(split + 1)...]))
            let listedGiven = given.count >= 3 && lexicon.isGivenName(given)
            if lexicon.isSurname(family), listedGiven || given.count == 1 && given != "L" { return 0.85 }
            if listedGiven, given.count >= 4, isUnlistedName(family) { return 0.7 }
        }
        return nil
    }

    /// "MCALLISTER‘O", "Nakashima’Kwame": a caret OCR read as a quote, between a listed name of three letters
    /// or more and a listed name or one initial (0.85). Not an apostrophe's shapes: "O'Brien" (one letter
    /// before), "CHILDREN'S" (a possessive S after).
    func caretReadAsQuote(_ token: Token) -> Double? {
        let pieces = token.core.split(whereSeparator: { "‘’'`“”".contains($0) })
        guard pieces.count == 2, pieces.allSatisfy({ $0.allSatisfy(\.isLetter) }), pieces[0].count >= 3,
              pieces[0].first?.isUppercase == true, pieces[1].first?.isUppercase == true else { return nil }
        let family = TextNormalization.key(pieces[0]), given = TextNormalization.key(pieces[1])
        guard lexicon.isName(family), !lexicon.isStopWord(family) else { return nil }
        let initial = given.count == 1 && given != "S"
        return initial || given.count >= 2 && lexicon.isName(given) && !lexicon.isStopWord(given) ? 0.85 : nil
    }

    /// "Scott, Jennifer S", "DOE, JOHN", "Test,Belle", "MAZHAR,ISMAEL".
    private func commaShape(_ line: TextLine, _ position: Int) -> (Range<Int>, Double)? {
        let token = line[position]
        var family: String, given: String, end: Int
        let pieces = token.core.split(separator: ",", omittingEmptySubsequences: false)
        if pieces.count == 2, pieces.allSatisfy({ $0.count >= 2 && $0.allSatisfy { $0.isLetter || $0 == "'" || $0 == "-" } }),
           token.text.first?.isUppercase == true {
            (family, given, end) = (TextNormalization.key(pieces[0]), TextNormalization.key(pieces[1]), position + 1)
        } else if token.endsWithComma, token.isNameLike, position + 1 < line.count, line[position + 1].isNameLike {
            (family, given, end) = (token.nameKey, line[position + 1].nameKey, position + 2)
        } else {
            return nil
        }
        var confidence: Double
        if lexicon.isGivenName(given) { confidence = 0.85 }
        else if lexicon.isSurname(family) && !lexicon.isStopWord(given) { confidence = 0.75 }
        else if isUnlistedName(family), isUnlistedName(given) { confidence = 0 }
        else { return nil }
        if end < line.count, line[end].isInitial || line[end].isNameLike && lexicon.isGivenName(line[end].nameKey) { end += 1 }
        if end < line.count, Self.credentials.contains(line[end].labelKey) { end += 1 }
        if confidence == 0 {
            // names in no lexicon ("Oyelaran, Aoife"): only the whole line, or all of it before a date
            guard position == 0, end == line.count || line[end].hasDigit else { return nil }
            confidence = 0.7
        }
        return (position..<end, confidence)
    }

    /// "D. Lindqvist", "J. R. Okafor": initials with a dot before a listed surname that is no common word
    /// (0.7), or before a capitalised word of four letters or more that may be a name though no list holds it
    /// ("A. Oyelaran", 0.6).
    private func initialled(_ line: TextLine, _ position: Int) -> (Range<Int>, Double)? {
        var end = position
        while end < line.count, end < position + 2, line[end].isInitial, line[end].text.hasSuffix(".") { end += 1 }
        guard end > position, end < line.count, line[end].isNameLike, !line[end].endsWithColon else { return nil }
        let surname = line[end]
        if lexicon.isSurname(surname.nameKey) { return (position..<(end + 1), 0.7) }
        guard surname.letterCount >= 4, surname.isTitleCase || surname.isAllCaps, isUnlistedName(surname.nameKey) else { return nil }
        return (position..<(end + 1), 0.6)
    }

    /// "Whitfield", "NAKASHIMA": a listed surname of seven letters or more (shorter ones are as often a common
    /// word cut short: "Delay", "PORTA", "Pagel" for "Page 1"; a given name too only at that length, "Brennan",
    /// not "Laura"), capitalised, that is no common word or technical text, nor a possessive ("Brennan's"),
    /// alone on its line but for marks: a name whose initial or given name OCR did not read.
    private func loneSurname(_ line: TextLine, lineNumber: Int, _ input: RecognitionInput) -> Int? {
        let words = line.tokens.indices.filter { line[$0].letterCount > 0 || line[$0].hasDigit }
        guard words.count == 1, let position = words.first else { return nil }
        let token = line[position]
        guard token.isNameLike, token.letterCount >= 7, token.isTitleCase || token.isAllCaps, token.nameKey == token.key,
              lexicon.isSurname(token.key), !lexicon.isStopWord(token.key),
              !input.isAllowListed(line: lineNumber, position: position) else { return nil }
        return position
    }

    /// "Dr. N. Garcia", "DR RODRIGUEZ P", "Mrs Smith"; "John Smith MD".
    private func titled(_ line: TextLine, _ position: Int, lineNumber: Int, _ input: RecognitionInput) -> (Range<Int>, Double)? {
        let label = line[position].labelKey
        if Self.titles.contains(label), position + 1 < line.count {
            var end = position + 1
            while end < line.count, end < position + 5, line[end].isNameLike || line[end].isInitial,
                  !line[end].endsWithColon, !input.isInDate(line: lineNumber, position: end) {
                end += 1
            }
            let words = (position + 1)..<end
            guard words.contains(where: { line[$0].isNameLike && !lexicon.isStopWord(line[$0].nameKey) }) else { return nil }
            let known = words.contains { lexicon.isName(line[$0].nameKey) }
            return (position..<end, known ? 0.85 : 0.75)
        }
        if Self.credentials.contains(label), position > 0 {
            var start = position
            while start > 0, start > position - 4, line[start - 1].isNameLike || line[start - 1].isInitial,
                  !line[start - 1].endsWithColon {
                start -= 1
            }
            let words = start..<position
            if words.contains(where: { lexicon.isGivenName(line[$0].nameKey) || lexicon.isSurname(line[$0].nameKey) }) {
                return (words, 0.8)
            }
            // "Priya MD": capitalised words in no lexicon, before a credential that is no common
            // abbreviation as well ("LIVER RT LOBE", OCR's "LIWER": RT is right; DO is a verb)
            guard !Self.ambiguousCredentials.contains(label),
                  words.contains(where: { isUnlistedName(line[$0].nameKey) && (line[$0].isTitleCase || line[$0].isAllCaps) })
            else { return nil }
            return (words, 0.7)
        }
        return nil
    }
}
