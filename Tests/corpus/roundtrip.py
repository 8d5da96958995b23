#!/usr/bin/env python3
"""Round-trip corpus test for `dcmdeid convert` (issue 2, item 6).

For every DICOM object listed in the shared corpus' INVENTORY.tsv (plus the DICOM files inside its
.gz/.zip archives, among them the deeply nested sequence trap), run

    dcmdeid convert FILE --output DIR

under a timeout and an address-space limit, and check the result with independent readers
(dcmdump and pydicom), never with dcmdeid's own code:

* the process never dies by a signal and never times out;
* exit 0  => the output exists under the input's file name, nothing else is left in DIR,
             `dcmdump` reads it with exit 0, the dataset equals the input element by element
             (tag, VR and value at every depth, private elements included; file meta group 0002 and
             group lengths ignored; values compared decoded, so implicit->explicit or byte-order changes
             do not count), and, where pydicom can decode the input's pixels, the output's decode equal;
* exit !0 => exactly one stderr line, naming the file and giving a reason, and DIR left empty
             (no output, no temporary dot-files). A refusal is only accepted where issue 2 allows it:
             DCMTK itself cannot parse the input, or its transfer syntax is one issue 2 lets us refuse
             (HTJ2K, JPEG XL, Deflated Image Frame Compression, video, ...).

Then `--format png` is checked on a sample of decodable images (PNG readable by Pillow, right size,
pHYs dpi recorded, one PNG per frame).

Usage:  DCMDEID=.build/release/dcmdeid .venv/bin/python Tests/corpus/roundtrip.py [SUBSTRING...]
        (SUBSTRINGs restrict the run to matching corpus paths; CORPUS=dir overrides ../shared/data,
        JOBS=n the pool size, TIMEOUT=s the per-file timeout.)
Prints one line per file (ok / refused: reason / FAIL: why) and a summary; exits 1 on any FAIL.
"""

from __future__ import annotations

import collections
import concurrent.futures
import csv
import gzip
import io
import os
import re
import resource
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import warnings
import zipfile
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
CORPUS = os.path.abspath(os.environ.get("CORPUS", os.path.join(REPO, "..", "shared", "data")))
JOBS = int(os.environ.get("JOBS", "2"))
TIMEOUT = float(os.environ.get("TIMEOUT", "60"))
ADDRESS_SPACE = 8 << 30          # per dcmdeid / dcmdump process
CHECKER_ADDRESS_SPACE = 6 << 30  # per checker worker (pydicom decodes)
MAX_PIXEL_CHECK_BYTES = 1 << 30  # larger declared images are not decoded by the checker
MAX_ARCHIVE_MEMBER = 64 << 20    # zip/gz members larger than this are not extracted
PNG_DPI = 150


def default_binary() -> str:
    for config in ("release", "debug"):
        candidate = os.path.join(REPO, ".build", config, "dcmdeid")
        if os.path.exists(candidate):
            return candidate
    return os.path.join(REPO, ".build", "release", "dcmdeid")


DCMDEID = os.path.abspath(os.environ.get("DCMDEID", default_binary()))
DCMDUMP = shutil.which("dcmdump") or "dcmdump"

# Transfer syntaxes issue 2 requires us to read and write; a refusal of any other is acceptable
# provided it says "unsupported transfer syntax <UID> (<name>)".
MUST_HANDLE_SYNTAXES = {
    "1.2.840.10008.1.2": "Implicit VR Little Endian",
    "1.2.840.10008.1.2.1": "Explicit VR Little Endian",
    "1.2.840.10008.1.2.1.99": "Deflated Explicit VR Little Endian",
    "1.2.840.10008.1.2.2": "Explicit VR Big Endian",
    "1.2.840.10008.1.2.5": "RLE Lossless",
    "1.2.840.10008.1.2.4.50": "JPEG Baseline",
    "1.2.840.10008.1.2.4.51": "JPEG Extended",
    "1.2.840.10008.1.2.4.57": "JPEG Lossless",
    "1.2.840.10008.1.2.4.70": "JPEG Lossless SV1",
    "1.2.840.10008.1.2.4.80": "JPEG-LS Lossless",
    "1.2.840.10008.1.2.4.81": "JPEG-LS Near-Lossless",
    "1.2.840.10008.1.2.4.90": "JPEG 2000 Lossless",
    "1.2.840.10008.1.2.4.91": "JPEG 2000",
    "1.2.840.10008.1.2.4.92": "JPEG 2000 Part 2 Lossless",
    "1.2.840.10008.1.2.4.93": "JPEG 2000 Part 2",
}

