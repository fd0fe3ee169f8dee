//! Word clusters learned from unlabeled text with the exchange algorithm (Kneser & Ney 1993,
//! Martin et al. 1998): words are moved between classes to maximize the likelihood of a
//! class bigram model. Two clusterings are learned, a coarse one and a fine one; a word's
//! cluster value packs both: `(coarse + 1) << 16 | (fine + 1)`.
//!
//! The text: PolNeAR and TempEval-3 news (unlabeled here), the CoNLL-2003 training part and
//! GUM's training part, lowercased. Nothing held back for tuning is read.

use super::features::hash_lower;
use super::lexicon::HashIndex;
use crate::segment::tokenize;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

const COARSE: usize = 64;
const FINE: usize = 400;
const MIN_COUNT: u32 = 3;
const ITERATIONS: usize = 20;
const CACHE_NAME: &str = "ner-clusters-v1";

/// Loads the clusters cached in `cache_dir`, or builds them from the raw text under `data_dir`
/// and caches them.
pub(crate) fn load_or_build(data_dir: &Path, cache_dir: &Path, log: &mut dyn FnMut(&str)) -> Result<HashIndex, String> {
    // the cache is keyed by the text as tokenized, so a tokenizer change rebuilds it
    let sents = read_text(data_dir)?;
    let mut key = super::corpus::fnv(&format!("{CACHE_NAME} {COARSE} {FINE} {MIN_COUNT} {ITERATIONS}"));
    for s in &sents {
        for w in s {
            key = (key ^ super::corpus::fnv(w)).wrapping_mul(0x0000_0100_0000_01b3).rotate_left(5);
        }
        key = key.rotate_left(1) ^ 0x9e37;
    }
    let cache = cache_dir.join(format!("{CACHE_NAME}-{key:016x}.tsv"));
    let table = match std::fs::read_to_string(&cache) {
        Ok(s) => {
            log(&format!("clusters from {}", cache.display()));
            s.lines()
                .filter_map(|l| {
                    let mut f = l.split('\t');
                    Some((f.next()?.to_string(), f.next()?.parse().ok()?, f.next()?.parse().ok()?))
                })
                .collect::<Vec<(String, u32, u32)>>()
        }
        Err(_) => {
            let t = std::time::Instant::now();
            let table = build(&sents, log);
            log(&format!("clusters built in {:.0} s", t.elapsed().as_secs_f64()));
            let _ = std::fs::create_dir_all(cache_dir);
            let body: String = table.iter().map(|(w, c, f)| format!("{w}\t{c}\t{f}\n")).collect();
            if let Err(e) = std::fs::write(&cache, body) {
                log(&format!("cannot cache clusters in {}: {e}", cache.display()));
            }
            table
        }
    };
    let entries: Vec<(u64, u32)> = table.iter().map(|(w, c, f)| (hash_lower(w), ((c + 1) << 16) | (f + 1))).collect();
    Ok(HashIndex::with_entries(&entries))
}

fn files(dir: &Path, ext: &str, out: &mut Vec<PathBuf>) {
    let Ok(rd) = std::fs::read_dir(dir) else { return };
    let mut v: Vec<PathBuf> = rd.filter_map(|e| e.ok().map(|e| e.path())).collect();
    v.sort();
    for p in v {
        if p.is_dir() {
            files(&p, ext, out);
        } else if p.extension().is_some_and(|x| x == ext) {
            out.push(p);
        }
    }
}

