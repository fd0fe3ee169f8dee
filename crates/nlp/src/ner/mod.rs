//! Named-entity recognition: persons, organisations, locations and other names (MISC).
//!
//! An averaged structured perceptron over hashed features, decoded with Viterbi under the BILOU
//! scheme (`I-` and `L-` only continue a name of the same type; `U-` is a name of one word). The
//! model is trained by [`train`] from the shared corpora and ships embedded
//! ([`NerTagger::embedded`]).
//!
//! ```
//! use dossier_nlp::ner::NerTagger;
//! use dossier_nlp::{Component, Segmenter};
//! let mut doc = dossier_model::Doc::new("d", "Home Secretary Sajid Javid flew to London on Monday.");
//! Segmenter.process(&mut doc);
//! NerTagger::embedded().process(&mut doc);
//! for m in &doc.mentions {
//!     println!("{:?} {}", m.ty, m.span.of(&doc.text));
//! }
//! ```

mod clusters;
mod corpus;
mod decode;
mod features;
pub(crate) mod leads;
pub(crate) mod lexicon;
mod model;
mod titles;
mod train;

#[cfg(test)]
mod tests;

pub use model::Model;
pub use train::{TrainOptions, export_dev_sets, train};

use crate::pipeline::{Component, Layer};
use dossier_model::{Doc, EntityType, Mention, MentionKind, Span, Token, TokenKind};
use std::sync::{Arc, OnceLock};

/// Number of labels: O, then B- (begin), I- (inside), L- (last) and U- (a name of one token) for
/// PER, ORG, LOC, MISC.
pub(crate) const NL: usize = 17;

/// The label of part `part` (`BEGIN`, `INSIDE`, `LAST`, `UNIT`) of a name of type `t`.
#[inline]
pub(crate) const fn label(t: u8, part: u8) -> u8 {
    1 + 4 * t + part
}
pub(crate) const BEGIN: u8 = 0;
pub(crate) const INSIDE: u8 = 1;
pub(crate) const LAST: u8 = 2;
pub(crate) const UNIT: u8 = 3;

/// The types of names, as label numbers count them (in the order of `corpus::TYPE_NAMES`).
pub(crate) const PER: u8 = 0;
pub(crate) const ORG: u8 = 1;
pub(crate) const LOC: u8 = 2;
pub(crate) const MISC: u8 = 3;

/// The entity type of label `l` (`None` for O).
#[inline]
pub(crate) fn label_type(l: u8) -> Option<u8> {
    if l == 0 { None } else { Some((l - 1) / 4) }
}

/// The part of a name that label `l` stands for (`None` for O).
#[inline]
pub(crate) fn label_part(l: u8) -> Option<u8> {
    if l == 0 { None } else { Some((l - 1) % 4) }
}

/// Whether label `l` begins a name.
#[inline]
pub(crate) fn is_begin(l: u8) -> bool {
    matches!(label_part(l), Some(BEGIN | UNIT))
}

fn entity_type(t: u8) -> EntityType {
    match t {
        PER => EntityType::Person,
        ORG => EntityType::Org,
        LOC => EntityType::Loc,
        _ => EntityType::Misc,
    }
}

/// Whether `list` (lowercase words) holds `w` in lowercase, as `list.contains(&w.to_lowercase())`
/// but without a new string for the ASCII words that are nearly all: the rules after the model
/// ask this of every token.
pub(crate) fn lower_in(list: &[&str], w: &str) -> bool {
    if w.is_ascii() {
        list.iter().any(|x| x.len() == w.len() && x.bytes().zip(w.bytes()).all(|(a, b)| a == b.to_ascii_lowercase()))
    } else {
        list.contains(&w.to_lowercase().as_str())
    }
}

/// The names of a sentence as [`spans_of`] lists them. Inline up to four: the rules after the
/// model ask for them many times a sentence, and a heap list each time cost more than the scan.
pub(crate) type Spans = smallvec::SmallVec<[(usize, usize, u8); 4]>;

/// The names of one sentence for the rules of [`join_names`], listed again only when its labels
/// changed since they were last listed: some thirty rules ask, and most change nothing.
#[derive(Default)]
struct SpanCache {
    labels: smallvec::SmallVec<[u8; 64]>,
    spans: Spans,
}

impl SpanCache {
    /// The names of `labels`, as [`spans_of`] lists them.
    fn spans(&mut self, labels: &[u8]) -> &[(usize, usize, u8)] {
        if self.labels.as_slice() != labels {
            self.labels.clear();
            self.labels.extend_from_slice(labels);
            self.spans = spans_of(labels);
        }
        &self.spans
    }
}

/// Token index ranges `[start, end)` and types of the names in a label sequence.
pub(crate) fn spans_of(labels: &[u8]) -> Spans {
    let mut out = Spans::new();
    let mut i = 0;
    while i < labels.len() {
        // (most tokens are no name: eight of them at a time)
        if let Some(eight) = labels.get(i..i + 8)
            && eight.iter().all(|&l| l == 0)
        {
            i += 8;
            continue;
        }
        match label_type(labels[i]) {
            Some(t) => {
                let mut j = i + 1;
                while j < labels.len() && !is_begin(labels[j]) && label_type(labels[j]) == Some(t) {
                    j += 1;
                }
                out.push((i, j, t));
                i = j;
            }
            None => i += 1,
        }
    }
    out
}

/// The NER pipeline component.
pub struct NerTagger {
    model: Arc<Model>,
    /// A digest of the model's bytes: the store records it, so a new model marks old records.
    /// Computed when first asked for: hashing the 6 MB model costs as much as tagging a few
    /// dozen news stories, and `extract` never asks.
    digest: OnceLock<String>,
    /// The model's stored bytes, when it was read from them (the embedded one): their digest is
    /// the model's without writing it out again.
    stored: Option<&'static [u8]>,
    /// Tells this tagger's sums apart from another's in a thread's [`TagScratch`].
    id: u64,
    trans: Vec<f32>,
    start: Vec<f32>,
    end: Vec<f32>,
}

static EMBEDDED: &[u8] = include_bytes!("../../models/ner.bin");

/// The model built into the binary, decoded once per process.
fn embedded_model() -> &'static Arc<Model> {
    static MODEL: OnceLock<Arc<Model>> = OnceLock::new();
    MODEL.get_or_init(|| Arc::new(Model::from_bytes(EMBEDDED).expect("the embedded NER model is valid")))
}

/// What the census lists of the embedded model's lexicon say of a given name: `Some(true)` when
/// only women bear it, `Some(false)` when only men do ("Margarethe", "Henrik"; the entity linker
/// has its own short list first).
pub(crate) fn given_name_is_female(word: &str) -> Option<bool> {
    let cats = word_categories(word);
    match (cats & lexicon::ext::FIRST_F != 0, cats & lexicon::ext::FIRST_M != 0) {
        (true, false) => Some(true),
        (false, true) => Some(false),
        _ => None,
    }
}

/// Whether `words` are a name the embedded model's lexicons know: a place ("Boston", "New
/// York") or a name of the training data ("CBS", "Exxon").
pub(crate) fn known_name(words: &[&str]) -> bool {
    embedded_model().lex.known(&lowers_of(words))
}

/// Whether `words` are a place the embedded model's external lexicon knows: a country, a
/// state, a continent or a town.
pub(crate) fn known_place(words: &[&str]) -> bool {
    place_categories(words) != 0
}

/// Whether `words` are a town or a state the embedded model's external lexicon knows
/// ("Cincinnati", "New York", "Texas"), and no country or continent.
pub(crate) fn known_town_or_state(words: &[&str]) -> bool {
    use lexicon::ext;
    let c = place_categories(words);
    c & (ext::STATE | ext::CITY1 | ext::CITY2) != 0 && c & (ext::COUNTRY | ext::CONTINENT) == 0
}

/// Whether `words` are a country the embedded model's external lexicon knows.
fn known_country(words: &[&str]) -> bool {
    place_categories(words) & lexicon::ext::COUNTRY != 0
}

/// The place categories (`lexicon::ext` bits) the embedded model's external lexicon gives
/// `words` as one entry: 0 for no place.
fn place_categories(words: &[&str]) -> u32 {
    embedded_model().lex.place_categories(&lowers_of(words))
}

/// Whether `word` is a given name or a surname the embedded model's external lexicon knows.
pub(crate) fn known_person_word(word: &str) -> bool {
    word_categories(word) & lexicon::ext::PERSON != 0
}

/// Whether `word` is a given name the embedded model's external lexicon knows.
pub(crate) fn known_given_name(word: &str) -> bool {
    use lexicon::ext;
    word_categories(word) & (ext::FIRST_M | ext::FIRST_F) != 0
}

/// The categories (`lexicon::ext` bits) the embedded model's external lexicon gives one word.
fn word_categories(word: &str) -> u32 {
    embedded_model().lex.word_categories(features::hash_lower(word))
}

/// The lowercase hashes of `words`, as the lexicons look them up.
fn lowers_of(words: &[&str]) -> Vec<u64> {
    words.iter().map(|w| features::hash_lower(w)).collect()
}

/// The short digest of a model's bytes that the store records.
fn digest_of(bytes: &[u8]) -> String {
    dossier_model::content_hash_bytes(bytes)[..12].to_string()
}

impl NerTagger {
    /// A tagger using `model`.
    pub fn new(model: Model) -> NerTagger {
        NerTagger::shared(Arc::new(model), None)
    }

    fn shared(model: Arc<Model>, stored: Option<&'static [u8]>) -> NerTagger {
        static NEXT_ID: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);
        let f = |v: &[i32]| v.iter().map(|&x| x as f32).collect::<Vec<f32>>();
        NerTagger {
            trans: f(&model.trans),
            start: f(&model.start),
            end: f(&model.end),
            model,
            digest: OnceLock::new(),
            stored,
            id: NEXT_ID.fetch_add(1, std::sync::atomic::Ordering::Relaxed),
        }
    }

    /// The digest of the model's bytes (see `digest`).
    fn digest(&self) -> &str {
        self.digest.get_or_init(|| match self.stored {
            Some(bytes) => digest_of(bytes),
            None => digest_of(&self.model.to_bytes()),
        })
    }

    /// The tagger with the model built into the binary (`crates/nlp/models/ner.bin`), decoded
    /// once per process and shared.
    pub fn embedded() -> NerTagger {
        // the stored bytes are the model's canonical form, so their digest is the one `new` computes
        NerTagger::shared(Arc::clone(embedded_model()), Some(EMBEDDED))
    }

    /// The model.
    pub fn model(&self) -> &Model {
        &self.model
    }

    /// Names in a text whose tokens and sentences are given: byte spans and types, in text order.
    pub fn tag(&self, text: &str, tokens: &[Token], sentences: &[Span]) -> Vec<(Span, EntityType)> {
        // the buffers live as long as the thread: allocating them anew for each document cost
        // more than a tenth of the tagging time in page faults
        thread_local! {
            static SCRATCH: std::cell::RefCell<TagScratch> = std::cell::RefCell::new(TagScratch::default());
        }
        SCRATCH.with_borrow_mut(|s| self.tag_with(text, tokens, sentences, s))
    }

    fn tag_with(
        &self,
        text: &str,
        tokens: &[Token],
        sentences: &[Span],
        s: &mut TagScratch,
    ) -> Vec<(Span, EntityType)> {
        let mut out = Vec::new();
        let mut labels = Vec::new();
        let mut strs: Vec<&str> = Vec::new();
        // sentences as token ranges relative to `base`, in chunks of bounded size
        let mut rel: Vec<(usize, usize)> = Vec::new();
        let mut base = 0;
        let mut k = 0;
        let n = tokens.len();
        for (si, sent) in sentences.iter().enumerate() {
            while k < n && tokens[k].span.start < sent.start {
                k += 1;
            }
            let a = k;
            while k < n && tokens[k].span.end <= sent.end {
                k += 1;
            }
            if k > a {
                if rel.is_empty() {
                    base = a;
                }
                rel.push((a - base, k - base));
            }
            let last = si + 1 == sentences.len();
            if let Some(&(_, end)) = rel.last()
                && (last || end > CHUNK_TOKENS)
            {
                strs.clear();
                strs.extend(tokens[base..base + end].iter().map(|t| t.span.of(text)));
                self.label_doc(&strs, &rel, s, &mut labels);
                // (titles need to know which quotation marks open, which the spacing tells)
                let marks = titles::quote_marks(text, &tokens[base..base + end], &rel);
                for &(ra, rz) in &rel {
                    join_names(&strs[ra..rz], &mut labels[ra..rz]);
                }
                businesses_by_possessive(&strs, &rel, &mut labels);
                numbered_units(&strs, &rel, &mut labels);
                call_signs(&strs, &rel, &mut labels);
                // (the document's first sentence is in the first chunk)
                if base == 0 {
                    leads::defined_subject(&strs, &rel, &mut labels);
                }
                repeated_names(&strs, &marks, &rel, &mut labels);
                for &(ra, rz) in &rel {
                    leads::named_after_body_noun(&strs[ra..rz], &mut labels[ra..rz]);
                    leads::described_names(&strs[ra..rz], &mut labels[ra..rz]);
                    leads::listed_examples(&strs[ra..rz], &mut labels[ra..rz]);
                    titles::quoted_titles(&strs[ra..rz], &marks[ra..rz], &mut labels[ra..rz]);
                    titles::bare_titles(&strs[ra..rz], &marks[ra..rz], &mut labels[ra..rz]);
                    titles::unquoted_titles(&strs[ra..rz], &marks[ra..rz], &mut labels[ra..rz]);
                }
                titles::repeated_titles(&strs, &marks, &rel, &mut labels);
                for &(ra, rz) in &rel {
                    for (i, j, t) in spans_of(&labels[ra..rz]) {
                        // a lone initial is no name ("Q." and "A." of a transcript): the
                        // corpora here have none, only initials before a surname
                        if j - i == 1 && (is_pronoun(strs[ra + i]) || (t != MISC && is_initial(strs[ra + i]))) {
                            continue;
                        }
                        // nor a transcript's stage direction, "(Laughter.)", "[Applause]"
                        if j - i == 1 && stage_direction(&strs, ra + i) {
                            continue;
                        }
                        // nor a currency's code beside its amount ("NOK 4.2 billion", "5 billion ZAR")
                        let number = |k: usize| tokens.get(k).is_some_and(|t| t.kind == TokenKind::Number);
                        let amount_before = ra + i > 0
                            && (number(base + ra + i - 1) || crate::numbers::is_scale_word(strs[ra + i - 1]));
                        if j - i == 1
                            && crate::numbers::is_currency_code(strs[ra + i])
                            && (number(base + ra + j) || amount_before)
                        {
                            continue;
                        }
                        // the model learns CoNLL's currencies "A$" and "US$" whole: a sign set
                        // apart from the word before it is no part of a name ("The US $700bn
                        // bailout"), and what is left may be none ("A $2.5bn deal")
                        let mut j = j;
                        if j - i >= 2
                            && crate::numbers::is_currency_sign(strs[ra + j - 1])
                            && tokens[base + ra + j - 2].span.end < tokens[base + ra + j - 1].span.start
                        {
                            j -= 1;
                            let w = strs[ra + i];
                            if j - i == 1 && (w.chars().count() == 1 || ["An", "The", "AN", "THE"].contains(&w)) {
                                continue;
                            }
                        }
                        // letters after a person's name are no part of it ("Naomi Fairweather KC",
                        // "Jess Phillips MP")
                        if t == PER && j - i >= 3 && POST_NOMINALS.contains(&strs[ra + j - 1]) {
                            j -= 1;
                        }
                        let span = Span::new(tokens[base + ra + i].span.start, tokens[base + ra + j - 1].span.end);
                        out.push((span, entity_type(t)));
                    }
                }
                rel.clear();
            }
        }
        signature_towns(text, &mut out, |w| self.model.lex.known(&[features::hash_lower(w)]));
        out
    }

    /// Labels of the tokens `toks` of one document whose sentences are `ranges` (token index
    /// ranges): a first pass, then a second one that knows what the first said about each word
    /// elsewhere in the document. Tokens outside every range get O.
    pub(crate) fn label_doc(&self, toks: &[&str], ranges: &[(usize, usize)], s: &mut TagScratch, labels: &mut Vec<u8>) {
        let m = &self.model;
        let two_pass = m.features.has(features::FeatureSet::DOC_LABELS);
        labels.clear();
        labels.resize(toks.len(), 0);
        s.word_sums.keep_for(self.id);
        s.atom_cache.keep_for(self.id);
        s.doc.clear();
        s.atoms.clear();
        s.atoms.resize(toks.len(), Default::default());
        for &(a, z) in ranges {
            // (a headline in title case is read as one in capitals, where case says nothing, also
            // to the document's counts of how each word is written)
            if title_case(&toks[a..z]) {
                let upper: Vec<String> = toks[a..z].iter().map(|w| w.to_uppercase()).collect();
                s.ex.set_tokens_cached(upper.iter().map(String::as_str), &m.lex, m.features, &mut s.atom_cache);
            } else {
                s.ex.set_tokens_cached(toks[a..z].iter().copied(), &m.lex, m.features, &mut s.atom_cache);
            }
            s.doc.add_sentence(&s.ex.atoms);
            s.atoms[a..z].copy_from_slice(&s.ex.atoms);
        }
        s.em_doc.clear();
        s.em_doc.resize(toks.len() * NL, 0.0);
        s.dl.clear();
        // (in place, so the sentences' atoms are copied out once and never back)
        for &(a, z) in ranges {
            s.doc.fill(&mut s.atoms[a..z]);
        }
        for &(a, z) in ranges {
            s.ex.atoms.clear();
            s.ex.atoms.extend_from_slice(&s.atoms[a..z]);
            let sums = &s.word_sums;
            sums.prefetch(&s.ex.atoms);
            s.ex.extract_split(m.bits, m.features, |w| sums.get(w).is_some());
            m.emissions(&s.ex, z - a, &mut s.em, &mut s.word_sums);
            decode::viterbi(&s.em, &self.trans, &self.start, &self.end, None, &mut s.labels, &mut s.dec);
            labels[a..z].copy_from_slice(&s.labels);
            if two_pass {
                s.em_doc[a * NL..z * NL].copy_from_slice(&s.em);
                s.dl.add(&s.ex.atoms, &s.labels);
            }
        }
        if !two_pass {
            return;
        }
        // (the second pass works on the document's atoms and scores in place: a sentence reads
        // only its own first-pass labels, which it overwrites last)
        for &(a, z) in ranges {
            for (i, at) in s.atoms[a..z].iter_mut().enumerate() {
                at.dlab = s.dl.summary(at, labels[a + i]);
            }
            let em = &mut s.em_doc[a * NL..z * NL];
            features::doc_rows(&s.atoms[a..z], m.bits, &mut s.rows, &mut s.row_starts);
            m.add_rows(&s.rows, &s.row_starts, em);
            decode::viterbi(em, &self.trans, &self.start, &self.end, None, &mut s.labels, &mut s.dec);
            labels[a..z].copy_from_slice(&s.labels);
        }
    }
}

