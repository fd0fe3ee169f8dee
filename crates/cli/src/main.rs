//! The `dossier` binary: parses arguments and wires the library crates together.

mod bench;
mod case;
mod export;
mod extract;
mod train;
mod xref;

use clap::{Parser, Subcommand};
use std::process::ExitCode;

// The analysis allocates many small short-lived vectors per sentence; mimalloc serves them
// faster than the system allocator (a profile of the 10k-document ingest: worker samples -8%,
// writer -10% against glibc's malloc).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// mimalloc's `mi_option_purge_delay` (the same position in the option list of versions 2 and 3).
const MI_OPTION_PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;

/// Keeps freed memory for reuse instead of returning it to the system 10 ms later. Returned
/// memory comes back as fresh pages the kernel zeroes, often as 2 MiB huge pages: an ingest of
/// 10k documents took 242k page faults and 2.1 s of system time with purging, 27k and 1.4 s
/// without, at 50 MB more peak memory. `MIMALLOC_PURGE_DELAY` still overrides this.
fn keep_freed_memory() {
    if std::env::var_os("MIMALLOC_PURGE_DELAY").is_none() {
        // SAFETY: sets an allocator option; mimalloc reads options atomically on every purge.
        unsafe { libmimalloc_sys::mi_option_set(MI_OPTION_PURGE_DELAY, -1) };
    }
}

/// dossier: who is involved, who said what to whom and when, across a pile of documents.
#[derive(Parser)]
#[command(name = "dossier", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Extract entities, quotes, times and amounts; one JSON object per document on stdout.
    Extract(extract::ExtractArgs),
    /// Analyse documents into a case folder (incremental, crash-safe).
    Ingest(case::IngestArgs),
    /// Re-run the current pipeline over the stored text of a case.
    Reanalyse(case::ReanalyseArgs),
    /// Counts of documents, errors and extracted records in a case.
    Status(case::QueryArgs),
    /// Documents of a case that failed, with their reasons.
    Errors(case::QueryArgs),
    /// Full-text search over a case.
    Search(case::SearchArgs),
    /// Print a stored document in the extraction contract's format.
    Doc(case::DocArgs),
    /// Entities of a case, most mentioned first.
    Entities(xref::EntitiesArgs),
    /// One entity: names, roles, documents, quotes by and about it, co-mentions, timeline.
    Entity(xref::EntityArgs),
    /// Quotes across a case, by speaker and words.
    Quotes(xref::QuotesArgs),
    /// Dated statements of a case in date order.
    Timeline(xref::TimelineArgs),
    /// The co-mention network (GEXF, GraphML, CSV, JSON).
    Graph(xref::GraphArgs),
    /// Merge entities into the first (curation).
    Merge(xref::MergeArgs),
    /// Move documents or names of an entity to a new entity (curation).
    Split(xref::SplitArgs),
    /// Add a name to an entity; documents using it link to the entity (curation).
    Alias(xref::NameArgs),
    /// Give an entity its canonical name (curation).
    Rename(xref::NameArgs),
    /// Mark an entity as not a real one; it stays hidden (curation).
    Reject(xref::RejectArgs),
    /// The curation decisions of a case.
    Log(case::QueryArgs),
    /// Undo a curation decision (the last one by default).
    Undo(xref::UndoArgs),
    /// Export documents, entities, mentions, quotes, times or amounts (JSONL, CSV, Parquet).
    Export(export::ExportArgs),
    /// Train a model from the shared corpora.
    #[command(subcommand)]
    Train(train::TrainCommand),
    /// Benchmarks and the synthetic corpus generator.
    #[command(subcommand)]
    Bench(bench::BenchCommand),
}

fn main() -> ExitCode {
    keep_freed_memory();
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Extract(args) => extract::run(args),
        Command::Ingest(a) => case::ingest(a),
        Command::Reanalyse(a) => case::reanalyse(a),
        Command::Status(a) => case::status(a),
        Command::Errors(a) => case::errors(a),
        Command::Search(a) => case::search(a),
        Command::Doc(a) => case::doc(a),
        Command::Entities(a) => xref::entities(a),
        Command::Entity(a) => xref::entity(a),
        Command::Quotes(a) => xref::quotes(a),
        Command::Timeline(a) => xref::timeline(a),
        Command::Graph(a) => xref::graph(a),
        Command::Merge(a) => xref::merge(a),
        Command::Split(a) => xref::split(a),
        Command::Alias(a) => xref::alias(a),
        Command::Rename(a) => xref::rename(a),
        Command::Reject(a) => xref::reject(a),
        Command::Log(a) => xref::log(a),
        Command::Undo(a) => xref::undo(a),
        Command::Export(a) => export::run(a),
        Command::Train(cmd) => train::run(cmd),
        Command::Bench(cmd) => bench::run(cmd),
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            if is_broken_pipe(&e) {
                return ExitCode::SUCCESS;
            }
            eprintln!("dossier: {e:#}");
            ExitCode::from(2)
        }
    }
}

/// A closed pipe (`dossier extract ... | head`) is a normal way for a reader to stop.
fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| c.downcast_ref::<std::io::Error>().is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe))
}
