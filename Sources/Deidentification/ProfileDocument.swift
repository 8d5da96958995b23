import DicomCore
import Foundation
import Yams

/// One profile file as written: a built-in profile or option from `profiles/`, or a user's profile.
/// Parsing validates every field and reports problems with the file and line.
struct ProfileDocument {
    enum Kind: String { case profile, option, policy }

    var path: String
    var name: String
    var kind: Kind
    var title: String
    var code: String?
    var extends: String?
    var options: [String] = []
    var rules: [Rule] = []
    var privateRules: [PrivateElementKey: Rule] = [:]
    var safePrivate: Set<PrivateElementKey> = []
    var parameters: [String: (value: String, line: Int)] = [:]
    /// retained-attributes.yaml
    var keepVRs: Set<String> = []
    var keepKeywords: Set<String> = []
    var exceptKeywords: Set<String> = []

    static let knownKeys: Set<String> = [
        "name", "kind", "title", "code", "edition", "extends", "options", "rules", "parameters", "safePrivate",
        "keepVRs", "keepKeywords", "exceptKeywords", "description",
    ]

    init(path: String) throws {
        self.path = path
        name = PathName.name(of: path).replacingOccurrences(of: ".yaml", with: "")
        kind = .profile
        title = name
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw DeidentificationError.invalidProfile(file: path, line: 0, reason: "cannot read: \(error.localizedDescription)")
        }
        let root: Node
        do {
            guard let node = try Yams.compose(yaml: text) else { throw invalid(0, "empty profile") }
            root = node
        } catch let error as DeidentificationError {
            throw error
        } catch {
            throw invalid(Self.line(of: error), "not valid YAML: \(error)")
        }
        guard let mapping = root.mapping else { throw invalid(line(root), "a profile is a mapping of keys") }
        try read(mapping)
    }

    private mutating func read(_ mapping: Node.Mapping) throws {
        for (keyNode, value) in mapping {
            guard let key = keyNode.string else { throw invalid(line(keyNode), "keys must be text") }
            guard Self.knownKeys.contains(key) else { throw invalid(line(keyNode), "unknown key \"\(key)\"") }
            switch key {
            case "name": name = try scalar(value)
            case "kind":
                let text = try scalar(value)
                guard let parsed = Kind(rawValue: text) else { throw invalid(line(value), "unknown kind \"\(text)\"") }
                kind = parsed
            case "title": title = try scalar(value)
            case "code": code = try scalar(value)
            case "extends": extends = try scalar(value)
            case "options": options = try list(value).map { try scalar($0) }
            case "rules": try readRules(value)
            case "safePrivate": try readSafePrivate(value)
            case "parameters":
                guard let parameters = value.mapping else { throw invalid(line(value), "parameters must be a mapping") }
                for (name, setting) in parameters {
                    self.parameters[try scalar(name)] = (try scalar(setting), line(setting))
                }
            case "keepVRs": keepVRs = Set(try list(value).map { try scalar($0) })
            case "keepKeywords": keepKeywords = Set(try list(value).map { try scalar($0) })
            case "exceptKeywords": exceptKeywords = Set(try list(value).map { try scalar($0) })
            default: break
            }
        }
    }

    private mutating func readRules(_ node: Node) throws {
        for entry in try list(node) {
            guard let fields = entry.mapping else { throw invalid(line(entry), "a rule is a mapping such as { tag: \"(0010,0010)\", action: Z }") }
            var values: [String: (String, Int)] = [:]
            for (key, value) in fields {
                let name = try scalar(key)
                guard ["tag", "keyword", "action", "vr", "inStandardIOD", "name"].contains(name) else {
                    throw invalid(line(key), "unknown rule field \"\(name)\"")
                }
                values[name] = (try scalar(value), line(value))
            }
            let ruleLine = line(entry)
            guard let (actionText, actionLine) = values["action"] else { throw invalid(ruleLine, "rule without action") }
            guard let action = Action(rawValue: actionText.uppercased()) else {
                throw invalid(actionLine, "unknown action \"\(actionText)\" (use one of \(Action.allCases.map(\.code).joined(separator: ", ")))")
            }
            let keyword = values["keyword"]?.0
            let pattern = try rulePattern(tag: values["tag"], keyword: values["keyword"], line: ruleLine)
            let vr = values["vr"].map { VR($0.0) } ?? (keyword.flatMap { DataDictionary.entry(keyword: $0)?.vr })
            let rule = Rule(pattern: pattern, action: action, keyword: keyword, vr: vr, source: name)
            if case let .privateElement(group, creator, element) = pattern {
                privateRules[PrivateElementKey(group: group, creator: creator, element: element)] = rule
            } else {
                rules.append(rule)
            }
        }
    }

    private func rulePattern(tag: (String, Int)?, keyword: (String, Int)?, line ruleLine: Int) throws -> TagPattern {
        if let (text, tagLine) = tag {
            guard let pattern = TagPattern(parsing: text) else {
                throw invalid(tagLine, "cannot read tag \"\(text)\" (write (gggg,eeee), (60XX,3000) or (0009,\"CREATOR\",04))")
            }
            if case let .exact(parsed) = pattern, let (word, wordLine) = keyword,
               let entry = DataDictionary.entry(keyword: word), entry.tag != parsed {
                throw invalid(wordLine, "keyword \(word) is \(entry.tag), not \(parsed)")
            }
            return pattern
        }
        guard let (word, wordLine) = keyword else { throw invalid(ruleLine, "rule needs a tag or a keyword") }
        guard let entry = DataDictionary.entry(keyword: word) else { throw invalid(wordLine, "unknown keyword \"\(word)\"") }
        return .exact(entry.tag)
    }

    private mutating func readSafePrivate(_ node: Node) throws {
        for entry in try list(node) {
            guard let fields = entry.mapping else { throw invalid(line(entry), "a safe private entry is a mapping") }
            var values: [String: String] = [:]
            for (key, value) in fields { values[try scalar(key)] = try scalar(value) }
            guard let groupText = values["group"], let group = UInt16(groupText, radix: 16),
                  let creator = values["creator"], let elementText = values["element"],
                  let element = UInt8(elementText, radix: 16) else {
                throw invalid(line(entry), "a safe private entry needs group, creator and element")
            }
            safePrivate.insert(PrivateElementKey(group: group, creator: creator, element: element))
        }
    }

    // MARK: YAML helpers

    private func scalar(_ node: Node) throws -> String {
        guard let text = node.string else { throw invalid(line(node), "expected a single value") }
        return text
    }

    private func list(_ node: Node) throws -> [Node] {
        if let sequence = node.sequence { return Array(sequence) }
        throw invalid(line(node), "expected a list")
    }

    private func line(_ node: Node) -> Int { (node.mark?.line ?? 0) }

    private func invalid(_ line: Int, _ reason: String) -> DeidentificationError {
        .invalidProfile(file: path, line: line, reason: reason)
    }

    private static func line(of error: Error) -> Int {
        if let yaml = error as? YamlError, case let .parser(_, _, mark, _) = yaml { return mark.line }
        if let yaml = error as? YamlError, case let .scanner(_, _, mark, _) = yaml { return mark.line }
        return 0
    }
}