/// Whether a sentence is written in title case, as headlines are ("Washington Post Assembles 'A
/// Sizable Army' Of Reporters To Take Down Trump", "Obama Power Plant Rules Face Key Test In U.S.
/// Court"): after its first word, every word capitalized but the small ones a title may leave in
/// lowercase, four capitalized at least, and one of them a word of grammar that only a title
/// capitalizes ("Of", "To", "In", "Has", "Just", "They"; not a given name, "Will", nor an
/// initial, "A."), so a list of names is none ("F-105 Thunderchief, 1962 -- 1964; F-4 Phantom
/// II", "Phil Noble, Scott Farmer, Will Folks"). There a capital says no more than in a headline
/// in capitals, which the training data has, and title case it has not: the model read "Trump
/// Supporter Screams" as an organisation.
pub(crate) fn title_case(toks: &[&str]) -> bool {
    use crate::entities::words::{f, words};
    // (the small words a title may leave in lowercase; names' particles too, "Colin van Ostern")
    #[rustfmt::skip]
    const SMALL: &[&str] = &[
        "a", "an", "the", "and", "but", "or", "for", "nor", "at", "by", "to", "of", "in", "on", "up", "as", "vs", "vs.",
        "via", "per",
    ];
    const PARTICLES: &[&str] = &["de", "la", "le", "von", "van"];
    const GRAMMAR: u64 = f::PRON | f::DET | f::AUX | f::BE | f::ADV | f::NEG | f::PREP | f::CONJ | f::WH | f::COMP;
    let (mut capitals, mut grammar) = (0, false);
    for w in toks.iter().skip(1) {
        match w.chars().next() {
            Some(c) if c.is_uppercase() => {
                capitals += 1;
                grammar = grammar
                    || *w != "I"
                        && !w.ends_with('.')
                        && (SMALL.iter().any(|s| s.eq_ignore_ascii_case(w)) || words().get(w).has(GRAMMAR))
                        && !words().get(w).has(f::GIVEN);
            }
            Some(c) if c.is_alphabetic() && !SMALL.contains(w) && !PARTICLES.contains(w) => return false,
            _ => {}
        }
    }
    capitals >= 4 && grammar
}

/// Documents longer than this many tokens are tagged in pieces, so memory stays bounded.
const CHUNK_TOKENS: usize = 50_000;

/// Reusable buffers of [`NerTagger::label_doc`].
#[derive(Default)]
pub(crate) struct TagScratch {
    ex: features::Extractor,
    em: Vec<f32>,
    labels: Vec<u8>,
    dec: decode::Scratch,
    doc: features::DocStats,
    dl: features::DocLabels,
    atoms: Vec<features::Atoms>,
    em_doc: Vec<f32>,
    rows: Vec<u32>,
    row_starts: Vec<u32>,
    word_sums: model::WordSums,
    atom_cache: features::AtomCache,
}

impl Component for NerTagger {
    fn name(&self) -> &'static str {
        "ner"
    }
    fn requires(&self) -> &'static [Layer] {
        &[Layer::Tokens, Layer::Sentences]
    }
    fn assigns(&self) -> &'static [Layer] {
        &[Layer::Mentions]
    }
    fn version(&self) -> String {
        self.digest().to_string()
    }
    fn process(&self, doc: &mut Doc) {
        let found = self.tag(&doc.text, &doc.tokens, &doc.sentences);
        let mut mentions: Vec<Mention> =
            found.into_iter().map(|(span, ty)| Mention { span, ty, entity: None, kind: MentionKind::Name }).collect();
        if !doc.mentions.is_empty() {
            mentions.append(&mut doc.mentions);
            mentions.sort_by_key(|m| (m.span.start, m.span.end));
        }
        doc.mentions = mentions;
    }
}

/// True for a possessive's token, "'s" with either apostrophe.
fn possessive(w: &str) -> bool {
    matches!(w, "'s" | "\u{2019}s")
}

/// True when `w` is one letter and a full stop ("A.", "Q."; not "X", a company's name now).
fn is_initial(w: &str) -> bool {
    let mut cs = w.chars();
    cs.next().is_some_and(char::is_alphabetic) && cs.as_str() == "."
}

/// Honours and offices written after a person's name, in capitals.
pub(crate) const POST_NOMINALS: &[&str] =
    &["KC", "QC", "SC", "MP", "MEP", "MSP", "OBE", "MBE", "CBE", "KBE", "DBE", "FRS"];

/// Mends, in the labels of one sentence's tokens, names the model splits or mistypes where the
/// corpora it learns from agree on the whole: particle names, military units, model designations,
/// institutions of a place.
pub(crate) fn join_names(toks: &[&str], labels: &mut [u8]) {
    let mut cache = SpanCache::default();
    join_particle_names(toks, labels);
    join_unit_names(toks, labels, &mut cache);
    join_designations(toks, labels, &mut cache);
    join_institutions_of_places(toks, labels, &mut cache);
    street_names(toks, labels, &mut cache);
    places_read_as_persons(toks, labels, &mut cache);
    adjacent_persons(toks, labels, &mut cache);
    list_labels(toks, labels, &mut cache);
    exclamations(toks, labels);
    common_words_read_as_names(toks, labels);
    teams_named_for_places(toks, labels, &mut cache);
    champions_before_names(toks, labels, &mut cache);
    addresses_after_ages(toks, labels);
    firms_and_partners(toks, labels, &mut cache);
    names_joined_by_ampersand(toks, labels, &mut cache);
    newspapers(toks, labels, &mut cache);
    possessive_place_names(toks, labels, &mut cache);
    calendar_short_forms(toks, labels);
    legal_forms(toks, labels);
    tickers(toks, labels);
    forms_of_address(toks, labels);
    parties(toks, labels);
    datelines(toks, labels);
    offices(toks, labels, &mut cache);
    owners_of_regions(toks, labels, &mut cache);
    maiden_names(toks, labels, &mut cache);
    display_names(toks, labels);
    eves(toks, labels);
    greetings(toks, labels, &mut cache);
    nicknames(toks, labels);
    time_zones(toks, labels, &mut cache);
    crown_in_case_names(toks, labels, &mut cache);
    storm_names(toks, labels, &mut cache);
    towns_after_streets(toks, labels, &mut cache);
    described_places(toks, labels, &mut cache);
    national_sides(toks, labels, &mut cache);
    battles(toks, labels, &mut cache);
    instruments(toks, labels, &mut cache);
    event_names(toks, labels, &mut cache);
    places_with_connectors(toks, labels);
    states_of_places(toks, labels, &mut cache);
    places_before_regions(toks, labels, &mut cache);
    // last: the rules above read a lowercase or capitalized "the" before a name
    the_in_names(toks, labels, &mut cache);
}

/// Whether token `k` of `toks` is a transcript's stage direction: a word of [`STAGE_WORDS`] alone
/// in brackets, with or without a full stop ("(Laughter.)", "[Applause]", "(CROSSTALK)"), which
/// the model, seeing a capitalized word alone, may take for a name.
fn stage_direction(toks: &[&str], k: usize) -> bool {
    if k == 0 || !STAGE_WORDS.iter().any(|w| w.eq_ignore_ascii_case(toks[k])) || !matches!(toks[k - 1], "(" | "[") {
        return false;
    }
    let close = if toks.get(k + 1) == Some(&".") { k + 2 } else { k + 1 };
    toks.get(close).is_some_and(|w| matches!(*w, ")" | "]"))
}

/// Words of a transcript's stage directions, lowercase.
#[rustfmt::skip]
const STAGE_WORDS: &[&str] = &[
    "laughter", "laughs", "applause", "cheers", "cheering", "booing", "boos", "crosstalk", "inaudible",
    "unintelligible", "indiscernible", "silence", "pause", "sighs", "groans", "gasps", "music", "interruption",
];

/// A name of two words or more that the model found (with the label rules of [`join_names`]) is
/// the same name wherever the document repeats it word for word and the model read no name
/// there ("Armistice Day is ...", after "the anniversary of Armistice Day"): the document labels
/// of the second pass count single words, so a name of common words is left out where its
/// context does not say name. Only where the repeat stands alone: no capitalized word on either
/// side but an article that opens its sentence or a quotation (not "New York" inside "New York
/// Knicks"), and no particle and capitalized word after it ("Second Chance for Dogs"). It takes
/// the type the document gives the name most often (none on a tie). A name that fills a
/// quotation is a title, whose words are often a common phrase elsewhere ("the poster "Keep Calm" ... Keep Calm
/// and carry on"): it is not repeated here, and [`titles::repeated_titles`] repeats it where it
/// is quoted again. `marks` are the tokens' quotation marks, `ranges` the sentences' token
/// ranges.
fn repeated_names(toks: &[&str], marks: &[titles::Mark], ranges: &[(usize, usize)], labels: &mut [u8]) {
    use crate::entities::words::FxMap as HashMap;
    let opens_name = |w: &str| w.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit());
    // per name (its words): a count of its types, PER to MISC
    let mut found: HashMap<&[&str], [u32; 4]> = HashMap::default();
    for &(a, z) in ranges {
        for (s, e, t) in spans_of(&labels[a..z]) {
            // (a name that fills a quotation is a title, which may be a common phrase elsewhere)
            if e - s >= 2 && opens_name(toks[a + s]) && !titles::fills_quotation(marks, a + s, a + e) {
                found.entry(&toks[a + s..a + e]).or_default()[t as usize] += 1;
            }
        }
    }
    // the names by their first two words (a list of many "John X" stays cheap), the longest first
    let mut names: HashMap<(&str, &str), Vec<Repeatable>> = HashMap::default();
    for (words, counts) in found {
        let best = (0..4).max_by_key(|&t| counts[t]).unwrap_or(0);
        if counts.iter().filter(|&&c| c == counts[best]).count() == 1 {
            names.entry((words[0], words[1])).or_default().push((words, best as u8));
        }
    }
    if names.is_empty() {
        return;
    }
    for list in names.values_mut() {
        list.sort_unstable_by(|a, b| b.0.len().cmp(&a.0.len()).then(a.0.cmp(b.0)));
    }
    let capitalized = |w: &str| w.starts_with(char::is_uppercase);
    for &(a, z) in ranges {
        let mut i = a;
        while i + 1 < z {
            // (an article that opens the sentence or a quotation is no part of a longer name)
            let opening_article = |k: usize| matches!(toks[k], "The" | "A" | "An") && (k == a || marks[k - 1].opens());
            let free_before = i == a || labels[i - 1] == 0 && (!capitalized(toks[i - 1]) || opening_article(i - 1));
            if labels[i] != 0 || labels[i + 1] != 0 || !opens_name(toks[i]) || !free_before {
                i += 1;
                continue;
            }
            let hit = names.get(&(toks[i], toks[i + 1])).and_then(|list| {
                list.iter().find(|(words, _)| {
                    let e = i + words.len();
                    e <= z
                        && toks[i..e] == **words
                        && labels[i..e].iter().all(|&l| l == 0)
                        && (e == z || !capitalized(toks[e]) && labels[e] == 0)
                        && !(e + 1 < z && carries_name_on(toks[e]) && capitalized(toks[e + 1]))
                })
            });
            match hit {
                Some(&(words, t)) => {
                    set_name(labels, i, i + words.len(), t);
                    i += words.len();
                }
                None => i += 1,
            }
        }
    }
}

