#!/usr/bin/env bash
# Adds up the <Counters> of TRX files (dotnet test --logger trx) and prints one line:
#   total passed failed error timeout aborted inconclusive notExecuted notRunnable passedButRunAborted disconnected
# No file, or files with no counters, add nothing: a run that wrote no TRX counts as total 0.
# Usage: infra/trx-counts.sh results/*.trx
set -euo pipefail
keys=(total passed failed error timeout aborted inconclusive notExecuted notRunnable passedButRunAborted disconnected)
declare -A sum
for k in "${keys[@]}"; do sum[$k]=0; done
for trx in "$@"; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -1 || true)
  for k in "${keys[@]}"; do
    v=$(sed -n "s/.* $k=\"\([0-9]*\)\".*/\1/p" <<<"$counters")
    sum[$k]=$((sum[$k] + ${v:-0}))
  done
done
line=()
for k in "${keys[@]}"; do line+=("${sum[$k]}"); done
echo "${line[*]}"
