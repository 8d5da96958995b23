import CTesseract
import DicomCore
import Foundation
import PHIDetection

/// OCR with Tesseract through its C API. One instance per worker: it owns a `TessBaseAPI`,
/// created and initialised once (language data loaded once) and reused for every region.
/// The initialiser throws when Tesseract cannot start, so redaction fails closed.
public final class TesseractEngine: OCREngine {
    public struct Options: Sendable, Hashable {
        /// Language data to load ("eng").
        public var language = "eng"
        /// Directory holding `<language>.traineddata`; nil uses TESSDATA_PREFIX or Tesseract's default.
        public var dataPath: String?
        public var preprocessing = OCRPreprocessing()
        /// When a region's reading is less confident than this (mean word confidence weighted by
        /// length), the `alternatives` are tried too and the most confident reading is kept.
        public var retryBelowConfidence = 0.8
        public var alternatives: [OCRPreprocessing] = OCRPreprocessing.alternatives
        /// A reading below `retryBelowConfidence` is still not read again when the words it doubts hold
        /// at most this many characters and its words cover all the ink (`OCRHints.ink`): a doubtful
        /// "IM" beside a sure "94" (the image-number line of every slice) costs one reading, not three.
        public var settledDoubtfulCharacters = 2
        /// Alternatives marked `lastResort` are tried only when the best reading so far is below this.
        public var lastResortBelowConfidence = 0.5
        public init() {}
    }

    public let options: Options
    public let name: String
    private let handle: OpaquePointer

    public init(options: Options = Options()) throws {
        // Tesseract's initialisation writes global state (parameters such as debug_file, the
        // language-data cache): engines made on several threads at once crash it, so one at a time.
        Self.lifecycle.lock()
        defer { Self.lifecycle.unlock() }
        // Tesseract 5.3 crashes on a language file that is not there instead of failing: look first.
        let dataFile = "\(options.dataPath ?? Self.defaultDataPath)/\(options.language).traineddata"
        guard FileManager.default.isReadableFile(atPath: dataFile) else {
            throw PixelRedactionError.ocrEngineUnavailable(engine: "tesseract", reason: "\(dataFile) is missing (install tesseract-ocr-\(options.language))")
        }
        guard let handle = TessBaseAPICreate() else {
            throw PixelRedactionError.ocrEngineUnavailable(engine: "tesseract", reason: "TessBaseAPICreate failed")
        }
        self.handle = handle
        self.options = options
        self.name = "tesseract " + String(cString: TessVersion())
        // Quiet: Tesseract prints warnings (e.g. about resolution) to stderr otherwise.
        _ = TessBaseAPISetVariable(handle, "debug_file", "/dev/null")
        let status = TessBaseAPIInit3(handle, options.dataPath ?? Self.defaultDataPath, options.language)
        guard status == 0 else {
            TessBaseAPIDelete(handle)
            throw PixelRedactionError.ocrEngineUnavailable(
                engine: name, reason: "cannot load language \"\(options.language)\" from \(options.dataPath ?? "the default tessdata directory")")
        }
        // Inversion is decided by preprocessing; Tesseract's own retry on inverted lines only costs time.
        _ = TessBaseAPISetVariable(handle, "tessedit_do_invert", "0")
        OpenMP.useOneThread()
    }

    deinit {
        Self.lifecycle.lock()
        defer { Self.lifecycle.unlock() }
        TessBaseAPIEnd(handle)
        TessBaseAPIDelete(handle)
    }

    private static let lifecycle = NSLock()

    /// TESSDATA_PREFIX, else where Debian's tesseract-ocr-* packages put language data.
    static var defaultDataPath: String {
        ProcessInfo.processInfo.environment["TESSDATA_PREFIX"] ?? "/usr/share/tesseract-ocr/5/tessdata"
    }

    public func recognize(_ image: RenderedImage, region: TextBox, hints: OCRHints) throws -> [OCRWord] {
        try readings(image, region: region, hints: hints)[0]
    }

