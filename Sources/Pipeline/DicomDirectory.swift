import DicomCore
import Foundation

/// A DICOMDIR (media directory): the files it references, relative to its folder.
public enum DicomDirectory {
    static let directoryRecordSequence = Tag(0x0004, 0x1220)
    static let referencedFileID = Tag(0x0004, 0x1500)
    public static let sopClassUID = "1.2.840.10008.1.3.10"

    public static func isDirectoryFile(_ path: String) -> Bool {
        PathName.name(of: path).uppercased() == "DICOMDIR"
    }

    /// The referenced files, in record order, without duplicates.
    public static func referencedFiles(of path: String) throws -> [InputFile] {
        let instance = try Instance(contentsOf: path)
        let folder = PathName.directory(of: path)
        var seen = Set<String>()
        var files: [InputFile] = []
        for record in instance.dataset.items(directoryRecordSequence) {
            guard let id = record.string(referencedFileID) else { continue }
            let relative = id.split(separator: "\\").map { $0.trimmingPadding }.filter { !$0.isEmpty }.joined(separator: "/")
            guard !relative.isEmpty, seen.insert(relative).inserted else { continue }
            files.append(InputFile(path: PathName.join(folder, relative), relativePath: relative, isExplicit: true))
        }
        return files
    }
}
