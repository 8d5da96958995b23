/// Finds the values captured from the DICOM header in the OCR text: name parts, identifiers, dates and times
/// in any printed form, institution and other place names. Tolerates OCR errors: `^` read as `*` or a space,
/// O/0, I/l/1, S/5, B/8 and Z/2 confusions, dropped or changed separators, case, values cut short with "…",
/// and small misspellings of longer values.
///
/// Confidence: 0.95 for an exact match (the only findings that override the allow-list), 0.88 when OCR
/// look-alikes had to be folded, less for edit-distance matches (never for values under five characters) and
/// for truncated or partial values.
struct HeaderContextRecognizer: Recognizer {
    static let recognizerName = "header-match"
    static let exactConfidence = 0.95
    static let foldedConfidence = 0.88
    static let glyphConfidence = 0.85
    let name = Self.recognizerName

    func findings(in input: RecognitionInput) -> [Finding] {
        let header = input.header
        guard !header.isEmpty else { return [] }
        var findings: [Finding] = []
        for (number, line) in input.lines.enumerated() {
            let folded = FoldedLine(line)
            if !header.nameParts.isEmpty { findings += names(in: line, folded, header) }
            if !header.identifiers.isEmpty { findings += identifiers(in: line, folded, header) }
            if !header.dates.isEmpty { findings += dates(input.dates[number], in: line, header) }
            if !header.times.isEmpty { findings += times(input.times[number], in: line, header) }
            findings += phrases(header.places, in: line, folded, type: .institution)
            findings += phrases(header.others, in: line, folded, type: .other)
        }
        return findings
    }

    /// How well one letter-and-digit run of an OCR word matches a header word, or nil.
    /// `glyph` is `folded` through `TextNormalization.glyphFolded`, when the caller has it already.
    static func score(_ fragment: String, folded: String, glyph: String? = nil, against word: HeaderValues.Word) -> Double? {
        if fragment == word.key { return exactConfidence }
        guard fragment.utf8.count >= 3, word.key.utf8.count >= 3 else { return nil }
        if folded == word.folded { return foldedConfidence }
        // a letter pair read as one letter or one as a pair ("MANSOL" for MARISOL, "CLEMENTS" read "DEMENTS")
        if fragment.utf8.count >= 5, word.key.utf8.count >= 5,
           (glyph ?? TextNormalization.glyphFolded(folded)) == word.glyphFolded {
            return glyphConfidence
        }
        let limit = TextNormalization.allowedEdits(forLength: min(fragment.utf8.count, word.key.utf8.count))
        guard limit > 0, abs(fragment.utf8.count - word.key.utf8.count) <= limit else { return nil }
        // One edit leaves the first or the last character in place.
        if limit == 1, folded.utf8.first != word.folded.utf8.first, folded.utf8.last != word.folded.utf8.last { return nil }
        let distance = TextNormalization.editDistance(folded, word.folded, limit: limit)
        guard distance <= limit else { return nil }
        return max(0.6, foldedConfidence - 0.4 * Double(distance) / Double(word.key.utf8.count))
    }

    /// A value the device cut short: "PATIENTFI..." for PATIENTFIVE, "CLEVELAN..." for CLEVELAND.
    static func truncationScore(_ token: Token, folded: [String], isLastOnLine: Bool, against word: HeaderValues.Word) -> Double? {
        guard let fragment = token.parts.last, let foldedFragment = folded.last, fragment.utf8.count < word.key.utf8.count,
              token.isTruncated && fragment.utf8.count >= 3 || isLastOnLine && fragment.utf8.count >= 4 else { return nil }
        return word.key.hasPrefix(fragment) || word.folded.hasPrefix(foldedFragment) ? 0.8 : nil
    }

