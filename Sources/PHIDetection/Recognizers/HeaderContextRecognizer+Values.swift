/// Identifiers and multi-word values (institution, address, station, other).
extension HeaderContextRecognizer {
    // MARK: identifiers

    /// An identifier as one word, inside a word ("ID:2823824046", "#7189"), split across words ("AD 9918 67",
    /// "SCOTT FIXED"), without its dashes, without leading zeros, by one of its dash-separated parts, or with
    /// an OCR error or two in a long value.
    func identifiers(in line: TextLine, _ folded: FoldedLine, _ header: HeaderValues) -> [Finding] {
        var findings: [Finding] = []
        let longest = header.identifiers.map(\.value.key.utf8.count).max() ?? 0
        for position in 0..<line.count where line[position].key.utf8.count >= 3 {
            let token = line[position]
            var best: Double?
            for identifier in header.identifiers {
                if let score = score(token, folded: folded.keys[position], foldedParts: folded.parts[position],
                                     against: identifier, isLastOnLine: position == line.count - 1) {
                    best = max(best ?? 0, score)
                }
            }
            if let best {
                var found = finding(line, position..<(position + 1), .identifier, best)
                // the value cut short at the end of the line ("CT17-261" for CT17-261828)
                if position == line.count - 1, token.key.utf8.count >= 4 {
                    found.unreadCharacters = header.identifiers.map { identifier in
                        identifier.value.key.hasPrefix(token.key) ? identifier.value.key.utf8.count - token.key.utf8.count : 0
                    }.max() ?? 0
                }
                findings.append(found)
            }
        }
        for start in 0..<line.count where !line[start].key.isEmpty && line[start].key.utf8.count < longest {
            var joined = line[start].key
            var foldedJoined = folded.keys[start]
            for end in (start + 1)..<min(line.count, start + 4) {
                guard joined.utf8.count + line[end].key.utf8.count <= longest else { break }
                joined += line[end].key
                foldedJoined += folded.keys[end]
                for identifier in header.identifiers where joined.utf8.count <= identifier.value.key.utf8.count + 1 {
                    if joined == identifier.value.key {
                        findings.append(finding(line, start..<(end + 1), .identifier, 0.93))
                    } else if foldedJoined == identifier.value.folded {
                        findings.append(finding(line, start..<(end + 1), .identifier, Self.foldedConfidence))
                    }
                }
            }
        }
        return findings
    }

    private func score(_ token: Token, folded: String, foldedParts: [String], against identifier: HeaderValues.Identifier,
                       isLastOnLine: Bool) -> Double? {
        let value = identifier.value
        if token.key == value.key || token.parts.contains(value.key) { return Self.exactConfidence }
        if value.key.utf8.count >= 6, TextNormalization.occurs(value.key, in: token.key) { return 0.9 }
        if folded == value.folded || foldedParts.contains(value.folded) { return Self.foldedConfidence }
        if value.key.utf8.count >= 6, TextNormalization.occurs(value.folded, in: folded) { return 0.85 }
        if let stripped = identifier.withoutLeadingZeros,
           token.key == stripped || token.parts.contains(stripped) { return 0.85 }
        if token.parts.contains(where: { $0.count >= 4 && identifier.components.contains($0) }) { return 0.75 }
        let limit = TextNormalization.allowedEdits(forLength: value.key.utf8.count)
        if value.key.utf8.count >= 6, limit > 0, abs(token.key.utf8.count - value.key.utf8.count) <= limit,
           TextNormalization.editDistance(folded, value.folded, limit: limit) <= limit {
            return 0.8
        }
        return Self.truncationScore(token, folded: foldedParts, isLastOnLine: isLastOnLine, against: value)
    }

    // MARK: multi-word values

    /// Words of common institution names that identify nobody on their own.
    static let commonPlaceWords: Set<String> = [
        "HOSPITAL", "HOSP", "GENERAL", "MEDICAL", "MED", "CENTER", "CENTRE", "CTR", "CLINIC", "CARE", "HEALTH",
        "HEALTHCARE", "UNIVERSITY", "UNIV", "DEPARTMENT", "DEPT", "RADIOLOGY", "IMAGING", "ULTRASOUND", "SURGICAL",
        "SURGERY", "COUNTY", "REGIONAL", "MEMORIAL", "COMMUNITY", "SAINT", "THE", "AND", "FOR", "ROOM", "STATION",
        "UNIT", "WARD", "FLOOR", "MAIN", "NORTH", "SOUTH", "EAST", "WEST", "STREET", "ROAD", "AVENUE", "SUITE",
        "SYSTEMS", "SYSTEM", "GROUP", "SERVICES", "DIAGNOSTIC", "DIAGNOSTICS", "CHILDREN", "CHILDRENS",
        "INSTITUTE", "FOUNDATION", "NATIONAL", "CITY", "STATE", "CARDIOLOGY", "ONCOLOGY", "EMERGENCY", "SCANNER",
        "CONSOLE", "MODALITY", "WORKSTATION",
    ]

