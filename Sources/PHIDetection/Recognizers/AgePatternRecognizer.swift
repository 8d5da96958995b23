/// Ages: "65Y", "065Y" (the DICOM AS form, also 012M, 003W, 010D), "65 yrs", "65 years", "Age: 65",
/// "Alter 65", and a sex letter with an age ("M 26", "M/39", "F7Y"). A short number OCR damaged before a
/// written unit ("1@ yrs", "4l yrs") is an age too; a unit's Y may read as the yen sign ("54 ¥rs").
///
/// An explicitly written age gets 0.8 (0.9 over 89). A sex letter with a bare number is as often a technical label:
/// "F 43" gets 0.3 and "F/43" 0.55, or 0.6 when it is the patient's age the header gives, 0.8 over 89; "F/S3" with
/// one misreading 0.5 (`misreadSexAge`). The basic
/// profile removes the patient's age from the header, so a printed one goes too. With Retain Patient
/// Characteristics (`HeaderValues.keepsAges`) every age under 90 gets 0.3, a hint only, as HIPAA names only older ages.
struct AgePatternRecognizer: Recognizer {
    let name = "age-pattern"

    static let unitWords: Set<String> = ["Y", "YR", "YRS", "YEAR", "YEARS", "YO", "Y/O", "J", "JAHRE", "ANS", "ANOS", "AÑOS"]
    static let labels: Set<String> = ["AGE", "ALTER", "EDAD", "ETA", "ÂGE", "PATIENTAGE", "PATAGE"]
    private static let sexLetters: Set<String> = ["M", "F"]

    func findings(in input: RecognitionInput) -> [Finding] {
        var findings: [Finding] = []
        for line in input.lines {
            for position in 0..<line.count {
                let found = (line[position].hasDigit ? age(in: line, at: position, header: input.header)
                    : misreadAge(in: line, at: position, header: input.header))
                    ?? (Self.misreadSexAge(line[position].text, header: input.header)
                        ?? Self.misreadHeaderAgeString(line[position].text, header: input.header)).map { (position..<(position + 1), $0) }
                if let (range, confidence) = found {
                    var found = finding(line, range, .age, confidence)
                    // a bare number or a sex letter is technical text to the allow-list ("F 56", "046")
                    found.confirmedByHeader = confidence == Self.headerAgeConfidence
                    // "046": the DICOM form's Y follows, unread
                    if range.count == 1, Self.paddedHeaderAge(line[position].core, header: input.header) != nil {
                        found.unreadCharacters = 1
                    }
                    findings.append(found)
                }
            }
        }
        return findings
    }

    private func age(in line: TextLine, at position: Int, header: HeaderValues) -> (Range<Int>, Double)? {
        let token = line[position]
        let single = position..<(position + 1)
        if let age = Self.gluedAge(token.core) { return (single, Self.explicit(age, header)) }
        if let age = Int(token.core), (0...130).contains(age), token.core.allSatisfy(\.isNumber) {
            // a unit OCR misread only after two digits: texture reads as "4 Ye" too
            if position + 1 < line.count, Self.isUnit(line[position + 1].labelKey),
               token.core.utf8.count >= 2 || !Self.misreadYears.contains(line[position + 1].labelKey) {
                return (position..<(position + 2), Self.explicit(age, header))
            }
            if position > 0, Self.labels.contains(line[position - 1].labelKey) { return (single, Self.explicit(age, header)) }
            // "M 26", "M/ 39" (OCR split the slash form)
            if position > 0, let slash = Self.sexLetter(line[position - 1]) {
                return ((position - 1)..<(position + 1), Self.besideSex(age, slash: slash, header: header))
            }
            return Self.paddedHeaderAge(token.core, header: header).map { (single, $0) }
        }
        if let confidence = Self.paddedHeaderAge(token.core, header: header) { return (single, confidence) }
        // "1@ yrs", "4l yrs": a number OCR damaged, before a written unit (what it says is unknown: scored
        // as an age under 90)
        if token.text.count <= 3, token.digitGroupCount != nil, position + 1 < line.count,
           line[position + 1].labelKey.count >= 2, Self.isUnit(line[position + 1].labelKey),
           !Self.misreadYears.contains(line[position + 1].labelKey) {
            return (position..<(position + 2), Self.explicit(0, header))
        }
        // "F7Y": a sex letter OCR joined to an age with its unit
        let upper = token.core
        if upper.count >= 3, let first = upper.first, Self.sexLetters.contains(String(first)), upper.dropFirst().first?.isNumber == true,
           let age = Self.gluedAge(String(upper.dropFirst())) {
            return (single, Self.explicit(age, header))
        }
        // "M/39"; "BF/52", a speck before it read as a letter
        if let age = Self.slashAge(Substring(upper)) ?? (upper.count == 5 && upper.first!.isLetter ? Self.slashAge(upper.dropFirst()) : nil) {
            return (single, Self.besideSex(age, slash: true, header: header))
        }
        // "Age:65", "Age:65Y"
        if let colon = token.upper.firstIndex(of: ":"), Self.labels.contains(String(token.upper[..<colon])) {
            let value = String(token.upper[token.upper.index(after: colon)...])
            if let age = Self.gluedAge(value) ?? Int(value) { return (single, Self.explicit(age, header)) }
        }
        return nil
    }

