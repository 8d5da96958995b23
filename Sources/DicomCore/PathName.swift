/// Path string helpers. swift-corelibs-foundation's `NSString.deletingLastPathComponent` traps on
/// one-character paths (a file named `1` is common on CDs and exports), so paths are split here.
public enum PathName {
    /// The folder part of `path` ("" when there is none; "/" for a file at the root).
    public static func directory(of path: String) -> String {
        var trimmed = Substring(path)
        while trimmed.count > 1 && trimmed.hasSuffix("/") { trimmed = trimmed.dropLast() }
        guard let slash = trimmed.lastIndex(of: "/") else { return "" }
        return slash == trimmed.startIndex ? "/" : String(trimmed[..<slash])
    }

    /// The last component of `path`.
    public static func name(of path: String) -> String {
        var trimmed = Substring(path)
        while trimmed.count > 1 && trimmed.hasSuffix("/") { trimmed = trimmed.dropLast() }
        guard let slash = trimmed.lastIndex(of: "/") else { return String(trimmed) }
        return String(trimmed[trimmed.index(after: slash)...])
    }

    /// The name without its extension (a leading dot does not start an extension).
    public static func stem(of name: String) -> String {
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return name }
        return String(name[..<dot])
    }

    /// The extension of a name, lower-cased ("" when none).
    public static func pathExtension(of name: String) -> String {
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return "" }
        return String(name[name.index(after: dot)...]).lowercased()
    }

    /// `base/component`, with no doubled or dangling slash.
    public static func join(_ base: String, _ component: String) -> String {
        if component.isEmpty { return base }
        if base.isEmpty { return component }
        return (base.hasSuffix("/") ? String(base.dropLast()) : base) + "/" + (component.hasPrefix("/") ? String(component.dropFirst()) : component)
    }
}
