/// One word as OCR read it.
public struct OCRWord: Hashable, Sendable {
    /// The text as read, OCR errors and all.
    public var text: String
    public var box: TextBox
    /// OCR confidence, 0...1.
    public var confidence: Double
    /// Words with the same line id are on one text line; within a line the words come in reading order.
    public var line: Int

    public init(text: String, box: TextBox, confidence: Double, line: Int) {
        self.text = text
        self.box = box
        self.confidence = confidence
        self.line = line
    }
}
