#!/usr/bin/env bash
# bench_read.sh — whole-command throughput on real article text: the
# articleBody texts of the extraction benchmark repeated to 50 MB, read as
# JSON Lines by `tidings extract` (anatomy) and `tidings read` (all stages
# so far), one thread, output discarded.  Figures per CPU second.
set -eu
corpus="$OUT/corpus.jsonl"
[ -s "$corpus" ] || python3 "$(dirname "$0")/corpus.py" "$SHARED/eval/extraction/gold.jsonl" "$corpus" 50
for cmd in extract read; do
    stats=$("$TIDINGS" "$cmd" -j 1 --stats "$corpus" 2>&1 >/dev/null | grep '^stats:')
    field() { sed -E "s/.* $1=([0-9.]+).*/\1/" <<<"$stats"; }
    docs=$(field docs_per_cpu_s); cpu=$(field cpu); rss=$(field peak_rss_mb)
    text_mb=$(python3 -c "import os;print(os.path.getsize('$corpus')/1e6)")
    printf '%s articles/s/core\t%s\tarticles/s\n' "$cmd" "$docs"
    printf '%s MB/s/core\t%s\tMB/s (JSON Lines input)\n' "$cmd" \
        "$(python3 -c "print(round($text_mb/$cpu,1))")"
    printf '%s peak memory\t%s\tMB\n' "$cmd" "$rss"
done
