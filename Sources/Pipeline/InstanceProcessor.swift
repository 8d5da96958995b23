import Deidentification
import DicomCore
import Foundation

/// The flow of one instance: read, capture identifying values, pixel stage, header stage, verify, write.
public struct InstanceProcessor: Sendable {
    public let settings: DeidentificationSettings
    let header: HeaderDeidentifier

    public init(settings: DeidentificationSettings) {
        self.settings = settings
        self.header = HeaderDeidentifier(profile: settings.profile, key: settings.key)
    }

    public func process(_ input: InputFile) -> InstanceOutcome {
        let start = Date()
        var outcome: InstanceOutcome
        do {
            outcome = try run(input)
        } catch let refusal as Refusal {
            outcome = InstanceOutcome(input: input, status: refusal.status, reason: refusal.reason)
        } catch {
            outcome = InstanceOutcome(input: input, status: .failed, reason: FailureMessage.reason(error))
        }
        outcome.seconds = Date().timeIntervalSince(start)
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
        let captured = header.capture(instance.dataset)
        let pixelsCleaned = try pixelStage(instance, captured: captured)
        let result = try header.deidentify(instance, captured: captured, recording: settings.dryRun, pixelsCleaned: pixelsCleaned)
        var outcome = InstanceOutcome(input: input, status: .ok)
        outcome.counts = result.counts
        outcome.records = result.records
        outcome.sopInstanceUIDBefore = result.originalSOPInstanceUID
        outcome.sopInstanceUIDAfter = result.newSOPInstanceUID
        guard !settings.dryRun else { return outcome }
        let path = settings.naming.path(for: input, dataset: instance.dataset)
        try instance.write(to: path, transferSyntax: instance.losslessTransferSyntax(pixelsModified: pixelsCleaned))
        outcome.outputPath = path
        if settings.verify || pixelsCleaned { try verify(path, input: input, captured: captured, outcome: &outcome) }
        return outcome
    }

    /// Re-reads the written output and re-checks its header for captured values; a hit moves the
    /// output to the quarantine folder (or deletes it when there is none) and records why.
    func verify(_ path: String, input: InputFile, captured: IdentifyingValues, outcome: inout InstanceOutcome) throws {
        var problem: String?
        do {
            let written = try Instance(contentsOf: path)
            let leaks = header.leaks(in: written.dataset, captured: captured)
            if !leaks.isEmpty { problem = "verification found identifying values in \(leaks.joined(separator: ", "))" }
        } catch {
            problem = "verification could not re-read the output: \(FailureMessage.reason(error))"
        }
        guard let problem else { return }
        if let quarantine = settings.quarantine {
            let target = OutputNaming(directory: quarantine, format: .dicom).path(for: input)
            try AtomicFile.ensureDirectory(of: target)
            if rename(path, target) != 0 { unlink(path) }
            outcome.outputPath = target
        } else {
            unlink(path)
            outcome.outputPath = nil
        }
        outcome.status = .quarantined
        outcome.reason = problem
    }

    /// Returns whether pixels were cleaned. Fails closed: what cannot be cleaned is refused.
    func pixelStage(_ instance: Instance, captured: IdentifyingValues) throws -> Bool {
        guard instance.hasPixelData else { return false }
        switch settings.pixels {
        case .off:
            if PixelPolicy.mayCarryBurnedInText(instance.dataset) && !settings.allowBurnedIn {
                throw Refusal(status: .refused, reason: "may carry burned-in text (modality or BurnedInAnnotation) and "
                    + "--pixels off was given; use --allow-burned-in to write it anyway")
            }
            return false
        case .sensitive, .allText, .allButSafe:
            throw Refusal(status: .refused, reason: "pixel redaction (--pixels \(settings.pixels.rawValue)) is not available in this build; "
                + "use --pixels off (with --allow-burned-in for images that may carry burned-in text)")
        }
    }
}
