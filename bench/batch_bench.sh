#!/usr/bin/env bash
# Batch scaling (issue 5): files/s and peak RSS for 1,000 and 10,000 small files (headers only),
# and the pixel stage on the text-bearing development images (copied N times).
# usage: bench/batch_bench.sh   (run from the repo root after `make`)
set -euo pipefail
BIN=${BIN:-.build/release/dcmdeid}
PY=${PY:-.venv/bin/python}
WORK=${WORK:-/tmp/dcmdeid-batch-bench}
rm -rf "$WORK" && mkdir -p "$WORK"
head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n' > "$WORK/key"

measure() {  # name input count extra-args...
  local name=$1 input=$2 count=$3; shift 3
  local t0 t1 s
  t0=$(date +%s.%N)
  /usr/bin/time -f "%M" -o "$WORK/rss-$name" "$BIN" deidentify "$input" --output "$WORK/out-$name" \
    --key-file "$WORK/key" --quiet "$@" || true
  t1=$(date +%s.%N)
  s=$(echo "$t1 - $t0" | bc -l)
  printf "%-14s %6d files %7.2f s %8.1f files/s  peak RSS %6.1f MB\n" "$name" "$count" "$s" \
    "$(echo "$count/$s" | bc -l)" "$(echo "$(cat "$WORK/rss-$name")/1024" | bc -l)"
}

$PY bench/make_corpus.py "$WORK/h1k" 1000 64
$PY bench/make_corpus.py "$WORK/h10k" 10000 64
echo "jobs: $(nproc) (default)"
measure headers-1k "$WORK/h1k" 1000 --pixels off
measure headers-10k "$WORK/h10k" 10000 --pixels off

# Pixels: the development images with burned-in text, 4 copies each.
DEV=../shared/eval/dev-pixels/input
if [ -d "$DEV" ]; then
  for i in 1 2 3 4; do mkdir -p "$WORK/px/$i" && cp -r "$DEV"/. "$WORK/px/$i/"; done
  n=$(find "$WORK/px" -type f | wc -l)
  measure pixels-text "$WORK/px" "$n" --pixels sensitive
fi
