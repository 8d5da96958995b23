/// Red, green and blue palette lookup tables of a PALETTE COLOR image, scaled to 8 bits.
public struct Palette: Sendable, Hashable {
    public var firstMapped: Int
    public var red: [UInt8]
    public var green: [UInt8]
    public var blue: [UInt8]

    public init(firstMapped: Int, red: [UInt8], green: [UInt8], blue: [UInt8]) {
        self.firstMapped = firstMapped
        self.red = red
        self.green = green
        self.blue = blue
    }

    public var count: Int { min(red.count, green.count, blue.count) }

    /// The RGB colour of a stored index (clamped to the table as PS3.3 C.7.6.3.1.5 says).
    public func color(of index: Int) -> (UInt8, UInt8, UInt8) {
        let i = min(max(index - firstMapped, 0), count - 1)
        return (red[i], green[i], blue[i])
    }

    /// The stored index whose colour is nearest to (r, g, b).
    public func nearestIndex(red r: UInt8, green g: UInt8, blue b: UInt8) -> Int {
        var best = 0
        var bestDistance = Int.max
        for i in 0..<count {
            let dr = Int(red[i]) - Int(r), dg = Int(green[i]) - Int(g), db = Int(blue[i]) - Int(b)
            let distance = dr * dr + dg * dg + db * db
            if distance < bestDistance {
                bestDistance = distance
                best = i
            }
        }
        return best + firstMapped
    }

    /// Reads the three LUTs (descriptor + data) from a dataset.
    init(dataset: Dataset) throws {
        func table(_ descriptorTag: Tag, _ dataTag: Tag) throws -> (first: Int, values: [UInt8]) {
            // (0028,12x1) or, failing that, the Segmented ... Palette Color LUT Data (0028,12x1 + 0x20).
            let segmentedTag = Tag(dataTag.group, dataTag.element + 0x20)
            guard let descriptorBytes = dataset.bytes(descriptorTag), descriptorBytes.count >= 6,
                  let raw = dataset.bytes(dataTag) ?? dataset.bytes(segmentedTag).map({ Self.expandSegmented($0) }) else {
                throw DicomError.unsupportedPixelFormat(reason: "palette colour lookup table \(dataTag) missing")
            }
            let words = stride(from: 0, to: 6, by: 2).map { Int(descriptorBytes[$0]) | Int(descriptorBytes[$0 + 1]) << 8 }
            let entries = words[0] == 0 ? 65536 : words[0]
            let bits = words[2]
            var values: [UInt8] = []
            values.reserveCapacity(entries)
            if bits == 8 && raw.count < entries * 2 {
                values = Array(raw.prefix(entries))
            } else {
                for i in 0..<min(entries, raw.count / 2) {
                    let word = Int(raw[2 * i]) | Int(raw[2 * i + 1]) << 8
                    values.append(UInt8(bits == 8 ? word & 0xFF : word >> 8))
                }
            }
            guard !values.isEmpty else {
                throw DicomError.unsupportedPixelFormat(reason: "palette colour lookup table \(dataTag) empty")
            }
            return (words[1], values)
        }
        let red = try table(.redPaletteDescriptor, .redPaletteData)
        let green = try table(.greenPaletteDescriptor, .greenPaletteData)
        let blue = try table(.bluePaletteDescriptor, .bluePaletteData)
        self.init(firstMapped: red.first, red: red.values, green: green.values, blue: blue.values)
    }

    /// Expands segmented LUT data (PS3.3 C.7.9.2: discrete, linear and indirect segments of 16-bit
    /// words) into plain LUT data, as little-endian bytes. At most 65536 entries; malformed segments end it.
    static func expandSegmented(_ bytes: [UInt8]) -> [UInt8] {
        let words = stride(from: 0, to: bytes.count - 1, by: 2).map { Int(bytes[$0]) | Int(bytes[$0 + 1]) << 8 }
        var output: [Int] = []
        func expand(from start: Int, segments limit: Int, allowIndirect: Bool) {
            var position = start, segments = 0
            while position + 1 < words.count, segments < limit, output.count < 65536 {
                let opcode = words[position], length = words[position + 1]
                position += 2
                segments += 1
                switch opcode {
                case 0:  // discrete: `length` values follow
                    guard position + length <= words.count else { return }
                    output.append(contentsOf: words[position..<position + length])
                    position += length
                case 1:  // linear: from the last value to the next word, over `length` entries
                    guard position < words.count, let from = output.last else { return }
                    let to = words[position]
                    position += 1
                    for step in 1...max(length, 1) where length > 0 {  // rounded as numpy does (pydicom)
                        let value = Double(from) + Double(to - from) * Double(step) / Double(length)
                        output.append(Int(value.rounded(.toNearestOrEven)))
                    }
                case 2 where allowIndirect:  // indirect: `length` segments again, from a word offset
                    guard position + 1 < words.count else { return }
                    let offset = words[position] | words[position + 1] << 16
                    position += 2
                    expand(from: offset, segments: length, allowIndirect: false)
                default:
                    return
                }
            }
        }
        expand(from: 0, segments: Int.max, allowIndirect: true)
        return output.prefix(65536).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8 & 0xFF)] }
    }
}
