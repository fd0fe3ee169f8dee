//! Training: corpora → examples tokenized as the pipeline tokenizes → averaged perceptron.

use super::corpus::{self, Corpus, Document, Ent, Sentence, TYPE_NAMES};
use super::decode::{self, Scratch};
use super::features::{DocLabels, DocStats, Extractor, FeatureSet, hash_lower, vclass};
use super::lexicon::{
    self, ABBREVIATIONS, HashIndex, Lexicons, ORG_WORDS, ROLE_WORDS, build_ext, build_gazetteer, ext,
};
use super::model::Model;
use super::{NL, clusters, spans_of};
use crate::segment::{split_sentences, tokenize};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Instant;

/// What [`train`] reads, where it caches, and how long it trains.
#[derive(Clone, Debug)]
pub struct TrainOptions {
    /// The shared data folder (`../shared/data`).
    pub data_dir: PathBuf,
    /// Where derived data (word clusters) is cached between runs.
    pub cache_dir: PathBuf,
    /// Train on a subset, for fast iteration.
    pub quick: bool,
    /// Passes over the training data.
    pub epochs: usize,
    /// Seed of the shuffles.
    pub seed: u64,
    /// Also train on the parts kept for tuning (for the model that ships; its dev figures are
    /// then no longer held-out figures).
    pub include_dev: bool,
    /// The external lexicon (`entry<TAB>category` lines, made by `crates/nlp/models/ner_lexicon.py`);
    /// its contents are folded into the model. `None`, or a missing file, trains without it.
    pub lexicon: Option<PathBuf>,
    /// Word classes from pretrained word vectors (`word<TAB>coarse<TAB>fine[<TAB>type]` lines,
    /// made by `crates/nlp/models/ner_vectors.py`); folded into the model. `None`, or a missing file,
    /// trains without them.
    pub vectors: Option<PathBuf>,
}

impl TrainOptions {
    /// Defaults: cache in `$XDG_CACHE_HOME/dossier` (else `/tmp/dossier-cache`), 12 epochs,
    /// seed 1, full data, dev parts held back, the lexicon `crates/nlp/models/ner-lexicon.tsv`
    /// of this source tree.
    pub fn new(data_dir: impl Into<PathBuf>) -> TrainOptions {
        let cache_dir = std::env::var_os("XDG_CACHE_HOME")
            .map(|d| PathBuf::from(d).join("dossier"))
            .unwrap_or_else(|| PathBuf::from("/tmp/dossier-cache"));
        let lexicon = Some(Path::new(env!("CARGO_MANIFEST_DIR")).join("models/ner-lexicon.tsv"));
        let vectors = Some(cache_dir.join(VECTORS_FILE));
        TrainOptions {
            data_dir: data_dir.into(),
            cache_dir,
            vectors,
            quick: false,
            epochs: 12,
            seed: 1,
            include_dev: false,
            lexicon,
        }
    }

    /// Moves the cache folder; word-vector classes still at their default place move with it.
    pub fn set_cache_dir(&mut self, dir: PathBuf) {
        if self.vectors.as_deref() == Some(self.cache_dir.join(VECTORS_FILE).as_path()) {
            self.vectors = Some(dir.join(VECTORS_FILE));
        }
        self.cache_dir = dir;
    }
}

/// The default name of the word-vector classes in the cache folder.
const VECTORS_FILE: &str = "ner-vectors-glove6b50d.tsv";

/// Reads the word-vector classes (`word<TAB>coarse<TAB>fine`, and the type prior's code).
fn load_vectors(path: Option<&Path>, log: &mut dyn FnMut(&str)) -> Result<HashIndex, String> {
    let Some(p) = path else { return Ok(HashIndex::default()) };
    if !p.exists() {
        log(&format!("no word-vector classes at {}: trained without them", p.display()));
        return Ok(HashIndex::default());
    }
    let src = std::fs::read_to_string(p).map_err(|e| format!("{}: {e}", p.display()))?;
    let mut entries = Vec::new();
    for (i, line) in src.lines().enumerate() {
        let f: Vec<&str> = line.split('\t').collect();
        if !(3..=4).contains(&f.len()) {
            return Err(format!("{}:{}: expected word, coarse and fine class (and a type code)", p.display(), i + 1));
        }
        let num = |v: &str, max: u32| v.parse::<u32>().ok().filter(|&v| v <= max);
        let ty = if f.len() == 4 { num(f[3], vclass::MAX_TYPE) } else { Some(0) };
        let (Some(c), Some(fine), Some(ty)) = (num(f[1], vclass::MAX_COARSE), num(f[2], vclass::MAX_FINE), ty) else {
            return Err(format!("{}:{}: bad class number", p.display(), i + 1));
        };
        entries.push((lexicon::ext_key(hash_lower(f[0])), vclass::pack(fine, c, ty)));
    }
    log(&format!("word-vector classes: {} words from {}", entries.len(), p.display()));
    Ok(HashIndex::with_entries(&entries))
}

/// Knobs for experiments, read from the environment (`DOSSIER_NER_*`); the defaults are the
/// tuned values.
struct Knobs {
    bits: u8,
    features: FeatureSet,
    upper_share: u64,
    lower_share: u64,
    folds: u64,
    prune: f32,
    weight_other: usize,
    reps: String,
    ensemble: u64,
    doc_label_share: u64,
    ext_mask: u32,
    particle_share: u64,
    lower_name_share: u64,
    dropout: u64,
    o_bias: f32,
    margin: f32,
}

impl Knobs {
    fn from_env() -> Knobs {
        let get = |k: &str, d: u64| std::env::var(k).ok().and_then(|v| v.parse().ok()).unwrap_or(d);
        Knobs {
            bits: get("DOSSIER_NER_BITS", 19) as u8,
            features: FeatureSet(get("DOSSIER_NER_FEATURES", FeatureSet::DEFAULT.0 as u64) as u32),
            upper_share: get("DOSSIER_NER_UPPER", 12),
            lower_share: get("DOSSIER_NER_LOWER", 10),
            folds: get("DOSSIER_NER_FOLDS", 4),
            prune: get("DOSSIER_NER_PRUNE_PPM", 15000) as f32 / 1e6,
            weight_other: get("DOSSIER_NER_WEIGHT_OTHER", 1) as usize,
            reps: std::env::var("DOSSIER_NER_REPS").unwrap_or_default(),
            ensemble: get("DOSSIER_NER_ENSEMBLE", 3).max(1),
            doc_label_share: get("DOSSIER_NER_DOC_LABEL_SHARE", 50),
            ext_mask: get("DOSSIER_NER_EXT_MASK", u32::MAX as u64) as u32,
            particle_share: get("DOSSIER_NER_PARTICLES", 4),
            lower_name_share: get("DOSSIER_NER_LOWER_NAMES", 0),
            dropout: get("DOSSIER_NER_DROPOUT", 250).min(999),
            o_bias: get("DOSSIER_NER_O_BIAS", 30) as f32,
            margin: get("DOSSIER_NER_MARGIN", 100) as f32,
        }
    }

    /// Passes over a corpus per epoch: `DOSSIER_NER_REPS=uner:2,wikigold:3` names them per
    /// corpus; otherwise CoNLL once and the others `DOSSIER_NER_WEIGHT_OTHER` times.
    fn reps_of(&self, corpus: &str) -> usize {
        for part in self.reps.split(',') {
            if let Some((name, n)) = part.split_once(':')
                && name == corpus
                && let Ok(n) = n.parse()
            {
                return n;
            }
        }
        if corpus == "conll" { 1 } else { self.weight_other }
    }
}

