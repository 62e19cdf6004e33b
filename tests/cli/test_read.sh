#!/usr/bin/env bash
# test_read.sh — `tidings read` / `extract` as a user runs them: the JSON
# contract, offsets, batches with bad files, stdin, gzip, JSON Lines,
# threads, and exit codes.
. "$(dirname "$0")/lib.sh"
SEED="$SHARED/seed/kosovo-javelin.txt"
T="$TIDINGS"

# the seed: one document, schema 1, every top-level field present
"$T" read --date 2024-01-12 "$SEED" > "$TMP/seed.jsonl"
check "read seed exits 0" test $? = 0
expect_eq "one line" "$(wc -l < "$TMP/seed.jsonl")" 1
expect_eq "schema" "$(json "$TMP/seed.jsonl" 'd["tidings"]')" 1
expect_eq "id from file name" "$(json "$TMP/seed.jsonl" 'd["id"]')" kosovo-javelin
expect_eq "date" "$(json "$TMP/seed.jsonl" 'd["date"]')" 2024-01-12
expect_eq "fields" "$(json "$TMP/seed.jsonl" '",".join(k for k in ["text","anatomy","entities","places","dates","amounts","counts","quotes","events","tone","framing","themes"] if k in d)')" \
    "text,anatomy,entities,places,dates,amounts,counts,quotes,events,tone,framing,themes"

# every span anywhere in the output points at its own text (UTF-8 bytes)
cat > "$TMP/spans.py" <<'PY'
import json, sys
bad = 0; n = 0
for line in open(sys.argv[1]):
    d = json.loads(line); t = d["text"].encode()
    def walk(x):
        global bad, n
        if isinstance(x, dict):
            if {"start", "end", "text"} <= x.keys():
                n += 1
                if t[x["start"]:x["end"]].decode() != x["text"]: bad += 1
            for v in x.values(): walk(v)
        elif isinstance(x, list):
            for v in x: walk(v)
    walk(d)
print("ok" if n and not bad else "bad %d of %d" % (bad, n))
PY
expect_eq "spans match text" "$(python3 "$TMP/spans.py" "$TMP/seed.jsonl")" ok
# the text is the file's text (the seed is NFC UTF-8 already)
expect_eq "text is the file" "$(json "$TMP/seed.jsonl" 'd["text"] == open("'"$SEED"'", encoding="utf8").read()')" True

# a batch with bad files: reported by name, the rest still processed
printf 'A short note about a harbour.\n' > "$TMP/good.txt"
: > "$TMP/empty.txt"
printf '\x7fELF\x02\x01\x01\x00\x00\x00' > "$TMP/binary.txt"
mkdir "$TMP/adir"
"$T" read "$TMP/good.txt" "$TMP/missing.txt" "$TMP/empty.txt" "$TMP/binary.txt" "$TMP/adir" "$SEED" \
    > "$TMP/batch.jsonl" 2> "$TMP/batch.err"
expect_eq "batch exit 1" $? 1
expect_eq "batch good docs" "$(wc -l < "$TMP/batch.jsonl")" 2
expect_eq "batch error lines" "$(wc -l < "$TMP/batch.err")" 4
check "missing named" grep -q "missing.txt: cannot open" "$TMP/batch.err"
check "empty named" grep -q "empty.txt: empty document" "$TMP/batch.err"
check "binary named" grep -q "binary.txt: binary data" "$TMP/batch.err"
check "empty folder named" grep -q "adir: no files in the folder" "$TMP/batch.err"

# a folder stands for the files below it: sorted, hidden ones skipped
mkdir -p "$TMP/corpus/b-sub" "$TMP/corpus/.cache"
cp "$TMP/good.txt" "$TMP/corpus/c.txt"
cp "$SEED" "$TMP/corpus/b-sub/seedcopy.txt"
cp "$TMP/good.txt" "$TMP/corpus/a.txt"
cp "$TMP/good.txt" "$TMP/corpus/.cache/hidden.txt"
"$T" extract "$TMP/corpus" > "$TMP/corpus.jsonl"
expect_eq "folder exit" $? 0
expect_eq "folder ids in order" "$(python3 -c 'import json,sys; print(",".join(json.loads(l)["id"] for l in open(sys.argv[1])))' "$TMP/corpus.jsonl")" a,seedcopy,c

# stdin
"$T" read - < "$TMP/good.txt" > "$TMP/stdin.jsonl"
expect_eq "stdin id" "$(json "$TMP/stdin.jsonl" 'd["id"]')" stdin

# threads do not change the output or its order
for i in 1 2 3 4 5 6; do cp "$SEED" "$TMP/copy$i.txt"; done
"$T" read -j 1 "$TMP"/copy*.txt "$TMP/good.txt" > "$TMP/j1.jsonl"
"$T" read -j 2 "$TMP"/copy*.txt "$TMP/good.txt" > "$TMP/j2.jsonl"
check "-j 2 same as -j 1" cmp -s "$TMP/j1.jsonl" "$TMP/j2.jsonl"
expect_eq "-j output count" "$(wc -l < "$TMP/j2.jsonl")" 7

# a file with many documents streams its output (flushed in pieces) and
# still keeps the order of files around it
python3 -c '
import json, sys
para = "The council met again on Tuesday and voted on the harbour plan. " * 40
with open(sys.argv[1], "w") as fh:
    for i in range(400):
        fh.write(json.dumps({"id": "n%d" % i, "text": "Note %d.\n\n%s" % (i, para)}) + "\n")
