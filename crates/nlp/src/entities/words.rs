//! The word lists the entity linker and the quotation finder read (`resources/cues_*.txt`,
//! `titles.txt`, `roles.txt`, `pronouns*.txt`, `sources.txt`), merged into one table keyed by
//! the lowercased word, and a per-document view of what each token is.
//!
//! A lookup folds ASCII case, drops one final period ("Sen." is "sen") and packs the word into
//! an integer, so that it costs a few arithmetic steps and one probe of an open-addressed table:
//! both components look up every word of every document.

use dossier_model::{Doc, Span, Token, TokenKind};
use std::sync::OnceLock;

/// Flags of a word (bits of [`Info::flags`]).
pub(crate) mod f {
    /// A personal pronoun.
    pub const PRON: u64 = 1 << 0;
    /// Pronoun case: subject.
    pub const P_SUBJ: u64 = 1 << 1;
    /// Pronoun case: object.
    pub const P_OBJ: u64 = 1 << 2;
    /// Pronoun case: possessive.
    pub const P_POSS: u64 = 1 << 3;
    /// Pronoun case: reflexive.
    pub const P_REFL: u64 = 1 << 4;
    /// First person.
    pub const P_1: u64 = 1 << 5;
    /// Second person.
    pub const P_2: u64 = 1 << 6;
    /// Plural (pronouns and source nouns).
    pub const PLURAL: u64 = 1 << 7;
    /// An honorific (Mr, Dr).
    pub const HON: u64 = 1 << 8;
    /// A title that may stand before a name (President, Sen.).
    pub const TITLE: u64 = 1 << 9;
    /// A noun naming a person by role (minister, lawyer).
    pub const ROLE: u64 = 1 << 10;
    /// A word that may stand inside a role (home, deputy, former).
    pub const ROLE_MOD: u64 = 1 << 11;
    /// An unnamed person or body as a source (official, spokeswoman, government).
    pub const SRC: u64 = 1 << 12;
    /// A text or record as a source (letter, report).
    pub const ARTIFACT: u64 = 1 << 13;
    /// Cue class S: speech.
    pub const CUE_S: u64 = 1 << 14;
    /// Cue class R: takes a recipient.
    pub const CUE_R: u64 = 1 << 15;
    /// Cue class T: belief.
    pub const CUE_T: u64 = 1 << 16;
    /// Cue class I: intention with a to-infinitive.
    pub const CUE_I: u64 = 1 << 17;
    /// Cue class O: its object is the content.
    pub const CUE_O: u64 = 1 << 18;
    /// Cue class W: weak, only with a clause, a quotation or a colon.
    pub const CUE_W: u64 = 1 << 19;
    /// Any cue class.
    pub const CUE: u64 = CUE_S | CUE_R | CUE_T | CUE_I | CUE_O | CUE_W;
    /// Determiner.
    pub const DET: u64 = 1 << 20;
    /// Auxiliary or modal.
    pub const AUX: u64 = 1 << 21;
    /// A form of "be".
    pub const BE: u64 = 1 << 22;
    /// Adverb that may stand between subject and cue.
    pub const ADV: u64 = 1 << 23;
    /// Negation.
    pub const NEG: u64 = 1 << 24;
    /// Preposition.
    pub const PREP: u64 = 1 << 25;
    /// Coordinating conjunction.
    pub const CONJ: u64 = 1 << 26;
    /// Relative word (who, which).
    pub const WH: u64 = 1 << 27;
    /// Complementizer (that, whether).
    pub const COMP: u64 = 1 << 28;
    /// A time word (Monday, yesterday).
    pub const TIME: u64 = 1 << 29;
    /// A given name.
    pub const GIVEN: u64 = 1 << 30;
    /// Cue form: -ing.
    pub const ING: u64 = 1 << 31;
    /// Cue form: the base form (say).
    pub const BASE: u64 = 1 << 32;
    /// Cue form: third person singular (says).
    pub const S3: u64 = 1 << 33;
    /// Cue form: past or participle (said).
    pub const PAST: u64 = 1 << 34;
    /// An organisation or group described, not named (ministry, government).
    pub const BODY: u64 = 1 << 35;
    /// A word a nickname definition starts with (known, dubbed, nicknamed, alias, called).
    pub const ALIAS_CUE: u64 = 1 << 36;
    /// "the".
    pub const THE: u64 = 1 << 37;
    /// "according".
    pub const ACCORDING: u64 = 1 << 38;
    /// Cue class P: the content may follow a preposition ("referring to X"); which ones, in
    /// the bits of [`PARTICLES`] from bit 52 on.
    pub const CUE_P: u64 = 1 << 39;
    /// Cue class B: takes a reported clause without "that".
    pub const CUE_B: u64 = 1 << 40;
    /// Cue class E: a weak cue that a text or record speaking makes a full one ("the poll
    /// finds Trump leading", "..., records show").
    pub const CUE_E: u64 = 1 << 41;
    /// The prepositions of class P, in this order from bit 52.
    pub const PARTICLES: [&str; 8] = ["to", "about", "for", "on", "against", "at", "of", "out"];
    /// The first of the particle bits.
    pub const PARTICLE_SHIFT: u32 = 52;
}

