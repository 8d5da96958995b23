import DicomCore
import Testing

/// `Testing` also exports a `Tag` (for test tags); in this target `Tag` means the DICOM attribute tag.
typealias Tag = DicomCore.Tag

@Suite("Tag")
struct TagTests {
    @Test(arguments: ["(0010,0010)", "0010,0010", "00100010", "(0010, 0010)", " (0010,0010) "])
    func parsesParenthesisedCommaSeparatedAndBareHexForms(_ text: String) {
        #expect(Tag(parsing: text) == Tag(0x0010, 0x0010))
    }

    @Test func parsesLowercaseAndUppercaseHexDigits() {
        #expect(Tag(parsing: "(7fe0,0010)") == .pixelData)
        #expect(Tag(parsing: "7FE00010") == .pixelData)
        #expect(Tag(parsing: "(0029,10aB)") == Tag(0x0029, 0x10AB))
    }

    @Test(arguments: ["", "0010,001", "(0010,00100)", "GGGG,0010", "(0010;0010)", "0x0010,0x0010", "(0010-0010)",
                      "PatientName"])
    func rejectsTextThatIsNotExactlyEightHexDigits(_ text: String) {
        #expect(Tag(parsing: text) == nil)
    }

    @Test func formatsAsParenthesisedUppercaseHexWithLeadingZeros() {
        #expect(Tag(0x7FE0, 0x0010).description == "(7FE0,0010)")
        #expect(Tag(0x0008, 0x0005).description == "(0008,0005)")
        #expect(Tag(0x0029, 0x10ab).description == "(0029,10AB)")
        #expect(Tag(0, 0).description == "(0000,0000)")
        #expect(Tag(0xFFFF, 0xFFFF).description == "(FFFF,FFFF)")
    }

    @Test func formattedTextParsesBackToTheSameTag() {
        for tag in [Tag(0x0010, 0x0010), Tag(0x0029, 0x10AB), Tag(0xFFFE, 0xE000), Tag(0x0002, 0x0000)] {
            #expect(Tag(parsing: tag.description) == tag)
        }
    }

    @Test func ordersByGroupThenElement() {
        let tags = [Tag(0x0010, 0x0020), Tag(0x0008, 0xFFFF), Tag(0x0010, 0x0010), Tag(0x7FE0, 0x0010), Tag(0x0009, 0x0000)]
        #expect(tags.sorted() == [Tag(0x0008, 0xFFFF), Tag(0x0009, 0x0000), Tag(0x0010, 0x0010), Tag(0x0010, 0x0020),
                                  Tag(0x7FE0, 0x0010)])
    }

    @Test func oddGroupsAboveTheCommandGroupsArePrivate() {
        #expect(Tag(0x0009, 0x0010).isPrivate)
        #expect(Tag(0x0029, 0x1010).isPrivate)
        #expect(!Tag(0x0010, 0x0010).isPrivate)
        #expect(!Tag(0x7FE0, 0x0010).isPrivate)
        // Groups 0001, 0003, 0005 and 0007 are illegal rather than private (PS3.5 7.8.1).
        #expect(!Tag(0x0001, 0x0010).isPrivate)
        #expect(!Tag(0x0007, 0x1000).isPrivate)
    }

    @Test func privateCreatorSlotsAreElements0010Through00FFOfAnOddGroup() {
        #expect(Tag(0x0029, 0x0010).isPrivateCreator)
        #expect(Tag(0x0029, 0x00FF).isPrivateCreator)
        #expect(!Tag(0x0029, 0x000F).isPrivateCreator)
        #expect(!Tag(0x0029, 0x0100).isPrivateCreator)
        #expect(!Tag(0x0029, 0x1010).isPrivateCreator)
        #expect(!Tag(0x0010, 0x0010).isPrivateCreator)
    }

    @Test func privateDataElementNamesTheCreatorSlotOfItsBlock() {
        #expect(Tag(0x0029, 0x1010).privateCreatorTag == Tag(0x0029, 0x0010))
        #expect(Tag(0x0029, 0x10FF).privateCreatorTag == Tag(0x0029, 0x0010))
        #expect(Tag(0x0029, 0x1100).privateCreatorTag == Tag(0x0029, 0x0011))
        #expect(Tag(0x0029, 0xFF01).privateCreatorTag == Tag(0x0029, 0x00FF))
    }

    @Test func creatorsReservedRangeAndStandardTagsHaveNoCreator() {
        #expect(Tag(0x0029, 0x0010).privateCreatorTag == nil)
        #expect(Tag(0x0029, 0x0000).privateCreatorTag == nil)
        #expect(Tag(0x0029, 0x0FFF).privateCreatorTag == nil)
        #expect(Tag(0x0010, 0x1010).privateCreatorTag == nil)
    }

    @Test func elementZeroIsAGroupLength() {
        #expect(Tag(0x0008, 0x0000).isGroupLength)
        #expect(Tag(0x0029, 0x0000).isGroupLength)
        #expect(!Tag(0x0008, 0x0001).isGroupLength)
    }

    @Test func evenGroups60xxAreOverlaysAnd50xxAreCurves() {
        #expect(Tag(0x6000, 0x3000).isOverlayGroup)
        #expect(Tag(0x601E, 0x0010).isOverlayGroup)
        #expect(!Tag(0x6001, 0x0010).isOverlayGroup)
        #expect(!Tag(0x6100, 0x0010).isOverlayGroup)
        #expect(!Tag(0x7FE0, 0x0010).isOverlayGroup)
        #expect(Tag(0x5000, 0x3000).isCurveGroup)
        #expect(Tag(0x501E, 0x0005).isCurveGroup)
        #expect(!Tag(0x5001, 0x0010).isCurveGroup)
        #expect(!Tag(0x6000, 0x3000).isCurveGroup)
    }

    @Test func namedConstantsHaveTheirStandardNumbers() {
        #expect(Tag.patientName == Tag(0x0010, 0x0010))
        #expect(Tag.pixelData == Tag(0x7FE0, 0x0010))
        #expect(Tag.transferSyntaxUID == Tag(0x0002, 0x0010))
        #expect(Tag.iconImageSequence == Tag(0x0088, 0x0200))
        #expect(Tag.photometricInterpretation == Tag(0x0028, 0x0004))
    }
}
