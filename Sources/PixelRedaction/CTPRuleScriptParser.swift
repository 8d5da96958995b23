import DicomCore
import Foundation
import PHIDetection

/// Parses CTP's DicomPixelAnonymizer script: free text (headings, notes) around rules of the form
/// `{ condition } (x,y,w,h) (x,y,w,h) …`. Conditions use `*` (and), `+` (or), `!` (not), parentheses,
/// and tests `Element.method("argument")`, the element being a keyword or `[gggg,eeee]`.
struct CTPRuleScriptParser {
    let text: [Character]
    let path: String
    private var position = 0
    private var line = 1

    init(text: String, path: String) {
        self.text = Array(text)
        self.path = path
    }

    func rules() throws -> [DeviceRegionRule] {
        var parser = self
        return try parser.parseAll()
    }

    private mutating func parseAll() throws -> [DeviceRegionRule] {
        var rules: [DeviceRegionRule] = []
        var heading = ""
        var currentLine = ""
        while position < text.count {
            let character = text[position]
            if character == "{" {
                let start = line
                position += 1
                let condition = try parseOr()
                skipSpace()
                guard peek == "}" else { throw error("expected } to close the condition") }
                position += 1
                let boxes = try parseBoxes()
                guard !boxes.isEmpty else { throw error("a condition without rectangles (x,y,w,h)") }
                rules.append(DeviceRegionRule(name: heading, line: start, condition: condition, boxes: boxes))
                currentLine = ""
                continue
            }
            if character == "\n" {
                let trimmed = currentLine.trimmingCharacters(in: .whitespaces)
                if !trimmed.isEmpty && !trimmed.allSatisfy({ $0 == "*" }) { heading = trimmed }
                currentLine = ""
                line += 1
            } else {
                currentLine.append(character)
            }
            position += 1
        }
        return rules
    }

    private var peek: Character? { position < text.count ? text[position] : nil }

    private mutating func skipSpace() {
        while let c = peek, c.isWhitespace {
            if c == "\n" { line += 1 }
            position += 1
        }
    }

    private func error(_ reason: String) -> PixelRedactionError {
        .invalidRule(path: path, line: line, reason: reason)
    }

    // condition := term ('+' term)* ; term := factor ('*' factor)* ; factor := '!' factor | '(' condition ')' | test
    private mutating func parseOr() throws -> DeviceRegionRule.Condition {
        var terms = [try parseAnd()]
        while true {
            skipSpace()
            guard peek == "+" else { break }
            position += 1
            terms.append(try parseAnd())
        }
        return terms.count == 1 ? terms[0] : .any(terms)
    }

    private mutating func parseAnd() throws -> DeviceRegionRule.Condition {
        var factors = [try parseFactor()]
        while true {
            skipSpace()
            guard peek == "*" else { break }
            position += 1
            factors.append(try parseFactor())
        }
        return factors.count == 1 ? factors[0] : .all(factors)
    }

    private mutating func parseFactor() throws -> DeviceRegionRule.Condition {
        skipSpace()
        switch peek {
        case "!":
            position += 1
            return .not(try parseFactor())
        case "(":
            position += 1
            let inner = try parseOr()
            skipSpace()
            guard peek == ")" else { throw error("expected )") }
            position += 1
            return inner
        default:
            return try parseTest()
        }
    }

    private mutating func parseTest() throws -> DeviceRegionRule.Condition {
        let tag = try parseElement()
        guard peek == "." else { throw error("expected .method after the element") }
        position += 1
        var name = ""
        while let c = peek, c.isLetter {
            name.append(c)
            position += 1
        }
        guard let test = DeviceRegionRule.Test(rawValue: name) else { throw error("unknown test \"\(name)\"") }
        skipSpace()
        guard peek == "(" else { throw error("expected ( after \(name)") }
        position += 1
        skipSpace()
        var argument = ""
        if peek == "\"" {
            position += 1
            while let c = peek, c != "\"" {
                if c == "\n" { throw error("unterminated string") }
                argument.append(c)
                position += 1
            }
            position += 1
            skipSpace()
        }
        guard peek == ")" else { throw error("expected ) after the argument of \(name)") }
        position += 1
        return .test(tag, test, argument)
    }

    /// A keyword (`Manufacturer`) or a tag (`[0008,0070]`, `0008,0070` inside brackets).
    private mutating func parseElement() throws -> Tag {
        skipSpace()
        if peek == "[" {
            var raw = ""
            position += 1
            while let c = peek, c != "]" {
                raw.append(c)
                position += 1
            }
            position += 1
            guard let tag = Tag(parsing: raw) else { throw error("bad tag [\(raw)]") }
            return tag
        }
        var keyword = ""
        while let c = peek, c.isLetter || c.isNumber {
            keyword.append(c)
            position += 1
        }
        guard !keyword.isEmpty else { throw error("expected an element keyword or [gggg,eeee]") }
        guard let tag = AttributeKeywords.tag(keyword) else { throw error("unknown keyword \"\(keyword)\"") }
        return tag
    }

    /// Rectangles `(x,y,w,h)` following a condition, across whitespace and line breaks.
    private mutating func parseBoxes() throws -> [TextBox] {
        var boxes: [TextBox] = []
        while true {
            let mark = (position, line)
            skipSpace()
            guard peek == "(" else {
                (position, line) = mark
                return boxes
            }
            position += 1
            var raw = ""
            while let c = peek, c != ")" {
                if c == "\n" { line += 1 }
                raw.append(c)
                position += 1
            }
            position += 1
            let numbers = raw.split(separator: ",").map { Int($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
            guard numbers.count == 4, numbers.allSatisfy({ $0 != nil }), numbers[2]! > 0, numbers[3]! > 0 else {
                throw error("bad rectangle (\(raw)): expected (x,y,width,height)")
            }
            boxes.append(TextBox(x: numbers[0]!, y: numbers[1]!, width: numbers[2]!, height: numbers[3]!))
        }
    }
}
