import Testing
@testable import PHIDetection

/// A finding goes on over the words beside it that OCR read apart from it but that belong to the value.
@Suite("Value continuation")
struct ValueContinuationTests {
    let detector = sharedDetector

    /// Words laid out on one line from (text, x, width[, y, height]); 0.9 confidence.
    func line(_ pieces: [(String, Int, Int, Int, Int)]) -> [OCRWord] {
        pieces.map { OCRWord(text: $0.0, box: TextBox(x: $0.1, y: $0.3, width: $0.2, height: $0.4), confidence: 0.9, line: 0) }
    }

    func flagged(_ words: [OCRWord], context: PHIContext = .empty) -> [String] {
        detector.detect(words: words, context: context).filter { $0.confidence >= 0.5 }
            .map { $0.wordIndices.map { words[$0].text }.joined(separator: " ") }
    }

    /// The digit groups of a number OCR read apart, one garbled ("$29" for "829"), join the group a
    /// recognizer found; the label stays.
    @Test func digitsBesideANumberBelongToIt() {
        let words = line([("Med", 10, 24, 20, 8), ("Rec", 38, 22, 20, 8), ("#", 64, 6, 20, 8), ("948", 74, 20, 20, 8),
                          ("$29", 98, 20, 20, 8), ("0083", 122, 26, 20, 8)])
        #expect(flagged(words).contains("948 $29 0083"), "\(flagged(words))")
    }

    /// A well-read year left of a time, a day OCR garbled left of that; the label stops it.
    @Test func aGarbledDateBeforeATimeGoesWithIt() {
        let words = line([("Examined", 10, 70, 20, 11), ("26».", 86, 26, 20, 11), ("2023", 118, 36, 20, 11),
                          ("19:47", 160, 40, 20, 11)])
        #expect(flagged(words).contains("26». 2023 19:47"), "\(flagged(words))")
    }

    /// "Center" read a little apart from "Lakeshore Regional Medical" (a second, shorter reading
    /// "Me:" lies under "Medical") is part of the institution.
    @Test func anInstitutionGoesOnOverItsLastWord() {
        let words = line([("Lakeshore", 37, 94, 374, 13), ("Regional", 144, 85, 374, 17), ("Medical", 241, 74, 374, 13),
                          ("Me:", 241, 23, 375, 12), ("Center", 328, 62, 375, 12)])
        #expect(flagged(words).first?.hasSuffix("Center") == true, "\(flagged(words))")
    }

    /// The lower-case end of a name OCR split off after the caret.
    @Test func aNamesSplitOffEndGoesWithIt() {
        let words = line([("PATIENT", 268, 46, 8, 8), ("Abernathy*Beat", 321, 90, 7, 11), ("riz", 415, 17, 10, 6)])
        #expect(flagged(words) == ["Abernathy*Beat riz"])
    }

    /// An initial beside a name the header matched: "Y. Mulligan" hides whole.
    @Test func anInitialBesideANameGoesWithIt() {
        let context = PHIContext(names: ["MULLIGAN^YUKI"], identifiers: [], dates: [], times: [], places: [])
        let words = line([("STAT", 6, 30, 10, 12), ("Y.", 20, 12, 300, 18), ("Mulligan", 37, 80, 300, 18)])
        #expect(flagged(words, context: context) == ["Y. Mulligan"], "\(flagged(words, context: context))")
    }

    /// The digit groups of an identifier printed with wide spaces ("Case 229 060 6781", one misread) go
    /// with the group a recognizer found; a date does not take a number that far away.
    @Test func widelySpacedDigitGroupsOfAnIdentifierGoWithIt() {
        let words = line([("Case", 224, 41, 377, 12), ("229", 278, 30, 377, 12), ("J60", 321, 30, 377, 12), ("6781", 364, 42, 377, 12)])
        #expect(flagged(words).contains("229 J60 6781"), "\(flagged(words))")
        let date = line([("12/03/2021", 10, 80, 20, 12), ("450", 106, 24, 20, 12)])
        #expect(flagged(date) == ["12/03/2021"], "\(flagged(date))")
        let short = line([("HN333531", 10, 64, 20, 12), ("30", 89, 16, 20, 12)])
        #expect(flagged(short) == ["HN333531"], "\(flagged(short))")
        let group = line([("HN333531", 10, 64, 20, 12), ("305", 89, 24, 20, 12)])
        #expect(flagged(group) == ["HN333531 305"], "\(flagged(group))")
    }

