#!/usr/bin/env python3
"""Round-trip corpus test for `dcmdeid convert` (issue 2, item 6).

For every DICOM object listed in the shared corpus' INVENTORY.tsv, the DICOM files inside its .gz/.zip
archives (among them the deeply nested sequence trap), and the repository's TestData/, run

    dcmdeid convert FILE --output DIR

under a timeout and an address-space limit, and check the result with independent readers
(dcmdump and pydicom), never with dcmdeid's own code:

* the process never dies by a signal and never times out;
* exit 0  => the output exists under the input's file name, nothing else is left in DIR,
             `dcmdump` reads it with exit 0, the dataset equals the input element by element
             (tag, VR and value at every depth, private elements included; file meta group 0002 and
             group lengths ignored; values compared decoded, so implicit->explicit or byte-order changes
             do not count; see compare_datasets.py for the differences a conforming writer must make),
             and, where pydicom can decode the input's pixels, the output's decode to an equal array;
* exit !0 => exactly one stderr line, naming the file and giving a reason, and DIR left empty
             (no output, no temporary dot-files). A refusal is only accepted where issue 2 allows it:
             DCMTK itself cannot parse the input, or its transfer syntax is one issue 2 lets us refuse
             (HTJ2K, JPEG XL, Deflated Image Frame Compression, video, ...). TestData/samples must
             convert; TestData/broken must be refused.

Then `--format png` is checked on a sample of decodable images (png_check.py).

Without the shared corpus (a fresh clone elsewhere), only TestData/ is tested, and the run says so.

Usage:  DCMDEID=.build/release/dcmdeid .venv/bin/python Tests/corpus/roundtrip.py [SUBSTRING...]
        SUBSTRINGs restrict the run to matching paths; CORPUS=dir overrides ../shared/data (and must
        exist), JOBS=n sets the pool size (2), TIMEOUT=s the per-file timeout (60).
Prints one line per file (ok / refused: reason / FAIL: why) and a summary; exits 1 on any FAIL.
"""

from __future__ import annotations

import collections
import concurrent.futures
import csv
import gzip
import os
import re
import resource
import shutil
import signal
import sys
import tempfile
import time
import zipfile
from concurrent.futures.process import BrokenProcessPool

from compare_datasets import compare_files, compare_pixels
from harness import (ADDRESS_SPACE, CHECKER_ADDRESS_SPACE, CORPUS, DCMDEID, JOBS, TEST_DATA, TIMEOUT, Case, Result,
                     dcmdump_status, files_under, process_failure, pydicom_setup, run_limited)
from png_check import check_png, png_items_for, png_sample

MAX_ARCHIVE_MEMBER = 64 << 20  # zip/gz members larger than this are not extracted

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

# The traps issue 2 names: each must be in the run, and be refused with a reason or converted.
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


# ----------------------------------------------------------------------------------------------
# One file

def check_case(case: Case) -> Result:
    started = time.monotonic()
    result = Result(case.label, "FAIL")
    with tempfile.TemporaryDirectory(prefix="dcmdeid-rt-") as work:
        out_dir, source = os.path.join(work, "out"), case.path
        if os.path.basename(case.path).upper() == "DICOMDIR":
            # `convert DICOMDIR` converts the files the directory references (Pipeline's DicomDirectory);
            # the DICOMDIR object itself is round-tripped under another name.
            source = os.path.join(work, "DICOMDIR-object")
            shutil.copyfile(case.path, source)
        rc, _, stderr = run_limited([DCMDEID, "convert", source, "--output", out_dir])
        left = files_under(out_dir) if os.path.isdir(out_dir) else []
        name = os.path.basename(source)
        if process_failure(rc):
            result.detail = process_failure(rc)
        elif rc == 0:
            result.status, result.detail = check_converted(case, os.path.join(out_dir, name), left, name, result)
            if result.status == "ok" and case.expect == "refuse":
                result.status, result.detail = "FAIL", "converted a file that must be refused"
        else:
            result.status, result.detail = check_refused(case, source, rc, stderr, left)
            if result.status == "refused" and case.expect == "convert":
                result.status, result.detail = "FAIL", f"refused a sample that must convert: {result.detail}"
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
    result.notes += list(dict.fromkeys([note] + notes if note else notes))
    return "ok", "; ".join(result.notes)


