/// The image pixel module of an instance: how the native buffer is laid out.
public struct PixelDescription: Hashable, Sendable {
    public var rows: Int
    public var columns: Int
    public var bitsAllocated: Int
    public var bitsStored: Int
    public var highBit: Int
    public var isSigned: Bool
    public var samplesPerPixel: Int
    public var photometric: PhotometricInterpretation
    /// 0 interleaved (RGBRGB…), 1 planar (RRR…GGG…BBB…).
    public var planarConfiguration: Int
    public var numberOfFrames: Int

    public init(rows: Int, columns: Int, bitsAllocated: Int, bitsStored: Int, highBit: Int, isSigned: Bool,
                samplesPerPixel: Int, photometric: PhotometricInterpretation, planarConfiguration: Int,
                numberOfFrames: Int) {
        self.rows = rows
        self.columns = columns
        self.bitsAllocated = bitsAllocated
        self.bitsStored = bitsStored
        self.highBit = highBit
        self.isSigned = isSigned
        self.samplesPerPixel = samplesPerPixel
        self.photometric = photometric
        self.planarConfiguration = planarConfiguration
        self.numberOfFrames = numberOfFrames
    }

    public var bytesPerSample: Int { bitsAllocated <= 8 ? 1 : 2 }
    /// The sign bit of the stored bits (0 when unsigned): a stored value plus it is never negative.
    public var signBit: Int { isSigned ? 1 << (bitsStored - 1) : 0 }
    public var samplesPerFrame: Int { rows * columns * samplesPerPixel }
    public var bytesPerFrame: Int { samplesPerFrame * bytesPerSample }

    /// Reads the module from a dataset; throws when it is incomplete or describes something we do not handle.
    public init(dataset: Dataset) throws {
        func required(_ tag: Tag, _ name: String) throws -> Int {
            guard let value = dataset.integer(tag) else {
                throw DicomError.unsupportedPixelFormat(reason: "\(name) \(tag) missing")
            }
            return value
        }
        let rows = try required(.rows, "Rows")
        let columns = try required(.columns, "Columns")
        let bitsAllocated = try required(.bitsAllocated, "Bits Allocated")
        let bitsStored = dataset.integer(.bitsStored) ?? bitsAllocated
        let photometricText = dataset.firstValue(.photometricInterpretation) ?? "MONOCHROME2"
        guard let photometric = PhotometricInterpretation(rawValue: photometricText.uppercased()) else {
            throw DicomError.unsupportedPixelFormat(reason: "photometric interpretation \(photometricText)")
        }
        guard [8, 16].contains(bitsAllocated) else {
            throw DicomError.unsupportedPixelFormat(reason: "\(bitsAllocated) bits allocated")
        }
        guard rows > 0, columns > 0, bitsStored >= 1, bitsStored <= bitsAllocated else {
            throw DicomError.unsupportedPixelFormat(reason: "\(rows)x\(columns), \(bitsStored) of \(bitsAllocated) bits")
        }
        // the stored bits run from the high bit down and lie inside the allocated ones
        let highBit = dataset.integer(.highBit) ?? bitsStored - 1
        guard highBit >= bitsStored - 1, highBit < bitsAllocated else {
            throw DicomError.unsupportedPixelFormat(reason: "high bit \(highBit) with \(bitsStored) of \(bitsAllocated) bits")
        }
        self.init(rows: rows, columns: columns, bitsAllocated: bitsAllocated, bitsStored: bitsStored,
                  highBit: highBit,
                  isSigned: dataset.integer(.pixelRepresentation) == 1,
                  samplesPerPixel: dataset.integer(.samplesPerPixel) ?? 1, photometric: photometric,
                  planarConfiguration: dataset.integer(.planarConfiguration) ?? 0,
                  numberOfFrames: max(1, dataset.integer(.numberOfFrames) ?? 1))
    }
}
