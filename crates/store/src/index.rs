//! The full-text index: tantivy, derived from the records. Each commit carries the highest
//! sequence number it contains, so the store can tell on open what a crash left unindexed.

use crate::{Result, StoreError};
use dossier_model::contract::DocRecord;
use std::path::Path;
use tantivy::schema::{
    DateOptions, FAST, Field, INDEXED, IndexRecordOption, STORED, STRING, Schema, TextFieldIndexing, TextOptions,
};
use tantivy::tokenizer::{AsciiFoldingFilter, LowerCaser, RawTokenizer, TextAnalyzer};
use tantivy::{DateTime, Index, IndexReader, IndexWriter, ReloadPolicy, TantivyDocument, Term};

/// Fields of the index.
#[derive(Clone, Copy)]
pub struct Fields {
    pub seq: Field,
    pub title: Field,
    pub body: Field,
    pub entity: Field,
    pub etype: Field,
    pub entity_typed: Field,
    pub source: Field,
    pub published: Field,
    pub mentioned: Field,
}

/// Whole names, lowercased and without diacritics, for exact entity filters.
pub const NAME_TOKENIZER: &str = "name";

fn schema() -> (Schema, Fields) {
    let mut b = Schema::builder();
    let words = TextOptions::default().set_indexing_options(
        TextFieldIndexing::default()
            .set_tokenizer("en_stem")
            .set_index_option(IndexRecordOption::WithFreqsAndPositions),
    );
    let names = TextOptions::default().set_indexing_options(
        TextFieldIndexing::default().set_tokenizer(NAME_TOKENIZER).set_index_option(IndexRecordOption::Basic),
    );
    let dates = DateOptions::from(INDEXED).set_fast();
    let fields = Fields {
        seq: b.add_i64_field("seq", INDEXED | STORED | FAST),
        title: b.add_text_field("title", words.clone()),
        body: b.add_text_field("body", words),
        entity: b.add_text_field("entity", names.clone()),
        etype: b.add_text_field("etype", STRING),
        entity_typed: b.add_text_field("entity_typed", names),
        source: b.add_text_field("source", STRING),
        published: b.add_date_field("published", dates.clone()),
        mentioned: b.add_date_field("mentioned", dates),
    };
    (b.build(), fields)
}

/// The index of one case.
pub struct TextIndex {
    pub index: Index,
    pub fields: Fields,
    pub reader: IndexReader,
    writer: Option<IndexWriter>,
}

/// Memory the index writer may use before it flushes a segment.
const WRITER_MEMORY: usize = 64 << 20;

impl TextIndex {
    /// Opens or creates the index in `dir`; returns it and the last sequence number committed.
    pub fn open(dir: &Path) -> Result<(TextIndex, Option<i64>)> {
        std::fs::create_dir_all(dir)?;
        let (schema, fields) = schema();
        let mmap = tantivy::directory::MmapDirectory::open(dir).map_err(tantivy::TantivyError::from)?;
        let index = Index::open_or_create(mmap, schema)?;
        index.tokenizers().register("en_stem", crate::stem::en_stem());
        index.tokenizers().register(
            NAME_TOKENIZER,
            TextAnalyzer::builder(RawTokenizer::default()).filter(LowerCaser).filter(AsciiFoldingFilter).build(),
        );
        let last = index.load_metas()?.payload.and_then(|p| p.parse::<i64>().ok());
        let reader = index.reader_builder().reload_policy(ReloadPolicy::Manual).try_into()?;
        Ok((TextIndex { index, fields, reader, writer: None }, last))
    }

    /// Takes the index's writer now rather than at the first document: tantivy allows one per
    /// index, so a second process that writes documents stops here, before it has written any.
    pub fn claim_writer(&mut self) -> Result<()> {
        match self.writer() {
            Err(StoreError::Index(tantivy::TantivyError::LockFailure(
                tantivy::directory::error::LockError::LockBusy,
                _,
            ))) => Err(StoreError::Busy(
                "another process is writing documents to this case (an ingest or a re-analysis): the search \
                     index takes one writer at a time, so run this once that one has finished"
                    .into(),
            )),
            other => other.map(|_| ()),
        }
    }

