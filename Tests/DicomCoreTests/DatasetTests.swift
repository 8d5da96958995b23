import DicomCore
import Foundation
import Testing

@Suite("Dataset")
struct DatasetTests {
    static let mrSmall = "pydicom-testfiles/test_files/MR_small.dcm"
    static let rtPlan = "pydicom-testfiles/test_files/rtplan.dcm"
    /// Implicit VR little endian, with a private "CTP" block in group 0013.
    static let presidioCT = "presidio-image-redactor/dicom/2_ORIGINAL.dcm"

    static let doseReferenceSequence = Tag(0x300A, 0x0010)
    static let doseReferenceDescription = Tag(0x300A, 0x0016)
    static let fractionGroupSequence = Tag(0x300A, 0x0070)
    static let referencedBeamSequence = Tag(0x300C, 0x0004)
    static let beamDose = Tag(0x300A, 0x0084)

    func load(_ relative: String) throws -> Dataset {
        try Instance(contentsOf: SharedData.path(relative)).dataset
    }

    // MARK: reading

    @Test func sharedMRFileTextValuesReadAsStored() throws {
        let dataset = try load(Self.mrSmall)
        #expect(dataset.string(.patientName) == "CompressedSamples^MR1")
        #expect(dataset.string(.patientID) == "4MR1")
        #expect(dataset.firstValue(.modality) == "MR")
        #expect(dataset.string(.imageType) == "DERIVED\\SECONDARY\\OTHER")
        #expect(dataset.firstValue(.imageType) == "DERIVED")
        #expect(dataset.string(.sopInstanceUID) == "1.3.6.1.4.1.5962.1.1.4.1.1.20040826185059.5457")
    }

    @Test func sharedMRFileNumbersReadFromBinaryAndDecimalStringElements() throws {
        let dataset = try load(Self.mrSmall)
        #expect(dataset.integer(.rows) == 64)
        #expect(dataset.integer(.columns) == 64)
        #expect(dataset.integer(.bitsAllocated) == 16)
        #expect(dataset.integer(Tag(0x0020, 0x0013)) == 1)  // InstanceNumber, IS
        #expect(dataset.integer(Tag(0x0010, 0x1030)) == 80)  // PatientWeight, DS "80.0000"
        #expect(dataset.double(Tag(0x0018, 0x0084)) == 63.924339)  // ImagingFrequency
        #expect(dataset.double(Tag(0x0020, 0x0032)) == -83.9063)  // first of three
    }

    @Test func sharedMRFileBinaryValuesReadAsLittleEndianBytes() throws {
        let dataset = try load(Self.mrSmall)
        #expect(dataset.bytes(.rows) == [64, 0])
        #expect(dataset.bytes(.bitsAllocated) == [16, 0])
        #expect(dataset.bytes(.modality) == Array("MR".utf8))
    }

    @Test func sharedMRFileEmptyElementsArePresentWithAnEmptyValue() throws {
        let dataset = try load(Self.mrSmall)
        let seriesDate = try #require(dataset.element(Tag(0x0008, 0x0021)))
        #expect(seriesDate.length == 0)
        #expect(seriesDate.vr == .DA)
        #expect(dataset.string(Tag(0x0008, 0x0021)) == "")
        #expect(dataset.integer(Tag(0x0008, 0x0021)) == nil)
    }

    @Test func sharedMRFileAbsentElementsReadAsNil() throws {
        let dataset = try load(Self.mrSmall)
        let absent = Tag(0x0010, 0x2160)
        #expect(dataset.element(absent) == nil)
        #expect(!dataset.contains(absent))
        #expect(dataset.string(absent) == nil)
        #expect(dataset.bytes(absent) == nil)
        #expect(dataset.integer(absent) == nil)
        #expect(dataset.items(absent).isEmpty)
    }