/// Reads the external lexicon file (categories in `mask` only) and adds the role and
/// organisation words and the abbreviations.
fn load_ext(path: Option<&Path>, mask: u32, log: &mut dyn FnMut(&str)) -> Result<HashIndex, String> {
    let mut entries: Vec<(Vec<u64>, u32)> = Vec::new();
    let add = |entries: &mut Vec<(Vec<u64>, u32)>, name: &str, cat: u32| {
        let toks: Vec<u64> = tokenize(name).iter().map(|t| hash_lower(t.span.of(name))).collect();
        entries.push((toks, cat));
    };
    match path {
        Some(p) if p.exists() => {
            let src = std::fs::read_to_string(p).map_err(|e| format!("{}: {e}", p.display()))?;
            for line in src.lines().filter(|l| !l.starts_with('#')) {
                let Some((name, label)) = line.split_once('\t') else { continue };
                if let Some(cat) = ext::of_label(label.trim())
                    && cat & mask != 0
                {
                    add(&mut entries, name, cat);
                }
            }
            log(&format!("external lexicon: {} entries from {}", entries.len(), p.display()));
        }
        Some(p) => log(&format!("no external lexicon at {}: trained without it", p.display())),
        None => {}
    }
    for w in ROLE_WORDS {
        add(&mut entries, w, ext::ROLE & mask);
    }
    for w in ORG_WORDS {
        add(&mut entries, w, ext::ORG_WORD & mask);
    }
    for w in ABBREVIATIONS {
        add(&mut entries, w, ext::ABBR & mask);
    }
    Ok(build_ext(entries.iter().filter(|e| e.1 != 0).map(|(t, c)| (t.as_slice(), *c))))
}

/// Particles put before the last word of a name by [`particle_variant`].
const PARTICLE_FORMS: &[&str] =
    &["al-", "el-", "Al-", "El-", "bin ", "ibn ", "de ", "de la ", "da ", "van ", "von ", "van der ", "dos ", "ben "];

/// A copy of a sentence whose first person or place name of two or more words gets a particle
/// before its last word; `None` when it has no such name.
fn particle_variant(text: &str, ents: &[Ent], pick: u64) -> Option<(String, Vec<Ent>)> {
    let e = ents.iter().find(|e| (e.ty == 0 || e.ty == 2) && text[e.start as usize..e.end as usize].contains(' '))?;
    let name = &text[e.start as usize..e.end as usize];
    let last = e.start as usize + name.rfind(' ')? + 1;
    if !text[last..].starts_with(|c: char| c.is_ascii_uppercase()) {
        return None;
    }
    let forms: &[&str] = if e.ty == 0 { PARTICLE_FORMS } else { &PARTICLE_FORMS[..4] };
    let p = forms[(pick % forms.len() as u64) as usize];
    let mut out = String::with_capacity(text.len() + p.len());
    out.push_str(&text[..last]);
    out.push_str(p);
    out.push_str(&text[last..]);
    let d = p.len() as u32;
    let shift = |x: u32| if x as usize >= last { x + d } else { x };
    let ents = ents.iter().map(|x| Ent { start: shift(x.start), end: shift(x.end), ty: x.ty }).collect();
    Some((out, ents))
}

/// One sentence ready for training or evaluation.
pub(crate) struct Example {
    pub text: String,
    pub toks: Vec<(u32, u32)>,
    pub labels: Vec<u8>,
    pub mask: Option<Vec<u32>>,
    pub ents: Vec<Ent>,
    pub fold: u64,
    /// Some tokens' labels are unknown (no re-cased or particle copies are made).
    pub free: bool,
    /// Index of the document (for document-level features).
    pub doc: usize,
    pub rows: Vec<u32>,
    pub starts: Vec<u32>,
}

/// Labels of `toks` from the names `ents`: a token belongs to the name its start lies in.
pub(crate) fn project(toks: &[(u32, u32)], ents: &[Ent]) -> Vec<u8> {
    let owner: Vec<Option<usize>> =
        toks.iter().map(|&(s, _)| ents.iter().position(|e| e.start <= s && s < e.end)).collect();
    (0..toks.len())
        .map(|i| {
            let Some(k) = owner[i] else { return 0 };
            let first = i == 0 || owner[i - 1] != Some(k);
            let last = i + 1 == toks.len() || owner[i + 1] != Some(k);
            let part = match (first, last) {
                (true, true) => super::UNIT,
                (true, false) => super::BEGIN,
                (false, true) => super::LAST,
                (false, false) => super::INSIDE,
            };
            super::label(ents[k].ty, part)
        })
        .collect()
}

/// The bits of the four MISC labels in a label mask (a token a corpus leaves unlabeled may be O
/// or part of a MISC name it does not annotate).
const MISC_LABELS: u32 = 0b1111 << super::label(super::MISC, super::BEGIN);

fn example(text: String, ents: Vec<Ent>, misc_partial: bool, fold: u64) -> Example {
    let toks: Vec<(u32, u32)> = tokenize(&text).iter().map(|t| (t.span.start as u32, t.span.end as u32)).collect();
    let labels = project(&toks, &ents);
    let mask = misc_partial.then(|| labels.iter().map(|&l| if l == 0 { 1 | MISC_LABELS } else { 1u32 << l }).collect());
    Example { text, toks, labels, mask, ents, fold, free: false, doc: 0, rows: vec![], starts: vec![] }
}

fn examples_of(docs: &[Document], out: &mut Vec<Example>, folds: u64, next_doc: &mut usize) {
    for d in docs {
        let fold = corpus::fnv(&d.id).rotate_left(13) % folds.max(1);
        for s in &d.sentences {
            let mut ex = example(s.text.clone(), s.ents.clone(), s.misc_partial, fold);
            if !s.free.is_empty() {
                // tokens of an unclear annotation may take any label
                let mask = ex.mask.get_or_insert_with(|| ex.labels.iter().map(|&l| 1u32 << l).collect());
                for (m, &(a, _)) in mask.iter_mut().zip(&ex.toks) {
                    if s.free.iter().any(|&(p, q)| p <= a && a < q) {
                        *m = (1 << NL) - 1;
                    }
                }
                ex.free = true;
            }
            ex.doc = *next_doc;
            out.push(ex);
        }
        *next_doc += 1;
    }
}

fn re3d_documents(dir: &Path) -> Result<Vec<Document>, String> {
    let raw = corpus::read_re3d(dir)?;
    let mut docs = Vec::new();
    for r in raw {
        let toks = tokenize(&r.text);
        let sents = split_sentences(&r.text, &toks);
        let mut sentences = Vec::new();
        for sp in sents {
            let text = sp.of(&r.text).to_string();
            let (a, z) = (sp.start as u32, sp.end as u32);
            let free: Vec<(u32, u32)> = r
                .unclear
                .iter()
                .filter(|&&(p, q)| p < z && a < q)
                .map(|&(p, q)| (p.max(a) - a, q.min(z) - a))
                .collect();
            let ents: Vec<Ent> = r
                .ents
                .iter()
                .filter(|e| e.start >= a && e.end <= z)
                .map(|e| Ent { start: e.start - a, end: e.end - a, ty: e.ty })
                .collect();
            let tokens = toks
                .iter()
                .filter(|t| t.span.start >= sp.start && t.span.end <= sp.end)
                .map(|t| (t.span.start as u32 - a, t.span.end as u32 - a))
                .collect();
            sentences.push(Sentence { text, tokens, ents, misc_partial: true, free });
        }
        docs.push(Document { id: r.id, sentences });
    }
    Ok(docs)
}

