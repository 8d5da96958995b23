import PHIDetection

/// Which way a box's text is drawn, read from its pixels: what the region finder found under a painted box
/// may be of the other polarity (`RedactionPlanner.polarities`).
extension Plane {
    /// The polarity of the ink in a painted box when its pixels show it clearly: the background is the ring of
    /// pixels around the box (two wide), and the letters the pixels inside farther from it on one side, twice as
    /// far at one end (the 5th or 95th percentile) as at the other, on a smooth background (`isSmooth`). Nil when
    /// the box does not show it.
    func inkPolarity(in box: TextBox) -> TextRegion.Polarity? {
        guard let inside = box.clipped(width: width, height: height),
              let around = TextBox(x: box.x - 2, y: box.y - 2, width: box.width + 4, height: box.height + 4)
                .clipped(width: width, height: height) else { return nil }
        let own = TextBox(x: inside.x - around.x, y: inside.y - around.y, width: inside.width, height: inside.height)
        let background = Int(cropped(to: around).quantile(0.5, outside: [own]))
        let levels = cropped(to: inside).quantiles([0.05, 0.95]).map(Int.init)
        let bright = levels[1] - background, dark = background - levels[0]
        guard isSmooth(around: inside, contrast: max(bright, dark)) else { return nil }
        if bright >= 2 * max(dark, 0), bright > 0 { return .lightOnDark }
        if dark >= 2 * max(bright, 0), dark > 0 { return .darkOnLight }
        return nil
    }

    /// Whether the rows just above and below `box` are smooth: neighbouring pixels along them differ by less than a
    /// sixteenth of the ink's `contrast` on average (a flat band, a gradient; not speckle, where either polarity
    /// shows strokes).
    private func isSmooth(around box: TextBox, contrast: Int) -> Bool {
        var total = 0, count = 0
        for y in [box.y - 2, box.maxY + 1] where y >= 0 && y < height {
            for x in box.x..<min(width - 1, box.maxX) {
                total += abs(Int(self[x + 1, y]) - Int(self[x, y]))
                count += 1
            }
        }
        return count > 0 && 16 * total < contrast * count
    }
}
