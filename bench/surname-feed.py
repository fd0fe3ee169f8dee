#!/usr/bin/env python3
"""A JSONL feed of N short invented news items in which a new person is first named by
surname alone ("Mr Dovarek said ...") and by full name only a few items later ("Talia
Dovarek, the port's director, ..."), as wire copy often does. Each such pair makes the case
join a bare surname to a full name while the load runs, which the PolNeAR feed (924 stories
in turn) does only within its first round.

    python3 bench/surname-feed.py 20000 > /tmp/sf20k.jsonl
    /usr/bin/time dossier ingest --case c /tmp/sf20k.jsonl

Names are built from syllables, so every person is new; places and roles come from short
lists. Deterministic.
"""

import json
import sys

SYL = ["ba", "do", "ke", "li", "mo", "nu", "ra", "se", "ti", "vo", "za", "ga", "pe", "lu", "ri", "ta"]
GIVEN = ["Talia", "Marek", "Ines", "Oskar", "Lena", "Pavel", "Sofia", "Tomas", "Vera", "Emil"]
PLACES = ["Vell Basin", "Orsk", "Tessavar", "Lindholm", "Ardenport", "Karsa"]
ROLES = ["the port's director", "a council member", "the union's spokesman", "a local trader"]
LAG = 40


def surname(k: int) -> str:
    s = ""
    for _ in range(3):
        s += SYL[k % 16]
        k //= 16
    s += SYL[k % 16] + "k"
    return s.capitalize()


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 20_000
    for k in range(n):
        place = PLACES[k % len(PLACES)]
        text = f"{place} council meets on the harbour plan. Mr {surname(k)} said the vote would be close."
        if k >= LAG:
            j = k - LAG
            text += f" {GIVEN[j % len(GIVEN)]} {surname(j)}, {ROLES[j % len(ROLES)]}, backed the plan in {place}."
        print(json.dumps({"id": f"sf-{k}", "text": text, "published": f"2024-{1 + k % 12:02d}-{1 + k % 28:02d}"}))


if __name__ == "__main__":
    main()
