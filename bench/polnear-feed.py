#!/usr/bin/env python3
"""A JSONL feed of N news documents made from the PolNeAR texts (train and dev, 924 stories),
for ingest benchmarks on real news rather than generated text.

    python3 bench/polnear-feed.py 100000 > /tmp/pn100k.jsonl
    dossier bench ingest /tmp/pn100k.jsonl --rounds 3

The texts are taken in turn; each copy ends with a line of its own ("Ref. K.") so that its
content hash differs and the store ingests it as a new document instead of skipping it as
unchanged. The publication date is the one in the file name. The feed is built outside the
project: PolNeAR's texts are copyrighted and never go into it.

With `--join K`, every K stories in turn become one long document (a book-length PDF, a
leaked archive), to check that a document's cost grows with its length and no faster:

    python3 bench/polnear-feed.py 1 --join 800 > /tmp/long800.jsonl
"""

import json
import os
import sys


def main() -> None:
    args = sys.argv[1:]
    join = 1
    if "--join" in args:
        k = args.index("--join")
        join = int(args[k + 1])
        del args[k : k + 2]
    n = int(args[0]) if args else 100_000
    base = os.environ.get("POLNEAR", os.path.join(os.path.dirname(__file__), "..", "..", "shared", "data", "polnear"))
    if not os.path.isdir(base):
        sys.exit(f"no PolNeAR data at {base} (set POLNEAR to its folder)")
    docs = []
    for part in ("train", "dev"):
        folder = os.path.join(base, part, "text")
        for name in sorted(os.listdir(folder)):
            with open(os.path.join(folder, name), encoding="utf-8") as f:
                text = f.read().rstrip()
            # file names are publisher_YYYY-MM-DD_slug.txt
            docs.append((name.removesuffix(".txt"), text, name.split("_")[1]))
    out = sys.stdout
    for k in range(n):
        parts = [docs[(k * join + j) % len(docs)] for j in range(join)]
        name, _, date = parts[0]
        text = "\n\n".join(p[1] for p in parts)
        out.write(json.dumps({"id": f"{name}-{k}", "text": f"{text}\n\nRef. {k}.", "published": date}) + "\n")


if __name__ == "__main__":
    main()
