/// Everything DicomCore can fail with, each case carrying what a user needs to act.
public enum DicomError: Error, CustomStringConvertible, Equatable {
    case cannotRead(path: String, reason: String)
    case cannotWrite(path: String, reason: String)
    case unsupportedTransferSyntax(uid: String, name: String)
    case cannotDecodePixels(reason: String)
    case unsupportedPixelFormat(reason: String)
    case noPixelData
    case elementOperationFailed(tag: Tag, operation: String, reason: String)
    case notAnImage(path: String, reason: String)

    public var description: String {
        switch self {
        case let .cannotRead(path, reason): "\(path): cannot read: \(reason)"
        case let .cannotWrite(path, reason): "\(path): cannot write: \(reason)"
        case let .unsupportedTransferSyntax(uid, name):
            "unsupported transfer syntax \(uid) (\(name.isEmpty ? "unknown" : name))"
        case let .cannotDecodePixels(reason): "cannot decode pixel data: \(reason)"
        case let .unsupportedPixelFormat(reason): "unsupported pixel format: \(reason)"
        case .noPixelData: "no pixel data"
        case let .elementOperationFailed(tag, operation, reason): "cannot \(operation) \(tag): \(reason)"
        case let .notAnImage(path, reason): "\(path): not a readable image: \(reason)"
        }
    }
}
