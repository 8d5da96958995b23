import Deidentification
import Pipeline

/// The `--dry-run` listing: per file, each element's action and why — tags and keywords, never values.
enum DryRunListing {
    static func print(_ outcome: InstanceOutcome) {
        Swift.print("\(outcome.input.path): \(outcome.status.rawValue)" + (outcome.reason.map { " (\($0))" } ?? ""))
        for record in outcome.records {
            let keyword = record.keyword.isEmpty ? "" : " " + record.keyword
            Swift.print("  \(record.action.padding(toLength: 6, withPad: " ", startingAt: 0)) \(record.path)\(keyword)  — \(record.reason)")
        }
    }
}

import Foundation
