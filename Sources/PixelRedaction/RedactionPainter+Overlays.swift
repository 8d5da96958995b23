import DicomCore
import PHIDetection

/// Overlay text lives outside the visible pixel values: in unused high bits of the pixel samples
/// (embedded overlays, retired but still written by old XA/US systems) or in a separate bit plane
/// (60xx,3000). Both can carry names and dates, so both are cleaned explicitly.
extension RedactionPainter {
    /// Clears every bit outside the stored range (below `highBit - bitsStored + 1` or above `highBit`)
    /// in all frames. Unsigned samples get zeros there; signed samples get their sign bit repeated
    /// above `highBit`, so readers that ignore Bits Stored still see the same value.
    /// Returns whether any byte changed.
    @discardableResult
    public static func clearEmbeddedOverlayBits(in frames: inout PixelFrames) -> Bool {
        let d = frames.description
        let low = d.highBit + 1 - d.bitsStored
        guard low > 0 || d.highBit + 1 < d.bitsAllocated else { return false }
        let storedMask = ((1 << d.bitsStored) - 1) << low
        let signBit = 1 << d.highBit
        let aboveMask = ((1 << d.bitsAllocated) - 1) & ~((1 << (d.highBit + 1)) - 1)
        let sampleCount = d.samplesPerFrame * d.numberOfFrames
        var changed = false
        frames.data.withUnsafeMutableBufferPointer { bytes in
            for index in 0..<sampleCount {
                let old = d.bytesPerSample == 1 ? Int(bytes[index]) : Int(bytes[2 * index]) | Int(bytes[2 * index + 1]) << 8
                var new = old & storedMask
                if d.isSigned && old & signBit != 0 { new |= aboveMask }
                guard new != old else { continue }
                changed = true
                if d.bytesPerSample == 1 {
                    bytes[index] = UInt8(new)
                } else {
                    bytes[2 * index] = UInt8(new & 0xFF)
                    bytes[2 * index + 1] = UInt8(new >> 8)
                }
            }
        }
        return changed
    }

    /// Clears the bits of a separate overlay plane's data (60xx,3000): inside `regions` (image
    /// coordinates) of overlay frame `frame`, or the whole plane (every frame) when `regions` is nil.
    /// `origin` is Overlay Origin (60xx,0050), 1-based row and column of the overlay's first pixel.
    /// Returns the number of set bits cleared.
    @discardableResult
    public static func eraseOverlayBits(_ data: inout [UInt8], overlay: Overlay, regions: [TextBox]?, frame: Int = 0,
                                        origin: (row: Int, column: Int) = (1, 1)) throws -> Int {
        try eraseOverlayBits(&data, rows: overlay.rows, columns: overlay.columns, frames: overlay.frames, group: overlay.group,
                             regions: regions, frame: frame, origin: origin)
    }

    /// `eraseOverlayBits(_:overlay:…)` for a plane described by its size (group only for messages).
    @discardableResult
    public static func eraseOverlayBits(_ data: inout [UInt8], rows: Int, columns: Int, frames: Int = 1, group: UInt16 = 0x6000,
                                        regions: [TextBox]?, frame: Int = 0,
                                        origin: (row: Int, column: Int) = (1, 1)) throws -> Int {
        let bitsPerFrame = rows * columns
        let needed = bitsPerFrame * max(frames, 1)
        guard data.count * 8 >= needed else {
            throw PixelRedactionError.overlayDataTooShort(group: group, expectedBits: needed, actualBytes: data.count)
        }
        guard let regions else {
            let cleared = data.reduce(0) { $0 + $1.nonzeroBitCount }
            for index in data.indices { data[index] = 0 }
            return cleared
        }
        guard frame >= 0, frame < max(frames, 1) else { return 0 }
        var cleared = 0
        for region in regions {
            let top = max(0, region.y - (origin.row - 1)), bottom = min(rows, region.y + region.height - (origin.row - 1))
            let left = max(0, region.x - (origin.column - 1)), right = min(columns, region.x + region.width - (origin.column - 1))
            guard top < bottom, left < right else { continue }
            for row in top..<bottom {
                for column in left..<right {
                    let bit = frame * bitsPerFrame + row * columns + column
                    let mask = UInt8(1 << (bit % 8))
                    if data[bit / 8] & mask != 0 {
                        data[bit / 8] &= ~mask
                        cleared += 1
                    }
                }
            }
        }
        return cleared
    }

    /// Erases a separate overlay plane in `dataset` (in `regions` of `frame`, or wholly when nil),
    /// reading and writing (60xx,3000) and honouring Overlay Origin. Returns the number of bits cleared.
    /// Embedded overlays are cleaned with `clearEmbeddedOverlayBits` on the pixel data instead.
    @discardableResult
    public static func eraseOverlay(_ overlay: Overlay, in dataset: Dataset, regions: [TextBox]?, frame: Int = 0) throws -> Int {
        guard overlay.storage == .separate else { return 0 }
        let dataTag = Tag(overlay.group, Overlay.overlayData)
        guard var data = dataset.bytes(dataTag) else { return 0 }
        let cleared = try eraseOverlayBits(&data, overlay: overlay, regions: regions, frame: frame,
                                           origin: overlayOrigin(overlay, in: dataset))
        if cleared > 0 {
            try dataset.set(dataTag, bytes: data, vr: dataset.element(dataTag)?.vr ?? .OW)
        }
        return cleared
    }

    /// Overlay Origin (60xx,0050): two signed 16-bit values, row then column (1-based).
    static func overlayOrigin(_ overlay: Overlay, in dataset: Dataset) -> (row: Int, column: Int) {
        let tag = Tag(overlay.group, 0x0050)
        if let bytes = dataset.bytes(tag), bytes.count >= 4, dataset.element(tag)?.vr.isText != true {
            let row = Int(Int16(bitPattern: UInt16(bytes[0]) | UInt16(bytes[1]) << 8))
            let column = Int(Int16(bitPattern: UInt16(bytes[2]) | UInt16(bytes[3]) << 8))
            return (row, column)
        }
        let values = dataset.string(tag)?.split(separator: "\\").compactMap { Int($0.trimmingCharacters(in: .whitespaces)) } ?? []
        return values.count == 2 ? (values[0], values[1]) : (1, 1)
    }
}
