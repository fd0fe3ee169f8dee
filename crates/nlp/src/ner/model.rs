//! The trained model: a hashed table of i16 weights (one row per feature hash, one column per
//! label), the label transitions, and the lexicons; with a compact binary form.

use super::NL;
use super::features::FeatureSet;
use super::features::flag;
use super::lexicon::{HashIndex, Lexicons, ext};

const MAGIC: &[u8; 4] = b"DNER";
/// Version 4: BILOU labels (16 stored columns, O's implied); versions 1–3 had BIO labels (9
/// columns) and no longer load.
const VERSION: u32 = 4;

/// How many rows ahead [`Model::emissions`] prefetches.
const PREFETCH_AHEAD: usize = 40;

/// Asks the CPU to bring the cache line of `x` in (a hint; nothing on other targets).
#[inline(always)]
pub(crate) fn prefetch<T>(x: &T) {
    #[cfg(target_arch = "x86_64")]
    // SAFETY: a prefetch never faults, and the pointer comes from a reference
    unsafe {
        std::arch::x86_64::_mm_prefetch((x as *const T).cast::<i8>(), std::arch::x86_64::_MM_HINT_T0)
    };
    #[cfg(not(target_arch = "x86_64"))]
    let _ = x;
}

/// The weights one feature gives the labels other than O. O's weight is always zero: a row's
/// weights are stored less its O weight, which moves every label of a token by the same amount
/// and so changes no decision; what is left is 16 columns, one 32-byte row that never straddles
/// two cache lines.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
#[repr(C, align(32))]
pub(crate) struct Row(pub(crate) [i16; COLS]);

/// Stored columns: the labels after O.
const COLS: usize = NL - 1;

/// The summed rows of the features of a word alone (form, shape, affixes, classes), kept for
/// the words seen last: most tokens of a text are words it has used before, and their rows
/// need not be read again. Direct-mapped by the word's exact hash; belongs to one tagger.
pub(crate) struct WordSums {
    /// The tagger the sums come from ([`NerTagger`](super::NerTagger)'s `id`; 0: none).
    owner: u64,
    keys: Vec<u64>,
    sums: Vec<[i32; COLS]>,
    /// Sums of one sentence's new words, kept once the sentence is scored: a word of the
    /// sentence whose rows were not extracted because its sums were kept must find them.
    pending: Vec<(u64, [i32; COLS])>,
}

/// Slots of [`WordSums`] (a power of two): 512 KB of sums.
const WORD_SLOTS: usize = 1 << 13;

impl Default for WordSums {
    fn default() -> Self {
        WordSums { owner: 0, keys: vec![0; WORD_SLOTS], sums: vec![[0; COLS]; WORD_SLOTS], pending: Vec::new() }
    }
}

impl WordSums {
    /// Empties the sums unless they come from the tagger `owner`.
    pub(crate) fn keep_for(&mut self, owner: u64) {
        if self.owner != owner {
            self.keys.fill(0);
            self.owner = owner;
        }
    }

    /// The slot of the word whose exact hash is `word` ([`Atoms`](super::features::Atoms)'s
    /// `exact`: all the rows of a word alone come from its string).
    #[inline]
    fn slot(word: u64) -> usize {
        (super::features::mix(word) >> (64 - WORD_SLOTS.trailing_zeros())) as usize
    }

    /// The kept sums of word `word` (0 is never kept: it marks an empty slot).
    #[inline]
    pub(crate) fn get(&self, word: u64) -> Option<&[i32; COLS]> {
        let slot = Self::slot(word);
        (word != 0 && self.keys[slot] == word).then(|| &self.sums[slot])
    }

    /// Asks the CPU for the slots of the words of `atoms`: scattered over 512 KB, asked for at
    /// once before the rows are extracted (which asks whether each word's sums are kept), they
    /// come in together.
    pub(crate) fn prefetch(&self, atoms: &[super::features::Atoms]) {
        for a in atoms {
            let slot = Self::slot(a.exact);
            prefetch(&self.keys[slot]);
            prefetch(&self.sums[slot]);
        }
    }

    /// Keeps the sums noted while scoring a sentence.
    fn keep_pending(&mut self) {
        for (word, sum) in std::mem::take(&mut self.pending) {
            if word != 0 {
                let slot = Self::slot(word);
                self.keys[slot] = word;
                self.sums[slot] = sum;
            }
        }
    }
}

