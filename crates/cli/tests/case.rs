//! End-to-end tests of the case commands with the real binary, including a real `kill -9`.

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

fn dossier(case: &Path) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_dossier"));
    c.env("DOSSIER_CASE", case).stdin(Stdio::null());
    c
}

fn samples() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../samples")
}

fn json(case: &Path, args: &[&str]) -> Value {
    let out = dossier(case).args(args).arg("--json").output().unwrap();
    assert!(out.status.success(), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).unwrap()
}

fn search_ids(case: &Path, args: &[&str]) -> Vec<String> {
    let mut v: Vec<String> = json(case, &[&["search"], args].concat())
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["id"].as_str().unwrap().rsplit('/').next().unwrap().to_string())
        .collect();
    v.sort();
    v
}

#[test]
fn ingest_the_sample_case_then_query_it() {
    let dir = tempfile::tempdir().unwrap();
    let case = dir.path().join("case");
    let out = dossier(&case).arg("ingest").arg(samples()).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let st = json(&case, &["status"]);
    assert_eq!(st["documents"], 14);
    assert_eq!(st["errors"], 0);
    // Phrase, boolean and source filters on the sample case.
    assert_eq!(
        search_ids(&case, &["\"Operation Halden\""]),
        ["02-the-letter.txt", "04-witness-statement.txt", "06-police-inquiry.txt"]
    );
    assert!(
        search_ids(&case, &["Ferryman", "--source", &format!("{}/04", samples().display())])
            .contains(&"04-witness-statement.txt".to_string())
    );
    assert!(search_ids(&case, &["Ferryman -letter"]).iter().all(|id| id != "01-leaked-letter-report.txt"));
    // Published-date filter: only the feed items and the HTML page carry a date.
    let dated = search_ids(&case, &["--from", "2018-07-23", "--to", "2018-07-23", "-n", "50"]);
    assert!(dated.contains(&"wire-0001".to_string()) && dated.contains(&"03-ministry-statement.html".to_string()));
    // `doc` prints the stored record in the contract's format.
    let out = dossier(&case).args(["doc", "wire-0002"]).output().unwrap();
    let rec: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(rec["id"], "wire-0002");
    assert!(rec["text"].as_str().unwrap().contains('«'));
    assert_eq!(dossier(&case).args(["doc", "no-such-doc"]).output().unwrap().status.code(), Some(1));
    // A second ingest of the same folder changes nothing.
    let out = dossier(&case).arg("ingest").arg(samples()).output().unwrap();
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("0 new, 14 unchanged"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn changed_files_are_reanalysed_and_errors_are_listed() {
    let dir = tempfile::tempdir().unwrap();
    let case = dir.path().join("case");
    let docs = dir.path().join("docs");
    std::fs::create_dir(&docs).unwrap();
    std::fs::write(docs.join("a.txt"), "The harbour board met on Monday. It agreed nothing.").unwrap();
    std::fs::write(docs.join("b.bin"), [0u8, 1, 2, 0, 0, 7]).unwrap();
    let out = dossier(&case).arg("ingest").arg(&docs).output().unwrap();
    assert_eq!(out.status.code(), Some(1), "a failed document makes the exit status 1");
    let errs = json(&case, &["errors"]);
    assert_eq!(errs.as_array().unwrap().len(), 1);
    assert_eq!(errs[0]["kind"], "binary");
    std::thread::sleep(Duration::from_millis(20));
    std::fs::write(docs.join("a.txt"), "The harbour board met again on Friday and voted for cranes.").unwrap();
    dossier(&case).arg("ingest").arg(&docs).output().unwrap();
    assert_eq!(search_ids(&case, &["cranes"]), ["a.txt"]);
    assert!(search_ids(&case, &["nothing"]).is_empty(), "the old content is gone");
    assert_eq!(json(&case, &["status"])["documents"], 1);
    // Re-analysis with the same pipeline is a no-op unless forced.
    let out = dossier(&case).args(["reanalyse", "--force"]).output().unwrap();
    assert!(String::from_utf8_lossy(&out.stderr).contains("reanalysed 1 documents"));
    assert_eq!(search_ids(&case, &["cranes"]), ["a.txt"]);
}

#[test]
fn query_commands_without_a_case_say_so() {
    let dir = tempfile::tempdir().unwrap();
    let out = dossier(&dir.path().join("none")).arg("status").output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no case at"));
}

/// `kill -9` at several moments of an ingest, then the same command again: every document
/// is stored exactly once, the case opens cleanly and search agrees with the records.
#[test]
fn kill_9_during_ingest_loses_nothing_and_duplicates_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let case = dir.path().join("case");
    let feed = dir.path().join("feed.jsonl");
    let docs = 4000;
    let generated = Command::new(env!("CARGO_BIN_EXE_dossier"))
        .args(["bench", "gen", "--docs", &docs.to_string(), "--words", "150"])
        .output()
        .unwrap();
    std::fs::write(&feed, &generated.stdout).unwrap();
    for delay_ms in [300u64, 900, 1500] {
        let mut child = dossier(&case).arg("ingest").arg(&feed).stderr(Stdio::null()).spawn().unwrap();
        std::thread::sleep(Duration::from_millis(delay_ms));
        // SIGKILL: no destructor, no flush, no chance to clean up.
        unsafe_kill(child.id());
        let _ = child.wait();
    }
    let started = Instant::now();
    let out = dossier(&case).arg("ingest").arg(&feed).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(started.elapsed() < Duration::from_secs(600));
    let st = json(&case, &["status"]);
    assert_eq!(st["documents"], docs);
    assert_eq!(st["units"], docs);
    // Every generated document contains "the": one hit per document, none twice.
    let hits = json(&case, &["search", "the", "-n", "100000"]);
    assert_eq!(hits.as_array().unwrap().len(), docs);
    let mut ids: Vec<&str> = hits.as_array().unwrap().iter().map(|h| h["id"].as_str().unwrap()).collect();
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), docs, "no document is indexed twice");
}

