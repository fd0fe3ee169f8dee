//! Lexical resources that travel inside the model: word clusters and the gazetteer of names
//! seen in training, both keyed by hashes of lowercase forms (so they work on capitals and on
//! lowercased text alike).

use super::features::{Atoms, mix};
use crate::entities::words::FxMap;
use dossier_model::EntityType;

/// Longest gazetteer entry, in tokens.
pub(crate) const GAZ_MAX_LEN: usize = 6;

/// An open-addressing map from 64-bit keys to u32 values. Key and value share a slot, so a
/// lookup in a table larger than the caches misses once, not twice.
#[derive(Clone, Debug, Default)]
pub(crate) struct HashIndex {
    slots: Vec<(u64, u32)>,
    len: usize,
}

impl HashIndex {
    pub fn with_entries(entries: &[(u64, u32)]) -> HashIndex {
        let mut cap = 16;
        while cap < entries.len() * 2 + 1 {
            cap *= 2;
        }
        let mut h = HashIndex { slots: vec![(0, 0); cap], len: 0 };
        for &(k, v) in entries {
            h.insert(k, v);
        }
        h
    }

    #[inline]
    fn slot(&self, k: u64) -> usize {
        (mix(k) as usize) & (self.slots.len() - 1)
    }

    /// Inserts `k`, replacing its value if present.
    pub fn insert(&mut self, k: u64, v: u32) {
        let k = if k == 0 { 1 } else { k };
        if (self.len + 1) * 2 > self.slots.len() {
            let old: Vec<(u64, u32)> = self.iter().collect();
            let mut cap = self.slots.len().max(8) * 2;
            while cap < (old.len() + 1) * 2 {
                cap *= 2;
            }
            *self = HashIndex { slots: vec![(0, 0); cap], len: 0 };
            for (k, v) in old {
                self.insert(k, v);
            }
        }
        let mask = self.slots.len() - 1;
        let mut i = self.slot(k);
        loop {
            let s = &mut self.slots[i];
            if s.0 == 0 {
                *s = (k, v);
                self.len += 1;
                return;
            }
            if s.0 == k {
                s.1 = v;
                return;
            }
            i = (i + 1) & mask;
        }
    }

    #[inline]
    pub fn get(&self, k: u64) -> Option<u32> {
        if self.len == 0 {
            return None;
        }
        let k = if k == 0 { 1 } else { k };
        let mask = self.slots.len() - 1;
        let mut i = self.slot(k);
        loop {
            let (kk, v) = self.slots[i];
            if kk == k {
                return Some(v);
            }
            if kk == 0 {
                return None;
            }
            i = (i + 1) & mask;
        }
    }

    /// Asks the CPU for the slot where key `k` would be (see [`HashIndex::get`]).
    #[inline]
    pub fn prefetch(&self, k: u64) {
        if self.len != 0 {
            super::model::prefetch(&self.slots[self.slot(if k == 0 { 1 } else { k })]);
        }
    }

    pub fn len(&self) -> usize {
        self.len
    }

    /// Entries in key order (deterministic serialization).
    pub fn iter(&self) -> impl Iterator<Item = (u64, u32)> + '_ {
        let mut v: Vec<(u64, u32)> = self.slots.iter().filter(|s| s.0 != 0).copied().collect();
        v.sort_unstable();
        v.into_iter()
    }
}

impl PartialEq for HashIndex {
    fn eq(&self, other: &Self) -> bool {
        self.len == other.len && self.iter().eq(other.iter())
    }
}

