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
    /// The unread regions and those whose best reading was less sure than `FrameReader.poorReading`.
    var poorlyReadRegions: [Int] = []
    /// For regions OCR read more than one way, the readings other than the one in `words` (frame
    /// coordinates, fitted to their patch's ink).
    var otherReadings: [Int: [[OCRWord]]] = [:]
    /// Each region's words as read (before duplicates across regions were dropped).
    private(set) var readWords: [[OCRWord]] = []

    /// Sets the words from each region's reading: a word read in two overlapping regions once, in
    /// reading order, with the pieces of split numbers and capitals joined.
    mutating func setWords(_ perRegion: [[OCRWord]]) {
        readWords = perRegion
        let all = perRegion.enumerated().flatMap { region, words in words.map { (word: $0, region: region) } }
        let kept = Set(all.map(\.word).deduplicated())
        let ordered = WordRows.joinSplitCapitals(WordRows.joinSplitNumbers(WordRows.order(all.filter { kept.contains($0.word) })))
        words = ordered.map(\.word)
        wordRegions = ordered.map(\.region)
    }

    /// This text with `region` read as `reading` instead.
    func reading(region: Int, as reading: [OCRWord]) -> FrameText {
        var text = self
        var perRegion = readWords
        perRegion[region] = reading
        text.setWords(perRegion)
        return text
    }

    /// The word's box fitted to the ink of its patch: its columns grown to cover the ink pieces it
    /// overlaps (a word box drawn a pixel short by OCR still covers all of the ink), its rows those
    /// of that ink (OCR sometimes returns boxes twice the text's height, which would reach into the
    /// line above or below).
    func inkBox(ofWord index: Int) -> TextBox {
        Self.fit(words[index].box, to: regionInk[wordRegions[index]])
    }

    static func fit(_ box: TextBox, to ink: [TextBox]) -> TextBox {
        let pieces = ink.filter { piece in
            guard let common = piece.intersection(box) else { return false }
            return 2 * common.width >= piece.width
        }
        guard let first = pieces.first else { return box }
        let union = pieces.dropFirst().reduce(first) { $0.union($1) }
        return TextBox(x: min(box.x, union.x), y: union.y, width: max(box.maxX, union.maxX) - min(box.x, union.x),
                       height: union.height)
    }

    /// The words plus the words OCR split off them: neighbours on the same text row closer than a
    /// space (0.45 word heights: letter gaps reach ~0.4 cap heights in monospaced fonts, spaces
    /// start at ~0.55), transitively ("AE-" + "6032-41", "JONES*MI" + "CHELLE"), of a like height
    /// (within 1.5 times: the pieces of one word are; a box OCR drew over two lines is not).
    func gluedWords(_ indices: [Int]) -> [Int] {
        var result = Set(indices)
        var frontier = indices
        while let index = frontier.popLast() {
            let word = words[index]
            for other in words.indices where !result.contains(other) && words[other].line == word.line {
                let a = word.box, b = words[other].box
                let gap = max(a.x, b.x) - min(a.maxX, b.maxX)
                let alike = 2 * max(a.height, b.height) <= 3 * min(a.height, b.height)
                if alike && gap <= max(2, 45 * min(a.height, b.height) / 100) {
                    result.insert(other)
                    frontier.append(other)
                }
            }
        }
        return result.sorted()
    }

    /// Drops the words that match (and their places in `wordRegions`), from every reading.
    mutating func removeWords(where drop: (OCRWord) -> Bool) {
        let keep = words.indices.filter { !drop(words[$0]) }
        words = keep.map { words[$0] }
        wordRegions = keep.map { wordRegions[$0] }
        readWords = readWords.map { $0.filter { !drop($0) } }
        otherReadings = otherReadings.mapValues { readings in readings.map { $0.filter { !drop($0) } } }
    }

    /// The rows spanned by the words of a text row read with at least `minimumConfidence` (nil when
    /// there are none), as a box over their columns.
    func wellReadBand(ofLine line: Int, minimumConfidence: Double) -> TextBox? {
        band(ofLine: line) { $0.confidence >= minimumConfidence }
    }

    /// The ink boxes of the words of a text row that pass `include`, as one box (nil when none does).
    func band(ofLine line: Int, where include: (OCRWord) -> Bool) -> TextBox? {
        let boxes = words.indices.filter { words[$0].line == line && include(words[$0]) }.map(inkBox(ofWord:))
        guard let first = boxes.first else { return nil }
        return boxes.dropFirst().reduce(first) { $0.union($1) }
    }

    /// The words plus, transitively, their neighbours in reading order on the same row that OCR
    /// read with less than `below` confidence.
    func withUncertainNeighbours(_ indices: [Int], below: Double) -> [Int] {
        var result = Set(indices)
        var frontier = indices
        while let index = frontier.popLast() {
            for neighbour in [index - 1, index + 1] where words.indices.contains(neighbour) && !result.contains(neighbour) {
                guard words[neighbour].line == words[index].line, words[neighbour].confidence < below else { continue }
                result.insert(neighbour)
                frontier.append(neighbour)
            }
        }
        return result.sorted()
    }

    /// The words right after `index` on its row read less surely than `below`, up to the first read
    /// surely: what OCR garbled of the value after a label.
    func uncertainWords(after index: Int, below: Double) -> [Int] {
        var result: [Int] = []
        var next = index + 1
        while next < words.count, words[next].line == words[index].line, words[next].confidence < below {
            result.append(next)
            next += 1
        }
        return result
    }

    /// A time's "AM"/"PM" belongs to it: the word right after the last of `indices` on its row, when
    /// it reads as a meridiem marker, is added — also as OCR misreads the M of a small font ("Pu", "AN").
    func withMeridiem(_ indices: [Int]) -> [Int] {
        withNextWord(indices) { next in
            next.count == 1 ? "AP".contains(next) : next.count == 2 && "AP".contains(next.first!) && "MNUHW".contains(next.last!)
        }
    }

    /// Whether the last of `indices` is a clock time a 12-hour clock shows, with no AM/PM read after it
    /// ("5:00", "10:40:12"; the minutes may be misread, "5:60").
    func endsInTwelveHourTime(_ indices: [Int]) -> Bool {
        guard let last = indices.max() else { return false }
        let groups = words[last].text.split(omittingEmptySubsequences: false, whereSeparator: { ":.;".contains($0) })
        guard (2...3).contains(groups.count), groups.allSatisfy({ $0.allSatisfy(\.isNumber) }),
              groups.dropFirst().allSatisfy({ $0.count == 2 }), let hour = Int(groups[0]), groups[0].count <= 2 else { return false }
        return (1...12).contains(hour)
    }

    /// A name's degree or title after it belongs to it ("Nakashima, Oluwaseun MD", "Ada Lee PhD"), also as
    /// OCR misreads it ("HD", "MO" for MD; "PHO" for PhD).
    func withCredential(_ indices: [Int]) -> [Int] {
        withNextWord(indices) { Self.credentials.contains($0) || Self.misreadCredentials.contains($0) }
    }

    static let credentials: Set<String> = ["MD", "DO", "PHD", "MBBS", "FRCR", "FRCS", "RN", "RDMS", "RTR"]
    static let misreadCredentials: Set<String> = ["HD", "MO", "ND", "PHO"]

    /// A word OCR read as a one-letter initial of `initials` ("L", "C."), not in `taken`, right after the
    /// last word of `indices` on its text row (OCR may have put it on a line of its own), at most two of
    /// that word's heights further.
    func initial(after indices: [Int], among initials: Set<String>, except taken: Set<Int>) -> Int? {
        guard let last = indices.max(), last < words.count else { return nil }
        let box = words[last].box
        return words.indices.filter { index in
            guard !taken.contains(index), !indices.contains(index), let key = Self.initialKey(words[index].text),
                  initials.contains(key) else { return false }
            let other = words[index].box
            return other.x >= box.maxX && other.x - box.maxX <= 2 * box.height && other.isOnRow(of: box)
        }.min { words[$0].box.x < words[$1].box.x }
    }

    /// Whether a name's words end its row in the `Last, First` shape ("NAKASHIMA, OLUWASEUN"): a word with a
    /// comma (after the family name), no initial last and no word read after it on its row. A middle initial may
    /// follow that OCR did not read.
    func endsInGivenNameAfterComma(_ indices: [Int]) -> Bool {
        guard let last = indices.max(), last < words.count, Self.initialKey(words[last].text) == nil,
              !words[last].text.hasSuffix(","), indices.contains(where: { $0 < words.count && words[$0].text.contains(",") })
        else { return false }
        let box = words[last].box
        return !words.indices.contains { $0 != last && words[$0].box.x >= box.maxX && words[$0].box.isOnRow(of: box) }
    }

    /// The letter of a one-letter initial as OCR read it ("L", "C.", "S,"), upper case; nil for other words.
    static func initialKey(_ text: String) -> String? {
        let letters = text.filter(\.isLetter)
        guard letters.count == 1, letters.first!.isUppercase, text.count <= 2,
              text.allSatisfy({ $0.isLetter || $0 == "." || $0 == "," }) else { return nil }
        return letters.uppercased()
    }

    /// `indices` plus the word right after the last of them on its row, when its letters (upper case)
    /// pass `belongs`.
    private func withNextWord(_ indices: [Int], _ belongs: (String) -> Bool) -> [Int] {
        guard let last = indices.max(), last + 1 < words.count, words[last + 1].line == words[last].line else { return indices }
        let next = words[last + 1].text.uppercased().filter { $0.isLetter }
        return !next.isEmpty && belongs(next) ? indices + [last + 1] : indices
    }

    /// The ink box of a word grown over the whole ink token it belongs to: glyph components of its
    /// region that follow each other, on its rows, closer than a space (0.45 glyph heights).
    /// A token OCR split or cut short ("AE-" + "6032-41", "1970-10-;" for "1970-10-22") is then
    /// hidden whole. Spaces between words are wider, so a label before a value stays.
    func tokenBox(ofWord index: Int) -> TextBox {
        var box = inkBox(ofWord: index)
        let region = regions[wordRegions[index]]
        let gap = max(1, region.glyphHeight * 45 / 100)
        // the patch's own ink, and single glyphs the finder saw no taller than the word, outside
        // the other words read (the patch is windowed for one background: beyond an edge in the
        // background its ink may stop short, and OCR with it)
        let ink = regionInk[wordRegions[index]]
        let height = box.height
        let otherWords = words.indices.filter { $0 != index && wordRegions[$0] == wordRegions[index] }.map { words[$0].box }
        let finderGlyphs = region.glyphs.filter { glyph in
            4 * glyph.height <= 5 * height && 2 * glyph.width <= 3 * height && !otherWords.contains { $0.intersects(glyph) }
        }
        let onRows = (ink + finderGlyphs).filter { $0.isOnRow(of: box) }
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
