import Foundation

/// The header facts of a PNG file, read from its chunks here rather than through libpng.
struct PNGFile {
    let width: UInt32
    let height: UInt32
    /// IHDR colour type: 0 grey, 2 RGB.
    let colorType: UInt8
    /// pHYs pixels per metre (x, y), when present.
    let pixelsPerMetre: (x: UInt32, y: UInt32)?

    init(path: String) throws {
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        func word(_ offset: Int) -> UInt32 { bytes[offset..<offset + 4].reduce(0) { $0 << 8 | UInt32($1) } }
        guard bytes.count > 33, Array(bytes.prefix(8)) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] else {
            throw CocoaError(.fileReadCorruptFile, userInfo: [NSFilePathErrorKey: path])
        }
        width = word(16)
        height = word(20)
        colorType = bytes[25]
        var offset = 8
        var physical: (UInt32, UInt32)?
        while offset + 8 <= bytes.count {
            let length = Int(word(offset))
            let type = String(decoding: bytes[offset + 4..<offset + 8], as: UTF8.self)
            if type == "pHYs", bytes[offset + 16] == 1 { physical = (word(offset + 8), word(offset + 12)) }
            if type == "IDAT" { break }
            offset += 12 + length
        }
        pixelsPerMetre = physical
    }
}
