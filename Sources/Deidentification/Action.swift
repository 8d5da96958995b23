import DicomCore

/// The actions of PS3.15 Table E.1-1 (E.1.1), the closed set a profile can name.
public enum Action: String, Sendable, CaseIterable, Codable {
    /// Replace with a non-zero-length dummy value consistent with the VR.
    case dummy = "D"
    /// Replace with a zero-length value (or a dummy).
    case zero = "Z"
    /// Remove.
    case remove = "X"
    /// Keep (a sequence is kept and its items cleaned).
    case keep = "K"
    /// Clean: replace with values of similar meaning known not to identify.
    case clean = "C"
    /// Replace with a non-zero-length UID that is consistent within the set of instances.
    case uid = "U"
    case zeroOrDummy = "Z/D"
    case removeOrZero = "X/Z"
    case removeOrDummy = "X/D"
    case removeOrZeroOrDummy = "X/Z/D"
    case removeOrZeroOrUID = "X/Z/U*"

    public var code: String { rawValue }

    /// Compound codes choose by the attribute's Type in the instance's IOD. dcmdeid does not carry
    /// the IOD module tables, so it uses one conservative rule that never keeps information and
    /// keeps the instance conformant whatever the Type is:
    /// - a choice involving Z resolves to Z (present but empty satisfies Type 2 and 3; empty carries nothing),
    /// - X/D resolves to D (a dummy satisfies Type 1; a dummy carries nothing),
    /// - X/Z/U* on a sequence keeps the sequence and cleans its items, so contained instance UIDs
    ///   are replaced consistently and references between instances survive; on other VRs it is U or Z.
    public func resolved(vr: VR) -> Action {
        switch self {
        case .zeroOrDummy, .removeOrZero, .removeOrZeroOrDummy: .zero
        case .removeOrDummy: .dummy
        case .removeOrZeroOrUID: vr.isSequence ? .keep : (vr == .UI ? .uid : .zero)
        default: self
        }
    }
}
