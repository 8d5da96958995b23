import ArgumentParser

struct Deidentify: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "De-identify headers (and pixels) per a PS3.15 profile.")
    func run() throws { throw ValidationError("not yet implemented") }
}

struct Profiles: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List and show de-identification profiles.")
    func run() throws { throw ValidationError("not yet implemented") }
}
