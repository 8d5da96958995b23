"""Is a converted file the same dataset as its input? Checked with pydicom, element by element, and
with dcmdump where pydicom reads a malformed input differently from DCMTK.

Accepted differences, each reported as a note and each required of a conforming writer:
* encapsulated Pixel Data written as OB where the input said OW (PS3.5 A.4);
* an odd-length value padded to even length (PS3.5 7.1.1);
* a value stored as UN (CP-246) written with the dictionary's VR, its bytes unchanged;
* with an implicit-VR input, VRs come from each reader's dictionary, so only values are compared
  (a private sequence pydicom sees as UN is parsed and compared item by item).
"""

from __future__ import annotations

import re

from harness import DCMDUMP, MAX_PIXEL_CHECK_BYTES, declared_pixel_bytes, read_for_pixels, run_limited

SWAP_WIDTH = {"OW": 2, "OF": 4, "OL": 4, "OD": 8, "OV": 8}


def tag_text(tag) -> str:
    return f"({tag >> 16:04X},{tag & 0xFFFF:04X})"


class Comparison:
    """Element-by-element comparison of an input dataset with its converted output."""

    def __init__(self, input_encoding: tuple[bool, bool], output_encoding: tuple[bool, bool]):
        self.input_implicit, self.input_little = input_encoding
        self.output_implicit, self.output_little = output_encoding
        self.diffs: list[str] = []
        self.notes: list[str] = []

    @staticmethod
    def relevant(tag) -> bool:
        return tag.group != 0x0002 and tag.element != 0x0000

    def datasets(self, a, b, where: str = "") -> None:
        tags_a = {t for t in a.keys() if self.relevant(t)}
        tags_b = {t for t in b.keys() if self.relevant(t)}
        for tag in sorted(tags_a - tags_b):
            self.diffs.append(f"{where}{tag_text(tag)} missing in output")
        for tag in sorted(tags_b - tags_a):
            self.diffs.append(f"{where}{tag_text(tag)} added in output")
        for tag in sorted(tags_a & tags_b):
            self.element(a, b, tag, where)

    @staticmethod
    def raw_bytes(dataset, tag, little: bool) -> bytes | None:
        """The value bytes as stored (RawDataElements only), byte-swapped to little endian for O* VRs."""
        raw = dataset.get_item(tag)
        value = getattr(raw, "value", None)
        if not isinstance(value, (bytes, bytearray)):
            return None
        vr = getattr(raw, "VR", None) or dataset[tag].VR
        width = SWAP_WIDTH.get(vr)
        if not little and width:
            import numpy
            whole = len(value) // width * width
            value = numpy.frombuffer(value[:whole], dtype=f">u{width}").astype(f"<u{width}").tobytes() + value[whole:]
        return bytes(value)

    @staticmethod
    def converted(dataset, tag):
        try:
            return dataset[tag], None
        except Exception as error:  # pydicom cannot convert the raw value
            return None, f"{type(error).__name__}: {error}"

    def element(self, a, b, tag, where: str) -> None:
        here = f"{where}{tag_text(tag)}"
        stored_vr_a = getattr(a.get_item(tag), "VR", None)  # before pydicom converts the element
        raw_a = self.raw_bytes(a, tag, self.input_little)
        raw_b = self.raw_bytes(b, tag, self.output_little)
        ea, error_a = self.converted(a, tag)
        eb, error_b = self.converted(b, tag)
        if ea is None or eb is None:
            if raw_a is None or raw_a != raw_b:
                self.diffs.append(f"{here} unreadable by pydicom (input: {error_a}, output: {error_b})")
            return
        # VR: with an implicit-VR input the VR is not in the file, only in each reader's dictionary.
        if not self.input_implicit and ea.VR != eb.VR:
            self.different_vr(tag, here, stored_vr_a, ea.VR, eb.VR, raw_a, raw_b, b)
            return
        if ea.VR == "UN" and eb.VR == "SQ" and self.input_implicit and raw_a is not None:
            # Implicit VR: a private sequence pydicom's dictionary does not know, DCMTK's does.
            from pydicom.values import convert_SQ
            try:
                ea = type(ea)(tag, "SQ", convert_SQ(raw_a, True, True))
            except Exception as error:
                self.diffs.append(f"{here} UN -> SQ, and the input value is not a sequence ({error})")
                return
        if ea.VR == "SQ" and eb.VR == "SQ":
            self.sequences(ea.value, eb.value, here)
            return
        if raw_a is not None and raw_a == raw_b:
            return
        if self.values_equal(ea.value, eb.value):
            return
        if raw_a is not None and raw_b is not None and len(raw_a) % 2 == 1 and raw_b in (raw_a + b"\0", raw_a + b" "):
            self.notes.append(f"odd-length {ea.VR} {tag_text(tag)} padded")  # PS3.5 7.1.1: values have even length
            return
        if ea.VR != eb.VR and raw_a is not None and raw_b is not None and raw_a.rstrip(b" \0") == raw_b.rstrip(b" \0"):
            return
        self.diffs.append(f"{here} {ea.VR} value {self.short(ea.value)} -> {eb.VR} {self.short(eb.value)}")

    def different_vr(self, tag, here, stored_vr_a, vr_a, vr_b, raw_a, raw_b, b) -> None:
        if stored_vr_a == "UN" and raw_a is not None and raw_a == raw_b:
            # Stored as UN (CP-246); DCMTK reads it with its dictionary's VR, pydicom with its own
            # (they differ for some private and US-or-SS tags): the value bytes are what count.
            self.notes.append("UN read with the dictionary VR")
        elif tag == 0x7FE00010 and vr_b == "OB" and getattr(b.get_item(tag), "is_undefined_length", False) \
                and raw_a is not None and raw_a == raw_b:
            # Encapsulated Pixel Data must be OB (PS3.5 A.4); DCMTK writes it so, whatever the input said.
            self.notes.append(f"encapsulated Pixel Data VR {vr_a} -> OB")
        else:
            self.diffs.append(f"{here} VR {vr_a} -> {vr_b}")

    def sequences(self, items_a, items_b, here: str) -> None:
        items_a, items_b = list(items_a or []), list(items_b or [])
        if len(items_a) != len(items_b):
            self.diffs.append(f"{here} {len(items_a)} items -> {len(items_b)}")
            return
        for index, (item_a, item_b) in enumerate(zip(items_a, items_b)):
            self.datasets(item_a, item_b, f"{here}[{index}]")

    @staticmethod
    def values_equal(x, y) -> bool:
        try:
            import numpy
            if isinstance(x, numpy.ndarray) or isinstance(y, numpy.ndarray):
                return numpy.array_equal(x, y)
            if isinstance(x, (bytes, bytearray)) and isinstance(y, (bytes, bytearray)):
                return bytes(x) == bytes(y)
            return bool(x == y)
        except Exception:
            return False

    @staticmethod
    def short(value) -> str:
        text = repr(value)
        return text if len(text) <= 60 else text[:57] + "..."


