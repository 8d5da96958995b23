/// Personal-name word lists: U.S. Census 1990 given names and the 30,000 most frequent surnames, with the
/// given names and surnames of Faker's other locales (see Resources/README.md), and the words that are names
/// but much more often something else on an image.
struct NameLexicon: Sendable {
    let givenNames: Set<String>
    let surnames: Set<String>
    /// Words that count as a name only with strong evidence (a cue, a `LAST^FIRST` or `Last, First` shape).
    let stopWords: Set<String>

    init(givenNames: Set<String>, surnames: Set<String>, stopWords: Set<String>) {
        self.givenNames = givenNames
        self.surnames = surnames
        self.stopWords = stopWords
    }

    func isGivenName(_ key: String) -> Bool { givenNames.contains(key) && !stopWords.contains(key) }
    func isSurname(_ key: String) -> Bool { surnames.contains(key) && !stopWords.contains(key) }
    func isName(_ key: String) -> Bool { givenNames.contains(key) || surnames.contains(key) }
    func isStopWord(_ key: String) -> Bool { stopWords.contains(key) }
}
