import PHIDetection

extension RedactionPlanner {
    /// A label that announces PHI ("Acc#", "NHS No.", "Examined", "Req by"), read well, with nothing read after
    /// it on its row within three glyph heights: OCR did not read its value at all (too faint, too small, cut
    /// off its patch). The ink that follows it (`ValueTail.Kind.value`: words within a word space of each
    /// other, from within a wide word space of the label) is painted as its value, at `garbledValueConfidence`,
    /// short of the next word read on its row; a value is two characters wide at least. A label runs on over the
    /// label words right after it ("NHS" "No."). Not after a technical label on the allow-list ("Se:", "Scan"),
    /// nor after a word that is a label only by its colon. The labels' last words (`unreadValueLabels`, from
    /// OCR alone) are found first: the search image is needed only when there are some.
    func unreadValueLabels(_ text: FrameText, planned entries: [Entry]) -> [Int] {
        let painted = entries.flatMap(\.paint)
        let candidates = text.words.indices.filter { isLabelRead($0, in: text, painted: painted) }
        guard !candidates.isEmpty else { return [] }
        let safe = allowListed(text)
        let ends = candidates.filter { !safe.contains($0) }.map { Self.labelEnd(from: $0, in: text) }
        return Array(Set(ends)).sorted().filter { end in
            !Self.hasWordAfter(text.inkBox(ofWord: end), in: text, within: Self.valueSearchHeights * text.words[end].box.height)
        }
    }

    /// The value entries after `labels` (`unreadValueLabels`), looked for in `image`.
    func unreadValues(after labels: [Int], text: FrameText, image: TextSearchImage, radius: Int, planned entries: [Entry],
                      frame: Int) -> [Entry] {
        let painted = entries.flatMap(\.paint)
        var found: [Entry] = []
        for end in labels {
            let label = text.inkBox(ofWord: end)
            let region = text.regions[text.wordRegions[end]]
            guard region.plane < image.planes.count else { continue }
            var tail = ValueTail(plane: image.planes[region.plane], polarity: region.polarity, glyphHeight: label.height,
                                 radius: radius)
            tail.kind = .value
            // a value is two characters at least: not the last letter of a word OCR cut short
            guard var value = tail.tail(after: label), value.width >= label.height,
                  !painted.contains(where: { $0.intersects(value) }) else { continue }
            // short of the next word on the row, however far
            if let next = text.words.filter({ Self.readsAsText($0) && $0.box.x >= label.maxX && $0.box.isOnRow(of: label) })
                .map(\.box.x).min() {
                let stop = next - options.padding - 1
                guard stop > value.x else { continue }
                value.width = min(value.width, stop - value.x)
            }
            let redact = Self.garbledValueConfidence >= options.threshold
            found.append(Entry(finding: PixelFinding(frame: frame, box: value, type: .other, confidence: Self.garbledValueConfidence,
                                                     recognizer: Self.unreadValueRecognizer,
                                                     decision: redact ? .redacted : .belowThreshold),
                               paint: redact ? [value] : []))
        }
        return found
    }

    /// The recognizer named in the findings of values read after their label in the image, not by OCR.
    static let unreadValueRecognizer = "label-ink"

    /// How far after a label no word may stand for its value to count as unread, in glyph heights.
    static let valueSearchHeights = 3

    private func isLabelRead(_ index: Int, in text: FrameText, painted: [TextBox]) -> Bool {
        let word = text.words[index]
        return word.confidence >= Self.uncertainConfidence && Self.isLabelWord(word.text) && !painted.contains { $0.intersects(word.box) }
    }

    /// The last word of the label starting at `index`: the label words after it on its line ("NHS" "No.",
    /// "Exam" "#"), read well, each within a word space (a glyph height) of the last.
    private static func labelEnd(from index: Int, in text: FrameText) -> Int {
        var end = index
        while end + 1 < text.words.count, text.words[end + 1].line == text.words[end].line,
              text.words[end + 1].confidence >= uncertainConfidence, isLabelWord(text.words[end + 1].text),
              text.words[end + 1].box.x - text.words[end].box.maxX <= text.words[end].box.height {
            end += 1
        }
        return end
    }

    /// A word announcing PHI, with or without its colon (any word ending in a colon is a label to the detector,
    /// and OCR reads colons into words: "0.87c:" for 0.87cm, "Prelimina:" for Preliminary), or a "#".
    private static func isLabelWord(_ text: String) -> Bool {
        let bare = text.hasSuffix(":") ? String(text.dropLast()) : text
        return bare == "#" || !bare.isEmpty && PHIDetector.isLabel(bare)
    }

    /// A word with a letter or digit: marks alone ("™", "°", "'") are no reading of a value, OCR makes them
    /// of text it cannot read (a value crossing onto a lighter background).
    private static func readsAsText(_ word: OCRWord) -> Bool {
        word.text.contains { $0.isLetter || $0.isNumber }
    }

    /// Whether any word (of any line: OCR may number a row's words as two lines) starts on `box`'s row within
    /// `distance` after it; marks alone do not count (`readsAsText`).
    private static func hasWordAfter(_ box: TextBox, in text: FrameText, within distance: Int) -> Bool {
        text.words.contains { word in
            readsAsText(word) && word.box.x >= box.maxX - 1 && word.box.x - box.maxX <= distance && word.box.isOnRow(of: box)
        }
    }
}
