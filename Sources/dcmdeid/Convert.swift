import ArgumentParser
import DicomCore
import Foundation
import Pipeline

struct Convert: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Rewrite DICOM losslessly, or render DICOM, PNG and JPEG to PNG. No de-identification.")

    @Argument(help: "Files or folders (searched recursively).")
    var inputs: [String]

    @Option(name: .shortAndLong, help: "Output folder; outputs mirror the input tree.")
    var output: String

    @Option(help: "Output format: dicom or png.")
    var format: OutputFormat = .dicom

    @Option(help: "Resolution recorded in PNG outputs (pHYs), in dots per inch.")
    var dpi: Int = 96

    @Option(help: "Prefix for output file names, e.g. de-id-.")
    var namePrefix: String = ""

    func validate() throws {
        guard dpi > 0 else { throw ValidationError("--dpi must be positive") }
        for input in inputs where !FileManager.default.fileExists(atPath: input) {
            throw ValidationError("\(input): no such file or directory")
        }
    }

    func run() throws {
        let converter = Converter(naming: OutputNaming(directory: output, format: format, namePrefix: namePrefix), dpi: dpi)
        var failed = 0
        for input in InputWalker(roots: inputs) {
            do {
                _ = try converter.convert(input)
            } catch {
                failed += 1
                Console.error(FailureMessage.line(path: input.path, error: error))
            }
        }
        if failed > 0 { throw ExitCode(1) }
    }
}

extension OutputFormat: ExpressibleByArgument {}
