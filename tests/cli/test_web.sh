#!/usr/bin/env bash
# test_web.sh — `tidings extract` on web inputs as a user runs it: an HTML
# page (body, anatomy, metadata), a page whose declared charset is wrong,
# a page without a body, gzipped pages, feeds, and WARC archives, good,
# plain, truncated and corrupt (built at test time by
# tests/data/warc/make_warcs.py from the team's own pages).
. "$(dirname "$0")/lib.sh"
T="$TIDINGS"
D="$(cd "$(dirname "$0")/../data" && pwd)"

# a news page: body without furniture, parts with their origin, metadata
"$T" extract "$D/html/article.html" > "$TMP/a.jsonl"
check "extract page exits 0" test $? = 0
expect_eq "kind" "$(json "$TMP/a.jsonl" 'd["kind"]')" html
expect_eq "headline" "$(json "$TMP/a.jsonl" 'd["anatomy"]["headline"]["text"]')" "Village school saved by parents' campaign"
expect_eq "byline" "$(json "$TMP/a.jsonl" 'd["anatomy"]["byline"]["text"]')" "Hana Kowalska"
expect_eq "date" "$(json "$TMP/a.jsonl" 'd["date"]')" 2023-09-14
expect_eq "source" "$(json "$TMP/a.jsonl" 'd["source"]')" "The Valley Wire"
expect_eq "url" "$(json "$TMP/a.jsonl" 'd["url"]')" "https://valleywire.example/school-saved"
expect_eq "body starts with the lead" "$(json "$TMP/a.jsonl" 'd["body_text"].split(chr(10))[0][:40]')" "The primary school in Lower Brook will s"
expect_eq "five body paragraphs" "$(json "$TMP/a.jsonl" 'len(d["anatomy"]["body"])')" 5
expect_eq "subheading kept" "$(json "$TMP/a.jsonl" '"\"We never gave up\"" in d["body_text"]')" True
expect_eq "no furniture" "$(json "$TMP/a.jsonl" 'any(w in d["body_text"] for w in ["Home","cookies","Most read","Well done","rights reserved","Parents march"])')" False
expect_eq "caption apart" "$(json "$TMP/a.jsonl" 'd["anatomy"]["captions"][0]["text"]')" "Pupils outside the school on Thursday. Photo: Valley Wire"
expect_eq "lead caption meta" "$(json "$TMP/a.jsonl" 'd["anatomy"]["meta"]["image_caption"]')" "Pupils outside the school on Thursday."
expect_eq "lead credit meta" "$(json "$TMP/a.jsonl" 'd["anatomy"]["meta"]["image_credit"]')" "Photo: Valley Wire"
expect_eq "caption not repeated" "$(json "$TMP/a.jsonl" 'len(d["anatomy"]["captions"])')" 1
expect_eq "related links" "$(json "$TMP/a.jsonl" '"|".join(s["text"] for s in d["anatomy"]["related"])')" "Council plans to close three rural schools|Parents march on county hall|Storm closes coast road, again, for the third time, this winter"
expect_eq "related urls" "$(json "$TMP/a.jsonl" 'd["anatomy"]["meta"]["related_urls"].split(chr(10))')" "['/a', '/b', '/c']"
expect_eq "related after the body" "$(json "$TMP/a.jsonl" 'd["anatomy"]["related"][0]["start"] >= d["anatomy"]["body"][-1]["end"]')" True
expect_eq "spans index the text" "$(json "$TMP/a.jsonl" 'all(d["text"].encode()[s["start"]:s["end"]].decode()==s["text"] for k in ("captions","credits","related","boilerplate") for s in d["anatomy"][k])')" True
expect_eq "entities decoded" "$(json "$TMP/a.jsonl" 'chr(8220)+"We never gave up,"+chr(8221) in d["body_text"]')" True

# declared ISO-8859-1, really UTF-8; a page with no body; gzip
"$T" extract "$D/html/wrong-charset.html" > "$TMP/w.jsonl"
expect_eq "wrong charset read as UTF-8" "$(json "$TMP/w.jsonl" '"Der B\u00e4cker M\u00fcller" in d["body_text"]')" True
"$T" extract "$D/html/no-body.html" > "$TMP/n.jsonl"
check "no body exits 0" test $? = 0
expect_eq "no body: empty body" "$(json "$TMP/n.jsonl" 'd["body_text"]')" ""
gzip -c "$D/html/article.html" > "$TMP/page.html.gz"
"$T" extract "$TMP/page.html.gz" > "$TMP/gz.jsonl"
expect_eq "gzipped page" "$(json "$TMP/gz.jsonl" 'd["id"]+" "+str(len(d["anatomy"]["body"]))')" "page 5"

# feeds: one document per item, ids FILE#N
"$T" extract "$D/feed/atom.xml" > "$TMP/f.jsonl"
expect_eq "atom item" "$(json "$TMP/f.jsonl" 'd["id"]+" "+d["url"]+" "+d["date"]')" "atom#1 https://wire.example/bridge 2021-03-04"
"$T" extract "$D/feed/rss2.xml" > "$TMP/r.jsonl" 2> "$TMP/r.err"
expect_eq "rss: bad item reported" "$?" 1
expect_eq "rss: good items kept" "$(wc -l < "$TMP/r.jsonl")" 2
check "rss: message names the item" grep -q "item 3: no title and no content" "$TMP/r.err"

# WARC archives
off=$(python3 "$D/warc/make_warcs.py" "$D/html" "$TMP")
"$T" extract "$TMP/good.warc.gz" > "$TMP/g.jsonl"
check "good warc exits 0" test $? = 0
expect_eq "two HTML responses" "$(wc -l < "$TMP/g.jsonl")" 2
expect_eq "record id, url, date" "$(json "$TMP/g.jsonl" 'd["id"]+" "+d["url"]+" "+d["date"]')" \
    "22222222-2222-4222-8222-222222222222 https://valleywire.example/school-saved 2023-09-15"
"$T" extract "$TMP/plain.warc" > "$TMP/p.jsonl"
expect_eq "plain warc" "$(wc -l < "$TMP/p.jsonl")" 2
"$T" extract "$TMP/truncated.warc.gz" > "$TMP/t.jsonl" 2> "$TMP/t.err"
expect_eq "truncated: exit 1" "$?" 1
expect_eq "truncated: first page kept" "$(wc -l < "$TMP/t.jsonl")" 1
check "truncated: reported" grep -q "gzip member is truncated" "$TMP/t.err"
"$T" extract "$TMP/corrupt.warc.gz" > "$TMP/c.jsonl" 2> "$TMP/c.err"
expect_eq "corrupt: exit 1" "$?" 1
expect_eq "corrupt: later page kept" "$(json "$TMP/c.jsonl" 'd["url"]')" "https://valleywire.example/cafes"
check "corrupt: reported with offset" grep -q "record at offset $off: gzip member is corrupt" "$TMP/c.err"
report
