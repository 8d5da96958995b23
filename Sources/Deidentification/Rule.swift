import Foundation
import DicomCore

/// One line of a profile: which elements, what to do, and where the rule came from.
public struct Rule: Sendable, Hashable {
    public var pattern: TagPattern
    public var action: Action
    public var keyword: String?
    /// The VR from the dictionary, used to make dummy values when the element's own VR is unknown.
    public var vr: VR?
    /// The profile or option file that set this rule, for dry runs and audits.
    public var source: String

    public init(pattern: TagPattern, action: Action, keyword: String? = nil, vr: VR? = nil, source: String) {
        self.pattern = pattern
        self.action = action
        self.keyword = keyword
        self.vr = vr
        self.source = source
    }
}

/// A private element's address independent of the block its creator happened to reserve.
public struct PrivateElementKey: Hashable, Sendable {
    public let group: UInt16
    public let creator: String
    public let element: UInt8

    public init(group: UInt16, creator: String, element: UInt8) {
        self.group = group
        self.creator = creator.trimmingCharacters(in: .whitespaces).uppercased()
        self.element = element
    }
}
