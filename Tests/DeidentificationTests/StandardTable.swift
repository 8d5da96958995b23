import DicomCore
import Foundation
import Testing

/// PS3.15 Table E.1-1 (edition 2024b) read straight from `../shared/standard`, with each attribute's VR
/// from the standard's data dictionary. Parsed here with JSONSerialization, independently of the
/// generator script and of the profile loader, so the generated profiles and the engine can be judged against it.
enum StandardTable {
    struct Row: Sendable, CustomTestStringConvertible {
        /// The tag as a profile writes it: `(0010,0010)`, `(60XX,3000)`, or `(GGGG,EEEE)` for the private row.
        let pattern: String
        let name: String
        /// The Basic Profile action code, e.g. `X/Z/D`.
        let basic: String
        /// Option column key (e.g. `rtnUIDsOpt`) → `K` or `C`.
        let options: [String: String]
        /// The VR from the data dictionary; nil when the dictionary has none or gives a choice (`OB or OW`).
        let vr: String?

        /// The tag, for rows that name one standard attribute (no wildcard).
        var tag: Tag? { pattern.contains("X") || pattern.contains("G") ? nil : Tag(parsing: pattern) }

        var testDescription: String { "\(pattern) \(name) [\(basic)\(vr.map { ", " + $0 } ?? "")]" }
    }

    /// The option files of `profiles/` and the Table E.1-1 column each one is generated from.
    static let optionColumns: [(option: String, column: String)] = [
        ("retain-safe-private", "rtnSafePrivOpt"),
        ("retain-uids", "rtnUIDsOpt"),
        ("retain-device-identity", "rtnDevIdOpt"),
        ("retain-institution-identity", "rtnInstIdOpt"),
        ("retain-patient-characteristics", "rtnPatCharsOpt"),
        ("retain-longitudinal-full-dates", "rtnLongFullDatesOpt"),
        ("retain-longitudinal-modified-dates", "rtnLongModifDatesOpt"),
        ("clean-descriptors", "cleanDescOpt"),
        ("clean-structured-content", "cleanStructContOpt"),
        ("clean-graphics", "cleanGraphOpt"),
    ]

    /// CID 7050 codes as `../shared/standard/README.md` lists them.
    static let codes: [String: String] = [
        "basic": "113100", "clean-pixel-data": "113101", "clean-graphics": "113103",
        "clean-structured-content": "113104", "clean-descriptors": "113105",
        "retain-longitudinal-full-dates": "113106", "retain-longitudinal-modified-dates": "113107",
        "retain-patient-characteristics": "113108", "retain-device-identity": "113109", "retain-uids": "113110",
        "retain-safe-private": "113111", "retain-institution-identity": "113112",
    ]

    /// Every row of the table (empty if the JSON cannot be read; `theTableHas621Rows` then fails).
    static let rows: [Row] = (try? load()) ?? []

    /// Rows naming one standard attribute whose VR the dictionary gives unambiguously.
    static let concreteRows: [Row] = rows.filter { $0.tag != nil && $0.vr != nil }

    static func rows(withColumn column: String) -> [Row] { rows.filter { $0.options[column] != nil } }

    static func row(_ pattern: String) -> Row? { rows.first { $0.pattern == pattern } }

    static func load() throws -> [Row] {
        let table = try json("confidentiality_profile_attributes.json")
        let dictionary = try json("data_dictionary_attributes.json")
        var vrs: [String: String] = [:]
        for entry in dictionary {
            if let tag = entry["tag"] as? String, let vr = entry["valueRepresentation"] as? String { vrs[tag.uppercased()] = vr }
        }
        return table.map { entry in
            let tag = (entry["tag"] as? String ?? "").uppercased()
            let pattern = tag.hasPrefix("(GGGG,EEEE)") ? "(GGGG,EEEE)" : tag
            var options: [String: String] = [:]
            for (key, value) in entry where key.hasSuffix("Opt") { options[key] = value as? String }
            let vr = vrs[tag].flatMap { $0.count == 2 ? $0 : nil }
            return Row(pattern: pattern, name: entry["name"] as? String ?? "", basic: entry["basicProfile"] as? String ?? "",
                       options: options, vr: vr)
        }
    }

    private static func json(_ name: String) throws -> [[String: Any]] {
        let data = try Data(contentsOf: TestData.standard.appendingPathComponent(name))
        return try JSONSerialization.jsonObject(with: data) as? [[String: Any]] ?? []
    }
}
