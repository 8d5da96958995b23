import DicomCore
import Foundation
import PHIDetection

/// Reads the text of frames: finds candidate regions, cuts a patch per region, OCRs it.
struct FrameReader {
    var finder: TextRegionFinder
    /// Words OCR is less sure of than this do not make a region "read" (it may still be redacted
    /// as unread text in the all-text modes).
    static let minimumWordConfidence = 0.3

    /// What the search of one frame found: its candidate regions, the levels they were judged
    /// against and, when kept, the image searched (reading cuts its patches from the same image;
    /// building it again costs a pass over the frame).
    struct FrameSearch {
        var regions: [TextRegion] = []
        var levels: TextRegionFinder.Levels?
        var image: TextSearchImage?
    }

    /// The candidate text regions of each of `frameList`. A lone frame keeps its search image for
    /// reading when it has candidates. Several frames are searched on all cores at once (finding
    /// needs no OCR engine; a multi-frame image would otherwise keep one core busy), each search
    /// image living only while its frame is searched. `near` (verification): a frame with painted
    /// areas and the levels of its first search is searched only around those areas.
    func regions(of frameList: [Int], in frames: PixelFrames, renderer: FrameRenderer, near: PaintedAreas? = nil) -> [FrameSearch] {
        if frameList.count == 1 {
            let image = TextSearchImage(frames, frame: frameList[0], renderer: renderer)
            var found = search(image, frame: frameList[0], near: near)
            if !found.regions.isEmpty { found.image = image }
            return [found]
        }
        return frameList.indices.concurrentMap { index in
            let frame = frameList[index]
            return search(TextSearchImage(frames, frame: frame, renderer: renderer), frame: frame, near: near)
        }
    }

    /// One frame's search: the whole image, or only around the painted areas of `near` (a margin
    /// wide enough for the top-hat to see each stroke's surroundings and for the text beside a box).
    func search(_ image: TextSearchImage, frame: Int, near: PaintedAreas?) -> FrameSearch {
        // levels fit a search of the same planes (painting can turn a grey-looking colour frame colour)
        guard let near, let levels = near.levels[frame], levels.noise.count == 2 * image.planes.count,
              let box = PaintedAreas.searchBox(around: near.boxes[frame] ?? [], margin: Self.searchMargin(finder))?
                .clipped(width: image.width, height: image.height) else {
            let (regions, levels) = finder.search(image)
            return FrameSearch(regions: regions, levels: levels)
        }
        let regions = finder.search(image.cropped(to: box), levels: levels).regions
        return FrameSearch(regions: regions.map { $0.offsetBy(dx: box.x, dy: box.y) }, levels: levels)
    }

    /// How far beyond the painted areas a verification search looks.
    static func searchMargin(_ finder: TextRegionFinder) -> Int {
        4 * finder.parameters.strokeRadius + 16
    }

    /// Finds and reads the text of one frame.
    func read(_ frames: PixelFrames, frame: Int, renderer: FrameRenderer, engine: any OCREngine) throws -> FrameText {
        let found = regions(of: [frame], in: frames, renderer: renderer)[0]
        return try read(frames, frame: frame, found: found, renderer: renderer, engine: engine)
    }

    /// Reads the regions `found` on this frame by `regions(of:in:renderer:)`; `within`: when given,
    /// only regions that touch one of these boxes are read (nil reads all).
    func read(_ frames: PixelFrames, frame: Int, found: FrameSearch, renderer: FrameRenderer, engine: any OCREngine,
              within areas: [TextBox]? = nil) throws -> FrameText {
        var text = FrameText()
        text.regions = found.regions
        if let areas { text.regions.removeAll { region in !areas.contains { $0.intersects(region.box) } } }
        guard !text.regions.isEmpty else { return FrameText() }
        let search = found.image ?? TextSearchImage(frames, frame: frame, renderer: renderer)
        text.regionInk = Array(repeating: [], count: text.regions.count)
        var readWords = Array(repeating: [OCRWord](), count: text.regions.count)
        for (index, region) in text.regions.enumerated() {
            // no reading at all (nothing could be cut for OCR) counts as unread
            let reading = try bestReading(of: region, in: search, engine: engine)
            let found = reading?.words ?? []
            let unread = !found.contains(where: { $0.confidence >= Self.minimumWordConfidence })
            if unread { text.unreadRegions.append(index) }
            if unread || found.readingConfidence < Self.poorReading { text.poorlyReadRegions.append(index) }
            guard let reading else { continue }
            text.regionInk[index] = reading.patch.ink
            readWords[index] = found
            if !reading.others.isEmpty { text.otherReadings[index] = reading.others }
        }
        text.setWords(readWords)
        return text
    }