/// A name [`repeated_names`] may repeat: its words and its type.
type Repeatable<'a> = (&'a [&'a str], u8);

/// Whether a lowercase word carries a name on past it ("Friends of the Earth", "Bank for
/// International Settlements", "Maria de la Cruz").
fn carries_name_on(w: &str) -> bool {
    matches!(w, "of" | "for") || PARTICLES.contains(&w)
}

/// Whether any of the tokens `toks` is one of `words`, in any case: asked once for a text or a
/// sentence whose subject a rule needs (sport, troops, radio).
fn holds_any(toks: &[&str], words: &[&str]) -> bool {
    toks.iter().any(|w| words.iter().any(|x| w.eq_ignore_ascii_case(x)))
}

/// The digits of a number written as an ordinal ("65th", "101st", "62d", as American units write
/// it), or none.
pub(crate) fn ordinal_digits(w: &str) -> Option<&str> {
    let digits = w.bytes().take_while(u8::is_ascii_digit).count();
    (digits > 0 && matches!(&w[digits..], "st" | "nd" | "rd" | "th" | "d")).then(|| &w[..digits])
}

/// Whether `t` is a word of an organisation's name: one of [`lexicon::ORG_WORDS`], or of a
/// museum, a memorial or a meeting ("the Battle of Britain Memorial Flight", "the G-20
/// Interfaith Conference").
fn org_word(t: &str) -> bool {
    #[rustfmt::skip]
    const MORE_ORG_WORDS: &[&str] = &[
        "museum", "memorial", "flight", "trust", "fund", "centre", "center", "society", "conference", "coalition",
        "summit", "forum", "alliance", "office", "program", "programme", "project", "unit", "team", "squad",
    ];
    lower_in(lexicon::ORG_WORDS, t) || lower_in(MORE_ORG_WORDS, t)
}

/// A battle, siege, campaign, war or treaty "of" a capitalized name is one event, other (MISC),
/// with an ordinal or a nationality right before it ("the Second Battle of Bull Run", "the
/// Siege of Petersburg", "the Battle of Sayler's Creek", "the Campaign of Alto Peru", "the
/// Argentine War of Independence", "the Treaty of Baden"), as all 13 such names in WikiGold and
/// both in CoNLL-2003 are written: the model read the place alone, or the place and a person.
/// The event ends where the model's name after "of" ends (and goes on over a possessive to the
/// name after it: "Sayler's Creek"); where the model read none, at the third capitalized word,
/// a weekday or a month. Not for a person ("the Campaign of Senator Ruth Varga", "the Russian
/// Campaign of Napoleon"), within a name begun before or one with an organisation's word ("the
/// Battle of Britain Memorial Flight"), nor for a lowercase word ("the battle of Mosul").
fn battles(toks: &[&str], labels: &mut [u8], cache: &mut SpanCache) {
    const EVENTS: &[&str] = &["Battle", "Battles", "Siege", "Campaign", "War", "Treaty"];
    let capitalized = |t: &str| t.starts_with(char::is_uppercase);
    for i in 0..toks.len().saturating_sub(2) {
        if !EVENTS.contains(&toks[i]) || toks[i + 1] != "of" || !capitalized(toks[i + 2]) {
            continue;
        }
        let spans = cache.spans(labels);
        if spans.iter().any(|&(s, e, _)| s < i && i < e) {
            continue;
        }
        let mut end = match spans.iter().find(|&&(s, e, _)| s <= i + 2 && i + 2 < e) {
            // a nationality before the rest of the name ("the War of Spanish Succession")
            Some(&(_, e, MISC)) if e - i == 3 && toks.get(e).is_some_and(|t| capitalized(t) && labels[e] == 0) => e + 1,
            Some(&(_, e, _)) => e,
            None => {
                let mut end = i + 2;
                while end < toks.len() && end < i + 5 && capitalized(toks[end]) && !is_calendar_word(toks[end]) {
                    end += 1;
                }
                end
            }
        };
        // "the Battle of Sayler's Creek": over a possessive to the name right after it
        if toks.get(end).is_some_and(|t| possessive(t))
            && let Some(&(_, e, t)) = spans.iter().find(|&&(s, _, _)| s == end + 1)
            && t != PER
        {
            end = e;
        }
        let person = spans.iter().any(|&(s, _, t)| t == PER && s >= i + 2 && s < end);
        if end <= i + 2 || person || toks[i + 2..end].iter().any(|t| org_word(t)) {
            continue;
        }
        let mut start = i;
        if let Some(&(s, _, _)) = spans.iter().find(|&&(s, e, t)| e == i && e - s == 1 && t == MISC) {
            start = s;
        } else if i > 0 && labels[i - 1] == 0 && is_ordinal(toks[i - 1]) {
            start = i - 1;
        }
        set_name(labels, start, end, MISC);
    }
}

/// A name of two words or more that ends with the word of an event, a contest, a prize or a
/// law ("the Cold War", "the French Open", "the Heisman Trophy", "the Civil Rights Act", "the
/// North American Free Trade Agreement") or holds "War of" ("the Argentine War of
/// Independence") is other (MISC), as CoNLL-2003's training part and testa and WikiGold write
/// all 305 such names: the model read some as organisations (a law's sponsor, a prize's donor)
/// or persons ("the Ruth Leff Siegel Awards"). Not a name with the word of a body that awards
/// or wages it ("the Department of War", "the Red Army of the Cold War", or one the model cut
/// off: "the Institute for the Study of War"): its type is the model's; nor a person's name
/// whose last word is also a surname ("Lisa Tour", "Georges de La Tour"): a person takes the
/// type only for the word of a prize, a treaty, a contest or a law.
fn event_names(toks: &[&str], labels: &mut [u8], cache: &mut SpanCache) {
    #[rustfmt::skip]
    const HEADS: &[&str] = &[
        "Act", "Agreement", "Award", "Awards", "Bowl", "Championship", "Championships", "Classic", "Cup",
        "Festival", "Open", "Prix", "Prize", "Revolution", "Series", "Tour", "Trophy", "Uprising", "War",
        "Treaty", "Accord", "Accords", "Protocol", "Protocols", "Conventions", "Amendment", "Charter", "Covenant",
        "Declaration",
    ];
    /// The heads after which a name the model read as a person's is the thing named for one.
    #[rustfmt::skip]
    const NAMED_FOR: &[&str] = &[
        "Act", "Agreement", "Award", "Awards", "Championship", "Championships", "Festival", "Prize", "Trophy",
        "Treaty", "Accord", "Accords", "Protocol", "Amendment", "Declaration",
    ];
    #[rustfmt::skip]
    const BODIES: &[&str] = &[
        "department", "ministry", "office", "committee", "commission", "council", "museum", "foundation",
        "society", "association", "university", "college", "party", "club", "company", "corporation", "bank",
        "agency", "institute", "army", "navy", "corps", "force", "forces", "fleet", "guard", "board",
    ];
    for &(s, e, t) in cache.spans(labels) {
        if t == MISC || e - s < 2 {
            continue;
        }
        let words = &toks[s..e];
        let event = HEADS.contains(&toks[e - 1]) || words.windows(2).any(|w| w == ["War", "of"]);
        let person_kept = t == PER && !NAMED_FOR.contains(&toks[e - 1]);
        // the end of a longer name the model cut ("the Institute for the Study of War")
        let cut = s >= 3
            && toks[s - 1] == "the"
            && matches!(toks[s - 2], "for" | "of")
            && toks[s - 3].starts_with(char::is_uppercase);
        if !cut && event && !person_kept && !words.iter().any(|w| lower_in(BODIES, w)) {
            set_name(labels, s, e, MISC);
        }
    }
}

/// A convention, covenant, treaty, charter, protocol or declaration "on", "against" or "for"
/// capitalized words is one law, other (MISC), as CoNLL-2003 and WikiGold write every treaty
/// and law they name ("the Convention on the Rights of the Child", "the Convention against
/// Torture", "the UN Convention on the Law of the Sea", "the Treaty on the Non-Proliferation of
/// Nuclear Weapons"): the model read the head as an organisation and the end as another name.
/// The law takes a name of an organisation or other the model ends right before the head ("UN")
/// and runs over lowercase "of", "the", "and", "in", "to" to its last capitalized word, at most
/// ten words on; not past a weekday or a month ("the Convention on Tuesday"), nor over a person's
/// name of two words or more ("a Declaration for Ruth Varga"), nor for a lowercase head ("the
/// treaty on Europe").
fn instruments(toks: &[&str], labels: &mut [u8], cache: &mut SpanCache) {
    const HEADS: &[&str] = &["Convention", "Covenant", "Treaty", "Charter", "Protocol", "Declaration"];
    const INNER: &[&str] = &["of", "the", "and", "in", "to", "for", "on"];
    let capitalized = |t: &str| t.starts_with(char::is_uppercase) && !is_calendar_word(t);
    for i in 0..toks.len().saturating_sub(2) {
        if !HEADS.contains(&toks[i]) || !matches!(toks[i + 1], "on" | "against" | "for") {
            continue;
        }
        let first = i + 2;
        let mut end = first;
        let mut k = first;
        while k < toks.len() && k < i + 12 && (capitalized(toks[k]) || INNER.contains(&toks[k])) {
            if capitalized(toks[k]) {
                end = k + 1;
            }
            k += 1;
        }
        if end == first {
            continue;
        }
        let spans = cache.spans(labels);
        let mut start = i;
        if let Some(&(s, _, _)) = spans.iter().find(|&&(s, e, t)| s <= i && i < e || e == i && t != PER && t != LOC) {
            start = s;
        }
        if let Some(&(_, e, _)) = spans.iter().find(|&&(s, e, _)| s < end && end < e) {
            end = e;
        }
        // (a word alone the model read as a person is a word of the title: "the Law of the Sea")
        if spans.iter().any(|&(s, e, t)| t == PER && e - s >= 2 && s < end && start < e) {
            continue;
        }
        set_name(labels, start, end, MISC);
    }
}

/// A place whose name holds a lowercase connector ("Bosnia and Herzegovina", "Trinidad and
/// Tobago", "Newcastle upon Tyne", "Frankfurt am Main") is one place where the lexicon knows it
/// whole and the model read its first word as a place: the model, which has seen "and" between
/// two places far more often, split it or left its end out. CoNLL-2003 and WikiGold write 6 of
/// the 7 such names of the lexicon that they hold whole (the other is "Serbia and Montenegro"
/// in 1996, two republics, a country only from 2003). Not when the name the model read goes on
/// past it ("Bosnia and Herzegovina Football Federation"), nor after "between", nor for two
/// countries of their own ("Serbia and Montenegro").
fn places_with_connectors(toks: &[&str], labels: &mut [u8]) {
    const CONNECTORS: &[&str] = &["and", "upon", "am", "on"];
    let mut i = 0;
    while i < toks.len() {
        // ("trade between Serbia and Montenegro", "ferries between Antigua and Barbuda": two)
        if !is_begin(labels[i]) || label_type(labels[i]) != Some(LOC) || i > 0 && toks[i - 1] == "between" {
            i += 1;
            continue;
        }
        let whole = (3..=6).rev().map(|n| i + n).filter(|&e| e <= toks.len()).find(|&e| {
            let Some(c) = (i + 1..e - 1).find(|&c| CONNECTORS.contains(&toks[c])) else { return false };
            toks[e - 1].starts_with(char::is_uppercase)
                && labels.get(e).is_none_or(|&l| l == 0 || is_begin(l))
                && known_place(&toks[i..e])
                // (two countries of their own are named as often as their former union: "Serbia
                // and Montenegro have since disputed the border")
                && !(known_country(&toks[i..c]) && known_country(&toks[c + 1..e]))
        });
        match whole {
            Some(e) => {
                set_name(labels, i, e, LOC);
                i = e;
            }
            None => i += 1,
        }
    }
}

/// A state named as a republic, a kingdom or a duchy "of" a place is one place with the words
/// of its style ("the Democratic People's Republic of Korea", "the Grand Duchy of Poznań", "the
/// Republic of Ireland"), as CoNLL-2003 and WikiGold write all 7 such names, and so is
/// "Washington, D.C." (all 3): the model split off the style or the place. Not a state in an
/// office's title ("the Chancellor of the Duchy of Lancaster").
fn states_of_places(toks: &[&str], labels: &mut [u8], cache: &mut SpanCache) {
    const STATES: &[&str] = &["Republic", "Kingdom", "Duchy", "Principality", "Emirate", "Sultanate"];
    const STYLES: &[&str] =
        &["Democratic", "Islamic", "Federal", "Socialist", "People's", "People\u{2019}s", "Grand", "Arab"];
    let spans = cache.spans(labels);
    let name_at = |k: usize| spans.iter().find(|&&(s, e, _)| s <= k && k < e).copied();
    for k in 0..toks.len().saturating_sub(2) {
        if toks[k] == "Washington"
            && toks[k + 1] == ","
            && matches!(toks[k + 2], "D.C." | "DC")
            && name_at(k).is_some_and(|(s, e, t)| s == k && e == k + 1 && t == LOC)
        {
            set_name(labels, k, k + 3, LOC);
            continue;
        }
        if !STATES.contains(&toks[k]) || toks[k + 1] != "of" {
            continue;
        }
        let p = if toks[k + 2] == "the" { k + 3 } else { k + 2 };
        let (mut start, end) = match (name_at(k), name_at(p)) {
            // read whole already: only the style before it may be missing
            (Some((s, e, LOC)), _) if e > p => (s, e),
            (left, Some((ps, pe, LOC))) if ps == p => match left {
                Some((s, e, t)) if t != PER && e == k + 1 => (s, pe),
                None => (k, pe),
                _ => continue,
            },
            _ => continue,
        };
        while start > 0
            && STYLES.contains(&toks[start - 1])
            && (labels[start - 1] == 0 || name_at(start - 1).is_some_and(|(s, e, t)| e - s == 1 && t == MISC))
        {
            start -= 1;
        }
        // an office's state is no place said to act ("the Chancellor of the Duchy of Lancaster
        // said", where the place would take the quotation)
        if start >= 3
            && toks[start - 1] == "the"
            && toks[start - 2] == "of"
            && toks[start - 3].starts_with(char::is_uppercase)
        {
            continue;
        }
        set_name(labels, start, end, LOC);
    }
}

/// A name of one or two words after a preposition of place and before a comma and a country, a
/// US state, a continent or a nation of the United Kingdom that ends its stretch of the
/// sentence ("in Bowling Green, Ohio.", "a suburb of Blackburn, Lancashire, England.") is a
/// place, and so are the names of one or two words between it and the region: CoNLL-2003 and
/// WikiGold write 255 of the 267 names before a comma and a country, a US state or a continent
/// as places (the others: a possessive after the country, "Gazprom, Russia's", and WikiGold's
/// air bases, organisations there). The model read unknown towns as persons and towns with a
/// club's name as organisations. Only after a preposition of place: a name and a region alone
/// are as often a person and their home ("Jane Doe, Texas, said", "Winner: Usain Bolt,
/// Jamaica."), a company or a club and its seat ("Acme, Delaware, filed", "Arsenal, England,
/// drew"), which a helper's review found the rule turning into places 124 times. Not a name
/// with an organisation's word ("in Stanford University, California"), nor before a region
/// that goes on ("in Ted Cruz, Texas senator") or a list that does.
fn places_before_regions(toks: &[&str], labels: &mut [u8], cache: &mut SpanCache) {
    const ENDS: &[&str] = &[",", ".", ";", ":", ")", "(", "--", "-", "\u{2014}", "\u{2013}"];
    const PREPOSITIONS: &[&str] = &["in", "near", "outside", "into", "around", "across", "throughout"];
    /// Nouns of a place before "of" ("a suburb of Blackburn", "the outskirts of Leeds").
    #[rustfmt::skip]
    const PLACE_NOUNS: &[&str] = &[
        "suburb", "suburbs", "city", "town", "village", "hamlet", "outskirts", "county", "borough", "district",
        "region", "area", "parish", "municipality", "capital", "centre", "center", "heart", "residents",
    ];
    let spans = cache.spans(labels);
    let placed = |s: usize| {
        s > 0
            && (PREPOSITIONS.contains(&toks[s - 1])
                || toks[s - 1] == "of" && s > 1 && lower_in(PLACE_NOUNS, toks[s - 2]))
    };
    // (the lexicon's countries are sovereign states: the nations of the United Kingdom are named)
    let region = |(s, e, t): (usize, usize, u8)| {
        let nation = matches!(&toks[s..e], ["England" | "Scotland" | "Wales"] | ["Northern", "Ireland"]);
        // (a list goes on after it: "Chick Corea, Yes, Gentle Giant, Kansas, Tangerine Dream")
        let list = toks.get(e) == Some(&",") && labels.get(e + 1).is_some_and(|&l| is_begin(l));
        t == LOC
            && !list
            && toks.get(e).is_none_or(|w| ENDS.contains(w))
            && (nation
                || place_categories(&toks[s..e])
                    & (lexicon::ext::COUNTRY | lexicon::ext::STATE | lexicon::ext::CONTINENT)
                    != 0)
    };
    let town = |(s, e, t): (usize, usize, u8)| {
        e - s <= 2
            && (t == LOC || (t == PER || t == ORG) && !toks[s..e].iter().any(|w| lower_in(lexicon::ORG_WORDS, w)))
    };
    let mut towns = Vec::new();
    for n in 0..spans.len() {
        if !placed(spans[n].0) {
            continue;
        }
        // the names joined by commas from this one to the first region
        let mut k = n;
        while k + 1 < spans.len() && toks[spans[k].1] == "," && spans[k + 1].0 == spans[k].1 + 1 && town(spans[k]) {
            k += 1;
            if region(spans[k]) {
                towns.extend_from_slice(&spans[n..k]);
                break;
            }
        }
    }
    for (s, e, _) in towns {
        set_name(labels, s, e, LOC);
    }
}

/// A weekday's or a month's name, which ends a run of capitalized words that is a name.
pub(crate) fn is_calendar_word(t: &str) -> bool {
    #[rustfmt::skip]
    const CALENDAR: &[&str] = &[
        "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January", "February",
        "March", "April", "May", "June", "July", "August", "September", "October", "November", "December",
    ];
    CALENDAR.contains(&t)
}

/// A capitalized "The" inside a sentence, right before a name, is part of it ("the band The
/// Triffids", "at The Oval", "prices at The Sun and The Times", "the film The Last Emperor"):
/// CoNLL-2003's training part writes 24 of its 27 such names with "The", the other three after
/// a list's asterisks, and WikiGold all 44 (the model leaves it out of most). Not at a
/// sentence's start or after an opening mark (NYT texts open with ''), a bracket, a dash, a
/// colon, an asterisk or a full stop, where any word is capitalized; nor after a capitalized
/// word or a number ("Dwayne The Rock Johnson"; headings run into their sentence: "Next
/// Isolation Phase The SDF", "Oct. 31, 2012 The Obama hug") or a list's bullet; and only where
/// a mark, a function word, a pronoun or a verb follows the name: not a capitalized word, where
/// the model read a longer name in part ("The Des Moines Register", "The Trump Show"), nor a
/// noun, where the name is a word of a phrase ("The Kessarine foreign ministry").
fn the_in_names(toks: &[&str], labels: &mut [u8], cache: &mut SpanCache) {
    #[rustfmt::skip]
    const OPENERS: &[&str] = &[
        "\"", "``", "''", "'", "\u{201c}", "\u{2018}", "(", "[", "-", "--", "\u{2013}", "\u{2014}", "\u{2015}", ":",
    ];
    for &(s, e, t) in cache.spans(labels) {
        if s < 2 || toks[s - 1] != "The" || labels[s - 1] != 0 {
            continue;
        }
        let before = toks[s - 2];
        // a list's item: "• The Orchard Trust", "1) The Kestrels" (not "(1946) The International Jew")
        let item =
            before == ")" && s >= 3 && toks[s - 3].bytes().all(|b| b.is_ascii_digit()) && (s < 4 || toks[s - 4] != "(");
        let opens = OPENERS.contains(&before) || before.starts_with(['*', '\u{2022}']) || before.ends_with('.') || item;
        let capitalized_or_number = before.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit());
        if !opens && !capitalized_or_number && toks.get(e).is_none_or(|w| follows_a_name(w)) {
            set_name(labels, s - 1, e, t);
        }
    }
}

/// Whether `w` may follow a whole name, not a word of a longer phrase: a mark, a function word
/// or a verb ("The Oval on", "The Portsmouth Society has", "The Shining."; not "The Kessarine
/// foreign ministry", "The American people", "5 Fighter Squadron pilots").
fn follows_a_name(w: &str) -> bool {
    use crate::entities::words::{f, words};
    !w.starts_with(char::is_alphanumeric)
        || w.starts_with(char::is_lowercase)
            && (w.ends_with("ed")
                || words().get(w).has(f::AUX | f::BE | f::ADV | f::PREP | f::CONJ | f::WH | f::COMP | f::CUE | f::PRON))
}

/// A name the model read as a person before "national" and a team ("the Vellmark national
/// team", "the Kessarine national football side") is a country, a place.
fn national_sides(toks: &[&str], labels: &mut [u8], cache: &mut SpanCache) {
    for &(s, e, t) in cache.spans(labels) {
        // (one word after an article: not "The Colin Kaepernick national anthem protests", nor a
        // headline's "Bale national team future in doubt")
        let article = s > 0 && ["the", "a", "The", "A"].contains(&toks[s - 1]);
        if t == PER && e == s + 1 && article && national_side_after(&toks[e..]) {
            set_name(labels, s, e, LOC);
        }
    }
}

/// True when the words right after a name (`after`) make it a place: "national" and a team
/// (see [`national_sides`]), or "is a town in" and the like (see [`described_places`]). The
/// entity linker asks it too, so that the place's other mentions, which the model may read as
/// persons ("debut for Vellmark"), follow it.
pub(crate) fn place_said_after(after: &[&str]) -> bool {
    national_side_after(after) || described_place_after(after)
}

fn national_side_after(after: &[&str]) -> bool {
    const SIDES: &[&str] = &["team", "side", "squad", "anthem", "football", "cricket", "rugby", "hockey", "basketball"];
    after.first() == Some(&"national") && after.get(1).is_some_and(|w| SIDES.contains(w))
}

/// A name the text calls a town, a village or the like is a place ("Tresk is a town and civil
/// parish in ...", "Brensbach is a municipality in ...": the model read the unknown town as a
/// person), as CoNLL-2003 and WikiGold write every such name (7 of 7: "Longyear is a town in").
/// The place's word ends its phrase ("in", a comma and another place's word after it): "Ann Lee
/// is a town councillor" and "the Kell District is the school district" say nothing of the kind.
fn described_places(toks: &[&str], labels: &mut [u8], cache: &mut SpanCache) {
    // (not a person's full name: "Jane Marsh is a City of London councillor")
    for &(s, e, t) in cache.spans(labels) {
        if t != LOC && (e == s + 1 || t != PER) && e - s <= 3 && described_place_after(&toks[e..]) {
            set_name(labels, s, e, LOC);
        }
    }
}

fn described_place_after(after: &[&str]) -> bool {
    #[rustfmt::skip]
    const PLACES: &[&str] = &[
        "town", "city", "village", "hamlet", "suburb", "parish", "commune", "municipality", "borough", "river",
        "lake", "island", "mountain", "county", "province", "country", "settlement", "port", "seaport",
    ];
    #[rustfmt::skip]
    const AFTER: &[&str] = &[
        "in", "and", "on", "of", ",", ".", ";", "near", "located", "situated", "with", "that", "which", "where",
        "north", "south", "east", "west", "lying", "close", "about", "some", "(",
    ];
    // up to three words that describe it ("small", "former fishing", "market"), not a phrase
    // of its own ("a man from the village")
    #[rustfmt::skip]
    const FUNCTION: &[&str] = &[
        "the", "a", "an", "of", "from", "in", "to", "for", "with", "and", "or", "at", "by", "on", "who", "that",
        "his", "her", "their", "its", "our", "my", "your",
    ];
    if !matches!(after.first(), Some(&("is" | "was"))) || !after.get(1).is_some_and(|w| ["a", "an", "the"].contains(w))
    {
        return false;
    }
    let describes = |w: &str| w.chars().all(|c| c.is_lowercase() || c == '-') && !FUNCTION.contains(&w);
    let mut k = 2;
    while k < after.len() && k < 5 && !PLACES.contains(&after[k]) && describes(after[k]) {
        k += 1;
    }
    if k >= after.len() || !PLACES.contains(&after[k]) {
        return false;
    }
    // a place's word that goes on with "and" or a comma names another place next ("a town and
    // civil parish"), not what it modifies ("a country and western singer", "a town and parish
    // councillor", "an island of calm")
    match after.get(k + 1).copied() {
        Some("and" | ",") => (k + 2..after.len().min(k + 5))
            .any(|j| PLACES.contains(&after[j]) && after.get(j + 1).is_none_or(|w| AFTER.contains(w) && *w != "and")),
        Some("of") => after.get(k + 2).is_some_and(|w| w.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())),
        Some(w) => AFTER.contains(&w),
        None => false,
    }
}

