/// Settings a profile can change (`parameters:` in a profile file).
public struct ProfileParameters: Sendable, Equatable {
    /// Root of replacement UIDs: `2.25` gives `2.25.<decimal of the keyed hash>`.
    public var uidRoot = "2.25"
    /// Replacement for Patient ID; `{hash}` or `{hash:N}` is N characters of the keyed hash. Empty: zero length.
    public var patientIDPattern = "ANON-{hash:10}"
    /// Replacement for Patient's Name. Empty: zero length.
    public var patientNamePattern = "ANONYMOUS^{hash:8}"
    /// With the Modified Dates option, dates move back by 1...maxDateShiftDays days, per patient.
    public var maxDateShiftDays = 3650
    /// Unlisted standard attributes: `policy` (retained-attributes.yaml) or `remove` (remove all but the VR rules).
    public var unlistedAttributes = "policy"

    public init() {}

    static let names = ["uidRoot", "patientIDPattern", "patientNamePattern", "maxDateShiftDays", "unlistedAttributes"]

    mutating func set(_ name: String, to value: String, file: String, line: Int) throws {
        func fail(_ reason: String) -> DeidentificationError { .invalidProfile(file: file, line: line, reason: reason) }
        switch name {
        case "uidRoot":
            guard value.split(separator: ".").allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isNumber) }), value.count <= 24 else {
                throw fail("uidRoot must be a dotted numeric UID root of at most 24 characters")
            }
            uidRoot = value
        case "patientIDPattern": patientIDPattern = value
        case "patientNamePattern": patientNamePattern = value
        case "maxDateShiftDays":
            guard let days = Int(value), days >= 1, days <= 36500 else { throw fail("maxDateShiftDays must be 1...36500") }
            maxDateShiftDays = days
        case "unlistedAttributes":
            guard ["policy", "remove"].contains(value) else { throw fail("unlistedAttributes is policy or remove") }
            unlistedAttributes = value
        default:
            throw fail("unknown parameter \"\(name)\" (known: \(Self.names.joined(separator: ", ")))")
        }
    }
}
