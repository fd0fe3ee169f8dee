//! The embedded store on small invented cases.

use dossier_model::contract::{DocRecord, EntityRecord, ErrorBody, ErrorRecord, TimeRecord};
use dossier_model::{Doc, EntityType, TimeType};
use dossier_store::{CaseStore, FileStamp, Put, SearchQuery, Store};

fn record(id: &str, text: &str, published: Option<&str>) -> DocRecord {
    let mut d = Doc::new(id, text);
    d.source = Some(format!("case/{id}"));
    d.published = published.map(str::to_string);
    DocRecord::from_doc(&d)
}

fn with_entity(mut r: DocRecord, name: &str, ty: EntityType) -> DocRecord {
    r.entities.push(EntityRecord {
        id: format!("E{}", r.entities.len() + 1),
        ty,
        name: name.into(),
        aliases: vec![],
        roles: vec![],
        mentions: vec![],
    });
    r
}

fn ids(store: &CaseStore, q: SearchQuery) -> Vec<String> {
    let mut v: Vec<String> = store.search(&q).unwrap().into_iter().map(|h| h.id).collect();
    v.sort();
    v
}

fn case() -> (tempfile::TempDir, CaseStore) {
    let dir = tempfile::tempdir().unwrap();
    let mut s = CaseStore::open(dir.path()).unwrap();
    let mut a = with_entity(
        record("a.txt", "The leaked letter from the home secretary reached Tessavar on Monday.", Some("2018-07-23")),
        "Miriam Achebe-Lund",
        EntityType::Person,
    );
    a.times.push(TimeRecord {
        start: 0,
        end: 0,
        text: "22 June 2018".into(),
        ty: TimeType::Date,
        value: "2018-06-22".into(),
    });
    let b = with_entity(
        record(
            "b.txt",
            "Harbour workers voted to strike over pay; the ministry said talks would resume.",
            Some("2019-03-01"),
        ),
        "Ministry of Transport",
        EntityType::Org,
    );
    let c = record("c.txt", "A letter was leaked. Nobody commented on the letter at all.", None);
    s.put_batch(vec![Put::doc(a, "p1", None), Put::doc(b, "p1", None), Put::doc(c, "p1", None)]).unwrap();
    (dir, s)
}

#[test]
fn search_words_phrases_booleans_prefix_fuzzy() {
    let (_d, s) = case();
    assert_eq!(ids(&s, SearchQuery::text("letter")), ["a.txt", "c.txt"]);
    assert_eq!(ids(&s, SearchQuery::text("\"leaked letter\"")), ["a.txt"]);
    assert_eq!(ids(&s, SearchQuery::text("letter -secretary")), ["c.txt"]);
    assert_eq!(ids(&s, SearchQuery::text("harbour OR secretary")), ["a.txt", "b.txt"]);
    assert_eq!(ids(&s, SearchQuery::text("harb*")), ["b.txt"]);
    assert_eq!(ids(&s, SearchQuery::text("Tesavar~")), ["a.txt"]);
    assert!(ids(&s, SearchQuery::text("submarine")).is_empty());
    // Stemming: "votes" finds "voted".
    assert_eq!(ids(&s, SearchQuery::text("votes")), ["b.txt"]);
}

#[test]
fn hits_carry_metadata_and_highlighted_snippets() {
    let (_d, s) = case();
    let hits = s.search(&SearchQuery::text("harbour strike")).unwrap();
    assert_eq!(hits.len(), 1);
    let h = &hits[0];
    assert_eq!(
        (h.id.as_str(), h.source.as_deref(), h.published.as_deref()),
        ("b.txt", Some("case/b.txt"), Some("2019-03-01"))
    );
    assert!(h.score > 0.0);
    let words: Vec<String> =
        h.highlights.iter().map(|[a, b]| h.snippet.chars().skip(*a).take(b - a).collect()).collect();
    assert_eq!(words, ["Harbour", "strike"]);
}

#[test]
fn filters_entity_type_dates_source() {
    let (_d, s) = case();
    let q = |f: &dyn Fn(&mut SearchQuery)| {
        let mut q = SearchQuery::text("");
        f(&mut q);
        q
    };
    assert_eq!(ids(&s, q(&|q| q.entity = Some("miriam achebe-lund".into()))), ["a.txt"]);
    assert_eq!(ids(&s, q(&|q| q.entity_type = Some("org".into()))), ["b.txt"]);
    assert!(
        ids(
            &s,
            q(&|q| {
                q.entity = Some("Miriam Achebe-Lund".into());
                q.entity_type = Some("ORG".into());
            })
        )
        .is_empty()
    );
    // By publication date, and by a date mentioned in the text (22 June 2018 in a.txt).
    assert_eq!(ids(&s, q(&|q| q.from = Some("2019-01-01".into()))), ["b.txt"]);
    assert_eq!(
        ids(
            &s,
            q(&|q| {
                q.from = Some("2018-06-01".into());
                q.to = Some("2018-06-30".into());
            })
        ),
        ["a.txt"]
    );
    assert_eq!(ids(&s, q(&|q| q.source = Some("case/c".into()))), ["c.txt"]);
    assert!(s.search(&q(&|q| q.from = Some("June".into()))).is_err());
}

#[test]
fn same_content_is_stored_once_and_changed_content_replaces() {
    let (dir, mut s) = case();
    let stamp = Some(FileStamp { size: 10, mtime_ns: 5 });
    s.put_batch(vec![Put::doc(
        record("a.txt", "The leaked letter from the home secretary reached Tessavar on Monday.", Some("2018-07-23")),
        "p1",
        stamp,
    )])
    .unwrap();
    assert_eq!(s.status().unwrap().documents, 3);
    s.put_batch(vec![Put::doc(record("c.txt", "A rewritten note about harbour cranes.", None), "p1", None)]).unwrap();
    let st = s.status().unwrap();
    assert_eq!((st.documents, st.units), (3, 3));
    assert_eq!(ids(&s, SearchQuery::text("cranes")), ["c.txt"]);
    assert_eq!(ids(&s, SearchQuery::text("nobody")), Vec::<String>::new());
    assert_eq!(s.file_stamps().unwrap().get("a.txt"), stamp.as_ref());
    drop(s);
    // Reopen: everything is still there.
    let s = CaseStore::open(dir.path()).unwrap();
    assert_eq!(s.status().unwrap().documents, 3);
    assert_eq!(s.get("c.txt").unwrap().unwrap().record.text, "A rewritten note about harbour cranes.");
}

/// The figures of `status` as the docs table and the ledger have them.
fn summed(dir: &std::path::Path) -> (u64, u64, u64, Vec<(String, u64)>, u64, u64) {
    let db = rusqlite::Connection::open(dir.join("case.db")).unwrap();
    let (units, errors) = db
        .query_row("SELECT count(*), sum(state = 'failed') FROM ledger", [], |r| {
            Ok((r.get::<_, i64>(0)? as u64, r.get::<_, i64>(1)? as u64))
        })
        .unwrap();
    let (n, e, t) = db
        .query_row("SELECT count(*), sum(n_entities), sum(n_times) FROM docs", [], |r| {
            Ok((r.get::<_, i64>(0)? as u64, r.get::<_, i64>(1)? as u64, r.get::<_, i64>(2)? as u64))
        })
        .unwrap();
    let mut st = db.prepare("SELECT pipeline, count(*) FROM docs GROUP BY 1 ORDER BY 2 DESC, 1").unwrap();
    let p = st.query_map([], |r| Ok((r.get(0)?, r.get::<_, i64>(1)? as u64))).unwrap().map(Result::unwrap).collect();
    (n, e, t, p, units, errors)
}

