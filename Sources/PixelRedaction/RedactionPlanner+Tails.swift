import PHIDetection

/// Values OCR cut short: where their background changes (`ValueTail`, at either end), and header values read
/// only in part.
extension RedactionPlanner {
    /// Findings whose painted boxes may be followed by a tail OCR cut short: PHI values of a type, not
    /// whole regions, device rules or boxes carried over from other frames.
    static func mayHaveTail(_ finding: PixelFinding) -> Bool {
        guard mayHaveHead(finding) else { return false }
        return finding.type != .age
    }

    /// Findings whose painted boxes may have a start OCR cut off before them: as `mayHaveTail`, ages too
    /// ("3 yrs" for 73 yrs; after an age comes other text, a sex letter, a unit).
    static func mayHaveHead(_ finding: PixelFinding) -> Bool {
        guard finding.decision == .redacted, finding.type != nil else { return false }
        return !["unread-text", "text-region", "device-rule", "other-frame"].contains(finding.recognizer)
    }

    /// Extends the painted boxes of PHI values over the heads and tails `ValueTail` sees in `image`, short
    /// of any word read well that is not painted (a head before the value's first box, a tail after each
    /// box; an AM/PM after the last box of a value ending in a 12-hour time, an initial, title or day a word
    /// space before a value that may have one, the header's middle initial after a name the header matched).
    func extendTails(_ entries: inout [Entry], text: FrameText, image: TextSearchImage, radius: Int) {
        let painted = entries.flatMap(\.paint)
        let readWell = text.words.filter { Self.isReadWell($0) && !Self.isHalfCovered($0.box, byOneOf: painted) }
        for index in entries.indices where Self.mayHaveHead(entries[index].finding) {
            var added: [TextBox] = []
            let hasTail = Self.mayHaveTail(entries[index].finding)
            for box in entries[index].paint {
                // a head is looked for before the value's first box only: a box that is not it, of a value without
                // a tail, has nothing to look for (and its ink's polarity need not be measured)
                let isFirst = box.x == entries[index].paint.map(\.x).min()
                guard isFirst || hasTail, let region = region(under: box, in: text),
                      region.plane < image.planes.count else { continue }
                // the box's height is the value's capitals' (the region's median glyph may be a small letter)
                let height = box.height <= 2 * region.glyphHeight ? max(box.height, region.glyphHeight) : region.glyphHeight
                let plane = image.planes[region.plane]
                let isLast = box.maxX == entries[index].paint.map(\.maxX).max()
                let tails = Self.polarities(in: box, region: region, plane: plane).map { polarity in
                    var tail = ValueTail(plane: plane, polarity: polarity, glyphHeight: height, radius: radius)
                    tail.kind = entries[index].mayHaveMeridiem && isLast ? .spacedWord : .letters
                    return tail
                }
                let mayHaveWordBefore = entries[index].mayHaveWordBefore
                if isFirst,
                   let extra = tails.lazy.compactMap({ tail in
                       tail.head(before: box) ?? (mayHaveWordBefore ? self.spacedHead(before: box, tail) : nil)
                   }).first,
                   let start = start(extra.x, before: box, after: readWell.filter { $0.box.intersects(extra) }) {
                    added.append(TextBox(x: start, y: extra.y, width: box.x - start, height: extra.height))
                }
                guard hasTail else { continue }
                var reached = box
                if let extra = tails.lazy.compactMap({ $0.tail(after: box) }).first,
                   let end = end(extra.maxX, after: box, before: readWell.filter { $0.box.intersects(extra) }) {
                    added.append(TextBox(x: extra.x, y: extra.y, width: end - extra.x, height: extra.height))
                    reached = box.union(added[added.count - 1])
                }
                // the header name's middle initial OCR did not read, a word space after the name and its tail
                guard entries[index].mayHaveInitialAfter, isLast,
                      let extra = tails.lazy.compactMap({ self.spacedTail(after: reached, $0) }).first,
                      let end = end(extra.maxX, after: reached, before: readWell.filter { $0.box.intersects(extra) }) else { continue }
                added.append(TextBox(x: extra.x, y: extra.y, width: end - extra.x, height: extra.height))
            }
            entries[index].paint += added
        }
    }

