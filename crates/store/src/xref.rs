//! The cross-reference tables of the embedded store: which case entity each document entity is,
//! quotes, dated statements and co-mentions of every document, and the curation log.
//!
//! Everything here is derived from the stored records plus the curation decisions, written in
//! the same transaction as the document it comes from (so crash safety is the records'), and
//! keyed by document sequence number and document-local entity id ("E3"): a merge rewrites one
//! column of `doc_entities` and every quote, date and edge follows.

use crate::codec::{self, Raw};
use crate::derive::{DatedBy, DocRows, Packed, StoredQuote, clip, entity_keys, json};
use crate::resolve::{DocEntity, EntityId, Forms, Resolver, Tally, canonical_key, fold, keys_of, snapshot};
use crate::views::{
    Curation, Decision, DocRef, Edge, EntityRecordOut, EntitySummary, EntityView, Graph, Node, QuoteEntry,
    TimelineEntry,
};
use crate::{Result, StoreError};
use dossier_model::EntityType;
use rusqlite::{Connection, OptionalExtension, Transaction, params};
use std::collections::{HashMap, HashSet};

pub(crate) const SCHEMA: &str = "
CREATE TABLE IF NOT EXISTS entities(
    id INTEGER PRIMARY KEY,
    type TEXT NOT NULL,
    name TEXT NOT NULL,
    curated_name TEXT,
    rejected INTEGER NOT NULL DEFAULT 0,
    merged_into INTEGER,
    fixed INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS doc_entities(
    seq INTEGER NOT NULL, local TEXT NOT NULL, entity INTEGER NOT NULL,
    type TEXT NOT NULL, name TEXT NOT NULL, aliases TEXT NOT NULL, roles TEXT NOT NULL, mentions INTEGER NOT NULL,
    PRIMARY KEY(seq, local)
) WITHOUT ROWID;
-- (older indexes by entity and by date; `DEFERRED_INDEXES` has the ones that replaced them)
DROP INDEX IF EXISTS doc_entities_entity;
DROP INDEX IF EXISTS doc_entities_by_entity;
DROP INDEX IF EXISTS timeline_date;
-- Documents and mentions of each case entity, kept by the `ENTITY_TOTALS` triggers (counting
-- them per entity took seconds for one entity and half a minute for the list at a million
-- documents). A first bulk load drops the triggers and counts once at its end.
CREATE TABLE IF NOT EXISTS entity_totals(entity INTEGER PRIMARY KEY, docs INTEGER NOT NULL, mentions INTEGER NOT NULL);
-- The entities merged into another (a join moves those merged into the one it merges away).
CREATE INDEX IF NOT EXISTS entities_merged ON entities(merged_into) WHERE merged_into IS NOT NULL;
CREATE TABLE IF NOT EXISTS entity_keys(key TEXT NOT NULL, entity INTEGER NOT NULL, PRIMARY KEY(key, entity)) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS entity_keys_entity ON entity_keys(entity);
CREATE TABLE IF NOT EXISTS entity_names(entity INTEGER NOT NULL, name TEXT NOT NULL, PRIMARY KEY(entity, name));
CREATE TABLE IF NOT EXISTS pins(hash TEXT NOT NULL, key TEXT NOT NULL, entity INTEGER NOT NULL, PRIMARY KEY(hash, key));
-- Quotes, one compressed binary list per document (`derive::StoredQuote`, `codec`; older cases
-- hold compressed JSON or plain JSON text): read per document, or all of them for a listing,
-- never by a column of their own.
CREATE TABLE IF NOT EXISTS doc_quotes(seq INTEGER PRIMARY KEY, quotes TEXT NOT NULL);
-- Dated statements, one row per document and date range with the statements as a binary list
-- (`derive::TimelineGroup`, `codec`; older cases hold a JSON list): a third of the rows
-- that one per statement made.
CREATE TABLE IF NOT EXISTS doc_timeline(
    seq INTEGER NOT NULL, date TEXT NOT NULL, until TEXT NOT NULL, entries TEXT NOT NULL,
    PRIMARY KEY(seq, date, until)
) WITHOUT ROWID;
-- Co-mentions within sentences and quotes, one JSON list per document ([[a, b, sentences,
-- quotes], ...]): only ever read whole, so one row instead of one per pair.
CREATE TABLE IF NOT EXISTS doc_edges(seq INTEGER PRIMARY KEY, edges TEXT NOT NULL);
-- The resolver as the case's last writer left it (`resolve::snapshot`, compressed), with the
-- stamp of the tables it was saved against ([`stamp`]): the next opening reads it instead of
-- every document entity. A write through the resolver deletes it in its own transaction.
CREATE TABLE IF NOT EXISTS resolver_snapshot(id INTEGER PRIMARY KEY CHECK (id = 0), stamp TEXT NOT NULL, state BLOB NOT NULL);
CREATE TABLE IF NOT EXISTS curation(
    id INTEGER PRIMARY KEY AUTOINCREMENT, at TEXT NOT NULL, action TEXT NOT NULL, args TEXT NOT NULL,
    summary TEXT NOT NULL, undone INTEGER NOT NULL DEFAULT 0
);
";

/// Timeline rows that span more than two calendar years (a decade, a century): few, and the
/// only ones that can start more than a year before a date they reach. Written the same in
/// the partial index over them and in the query that reads it (SQLite uses a partial index
/// only for a query that repeats its condition).
macro_rules! long_span {
    () => {
        "substr(until, 1, 4) - substr(date, 1, 4) > 1"
    };
}
const LONG_SPAN: &str = long_span!();

/// Timeline rows of more than a day, in the same way ([`LONG_SPAN`]).
macro_rules! span {
    () => {
        "until > date"
    };
}
const SPAN: &str = span!();

/// The indexes a first bulk load builds at its end rather than row by row: 66 index entries
/// per generated document written at scattered places cost a seventh of a 100k ingest, and
/// building them from the finished tables (one sort each) took 8 s. (Keeping the timeline's row
/// by row again was measured in session 13: 3 s less at the end of 100k PolNeAR stories, but a
/// 300k generated load took 487 s instead of 383 s, its dates scattered over an index larger
/// than the page cache.) `doc_entities_by_entity_doc` is by case entity and document; with the
/// key (seq, local) that every index of this table carries, it covers the listings (documents
/// and mentions per entity) without reading the table, and finds a document's rows of one
/// entity (see [`ENTITY_TOTALS`]).
/// `doc_timeline_by_date` holds the timeline's own order (date, until, then its key): a walk in
/// that order sorts nothing (by date alone, each date's rows were sorted first, half a million
/// rows for one date at a million documents).
/// `doc_timeline_spans` and `doc_timeline_long` hold the rows of more than a day ([`SPAN`]) and
/// the few of more than two calendar years ([`LONG_SPAN`]): a walk from a date reads them
/// before it (see [`timeline_with`]).
const DEFERRED_INDEXES: [(&str, &str); 4] = [
    ("doc_entities_by_entity_doc", "doc_entities(entity, seq, mentions)"),
    ("doc_timeline_by_date", "doc_timeline(date, until)"),
    ("doc_timeline_spans", concat!("doc_timeline(date, until) WHERE ", span!())),
    ("doc_timeline_long", concat!("doc_timeline(date, until) WHERE ", long_span!())),
];

/// The triggers that keep `entity_totals`. A document counts once for an entity however many
/// of its local entities are that entity: "other rows" are the document's rows of the same
/// entity but the one changed. (An update is the old row leaving and the new one arriving.)
/// The index by entity and document finds them: by the document's key alone, each row changed
/// read all the document's rows (deleting the 7,471 rows of one 592k-word document took 3.1 s,
/// against 6 ms without the triggers), and by the older index by entity alone, every row of the
/// entity (a merge of two entities in 82k documents each took 344 s).
const ENTITY_TOTALS: [(&str, &str); 3] = [
    (
        "entity_totals_insert",
        "AFTER INSERT ON doc_entities BEGIN
            INSERT INTO entity_totals(entity, docs, mentions) VALUES (new.entity,
                NOT EXISTS(SELECT 1 FROM doc_entities WHERE seq = new.seq AND entity = new.entity AND local <> new.local),
                new.mentions)
            ON CONFLICT(entity) DO UPDATE SET docs = docs + excluded.docs, mentions = mentions + excluded.mentions;
        END",
    ),
    (
        "entity_totals_delete",
        "AFTER DELETE ON doc_entities BEGIN
            UPDATE entity_totals SET
                docs = docs - NOT EXISTS(SELECT 1 FROM doc_entities WHERE seq = old.seq AND entity = old.entity),
                mentions = mentions - old.mentions
            WHERE entity = old.entity;
        END",
    ),
    (
        "entity_totals_update",
        "AFTER UPDATE ON doc_entities BEGIN
            UPDATE entity_totals SET
                docs = docs - NOT EXISTS(SELECT 1 FROM doc_entities WHERE seq = old.seq AND entity = old.entity
                    AND NOT (seq = new.seq AND local = new.local)),
                mentions = mentions - old.mentions
            WHERE entity = old.entity;
            INSERT INTO entity_totals(entity, docs, mentions) VALUES (new.entity,
                NOT EXISTS(SELECT 1 FROM doc_entities WHERE seq = new.seq AND entity = new.entity AND local <> new.local),
                new.mentions)
            ON CONFLICT(entity) DO UPDATE SET docs = docs + excluded.docs, mentions = mentions + excluded.mentions;
        END",
    ),
];

/// Builds the [`DEFERRED_INDEXES`] that are missing, and the entity totals with their
/// triggers when these are missing: counted once (from the `tally` of the bulk load that wrote
/// every row since the case was empty, if there is one, else from `doc_entities`), then kept.
pub(crate) fn create_deferred_indexes(db: &Connection, tally: Option<Tally>) -> Result<()> {
    for (name, on) in DEFERRED_INDEXES {
        db.execute(&format!("CREATE INDEX IF NOT EXISTS {name} ON {on}"), [])?;
    }
    if !totals_kept(db)? {
        // (older cases may hold triggers of another body)
        for (name, _) in ENTITY_TOTALS {
            db.execute(&format!("DROP TRIGGER IF EXISTS {name}"), [])?;
        }
        db.execute("DELETE FROM entity_totals", [])?;
        let count = "INSERT INTO entity_totals(entity, docs, mentions)
            SELECT entity, count(DISTINCT seq), sum(mentions) FROM doc_entities";
        match tally {
            Some(t) => {
                let mut put = db.prepare("INSERT INTO entity_totals(entity, docs, mentions) VALUES (?1, ?2, ?3)")?;
                for (id, (docs, mentions)) in t.counts.iter().filter(|(id, _)| !t.recount.contains(id)) {
                    put.execute(params![id, docs, mentions])?;
                }
                let mut one = db.prepare(&format!("{count} WHERE entity = ?1 GROUP BY entity"))?;
                for id in &t.recount {
                    one.execute([id])?;
                }
            }
            None => {
                db.execute(&format!("{count} GROUP BY entity"), [])?;
            }
        }
        for (name, body) in ENTITY_TOTALS {
            db.execute(&format!("CREATE TRIGGER IF NOT EXISTS {name} {body}"), [])?;
        }
    }
    Ok(())
}

/// Drops the [`DEFERRED_INDEXES`] and the totals' triggers, before rows are written in bulk.
pub(crate) fn drop_deferred_indexes(db: &Connection) -> Result<()> {
    for (name, _) in DEFERRED_INDEXES {
        db.execute(&format!("DROP INDEX IF EXISTS {name}"), [])?;
    }
    for (name, _) in ENTITY_TOTALS {
        db.execute(&format!("DROP TRIGGER IF EXISTS {name}"), [])?;
    }
    Ok(())
}

/// True when every one of the [`DEFERRED_INDEXES`] exists and the entity totals are kept (a
/// read: no write lock).
pub(crate) fn deferred_indexes_present(db: &Connection) -> Result<bool> {
    Ok(all_in_schema(db, "index", DEFERRED_INDEXES.map(|x| x.0))? && totals_kept(db)?)
}

/// True when the triggers keep `entity_totals` up to date: all of them exist, as written now.
fn totals_kept(db: &Connection) -> Result<bool> {
    let mut st = db.prepare_cached("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?1")?;
    for (name, body) in ENTITY_TOTALS {
        let sql: Option<String> = st.query_row([name], |r| r.get(0)).optional()?;
        if !sql.is_some_and(|sql| sql.ends_with(body)) {
            return Ok(false);
        }
    }
    Ok(true)
}

/// True when the schema has every one of `names` as a `kind` ("index", "trigger").
fn all_in_schema<const N: usize>(db: &Connection, kind: &str, names: [&str; N]) -> Result<bool> {
    let mut st = db.prepare_cached("SELECT EXISTS(SELECT 1 FROM sqlite_master WHERE type = ?1 AND name = ?2)")?;
    for name in names {
        if !st.query_row([kind, name], |r| r.get::<_, bool>(0))? {
            return Ok(false);
        }
    }
    Ok(true)
}

/// Contract type label.
pub(crate) fn ty_str(t: EntityType) -> &'static str {
    match t {
        EntityType::Person => "PERSON",
        EntityType::Org => "ORG",
        EntityType::Loc => "LOC",
        EntityType::Misc => "MISC",
        EntityType::Email => "EMAIL",
        EntityType::Phone => "PHONE",
        EntityType::Url => "URL",
    }
}

