import ArgumentParser
import Deidentification
import DicomCore
import Foundation
import Pipeline
import PixelRedaction

struct Deidentify: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "De-identify DICOM files per a PS3.15 profile, writing them under --output in the same tree.",
        discussion: """
            Replacement UIDs, IDs and date shifts derive from a keyed hash under --key-file, so the same key \
            and input give the same output on every run, machine and shard. Without --key-file, the key in \
            $DCMDEID_KEY is used, or one is created beside the output folder (OUTPUT.key, mode 0600).

            Every input gets one JSON line in the audit log (OUTPUT.audit.jsonl by default): paths, SOP \
            Instance UID before and after, action counts, status and reason — never a header value.
            """)

    @Argument(help: "Files, folders (searched recursively; non-DICOM files are skipped) or DICOMDIR files.")
    var inputs: [String] = []

    @Option(name: .shortAndLong, help: "Output folder.")
    var output: String

    @Option(help: "Read input paths from this file, one per line ('-' for stdin).")
    var fromList: String?

    @Option(help: "A built-in profile name (see `dcmdeid profiles list`) or a profile file.")
    var profile: String = "basic"

    @Option(name: .customLong("option"), help: "A profile option to add, e.g. retain-uids (repeatable).")
    var options: [String] = []

    @Option(help: "The secret key file for pseudonyms (created with mode 0600 when missing).")
    var keyFile: String?

    @Option(help: "Burned-in text handling: off, sensitive, all-text, all-but-safe.")
    var pixels: PixelMode = .sensitive

    @Flag(help: "With --pixels off, also write images that may carry burned-in text.")
    var allowBurnedIn = false

    @Option(help: "In sensitive mode, the lowest PHI confidence (0-1) that is painted over.")
    var threshold: Double = 0.5

    @Option(help: "Colour of redaction boxes: a name (black, white, red, …) or #RRGGBB.")
    var boxColor: String = "black"

    @Option(help: "Pixels added around each redaction box.")
    var padding: Int = 2

    @Flag(help: "Include the text read in pixel findings of the audit log (off: it may be PHI).")
    var reportText = false

    @Option(help: "Write a static HTML review (before/after thumbnails, findings, summary) to this folder (mode 0700: it shows the original images).")
    var review: String?

    @Option(help: "Output format: dicom, or png (the cleaned render, one file per frame).")
    var format: OutputFormat = .dicom

    @Option(help: "Resolution recorded in PNG outputs, in dots per inch.")
    var dpi: Int = 96

    @Option(help: "Prefix for output file names, e.g. de-id-.")
    var namePrefix: String = ""

    @Option(help: "Device-signature regions painted without OCR (CTP DicomPixelAnonymizer script); 'none' to skip.")
    var pixelRules: String?

    @Option(help: "Output layout: mirror (same relative paths) or hierarchy (Patient/Study/Series/Instance.dcm).")
    var layout: OutputLayout = .mirror

    @Option(help: "The audit log (JSON lines); default OUTPUT.audit.jsonl beside the output folder.")
    var audit: String?

    @Flag(help: "Skip inputs already written by an earlier run with the same profile, options and key.")
    var resume = false

    @Option(help: "Process only shard K of N (K/N, K from 0); also taken from Slurm array or Kubernetes Indexed Job variables.")
    var shard: String?

    @Flag(inversion: .prefixedNo, help: "Re-read each output and re-check its header; failures go to OUTPUT.quarantine (always on when pixels are cleaned).")
    var verify = false

    @Flag(help: "List what each rule would do per file (tags and actions, no values); write nothing.")
    var dryRun = false

    @Option(help: "Worker threads (default: the number of cores).")
    var jobs: Int = BatchRunner.defaultJobs

    @Flag(help: "No progress output.")
    var quiet = false

    func validate() throws {
        guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1") }
        guard (0...1).contains(threshold) else { throw ValidationError("--threshold must be between 0 and 1") }
        guard padding >= 0, dpi > 0 else { throw ValidationError("--padding must be >= 0 and --dpi > 0") }
        do { _ = try BoxColor(parsing: boxColor) } catch { throw ValidationError("--box-color: \(error)") }
        guard !inputs.isEmpty || fromList != nil else { throw ValidationError("give input files or folders, or --from-list") }
        for input in inputs where !FileManager.default.fileExists(atPath: input) {
            throw ValidationError("\(input): no such file or directory")
        }
        if let fromList { try InputList.check(fromList) }
        if let shard { _ = try Shard(parsing: shard) }
    }

    func run() throws {
        let loaded = try ProfileLibrary.locate().load(profile, options: options)
        let key = try dryRun ? SecretKey(text: "dry-run key, never used for output") : resolveKey()
        var settings = DeidentificationSettings(
            profile: loaded, key: key,
            naming: OutputNaming(directory: output, format: format, namePrefix: namePrefix, layout: layout),
            pixels: pixels, allowBurnedIn: allowBurnedIn, dryRun: dryRun, dpi: dpi)
        settings.redaction = RedactionOptions(mode: pixels, threshold: threshold, boxColor: try BoxColor(parsing: boxColor),
                                              padding: padding, includeText: reportText)
        settings.deviceRules = try loadPixelRules()
        settings.verify = verify
        settings.quarantine = trimmedOutput + ".quarantine"
        settings.review = try review.map { try ReviewReport(directory: $0, includeText: reportText) }
        let fingerprint = runFingerprint(profile: loaded, key: key)
        let auditPath = audit ?? trimmedOutput + ".audit.jsonl"
        let selection = try InputSelection(shard: try shard.map(Shard.init(parsing:)) ?? Shard.fromEnvironment(),
                                           alreadyDone: resume ? AuditLog.completed(in: auditPath, runFingerprint: fingerprint) : [],
                                           outputExists: { settings.naming.layout == .mirror && FileManager.default.fileExists(atPath: settings.naming.path(for: $0)) })
        if resume { StaleTemporaryFiles.clean(under: output) }
        let log = dryRun ? nil : try AuditLog(path: auditPath)
        let summary = try process(settings: settings, selection: selection, log: log, fingerprint: fingerprint)
        log?.append(AuditSummary(ok: summary.ok, refused: summary.refused, failed: summary.failed, skipped: summary.skipped,
                                 seconds: Date().timeIntervalSince(summary.started), profile: loaded.name,
                                 options: loaded.options.map(\.name), runFingerprint: fingerprint,
                                 shard: selection.shard?.description))
        if let report = settings.review {
            try report.write()
            if !quiet { Console.note("review: \(report.indexPath)") }
        }
        if !quiet {
            Console.note(summary.lines.joined(separator: "\n") + (selection.resumed > 0 ? "\nresumed:  \(selection.resumed) already done" : ""))
        }
        if summary.hasProblems { throw ExitCode(1) }
    }

    func process(settings: DeidentificationSettings, selection: InputSelection, log: AuditLog?, fingerprint: String) throws -> RunSummary {
        let processor = try InstanceProcessor(settings: settings)
        let progress = ProgressReporter(quiet: quiet || dryRun)
        let state = RunState()
        let sources: AnySequence<InputFile> = fromList.map { AnySequence(InputList(source: $0)) } ?? AnySequence(InputWalker(roots: inputs))
        if fromList == nil && selection.shard == nil && !resume { progress.countInBackground(InputWalker(roots: inputs)) }
        BatchRunner(inputs: selection.filter(sources), jobs: dryRun ? 1 : jobs).run({ input in
            processor.process(input)
        }, report: { [dryRun] outcome in
            state.summary.add(outcome)
            log?.append(AuditRecord(outcome: outcome, profile: settings.profile, runFingerprint: fingerprint))
            if dryRun { DryRunListing.print(outcome) }
            if [.refused, .failed, .quarantined].contains(outcome.status) {
                progress.error("\(outcome.input.path): \(outcome.status.rawValue): \(outcome.reason ?? "unknown reason")")
            }
            progress.update(state.summary)
        })
        progress.finish()
        return state.summary
    }

    /// The device-region library: --pixel-rules, else the CTP script shipped in profiles/pixel-regions.
    func loadPixelRules() throws -> DeviceRegionRules? {
        guard pixels != .off, pixelRules != "none" else { return nil }
        if let pixelRules { return try DeviceRegionRules(path: pixelRules) }
        let builtIn = PathName.join(try ProfileLibrary.locate().directory, "pixel-regions/ctp-DicomPixelAnonymizer.script")
        return FileManager.default.fileExists(atPath: builtIn) ? try DeviceRegionRules(path: builtIn) : nil
    }

    var trimmedOutput: String { output.hasSuffix("/") ? String(output.dropLast()) : output }

    /// Profile, options, parameters' effect and key, without revealing the key.
    func runFingerprint(profile: Profile, key: SecretKey) -> String {
        ([profile.name] + profile.options.map(\.name) + [key.fingerprint, pixels.rawValue, layout.rawValue]).joined(separator: "+")
    }

    func resolveKey() throws -> SecretKey {
        if let keyFile {
            if FileManager.default.fileExists(atPath: keyFile) { return try SecretKey.read(path: keyFile) }
            let key = try SecretKey.create(path: keyFile)
            Console.note("created a new key in \(keyFile) (keep it secret; reuse it for consistent pseudonyms)")
            return key
        }
        if let text = ProcessInfo.processInfo.environment["DCMDEID_KEY"], !text.isEmpty { return SecretKey(text: text) }
        let path = trimmedOutput + ".key"
        if FileManager.default.fileExists(atPath: path) {
            Console.note("using the key in \(path)")
            return try SecretKey.read(path: path)
        }
        let key = try SecretKey.create(path: path)
        Console.note("created a new key in \(path) (keep it secret; reuse it for consistent pseudonyms)")
        return key
    }
}

/// Mutable tallies shared with the report callback (which the runner serialises).
final class RunState: @unchecked Sendable {
    var summary = RunSummary()
}

extension PixelMode: ExpressibleByArgument {}
extension OutputLayout: ExpressibleByArgument {}
