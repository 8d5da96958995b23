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

    @Option(help: "Write a static HTML review (before/after thumbnails, findings, summary) to this folder (mode 0700: it shows the original images).")
    var review: String?

    @OptionGroup var deidentification: DeidentificationOptions

    @Option(help: "Output format: dicom, or png (the cleaned render, one file per frame).")
    var format: OutputFormat = .dicom

    @Option(help: "Resolution recorded in PNG outputs, in dots per inch.")
    var dpi: Int = 96

    @Option(help: "Prefix for output file names, e.g. de-id-.")
    var namePrefix: String = ""

    @Option(help: "Output layout: mirror (same relative paths) or hierarchy (Patient/Study/Series/Instance.dcm).")
    var layout: OutputLayout = .mirror

    @Option(help: "The audit log (JSON lines); default OUTPUT.audit.jsonl beside the output folder.")
    var audit: String?

    @Flag(help: "Skip inputs already written by an earlier run with the same profile, options and key.")
    var resume = false

    @Option(help: "Process only shard K of N (K/N, K from 0); also taken from Slurm array or Kubernetes Indexed Job variables.")
    var shard: String?

    @Flag(inversion: .prefixedNo, help: "Re-read each output: re-check its header for captured values and, where pixels were cleaned, re-OCR the text around each painted box (what it still reads is painted and the output rewritten once); what still fails goes to OUTPUT.quarantine. Always on when pixels are cleaned.")
    var verify = false

    @Flag(help: "List what each rule would do per file (tags and actions, no values); write nothing.")
    var dryRun = false

    @Option(help: "Worker threads (default: the number of cores).")
    var jobs: Int = BatchRunner.defaultJobs

    @Flag(help: "No progress output.")
    var quiet = false

    func validate() throws {
        guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1") }
        guard dpi > 0 else { throw ValidationError("--dpi must be positive") }
        guard !inputs.isEmpty || fromList != nil else { throw ValidationError("give input files or folders, or --from-list") }
        for input in inputs where !FileManager.default.fileExists(atPath: input) {
            throw ValidationError("\(input): no such file or directory")
        }
        if let fromList { try InputList.check(fromList) }
        if let shard { _ = try Shard(parsing: shard) }
    }

    func run() throws {
        let engines = OCREnginePool()
        // Tesseract starts while the profile and lists load: the first lines read need not wait for it
        // (one engine a worker, no more than the cores: a large --jobs on a small input starts the rest on demand)
        if deidentification.pixels != .off { engines.warmUp(dryRun ? 1 : min(jobs, BatchRunner.defaultJobs)) }
        // (the engines end here, not on the warm-up thread while the process exits; errors included)
        defer { engines.shutDown() }
        let loaded = try deidentification.loadProfile()
        let key = try dryRun ? SecretKey(text: "dry-run key, never used for output")
            : deidentification.resolveKey(defaultPath: trimmedOutput + ".key")
        var settings = try deidentification.settings(
            profile: loaded, key: key,
            naming: OutputNaming(directory: output, format: format, namePrefix: namePrefix, layout: layout),
            dryRun: dryRun, dpi: dpi)
        settings.verify = verify
        settings.quarantine = trimmedOutput + ".quarantine"
        settings.review = try review.map { try ReviewReport(directory: $0, includeText: deidentification.reportText) }
        let fingerprint = runFingerprint(profile: loaded, key: key)
        let auditPath = audit ?? trimmedOutput + ".audit.jsonl"
        let selection = InputSelection(shard: try shard.map(Shard.init(parsing:)) ?? Shard.fromEnvironment(),
                                           alreadyDone: resume ? AuditLog.completed(in: auditPath, runFingerprint: fingerprint) : [],
                                           outputExists: { settings.naming.layout == .mirror && FileManager.default.fileExists(atPath: settings.naming.path(for: $0)) })
        if resume { StaleTemporaryFiles.clean(under: output) }
        let log = dryRun ? nil : try AuditLog(path: auditPath)
        let summary = try process(settings: settings, selection: selection, log: log, fingerprint: fingerprint, engines: engines)
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

    func process(settings: DeidentificationSettings, selection: InputSelection, log: AuditLog?, fingerprint: String,
                 engines: OCREnginePool) throws -> RunSummary {
        let processor = try InstanceProcessor(settings: settings, engines: engines)
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

    var trimmedOutput: String { output.hasSuffix("/") ? String(output.dropLast()) : output }

    /// Profile, options, parameters' effect and key, without revealing the key.
    func runFingerprint(profile: Profile, key: SecretKey) -> String {
        ([profile.name] + profile.options.map(\.name) + [key.fingerprint, deidentification.pixels.rawValue, layout.rawValue]).joined(separator: "+")
    }

}

/// Mutable tallies shared with the report callback (which the runner serialises).
final class RunState: @unchecked Sendable {
    var summary = RunSummary()
}

extension OutputLayout: ExpressibleByArgument {}
