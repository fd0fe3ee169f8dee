//! Prints the time expressions of every document in a JSONL feed, in the extraction contract's
//! shape, so the shared scorer can measure the time tagger before the CLI runs it:
//!
//! ```text
//! cargo build --release -p dossier-nlp --example time_eval
//! python3 ../shared/tools/score.py times --data ../shared/data/tempeval3-tbaq \
//!     --cmd target/release/examples/time_eval
//! ```
//!
//! Input lines: `{"id": ..., "text": ..., "published": "YYYY-MM-DD"}`. Output lines:
//! `{"id", "text", "times": [{"start", "end", "text", "type", "value"}]}` with character offsets.

use dossier_model::Doc;
use dossier_model::contract::DocRecord;
use dossier_nlp::{Component, Segmenter, TimeTagger};
use serde_json::{Value, json};
use std::io::{BufRead, BufReader, BufWriter, Write};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let path = std::env::args().nth(1).ok_or("usage: time_eval FEED.jsonl")?;
    let input = BufReader::new(std::fs::File::open(&path)?);
    let mut out = BufWriter::new(std::io::stdout().lock());
    for line in input.lines() {
        let line = line?;
        if line.trim().is_empty() {
            continue;
        }
        let rec: Value = serde_json::from_str(&line)?;
        let text = rec.get("text").and_then(Value::as_str).unwrap_or("");
        let id = rec.get("id").and_then(Value::as_str).unwrap_or("").to_string();
        let mut doc = Doc::new(id, text);
        doc.published = rec.get("published").and_then(Value::as_str).map(str::to_string);
        Segmenter.process(&mut doc);
        TimeTagger.process(&mut doc);
        let r = DocRecord::from_doc(&doc);
        let obj = json!({"id": r.id, "text": r.text, "published": r.published, "times": r.times});
        writeln!(out, "{obj}")?;
    }
    out.flush()?;
    Ok(())
}