/// Clusters and gazetteer.
#[derive(Clone, Debug, Default, PartialEq)]
pub(crate) struct Lexicons {
    /// Lowercase word hash -> cluster bit path (with a leading 1 bit).
    pub clusters: HashIndex,
    /// Hash of a lowercase token sequence -> mask of entity types (bit t) it was annotated with.
    pub gazetteer: HashIndex,
    /// The external lexicon (place names, person names, role and organisation words), keyed by
    /// [`ext_key`] of the sequence hash: value = [`ext`] category bits, with [`EXT_PREFIX`] on
    /// proper prefixes of longer entries.
    pub ext: HashIndex,
    /// Word classes from pretrained word vectors (GloVe, `crates/nlp/models/ner_vectors.py`),
    /// keyed by [`ext_key`] of the lowercase hash, packed as `features::vclass` says.
    pub vectors: HashIndex,
}

/// Categories of the external lexicon (bits of its values).
pub(crate) mod ext {
    pub const COUNTRY: u32 = 1;
    pub const STATE: u32 = 1 << 1;
    pub const CONTINENT: u32 = 1 << 2;
    pub const CITY1: u32 = 1 << 3;
    pub const CITY2: u32 = 1 << 4;
    pub const FIRST_M: u32 = 1 << 5;
    pub const FIRST_F: u32 = 1 << 6;
    pub const SUR1: u32 = 1 << 7;
    pub const SUR2: u32 = 1 << 8;
    pub const SUR3: u32 = 1 << 9;
    pub const ROLE: u32 = 1 << 10;
    pub const ORG_WORD: u32 = 1 << 11;
    /// An abbreviation that is no name ("fyi", "ceo", "pdf").
    pub const ABBR: u32 = 1 << 12;
    /// Places.
    pub const GEO: u32 = COUNTRY | STATE | CONTINENT | CITY1 | CITY2;
    /// Person names.
    pub const PERSON: u32 = FIRST_M | FIRST_F | SUR1 | SUR2 | SUR3;
    /// Every name category (the low 12 bits).
    pub const NAMES: u32 = 0xfff;
    /// Every category (the low 13 bits).
    pub const ALL: u32 = 0x1fff;
    /// The category of a lexicon file's label.
    pub fn of_label(s: &str) -> Option<u32> {
        Some(match s {
            "country" => COUNTRY,
            "state" => STATE,
            "continent" => CONTINENT,
            "city1" => CITY1,
            "city2" => CITY2,
            "first_m" => FIRST_M,
            "first_f" => FIRST_F,
            "sur1" => SUR1,
            "sur2" => SUR2,
            "sur3" => SUR3,
            "role" => ROLE,
            "org" => ORG_WORD,
            _ => return None,
        })
    }
}

/// Value bit of an external-lexicon key that begins a longer entry.
pub(crate) const EXT_PREFIX: u32 = 1 << 31;

/// The external lexicon keeps 40 bits of each sequence hash (it is stored with sorted, delta
/// coded keys; a false hit is about one in 10^7 lookups).
#[inline]
pub(crate) fn ext_key(h: u64) -> u64 {
    h >> 24
}

/// The hash a token sequence's starts from.
const SEQ_SEED: u64 = 0x5151;

/// Hash of a token sequence from the tokens' lowercase hashes.
#[inline]
pub(crate) fn seq_hash(prev: u64, lower: u64) -> u64 {
    mix(prev.rotate_left(23) ^ lower)
}

/// Hash of a whole token sequence from the tokens' lowercase hashes.
fn seq_of(lowers: &[u64]) -> u64 {
    lowers.iter().fold(SEQ_SEED, |h, &t| seq_hash(h, t))
}

impl Lexicons {
    #[inline]
    pub fn cluster(&self, lower: u64) -> u32 {
        self.clusters.get(lower).unwrap_or(0)
    }

    /// What the gazetteer and the external lexicon hold under a word alone (its lowercase hash
    /// `lower`): the first step of [`Lexicons::mark_gazetteer`] and [`Lexicons::mark_ext`], kept
    /// with a word's atoms by the tagger's [`AtomCache`](super::features::AtomCache).
    pub fn word_lookups(&self, lower: u64) -> WordLookups {
        let h = seq_hash(SEQ_SEED, lower);
        WordLookups { gazetteer: self.gazetteer.get(h), ext: self.ext.get(ext_key(h)) }
    }

