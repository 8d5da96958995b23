/// Sends one de-identified file to the destination. One per worker thread; not shared.
protocol Forwarder: AnyObject {
    /// Throws unless the destination confirmed it stored the instance.
    func send(path: String) throws
    /// Releases any connection kept open (when idle, and at the end).
    func close()
}

extension StorageSCU: Forwarder {
    func send(path: String) throws { try store(path: path) }
}
