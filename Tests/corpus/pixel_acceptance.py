#!/usr/bin/env python3
"""Independent check of redacted outputs (issue 4 acceptance), with pydicom and the dev set's truth.

usage: pixel_acceptance.py OUTPUT_ROOT DEV_SET REL...   (REL: e.g. US/img010.dcm)

For each REL: the output OUTPUT_ROOT/REL must be readable by pydicom with decodable pixels, in a
lossless transfer syntax, with the input's Rows/Columns/NumberOfFrames, BurnedInAnnotation NO and code
113101 (Clean Pixel Data) in DeidentificationMethodCodeSequence; and every PHI value box of the truth
file must be painted: on each of its frames at least 90% of the box's pixels changed, and the changed
pixels hold one value. Prints one line per file; exits 1 when any check fails.
"""
import json
import sys
from pathlib import Path

import numpy as np
import pydicom

LOSSLESS = {
    "1.2.840.10008.1.2", "1.2.840.10008.1.2.1", "1.2.840.10008.1.2.2", "1.2.840.10008.1.2.1.99",
    "1.2.840.10008.1.2.5", "1.2.840.10008.1.2.4.57", "1.2.840.10008.1.2.4.70", "1.2.840.10008.1.2.4.80",
    "1.2.840.10008.1.2.4.90",
}


def frames_of(ds):
    pixels = ds.pixel_array
    n = int(getattr(ds, "NumberOfFrames", 1) or 1)
    if n == 1:
        pixels = pixels[np.newaxis, ...]
    return pixels


def check(output_root, dev, rel):
    problems = []
    out_path = Path(output_root) / rel
    inp = pydicom.dcmread(Path(dev) / "input" / rel)
    truth = json.loads((Path(dev) / "truth" / rel.replace(".dcm", ".truth.json")).read_text())
    try:
        out = pydicom.dcmread(out_path)
        after = frames_of(out)
    except Exception as error:  # noqa: BLE001 - any failure to read is the finding
        return [f"not readable by pydicom: {error}"]
    syntax = str(out.file_meta.TransferSyntaxUID)
    if syntax not in LOSSLESS:
        problems.append(f"transfer syntax {syntax} is not lossless")
    for keyword in ("Rows", "Columns"):
        if getattr(out, keyword) != getattr(inp, keyword):
            problems.append(f"{keyword} changed")
    if int(getattr(out, "NumberOfFrames", 1) or 1) != int(getattr(inp, "NumberOfFrames", 1) or 1):
        problems.append("NumberOfFrames changed")
    if getattr(out, "BurnedInAnnotation", None) != "NO":
        problems.append(f"BurnedInAnnotation is {getattr(out, 'BurnedInAnnotation', None)!r}")
    codes = [item.CodeValue for item in getattr(out, "DeidentificationMethodCodeSequence", [])]
    if "113101" not in codes:
        problems.append(f"113101 not among the method codes {codes}")
    before = frames_of(inp)
    if out.PhotometricInterpretation != inp.PhotometricInterpretation and inp.PhotometricInterpretation.startswith("YBR"):
        before = np.stack([pydicom.pixels.convert_color_space(f, inp.PhotometricInterpretation, "RGB") for f in before])
    for item in truth["items"]:
        if not item["phi"]:
            continue
        x, y, w, h = item["phi_box"]
        for frame in item["frames"]:
            a, b = before[frame][y:y + h, x:x + w], after[frame][y:y + h, x:x + w]
            changed = np.any(a != b, axis=-1) if a.ndim == 3 else a != b
            values = b[changed] if b.ndim == 2 else b[changed].reshape(-1, b.shape[-1])
            distinct = len(np.unique(values, axis=0)) if values.size else 0
            if changed.mean() < 0.9 or distinct > 1:
                problems.append(f"PHI {item['category']} box {item['phi_box']} frame {frame}: "
                                f"{changed.mean():.0%} changed, {distinct} fill values")
    return problems


def main():
    output_root, dev, rels = sys.argv[1], sys.argv[2], sys.argv[3:]
    failed = 0
    for rel in rels:
        problems = check(output_root, dev, rel)
        print(f"{rel}: {'ok' if not problems else 'FAIL ' + '; '.join(problems)}")
        failed += bool(problems)
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
