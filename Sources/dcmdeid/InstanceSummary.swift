import DicomCore

/// The non-identifying description `inspect` prints.
struct InstanceSummary {
    let instance: Instance

    var lines: [String] {
        let dataset = instance.dataset
        var lines = [
            "file:              \(instance.sourcePath)",
            "transfer syntax:   \(instance.originalTransferSyntax)" + (instance.hadMetaHeader ? "" : " (raw dataset, no meta header)"),
            "SOP class:         \(dataset.firstValue(.sopClassUID) ?? "-")",
            "modality:          \(dataset.firstValue(.modality) ?? "-")",
            "elements:          \(dataset.elements.count) top-level, \(dataset.elements.filter { $0.tag.isPrivate }.count) private",
        ]
        lines.append(contentsOf: pixelLines)
        let overlays = Overlay.overlays(in: dataset)
        lines.append("overlays:          " + (overlays.isEmpty ? "none" : overlays.map(describe).joined(separator: ", ")))
        lines.append("icon image:        " + (dataset.contains(.iconImageSequence) ? "present" : "none"))
        lines.append("burned-in annotation: \(dataset.firstValue(.burnedInAnnotation) ?? "not stated")")
        return lines
    }

    var pixelLines: [String] {
        guard instance.hasPixelData else { return ["pixels:            none"] }
        guard let d = try? instance.pixelDescription() else {
            return ["pixels:            present, image pixel module incomplete or unsupported"]
        }
        let syntax = instance.originalTransferSyntax
        return [
            "pixels:            \(d.columns)x\(d.rows), \(d.numberOfFrames) frame(s), \(d.samplesPerPixel) sample(s), \(d.photometric.rawValue)",
            "bits:              \(d.bitsStored) stored of \(d.bitsAllocated), high bit \(d.highBit), \(d.isSigned ? "signed" : "unsigned")"
                + (d.samplesPerPixel > 1 ? ", planar configuration \(d.planarConfiguration)" : ""),
            "decodable:         " + (syntax.isDecodable ? "yes" : "no (unsupported transfer syntax)"),
        ]
    }

    func describe(_ overlay: Overlay) -> String {
        let group = String(overlay.group, radix: 16, uppercase: true)
        switch overlay.storage {
        case .separate: return "\(group) \(overlay.columns)x\(overlay.rows) in (\(group),3000)"
        case let .embedded(bit): return "\(group) \(overlay.columns)x\(overlay.rows) embedded in pixel bit \(bit)"
        }
    }
}
