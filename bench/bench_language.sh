#!/usr/bin/env bash
# bench_language.sh — speed of tokens + sentences (td_tokenize) and of
# anatomy + language on the articleBody texts of the extraction gold set,
# repeated to at least 50 MB; one thread, CPU time of the stage calls only.
# Builds bench/bench_language.c against the library next to $TIDINGS.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
lib="$(dirname "$TIDINGS")/libtidings.a"
corpus="$OUT/language_corpus.txt"
python3 - "$SHARED/eval/extraction/gold.jsonl" "$corpus" <<'PY'
import json, sys
with open(sys.argv[1], encoding="utf-8") as f, open(sys.argv[2], "w", encoding="utf-8") as out:
    bodies = [json.loads(l).get("articleBody") or "" for l in f if l.strip()]
    out.write("\x1e".join(b.replace("\x1e", " ") for b in bodies if b))
PY
${CC:-cc} -std=c17 -D_GNU_SOURCE -O2 -I"$root/include" -I"$root/src" \
    $(pkg-config --cflags libxml-2.0 libutf8proc) "$here/bench_language.c" "$lib" \
    $(pkg-config --libs libxml-2.0 libutf8proc zlib sqlite3) -lpthread -lm \
    -o "$OUT/bench_language"
"$OUT/bench_language" "$corpus" 50
