import PHIDetection

/// Decides, for the text read on one frame, what is painted: the mode and threshold applied to the
/// PHI detector's findings. Painting is separate (`RedactionPainter`), so a plan can be reviewed,
/// reported or thresholded before anything changes.
struct RedactionPlanner {
    let detector: PHIDetector
    let options: RedactionOptions

    /// One planned outcome: a finding, and the boxes to paint for it (none when not redacted).
    struct Entry {
        var finding: PixelFinding
        var paint: [TextBox]
    }

    func plan(_ text: FrameText, frame: Int, context: PHIContext) -> [Entry] {
        switch options.mode {
        case .off: return []
        case .sensitive: return sensitive(text, frame: frame, context: context)
        case .allText: return everything(text, frame: frame, exceptAllowListed: false)
        case .allButSafe: return everything(text, frame: frame, exceptAllowListed: true)
        }
    }

    /// PHI findings at or above the threshold are painted, the rest reported; other words are kept.
    private func sensitive(_ text: FrameText, frame: Int, context: PHIContext) -> [Entry] {
        let findings = detector.detect(words: text.words, context: context)
        var entries: [Entry] = []
        var covered = Set<Int>()
        for finding in findings {
            let redact = finding.confidence >= options.threshold
            var indices = text.gluedWords(finding.wordIndices.filter { $0 < text.words.count })
            if finding.type == .time || finding.type == .date { indices = text.withMeridiem(indices) }
            covered.formUnion(indices)
            let boxes = rowBoxes(indices, in: text)
            entries.append(Entry(
                finding: PixelFinding(frame: frame, box: boxes.dropFirst().reduce(boxes.first ?? TextBox(x: 0, y: 0, width: 0, height: 0)) { $0.union($1) },
                                      type: finding.type, confidence: finding.confidence, recognizer: finding.recognizer,
                                      decision: redact ? .redacted : .belowThreshold, text: reportText(indices, in: text)),
                paint: redact ? boxes : []))
        }
        for index in text.words.indices where !covered.contains(index) {
            entries.append(wordEntry(index, in: text, frame: frame, decision: .kept, recognizer: "ocr"))
        }
        return entries
    }

    /// Every word (except allow-listed ones when asked) and every region OCR could not read.
    private func everything(_ text: FrameText, frame: Int, exceptAllowListed: Bool) -> [Entry] {
        var allowed = [Bool](repeating: false, count: text.words.count)
        if exceptAllowListed {
            for line in Set(text.words.map(\.line)) {
                let indices = text.words.indices.filter { text.words[$0].line == line }
                for (position, flag) in detector.isAllowListed(line: indices.map { text.words[$0] }).enumerated() {
                    allowed[indices[position]] = flag
                }
            }
        }
        var entries = text.words.indices.map { index in
            allowed[index] ? wordEntry(index, in: text, frame: frame, decision: .allowed, recognizer: "allow-list")
                : wordEntry(index, in: text, frame: frame, decision: .redacted, recognizer: options.mode.rawValue)
        }
        for index in text.unreadRegions {
            let region = text.regions[index]
            entries.append(Entry(finding: PixelFinding(frame: frame, box: region.box, type: nil, confidence: 0,
                                                       recognizer: "text-region", decision: .redacted),
                                 paint: [region.box]))
        }
        return entries
    }

    private func wordEntry(_ index: Int, in text: FrameText, frame: Int, decision: PixelFinding.Decision,
                           recognizer: String) -> Entry {
        let box = decision == .redacted ? text.tokenBox(ofWord: index) : text.inkBox(ofWord: index)
        return Entry(finding: PixelFinding(frame: frame, box: box, type: nil, confidence: text.words[index].confidence,
                                           recognizer: recognizer, decision: decision, text: reportText([index], in: text)),
                     paint: decision == .redacted ? [box] : [])
    }

    /// The ink boxes of a finding's words, merged per text row (the gaps between words of one
    /// value are painted too).
    private func rowBoxes(_ indices: [Int], in text: FrameText) -> [TextBox] {
        var rows: [Int: TextBox] = [:]
        for index in indices {
            let box = text.tokenBox(ofWord: index)
            rows[text.words[index].line] = rows[text.words[index].line].map { $0.union(box) } ?? box
        }
        return rows.keys.sorted().compactMap { rows[$0] }
    }

    private func reportText(_ indices: [Int], in text: FrameText) -> String? {
        options.includeText ? indices.map { text.words[$0].text }.joined(separator: " ") : nil
    }
}