pub(crate) fn ty_parse(s: &str) -> EntityType {
    match s.to_ascii_uppercase().as_str() {
        "PERSON" | "PER" => EntityType::Person,
        "ORG" => EntityType::Org,
        "LOC" => EntityType::Loc,
        "EMAIL" => EntityType::Email,
        "PHONE" => EntityType::Phone,
        "URL" => EntityType::Url,
        _ => EntityType::Misc,
    }
}

fn unjson<T: serde::de::DeserializeOwned>(s: &str) -> Result<T> {
    serde_json::from_str(s).map_err(|e| StoreError::Record(e.to_string()))
}

/// The stored quotes of one document.
fn quotes_of_doc(db: &Connection, seq: i64) -> Result<Vec<StoredQuote>> {
    let list: Option<Packed> =
        db.prepare_cached("SELECT quotes FROM doc_quotes WHERE seq = ?1")?.query_row([seq], |r| r.get(0)).optional()?;
    list.map(|l| quotes_in(&l)).transpose().map(Option::unwrap_or_default)
}

/// The quotes of a stored list.
fn quotes_in(p: &Packed) -> Result<Vec<StoredQuote>> {
    codec::quotes(&p.0).map_err(StoreError::Record)
}

/// A per-document list ([`Packed`]) read back.
fn unpack<T: serde::de::DeserializeOwned>(p: &Packed) -> Result<T> {
    serde_json::from_slice(&p.0).map_err(|e| StoreError::Record(e.to_string()))
}

/// The entities of a record the resolver takes: names, not pattern mentions (emails, phones).
/// The in-memory resolver, loaded from the tables when first needed.
#[derive(Default)]
pub(crate) struct Xref {
    resolver: Option<Resolver>,
    /// The tables' [`stamp`] the in-memory resolver reflects: when the tables' differs, another
    /// process wrote (an ingest, a merge) and the resolver is loaded again before a write, so
    /// that this process neither misses a decision nor hands out an id the other one took.
    synced: Option<String>,
    /// The tables' [`stamp`] as this process's last write through the resolver left them, until
    /// the resolver is saved. None: nothing to save. A save under another stamp would be a
    /// resolver that missed another process's writes (a merge while this one ingested): it is
    /// not saved.
    written: Option<String>,
}

/// Reads `doc_entities` rows (`filter` is the SQL after the table name) and hands each to `f`
/// as (document seq, case entity, the document's entity), streaming: a whole case never sits in memory.
fn each_doc_entity(
    db: &Connection,
    filter: &str,
    params: impl rusqlite::Params,
    mut f: impl FnMut(i64, EntityId, DocEntity) -> Result<()>,
) -> Result<()> {
    let sql = format!("SELECT seq, entity, local, type, name, aliases, roles, mentions FROM doc_entities {filter}");
    let mut st = db.prepare_cached(&sql)?;
    let mut rows = st.query(params)?;
    while let Some(row) = rows.next()? {
        let e = DocEntity {
            local: row.get(2)?,
            ty: ty_parse(&row.get::<_, String>(3)?),
            name: row.get(4)?,
            aliases: unjson(&row.get::<_, String>(5)?)?,
            roles: unjson(&row.get::<_, String>(6)?)?,
            mentions: row.get::<_, i64>(7)? as u32,
        };
        f(row.get(0)?, row.get(1)?, e)?;
    }
    Ok(())
}

/// What the tables the resolver is built from look like, in a few cheap lookups: documents
/// stored, the last document, the last entity id and the curation log. A snapshot saved
/// under another stamp is not used (a writer that does not know snapshots, such as an older
/// build, changed the case).
fn stamp(db: &Connection) -> Result<String> {
    Ok(db.query_row(
        "SELECT (SELECT coalesce(max(n), 0) FROM doc_count) || ':' || (SELECT coalesce(max(seq), 0) FROM docs)
            || ':' || (SELECT coalesce(max(id), 0) FROM entities)
            || ':' || (SELECT count(*) || '/' || coalesce(sum(undone), 0) || '/' || coalesce(max(id), 0) FROM curation)",
        [],
        |r| r.get(0),
    )?)
}

/// The saved resolver, if there is one that matches the tables and reads back whole.
fn load_snapshot(db: &Connection, now: &str) -> Result<Option<Resolver>> {
    let saved: Option<(String, Vec<u8>)> = db
        .prepare_cached("SELECT stamp, state FROM resolver_snapshot")?
        .query_row([], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?;
    let Some((saved_stamp, state)) = saved else { return Ok(None) };
    if saved_stamp != now {
        return Ok(None);
    }
    // A damaged snapshot is only a slower opening: the resolver is built from the tables.
    Ok(lz4_flex::decompress_size_prepended(&state).ok().and_then(|bytes| snapshot::decode(&bytes).ok()))
}

/// The resolver of the tables whose stamp is `now`.
fn load(db: &Connection, now: &str) -> Result<Resolver> {
    if let Some(r) = load_snapshot(db, now)? {
        return Ok(r);
    }
    load_from_tables(db)
}

/// The resolver built from every document entity, the curated names and the shown names.
fn load_from_tables(db: &Connection) -> Result<Resolver> {
    let max: i64 = db.query_row("SELECT coalesce(max(id), 0) FROM entities", [], |r| r.get(0))?;
    let mut r = Resolver::new(max);
    each_doc_entity(db, "ORDER BY seq", [], |_, id, e| {
        r.add(id, &e);
        Ok(())
    })?;
    let mut st = db.prepare("SELECT key, entity FROM entity_keys")?;
    for row in st.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, EntityId>(1)?)))? {
        let (key, id) = row?;
        r.persisted_keys.entry(key).or_default().push(id);
    }
    let mut st = db.prepare("SELECT entity, name FROM entity_names")?;
    let names: Vec<(i64, String)> =
        st.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?.collect::<std::result::Result<_, _>>()?;
    for (id, name) in names {
        r.add_curated_name(id, &name);
    }
    let mut st = db.prepare("SELECT id, name, type, fixed FROM entities")?;
    let shown: Vec<(i64, String, String, bool)> = st
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?
        .collect::<std::result::Result<_, _>>()?;
    for (id, name, ty, fixed) in shown {
        if let Some(k) = r.entities.get_mut(&id) {
            k.stored = Some((name, ty_parse(&ty)));
            k.fixed = fixed;
        }
    }
    Ok(r)
}

impl Xref {
    /// The resolver, loaded on first use, for a write in the transaction `db`: the saved
    /// snapshot is deleted in it, so a crash before the next [`Self::save`] leaves none rather
    /// than a stale one.
    ///
    /// Loaded again when another process wrote since this one loaded it or last wrote: see
    /// [`Self::sync`], which does that before the write begins.
    pub(crate) fn resolver(&mut self, db: &Connection) -> Result<&mut Resolver> {
        self.load_if_stale(db)?;
        db.prepare_cached("DELETE FROM resolver_snapshot")?.execute([])?;
        Ok(self.resolver.as_mut().expect("just loaded"))
    }

    fn load_if_stale(&mut self, db: &Connection) -> Result<()> {
        let now = stamp(db)?;
        if self.resolver.is_none() || self.synced.as_deref() != Some(now.as_str()) {
            self.resolver = Some(load(db, &now)?);
        }
        self.synced = Some(now);
        Ok(())
    }

    /// Brings the resolver up to date with the tables in a read transaction, before a write
    /// takes the case's write lock: loading reads every document entity of a case that has no
    /// fresh snapshot (4-5 s at 100k documents), which other writers should not wait for.
    pub(crate) fn sync(&mut self, db: &mut Connection) -> Result<()> {
        let tx = db.transaction()?;
        self.load_if_stale(&tx)?;
        tx.commit()?;
        Ok(())
    }

    /// Starts counting the entity totals as rows are written (a first bulk load into an empty
    /// case), in the transaction `db`.
    pub(crate) fn start_tally(&mut self, db: &Connection) -> Result<()> {
        self.resolver(db)?.tally = Some(Tally::default());
        Ok(())
    }

