//! Feature extraction: every token becomes a list of rows of the hashed weight table.
//!
//! Strings are hashed incrementally, character by character, so extraction allocates nothing
//! per token: a token's "atoms" (hashes of its form, lowercase form, shape, prefixes and
//! suffixes, its word cluster and gazetteer marks) are computed once, and each feature template
//! combines the atoms of the token and its neighbours into a 64-bit key, which picks a row.

use super::lexicon::{Lexicons, WordLookups};

/// Seed of every string hash.
const SEED: u64 = 0xcbf2_9ce4_8422_2325;
const MUL: u64 = 0x0000_0100_0000_01b3;

/// One step of the string hash (FNV-1a over the bytes of the char's scalar value).
#[inline]
fn step(h: u64, c: u32) -> u64 {
    let mut h = h;
    h = (h ^ (c & 0xff) as u64).wrapping_mul(MUL);
    if c > 0xff {
        h = (h ^ (c >> 8) as u64).wrapping_mul(MUL);
    }
    h
}

/// Final mixer (splitmix64).
#[inline]
pub(crate) fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// Hash of the lowercase form of a string (the same value [`Atoms`] computes as `lower`).
pub(crate) fn hash_lower(s: &str) -> u64 {
    let mut h = SEED;
    for c in s.chars() {
        h = step(h, lower_char(c) as u32);
    }
    h
}

#[inline]
fn lower_char(c: char) -> char {
    if c.is_ascii() { c.to_ascii_lowercase() } else { c.to_lowercase().next().unwrap_or(c) }
}

/// Flags of a token's form.
pub(crate) mod flag {
    pub const INIT_CAP: u32 = 1;
    pub const ALL_CAPS: u32 = 2;
    pub const HAS_LOWER: u32 = 4;
    pub const HAS_DIGIT: u32 = 8;
    pub const ALL_DIGIT: u32 = 16;
    pub const HAS_HYPHEN: u32 = 32;
    pub const HAS_PERIOD: u32 = 64;
    pub const HAS_APOS: u32 = 128;
    pub const PUNCT_ONLY: u32 = 256;
    pub const QUOTE: u32 = 512;
    pub const INNER_CAP: u32 = 1024;
    pub const HAS_LETTER: u32 = 2048;
    /// An e-mail address, web address or file name (`a@b.org`, `www.x.com`, `notes_v2.pdf`):
    /// never tagged as a name.
    pub const WEBBY: u32 = 4096;
}

/// What the features of a token are made of.
#[derive(Clone, Copy, Default, Debug, PartialEq)]
pub(crate) struct Atoms {
    pub word: u64,
    /// A hash of the exact string, a whole character at a time: the keys above step through a
    /// character past U+00FF in two bytes, so that such a word can hash as two Latin-1
    /// characters would ("正" as "ck"); this one tells them apart ([`WordSums`](super::model::WordSums)).
    pub exact: u64,
    pub lower: u64,
    pub shape: u64,
    pub pre: [u64; 4],
    pub suf: [u64; 4],
    pub flags: u32,
    pub nchars: u32,
    /// Cluster bit path (with a leading 1), 0 when unknown.
    pub cluster: u32,
    /// Word-vector classes ([`Lexicons::vector_class`], see [`vclass`]), 0 when unknown.
    pub vclass: u32,
    /// Gazetteer marks: bit `2*t` = begins a name of type t seen in training, `2*t+1` = inside one.
    pub gaz: u32,
    /// How the word is written elsewhere in the document: bit 0 capitalized inside a sentence,
    /// bit 1 in lowercase, bit 2 capitalized as a name... 0 when unknown.
    pub dcase: u32,
    /// What the first pass said about the other occurrences of the word in the document
    /// ([`DocLabels::summary`]); 0 before the first pass.
    pub dlab: u32,
    /// External lexicon marks ([`Lexicons::mark_ext`]).
    pub ext: u32,
}

/// Per document: the first pass's labels of every word (by lowercase hash), per type.
#[derive(Default)]
pub(crate) struct DocLabels {
    map: std::collections::HashMap<u64, [u16; 5], BuildMix>,
}

impl DocLabels {
    pub fn clear(&mut self) {
        self.map.clear();
    }

    /// Adds one sentence's atoms and first-pass labels.
    pub fn add(&mut self, atoms: &[Atoms], labels: &[u8]) {
        for (a, &l) in atoms.iter().zip(labels) {
            if a.flags & flag::HAS_LETTER == 0 {
                continue;
            }
            let e = self.map.entry(a.lower).or_insert([0; 5]);
            let k = super::label_type(l).map_or(4, usize::from);
            e[k] = e[k].saturating_add(1);
        }
    }

    /// A small code for what the other occurrences of a word were labeled (its own first-pass
    /// label `own` left out): majority type, share of name labels, number of occurrences.
    pub fn summary(&self, a: &Atoms, own: u8) -> u32 {
        if a.flags & flag::HAS_LETTER == 0 {
            return 0;
        }
        let Some(c) = self.map.get(&a.lower) else { return 1 };
        let mut c = *c;
        let k = super::label_type(own).map_or(4, usize::from);
        c[k] = c[k].saturating_sub(1);
        let total: u32 = c.iter().map(|&x| x as u32).sum();
        if total == 0 {
            return 1;
        }
        let ents = total - c[4] as u32;
        let mut m = 4;
        for t in 0..4 {
            if c[t] > 0 && (m == 4 || c[t] > c[m]) {
                m = t;
            }
        }
        let share = if ents == 0 {
            0
        } else if ents * 2 < total {
            1
        } else if ents < total {
            2
        } else {
            3
        };
        let cb = match total {
            1 => 0,
            2 | 3 => 1,
            _ => 2,
        };
        2 + (m as u32 * 4 + share) * 3 + cb
    }
}

