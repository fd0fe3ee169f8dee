//! End-to-end tests of the cross-reference commands on the sample case: entities across
//! documents, curation that survives re-analysis and undo, timeline, network and exports.

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn dossier(case: &Path) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_dossier"));
    c.env("DOSSIER_CASE", case).stdin(Stdio::null());
    c
}

fn run(case: &Path, args: &[&str]) -> Output {
    let out = dossier(case).args(args).output().unwrap();
    assert!(out.status.success(), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
    out
}

fn json(case: &Path, args: &[&str]) -> Value {
    serde_json::from_slice(&run(case, &[args, &["--json"]].concat()).stdout).unwrap()
}

fn sample_case() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let case = dir.path().join("case");
    let samples = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../samples");
    run(&case, &["ingest", samples.to_str().unwrap()]);
    (dir, case)
}

/// The entity a name picks, as `dossier entity` shows it.
fn entity(case: &Path, name: &str) -> Value {
    json(case, &["entity", name, "-n", "100"])
}

fn names(v: &Value, key: &str) -> Vec<String> {
    v[key].as_array().unwrap().iter().map(|x| x[0].as_str().unwrap().to_string()).collect()
}

fn doc_ids(v: &Value) -> Vec<String> {
    let mut ids: Vec<String> = v["documents"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["id"].as_str().unwrap().rsplit('/').next().unwrap().to_string())
        .collect();
    ids.sort();
    ids.dedup();
    ids
}

#[test]
fn one_entity_across_documents_with_its_aliases_and_roles() {
    let (_dir, case) = sample_case();
    // The cell leader: full name, nickname (first seen alone in a wire story), accented and
    // all-capital spellings are one entity.
    let brekov = entity(&case, "the Ferryman");
    assert_eq!(brekov["name"], "Tomas Brekov");
    assert!(names(&brekov, "aliases").iter().any(|a| a == "Ferryman"), "{:?}", brekov["aliases"]);
    let docs = doc_ids(&brekov);
    for d in ["01-leaked-letter-report.txt", "05-profile-of-cell-leader.txt", "wire-0001"] {
        assert!(docs.contains(&d.to_string()), "{d} not in {docs:?}");
    }
    // The letter writes the suspects' names in capitals; they are the same people.
    let dolt = entity(&case, "Kasimir Dolt");
    assert!(doc_ids(&dolt).contains(&"02-the-letter.txt".to_string()), "{:?}", doc_ids(&dolt));
    assert!(names(&dolt, "aliases").iter().any(|a| a == "KASIMIR DOLT"));
    // Roles gathered from every document.
    let home_secretary = entity(&case, "Achebe-Lund");
    assert_eq!(home_secretary["name"], "Miriam Achebe-Lund");
    assert!(names(&home_secretary, "roles").iter().any(|r| r == "Home Secretary"));
    // An acronym defined in one document finds the organisation in the others.
    let ncd = entity(&case, "NCD");
    assert_eq!(ncd["name"], "National Crime Directorate");
    assert!(ncd["documents"].as_array().unwrap().len() >= 4);
    // A shorter page lists fewer documents, the first by date; forms and the count still come
    // from all of them.
    let short = json(&case, &["entity", "NCD", "-n", "2"]);
    assert_eq!(short["documents"].as_array().unwrap().len(), 2);
    assert_eq!(short["mentions"], ncd["mentions"]);
    assert_eq!(short["document_count"].as_u64(), Some(ncd["documents"].as_array().unwrap().len() as u64));
    // One key each: the count and the list are not both "documents".
    let raw = String::from_utf8(run(&case, &["entity", "NCD", "-n", "2", "--json"]).stdout).unwrap();
    let head = &raw[..raw.find("\"aliases\"").unwrap()];
    assert!(!head.contains("\"documents\""), "{head}");
    assert_eq!(short["documents"][0], ncd["documents"][0]);
    assert_eq!(names(&short, "aliases"), names(&ncd, "aliases"));
    let text = String::from_utf8(run(&case, &["entity", "NCD", "-n", "2"]).stdout).unwrap();
    let more = ncd["documents"].as_array().unwrap().len() - 2;
    assert!(text.contains(&format!("… and {more} more")), "{text}");
    // Two people who share a surname stay apart.
    let omar = entity(&case, "Omar El-Sayeed");
    let layla = entity(&case, "Layla El-Sayeed");
    assert_ne!(omar["id"], layla["id"]);
    // Lists by type, most mentioned first.
    let people = json(&case, &["entities", "--type", "PERSON", "-n", "5"]);
    assert!(people.as_array().unwrap().iter().all(|e| e["type"] == "PERSON"));
    assert!(people.as_array().unwrap().iter().any(|e| e["name"] == "Tomas Brekov"));
}