# The traps issue 2 names: each must be present in the run and be refused with a reason or converted.
TRAPS = {
    "deeply nested sequence": "2026-05-06-Deeply-Nested-Sequence.dcm",
    "Rows=Columns=65535, tiny pixel data": "robustness/2026-05-26-oob-monochrome-65535.dcm",
    "Rows=Columns=46341 (int overflow)": "robustness/2026-05-26-oob-monochrome-46341.dcm",
    "3 GiB declared length in 100 KB": "3gb-bulk-data-truncated",
    "truncated (pixel data)": "test_files/MR_truncated.dcm",
    "truncated (sequence)": "test_files/rtplan_truncated.dcm",
    "truncated (encapsulated)": "emri_small_jpeg_2k_lossless_too_short.dcm",
    "bad VR": "test_files/badVR.dcm",
    "bad VR '  ' and oversized creator": "GH179B.dcm",
    "SQ encoded as CS": "Tag-0040-A170-VR-CS.dcm",
    "undefined-length private sequence": "test_files/priv_SQ.dcm",
    "nested undefined-length private sequence": "test_files/nested_priv_SQ.dcm",
    "UN sequence": "test_files/UN_sequence.dcm",
}


@dataclass
class Case:
    label: str                 # corpus-relative name shown in the report
    path: str                  # file on disk
    dcmdump_rc: int | None     # from INVENTORY.tsv; None = measure it
    syntax: str = ""           # from INVENTORY.tsv


@dataclass
class Result:
    label: str
    status: str                # "ok", "refused", "FAIL"
    detail: str = ""
    seconds: float = 0.0
    notes: list[str] = field(default_factory=list)


# ----------------------------------------------------------------------------------------------
# Running the tools under limits

def limit_child() -> None:
    """preexec_fn: cap address space, no core files, own process group (killed as a whole)."""
    resource.setrlimit(resource.RLIMIT_AS, (ADDRESS_SPACE, ADDRESS_SPACE))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))


def run_limited(argv: list[str], timeout: float = TIMEOUT) -> tuple[int | None, str, str]:
    """Runs argv with the limits; returns (returncode or None on timeout, stdout, stderr)."""
    process = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL,
                               preexec_fn=limit_child, start_new_session=True)
    try:
        out, err = process.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        out, err = process.communicate()
        return None, out.decode("utf-8", "replace"), err.decode("utf-8", "replace")
    return process.returncode, out.decode("utf-8", "replace"), err.decode("utf-8", "replace")


def dcmdump_status(path: str) -> str:
    """'' when dcmdump reads the file with exit 0, else why not."""
    rc, _, err = run_limited([DCMDUMP, "-q", path])
    if rc is None:
        return f"dcmdump timed out after {TIMEOUT:.0f} s"
    if rc < 0:
        return f"dcmdump died by signal {signal.Signals(-rc).name}"
    if rc != 0:
        first = err.strip().splitlines()[0] if err.strip() else ""
        return f"dcmdump exit {rc}: {first}"
    return ""


def files_under(directory: str) -> list[str]:
    found = []
    for root, dirs, files in os.walk(directory):
        for name in dirs + files:
            path = os.path.relpath(os.path.join(root, name), directory)
            if name in files or not os.listdir(os.path.join(root, name)):
                found.append(path)
    return sorted(found)


# ----------------------------------------------------------------------------------------------
# Dataset comparison with pydicom

def pydicom_setup() -> None:
    import pydicom.config
    warnings.simplefilter("ignore")
    pydicom.config.settings.reading_validation_mode = pydicom.config.IGNORE
    import logging
    logging.getLogger("pydicom").setLevel(logging.CRITICAL)


