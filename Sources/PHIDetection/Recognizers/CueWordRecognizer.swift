/// Labels that announce PHI make the words after them PHI: `DOB:`, `BD:`, `Birth:`, `Date:`, `Study:`, `Scan`,
/// `Examined` (a date; without a colon only a value with four digits or a month name), `Time:`, `T:` (a time;
/// after `T:` only what starts like one), `Name:`, `Patient:`, `Pt:`, `Ref Phys:`, `Operator:` (a name),
/// `Institution:`, `Hospital:` (a place). The label itself stays readable. A value glued to its label
/// ("DOB:06.16.1976") makes the whole word PHI.
///
/// A label written without a colon ("Patient", "Pt") announces a name only when the value looks like one (a
/// lexicon name, `LAST^FIRST`, `Last, First`).
struct CueWordRecognizer: Recognizer {
    let name = "cue-word"
    let lexicon: NameLexicon

    enum Value { case date, time, name, institution }

    struct Cue {
        let words: [String]
        let value: Value
        /// Counts without a colon after it.
        let standsAlone: Bool
    }

    static let cues: [Cue] = {
        func make(_ phrases: [String], _ value: Value, standsAlone: Bool) -> [Cue] {
            phrases.map { Cue(words: $0.split(separator: " ").map(String.init), value: value, standsAlone: standsAlone) }
        }
        let cues = make(["DOB", "BIRTH", "BIRTHDATE", "BIRTH DATE", "DATE OF BIRTH", "BORN", "GEB", "GEBDAT",
                         "GEBURTSDATUM", "GEBOREN", "NE LE", "NEE LE", "NÉ LE", "NÉE LE", "DDN", "DATE DE NAISSANCE",
                         "FECHA NAC", "FNAC", "FECHA DE NACIMIENTO", "F NAC", "DATA DI NASCITA", "NASCITA"],
                        .date, standsAlone: true)
            + make(["DATE", "STUDY DATE", "EXAM DATE", "ACQ DATE", "SCAN DATE", "STUDY", "DATUM", "FECHA",
                    "DATA", "SERIES DATE", "ACQUISITION DATE", "BD", "EXAM", "EXAMINED", "SCAN", "SCANNED", "ACQUIRED",
                    "VISIT", "DOS", "ADMITTED", "ADMISSION"], .date, standsAlone: false)
            + make(["TIME", "STUDY TIME", "ACQ TIME", "SCAN TIME", "ZEIT", "UHRZEIT", "HEURE", "HORA", "T", "START",
                    "START TIME", "STARTED", "END", "END TIME"], .time, standsAlone: false)
            + make(["NAME", "PATIENT NAME", "PAT NAME", "PT NAME", "PATIENTNAME", "PATIENT", "PT", "PAT", "NOM",
                    "NOMBRE", "NOME", "NAAM", "PHYSICIAN", "PHYS", "REF", "REF PHYS", "REF PHYSICIAN", "REFERRING",
                    "REFERRING PHYSICIAN", "REF DR", "REFERRED BY", "OPERATOR", "OPERATORS", "OPERATOR NAME", "OP",
                    "TECH", "TECHNOLOGIST", "TECHNICIAN", "SONOGRAPHER", "SONO", "RADIOLOGIST", "READ BY",
                    "READING", "REPORTED BY", "PERFORMED BY", "PERF BY", "ATTENDING", "SURGEON", "ENDOSCOPIST",
                    "DOCTOR", "ARZT", "UNTERSUCHER", "MEDECIN", "MEDICO", "NURSE", "RESIDENT", "REQUESTED BY", "REQ BY", "REF BY",
                    "ORDERED BY", "ORDERING", "SIGNED BY", "DICTATED BY", "APPROVED BY", "VERIFIED BY",
                    "CONSULTANT", "NAME OF PATIENT"], .name, standsAlone: false)
            + make(["HOSPITAL", "INSTITUTION", "FACILITY", "LOCATION", "CLINIC", "DEPARTMENT", "DEPT",
                    "KLINIK", "ETABLISSEMENT", "CENTRO", "ORGANIZATION", "ORGANISATION"], .institution, standsAlone: false)
        return cues.sorted { $0.words.count > $1.words.count }
    }()