def check_refused(case: Case, source: str, rc: int, stderr: str, left: list[str]) -> tuple[str, str]:
    lines = [line for line in stderr.splitlines() if line.strip()]
    if rc != 1:
        return "FAIL", f"exit {rc} (expected 1 for a refused file); stderr: {stderr.strip()[:200]}"
    if left:
        return "FAIL", f"refused but left files behind: {left}"
    if len(lines) != 1:
        return "FAIL", f"expected one stderr line, got {len(lines)}: {stderr.strip()[:300]}"
    line = lines[0]
    if source not in line:
        return "FAIL", f"stderr line does not name the file: {line}"
    reason = line.split(source, 1)[1].lstrip(": ").strip()
    if len(reason) < 5:
        return "FAIL", f"stderr line gives no reason: {line}"
    dcmtk_parses = case.dcmdump_rc == 0 if case.dcmdump_rc is not None else not dcmdump_status(case.path)
    why_not = refusal_allowed(reason, dcmtk_parses)
    if why_not:
        return "FAIL", f"{why_not}, but refused: {reason}"
    return "refused", reason


def refusal_allowed(reason: str, dcmtk_parses: bool) -> str:
    """'' when issue 2 allows this refusal, else why it is a FAIL."""
    if not dcmtk_parses:
        return ""
    match = re.search(r"unsupported transfer syntax (\S+) \(([^)]*)\)", reason)
    if not match:
        return "DCMTK parses this file and issue 2 requires handling it"
    if match.group(1) in MUST_HANDLE_SYNTAXES:
        return f"refused a transfer syntax issue 2 requires ({MUST_HANDLE_SYNTAXES[match.group(1)]})"
    return ""


# ----------------------------------------------------------------------------------------------
# Running checks in a pool of checker processes

class CheckerTimeout(Exception):
    pass


def checker_alarm(signum, frame):
    raise CheckerTimeout()


def guarded(function, item, label: str) -> Result:
    """Bounds the time the checker itself (pydicom) may spend on one file."""
    signal.signal(signal.SIGALRM, checker_alarm)
    signal.alarm(int(TIMEOUT * 4))
    try:
        return function(item)
    except CheckerTimeout:
        return Result(label, "FAIL", f"the checker took over {TIMEOUT * 4:.0f} s on this file")
    finally:
        signal.alarm(0)


def check_case_guarded(case: Case) -> Result:
    return guarded(check_case, case, case.label)


def check_png_guarded(item: dict) -> Result:
    return guarded(check_png, item, f"{item['label']} [png]")


def limit_worker() -> None:
    # Soft limit only: the tools this worker starts set their own (larger) limit.
    resource.setrlimit(resource.RLIMIT_AS, (CHECKER_ADDRESS_SPACE, resource.getrlimit(resource.RLIMIT_AS)[1]))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    # Decoder libraries under pydicom print to fd 2; keep the report readable.
    os.dup2(os.open(os.devnull, os.O_WRONLY), 2)
    pydicom_setup()


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
                    on_result(future.result())
                    done.add(futures[future])
            pending = []
        except BrokenProcessPool:
            remaining = [item for index, item in enumerate(pending) if index not in done]
            suspects, pending = remaining[: JOBS + 1], remaining[JOBS + 1:]
            for item in suspects:
                try:
                    with concurrent.futures.ProcessPoolExecutor(1, initializer=limit_worker) as pool:
                        on_result(pool.submit(function, item).result())
                except BrokenProcessPool:
                    label = item.label if isinstance(item, Case) else f"{item['label']} [png]"
                    on_result(Result(label, "FAIL", "the checker process died (pydicom/decoder crash)"))


# ----------------------------------------------------------------------------------------------
# What to test

def inventory() -> list[dict]:
    with open(os.path.join(CORPUS, "INVENTORY.tsv"), newline="") as handle:
        return list(csv.DictReader(handle, delimiter="\t"))


def archive_members(source: str) -> list[tuple[str, bytes]]:
    name = os.path.basename(source)
    members = []
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
        return []
    # DICOM only: a Part 10 file, or a raw dataset starting with group 0002/0008.
    return [(m, data) for m, data in members if data[128:132] == b"DICM" or data[:2] in (b"\x08\x00", b"\x02\x00")]


def extract_archives(work: str) -> list[Case]:
    """DICOM files inside the corpus' .gz and .zip archives (the nested-sequence trap is one)."""
    cases = []
    for root, _, files in os.walk(CORPUS):
        for name in sorted(files):
            source = os.path.join(root, name)
            relative = os.path.relpath(source, CORPUS)
            for member, data in archive_members(source):
                target_dir = os.path.join(work, "archives", relative.replace(os.sep, "__"))
                os.makedirs(target_dir, exist_ok=True)
                path = os.path.join(target_dir, member)
                with open(path, "wb") as handle:
                    handle.write(data)
                cases.append(Case(f"{relative}!{member}", path, None))
    return cases


