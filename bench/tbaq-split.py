#!/usr/bin/env python3
"""Splits the shared TempEval-3 TBAQ documents into a held-back part and a part to tune on.

    python3 bench/tbaq-split.py [--data ../shared/data/tempeval3-tbaq] [--out /tmp/te3]

A document goes to OUT/held when the first byte of the SHA-1 of its file name (without .tml),
modulo 100, is below 30 (57 of the 173 shared documents), else to OUT/tune (116). The split
depends on nothing but the names, so every session gets the same one. Then:

    python3 ../shared/tools/score.py times --data /tmp/te3/held --cmd "target/release/dossier extract"
"""
import argparse
import hashlib
import shutil
from pathlib import Path


def held_back(stem: str) -> bool:
    return hashlib.sha1(stem.encode()).digest()[0] % 100 < 30


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", default="../shared/data/tempeval3-tbaq")
    ap.add_argument("--out", default="/tmp/te3")
    args = ap.parse_args()
    out = Path(args.out)
    for part in ("held", "tune"):
        shutil.rmtree(out / part, ignore_errors=True)
        (out / part).mkdir(parents=True)
    counts = {"held": 0, "tune": 0}
    for f in sorted(Path(args.data).rglob("*.tml")):
        part = "held" if held_back(f.stem) else "tune"
        shutil.copy(f, out / part / f.name)
        counts[part] += 1
    print(f"{out}/held: {counts['held']} documents, {out}/tune: {counts['tune']}")


if __name__ == "__main__":
    main()