    /// The reading with the default preprocessing and, when it is doubtful, with the `alternatives`
    /// until one is confident: the most confident first, then the others in the order read.
    public func readings(_ image: RenderedImage, region: TextBox, hints: OCRHints) throws -> [[OCRWord]] {
        // an alternative that prepares the very picture already read (text too large for a bigger
        // scale to change it) would read the same again: it is passed over
        var pictures: [GreyPlane] = []
        func read(_ preprocessing: OCRPreprocessing) throws -> [OCRWord]? {
            guard let prepared = preprocessing.prepare(image, region: region, hints: hints) else { return [] }
            guard !pictures.contains(prepared.plane) else { return nil }
            pictures.append(prepared.plane)
            return try recognize(prepared, region: region, hints: hints)
        }
        var all = [try read(options.preprocessing) ?? []]
        var best = 0
        var bestScore = all[0].readingConfidence
        guard bestScore < options.retryBelowConfidence,
              !all[0].isSettled(below: options.retryBelowConfidence, doubtfulCharacters: options.settledDoubtfulCharacters,
                                ink: hints.ink) else { return all }
        for alternative in options.alternatives {
            // a last resort competes only with readings that are poor: when OCR reads text fairly
            // well, its higher confidence on a changed image is not a better reading
            if alternative.lastResort && bestScore >= options.lastResortBelowConfidence { continue }
            guard let words = try read(alternative) else { continue }
            all.append(words)
            let score = words.readingConfidence
            if score > bestScore {
                best = all.count - 1
                bestScore = score
            }
            if bestScore >= options.retryBelowConfidence { break }
        }
        return [all[best]] + all.indices.filter { $0 != best }.map { all[$0] }
    }

    private func recognize(_ prepared: OCRPreprocessing.Prepared, region: TextBox, hints: OCRHints) throws -> [OCRWord] {
        OpenMP.useOneThread() // per calling thread: workers may move between threads
        let plane = prepared.plane
        TessBaseAPISetPageSegMode(handle, hints.isSingleLine ? PSM_SINGLE_LINE : PSM_SINGLE_BLOCK)
        plane.pixels.withUnsafeBufferPointer { buffer in
            TessBaseAPISetImage(handle, buffer.baseAddress, Int32(plane.width), Int32(plane.height), 1, Int32(plane.width))
        }
        TessBaseAPISetSourceResolution(handle, 300)
        defer { TessBaseAPIClear(handle) }
        guard TessBaseAPIRecognize(handle, nil) == 0 else {
            throw PixelRedactionError.ocrFailed(engine: name, region: "\(region)", reason: "TessBaseAPIRecognize failed")
        }
        return words(prepared)
    }

    /// Walks the result word by word; boxes are mapped back to the source image.
    private func words(_ prepared: OCRPreprocessing.Prepared) -> [OCRWord] {
        guard let iterator = TessBaseAPIGetIterator(handle) else { return [] }
        defer { TessResultIteratorDelete(iterator) }
        let page = TessResultIteratorGetPageIterator(iterator)
        var result: [OCRWord] = []
        var line = -1
        repeat {
            if TessPageIteratorIsAtBeginningOf(page, RIL_TEXTLINE) != 0 { line += 1 }
            guard let text = TessResultIteratorGetUTF8Text(iterator, RIL_WORD) else { continue }
            let word = String(cString: text)
            TessDeleteText(text)
            var left: Int32 = 0, top: Int32 = 0, right: Int32 = 0, bottom: Int32 = 0
            guard !word.trimmingCharacters(in: .whitespaces).isEmpty,
                  TessPageIteratorBoundingBox(page, RIL_WORD, &left, &top, &right, &bottom) != 0 else { continue }
            let box = prepared.sourceBox(TextBox(x: Int(left), y: Int(top), width: Int(right - left), height: Int(bottom - top)))
            let confidence = Double(TessResultIteratorConfidence(iterator, RIL_WORD)) / 100
            result.append(OCRWord(text: word, box: box, confidence: min(max(confidence, 0), 1), line: max(line, 0)))
        } while TessResultIteratorNext(iterator, RIL_WORD) != 0
        return result
    }
}
