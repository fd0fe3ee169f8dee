//! Throughput of the entity linker and the quotation finder alone, on documents already
//! segmented and tagged: seconds and nanoseconds per word, median of the runs after a warm-up.
//!
//! ```text
//! cargo run --release -p dossier-nlp --example quotes_speed [--rounds N] FEED.jsonl ...
//! ```
//!
//! With `--rounds 0` only the base pipeline runs: the difference of instruction counts
//! (`perf stat -e instructions`) between two round counts measures the components on a busy
//! machine.

use dossier_model::Doc;
use dossier_nlp::Component;
use std::io::BufRead;
use std::time::Instant;

fn main() {
    let mut docs = Vec::new();
    let mut words = 0usize;
    let mut rounds = 4;
    let mut args = std::env::args().skip(1);
    let mut paths = Vec::new();
    while let Some(a) = args.next() {
        if a == "--rounds" {
            rounds = args.next().and_then(|r| r.parse().ok()).unwrap_or(4);
        } else {
            paths.push(a);
        }
    }
    for path in paths {
        let file = std::fs::File::open(&path).expect("readable feed");
        for line in std::io::BufReader::new(file).lines() {
            let line = line.expect("UTF-8");
            let Ok(v) = serde_json::from_str::<serde_json::Value>(&line) else { continue };
            let text = v["text"].as_str().unwrap_or("").to_string();
            words += text.split_whitespace().count();
            docs.push(Doc::new(v["id"].as_str().unwrap_or("").to_string(), text));
        }
    }
    let base = dossier_nlp::default_pipeline();
    for d in &mut docs {
        base.run(d);
    }
    let linker = dossier_nlp::EntityLinker;
    let finder = dossier_nlp::QuoteFinder;
    let mut linked = docs.clone();
    let mut times = [Vec::new(), Vec::new()];
    for round in 0..rounds {
        let mut batch = docs.clone();
        let t = Instant::now();
        for d in &mut batch {
            linker.process(d);
        }
        let te = t.elapsed().as_secs_f64();
        let t = Instant::now();
        for d in &mut batch {
            finder.process(d);
        }
        let tq = t.elapsed().as_secs_f64();
        if round > 0 || rounds == 1 {
            times[0].push(te);
            times[1].push(tq);
        }
        linked = batch;
    }
    for (name, t) in ["entities", "quotes"].iter().zip(&mut times) {
        if t.is_empty() {
            continue;
        }
        t.sort_by(f64::total_cmp);
        let m = t[t.len() / 2];
        println!("{name}: {m:.3} s for {words} words, {:.0} ns/word", m * 1e9 / words as f64);
    }
    let q: usize = linked.iter().map(|d| d.quotes.len()).sum();
    let e: usize = linked.iter().map(|d| d.entities.len()).sum();
    println!("{} documents, {e} entities, {q} quotes", linked.len());
}
