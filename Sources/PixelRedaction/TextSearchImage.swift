import DicomCore
import PHIDetection

/// What the text finder looks at for one frame: one or more planes, each searched for text lighter
/// and darker than its surroundings, and the contrast scale its thresholds are relative to.
///
/// Monochrome frames are searched in their native samples (display-ordered, unwindowed), not in an
/// 8-bit render: a render clips, and text drawn at the image's own maximum disappears under a
/// window stretched by text drawn at the stored maximum (or the other way round). Colour frames
/// are searched in each of R, G and B of their render: text differs from its background in at
/// least one channel by at least as much as in luminance (yellow on a red Doppler jet is faint in
/// luminance but strong in green); a frame whose channels are all equal is searched once. A grainy
/// monochrome frame is searched in its level runs too (`Plane.levelRuns`).
struct TextSearchImage {
    var width: Int
    var height: Int
    var planes: [SamplePlane]
    /// The spread of the frame's ordinary content, in plane units: contrast thresholds are fractions of it.
    var contrastScale: Int
    /// The level-run planes (`Plane.levelRuns`), each with the plane of samples it was made from: searched for
    /// dark text only (light gaps between its letters are no text), read in its samples.
    var levelRunSources: [Int: Int] = [:]

    /// A monochrome frame from its native samples; `windowWidth` (stored units, optional) bounds the
    /// scale so text meant to be read under a narrow stored window is judged against that window.
    init(monochrome frames: PixelFrames, frame: Int, windowWidth: Double? = nil) {
        let plane = SamplePlane(monochrome: frames, frame: frame)
        width = plane.width
        height = plane.height
        planes = [plane]
        let levels = plane.quantiles([0.05, 0.95, 0, 1])
        contrastScale = Self.scale(levels: levels.map(Int.init), windowWidth: windowWidth)
        // text drawn at one value into a grainy frame, too faint against the grain to be found in the samples
        if let runs = plane.levelRuns(background: UInt16(clamping: contrastScale), ordinary: levels[0]...levels[1]) {
            levelRunSources = [planes.count: 0]
            planes.append(runs)
        }
    }

    /// What the finder looks at for one frame: monochrome frames in their native samples (judged
    /// against the stored window when there is one), colour frames in their render.
    init(_ frames: PixelFrames, frame: Int, renderer: FrameRenderer) {
        if frames.description.photometric.isMonochrome {
            self.init(monochrome: frames, frame: frame, windowWidth: renderer.storedWindowWidth)
        } else {
            self.init(rendered: renderer.render(frames, frame: frame))
        }
    }

    /// A colour (or 8-bit grey) render.
    init(rendered image: RenderedImage) {
        width = image.width
        height = image.height
        contrastScale = 255
        guard image.channels == 3, !Self.isGrey(image) else {
            planes = [SamplePlane(GreyPlane(image, channel: .luminance))]
            return
        }
        planes = (0..<3).map { channel in
            SamplePlane(width: image.width, height: image.height,
                        pixels: stride(from: channel, to: image.pixels.count, by: 3).map { UInt16(image.pixels[$0]) })
        }
    }

    /// The part of the image inside `box` (clipped), judged on the same contrast scale.
    func cropped(to box: TextBox) -> TextSearchImage {
        var part = self
        part.planes = planes.map { $0.cropped(to: box) }
        part.width = part.planes.first?.width ?? 0
        part.height = part.planes.first?.height ?? 0
        return part
    }

    static func isGrey(_ image: RenderedImage) -> Bool {
        image.pixels.withUnsafeBufferPointer { p in
            var i = 0
            while i < p.count {
                if p[i] != p[i + 1] || p[i] != p[i + 2] { return false }
                i += 3
            }
            return true
        }
    }

    /// Spread of the central 90% of values, kept within sensible bounds: at least 1/16 of the full
    /// value range (a nearly uniform frame must not make noise look like contrast), at most the
    /// stored window when there is one. `levels`: the plane's 5th and 95th percentiles, minimum and maximum.
    static func scale(levels: [Int], windowWidth: Double?) -> Int {
        let low = levels[0], high = levels[1]
        let full = levels[3] - levels[2]
        var spread = max(high - low, full / 16, 1)
        if let windowWidth, windowWidth >= 1 { spread = min(spread, Int(windowWidth.rounded())) }
        return max(spread, 1)
    }
}