    /// The external lexicon's categories of a one-word entry (a word's lowercase hash).
    pub fn word_categories(&self, lower: u64) -> u32 {
        self.ext.get(ext_key(seq_hash(SEQ_SEED, lower))).unwrap_or(0) & ext::ALL
    }

    /// Whether the words of `lowers` (their lowercase hashes) are a known name: a place of the
    /// external lexicon, or a name of the training data.
    pub fn known(&self, lowers: &[u64]) -> bool {
        let h = seq_of(lowers);
        self.places_at(h) != 0 || self.gazetteer.get(h).unwrap_or(0) & 0xf != 0
    }

    /// The place categories (`ext::GEO` bits) the external lexicon gives the words of `lowers`
    /// (their lowercase hashes): 0 for no place.
    pub fn place_categories(&self, lowers: &[u64]) -> u32 {
        self.places_at(seq_of(lowers))
    }

    /// The categories of the entry whose sequence hash is `h`.
    fn categories_at(&self, h: u64) -> u32 {
        self.ext.get(ext_key(h)).unwrap_or(0) & ext::NAMES
    }

    /// The place categories of the entry whose sequence hash is `h`.
    fn places_at(&self, h: u64) -> u32 {
        self.categories_at(h) & ext::GEO
    }

    #[inline]
    pub fn vector_class(&self, lower: u64) -> u32 {
        self.vectors.get(ext_key(lower)).unwrap_or(0)
    }

    /// Marks the tokens covered by gazetteer entries: bit `2t` on the first token of a match of
    /// type `t`, bit `2t+1` on the others; bit 8 marks a token inside a match of 2+ tokens.
    /// `words` are the tokens' [`WordLookups`].
    pub fn mark_gazetteer(&self, atoms: &mut [Atoms], words: &[WordLookups]) {
        for a in atoms.iter_mut() {
            a.gaz = 0;
        }
        if self.gazetteer.len() == 0 {
            return;
        }
        let walk = Walk { index: &self.gazetteer, key: |h| h, entry: 0xf, prefix: PREFIX };
        let first = |i: usize| words[i].gazetteer;
        walk.prefetch_pairs(atoms, first);
        for i in 0..atoms.len() {
            if let Some((len, m)) = walk.longest_at(atoms, i, first(i)) {
                for t in 0..4 {
                    if m & (1 << t) != 0 {
                        atoms[i].gaz |= 1 << (2 * t);
                        for a in &mut atoms[i + 1..i + len] {
                            a.gaz |= 1 << (2 * t + 1);
                        }
                    }
                }
                if len > 1 {
                    for a in &mut atoms[i..i + len] {
                        a.gaz |= 1 << 8;
                    }
                }
            }
        }
    }
}

impl Lexicons {
    /// Marks the tokens covered by external-lexicon entries: `ext` gets the categories of the
    /// longest entry starting at a token (low 13 bits) and of the longest entry covering it from
    /// an earlier token (bits 16-28).
    pub fn mark_ext(&self, atoms: &mut [Atoms], words: &[WordLookups]) {
        for a in atoms.iter_mut() {
            a.ext = 0;
        }
        if self.ext.len() == 0 {
            return;
        }
        let walk = Walk { index: &self.ext, key: ext_key, entry: ext::ALL, prefix: EXT_PREFIX };
        let first = |i: usize| words[i].ext;
        walk.prefetch_pairs(atoms, first);
        for i in 0..atoms.len() {
            if let Some((len, m)) = walk.longest_at(atoms, i, first(i)) {
                let m = m & ext::ALL;
                atoms[i].ext |= m;
                for a in &mut atoms[i + 1..i + len] {
                    a.ext |= m << 16;
                }
            }
        }
    }
}

/// One of the indexes [`Lexicons::mark_gazetteer`] and [`Lexicons::mark_ext`] walk for the
/// longest entry at each token: how a sequence hash becomes its key, which bits of a value make
/// it an entry, and which say that longer entries go on from it.
struct Walk<'a, K: Fn(u64) -> u64> {
    index: &'a HashIndex,
    key: K,
    entry: u32,
    prefix: u32,
}

