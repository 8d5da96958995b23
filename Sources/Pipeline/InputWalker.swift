import DicomCore
import Foundation

/// One input file and where its output goes, relative to the output directory.
public struct InputFile: Sendable, Hashable {
    public let path: String
    /// The path relative to the input root it was found under (the file name for a file argument).
    public let relativePath: String
    /// Named by the user or by a DICOMDIR (a failure to read it is an error), rather than found
    /// while walking a folder (where non-DICOM files are skipped).
    public var isExplicit = false

    public init(path: String, relativePath: String, isExplicit: Bool = false) {
        self.path = path
        self.relativePath = relativePath
        self.isExplicit = isExplicit
    }
}

/// Expands command-line inputs (files and folders, recursively) into files, lazily, so a huge
/// export is never held in memory at once. Hidden files and folders are skipped. A DICOMDIR given
/// as an input stands for the files it references.
public struct InputWalker: Sequence, Sendable {
    public let roots: [String]

    public init(roots: [String]) { self.roots = roots }

    public func makeIterator() -> AnyIterator<InputFile> {
        var rootIterator = roots.makeIterator()
        var enumerator: FileManager.DirectoryEnumerator?
        var currentRoot = ""
        var pending: ArraySlice<InputFile> = []
        return AnyIterator {
            while true {
                if let next = pending.popFirst() { return next }
                if let enumerating = enumerator {
                    while let next = enumerating.nextObject() as? String {
                        let name = PathName.name(of: next)
                        let full = PathName.join(currentRoot, next)
                        if name.hasPrefix(".") {
                            if Self.isDirectory(full) { enumerating.skipDescendants() }
                            continue
                        }
                        if !Self.isDirectory(full) { return InputFile(path: full, relativePath: next) }
                    }
                    enumerator = nil
                }
                guard let root = rootIterator.next() else { return nil }
                if DicomDirectory.isDirectoryFile(root), !Self.isDirectory(root),
                   let referenced = try? DicomDirectory.referencedFiles(of: root), !referenced.isEmpty {
                    pending = referenced[...]
                } else if Self.isDirectory(root) {
                    currentRoot = root
                    enumerator = FileManager.default.enumerator(atPath: root)
                } else {
                    return InputFile(path: root, relativePath: PathName.name(of: root), isExplicit: true)
                }
            }
        }
    }

    public static func isDirectory(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }
}
