extension StringProtocol {
    /// The value without DICOM padding (leading/trailing spaces and NULs). Works on the UTF-8 bytes,
    /// cheaper than Foundation's trimming, which matters in per-element loops.
    public var trimmingPadding: String {
        var view = Substring(self).utf8
        while let first = view.first, first == 0x20 || first == 0 { view = view.dropFirst() }
        while let last = view.last, last == 0x20 || last == 0 { view = view.dropLast() }
        return String(Substring(view))
    }
}
