import CDCMTK
import Foundation

/// One DICOM file (or raw dataset) loaded through DCMTK: its dataset, meta header and pixel data.
public final class Instance: @unchecked Sendable {
    let file: OpaquePointer
    public let sourcePath: String

    /// Limits that keep hostile files from crashing or exhausting the process.
    public struct Limits: Sendable {
        public var maxNestingDepth: UInt32 = 128
        public var maxPixelBytes: UInt64 = 4 << 30
        public init() {}
        var c: dd_load_limits_t { dd_load_limits_t(max_nesting_depth: maxNestingDepth, max_pixel_bytes: maxPixelBytes) }
    }
    public let limits: Limits

    public init(contentsOf path: String, limits: Limits = Limits()) throws {
        self.sourcePath = path
        self.limits = limits
        self.file = try DCMTKStatus.pointer({ .cannotRead(path: path, reason: $0) }) {
            dd_file_load(path, limits.c, $0)
        }
    }

    /// A new instance with an empty dataset (explicit VR little endian), for building files in memory.
    public init(empty: Void = ()) {
        self.sourcePath = "(in memory)"
        self.limits = Limits()
        self.file = dd_file_create()
    }

    deinit { dd_file_free(file) }

    /// The dataset. A new view each time (cheap): a stored one would hold the instance it points
    /// back to, and the file would never be freed.
    public var dataset: Dataset { Dataset(handle: dd_file_dataset(file), owner: self) }
    public var meta: Dataset { Dataset(handle: dd_file_meta(file), owner: self) }

    /// The transfer syntax the dataset was encoded in.
    public var originalTransferSyntax: TransferSyntax { TransferSyntax(uid: String(cString: dd_file_original_xfer(file))) }
    public var hadMetaHeader: Bool { dd_file_had_meta_header(file) != 0 }

    public var hasPixelData: Bool { dataset.contains(.pixelData) }

    /// Writes the instance as a Part 10 file, atomically: a temporary file beside `path`, then a rename.
    public func write(to path: String, transferSyntax: TransferSyntax) throws {
        // Pixel data we cannot decode is never passed through (issue 2): refuse before writing anything.
        let original = originalTransferSyntax
        if hasPixelData && !original.isDecodable {
            throw DicomError.unsupportedTransferSyntax(uid: original.uid, name: original.name)
        }
        try AtomicFile.ensureDirectory(of: path)
        let temporary = AtomicFile.temporaryPath(for: path)
        do {
            try DCMTKStatus.check({ .cannotWrite(path: path, reason: $0) }) { dd_file_save(file, temporary, transferSyntax.uid, $0) }
            try AtomicFile.commit(temporary: temporary, to: path)
        } catch {
            unlink(temporary)
            throw error
        }
    }

    /// The transfer syntax to write in: the original when the pixels are unchanged or can be
    /// re-encoded in it without loss, otherwise explicit VR little endian.
    public func losslessTransferSyntax(pixelsModified: Bool) -> TransferSyntax {
        let original = originalTransferSyntax
        // A syntax DCMTK does not know was read in the encoding DCMTK detected: never write its UID.
        if !original.isKnownToDCMTK { return .explicitLittleEndian }
        if !pixelsModified && (hadMetaHeader || !original.isEncapsulated) { return original }
        return original.isLosslessEncodable ? original : .explicitLittleEndian
    }
}
