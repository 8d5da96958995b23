/// A Modality or VOI lookup table (PS3.3 C.11.1, C.11.2): input values from `firstMapped` on map to
/// `values` in order; inputs below the first entry take the first value, inputs past the last the last.
public struct LookupTable: Sendable, Equatable {
    /// The first input value mapped (signed for signed pixel data).
    public var firstMapped: Int
    /// Bits of each output value (8…16): VOI LUT outputs span 0 … 2^bits − 1.
    public var bits: Int
    public var values: [Int]

    public init(firstMapped: Int, bits: Int, values: [Int]) {
        self.firstMapped = firstMapped
        self.bits = bits
        self.values = values
    }

    static let descriptorTag = Tag(0x0028, 0x3002)
    static let dataTag = Tag(0x0028, 0x3006)

    /// The table of the first item of a Modality LUT Sequence (0028,3000) or VOI LUT Sequence
    /// (0028,3010); nil when the item or its descriptor or data are missing or malformed.
    /// `signedInput`: the first mapped value is read as a signed 16-bit number.
    init?(firstItemOf sequence: Tag, in dataset: Dataset, signedInput: Bool) {
        guard let item = dataset.items(sequence).first, let descriptor = item.bytes(Self.descriptorTag),
              descriptor.count >= 6, let raw = item.bytes(Self.dataTag) else { return nil }
        let words = stride(from: 0, to: 6, by: 2).map { Int(descriptor[$0]) | Int(descriptor[$0 + 1]) << 8 }
        let entries = words[0] == 0 ? 65536 : words[0]
        let bits = words[2]
        guard (8...16).contains(bits) else { return nil }
        var values: [Int]
        if raw.count >= entries * 2 {
            values = (0..<entries).map { Int(raw[2 * $0]) | Int(raw[2 * $0 + 1]) << 8 }
        } else if bits == 8, raw.count >= entries {
            values = raw.prefix(entries).map { Int($0) }  // 8-bit entries packed in bytes
        } else {
            return nil
        }
        if bits < 16 { values = values.map { $0 & ((1 << bits) - 1) } }
        let first = signedInput ? Int(Int16(truncatingIfNeeded: words[1])) : words[1]
        self.init(firstMapped: first, bits: bits, values: values)
    }

    public func map(_ value: Int) -> Int {
        values[min(max(value - firstMapped, 0), values.count - 1)]
    }

    /// The largest output value the table's bit depth allows.
    public var outputMaximum: Int { (1 << bits) - 1 }
}
