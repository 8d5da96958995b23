import DicomCore
import Foundation
import Testing

/// `dcmdeid deidentify` and `dcmdeid profiles`, run as the built binary on real files: the header
/// evaluation's development set (`../shared/eval/dev-headers`, copied, never written to) and
/// synthetic studies whose instances refer to each other. Outputs are checked with dcmdump,
/// pydicom and DicomCore.
@Suite struct DeidentifyCommandTests {
    // MARK: the tree, readers, markers

    @Test func theOutputMirrorsTheInputTree() throws {
        let scratch = try DeidentifyScratch()
        let input = try scratch.copyDevHeaders()
        let run = try DeidentifyCLI.run(["deidentify", input, "--output", scratch.file("out"), "--pixels", "off",
                                         "--allow-burned-in", "--key-file", scratch.file("run.key")])
        #expect(run.status == 0, "\(run.stderr)")
        let inputs = try DeidentifyScratch.files(under: input)
        #expect(inputs.count == 30)
        #expect(try DeidentifyScratch.files(under: scratch.file("out")) == inputs)
        #expect(run.stderr.contains("written:  30"), "\(run.stderr)")
    }

    @Test func everyOutputReadsCleanlyWithDcmdumpAndPydicomWithTheMarkersSet() throws {
        let scratch = try DeidentifyScratch()
        let input = try scratch.copyDevHeaders()
        let output = scratch.file("out")
        let run = try DeidentifyCLI.run(["deidentify", input, "--output", output, "--pixels", "off", "--allow-burned-in",
                                         "--key-file", scratch.file("run.key"), "--quiet"])
        try #require(run.status == 0, "\(run.stderr)")
        let files = try DeidentifyScratch.files(under: output)
        try #require(files.count == 30)
        for file in files {
            let dump = try DeidentifyCLI.execute("/usr/bin/dcmdump", ["-q", output + "/" + file])
            #expect(dump.status == 0, "dcmdump \(file): \(dump.stderr)")
        }
        let python = DeidentifyCLI.repository.appendingPathComponent(".venv/bin/python").path
        try #require(FileManager.default.isExecutableFile(atPath: python),
                     "run `python3 -m venv .venv && .venv/bin/pip install -r Tests/requirements.txt`")
        let report = try DeidentifyCLI.execute(python, ["-c", """
            import sys, pydicom
            for path in sys.argv[1:]:
                ds = pydicom.dcmread(path)
                codes = [item.CodeValue for item in ds.get("DeidentificationMethodCodeSequence", [])]
                same = ds.file_meta.MediaStorageSOPInstanceUID == ds.SOPInstanceUID
                print(path, ds.get("PatientIdentityRemoved", ""), "+".join(codes), same, sep="\\t")
            """] + files.map { output + "/" + $0 })
        #expect(report.status == 0, "\(report.stderr)")
        let lines = report.stdout.split(separator: "\n")
        #expect(lines.count == 30)
        for line in lines {
            let fields = line.split(separator: "\t").map(String.init)
            #expect(fields.dropFirst() == ["YES", "113100", "True"], "\(line)")
        }
    }

    // MARK: determinism

    @Test func twoProcessesWithDifferentJobsAndInputOrderWriteIdenticalBytes() throws {
        let scratch = try DeidentifyScratch()
        let all = try scratch.copyDevHeaders()
        // Two input roots, so the order they are given in can change while the relative paths stay.
        let first = scratch.file("first"), second = scratch.file("second")
        try FileManager.default.createDirectory(atPath: first, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: second, withIntermediateDirectories: true)
        for patient in try FileManager.default.contentsOfDirectory(atPath: all) {
            let root = ["P01", "P03", "P05"].contains(patient) ? first : second
            try FileManager.default.moveItem(atPath: all + "/" + patient, toPath: root + "/" + patient)
        }
        let key = scratch.file("run.key")
        let common = ["--pixels", "off", "--allow-burned-in", "--key-file", key, "--quiet"]
        let one = try DeidentifyCLI.run(["deidentify", first, second, "--output", scratch.file("one"), "--jobs", "1"] + common)
        let two = try DeidentifyCLI.run(["deidentify", second, first, "--output", scratch.file("two"), "--jobs", "2"] + common)
        try #require(one.status == 0 && two.status == 0, "\(one.stderr)\n\(two.stderr)")
        let files = try DeidentifyScratch.files(under: scratch.file("one"))
        #expect(files.count == 30)
        #expect(try DeidentifyScratch.files(under: scratch.file("two")) == files)
        for file in files {
            let a = try Data(contentsOf: URL(fileURLWithPath: scratch.file("one/" + file)))
            let b = try Data(contentsOf: URL(fileURLWithPath: scratch.file("two/" + file)))
            #expect(a == b, "\(file) differs between the two runs")
        }
    }

    @Test func anotherKeyGivesOtherUIDs() throws {
        let scratch = try DeidentifyScratch()
        let input = try scratch.copyDevHeaders()
        let file = input + "/P01/STUDY1/SE01/IM0001.dcm"
        var uids: [String] = []
        for name in ["a", "b"] {
            let run = try DeidentifyCLI.run(["deidentify", file, "--output", scratch.file(name), "--pixels", "off",
                                             "--allow-burned-in", "--key-file", scratch.file(name + ".key"), "--quiet"])
            try #require(run.status == 0, "\(run.stderr)")
            uids.append(try #require(try Instance(contentsOf: scratch.file(name + "/IM0001.dcm")).dataset.string(.sopInstanceUID)))
        }
        #expect(uids[0] != uids[1])
    }

    // MARK: consistency over a study

    @Test func referencesOfTheDevelopmentSetStillResolveAfterRemapping() throws {
        let scratch = try DeidentifyScratch()
        let input = try scratch.copyDevHeaders()
        let output = scratch.file("out")
        let run = try DeidentifyCLI.run(["deidentify", input, "--output", output, "--pixels", "off", "--allow-burned-in",
                                         "--key-file", scratch.file("run.key"), "--quiet"])
        try #require(run.status == 0, "\(run.stderr)")
        let truth = try DeidentifyCLI.devHeadersTruth()
        let references = try #require(truth["references"] as? [[String: Any]])
        #expect(references.count == 23)
        for reference in references {
            let file = try #require(reference["file"] as? String), target = try #require(reference["target_file"] as? String)
            let steps = try #require(reference["steps"] as? [[Any]])
            let tag = try #require((reference["tag"] as? String).flatMap { DicomCore.Tag(parsing: $0) })
            var item = try Instance(contentsOf: output + "/" + file).dataset
            for step in steps {
                let sequence = try #require((step.first as? String).flatMap { DicomCore.Tag(parsing: $0) })
                let index = try #require(step.last as? Int)
                item = try #require(item.items(sequence).dropFirst(index).first, "\(file): \(sequence)[\(index)]")
            }
            let targetUID = try Instance(contentsOf: output + "/" + target).dataset.string(.sopInstanceUID)
            #expect(item.string(tag) == targetUID, "\(file) → \(target)")
            #expect(item.string(tag) != reference["original"] as? String)
        }
        // The same original UID became the same new UID in every file, and every one changed.
        let files = try #require(truth["files"] as? [[String: Any]])
        var mapping: [String: Set<String>] = [:]
        for entry in files {
            let rel = try #require(entry["rel"] as? String)
            let dataset = try Instance(contentsOf: output + "/" + rel).dataset
            for (keyword, original) in try #require(entry["original_uids"] as? [String: String]) {
                let tag = try #require(DataDictionary.entry(keyword: keyword)?.tag)
                let new = try #require(dataset.string(tag), "\(rel) \(keyword)")
                #expect(new != original, "\(rel) \(keyword) unchanged")
                mapping[original, default: []].insert(new)
            }
        }
        #expect(mapping.count > 30)
        #expect(mapping.values.allSatisfy { $0.count == 1 })
    }

    @Test func aSyntheticStudyKeepsItsReferencesAndFrameOfReference() throws {
        let scratch = try DeidentifyScratch()
        let study = try DeidentifySyntheticStudy(in: scratch.file("in"))
        let output = scratch.file("out")
        let run = try DeidentifyCLI.run(["deidentify", scratch.file("in"), "--output", output, "--key-file",
                                         scratch.file("run.key"), "--quiet"])
        try #require(run.status == 0, "\(run.stderr)")
        var newUID: [String: String] = [:]  // original SOP Instance UID → new
        var datasets: [String: Dataset] = [:]
        for (file, original) in study.sopInstanceUIDs {
            let instance = try Instance(contentsOf: output + "/" + file)
            datasets[file] = instance.dataset
            let new = try #require(instance.dataset.string(.sopInstanceUID))
            #expect(new != original && new.hasPrefix("2.25."))
            #expect(instance.meta.string(.mediaStorageSOPInstanceUID) == new, "\(file): file meta follows")
            newUID[original] = new
        }
        let frameOfReference = try #require(datasets[study.files[0]]?.string(.frameOfReferenceUID))
        #expect(frameOfReference != DeidentifySyntheticStudy.frameOfReference && frameOfReference.hasPrefix("2.25."))
        for (file, dataset) in datasets {
            if file.hasPrefix("SE") { #expect(dataset.string(.frameOfReferenceUID) == frameOfReference, "\(file)") }
            #expect(dataset.string(.studyInstanceUID) == datasets[study.files[0]]?.string(.studyInstanceUID), "\(file)")
        }
        for reference in study.references {
            var item = try #require(datasets[reference.file])
            for sequence in reference.path { item = try #require(item.items(sequence).first, "\(reference.file) \(sequence)") }
            let value = item.string(DicomCore.Tag(0x0008, 0x1155))
            #expect(value != nil && value == newUID[reference.target], "\(reference.file) → \(reference.target)")
        }
        // Series references point at the referenced series' new Series Instance UID.
        let presentation = try #require(datasets["PR/PR0001.dcm"])
        let referencedSeries = try #require(presentation.items(DicomCore.Tag(0x0008, 0x1115)).first)
        #expect(referencedSeries.string(.seriesInstanceUID) == datasets["SE01/IM0001.dcm"]?.string(.seriesInstanceUID))
    }

    // MARK: dry run

    @Test func aDryRunListsTagsAndActionsButNeverAValue() throws {
        let scratch = try DeidentifyScratch()
        let input = try scratch.copyDevHeaders()
        let rel = "P01/STUDY1/SE01/IM0001.dcm"
        let output = scratch.file("out")
        let run = try DeidentifyCLI.run(["deidentify", input + "/" + rel, "--output", output, "--pixels", "off",
                                         "--allow-burned-in", "--dry-run"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("(0010,0010) PatientName"))
        #expect(run.stdout.contains("  Z      (0008,0050) AccessionNumber"))
        #expect(run.stdout.contains("  X      (0008,0081) InstitutionAddress"))
        #expect(run.stdout.contains("  U      (0008,0018) SOPInstanceUID"))
        #expect(run.stdout.split(separator: "\n").count > 100)
        // No planted value of that file appears: names, IDs, free-text tokens, UIDs.
        let truth = try DeidentifyCLI.devHeadersTruth()
        let plantings = try #require(truth["plantings"] as? [[String: Any]]).filter { $0["file"] as? String == rel }
        let needles = Set(plantings.filter { ["token", "uid"].contains($0["match"] as? String) }
            .flatMap { $0["needles"] as? [String] ?? [] }.filter { $0.count >= 6 })
        #expect(needles.count > 100)
        let upper = (run.stdout + run.stderr).uppercased()
        let shown = needles.filter { upper.contains($0.uppercased()) }
        #expect(shown.isEmpty, "values in the dry-run output: \(shown.sorted().prefix(5))")
        #expect(!FileManager.default.fileExists(atPath: output), "a dry run writes nothing")
        #expect(!FileManager.default.fileExists(atPath: output + ".key"), "nor creates a key")
    }

    // MARK: profiles

    @Test func profilesListNamesEveryBuiltInWithItsKind() throws {
        let run = try DeidentifyCLI.run(["profiles", "list"])
        #expect(run.status == 0, "\(run.stderr)")
        let lines = run.stdout.split(separator: "\n").map { $0.split(separator: " ").map(String.init) }
        let kinds = Dictionary(lines.filter { $0.count >= 2 }.map { ($0[0], $0[1]) }, uniquingKeysWith: { a, _ in a })
        #expect(kinds["basic"] == "profile")
        #expect(kinds["retained-attributes"] == "policy")
        for option in ["retain-safe-private", "retain-uids", "retain-device-identity", "retain-institution-identity",
                       "retain-patient-characteristics", "retain-longitudinal-full-dates",
                       "retain-longitudinal-modified-dates", "clean-descriptors", "clean-structured-content",
                       "clean-graphics", "clean-pixel-data"] {
            #expect(kinds[option] == "option", "\(option)")
        }
        #expect(run.stdout.contains("Basic Application Level Confidentiality Profile"))
    }

    @Test func profilesShowBasicListsEveryRuleOfTheTable() throws {
        let run = try DeidentifyCLI.run(["profiles", "show", "basic"])
        #expect(run.status == 0, "\(run.stderr)")
        let rules = run.stdout.split(separator: "\n").filter { $0.hasPrefix("  (") }
        #expect(rules.count == 621)
        #expect(run.stdout.contains("113100"))
        #expect(rules.contains { $0.hasPrefix("  (0010,0010)") && $0.contains(" Z ") && $0.contains("PatientName") })
        #expect(rules.contains { $0.hasPrefix("  (0008,1140)") && $0.contains(" X/Z/U* ") })
        #expect(rules.contains { $0.hasPrefix("  (60XX,3000)") && $0.contains(" X ") })
        #expect(rules.contains { $0.hasPrefix("  (GGGG,EEEE)") && $0.contains(" X ") })
    }

    @Test func profilesShowWithAnOptionShowsItsRulesAndCode() throws {
        let run = try DeidentifyCLI.run(["profiles", "show", "basic", "--option", "retain-uids"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("113110"))
        let studyUID = run.stdout.split(separator: "\n").first { $0.hasPrefix("  (0020,000D)") }
        #expect(studyUID?.contains(" K ") == true && studyUID?.contains("[retain-uids]") == true, "\(studyUID ?? "")")
    }

    // MARK: usage and failures

    @Test func aMissingOutputIsAUsageError() throws {
        let scratch = try DeidentifyScratch()
        let run = try DeidentifyCLI.run(["deidentify", try scratch.copyDevHeaders()])
        #expect(run.status == 2)
        #expect(run.stderr.contains("--output"), "\(run.stderr)")
    }

    @Test func anUnknownProfileIsAnErrorThatNamesIt() throws {
        let scratch = try DeidentifyScratch()
        let run = try DeidentifyCLI.run(["deidentify", try scratch.copyDevHeaders(), "--output", scratch.file("out"),
                                         "--profile", "no-such-profile", "--key-file", scratch.file("k.key")])
        #expect(run.status != 0)
        #expect(run.stderr.contains("no-such-profile"), "\(run.stderr)")
    }

    @Test func aBrokenFileAmongGoodOnesExitsOneAndIsNamedOnOneLine() throws {
        let scratch = try DeidentifyScratch()
        let input = scratch.file("in")
        try FileManager.default.createDirectory(atPath: input, withIntermediateDirectories: true)
        let source = DeidentifyCLI.devHeaders + "/input/P01/STUDY1/SE01/"
        for name in ["IM0001.dcm", "IM0002.dcm"] { try FileManager.default.copyItem(atPath: source + name, toPath: input + "/" + name) }
        // A Part 10 preamble and magic, then a truncated element.
        var broken = Data(count: 128) + Data("DICM".utf8)
        broken += Data([0x02, 0x00, 0x00, 0x00, 0x55, 0x4C, 0x04, 0x00, 0xFF, 0xFF, 0x00, 0x00, 0x08, 0x00, 0x10])
        FileManager.default.createFile(atPath: input + "/broken.dcm", contents: broken)
        let output = scratch.file("out")
        let run = try DeidentifyCLI.run(["deidentify", input, "--output", output, "--pixels", "off", "--allow-burned-in",
                                         "--key-file", scratch.file("run.key"), "--quiet"])
        #expect(run.status == 1)
        let naming = run.stderr.split(separator: "\n").filter { $0.contains("broken.dcm") }
        #expect(naming.count == 1, "\(run.stderr)")
        #expect(!run.stderr.contains("IM0001") && !run.stderr.contains("IM0002"), "\(run.stderr)")
        #expect(try DeidentifyScratch.files(under: output) == ["IM0001.dcm", "IM0002.dcm"])
    }

    /// Exports and CDs often name files 1, 2, 3...
    @Test
    func aFileWithAOneCharacterNameIsMirrored() throws {
        let scratch = try DeidentifyScratch()
        let input = scratch.file("in")
        try FileManager.default.createDirectory(atPath: input, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: DeidentifyCLI.devHeaders + "/input/P01/STUDY1/SE01/IM0001.dcm", toPath: input + "/1")
        let run = try DeidentifyCLI.run(["deidentify", input, "--output", scratch.file("out"), "--pixels", "off",
                                         "--allow-burned-in", "--key-file", scratch.file("run.key"), "--quiet"])
        #expect(run.status == 0, "\(run.stderr.prefix(300))")
        #expect(try DeidentifyScratch.files(under: scratch.file("out")) == ["1"])
    }

    // MARK: keys

    @Test func withoutAKeyFileAKeyIsCreatedBesideTheOutputReadableByItsOwnerOnly() throws {
        let scratch = try DeidentifyScratch()
        let input = try scratch.copyDevHeaders()
        let output = scratch.file("out")
        let run = try DeidentifyCLI.run(["deidentify", input + "/P01/STUDY1/SE01/IM0001.dcm", "--output", output,
                                         "--pixels", "off", "--allow-burned-in", "--quiet"])
        #expect(run.status == 0, "\(run.stderr)")
        let attributes = try FileManager.default.attributesOfItem(atPath: output + ".key")
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        #expect(run.stderr.contains("created a new key in \(output).key"), "\(run.stderr)")
        // A second run reuses it and gives the same output.
        let again = try DeidentifyCLI.run(["deidentify", input + "/P01/STUDY1/SE01/IM0001.dcm", "--output", output + "2",
                                           "--key-file", output + ".key", "--pixels", "off", "--allow-burned-in", "--quiet"])
        #expect(again.status == 0, "\(again.stderr)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: output + "/IM0001.dcm"))
            == Data(contentsOf: URL(fileURLWithPath: output + "2/IM0001.dcm")))
    }

    @Test
    func aKeyFileWithAOneCharacterNameIsCreated() throws {
        let scratch = try DeidentifyScratch()
        let input = try scratch.copyDevHeaders()
        let run = try DeidentifyCLI.run(["deidentify", input + "/P01/STUDY1/SE01/IM0001.dcm", "--output", "out",
                                         "--pixels", "off", "--allow-burned-in", "--key-file", "K", "--quiet"],
                                        in: scratch.path)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(FileManager.default.fileExists(atPath: scratch.file("K")))
    }
}

// MARK: - helpers (private to this file; other CLI test files have their own)

/// The built `dcmdeid` and the tools the tests compare it with.
private enum DeidentifyCLI {
    struct Output {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    /// The repository root (this file is `Tests/CLITests/DeidentifyCommandTests.swift`).
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let binary = repository.appendingPathComponent(".build/debug/dcmdeid").path
    static let devHeaders = repository.deletingLastPathComponent().appendingPathComponent("shared/eval/dev-headers").path

    /// Runs dcmdeid, without a key in the environment.
    static func run(_ arguments: [String], in directory: String? = nil) throws -> Output {
        try #require(FileManager.default.isExecutableFile(atPath: binary), "build it first: swift build --product dcmdeid")
        return try execute(binary, arguments, in: directory)
    }

    static func execute(_ executable: String, _ arguments: [String], in directory: String? = nil) throws -> Output {
        let run = try Subprocess.run(executable, arguments, in: directory, unsetting: ["DCMDEID_KEY"])
        return Output(status: run.status, stdout: run.stdout, stderr: run.stderr)
    }

    static func devHeadersTruth() throws -> [String: Any] {
        let data = try Data(contentsOf: URL(fileURLWithPath: devHeaders + "/truth.json"))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }
}

/// A fresh temporary directory, removed when released.
private final class DeidentifyScratch {
    let path: String

    init() throws {
        path = FileManager.default.temporaryDirectory.appendingPathComponent("dcmdeid-cli-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    func file(_ name: String) -> String { path + "/" + name }

    /// A private copy of the development set's input (the shared one is read-only).
    func copyDevHeaders() throws -> String {
        let copy = file("dev-headers")
        try FileManager.default.copyItem(atPath: DeidentifyCLI.devHeaders + "/input", toPath: copy)
        return copy
    }

    /// Regular files under `root`, relative to it, sorted.
    static func files(under root: String) throws -> [String] {
        try FileManager.default.subpathsOfDirectory(atPath: root).filter { relative in
            var isDirectory: ObjCBool = false
            return FileManager.default.fileExists(atPath: root + "/" + relative, isDirectory: &isDirectory) && !isDirectory.boolValue
        }.sorted()
    }
}

/// One study of two CT series and a presentation-state-like object, written as Part 10 files:
/// series 2 and the presentation refer to series 1 instances; all share one frame of reference.
private struct DeidentifySyntheticStudy {
    struct Reference {
        let file: String
        /// Sequences leading to the item that holds Referenced SOP Instance UID (0008,1155).
        let path: [DicomCore.Tag]
        let target: String
    }

    static let root = "1.2.826.0.1.3680043.9999.42"
    static let frameOfReference = root + ".9"
    static let ctImage = "1.2.840.10008.5.1.4.1.1.2"

    var files: [String] = []
    var sopInstanceUIDs: [String: String] = [:]
    var references: [Reference] = []

    static let referencedImage = DicomCore.Tag(0x0008, 0x1140)
    static let sourceImage = DicomCore.Tag(0x0008, 0x2112)
    static let referencedSeries = DicomCore.Tag(0x0008, 0x1115)
    static let referencedSOPClass = DicomCore.Tag(0x0008, 0x1150)
    static let referencedSOPInstance = DicomCore.Tag(0x0008, 0x1155)

    init(in directory: String) throws {
        let study = Self.root + ".1"
        let series = [Self.root + ".2.1", Self.root + ".2.2"]
        func uid(_ series: Int, _ number: Int) -> String { "\(Self.root).3.\(series).\(number)" }
        for seriesIndex in 1...2 {
            for number in 1...3 {
                let file = String(format: "SE%02d/IM%04d.dcm", seriesIndex, number)
                let instance = try Self.base(sop: uid(seriesIndex, number), study: study, series: series[seriesIndex - 1],
                                             modality: "CT", sopClass: Self.ctImage)
                try instance.dataset.set(.frameOfReferenceUID, string: Self.frameOfReference, vr: .UI)
                if seriesIndex == 2 {
                    // Derived from the series 1 image with the same number, and referring to it.
                    let source = try instance.dataset.appendItem(Self.sourceImage)
                    try source.set(Self.referencedSOPClass, string: Self.ctImage, vr: .UI)
                    try source.set(Self.referencedSOPInstance, string: uid(1, number), vr: .UI)
                    let referenced = try instance.dataset.appendItem(Self.referencedImage)
                    try referenced.set(Self.referencedSOPClass, string: Self.ctImage, vr: .UI)
                    try referenced.set(Self.referencedSOPInstance, string: uid(1, number), vr: .UI)
                    references.append(Reference(file: file, path: [Self.sourceImage], target: uid(1, number)))
                    references.append(Reference(file: file, path: [Self.referencedImage], target: uid(1, number)))
                }
                try write(instance, file, in: directory)
                sopInstanceUIDs[file] = uid(seriesIndex, number)
            }
        }
        // A grayscale softcopy presentation state referring to two images of series 1 by series.
        let presentation = try Self.base(sop: Self.root + ".4.1", study: study, series: Self.root + ".2.3", modality: "PR",
                                         sopClass: "1.2.840.10008.5.1.4.1.1.11.1")
        let seriesItem = try presentation.dataset.appendItem(Self.referencedSeries)
        try seriesItem.set(.seriesInstanceUID, string: series[0], vr: .UI)
        for number in [1, 3] {
            let image = try seriesItem.appendItem(Self.referencedImage)
            try image.set(Self.referencedSOPClass, string: Self.ctImage, vr: .UI)
            try image.set(Self.referencedSOPInstance, string: uid(1, number), vr: .UI)
        }
        try write(presentation, "PR/PR0001.dcm", in: directory)
        sopInstanceUIDs["PR/PR0001.dcm"] = Self.root + ".4.1"
        references.append(Reference(file: "PR/PR0001.dcm", path: [Self.referencedSeries, Self.referencedImage],
                                    target: uid(1, 1)))
    }

    static func base(sop: String, study: String, series: String, modality: String, sopClass: String) throws -> Instance {
        let instance = Instance(empty: ())
        let dataset = instance.dataset
        try dataset.set(.sopClassUID, string: sopClass, vr: .UI)
        try dataset.set(.sopInstanceUID, string: sop, vr: .UI)
        try dataset.set(.studyInstanceUID, string: study, vr: .UI)
        try dataset.set(.seriesInstanceUID, string: series, vr: .UI)
        try dataset.set(.modality, string: modality, vr: .CS)
        try dataset.set(.patientName, string: "RIVERA^CAMILA", vr: .PN)
        try dataset.set(.patientID, string: "SYN-000042", vr: .LO)
        try dataset.set(.studyDate, string: "20220401", vr: .DA)
        return instance
    }

    mutating func write(_ instance: Instance, _ file: String, in directory: String) throws {
        try instance.write(to: directory + "/" + file, transferSyntax: .explicitLittleEndian)
        files.append(file)
    }
}
