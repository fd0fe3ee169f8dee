//! End-to-end tests of `dossier extract`: the real binary on files it has to survive.

use serde_json::Value;
use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

fn dossier() -> Command {
    Command::new(env!("CARGO_BIN_EXE_dossier"))
}

fn samples() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../samples")
}

/// Runs `dossier extract ARGS`, returns (exit code, parsed output lines).
fn extract(args: &[&str], stdin: Option<&[u8]>) -> (i32, Vec<Value>) {
    let mut child = dossier()
        .arg("extract")
        .args(args)
        .stdin(if stdin.is_some() { Stdio::piped() } else { Stdio::null() })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    if let Some(bytes) = stdin {
        let mut si = child.stdin.take().unwrap();
        si.write_all(bytes).unwrap();
    }
    let out = child.wait_with_output().unwrap();
    let text = String::from_utf8(out.stdout).expect("output is UTF-8");
    let lines = text.split('\n').filter(|l| !l.is_empty()).map(|l| serde_json::from_str(l).expect(l)).collect();
    (out.status.code().unwrap(), lines)
}

/// Every offset is a character offset inside the text and mention texts match.
fn assert_contract(doc: &Value) {
    let text: Vec<char> = doc["text"].as_str().unwrap().chars().collect();
    for key in ["id", "source", "url", "hash", "title", "byline", "published", "lang", "text"] {
        assert!(doc.get(key).is_some(), "missing {key}");
    }
    for key in ["sentences", "entities", "mentions", "quotes", "times", "numbers", "warnings"] {
        assert!(doc[key].is_array(), "{key} is not a list");
    }
    let mut last_end = 0;
    for s in doc["sentences"].as_array().unwrap() {
        let (a, b) = (s[0].as_u64().unwrap() as usize, s[1].as_u64().unwrap() as usize);
        assert!(a <= b && b <= text.len() && a >= last_end, "bad sentence {a}..{b}");
        last_end = b;
    }
    for m in doc["mentions"].as_array().unwrap() {
        let (a, b) = (m["start"].as_u64().unwrap() as usize, m["end"].as_u64().unwrap() as usize);
        assert_eq!(text[a..b].iter().collect::<String>(), m["text"].as_str().unwrap());
    }
}

#[test]
fn sample_case_is_read_whole_in_order() {
    let dir = samples();
    let (code, docs) = extract(&[dir.to_str().unwrap()], None);
    assert_eq!(code, 0, "{docs:?}");
    let ids: Vec<&str> = docs.iter().map(|d| d["id"].as_str().unwrap()).collect();
    assert_eq!(docs.len(), 14, "{ids:?}");
    assert!(ids[0].ends_with("01-leaked-letter-report.txt"));
    assert_eq!(&ids[6..9], ["wire-0001", "wire-0002", "wire-0003"]);
    assert!(ids[11].ends_with("10-legacy-encoding.txt"));
    for d in &docs {
        assert!(d.get("error").is_none(), "{d}");
        assert_contract(d);
        assert!(d["sentences"].as_array().unwrap().len() >= 3, "{}", d["id"]);
        assert_eq!(d["hash"].as_str().unwrap().len(), 64);
    }
    let html = &docs[2];
    assert_eq!(html["published"], "2018-07-23");
    assert!(html["title"].as_str().is_some_and(|t| !t.is_empty()));
    let body = html["text"].as_str().unwrap();
    assert!(body.contains("Helena Strand"), "{body}");
    for junk in ["cookie", "Cookie", "Share on", "All rights reserved"] {
        assert!(!body.contains(junk), "boilerplate {junk:?} kept: {body}");
    }
    let legacy = &docs[11];
    assert!(legacy["text"].as_str().unwrap().contains("Vantörn"), "Windows-1252 decoded");
    assert!(legacy["warnings"][0].as_str().unwrap().contains("windows-1252"));
    assert_eq!(docs[6]["published"], "2018-07-23");
    assert!(docs[6]["url"].is_string());
}

#[test]
fn each_bad_input_gets_its_error_and_the_batch_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(d.join("01-good.txt"), "Ann Lee spoke on Tuesday. She left.").unwrap();
    std::fs::write(d.join("02-binary.bin"), [0u8, 159, 146, 150, 0, 1, 2, 3, 0, 0, 255]).unwrap();
    let mut bad_utf8 = "Zoë met Chloë in Zürich. ".as_bytes().to_vec();
    bad_utf8.extend_from_slice(&[0xC3, 0x28]);
    bad_utf8.extend_from_slice(b" Then they left.");
    std::fs::write(d.join("03-bad-utf8.txt"), bad_utf8).unwrap();
    std::fs::write(d.join("04-empty.txt"), "").unwrap();
    std::fs::write(
        d.join("05-deep.html"),
        format!("<html><body>{}Deep text here.{}</body></html>", "<div>".repeat(100_000), "</div>".repeat(100_000)),
    )
    .unwrap();
    std::fs::write(
        d.join("06-feed.jsonl"),
        "{\"id\":\"a\",\"text\":\"First.\"}\nnot json at all\n{\"id\":\"c\",\"text\":\"Third.\"}\n",
    )
    .unwrap();
    std::fs::write(d.join("07-pdf.pdf"), b"%PDF-1.4\n%binary").unwrap();
    let missing = d.join("99-missing.txt");
    let (code, docs) = extract(&[d.to_str().unwrap(), missing.to_str().unwrap()], None);
    assert_eq!(code, 1);
    let kinds: Vec<String> = docs
        .iter()
        .map(|o| {
            o["error"]["kind"]
                .as_str()
                .map_or_else(|| format!("ok:{}", o["id"].as_str().unwrap().rsplit('/').next().unwrap()), str::to_string)
        })
        .collect();
    assert_eq!(
        kinds,
        [
            "ok:01-good.txt",
            "binary",
            "ok:03-bad-utf8.txt",
            "empty",
            "ok:05-deep.html",
            "ok:a",
            "invalid_json",
            "ok:c",
            "unsupported_format",
            "not_found",
        ]
    );
    for o in &docs {
        if let Some(e) = o.get("error") {
            assert!(!e["message"].as_str().unwrap().is_empty());
            assert!(o.get("id").is_some() && o.get("source").is_some());
        } else {
            assert_contract(o);
        }
    }
    assert!(docs[2]["warnings"][0].as_str().unwrap().contains("best-effort decode"));
    assert_eq!(docs[4]["text"], "Deep text here.");
    assert!(docs[6]["id"].as_str().unwrap().ends_with("06-feed.jsonl#2"));
}

