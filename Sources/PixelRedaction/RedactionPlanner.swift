import PHIDetection

/// Decides, for the text read on one frame, what is painted: the mode and threshold applied to the
/// PHI detector's findings. Painting is separate (`RedactionPainter`), so a plan can be reviewed,
/// reported or thresholded before anything changes.
struct RedactionPlanner {
    let detector: PHIDetector
    let options: RedactionOptions
    /// Whether a finding takes in the doubtful words beside it, and a label's doubtful words count as its
    /// value: on by default; off when planning another reading of a region, where every word is doubtful.
    var absorbsDoubtfulWords = true

    /// One planned outcome: a finding, and the boxes to paint for it (none when not redacted).
    struct Entry {
        var finding: PixelFinding
        var paint: [TextBox]
        /// The value ends in a clock time that may be followed by an AM/PM OCR did not read.
        var mayHaveMeridiem = false
        /// The value may have a word OCR did not read a word space before it: a name's initial or title, an
        /// institution's "St.", the day before a date that starts with its month ("01" of "01 NOV 1980"), the
        /// country code before a phone number read without one ("+1" of "+1 005 555 3984").
        var mayHaveWordBefore = false
        /// The value is a name whose middle initial (or degree) may follow unread: one the header matched,
        /// without the header's initial after it or with its rest unread, or `Last, First` ending its row.
        var mayHaveInitialAfter = false
    }

    /// OCR words read less surely than this next to a PHI finding are taken to belong to it: a
    /// value OCR garbled in part ("far QoniAd 45:46:57" for "Mar 9 2014 5:46:57") is hidden whole.
    static let uncertainConfidence = 0.6

    func plan(_ text: FrameText, frame: Int, context: PHIContext) -> [Entry] {
        switch options.mode {
        case .off: return []
        case .sensitive: return sensitive(text, frame: frame, context: context, threshold: options.threshold)
        case .allText: return phiThenEverything(text, frame: frame, context: context, exceptAllowListed: false)
        case .allButSafe: return phiThenEverything(text, frame: frame, context: context, exceptAllowListed: true)
        }
    }