/// Per document: how each word (by lowercase hash) is written in the running text.
#[derive(Default)]
pub(crate) struct DocStats {
    map: std::collections::HashMap<u64, u32, BuildMix>,
}

/// A hasher for keys that are hashes already.
#[derive(Default, Clone, Copy)]
pub(crate) struct BuildMix;
pub(crate) struct MixHasher(u64);
impl std::hash::BuildHasher for BuildMix {
    type Hasher = MixHasher;
    fn build_hasher(&self) -> MixHasher {
        MixHasher(0)
    }
}
impl std::hash::Hasher for MixHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = self.0.rotate_left(8) ^ b as u64;
        }
    }
    fn write_u64(&mut self, v: u64) {
        self.0 = mix(v);
    }
}

impl DocStats {
    pub fn clear(&mut self) {
        self.map.clear();
    }

    /// Fills the document-level atoms of `atoms` (how the document writes each word).
    pub fn fill(&self, atoms: &mut [Atoms]) {
        for a in atoms {
            a.dcase = self.get(a.lower);
        }
    }

    /// Adds one sentence's tokens (their atoms, before features).
    pub fn add_sentence(&mut self, atoms: &[Atoms]) {
        let letters = atoms.iter().filter(|a| a.flags & flag::HAS_LETTER != 0).count();
        let caps = atoms.iter().filter(|a| a.flags & flag::HAS_LETTER != 0 && a.flags & flag::HAS_LOWER == 0).count();
        if letters >= 2 && caps * 10 >= letters * 8 {
            return; // a headline says nothing about case
        }
        if atoms.iter().all(|a| a.flags & (flag::INIT_CAP | flag::ALL_CAPS) == 0) {
            return; // nor does a sentence written all in lowercase
        }
        for (i, a) in atoms.iter().enumerate() {
            if a.flags & flag::HAS_LETTER == 0 {
                continue;
            }
            let bit = if a.flags & (flag::INIT_CAP | flag::ALL_CAPS) == 0 {
                2
            } else if i > 0 && atoms[i - 1].flags & (flag::PUNCT_ONLY | flag::QUOTE) == 0 {
                1
            } else {
                continue;
            };
            *self.map.entry(a.lower).or_insert(0) |= bit;
        }
    }

    #[inline]
    pub fn get(&self, lower: u64) -> u32 {
        self.map.get(&lower).copied().unwrap_or(0) | 4
    }
}

impl Atoms {
    /// Atoms of one token's text (gazetteer marks are filled later, over the sentence).
    pub fn of(s: &str, lex: &Lexicons) -> Atoms {
        let mut a = Atoms::default();
        let mut hw = SEED;
        let mut hl = SEED;
        let mut hs = SEED;
        let mut last_class = 0u32;
        let mut run = 0u32;
        let mut n = 0usize;
        let mut ring = ['\0'; 4];
        let (mut upper, mut lowerc, mut digit, mut letters, mut other) = (0u32, 0u32, 0u32, 0u32, 0u32);
        let mut inner_cap = false;
        let mut hx = SEED;
        for c in s.chars() {
            hw = step(hw, c as u32);
            hx = (hx ^ c as u64).wrapping_mul(MUL);
            let lc = lower_char(c);
            hl = step(hl, lc as u32);
            if n < 4 {
                a.pre[n] = hl;
            }
            ring[n & 3] = lc;
            let class = if c.is_uppercase() {
                upper += 1;
                letters += 1;
                if n > 0 {
                    inner_cap = true;
                }
                'X' as u32
            } else if c.is_alphabetic() {
                lowerc += 1;
                letters += 1;
                'x' as u32
            } else if c.is_ascii_digit() {
                digit += 1;
                'd' as u32
            } else {
                other += 1;
                match c {
                    '-' | '\u{2010}' | '\u{2011}' | '\u{2013}' => {
                        a.flags |= flag::HAS_HYPHEN;
                        '-' as u32
                    }
                    '.' => {
                        a.flags |= flag::HAS_PERIOD;
                        '.' as u32
                    }
                    '\'' | '\u{2019}' => {
                        a.flags |= flag::HAS_APOS;
                        '\'' as u32
                    }
                    '"' | '\u{201C}' | '\u{201D}' | '\u{2018}' | '`' | '\u{AB}' | '\u{BB}' => {
                        a.flags |= flag::QUOTE;
                        '"' as u32
                    }
                    c if c.is_ascii() => c as u32,
                    _ => '*' as u32,
                }
            };
            // collapsed shape keeps runs up to two: "Xxx" and "Xxxxxx" are both "Xxx"
            if class == last_class {
                run += 1;
            } else {
                run = 0;
                last_class = class;
            }
            if run < 2 {
                hs = step(hs, class);
            }
            n += 1;
        }
        // a repeated first char in a run-length shape only matters for short tokens
        if n <= 2 {
            hs = step(hs, 0x100 + n as u32);
        }
        for k in n..4 {
            a.pre[k] = a.pre[n.saturating_sub(1).min(3)] ^ (k as u64 + 1);
        }
        for k in 0..4 {
            let len = (k + 1).min(n);
            let mut h = SEED;
            for j in 0..len {
                h = step(h, ring[(n - len + j) & 3] as u32);
            }
            a.suf[k] = h ^ ((k as u64 + 1) << 56);
        }
        a.word = hw;
        a.exact = hx;
        a.lower = hl;
        a.shape = hs;
        a.nchars = n as u32;
        if upper > 0 && s.chars().next().is_some_and(char::is_uppercase) {
            a.flags |= flag::INIT_CAP;
        }
        if upper > 0 && lowerc == 0 {
            a.flags |= flag::ALL_CAPS;
        }
        if lowerc > 0 {
            a.flags |= flag::HAS_LOWER;
        }
        if letters > 0 {
            a.flags |= flag::HAS_LETTER;
        }
        if digit > 0 {
            a.flags |= flag::HAS_DIGIT;
            if letters == 0 && other == 0 {
                a.flags |= flag::ALL_DIGIT;
            }
        }
        if letters == 0 && digit == 0 && n > 0 {
            a.flags |= flag::PUNCT_ONLY;
        }
        if inner_cap && lowerc > 0 {
            a.flags |= flag::INNER_CAP;
        }
        if other > 0 && letters > 0 && webby(s) {
            a.flags |= flag::WEBBY;
        }
        a.cluster = lex.cluster(hl);
        a.vclass = lex.vector_class(hl);
        a
    }
}

