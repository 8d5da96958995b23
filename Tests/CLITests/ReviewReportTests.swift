import Foundation
import Testing

/// `dcmdeid deidentify --review DIR`: the static HTML review, checked against the audit log of the same
/// run, and opened in a real headless browser (Debian's chromium) with a screenshot kept under
/// `.build/test-artifacts/review.png`.
@Suite(.serialized)
struct ReviewReportTests {
    static let reviewDevPixels = SharedData.repository.deletingLastPathComponent()
        .appendingPathComponent("shared/eval/dev-pixels/input").path
    /// Four modalities; the ultrasound one has burned-in PHI that is painted over.
    static let reviewSamples = ["US/img001.dcm", "CT/img008.dcm", "MR/img040.dcm", "DX/img014.dcm"]
    static var reviewSamplesPresent: Bool {
        reviewSamples.allSatisfy { FileManager.default.fileExists(atPath: reviewDevPixels + "/" + $0) }
    }

    /// One run over the samples: the review folder, the audit log, and what the run printed.
    struct ReviewRun {
        let work: TemporaryDirectory
        let result: Subprocess
        var review: String { work.file("R") }
        var index: String { work.file("R/index.html") }
        var audit: String { work.file("A.jsonl") }
    }

    static func reviewRun(_ extra: [String] = []) throws -> ReviewRun {
        let work = try TemporaryDirectory()
        for sample in reviewSamples {
            let target = work.file("in/" + sample)
            try FileManager.default.createDirectory(atPath: (target as NSString).deletingLastPathComponent,
                                                    withIntermediateDirectories: true)
            try FileManager.default.copyItem(atPath: reviewDevPixels + "/" + sample, toPath: target)
        }
        let result = try Dcmdeid.run(["deidentify", work.file("in"), "--output", work.file("out"), "--key-file", work.file("key"),
                                      "--audit", work.file("A.jsonl"), "--review", work.file("R"), "--quiet"] + extra)
        return ReviewRun(work: work, result: result)
    }

    /// Tallies computed from the audit log, named as the page's `count-…` ids.
    static func reviewAuditCounts(_ path: String) throws -> [String: Int] {
        var counts = ["files": 0, "ok": 0, "refused": 0, "failed": 0, "skipped": 0, "quarantined": 0, "images": 0,
                      "findings": 0, "redacted": 0, "belowThreshold": 0, "allowed": 0, "kept": 0]
        for line in try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n") {
            let record = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            guard record["summary"] == nil else { continue }
            counts["files", default: 0] += 1
            counts[try #require(record["status"] as? String), default: 0] += 1
            guard let pixels = record["pixels"] as? [String: Any] else { continue }
            counts["images", default: 0] += 1
            for finding in try #require(pixels["findings"] as? [[String: Any]]) {
                counts["findings", default: 0] += 1
                counts[try #require(finding["decision"] as? String), default: 0] += 1
            }
        }
        return counts
    }

    /// The text shown in the element with `id` (a number), from the page's HTML or the DOM dumped by the browser.
    static func reviewShownNumber(_ html: String, id: String) -> Int? {
        guard let range = html.range(of: "id=\"\(id)\"") else { return nil }
        let rest = html[range.upperBound...]
        guard let close = rest.firstIndex(of: ">") else { return nil }
        return Int(rest[rest.index(after: close)...].prefix { $0 != "<" }.trimmingCharacters(in: .whitespaces))
    }

    /// The `src` of every image on the page.
    static func reviewImageSources(_ html: String) -> [String] {
        html.components(separatedBy: "<img src=\"").dropFirst().compactMap { $0.split(separator: "\"").first.map(String.init) }
    }

