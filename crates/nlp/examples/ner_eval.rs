//! Speaks enough of the extraction contract for `tools/score.py ner`: reads JSONL feeds
//! (`{"id", "text", ...}` per line), runs the segmenter and the NER tagger, and prints one
//! object per line with the mentions in character offsets.
//!
//!     DOSSIER_NER_MODEL=path/to/ner.bin ner_eval FEED.jsonl...   (default: the embedded model)
//!     DOSSIER_NER_LINK=1 ner_eval FEED.jsonl...   (the entity linker after NER, as `dossier extract`
//!     runs it: mentions take their entity's type)
//!     ner_eval --bench FILE   (words/s of segmentation + NER over FILE's text, one core)

use dossier_model::Doc;
use dossier_model::contract::DocRecord;
use dossier_nlp::ner::{Model, NerTagger};
use dossier_nlp::{Component, EntityLinker, Segmenter};
use std::io::{BufRead, BufWriter, Write};
use std::time::Instant;

fn tagger() -> NerTagger {
    match std::env::var("DOSSIER_NER_MODEL") {
        Ok(p) => {
            let bytes = std::fs::read(&p).unwrap_or_else(|e| panic!("{p}: {e}"));
            NerTagger::new(Model::from_bytes(&bytes).unwrap_or_else(|e| panic!("{p}: {e}")))
        }
        Err(_) => NerTagger::embedded(),
    }
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let ner = tagger();
    let link = std::env::var("DOSSIER_NER_LINK").is_ok_and(|v| v == "1");
    if args.first().map(String::as_str) == Some("--bench") {
        bench(&ner, &args[1]);
        return;
    }
    let stdout = std::io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    for path in &args {
        let f = std::fs::File::open(path).unwrap_or_else(|e| panic!("{path}: {e}"));
        for (n, line) in std::io::BufReader::new(f).lines().enumerate() {
            let line = line.expect("readable feed");
            if line.trim().is_empty() {
                continue;
            }
            let v: serde_json::Value = serde_json::from_str(&line).expect("a JSON line");
            let id = v.get("id").and_then(|x| x.as_str()).map(String::from).unwrap_or(format!("{path}#{}", n + 1));
            let text = v.get("text").and_then(|x| x.as_str()).unwrap_or("");
            let mut doc = Doc::new(id, text);
            doc.source = Some(path.clone());
            Segmenter.process(&mut doc);
            ner.process(&mut doc);
            if link {
                EntityLinker.process(&mut doc);
            }
            let rec = DocRecord::from_doc(&doc);
            serde_json::to_writer(&mut out, &rec).expect("JSON out");
            out.write_all(b"\n").expect("write");
        }
    }
}

fn bench(ner: &NerTagger, path: &str) {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    // documents of about 4 KB, as a feed would bring them
    let mut docs = Vec::new();
    let mut cur = String::new();
    for para in text.split("\n\n") {
        cur.push_str(para);
        cur.push_str("\n\n");
        if cur.len() > 4000 {
            docs.push(std::mem::take(&mut cur));
        }
    }
    if !cur.is_empty() {
        docs.push(cur);
    }
    let words: usize = docs.iter().map(|d| d.split_whitespace().count()).sum();
    let run = |with_ner: bool| {
        let t = Instant::now();
        let c0 = cpu_ns();
        let mut mentions = 0;
        for d in &docs {
            let mut doc = Doc::new("b", d.as_str());
            Segmenter.process(&mut doc);
            if with_ner {
                ner.process(&mut doc);
            }
            mentions += doc.mentions.len();
        }
        // on-CPU time where the kernel tells it (a shared machine's load then does not count)
        let secs = match (c0, cpu_ns()) {
            (Some(a), Some(b)) => (b - a) as f64 / 1e9,
            _ => t.elapsed().as_secs_f64(),
        };
        (secs, mentions)
    };
    run(true);
    for with_ner in [false, true] {
        let mut times: Vec<f64> = (0..3).map(|_| run(with_ner).0).collect();
        times.sort_by(f64::total_cmp);
        let m = run(with_ner).1;
        println!(
            "{}: {} words, median {:.3} s on one core = {:.0} words/s ({} mentions)",
            if with_ner { "segment+ner" } else { "segment only" },
            words,
            times[1],
            words as f64 / times[1],
            m
        );
    }
}

/// Nanoseconds this thread has run on a CPU (Linux), if known.
fn cpu_ns() -> Option<u64> {
    let s = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    s.split_whitespace().next()?.parse().ok()
}