/// Whether a token is an e-mail address, a web address or a file name.
fn webby(s: &str) -> bool {
    let b = s.as_bytes();
    if b.contains(&b'@') && b.len() > 3 || b.contains(&b'_') || s.contains("://") || s.starts_with("www.") {
        return true;
    }
    // a file name: letters, then a period and a known extension
    const EXT: &[&str] =
        &["pdf", "doc", "docx", "xls", "xlsx", "ppt", "pptx", "txt", "jpg", "jpeg", "png", "gif", "zip", "htm", "html"];
    match s.rfind('.') {
        Some(p) if p > 0 && p + 1 < s.len() => {
            let ext = &s[p + 1..];
            EXT.iter().any(|e| ext.eq_ignore_ascii_case(e))
        }
        _ => false,
    }
}

/// How a word's word-vector classes are packed into one value: fine class + 1 in bits 0-11,
/// coarse class + 1 in bits 12-19, type prior code in bits 20-27 (0: none).
pub(crate) mod vclass {
    pub const MAX_FINE: u32 = 0xffd;
    pub const MAX_COARSE: u32 = 0xfd;
    pub const MAX_TYPE: u32 = 0xfd;
    pub const BOS: u32 = pack(MAX_FINE + 1, MAX_COARSE + 1, MAX_TYPE + 1);
    pub const EOS: u32 = pack(MAX_FINE + 2, MAX_COARSE + 2, MAX_TYPE + 2);
    /// The value of classes `fine` and `coarse` (counted from 0) and type code `ty` (from 1).
    pub const fn pack(fine: u32, coarse: u32, ty: u32) -> u32 {
        (fine + 1) | (coarse + 1) << 12 | ty << 20
    }
    #[inline]
    pub fn fine(v: u32) -> u64 {
        (v & 0xfff) as u64
    }
    #[inline]
    pub fn coarse(v: u32) -> u64 {
        (v >> 12 & 0xff) as u64
    }
    #[inline]
    pub fn ty(v: u32) -> u64 {
        (v >> 20) as u64
    }
}

/// Padding atoms before the first and after the last token.
const BOS: Atoms = Atoms {
    word: 0x1111,
    exact: 0x1111,
    lower: 0x1111,
    shape: 0x1111,
    pre: [0x1111; 4],
    suf: [0x1111; 4],
    flags: 0,
    nchars: 0,
    cluster: 0x10001,
    vclass: vclass::BOS,
    gaz: 0,
    dcase: 0,
    dlab: 0,
    ext: 0,
};
const EOS: Atoms = Atoms {
    word: 0x2222,
    exact: 0x2222,
    lower: 0x2222,
    shape: 0x2222,
    pre: [0x2222; 4],
    suf: [0x2222; 4],
    flags: 0,
    nchars: 0,
    cluster: 0x20002,
    vclass: vclass::EOS,
    gaz: 0,
    dcase: 0,
    dlab: 0,
    ext: 0,
};

/// Which optional feature groups a model uses (stored in the model, so tagging extracts exactly
/// what training did).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FeatureSet(pub u32);