    /// An age with its unit whose digits OCR read all as look-alike letters: the DICOM form after its
    /// round zero ("ossy" for 058Y), after a sex letter (`misreadAgeAfterSex`), before a written unit ("IZ yrs"),
    /// or alone on its line (`capitalsAge`).
    private func misreadAge(in line: TextLine, at position: Int, header: HeaderValues) -> (Range<Int>, Double)? {
        let single = position..<(position + 1)
        if let age = Self.ageString(line[position].core) { return (single, Self.explicit(age, header)) }
        if let age = Self.misreadAgeAfterSex(in: line, at: position) { return (single, Self.explicit(age, header)) }
        if let age = Self.lookAlikeNumberBeforeUnit(in: line, at: position) { return (position..<(position + 2), Self.explicit(age, header)) }
        guard line.count == 1, let age = Self.capitalsAge(line[position].text) ?? Self.lookAlikeSexAge(line[position].text)
        else { return nil }
        return (single, header.keepsAges ? PHIContext.keptAgeConfidence
            : header.ages.contains(age) ? Self.headerAgeConfidence : Self.capitalsAgeConfidence)
    }

    /// "IZ yrs" (12 yrs): a number of one to three characters read all as look-alike letters, before a written unit.
    static func lookAlikeNumberBeforeUnit(in line: TextLine, at position: Int) -> Int? {
        let characters = Array(line[position].core)
        guard (1...3).contains(characters.count), position + 1 < line.count else { return nil }
        let unit = line[position + 1].labelKey
        guard unit.count >= 2, isUnit(unit), !misreadYears.contains(unit) else { return nil }
        return number(spelledBy: characters[...], digitLookAlikes)
    }

    /// "SY", "TY", "ASY" (5Y, 7Y, 43Y): a line of its own that is an age with its unit, its sex letter unread
    /// and its digits read as capitals of like shape (S, T, I, Z; an A for a 4 only as the tens of two). A word
    /// ("BY", "DAY") has other letters; a B, an O or a G is left out as too common in such words and units.
    static func capitalsAge(_ text: String) -> Int? {
        let characters = Array(text)
        guard (2...3).contains(characters.count), characters.last == "Y" else { return nil }
        return number(spelledBy: characters.dropLast(), capitalLookAlikes, aForTens: true)
    }

    /// "MTS", "FAB", "Fil", "Miso" (M/75, F/48, F/11, M/50): a line of its own that is a sex letter and an age of
    /// one or two digits OCR read all as look-alike letters, its slash lost or read as a thin letter. A round
    /// letter is no zero here ("MOD", "FOG" are words), and the age must be one a person has.
    static func lookAlikeSexAge(_ text: String) -> Int? {
        let characters = Array(text)
        guard (3...4).contains(characters.count), sexLetters.contains(String(characters[0])) else { return nil }
        let afterSex = characters.dropFirst()
        let ages = [afterSex, slashLookAlikes.contains(afterSex.first!) ? afterSex.dropFirst() : []]
            .filter { (1...2).contains($0.count) && !$0.contains(where: \.isNumber) }
            .compactMap { digits in
                // a round letter only as the units of a round age ("M/50")
                let units = digits.count == 2 && zeroLookAlikes.contains(digits.last!) ? "0" : digits.last!
                return number(spelledBy: digits.dropLast() + [units], sexAgeLookAlikes, keepingDigits: true, aForTens: true)
            }
        return ages.first { (1...120).contains($0) }
    }