fn unsafe_kill(pid: u32) {
    let status = Command::new("kill").args(["-9", &pid.to_string()]).status().unwrap();
    assert!(status.success());
}

/// `bench ingest` runs whole ingests with and without the case tables, a line per run, and
/// compares them, round by round too.
#[test]
fn bench_ingest_compares_runs_with_and_without_the_tables() {
    let dir = tempfile::tempdir().unwrap();
    let feed = dir.path().join("feed.jsonl");
    let generated = Command::new(env!("CARGO_BIN_EXE_dossier"))
        .args(["bench", "gen", "--docs", "40", "--words", "120"])
        .output()
        .unwrap();
    std::fs::write(&feed, &generated.stdout).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_dossier"))
        .args(["bench", "ingest", "--rounds", "2", "--jobs", "1"])
        .arg(&feed)
        .env("TMPDIR", dir.path())
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let said = String::from_utf8_lossy(&out.stdout);
    let lines: Vec<&str> = said.lines().collect();
    assert_eq!(lines.len(), 5, "{said}");
    for (line, (round, label)) in lines.iter().zip([
        (1, "with case tables"),
        (1, "without case tables"),
        (2, "with case tables"),
        (2, "without case tables"),
    ]) {
        assert!(line.starts_with(&format!("round {round} {label} ")), "{line}");
        assert!(line.contains("documents/s") && line.contains("peak RSS"), "{line}");
    }
    assert!(lines[4].starts_with("with the case tables: "), "{}", lines[4]);
    let by_round = lines[4].split("round by round ").nth(1).and_then(|r| r.split(')').next()).unwrap();
    assert_eq!(by_round.split(", ").filter(|r| r.ends_with('%')).count(), 2, "{}", lines[4]);
    // the temporary cases are gone
    assert!(
        std::fs::read_dir(dir.path())
            .unwrap()
            .flatten()
            .all(|e| !e.file_name().to_string_lossy().starts_with("dossier-bench"))
    );
}