    fn writer(&mut self) -> Result<&mut IndexWriter> {
        if self.writer.is_none() {
            self.writer = Some(self.index.writer_with_num_threads(1, WRITER_MEMORY)?);
        }
        Ok(self.writer.as_mut().expect("just set"))
    }

    /// Adds or replaces the document with sequence number `seq`.
    pub fn put(&mut self, seq: i64, rec: &DocRecord) -> Result<()> {
        self.delete(seq)?;
        self.add(seq, rec)
    }

    /// Adds a document whose sequence number the index has never held. No delete is queued:
    /// tantivy applies each queued delete to every segment at commit, which grew with the case.
    pub fn add(&mut self, seq: i64, rec: &DocRecord) -> Result<()> {
        let f = self.fields;
        let mut doc = TantivyDocument::new();
        doc.add_i64(f.seq, seq);
        if let Some(t) = &rec.title {
            doc.add_text(f.title, t);
        }
        doc.add_text(f.body, &rec.text);
        for e in &rec.entities {
            let ty = type_label(&e.ty);
            doc.add_text(f.etype, &ty);
            for name in std::iter::once(&e.name).chain(e.aliases.iter()) {
                doc.add_text(f.entity, name);
                doc.add_text(f.entity_typed, format!("{ty}:{name}"));
            }
        }
        if let Some(s) = &rec.source {
            doc.add_text(f.source, s);
        }
        if let Some(d) = rec.published.as_deref().and_then(date_start) {
            doc.add_date(f.published, d);
        }
        for t in &rec.times {
            if let Some(d) = date_start(&t.value) {
                doc.add_date(f.mentioned, d);
            }
        }
        self.writer()?.add_document(doc)?;
        Ok(())
    }

    /// Removes the document with sequence number `seq`.
    pub fn delete(&mut self, seq: i64) -> Result<()> {
        let term = Term::from_field_i64(self.fields.seq, seq);
        self.writer()?.delete_term(term);
        Ok(())
    }

    /// Commits what was added, recording `last_seq`, and makes it visible to searches.
    pub fn commit(&mut self, last_seq: i64) -> Result<()> {
        if let Some(w) = self.writer.as_mut() {
            let mut prepared = w.prepare_commit()?;
            prepared.set_payload(&last_seq.to_string());
            prepared.commit()?;
            self.reader.reload()?;
        }
        Ok(())
    }
}

/// "PERSON" for an entity type.
pub fn type_label(ty: &dossier_model::EntityType) -> String {
    serde_json::to_value(ty).ok().and_then(|v| v.as_str().map(str::to_string)).unwrap_or_default()
}

/// The first day of a TIMEX3 date value or a YYYY-MM-DD date: "2018-06-22", "2018-06" and "2018"
/// become the first day they cover; other values (weeks, seasons, unknowns) give nothing.
pub fn date_start(value: &str) -> Option<DateTime> {
    let v = value.get(..10.min(value.len()))?;
    let parts: Vec<&str> = v.split('-').collect();
    let num = |s: &str| s.parse::<i16>().ok().filter(|_| s.bytes().all(|b| b.is_ascii_digit()));
    let (y, m, d) = match parts.as_slice() {
        [y] if y.len() == 4 => (num(y)?, 1, 1),
        [y, m] if y.len() == 4 && m.len() == 2 => (num(y)?, num(m)?, 1),
        [y, m, d] if y.len() == 4 && m.len() == 2 && d.len() == 2 => (num(y)?, num(m)?, num(d)?),
        _ => return None,
    };
    let date = jiff::civil::Date::new(y, i8::try_from(m).ok()?, i8::try_from(d).ok()?).ok()?;
    let ts = date.to_zoned(jiff::tz::TimeZone::UTC).ok()?.timestamp().as_second();
    Some(DateTime::from_timestamp_secs(ts))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn date_values_to_their_first_day() {
        let day = |s| date_start(s).map(|d| d.into_timestamp_secs() / 86400);
        assert_eq!(day("1970-01-02"), Some(1));
        assert_eq!(day("1970-02"), Some(31));
        assert_eq!(day("1971"), Some(365));
        assert_eq!(day("2018-W25"), None);
        assert_eq!(day("XXXX-01"), None);
        assert_eq!(day("P4Y"), None);
        assert_eq!(day("2018-02-30"), None);
    }
}
