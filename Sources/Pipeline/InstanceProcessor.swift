import Deidentification
import DicomCore
import Foundation
import PHIDetection
import PixelRedaction

/// The flow of one instance: read, capture identifying values, pixel stage, header stage, verify, write.
public struct InstanceProcessor: Sendable {
    public let settings: DeidentificationSettings
    let header: HeaderDeidentifier
    let pixels: PixelStage?

    /// Throws when the pixel stage cannot be set up (its lists do not load): nothing is processed then.
    public init(settings: DeidentificationSettings, engines: OCREnginePool = OCREnginePool()) throws {
        self.settings = settings
        self.header = HeaderDeidentifier(profile: settings.profile, key: settings.key)
        var pixels = settings.pixels == .off ? nil
            : try PixelStage(options: settings.redaction, deviceRules: settings.deviceRules, engines: engines)
        pixels?.capturesThumbnails = settings.review != nil
        pixels?.keepsPatientAge = settings.profile.rule(for: .patientAge)?.action == .keep
        self.pixels = pixels
    }

    public func process(_ input: InputFile) -> InstanceOutcome {
        let start = Date()
        var outcome: InstanceOutcome
        do {
            outcome = try RasterImage.canRead(path: input.path) ? runRaster(input) : run(input)
        } catch let refusal as Refusal {
            outcome = InstanceOutcome(input: input, status: refusal.status, reason: refusal.reason)
        } catch let error as PipelineError {
            outcome = InstanceOutcome(input: input, status: .refused, reason: error.description)
        } catch {
            outcome = InstanceOutcome(input: input, status: .failed, reason: FailureMessage.reason(error))
        }
        outcome.seconds = Date().timeIntervalSince(start)
        settings.review?.add(outcome)
        return outcome
    }

    struct Refusal: Error {
        var status: InstanceOutcome.Status
        var reason: String
    }

    func run(_ input: InputFile) throws -> InstanceOutcome {
        let instance: Instance
        do {
            instance = try Instance(contentsOf: input.path)
        } catch where !input.isExplicit && !DicomSniffer.looksLikeDicom(path: input.path) {
            throw Refusal(status: .skipped, reason: "not a DICOM file")
        }
        if instance.dataset.firstValue(.sopClassUID) == DicomDirectory.sopClassUID || instance.meta.firstValue(Tag(0x0002, 0x0002)) == DicomDirectory.sopClassUID {
            throw Refusal(status: .skipped, reason: "DICOMDIR not copied (it indexes identifying values); make a new one from the outputs")
        }
        if PixelPolicy.mayShowFace(instance.dataset) && !settings.allowPhotographs {
            throw Refusal(status: .refused, reason: "an external-camera photograph may show a face, which dcmdeid does not "
                + "detect; use --allow-photographs to write it anyway")
        }
        let captured = header.capture(instance.dataset)
        let nonPictorial = pixels != nil && instance.hasPixelData ? PixelPolicy.nonPictorialKind(instance.dataset) : nil
        let cleaned = nonPictorial == nil ? try pixelStage(instance, captured: captured) : nil
        let pixelsCleaned = cleaned?.modified ?? false
        let result = try header.deidentify(instance, captured: captured, recording: settings.dryRun, pixelsCleaned: pixelsCleaned)
        var outcome = InstanceOutcome(input: input, status: .ok)
        outcome.counts = result.counts
        outcome.records = result.records
        outcome.sopInstanceUIDBefore = result.originalSOPInstanceUID
        outcome.sopInstanceUIDAfter = result.newSOPInstanceUID
        outcome.pixels = cleaned.map(PixelSummary.init)
            ?? nonPictorial.map { .notChecked("pixel data of a \($0) are not a picture: no burned-in text to look for") }
        outcome.review = cleaned?.thumbnails.flatMap { settings.review?.save($0, for: input) }
        guard !settings.dryRun else { return outcome }
        if settings.naming.format == .png {
            var frames = try cleaned?.frames ?? instance.decodePixels()
            let renderer = FrameRenderer(dataset: instance.dataset)
            if pixelsCleaned, let pixels {
                try verifyBeforePNG(&frames, renderer: renderer, context: pixels.context(captured), pixels: pixels,
                                    firstPass: cleaned?.result ?? PixelRedactionResult(), outcome: &outcome)
                guard outcome.status == .ok else { return outcome }
            }
            outcome.outputPath = try writePNG(frames, renderer: renderer, input: input, dataset: instance.dataset).first
            return outcome
        }
        let path = settings.naming.path(for: input, dataset: instance.dataset)
        try instance.write(to: path, transferSyntax: instance.losslessTransferSyntax(pixelsModified: pixelsCleaned))
        outcome.outputPath = path
        if settings.verify || pixelsCleaned {
            verify(path, input: input, captured: captured, pixelsCleaned: pixelsCleaned,
                   firstPass: cleaned?.result ?? PixelRedactionResult(), outcome: &outcome)
        }
        return outcome
    }

