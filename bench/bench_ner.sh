#!/usr/bin/env bash
# bench_ner.sh — the entity tagger alone: `tidings tag --conll --stats` on
# the CoNLL-2003 training file (about 204,000 tokens, one thread).  The
# command measures itself (see cli/cmd_tag.c): CPU time inside the tagger
# only (reading and writing excluded), model load time, and peak resident
# memory from getrusage.  Best of three runs.
set -eu
: "${TIDINGS:?}" "${SHARED:?}" "${OUT:?}"
file=$SHARED/eval/ner/conll03-train.txt
best=""
for i in 1 2 3; do
    "$TIDINGS" tag --conll "$file" --stats > /dev/null 2> "$OUT/ner_stats.txt"
    line=$(grep '^tag stats:' "$OUT/ner_stats.txt")
    tps=$(sed -E 's/.*tokens_per_second ([0-9.]+).*/\1/' <<<"$line")
    if [ -z "$best" ] || awk -v a="$tps" -v b="$(sed -E 's/.*tokens_per_second ([0-9.]+).*/\1/' <<<"$best")" 'BEGIN{exit !(a > b)}'; then
        best=$line
    fi
done
get() { sed -E "s/.* $1 ([0-9.]+).*/\1/" <<<"$best"; }
printf 'ner_tag\t%s\ttokens/s/core\n' "$(get tokens_per_second)"
printf 'ner_model_load\t%s\tms\n' "$(get load_ms)"
printf 'ner_tag_peak_rss\t%s\tMB\n' "$(get peak_rss_mb)"
