import DicomCore

/// Non-zero-length dummy values consistent with a VR, for the D action.
enum DummyValue {
    static func text(for vr: VR) -> String? {
        switch vr.code {
        case "DA": "19000101"
        case "TM": "000000"
        case "DT": "19000101000000"
        case "AS": "000Y"
        case "PN": "ANONYMIZED"
        case "CS": "ANONYMIZED"
        case "DS", "IS": "0"
        case "AE", "LO", "SH", "LT", "ST", "UT", "UC": "ANONYMIZED"
        case "UR": "http://anonymized.invalid"
        case "US", "SS", "UL", "SL", "FL", "FD", "SV", "UV": "0"
        default: nil
        }
    }

    /// Binary VRs: zeros, one value long.
    static func bytes(for vr: VR) -> [UInt8]? {
        switch vr.code {
        case "OB", "UN": [0, 0]
        case "OW": [0, 0]
        case "OF", "OL": [0, 0, 0, 0]
        case "OD", "OV": [UInt8](repeating: 0, count: 8)
        default: nil
        }
    }
}
