import PHIDetection

/// Groups glyph-like stroke components into text lines: neighbours of similar height whose rows
/// overlap and whose horizontal gap is small; punctuation joins a line it sits inside.
struct LineAssembler {
    let parameters: TextRegionFinder.Parameters

    func lines(from glyphs: [StrokeComponent], polarity: TextRegion.Polarity, plane: Int) -> [TextRegion] {
        guard !glyphs.isEmpty else { return [] }
        let sorted = glyphs.sorted { $0.minX < $1.minX }
        var groups = UnionFind(count: sorted.count)
        let reach = Int(Double(parameters.maxGlyphHeight) * parameters.maxGapRatio) + 1
        for i in sorted.indices {
            var j = i + 1
            while j < sorted.count, sorted[j].minX <= sorted[i].maxX + reach {
                if areNeighbours(sorted[i], sorted[j]) { groups.union(i, j) }
                j += 1
            }
        }
        var members: [Int: [StrokeComponent]] = [:]
        for i in sorted.indices { members[groups.find(i), default: []].append(sorted[i]) }
        // groups in the order of their first glyph (a dictionary's order changes from run to run)
        return members.keys.sorted().compactMap { line(from: members[$0]!, polarity: polarity, plane: plane) }
            .sorted { ($0.box.y, $0.box.x) < ($1.box.y, $1.box.x) }
    }

    func isFullSize(_ c: StrokeComponent) -> Bool { c.height >= parameters.minGlyphHeight }

    func areNeighbours(_ a: StrokeComponent, _ b: StrokeComponent) -> Bool {
        let (left, right) = a.minX <= b.minX ? (a, b) : (b, a)
        let gap = right.minX - left.maxX - 1
        let tall = max(a.height, b.height), short = min(a.height, b.height)
        if isFullSize(a) && isFullSize(b) && short * 2 >= tall {
            let overlap = min(a.maxY, b.maxY) - max(a.minY, b.minY) + 1
            let aligned = abs(a.minY - b.minY) * 3 <= tall || abs(a.maxY - b.maxY) * 3 <= tall
            return overlap * 5 >= short * 3 && aligned && gap >= -short / 2
                && Double(gap) <= parameters.maxGapRatio * Double(tall) && haveSimilarLevels(a, b)
        }
        // punctuation or a small glyph beside a full-size one: it must sit within the big one's rows
        let big = a.height >= b.height ? a : b, small = a.height >= b.height ? b : a
        guard isFullSize(big) else { return false }
        let slack = big.height / 3
        return small.minY >= big.minY - slack && small.maxY <= big.maxY + slack
            && Double(gap) <= 0.8 * Double(big.height)
    }

    /// Letters of one line are drawn in one colour: their peak levels agree to within a fraction of
    /// their contrast (antialiased thin strokes peak a little lower, hence the slack).
    func haveSimilarLevels(_ a: StrokeComponent, _ b: StrokeComponent) -> Bool {
        Double(abs(a.level - b.level)) <= parameters.levelTolerance * Double(max(a.peakContrast, b.peakContrast))
    }

    func line(from members: [StrokeComponent], polarity: TextRegion.Polarity, plane: Int) -> TextRegion? {
        var members = members
        guard var full = Optional(members.filter(isFullSize)), !full.isEmpty else { return nil }
        // a chain that wandered off the line's rows (into anatomy) is cut back to the line's core rows
        var glyphHeight = median(full.map(\.height))
        if bounds(of: members).height > 2 * glyphHeight {
            let centre = median(full.map { $0.minY + $0.maxY })
            members = members.filter { abs($0.minY + $0.maxY - centre) <= glyphHeight }
        }
        // members that do not fit the line's height band or colour were attached by chance
        members = pruneOutliers(members)
        full = members.filter(isFullSize)
        guard !full.isEmpty else { return nil }
        glyphHeight = median(full.map(\.height))
        let isWideWord = full.count == 1 && full[0].width >= 2 * full[0].height
        guard full.count >= parameters.minGlyphsPerLine || isWideWord else { return nil }
        let contrast = median(full.map(\.peakContrast))
        var region = TextRegion(box: bounds(of: members), polarity: polarity, glyphHeight: glyphHeight, glyphs: members.map(\.box),
                                contrast: contrast, glyphLevel: median(full.map(\.level)), plane: plane)
        region.evidence = LineEvidence(glyphs: full, glyphHeight: glyphHeight, contrast: contrast)
        region.evidence.glyphWidthShare = Self.coveredShare(of: full.map { ($0.minX, $0.maxX) }, width: region.box.width)
        return region
    }

