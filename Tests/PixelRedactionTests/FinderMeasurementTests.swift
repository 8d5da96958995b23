import DicomCore
import Foundation
import PHIDetection
@testable import PixelRedaction
import Testing

/// Measurements of the text-region finder on the development set (run with PIXEL_MEASURE=1;
/// PIXEL_DUMP=DIR also writes each render with truth boxes in green and found lines in red).
@Suite(.enabled(if: ProcessInfo.processInfo.environment["PIXEL_MEASURE"] != nil && SharedData.hasDevPixels))
struct FinderMeasurementTests {
    @Test func finderRecallAndAreaOnTheDevelopmentSet() throws {
        let dump = ProcessInfo.processInfo.environment["PIXEL_DUMP"]
        let finder = TextRegionFinder()
        var found = 0, total = 0, phiFound = 0, phiTotal = 0
        var area = 0.0, frameArea = 0.0, seconds = 0.0, frames = 0
        for image in try DevSetImage.all(in: SharedData.devPixels) {
            let instance = try Instance(contentsOf: image.inputPath)
            let pixels = try instance.decodePixels()
            let renderer = FrameRenderer(dataset: instance.dataset)
            for frame in 0..<pixels.frameCount {
                let render = renderer.render(pixels, frame: frame)
                let start = Date()
                let regions = finder.regions(in: pixels, frame: frame, renderer: renderer)
                seconds += Date().timeIntervalSince(start)
                frames += 1
                if let only = ProcessInfo.processInfo.environment["PIXEL_ONLY"], only == "\(image.relativePath):\(frame)" {
                    for r in finder.candidateLines(in: pixels, frame: frame, renderer: renderer) {
                        print("CAND \(r.box) \(r.polarity) h=\(r.glyphHeight) n=\(r.evidence.glyphCount) ok=\(finder.looksLikeText(r)) \(r.evidence)")
                    }
                    for r in regions { print("REGION \(r.box) \(r.polarity) h=\(r.glyphHeight)") }
                }
                frameArea += Double(render.width * render.height)
                area += Double(regions.reduce(0) { $0 + $1.box.insetBy(dx: $1.glyphHeight / 2, dy: $1.glyphHeight / 2).area })
                for item in image.truth.items where item.frames.contains(frame) {
                    let box = item.phi ? item.valueBox : item.textBox
                    let covered = coveredFraction(box, by: regions.map { $0.box.insetBy(dx: $0.glyphHeight / 2, dy: $0.glyphHeight / 2) })
                    total += 1
                    if item.phi { phiTotal += 1 }
                    if covered >= 0.9 {
                        found += 1
                        if item.phi { phiFound += 1 }
                    } else {
                        print("MISS \(image.relativePath) f\(frame) \(item.phi ? "PHI" : "   ") \(item.text) box=\(item.box) covered=\(String(format: "%.2f", covered)) cap=\(item.cap_height ?? 0)")
                        if ProcessInfo.processInfo.environment["PIXEL_DEBUG"] != nil { debugComponents(pixels, frame: frame, renderer: renderer, box: box, finder: finder) }
                    }
                }
                if ProcessInfo.processInfo.environment["PIXEL_FEATURES"] != nil {
                    let search = pixels.description.photometric.isMonochrome ? TextSearchImage(monochrome: pixels, frame: frame)
                        : TextSearchImage(rendered: renderer.render(pixels, frame: frame))
                    for region in finder.candidateLines(in: pixels, frame: frame, renderer: renderer) {
                        let e = region.evidence
                        let plane = search.planes[region.plane]
                        let beyond = plane.pixels.filter { region.polarity == .lightOnDark ? Int($0) > region.glyphLevel : Int($0) < region.glyphLevel }.count
                        let values: [String: Double] = [
                            "C": Double(region.contrast) / Double(search.contrastScale), "lev": Double(beyond) / Double(plane.pixels.count),
                            "n": Double(e.glyphCount), "h": Double(region.glyphHeight), "hs": e.heightSpread, "sw": e.strokeRatio,
                            "ls": e.levelSpread, "al": e.alignment, "bg": e.backgroundNoise, "cd": e.crossingDensity, "pl": e.plateau, "tr": e.textureRatio,
                            "wh": Double(region.box.width) / Double(region.glyphHeight), "Hh": Double(region.box.height) / Double(region.glyphHeight),
                            "light": region.polarity == .lightOnDark ? 1 : 0, "plane": Double(region.plane), "frame": Double(frame),
                            "x": Double(region.box.x), "y": Double(region.box.y), "w": Double(region.box.width), "bh": Double(region.box.height),
                            "truth": image.truth.items.contains { $0.frames.contains(frame) && $0.textBox.intersects(region.box) } ? 1 : 0,
                            "ok": finder.looksLikeText(region) ? 1 : 0, "gw": e.glyphWidthShare,
                        ]
                        print("LINE \(image.relativePath) " + values.map { "\($0.key)=\($0.value)" }.joined(separator: " "))
                    }
                }
                if let dump {
                    let name = image.relativePath.replacingOccurrences(of: "/", with: "_") + "_f\(frame).png"
                    try RasterImage.writePNG(annotated(render, truth: image.truth.items.filter { $0.frames.contains(frame) }.map(\.textBox),
                                                       found: regions.map(\.box)), to: "\(dump)/\(name)", dpi: 0)
                }
            }
        }
        print("finder: items \(found)/\(total), PHI \(phiFound)/\(phiTotal), area passed to OCR \(String(format: "%.4f", area / frameArea)), \(frames) frames in \(String(format: "%.3f", seconds)) s")
    }

