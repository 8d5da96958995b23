import CImageIO
import Foundation

/// PNG and JPEG files: read into the pixel model, and PNG written from a rendered image.
public enum RasterImage {
    public static func canRead(path: String) -> Bool {
        ["png", "jpg", "jpeg"].contains(PathName.pathExtension(of: path))
    }

    /// Reads a PNG or JPEG into native pixel frames (MONOCHROME2 or RGB, 8 or 16 bits, one frame).
    public static func read(path: String) throws -> PixelFrames {
        var image = dd_image_t()
        var message = [CChar](repeating: 0, count: 512)
        let isPNG = PathName.pathExtension(of: path) == "png"
        let status = isPNG ? dd_png_read(path, &image, &message, message.count) : dd_jpeg_read(path, &image, &message, message.count)
        guard status == 0, let base = image.data else {
            throw DicomError.notAnImage(path: path, reason: String(decoding: message.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self))
        }
        defer { dd_image_free(&image) }
        let bits = Int(image.bit_depth)
        let channels = Int(image.channels)
        let count = Int(image.width) * Int(image.height) * channels * (bits / 8)
        let description = PixelDescription(
            rows: Int(image.height), columns: Int(image.width), bitsAllocated: bits, bitsStored: bits, highBit: bits - 1,
            isSigned: false, samplesPerPixel: channels, photometric: channels == 1 ? .monochrome2 : .rgb,
            planarConfiguration: 0, numberOfFrames: 1)
        return PixelFrames(description: description, data: Array(UnsafeBufferPointer(start: base, count: count)))
    }

    /// Writes a rendered image as an 8-bit PNG, atomically; `dpi` > 0 is recorded (pHYs).
    public static func writePNG(_ image: RenderedImage, to path: String, dpi: Int) throws {
        let directory = PathName.directory(of: path)
        try FileManager.default.createDirectory(atPath: directory.isEmpty ? "." : directory, withIntermediateDirectories: true)
        let temporary = AtomicFile.temporaryPath(for: path)
        var message = [CChar](repeating: 0, count: 512)
        let status = image.pixels.withUnsafeBufferPointer { buffer in
            dd_png_write(temporary, buffer.baseAddress!, UInt32(image.width), UInt32(image.height), UInt32(image.channels),
                         8, UInt32(max(dpi, 0)), &message, message.count)
        }
        guard status == 0 else {
            unlink(temporary)
            throw DicomError.cannotWrite(path: path, reason: String(decoding: message.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self))
        }
        do {
            try AtomicFile.commit(temporary: temporary, to: path)
        } catch {
            unlink(temporary)
            throw error
        }
    }
}
