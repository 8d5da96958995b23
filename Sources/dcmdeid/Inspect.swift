import ArgumentParser
import DicomCore
import Foundation
import Pipeline

struct Inspect: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Describe a DICOM file: transfer syntax, image, overlays, icon — no patient values.")

    @Argument(help: "The DICOM file to describe.")
    var file: String

    func run() throws {
        let instance: Instance
        do {
            instance = try Instance(contentsOf: file)
        } catch {
            Console.error(FailureMessage.line(path: file, error: error))
            throw ExitCode(1)
        }
        print(InstanceSummary(instance: instance).lines.joined(separator: "\n"))
    }
}