    func debugComponents(_ pixels: PixelFrames, frame: Int, renderer: FrameRenderer, box: TextBox, finder: TextRegionFinder) {
        let image = pixels.description.photometric.isMonochrome
            ? TextSearchImage(monochrome: pixels, frame: frame, windowWidth: renderer.window.map { $0.width / abs(renderer.rescaleSlope) })
            : TextSearchImage(rendered: renderer.render(pixels, frame: frame))
        print("   scale \(image.contrastScale)")
        for plane in image.planes {
            for polarity in ["light", "dark"] {
                let strength = polarity == "light" ? plane.whiteTopHat(radius: finder.parameters.strokeRadius) : plane.blackTopHat(radius: finder.parameters.strokeRadius)
                for fraction in finder.parameters.contrastLadder {
                    let noise = Double(strength.quantile(finder.parameters.noiseQuantile))
                    let threshold = max(1, Int(max(fraction * Double(image.contrastScale), finder.parameters.noiseFactor * noise).rounded()))
                    let components = StrokeComponent.label(strength, source: plane, threshold: UInt16(clamping: threshold))
                        .filter { $0.box.intersects(box) }
                    if components.isEmpty { continue }
                    print("   \(polarity)@\(threshold): " + components.sorted { $0.minX < $1.minX }.map { "[\($0.minX),\($0.minY) \($0.width)x\($0.height) a\($0.area) L\($0.level) C\($0.peakContrast)\(finder.isGlyphLike($0) ? "" : " X")]" }.joined(separator: " "))
                }
            }
        }
    }

    /// UNUSED Fraction of the frame's plane values beyond the line's glyph level (0 = most extreme).
    func levelRank(_ region: TextRegion, _ pixels: PixelFrames, _ frame: Int, _ renderer: FrameRenderer) -> Double {
        let image = pixels.description.photometric.isMonochrome ? TextSearchImage(monochrome: pixels, frame: frame)
            : TextSearchImage(rendered: renderer.render(pixels, frame: frame))
        let plane = image.planes[region.plane]
        let beyond = plane.pixels.filter { region.polarity == .lightOnDark ? Int($0) > region.glyphLevel : Int($0) < region.glyphLevel }.count
        return Double(beyond) / Double(plane.pixels.count)
    }

    func f(_ v: Double) -> String { String(format: "%.2f", v) }

    func coveredFraction(_ box: TextBox, by regions: [TextBox]) -> Double {
        var inside = 0
        for y in box.y..<box.maxY {
            for x in box.x..<box.maxX where regions.contains(where: { x >= $0.x && x < $0.maxX && y >= $0.y && y < $0.maxY }) {
                inside += 1
            }
        }
        return Double(inside) / Double(max(box.area, 1))
    }