    /// Drops full-size members much taller or shorter than the line's median glyph, or drawn in a
    /// clearly different level; punctuation is kept when it lies within the remaining rows.
    func pruneOutliers(_ members: [StrokeComponent]) -> [StrokeComponent] {
        let full = members.filter(isFullSize)
        guard full.count >= 3 else { return members }
        let height = Double(median(full.map(\.height)))
        let level = median(full.map(\.level)), contrast = Double(median(full.map(\.peakContrast)))
        let kept = full.filter { c in
            let ratio = Double(c.height) / height
            return ratio >= 0.45 && ratio <= 1.6
                && Double(abs(c.level - level)) <= parameters.levelTolerance * max(contrast, Double(c.peakContrast))
        }
        guard !kept.isEmpty else { return members }
        let rows = bounds(of: kept)
        let slack = rows.height / 3
        let small = members.filter { !isFullSize($0) && $0.minY >= rows.y - slack && $0.maxY <= rows.maxY + slack }
        return kept + small
    }

    /// The fraction of `width` columns covered by the union of the column spans.
    static func coveredShare(of spans: [(Int, Int)], width: Int) -> Double {
        var covered = 0, reach = Int.min
        for (low, high) in spans.sorted(by: { $0.0 < $1.0 }) {
            let start = max(low, reach + 1)
            if high >= start { covered += high - start + 1 }
            reach = max(reach, high)
        }
        return Double(covered) / Double(max(width, 1))
    }

    private func bounds(of members: [StrokeComponent]) -> TextBox {
        members.dropFirst().reduce(members[0].box) { $0.union($1.box) }
    }

    private func median(_ values: [Int]) -> Int { values.sorted()[values.count / 2] }

    /// Lines found in several planes, polarities or thresholds that cover the same place become one
    /// region (the union of their boxes and glyphs); it keeps the plane and polarity of the member
    /// with the strongest contrast, which is the view OCR gets, and the weakest contrast found in
    /// that plane: a label on black is found strongly on its own, the whole line with its value
    /// over grey anatomy only at a lower threshold, and the patch is windowed so that the value
    /// comes out black too.
    static func merge(_ lines: [TextRegion]) -> [TextRegion] {
        guard !lines.isEmpty else { return [] }
        var groups = UnionFind(count: lines.count)
        for i in lines.indices {
            for j in (i + 1)..<lines.count where lines[i].polarity == lines[j].polarity && areSameLine(lines[i], lines[j]) {
                groups.union(i, j)
            }
        }
        var members: [Int: [TextRegion]] = [:]
        for i in lines.indices { members[groups.find(i), default: []].append(lines[i]) }
        let merged = members.keys.sorted().map { members[$0]! }.map { group in
            let best = group.max { $0.contrast < $1.contrast }!
            var merged = best
            merged.box = group.dropFirst().reduce(group[0].box) { $0.union($1.box) }
            merged.glyphs = Array(Set(group.flatMap(\.glyphs))).sorted { ($0.x, $0.y, $0.width, $0.height) < ($1.x, $1.y, $1.width, $1.height) }
            merged.contrast = group.filter { $0.plane == best.plane }.map(\.contrast).min()!
            return merged
        }
        return pairedByPolarity(withoutSpanningFinds(merged)).sorted { ($0.box.y, $0.box.x) < ($1.box.y, $1.box.x) }
    }

