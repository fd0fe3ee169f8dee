#!/usr/bin/env python3
"""Scores time expressions on 180 PolNeAR news stories (2015-2016) against a TimeML-style reference
made for this project, as `score.py times` scores TimeBank: relaxed span match (any overlap) and
exact value.

    python3 bench/polnear-times.py --cmd "target/release/dossier extract"
    python3 bench/polnear-times.py --output /tmp/ht.jsonl     # an extractor's saved output
    python3 bench/polnear-times.py --cmd "..." --batches ghklqrwx34 # the held-out batches

The reference (`bench/data/polnear-times-ref.tsv`) holds character offsets, types and values only,
no text: PolNeAR's stories are copyrighted and are read from `../shared/data/polnear` (or $POLNEAR).
It was written by helper sessions of the project, each reading 15 stories without seeing any
extractor's output. Batches a-f, i, j, m-p, s-v, y, z, 1, 2, 5-8 and A-D (420 stories, 5,505
expressions) were then read to find errors; batches g, h, k, l, q, r, w, x, 3 and 4 (150 stories, 1,966
expressions) were scored before anyone read them and are kept unread: they are the held-out part.
It is not an expert-checked gold. Batches a and b were
written from instructions that gave "Tuesday night" as `...TNI`, which dossier leaves out as
TimeBank mostly does; "sure" is the annotator's own confidence. How it was written, with the
annotators' instructions: `bench/data/polnear-times-ref.md`. `--sure` scores only the expressions
marked sure (predictions that overlap an unsure one are then not counted either way).
"""

import argparse
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
SHARED = os.path.join(HERE, "..", "..", "shared")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--cmd", help="extractor command line, given a JSONL feed as its last argument")
    ap.add_argument("--output", help="JSONL output of an extractor over these stories (ids as in the feed)")
    ap.add_argument("--ref", default=os.path.join(HERE, "data", "polnear-times-ref.tsv"))
    ap.add_argument("--sure", action="store_true", help="score only the expressions the annotator was sure of")
    ap.add_argument("--batches", default="", help="score only the stories of these batches (letters a-z and A-D, digits 1-8)")
    a = ap.parse_args()
    if not (a.cmd or a.output):
        ap.error("give --cmd or --output")
    names, gold, batch = [], {}, {}
    with open(a.ref, encoding="utf-8") as f:
        for line in f:
            cols = line.rstrip("\n").split("\t")
            if line.startswith("# doc\t"):
                names.append(cols[1])
                gold[cols[1]] = []
            elif not line.startswith("#") and len(cols) >= 7:
                gold[cols[0]].append({"span": (int(cols[1]), int(cols[2])), "type": cols[3], "value": cols[4], "sure": cols[5] == "sure"})
                batch[cols[0]] = cols[6]
    if a.batches:
        # a story without any expression belongs to no batch: kept only when all are scored
        names = [n for n in names if batch.get(n, "") in set(a.batches)]

    if a.output:
        out = {}
        with open(a.output, encoding="utf-8") as f:
            for line in f:
                d = json.loads(line)
                # feeds made by polnear-feed.py number their copies: "<name>-<k>"
                name = d["id"] if d["id"] in gold else d["id"].rsplit("-", 1)[0]
                if name in gold:
                    out[name] = d
        missing = [n for n in names if n not in out]
        if missing:
            sys.exit(f"{len(missing)} reference stories are not in {a.output}, e.g. {missing[0]}")
    else:
        base = os.environ.get("POLNEAR", os.path.join(SHARED, "data", "polnear"))
        if not os.path.isdir(base):
            sys.exit(f"no PolNeAR data at {base} (set POLNEAR to its folder)")
        sys.path.insert(0, os.path.join(SHARED, "tools"))
        from score import run_extractor  # the shared scorer's runner: same contract checks

        feed = []
        for name in names:
            part = next(p for p in ("train", "dev") if os.path.exists(os.path.join(base, p, "text", name + ".txt")))
            with open(os.path.join(base, part, "text", name + ".txt"), encoding="utf-8") as f:
                feed.append({"id": name, "text": f.read().rstrip(), "published": name.split("_")[1]})
        out, _ = run_extractor(a.cmd, feed, need=("times",))

    # as score.py times: each prediction takes the first unused reference expression it overlaps
    strict = relaxed = value_ok = type_ok = npred = ngold = 0
    for name in names:
        g = gold[name]
        used = set()
        for q in out[name].get("times", []):
            ps = (q["start"], q["end"])
            hit = next((i for i, h in enumerate(g) if i not in used and ps[0] < h["span"][1] and h["span"][0] < ps[1]), None)
            if hit is not None:
                used.add(hit)
                if a.sure and not g[hit]["sure"]:
                    continue
                relaxed += 1
                strict += ps == g[hit]["span"]
                type_ok += str(q.get("type", "")).upper() == g[hit]["type"].upper()
                value_ok += str(q.get("value", "")).upper() == g[hit]["value"].upper()
            npred += 1
        ngold += sum(1 for h in g if h["sure"] or not a.sure)

    def prf(k):
        p, r = k / npred if npred else 0.0, k / ngold if ngold else 0.0
        return p, r, 2 * p * r / (p + r) if p + r else 0.0

    (ps, rs, fs), (pr, rr, fr), (pv, rv, fv) = prf(strict), prf(relaxed), prf(value_ok)
    print(f"strict span   P={ps:.4f} R={rs:.4f} F1={fs:.4f}")
    print(f"relaxed span  P={pr:.4f} R={rr:.4f} F1={fr:.4f}")
    print(f"value         P={pv:.4f} R={rv:.4f} F1={fv:.4f}   (relaxed match and equal value)")
    print(f"type accuracy on relaxed matches {type_ok / relaxed if relaxed else 0:.4f}")
    print(f"stories={len(names)} reference={ngold} predicted={npred}")


if __name__ == "__main__":
    main()
