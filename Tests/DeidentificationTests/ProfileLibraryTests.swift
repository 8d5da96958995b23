@testable import Deidentification
import DicomCore
import Foundation
import Testing

@Suite struct ProfileLibraryTests {
    let library = ProfileLibrary(directory: TestData.profiles)

    /// Pattern → action code of every rule of a profile, as `profiles show` lists them.
    static func actions(of profile: Profile) -> [String: String] {
        Dictionary(profile.allRules.map { ($0.pattern.description, $0.action.code) }, uniquingKeysWith: { _, new in new })
    }

    @Test func theTableHas621Rows() {
        #expect(StandardTable.rows.count == 621)
        #expect(StandardTable.concreteRows.count > 600)
    }

    @Test func basicResolvesEveryRowOfTheTableWithItsBasicAction() throws {
        let profile = try library.load("basic")
        #expect(profile.name == "basic")
        #expect(profile.code == "113100")
        #expect(profile.options.isEmpty)
        #expect(profile.allRules.count == 621)
        #expect(profile.allRules.allSatisfy { $0.source == "basic" })
        let actions = Self.actions(of: profile)
        #expect(actions.count == 621)
        for row in StandardTable.rows {
            #expect(actions[row.pattern] == row.basic, "\(row.testDescription)")
        }
    }

    @Test func basicFindsRulesForRepeatingGroupsAndPrivateElements() throws {
        let profile = try library.load("basic")
        #expect(profile.rule(for: Tag(0x6000, 0x3000))?.action == .remove)
        #expect(profile.rule(for: Tag(0x601E, 0x3000))?.action == .remove)
        #expect(profile.rule(for: Tag(0x6002, 0x4000))?.action == .remove)
        #expect(profile.rule(for: Tag(0x5004, 0x0005))?.action == .remove)
        #expect(profile.rule(for: Tag(0x6000, 0x0010)) == nil, "overlay rows are not in the table, only 60XX,3000 and 60XX,4000")
        #expect(profile.privateRule(for: Tag(0x0009, 0x1001), creator: "ACME")?.action == .remove)
        #expect(profile.rule(for: .patientName)?.action == .zero)
    }

    @Test(arguments: StandardTable.codes.keys.filter { $0 != "basic" }.sorted())
    func eachOptionFileLoadsOnTopOfBasicWithItsCode(option: String) throws {
        let profile = try library.load("basic", options: [option])
        #expect(profile.hasOption(option))
        #expect(profile.options.map(\.name) == [option])
        #expect(profile.options.first?.code == StandardTable.codes[option])
    }

