/// A DICOM attribute tag (group, element).
public struct Tag: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let group: UInt16
    public let element: UInt16

    public init(_ group: UInt16, _ element: UInt16) {
        self.group = group
        self.element = element
    }

    /// Parses `(gggg,eeee)`, `gggg,eeee` or `ggggeeee` (hex).
    public init?(parsing text: String) {
        let hex = text.filter { $0.isHexDigit }
        let stripped = text.filter { !"(), ".contains($0) }
        guard hex.count == 8, stripped.count == 8, let value = UInt32(hex, radix: 16) else { return nil }
        self.init(UInt16(value >> 16), UInt16(value & 0xFFFF))
    }

    public var isPrivate: Bool { group % 2 == 1 && group > 0x0008 }
    /// (gggg,0010-00FF) in an odd group: reserves a block of private elements for a creator.
    public var isPrivateCreator: Bool { isPrivate && (0x0010...0x00FF).contains(element) }
    /// For a private data element (gggg,xxyy), the tag of its creator (gggg,00xx).
    public var privateCreatorTag: Tag? {
        guard isPrivate, element >= 0x1000 else { return nil }
        return Tag(group, element >> 8)
    }
    public var isGroupLength: Bool { element == 0x0000 }
    /// Repeating groups: curves (50xx), overlays (60xx).
    public var isOverlayGroup: Bool { group & 0xFF00 == 0x6000 && group % 2 == 0 }
    public var isCurveGroup: Bool { group & 0xFF00 == 0x5000 && group % 2 == 0 }

    public var description: String { "(\(Self.hex(group)),\(Self.hex(element)))" }

    public static func < (lhs: Tag, rhs: Tag) -> Bool {
        (lhs.group, lhs.element) < (rhs.group, rhs.element)
    }

    static func hex(_ value: UInt16) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: 4 - digits.count) + digits
    }
}

extension Tag {
    public static let specificCharacterSet = Tag(0x0008, 0x0005)
    public static let imageType = Tag(0x0008, 0x0008)
    public static let sopClassUID = Tag(0x0008, 0x0016)
    public static let sopInstanceUID = Tag(0x0008, 0x0018)
    public static let studyDate = Tag(0x0008, 0x0020)
    public static let modality = Tag(0x0008, 0x0060)
    public static let patientName = Tag(0x0010, 0x0010)
    public static let patientID = Tag(0x0010, 0x0020)
    public static let patientBirthDate = Tag(0x0010, 0x0030)
    public static let patientAge = Tag(0x0010, 0x1010)
    public static let patientIdentityRemoved = Tag(0x0012, 0x0062)
    public static let deidentificationMethod = Tag(0x0012, 0x0063)
    public static let deidentificationMethodCodeSequence = Tag(0x0012, 0x0064)
    public static let longitudinalTemporalInformationModified = Tag(0x0028, 0x0303)
    public static let studyInstanceUID = Tag(0x0020, 0x000D)
    public static let seriesInstanceUID = Tag(0x0020, 0x000E)
    public static let frameOfReferenceUID = Tag(0x0020, 0x0052)
    public static let samplesPerPixel = Tag(0x0028, 0x0002)
    public static let photometricInterpretation = Tag(0x0028, 0x0004)
    public static let planarConfiguration = Tag(0x0028, 0x0006)
    public static let numberOfFrames = Tag(0x0028, 0x0008)
    public static let rows = Tag(0x0028, 0x0010)
    public static let columns = Tag(0x0028, 0x0011)
    public static let bitsAllocated = Tag(0x0028, 0x0100)
    public static let bitsStored = Tag(0x0028, 0x0101)
    public static let highBit = Tag(0x0028, 0x0102)
    public static let pixelRepresentation = Tag(0x0028, 0x0103)
    public static let burnedInAnnotation = Tag(0x0028, 0x0301)
    public static let windowCenter = Tag(0x0028, 0x1050)
    public static let windowWidth = Tag(0x0028, 0x1051)
    public static let rescaleIntercept = Tag(0x0028, 0x1052)
    public static let rescaleSlope = Tag(0x0028, 0x1053)
    public static let redPaletteDescriptor = Tag(0x0028, 0x1101)
    public static let greenPaletteDescriptor = Tag(0x0028, 0x1102)
    public static let bluePaletteDescriptor = Tag(0x0028, 0x1103)
    public static let redPaletteData = Tag(0x0028, 0x1201)
    public static let greenPaletteData = Tag(0x0028, 0x1202)
    public static let bluePaletteData = Tag(0x0028, 0x1203)
    public static let lossyImageCompression = Tag(0x0028, 0x2110)
    public static let iconImageSequence = Tag(0x0088, 0x0200)
    public static let pixelData = Tag(0x7FE0, 0x0010)
    public static let codeValue = Tag(0x0008, 0x0100)
    public static let codingSchemeDesignator = Tag(0x0008, 0x0102)
    public static let codeMeaning = Tag(0x0008, 0x0104)
    public static let mediaStorageSOPInstanceUID = Tag(0x0002, 0x0003)
    public static let transferSyntaxUID = Tag(0x0002, 0x0010)
}
