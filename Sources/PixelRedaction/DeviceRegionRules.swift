import DicomCore
import Foundation
import PHIDetection

/// Pixel-region rules: device signatures (header conditions) with rectangles of known burned-in
/// PHI, painted without OCR when an instance matches. Loaded from a CTP DicomPixelAnonymizer
/// script, such as the repository's `profiles/pixel-regions/ctp-DicomPixelAnonymizer.script`.
public struct DeviceRegionRules: Sendable {
    public let rules: [DeviceRegionRule]
    public let path: String

    /// Reads and parses a rule file; throws with file and line on anything it does not understand.
    public init(path: String) throws {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw PixelRedactionError.cannotReadRules(path: path, reason: error.localizedDescription)
        }
        try self.init(script: text, path: path)
    }

    public init(script: String, path: String = "<script>") throws {
        self.path = path
        rules = try CTPRuleScriptParser(text: script, path: path).rules()
    }

    /// The rules whose condition the instance's header meets.
    public func matching(_ dataset: Dataset, meta: Dataset? = nil) -> [DeviceRegionRule] {
        rules.filter { $0.matches(dataset, meta: meta) }
    }

    /// The rectangles of every matching rule.
    public func boxes(for dataset: Dataset, meta: Dataset? = nil) -> [TextBox] {
        matching(dataset, meta: meta).flatMap(\.boxes)
    }
}
