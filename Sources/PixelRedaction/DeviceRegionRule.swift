import DicomCore
import Foundation
import PHIDetection

/// One device signature and the rectangles of burned-in PHI it implies.
public struct DeviceRegionRule: Sendable, Hashable {
    /// The heading the rule stands under in its file (e.g. "GE  Logiq US"), for reports.
    public var name: String
    /// Line of the rule's condition in its file.
    public var line: Int
    public var condition: Condition
    /// Rectangles in pixel coordinates (x, y, width, height), clipped to the image when painted.
    public var boxes: [TextBox]

    /// A boolean expression over header attributes (CTP's signature syntax).
    public indirect enum Condition: Sendable, Hashable {
        case all([Condition])
        case any([Condition])
        case not(Condition)
        case test(Tag, Test, String)
    }

    /// The string tests of CTP's filter language.
    public enum Test: String, Sendable, Hashable, CaseIterable {
        case equals, equalsIgnoreCase, contains, containsIgnoreCase, startsWith, startsWithIgnoreCase
        case endsWith, endsWithIgnoreCase, matches, isBlank, exists, greaterThan, lessThan
    }

    public func matches(_ dataset: Dataset, meta: Dataset? = nil) -> Bool {
        condition.evaluate { tag in
            let source = tag.group == 0x0002 ? meta : dataset
            return source.flatMap { Self.text(of: tag, in: $0) }
        }
    }

    /// The element's whole value as text (values joined by `\`), trimmed; nil when absent.
    static func text(of tag: Tag, in dataset: Dataset) -> String? {
        guard dataset.contains(tag) else { return nil }
        return (dataset.string(tag) ?? "").trimmingCharacters(in: .whitespaces.union(CharacterSet(charactersIn: "\0")))
    }
}

extension DeviceRegionRule.Condition {
    /// Evaluates against element values (`value(tag)` nil when the element is absent).
    func evaluate(_ value: (Tag) -> String?) -> Bool {
        switch self {
        case let .all(terms): return terms.allSatisfy { $0.evaluate(value) }
        case let .any(terms): return terms.contains { $0.evaluate(value) }
        case let .not(term): return !term.evaluate(value)
        case let .test(tag, test, argument): return test.apply(to: value(tag), argument: argument)
        }
    }
}

extension DeviceRegionRule.Test {
    /// A missing element reads as empty text (as in CTP), except for `exists`.
    func apply(to element: String?, argument: String) -> Bool {
        let text = element ?? ""
        switch self {
        case .equals: return text == argument
        case .equalsIgnoreCase: return text.caseInsensitiveCompare(argument) == .orderedSame
        case .contains: return text.contains(argument)
        case .containsIgnoreCase: return text.range(of: argument, options: .caseInsensitive) != nil
        case .startsWith: return text.hasPrefix(argument)
        case .startsWithIgnoreCase: return text.lowercased().hasPrefix(argument.lowercased())
        case .endsWith: return text.hasSuffix(argument)
        case .endsWithIgnoreCase: return text.lowercased().hasSuffix(argument.lowercased())
        case .matches: return text.range(of: "^(?:\(argument))$", options: .regularExpression) != nil
        case .isBlank: return text.trimmingCharacters(in: .whitespaces).isEmpty
        case .exists: return element != nil
        case .greaterThan: return Self.number(text).map { $0 > (Self.number(argument) ?? .infinity) } ?? false
        case .lessThan: return Self.number(text).map { $0 < (Self.number(argument) ?? -.infinity) } ?? false
        }
    }

    private static func number(_ text: String) -> Double? {
        Double(text.split(separator: "\\").first.map(String.init)?.trimmingCharacters(in: .whitespaces) ?? "")
    }
}