/// Grammatical gender as far as a word tells.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) enum Gender {
    /// Nothing known, or either.
    #[default]
    Any,
    /// Masculine.
    Male,
    /// Feminine.
    Female,
    /// A thing ("it").
    Neuter,
}

impl Gender {
    fn parse(s: &str) -> Gender {
        match s {
            "m" => Gender::Male,
            "f" => Gender::Female,
            "n" => Gender::Neuter,
            _ => Gender::Any,
        }
    }

    /// True when the two may refer to the same person.
    pub(crate) fn agrees(self, other: Gender) -> bool {
        self == Gender::Any || other == Gender::Any || self == other
    }
}

/// What the lists say about one word: bits of [`f`], with the gender (of pronouns, titles,
/// role nouns and given names) in bits 48 and 49. Eight bytes, so that a document's view
/// stays small.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Info {
    /// Bits of [`f`] and the gender.
    pub flags: u64,
}

const G_SHIFT: u32 = 48;

impl Info {
    /// True when the cue takes its content after the preposition `p` ("referring to").
    pub(crate) fn particle(&self, p: &str) -> bool {
        f::PARTICLES
            .iter()
            .position(|x| x.eq_ignore_ascii_case(p))
            .is_some_and(|k| self.flags & (1 << (f::PARTICLE_SHIFT + k as u32)) != 0)
    }

    fn new(flags: u64, gender: Gender) -> Info {
        let g = match gender {
            Gender::Any => 0u64,
            Gender::Male => 1,
            Gender::Female => 2,
            Gender::Neuter => 3,
        };
        Info { flags: flags | (g << G_SHIFT) }
    }

    #[inline]
    pub(crate) fn has(&self, bits: u64) -> bool {
        self.flags & bits != 0
    }

    /// The gender the word carries.
    #[inline]
    pub(crate) fn gender(&self) -> Gender {
        match (self.flags >> G_SHIFT) & 3 {
            1 => Gender::Male,
            2 => Gender::Female,
            3 => Gender::Neuter,
            _ => Gender::Any,
        }
    }
}

/// The merged table.
pub(crate) struct Words {
    keys: Vec<u128>,
    vals: Vec<Info>,
    mask: usize,
    /// One bit per hash value of every listed word, in 8 KiB: most words of a text are not
    /// listed, and this answers for them without touching the table.
    filter: Vec<u64>,
}

const FILTER_BITS: u32 = 16;

#[inline]
fn filter_bit(k: u128) -> usize {
    let x = (k as u64).wrapping_add(((k >> 64) as u64).wrapping_mul(0x2545_F491_4F6C_DD1D));
    (x.wrapping_mul(0xA076_1D64_78BD_642F) >> (64 - FILTER_BITS)) as usize
}

