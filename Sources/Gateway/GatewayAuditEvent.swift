import Foundation

/// An audit line for what is not one instance's outcome: a rejected association or request, a
/// start or a stop. Instance outcomes use Pipeline's AuditRecord, as batch runs do.
public struct GatewayAuditEvent: Codable, Sendable {
    public var event: String
    public var callingAE: String?
    public var peer: String?
    public var reason: String?
    public var time: String

    public init(event: String, callingAE: String? = nil, peer: String? = nil, reason: String? = nil) {
        self.event = event
        self.callingAE = callingAE
        self.peer = peer
        self.reason = reason
        self.time = ISO8601DateFormatter().string(from: Date())
    }
}