impl<K: Fn(u64) -> u64> Walk<'_, K> {
    /// Asks the CPU at once for the entries of the two-word sequences that open longer ones;
    /// `first(i)` is what the index holds under token `i` alone ([`WordLookups`]).
    #[inline]
    fn prefetch_pairs(&self, atoms: &[Atoms], first: impl Fn(usize) -> Option<u32>) {
        for i in 1..atoms.len() {
            if first(i - 1).is_some_and(|m| m & self.prefix != 0) {
                self.index.prefetch((self.key)(seq_hash(seq_hash(SEQ_SEED, atoms[i - 1].lower), atoms[i].lower)));
            }
        }
    }

    /// The longest entry starting at token `i` (entries start with a letter or digit token):
    /// its length in tokens and its value. `first` is what the index holds under token `i` alone.
    #[inline]
    fn longest_at(&self, atoms: &[Atoms], i: usize, first: Option<u32>) -> Option<(usize, u32)> {
        if atoms[i].flags & (super::features::flag::HAS_LETTER | super::features::flag::HAS_DIGIT) == 0 {
            return None;
        }
        let mut h = SEQ_SEED;
        let mut best = None;
        for len in 1..=GAZ_MAX_LEN.min(atoms.len() - i) {
            h = seq_hash(h, atoms[i + len - 1].lower);
            let found = if len == 1 { first } else { self.index.get((self.key)(h)) };
            let Some(m) = found else { break };
            if m & self.entry != 0 {
                best = Some((len, m));
            }
            if m & self.prefix == 0 {
                break;
            }
        }
        best
    }
}

/// What [`Lexicons::word_lookups`] finds under a word alone.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub(crate) struct WordLookups {
    pub gazetteer: Option<u32>,
    pub ext: Option<u32>,
}

/// Builds the external lexicon from (lowercase token hashes, category bits) entries.
pub(crate) fn build_ext<'a, I: IntoIterator<Item = (&'a [u64], u32)>>(entries: I) -> HashIndex {
    let mut idx = HashIndex::default();
    for (toks, cat) in entries {
        if toks.is_empty() || toks.len() > GAZ_MAX_LEN {
            continue;
        }
        let mut h = SEQ_SEED;
        for (j, &t) in toks.iter().enumerate() {
            h = seq_hash(h, t);
            let k = ext_key(h);
            let old = idx.get(k).unwrap_or(0);
            let v = if j + 1 == toks.len() { old | cat } else { old | EXT_PREFIX };
            idx.insert(k, v);
        }
    }
    idx
}

/// Value bit of a gazetteer key that begins a longer entry.
const PREFIX: u32 = 1 << 8;

/// Builds a gazetteer from names: (lowercase token hashes, type). Every proper prefix of a name
/// is stored too (with the `PREFIX` bit), so a lookup stops at the first unknown token.
pub(crate) fn build_gazetteer<'a, I: IntoIterator<Item = (&'a [u64], u8)>>(names: I) -> HashIndex {
    let mut idx = HashIndex::default();
    for (toks, ty) in names {
        if toks.is_empty() || toks.len() > GAZ_MAX_LEN {
            continue;
        }
        let mut h = SEQ_SEED;
        for (j, &t) in toks.iter().enumerate() {
            h = seq_hash(h, t);
            let old = idx.get(h).unwrap_or(0);
            let v = if j + 1 == toks.len() { old | (1 << ty) } else { old | PREFIX };
            idx.insert(h, v);
        }
    }
    idx
}