    /// What the rows written since [`Self::start_tally`] add up to, if the resolver counted
    /// them all (one loaded again after a failed write or another process's write did not).
    pub(crate) fn take_tally(&mut self) -> Option<Tally> {
        self.resolver.as_mut().and_then(|r| r.tally.take())
    }

    /// True while the resolver counts the totals ([`Self::start_tally`]).
    pub(crate) fn tallying(&self) -> bool {
        self.resolver.as_ref().is_some_and(|r| r.tally.is_some())
    }

    /// Forgets the in-memory state (after a failed transaction, or a rebuild).
    pub(crate) fn reset(&mut self) {
        self.resolver = None;
        self.synced = None;
        self.written = None;
    }

    /// Notes the tables' stamp at the end of a write through the resolver, in its transaction.
    pub(crate) fn wrote(&mut self, db: &Connection) -> Result<()> {
        let now = stamp(db)?;
        self.synced = Some(now.clone());
        self.written = Some(now);
        Ok(())
    }

    /// Saves the resolver for the next opening of the case, if this process wrote through it
    /// since it was loaded or saved and no other process wrote since ([`Self::wrote`]). Call it
    /// after the writes are committed.
    pub(crate) fn save(&mut self, db: &mut Connection) -> Result<()> {
        let (Some(r), Some(written)) = (self.resolver.as_ref(), self.written.take()) else { return Ok(()) };
        let tx = db.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        let s = stamp(&tx)?;
        if written != s {
            return Ok(());
        }
        let state = lz4_flex::compress_prepend_size(&snapshot::encode(r));
        tx.execute("INSERT OR REPLACE INTO resolver_snapshot(id, stamp, state) VALUES (0, ?1, ?2)", params![s, state])?;
        tx.commit()?;
        Ok(())
    }
}

/// Writes the entity's shown name and type if they changed.
fn refresh(tx: &Transaction, r: &mut Resolver, id: EntityId) -> Result<()> {
    let Some(k) = r.entities.get_mut(&id) else { return Ok(()) };
    let now = (k.best_name(), k.ty());
    if k.stored.as_ref() == Some(&now) {
        return Ok(());
    }
    tx.prepare_cached(
        "INSERT INTO entities(id, type, name) VALUES (?1, ?2, ?3)
         ON CONFLICT(id) DO UPDATE SET type = excluded.type, name = excluded.name",
    )?
    .execute(params![id, ty_str(now.1), now.0])?;
    k.stored = Some(now);
    Ok(())
}

fn insert_keys(tx: &Transaction, r: &mut Resolver, id: EntityId, keys: &[String]) -> Result<()> {
    let mut st = tx.prepare_cached("INSERT OR IGNORE INTO entity_keys(key, entity) VALUES (?1, ?2)")?;
    for key in keys {
        // Most forms are known already: write only new ones.
        if !r.persisted_keys.get(key.as_str()).is_some_and(|ids| ids.contains(&id)) {
            r.persisted_keys.entry(key.clone()).or_default().push(id);
            st.execute(params![key, id])?;
        }
    }
    Ok(())
}

/// Removes the derived rows of a document; the resolver forgets its entities.
pub(crate) fn drop_doc(tx: &Transaction, r: &mut Resolver, seq: i64) -> Result<HashMap<String, EntityId>> {
    let mut old = HashMap::new();
    each_doc_entity(tx, "WHERE seq = ?1", [seq], |_, id, e| {
        r.remove(id, &e);
        if let Some(t) = r.tally.as_mut() {
            t.recount.insert(id);
            t.untracked.insert(id);
        }
        if let Some(k) = canonical_key(e.ty, &e.name) {
            old.insert(k, id);
        }
        Ok(())
    })?;
    for table in ["doc_entities", "doc_quotes", "doc_timeline", "doc_edges"] {
        tx.prepare_cached(&format!("DELETE FROM {table} WHERE seq = ?1"))?.execute([seq])?;
    }
    Ok(old)
}

/// Writes the derived rows of a stored record: entity links, quotes, dated statements and
/// co-mentions. Re-running it for the same `seq` replaces them.
pub(crate) fn index_doc(tx: &Transaction, r: &mut Resolver, seq: i64, hash: &str, rows: &DocRows) -> Result<()> {
    let old = drop_doc(tx, r, seq)?;
    index_rows(tx, r, seq, hash, rows, &old)
}

/// [`index_doc`] for a document just inserted: it has no rows to replace.
pub(crate) fn index_new_doc(tx: &Transaction, r: &mut Resolver, seq: i64, hash: &str, rows: &DocRows) -> Result<()> {
    index_rows(tx, r, seq, hash, rows, &HashMap::new())
}

