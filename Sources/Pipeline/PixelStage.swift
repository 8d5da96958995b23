import Deidentification
import DicomCore
import PHIDetection
import PixelRedaction

/// The pixel stage of one instance: decode every frame, find and hide burned-in PHI per the mode,
/// clear overlay bits embedded in the pixel data, and put the cleaned pixels back. Fails closed:
/// pixels that cannot be decoded or an OCR engine that cannot start refuse the instance.
public struct PixelStage: Sendable {
    public let redactor: PixelRedactor
    public let deviceRules: DeviceRegionRules?
    let engines: OCREnginePool
    /// Keep thumbnails of frame 0 before and after painting (for `--review`).
    public var capturesThumbnails = false
    /// The profile keeps the patient's age (Retain Patient Characteristics): printed ages under 90 stay too.
    public var keepsPatientAge = false

    public init(options: RedactionOptions, deviceRules: DeviceRegionRules?, engines: OCREnginePool) throws {
        redactor = try PixelRedactor(options: options)
        self.deviceRules = deviceRules
        self.engines = engines
    }

    public struct Outcome: Sendable {
        public var frames: PixelFrames
        public var result: PixelRedactionResult
        /// Whether the native pixels changed (text painted or overlay bits cleared).
        public var modified: Bool
        /// Frame 0 before and after, when `capturesThumbnails` is set.
        public var thumbnails: ReviewThumbnails? = nil
    }

    /// Cleans a DICOM instance's pixels in place (the dataset's pixel data is replaced when changed).
    /// `readOnlyNear` (the areas around painted boxes): verification of an output already cleaned —
    /// only text touching those areas is read, and device rules are not applied again.
    public func clean(_ instance: Instance, captured: IdentifyingValues, readOnlyNear areas: PaintedAreas? = nil) throws -> Outcome {
        var frames: PixelFrames
        do {
            frames = try instance.decodePixels()
        } catch {
            throw PipelineError.pixelsNotCleanable(reason: FailureMessage.reason(error))
        }
        let context = self.context(captured)
        let fixed = areas == nil ? deviceRules?.boxes(for: instance.dataset, meta: instance.meta) ?? [] : []
        var outcome = try clean(&frames, renderer: FrameRenderer(dataset: instance.dataset), context: context, fixedBoxes: fixed,
                                readOnlyNear: areas)
        if RedactionPainter.clearEmbeddedOverlayBits(in: &outcome.frames) {
            outcome.modified = true
            if capturesThumbnails { outcome.thumbnails?.after = FrameRenderer(dataset: instance.dataset).render(outcome.frames, frame: 0).thumbnail() }
        }
        if outcome.modified {
            try instance.replacePixels(with: outcome.frames)
            // The identifying text found was painted over: the image no longer carries it.
            try instance.dataset.set(.burnedInAnnotation, string: "NO")
        }
        return outcome
    }

    /// Cleans frames that are not DICOM (PNG, JPEG): only patterns and lexicons, no header context.
    public func clean(_ frames: inout PixelFrames, renderer: FrameRenderer, context: PHIContext,
                      fixedBoxes: [TextBox] = [], readOnlyNear areas: PaintedAreas? = nil) throws -> Outcome {
        // verification (areas given) reads the output again: its thumbnails were taken the first time
        let before = capturesThumbnails && areas == nil && frames.frameCount > 0 ? renderer.render(frames, frame: 0) : nil
        // verification looks for PHI still readable, whatever the mode: in the all-text modes every
        // scrap OCR reads beside a box (texture read as "ee") would otherwise be painted, and the
        // scraps beside that box next time, without end
        var redactor = redactor
        if areas != nil && redactor.options.mode != .off { redactor.options.mode = .sensitive }
        let result = try engines.withEngine { engine in
            try redactor.redact(&frames, renderer: renderer, context: context, engine: engine, fixedBoxes: fixedBoxes,
                                readOnlyNear: areas)
        }
        var outcome = Outcome(frames: frames, result: result, modified: result.modified)
        if let before {
            outcome.thumbnails = ReviewThumbnails(before: before.thumbnail(), after: renderer.render(frames, frame: 0).thumbnail(),
                                                  nativeWidth: before.width, nativeHeight: before.height)
        }
        return outcome
    }

    /// The header values burned-in text is matched against: those captured (at every depth) before
    /// the header stage, the same capture the leak check uses (none for PNG and JPEG inputs); and whether
    /// the profile keeps the age.
    func context(_ captured: IdentifyingValues) -> PHIContext {
        var context = PHIContext(names: captured.names, identifiers: captured.identifiers, dates: captured.dates,
                                 times: captured.times, places: captured.places, other: captured.other)
        context.keepsPatientAge = keepsPatientAge
        return context
    }
}