    /// Letters OCR reads for the digits of a sex and age alone on its line: the thin, the S, Z, B, g and q
    /// look-alikes of any short number, and T for a 7 (a round letter only as a round age's units).
    private static let sexAgeLookAlikes = digitLookAlikes.filter { !zeroLookAlikes.union(["G", "@"]).contains($0.key) }
        .merging(["T": "7"]) { old, _ in old }

    /// Capitals OCR reads for digits of an age alone on its line.
    private static let capitalLookAlikes: [Character: Character] = ["S": "5", "T": "7", "I": "1", "Z": "2"]

    /// An age read only as capitals, alone on its line: at the threshold, as a misread form says less than a
    /// written one.
    static let capitalsAgeConfidence = 0.5

    /// "046", "O77": the header's age in the DICOM form with its Y unread, a round letter read for its zero perhaps.
    private static func paddedHeaderAge(_ text: String, header: HeaderValues) -> Double? {
        let characters = Array(text)
        guard characters.count == 3, zeroForms.contains(characters[0]),
              characters[1...].allSatisfy({ $0.isASCII && $0.isNumber }), let age = Int(String(characters[1...])),
              header.ages.contains(age) else { return nil }
        return header.keepsAges ? PHIContext.keptAgeConfidence : headerAgeConfidence
    }

    /// "Oa0Y", "OCSY" (080Y, 005Y): the header's age in the DICOM form with one of its two digits misread past
    /// recognition, its round zero and its Y read; the other digit must be the header's.
    private static func misreadHeaderAgeString(_ text: String, header: HeaderValues) -> Double? {
        guard !header.keepsAges else { return nil }
        let characters = Array(text)
        guard characters.count == 4, zeroForms.contains(characters[0]),
              yForms.contains(characters[3]) else { return nil }
        let read = characters[1...2].map { $0.isASCII && $0.isNumber ? $0 : digitLookAlikes[$0] }
        let matches = header.ages.contains { age in
            age < 100 && zip(read, [Character(String(age / 10)), Character(String(age % 10))]).contains { $0 == $1 }
        }
        return matches ? headerAgeConfidence : nil
    }

    /// The slash form of a sex and an age as OCR misread it: the header's age (`misreadHeaderAge`, 0.6), or
    /// without it one misreading only (0.5): a look-alike letter for one digit after a slash ("F/S3", "M/i2",
    /// "F/G8"), or a quote, an f, an l or an i for the slash before two digits ("M'89", "Ff75", "Fl45"). Two
    /// misreadings at once, or H for M, only with the header's age.
    static func misreadSexAge(_ text: String, header: HeaderValues) -> Double? {
        if header.keepsAges { return nil }
        if misreadHeaderAge(text, header: header) != nil { return headerAgeConfidence }
        let characters = Array(text)
        guard characters.count == 4, sexLetters.contains(String(characters[0])) else { return nil }
        let read = characters[2...]
        let digits = read.filter { $0.isASCII && $0.isNumber }.count
        if characters[1] == "/" {
            return digits >= 1 && read.allSatisfy({ $0.isASCII && $0.isNumber || digitLookAlikes[$0] != nil }) ? 0.5 : nil
        }
        return slashLookAlikes.contains(characters[1]) && digits == 2 ? 0.5 : nil
    }

    /// What OCR reads for the slash of "F/75" before two digits read whole: the header's misread slashes and
    /// the thin letters.
    private static let slashLookAlikes = misreadSlashes.union(["l", "i"])

