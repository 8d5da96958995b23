import DicomCore
import Foundation

/// Applies a profile to an instance's header: Table E.1-1 actions at every depth, private and
/// unlisted attributes per policy, keyed pseudonyms, markers, and a last check that no captured
/// identifying value survived (fail closed).
public struct HeaderDeidentifier: Sendable {
    public let profile: Profile
    public let pseudonymizer: Pseudonymizer

    public init(profile: Profile, key: SecretKey) {
        self.profile = profile
        self.pseudonymizer = Pseudonymizer(key: key, uidRoot: profile.parameters.uidRoot)
    }

    public struct Result: Sendable {
        public var counts = ActionCounts()
        public var records: [ActionRecord] = []
        public var originalSOPInstanceUID: String?
        public var newSOPInstanceUID: String?
        public var datesShiftedBy: Int?
    }

    /// De-identifies `instance` in place. `captured` are the values taken before (see IdentifyingValues).
    /// With `recording`, every decision is listed in the result (for dry runs).
    /// Captures the identifying values of `dataset`, noting those the profile keeps on purpose.
    public func capture(_ dataset: Dataset) -> IdentifyingValues {
        IdentifyingValues.capture(from: dataset) { tag in
            guard let rule = profile.rule(for: tag) else { return false }
            return rule.action == .keep && rule.source != profile.baseName
        }
    }

    public func deidentify(_ instance: Instance, captured: IdentifyingValues, recording: Bool = false,
                           pixelsCleaned: Bool = false) throws -> Result {
        let dataset = instance.dataset
        var walk = Walk(deidentifier: self, recording: recording, shifter: dateShifter(for: dataset))
        walk.result.originalSOPInstanceUID = dataset.firstValue(.sopInstanceUID)
        walk.result.datesShiftedBy = walk.shifter?.days
        try walk.process(dataset, path: "")
        try Markers(profile: profile, datesShifted: walk.shifter != nil, pixelsCleaned: pixelsCleaned).apply(to: dataset)
        walk.result.newSOPInstanceUID = dataset.firstValue(.sopInstanceUID)
        let leaks = self.leaks(in: dataset, captured: captured)
        if !leaks.isEmpty { throw DeidentificationError.leakDetected(tags: leaks) }
        return walk.result
    }

    /// Elements of `dataset` that still hold a captured identifying value (the check `deidentify`
    /// makes before returning, exposed for re-checking a written output).
    public func leaks(in dataset: Dataset, captured: IdentifyingValues) -> [String] {
        LeakScanner(captured: captured, checkDates: !profile.hasOption("retain-longitudinal-full-dates"),
                    technicalTags: profile.unlisted.keywordsEnabled ? profile.unlisted.keepTags : []).leaks(in: dataset)
    }

    /// With the Modified Dates option: a per-patient shift keyed on the patient's identity.
    func dateShifter(for dataset: Dataset) -> DateShifter? {
        guard profile.hasOption("retain-longitudinal-modified-dates") else { return nil }
        return DateShifter(days: pseudonymizer.dateShiftDays(patient: PatientIdentity.key(of: dataset),
                                                            maxDays: profile.parameters.maxDateShiftDays))
    }
}

/// The identity a patient's pseudonyms and date shift derive from.
enum PatientIdentity {
    static func key(of dataset: Dataset) -> String {
        let id = dataset.string(.patientID)?.trimmingPadding ?? ""
        if !id.isEmpty { return "id:" + id + "|" + (dataset.firstValue(Tag(0x0010, 0x0021)) ?? "") }
        return "name:" + (dataset.string(.patientName) ?? "") + "|" + (dataset.string(.patientBirthDate) ?? "")
    }
}
