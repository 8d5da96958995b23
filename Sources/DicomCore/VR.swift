/// A value representation, by its two-letter code.
public struct VR: Hashable, Sendable, CustomStringConvertible {
    public let code: String

    public init(_ code: String) { self.code = code }

    public var description: String { code }

    /// VRs whose value is character text (as opposed to binary numbers).
    public var isText: Bool { Self.textCodes.contains(code) }
    /// Text VRs that can hold free text or names, i.e. anything a person typed.
    public var canHoldFreeText: Bool { Self.freeTextCodes.contains(code) }
    public var isSequence: Bool { code == "SQ" }

    static let textCodes: Set<String> = [
        "AE", "AS", "CS", "DA", "DS", "DT", "IS", "LO", "LT", "PN", "SH", "ST", "TM", "UC", "UI", "UR", "UT",
    ]
    static let freeTextCodes: Set<String> = ["LO", "LT", "PN", "SH", "ST", "UC", "UT", "UR"]

    public static let SQ = VR("SQ"), UI = VR("UI"), PN = VR("PN"), DA = VR("DA"), TM = VR("TM"), DT = VR("DT")
    public static let CS = VR("CS"), LO = VR("LO"), SH = VR("SH"), US = VR("US"), OB = VR("OB"), OW = VR("OW")
    public static let UN = VR("UN")
}
