/// An overlay plane (group 60xx): separate in (60xx,3000) or embedded in unused high bits of the pixel data.
public struct Overlay: Sendable, Equatable {
    public enum Storage: Sendable, Equatable {
        case separate
        /// In bit `bitPosition` of each pixel sample (retired, but still found in old files).
        case embedded(bitPosition: Int)
    }

    public let group: UInt16
    public let rows: Int
    public let columns: Int
    public let storage: Storage
    public let frames: Int

    public static let overlayData: UInt16 = 0x3000

    /// The overlays present in a dataset.
    public static func overlays(in dataset: Dataset) -> [Overlay] {
        var groups = Set<UInt16>()
        for element in dataset.elements where element.tag.isOverlayGroup { groups.insert(element.tag.group) }
        return groups.sorted().compactMap { group in
            guard let rows = dataset.integer(Tag(group, 0x0010)), let columns = dataset.integer(Tag(group, 0x0011)) else {
                return nil
            }
            let frames = dataset.integer(Tag(group, 0x0015)) ?? 1
            if dataset.contains(Tag(group, overlayData)) {
                return Overlay(group: group, rows: rows, columns: columns, storage: .separate, frames: frames)
            }
            guard let bitPosition = dataset.integer(Tag(group, 0x0102)) else { return nil }
            return Overlay(group: group, rows: rows, columns: columns, storage: .embedded(bitPosition: bitPosition),
                           frames: frames)
        }
    }
}
