import ArgumentParser
import Deidentification
import DicomCore
import Foundation
import Gateway
import Pipeline

struct Serve: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Receive DICOM (C-STORE), de-identify, and forward to an archive, through a durable spool.",
        discussion: """
            Every received instance is written to SPOOL/incoming (fsync'd) before the C-STORE is \
            acknowledged; workers de-identify it as `deidentify` would and send it to --destination, \
            retrying with backoff. After a crash, a restart delivers what is left in the spool. \
            A re-sent instance whose de-identified SOP Instance UID was already delivered is not sent again.

            The listener binds to 127.0.0.1 unless --bind says otherwise; with --allow only the \
            listed calling AE titles may associate. SPOOL holds identified data until delivery (and \
            in SPOOL/failed): keep it on an encrypted, access-controlled disk.

            `dcmdeid serve --status SPOOL` prints the queue depth and the counters of a running (or \
            stopped) gateway; audit lines go to SPOOL/audit.jsonl (or --audit), one per instance.
            """)

    @Option(help: "Print the status of the gateway that uses this spool folder, and exit.")
    var status: String?

    @Flag(help: "With --status: print the status file as JSON.")
    var json = false

    @Option(help: "The port to listen on (0 picks a free one and prints it).")
    var port: UInt16?

    @Option(help: "Our AE title (the called AE title senders must use).")
    var aeTitle: String?

    @Option(help: "Calling AE titles allowed to send, comma-separated (default: any).")
    var allow: String?

    @Option(help: "The numeric IPv4 address to listen on (0.0.0.0 for every interface).")
    var bind = "127.0.0.1"

    @Option(help: "Where de-identified instances go: dicom://AE@host:port (C-STORE), or dicomweb://host:port/path (STOW-RS to the DICOMweb root; dicomwebs:// for HTTPS).")
    var destination: String?

    @Option(help: "Our AE title when sending to the destination (default: --ae-title).")
    var callingAeTitle: String?

    @Option(help: "The spool folder (the durable queue; created mode 0700).")
    var spool: String?

    @OptionGroup var deidentification: DeidentificationOptions

    @Option(help: "The audit log (JSON lines); default SPOOL/audit.jsonl.")
    var audit: String?

    @Option(help: "Workers that de-identify and forward, each over its own association (default: 4, or the number of cores if more).")
    var jobs: Int = max(4, BatchRunner.defaultJobs)

    @Option(help: "Delivery attempts before an instance is set aside in SPOOL/failed (0: retry forever).")
    var maxAttempts: Int = 0

    @Option(help: "Longest wait between two delivery attempts, in seconds.")
    var maxBackoff: Double = 60

    @Option(help: "Concurrent incoming associations (more are rejected, transiently).")
    var maxAssociations: Int = 16

    @Option(help: "TLS for incoming associations: our certificate (PEM).")
    var tlsCertificate: String?

    @Option(help: "TLS: the private key of --tls-certificate (PEM, unencrypted).")
    var tlsKey: String?

    @Option(help: "TLS: trusted CA certificates (PEM file or folder) to verify peers.")
    var tlsTrusted: String?

    @Flag(help: "TLS: refuse senders that present no certificate signed by --tls-trusted.")
    var tlsRequireClientCertificate = false

    @Flag(help: "Use TLS to the destination (verified against --tls-trusted; --tls-certificate/--tls-key as client certificate).")
    var destinationTls = false

    @Flag(help: "Only errors on stderr.")
    var quiet = false

    func validate() throws {
        if status != nil { return }
        guard port != nil else { throw ValidationError("give --port (or --status SPOOL)") }
        guard let aeTitle else { throw ValidationError("give --ae-title") }
        guard let destination else { throw ValidationError("give --destination dicom://AE@host:port or dicomweb://host:port/path") }
        guard spool != nil else { throw ValidationError("give --spool DIR") }
        guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1") }
        guard maxAttempts >= 0 else { throw ValidationError("--max-attempts must be 0 or more") }
        do {
            try Destination.checkAETitle(aeTitle, in: "--ae-title")
            for title in allowedTitles { try Destination.checkAETitle(title, in: "--allow") }
            _ = try Destination(parsing: destination)
        } catch let error as GatewayError {
            throw ValidationError(error.description)
        }
        if tlsCertificate != nil && tlsKey == nil { throw ValidationError("--tls-certificate needs --tls-key") }
        if tlsRequireClientCertificate && tlsTrusted == nil { throw ValidationError("--tls-require-client-certificate needs --tls-trusted") }
        if destinationTls && tlsTrusted == nil { throw ValidationError("--destination-tls needs --tls-trusted to verify the destination") }
        if destinationTls && destination.hasPrefix("dicomweb") {
            throw ValidationError("--destination-tls is for dicom:// destinations; use dicomwebs:// for HTTPS")
        }
    }

    var allowedTitles: [String] {
        (allow ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    func run() throws {
        if let status { return try printStatus(of: status) }
        let spool = Spool(root: self.spool!)
        let loaded = try deidentification.loadProfile()
        try spool.prepare()
        let key = try deidentification.resolveKey(defaultPath: spool.root + ".key")
        let settings = try deidentification.settings(profile: loaded, key: key,
                                                     naming: OutputNaming(directory: spool.outgoing, format: .dicom), dryRun: false)
        let listenerTLS = tlsCertificate.map {
            TLSSettings(certificate: $0, privateKey: tlsKey, trustedCertificates: tlsTrusted, requirePeerCertificate: tlsRequireClientCertificate)
        }
        let configuration = GatewayConfiguration(
            listener: ListenerSettings(aeTitle: aeTitle!, bindAddress: bind == "localhost" ? "127.0.0.1" : bind, port: port!,
                                       allowedCallingAETitles: allowedTitles, maxAssociations: maxAssociations, tls: listenerTLS),
            destination: try Destination(parsing: destination!), callingAETitle: callingAeTitle ?? aeTitle!,
            destinationTLS: destinationTls ? TLSSettings(certificate: tlsCertificate, privateKey: tlsKey, trustedCertificates: tlsTrusted) : nil,
            spool: spool, deidentification: settings, workers: jobs, retry: RetryPolicy(maxDelay: maxBackoff, maxAttempts: maxAttempts),
            auditPath: audit, runFingerprint: ([loaded.name] + loaded.options.map(\.name) + [key.fingerprint, deidentification.pixels.rawValue, "gateway"]).joined(separator: "+"))
        let quiet = self.quiet
        let gateway = try Gateway(configuration: configuration) { message in
            if !quiet { Console.note(message) }
        }
        let signals = Self.stopOnSignals(gateway)
        Console.note("dcmdeid serve: \(aeTitle!) listening on \(configuration.listener.bindAddress):\(gateway.port)"
            + (listenerTLS != nil ? " (TLS)" : "") + ", forwarding to \(configuration.destination), spool \(spool.root)"
            + (allowedTitles.isEmpty ? " (any calling AE title accepted)" : ""))
        try gateway.run()
        withExtendedLifetime(signals) {}
        Console.note("dcmdeid serve: stopped; \(spool.pendingNames().count) instance(s) left in the spool for the next start")
    }

    /// SIGINT and SIGTERM stop the gateway gracefully (what is spooled stays for the next start).
    static func stopOnSignals(_ gateway: Gateway) -> [DispatchSourceSignal] {
        [SIGINT, SIGTERM].map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { gateway.stop() }
            source.resume()
            return source
        }
    }

    func printStatus(of root: String) throws {
        let spool = Spool(root: root)
        guard let status = try? GatewayStatus.read(from: spool.statusPath) else {
            Console.error("\(spool.statusPath): no status file (has a gateway used this spool?)")
            throw ExitCode(1)
        }
        if json {
            print(String(decoding: try Data(contentsOf: URL(fileURLWithPath: spool.statusPath)), as: UTF8.self))
        } else {
            print(status.lines(spool: spool).joined(separator: "\n"))
        }
    }

}
