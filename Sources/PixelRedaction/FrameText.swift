import DicomCore
import PHIDetection

/// What was read on one frame: its text regions, and the OCR words in reading order, numbered by
/// text row (the PHI detector reads a label and its value together when they share a row).
struct FrameText: Sendable {
    var regions: [TextRegion] = []
    /// Words in frame coordinates, reading order (rows top to bottom, left to right in a row).
    var words: [OCRWord] = []
    /// For each word, the region it was read in.
    var wordRegions: [Int] = []
    /// For each region, the ink pieces of its OCR patch (frame coordinates).
    var regionInk: [[TextBox]] = []
    /// Regions in which OCR read nothing with at least `FrameReader.minimumWordConfidence`.
    var unreadRegions: [Int] = []

    /// The word's box grown to cover the glyph components of its region that it overlaps, so a
    /// word box drawn a pixel short by OCR still covers all of the ink.
    func inkBox(ofWord index: Int) -> TextBox {
        let word = words[index]
        var box = word.box
        for glyph in regionInk[wordRegions[index]] {
            guard let common = glyph.intersection(word.box), 2 * common.width >= glyph.width else { continue }
            box = box.union(glyph)
        }
        return box
    }

    /// The words plus the words OCR split off them: neighbours on the same text row closer than a
    /// space (0.45 word heights: letter gaps reach ~0.4 cap heights in monospaced fonts, spaces
    /// start at ~0.55), transitively ("AE-" + "6032-41", "JONES*MI" + "CHELLE").
    func gluedWords(_ indices: [Int]) -> [Int] {
        var result = Set(indices)
        var frontier = indices
        while let index = frontier.popLast() {
            let word = words[index]
            for other in words.indices where !result.contains(other) && words[other].line == word.line {
                let a = word.box, b = words[other].box
                let gap = max(a.x, b.x) - min(a.maxX, b.maxX)
                if gap <= max(2, 45 * min(a.height, b.height) / 100) {
                    result.insert(other)
                    frontier.append(other)
                }
            }
        }
        return result.sorted()
    }

    /// A time's "AM"/"PM" belongs to it: the word right after the last of `indices` on its row, when
    /// it reads as a meridiem marker, is added.
    func withMeridiem(_ indices: [Int]) -> [Int] {
        guard let last = indices.max(), last + 1 < words.count, words[last + 1].line == words[last].line else { return indices }
        let next = words[last + 1].text.uppercased().filter { $0.isLetter }
        return ["AM", "PM", "A", "P"].contains(next) ? indices + [last + 1] : indices
    }

    /// The ink box of a word grown over the whole ink token it belongs to: glyph components of its
    /// region that follow each other, on its rows, closer than a space (0.45 glyph heights).
    /// A token OCR split or cut short ("AE-" + "6032-41", "1970-10-;" for "1970-10-22") is then
    /// hidden whole. Spaces between words are wider, so a label before a value stays.
    func tokenBox(ofWord index: Int) -> TextBox {
        var box = inkBox(ofWord: index)
        let region = regions[wordRegions[index]]
        let gap = max(1, region.glyphHeight * 45 / 100)
        let onRows = regionInk[wordRegions[index]].filter { glyph in
            let overlap = min(glyph.maxY, box.maxY) - max(glyph.y, box.y)
            return 2 * overlap >= min(glyph.height, box.height)
        }
        var grown = true
        while grown {
            grown = false
            for glyph in onRows where !(glyph.x >= box.x && glyph.maxX <= box.maxX) {
                let distance = glyph.x >= box.maxX ? glyph.x - box.maxX : (glyph.maxX <= box.x ? box.x - glyph.maxX : 0)
                if distance <= gap {
                    box = box.union(glyph)
                    grown = true
                }
            }
        }
        return box
    }
}

/// Reads the text of frames: finds candidate regions, cuts a patch per region, OCRs it.
struct FrameReader {
    var finder: TextRegionFinder
    /// Words OCR is less sure of than this do not make a region "read" (it may still be redacted
    /// as unread text in the all-text modes).
    static let minimumWordConfidence = 0.3

