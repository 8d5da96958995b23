import Foundation
import CDCMTK

/// A dataset or sequence item, backed by DCMTK.
///
/// Why a live view instead of a copied Swift tree: DCMTK stays the single owner of the encoding,
/// so a file that is read and written unchanged is byte-for-byte what DCMTK would write, nothing
/// is lost in a conversion, and header-only work never copies pixel data. A `Dataset` keeps its
/// `Instance` alive; it is valid until the element holding it is removed.
public final class Dataset: @unchecked Sendable {
    let handle: OpaquePointer
    /// Keeps the owning file alive while any of its items is in use.
    let owner: AnyObject

    init(handle: OpaquePointer, owner: AnyObject) {
        self.handle = handle
        self.owner = owner
    }

    /// The elements of this item (not of nested items), in tag order.
    public var elements: [Element] {
        let count = dd_item_element_count(handle)
        var result: [Element] = []
        result.reserveCapacity(count)
        for index in 0..<count {
            var info = dd_element_info_t()
            var record = dd_error_t()
            if dd_item_element_at(handle, index, &info, &record) == 0 { result.append(Element(info)) }
        }
        return result
    }

    public func element(_ tag: Tag) -> Element? {
        var info = dd_element_info_t()
        return dd_item_find(handle, tag.group, tag.element, &info) == 0 ? Element(info) : nil
    }

    public func contains(_ tag: Tag) -> Bool { element(tag) != nil }

    /// The whole value as text (multiple values joined by `\`), as stored; nil when absent.
    public func string(_ tag: Tag) -> String? {
        var buffer: UnsafeMutablePointer<CChar>?
        var length = 0
        var record = dd_error_t()
        guard dd_item_get_string(handle, tag.group, tag.element, &buffer, &length, &record) == 0, let buffer else {
            return nil
        }
        defer { dd_buffer_free(buffer) }
        return String(unsafeUninitializedCapacity: length) { target in
            buffer.withMemoryRebound(to: UInt8.self, capacity: length) { source in
                _ = target.initialize(from: UnsafeBufferPointer(start: source, count: length))
            }
            return length
        }
    }

    /// Raw value bytes (for text VRs, the stored characters); nil when absent.
    public func bytes(_ tag: Tag) -> [UInt8]? {
        var buffer: UnsafeMutablePointer<UInt8>?
        var length = 0
        var record = dd_error_t()
        guard dd_item_get_bytes(handle, tag.group, tag.element, &buffer, &length, &record) == 0, let buffer else {
            if let text = string(tag), element(tag)?.vr.isText == true { return Array(text.utf8) }
            return nil
        }
        defer { dd_buffer_free(buffer) }
        return Array(UnsafeBufferPointer(start: buffer, count: length))
    }

    /// The first value of a text element, trimmed of padding.
    public func firstValue(_ tag: Tag) -> String? {
        string(tag)?.split(separator: "\\", omittingEmptySubsequences: false).first
            .map { $0.trimmingPadding }
    }

    /// A numeric value (US/SS/IS/DS... or its text form).
    public func integer(_ tag: Tag) -> Int? {
        firstValue(tag).flatMap { Int($0) ?? Double($0).map { Int($0) } }
    }

    public func double(_ tag: Tag) -> Double? { firstValue(tag).flatMap { Double($0) } }

    public func set(_ tag: Tag, string value: String, vr: VR? = nil) throws {
        try DCMTKStatus.check({ .elementOperationFailed(tag: tag, operation: "set", reason: $0) }) { record in
            Int32(value.withCString { pointer in
                withOptionalVR(vr) { dd_item_put_string(handle, tag.group, tag.element, $0, pointer, strlen(pointer), record) }
            })
        }
    }

    public func set(_ tag: Tag, bytes value: [UInt8], vr: VR? = nil) throws {
        try DCMTKStatus.check({ .elementOperationFailed(tag: tag, operation: "set", reason: $0) }) { record in
            value.withUnsafeBufferPointer { buffer in
                withOptionalVR(vr) { dd_item_put_bytes(handle, tag.group, tag.element, $0, buffer.baseAddress, buffer.count, record) }
            }
        }
    }

    /// Makes the value zero-length (a sequence loses its items); creates the element when absent.
    public func setEmpty(_ tag: Tag, vr: VR? = nil) throws {
        try DCMTKStatus.check({ .elementOperationFailed(tag: tag, operation: "empty", reason: $0) }) { record in
            withOptionalVR(vr) { dd_item_put_empty(handle, tag.group, tag.element, $0, record) }
        }
    }

    public func remove(_ tag: Tag) throws {
        try DCMTKStatus.check({ .elementOperationFailed(tag: tag, operation: "remove", reason: $0) }) { record in
            dd_item_remove(handle, tag.group, tag.element, record)
        }
    }

    /// The items of a sequence (empty when absent or not a sequence).
    public func items(_ tag: Tag) -> [Dataset] {
        guard let element = element(tag), element.isSequence else { return [] }
        return (0..<element.itemCount).compactMap { index in
            var record = dd_error_t()
            return dd_item_sequence_item(handle, tag.group, tag.element, index, &record)
                .map { Dataset(handle: $0, owner: owner) }
        }
    }

    /// Appends an empty item to a sequence, creating the sequence when absent.
    @discardableResult
    public func appendItem(_ tag: Tag) throws -> Dataset {
        let item = try DCMTKStatus.pointer({ .elementOperationFailed(tag: tag, operation: "append to", reason: $0) }) {
            dd_item_sequence_append(handle, tag.group, tag.element, $0)
        }
        return Dataset(handle: item, owner: owner)
    }

    /// The private creator reserving the block of a private data element, e.g. "GEMS_IDEN_01".
    public func privateCreator(of tag: Tag) -> String? {
        tag.privateCreatorTag.flatMap { firstValue($0) }
    }
}

private func withOptionalVR<R>(_ vr: VR?, _ body: (UnsafePointer<CChar>?) -> R) -> R {
    guard let vr else { return body(nil) }
    return vr.code.withCString { body($0) }
}

extension Element {
    init(_ info: dd_element_info_t) {
        var info = info
        let vrCode = withUnsafeBytes(of: &info.vr) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
        self.init(tag: Tag(info.group, info.element), vr: VR(vrCode), length: info.length,
                  itemCount: Int(info.item_count), isSequence: info.is_sequence != 0,
                  isEncapsulated: info.is_encapsulated != 0)
    }
}
