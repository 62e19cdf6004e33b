#!/usr/bin/env python3
"""Builds the benchmark corpus: the articleBody texts of the extraction
benchmark's gold file, repeated until the corpus holds at least MB
megabytes, as JSON Lines ({"id", "text"}) for `tidings read`.

Usage: corpus.py GOLD.jsonl OUT.jsonl [MB]
"""
import json
import sys

gold, out = sys.argv[1], sys.argv[2]
target = int(sys.argv[3]) if len(sys.argv) > 3 else 50
bodies = [json.loads(line)["articleBody"] for line in open(gold, encoding="utf8")]
bodies = [b for b in bodies if b and b.strip()]
size, n = 0, 0
with open(out, "w", encoding="utf8") as fh:
    while size < target * 1000 * 1000:
        for b in bodies:
            line = json.dumps({"id": "a%d" % n, "text": b}, ensure_ascii=False)
            fh.write(line + "\n")
            size += len(b.encode("utf8"))
            n += 1
print("%d articles, %.1f MB of text" % (n, size / 1e6), file=sys.stderr)
