import PHIDetection

/// A connected set of stroke pixels (8-connected) in a thresholded top-hat: a glyph, a piece of
/// one, several touching glyphs, or something in the image that merely looks thin and bright.
struct StrokeComponent: Hashable, Sendable {
    var minX: Int
    var minY: Int
    var maxX: Int
    var maxY: Int
    /// Number of stroke pixels.
    var area: Int
    /// Strongest top-hat response inside the component.
    var peakContrast: Int
    /// The source-plane value where the response is strongest: the glyph's own grey level.
    /// Letters of one line share it; anatomy rarely does.
    var level: Int = 0
    /// Horizontal and vertical runs of stroke pixels: area / runs is the mean run length, and the
    /// smaller of the two is the stroke width (thin for glyphs, wide for blobs of anatomy).
    var horizontalRuns = 0
    var verticalRuns = 0
    /// Stroke pixels whose level is within a tenth of the contrast of the peak level: text is drawn
    /// in one colour, so most of a glyph sits on that plateau; anatomy ridges peak at a line.
    var plateauArea = 0
    var plateau: Double { Double(plateauArea) / Double(max(area, 1)) }

    var width: Int { maxX - minX + 1 }
    var height: Int { maxY - minY + 1 }
    /// Fraction of the bounding box covered by stroke pixels.
    var fill: Double { Double(area) / Double(width * height) }
    var box: TextBox { TextBox(x: minX, y: minY, width: width, height: height) }
    var strokeWidth: Double {
        Double(area) / Double(max(horizontalRuns, verticalRuns, 1))
    }

    /// Labels the pixels of `strength` at or above `threshold` into components.
    /// `limit` stops the labelling early (a frame full of texture is treated as one big candidate by the caller).
    /// The scan for unlabelled stroke pixels looks at blocks of 32 samples first: on most frames
    /// nearly every block is below the threshold.
    static func label<Sample>(_ strength: Plane<Sample>, source: Plane<Sample>, threshold: Sample,
                              limit: Int = 200_000) -> [StrokeComponent] {
        guard strength.width > 0, strength.height > 0 else { return [] }
        let threshold = max(threshold, 1)  // zero strength is never ink
        let count = strength.width * strength.height
        var labelled = [Bool](repeating: false, count: count)
        var components: [StrokeComponent] = []
        var stack: [Int] = []
        var visited: [Int] = []
        strength.pixels.withUnsafeBufferPointer { strengthPixels in
            source.pixels.withUnsafeBufferPointer { sourcePixels in
                labelled.withUnsafeMutableBufferPointer { labelled in
                    let lanes = 32
                    var block = 0
                    scan: while block < count {
                        let end = min(block + lanes, count)
                        if end - block == lanes {
                            // the largest of the block, by a loop the compiler vectorises
                            let values = strengthPixels.baseAddress! + block
                            var largest: Sample = 0
                            for k in 0..<lanes { largest = Swift.max(largest, values[k]) }
                            guard largest >= threshold else { block = end; continue }
                        }
                        for start in block..<end where strengthPixels[start] >= threshold && !labelled[start] {
                            components.append(fill(from: start, width: strength.width, height: strength.height, strength: strengthPixels,
                                                   source: sourcePixels, threshold: threshold, labelled: labelled,
                                                   stack: &stack, visited: &visited))
                            if components.count >= limit { break scan }
                        }
                        block = end
                    }
                }
            }
        }
        return components
    }

    /// The component of stroke pixels connected to `start` (8-connected), marking them labelled.
    private static func fill<Sample: FixedWidthInteger>(from start: Int, width: Int, height: Int, strength: UnsafeBufferPointer<Sample>,
                                                        source: UnsafeBufferPointer<Sample>, threshold: Sample,
                                                        labelled: UnsafeMutableBufferPointer<Bool>,
                                                        stack: inout [Int], visited: inout [Int]) -> StrokeComponent {
        visited.removeAll(keepingCapacity: true)
        labelled[start] = true
        stack.append(start)
        var component = StrokeComponent(minX: start % width, minY: start / width, maxX: start % width,
                                        maxY: start / width, area: 0, peakContrast: 0)
        while let index = stack.popLast() {
            visited.append(index)
            let y = index / width, x = index - y * width
            component.include(x: x, y: y, contrast: Int(strength[index]), level: Int(source[index]))
            if x == 0 || strength[index - 1] < threshold { component.horizontalRuns += 1 }
            if y == 0 || strength[index - width] < threshold { component.verticalRuns += 1 }
            // the 3×3 neighbourhood row by row, left to right (the order fixes which of equal peaks sets the level)
            let left = x > 0 ? -1 : 0, right = x < width - 1 ? 1 : 0
            var row = y > 0 ? index - width : index
            let lastRow = y < height - 1 ? index + width : index
            while row <= lastRow {
                var neighbour = row + left
                while neighbour <= row + right {
                    if strength[neighbour] >= threshold && !labelled[neighbour] {
                        labelled[neighbour] = true
                        stack.append(neighbour)
                    }
                    neighbour += 1
                }
                row += width
            }
        }
        let tolerance = component.peakContrast / 10
        var plateau = 0
        for index in visited where abs(Int(source[index]) - component.level) <= tolerance { plateau += 1 }
        component.plateauArea = plateau
        return component
    }

    private mutating func include(x: Int, y: Int, contrast: Int, level: Int) {
        minX = min(minX, x)
        maxX = max(maxX, x)
        minY = min(minY, y)
        maxY = max(maxY, y)
        area += 1
        if contrast > peakContrast {
            peakContrast = contrast
            self.level = level
        }
    }
}