    /// A run of words that is (part of) the value ("MON GENERAL HOSPITAL SURGICAL CARE"), and single words of
    /// it: distinctive words anywhere ("MONTSOURIS", "CLEVELAN…"), common words ("GENERAL", "IN") only next to
    /// another matched word.
    func phrases(_ phrases: [HeaderValues.Phrase], in line: TextLine, _ folded: FoldedLine, type: PHIType) -> [Finding] {
        guard !phrases.isEmpty else { return [] }
        var findings: [Finding] = []
        var covered = [Bool](repeating: false, count: line.count)
        for phrase in phrases {
            var start = 0
            while start < line.count {
                var joined = "", foldedJoined = "", best: (end: Int, score: Double, unread: Int)?
                var left: Int?  // characters of the phrase after the run matched so far
                for end in start..<line.count {
                    // a sign with no letter or digit inside the run ("&") goes with the words after it
                    if end > start, line[end].key.isEmpty { continue }
                    joined += line[end].key
                    foldedJoined += folded.keys[end]
                    let score: Double, after: Int?
                    if TextNormalization.occurs(joined, in: phrase.joined.key) {
                        score = Self.exactConfidence
                        after = Self.characters(after: joined, in: phrase.joined.key)
                    } else if TextNormalization.occurs(foldedJoined, in: phrase.joined.folded) {
                        score = Self.foldedConfidence
                        after = Self.characters(after: foldedJoined, in: phrase.joined.folded)
                    } else if left.map({ $0 > 0 }) ?? true,
                              let near = Self.approximately(foldedJoined, in: phrase, line: line, from: start, to: end),
                              near < left ?? Int.max {
                        // (a word more must match more of the phrase, not go on past its end: "… Health Ax")
                        score = Self.approximateConfidence
                        after = near
                    } else { break }
                    left = after
                    if end > start, joined.utf8.count >= 6 || joined == phrase.joined.key { best = (end, score, after ?? 0) }
                }
                if let best {
                    var found = finding(line, start..<(best.end + 1), type, best.score)
                    // the rest of the value, unread if nothing follows on the line ("University Hospi" …) or only
                    // what OCR garbled ("University Hospital aay"), which the painting judges
                    found.unreadCharacters = Self.withSpaces(best.unread, in: phrase)
                    findings.append(found)
                    for p in start...best.end { covered[p] = true }
                    start = best.end + 1
                } else {
                    start += 1
                }
            }
            findings += words(of: phrase, in: line, folded, covered: covered, type: type)
        }
        return findings
    }

    /// A run of words OCR misread a letter or two of ("Bay sade MRI CT" for "Bayside MRI & CT"): its folded key
    /// is a substring of the phrase's but for one edit (two from 16 characters), and one of its words is
    /// distinctive (four letters or more, no common place word). The characters of the phrase after the match.
    static func approximately(_ folded: String, in phrase: HeaderValues.Phrase, line: TextLine, from start: Int, to end: Int) -> Int? {
        let length = folded.utf8.count
        let limit = length >= 16 ? 2 : length >= 5 ? 1 : 0
        guard limit > 0, (start...end).contains(where: { line[$0].key.utf8.count >= 4 && !commonPlaceWords.contains(line[$0].key) }),
              let match = TextNormalization.substringDistance(folded, in: phrase.joined.folded, limit: limit) else { return nil }
        return match.after
    }

    /// A phrase matched with a letter or two misread.
    static let approximateConfidence = 0.8

    /// The last `characters` of a phrase's joined key, counted with the spaces before its words that
    /// begin within them ("al Aldermoor" of "University Hospital Aldermoor": 10 + 1).
    static func withSpaces(_ characters: Int, in phrase: HeaderValues.Phrase) -> Int {
        guard characters > 0 else { return 0 }
        var remaining = characters, spaces = 0
        for word in phrase.words.reversed() {
            remaining -= word.key.utf8.count
            guard remaining >= 0 else { break }
            spaces += 1
            if remaining == 0 { break }
        }
        return characters + spaces
    }

    /// How many characters of `haystack` follow the first place `needle` occurs in it.
    static func characters(after needle: String, in haystack: String) -> Int? {
        let h = Array(haystack.utf8), n = Array(needle.utf8)
        guard !n.isEmpty, n.count <= h.count else { return nil }
        for start in 0...(h.count - n.count) where h[start..<(start + n.count)].elementsEqual(n) {
            return h.count - start - n.count
        }
        return nil
    }

    private func words(of phrase: HeaderValues.Phrase, in line: TextLine, _ folded: FoldedLine, covered: [Bool],
                       type: PHIType) -> [Finding] {
        var matches: [(score: Double, distinctive: Bool)?] = Array(repeating: nil, count: line.count)
        for position in 0..<line.count where !covered[position] {
            let token = line[position]
            if token.key == phrase.joined.key { matches[position] = (Self.exactConfidence, true); continue }
            for (fragment, foldedFragment) in zip(token.parts, folded.parts[position]) {
                for word in phrase.words {
                    let score = Self.score(fragment, folded: foldedFragment, against: word)
                        ?? Self.truncationScore(token, folded: folded.parts[position], isLastOnLine: position == line.count - 1,
                                                against: word)
                    guard let score else { continue }
                    let distinctive = word.key.utf8.count >= 4 && !Self.commonPlaceWords.contains(word.key)
                    if let current = matches[position], current.score >= score, current.distinctive || !distinctive { continue }
                    matches[position] = (score, distinctive)
                }
            }
        }
        return matches.enumerated().compactMap { position, match in
            guard let match else { return nil }
            let hasNeighbour = [position - 1, position + 1].contains { $0 >= 0 && $0 < line.count && (matches[$0] != nil || covered[$0]) }
            guard match.distinctive || hasNeighbour else { return nil }
            return finding(line, position..<(position + 1), type, match.score)
        }
    }
}
