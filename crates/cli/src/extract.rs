//! `dossier extract`: read inputs in order, analyse documents on `--jobs` threads, print one
//! JSON line per document in input order, with a bounded number of documents in flight.

use anyhow::{Context, Result, bail};
use clap::Args;
use dossier_ingest::{Input, Options, Raw, Reader, failure};
use dossier_model::contract::{DocRecord, ErrorRecord};
use dossier_nlp::Pipeline;
use std::collections::BTreeMap;
use std::io::Write;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::process::ExitCode;
use std::sync::mpsc::{Receiver, sync_channel};
use std::sync::{Arc, Mutex};

/// Arguments of `dossier extract`.
#[derive(Args, Debug)]
pub struct ExtractArgs {
    /// Files, folders (read recursively) or `-` for standard input; none means standard input.
    pub paths: Vec<String>,
    #[command(flatten)]
    pub run: RunArgs,
}

/// How documents are read and analysed: shared by `extract` and `ingest`.
#[derive(Args, Debug)]
pub struct RunArgs {
    /// Reference date (YYYY-MM-DD) for documents without a publication date of their own.
    #[arg(long, value_parser = parse_date)]
    pub date: Option<String>,
    /// Language (ISO 639-1 code) of documents that do not give their own (a page's `lang`, a
    /// feed line's "lang"); time expressions are read in Spanish for `es`, else in English.
    #[arg(long, value_parser = parse_lang)]
    pub lang: Option<String>,
    /// Worker threads (default: the number of cores).
    #[arg(long)]
    pub jobs: Option<usize>,
    /// A document larger than this many bytes gets a `too_large` error.
    #[arg(long, default_value_t = 64 << 20, value_parser = positive)]
    pub max_doc_bytes: usize,
    /// Components to switch off, comma-separated (e.g. `--skip ner`); their fields stay empty.
    #[arg(long, value_delimiter = ',')]
    pub skip: Vec<String>,
}

impl RunArgs {
    /// Reading limits.
    pub fn options(&self) -> Options {
        Options { max_doc_bytes: self.max_doc_bytes }
    }

    /// What `--date` and `--lang` give each document.
    pub fn defaults(&self) -> DocDefaults {
        DocDefaults { date: self.date.clone(), lang: self.lang.clone() }
    }
}

/// The reference date and the language the command line gives documents.
#[derive(Clone, Debug, Default)]
pub struct DocDefaults {
    date: Option<String>,
    lang: Option<String>,
}

impl DocDefaults {
    /// Sets the reference date, and the language where the document gives none.
    pub fn apply(&self, doc: &mut dossier_model::Doc) {
        doc.reference_date.clone_from(&self.date);
        if doc.lang.is_none() {
            doc.lang.clone_from(&self.lang);
        }
    }
}

/// A `--lang` value: a language code of two or three letters, in lowercase.
fn parse_lang(s: &str) -> Result<String, String> {
    let code = s.trim();
    if (2..=3).contains(&code.len()) && code.bytes().all(|b| b.is_ascii_alphabetic()) {
        Ok(code.to_ascii_lowercase())
    } else {
        Err(format!("{s:?} is not a language code (ISO 639-1, such as \"es\")"))
    }
}

/// The pipeline without the components named by `--skip`.
pub fn pipeline(skip: &[String]) -> Result<Pipeline> {
    dossier_nlp::pipeline_without(skip).map_err(|e| anyhow::anyhow!("--skip: {e}"))
}

fn positive(s: &str) -> Result<usize, String> {
    match s.parse::<usize>() {
        Ok(n) if n > 0 => Ok(n),
        _ => Err(format!("{s:?} is not a positive whole number")),
    }
}

/// A `--date` value: exactly YYYY-MM-DD, a real day.
pub fn parse_date(s: &str) -> Result<String, String> {
    dossier_ingest::meta::date_prefix(s)
        .filter(|d| d.len() == s.trim().len())
        .ok_or_else(|| format!("{s:?} is not a YYYY-MM-DD date"))
}

/// Each worker's stack: generous, because a panic is caught but a stack overflow aborts the
/// whole process; memory is only committed when touched.
const WORKER_STACK: usize = 64 << 20;

/// What one document became: its JSON line and whether it failed.
struct Output {
    line: String,
    failed: bool,
}

/// The id and source a unit will carry, known before it is parsed.
pub fn unit_names(raw: &Raw) -> (String, Option<String>) {
    match raw {
        Raw::File { id, source, .. } => (id.clone(), source.clone()),
        Raw::FeedLine { fallback_id, source, .. } => (fallback_id.clone(), source.clone()),
        Raw::Failed(e) => (e.id.clone(), e.source.clone()),
    }
}

/// Runs `f` and turns a panic into the document's `internal` error, so one bad document
/// never takes the batch down.
pub fn guarded<T>(
    id: &str,
    source: &Option<String>,
    f: impl FnOnce() -> Result<T, ErrorRecord>,
) -> Result<T, ErrorRecord> {
    match catch_unwind(AssertUnwindSafe(f)) {
        Ok(r) => r,
        Err(panic) => {
            let what = panic
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| panic.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "unknown".into());
            Err(failure(id, source.clone(), "internal", format!("internal error while analysing the document: {what}")))
        }
    }
}