impl FeatureSet {
    pub const CLUSTERS: u32 = 1;
    pub const GAZETTEER: u32 = 2;
    pub const CONTEXT2: u32 = 4;
    pub const BIGRAMS: u32 = 8;
    pub const HEADLINE: u32 = 16;
    pub const AFFIX: u32 = 32;
    pub const QUOTES: u32 = 64;
    pub const CONTEXT_SHAPE: u32 = 128;
    pub const DOC_CASE: u32 = 256;
    pub const DOC_LABELS: u32 = 512;
    /// The external lexicon (places, person names, roles, word frequency).
    pub const EXT: u32 = 1024;
    /// Features conjoined with the sentence's case mode (ALL-CAPS headline, all lowercase).
    pub const MODE: u32 = 2048;
    /// Runs of capitalized words: the token's position in its run and the run's first and
    /// last words.
    pub const RUNS: u32 = 4096;
    /// Name particles ("bin", "de la", "van") between capitalized words.
    pub const PARTICLES: u32 = 8192;
    /// Word classes from pretrained word vectors, of the word and its neighbours.
    pub const VECTORS: u32 = 16384;
    /// More word-vector class contexts: the words two away, and pairs of neighbours' classes.
    pub const VECTORS2: u32 = 32768;
    /// The type prior of the word-vector table: the word's likely entity type and its
    /// confidence, learned from training names and projected through the vectors.
    pub const VTYPES: u32 = 65536;
    /// A bias row per sentence case mode (normal, ALL-CAPS, all lowercase), which training
    /// moves towards O in normal sentences only (`train::shift_to_o`).
    pub const MODE_BIAS: u32 = 131072;
    pub const DEFAULT: FeatureSet = FeatureSet(
        Self::CLUSTERS
            | Self::GAZETTEER
            | Self::CONTEXT2
            | Self::BIGRAMS
            | Self::HEADLINE
            | Self::AFFIX
            | Self::QUOTES
            | Self::CONTEXT_SHAPE
            | Self::DOC_CASE
            | Self::DOC_LABELS
            | Self::EXT
            | Self::MODE
            | Self::PARTICLES
            | Self::VECTORS
            | Self::VTYPES
            | Self::MODE_BIAS,
    );
    #[inline]
    pub fn has(self, bit: u32) -> bool {
        self.0 & bit != 0
    }
}

/// Reusable buffers: atoms of a sentence and the feature rows of every token.
#[derive(Default)]
pub(crate) struct Extractor {
    pub atoms: Vec<Atoms>,
    /// Row indexes, `per_token` of them for each token... flattened with `starts`.
    pub rows: Vec<u32>,
    pub starts: Vec<u32>,
    /// With [`Extractor::extract_split`]: the rows that depend on the word alone (its form,
    /// shape, affixes and classes), apart from `rows`, flattened with `word_starts`; the tagger
    /// sums them once per distinct word ([`WordSums`](super::model::WordSums)).
    pub word_rows: Vec<u32>,
    pub word_starts: Vec<u32>,
    /// Per token, the run of capitalized words around it (`[start, end)`; empty outside runs).
    runs: Vec<(u32, u32)>,
    /// Per token, what the lexicons hold under the word alone.
    words: Vec<WordLookups>,
}

/// The atoms of the words a thread tagged last, with their [`WordLookups`]: most tokens of a
/// text are words seen shortly before, and their atoms cost a walk through their characters and
/// four lookups in tables larger than the caches (clusters, word vectors, gazetteer, external
/// lexicon). Direct-mapped by the word's bytes; words over 23 bytes are not kept. Belongs to
/// one tagger, whose lexicons the atoms come from.
pub(crate) struct AtomCache {
    /// The tagger the atoms come from ([`NerTagger`](super::NerTagger)'s `id`; 0: none).
    owner: u64,
    slots: Vec<CachedWord>,
}

#[derive(Clone, Copy, Default)]
struct CachedWord {
    /// The word's bytes, zero-padded, with its length in the last byte; all zero: empty slot
    /// (no word is empty).
    key: [u64; 3],
    atoms: Atoms,
    words: WordLookups,
}

/// What a word alone gives the tagger: its atoms and what the lexicons hold under it (what
/// [`AtomCache`] keeps).
#[inline]
fn word_facts(s: &str, lex: &Lexicons) -> (Atoms, WordLookups) {
    let a = Atoms::of(s, lex);
    (a, lex.word_lookups(a.lower))
}

/// Slots of [`AtomCache`] (a power of two): 8,192 of 168 bytes.
const ATOM_SLOTS: usize = 1 << 13;

impl Default for AtomCache {
    fn default() -> Self {
        AtomCache { owner: 0, slots: vec![CachedWord::default(); ATOM_SLOTS] }
    }
}

impl AtomCache {
    /// Empties the cache unless its atoms come from the tagger `owner`.
    pub(crate) fn keep_for(&mut self, owner: u64) {
        if self.owner != owner {
            self.slots.fill(CachedWord::default());
            self.owner = owner;
        }
    }

    /// The key of word `s`, `None` when it is empty or too long to keep.
    #[inline]
    fn key(s: &str) -> Option<[u64; 3]> {
        let b = s.as_bytes();
        if b.is_empty() || b.len() > 23 {
            return None;
        }
        let mut buf = [0u8; 24];
        buf[..b.len()].copy_from_slice(b);
        buf[23] = b.len() as u8;
        let word = |k: usize| u64::from_le_bytes(buf[8 * k..8 * k + 8].try_into().expect("8 bytes"));
        Some([word(0), word(1), word(2)])
    }

    /// The slot of a word's key.
    #[inline]
    fn slot(key: &[u64; 3]) -> usize {
        (mix(key[0] ^ key[1].rotate_left(21) ^ key[2].rotate_left(42)) >> (64 - ATOM_SLOTS.trailing_zeros())) as usize
    }

    /// Asks the CPU for the slot of word `s` (see [`AtomCache::get`]).
    #[inline]
    fn prefetch(&self, s: &str) {
        if let Some(key) = Self::key(s) {
            super::model::prefetch(&self.slots[Self::slot(&key)]);
        }
    }