#[test]
fn status_sums_follow_new_changed_and_reanalysed_documents() {
    let (dir, mut s) = case();
    let kept = |s: &CaseStore| {
        let st = s.status().unwrap();
        (st.documents, st.entities, st.times, st.pipelines, st.units, st.errors)
    };
    assert_eq!(kept(&s), (3, 2, 1, vec![("p1".to_string(), 3)], 3, 0));
    // an input that fails, then a failed re-read of one that was read
    let failed = |id: &str| Put::Failed {
        error: ErrorRecord {
            id: id.into(),
            source: Some(id.into()),
            error: ErrorBody { kind: "binary".into(), message: "binary data".into() },
        },
        stamp: None,
    };
    s.put_batch(vec![failed("bad.bin"), failed("a.txt")]).unwrap();
    // re-analysed by another pipeline, with one more entity
    let mut b = s.get("b.txt").unwrap().unwrap();
    b.pipeline = "p2".into();
    b.record = with_entity(b.record, "Harbour Workers Union", EntityType::Org);
    s.replace(vec![b]).unwrap();
    // changed content: the old document goes, the new one comes
    s.put_batch(vec![Put::doc(
        with_entity(record("c.txt", "Cranes stood idle.", None), "Kell", EntityType::Loc),
        "p1",
        None,
    )])
    .unwrap();
    assert_eq!(kept(&s), (3, 4, 1, vec![("p1".to_string(), 2), ("p2".to_string(), 1)], 4, 2));
    assert_eq!(kept(&s), summed(dir.path()));
    drop(s);
    // A case made before the sums were kept gets them when opened.
    {
        let db = rusqlite::Connection::open(dir.path().join("case.db")).unwrap();
        db.execute_batch(
            "DROP TRIGGER doc_sums_insert; DROP TRIGGER doc_sums_delete; DROP TRIGGER doc_sums_update;
             DROP TABLE doc_sums; DROP TABLE pipeline_docs; DROP TRIGGER ledger_sums_insert;
             DROP TRIGGER ledger_sums_delete; DROP TRIGGER ledger_sums_update; DROP TABLE ledger_sums;",
        )
        .unwrap();
    }
    let s = CaseStore::open(dir.path()).unwrap();
    assert_eq!(kept(&s), summed(dir.path()));
}

#[test]
fn errors_are_kept_in_the_ledger() {
    let (_d, mut s) = case();
    let error = ErrorRecord {
        id: "bad.bin".into(),
        source: Some("bad.bin".into()),
        error: ErrorBody { kind: "binary".into(), message: "binary data".into() },
    };
    s.put_batch(vec![Put::Failed { error, stamp: None }]).unwrap();
    let errs = s.errors().unwrap();
    assert_eq!(errs.len(), 1);
    assert_eq!((errs[0].id.as_str(), errs[0].kind.as_str()), ("bad.bin", "binary"));
    let st = s.status().unwrap();
    assert_eq!((st.errors, st.units, st.documents), (1, 4, 3));
    assert_eq!(st.pipelines, [("p1".to_string(), 3)]);
}

#[test]
fn get_by_id_or_hash_and_replace_after_reanalysis() {
    let (_d, mut s) = case();
    let a = s.get("a.txt").unwrap().unwrap();
    assert_eq!(s.get(&a.record.hash).unwrap().unwrap().seq, a.seq);
    assert!(s.get("nope").unwrap().is_none());
    let mut re = a.clone();
    re.pipeline = "p2".into();
    re.record.entities.clear();
    re.record = with_entity(re.record, "Lucas Varga", EntityType::Person);
    s.replace(vec![re]).unwrap();
    assert_eq!(ids(&s, SearchQuery { entity: Some("Lucas Varga".into()), ..SearchQuery::text("") }), ["a.txt"]);
    assert!(ids(&s, SearchQuery { entity: Some("Miriam Achebe-Lund".into()), ..SearchQuery::text("") }).is_empty());
    assert_eq!(s.scan(0, 10).unwrap().len(), 3);
    assert_eq!(s.scan(a.seq, 10).unwrap().len(), 2);
}

#[test]
fn a_lost_index_is_rebuilt_on_open() {
    let (dir, mut s) = case();
    // A changed file drops its old content: the document counter follows deletes too.
    s.put_batch(vec![Put::doc(record("c.txt", "A rewritten note about harbour cranes.", None), "p1", None)]).unwrap();
    drop(s);
    std::fs::remove_dir_all(dir.path().join("index")).unwrap();
    let s = CaseStore::open(dir.path()).unwrap();
    assert_eq!(ids(&s, SearchQuery::text("letter")), ["a.txt"]);
    assert_eq!(ids(&s, SearchQuery::text("cranes")), ["c.txt"]);
    assert_eq!(s.status().unwrap().documents, 3);
    drop(s);
    let db = rusqlite::Connection::open(dir.path().join("case.db")).unwrap();
    let counted: i64 = db.query_row("SELECT n FROM doc_count", [], |r| r.get(0)).unwrap();
    assert_eq!(counted, 3);
    // A case made before the counter existed is counted once when opened.
    db.execute_batch("DROP TABLE doc_count").unwrap();
    drop(db);
    let s = CaseStore::open(dir.path()).unwrap();
    assert_eq!(ids(&s, SearchQuery::text("cranes")), ["c.txt"]);
    drop(s);
    let db = rusqlite::Connection::open(dir.path().join("case.db")).unwrap();
    let counted: i64 = db.query_row("SELECT n FROM doc_count", [], |r| r.get(0)).unwrap();
    assert_eq!(counted, 3);
}

/// A short story with two people in one sentence and a quote by one about the other.
fn quoted_story() -> DocRecord {
    quoted_story_in("Tessavar", Some("2019-05-02"), None)
}

/// [`quoted_story`] set in `place`, published on `published`, and said on the day `said_on`.
fn quoted_story_in(place: &str, published: Option<&str>, said_on: Option<&str>) -> DocRecord {
    use dossier_model::contract::{MentionRecord, QuoteRecord};
    use dossier_model::{MentionKind, QuoteKind};
    let on = if said_on.is_some() { " on Monday" } else { "" };
    let text =
        &format!("Ana Pollard met Ivo Crane in {place}. \u{201c}Ivo Crane will sign,\u{201d} Ana Pollard said{on}.");
    let at = |s: &str, from: usize| {
        let b = text[from..].find(s).unwrap() + from;
        let start = text[..b].chars().count();
        [start, start + s.chars().count()]
    };
    let mut r = record(&format!("{place}.txt"), text, published);
    if let Some(day) = said_on {
        let [start, end] = at("Monday", 0);
        r.times.push(TimeRecord { start, end, text: "Monday".into(), ty: TimeType::Date, value: day.into() });
    }
    let second = text.find('\u{201c}').unwrap();
    r.sentences = vec![[0, at(".", 0)[1]], [at("\u{201c}", 0)[0], text.chars().count()]];
    let spans =
        [("E1", "Ana Pollard", 0), ("E2", "Ivo Crane", 0), ("E2", "Ivo Crane", second), ("E1", "Ana Pollard", second)];
    for (id, name, from) in spans {
        let [start, end] = at(name, from);
        r.mentions.push(MentionRecord {
            start,
            end,
            text: name.into(),
            ty: EntityType::Person,
            entity: Some(id.into()),
            kind: MentionKind::Name,
        });
    }
    for (id, name) in [("E1", "Ana Pollard"), ("E2", "Ivo Crane")] {
        r.entities.push(EntityRecord {
            id: id.into(),
            ty: EntityType::Person,
            name: name.into(),
            aliases: vec![],
            roles: vec![],
            mentions: vec![],
        });
    }
    let (open, close) = (at("\u{201c}", 0)[0], at("\u{201d}", 0)[1]);
    r.quotes.push(QuoteRecord {
        start: open,
        end: close,
        parts: vec![[open + 1, close - 2]],
        text: "Ivo Crane will sign".into(),
        kind: QuoteKind::Direct,
        speaker: Some("E1".into()),
        speaker_text: Some("Ana Pollard".into()),
        speaker_span: Some(at("Ana Pollard", second)),
        cue: Some("said".into()),
        cue_span: Some(at("said", second)),
    });
    r
}

