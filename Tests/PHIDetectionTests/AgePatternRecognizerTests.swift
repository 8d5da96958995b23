import Testing
@testable import PHIDetection

@Suite("Age-pattern recognizer")
struct AgePatternRecognizerTests {
    let recognizer = AgePatternRecognizer()

    @Test(arguments: [("65Y", "65Y"), ("065Y", "065Y"), ("038Y", "038Y"), ("Age: 65", "65"), ("Age 81", "81"),
                      ("65 yrs", "65 yrs"), ("65 years", "65 years"), ("Age: 28Y", "28Y"), ("Alter 71", "71"),
                      ("012M", "012M"), ("O57¥", "O57¥"), ("1@ yrs", "1@ yrs"), ("4l yrs", "4l yrs"), ("57 yre", "57 yre"), ("69 ye", "69 ye"),
                      ("G22Y", "G22Y"), ("O5SY", "O5SY"), ("54 ¥rs", "54 ¥rs"), ("F7Y", "F7Y"), ("M65Y", "M65Y"),
                      ("ossy", "ossy"), ("IZ yrs", "IZ yrs"), ("SO years", "SO years"), ("M BY", "BY"), ("F gy", "gy"), ("F AGY", "AGY"), ("M 7OY", "7OY"), ("65 yr-", "65 yr-")])
    func explicitlyWrittenAgesAreFound(_ text: String, _ value: String) throws {
        let finding = try #require(Banner(text).findings(of: recognizer).first, "\(text)")
        #expect(Banner(text).text(of: finding) == value)
        #expect(finding.type == .age)
        #expect(finding.confidence >= 0.8)
    }

    @Test func agesOverEightyNineAreMoreCertain() throws {
        let old = try #require(Banner("92Y").findings(of: recognizer).first)
        let young = try #require(Banner("65Y").findings(of: recognizer).first)
        #expect(old.confidence > young.confidence)
    }

    @Test func aSexLetterWithANumberAndASpaceIsOnlyAWeakHint() throws {
        for text in ["M 26", "M     63"] {
            let finding = try #require(Banner(text).findings(of: recognizer).first, "\(text)")
            #expect(finding.confidence < 0.5, "\(text)")
        }
    }

    /// "M/39": the slash form is how devices print sex and age; the header's age makes it more certain.
    @Test func aSexLetterASlashAndANumberIsAnAge() throws {
        let bare = try #require(Banner("M/39").findings(of: recognizer).first)
        #expect(bare.confidence >= 0.5)
        let context = PHIContext(names: [], identifiers: [], dates: [], times: [], places: [], other: ["039Y"])
        let matched = try #require(Banner("M/39").findings(of: recognizer, context: context).first)
        #expect(matched.confidence > bare.confidence)
    }

    /// The sex-and-number form is the patient's age when the header says so ("F 43" with Patient's Age 043Y).
    @Test func aSexLetterWithTheHeaderAgeIsAnAge() throws {
        let context = PHIContext(names: [], identifiers: [], dates: [], times: [], places: [], other: ["043Y"])
        let finding = try #require(Banner("F 43").findings(of: recognizer, context: context).first)
        #expect(finding.type == .age)
        #expect(finding.confidence >= 0.5)
        for text in ["F 44", "43"] {
            #expect(Banner(text).findings(of: recognizer, context: context).allSatisfy { $0.confidence < 0.5 }, "\(text)")
        }
    }

    /// The slash form OCR split in two words; the header's age in the DICOM form without its Y.
    @Test func aSplitSlashFormAndAnUnreadUnit() throws {
        let split = try #require(Banner("M/ 39").findings(of: recognizer).first)
        #expect(Banner("M/ 39").text(of: split) == "M/ 39")
        #expect(split.confidence >= 0.5)
        let context = PHIContext(names: [], identifiers: [], dates: [], times: [], places: [], other: ["046Y"])
        let bare = try #require(Banner("046").findings(of: recognizer, context: context).first)
        #expect(bare.confidence >= 0.5)
        #expect(bare.unreadCharacters == 1)
        #expect(Banner("046").findings(of: recognizer).isEmpty)
        #expect(Banner("047").findings(of: recognizer, context: context).isEmpty)
        #expect(Banner("O46").findings(of: recognizer, context: context).first?.confidence ?? 0 >= 0.5)
        #expect(Banner("O47").findings(of: recognizer, context: context).isEmpty)
        #expect(Banner("46").findings(of: recognizer, context: context).isEmpty)
    }