    /// The atoms and lookups of word `s`, from the cache or computed (and kept).
    #[inline]
    fn get(&mut self, s: &str, lex: &Lexicons) -> (Atoms, WordLookups) {
        let Some(key) = Self::key(s) else { return word_facts(s, lex) };
        let c = &mut self.slots[Self::slot(&key)];
        if c.key != key {
            (c.atoms, c.words) = word_facts(s, lex);
            c.key = key;
        }
        (c.atoms, c.words)
    }
}

/// Hash of the lowercase form of an ASCII string, at compile time (equals [`hash_lower`]).
const fn hash_ascii(s: &str) -> u64 {
    let b = s.as_bytes();
    let mut h = SEED;
    let mut i = 0;
    while i < b.len() {
        h = (h ^ b[i].to_ascii_lowercase() as u64).wrapping_mul(MUL);
        i += 1;
    }
    h
}

/// Lowercase words that may join the capitalized words of one name ("Bank of England",
/// "Osama bin Laden", "Maria de la Cruz").
const CONNECTORS: [u64; 19] = [
    hash_ascii("of"),
    hash_ascii("the"),
    hash_ascii("and"),
    hash_ascii("&"),
    hash_ascii("for"),
    hash_ascii("de"),
    hash_ascii("la"),
    hash_ascii("del"),
    hash_ascii("da"),
    hash_ascii("di"),
    hash_ascii("du"),
    hash_ascii("von"),
    hash_ascii("van"),
    hash_ascii("der"),
    hash_ascii("den"),
    hash_ascii("bin"),
    hash_ascii("al"),
    hash_ascii("on"),
    hash_ascii("-"),
];

/// Lowercase particles inside persons' and places' names ("Osama bin Laden", "Maria de la Cruz").
const PARTICLES: [u64; 20] = [
    hash_ascii("de"),
    hash_ascii("la"),
    hash_ascii("le"),
    hash_ascii("del"),
    hash_ascii("della"),
    hash_ascii("da"),
    hash_ascii("di"),
    hash_ascii("du"),
    hash_ascii("dos"),
    hash_ascii("das"),
    hash_ascii("von"),
    hash_ascii("van"),
    hash_ascii("der"),
    hash_ascii("den"),
    hash_ascii("ter"),
    hash_ascii("bin"),
    hash_ascii("ibn"),
    hash_ascii("al"),
    hash_ascii("el"),
    hash_ascii("y"),
];

/// Whether a token can be part of a run of name words (capitalized, or letters with digits).
#[inline]
fn runnable(a: &Atoms) -> bool {
    a.flags & (flag::INIT_CAP | flag::ALL_CAPS) != 0
        || a.flags & (flag::HAS_LETTER | flag::HAS_DIGIT) == flag::HAS_LETTER | flag::HAS_DIGIT
}

/// Fills `runs`: maximal runs of name words, joined by connectors, that do not start at a
/// sentence's first token unless it is followed by another name word.
fn find_runs(atoms: &[Atoms], runs: &mut Vec<(u32, u32)>) {
    let n = atoms.len();
    runs.clear();
    runs.resize(n, (0, 0));
    let mut i = 0;
    while i < n {
        if !runnable(&atoms[i]) {
            i += 1;
            continue;
        }
        let mut z = i + 1;
        loop {
            if z < n && runnable(&atoms[z]) {
                z += 1;
            } else if z + 1 < n && CONNECTORS.contains(&atoms[z].lower) && runnable(&atoms[z + 1]) {
                z += 2;
            } else if z + 2 < n
                && CONNECTORS.contains(&atoms[z].lower)
                && CONNECTORS.contains(&atoms[z + 1].lower)
                && runnable(&atoms[z + 2])
            {
                z += 3;
            } else {
                break;
            }
        }
        for r in &mut runs[i..z] {
            *r = (i as u32, z as u32);
        }
        i = z;
    }
}

/// The weight row of feature key `k` in a table of `2^(64 - shift)` rows.
#[inline]
fn row_of(k: u64, shift: u32) -> u32 {
    (k.wrapping_mul(0x2545_F491_4F6C_DD1D) >> shift) as u32
}

/// The key of the bias row of the tokens of sentences in case mode `mode`
/// ([`FeatureSet::MODE_BIAS`]; 0 = normal case).
#[inline]
fn mode_bias_key(mode: u64) -> u64 {
    key(6, mode)
}

/// The bias row of the tokens of normal-case sentences.
pub(crate) fn normal_case_row(bits: u8) -> usize {
    row_of(mode_bias_key(0), 64 - bits as u32) as usize
}

#[inline]
fn key(template: u64, v: u64) -> u64 {
    mix(v ^ template.wrapping_mul(0x9E37_79B9_7F4A_7C15))
}

#[inline]
fn key2(template: u64, a: u64, b: u64) -> u64 {
    mix(a.rotate_left(17) ^ mix(b ^ template.wrapping_mul(0x9E37_79B9_7F4A_7C15)))
}

/// Where [`Extractor::extract_rows`] puts the rows of one sentence.
struct Sink<'a> {
    rows: &'a mut Vec<u32>,
    /// Where the rows of the word alone go, when kept apart.
    word_rows: Option<&'a mut Vec<u32>>,
    /// The word's sums are kept: its own rows are not needed (nor their keys computed, once
    /// this is inlined).
    skip_word: bool,
    shift: u32,
}

