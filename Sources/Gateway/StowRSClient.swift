import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1

/// A DICOMweb STOW-RS client (PS3.18 10.5): each instance is POSTed to `{base}/studies` as a
/// multipart/related body with one application/dicom part. The HTTP client is shared by the
/// workers (it is thread-safe and pools connections); each worker calls `send` synchronously.
final class StowRSClient: Forwarder, @unchecked Sendable {
    let studiesURL: String
    let client: HTTPClient
    let timeout: TimeAmount

    init(baseURL: String, client: HTTPClient, timeoutSeconds: Int64 = 60) {
        studiesURL = (baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL) + "/studies"
        self.client = client
        timeout = .seconds(timeoutSeconds)
    }

    func send(path: String) throws {
        let file = try Data(contentsOf: URL(fileURLWithPath: path))
        let boundary = "dcmdeid-" + UUID().uuidString
        var body = ByteBuffer()
        body.writeString("--\(boundary)\r\nContent-Type: application/dicom\r\n\r\n")
        body.writeBytes(file)
        body.writeString("\r\n--\(boundary)--\r\n")
        var request = try HTTPClient.Request(url: studiesURL, method: .POST)
        request.headers.add(name: "Content-Type", value: "multipart/related; type=\"application/dicom\"; boundary=\(boundary)")
        request.headers.add(name: "Accept", value: "application/dicom+json")
        request.body = .byteBuffer(body)
        let response: HTTPClient.Response
        do {
            response = try client.execute(request: request, deadline: .now() + timeout).wait()
        } catch {
            throw GatewayError.network(reason: "STOW-RS to \(studiesURL) failed: \(error)")
        }
        let text = response.body.map { String(buffer: $0) } ?? ""
        try Self.check(status: response.status.code, body: text, url: studiesURL)
    }

    /// 200: stored. 202: stored with warnings, unless the response lists failed instances
    /// (Failed SOP Sequence, 0008,1198). Anything else is a failure.
    static func check(status: UInt, body: String, url: String) throws {
        let failed = body.contains("\"00081198\"")
        if status == 200 || (status == 202 && !failed) { return }
        let detail = body.prefix(300).replacingOccurrences(of: "\n", with: " ")
        throw GatewayError.network(reason: "STOW-RS to \(url) answered HTTP \(status)" + (detail.isEmpty ? "" : ": \(detail)"))
    }

    func close() {}
}
