/// An 8-bit image for display, OCR and PNG output: grey (1 channel) or RGB (3), row-major.
public struct RenderedImage: Sendable, Hashable {
    public var width: Int
    public var height: Int
    public var channels: Int
    public var pixels: [UInt8]

    public init(width: Int, height: Int, channels: Int, pixels: [UInt8]) {
        precondition(pixels.count == width * height * channels, "rendered buffer size mismatch")
        self.width = width
        self.height = height
        self.channels = channels
        self.pixels = pixels
    }

    /// Luminance of a pixel (Rec. 601 weights for colour).
    @inline(__always)
    public func luminance(x: Int, y: Int) -> UInt8 {
        let i = (y * width + x) * channels
        if channels == 1 { return pixels[i] }
        let red: Int = 299 * Int(pixels[i])
        let green: Int = 587 * Int(pixels[i + 1])
        let blue: Int = 114 * Int(pixels[i + 2])
        return UInt8((red + green + blue) / 1000)
    }
}