impl Sink<'_> {
    /// A row of the token in its context.
    #[inline]
    fn push(&mut self, k: u64) {
        self.rows.push(row_of(k, self.shift));
    }

    /// A row that depends on the word alone.
    #[inline]
    fn push_word(&mut self, k: u64) {
        if self.skip_word {
            return;
        }
        let r = row_of(k, self.shift);
        match &mut self.word_rows {
            Some(w) => w.push(r),
            None => self.rows.push(r),
        }
    }

    /// The keys of [`class_keys`]: the word's own classes (0, 1, 6) are the word's alone.
    #[inline]
    fn push_class_keys(&mut self, keys: [u64; 7]) {
        for (j, k) in keys.into_iter().enumerate() {
            if matches!(j, 0 | 1 | 6) {
                self.push_word(k);
            } else {
                self.push(k);
            }
        }
    }
}

/// The keys of one family of word-class features, templates `base` to `base + 6`: the word's
/// coarse and fine class, its neighbours' fine classes, its coarse class paired with each
/// neighbour's, and its fine class with its shape. `class` gives an atom's (coarse, fine).
#[inline]
fn class_keys(base: u64, c: &Atoms, p1: &Atoms, n1: &Atoms, class: impl Fn(&Atoms) -> (u64, u64)) -> [u64; 7] {
    let ((cc, cf), (pc, pf), (nc, nf)) = (class(c), class(p1), class(n1));
    [
        key(base, cc),
        key(base + 1, cf),
        key(base + 2, pf),
        key(base + 3, nf),
        key2(base + 4, pc, cc),
        key2(base + 5, cc, nc),
        key2(base + 6, cf, c.shape),
    ]
}

impl Extractor {
    /// Fills `atoms` for the tokens of one sentence.
    pub fn set_tokens<'a, I: IntoIterator<Item = &'a str>>(&mut self, tokens: I, lex: &Lexicons, fs: FeatureSet) {
        self.atoms.clear();
        self.words.clear();
        for t in tokens {
            let (a, w) = word_facts(t, lex);
            self.atoms.push(a);
            self.words.push(w);
        }
        self.mark_lexicons(lex, fs);
    }

    /// As [`Extractor::set_tokens`], with the atoms of the words `cache` keeps (the same atoms).
    pub fn set_tokens_cached<'a, I: IntoIterator<Item = &'a str> + Clone>(
        &mut self,
        tokens: I,
        lex: &Lexicons,
        fs: FeatureSet,
        cache: &mut AtomCache,
    ) {
        self.atoms.clear();
        self.words.clear();
        // the slots are scattered over 1.4 MB: asked for all at once, they come in together
        for t in tokens.clone() {
            cache.prefetch(t);
        }
        for t in tokens {
            let (a, w) = cache.get(t, lex);
            self.atoms.push(a);
            self.words.push(w);
        }
        self.mark_lexicons(lex, fs);
    }

    /// Marks the names of the gazetteer and the external lexicon, as the feature set asks.
    fn mark_lexicons(&mut self, lex: &Lexicons, fs: FeatureSet) {
        if fs.has(FeatureSet::GAZETTEER) {
            lex.mark_gazetteer(&mut self.atoms, &self.words);
        }
        if fs.has(FeatureSet::EXT) {
            lex.mark_ext(&mut self.atoms, &self.words);
        }
    }

    /// Fills the document-level atoms from the document's statistics.
    pub fn set_doc(&mut self, doc: &DocStats) {
        doc.fill(&mut self.atoms);
    }

    /// Computes the rows of every token from `atoms`, for a table of `2^bits` rows.
    pub fn extract(&mut self, bits: u8, fs: FeatureSet) {
        self.extract_rows(bits, fs, None::<fn(u64) -> bool>);
    }

    /// As [`Extractor::extract`], but the rows that depend on the word alone go to `word_rows`
    /// (the same rows in all, in the same order within each list), and none for the words
    /// whose sums are `kept` (by [`Atoms`]' `exact` hash): their range in `word_rows` is empty.
    pub fn extract_split(&mut self, bits: u8, fs: FeatureSet, kept: impl Fn(u64) -> bool) {
        self.extract_rows(bits, fs, Some(kept));
    }

