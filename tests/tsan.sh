#!/usr/bin/env bash
# tests/tsan.sh — runs `tidings read` with 4 threads over a mix of inputs
# under a ThreadSanitizer build; any data race report fails.  The library
# promises thread-safe analysis with one shared engine: this checks it.
set -u
: "${TIDINGS:?}" "${SHARED:?}"
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
for i in 1 2 3 4; do cp "$SHARED/seed/kosovo-javelin.txt" "$tmp/seed$i.txt"; done
files=("$tmp"/seed*.txt "$here"/articles/*.txt "$here"/../examples/*.txt)
ls "$here"/data/html/*.html > /dev/null 2>&1 && files+=("$here"/data/html/*.html)
export TSAN_OPTIONS="halt_on_error=1 exitcode=66"
"$TIDINGS" read -j 4 "${files[@]}" > "$tmp/out.jsonl" 2> "$tmp/err.log"
rc=$?
if grep -q "ThreadSanitizer" "$tmp/err.log" || [ $rc = 66 ]; then
    grep -A30 "ThreadSanitizer" "$tmp/err.log" | head -60
    echo "tsan: 0 passed, 1 failed"
    exit 1
fi
echo "tsan: read -j 4 over ${#files[@]} files, $(wc -l < "$tmp/out.jsonl") documents, no race reported (exit $rc)"
echo "tsan: 1 passed, 0 failed"
