/// Everything the gateway can fail with, each case saying what a user needs to act.
public enum GatewayError: Error, CustomStringConvertible, Equatable {
    case invalidDestination(text: String, reason: String)
    case unsupportedDestination(text: String, reason: String)
    case cannotListen(reason: String)
    case network(reason: String)
    case storeRefused(status: UInt16, reason: String)
    case spool(path: String, reason: String)

    public var description: String {
        switch self {
        case let .invalidDestination(text, reason): "destination \(text): \(reason)"
        case let .unsupportedDestination(text, reason): "destination \(text): \(reason)"
        case let .cannotListen(reason): "cannot start the DICOM listener: \(reason)"
        case let .network(reason): reason
        case let .storeRefused(status, reason):
            "the destination answered C-STORE with status 0x\(String(status, radix: 16, uppercase: true))" + (reason.isEmpty ? "" : " (\(reason))")
        case let .spool(path, reason): "\(path): \(reason)"
        }
    }
}
