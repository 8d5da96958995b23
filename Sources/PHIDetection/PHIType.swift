/// What kind of identifying information a finding is.
public enum PHIType: String, Sendable, Codable, CaseIterable {
    case name, identifier, date, time, age, phone, email, address, postcode, institution, other
}
