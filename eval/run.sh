#!/usr/bin/env bash
# eval/run.sh — runs every evaluation task on ../shared/eval and prints one
# table; fails when a figure falls below its floor in eval/floors.tsv (or
# rises above a ceiling written "<=N" there, for counts of failures).
#
# Each eval/task_*.sh prints lines "task<TAB>metric<TAB>value" on stdout
# (env: TIDINGS binary, SHARED folder, OUT scratch folder).  The table goes
# to stdout and to eval/out/results.tsv.
set -u
: "${TIDINGS:?}" "${SHARED:?}"
here=$(cd "$(dirname "$0")" && pwd)
export TIDINGS=$(realpath "$TIDINGS") SHARED=$(realpath "$SHARED")
mkdir -p "$here/out"
results="$here/out/results.tsv"
: > "$results"
status=0
for task in "$here"/task_*.sh; do
    [ -f "$task" ] || continue
    name=$(basename "$task" .sh)
    export OUT="$here/out/${name#task_}"
    rm -rf "$OUT"; mkdir -p "$OUT"
    start=$(date +%s)
    if ! bash "$task" > "$OUT/figures.tsv" 2> "$OUT/stderr.log"; then
        echo "eval: $name failed (see eval/out/${name#task_}/stderr.log):" >&2
        tail -5 "$OUT/stderr.log" >&2
        status=1
    fi
    grep -P '^[^\t]+\t[^\t]+\t-?[0-9.]+$' "$OUT/figures.tsv" >> "$results" || true
    echo "eval: $name took $(( $(date +%s) - start ))s" >&2
done
echo "| task | metric | value | floor |"
echo "|---|---|---|---|"
while IFS=$'\t' read -r task metric value; do
    floor=$(awk -F'\t' -v t="$task" -v m="$metric" '$1==t && $2==m {print $3}' "$here/floors.tsv" 2>/dev/null)
    mark=""
    case "$floor" in
        "<="*) # a ceiling: the figure may not rise above it
            if awk -v v="$value" -v f="${floor#<=}" 'BEGIN{exit !(v > f)}'; then
                mark=" ABOVE CEILING"; status=1
            fi ;;
        ?*)
            if awk -v v="$value" -v f="$floor" 'BEGIN{exit !(v < f)}'; then
                mark=" BELOW FLOOR"; status=1
            fi ;;
    esac
    echo "| $task | $metric | $value | ${floor:--}$mark |"
done < "$results"
# a floor whose figure was not produced at all is a failure too
while IFS=$'\t' read -r task metric floor; do
    case "$task" in ''|'#'*) continue ;; esac
    if ! awk -F'\t' -v t="$task" -v m="$metric" '$1==t && $2==m {found=1} END{exit !found}' "$results"; then
        echo "eval: no figure for $task $metric (floor $floor)" >&2
        status=1
    fi
done < "$here/floors.tsv"
exit $status
