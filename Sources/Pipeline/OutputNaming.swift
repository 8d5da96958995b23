import DicomCore
import Foundation

/// How outputs are arranged under the output folder.
public enum OutputLayout: String, Sendable, CaseIterable {
    /// The input's relative path (the default).
    case mirror
    /// Patient/Study/Series/Instance.dcm from the de-identified header (pseudonymised IDs and UIDs).
    case hierarchy
}

/// Where an output goes: with the mirror layout, the input's relative path under the output
/// directory, with the name prefixed and, for PNG, the extension replaced (one PNG per frame of a
/// multi-frame image); with the hierarchy layout, a path built from the de-identified header.
public struct OutputNaming: Sendable {
    public var directory: String
    public var format: OutputFormat
    public var namePrefix: String
    public var layout: OutputLayout

    public init(directory: String, format: OutputFormat, namePrefix: String = "", layout: OutputLayout = .mirror) {
        self.directory = directory
        self.format = format
        self.namePrefix = namePrefix
        self.layout = layout
    }

    /// The output path; `dataset` (already de-identified) is needed for the hierarchy layout.
    public func path(for input: InputFile, dataset: Dataset? = nil, frame: Int? = nil) -> String {
        let relative = layout == .hierarchy && dataset != nil ? hierarchyPath(dataset!) : input.relativePath
        let folder = PathName.directory(of: relative)
        var name = namePrefix + PathName.name(of: relative)
        if format == .png {
            let stem = ["dcm", "dicom", "png", "jpg", "jpeg"].contains(PathName.pathExtension(of: name)) ? PathName.stem(of: name) : name
            name = stem + (frame.map { String(format: "-f%04d", $0 + 1) } ?? "") + ".png"
        }
        return PathName.join(PathName.join(directory, folder), name)
    }

    func hierarchyPath(_ dataset: Dataset) -> String {
        let parts = [
            dataset.firstValue(.patientID), dataset.firstValue(.studyInstanceUID),
            dataset.firstValue(.seriesInstanceUID), dataset.firstValue(.sopInstanceUID),
        ].map { Self.safeComponent($0) }
        return parts.joined(separator: "/") + ".dcm"
    }

    /// A path component from a header value: only letters, digits, dot, dash and underscore.
    static func safeComponent(_ value: String?) -> String {
        let cleaned = String((value ?? "").map { $0.isLetter || $0.isNumber || ".-_".contains($0) ? $0 : "_" })
        return cleaned.isEmpty || cleaned == "." || cleaned == ".." ? "unknown" : cleaned
    }
}
