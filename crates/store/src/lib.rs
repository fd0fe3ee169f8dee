//! The case store: one folder holds a whole case. Documents and their extraction records live
//! in SQLite (the source of truth, WAL, one transaction per batch); the full-text index is a
//! tantivy index derived from it, brought up to date on open if a crash left it behind.
//!
//! ```
//! use dossier_store::{CaseStore, Put, SearchQuery, Store};
//! use dossier_model::{Doc, contract::DocRecord};
//! let dir = tempfile::tempdir().unwrap();
//! let mut store = CaseStore::open(dir.path()).unwrap();
//! let mut doc = Doc::new("a.txt", "The harbour inquiry opened on Monday.");
//! doc.source = Some("a.txt".into());
//! store.put_batch(vec![Put::doc(DocRecord::from_doc(&doc), "test", None)]).unwrap();
//! let hits = store.search(&SearchQuery::text("harbour")).unwrap();
//! assert_eq!(hits[0].id, "a.txt");
//! ```
#![warn(missing_docs)]

mod codec;
pub mod dates;
mod derive;
mod embedded;
mod index;
mod phrase;
mod query;
pub mod resolve;
mod stem;
mod views;
mod xref;

pub use derive::Prepared;
pub use embedded::CaseStore;
pub use query::{Hit, SearchQuery};
pub use views::{
    Curation, Decision, DocRef, Edge, EntityRecordOut, EntitySummary, EntityView, Graph, Node, QuoteEntry,
    TimelineEntry,
};
pub use xref::DOCUMENT_PAIRS_UP_TO;

use dossier_model::contract::{DocRecord, ErrorRecord};
use serde::Serialize;

/// Errors of the store.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The record database failed.
    #[error("case database: {0}")]
    Sql(#[from] rusqlite::Error),
    /// The full-text index failed.
    #[error("search index: {0}")]
    Index(#[from] tantivy::TantivyError),
    /// A query could not be parsed.
    #[error("bad query: {0}")]
    Query(String),
    /// Reading or writing the case folder failed.
    #[error("case folder: {0}")]
    Io(#[from] std::io::Error),
    /// An entity, document or decision does not exist.
    #[error("{0}")]
    NotFound(String),
    /// A stored record could not be decoded.
    #[error("stored record: {0}")]
    Record(String),
    /// Another process holds what this one needs (the search index's writer).
    #[error("{0}")]
    Busy(String),
}

/// The store's result type.
pub type Result<T> = std::result::Result<T, StoreError>;

pub use dossier_model::FileStamp;

/// One thing to write.
#[derive(Debug)]
pub enum Put {
    /// An analysed document, ready to write.
    Doc {
        /// Its record, encoded, with its derived rows.
        doc: Box<Prepared>,
        /// The file's stamp, for files (not feed lines).
        stamp: Option<FileStamp>,
    },
    /// A document that failed.
    Failed {
        /// The error.
        error: ErrorRecord,
        /// The file's stamp, for files.
        stamp: Option<FileStamp>,
    },
    /// A unit whose content is already stored under its hash: only the ledger learns of it.
    Known {
        /// The unit's id (path, feed id).
        id: String,
        /// Its source path.
        source: Option<String>,
        /// The content hash already stored.
        hash: String,
        /// The file's stamp.
        stamp: Option<FileStamp>,
    },
}

impl Put {
    /// An analysed document. Preparing it is the costly part of a write: call this where the
    /// work can run in parallel (an ingest worker), not on the writer.
    pub fn doc(record: DocRecord, pipeline: &str, stamp: Option<FileStamp>) -> Self {
        Put::Doc { doc: Box::new(Prepared::new(record, pipeline)), stamp }
    }

    /// [`Put::doc`] without the cross-reference rows, for a store that skips them
    /// ([`CaseStore::skip_cross_reference`]).
    pub fn doc_without_rows(record: DocRecord, pipeline: &str, stamp: Option<FileStamp>) -> Self {
        Put::Doc { doc: Box::new(Prepared::without_rows(record, pipeline)), stamp }
    }
}

/// Counts for `dossier status`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Status {
    /// Stored documents (distinct contents).
    pub documents: u64,
    /// Ledger entries that failed.
    pub errors: u64,
    /// Ledger entries (files and feed lines seen).
    pub units: u64,
    /// Entities over all documents.
    pub entities: u64,
    /// Mentions.
    pub mentions: u64,
    /// Quotes.
    pub quotes: u64,
    /// Time expressions.
    pub times: u64,
    /// Amounts.
    pub numbers: u64,
    /// Documents by the pipeline version that made them.
    pub pipelines: Vec<(String, u64)>,
}

/// One failed unit in the ledger.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ErrorEntry {
    /// The unit's id.
    pub id: String,
    /// Its source path.
    pub source: Option<String>,
    /// The error's stable kind.
    pub kind: String,
    /// What went wrong.
    pub message: String,
}

