import Foundation

/// A cheap look at a file's first bytes: Part 10 ("DICM" at 128) or a raw dataset starting with a
/// plausible group 0002/0008 tag. Used to skip non-DICOM files found while walking folders.
public enum DicomSniffer {
    public static func looksLikeDicom(path: String) -> Bool {
        guard let handle = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? handle.close() }
        let head = [UInt8]((try? handle.read(upToCount: 132)) ?? Data())
        if head.count >= 132, head[128...131].elementsEqual(Array("DICM".utf8)) { return true }
        guard head.count >= 8 else { return false }
        let group = UInt16(head[0]) | UInt16(head[1]) << 8
        return group == 0x0002 || group == 0x0008 || (group == 0x0800 && head[0] == 0x00)
    }
}
