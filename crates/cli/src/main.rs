//! The `dossier` binary: parses arguments and wires the library crates together.

mod bench;
mod extract;

use clap::{Parser, Subcommand};
use std::process::ExitCode;

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
    /// Benchmarks and the synthetic corpus generator.
    #[command(subcommand)]
    Bench(bench::BenchCommand),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Extract(args) => extract::run(args),
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
