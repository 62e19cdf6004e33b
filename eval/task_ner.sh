#!/usr/bin/env bash
# eval/task_ner.sh — named entities on CoNLL-2003 English dev
# (../shared/eval/ner): `tidings tag --conll` then the reference scorer
# (entity-level exact match, conlleval).  Prints F1, precision and recall
# overall and F1 per type (PER, ORG, LOC, MISC).
set -eu
: "${TIDINGS:?}" "${SHARED:?}" "${OUT:?}"
set=$SHARED/eval/ner
"$TIDINGS" tag --conll "$set/conll03-dev.txt" > "$OUT/pred.txt"
python3 "$set/score.py" "$OUT/pred.txt" --json > "$OUT/score.json"
python3 - "$OUT/score.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
a = r["ALL"]
print("ner\tf1\t%.4f" % a["f1"])
print("ner\tprecision\t%.4f" % a["precision"])
print("ner\trecall\t%.4f" % a["recall"])
for t in ("PER", "ORG", "LOC", "MISC"):
    print("ner\tf1_%s\t%.4f" % (t, r.get(t, {}).get("f1", 0.0)))
PY