' "$TMP/many.jsonl"
"$T" read -j 1 "$TMP/good.txt" "$TMP/many.jsonl" "$TMP/copy1.txt" > "$TMP/m1.jsonl"
"$T" read -j 2 "$TMP/good.txt" "$TMP/many.jsonl" "$TMP/copy1.txt" > "$TMP/m2.jsonl"
check "streamed output same for -j 1 and -j 2" cmp -s "$TMP/m1.jsonl" "$TMP/m2.jsonl"
expect_eq "streamed order" "$(python3 -c 'import json,sys; ids=[json.loads(l)["id"] for l in open(sys.argv[1])]; print(ids[0], ids[1], ids[400], ids[401], len(ids))' "$TMP/m2.jsonl")" "good n0 n399 copy1 402"

# gzip, CRLF and UTF-16 give the same text
gzip -c "$SEED" > "$TMP/seedgz.txt.gz"
"$T" read "$TMP/seedgz.txt.gz" > "$TMP/gz.jsonl"
expect_eq "gzip text" "$(json "$TMP/gz.jsonl" 'd["text"] == open("'"$SEED"'", encoding="utf8").read()')" True
expect_eq "gzip id" "$(json "$TMP/gz.jsonl" 'd["id"]')" seedgz
python3 -c "import sys; open(sys.argv[2],'wb').write(open(sys.argv[1],'rb').read().replace(b'\\n', b'\\r\\n'))" "$SEED" "$TMP/crlf.txt"
"$T" read "$TMP/crlf.txt" > "$TMP/crlf.jsonl"
expect_eq "CRLF text" "$(json "$TMP/crlf.jsonl" 'd["text"] == open("'"$SEED"'", encoding="utf8").read()')" True
python3 -c "import sys; open(sys.argv[2],'wb').write(open(sys.argv[1],encoding='utf8').read().encode('utf-16'))" "$SEED" "$TMP/u16.txt"
"$T" read "$TMP/u16.txt" > "$TMP/u16.jsonl"
expect_eq "UTF-16 text" "$(json "$TMP/u16.jsonl" 'd["text"] == open("'"$SEED"'", encoding="utf8").read()')" True
gzip -c "$SEED" | head -c 2000 > "$TMP/cut.txt.gz"
"$T" read "$TMP/cut.txt.gz" > /dev/null 2> "$TMP/cut.err"
expect_eq "truncated gzip exit" $? 1
check "truncated gzip named" grep -q "cut.txt.gz: gzip data is truncated" "$TMP/cut.err"

# JSON Lines: a bad line is reported with its number, the rest read
printf '{"id":"one","text":"First note.","date":"2024-02-01"}\n{"id":\n{"id":"three","text":"Third note."}\n' > "$TMP/in.jsonl"
"$T" read "$TMP/in.jsonl" > "$TMP/out.jsonl" 2> "$TMP/jl.err"
expect_eq "jsonl exit" $? 1
expect_eq "jsonl docs" "$(python3 -c 'import json,sys; print(",".join(json.loads(l)["id"] for l in open(sys.argv[1])))' "$TMP/out.jsonl")" one,three
check "jsonl error names line" grep -q "in.jsonl: line 2: invalid JSON" "$TMP/jl.err"
expect_eq "jsonl date" "$(json "$TMP/out.jsonl" 'd["date"]')" 2024-02-01

# a feed with a doctype is still a feed, and nested entities (a "billion
# laughs") are not expanded: the run is quick and small
python3 - "$TMP/laughs.xml" <<'PY'
import sys
ents = '<!ENTITY a0 "lol lol lol lol lol lol lol lol lol lol">\n'
for i in range(1, 10):
    ents += '<!ENTITY a%d "%s">\n' % (i, ('&a%d;' % (i - 1)) * 10)
open(sys.argv[1], "w").write('<?xml version="1.0"?>\n<!DOCTYPE rss [\n' + ents + ']>\n'
    '<rss version="2.0"><channel><title>Wire</title><item><title>Laughs &a9;</title>'
    '<description>&a9;</description></item></channel></rss>')
PY
"$T" read "$TMP/laughs.xml" > "$TMP/laughs.jsonl"
expect_eq "doctype feed kind" "$(json "$TMP/laughs.jsonl" 'd["kind"]')" feed
check "entities not expanded" test "$(wc -c < "$TMP/laughs.jsonl")" -lt 100000

# extract: anatomy and body_text
"$T" extract "$SEED" > "$TMP/ex.jsonl"
check "extract has body_text" test "$(json "$TMP/ex.jsonl" 'len(d["body_text"]) > 1000')" = True
check "--pretty is indented JSON" sh -c '"$0" read --pretty "$1" | python3 -c "import json,sys; json.load(sys.stdin)"' "$T" "$TMP/good.txt"

# usage errors exit 2
"$T" read > /dev/null 2>&1; expect_eq "no files" $? 2
"$T" read --date 12/01/2024 "$SEED" > /dev/null 2>&1; expect_eq "bad date" $? 2
"$T" read --kind pdf "$SEED" > /dev/null 2>&1; expect_eq "bad kind" $? 2
"$T" frobnicate > /dev/null 2>&1; expect_eq "unknown command" $? 2
"$T" read --help > /dev/null; expect_eq "help" $? 0
report
