import DicomCore
import PHIDetection

/// Small synthetic images for painter and finder tests.
enum SyntheticFrames {
    static func monochrome(rows: Int = 8, columns: Int = 8, bits: Int, stored: Int? = nil, signed: Bool = false,
                           photometric: PhotometricInterpretation = .monochrome2, frames: Int = 1,
                           fill: Int = 0) -> PixelFrames {
        let d = PixelDescription(rows: rows, columns: columns, bitsAllocated: bits, bitsStored: stored ?? bits,
                                 highBit: (stored ?? bits) - 1, isSigned: signed, samplesPerPixel: 1,
                                 photometric: photometric, planarConfiguration: 0, numberOfFrames: frames)
        var pixels = PixelFrames(description: d, data: [UInt8](repeating: 0, count: d.bytesPerFrame * frames))
        for f in 0..<frames {
            for r in 0..<rows { for c in 0..<columns { pixels.setSample(fill, frame: f, row: r, column: c) } }
        }
        return pixels
    }

    static func color(rows: Int = 8, columns: Int = 8, photometric: PhotometricInterpretation, fill: [Int]) -> PixelFrames {
        let d = PixelDescription(rows: rows, columns: columns, bitsAllocated: 8, bitsStored: 8, highBit: 7, isSigned: false,
                                 samplesPerPixel: 3, photometric: photometric, planarConfiguration: 0, numberOfFrames: 1)
        return PixelFrames(description: d, data: (0..<(rows * columns)).flatMap { _ in fill.map { UInt8($0) } })
    }

    /// A 5×7 bitmap font, enough letters and digits to write test lines.
    static let font: [Character: [String]] = [
        "0": ["01110", "10001", "10011", "10101", "11001", "10001", "01110"],
        "1": ["00100", "01100", "00100", "00100", "00100", "00100", "01110"],
        "2": ["01110", "10001", "00001", "00010", "00100", "01000", "11111"],
        "3": ["11110", "00001", "00001", "01110", "00001", "00001", "11110"],
        "4": ["00010", "00110", "01010", "10010", "11111", "00010", "00010"],
        "5": ["11111", "10000", "11110", "00001", "00001", "10001", "01110"],
        "6": ["00110", "01000", "10000", "11110", "10001", "10001", "01110"],
        "7": ["11111", "00001", "00010", "00100", "01000", "01000", "01000"],
        "8": ["01110", "10001", "10001", "01110", "10001", "10001", "01110"],
        "9": ["01110", "10001", "10001", "01111", "00001", "00010", "01100"],
        "A": ["01110", "10001", "10001", "11111", "10001", "10001", "10001"],
        "D": ["11110", "10001", "10001", "10001", "10001", "10001", "11110"],
        "E": ["11111", "10000", "10000", "11110", "10000", "10000", "11111"],
        "H": ["10001", "10001", "10001", "11111", "10001", "10001", "10001"],
        "I": ["01110", "00100", "00100", "00100", "00100", "00100", "01110"],
        "M": ["10001", "11011", "10101", "10101", "10001", "10001", "10001"],
        "N": ["10001", "11001", "10101", "10011", "10001", "10001", "10001"],
        "O": ["01110", "10001", "10001", "10001", "10001", "10001", "01110"],
        "P": ["11110", "10001", "10001", "11110", "10000", "10000", "10000"],
        "S": ["01111", "10000", "10000", "01110", "00001", "00001", "11110"],
        "T": ["11111", "00100", "00100", "00100", "00100", "00100", "00100"],
        "-": ["00000", "00000", "00000", "11111", "00000", "00000", "00000"],
    ]

    /// `text` drawn faintly into a 12-bit radiograph's grain (2250, spread 100), at (x, y) in `scale`: four in five
    /// of its stroke pixels at `level`, the rest grainy about it. Also returns the text's box and which pixels are
    /// its strokes (255 in `ink`).
    static func faintTextOnGrain(_ text: String, rows: Int, columns: Int, at x: Int, _ y: Int, scale: Int, seed: UInt64,
                                 level: Int = 2007) -> (frames: PixelFrames, box: TextBox, ink: PixelFrames) {
        var frames = monochrome(rows: rows, columns: columns, bits: 12, fill: 0)
        var noise = SeededNoise(seed: seed)
        for r in 0..<rows { for c in 0..<columns { frames.setSample(2250 + Int(100 * noise.gaussian()), frame: 0, row: r, column: c) } }
        var ink = monochrome(rows: rows, columns: columns, bits: 8, fill: 0)
        let box = draw(text, at: x, y, scale: scale, value: 255, into: &ink)
        for r in 0..<rows { for c in 0..<columns where ink.sample(frame: 0, row: r, column: c) == 255 {
            frames.setSample(level + (isAtLevel(r, c) ? 0 : Int(40 * noise.gaussian())), frame: 0, row: r, column: c)
        } }
        return (frames, box, ink)
    }

    /// Whether a stroke pixel of `faintTextOnGrain` is at the text's level.
    static func isAtLevel(_ row: Int, _ column: Int) -> Bool { (3 * row + column) % 5 < 4 }

    /// Writes `text` at (x, y) with each font pixel `scale`×`scale`; returns the text's box.
    @discardableResult
    static func draw(_ text: String, at x: Int, _ y: Int, scale: Int, value: Int, into pixels: inout PixelFrames,
                     frame: Int = 0) -> TextBox {
        var cursor = x
        for character in text {
            if let rows = font[character] {
                for (r, row) in rows.enumerated() {
                    for (c, bit) in row.enumerated() where bit == "1" {
                        for dy in 0..<scale {
                            for dx in 0..<scale {
                                pixels.setSample(value, frame: frame, row: y + r * scale + dy, column: cursor + c * scale + dx)
                            }
                        }
                    }
                }
            }
            cursor += 6 * scale
        }
        return TextBox(x: x, y: y, width: cursor - x - scale, height: 7 * scale)
    }
}
