#!/bin/sh
# Direct evaluation of the pixel stage: PixelRedactor (sensitive mode by default, PHI context from
# each input's header) on every image of a pixel set, then the evaluation kit's scorer.
#
#   scripts/eval_pixels_direct.sh [SET_DIR] [OUT_DIR]
#
# SET_DIR defaults to ../shared/eval/dev-pixels, OUT_DIR to a fresh temporary directory.
# PIXEL_EVAL_MODE=all-text|all-but-safe, PIXEL_EVAL_THRESHOLD=0.5 and PIXEL_EVAL_LOG=FILE (per-word
# log with the text read — development only, it holds PHI) are passed through.
set -eu
cd "$(dirname "$0")/.."
SET=${1:-$(cd .. && pwd)/shared/eval/dev-pixels}
OUT=${2:-$(mktemp -d /tmp/dcmdeid-eval-pixels.XXXXXX)}
PYTHON=${EVAL_PYTHON:-/tmp/evalvenv/bin/python}
if [ ! -x "$PYTHON" ]; then
    python3 -m venv /tmp/evalvenv && /tmp/evalvenv/bin/pip install -q -r ../shared/eval/requirements.txt
    PYTHON=/tmp/evalvenv/bin/python
fi
rm -rf "$OUT" && mkdir -p "$OUT"
PIXEL_EVAL_OUT="$OUT" PIXEL_EVAL_SET="$SET" swift test -c release --filter DevSetEvaluationTests 2>&1 | grep -E "^eval:|error|✘" || true
"$PYTHON" ../shared/eval/score_pixels.py --truth "$SET" --output "$OUT" --json "$OUT.score.json" --quiet
