import Foundation

/// Runs an independent tool (pydicom, dcmdump) and captures what it printed.
struct Subprocess {
    let status: Int32
    let stdout: String
    let stderr: String

    static func run(_ executable: String, _ arguments: [String]) throws -> Subprocess {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        // Drain stderr concurrently so a chatty tool cannot block on a full pipe.
        nonisolated(unsafe) var errorData = Data()
        let drained = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            errorData = err.fileHandleForReading.readDataToEndOfFile()
            drained.signal()
        }
        let outputData = out.fileHandleForReading.readDataToEndOfFile()
        drained.wait()
        process.waitUntilExit()
        return Subprocess(status: process.terminationStatus, stdout: String(decoding: outputData, as: UTF8.self),
                          stderr: String(decoding: errorData, as: UTF8.self))
    }
}