/// An address's town after its street and a comma is a place ("the former Brekke Mill, Quay
/// Street, Tresk, and", "Market Place, Ardenport AD1 4RT": the model read the unknown towns as
/// persons and organisations), as both such towns in CoNLL-2003 and WikiGold are ("Barrack
/// Street, Perth"); the town is one or two words and ends its stretch of the address, and a
/// postcode after it is no part of its name.
fn towns_after_streets(toks: &[&str], labels: &mut [u8], cache: &mut SpanCache) {
    #[rustfmt::skip]
    const STREETS: &[&str] = &[
        "Street", "Road", "Lane", "Avenue", "Place", "Square", "Drive", "Close", "Crescent", "Terrace", "Way", "Quay",
        "Row", "Parade", "Gardens", "Hill", "Walk",
    ];
    // a British postcode's halves: "AD1", "SW1A", "EC2V"; "4RT"
    let outward = |w: &str| {
        let b = w.as_bytes();
        (2..=4).contains(&b.len())
            && b[0].is_ascii_uppercase()
            && b.iter().any(u8::is_ascii_digit)
            && b.iter().all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
    };
    let inward = |w: &str| {
        let b = w.as_bytes();
        b.len() == 3 && b[0].is_ascii_digit() && b[1].is_ascii_uppercase() && b[2].is_ascii_uppercase()
    };
    let postcode = |k: usize| k + 1 < toks.len() && outward(toks[k]) && inward(toks[k + 1]);
    // what describes someone or something after a comma (see `ends` below)
    const DESCRIBED: &[&str] = &["the", "a", "an", "who", "which", "that", "whose", "where", "whom"];
    let goes_on = |k: usize| toks.get(k).is_some_and(|w| w.starts_with(char::is_lowercase) && !DESCRIBED.contains(w));
    let spans = cache.spans(labels);
    for w in spans.windows(2) {
        let ((s, e, t), (s2, e2, t2)) = (w[0], w[1]);
        if t != LOC || !STREETS.contains(&toks[e - 1]) || toks.get(e) != Some(&",") || s2 != e + 1 || s == e {
            continue;
        }
        // the town's own words, before a postcode the model took into it
        let town_end = (s2 + 1..=e2).find(|&k| postcode(k)).unwrap_or(e2);
        // the address ends: a full stop, or a comma and the sentence going on ("Tresk, and
        // erect"); not a comma and what describes someone or something there ("Church Road,
        // Patel, 54, said", "Capitol Hill, Pelosi, the Speaker", "Norwich City, who"), nor a
        // list ("Wall Street, Goldman Sachs, JPMorgan and Citigroup")
        let ends = town_end < e2
            || postcode(e2)
            || toks.get(e2).is_none_or(|w| [".", ";"].contains(w))
            || toks.get(e2) == Some(&",") && goes_on(e2 + 1);
        // (a person's full name is someone there: "on Harbour Road, Ann Lee, a nurse, said"; a
        // group or an acronym is no town: "On Capitol Hill, Republicans", "Threadneedle Street, HSBC")
        let person = t2 == PER && town_end - s2 == 2;
        let acronym = toks[s2..town_end].iter().any(|w| w.len() > 1 && w.chars().all(|c| c.is_ascii_uppercase()));
        if town_end - s2 <= 2 && ends && !person && t2 != MISC && !acronym {
            labels[s2..e2].fill(0);
            set_name(labels, s2, town_end, LOC);
        }
    }
}

/// A signature's town: a one-word name that is the last line of a block, under a line that is a
/// person's full name ("Margaret Ellison\nTresk\n\n", a letter to the editor; the model read
/// the unknown town as a person), is a place. Not a name the lexicons know (`known`), which is
/// more often where the signatory works ("John Smith\nMicrosoft", "Ann Lee\nReuters") or
/// another person ("Madonna"), nor a word of the name above ("John Smith\nSmith"). `names` are
/// the document's, in text order.
fn signature_towns(text: &str, names: &mut [(Span, EntityType)], known: impl Fn(&str) -> bool) {
    // the name is its line's only text
    let own_line = |sp: Span| {
        let before = text[..sp.start].rsplit('\n').next().unwrap_or("");
        let after = text[sp.end..].split('\n').next().unwrap_or("");
        before.trim().is_empty() && after.trim().is_empty()
    };
    for k in 1..names.len() {
        let ((a, ta), (b, tb)) = (names[k - 1], names[k]);
        // (the cheap tests first: this runs on every pair of names in a document)
        if ta != EntityType::Person || !matches!(tb, EntityType::Person | EntityType::Org) {
            continue;
        }
        // (and the tests that read the text around the pair after those that read only the
        // pair: on a text with no line breaks each would read to its end, for every pair)
        let between = &text[a.end..b.start];
        if !(between.matches('\n').count() == 1 && between.trim().is_empty()) {
            continue;
        }
        // (one word, no acronym: "Ann Lee\nBBC" is where she works)
        let word = b.of(text);
        let one_word = !word.contains(char::is_whitespace) && word.chars().any(char::is_lowercase);
        let new_word = one_word && !known(word) && !a.of(text).split_whitespace().any(|w| w == word);
        if !(a.of(text).contains(' ') && new_word) {
            continue;
        }
        let rest = text[b.end..].split_once('\n').map_or("", |(_, r)| r);
        let block_ends = rest.split('\n').next().is_none_or(|l| l.trim().is_empty());
        if block_ends && own_line(a) && own_line(b) {
            names[k].1 = EntityType::Loc;
        }
    }
}

/// The words before a storm's name ("Storm Isolde", "Hurricane Rita").
pub(crate) const STORM_WORDS: &[&str] = &["Storm", "Hurricane", "Typhoon", "Cyclone"];

/// A storm's name after "Storm", "Hurricane", "Typhoon" or "Cyclone" is a name of its own, MISC,
/// as CoNLL-2003 writes all three it holds ("Hurricane Edouard": "Edouard"); the model read
/// "Storm Isolde" and "Typhoon Haiyan" as persons, or the name alone as a person or a place.
/// The storm's name is one word ("Storm Prediction Center" and "Hurricane Center" are offices),
/// and the sentence speaks of weather or its harm: "Storm" is a given name too ("Actress Storm
/// Reid"), and all four name products and firms ("Storm Shadow missiles", "Typhoon Squadron").
fn storm_names(toks: &[&str], labels: &mut [u8], cache: &mut SpanCache) {
    #[rustfmt::skip]
    const NOT_NAMES: &[&str] = &[
        "Center", "Centre", "Season", "Warning", "Watch", "Force", "Squadron", "Lagoon", "Shadow", "Records", "Gaming",
        "Wholesale", "Technologies", "Electric",
    ];
    #[rustfmt::skip]
    const WEATHER: &[&str] = &[
        "storm", "storms", "hurricane", "typhoon", "cyclone", "tropical", "wind", "winds", "gust", "gusts", "rain",
        "rainfall", "flood", "floods", "flooding", "landfall", "mph", "km/h", "kph", "forecast", "forecasters",
        "forecaster", "category", "evacuation", "evacuated", "aftermath", "wake", "damage", "devastated",
        "devastation", "battered", "lashed", "struck", "weakened", "strengthened", "strengthening", "downgraded",
        "upgraded", "warnings", "warning", "coast", "coastline", "victims", "survivors", "relief", "weather", "snow",
        "killed", "destroyed", "homeless", "disruption", "cancelled", "canceled", "deaths", "trees", "surge", "waves",
        "closed", "met", "outages",
    ];
    // (this runs on every sentence: most have no storm's word)
    if !toks.iter().any(|w| STORM_WORDS.contains(w)) {
        return;
    }
    // (not the storm's own word: "Storm Reid")
    let weather = toks.iter().any(|w| !STORM_WORDS.contains(w) && WEATHER.iter().any(|x| w.eq_ignore_ascii_case(x)));
    let storm_name = |k: usize| {
        toks.get(k).is_some_and(|w| {
            let mut c = w.chars();
            c.next().is_some_and(char::is_uppercase) && c.all(char::is_lowercase) && !NOT_NAMES.contains(w)
        })
    };
    // (only "Storm" is a given name: "Actress Storm Reid")
    let storm = |k: usize| STORM_WORDS.contains(&toks[k]) && (weather || toks[k] != "Storm");
    for &(s, e, t) in cache.spans(labels) {
        // (without weather, a name the model read as a firm stays one: "Hurricane Electric")
        if e == s + 2 && storm(s) && storm_name(s + 1) && (weather || t != ORG) {
            labels[s] = 0;
            set_name(labels, s + 1, e, MISC);
        } else if e == s + 1 && s > 0 && storm(s - 1) && labels[s - 1] == 0 && storm_name(s) {
            set_name(labels, s, e, MISC);
        }
    }
}

/// The Crown's "R" of an English case's name is no name ("R v Daniel Okoro": the model read the
/// letter as an organisation); the corpora hold no such case.
fn crown_in_case_names(toks: &[&str], labels: &mut [u8], cache: &mut SpanCache) {
    for &(s, e, _) in cache.spans(labels) {
        if e == s + 1 && toks[s] == "R" && toks.get(e).is_some_and(|w| *w == "v" || *w == "v.") {
            labels[s] = 0;
        }
    }
}

/// A time zone's name of words after a clock time is no name ("8:30 a.m. Eastern Time", "18:30
/// British Summer Time": the model read them as organisations); the corpora hold none such.
fn time_zones(toks: &[&str], labels: &mut [u8], cache: &mut SpanCache) {
    const AREAS: &[&str] =
        &["Eastern", "Central", "Pacific", "Mountain", "Atlantic", "Alaska", "Hawaii", "Greenwich", "British"];
    let clock = |w: &str| {
        let w = w.trim_end_matches('.').to_ascii_lowercase();
        ["a.m", "p.m", "am", "pm", "noon", "midnight"].contains(&w.as_str())
            || w.contains(':') && w.bytes().next().is_some_and(|b| b.is_ascii_digit())
    };
    for &(s, e, _) in cache.spans(labels) {
        let words = &toks[s..e];
        let mut k = 1;
        if words.get(k) == Some(&"European") {
            k += 1;
        }
        if words.get(k).is_some_and(|w| ["Standard", "Daylight", "Summer", "Mean"].contains(w)) {
            k += 1;
        }
        if AREAS.contains(&words[0]) && k + 1 == words.len() && words[k] == "Time" && s > 0 && clock(toks[s - 1]) {
            labels[s..e].fill(0);
        }
    }
}

/// A nickname in quotation marks between a person's given name and surname is part of the
/// person's name ("Roberto "Hands of Stone" Duran", "William Herbert "Buckshot" May", "James
/// 'Jimmy' Cole"), as all such names in CoNLL-2003 and WikiGold are written (the model read the
/// nickname as other, MISC, and the surname alone, or not at all). The name before the marks is
/// the model's person or a given name the lexicon knows; the nickname is up to four words,
/// capitalized but for small words ("of"); a capitalized word follows the closing mark, with the
/// rest of the model's name that begins there, or the end of a person's name the model began
/// inside the marks (`Gordon "Buck" Hallister` was "Gordon" and `Buck" Hallister`).
fn nicknames(toks: &[&str], labels: &mut [u8]) {
    let opening = |w: &str| matches!(w, "\"" | "``" | "\u{201c}" | "'" | "\u{2018}");
    let closing = |w: &str| matches!(w, "\"" | "''" | "\u{201d}" | "'" | "\u{2019}");
    let capitalized = |w: &str| w.starts_with(char::is_uppercase);
    let mut title = None;
    let mut headline = || *title.get_or_insert_with(|| title_case(toks));
    let mut i = 1;
    while i + 3 < toks.len() {
        let opens = opening(toks[i]) && capitalized(toks[i + 1]);
        let close = if opens { (i + 2..toks.len().min(i + 6)).find(|&k| closing(toks[k])) } else { None };
        let Some(close) = close else {
            i += 1;
            continue;
        };
        let nickname = toks[i + 1..close].iter().all(|w| capitalized(w) || matches!(*w, "of" | "the" | "and"));
        let before = match label_type(labels[i - 1]) {
            Some(PER) => matches!(label_part(labels[i - 1]), Some(LAST | UNIT)),
            None => capitalized(toks[i - 1]) && known_given_name(toks[i - 1]),
            _ => false,
        };
        // the surname after the marks stands alone, or ends a person's name the model began
        // inside them ("Buck" Hallister)
        let began_inside = || {
            let mut k = close + 1;
            while k > i && matches!(label_part(labels[k]), Some(INSIDE | LAST)) {
                k -= 1;
            }
            k > i && is_begin(labels[k])
        };
        // in single marks, or in a headline in title case, only before a person the model read
        // ("Trump 'The Dealmaker' Could Address Clean Energy")
        let single = matches!(toks[i], "'" | "\u{2018}");
        let person_after = labels.get(close + 1).and_then(|&l| label_type(l)) == Some(PER);
        let after = toks.get(close + 1).is_some_and(|w| capitalized(w) && w.chars().all(char::is_alphabetic))
            && matches!(label_type(labels[close + 1]), None | Some(PER))
            && (!matches!(label_part(labels[close + 1]), Some(INSIDE | LAST)) || began_inside())
            && (person_after || !single && !headline());
        if !(nickname && before && after) {
            i += 1;
            continue;
        }
        let (s, e) = widened(labels, i - 1, close + 2);
        set_name(labels, s, e, PER);
        i = e;
    }
}

/// A name written "Surname, Given" alone in quotation marks is one person's, as an e-mail's
/// header shows it (`"Townsend, George" <gtownsend@...>`, which UNER tags whole): the model read
/// two persons, or an organisation. Where a "<" follows (an address) any two capitalized words;
/// otherwise only where the second is a given name the lexicon knows, or the model read a person
/// in the marks, and neither is a place ("Paris, France"). The same holds without the marks for
/// a header's whole field or one of its recipients ("To: Hughes, Nathan; Ortega, Lucia").
fn display_names(toks: &[&str], labels: &mut [u8]) {
    let mark = |w: &str| matches!(w, "\"" | "``" | "''" | "\u{201c}" | "\u{201d}");
    let word = |w: &str| w.starts_with(char::is_uppercase) && w.chars().all(|c| c.is_alphabetic() || c == '-');
    // a header's field opens before token `k` ("To:"), or another recipient (after ";")
    let header = |k: usize| {
        let field = |w: &str| ["From", "To", "Cc", "CC", "Bcc", "BCC"].contains(&w);
        k >= 2 && toks[k - 1] == ":" && field(toks[k - 2]) && (k == 2 || !word(toks[k - 3]))
            || k >= 1 && toks[k - 1] == ";"
    };
    for i in 0..toks.len() {
        let marked = mark(toks[i]);
        let s = i + usize::from(marked);
        let e = s + 3;
        if e > toks.len() || toks[s + 1] != "," || !(word(toks[s]) && word(toks[s + 2])) {
            continue;
        }
        // the token after the name: past its closing mark, or where the recipient ends (the
        // field's end, ";", an address, or the next field: "To: Hughes, Nathan Cc: ...")
        let next = if marked {
            if !toks.get(e).is_some_and(|w| mark(w)) {
                continue;
            }
            e + 1
        } else {
            let ends = toks.get(e).is_none_or(|w| matches!(*w, ";" | "<")) || toks.get(e + 1) == Some(&":");
            if !(header(s) && ends) {
                continue;
            }
            e
        };
        let address = toks.get(next) == Some(&"<");
        let person = labels[s..e].iter().any(|&l| label_type(l) == Some(PER));
        // ("Paris, France": a place and its country)
        let place = [s, s + 2].iter().any(|&k| label_type(labels[k]) == Some(LOC) || known_place(&toks[k..=k]));
        if address || !place && (person || known_given_name(toks[s + 2])) {
            set_name(labels, s, e, PER);
        }
    }
}

/// A greeting is no part of the name it greets ("Hi Ollie", "Hello Sam").
fn greetings(toks: &[&str], labels: &mut [u8], cache: &mut SpanCache) {
    for &(s, e, t) in cache.spans(labels) {
        if t == PER && e - s >= 2 && crate::segment::is_greeting(toks[s]) {
            labels[s] = 0;
            set_name(labels, s + 1, e, PER);
        }
    }
}

/// "Eve" after a feast's name is its eve, no person ("New Year's Eve", "Christmas Eve"), and
/// such an eve is no name at all, as CoNLL-2003 writes "New Year's Eve".
fn eves(toks: &[&str], labels: &mut [u8]) {
    for i in 1..toks.len() {
        if !matches!(toks[i], "Eve" | "EVE") {
            continue;
        }
        let is = |k: usize, w: &str| toks[k].eq_ignore_ascii_case(w);
        // "New Year's Eve", "New Years Eve", "Christmas Eve"
        let s = if i >= 3 && possessive(toks[i - 1]) && is(i - 2, "year") && is(i - 3, "new") {
            i - 3
        } else if i >= 2 && is(i - 1, "years") && is(i - 2, "new") {
            i - 2
        } else if is(i - 1, "christmas") {
            i
        } else {
            continue;
        };
        // (the whole name the eve ends or the model's names inside it)
        let (a, e) = widened(labels, s, i + 1);
        labels[a..e].fill(0);
    }
}

/// A name after "née" is a person's maiden name ("his wife, Ingrid (née Brekke)": the model read
/// the unknown surname as a place), as both such names in CoNLL-2003 and WikiGold are.
fn maiden_names(toks: &[&str], labels: &mut [u8], cache: &mut SpanCache) {
    for &(s, e, t) in cache.spans(labels) {
        if t != PER && s > 0 && ["née", "nee", "Née", "Nee"].contains(&toks[s - 1]) {
            set_name(labels, s, e, PER);
        }
    }
}