    /// A region's most confident reading, the patch it was read on (its words fitted to the patch's
    /// ink, in frame coordinates), and the other readings that differ from it, fitted to theirs.
    struct Reading {
        var patch: OCRPatch
        var words: [OCRWord]
        var others: [[OCRWord]]
    }

    /// OCR of the region's patch; when that reads poorly, of its background-flattened patch too,
    /// then of the same line found in the other polarity, keeping the reading that ranks best
    /// (`ReadingRank`: the most confident that spans its find, unless a fairly sure one reads much more
    /// of it). Text on gradients and anatomy reads better flattened, text on flat backgrounds as it is;
    /// light text on a light background is also found as the dark gaps between its letters.
    func bestReading(of region: TextRegion, in search: TextSearchImage, engine: any OCREngine) throws -> Reading? {
        var best: Reading?
        var bestRank = ReadingRank(confidence: 0, coverage: 0) // ranks below any reading that spans its find
        var covered = false
        var others: [[OCRWord]] = []
        var read: [(image: RenderedImage, hints: OCRHints)] = []
        for (candidate, view) in Self.readings(of: region) {
            guard let patch = OCRPatch(region: candidate, in: search, view: view) else { continue }
            var hints = candidate.patchHints
            hints.ink = patch.ink.map { $0.offsetBy(dx: -patch.origin.x, dy: -patch.origin.y) }
            // on a flat background the flattened view is the same picture: OCR would read it the same
            guard !read.contains(where: { $0.hints == hints && $0.image == patch.image }) else { continue }
            read.append((patch.image, hints))
            let whole = TextBox(x: 0, y: 0, width: patch.image.width, height: patch.image.height)
            var readings = try engine.readings(patch.image, region: whole, hints: hints)
            if readings.isEmpty { readings = [[]] } // an engine that answers no reading read nothing
            let inFrame = readings.map { words in words.map { patch.toFrame($0) }.map { word in
                var fitted = word
                fitted.box = FrameText.fit(word.box, to: patch.ink)
                return fitted
            } }
            others += inFrame.dropFirst()
            let found = readings[0]
            let rank = ReadingRank(confidence: found.readingConfidence, coverage: inFrame[0].inkCoverage(candidate.glyphs))
            if rank.outranks(bestRank) {
                if let best { others.append(best.words) }
                best = Reading(patch: patch, words: inFrame[0], others: [])
                bestRank = rank
                // a sure reading of a stray mark ("/" for a whole line found in the wrong polarity)
                // is not good enough to stop at: it must cover half of the patch's ink
                covered = 2 * found.inkCoverage(hints.ink ?? []) >= 1
            } else {
                others.append(inFrame[0])
            }
            if bestRank.score >= Self.goodReading && covered { break }
        }
        guard var best else { return nil }
        let texts = best.words.map(\.text)
        var seen: [[String]] = [texts]
        for other in others where !other.isEmpty {
            let key = other.map(\.text)
            guard !seen.contains(key) else { continue }
            seen.append(key)
            best.others.append(other)
        }
        return best
    }

    /// How a reading of a find ranks against another: by confidence, where the one that spans its find
    /// (its words lie over half of the glyphs the find saw or more) always ranks above one that does not
    /// ("L" for a whole line found as the gaps between its letters, the patch windowed for a dark corner
    /// beside it), and where both are fairly sure (0.5 or more), by how much of the find they read when
    /// that differs by a quarter or more: OCR of a flattened view can read a line's clear letters more
    /// surely and drop the rest ("Thar re Kowa." for "Thandiwe Kowalczyk" on a film's varying grey).
    struct ReadingRank {
        var confidence: Double
        var coverage: Double

        var spansItsFind: Bool { 2 * coverage >= 1 }
        /// The confidence, less one when the reading does not span its find.
        var score: Double { confidence - (spansItsFind ? 0 : 1) }

        static let fairConfidence = 0.5
        static let coverageMargin = 0.25

        func outranks(_ other: ReadingRank) -> Bool {
            if spansItsFind != other.spansItsFind { return spansItsFind }
            let bothFair = min(confidence, other.confidence) >= Self.fairConfidence
            if bothFair && abs(coverage - other.coverage) >= Self.coverageMargin { return coverage > other.coverage }
            return score > other.score
        }
    }

    /// The ways a region is read, in order: each of its finds, each view.
    static func readings(of region: TextRegion) -> [(TextRegion, OCRPatch.View)] {
        ([region] + region.alternatives).flatMap { find in OCRPatch.View.allCases.map { (find, $0) } }
    }

    /// A region whose best reading is less confident than this was not really read (a font OCR
    /// does not know, text over text): what it says is unknown.
    static let poorReading = 0.4

    /// A reading this confident is not tried another way.
    static let goodReading = 0.8

}