/// A stored document with its bookkeeping.
#[derive(Debug, Clone)]
pub struct StoredDoc {
    /// The store's sequence number.
    pub seq: i64,
    /// The pipeline version that made the record.
    pub pipeline: String,
    /// The record.
    pub record: DocRecord,
}

/// What every case backend offers (the embedded one today; PostgreSQL later).
pub trait Store {
    /// Stamps of files already ingested, by path, so a reader can skip unchanged files.
    fn file_stamps(&self) -> Result<std::collections::HashMap<String, FileStamp>>;
    /// Content hashes already stored.
    fn known_hashes(&self) -> Result<std::collections::HashSet<String>>;
    /// Writes a batch atomically: after a crash, either all of it is stored or none.
    fn put_batch(&mut self, batch: Vec<Put>) -> Result<()>;
    /// Makes everything written so far searchable (a backend may defer index work).
    fn flush(&mut self) -> Result<()>;
    /// A document by its id (path or feed id) or its content hash.
    fn get(&self, id_or_hash: &str) -> Result<Option<StoredDoc>>;
    /// Documents with sequence numbers after `after_seq`, at most `limit`, in order.
    fn scan(&self, after_seq: i64, limit: usize) -> Result<Vec<StoredDoc>>;
    /// Replaces the records of stored documents (same content) after re-analysis.
    fn replace(&mut self, docs: Vec<StoredDoc>) -> Result<()>;
    /// Counts.
    fn status(&self) -> Result<Status>;
    /// Failed units.
    fn errors(&self) -> Result<Vec<ErrorEntry>>;
    /// Full-text search with filters.
    fn search(&self, q: &SearchQuery) -> Result<Vec<Hit>>;
    /// Entities of the case, most mentioned first (`ty` filters by type).
    fn entities(&self, ty: Option<&str>, limit: usize) -> Result<Vec<EntitySummary>>;
    /// Entities a name (any written form) or `#id` points to, best first.
    fn find_entity(&self, name: &str) -> Result<Vec<EntitySummary>>;
    /// Everything about one entity; lists are cut at `limit`.
    fn entity(&self, id: i64, limit: usize) -> Result<Option<EntityView>>;
    /// Quotes by `speaker` (any speaker if `None`) containing `text`.
    fn quotes(&self, speaker: Option<i64>, text: Option<&str>, limit: usize) -> Result<Vec<QuoteEntry>>;
    /// The quotes of the next `docs` documents after `after_seq` that have any, in store order,
    /// with the last one's sequence number (`None` when none are left): for reading every quote
    /// of a case a page at a time.
    fn quotes_after(&self, after_seq: i64, docs: usize) -> Result<(Vec<QuoteEntry>, Option<i64>)>;
    /// Dated statements overlapping `from`..`to` (YYYY-MM-DD), of one entity or all, by date.
    fn timeline(
        &self,
        entity: Option<i64>,
        from: Option<&str>,
        to: Option<&str>,
        limit: usize,
    ) -> Result<Vec<TimelineEntry>>;
    /// The co-mention network, whole or around an entity up to a depth.
    fn graph(&self, min_weight: u64, focus: Option<(i64, usize)>) -> Result<Graph>;
    /// Applies and logs a curation decision; later ingests and re-analyses respect it.
    fn curate(&mut self, c: &Curation) -> Result<Decision>;
    /// The curation log.
    fn log(&self) -> Result<Vec<Decision>>;
    /// Every entity with its forms and roles (for exports).
    fn entity_records(&self) -> Result<Vec<EntityRecordOut>>;
    /// Case entity ids of a stored document's entities, by their ids in the document ("E3").
    fn entity_links(&self, seq: i64) -> Result<std::collections::HashMap<String, i64>>;
    /// Undoes a decision (the last one if `id` is `None`): entities are resolved again with
    /// the remaining decisions.
    fn undo(&mut self, id: Option<i64>) -> Result<Decision>;
}
