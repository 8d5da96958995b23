import DicomCore
import Foundation
import PHIDetection
import PixelRedaction

/// OCR engines for the workers: each is created once (loading the language data once), handed to
/// one worker at a time and reused for the whole run, remembering what it read (a text line drawn
/// the same on every slice of a series is read once). Creation failures are reported, not hidden.
public final class OCREnginePool: @unchecked Sendable {
    private var idle: [MemoizingOCREngine] = []
    /// Engines `warmUp` has still to make: a worker needing one waits for them before making its own.
    private var warming = 0
    private let condition = NSCondition()
    private let options: TesseractEngine.Options
    /// Engines started so far, warmed up or made on demand (for tests and reports).
    var started: Int {
        condition.lock()
        defer { condition.unlock() }
        return startedCount
    }
    private var startedCount = 0
    /// Engines made and not in use (for tests).
    var idleCount: Int {
        condition.lock()
        defer { condition.unlock() }
        return idle.count
    }

    /// Returns once `warmUp` has made (or failed to make) every engine it was asked for.
    func waitForWarmUp() {
        condition.lock()
        while warming > 0 { condition.wait() }
        condition.unlock()
    }

    /// Ends the engines on the calling thread, once the warm-up is done; call it when no worker reads any more,
    /// before the process exits. Otherwise the warm-up thread, holding the pool, may be the one to free it and
    /// end Tesseract engines (`Dict::End`) while exit runs the libraries' static destructors: a crash at exit,
    /// seen about once in some hundreds of runs shorter than the warm-up (an empty folder, a few header-only
    /// files).
    public func shutDown() {
        waitForWarmUp()
        condition.lock()
        let ending = idle
        idle = []
        condition.unlock()
        withExtendedLifetime(ending) {}
    }

    public init(options: TesseractEngine.Options = TesseractEngine.Options()) {
        self.options = options
    }

    /// Starts `count` engines on a background thread, one at a time, while the run is still
    /// loading its profile and lists and the workers decode their first files: Tesseract's start
    /// (~70 ms each, one at a time) is then mostly paid before the first line is read. An engine
    /// that fails to start here is not kept; the worker that needs it makes its own and fails
    /// with the reason, as without a warm-up.
    public func warmUp(_ count: Int) {
        guard count > 0 else { return }
        condition.lock()
        warming += count
        condition.unlock()
        let thread = Thread { [self] in
            for _ in 0..<count {
                let engine = try? TesseractEngine(options: options)
                condition.lock()
                if let engine {
                    idle.append(MemoizingOCREngine(engine))
                    startedCount += 1
                }
                warming -= 1
                condition.broadcast()
                condition.unlock()
            }
        }
        thread.start()
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

        func readings(_ image: RenderedImage, region: TextBox, hints: OCRHints) throws -> [[OCRWord]] {
            if engine == nil { engine = try pool.checkout() }
            return try engine!.readings(image, region: region, hints: hints)
        }

        func giveBack() {
            if let engine { pool.checkin(engine) }
        }
    }

    private func checkout() throws -> MemoizingOCREngine {
        condition.lock()
        while idle.isEmpty && warming > 0 { condition.wait() }
        if let engine = idle.popLast() {
            condition.unlock()
            return engine
        }
        condition.unlock()
        let engine = MemoizingOCREngine(try TesseractEngine(options: options))
        condition.lock()
        startedCount += 1
        condition.unlock()
        return engine
    }

    private func checkin(_ engine: MemoizingOCREngine) {
        condition.lock()
        idle.append(engine)
        condition.broadcast()
        condition.unlock()
    }
}
