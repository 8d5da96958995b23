import ArgumentParser
import Deidentification
import DicomCore
import Foundation
import Pipeline

struct Deidentify: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "De-identify DICOM files per a PS3.15 profile, writing them under --output in the same tree.",
        discussion: """
            Replacement UIDs, IDs and date shifts derive from a keyed hash under --key-file, so the same key \
            and input give the same output on every run and machine. Without --key-file, the key in \
            $DCMDEID_KEY is used, or one is created beside the output folder (OUTPUT.key, mode 0600).
            """)

    @Argument(help: "Files or folders (searched recursively; non-DICOM files are skipped).")
    var inputs: [String]

    @Option(name: .shortAndLong, help: "Output folder; outputs mirror the input tree.")
    var output: String

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

    @Flag(help: "List what each rule would do per file (tags and actions, no values); write nothing.")
    var dryRun = false

    @Option(help: "Worker threads (default: the number of cores).")
    var jobs: Int = BatchRunner.defaultJobs

    @Flag(help: "No progress output.")
    var quiet = false

    func validate() throws {
        guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1") }
        for input in inputs where !FileManager.default.fileExists(atPath: input) {
            throw ValidationError("\(input): no such file or directory")
        }
    }

    func run() throws {
        let library = try ProfileLibrary.locate()
        let loaded = try library.load(profile, options: options)
        let key = try dryRun ? SecretKey(text: "dry-run key, never used for output") : resolveKey()
        let settings = DeidentificationSettings(
            profile: loaded, key: key, naming: OutputNaming(directory: output, format: .dicom),
            pixels: pixels, allowBurnedIn: allowBurnedIn, dryRun: dryRun)
        let processor = InstanceProcessor(settings: settings)
        let explicitFiles = Set(inputs.filter { !InputWalker.isDirectory($0) })
        let progress = ProgressReporter(quiet: quiet || dryRun)
        let state = RunState()
        BatchRunner(inputs: InputWalker(roots: inputs), jobs: dryRun ? 1 : jobs).run({ input in
            processor.process(input, skipNonDicom: !explicitFiles.contains(input.path))
        }, report: { outcome in
            state.summary.add(outcome)
            if dryRun { DryRunListing.print(outcome) }
            if outcome.status == .refused || outcome.status == .failed {
                progress.error("\(outcome.input.path): \(outcome.status.rawValue): \(outcome.reason ?? "unknown reason")")
            }
            progress.update(state.summary)
        })
        progress.finish()
        if !quiet { Console.note(state.summary.lines.joined(separator: "\n")) }
        if state.summary.hasProblems { throw ExitCode(1) }
    }

    func resolveKey() throws -> SecretKey {
        if let keyFile {
            if FileManager.default.fileExists(atPath: keyFile) { return try SecretKey.read(path: keyFile) }
            let key = try SecretKey.create(path: keyFile)
            Console.note("created a new key in \(keyFile) (keep it secret; reuse it for consistent pseudonyms)")
            return key
        }
        if let text = ProcessInfo.processInfo.environment["DCMDEID_KEY"], !text.isEmpty { return SecretKey(text: text) }
        let path = (output.hasSuffix("/") ? String(output.dropLast()) : output) + ".key"
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
