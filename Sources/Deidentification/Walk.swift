import DicomCore
import Foundation

/// One pass of a profile over a dataset tree.
struct Walk {
    let deidentifier: HeaderDeidentifier
    let recording: Bool
    let shifter: DateShifter?
    var result = HeaderDeidentifier.Result()

    var profile: Profile { deidentifier.profile }
    var pseudonymizer: Pseudonymizer { deidentifier.pseudonymizer }

    static let maxDepth = 64
    static let overlayData: UInt16 = 0x3000

    init(deidentifier: HeaderDeidentifier, recording: Bool, shifter: DateShifter?) {
        self.deidentifier = deidentifier
        self.recording = recording
        self.shifter = shifter
    }

    mutating func process(_ item: Dataset, path: String, depth: Int = 0) throws {
        guard depth < Self.maxDepth else {
            throw DeidentificationError.elementFailed(tag: path, reason: "sequences nested deeper than \(Self.maxDepth)")
        }
        let elements = item.elements
        var removedOverlayGroups = Set<UInt16>()
        var keptPrivateBlocks = Set<Tag>()
        for element in elements where !element.tag.isPrivateCreator {
            let tag = element.tag
            // Paths are only needed for dry-run records; building them costs more than the action itself.
            let where_ = recording ? (path.isEmpty ? tag.description : path + ">" + tag.description) : ""
            if tag.isGroupLength {
                try item.remove(tag)
            } else if tag.isPrivate {
                if try processPrivate(element, in: item, path: where_, depth: depth), let block = tag.privateCreatorTag {
                    keptPrivateBlocks.insert(block)
                }
            } else if let rule = profile.rule(for: tag) {
                let action = rule.action.resolved(vr: element.vr)
                try apply(action, to: element, in: item, path: where_, keyword: rule.keyword, reason: rule.source, depth: depth)
                if tag.isOverlayGroup, tag.element == Self.overlayData, action == .remove { removedOverlayGroups.insert(tag.group) }
            } else {
                try processUnlisted(element, in: item, path: where_, depth: depth)
            }
        }
        try removePrivateCreators(of: elements, keeping: keptPrivateBlocks, in: item, path: path)
        try removeOverlayGroups(removedOverlayGroups, in: item, path: path)
    }

    // MARK: actions

    mutating func apply(_ action: Action, to element: Element, in item: Dataset, path: String, keyword: String?,
                        reason: String, depth: Int) throws {
        let tag = element.tag
        let vr = element.vr
        record(path, tag, keyword, action.code, reason)
        switch action {
        case .remove:
            try item.remove(tag)
            result.counts.removed += 1
        case .zero:
            if let token = patientToken(for: tag, in: item) {
                try item.set(tag, string: token)
            } else {
                try item.setEmpty(tag)
            }
            result.counts.emptied += 1
        case .dummy:
            try applyDummy(to: element, in: item, path: path, depth: depth)
        case .keep:
            if vr.isSequence { try cleanItems(of: tag, in: item, path: path, depth: depth) }
            result.counts.kept += 1
        case .clean:
            try applyClean(to: element, in: item, path: path, depth: depth)
            result.counts.cleaned += 1
        case .uid:
            if vr.isSequence {
                try cleanItems(of: tag, in: item, path: path, depth: depth)
            } else {
                try replaceUIDs(tag, in: item)
            }
        default:
            try apply(action.resolved(vr: vr), to: element, in: item, path: path, keyword: keyword, reason: reason, depth: depth)
        }
    }

    mutating func applyDummy(to element: Element, in item: Dataset, path: String, depth: Int) throws {
        let tag = element.tag
        if element.vr == .UI {
            try replaceUIDs(tag, in: item)
        } else if element.vr.isSequence {
            // A sequence's dummy is one empty item: its content is what identifies.
            try item.setEmpty(tag)
            try item.appendItem(tag)
        } else if let token = patientToken(for: tag, in: item) {
            try item.set(tag, string: token)
        } else if let dummy = DummyValue.text(for: element.vr) {
            try item.set(tag, string: dummy)
        } else if let bytes = DummyValue.bytes(for: element.vr) {
            try item.set(tag, bytes: bytes)
        } else {
            try item.setEmpty(tag)
        }
        result.counts.dummied += 1
    }

    /// C: dates move by the patient's shift (Modified Dates option); sequences are cleaned item by item;
    /// other values of similar meaning that cannot identify are not known in general, so they are emptied.
    mutating func applyClean(to element: Element, in item: Dataset, path: String, depth: Int) throws {
        let tag = element.tag
        switch element.vr.code {
        case "SQ": try cleanItems(of: tag, in: item, path: path, depth: depth)
        case "DA", "DT":
            if let shifter, let value = item.string(tag) {
                try item.set(tag, string: shifter.shift(value, vr: element.vr))
            } else {
                try item.setEmpty(tag)
            }
        case "TM": break  // a shift by whole days leaves times of day unchanged
        case "UI": try replaceUIDs(tag, in: item)
        default: try item.setEmpty(tag)
        }
    }