/// A name that owns provinces, a border, a coast or a harbour is a place ("in 19 districts of
/// Kessarine's northern provinces": the model read the unknown country as an organisation), as
/// all 7 such names in CoNLL-2003 train and testa and WikiGold are. The region word must end its phrase
/// ("Trump's border wall" is no region), the name is one word (not "Norvik Steel's northern
/// region"), and a person keeps a region, a district or a coast ("Pelosi's district").
fn owners_of_regions(toks: &[&str], labels: &mut [u8], cache: &mut SpanCache) {
    #[rustfmt::skip]
    const REGIONS: &[&str] = &[
        "province", "provinces", "region", "regions", "district", "districts", "border", "borders", "coast",
        "coastline", "north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest",
        "harbour", "harbor", "waterfront", "outskirts", "suburbs", "hinterland", "countryside",
    ];
    // (words a person or a firm has too: "Tom Lund's region", "Norvik Steel's northern region")
    const SHARED: &[&str] = &["region", "regions", "district", "districts", "coast", "north", "south", "east", "west"];
    #[rustfmt::skip]
    const ENDS: &[&str] = &[
        "of", "in", "to", "near", "with", "from", "for", "on", "at", "where", "that", "last", "this", "next", "since",
        "during", "after", "before", "when", "while", "is", "are", "was", "were", "has", "have", "had", "will", "would",
    ];
    for &(s, e, t) in cache.spans(labels) {
        // (one word: an unknown country or town, not "Tom Lund" or "Methodist Church")
        if t == LOC || t == MISC || e - s > 1 || !toks.get(e).is_some_and(|w| possessive(w)) {
            continue;
        }
        // (past one adjective: "northern provinces")
        let mut k = e + 1;
        if toks.get(k).is_some_and(|w| w.chars().all(|c| c.is_ascii_lowercase()) && !REGIONS.contains(w)) {
            k += 1;
        }
        let Some(&region) = toks.get(k) else { continue };
        let ends = toks.get(k + 1).is_none_or(|w| !w.starts_with(char::is_alphanumeric) || ENDS.contains(w));
        if REGIONS.contains(&region) && ends && !(t == PER && SHARED.contains(&region)) {
            set_name(labels, s, e, LOC);
        }
    }
}

/// An office written in capitals is no name ("Tomasz Wielgosz, currently Chief Financial
/// Officer": the model read the office as an organisation): a name of two to five words of
/// offices, the last its head ("Chief Executive", "Vice President", "Group Finance Director"),
/// as CoNLL-2003 and WikiGold leave all 15 such phrases they hold outside names.
fn offices(toks: &[&str], labels: &mut [u8], cache: &mut SpanCache) {
    #[rustfmt::skip]
    const HEADS: &[&str] = &[
        "Officer", "Executive", "Director", "Secretary", "Manager", "Counsel", "Chairman", "Chairwoman", "Chairperson",
        "Chair", "Treasurer", "President", "Controller", "Editor", "Adviser", "Advisor",
    ];
    #[rustfmt::skip]
    const PARTS: &[&str] = &[
        "Chief", "Financial", "Executive", "Operating", "Technology", "Technical", "Information", "Marketing",
        "Commercial", "Investment", "Legal", "People", "Deputy", "Vice", "Senior", "Acting", "Interim", "Assistant",
        "Associate", "Managing", "General", "Group", "Finance", "Non-Executive", "Non-executive", "Independent",
        "Joint", "Principal", "Press", "Communications", "Operations", "Medical", "Scientific", "Digital", "Risk",
        "Compliance", "Creative", "Programme", "Program", "Regional", "Sales", "Product", "Research", "Editorial",
    ];
    // the departments an office heads: "Head of Investor Relations", "Director of Communications"
    #[rustfmt::skip]
    const DEPARTMENTS: &[&str] = &[
        "Investor", "Relations", "Communications", "Marketing", "Sales", "Operations", "Strategy", "Legal", "Finance",
        "Research", "Policy", "Public", "Affairs", "Human", "Resources", "HR", "Corporate", "Development", "Product",
        "Engineering", "Technology", "Press", "Media", "Compliance", "Risk", "Security", "Digital", "Data",
        "Partnerships", "Procurement", "Investments", "Programmes", "Programs", "News", "Content", "Sustainability",
        "Prosecutions", "Health", "Education", "Planning", "Housing", "Transport", "Environment", "Safeguarding",
    ];
    for &(s, e, _) in cache.spans(labels) {
        let (words, head) = (&toks[s..e - 1], toks[e - 1]);
        if (2..=5).contains(&(e - s))
            && HEADS.contains(&head)
            && words.iter().all(|w| PARTS.contains(w) || HEADS.contains(w))
        {
            labels[s..e].fill(0);
        }
        // (the department alone after its office: "the Director of Public Prosecutions")
        let office = |k: usize| toks[k] == "Head" || HEADS.contains(&toks[k]);
        if s >= 2 && toks[s - 1] == "of" && office(s - 2) && toks[s..e].iter().all(|w| DEPARTMENTS.contains(w)) {
            labels[s..e].fill(0);
            continue;
        }
        let of = (s + 1..e).find(|&k| toks[k] == "of");
        if let Some(of) = of
            && (1..=4).contains(&(e - of - 1))
            && office(of - 1)
            && toks[s..of - 1].iter().all(|w| PARTS.contains(w) || HEADS.contains(w))
            && toks[of + 1..e].iter().all(|w| DEPARTMENTS.contains(w))
        {
            labels[s..e].fill(0);
        }
    }
}

/// A wire story's dateline names places: the city (in capitals) and the region or country
/// after it, before the agency in brackets ("PORT ELLIS, Marovia (Reuters) -", "KELDHAVEN
/// (AP) -", "VARENNE, Ostland, June 12 (AFP) -"), as CoNLL-2003 writes its datelines; the
/// model read an unknown country there as a person and a city in capitals as an organisation.
/// Without an agency, a dash after the places ends the dateline ("LOS ANGELES — Actress ...",
/// "FERGUSON, Mo. -- The") where the lexicon knows the city ("NATO - The alliance", "OBAMA — The
/// final years" are no datelines) and the model read no person there.
fn datelines(toks: &[&str], labels: &mut [u8]) {
    #[rustfmt::skip]
    const AGENCIES: &[&str] = &[
        "Reuters", "AP", "AFP", "UPI", "Xinhua", "dpa", "DPA", "Bloomberg", "CNN", "PTI", "IANS", "ANI", "ANSA",
        "EFE", "Kyodo", "Yonhap", "TASS", "Interfax", "AAP", "CP", "PA",
    ];
    let agency = |j: usize| {
        toks[j] == "(" && toks.get(j + 1).is_some_and(|a| AGENCIES.contains(a)) && toks.get(j + 2) == Some(&")")
    };
    // (the story's first word after the dash, or a quotation that opens it)
    let dash = |j: usize| {
        ["-", "--", "\u{2014}", "\u{2013}"].contains(&toks[j])
            && toks
                .get(j + 1)
                .is_some_and(|w| w.starts_with(char::is_uppercase) || ["\"", "''", "``", "\u{201c}", "'"].contains(w))
    };
    let (j, by_dash) = match (1..toks.len().min(14)).find(|&j| agency(j)) {
        Some(j) => (j, false),
        None => match (1..toks.len().min(9)).find(|&j| dash(j)) {
            Some(j) => (j, true),
            None => return,
        },
    };
    // the groups between commas: places of capitalized words, and a date ("June 12"), which
    // ends them
    let place = |w: &&str| {
        w.starts_with(char::is_uppercase)
            && w.chars().all(|c| c.is_alphabetic() || matches!(c, '.' | '-' | '\'' | '\u{2019}'))
    };
    let mut groups = Vec::new();
    let mut s = 0;
    for (k, w) in toks.iter().enumerate().take(j + 1) {
        if k == j || *w == "," {
            groups.push((s, k));
            s = k + 1;
        }
    }
    // (a state's short form may come as a word and its full stop: "Wisc", ".")
    let is_place = |&(s, e): &(usize, usize)| {
        e > s && e - s <= 4 && toks[s..e].iter().enumerate().all(|(k, w)| place(w) || k > 0 && *w == ".")
    };
    // (the city opens the line in capitals: "PORT ELLIS"; not a sentence's words before an
    // agency cited in brackets)
    if !groups
        .first()
        .is_some_and(|&(s, e)| is_place(&(s, e)) && toks[s..e].iter().all(|w| crate::entities::is_allcaps(w)))
    {
        return;
    }
    if by_dash {
        // (not a surname the model read as a person, with no state after it: an obituary's
        // "JACKSON — Mary Ann, 84," or a debate's speaker, "CLINTON — Well, I think"; nor a
        // team's line of a transactions list, "DENVER — Waived F Darrell Arthur.")
        #[rustfmt::skip]
        const TRANSACTIONS: &[&str] = &[
            "Signed", "Re-signed", "Placed", "Recalled", "Waived", "Activated", "Optioned", "Released", "Claimed",
            "Traded", "Acquired", "Assigned", "Reinstated", "Named", "Agreed", "Promoted", "Purchased", "Sent",
        ];
        let (s, e) = groups[0];
        let person = labels[s..e].iter().any(|&l| label_type(l) == Some(PER)) && groups.len() < 2;
        if !known_place(&toks[s..e]) || person || TRANSACTIONS.contains(&toks[j + 1]) {
            return;
        }
    }
    // (nothing else before the agency is a name: the date after the places)
    labels[..j].fill(0);
    for g in groups {
        if !is_place(&g) {
            break;
        }
        set_name(labels, g.0, g.1, LOC);
    }
}

/// A party to a case named by its part ("Claimant" on its line under the claimant's name in
/// a judgment's heading, "the Defendant admits") is no name of its own; the model read
/// "Claimant" as a person. The corpora here hold none as a name.
fn parties(toks: &[&str], labels: &mut [u8]) {
    // a part with its first letter in capitals ("Claimant", not "CLAIMANT"), and two plurals
    let part = |t: &str| {
        crate::entities::roles::CASE_PARTIES.iter().any(|p| {
            t.len() == p.len()
                && t.starts_with(|c: char| c.is_ascii_uppercase())
                && t[1..] == p[1..]
                && t[..1].eq_ignore_ascii_case(&p[..1])
        }) || ["Claimants", "Defendants"].contains(&t)
    };
    for i in 0..toks.len() {
        if label_part(labels[i]) == Some(UNIT) && part(toks[i]) {
            labels[i] = 0;
        }
    }
}

/// A parliament's forms of address are no names: "the hon. Lady", "my right hon. Friend", "the
/// hon. and learned Gentleman", "the noble Lady" (the model read "Lady" as a person). The
/// corpora here hold none.
fn forms_of_address(toks: &[&str], labels: &mut [u8]) {
    const FORMS: &[&str] = &["Lady", "Gentleman", "Gentlewoman", "Member", "Members", "Friend", "Friends"];
    const BEFORE: &[&str] = &["hon", "hon.", "Hon.", "honourable", "Honourable", "learned", "gallant", "noble"];
    for i in 1..toks.len() {
        if label_part(labels[i]) == Some(UNIT) && FORMS.contains(&toks[i]) && BEFORE.contains(&toks[i - 1]) {
            labels[i] = 0;
        }
    }
}

/// A one-word name in capitals right after a stock exchange and a colon is the company's
/// ticker, an organisation ("Harbridge Foods plc (LSE: HBF)", "(NYSE: KEL)"; the model read
/// "HBF" as a place). The corpora here hold no such ticker.
fn tickers(toks: &[&str], labels: &mut [u8]) {
    const EXCHANGES: &[&str] = &["NYSE", "Nasdaq", "NASDAQ", "LSE", "AIM", "TSX", "ASX", "AMEX", "HKEX", "JSE", "SGX"];
    for i in 2..toks.len() {
        let ticker = (1..=6).contains(&toks[i].len()) && toks[i].bytes().all(|b| b.is_ascii_uppercase() || b == b'.');
        if toks[i - 1] == ":" && EXCHANGES.contains(&toks[i - 2]) && ticker && label_part(labels[i]) == Some(UNIT) {
            labels[i] = label(ORG, UNIT);
        }
    }
}

/// A weekday's or a month's short form beside a day of the month ("Mon 3 Mar, 02:14", "Jan 5")
/// is part of a date, no name of its own: all 82 such tokens in CoNLL-2003 train and testa are
/// outside names (a short form elsewhere may be one: "Jan" the person, "Sun" the newspaper);
/// the model read a police log's "Mon" and "Fri" as organisations and its "Mar" as a place. So
/// is a month's full name beside a day ("On May 9, 1924, May came in": the first is no person,
/// though the second is; none of CoNLL-2003's or WikiGold's names is a month alone before a
/// day), a weekday in the plural after a word of time ("on Tuesdays and Fridays"; not "the
/// band Sundays", "TGI Fridays"), and a short weekday in a list or a range of them ("Fri, Sat,
/// or Sun", where "Sun" was a place).
fn calendar_short_forms(toks: &[&str], labels: &mut [u8]) {
    #[rustfmt::skip]
    const SHORT: &[&str] = &[
        "Mon", "Tue", "Tues", "Wed", "Thu", "Thur", "Thurs", "Fri", "Sat", "Sun", "Jan", "Feb", "Mar", "Apr", "Jun",
        "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
    ];
    // words before weekdays in the plural that recur ("on Tuesdays and Fridays", "from Mondays to
    // Thursdays")
    #[rustfmt::skip]
    const WEEKDAYS_AFTER: &[&str] = &[
        "on", "and", "or", ",", "every", "most", "some", "all", "through", "until", "till", "from", "to", "except",
    ];
    let day = |w: Option<&&str>| {
        w.is_some_and(|w| {
            let d = w.trim_end_matches(['s', 't', 'n', 'd', 'r', 'h']);
            (1..=2).contains(&d.len()) && d.bytes().all(|b| b.is_ascii_digit())
        })
    };
    // a short weekday beside another, in a list or a range ("Fri, Sat, or Sun", "Mon - Fri")
    let short_day = |t: &str| SHORT[..10].contains(&t.trim_end_matches('.'));
    let separator = |t: &str| matches!(t, "," | "or" | "and" | "-" | "\u{2013}" | "to" | "/");
    for i in 0..toks.len() {
        if label_part(labels[i]) != Some(UNIT) {
            continue;
        }
        let w = toks[i];
        let beside_day = day(i.checked_sub(1).and_then(|j| toks.get(j))) || day(toks.get(i + 1));
        let short = SHORT.contains(&w.trim_end_matches('.'));
        let month = is_calendar_word(w) && !w.ends_with("day");
        let listed = short_day(w)
            && (1..=3).any(|k| {
                let before = i >= k && short_day(toks[i - k]) && toks[i - k + 1..i].iter().all(|t| separator(t));
                let after =
                    toks.get(i + k).is_some_and(|t| short_day(t)) && toks[i + 1..i + k].iter().all(|t| separator(t));
                before || after
            });
        // ("the band Sundays", "TGI Fridays" stay)
        let after_a_time_word = i > 0 && WEEKDAYS_AFTER.contains(&toks[i - 1]);
        let weekdays =
            w.strip_suffix('s').is_some_and(|d| d.ends_with("day") && is_calendar_word(d)) && after_a_time_word;
        if (short || month) && beside_day || weekdays || listed {
            labels[i] = 0;
        }
    }
}

/// A company's legal form after a comma is part of its name ("Google, Inc.", "CBS, Inc.",
/// "Cascade Timberlands, LLC"), as CoNLL-2003 ("Tootsie Roll Industries , Inc"), UNER and
/// WikiGold mostly write it: the model ends the name at the comma and reads the form alone as
/// a name of its own ("L.P." as a place) or as none. Not a form before a noun or a name
/// ("Deutsche Bank, AG spokesman", "Arsenal, Group B winners").
fn legal_forms(toks: &[&str], labels: &mut [u8]) {
    // (from each comma: most sentences hold no name before one)
    for e in 1..toks.len().saturating_sub(1) {
        if toks[e] != ","
            || labels[e] != 0
            || label_type(labels[e - 1]) != Some(ORG)
            || !(toks[e + 1].starts_with(char::is_uppercase) && lexicon::is_legal_form(toks[e + 1]))
            || !matches!(label_part(labels[e + 1]), None | Some(UNIT))
            || !toks.get(e + 2).is_none_or(|w| follows_a_name(w))
        {
            continue;
        }
        let s = (0..e).rev().find(|&k| matches!(label_part(labels[k]), Some(BEGIN | UNIT))).unwrap_or(0);
        set_name(labels, s, e + 2, ORG);
    }
}

/// A shop, a bank or a restaurant named by a possessive is one name with its "'s" ("Boatmen's
/// was the plum of Missouri", "Thalhimer's became Hecht's in 1992", "four casinos: Bally's,
/// Caesars, Harrah's"), an organisation where the model read a person, as CoNLL-2003 ("Moody's",
/// "Lloyd's", "Boatmen's"), WikiGold and UNER write them: the model, which learned that "'s" ends
/// a name, leaves it out. Only where the possessive owns nothing (a mark, a verb or a function
/// word follows it) and the document never writes the name without it: a person's possessive
/// that stands alone ("closer to Trump's than Clinton's") belongs to a person named elsewhere.
/// Not a person of two words or more ("Rudy Vallee's in 1937": his recording) or after a form of
/// address ("like Mr. O'Reilly's"), a place, or a disease ("Alzheimer's"). `ranges` are the
/// sentences' token ranges.
fn businesses_by_possessive(toks: &[&str], ranges: &[(usize, usize)], labels: &mut [u8]) {
    use crate::entities::words::f;
    use crate::entities::words::{FxMap as HashMap, FxSet as HashSet};
    #[rustfmt::skip]
    const AFTER: &[&str] = &[
        ".", ",", ";", ":", "!", "?", "is", "was", "has", "will", "would", "became", "becomes", "said", "says",
        "and", "or", "in", "at", "on", "for", "to", "from", "with", "by", "where", "which", "who", "that",
    ];
    // words before a possessive that stands for a thing named before it ("better than Vosk's",
    // "the red bicycle is Orlov's")
    const COMPARED: &[&str] = &["is", "was", "are", "were", "be", "been", "than", "as", "like", "unlike"];
    // family words, which like a form of address ("like Mr. O'Reilly's") stand before or for a
    // person's possessive or home ("went to Grandma's")
    #[rustfmt::skip]
    const FAMILY: &[&str] = &["Aunt", "Auntie", "Uncle", "Grandma", "Grandpa", "Granny", "Nan", "Nana", "Mum", "Mom", "Dad"];
    let person_word = |w: &str| FAMILY.contains(&w) || crate::entities::words::words().get(w).has(f::HON);
    // the names before a possessive that owns nothing, which become organisations: (start, end)
    let mut candidates = Vec::new();
    for &(a, z) in ranges {
        for (s, e, t) in spans_of(&labels[a..z]) {
            let (s, e) = (a + s, a + e);
            if e + 1 >= z || !possessive(toks[e]) || !AFTER.contains(&toks[e + 1]) || labels[e] != 0 {
                continue;
            }
            let before = if s > a { toks[s - 1] } else { "" };
            let next = toks.get(e + 2).copied().unwrap_or("");
            // (a second owner, "Vosk's and Tova's cars"; a contraction, "Kestrel's on his way")
            let joins = |w: &str| matches!(w, "and" | "or" | "with");
            let second_owner = (joins(toks[e + 1]) && toks.get(e + 3).is_some_and(|w| possessive(w)))
                || (s >= a + 2 && joins(before) && possessive(toks[s - 2]));
            let contraction = matches!(toks[e + 1], "on" | "with")
                && matches!(next, "his" | "her" | "their" | "the" | "a" | "an" | "my" | "our" | "its");
            if COMPARED.contains(&before)
                || person_word(before)
                || person_word(toks[s])
                || second_owner
                || contraction
                || EPONYMOUS_DISEASES.contains(&toks[s])
            {
                continue;
            }
            if t == ORG || t == PER && e - s == 1 {
                candidates.push((s, e));
            }
        }
    }
    if candidates.is_empty() {
        return;
    }
    // the names the document writes somewhere without a possessive after them
    let mut names: HashMap<&str, HashSet<&[&str]>> = HashMap::default();
    for &(s, e) in &candidates {
        names.entry(toks[s]).or_default().insert(&toks[s..e]);
    }
    let mut bare: HashSet<&[&str]> = HashSet::default();
    for &(a, z) in ranges {
        for i in a..z {
            for &words in names.get(toks[i]).into_iter().flatten() {
                if toks[i..z].starts_with(words) && !toks.get(i + words.len()).is_some_and(|w| possessive(w)) {
                    bare.insert(words);
                }
            }
        }
    }
    for (s, e) in candidates {
        if !bare.contains(&toks[s..e]) {
            set_name(labels, s, e + 1, ORG);
        }
    }
}

