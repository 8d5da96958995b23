/// Words that together carry one piece of PHI.
///
/// Confidence scale used by the built-in recognizers:
/// - 0.95: the text is exactly a value from the DICOM header (only these override the allow-list);
/// - 0.8–0.9: a strong pattern (a full date, a labelled value, `LAST^FIRST`, a phone number, an e-mail);
/// - 0.55–0.8: probable (an OCR-damaged header value, a name-shaped pair of lexicon words, a bare number alone
///   on its line);
/// - below 0.5: weak hints kept for reports (a lone given name, an age under 90, a sex marker).
/// A threshold of 0.5 keeps the first three groups.
public struct Finding: Hashable, Sendable, Codable {
    /// Indices into the `words` array given to `PHIDetector.detect`, ascending.
    public var wordIndices: [Int]
    public var type: PHIType
    /// 0...1.
    public var confidence: Double
    /// Which recognizer made the finding, e.g. "header-match", "date-pattern", "name-lexicon".
    public var recognizer: String
    /// Characters of a header value that follow the finding's last word and that OCR did not read ("Hospi"
    /// for "Hospital Aldermoor": 12): the text goes on beyond what was read, about that many characters.
    public var unreadCharacters = 0
    /// A value a label announced beyond doubt (after "DOB", "Date of Birth"): the allow-list does not drop it
    /// ("D.O.B. 29/12," is no image counter).
    public var announced = false
    /// The finding's value is one the header holds, in a form the allow-list would take for technical text
    /// ("F 56", "046" with Patient's Age 056Y, 046Y): the allow-list does not drop it.
    public var confirmedByHeader = false

    /// Whether a value the instance's header holds made the finding.
    public var matchesHeader: Bool { recognizer == HeaderContextRecognizer.recognizerName }

    public init(wordIndices: [Int], type: PHIType, confidence: Double, recognizer: String) {
        self.wordIndices = wordIndices
        self.type = type
        self.confidence = confidence
        self.recognizer = recognizer
    }
}
