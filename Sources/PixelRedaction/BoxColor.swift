import Foundation

/// The colour redaction boxes are painted in, as the user names it (`black`, `white`, `red`…,
/// or `#RRGGBB`). It is a *displayed* colour: `RedactionPainter` maps it into each image's native
/// domain (a grey level honouring MONOCHROME1 and bit depth, RGB, YBR, or the nearest palette entry).
public struct BoxColor: Hashable, Sendable, CustomStringConvertible {
    public var red: UInt8
    public var green: UInt8
    public var blue: UInt8

    public init(red: UInt8, green: UInt8, blue: UInt8) {
        self.red = red
        self.green = green
        self.blue = blue
    }

    public static let black = BoxColor(red: 0, green: 0, blue: 0)
    public static let white = BoxColor(red: 255, green: 255, blue: 255)

    /// Named colours accepted by `init(parsing:)` (CSS basic colours plus a few spellings).
    public static let names: [String: BoxColor] = [
        "black": .black, "white": .white,
        "red": BoxColor(red: 255, green: 0, blue: 0), "green": BoxColor(red: 0, green: 128, blue: 0),
        "lime": BoxColor(red: 0, green: 255, blue: 0), "blue": BoxColor(red: 0, green: 0, blue: 255),
        "yellow": BoxColor(red: 255, green: 255, blue: 0), "cyan": BoxColor(red: 0, green: 255, blue: 255),
        "magenta": BoxColor(red: 255, green: 0, blue: 255), "gray": BoxColor(red: 128, green: 128, blue: 128),
        "grey": BoxColor(red: 128, green: 128, blue: 128), "silver": BoxColor(red: 192, green: 192, blue: 192),
        "orange": BoxColor(red: 255, green: 165, blue: 0), "purple": BoxColor(red: 128, green: 0, blue: 128),
        "navy": BoxColor(red: 0, green: 0, blue: 128), "maroon": BoxColor(red: 128, green: 0, blue: 0),
    ]

    /// Parses a colour name (case-insensitive) or `#RRGGBB` / `RRGGBB` hex.
    public init(parsing text: String) throws {
        let trimmed = text.trimmingCharacters(in: .whitespaces).lowercased()
        if let named = Self.names[trimmed] {
            self = named
            return
        }
        let hex = trimmed.hasPrefix("#") ? String(trimmed.dropFirst()) : trimmed
        guard hex.count == 6, hex.allSatisfy(\.isHexDigit), let value = UInt32(hex, radix: 16) else {
            throw PixelRedactionError.invalidBoxColor(text)
        }
        self.init(red: UInt8(value >> 16 & 0xFF), green: UInt8(value >> 8 & 0xFF), blue: UInt8(value & 0xFF))
    }

    /// Rec. 601 luminance, 0…255: the grey level a monochrome image shows for this colour.
    public var luminance: Double {
        0.299 * Double(red) + 0.587 * Double(green) + 0.114 * Double(blue)
    }

    /// The colour as YBR_FULL (PS3.3 C.7.6.3.1.2), 8-bit.
    public var ybrFull: (y: Int, cb: Int, cr: Int) {
        let r = Double(red), g = Double(green), b = Double(blue)
        let y = 0.299 * r + 0.587 * g + 0.114 * b
        let cb = -0.168736 * r - 0.331264 * g + 0.5 * b + 128
        let cr = 0.5 * r - 0.418688 * g - 0.081312 * b + 128
        return (Self.clamp8(y), Self.clamp8(cb), Self.clamp8(cr))
    }

    public var description: String {
        if let name = Self.names.first(where: { $0.value == self && $0.key != "grey" && $0.key != "lime" })?.key {
            return name
        }
        return "#" + [red, green, blue].map { value in
            let digits = String(value, radix: 16, uppercase: true)
            return digits.count == 1 ? "0" + digits : digits
        }.joined()
    }

    private static func clamp8(_ value: Double) -> Int { Int(min(max(value.rounded(), 0), 255)) }
}
