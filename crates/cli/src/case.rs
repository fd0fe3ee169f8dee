//! Case commands: `ingest`, `reanalyse`, `status`, `errors`, `search`, `doc`.

use crate::extract::{guarded, run_ordered, unit_names};
use anyhow::{Context, Result};
use clap::Args;
use dossier_ingest::{Input, Raw, Reader};
use dossier_model::contract::{DocRecord, ErrorRecord};
use dossier_model::{Doc, FileStamp};
use dossier_nlp::Pipeline;
use dossier_store::{CaseStore, Put, SearchQuery, Store, StoredDoc};
use std::collections::HashSet;
use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;
use std::sync::atomic::Ordering;
use std::time::{Duration, Instant};

/// Where the case lives.
#[derive(Args, Debug, Clone)]
pub struct CaseArg {
    /// The case folder (default: $DOSSIER_CASE, else ./dossier-case).
    #[arg(long, global = true)]
    pub case: Option<PathBuf>,
}

impl CaseArg {
    fn dir(&self) -> PathBuf {
        self.case
            .clone()
            .or_else(|| std::env::var_os("DOSSIER_CASE").map(PathBuf::from))
            .unwrap_or_else(|| PathBuf::from("dossier-case"))
    }

    fn open(&self) -> Result<CaseStore> {
        let dir = self.dir();
        CaseStore::open(&dir).with_context(|| format!("opening the case at {}", dir.display()))
    }

    /// Opens a case that must exist already.
    pub fn open_existing(&self) -> Result<CaseStore> {
        let dir = self.dir();
        anyhow::ensure!(
            dir.join("case.db").exists(),
            "no case at {} (ingest documents first, or pass --case DIR)",
            dir.display()
        );
        self.open()
    }
}

/// Arguments of `dossier ingest`.
#[derive(Args, Debug)]
pub struct IngestArgs {
    #[command(flatten)]
    pub case: CaseArg,
    /// Files, folders or JSONL feeds to ingest (`-` for standard input).
    #[arg(required = true)]
    pub paths: Vec<String>,
    #[command(flatten)]
    pub run: crate::extract::RunArgs,
    /// Skip the cross-reference tables (entities, quotes, timeline, network) during this
    /// ingest; the next command that opens the case builds them from the stored records. For
    /// measuring the store alone (`dossier bench ingest`), or a fast first load.
    #[arg(long)]
    pub without_case_tables: bool,
}

/// What a worker made of one unit during an ingest.
enum Outcome {
    /// Analysed and prepared for the store (encoded, its derived rows computed) on the worker.
    Analysed(Put),
    Known {
        id: String,
        source: Option<String>,
        hash: String,
        stamp: Option<FileStamp>,
    },
    Failed(ErrorRecord, Option<FileStamp>),
}

/// Documents written per transaction, and the longest a batch waits before it is written.
const BATCH_DOCS: usize = 500;
const BATCH_WAIT: Duration = Duration::from_secs(2);

