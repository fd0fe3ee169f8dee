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
    /// Reference date (YYYY-MM-DD) for documents without a publication date of their own.
    #[arg(long, value_parser = parse_date)]
    pub date: Option<String>,
    /// Worker threads (default: the number of cores).
    #[arg(long)]
    pub jobs: Option<usize>,
    /// A document larger than this many bytes gets a `too_large` error.
    #[arg(long, default_value_t = 64 << 20)]
    pub max_doc_bytes: usize,
}

fn parse_date(s: &str) -> Result<String, String> {
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

/// The components `extract` runs.
pub fn pipeline() -> Pipeline {
    dossier_nlp::default_pipeline()
}

/// Runs one unit through reading and analysis; a panic anywhere becomes the document's error.
fn process(raw: Raw, opts: &Options, pipeline: &Pipeline, date: Option<&str>) -> Output {
    let (id, source) = match &raw {
        Raw::File { id, source, .. } => (id.clone(), source.clone()),
        Raw::FeedLine { fallback_id, source, .. } => (fallback_id.clone(), source.clone()),
        Raw::Failed(e) => (e.id.clone(), e.source.clone()),
    };
    let result = catch_unwind(AssertUnwindSafe(|| {
        dossier_ingest::parse(raw, opts).map(|mut doc| {
            doc.reference_date = date.map(str::to_string);
            pipeline.run(&mut doc);
            DocRecord::from_doc(&doc)
        })
    }));
    let record: Result<DocRecord, ErrorRecord> = match result {
        Ok(r) => r,
        Err(panic) => {
            let what = panic
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| panic.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "unknown".into());
            Err(failure(id, source, "internal", format!("internal error while analysing the document: {what}")))
        }
    };
    match record {
        Ok(rec) => Output { line: serde_json::to_string(&rec).expect("records serialize"), failed: false },
        Err(err) => Output { line: serde_json::to_string(&err).expect("records serialize"), failed: true },
    }
}

/// The `extract` command.
pub fn run(args: ExtractArgs) -> Result<ExitCode> {
    let jobs = args.jobs.unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()));
    if jobs == 0 {
        bail!("--jobs must be at least 1");
    }
    if args.max_doc_bytes == 0 {
        bail!("--max-doc-bytes must be at least 1");
    }
    let opts = Options { max_doc_bytes: args.max_doc_bytes };
    let inputs: Vec<Input> = if args.paths.is_empty() {
        vec![Input::Stdin]
    } else {
        args.paths.iter().map(|p| if p == "-" { Input::Stdin } else { Input::Path(p.clone()) }).collect()
    };
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::with_capacity(1 << 16, stdout.lock());
    let failed = run_ordered(Reader::new(inputs, opts), opts, Arc::new(pipeline()), args.date, jobs, |o| {
        out.write_all(o.line.as_bytes())?;
        out.write_all(b"\n")
    })?;
    out.flush().context("writing the output")?;
    Ok(if failed { ExitCode::from(1) } else { ExitCode::SUCCESS })
}

/// Feeds units to `jobs` workers and hands outputs to `sink` in input order. At most
/// `4 * jobs` units are in flight, so memory stays bounded whatever the input's size.
fn run_ordered(
    reader: Reader,
    opts: Options,
    pipeline: Arc<Pipeline>,
    date: Option<String>,
    jobs: usize,
    mut sink: impl FnMut(&Output) -> std::io::Result<()>,
) -> Result<bool> {
    let in_flight = 4 * jobs;
    let (job_tx, job_rx) = sync_channel::<(u64, Raw)>(in_flight);
    let job_rx = Arc::new(Mutex::new(job_rx));
    let (out_tx, out_rx) = sync_channel::<(u64, Output)>(in_flight);
    // Credits bound the distance between the reader and the writer, not just the queue.
    let (credit_tx, credit_rx) = sync_channel::<()>(in_flight);
    for _ in 0..in_flight {
        credit_tx.send(()).expect("fresh channel");
    }
    let mut workers = Vec::new();
    for i in 0..jobs {
        let job_rx = Arc::clone(&job_rx);
        let out_tx = out_tx.clone();
        let pipeline = Arc::clone(&pipeline);
        let date = date.clone();
        workers.push(
            std::thread::Builder::new()
                .name(format!("extract-{i}"))
                .stack_size(WORKER_STACK)
                .spawn(move || {
                    loop {
                        let next = job_rx.lock().map(|rx| rx.recv());
                        let Ok(Ok((seq, raw))) = next else { break };
                        let o = process(raw, &opts, &pipeline, date.as_deref());
                        if out_tx.send((seq, o)).is_err() {
                            break;
                        }
                    }
                })
                .context("starting a worker thread")?,
        );
    }
    drop(out_tx);
    let feeder = std::thread::Builder::new()
        .name("extract-reader".into())
        .spawn(move || feed(reader, job_tx, credit_rx))
        .context("starting the reader thread")?;
    let mut failed = false;
    let mut pending: BTreeMap<u64, Output> = BTreeMap::new();
    let mut next = 0u64;
    let mut result = Ok(());
    for (seq, o) in out_rx.iter() {
        pending.insert(seq, o);
        while let Some(o) = pending.remove(&next) {
            failed |= o.failed;
            if result.is_ok() {
                result = sink(&o);
            }
            next += 1;
            // The reader may have stopped already; a missing receiver is fine.
            let _ = credit_tx.send(());
        }
        if result.is_err() {
            break;
        }
    }
    drop(credit_tx);
    drop(out_rx);
    let _ = feeder.join();
    for w in workers {
        let _ = w.join();
    }
    result.context("writing the output")?;
    Ok(failed)
}

fn feed(reader: Reader, job_tx: std::sync::mpsc::SyncSender<(u64, Raw)>, credits: Receiver<()>) {
    for (seq, raw) in (0u64..).zip(reader) {
        if credits.recv().is_err() || job_tx.send((seq, raw)).is_err() {
            return;
        }
    }
}