fn index_rows(
    tx: &Transaction,
    r: &mut Resolver,
    seq: i64,
    hash: &str,
    rows: &DocRows,
    old: &HashMap<String, EntityId>,
) -> Result<()> {
    let pins: HashMap<String, EntityId> = {
        let mut st = tx.prepare_cached("SELECT key, entity FROM pins WHERE hash = ?1")?;
        st.query_map([hash], |row| Ok((row.get(0)?, row.get(1)?)))?.collect::<std::result::Result<_, _>>()?
    };
    let mut touched = Vec::new();
    let mut linked = Vec::with_capacity(rows.entities.len());
    {
        let mut insert = tx.prepare_cached(
            "INSERT INTO doc_entities(seq, local, entity, type, name, aliases, roles, mentions)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        )?;
        for row in &rows.entities {
            let e = &row.entity;
            // the key its canonical name is pinned and re-resolved by
            let key = row.forms.name.canonical();
            let pinned = key.and_then(|k| pins.get(k)).copied();
            let id = match pinned {
                Some(id) => {
                    r.add_with(id, e, &row.forms);
                    id
                }
                None => r.resolve_with(e, &row.forms, key.and_then(|k| old.get(k)).copied()),
            };
            insert.execute(params![
                seq,
                e.local,
                id,
                ty_str(e.ty),
                e.name,
                row.aliases_json,
                row.roles_json,
                e.mentions as i64
            ])?;
            insert_keys(tx, r, id, &row.keys)?;
            touched.push(id);
            linked.push((id, i64::from(e.mentions)));
        }
    }
    if r.tally.is_some() {
        let orphans: Vec<EntityId> = linked.iter().map(|&(id, _)| id).filter(|&id| r.is_orphan(id)).collect();
        let mixed: Vec<EntityId> = linked.iter().map(|&(id, _)| id).filter(|&id| r.is_mixed(id)).collect();
        if let Some(t) = r.tally.as_mut() {
            t.add_doc(&mut linked);
            t.add_orphan_doc(seq, orphans);
            // (rows of such an entity are found by a scan if a full name takes it in)
            t.untracked.extend(mixed);
        }
    }
    touched.extend(join_bare_surnames(tx, r, rows.entities.iter().map(|row| (row.entity.ty, &row.forms)))?);
    touched.sort_unstable();
    touched.dedup();
    for id in touched {
        refresh(tx, r, id)?;
    }
    write_statements(tx, seq, rows)
}

/// A bare surname seen before any full name joins the full name once a document brings it:
/// applied to one document's entities (type and forms each), once they are resolved. Returns
/// the entities that took one in.
fn join_bare_surnames<'a>(
    tx: &Transaction,
    r: &mut Resolver,
    doc: impl Iterator<Item = (EntityType, &'a Forms)>,
) -> Result<Vec<EntityId>> {
    let mut joined = Vec::new();
    for (_, forms) in doc.filter(|(ty, _)| *ty == EntityType::Person) {
        let Some(p) = forms.name.person.as_ref().filter(|p| p.given.is_some()) else { continue };
        for (orphan, into) in r.orphans(p) {
            absorb(tx, r, into, orphan)?;
            joined.push(into);
        }
    }
    Ok(joined)
}

/// Quotes, dated statements and co-mentions of one record.
fn write_statements(tx: &Transaction, seq: i64, rows: &DocRows) -> Result<()> {
    let mut st = tx.prepare_cached("INSERT INTO doc_timeline(seq, date, until, entries) VALUES (?1, ?2, ?3, ?4)")?;
    for g in &rows.timeline {
        st.execute(params![seq, g.date, g.until, g.entries])?;
    }
    if let Some(quotes) = &rows.quotes_blob {
        tx.prepare_cached("INSERT INTO doc_quotes(seq, quotes) VALUES (?1, ?2)")?.execute(params![seq, quotes])?;
    }
    if let Some(edges) = &rows.edges_blob {
        tx.prepare_cached("INSERT INTO doc_edges(seq, edges) VALUES (?1, ?2)")?.execute(params![seq, edges])?;
    }
    Ok(())
}

/// Documents whose entities [`rebuild`] reads at a time.
const REBUILD_PAGE: i64 = 2000;

/// Replays every document's entities and the active curation decisions from scratch (after
/// an undo). An entity keeps the id it had where its name or its rows say which it was; others
/// get new ids in document order.
pub(crate) fn rebuild(tx: &Transaction, xref: &mut Xref) -> Result<()> {
    xref.reset();
    // The ids entities had, by name and by every known form, and the ids that absorbed others:
    // an entity gets its id back where it can, so that "#84" names the same entity after an
    // undo, and the rows that keep their entity are not written again. Names of merged-away
    // entities come before shown names (a merge target may show the other's name).
    let mut by_name: HashMap<String, EntityId> = HashMap::new();
    let mut by_key: HashMap<String, EntityId> = HashMap::new();
    let mut targets: HashSet<EntityId> = HashSet::new();
    {
        let mut st = tx.prepare("SELECT id, type, name, merged_into FROM entities ORDER BY merged_into IS NULL, id")?;
        let mut rows = st.query([])?;
        while let Some(row) = rows.next()? {
            let (id, ty, name, into): (EntityId, String, String, Option<EntityId>) =
                (row.get(0)?, row.get(1)?, row.get(2)?, row.get(3)?);
            if let Some(key) = canonical_key(ty_parse(&ty), &name) {
                by_name.entry(key).or_insert(id);
            }
            targets.extend(into);
        }
        let mut st = tx.prepare("SELECT key, entity FROM entity_keys ORDER BY entity")?;
        let mut rows = st.query([])?;
        while let Some(row) = rows.next()? {
            by_key.entry(row.get(0)?).or_insert(row.get(1)?);
        }
    }
    for table in ["entities", "entity_keys", "entity_names", "pins", "resolver_snapshot"] {
        tx.execute(&format!("DELETE FROM {table}"), [])?;
    }
    // (an entity that had no id gets one above all the old ones, not one another will claim)
    let mut r = Resolver::new(by_name.values().chain(by_key.values()).copied().max().unwrap_or(0));
    let mut ids = std::collections::BTreeSet::new();
    let mut update = tx.prepare("UPDATE doc_entities SET entity = ?3 WHERE seq = ?1 AND local = ?2")?;
    // A page of documents at a time, so that a big case's rows never sit in memory together
    // (2.9M rows took 0.9 GB at 100k documents).
    let mut after = i64::MIN;
    loop {
        let last: Option<i64> = tx
            .prepare_cached("SELECT seq FROM docs WHERE seq > ?1 ORDER BY seq LIMIT 1 OFFSET ?2")?
            .query_row(params![after, REBUILD_PAGE - 1], |row| row.get(0))
            .optional()?;
        let upto = last.unwrap_or(i64::MAX);
        let mut rows: Vec<(i64, EntityId, DocEntity)> = Vec::new();
        each_doc_entity(
            tx,
            "WHERE seq > ?1 AND seq <= ?2 ORDER BY seq, length(local), local",
            params![after, upto],
            |seq, old, e| {
                rows.push((seq, old, e));
                Ok(())
            },
        )?;
        // Once a bare surname joined a full name, rows of this page read before may have moved.
        let mut moved = false;
        for doc in rows.chunk_by(|a, b| a.0 == b.0) {
            let forms: Vec<Forms> = doc.iter().map(|(_, _, e)| Forms::of(e)).collect();
            for ((seq, old, e), forms) in doc.iter().zip(&forms) {
                // the old id of its name, else its row's id unless that one absorbed others (whose
                // rows it holds too), else the entity that had its form
                let key = forms.name.canonical();
                let preferred = key
                    .and_then(|k| by_name.get(k))
                    .copied()
                    .or(Some(*old).filter(|o| !targets.contains(o)))
                    .or_else(|| key.and_then(|k| by_key.get(k)).copied());
                let id = r.resolve_with(e, forms, preferred);
                // (a row that keeps its entity is not written: most do)
                if id != *old || moved {
                    update.execute(params![seq, e.local, id])?;
                }
                insert_keys(tx, &mut r, id, &forms.keys())?;
                ids.insert(id);
            }
            // as ingest does ([`index_rows`])
            let joined = join_bare_surnames(tx, &mut r, doc.iter().zip(&forms).map(|((_, _, e), f)| (e.ty, f)))?;
            moved |= !joined.is_empty();
            ids.extend(joined);
        }
        match last {
            Some(seq) => after = seq,
            None => break,
        }
    }
    for id in ids {
        refresh(tx, &mut r, id)?;
    }
    let decisions: Vec<(String, String)> = {
        let mut st = tx.prepare("SELECT action, args FROM curation WHERE undone = 0 ORDER BY id")?;
        st.query_map([], |row| Ok((row.get(0)?, row.get(1)?)))?.collect::<std::result::Result<_, _>>()?
    };
    for (_, args) in decisions {
        let stored: StoredCuration = unjson(&args)?;
        if let Some(c) = stored.locate(tx, &r)? {
            apply(tx, &mut r, &c, stored.new_id)?;
        }
    }
    xref.resolver = Some(r);
    Ok(())
}

/// How an entity is found again when decisions are replayed: its id may have changed, its
/// names have not.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
struct EntityRef {
    id: i64,
    name: String,
    #[serde(rename = "type")]
    ty: String,
}

/// A decision as the log keeps it.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
struct StoredCuration {
    action: String,
    entities: Vec<EntityRef>,
    #[serde(default)]
    docs: Vec<String>,
    #[serde(default)]
    names: Vec<String>,
    #[serde(default)]
    name: Option<String>,
    /// The id a split gave its new entity.
    #[serde(default)]
    new_id: Option<i64>,
}

impl StoredCuration {
    /// The decision in terms of today's entity ids; `None` if one of its entities is gone.
    fn locate(&self, tx: &Transaction, r: &Resolver) -> Result<Option<Curation>> {
        let mut ids = Vec::new();
        for e in &self.entities {
            let probe = DocEntity {
                local: String::new(),
                ty: ty_parse(&e.ty),
                name: e.name.clone(),
                aliases: Vec::new(),
                roles: Vec::new(),
                mentions: 0,
            };
            let found = r.find(&probe).or_else(|| {
                tx.query_row("SELECT id FROM entities WHERE id = ?1", [e.id], |row| row.get(0))
                    .optional()
                    .ok()
                    .flatten()
            });
            match found {
                Some(id) => ids.push(id),
                None => return Ok(None),
            }
        }
        let first = ids[0];
        Ok(Some(match self.action.as_str() {
            "merge" => Curation::Merge { into: first, from: ids[1..].to_vec() },
            "split" => Curation::Split { entity: first, docs: self.docs.clone(), names: self.names.clone() },
            "alias" => Curation::Alias { entity: first, name: self.name.clone().unwrap_or_default() },
            "rename" => Curation::Rename { entity: first, name: self.name.clone().unwrap_or_default() },
            "reject" => Curation::Reject { entity: first },
            other => return Err(StoreError::Record(format!("unknown curation action {other}"))),
        }))
    }
}

fn entity_ref(tx: &Transaction, r: &Resolver, id: EntityId) -> Result<EntityRef> {
    let row: Option<(String, String)> = tx
        .query_row("SELECT name, type FROM entities WHERE id = ?1", [id], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?;
    let (name, ty) = row.ok_or_else(|| StoreError::NotFound(format!("no entity #{id}")))?;
    let name = r.entities.get(&id).map(|k| k.best_name()).filter(|n| !n.is_empty()).unwrap_or(name);
    Ok(EntityRef { id, name, ty })
}

fn live(tx: &Transaction, id: EntityId) -> Result<()> {
    let merged: Option<Option<i64>> =
        tx.query_row("SELECT merged_into FROM entities WHERE id = ?1", [id], |r| r.get(0)).optional()?;
    match merged {
        None => Err(StoreError::NotFound(format!("no entity #{id}"))),
        Some(Some(into)) => Err(StoreError::NotFound(format!("entity #{id} was merged into #{into}"))),
        Some(None) => Ok(()),
    }
}

/// Applies and logs a curation decision.
pub(crate) fn curate(tx: &Transaction, r: &mut Resolver, c: &Curation) -> Result<Decision> {
    let ids: Vec<EntityId> = match c {
        Curation::Merge { into, from } => std::iter::once(*into).chain(from.iter().copied()).collect(),
        Curation::Split { entity, .. }
        | Curation::Alias { entity, .. }
        | Curation::Rename { entity, .. }
        | Curation::Reject { entity } => vec![*entity],
    };
    for &id in &ids {
        live(tx, id)?;
    }
    let entities = ids.iter().map(|&id| entity_ref(tx, r, id)).collect::<Result<Vec<_>>>()?;
    let label = |es: &[EntityRef]| es.iter().map(|e| format!("#{} {}", e.id, e.name)).collect::<Vec<_>>().join(", ");
    let (action, summary) = match c {
        Curation::Merge { from, .. } => {
            if from.is_empty() || from.contains(&ids[0]) {
                return Err(StoreError::Query("merge needs two or more different entities".into()));
            }
            ("merge", format!("merged {} into {}", label(&entities[1..]), label(&entities[..1])))
        }
        Curation::Split { docs, names, .. } => {
            if docs.is_empty() && names.is_empty() {
                return Err(StoreError::Query("split needs --doc or --name: what moves to the new entity".into()));
            }
            let what = docs.iter().map(|d| format!("document {d}")).chain(names.iter().map(|n| format!("\"{n}\"")));
            ("split", format!("split {} off {}", what.collect::<Vec<_>>().join(", "), label(&entities)))
        }
        Curation::Alias { name, .. } => ("alias", format!("added alias \"{name}\" to {}", label(&entities))),
        Curation::Rename { name, .. } => ("rename", format!("renamed {} to \"{name}\"", label(&entities))),
        Curation::Reject { .. } => ("reject", format!("rejected {}", label(&entities))),
    };
    let mut stored = StoredCuration {
        action: action.to_string(),
        entities,
        docs: Vec::new(),
        names: Vec::new(),
        name: None,
        new_id: None,
    };
    let resolved = match c {
        Curation::Split { entity, docs, names } => {
            // Documents are kept by content hash: ids can change, contents cannot.
            stored.docs = docs.iter().map(|d| doc_hash(tx, d)).collect::<Result<_>>()?;
            stored.names = names.clone();
            Curation::Split { entity: *entity, docs: stored.docs.clone(), names: names.clone() }
        }
        Curation::Alias { name, .. } | Curation::Rename { name, .. } => {
            stored.name = Some(name.clone());
            c.clone()
        }
        other => other.clone(),
    };
    stored.new_id = apply(tx, r, &resolved, None)?;
    let at = jiff::Timestamp::now().to_string();
    tx.execute(
        "INSERT INTO curation(at, action, args, summary) VALUES (?1, ?2, ?3, ?4)",
        params![at, action, json(&stored), summary],
    )?;
    Ok(Decision { id: tx.last_insert_rowid(), at, action: action.to_string(), summary, undone: false })
}

fn doc_hash(tx: &Transaction, key: &str) -> Result<String> {
    tx.query_row(
        "SELECT hash FROM docs WHERE hash = ?1 OR id = ?1 OR hash = (SELECT hash FROM ledger WHERE id = ?1) LIMIT 1",
        [key],
        |r| r.get(0),
    )
    .optional()?
    .ok_or_else(|| StoreError::NotFound(format!("no document {key}")))
}

/// Rows of `doc_entities` of an entity: (document seq, the document's entity).
fn rows_of(tx: &Transaction, id: EntityId) -> Result<Vec<(i64, DocEntity)>> {
    let mut rows = Vec::new();
    each_doc_entity(tx, "WHERE entity = ?1 ORDER BY seq", [id], |seq, _, e| {
        rows.push((seq, e));
        Ok(())
    })?;
    Ok(rows)
}

fn move_row(tx: &Transaction, r: &mut Resolver, seq: i64, e: &DocEntity, from: EntityId, to: EntityId) -> Result<()> {
    r.remove(from, e);
    r.add(to, e);
    tx.prepare_cached("UPDATE doc_entities SET entity = ?3 WHERE seq = ?1 AND local = ?2")?
        .execute(params![seq, e.local, to])?;
    insert_keys(tx, r, to, &entity_keys(e))
}

/// Moves everything of entity `from` into `into`.
fn absorb(tx: &Transaction, r: &mut Resolver, into: EntityId, from: EntityId) -> Result<()> {
    if into == from {
        return Ok(());
    }
    match r.tally.as_mut().and_then(|t| t.take_orphan_docs(from)) {
        // (a first load: no index by entity yet, but the documents of a bare surname are known)
        Some(docs) => {
            let mut st = tx.prepare_cached("UPDATE doc_entities SET entity = ?1 WHERE seq = ?2 AND entity = ?3")?;
            for seq in docs {
                st.execute(params![into, seq, from])?;
            }
        }
        None => {
            tx.execute("UPDATE doc_entities SET entity = ?1 WHERE entity = ?2", params![into, from])?;
        }
    }
    if let Some(t) = r.tally.as_mut() {
        t.recount.extend([into, from]);
    }
    tx.execute("UPDATE OR IGNORE entity_keys SET entity = ?1 WHERE entity = ?2", params![into, from])?;
    tx.execute("DELETE FROM entity_keys WHERE entity = ?1", [from])?;
    tx.execute("UPDATE OR IGNORE entity_names SET entity = ?1 WHERE entity = ?2", params![into, from])?;
    tx.execute("DELETE FROM entity_names WHERE entity = ?1", [from])?;
    tx.execute("UPDATE pins SET entity = ?1 WHERE entity = ?2", params![into, from])?;
    tx.execute("UPDATE entities SET merged_into = ?1 WHERE id = ?2", params![into, from])?;
    tx.execute("UPDATE entities SET merged_into = ?1 WHERE merged_into = ?2", params![into, from])?;
    r.merge(into, from);
    Ok(())
}

/// Carries out a decision on the tables and the resolver. Returns a split's new entity.
fn apply(tx: &Transaction, r: &mut Resolver, c: &Curation, new_id: Option<EntityId>) -> Result<Option<EntityId>> {
    // (a decision moves rows in ways a bulk load's tally does not follow: its end counts them all)
    r.tally = None;
    match c {
        Curation::Merge { into, from } => {
            let mut done = HashSet::from([*into]);
            for &f in from {
                // A replayed merge whose entities were already resolved together is a no-op.
                if done.insert(f) {
                    absorb(tx, r, *into, f)?;
                }
            }
            refresh(tx, r, *into)?;
            Ok(None)
        }
        Curation::Split { entity, docs, names } => {
            let new = match new_id.filter(|id| !r.entities.contains_key(id)) {
                Some(id) => {
                    r.reserve(id);
                    id
                }
                None => r.allocate(),
            };
            let hashes: HashSet<String> = docs.iter().map(|d| doc_hash(tx, d)).collect::<Result<_>>()?;
            let keys: HashSet<String> = names
                .iter()
                .filter_map(|n| canonical_key(r.entities.get(entity).map(|k| k.ty()).unwrap_or(EntityType::Misc), n))
                .collect();
            let folded: HashSet<String> = names.iter().map(|n| fold(n)).collect();
            for (seq, e) in rows_of(tx, *entity)? {
                let hash: String = tx.query_row("SELECT hash FROM docs WHERE seq = ?1", [seq], |row| row.get(0))?;
                let by_doc = hashes.contains(&hash);
                let by_name =
                    canonical_key(e.ty, &e.name).is_some_and(|k| keys.contains(&k)) || folded.contains(&fold(&e.name));
                if !(by_doc || by_name) {
                    continue;
                }
                move_row(tx, r, seq, &e, *entity, new)?;
                if by_doc && let Some(k) = canonical_key(e.ty, &e.name) {
                    // The document keeps this entity apart when it is analysed again.
                    tx.execute(
                        "INSERT INTO pins(hash, key, entity) VALUES (?1, ?2, ?3)
                         ON CONFLICT(hash, key) DO UPDATE SET entity = excluded.entity",
                        params![hash, k, new],
                    )?;
                }
                if by_name {
                    r.unindex(*entity, &e.name);
                    for k in keys_of(e.ty, &e.name) {
                        tx.execute("DELETE FROM entity_keys WHERE key = ?1 AND entity = ?2", params![k, entity])?;
                    }
                }
            }
            if !r.entities.contains_key(&new) {
                return Err(StoreError::Query("nothing matched: no mention moved".into()));
            }
            refresh(tx, r, *entity)?;
            refresh(tx, r, new)?;
            if let Some(k) = r.entities.get_mut(&new) {
                k.fixed = true;
            }
            tx.execute("UPDATE entities SET fixed = 1 WHERE id = ?1", [new])?;
            Ok(Some(new))
        }
        Curation::Alias { entity, name } => {
            tx.execute("INSERT OR IGNORE INTO entity_names(entity, name) VALUES (?1, ?2)", params![entity, name])?;
            r.add_curated_name(*entity, name);
            let ty = r.entities.get(entity).map(|k| k.ty()).unwrap_or(EntityType::Misc);
            for k in keys_of(ty, name) {
                tx.execute("INSERT OR IGNORE INTO entity_keys(key, entity) VALUES (?1, ?2)", params![k, entity])?;
            }
            // Documents that already use the form join the entity.
            let key = canonical_key(ty, name);
            let others: Vec<EntityId> = {
                let mut st = tx.prepare("SELECT DISTINCT entity FROM entity_keys WHERE key = ?1 AND entity != ?2")?;
                let k = key.clone().unwrap_or_default();
                st.query_map(params![k, entity], |row| row.get(0))?.collect::<std::result::Result<_, _>>()?
            };
            for other in others {
                for (seq, e) in rows_of(tx, other)? {
                    if canonical_key(e.ty, &e.name) == key && (e.ty == EntityType::Person) == (ty == EntityType::Person)
                    {
                        move_row(tx, r, seq, &e, other, *entity)?;
                    }
                }
                refresh(tx, r, other)?;
            }
            refresh(tx, r, *entity)?;
            Ok(None)
        }
        Curation::Rename { entity, name } => {
            tx.execute("UPDATE entities SET curated_name = ?2 WHERE id = ?1", params![entity, name])?;
            Ok(None)
        }
        Curation::Reject { entity } => {
            tx.execute("UPDATE entities SET rejected = 1 WHERE id = ?1", [entity])?;
            Ok(None)
        }
    }
}

/// Marks a decision undone; the caller rebuilds.
pub(crate) fn mark_undone(tx: &Transaction, id: Option<i64>) -> Result<Decision> {
    let row: Option<(i64, String, String, String)> = match id {
        Some(id) => tx
            .query_row("SELECT id, at, action, summary FROM curation WHERE id = ?1 AND undone = 0", [id], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))
            })
            .optional()?,
        None => tx
            .query_row(
                "SELECT id, at, action, summary FROM curation WHERE undone = 0 ORDER BY id DESC LIMIT 1",
                [],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
            )
            .optional()?,
    };
    let (id, at, action, summary) = row.ok_or_else(|| StoreError::NotFound("no decision to undo".into()))?;
    tx.execute("UPDATE curation SET undone = 1 WHERE id = ?1", [id])?;
    Ok(Decision { id, at, action, summary, undone: true })
}

