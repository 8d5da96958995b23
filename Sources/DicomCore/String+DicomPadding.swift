extension StringProtocol {
    /// The value without DICOM padding (leading/trailing spaces and NULs). Cheaper than Foundation's
    /// trimming, which matters in per-element loops.
    public var trimmingPadding: String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { $0 != " " && $0 != "\0" }) else { return "" }
        var end = scalars.endIndex
        while end > first {
            let before = scalars.index(before: end)
            if scalars[before] != " " && scalars[before] != "\0" { break }
            end = before
        }
        return String(String.UnicodeScalarView(scalars[first..<end]))
    }
}
