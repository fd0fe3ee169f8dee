//! The document model that flows through dossier: one [`Doc`] owns its text, and every layer
//! (tokens, sentences, mentions, entities, quotes, times, numbers) is a list of records whose
//! spans are UTF-8 **byte** offsets into [`Doc::text`]. Byte offsets become character offsets
//! only at the JSON edge ([`contract`]), because the extraction contract speaks characters.
//!
//! ```
//! use dossier_model::{Doc, Span};
//! let mut doc = Doc::new("d1", "Café owner Ann Lee spoke.");
//! doc.sentences.push(Span::new(0, doc.text.len()));
//! let out = dossier_model::contract::DocRecord::from_doc(&doc);
//! assert_eq!(out.sentences, vec![[0, 25]]); // characters, not bytes
//! ```
#![warn(missing_docs)]

pub mod contract;
mod offsets;

pub use offsets::CharIndex;
use serde::{Deserialize, Serialize};

/// A half-open range `[start, end)` of UTF-8 byte offsets into a document's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize)]
pub struct Span {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end`.
    pub const fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }
    /// Length in bytes.
    pub const fn len(&self) -> usize {
        self.end - self.start
    }
    /// True when the span covers nothing.
    pub const fn is_empty(&self) -> bool {
        self.end <= self.start
    }
    /// The covered text.
    pub fn of<'a>(&self, text: &'a str) -> &'a str {
        &text[self.start..self.end]
    }
    /// True when the two spans share at least one byte.
    pub const fn overlaps(&self, other: &Span) -> bool {
        self.start < other.end && other.start < self.end
    }
}

/// Spans that may overlap one another, asked whether any of them overlaps a given span in
/// logarithmic time (a scan per question made long documents quadratic).
#[derive(Debug, Clone, Default)]
pub struct SpanSet {
    /// The spans, by start.
    spans: Vec<Span>,
    /// `reach[k]`: the largest end among `spans[..=k]`.
    reach: Vec<usize>,
}

impl SpanSet {
    /// The set of `spans`, in any order.
    pub fn new(spans: impl IntoIterator<Item = Span>) -> SpanSet {
        let mut spans: Vec<Span> = spans.into_iter().collect();
        spans.sort_unstable();
        let reach = spans
            .iter()
            .scan(0, |r, s| {
                *r = s.end.max(*r);
                Some(*r)
            })
            .collect();
        SpanSet { spans, reach }
    }

    /// True when [`Span::overlaps`] holds for `span` and a span of the set.
    pub fn overlaps(&self, span: &Span) -> bool {
        // of the spans that start before `span` ends, one overlaps it when the furthest
        // reaching one ends after it starts
        let k = self.spans.partition_point(|s| s.start < span.end);
        k > 0 && self.reach[k - 1] > span.start
    }
}

/// What a token is, as far as the tokenizer can tell without a model.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum TokenKind {
    /// Letters, possibly with inner hyphens, apostrophes or periods (El-Sheikh, U.S.).
    Word,
    /// Digits, decimals, thousands, ordinals and clock times (1,000.5, 6.14am, 22nd).
    Number,
    /// Punctuation other than quote marks.
    Punct,
    /// A quotation mark or an apostrophe that is not inside a word.
    Quote,
    /// A URL or an email address.
    Link,
    /// Anything else (symbols, emoji).
    Symbol,
}

/// One token: a view into the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Token {
    /// Where it is.
    pub span: Span,
    /// What it is.
    pub kind: TokenKind,
    /// True when whitespace containing a blank line (a paragraph break) precedes the token.
    pub para_start: bool,
}

/// Entity types of the contract.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum EntityType {
    /// People.
    Person,
    /// Organisations.
    Org,
    /// Countries, cities, regions, places.
    Loc,
    /// Nationalities, events, works, other names.
    Misc,
    /// Email addresses.
    Email,
    /// Phone numbers.
    Phone,
    /// URLs.
    Url,
}

/// How a mention refers to its entity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum MentionKind {
    /// A full proper name.
    Name,
    /// A short form or nickname of a named entity.
    Alias,
    /// A pronoun linked to an entity.
    Pronoun,
    /// A description ("the minister") linked to an entity.
    Nominal,
    /// A pattern match: email, phone, URL.
    Pattern,
}

/// One mention of an entity in the text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Mention {
    /// Where it is (the name only, without titles).
    pub span: Span,
    /// Its type.
    pub ty: EntityType,
    /// Index into [`Doc::entities`], when linked.
    pub entity: Option<usize>,
    /// How it refers.
    pub kind: MentionKind,
}

/// An entity of one document, with everything the text says it is called and does.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entity {
    /// Its type.
    pub ty: EntityType,
    /// Canonical name (the longest full name used).
    pub name: String,
    /// Other written forms ("Mr Javid", "Jihadi John").
    pub aliases: Vec<String>,
    /// Roles and titles ("Home Secretary").
    pub roles: Vec<String>,
    /// Indexes into [`Doc::mentions`].
    pub mentions: Vec<usize>,
}

/// Kind of a quotation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum QuoteKind {
    /// Words between quote marks.
    Direct,
    /// Reported speech containing a quoted phrase.
    Partial,
    /// Reported speech without quote marks.
    Indirect,
}

impl QuoteKind {
    /// The contract's name of the kind, as serialized.
    pub fn as_str(self) -> &'static str {
        match self {
            QuoteKind::Direct => "direct",
            QuoteKind::Partial => "partial",
            QuoteKind::Indirect => "indirect",
        }
    }
}

/// A quotation or reported statement.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Quote {
    /// From the opening mark to the closing one (direct), or the reported content.
    pub span: Span,
    /// The quoted pieces without marks.
    pub parts: Vec<Span>,
    /// Direct, partial or indirect.
    pub kind: QuoteKind,
    /// Index into [`Doc::entities`] of the speaker, when resolved.
    pub speaker: Option<usize>,
    /// The words that name the speaker.
    pub speaker_span: Option<Span>,
    /// The cue ("said").
    pub cue_span: Option<Span>,
}

/// Kind of a time expression (TimeML TIMEX3 types).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum TimeType {
    /// A calendar date or period.
    Date,
    /// A time of day.
    Time,
    /// A length of time.
    Duration,
    /// A recurrence.
    Set,
}

/// A normalized time expression.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TimeExpr {
    /// Where it is.
    pub span: Span,
    /// TIMEX3 type.
    pub ty: TimeType,
    /// TIMEX3 value (2018-06-22, P4Y, PRESENT_REF, ...).
    pub value: String,
}

/// Kind of an amount.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum NumberKind {
    /// A count of things.
    Count,
    /// Money.
    Money,
    /// A percentage.
    Percent,
    /// A measured quantity.
    Quantity,
}

/// An amount with what it counts.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Amount {
    /// Where it is, including qualifier and unit.
    pub span: Span,
    /// Kind.
    pub kind: NumberKind,
    /// The numeric value.
    pub value: f64,
    /// What is counted or the currency.
    pub unit: Option<String>,
    /// "more than", "about", ...
    pub qualifier: Option<String>,
}

/// Size and modification time of a file when it was read; an unchanged stamp means an
/// ingest need not read the file again.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct FileStamp {
    /// Size in bytes.
    pub size: u64,
    /// Modification time, nanoseconds since the epoch.
    pub mtime_ns: i64,
}

/// One document and all its layers.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Doc {
    /// The user's name for it: feed id or path.
    pub id: String,
    /// The path as given, or None for standard input.
    pub source: Option<String>,
    /// Its own URL where known.
    pub url: Option<String>,
    /// Title.
    pub title: Option<String>,
    /// Author line.
    pub byline: Option<String>,
    /// Publication date, YYYY-MM-DD.
    pub published: Option<String>,
    /// ISO 639-1 language code.
    pub lang: Option<String>,
    /// The date relative expressions are anchored to when the document has no `published`
    /// date of its own (`--date`); YYYY-MM-DD. Not part of the contract's output.
    pub reference_date: Option<String>,
    /// The plain text all spans refer to. Components never edit it.
    pub text: String,
    /// Tokens in text order.
    pub tokens: Vec<Token>,
    /// Sentences in text order.
    pub sentences: Vec<Span>,
    /// Mentions in text order.
    pub mentions: Vec<Mention>,
    /// Entities.
    pub entities: Vec<Entity>,
    /// Quotations.
    pub quotes: Vec<Quote>,
    /// Time expressions.
    pub times: Vec<TimeExpr>,
    /// Amounts.
    pub numbers: Vec<Amount>,
    /// What was recovered from imperfect input.
    pub warnings: Vec<String>,
}

impl Doc {
    /// A document with an id and text and no layers.
    pub fn new(id: impl Into<String>, text: impl Into<String>) -> Self {
        Doc { id: id.into(), text: text.into(), ..Default::default() }
    }

    /// Hex SHA-256 of the normalized content: the text with line endings unified and outer
    /// whitespace trimmed, so a re-saved file with CRLF endings is the same document.
    pub fn content_hash(&self) -> String {
        content_hash(&self.text)
    }

    /// The anchor for relative dates: the publication date, else the reference date.
    pub fn anchor_date(&self) -> Option<&str> {
        self.published.as_deref().or(self.reference_date.as_deref())
    }
}

/// Hex SHA-256 of bytes.
pub fn content_hash_bytes(bytes: &[u8]) -> String {
    use sha2::{Digest, Sha256};
    hex(&Sha256::digest(bytes))
}

fn hex(digest: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut out = String::with_capacity(digest.len() * 2);
    for &b in digest {
        out.push(DIGITS[usize::from(b >> 4)] as char);
        out.push(DIGITS[usize::from(b & 15)] as char);
    }
    out
}

/// Hex SHA-256 of text with `\r\n` and `\r` read as `\n` and outer whitespace trimmed.
pub fn content_hash(text: &str) -> String {
    use sha2::{Digest, Sha256};
    let mut h = Sha256::new();
    let t = text.trim();
    let mut rest = t.as_bytes();
    while let Some(i) = rest.iter().position(|&b| b == b'\r') {
        h.update(&rest[..i]);
        h.update(b"\n");
        rest = &rest[i + 1..];
        if rest.first() == Some(&b'\n') {
            rest = &rest[1..];
        }
    }
    h.update(rest);
    hex(&h.finalize())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quote_kind_names_are_the_serialized_ones() {
        for kind in [QuoteKind::Direct, QuoteKind::Partial, QuoteKind::Indirect] {
            assert_eq!(serde_json::to_value(kind).unwrap(), kind.as_str());
        }
    }

    #[test]
    fn a_span_set_answers_as_every_pair_would() {
        // nested, overlapping, touching and empty spans, in no order
        let spans = [(10, 20), (12, 14), (30, 31), (0, 3), (25, 25), (18, 40), (50, 55)].map(|(a, b)| Span::new(a, b));
        let set = SpanSet::new(spans);
        for start in 0..60 {
            for end in start..62 {
                let q = Span::new(start, end);
                assert_eq!(set.overlaps(&q), spans.iter().any(|s| s.overlaps(&q)), "{q:?}");
            }
        }
        assert!(!SpanSet::new([]).overlaps(&Span::new(0, 5)));
    }

    #[test]
    fn hash_ignores_line_ending_style_and_outer_space() {
        assert_eq!(content_hash("a\r\nb\n"), content_hash("a\nb"));
        assert_eq!(content_hash("a\rb"), content_hash("a\nb"));
        assert_ne!(content_hash("a b"), content_hash("a  b"));
        assert_eq!(content_hash("").len(), 64);
    }

    #[test]
    fn hashes_are_lowercase_hex_sha256() {
        // FIPS 180-2's test vectors: stored hashes must not change with the hex encoding.
        assert_eq!(content_hash_bytes(b"abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assert_eq!(content_hash("  "), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    }

    #[test]
    fn span_helpers() {
        let s = Span::new(2, 5);
        assert_eq!(s.of("abcdefg"), "cde");
        assert!(s.overlaps(&Span::new(4, 9)));
        assert!(!s.overlaps(&Span::new(5, 9)));
    }
}
