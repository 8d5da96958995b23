"""Configuration and process plumbing shared by the corpus test's modules: where things are, the
limits every tool runs under, and the result record each check returns."""

from __future__ import annotations

import os
import resource
import shutil
import signal
import subprocess
import warnings
from dataclasses import dataclass, field

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
CORPUS = os.path.abspath(os.environ.get("CORPUS", os.path.join(REPO, "..", "shared", "data")))
TEST_DATA = os.path.join(REPO, "TestData")
JOBS = int(os.environ.get("JOBS", "2"))
TIMEOUT = float(os.environ.get("TIMEOUT", "60"))
ADDRESS_SPACE = 8 << 30          # per dcmdeid / dcmdump process
CHECKER_ADDRESS_SPACE = 6 << 30  # per checker worker (pydicom decodes)
MAX_PIXEL_CHECK_BYTES = 1 << 30  # larger declared images are not decoded by the checker


def default_binary() -> str:
    for config in ("release", "debug"):
        candidate = os.path.join(REPO, ".build", config, "dcmdeid")
        if os.path.exists(candidate):
            return candidate
    return os.path.join(REPO, ".build", "release", "dcmdeid")


DCMDEID = os.path.abspath(os.environ.get("DCMDEID", default_binary()))
DCMDUMP = shutil.which("dcmdump") or "dcmdump"


@dataclass
class Case:
    label: str                 # corpus-relative name shown in the report
    path: str                  # file on disk
    dcmdump_rc: int | None     # from INVENTORY.tsv; None = measure it
    syntax: str = ""           # from INVENTORY.tsv
    expect: str = ""           # "convert" (TestData/samples) or "refuse" (TestData/broken); "" = either


@dataclass
class Result:
    label: str
    status: str                # "ok", "refused", "FAIL"
    detail: str = ""
    seconds: float = 0.0
    notes: list[str] = field(default_factory=list)


def limit_child() -> None:
    """preexec_fn: cap address space and forbid core files (the process group is set by Popen)."""
    resource.setrlimit(resource.RLIMIT_AS, (ADDRESS_SPACE, ADDRESS_SPACE))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))


def run_limited(argv: list[str], timeout: float = TIMEOUT) -> tuple[int | None, str, str]:
    """Runs argv under the limits, in its own process group (killed as a whole on timeout).
    Returns (returncode, negative for a signal, or None on timeout; stdout; stderr)."""
    process = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL,
                               preexec_fn=limit_child, start_new_session=True)
    try:
        out, err = process.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        try:
            os.killpg(process.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        out, err = process.communicate()
        return None, out.decode("utf-8", "replace"), err.decode("utf-8", "replace")
    return process.returncode, out.decode("utf-8", "replace"), err.decode("utf-8", "replace")


def process_failure(rc: int | None, tool: str = "") -> str:
    """'' for a normal exit, else 'timed out ...' / 'died by signal ...'."""
    prefix = f"{tool} " if tool else ""
    if rc is None:
        return f"{prefix}timed out after {TIMEOUT:.0f} s"
    if rc < 0:
        return f"{prefix}died by signal {signal.Signals(-rc).name}"
    return ""


def dcmdump_status(path: str) -> str:
    """'' when dcmdump reads the file with exit 0, else why not."""
    rc, _, err = run_limited([DCMDUMP, "-q", path])
    failure = process_failure(rc, "dcmdump")
    if failure:
        return failure
    if rc != 0:
        first = err.strip().splitlines()[0] if err.strip() else ""
        return f"dcmdump exit {rc}: {first}"
    return ""


def files_under(directory: str) -> list[str]:
    """Every file (dot-files included) and empty folder under directory, relative to it."""
    found = []
    for root, dirs, files in os.walk(directory):
        for name in files:
            found.append(os.path.relpath(os.path.join(root, name), directory))
        for name in dirs:
            if not os.listdir(os.path.join(root, name)):
                found.append(os.path.relpath(os.path.join(root, name), directory) + "/")
    return sorted(found)


def pydicom_setup() -> None:
    """Quiet, lenient pydicom: the corpus is full of invalid values on purpose."""
    import logging

    import pydicom.config
    warnings.simplefilter("ignore")
    pydicom.config.settings.reading_validation_mode = pydicom.config.IGNORE
    logging.getLogger("pydicom").setLevel(logging.CRITICAL)


def read_for_pixels(path: str):
    """The input read with pydicom, its Transfer Syntax UID filled in for a raw dataset (the encoding
    pydicom detected), so that its pixels can be decoded."""
    import pydicom
    dataset = pydicom.dcmread(path, force=True)
    if "TransferSyntaxUID" not in dataset.file_meta:
        implicit, little = dataset.original_encoding
        dataset.file_meta.TransferSyntaxUID = (
            "1.2.840.10008.1.2" if implicit else "1.2.840.10008.1.2.1" if little else "1.2.840.10008.1.2.2")
    return dataset


def declared_pixel_bytes(dataset) -> int:
    """Native size of the image the header declares; -1 when the image pixel module is incomplete."""
    try:
        rows, columns = int(dataset.Rows), int(dataset.Columns)
        bits = int(dataset.get("BitsAllocated", 8) or 8)
        samples = int(dataset.get("SamplesPerPixel", 1) or 1)
        frames = int(dataset.get("NumberOfFrames", 1) or 1)
        return rows * columns * samples * max(frames, 1) * max(bits // 8, 1)
    except Exception:
        return -1
