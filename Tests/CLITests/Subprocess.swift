import Foundation

/// A finished run of a command: its exit status and what it printed.
struct Subprocess {
    let status: Int32
    /// Whether the process ended by a signal (a crash) rather than by exiting.
    let crashed: Bool
    let stdout: String
    let stderr: String

    var stdoutLines: [String] { stdout.split(separator: "\n").map(String.init) }
    var stderrLines: [String] { stderr.split(separator: "\n").map(String.init) }

    /// Runs `executable` to the end; `directory` is its working folder, `unsetting` names environment
    /// variables it must not inherit.
    /// `setting` adds variables for this child only: tests run in parallel, and a variable set in
    /// the test process (setenv) would reach every child started meanwhile.
    static func run(_ executable: String, _ arguments: [String], in directory: String? = nil,
                    unsetting: [String] = [], setting: [String: String] = [:]) throws -> Subprocess {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if !unsetting.isEmpty || !setting.isEmpty {
            var environment = ProcessInfo.processInfo.environment
            for name in unsetting { environment[name] = nil }
            environment.merge(setting) { _, new in new }
            process.environment = environment
        }
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        // Drain stderr concurrently so a chatty command cannot block on a full pipe.
        nonisolated(unsafe) var errorData = Data()
        let drained = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            errorData = err.fileHandleForReading.readDataToEndOfFile()
            drained.signal()
        }
        let outputData = out.fileHandleForReading.readDataToEndOfFile()
        drained.wait()
        process.waitUntilExit()
        return Subprocess(status: process.terminationStatus, crashed: process.terminationReason == .uncaughtSignal,
                          stdout: String(decoding: outputData, as: UTF8.self),
                          stderr: String(decoding: errorData, as: UTF8.self))
    }
}
