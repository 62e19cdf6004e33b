#!/usr/bin/env bash
# test_seed.sh — the reference article end to end through `tidings read`:
# its anatomy and entities as ../shared/seed/expected.md gives them, and nothing (no
# sentence, no entity mention) taken from the related links, the caption,
# the credit or the boilerplate.
. "$(dirname "$0")/lib.sh"
SEED="$SHARED/seed/kosovo-javelin.txt"
"$TIDINGS" read --date 2024-01-12 "$SEED" > "$TMP/seed.jsonl"
check "read seed" test $? = 0
cat > "$TMP/check.py" <<'PY'
import json, sys
d = json.loads(open(sys.argv[1]).readline())
a, t = d["anatomy"], d["text"].encode()
def txt(s): return s["text"] if s else None
out = []
out.append(("section", txt(a["section"]) == "World"))
out.append(("headline", txt(a["headline"]) == "US Sending Javelin Anti-Tank Missiles to Kosovo in Attempt to Set Balkans on Fire"))
out.append(("standfirst", (txt(a["standfirst"]) or "").startswith("The latest round of tensions")))
out.append(("credits", [c["text"] for c in a["credits"]] == ["Sputnik"]))
rel = [r["text"] for r in a["related"]]
out.append(("related", "Which Countries Don’t Recognize Kosovo, and What are Their Reasons?" in rel
            and "Direct Threat of Resumption of Ethnic Cleansing in Kosovo Exists - Russian Foreign Ministry" in rel
            and all(r in ("World",) or "Kosovo" in r for r in rel)))
out.append(("captions", len(a["captions"]) == 1 and a["captions"][0]["text"].startswith("Kosovo fighters parade during a ceremony")))
out.append(("boilerplate", [b["text"] for b in a["boilerplate"]] == ["Discuss"]))
body = [b["text"] for b in a["body"]]
out.append(("body first", body[0].startswith("The State Department has approved")))
out.append(("body last", body[-1].endswith("between 1999 and 2004).")))
out.append(("body count", len(body) == 10))
out.append(("no related/caption in body", not any(b.startswith(("Which Countries", "Kosovo fighters parade", "Direct Threat")) for b in body)))
# nothing from the parts that are not analysed
banned = [(s["start"], s["end"]) for k in ("captions", "credits", "related", "boilerplate") for s in a[k]]
if a["section"]: banned.append((a["section"]["start"], a["section"]["end"]))
def inside(x):
    return any(s <= x["start"] < e for s, e in banned)
out.append(("sentences exist", len(d["sentences"]) >= 15))
out.append(("no sentence from related/caption/boilerplate", not any(inside(s) for s in d["sentences"])))
mentions = [m for e in d["entities"] for m in e["mentions"]]
out.append(("no mention from related/caption/boilerplate", not any(inside(m) for m in mentions)))
# entities as expected.md lists them, with kinds, roles and countries
ents = {}
for e in d["entities"]:
    ents.setdefault(e["name"], e)
def ent(name, kind, role=None, country=None):
    e = ents.get(name)
    ok = e is not None and e["kind"] == kind
    if ok and role is not None:
        ok = (e["role"] or "").lower() == role.lower()
    if ok and country is not None:
        ok = e["country"] == country
    out.append(("entity %s %s" % (kind, name), ok))
ent("Ejup Maqedonci", "person", "defense minister", "XKX")
ent("Aleksandar Vucic", "person", "president", "SRB")
ent("Vjosa Osmani", "person", "president", "XKX")
ent("Prince Lazar", "person")
for org in ("State Department", "Bloomberg", "NATO", "Kosovo Force", "Kosovo Security Force",
            "UN Security Council"):
    ent(org, "org")
for place in ("Kosovo", "Serbia", "Belgrade", "Pristina", "Balkans", "Federal Republic of Yugoslavia",
              "Moscow"):
    ent(place, "place")
for group in ("ethnic Albanians", "Kosovar police", "NATO troops"):
    ent(group, "group")
out.append(("group Serbs", any(e["kind"] == "group" and e["name"] in ("Serbs", "ethnic Serbs")
                               for e in d["entities"])))
ent("Camp Bondsteel", "facility")
# linked mentions: every "Kosovo" mention (possessives included) is one entity
kosovo = ents.get("Kosovo", {"mentions": []})["mentions"]
out.append(("Kosovo mentions linked", len(kosovo) >= 10 and all(m["text"] == "Kosovo" for m in kosovo)))
serbs = [e for e in d["entities"] if e["kind"] == "group" and e["name"] in ("Serbs", "ethnic Serbs")]
out.append(("Serbs mentions linked", bool(serbs) and len(serbs[0]["mentions"]) >= 6))
for name, ok in out:
    print(("ok " if ok else "FAIL ") + name)
PY
python3 "$TMP/check.py" "$TMP/seed.jsonl" > "$TMP/result.txt"
while read -r status name; do
    expect_eq "seed: $name" "$status" ok
done < "$TMP/result.txt"
report
