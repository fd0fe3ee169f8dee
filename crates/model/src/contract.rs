//! The JSON records of the extraction contract (`shared/spec/extract-format.md`): one
//! [`DocRecord`] per document, or an [`ErrorRecord`] for a document that could not be read.
//! All offsets here are character offsets.

use crate::{CharIndex, Doc, EntityType, MentionKind, NumberKind, QuoteKind, TimeType};
use serde::{Deserialize, Serialize};

/// One document as `dossier extract` prints it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DocRecord {
    /// Feed id or path.
    pub id: String,
    /// Path as given, or null for standard input.
    pub source: Option<String>,
    /// Its own URL.
    pub url: Option<String>,
    /// Hex digest of the normalized content.
    pub hash: String,
    /// Title.
    pub title: Option<String>,
    /// Author line.
    pub byline: Option<String>,
    /// YYYY-MM-DD.
    pub published: Option<String>,
    /// ISO 639-1.
    pub lang: Option<String>,
    /// The text all offsets refer to.
    pub text: String,
    /// `[start, end]` pairs.
    pub sentences: Vec<[usize; 2]>,
    /// Entities.
    pub entities: Vec<EntityRecord>,
    /// Mentions.
    pub mentions: Vec<MentionRecord>,
    /// Quotations.
    pub quotes: Vec<QuoteRecord>,
    /// Time expressions.
    pub times: Vec<TimeRecord>,
    /// Amounts.
    pub numbers: Vec<NumberRecord>,
    /// What was recovered from imperfect input.
    pub warnings: Vec<String>,
}

/// An entity.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EntityRecord {
    /// "E1", "E2", ...
    pub id: String,
    /// Type label.
    #[serde(rename = "type")]
    pub ty: EntityType,
    /// Canonical name.
    pub name: String,
    /// Other written forms.
    pub aliases: Vec<String>,
    /// Roles and titles.
    pub roles: Vec<String>,
    /// `[start, end]` of each mention.
    pub mentions: Vec<[usize; 2]>,
}

/// A mention.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MentionRecord {
    /// First character.
    pub start: usize,
    /// One past the last character.
    pub end: usize,
    /// The text at `[start, end)`.
    pub text: String,
    /// Type label.
    #[serde(rename = "type")]
    pub ty: EntityType,
    /// Entity id or null.
    pub entity: Option<String>,
    /// name | alias | pronoun | nominal | pattern.
    pub kind: MentionKind,
}

/// A quotation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QuoteRecord {
    /// First character.
    pub start: usize,
    /// One past the last character.
    pub end: usize,
    /// Quoted pieces.
    pub parts: Vec<[usize; 2]>,
    /// The quoted words, parts joined by a space.
    pub text: String,
    /// direct | partial | indirect.
    pub kind: QuoteKind,
    /// Entity id of the speaker.
    pub speaker: Option<String>,
    /// Words naming the speaker.
    pub speaker_text: Option<String>,
    /// Their span.
    pub speaker_span: Option<[usize; 2]>,
    /// The cue word(s).
    pub cue: Option<String>,
    /// Their span.
    pub cue_span: Option<[usize; 2]>,
}

/// A time expression.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TimeRecord {
    /// First character.
    pub start: usize,
    /// One past the last character.
    pub end: usize,
    /// The text at `[start, end)`.
    pub text: String,
    /// TIMEX3 type.
    #[serde(rename = "type")]
    pub ty: TimeType,
    /// TIMEX3 value.
    pub value: String,
}

/// An amount.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NumberRecord {
    /// First character.
    pub start: usize,
    /// One past the last character.
    pub end: usize,
    /// The text at `[start, end)`.
    pub text: String,
    /// count | money | percent | quantity.
    pub kind: NumberKind,
    /// Numeric value.
    pub value: f64,
    /// What is counted, or the currency.
    pub unit: Option<String>,
    /// "more than", "about", ...
    pub qualifier: Option<String>,
}

/// A document that could not be read or processed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ErrorRecord {
    /// Feed id, path, or `<path>#<line>`.
    pub id: String,
    /// Path as given, or null for standard input.
    pub source: Option<String>,
    /// What went wrong.
    pub error: ErrorBody,
}