    /// The DICOM form of the header's age with one digit misread past recognition; the other digit must be the header's.
    @Test func theHeadersAgeStringWithOneDigitUnreadIsAnAge() throws {
        for (text, age) in [("Oa0Y", "080Y"), ("OCSY", "005Y"), ("0?4Y", "094Y")] {
            let context = PHIContext(names: [], identifiers: [], dates: [], times: [], places: [], other: [age])
            let finding = try #require(Banner(text).findings(of: recognizer, context: context).first, "\(text)")
            #expect(finding.confidence >= 0.5 && finding.confirmedByHeader, "\(text)")
            #expect(Banner(text).findings(of: recognizer).isEmpty, "\(text)")
            let other = PHIContext(names: [], identifiers: [], dates: [], times: [], places: [], other: ["041Y"])
            #expect(Banner(text).findings(of: recognizer, context: other).isEmpty, "\(text)")
        }
        let context = PHIContext(names: [], identifiers: [], dates: [], times: [], places: [], other: ["080Y"])
        for text in ["ONLY", "Oa07", "Xa0Y", "OabY"] {
            #expect(Banner(text).findings(of: recognizer, context: context).isEmpty, "\(text)")
        }
    }

    /// The header's age beside a sex letter as OCR misread it, more certain than the form alone.
    @Test func aMisreadSexAndHeaderAgeIsAnAge() throws {
        for (text, age) in [("F/S2", "052Y"), ("Ff75", "075Y"), ("M'89", "089Y"), ("H/66", "066Y"), ("F/G8", "068Y"), ("M/i2", "012Y"),
                            ("H/S2", "052Y"), ("M50", "050Y")] {
            let context = PHIContext(names: [], identifiers: [], dates: [], times: [], places: [], other: [age])
            let finding = try #require(Banner(text).findings(of: recognizer, context: context).first, "\(text)")
            #expect(finding.confidence >= 0.6, "\(text)")
            let other = PHIContext(names: [], identifiers: [], dates: [], times: [], places: [], other: ["041Y"])
            #expect(Banner(text).findings(of: recognizer, context: other).allSatisfy { $0.confidence < 0.6 }, "\(text)")
        }
    }

    /// Without the header's age, the slash form with one misreading is an age at the threshold: one look-alike
    /// letter for a digit after a real slash, or a look-alike slash before two real digits; a speck read before
    /// the form does not hide it. Two misreadings at once, or H for M, say too little.
    @Test func aSexAndAgeWithOneMisreadingIsAnAge() throws {
        for text in ["F/S2", "Ff75", "M'89", "F/G8", "M/i2", "Fl45", "Fi45", "BF/52"] {
            let finding = try #require(Banner(text).findings(of: recognizer).first, "\(text)")
            #expect(finding.confidence >= 0.5, "\(text)")
            #expect(finding.type == .age)
        }
        for text in ["H/66", "H/S2", "F/SG", "FfS2", "M'8", "Fx45", "M/S?", "BF/S2"] {
            #expect(Banner(text).findings(of: recognizer).allSatisfy { $0.confidence < 0.5 }, "\(text)")
        }
        var kept = PHIContext(names: [], identifiers: [], dates: [], times: [], places: [], other: [])
        kept.keepsPatientAge = true
        #expect(Banner("F/S2").findings(of: recognizer, context: kept).allSatisfy { $0.confidence < 0.5 })
    }

