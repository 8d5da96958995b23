import DicomCore

extension RenderedImage {
    /// A copy at most `maxWidth` × `maxHeight`, keeping the aspect ratio, by a box filter (the mean of
    /// the source pixels under each output pixel). Images already small enough are returned as they are.
    public func thumbnail(maxWidth: Int = 320, maxHeight: Int = 400) -> RenderedImage {
        guard width > 0, height > 0 else { return self }
        let scale = min(1, Double(maxWidth) / Double(width), Double(maxHeight) / Double(height))
        guard scale < 1 else { return self }
        let newWidth = max(1, Int((Double(width) * scale).rounded()))
        let newHeight = max(1, Int((Double(height) * scale).rounded()))
        var out = [UInt8](repeating: 0, count: newWidth * newHeight * channels)
        for oy in 0..<newHeight {
            let y0 = oy * height / newHeight
            let y1 = max(y0 + 1, (oy + 1) * height / newHeight)
            for ox in 0..<newWidth {
                let x0 = ox * width / newWidth
                let x1 = max(x0 + 1, (ox + 1) * width / newWidth)
                let count = (y1 - y0) * (x1 - x0)
                for c in 0..<channels {
                    var sum = 0
                    for y in y0..<y1 {
                        var i = (y * width + x0) * channels + c
                        for _ in x0..<x1 {
                            sum += Int(pixels[i])
                            i += channels
                        }
                    }
                    out[(oy * newWidth + ox) * channels + c] = UInt8((sum + count / 2) / count)
                }
            }
        }
        return RenderedImage(width: newWidth, height: newHeight, channels: channels, pixels: out)
    }
}