/// The curation log.
pub(crate) fn log(db: &Connection) -> Result<Vec<Decision>> {
    let mut st = db.prepare("SELECT id, at, action, summary, undone FROM curation ORDER BY id")?;
    let rows = st.query_map([], |r| {
        Ok(Decision { id: r.get(0)?, at: r.get(1)?, action: r.get(2)?, summary: r.get(3)?, undone: r.get(4)? })
    })?;
    Ok(rows.collect::<std::result::Result<_, _>>()?)
}

// ---- queries ----

/// Entities with their documents and mentions: from the kept totals, or counted from
/// `doc_entities` while a first bulk load has the triggers off. Each query adds its own
/// conditions after `WHERE`.
fn summary_sql(db: &Connection) -> Result<&'static str> {
    Ok(if totals_kept(db)? {
        "SELECT e.id, coalesce(e.curated_name, e.name), e.type, t.docs, t.mentions
         FROM entities e JOIN entity_totals t ON t.entity = e.id WHERE t.docs > 0 AND"
    } else {
        "SELECT e.id, coalesce(e.curated_name, e.name), e.type, count(DISTINCT d.seq), coalesce(sum(d.mentions), 0)
         FROM entities e JOIN doc_entities d ON d.entity = e.id WHERE"
    })
}

fn summary_row(r: &rusqlite::Row) -> rusqlite::Result<EntitySummary> {
    Ok(EntitySummary {
        id: r.get(0)?,
        name: r.get(1)?,
        ty: r.get(2)?,
        documents: r.get::<_, i64>(3)? as u64,
        mentions: r.get::<_, i64>(4)? as u64,
    })
}

/// Entities of the case, most mentioned first.
pub(crate) fn entities(db: &Connection, ty: Option<&str>, limit: usize) -> Result<Vec<EntitySummary>> {
    let sql = format!(
        "{} e.rejected = 0 AND e.merged_into IS NULL AND (?1 IS NULL OR e.type = ?1)
         GROUP BY e.id ORDER BY 5 DESC, 4 DESC, e.id LIMIT ?2",
        summary_sql(db)?
    );
    let mut st = db.prepare(&sql)?;
    let ty = ty.map(|t| ty_str(ty_parse(t)));
    let rows = st.query_map(params![ty, limit as i64], summary_row)?;
    Ok(rows.collect::<std::result::Result<_, _>>()?)
}

fn summary(db: &Connection, id: EntityId) -> Result<Option<EntitySummary>> {
    let sql = format!("{} e.id = ?1 GROUP BY e.id", summary_sql(db)?);
    Ok(db.query_row(&sql, [id], summary_row).optional()?)
}

/// Entities a name or id points to, best first: `#12` or `12`, a canonical name, any written
/// form (folded: case, accents and punctuation do not matter).
pub(crate) fn find(db: &Connection, name: &str) -> Result<Vec<EntitySummary>> {
    let trimmed = name.trim().trim_start_matches('#');
    if let Ok(id) = trimmed.parse::<i64>() {
        let id: i64 = db
            .query_row("SELECT coalesce(merged_into, id) FROM entities WHERE id = ?1", [id], |r| r.get(0))
            .optional()?
            .unwrap_or(id);
        return Ok(summary(db, id)?.into_iter().collect());
    }
    let mut ids: Vec<i64> = {
        let mut st = db.prepare(
            "SELECT id FROM entities WHERE merged_into IS NULL AND (lower(coalesce(curated_name, name)) = lower(?1))",
        )?;
        st.query_map([name], |r| r.get(0))?.collect::<std::result::Result<_, _>>()?
    };
    let mut keys = keys_of(EntityType::Person, name);
    keys.extend(keys_of(EntityType::Org, name));
    let mut st = db.prepare_cached("SELECT entity FROM entity_keys WHERE key = ?1")?;
    for k in keys {
        for id in st.query_map([k], |r| r.get::<_, i64>(0))? {
            let id = id?;
            if !ids.contains(&id) {
                ids.push(id);
            }
        }
    }
    let mut out = Vec::new();
    for id in ids {
        if let Some(s) = summary(db, id)? {
            let rejected: bool = db.query_row("SELECT rejected FROM entities WHERE id = ?1", [id], |r| r.get(0))?;
            if !rejected {
                out.push(s);
            }
        }
    }
    out.sort_by(|a, b| {
        (b.name.eq_ignore_ascii_case(name), b.mentions).cmp(&(a.name.eq_ignore_ascii_case(name), a.mentions))
    });
    Ok(out)
}