/// A trained named-entity model.
#[derive(Clone, Debug, PartialEq)]
pub struct Model {
    pub(crate) bits: u8,
    pub(crate) features: FeatureSet,
    /// `2^bits` rows of quantized weights.
    pub(crate) weights: Vec<Row>,
    /// Transition scores, `prev * NL + cur`, in the weights' units.
    pub(crate) trans: Vec<i32>,
    /// Score of a label opening a sentence.
    pub(crate) start: Vec<i32>,
    /// Score of a label closing a sentence.
    pub(crate) end: Vec<i32>,
    /// Weights were multiplied by this before rounding.
    pub(crate) scale: f32,
    pub(crate) lex: Lexicons,
}

impl Model {
    /// Builds a model from float weights, quantizing them to i16.
    #[allow(clippy::too_many_arguments)]
    pub(crate) fn quantize(
        bits: u8,
        features: FeatureSet,
        w: &[f32],
        trans: &[f32],
        start: &[f32],
        end: &[f32],
        lex: Lexicons,
        prune: f32,
    ) -> Model {
        // each row less its O weight (see Row)
        let shifted: Vec<f32> = w.chunks(NL).flat_map(|r| r[1..].iter().map(move |&x| x - r[0])).collect();
        // scale so that the largest weight fits in i16
        let cap = shifted.iter().chain(trans).chain(start).chain(end).fold(1e-6f32, |m, x| m.max(x.abs()));
        let scale = 32000.0 / cap;
        let q = |x: f32| -> i16 { (x * scale).round().clamp(-32767.0, 32767.0) as i16 };
        let weights: Vec<Row> = shifted
            .chunks(COLS)
            .map(|r| Row(std::array::from_fn(|j| if r[j].abs() < prune * cap { 0 } else { q(r[j]) })))
            .collect();
        let qi = |x: &f32| -> i32 { (x * scale).round() as i32 };
        Model {
            bits,
            features,
            weights,
            trans: trans.iter().map(qi).collect(),
            start: start.iter().map(qi).collect(),
            end: end.iter().map(qi).collect(),
            scale,
            lex,
        }
    }

    /// Scores of every label for the `n` tokens of `ex`, whose rows come from
    /// [`Extractor::extract_split`](super::features::Extractor::extract_split): the rows of a
    /// word alone are summed once per distinct word and kept in `sums`.
    pub(crate) fn emissions(&self, ex: &super::features::Extractor, n: usize, em: &mut Vec<f32>, sums: &mut WordSums) {
        debug_assert_eq!(ex.word_starts.len(), n + 1, "emissions needs the rows of extract_split");
        em.clear();
        for i in 0..n {
            let mut acc = self.row_sum(&ex.rows, ex.starts[i] as usize..ex.starts[i + 1] as usize);
            let a = &ex.atoms[i];
            let word = match sums.get(a.exact) {
                Some(&kept) => kept,
                None => {
                    let rows = ex.word_starts[i] as usize..ex.word_starts[i + 1] as usize;
                    // a word always has rows of its own (its bias row): none means they were left
                    // out for sums that are gone
                    debug_assert!(!rows.is_empty(), "the kept sums of a word were dropped");
                    let r = self.row_sum(&ex.word_rows, rows);
                    let r: [i32; COLS] = r[1..].try_into().expect("COLS columns");
                    sums.pending.push((a.exact, r));
                    r
                }
            };
            for (x, w) in acc[1..].iter_mut().zip(word) {
                *x += w;
            }
            if a.flags & flag::WEBBY != 0 {
                // addresses and file names are never names
                em.push(acc[0] as f32);
                em.extend([-1e9f32; NL - 1]);
            } else {
                em.extend(acc.iter().map(|&a| a as f32));
                if a.ext & ext::ALL == ext::ABBR && a.flags & flag::ALL_CAPS != 0 {
                    // a known abbreviation in capitals ("FYI", "SVP") is no name on its own
                    let row = em.len() - NL;
                    for t in 0..4 {
                        em[row + super::label(t, super::UNIT) as usize] = -1e9;
                    }
                }
            }
        }
        sums.keep_pending();
    }

    /// Adds to the scores `em` (`NL` per token) the weights of the rows of each token: token
    /// `i`'s are `rows[starts[i]..starts[i + 1]]`.
    pub(crate) fn add_rows(&self, rows: &[u32], starts: &[u32], em: &mut [f32]) {
        for (i, em) in em.chunks_exact_mut(NL).enumerate() {
            let sum = self.row_sum(rows, starts[i] as usize..starts[i + 1] as usize);
            for (e, a) in em.iter_mut().zip(sum) {
                *e += a as f32;
            }
        }
    }

