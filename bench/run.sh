#!/usr/bin/env bash
# bench/run.sh — runs every bench/bench_*.sh and prints one table of
# throughput and memory figures ("name<TAB>value<TAB>unit" lines).
# Figures are per core: benchmarks run single-threaded (-j 1).
set -u
: "${TIDINGS:?}" "${SHARED:?}"
here=$(cd "$(dirname "$0")" && pwd)
export TIDINGS=$(realpath "$TIDINGS") SHARED=$(realpath "$SHARED")
export OUT="$here/out"
mkdir -p "$OUT"
echo "| benchmark | value | unit |"
echo "|---|---|---|"
status=0
for b in "$here"/bench_*.sh; do
    [ -f "$b" ] || continue
    if ! bash "$b" > "$OUT/$(basename "$b" .sh).tsv" 2> "$OUT/$(basename "$b" .sh).log"; then
        echo "bench: $(basename "$b") failed:" >&2
        tail -5 "$OUT/$(basename "$b" .sh).log" >&2
        status=1
    fi
    while IFS=$'\t' read -r name value unit; do
        [ -n "$name" ] && echo "| $name | $value | $unit |"
    done < "$OUT/$(basename "$b" .sh).tsv"
done
exit $status
