@testable import Deidentification
import DicomCore
import Foundation
import Testing

/// Builds small in-memory instances and runs the header engine on them.
enum Synthetic {
    static let key = SecretKey(text: "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff")
    static let otherKey = SecretKey(text: "ffeeddccbbaa99887766554433221100ffeeddccbbaa99887766554433221100")

    static let library = ProfileLibrary(directory: TestData.profiles)
    /// Basic, loaded once for the many per-row tests (nil when loading fails: the profile tests say why).
    static let basic: Profile? = try? library.load("basic")

    static func profile(_ options: [String] = []) throws -> Profile {
        if options.isEmpty { return try #require(basic) }
        return try library.load("basic", options: options)
    }

    /// A new instance with a CT SOP class and the given SOP Instance UID, filled by `build`.
    static func instance(sopInstanceUID: String? = nil, _ build: (Dataset) throws -> Void = { _ in }) throws -> Instance {
        let instance = Instance(empty: ())
        let dataset = instance.dataset
        try dataset.set(.sopClassUID, string: "1.2.840.10008.5.1.4.1.1.2", vr: .UI)
        if let sopInstanceUID { try dataset.set(.sopInstanceUID, string: sopInstanceUID, vr: .UI) }
        try build(dataset)
        return instance
    }

    /// Captures the identifying values and de-identifies `instance` in place, as the pipeline does.
    @discardableResult
    static func deidentify(_ instance: Instance, profile: Profile, key: SecretKey = key, pixelsCleaned: Bool = false,
                           recording: Bool = false) throws -> HeaderDeidentifier.Result {
        let engine = HeaderDeidentifier(profile: profile, key: key)
        return try engine.deidentify(instance, captured: engine.capture(instance.dataset), recording: recording,
                                     pixelsCleaned: pixelsCleaned)
    }

    /// Every value at any depth, as text (binary values decoded as UTF-8), with its path.
    static func allValues(_ item: Dataset, path: String = "") -> [(path: String, value: String)] {
        var values: [(String, String)] = []
        for element in item.elements {
            let location = path + element.tag.description
            if element.isSequence {
                for (index, child) in item.items(element.tag).enumerated() {
                    values += allValues(child, path: "\(location)[\(index)]>")
                }
            } else if element.vr.isText, let text = item.string(element.tag) {
                values.append((location, text))
            } else if let bytes = item.bytes(element.tag) {
                values.append((location, String(decoding: bytes, as: UTF8.self)))
            }
        }
        return values
    }

    /// Paths of the values that still contain `needle` (case-insensitively).
    static func occurrences(of needle: String, in dataset: Dataset) -> [String] {
        allValues(dataset).filter { $0.value.uppercased().contains(needle.uppercased()) }.map(\.path)
    }

    /// The tags of the elements of an item.
    static func tags(_ item: Dataset) -> Set<Tag> { Set(item.elements.map(\.tag)) }
}