/// Sentences (as lowercase token lists) of the unlabeled text.
fn read_text(data_dir: &Path) -> Result<Vec<Vec<String>>, String> {
    let mut sents = Vec::new();
    let push_text = |text: &str, sents: &mut Vec<Vec<String>>| {
        for line in text.split('\n') {
            let toks = tokenize(line);
            if toks.is_empty() {
                continue;
            }
            sents.push(toks.iter().map(|t| t.span.of(line).to_lowercase()).collect());
        }
    };
    let mut paths = Vec::new();
    files(&data_dir.join("polnear"), "txt", &mut paths);
    for p in &paths {
        if p.components().any(|c| c.as_os_str() == "text")
            && let Ok(s) = std::fs::read_to_string(p)
        {
            push_text(&s, &mut sents);
        }
    }
    paths.clear();
    files(&data_dir.join("tempeval3-tbaq"), "tml", &mut paths);
    for p in &paths {
        if let Ok(s) = std::fs::read_to_string(p) {
            let body = s.split("<TEXT>").nth(1).unwrap_or("").split("</TEXT>").next().unwrap_or("");
            let mut plain = String::with_capacity(body.len());
            let mut in_tag = false;
            for c in body.chars() {
                match c {
                    '<' => in_tag = true,
                    '>' => in_tag = false,
                    c if !in_tag => plain.push(c),
                    _ => {}
                }
            }
            push_text(&plain, &mut sents);
        }
    }
    if let Ok(s) = std::fs::read_to_string(data_dir.join("conll2003-en/eng.train")) {
        let mut cur = Vec::new();
        for line in s.lines() {
            match line.split_whitespace().next() {
                Some(w) if w != "-DOCSTART-" => cur.push(w.to_lowercase()),
                _ => {
                    if !cur.is_empty() {
                        sents.push(std::mem::take(&mut cur));
                    }
                }
            }
        }
    }
    for lic in ["cc-by", "cc-by-sa"] {
        paths.clear();
        files(&data_dir.join("gum").join(lic).join("train/conllu"), "conllu", &mut paths);
        for p in &paths {
            if let Ok(s) = std::fs::read_to_string(p) {
                for line in s.lines() {
                    if let Some(t) = line.strip_prefix("# text = ") {
                        push_text(t, &mut sents);
                    }
                }
            }
        }
    }
    if sents.is_empty() {
        return Err(format!("no unlabeled text found under {}", data_dir.display()));
    }
    Ok(sents)
}

/// Clusters the words of `sents`: (word, coarse class, fine class) for words seen `MIN_COUNT`
/// times or more, sorted by word.
fn build(sents: &[Vec<String>], log: &mut dyn FnMut(&str)) -> Vec<(String, u32, u32)> {
    // vocabulary: id 0 = sentence boundary, 1 = rare word
    let mut counts: HashMap<&str, u32> = HashMap::new();
    for s in sents {
        for w in s {
            *counts.entry(w.as_str()).or_insert(0) += 1;
        }
    }
    let mut vocab: Vec<(&str, u32)> = counts.into_iter().filter(|&(_, c)| c >= MIN_COUNT).collect();
    vocab.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    let ids: HashMap<&str, u32> = vocab.iter().enumerate().map(|(i, (w, _))| (*w, i as u32 + 2)).collect();
    let v = vocab.len() + 2;
    let mut seq: Vec<u32> = Vec::new();
    for s in sents {
        seq.push(0);
        for w in s {
            seq.push(ids.get(w.as_str()).copied().unwrap_or(1));
        }
    }
    seq.push(0);
    log(&format!("clusters: {} tokens, {} words seen {MIN_COUNT}+ times", seq.len(), vocab.len()));
    // bigram lists per word
    let mut bigrams: HashMap<(u32, u32), u32> = HashMap::new();
    for w in seq.windows(2) {
        *bigrams.entry((w[0], w[1])).or_insert(0) += 1;
    }
    let mut right: Vec<Vec<(u32, u32)>> = vec![Vec::new(); v];
    let mut left: Vec<Vec<(u32, u32)>> = vec![Vec::new(); v];
    let mut bl: Vec<((u32, u32), u32)> = bigrams.into_iter().collect();
    bl.sort_unstable();
    for ((a, b), c) in bl {
        right[a as usize].push((b, c));
        left[b as usize].push((a, c));
    }
    let mut uni = vec![0u64; v];
    for &w in &seq {
        uni[w as usize] += 1;
    }
    let coarse = exchange(COARSE, &uni, &left, &right, log);
    let fine = exchange(FINE, &uni, &left, &right, log);
    let mut out: Vec<(String, u32, u32)> =
        vocab.iter().enumerate().map(|(i, (w, _))| (w.to_string(), coarse[i + 2], fine[i + 2])).collect();
    out.sort();
    out
}