#[test]
fn quotes_across_the_case_by_speaker() {
    let (_dir, case) = sample_case();
    let all = json(&case, &["quotes", "-n", "500"]);
    assert!(all.as_array().unwrap().len() >= 30);
    let by = json(&case, &["quotes", "--speaker", "Petra Halvorsen"]);
    let by = by.as_array().unwrap();
    assert!(!by.is_empty());
    assert!(by.iter().all(|q| q["speaker_name"] == "Petra Halvorsen"));
    let words = json(&case, &["quotes", "--speaker", "Halvorsen", "Vell Basin"]);
    assert!(words.as_array().unwrap().iter().all(|q| q["text"].as_str().unwrap().contains("Vell Basin")));
    // Unnamed sources keep their words and no entity.
    assert!(
        all.as_array().unwrap().iter().any(|q| q["speaker"].is_null() && q["speaker_text"] == "a government source")
    );
    // A quote in a dated story carries the story's date.
    let wire = all.as_array().unwrap().iter().find(|q| q["doc"] == "wire-0001" && q["kind"] == "direct").unwrap();
    assert_eq!(wire["date"], "2018-07-23");
}

#[test]
fn the_timeline_sorts_dated_statements_with_provenance() {
    let (_dir, case) = sample_case();
    let t = json(&case, &["timeline"]);
    let t = t.as_array().unwrap();
    let dates: Vec<&str> = t.iter().map(|e| e["date"].as_str().unwrap()).collect();
    assert!(dates.windows(2).all(|w| w[0] <= w[1]), "sorted by date");
    // The kidnapping in the witness statement, to the day, with offsets back into the document.
    let day = t.iter().find(|e| e["value"] == "2014-04-11").expect("11 April 2014");
    assert_eq!(day["granularity"], "day");
    assert!(day["doc"].as_str().unwrap().ends_with("04-witness-statement.txt"));
    let (start, end) = (day["start"].as_u64().unwrap(), day["end"].as_u64().unwrap());
    assert!(start < end);
    // "The following day" is placed after it.
    assert!(t.iter().any(|e| e["value"] == "2014-04-12"));
    // Months and quarters keep their granularity.
    let q3 = t.iter().find(|e| e["value"] == "2017-Q3").expect("Q3 2017");
    assert_eq!(
        (q3["date"].as_str(), q3["until"].as_str(), q3["granularity"].as_str()),
        (Some("2017-07-01"), Some("2017-09-30"), Some("quarter"))
    );
    // Publication dates are on it.
    assert!(t.iter().any(|e| e["kind"] == "published" && e["doc"] == "wire-0001"));
    // One entity's timeline: the leader's death in 2015, nothing that does not involve him.
    let brekov = json(&case, &["timeline", "--entity", "Tomas Brekov"]);
    let brekov = brekov.as_array().unwrap();
    assert!(brekov.iter().any(|e| e["value"] == "2015-11" && e["text"].as_str().unwrap().contains("air strike")));
    assert!(
        brekov
            .iter()
            .all(|e| e["kind"] == "published"
                || e["entities"].as_array().unwrap().iter().any(|x| x[1] == "Tomas Brekov"))
    );
    // Date filters keep what overlaps the range.
    let spring = json(&case, &["timeline", "--from", "2014-04", "--to", "2014-05"]);
    let spring = spring.as_array().unwrap();
    assert!(!spring.is_empty());
    assert!(
        spring
            .iter()
            .all(|e| e["until"].as_str().unwrap() >= "2014-04-01" && e["date"].as_str().unwrap() <= "2014-05-31")
    );
    // A bad date is refused with a reason.
    let out = dossier(&case).args(["timeline", "--from", "spring"]).output().unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("not a date"));
}

fn edge(g: &Value, a: i64, b: i64) -> Option<&Value> {
    g["edges"].as_array().unwrap().iter().find(|e| {
        let (s, t) = (e["source"].as_i64().unwrap(), e["target"].as_i64().unwrap());
        (s, t) == (a.min(b), a.max(b))
    })
}

