import DicomCore

/// Small DICOM files written for pipeline tests: one patient, one series, the image attributes and
/// the pixel bytes given.
enum SyntheticInstance {
    /// `image`: the image pixel module's values (Rows, Columns, Bits…, Samples per Pixel…), as text.
    static func write(to path: String, sopClass: String, modality: String, uidRoot: String, image: [(Tag, String)],
                      photometric: String, pixels: [UInt8], pixelVR: String) throws {
        let instance = Instance(empty: ())
        let dataset = instance.dataset
        try dataset.set(.sopClassUID, string: sopClass)
        try dataset.set(.sopInstanceUID, string: uidRoot + ".1")
        try dataset.set(.studyInstanceUID, string: uidRoot)
        try dataset.set(.seriesInstanceUID, string: uidRoot + ".2")
        try dataset.set(.modality, string: modality)
        try dataset.set(.patientName, string: "DOE^JANE")
        for (tag, value) in image { try dataset.set(tag, string: value) }
        try dataset.set(.photometricInterpretation, string: photometric)
        try dataset.set(.pixelData, bytes: pixels, vr: VR(pixelVR))
        try instance.write(to: path, transferSyntax: .explicitLittleEndian)
    }
}
