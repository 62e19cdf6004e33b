#!/usr/bin/env bash
# eval/task_metadata.sh — page metadata on ../shared/eval/metadata (56 of
# Mozilla Readability's test pages): `tidings extract` on every page, then
# the scorer.  Prints exact-match accuracy of title, byline, published day
# and site name, and the body's shingle F1.
set -eu
: "${TIDINGS:?}" "${SHARED:?}" "${OUT:?}"
set=$SHARED/eval/metadata
"$TIDINGS" extract "$set"/pages/*.html.gz > "$OUT/pred.jsonl" || echo "extract: some pages failed (scored as empty)" >&2
python3 "$set/score.py" "$OUT/pred.jsonl" --json > "$OUT/score.json"
python3 - "$OUT/score.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
for k in ("title", "byline", "date", "site"):
    print("metadata\t%s\t%.4f" % (k, r[k]["accuracy"] or 0.0))
print("metadata\tbody_f1\t%.4f" % r["body"]["f1"])
PY