    /// The sum of the weight rows `rows[range]`, prefetching the rows that follow in `rows`
    /// (the table is larger than the caches).
    #[inline(always)]
    fn row_sum(&self, rows: &[u32], range: std::ops::Range<usize>) -> [i32; NL] {
        let mut sum = [0i32; COLS];
        for j in range {
            if let Some(&ahead) = rows.get(j + PREFETCH_AHEAD) {
                prefetch(&self.weights[ahead as usize].0[0]);
            }
            for (a, &w) in sum.iter_mut().zip(&self.weights[rows[j] as usize].0) {
                *a += w as i32;
            }
        }
        let mut acc = [0i32; NL];
        acc[1..].copy_from_slice(&sum);
        acc
    }

    /// Number of weight rows with any non-zero weight.
    pub fn rows_used(&self) -> usize {
        self.weights.iter().filter(|r| r.0.iter().any(|&x| x != 0)).count()
    }

    /// The compact binary form.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(1 << 20);
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&VERSION.to_le_bytes());
        out.push(self.bits);
        out.extend_from_slice(&self.features.0.to_le_bytes());
        out.extend_from_slice(&self.scale.to_le_bytes());
        for v in self.trans.iter().chain(&self.start).chain(&self.end) {
            put_varint(&mut out, zigzag(*v as i64));
        }
        let rows: Vec<usize> =
            (0..1usize << self.bits).filter(|&r| self.weights[r].0.iter().any(|&x| x != 0)).collect();
        put_varint(&mut out, rows.len() as u64);
        let mut prev = 0usize;
        for &r in &rows {
            put_varint(&mut out, (r - prev) as u64);
            prev = r;
            let row = &self.weights[r].0;
            let mut mask = 0u64;
            for (j, &x) in row.iter().enumerate() {
                if x != 0 {
                    mask |= 1 << j;
                }
            }
            put_varint(&mut out, mask);
            for &x in row.iter().filter(|&&x| x != 0) {
                put_varint(&mut out, zigzag(x as i64));
            }
        }
        for idx in [&self.lex.clusters, &self.lex.gazetteer] {
            put_varint(&mut out, idx.len() as u64);
            for (k, v) in idx.iter() {
                out.extend_from_slice(&k.to_le_bytes());
                put_varint(&mut out, v as u64);
            }
        }
        // the external lexicon and the word-vector classes: 40-bit keys, sorted, delta coded
        for idx in [&self.lex.ext, &self.lex.vectors] {
            put_varint(&mut out, idx.len() as u64);
            let mut prev = 0u64;
            for (k, v) in idx.iter() {
                put_varint(&mut out, k - prev);
                prev = k;
                put_varint(&mut out, v as u64);
            }
        }
        out
    }

    /// Reads the binary form written by [`Model::to_bytes`].
    pub fn from_bytes(b: &[u8]) -> Result<Model, String> {
        let mut r = Reader { b, pos: 0 };
        if r.take(4)? != MAGIC {
            return Err("not a dossier NER model (bad magic)".into());
        }
        let version = u32::from_le_bytes(r.take(4)?.try_into().unwrap());
        if version != VERSION {
            return Err(format!("NER model version {version}, expected {VERSION} (retrain it: `dossier train ner`)"));
        }
        let bits = r.take(1)?[0];
        if !(8..=26).contains(&bits) {
            return Err(format!("bad table size 2^{bits}"));
        }
        let features = FeatureSet(u32::from_le_bytes(r.take(4)?.try_into().unwrap()));
        let scale = f32::from_le_bytes(r.take(4)?.try_into().unwrap());
        let mut tse = Vec::with_capacity(NL * NL + 2 * NL);
        for _ in 0..NL * NL + 2 * NL {
            tse.push(unzigzag(r.varint()?) as i32);
        }
        let end = tse.split_off(NL * NL + NL);
        let start = tse.split_off(NL * NL);
        let trans = tse;
        let rows = 1usize << bits;
        let mut weights = vec![Row::default(); rows];
        let n = r.varint()? as usize;
        let mut row = 0usize;
        for _ in 0..n {
            row += r.varint()? as usize;
            if row >= rows {
                return Err("weight row out of range".into());
            }
            let mask = r.varint()?;
            for j in 0..COLS {
                if mask & (1 << j) != 0 {
                    weights[row].0[j] = unzigzag(r.varint()?) as i16;
                }
            }
        }
        let mut idxs = Vec::new();
        for _ in 0..2 {
            let n = r.varint()? as usize;
            if n > b.len() {
                return Err("bad lexicon size".into());
            }
            let mut entries = Vec::with_capacity(n);
            for _ in 0..n {
                let k = u64::from_le_bytes(r.take(8)?.try_into().unwrap());
                let v = r.varint()? as u32;
                entries.push((k, v));
            }
            idxs.push(HashIndex::with_entries(&entries));
        }
        let ext = r.delta_coded(b.len())?;
        let vectors = r.delta_coded(b.len())?;
        if r.pos != b.len() {
            return Err("trailing bytes after the NER model".into());
        }
        let gazetteer = idxs.pop().unwrap();
        let clusters = idxs.pop().unwrap();
        let lex = Lexicons {
            clusters,
            gazetteer,
            ext: HashIndex::with_entries(&ext),
            vectors: HashIndex::with_entries(&vectors),
        };
        Ok(Model { bits, features, weights, trans, start, end, scale, lex })
    }
}