    @Test func sharedFileNULPaddedValuesReadWithoutTheirPadding() throws {
        let dataset = try load("orthanc-tests/TransferSyntaxes/1.2.840.10008.1.2.1.99.dcm")
        #expect(dataset.firstValue(.photometricInterpretation) == "MONOCHROME2")
    }

    @Test func sharedMRFileElementsCarryTheirVRAndLength() throws {
        let dataset = try load(Self.mrSmall)
        let name = try #require(dataset.element(.patientName))
        #expect(name.tag == .patientName)
        #expect(name.vr == .PN)
        #expect(name.length == 22)
        #expect(!name.isSequence)
        let pixels = try #require(dataset.element(.pixelData))
        #expect(pixels.vr == .OW)
        #expect(pixels.length == 64 * 64 * 2)
        #expect(!pixels.isEncapsulated)
    }

    @Test(arguments: [mrSmall, rtPlan, presidioCT])
    func sharedFileTopLevelElementsAreThoseThatPydicomListsInTagOrder(_ relative: String) throws {
        let dataset = try load(relative)
        let ours = dataset.elements.map { $0.tag.description }
        let pydicom = try Pydicom.run("""
            import sys, pydicom
            for element in pydicom.dcmread(sys.argv[1]):
                print("(%04X,%04X)" % (element.tag.group, element.tag.elem))
            """, [SharedData.path(relative)]).split(separator: "\n").map(String.init)
        #expect(ours == pydicom)
        #expect(dataset.elements.map(\.tag) == dataset.elements.map(\.tag).sorted())
    }

    // MARK: changing

    @Test func settingAnExistingElementReplacesItsValue() throws {
        let dataset = try load(Self.mrSmall)
        try dataset.set(.patientName, string: "Doe^Jane")
        #expect(dataset.string(.patientName) == "Doe^Jane")
        #expect(dataset.element(.patientName)?.vr == .PN)
        try dataset.set(.imageType, string: "ORIGINAL\\PRIMARY")
        #expect(dataset.firstValue(.imageType) == "ORIGINAL")
    }

    @Test func settingAnAbsentElementCreatesItWithTheDictionaryVR() throws {
        let dataset = try load(Self.mrSmall)
        try dataset.set(.patientIdentityRemoved, string: "YES")
        #expect(dataset.element(.patientIdentityRemoved)?.vr == .CS)
        #expect(dataset.string(.patientIdentityRemoved) == "YES")
        #expect(dataset.elements.map(\.tag) == dataset.elements.map(\.tag).sorted())
    }

    @Test func settingAnAbsentElementWithAVRUsesThatVR() throws {
        let dataset = try load(Self.mrSmall)
        try dataset.set(Tag(0x0011, 0x0010), string: "ACME 1.0", vr: .LO)
        #expect(dataset.element(Tag(0x0011, 0x0010))?.vr == .LO)
    }

    @Test func settingBinaryBytesChangesAnUnsignedShortValue() throws {
        let dataset = try load(Self.mrSmall)
        try dataset.set(.samplesPerPixel, bytes: [3, 0])
        #expect(dataset.integer(.samplesPerPixel) == 3)
        try dataset.set(Tag(0x0028, 0x0108), bytes: [0x2A, 0x01], vr: .US)  // SmallestPixelValueInSeries, absent
        #expect(dataset.integer(Tag(0x0028, 0x0108)) == 0x012A)
        #expect(dataset.bytes(Tag(0x0028, 0x0108)) == [0x2A, 0x01])
    }

    @Test
    func settingBinaryBytesChangesASignedShortValue() throws {
        let dataset = try load(Self.mrSmall)
        // (0028,0107) LargestImagePixelValue is SS 4000 in this signed image.
        try dataset.set(Tag(0x0028, 0x0107), bytes: [0x18, 0xFC])
        #expect(dataset.integer(Tag(0x0028, 0x0107)) == -1000)
        #expect(dataset.bytes(Tag(0x0028, 0x0107)) == [0x18, 0xFC])
    }

