import Deidentification
import PixelRedaction

/// How burned-in text is handled (PixelRedaction's modes, named here for the pipeline's users).
public typealias PixelMode = PixelRedaction.PixelMode

/// Everything one run of `deidentify` needs to handle an instance.
public struct DeidentificationSettings: Sendable {
    public var profile: Profile
    public var key: SecretKey
    public var naming: OutputNaming
    /// Mode, threshold, box colour and padding of the pixel stage.
    public var redaction: RedactionOptions
    /// With `--pixels off`: write instances that may carry burned-in text anyway (BurnedInAnnotation stays YES).
    public var allowBurnedIn: Bool
    /// Write external-camera photographs too (they may show a face; faces are not detected).
    public var allowPhotographs = false
    public var dryRun: Bool
    public var dpi: Int
    /// Re-read every written output and re-check its header (and, always when pixels were cleaned, re-OCR
    /// around the painted boxes); a hit moves it to `quarantine`.
    public var verify = false
    public var quarantine: String?
    /// Device-signature regions painted without OCR (CTP's DicomPixelAnonymizer library by default).
    public var deviceRules: DeviceRegionRules?
    /// Collects before/after thumbnails and findings for the static HTML review (`--review DIR`).
    public var review: ReviewReport?

    public var pixels: PixelMode { redaction.mode }

    public init(profile: Profile, key: SecretKey, naming: OutputNaming, pixels: PixelMode, allowBurnedIn: Bool,
                dryRun: Bool, dpi: Int = 96) {
        self.profile = profile
        self.key = key
        self.naming = naming
        self.redaction = RedactionOptions(mode: pixels)
        self.allowBurnedIn = allowBurnedIn
        self.dryRun = dryRun
        self.dpi = dpi
    }
}