/// The `ingest` command.
pub fn ingest(args: IngestArgs) -> Result<ExitCode> {
    let jobs = crate::extract::jobs(args.run.jobs)?;
    let mut store = args.case.open()?;
    store.claim_for_documents()?;
    let cross_reference = !args.without_case_tables;
    if !cross_reference {
        store.skip_cross_reference()?;
    }
    let opts = args.run.options();
    let inputs: Vec<Input> =
        args.paths.iter().map(|p| if p == "-" { Input::Stdin } else { Input::Path(p.clone()) }).collect();
    let total_bytes = dossier_ingest::input_bytes(&inputs);
    let reader = Reader::new(inputs, opts).skip_unchanged(store.file_stamps()?);
    let progress = reader.progress();
    let known: Arc<HashSet<String>> = Arc::new(store.known_hashes()?);
    let pipeline = Arc::new(crate::extract::pipeline(&args.run.skip)?);
    let version = pipeline.version();
    let defaults = args.run.defaults();
    let work = move |raw: Raw| -> Outcome {
        let stamp = match &raw {
            Raw::File { stamp, .. } => *stamp,
            _ => None,
        };
        let (id, source) = unit_names(&raw);
        let parsed = guarded(&id, &source, || dossier_ingest::parse(raw, &opts));
        let mut doc = match parsed {
            Ok(doc) => doc,
            Err(e) => return Outcome::Failed(e, stamp),
        };
        let hash = doc.content_hash();
        if known.contains(&hash) {
            return Outcome::Known { id: doc.id, source: doc.source, hash, stamp };
        }
        defaults.apply(&mut doc);
        match guarded(&id, &source, || {
            pipeline.run(&mut doc);
            Ok(DocRecord::from_doc(&doc))
        }) {
            Ok(rec) if cross_reference => Outcome::Analysed(Put::doc(rec, &version, stamp)),
            Ok(rec) => Outcome::Analysed(Put::doc_without_rows(rec, &version, stamp)),
            Err(e) => Outcome::Failed(e, stamp),
        }
    };

    // The store writes on its own thread, so analysis goes on while a batch is committed.
    store.set_bulk(true)?;
    let (batch_tx, batch_rx) = std::sync::mpsc::sync_channel::<Vec<Put>>(2);
    let writer = std::thread::Builder::new().name("store-writer".into()).spawn(move || -> Result<CaseStore> {
        for batch in batch_rx {
            store.put_batch(batch).context("writing to the case")?;
        }
        store.flush().context("committing the search index")?;
        Ok(store)
    })?;
    let mut meter = Meter::new(total_bytes);
    let mut batch: Vec<Put> = Vec::new();
    let mut last_write = Instant::now();
    let (mut added, mut unchanged, mut failed) = (0u64, 0u64, 0u64);
    let ran = run_ordered(reader, jobs, work, |o: Outcome| {
        batch.push(match o {
            Outcome::Analysed(put) => {
                added += 1;
                put
            }
            Outcome::Known { id, source, hash, stamp } => {
                unchanged += 1;
                Put::Known { id, source, hash, stamp }
            }
            Outcome::Failed(error, stamp) => {
                failed += 1;
                Put::Failed { error, stamp }
            }
        });
        if batch.len() >= BATCH_DOCS || last_write.elapsed() >= BATCH_WAIT {
            // A closed channel means the writer failed; its error is reported below.
            if batch_tx.send(std::mem::take(&mut batch)).is_err() {
                anyhow::bail!("the case writer stopped");
            }
            last_write = Instant::now();
        }
        meter.tick(
            added,
            unchanged + progress.skipped.load(Ordering::Relaxed),
            failed,
            progress.bytes.load(Ordering::Relaxed),
        );
        Ok(())
    });
    if ran.is_ok() {
        let _ = batch_tx.send(batch);
    }
    drop(batch_tx);
    let store = writer.join().map_err(|_| anyhow::anyhow!("the case writer panicked"))??;
    ran?;
    let skipped = progress.skipped.load(Ordering::Relaxed);
    meter.finish();
    let secs = meter.started.elapsed().as_secs_f64();
    eprintln!(
        "ingested into {}: {added} new, {} unchanged, {failed} failed in {secs:.1} s ({:.0} new documents/s)",
        store.dir().display(),
        unchanged + skipped,
        added as f64 / secs.max(1e-9)
    );
    if failed > 0 {
        eprintln!("see `dossier errors` for the reasons");
    }
    Ok(if failed > 0 { ExitCode::from(1) } else { ExitCode::SUCCESS })
}

/// Progress: a bar on a terminal, a plain line every few seconds otherwise.
struct Meter {
    bar: Option<indicatif::ProgressBar>,
    started: Instant,
    last_line: Instant,
}

impl Meter {
    fn new(total_bytes: u64) -> Meter {
        let bar = std::io::stderr().is_terminal().then(|| {
            let bar = indicatif::ProgressBar::new(total_bytes.max(1));
            bar.set_style(
                indicatif::ProgressStyle::with_template(
                    "{spinner} [{elapsed_precise}] {bar:30} {bytes}/{total_bytes} ETA {eta} {msg}",
                )
                .expect("valid template"),
            );
            bar
        });
        Meter { bar, started: Instant::now(), last_line: Instant::now() }
    }

    fn tick(&mut self, added: u64, unchanged: u64, failed: u64, bytes: u64) {
        let rate = added as f64 / self.started.elapsed().as_secs_f64().max(1e-9);
        match &self.bar {
            Some(bar) => {
                bar.set_position(bytes);
                bar.set_message(format!("{added} new ({rate:.0}/s), {unchanged} unchanged, {failed} errors"));
            }
            None if self.last_line.elapsed() >= Duration::from_secs(5) => {
                eprintln!(
                    "ingest: {added} new ({rate:.0}/s), {unchanged} unchanged, {failed} errors, {bytes} bytes read"
                );
                self.last_line = Instant::now();
            }
            None => {}
        }
    }

    fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}