/// (seq, local) pairs of an entity.
fn locals_of(db: &Connection, id: EntityId) -> Result<HashMap<i64, Vec<String>>> {
    let mut st = db.prepare_cached("SELECT seq, local FROM doc_entities WHERE entity = ?1")?;
    let mut out: HashMap<i64, Vec<String>> = HashMap::new();
    for row in st.query_map([id], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?)))? {
        let (seq, local) = row?;
        out.entry(seq).or_default().push(local);
    }
    Ok(out)
}

/// The case entities of document ?1's local entities, not rejected, with their shown names:
/// (local, id, name). Written once for [`case_entity`] and [`quotes_after`].
macro_rules! case_entities_of_doc {
    () => {
        "SELECT d.local, e.id, coalesce(e.curated_name, e.name) FROM doc_entities d JOIN entities e ON e.id = d.entity
         WHERE d.seq = ?1 AND e.rejected = 0"
    };
}

/// Case entity (id, name) of a document's local entity.
fn case_entity(db: &Connection, seq: i64, local: &str) -> Result<Option<(i64, String)>> {
    Ok(db
        .prepare_cached(concat!(case_entities_of_doc!(), " AND d.local = ?2"))?
        .query_row(params![seq, local], |r| Ok((r.get(1)?, r.get(2)?)))
        .optional()?)
}

/// A document's id and title.
#[derive(Clone)]
struct DocInfo {
    id: String,
    title: Option<String>,
}

fn doc_info(db: &Connection, seq: i64) -> Result<DocInfo> {
    Ok(db
        .prepare_cached("SELECT id, title FROM docs WHERE seq = ?1")?
        .query_row([seq], |r| Ok(DocInfo { id: r.get(0)?, title: r.get(1)? }))?)
}

/// Quotes of the case, filtered by speaker and by words in the quote.
pub(crate) fn quotes(
    db: &Connection,
    speaker: Option<EntityId>,
    about: Option<EntityId>,
    text: Option<&str>,
    limit: usize,
) -> Result<Vec<QuoteEntry>> {
    let needle = text.map(str::to_lowercase);
    let unfiltered = speaker.is_none() && about.is_none() && needle.is_none();
    let walked = if unfiltered { earliest_quotes(db, limit)? } else { None };
    let mut found = match walked {
        Some(found) => found,
        None => scan_quotes(db, speaker, about, needle.as_deref(), limit)?,
    };
    keep_first(&mut found, limit);
    let mut out = Vec::with_capacity(found.len());
    for ((_, _, seq, _), q) in found {
        let speaker = q.speaker.as_deref().map(|l| case_entity(db, seq, l)).transpose()?.flatten();
        out.push(quote_entry(q, speaker, doc_info(db, seq)?));
    }
    Ok(out)
}

/// The quotes of the documents after `after_seq` that have any, at most `docs` documents, in
/// store order, with the last document's sequence number (`None` when none are left).
pub(crate) fn quotes_after(db: &Connection, after_seq: i64, docs: usize) -> Result<(Vec<QuoteEntry>, Option<i64>)> {
    let mut st = db.prepare_cached("SELECT seq, quotes FROM doc_quotes WHERE seq > ?1 ORDER BY seq LIMIT ?2")?;
    let rows = st.query_map(params![after_seq, docs as i64], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, Packed>(1)?)))?;
    let (mut out, mut last) = (Vec::new(), None);
    // A document's speakers and its id are read once for all its quotes.
    let mut entities = db.prepare_cached(case_entities_of_doc!())?;
    for row in rows {
        let (seq, list) = row?;
        let case: HashMap<String, (i64, String)> = entities
            .query_map([seq], |r| Ok((r.get(0)?, (r.get(1)?, r.get(2)?))))?
            .collect::<std::result::Result<_, _>>()?;
        let info = doc_info(db, seq)?;
        for q in quotes_in(&list)? {
            let speaker = q.speaker.as_ref().and_then(|l| case.get(l)).cloned();
            out.push(quote_entry(q, speaker, info.clone()));
        }
        last = Some(seq);
    }
    Ok((out, last))
}

/// A stored quote as shown, with its speaker's case entity (id, name) and its document.
fn quote_entry(q: StoredQuote, speaker: Option<(i64, String)>, doc: DocInfo) -> QuoteEntry {
    QuoteEntry {
        doc: doc.id,
        title: doc.title,
        date: q.date,
        speaker: speaker.as_ref().map(|s| s.0),
        speaker_name: speaker.map(|s| s.1),
        speaker_text: q.speaker_text,
        kind: q.kind,
        cue: q.cue,
        text: q.text,
        start: q.start as usize,
        end: q.end as usize,
    }
}

/// Quotes by `speaker`, about `about` and containing `needle` (lowercase), read from every
/// document that may hold one: candidates that include the first `limit` in [`QuoteKey`] order
/// (the caller sorts and keeps those).
fn scan_quotes(
    db: &Connection,
    speaker: Option<EntityId>,
    about: Option<EntityId>,
    needle: Option<&str>,
    limit: usize,
) -> Result<Vec<(QuoteKey, StoredQuote)>> {
    let speaker_locals = speaker.map(|e| locals_of(db, e)).transpose()?;
    let about_locals = about.map(|e| locals_of(db, e)).transpose()?;
    let mut found = Vec::new();
    // Only documents where the entity asked about appears are read. (Two statements: with "?1
    // IS NULL OR seq IN (…)" SQLite read every document's quotes.)
    let (mut st, entity) = match speaker.or(about) {
        Some(e) => (
            db.prepare(
                "SELECT seq, quotes FROM doc_quotes WHERE seq IN (SELECT seq FROM doc_entities WHERE entity = ?1)",
            )?,
            Some(e),
        ),
        None => (db.prepare("SELECT seq, quotes FROM doc_quotes")?, None),
    };
    let rows =
        st.query_map(rusqlite::params_from_iter(entity), |r| Ok((r.get::<_, i64>(0)?, r.get::<_, Packed>(1)?)))?;
    for row in rows {
        let (seq, list) = row?;
        let list = quotes_in(&list)?;
        for (n, q) in list.into_iter().enumerate() {
            let of = |map: &Option<HashMap<i64, Vec<String>>>, locals: &[String]| {
                map.as_ref().is_none_or(|m| m.get(&seq).is_some_and(|mine| locals.iter().any(|l| mine.contains(l))))
            };
            if !of(&speaker_locals, q.speaker.as_slice())
                || !of(&about_locals, &q.about)
                || needle.is_some_and(|t| !q.text.to_lowercase().contains(t))
            {
                continue;
            }
            found.push(((q.date.is_none(), q.date.clone(), seq, n), q));
            if found.len() >= limit.saturating_mul(2).max(4096) {
                keep_first(&mut found, limit);
            }
        }
    }
    Ok(found)
}

/// Sorts quotes into [`QuoteKey`] order and keeps the first `limit`.
fn keep_first(found: &mut Vec<(QuoteKey, StoredQuote)>, limit: usize) {
    found.sort_by(|a, b| a.0.cmp(&b.0));
    found.truncate(limit);
}

/// Order of quotes: undated last, then by date, document and place.
type QuoteKey = (bool, Option<String>, i64, usize);

/// The first `limit` quotes of the case by date, from a walk of the timeline, which stops soon
/// after it has them (reading every document's quotes took minutes at a million documents).
/// `None` when the timeline runs out first: undated quotes are then needed, which only the
/// whole scan finds.
fn earliest_quotes(db: &Connection, limit: usize) -> Result<Option<Vec<(QuoteKey, StoredQuote)>>> {
    // (the order of the index by date; within a date the caller sorts)
    let mut st = db.prepare(&format!("SELECT {TIMELINE_COLUMNS} FROM doc_timeline ORDER BY date, until, seq"))?;
    let mut rows = st.query([])?;
    let mut lists: HashMap<i64, Vec<StoredQuote>> = HashMap::new();
    let mut found: Vec<(QuoteKey, StoredQuote)> = Vec::new();
    // Once `limit` are found, rows of the same date may still sort before them.
    let mut last_date: Option<String> = None;
    while let Some(row) = rows.next()? {
        let group = TimelineGroupOut::read(row)?;
        let (seq, date) = (group.seq, group.date.clone());
        // (the caller sorts and keeps the first `limit`)
        if last_date.as_ref().is_some_and(|d| *d != date) {
            return Ok(Some(found));
        }
        for t in group.statements()? {
            let (by, at) = match t.kind.as_str() {
                "published" => (DatedBy::Published, None),
                "quote" => (DatedBy::Cue, t.start),
                _ => continue,
            };
            if !lists.contains_key(&seq) {
                if lists.len() > 4096 {
                    lists.clear();
                }
                lists.insert(seq, quotes_of_doc(db, seq)?);
            }
            for (n, q) in lists[&seq].iter().enumerate() {
                if q.dated_by == Some(by) && at.is_none_or(|a| a == q.start) {
                    found.push(((q.date.is_none(), q.date.clone(), seq, n), q.clone()));
                }
            }
        }
        if found.len() >= limit && last_date.is_none() {
            last_date = Some(date);
        }
    }
    Ok(None)
}

/// Dated statements, sorted by date, optionally of one entity and within dates.
pub(crate) fn timeline(
    db: &Connection,
    entity: Option<EntityId>,
    from: Option<&str>,
    to: Option<&str>,
    limit: usize,
) -> Result<Vec<TimelineEntry>> {
    timeline_with(db, entity, from, to, limit, FEW_DOCS)
}