/// A unit's number alone after "the", as a unit's history goes on naming it ("The 139th was
/// formed at Camp Howe", "the 65th participated in the assaults"), is that unit, an
/// organisation, as WikiGold writes it: the model, which has seen such numbers only before a
/// unit's word, leaves it out (the entity linker finds those after the unit's full name; this is
/// for a history that never writes it). Only in a text about troops (one of `TROOPS` in its
/// sentences `ranges`), for a number above 31 (not "the 21st was a Monday"), before a verb ("was
/// formed", "also fought"; not "the 139th anniversary"), and where the text never writes the
/// number before another noun ("her 40th birthday ... The 40th was a quiet affair").
fn numbered_units(toks: &[&str], ranges: &[(usize, usize)], labels: &mut [u8]) {
    use crate::entities::words::{f, words};
    #[rustfmt::skip]
    const TROOPS: &[&str] = &[
        "regiment", "regiments", "battalion", "battalions", "squadron", "squadrons", "infantry", "brigade", "brigades",
    ];
    // nouns a unit's number may stand before and still be the unit's ("the 65th wing")
    #[rustfmt::skip]
    const UNITS: &[&str] = &[
        "regiment", "battalion", "squadron", "infantry", "brigade", "wing", "division", "group", "corps", "cavalry",
        "artillery", "fighter", "bomb", "airborne",
    ];
    #[rustfmt::skip]
    const IRREGULAR_PAST: &[&str] = &[
        "became", "fought", "took", "went", "saw", "held", "lost", "won", "left", "made", "met", "began", "came",
        "ran", "fell", "struck", "led", "broke", "drove", "withdrew", "rode", "stood", "sent", "built",
    ];
    // (prepositions the grammar's word list leaves out: "The 139th along with its brigade")
    #[rustfmt::skip]
    const MORE_PREPOSITIONS: &[&str] = &[
        "along", "alongside", "across", "toward", "towards", "near", "around", "throughout", "until", "via", "within",
        "upon", "behind", "beyond",
    ];
    let number = |w: &str| ordinal_digits(w).is_some_and(|d| d.parse::<u32>().is_ok_and(|n| (32..1000).contains(&n)));
    let verb = |w: &str| {
        w.starts_with(char::is_lowercase)
            && (w.len() > 4 && w.ends_with("ed") || IRREGULAR_PAST.contains(&w) || words().get(w).has(f::AUX | f::BE))
    };
    let adverb = |w: &str| words().get(w).has(f::ADV);
    let mut troops = None;
    for &(a, z) in ranges {
        for i in a + 1..z {
            if labels[i] != 0 || !matches!(toks[i - 1], "the" | "The") || !number(toks[i]) {
                continue;
            }
            let next = toks.get(i + 1).copied().unwrap_or("");
            let after = toks.get(i + 2).copied().unwrap_or("");
            if !(verb(next) || adverb(next) && verb(after)) {
                continue;
            }
            let about_troops = *troops.get_or_insert_with(|| holds_any(toks, TROOPS));
            if !about_troops {
                return;
            }
            // the number before a noun that is no unit's, anywhere in the text
            let counts_a_thing = toks.windows(2).any(|p| {
                p[0] == toks[i]
                    && p[1].starts_with(char::is_lowercase)
                    && !verb(p[1])
                    && !adverb(p[1])
                    && !UNITS.contains(&p[1])
                    && !words().get(p[1]).has(f::PREP | f::CONJ)
                    && !MORE_PREPOSITIONS.contains(&p[1])
            });
            if !counts_a_thing {
                labels[i] = label(ORG, UNIT);
            }
        }
    }
}

/// A radio station's call sign, as Australia and New Zealand write them (a digit and two or
/// three capitals: "6PR", "3AW", "4KQ"), with its frequency before it ("882 6PR"), is an
/// organisation, as WikiGold writes them: the model has seen none. Only in a text about radio
/// (one of `RADIO` in its sentences `ranges`), not after an article or another capitalized
/// word ("a 4WD", "a Nintendo 3DS"), not before a noun ("3AB tower"), and not a measure, an
/// ordinal or a clock time in capitals ("2GB", "5KW", "1ST", "6AM").
fn call_signs(toks: &[&str], ranges: &[(usize, usize)], labels: &mut [u8]) {
    const RADIO: &[&str] = &["radio", "radios", "talkback"];
    // what a digit and capitals measure or name besides
    #[rustfmt::skip]
    const NOT_SIGNS: &[&str] = &[
        "ST", "ND", "RD", "TH", "AM", "PM", "GB", "MB", "KB", "TB", "KW", "MW", "GW", "KV", "HP", "MP", "PT", "WD",
        "DS", "FA", "XL", "XS", "CX", "GHZ", "MHZ", "KHZ", "CC", "MM", "CM", "KM", "KG", "LB", "OZ", "TV", "HD",
        "VR", "PC", "UV", "DR", "BR", "BA", "WAY",
    ];
    let sign = |w: &str| {
        let b = w.as_bytes();
        (3..=4).contains(&b.len())
            && matches!(b[0], b'1'..=b'9')
            && b[1..].iter().all(u8::is_ascii_uppercase)
            && !NOT_SIGNS.contains(&&w[1..])
    };
    // a frequency: AM in kHz ("882") or FM in MHz ("96.1")
    let frequency = |w: &str| {
        w.parse::<f32>().is_ok_and(|x| (530.0..=1710.0).contains(&x) && !w.contains('.') || (87.5..=108.0).contains(&x))
    };
    let mut radio = None;
    for &(a, z) in ranges {
        for i in a..z {
            if !sign(toks[i]) || !matches!(label_part(labels[i]), None | Some(UNIT)) {
                continue;
            }
            let before = if i > a { toks[i - 1] } else { "" };
            let article = matches!(before.to_lowercase().as_str(), "a" | "an");
            let after_a_name = before.starts_with(char::is_uppercase) && !matches!(before, "The" | "THE");
            if article || after_a_name || toks.get(i + 1).is_some_and(|w| !possessive(w) && !follows_a_name(w)) {
                continue;
            }
            if !*radio.get_or_insert_with(|| holds_any(toks, RADIO)) {
                return;
            }
            let s = if i > a && labels[i - 1] == 0 && frequency(before) { i - 1 } else { i };
            set_name(labels, s, i + 1, ORG);
        }
    }
}

/// Names of diseases written with a possessive ("Alzheimer's", "Crohn's").
#[rustfmt::skip]
const EPONYMOUS_DISEASES: &[&str] = &[
    "Alzheimer", "Parkinson", "Huntington", "Crohn", "Hodgkin", "Asperger", "Tourette", "Addison", "Cushing",
    "Raynaud", "Bell", "Lou", "Gehrig", "Graves", "Down", "Meniere", "Ménière",
];

/// A name, "'s" and a capitalized word of a building or a place ("St Anselm's Church", "Guy's
/// Hospital", "King's College") are one name, as every such name in CoNLL-2003 train and
/// testa, WikiGold and GUM is written (10 of 10); the model, which learned that "'s" ends a
/// name, splits them ("St Anselm" + "Church"). Schools and colleges are organisations, the rest
/// places; an organisation's name that goes on after the word keeps its type ("Queen's Park
/// Rangers", a club). A place's or a person's possessive before another name is no part of it
/// ("South Korea's Park", "Pelosi's Bay Area district"), unless the place is a saint's ("St.
/// Anselm's College Institute of Politics").
fn possessive_place_names(toks: &[&str], labels: &mut [u8], cache: &mut SpanCache) {
    #[rustfmt::skip]
    const PLACES: &[&str] = &[
        "Church", "Cathedral", "Chapel", "Abbey", "Minster", "Basilica", "Priory", "Hospital", "Infirmary", "Park",
        "Square", "Island", "Bay", "Creek", "Hill", "Wharf", "Bridge", "Gate", "Wood", "Inn",
    ];
    const SCHOOLS: &[&str] = &["College", "School", "Academy"];
    // shops and places to eat, organisations as UNER writes them ("Ray's Pizza is just too good",
    // "Burch's Karate is the greatest")
    #[rustfmt::skip]
    const SHOPS: &[&str] = &[
        "Pizza", "Pizzeria", "Karate", "Diner", "Cafe", "Café", "Bakery", "Deli", "Grill", "Garage", "Salon",
        "Tavern", "Pub", "Restaurant", "Bistro", "Steakhouse", "Barbershop", "Jewelers", "Jewellers", "Hardware",
        "Pharmacy", "Florist", "Bookstore", "Bookshop", "Cleaners", "Dojo",
    ];
    #[rustfmt::skip]
    const KINDS: &[&str] = &[
        "Primary", "Grammar", "High", "Secondary", "Junior", "Infant", "Infants", "Community", "Catholic",
        "Comprehensive", "Boarding", "Preparatory", "Prep", "Middle", "Elementary", "Nursery", "Free", "Sixth", "Form",
        "Technical", "Medical", "Theological",
    ];
    let spans = cache.spans(labels);
    for (k, &(s, e, t)) in spans.iter().enumerate() {
        let Some(&word) = toks.get(e + 1) else { continue };
        let school = SCHOOLS.contains(&word);
        // a school's kind before its word ("St Brigid's Primary School", "King's Grammar School";
        // not another name: "the University of Pennsylvania's Wharton School")
        let kind_of_school = (e + 2..toks.len().min(e + 4))
            .take_while(|&k| KINDS.contains(&toks[k - 1]))
            .find(|&k| SCHOOLS.contains(&toks[k]))
            .map(|k| k + 1);
        if t == MISC || labels[e] != 0 || !possessive(toks[e]) {
            continue;
        }
        // a place's possessive is its own ("South Korea's Park", a person), unless a saint's
        let saint = matches!(toks[s], "St" | "St." | "Saint");
        if t == LOC && !saint {
            continue;
        }
        // (a person's own school days: "Ann Lee's High School friends")
        let person = t == PER && e - s >= 2 && !saint;
        if let Some(z) = kind_of_school
            && !school
            && !person
            && label_type(labels[e + 1]).is_none_or(|_| is_begin(labels[e + 1]))
            && labels.get(z).is_none_or(|&l| label_type(l).is_none() || is_begin(l))
        {
            set_name(labels, s, z, ORG);
            continue;
        }
        // (a shop's word that goes on into a longer phrase is none: "Obama's Kitchen Cabinet")
        let shop = SHOPS.contains(&word) && toks.get(e + 2).is_none_or(|w| follows_a_name(w));
        if !(school || shop || PLACES.contains(&word)) {
            continue;
        }
        let facility = if school || shop { ORG } else { LOC };
        match spans.get(k + 1) {
            // the word opens a longer name: an organisation's own ("Pelosi's Bay Area
            // district" is two names)
            Some(&(s2, e2, t2)) if s2 == e + 1 && e2 > s2 + 1 && (t == ORG || saint) => set_name(labels, s, e2, t2),
            // a one-word name right after it joins, unless a person ("Manchester United's Park")
            Some(&(s2, e2, t2)) if s2 == e + 1 && e2 == s2 + 1 && t2 != PER => set_name(labels, s, e + 2, facility),
            None if labels[e + 1] == 0 => set_name(labels, s, e + 2, facility),
            Some(&(s2, _, _)) if s2 > e + 1 && labels[e + 1] == 0 => set_name(labels, s, e + 2, facility),
            _ => {}
        }
    }
}

/// "The" and a name ending with a newspaper's word ("the Harbridge Courier", "the Castlebury
/// Gazette") name a newspaper, an organisation, which the model may read as a person or a
/// place when it never saw the town's paper. Only names of two words or more: "the Post".
fn newspapers(toks: &[&str], labels: &mut [u8], cache: &mut SpanCache) {
    use crate::entities::words::{f, words};
    #[rustfmt::skip]
    const PAPERS: &[&str] = &[
        "Courier", "Gazette", "Herald", "Chronicle", "Tribune", "Times", "Post", "Journal", "Observer", "Examiner",
        "Telegraph", "Echo", "Argus", "Sentinel", "Bulletin", "Inquirer", "Enquirer", "Advertiser", "Recorder",
    ];
    for &(s, e, t) in cache.spans(labels) {
        // (or the paper alone in brackets: a reporter's at a press conference, "REPORTER
        // (Ardenport Courier):")
        let bracketed = s > 0 && toks[s - 1] == "(" && toks.get(e) == Some(&")");
        if (t == PER || t == LOC)
            && e - s >= 2
            && s > 0
            && (toks[s - 1].eq_ignore_ascii_case("the") || bracketed)
            && PAPERS.contains(&toks[e - 1])
        {
            set_name(labels, s, e, ORG);
        }
    }
    // capitalized words the model left out right before "magazine" or "newspaper" name it ("in
    // Time magazine", "published in The Economist magazine"), as CoNLL-2003 writes "Vogue
    // magazine" and "Le Matin newspaper"; not at a sentence's start ("Local newspaper reports"),
    // after an article, a possessive or a quantifier ("the Student newspaper", "his Local
    // newspaper"; "The" inside a sentence is the name's, "in The Economist magazine"), a weekday
    // ("Tuesday Time magazine" keeps "Time") or a hyphenated word ("Spanish-language")
    // (after an article, a possessive or a quantifier, a kind: "a Liberal newspaper", "the
    // Student newspaper", "his Local newspaper", "every Major newspaper")
    #[rustfmt::skip]
    const KIND_BEFORE: &[&str] = &[
        "a", "an", "the", "his", "her", "my", "our", "their", "its", "your", "every", "each", "any", "some", "no",
        "this", "that",
    ];
    let grammar = |w: &str| words().get(&w.to_lowercase()).has(f::PREP | f::DET | f::CONJ | f::PRON | f::WH);
    let word = |w: &str| w.starts_with(char::is_uppercase) && !w.contains('-') && !is_calendar_word(w) && !grammar(w);
    for k in 2..toks.len() {
        if !matches!(toks[k], "magazine" | "newspaper" | "tabloid") || labels[k] != 0 {
            continue;
        }
        let mut s = k;
        while s > 0 && k - s < 3 && labels[s - 1] == 0 && word(toks[s - 1]) {
            s -= 1;
        }
        // (a longer run of capitals: a headline's or a title's)
        if s == k || s > 0 && word(toks[s - 1]) {
            continue;
        }
        // "The" inside a sentence is the name's ("in The Economist magazine")
        if s > 1 && toks[s - 1] == "The" && labels[s - 1] == 0 {
            s -= 1;
        }
        if s == 0 || lower_in(KIND_BEFORE, toks[s - 1]) {
            continue;
        }
        set_name(labels, s, k, ORG);
    }
}

/// Two surnames joined by "&" are one organisation, a firm ("Hale & Marsh", "Latham & Watkins
/// LLP", "Johnson & Johnson"), as CoNLL-2003 writes every such name (19 in its training part,
/// all organisations): the model reads the founders as two persons. Two people stay two: a
/// full name on either side ("David Christison & Lee Tate", WikiGold's lists of award winners;
/// "Tom Hale & Marsh"), a given name on either side ("Jim & Sarah"), and two names opening a
/// sentence without a legal form, as headlines write a meeting ("Trump & Putin to meet"); and
/// two organisations stay as the model reads them ("MTV & Wild on E!").
fn names_joined_by_ampersand(toks: &[&str], labels: &mut [u8], cache: &mut SpanCache) {
    use crate::entities::words::{f, words};
    let given = |w: &str| words().get(w).has(f::GIVEN);
    let lower = |w: &str| w.to_lowercase();
    let spans = cache.spans(labels);
    // the start of the name joined so far ("A & B & C" is one)
    let mut joined: Option<usize> = None;
    for w in spans.windows(2) {
        let ((s, e, t), (s2, e2, t2)) = (w[0], w[1]);
        // (the cheap tests first: this runs on every sentence)
        let firm = s2 == e + 1 && toks[e] == "&" && t == PER && t2 == PER && {
            // one surname after the "&", with its particle before it (then no given name: "Van
            // Allen") and the firm's legal form after
            let name = s2 + usize::from(PARTICLES.contains(&lower(toks[s2]).as_str()) && e2 > s2 + 1);
            let legal = !(name + 1..e2).is_empty() && (name + 1..e2).all(|k| lexicon::is_legal_form(toks[k]));
            (e2 == name + 1 || legal)
                && !given(toks[e - 1])
                && !(name == s2 && given(toks[s2]))
                && !(e - s > 1 && given(toks[s]))
                && (s > 0 || legal)
        };
        if firm {
            let from = joined.unwrap_or(s);
            set_name(labels, from, e2, ORG);
            joined = Some(from);
        } else {
            joined = None;
        }
    }
}