    @Test
    func settingBinaryBytesChangesASignedLongValue() throws {
        let dataset = try load(Self.mrSmall)
        try dataset.set(Tag(0x0018, 0x6020), bytes: [0xFF, 0xFF, 0xFF, 0xFF])  // ReferencePixelX0, SL
        #expect(dataset.element(Tag(0x0018, 0x6020))?.vr == VR("SL"))
        #expect(dataset.integer(Tag(0x0018, 0x6020)) == -1)
    }

    @Test func settingBinaryBytesOfATextElementIsRefused() throws {
        let dataset = try load(Self.mrSmall)
        #expect(throws: DicomError.self) { try dataset.set(.patientName, bytes: [0x41, 0x42]) }
        #expect(dataset.string(.patientName) == "CompressedSamples^MR1")
    }

    @Test func removingAnElementMakesItAbsent() throws {
        let dataset = try load(Self.mrSmall)
        let before = dataset.elements.count
        try dataset.remove(.patientName)
        #expect(!dataset.contains(.patientName))
        #expect(dataset.string(.patientName) == nil)
        #expect(dataset.elements.count == before - 1)
    }

    @Test func removingAnAbsentElementIsNotAnError() throws {
        let dataset = try load(Self.mrSmall)
        try dataset.remove(Tag(0x0010, 0x2160))
        #expect(!dataset.contains(Tag(0x0010, 0x2160)))
    }

    @Test func emptyingAnElementKeepsItWithZeroLength() throws {
        let dataset = try load(Self.mrSmall)
        try dataset.setEmpty(.patientName)
        let name = try #require(dataset.element(.patientName))
        #expect(name.length == 0)
        #expect(dataset.string(.patientName) == "")
    }

    @Test func emptyingAnAbsentElementCreatesItEmpty() throws {
        let dataset = try load(Self.mrSmall)
        try dataset.setEmpty(.patientBirthDate)
        try dataset.setEmpty(Tag(0x0010, 0x1000))  // OtherPatientIDs, absent
        #expect(dataset.element(Tag(0x0010, 0x1000))?.length == 0)
        #expect(dataset.element(Tag(0x0010, 0x1000))?.vr == .LO)
    }

    // MARK: sequences

    @Test func sharedRTPlanSequenceItemsReadInOrder() throws {
        let dataset = try load(Self.rtPlan)
        let sequence = try #require(dataset.element(Self.doseReferenceSequence))
        #expect(sequence.isSequence)
        #expect(sequence.vr == .SQ)
        #expect(sequence.itemCount == 2)
        let items = dataset.items(Self.doseReferenceSequence)
        #expect(items.map { $0.firstValue(Self.doseReferenceDescription) } == ["iso", "PTV"])
        #expect(items.map { $0.integer(Tag(0x300A, 0x0012)) } == [1, 2])
    }

    @Test func sharedRTPlanNestedSequenceItemsAreReachable() throws {
        let dataset = try load(Self.rtPlan)
        let fractionGroup = try #require(dataset.items(Self.fractionGroupSequence).first)
        let beam = try #require(fractionGroup.items(Self.referencedBeamSequence).first)
        #expect(beam.double(Self.beamDose) == 1.0275401)
        #expect(beam.integer(Tag(0x300C, 0x0006)) == 1)
    }

    @Test func itemsOfANonSequenceElementAreEmpty() throws {
        let dataset = try load(Self.rtPlan)
        #expect(dataset.items(.patientName).isEmpty)
    }

    @Test func changingAnItemChangesTheDatasetThatHoldsIt() throws {
        let dataset = try load(Self.rtPlan)
        try dataset.items(Self.doseReferenceSequence)[1].set(Self.doseReferenceDescription, string: "CTV")
        #expect(dataset.items(Self.doseReferenceSequence)[1].firstValue(Self.doseReferenceDescription) == "CTV")
    }

