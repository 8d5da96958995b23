import DicomCore
import Testing

@Suite("TransferSyntax")
struct TransferSyntaxTests {
    @Test func namesComeFromDCMTKAndForNewerSyntaxesFromOurTable() {
        #expect(TransferSyntax.explicitLittleEndian.name == "Little Endian Explicit")
        #expect(TransferSyntax.rleLossless.name == "RLE Lossless")
        #expect(TransferSyntax(uid: "1.2.840.10008.1.2.4.111").name == "JPEG XL JPEG Recompression")
        #expect(TransferSyntax(uid: "1.2.840.10008.1.2.4.201").name == "High-Throughput JPEG 2000 Lossless Only")
        #expect(TransferSyntax(uid: "1.2.3.4").name == "unknown")
    }

    @Test func descriptionIsTheUIDAndItsName() {
        #expect(TransferSyntax.rleLossless.description == "1.2.840.10008.1.2.5 (RLE Lossless)")
    }

    @Test func trailingPaddingIsIgnored() {
        #expect(TransferSyntax(uid: "1.2.840.10008.1.2.1\0") == .explicitLittleEndian)
        #expect(TransferSyntax(uid: "1.2.840.10008.1.2.5 ") == .rleLossless)
    }

    @Test(arguments: ["1.2.840.10008.1.2.5", "1.2.840.10008.1.2.4.50", "1.2.840.10008.1.2.4.70", "1.2.840.10008.1.2.4.80",
                      "1.2.840.10008.1.2.4.90", "1.2.840.10008.1.2.4.91"])
    func compressedSyntaxesAreEncapsulated(_ uid: String) {
        #expect(TransferSyntax(uid: uid).isEncapsulated)
    }

    @Test(arguments: ["1.2.840.10008.1.2.4.111", "1.2.840.10008.1.2.4.201", "1.2.840.10008.1.2.4.203"])
    func compressedSyntaxesNewerThanDCMTKAreEncapsulated(_ uid: String) {
        #expect(TransferSyntax(uid: uid).isEncapsulated)
    }

    @Test(arguments: ["1.2.840.10008.1.2", "1.2.840.10008.1.2.1", "1.2.840.10008.1.2.1.99", "1.2.840.10008.1.2.2"])
    func nativeSyntaxesAreNotEncapsulated(_ uid: String) {
        #expect(!TransferSyntax(uid: uid).isEncapsulated)
    }

    @Test(arguments: ["1.2.840.10008.1.2", "1.2.840.10008.1.2.1", "1.2.840.10008.1.2.1.99", "1.2.840.10008.1.2.2",
                      "1.2.840.10008.1.2.5", "1.2.840.10008.1.2.4.50", "1.2.840.10008.1.2.4.51", "1.2.840.10008.1.2.4.57",
                      "1.2.840.10008.1.2.4.70", "1.2.840.10008.1.2.4.80", "1.2.840.10008.1.2.4.81",
                      "1.2.840.10008.1.2.4.90", "1.2.840.10008.1.2.4.91"])
    func syntaxesDCMTKOrOpenJPEGDecodeAreDecodable(_ uid: String) {
        #expect(TransferSyntax(uid: uid).isDecodable)
    }

    @Test(arguments: ["1.2.840.10008.1.2.4.201", "1.2.840.10008.1.2.4.202", "1.2.840.10008.1.2.4.203",
                      "1.2.840.10008.1.2.4.110", "1.2.840.10008.1.2.4.111", "1.2.840.10008.1.2.4.112",
                      "1.2.840.10008.1.2.4.100", "1.2.840.10008.1.2.4.102", "1.2.840.10008.1.2.8.1", "1.2.3.4"])
    func htj2kJPEGXLVideoAndUnknownSyntaxesAreNotDecodable(_ uid: String) {
        #expect(!TransferSyntax(uid: uid).isDecodable)
    }

    @Test func onlyLosslessSyntaxesThisBuildCanEncodeAreLosslessEncodable() {
        let encodable = ["1.2.840.10008.1.2", "1.2.840.10008.1.2.1", "1.2.840.10008.1.2.1.99", "1.2.840.10008.1.2.2",
                         "1.2.840.10008.1.2.5", "1.2.840.10008.1.2.4.57", "1.2.840.10008.1.2.4.70", "1.2.840.10008.1.2.4.80",
                         "1.2.840.10008.1.2.4.90"]
        let notEncodable = ["1.2.840.10008.1.2.4.50", "1.2.840.10008.1.2.4.51", "1.2.840.10008.1.2.4.81",
                            "1.2.840.10008.1.2.4.91", "1.2.840.10008.1.2.4.201"]
        #expect(encodable.allSatisfy { TransferSyntax(uid: $0).isLosslessEncodable })
        #expect(notEncodable.allSatisfy { !TransferSyntax(uid: $0).isLosslessEncodable })
    }

    @Test func unsupportedSyntaxErrorNamesTheUIDAndTheSyntax() {
        #expect(DicomError.unsupportedTransferSyntax(uid: "1.2.840.10008.1.2.4.111", name: "JPEG XL JPEG Recompression")
            .description == "unsupported transfer syntax 1.2.840.10008.1.2.4.111 (JPEG XL JPEG Recompression)")
        #expect(DicomError.unsupportedTransferSyntax(uid: "1.2.3", name: "").description == "unsupported transfer syntax 1.2.3 (unknown)")
    }
}
