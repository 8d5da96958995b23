import ArgumentParser
import DicomCore
import Foundation

@main
struct DCMDeid: ParsableCommand {
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "dcmdeid",
        abstract: "De-identify DICOM headers and burned-in pixel text, reading DICOM natively through DCMTK.",
        discussion: """
            Exit status: 0 when every file was handled, 1 when some file was refused or failed \
            (each is named on stderr), 2 on bad usage.
            """,
        version: "dcmdeid \(version) (DCMTK \(DicomLibrary.dcmtkVersion))",
        subcommands: [Inspect.self, Convert.self, Deidentify.self, Profiles.self, Serve.self]
    )

    /// Parses, runs, and maps the outcome to the documented exit codes in one place.
    static func main() {
        DicomLibrary.initialize()
        var command: ParsableCommand
        do {
            command = try parseAsRoot()
        } catch {
            let code = exitCode(for: error)
            let message = fullMessage(for: error)
            if code == .success {
                print(message)
                Foundation.exit(0)
            }
            FileHandle.standardError.write(Data((message + "\n").utf8))
            Foundation.exit(2)
        }
        do {
            try command.run()
            Foundation.exit(0)
        } catch let code as ExitCode {
            Foundation.exit(code.rawValue)
        } catch let error as ValidationError {
            FileHandle.standardError.write(Data("error: \(error.message)\n".utf8))
            Foundation.exit(2)
        } catch {
            // ArgumentParser's own outcomes (help requested, usage errors) keep their meaning;
            // anything else is a run-time failure.
            let code = exitCode(for: error)
            if code == .success {
                print(fullMessage(for: error))
                Foundation.exit(0)
            }
            if code == .validationFailure {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(2)
            }
            FileHandle.standardError.write(Data("error: \(error)\n".utf8))
            Foundation.exit(1)
        }
    }
}
