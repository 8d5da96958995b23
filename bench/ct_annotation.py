"""Burns a typical CT corner annotation into copies of DICOM files (bench/pixel_bench.sh).

usage: ct_annotation.py SRC_DIR DST_DIR
Left: patient name, ID, birth date, study date and time (PHI); right: kVp/mAs, window, image number.
Drawn at the top of the stored range (3071) in DejaVu Sans Mono 13 px (PIL default font when missing).
"""
import sys
from pathlib import Path
import numpy as np
import pydicom
from PIL import Image, ImageDraw, ImageFont

src, dst = Path(sys.argv[1]), Path(sys.argv[2])
try:
    font = ImageFont.truetype("/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf", 13)
except OSError:
    font = ImageFont.load_default()
for i, path in enumerate(sorted(src.rglob("*.dcm"))):
    ds = pydicom.dcmread(path)
    mask = Image.new("L", (ds.Columns, ds.Rows), 0)
    draw = ImageDraw.Draw(mask)
    bd, sd, st = ds.PatientBirthDate, ds.StudyDate, ds.StudyTime
    left = [str(ds.PatientName).replace("^", ", "), f"ID {ds.PatientID}", f"DOB {bd[:4]}-{bd[4:6]}-{bd[6:]}",
            f"{sd[:4]}-{sd[4:6]}-{sd[6:]} {st[:2]}:{st[2:4]}:{st[4:6]}"]
    right = ["120 kVp 250 mAs", "W 400 L 40", f"IM {i + 1}"]
    for k, text in enumerate(left):
        draw.text((6, 6 + 16 * k), text, fill=255, font=font)
    for k, text in enumerate(right):
        draw.text((ds.Columns - 6 - draw.textlength(text, font=font), 6 + 16 * k), text, fill=255, font=font)
    pixels = ds.pixel_array.copy()
    pixels[np.array(mask) > 127] = 3071
    ds.PixelData = pixels.tobytes()
    out = dst / path.relative_to(src)
    out.parent.mkdir(parents=True, exist_ok=True)
    ds.save_as(out, enforce_file_format=True)
print(f"{dst.name}: {i + 1} files with a corner annotation")