#[test]
fn quotes_come_in_date_order_with_undated_ones_last() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = CaseStore::open(dir.path()).unwrap();
    let docs = [
        quoted_story_in("Tessavar", Some("2019-05-02"), None),
        quoted_story_in("Orlen", None, None),
        // said on a day before an earlier story was published
        quoted_story_in("Vass", Some("2020-02-03"), Some("2017-03-04")),
        quoted_story_in("Kettle Bay", Some("2018-01-10"), None),
    ];
    s.put_batch(docs.into_iter().map(|d| Put::doc(d, "p1", None)).collect()).unwrap();
    let listed = |limit: usize, words: Option<&str>| -> Vec<(String, Option<String>)> {
        s.quotes(None, words, limit).unwrap().into_iter().map(|q| (q.doc, q.date)).collect()
    };
    let all = listed(10, None);
    let expected = [
        ("Vass.txt", Some("2017-03-04")),
        ("Kettle Bay.txt", Some("2018-01-10")),
        ("Tessavar.txt", Some("2019-05-02")),
        ("Orlen.txt", None),
    ];
    let expected: Vec<(String, Option<String>)> =
        expected.iter().map(|(d, t)| (d.to_string(), t.map(str::to_string))).collect();
    assert_eq!(all, expected);
    // The first few by date come from the timeline; a word filter reads every document: the
    // two ways agree.
    for limit in 0..=5 {
        assert_eq!(listed(limit, None), expected[..limit.min(4)], "limit {limit}");
        assert_eq!(listed(limit, Some("sign")), expected[..limit.min(4)], "limit {limit}");
    }
}

#[test]
fn quotes_dated_by_publication_sit_under_it_on_the_timeline_and_co_mentions_count() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = CaseStore::open(dir.path()).unwrap();
    s.put_batch(vec![Put::doc(quoted_story(), "p1", None)]).unwrap();
    let check = |s: &CaseStore| {
        let t = s.timeline(None, None, None, 100).unwrap();
        let kinds: Vec<&str> = t.iter().map(|e| e.kind.as_str()).collect();
        assert_eq!(kinds, ["published", "quote"]);
        assert_eq!((t[1].value.as_str(), t[1].granularity.as_str()), ("2019-05-02", "day"));
        assert_eq!(t[1].text, "Ivo Crane will sign");
        let names: Vec<&str> = t[1].entities.iter().map(|e| e.1.as_str()).collect();
        assert_eq!(names, ["Ana Pollard", "Ivo Crane"]);
        // The limit counts the quote.
        assert_eq!(s.timeline(None, None, None, 1).unwrap().len(), 1);
        let q = s.quotes(None, Some("WILL SIGN"), 10).unwrap();
        assert_eq!(
            (q.len(), q[0].speaker_name.as_deref(), q[0].date.as_deref()),
            (1, Some("Ana Pollard"), Some("2019-05-02"))
        );
        assert!(s.quotes(None, Some("resign"), 10).unwrap().is_empty());
        let g = s.graph(1, None).unwrap();
        assert_eq!(g.edges.len(), 1);
        // Same sentence twice (the meeting, the quote's sentence), spoken about once.
        assert_eq!((g.edges[0].weight, g.edges[0].sentences, g.edges[0].quotes), (1, 2, 1));
    };
    check(&s);
    drop(s);
    // A case written before the per-document lists were compressed holds plain JSON text: it
    // reads the same.
    {
        let db = rusqlite::Connection::open(dir.path().join("case.db")).unwrap();
        for (table, col) in [("doc_quotes", "quotes"), ("doc_edges", "edges")] {
            let rows: Vec<(i64, Vec<u8>)> = db
                .prepare(&format!("SELECT seq, {col} FROM {table}"))
                .unwrap()
                .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
                .unwrap()
                .map(Result::unwrap)
                .collect();
            assert!(!rows.is_empty(), "{table}");
            for (seq, blob) in rows {
                let text = String::from_utf8(lz4_flex::decompress_size_prepended(&blob).unwrap()).unwrap();
                db.execute(&format!("UPDATE {table} SET {col} = ?1 WHERE seq = ?2"), rusqlite::params![text, seq])
                    .unwrap();
            }
        }
    }
    let s = CaseStore::open(dir.path()).unwrap();
    check(&s);
    drop(s);
    // A case written by the first version of the tables: quotes and co-mentions one row each,
    // quote rows on the timeline, one timeline row per statement. Opening it brings the tables
    // up to date.
    {
        let db = rusqlite::Connection::open(dir.path().join("case.db")).unwrap();
        db.execute_batch(
            "DELETE FROM doc_edges; DELETE FROM doc_quotes; DROP TABLE doc_timeline;
             CREATE TABLE timeline(seq INTEGER NOT NULL, n INTEGER NOT NULL, kind TEXT NOT NULL, date TEXT NOT NULL,
               until TEXT NOT NULL, granularity TEXT NOT NULL, value TEXT NOT NULL, start INTEGER, end INTEGER,
               text TEXT NOT NULL, locals TEXT NOT NULL, PRIMARY KEY(seq, n)) WITHOUT ROWID;
             CREATE TABLE quotes(seq INTEGER NOT NULL, n INTEGER NOT NULL, speaker TEXT, speaker_text TEXT,
               kind TEXT NOT NULL, cue TEXT, text TEXT NOT NULL, start INTEGER NOT NULL, end INTEGER NOT NULL,
               date TEXT, about TEXT NOT NULL, PRIMARY KEY(seq, n)) WITHOUT ROWID;
             CREATE TABLE edges(seq INTEGER NOT NULL, a TEXT NOT NULL, b TEXT NOT NULL, sentences INTEGER NOT NULL,
               quotes INTEGER NOT NULL, PRIMARY KEY(seq, a, b)) WITHOUT ROWID;
             PRAGMA user_version = 1;",
        )
        .unwrap();
    }
    let s = CaseStore::open(dir.path()).unwrap();
    check(&s);
    drop(s);
    let db = rusqlite::Connection::open(dir.path().join("case.db")).unwrap();
    let old: i64 = db
        .query_row("SELECT count(*) FROM sqlite_master WHERE name IN ('edges', 'quotes', 'timeline')", [], |r| r.get(0))
        .unwrap();
    assert_eq!(old, 0);
}

