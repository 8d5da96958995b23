import Testing
@testable import PHIDetection

@Suite("Allow-list")
struct AllowListTests {
    func allowed(_ text: String) -> [Bool] {
        sharedDetector.isAllowListed(line: Banner(text).words)
    }

    @Test(arguments: ["120 kVp 250 mAs", "W:400 L:40", "C5-1", "Depth 16cm", "Gain 82", "2.7MHZ", "FR 30Hz", "85BPM",
                      "Semi-Upright", "Portable", "L", "PROC 2/0/E/B/B", "XMIT:A", "GAIN 82 COMP 60", "16CM 14HZ",
                      "W = 1492 L = 906", "kv 120", "mA 200", "TIS0.0 MI 0.6", "L12-5", "36Hz", "60%", "AP SUPINE",
                      "TIS<0.4 MI=0.8 AO=100%", "630P630", "127/128 [1] 20Hz", "Se: 3", "HR= 61bpm", "PRF 5000 Hz",
                      "-64.1 cm/s", "Page 1/3", "left lateral decubitus", "portable erect pa", "10", "Map 3",
                      "FOV 240x240", "512x512", "Probe C1-6"])
    func technicalTextIsAllowListedWordForWord(_ text: String) {
        #expect(allowed(text).allSatisfy { $0 }, "\(text): \(allowed(text))")
    }

    @Test(arguments: ["DAVIDSON DOUGLAS", "06.16.1976", "2823824046", "US145188266", "555-616-8319", "1318 Main St",
                      "laura.ivanova24@example.com", "KAUFMAN", "Ex: 2411", "9261", "65Y", "Age 81", "IVAN0VA*LAURA",
                      "CK/SF/HR", "O38Y", "G22Y", "F7Y", "M65Y", "M BY", "F gy"])
    func phiValuesAreNotAllowListed(_ text: String) {
        let flags = allowed(text)
        let words = Banner(text).words.map(\.text)
        let valueWords = zip(words, flags).filter { !["Ex:", "Age", "Main", "St", "M", "F"].contains($0.0) }
        #expect(valueWords.allSatisfy { !$0.1 }, "\(text): \(flags)")
    }

    @Test func abbreviationsThatArePersonalNamesAreLeftOutOfTheSMIList() {
        #expect(sharedDetector.allowList.nameCollisions > 50)
        #expect(!sharedDetector.allowList.phrases.contains("rita"))
        #expect(sharedDetector.allowList.phrases.contains("ards"))
    }

    @Test func aNumberIsTechnicalAfterATechnicalLabelButNotAfterAnAgeOrIdentifierCue() {
        #expect(allowed("Gain 82") == [true, true])
        #expect(allowed("Age 82")[1] == false)
        #expect(allowed("Ex: 2411")[1] == false)
    }
}
