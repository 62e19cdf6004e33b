#!/usr/bin/env bash
# eval/task_language.sh — sentence and token boundaries (td_tokenize) on
# Universal Dependencies English EWT dev (../shared/eval/syntax): the
# paragraphs are rebuilt from the sentences' text, tokenized, and scored by
# exact span match (eval/language_ud.py).  Builds eval/language_eval.c
# against the library next to $TIDINGS.
set -eu
: "${TIDINGS:?}" "${SHARED:?}" "${OUT:?}"
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
python3 "$here/language_ud.py" prepare "$SHARED/eval/syntax/en_ewt-ud-dev.conllu" \
    "$OUT/paragraphs.txt" "$OUT/gold.jsonl"
${CC:-cc} -std=c17 -D_GNU_SOURCE -O2 -I"$root/include" -I"$root/src" \
    $(pkg-config --cflags libxml-2.0 libutf8proc) "$here/language_eval.c" \
    "$(dirname "$TIDINGS")/libtidings.a" \
    $(pkg-config --libs libxml-2.0 libutf8proc zlib sqlite3) -lpthread -lm \
    -o "$OUT/language_eval"
"$OUT/language_eval" "$OUT/paragraphs.txt" > "$OUT/pred.txt"
python3 "$here/language_ud.py" score "$OUT/gold.jsonl" "$OUT/pred.txt"
