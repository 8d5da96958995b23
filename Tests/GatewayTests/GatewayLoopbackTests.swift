import DicomCore
import Foundation
import Gateway
import Testing

/// The whole gateway on loopback: a sender (our SCU), the gateway, and a plain SCP as the archive.
@Suite struct GatewayLoopbackTests {
    @Test func receivedInstancesArriveDeidentifiedWithOneStudyUIDAtTheArchive() throws {
        let folder = try TemporaryDirectory()
        let archive = try FakeArchive(folder: folder.file("archive"))
        let running = try RunningGateway(try RunningGateway.configuration(spool: folder.file("spool"), archivePort: archive.port))
        defer { running.stop(); archive.stop() }
        let sender = try running.sender()
        for index in 1...3 {
            let path = folder.file("in\(index).dcm")
            try Fixtures.writeInstance(to: path, sopInstanceUID: "1.2.826.0.1.3680043.2.1125.1.\(index)")
            try sender.store(path: path)
        }
        sender.close()
        #expect(Fixtures.eventually { archive.received.count == 3 })
        let instances = try archive.received.map { try Instance(contentsOf: archive.folder + "/" + $0) }
        for instance in instances {
            #expect(instance.dataset.firstValue(.patientIdentityRemoved) == "YES")
            #expect(instance.dataset.firstValue(.patientName) != "DOE^JOHN")
            #expect(instance.dataset.firstValue(.sopInstanceUID)?.hasPrefix("2.25.") == true)
        }
        #expect(Set(instances.compactMap { $0.dataset.firstValue(.studyInstanceUID) }).count == 1)
        #expect(Fixtures.eventually { running.gateway.currentStatus.thisRun.delivered == 3 })
        #expect(running.gateway.spool.pendingNames().isEmpty)
    }

    @Test func callingAETitlesOutsideTheAllowListAreRejected() throws {
        let folder = try TemporaryDirectory()
        let archive = try FakeArchive(folder: folder.file("archive"))
        let running = try RunningGateway(try RunningGateway.configuration(spool: folder.file("spool"), archivePort: archive.port))
        defer { running.stop(); archive.stop() }
        try running.sender().echo()
        #expect(throws: GatewayError.self) { try running.sender(callingAE: "INTRUDER").echo() }
        #expect(Fixtures.eventually { running.gateway.currentStatus.thisRun.rejected == 1 })
    }

    @Test func aResentInstanceIsRecognisedAsADuplicateAndNotForwardedTwice() throws {
        let folder = try TemporaryDirectory()
        let archive = try FakeArchive(folder: folder.file("archive"))
        let running = try RunningGateway(try RunningGateway.configuration(spool: folder.file("spool"), archivePort: archive.port))
        defer { running.stop(); archive.stop() }
        let path = folder.file("in.dcm")
        try Fixtures.writeInstance(to: path, sopInstanceUID: "1.2.826.0.1.3680043.2.1125.9.1")
        let sender = try running.sender()
        try sender.store(path: path)
        #expect(Fixtures.eventually { running.gateway.currentStatus.thisRun.delivered == 1 })
        try sender.store(path: path)
        #expect(Fixtures.eventually { running.gateway.currentStatus.thisRun.duplicates == 1 })
        #expect(archive.received.count == 1)
    }

    @Test func instancesLeftInTheSpoolAreDeliveredWhenTheGatewayStarts() throws {
        let folder = try TemporaryDirectory()
        let archive = try FakeArchive(folder: folder.file("archive"))
        let spool = Spool(root: folder.file("spool"))
        try spool.prepare()
        try Fixtures.writeInstance(to: spool.incomingPath("00000000000000000001-1-000000.dcm"), sopInstanceUID: "1.2.826.0.1.3680043.2.1125.7.1")
        FileManager.default.createFile(atPath: spool.incomingPath(".00000000000000000002-1-000001.part"), contents: Data([0]))
        let running = try RunningGateway(try RunningGateway.configuration(spool: spool.root, archivePort: archive.port))
        defer { running.stop(); archive.stop() }
        #expect(Fixtures.eventually { archive.received.count == 1 })
        #expect(Fixtures.eventually { Fixtures.files(in: spool.incoming).isEmpty })
    }

    @Test func deliveryIsRetriedUntilTheArchiveAnswers() throws {
        let folder = try TemporaryDirectory()
        var first: FakeArchive? = try FakeArchive(folder: folder.file("unused"))
        let port = first!.port
        first!.stop()
        Thread.sleep(forTimeInterval: 1.5)  // the listener polls once a second
        first = nil
        let running = try RunningGateway(try RunningGateway.configuration(spool: folder.file("spool"), archivePort: port))
        defer { running.stop() }
        let path = folder.file("in.dcm")
        try Fixtures.writeInstance(to: path, sopInstanceUID: "1.2.826.0.1.3680043.2.1125.8.1")
        try running.sender().store(path: path)
        #expect(Fixtures.eventually { running.gateway.currentStatus.thisRun.retries >= 2 })
        let archive = try FakeArchive(folder: folder.file("archive"), port: port)
        defer { archive.stop() }
        #expect(Fixtures.eventually { archive.received.count == 1 })
        #expect(Fixtures.eventually { running.gateway.currentStatus.thisRun.delivered == 1 })
    }

    @Test func anInstanceDeidentificationRefusesIsSetAsideAndNotForwarded() throws {
        let folder = try TemporaryDirectory()
        let archive = try FakeArchive(folder: folder.file("archive"))
        let running = try RunningGateway(try RunningGateway.configuration(spool: folder.file("spool"), archivePort: archive.port))
        defer { running.stop(); archive.stop() }
        let path = folder.file("us.dcm")
        try Fixtures.writeInstance(to: path, sopInstanceUID: "1.2.826.0.1.3680043.2.1125.6.1", modality: "US", withPixels: true)
        try running.sender().store(path: path)
        #expect(Fixtures.eventually { running.gateway.currentStatus.thisRun.refused == 1 })
        let failed = Fixtures.files(in: running.gateway.spool.failed)
        #expect(failed.count == 2)  // the instance and its .reason
        #expect(archive.received.isEmpty)
    }
}