/// A firm named for its founders and "Partners", "Associates" or "Sons" ("Foster and Partners",
/// "Varga & Associates", "J. Smith and Sons") is one organisation: the model tags the founder a
/// person and leaves the rest out, and pronouns then take the firm for a person. So is a
/// founder's name with a word of a trade after it ("Okonkwo Hale Studio", "Tate Solicitors",
/// "Oduya Productions": the model read them as persons, with or without the trade's word). A
/// place's name with a company's trade after it is a firm too ("Osterling Resources", read as a
/// place): CoNLL-2003 and WikiGold write every such name as an organisation ("Sudan Airways").
fn firms_and_partners(toks: &[&str], labels: &mut [u8], cache: &mut SpanCache) {
    const PARTNERS: &[&str] = &["Partners", "Associates", "Sons"];
    #[rustfmt::skip]
    const TRADES: &[&str] = &[
        "Studio", "Studios", "Architects", "Solicitors", "Productions", "Pictures", "Films", "Records", "Design",
        "Designs", "Consulting", "Consultants", "Engineering", "Builders", "Motors", "Publishing", "Publishers",
        "Media", "Bakery", "Brewery", "Distillery", "Dental", "Opticians", "Accountants", "Surveyors", "Estates",
        "Foods", "Seafoods", "Farms", "Industries", "Logistics", "Pharmaceuticals", "Airlines", "Airways", "Shipping",
        "Systems", "Technologies", "Electronics", "Insurance", "Properties", "Hotels", "Enterprises", "Ventures",
        "Resources",
    ];
    // (trades a place's name may end with and stay a place: "Tresk Estates", "Pinewood Studios")
    const PLACE_TRADES: &[&str] =
        &["Studio", "Studios", "Estates", "Farms", "Hotels", "Properties", "Brewery", "Distillery"];
    for &(s, e, t) in cache.spans(labels) {
        let trade = e - s >= 2 && (t == PER || t == LOC) && TRADES.contains(&toks[e - 1]);
        if trade && (t == PER || !PLACE_TRADES.contains(&toks[e - 1])) {
            set_name(labels, s, e, ORG);
            continue;
        }
        // (not a title-case headline's verb: "Ann Lee Pictures Life After Football"; a company's
        // form after it is the firm's: "Ann Lee Consulting Group", "Tom Brown Builders Limited")
        let form = || toks.get(e + 1).is_some_and(|w| lexicon::is_legal_form(w));
        let headline_goes_on = || toks.get(e + 1).is_some_and(|w| w.starts_with(char::is_uppercase)) && !form();
        if t == PER && labels.get(e) == Some(&0) && TRADES.contains(&toks[e]) && !headline_goes_on() {
            let end = if form() && label_type(labels[e + 1]).is_none_or(|_| label_part(labels[e + 1]) == Some(UNIT)) {
                e + 2
            } else {
                e + 1
            };
            set_name(labels, s, end, ORG);
            continue;
        }
        if e + 1 < toks.len()
            && matches!(toks[e], "and" | "&")
            && PARTNERS.contains(&toks[e + 1])
            && labels[e] == 0
            && (labels[e + 1] == 0 || label_part(labels[e + 1]) == Some(UNIT))
        {
            set_name(labels, s, e + 2, ORG);
        }
    }
}

/// "Dale Fenwick, 38, of Mill Lane, Ardenport, admitted": what follows a person's age and
/// "of" is where they live, a place (the model read "Mill Lane" and "Ardenport" as persons),
/// and so is a town right after it between commas; also without the age when a house number
/// opens it ("I, Margaret Olsen, of 14 Fernhill Road, Castlebury"). CoNLL-2003's training part has the pattern
/// once ("Peiris, 32, of Perth": a place); court reports write it for every defendant. So is
/// a name the model read as a person after "a man from" and the like (police reports: "a
/// 34-year-old man from Halsey"; CoNLL-2003's one such name, "a boy from China", is a place).
fn addresses_after_ages(toks: &[&str], labels: &mut [u8]) {
    // "a 34-year-old man from Halsey": where a person is from is no person
    const PEOPLE: &[&str] = &["man", "woman", "boy", "girl", "men", "women", "teenager", "pensioner", "resident"];
    for i in 1..toks.len().saturating_sub(1) {
        if toks[i] == "from"
            && PEOPLE.contains(&toks[i - 1])
            && label_type(labels[i + 1]) == Some(PER)
            && is_begin(labels[i + 1])
            && let Some((s, e, _)) = name_from(labels, i + 1)
        {
            set_name(labels, s, e, LOC);
        }
    }
    let cap = |w: &str| w.starts_with(char::is_uppercase);
    let number = |w: &str| w.bytes().all(|b| b.is_ascii_digit());
    // a capitalized run from `k` (a house number may open it) up to a comma or the end: its end
    let run = |k: usize| {
        let mut j = k + usize::from(toks.get(k).is_some_and(|w| number(w)));
        let first = j;
        while j < toks.len() && j - first < 5 && cap(toks[j]) {
            j += 1;
        }
        let ends = j == toks.len() || [",", ".", ";"].contains(&toks[j]);
        (j > first && ends).then_some((first, j))
    };
    for i in 2..toks.len().saturating_sub(3) {
        let age = toks[i].len() <= 3 && number(toks[i]);
        let after_age = age && toks[i - 1] == "," && toks[i + 1] == "," && toks[i + 2] == "of";
        // without an age, a house number says it is an address ("Margaret Olsen, of 14
        // Fernhill Road, Castlebury"; not "Ann Lee, of Harvard University")
        let house = toks[i - 1] == "," && toks[i] == "of" && number(toks[i + 1]);
        if !(after_age || house) || label_type(labels[i - 2]) != Some(PER) {
            continue;
        }
        let Some((s, e)) = run(if after_age { i + 3 } else { i + 1 }) else { continue };
        set_name(labels, s, e, LOC);
        if toks.get(e) == Some(&",")
            && let Some((s2, e2)) = run(e + 1).filter(|&(s2, e2)| s2 == e + 1 && e2 - s2 <= 3)
        {
            set_name(labels, s2, e2, LOC);
        }
    }
}

/// Streets are places ("Pennsylvania Avenue", read as an organisation), and an ordinal before a
/// street's word is part of its name ("5th Ave", "42nd Street", which the model leaves out or
/// misses whole): in the corpora here a name of two words or more that ends with "Street",
/// "Road" or "Avenue" (or their short forms) is a place 38 times in 40 (CoNLL-2003 train and
/// testa, WikiGold; UNER has none), and no name there has an ordinal before such a word. A
/// person stays a person ("Andy Street"), "St." before a capital is a saint's ("the 21st St.
/// Petersburg Forum"). "Lane", "Drive" and the like end surnames and titles too ("Barry Lane"):
/// a name ending with one is a street only when the model read it as a person after a
/// preposition of place.
fn street_names(toks: &[&str], labels: &mut [u8], cache: &mut SpanCache) {
    #[rustfmt::skip]
    const STREET: &[&str] = &[
        "Street", "St", "St.", "Avenue", "Ave", "Ave.", "Road", "Rd", "Rd.", "Boulevard", "Blvd", "Blvd.",
        "STREET", "AVENUE", "ROAD", "BOULEVARD",
    ];
    for i in 1..toks.len() {
        // "42nd Street" with neither tagged, or "5th" left out of "Ave"
        let saint =
            matches!(toks[i], "St" | "St.") && toks.get(i + 1).is_some_and(|w| w.starts_with(char::is_uppercase));
        if labels[i - 1] == 0
            && STREET.contains(&toks[i])
            && !saint
            && is_ordinal(toks[i - 1])
            && matches!(label_part(labels[i]), None | Some(BEGIN | UNIT))
        {
            // ... keeping the type of a name that goes on past the street ("1st Street Bank")
            let (e, t) = name_from(labels, i).map_or((i + 1, LOC), |(_, e, t)| (e, t));
            set_name(labels, i - 1, e, if e == i + 1 { LOC } else { t });
        }
    }
    // words that end streets and surnames alike: a street after a preposition of place
    const STREET_OR_SURNAME: &[&str] = &["Lane", "Drive", "Close", "Crescent", "Terrace"];
    for &(s, e, t) in cache.spans(labels) {
        // a person keeps the type ("Andy Street", "Picabo Street")
        if t != LOC && t != PER && e - s >= 2 && STREET.contains(&toks[e - 1]) {
            set_name(labels, s, e, LOC);
        }
        // read as a person: "on Pellam Lane", "at the junction with Pellam Lane" (not "with Nathan
        // Lane", "a statement from Glenn Close"; a work, "starred in Mulholland Drive", is no
        // person)
        let before = |k: usize| s.checked_sub(k).map(|j| toks[j].to_lowercase());
        if t == PER
            && e - s >= 2
            && STREET_OR_SURNAME.contains(&toks[e - 1])
            && (before(1).is_some_and(|w| PLACE_PREPOSITIONS.contains(&w.as_str()))
                || before(1).as_deref() == Some("with") && before(2).as_deref() == Some("junction"))
        {
            set_name(labels, s, e, LOC);
        }
    }
}

/// A name the model read as a person that ends with a word for a built or natural place, after
/// "the" or a preposition of place and before no noun ("the Clarence Dock is", "at Jimmy Carter
/// Reservoir."), is that place: the model reads a given name before it ("Clarence", "Jimmy") as
/// a person's. Such words end persons' names too ("Wayne Bridge", "Detective Sam Quay", "by
/// Peter Dock", "the Sarah Falls campaign"); not "Bay" ("Michael Bay") nor "Park" ("Nick Park")
/// at all.
fn places_read_as_persons(toks: &[&str], labels: &mut [u8], cache: &mut SpanCache) {
    #[rustfmt::skip]
    const PLACE_ENDS: &[&str] = &[
        "Dock", "Docks", "Pier", "Wharf", "Quay", "Playfield", "Plaza", "Square", "Reservoir", "River", "Valley",
        "Canal", "Creek", "Heights", "Falls", "Islands", "Airfield", "Harbour", "Harbor", "Bridge",
    ];
    const BEFORE: &[&str] = &["the", "at", "on", "in", "near", "across", "over", "along", "under", "beside", "off"];
    for &(s, e, t) in cache.spans(labels) {
        if t != PER || e - s < 2 || !PLACE_ENDS.contains(&toks[e - 1]) {
            continue;
        }
        let placed = s > 0 && lower_in(BEFORE, toks[s - 1]);
        let possessive = toks.get(e).is_some_and(|w| matches!(*w, "'s" | "\u{2019}s" | "'"));
        // "the Sarah Falls campaign": a word of a longer phrase
        let whole = toks.get(e).is_none_or(|w| follows_a_name(w));
        if placed && !possessive && whole {
            set_name(labels, s, e, LOC);
        }
    }
}

/// A word and a number before a colon label an item of a list ("Milepost 7: The Notch", "Step
/// 2:", "Associate Team 1:"), no name: no corpus here tags a word before a number and a colon
/// but a "Phase 1" with its number. A name the model ends before the number is dropped; not a
/// book before its chapter and verse ("Isaiah 45:1"), a place or an event before its year
/// ("Paris 2024:"), nor a name the lexicons know ("Arsenal 2: Chelsea 1").
fn list_labels(toks: &[&str], labels: &mut [u8], cache: &mut SpanCache) {
    let number = |t: &str| {
        t.bytes().next().is_some_and(|b| b.is_ascii_digit()) && t.bytes().all(|b| b.is_ascii_digit() || b == b'.')
    };
    for &(s, e, _) in cache.spans(labels) {
        let verse = toks.get(e + 2).is_some_and(|t| t.starts_with(|c: char| c.is_ascii_digit()));
        let short = toks.get(e).is_some_and(|t| number(t) && t.len() <= 3);
        if short && toks.get(e + 1) == Some(&":") && labels[e] == 0 && !verse && !known_name(&toks[s..e]) {
            labels[s..e].fill(0);
        }
    }
}

/// A word of praise or an exclamation that opens a sentence is no name ("Lovely staff.",
/// "Yum.", "YAY, great theater !!!", "VERYYYY !!!!", "Heh, yep"): reviews and messages
/// open with them, capitalized, and the model, seeing a capital alone, read them as
/// organisations, places or persons. Letters written three times or more count once. Not
/// before a verb, a possessive, an apposition or a capitalized word, where the word may be a
/// name ("Nice is lovely in May", "Nice's mayor", "Nice, the capital of", "Nice, France"); and
/// "Nice", a city, only before a mark or "and" and a lowercase word.
fn exclamations(toks: &[&str], labels: &mut [u8]) {
    use crate::entities::words::{f, words};
    #[rustfmt::skip]
    const WORDS: &[&str] = &[
        "nice", "great", "good", "yum", "yummy", "yay", "wow", "heh", "hah", "haha", "lol", "omg", "ugh", "hmm",
        "oops", "lovely", "awesome", "excellent", "brilliant", "brill", "fantastic", "amazing", "superb",
        "terrible", "horrible", "awful", "perfect", "wonderful", "thanks", "cheers", "very", "highly", "best",
        "worst", "delicious", "outstanding", "recommended",
    ];
    if label_part(labels.first().copied().unwrap_or(0)) != Some(UNIT) {
        return;
    }
    // a run of three letters or more as one letter, or as two ("VERYYYY" → "very", "Brilll" →
    // "brill")
    let collapsed = |keep: usize| {
        let mut out = String::new();
        let mut run = 0;
        let mut prev = None;
        for c in toks[0].chars().flat_map(char::to_lowercase) {
            run = if prev == Some(c) { run + 1 } else { 1 };
            prev = Some(c);
            out.push(c);
            if run == 3 {
                for _ in keep..3 {
                    out.pop();
                }
            } else if run > 3 {
                out.pop();
            }
        }
        out
    };
    let word = collapsed(1);
    if !WORDS.contains(&word.as_str()) && !WORDS.contains(&collapsed(2).as_str()) {
        return;
    }
    let capitalized = |k: usize| toks.get(k).is_some_and(|w| w.starts_with(char::is_uppercase));
    let next = toks.get(1).copied().unwrap_or("");
    let then = toks.get(2).copied().unwrap_or("");
    let verb =
        words().get(next).has(f::AUX | f::BE | f::CUE) || next.ends_with("ed") || next.ends_with('s') && next.len() > 3;
    // "Nice, the capital of", "Nice, which finished fifth": an apposition or a clause on a name
    let described = next == "," && words().get(then).has(f::DET | f::WH);
    let joins =
        !next.starts_with(char::is_alphanumeric) && !possessive(next) && !described || matches!(next, "and" | "or");
    // the city of Nice opens sentences of news before a noun or a verb the word list has not
    // ("Nice airport", "Nice beat Lyon"): that word only before a mark or "and" and a lowercase
    // word ("Nice.", "Nice and quiet place")
    let before_a_word = !joins && !capitalized(1) && !verb && word != "nice";
    if next.is_empty() || joins && !capitalized(2) || before_a_word {
        labels[0] = 0;
    }
}

/// A word that is no name alone, which the model reads as one where it is capitalized: "the
/// World" after a preposition of extent ("sold in 11 countries around the World", "The 1
/// Newsgroup Service in the World!"), which CoNLL-2003 never tags but before "Cup", "Series" or
/// "Congress"; and a participle that opens a line of a unit's lineage before a number and a
/// unit's name or before a date ("Redesignated 65 Fighter Wing on ...", "Inactivated on 21
/// November 1945"), read as an organisation.
fn common_words_read_as_names(toks: &[&str], labels: &mut [u8]) {
    // (the newspaper, the ship and the band named the World stay: "bought the World", "aboard
    // the World")
    const ROUND: &[&str] = &["in", "around", "across", "throughout", "round", "over", "all"];
    let alone = |labels: &[u8], k: usize| label_part(labels[k]) == Some(UNIT);
    for s in 2..toks.len() {
        if toks[s] == "World" && alone(labels, s) && toks[s - 1] == "the" && ROUND.contains(&toks[s - 2]) {
            labels[s] = 0;
        }
    }
    let w = toks.first().copied().unwrap_or("");
    let next = toks.get(1).copied().unwrap_or("");
    let then = toks.get(2).copied().unwrap_or("");
    let digits = |t: &str| t.starts_with(|c: char| c.is_ascii_digit());
    // a number and a unit's name or a date after it ("Redesignated 65 Fighter Wing",
    // "Inactivated on 21 November 1945"; not "Federated 2023 results", "Federated said")
    let lineage = digits(next) && then.starts_with(char::is_uppercase) || next == "on" && digits(then);
    if w.len() > 6 && ["ated", "ized", "ised"].iter().any(|x| w.ends_with(x)) && lineage && alone(labels, 0) {
        labels[0] = 0;
    }
}

/// A given name read as a person of its own right before a person's name of two words or more
/// is the first of that name ("Carter" + "Anthony Beauford"): the corpora here never write two
/// persons with nothing between them. Not a longer name before ("M. Atherton" + "Lbw" in a
/// scorecard written in title case).
fn adjacent_persons(toks: &[&str], labels: &mut [u8], cache: &mut SpanCache) {
    let spans = cache.spans(labels);
    for pair in spans.windows(2) {
        let ((s, e, t), (s2, e2, t2)) = (pair[0], pair[1]);
        if t == PER && t2 == PER && e == s + 1 && s2 == e && e2 - s2 >= 2 && known_given_name(toks[s]) {
            set_name(labels, s, e2, PER);
        }
    }
}

