import DicomCore
import PHIDetection

/// An OCR engine that remembers what it read: a picture identical, byte for byte, to one read
/// before (same size, same pixels, same region and hints) gets the earlier words without running
/// OCR again. Tesseract's LSTM reading is deterministic, so the answer is the one OCR would give.
///
/// Burned-in annotations repeat across the instances of a series: the lines with the patient's
/// name, ID and dates are drawn in the same pixels on every slice, and the OCR patch (text windowed
/// to black on white) comes out the same whatever anatomy or noise lies under the rest of the
/// frame. Those lines are read once per worker; only what changes (an image number) is read again.
///
/// Memory is bounded: when the pictures remembered reach `capacity` bytes, the older half is let go
/// (two generations; a hit in the older one moves the entry to the newer). Not thread-safe, like
/// the engine it wraps: one per worker.
public final class MemoizingOCREngine: OCREngine {
    public let base: any OCREngine
    public let capacity: Int
    public var name: String { base.name }
    /// Pictures answered from memory / read by the base engine, for reports and benchmarks.
    public private(set) var hits = 0
    public private(set) var misses = 0

    private struct Key: Hashable {
        var image: RenderedImage
        var region: TextBox
        var hints: OCRHints
    }

    private var recent: [Key: [[OCRWord]]] = [:]
    private var older: [Key: [[OCRWord]]] = [:]
    private var recentBytes = 0

    /// `capacity`: bytes of pictures kept per generation (16 MB holds some thousands of text lines).
    public init(_ base: any OCREngine, capacity: Int = 16 << 20) {
        self.base = base
        self.capacity = capacity
    }

    public func recognize(_ image: RenderedImage, region: TextBox, hints: OCRHints) throws -> [OCRWord] {
        try readings(image, region: region, hints: hints).first ?? []
    }

    public func readings(_ image: RenderedImage, region: TextBox, hints: OCRHints) throws -> [[OCRWord]] {
        let key = Key(image: image, region: region, hints: hints)
        if let readings = recent[key] {
            hits += 1
            return readings
        }
        if let readings = older.removeValue(forKey: key) {
            hits += 1
            remember(readings, for: key)
            return readings
        }
        misses += 1
        let readings = try base.readings(image, region: region, hints: hints)
        remember(readings, for: key)
        return readings
    }

    private func remember(_ readings: [[OCRWord]], for key: Key) {
        let size = key.image.pixels.count
        guard size <= capacity else { return }
        if recentBytes + size > capacity {
            older = recent
            recent = [:]
            recentBytes = 0
        }
        recent[key] = readings
        recentBytes += size
    }
}