/// Words that stand before a person's name as a title or role (lowercase; project-authored).
pub(crate) const ROLE_WORDS: &[&str] = &[
    "mr",
    "mr.",
    "mrs",
    "mrs.",
    "ms",
    "ms.",
    "dr",
    "dr.",
    "prof",
    "prof.",
    "sir",
    "dame",
    "lord",
    "lady",
    "president",
    "vice-president",
    "minister",
    "secretary",
    "chancellor",
    "premier",
    "senator",
    "sen.",
    "rep.",
    "representative",
    "congressman",
    "congresswoman",
    "governor",
    "gov.",
    "mayor",
    "ambassador",
    "envoy",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "chairman",
    "chairwoman",
    "ceo",
    "executive",
    "director",
    "chief",
    "general",
    "gen.",
    "colonel",
    "col.",
    "captain",
    "capt.",
    "lieutenant",
    "lt.",
    "major",
    "maj.",
    "sergeant",
    "sgt.",
    "admiral",
    "commander",
    "prince",
    "princess",
    "king",
    "queen",
    "pope",
    "bishop",
    "archbishop",
    "cardinal",
    "rev.",
    "reverend",
    "father",
    "sheikh",
    "judge",
    "justice",
    "mp",
    "mep",
    "coach",
    "manager",
    "striker",
    "midfielder",
    "defender",
    "goalkeeper",
    "analyst",
    "economist",
    "leader",
    "attorney",
    "prosecutor",
    "lawyer",
    "officer",
    "inspector",
    "detective",
    "deputy",
    "treasurer",
    "nominee",
    "candidate",
    "actor",
    "actress",
    "singer",
    "author",
    "writer",
    "journalist",
    "correspondent",
    "reporter",
    "emperor",
    "empress",
    "dictator",
    "diplomat",
    "pilot",
    "player",
    "champion",
];

/// Abbreviations that are no name, common in e-mail, web and business text, which a tagger
/// trained on news would read as organisations for their capitals (lowercase; project-authored;
/// ambiguous ones such as "md", "dc", "ba", "eta", "pc" or "cpa", also places, parties or
/// organisations, left out). The decoder never makes one of them, written in capitals, a
/// one-word name (`Model::emissions`).
#[rustfmt::skip]
pub(crate) const ABBREVIATIONS: &[&str] = &[
    // chat and e-mail
    "fyi", "asap", "lol", "lmao", "rofl", "omg", "btw", "imo", "imho", "tbh", "idk", "brb", "ttyl", "thx", "pls", "plz",
    "fwiw", "afaik", "iirc", "wtf", "smh", "rsvp", "pps", "tbd", "tba", "faq", "diy", "aka", "ok",
    // roles and degrees
    "ceo", "cfo", "coo", "cto", "cio", "cmo", "evp", "svp", "vp", "avp", "hr", "pr", "mba", "phd", "esq",
    // business and finance
    "r&d", "m&a", "ipo", "roi", "irr", "npv", "ebitda", "eps", "p&l", "gdp", "cpi", "kpi", "b2b", "b2c", "dba", "llp",
    "ytd", "yoy", "q&a", "vat", "apr",
    // files, computing and devices
    "pdf", "xls", "ppt", "jpg", "jpeg", "gif", "png", "mp3", "mp4", "usb", "gps", "sms", "mms", "api", "url", "html",
    "http", "https", "cpu", "gpu", "ram", "cd", "dvd", "vhs", "tv", "hd", "lcd", "led", "wifi", "isp", "vpn", "rss",
    "atm", "pin", "sim", "lte", "gsm",
    // units and measures
    "mph", "kph", "km", "kg", "lbs", "mw", "kw", "kwh", "mmbtu", "bcf", "mcf", "mpg", "rpm",
    // fuels, vehicles and everyday things
    "lng", "lpg", "cng", "hvac", "suv", "atv", "bbq", "dui", "dwi", "iq", "icu", "dna",
];