    func read(_ frames: PixelFrames, frame: Int, renderer: FrameRenderer, engine: any OCREngine) throws -> FrameText {
        let search = Self.searchImage(frames, frame: frame, renderer: renderer)
        var text = FrameText()
        text.regions = finder.regions(in: search)
        var words: [(word: OCRWord, region: Int)] = []
        text.regionInk = Array(repeating: [], count: text.regions.count)
        for (index, region) in text.regions.enumerated() {
            guard let patch = OCRPatch(region: region, in: search) else { continue }
            text.regionInk[index] = patch.ink
            let whole = TextBox(x: 0, y: 0, width: patch.image.width, height: patch.image.height)
            let found = try engine.recognize(patch.image, region: whole, hints: region.patchHints).map(patch.toFrame)
            if !found.contains(where: { $0.confidence >= Self.minimumWordConfidence }) { text.unreadRegions.append(index) }
            words += found.map { ($0, index) }
        }
        let kept = Set(words.map(\.word).deduplicated())
        let ordered = WordRows.joinSplitTokens(WordRows.order(words.filter { kept.contains($0.word) }))
        text.words = ordered.map(\.word)
        text.wordRegions = ordered.map(\.region)
        return text
    }

    static func searchImage(_ frames: PixelFrames, frame: Int, renderer: FrameRenderer) -> TextSearchImage {
        if frames.description.photometric.isMonochrome {
            let window = renderer.window.map { $0.width / abs(renderer.rescaleSlope) }
            return TextSearchImage(monochrome: frames, frame: frame, windowWidth: window)
        }
        return TextSearchImage(rendered: renderer.render(frames, frame: frame))
    }
}

/// Groups words into text rows: a word joins the row whose band (its first word's rows) overlaps it
/// by half of the lower of the two and is not less than half its height; rows are split where a
/// horizontal gap of more than four word heights separates neighbours.
enum WordRows {
    static func order<T>(_ items: [(word: OCRWord, region: T)]) -> [(word: OCRWord, region: T)] {
        let byMiddle = items.sorted { ($0.word.box.y + $0.word.box.maxY, $0.word.box.x) < ($1.word.box.y + $1.word.box.maxY, $1.word.box.x) }
        var rows: [(band: TextBox, items: [(word: OCRWord, region: T)])] = []
        for item in byMiddle {
            if let index = rows.lastIndex(where: { sharesRow($0.band, item.word.box) }) {
                rows[index].items.append(item)
            } else {
                rows.append((item.word.box, [item]))
            }
        }
        var result: [(word: OCRWord, region: T)] = []
        var line = 0
        for row in rows {
            let sorted = row.items.sorted { $0.word.box.x < $1.word.box.x }
            for (position, item) in sorted.enumerated() {
                if position > 0 {
                    let previous = sorted[position - 1].word.box
                    let gap = item.word.box.x - previous.maxX
                    if gap > 4 * max(previous.height, item.word.box.height) { line += 1 }
                }
                var word = item.word
                word.line = line
                result.append((word, item.region))
            }
            line += 1
        }
        return result
    }

    /// OCR sometimes puts a space where the pixels show none ("EK- 4362 -13" for "EK-4362-13",
    /// "JONES*MI CHELLE"): neighbours in a row closer than a third of their height are read as one
    /// word, so the PHI detector sees the token whole.
    static func joinSplitTokens<T>(_ items: [(word: OCRWord, region: T)]) -> [(word: OCRWord, region: T)] {
        var result: [(word: OCRWord, region: T)] = []
        for item in items {
            if var last = result.last, last.word.line == item.word.line {
                let gap = item.word.box.x - last.word.box.maxX
                if gap <= min(last.word.box.height, item.word.box.height) / 3 {
                    last.word.text += item.word.text
                    last.word.box = last.word.box.union(item.word.box)
                    last.word.confidence = min(last.word.confidence, item.word.confidence)
                    result[result.count - 1] = last
                    continue
                }
            }
            result.append(item)
        }
        return result
    }

    static func sharesRow(_ band: TextBox, _ box: TextBox) -> Bool {
        let overlap = min(band.maxY, box.maxY) - max(band.y, box.y)
        return 2 * overlap >= min(band.height, box.height) && 2 * band.height >= box.height && 2 * box.height >= band.height
    }
}