fn zigzag(v: i64) -> u64 {
    ((v << 1) ^ (v >> 63)) as u64
}

fn unzigzag(v: u64) -> i64 {
    ((v >> 1) as i64) ^ -((v & 1) as i64)
}

fn put_varint(out: &mut Vec<u8>, mut v: u64) {
    while v >= 0x80 {
        out.push((v as u8) | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

struct Reader<'a> {
    b: &'a [u8],
    pos: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], String> {
        if self.pos + n > self.b.len() {
            return Err("truncated NER model".into());
        }
        let s = &self.b[self.pos..self.pos + n];
        self.pos += n;
        Ok(s)
    }
    fn varint(&mut self) -> Result<u64, String> {
        let mut v = 0u64;
        let mut shift = 0;
        loop {
            let byte = *self.take(1)?.first().unwrap();
            if shift >= 64 {
                return Err("bad varint in NER model".into());
            }
            v |= ((byte & 0x7f) as u64) << shift;
            if byte & 0x80 == 0 {
                return Ok(v);
            }
            shift += 7;
        }
    }

    /// A table written with sorted, delta-coded keys: its size, then (key delta, value) pairs.
    fn delta_coded(&mut self, limit: usize) -> Result<Vec<(u64, u32)>, String> {
        let n = self.varint()? as usize;
        if n > limit {
            return Err("bad lexicon size".into());
        }
        let mut out = Vec::with_capacity(n);
        let mut k = 0u64;
        for _ in 0..n {
            k = k.checked_add(self.varint()?).ok_or("bad lexicon key")?;
            out.push((k, self.varint()? as u32));
        }
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ner::features::Extractor;

    #[test]
    fn kept_word_sums_give_the_scores_of_all_rows() {
        let Ok(m) = Model::from_bytes(include_bytes!("../../models/ner.bin")) else {
            println!("skipped: crates/nlp/models/ner.bin is not a trained model");
            return;
        };
        // the same words in other contexts, so a context row taken for a word's own would show
        // and two words whose forms hash alike ("正" as "ck") but whose shapes and affixes differ
        let tokens =
            ["Ms", "Kral", "met", "Kral", "in", "Paris", ",", "and", "Paris", "met", "Ms", "Kral", "ck", "正", "."];
        // the scores of the tokens from all their rows, extracted in one list as training does
        let all_rows = |ex: &mut Extractor, tokens: &[&str]| -> Vec<f32> {
            ex.set_tokens(tokens.iter().copied(), &m.lex, m.features);
            ex.extract(m.bits, m.features);
            (0..tokens.len())
                .flat_map(|i| m.row_sum(&ex.rows, ex.starts[i] as usize..ex.starts[i + 1] as usize).map(|x| x as f32))
                .collect()
        };
        let mut ex = Extractor::default();
        let all = all_rows(&mut ex, &tokens);
        let mut sums = WordSums::default();
        sums.keep_for(1);
        let mut em = Vec::new();
        for round in 0..2 {
            // the second time every word's sums are kept ones, and no word rows are extracted
            ex.extract_split(m.bits, m.features, |w| sums.get(w).is_some());
            assert_eq!(ex.word_rows.is_empty(), round == 1);
            m.emissions(&ex, tokens.len(), &mut em, &mut sums);
            assert_eq!(em, all);
        }
        // a new word whose sums go to the slot of a kept word after it in the same sentence:
        // the kept word's rows were not extracted, so its sums must still be there for it
        let exact = |w: &str| crate::ner::features::Atoms::of(w, &m.lex).exact;
        let kept = exact("Kral");
        let rival = (0..100_000)
            .map(|i| format!("w{i}"))
            .find(|w| WordSums::slot(exact(w)) == WordSums::slot(kept) && exact(w) != kept)
            .expect("a word in the same slot");
        let tokens = [rival.as_str(), "Kral", "."];
        let all = all_rows(&mut ex, &tokens);
        ex.extract_split(m.bits, m.features, |w| sums.get(w).is_some());
        m.emissions(&ex, tokens.len(), &mut em, &mut sums);
        assert_eq!(em, all);
        // sums kept for another tagger are not used
        sums.keys[0] = 7;
        sums.keep_for(2);
        assert!(sums.keys.iter().all(|&k| k == 0));
    }
}
