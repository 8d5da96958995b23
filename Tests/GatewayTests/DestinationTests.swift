import Gateway
import Testing

@Suite struct DestinationTests {
    @Test func dicomDestinationNamesAETitleHostAndPort() throws {
        #expect(try Destination(parsing: "dicom://ARCHIVE@127.0.0.1:4242") == .dicom(aeTitle: "ARCHIVE", host: "127.0.0.1", port: 4242))
        #expect(try Destination(parsing: "dicom://PACS@archive.example.org:104").description == "dicom://PACS@archive.example.org:104")
    }

    @Test(arguments: ["dicom://127.0.0.1:4242", "dicom://AE@host", "dicom://AE@host:0", "dicom://AE@host:99999",
                      "dicom://THIS-AE-TITLE-IS-TOO-LONG@host:104", "http://host/x", "dicom://@host:104"])
    func malformedDestinationsAreRefused(text: String) {
        #expect(throws: GatewayError.self) { try Destination(parsing: text) }
    }

    @Test func dicomWebDestinationIsTheHTTPRootOfTheService() throws {
        #expect(try Destination(parsing: "dicomweb://127.0.0.1:8042/dicom-web") == .dicomWeb(baseURL: "http://127.0.0.1:8042/dicom-web"))
        #expect(try Destination(parsing: "dicomwebs://archive.example.org/dicom-web").description == "dicomwebs://archive.example.org/dicom-web")
        #expect(throws: GatewayError.self) { try Destination(parsing: "dicomweb:///dicom-web") }
    }
}
