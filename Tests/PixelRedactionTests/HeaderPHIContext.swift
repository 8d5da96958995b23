import DicomCore
import Foundation
import PHIDetection

/// Test support for running the redactor alone (PixelRedaction does not depend on Deidentification, whose
/// IdentifyingValues the pipeline uses): an instance's top-level identifying values, as the
/// context burned-in text is matched against. Top-level attributes only; kept in memory only.
enum HeaderPHIContext {
    static let names: [Tag] = [
        Tag(0x0010, 0x0010), Tag(0x0010, 0x1001), Tag(0x0010, 0x1005), Tag(0x0010, 0x1060), Tag(0x0008, 0x0090),
        Tag(0x0008, 0x1048), Tag(0x0008, 0x1050), Tag(0x0008, 0x1060), Tag(0x0008, 0x1070), Tag(0x0032, 0x1032),
        Tag(0x0010, 0x2297), Tag(0x0040, 0xA075),
    ]
    static let identifiers: [Tag] = [
        Tag(0x0010, 0x0020), Tag(0x0010, 0x1000), Tag(0x0008, 0x0050), Tag(0x0020, 0x0010), Tag(0x0018, 0x1000),
        Tag(0x0010, 0x1090), Tag(0x0040, 0x1001), Tag(0x0040, 0x0253), Tag(0x0040, 0x2016), Tag(0x0040, 0x2017),
        Tag(0x0038, 0x0010), Tag(0x0010, 0x0021),
    ]
    static let dates: [Tag] = [
        Tag(0x0008, 0x0020), Tag(0x0008, 0x0021), Tag(0x0008, 0x0022), Tag(0x0008, 0x0023), Tag(0x0010, 0x0030),
        Tag(0x0008, 0x002A), Tag(0x0008, 0x0012), Tag(0x0040, 0x0244), Tag(0x0038, 0x0020),
    ]
    static let times: [Tag] = [
        Tag(0x0008, 0x0030), Tag(0x0008, 0x0031), Tag(0x0008, 0x0032), Tag(0x0008, 0x0033), Tag(0x0010, 0x0032),
        Tag(0x0008, 0x0013), Tag(0x0040, 0x0245),
    ]
    static let places: [Tag] = [
        Tag(0x0008, 0x0080), Tag(0x0008, 0x0081), Tag(0x0008, 0x1010), Tag(0x0008, 0x1040), Tag(0x0010, 0x1040),
        Tag(0x0010, 0x2150), Tag(0x0010, 0x2152),
    ]
    static let other: [Tag] = [Tag(0x0010, 0x2154), Tag(0x0010, 0x1010), Tag(0x0010, 0x2180), Tag(0x0010, 0x21F0)]

    /// The context of one dataset.
    static func make(from dataset: Dataset) -> PHIContext {
        func values(_ tags: [Tag]) -> [String] {
            tags.flatMap { tag in
                (dataset.string(tag) ?? "").split(separator: "\\").map { $0.trimmingCharacters(in: .whitespaces) }
            }.filter { !$0.isEmpty }
        }
        return PHIContext(names: values(names), identifiers: values(identifiers), dates: values(dates), times: values(times),
                          places: values(places), other: values(other))
    }
}