    func findings(in input: RecognitionInput) -> [Finding] {
        var findings: [Finding] = []
        for (number, line) in input.lines.enumerated() {
            var position = 0
            while position < line.count {
                guard let (cue, end, glued) = match(line, at: position) else { position += 1; continue }
                if let found = value(cue, in: line, lineNumber: number, after: end, glued: glued, input: input) {
                    findings.append(found)
                }
                position = end + 1
            }
        }
        return findings
    }

    /// The cues by their first word, longest first.
    static let cuesByFirstWord: [String: [Cue]] = Dictionary(grouping: cues, by: { $0.words[0] })

    /// Whether the word may begin a label announcing a value ("Patient", "Name", "Date"): no part of one.
    static func beginsLabel(_ token: Token) -> Bool {
        cuesByFirstWord[token.labelKey] != nil
    }

    /// The cue starting at `position`: its last word, and whether a value is glued to that word after a colon.
    private func match(_ line: TextLine, at position: Int) -> (Cue, Int, Bool)? {
        let token = line[position]
        var candidates = Self.cuesByFirstWord[token.labelKey] ?? []
        if let glued = token.gluedLabel, glued != token.labelKey { candidates += Self.cuesByFirstWord[glued] ?? [] }
        if candidates.isEmpty, let misread = Self.misreadCue(token) { return (misread, position, false) }
        for cue in candidates where position + cue.words.count <= line.count {
            var matched = true
            for (offset, word) in cue.words.enumerated() {
                let token = line[position + offset]
                let isLast = offset == cue.words.count - 1
                let label = isLast ? token.gluedLabel ?? token.labelKey : token.labelKey
                if label != word || !isLast && token.endsWithColon { matched = false; break }
            }
            guard matched else { continue }
            let last = line[position + cue.words.count - 1]
            let glued = last.gluedValue != nil
            guard last.endsWithColon || glued || cue.standsAlone || cue.value == .name || cue.value == .date
                || cue.value == .time && cue.words != ["T"] else { continue }
            return (cue, position + cue.words.count - 1, glued)
        }
        return nil
    }

    /// One-word labels of six letters or more, for `misreadCue`.
    private static let longCues = cues.filter { $0.words.count == 1 && $0.words[0].utf8.count >= 6 }

    /// A long one-word label OCR got one letter wrong in ("Patent:", "Axtending:"), known by its colon.
    static func misreadCue(_ token: Token) -> Cue? {
        guard token.endsWithColon, token.gluedValue == nil, token.labelKey.utf8.count >= 6,
              token.labelKey.allSatisfy(\.isLetter) else { return nil }
        return longCues.first { TextNormalization.editDistance(token.labelKey, $0.words[0], limit: 1) <= 1 }
    }