#[inline]
fn f(x: i64) -> f64 {
    if x <= 0 { 0.0 } else { x as f64 * (x as f64).ln() }
}

/// The exchange algorithm with `k` classes; returns the class of every word id.
fn exchange(
    k: usize,
    uni: &[u64],
    left: &[Vec<(u32, u32)>],
    right: &[Vec<(u32, u32)>],
    log: &mut dyn FnMut(&str),
) -> Vec<u32> {
    let v = uni.len();
    // initial classes: by frequency rank
    let mut class: Vec<u32> = (0..v).map(|w| (w % k) as u32).collect();
    let mut n2 = vec![0i64; k * k]; // n2[a * k + b]: class bigram counts
    let mut n1 = vec![0i64; k];
    for w in 0..v {
        n1[class[w] as usize] += uni[w] as i64;
        for &(b, c) in &right[w] {
            n2[class[w] as usize * k + class[b as usize] as usize] += c as i64;
        }
    }
    let mut lc = vec![0i64; k]; // counts of (class c', w)
    let mut rc = vec![0i64; k]; // counts of (w, class c')
    let mut touched: Vec<usize> = Vec::new();
    for it in 0..ITERATIONS {
        let mut moved = 0;
        for w in 0..v {
            let a = class[w] as usize;
            let nw = uni[w] as i64;
            // neighbor class counts, excluding w itself
            let mut selfc = 0i64;
            for &(x, c) in &left[w] {
                if x as usize == w {
                    selfc = c as i64;
                    continue;
                }
                let cx = class[x as usize] as usize;
                if lc[cx] == 0 && rc[cx] == 0 {
                    touched.push(cx);
                }
                lc[cx] += c as i64;
            }
            for &(x, c) in &right[w] {
                if x as usize == w {
                    continue;
                }
                let cx = class[x as usize] as usize;
                if lc[cx] == 0 && rc[cx] == 0 {
                    touched.push(cx);
                }
                rc[cx] += c as i64;
            }
            // take w out of a
            for &c in &touched {
                n2[c * k + a] -= lc[c];
                n2[a * k + c] -= rc[c];
            }
            n2[a * k + a] -= selfc;
            n1[a] -= nw;
            // best class
            let mut best = a;
            let mut best_gain = f64::NEG_INFINITY;
            for b in 0..k {
                let mut g = 0.0;
                for &c in &touched {
                    if c == b {
                        continue;
                    }
                    if lc[c] != 0 {
                        let x = n2[c * k + b];
                        g += f(x + lc[c]) - f(x);
                    }
                    if rc[c] != 0 {
                        let x = n2[b * k + c];
                        g += f(x + rc[c]) - f(x);
                    }
                }
                let x = n2[b * k + b];
                g += f(x + lc[b] + rc[b] + selfc) - f(x);
                g -= 2.0 * (f(n1[b] + nw) - f(n1[b]));
                if g > best_gain + 1e-9 {
                    best_gain = g;
                    best = b;
                }
            }
            // put w into best
            for &c in &touched {
                n2[c * k + best] += lc[c];
                n2[best * k + c] += rc[c];
            }
            // the self cells: (best, best) gets lc[best]+rc[best] via the loop when best is touched;
            // when best was not touched its lc/rc are 0; add the self bigram
            n2[best * k + best] += selfc;
            n1[best] += nw;
            if best != a {
                moved += 1;
                class[w] = best as u32;
            }
            for &c in &touched {
                lc[c] = 0;
                rc[c] = 0;
            }
            touched.clear();
        }
        log(&format!("clusters: {k} classes, iteration {}: {moved} words moved", it + 1));
        if moved * 1000 < v {
            break;
        }
    }
    class
}