def input_readings(path: str):
    """Every sensible pydicom reading of the input: as a Part 10 file (forced), and, when the file starts
    like a bare dataset (a group 0002/0008 tag at offset 0), as a raw dataset in both little-endian
    encodings. A file whose 'preamble' is really data is read differently by each toolkit."""
    import pydicom
    from pydicom.filereader import read_dataset
    readings, errors = [], []
    try:
        dataset = pydicom.dcmread(path, force=True)
        readings.append((dataset, dataset.original_encoding))
    except Exception as error:
        errors.append(f"dcmread: {type(error).__name__}: {error}")
    with open(path, "rb") as handle:
        head = handle.read(4)
    if len(head) == 4 and int.from_bytes(head[:2], "little") in (0x0002, 0x0008):
        for implicit in (False, True):
            try:
                with open(path, "rb") as handle:
                    dataset = read_dataset(handle, implicit, True)
                if len(dataset) > 1:
                    readings.append((dataset, (implicit, True)))
            except Exception as error:
                errors.append(f"raw {'implicit' if implicit else 'explicit'}: {type(error).__name__}: {error}")
    return readings, errors


def compare_with_pydicom(input_path: str, output_path: str) -> tuple[list[str], list[str]]:
    """(differences, notes); no differences when the output equals some reading of the input."""
    import pydicom
    output = pydicom.dcmread(output_path)
    readings, errors = input_readings(input_path)
    if not readings:
        return [f"pydicom cannot read the input ({'; '.join(errors)})"], []
    best: list[str] | None = None
    for dataset, encoding in readings:
        comparison = Comparison(encoding, output.original_encoding)
        try:
            comparison.datasets(dataset, output)
        except Exception as error:
            comparison.diffs.append(f"comparison failed: {type(error).__name__}: {error}")
        if not comparison.diffs:
            return [], comparison.notes
        if best is None or len(comparison.diffs) < len(best):
            best = comparison.diffs
    return best or [], []