    /// A title before a name the header matched goes with it, misread ("Or.", "IDR") or not, after the
    /// wider space its dot leaves; the label before it stays, and a title farther away too.
    @Test func aTitleBeforeANameGoesWithIt() {
        let context = PHIContext(names: ["GALLAGHER^MATEUSZ", "DELACROIX^N", "TANAKA"], identifiers: [], dates: [], times: [], places: [])
        let dotted = line([("gtending:", 186, 64, 399, 12), ("Or.", 260, 20, 400, 8), ("N.", 290, 12, 399, 9),
                           ("Delacroix", 307, 68, 399, 9)])
        #expect(flagged(dotted, context: context) == ["Or. N. Delacroix"], "\(flagged(dotted, context: context))")
        let speck = line([("IDR", 0, 41, 483, 24), ("TANAKA", 49, 94, 487, 17)])
        #expect(flagged(speck, context: context) == ["IDR TANAKA"], "\(flagged(speck, context: context))")
        let far = line([("Or.", 200, 20, 400, 8), ("Delacroix", 307, 68, 399, 9)])
        #expect(flagged(far, context: context) == ["Delacroix"], "\(flagged(far, context: context))")
    }

    /// A short word OCR garbled between the parts of one date and time found apart ("26 EC 2011 12:01:14",
    /// the D of DEC lost) joins them; a label between them, or a word far from one, does not.
    @Test func aGarbledWordBetweenADateAndATimeGoesWithThem() {
        let words = line([("Exam:", 11, 53, 378, 13), ("26", 72, 22, 382, 9), ("EC", 116, 21, 378, 13),
                          ("2011", 145, 40, 378, 13), ("12:01:14", 190, 84, 378, 13)])
        let found = detector.detect(words: words, context: .empty).filter { $0.confidence >= 0.5 }.flatMap(\.wordIndices)
        #expect(Set(found) == [1, 2, 3, 4], "\(flagged(words))")
        let label = line([("12/03/2021", 10, 80, 20, 12), ("T:", 96, 14, 20, 12), ("10:30:12", 116, 60, 20, 12)])
        #expect(!flagged(label).contains { $0.contains("T:") }, "\(flagged(label))")
        let far = line([("12/03/2021", 10, 80, 20, 12), ("Ax", 120, 16, 20, 12), ("10:30:12", 142, 60, 20, 12)])
        #expect(!flagged(far).contains { $0.contains("Ax") }, "\(flagged(far))")
    }

    /// What stays: technical text, a word a space and more away, a sex marker that is its own
    /// (weak) finding, and words of another kind than the value.
    @Test(arguments: [
        [("12/03/2021", 10, 80, 20, 12), ("120", 96, 24, 20, 12), ("kV", 124, 16, 20, 12)],
        [("12/03/2021", 10, 80, 20, 12), ("[M]", 110, 24, 20, 12)],
        [("12/03/2021", 10, 80, 20, 12), ("AXIAL", 96, 40, 20, 12)],
        [("DOE^JOHN", 10, 64, 20, 12), ("2", 80, 8, 20, 12)],
        [("12/03/2021", 10, 80, 20, 12), ("45", 120, 16, 20, 12)],
    ])
    func wordsThatAreNotMoreOfTheValueStay(_ pieces: [(String, Int, Int, Int, Int)]) {
        let words = line(pieces)
        let first = pieces[0].0
        #expect(flagged(words) == [first], "\(flagged(words))")
    }
}