    private func value(_ cue: Cue, in line: TextLine, lineNumber: Int, after end: Int, glued: Bool,
                       input: RecognitionInput) -> Finding? {
        let first = glued ? end : end + 1
        let colon = line[end].endsWithColon || glued
        var last = first
        switch cue.value {
        case .date:
            while last < line.count, last < first + 4, isDatePart(line[last], glued: glued && last == end) { last += 1 }
            // after a birth-date label with a colon, a value OCR garbled from its start on is read up to its
            // last digits or month name ("DoB: BL September ‘amher 1950"); a value that starts as a date is not
            if cue.standsAlone, colon, !glued, last == first { last = bridgedDateEnd(line, from: first) }
            // a month name alone ending the line after a birth-date label: OCR read no further ("DoB: JAN-"
            // for JAN-07-1954)
            let monthOnly = cue.standsAlone && colon && last == line.count && last > first
                && !(first..<last).contains(where: { line[$0].hasDigit }) && Self.isDateLike(line.tokens[first..<last])
            guard monthOnly || (first..<last).contains(where: { line[$0].hasDigit }) else { return nil }
            // without a colon ("Scan 13.01.2-", "Examined 26 NOV 2023"), only a value with a date's
            // digits or a month name: "Scan 3", "Study 2" are counters
            if !colon, !cue.standsAlone, !Self.isDateLike(line.tokens[first..<last]) { return nil }
            var found = finding(line, first..<last, .date, 0.9)
            found.announced = cue.standsAlone
            // a value ending the line that reads as no date ("BD: O3S-is" for 03-19-1959): OCR garbled it or
            // cut it short, the rest of a numeric date unread
            if last == line.count, !(first..<last).allSatisfy({ input.isInDate(line: lineNumber, position: $0) }) {
                found.unreadCharacters = max(0, Self.numericDateLength - Token.printedLength(line.tokens[first..<last]))
            }
            return found
        case .time:
            guard first < line.count, line[first].hasDigit else { return nil }
            // a one-letter label ("T: 06h57") only before what reads as a time ("T: 1.5" is a value)
            if cue.words == ["T"], !Self.startsLikeATime(line[first].upper) { return nil }
            // "Start", "End", and a time label without its colon ("Acq time 08.55."), only before a clock time
            // with its minutes ("Start 13.23.30"; "Start 120" is a position)
            if Self.clockLabels.contains(cue.words[0]) || !colon, !Self.isClockTime(line[first].upper) { return nil }
            last = first + 1
            if last < line.count, CalendarNames.meridiems[line[last].labelKey] != nil { last += 1 }
            var found = finding(line, first..<last, .time, 0.85)
            if last == first + 1 { found.unreadCharacters = Self.unreadMinutes(line[first].text) }
            return found
        case .name:
            // technical text ends a name ("Ordered by VASQUEZ^Y Vol 12.8 ml"); an initial does not, nor a
            // word before a listed name ("Castellano, Des Desmond": OCR read the start of a name twice)
            func continuesName(_ p: Int) -> Bool {
                p == first || line[p].isInitial || !input.isAllowListed(line: lineNumber, position: p)
                    || p + 1 < line.count && line[p + 1].isNameLike && lexicon.isName(line[p + 1].nameKey)
            }
            // after a colon, a title OCR read as a mark only ("Attending: - Delacroix" for Dr.) goes with the name
            if colon, !glued, first + 1 < line.count, line[first].letterCount == 0, !line[first].hasDigit,
               line[first].text.count <= 2, isNamePart(line[first + 1], glued: false), line[first + 1].isNameLike {
                last = first + 1
            }
            while last < line.count, last < first + 4, isNamePart(line[last], glued: glued && last == end),
                  !input.isInDate(line: lineNumber, position: last), continuesName(last) {
                last += 1
            }
            guard last > first else { return nil }
            let labelsTheLine = end + 1 - cue.words.count == 0 || cue.words.count > 1
            // "Req by", "Read by": only a person comes after "by"
            let namesAName = Self.nameLabels.contains(cue.words.joined(separator: " ")) && labelsTheLine
                || cue.words.count > 1 && cue.words.last == "BY"
            if !colon && !cue.standsAlone && !namesAName && !looksLikeName(line, first..<last) { return nil }
            return finding(line, first..<last, .name, colon ? 0.85 : 0.75)
        case .institution:
            while last < line.count, last < first + 6, line[last].letterCount > 0, !line[last].endsWithColon || last == end {
                last += 1
            }
            guard last > first else { return nil }
            return finding(line, first..<last, .institution, 0.8)
        }
    }

    /// The end of the furthest word within four of `first` that has digits or a month name, with no label,
    /// word ending in a colon, or sex-and-age marker before it; `first` when there is none.
    private func bridgedDateEnd(_ line: TextLine, from first: Int) -> Int {
        var end = first
        for position in first..<min(line.count, first + 4) {
            let token = line[position]
            if token.endsWithColon || Self.beginsLabel(token) || Self.isSexAndAge(token.core) { break }
            if token.hasDigit || Self.isDateLike(line.tokens[position..<(position + 1)]) { end = position + 1 }
        }
        return end
    }

    /// "F/39", "M/8Y": the sex-and-age marker that often follows a birth date is no part of it.
    static func isSexAndAge(_ core: String) -> Bool {
        let parts = core.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 1, parts[0].allSatisfy(\.isLetter), (1...4).contains(parts[1].count),
              parts[1].first?.isNumber == true else { return false }
        return parts[1].allSatisfy { $0.isNumber || $0.isLetter }
    }

    /// One or two digits, then ":" or "H" ("06H57", "1:02", "15:"), in upper case; a first zero may read as
    /// O ("O9H54").
    static func startsLikeATime(_ upper: String) -> Bool {
        var characters = Array(upper)
        if characters.count >= 2, characters[0] == "O", characters[1].isNumber { characters[0] = "0" }
        guard let mark = characters.firstIndex(where: { !$0.isNumber }), (1...2).contains(mark) else { return false }
        return characters[mark] == ":" || characters[mark] == "H"
    }