/// Arguments of `dossier reanalyse`.
#[derive(Args, Debug)]
pub struct ReanalyseArgs {
    #[command(flatten)]
    pub case: CaseArg,
    /// Re-run even documents made by the current pipeline.
    #[arg(long)]
    pub force: bool,
    /// Worker threads (default: the number of cores).
    #[arg(long)]
    pub jobs: Option<usize>,
}

/// Rebuilds a document from its stored record: the text and metadata, without layers.
fn doc_of(rec: &DocRecord) -> Doc {
    let mut d = Doc::new(rec.id.clone(), rec.text.clone());
    d.source = rec.source.clone();
    d.url = rec.url.clone();
    d.title = rec.title.clone();
    d.byline = rec.byline.clone();
    d.published = rec.published.clone();
    d.lang = rec.lang.clone();
    d.warnings = rec.warnings.clone();
    d
}

/// The `reanalyse` command: runs the current pipeline over stored text.
pub fn reanalyse(args: ReanalyseArgs) -> Result<ExitCode> {
    let jobs = crate::extract::jobs(args.jobs)?;
    let mut store = args.case.open_existing()?;
    store.claim_for_documents()?;
    let pipeline = dossier_nlp::default_pipeline();
    let version = pipeline.version();
    let started = Instant::now();
    let (mut redone, mut current, mut after) = (0u64, 0u64, 0i64);
    loop {
        let chunk = store.scan(after, 512)?;
        let Some(last) = chunk.last() else { break };
        after = last.seq;
        let (todo, same): (Vec<StoredDoc>, Vec<StoredDoc>) =
            chunk.into_iter().partition(|d| args.force || d.pipeline != version);
        current += same.len() as u64;
        let redone_docs = rerun(&pipeline, &version, todo, jobs);
        redone += redone_docs.len() as u64;
        store.replace(redone_docs)?;
    }
    store.flush()?;
    eprintln!(
        "reanalysed {redone} documents with `{version}` in {:.1} s; {current} were already current",
        started.elapsed().as_secs_f64()
    );
    Ok(ExitCode::SUCCESS)
}

fn rerun(pipeline: &Pipeline, version: &str, docs: Vec<StoredDoc>, jobs: usize) -> Vec<StoredDoc> {
    let per = docs.len().div_ceil(jobs.max(1)).max(1);
    let mut docs = docs;
    std::thread::scope(|s| {
        let handles: Vec<_> = docs
            .chunks_mut(per)
            .map(|part| {
                s.spawn(move || {
                    for d in part.iter_mut() {
                        let mut doc = doc_of(&d.record);
                        // A panic keeps the old record rather than losing the document.
                        let rec = guarded(&d.record.id, &d.record.source, || {
                            pipeline.run(&mut doc);
                            Ok(DocRecord::from_doc(&doc))
                        });
                        if let Ok(rec) = rec {
                            d.record = rec;
                            d.pipeline = version.to_string();
                        }
                    }
                })
            })
            .collect();
        for h in handles {
            let _ = h.join();
        }
    });
    docs
}

/// Arguments of the query commands without options of their own.
#[derive(Args, Debug)]
pub struct QueryArgs {
    #[command(flatten)]
    pub case: CaseArg,
    /// Print one JSON value instead of a table.
    #[arg(long)]
    pub json: bool,
}

pub(crate) fn print_json(v: &impl serde::Serialize) -> Result<()> {
    let mut out = std::io::stdout().lock();
    serde_json::to_writer_pretty(&mut out, v)?;
    writeln!(out)?;
    Ok(())
}