/// The deferred cross-reference indexes present in the case, and the first load's marker.
fn deferred_state(dir: &std::path::Path) -> (Vec<String>, Option<i64>) {
    let db = rusqlite::Connection::open(dir.join("case.db")).unwrap();
    let mut st = db
        .prepare(
            "SELECT name FROM sqlite_master WHERE name IN ('doc_timeline_by_date', 'doc_entities_by_entity_doc') ORDER BY name",
        )
        .unwrap();
    let names = st.query_map([], |r| r.get(0)).unwrap().map(Result::unwrap).collect();
    let pid = db.query_row("SELECT pid FROM bulk_load", [], |r| r.get(0)).ok();
    (names, pid)
}

#[test]
fn a_first_bulk_load_builds_its_indexes_at_the_end_or_after_a_crash() {
    let both = vec!["doc_entities_by_entity_doc".to_string(), "doc_timeline_by_date".to_string()];
    let docs = || vec![Put::doc(quoted_story_in("Tessavar", Some("2019-05-02"), None), "p1", None)];
    // A load into an empty case: no indexes while it runs, both once it has flushed.
    let dir = tempfile::tempdir().unwrap();
    let mut s = CaseStore::open(dir.path()).unwrap();
    s.set_bulk(true).unwrap();
    s.put_batch(docs()).unwrap();
    assert_eq!(deferred_state(dir.path()), (vec![], Some(std::process::id() as i64)));
    // Another opening meanwhile (the loader lives) leaves them to the loader.
    drop(CaseStore::open(dir.path()).unwrap());
    assert_eq!(deferred_state(dir.path()).0, Vec::<String>::new());
    s.flush().unwrap();
    assert_eq!(deferred_state(dir.path()), (both.clone(), None));
    assert_eq!(s.timeline(None, None, None, 10).unwrap().len(), 2);
    // A bulk load into a case that has documents keeps the indexes.
    s.set_bulk(true).unwrap();
    s.put_batch(vec![Put::doc(quoted_story_in("Orlen", None, None), "p1", None)]).unwrap();
    assert_eq!(deferred_state(dir.path()), (both.clone(), None));
    drop(s);

    // A load that died before its flush: the next opening builds them.
    let dir = tempfile::tempdir().unwrap();
    let mut s = CaseStore::open(dir.path()).unwrap();
    s.set_bulk(true).unwrap();
    s.put_batch(docs()).unwrap();
    drop(s);
    let db = rusqlite::Connection::open(dir.path().join("case.db")).unwrap();
    // (no process has this id)
    db.execute("UPDATE bulk_load SET pid = 4294967295", []).unwrap();
    drop(db);
    let s = CaseStore::open(dir.path()).unwrap();
    assert_eq!(deferred_state(dir.path()), (both, None));
    assert_eq!(s.timeline(None, None, None, 10).unwrap().len(), 2);
}

#[test]
fn an_entity_timeline_read_by_document_matches_the_walk_by_date() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = CaseStore::open(dir.path()).unwrap();
    let mut docs = vec![
        quoted_story_in("Tessavar", Some("2019-05-02"), None),
        quoted_story_in("Ardenport", Some("2019-05-02"), Some("2019-04-29")),
        quoted_story_in("Lindholm", Some("2018-11-30"), Some("2018-11-26")),
        quoted_story_in("Brenmouth", None, Some("2019-05-06")),
    ];
    // A year starting on the same day as a day row: the day comes first.
    docs[0].times.push(TimeRecord { start: 0, end: 4, text: "2019".into(), ty: TimeType::Date, value: "2019".into() });
    docs[1].times.push(TimeRecord {
        start: 0,
        end: 4,
        text: "2019-01-01".into(),
        ty: TimeType::Date,
        value: "2019-01-01".into(),
    });
    s.put_batch(docs.into_iter().map(|d| Put::doc(d, "p1", None)).collect()).unwrap();
    let mut entities: Vec<Option<i64>> = s.entities(None, 100).unwrap().into_iter().map(|e| Some(e.id)).collect();
    assert_eq!(entities.len(), 2);
    entities.push(None);
    let ranges =
        [(None, None), (Some("2019-01-01"), Some("2019-04-30")), (Some("2019-05-01"), None), (None, Some("2018-12"))];
    let show = |t: Vec<dossier_store::TimelineEntry>| format!("{t:?}");
    for e in entities {
        for (from, to) in ranges {
            for limit in [1, 3, 100] {
                let walked = show(s.timeline_with_few_docs(e, from, to, limit, 0).unwrap());
                let by_doc = show(s.timeline_with_few_docs(e, from, to, limit, usize::MAX).unwrap());
                assert_eq!(walked, by_doc, "{e:?} {from:?} {to:?} {limit}");
                assert_eq!(show(s.timeline(e, from, to, limit).unwrap()), by_doc);
            }
        }
    }
    // (the comparison is of something: the whole timeline of one person has every kind of row)
    let one = s.entities(None, 1).unwrap()[0].id;
    let kinds: std::collections::BTreeSet<String> =
        s.timeline(Some(one), None, None, 100).unwrap().into_iter().map(|t| t.kind).collect();
    assert_eq!(kinds.into_iter().collect::<Vec<_>>(), ["published", "quote", "time"]);
}

/// (entity, documents, mentions) of every entity that has documents.
type Totals = Vec<(i64, i64, i64)>;

/// Each entity's documents and mentions as kept by the triggers, and as counted.
fn totals(dir: &std::path::Path) -> (Totals, Totals) {
    let db = rusqlite::Connection::open(dir.join("case.db")).unwrap();
    let read = |sql: &str| -> Totals {
        let mut st = db.prepare(sql).unwrap();
        st.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?))).unwrap().map(Result::unwrap).collect()
    };
    (
        read("SELECT entity, docs, mentions FROM entity_totals WHERE docs > 0 ORDER BY entity"),
        read(
            "SELECT entity, count(DISTINCT seq), sum(mentions) FROM doc_entities GROUP BY entity HAVING count(*) > 0
             ORDER BY entity",
        ),
    )
}

