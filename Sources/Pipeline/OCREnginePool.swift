import Foundation
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

    /// Runs `body` with an engine of its own.
    public func withEngine<T>(_ body: (MemoizingOCREngine) throws -> T) throws -> T {
        let engine = try checkout()
        defer { checkin(engine) }
        return try body(engine)
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
