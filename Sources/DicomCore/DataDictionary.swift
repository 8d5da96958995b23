import CDCMTK

/// The standard data dictionary (DCMTK's): keywords, tags and VRs.
public enum DataDictionary {
    public struct Entry: Sendable, Hashable {
        public let tag: Tag
        public let keyword: String
        public let vr: VR
    }

    public static func entry(keyword: String) -> Entry? {
        var group: UInt16 = 0, element: UInt16 = 0
        var vr: (CChar, CChar, CChar, CChar) = (0, 0, 0, 0)
        let found = withUnsafeMutablePointer(to: &vr) { pointer in
            pointer.withMemoryRebound(to: CChar.self, capacity: 4) { dd_dictionary_find_keyword(keyword, &group, &element, $0) }
        }
        guard found == 0 else { return nil }
        return Entry(tag: Tag(group, element), keyword: keyword, vr: VR(code(of: vr)))
    }

    public static func entry(tag: Tag) -> Entry? {
        var keyword = [CChar](repeating: 0, count: 128)
        var vr: (CChar, CChar, CChar, CChar) = (0, 0, 0, 0)
        let found = withUnsafeMutablePointer(to: &vr) { pointer in
            pointer.withMemoryRebound(to: CChar.self, capacity: 4) {
                dd_dictionary_describe(tag.group, tag.element, &keyword, keyword.count, $0)
            }
        }
        guard found == 0 else { return nil }
        let name = String(decoding: keyword.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        return Entry(tag: tag, keyword: name, vr: VR(code(of: vr)))
    }

    private static func code(of vr: (CChar, CChar, CChar, CChar)) -> String {
        String(decoding: [vr.0, vr.1].map { UInt8(bitPattern: $0) }.filter { $0 != 0 }, as: UTF8.self)
    }
}
