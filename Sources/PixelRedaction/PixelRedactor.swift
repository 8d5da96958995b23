import DicomCore
import PHIDetection

/// Finds and hides burned-in text in the native pixels of an image.
///
/// For every distinct frame (identical frames are recognised by content and share one result):
/// find candidate text regions on the frame (no OCR where there are none) → OCR each region →
/// PHI detection and the allow-list → decisions by mode and threshold → paint the boxes, padded,
/// into the native buffer. Boxes from device rules are painted on every frame without OCR.
///
/// Not thread-safe through the engine: use one redactor and one engine per worker.
public struct PixelRedactor: Sendable {
    public var options: RedactionOptions
    public var finder: TextRegionFinder
    public let detector: PHIDetector

    public init(options: RedactionOptions = RedactionOptions(), finder: TextRegionFinder = TextRegionFinder(),
                detector: PHIDetector) {
        self.options = options
        self.finder = finder
        self.detector = detector
    }

    /// Loads the PHI detector's built-in lists.
    public init(options: RedactionOptions = RedactionOptions(), finder: TextRegionFinder = TextRegionFinder()) throws {
        self.init(options: options, finder: finder, detector: try PHIDetector())
    }

    /// Redacts `frames` in place. `fixedBoxes` (native coordinates, e.g. from `DeviceRegionRules`)
    /// are painted on every frame whatever the mode (except `off`).
    /// `readOnlyNear` (per frame, areas in native coordinates): when given, OCR reads only the text
    /// regions touching those areas, and frames without any are not read (verification of what was
    /// painted: text beside a box that the first reading cut short); with the first search's levels
    /// only those areas are searched. The result's `searchLevels` are what a verification passes back.
    public func redact(_ frames: inout PixelFrames, renderer: FrameRenderer, context: PHIContext, engine: any OCREngine,
                       fixedBoxes: [TextBox] = [], readOnlyNear near: PaintedAreas? = nil) throws -> PixelRedactionResult {
        var result = PixelRedactionResult()
        guard options.mode != .off, frames.frameCount > 0 else { return result }
        let painter = RedactionPainter(color: options.boxColor, padding: options.padding)
        // fail closed before any work; the fill itself (a scan of the whole image for monochrome) is
        // only worked out once there is something to paint
        _ = try NativeFill(color: options.boxColor, frames: frames, greyRange: .stored)
        var fill: NativeFill?
        let reader = FrameReader(finder: finder)
        let planner = RedactionPlanner(detector: detector, options: options)
        // pass 1: read and plan every distinct frame
        let fingerprints = frames.frameCount == 1 ? [FrameFingerprint(first: 0, second: 0)]
            : FrameFingerprint.all(of: frames) // before any painting
        var seen = Set<FrameFingerprint>()
        let firstFrames = (0..<frames.frameCount).filter { seen.insert(fingerprints[$0]).inserted }
        let firstFrame = Dictionary(uniqueKeysWithValues: firstFrames.map { (fingerprints[$0], $0) })
        // verification looks only at frames with boxes to look around
        let areas = near?.boxes
        let searched = firstFrames.filter { frame in areas.map { !($0[frame] ?? []).isEmpty } ?? true }
        let found = Dictionary(uniqueKeysWithValues: zip(searched, reader.regions(of: searched, in: frames, renderer: renderer,
                                                                                  near: near)))
        var distinct: [FrameFingerprint: FramePlan] = [:]
        var order: [FrameFingerprint] = []
        for frame in firstFrames {
            order.append(fingerprints[frame])
            var text = try reader.read(frames, frame: frame, found: found[frame] ?? FrameReader.FrameSearch(),
                                       renderer: renderer, engine: engine,
                                       within: areas.map { $0[frame] ?? [] })
            // verification: a box's edge read as a letter or two, uncertainly, is no text still there
            if let near {
                text.removeWords { word in
                    word.confidence < RedactionPlanner.uncertainConfidence
                        && near.isInsidePaint(word.box, frame: frame, padding: options.padding)
                }
            }
            if text.regions.isEmpty { result.framesSkipped += 1 } else { result.framesRecognized += 1 }
            result.regionsRecognized += text.regions.count
            var entries = planner.plan(text, frame: frame, context: context)
            // (not in verification: around painted boxes, other readings of their edges read as anything)
            if near == nil { entries += planner.otherReadingEntries(text, frame: frame, context: context, planned: entries) }
            let hasTails = entries.contains(where: { RedactionPlanner.mayHaveHead($0.finding) })
            // (not in verification either: a painted value's label has nothing read after it)
            let labels = near == nil ? planner.unreadValueLabels(text, planned: entries) : []
            if hasTails || !labels.isEmpty {
                let image = found[frame]?.image ?? TextSearchImage(frames, frame: frame, renderer: renderer)
                let radius = finder.parameters.strokeRadius
                if hasTails {
                    planner.extendTails(&entries, text: text, image: image, radius: radius)
                    planner.extendFeet(&entries, text: text, image: image, radius: radius)
                }
                entries += planner.unreadValues(after: labels, text: text, image: image, radius: radius, planned: entries, frame: frame)
            }
            distinct[fingerprints[frame]] = FramePlan(text: text, entries: entries)
        }
        result.framesReused = frames.frameCount - distinct.count
        for frame in 0..<frames.frameCount {
            if let levels = found[firstFrame[fingerprints[frame]]!]?.levels { result.searchLevels[frame] = levels }
        }
        let plans = order.map { distinct[$0]! }
        // pass 2: paint every frame, with what other frames showed at the same place
        for frame in 0..<frames.frameCount {
            let plan = distinct[fingerprints[frame]]!
            var entries = plan.entries + plan.propagated(from: plans)
            entries += fixedBoxes.map { box in
                RedactionPlanner.Entry(finding: PixelFinding(frame: frame, box: box, type: nil, confidence: 1,
                                                             recognizer: "device-rule", decision: .redacted),
                                       paint: [box])
            }
            let boxes = PaintBoxes.mergedAlongRows(entries.flatMap(\.paint))
            if !boxes.isEmpty {
                result.painted[frame] = boxes
                if fill == nil { fill = try NativeFill(color: options.boxColor, frames: frames, greyRange: painter.greyRange) }
                if painter.paint(boxes, frame: frame, in: &frames, fill: fill!) > 0 { result.modified = true }
            }
            result.findings += entries.map { entry in
                var finding = entry.finding
                finding.frame = frame
                return finding
            }
        }
        return result
    }
}

