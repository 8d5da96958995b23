/// What an item holds for one tag: its tag, VR and size. Values are read through `Dataset`.
public struct Element: Hashable, Sendable {
    public let tag: Tag
    public let vr: VR
    /// Value length in bytes; `Element.undefinedLength` for undefined-length values.
    public let length: UInt32
    /// Items of a sequence, or fragments (including the offset table) of encapsulated pixel data.
    public let itemCount: Int
    public let isSequence: Bool
    public let isEncapsulated: Bool

    public static let undefinedLength: UInt32 = 0xFFFF_FFFF
}