    /// A family name with the `^` and an initial after it read as letters ("PEMBERTONAF" for PEMBERTON^F):
    /// a word that begins with a name part of five letters or more and has at most two letters more.
    static func runOnScore(_ token: Token, against word: HeaderValues.Word) -> Double? {
        guard word.key.utf8.count >= 5, let fragment = token.parts.first, fragment.utf8.count > word.key.utf8.count,
              fragment.utf8.count <= word.key.utf8.count + 2, fragment.hasPrefix(word.key),
              fragment.utf8.dropFirst(word.key.utf8.count).allSatisfy({ $0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z") })
        else { return nil }
        return 0.8
    }

    /// A name part OCR read without its first or last letters ("mille" for CAMILLE, "“itzger" for
    /// FITZGERALD): a run of five letters or more, three fifths of the part at least, found inside it.
    static func innerScore(_ token: Token, against word: HeaderValues.Word) -> Double? {
        let length = word.key.utf8.count
        guard length >= 6 else { return nil }
        for fragment in token.parts where fragment.utf8.count >= 5 && fragment.utf8.count < length && 5 * fragment.utf8.count >= 3 * length
            && fragment.utf8.allSatisfy({ $0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z") }) {
            if TextNormalization.occurs(fragment, in: word.key) { return 0.8 }
        }
        return nil
    }

    /// A name part OCR split in two words ("Vas" "quez" for VASQUEZ): two neighbouring words of letters that
    /// together are a part of five letters or more, exactly or folded.
    static func splitParts(_ line: TextLine, _ header: HeaderValues) -> [(Int, Double)] {
        guard line.count >= 2 else { return [] }
        var found: [(Int, Double)] = []
        for position in 0..<(line.count - 1) {
            let (left, right) = (line[position], line[position + 1])
            guard left.parts.count == 1, right.parts.count == 1, left.letterCount == left.key.utf8.count,
                  right.letterCount == right.key.utf8.count, !left.endsWithColon else { continue }
            let joined = left.key + right.key
            guard joined.utf8.count >= 5 else { continue }
            let folded = TextNormalization.ocrFolded(joined)
            for part in header.nameParts where part.key.utf8.count == joined.utf8.count {
                let score = joined == part.key ? exactConfidence : folded == part.folded ? foldedConfidence : nil
                if let score { found += [(position, score), (position + 1, score)] }
            }
        }
        return found
    }

    /// The letter a one-character OCR word may stand for as an initial ("4" for A).
    static func initialLookAlike(_ fragment: String) -> String? {
        ["4": "A", "8": "B", "0": "O", "1": "I", "5": "S", "2": "Z", "6": "G"][fragment]
    }

    /// How many characters of `word` follow the token's last letter-and-digit run, when that run is how
    /// `word` begins (a value OCR read only in part): 0 otherwise.
    static func unreadCharacters(after token: Token, of word: HeaderValues.Word) -> Int {
        guard let fragment = token.parts.last, fragment.utf8.count < word.key.utf8.count else { return 0 }
        let folded = TextNormalization.ocrFolded(fragment)
        guard word.key.hasPrefix(fragment) || word.folded.hasPrefix(folded) else { return 0 }
        return word.key.utf8.count - fragment.utf8.count
    }

    /// A family name cut short as the token's one part ("MULLIGA" for MULLIGAN^T): the separator and the
    /// given name's initial that may follow it unread, when the header gives a given name (printed perhaps
    /// as its initial only: no more is taken); 0 otherwise.
    static func givenAfter(_ family: HeaderValues.Word, cutAfter token: Token, _ header: HeaderValues) -> Int {
        guard token.parts.count == 1, unreadCharacters(after: token, of: family) > 0,
              let given = header.givenNameLengths[family.key], given > 0 else { return 0 }
        return 2
    }

    /// The OCR-folded forms of a line's words, computed once per line.
    struct FoldedLine {
        let keys: [String]
        let parts: [[String]]

        init(_ line: TextLine) {
            keys = line.tokens.map { TextNormalization.ocrFolded($0.key) }
            parts = line.tokens.map { $0.parts.map(TextNormalization.ocrFolded) }
        }
    }

    // MARK: names

    /// Each name part on its own (a given name alone, a family name alone); parts of one or two letters
    /// (initials) only next to another matched part; two parts run together ("DOEJOHN").
    private func names(in line: TextLine, _ folded: FoldedLine, _ header: HeaderValues) -> [Finding] {
        var scores = [Double?](repeating: nil, count: line.count)
        var unread = [Int](repeating: 0, count: line.count)
        var shortHits = [Bool](repeating: false, count: line.count)
        for position in 0..<line.count {
            let token = line[position]
            var best: Double?
            for (fragment, foldedFragment) in zip(token.parts, folded.parts[position]) {
                let glyph = TextNormalization.glyphFolded(foldedFragment)  // once per fragment, not per name part
                for part in header.nameParts {
                    if part.key.utf8.count <= 2 {
                        // an initial, maybe read as its look-alike digit ("4" for A, "8" for B)
                        if fragment == part.key || Self.initialLookAlike(fragment) == part.key, token.key.utf8.count <= 2 {
                            shortHits[position] = true
                        }
                        continue
                    }
                    if let score = Self.score(fragment, folded: foldedFragment, glyph: glyph, against: part) {
                        best = max(best ?? 0, score)
                    }
                }
                if fragment.utf8.count >= 4, header.nameJoins.contains(fragment) { best = max(best ?? 0, 0.9) }
                if best == nil, header.isJoinWithSeparator(fragment) { best = Self.glyphConfidence }
            }
            if best == nil {
                for part in header.nameParts where part.key.utf8.count >= 3 {
                    if let score = Self.truncationScore(token, folded: folded.parts[position],
                                                        isLastOnLine: position == line.count - 1, against: part)
                        ?? Self.runOnScore(token, against: part) ?? Self.innerScore(token, against: part) {
                        best = max(best ?? 0, score)
                    }
                }
            }
            scores[position] = best
            // a name cut short at the end of the line ("OBI*EZEk" for OBI^EZEKIEL): its last part begins a
            // name part of three letters or more
            if best != nil, position == line.count - 1 || token.isTruncated, (token.parts.last?.utf8.count ?? 0) >= 3 {
                unread[position] = header.nameParts.filter { $0.key.utf8.count >= 3 }
                    .map { Self.unreadCharacters(after: token, of: $0) + Self.givenAfter($0, cutAfter: token, header) }.max() ?? 0
            }
            // a family name with its comma, and no part of the name after it ("McAllister," "THYROID" for
            // McAllister, Imogen MD): the given name unread, a word space on
            if best != nil, unread[position] == 0, token.endsWithComma, let family = token.parts.last,
               let given = header.givenNameLengths[family], given > 0,
               position == line.count - 1 || !header.nameParts.contains(where: { folded.parts[position + 1].contains($0.folded) }) {
                unread[position] = given + 1
            }
        }
        for (position, score) in Self.splitParts(line, header) where scores[position] == nil || scores[position]! < score {
            scores[position] = score
        }
        for position in 0..<line.count where scores[position] == nil && shortHits[position] {
            let neighbours = [position - 1, position + 1].filter { $0 >= 0 && $0 < line.count }
            if neighbours.contains(where: { scores[$0] != nil }) { scores[position] = 0.9 }
        }
        return scores.enumerated().compactMap { position, score in
            score.map { score in
                var found = finding(line, position..<(position + 1), .name, score)
                found.unreadCharacters = unread[position]
                return found
            }
        }
    }

    // MARK: dates and times

    private func dates(_ spans: [DateSpan], in line: TextLine, _ header: HeaderValues) -> [Finding] {
        spans.compactMap { span in
            guard span.date.candidates.contains(where: { candidate in header.dates.contains { candidate.agrees(with: $0) } })
            else { return nil }
            var confidence: Double
            switch span.date.form {
            case .numericWithFourDigitYear, .numericWithTwoDigitYear, .compactEightDigits, .writtenMonth:
                confidence = Self.exactConfidence
            case .compactSixDigits: confidence = 0.9
            case .dayAndMonth: confidence = 0.75
            case .monthAndYear: confidence = 0.6
            }
            if span.date.folded { confidence = min(confidence, Self.foldedConfidence) }
            return finding(line, span.range, .date, confidence)
        }
    }

    private func times(_ spans: [TimeSpan], in line: TextLine, _ header: HeaderValues) -> [Finding] {
        spans.compactMap { span in
            var best: Double?
            for candidate in span.time.candidates {
                for time in header.times where candidate.hour == time.hour && candidate.minute == time.minute {
                    let score: Double
                    if let second = candidate.second, let headerSecond = time.second {
                        guard second == headerSecond else { continue }
                        score = span.time.isCompact ? 0.92 : Self.exactConfidence
                    } else {
                        score = 0.85
                    }
                    best = max(best ?? 0, span.time.folded ? min(score, Self.foldedConfidence) : score)
                }
            }
            return best.map { finding(line, span.range, .time, $0) }
        }
    }
}
