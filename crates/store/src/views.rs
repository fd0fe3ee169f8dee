//! What the cross-reference queries return: entities, quotes, timeline entries, the network and
//! the curation log. Plain serializable values; front ends print them or send them as JSON.

use serde::Serialize;

/// A case entity in a list.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EntitySummary {
    /// The case-wide id.
    pub id: i64,
    /// Canonical name.
    pub name: String,
    /// PERSON, ORG, LOC or MISC (the type most mentions have).
    #[serde(rename = "type")]
    pub ty: String,
    /// Documents that mention it.
    pub documents: u64,
    /// Mentions over the case.
    pub mentions: u64,
}

/// A case entity with its forms, as exports write it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EntityRecordOut {
    /// The case-wide id.
    pub id: i64,
    /// Canonical name.
    pub name: String,
    /// Type.
    #[serde(rename = "type")]
    pub ty: String,
    /// Documents that mention it.
    pub documents: u64,
    /// Mentions over the case.
    pub mentions: u64,
    /// Other written forms.
    pub aliases: Vec<String>,
    /// Roles and titles.
    pub roles: Vec<String>,
}

/// A document an entity appears in.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DocRef {
    /// Document id.
    pub id: String,
    /// Title.
    pub title: Option<String>,
    /// Publication date.
    pub published: Option<String>,
    /// The entity's id in that document ("E3").
    pub local: String,
    /// The name the document uses.
    pub name: String,
    /// Mentions in that document.
    pub mentions: u64,
}

/// One entity with everything the case knows of it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EntityView {
    /// The entity (in JSON its fields at the top, the number of its documents as
    /// `document_count`, since `documents` is the list below).
    #[serde(flatten, serialize_with = "summary_with_document_count")]
    pub entity: EntitySummary,
    /// Other written forms with the number of documents using each.
    pub aliases: Vec<(String, u64)>,
    /// Roles and titles with the number of documents giving each.
    pub roles: Vec<(String, u64)>,
    /// Documents, the first `limit` by publication date (how many there are in all:
    /// `entity.documents`).
    pub documents: Vec<DocRef>,
    /// Quotes it said.
    pub quotes_by: Vec<QuoteEntry>,
    /// Quotes that mention it.
    pub quotes_about: Vec<QuoteEntry>,
    /// Entities in the same documents: (entity, shared documents, shared sentences).
    pub co_mentioned: Vec<(EntitySummary, u64, u64)>,
    /// Its dated statements.
    pub timeline: Vec<TimelineEntry>,
}

/// An [`EntitySummary`] whose document count is `document_count`.
fn summary_with_document_count<S: serde::Serializer>(e: &EntitySummary, s: S) -> Result<S::Ok, S::Error> {
    use serde::ser::SerializeMap;
    let mut m = s.serialize_map(Some(5))?;
    m.serialize_entry("id", &e.id)?;
    m.serialize_entry("name", &e.name)?;
    m.serialize_entry("type", &e.ty)?;
    m.serialize_entry("document_count", &e.documents)?;
    m.serialize_entry("mentions", &e.mentions)?;
    m.end()
}

/// A quotation across the case.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct QuoteEntry {
    /// Document id.
    pub doc: String,
    /// Document title.
    pub title: Option<String>,
    /// When it was said: a date named beside the cue, else the publication date.
    pub date: Option<String>,
    /// Speaker's case entity.
    pub speaker: Option<i64>,
    /// Speaker's canonical name.
    pub speaker_name: Option<String>,
    /// The words naming the speaker in the document ("a government source").
    pub speaker_text: Option<String>,
    /// direct | partial | indirect.
    pub kind: String,
    /// The cue ("said").
    pub cue: Option<String>,
    /// The quoted words.
    pub text: String,
    /// Character offsets in the document.
    pub start: usize,
    /// End offset.
    pub end: usize,
}

/// One dated statement.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TimelineEntry {
    /// First day the date covers, YYYY-MM-DD.
    pub date: String,
    /// Last day it covers.
    pub until: String,
    /// day | week | month | quarter | half | season | year | decade | century.
    pub granularity: String,
    /// The TimeML value as extracted.
    pub value: String,
    /// published | time | quote.
    pub kind: String,
    /// Document id.
    pub doc: String,
    /// Character offsets of the statement (sentence, quote) in the document; null for a
    /// publication date.
    pub start: Option<usize>,
    /// End offset.
    pub end: Option<usize>,
    /// The statement: the sentence, the quote, or the document's title.
    pub text: String,
    /// Case entities it involves (mentioned in the sentence, or the speaker).
    pub entities: Vec<(i64, String)>,
}

/// A node of the network.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Node {
    /// The entity.
    #[serde(flatten)]
    pub entity: EntitySummary,
}

/// An undirected, weighted edge of the network.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Edge {
    /// One entity id (the smaller).
    pub source: i64,
    /// The other.
    pub target: i64,
    /// Documents mentioning both: the edge's weight.
    pub weight: u64,
    /// Sentences mentioning both.
    pub sentences: u64,
    /// Quotes by one that mention the other.
    pub quotes: u64,
}

/// The co-mention network.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Graph {
    /// Entities.
    pub nodes: Vec<Node>,
    /// Edges.
    pub edges: Vec<Edge>,
}

/// A curation decision in the log.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Decision {
    /// Its number.
    pub id: i64,
    /// When, RFC 3339.
    pub at: String,
    /// merge | split | alias | rename | reject.
    pub action: String,
    /// What it did, readable.
    pub summary: String,
    /// Whether it was undone.
    pub undone: bool,
}

/// A curation request.
#[derive(Debug, Clone, PartialEq)]
pub enum Curation {
    /// Fold the other entities into the first.
    Merge {
        /// The entity that stays.
        into: i64,
        /// Entities that go into it.
        from: Vec<i64>,
    },
    /// Move documents or written forms of an entity to a new entity.
    Split {
        /// The entity to split.
        entity: i64,
        /// Documents (ids or hashes) whose mentions move.
        docs: Vec<String>,
        /// Written forms whose mentions move.
        names: Vec<String>,
    },
    /// Add a written form: documents using it link to the entity.
    Alias {
        /// The entity.
        entity: i64,
        /// The form.
        name: String,
    },
    /// Give the entity its canonical name.
    Rename {
        /// The entity.
        entity: i64,
        /// The name.
        name: String,
    },
    /// Not a real entity: hidden from views, and stays hidden after later ingests.
    Reject {
        /// The entity.
        entity: i64,
    },
}
