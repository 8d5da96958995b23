"""`dcmdeid convert --format png`: the PNGs exist (one per frame), Pillow reads them, they have the
image's size and the requested dpi (pHYs), and they look like pydicom's rendering of the same frame
under the same policy (colour converted; monochrome: modality LUT, first stored window or the frame's
min/max, MONOCHROME1 inverted)."""

from __future__ import annotations

import os
import tempfile
import time
from collections.abc import Sequence

from harness import (CORPUS, DCMDEID, MAX_PIXEL_CHECK_BYTES, REPO, Result, declared_pixel_bytes, files_under,
                     process_failure, pydicom_setup, read_for_pixels, run_limited)

PNG_DPI = 150
COLOUR = ("RGB", "YBR_FULL", "YBR_FULL_422", "YBR_RCT", "YBR_ICT", "PALETTE COLOR")
# Mean absolute difference (0-255) allowed between our render and the reference. Colour: decoders and
# YCbCr rounding differ by a level or two. Monochrome: we apply rescale where the reference applies a
# Modality LUT Sequence too; a wrong window, inversion or sign is off by tens.
TOLERANCE = {"colour": 2.0, "monochrome": 8.0}


def comparable_colour(row: dict) -> bool:
    """Colour images whose render is compared with pydicom's (see reference_render)."""
    return row["photometric"] == "PALETTE COLOR" or (row["photometric"] in COLOUR and row["bits_alloc"] == "8")


def png_sample(rows: list[dict]) -> list[dict]:
    """Decodable images: every colour one, and one per (photometric, syntax family, multi-frame) kind of
    the others, smallest first."""
    def family(ts: str) -> str:
        for key in ("JPEG2000", "JPEGLS", "RLE", "JPEGLossless", "JPEGBaseline", "JPEGExtended", "BigEndian", "Deflated"):
            if key.lower() in ts.lower().replace("-", ""):
                return key
        return "native"
    chosen: dict[tuple, dict] = {}
    for row in sorted(rows, key=lambda r: int(r["bytes"])):
        # What DCMTK decodes, J2K (OpenJPEG), and colour in a required syntax even where DCMTK's
        # renderer fails (segmented palettes).
        decodable = row["dcmtk_decode_frame1"] in ("dcmj2pnm", "dcml2pnm") or (
            "JPEG2000" in row["transfer_syntax"] and row["dcmdump_rc"] == "0") or (
            comparable_colour(row) and row["dcmdump_rc"] == "0" and not row["transfer_syntax"].startswith("1.2."))
        try:
            frames = int(row["frames"])
            rows_, cols = (int(v) for v in row["rows_x_cols"].split("x"))
        except ValueError:
            continue
        if not decodable or frames > 16 or int(row["bytes"]) > 3_000_000 or row["bits_alloc"] not in ("8", "16"):
            continue
        key = (row["photometric"], family(row["transfer_syntax"]), frames > 1)
        if comparable_colour(row):
            key += (row["set"], row["path"])
        chosen.setdefault(key, {"label": f"{row['set']}/{row['path']}", "path": os.path.join(CORPUS, row["set"], row["path"]),
                                "frames": frames, "rows": rows_, "columns": cols})
    return sorted(chosen.values(), key=lambda item: item["label"])


def png_items_for(paths: list[str]) -> list[dict]:
    """PNG checks for the given files (TestData samples), their geometry read with pydicom."""
    import pydicom
    pydicom_setup()
    items = []
    for path in paths:
        dataset = pydicom.dcmread(path, stop_before_pixels=True, force=True)
        items.append({"label": os.path.relpath(path, REPO), "path": path, "rows": int(dataset.Rows),
                      "columns": int(dataset.Columns), "frames": int(dataset.get("NumberOfFrames", 1) or 1)})
    return items


def pydicom_decodes(path: str) -> tuple[bool, str]:
    try:
        dataset = read_for_pixels(path)
        size = declared_pixel_bytes(dataset)
        if size < 0 or size > MAX_PIXEL_CHECK_BYTES:
            return False, f"declared image size {size}"
        dataset.pixel_array
        return True, ""
    except Exception as error:
        return False, f"{type(error).__name__}: {str(error).splitlines()[0][:80] if str(error) else ''}"


def reference_render(path: str):
    """(kind, frames) with pydicom's 8-bit rendering of each frame (frames x rows x cols [x 3]), or
    None when pydicom cannot render it."""
    try:
        dataset = read_for_pixels(path)
        if declared_pixel_bytes(dataset) > MAX_PIXEL_CHECK_BYTES:
            return None
        photometric = str(dataset.get("PhotometricInterpretation", "")).strip()
        if photometric.startswith("MONOCHROME"):
            return "monochrome", reference_monochrome(dataset, photometric)
        return "colour", reference_colour(dataset, photometric)
    except Exception:
        return None