/// The text read on one distinct frame and what was decided for it.
struct FramePlan {
    var text: FrameText
    var entries: [RedactionPlanner.Entry]

    /// Burned-in annotations usually stay put while the image under them changes (cine loops,
    /// multi-frame ultrasound): a box redacted on another frame is redacted here too when this frame
    /// has a text region at the same place — in case OCR read it worse here.
    func propagated(from others: [FramePlan]) -> [RedactionPlanner.Entry] {
        let own = entries.flatMap(\.paint)
        var added: [RedactionPlanner.Entry] = []
        for other in others {
            for entry in other.entries where entry.finding.decision == .redacted {
                for box in entry.paint where !own.contains(where: { covers($0, box) }) && !added.contains(where: { $0.paint.contains(box) }) {
                    guard text.regions.contains(where: { region in
                        guard let common = region.box.intersection(box) else { return false }
                        return 2 * common.area >= min(region.box.area, box.area)
                    }) else { continue }
                    var finding = entry.finding
                    finding.box = box
                    finding.recognizer = "other-frame"
                    added.append(RedactionPlanner.Entry(finding: finding, paint: [box]))
                }
            }
        }
        return added
    }

    private func covers(_ a: TextBox, _ b: TextBox) -> Bool {
        a.x <= b.x && a.y <= b.y && a.maxX >= b.maxX && a.maxY >= b.maxY
    }
}

/// Identifies a frame by its content: two independent 64-bit hashes of its bytes (128 bits), so
/// frames share a result only when they are identical (a collision is ~2⁻¹²⁸), without keeping a
/// copy of every frame.
struct FrameFingerprint: Hashable {
    let first: Int
    let second: Int

    init(first: Int, second: Int) {
        self.first = first
        self.second = second
    }

    init(_ frames: PixelFrames, frame: Int) {
        var a = Hasher(), b = Hasher()
        b.combine(0x5bd1_e995)
        frames.data.withUnsafeBufferPointer { buffer in
            let bytes = UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: buffer[frames.frameRange(frame)]))
            a.combine(bytes: bytes)
            b.combine(bytes: bytes)
        }
        first = a.finalize()
        second = b.finalize()
    }

    /// The fingerprints of every frame, computed on all cores.
    static func all(of frames: PixelFrames) -> [FrameFingerprint] {
        (0..<frames.frameCount).concurrentMap { FrameFingerprint(frames, frame: $0) }
    }
}
