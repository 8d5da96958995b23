import DicomCore
import Foundation
import Testing

@Suite("RasterImage")
struct RasterImageTests {
    /// The pHYs chunk of a PNG file, parsed here rather than through libpng: (x, y) per unit and the unit (1 = metre).
    static func physicalPixelDimensions(ofPNG path: String) throws -> (x: UInt32, y: UInt32, unit: UInt8)? {
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        func word(_ offset: Int) -> UInt32 { bytes[offset..<offset + 4].reduce(0) { $0 << 8 | UInt32($1) } }
        #expect(Array(bytes.prefix(8)) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        var offset = 8
        while offset + 8 <= bytes.count {
            let length = Int(word(offset))
            let type = String(decoding: bytes[offset + 4..<offset + 8], as: UTF8.self)
            if type == "pHYs" { return (word(offset + 8), word(offset + 12), bytes[offset + 16]) }
            if type == "IDAT" || type == "IEND" { return nil }  // pHYs must come before the image data
            offset += 12 + length
        }
        return nil
    }

    static let grey = RenderedImage(width: 3, height: 2, channels: 1, pixels: [0, 64, 128, 192, 255, 7])
    static let rgb = RenderedImage(width: 2, height: 2, channels: 3, pixels: [255, 0, 0, 0, 255, 0, 0, 0, 255, 10, 20, 30])

