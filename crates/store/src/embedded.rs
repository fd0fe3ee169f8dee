//! The embedded backend: `case.db` (SQLite, WAL) and `index/` (tantivy) in one folder.
//!
//! Crash safety: every change of a batch and the list of sequence numbers whose index entry
//! must change (`pending_index`) are written in one SQLite transaction. The index is updated
//! and committed after that, then the pending list is cleared. A crash anywhere leaves either
//! nothing of the batch, or the batch stored with a pending list that the next open replays.

use crate::derive::{DocRows, Prepared, encode_record};
use crate::index::TextIndex;
use crate::query::{self, Hit, SearchQuery};
use crate::resolve::Resolver;
use crate::views::{Curation, Decision, EntitySummary, EntityView, Graph, QuoteEntry, TimelineEntry};
use crate::xref::{self, Xref};
use crate::{ErrorEntry, FileStamp, Put, Result, Status, Store, StoreError, StoredDoc};
use dossier_model::contract::DocRecord;
use rusqlite::{Connection, OptionalExtension, Transaction, params};
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use tantivy::collector::TopDocs;
use tantivy::snippet::SnippetGenerator;

const SCHEMA: &str = "
CREATE TABLE IF NOT EXISTS docs(
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    hash TEXT NOT NULL UNIQUE,
    id TEXT NOT NULL,
    source TEXT,
    title TEXT,
    published TEXT,
    pipeline TEXT NOT NULL,
    n_entities INTEGER NOT NULL, n_mentions INTEGER NOT NULL, n_quotes INTEGER NOT NULL,
    n_times INTEGER NOT NULL, n_numbers INTEGER NOT NULL,
    text BLOB NOT NULL,
    record BLOB NOT NULL
);
CREATE INDEX IF NOT EXISTS docs_id ON docs(id);
CREATE TABLE IF NOT EXISTS ledger(
    id TEXT PRIMARY KEY,
    source TEXT,
    state TEXT NOT NULL,
    hash TEXT,
    error_kind TEXT,
    error_message TEXT,
    size INTEGER,
    mtime_ns INTEGER
);
CREATE INDEX IF NOT EXISTS ledger_hash ON ledger(hash);
CREATE TABLE IF NOT EXISTS pending_index(seq INTEGER PRIMARY KEY);
-- A first bulk load in progress (its process id), which builds `xref::DEFERRED_INDEXES` when it
-- ends: while the row is here and the process lives, opening the case does not build them.
CREATE TABLE IF NOT EXISTS bulk_load(pid INTEGER NOT NULL);
-- The number of stored documents, kept by triggers: counting the table on every open read all
-- of it (5,900 page reads at 1M documents, most of a search command's time).
CREATE TABLE IF NOT EXISTS doc_count(id INTEGER PRIMARY KEY CHECK (id = 0), n INTEGER NOT NULL);
CREATE TRIGGER IF NOT EXISTS doc_count_insert AFTER INSERT ON docs BEGIN UPDATE doc_count SET n = n + 1; END;
CREATE TRIGGER IF NOT EXISTS doc_count_delete AFTER DELETE ON docs BEGIN UPDATE doc_count SET n = n - 1; END;
-- What `status` reports, kept the same way: summing the docs table read every row (3 s at 100k
-- documents), counting the ledger 4 s at 1M when not cached. A case made before them is counted
-- once when opened (`fill_counts`).
CREATE TABLE IF NOT EXISTS doc_sums(
    id INTEGER PRIMARY KEY CHECK (id = 0),
    entities INTEGER NOT NULL, mentions INTEGER NOT NULL, quotes INTEGER NOT NULL, times INTEGER NOT NULL,
    numbers INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS pipeline_docs(pipeline TEXT PRIMARY KEY, n INTEGER NOT NULL);
CREATE TRIGGER IF NOT EXISTS doc_sums_insert AFTER INSERT ON docs BEGIN
    UPDATE doc_sums SET entities = entities + new.n_entities, mentions = mentions + new.n_mentions,
        quotes = quotes + new.n_quotes, times = times + new.n_times, numbers = numbers + new.n_numbers;
    INSERT INTO pipeline_docs(pipeline, n) VALUES (new.pipeline, 1)
        ON CONFLICT(pipeline) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER IF NOT EXISTS doc_sums_delete AFTER DELETE ON docs BEGIN
    UPDATE doc_sums SET entities = entities - old.n_entities, mentions = mentions - old.n_mentions,
        quotes = quotes - old.n_quotes, times = times - old.n_times, numbers = numbers - old.n_numbers;
    UPDATE pipeline_docs SET n = n - 1 WHERE pipeline = old.pipeline;
END;
CREATE TABLE IF NOT EXISTS ledger_sums(
    id INTEGER PRIMARY KEY CHECK (id = 0), units INTEGER NOT NULL, errors INTEGER NOT NULL
);
CREATE TRIGGER IF NOT EXISTS ledger_sums_insert AFTER INSERT ON ledger BEGIN
    UPDATE ledger_sums SET units = units + 1, errors = errors + (new.state = 'failed');
END;
CREATE TRIGGER IF NOT EXISTS ledger_sums_delete AFTER DELETE ON ledger BEGIN
    UPDATE ledger_sums SET units = units - 1, errors = errors - (old.state = 'failed');
END;
CREATE TRIGGER IF NOT EXISTS ledger_sums_update AFTER UPDATE OF state ON ledger BEGIN
    UPDATE ledger_sums SET errors = errors - (old.state = 'failed') + (new.state = 'failed');
END;
CREATE TRIGGER IF NOT EXISTS doc_sums_update
AFTER UPDATE OF pipeline, n_entities, n_mentions, n_quotes, n_times, n_numbers ON docs BEGIN
    UPDATE doc_sums SET entities = entities - old.n_entities + new.n_entities,
        mentions = mentions - old.n_mentions + new.n_mentions, quotes = quotes - old.n_quotes + new.n_quotes,
        times = times - old.n_times + new.n_times, numbers = numbers - old.n_numbers + new.n_numbers;
    UPDATE pipeline_docs SET n = n - 1 WHERE pipeline = old.pipeline;
    INSERT INTO pipeline_docs(pipeline, n) VALUES (new.pipeline, 1)
        ON CONFLICT(pipeline) DO UPDATE SET n = n + 1;
END;
";

/// A case folder.
pub struct CaseStore {
    dir: PathBuf,
    db: Connection,
    index: TextIndex,
    /// Defer index commits across batches (bulk ingest); `flush` commits.
    bulk: bool,
    /// Sequence numbers applied to the index writer but not yet committed there.
    applied: Vec<i64>,
    last_index_commit: std::time::Instant,
    /// Cross-document entities (loaded when first needed).
    xref: Xref,
    /// Off for an ingest that leaves the cross-reference tables to the next opening.
    cross_reference: bool,
    /// This bulk load builds the deferred indexes when it flushes.
    deferred_indexes: bool,
}

/// Version of the cross-reference tables (`PRAGMA user_version`). 1: first tables; 2: quotes and
/// co-mentions as one list per document, quotes dated by publication shown under the
/// publication row of the timeline; 3: the timeline as one row per document and date range.
const XREF_VERSION: i64 = 3;

/// In bulk mode the index is committed after this many changed documents or this long.
const BULK_COMMIT_DOCS: usize = 20_000;
const BULK_COMMIT_WAIT: std::time::Duration = std::time::Duration::from_secs(30);

/// The counts a document row keeps (`n_entities`, `n_mentions`, `n_quotes`, `n_times`,
/// `n_numbers`), which the totals of `status` add up.
fn counts(r: &DocRecord) -> [i64; 5] {
    [r.entities.len(), r.mentions.len(), r.quotes.len(), r.times.len(), r.numbers.len()].map(|n| n as i64)
}

/// True unless the process `pid` is known to be gone (Linux: no `/proc/PID`, or a zombie that
/// nobody has reaped yet; elsewhere it is taken as alive, and the next ingest builds what a
/// crashed one left).
fn process_alive(pid: u32) -> bool {
    let proc = Path::new("/proc");
    if !proc.join("self").exists() {
        return true;
    }
    match std::fs::read_to_string(proc.join(pid.to_string()).join("stat")) {
        // "PID (name) STATE …": the state follows the last parenthesis
        Ok(stat) => {
            !stat.rsplit(')').next().is_some_and(|rest| matches!(rest.trim_start().chars().next(), Some('Z' | 'X')))
        }
        Err(_) => false,
    }
}

pub(crate) fn decode_text(blob: &[u8]) -> Result<String> {
    let bytes = lz4_flex::decompress_size_prepended(blob).map_err(|e| StoreError::Record(e.to_string()))?;
    String::from_utf8(bytes).map_err(|e| StoreError::Record(e.to_string()))
}

fn decode(record: &[u8], text: &[u8]) -> Result<DocRecord> {
    let json = lz4_flex::decompress_size_prepended(record).map_err(|e| StoreError::Record(e.to_string()))?;
    let mut rec: DocRecord = serde_json::from_slice(&json).map_err(|e| StoreError::Record(e.to_string()))?;
    rec.text = decode_text(text)?;
    Ok(rec)
}

/// Log pages between checkpoints during a bulk ingest (64 MiB of 4 KiB pages; SQLite's default
/// is 1,000). 256 MiB copied 10% fewer bytes at 100k documents, but took 50 MiB more memory and
/// was not faster in alternated runs.
const BULK_CHECKPOINT_PAGES: i64 = 16384;

impl CaseStore {
    /// Opens the case in `dir`, creating it if needed, and replays index work a crash left.
    pub fn open(dir: &Path) -> Result<CaseStore> {
        std::fs::create_dir_all(dir)?;
        let db = Connection::open(dir.join("case.db"))?;
        db.pragma_update(None, "journal_mode", "WAL")?;
        // NORMAL in WAL mode: a killed process never loses a committed transaction.
        db.pragma_update(None, "synchronous", "NORMAL")?;
        db.busy_timeout(std::time::Duration::from_secs(10))?;
        // 64 MiB of page cache (the default is 2 MiB): the cross-reference indexes are written
        // at scattered places, and re-reading their pages from the OS was a tenth of ingest time.
        db.pragma_update(None, "cache_size", -65536)?;
        // Helper threads for SQLite's sorter: building the deferred indexes at the end of a 1M
        // load took 140 s with none and 88 s with two (two cores; the ingest workers are done).
        let helpers = std::thread::available_parallelism().map_or(1, |n| n.get()).min(4);
        db.pragma_update(None, "threads", helpers as i64)?;
        // Every statement of a batch stays prepared (the default cache of 16 is too small).
        db.set_prepared_statement_cache_capacity(64);
        db.execute_batch(SCHEMA)?;
        db.execute_batch(xref::SCHEMA)?;
        let (index, _) = TextIndex::open(&dir.join("index"))?;
        let mut store = CaseStore {
            dir: dir.to_path_buf(),
            db,
            index,
            bulk: false,
            applied: Vec::new(),
            last_index_commit: std::time::Instant::now(),
            xref: Xref::default(),
            cross_reference: true,
            deferred_indexes: false,
        };
        store.build_deferred_indexes(false)?;
        store.upgrade()?;
        store.fill_counts()?;
        // The index is derived: if it was lost or damaged, rebuild it from the records.
        let stored = store.stored_docs()?;
        let indexed = store.index.reader.searcher().num_docs() as i64;
        if stored != indexed {
            store.db.execute("INSERT OR IGNORE INTO pending_index(seq) SELECT seq FROM docs", [])?;
        }
        match store.sync_index() {
            // Another process is writing this case right now; it will finish the work.
            Err(StoreError::Index(tantivy::TantivyError::LockFailure(..))) => {}
            other => other?,
        }
        Ok(store)
    }

    /// The number of stored documents (kept by triggers, see [`Self::fill_counts`]).
    fn stored_docs(&self) -> Result<i64> {
        Ok(self.db.query_row("SELECT n FROM doc_count", [], |r| r.get(0))?)
    }

    /// Fills what triggers keep (the document counter, the totals `status` reads) for a case
    /// made before they were kept; each is counted from its table once.
    fn fill_counts(&mut self) -> Result<()> {
        let kept = |db: &Connection, table: &str| -> Result<bool> {
            Ok(db.query_row(&format!("SELECT id FROM {table}"), [], |r| r.get::<_, i64>(0)).optional()?.is_some())
        };
        let fills = [
            ("doc_count", "INSERT INTO doc_count(id, n) SELECT 0, count(*) FROM docs;"),
            (
                "ledger_sums",
                "INSERT INTO ledger_sums SELECT 0, count(*), coalesce(sum(state = 'failed'), 0) FROM ledger;",
            ),
            (
                "doc_sums",
                "INSERT INTO doc_sums SELECT 0, coalesce(sum(n_entities), 0), coalesce(sum(n_mentions), 0),
                   coalesce(sum(n_quotes), 0), coalesce(sum(n_times), 0), coalesce(sum(n_numbers), 0) FROM docs;
                 DELETE FROM pipeline_docs;
                 INSERT INTO pipeline_docs SELECT pipeline, count(*) FROM docs GROUP BY pipeline;",
            ),
        ];
        for (table, fill) in fills {
            if !kept(&self.db, table)? {
                let tx = self.db.transaction()?;
                tx.execute_batch(fill)?;
                tx.commit()?;
            }
        }
        Ok(())
    }

    /// Cases made before the cross-reference tables existed, or with an older version of them,
    /// get them (again) from their records; curation is kept, as in a re-analysis.
    fn upgrade(&mut self) -> Result<()> {
        let version: i64 = self.db.query_row("PRAGMA user_version", [], |r| r.get(0))?;
        if version >= XREF_VERSION {
            return Ok(());
        }
        let tx = self.db.transaction()?;
        tx.execute_batch("DROP TABLE IF EXISTS edges; DROP TABLE IF EXISTS quotes; DROP TABLE IF EXISTS timeline;")?;
        // Every document's rows are written again: the scattered indexes are built after them.
        xref::drop_deferred_indexes(&tx)?;
        let r = self.xref.resolver(&tx)?;
        let seqs: Vec<i64> = {
            let mut st = tx.prepare("SELECT seq FROM docs ORDER BY seq")?;
            st.query_map([], |r| r.get(0))?.collect::<std::result::Result<_, _>>()?
        };
        for seq in seqs {
            let (rec, text): (Vec<u8>, Vec<u8>) = tx
                .prepare_cached("SELECT record, text FROM docs WHERE seq = ?1")?
                .query_row([seq], |r| Ok((r.get(0)?, r.get(1)?)))?;
            let rec = decode(&rec, &text)?;
            xref::index_doc(&tx, r, seq, &rec.hash, &DocRows::of(&rec))?;
        }
        xref::create_deferred_indexes(&tx, None)?;
        tx.pragma_update(None, "user_version", XREF_VERSION)?;
        self.xref.wrote(&tx)?;
        tx.commit()?;
        Ok(())
    }

    /// Runs `f` in one transaction with the resolver; a failure leaves the tables as they were
    /// and drops the in-memory resolver, which reloads from them.
    fn with_resolver<T>(&mut self, f: impl FnOnce(&Transaction, &mut Resolver) -> Result<T>) -> Result<T> {
        let out = (|| {
            self.xref.sync(&mut self.db)?;
            // The write lock from the start: what the resolver was checked against cannot
            // change before this transaction writes (and a transaction that read before another
            // process's write could not write after it: "database is locked", a merge made
            // while an ingest ran failed so).
            let tx = self.db.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
            let r = self.xref.resolver(&tx)?;
            let out = f(&tx, r)?;
            self.xref.wrote(&tx)?;
            tx.commit()?;
            Ok(out)
        })();
        if out.is_err() {
            self.xref.reset();
        }
        out
    }

    /// The case folder.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Defers index commits across batches until [`Store::flush`] (or enough work piles up):
    /// faster bulk ingests, same crash safety (the pending list is only cleared after a commit).
    ///
    /// A bulk load into an empty case (or one resuming a first load a crash interrupted) leaves
    /// the deferred indexes ([`xref::create_deferred_indexes`]) to its flush.
    pub fn set_bulk(&mut self, on: bool) -> Result<()> {
        self.bulk = on;
        let empty = self.stored_docs()? == 0;
        if on && (empty || self.bulk_loader()?.is_some()) {
            let tx = self.db.transaction()?;
            tx.execute("DELETE FROM bulk_load", [])?;
            tx.execute("INSERT INTO bulk_load(pid) VALUES (?1)", [std::process::id()])?;
            xref::drop_deferred_indexes(&tx)?;
            if empty {
                self.xref.start_tally(&tx)?;
            }
            tx.commit()?;
            self.deferred_indexes = true;
        }
        // A longer log between checkpoints while bulk-loading: an index page that many batches
        // change is copied into the database once per checkpoint rather than after every batch.
        self.db.pragma_update(None, "wal_autocheckpoint", if on { BULK_CHECKPOINT_PAGES } else { 1000 })?;
        Ok(())
    }

    /// Claims the case for writing documents (an ingest, a re-analysis) before any is written:
    /// [`StoreError::Busy`] when another process does so already.
    pub fn claim_for_documents(&mut self) -> Result<()> {
        self.index.claim_writer()
    }

    /// True while this first bulk load counts the entity totals as it writes (tests).
    #[doc(hidden)]
    pub fn tallying_totals(&self) -> bool {
        self.xref.tallying()
    }

    /// [`Store::timeline`], reading an entity's rows document by document when it is in at
    /// most `few_docs` documents, else walking the whole timeline by date: tests compare the
    /// two ways, which small cases never choose between.
    #[doc(hidden)]
    pub fn timeline_with_few_docs(
        &self,
        entity: Option<i64>,
        from: Option<&str>,
        to: Option<&str>,
        limit: usize,
        few_docs: usize,
    ) -> Result<Vec<crate::views::TimelineEntry>> {
        xref::timeline_with(&self.db, entity, from, to, limit, few_docs)
    }

    /// Stores new documents without their cross-reference rows (entities, quotes, timeline,
    /// co-mentions): what the store costs alone, for benchmarks, or a fast first load. The case
    /// is marked first, so the next opening builds the tables from the records, even after a
    /// crash.
    pub fn skip_cross_reference(&mut self) -> Result<()> {
        self.db.pragma_update(None, "user_version", 0)?;
        self.cross_reference = false;
        Ok(())
    }

    /// Builds the deferred indexes that are missing ([`xref::create_deferred_indexes`]), unless a first bulk load that
    /// is still running will (`ours`: this store's own load has ended).
    ///
    /// Every opening asks, so the usual answer (nothing missing, no load) is found by reading:
    /// a write transaction would wait for any ingest's batch to commit.
    fn build_deferred_indexes(&mut self, ours: bool) -> Result<()> {
        let loader = self.bulk_loader()?;
        if loader.is_none() && xref::deferred_indexes_present(&self.db)? {
            self.deferred_indexes = false;
            return Ok(());
        }
        if !ours && loader.is_some_and(|pid| pid == std::process::id() || process_alive(pid)) {
            return Ok(());
        }
        let tx = self.db.transaction()?;
        xref::create_deferred_indexes(&tx, if ours { self.xref.take_tally() } else { None })?;
        tx.execute("DELETE FROM bulk_load", [])?;
        tx.commit()?;
        self.deferred_indexes = false;
        Ok(())
    }

    /// The process of the first bulk load under way or interrupted, if any.
    fn bulk_loader(&self) -> Result<Option<u32>> {
        Ok(self.db.query_row("SELECT pid FROM bulk_load", [], |r| r.get(0)).optional()?)
    }

    /// Applies the index changes of `seqs` to the index writer, without committing.
    fn apply(&mut self, seqs: &[i64]) -> Result<()> {
        for &seq in seqs {
            let row: Option<(Vec<u8>, Vec<u8>)> = self
                .db
                .query_row("SELECT record, text FROM docs WHERE seq = ?1", [seq], |r| Ok((r.get(0)?, r.get(1)?)))
                .optional()?;
            match row {
                Some((rec, text)) => self.index.put(seq, &decode(&rec, &text)?)?,
                None => self.index.delete(seq)?,
            }
            self.applied.push(seq);
        }
        Ok(())
    }

    /// Commits the index and clears the pending entries it now contains.
    fn commit_index(&mut self) -> Result<()> {
        if self.applied.is_empty() {
            return Ok(());
        }
        let last = self.applied.iter().copied().max().unwrap_or(0);
        self.index.commit(last)?;
        let tx = self.db.transaction()?;
        for seq in &self.applied {
            tx.prepare_cached("DELETE FROM pending_index WHERE seq = ?1")?.execute([seq])?;
        }
        tx.commit()?;
        self.applied.clear();
        self.last_index_commit = std::time::Instant::now();
        Ok(())
    }

    /// Brings the index in line with the records for every pending sequence number.
    fn sync_index(&mut self) -> Result<()> {
        let pending: Vec<i64> = {
            let mut st = self.db.prepare("SELECT seq FROM pending_index ORDER BY seq")?;
            st.query_map([], |r| r.get(0))?.collect::<std::result::Result<_, _>>()?
        };
        self.apply(&pending)?;
        self.commit_index()
    }

    /// After a batch: apply its index changes, and commit unless bulk mode defers it.
    fn after_batch(&mut self, changed: Vec<i64>) -> Result<()> {
        self.apply(&changed)?;
        if !self.bulk || self.applied.len() >= BULK_COMMIT_DOCS || self.last_index_commit.elapsed() >= BULK_COMMIT_WAIT
        {
            self.commit_index()?;
        }
        Ok(())
    }

    fn upsert_ledger(
        tx: &Transaction,
        id: &str,
        source: Option<&str>,
        hash: Option<&str>,
        error: Option<(&str, &str)>,
        stamp: Option<FileStamp>,
    ) -> Result<()> {
        tx.prepare_cached(
            "INSERT INTO ledger(id, source, state, hash, error_kind, error_message, size, mtime_ns)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
             ON CONFLICT(id) DO UPDATE SET source = excluded.source, state = excluded.state, hash = excluded.hash,
               error_kind = excluded.error_kind, error_message = excluded.error_message,
               size = excluded.size, mtime_ns = excluded.mtime_ns",
        )?
        .execute(params![
            id,
            source,
            if error.is_some() { "failed" } else { "done" },
            hash,
            error.map(|e| e.0),
            error.map(|e| e.1),
            stamp.map(|s| s.size as i64),
            stamp.map(|s| s.mtime_ns),
        ])?;
        Ok(())
    }

    /// Removes the document with `hash` if no ledger entry refers to it any more.
    fn drop_if_orphan(tx: &Transaction, r: &mut Resolver, hash: &str, changed: &mut Vec<i64>) -> Result<()> {
        let used: i64 =
            tx.prepare_cached("SELECT count(*) FROM ledger WHERE hash = ?1")?.query_row([hash], |r| r.get(0))?;
        if used == 0 {
            let seq: Option<i64> = tx
                .prepare_cached("SELECT seq FROM docs WHERE hash = ?1")?
                .query_row([hash], |r| r.get(0))
                .optional()?;
            if let Some(seq) = seq {
                tx.prepare_cached("DELETE FROM docs WHERE seq = ?1")?.execute([seq])?;
                xref::drop_doc(tx, r, seq)?;
                tx.prepare_cached("INSERT OR IGNORE INTO pending_index(seq) VALUES (?1)")?.execute([seq])?;
                changed.push(seq);
            }
        }
        Ok(())
    }

    fn previous_hash(tx: &Transaction, id: &str) -> Result<Option<String>> {
        Ok(tx
            .prepare_cached("SELECT hash FROM ledger WHERE id = ?1")?
            .query_row([id], |r| r.get::<_, Option<String>>(0))
            .optional()?
            .flatten())
    }

    /// Stores a new content; returns its sequence number, or `None` if it was stored already.
    fn insert_doc(tx: &Transaction, r: &mut Resolver, doc: &Prepared, cross_reference: bool) -> Result<Option<i64>> {
        let rec = &doc.record;
        let exists: bool = tx
            .prepare_cached("SELECT EXISTS(SELECT 1 FROM docs WHERE hash = ?1)")?
            .query_row([&rec.hash], |r| r.get(0))?;
        if exists {
            return Ok(None);
        }
        let [entities, mentions, quotes, times, numbers] = counts(rec);
        tx.prepare_cached(
            "INSERT INTO docs(hash, id, source, title, published, pipeline, n_entities, n_mentions, n_quotes, n_times,
               n_numbers, record, text) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
        )?
        .execute(params![
            rec.hash,
            rec.id,
            rec.source,
            rec.title,
            rec.published,
            doc.pipeline,
            entities,
            mentions,
            quotes,
            times,
            numbers,
            doc.record_blob,
            doc.text_blob,
        ])?;
        let seq = tx.last_insert_rowid();
        if cross_reference {
            xref::index_new_doc(tx, r, seq, &rec.hash, &doc.rows)?;
        }
        tx.prepare_cached("INSERT OR IGNORE INTO pending_index(seq) VALUES (?1)")?.execute([seq])?;
        Ok(Some(seq))
    }

    fn stored(seq: i64, pipeline: String, record: &[u8], text: &[u8]) -> Result<StoredDoc> {
        Ok(StoredDoc { seq, pipeline, record: decode(record, text)? })
    }
}

impl Store for CaseStore {
    fn file_stamps(&self) -> Result<HashMap<String, FileStamp>> {
        let mut st =
            self.db.prepare("SELECT id, size, mtime_ns FROM ledger WHERE size IS NOT NULL AND state = 'done'")?;
        let rows = st.query_map([], |r| {
            Ok((r.get::<_, String>(0)?, FileStamp { size: r.get::<_, i64>(1)? as u64, mtime_ns: r.get(2)? }))
        })?;
        Ok(rows.collect::<std::result::Result<_, _>>()?)
    }

    fn known_hashes(&self) -> Result<HashSet<String>> {
        let mut st = self.db.prepare("SELECT hash FROM docs")?;
        let rows = st.query_map([], |r| r.get::<_, String>(0))?;
        Ok(rows.collect::<std::result::Result<_, _>>()?)
    }

    fn put_batch(&mut self, batch: Vec<Put>) -> Result<()> {
        let cross_reference = self.cross_reference;
        let (fresh, changed) = self.with_resolver(|tx, r| {
            // New documents (sequence number, place in the batch), and other documents whose
            // index entry must follow the records.
            let mut fresh = Vec::new();
            let mut changed = Vec::new();
            for (i, put) in batch.iter().enumerate() {
                match put {
                    Put::Doc { doc, stamp } => {
                        let record = &doc.record;
                        let old = Self::previous_hash(tx, &record.id)?;
                        if let Some(seq) = Self::insert_doc(tx, r, doc, cross_reference)? {
                            fresh.push((seq, i));
                        }
                        Self::upsert_ledger(
                            tx,
                            &record.id,
                            record.source.as_deref(),
                            Some(&record.hash),
                            None,
                            *stamp,
                        )?;
                        if let Some(old) = old.filter(|o| *o != record.hash) {
                            Self::drop_if_orphan(tx, r, &old, &mut changed)?;
                        }
                    }
                    Put::Known { id, source, hash, stamp } => {
                        let old = Self::previous_hash(tx, id)?;
                        Self::upsert_ledger(tx, id, source.as_deref(), Some(hash), None, *stamp)?;
                        if let Some(old) = old.filter(|o| o != hash) {
                            Self::drop_if_orphan(tx, r, &old, &mut changed)?;
                        }
                    }
                    Put::Failed { error, stamp } => {
                        let err = (error.error.kind.as_str(), error.error.message.as_str());
                        // A failed re-read keeps the old content's hash: what was stored stays findable.
                        let old = Self::previous_hash(tx, &error.id)?;
                        Self::upsert_ledger(tx, &error.id, error.source.as_deref(), old.as_deref(), Some(err), *stamp)?;
                    }
                }
            }
            Ok((fresh, changed))
        })?;
        // New documents are indexed from the records in hand; the rest are read back. A new
        // sequence number was never indexed (AUTOINCREMENT never hands one out twice).
        for (seq, i) in fresh {
            if let Put::Doc { doc, .. } = &batch[i] {
                self.index.add(seq, &doc.record)?;
                self.applied.push(seq);
            }
        }
        self.after_batch(changed)
    }

    fn flush(&mut self) -> Result<()> {
        if self.deferred_indexes {
            self.build_deferred_indexes(true)?;
        }
        self.commit_index()?;
        self.xref.save(&mut self.db)
    }

    fn get(&self, key: &str) -> Result<Option<StoredDoc>> {
        let sql = "SELECT seq, pipeline, record, text FROM docs WHERE hash = ?1
                   OR hash = (SELECT hash FROM ledger WHERE id = ?1)
                   OR id = ?1 ORDER BY (hash = ?1) DESC, seq DESC LIMIT 1";
        let row = self
            .db
            .query_row(sql, [key], |r| {
                Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?, r.get::<_, Vec<u8>>(2)?, r.get::<_, Vec<u8>>(3)?))
            })
            .optional()?;
        row.map(|(seq, p, rec, text)| Self::stored(seq, p, &rec, &text)).transpose()
    }

    fn scan(&self, after_seq: i64, limit: usize) -> Result<Vec<StoredDoc>> {
        let mut st =
            self.db.prepare("SELECT seq, pipeline, record, text FROM docs WHERE seq > ?1 ORDER BY seq LIMIT ?2")?;
        let rows = st.query_map(params![after_seq, limit as i64], |r| {
            Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?, r.get::<_, Vec<u8>>(2)?, r.get::<_, Vec<u8>>(3)?))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (seq, p, rec, text) = row?;
            out.push(Self::stored(seq, p, &rec, &text)?);
        }
        Ok(out)
    }

    fn replace(&mut self, mut docs: Vec<StoredDoc>) -> Result<()> {
        let changed = self.with_resolver(|tx, resolver| {
            let mut changed = Vec::new();
            for d in &mut docs {
                // Re-analysis keeps the text: only the record is written again.
                let record = encode_record(&mut d.record);
                let r = &d.record;
                let [entities, mentions, quotes, times, numbers] = counts(r);
                tx.prepare_cached(
                    "UPDATE docs SET title = ?2, published = ?3, pipeline = ?4, n_entities = ?5, n_mentions = ?6,
                   n_quotes = ?7, n_times = ?8, n_numbers = ?9, record = ?10 WHERE seq = ?1",
                )?
                .execute(params![
                    d.seq,
                    r.title,
                    r.published,
                    d.pipeline,
                    entities,
                    mentions,
                    quotes,
                    times,
                    numbers,
                    record,
                ])?;
                xref::index_doc(tx, resolver, d.seq, &r.hash, &DocRows::of(r))?;
                tx.prepare_cached("INSERT OR IGNORE INTO pending_index(seq) VALUES (?1)")?.execute([d.seq])?;
                changed.push(d.seq);
            }
            Ok(changed)
        })?;
        self.after_batch(changed)
    }

    fn status(&self) -> Result<Status> {
        let sums = "SELECT n, entities, mentions, quotes, times, numbers FROM doc_count, doc_sums";
        let read = |r: &rusqlite::Row| {
            Ok(Status {
                documents: r.get::<_, i64>(0)? as u64,
                entities: r.get::<_, i64>(1)? as u64,
                mentions: r.get::<_, i64>(2)? as u64,
                quotes: r.get::<_, i64>(3)? as u64,
                times: r.get::<_, i64>(4)? as u64,
                numbers: r.get::<_, i64>(5)? as u64,
                ..Default::default()
            })
        };
        let mut s = self.db.query_row(sums, [], read)?;
        (s.units, s.errors) = self.db.query_row("SELECT units, errors FROM ledger_sums", [], |r| {
            Ok((r.get::<_, i64>(0)? as u64, r.get::<_, i64>(1)? as u64))
        })?;
        let mut st = self.db.prepare("SELECT pipeline, n FROM pipeline_docs WHERE n > 0 ORDER BY 2 DESC, 1")?;
        s.pipelines = st
            .query_map([], |r| Ok((r.get(0)?, r.get::<_, i64>(1)? as u64)))?
            .collect::<std::result::Result<_, _>>()?;
        Ok(s)
    }

    fn errors(&self) -> Result<Vec<ErrorEntry>> {
        let mut st = self.db.prepare(
            "SELECT id, source, coalesce(error_kind,''), coalesce(error_message,'') FROM ledger WHERE state = 'failed' ORDER BY id",
        )?;
        let rows = st.query_map([], |r| {
            Ok(ErrorEntry { id: r.get(0)?, source: r.get(1)?, kind: r.get(2)?, message: r.get(3)? })
        })?;
        Ok(rows.collect::<std::result::Result<_, _>>()?)
    }

    fn entities(&self, ty: Option<&str>, limit: usize) -> Result<Vec<EntitySummary>> {
        xref::entities(&self.db, ty, limit)
    }

    fn find_entity(&self, name: &str) -> Result<Vec<EntitySummary>> {
        xref::find(&self.db, name)
    }

    fn entity(&self, id: i64, limit: usize) -> Result<Option<EntityView>> {
        xref::entity_view(&self.db, id, limit)
    }

    fn quotes(&self, speaker: Option<i64>, text: Option<&str>, limit: usize) -> Result<Vec<QuoteEntry>> {
        xref::quotes(&self.db, speaker, None, text, limit)
    }

    fn quotes_after(&self, after_seq: i64, docs: usize) -> Result<(Vec<QuoteEntry>, Option<i64>)> {
        xref::quotes_after(&self.db, after_seq, docs)
    }

    fn timeline(
        &self,
        entity: Option<i64>,
        from: Option<&str>,
        to: Option<&str>,
        limit: usize,
    ) -> Result<Vec<TimelineEntry>> {
        xref::timeline(&self.db, entity, from, to, limit)
    }

    fn graph(&self, min_weight: u64, focus: Option<(i64, usize)>) -> Result<Graph> {
        xref::graph(&self.db, min_weight, focus)
    }

    fn curate(&mut self, c: &Curation) -> Result<Decision> {
        let d = self.with_resolver(|tx, r| xref::curate(tx, r, c))?;
        self.xref.save(&mut self.db)?;
        Ok(d)
    }

    fn log(&self) -> Result<Vec<Decision>> {
        xref::log(&self.db)
    }

    fn undo(&mut self, id: Option<i64>) -> Result<Decision> {
        let out: Result<Decision> = (|| {
            // (the write lock first: a transaction that read before another process's write
            // cannot write after it, "database is locked")
            let tx = self.db.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
            let d = xref::mark_undone(&tx, id)?;
            xref::rebuild(&tx, &mut self.xref)?;
            self.xref.wrote(&tx)?;
            tx.commit()?;
            Ok(d)
        })();
        if out.is_err() {
            self.xref.reset();
        }
        let d = out?;
        self.xref.save(&mut self.db)?;
        Ok(d)
    }

    fn entity_records(&self) -> Result<Vec<crate::EntityRecordOut>> {
        xref::entity_records(&self.db)
    }

    fn entity_links(&self, seq: i64) -> Result<HashMap<String, i64>> {
        xref::entity_links(&self.db, seq)
    }

    fn search(&self, q: &SearchQuery) -> Result<Vec<Hit>> {
        let f = self.index.fields;
        let (query, text_query) = query::build(&self.index.index, &f, q)?;
        let searcher = self.index.reader.searcher();
        let limit = if q.limit == 0 { 10 } else { q.limit };
        let top = searcher.search(&*query, &TopDocs::with_limit(limit).order_by_score())?;
        let mut snippets = SnippetGenerator::create(&searcher, &*text_query, f.body)?;
        snippets.set_max_num_chars(200);
        // Equal scores come in the order of the index's segments, which merges change: they are
        // put in the order documents were stored, so the same query lists the same way. (Which
        // of several equal scores at the limit make the list is still the index's choice.)
        let mut top: Vec<(tantivy::Score, i64)> = top
            .into_iter()
            .map(|(score, addr)| {
                let seg = searcher.segment_reader(addr.segment_ord);
                Ok((score, seg.fast_fields().i64("seq")?.first(addr.doc_id).unwrap_or(-1)))
            })
            .collect::<Result<_>>()?;
        top.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
        let mut hits = Vec::with_capacity(top.len());
        for (score, seq) in top {
            let row: Option<HitRow> = self
                .db
                .query_row("SELECT id, hash, title, source, published, text FROM docs WHERE seq = ?1", [seq], |r| {
                    Ok(HitRow {
                        id: r.get(0)?,
                        hash: r.get(1)?,
                        title: r.get(2)?,
                        source: r.get(3)?,
                        published: r.get(4)?,
                        text: r.get(5)?,
                    })
                })
                .optional()?;
            // An index entry whose record is gone (a crash between the two commits) is skipped;
            // the next open removes it.
            let Some(rec) = row else { continue };
            let text = decode_text(&rec.text)?;
            let snip = snippets.snippet(&text);
            let (snippet, highlights) = if snip.fragment().is_empty() {
                (text.chars().take(200).collect::<String>(), Vec::new())
            } else {
                let frag = snip.fragment();
                let to_char = |b: usize| frag[..b].chars().count();
                let hl = snip.highlighted().iter().map(|r| [to_char(r.start), to_char(r.end)]).collect();
                (frag.to_string(), hl)
            };
            hits.push(Hit {
                id: rec.id,
                hash: rec.hash,
                title: rec.title,
                source: rec.source,
                published: rec.published,
                score,
                snippet: snippet.split_whitespace().collect::<Vec<_>>().join(" "),
                highlights: rehighlight(&snippet, &highlights),
            });
        }
        Ok(hits)
    }
}

impl Drop for CaseStore {
    /// Commits deferred index work; if that fails, the pending list replays it on next open.
    fn drop(&mut self) {
        let _ = self.commit_index();
    }
}

/// What a search hit reads of a stored document.
struct HitRow {
    id: String,
    hash: String,
    title: Option<String>,
    source: Option<String>,
    published: Option<String>,
    text: Vec<u8>,
}

/// Highlight ranges after folding the snippet's whitespace (newlines become single spaces).
fn rehighlight(original: &str, ranges: &[[usize; 2]]) -> Vec<[usize; 2]> {
    // Map each original char index to its index in the folded string.
    let mut map = Vec::with_capacity(original.len() + 1);
    let mut out = 0usize;
    let mut prev_space = true; // leading whitespace is dropped
    for c in original.chars() {
        map.push(out);
        if c.is_whitespace() {
            if !prev_space {
                out += 1;
            }
            prev_space = true;
        } else {
            out += 1;
            prev_space = false;
        }
    }
    map.push(out);
    ranges.iter().map(|[a, b]| [map[*a], map[*b]]).collect()
}
