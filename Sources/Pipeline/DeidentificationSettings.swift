import Deidentification

/// Everything one run of `deidentify` needs to handle an instance.
public struct DeidentificationSettings: Sendable {
    public var profile: Profile
    public var key: SecretKey
    public var naming: OutputNaming
    public var pixels: PixelMode
    /// With `pixels == .off`: write instances that may carry burned-in text anyway (BurnedInAnnotation stays YES).
    public var allowBurnedIn: Bool
    public var dryRun: Bool
    public var dpi: Int
    /// Re-read every written output and re-check its header; a hit moves it to `quarantine`.
    public var verify = false
    public var quarantine: String?

    public init(profile: Profile, key: SecretKey, naming: OutputNaming, pixels: PixelMode, allowBurnedIn: Bool,
                dryRun: Bool, dpi: Int = 96) {
        self.profile = profile
        self.key = key
        self.naming = naming
        self.pixels = pixels
        self.allowBurnedIn = allowBurnedIn
        self.dryRun = dryRun
        self.dpi = dpi
    }
}

/// How burned-in text is handled.
public enum PixelMode: String, Sendable, CaseIterable {
    case off
    case sensitive
    case allText = "all-text"
    case allButSafe = "all-but-safe"
}