#[test]
fn entity_totals_kept_by_triggers_match_the_counts_through_ingest_and_curation() {
    use dossier_store::Curation;
    let dir = tempfile::tempdir().unwrap();
    let mut s = CaseStore::open(dir.path()).unwrap();
    // one document names the same person twice (two local entities that resolve alike)
    let mut twice = quoted_story_in("Lindholm", Some("2018-11-30"), None);
    twice.entities.push(EntityRecord {
        id: "E3".into(),
        ty: EntityType::Person,
        name: "Ana Pollard".into(),
        aliases: vec![],
        roles: vec![],
        mentions: vec![[0, 11]],
    });
    s.put_batch(vec![
        Put::doc(quoted_story_in("Tessavar", Some("2019-05-02"), None), "p1", None),
        Put::doc(quoted_story_in("Ardenport", Some("2019-05-03"), None), "p1", None),
        Put::doc(twice, "p1", None),
    ])
    .unwrap();
    let check = |s: &CaseStore, what: &str| {
        let (kept, counted) = totals(dir.path());
        assert!(!kept.is_empty(), "{what}");
        assert_eq!(kept, counted, "{what}");
        // and what the listing shows is the same
        for e in s.entities(None, 100).unwrap() {
            let c = counted.iter().find(|c| c.0 == e.id).unwrap();
            assert_eq!((e.documents as i64, e.mentions as i64), (c.1, c.2), "{what}");
        }
    };
    check(&s, "after the first load");
    let ids: Vec<i64> = s.entities(None, 10).unwrap().into_iter().map(|e| e.id).collect();
    assert_eq!(ids.len(), 2);
    s.curate(&Curation::Merge { into: ids[0], from: vec![ids[1]] }).unwrap();
    check(&s, "after a merge");
    s.curate(&Curation::Split { entity: ids[0], docs: vec!["Tessavar.txt".into()], names: vec![] }).unwrap();
    check(&s, "after a split");
    s.undo(None).unwrap();
    check(&s, "after undoing the split");
    s.undo(None).unwrap();
    check(&s, "after undoing the merge");
    // a document replaced by new content
    s.put_batch(vec![Put::doc(quoted_story_in("Tessavar", Some("2019-06-01"), Some("2019-05-27")), "p1", None)])
        .unwrap();
    check(&s, "after a replacement");
    drop(s);
    // rows rewritten with the entity they already have (a re-resolution that changes nothing)
    {
        let db = rusqlite::Connection::open(dir.path().join("case.db")).unwrap();
        db.execute_batch("UPDATE doc_entities SET entity = entity, mentions = mentions + 1").unwrap();
    }
    let s = CaseStore::open(dir.path()).unwrap();
    check(&s, "after rows were rewritten in place");
    drop(s);
    // a case whose totals are not kept (made before them): counted when opened
    {
        let db = rusqlite::Connection::open(dir.path().join("case.db")).unwrap();
        db.execute_batch("DROP TRIGGER entity_totals_insert; DELETE FROM entity_totals;").unwrap();
    }
    let s = CaseStore::open(dir.path()).unwrap();
    check(&s, "after reopening a case without them");
    drop(s);
    // a case whose trigger is of an older body (its lookup of the document's other rows read
    // every row of the document): replaced when opened, the totals counted again
    let trigger = |db: &rusqlite::Connection| -> String {
        db.query_row("SELECT sql FROM sqlite_master WHERE name = 'entity_totals_insert'", [], |r| r.get(0)).unwrap()
    };
    {
        let db = rusqlite::Connection::open(dir.path().join("case.db")).unwrap();
        let old = trigger(&db).replace("AND entity = new.entity", "AND +entity = new.entity");
        db.execute_batch(&format!("DROP TRIGGER entity_totals_insert; {old}; UPDATE entity_totals SET docs = 0;"))
            .unwrap();
        assert!(trigger(&db).contains("+entity"));
    }
    let s = CaseStore::open(dir.path()).unwrap();
    check(&s, "after reopening a case with an older trigger");
    let db = rusqlite::Connection::open(dir.path().join("case.db")).unwrap();
    assert!(!trigger(&db).contains("+entity"));
}

#[test]
fn a_first_bulk_load_counts_the_entity_totals_the_table_gives() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = CaseStore::open(dir.path()).unwrap();
    s.set_bulk(true).unwrap();
    assert!(s.tallying_totals());
    // Ivo Crane named twice in one document (two local entities that resolve alike): one
    // document for him, two rows
    let mut twice = quoted_story_in("Lindholm", Some("2018-11-30"), None);
    twice.entities.push(EntityRecord {
        id: "E3".into(),
        ty: EntityType::Person,
        name: "Ivo Crane".into(),
        aliases: vec![],
        roles: vec![],
        mentions: vec![[0, 11]],
    });
    // a bare surname before any full name: absorbed when "Ana Pollard" arrives
    let bare = with_entity(record("bare.txt", "Pollard spoke.", Some("2018-11-29")), "Pollard", EntityType::Person);
    let union =
        |text: &str| with_entity(record("union.txt", text, Some("2018-11-29")), "Harbour Union", EntityType::Org);
    s.put_batch(vec![
        Put::doc(bare, "p1", None),
        Put::doc(union("The Harbour Union met."), "p1", None),
        Put::doc(quoted_story_in("Tessavar", Some("2019-05-02"), None), "p1", None),
        Put::doc(twice, "p1", None),
    ])
    .unwrap();
    // a document replaced by new content
    s.put_batch(vec![Put::doc(union("The Harbour Union met again."), "p1", None)]).unwrap();
    assert!(s.tallying_totals());
    s.flush().unwrap();
    let (kept, counted) = totals(dir.path());
    assert_eq!(kept.len(), 3);
    assert_eq!(kept, counted);
    // a load into a case that has documents does not count: its triggers keep the totals
    s.set_bulk(true).unwrap();
    assert!(!s.tallying_totals());
}

/// A record with the given sentences and dates, each date four characters long at its start.
fn dated_record(
    id: &str,
    text: &str,
    published: Option<&str>,
    sentences: Vec<[usize; 2]>,
    times: &[(usize, &str)],
) -> DocRecord {
    let mut r = record(id, text, published);
    r.sentences = sentences;
    for &(start, value) in times {
        r.times.push(TimeRecord {
            start,
            end: start + 4,
            text: "date".into(),
            ty: TimeType::Date,
            value: value.into(),
        });
    }
    r
}

#[test]
fn a_documents_statements_of_one_date_share_a_row_and_keep_their_order() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = CaseStore::open(dir.path()).unwrap();
    let dated = |id: &str, text: &str, sentences: Vec<[usize; 2]>, times: &[(usize, &str)]| {
        dated_record(id, text, Some("2020-01-10"), sentences, times)
    };
    // Three sentences: the first and the third name the same day, the second an earlier one.
    let a = dated(
        "a.txt",
        "Vote on 2019-03-04 in Orlen. Talks on 2018-12-01 failed. On 2019-03-04 the strike ended.",
        vec![[0, 28], [29, 56], [57, 88]],
        &[(8, "2019-03-04"), (38, "2018-12-01"), (60, "2019-03-04")],
    );
    let b = dated("b.txt", "Rally in Vass on 2019-03-04.", vec![[0, 28]], &[(17, "2019-03-04")]);
    s.put_batch(vec![Put::doc(a, "p1", None), Put::doc(b, "p1", None)]).unwrap();
    let listed: Vec<(String, String, Option<usize>)> =
        s.timeline(None, None, None, 100).unwrap().into_iter().map(|e| (e.date, e.doc, e.start)).collect();
    let at = |d: &str, doc: &str, start: Option<usize>| (d.to_string(), doc.to_string(), start);
    assert_eq!(
        listed,
        [
            at("2018-12-01", "a.txt", Some(29)),
            at("2019-03-04", "a.txt", Some(0)),
            at("2019-03-04", "a.txt", Some(57)),
            at("2019-03-04", "b.txt", Some(0)),
            at("2020-01-10", "a.txt", None),
            at("2020-01-10", "b.txt", None),
        ]
    );
    // One stored row per document and date.
    drop(s);
    let db = rusqlite::Connection::open(dir.path().join("case.db")).unwrap();
    let rows: i64 = db.query_row("SELECT count(*) FROM doc_timeline", [], |r| r.get(0)).unwrap();
    assert_eq!(rows, 5);
}