    fn extract_rows(&mut self, bits: u8, fs: FeatureSet, kept: Option<impl Fn(u64) -> bool>) {
        let split = kept.is_some();
        self.rows.clear();
        self.starts.clear();
        self.word_rows.clear();
        self.word_starts.clear();
        let n = self.atoms.len();
        let shift = 64 - bits as u32;
        // sentence-level facts
        let mut letters = 0;
        let mut caps = 0;
        for a in &self.atoms {
            if a.flags & flag::HAS_LETTER != 0 {
                letters += 1;
                if a.flags & flag::HAS_LOWER == 0 {
                    caps += 1;
                }
            }
        }
        let headline = letters >= 2 && caps * 10 >= letters * 8;
        let lowered = letters >= 3 && self.atoms.iter().all(|a| a.flags & (flag::INIT_CAP | flag::ALL_CAPS) == 0);
        let mode: u64 = if headline {
            1
        } else if lowered {
            2
        } else {
            0
        };
        let use_runs = fs.has(FeatureSet::RUNS) && mode == 0;
        if use_runs {
            find_runs(&self.atoms, &mut self.runs);
        }
        let runs = &self.runs;
        let mut in_quote = false;
        let mut sink =
            Sink { rows: &mut self.rows, word_rows: split.then_some(&mut self.word_rows), skip_word: false, shift };
        let atoms = &self.atoms;
        for i in 0..n {
            self.starts.push(sink.rows.len() as u32);
            if let Some(w) = &sink.word_rows {
                self.word_starts.push(w.len() as u32);
            }
            sink.skip_word = kept.as_ref().is_some_and(|k| k(atoms[i].exact));
            let at = |d: isize| -> &Atoms {
                let j = i as isize + d;
                if j < 0 {
                    &BOS
                } else if j as usize >= n {
                    &EOS
                } else {
                    &atoms[j as usize]
                }
            };
            let c = &atoms[i];
            let p1 = at(-1);
            let n1 = at(1);
            sink.push_word(key(1, 0));
            if fs.has(FeatureSet::MODE_BIAS) {
                sink.push(mode_bias_key(mode));
            }
            sink.push_word(key(2, c.word));
            sink.push_word(key(3, c.lower));
            sink.push_word(key(4, c.shape));
            sink.push_word(key(5, (c.flags & 0x7ff) as u64));
            if fs.has(FeatureSet::AFFIX) {
                for k in 0..4 {
                    sink.push_word(key(10 + k as u64, c.pre[k]));
                    sink.push_word(key(20 + k as u64, c.suf[k]));
                }
            } else {
                sink.push_word(key(20 + 2, c.suf[2]));
            }
            sink.push(key(30, p1.lower));
            sink.push(key(31, n1.lower));
            sink.push(key2(32, p1.shape, c.shape));
            sink.push(key2(33, c.shape, n1.shape));
            sink.push(key2(34, p1.shape ^ n1.shape.rotate_left(7), c.shape));
            if fs.has(FeatureSet::CONTEXT2) {
                let p2 = at(-2);
                let n2 = at(2);
                sink.push(key(35, p2.lower));
                sink.push(key(36, n2.lower));
                sink.push(key2(37, p2.lower, p1.lower));
            }
            if fs.has(FeatureSet::CONTEXT_SHAPE) {
                sink.push(key(38, p1.suf[2]));
                sink.push(key(39, n1.suf[2]));
                sink.push(key2(40, p1.flags as u64, c.flags as u64));
                sink.push(key2(41, c.flags as u64, n1.flags as u64));
            }
            if fs.has(FeatureSet::BIGRAMS) {
                sink.push(key2(42, p1.lower, c.lower));
                sink.push(key2(43, c.lower, n1.lower));
                sink.push(key2(44, p1.lower, c.shape));
                sink.push(key2(45, c.shape, n1.lower));
            }
            if i == 0 {
                sink.push(key2(46, c.shape, c.lower));
            }
            if fs.has(FeatureSet::HEADLINE) && mode != 0 {
                sink.push(key2(47, mode, c.lower));
                sink.push(key2(48, mode, c.shape));
            }
            if fs.has(FeatureSet::QUOTES) {
                if c.flags & flag::QUOTE != 0 {
                    in_quote = !in_quote;
                } else if in_quote {
                    sink.push(key(49, c.shape));
                }
            }
            if fs.has(FeatureSet::CLUSTERS) {
                sink.push_class_keys(class_keys(50, c, p1, n1, |a| {
                    ((a.cluster >> 16) as u64, (a.cluster & 0xffff) as u64)
                }));
            }
            if fs.has(FeatureSet::VECTORS) {
                sink.push_class_keys(class_keys(120, c, p1, n1, |a| {
                    (vclass::coarse(a.vclass), vclass::fine(a.vclass))
                }));
                let fine = |a: &Atoms| vclass::fine(a.vclass);
                if mode != 0 {
                    sink.push(key2(127, mode, fine(c)));
                    sink.push(key2(128, mode, fine(p1) | fine(n1) << 16));
                }
                if fs.has(FeatureSet::VTYPES) {
                    let ty = |a: &Atoms| vclass::ty(a.vclass);
                    sink.push(key2(133, ty(c), (c.flags & (flag::INIT_CAP | flag::ALL_CAPS)) as u64 | mode << 4));
                    sink.push(key2(134, ty(p1), ty(n1)));
                    sink.push_word(key2(135, ty(c), fine(c)));
                }
                if fs.has(FeatureSet::VECTORS2) {
                    sink.push(key(129, fine(at(-2))));
                    sink.push(key(130, fine(at(2))));
                    sink.push(key2(131, fine(c), fine(n1)));
                    sink.push(key2(132, fine(p1), fine(c)));
                }
            }
            if fs.has(FeatureSet::DOC_CASE) && c.dcase != 0 && c.flags & flag::HAS_LETTER != 0 {
                let own = (c.flags & (flag::INIT_CAP | flag::ALL_CAPS)) as u64 | ((i == 0) as u64) << 8 | mode << 9;
                sink.push(key2(70, c.dcase as u64, own));
                sink.push(key2(71, c.dcase as u64, c.shape));
                sink.push(key2(72, c.dcase as u64 | (p1.dcase as u64) << 4, own));
            }
            if fs.has(FeatureSet::GAZETTEER) {
                let g = c.gaz;
                if g != 0 {
                    sink.push(key2(62, g as u64, (c.flags & (flag::INIT_CAP | flag::ALL_CAPS)) as u64));
                    sink.push(key(63, g as u64));
                }
                if p1.gaz != 0 || n1.gaz != 0 {
                    sink.push(key2(64, p1.gaz as u64, n1.gaz as u64));
                }
            }
            if fs.has(FeatureSet::EXT) {
                use super::lexicon::ext;
                let capc = (c.flags & (flag::INIT_CAP | flag::ALL_CAPS)) as u64 | mode << 4 | ((i == 0) as u64) << 6;
                if c.ext & (ext::GEO | ext::GEO << 16) != 0 {
                    sink.push(key2(90, (c.ext & (ext::GEO | ext::GEO << 16)) as u64, capc));
                }
                if c.ext & (ext::PERSON | ext::PERSON << 16) != 0 {
                    sink.push(key2(91, (c.ext & (ext::PERSON | ext::PERSON << 16)) as u64, capc));
                }
                if c.ext != 0 {
                    sink.push(key(92, c.ext as u64));
                }
                if p1.ext | n1.ext != 0 {
                    sink.push(key2(95, p1.ext as u64, n1.ext as u64));
                }
            }
            if use_runs && runs[i].1 > runs[i].0 + 1 {
                let (a, z) = (runs[i].0 as usize, runs[i].1 as usize);
                let pos: u64 = if i == a {
                    1
                } else if i + 1 == z {
                    2
                } else {
                    3
                } | ((z - a).min(5) as u64) << 2
                    | ((a == 0) as u64) << 5;
                sink.push(key2(110, atoms[z - 1].lower, pos));
                sink.push(key2(111, atoms[a].lower, pos));
                sink.push(key(112, pos));
                sink.push(key2(
                    113,
                    (atoms[z - 1].ext & ext_names_mask()) as u64 | (pos & 3) << 40,
                    atoms[z - 1].cluster as u64,
                ));
            }
            if fs.has(FeatureSet::PARTICLES) && mode == 0 {
                // a particle between capitalized words, and the words around it
                let cap = |a: &Atoms| a.flags & (flag::INIT_CAP | flag::ALL_CAPS) != 0;
                let part = |a: &Atoms| a.flags & flag::INIT_CAP == 0 && PARTICLES.contains(&a.lower);
                let n2 = at(2);
                if part(c) && cap(p1) && (cap(n1) || part(n1) && cap(n2)) {
                    sink.push(key(114, 1));
                    sink.push(key2(115, c.lower, 1));
                } else if cap(c) && (part(n1) && (cap(n2) || part(n2) && cap(at(3)))) {
                    sink.push(key(114, 2));
                } else if cap(c) && part(p1) && (cap(at(-2)) || part(at(-2)) && cap(at(-3))) {
                    sink.push(key(114, 3));
                }
            }
            if fs.has(FeatureSet::MODE) && mode != 0 {
                let fine = |a: &Atoms| (a.cluster & 0xffff) as u64;
                sink.push(key2(100, mode, fine(c)));
                sink.push(key2(101, mode, fine(p1) | fine(n1) << 16));
                sink.push(key2(102, mode, (c.ext as u64) << 2 | (c.gaz as u64) << 40));
                sink.push(key2(103, mode, (p1.ext as u64) << 2 | (n1.ext as u64) << 34));
                sink.push(key2(104, mode | p1.lower << 2, c.lower));
                sink.push(key2(105, mode | (p1.gaz as u64) << 2 | (n1.gaz as u64) << 20, c.gaz as u64));
            }
            if fs.has(FeatureSet::DOC_LABELS) && c.dlab != 0 {
                push_doc_rows(c, p1, n1, shift, sink.rows);
            }
        }
        self.starts.push(sink.rows.len() as u32);
        if let Some(w) = &sink.word_rows {
            self.word_starts.push(w.len() as u32);
        }
    }
}

