/// OCR often reads part of a value well enough for a recognizer and the rest as something else: a
/// phone's "(304)" as its own word, the "Center" after "Lakeshore Regional Medical Me:", "riz" split off
/// "Abernathy*Beat", a date's day read "26»." beside a well-read year. A finding goes on over the words
/// next to it on its line that could be more of the same value:
/// - no farther than a word space (one word height) from it, on its row;
/// - not safe technical text (though an institution word such as "Ctr" goes on an institution), not a
///   label (a word ending in a colon, a cue such as `Patient` or `Tel`), not part of another finding (a
///   sex marker or an age below the threshold stays its own finding);
/// - for numbers (dates, times, phones, identifiers, postcodes) a word with a digit; for names and
///   institutions a word of two or more letters and no digit, and for names an initial too ("Y." before
///   a matched "Mulligan"), and a title before it ("Dr.", read "Or." too, one and a half word heights away);
///   for identifiers and phones a group of three characters or more, two of them digits, one and a half word
///   heights away ("229 J60 6781"; "3D" read "30" after a date stamp is no group).
struct ValueContinuation {
    let words: [OCRWord]
    let lines: [TextLine]
    let allowed: [Bool]

    /// The finding's words and the words that continue its value, ascending.
    func extend(_ finding: Finding, claimed: Set<Int>) -> [Int] {
        guard let accepts = Self.continuation(for: finding.type) else { return finding.wordIndices }
        var result = Set(finding.wordIndices)
        for line in lines {
            let members = line.tokens.map(\.index)
            let positions = members.indices.filter { result.contains(members[$0]) }
            guard let first = positions.first, let last = positions.last else { continue }
            for (start, step) in [(last, 1), (first, -1)] {
                // the value's edge on that side: the word reaching farthest (a second reading of a word
                // may lie inside another)
                var edge = positions.map { words[members[$0]].box }.max { a, b in
                    step > 0 ? a.x + a.width < b.x + b.width : a.x > b.x
                }!
                var next = start + step
                while members.indices.contains(next) {
                    let token = line[next], index = members[next], box = words[index].box
                    // a second reading inside the value's extent is passed over
                    if step > 0 ? box.x + box.width <= edge.x + edge.width : box.x >= edge.x {
                        next += step
                        continue
                    }
                    let institutionWord = finding.type == .institution && InstitutionPatternRecognizer.keywords[token.nameKey] != nil
                    // a title before a name is painted with it, though OCR misread it ("Or." for Dr.) or it
                    // is safe text elsewhere, after the wider space a title's dot leaves
                    let title = finding.type == .name && step < 0 && Self.isTitle(token)
                    let safe = allowed[index] && !institutionWord && !title
                    // digit groups of a number printed apart ("229 060 6781") stand a wider space apart
                    let group = Self.spacedNumberTypes.contains(finding.type) && token.text.count >= 3 && token.digitCount >= 2
                    guard !claimed.contains(index), !safe, title || !isLabel(token), accepts(token) || title,
                          adjoins(edge, box, spaces: title || group ? 1.5 : 1) else { break }
                    result.insert(index)
                    edge = box
                    next += step
                }
            }
        }
        return result.sorted()
    }

    /// A short word between two findings of a date and time, each next to it on its line, joins the one
    /// before it: the rest of one value, which OCR garbled ("26 EC 2011 12:01:14" for 26 DEC 2011, the "D"
    /// lost, so that the word may stand two word heights from the day). No label.
    func bridge(_ findings: inout [Finding]) {
        var owner: [Int: Int] = [:]
        for (number, finding) in findings.enumerated() where Self.calendarTypes.contains(finding.type) {
            for index in finding.wordIndices where owner[index] == nil { owner[index] = number }
        }
        let claimed = Set(findings.flatMap(\.wordIndices))
        for line in lines where line.count >= 3 {
            for position in 1..<(line.count - 1) {
                let token = line[position], index = token.index
                guard !claimed.contains(index), token.text.count <= 4, !isLabel(token),
                      let before = owner[line[position - 1].index], let after = owner[line[position + 1].index], before != after,
                      adjoins(words[line[position - 1].index].box, words[index].box, spaces: 2),
                      adjoins(words[index].box, words[line[position + 1].index].box, spaces: 2) else { continue }
                findings[before].wordIndices = (findings[before].wordIndices + [index]).sorted()
                owner[index] = before
            }
        }
    }

    private static let calendarTypes: Set<PHIType> = [.date, .time]

    /// Numbers printed in groups of digits with spaces between.
    private static let spacedNumberTypes: Set<PHIType> = [.identifier, .phone]

    private static func continuation(for type: PHIType) -> ((Token) -> Bool)? {
        switch type {
        case .date, .time, .phone, .identifier, .postcode: return { $0.hasDigit }
        case .name: return { !$0.hasDigit && $0.letterCount >= 2 || $0.isInitial }
        case .institution: return { !$0.hasDigit && $0.letterCount >= 2 }
        case .age, .email, .address, .other: return nil
        }
    }

    /// A personal title ("Dr.", "MRS"), or "Dr." as OCR misreads it: two letters ending in R with a dot
    /// ("Or.", "Br."), a speck read as a letter before DR ("IDR").
    static func isTitle(_ token: Token) -> Bool {
        let key = token.labelKey
        return NameLexiconRecognizer.titles.contains(key) || key.utf8.count == 2 && key.hasSuffix("R") && token.text.hasSuffix(".")
            || key.utf8.count == 3 && key.hasSuffix("DR")
    }

    /// A label announces a value; it is not part of one.
    private func isLabel(_ token: Token) -> Bool {
        token.endsWithColon || CueWordRecognizer.beginsLabel(token) || PhonePatternRecognizer.labels.contains(token.labelKey)
    }

    /// Side by side within a word space, on one row: overlapping by half the lower one's height, that
    /// no less than 0.4 of the other's (a lower-case "riz" beside "Abernathy*Beat").
    private func adjoins(_ a: TextBox, _ b: TextBox, spaces: Double = 1) -> Bool {
        let high = max(a.height, b.height), low = min(a.height, b.height)
        let gap = max(a.x, b.x) - min(a.x + a.width, b.x + b.width)
        let overlap = min(a.y + a.height, b.y + b.height) - max(a.y, b.y)
        return 5 * low >= 2 * high && 2 * overlap >= low && Double(gap) <= spaces * Double(high)
    }
}
