import DicomCore
import Foundation
import Testing

@Suite("Palette")
struct PaletteTests {
    static let paletteFiles = [
        "pydicom-data/OT-PAL-8-face.dcm",  // raw dataset, 200 entries of 16 bits
        "fo-dicom-testdata/TestPattern_Palette.dcm",  // 8-bit entries packed two per OW word
        "fo-dicom-testdata/TestPattern_Palette_16.dcm",
        "orthanc-tests/Implicit-vr-us-palette.dcm",
    ]

    /// pydicom's red, green and blue tables, scaled to 8 bits, and the first mapped value.
    struct PydicomPalette: Decodable {
        let first: Int
        let red: [Int]
        let green: [Int]
        let blue: [Int]
    }

    static func pydicomPalette(_ path: String) throws -> PydicomPalette {
        let json = try Pydicom.run("""
            import sys, json, numpy, pydicom
            from pydicom.pixels import apply_color_lut
            dataset = pydicom.dcmread(sys.argv[1], force=True)
            entries, first, bits = dataset.RedPaletteColorLookupTableDescriptor
            entries = entries or 65536
            table = apply_color_lut(numpy.arange(first, first + entries), dataset).astype(int)
            if bits == 16:
                table >>= 8
            print(json.dumps({"first": first, "red": table[:, 0].tolist(), "green": table[:, 1].tolist(),
                              "blue": table[:, 2].tolist()}))
            """, [path])
        return try JSONDecoder().decode(PydicomPalette.self, from: Data(json.utf8))
    }

    @Test(arguments: paletteFiles)
    func sharedPaletteColorFileLookupTablesMatchPydicoms(_ relative: String) throws {
        let frames = try Instance(contentsOf: SharedData.path(relative)).decodePixels()
        #expect(frames.description.photometric == .paletteColor)
        let palette = try #require(frames.palette)
        let reference = try Self.pydicomPalette(SharedData.path(relative))
        #expect(palette.firstMapped == reference.first)
        #expect(palette.count == reference.red.count)
        #expect(palette.red.map(Int.init) == reference.red)
        #expect(palette.green.map(Int.init) == reference.green)
        #expect(palette.blue.map(Int.init) == reference.blue)
    }

    @Test func nonPaletteImagesHaveNoPalette() throws {
        let frames = try Instance(contentsOf: SharedData.path("pydicom-testfiles/test_files/MR_small.dcm")).decodePixels()
        #expect(frames.palette == nil)
    }

    static let ramp = Palette(firstMapped: 10, red: [0, 100, 200], green: [1, 101, 201], blue: [2, 102, 202])

    @Test func colourOfAMappedIndexIsItsTableEntry() {
        #expect(Self.ramp.color(of: 10) == (0, 1, 2))
        #expect(Self.ramp.color(of: 11) == (100, 101, 102))
        #expect(Self.ramp.color(of: 12) == (200, 201, 202))
    }

    @Test func indicesOutsideTheTableClampToItsEnds() {
        #expect(Self.ramp.color(of: 0) == (0, 1, 2))
        #expect(Self.ramp.color(of: -5) == (0, 1, 2))
        #expect(Self.ramp.color(of: 13) == (200, 201, 202))
        #expect(Self.ramp.color(of: 65535) == (200, 201, 202))
    }

    @Test func nearestIndexFindsTheClosestColourAndAddsTheFirstMappedValue() {
        #expect(Self.ramp.nearestIndex(red: 100, green: 101, blue: 102) == 11)
        #expect(Self.ramp.nearestIndex(red: 190, green: 210, blue: 199) == 12)
        #expect(Self.ramp.nearestIndex(red: 0, green: 0, blue: 0) == 10)
    }

    @Test func countIsTheShortestOfTheThreeTables() {
        #expect(Palette(firstMapped: 0, red: [1, 2, 3], green: [1, 2], blue: [1, 2, 3]).count == 2)
    }
}
