/// What a run writes for each input.
public enum OutputFormat: String, Sendable, CaseIterable {
    case dicom
    case png
}
