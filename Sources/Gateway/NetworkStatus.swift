internal import CDCMTK

/// The one place where a CDCMTK network status becomes a Swift error (as DicomCore's DCMTKStatus does for files).
enum NetworkStatus {
    static func check(_ makeError: (String) -> GatewayError, _ body: (UnsafeMutablePointer<dd_error_t>) -> Int32) throws {
        var record = dd_error_t()
        if body(&record) != 0 { throw makeError(message(of: &record)) }
    }

    static func pointer<T>(_ makeError: (String) -> GatewayError, _ body: (UnsafeMutablePointer<dd_error_t>) -> T?) throws -> T {
        var record = dd_error_t()
        guard let result = body(&record) else { throw makeError(message(of: &record)) }
        return result
    }

    static func message(of record: inout dd_error_t) -> String {
        withUnsafeBytes(of: &record.message) { raw in
            let text = String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            return text.isEmpty ? "unknown error" : text
        }
    }
}
