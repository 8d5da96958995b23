import Foundation

// TEMPORARY: stage timings (removed before hand-over).
extension TextRegionFinder {
    func profile(_ search: TextSearchImage) -> [String] {
        var out: [String] = []
        func time(_ label: String, _ body: () -> Void) {
            let start = Date()
            for _ in 0..<5 { body() }
            out.append("\(label): \(String(format: "%.2f", Date().timeIntervalSince(start) * 200)) ms")
        }
        let plane = search.planes[0]
        var top = plane
        time("white top-hat") { top = plane.whiteTopHat(radius: parameters.strokeRadius) }
        time("eroded") { _ = plane.eroded(radius: parameters.strokeRadius) }
        time("quantiles") { _ = top.quantile(0.5); _ = top.quantile(0.9) }
        for fraction in parameters.contrastLadder {
            let threshold = UInt16(max(1, Int(fraction * Double(search.contrastScale))))
            var components: [StrokeComponent] = []
            time("label @\(threshold)") { components = StrokeComponent.label(top, source: plane, threshold: threshold) }
            let glyphs = components.filter(isGlyphLike)
            time("lines @\(threshold) (\(components.count) comps, \(glyphs.count) glyphs)") {
                _ = LineAssembler(parameters: parameters).lines(from: glyphs, polarity: .lightOnDark, plane: 0)
            }
        }
        time("whole finder") { _ = regions(in: search) }
        return out
    }
}