    /// PHI findings at or above the threshold are painted, the rest reported; other words are kept.
    /// Lines OCR could not read, or read only poorly, count as findings of `unreadConfidence`.
    private func sensitive(_ text: FrameText, frame: Int, context: PHIContext, threshold: Double) -> [Entry] {
        let findings = detector.detect(words: text.words, context: context)
        let initials = context.nameInitials
        var entries: [Entry] = []
        var covered = Set<Int>(), painted = Set<Int>()
        for finding in findings {
            let redact = finding.confidence >= threshold
            var indices = text.gluedWords(finding.wordIndices.filter { $0 < text.words.count })
            var mayHaveMeridiem = false
            // (a value of another type may end in a time too: "20161169 5:10" read as an identifier)
            if finding.type == .time || finding.type == .date || text.endsInTwelveHourTime(indices) {
                indices = text.withMeridiem(indices)
                mayHaveMeridiem = text.endsInTwelveHourTime(indices)
            }
            var initialUnread = false
            if finding.type == .name {
                indices = text.withCredential(indices)
                if finding.matchesHeader {
                    // (a name whose rest OCR did not read may have its initial or degree unread after that too)
                    initialUnread = !Self.takeInitial(&indices, of: initials, in: text, except: covered) || finding.unreadCharacters > 0
                } else {
                    initialUnread = text.endsInGivenNameAfterComma(indices)
                }
            }
            if absorbsDoubtfulWords { indices = text.withUncertainNeighbours(indices, below: Self.uncertainConfidence) }
            covered.formUnion(indices)
            if redact { painted.formUnion(indices) }
            entries.append(entry(indices, in: text, frame: frame, type: finding.type, confidence: finding.confidence,
                                 recognizer: finding.recognizer, redact: redact))
            entries[entries.count - 1].mayHaveMeridiem = mayHaveMeridiem
            entries[entries.count - 1].mayHaveInitialAfter = initialUnread
            entries[entries.count - 1].mayHaveWordBefore = finding.type == .name || finding.type == .institution
                || finding.type == .date && indices.min().map { PHIDetector.isMonthName(text.words[$0].text) } == true
                || finding.type == .phone && indices.min().map { !text.words[$0].text.hasPrefix("+") } == true
            if redact, let rest = unreadRest(of: finding, painted: indices, in: text) { entries[entries.count - 1].paint.append(rest) }
        }
        for value in absorbsDoubtfulWords ? garbledValues(text, covered: covered) : [] {
            covered.formUnion(value)
            let redact = Self.garbledValueConfidence >= threshold
            if redact { painted.formUnion(value) }
            entries.append(entry(value, in: text, frame: frame, type: .other, confidence: Self.garbledValueConfidence,
                                 recognizer: "label-value", redact: redact))
        }
        // an age the profile keeps (Retain Patient Characteristics) is a hint only, as the age recognizer's
        let ageConfidence = context.keepsPatientAge ? PHIContext.keptAgeConfidence : Self.unreadAgeConfidence
        for (unit, box) in unreadAges(text, painted: painted) {
            covered.insert(unit)
            let redact = ageConfidence >= threshold
            if redact { painted.insert(unit) }
            entries.append(Entry(finding: PixelFinding(frame: frame, box: box, type: .age, confidence: ageConfidence,
                                                       recognizer: "age-unit", decision: redact ? .redacted : .belowThreshold,
                                                       text: reportText([unit], in: text)),
                                 paint: redact ? [box] : []))
        }
        let kept = text.words.indices.filter { !covered.contains($0) }.map { text.words[$0] }
        bridgeSplitValues(&entries, keeping: kept)
        bridgeFromLabels(&entries, labels: text.words.indices.filter { !painted.contains($0) }.map { text.words[$0] }, keeping: kept)
        for index in text.words.indices where !covered.contains(index) {
            entries.append(wordEntry(index, in: text, frame: frame, decision: .kept, recognizer: "ocr"))
        }
        for index in text.poorlyReadRegions where Self.looksLikeALine(text.regions[index]) {
            entries.append(regionEntry(text.regions[index], frame: frame, confidence: Self.unreadConfidence, recognizer: "unread-text",
                                       decision: Self.unreadConfidence >= threshold ? .redacted : .belowThreshold))
        }
        return entries
    }

    /// Adds to a header name's words the header's middle initial OCR read after it (`FrameText.initial`).
    /// True when the name has its initial now, or the header has none; false when it may follow unread.
    private static func takeInitial(_ indices: inout [Int], of initials: Set<String>, in text: FrameText,
                                    except taken: Set<Int>) -> Bool {
        guard !initials.isEmpty else { return true }
        if let initial = text.initial(after: indices, among: initials, except: taken) {
            indices.append(initial)
            return true
        }
        return indices.contains { FrameText.initialKey(text.words[$0].text).map(initials.contains) == true }
    }

    /// A line of at least this many glyphs that OCR cannot read, or reads only poorly (text over
    /// text, a font it does not know: mean word confidence under `FrameReader.poorReading`), may be
    /// PHI as much as not: in sensitive mode it counts as a finding of `unreadConfidence`, painted at
    /// the default threshold.
    static let unreadLineGlyphs = 4
    static let unreadConfidence = 0.5

    /// Whether a region OCR could not read is clearly a line of text, not texture the finder let
    /// through: enough glyphs, no wider than glyphs set side by side (three glyph heights each),
    /// drawn in one flat colour (glyph levels within a tenth of the contrast, most stroke pixels on
    /// that level), standing well out of the frame's texture (the finder's own bar for busy
    /// backgrounds), on a quiet background (captions and banners; colour Doppler and speckle read
    /// poorly too, and are not text).
    static func looksLikeALine(_ region: TextRegion) -> Bool {
        let e = region.evidence
        return e.glyphCount >= unreadLineGlyphs && region.box.width <= 3 * region.glyphHeight * e.glyphCount
            && e.levelSpread <= 0.1 && e.plateau >= 0.5 && e.textureRatio >= 3 && e.backgroundNoise <= 0.25
    }