/// The word as a number: lowercased ASCII, one final period dropped, 1 to 15 bytes. The curly
/// apostrophe of clitics ("’s") is read as a straight one.
#[inline]
pub(crate) fn key(w: &str) -> Option<u128> {
    key_bytes(w.as_bytes())
}

/// Up to eight bytes as a little-endian number, without a byte loop.
#[inline(always)]
fn load(b: &[u8]) -> u64 {
    let n = b.len();
    if n >= 8 {
        u64::from_le_bytes([b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7]])
    } else if n >= 4 {
        let lo = u32::from_le_bytes([b[0], b[1], b[2], b[3]]) as u64;
        let hi = u32::from_le_bytes([b[n - 4], b[n - 3], b[n - 2], b[n - 1]]) as u64;
        lo | (hi << (8 * (n - 4)))
    } else if n > 0 {
        (b[0] as u64) | ((b[n / 2] as u64) << (8 * (n / 2))) | ((b[n - 1] as u64) << (8 * (n - 1)))
    } else {
        0
    }
}

/// ASCII capitals of eight packed bytes made small (the standard library's trick).
#[inline(always)]
fn lower8(x: u64) -> u64 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let heptets = x & !HIGH;
    let ge_a = heptets.wrapping_add((0x80 - b'A' as u64) * ONES);
    let gt_z = heptets.wrapping_add((0x7F - b'Z' as u64) * ONES);
    let upper = (ge_a ^ gt_z) & !x & HIGH;
    x | (upper >> 2)
}

#[inline(always)]
fn key_bytes(mut b: &[u8]) -> Option<u128> {
    let len = b.len();
    if len == 0 || len > 18 {
        return None;
    }
    if len > 1 && b[len - 1] == b'.' {
        b = &b[..len - 1];
    }
    let mut prefix = 0u64;
    let mut shift = 0;
    if b.len() > 3 && b[0] == 0xE2 && b[1] == 0x80 && b[2] == 0x99 {
        // "’s", "’re": the apostrophe as "'"
        prefix = b'\'' as u64;
        shift = 1;
        b = &b[3..];
    }
    let n = b.len() + shift;
    if n > 15 || b.is_empty() {
        return None;
    }
    let (lo, hi) = if b.len() > 8 { (load(&b[..8]), load(&b[8..])) } else { (load(b), 0) };
    if (lo | hi) & 0x8080_8080_8080_8080 != 0 {
        return None;
    }
    let (lo, hi) = (lower8(lo), lower8(hi));
    let mut k = (u128::from(hi) << 64 | u128::from(lo)) << (8 * shift) | u128::from(prefix);
    // the length in the last byte keeps "\0a" apart from "a"
    k |= (n as u128) << 120;
    Some(k)
}

#[inline]
fn slot(k: u128, mask: usize) -> usize {
    let x = (k as u64) ^ ((k >> 64) as u64).rotate_left(29);
    (x.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 40) as usize & mask
}

impl Words {
    fn build(entries: Vec<(u128, Info)>) -> Words {
        let cap = (entries.len() * 2).next_power_of_two().max(16);
        let mut w = Words {
            keys: vec![0; cap],
            vals: vec![Info::default(); cap],
            mask: cap - 1,
            filter: vec![0; 1 << (FILTER_BITS - 6)],
        };
        for (k, info) in entries {
            let b = filter_bit(k);
            w.filter[b >> 6] |= 1 << (b & 63);
            let mut s = slot(k, w.mask);
            loop {
                if w.keys[s] == 0 {
                    w.keys[s] = k;
                    w.vals[s] = info;
                    break;
                }
                if w.keys[s] == k {
                    let v = &mut w.vals[s];
                    let g = if v.gender() == Gender::Any { info.gender() } else { v.gender() };
                    let gmask = 3u64 << G_SHIFT;
                    *v = Info::new((v.flags | info.flags) & !gmask, g);
                    break;
                }
                s = (s + 1) & w.mask;
            }
        }
        w
    }