#[test]
fn hits_with_equal_scores_come_in_the_order_they_were_stored() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = CaseStore::open(dir.path()).unwrap();
    // Same length, the word once each: equal scores. One batch each, so several index segments.
    let names = ["first", "second", "third", "fourth", "fifth", "sixth"];
    for (i, n) in names.iter().enumerate() {
        let text = format!("Orlen harbour report number {n}");
        s.put_batch(vec![Put::doc(record(&format!("{i}.txt"), &text, None), "p1", None)]).unwrap();
    }
    let hits = s.search(&SearchQuery::text("harbour")).unwrap();
    let scores: Vec<f32> = hits.iter().map(|h| h.score).collect();
    assert!(scores.windows(2).all(|w| w[0] == w[1]), "{scores:?}");
    let order: Vec<String> = hits.into_iter().map(|h| h.id).collect();
    assert_eq!(order, ["0.txt", "1.txt", "2.txt", "3.txt", "4.txt", "5.txt"]);
}

#[test]
fn the_timeline_from_a_date_keeps_what_overlaps_it_long_spans_first() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = CaseStore::open(dir.path()).unwrap();
    let r = dated_record(
        "a.txt",
        "The 2010s ended. In 2015 it began. On 2014-05-02 talks failed. On 2016-03-01 they met.",
        Some("2017-02-01"),
        vec![[0, 16], [17, 34], [35, 62], [63, 87]],
        &[(4, "201"), (20, "2015"), (38, "2014-05-02"), (66, "2016-03-01")],
    );
    // a century, begun long before
    let c = dated_record("b.txt", "The 21st century is young.", None, vec![[0, 26]], &[(4, "20")]);
    s.put_batch(vec![Put::doc(r, "p1", None), Put::doc(c, "p1", None)]).unwrap();
    let listed = |from: Option<&str>, to: Option<&str>| -> Vec<(String, String)> {
        s.timeline(None, from, to, 100).unwrap().into_iter().map(|e| (e.date, e.granularity)).collect()
    };
    let row = |d: &str, g: &str| (d.to_string(), g.to_string());
    assert_eq!(
        listed(Some("2015-06-01"), None),
        [
            row("2000-01-01", "century"),
            row("2010-01-01", "decade"),
            row("2015-01-01", "year"),
            row("2016-03-01", "day"),
            row("2017-02-01", "day"),
        ]
    );
    assert_eq!(listed(Some("2015-06-01"), Some("2015-12-31")).len(), 3);
    assert_eq!(
        listed(None, Some("2014-12-31")),
        [row("2000-01-01", "century"), row("2010-01-01", "decade"), row("2014-05-02", "day")]
    );
    // every statement but the 2014 day, in order, from a year before it
    assert_eq!(listed(Some("2014-06-01"), None).len(), 5);
    assert_eq!(listed(None, None).len(), 6);
}

#[test]
fn the_network_counted_document_by_document_matches_a_count_in_sql() {
    use dossier_store::Curation;
    let dir = tempfile::tempdir().unwrap();
    let mut s = CaseStore::open(dir.path()).unwrap();
    let org = |r: DocRecord, name: &str| with_entity(r, name, EntityType::Org);
    // one document names the same person twice (two local entities that resolve alike)
    let mut twice = quoted_story_in("Lindholm", Some("2018-11-30"), None);
    twice = with_entity(twice, "Ana Pollard", EntityType::Person);
    let docs = vec![
        org(with_entity(quoted_story_in("Tessavar", None, None), "Tessavar", EntityType::Loc), "Northwind Energy"),
        org(quoted_story_in("Ardenport", Some("2019-05-03"), Some("2019-04-29")), "Northwind Energy"),
        org(
            org(with_entity(record("c.txt", "A note.", None), "Ivo Crane", EntityType::Person), "Civic Alliance"),
            "Northwind Energy",
        ),
        org(twice, "Civic Alliance"),
        with_entity(record("d.txt", "Alone.", None), "Ana Pollard", EntityType::Person),
    ];
    s.put_batch(docs.into_iter().map(|d| Put::doc(d, "p1", None)).collect()).unwrap();
    let id =
        |s: &CaseStore, name: &str| s.entities(None, 100).unwrap().into_iter().find(|e| e.name == name).unwrap().id;
    let rejected = id(&s, "Civic Alliance");
    s.curate(&Curation::Reject { entity: rejected }).unwrap();
    // The count of documents per pair as one SQL statement (how it was counted before).
    let db = rusqlite::Connection::open(dir.path().join("case.db")).unwrap();
    let mut expected: Vec<(i64, i64, i64)> = db
        .prepare(
            "SELECT a.entity, b.entity, count(DISTINCT a.seq) FROM doc_entities a
             JOIN doc_entities b ON b.seq = a.seq AND b.entity > a.entity
             JOIN entities ea ON ea.id = a.entity AND ea.rejected = 0
             JOIN entities eb ON eb.id = b.entity AND eb.rejected = 0 GROUP BY 1, 2",
        )
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    expected.sort();
    let whole = s.graph(1, None).unwrap();
    let mut got: Vec<(i64, i64, i64)> = whole.edges.iter().map(|e| (e.source, e.target, e.weight as i64)).collect();
    got.sort();
    assert_eq!(got, expected);
    // (the comparison is of something: pairs in several documents, a rejected entity left out)
    assert!(expected.len() >= 4 && expected.iter().any(|e| e.2 == 3));
    assert!(expected.iter().all(|e| e.0 != rejected && e.1 != rejected));
    // Sentences and quotes: the three quoted stories' pair, in two sentences and one quote of each.
    let (ana, ivo) = (id(&s, "Ana Pollard"), id(&s, "Ivo Crane"));
    let people = (ana.min(ivo), ana.max(ivo));
    let e = whole.edges.iter().find(|e| (e.source, e.target) == people).unwrap();
    assert_eq!((e.weight, e.sentences, e.quotes), (3, 6, 3));
    // Around each entity (its documents read one by one), its edges are the whole network's.
    for e in s.entities(None, 100).unwrap() {
        let around = s.graph(1, Some((e.id, 1))).unwrap();
        let mine: Vec<_> = whole.edges.iter().filter(|x| x.source == e.id || x.target == e.id).cloned().collect();
        assert_eq!(around.edges, mine, "{}", e.name);
        assert!(!mine.is_empty(), "{}", e.name);
    }
}

/// A record naming `names`, one sentence each, the first two together in one sentence.
fn one_sentence_each(id: &str, names: &[String]) -> DocRecord {
    use dossier_model::MentionKind;
    use dossier_model::contract::MentionRecord;
    let (mut text, mut mentions, mut sentences) = (String::new(), Vec::new(), Vec::new());
    let groups = std::iter::once(&names[..2]).chain(names[2..].chunks(1));
    for (g, named) in groups.enumerate() {
        let start = text.chars().count();
        for (k, name) in named.iter().enumerate() {
            if k > 0 {
                text.push_str(" met ");
            }
            let at = text.chars().count();
            text.push_str(name);
            mentions.push(MentionRecord {
                start: at,
                end: at + name.chars().count(),
                text: name.clone(),
                ty: EntityType::Org,
                entity: Some(format!("E{}", if g == 0 { k + 1 } else { g + 2 })),
                kind: MentionKind::Name,
            });
        }
        text.push('.');
        sentences.push([start, text.chars().count()]);
        text.push(' ');
    }
    let mut r = record(id, &text, None);
    (r.mentions, r.sentences) = (mentions, sentences);
    names.iter().fold(r, |r, n| with_entity(r, n, EntityType::Org))
}

