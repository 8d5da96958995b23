/// Identifying values captured from the DICOM header before scrubbing, as raw DICOM strings. The header-match
/// recognizer looks for them in the OCR text, tolerating OCR errors and the many ways a device prints them.
///
/// The comparison forms are prepared once, when the context is made or changed, so one context can be used for
/// every frame of an instance at no extra cost. Kept in memory only.
public struct PHIContext: Sendable {
    /// PN values such as "DOE^JOHN^Q" (patient, physicians, operators).
    public var names: [String] { didSet { prepare() } }
    /// Patient ID, other IDs, accession number, device serial number, …
    public var identifiers: [String] { didSet { prepare() } }
    /// DA values ("YYYYMMDD") or DT values.
    public var dates: [String] { didSet { prepare() } }
    /// TM values ("HHMMSS.FFFFFF").
    public var times: [String] { didSet { prepare() } }
    /// Institution name and address, station name, department, …
    public var places: [String] { didSet { prepare() } }
    /// Any other identifying text (the patient's age as a DICOM age string, "043Y").
    public var other: [String] { didSet { prepare() } }
    /// The profile keeps the patient's age (Retain Patient Characteristics): a printed age under 90 is
    /// then no PHI either (HIPAA names only older ages). Otherwise it is, as the header's age is removed.
    public var keepsPatientAge = false { didSet { values.keepsAges = keepsPatientAge } }
    /// The confidence of a printed age under 90 when the profile keeps the patient's age: a hint, not painted
    /// at the default threshold.
    public static let keptAgeConfidence = 0.3

    private(set) var values: HeaderValues

    public init(names: [String], identifiers: [String], dates: [String], times: [String], places: [String],
                other: [String] = []) {
        self.names = names
        self.identifiers = identifiers
        self.dates = dates
        self.times = times
        self.places = places
        self.other = other
        values = HeaderValues(names: names, identifiers: identifiers, dates: dates, times: times, places: places,
                              other: other)
    }

    public static let empty = PHIContext(names: [], identifiers: [], dates: [], times: [], places: [])

    /// The one-letter parts of the names (middle initials: "L" of DUARTE^IMOGEN^L).
    public var nameInitials: Set<String> { Set(values.nameParts.map(\.key).filter { $0.utf8.count == 1 }) }

    /// True when there is no value to look for.
    public var isEmpty: Bool {
        [names, identifiers, dates, times, places, other].allSatisfy { field in
            field.allSatisfy { $0.allSatisfy { $0.isWhitespace || $0 == "^" } }
        }
    }

    private mutating func prepare() {
        values = HeaderValues(names: names, identifiers: identifiers, dates: dates, times: times, places: places,
                              other: other)
        values.keepsAges = keepsPatientAge
    }
}