fn split_held_out(docs: Vec<Document>) -> (Vec<Document>, Vec<Document>) {
    docs.into_iter().partition(|d| !corpus::held_out(&d.id))
}

/// The type CoNLL-style data gives a name (by its text) in at least 90% of its 3 or more
/// occurrences.
fn dominant_types(docs: &[Document]) -> HashMap<String, u8> {
    let mut counts: HashMap<String, [u32; 4]> = HashMap::new();
    for s in docs.iter().flat_map(|d| &d.sentences) {
        for e in &s.ents {
            counts.entry(s.text[e.start as usize..e.end as usize].to_string()).or_default()[e.ty as usize] += 1;
        }
    }
    counts
        .into_iter()
        .filter_map(|(name, c)| {
            let total: u32 = c.iter().sum();
            let (ty, &top) = c.iter().enumerate().max_by_key(|&(_, n)| *n)?;
            (total >= 3 && top * 10 >= total * 9).then_some((name, ty as u8))
        })
        .collect()
}

/// Gives each name the type `types` holds for its text, when it holds one: re3d calls a country
/// acting in politics an organisation ("Iraq" 10 times, "the United States" 13), which CoNLL-2003,
/// UNER and WikiGold always call a place. Returns how many names changed type.
fn retype_like(docs: &mut [Document], types: &HashMap<String, u8>) -> usize {
    let mut n = 0;
    for s in docs.iter_mut().flat_map(|d| d.sentences.iter_mut()) {
        for e in &mut s.ents {
            if let Some(&ty) = types.get(&s.text[e.start as usize..e.end as usize])
                && ty != e.ty
            {
                e.ty = ty;
                n += 1;
            }
        }
    }
    n
}

/// Whether re3d sentences with unclear annotations are trained on, with those tokens free
/// (`DOSSIER_NER_RE3D_FREE=1`; measured neutral, so off).
fn k_re3d_free() -> bool {
    std::env::var("DOSSIER_NER_RE3D_FREE").is_ok_and(|v| v == "1")
}

/// Reads every corpus found under `data_dir`. CoNLL-2003 is required; the others are used when
/// present.
pub(crate) fn load_corpora(data_dir: &Path, log: &mut dyn FnMut(&str)) -> Result<Vec<Corpus>, String> {
    let mut out = Vec::new();
    let conll = data_dir.join("conll2003-en");
    out.push(Corpus {
        name: "conll",
        train: corpus::read_conll(&conll.join("eng.train"), "conll-train")?,
        dev: corpus::read_conll(&conll.join("eng.testa"), "conll-testa")?,
        types: 0b1111,
    });
    let uner = data_dir.join("uner-english/ewt-dev/en_ewt-ud-dev.iob2");
    if uner.exists() {
        let (train, dev) = split_held_out(corpus::read_uner(&uner)?);
        out.push(Corpus { name: "uner", train, dev, types: 0b0111 });
    } else {
        log("uner-english not found: skipped");
    }
    let wg = data_dir.join("wikigold/wikigold.shared.conll");
    if wg.exists() {
        let (train, dev) = split_held_out(corpus::read_wikigold(&wg)?);
        out.push(Corpus { name: "wikigold", train, dev, types: 0b1111 });
    } else {
        log("wikigold not found: skipped");
    }
    let gum = data_dir.join("gum");
    if gum.exists() {
        let mut train = Vec::new();
        let mut dev = Vec::new();
        for lic in ["cc-by", "cc-by-sa"] {
            let t = gum.join(lic).join("train/conllu");
            if t.exists() {
                train.extend(corpus::read_gum_dir(&t)?);
            }
            let d = gum.join(lic).join("dev/conllu");
            if d.exists() {
                dev.extend(corpus::read_gum_dir(&d)?);
            }
        }
        out.push(Corpus { name: "gum", train, dev, types: 0b0111 });
    } else {
        log("gum not found: skipped");
    }
    let re3d = data_dir.join("re3d");
    if re3d.exists() {
        let mut docs = re3d_documents(&re3d)?;
        let n = retype_like(&mut docs, &dominant_types(&out[0].train));
        log(&format!("re3d: {n} names retyped as CoNLL-2003 types them"));
        let (mut train, mut dev) = split_held_out(docs);
        if !k_re3d_free() {
            for d in &mut train {
                d.sentences.retain(|s| s.free.is_empty());
            }
        }
        // evaluation needs full labels
        for d in &mut dev {
            d.sentences.retain(|s| s.free.is_empty());
        }
        out.push(Corpus { name: "re3d", train, dev, types: 0b0111 });
    } else {
        log("re3d not found: skipped");
    }
    Ok(out)
}

/// Writes the parts of the corpora kept for tuning as `token TAG` column files (IOB2, with
/// `-DOCSTART-` between documents) that `tools/score.py ner` reads: UNER, WikiGold, GUM dev and
/// re3d. MISC is left out where a corpus annotates it only partly. Returns (name, path) pairs.
pub fn export_dev_sets(data_dir: &Path, out_dir: &Path) -> Result<Vec<(String, PathBuf)>, String> {
    std::fs::create_dir_all(out_dir).map_err(|e| format!("{}: {e}", out_dir.display()))?;
    let mut out = Vec::new();
    for c in load_corpora(data_dir, &mut |_| {})? {
        if c.name == "conll" {
            continue;
        }
        let mut s = String::new();
        for d in &c.dev {
            s.push_str("-DOCSTART- O\n\n");
            for sent in &d.sentences {
                let mut prev: Option<usize> = None;
                for &(a, z) in &sent.tokens {
                    let e = sent.ents.iter().position(|e| e.start <= a && a < e.end && c.types & (1 << e.ty) != 0);
                    let tag = match e {
                        Some(k) => {
                            let pre = if prev == Some(k) { "I" } else { "B" };
                            format!("{pre}-{}", TYPE_NAMES[sent.ents[k].ty as usize])
                        }
                        None => "O".to_string(),
                    };
                    prev = e;
                    let tok: String = sent.text[a as usize..z as usize]
                        .chars()
                        .map(|ch| if ch.is_whitespace() { '_' } else { ch })
                        .collect();
                    s.push_str(&format!("{tok} {tag}\n"));
                }
                s.push('\n');
            }
        }
        let p = out_dir.join(format!("{}-dev.conll", c.name));
        std::fs::write(&p, s).map_err(|e| format!("{}: {e}", p.display()))?;
        out.push((c.name.to_string(), p));
    }
    Ok(out)
}

/// splitmix64 random numbers for the seeded shuffles.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        super::features::mix(self.0)
    }
    fn shuffle<T>(&mut self, v: &mut [T]) {
        for i in (1..v.len()).rev() {
            let j = (self.next() % (i as u64 + 1)) as usize;
            v.swap(i, j);
        }
    }
}

/// Counts of one evaluation: per type true positives, predicted, gold.
#[derive(Default, Clone, Copy)]
pub(crate) struct Counts {
    pub tp: [usize; 4],
    pub pred: [usize; 4],
    pub gold: [usize; 4],
}