#[test]
fn a_document_naming_hundreds_of_entities_links_only_those_that_share_a_sentence() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = CaseStore::open(dir.path()).unwrap();
    let names = |n: usize| -> Vec<String> { (0..n).map(|k| format!("Harbour Board {k}")).collect() };
    // one name more than a document may link pairwise, and a short note naming three of them
    let long = one_sentence_each("long.txt", &names(dossier_store::DOCUMENT_PAIRS_UP_TO + 1));
    let short = one_sentence_each("short.txt", &names(3));
    s.put_batch(vec![Put::doc(long, "p1", None), Put::doc(short, "p1", None)]).unwrap();
    let g = s.graph(1, None).unwrap();
    let id = |name: &str| s.entities(None, 1000).unwrap().into_iter().find(|e| e.name == name).unwrap().id;
    let (b0, b1, b2) = (id("Harbour Board 0"), id("Harbour Board 1"), id("Harbour Board 2"));
    let mut got: Vec<(i64, i64, u64, u64)> =
        g.edges.iter().map(|e| (e.source, e.target, e.weight, e.sentences)).collect();
    got.sort();
    let pair = |a: i64, b: i64| (a.min(b), a.max(b));
    // 0 and 1 share a sentence in both documents; the short note also pairs 2 with each
    let mut want = vec![(pair(b0, b1), 2, 2), (pair(b0, b2), 1, 0), (pair(b1, b2), 1, 0)];
    want.sort();
    let want: Vec<(i64, i64, u64, u64)> = want.into_iter().map(|((a, b), w, n)| (a, b, w, n)).collect();
    assert_eq!(got, want);
    // the entity's page counts the same pairs
    let view = s.entity(b0, 10).unwrap().unwrap();
    assert_eq!(view.co_mentioned.len(), 2);
}

#[test]
fn quotes_read_a_page_of_documents_at_a_time_are_all_the_quotes() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = CaseStore::open(dir.path()).unwrap();
    let docs = vec![
        quoted_story_in("Tessavar", Some("2019-05-02"), None),
        record("plain.txt", "No one said anything.", None),
        quoted_story_in("Ardenport", Some("2018-03-01"), Some("2018-02-26")),
        quoted_story_in("Lindholm", None, None),
    ];
    s.put_batch(docs.into_iter().map(|d| Put::doc(d, "p1", None)).collect()).unwrap();
    let show = |q: &dossier_store::QuoteEntry| format!("{q:?}");
    let mut all: Vec<String> = s.quotes(None, None, usize::MAX).unwrap().iter().map(show).collect();
    all.sort();
    assert_eq!(all.len(), 3);
    for per_page in [1, 2, 10] {
        let (mut paged, mut docs, mut after, mut pages) = (Vec::new(), Vec::new(), 0, 0);
        loop {
            let (page, last) = s.quotes_after(after, per_page).unwrap();
            let Some(last) = last else { break };
            assert!(last > after);
            after = last;
            pages += 1;
            paged.extend(page.iter().map(show));
            docs.extend(page.into_iter().map(|q| q.doc));
        }
        // (in store order; the listing is by date, undated last)
        assert_eq!(docs, ["Tessavar.txt", "Ardenport.txt", "Lindholm.txt"]);
        paged.sort();
        assert_eq!(paged, all, "{per_page}");
        assert_eq!(pages, 3_usize.div_ceil(per_page), "{per_page}");
    }
}

/// What resolution made of a case: every entity with its forms and counts, in id order.
fn resolution(s: &CaseStore) -> Vec<String> {
    let mut out: Vec<String> = s.entities(None, 1000).unwrap().iter().map(|e| format!("{e:?}")).collect();
    out.extend(s.entity_records().unwrap().iter().map(|e| format!("{e:?}")));
    out
}

#[test]
fn a_case_reopened_between_ingests_resolves_as_one_opening_does_whatever_its_saved_resolver() {
    use dossier_store::Curation;
    let doc = |id: &str, names: &[(&str, EntityType)]| {
        let mut r = record(id, &format!("A story about {id}."), Some("2019-05-02"));
        for (name, ty) in names {
            r = with_entity(r, name, *ty);
        }
        r
    };
    let (person, org) = (EntityType::Person, EntityType::Org);
    // a bare surname first, its full name later; a merge; then the bare surname again
    let steps: Vec<Vec<DocRecord>> = vec![
        vec![doc("a.txt", &[("Korlund", person), ("Ministry of Transport", org)])],
        vec![doc("b.txt", &[("Vessa Korlund", person), ("Harbour Union", org)])],
        vec![],
        vec![doc("c.txt", &[("Korlund", person), ("Ministry of Transport", org), ("Tomas Korlund", person)])],
        vec![doc("d.txt", &[("Vessa Korlund", person), ("Harbour Union", org), ("V. Korlund", person)])],
    ];
    let merge = |s: &mut CaseStore| {
        let find = |s: &CaseStore, name: &str| s.find_entity(name).unwrap()[0].id;
        let (into, from) = (find(s, "Harbour Union"), find(s, "Ministry of Transport"));
        s.curate(&Curation::Merge { into, from: vec![from] }).unwrap();
    };
    let step = |s: &mut CaseStore, n: usize| {
        if n == 2 {
            merge(s);
        } else {
            s.put_batch(steps[n].iter().map(|r| Put::doc(r.clone(), "p1", None)).collect()).unwrap();
            s.flush().unwrap();
        }
    };
    let snapshot = |dir: &std::path::Path| -> Option<(String, Vec<u8>)> {
        let db = rusqlite::Connection::open(dir.join("case.db")).unwrap();
        db.query_row("SELECT stamp, state FROM resolver_snapshot", [], |r| Ok((r.get(0)?, r.get(1)?))).ok()
    };
    let put_snapshot = |dir: &std::path::Path, saved: &(String, Vec<u8>)| {
        let db = rusqlite::Connection::open(dir.join("case.db")).unwrap();
        db.execute(
            "INSERT OR REPLACE INTO resolver_snapshot(id, stamp, state) VALUES (0, ?1, ?2)",
            (&saved.0, &saved.1),
        )
        .unwrap();
    };

    // one opening for every step
    let one = tempfile::tempdir().unwrap();
    let expected = {
        let mut s = CaseStore::open(one.path()).unwrap();
        (0..steps.len()).for_each(|n| step(&mut s, n));
        resolution(&s)
    };
    assert!(expected.iter().any(|e| e.contains("Vessa Korlund")), "{expected:?}");
    // Undoing the merge gives what the case would be without it: the bare surname of the first
    // document still joins the full name the second one brought.
    let unmerged = tempfile::tempdir().unwrap();
    let without_merge = {
        let mut s = CaseStore::open(unmerged.path()).unwrap();
        [0, 1, 3, 4].into_iter().for_each(|n| step(&mut s, n));
        resolution(&s)
    };
    assert_ne!(without_merge, expected);
    {
        let mut s = CaseStore::open(one.path()).unwrap();
        s.undo(None).unwrap();
        assert_eq!(resolution(&s), without_merge);
    }

    // An opening per step, each reading the resolver the one before saved; then the same
    // with, before the fourth step, the snapshot the first step saved (stale: two steps
    // changed the case since), or a damaged one: either is set aside, not used.
    for case in ["saved", "stale", "damaged"] {
        let dir = tempfile::tempdir().unwrap();
        let mut first = None;
        for n in 0..steps.len() {
            let mut s = CaseStore::open(dir.path()).unwrap();
            step(&mut s, n);
            drop(s);
            let saved = snapshot(dir.path());
            assert!(saved.is_some(), "{case}: no resolver saved after step {n}");
            first = first.or(saved);
            if n == 2 {
                match case {
                    "stale" => put_snapshot(dir.path(), first.as_ref().unwrap()),
                    "damaged" => {
                        let (stamp, mut state) = snapshot(dir.path()).unwrap();
                        let half = state.len() / 2;
                        state.truncate(half);
                        put_snapshot(dir.path(), &(stamp, state));
                    }
                    _ => {}
                }
            }
        }
        let s = CaseStore::open(dir.path()).unwrap();
        assert_eq!(resolution(&s), expected, "{case}");
    }

    // Writes not followed by a save (the process killed before it): no snapshot is left, even
    // where the tables' stamp does not change (a re-analysis rewrites rows of the same documents).
    let dir = tempfile::tempdir().unwrap();
    let mut s = CaseStore::open(dir.path()).unwrap();
    step(&mut s, 0);
    assert!(snapshot(dir.path()).is_some());
    let again = s.scan(0, 10).unwrap();
    s.replace(again).unwrap();
    drop(s);
    assert!(snapshot(dir.path()).is_none());
}

