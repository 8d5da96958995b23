import DicomCore
import Foundation

/// Finds and loads profiles: the built-in ones in a `profiles/` folder, and user files that `extends:` them.
public struct ProfileLibrary: Sendable {
    public let directory: String

    public init(directory: String) { self.directory = directory }

    /// The built-in profiles folder: `$DCMDEID_PROFILES`, then `../share/dcmdeid/profiles` beside the
    /// executable, then `profiles/` in the source tree the executable was built from, then `./profiles`.
    public static func locate(executable: String = CommandLine.arguments.first ?? "") throws -> ProfileLibrary {
        let candidates = searchPaths(executable: executable)
        for candidate in candidates where FileManager.default.fileExists(atPath: candidate + "/basic.yaml") {
            return ProfileLibrary(directory: candidate)
        }
        throw DeidentificationError.profileNotFound(name: "basic", searched: candidates)
    }

    static func searchPaths(executable: String) -> [String] {
        var paths: [String] = []
        if let fromEnvironment = ProcessInfo.processInfo.environment["DCMDEID_PROFILES"] { paths.append(fromEnvironment) }
        let binary = URL(fileURLWithPath: executable).resolvingSymlinksInPath().deletingLastPathComponent()
        paths.append(binary.appendingPathComponent("../share/dcmdeid/profiles").standardized.path)
        // .build/<config>/dcmdeid → the package root
        paths.append(binary.appendingPathComponent("../../../profiles").standardized.path)
        let source = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../profiles")
        paths.append(source.standardized.path)
        paths.append(FileManager.default.currentDirectoryPath + "/profiles")
        return paths
    }

    /// Built-in profile and option names (file names without .yaml), by kind.
    public func builtIns() throws -> [(name: String, kind: String, title: String)] {
        let files = try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.hasSuffix(".yaml") }.sorted()
        return try files.map { file in
            let document = try ProfileDocument(path: directory + "/" + file)
            return (document.name, document.kind.rawValue, document.title)
        }
    }

    /// Loads a profile by built-in name or file path, with extra options layered on in order.
    public func load(_ nameOrPath: String, options extraOptions: [String] = []) throws -> Profile {
        let document = try document(named: nameOrPath)
        return try resolve(document, extraOptions: extraOptions, depth: 0)
    }

    func document(named nameOrPath: String) throws -> ProfileDocument {
        if nameOrPath.hasSuffix(".yaml") || nameOrPath.contains("/") {
            guard FileManager.default.fileExists(atPath: nameOrPath) else {
                throw DeidentificationError.profileNotFound(name: nameOrPath, searched: [nameOrPath])
            }
            return try ProfileDocument(path: nameOrPath)
        }
        let path = directory + "/" + nameOrPath + ".yaml"
        guard FileManager.default.fileExists(atPath: path) else {
            throw DeidentificationError.profileNotFound(name: nameOrPath, searched: [directory])
        }
        return try ProfileDocument(path: path)
    }

    func resolve(_ document: ProfileDocument, extraOptions: [String], depth: Int) throws -> Profile {
        guard depth < 8 else {
            throw DeidentificationError.invalidProfile(file: document.path, line: 0, reason: "extends: nests too deep (a cycle?)")
        }
        var profile: Profile
        if let parent = document.extends {
            profile = try resolve(try self.document(named: parent), extraOptions: [], depth: depth + 1)
        } else {
            guard document.kind == .profile else {
                throw DeidentificationError.invalidProfile(file: document.path, line: 0,
                                                          reason: "\(document.name) is an \(document.kind.rawValue), not a profile")
            }
            profile = Profile(name: document.name, title: document.title, code: document.code, unlisted: try unlistedPolicy())
        }
        if document.extends != nil {
            profile.name = document.name
            profile.title = document.title
        }
        profile.apply(document.rules, privateRules: document.privateRules)
        for option in document.options + extraOptions { try addOption(option, to: &profile) }
        for (name, setting) in document.parameters.sorted(by: { $0.key < $1.key }) {
            try profile.parameters.set(name, to: setting.value, file: document.path, line: setting.line)
        }
        profile.unlisted.keywordsEnabled = profile.parameters.unlistedAttributes == "policy"
        return profile
    }

    func addOption(_ name: String, to profile: inout Profile) throws {
        guard !profile.hasOption(name) else { return }
        let option = try document(named: name)
        guard option.kind == .option else {
            throw DeidentificationError.optionConflict(option: name, reason: "not an option (it is a \(option.kind.rawValue))")
        }
        profile.apply(option.rules, privateRules: option.privateRules)
        profile.safePrivate.formUnion(option.safePrivate)
        profile.options.append(Profile.Option(name: option.name, title: option.title, code: option.code))
    }

    func unlistedPolicy() throws -> UnlistedAttributePolicy {
        let document = try ProfileDocument(path: directory + "/retained-attributes.yaml")
        return UnlistedAttributePolicy(keepVRs: document.keepVRs, keepKeywords: document.keepKeywords,
                                       exceptKeywords: document.exceptKeywords)
    }
}
