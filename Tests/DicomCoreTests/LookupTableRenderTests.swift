import DicomCore
import Foundation
import Testing

/// Modality and VOI LUT sequences in renders, against DCMTK's own renderer (dcmj2pnm) on the
/// corpus files that carry them.
@Suite("Lookup-table rendering")
struct LookupTableRenderTests {
    /// Our render and dcmj2pnm's 8-bit PGM of the same file, with dcmj2pnm's VOI options.
    static func compare(_ relative: String, dcmj2pnm options: [String]) throws -> (mean: Double, worst: Int) {
        let directory = try TemporaryDirectory()
        let path = SharedData.path(relative)
        let instance = try Instance(contentsOf: path)
        let ours = FrameRenderer(dataset: instance.dataset).render(try instance.decodePixels(), frame: 0)
        let pgm = directory.file("dcmtk.pgm")
        let run = try Subprocess.run("/usr/bin/dcmj2pnm", ["--write-raw-pnm"] + options + [path, pgm])
        #expect(run.status == 0, "\(run.stderr)")
        let theirs = try Self.pgmPixels(pgm)
        #expect(theirs.count == ours.pixels.count)
        let differences = zip(ours.pixels, theirs).map { abs(Int($0) - Int($1)) }
        return (Double(differences.reduce(0, +)) / Double(max(differences.count, 1)), differences.max() ?? 0)
    }

    /// The samples of a binary 8-bit PGM (P5).
    static func pgmPixels(_ path: String) throws -> [UInt8] {
        let data = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        var fields = 0, index = 0
        while fields < 4 && index < data.count {  // magic, width, height, maxval, each after whitespace
            while index < data.count && [0x20, 0x0A, 0x0D, 0x09].contains(data[index]) { index += 1 }
            if data[index] == UInt8(ascii: "#") { while data[index] != 0x0A { index += 1 }; continue }
            while index < data.count && ![0x20, 0x0A, 0x0D, 0x09].contains(data[index]) { index += 1 }
            fields += 1
        }
        return Array(data[(index + 1)...])
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: SharedData.path("pydicom-data/vlut_04.dcm"))))
    func aVOILUTSequenceIsAppliedAsDCMTKAppliesIt() throws {
        let instance = try Instance(contentsOf: SharedData.path("pydicom-data/vlut_04.dcm"))
        #expect(FrameRenderer(dataset: instance.dataset).voiLUT != nil)
        let (mean, worst) = try Self.compare("pydicom-data/vlut_04.dcm", dcmj2pnm: ["+Wl", "1"])
        #expect(mean < 0.6 && worst <= 1, "mean \(mean), worst \(worst)")
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: SharedData.path("pydicom-data/mlut_18.dcm"))),
          arguments: ["pydicom-data/mlut_18.dcm", "fo-dicom-testdata/CR-ModalitySequenceLUT.dcm"])
    func aModalityLUTSequenceIsAppliedAsDCMTKAppliesIt(_ relative: String) throws {
        let instance = try Instance(contentsOf: SharedData.path(relative))
        let renderer = FrameRenderer(dataset: instance.dataset)
        #expect(renderer.modalityLUT != nil)
        let options = renderer.window == nil ? ["+Wm"] : ["+Wi", "1"]
        let (mean, worst) = try Self.compare(relative, dcmj2pnm: options)
        #expect(mean < 1 && worst <= 2, "mean \(mean), worst \(worst)")
    }

    @Test func aTableClampsInputsOutsideItsRange() {
        let table = LookupTable(firstMapped: -2, bits: 12, values: [10, 20, 30])
        #expect([-5, -2, -1, 0, 7].map(table.map) == [10, 10, 20, 30, 30])
        #expect(table.outputMaximum == 4095)
    }

    /// CT: unsigned samples, intercept −1024; the VOI LUT starts at −1024 HU, a first value written
    /// as 0xFC00 in its descriptor.
    @Test func aVOILUTOverRescaledCTValuesReadsItsFirstValueSigned() throws {
        let instance = Instance(empty: ())
        let dataset = instance.dataset
        try dataset.set(.pixelRepresentation, string: "0")
        try dataset.set(.rescaleIntercept, string: "-1024")
        try dataset.set(.rescaleSlope, string: "1")
        let item = try dataset.appendItem(Tag(0x0028, 0x3010))
        try item.set(Tag(0x0028, 0x3002), bytes: [4, 0, 0x00, 0xFC, 12, 0], vr: VR("US"))
        try item.set(Tag(0x0028, 0x3006), bytes: [0, 0, 0xFF, 0x03, 0xFF, 0x07, 0xFF, 0x0F], vr: VR("OW"))
        let lut = try #require(FrameRenderer(dataset: dataset).voiLUT)
        #expect(lut.firstMapped == -1024)
        #expect([-1024, -1023, -1021].map(lut.map) == [0, 1023, 4095])
    }
}
