import DicomCore
import Foundation
import PHIDetection
import PixelRedaction

/// OCR engines for the workers: each is created once (loading the language data once), handed to
/// one worker at a time and reused for the whole run, remembering what it read (a text line drawn
/// the same on every slice of a series is read once). Creation failures are reported, not hidden.
public final class OCREnginePool: @unchecked Sendable {
    private var idle: [MemoizingOCREngine] = []
    private let lock = NSLock()
    private let options: TesseractEngine.Options

    public init(options: TesseractEngine.Options = TesseractEngine.Options()) {
        self.options = options
    }

    /// Runs `body` with an engine of its own, taken from the pool when it first reads: a file with
    /// no text to read neither waits for an engine to start (Tesseract starts one at a time, ~70 ms
    /// each) nor needs one. An engine that cannot start fails the reading that needed it.
    public func withEngine<T>(_ body: (any OCREngine) throws -> T) throws -> T {
        let lease = Lease(pool: self)
        defer { lease.giveBack() }
        return try body(lease)
    }

    /// An engine taken from the pool on first use and given back when the work is done.
    private final class Lease: OCREngine {
        let pool: OCREnginePool
        var engine: MemoizingOCREngine?
        var name: String { engine?.name ?? "tesseract" }

        init(pool: OCREnginePool) {
            self.pool = pool
        }

        func recognize(_ image: RenderedImage, region: TextBox, hints: OCRHints) throws -> [OCRWord] {
            if engine == nil { engine = try pool.checkout() }
            return try engine!.recognize(image, region: region, hints: hints)
        }

        func giveBack() {
            if let engine { pool.checkin(engine) }
        }
    }

    private func checkout() throws -> MemoizingOCREngine {
        lock.lock()
        if let engine = idle.popLast() {
            lock.unlock()
            return engine
        }
        lock.unlock()
        return MemoizingOCREngine(try TesseractEngine(options: options))
    }

    private func checkin(_ engine: MemoizingOCREngine) {
        lock.lock()
        idle.append(engine)
        lock.unlock()
    }
}
