import Foundation
import PixelRedaction

/// The review report page: one self-contained HTML file (inline CSS, SVG and JavaScript, no external
/// assets) that works offline. Summary elements carry ids (`count-ok`, `count-redacted`, …) and
/// `data-count` attributes; the script fills `shown-images` and `shown-findings` and sets
/// `data-ready="1"` on `<body>` once the filters are applied. Initial filters can be given in the
/// address: `index.html#decision=redacted,belowThreshold&type=name&empty=0`.
enum ReviewHTML {
    static func label(_ decision: PixelFinding.Decision) -> String {
        switch decision {
        case .redacted: "redacted"
        case .belowThreshold: "below threshold"
        case .allowed: "allowed"
        case .kept: "kept"
        }
    }

    static func color(_ decision: PixelFinding.Decision) -> String {
        switch decision {
        case .redacted: "#e02020"
        case .belowThreshold: "#ff9800"
        case .allowed: "#22a838"
        case .kept: "#9e9e9e"
        }
    }

    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.count)
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(character)
            }
        }
        return out
    }

    static func confidence(_ value: Double) -> String { String(format: "%.2f", value) }

    static func count(_ id: String, _ value: Int) -> String {
        "<span class=\"count\" id=\"count-\(id)\" data-count=\"\(value)\">\(value)</span>"
    }

    static func page(summary: ReviewSummary, entries: [ReviewEntry]) -> String {
        var html = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="robots" content="noindex">
            <title>dcmdeid pixel review</title>
            <style>\(style)</style>
            </head>
            <body data-ready="0">
            <header>
            <h1>dcmdeid pixel review</h1>
            <p class="warning" id="sensitive-warning"><strong>Sensitive.</strong> The &ldquo;before&rdquo; thumbnails show the \
            original images, including any burned-in text that may identify a patient. Keep this folder private \
            (it is written with mode 0700) and delete it once the review is done. Header values are never shown; \
            the text read on the images is \(summary.includesText ? "<strong>included</strong> (the run used --report-text)" : "not included (run with --report-text to include it)").</p>
            </header>

            """
        html += summarySection(summary)
        html += filterSection(summary)
        html += "<main id=\"images\">\n"
        let images = entries.filter(\.isImage)
        if images.isEmpty { html += "<p>No image went through the pixel stage.</p>\n" }
        for entry in images { html += article(entry, includesText: summary.includesText) }
        html += "</main>\n"
        html += problemSection(entries.filter { $0.status != "ok" })
        html += "<script>\(script)</script>\n</body>\n</html>\n"
        return html
    }

    static func summarySection(_ s: ReviewSummary) -> String {
        var html = "<section id=\"summary\">\n<h2>Run summary</h2>\n<table class=\"summary\">\n"
        html += "<tr><th>files</th><td>\(count("files", s.files))</td><th>ok</th><td>\(count("ok", s.ok))</td>"
        html += "<th>refused</th><td>\(count("refused", s.refused))</td><th>failed</th><td>\(count("failed", s.failed))</td>"
        html += "<th>quarantined</th><td>\(count("quarantined", s.quarantined))</td><th>skipped</th><td>\(count("skipped", s.skipped))</td></tr>\n"
        html += "<tr><th>images</th><td>\(count("images", s.images))</td><th>findings</th><td>\(count("findings", s.findings))</td>"
        for decision in ReviewSummary.decisions {
            html += "<th><span class=\"swatch\" style=\"background:\(color(decision))\"></span>\(label(decision))</th>"
            html += "<td>\(count(decision.rawValue, s.byDecision[decision.rawValue] ?? 0))</td>"
        }
        html += "</tr>\n</table>\n"
        if !s.byType.isEmpty {
            html += "<p class=\"types\">By type: "
            html += s.byType.keys.sorted().map { type in
                "\(escape(type)) <span class=\"count\" id=\"count-type-\(escape(type))\" data-count=\"\(s.byType[type]!)\">\(s.byType[type]!)</span>"
            }.joined(separator: " · ")
            html += "</p>\n"
        }
        return html + "</section>\n"
    }

    static func filterSection(_ s: ReviewSummary) -> String {
        var html = "<section id=\"filters\">\n<strong>Show</strong> "
        for decision in ReviewSummary.decisions {
            html += "<label><input type=\"checkbox\" class=\"filter-decision\" value=\"\(decision.rawValue)\" checked> "
            html += "<span class=\"swatch\" style=\"background:\(color(decision))\"></span>\(label(decision))</label> "
        }
        html += "<label>type <select id=\"filter-type\"><option value=\"\">all types</option>"
        for type in s.byType.keys.sorted() { html += "<option value=\"\(escape(type))\">\(escape(type))</option>" }
        html += "</select></label> "
        html += "<label><input type=\"checkbox\" id=\"filter-empty\" checked> images without findings</label>\n"
        html += "<p class=\"shown\">Showing <span id=\"shown-images\">0</span> images and "
        html += "<span id=\"shown-findings\">0</span> findings.</p>\n</section>\n"
        return html
    }

    static func article(_ entry: ReviewEntry, includesText: Bool) -> String {
        let findings = entry.findings ?? []
        var html = "<article class=\"image\" data-status=\"\(escape(entry.status))\" data-findings=\"\(findings.count)\">\n"
        html += "<h3>\(escape(entry.relativePath))</h3>\n<p class=\"meta\">\(escape(entry.status))"
        if let reason = entry.reason { html += ": \(escape(reason))" }
        html += " · \(findings.count) finding\(findings.count == 1 ? "" : "s")"
        if let frames = entry.frames, frames > 1 { html += " · \(frames) frames (boxes drawn for frame 0)" }
        html += entry.modified == true ? " · pixels changed" : " · pixels unchanged"
        html += "</p>\n"
        if let images = entry.images {
            let w = images.thumbnailWidth, h = images.thumbnailHeight
            html += "<div class=\"pair\">\n<figure><div class=\"frame\" style=\"width:\(w)px;height:\(h)px\">"
            html += "<img src=\"\(escape(images.before))\" width=\"\(w)\" height=\"\(h)\" alt=\"before\" loading=\"lazy\">"
            html += "<svg viewBox=\"0 0 \(images.nativeWidth) \(images.nativeHeight)\" width=\"\(w)\" height=\"\(h)\" preserveAspectRatio=\"none\">"
            for finding in findings where finding.frame == 0 {
                let b = finding.box
                html += "<rect class=\"box\" x=\"\(b.x)\" y=\"\(b.y)\" width=\"\(max(b.width, 1))\" height=\"\(max(b.height, 1))\" "
                html += "stroke=\"\(color(finding.decision))\" data-decision=\"\(finding.decision.rawValue)\" "
                html += "data-type=\"\(escape(ReviewSummary.typeName(finding)))\"><title>\(escape(tooltip(finding, includesText: includesText)))</title></rect>"
            }
            html += "</svg></div><figcaption>before (original)</figcaption></figure>\n"
            html += "<figure><div class=\"frame\" style=\"width:\(w)px;height:\(h)px\">"
            html += "<img src=\"\(escape(images.after))\" width=\"\(w)\" height=\"\(h)\" alt=\"after\" loading=\"lazy\"></div>"
            html += "<figcaption>after</figcaption></figure>\n</div>\n"
        } else {
            html += "<p class=\"nothumb\">No thumbnail.</p>\n"
        }
        if !findings.isEmpty {
            html += "<details class=\"findings\"\(findings.count <= 12 ? " open" : "")><summary>findings</summary>\n"
            html += "<table class=\"findings\"><tr><th>frame</th><th>decision</th><th>type</th><th>confidence</th><th>recognizer</th><th>box (x, y, w×h)</th>"
            if includesText { html += "<th>text</th>" }
            html += "</tr>\n"
            for finding in findings {
                let b = finding.box
                html += "<tr class=\"finding\" data-decision=\"\(finding.decision.rawValue)\" data-type=\"\(escape(ReviewSummary.typeName(finding)))\">"
                html += "<td>\(finding.frame)</td><td><span class=\"swatch\" style=\"background:\(color(finding.decision))\"></span>\(label(finding.decision))</td>"
                html += "<td>\(escape(ReviewSummary.typeName(finding)))</td><td>\(confidence(finding.confidence))</td>"
                html += "<td>\(escape(finding.recognizer))</td><td>\(b.x), \(b.y), \(b.width)×\(b.height)</td>"
                if includesText { html += "<td>\(escape(finding.text ?? ""))</td>" }
                html += "</tr>\n"
            }
            html += "</table>\n</details>\n"
        }
        return html + "</article>\n"
    }

    static func tooltip(_ finding: PixelFinding, includesText: Bool) -> String {
        var text = "\(label(finding.decision)) · \(ReviewSummary.typeName(finding)) · \(confidence(finding.confidence)) · \(finding.recognizer)"
        if includesText, let read = finding.text { text += " · “\(read)”" }
        return text
    }

    static func problemSection(_ entries: [ReviewEntry]) -> String {
        guard !entries.isEmpty else { return "" }
        var html = "<section id=\"problems\">\n<h2>Refused, failed and quarantined</h2>\n<table>\n<tr><th>input</th><th>status</th><th>reason</th></tr>\n"
        for entry in entries {
            html += "<tr data-status=\"\(escape(entry.status))\"><td>\(escape(entry.relativePath))</td><td>\(escape(entry.status))</td>"
            html += "<td>\(escape(entry.reason ?? ""))</td></tr>\n"
        }
        return html + "</table>\n</section>\n"
    }

    static let style = """
        body{font:14px/1.4 system-ui,sans-serif;margin:1em 2em;color:#222;background:#fafafa}
        h1{margin:0 0 .3em}h3{margin:.2em 0;font-size:15px;word-break:break-all}
        .warning{background:#fff3cd;border:1px solid #e0b000;padding:.5em .8em;border-radius:4px}
        table.summary td,table.summary th{padding:2px 8px;text-align:left}
        .count{font-weight:bold}
        .swatch{display:inline-block;width:10px;height:10px;margin-right:4px;border-radius:2px;vertical-align:middle}
        #filters{position:sticky;top:0;background:#fafafa;padding:.5em 0;border-bottom:1px solid #ccc;z-index:2}
        #filters label{margin-right:1em}
        #images{display:flex;flex-wrap:wrap;gap:12px;margin-top:1em}
        article.image{background:#fff;border:1px solid #ddd;border-radius:4px;padding:8px;max-width:680px}
        .meta{color:#555;margin:.2em 0}
        .pair{display:flex;gap:8px}
        figure{margin:0}figcaption{font-size:12px;color:#555}
        .frame{position:relative;background:#000}
        .frame img,.frame svg{position:absolute;left:0;top:0}
        rect.box{fill:none;stroke-width:2;vector-effect:non-scaling-stroke}
        rect.box:hover{fill:rgba(255,255,255,.25)}
        details.findings{margin-top:6px;font-size:12px}table.findings{border-collapse:collapse;font-size:12px}
        table.findings td,table.findings th{border:1px solid #ddd;padding:1px 5px}
        #problems table{border-collapse:collapse}#problems td,#problems th{border:1px solid #ddd;padding:2px 6px}
        """

    static let script = """
        (function () {
          function apply() {
            var decisions = {};
            document.querySelectorAll('.filter-decision').forEach(function (c) { decisions[c.value] = c.checked; });
            var type = document.getElementById('filter-type').value;
            var showEmpty = document.getElementById('filter-empty').checked;
            var shownImages = 0, shownFindings = 0;
            document.querySelectorAll('article.image').forEach(function (article) {
              var visible = 0, total = 0;
              article.querySelectorAll('[data-decision]').forEach(function (el) {
                var match = decisions[el.getAttribute('data-decision')] && (type === '' || el.getAttribute('data-type') === type);
                el.style.display = match ? '' : 'none';
                if (el.tagName.toLowerCase() === 'tr') { total++; if (match) visible++; }
              });
              var show = total === 0 ? showEmpty : visible > 0;
              article.style.display = show ? '' : 'none';
              if (show) { shownImages++; shownFindings += visible; }
            });
            document.getElementById('shown-images').textContent = String(shownImages);
            document.getElementById('shown-findings').textContent = String(shownFindings);
          }
          // initial filters from the address, e.g. index.html#decision=redacted,belowThreshold&type=name&empty=0
          var params = {};
          location.hash.replace(/^#/, '').split('&').forEach(function (pair) {
            var kv = pair.split('=');
            if (kv[0]) params[decodeURIComponent(kv[0])] = decodeURIComponent(kv[1] || '');
          });
          if (params.decision !== undefined) {
            var wanted = params.decision.split(',');
            document.querySelectorAll('.filter-decision').forEach(function (c) { c.checked = wanted.indexOf(c.value) >= 0; });
          }
          if (params.type !== undefined) document.getElementById('filter-type').value = params.type;
          if (params.empty !== undefined) document.getElementById('filter-empty').checked = params.empty !== '0';
          document.querySelectorAll('#filters input, #filters select').forEach(function (el) {
            el.addEventListener('change', apply);
          });
          apply();
          document.body.setAttribute('data-ready', '1');
        })();
        """
}
