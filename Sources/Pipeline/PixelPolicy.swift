import DicomCore

/// When pixels are not cleaned, which instances may carry burned-in text and must be refused
/// (unless the user explicitly allows it).
public enum PixelPolicy {
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
