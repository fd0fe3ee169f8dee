//! What time tagging adds, on every text of a folder (PolNeAR by default), to segmentation
//! alone and to what `dossier extract` does with a document once read (segmentation, the
//! contract's JSON record with its content hash; then also NER): one warm-up, then timed runs with and
//! without times, interleaved (three by default, or the second argument); prints the medians
//! and the ratio, of wall time and of the CPU time the process was given (from
//! /proc/self/schedstat, steadier on a shared machine).
//!
//! ```text
//! cargo run --release -p dossier-nlp --example time_speed -- ../shared/data/polnear
//! ```

use dossier_model::Doc;
use dossier_model::contract::DocRecord;
use dossier_nlp::{Component, Segmenter, TimeTagger};
use std::path::{Path, PathBuf};
use std::time::Instant;

fn texts(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    let mut entries: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            texts(&p, out);
        } else if p.extension().is_some_and(|e| e == "txt") {
            out.push(p);
        }
    }
}

/// Nanoseconds this process has run on a CPU, where Linux tells.
fn cpu_ns() -> Option<u64> {
    std::fs::read_to_string("/proc/self/schedstat").ok()?.split_whitespace().next()?.parse().ok()
}

/// What runs on each document.
#[derive(Clone, Copy, PartialEq)]
enum Mode {
    /// Segmentation alone.
    Segment,
    /// What `dossier extract` does to a feed line after reading it with today's default
    /// pipeline: segmentation, the contract's JSON record (with the content hash).
    Extract,
    /// The same with the NER component, which the default pipeline is about to get.
    ExtractNer,
}

fn run(docs: &[(String, Option<String>)], mode: Mode, with_times: bool) -> (f64, f64, usize) {
    let ner = (mode == Mode::ExtractNer).then(dossier_nlp::ner::NerTagger::embedded);
    let c0 = cpu_ns();
    let t0 = Instant::now();
    let mut n = 0;
    for (text, date) in docs {
        let mut doc = Doc::new("d", text.as_str());
        doc.published = date.clone();
        Segmenter.process(&mut doc);
        if let Some(ner) = &ner {
            ner.process(&mut doc);
        }
        if with_times {
            TimeTagger.process(&mut doc);
        }
        if mode != Mode::Segment {
            let rec = DocRecord::from_doc(&doc);
            std::hint::black_box(serde_json::to_string(&rec).map(|s| s.len()).unwrap_or(0));
        }
        n += doc.times.len();
    }
    let wall = t0.elapsed().as_secs_f64();
    let cpu = match (c0, cpu_ns()) {
        (Some(a), Some(b)) => (b - a) as f64 / 1e9,
        _ => wall,
    };
    (wall, cpu, n)
}

fn main() {
    let dir = std::env::args().nth(1).unwrap_or_else(|| "../shared/data/polnear".into());
    let mut paths = Vec::new();
    texts(Path::new(&dir), &mut paths);
    // PolNeAR names carry the publication date: ..._2016-03-01_...
    let docs: Vec<(String, Option<String>)> = paths
        .iter()
        .filter_map(|p| {
            let text = std::fs::read_to_string(p).ok()?;
            let name = p.file_name()?.to_string_lossy().to_string();
            let date = name.split('_').find(|s| s.len() == 10 && s.as_bytes()[4] == b'-').map(str::to_string);
            Some((text, date))
        })
        .collect();
    let words: usize = docs.iter().map(|(t, _)| t.split_whitespace().count()).sum();
    // repeat the corpus so that each run reads at least a million words
    let reps = 1_000_000usize.div_ceil(words.max(1)).max(1);
    let docs: Vec<_> = std::iter::repeat_n(docs, reps).flatten().collect();
    println!("{} documents, {} words per run", docs.len(), words * reps);
    let runs: usize = std::env::args().nth(2).and_then(|r| r.parse().ok()).unwrap_or(3);
    // a third argument runs one pipeline alone, for `valgrind --tool=callgrind` or `perf stat`:
    // seg, seg+times, extract, extract+times, extract+ner, extract+ner+times
    if let Some(only) = std::env::args().nth(3) {
        let mode = match only.trim_end_matches("+times") {
            "extract" => Mode::Extract,
            "extract+ner" => Mode::ExtractNer,
            _ => Mode::Segment,
        };
        let found: usize = (0..runs).map(|_| run(&docs, mode, only.ends_with("+times")).2).sum();
        println!("{only}: {runs} runs, {found} time expressions");
        return;
    }
    let _ = run(&docs, Mode::Segment, true);
    for (name, mode) in [("segment", Mode::Segment), ("extract", Mode::Extract), ("extract+ner", Mode::ExtractNer)] {
        let (mut without, mut with) = (Vec::new(), Vec::new());
        let mut found = 0;
        for _ in 0..runs {
            without.push(run(&docs, mode, false));
            let r = run(&docs, mode, true);
            found = r.2;
            with.push(r);
        }
        let median = |v: &[(f64, f64, usize)], cpu: bool| {
            let mut x: Vec<f64> = v.iter().map(|r| if cpu { r.1 } else { r.0 }).collect();
            x.sort_by(f64::total_cmp);
            x[x.len() / 2]
        };
        for (what, cpu) in [("wall", false), ("cpu", true)] {
            let (a, b) = (median(&without, cpu), median(&with, cpu));
            println!(
                "{name:11} {what:4}: without {a:.3} s, with times {b:.3} s (medians of {runs}): +{:.1}%",
                (b / a - 1.0) * 100.0
            );
        }
        println!("{found} time expressions");
    }
}