/// [`timeline`], reading an entity's rows document by document when it is in at most
/// `few_docs` documents.
pub(crate) fn timeline_with(
    db: &Connection,
    entity: Option<EntityId>,
    from: Option<&str>,
    to: Option<&str>,
    limit: usize,
    few_docs: usize,
) -> Result<Vec<TimelineEntry>> {
    let locals = entity.map(|e| locals_of(db, e)).transpose()?;
    // An entity in few documents: their rows, read by document and sorted here. A walk of the
    // whole timeline in date order would pass every other document's rows first (minutes at a
    // million documents when the entity has fewer rows than asked for).
    if let Some(map) = locals.as_ref().filter(|m| m.len() <= few_docs) {
        let mut st = db.prepare_cached(&format!(
            "SELECT {TIMELINE_COLUMNS} FROM doc_timeline
             WHERE seq = ?1 AND (?2 IS NULL OR until >= ?2) AND (?3 IS NULL OR date <= ?3)"
        ))?;
        let mut rows: Vec<TimelineRowOut> = Vec::new();
        for &seq in map.keys() {
            for group in st.query_map(params![seq, from, to], TimelineGroupOut::read)? {
                rows.extend(group?.statements()?);
            }
        }
        rows.sort_by(|x, y| (&x.date, &x.until, x.seq, x.n).cmp(&(&y.date, &y.until, y.seq, y.n)));
        return timeline_entries(db, std::iter::once(Ok(rows)), locals.as_ref(), limit);
    }
    // A walk in date order from the start would pass every statement that ends before `from`
    // (65 s for `--from 2015-06` at a million documents). It is three walks, one after the
    // other: statements that start before `from` and reach it are periods longer than a day;
    // those of at most two calendar years start at most a year before `from`, the longer ones
    // (decades, centuries) are few and have an index of their own; then everything from `from`.
    let lo = from.and_then(|f| f.get(..4)?.parse::<i32>().ok()).map(|y| format!("{:04}-01-01", y - 1));
    let parts: Vec<(Vec<&str>, Vec<&str>)> = match (from, lo.as_deref()) {
        (Some(from), Some(lo)) => vec![
            (vec![LONG_SPAN, "date < ?", "until >= ?"], vec![lo, from]),
            (vec![SPAN, "date >= ?", "date < ?", "until >= ?"], vec![lo, from, from]),
            (vec!["date >= ?"], vec![from]),
        ],
        (Some(from), None) => vec![(vec!["until >= ?"], vec![from])],
        (None, _) => vec![(vec![], vec![])],
    };
    let mut statements = Vec::new();
    for (mut conds, mut args) in parts {
        if let Some(to) = to {
            conds.push("date <= ?");
            args.push(to);
        }
        let filter = if conds.is_empty() { String::new() } else { format!("WHERE {}", conds.join(" AND ")) };
        let sql = format!("SELECT {TIMELINE_COLUMNS} FROM doc_timeline {filter} ORDER BY date, until, seq");
        statements.push((db.prepare(&sql)?, args));
    }
    let mut walks = Vec::new();
    for (st, args) in statements.iter_mut() {
        walks.push(st.query_map(rusqlite::params_from_iter(args.iter()), TimelineGroupOut::read)?);
    }
    let runs = walks.into_iter().flatten().map(|g| g.map_err(StoreError::from)?.statements());
    timeline_entries(db, runs, locals.as_ref(), limit)
}

/// The first `limit` entries from timeline rows in their order (given in runs), of the entity
/// whose `locals` are given if any.
fn timeline_entries(
    db: &Connection,
    runs: impl Iterator<Item = Result<Vec<TimelineRowOut>>>,
    locals: Option<&HashMap<i64, Vec<String>>>,
    limit: usize,
) -> Result<Vec<TimelineEntry>> {
    let mut out = Vec::new();
    let mut cached: Option<(i64, Vec<char>)> = None;
    for run in runs {
        for row in run? {
            if push_timeline_row(db, row, locals, &mut cached, &mut out, limit)? {
                out.truncate(limit);
                return Ok(out);
            }
        }
    }
    out.truncate(limit);
    Ok(out)
}

/// Documents of an entity up to which its timeline is gathered document by document.
const FEW_DOCS: usize = 20_000;

/// The columns [`TimelineGroupOut::read`] reads, in its order.
const TIMELINE_COLUMNS: &str = "seq, date, until, entries";

/// A stored timeline row (a document's statements of one date range) as read back.
struct TimelineGroupOut {
    seq: i64,
    date: String,
    until: String,
    entries: Raw,
}

impl TimelineGroupOut {
    /// A row selected as [`TIMELINE_COLUMNS`].
    fn read(r: &rusqlite::Row) -> rusqlite::Result<TimelineGroupOut> {
        Ok(TimelineGroupOut { seq: r.get(0)?, date: r.get(1)?, until: r.get(2)?, entries: r.get(3)? })
    }

    /// Its statements, in document order.
    fn statements(self) -> Result<Vec<TimelineRowOut>> {
        let items = codec::timeline(&self.date, &self.entries.0).map_err(StoreError::Record)?;
        Ok(items
            .into_iter()
            .map(|(n, kind, granularity, value, start, end, text, locals)| TimelineRowOut {
                seq: self.seq,
                n,
                kind,
                date: self.date.clone(),
                until: self.until.clone(),
                granularity,
                value,
                start,
                end,
                text,
                locals,
            })
            .collect())
    }
}

/// One dated statement as read back.
struct TimelineRowOut {
    seq: i64,
    n: i64,
    kind: String,
    date: String,
    until: String,
    granularity: String,
    value: String,
    start: Option<i64>,
    end: Option<i64>,
    text: String,
    locals: Vec<String>,
}

/// Adds the entries of one timeline row (a publication row brings the quotes it dates) when
/// they concern the entity whose `locals` are given; true once `limit` entries are there.
fn push_timeline_row(
    db: &Connection,
    row: TimelineRowOut,
    locals: Option<&HashMap<i64, Vec<String>>>,
    cached: &mut Option<(i64, Vec<char>)>,
    out: &mut Vec<TimelineEntry>,
    limit: usize,
) -> Result<bool> {
    let TimelineRowOut { seq, n: _, kind, date, until, granularity, value, start, end, text, locals: entry_locals } =
        row;
    if let Some(map) = locals {
        let Some(mine) = map.get(&seq) else { return Ok(false) };
        // A publication date belongs to every entity of the document.
        if kind != "published" && !entry_locals.iter().any(|l| mine.contains(l)) {
            return Ok(false);
        }
    }
    // Sentences are not stored twice: they are read from the document's text.
    let text = match (text.is_empty(), start, end) {
        (true, Some(a), Some(b)) => {
            if cached.as_ref().is_none_or(|c| c.0 != seq) {
                let blob: Vec<u8> =
                    db.prepare_cached("SELECT text FROM docs WHERE seq = ?1")?.query_row([seq], |r| r.get(0))?;
                *cached = Some((seq, crate::embedded::decode_text(&blob)?.chars().collect()));
            }
            let chars = &cached.as_ref().expect("just set").1;
            let (a, b) = ((a as usize).min(chars.len()), (b as usize).min(chars.len()));
            clip(&chars[a..b.max(a)].iter().collect::<String>(), 400)
        }
        _ => text,
    };
    let published = kind == "published";
    out.push(TimelineEntry {
        date,
        until,
        granularity,
        value,
        kind,
        doc: doc_info(db, seq)?.id,
        start: start.map(|s| s as usize),
        end: end.map(|e| e as usize),
        text,
        entities: case_entities(db, seq, &entry_locals)?,
    });
    if published {
        // The document's quotes dated by its publication sit under its publication row,
        // with its date.
        let row = out.last().expect("just pushed");
        let (date, until, granularity, value, doc) =
            (row.date.clone(), row.until.clone(), row.granularity.clone(), row.value.clone(), row.doc.clone());
        for q in quotes_of_doc(db, seq)?.into_iter().filter(|q| q.dated_by == Some(DatedBy::Published)) {
            if out.len() >= limit {
                break;
            }
            let mut quote_locals: Vec<String> = q.speaker.into_iter().collect();
            quote_locals.extend(q.about);
            if let Some(map) = locals
                && !map.get(&seq).is_some_and(|mine| quote_locals.iter().any(|l| mine.contains(l)))
            {
                continue;
            }
            out.push(TimelineEntry {
                date: date.clone(),
                until: until.clone(),
                granularity: granularity.clone(),
                value: value.clone(),
                kind: "quote".into(),
                doc: doc.clone(),
                start: Some(q.start as usize),
                end: Some(q.end as usize),
                text: clip(&q.text, 400),
                entities: case_entities(db, seq, &quote_locals)?,
            });
        }
    }
    Ok(out.len() >= limit)
}

/// Case entities (id, name) of a document's local entities, once each.
fn case_entities(db: &Connection, seq: i64, locals: &[String]) -> Result<Vec<(i64, String)>> {
    let mut entities = Vec::new();
    for l in locals {
        if let Some(e) = case_entity(db, seq, l)?
            && !entities.contains(&e)
        {
            entities.push(e);
        }
    }
    Ok(entities)
}

/// Co-mention counts of pairs: documents from `doc_entities`, sentences and quotes from `doc_edges`.
///
/// Counted here document by document rather than by SQL: a self-join of `doc_entities` grouped
/// by pair sorted every pair of every document (64 s for the whole network at 100k documents).
///
/// Around some entities, only their documents are read, one by one through the index by entity
/// (for an entity in 82% of 100k documents as quick as one walk of them all: 3.2 s).
fn pair_counts(db: &Connection, around: Option<&[EntityId]>) -> Result<HashMap<(i64, i64), Edge>> {
    let live: foldhash::HashSet<i64> = db
        .prepare("SELECT id FROM entities WHERE rejected = 0")?
        .query_map([], |r| r.get(0))?
        .collect::<std::result::Result<_, _>>()?;
    let mut pairs =
        PairCounts { live, around: around.map(|ids| ids.iter().copied().collect()), counts: Default::default() };
    match around {
        Some(ids) => {
            let list = ids.iter().map(|i| i.to_string()).collect::<Vec<_>>().join(",");
            let seqs: Vec<i64> = db
                .prepare(&format!("SELECT DISTINCT seq FROM doc_entities WHERE entity IN ({list}) ORDER BY seq"))?
                .query_map([], |r| r.get(0))?
                .collect::<std::result::Result<_, _>>()?;
            for seq in seqs {
                let locals: Vec<(String, i64)> = entity_links(db, seq)?.into_iter().collect();
                pairs.add_doc(db, seq, &locals)?;
            }
        }
        // Every document, in the order of the table's key (no sort).
        None => {
            let mut st = db.prepare("SELECT seq, local, entity FROM doc_entities ORDER BY seq, local")?;
            let mut rows = st.query([])?;
            let mut doc: Option<(i64, Vec<(String, i64)>)> = None;
            while let Some(r) = rows.next()? {
                let seq: i64 = r.get(0)?;
                if let Some((last, locals)) = doc.take_if(|(last, _)| *last != seq) {
                    pairs.add_doc(db, last, &locals)?;
                }
                doc.get_or_insert_with(|| (seq, Vec::new())).1.push((r.get(1)?, r.get(2)?));
            }
            if let Some((last, locals)) = doc {
                pairs.add_doc(db, last, &locals)?;
            }
        }
    }
    Ok(pairs
        .counts
        .into_iter()
        .map(|((a, b), [weight, sentences, quotes])| ((a, b), Edge { source: a, target: b, weight, sentences, quotes }))
        .collect())
}

