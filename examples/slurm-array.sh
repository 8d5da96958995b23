#!/usr/bin/env bash
# De-identify a PACS export with a Slurm job array: each task takes a deterministic share of the
# files (by a stable hash of the relative path); all tasks share one key, so their pseudonyms agree.
#
#   sbatch --array=0-15 examples/slurm-array.sh /data/export /data/deid /secure/dcmdeid.key
#
#SBATCH --job-name=dcmdeid
#SBATCH --cpus-per-task=4
#SBATCH --mem=4G
#SBATCH --time=04:00:00
set -euo pipefail
INPUT=${1:?input folder}
OUTPUT=${2:?output folder}
KEY=${3:?key file (create it once, before submitting: head -c 32 /dev/urandom | xxd -p -c 64 > KEY; chmod 600 KEY)}

# dcmdeid reads SLURM_ARRAY_TASK_ID, SLURM_ARRAY_TASK_COUNT and SLURM_ARRAY_TASK_MIN itself.
# Each task keeps its own audit log; --resume makes a re-submitted task skip what it already wrote.
exec dcmdeid deidentify "$INPUT" --output "$OUTPUT" --key-file "$KEY" \
  --jobs "${SLURM_CPUS_PER_TASK:-1}" --resume --quiet \
  --audit "$OUTPUT.audit.${SLURM_ARRAY_TASK_ID}.jsonl"
