import Testing
@testable import PHIDetection

@Suite("Date-pattern recognizer")
struct DatePatternRecognizerTests {
    let recognizer = DatePatternRecognizer()

    @Test(arguments: ["01.09.2012", "06.16.1976", "2014-03-09", "03/02/2017", "3/9/14", "12-07-94", "08/20/31",
                      "20140309", "09-Mar-2014", "24-MAY-02", "07-FEV-2006", "17 Oct 16", "29 Mar 00", "30 JAN 94",
                      "Mar 9 2014", "Mar 9, 2014", "9 March 2014", "Sep 27 2015", "Fri Apr 30 06:27:24 1993",
                      "9. März 2014", "9 de marzo de 2014", "2O14-O3-O9", "2014-Mar-09"])
    func datesInNumericAndWrittenFormsAreFound(_ text: String) throws {
        let banner = Banner(text)
        let finding = try #require(banner.findings(of: recognizer).first, "\(text)")
        #expect(finding.wordIndices == Array(banner.words.indices), "\(text)")
        #expect(finding.type == .date)
        #expect(finding.confidence >= 0.8)
    }

    @Test func aDateIsFoundAfterItsLabelAndBeforeATime() {
        #expect(Banner("DOB: 06.16.1976").texts(of: recognizer) == ["06.16.1976"])
        #expect(Banner("Mar 9 2014 5:46:57 PM").texts(of: recognizer) == ["Mar 9 2014"])
        #expect(Banner("DOB:06.16.1976").texts(of: recognizer) == ["DOB:06.16.1976"])
    }

    @Test func ocrFoldedDatesScoreLower() throws {
        let clean = try #require(Banner("2014-03-09").findings(of: recognizer).first)
        let damaged = try #require(Banner("2O14-O3-O9").findings(of: recognizer).first)
        #expect(damaged.confidence < clean.confidence)
    }

    /// A year-first date read only up to its month ("2015/08/." for 2015/08/17): a date with its two day
    /// digits unread.
    @Test func aYearFirstDateCutShortAfterItsMonthIsADate() throws {
        for text in ["2015/08/.", "2015-08-", "1961.12."] {
            let finding = try #require(Banner(text).findings(of: recognizer).first, "\(text)")
            #expect(finding.type == .date && finding.unreadCharacters == 2, "\(text)")
        }
        for text in ["2015/13/", "2015/08-", "2015/08/1.", "1.5/08/"] {
            #expect(Banner(text).findings(of: recognizer).allSatisfy { $0.unreadCharacters == 0 }, "\(text)")
        }
        #expect(Banner("2015/08/17").findings(of: recognizer).first?.unreadCharacters == 0)
    }

    /// A day-first date ending its line, read only into its year ("24/10/1" for 24/10/1961): a date with the
    /// rest of a four-digit year unread; with three digits of a year of this century or the last, wherever it is.
    @Test func aDateCutShortInItsYearAtTheLineEndIsADate() throws {
        for (text, unread) in [("24/10/1", 3), ("13.01.2-", 3), ("Scan 11-11-", 4), ("DOB: 03/19/.", 4), ("21/03/201", 1),
                               ("21/03/201 Sips", 1)] {
            let finding = try #require(Banner(text).findings(of: recognizer).last, "\(text)")
            #expect(finding.type == .date && finding.unreadCharacters == unread, "\(text)")
        }
        for text in ["24/10/1 mm", "44/10/1", "24/13/1", "1/2/3", "24/10/1a", "24:10:1", "21/03/350", "21/03/20"] {
            #expect(Banner(text).findings(of: recognizer).allSatisfy { $0.unreadCharacters == 0 }, "\(text)")
        }
    }

    @Test func partialDatesAreFoundWithLessConfidence() throws {
        let dayMonth = try #require(Banner("MARCH 29th").findings(of: recognizer).first)
        let monthYear = try #require(Banner("Mar 2014").findings(of: recognizer).first)
        #expect(dayMonth.confidence < 0.8)
        #expect(monthYear.confidence < 0.8)
        // a month with a four-digit year, in numbers ("3/1999": what OCR read of 06/08/1999)
        for text in ["3/1999", "03/2014", "11/2020"] {
            let numeric = try #require(Banner(text).findings(of: recognizer).first, "\(text)")
            #expect(numeric.confidence >= 0.5 && numeric.confidence < 0.8, "\(text)")
        }
    }

    @Test(arguments: ["127/128", "1/2/4", "16/4/1", "T1/+1/3/2", "0/1/4", "2/0/E/B/B", "1.3 2.6", "3.0 mm/1.0sp",
                      "12/200", "Frame 1/30", "W:400 L:40", "1.2.840.10008.1.2.4.50", "32/13/2014", "2014-13-01",
                      "May", "Map 3", "151832", "09;25;00_", "Page 1/3", "3.5/2.7-L", "13/2014", "3/2400", "3/1024",
                      "512/2048", "12.2014", "01-2024"])
    func fractionsScaleValuesAndImpossibleDatesAreNotDates(_ text: String) {
        #expect(Banner(text).findings(of: recognizer).isEmpty, "\(text)")
    }
}