/// Pairs of case entities counted over documents: (smaller id, larger id) to documents,
/// sentences and quotes.
/// (foldhash: the standard hasher was a quarter of the time of an entity's page.)
struct PairCounts {
    /// Entities that are not rejected.
    live: foldhash::HashSet<i64>,
    /// Only pairs with at least one of these, when given.
    around: Option<foldhash::HashSet<i64>>,
    counts: foldhash::HashMap<(i64, i64), [u64; 3]>,
}

/// A document naming more case entities than this (a book, an archive as one text) links only
/// the pairs that share a sentence or a quote: all pairs of the 7,483 entities of one
/// 592k-word document were 26.9M edges, and `graph` took 42 s and 4.7 GB to list them. News
/// stays below it (at most 259 in 100k PolNeAR stories, 31 on average).
pub const DOCUMENT_PAIRS_UP_TO: usize = 500;

impl PairCounts {
    /// Counts document `seq`, whose local entities are `locals` (local id, case entity): each
    /// pair of its entities once (of a document with more than [`DOCUMENT_PAIRS_UP_TO`]
    /// entities, each pair that shares a sentence or a quote), then its sentences and quotes
    /// from its list of co-mentions.
    fn add_doc(&mut self, db: &Connection, seq: i64, locals: &[(String, i64)]) -> Result<()> {
        let mut entities: Vec<i64> = locals.iter().map(|l| l.1).filter(|e| self.live.contains(e)).collect();
        entities.sort_unstable();
        entities.dedup();
        if entities.len() < 2 {
            return Ok(());
        }
        let wanted = |a: &i64, b: &i64| self.around.as_ref().is_none_or(|s| s.contains(a) || s.contains(b));
        let whole = entities.len() <= DOCUMENT_PAIRS_UP_TO;
        if whole {
            for (i, a) in entities.iter().enumerate() {
                for b in entities[i + 1..].iter().filter(|b| wanted(a, b)) {
                    self.counts.entry((*a, *b)).or_default()[0] += 1;
                }
            }
        }
        let list: Option<Packed> = db
            .prepare_cached("SELECT edges FROM doc_edges WHERE seq = ?1")?
            .query_row([seq], |r| r.get(0))
            .optional()?;
        let Some(list) = list else { return Ok(()) };
        let local_entity: HashMap<&str, i64> = locals.iter().map(|(l, e)| (l.as_str(), *e)).collect();
        // pairs of case entities this document counts once (two locals may be one entity)
        let mut new_here: HashSet<(i64, i64)> = HashSet::new();
        for (a, b, s, q) in unpack::<Vec<(String, String, i64, i64)>>(&list)? {
            let (Some(&a), Some(&b)) = (local_entity.get(a.as_str()), local_entity.get(b.as_str())) else { continue };
            let key = (a.min(b), a.max(b));
            if !whole
                && a != b
                && self.live.contains(&a)
                && self.live.contains(&b)
                && wanted(&a, &b)
                && new_here.insert(key)
            {
                self.counts.entry(key).or_default()[0] += 1;
            }
            // (only pairs counted above: both live, kept by `around`, not one entity twice)
            if let Some(c) = self.counts.get_mut(&key) {
                c[1] += s as u64;
                c[2] += q as u64;
            }
        }
        Ok(())
    }
}

/// The co-mention network: whole, or around one entity up to `depth` steps.
pub(crate) fn graph(db: &Connection, min_weight: u64, focus: Option<(EntityId, usize)>) -> Result<Graph> {
    let edges: Vec<Edge> = match focus {
        None => pair_counts(db, None)?.into_values().filter(|e| e.weight >= min_weight).collect(),
        Some((root, depth)) => {
            let mut seen: HashSet<EntityId> = HashSet::from([root]);
            let mut frontier = vec![root];
            let mut kept: HashMap<(i64, i64), Edge> = HashMap::new();
            for _ in 0..depth.max(1) {
                let found = pair_counts(db, Some(&frontier))?;
                let mut next = Vec::new();
                for (k, e) in found {
                    if e.weight < min_weight {
                        continue;
                    }
                    for n in [e.source, e.target] {
                        if seen.insert(n) {
                            next.push(n);
                        }
                    }
                    kept.insert(k, e);
                }
                if next.is_empty() {
                    break;
                }
                frontier = next;
            }
            // Keep only edges between nodes reached within the depth.
            kept.into_values().filter(|e| seen.contains(&e.source) && seen.contains(&e.target)).collect()
        }
    };
    let mut edges = edges;
    edges.sort_by_key(|e| (std::cmp::Reverse(e.weight), e.source, e.target));
    let mut ids: Vec<EntityId> = edges.iter().flat_map(|e| [e.source, e.target]).collect();
    if let Some((root, _)) = focus {
        ids.push(root);
    }
    ids.sort_unstable();
    ids.dedup();
    let mut nodes = Vec::new();
    for id in ids {
        if let Some(s) = summary(db, id)? {
            nodes.push(Node { entity: s });
        }
    }
    Ok(Graph { nodes, edges })
}

/// Everything about one entity.
pub(crate) fn entity_view(db: &Connection, id: EntityId, limit: usize) -> Result<Option<EntityView>> {
    let Some(entity) = summary(db, id)? else { return Ok(None) };
    let mut names: HashMap<String, u64> = HashMap::new();
    let mut roles: HashMap<String, u64> = HashMap::new();
    let mut documents = Vec::new();
    {
        let mut st = db.prepare(
            "SELECT d.seq, d.local, d.name, d.aliases, d.roles, d.mentions, x.id, x.title, x.published
             FROM doc_entities d JOIN docs x ON x.seq = d.seq WHERE d.entity = ?1 ORDER BY x.published, d.seq",
        )?;
        let rows = st.query_map([id], |r| {
            Ok((
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, String>(3)?,
                r.get::<_, String>(4)?,
                r.get::<_, i64>(5)?,
                r.get::<_, String>(6)?,
                r.get::<_, Option<String>>(7)?,
                r.get::<_, Option<String>>(8)?,
            ))
        })?;
        for row in rows {
            let (local, name, aliases, rs, m, doc, title, published) = row?;
            let mut forms: Vec<String> = unjson(&aliases)?;
            forms.push(name.clone());
            forms.sort();
            forms.dedup();
            for f in forms {
                *names.entry(f).or_default() += 1;
            }
            for r in unjson::<Vec<String>>(&rs)? {
                *roles.entry(r).or_default() += 1;
            }
            // (every row counts its forms and roles; the list shows the first `limit` by date)
            if documents.len() < limit {
                documents.push(DocRef { id: doc, title, published, local, name, mentions: m as u64 });
            }
        }
    }
    {
        let mut st = db.prepare("SELECT name FROM entity_names WHERE entity = ?1")?;
        for n in st.query_map([id], |r| r.get::<_, String>(0))? {
            names.entry(n?).or_default();
        }
    }
    names.remove(&entity.name);
    let sorted = |m: HashMap<String, u64>| {
        let mut v: Vec<(String, u64)> = m.into_iter().collect();
        v.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        v
    };
    let mut co: Vec<(EntitySummary, u64, u64)> = Vec::new();
    let mut pairs: Vec<Edge> = pair_counts(db, Some(&[id]))?.into_values().collect();
    pairs.sort_by_key(|e| (std::cmp::Reverse(e.weight), std::cmp::Reverse(e.sentences), e.source + e.target));
    for e in pairs.into_iter().take(limit) {
        let other = if e.source == id { e.target } else { e.source };
        if let Some(s) = summary(db, other)? {
            co.push((s, e.weight, e.sentences));
        }
    }
    Ok(Some(EntityView {
        entity,
        aliases: sorted(names),
        roles: sorted(roles),
        documents,
        quotes_by: quotes(db, Some(id), None, None, limit)?,
        quotes_about: quotes(db, None, Some(id), None, limit)?,
        co_mentioned: co,
        timeline: timeline(db, Some(id), None, None, limit)?,
    }))
}

/// Every entity with its written forms and roles, for exports: one pass over `doc_entities`.
pub(crate) fn entity_records(db: &Connection) -> Result<Vec<EntityRecordOut>> {
    let mut out: Vec<EntityRecordOut> = Vec::new();
    let mut st = db.prepare(
        "SELECT e.id, coalesce(e.curated_name, e.name), e.type, d.seq, d.name, d.aliases, d.roles, d.mentions
         FROM entities e JOIN doc_entities d ON d.entity = e.id
         WHERE e.rejected = 0 AND e.merged_into IS NULL ORDER BY e.id",
    )?;
    let mut rows = st.query([])?;
    let mut seqs: HashSet<i64> = HashSet::new();
    while let Some(r) = rows.next()? {
        let id: i64 = r.get(0)?;
        if out.last().is_none_or(|e| e.id != id) {
            seqs.clear();
            out.push(EntityRecordOut {
                id,
                name: r.get(1)?,
                ty: r.get(2)?,
                documents: 0,
                mentions: 0,
                aliases: Vec::new(),
                roles: Vec::new(),
            });
        }
        let e = out.last_mut().expect("pushed");
        if seqs.insert(r.get(3)?) {
            e.documents += 1;
        }
        e.mentions += r.get::<_, i64>(7)? as u64;
        let mut forms: Vec<String> = unjson(&r.get::<_, String>(5)?)?;
        forms.push(r.get(4)?);
        for f in forms {
            if f != e.name && !e.aliases.contains(&f) {
                e.aliases.push(f);
            }
        }
        for role in unjson::<Vec<String>>(&r.get::<_, String>(6)?)? {
            if !e.roles.contains(&role) {
                e.roles.push(role);
            }
        }
    }
    Ok(out)
}

/// Case entity ids of a document's entities, by local id.
pub(crate) fn entity_links(db: &Connection, seq: i64) -> Result<HashMap<String, i64>> {
    let mut st = db.prepare_cached("SELECT local, entity FROM doc_entities WHERE seq = ?1")?;
    let rows = st.query_map([seq], |r| Ok((r.get(0)?, r.get(1)?)))?;
    Ok(rows.collect::<std::result::Result<_, _>>()?)
}