impl Counts {
    fn f1(tp: usize, p: usize, g: usize) -> (f64, f64, f64) {
        let pr = if p > 0 { tp as f64 / p as f64 } else { 0.0 };
        let rc = if g > 0 { tp as f64 / g as f64 } else { 0.0 };
        let f = if pr + rc > 0.0 { 2.0 * pr * rc / (pr + rc) } else { 0.0 };
        (pr, rc, f)
    }
    pub fn micro(&self) -> (f64, f64, f64) {
        Self::f1(self.tp.iter().sum(), self.pred.iter().sum(), self.gold.iter().sum())
    }
    fn table(&self, types: u8) -> String {
        let mut s = String::new();
        for (t, name) in TYPE_NAMES.iter().enumerate() {
            if types & (1 << t) == 0 {
                continue;
            }
            let (p, r, f) = Self::f1(self.tp[t], self.pred[t], self.gold[t]);
            s.push_str(&format!("    {name:5} P {p:.4} R {r:.4} F1 {f:.4} ({} gold)\n", self.gold[t]));
        }
        let (p, r, f) = self.micro();
        s.push_str(&format!("    all   P {p:.4} R {r:.4} F1 {f:.4}"));
        s
    }
}

fn count(ex: &Example, labels: &[u8], types: u8, c: &mut Counts) {
    let pred: Vec<(u32, u32, u8)> = spans_of(labels)
        .into_iter()
        .filter(|&(_, _, t)| types & (1 << t) != 0)
        .map(|(a, z, t)| (ex.toks[a].0, ex.toks[z - 1].1, t))
        .collect();
    for e in &ex.ents {
        if types & (1 << e.ty) != 0 {
            c.gold[e.ty as usize] += 1;
        }
    }
    for &(a, z, t) in &pred {
        c.pred[t as usize] += 1;
        if ex.ents.iter().any(|e| e.start == a && e.end == z && e.ty == t) {
            c.tp[t as usize] += 1;
        }
    }
}

/// Document statistics of every document, from the original (not re-cased) sentences.
fn doc_stats(all: &[&[Example]], ndocs: usize, lex: &Lexicons, fs: FeatureSet) -> Vec<DocStats> {
    let mut stats: Vec<DocStats> = (0..ndocs).map(|_| DocStats::default()).collect();
    let mut x = Extractor::default();
    let mut seen = vec![false; ndocs];
    for exs in all {
        let mut last = usize::MAX;
        for ex in exs.iter() {
            // the first run of a document's sentences only (copies and variants come later)
            if ex.doc != last && seen[ex.doc] {
                continue;
            }
            if ex.doc != last {
                seen[ex.doc] = true;
                last = ex.doc;
            }
            x.set_tokens(ex.toks.iter().map(|&(a, z)| &ex.text[a as usize..z as usize]), lex, fs);
            stats[ex.doc].add_sentence(&x.atoms);
        }
    }
    stats
}

fn features_of(ex: &mut Example, x: &mut Extractor, lex: &Lexicons, bits: u8, fs: FeatureSet, doc: &DocStats) {
    let text = &ex.text;
    x.set_tokens(ex.toks.iter().map(|&(a, z)| &text[a as usize..z as usize]), lex, fs);
    x.set_doc(doc);
    x.extract(bits, fs);
    ex.rows = x.rows.clone();
    ex.starts = x.starts.clone();
}

/// Float weights during training, with the sums for averaging.
struct Perceptron {
    w: Vec<f32>,
    u: Vec<f32>,
    /// transitions `NL*NL`, then start `NL`, then end `NL`
    t: Vec<f32>,
    tu: Vec<f32>,
    c: f32,
}

impl Perceptron {
    fn emissions(w: &[f32], rows: &[u32], starts: &[u32], em: &mut Vec<f32>) {
        em.clear();
        for i in 0..starts.len().saturating_sub(1) {
            let mut acc = [0f32; NL];
            for &r in &rows[starts[i] as usize..starts[i + 1] as usize] {
                let row = &w[r as usize * NL..r as usize * NL + NL];
                for (a, &v) in acc.iter_mut().zip(row) {
                    *a += v;
                }
            }
            em.extend_from_slice(&acc);
        }
    }

    fn decode(
        w: &[f32],
        t: &[f32],
        ex: &Example,
        mask: Option<&[u32]>,
        em: &mut Vec<f32>,
        out: &mut Vec<u8>,
        s: &mut Scratch,
    ) {
        Self::emissions(w, &ex.rows, &ex.starts, em);
        let (trans, start, end) = transition_parts(t);
        decode::viterbi(em, trans, start, end, mask, out, s);
    }

    fn update(&mut self, rows: &[u32], starts: &[u32], gold: &[u8], pred: &[u8]) {
        let c = self.c;
        for i in 0..gold.len() {
            if gold[i] == pred[i] {
                continue;
            }
            for &r in &rows[starts[i] as usize..starts[i + 1] as usize] {
                let g = r as usize * NL + gold[i] as usize;
                let p = r as usize * NL + pred[i] as usize;
                self.w[g] += 1.0;
                self.u[g] += c;
                self.w[p] -= 1.0;
                self.u[p] -= c;
            }
        }
        let mut bump = |k: usize, d: f32| {
            self.t[k] += d;
            self.tu[k] += c * d;
        };
        for (seq, d) in [(gold, 1.0f32), (pred, -1.0)] {
            bump(NL * NL + seq[0] as usize, d);
            bump(NL * NL + NL + seq[seq.len() - 1] as usize, d);
            for k in 1..seq.len() {
                bump(seq[k - 1] as usize * NL + seq[k] as usize, d);
            }
        }
    }

    fn averaged(&self) -> (Vec<f32>, Vec<f32>) {
        let c = self.c.max(1.0);
        let w = self.w.iter().zip(&self.u).map(|(w, u)| w - u / c).collect();
        let t = self.t.iter().zip(&self.tu).map(|(w, u)| w - u / c).collect();
        (w, t)
    }
}

/// Moves the scores of every token of a normal-case sentence by `bias` towards O (the weights
/// of their bias row, less `bias` for every name label): the perceptron finds more names than
/// the corpora hold (precision below recall on every held-out set). A shift of 30 (in the units
/// of the summed runs' weights) gained UNER 0.6 points, 4 folds and seeds 1-3, the other sets
/// within noise (model card); ALL-CAPS and lowercase sentences, where names are harder to find,
/// keep their weights. Only for models with [`FeatureSet::MODE_BIAS`], whose row it is.
fn shift_to_o(w: &mut [f32], bits: u8, bias: f32) {
    let r = super::features::normal_case_row(bits);
    for x in &mut w[r * NL + 1..r * NL + NL] {
        *x -= bias;
    }
}

/// Adds `margin` to the score of every label but the gold one (`em` is `gold.len() * NL`):
/// training then decodes against the gold labels with this cost and updates until the gold
/// sequence wins by a margin that grows with its wrong labels, not just by any amount
/// (cost-augmented decoding, as a structured SVM trains). Measured over 4 folds and seeds
/// 1-3 with 0, 10, 30, 60, 100, 150, 300 and 1000 (model card): 100 gained on every set but
/// re3d; 300 and more lost UNER and WikiGold.
fn add_cost(em: &mut [f32], gold: &[u8], margin: f32) {
    if margin == 0.0 {
        return;
    }
    for (row, &g) in em.chunks_mut(NL).zip(gold) {
        for (l, e) in row.iter_mut().enumerate() {
            if l != g as usize {
                *e += margin;
            }
        }
    }
}

