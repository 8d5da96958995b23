/// The thumbnail files written for one image, relative to the review folder.
public struct ReviewImages: Sendable, Codable, Hashable {
    public var before: String
    public var after: String
    public var nativeWidth: Int
    public var nativeHeight: Int
    public var thumbnailWidth: Int
    public var thumbnailHeight: Int
}