/// The `error` object.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ErrorBody {
    /// A stable code users can search for (`binary`, `too_large`, `invalid_json`, ...).
    pub kind: String,
    /// A sentence saying what is wrong.
    pub message: String,
}

fn entity_id(i: usize) -> String {
    format!("E{}", i + 1)
}

impl DocRecord {
    /// The contract's view of a document: byte spans become character spans.
    pub fn from_doc(doc: &Doc) -> Self {
        let idx = CharIndex::new(&doc.text);
        let text = &doc.text;
        let entities = doc
            .entities
            .iter()
            .enumerate()
            .map(|(i, e)| EntityRecord {
                id: entity_id(i),
                ty: e.ty,
                name: e.name.clone(),
                aliases: e.aliases.clone(),
                roles: e.roles.clone(),
                mentions: e.mentions.iter().filter_map(|&m| doc.mentions.get(m)).map(|m| idx.span(m.span)).collect(),
            })
            .collect();
        let mentions = doc
            .mentions
            .iter()
            .map(|m| {
                let [start, end] = idx.span(m.span);
                MentionRecord {
                    start,
                    end,
                    text: m.span.of(text).to_string(),
                    ty: m.ty,
                    entity: m.entity.map(entity_id),
                    kind: m.kind,
                }
            })
            .collect();
        let quotes = doc
            .quotes
            .iter()
            .map(|q| {
                let [start, end] = idx.span(q.span);
                QuoteRecord {
                    start,
                    end,
                    parts: q.parts.iter().map(|p| idx.span(*p)).collect(),
                    text: q.parts.iter().map(|p| p.of(text)).collect::<Vec<_>>().join(" "),
                    kind: q.kind,
                    speaker: q.speaker.map(entity_id),
                    speaker_text: q.speaker_span.map(|s| s.of(text).to_string()),
                    speaker_span: q.speaker_span.map(|s| idx.span(s)),
                    cue: q.cue_span.map(|s| s.of(text).to_string()),
                    cue_span: q.cue_span.map(|s| idx.span(s)),
                }
            })
            .collect();
        let times = doc
            .times
            .iter()
            .map(|t| {
                let [start, end] = idx.span(t.span);
                TimeRecord { start, end, text: t.span.of(text).to_string(), ty: t.ty, value: t.value.clone() }
            })
            .collect();
        let numbers = doc
            .numbers
            .iter()
            .map(|n| {
                let [start, end] = idx.span(n.span);
                NumberRecord {
                    start,
                    end,
                    text: n.span.of(text).to_string(),
                    kind: n.kind,
                    value: n.value,
                    unit: n.unit.clone(),
                    qualifier: n.qualifier.clone(),
                }
            })
            .collect();
        DocRecord {
            id: doc.id.clone(),
            source: doc.source.clone(),
            url: doc.url.clone(),
            hash: doc.content_hash(),
            title: doc.title.clone(),
            byline: doc.byline.clone(),
            published: doc.published.clone(),
            lang: doc.lang.clone(),
            text: doc.text.clone(),
            sentences: doc.sentences.iter().map(|s| idx.span(*s)).collect(),
            entities,
            mentions,
            quotes,
            times,
            numbers,
            warnings: doc.warnings.clone(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Mention, Span};

    #[test]
    fn mentions_carry_char_offsets_and_their_text() {
        let mut doc = Doc::new("x", "“Zoë Ng” met Al.");
        let zoe = doc.text.find("Zoë").unwrap();
        doc.mentions.push(Mention {
            span: Span::new(zoe, zoe + "Zoë Ng".len()),
            ty: EntityType::Person,
            entity: None,
            kind: MentionKind::Name,
        });
        let rec = DocRecord::from_doc(&doc);
        let m = &rec.mentions[0];
        assert_eq!((m.start, m.end), (1, 7));
        let chars: Vec<char> = rec.text.chars().collect();
        assert_eq!(chars[m.start..m.end].iter().collect::<String>(), m.text);
        let json = serde_json::to_value(&rec).unwrap();
        assert_eq!(json["mentions"][0]["type"], "PERSON");
        assert_eq!(json["mentions"][0]["kind"], "name");
        assert!(json["quotes"].as_array().unwrap().is_empty());
    }
}
