import DicomCore

/// Frame 0 of one image before and after the pixel stage painted it, downscaled for the review report.
/// The native size maps finding boxes (native coordinates) onto the thumbnails.
public struct ReviewThumbnails: Sendable {
    public var before: RenderedImage
    public var after: RenderedImage
    public var nativeWidth: Int
    public var nativeHeight: Int

    public init(before: RenderedImage, after: RenderedImage, nativeWidth: Int, nativeHeight: Int) {
        self.before = before
        self.after = after
        self.nativeWidth = nativeWidth
        self.nativeHeight = nativeHeight
    }
}