    /// The gender the first word of a person's name tells: the short list of
    /// `pronouns_given_names.txt` first, then, for a name of two words or more (`full`: a lone
    /// surname such as "Harris" or "Clinton" is also a census given name), the census lists of
    /// the NER lexicon ("Wilhelmina", "Cornelius"); `Any` for a name both bear or none.
    pub(crate) fn given_gender(&self, word: &str, full: bool) -> Gender {
        let inf = self.get(word);
        if inf.has(f::GIVEN) {
            return inf.gender();
        }
        // (a capitalized word only: "will" or "may" in a sentence is no name)
        if !full || !word.starts_with(char::is_uppercase) || inf.has(f::ROLE | f::TITLE | f::HON) {
            return Gender::Any;
        }
        match crate::ner::given_name_is_female(word) {
            Some(true) => Gender::Female,
            Some(false) => Gender::Male,
            None => Gender::Any,
        }
    }

    /// [`Words::given_gender`] of the first word of a name as written ("Wilhelmina Ellery"); `Any`
    /// where the census alone genders the first word and the short list genders the second
    /// otherwise ("Marine John Tiegen", a marine whose descriptor the tagger took into his name).
    pub(crate) fn name_gender(&self, name: &str) -> Gender {
        let mut words = name.split_whitespace();
        let first = words.next().unwrap_or("");
        let second = words.next();
        let g = self.given_gender(first, second.is_some());
        let listed = |w: &str| self.get(w).has(f::GIVEN);
        match second {
            Some(w) if !listed(first) && listed(w) && !self.get(w).gender().agrees(g) => Gender::Any,
            _ => g,
        }
    }

    /// What the lists say about `word` (nothing for an unlisted word).
    #[inline]
    pub(crate) fn get(&self, word: &str) -> Info {
        match key(word) {
            Some(k) => self.get_key(k),
            None => Info::default(),
        }
    }

    #[inline]
    fn get_key(&self, k: u128) -> Info {
        let b = filter_bit(k);
        if self.filter[b >> 6] & (1 << (b & 63)) == 0 {
            return Info::default();
        }
        let mut s = slot(k, self.mask);
        loop {
            let here = self.keys[s];
            if here == k {
                return self.vals[s];
            }
            if here == 0 {
                return Info::default();
            }
            s = (s + 1) & self.mask;
        }
    }
}

