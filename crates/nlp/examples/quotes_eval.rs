//! Speaks the extraction contract for the scorers: reads JSONL feeds (`{"id", "text",
//! "published"}` a line), runs the full pipeline with entity resolution and quotations, and
//! prints one `DocRecord` a line.
//!
//! ```text
//! cargo build --release -p dossier-nlp --examples
//! python3 ../shared/tools/score.py quotes --data ../shared/data/polnear/dev \
//!     --cmd "target/release/examples/quotes_eval"
//! quotes_eval [--skip entities,quotes] [--time] FEED.jsonl ...
//! ```
//!
//! `--skip` switches components off (to measure what they cost); `--time` prints the seconds
//! spent, the words processed and the seconds of each step (component, output) to standard
//! error.

use dossier_model::Doc;
use dossier_model::contract::DocRecord;
use std::io::{BufRead, BufWriter, Write};
use std::time::Instant;

fn components(skip: &[String]) -> Vec<Box<dyn dossier_nlp::Component>> {
    let mut comps: Vec<Box<dyn dossier_nlp::Component>> = dossier_nlp::default_components();
    if !comps.iter().any(|c| c.name() == "entities") {
        comps.push(Box::new(dossier_nlp::EntityLinker));
    }
    if !comps.iter().any(|c| c.name() == "quotes") {
        comps.push(Box::new(dossier_nlp::QuoteFinder));
    }
    comps.into_iter().filter(|c| !skip.iter().any(|s| s == c.name())).collect()
}

fn main() {
    let mut skip: Vec<String> = Vec::new();
    let mut time = false;
    let mut paths = Vec::new();
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--skip" => skip.extend(args.next().unwrap_or_default().split(',').map(str::to_string)),
            "--time" => time = true,
            _ => paths.push(a),
        }
    }
    let comps = components(&skip);
    let names: Vec<&str> = comps.iter().map(|c| c.name()).collect();
    // checks the order once, as the pipeline would
    drop(dossier_nlp::Pipeline::new(components(&skip)).expect("an ordered pipeline"));
    let mut spent = vec![0f64; comps.len() + 1];
    let out = std::io::stdout();
    let mut out = BufWriter::new(out.lock());
    let t0 = Instant::now();
    let mut words = 0usize;
    for path in &paths {
        let file = std::fs::File::open(path).expect("readable feed");
        for line in std::io::BufReader::new(file).lines() {
            let line = line.expect("UTF-8 feed");
            if line.trim().is_empty() {
                continue;
            }
            let v: serde_json::Value = serde_json::from_str(&line).expect("a JSON line");
            let text = v["text"].as_str().unwrap_or("").to_string();
            words += text.split_whitespace().count();
            let mut doc = Doc::new(v["id"].as_str().unwrap_or("").to_string(), text);
            doc.published = v["published"].as_str().map(str::to_string);
            doc.source = Some(path.clone());
            for (k, c) in comps.iter().enumerate() {
                let t = Instant::now();
                c.process(&mut doc);
                spent[k] += t.elapsed().as_secs_f64();
            }
            let t = Instant::now();
            let rec = DocRecord::from_doc(&doc);
            serde_json::to_writer(&mut out, &rec).expect("serializable");
            out.write_all(b"\n").expect("stdout");
            spent[comps.len()] += t.elapsed().as_secs_f64();
        }
    }
    out.flush().expect("stdout");
    if time {
        let s = t0.elapsed().as_secs_f64();
        eprintln!("{words} words in {s:.3} s: {:.0} words/s ({})", words as f64 / s, names.join(","));
        let parts: Vec<String> =
            names.iter().chain(["output"].iter()).zip(&spent).map(|(n, t)| format!("{n} {t:.3}")).collect();
        eprintln!("  seconds per step: {}", parts.join(", "));
    }
}