/// Prints a query's answer: one JSON value with `--json`, else a line or more per item written
/// by `row`, or `empty` when there is none.
pub(crate) fn print_list<T: serde::Serialize>(
    list: &[T],
    json: bool,
    empty: &str,
    mut row: impl FnMut(&mut std::io::StdoutLock<'static>, &T) -> std::io::Result<()>,
) -> Result<ExitCode> {
    if json {
        print_json(&list)?;
        return Ok(ExitCode::SUCCESS);
    }
    let mut out = std::io::stdout().lock();
    if list.is_empty() {
        writeln!(out, "{empty}")?;
    }
    for item in list {
        row(&mut out, item)?;
    }
    Ok(ExitCode::SUCCESS)
}

/// The `status` command.
pub fn status(args: QueryArgs) -> Result<ExitCode> {
    let store = args.case.open_existing()?;
    let s = store.status()?;
    if args.json {
        print_json(&s)?;
    } else {
        let mut out = std::io::stdout().lock();
        writeln!(out, "case       {}", store.dir().display())?;
        for (k, v) in [
            ("documents", s.documents),
            ("inputs", s.units),
            ("errors", s.errors),
            ("entities", s.entities),
            ("mentions", s.mentions),
            ("quotes", s.quotes),
            ("times", s.times),
            ("numbers", s.numbers),
        ] {
            writeln!(out, "{k:<10} {v}")?;
        }
        for (p, n) in &s.pipelines {
            writeln!(out, "pipeline   {n} documents by `{p}`")?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// The `errors` command.
pub fn errors(args: QueryArgs) -> Result<ExitCode> {
    let store = args.case.open_existing()?;
    let errs = store.errors()?;
    print_list(&errs, args.json, "no failed documents", |out, e| writeln!(out, "{}\t{}\t{}", e.id, e.kind, e.message))
}

/// Arguments of `dossier search`.
#[derive(Args, Debug)]
pub struct SearchArgs {
    #[command(flatten)]
    pub case: CaseArg,
    /// Query: words (all required), "phrases", AND/OR/NOT, -word, word* (prefix), word~ (fuzzy).
    #[arg(default_value = "")]
    pub query: Vec<String>,
    /// Only documents naming this entity.
    #[arg(long)]
    pub entity: Option<String>,
    /// Only documents with an entity of this type (PERSON, ORG, LOC, MISC); with --entity, its type.
    #[arg(long = "type")]
    pub entity_type: Option<String>,
    /// Published or mentioning a date on or after this day (YYYY-MM-DD).
    #[arg(long)]
    pub from: Option<String>,
    /// ... on or before this day.
    #[arg(long)]
    pub to: Option<String>,
    /// Only documents whose source path starts with this.
    #[arg(long)]
    pub source: Option<String>,
    /// Number of hits.
    #[arg(long, short = 'n', default_value_t = 10)]
    pub limit: usize,
    /// Print one JSON value instead of a table.
    #[arg(long)]
    pub json: bool,
}

/// The `search` command.
pub fn search(args: SearchArgs) -> Result<ExitCode> {
    let store = args.case.open_existing()?;
    let q = SearchQuery {
        text: args.query.join(" "),
        entity: args.entity,
        entity_type: args.entity_type,
        from: args.from,
        to: args.to,
        source: args.source,
        limit: args.limit,
    };
    let hits = store.search(&q)?;
    let tty = std::io::stdout().is_terminal();
    print_list(&hits, args.json, "no hits", |out, h| {
        writeln!(
            out,
            "{:>6.2}  {}  {}  {}",
            h.score,
            h.published.as_deref().unwrap_or("----------"),
            h.id,
            h.title.as_deref().unwrap_or("")
        )?;
        writeln!(out, "        {}", mark(&h.snippet, &h.highlights, tty))
    })
}

/// The snippet with its matches in bold on a terminal, in [brackets] elsewhere.
fn mark(snippet: &str, ranges: &[[usize; 2]], tty: bool) -> String {
    let (open, close) = if tty { ("\x1b[1m", "\x1b[0m") } else { ("[", "]") };
    let mut out = String::new();
    for (i, c) in snippet.chars().enumerate() {
        if ranges.iter().any(|r| r[0] == i) {
            out.push_str(open);
        }
        out.push(c);
        if ranges.iter().any(|r| r[1] == i + 1) {
            out.push_str(close);
        }
    }
    out
}

/// Arguments of `dossier doc`.
#[derive(Args, Debug)]
pub struct DocArgs {
    #[command(flatten)]
    pub case: CaseArg,
    /// The document's id (path or feed id) or content hash.
    pub id: String,
}

/// The `doc` command: a stored document in the extraction contract's format.
pub fn doc(args: DocArgs) -> Result<ExitCode> {
    let store = args.case.open_existing()?;
    match store.get(&args.id)? {
        Some(d) => {
            let mut out = std::io::stdout().lock();
            serde_json::to_writer(&mut out, &d.record)?;
            writeln!(out)?;
            Ok(ExitCode::SUCCESS)
        }
        None => {
            eprintln!("dossier: no document {:?} in the case", args.id);
            Ok(ExitCode::from(1))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_highlights() {
        assert_eq!(mark("the leaked letter", &[[4, 10]], false), "the [leaked] letter");
        assert_eq!(mark("ab", &[[0, 1], [1, 2]], false), "[a][b]");
    }
}