def test_data_cases() -> list[Case]:
    """The repository's own samples (which must convert) and broken files (which must be refused)."""
    cases = []
    for folder, expect in (("samples", "convert"), ("broken", "refuse")):
        directory = os.path.join(TEST_DATA, folder)
        if os.path.isdir(directory):
            for name in sorted(os.listdir(directory)):
                if not name.startswith("."):
                    cases.append(Case(f"TestData/{folder}/{name}", os.path.join(directory, name), None, expect=expect))
    return cases


# ----------------------------------------------------------------------------------------------
# The run

def report(result: Result) -> None:
    line = {"ok": "ok", "refused": f"refused: {result.detail}", "FAIL": f"FAIL: {result.detail}"}[result.status]
    if result.status == "ok" and result.detail:
        line = f"ok ({result.detail})"
    print(f"{result.label}: {line}", flush=True)


def main(argv: list[str]) -> int:
    if not os.access(DCMDEID, os.X_OK):
        print(f"dcmdeid binary not found: {DCMDEID} (build it, or set DCMDEID)", file=sys.stderr)
        return 2
    have_corpus = os.path.exists(os.path.join(CORPUS, "INVENTORY.tsv"))
    if not have_corpus and "CORPUS" in os.environ:
        print(f"corpus not found: {CORPUS}", file=sys.stderr)
        return 2
    filters = argv[1:]
    selected = lambda label: not filters or any(f in label for f in filters)
    started = time.monotonic()
    rows = inventory() if have_corpus else []
    with tempfile.TemporaryDirectory(prefix="dcmdeid-corpus-") as work:
        cases = [Case(f"{r['set']}/{r['path']}", os.path.join(CORPUS, r["set"], r["path"]),
                      int(r["dcmdump_rc"]) if r["dcmdump_rc"].lstrip("-").isdigit() else None, r["transfer_syntax"])
                 for r in rows]
        cases += (extract_archives(work) if have_corpus else []) + test_data_cases()
        cases = [c for c in cases if selected(c.label)]
        missing = [c.label for c in cases if not os.path.exists(c.path)]
        cases = sorted((c for c in cases if os.path.exists(c.path)), key=lambda c: -os.path.getsize(c.path))
        print(f"dcmdeid: {DCMDEID}\ncorpus:  {CORPUS if have_corpus else 'NOT FOUND, only TestData/ is tested'}\n"
              f"files:   {len(cases)} ({JOBS} at a time, {TIMEOUT:.0f} s and {ADDRESS_SPACE >> 30} GiB each)\n",
              flush=True)
        results: list[Result] = []
        run_pool(check_case_guarded, cases, lambda r: (results.append(r), report(r)))
        corpus_seconds = time.monotonic() - started

        print("\n== PNG output (--format png) on a sample of decodable images ==", flush=True)
        samples = [c.path for c in test_data_cases() if c.expect == "convert"]
        sample = [item for item in png_sample(rows) + png_items_for(samples) if selected(item["label"])]
        png_results: list[Result] = []
        run_pool(check_png_guarded, sample, lambda r: (png_results.append(r), report(r)))

    return summarize(results, png_results, missing, check_traps=have_corpus and not filters,
                     corpus_seconds=corpus_seconds, total_seconds=time.monotonic() - started)


def normalized_reason(reason: str) -> str:
    reason = re.sub(r"(?<!\w)/(?:[^\s/:]+/)+[^\s:]*", "<path>", reason)
    return re.sub(r"\d{3,}", "N", reason)


def summarize(results, png_results, missing, check_traps, corpus_seconds, total_seconds) -> int:
    by_status = collections.Counter(r.status for r in results)
    failures = [r for r in results + png_results if r.status == "FAIL"]
    print("\n== Summary ==")
    print(f"round trip: {len(results)} files: {by_status['ok']} ok, {by_status['refused']} refused, "
          f"{by_status['FAIL']} FAIL  ({corpus_seconds:.0f} s)")
    equal = sum(1 for r in results if "pixels equal" in r.notes)
    unchecked = sum(1 for r in results if any("pydicom cannot decode" in n for n in r.notes))
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
    noted = collections.Counter(re.sub(r"\(.*", "", n).strip() for r in results for n in r.notes if n != "pixels equal")
    if noted:
        print("accepted differences and fallbacks:")
        for note, count in noted.most_common():
            print(f"  {count:3d}  {note}")
    if check_traps:
        print("traps:")
        for trap, fragment in TRAPS.items():
            hits = [r for r in results if r.label.endswith(fragment)]
            if not hits:
                failures.append(Result(fragment, "FAIL", "trap file not in the run"))
                print(f"  FAIL    {trap}: {fragment} not found in the corpus")
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