/// The label transitions, start and end scores of a [`Perceptron`]'s `t` (its layout).
fn transition_parts(t: &[f32]) -> (&[f32], &[f32], &[f32]) {
    (&t[..NL * NL], &t[NL * NL..NL * NL + NL], &t[NL * NL + NL..])
}

/// The feature rows of `ex` without a random `permille` of them (never a token's first row, the
/// bias), into `rows` and `starts`.
fn drop_rows(ex: &Example, permille: u64, rng: &mut Rng, rows: &mut Vec<u32>, starts: &mut Vec<u32>) {
    rows.clear();
    starts.clear();
    for t in 0..ex.toks.len() {
        starts.push(rows.len() as u32);
        let span = &ex.rows[ex.starts[t] as usize..ex.starts[t + 1] as usize];
        rows.push(span[0]);
        rows.extend(span[1..].iter().filter(|_| rng.next() % 1000 >= permille));
    }
    starts.push(rows.len() as u32);
}

/// Runs the averaged perceptron over the examples `idx` for `epochs` passes; `on_epoch` gets the
/// epoch, the number of sentences it got wrong, and the weights. Each visit of a sentence drops
/// a random `dropout` permille of its feature rows (feature dropout), so the weights cannot lean
/// on a few strong features (measured: CoNLL testa and re-cased text gain, see the model card);
/// `k` gives the table size, the dropout and the margin ([`add_cost`]).
fn fit(
    train_ex: &[Example],
    idx: &[usize],
    epochs: usize,
    k: &Knobs,
    seed: u64,
    on_epoch: &mut dyn FnMut(usize, usize, &Perceptron),
) -> Perceptron {
    let (bits, dropout, margin) = (k.bits, k.dropout, k.margin);
    let rows = 1usize << bits;
    let mut p = Perceptron {
        w: vec![0.0; rows * NL],
        u: vec![0.0; rows * NL],
        t: vec![0.0; NL * NL + 2 * NL],
        tu: vec![0.0; NL * NL + 2 * NL],
        c: 1.0,
    };
    let mut order: Vec<usize> = idx.to_vec();
    let mut rng = Rng(seed ^ 0x5eed);
    let mut em = Vec::new();
    let mut pred = Vec::new();
    let mut gold = Vec::new();
    let mut s = Scratch::default();
    let mut drop_rng = Rng(seed ^ 0xd409);
    let (mut rows_d, mut starts_d) = (Vec::new(), Vec::new());
    for epoch in 1..=epochs {
        rng.shuffle(&mut order);
        let mut errors = 0usize;
        for &i in &order {
            let ex = &train_ex[i];
            if ex.toks.is_empty() {
                continue;
            }
            let (rows, starts): (&[u32], &[u32]) = if dropout == 0 {
                (&ex.rows, &ex.starts)
            } else {
                drop_rows(ex, dropout, &mut drop_rng, &mut rows_d, &mut starts_d);
                (&rows_d, &starts_d)
            };
            Perceptron::emissions(&p.w, rows, starts, &mut em);
            let (trans, start, end) = transition_parts(&p.t);
            let g: &[u8] = match &ex.mask {
                None => &ex.labels,
                Some(m) => {
                    decode::viterbi(&em, trans, start, end, Some(m), &mut gold, &mut s);
                    &gold
                }
            };
            add_cost(&mut em, g, margin);
            decode::viterbi(&em, trans, start, end, None, &mut pred, &mut s);
            if g != pred.as_slice() {
                errors += 1;
                let g = g.to_vec();
                p.update(rows, starts, &g, &pred);
            }
            p.c += 1.0;
        }
        on_epoch(epoch, errors, &p);
    }
    p
}

