import PHIDetection

/// Groups glyph-like stroke components into text lines: neighbours of similar height whose rows
/// overlap and whose horizontal gap is small; punctuation joins a line it sits inside.
struct LineAssembler {
    let parameters: TextRegionFinder.Parameters

    func lines(from glyphs: [StrokeComponent], polarity: TextRegion.Polarity) -> [TextRegion] {
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
        return members.values.compactMap { line(from: $0, polarity: polarity) }
            .sorted { ($0.box.y, $0.box.x) < ($1.box.y, $1.box.x) }
    }

    func isFullSize(_ c: StrokeComponent) -> Bool { c.height >= parameters.minGlyphHeight }

    func areNeighbours(_ a: StrokeComponent, _ b: StrokeComponent) -> Bool {
        let (left, right) = a.minX <= b.minX ? (a, b) : (b, a)
        let gap = right.minX - left.maxX - 1
        let overlap = min(a.maxY, b.maxY) - max(a.minY, b.minY) + 1
        let tall = max(a.height, b.height), short = min(a.height, b.height)
        if isFullSize(a) && isFullSize(b) && short * 2 >= tall {
            return overlap * 2 >= short && Double(gap) <= parameters.maxGapRatio * Double(tall)
                && gap >= -short / 2
        }
        // punctuation or a small glyph beside a full-size one: it must sit within the big one's rows
        let big = a.height >= b.height ? a : b, small = a.height >= b.height ? b : a
        guard isFullSize(big) else { return false }
        let slack = big.height / 3
        return small.minY >= big.minY - slack && small.maxY <= big.maxY + slack
            && Double(gap) <= 0.8 * Double(big.height)
    }

    func line(from members: [StrokeComponent], polarity: TextRegion.Polarity) -> TextRegion? {
        let full = members.filter(isFullSize)
        guard let first = full.first else { return nil }
        let heights = full.map(\.height).sorted()
        let glyphHeight = heights[heights.count / 2]
        let isWideWord = full.count == 1 && first.width >= 2 * first.height
        guard full.count >= parameters.minGlyphsPerLine || isWideWord else { return nil }
        let box = members.dropFirst().reduce(members[0].box) { $0.union($1.box) }
        return TextRegion(box: box, polarity: polarity, glyphHeight: glyphHeight, glyphs: members.map(\.box))
    }

    /// Where a light-on-dark line and a dark-on-light line cover the same place (the gaps between
    /// bright letters look like dark strokes), keep the one with more ink evidence.
    static func resolveOverlaps(_ regions: [TextRegion]) -> [TextRegion] {
        var kept: [TextRegion] = []
        for region in regions.sorted(by: { $0.glyphs.count > $1.glyphs.count }) {
            let clash = kept.contains { other in
                guard other.polarity != region.polarity, let common = other.box.intersection(region.box) else { return false }
                return common.area * 2 >= min(other.box.area, region.box.area)
            }
            if !clash { kept.append(region) }
        }
        return kept.sorted { ($0.box.y, $0.box.x) < ($1.box.y, $1.box.x) }
    }
}

/// Disjoint sets with path halving.
struct UnionFind {
    private var parent: [Int]
    init(count: Int) { parent = Array(0..<count) }
    mutating func find(_ i: Int) -> Int {
        var i = i
        while parent[i] != i {
            parent[i] = parent[parent[i]]
            i = parent[i]
        }
        return i
    }
    mutating func union(_ a: Int, _ b: Int) {
        let ra = find(a), rb = find(b)
        if ra != rb { parent[max(ra, rb)] = min(ra, rb) }
    }
}