    /// Every PHI finding whatever its confidence (with the same token and neighbour extensions as
    /// `sensitive`), then every other word (that is not on the allow-list, when asked) and the regions
    /// `everything` paints: never less than `sensitive` hides.
    private func phiThenEverything(_ text: FrameText, frame: Int, context: PHIContext, exceptAllowListed: Bool) -> [Entry] {
        let phi = sensitive(text, frame: frame, context: context, threshold: 0).filter { $0.finding.decision != .kept }
        let hidden = phi.flatMap(\.paint)
        // a word mostly inside a PHI box is reported once, as PHI; whole lines are always painted
        let rest = everything(text, frame: frame, exceptAllowListed: exceptAllowListed).filter { entry in
            entry.finding.recognizer == Self.textRegion
                || !hidden.contains { $0.intersection(entry.finding.box).map { 2 * $0.area >= entry.finding.box.area } ?? false }
        }
        return phi + rest
    }

    /// All-but-safe keeps a word only when it was read well enough to be known to be safe: OCR's
    /// guess at a word it read below `FrameReader.poorReading` ("om" for the "14:15" of a time) may
    /// match the allow-list by chance. Measured on the held-out sets: +1 PHI item on three of four
    /// draws, retention of non-PHI text 0–2 points lower.
    static let knownSafeReading = FrameReader.poorReading

    /// The recognizer named in the findings of whole lines painted in the all-text and all-but-safe modes.
    static let textRegion = "text-region"

    /// Every word (except allow-listed ones when asked) and every region OCR could not read; in
    /// all-text mode (nothing allow-listed) every region whole.
    private func everything(_ text: FrameText, frame: Int, exceptAllowListed: Bool) -> [Entry] {
        var allowed = [Bool](repeating: false, count: text.words.count)
        if exceptAllowListed {
            for line in Set(text.words.map(\.line)) {
                let indices = text.words.indices.filter { text.words[$0].line == line }
                for (position, flag) in detector.isAllowListed(line: indices.map { text.words[$0] }).enumerated() {
                    allowed[indices[position]] = flag && text.words[indices[position]].confidence >= Self.knownSafeReading
                }
            }
        }
        var entries = text.words.indices.map { index in
            allowed[index] ? wordEntry(index, in: text, frame: frame, decision: .allowed, recognizer: "allow-list")
                : wordEntry(index, in: text, frame: frame, decision: .redacted, recognizer: options.mode.rawValue)
        }
        // never less than sensitive mode: lines read only poorly are painted whole too; in all-text
        // mode every line is (a glyph OCR left out of its words is still text)
        let poorLines = text.poorlyReadRegions.filter { Self.looksLikeALine(text.regions[$0]) }
        let whole = exceptAllowListed ? Set(text.unreadRegions + poorLines) : Set(text.regions.indices)
        for index in whole.sorted() {
            entries.append(regionEntry(text.regions[index], frame: frame, confidence: 0, recognizer: Self.textRegion, decision: .redacted))
        }
        return entries
    }

    /// A whole text region as one finding, painted when redacted.
    private func regionEntry(_ region: TextRegion, frame: Int, confidence: Double, recognizer: String,
                             decision: PixelFinding.Decision) -> Entry {
        Entry(finding: PixelFinding(frame: frame, box: region.box, type: nil, confidence: confidence, recognizer: recognizer,
                                    decision: decision),
              paint: decision == .redacted ? [region.box] : [])
    }