fn lines(src: &'static str) -> impl Iterator<Item = &'static str> {
    src.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#'))
}

fn parse_all() -> Words {
    let mut out: Vec<(u128, Info)> = Vec::new();
    let mut push = |w: &str, flags: u64, gender: Gender| {
        if let Some(k) = key(w) {
            out.push((k, Info::new(flags, gender)));
        }
    };
    for l in lines(include_str!("../resources/pronouns.txt")) {
        let c: Vec<&str> = l.split_whitespace().collect();
        if c.len() < 5 {
            continue;
        }
        let mut fl = f::PRON;
        fl |= match c[1] {
            "1" => f::P_1,
            "2" => f::P_2,
            _ => 0,
        };
        if c[2] == "pl" {
            fl |= f::PLURAL;
        }
        fl |= match c[4] {
            "subj" => f::P_SUBJ,
            "obj" => f::P_OBJ,
            "poss" => f::P_POSS,
            _ => f::P_REFL,
        };
        // "her" is object and possessive
        if c[0] == "her" {
            fl |= f::P_POSS;
        }
        push(c[0], fl, Gender::parse(c[3]));
    }
    for l in lines(include_str!("../resources/titles.txt")) {
        let c: Vec<&str> = l.split_whitespace().collect();
        if c.len() < 3 {
            continue;
        }
        let fl = if c[1] == "hon" { f::HON } else { f::TITLE };
        push(c[0], fl, Gender::parse(c[2]));
    }
    for l in lines(include_str!("../resources/roles.txt")) {
        let c: Vec<&str> = l.split_whitespace().collect();
        if c.len() < 3 {
            continue;
        }
        let fl = if c[1] == "head" { f::ROLE } else { f::ROLE_MOD };
        push(c[0], fl, Gender::parse(c[2]));
    }
    for l in lines(include_str!("../resources/sources.txt")) {
        let c: Vec<&str> = l.split_whitespace().collect();
        if c.len() < 4 {
            continue;
        }
        let mut fl = match c[1] {
            "artifact" => f::ARTIFACT,
            "body" => f::BODY,
            _ => f::SRC,
        };
        if c[3] == "pl" {
            fl |= f::PLURAL;
        }
        push(c[0], fl, Gender::parse(c[2]));
    }
    for l in lines(include_str!("../resources/cues_grammar.txt")) {
        let c: Vec<&str> = l.split_whitespace().collect();
        if c.len() < 2 {
            continue;
        }
        let mut fl = 0;
        for t in c[1].split(',') {
            fl |= match t {
                "det" => f::DET,
                "aux" => f::AUX,
                "be" => f::BE,
                "adv" => f::ADV,
                "neg" => f::NEG,
                "prep" => f::PREP,
                "conj" => f::CONJ,
                "wh" => f::WH,
                "comp" => f::COMP,
                "time" => f::TIME,
                _ => 0,
            };
        }
        push(c[0], fl, Gender::Any);
    }
    for l in lines(include_str!("../resources/pronouns_given_names.txt")) {
        let c: Vec<&str> = l.split_whitespace().collect();
        if c.len() == 2 {
            push(c[0], f::GIVEN, Gender::parse(c[1]));
        }
    }
    for w in ["known", "dubbed", "nicknamed", "alias", "aka", "a.k.a", "called"] {
        push(w, f::ALIAS_CUE, Gender::Any);
    }
    push("the", f::THE, Gender::Any);
    push("according", f::ACCORDING, Gender::Any);
    for l in lines(include_str!("../resources/cues_verbs.txt")) {
        let Some((forms, classes)) = l.split_once('|') else { continue };
        let forms: Vec<&'static str> = forms.split_whitespace().collect();
        let Some(&lemma) = forms.first() else { continue };
        let mut fl = 0;
        for c in classes.split_whitespace() {
            fl |= match c {
                "S" => f::CUE_S,
                "R" => f::CUE_R,
                "T" => f::CUE_T,
                "I" => f::CUE_I,
                "O" => f::CUE_O,
                "W" => f::CUE_W,
                "B" => f::CUE_B,
                "E" => f::CUE_E,
                _ => 0,
            };
            if let Some(ps) = c.strip_prefix("P:") {
                fl |= f::CUE_P;
                for p in ps.split(',') {
                    if let Some(k) = f::PARTICLES.iter().position(|x| *x == p) {
                        fl |= 1 << (f::PARTICLE_SHIFT + k as u32);
                    }
                }
            }
        }
        for form in forms {
            let shape = if form == lemma {
                f::BASE
            } else if form.ends_with("ing") {
                f::ING
            } else if form.ends_with('s') && (form.len() == lemma.len() + 1 || form.ends_with("es")) {
                f::S3
            } else {
                f::PAST
            };
            push(form, fl | shape, Gender::Any);
        }
    }
    Words::build(out)
}

/// A fast hasher for the small per-document maps (FxHash's multiply-rotate): the standard
/// SipHash is built to resist attacks on long-lived tables, which these are not.
#[derive(Default, Clone, Copy)]
pub(crate) struct Fx(u64);

impl std::hash::Hasher for Fx {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        for chunk in bytes.chunks(8) {
            let mut v = [0u8; 8];
            v[..chunk.len()].copy_from_slice(chunk);
            self.0 = (self.0.rotate_left(5) ^ u64::from_le_bytes(v)).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
        }
    }
    #[inline]
    fn write_usize(&mut self, i: usize) {
        self.0 = (self.0.rotate_left(5) ^ i as u64).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
    #[inline]
    fn finish(&self) -> u64 {
        self.0
    }
}

/// A hash map with [`Fx`].
pub(crate) type FxMap<K, V> = std::collections::HashMap<K, V, std::hash::BuildHasherDefault<Fx>>;
/// A hash set with [`Fx`].
pub(crate) type FxSet<K> = std::collections::HashSet<K, std::hash::BuildHasherDefault<Fx>>;

/// The table, built once per process.
pub(crate) fn words() -> &'static Words {
    static W: OnceLock<Words> = OnceLock::new();
    W.get_or_init(parse_all)
}