#[test]
fn the_network_links_co_mentioned_entities() {
    let (_dir, case) = sample_case();
    let id = |name: &str| entity(&case, name)["id"].as_i64().unwrap();
    let (dolt, nesh, brekov) = (id("Kasimir Dolt"), id("Arvid Nesh"), id("Tomas Brekov"));
    let out = run(&case, &["graph", "--format", "json"]);
    let g: Value = serde_json::from_slice(&out.stdout).unwrap();
    // The two suspects are named together in most documents and many sentences.
    let pair = edge(&g, dolt, nesh).expect("Dolt and Nesh are linked");
    assert!(pair["weight"].as_u64().unwrap() >= 6, "{pair}");
    assert!(pair["sentences"].as_u64().unwrap() >= 5, "{pair}");
    assert!(edge(&g, dolt, brekov).is_some());
    // --min-weight drops weak edges.
    let strong: Value = serde_json::from_slice(&run(&case, &["graph", "--min-weight", "5"]).stdout).unwrap();
    assert!(strong["edges"].as_array().unwrap().iter().all(|e| e["weight"].as_u64().unwrap() >= 5));
    assert!(edge(&strong, dolt, nesh).is_some());
    // A neighbourhood: every edge touches the focus at depth 1.
    let around: Value =
        serde_json::from_slice(&run(&case, &["graph", "--entity", "Kasimir Dolt", "--depth", "1"]).stdout).unwrap();
    assert!(around["edges"].as_array().unwrap().iter().all(|e| e["source"] == dolt || e["target"] == dolt));
    // The file formats Gephi and Cytoscape read.
    let gexf = String::from_utf8(run(&case, &["graph", "--format", "gexf"]).stdout).unwrap();
    assert!(gexf.contains("<gexf") && gexf.contains("label=\"Kasimir Dolt\"") && gexf.trim_end().ends_with("</gexf>"));
    let graphml = String::from_utf8(run(&case, &["graph", "--format", "graphml"]).stdout).unwrap();
    assert_eq!(graphml.matches("<edge ").count(), g["edges"].as_array().unwrap().len());
    let csv = String::from_utf8(run(&case, &["graph", "--format", "csv"]).stdout).unwrap();
    assert!(csv.starts_with("source,target,source_name,target_name,weight,sentences,quotes\n"));
    assert_eq!(csv.lines().count(), g["edges"].as_array().unwrap().len() + 1);
}

#[test]
fn curation_survives_reanalysis_and_can_be_undone() {
    let (_dir, case) = sample_case();
    let id = |name: &str| entity(&case, name)["id"].as_i64().unwrap();
    let (dolt, nesh) = (id("Kasimir Dolt"), id("Arvid Nesh"));
    let tessavar = id("Tessavar");
    // Merge two entities (deliberately wrong, to see it hold and then undo it).
    run(&case, &["merge", &format!("#{dolt}"), &format!("#{nesh}")]);
    assert_eq!(id("Arvid Nesh"), dolt);
    // Reject one, rename one, add an alias.
    run(&case, &["reject", &format!("#{tessavar}")]);
    run(&case, &["rename", "Tomas Brekov", "Tomas 'the Ferryman' Brekov"]);
    run(&case, &["alias", "National Crime Directorate", "the Directorate"]);
    // Split the wire story's mentions off the leader.
    let brekov = id("Tomas Brekov");
    run(&case, &["split", &format!("#{brekov}"), "--doc", "wire-0001"]);
    let check = |case: &Path| {
        assert_eq!(id("Arvid Nesh"), id("Kasimir Dolt"), "merge holds");
        let listed = json(case, &["entities", "-n", "1000"]);
        assert!(listed.as_array().unwrap().iter().all(|e| e["name"] != "Tessavar"), "rejected stays hidden");
        let leader = entity(case, "Brekov");
        assert_eq!(leader["name"], "Tomas 'the Ferryman' Brekov");
        assert!(!doc_ids(&leader).contains(&"wire-0001".to_string()), "split holds");
        assert!(names(&entity(case, "NCD"), "aliases").contains(&"the Directorate".to_string()));
    };
    check(&case);
    // Re-analysis re-runs the pipeline and re-resolves every document: decisions still hold.
    run(&case, &["reanalyse", "--force"]);
    check(&case);
    let log = json(&case, &["log"]);
    assert_eq!(log.as_array().unwrap().len(), 5);
    // Undo the merge: the two men are apart again, the other decisions still hold.
    run(&case, &["undo", "1"]);
    assert_ne!(id("Arvid Nesh"), id("Kasimir Dolt"));
    assert_eq!(entity(&case, "Brekov")["name"], "Tomas 'the Ferryman' Brekov");
    let log = json(&case, &["log"]);
    assert_eq!(log[0]["undone"], true);
    assert_eq!(log[1]["undone"], false);
    // Curation refuses what it cannot do, with a reason.
    let out = dossier(&case).args(["merge", "#999999", "#1"]).output().unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("no entity"));
}

