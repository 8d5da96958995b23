import PHIDetection

extension TextRegionFinder {
    /// A line found in the quiet part (`QuietPart`) ends where a busy tile was masked out, though its
    /// text may run on into that tile: a name just below an ultrasound sector whose speckle fills the
    /// top rows of the tiles the name runs into, or touches some of its letters.
    ///
    /// The line is followed along its rows in the unmasked response (`strength`, labelled at
    /// `threshold` where `source` is at the line's level): a glyph within a gap of either end that lies
    /// within the line's rows and is drawn like its letters (as flat) extends it, and so on. A component
    /// that runs on above or below the rows (labelled in a band a glyph height taller each way to see
    /// that) is the busy part, perhaps with letters it touches: the line is carried across it only when
    /// a glyph of the line follows within a gap of its far side.
    func grownAlongItsRow(_ line: TextRegion, strength: SamplePlane, source: SamplePlane, threshold: UInt16) -> TextRegion {
        let height = line.glyphHeight
        guard let band = TextBox(x: 0, y: line.box.y - height, width: strength.width, height: line.box.height + 2 * height)
            .clipped(width: strength.width, height: strength.height) else { return line }
        let colour = source.cropped(to: band)
        let pieces = StrokeComponent.label(drawnAt(line, strength.cropped(to: band), source: colour), source: colour, threshold: threshold)
            .map { $0.offsetBy(dx: band.x, dy: band.y) }
            .compactMap { piece(of: line, $0) }
        let reach = Int(parameters.maxGapRatio * Double(height))
        let right = Self.farthestGlyph(from: line.box.maxX, reach: reach,
                                       pieces.map { (near: $0.box.x, far: $0.box.maxX, isGlyph: $0.isGlyph) })
        let left = Self.farthestGlyph(from: -line.box.x, reach: reach,
                                      pieces.map { (near: -$0.box.maxX, far: -$0.box.x, isGlyph: $0.isGlyph) })
        let span = (x0: -left, x1: right)
        guard span.x0 < line.box.x || span.x1 > line.box.maxX else { return line }
        var grown = line
        let added = pieces.filter { $0.isGlyph && ($0.box.x < line.box.x || $0.box.maxX > line.box.maxX)
            && $0.box.x >= span.x0 && $0.box.maxX <= span.x1 }.map(\.box)
        grown.box = added.reduce(TextBox(x: span.x0, y: line.box.y, width: span.x1 - span.x0, height: line.box.height)) { $0.union($1) }
        grown.glyphs += added
        return grown
    }

    /// A labelled component seen from the line: a glyph of it (full height within its rows, drawn as
    /// flat as its letters), a busy part crossing its rows, or nothing to do with it (nil).
    private func piece(of line: TextRegion, _ component: StrokeComponent) -> (box: TextBox, isGlyph: Bool)? {
        let slack = max(1, line.glyphHeight / 4)
        let withinRows = component.minY >= line.box.y - slack && component.maxY < line.box.maxY + slack
        if withinRows {
            let isGlyph = isGlyphLike(component) && 2 * component.height >= line.glyphHeight
                && 2 * component.plateau >= line.evidence.plateau
            return isGlyph ? (component.box, true) : nil
        }
        let crossesRows = 2 * (min(component.maxY + 1, line.box.maxY) - max(component.minY, line.box.y)) >= line.glyphHeight
        return crossesRows ? (component.box, false) : nil
    }

    /// How far a line ending at `end` runs on in one direction (positions increase away from the line):
    /// to the far side of the last glyph reached by steps of at most `reach` across gaps, glyphs and
    /// busy pieces, where a run of busy pieces only counts when a glyph follows it.
    static func farthestGlyph(from end: Int, reach: Int, _ pieces: [(near: Int, far: Int, isGlyph: Bool)]) -> Int {
        var committed = end, frontier = end
        for piece in pieces.sorted(by: { $0.near < $1.near }) where piece.far > committed {
            guard piece.near - frontier <= reach else { break }
            frontier = max(frontier, piece.far)
            if piece.isGlyph { committed = frontier }
        }
        return committed
    }

    /// `strength` where `source` is at the line's level (give or take `levelTolerance` of its contrast),
    /// zero elsewhere: the line's letters stand apart from a brighter or darker busy part they touch.
    private func drawnAt(_ line: TextRegion, _ strength: SamplePlane, source: SamplePlane) -> SamplePlane {
        let tolerance = Int(parameters.levelTolerance * Double(line.contrast))
        var kept = strength
        for index in kept.pixels.indices where abs(Int(source.pixels[index]) - line.glyphLevel) > tolerance {
            kept.pixels[index] = 0
        }
        return kept
    }
}

extension StrokeComponent {
    /// The same component moved by (dx, dy): from a crop's coordinates to the frame's.
    func offsetBy(dx: Int, dy: Int) -> StrokeComponent {
        var moved = self
        moved.minX += dx
        moved.maxX += dx
        moved.minY += dy
        moved.maxY += dy
        return moved
    }
}
