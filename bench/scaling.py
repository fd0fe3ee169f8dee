#!/usr/bin/env python3
"""How `dossier extract`'s time grows with odd, repetitive text: each kind of text at a size and
at four times that size, and the ratio of the two times. Near 4 is linear; a ratio well above
(flagged past 6) is work that grows with the square of something, a way for one bad document to
stall an ingest.

    python3 bench/scaling.py [--bin target/release/dossier] [--tokens 20000] [--kinds months,said]

The texts are written here from short fragments (a name list, a run of month names, reported
speech with no full stop, ...) into a temporary folder; each run is one process, the best of
`--runs` (default 2) per size, with the peak RSS of the larger text beside its size in bytes.
"""
import argparse
import os
import subprocess
import tempfile
import time

# fragments repeated to the size asked: each once stalled a component, or reaches one that reads
# around every thing it finds
KINDS = {
    "names": "ANN LEE ",
    "name-lines": "Ann Lee\nKell\n",
    "name-list": "Ann Lee, ",
    "title-case": "Ann Lee Of The Kell Times ",
    "open-quotes": '"He said ',
    "quotes": '"We will win," said Ann Lee. ',
    "curly": "\u201cWe will\u201d \u2018win\u2019 ",
    "dates": "on Monday, June 22, 2018 and 22/06/2018 ",
    "months": "January February March ",
    "clock": "at 6.14am and 18:30 GMT ",
    "years": "1999 2000 2001 ",
    "amounts": "more than 600 witness statements in 14 countries, $3.5 million ",
    "reported": "He said she told him that they ",
    "mail-headers": "From: a@b.co\nTo: c@d.co\n",
    "replies": "> ",
    "links": "http://kell.example/a?b=c anna@kell.example ",
    "initials": "A. B. C. ",
    "bullets": "\u2022 Ann Lee\n",
    "headlines": "MINISTER SAYS KELL WILL WIN\n\n",
    "dashes": "-- ",
    "words": "word ",
}


def distinct_organisations(words: int) -> str:
    """Thousands of different organisations and their short names: a document-wide list of them
    once made each name ask every organisation."""
    def name(k: int, salt: int) -> str:
        letters = "bcdfghjklmnprstvz"
        w = ""
        k = k * 7 + salt
        for _ in range(5):
            w += letters[k % len(letters)] + "aeiou"[k % 5]
            k //= 5
        return w.capitalize()
    out = []
    for k in range(max(1, words // 24)):
        a, b, c = name(k, 1), name(k, 2), name(k, 3)
        out.append(f"The {a} {b} {c} Corporation ({a[0]}{b[0]}{c[0]}C) said the {a} Bank of {b} would pay. "
                   f"Mr {c} told \"{a} {b}\" he was sure. ")
    return "".join(out)


GENERATED = {"organisations": distinct_organisations}


def best_run(binary: str, path: str, runs: int) -> tuple[float, int]:
    """The best wall time of `runs` runs, and the largest peak RSS (KiB) among them."""
    best, rss = float("inf"), 0
    for _ in range(runs):
        start = time.perf_counter()
        p = subprocess.Popen([binary, "extract", path], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        _, _, usage = os.wait4(p.pid, 0)
        best = min(best, time.perf_counter() - start)
        rss = max(rss, usage.ru_maxrss)
    return best, rss


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--bin", default="target/release/dossier")
    ap.add_argument("--tokens", type=int, default=20000, help="the smaller size, in words")
    ap.add_argument("--runs", type=int, default=2)
    ap.add_argument("--kinds", help="comma-separated kinds (default: all)")
    args = ap.parse_args()
    kinds = args.kinds.split(",") if args.kinds else list(KINDS) + list(GENERATED)
    worst = 0.0
    with tempfile.TemporaryDirectory() as tmp:
        print(f"{'kind':14} {'size':>8} {'4x size':>8} {'ratio':>6} {'MiB at 4x':>9} {'bytes':>9}")
        for kind in kinds:
            times, rss, size = [], 0, 0
            for words in (args.tokens, 4 * args.tokens):
                path = os.path.join(tmp, f"{kind}-{words}.txt")
                if kind in GENERATED:
                    text = GENERATED[kind](words)
                else:
                    unit = KINDS[kind]
                    text = unit * max(1, words // max(1, len(unit.split())))
                with open(path, "w", encoding="utf-8") as f:
                    f.write(text)
                size = os.path.getsize(path)
                t, rss = best_run(args.bin, path, args.runs)
                times.append(t)
            ratio = times[1] / times[0]
            worst = max(worst, ratio)
            flag = "  <- grows faster than the text" if ratio > 6 and times[1] > 0.3 else ""
            print(f"{kind:14} {times[0]:7.3f}s {times[1]:7.3f}s {ratio:6.1f} {rss / 1024:9.0f} {size:9}{flag}", flush=True)
    print(f"worst ratio {worst:.1f}")


if __name__ == "__main__":
    main()
