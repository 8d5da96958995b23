import PHIDetection
@testable import PixelRedaction
import Testing

/// What verification takes for the edge of a box it painted, not for text still there.
@Suite struct PaintedAreasTests {
    let areas = PaintedAreas(boxes: [:], painted: [0: [TextBox(x: 422, y: 10, width: 90, height: 12)]])

    /// OCR read the left edge of the painted box (grown by its padding of 2) as "Ei", 2 pixels out.
    @Test func aWordReadOnAPaintedBoxEdgeIsInsideThePaint() {
        #expect(areas.isInsidePaint(TextBox(x: 418, y: 9, width: 24, height: 13), frame: 0, padding: 2))
    }

    /// The rest of a value beyond the box, a word elsewhere, or another frame: not inside.
    @Test func wordsReachingOutOfThePaintAreNot() {
        #expect(!areas.isInsidePaint(TextBox(x: 480, y: 10, width: 60, height: 12), frame: 0, padding: 2))
        #expect(!areas.isInsidePaint(TextBox(x: 100, y: 10, width: 30, height: 12), frame: 0, padding: 2))
        #expect(!areas.isInsidePaint(TextBox(x: 430, y: 10, width: 30, height: 12), frame: 1, padding: 2))
    }
}