    /// PNG and JPEG inputs: OCR and patterns only (there is no header), written as PNG.
    func runRaster(_ input: InputFile) throws -> InstanceOutcome {
        var frames = try RasterImage.read(path: input.path)
        var outcome = InstanceOutcome(input: input, status: .ok)
        if let pixels {
            let context = pixels.context(IdentifyingValues())
            let cleaned = try pixels.clean(&frames, renderer: FrameRenderer(), context: context)
            frames = cleaned.frames
            outcome.pixels = PixelSummary(cleaned)
            outcome.review = cleaned.thumbnails.flatMap { settings.review?.save($0, for: input) }
            if cleaned.modified && !settings.dryRun {
                try verifyBeforePNG(&frames, renderer: FrameRenderer(), context: context, pixels: pixels,
                                    firstPass: cleaned.result, outcome: &outcome)
                guard outcome.status == .ok else { return outcome }
            }
        } else if !settings.allowBurnedIn {
            throw Refusal(status: .refused, reason: "a picture may carry burned-in text and --pixels off was given; "
                + "use --allow-burned-in to write it anyway")
        }
        guard !settings.dryRun else { return outcome }
        var naming = settings.naming
        naming.format = .png
        let path = naming.path(for: input)
        try RasterImage.writePNG(FrameRenderer().render(frames, frame: 0), to: path, dpi: settings.dpi)
        outcome.outputPath = path
        return outcome
    }

    func writePNG(_ frames: PixelFrames, renderer: FrameRenderer, input: InputFile, dataset: Dataset) throws -> [String] {
        try (0..<frames.frameCount).map { frame in
            let path = settings.naming.path(for: input, dataset: dataset, frame: frames.frameCount > 1 ? frame : nil)
            try RasterImage.writePNG(renderer.render(frames, frame: frame), to: path, dpi: settings.dpi)
            return path
        }
    }

    /// Runs the pixel stage (nil with `--pixels off`). Fails closed: what cannot be cleaned is refused.
    func pixelStage(_ instance: Instance, captured: IdentifyingValues) throws -> PixelStage.Outcome? {
        guard instance.hasPixelData else { return nil }
        guard let pixels else {
            if PixelPolicy.mayCarryBurnedInText(instance.dataset) && !settings.allowBurnedIn {
                throw Refusal(status: .refused, reason: "may carry burned-in text (modality or BurnedInAnnotation) and "
                    + "--pixels off was given; use --allow-burned-in to write it anyway")
            }
            return nil
        }
        return try pixels.clean(instance, captured: captured)
    }

    /// Re-reads the written output and re-checks it: where pixels were cleaned, OCR reads the cleaned
    /// frames again and what it still finds is painted and the output written again, once; then the
    /// header is scanned for captured values. PHI still found moves the output to the quarantine
    /// folder (or deletes it when there is none) with the reason.
    func verify(_ path: String, input: InputFile, captured: IdentifyingValues, pixelsCleaned: Bool,
                firstPass: PixelRedactionResult = PixelRedactionResult(), outcome: inout InstanceOutcome) {
        var problems: [String] = []
        do {
            var written = try Instance(contentsOf: path)
            if pixelsCleaned, let pixels {
                let residual = try repaint(&written, at: path, pixels: pixels, captured: captured, firstPass: firstPass,
                                           outcome: &outcome)
                if residual > 0 { problems.append("verification still reads \(residual) PHI finding(s) in the cleaned pixels") }
            }
            let leaks = header.leaks(in: written.dataset, captured: captured)
            if !leaks.isEmpty { problems.append("verification found identifying values in \(leaks.joined(separator: ", "))") }
        } catch {
            problems.append("verification could not re-read the output: \(FailureMessage.reason(error))")
        }
        guard !problems.isEmpty else { return }
        outcome.status = .quarantined
        outcome.reason = problems.joined(separator: "; ")
        outcome.outputPath = quarantine(path, of: input, reason: &outcome.reason)
    }

