import DicomCore

/// What happens to standard attributes that Table E.1-1 does not list (retained-attributes.yaml):
/// keep what cannot carry identifying text, remove the rest, and say so in the dry run.
public struct UnlistedAttributePolicy: Sendable {
    public let keepVRs: Set<String>
    public let keepKeywords: Set<String>
    public let exceptKeywords: Set<String>
    /// `remove`: keywords are not consulted, only the VR rule.
    public var keywordsEnabled = true
    /// The keywords resolved to tags once, so the per-element decision needs no dictionary lookup.
    let keepTags: Set<Tag>
    let exceptTags: Set<Tag>

    public init(keepVRs: Set<String>, keepKeywords: Set<String>, exceptKeywords: Set<String>) {
        self.keepVRs = keepVRs
        self.keepKeywords = keepKeywords
        self.exceptKeywords = exceptKeywords
        keepTags = Set(keepKeywords.compactMap { DataDictionary.entry(keyword: $0)?.tag })
        exceptTags = Set(exceptKeywords.compactMap { DataDictionary.entry(keyword: $0)?.tag })
    }

    public enum Decision: Equatable, Sendable {
        case keep, remove, remapUID, cleanItems
    }

    public func decision(for element: Element) -> Decision {
        if element.isSequence { return .cleanItems }
        if element.vr == .UI { return .remapUID }
        if exceptTags.contains(element.tag) { return .remove }
        if keepVRs.contains(element.vr.code) { return .keep }
        if keywordsEnabled && keepTags.contains(element.tag) { return .keep }
        return .remove
    }
}
