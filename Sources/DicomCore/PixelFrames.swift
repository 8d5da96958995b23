/// Native pixel data of every frame, in a Swift-owned buffer: samples little-endian, interleaved
/// when there are several per pixel. This is the buffer redaction paints into.
public struct PixelFrames: Sendable {
    public var description: PixelDescription
    public var data: [UInt8]
    /// Palette LUTs for PALETTE COLOR images.
    public var palette: Palette?

    public init(description: PixelDescription, data: [UInt8], palette: Palette? = nil) {
        precondition(data.count >= description.bytesPerFrame * description.numberOfFrames, "pixel buffer too short")
        self.description = description
        self.data = data
        self.palette = palette
    }

    public var frameCount: Int { description.numberOfFrames }

    public func frameRange(_ frame: Int) -> Range<Int> {
        let size = description.bytesPerFrame
        return frame * size..<(frame + 1) * size
    }

    /// The sample at (row, column, sample) of a frame, as stored (sign-extended when signed).
    @inline(__always)
    public func sample(frame: Int, row: Int, column: Int, channel: Int = 0) -> Int {
        let d = description
        let index = frame * d.samplesPerFrame + (row * d.columns + column) * d.samplesPerPixel + channel
        var value: Int
        if d.bytesPerSample == 1 {
            value = Int(data[index])
        } else {
            value = Int(data[2 * index]) | Int(data[2 * index + 1]) << 8
        }
        let mask = (1 << d.bitsStored) - 1
        value = (value >> (d.highBit + 1 - d.bitsStored)) & mask
        if d.isSigned, value & (1 << (d.bitsStored - 1)) != 0 { value -= 1 << d.bitsStored }
        return value
    }

    /// The smallest and largest sample of one channel over all frames; nil without frames.
    public func sampleRange(channel: Int = 0) -> (low: Int, high: Int)? {
        guard frameCount > 0 else { return nil }
        let d = description
        var low = UInt16.max, high = UInt16.min
        forEachOrderedSample(from: channel, count: d.rows * d.columns * frameCount) { _, u in
            low = min(low, u)
            high = max(high, u)
        }
        return (Int(low) - d.signBit, Int(high) - d.signBit)
    }

    /// Calls `body` with each of `count` samples from sample index `first` (one channel: a step of
    /// samples per pixel) as `u = m ^ flip`, m the sample's stored bits. With `flip` the sign bit
    /// (`description.signBit`, 0 when unsigned) u is the stored value plus the sign bit: it orders as
    /// the value does, and the loop needs no sign extension; flipping the other bits too counts down
    /// from the stored maximum instead. Plain unsigned loops that vectorise.
    @inlinable
    public func forEachOrderedSample(from first: Int, count: Int, flipping extra: UInt16 = 0, _ body: (Int, UInt16) -> Void) {
        let d = description
        let shift = UInt16(d.highBit + 1 - d.bitsStored), mask = UInt16(truncatingIfNeeded: (1 << d.bitsStored) - 1)
        let flip = UInt16(truncatingIfNeeded: d.signBit) ^ extra, stride = d.samplesPerPixel
        data.withUnsafeBytes { bytes in
            if d.bytesPerSample == 1 {
                for i in 0..<count { body(i, ((UInt16(bytes[first + i * stride]) &>> shift) & mask) ^ flip) }
            } else {
                for i in 0..<count {
                    let stored = UInt16(littleEndian: bytes.loadUnaligned(fromByteOffset: 2 * (first + i * stride), as: UInt16.self))
                    body(i, ((stored &>> shift) & mask) ^ flip)
                }
            }
        }
    }

    /// Sets a sample, keeping any bits outside the stored range (e.g. embedded overlays) as they were.
    @inline(__always)
    public mutating func setSample(_ value: Int, frame: Int, row: Int, column: Int, channel: Int = 0) {
        let d = description
        let index = frame * d.samplesPerFrame + (row * d.columns + column) * d.samplesPerPixel + channel
        let shift = d.highBit + 1 - d.bitsStored
        let mask = ((1 << d.bitsStored) - 1) << shift
        let stored = (value << shift) & mask
        if d.bytesPerSample == 1 {
            data[index] = UInt8((Int(data[index]) & ~mask) | stored)
        } else {
            let old = Int(data[2 * index]) | Int(data[2 * index + 1]) << 8
            let new = (old & ~mask) | stored
            data[2 * index] = UInt8(new & 0xFF)
            data[2 * index + 1] = UInt8((new >> 8) & 0xFF)
        }
    }
}