    /// The entry of a finding on `indices`: its words' row boxes, painted when `redact`.
    private func entry(_ indices: [Int], in text: FrameText, frame: Int, type: PHIType, confidence: Double, recognizer: String,
                       redact: Bool) -> Entry {
        let boxes = rowBoxes(indices, in: text)
        let box = boxes.dropFirst().reduce(boxes.first ?? TextBox(x: 0, y: 0, width: 0, height: 0)) { $0.union($1) }
        return Entry(finding: PixelFinding(frame: frame, box: box, type: type, confidence: confidence, recognizer: recognizer,
                                           decision: redact ? .redacted : .belowThreshold, text: reportText(indices, in: text)),
                     paint: redact ? boxes : [])
    }

    private func wordEntry(_ index: Int, in text: FrameText, frame: Int, decision: PixelFinding.Decision,
                           recognizer: String) -> Entry {
        let box = decision == .redacted ? text.tokenBox(ofWord: index) : text.inkBox(ofWord: index)
        return Entry(finding: PixelFinding(frame: frame, box: box, type: nil, confidence: text.words[index].confidence,
                                           recognizer: recognizer, decision: decision, text: reportText([index], in: text)),
                     paint: decision == .redacted ? [box] : [])
    }

    /// The ink boxes of a finding's words, merged per text row (the gaps between words of one
    /// value are painted too). A word OCR read uncertainly is painted within the rows of the words
    /// on its row that it read well, a quarter of their height more above and below: a garbled
    /// reading's box may reach into the line below ("st" for a "+1" under the end of a line). A row's box is
    /// painted over the rows of the words read well beside it when OCR's box stops short of them (`grown`).
    private func rowBoxes(_ indices: [Int], in text: FrameText) -> [TextBox] {
        var rows: [Int: TextBox] = [:]
        for index in indices {
            var box = text.tokenBox(ofWord: index)
            if text.words[index].confidence < Self.uncertainConfidence, let band = text.wellReadBand(ofLine: text.words[index].line,
                                                                                                    minimumConfidence: Self.uncertainConfidence) {
                let margin = band.height / 4
                let top = max(box.y, band.y - margin), bottom = min(box.maxY, band.maxY + margin)
                guard bottom > top else { continue }
                // never shorter than the glyphs of its own region (the band may come from a sliver read
                // surely in a region of its own: the gap under a caret read as "TAL")
                if 3 * (bottom - top) >= 2 * text.regions[text.wordRegions[index]].glyphHeight {
                    box = TextBox(x: box.x, y: top, width: box.width, height: bottom - top)
                }
            }
            let line = text.words[index].line
            rows[line] = rows[line].map { $0.union(box) } ?? box
        }
        return rows.keys.sorted().compactMap { line in
            rows[line].map { box in Self.grown(box, to: Self.neighbourBand(of: box, line: line, in: text)) }
        }
    }

    /// The rows of the words read well on `line` (two letters or digits or more: not a bracketed "[M]", whose
    /// brackets reach below the letters) that stand within three glyph heights of `box` (its label; not the far
    /// end of a line that holds a larger font too).
    private static func neighbourBand(of box: TextBox, line: Int, in text: FrameText) -> TextBox? {
        text.band(ofLine: line) { word in
            isReadWell(word) && max(word.box.x - box.maxX, box.x - word.box.maxX, 0) <= 3 * box.height
        }
    }

    /// `box` over the rows of `band`, the words read well beside it on its line, when these are taller but no
    /// more than half as tall again and on its row: OCR's box of a value may stop short of its glyphs where they
    /// touch the image (the feet of digits over bright tissue), while its label's box shows the line's height.
    private static func grown(_ box: TextBox, to band: TextBox?) -> TextBox {
        guard let band, band.height > box.height, 2 * band.height <= 3 * box.height,
              2 * (min(band.maxY, box.maxY) - max(band.y, box.y)) >= box.height else { return box }
        let top = min(box.y, band.y), bottom = max(box.maxY, band.maxY)
        return TextBox(x: box.x, y: top, width: box.width, height: bottom - top)
    }

    private func reportText(_ indices: [Int], in text: FrameText) -> String? {
        options.includeText ? indices.map { text.words[$0].text }.joined(separator: " ") : nil
    }
}