#[test]
fn exports_link_records_to_case_entities() {
    let (dir, case) = sample_case();
    let brekov = entity(&case, "Tomas Brekov")["id"].as_i64().unwrap();
    let out = run(&case, &["export", "--what", "mentions"]);
    let rows: Vec<Value> =
        String::from_utf8(out.stdout).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    let his: Vec<&Value> = rows.iter().filter(|r| r["entity"] == brekov).collect();
    assert!(his.iter().any(|r| r["text"] == "the Ferryman" || r["text"] == "Ferryman"));
    assert!(his.iter().any(|r| r["text"] == "Tomas Brekov"));
    // Every mention's text is the document's text at its offsets.
    let doc: Value = serde_json::from_slice(&run(&case, &["doc", "wire-0001"]).stdout).unwrap();
    let text: Vec<char> = doc["text"].as_str().unwrap().chars().collect();
    for r in rows.iter().filter(|r| r["doc"] == "wire-0001") {
        let (s, e) = (r["start"].as_u64().unwrap() as usize, r["end"].as_u64().unwrap() as usize);
        assert_eq!(text[s..e].iter().collect::<String>(), r["text"].as_str().unwrap());
    }
    let quotes = String::from_utf8(run(&case, &["export", "--what", "quotes", "--format", "csv"]).stdout).unwrap();
    assert!(quotes.starts_with("doc,start,end,kind,text,speaker,speaker_name,speaker_text,cue,date\n"));
    assert!(quotes.lines().count() > 30);
    let entities = String::from_utf8(run(&case, &["export", "--what", "entities", "--format", "csv"]).stdout).unwrap();
    assert!(entities.lines().any(|l| l.contains("Tomas Brekov") && l.contains("Ferryman")));
    let docs = String::from_utf8(run(&case, &["export", "--what", "documents"]).stdout).unwrap();
    assert_eq!(docs.lines().count(), 14);
    // Parquet goes to a file.
    let pq = dir.path().join("times.parquet");
    run(&case, &["export", "--what", "times", "--format", "parquet", "-o", pq.to_str().unwrap()]);
    assert!(std::fs::read(&pq).unwrap().starts_with(b"PAR1"));
    let out = dossier(&case).args(["export", "--what", "times", "--format", "parquet"]).output().unwrap();
    assert!(!out.status.success(), "Parquet needs a file");
}

#[test]
fn an_ingest_without_case_tables_gets_them_at_the_next_opening() {
    let (_dir, case) = sample_case();
    let dir = tempfile::tempdir().unwrap();
    let fast = dir.path().join("fast");
    let samples = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../samples");
    run(&fast, &["ingest", "--without-case-tables", samples.to_str().unwrap()]);
    // Straight after the ingest the case is marked for its tables (`user_version` 0 in the
    // database header); the first command that opens it builds them from the records, and
    // every listing is then the same as after a full ingest.
    let marked = || {
        let header = std::fs::read(fast.join("case.db")).unwrap();
        u32::from_be_bytes(header[60..64].try_into().unwrap())
    };
    assert_eq!(marked(), 0);
    for args in [&["entities", "-n", "1000"][..], &["quotes", "-n", "1000"], &["timeline", "-n", "1000"]] {
        assert_eq!(json(&fast, args), json(&case, args), "{args:?}");
    }
    let graph = |c: &Path| run(c, &["graph", "--format", "json"]).stdout;
    assert_eq!(graph(&fast), graph(&case));
    assert!(marked() > 0);
}
