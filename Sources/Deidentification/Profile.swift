import DicomCore

/// A resolved de-identification profile: the Basic profile, the chosen options layered on top in
/// order (a later option wins for the same attribute), then the user's own rules.
public struct Profile: Sendable {
    public struct Option: Sendable, Hashable {
        public let name: String
        public let title: String
        public let code: String?
    }

    /// The profile's own name and title (a user profile's, when it extends a built-in one).
    public internal(set) var name: String
    public internal(set) var title: String
    /// The built-in profile at the root of the `extends:` chain (e.g. basic), whose CID 7050 code is recorded.
    public let baseName: String
    public let baseTitle: String
    public let code: String?
    public internal(set) var options: [Option] = []
    public internal(set) var parameters = ProfileParameters()
    public internal(set) var unlisted: UnlistedAttributePolicy
    /// Safe private attributes kept when the Retain Safe Private option is chosen.
    public internal(set) var safePrivate: Set<PrivateElementKey> = []

    var exactRules: [Tag: Rule] = [:]
    var maskedRules: [Rule] = []
    var privateDefault: Rule?
    var privateRules: [PrivateElementKey: Rule] = [:]

    init(name: String, title: String, code: String?, unlisted: UnlistedAttributePolicy) {
        self.name = name
        self.title = title
        self.baseName = name
        self.baseTitle = title
        self.code = code
        self.unlisted = unlisted
    }

    /// Adds rules, replacing any earlier rule for the same pattern.
    mutating func apply(_ rules: [Rule], privateRules: [PrivateElementKey: Rule]) {
        for rule in rules {
            switch rule.pattern {
            case let .exact(tag): exactRules[tag] = rule
            case .masked:
                maskedRules.removeAll { $0.pattern == rule.pattern }
                maskedRules.append(rule)
            case .anyPrivate: privateDefault = rule
            case .privateElement: break
            }
        }
        self.privateRules.merge(privateRules) { _, new in new }
    }

    /// The rule for a standard (even-group) tag, if the profile lists it.
    public func rule(for tag: Tag) -> Rule? {
        if let rule = exactRules[tag] { return rule }
        return maskedRules.first { $0.pattern.matches(tag) }
    }

    /// The rule for a private data element, given its creator.
    public func privateRule(for tag: Tag, creator: String?) -> Rule? {
        if let creator {
            let key = PrivateElementKey(group: tag.group, creator: creator, element: UInt8(tag.element & 0xFF))
            if let rule = privateRules[key] { return rule }
        }
        return privateDefault
    }

    public func isSafePrivate(_ tag: Tag, creator: String?) -> Bool {
        guard let creator else { return false }
        return safePrivate.contains(PrivateElementKey(group: tag.group, creator: creator, element: UInt8(tag.element & 0xFF)))
    }

    public func hasOption(_ name: String) -> Bool { options.contains { $0.name == name } }

    /// Every rule, for `profiles show`.
    public var allRules: [Rule] {
        exactRules.values.sorted { ($0.pattern.description) < ($1.pattern.description) }
            + maskedRules + (privateDefault.map { [$0] } ?? []) + privateRules.values.sorted { $0.pattern.description < $1.pattern.description }
    }

    /// CID 7050 codes this profile applies (Basic first, then the options), without Clean Pixel Data,
    /// which is recorded only when pixels were actually cleaned.
    public var methodCodes: [(code: String, meaning: String)] {
        var codes: [(String, String)] = []
        if let code { codes.append((code, baseTitle)) }
        for option in options where option.name != "clean-pixel-data" {
            if let code = option.code { codes.append((code, option.title)) }
        }
        return codes
    }
}