    /// Grows the painted boxes of PHI values (as `mayHaveHead`) down over their letters' descenders and up over
    /// the tops of letters taller than the box (`ValueFoot`), in the polarities `polarities` gives, short of any
    /// word read below or above them; not boxes two rows tall, nor boxes narrower than tall (a head or tail
    /// added over a letter's edge: in so few columns the next line's letters look like tops or descenders).
    func extendFeet(_ entries: inout [Entry], text: FrameText, image: TextSearchImage, radius: Int) {
        for index in entries.indices where Self.mayHaveHead(entries[index].finding) {
            entries[index].paint = entries[index].paint.map { box in
                // (not a sliver a head or tail added: a letter's edge, whose columns may run into the next line's)
                guard box.width >= box.height, let region = region(under: box, in: text),
                      region.plane < image.planes.count, box.height <= 2 * region.glyphHeight else { return box }
                let plane = image.planes[region.plane]
                let feet = Self.polarities(in: box, region: region, plane: plane).map { polarity in
                    ValueFoot(plane: plane, polarity: polarity, glyphHeight: box.height, radius: radius)
                }
                // short of the words read below and above (by the padding): the next line's tops are no descenders
                let across = text.words.map(\.box).filter { $0.x < box.maxX && $0.maxX > box.x }
                let next = across.filter { $0.y >= box.maxY }.map(\.y).min()
                let previous = across.filter { $0.maxY <= box.y }.map(\.maxY).max()
                let below = feet.lazy.map { $0.rows(below: box) }.first { $0 > 0 } ?? 0
                let above = feet.lazy.map { $0.rows(above: box) }.first { $0 > 0 } ?? 0
                let down = max(0, min(below, next.map { $0 - options.padding - 1 - box.maxY } ?? .max))
                let up = max(0, min(above, previous.map { box.y - options.padding - 1 - $0 } ?? .max))
                return TextBox(x: box.x, y: box.y - up, width: box.width, height: box.height + up + down)
            }
        }
    }

    /// A short word OCR did not read a word space after a value (`Entry.mayHaveInitialAfter`).
    private func spacedTail(after box: TextBox, _ tail: ValueTail) -> TextBox? {
        var spaced = tail
        spaced.kind = .spacedWord
        return spaced.tail(after: box)
    }

    /// A short word OCR did not read a word space before a value (`Entry.mayHaveWordBefore`).
    private func spacedHead(before box: TextBox, _ tail: ValueTail) -> TextBox? {
        var spaced = tail
        spaced.kind = .spacedWord
        return spaced.head(before: box)
    }

