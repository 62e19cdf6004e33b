#!/usr/bin/env bash
# eval/task_extraction.sh — article body extraction on ../shared/eval/extraction
# (85 news pages, scrapinghub article-extraction-benchmark): `tidings extract`
# on every page, then the benchmark's scorer.  Prints F1, precision, recall
# and the number of pages with an empty body.
set -eu
: "${TIDINGS:?}" "${SHARED:?}" "${OUT:?}"
set=$SHARED/eval/extraction
"$TIDINGS" extract "$set"/pages/*.html.gz > "$OUT/pred.jsonl" || echo "extract: some pages failed (scored as empty)" >&2
python3 "$set/score.py" "$OUT/pred.jsonl" --json --per-page "$OUT/per_page.tsv" > "$OUT/score.json"
python3 - "$OUT/score.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
for k in ("f1", "precision", "recall"):
    print("extraction\t%s\t%.4f" % (k, r[k]))
print("extraction\tempty_pages\t%d" % r["empty_pred"])
PY
