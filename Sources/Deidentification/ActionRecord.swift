import DicomCore

/// What the engine did (or would do) to one element: for dry runs and audits. Never holds values.
public struct ActionRecord: Sendable, Hashable {
    /// Where the element is: `(0008,1140)[0]>(0008,1155)` for nested elements.
    public var path: String
    public var tag: Tag
    public var keyword: String
    public var action: String
    /// Why: the profile or option that set the rule, or the policy that applied.
    public var reason: String
}

/// Counts of actions applied to one instance.
public struct ActionCounts: Sendable, Equatable, Codable {
    public var removed = 0
    public var emptied = 0
    public var dummied = 0
    public var kept = 0
    public var cleaned = 0
    public var uidsReplaced = 0
    public var unlistedRemoved = 0
    public var privateRemoved = 0

    public init() {}
}
