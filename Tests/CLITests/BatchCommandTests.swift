import Foundation
import Testing

/// Batch behaviour of `dcmdeid deidentify` over many files: shards, resume after SIGKILL, audit log.
/// Uses the dev header set in ../shared/eval and a generated corpus (bench/make_corpus.py via the venv).
@Suite(.serialized)
struct BatchCommandTests {
    static let headerSet = SharedData.repository.deletingLastPathComponent().appendingPathComponent("shared/eval/dev-headers/input").path

    static func deidentify(_ inputs: [String], output: String, key: String, _ extra: [String] = [],
                           environment: [String: String] = [:]) throws -> Subprocess {
        try Dcmdeid.run(["deidentify"] + inputs + ["--output", output, "--key-file", key, "--pixels", "off",
                                                   "--allow-burned-in", "--quiet"] + extra, environment: environment)
    }

    /// Byte contents of every file under a folder, by relative path.
    static func tree(_ directory: String) throws -> [String: Data] {
        var result: [String: Data] = [:]
        for relative in try FileManager.default.subpathsOfDirectory(atPath: directory) {
            let path = (directory as NSString).appendingPathComponent(relative)
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue else { continue }
            result[relative] = FileManager.default.contents(atPath: path)
        }
        return result
    }

    @Test func theUnionOfShardsEqualsOneRunByteForByte() throws {
        let work = try TemporaryDirectory()
        let key = work.file("key")
        let single = try Self.deidentify([Self.headerSet], output: work.file("single"), key: key)
        #expect(single.status == 0, "\(single.stderr)")
        for index in 0..<3 {
            let shard = try Self.deidentify([Self.headerSet], output: work.file("sharded"), key: key,
                                            ["--shard", "\(index)/3", "--audit", work.file("audit\(index).jsonl")])
            #expect(shard.status == 0, "\(shard.stderr)")
        }
        let expected = try Self.tree(work.file("single"))
        #expect(expected.count == 30)
        #expect(try Self.tree(work.file("sharded")) == expected)
        let lines = try (0..<3).map { try String(contentsOfFile: work.file("audit\($0).jsonl"), encoding: .utf8) }
            .flatMap { $0.split(separator: "\n") }
        #expect(lines.filter { $0.contains("\"status\":\"ok\"") }.count == 30, "each input handled by exactly one shard")
    }

    @Test func shardsComeFromSlurmArrayVariables() throws {
        let work = try TemporaryDirectory()
        let key = work.file("key")
        _ = try Self.deidentify([Self.headerSet], output: work.file("single"), key: key)
        for task in 1...2 {
            // for the child only: set in this process, the variables would shard every run that
            // other tests start meanwhile
            let slurm = ["SLURM_ARRAY_TASK_ID": "\(task)", "SLURM_ARRAY_TASK_COUNT": "2", "SLURM_ARRAY_TASK_MIN": "1"]
            let run = try Self.deidentify([Self.headerSet], output: work.file("slurm"), key: key,
                                          ["--audit", work.file("slurm\(task).jsonl")], environment: slurm)
            #expect(run.status == 0, "\(run.stderr)")
            let written = try String(contentsOfFile: work.file("slurm\(task).jsonl"), encoding: .utf8)
                .split(separator: "\n").filter { $0.contains("\"status\":\"ok\"") }.count
            #expect(written > 0 && written < 30, "task \(task) takes a share, not all")
        }
        #expect(try Self.tree(work.file("slurm")) == Self.tree(work.file("single")))
    }

    @Test func aRunKilledMidwayAndResumedEqualsAnUninterruptedRun() throws {
        let work = try TemporaryDirectory()
        let corpus = work.file("corpus")
        let python = SharedData.repository.appendingPathComponent(".venv/bin/python").path
        let made = try Subprocess.run(python, [SharedData.repository.appendingPathComponent("bench/make_corpus.py").path,
                                               corpus, "600", "64"])
        try #require(made.status == 0, "\(made.stderr)")
        let key = work.file("key")
        let reference = try Self.deidentify([corpus], output: work.file("reference"), key: key)
        #expect(reference.status == 0)

        // Start a slow run (one worker) and kill it without warning partway through.
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Dcmdeid.executable)
        process.arguments = ["deidentify", corpus, "--output", work.file("resumed"), "--key-file", key, "--pixels", "off",
                             "--quiet", "--jobs", "1"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(20)
        while (try? work.files(in: "resumed").count) ?? 0 < 50 && Date() < deadline && process.isRunning {
            usleep(2_000)
        }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        let partial = try work.files(in: "resumed").filter { !$0.hasSuffix(".tmp") }.count
        #expect(partial > 0 && partial < 600, "killed midway (\(partial) of 600 written)")

        let resumed = try Self.deidentify([corpus], output: work.file("resumed"), key: key, ["--resume"])
        #expect(resumed.status == 0, "\(resumed.stderr)")
        #expect(try Self.tree(work.file("resumed")) == Self.tree(work.file("reference")))
    }

    @Test func theAuditLogNamesEveryInputWithoutHeaderValues() throws {
        let work = try TemporaryDirectory()
        let run = try Self.deidentify([Self.headerSet], output: work.file("out"), key: work.file("key"),
                                      ["--audit", work.file("audit.jsonl")])
        #expect(run.status == 0)
        let lines = try String(contentsOfFile: work.file("audit.jsonl"), encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 31, "30 records and a summary")
        let records = try lines.map { try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any] }
        #expect(records.last?["summary"] as? Bool == true)
        #expect(records.dropLast().allSatisfy { $0["sopInstanceUID"] is String && $0["newSOPInstanceUID"] is String })
        // The patient names of the inputs never appear in the audit.
        let dump = try Subprocess.run("/usr/bin/dcmdump", ["+P", "0010,0010", "-s", "+sd", "+r", Self.headerSet])
        let names = dump.stdoutLines.compactMap { line -> String? in
            guard let open = line.firstIndex(of: "["), let close = line.firstIndex(of: "]") else { return nil }
            return String(line[line.index(after: open)..<close])
        }.filter { $0.count > 3 }
        #expect(!names.isEmpty)
        let audit = try String(contentsOfFile: work.file("audit.jsonl"), encoding: .utf8)
        for name in Set(names) { #expect(!audit.contains(name), "audit leaks \(name)") }
    }

    /// DCMTK will not switch a lossy JPEG back to its compressed form once decoded in place; the
    /// pixel stage decodes a copy, so an image with nothing to paint keeps its own transfer syntax.
    @Test func aLossyJPEGWithNothingToPaintIsWrittenInItsOwnTransferSyntax() throws {
        let work = try TemporaryDirectory()
        let input = Self.headerSet + "/P03/STUDY1/SE01/IM0001.dcm"
        let run = try Dcmdeid.run(["deidentify", input, "--output", work.file("out"), "--key-file", work.file("key"),
                                   "--pixels", "sensitive", "--quiet", "--audit", work.file("audit.jsonl")])
        #expect(run.status == 0, "\(run.stderr)")
        let audit = try String(contentsOfFile: work.file("audit.jsonl"), encoding: .utf8)
        let dump = try Subprocess.run("/usr/bin/dcmdump", ["-M", "+P", "0002,0010", work.file("out/IM0001.dcm")])
        if audit.contains("\"modified\":false") {
            #expect(dump.stdout.contains("JPEGBaseline"), "\(dump.stdout)")
        } else {
            #expect(dump.stdout.contains("LittleEndianExplicit"), "painted pixels are written losslessly: \(dump.stdout)")
        }
    }
}
