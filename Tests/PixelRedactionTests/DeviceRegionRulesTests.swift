import DicomCore
import Foundation
import PHIDetection
@testable import PixelRedaction
import Testing

@Suite struct DeviceRegionRulesTests {
    static let script = SharedData.repository.appendingPathComponent("profiles/pixel-regions/ctp-DicomPixelAnonymizer.script").path
    static let sample = SharedData.data("pydicom-testfiles/test_files/CT_small.dcm")

    @Test func theCTPLibraryParsesIntoItsRules() throws {
        let rules = try DeviceRegionRules(path: Self.script)
        #expect(rules.rules.count == 52)
        #expect(rules.rules.allSatisfy { !$0.boxes.isEmpty })
        let logiq = try #require(rules.rules.first { $0.boxes == [TextBox(x: 0, y: 0, width: 640, height: 40)] })
        #expect(logiq.condition == .test(DicomCore.Tag(0x0008, 0x1090), .containsIgnoreCase, "LOGIQ9"))
        let gemini = try #require(rules.rules.first { $0.boxes == [TextBox(x: 0, y: 0, width: 125, height: 50)] })
        #expect(gemini.condition == .all([
            .test(DicomCore.Tag(0x0008, 0x0060), .equals, "PT"), .test(DicomCore.Tag(0x0008, 0x0070), .containsIgnoreCase, "Philips Medical Systems"),
            .test(DicomCore.Tag(0x0008, 0x1090), .containsIgnoreCase, "GEMINI"), .test(DicomCore.Tag(0x0028, 0x0010), .equals, "446"),
            .test(DicomCore.Tag(0x0028, 0x0011), .equals, "245"),
        ]))
    }

    @Test(.enabled(if: SharedData.exists(DeviceRegionRulesTests.sample)))
    func aRuleMatchesTheDevicesItDescribesAndNoOthers() throws {
        let rules = try DeviceRegionRules(path: Self.script)
        let instance = try Instance(contentsOf: Self.sample)
        let dataset = instance.dataset
        try dataset.set(DicomCore.Tag(0x0008, 0x0060), string: "US")
        try dataset.set(DicomCore.Tag(0x0008, 0x0070), string: "Philips Medical Systems")
        try dataset.set(DicomCore.Tag(0x0008, 0x1090), string: "iU22")
        try dataset.set(DicomCore.Tag(0x0028, 0x0010), string: "480")
        #expect(rules.boxes(for: dataset, meta: instance.meta) == [TextBox(x: 0, y: 0, width: 640, height: 47)])
        try dataset.set(DicomCore.Tag(0x0028, 0x0010), string: "481")
        #expect(rules.boxes(for: dataset, meta: instance.meta).isEmpty)
    }

    @Test func orNotAndBracketedTagsAreUnderstood() throws {
        let rules = try DeviceRegionRules(script: """
            Heading
              { ( SeriesDescription.containsIgnoreCase("AAA") + [0008,103E].containsIgnoreCase("Report") ) * !Modality.equals("CT") }
              (1,2,3,4)
            """)
        let rule = try #require(rules.rules.first)
        #expect(rule.name == "Heading")
        let values: [DicomCore.Tag: String] = [DicomCore.Tag(0x0008, 0x103E): "Dose report", DicomCore.Tag(0x0008, 0x0060): "MR"]
        #expect(rule.condition.evaluate { values[$0] })
        #expect(!rule.condition.evaluate { $0 == DicomCore.Tag(0x0008, 0x0060) ? "CT" : values[$0] })
        #expect(!rule.condition.evaluate { _ in nil })
    }

    @Test func unknownKeywordsAndBadRectanglesAreRefusedWithTheirLine() {
        #expect(throws: PixelRedactionError.invalidRule(path: "<script>", line: 2, reason: "unknown keyword \"NoSuchKeyword\"")) {
            try DeviceRegionRules(script: "title\n{ NoSuchKeyword.equals(\"x\") } (0,0,1,1)")
        }
        #expect(throws: PixelRedactionError.self) { try DeviceRegionRules(script: "{ Rows.equals(\"1\") } (0,0,1)") }
        #expect(throws: PixelRedactionError.self) { try DeviceRegionRules(script: "{ Rows.frobnicate(\"1\") } (0,0,1,1)") }
        #expect(throws: PixelRedactionError.self) { try DeviceRegionRules(path: "/nonexistent/rules.script") }
    }
}