    /// With Retain Patient Characteristics an age under 90 is a hint only, however it is written; older ages
    /// are still PHI.
    @Test func agesTheProfileKeepsAreHintsUnderNinety() throws {
        var context = PHIContext(names: [], identifiers: [], dates: [], times: [], places: [], other: ["043Y"])
        context.keepsPatientAge = true
        for text in ["F/43", "F 43", "Age: 43", "043Y", "43 yrs"] {
            let finding = try #require(Banner(text).findings(of: recognizer, context: context).first, "\(text)")
            #expect(finding.confidence < 0.5, "\(text)")
        }
        for text in ["F/92", "92 yrs"] {
            let finding = try #require(Banner(text).findings(of: recognizer, context: context).first, "\(text)")
            #expect(finding.confidence >= 0.5, "\(text)")
        }
    }

    /// An age alone on its line, its sex letter unread and its digits read as capitals of like shape, is an age at
    /// the threshold; among other words, or with letters a word has, it is none.
    @Test func anAgeReadAsCapitalsAloneOnItsLineIsAnAge() throws {
        for text in ["SY", "TY", "IY", "ASY"] {
            let finding = try #require(Banner(text).findings(of: recognizer).first, "\(text)")
            #expect(finding.type == .age && finding.confidence >= 0.5, "\(text)")
        }
        for text in ["SY 12", "Depth TY", "SAY", "DAY", "TOY", "ISAY", "Sy", "sy"] {
            #expect(Banner(text).findings(of: recognizer).allSatisfy { $0.confidence < 0.5 }, "\(text)")
        }
    }

    /// A sex and an age alone on their line, the age's digits read all as look-alike letters and its slash lost or
    /// thin, is an age at the threshold; a word's letters, a round letter leading the number, an age no one has,
    /// or other words on the line make none.
    @Test func aSexAndAgeReadAsLettersAloneOnItsLineIsAnAge() throws {
        for text in ["MTS", "FAB", "FAS", "Fil", "Miso", "MIZ"] {
            let finding = try #require(Banner(text).findings(of: recognizer).first, "\(text)")
            #expect(finding.type == .age && finding.confidence >= 0.5, "\(text)")
        }
        for text in ["MOD", "FOG", "MOS", "Fie", "Fit", "FASO", "Map", "FN", "M/S?", "FTS 12", "Head MTS", "MAA"] {
            #expect(Banner(text).findings(of: recognizer).allSatisfy { $0.confidence < 0.5 }, "\(text)")
        }
    }

    /// Two digits and a Y, one digit read as a look-alike letter: an age, but not a dose in gray.
    @Test func aShortAgeWithOneDigitMisreadIsAnAge() throws {
        let finding = try #require(Banner("M 4sy").findings(of: recognizer).first)
        #expect(Banner("M 4sy").text(of: finding) == "4sy")
        #expect(finding.confidence >= 0.8)
        #expect(Banner("2Gy").findings(of: recognizer).isEmpty)
    }

    @Test(arguments: [("043Y", 43), ("090Y", 90), ("012M", nil), ("43", nil), ("O43Y", nil)] as [(String, Int?)])
    func headerAgesAreReadInYears(_ value: String, _ years: Int?) {
        #expect(HeaderValues.years(value) == years)
    }

    @Test(arguments: ["120 kVp", "Gain 82", "3M", "16CM", "C 50", "85BPM", "65dB", "GOOY", "G2XY", "1ABY", "GSoY", "M5",
                      "F12", "M3D", "¥", "OY",
                      "READ BY", "BY", "gy", "M BYTE", "F Gray", "M DAY", "AGY", "IZ", "IZ ye", "SOX yrs"])
    func technicalNumbersAreNotAges(_ text: String) {
        #expect(Banner(text).findings(of: recognizer).isEmpty, "\(text)")
    }

    /// A misread unit ("ye", "yre" for yrs) counts only after a whole number of two digits: texture
    /// reads as "4 Ye", and a damaged number before a misread unit is two guesses at once.
    @Test func aMisreadUnitNeedsTwoClearDigits() {
        #expect(Banner("4 Ye").findings(of: recognizer).isEmpty)
        #expect(Banner("4l ye").findings(of: recognizer).isEmpty)
        #expect(Banner("4 yrs").findings(of: recognizer).count == 1)
    }
}
