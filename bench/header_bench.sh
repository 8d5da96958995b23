#!/usr/bin/env bash
# Header-only de-identification throughput (issue 3): files/s, MB/s, peak RSS, against `cp -r` of the same files.
# usage: bench/header_bench.sh [COUNT_SMALL] [COUNT_LARGE]   (run from the repo root after `make`)
set -euo pipefail
BIN=${BIN:-.build/release/dcmdeid}
PY=${PY:-.venv/bin/python}
SMALL=${1:-2000}
LARGE=${2:-500}
WORK=${WORK:-/tmp/dcmdeid-bench}
rm -rf "$WORK" && mkdir -p "$WORK"
echo "building corpora in $WORK ..."
$PY bench/make_corpus.py "$WORK/small" "$SMALL" 128
$PY bench/make_corpus.py "$WORK/large" "$LARGE" 512
head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n' > "$WORK/key"

run() {  # name, input, count
  local name=$1 input=$2 count=$3
  local bytes; bytes=$(du -sb "$input" | cut -f1)
  sync
  local t0 t1; t0=$(date +%s.%N)
  cp -r "$input" "$WORK/cp-$name"; sync
  t1=$(date +%s.%N)
  local cp_s; cp_s=$(echo "$t1 - $t0" | bc -l)
  t0=$(date +%s.%N)
  /usr/bin/time -f "%M" -o "$WORK/rss-$name" "$BIN" deidentify "$input" --output "$WORK/out-$name" \
      --key-file "$WORK/key" --pixels off --quiet; sync
  t1=$(date +%s.%N)
  local s; s=$(echo "$t1 - $t0" | bc -l)
  printf "%-6s %6d files %8.1f MB | dcmdeid %6.2f s %8.0f files/s %7.1f MB/s peak RSS %6.1f MB | cp -r %6.2f s %7.1f MB/s | dcmdeid/cp %5.0f%%\n" \
    "$name" "$count" "$(echo "$bytes/1048576" | bc -l)" "$s" "$(echo "$count/$s" | bc -l)" \
    "$(echo "$bytes/1048576/$s" | bc -l)" "$(echo "$(cat "$WORK/rss-$name")/1024" | bc -l)" "$cp_s" \
    "$(echo "$bytes/1048576/$cp_s" | bc -l)" "$(echo "100*$cp_s/$s" | bc -l)"
}
echo "jobs: $(nproc) (default)"
run small "$WORK/small" "$SMALL"
run large "$WORK/large" "$LARGE"