    mutating func cleanItems(of tag: Tag, in item: Dataset, path: String, depth: Int) throws {
        for (index, child) in item.items(tag).enumerated() {
            try process(child, path: recording ? "\(path)[\(index)]" : "", depth: depth + 1)
        }
    }

    /// U: every value replaced by its keyed pseudonym; well-known DICOM UIDs (1.2.840.10008.*) kept.
    mutating func replaceUIDs(_ tag: Tag, in item: Dataset) throws {
        guard let value = item.string(tag) else { return }
        let replaced = value.split(separator: "\\", omittingEmptySubsequences: false).map { part -> String in
            let uid = part.trimmingPadding
            if uid.isEmpty || uid.hasPrefix("1.2.840.10008.") { return uid }
            return pseudonymizer.uid(uid)
        }.joined(separator: "\\")
        try item.set(tag, string: replaced)
        result.counts.uidsReplaced += 1
    }

    /// Patient's Name and Patient ID become stable tokens (the patterns are profile parameters).
    func patientToken(for tag: Tag, in item: Dataset) -> String? {
        guard tag == .patientName || tag == .patientID, let original = item.string(tag),
              !original.trimmingPadding.isEmpty else { return nil }
        let pattern = tag == .patientName ? profile.parameters.patientNamePattern : profile.parameters.patientIDPattern
        guard !pattern.isEmpty else { return nil }
        return pseudonymizer.token(PatientIdentity.key(of: item), domain: tag == .patientName ? "patient-name" : "patient-id",
                                   pattern: pattern)
    }

    // MARK: private and unlisted attributes

    /// Returns whether the element was kept (so its creator must be kept too).
    mutating func processPrivate(_ element: Element, in item: Dataset, path: String, depth: Int) throws -> Bool {
        let tag = element.tag
        let creator = item.privateCreator(of: tag)
        if let creator, let rule = profile.privateRules[PrivateElementKey(group: tag.group, creator: creator, element: UInt8(tag.element & 0xFF))] {
            try apply(rule.action.resolved(vr: element.vr), to: element, in: item, path: path, keyword: creator,
                      reason: rule.source, depth: depth)
            return item.contains(tag)
        }
        if profile.hasOption("retain-safe-private") && profile.isSafePrivate(tag, creator: creator) {
            let action: Action = element.vr == .UI && !profile.hasOption("retain-uids") ? .uid : .keep
            try apply(action, to: element, in: item, path: path, keyword: creator, reason: "retain-safe-private (safe list)", depth: depth)
            return true
        }
        record(path, tag, creator ?? "private (no creator)", Action.remove.code, profile.privateDefault?.source ?? "private attribute")
        try item.remove(tag)
        result.counts.privateRemoved += 1
        return false
    }

    mutating func removePrivateCreators(of elements: [Element], keeping kept: Set<Tag>, in item: Dataset, path: String) throws {
        for element in elements where element.tag.isPrivateCreator && !kept.contains(element.tag) {
            record(path.isEmpty ? element.tag.description : path + ">" + element.tag.description, element.tag,
                   "PrivateCreator", Action.remove.code, "no kept element in its block")
            try item.remove(element.tag)
            result.counts.privateRemoved += 1
        }
    }

    mutating func removeOverlayGroups(_ groups: Set<UInt16>, in item: Dataset, path: String) throws {
        guard !groups.isEmpty else { return }
        for element in item.elements where groups.contains(element.tag.group) {
            record(path.isEmpty ? element.tag.description : path + ">" + element.tag.description, element.tag,
                   "Overlay", Action.remove.code, "its overlay data was removed")
            try item.remove(element.tag)
            result.counts.removed += 1
        }
    }

    mutating func processUnlisted(_ element: Element, in item: Dataset, path: String, depth: Int) throws {
        let tag = element.tag
        let keyword = recording ? DataDictionary.entry(tag: tag)?.keyword : nil
        switch profile.unlisted.decision(for: element) {
        case .keep:
            if recording { record(path, tag, keyword, Action.keep.code, "not in Table E.1-1; kept by retained-attributes policy") }
        case .cleanItems:
            record(path, tag, keyword, Action.keep.code, "not in Table E.1-1; sequence kept, items cleaned")
            try cleanItems(of: tag, in: item, path: path, depth: depth)
        case .remapUID where profile.hasOption("retain-uids"):
            if recording { record(path, tag, keyword, Action.keep.code, "not in Table E.1-1; UIDs kept by retain-uids") }
        case .remapUID:
            record(path, tag, keyword, Action.uid.code, "not in Table E.1-1; UIDs replaced, well-known 1.2.840.10008.* kept")
            try replaceUIDs(tag, in: item)
        case .remove:
            record(path, tag, keyword, Action.remove.code, "not in Table E.1-1; not known to be safe")
            try item.remove(tag)
            result.counts.unlistedRemoved += 1
        }
    }

    mutating func record(_ path: String, _ tag: Tag, _ keyword: String?, _ action: String, _ reason: String) {
        guard recording else { return }
        result.records.append(ActionRecord(path: path, tag: tag, keyword: keyword ?? DataDictionary.entry(tag: tag)?.keyword ?? "",
                                           action: action, reason: reason))
    }
}