    @Test(arguments: [grey, rgb])
    func writtenPNGReadsBackToTheSamePixels(_ image: RenderedImage) throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("image.png")
        try RasterImage.writePNG(image, to: path, dpi: 72)
        let frames = try RasterImage.read(path: path)
        let d = frames.description
        #expect(d.columns == image.width && d.rows == image.height)
        #expect(d.samplesPerPixel == image.channels)
        #expect(d.photometric == (image.channels == 1 ? .monochrome2 : .rgb))
        #expect(d.bitsAllocated == 8 && d.numberOfFrames == 1 && !d.isSigned)
        #expect(frames.data == image.pixels)
    }

    @Test func writtenPNGRecordsTheDPIInItsPHYsChunk() throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("image.png")
        try RasterImage.writePNG(Self.rgb, to: path, dpi: 300)
        let chunk = try #require(try Self.physicalPixelDimensions(ofPNG: path))
        #expect(chunk.x == 11811 && chunk.y == 11811)  // 300 / 0.0254, rounded
        #expect(chunk.unit == 1)
        let pil = try Pydicom.run("""
            import sys
            from PIL import Image
            image = Image.open(sys.argv[1])
            print("%.2f %.2f %s %d %d" % (image.info["dpi"] + (image.mode,) + image.size))
            """, [path])
        #expect(pil == "300.00 300.00 RGB 2 2\n")
    }

    @Test func writtenPNGWithoutADPIHasNoPHYsChunk() throws {
        let directory = try TemporaryDirectory()
        try RasterImage.writePNG(Self.grey, to: directory.file("image.png"), dpi: 0)
        #expect(try Self.physicalPixelDimensions(ofPNG: directory.file("image.png")) == nil)
    }

    @Test func writingAPNGLeavesNoTemporaryFiles() throws {
        let directory = try TemporaryDirectory()
        try RasterImage.writePNG(Self.grey, to: directory.file("sub/image.png"), dpi: 96)
        try RasterImage.writePNG(Self.rgb, to: directory.file("sub/image.png"), dpi: 96)
        #expect(try directory.contents() == ["sub", "sub/image.png"])
        #expect(try RasterImage.read(path: directory.file("sub/image.png")).description.samplesPerPixel == 3)
    }

    @Test func writingAPNGOverADirectoryThrowsCannotWrite() throws {
        let directory = try TemporaryDirectory()
        try FileManager.default.createDirectory(atPath: directory.file("taken.png"), withIntermediateDirectories: false)
        #expect {
            try RasterImage.writePNG(Self.grey, to: directory.file("taken.png"), dpi: 96)
        } throws: { error in
            guard case let .cannotWrite(path, _) = error as? DicomError else { return false }
            return path == directory.file("taken.png")
        }
    }

    @Test
    func writingAPNGOverADirectoryLeavesNoTemporaryFile() throws {
        let directory = try TemporaryDirectory()
        try FileManager.default.createDirectory(atPath: directory.file("taken.png"), withIntermediateDirectories: false)
        #expect(throws: DicomError.self) { try RasterImage.writePNG(Self.grey, to: directory.file("taken.png"), dpi: 96) }
        let contents = try directory.contents()
        #expect(contents == ["taken.png"])
    }

    @Test func sharedPNGReadsToTheSamePixelsAsPIL() throws {
        let path = SharedData.path("presidio-image-redactor/png_only/1_ORIGINAL.png")
        let frames = try RasterImage.read(path: path)
        #expect(frames.description.columns == 2022 && frames.description.rows == 2022)
        #expect(frames.description.photometric == .monochrome2)
        let directory = try TemporaryDirectory()
        _ = try Pydicom.run("""
            import sys, numpy
            from PIL import Image
            numpy.asarray(Image.open(sys.argv[1])).astype("u1").tofile(sys.argv[2])
            """, [path, directory.file("pil.u8")])
        #expect(frames.data == [UInt8](try Data(contentsOf: URL(fileURLWithPath: directory.file("pil.u8")))))
    }

    /// Makes images with PIL in `directory`: 16-bit grey PNG, RGBA PNG, palette PNG, grey and RGB JPEG;
    /// also writes what PIL decodes from each as raw little-endian samples (`<name>.raw`).
    static func makeImagesWithPIL(in directory: TemporaryDirectory) throws {
        _ = try Pydicom.run("""
            import sys, numpy
            from PIL import Image
            out = sys.argv[1]
            y, x = numpy.mgrid[0:40, 0:60]
            grey16 = (x * 1000 + y * 17).astype(numpy.uint16)
            Image.fromarray(grey16).save(out + "/grey16.png")
            rgb = numpy.stack([x * 4, y * 6, (x + y) * 2], axis=-1).astype(numpy.uint8)
            rgba = numpy.dstack([rgb, numpy.full((40, 60), 100, numpy.uint8)])
            Image.fromarray(rgba, "RGBA").save(out + "/rgba.png")
            Image.fromarray(rgb).convert("P", palette=Image.Palette.ADAPTIVE, colors=16).save(out + "/palette.png")
            Image.fromarray(rgb).save(out + "/rgb.jpg", quality=95)
            Image.fromarray((x * 4).astype(numpy.uint8)).save(out + "/grey.jpg", quality=95)
            for name, mode in [("grey16.png", None), ("rgba.png", "RGB"), ("palette.png", "RGB"), ("rgb.jpg", None),
                               ("grey.jpg", None)]:
                image = Image.open(out + "/" + name)
                array = numpy.asarray(image.convert(mode) if mode else image)
                array.astype("<u2" if array.dtype == numpy.uint16 else "u1").tofile(out + "/" + name + ".raw")
            """, [directory.path])
    }

    @Test func pngAndJPEGVariantsReadToTheSamePixelsAsPIL() throws {
        let directory = try TemporaryDirectory()
        try Self.makeImagesWithPIL(in: directory)
        let expectations: [(String, bits: Int, samples: Int, tolerance: Int)] = [
            ("grey16.png", 16, 1, 0), ("rgba.png", 8, 3, 0), ("palette.png", 8, 3, 0), ("rgb.jpg", 8, 3, 2), ("grey.jpg", 8, 1, 2),
        ]
        for (name, bits, samples, tolerance) in expectations {
            let frames = try RasterImage.read(path: directory.file(name))
            #expect(frames.description.bitsAllocated == bits, "\(name)")
            #expect(frames.description.samplesPerPixel == samples, "\(name)")
            #expect(frames.description.columns == 60 && frames.description.rows == 40, "\(name)")
            let reference = [UInt8](try Data(contentsOf: URL(fileURLWithPath: directory.file(name + ".raw"))))
            #expect(frames.data.count == reference.count, "\(name)")
            let largest = zip(frames.data, reference).map { abs(Int($0) - Int($1)) }.max() ?? 0
            #expect(largest <= tolerance, "\(name): largest difference \(largest)")
        }
    }

    @Test func aFileThatIsNotAnImageIsRefusedNamingIt() throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("fake.png")
        try Data("not a png".utf8).write(to: URL(fileURLWithPath: path))
        #expect {
            try RasterImage.read(path: path)
        } throws: { error in
            guard case let .notAnImage(errorPath, reason) = error as? DicomError else { return false }
            return errorPath == path && !reason.isEmpty
        }
        #expect(throws: DicomError.self) { try RasterImage.read(path: directory.file("missing.jpg")) }
    }

    @Test func onlyPNGAndJPEGExtensionsAreRasterImages() {
        #expect(RasterImage.canRead(path: "a/b.png"))
        #expect(RasterImage.canRead(path: "b.JPG"))
        #expect(RasterImage.canRead(path: "b.jpeg"))
        #expect(!RasterImage.canRead(path: "b.dcm"))
        #expect(!RasterImage.canRead(path: "png"))
    }
}