    /// Moves a failed output into the quarantine folder; where there is none, or the move fails, the
    /// output is deleted (it must not stay where outputs are). Returns where it is kept, if anywhere.
    func quarantine(_ path: String, of input: InputFile, reason: inout String?) -> String? {
        guard let folder = settings.quarantine else {
            unlink(path)
            return nil
        }
        let target = OutputNaming(directory: folder, format: .dicom).path(for: input)
        do {
            try AtomicFile.ensureDirectory(of: target)
            if rename(path, target) == 0 { return target }
            reason = (reason ?? "") + "; not kept in quarantine: \(String(cString: strerror(errno)))"
        } catch {
            reason = (reason ?? "") + "; not kept in quarantine: \(FailureMessage.reason(error))"
        }
        unlink(path)
        return nil
    }

    /// The pixel half of verification: the pixel stage run again on the written output, reading the
    /// text around what was painted and looking for PHI (sensitive mode, whatever the run's mode).
    /// Findings it still redacts (text the first pass read only in part, or read differently once its
    /// neighbours were painted) are painted, recorded as `verification/<recognizer>`, and the output is written
    /// again and re-read; returns how many findings a final reading still redacts (0 when clean).
    func repaint(_ written: inout Instance, at path: String, pixels: PixelStage, captured: IdentifyingValues,
                 firstPass: PixelRedactionResult, outcome: inout InstanceOutcome) throws -> Int {
        let near = Self.paintedAreas(outcome, firstPass: firstPass)
        let second = try pixels.clean(written, captured: captured, readOnlyNear: near)
        guard second.modified else { return 0 }
        Self.record(second, in: &outcome)
        try written.write(to: path, transferSyntax: written.losslessTransferSyntax(pixelsModified: true))
        written = try Instance(contentsOf: path)
        let final = try pixels.clean(written, captured: captured, readOnlyNear: near.adding(painted: second.result.painted))
        return Self.residual(final)
    }

    /// Verification of PNG outputs, before they are written (a PNG has no header to re-check, and
    /// the cleaned frames are what gets rendered): the same re-reading around the painted boxes,
    /// repainting once; PHI a final reading still finds refuses the file (the outcome says so, with
    /// its findings), and the caller writes nothing.
    func verifyBeforePNG(_ frames: inout PixelFrames, renderer: FrameRenderer, context: PHIContext, pixels: PixelStage,
                         firstPass: PixelRedactionResult = PixelRedactionResult(), outcome: inout InstanceOutcome) throws {
        let near = Self.paintedAreas(outcome, firstPass: firstPass)
        let second = try pixels.clean(&frames, renderer: renderer, context: context, readOnlyNear: near)  // paints into `frames`
        guard second.modified else { return }
        Self.record(second, in: &outcome)
        var check = frames
        let residual = Self.residual(try pixels.clean(&check, renderer: renderer, context: context,
                                                      readOnlyNear: near.adding(painted: second.result.painted)))
        guard residual == 0 else {
            outcome.status = .refused
            outcome.reason = "verification still reads \(residual) PHI finding(s) in the cleaned pixels; no PNG written"
            return
        }
    }

    /// Where text was painted, a glyph height or two around each box: what OCR cut short is beside it.
    static func areasAroundPaintedBoxes(_ outcome: InstanceOutcome) -> [Int: [TextBox]] {
        var near: [Int: [TextBox]] = [:]
        for finding in outcome.pixels?.findings ?? [] where finding.decision == .redacted {
            let margin = max(8, 2 * finding.box.height)
            near[finding.frame, default: []].append(finding.box.insetBy(dx: margin, dy: finding.box.height / 2))
        }
        return near
    }

    /// What verification reads around: the areas around the findings painted, with the first pass's
    /// search levels and the boxes it painted.
    static func paintedAreas(_ outcome: InstanceOutcome, firstPass: PixelRedactionResult) -> PaintedAreas {
        PaintedAreas(boxes: areasAroundPaintedBoxes(outcome), levels: firstPass.searchLevels, painted: firstPass.painted)
    }

    /// Adds what verification painted to the outcome's findings, as `verification/<recognizer>`.
    static func record(_ repainted: PixelStage.Outcome, in outcome: inout InstanceOutcome) {
        outcome.pixels?.findings += repainted.result.findings.filter { $0.decision == .redacted }.map { finding in
            var finding = finding
            finding.recognizer = "verification/" + finding.recognizer
            return finding
        }
    }

    /// How many PHI findings a final reading still redacts (0 when clean).
    static func residual(_ final: PixelStage.Outcome) -> Int {
        final.modified ? max(1, final.result.findings.filter { $0.decision == .redacted }.count) : 0
    }

}