#[test]
fn a_huge_single_line_file_is_processed_or_refused_by_size() {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("huge.txt");
    let words = "word ".repeat(10 * 1024 * 1024); // 50 MiB, no newline
    std::fs::write(&f, &words).unwrap();
    let (code, docs) = extract(&[f.to_str().unwrap()], None);
    assert_eq!(code, 0);
    assert_eq!(docs[0]["text"].as_str().unwrap().len(), words.len());
    let (code, docs) = extract(&["--max-doc-bytes", "1000000", f.to_str().unwrap()], None);
    assert_eq!(code, 1);
    assert_eq!(docs[0]["error"]["kind"], "too_large");
}

#[test]
fn stdin_feed_and_stdin_text() {
    let feed = b"{\"id\":\"x\",\"text\":\"Caf\xc3\xa9 owner \xe2\x80\x9cAnn\xe2\x80\x9d said so.\",\"published\":\"2018-07-23\"}\n{\"text\":\"No id here.\"}\n";
    let (code, docs) = extract(&[], Some(feed));
    assert_eq!(code, 0);
    assert_eq!(docs[0]["id"], "x");
    assert_eq!(docs[0]["source"], Value::Null);
    assert_eq!(docs[0]["text"], "Café owner “Ann” said so.");
    assert_eq!(docs[1]["id"], "-#2");
    let (code, docs) = extract(&["-"], Some(b"Plain text from a pipe. Two sentences."));
    assert_eq!(code, 0);
    assert_eq!(docs[0]["id"], "-");
    assert_eq!(docs[0]["sentences"].as_array().unwrap().len(), 2);
}

#[test]
fn output_keeps_input_order_with_many_workers() {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("feed.jsonl");
    let mut s = String::new();
    for i in 0..500 {
        // Uneven sizes so that workers finish out of order.
        let body = "A sentence of words. ".repeat(1 + (i * 37) % 200);
        s.push_str(&serde_json::json!({"id": format!("d{i}"), "text": body}).to_string());
        s.push('\n');
    }
    std::fs::write(&f, s).unwrap();
    let (code, docs) = extract(&["--jobs", "4", f.to_str().unwrap()], None);
    assert_eq!(code, 0);
    let ids: Vec<String> = docs.iter().map(|d| d["id"].as_str().unwrap().to_string()).collect();
    assert_eq!(ids, (0..500).map(|i| format!("d{i}")).collect::<Vec<_>>());
}

#[test]
fn bad_usage_exits_2() {
    let out = dossier().args(["extract", "--date", "23/07/2018", "x"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let out = dossier().args(["extract", "--jobs", "0", "x"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let out = dossier().args(["extract", "--lang", "spanish", "x"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn lang_gives_a_language_to_documents_without_one() {
    // a text file and a feed line of no language take --lang's; a feed line's own stays
    let dir = tempfile::tempdir().unwrap();
    let txt = dir.path().join("nota.txt");
    std::fs::write(&txt, "Los sospechosos fueron capturados en enero.\n").unwrap();
    let feed = dir.path().join("f.jsonl");
    let line = |lang: &str| serde_json::json!({"text": "They left in January.", "lang": lang}).to_string();
    std::fs::write(&feed, format!("{}\n{}\n", line("en"), serde_json::json!({"text": "Se fueron ayer."}))).unwrap();
    let (code, docs) =
        extract(&["--lang", "ES", "--date", "2018-07-12", txt.to_str().unwrap(), feed.to_str().unwrap()], None);
    assert_eq!(code, 0);
    let got: Vec<(&str, Vec<&str>)> = docs
        .iter()
        .map(|d| {
            let times = d["times"].as_array().unwrap().iter().map(|t| t["value"].as_str().unwrap()).collect();
            (d["lang"].as_str().unwrap(), times)
        })
        .collect();
    assert_eq!(got, [("es", vec!["2018-01"]), ("en", vec!["2018-01"]), ("es", vec!["2018-07-11"])]);
    // without it, the Spanish text is read in English: no time in it
    let (_, docs) = extract(&["--date", "2018-07-12", txt.to_str().unwrap()], None);
    assert_eq!((&docs[0]["lang"], docs[0]["times"].as_array().unwrap().len()), (&Value::Null, 0));
}

#[test]
fn a_closed_pipe_ends_quietly() {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("feed.jsonl");
    let line = serde_json::json!({"text": "Words and more words. ".repeat(50)}).to_string();
    std::fs::write(&f, format!("{line}\n").repeat(5000)).unwrap();
    let mut child =
        dossier().args(["extract", f.to_str().unwrap()]).stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().unwrap();
    let mut first = String::new();
    BufReader::new(child.stdout.take().unwrap()).read_line(&mut first).unwrap();
    assert!(first.starts_with('{'));
    let out = child.wait_with_output().unwrap(); // stdout was dropped above: the pipe is closed
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(!String::from_utf8_lossy(&out.stderr).contains("panicked"));
}
