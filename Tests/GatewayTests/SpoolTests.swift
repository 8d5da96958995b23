import Foundation
import Gateway
import Testing

@Suite struct SpoolTests {
    @Test func recoveryDropsPartialReceptionsAndStaleCopiesAndListsTheRestOldestFirst() throws {
        let folder = try TemporaryDirectory()
        let spool = Spool(root: folder.path)
        try spool.prepare()
        for name in ["002.dcm", "001.dcm", ".003.part"] { FileManager.default.createFile(atPath: spool.incomingPath(name), contents: Data([1])) }
        FileManager.default.createFile(atPath: spool.outgoingPath("001.dcm"), contents: Data([1]))
        #expect(try spool.recover() == ["001.dcm", "002.dcm"])
        #expect(!FileManager.default.fileExists(atPath: spool.incomingPath(".003.part")))
        #expect(Fixtures.files(in: spool.outgoing).isEmpty)
    }

    @Test func spoolFoldersArePrivateToTheOwner() throws {
        let folder = try TemporaryDirectory()
        let spool = Spool(root: folder.file("spool"))
        try spool.prepare()
        let mode = try FileManager.default.attributesOfItem(atPath: spool.incoming)[.posixPermissions] as? Int
        #expect(mode == 0o700)
    }

    @Test func theLedgerRemembersDeliveriesAcrossRestarts() throws {
        let folder = try TemporaryDirectory()
        do {
            let ledger = try DeliveryLedger(path: folder.file("delivered.log"))
            ledger.record("2.25.1")
            ledger.record("2.25.1")
            ledger.record("2.25.2")
        }
        let reopened = try DeliveryLedger(path: folder.file("delivered.log"))
        #expect(reopened.count == 2)
        #expect(reopened.contains("2.25.2"))
        #expect(try String(contentsOfFile: folder.file("delivered.log"), encoding: .utf8) == "2.25.1\n2.25.2\n")
    }
}