    /// The rest of a header value after the finding's last word that OCR did not read ("University Hospi"
    /// for "University Hospital Aldermoor", "OBI*EZEk" for OBI^EZEKIEL): from the value's first word, as many
    /// characters' widths as it has characters read and unread, and half a glyph height, short of any other
    /// word read well on its row (what follows may be other text). Words OCR read unsurely after the
    /// finding and painted with it (`painted`: "University Hospital aay") count as read characters of the rest.
    func unreadRest(of finding: Finding, painted indices: [Int], in text: FrameText) -> TextBox? {
        guard finding.unreadCharacters > 0, let own = finding.wordIndices.last, let last = indices.max(), last < text.words.count,
              own < text.words.count else { return nil }
        let absorbed = indices.filter { $0 > own }.map { text.words[$0].text.count + 1 }.reduce(0, +)
        let unread = min(finding.unreadCharacters - absorbed, Self.longestUnreadRest)
        guard unread > 0 else { return nil }
        let box = text.tokenBox(ofWord: last)
        // the value's words on the last one's row, counted from the first one's start
        let row = indices.filter { $0 < text.words.count && text.words[$0].line == text.words[last].line }
        let characters = row.map { text.words[$0].text.count }.reduce(0, +) + row.count - 1
        guard let first = row.first, characters > 0 else { return nil }
        // a character's width: that of the words read well (OCR's boxes of words it garbled, "aay" for
        // "Alder", and boxes grown over a whole token, "05" for 05.08.23, hold more characters than they
        // read), at most `widestCharacter` glyph heights
        let measured = row.filter { Self.isReadWell(text.words[$0]) }
        let sample = measured.isEmpty ? [last] : measured
        let sampleCharacters = sample.map { text.words[$0].text.count }.reduce(0, +)
        guard sampleCharacters > 0 else { return nil }  // an empty reading has no width to measure
        var sampled = Double(sample.map { text.words[$0].box.width }.reduce(0, +)) / Double(sampleCharacters)
        // words read well from the first to the last on the row: their span holds the spaces too, and measures the
        // pitch better than their ink, which ends short of each word's last cell ("020" "794" of 020 7946 4200)
        if measured.count >= 2, let start = measured.first, let stop = measured.last, measured.count == row.count {
            sampled = max(sampled, Double(text.words[stop].box.maxX - text.words[start].box.x) / Double(characters))
        }
        let width = min(sampled, Self.widestCharacter * Double(box.height))
        // half a glyph height more: a box ending short of the value's last letter leaves it unread, and
        // unreadable to verification too
        let wanted = text.words[first].box.x + Int(width * Double(characters + unread)) + box.height / 2
        guard wanted > box.maxX else { return nil }
        let others = text.words.indices.filter { !indices.contains($0) && Self.isReadWell(text.words[$0]) }.map { text.words[$0] }
        guard let end = end(wanted, after: box, before: others) else { return nil }
        return TextBox(x: box.maxX, y: box.y, width: end - box.maxX, height: box.height)
    }

    /// The widest a character is taken to be, in heights of its word's box (capitals and digits of common
    /// fonts are 0.6-0.9 of their height wide; a mixed-case word's box is taller than its capitals).
    static let widestCharacter = 0.85

    /// No more characters than this are taken to be unread after a value's last word.
    static let longestUnreadRest = 40

    /// `wanted`, the end of what is added after `box`, brought back short of the first of `words` that
    /// starts after the box on its row (by the padding); nil when nothing is left to add.
    private func end(_ wanted: Int, after box: TextBox, before words: [OCRWord]) -> Int? {
        var end = wanted
        if let next = words.filter({ $0.box.x >= box.maxX - 1 && $0.box.isOnRow(of: box) }).map(\.box.x).min() {
            end = min(end, next - options.padding - 1)
        }
        return end > box.maxX ? end : nil
    }

    /// `wanted`, the start of what is added before `box`, brought forward past the last of `words` that
    /// ends before the box on its row (by the padding); nil when nothing is left to add.
    private func start(_ wanted: Int, before box: TextBox, after words: [OCRWord]) -> Int? {
        var start = wanted
        if let previous = words.filter({ $0.box.maxX <= box.x + 1 && $0.box.isOnRow(of: box) }).map(\.box.maxX).max() {
            start = max(start, previous + options.padding + 1)
        }
        return start < box.x ? start : nil
    }

    /// The polarities to look for a painted box's heads, tails and feet in: its region's, then the one its ink
    /// shows (`Plane.inkPolarity`) when that is the other. The region most under the box may be of the other polarity
    /// (the light gaps between dark letters, the dark ones between light letters on a bright gradient), and its
    /// strokes are then the wrong ones; the region's is tried first, as the ink's may be misjudged.
    static func polarities(in box: TextBox, region: TextRegion, plane: SamplePlane) -> [TextRegion.Polarity] {
        guard let ink = plane.inkPolarity(in: box), ink != region.polarity else { return [region.polarity] }
        return [region.polarity, ink]
    }

    /// The text region overlapping `box` most; nil when none does.
    private func region(under box: TextBox, in text: FrameText) -> TextRegion? {
        text.regions.max(by: { overlap($0.box, box) < overlap($1.box, box) }).flatMap { overlap($0.box, box) > 0 ? $0 : nil }
    }

    private func overlap(_ a: TextBox, _ b: TextBox) -> Int { a.intersection(b)?.area ?? 0 }
}
