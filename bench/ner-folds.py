#!/usr/bin/env python3
"""The 4-fold held-out NER figures through the shared scorer, with the entity linker as
`dossier extract` runs it (a name's mentions take their entity's type).

    cargo build --release -p dossier-nlp --examples
    python3 bench/ner-folds.py                 # trains the four fold models (~2 min), then scores
    python3 bench/ner-folds.py --no-train      # scores the fold models already in --dir
    python3 bench/ner-folds.py --no-link       # the tagger alone, as ner_eval runs it by default

Fold k holds back the k-th quarter of the UNER, WikiGold and re3d documents (`DOSSIER_NER_HOLDOUT_FOLD`)
and trains on the rest; each document of the three is scored once, by the model that did not see
it, and the counts of the four folds are pooled. CoNLL testa and GUM dev are held out by every fold;
they are scored with fold 0's model, and so is a copy of testa written in title case, as headlines
are ("testa Tc"). Prints F1 per corpus, all types the gold has and PER/ORG/LOC
alone (UNER's types), and per type. Needs the word-vector classes (see docs/model-card.md,
Retraining) for the shipped configuration.
"""
import argparse
import os
import re
import subprocess
import sys
from collections import Counter

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
EXAMPLES = os.path.join(ROOT, "target", "release", "examples")
SCORE = os.path.join(ROOT, "..", "shared", "tools", "score.py")
TYPES = ["PER", "ORG", "LOC", "MISC"]


def f1(tp, pred, gold):
    return 2 * tp / (pred + gold) if pred + gold else 0.0


def score(data, model, link):
    """(tp, pred, gold) per type of one scorer run, from its table (P and R to 4 places)."""
    env = dict(os.environ, DOSSIER_NER_MODEL=model, DOSSIER_NER_LINK="1" if link else "0")
    cmd = [sys.executable, SCORE, "ner", "--data", data, "--cmd", os.path.join(EXAMPLES, "ner_eval")]
    out = subprocess.run(cmd, env=env, capture_output=True, text=True, check=True).stdout
    tp, pred, gold = Counter(), Counter(), Counter()
    for line in out.splitlines():
        m = re.match(r"(PER|ORG|LOC|MISC)\s+([\d.]+)\s+([\d.]+)\s+[\d.]+\s+(\d+)", line)
        if m:
            t, p, r, g = m.group(1), float(m.group(2)), float(m.group(3)), int(m.group(4))
            hits = round(r * g)
            tp[t] += hits
            gold[t] += g
            pred[t] += round(hits / p) if p else 0
    return tp, pred, gold


def line(name, tp, pred, gold):
    def sub(ts):
        return f1(sum(tp[t] for t in ts), sum(pred[t] for t in ts), sum(gold[t] for t in ts))

    per_type = " ".join(f"{t} {f1(tp[t], pred[t], gold[t]):.4f}" for t in TYPES if gold[t])
    return f"{name:9} all {sub(TYPES):.4f}  PER/ORG/LOC {sub(TYPES[:3]):.4f}  ({per_type})"


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", default=os.path.join(ROOT, "..", "shared", "data"))
    ap.add_argument("--dir", default="/tmp/dossier-ner-folds", help="fold models and held-out parts")
    ap.add_argument("--no-train", action="store_true", help="reuse the fold models in --dir")
    ap.add_argument("--no-link", action="store_true", help="score the tagger without the entity linker")
    a = ap.parse_args()
    if not os.path.isdir(a.data):
        sys.exit(f"ner-folds: no shared data at {a.data}")
    os.makedirs(a.dir, exist_ok=True)
    for k in range(4):
        env = dict(os.environ, DOSSIER_NER_HOLDOUT_FOLD=str(k))
        model = os.path.join(a.dir, f"fold{k}.bin")
        if not a.no_train:
            with open(os.path.join(a.dir, f"fold{k}.log"), "w") as log:
                subprocess.run([os.path.join(EXAMPLES, "ner_train"), "--data", a.data, "--out", model],
                               env=env, stdout=log, stderr=subprocess.STDOUT, check=True)
        subprocess.run([os.path.join(EXAMPLES, "ner_export_dev"), a.data, os.path.join(a.dir, f"dev{k}")],
                       env=env, stdout=subprocess.DEVNULL, check=True)
    link = not a.no_link
    for corpus in ["uner", "wikigold", "re3d"]:
        tp, pred, gold = Counter(), Counter(), Counter()
        for k in range(4):
            data = os.path.join(a.dir, f"dev{k}", f"{corpus}-dev.conll")
            t, p, g = score(data, os.path.join(a.dir, f"fold{k}.bin"), link)
            tp += t
            pred += p
            gold += g
        print(line(corpus, tp, pred, gold))
    fold0 = os.path.join(a.dir, "fold0.bin")
    testa = os.path.join(a.data, "conll2003-en", "eng.testa")
    print(line("testa", *score(testa, fold0, link)))
    print(line("gum dev", *score(os.path.join(a.dir, "dev0", "gum-dev.conll"), fold0, link)))
    titled = os.path.join(a.dir, "testa-title-case.conll")
    title_case_copy(testa, titled)
    print(line("testa Tc", *score(titled, fold0, link)))


def title_case_copy(src, dst):
    """CoNLL testa with its words capitalized as a headline in title case writes them: every word
    but a title's small words after the first of its sentence; words in capitals stay."""
    small = {"a", "an", "the", "and", "but", "or", "for", "nor", "at", "by", "to", "of", "in", "on", "up", "as"}
    out, first = [], True
    with open(src) as f:
        for row in f:
            if not row.strip() or row.startswith("-DOCSTART-"):
                out.append(row)
                first = True
                continue
            cols = row.rstrip("\n").split(" ")
            w = cols[0]
            if w[:1].isalpha() and w[:1].islower() and (first or w not in small):
                cols[0] = w[0].upper() + w[1:]
            first = False
            out.append(" ".join(cols) + "\n")
    with open(dst, "w") as f:
        f.writelines(out)


if __name__ == "__main__":
    main()