    /// A line found in both polarities: the text itself in one, the gaps between its letters (or a
    /// structure under it) in the other. Which is the text only OCR can tell: the find with the
    /// higher contrast is read first and the other kept as its `alternative`, read when the first
    /// reads poorly.
    static func pairedByPolarity(_ regions: [TextRegion]) -> [TextRegion] {
        let ordered = regions.sorted { ($0.contrast, $0.box.area) > ($1.contrast, $1.box.area) }
        var result: [TextRegion] = []
        var taken = Set<Int>()
        for (i, region) in ordered.enumerated() where !taken.contains(i) {
            var primary = region
            for (j, other) in ordered.enumerated() where j > i && !taken.contains(j) && other.polarity != region.polarity {
                guard areSameLine(region, other) else { continue }
                taken.insert(j)
                primary.alternatives.append(other)
            }
            // each reading covers the whole line, whichever find saw more of it
            let whole = primary.alternatives.reduce(primary.box) { $0.union($1.box) }
            primary.box = whole
            primary.alternatives = primary.alternatives.map { var alternative = $0; alternative.box = whole; return alternative }
            result.append(primary)
        }
        return result
    }

    /// Drops a find that is mostly made of smaller lines found on their own: a loose find (often of
    /// the background between letters, in the other polarity) spanning two stacked lines, which
    /// would read as garbage and, painted, cover both.
    ///
    /// A find whose own glyphs are as regular as a printed line's stands however much of it smaller finds
    /// cover, unless smaller finds lie one above the other in it: those are then pieces of its
    /// letters (their lower halves, where speckle touching their tops took the tops at one threshold) and
    /// the gaps between them.
    static func withoutSpanningFinds(_ regions: [TextRegion]) -> [TextRegion] {
        let byHeight = regions.sorted { ($0.glyphHeight, $0.box.area) < ($1.glyphHeight, $1.box.area) }
        var kept: [TextRegion] = []
        for region in byHeight {
            // only finds less tall than this one can be lines it spans (a find of the gaps between
            // letters, in the other polarity, has smaller glyphs but the full height of the line)
            let smaller = kept.filter { 3 * $0.glyphHeight <= 2 * region.glyphHeight && 3 * $0.box.height <= 2 * region.box.height }
            let covered = smaller.reduce(0) { $0 + ($1.box.intersection(region.box)?.area ?? 0) }
            if 5 * covered < 3 * region.box.area || isRegularLine(region) && !spansStackedLines(region, smaller) {
                kept.append(region)
            }
        }
        return kept
    }

    /// Whether smaller finds lie wholly in the region's upper half and wholly in its lower half: two
    /// lines one above the other, which a loose find may span however regular it looks (the gaps between
    /// their letters joined in columns). Pieces of one line's letters and the gaps between them overlap
    /// the middle.
    static func spansStackedLines(_ region: TextRegion, _ smaller: [TextRegion]) -> Bool {
        let middle = 2 * region.box.y + region.box.height
        let inside = smaller.filter { $0.box.intersects(region.box) }
        return inside.contains { 2 * $0.box.maxY <= middle } && inside.contains { 2 * $0.box.y >= middle }
    }

    /// Several glyphs of one height and one level, lined up, with flat strokes: the shape of printed text.
    static func isRegularLine(_ region: TextRegion) -> Bool {
        let e = region.evidence
        return e.glyphCount >= 4 && e.heightSpread <= 0.1 && e.levelSpread <= 0.05 && e.alignment >= 0.95 && e.plateau >= 0.6
    }

    /// Two finds of one line: glyph heights within a factor 1.5, rows overlapping by most of the
    /// lower box, boxes overlapping by half of the smaller one. (A line found twice at different
    /// thresholds; not two stacked lines that one loose find happened to span.)
    static func areSameLine(_ a: TextRegion, _ b: TextRegion) -> Bool {
        let tall = max(a.glyphHeight, b.glyphHeight), short = min(a.glyphHeight, b.glyphHeight)
        guard 2 * tall <= 3 * short else { return false }
        let rows = min(a.box.maxY, b.box.maxY) - max(a.box.y, b.box.y)
        guard 5 * rows >= 3 * min(a.box.height, b.box.height) else { return false }
        return overlapSubstantially(a.box, b.box)
    }

    /// Overlap of at least half of the smaller box.
    static func overlapSubstantially(_ a: TextBox, _ b: TextBox) -> Bool {
        guard let common = a.intersection(b) else { return false }
        return common.area * 2 >= min(a.area, b.area)
    }
}