/// The legal forms that end a company's name (lowercase).
#[rustfmt::skip]
pub(crate) const LEGAL_FORMS: &[&str] = &[
    "plc", "inc", "inc.", "ltd", "ltd.", "limited", "llc", "llp", "corp", "corp.", "corporation", "co", "co.",
    "gmbh", "ag", "nv", "n.v.", "sa", "s.a.", "bv", "b.v.", "ab", "asa", "oy", "pty", "group", "holdings", "lp",
    "l.p.", "l.l.c.", "l.l.p.",
];

/// True when `w` is one of the [`LEGAL_FORMS`], in any case ("Ltd", "PLC", "Group").
pub(crate) fn is_legal_form(w: &str) -> bool {
    LEGAL_FORMS.iter().any(|f| w.eq_ignore_ascii_case(f))
}

/// Words that end or head organisation names (lowercase; project-authored).
pub(crate) const ORG_WORDS: &[&str] = &[
    "inc",
    "inc.",
    "ltd",
    "ltd.",
    "corp",
    "corp.",
    "co.",
    "plc",
    "llc",
    "gmbh",
    "ag",
    "nv",
    "group",
    "holdings",
    "company",
    "corporation",
    "bank",
    "university",
    "college",
    "institute",
    "academy",
    "council",
    "committee",
    "commission",
    "ministry",
    "department",
    "agency",
    "authority",
    "association",
    "federation",
    "union",
    "league",
    "party",
    "club",
    "fc",
    "society",
    "foundation",
    "board",
    "bureau",
    "parliament",
    "congress",
    "senate",
    "assembly",
    "army",
    "navy",
    "police",
    "airlines",
    "airways",
    "motors",
    "industries",
    "systems",
    "technologies",
    "communications",
    "media",
    "broadcasting",
    "records",
    "studios",
    "church",
    "hospital",
    "organization",
    "organisation",
    "brigade",
    "regiment",
    "battalion",
    "division",
    "squadron",
    "wing",
    "fleet",
    "corps",
];

/// Words after which a phrase that defines a name has passed its head noun ("Caloi is a
/// Brazilian manufacturer of bicycles", "a band from", "a company based in").
#[rustfmt::skip]
pub(crate) const DEFINITION_ENDS: &[&str] = &[
    "of", "in", "for", "from", "by", "with", "based", "who", "that", "which", "and", "or", "to", "at", "on",
    "whose", "founded", "located", "situated", "formed", "owned", "known", "established", "created", "released",
    "written", "directed", "produced", "published", "set", "where", "since", "between", "near", "spoken", "used",
    "played", "held", "made", "built", "named", "called",
];

/// The noun of `defining_nouns.txt` whose plural `plural` is ("albums", "companies"), with its
/// type; `None` for a word that is no such plural.
pub(crate) fn defining_noun_of_plural(plural: &str) -> Option<(&'static str, EntityType)> {
    let nouns = defining_nouns();
    let found = |s: &str| nouns.get_key_value(s).map(|(&k, &(ty, _))| (k, ty));
    plural
        .strip_suffix('s')
        .and_then(found)
        .or_else(|| plural.strip_suffix("ies").and_then(|s| found(&format!("{s}y"))))
}

/// The nouns of `defining_nouns.txt` (head nouns of a phrase that defines a name): each one's
/// type, and whether it retypes a name the tagger read as a place.
pub(crate) fn defining_nouns() -> &'static FxMap<&'static str, (EntityType, bool)> {
    static M: std::sync::OnceLock<FxMap<&'static str, (EntityType, bool)>> = std::sync::OnceLock::new();
    M.get_or_init(|| {
        let mut m = FxMap::default();
        for l in include_str!("../resources/defining_nouns.txt").lines().map(str::trim) {
            let c: Vec<&str> = l.split_whitespace().collect();
            if c.len() < 2 || l.starts_with('#') {
                continue;
            }
            let ty = match c[1] {
                "PERSON" => EntityType::Person,
                "ORG" => EntityType::Org,
                "LOC" => EntityType::Loc,
                _ => EntityType::Misc,
            };
            m.insert(c[0], (ty, c.get(2) == Some(&"any")));
        }
        m
    })
}
