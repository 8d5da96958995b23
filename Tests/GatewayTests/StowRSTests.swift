@testable import Gateway
import Testing

@Suite struct StowRSTests {
    @Test func okAndWarningsWithoutFailuresCountAsStored() throws {
        try StowRSClient.check(status: 200, body: "{}", url: "u")
        try StowRSClient.check(status: 202, body: #"{"00081199": {"vr": "SQ"}}"#, url: "u")
    }

    @Test func failedInstancesAndErrorStatusesAreFailures() {
        #expect(throws: GatewayError.self) { try StowRSClient.check(status: 202, body: #"{"00081198": {"vr": "SQ"}}"#, url: "u") }
        #expect(throws: GatewayError.self) { try StowRSClient.check(status: 409, body: "", url: "u") }
        #expect(throws: GatewayError.self) { try StowRSClient.check(status: 503, body: "busy", url: "u") }
    }
}
