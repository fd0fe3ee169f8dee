#!/usr/bin/env python3
"""Within-document entity linking (aliases, pronouns, descriptions) scored against GUM coreference.

    python3 bench/gum-coref.py [--data DIR ...] [--cmd "target/release/dossier extract"]

Needs the PyPI package `scorch` (MUC, B-cubed and CEAF-e as in Pradhan et al. 2014), e.g.
`python3 -m venv /tmp/coref && /tmp/coref/bin/pip install scorch` and run this with that python.

What is compared, per document of the GUM dev parts (default: ../shared/data/gum/*/dev/conllu):
- Text: rebuilt from the CoNLL-U words (SpaceAfter=No, a blank line at each `# newpar`), fed to
  the extractor as one JSONL document each.
- Gold: the chains (the `Entity=` brackets) whose type is person, organization or place, that
  have two mentions or more: what the linker links. Every mention in them counts: names,
  pronouns, descriptions.
- System: the mentions of each PERSON, ORG and LOC entity of `dossier extract` with two mentions
  or more.
- Alignment: a system mention is a gold mention when its words lie inside the gold mention and
  take in one word of its minimal span (GUM's `minspan`, its head): "Sajid Javid" is the gold
  "Home Secretary Sajid Javid". Each gold mention takes at most one system mention, the
  smallest gold mention that fits wins. Unaligned system mentions stay as mentions of their own
  and, as in the reference scorer, count as gold singletons.
- The "names" view keeps gold mentions whose head is a proper noun and system mentions of
  kind name, alias or acronym: how well names and their short forms come together.
Scores are pooled over all documents (clusters never cross documents, so this is the micro
average).
"""

import argparse
import glob
import json
import os
import re
import shlex
import subprocess
import sys
import tempfile

try:
    from scorch import scores
except ImportError:
    sys.exit("gum-coref: needs the `scorch` package (pip install scorch); see the top of this file")

TYPES = {"person": "PERSON", "organization": "ORG", "place": "LOC"}
SYS_TYPES = {"PERSON", "ORG", "LOC"}
NAME_KINDS = {"name", "alias", "acronym"}


def parse_entity_field(value):
    """Events of one word's `Entity=` value: ('open', id, fields), ('close', id)."""
    events, i = [], 0
    while i < len(value):
        if value[i] == "(":
            j = i + 1
            while j < len(value) and value[j] not in "()":
                j += 1
            fields = value[i + 1 : j].split("-")
            events.append(("open", fields[0], fields))
            if j < len(value) and value[j] == ")":
                events.append(("close", fields[0]))
                j += 1
            i = j
        else:
            j = i
            while j < len(value) and value[j] not in "()":
                j += 1
            if j < len(value) and value[j] == ")":
                events.append(("close", value[i:j]))
                j += 1
            i = j
    return events


def read_conllu(path):
    """(doc id, text, word char spans, word upos, gold mentions [(chain, etype, first, last, heads)])."""
    text, spans, upos, mentions = [], [], [], []
    pos, pending_space, open_stack = 0, "", {}
    mwt_end, mwt_span = -1, None
    newpar = False

    def emit(s):
        nonlocal pos
        text.append(s)
        pos += len(s)

    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if line.startswith("# newpar"):
                newpar = True
                continue
            if not line or line.startswith("#"):
                continue
            cols = line.split("\t")
            wid, form, misc = cols[0], cols[1], cols[9]
            if "." in wid:
                continue  # empty node
            first_in_sentence = wid == "1" or (wid.startswith("1-"))
            if first_in_sentence and pos > 0:
                pending_space = "\n\n" if newpar else " "
            if first_in_sentence:
                newpar = False
            if "-" in wid:
                a, b = (int(x) for x in wid.split("-"))
                emit(pending_space)
                pending_space = ""
                mwt_span = (pos, pos + len(form))
                emit(form)
                mwt_end = int(b)
                pending_space = "" if "SpaceAfter=No" in misc else " "
                continue
            n = int(wid)
            if mwt_span is not None and n <= mwt_end:
                span = mwt_span
                if n == mwt_end:
                    mwt_span = None
            else:
                emit(pending_space)
                span = (pos, pos + len(form))
                emit(form)
                pending_space = "" if "SpaceAfter=No" in misc else " "
            k = len(spans)
            spans.append(span)
            upos.append(cols[3])
            ent = next((m[len("Entity=") :] for m in misc.split("|") if m.startswith("Entity=")), None)
            if ent:
                for ev in parse_entity_field(ent):
                    if ev[0] == "open":
                        open_stack.setdefault(ev[1], []).append((k, ev[2]))
                    else:
                        start, fields = open_stack[ev[1]].pop()
                        mentions.append((ev[1], fields[1] if len(fields) > 1 else "", start, k, minspan(fields, start, k)))
    return os.path.basename(path).rsplit(".", 1)[0], "".join(text), spans, upos, mentions


def minspan(fields, first, last):
    """Word indexes of a mention's minimal span (GUM field 6: 1-based offsets in the mention)."""
    try:
        out = set()
        for part in fields[5].split(","):
            a, _, b = part.partition("-")
            for i in range(int(a), int(b or a) + 1):
                out.add(first + i - 1)
        return {i for i in out if first <= i <= last} or {last}
    except (IndexError, ValueError):
        return {last}


