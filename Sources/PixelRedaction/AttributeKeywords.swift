import DicomCore

/// DICOM keywords used by pixel-region rules, with their tags. Covers every keyword of CTP's
/// DicomPixelAnonymizer.script and a few more devices are told apart by; anything else is looked up
/// in the data dictionary.
enum AttributeKeywords {
    static let table: [String: Tag] = [
        "ImplementationVersionName": Tag(0x0002, 0x0013), "SourceApplicationEntityTitle": Tag(0x0002, 0x0016),
        "ImageType": Tag(0x0008, 0x0008), "SOPClassUID": Tag(0x0008, 0x0016), "Modality": Tag(0x0008, 0x0060),
        "Manufacturer": Tag(0x0008, 0x0070), "InstitutionName": Tag(0x0008, 0x0080), "CodeMeaning": Tag(0x0008, 0x0104),
        "StationName": Tag(0x0008, 0x1010), "StudyDescription": Tag(0x0008, 0x1030), "SeriesDescription": Tag(0x0008, 0x103E),
        "ManufacturerModelName": Tag(0x0008, 0x1090), "SecondaryCaptureDeviceManufacturer": Tag(0x0018, 0x1016),
        "SecondaryCaptureDeviceManufacturerModelName": Tag(0x0018, 0x1018), "SoftwareVersions": Tag(0x0018, 0x1020),
        "ProtocolName": Tag(0x0018, 0x1030), "DeviceSerialNumber": Tag(0x0018, 0x1000),
        "SamplesPerPixel": Tag(0x0028, 0x0002), "PhotometricInterpretation": Tag(0x0028, 0x0004),
        "NumberOfFrames": Tag(0x0028, 0x0008), "Rows": Tag(0x0028, 0x0010), "Columns": Tag(0x0028, 0x0011),
        "BitsAllocated": Tag(0x0028, 0x0100), "BitsStored": Tag(0x0028, 0x0101), "BurnedInAnnotation": Tag(0x0028, 0x0301),
        "WindowCenter": Tag(0x0028, 0x1050), "WindowWidth": Tag(0x0028, 0x1051),
        "CommentsOnRadiationDose": Tag(0x0040, 0x0310),
    ]

    static func tag(_ keyword: String) -> Tag? {
        table[keyword] ?? DataDictionary.entry(keyword: keyword)?.tag
    }
}
