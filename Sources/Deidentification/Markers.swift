import DicomCore

/// The attributes that say an instance was de-identified, and how (PS3.15 E.1.1, PS3.3 C.12.1.1.7).
struct Markers {
    let profile: Profile
    let datesShifted: Bool
    let pixelsCleaned: Bool

    static let toolName = "dcmdeid"

    func apply(to dataset: Dataset) throws {
        try dataset.set(.patientIdentityRemoved, string: "YES")
        try dataset.set(.deidentificationMethod, string: methodDescription.joined(separator: "\\"))
        try dataset.remove(.deidentificationMethodCodeSequence)
        for (code, meaning) in codes {
            let item = try dataset.appendItem(.deidentificationMethodCodeSequence)
            try item.set(.codeValue, string: code)
            try item.set(.codingSchemeDesignator, string: "DCM")
            try item.set(.codeMeaning, string: meaning)
        }
        try dataset.set(.longitudinalTemporalInformationModified, string: temporalState)
    }

    var codes: [(String, String)] {
        var codes = profile.methodCodes
        if pixelsCleaned { codes.append(("113101", "Clean Pixel Data Option")) }
        return codes
    }

    /// Short values (LO holds 64 characters each): the tool, the profile, each option.
    var methodDescription: [String] {
        ([Self.toolName, "PS3.15 E.1-1 " + profile.baseTitle] + (profile.name != profile.baseName ? ["profile " + profile.name] : []))
            .map { String($0.prefix(64)) }
            + profile.options.filter { $0.name != "clean-pixel-data" || pixelsCleaned }.map { String($0.title.prefix(64)) }
    }

    var temporalState: String {
        if datesShifted { return "MODIFIED" }
        if profile.hasOption("retain-longitudinal-full-dates") { return "UNMODIFIED" }
        return "REMOVED"
    }
}
