import CDCMTK

extension Instance {
    /// The pixel description from the header (before decoding).
    public func pixelDescription() throws -> PixelDescription {
        guard hasPixelData else { throw DicomError.noPixelData }
        return try PixelDescription(dataset: dataset)
    }

    /// Decodes every frame into a native, interleaved buffer. Throws (never returns stale or partial
    /// data) when the transfer syntax or pixel format cannot be decoded.
    public func decodePixels() throws -> PixelFrames {
        guard hasPixelData else { throw DicomError.noPixelData }
        let syntax = originalTransferSyntax
        guard syntax.isDecodable else { throw DicomError.unsupportedTransferSyntax(uid: syntax.uid, name: syntax.name) }
        var description = try PixelDescription(dataset: dataset)
        var decoded = dd_decoded_pixels_t()
        try DCMTKStatus.check({ .cannotDecodePixels(reason: $0) }) { dd_file_decode_pixels(file, limits.c, &decoded, $0) }
        defer { dd_decoded_pixels_free(&decoded) }
        guard let base = decoded.data else { throw DicomError.cannotDecodePixels(reason: "no data") }
        let decodedPhotometric = withUnsafeBytes(of: &decoded.photometric) {
            String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self).trimmingCharacters(in: .whitespaces)
        }
        if let photometric = PhotometricInterpretation(rawValue: decodedPhotometric) {
            description.photometric = photometric
        }
        var data = Array(UnsafeBufferPointer(start: base, count: decoded.length))
        if description.photometric == .ybrFull422 && !syntax.isEncapsulated {
            data = try Self.upsample422(data, description: description)
            description.photometric = .ybrFull
        } else if description.samplesPerPixel > 1 && decoded.planar_configuration == 1 {
            data = Self.interleave(data, description: description)
        }
        description.planarConfiguration = 0
        let palette = description.photometric == .paletteColor ? try Palette(dataset: dataset) : nil
        return PixelFrames(description: description, data: data, palette: palette)
    }

    /// Replaces the pixel data with `frames` (native, interleaved) and updates the attributes
    /// that describe it. Rows, columns, frames and bit depth must be unchanged.
    public func replacePixels(with frames: PixelFrames) throws {
        let d = frames.description
        try DCMTKStatus.check({ .cannotDecodePixels(reason: $0) }) { record in
            frames.data.withUnsafeBufferPointer { buffer in
                dd_file_set_native_pixels(file, buffer.baseAddress!, buffer.count, UInt16(d.bitsAllocated), record)
            }
        }
        try dataset.set(.photometricInterpretation, string: d.photometric.rawValue)
        if d.samplesPerPixel > 1 {
            try dataset.set(.planarConfiguration, string: "0")
        } else {
            try dataset.remove(.planarConfiguration)
        }
    }

    /// Native YBR_FULL_422 (Y1 Y2 Cb Cr per pair of pixels) to full-resolution YBR_FULL.
    static func upsample422(_ packed: [UInt8], description d: PixelDescription) throws -> [UInt8] {
        guard d.bitsAllocated == 8, d.columns % 2 == 0 else {
            throw DicomError.unsupportedPixelFormat(reason: "YBR_FULL_422 with \(d.bitsAllocated) bits or odd columns")
        }
        var result = [UInt8](repeating: 0, count: d.rows * d.columns * 3 * d.numberOfFrames)
        for pair in 0..<(d.rows * d.columns * d.numberOfFrames / 2) {
            let source = pair * 4, target = pair * 6
            let (y1, y2, cb, cr) = (packed[source], packed[source + 1], packed[source + 2], packed[source + 3])
            result[target] = y1
            result[target + 1] = cb
            result[target + 2] = cr
            result[target + 3] = y2
            result[target + 4] = cb
            result[target + 5] = cr
        }
        return result
    }

    static func interleave(_ planar: [UInt8], description d: PixelDescription) -> [UInt8] {
        var result = [UInt8](repeating: 0, count: planar.count)
        let pixels = d.rows * d.columns
        let bytes = d.bytesPerSample
        for frame in 0..<d.numberOfFrames {
            let base = frame * d.bytesPerFrame
            for sample in 0..<d.samplesPerPixel {
                for pixel in 0..<pixels {
                    for b in 0..<bytes {
                        result[base + (pixel * d.samplesPerPixel + sample) * bytes + b] =
                            planar[base + (sample * pixels + pixel) * bytes + b]
                    }
                }
            }
        }
        return result
    }
}
