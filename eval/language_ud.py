#!/usr/bin/env python3
"""language_ud.py — sentence and token boundaries against Universal
Dependencies English EWT (dev), for eval/task_language.sh.

  prepare CONLLU TEXT GOLD   paragraphs (# newpar) rebuilt from the
                             sentences' `# text`, joined by one space, are
                             written to TEXT separated by the byte 0x1E;
                             GOLD gets the byte spans of gold sentences and
                             words per paragraph (JSON Lines)
  score GOLD PRED            PRED is what eval/language_eval.c printed;
                             prints sentence and token precision, recall
                             and F1 (exact span match) as
                             language<TAB>metric<TAB>value lines

Words follow UD's syntactic words: a multiword token ("don't" = do + n't)
counts as its words when they spell it, else as one token.  EWT is web
text (blogs, reviews, e-mail), not news: the figures measure boundaries,
not the tidings news style.
"""
import json
import sys


def paragraphs(path):
    """Yields lists of sentences; a sentence is (text, [(form...)] tokens)."""
    para, sent_text, toks, mwt_end, mwt = [], None, [], 0, None
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if line.startswith("# newdoc") or line.startswith("# newpar"):
                if para:
                    yield para
                para = []
            elif line.startswith("# text = "):
                sent_text = line[len("# text = "):]
            elif line.startswith("#"):
                continue
            elif not line:
                if sent_text is not None:
                    para.append((sent_text, toks))
                sent_text, toks, mwt_end, mwt = None, [], 0, None
            else:
                cols = line.split("\t")
                tid, form = cols[0], cols[1]
                if "." in tid:
                    continue  # empty node
                if "-" in tid:
                    a, b = tid.split("-")
                    mwt_end, mwt = int(b), (form, [])
                    continue
                if mwt and int(tid) <= mwt_end:
                    mwt[1].append(form)
                    if int(tid) == mwt_end:
                        surface, words = mwt
                        toks.extend(words if "".join(words) == surface else [surface])
                        mwt = None
                    continue
                toks.append(form)
    if para:
        yield para


def prepare(conllu, text_path, gold_path):
    texts, golds = [], []
    for para in paragraphs(conllu):
        text = b""
        sents, words = [], []
        for sent_text, toks in para:
            if text:
                text += b" "
            base = len(text)
            raw = sent_text.encode("utf-8")
            text += raw
            sents.append((base, base + len(raw)))
            pos = 0
            for t in toks:
                tb = t.encode("utf-8")
                k = raw.find(tb, pos)
                if k < 0:
                    break  # a form not spelled as in the text: skip the rest
                words.append((base + k, base + k + len(tb)))
                pos = k + len(tb)
        texts.append(text.replace(b"\x1e", b" "))
        golds.append({"sentences": sents, "tokens": words})
    with open(text_path, "wb") as f:
        f.write(b"\x1e".join(texts))
    with open(gold_path, "w") as f:
        for g in golds:
            f.write(json.dumps(g) + "\n")


def prf(gold, pred):
    tp = len(gold & pred)
    p = tp / len(pred) if pred else 0.0
    r = tp / len(gold) if gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def score(gold_path, pred_path):
    gold_s, gold_t, pred_s, pred_t = set(), set(), set(), set()
    with open(gold_path) as f:
        for i, line in enumerate(f):
            g = json.loads(line)
            gold_s.update((i, a, b) for a, b in g["sentences"])
            gold_t.update((i, a, b) for a, b in g["tokens"])
    with open(pred_path) as f:
        for line in f:
            kind, i, a, b = line.split()
            (pred_s if kind == "S" else pred_t).add((int(i), int(a), int(b)))
    for name, g, p in (("sentence", gold_s, pred_s), ("token", gold_t, pred_t)):
        pr, rc, f1 = prf(g, p)
        print("language\t%s_f1\t%.4f" % (name, f1))
        print("language\t%s_precision\t%.4f" % (name, pr))
        print("language\t%s_recall\t%.4f" % (name, rc))


if __name__ == "__main__":
    if len(sys.argv) == 5 and sys.argv[1] == "prepare":
        prepare(*sys.argv[2:])
    elif len(sys.argv) == 4 and sys.argv[1] == "score":
        score(*sys.argv[2:])
    else:
        sys.exit(__doc__)
