import Foundation

/// The built `dcmdeid` binary, run as a user would. `swift test` compiles the executable's module but does not
/// relink the binary: run `swift build` first, or these tests exercise an old build.
enum Dcmdeid {
    struct NotBuilt: Error, CustomStringConvertible {
        let description: String
    }

    static let executable = SharedData.repository.appendingPathComponent(".build/debug/dcmdeid").path

    static func run(_ arguments: String...) throws -> Subprocess {
        try run(arguments)
    }

    static func run(_ arguments: [String], environment: [String: String] = [:]) throws -> Subprocess {
        guard FileManager.default.isExecutableFile(atPath: executable) else {
            throw NotBuilt(description: "\(executable) missing: run `swift build` before `swift test`")
        }
        return try Subprocess.run(executable, arguments, setting: environment)
    }
}