/// The rows of the document-label features of every token of a sentence's `atoms` (for the
/// second pass), flattened with `starts` (`n + 1` bounds): one list, so the tagger can fetch rows
/// ahead across tokens. Training extracts the same rows with each token's others.
pub(crate) fn doc_rows(atoms: &[Atoms], bits: u8, out: &mut Vec<u32>, starts: &mut Vec<u32>) {
    out.clear();
    starts.clear();
    let n = atoms.len();
    for (i, c) in atoms.iter().enumerate() {
        starts.push(out.len() as u32);
        if c.dlab != 0 {
            let p1 = if i == 0 { &BOS } else { &atoms[i - 1] };
            let n1 = if i + 1 >= n { &EOS } else { &atoms[i + 1] };
            push_doc_rows(c, p1, n1, 64 - bits as u32, out);
        }
    }
    starts.push(out.len() as u32);
}

#[inline]
fn ext_names_mask() -> u32 {
    super::lexicon::ext::NAMES
}

/// The document-label features of a token.
#[inline]
fn push_doc_rows(c: &Atoms, p1: &Atoms, n1: &Atoms, shift: u32, rows: &mut Vec<u32>) {
    let mut push = |k: u64| rows.push((k.wrapping_mul(0x2545_F491_4F6C_DD1D) >> shift) as u32);
    let d = c.dlab as u64;
    push(key(80, d));
    push(key2(81, d, (c.flags & (flag::INIT_CAP | flag::ALL_CAPS)) as u64));
    push(key2(82, d, p1.dlab as u64 | (n1.dlab as u64) << 16));
    push(key2(83, d, c.shape));
}
