/// An axis-aligned box in image pixel coordinates: `x` is the column and `y` the row of the top-left corner.
public struct TextBox: Hashable, Sendable, Codable {
    public var x: Int
    public var y: Int
    public var width: Int
    public var height: Int

    public init(x: Int, y: Int, width: Int, height: Int) {
        self.x = x
        self.y = y
        self.width = width
        self.height = height
    }
}