    /// "F/S2", "Ff75", "M'89", "H/66", "M50": the patient's age the header gives, beside a sex letter, as OCR
    /// misread it (a look-alike letter for a digit, G for 6 too, a quote or an f for the slash, H for M, the
    /// slash or space unread).
    static func misreadHeaderAge(_ text: String, header: HeaderValues) -> Int? {
        guard !header.ages.isEmpty, !header.keepsAges else { return nil }
        let characters = Array(text)
        guard (3...5).contains(characters.count), misreadSexLetters.contains(characters[0]) else { return nil }
        if characters[1].isASCII, characters[1].isNumber {
            return Int(String(characters.dropFirst())).flatMap { header.ages.contains($0) ? $0 : nil }
        }
        guard misreadSlashes.contains(characters[1]) else { return nil }
        let read = characters.dropFirst(2)
        return header.ages.first { age in
            let digits = Array(String(age))
            return digits.count == read.count && zip(read, digits).allSatisfy { character, digit in
                character == digit || digitLookAlikes[character] == digit || character == "G" && digit == "6"
            }
        }
    }

    private static let misreadSexLetters: Set<Character> = ["M", "F", "H"]
    private static let misreadSlashes: Set<Character> = ["/", "'", "’", "‘", "f", "|"]

    /// "M/39" → 39: a sex letter, a slash and a number up to 130, nothing else.
    private static func slashAge(_ text: Substring) -> Int? {
        guard text.count >= 3, let first = text.first, sexLetters.contains(String(first)), text.dropFirst().first == "/",
              let age = Int(text.dropFirst(2)), (0...130).contains(age) else { return nil }
        return age
    }

    /// For a sex letter alone ("M") or with its slash ("M/"), whether the slash is there; nil for other words.
    private static func sexLetter(_ token: Token) -> Bool? {
        let key = token.labelKey
        if sexLetters.contains(key) { return token.text.hasSuffix("/") }
        return key.count == 2 && key.hasSuffix("/") && sexLetters.contains(String(key.prefix(1))) ? true : nil
    }

    /// "M BY", "F gy", "F AGY" (8Y, 9Y, 49Y): after a sex letter, an age with its unit whose digits OCR read as
    /// look-alike letters. Without the sex letter before it, such a word may be anything ("BY"); after one, it is no
    /// technical abbreviation either (the allow-list asks).
    static func misreadAgeAfterSex(in line: TextLine, at position: Int) -> Int? {
        guard position > 0, sexLetters.contains(line[position - 1].labelKey) else { return nil }
        let characters = Array(line[position].text)
        guard (2...4).contains(characters.count), yForms.contains(characters.last!) else { return nil }
        return number(spelledBy: characters.dropLast(), digitLookAlikes, aForTens: true)
    }

    /// The number `characters` spell, each read as its digit through `lookAlikes` (real digits as they are when
    /// `keepingDigits`), an A as a 4 when `aForTens` and it is the first of two ("AGY" for 49Y; "DAY" is a word);
    /// nil when any other character stands there.
    private static func number(spelledBy characters: ArraySlice<Character>, _ lookAlikes: [Character: Character],
                               keepingDigits: Bool = false, aForTens: Bool = false) -> Int? {
        var digits = ""
        for (offset, character) in characters.enumerated() {
            if keepingDigits, character.isASCII, character.isNumber {
                digits.append(character)
            } else if aForTens, character == "A", offset == 0, characters.count == 2 {
                digits.append("4")
            } else if let digit = lookAlikes[character] {
                digits.append(digit)
            } else {
                return nil
            }
        }
        return Int(digits)
    }

    /// A number the header gives as the patient's age, beside a sex letter or in the DICOM form; given only
    /// then, and such findings are `confirmedByHeader`.
    static let headerAgeConfidence = 0.6

    private static func explicit(_ age: Int, _ header: HeaderValues) -> Double {
        age > 89 ? 0.9 : header.keepsAges ? PHIContext.keptAgeConfidence : 0.8
    }

    /// A bare number after a sex letter, with a slash ("M/39") or a space ("F 43").
    static func besideSex(_ age: Int, slash: Bool, header: HeaderValues) -> Double {
        if age > 89 { return 0.8 }
        if header.keepsAges { return PHIContext.keptAgeConfidence }
        return header.ages.contains(age) ? Self.headerAgeConfidence : slash ? 0.55 : 0.3
    }

    /// Whether a word's label form is an age unit; a Y with its arms joined reads as the yen sign ("¥rs"); a
    /// dash may end it ("yr-").
    static func isUnit(_ labelKey: String) -> Bool {
        unitWords.contains(labelKey) || labelKey.hasPrefix("¥") && unitWords.contains("Y" + labelKey.dropFirst())
            || misreadYears.contains(labelKey)
            // a dash OCR made of the last letter or a speck after it ("yr-")
            || labelKey.count >= 3 && labelKey.hasSuffix("-") && unitWords.contains(String(labelKey.dropLast()))
    }