/// Reads and analyses one unit into its contract record.
pub fn analyse(
    raw: Raw,
    opts: &Options,
    pipeline: &Pipeline,
    defaults: &DocDefaults,
) -> Result<DocRecord, ErrorRecord> {
    let (id, source) = unit_names(&raw);
    guarded(&id, &source, || {
        dossier_ingest::parse(raw, opts).map(|mut doc| {
            defaults.apply(&mut doc);
            pipeline.run(&mut doc);
            DocRecord::from_doc(&doc)
        })
    })
}

fn to_output(record: Result<DocRecord, ErrorRecord>) -> Output {
    match record {
        Ok(rec) => Output { line: serde_json::to_string(&rec).expect("records serialize"), failed: false },
        Err(err) => Output { line: serde_json::to_string(&err).expect("records serialize"), failed: true },
    }
}

/// `--jobs`, defaulting to the number of cores.
pub fn jobs(given: Option<usize>) -> Result<usize> {
    let jobs = given.unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()));
    if jobs == 0 {
        bail!("--jobs must be at least 1");
    }
    Ok(jobs)
}

/// The `extract` command.
pub fn run(args: ExtractArgs) -> Result<ExitCode> {
    let jobs = jobs(args.run.jobs)?;
    let opts = args.run.options();
    let inputs: Vec<Input> = if args.paths.is_empty() {
        vec![Input::Stdin]
    } else {
        args.paths.iter().map(|p| if p == "-" { Input::Stdin } else { Input::Path(p.clone()) }).collect()
    };
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::with_capacity(1 << 16, stdout.lock());
    let pipeline = Arc::new(pipeline(&args.run.skip)?);
    let defaults = args.run.defaults();
    let work = move |raw: Raw| to_output(analyse(raw, &opts, &pipeline, &defaults));
    let mut failed = false;
    run_ordered(Reader::new(inputs, opts), jobs, work, |o: Output| {
        failed |= o.failed;
        out.write_all(o.line.as_bytes())?;
        out.write_all(b"\n")?;
        Ok(())
    })?;
    out.flush().context("writing the output")?;
    Ok(if failed { ExitCode::from(1) } else { ExitCode::SUCCESS })
}

/// Feeds units to `jobs` workers running `work` and hands their outputs to `sink` in input
/// order. At most `4 * jobs` units are in flight, so memory stays bounded whatever the input.
pub fn run_ordered<O: Send + 'static>(
    reader: Reader,
    jobs: usize,
    work: impl Fn(Raw) -> O + Send + Sync + 'static,
    mut sink: impl FnMut(O) -> Result<()>,
) -> Result<()> {
    let in_flight = 4 * jobs;
    let work = Arc::new(work);
    let (job_tx, job_rx) = sync_channel::<(u64, Raw)>(in_flight);
    let job_rx = Arc::new(Mutex::new(job_rx));
    let (out_tx, out_rx) = sync_channel::<(u64, O)>(in_flight);
    // Credits bound the distance between the reader and the writer, not just the queue.
    let (credit_tx, credit_rx) = sync_channel::<()>(in_flight);
    for _ in 0..in_flight {
        credit_tx.send(()).expect("fresh channel");
    }
    let mut workers = Vec::new();
    for i in 0..jobs {
        let job_rx = Arc::clone(&job_rx);
        let out_tx = out_tx.clone();
        let work = Arc::clone(&work);
        workers.push(
            std::thread::Builder::new()
                .name(format!("worker-{i}"))
                .stack_size(WORKER_STACK)
                .spawn(move || {
                    loop {
                        let next = job_rx.lock().map(|rx| rx.recv());
                        let Ok(Ok((seq, raw))) = next else { break };
                        if out_tx.send((seq, work(raw))).is_err() {
                            break;
                        }
                    }
                })
                .context("starting a worker thread")?,
        );
    }
    drop(out_tx);
    let feeder = std::thread::Builder::new()
        .name("reader".into())
        .spawn(move || feed(reader, job_tx, credit_rx))
        .context("starting the reader thread")?;
    let mut pending: BTreeMap<u64, O> = BTreeMap::new();
    let mut next = 0u64;
    let mut result = Ok(());
    'outer: for (seq, o) in out_rx.iter() {
        pending.insert(seq, o);
        while let Some(o) = pending.remove(&next) {
            result = sink(o);
            next += 1;
            if result.is_err() {
                break 'outer;
            }
            // The reader may have stopped already; a missing receiver is fine.
            let _ = credit_tx.send(());
        }
    }
    drop(credit_tx);
    drop(out_rx);
    let _ = feeder.join();
    for w in workers {
        let _ = w.join();
    }
    result
}

fn feed(reader: Reader, job_tx: std::sync::mpsc::SyncSender<(u64, Raw)>, credits: Receiver<()>) {
    for (seq, raw) in (0u64..).zip(reader) {
        if credits.recv().is_err() || job_tx.send((seq, raw)).is_err() {
            return;
        }
    }
}
