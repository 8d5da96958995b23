import Foundation
import DicomCore

/// Which elements a rule applies to.
public enum TagPattern: Hashable, Sendable, CustomStringConvertible {
    /// One standard tag.
    case exact(Tag)
    /// A repeating-group pattern such as (60XX,3000) or (50XX,XXXX): `mask` marks the fixed hex digits.
    case masked(value: UInt32, mask: UInt32, text: String)
    /// Every private data element, Table E.1-1's "(gggg,eeee) where gggg is odd".
    case anyPrivate
    /// A private element addressed by its creator: (gggg,"CREATOR",ee), ee the element within the block.
    case privateElement(group: UInt16, creator: String, element: UInt8)

    /// Parses `(0010,0010)`, `(60XX,3000)`, `(GGGG,EEEE)` or `(0009,"GEMS_IDEN_01",04)`.
    public init?(parsing text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.uppercased() == "(GGGG,EEEE)" {
            self = .anyPrivate
            return
        }
        if trimmed.contains("\"") {
            let parts = trimmed.trimmingCharacters(in: CharacterSet(charactersIn: "()")).split(separator: ",", maxSplits: 1)
            guard parts.count == 2, let group = UInt16(parts[0].trimmingCharacters(in: .whitespaces), radix: 16),
                  group % 2 == 1 else { return nil }
            let rest = parts[1]
            guard let open = rest.firstIndex(of: "\""), let close = rest.lastIndex(of: "\""), open < close else { return nil }
            let creator = String(rest[rest.index(after: open)..<close])
            let tail = rest[rest.index(after: close)...].trimmingCharacters(in: CharacterSet(charactersIn: ", "))
            guard !creator.isEmpty, let element = UInt8(tail, radix: 16) else { return nil }
            self = .privateElement(group: group, creator: creator, element: element)
            return
        }
        let hex = trimmed.uppercased().filter { !"(), ".contains($0) }
        guard hex.count == 8, hex.allSatisfy({ $0.isHexDigit || $0 == "X" }) else { return nil }
        if !hex.contains("X") {
            guard let tag = Tag(parsing: hex) else { return nil }
            self = .exact(tag)
            return
        }
        var value: UInt32 = 0, mask: UInt32 = 0
        for character in hex {
            value <<= 4
            mask <<= 4
            if character != "X" {
                value |= UInt32(character.hexDigitValue!)
                mask |= 0xF
            }
        }
        self = .masked(value: value, mask: mask, text: "(\(hex.prefix(4)),\(hex.suffix(4)))")
    }

    public func matches(_ tag: Tag) -> Bool {
        switch self {
        case let .exact(exact): return exact == tag
        case let .masked(value, mask, _):
            // Repeating groups are even groups only.
            return tag.group % 2 == 0 && (UInt32(tag.group) << 16 | UInt32(tag.element)) & mask == value
        case .anyPrivate: return tag.isPrivate
        case .privateElement: return false  // needs the creator: see Profile
        }
    }

    public var description: String {
        switch self {
        case let .exact(tag): tag.description
        case let .masked(_, _, text): text
        case .anyPrivate: "(GGGG,EEEE)"
        case let .privateElement(group, creator, element):
            "(\(String(format: "%04X", group)),\"\(creator)\",\(String(format: "%02X", element)))"
        }
    }
}
