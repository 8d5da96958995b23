extension TextRegion {
    /// OCR hints for this region's patch (which is already black text on white).
    var patchHints: OCRHints {
        OCRHints(glyphHeight: glyphHeight, polarity: .darkOnLight, isSingleLine: 5 * box.height <= 8 * glyphHeight)
    }
}