def tag_text(tag) -> str:
    return f"({tag >> 16:04X},{tag & 0xFFFF:04X})"


SWAP_WIDTH = {"OW": 2, "OF": 4, "OL": 4, "OD": 8, "OV": 8}


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

    def raw_bytes(self, dataset, tag, little: bool) -> bytes | None:
        """The value bytes as stored (for RawDataElements), byte-swapped to little endian for O* VRs."""
        raw = dataset.get_item(tag)
        value = getattr(raw, "value", None)
        if not isinstance(value, (bytes, bytearray)):
            return None
        vr = getattr(raw, "VR", None) or dataset[tag].VR
        width = SWAP_WIDTH.get(vr)
        if not little and width:
            import numpy
            value = numpy.frombuffer(value[: len(value) // width * width], dtype=f">u{width}").astype(
                f"<u{width}").tobytes() + value[len(value) // width * width:]
        return bytes(value)

    @staticmethod
    def converted(dataset, tag):
        try:
            return dataset[tag], None
        except Exception as error:  # pydicom cannot convert the raw value
            return None, f"{type(error).__name__}: {error}"

    def element(self, a, b, tag, where: str) -> None:
        here = f"{where}{tag_text(tag)}"
        raw_a = self.raw_bytes(a, tag, self.input_little)
        raw_b = self.raw_bytes(b, tag, self.output_little)
        ea, error_a = self.converted(a, tag)
        eb, error_b = self.converted(b, tag)
        if ea is None or eb is None:
            if raw_a is not None and raw_a == raw_b:
                return
            self.diffs.append(f"{here} unreadable by pydicom (input: {error_a}, output: {error_b})")
            return
        # VR: with an implicit-VR input the VR is not in the file, only in each reader's dictionary.
        vr_matters = not self.input_implicit
        if vr_matters and ea.VR != eb.VR:
            if tag == 0x7FE00010 and eb.VR == "OB" and getattr(b.get_item(tag), "is_undefined_length", False) \
                    and raw_a is not None and raw_a == raw_b:
                # Encapsulated Pixel Data must be OB (PS3.5 A.4); DCMTK writes it so, whatever the input said.
                self.notes.append(f"encapsulated Pixel Data VR {ea.VR} -> OB")
                return
            self.diffs.append(f"{here} VR {ea.VR} -> {eb.VR}")
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
            items_a, items_b = list(ea.value or []), list(eb.value or [])
            if len(items_a) != len(items_b):
                self.diffs.append(f"{here} {len(items_a)} items -> {len(items_b)}")
                return
            for index, (item_a, item_b) in enumerate(zip(items_a, items_b)):
                self.datasets(item_a, item_b, f"{here}[{index}]")
            return
        if raw_a is not None and raw_a == raw_b:
            return
        if self.values_equal(ea.value, eb.value):
            return
        if raw_a is not None and raw_b is not None and len(raw_a) % 2 == 1 and raw_b in (raw_a + b"\0", raw_a + b" "):
            # Values have even length (PS3.5 7.1.1): DCMTK pads an odd-length one, as it must.
            self.notes.append(f"odd-length {ea.VR} {tag_text(tag)} padded")
            return
        if ea.VR != eb.VR and (raw_a is not None and raw_b is not None) and raw_a.rstrip(b" \0") == raw_b.rstrip(b" \0"):
            return
        self.diffs.append(f"{here} {ea.VR} value {self.short(ea.value)} -> {eb.VR} {self.short(eb.value)}")

    @staticmethod
    def values_equal(x, y) -> bool:
        try:
            import numpy
            if isinstance(x, numpy.ndarray) or isinstance(y, numpy.ndarray):
                return numpy.array_equal(x, y)
            if isinstance(x, (bytes, bytearray)) and isinstance(y, (bytes, bytearray)):
                return bytes(x) == bytes(y)
            equal = x == y
            return bool(equal)
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
    """(differences, notes) between input and output datasets; no differences when the output equals
    some reading of the input."""
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
    diffs = []
    for old, new in zip(before, after):
        if old != new:
            diffs.append(f"{old.strip()[:70]!r} -> {new.strip()[:70]!r}")
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


def declared_pixel_bytes(dataset) -> int:
    try:
        rows, columns = int(dataset.Rows), int(dataset.Columns)
        bits = int(dataset.get("BitsAllocated", 8) or 8)
        samples = int(dataset.get("SamplesPerPixel", 1) or 1)
        frames = int(dataset.get("NumberOfFrames", 1) or 1)
        return rows * columns * samples * max(frames, 1) * max(bits // 8, 1)
    except Exception:
        return -1


def compare_pixels(input_path: str, output_path: str) -> tuple[str, str]:
    """('', note) when equal or not checkable, (failure, '') otherwise."""
    import numpy
    import pydicom
    try:
        source = pydicom.dcmread(input_path, force=True)
        if not any(k in source for k in ("PixelData", "FloatPixelData", "DoubleFloatPixelData")):
            return "", ""
        size = declared_pixel_bytes(source)
        if size < 0:
            return "", "pixels not checked (image pixel module incomplete)"
        if size > MAX_PIXEL_CHECK_BYTES:
            return "", f"pixels not checked (declared size {size} bytes)"
        if "TransferSyntaxUID" not in source.file_meta:  # a raw dataset: the encoding pydicom detected
            implicit, little = source.original_encoding
            source.file_meta.TransferSyntaxUID = (
                "1.2.840.10008.1.2" if implicit else "1.2.840.10008.1.2.1" if little else "1.2.840.10008.1.2.2")
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


# ----------------------------------------------------------------------------------------------
# One file

REFUSAL_LINE = re.compile(r"^(?:error:\s*)?(?P<path>.+?):\s*(?P<reason>\S.*)$")


def refusal_allowed(case: Case, reason: str, dcmtk_parses: bool) -> str:
    """'' when issue 2 allows this refusal, else why it is a FAIL."""
    if not dcmtk_parses:
        return ""
    match = re.search(r"unsupported transfer syntax (\S+) \(([^)]*)\)", reason)
    if match:
        uid = match.group(1)
        if uid in MUST_HANDLE_SYNTAXES:
            return f"refused a transfer syntax issue 2 requires ({MUST_HANDLE_SYNTAXES[uid]})"
        return ""
    return "DCMTK parses this file and issue 2 requires handling it"


def check_case(case: Case) -> Result:
    pydicom_setup()
    started = time.monotonic()
    result = Result(case.label, "FAIL")
    with tempfile.TemporaryDirectory(prefix="dcmdeid-rt-") as out_dir:
        rc, stdout, stderr = run_limited([DCMDEID, "convert", case.path, "--output", out_dir])
        left = files_under(out_dir)
        name = os.path.basename(case.path)
        if rc is None:
            result.detail = f"timed out after {TIMEOUT:.0f} s"
        elif rc < 0:
            result.detail = f"died by signal {signal.Signals(-rc).name}"
        elif rc == 0:
            result.status, result.detail = check_converted(case, os.path.join(out_dir, name), left, name, result)
        else:
            result.status, result.detail = check_refused(case, rc, stderr, left)
    result.seconds = time.monotonic() - started
    return result


def check_converted(case: Case, output: str, left: list[str], name: str, result: Result) -> tuple[str, str]:
    if left != [name]:
        return "FAIL", f"output dir holds {left}, expected [{name!r}]"
    status = dcmdump_status(output)
    if status:
        return "FAIL", f"output unreadable: {status}"
    try:
        diffs, notes = compare_files(case.path, output)
    except Exception as error:
        return "FAIL", f"cannot compare: {type(error).__name__}: {error}"
    if diffs:
        return "FAIL", "dataset differs: " + "; ".join(diffs)
    failure, note = compare_pixels(case.path, output)
    if failure:
        return "FAIL", failure
    result.notes += [note] + notes if note else notes
    return "ok", "; ".join(result.notes)


def check_refused(case: Case, rc: int, stderr: str, left: list[str]) -> tuple[str, str]:
    lines = [line for line in stderr.splitlines() if line.strip()]
    if rc != 1:
        return "FAIL", f"exit {rc} (expected 1 for a refused file); stderr: {stderr.strip()[:200]}"
    if left:
        return "FAIL", f"refused but left files behind: {left}"
    if len(lines) != 1:
        return "FAIL", f"expected one stderr line, got {len(lines)}: {stderr.strip()[:300]}"
    line = lines[0]
    if case.path not in line:
        return "FAIL", f"stderr line does not name the file: {line}"
    reason = line.split(case.path, 1)[1].lstrip(": ").strip()
    if len(reason) < 5:
        return "FAIL", f"stderr line gives no reason: {line}"
    dcmtk_parses = case.dcmdump_rc == 0 if case.dcmdump_rc is not None else not dcmdump_status(case.path)
    why_not = refusal_allowed(case, reason, dcmtk_parses)
    if why_not:
        return "FAIL", f"{why_not}, but refused: {reason}"
    return "refused", reason


# ----------------------------------------------------------------------------------------------
# PNG output on a sample of decodable images

def png_sample(rows: list[dict]) -> list[dict]:
    """Decodable images: every colour one (their renders are compared with pydicom's), and one per
    (photometric, syntax family, multi-frame) kind of the others, small first."""
    def family(ts: str) -> str:
        for key in ("JPEG2000", "JPEGLS", "RLE", "JPEGLossless", "JPEGBaseline", "JPEGExtended", "BigEndian", "Deflated"):
            if key.lower() in ts.lower().replace("-", ""):
                return key
        return "native"
    chosen: dict[tuple, dict] = {}
    for row in sorted(rows, key=lambda r: int(r["bytes"])):
        decodable = row["dcmtk_decode_frame1"] in ("dcmj2pnm", "dcml2pnm") or (
            "JPEG2000" in row["transfer_syntax"] and row["dcmdump_rc"] == "0")
        try:
            frames = int(row["frames"])
            rows_, cols = (int(v) for v in row["rows_x_cols"].split("x"))
        except ValueError:
            continue
        if not decodable or frames > 16 or int(row["bytes"]) > 3_000_000 or row["bits_alloc"] not in ("8", "16"):
            continue
        if "/" in row["path"] and row["path"].startswith("dicomdirtests"):
            continue
        key = (row["photometric"], family(row["transfer_syntax"]), frames > 1)
        if row["photometric"] in COLOUR and row["bits_alloc"] == "8":
            key += (row["set"], row["path"])
        chosen.setdefault(key, row)
    return sorted(chosen.values(), key=lambda r: (r["set"], r["path"]))


def pydicom_decodes(path: str) -> tuple[bool, str]:
    import pydicom
    try:
        dataset = pydicom.dcmread(path, force=True)
        size = declared_pixel_bytes(dataset)
        if size < 0 or size > MAX_PIXEL_CHECK_BYTES:
            return False, f"declared image size {size}"
        dataset.pixel_array
        return True, ""
    except Exception as error:
        return False, f"{type(error).__name__}: {str(error).splitlines()[0][:80] if str(error) else ''}"


COLOUR = ("RGB", "YBR_FULL", "YBR_FULL_422", "YBR_RCT", "YBR_ICT", "PALETTE COLOR")


def reference_rgb(path: str):
    """pydicom's 8-bit RGB rendering of a colour image (frames x rows x cols x 3), or None when the image
    is not 8-bit colour or pydicom cannot decode it. Monochrome renders depend on windowing choices and
    are not compared."""
    import numpy
    import pydicom
    from pydicom.pixels import apply_color_lut
    try:
        dataset = pydicom.dcmread(path, force=True)
        photometric = str(dataset.get("PhotometricInterpretation", "")).strip()
        if photometric == "PALETTE COLOR":
            rgb = apply_color_lut(dataset.pixel_array, dataset)
            bits = int(dataset.RedPaletteColorLookupTableDescriptor[2])
            rgb = (rgb >> 8).astype(numpy.uint8) if bits == 16 else rgb.astype(numpy.uint8)
        elif photometric in COLOUR and dataset.BitsAllocated == 8:
            rgb = dataset.pixel_array  # pydicom converts YBR to RGB
        else:
            return None
        return rgb.reshape((-1,) + rgb.shape[-3:])
    except Exception:
        return None


def check_png(row: dict) -> Result:
    import numpy
    from PIL import Image
    path = os.path.join(CORPUS, row["set"], row["path"])
    label = f"{row['set']}/{row['path']} [png]"
    result = Result(label, "FAIL")
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="dcmdeid-png-") as out_dir:
        rc, _, stderr = run_limited([DCMDEID, "convert", path, "--output", out_dir, "--format", "png",
                                     "--dpi", str(PNG_DPI)])
        left = files_under(out_dir)
        frames = int(row["frames"])
        rows_, cols = (int(v) for v in row["rows_x_cols"].split("x"))
        name = os.path.basename(path)
        stem = os.path.splitext(name)[0] if os.path.splitext(name)[1].lower() in (".dcm", ".dicom") else name
        expected = [f"{stem}.png"] if frames == 1 else [f"{stem}-f{i + 1:04d}.png" for i in range(frames)]
        if rc is None or rc < 0:
            result.detail = "timed out" if rc is None else f"died by signal {signal.Signals(-rc).name}"
        elif rc != 0:
            decodable, why = pydicom_decodes(path)
            if decodable:
                result.detail = f"exit {rc}, though pydicom decodes it: {stderr.strip()[:200]}"
            elif rc == 1 and not left and len(stderr.strip().splitlines()) == 1:
                result.status, result.detail = "refused", f"{stderr.strip().split(path, 1)[-1].lstrip(': ')} (pydicom: {why})"
            else:
                result.detail = f"exit {rc}, output {left}: {stderr.strip()[:200]}"
        elif left != sorted(expected):
            result.detail = f"wrote {left[:4]}{'...' if len(left) > 4 else ''}, expected {expected[:2]}... ({len(expected)})"
        else:
            problems = []
            reference = reference_rgb(path)
            for index, png in enumerate(expected):
                try:
                    with Image.open(os.path.join(out_dir, png)) as image:
                        image.load()
                        dpi = image.info.get("dpi")
                        if image.size != (cols, rows_):
                            problems.append(f"{png}: size {image.size}, expected {(cols, rows_)}")
                        if not dpi or abs(dpi[0] - PNG_DPI) > 1 or abs(dpi[1] - PNG_DPI) > 1:
                            problems.append(f"{png}: dpi {dpi}, expected {PNG_DPI}")
                        if image.mode not in ("L", "RGB"):
                            problems.append(f"{png}: mode {image.mode}")
                        pixels = numpy.asarray(image)
                        if png == expected[0] and pixels.min() == pixels.max():
                            result.notes.append("first frame renders uniform")
                        if reference is not None and index < len(reference):
                            if pixels.shape != reference[index].shape:
                                problems.append(f"{png}: {image.mode} {pixels.shape}, pydicom renders {reference[index].shape}")
                            else:
                                error = numpy.abs(pixels.astype(int) - reference[index].astype(int))
                                # YCbCr->RGB rounding and JPEG decoders differ by a few levels, no more.
                                if error.mean() > 2 or numpy.percentile(error, 99.9) > 12:
                                    problems.append(f"{png}: colours differ from pydicom's (mean {error.mean():.1f}, "
                                                    f"max {error.max()})")
                                elif index == 0:
                                    result.notes.append("colours match pydicom")
                except Exception as error:
                    problems.append(f"{png}: {type(error).__name__}: {error}")
            if problems:
                result.detail = "; ".join(problems[:3])
            else:
                result.status = "ok"
                result.detail = f"{len(expected)} PNG(s) {cols}x{rows_} @ {PNG_DPI} dpi" + \
                    "".join(f", {note}" for note in result.notes)
    result.seconds = time.monotonic() - started
    return result


# ----------------------------------------------------------------------------------------------
# The run

def limit_worker() -> None:
    # Soft limit only: the tools this worker starts set their own (larger) limit.
    resource.setrlimit(resource.RLIMIT_AS, (CHECKER_ADDRESS_SPACE, resource.getrlimit(resource.RLIMIT_AS)[1]))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    # Decoder libraries under pydicom print to fd 2; keep the report readable.
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 2)
    pydicom_setup()


def extract_archives(work: str) -> list[Case]:
    """DICOM files inside the corpus' .gz and .zip archives (the nested-sequence trap is one)."""
    cases = []
    for root, _, files in os.walk(CORPUS):
        for name in sorted(files):
            source = os.path.join(root, name)
            relative = os.path.relpath(source, CORPUS)
            target_dir = os.path.join(work, "archives", relative.replace(os.sep, "__"))
            members: list[tuple[str, bytes]] = []
            try:
                if name.endswith(".gz"):
                    with gzip.open(source) as handle:
                        data = handle.read(MAX_ARCHIVE_MEMBER + 1)
                    if len(data) <= MAX_ARCHIVE_MEMBER:
                        members.append((name[:-3], data))
                elif name.endswith(".zip"):
                    with zipfile.ZipFile(source) as archive:
                        for info in archive.infolist():
                            if not info.is_dir() and info.file_size <= MAX_ARCHIVE_MEMBER:
                                members.append((os.path.basename(info.filename), archive.read(info)))
            except (OSError, zipfile.BadZipFile, EOFError):
                continue
            for member, data in members:
                if not (data[128:132] == b"DICM" or data[:2] in (b"\x08\x00", b"\x02\x00")):
                    continue
                os.makedirs(target_dir, exist_ok=True)
                path = os.path.join(target_dir, member)
                with open(path, "wb") as handle:
                    handle.write(data)
                cases.append(Case(f"{relative}!{member}", path, None))
    return cases


def inventory() -> list[dict]:
    with open(os.path.join(CORPUS, "INVENTORY.tsv"), newline="") as handle:
        return list(csv.DictReader(handle, delimiter="\t"))


def run_pool(function, items: list, on_result) -> None:
    """Runs function over items in a pool of JOBS checker processes. If a checker process dies (a crash
    in a decoder under pydicom), the tasks that may have been running are retried one at a time, and
    one that kills its checker again is reported as a FAIL of that file."""
    pending = list(items)
    while pending:
        done: set[int] = set()
        try:
            with concurrent.futures.ProcessPoolExecutor(JOBS, initializer=limit_worker) as pool:
                futures = {pool.submit(function, item): index for index, item in enumerate(pending)}
                for future in concurrent.futures.as_completed(futures):
                    index = futures[future]
                    on_result(future.result())
                    done.add(index)
            pending = []
        except BrokenProcessPool:
            remaining = [item for index, item in enumerate(pending) if index not in done]
            suspects, pending = remaining[: JOBS + 1], remaining[JOBS + 1:]
            for item in suspects:
                try:
                    with concurrent.futures.ProcessPoolExecutor(1, initializer=limit_worker) as pool:
                        on_result(pool.submit(function, item).result())
                except BrokenProcessPool:
                    label = item.label if isinstance(item, Case) else f"{item['set']}/{item['path']} [png]"
                    on_result(Result(label, "FAIL", "the checker process died (pydicom/decoder crash)"))


def report(result: Result) -> None:
    line = {"ok": "ok", "refused": f"refused: {result.detail}", "FAIL": f"FAIL: {result.detail}"}[result.status]
    if result.status == "ok" and result.detail:
        line = f"ok ({result.detail})"
    print(f"{result.label}: {line}", flush=True)


def normalized_reason(reason: str) -> str:
    reason = re.sub(r"/\S+", "<path>", reason)
    return re.sub(r"\d{3,}", "N", reason)


def main(argv: list[str]) -> int:
    if not os.access(DCMDEID, os.X_OK):
        print(f"dcmdeid binary not found: {DCMDEID} (build it, or set DCMDEID)", file=sys.stderr)
        return 2
    if not os.path.exists(os.path.join(CORPUS, "INVENTORY.tsv")):
        print(f"corpus not found: {CORPUS} (set CORPUS)", file=sys.stderr)
        return 2
    filters = argv[1:]
    started = time.monotonic()
    rows = inventory()
    with tempfile.TemporaryDirectory(prefix="dcmdeid-corpus-") as work:
        cases = [Case(f"{r['set']}/{r['path']}", os.path.join(CORPUS, r["set"], r["path"]),
                      int(r["dcmdump_rc"]) if r["dcmdump_rc"].lstrip("-").isdigit() else None, r["transfer_syntax"])
                 for r in rows]
        cases += extract_archives(work)
        if filters:
            cases = [c for c in cases if any(f in c.label for f in filters)]
        missing = [c.label for c in cases if not os.path.exists(c.path)]
        cases = [c for c in cases if os.path.exists(c.path)]
        # Largest first, so the slowest files do not end the run alone.
        cases.sort(key=lambda c: -os.path.getsize(c.path))
        print(f"dcmdeid: {DCMDEID}\ncorpus:  {CORPUS}\nfiles:   {len(cases)} ({JOBS} at a time, "
              f"{TIMEOUT:.0f} s and {ADDRESS_SPACE >> 30} GiB each)\n", flush=True)

        results: list[Result] = []

        def collect(result: Result) -> None:
            results.append(result)
            report(result)

        run_pool(check_case, cases, collect)
        corpus_seconds = time.monotonic() - started

        print("\n== PNG output (--format png) on a sample of decodable images ==", flush=True)
        sample = [r for r in png_sample(rows) if not filters or any(f in f"{r['set']}/{r['path']}" for f in filters)]
        png_results: list[Result] = []

        def collect_png(result: Result) -> None:
            png_results.append(result)
            report(result)

        run_pool(check_png, sample, collect_png)

    return summarize(results, png_results, missing, filters, corpus_seconds, time.monotonic() - started)


def summarize(results, png_results, missing, filters, corpus_seconds, total_seconds) -> int:
    by_status = collections.Counter(r.status for r in results)
    failures = [r for r in results if r.status == "FAIL"] + [r for r in png_results if r.status == "FAIL"]
    print("\n== Summary ==")
    print(f"round trip: {len(results)} files: {by_status['ok']} ok, {by_status['refused']} refused, "
          f"{by_status['FAIL']} FAIL  ({corpus_seconds:.0f} s)")
    unchecked = sum(1 for r in results if any("pydicom cannot decode" in n for n in r.notes))
    equal = sum(1 for r in results if "pixels equal" in r.notes)
    print(f"pixels: {equal} compared equal, {unchecked} not decodable by pydicom (header-only check)")
    reasons = collections.defaultdict(list)
    for r in results:
        if r.status == "refused":
            reasons[normalized_reason(r.detail)].append(r.label)
    if reasons:
        print("refusals by reason:")
        for reason, labels in sorted(reasons.items(), key=lambda kv: -len(kv[1])):
            print(f"  {len(labels):3d}  {reason}")
            for label in sorted(labels):
                print(f"         {label}")
    png_by_status = collections.Counter(r.status for r in png_results)
    print(f"png: {len(png_results)} files: {png_by_status['ok']} ok, {png_by_status['refused']} refused, "
          f"{png_by_status['FAIL']} FAIL")
    noted = collections.Counter(re.sub(r"\(.*", "", n).strip() for r in results for n in r.notes
                                if not n.startswith("pixels equal"))
    if noted:
        print("accepted differences and fallbacks:")
        for note, count in noted.most_common():
            print(f"  {count:3d}  {note}")
    if not filters:
        print("traps:")
        for trap, fragment in TRAPS.items():
            hits = [r for r in results if r.label.endswith(fragment)]
            if not hits:
                failures.append(Result(fragment, "FAIL", "trap file not in the run"))
                print(f"  FAIL  {trap}: {fragment} not found in the corpus")
            for r in hits:
                print(f"  {r.status:7s} {trap}: {r.label}" + (f" ({r.detail})" if r.status != "ok" else ""))
    if missing:
        print(f"listed in INVENTORY.tsv but absent: {len(missing)}")
        for label in missing:
            print(f"  {label}")
    slowest = sorted(results + png_results, key=lambda r: -r.seconds)[:5]
    print("slowest: " + ", ".join(f"{r.label} {r.seconds:.1f}s" for r in slowest))
    if failures:
        print(f"\n{len(failures)} FAIL:")
        for r in failures:
            print(f"  {r.label}: {r.detail}")
    print(f"wall time {total_seconds:.0f} s")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