/// Trains a model on the shared corpora and reports dev F1 per corpus through `log`.
pub fn train(opts: &TrainOptions, log: &mut dyn FnMut(&str)) -> Result<Model, String> {
    let t0 = Instant::now();
    let k = Knobs::from_env();
    let mut corpora = load_corpora(&opts.data_dir, log)?;
    if opts.quick {
        for c in &mut corpora {
            let keep = if c.name == "conll" { 4 } else { 2 };
            let mut i = 0;
            c.train.retain(|_| {
                i += 1;
                i % keep == 0
            });
        }
    }
    if opts.include_dev {
        for c in &mut corpora {
            let dev = c.dev.clone();
            c.train.extend(dev);
        }
    }
    // examples, tokenized as the pipeline tokenizes
    let mut train_ex: Vec<Example> = Vec::new();
    let mut dev_ex: Vec<(usize, Vec<Example>)> = Vec::new();
    let mut next_doc = 0usize;
    for (ci, c) in corpora.iter().enumerate() {
        let before = train_ex.len();
        let reps = k.reps_of(c.name);
        for _ in 0..reps {
            examples_of(&c.train, &mut train_ex, k.folds, &mut next_doc);
        }
        let mut dev = Vec::new();
        examples_of(&c.dev, &mut dev, 1, &mut next_doc);
        let ntok: usize = train_ex[before..].iter().map(|e| e.toks.len()).sum();
        log(&format!(
            "{}: {} training sentences ({} tokens), {} dev sentences",
            c.name,
            train_ex.len() - before,
            ntok,
            dev.len()
        ));
        dev_ex.push((ci, dev));
    }
    // capitalization variants: headlines in capitals, lowercased text
    let mut extra = Vec::new();
    for ex in &train_ex {
        if !ex.text.is_ascii() || ex.toks.len() < 3 || ex.free {
            continue;
        }
        let h = corpus::fnv(&ex.text) ^ opts.seed;
        // half the copies stay in their document (a headline above its story), half stand
        // alone (a feed of headlines, a lowercased message), with no document to help
        let mut doc_of = |salt: u64| {
            if (h.rotate_left(29) ^ salt).is_multiple_of(2) {
                ex.doc
            } else {
                next_doc += 1;
                next_doc - 1
            }
        };
        if k.upper_share > 0 && h % 100 < k.upper_share {
            let mut e = example(ex.text.to_ascii_uppercase(), ex.ents.clone(), ex.mask.is_some(), ex.fold);
            e.doc = doc_of(1);
            extra.push(e);
        }
        if k.lower_share > 0 && (h / 100) % 100 < k.lower_share {
            let mut e = example(ex.text.to_ascii_lowercase(), ex.ents.clone(), ex.mask.is_some(), ex.fold);
            e.doc = doc_of(2);
            extra.push(e);
        }
    }
    log(&format!("{} capitalization variants added", extra.len()));
    // particle variants: a share of the sentences with a name of two or more words get a copy
    // whose last word carries a particle ("Ayman al-Zawahiri", "Sharm el-Sheikh", "Juan de la
    // Cruz"), which the corpora seldom show
    let before = extra.len();
    for ex in &train_ex {
        let h = (corpus::fnv(&ex.text) ^ opts.seed).rotate_left(41);
        if h % 100 >= k.particle_share || ex.free {
            continue;
        }
        if let Some((text, ents)) = particle_variant(&ex.text, &ex.ents, h / 100) {
            let mut e = example(text, ents, ex.mask.is_some(), ex.fold);
            e.doc = ex.doc;
            extra.push(e);
        }
    }
    log(&format!("{} particle variants added", extra.len() - before));
    // lowercased-name variants: web text writes names in lowercase in otherwise cased
    // sentences ("how are vietnam and Afghanistan alike?")
    let before = extra.len();
    for ex in &train_ex {
        let h = (corpus::fnv(&ex.text) ^ opts.seed).rotate_left(17);
        if h % 100 >= k.lower_name_share || ex.ents.is_empty() || !ex.text.is_ascii() || ex.free {
            continue;
        }
        let mut text = ex.text.clone().into_bytes();
        for e in &ex.ents {
            text[e.start as usize..e.end as usize].make_ascii_lowercase();
        }
        let text = String::from_utf8(text).expect("ASCII stays UTF-8");
        if text != ex.text {
            let mut e = example(text, ex.ents.clone(), ex.mask.is_some(), ex.fold);
            e.doc = ex.doc;
            extra.push(e);
        }
    }
    log(&format!("{} lowercased-name variants added", extra.len() - before));
    train_ex.extend(extra);

    // lexicons: word clusters, and gazetteers (one per fold, so training sees names from other
    // documents only, as tagging will)
    let mut fs = k.features;
    let vectors =
        if fs.has(FeatureSet::VECTORS) { load_vectors(opts.vectors.as_deref(), log)? } else { Default::default() };
    if vectors.len() == 0 {
        fs = FeatureSet(fs.0 & !(FeatureSet::VECTORS | FeatureSet::VECTORS2 | FeatureSet::VTYPES));
    }
    let clusters = if fs.has(FeatureSet::CLUSTERS) {
        clusters::load_or_build(&opts.data_dir, &opts.cache_dir, log)?
    } else {
        Default::default()
    };
    let mut names: Vec<(u64, Vec<u64>, u8)> = Vec::new();
    for ex in &train_ex {
        for (a, z, t) in spans_of(&ex.labels) {
            let toks: Vec<u64> =
                (a..z).map(|i| hash_lower(&ex.text[ex.toks[i].0 as usize..ex.toks[i].1 as usize])).collect();
            names.push((ex.fold, toks, t));
        }
    }
    let ext =
        if fs.has(FeatureSet::EXT) { load_ext(opts.lexicon.as_deref(), k.ext_mask, log)? } else { Default::default() };
    let lex_all = Lexicons {
        ext: ext.clone(),
        vectors: vectors.clone(),
        clusters: clusters.clone(),
        gazetteer: if fs.has(FeatureSet::GAZETTEER) {
            build_gazetteer(names.iter().map(|(_, t, ty)| (t.as_slice(), *ty)))
        } else {
            Default::default()
        },
    };
    let stats = {
        let mut all: Vec<&[Example]> = vec![&train_ex];
        for (_, d) in &dev_ex {
            all.push(d);
        }
        doc_stats(&all, next_doc, &lex_all, fs)
    };
    let mut x = Extractor::default();
    let mut fold_lex = Vec::new();
    for f in 0..k.folds.max(1) {
        let lex = Lexicons {
            ext: ext.clone(),
            vectors: vectors.clone(),
            clusters: clusters.clone(),
            gazetteer: if fs.has(FeatureSet::GAZETTEER) {
                build_gazetteer(names.iter().filter(|n| n.0 != f).map(|(_, t, ty)| (t.as_slice(), *ty)))
            } else {
                Default::default()
            },
        };
        for ex in train_ex.iter_mut().filter(|e| e.fold == f) {
            features_of(ex, &mut x, &lex, k.bits, fs, &stats[ex.doc]);
        }
        fold_lex.push(lex);
    }
    for (_, dev) in &mut dev_ex {
        for ex in dev.iter_mut() {
            features_of(ex, &mut x, &lex_all, k.bits, fs, &stats[ex.doc]);
        }
    }
    log(&format!(
        "features ready: {} examples, {} clusters, {} gazetteer names, {:.1} s",
        train_ex.len(),
        lex_all.clusters.len(),
        lex_all.gazetteer.len(),
        t0.elapsed().as_secs_f64()
    ));

    if fs.has(FeatureSet::DOC_LABELS) {
        // first-pass labels of the training sentences from models that did not see them
        let jk_epochs = if opts.quick { 4 } else { (opts.epochs * 2 / 3).max(1) };
        let mut pass1: Vec<Vec<u8>> = vec![Vec::new(); train_ex.len()];
        for f in 0..k.folds.max(1) {
            let idx: Vec<usize> = (0..train_ex.len()).filter(|&i| train_ex[i].fold != f).collect();
            let p = fit(&train_ex, &idx, jk_epochs, &k, opts.seed ^ f, &mut |_, _, _| {});
            let (w, t) = p.averaged();
            drop(p);
            let mut em = Vec::new();
            let mut s = Scratch::default();
            for (i, ex) in train_ex.iter().enumerate().filter(|(_, e)| e.fold == f) {
                Perceptron::decode(&w, &t, ex, None, &mut em, &mut pass1[i], &mut s);
            }
            log(&format!("first-pass labels of fold {f} ({:.0} s)", t0.elapsed().as_secs_f64()));
        }
        // what the first pass says about each word of each document
        let mut dls: Vec<DocLabels> = (0..next_doc).map(|_| DocLabels::default()).collect();
        let mut seen = vec![false; next_doc];
        let mut last = usize::MAX;
        for (i, ex) in train_ex.iter().enumerate() {
            if ex.doc != last && seen[ex.doc] {
                continue;
            }
            if ex.doc != last {
                seen[ex.doc] = true;
                last = ex.doc;
            }
            let lex = &fold_lex[ex.fold as usize];
            x.set_tokens(ex.toks.iter().map(|&(a, z)| &ex.text[a as usize..z as usize]), lex, fs);
            dls[ex.doc].add(&x.atoms, &pass1[i]);
        }
        // half the sentences learn with the document labels, half without (the first pass)
        for (i, ex) in train_ex.iter_mut().enumerate() {
            if (corpus::fnv(&ex.text) ^ opts.seed).rotate_left(7) % 100 >= k.doc_label_share {
                continue;
            }
            let lex = &fold_lex[ex.fold as usize];
            x.set_tokens(ex.toks.iter().map(|&(a, z)| &ex.text[a as usize..z as usize]), lex, fs);
            x.set_doc(&stats[ex.doc]);
            for (a, &l) in x.atoms.iter_mut().zip(&pass1[i]) {
                a.dlab = dls[ex.doc].summary(a, l);
            }
            x.extract(k.bits, fs);
            ex.rows = x.rows.clone();
            ex.starts = x.starts.clone();
        }
    }

    let epochs = if opts.quick { opts.epochs.min(6) } else { opts.epochs };
    let all: Vec<usize> = (0..train_ex.len()).collect();
    let p = fit(&train_ex, &all, epochs, &k, opts.seed, &mut |epoch, errors, p| {
        let mut line = format!("epoch {epoch}: {errors} sentences wrong");
        if epoch == epochs || epoch % 3 == 0 || opts.quick {
            let (w, t) = p.averaged();
            let mut em = Vec::new();
            let mut pred = Vec::new();
            let mut s = Scratch::default();
            for (ci, dev) in &dev_ex {
                let mut c = Counts::default();
                for ex in dev {
                    Perceptron::decode(&w, &t, ex, None, &mut em, &mut pred, &mut s);
                    count(ex, &pred, corpora[*ci].types, &mut c);
                }
                line.push_str(&format!(" | {} {:.4}", corpora[*ci].name, c.micro().2));
            }
            line.push_str(" (first pass)");
        }
        line.push_str(&format!(" ({:.0} s)", t0.elapsed().as_secs_f64()));
        log(&line);
    });
    let (mut w, mut t) = p.averaged();
    drop(p);
    // the weights of several runs that differ only in their shuffles, summed (an average up to
    // the scale the quantizer removes): less variance from the visiting order; 3 runs measured
    // +0.2 to +0.9 F1 per dev set over 4 folds and 2 seeds, 5 runs no better
    for e in 1..k.ensemble {
        let p = fit(&train_ex, &all, epochs, &k, opts.seed.wrapping_add(1000 * e), &mut |_, _, _| {});
        let (w2, t2) = p.averaged();
        for (a, b) in w.iter_mut().zip(&w2) {
            *a += b;
        }
        for (a, b) in t.iter_mut().zip(&t2) {
            *a += b;
        }
    }
    if fs.has(FeatureSet::MODE_BIAS) {
        shift_to_o(&mut w, k.bits, k.o_bias);
    }
    let (trans, start, end) = transition_parts(&t);
    let model = Model::quantize(k.bits, fs, &w, trans, start, end, lex_all, k.prune);
    drop(w);
    // final figures with the quantized model, as it will run
    let tagger = super::NerTagger::new(model);
    let mut all = Counts::default();
    for (ci, dev) in &dev_ex {
        let c = evaluate(&tagger, dev, corpora[*ci].types, corpora[*ci].name);
        log(&format!("counts {} tp {:?} pred {:?} gold {:?}", corpora[*ci].name, c.tp, c.pred, c.gold));
        log(&format!(
            "dev {} ({}):\n{}",
            corpora[*ci].name,
            if opts.include_dev { "trained on: not a held-out figure" } else { "held out" },
            c.table(corpora[*ci].types)
        ));
        for t in 0..4 {
            all.tp[t] += c.tp[t];
            all.pred[t] += c.pred[t];
            all.gold[t] += c.gold[t];
        }
    }
    log(&format!("dev all corpora:\n{}", all.table(0b1111)));
    // robustness: the CoNLL tuning part written all in capitals and all in lowercase
    let mut line = String::from("robustness (CoNLL testa re-cased, whole documents):");
    for (name, f) in [("upper", str::to_ascii_uppercase as fn(&str) -> String), ("lower", str::to_ascii_lowercase)] {
        let mut exs = Vec::new();
        for (di, d) in corpora[0].dev.iter().enumerate() {
            for s in &d.sentences {
                let mut e = example(f(&s.text), s.ents.clone(), false, 0);
                e.doc = di;
                exs.push(e);
            }
        }
        let c = evaluate(&tagger, &exs, 0b1111, name);
        line.push_str(&format!(" {name} F1 {:.4}", c.micro().2));
    }
    log(&line);
    let model = Arc::try_unwrap(tagger.model).unwrap_or_else(|m| (*m).clone());
    log(&format!(
        "model: 2^{} rows, {} used, {} bytes; trained in {:.0} s",
        model.bits,
        model.rows_used(),
        model.to_bytes().len(),
        t0.elapsed().as_secs_f64()
    ));
    Ok(model)
}

