import DicomCore

/// What happens to standard attributes that Table E.1-1 does not list (retained-attributes.yaml):
/// keep what cannot carry identifying text, remove the rest, and say so in the dry run.
public struct UnlistedAttributePolicy: Sendable {
    public var keepVRs: Set<String>
    public var keepKeywords: Set<String>
    public var exceptKeywords: Set<String>
    /// `remove`: keywords are not consulted, only the VR rule.
    public var keywordsEnabled = true

    public enum Decision: Equatable, Sendable {
        case keep, remove, remapUID, cleanItems
    }

    public func decision(for element: Element, keyword: String?) -> Decision {
        if element.isSequence { return .cleanItems }
        if element.vr == .UI { return .remapUID }
        if let keyword, exceptKeywords.contains(keyword) { return .remove }
        if keepVRs.contains(element.vr.code) { return .keep }
        if keywordsEnabled, let keyword, keepKeywords.contains(keyword) { return .keep }
        return .remove
    }
}
