#!/usr/bin/env bash
# Burned-in-text pixel stage (issue 4, item 10): frames/s and peak RSS of `--pixels sensitive` on
# text-free 512x512 16-bit CT (single-frame files and one multi-frame file; `--pixels off` for
# reference), on the text-bearing development set (../shared/eval/dev-pixels), on CT with a corner
# annotation (bench/ct_annotation.py), and side by side with
# Microsoft Presidio's DICOM redactor (../shared/peers) with recall from the eval kit.
# usage: bench/pixel_bench.sh [N] [MF_FRAMES]   (run from the repo root after `make`)
#   N          text-free CT files (default 400); MF_FRAMES: frames of the multi-frame file (default 100, 0 = none)
#   PRESIDIO_N CT files given to both tools side by side (default 100)
#   PEERS_INSTALL=1 runs `bash ../shared/peers/install.sh` when /tmp/peers/venv-presidio is missing
#   REPEAT     runs of each dcmdeid row, the median reported (default 3): one run of a second or
#              two varies by 10-20% on this machine. Presidio rows run once (~20 s each).
# The CT frames are the text-free NEMA WG04 slice ../shared/data/nema-wg04-compsamples/CT1_UNC with fresh
# noise per frame (no two frames alike), or a synthetic phantom when that file is missing; a synthetic
# phantom corpus is measured as well. Rows marked * had a Swift build/test running beside them.
set -euo pipefail
BIN=${BIN:-.build/release/dcmdeid}
PY=${PY:-.venv/bin/python}
N=${1:-400}
MF=${2:-100}
PN=${PRESIDIO_N:-100}
REPEAT=${REPEAT:-3}
WORK=${WORK:-/tmp/dcmdeid-pixel-bench}
SHARED=${SHARED:-../shared}
PEERS=${PEERS:-/tmp/peers}
EVALPY=${EVALPY:-/tmp/evalvenv/bin/python}
DEV=$SHARED/eval/dev-pixels
CTSRC=$SHARED/data/nema-wg04-compsamples/CT1_UNC
[ -x "$BIN" ] || { echo "missing $BIN: run make first" >&2; exit 1; }
rm -rf "$WORK" && mkdir -p "$WORK"
head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n' > "$WORK/key"