#[test]
fn an_open_ingest_follows_what_another_process_wrote() {
    use dossier_store::Curation;
    let dir = tempfile::tempdir().unwrap();
    let doc = |id: &str, name: &str| {
        with_entity(record(id, &format!("A story about {id}."), Some("2019-05-02")), name, EntityType::Org)
    };
    let entity_of = |s: &CaseStore, id: &str| {
        let seq = s.get(id).unwrap().unwrap().seq;
        s.entity_links(seq).unwrap()["E1"]
    };
    let mut ingesting = CaseStore::open(dir.path()).unwrap();
    for (id, name) in [("a.txt", "Harbour Union"), ("b.txt", "Ministry of Transport"), ("c.txt", "Harbour Union")] {
        ingesting.put_batch(vec![Put::doc(doc(id, name), "p1", None)]).unwrap();
    }
    // Meanwhile a curator, in another process, merges two entities and splits a document off
    // into a new entity (another ingest cannot run: the text index has one writer).
    let mut other = CaseStore::open(dir.path()).unwrap();
    let (union, ministry) = (entity_of(&other, "a.txt"), entity_of(&other, "b.txt"));
    other.curate(&Curation::Merge { into: union, from: vec![ministry] }).unwrap();
    other.curate(&Curation::Split { entity: union, docs: vec!["c.txt".into()], names: vec![] }).unwrap();
    drop(other);
    let split = entity_of(&CaseStore::open(dir.path()).unwrap(), "c.txt");
    assert_ne!(split, union);
    // The open ingest goes on: the merge holds for it, and a new entity of its own does not
    // get the id the split gave out.
    ingesting.put_batch(vec![Put::doc(doc("e.txt", "Ministry of Transport"), "p1", None)]).unwrap();
    ingesting.put_batch(vec![Put::doc(doc("f.txt", "Orsk Shipping"), "p1", None)]).unwrap();
    ingesting.flush().unwrap();
    let s = CaseStore::open(dir.path()).unwrap();
    assert_eq!(entity_of(&s, "e.txt"), union);
    assert_eq!(entity_of(&s, "c.txt"), split);
    assert_ne!(entity_of(&s, "f.txt"), split);
    assert_eq!(s.find_entity("Orsk Shipping").unwrap()[0].documents, 1);
}

#[test]
fn a_second_writer_of_documents_is_refused_before_it_writes_any() {
    let dir = tempfile::tempdir().unwrap();
    let mut first = CaseStore::open(dir.path()).unwrap();
    first.claim_for_documents().unwrap();
    first.put_batch(vec![Put::doc(record("a.txt", "A first story.", None), "p1", None)]).unwrap();
    let mut second = CaseStore::open(dir.path()).unwrap();
    let err = second.claim_for_documents().unwrap_err();
    assert!(matches!(err, dossier_store::StoreError::Busy(_)), "{err}");
    assert!(err.to_string().starts_with("another process is writing documents to this case"), "{err}");
    // once the first has finished, the second may write
    first.flush().unwrap();
    drop(first);
    second.claim_for_documents().unwrap();
    second.put_batch(vec![Put::doc(record("b.txt", "A second story.", None), "p1", None)]).unwrap();
    second.flush().unwrap();
    assert_eq!(second.status().unwrap().documents, 2);
}

#[test]
fn a_resolver_that_missed_another_process_s_writes_is_not_saved() {
    use dossier_store::Curation;
    let dir = tempfile::tempdir().unwrap();
    let snapshot = || -> Option<Vec<u8>> {
        let db = rusqlite::Connection::open(dir.path().join("case.db")).unwrap();
        db.query_row("SELECT state FROM resolver_snapshot", [], |r| r.get(0)).ok()
    };
    let doc = |id: &str, name: &str| {
        with_entity(record(id, &format!("A story about {id}."), Some("2019-05-02")), name, EntityType::Org)
    };
    let mut ingesting = CaseStore::open(dir.path()).unwrap();
    ingesting.put_batch(vec![Put::doc(doc("a.txt", "Harbour Union"), "p1", None)]).unwrap();
    ingesting.put_batch(vec![Put::doc(doc("b.txt", "Ministry of Transport"), "p1", None)]).unwrap();
    // a curator merges in another process while the ingest is still open
    let merged = {
        let mut curating = CaseStore::open(dir.path()).unwrap();
        let find = |s: &CaseStore, name: &str| s.find_entity(name).unwrap()[0].id;
        let (into, from) = (find(&curating, "Harbour Union"), find(&curating, "Ministry of Transport"));
        curating.curate(&Curation::Merge { into, from: vec![from] }).unwrap();
        snapshot()
    };
    assert!(merged.is_some());
    // the ingest's resolver knows nothing of the merge: it must not replace the curator's
    ingesting.flush().unwrap();
    assert_eq!(snapshot(), merged);
}

#[test]
fn a_place_once_tagged_a_person_moves_whole_when_a_full_name_takes_it_in_during_a_first_load() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = CaseStore::open(dir.path()).unwrap();
    s.set_bulk(true).unwrap();
    // a place first, then the same bare word tagged as a person (more often), then a full name
    let docs = [
        ("k1.txt", "Korvin", EntityType::Loc),
        ("k2.txt", "Korvin", EntityType::Person),
        ("k3.txt", "Korvin", EntityType::Person),
        ("k4.txt", "Ilse Korvin", EntityType::Person),
    ];
    let puts = docs.iter().map(|&(id, name, ty)| {
        let text = format!("{name} spoke in {id}.");
        Put::doc(with_entity(record(id, &text, None), name, ty), "p1", None)
    });
    s.put_batch(puts.collect()).unwrap();
    s.flush().unwrap();
    let list = s.entities(None, 10).unwrap();
    assert_eq!(list.iter().map(|e| (e.name.as_str(), e.documents)).collect::<Vec<_>>(), [("Ilse Korvin", 4)]);
    let (kept, counted) = totals(dir.path());
    assert_eq!(kept, counted);
    assert_eq!(counted.len(), 1, "every row with the one entity: {counted:?}");
}
