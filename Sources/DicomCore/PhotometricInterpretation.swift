/// The colour model of pixel data, (0028,0004).
public enum PhotometricInterpretation: String, Sendable, CaseIterable {
    case monochrome1 = "MONOCHROME1"
    case monochrome2 = "MONOCHROME2"
    case paletteColor = "PALETTE COLOR"
    case rgb = "RGB"
    case ybrFull = "YBR_FULL"
    case ybrFull422 = "YBR_FULL_422"
    case ybrPartial420 = "YBR_PARTIAL_420"
    case ybrICT = "YBR_ICT"
    case ybrRCT = "YBR_RCT"

    public var isMonochrome: Bool { self == .monochrome1 || self == .monochrome2 }
    public var isYBR: Bool { rawValue.hasPrefix("YBR") }
}
