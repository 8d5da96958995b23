/// Names printed as a run of capitalised words in a banner: "DAVIDSON DOUGLAS [M] 01.09.2012",
/// "JOSHUA JACKSON", "MICHELLE IVANOVA". A word in no lexicon takes part only with three letters or
/// more (two-letter names are in the census lists; OCR's readings of texture are often two letters).
extension NameLexiconRecognizer {
    /// Sex markers after a name in a banner.
    static let sexMarkers: Set<String> = ["[M]", "[F]", "[U]", "[O]", "(M)", "(F)", "(U)", "(O)", "<M>", "<F>"]

    func bannerRuns(_ line: TextLine, lineNumber: Int, _ input: RecognitionInput, used: [Bool]) -> [(Range<Int>, Double)] {
        var runs: [(Range<Int>, Double)] = []
        var start = 0
        while start < line.count {
            // a label is no part of the name after it ("Name IMOGEN LINDQVIST")
            guard isRunWord(line, start, lineNumber, input, used), !CueWordRecognizer.beginsLabel(line[start]) else {
                start += 1
                continue
            }
            var end = start + 1
            while end < line.count, end < start + 4, isRunWord(line, end, lineNumber, input, used), !line[end - 1].endsWithComma {
                end += 1
            }
            var nameEnd = end
            if nameEnd < line.count, nameEnd - start >= 2, line[nameEnd].isInitial, !used[nameEnd] { nameEnd += 1 }
            if end - start >= 2, let confidence = score(line, start..<end, markerAt: nameEnd, lineNumber, input) {
                runs.append((start..<nameEnd, confidence))
            }
            start = end
        }
        return runs
    }

    private func isRunWord(_ line: TextLine, _ position: Int, _ lineNumber: Int, _ input: RecognitionInput, _ used: [Bool]) -> Bool {
        let token = line[position]
        guard !used[position], token.isNameLike, !token.text.has("."), !token.endsWithColon,
              !lexicon.isStopWord(token.nameKey),
              lexicon.isName(token.nameKey) || token.nameKey.utf8.count >= 3,
              !input.isInDate(line: lineNumber, position: position) else { return false }
        // a listed name OCR read with odd capitals ("McALLister": ll read as capitals) is still one
        return token.isAllCaps || token.isTitleCase || Self.isCapitalisedName(token.text) || lexicon.isName(token.nameKey)
    }

    /// Names with capitals inside, each part capitalised: "McAllister", "MacDonald", "O'Brien",
    /// "Jean-Pierre" (a capital only first, after `Mc`/`Mac`, or after an apostrophe or hyphen).
    static func isCapitalisedName(_ text: String) -> Bool {
        let letters = Array(text)
        guard let first = letters.first, first.isUppercase else { return false }
        for index in letters.indices.dropFirst() where letters[index].isUppercase {
            let before = String(letters[..<index])
            let afterPrefix = before == "Mc" || before == "Mac"
            guard afterPrefix || ["'", "’", "-"].contains(letters[index - 1]) else { return false }
        }
        return true
    }

    private func score(_ line: TextLine, _ range: Range<Int>, markerAt next: Int, _ lineNumber: Int,
                       _ input: RecognitionInput) -> Double? {
        let keys = range.map { line[$0].nameKey }
        let given = keys.filter { lexicon.isGivenName($0) }.count
        let family = keys.filter { lexicon.isSurname($0) && !lexicon.isGivenName($0) }.count
        let unknown = keys.filter { !lexicon.isName($0) }.count
        let marked = next < line.count
            && (Self.sexMarkers.contains(line[next].upper) || input.isInDate(line: lineNumber, position: next))
        let base: Double
        if given >= 1, family >= 1 || given >= 2 {
            base = 0.75
        } else if keys.contains(where: { $0.utf8.count >= 3 && lexicon.isGivenName($0) }), unknown >= 1 {
            // (a given name of two letters beside a word in no lexicon is no evidence: "POR TA", OCR's PORTABLE)
            base = 0.6
        } else if marked, family + unknown >= 2, family >= 1 {
            base = 0.6
        } else if family >= 1, unknown >= 1, Self.isAloneOnItsLine(range, line),
                  !range.contains(where: { CueWordRecognizer.beginsLabel(line[$0]) }),
                  range.allSatisfy({ lexicon.isName(line[$0].nameKey) || isUnlistedName(line[$0].nameKey) }) {
            // a line of nothing but a surname and words in no lexicon: "Mateusz McAllister", "TANAKA LARS"
            base = 0.6
        } else {
            return nil
        }
        return marked ? base + 0.1 : base
    }

    /// Whether a run is all there is on its line but for marks and scraps (words of two letters or fewer,
    /// no digits: OCR's readings of punctuation and specks) and a label before it ("* Pat in . JUNIPER
    /// GALLAGHER" for "Pat. JUNIPER GALLAGHER").
    static func isAloneOnItsLine(_ range: Range<Int>, _ line: TextLine) -> Bool {
        line.tokens.indices.allSatisfy { position in
            if range.contains(position) { return true }
            let token = line[position]
            let scrap = !token.hasDigit && token.letterCount <= 2
            return scrap || position < range.lowerBound && CueWordRecognizer.beginsLabel(token)
        }
    }
}
