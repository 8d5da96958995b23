import ArgumentParser
import Deidentification
import DicomCore
import Foundation
import Pipeline
import PixelRedaction

/// The options `deidentify` and `serve` share: profile, key and pixel redaction.
struct DeidentificationOptions: ParsableArguments {
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

    @Flag(help: "Also write external-camera photographs (modality XC, VL photographic images): they may show a face, which dcmdeid does not detect.")
    var allowPhotographs = false

    @Option(help: "In sensitive mode, the lowest PHI confidence (0-1) that is painted over.")
    var threshold: Double = 0.5

    @Option(help: "Colour of redaction boxes: a name (black, white, red, …) or #RRGGBB.")
    var boxColor: String = "black"

    @Option(help: "Pixels added around each redaction box.")
    var padding: Int = 2

    @Flag(help: "Include the text read in pixel findings of the audit log and review (off: it may be PHI).")
    var reportText = false

    @Option(help: "Device-signature regions painted without OCR (CTP DicomPixelAnonymizer script); 'none' to skip.")
    var pixelRules: String?

    func validate() throws {
        guard (0...1).contains(threshold) else { throw ValidationError("--threshold must be between 0 and 1") }
        guard padding >= 0 else { throw ValidationError("--padding must be >= 0") }
        do { _ = try BoxColor(parsing: boxColor) } catch { throw ValidationError("--box-color: \(error)") }
    }

    func loadProfile() throws -> Profile {
        try ProfileLibrary.locate().load(profile, options: options)
    }

    /// Settings for the pipeline with these options.
    func settings(profile: Profile, key: SecretKey, naming: OutputNaming, dryRun: Bool, dpi: Int = 96) throws -> DeidentificationSettings {
        var settings = DeidentificationSettings(profile: profile, key: key, naming: naming, pixels: pixels,
                                                allowBurnedIn: allowBurnedIn, dryRun: dryRun, dpi: dpi)
        settings.redaction = RedactionOptions(mode: pixels, threshold: threshold, boxColor: try BoxColor(parsing: boxColor),
                                              padding: padding, includeText: reportText)
        settings.allowPhotographs = allowPhotographs
        settings.deviceRules = try loadPixelRules()
        return settings
    }

    /// The device-region library: --pixel-rules, else the CTP script shipped in profiles/pixel-regions.
    func loadPixelRules() throws -> DeviceRegionRules? {
        guard pixels != .off, pixelRules != "none" else { return nil }
        if let pixelRules { return try DeviceRegionRules(path: pixelRules) }
        let builtIn = PathName.join(try ProfileLibrary.locate().directory, "pixel-regions/ctp-DicomPixelAnonymizer.script")
        return FileManager.default.fileExists(atPath: builtIn) ? try DeviceRegionRules(path: builtIn) : nil
    }

    /// --key-file (created when missing), else $DCMDEID_KEY, else `defaultPath` (created once and reported).
    func resolveKey(defaultPath: String) throws -> SecretKey {
        if let keyFile {
            if FileManager.default.fileExists(atPath: keyFile) { return try SecretKey.read(path: keyFile) }
            let key = try SecretKey.create(path: keyFile)
            Console.note("created a new key in \(keyFile) (keep it secret; reuse it for consistent pseudonyms)")
            return key
        }
        if let text = ProcessInfo.processInfo.environment["DCMDEID_KEY"], !text.isEmpty { return SecretKey(text: text) }
        if FileManager.default.fileExists(atPath: defaultPath) {
            Console.note("using the key in \(defaultPath)")
            return try SecretKey.read(path: defaultPath)
        }
        let key = try SecretKey.create(path: defaultPath)
        Console.note("created a new key in \(defaultPath) (keep it secret; reuse it for consistent pseudonyms)")
        return key
    }
}

extension PixelMode: ExpressibleByArgument {}