/// In a sentence about sport, a place's name and a plural nickname is a team, an organisation
/// ("a rookie with the St. Louis Eagles", "the season for the Sacramento River Cats"), as
/// CoNLL-2003 writes "Detroit Tigers" and "Glasgow Rangers": the model, knowing the place,
/// sometimes reads the whole as one. Not a place the lexicon knows whole ("Beverly Hills"), a
/// plural of places, events or papers ("the Florida Keys", "Hampton Roads", "the Atlanta
/// Games", "the Florida Standards"), nor a singular that ends in "s" ("the Iowa Caucus").
fn teams_named_for_places(toks: &[&str], labels: &mut [u8], cache: &mut SpanCache) {
    #[rustfmt::skip]
    const NOT_TEAMS: &[&str] = &[
        "Hills", "Heights", "Falls", "Springs", "Islands", "Isles", "Keys", "Lakes", "Mountains", "Plains",
        "Highlands", "Lowlands", "Gardens", "Woods", "Meadows", "Rapids", "Sands", "Narrows", "Flats", "Downs",
        "Fields", "Rocks", "Alps", "Glades", "Cliffs", "Dunes", "Marshes", "Bluffs", "Shoals", "Palisades", "Pines",
        "Oaks", "Acres", "Estates", "Commons", "Straits", "States", "Territories", "Provinces", "Banks", "Towers",
        "Docks", "Mills", "Works", "Wells", "Forks", "Ridges", "Valleys", "Peaks", "Lands", "Waters", "Ponds",
        "Bridges", "Crossings", "Parks", "Beaches", "Harbours", "Harbors", "Bays", "Games", "Olympics", "Talks",
        "Accords", "Riots", "Trials", "Laws", "Protocols", "Plebiscites", "Summits", "Elections", "Attacks",
        "Bombings", "Affairs", "News", "Times", "Roads", "Districts", "Counties", "Suburbs", "Zones", "Areas",
        "Standards", "Papers", "Files", "Records", "Reports", "Guidelines", "Rules", "Regulations", "Everglades",
        "Ozarks", "Canals", "Cascades", "Pyramids", "Prairies", "Rockies", "Dales", "Borders", "Badlands", "Wetlands",
        "Moors", "Fens", "Broads", "Uplands", "Bottoms", "Barrens", "Canyons",
    ];
    // words of a sentence about sport, without which a place's plural is more often a place's
    // than a team's ("the Missouri Ozarks", "the Laurentians")
    #[rustfmt::skip]
    const SPORT: &[&str] = &[
        "season", "seasons", "roster", "rookie", "league", "team", "coach", "player", "players", "played", "plays",
        "pitcher", "drafted", "traded", "signed", "game", "games", "match", "matches", "playoff", "playoffs",
        "championship", "franchise", "scored", "beat", "defeated", "won", "lost", "draw", "drew", "innings",
    ];
    // (asked only once a name could be a team: most sentences hold none)
    let mut sport = None;
    let mut about_sport = || *sport.get_or_insert_with(|| holds_any(toks, SPORT));
    use lexicon::ext;
    let place = |words: &[&str]| place_categories(words) & (ext::COUNTRY | ext::STATE | ext::CITY1 | ext::CITY2) != 0;
    for &(s, e, t) in cache.spans(labels) {
        let last = toks[e - 1];
        let mut rest = last.chars();
        let plural = last.len() > 3
            && last.ends_with('s')
            && !["ss", "us", "is"].iter().any(|x| last.ends_with(x))
            && rest.next().is_some_and(char::is_uppercase)
            && rest.all(char::is_lowercase);
        if t != LOC || e - s < 2 || !plural || NOT_TEAMS.contains(&last) || known_place(&toks[s..e]) {
            continue;
        }
        // the place, then one or two capitalized words ("River Cats")
        let nickname = |k: usize| e - s > k && toks[e - k..e].iter().all(|w| w.starts_with(char::is_uppercase));
        if (1..=2).any(|k| nickname(k) && place(&toks[s..e - k])) && about_sport() {
            set_name(labels, s, e, ORG);
        }
    }
}

/// A champion's title inside a name is none of it ("the NFL Champion Baltimore Colts", "the
/// National Champion Texas Longhorns", "World Champion Kell Varga"): the name of two words or
/// more after it stands alone, and so does an acronym before it. Only after a competition's
/// acronym or a word of such a title: "Champion" is a surname and a word of names ("the Bob
/// Champion Cancer Trust", "the Queen Mother Champion Chase", "the Champion Hotel").
fn champions_before_names(toks: &[&str], labels: &mut [u8], cache: &mut SpanCache) {
    const TITLES: &[&str] = &["National", "World", "Olympic", "European", "Defending", "Reigning", "State"];
    for &(s, e, t) in cache.spans(labels) {
        let Some(c) = (s + 1..e.saturating_sub(2)).find(|&k| matches!(toks[k], "Champion" | "Champions")) else {
            continue;
        };
        let acronym = c - s == 1 && toks[s].len() >= 2 && toks[s].chars().all(|ch| ch.is_ascii_uppercase());
        let title = c - s == 1 && TITLES.contains(&toks[s]);
        // "the European Champions Cup", "the UEFA Champions League": a name of the title itself
        let named = toks[c + 1..e].iter().any(|w| matches!(*w, "Cup" | "League" | "Trophy" | "Tour" | "Bowl"));
        if (acronym || title) && !named && toks[c + 1..e].iter().all(|w| w.starts_with(char::is_uppercase)) {
            labels[s..=c].fill(0);
            if acronym {
                set_name(labels, s, s + 1, ORG);
            }
            set_name(labels, c + 1, e, t);
        }
    }
}

/// Prepositions after which a name ending in "Lane" or "Drive" is the street.
const PLACE_PREPOSITIONS: &[&str] = &["on", "in", "along", "off", "at", "near", "into", "onto", "down", "up"];

/// An institution named with the place it serves is one organisation ("the Housing Authority
/// of New Orleans", "the Bank of England", "the University of Texas"), as CoNLL-2003's training
/// part writes such names whole 54 times and splits one: an organisation whose last word is a
/// capitalized institution's takes "of" and the place of up to four words the model tags right
/// after it. Not the words of a name that is whole without the place, which "of" then only
/// relates to it ("the Awami League of Bangladesh", "the Foreign Ministry of Iran", "the Lord's
/// Resistance Army of Uganda", "the Ford Foundation of New York"), nor a lowercase word ("the
/// Labour government of Britain").
///
/// With "of the", an institution's or an army's name also takes a place ("the Army of the
/// Potomac", "the Bank of the Philippine Islands"), as the corpora here write such names whole
/// 9 times and never split one. Not a place that is itself a body's ("IV Corps of the Army of
/// the Potomac"), nor a country after a name of two words or more, which "of the" only relates
/// to it ("ING Bank of the Netherlands", "the Labour Party of the United Kingdom"), nor another
/// organisation or an era ("the World Health Organization of the United Nations", "the Red Army
/// of the Cold War", "the Democratic Party of the New Deal era").
fn join_institutions_of_places(toks: &[&str], labels: &mut [u8], cache: &mut SpanCache) {
    #[rustfmt::skip]
    const INSTITUTIONS: &[&str] = &[
        "bank", "university", "college", "institute", "academy", "council", "committee", "commission",
        "agency", "authority", "association", "federation", "union", "party", "society", "bureau",
        "parliament", "church", "hospital", "court", "diocese", "archdiocese", "library", "assembly",
        "senate", "government", "chamber", "secretariat", "department",
    ];
    /// Heads that take "of the" and a place, beside the institutions above.
    const BODIES: &[&str] = &["army", "navy", "organization", "organisation"];
    /// Heads of a body's name that owns the one before "of the".
    const UNITS: &[&str] = &["army", "navy", "corps", "division", "brigade", "regiment", "battalion", "fleet", "force"];
    let head = |w: &str| lower_in(INSTITUTIONS, w) || lower_in(BODIES, w);
    let spans = cache.spans(labels);
    for (k, &(s, e, t)) in spans.iter().enumerate() {
        let last = toks[e - 1];
        if t != ORG || !last.starts_with(char::is_uppercase) || toks.get(e) != Some(&"of") {
            continue;
        }
        let Some(&(ls, le, lt)) = spans.get(k + 1) else { continue };
        let of_place = lower_in(INSTITUTIONS, last) && ls == e + 1 && lt == LOC;
        // (the lexicon writes some with their article: "the Netherlands")
        let country = || known_country(&toks[ls..le]) || known_country(&toks[e + 1..le]);
        let of_the = head(last)
            && ls == e + 2
            && toks[e + 1] == "the"
            && lt == LOC
            && !toks[ls..le].iter().any(|w| head(w) || lower_in(UNITS, w))
            && (e - s == 1 || !country());
        if (of_place || of_the) && le - ls <= 4 {
            set_name(labels, s, le, ORG);
        }
    }
}

/// The particles of family names ("bin Laden", "de la Cruz", "Van Allen"), lowercase.
#[rustfmt::skip]
const PARTICLES: &[&str] = &[
    "bin", "ibn", "al", "el", "de", "del", "della", "da", "di", "du", "dos", "das", "van", "von", "der", "den",
    "ter", "la", "le",
];

/// A person's name that the labels start at a lowercase particle ("bin Laden") takes the
/// capitalized word just before it, when that word is no part of a longer name: in CoNLL-2003
/// a capitalized word, a particle and a capitalized word are always one name, but the model,
/// seldom shown the pattern, often leaves "Osama" out or calls it MISC. Titles and roles
/// ("President bin Salman") and function words ("The bin Laden family") stay out. A capitalized
/// particle the model tagged as a one-word name of its own joins the person's name after it.
fn join_particle_names(toks: &[&str], labels: &mut [u8]) {
    #[rustfmt::skip]
    const FUNCTION_WORDS: &[&str] = &[
        "the", "a", "an", "and", "but", "or", "of", "in", "on", "at", "by", "for", "from", "to", "with", "as", "after",
        "before", "when", "while", "if", "since", "under", "over", "into", "against", "without", "that", "this",
        "these", "those", "his", "her", "their", "its", "our", "my", "your", "then", "so", "yet", "both", "all",
    ];
    for i in 1..labels.len() {
        let starts_person = label_type(labels[i]) == Some(PER) && is_begin(labels[i]);
        if !starts_person || !PARTICLES.contains(&toks[i]) {
            continue;
        }
        let prev = toks[i - 1];
        let mut chars = prev.chars();
        let capitalized = chars.next().is_some_and(char::is_uppercase) && chars.all(char::is_lowercase);
        // no name, or a one-word name of its own
        let alone = labels[i - 1] == 0 || label_part(labels[i - 1]) == Some(UNIT);
        if capitalized && alone && !lower_in(FUNCTION_WORDS, prev) && !lower_in(lexicon::ROLE_WORDS, prev) {
            labels[i - 1] = label(PER, BEGIN);
            labels[i] = if labels[i] == label(PER, UNIT) { label(PER, LAST) } else { label(PER, INSIDE) };
        }
    }
    // a capitalized particle that opens a person's name, left as a name of its own ("El" +
    // "Shafee Elsheikh", the model reading "El" as Spanish)
    for i in 1..labels.len() {
        if label_part(labels[i - 1]) == Some(UNIT)
            && toks[i - 1].starts_with(char::is_uppercase)
            && lower_in(PARTICLES, toks[i - 1])
            && label_type(labels[i]) == Some(PER)
            && is_begin(labels[i])
        {
            let e = name_from(labels, i).map_or(i + 1, |(_, e, _)| e);
            set_name(labels, i - 1, e, PER);
        }
    }
}

/// The name that starts at token `i`: its start, end and type.
fn name_from(labels: &[u8], i: usize) -> Option<(usize, usize, u8)> {
    let t = label_type(*labels.get(i)?)?;
    if !is_begin(labels[i]) && i > 0 && label_type(labels[i - 1]) == Some(t) {
        return None;
    }
    let mut j = i + 1;
    while j < labels.len() && !is_begin(labels[j]) && label_type(labels[j]) == Some(t) {
        j += 1;
    }
    Some((i, j, t))
}

/// Tokens `s..e` widened to the whole names they cut into: back to the first token of a name
/// that `s` is inside, on past the tokens inside a name at `e`.
fn widened(labels: &[u8], mut s: usize, mut e: usize) -> (usize, usize) {
    while s > 0 && matches!(label_part(labels[s]), Some(INSIDE | LAST)) {
        s -= 1;
    }
    while e < labels.len() && matches!(label_part(labels[e]), Some(INSIDE | LAST)) {
        e += 1;
    }
    (s, e)
}

/// Sets the labels of tokens `s..e` to one name of type `t`.
fn set_name(labels: &mut [u8], s: usize, e: usize, t: u8) {
    if e - s == 1 {
        labels[s] = label(t, UNIT);
        return;
    }
    labels[s] = label(t, BEGIN);
    labels[s + 1..e - 1].fill(label(t, INSIDE));
    labels[e - 1] = label(t, LAST);
}

/// A military unit or service is one organisation with the country and the number before it,
/// as CoNLL-2003 and UNER write it ("the Mexican Army", "US Marines"; "the German Air Force",
/// "the 65th Air Division", "the Fourth Air Force"): the model, which has seen nationalities
/// before a name far more often as names of their own ("German carmaker Volkswagen"), splits
/// them off or leaves the number out. An organisation that begins with a word of a service or
/// unit ("Air" only before "Force", "Division" and the like: not "Air France") takes the place
/// or nationality right before it (a place of one word, or of up to three before a unit of two
/// words or more: "United States Air Force", not "a Fort Hood Army psychiatrist"; a
/// nationality of one word: "Spanish", "Iraqi", "Chinese", not "Muslim" nor "World War II"),
/// then a capitalized ordinal or a number with an ordinal's suffix ("Fourth", "65th"; not "the
/// first Army general", "the 2012 Army investigation").
fn join_unit_names(toks: &[&str], labels: &mut [u8], cache: &mut SpanCache) {
    #[rustfmt::skip]
    const UNIT_WORDS: &[&str] = &[
        "army", "navy", "naval", "marines", "marine", "airborne", "infantry", "armored", "armoured", "cavalry",
        "artillery", "division", "corps", "fleet", "wing", "brigade", "regiment", "battalion", "squadron", "coast",
        "fighter", "bomb", "bombardment",
    ];
    const AIR_UNITS: &[&str] = &["force", "forces", "division", "wing", "defense", "defence", "command", "corps"];
    let unit = |s: usize, e: usize| {
        let first = toks[s].to_lowercase();
        if first == "air" {
            e - s >= 2 && lower_in(AIR_UNITS, toks[s + 1])
        } else {
            UNIT_WORDS.contains(&first.as_str())
        }
    };
    // a unit, not a service, after a bare number, as air force lineages and the British Army
    // write them ("Redesignated 65 Air Division", "1 Armoured Division moved"; not "30 Air Force
    // jets", a date's day, "June 3 Air Division", nor a count, "5 Fighter Squadron pilots")
    const NUMBERED: &[&str] = &["Division", "Wing", "Brigade", "Regiment", "Battalion", "Squadron"];
    let numbered_unit = |s: usize, e: usize| {
        let n = toks[s - 1];
        NUMBERED.contains(&toks[e - 1])
            && (1..=3).contains(&n.len())
            && n.bytes().all(|b| b.is_ascii_digit())
            && (s < 2 || !is_calendar_word(toks[s - 2]))
            && toks.get(e).is_none_or(|w| follows_a_name(w))
    };
    // a demonym: "German", "Spanish", "Iraqi", "Chinese", "French"
    let nationality =
        |t: &str| t.starts_with(char::is_uppercase) && ["an", "ish", "i", "ese", "ch"].iter().any(|x| t.ends_with(x));
    // merging changes only the span it grows and the one it takes in, so the spans found
    // before any change serve
    let spans = cache.spans(labels);
    for (k, &(s, e, t)) in spans.iter().enumerate() {
        if t != ORG || !unit(s, e) {
            continue;
        }
        let mut ns = s;
        if let Some(&(ps, pe, pt)) = k.checked_sub(1).and_then(|j| spans.get(j))
            && pe == s
            && ((pt == LOC && (s - ps == 1 || (s - ps <= 3 && e - s >= 2)))
                || (pt == MISC && s - ps == 1 && nationality(toks[ps])))
        {
            ns = ps;
        }
        if ns > 0 && labels[ns - 1] == 0 && (is_ordinal(toks[ns - 1]) || numbered_unit(ns, e)) {
            ns -= 1;
        }
        if ns != s {
            set_name(labels, ns, e, ORG);
        }
    }
}

/// A capitalized ordinal ("Fourth", "Twenty-First") or a number with an ordinal's suffix
/// ("65th", "101st").
fn is_ordinal(token: &str) -> bool {
    #[rustfmt::skip]
    const ORDINALS: &[&str] = &[
        "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "eleventh",
        "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth", "nineteenth",
        "twentieth", "thirtieth", "fortieth", "fiftieth", "sixtieth", "seventieth", "eightieth", "ninetieth",
        "hundredth",
    ];
    let lower = token.to_lowercase();
    let digits = lower.bytes().take_while(u8::is_ascii_digit).count();
    if digits > 0 {
        return matches!(&lower[digits..], "st" | "nd" | "rd" | "th");
    }
    token.starts_with(char::is_uppercase) && ORDINALS.contains(&lower.rsplit('-').next().unwrap_or(""))
}

/// A name the model begins at a model designation ("F-86", "CH-53", "MiG-29", "F-15E": a
/// capitalized head of up to four letters, a hyphen, up to four digits and up to two capitals)
/// is a product, other (MISC), as CoNLL-2003 has "F-14" and "T-72": the model reads "the F-86
/// Sabre" as a place, "a P-47 Thunderbolt" as a person and "EC-130 Commando Solo" as an
/// organisation. An organisation with a word of one keeps its type ("the G-20 Interfaith
/// Conference", "the EB-5 Investment Coalition"). A name the model starts right after the
/// designation is the rest of it ("F-102" + "Delta Dagger"), unless it is a known place ("the
/// S-400 Turkey bought").
fn join_designations(toks: &[&str], labels: &mut [u8], cache: &mut SpanCache) {
    let designation = |t: &str| {
        let Some((head, num)) = t.split_once('-') else { return false };
        let digits = num.bytes().take_while(u8::is_ascii_digit).count();
        (1..=4).contains(&head.len())
            && head.starts_with(|c: char| c.is_ascii_uppercase())
            && head.bytes().all(|b| b.is_ascii_alphabetic())
            && (1..=4).contains(&digits)
            && num.len() - digits <= 2
            && num[digits..].bytes().all(|b| b.is_ascii_uppercase())
    };
    for &(s, e, t) in cache.spans(labels) {
        let capitalized = toks[s..e].iter().all(|t| t.starts_with(char::is_uppercase));
        if !capitalized || t == MISC || t == ORG && toks[s..e].iter().any(|w| org_word(w)) {
            continue;
        }
        if e > s + 1 && designation(toks[s]) {
            set_name(labels, s, e, MISC);
        } else if s > 0 && labels[s - 1] == 0 && designation(toks[s - 1]) && !known_place(&toks[s..e]) {
            set_name(labels, s - 1, e, MISC);
        }
    }
}

/// A personal pronoun written as one (not in capitals, where "US" and "IT" are names): the
/// tagger sometimes reads a quote's opening "We" as an organisation; no name is a pronoun.
fn is_pronoun(token: &str) -> bool {
    #[rustfmt::skip]
    const PRONOUNS: &[&str] = &[
        "I", "We", "we", "Us", "us", "You", "you", "He", "he", "She", "she", "It", "it", "They", "they", "Them",
        "them", "Him", "him", "Her", "her", "Me", "me",
    ];
    PRONOUNS.contains(&token)
}