    /// "yrs" with its s read as a letter of like shape ("yre", "yrz", "yra"), or its r and s as one "e".
    static let misreadYears: Set<String> = ["YRE", "YRZ", "YRA", "YRB", "YR5", "YRG", "YE"]

    /// Characters OCR reads for digits in a short number.
    private static let digitLookAlikes: [Character: Character] = [
        "O": "0", "o": "0", "Q": "0", "D": "0", "G": "0", "@": "0", "S": "5", "s": "5", "l": "1", "L": "1", "I": "1", "|": "1", "i": "1",
        "Z": "2", "B": "8", "g": "9", "q": "9",
    ]

    /// The unit Y as OCR reads it, the yen sign for a Y with its arms joined.
    private static let yForms: Set<Character> = ["Y", "y", "¥"]

    /// Characters OCR reads for a zero: a DICOM age string under 100 begins with one.
    private static let zeroLookAlikes: Set<Character> = ["O", "o", "Q", "D"]

    /// A zero or what OCR reads for one.
    private static let zeroForms = zeroLookAlikes.union(["0"])

    /// The DICOM age string's shape, three digits and a Y, with digits OCR read as look-alike letters
    /// ("G22Y", "O5SY" for 022Y, 055Y): one real digit at least, or a round zero first ("ossy" for 058Y;
    /// "GSoY" may be anything).
    private static func ageString(_ text: String) -> Int? {
        let characters = Array(text)
        if characters.count == 3 { return shortAgeString(characters) }
        guard characters.count == 4, yForms.contains(characters[3]),
              characters[..<3].contains(where: { $0.isASCII && $0.isNumber }) || zeroLookAlikes.contains(characters[0])
        else { return nil }
        return number(spelledBy: characters[..<3], digitLookAlikes, keepingDigits: true)
    }

    /// "4sy" (45Y): two digits and a Y, one digit real and the other read as a look-alike letter, not a G
    /// ("2Gy" is a dose).
    private static func shortAgeString(_ characters: [Character]) -> Int? {
        guard yForms.contains(characters[2]) else { return nil }
        let pair = characters[..<2]
        guard pair.filter({ $0.isASCII && $0.isNumber }).count == 1, !pair.contains("G") else { return nil }
        return number(spelledBy: pair, digitLookAlikes, keepingDigits: true)
    }

    /// "65Y" → 65, "065Y" → 65, "65yrs" → 65, "012M" → 0 (months, weeks and days are under a year).
    /// OCR may read a zero as the letter O ("O38Y" → 38), when a real digit is beside it, and the Y as "¥";
    /// in the four-character AS form other look-alikes too ("G22Y" → 22).
    static func gluedAge(_ text: String) -> Int? {
        if let age = ageString(text) { return age }
        let numberPart = text.prefix(while: { $0.isASCII && $0.isNumber || $0 == "O" || $0 == "o" })
        let hasDigit = numberPart.contains(where: \.isNumber)
        let trailingOs = numberPart.reversed().prefix(while: { !$0.isNumber }).count
        let rawDigits = hasDigit ? numberPart.dropLast(trailingOs) : ""
        if let value = age(rawDigits, unitAfter: text) { return value }
        // a last zero read as O before the unit ("7OY" for 70Y)
        return hasDigit && trailingOs == 1 ? age(numberPart, unitAfter: text) : nil
    }

    /// The age `number` (digits, O for zero) gives before the unit that follows it in `text`.
    private static func age(_ number: Substring, unitAfter text: String) -> Int? {
        let digits = String(number.map { $0 == "O" || $0 == "o" ? "0" : $0 })
        guard (1...3).contains(digits.count), let value = Int(digits) else { return nil }
        // a Y with its arms joined reads as the yen sign ("O57¥")
        let unit = String(text.dropFirst(number.count).uppercased().map { $0 == "¥" ? "Y" : $0 })
        if unitWords.contains(unit), unit != "J" || digits.count >= 2 { return value }
        if digits.count == 3, ["D", "W", "M"].contains(unit) { return 0 }
        return nil
    }
}