    @Test(.enabled(if: ReviewReportTests.reviewSamplesPresent, "the dev pixel set is not in ../shared/eval"))
    func theReviewPageShowsTheCountsOfTheAuditLog() throws {
        let run = try Self.reviewRun()
        #expect(run.result.status == 0, "\(run.result.stderr)")
        let html = try String(contentsOfFile: run.index, encoding: .utf8)
        let expected = try Self.reviewAuditCounts(run.audit)
        #expect(expected["files"] == Self.reviewSamples.count)
        #expect(expected["images"] == Self.reviewSamples.count)
        #expect((expected["redacted"] ?? 0) > 0, "the ultrasound sample should have painted PHI")
        for (id, value) in expected {
            #expect(Self.reviewShownNumber(html, id: "count-\(id)") == value, "count-\(id)")
            #expect(html.contains("id=\"count-\(id)\" data-count=\"\(value)\""), "data-count of count-\(id)")
        }
        // the folder is private
        let mode = try FileManager.default.attributesOfItem(atPath: run.review)[.posixPermissions] as? Int
        #expect(mode == 0o700)
        #expect(html.contains("id=\"sensitive-warning\""))
        // before and after thumbnail per image, PNG, at most 320 wide
        let sources = Self.reviewImageSources(html)
        #expect(sources.count == 2 * Self.reviewSamples.count)
        #expect(sources.filter { $0.hasSuffix("-before.png") }.count == Self.reviewSamples.count)
        for source in sources {
            let png = try PNGFile(path: run.review + "/" + source)
            #expect(png.width > 0 && png.width <= 320 && png.height > 0, "\(source)")
        }
        // boxes coloured by decision, no text read and no header value without --report-text
        #expect(html.contains("data-decision=\"redacted\"") && html.contains("stroke=\"#e02020\""))
        let json = try String(contentsOfFile: run.review + "/review.json", encoding: .utf8)
        #expect(!json.contains("\"text\""))
        for line in try String(contentsOfFile: run.audit, encoding: .utf8).split(separator: "\n") {
            let record = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            if let uid = record["sopInstanceUID"] as? String { #expect(!html.contains(uid) && !json.contains(uid)) }
        }
    }

    @Test(.enabled(if: ReviewReportTests.reviewSamplesPresent, "the dev pixel set is not in ../shared/eval"))
    func theTextReadAppearsOnlyWithReportText() throws {
        let run = try Self.reviewRun(["--report-text", "--jobs", "2"])
        #expect(run.result.status == 0, "\(run.result.stderr)")
        let html = try String(contentsOfFile: run.index, encoding: .utf8)
        #expect(html.contains("<th>text</th>"))
        let json = try String(contentsOfFile: run.review + "/review.json", encoding: .utf8)
        #expect(json.contains("\"text\""))
    }

    /// Debian's chromium, installed with apt-get when missing and allowed (root); nil when it cannot be.
    static let reviewChromium: String? = {
        let candidates = ["/usr/bin/chromium", "/usr/bin/chromium-browser"]
        if let found = candidates.first(where: FileManager.default.isExecutableFile(atPath:)) { return found }
        guard getuid() == 0, FileManager.default.isExecutableFile(atPath: "/usr/bin/apt-get") else { return nil }
        _ = try? Subprocess.run("/usr/bin/env", ["DEBIAN_FRONTEND=noninteractive", "/usr/bin/apt-get", "install", "-y", "-qq", "chromium"])
        return candidates.first(where: FileManager.default.isExecutableFile(atPath:))
    }()

    static func reviewBrowser(_ arguments: [String], profile: String) throws -> Subprocess {
        let chromium = try #require(reviewChromium)
        return try Subprocess.run(chromium, ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                                             "--user-data-dir=\(profile)"] + arguments)
    }

    @Test(.enabled(if: ReviewReportTests.reviewSamplesPresent, "the dev pixel set is not in ../shared/eval"),
          .enabled(if: ReviewReportTests.reviewChromium != nil, "chromium is not installed and cannot be installed (apt-get install chromium, as root)"))
    func theReviewPageShowsTheRightCountsInAHeadlessBrowser() throws {
        let run = try Self.reviewRun()
        #expect(run.result.status == 0, "\(run.result.stderr)")
        let expected = try Self.reviewAuditCounts(run.audit)
        let url = URL(fileURLWithPath: run.index).absoluteString
        let profile = run.work.file("chromium-profile")

        // the DOM after the script ran: summary counts, and the filters applied to every image and finding
        let dom = try Self.reviewBrowser(["--dump-dom", url], profile: profile)
        #expect(dom.status == 0, "\(dom.stderr)")
        #expect(dom.stdout.contains("data-ready=\"1\""), "the page's script did not run")
        for (id, value) in expected {
            #expect(Self.reviewShownNumber(dom.stdout, id: "count-\(id)") == value, "count-\(id) in the browser")
        }
        #expect(Self.reviewShownNumber(dom.stdout, id: "shown-images") == expected["images"])
        #expect(Self.reviewShownNumber(dom.stdout, id: "shown-findings") == expected["findings"])

        // a filter given in the address: only redacted findings, only images that have one
        let filtered = try Self.reviewBrowser(["--dump-dom", url + "#decision=redacted&empty=0"], profile: profile)
        #expect(filtered.status == 0, "\(filtered.stderr)")
        #expect(Self.reviewShownNumber(filtered.stdout, id: "shown-findings") == expected["redacted"])
        #expect((Self.reviewShownNumber(filtered.stdout, id: "shown-images") ?? 0) >= 1)
        #expect((Self.reviewShownNumber(filtered.stdout, id: "shown-images") ?? 0) <= expected["images"] ?? 0)

        // the screenshot, kept as a test artifact
        let artifacts = SharedData.repository.appendingPathComponent(".build/test-artifacts").path
        try FileManager.default.createDirectory(atPath: artifacts, withIntermediateDirectories: true)
        let screenshot = artifacts + "/review.png"
        try? FileManager.default.removeItem(atPath: screenshot)
        let shot = try Self.reviewBrowser(["--screenshot=\(screenshot)", "--window-size=1280,900", "--hide-scrollbars", url],
                                          profile: profile)
        #expect(shot.status == 0, "\(shot.stderr)")
        let png = try PNGFile(path: screenshot)
        #expect(png.width == 1280 && png.height == 900)
        let size = try FileManager.default.attributesOfItem(atPath: screenshot)[.size] as? Int ?? 0
        #expect(size > 10_000, "the screenshot looks empty")
    }
}