    @Test(arguments: StandardTable.optionColumns.map(\.option))
    func anOptionChangesExactlyTheRulesOfItsColumn(option: String) throws {
        let column = try #require(StandardTable.optionColumns.first { $0.option == option }?.column)
        let basic = Self.actions(of: try library.load("basic"))
        let layered = try library.load("basic", options: [option])
        let actions = Self.actions(of: layered)
        let columnRows = StandardTable.rows(withColumn: column)
        #expect(!columnRows.isEmpty)
        #expect(actions.count == 621)
        // The rules the option set are exactly the rows where its column is filled in.
        let setByOption = Set(layered.allRules.filter { $0.source == option }.map(\.pattern.description))
        #expect(setByOption == Set(columnRows.map(\.pattern)))
        for row in StandardTable.rows {
            let expected = row.options[column] ?? row.basic
            #expect(actions[row.pattern] == expected, "\(row.testDescription) with \(option)")
            if row.options[column] == nil { #expect(actions[row.pattern] == basic[row.pattern]) }
        }
    }

    @Test func laterOptionsWinWhereOptionsDisagree() throws {
        // Date of Last Calibration: K in retain-device-identity, C in retain-longitudinal-modified-dates.
        let tag = try #require(DataDictionary.entry(keyword: "DateOfLastCalibration")?.tag)
        let row = try #require(StandardTable.row(tag.description))
        #expect(row.options["rtnDevIdOpt"] == "K" && row.options["rtnLongModifDatesOpt"] == "C")
        let datesLast = try library.load("basic", options: ["retain-device-identity", "retain-longitudinal-modified-dates"])
        let deviceLast = try library.load("basic", options: ["retain-longitudinal-modified-dates", "retain-device-identity"])
        #expect(datesLast.rule(for: tag)?.action == .clean)
        #expect(deviceLast.rule(for: tag)?.action == .keep)
    }

    @Test func builtInsListEveryProfileFileWithItsKind() throws {
        let builtIns = try library.builtIns()
        let kinds = Dictionary(builtIns.map { ($0.name, $0.kind) }, uniquingKeysWith: { first, _ in first })
        #expect(kinds["basic"] == "profile")
        #expect(kinds["retained-attributes"] == "policy")
        for (option, _) in StandardTable.optionColumns { #expect(kinds[option] == "option", "\(option)") }
        #expect(kinds["clean-pixel-data"] == "option")
        #expect(builtIns.count == 13)
    }

    @Test func anUnknownProfileNameIsReportedWithWhereItWasLookedFor() {
        #expect(throws: DeidentificationError.profileNotFound(name: "no-such-profile", searched: [TestData.profiles])) {
            try library.load("no-such-profile")
        }
    }

    // MARK: user profiles

    static let userProfile = """
        # a trial profile
        name: my-trial
        kind: profile
        title: Basic profile for trial XYZ
        extends: basic
        options:
          - retain-patient-characteristics
          - retain-longitudinal-modified-dates
        rules:
          - { keyword: StudyDescription, action: K }
          - { tag: "(0018,1030)", action: K, keyword: ProtocolName }
          - { tag: "(0008,0080)", action: X }
          - { tag: '(0009,"GEMS_IDEN_01",04)', action: K }
        parameters:
          patientIDPattern: "TRIAL-{hash:6}"
          maxDateShiftDays: 30
        """

    @Test func aUserProfileExtendsBasicAddsOptionsAndOverridesRulesByKeywordTagAndPrivateCreator() throws {
        let directory = try TemporaryDirectory()
        let path = try directory.write("my-trial.yaml", Self.userProfile)
        let profile = try library.load(path)
        #expect(profile.options.map(\.name) == ["retain-patient-characteristics", "retain-longitudinal-modified-dates"])
        #expect(profile.methodCodes.map(\.code) == ["113100", "113108", "113107"])
        let studyDescription = try #require(profile.rule(for: Tag(0x0008, 0x1030)))
        #expect(studyDescription.action == .keep)
        #expect(studyDescription.source == "my-trial")
        #expect(profile.rule(for: Tag(0x0018, 0x1030))?.action == .keep)
        #expect(profile.rule(for: Tag(0x0008, 0x0080))?.action == .remove)
        #expect(profile.rule(for: Tag(0x0010, 0x0040))?.action == .keep, "PatientSex from retain-patient-characteristics")
        #expect(profile.rule(for: .studyDate)?.action == .clean, "StudyDate from retain-longitudinal-modified-dates")
        #expect(profile.rule(for: .patientName)?.action == .zero, "PatientName from basic")
        // The private rule holds whichever block the creator reserved, and only for that creator.
        #expect(profile.privateRule(for: Tag(0x0009, 0x1104), creator: "GEMS_IDEN_01")?.action == .keep)
        #expect(profile.privateRule(for: Tag(0x0009, 0x1004), creator: "GEMS_IDEN_01")?.action == .keep)
        #expect(profile.privateRule(for: Tag(0x0009, 0x1005), creator: "GEMS_IDEN_01")?.action == .remove)
        #expect(profile.privateRule(for: Tag(0x0009, 0x1004), creator: "OTHER")?.action == .remove)
        #expect(profile.parameters.patientIDPattern == "TRIAL-{hash:6}")
        #expect(profile.parameters.maxDateShiftDays == 30)
        #expect(profile.allRules.count == 622, "621 table rows and one private rule")
    }

    /// `profiles show my-trial.yaml` and De-identification Method should name the user's profile, not only Basic.
    @Test
    func aUserProfileKeepsItsOwnNameAndTitle() throws {
        let directory = try TemporaryDirectory()
        let profile = try library.load(try directory.write("my-trial.yaml", Self.userProfile))
        #expect(profile.name == "my-trial")
        #expect(profile.title == "Basic profile for trial XYZ")
    }

    @Test func extraCommandLineOptionsLayerAfterTheProfilesOwn() throws {
        let directory = try TemporaryDirectory()
        let path = try directory.write("my-trial.yaml", Self.userProfile)
        let profile = try library.load(path, options: ["retain-uids"])
        #expect(profile.options.map(\.name).last == "retain-uids")
        #expect(profile.rule(for: .studyInstanceUID)?.action == .keep)
    }

    // MARK: invalid profiles

    struct InvalidCase: Sendable, CustomTestStringConvertible {
        let name: String
        /// The offending line, written as the fourth line of the file.
        let line: String
        let section: String
        let reasonContains: String
        var testDescription: String { name }
    }

    static let invalidCases: [InvalidCase] = [
        InvalidCase(name: "unknown keyword", line: "  - { keyword: PatientNmae, action: X }", section: "rules:",
                    reasonContains: "PatientNmae"),
        InvalidCase(name: "unknown action", line: "  - { tag: \"(0010,0010)\", action: Q }", section: "rules:",
                    reasonContains: "unknown action"),
        InvalidCase(name: "compound action spelled wrong", line: "  - { tag: \"(0010,0010)\", action: X/Y }",
                    section: "rules:", reasonContains: "X/Y"),
        InvalidCase(name: "bad tag", line: "  - { tag: \"(0010,001G)\", action: X }", section: "rules:",
                    reasonContains: "(0010,001G)"),
        InvalidCase(name: "keyword that does not match the tag", line: "  - { tag: \"(0010,0010)\", keyword: PatientID, action: X }",
                    section: "rules:", reasonContains: "PatientID"),
        InvalidCase(name: "unknown rule field", line: "  - { tag: \"(0010,0010)\", action: X, colour: red }",
                    section: "rules:", reasonContains: "colour"),
        InvalidCase(name: "unknown key", line: "colour: red", section: "", reasonContains: "colour"),
        InvalidCase(name: "unknown parameter", line: "  colour: red", section: "parameters:", reasonContains: "colour"),
        InvalidCase(name: "bad parameter value", line: "  maxDateShiftDays: -3", section: "parameters:",
                    reasonContains: "maxDateShiftDays"),
    ]

    @Test(arguments: invalidCases)
    func anInvalidProfileIsRejectedWithItsFileAndLine(_ invalid: InvalidCase) throws {
        let directory = try TemporaryDirectory()
        // Line numbers as an editor shows them: the offending line is line 7 (or 8 after a section key).
        var lines = ["# line 1", "name: broken", "kind: profile", "extends: basic", "title: broken"]
        if invalid.section != "rules:" { lines += ["rules:", "  - { tag: \"(0010,0020)\", action: X }"] }
        if !invalid.section.isEmpty { lines.append(invalid.section) }
        if invalid.section == "rules:" { lines.append("  - { tag: \"(0010,0020)\", keyword: PatientID, action: X }") }
        lines.append(invalid.line)
        let expectedLine = lines.count
        lines += ["# last line"]
        let path = try directory.write("broken.yaml", lines.joined(separator: "\n") + "\n")
        do {
            _ = try library.load(path)
            Issue.record("\(invalid.name) was accepted")
        } catch let DeidentificationError.invalidProfile(file, line, reason) {
            #expect(file == path)
            #expect(line == expectedLine, "reason: \(reason)")
            #expect(reason.contains(invalid.reasonContains), "reason: \(reason)")
            #expect("\(DeidentificationError.invalidProfile(file: file, line: line, reason: reason))".hasPrefix("\(path):\(expectedLine): "))
        }
    }

    @Test func aProfileThatIsNotYAMLIsRejectedWithItsFile() throws {
        let directory = try TemporaryDirectory()
        let path = try directory.write("bad.yaml", "name: bad\nrules: [ { tag: \"(0010,0010)\"\n")
        #expect {
            try library.load(path)
        } throws: { error in
            guard case let DeidentificationError.invalidProfile(file, _, _) = error else { return false }
            return file == path
        }
    }

    @Test func anOptionCannotBeLoadedAsAProfile() {
        #expect(throws: DeidentificationError.self) { try library.load("retain-uids") }
    }

    @Test func aProfileCannotBeLayeredAsAnOption() {
        #expect(throws: DeidentificationError.self) { try library.load("basic", options: ["basic"]) }
    }
}