DUMP_LINE = re.compile(r"^(?P<indent>\s*)\((?P<group>[0-9a-f]{4}),(?P<element>[0-9a-f]{4})\) (?P<vr>\S\S) "
                       r"(?P<value>.*?)\s*#\s*(?P<length>\S+), (?P<vm>\d+) .*$")


def dcmdump_dataset(path: str) -> tuple[list[str] | None, str]:
    """The dataset as dcmdump reads it, normalised to compare encodings: no meta header, no group
    lengths, no delimitation items, sequence and item lengths not shown, UIDs as numbers."""
    rc, out, err = run_limited([DCMDUMP, "+L", "-Un", "-q", path])
    if rc != 0:
        return None, f"dcmdump exit {rc}: {err.strip()[:120]}"
    lines, in_dataset = [], False
    for line in out.splitlines():
        if line.startswith("# Dicom-Data-Set"):
            in_dataset = True
            continue
        match = DUMP_LINE.match(line)
        if not in_dataset or not match:
            continue
        group, element, vr, value = match["group"], match["element"], match["vr"], match["value"]
        if element == "0000" or (group == "fffe" and element in ("e00d", "e0dd")):
            continue
        value = re.sub(r"\((Sequence|Item) with (undefined|explicit) length (#=\d+)\)", r"(\1 \3)", value)
        if vr == "??":  # an invalid VR in the input, which can only be written as UN
            vr = "UN"
        lines.append(f"{match['indent']}({group},{element}) {vr} {value}")
    return lines, ""


def compare_with_dcmdump(input_path: str, output_path: str) -> list[str]:
    before, error = dcmdump_dataset(input_path)
    if before is None:
        return [f"input: {error}"]
    after, error = dcmdump_dataset(output_path)
    if after is None:
        return [f"output: {error}"]
    diffs = [f"{old.strip()[:70]!r} -> {new.strip()[:70]!r}" for old, new in zip(before, after) if old != new]
    if len(before) != len(after):
        diffs.append(f"{len(before)} elements -> {len(after)}")
    return diffs


def compare_files(input_path: str, output_path: str) -> tuple[list[str], list[str]]:
    """(differences, notes). pydicom is the reference reader; where it reads a malformed input
    differently from DCMTK (or not at all), the output is compared with the input as dcmdump reads it."""
    diffs, notes = compare_with_pydicom(input_path, output_path)
    if not diffs:
        return [], notes
    dump_diffs = compare_with_dcmdump(input_path, output_path)
    if not dump_diffs:
        return [], [f"compared with dcmdump (pydicom reads the input differently: {diffs[0][:80]})"]
    return [f"pydicom: {d}" for d in diffs[:2]] + [f"dcmdump: {d}" for d in dump_diffs[:2]], []


def compare_pixels(input_path: str, output_path: str) -> tuple[str, str]:
    """('', note) when pydicom decodes both to equal arrays or cannot decode the input; (failure, '')
    otherwise."""
    import numpy
    import pydicom
    try:
        source = read_for_pixels(input_path)
        if not any(k in source for k in ("PixelData", "FloatPixelData", "DoubleFloatPixelData")):
            return "", ""
        size = declared_pixel_bytes(source)
        if size < 0:
            return "", "pixels not checked (image pixel module incomplete)"
        if size > MAX_PIXEL_CHECK_BYTES:
            return "", f"pixels not checked (declared size {size} bytes)"
        expected = source.pixel_array
    except Exception as error:
        return "", f"pydicom cannot decode input pixels ({type(error).__name__})"
    try:
        actual = pydicom.dcmread(output_path).pixel_array
    except Exception as error:
        return f"pydicom decodes the input's pixels but not the output's: {type(error).__name__}: {error}", ""
    if expected.shape != actual.shape or expected.dtype != actual.dtype:
        return f"decoded pixels differ: {expected.shape} {expected.dtype} -> {actual.shape} {actual.dtype}", ""
    if not numpy.array_equal(expected, actual):
        return f"decoded pixels differ in {int(numpy.count_nonzero(expected != actual))} samples", ""
    return "", "pixels equal"
