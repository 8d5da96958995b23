import CDCMTK

/// Process-wide set-up of the DICOM toolkit.
public enum DicomLibrary {
    /// Registers DCMTK's codecs; idempotent and thread-safe. Called implicitly by loading too.
    public static func initialize() { dd_global_init() }
    public static var dcmtkVersion: String { String(cString: dd_dcmtk_version()) }
}
