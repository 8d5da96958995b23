import DicomCore
import Foundation

/// pydicom in the repository's `.venv`: the independent reader our results are checked against.
/// Create it with `python3 -m venv .venv && .venv/bin/pip install -r Tests/requirements.txt`.
enum Pydicom {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    static let python = SharedData.repository.appendingPathComponent(".venv/bin/python").path

    /// Runs a Python script with `arguments` (as `sys.argv[1...]`); returns its stdout, throws when it fails.
    /// Scripts run one at a time in a single long-lived interpreter, so numpy and pydicom are imported once
    /// rather than once per check.
    static func run(_ script: String, _ arguments: [String]) throws -> String {
        let worker = try PythonWorker.shared.get()
        let reply = try worker.run(script, arguments)
        guard reply.status == 0 else {
            throw Failure(description: "pydicom script failed (\(reply.status)): \(reply.stderr)")
        }
        return reply.stdout
    }

    /// The pixel arrays pydicom decodes from each file, flattened in (frame, row, column, sample) order,
    /// in one Python process (starting one per file costs more than decoding).
    /// `asRGB` asks pydicom to convert YBR to RGB, as DCMTK does for lossy JPEG.
    static func pixels(of files: [(path: String, asRGB: Bool)]) throws -> [[Int32]] {
        let directory = try TemporaryDirectory()
        _ = try run("""
            import sys, numpy, pydicom
            from pydicom.pixels import pixel_array
            output, arguments = sys.argv[1], sys.argv[2:]
            for index in range(0, len(arguments), 2):
                dataset = pydicom.dcmread(arguments[index], force=True)
                if "TransferSyntaxUID" not in dataset.file_meta:
                    dataset.file_meta.TransferSyntaxUID = pydicom.uid.ImplicitVRLittleEndian
                array = pixel_array(dataset, as_rgb=arguments[index + 1] == "1")
                numpy.ascontiguousarray(array, dtype="<i4").tofile("%s/%d.i32" % (output, index // 2))
            """, [directory.path] + files.flatMap { [$0.path, $0.asRGB ? "1" : "0"] })
        return try files.indices.map { index in
            try littleEndianInt32s(contentsOf: directory.file("\(index).i32"))
        }
    }

    /// A file of little-endian 32-bit integers, as numpy's `tofile` writes them on this (little-endian) host.
    static func littleEndianInt32s(contentsOf path: String) throws -> [Int32] {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        return [Int32](unsafeUninitializedCapacity: data.count / 4) { buffer, count in
            count = data.copyBytes(to: buffer) / 4
        }
    }

    static func pixels(of path: String, asRGB: Bool = false) throws -> [Int32] {
        try pixels(of: [(path, asRGB)])[0]
    }
}

/// How decoded frames differ from a reference: the sample count, the largest difference and where it first occurs.
struct PixelComparison: CustomStringConvertible {
    var sampleCount = 0
    var referenceCount = 0
    var differing = 0
    var largestDifference = 0
    var firstDifference: String?

    init(_ frames: PixelFrames, _ reference: [Int32]) {
        let d = frames.description
        referenceCount = reference.count
        var index = 0
        for frame in 0..<d.numberOfFrames {
            for row in 0..<d.rows {
                for column in 0..<d.columns {
                    for channel in 0..<d.samplesPerPixel {
                        defer { index += 1 }
                        guard index < reference.count else { continue }
                        let ours = frames.sample(frame: frame, row: row, column: column, channel: channel)
                        let difference = abs(ours - Int(reference[index]))
                        if difference > 0 {
                            differing += 1
                            if firstDifference == nil {
                                firstDifference = "frame \(frame) row \(row) column \(column) sample \(channel): "
                                    + "\(ours) vs pydicom \(reference[index])"
                            }
                        }
                        largestDifference = max(largestDifference, difference)
                    }
                }
            }
        }
        sampleCount = index
    }

    var description: String {
        "\(sampleCount) samples (pydicom \(referenceCount)), \(differing) differ, largest difference \(largestDifference)"
            + (firstDifference.map { ", first at \($0)" } ?? "")
    }
}

/// One Python interpreter serving scripts over a pipe: a JSON request per line in, a JSON reply per line out.
final class PythonWorker: @unchecked Sendable {
    struct Reply: Decodable {
        let status: Int
        let stdout: String
        let stderr: String
    }

    static let shared = Result { try PythonWorker() }

    static let loop = """
        import contextlib, io, json, sys, traceback
        for line in sys.stdin:
            request = json.loads(line)
            out, err, status = io.StringIO(), io.StringIO(), 0
            sys.argv = ["-c"] + request["arguments"]
            try:
                with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
                    exec(compile(request["script"], "<test script>", "exec"), {"__name__": "__main__"})
            except SystemExit as exit:
                status = exit.code if isinstance(exit.code, int) else (0 if exit.code is None else 1)
            except BaseException:
                status = 1
                err.write(traceback.format_exc())
            sys.__stdout__.write(json.dumps({"status": status, "stdout": out.getvalue(), "stderr": err.getvalue()}) + "\\n")
            sys.__stdout__.flush()
        """

    private let lock = NSLock()
    private let process = Process()
    private let requests = Pipe()
    private let replies = Pipe()
    private var pending = Data()

    init() throws {
        guard FileManager.default.isExecutableFile(atPath: Pydicom.python) else {
            throw Pydicom.Failure(description: "\(Pydicom.python) missing: run "
                + "`python3 -m venv .venv && .venv/bin/pip install -r Tests/requirements.txt`")
        }
        process.executableURL = URL(fileURLWithPath: Pydicom.python)
        process.arguments = ["-c", Self.loop]
        process.standardInput = requests
        process.standardOutput = replies
        process.standardError = FileHandle.nullDevice
        try process.run()
    }

    func run(_ script: String, _ arguments: [String]) throws -> Reply {
        lock.lock()
        defer { lock.unlock() }
        var request = try JSONSerialization.data(withJSONObject: ["script": script, "arguments": arguments])
        request.append(0x0A)
        try requests.fileHandleForWriting.write(contentsOf: request)
        while true {
            if let end = pending.firstIndex(of: 0x0A) {
                let line = Data(pending[pending.startIndex..<end])
                pending = Data(pending[(end + 1)...])
                return try JSONDecoder().decode(Reply.self, from: line)
            }
            let chunk = replies.fileHandleForReading.availableData
            guard !chunk.isEmpty else { throw Pydicom.Failure(description: "the Python worker exited") }
            pending.append(chunk)
        }
    }
}
