import DicomCore
import Foundation

/// The identifying values of one instance, captured before anything is scrubbed: the pixel stage
/// looks for them in burned-in text and the final check looks for them in the scrubbed header.
/// Held in memory only; never logged or written.
public struct IdentifyingValues: Sendable {
    public var names: [String] = []
    public var identifiers: [String] = []
    public var dates: [String] = []
    public var times: [String] = []
    public var places: [String] = []
    /// Other characteristics printed on images (age, occupation…): looked for in pixels only.
    public var other: [String] = []
    /// Values of attributes the profile keeps on purpose (e.g. with Retain Device Identity): not leaks.
    var retained: Set<String> = []

    public init() {}

    static let nameKeywords = [
        "PatientName", "OtherPatientNames", "PatientBirthName", "PatientMotherBirthName", "ReferringPhysicianName",
        "PerformingPhysicianName", "NameOfPhysiciansReadingStudy", "PhysiciansOfRecord", "OperatorsName",
        "RequestingPhysician", "ScheduledPerformingPhysicianName", "ResponsiblePerson", "ConsultingPhysicianName",
        "VerifyingObserverName",
    ]
    static let identifierKeywords = [
        "PatientID", "OtherPatientIDs", "AccessionNumber", "StudyID", "DeviceSerialNumber", "IssuerOfPatientID",
        "PatientTelephoneNumbers", "MedicalRecordLocator", "RequestedProcedureID", "PerformedProcedureStepID",
        "ScheduledProcedureStepID", "AdmissionID", "PatientInsurancePlanCodeSequence", "MilitaryRank",
        "PlacerOrderNumberImagingServiceRequest", "FillerOrderNumberImagingServiceRequest",
    ]
    static let dateKeywords = [
        "PatientBirthDate", "StudyDate", "SeriesDate", "AcquisitionDate", "ContentDate", "InstanceCreationDate",
        "AcquisitionDateTime", "PerformedProcedureStepStartDate", "AdmittingDate",
    ]
    static let timeKeywords = [
        "PatientBirthTime", "StudyTime", "SeriesTime", "AcquisitionTime", "ContentTime", "InstanceCreationTime",
        "PerformedProcedureStepStartTime",
    ]
    static let otherKeywords = ["PatientAge", "Occupation", "PatientReligiousPreference"]
    static let placeKeywords = [
        "InstitutionName", "InstitutionAddress", "InstitutionalDepartmentName", "StationName", "PatientAddress",
        "CountryOfResidence", "RegionOfResidence",
    ]

    nonisolated(unsafe) static let tags: [(tag: Tag, field: WritableKeyPath<IdentifyingValues, [String]>)] = {
        func resolve(_ keywords: [String], _ field: WritableKeyPath<IdentifyingValues, [String]>) -> [(Tag, WritableKeyPath<IdentifyingValues, [String]>)] {
            keywords.compactMap { DataDictionary.entry(keyword: $0).map { ($0.tag, field) } }
        }
        return resolve(nameKeywords, \.names) + resolve(identifierKeywords, \.identifiers) + resolve(dateKeywords, \.dates)
            + resolve(timeKeywords, \.times) + resolve(placeKeywords, \.places) + resolve(otherKeywords, \.other)
    }()

    /// Collects the values from the dataset and every nested item. Values of attributes for which
    /// `isRetained` is true are captured too (the pixel stage still looks for them) but are not leaks.
    public static func capture(from dataset: Dataset, isRetained: (Tag) -> Bool = { _ in false }) -> IdentifyingValues {
        var values = IdentifyingValues()
        values.collect(dataset, depth: 0, isRetained: isRetained)
        for field in [\IdentifyingValues.names, \.identifiers, \.dates, \.times, \.places, \.other] as [WritableKeyPath<IdentifyingValues, [String]>] {
            var seen = Set<String>()
            values[keyPath: field] = values[keyPath: field].filter { seen.insert($0).inserted }
        }
        return values
    }

    private mutating func collect(_ item: Dataset, depth: Int, isRetained: (Tag) -> Bool) {
        for (tag, field) in Self.tags {
            guard let text = item.string(tag) else { continue }
            let retainedHere = isRetained(tag)
            for value in text.split(separator: "\\") {
                let trimmed = value.trimmingPadding
                guard !trimmed.isEmpty else { continue }
                self[keyPath: field].append(trimmed)
                if retainedHere { retained.insert(trimmed) }
            }
        }
        guard depth < 16 else { return }
        for element in item.elements where element.isSequence {
            for child in item.items(element.tag) { collect(child, depth: depth + 1, isRetained: isRetained) }
        }
    }
}