/// What each token of a document is: one lookup per word, in one pass.
pub(crate) struct View<'a> {
    /// The text.
    pub text: &'a str,
    /// The tokens.
    pub toks: &'a [Token],
    /// Per token: what the lists say.
    pub info: Vec<Info>,
    /// Per token: its sentence.
    pub sent: Vec<u32>,
    /// Per sentence: its first token and one past its last.
    pub sent_toks: Vec<(usize, usize)>,
}

/// A role written with hyphens that the lists do not hold is one by its head: the word after a
/// prefix of rank or time ("vice-president", "co-host", "ex-president", "then-senator"), or the
/// first before "in", "at" or "of" ("editor-in-chief", "sergeant-at-arms"); not an adjective
/// ("five-star", "head-to-head").
fn hyphenated_role(w: &Words, word: &str) -> Info {
    #[rustfmt::skip]
    const PREFIXES: &[&str] = &[
        "vice", "co", "ex", "then", "deputy", "acting", "assistant", "associate", "joint", "under", "sub", "chief",
        "senior", "interim", "former", "lieutenant",
    ];
    let parts: Vec<&str> = word.split('-').collect();
    let head = match parts[..] {
        [first, "in" | "at" | "of", _, ..] => first,
        [prefix, last] if PREFIXES.iter().any(|p| prefix.eq_ignore_ascii_case(p)) => last,
        _ => return Info::default(),
    };
    let inf = w.get(head);
    Info::new(inf.flags & (f::ROLE | f::TITLE), inf.gender())
}

impl<'a> View<'a> {
    /// The view of a document's tokens and sentences.
    pub(crate) fn new(doc: &'a Doc) -> View<'a> {
        let w = words();
        let text = doc.text.as_str();
        let toks = doc.tokens.as_slice();
        let bytes = text.as_bytes();
        let info: Vec<Info> = toks
            .iter()
            .map(|t| match t.kind {
                TokenKind::Word => match bytes.get(t.span.start..t.span.end).and_then(key_bytes) {
                    Some(k) => match w.get_key(k) {
                        inf if inf.flags == 0 && bytes[t.span.start..t.span.end].contains(&b'-') => {
                            hyphenated_role(w, t.span.of(text))
                        }
                        inf => inf,
                    },
                    None => Info::default(),
                },
                _ => Info::default(),
            })
            .collect();
        let (sent, sent_toks) = sentence_index(toks, &doc.sentences);
        View { text, toks, info, sent, sent_toks }
    }

    /// The token's text.
    #[inline]
    pub(crate) fn s(&self, i: usize) -> &'a str {
        self.toks[i].span.of(self.text)
    }

    /// The first token that starts at or after byte `at` of the text (the number of tokens
    /// when none does).
    pub(crate) fn token_from(&self, at: usize) -> usize {
        self.toks.partition_point(|t| t.span.start < at)
    }

    /// The first byte of token `i`, or 0 past the end.
    #[inline]
    pub(crate) fn byte(&self, i: usize) -> u8 {
        self.toks.get(i).map_or(0, |t| self.text.as_bytes()[t.span.start])
    }

