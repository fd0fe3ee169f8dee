//! Prints sentences of every document in a JSONL feed, in the extraction contract's shape, so the
//! shared scorer can measure the segmenter before the CLI exists:
//!
//! ```text
//! cargo build --release -p dossier-nlp --example segment_eval
//! python3 ../shared/tools/score.py sentences --data ../shared/data/gum/cc-by/dev/conllu \
//!     --cmd target/release/examples/segment_eval
//! ```
//!
//! Input lines: `{"id": ..., "text": ..., ...}`. Output lines: `{"id", "text", "sentences"}` with
//! character offsets.

use dossier_model::CharIndex;
use dossier_nlp::{split_sentences, tokenize};
use serde_json::{Value, json};
use std::io::{BufRead, BufReader, BufWriter, Write};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let path = std::env::args().nth(1).ok_or("usage: segment_eval FEED.jsonl")?;
    let input = BufReader::new(std::fs::File::open(&path)?);
    let mut out = BufWriter::new(std::io::stdout().lock());
    for line in input.lines() {
        let line = line?;
        if line.trim().is_empty() {
            continue;
        }
        let rec: Value = serde_json::from_str(&line)?;
        let text = rec.get("text").and_then(Value::as_str).unwrap_or("");
        let tokens = tokenize(text);
        let idx = CharIndex::new(text);
        let sentences: Vec<[usize; 2]> = split_sentences(text, &tokens).into_iter().map(|s| idx.span(s)).collect();
        let obj = json!({"id": rec.get("id").cloned().unwrap_or(Value::Null), "text": text, "sentences": sentences});
        writeln!(out, "{obj}")?;
    }
    out.flush()?;
    Ok(())
}
