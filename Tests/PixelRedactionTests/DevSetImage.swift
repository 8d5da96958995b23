import DicomCore
import Foundation
import PHIDetection

/// One image of an evaluation pixel set (`input/<rel>` plus `truth/<rel stem>.truth.json`).
struct DevSetImage {
    struct Item: Decodable {
        var text: String
        var phi: Bool
        var category: String
        var frames: [Int]
        var box: [Int]
        var phi_box: [Int]?
        var cap_height: Int?

        var textBox: TextBox { TextBox(x: box[0], y: box[1], width: box[2], height: box[3]) }
        var valueBox: TextBox {
            guard let b = phi_box else { return textBox }
            return TextBox(x: b[0], y: b[1], width: b[2], height: b[3])
        }
    }

    struct Truth: Decodable {
        var output_rel: String
        var modality: String
        var photometric: String
        var items: [Item]
    }

    let set: String
    let truth: Truth
    var relativePath: String { truth.output_rel }
    var inputPath: String { "\(set)/input/\(truth.output_rel)" }

    /// Every image of a set, sorted by relative path.
    static func all(in set: String) throws -> [DevSetImage] {
        let truthRoot = "\(set)/truth"
        let files = (FileManager.default.enumerator(atPath: truthRoot)?.allObjects as? [String] ?? [])
            .filter { $0.hasSuffix(".truth.json") }.sorted()
        return try files.map { file in
            let data = try Data(contentsOf: URL(fileURLWithPath: "\(truthRoot)/\(file)"))
            return DevSetImage(set: set, truth: try JSONDecoder().decode(Truth.self, from: data))
        }
    }

    static func named(_ relative: String, in set: String = SharedData.devPixels) throws -> DevSetImage {
        guard let image = try all(in: set).first(where: { $0.relativePath == relative }) else {
            throw CocoaError(.fileNoSuchFile)
        }
        return image
    }
}
