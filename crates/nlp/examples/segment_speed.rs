//! Throughput of tokenize + split_sentences on one core, in MB/s of UTF-8 text.
//!
//! ```text
//! cargo run --release -p dossier-nlp --example segment_speed [FILE ...]
//! ```
//!
//! Files may be plain text, JSONL feeds (their `text` fields are used) or CoNLL-U (their
//! `# text =` lines). Without files, invented news-like text is generated. The input is repeated
//! to about 50 MB; the figure is the median of three runs after a warm-up.

use dossier_nlp::{split_sentences, tokenize};
use std::time::Instant;

const TARGET: usize = 50 << 20;

fn load(path: &str) -> std::io::Result<String> {
    let raw = std::fs::read_to_string(path)?;
    if path.ends_with(".jsonl") {
        let mut s = String::new();
        for line in raw.lines().filter(|l| !l.trim().is_empty()) {
            if let Ok(v) = serde_json::from_str::<serde_json::Value>(line)
                && let Some(t) = v.get("text").and_then(|t| t.as_str())
            {
                s.push_str(t);
                s.push_str("\n\n");
            }
        }
        return Ok(s);
    }
    if path.ends_with(".conllu") || path.ends_with(".iob2") {
        let mut s = String::new();
        for line in raw.lines() {
            if line.starts_with("# newpar") {
                s.push_str("\n\n");
            } else if let Some(t) = line.strip_prefix("# text = ") {
                s.push_str(t);
                s.push(' ');
            }
        }
        return Ok(s);
    }
    Ok(raw)
}

/// Invented sentences that exercise the expensive paths: abbreviations, quotes, numbers, links.
fn generated() -> String {
    let parts = [
        "Mr. Ode told reporters in Lagos on Jan. 5 that the U.S. plan was “not enough.” ",
        "Shares of Acme Inc. rose 3.5% to $1,204.50 at 6.14am, the 22nd rise this year. ",
        "“We don’t know,” said Dr. Lin Bao, a 40-year-old El-Sheikh native. ",
        "Details are at https://example.org/report and from press@example.org. ",
        "Why now? Nobody knows... The ministry's statement — issued at 18:30 — was brief!\n\n",
        "Floods hit the north\nBy Ana Ruiz, Staff Reporter\n\n",
    ];
    let mut s = String::new();
    let mut i = 0usize;
    while s.len() < 1 << 20 {
        s.push_str(parts[i % parts.len()]);
        i = i.wrapping_mul(31).wrapping_add(7) % 1009;
    }
    s
}

fn main() -> std::io::Result<()> {
    let files: Vec<String> = std::env::args().skip(1).collect();
    let mut base = String::new();
    for f in &files {
        base.push_str(&load(f)?);
        base.push_str("\n\n");
    }
    if base.trim().is_empty() {
        base = generated();
    }
    let mut text = String::with_capacity(TARGET + base.len());
    while text.len() < TARGET {
        text.push_str(&base);
    }
    let mb = text.len() as f64 / 1e6;
    let mut runs = Vec::new();
    let mut counts = (0, 0);
    for run in 0..4 {
        let t0 = Instant::now();
        let tokens = tokenize(&text);
        let t1 = Instant::now();
        let sentences = split_sentences(&text, &tokens);
        let t2 = Instant::now();
        counts = (tokens.len(), sentences.len());
        if run > 0 {
            runs.push(((t2 - t0).as_secs_f64(), (t1 - t0).as_secs_f64(), (t2 - t1).as_secs_f64()));
        }
    }
    runs.sort_by(|a, b| a.0.total_cmp(&b.0));
    let (secs, tok, split) = runs[1];
    println!(
        "{mb:.1} MB, {} tokens, {} sentences: {secs:.3} s (tokenize {tok:.3} s, split {split:.3} s), {:.1} MB/s \
         (median of 3 after a warm-up)",
        counts.0,
        counts.1,
        mb / secs
    );
    Ok(())
}
