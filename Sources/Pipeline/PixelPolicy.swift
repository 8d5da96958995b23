import DicomCore

/// When pixels are not cleaned, which instances may carry burned-in text and must be refused
/// (unless the user explicitly allows it); and which pixel data are not pictures at all.
public enum PixelPolicy {
    /// SOP classes whose pixel data are masks or measurement grids, not pictures: nothing is drawn
    /// into them, so the pixel stage passes them over (and says so in the audit) instead of refusing
    /// the 1-bit, 32-bit and float samples it cannot render.
    static let nonPictorialSOPClasses: [String: String] = [
        "1.2.840.10008.5.1.4.1.1.66.4": "segmentation",
        "1.2.840.10008.5.1.4.1.1.66.7": "label map segmentation",
        "1.2.840.10008.5.1.4.1.1.481.2": "RT dose",
        "1.2.840.10008.5.1.4.1.1.30": "parametric map",
    ]

    /// Photographs taken with a camera (VL Photographic, Video Photographic, modality XC) may show a
    /// face — a direct identifier dcmdeid does not detect — and are refused unless allowed.
    static let photographicSOPClasses: Set<String> = ["1.2.840.10008.5.1.4.1.1.77.1.4", "1.2.840.10008.5.1.4.1.1.77.1.4.1"]

    public static func mayShowFace(_ dataset: Dataset) -> Bool {
        guard dataset.contains(.pixelData) else { return false }
        return dataset.firstValue(.modality)?.uppercased() == "XC"
            || dataset.firstValue(.sopClassUID).map(photographicSOPClasses.contains) == true
    }

    /// What the instance's pixel data are when they are not a picture ("segmentation"), else nil.
    /// The pixels must look the part too (one sample, MONOCHROME2): a mislabelled colour image is
    /// read for text like any other.
    public static func nonPictorialKind(_ dataset: Dataset) -> String? {
        guard let kind = dataset.firstValue(.sopClassUID).flatMap({ nonPictorialSOPClasses[$0] }),
              (dataset.integer(.samplesPerPixel) ?? 1) == 1,
              (dataset.firstValue(.photometricInterpretation) ?? "MONOCHROME2").uppercased() == "MONOCHROME2" else { return nil }
        return kind
    }

    /// Modalities whose images commonly carry burned-in text.
    static let textBearingModalities: Set<String> = ["US", "SC", "XC", "ES", "OT", "GM", "SM", "DOC", "IVUS", "OP", "XA", "RF", "ECG"]

    /// Secondary Capture SOP classes (screen captures, scanned documents).
    static let secondaryCapturePrefix = "1.2.840.10008.5.1.4.1.1.7"

    /// BurnedInAnnotation YES, or absent on a text-bearing modality or a secondary capture.
    public static func mayCarryBurnedInText(_ dataset: Dataset) -> Bool {
        guard dataset.contains(.pixelData) else { return false }
        switch dataset.firstValue(.burnedInAnnotation)?.uppercased() {
        case "YES": return true
        case "NO": return false
        default:
            let modality = dataset.firstValue(.modality)?.uppercased() ?? ""
            let sopClass = dataset.firstValue(.sopClassUID) ?? ""
            return textBearingModalities.contains(modality) || sopClass.hasPrefix(secondaryCapturePrefix)
        }
    }
}