    @Test func emptyingASequenceRemovesItsItems() throws {
        let dataset = try load(Self.rtPlan)
        try dataset.setEmpty(Self.doseReferenceSequence)
        let sequence = try #require(dataset.element(Self.doseReferenceSequence))
        #expect(sequence.isSequence)
        #expect(sequence.itemCount == 0)
        #expect(dataset.items(Self.doseReferenceSequence).isEmpty)
    }

    @Test func appendingAnItemCreatesAnAbsentSequence() throws {
        let dataset = try load(Self.mrSmall)
        let item = try dataset.appendItem(.deidentificationMethodCodeSequence)
        try item.set(.codeValue, string: "113100")
        try item.set(.codingSchemeDesignator, string: "DCM")
        try item.set(.codeMeaning, string: "Basic Application Confidentiality Profile")
        let sequence = try #require(dataset.element(.deidentificationMethodCodeSequence))
        #expect(sequence.isSequence)
        #expect(sequence.itemCount == 1)
        #expect(dataset.items(.deidentificationMethodCodeSequence).first?.string(.codeValue) == "113100")
    }

    @Test func appendingAnItemAddsItAfterTheExistingOnes() throws {
        let dataset = try load(Self.rtPlan)
        let added = try dataset.appendItem(Self.doseReferenceSequence)
        try added.set(Self.doseReferenceDescription, string: "added")
        let items = dataset.items(Self.doseReferenceSequence)
        #expect(items.count == 3)
        #expect(items.map { $0.firstValue(Self.doseReferenceDescription) } == ["iso", "PTV", "added"])
        #expect(items[2].elements.map(\.tag) == [Self.doseReferenceDescription])
    }

    @Test func itemsStayUsableAfterTheInstanceVariableIsGone() throws {
        func firstDoseReference() throws -> Dataset {
            try #require(Instance(contentsOf: SharedData.path(Self.rtPlan)).dataset.items(Self.doseReferenceSequence).first)
        }
        let item = try firstDoseReference()
        #expect(item.firstValue(Self.doseReferenceDescription) == "iso")
    }

    // MARK: private elements

    @Test func sharedPresidioFilePrivateElementsNameTheirCreator() throws {
        let dataset = try load(Self.presidioCT)
        #expect(dataset.privateCreator(of: Tag(0x0013, 0x1010)) == "CTP")
        #expect(dataset.privateCreator(of: Tag(0x0013, 0x1013)) == "CTP")
        #expect(Tag(0x0013, 0x1010).isPrivate)
        let value = try #require(dataset.bytes(Tag(0x0013, 0x1010)))
        #expect(String(decoding: value, as: UTF8.self) == "Pseudo-PHI-DICOM-Data ")
    }

    @Test func sharedPresidioFileStandardAndCreatorTagsHaveNoCreator() throws {
        let dataset = try load(Self.presidioCT)
        #expect(dataset.privateCreator(of: .patientName) == nil)
        #expect(dataset.privateCreator(of: Tag(0x0013, 0x0010)) == nil)
        #expect(dataset.privateCreator(of: Tag(0x0013, 0x1110)) == nil)  // block 11 is not reserved
    }

    @Test func aNewPrivateBlockIsFoundThroughItsCreator() throws {
        let dataset = try load(Self.mrSmall)
        try dataset.set(Tag(0x0011, 0x0010), string: "ACME 1.0", vr: .LO)
        try dataset.set(Tag(0x0011, 0x1001), string: "secret", vr: .LO)
        #expect(dataset.privateCreator(of: Tag(0x0011, 0x1001)) == "ACME 1.0")
        #expect(dataset.string(Tag(0x0011, 0x1001)) == "secret")
        #expect(dataset.element(Tag(0x0011, 0x1001))?.vr == .LO)
        #expect(dataset.elements.filter(\.tag.isPrivate).map(\.tag) == [Tag(0x0011, 0x0010), Tag(0x0011, 0x1001)])
    }
}
