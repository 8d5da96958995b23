import Foundation

/// Where an output goes: the input's relative path under the output directory (the mirror layout),
/// with the name prefixed and, for PNG, the extension replaced (one PNG per frame of a multi-frame image).
public struct OutputNaming: Sendable {
    public var directory: String
    public var format: OutputFormat
    public var namePrefix: String

    public init(directory: String, format: OutputFormat, namePrefix: String = "") {
        self.directory = directory
        self.format = format
        self.namePrefix = namePrefix
    }

    public func path(for input: InputFile, frame: Int? = nil) -> String {
        let relative = input.relativePath as NSString
        let folder = relative.deletingLastPathComponent
        var name = namePrefix + relative.lastPathComponent
        if format == .png {
            let stem = ["dcm", "dicom", "png", "jpg", "jpeg"].contains((name as NSString).pathExtension.lowercased())
                ? (name as NSString).deletingPathExtension : name
            name = stem + (frame.map { String(format: "-f%04d", $0 + 1) } ?? "") + ".png"
        }
        return ((directory as NSString).appendingPathComponent(folder) as NSString).appendingPathComponent(name)
    }
}