fn evaluate(tagger: &super::NerTagger, dev: &[Example], types: u8, name: &str) -> Counts {
    let mut c = Counts::default();
    let mut s = super::TagScratch::default();
    let mut labels = Vec::new();
    let mut a = 0;
    while a < dev.len() {
        let mut z = a;
        while z < dev.len() && dev[z].doc == dev[a].doc {
            z += 1;
        }
        let mut strs: Vec<&str> = Vec::new();
        let mut ranges = Vec::new();
        for ex in &dev[a..z] {
            let st = strs.len();
            strs.extend(ex.toks.iter().map(|&(p, q)| &ex.text[p as usize..q as usize]));
            ranges.push((st, strs.len()));
        }
        tagger.label_doc(&strs, &ranges, &mut s, &mut labels);
        for (ex, &(p, q)) in dev[a..z].iter().zip(&ranges) {
            // as the tagger does after the model (`NerTagger::tag`)
            super::join_names(&strs[p..q], &mut labels[p..q]);
            count(ex, &labels[p..q], types, &mut c);
            if std::env::var("DOSSIER_NER_DUMP").is_ok_and(|v| v == name) {
                dump(ex, &labels[p..q], types);
            }
        }
        a = z;
    }
    c
}

fn dump(ex: &Example, labels: &[u8], types: u8) {
    // DOSSIER_NER_DUMP_ALL=1 also shows predictions of types the corpus does not score
    let all = std::env::var("DOSSIER_NER_DUMP_ALL").is_ok_and(|v| v == "1");
    let pred: Vec<(u32, u32, u8)> = spans_of(labels)
        .into_iter()
        .filter(|&(_, _, t)| all || types & (1 << t) != 0)
        .map(|(a, z, t)| (ex.toks[a].0, ex.toks[z - 1].1, t))
        .collect();
    let gold: Vec<(u32, u32, u8)> =
        ex.ents.iter().filter(|e| types & (1 << e.ty) != 0).map(|e| (e.start, e.end, e.ty)).collect();
    if pred == gold {
        return;
    }
    let show = |v: &[(u32, u32, u8)]| {
        v.iter()
            .map(|&(a, z, t)| format!("[{}]{}", &ex.text[a as usize..z as usize], TYPE_NAMES[t as usize]))
            .collect::<Vec<_>>()
            .join(" ")
    };
    eprintln!("TEXT {}\n  GOLD {}\n  PRED {}", ex.text, show(&gold), show(&pred));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_cost_raises_every_label_but_the_gold_one() {
        let mut em = vec![0f32; 2 * NL];
        em[3] = 5.0;
        add_cost(&mut em, &[0, 4], 10.0);
        assert_eq!(em[0], 0.0, "gold O of the first token unchanged");
        assert_eq!(em[3], 15.0);
        assert!(em[1..NL].iter().all(|&e| e >= 10.0));
        assert_eq!(em[NL + 4], 0.0, "gold label of the second token unchanged");
        assert_eq!(em[NL..].iter().filter(|&&e| e == 10.0).count(), NL - 1);
        // a training step that decodes with the cost finds a wrong label where the gold one
        // wins by less than the margin
        let mut em = vec![0f32; NL];
        em[0] = 4.0;
        add_cost(&mut em, &[0], 10.0);
        let best = (0..NL).max_by(|&a, &b| em[a].total_cmp(&em[b])).unwrap();
        assert_ne!(best, 0);
        let mut em = vec![0f32; NL];
        em[0] = 4.0;
        add_cost(&mut em, &[0], 0.0);
        assert!(em[1..].iter().all(|&e| e == 0.0), "no margin, no change");
    }

    #[test]
    fn the_o_shift_lowers_the_name_labels_of_normal_case_sentences_only() {
        let bits = 12;
        let mut w = vec![1f32; (1usize << bits) * NL];
        shift_to_o(&mut w, bits, 30.0);
        let r = super::super::features::normal_case_row(bits);
        assert_eq!(w[r * NL], 1.0, "O unchanged");
        assert!(w[r * NL + 1..r * NL + NL].iter().all(|&v| v == -29.0));
        assert_eq!(w.iter().filter(|&&v| v != 1.0).count(), NL - 1, "no other weight moves");
        let rows_of = |sentence: [&str; 6]| {
            let mut x = Extractor::default();
            x.set_tokens(sentence, &Lexicons::default(), FeatureSet::DEFAULT);
            x.extract(bits, FeatureSet::DEFAULT);
            (0..6)
                .map(|t| x.rows[x.starts[t] as usize..x.starts[t + 1] as usize].contains(&(r as u32)))
                .collect::<Vec<_>>()
        };
        assert_eq!(rows_of(["Ann", "met", "FYI", "in", "Paris", "."]), [true; 6]);
        assert_eq!(rows_of(["ann", "met", "fyi", "in", "paris", "."]), [false; 6]);
        assert_eq!(rows_of(["ANN", "MET", "FYI", "IN", "PARIS", "."]), [false; 6]);
    }

    #[test]
    fn particle_variants_shift_the_names_after_the_particle() {
        let text = "Ayman Zawahiri met Ann Lee in Cairo.";
        let ents = vec![
            Ent { start: 0, end: 14, ty: 0 },
            Ent { start: 19, end: 26, ty: 0 },
            Ent { start: 30, end: 35, ty: 2 },
        ];
        let (t, e) = particle_variant(text, &ents, 0).unwrap();
        assert_eq!(t, "Ayman al-Zawahiri met Ann Lee in Cairo.");
        let names: Vec<&str> = e.iter().map(|x| &t[x.start as usize..x.end as usize]).collect();
        assert_eq!(names, ["Ayman al-Zawahiri", "Ann Lee", "Cairo"]);
        let (t, _) = particle_variant(text, &ents, 7).unwrap();
        assert_eq!(t, "Ayman de la Zawahiri met Ann Lee in Cairo.");
        // no name of two words: no variant
        assert!(particle_variant("Cairo is big.", &[Ent { start: 0, end: 5, ty: 2 }], 0).is_none());
    }

    #[test]
    fn feature_dropout_keeps_each_tokens_bias_row_and_drops_about_the_share_asked() {
        let n = 200;
        let ex = Example {
            text: String::new(),
            toks: vec![(0, 0); n],
            labels: vec![0; n],
            mask: None,
            ents: Vec::new(),
            fold: 0,
            free: false,
            doc: 0,
            rows: (0..n as u32 * 10).collect(),
            starts: (0..=n as u32).map(|t| t * 10).collect(),
        };
        let (mut rows, mut starts) = (Vec::new(), Vec::new());
        let mut rng = Rng(7);
        drop_rows(&ex, 250, &mut rng, &mut rows, &mut starts);
        assert_eq!(starts.len(), n + 1);
        for t in 0..n {
            let kept = &rows[starts[t] as usize..starts[t + 1] as usize];
            // the bias row first, then rows of this token only, in order
            assert_eq!(kept[0], t as u32 * 10);
            assert!(kept.windows(2).all(|w| w[0] < w[1]) && kept.iter().all(|&r| r / 10 == t as u32));
        }
        let dropped = ex.rows.len() - rows.len();
        // 25% of the 1,800 droppable rows, give or take
        assert!((380..=520).contains(&dropped), "{dropped}");
        drop_rows(&ex, 0, &mut rng, &mut rows, &mut starts);
        assert_eq!((rows.as_slice(), starts.as_slice()), (ex.rows.as_slice(), ex.starts.as_slice()));
    }

    #[test]
    fn names_take_the_type_the_reference_corpus_gives_them_in_nine_of_ten_uses() {
        let doc = |text: &str, ents: &[(u32, u32, u8)]| Document {
            id: "d".into(),
            sentences: vec![Sentence {
                text: text.into(),
                tokens: Vec::new(),
                ents: ents.iter().map(|&(start, end, ty)| Ent { start, end, ty }).collect(),
                misc_partial: false,
                free: Vec::new(),
            }],
        };
        // Iraq: a place 3 times; Apex: an organisation twice and a place once (no 90%); Lee: twice
        let reference = [
            doc("Iraq Iraq Iraq", &[(0, 4, 2), (5, 9, 2), (10, 14, 2)]),
            doc("Apex Apex Apex", &[(0, 4, 1), (5, 9, 1), (10, 14, 2)]),
            doc("Lee Lee", &[(0, 3, 0), (4, 7, 0)]),
        ];
        let types = dominant_types(&reference);
        assert_eq!(types.get("Iraq"), Some(&2));
        assert!(!types.contains_key("Apex") && !types.contains_key("Lee"));
        let mut docs = vec![doc("Iraq and Apex and Lee", &[(0, 4, 1), (9, 13, 2), (18, 21, 1)])];
        assert_eq!(retype_like(&mut docs, &types), 1);
        let tys: Vec<u8> = docs[0].sentences[0].ents.iter().map(|e| e.ty).collect();
        assert_eq!(tys, [2, 2, 1]);
    }

    #[test]
    fn reads_the_external_lexicon_file() {
        let dir = std::env::temp_dir().join(format!("dossier-ner-lex-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let p = dir.join("lex.tsv");
        std::fs::write(&p, "# comment\nnew york\tcity1\nann\tfirst_f\nbogus\tnope\n").unwrap();
        let idx = load_ext(Some(&p), u32::MAX, &mut |_| {}).unwrap();
        let lex = Lexicons { ext: idx, ..Default::default() };
        let mut x = Extractor::default();
        x.set_tokens(["Ann", "left", "New", "York", "bogus", "Secretary"], &lex, FeatureSet::DEFAULT);
        let e: Vec<u32> = x.atoms.iter().map(|a| a.ext).collect();
        assert_eq!(e, [ext::FIRST_F, 0, ext::CITY1, ext::CITY1 << 16, 0, ext::ROLE]);
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn reads_word_vector_classes_and_rejects_bad_lines() {
        let dir = std::env::temp_dir().join(format!("dossier-ner-vec-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let p = dir.join("vectors.tsv");
        std::fs::write(&p, "mozilla\t3\t17\t5\nnetscape\t3\t17\nthe\t0\t0\n").unwrap();
        let idx = load_vectors(Some(&p), &mut |_| {}).unwrap();
        let lex = Lexicons { vectors: idx, ..Default::default() };
        let mut x = Extractor::default();
        x.set_tokens(["Mozilla", "NETSCAPE", "the", "Brixby"], &lex, FeatureSet::DEFAULT);
        let v: Vec<(u64, u64, u64)> =
            x.atoms.iter().map(|a| (vclass::fine(a.vclass), vclass::coarse(a.vclass), vclass::ty(a.vclass))).collect();
        assert_eq!(v, [(18, 4, 5), (18, 4, 0), (1, 1, 0), (0, 0, 0)]);
        // a missing file trains without classes; a malformed one is an error naming the line
        assert_eq!(load_vectors(Some(&dir.join("none.tsv")), &mut |_| {}).unwrap().len(), 0);
        for bad in ["mozilla\t3\n", "mozilla\tx\t1\n", "a\t1\t2\nb\t1\t2\t3\t4\n", "a\t1\t5000\n", "a\t1\t2\t300\n"] {
            std::fs::write(&p, bad).unwrap();
            let err = load_vectors(Some(&p), &mut |_| {}).unwrap_err();
            assert!(err.contains("vectors.tsv:"), "{bad:?}: {err}");
        }
        let _ = std::fs::remove_dir_all(&dir);
    }
}
