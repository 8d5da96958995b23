/// Joins findings that share a word into one: all their words, and the type, confidence and recognizer of the
/// most confident (a header match wins a tie).
enum FindingMerger {
    static func merge(_ findings: [Finding]) -> [Finding] {
        guard findings.count > 1 else { return findings }
        var parent = Array(findings.indices)
        func root(_ i: Int) -> Int {
            var i = i
            while parent[i] != i { parent[i] = parent[parent[i]]; i = parent[i] }
            return i
        }
        var owner: [Int: Int] = [:]
        for (i, finding) in findings.enumerated() {
            for word in finding.wordIndices {
                if let other = owner[word] { parent[root(i)] = root(other) } else { owner[word] = i }
            }
        }
        var groups: [Int: [Int]] = [:]
        var order: [Int] = []
        for i in findings.indices {
            let r = root(i)
            if groups[r] == nil { order.append(r) }
            groups[r, default: []].append(i)
        }
        return order.map { r in
            let members = groups[r]!.map { findings[$0] }
            var best = members[0]
            for member in members.dropFirst() where isBetter(member, than: best) { best = member }
            best.wordIndices = Array(Set(members.flatMap(\.wordIndices))).sorted()
            let last = best.wordIndices.last
            best.unreadCharacters = members.filter { $0.wordIndices.last == last }.map(\.unreadCharacters).max() ?? 0
            return best
        }
    }

    private static func isBetter(_ a: Finding, than b: Finding) -> Bool {
        if a.confidence != b.confidence { return a.confidence > b.confidence }
        return a.recognizer == HeaderContextRecognizer.recognizerName && b.recognizer != HeaderContextRecognizer.recognizerName
    }
}
