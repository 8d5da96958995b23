import DicomCore
import Foundation

/// pydicom in the repository's `.venv`: the independent reader our results are checked against.
/// Create it with `python3 -m venv .venv && .venv/bin/pip install -r Tests/requirements.txt`.
enum Pydicom {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    static let python = SharedData.repository.appendingPathComponent(".venv/bin/python").path

    /// Runs a Python script with `arguments` (as `sys.argv[1...]`); returns its stdout, throws on a non-zero exit.
    static func run(_ script: String, _ arguments: [String]) throws -> String {
        guard FileManager.default.isExecutableFile(atPath: python) else {
            throw Failure(description: "\(python) missing: run `python3 -m venv .venv && .venv/bin/pip install -r Tests/requirements.txt`")
        }
        let result = try Subprocess.run(python, ["-c", script] + arguments)
        guard result.status == 0 else {
            throw Failure(description: "pydicom script failed (\(result.status)): \(result.stderr)")
        }
        return result.stdout
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
            let data = try Data(contentsOf: URL(fileURLWithPath: directory.file("\(index).i32")))
            return data.withUnsafeBytes { raw in
                (0..<data.count / 4).map { Int32(littleEndian: raw.loadUnaligned(fromByteOffset: $0 * 4, as: Int32.self)) }
            }
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
