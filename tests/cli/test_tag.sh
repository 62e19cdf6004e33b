#!/usr/bin/env bash
# test_tag.sh — `tidings tag --conll` and `tidings train ner` on files
# written here: output shape, pass-through lines, exit codes and messages,
# a corrupt model, and a model trained on a tiny corpus.
. "$(dirname "$0")/lib.sh"

cat > "$TMP/in.txt" <<'TXT'
-DOCSTART- -X- O O

Maria NNP B-PER
Lindqvist NNP I-PER
visited VBD O
Stockholm NNP B-LOC
. . O

She PRP O
works VBZ O
for IN O
Volvo NNP B-ORG
. . O

-DOCSTART- -X- O O

Rain NN O
TXT
"$TIDINGS" tag --conll "$TMP/in.txt" > "$TMP/out.txt"
expect_eq "tag exit status" "$?" 0
expect_eq "same number of lines" "$(wc -l < "$TMP/out.txt")" "$(wc -l < "$TMP/in.txt")"
expect_eq "docstart passes through" "$(sed -n 1p "$TMP/out.txt")" "-DOCSTART- -X- O O"
expect_eq "blank line passes through" "$(sed -n 2p "$TMP/out.txt")" ""
expect_eq "token lines get one column" \
    "$(awk 'NF && $1 != "-DOCSTART-" && NF != 4 {bad++} END {print bad+0}' "$TMP/out.txt")" 0
expect_eq "line kept, tag appended" "$(sed -n 3p "$TMP/out.txt" | cut -d' ' -f1-3)" "Maria NNP B-PER"
expect_eq "tags are IOB2 names" \
    "$(awk 'NF == 4 && $4 !~ /^(O|[BI]-(PER|ORG|LOC|MISC))$/ {bad++} END {print bad+0}' "$TMP/out.txt")" 0
expect_eq "a person found" "$(sed -n 3p "$TMP/out.txt" | cut -d' ' -f4)" "B-PER"
expect_eq "a place found" "$(sed -n 6p "$TMP/out.txt" | cut -d' ' -f4)" "B-LOC"

# token-only input and CRLF line ends
printf 'Paris\r\nis\r\nbig\r\n' > "$TMP/crlf.txt"
"$TIDINGS" tag --conll "$TMP/crlf.txt" > "$TMP/crlf.out"
expect_eq "CRLF input" "$(cut -d' ' -f1 "$TMP/crlf.out" | tr '\n' ' ')" "Paris is big "

# stdin as -
expect_eq "stdin" "$(printf 'Rome\n' | "$TIDINGS" tag --conll - | wc -l)" 1

# errors
"$TIDINGS" tag 2> "$TMP/err"; expect_eq "no file: usage" "$?" 2
"$TIDINGS" tag --conll "$TMP/missing.txt" 2> "$TMP/err"
expect_eq "missing file: exit 1" "$?" 1
check "message names the file" grep -q "missing.txt" "$TMP/err"
expect_eq "one-line message" "$(wc -l < "$TMP/err")" 1
head -c 3000 /dev/urandom > "$TMP/bad.model"
"$TIDINGS" tag --conll "$TMP/in.txt" --model "$TMP/bad.model" > /dev/null 2> "$TMP/err"
expect_eq "corrupt model: exit 1" "$?" 1
check "message names the model" grep -q "bad.model" "$TMP/err"
printf 'a\0b\n' > "$TMP/bin.txt"
"$TIDINGS" tag --conll "$TMP/bin.txt" > /dev/null 2> "$TMP/err"
expect_eq "binary input: exit 1" "$?" 1
# the engine refuses a corrupt model too
mkdir -p "$TMP/models" && cp "$TMP/bad.model" "$TMP/models/ner.model"
echo "Some text." > "$TMP/doc.txt"
TIDINGS_MODELS="$TMP/models" "$TIDINGS" read "$TMP/doc.txt" > /dev/null 2> "$TMP/err"
check "read fails on a corrupt model" test "$?" -ne 0
check "read names the model" grep -q "ner.model" "$TMP/err"

# training
"$TIDINGS" train ner --train "$TMP/in.txt" 2> "$TMP/err"
expect_eq "train without --dev: usage" "$?" 2
"$TIDINGS" train ner --train "$TMP/nope.txt" --dev "$TMP/in.txt" --out "$TMP/m" 2> "$TMP/err"
expect_eq "train on a missing file: exit 1" "$?" 1
check "train message names the file" grep -q "nope.txt" "$TMP/err"
printf 'Anna\n' > "$TMP/notag.txt"
"$TIDINGS" train ner --train "$TMP/notag.txt" --dev "$TMP/in.txt" --out "$TMP/m" 2> "$TMP/err"
expect_eq "train on untagged lines: exit 1" "$?" 1
check "untagged message has file:line" grep -q "notag.txt:1:" "$TMP/err"
"$TIDINGS" train ner --train "$TMP/in.txt" --dev "$TMP/in.txt" --out "$TMP/tiny.model" \
    --epochs 5 --seed 3 --quiet
expect_eq "train tiny corpus" "$?" 0
"$TIDINGS" tag --conll "$TMP/in.txt" --model "$TMP/tiny.model" > "$TMP/tiny.out"
expect_eq "tag with the trained model" "$(sed -n 6p "$TMP/tiny.out" | cut -d' ' -f4)" "B-LOC"
report