def reference_colour(dataset, photometric: str):
    import numpy
    from pydicom.pixels import apply_color_lut
    if photometric == "PALETTE COLOR":
        rgb = apply_color_lut(dataset.pixel_array, dataset)
        bits = int(dataset.RedPaletteColorLookupTableDescriptor[2])
        rgb = (rgb >> 8).astype(numpy.uint8) if bits == 16 else rgb.astype(numpy.uint8)
    elif photometric in COLOUR and dataset.BitsAllocated == 8:
        rgb = dataset.pixel_array  # pydicom converts YBR to RGB
    else:
        return None
    return rgb.reshape((-1,) + rgb.shape[-3:])


def reference_monochrome(dataset, photometric: str):
    import numpy
    from pydicom.pixels import apply_modality_lut
    stored = dataset.pixel_array
    frames = stored.reshape((-1,) + stored.shape[-2:])
    if int(dataset.get("PixelRepresentation", 0) or 0) == 0:  # overlay bits above Bits Stored do not count
        frames = frames & ((1 << int(dataset.get("BitsStored", dataset.BitsAllocated))) - 1)
    window = None
    if "WindowCenter" in dataset and "WindowWidth" in dataset:
        center, width = first_number(dataset.WindowCenter), first_number(dataset.WindowWidth)
        if width > 0:
            window = (center - 0.5 - (width - 1) / 2, center - 0.5 + (width - 1) / 2)
    rendered = []
    for frame in frames:
        values = apply_modality_lut(frame, dataset).astype(float)
        low, high = window if window else (values.min(), values.max())
        scaled = numpy.clip(numpy.round((values - low) / max(high - low, 1e-9) * 255), 0, 255)
        rendered.append((255 - scaled) if photometric == "MONOCHROME1" else scaled)
    return numpy.array(rendered)


def first_number(value) -> float:
    """The first of a multi-valued DS (pydicom's MultiValue), or the value itself."""
    return float(value[0]) if isinstance(value, Sequence) and not isinstance(value, str) else float(value)


def check_png(item: dict) -> Result:
    path = item["path"]
    result = Result(f"{item['label']} [png]", "FAIL")
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="dcmdeid-png-") as out_dir:
        rc, _, stderr = run_limited([DCMDEID, "convert", path, "--output", out_dir, "--format", "png",
                                     "--dpi", str(PNG_DPI)])
        left = files_under(out_dir)
        name = os.path.basename(path)
        stem = os.path.splitext(name)[0] if os.path.splitext(name)[1].lower() in (".dcm", ".dicom") else name
        frames = item["frames"]
        expected = [f"{stem}.png"] if frames == 1 else [f"{stem}-f{i + 1:04d}.png" for i in range(frames)]
        if process_failure(rc):
            result.detail = process_failure(rc)
        elif rc != 0:
            decodable, why = pydicom_decodes(path)
            if decodable:
                result.detail = f"exit {rc}, though pydicom decodes it: {stderr.strip()[:200]}"
            elif rc == 1 and not left and len(stderr.strip().splitlines()) == 1:
                result.status = "refused"
                result.detail = f"{stderr.strip().split(path, 1)[-1].lstrip(': ')} (pydicom: {why})"
            else:
                result.detail = f"exit {rc}, output {left}: {stderr.strip()[:200]}"
        elif left != sorted(expected):
            result.detail = f"wrote {left[:4]}{'...' if len(left) > 4 else ''}, expected {expected[:2]}... ({len(expected)})"
        else:
            problems = check_pngs(out_dir, expected, item, reference_render(path), result.notes)
            if problems:
                result.detail = "; ".join(problems[:3])
            else:
                result.status = "ok"
                result.detail = f"{len(expected)} PNG(s) {item['columns']}x{item['rows']} @ {PNG_DPI} dpi" + \
                    "".join(f", {note}" for note in result.notes)
    result.seconds = time.monotonic() - started
    return result


def check_pngs(out_dir: str, names: list[str], item: dict, reference, notes: list[str]) -> list[str]:
    import numpy
    from PIL import Image
    problems = []
    kind, frames = reference if reference else (None, None)
    for index, png in enumerate(names):
        try:
            with Image.open(os.path.join(out_dir, png)) as image:
                image.load()
                dpi = image.info.get("dpi")
                if image.size != (item["columns"], item["rows"]):
                    problems.append(f"{png}: size {image.size}, expected {(item['columns'], item['rows'])}")
                if not dpi or abs(dpi[0] - PNG_DPI) > 1 or abs(dpi[1] - PNG_DPI) > 1:
                    problems.append(f"{png}: dpi {dpi}, expected {PNG_DPI}")
                if image.mode not in ("L", "RGB"):
                    problems.append(f"{png}: mode {image.mode}")
                pixels = numpy.asarray(image).astype(int)
        except Exception as error:
            problems.append(f"{png}: {type(error).__name__}: {error}")
            continue
        if frames is None or index >= len(frames):
            continue
        if pixels.shape != frames[index].shape:
            problems.append(f"{png}: {pixels.shape}, pydicom renders {frames[index].shape}")
            continue
        error = numpy.abs(pixels - frames[index].astype(int)).mean()
        if error > TOLERANCE[kind]:
            problems.append(f"{png}: differs from pydicom's {kind} render (mean difference {error:.1f})")
        elif index == 0:
            notes.append(f"matches pydicom's render" + (f" (mean difference {error:.1f})" if error >= 0.5 else ""))
    return problems
