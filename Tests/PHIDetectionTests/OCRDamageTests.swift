import Testing
@testable import PHIDetection

/// OCR errors the recognizers tolerate, and misreads they must not take for PHI.
@Suite("OCR damage tolerance")
struct OCRDamageTests {
    @Test func anAgeWithLetterOForZeroIsAnAge() {
        #expect(AgePatternRecognizer.gluedAge("O38Y") == 38)
        #expect(Banner("O38Y").texts(of: AgePatternRecognizer()) == ["O38Y"])
        #expect(AgePatternRecognizer.gluedAge("OY") == nil)
        #expect(Banner("O38Y").flagged(by: sharedDetector) == ["O38Y"])
        #expect(Banner("M5S").flagged(by: sharedDetector).isEmpty)
    }

    @Test func anIdentifierSplitAtItsDashesIsOneIdentifier() throws {
        #expect(Banner("EK- 4362 -13").texts(of: try IdentifierPatternRecognizer()) == ["EK- 4362 -13"])
        #expect(Banner("W 400 - L 40").texts(of: try IdentifierPatternRecognizer()).isEmpty)
    }

    @Test func aNumericDateThatLostADigitIsADateAfterABirthLabel() throws {
        let finding = try #require(Banner("DOB: 0/06/1962").findings(of: DatePatternRecognizer()).first)
        #expect(finding.confidence >= 0.8)
        #expect(Banner("0/1/4").findings(of: DatePatternRecognizer()).isEmpty)
    }

    @Test func aWrittenDateWithAnImpossibleDayIsStillADate() {
        #expect(Banner("38 JAN 94").texts(of: DatePatternRecognizer()) == ["38 JAN 94"])
        #expect(Banner("JAN 39 1994").texts(of: DatePatternRecognizer()) == ["JAN 39 1994"])
        #expect(Banner("38 JAN").texts(of: DatePatternRecognizer()).isEmpty)
        #expect(Banner("48 MAR 94").texts(of: DatePatternRecognizer()).isEmpty)
    }

    @Test func anInstitutionWhoseFrameOCRReadAsALetterIsStillAnInstitution() {
        #expect(Banner("*xWESTWAY MEDICAL*").texts(of: InstitutionPatternRecognizer()) == ["*xWESTWAY MEDICAL*"])
        #expect(Banner("iPhone Medical").texts(of: InstitutionPatternRecognizer()).isEmpty)
    }

    @Test func aTimeOCRSplitAtItsColonsIsOneTime() {
        #expect(Banner("13: 13: 56").texts(of: TimePatternRecognizer()) == ["13: 13: 56"])
        #expect(Banner("09; 25;00").texts(of: TimePatternRecognizer()) == ["09; 25;00"])
        #expect(Banner("W: 400 L: 40").texts(of: TimePatternRecognizer()).isEmpty)
    }

    @Test func aTimeWithAnImpossibleHourIsStillTimeShaped() throws {
        let finding = try #require(Banner("45:46:57 PM").findings(of: TimePatternRecognizer()).first)
        #expect(finding.confidence >= 0.5)
        #expect(Banner("45:76:57").findings(of: TimePatternRecognizer()).isEmpty)  // two misreads: anything
        #expect(Banner("14:77:18").texts(of: TimePatternRecognizer()) == ["14:77:18"])  // minutes misread
        // an hour read with a character too many
        #expect(Banner("O39; 25; 00").texts(of: TimePatternRecognizer()) == ["O39; 25; 00"])
        #expect(Banner("120:45").findings(of: TimePatternRecognizer()).isEmpty)
        #expect(Banner("100:00:00").findings(of: TimePatternRecognizer()).isEmpty)  // a duration
    }

    /// Minutes and AM/PM whose hour OCR did not read, the M perhaps read as H: a time (the planner looks for
    /// the hour before the colon). Not minutes alone, nor other words after them.
    @Test func minutesAndAMeridiemWithoutTheirHourAreATime() {
        #expect(Banner(":26 PH").texts(of: TimePatternRecognizer()) == [":26 PH"])
        #expect(Banner("Start :07 P.M.").texts(of: TimePatternRecognizer()) == [":07 P.M."])
        #expect(Banner(":26").texts(of: TimePatternRecognizer()).isEmpty)
        #expect(Banner(":26 PA").texts(of: TimePatternRecognizer()).isEmpty)
        #expect(Banner(":76 PM").texts(of: TimePatternRecognizer()).isEmpty)
    }

    @Test func anyWordBeforeADayWithItsCommaAndAYearIsAMisreadMonth() {
        #expect(Banner("Born uber 4, 1956").texts(of: DatePatternRecognizer()) == ["uber 4, 1956"])
        #expect(Banner("uber 4 1956").texts(of: DatePatternRecognizer()).isEmpty)  // no comma: no written date
        #expect(Banner("Series: 4, 1956").texts(of: DatePatternRecognizer()).isEmpty)
        #expect(Banner("uber 44, 1956").texts(of: DatePatternRecognizer()).isEmpty)
        // a quote OCR read for the lost capital
        #expect(Banner("‘arch 28, 2018").texts(of: DatePatternRecognizer()) == ["‘arch 28, 2018"])
        #expect(Banner("‘ar2h 28, 2018").texts(of: DatePatternRecognizer()).isEmpty)
    }

    @Test func aMonthWithOneMisreadLetterBeforeDayAndYearIsADate() {
        #expect(Banner("Apt 2 2020").texts(of: DatePatternRecognizer()) == ["Apt 2 2020"])
        #expect(Banner("Apt 2").texts(of: DatePatternRecognizer()).isEmpty)
        #expect(Banner("14 NOY 2004").texts(of: DatePatternRecognizer()) == ["14 NOY 2004"])
        #expect(Banner("14 BOY 2004").texts(of: DatePatternRecognizer()).isEmpty)  // no month starts so
    }

    @Test func anExamCueWhoseColonOCRMisreadStillAnnouncesAnIdentifier() throws {
        #expect(Banner("Ext 2411").texts(of: try IdentifierPatternRecognizer()) == ["2411"])
        #expect(Banner("Set 3").texts(of: try IdentifierPatternRecognizer()).isEmpty)
    }

    @Test func theYearAfterAGarbledCtimeTimeBelongsToTheDate() {
        #expect(Banner("Fri Apr 30 06;27324 1993").texts(of: DatePatternRecognizer()).contains { $0.hasSuffix("1993") })
    }

    @Test func anAtSignWithoutADottedDomainIsNoEmail() {
        #expect(Banner("ERE@t").texts(of: EmailPatternRecognizer()).isEmpty)
        #expect(Banner("betty.adams@m ail.example.net").texts(of: EmailPatternRecognizer()) == ["betty.adams@m"])
    }

    @Test func aLabelIsNoStreetNameSoAnAddressDoesNotSwallowTheDigitBeforeIt() {
        #expect(Banner("Se: 4 Ref: Dr. Taylor").texts(of: AddressPatternRecognizer()).isEmpty)
        #expect(Banner("1318 Main St").texts(of: AddressPatternRecognizer()) == ["1318 Main St"])
    }
}