    /// True when token `i` is a word starting with a capital letter.
    #[inline]
    pub(crate) fn cap(&self, i: usize) -> bool {
        let Some(t) = self.toks.get(i) else { return false };
        if t.kind != TokenKind::Word {
            return false;
        }
        let s = t.span.of(self.text);
        s.chars().next().is_some_and(char::is_uppercase)
    }

    /// True when token `i` is exactly `s` (ASCII case folded).
    #[inline]
    pub(crate) fn is(&self, i: usize, s: &str) -> bool {
        self.toks.get(i).is_some_and(|t| t.span.of(self.text).eq_ignore_ascii_case(s))
    }

    /// True when token `i` is the possessive "'s" (or "’s").
    pub(crate) fn possessive(&self, i: usize) -> bool {
        self.is(i, "'s") || self.is(i, "’s")
    }

    /// True when token `i` is the one-character punctuation `c`.
    #[inline]
    pub(crate) fn punct(&self, i: usize, c: u8) -> bool {
        self.toks.get(i).is_some_and(|t| t.span.len() == 1 && self.text.as_bytes()[t.span.start] == c)
    }

    /// True when token `i` is a dash (-, --, –, —).
    pub(crate) fn dash(&self, i: usize) -> bool {
        let Some(t) = self.toks.get(i) else { return false };
        let s = t.span.of(self.text);
        t.kind == TokenKind::Punct && (s.starts_with('-') || s.starts_with('–') || s.starts_with('—') || s == "―")
    }

    /// True when tokens `i` and `i + 1` are separated by nothing but spaces on one line.
    #[inline]
    pub(crate) fn next_on_line(&self, i: usize) -> bool {
        i + 1 < self.toks.len() && !self.text[self.toks[i].span.end..self.toks[i + 1].span.start].contains('\n')
    }

    /// True when token `i` is the first of its sentence.
    #[inline]
    pub(crate) fn opens_sentence(&self, i: usize) -> bool {
        self.sent_toks[self.sent[i] as usize].0 == i
    }

    /// Number of tokens.
    #[inline]
    pub(crate) fn len(&self) -> usize {
        self.toks.len()
    }
}

/// Per token its sentence, and per sentence its token range. Tokens outside every sentence
/// get the sentence before them.
pub(crate) fn sentence_index(toks: &[Token], sentences: &[Span]) -> (Vec<u32>, Vec<(usize, usize)>) {
    let mut sent = vec![0u32; toks.len()];
    let mut ranges = Vec::with_capacity(sentences.len().max(1));
    let mut k = 0;
    for (si, s) in sentences.iter().enumerate() {
        let a = k;
        while k < toks.len() && toks[k].span.start < s.end {
            sent[k] = si as u32;
            k += 1;
        }
        ranges.push((a, k));
    }
    if k < toks.len() {
        let si = ranges.len();
        for x in &mut sent[k..] {
            *x = si as u32;
        }
        ranges.push((k, toks.len()));
    }
    if ranges.is_empty() {
        ranges.push((0, 0));
    }
    (sent, ranges)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_merge_and_fold_case() {
        let w = words();
        assert!(w.get("Said").has(f::CUE_S));
        assert!(w.get("said").has(f::PAST));
        assert!(w.get("saying").has(f::ING));
        assert!(w.get("Sen.").has(f::TITLE));
        assert!(w.get("Mr").has(f::HON));
        assert_eq!(w.get("Mrs.").gender(), Gender::Female);
        assert_eq!(w.get("she").gender(), Gender::Female);
        assert!(w.get("spokeswoman").has(f::SRC | f::ROLE));
        assert!(w.get("letter").has(f::ARTIFACT));
        assert!(w.get("’s").has(f::BE));
        assert!(!w.get("zebra").has(f::CUE));
        assert_eq!(w.get("Omar").gender(), Gender::Male);
        assert!(w.get("told").has(f::CUE_R));
    }
}
