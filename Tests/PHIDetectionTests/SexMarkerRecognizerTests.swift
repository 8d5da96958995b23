import Testing
@testable import PHIDetection

@Suite("Sex-marker recognizer")
struct SexMarkerRecognizerTests {
    let recognizer = SexMarkerRecognizer()

    @Test func bracketedMarkersAndSexWordsAreWeakHints() {
        let findings = Banner("DAVIDSON DOUGLAS [M] 01.09.2012", "Female").findings(of: recognizer)
        #expect(findings.count == 2)
        #expect(findings.allSatisfy { $0.type == .other && $0.confidence < 0.5 })
    }

    @Test func aBareLetterIsNotASexMarker() {
        #expect(Banner("M", "L").findings(of: recognizer).isEmpty)
    }
}
