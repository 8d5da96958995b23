import Foundation
import PixelRedaction

/// OCR engines for the workers: each is created once (loading the language data once), handed to
/// one worker at a time and reused for the whole run. Creation failures are reported, not hidden.
public final class OCREnginePool: @unchecked Sendable {
    private var idle: [TesseractEngine] = []
    private let lock = NSLock()
    private let options: TesseractEngine.Options

    public init(options: TesseractEngine.Options = TesseractEngine.Options()) {
        self.options = options
    }

    /// Runs `body` with an engine of its own.
    public func withEngine<T>(_ body: (TesseractEngine) throws -> T) throws -> T {
        let engine = try checkout()
        defer { checkin(engine) }
        return try body(engine)
    }

    private func checkout() throws -> TesseractEngine {
        lock.lock()
        if let engine = idle.popLast() {
            lock.unlock()
            return engine
        }
        lock.unlock()
        return try TesseractEngine(options: options)
    }

    private func checkin(_ engine: TesseractEngine) {
        lock.lock()
        idle.append(engine)
        lock.unlock()
    }
}