    /// A time OCR read only up to its minutes ("15:" for 15:57, "15:5"): the minute digits missing.
    static func unreadMinutes(_ text: String) -> Int {
        let characters = Array(text)
        guard let mark = characters.firstIndex(where: { !$0.isNumber }), (1...2).contains(mark), ":.hH".contains(characters[mark])
        else { return 0 }
        let after = characters[(mark + 1)...]
        guard after.count < 2, after.allSatisfy(\.isNumber) else { return 0 }
        return 2 - after.count
    }

    /// Time labels that announce, with a colon or without, only a clock time.
    static let clockLabels: Set<String> = ["START", "STARTED", "END"]

    /// One or two digits, a ":", "." or "H", and two more digits ("13.23.30", "9:05", "06H57"); one of the minute
    /// digits may be a letter OCR reads for a 1 or a 0 ("16HI3" for 16h13, "9:O5").
    static func isClockTime(_ upper: String) -> Bool {
        let characters = Array(upper)
        guard let mark = characters.firstIndex(where: { !$0.isNumber }), (1...2).contains(mark), ":.H".contains(characters[mark]),
              characters.count >= mark + 3 else { return false }
        let minutes = characters[(mark + 1)...(mark + 2)]
        return minutes.contains(where: \.isNumber) && minutes.allSatisfy { $0.isNumber || minuteLookAlikes.contains($0) }
    }

    /// Letters OCR reads for the thin 1 and the round 0 of a time's minutes, in upper case.
    private static let minuteLookAlikes: Set<Character> = ["I", "|", "O"]

    /// The characters of a numeric date with a four-digit year ("03-19-1959").
    static let numericDateLength = 10

    /// Four digits or more, or a month name.
    static func isDateLike(_ tokens: ArraySlice<Token>) -> Bool {
        tokens.reduce(0) { $0 + $1.digitCount } >= 4
            || tokens.contains { $0.chunks.contains { $0.kind == .word && CalendarNames.months[$0.text] != nil } }
    }

    private func isDatePart(_ token: Token, glued: Bool) -> Bool {
        if glued { return true }
        if token.endsWithColon || Self.isSexAndAge(token.core) { return false }
        return token.hasDigit || token.text == "," || token.chunks.contains {
            $0.kind == .word && (CalendarNames.months[$0.text] != nil || CalendarNames.weekdays.contains($0.text))
        } || token.text.allSatisfy { "*/.-".contains($0) }
    }

    private func isNamePart(_ token: Token, glued: Bool) -> Bool {
        if glued { return true }
        guard !token.hasDigit, !token.endsWithColon, token.letterCount > 0 else { return false }
        return token.isNameLike || token.isInitial || token.text.has("^") || token.text.has(",")
            || token.key.utf8.count <= 3 && token.text.drop(while: { "-–—~'‘’\"“”".contains($0) }).first?.isUppercase == true  // "-U": a piece OCR cut off
            || Self.isJoinedName(token)
    }

    /// Words of letters joined by a character OCR made of `^` ("Nakashima“Kwame", "DOE*JOHN"), the
    /// last maybe an initial ("NAKASHIMA‘E").
    static func isJoinedName(_ token: Token) -> Bool {
        token.parts.count >= 2 && token.parts.dropLast().allSatisfy { $0.utf8.count >= 2 } && token.parts[0].utf8.count >= 3
            && token.text.first?.isUppercase == true
    }

    /// Labels that name the value a person's name: without a colon too, when they begin the line or
    /// have several words ("Name IMOGEN LINDQVIST", "Patient Name Ada Lee"), whatever the lexicons say.
    static let nameLabels: Set<String> = ["NAME", "PATIENT NAME", "PAT NAME", "PT NAME", "PATIENTNAME", "NAME OF PATIENT",
                                          "NOM", "NOMBRE", "NOME", "NAAM"]

    /// A name-like value after a label without a colon: a lexicon name, a `^` or comma shape, or an
    /// initial before a name-like word ("Pat. H. Szabo").
    private func looksLikeName(_ line: TextLine, _ range: Range<Int>) -> Bool {
        if range.count >= 2, line[range.lowerBound].isInitial, line[range.lowerBound + 1].isNameLike { return true }
        return range.contains { position in
            let token = line[position]
            return token.text.has("^") || token.text.has(",") && range.count > 1
                || lexicon.isGivenName(token.nameKey) || lexicon.isSurname(token.nameKey)
        }
    }
}