def words_in(spans, start, end):
    return {i for i, (a, b) in enumerate(spans) if a < end and start < b}


def score(gold, system):
    """MUC, B-cubed, CEAF-e (R, P, F) of pooled clusters; sys-only mentions join gold as singletons."""
    gold = [set(c) for c in gold]
    system = [set(c) for c in system]
    gold_mentions = set().union(*gold) if gold else set()
    sys_mentions = set().union(*system) if system else set()
    gold.extend({m} for m in sys_mentions - gold_mentions)
    out = {"MUC": scores.muc(gold, system), "B3": scores.b_cubed(gold, system), "CEAF-e": scores.ceaf_e(gold, system)}
    out["CoNLL"] = sum(v[2] for v in out.values()) / 3
    return out


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    shared = os.path.join(here, "..", "..", "shared", "data", "gum")
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", nargs="*", default=sorted(glob.glob(os.path.join(shared, "*", "dev", "conllu"))))
    ap.add_argument("--cmd", default=os.path.join(here, "..", "target", "release", "dossier") + " extract")
    a = ap.parse_args()
    files = sorted(f for d in a.data for f in glob.glob(os.path.join(d, "*.conllu")))
    if not files:
        print(f"gum-coref: no GUM CoNLL-U files under {a.data}; skipped (the shared data is absent)")
        return
    docs = [read_conllu(f) for f in files]
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8") as feed:
        for did, text, *_ in docs:
            feed.write(json.dumps({"id": did, "text": text}) + "\n")
    proc = subprocess.run(shlex.split(a.cmd) + [feed.name], capture_output=True, text=True)
    os.unlink(feed.name)
    if proc.returncode != 0:
        sys.exit(f"gum-coref: the extractor failed: {proc.stderr[-500:]}")
    out = {}
    for line in proc.stdout.splitlines():
        rec = json.loads(line)
        out[rec["id"]] = rec

    views = {"all": ([], []), "names": ([], [])}
    counts = {v: [0, 0, 0] for v in views}  # aligned, gold mentions, system mentions
    for did, text, spans, upos, mentions in docs:
        rec = out.get(did, {})
        chains = {}
        for chain, etype, first, last, heads in mentions:
            if etype in TYPES:
                chains.setdefault(chain, []).append((first, last, heads))
        chains = {c: ms for c, ms in chains.items() if len(ms) >= 2}
        by_entity = {}
        for m in rec.get("mentions", []):
            if m.get("entity") and m.get("type") in SYS_TYPES:
                by_entity.setdefault(m["entity"], []).append(m)
        by_entity = {e: ms for e, ms in by_entity.items() if len(ms) >= 2}
        for view in views:
            names = view == "names"
            gold_ms = [
                (c, g)
                for c, ms in chains.items()
                for g in ms
                if not names or upos[min(g[2])] == "PROPN"
            ]
            taken = {}
            sys_clusters = []
            for e, ms in by_entity.items():
                cluster = set()
                for m in ms:
                    if names and m.get("kind") not in NAME_KINDS:
                        continue
                    words = words_in(spans, m["start"], m["end"])
                    fits = [
                        (g[1] - g[0], i)
                        for i, (c, g) in enumerate(gold_ms)
                        if i not in taken and words and min(words) >= g[0] and max(words) <= g[1] and words & g[2]
                    ]
                    if fits:
                        i = min(fits)[1]
                        taken[i] = True
                        cluster.add(f"{did}:g{i}")
                    else:
                        cluster.add(f"{did}:s{m['start']}:{m['end']}")
                if cluster:
                    sys_clusters.append(cluster)
            gold_clusters = {}
            for i, (c, g) in enumerate(gold_ms):
                gold_clusters.setdefault(c, set()).add(f"{did}:g{i}")
            views[view][0].extend(gold_clusters.values())
            views[view][1].extend(sys_clusters)
            counts[view][0] += len(taken)
            counts[view][1] += len(gold_ms)
            counts[view][2] += sum(len(c) for c in sys_clusters)

    print(f"GUM dev, {len(docs)} documents; gold: person/organization/place chains of 2+ mentions")
    print(f"{'view':6} {'mentions R':>10} {'P':>6} | {'MUC R':>6} {'P':>6} {'F1':>6} | {'B3 R':>6} {'P':>6} {'F1':>6} | "
          f"{'CEAF-e R':>8} {'P':>6} {'F1':>6} | {'CoNLL F1':>8}")
    for view, (gold, system) in views.items():
        s = score(gold, system)
        al, ng, ns = counts[view]
        print(f"{view:6} {al / max(ng, 1):10.4f} {al / max(ns, 1):6.4f} | "
              + " | ".join(f"{s[k][0]:{8 if k == 'CEAF-e' else 6}.4f} {s[k][1]:6.4f} {s[k][2]:6.4f}" for k in ("MUC", "B3", "CEAF-e"))
              + f" | {s['CoNLL']:8.4f}")


if __name__ == "__main__":
    main()
