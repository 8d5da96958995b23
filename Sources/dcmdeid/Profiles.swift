import ArgumentParser
import Deidentification
import Foundation

struct Profiles: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List and show de-identification profiles and options (from the profiles/ folder).",
        subcommands: [List.self, Show.self])

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the built-in profiles and options.")

        func run() throws {
            let library = try ProfileLibrary.locate()
            print("profiles and options in \(library.directory):")
            for entry in try library.builtIns() {
                print("  \(entry.name.padding(toLength: 36, withPad: " ", startingAt: 0)) \(entry.kind.padding(toLength: 8, withPad: " ", startingAt: 0)) \(entry.title)")
            }
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show what a profile does to each attribute.")

        @Argument(help: "A profile name or file.")
        var name: String

        @Option(name: .customLong("option"), help: "Options to layer on (repeatable).")
        var options: [String] = []

        func run() throws {
            let profile = try ProfileLibrary.locate().load(name, options: options)
            print("profile: \(profile.name) — \(profile.title)")
            if !profile.options.isEmpty { print("options: " + profile.options.map(\.title).joined(separator: ", ")) }
            print("codes recorded (CID 7050): " + profile.methodCodes.map { "\($0.code) \($0.meaning)" }.joined(separator: "; "))
            print("")
            print("action legend: D dummy, Z empty, X remove, K keep, C clean, U new consistent UID; compound codes such as X/Z")
            print("resolve to Z, X/D to D, X/Z/U* keeps a sequence and replaces the UIDs inside it.")
            print("")
            for rule in profile.allRules {
                let action = rule.action.code.padding(toLength: 7, withPad: " ", startingAt: 0)
                let keyword = (rule.keyword ?? "").padding(toLength: 44, withPad: " ", startingAt: 0)
                print("  \(rule.pattern.description.padding(toLength: 14, withPad: " ", startingAt: 0)) \(action) \(keyword) [\(rule.source)]")
            }
            print("")
            print("attributes not listed: kept when their VR cannot hold text (\(profile.unlisted.keepVRs.sorted().joined(separator: " "))) or")
            print("they are in the technical keep list (\(profile.unlisted.keepKeywords.count) keywords), UIDs replaced, sequences cleaned, all else removed.")
            print("private attributes: removed" + (profile.hasOption("retain-safe-private") ? ", except \(profile.safePrivate.count) safe ones" : "") + ".")
        }
    }
}
