import DicomCore
import Foundation

/// The last check before an output is written: does any captured identifying value still appear
/// in a text element, at any depth? Matches whole tokens (names) or whole values (IDs, places),
/// case-insensitively, so a kept technical word is not mistaken for a name part.
struct LeakScanner {
    let nameTokens: Set<String>
    let wholeValues: Set<String>
    let dates: Set<String>

    /// Words that are placeholders, not identities (they may legitimately remain).
    static let placeholders: Set<String> = [
        "ANONYMIZED", "ANONYMOUS", "ANON", "UNKNOWN", "NONE", "PATIENT", "TEST", "PHANTOM", "DOCTOR", "NULL", "REMOVED",
    ]

    /// Technical attributes the policy keeps (Manufacturer, model names…): a vendor's name there is
    /// often also the institution's or station's ("TOSHIBA"), so only person names are looked for in them.
    var technicalTags: Set<Tag> = []

    init(captured: IdentifyingValues, checkDates: Bool, technicalTags: Set<Tag> = []) {
        self.technicalTags = technicalTags
        func tokens(_ text: String) -> [String] {
            text.uppercased().split { !$0.isLetter && !$0.isNumber }.map(String.init)
        }
        let retainedTokens = Set(captured.retained.flatMap(tokens))
        nameTokens = Set(captured.names.filter { !captured.retained.contains($0) }.flatMap(tokens)
            .filter { !retainedTokens.contains($0) }.filter { $0.count >= 3 && !Self.placeholders.contains($0) })
        wholeValues = Set((captured.identifiers + captured.places).filter { !captured.retained.contains($0) }.map { $0.uppercased() }
            .filter { $0.count >= 4 && !Self.placeholders.contains($0) })
        dates = checkDates ? Set(captured.dates.filter { $0.count >= 8 && !captured.retained.contains($0) }.map { String($0.prefix(8)) }) : []
    }

    static let textVRs: Set<String> = ["LO", "LT", "PN", "SH", "ST", "UC", "UT", "AE", "DA", "DT"]

    /// Paths of elements that still hold a captured value.
    func leaks(in dataset: Dataset) -> [String] {
        var found: [String] = []
        scan(dataset, path: "", depth: 0, into: &found)
        return found
    }

    private func scan(_ item: Dataset, path: String, depth: Int, into found: inout [String]) {
        for element in item.elements {
            let location = path.isEmpty ? element.tag.description : path + ">" + element.tag.description
            if element.isSequence {
                if depth < 64 {
                    for (index, child) in item.items(element.tag).enumerated() {
                        scan(child, path: "\(location)[\(index)]", depth: depth + 1, into: &found)
                    }
                }
                continue
            }
            guard Self.textVRs.contains(element.vr.code), element.length > 0, element.length < 1 << 20,
                  element.tag != .deidentificationMethod, let value = item.string(element.tag) else { continue }
            if contains(value, vr: element.vr, namesOnly: technicalTags.contains(element.tag)) { found.append(location) }
        }
    }

    func contains(_ value: String, vr: VR, namesOnly: Bool = false) -> Bool {
        let upper = Array(value.uppercased().utf8)
        if vr == .DA || vr == .DT { return dates.contains { Self.bytes(upper, contain: Array($0.utf8)) } }
        for whole in wholeValues where !namesOnly && Self.bytes(upper, contain: Array(whole.utf8)) { return true }
        if !nameTokens.isEmpty {
            let text = String(decoding: upper, as: UTF8.self)
            for token in text.split(whereSeparator: { !$0.isLetter && !$0.isNumber }) where nameTokens.contains(String(token)) {
                return true
            }
        }
        return false
    }

    static func bytes(_ haystack: [UInt8], contain needle: [UInt8]) -> Bool {
        guard !needle.isEmpty, haystack.count >= needle.count else { return false }
        let first = needle[0]
        for start in 0...(haystack.count - needle.count) where haystack[start] == first {
            if haystack[start..<start + needle.count].elementsEqual(needle) { return true }
        }
        return false
    }
}