    func annotated(_ image: RenderedImage, truth: [TextBox], found: [TextBox]) -> RenderedImage {
        var rgb = [UInt8](repeating: 0, count: image.width * image.height * 3)
        for i in 0..<(image.width * image.height) {
            for c in 0..<3 { rgb[3 * i + c] = image.channels == 3 ? image.pixels[3 * i + c] : image.pixels[i] }
        }
        func outline(_ box: TextBox, _ color: (UInt8, UInt8, UInt8)) {
            for y in box.y...(box.maxY) where y >= 0 && y < image.height {
                for x in box.x...(box.maxX) where x >= 0 && x < image.width {
                    guard y == box.y || y == box.maxY || x == box.x || x == box.maxX else { continue }
                    let i = (y * image.width + x) * 3
                    (rgb[i], rgb[i + 1], rgb[i + 2]) = color
                }
            }
        }
        truth.forEach { outline($0.insetBy(dx: 1, dy: 1), (0, 255, 0)) }
        found.forEach { outline($0, (255, 0, 0)) }
        return RenderedImage(width: image.width, height: image.height, channels: 3, pixels: rgb)
    }

    @Test func finderOnNamedFiles() throws {
        guard let list = ProcessInfo.processInfo.environment["PIXEL_FILES"] else { return }
        let dump = ProcessInfo.processInfo.environment["PIXEL_DUMP"]
        let finder = TextRegionFinder()
        for path in list.split(separator: ",").map(String.init) {
            let instance = try Instance(contentsOf: path)
            let pixels = try instance.decodePixels()
            let renderer = FrameRenderer(dataset: instance.dataset)
            let start = Date()
            var regions: [[TextRegion]] = []
            for frame in 0..<min(pixels.frameCount, 4) { regions.append(finder.regions(in: pixels, frame: frame, renderer: renderer)) }
            let elapsed = Date().timeIntervalSince(start)
            print("FILE \(path) \(pixels.description.columns)x\(pixels.description.rows) frames=\(pixels.frameCount) regions=\(regions.map(\.count)) \(String(format: "%.1f", elapsed * 1000 / Double(regions.count))) ms/frame")
            if ProcessInfo.processInfo.environment["PIXEL_DEBUG"] != nil, pixels.description.photometric.isMonochrome {
                let search = TextSearchImage(monochrome: pixels, frame: 0)
                let th = search.planes[0].whiteTopHat(radius: 4)
                print("   scale \(search.contrastScale) tophat q50 \(th.quantile(0.5)) q75 \(th.quantile(0.75)) q90 \(th.quantile(0.9)) q99 \(th.quantile(0.99)) q999 \(th.quantile(0.999))")
            }
            for r in regions[0] { print("   \(r.box) h=\(r.glyphHeight) n=\(r.evidence.glyphCount) \(r.polarity) \(r.evidence)") }
            if ProcessInfo.processInfo.environment["PIXEL_FEATURES"] != nil {
                for r in finder.candidateLines(in: pixels, frame: 0, renderer: renderer) {
                    let e = r.evidence
                    print("FREE ok=\(finder.looksLikeText(r)) y=\(r.box.y) gw=\(e.glyphWidthShare) n=\(e.glyphCount) h=\(r.glyphHeight) hs=\(e.heightSpread) sw=\(e.strokeRatio) ls=\(e.levelSpread) al=\(e.alignment) bg=\(e.backgroundNoise) cd=\(e.crossingDensity) pl=\(e.plateau) tr=\(e.textureRatio) Hh=\(Double(r.box.height) / Double(r.glyphHeight)) wh=\(Double(r.box.width) / Double(r.glyphHeight))")
                }
            }
            if let dump {
                let name = (path as NSString).lastPathComponent + ".png"
                try RasterImage.writePNG(annotated(renderer.render(pixels, frame: 0), truth: [], found: regions[0].map(\.box)), to: "\(dump)/\(name)", dpi: 0)
            }
        }
    }

}
