import Testing
@testable import PHIDetection

@Suite("Phone-pattern recognizer")
struct PhonePatternRecognizerTests {
    let recognizer = try! PhonePatternRecognizer()

    @Test(arguments: [("555-616-8319", "555-616-8319"), ("(555) 892-3951", "(555) 892-3951"),
                      ("555.616.8319", "555.616.8319"), ("+1 555 602 1891", "+1 555 602 1891"),
                      ("+44 20 7946 0958", "+44 20 7946 0958"), ("Tel: 089 1234 5678", "089 1234 5678"),
                      ("Phone 555-616-8319 ext", "555-616-8319"), ("Calle352.555.2418", "Calle352.555.2418"),
                      ("Ph: O20 7946 7946", "O20 7946 7946"), ("Ph: G20 7946 7946", "G20 7946 7946"),
                      ("Tel+1 57 55 2866", "Tel+1 57 55 2866"), ("Mi. 580 555 3063", "580 555 3063"),
                      ("Call +1 O45 SSS 2299", "+1 O45 SSS 2299")])
    func phoneNumbersAreFound(_ text: String, _ value: String) throws {
        let banner = Banner(text)
        let finding = try #require(banner.findings(of: recognizer).first, "\(text)")
        #expect(banner.text(of: finding) == value)
        #expect(finding.type == .phone)
    }

    @Test(arguments: ["120 250 400", "2014-03-09", "AD-9918-67", "12975-20-2", "1.2.840.10008", "9123 5.0 R15",
                      "2823824046", "06.16.1976", "250 500 1000", "180 555 3063", "580 555 3063 2", "1 580 555 3063"])
    func spacedScaleNumbersDatesAndIdentifiersAreNotPhoneNumbers(_ text: String) {
        #expect(Banner(text).findings(of: recognizer).isEmpty, "\(text)")
    }

    /// After a label with a colon, three digits are enough (OCR read the number's start only);
    /// without the colon, or for pH, they are not.
    @Test func aLabelWithAColonAnnouncesAPartlyReadNumber() {
        #expect(Banner("Phone: 03-5_").texts(of: recognizer) == ["03-5_"])
        #expect(Banner("Ph: 514.55\"").texts(of: recognizer) == ["514.55\""])
        #expect(Banner("Phone 03-5_").findings(of: recognizer).isEmpty)
        // the rest of the number is taken to be unread: ten digits and three separators in all
        #expect(Banner("Ph: 514.55\"").findings(of: recognizer).first?.unreadCharacters == 6)
        #expect(Banner("Ph: 514.555.8581").findings(of: recognizer).first?.unreadCharacters == 0)
        #expect(Banner("Call (893) 555-").findings(of: recognizer).first?.unreadCharacters == 4)
        #expect(Banner("Ph: 514.55 ext").findings(of: recognizer).allSatisfy { $0.unreadCharacters == 0 })
        #expect(Banner("pH: 7.40").findings(of: recognizer).isEmpty)
    }

    /// A group read wholly as letters that look like digits counts between two digit groups after a label;
    /// at the end of the number, or without digits before it, it is a word.
    @Test func aGroupReadAsLookAlikeLettersCountsBetweenDigitGroups() {
        #expect(Banner("Call +1 O45 SSS 2299").texts(of: recognizer) == ["+1 O45 SSS 2299"])
        #expect(Banner("Tel 0207 SSS").findings(of: recognizer).isEmpty)
        #expect(Banner("Call SOS 2299 now").findings(of: recognizer).isEmpty)
    }

    /// A first group OCR read as marks only ("@" for 020) counts when digit groups follow it after a label;
    /// marks before too few digits, or with no label before them, make no number.
    @Test func aFirstGroupReadAsMarksCountsBeforeDigitGroups() {
        #expect(Banner("Tel @ 7946 5364").texts(of: recognizer) == ["@ 7946 5364"])
        #expect(Banner("Tel @ 79").findings(of: recognizer).isEmpty)
        #expect(Banner("Size @ 7946 5364").findings(of: recognizer).allSatisfy { $0.confidence < 0.9 })
    }

    /// "Call" and "Pager" announce a number as "Tel" does.
    @Test func callAndPagerAreLabels() {
        #expect(Banner("Call 020 7946 7230").flagged(by: sharedDetector) == ["020 7946 7230"])
        #expect(Banner("Call 555 7230").flagged(by: sharedDetector) == ["555 7230"])
        #expect(Banner("0 250 500 7230").flagged(by: sharedDetector).isEmpty)  // without a label: scale marks
    }

    /// OCR often puts a speck read as a quote before a label ("‘Phone:"); the label still announces the number.
    @Test func aLabelWithAMarkBeforeItStillAnnouncesTheNumber() {
        #expect(Set(Banner("‘Phone: 555 2613").texts(of: recognizer)) == ["555 2613"])
        #expect(Set(Banner("~Tel 555 2613").texts(of: recognizer)) == ["555 2613"])
    }

    /// A national number with its trunk 0 in three spaced groups, ten or eleven digits, needs no label
    /// (the label may be unread); fewer digits, or no leading 0, are not enough.
    @Test func aSpacedNationalNumberWithItsTrunkZeroIsFound() throws {
        let finding = try #require(Banner("020 7946 3182 STAT").findings(of: recognizer).first)
        #expect(finding.confidence == 0.6)
        #expect(Banner("020 7946 3182 STAT").text(of: finding) == "020 7946 3182")
        for text in ["020 794 318", "120 7946 3182", "0.20 7946 3182", "020 7946 3182 5"] {
            #expect(Banner(text).findings(of: recognizer).isEmpty, "\(text)")
        }
    }
}