echo "building corpora in $WORK ..."
gen() {  # outdir count mf-frames source(file|phantom)
  "$PY" - "$@" <<'EOF'
import sys
from pathlib import Path
import numpy as np
import pydicom
from pydicom.dataset import Dataset, FileMetaDataset
from pydicom.sequence import Sequence
from pydicom.uid import ExplicitVRLittleEndian, generate_uid, CTImageStorage, EnhancedCTImageStorage

out, count, frames, src = Path(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
S = 512
if src != "phantom" and Path(src).is_file():
    s = pydicom.dcmread(src)
    assert (s.Rows, s.Columns, s.BitsAllocated, s.SamplesPerPixel) == (S, S, 16, 1), "not a 512x512 16-bit slice"
    base = s.pixel_array * float(s.get("RescaleSlope", 1)) + float(s.get("RescaleIntercept", 0))  # HU
    print(f"{out.name}: {count} x {S}x{S} from {src} (+ noise)")
else:  # smooth phantom: body, lungs, spine, an organ (HU)
    y, x = np.mgrid[0:S, 0:S].astype(np.float64) - S / 2
    ell = lambda cx, cy, a, b: ((x - cx) / a) ** 2 + ((y - cy) / b) ** 2 <= 1
    base = np.full((S, S), -1000.0)
    base[ell(0, 0, 230, 180)] = 40
    base[ell(-95, -10, 60, 95)] = -800
    base[ell(95, -10, 60, 95)] = -800
    base[ell(0, 120, 35, 30)] = 700
    base[ell(30, -60, 40, 30)] = 60
    print(f"{out.name}: {count} x {S}x{S} synthetic phantom (+ noise)")
base = np.maximum(base, -1024)  # padding -> air
rng = np.random.default_rng(sum(out.name.encode()))

def frame():  # stored = HU (signed 16-bit, intercept 0)
    return np.clip(base + rng.normal(0, 12, (S, S)), -1024, 3071).astype(np.int16)

def header(i, sop_class):
    ds = Dataset()
    meta = FileMetaDataset()
    meta.MediaStorageSOPClassUID = sop_class
    meta.MediaStorageSOPInstanceUID = generate_uid(entropy_srcs=[f"{out.name}sop{i}"])
    meta.TransferSyntaxUID = ExplicitVRLittleEndian
    ds.file_meta = meta
    p = i % 10
    ds.SOPClassUID = sop_class
    ds.SOPInstanceUID = meta.MediaStorageSOPInstanceUID
    ds.StudyInstanceUID = generate_uid(entropy_srcs=[f"{out.name}study{p}"])
    ds.SeriesInstanceUID = generate_uid(entropy_srcs=[f"{out.name}series{p}"])
    ds.FrameOfReferenceUID = generate_uid(entropy_srcs=[f"{out.name}for{p}"])
    ds.PatientName = f"BENCH^PIXEL{p}"
    ds.PatientID = f"MRN{200000 + p}"
    ds.PatientBirthDate = "19600101"
    ds.StudyDate = "20200102"
    ds.StudyTime = "101010"
    ds.AccessionNumber = f"ACC{i:07d}"
    ds.InstitutionName = "Bench General Hospital"
    ds.Modality = "CT"
    ds.Manufacturer = "BenchCo"
    ds.InstanceNumber = i
    ds.ImageType = ["ORIGINAL", "PRIMARY", "AXIAL"] + (["NONE"] if sop_class == EnhancedCTImageStorage else [])
    ds.BurnedInAnnotation = "NO"
    ds.Rows = S
    ds.Columns = S
    ds.SamplesPerPixel = 1
    ds.PhotometricInterpretation = "MONOCHROME2"
    ds.BitsAllocated = 16
    ds.BitsStored = 16
    ds.HighBit = 15
    ds.PixelRepresentation = 1
    ds.RescaleIntercept = "0"
    ds.RescaleSlope = "1"
    ds.WindowCenter = "40"
    ds.WindowWidth = "400"
    return ds

def save(ds, path):
    path.parent.mkdir(parents=True, exist_ok=True)
    ds.save_as(path, enforce_file_format=True)

for i in range(count):
    ds = header(i, CTImageStorage)
    ds.PixelSpacing = [0.7, 0.7]
    ds.SliceThickness = "1.0"
    ds.ImagePositionPatient = [0, 0, i]
    ds.ImageOrientationPatient = [1, 0, 0, 0, 1, 0]
    ds.PixelData = frame().tobytes()
    save(ds, out / f"P{i % 10:02d}" / f"IM{i:05d}.dcm")
if frames > 0:  # one Enhanced CT file
    ds = header(10 ** 6, EnhancedCTImageStorage)
    ds.NumberOfFrames = frames
    ds.ContentQualification = "PRODUCT"
    sh, pm, po, vl = Dataset(), Dataset(), Dataset(), Dataset()
    pm.PixelSpacing = [0.7, 0.7]
    pm.SliceThickness = "1.0"
    po.ImageOrientationPatient = [1, 0, 0, 0, 1, 0]
    vl.WindowCenter = "40"
    vl.WindowWidth = "400"
    sh.PixelMeasuresSequence = Sequence([pm])
    sh.PlaneOrientationSequence = Sequence([po])
    sh.FrameVOILUTSequence = Sequence([vl])
    ds.SharedFunctionalGroupsSequence = Sequence([sh])
    per = []
    for f in range(frames):
        item, pp = Dataset(), Dataset()
        pp.ImagePositionPatient = [0, 0, f]
        item.PlanePositionSequence = Sequence([pp])
        per.append(item)
    ds.PerFrameFunctionalGroupsSequence = Sequence(per)
    ds.PixelData = np.stack([frame() for _ in range(frames)]).tobytes()
    save(ds, out.parent / f"{out.name}-mf" / "MF00001.dcm")
    print(f"{out.name}-mf: 1 x {frames} frames")
EOF
}
gen "$WORK/ct" "$N" "$MF" "$CTSRC"
gen "$WORK/phantom" "$N" 0 phantom
mkdir -p "$WORK/ct$PN"
find "$WORK/ct" -name '*.dcm' | sort | head -n "$PN" | while read -r f; do
  d="$WORK/ct$PN/${f#"$WORK/ct/"}"; mkdir -p "$(dirname "$d")"; cp "$f" "$d"; done

# The same files with a typical CT corner annotation burned in (name, ID, dates; kVp/mAs, window).
"$PY" bench/ct_annotation.py "$WORK/ct$PN" "$WORK/ct$PN-text"

frames_of() {  # dir -> total frame count
  "$PY" -c "
import sys, pathlib, pydicom
print(sum(int(pydicom.dcmread(p, stop_before_pixels=True).get('NumberOfFrames', 1) or 1)
          for p in pathlib.Path(sys.argv[1]).rglob('*') if p.is_file()))" "$1"
}
busy() {  # a Swift build/test of the other engineer running right now?
  pgrep -f 'swift-build|swift-test|swift-frontend|xctest|\.build/debug/dcmdeid' >/dev/null && echo 1 || echo 0
}

ROWS=()
LOG=$WORK/results.txt
: > "$LOG"
# time_run NAME FILES FRAMES cmd... : wall seconds and peak RSS (KB) to $WORK/NAME.{s,rss,rc}
time_run() {
  local name=$1 files=$2 frames=$3; shift 3
  local b0 b1 t0 t1 rc=0
  b0=$(busy); t0=$(date +%s.%N)
  /usr/bin/time -f "%M" -o "$WORK/$name.rss" "$@" > "$WORK/$name.log" 2>&1 || rc=$?
  t1=$(date +%s.%N); b1=$(busy)
  echo "$t1 - $t0" | bc -l > "$WORK/$name.s"
  echo "$rc" > "$WORK/$name.rc"
  local mark=" "; [ "$b0$b1" = 00 ] || mark="*"
  echo "$mark" > "$WORK/$name.busy"
  printf "%-22s %5d files %6d frames %7.2f s%s rc=%d\n" "$name" "$files" "$frames" "$(cat "$WORK/$name.s")" "$mark" "$rc"
}
dcm() {  # name input files frames extra-args... : REPEAT runs, the median time and the largest RSS kept
  local name=$1 input=$2 files=$3 frames=$4; shift 4
  local times=() rss=0 busy=" " k
  for ((k = 1; k <= REPEAT; k++)); do
    rm -rf "$WORK/out-$name" "$WORK/out-$name.audit.jsonl"
    time_run "$name" "$files" "$frames" "$BIN" deidentify "$input" --output "$WORK/out-$name" \
      --key-file "$WORK/key" --quiet "$@"
    times+=("$(cat "$WORK/$name.s")")
    rss=$(( $(tail -1 "$WORK/$name.rss") > rss ? $(tail -1 "$WORK/$name.rss") : rss ))
    [ "$(cat "$WORK/$name.busy")" = "*" ] && busy="*"
  done
  printf "%s\n" "${times[@]}" | sort -g | sed -n "$(( (REPEAT + 1) / 2 ))p" > "$WORK/$name.s"
  echo "$rss" > "$WORK/$name.rss"
  echo "$busy" > "$WORK/$name.busy"
  [ "$REPEAT" -gt 1 ] && printf "%-22s median of %d: %.2f s (%s)\n" "$name" "$REPEAT" "$(cat "$WORK/$name.s")" "${times[*]}"
  return 0
}
# What the pixel stage did, from the audit log: frames OCR'd/skipped/reused and boxes painted.
audit() {
  "$PY" -c "
import json, sys
k = dict(rec=0, skip=0, reuse=0, red=0, fail=0)
for l in open(sys.argv[1]):
    r = json.loads(l)
    if 'summary' in r: continue
    if r.get('status') != 'ok': k['fail'] += 1
    p = r.get('pixels') or {}
    k['rec'] += int(p.get('framesRecognized', 0)); k['skip'] += int(p.get('framesSkipped', 0))
    k['reuse'] += int(p.get('framesReused', 0))
    k['red'] += sum(1 for f in p.get('findings', []) if f.get('decision') == 'redacted')
print('ocr {rec} skip {skip} reuse {reuse} painted {red} notok {fail}'.format(**k))" "$WORK/out-$1.audit.jsonl" 2>/dev/null || echo "-"
}
row() {  # name tool files frames recall note
  local name=$1 s rss
  s=$(cat "$WORK/$name.s"); rss=$(cat "$WORK/$name.rss" 2>/dev/null | tail -1)
  ROWS+=("$(printf "%-20s %-9s %5d %6d %7.2f%s %8.1f %8.1f %8.1f  %-6s %s" "$name" "$2" "$3" "$4" "$s" \
    "$(cat "$WORK/$name.busy")" "$(echo "$3/$s" | bc -l)" "$(echo "$4/$s" | bc -l)" \
    "$(echo "${rss:-0}/1024" | bc -l)" "$5" "$6")")
}

echo "jobs: $(nproc) (default); load average: $(cut -d' ' -f1-3 /proc/loadavg); Swift build/test running: $(busy)"

sync  # the corpora just written are flushed before anything is timed

# 1. Text-free CT: sensitive, and off for reference.
dcm ct-sensitive "$WORK/ct" "$N" "$N" --pixels sensitive
dcm ct-off "$WORK/ct" "$N" "$N" --pixels off
dcm phantom-sensitive "$WORK/phantom" "$N" "$N" --pixels sensitive
dcm phantom-off "$WORK/phantom" "$N" "$N" --pixels off
if [ "$MF" -gt 0 ]; then
  dcm ct-mf-sensitive "$WORK/ct-mf" 1 "$MF" --pixels sensitive
  dcm ct-mf-off "$WORK/ct-mf" 1 "$MF" --pixels off
fi

# Presidio and the eval venv.
PRES=$PEERS/venv-presidio/bin/python
if [ ! -x "$PRES" ] && [ "${PEERS_INSTALL:-0}" = 1 ]; then
  echo "installing peers: bash $SHARED/peers/install.sh"; PEERS=$PEERS bash "$SHARED/peers/install.sh" > "$WORK/peers-install.log" 2>&1
fi
HAVE_PRES=0
if [ -x "$PRES" ]; then HAVE_PRES=1; else
  echo "Presidio: skipped ($PRES missing; PEERS_INSTALL=1 or bash $SHARED/peers/install.sh installs it)"; fi
if [ -d "$DEV/input" ] && [ ! -x "$EVALPY" ]; then
  echo "setting up $(dirname "$(dirname "$EVALPY")") per $SHARED/eval/README.md"
  python3 -m venv "$(dirname "$(dirname "$EVALPY")")" && "$(dirname "$EVALPY")/pip" install -q -r "$SHARED/eval/requirements.txt"
fi
presidio() {  # name input files frames
  time_run "$1" "$3" "$4" env OMP_THREAD_LIMIT=1 "$PRES" "$SHARED/peers/presidio_dicom.py" "$2" "$WORK/out-$1"
}
psum() {  # Presidio's own summary: ok/errors and steady-state files/s (engine load excluded)
  grep '^# SUMMARY' "$WORK/$1.log" | sed -E 's/.* ok=([0-9]+) errors=([0-9]+).*files_per_s=([0-9.]+).*/ok \1 err \2 steady \3 img\/s/' || echo "-"
}

# 2. Text-bearing development set, then Presidio on it right away (comparable ratio).
if [ -d "$DEV/input" ]; then
  DN=$(find "$DEV/input" -type f | wc -l); DF=$(frames_of "$DEV/input")
  dcm dev-dcmdeid "$DEV/input" "$DN" "$DF" --pixels sensitive --profile basic
  if [ "$HAVE_PRES" = 1 ]; then presidio dev-presidio "$DEV/input" "$DN" "$DF"; fi
fi
# 3. The first PRESIDIO_N text-free CT files, both tools back to back; then the same with text.
dcm ct$PN-dcmdeid "$WORK/ct$PN" "$PN" "$PN" --pixels sensitive
if [ "$HAVE_PRES" = 1 ]; then presidio ct$PN-presidio "$WORK/ct$PN" "$PN" "$PN"; fi
dcm ct$PN-text-dcmdeid "$WORK/ct$PN-text" "$PN" "$PN" --pixels sensitive
if [ "$HAVE_PRES" = 1 ]; then presidio ct$PN-text-presidio "$WORK/ct$PN-text" "$PN" "$PN"; fi

recall() {  # output dir -> recall, headline to the log
  local h; h=$("$EVALPY" "$SHARED/eval/score_pixels.py" --truth "$DEV" --output "$1" | tail -1)
  echo "$(basename "$1"): $h" >> "$LOG"
  echo "$h" | sed -nE 's/.*recall=([0-9.]+).*/\1/p'
}
R_D=-; R_P=-
if [ -d "$DEV/input" ] && [ -x "$EVALPY" ]; then
  R_D=$(recall "$WORK/out-dev-dcmdeid")
  if [ "$HAVE_PRES" = 1 ]; then R_P=$(recall "$WORK/out-dev-presidio"); fi
fi

for r in ct-sensitive ct-off phantom-sensitive phantom-off; do row "$r" dcmdeid "$N" "$N" - "$(audit "$r")"; done
if [ "$MF" -gt 0 ]; then
  for r in ct-mf-sensitive ct-mf-off; do row "$r" dcmdeid 1 "$MF" - "$(audit "$r")"; done
fi
if [ -d "$DEV/input" ]; then
  row dev-dcmdeid dcmdeid "$DN" "$DF" "$R_D" "$(audit dev-dcmdeid)"
  if [ "$HAVE_PRES" = 1 ]; then row dev-presidio presidio "$DN" "$DF" "$R_P" "$(psum dev-presidio)"; fi
fi
row ct$PN-dcmdeid dcmdeid "$PN" "$PN" - "$(audit ct$PN-dcmdeid)"
if [ "$HAVE_PRES" = 1 ]; then row ct$PN-presidio presidio "$PN" "$PN" - "$(psum ct$PN-presidio)"; fi
row ct$PN-text-dcmdeid dcmdeid "$PN" "$PN" - "$(audit ct$PN-text-dcmdeid)"
if [ "$HAVE_PRES" = 1 ]; then row ct$PN-text-presidio presidio "$PN" "$PN" - "$(psum ct$PN-text-presidio)"; fi

echo
echo "== pixel stage, $(nproc) cores, dcmdeid default jobs, Presidio single process (OMP_THREAD_LIMIT=1); * = Swift build/test running =="
printf "%-20s %-9s %5s %6s %8s %8s %8s %8s  %-6s %s\n" run tool files frames seconds img/s frames/s "RSS MB" recall "notes"
printf '%s\n' "${ROWS[@]}"
ips() { echo "$2/$(cat "$WORK/$1.s")" | bc -l; }
steady() { sed -nE 's/.*files_per_s=([0-9.]+).*/\1/p' "$WORK/$1.log"; }
ratio() {  # label dcmdeid-run presidio-run count: wall-clock ratio, and against Presidio's steady state
  printf "dcmdeid/Presidio images/s, %s: %.2fx wall clock (%.2fx vs Presidio without its engine load)\n" "$1" \
    "$(echo "$(ips "$2" "$4")/$(ips "$3" "$4")" | bc -l)" "$(echo "$(ips "$2" "$4")/$(steady "$3")" | bc -l)"
}
if [ "$HAVE_PRES" = 1 ]; then
  if [ -d "$DEV/input" ]; then ratio dev-pixels dev-dcmdeid dev-presidio "$DN"; fi
  ratio "$PN text-free CT" ct$PN-dcmdeid ct$PN-presidio "$PN"
  ratio "$PN CT with a corner annotation" ct$PN-text-dcmdeid ct$PN-text-presidio "$PN"
fi
printf "text-free 512x512 CT frames/s (sensitive): %.1f single-frame files%s (target >= 100)\n" \
  "$(ips ct-sensitive "$N")" "$([ "$MF" -gt 0 ] && printf ", %.1f multi-frame" "$(ips ct-mf-sensitive "$MF")")"
cat "$LOG"
