import DicomCore
import Foundation

/// The static review report of a run (`--review DIR`): per image, before/after thumbnails of frame 0
/// with each finding's box coloured by decision, filters by decision and type, and the run summary.
///
/// Workers call `save` (thumbnails, written at once so memory stays small) and `add` (the outcome)
/// from any thread; `write` puts `index.html` and `review.json` in the folder at the end.
/// The folder is sensitive — the "before" thumbnails show the original burned-in text — so it is
/// created with mode 0700. Header values are never written; text read only with `includeText`.
public final class ReviewReport: @unchecked Sendable {
    public let directory: String
    public let includeText: Bool
    private let lock = NSLock()
    private var entries: [ReviewEntry] = []
    private var summary: ReviewSummary

    public static let thumbnailFolder = "thumbs"

    public init(directory: String, includeText: Bool = false) throws {
        self.directory = directory.count > 1 && directory.hasSuffix("/") ? String(directory.dropLast()) : directory
        self.includeText = includeText
        summary = ReviewSummary(includesText: includeText)
        for folder in [self.directory, PathName.join(self.directory, Self.thumbnailFolder)] {
            do {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true,
                                                        attributes: [.posixPermissions: 0o700])
            } catch {
                throw PipelineError.cannotWriteReview(path: folder, reason: error.localizedDescription)
            }
            // an existing folder keeps its mode otherwise
            guard chmod(folder, 0o700) == 0 else {
                throw PipelineError.cannotWriteReview(path: folder, reason: String(cString: strerror(errno)))
            }
        }
    }

    /// Writes the two thumbnails of one input; nil when they cannot be written (the input is still
    /// processed: the review is a report, not a gate).
    public func save(_ thumbnails: ReviewThumbnails, for input: InputFile) -> ReviewImages? {
        let stem = Self.stem(input.path)
        let before = "\(Self.thumbnailFolder)/\(stem)-before.png"
        let after = "\(Self.thumbnailFolder)/\(stem)-after.png"
        do {
            try RasterImage.writePNG(thumbnails.before, to: PathName.join(directory, before), dpi: 0)
            try RasterImage.writePNG(thumbnails.after, to: PathName.join(directory, after), dpi: 0)
        } catch {
            return nil
        }
        return ReviewImages(before: before, after: after, nativeWidth: thumbnails.nativeWidth,
                            nativeHeight: thumbnails.nativeHeight, thumbnailWidth: thumbnails.before.width,
                            thumbnailHeight: thumbnails.before.height)
    }

    /// Records what happened to one input. Inputs without pixel findings and without a problem are
    /// only counted.
    public func add(_ outcome: InstanceOutcome) {
        let entry = ReviewEntry(outcome: outcome, includeText: includeText)
        let listed = entry.isImage || [.refused, .failed, .quarantined].contains(outcome.status)
        lock.lock()
        defer { lock.unlock() }
        summary.count(status: outcome.status)
        if let findings = entry.findings { summary.count(findings: findings) }
        if listed { entries.append(entry) }
    }

    /// The summary so far.
    public var currentSummary: ReviewSummary {
        lock.lock()
        defer { lock.unlock() }
        return summary
    }

    /// Writes `index.html` and `review.json` (atomically), with entries sorted by path.
    public func write() throws {
        lock.lock()
        let summary = self.summary
        let entries = self.entries.sorted { ($0.relativePath, $0.input) < ($1.relativePath, $1.input) }
        lock.unlock()
        let html = ReviewHTML.page(summary: summary, entries: entries)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let json = try encoder.encode(ReviewDocument(summary: summary, entries: entries))
        try AtomicFile.write(Data(html.utf8), to: indexPath)
        try AtomicFile.write(json, to: PathName.join(directory, "review.json"))
    }

    public var indexPath: String { PathName.join(directory, "index.html") }

    /// A stable file-name stem for an input (FNV-1a of its path): no names from the input itself.
    static func stem(_ path: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in path.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}

/// `review.json`: the same content as the page, for tools.
struct ReviewDocument: Codable {
    var summary: ReviewSummary
    var entries: [ReviewEntry]
}
