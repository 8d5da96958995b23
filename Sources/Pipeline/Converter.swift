import DicomCore
import Foundation

/// `dcmdeid convert`: rewrites DICOM losslessly, or renders DICOM, PNG and JPEG inputs to PNG.
public struct Converter: Sendable {
    public var naming: OutputNaming
    public var dpi: Int

    public init(naming: OutputNaming, dpi: Int) {
        self.naming = naming
        self.dpi = dpi
    }

    /// Converts one input; returns the paths written.
    public func convert(_ input: InputFile) throws -> [String] {
        if RasterImage.canRead(path: input.path) {
            guard naming.format == .png else {
                throw PipelineError.unsupportedConversion(path: input.path, reason: "PNG and JPEG inputs can only be written as PNG")
            }
            let frames = try RasterImage.read(path: input.path)
            return try writePNG(frames, renderer: FrameRenderer(), input: input)
        }
        let instance = try Instance(contentsOf: input.path)
        switch naming.format {
        case .dicom:
            let path = naming.path(for: input)
            try instance.write(to: path, transferSyntax: instance.losslessTransferSyntax(pixelsModified: false))
            return [path]
        case .png:
            let frames = try instance.decodePixels()
            return try writePNG(frames, renderer: FrameRenderer(dataset: instance.dataset), input: input)
        }
    }

    func writePNG(_ frames: PixelFrames, renderer: FrameRenderer, input: InputFile) throws -> [String] {
        try (0..<frames.frameCount).map { frame in
            let path = naming.path(for: input, frame: frames.frameCount > 1 ? frame : nil)
            try RasterImage.writePNG(renderer.render(frames, frame: frame), to: path, dpi: dpi)
            return path
        }
    }
}
