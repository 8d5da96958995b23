import Pipeline

/// Everything one `dcmdeid serve` needs.
public struct GatewayConfiguration: Sendable {
    public var listener: ListenerSettings
    public var destination: Destination
    /// Our AE title when sending to the destination.
    public var callingAETitle: String
    public var destinationTLS: TLSSettings?
    public var spool: Spool
    /// Profile, key and pixel policy; the output naming is replaced by the spool's outgoing/ folder.
    public var deidentification: DeidentificationSettings
    /// Workers that de-identify and forward, each with its own association to the destination.
    public var workers: Int
    public var retry: RetryPolicy
    public var auditPath: String
    /// Identifies profile, options, key and pixel mode in the audit (as batch runs do).
    public var runFingerprint: String
    /// A worker releases its association after this many idle seconds.
    public var idleRelease: Double

    public init(listener: ListenerSettings, destination: Destination, callingAETitle: String, destinationTLS: TLSSettings? = nil,
                spool: Spool, deidentification: DeidentificationSettings, workers: Int, retry: RetryPolicy = RetryPolicy(),
                auditPath: String? = nil, runFingerprint: String, idleRelease: Double = 5) {
        self.listener = listener
        self.destination = destination
        self.callingAETitle = callingAETitle
        self.destinationTLS = destinationTLS
        self.spool = spool
        self.deidentification = deidentification
        self.workers = max(1, workers)
        self.retry = retry
        self.auditPath = auditPath ?? spool.defaultAuditPath
        self.runFingerprint = runFingerprint
        self.idleRelease = idleRelease
    }
}
