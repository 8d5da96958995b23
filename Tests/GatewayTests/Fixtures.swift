import Deidentification
import DicomCore
import Foundation
import Gateway
import Pipeline

/// A fresh directory under the system temporary directory, removed when the value is released.
final class TemporaryDirectory {
    let path: String

    init() throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("dcmdeid-gateway-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: base, withIntermediateDirectories: true)
        path = base.path
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    func file(_ name: String) -> String { (path as NSString).appendingPathComponent(name) }
}

enum Fixtures {
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// A small CT instance without pixel data, with identifying values in its header.
    static func writeInstance(to path: String, sopInstanceUID: String, studyInstanceUID: String = "1.2.826.0.1.3680043.2.1125.1",
                              patientName: String = "DOE^JOHN", modality: String = "CT", withPixels: Bool = false) throws {
        let instance = Instance(empty: ())
        let dataset = instance.dataset
        try dataset.set(.sopClassUID, string: modality == "US" ? "1.2.840.10008.5.1.4.1.1.6.1" : "1.2.840.10008.5.1.4.1.1.2")
        try dataset.set(.sopInstanceUID, string: sopInstanceUID)
        try dataset.set(.studyInstanceUID, string: studyInstanceUID)
        try dataset.set(.seriesInstanceUID, string: studyInstanceUID + ".1")
        try dataset.set(.modality, string: modality)
        try dataset.set(.patientName, string: patientName)
        try dataset.set(.patientID, string: "MRN-12345")
        try dataset.set(.studyDate, string: "20240102")
        if withPixels {
            for (tag, value) in [(Tag.rows, "2"), (.columns, "2"), (.bitsAllocated, "8"), (.bitsStored, "8"), (.highBit, "7"),
                                 (.pixelRepresentation, "0"), (.samplesPerPixel, "1")] {
                try dataset.set(tag, string: value)
            }
            try dataset.set(.photometricInterpretation, string: "MONOCHROME2")
            try dataset.set(.pixelData, bytes: [0, 1, 2, 3], vr: VR("OB"))
        }
        try instance.write(to: path, transferSyntax: .explicitLittleEndian)
    }

    static func settings(pixels: PixelMode = .off) throws -> DeidentificationSettings {
        let library = ProfileLibrary(directory: repository.appendingPathComponent("profiles").path)
        return DeidentificationSettings(profile: try library.load("basic"), key: SecretKey(text: "gateway tests key"),
                                        naming: OutputNaming(directory: "/nonexistent", format: .dicom),
                                        pixels: pixels, allowBurnedIn: false, dryRun: false)
    }

    /// Polls `condition` every 50 ms for at most `seconds`.
    static func eventually(_ seconds: Double = 20, _ condition: () -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if condition() { return true }
            usleep(50_000)
        }
        return condition()
    }

    static func files(in folder: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { !$0.hasPrefix(".") }.sorted()
    }
}

/// A plain Storage SCP standing in for the archive: spools what it receives into a folder.
final class FakeArchive: @unchecked Sendable {
    let folder: String
    let scp: StorageSCP
    private let thread: Thread

    init(folder: String, aeTitle: String = "ARCHIVE", port: UInt16 = 0) throws {
        self.folder = folder
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        scp = try StorageSCP(settings: ListenerSettings(aeTitle: aeTitle, port: port), spoolDirectory: folder) { _ in }
        let scp = self.scp
        thread = Thread { try? scp.run() }
        thread.start()
    }

    var port: UInt16 { scp.port }
    var received: [String] { Fixtures.files(in: folder) }

    func stop() { scp.stop() }
    deinit { scp.stop() }
}

/// A gateway running on its own thread, stopped (and waited for) by `stop()`.
final class RunningGateway: @unchecked Sendable {
    let gateway: Gateway
    private let done = DispatchSemaphore(value: 0)

    init(_ configuration: GatewayConfiguration) throws {
        gateway = try Gateway(configuration: configuration) { _ in }
        let gateway = self.gateway, done = self.done
        Thread {
            try? gateway.run()
            done.signal()
        }.start()
    }

    func stop() {
        gateway.stop()
        _ = done.wait(timeout: .now() + 30)
    }

    func sender(callingAE: String = "MODALITY") throws -> StorageSCU {
        try StorageSCU(peer: PeerSettings(callingAETitle: callingAE, calledAETitle: gateway.configuration.listener.aeTitle,
                                          host: "127.0.0.1", port: gateway.port))
    }

    static func configuration(spool: String, archivePort: UInt16, allow: [String] = ["MODALITY"],
                              pixels: PixelMode = .off, maxAttempts: Int = 0) throws -> GatewayConfiguration {
        GatewayConfiguration(
            listener: ListenerSettings(aeTitle: "DEID", port: 0, allowedCallingAETitles: allow),
            destination: .dicom(aeTitle: "ARCHIVE", host: "127.0.0.1", port: archivePort), callingAETitle: "DEID",
            spool: Spool(root: spool), deidentification: try Fixtures.settings(pixels: pixels), workers: 2,
            retry: RetryPolicy(initialDelay: 0.1, maxDelay: 0.5, maxAttempts: maxAttempts), runFingerprint: "tests", idleRelease: 1)
    }
}
