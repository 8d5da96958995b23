@testable import PixelRedaction
import Testing

@Suite struct BoxColorTests {
    @Test func namesAndHexParseToTheirColours() throws {
        #expect(try BoxColor(parsing: "black") == .black)
        #expect(try BoxColor(parsing: "WHITE") == .white)
        #expect(try BoxColor(parsing: "red") == BoxColor(red: 255, green: 0, blue: 0))
        #expect(try BoxColor(parsing: "#00ff80") == BoxColor(red: 0, green: 255, blue: 128))
        #expect(try BoxColor(parsing: "1E90FF") == BoxColor(red: 0x1E, green: 0x90, blue: 0xFF))
    }

    @Test func unknownNamesAndMalformedHexAreRefused() {
        #expect(throws: PixelRedactionError.invalidBoxColor("mauve")) { try BoxColor(parsing: "mauve") }
        #expect(throws: PixelRedactionError.self) { try BoxColor(parsing: "#12345") }
        #expect(throws: PixelRedactionError.self) { try BoxColor(parsing: "#GGGGGG") }
    }

    @Test func colourConvertsToYBRFull() {
        let white = BoxColor.white.ybrFull
        #expect(white.y == 255 && white.cb == 128 && white.cr == 128)
        let red = BoxColor(red: 255, green: 0, blue: 0).ybrFull
        #expect(red.y == 76 && red.cb == 85 && red.cr == 255)
    }

    @Test func pixelModesParseFromTheirCommandLineNames() throws {
        #expect(try PixelMode(parsing: "all-text") == .allText)
        #expect(try PixelMode(parsing: "all-but-safe") == .allButSafe)
        #expect(try PixelMode(parsing: "sensitive") == .sensitive)
        #expect(throws: PixelRedactionError.self) { try PixelMode(parsing: "some") }
    }
}
