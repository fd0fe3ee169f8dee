//! `dossier train`: trains the statistical models from the shared corpora.

use anyhow::{Context, Result, bail};
use clap::{Args, Subcommand};
use dossier_nlp::ner::{TrainOptions, train};
use std::path::PathBuf;
use std::process::ExitCode;

/// What to train.
#[derive(Subcommand, Debug)]
pub enum TrainCommand {
    /// The named-entity tagger (writes the model the binary embeds on its next build).
    Ner(NerArgs),
}

/// Arguments of `dossier train ner`.
#[derive(Args, Debug)]
pub struct NerArgs {
    /// The shared corpora (CoNLL-2003, GUM, UNER, WikiGold, re3d, and raw text for clusters).
    #[arg(long, default_value = "../shared/data")]
    pub data: PathBuf,
    /// Where to write the model.
    #[arg(long, default_value = "crates/nlp/models/ner.bin")]
    pub out: PathBuf,
    /// Hold the dev parts back and report scores on them (for tuning); by default the shipped
    /// model also trains on them.
    #[arg(long)]
    pub dev: bool,
    /// Train on a small subset (quick experiments).
    #[arg(long)]
    pub quick: bool,
    /// Passes over the training data.
    #[arg(long)]
    pub epochs: Option<usize>,
    /// Seed for the shuffles; the same seed and data give the same model bytes.
    #[arg(long)]
    pub seed: Option<u64>,
    /// Cache for converted corpora and word clusters (outside the read-only shared folder).
    #[arg(long)]
    pub cache: Option<PathBuf>,
    /// Word-vector classes (`word<TAB>coarse<TAB>fine[<TAB>type]`, made by `crates/nlp/models/ner_vectors.py`);
    /// default `ner-vectors-glove6b50d.tsv` in the cache folder, and without it the model has none.
    #[arg(long)]
    pub vectors: Option<PathBuf>,
}

/// Runs a train subcommand.
pub fn run(cmd: TrainCommand) -> Result<ExitCode> {
    match cmd {
        TrainCommand::Ner(a) => {
            if !a.data.is_dir() {
                bail!("no corpora at {} (pass --data DIR)", a.data.display());
            }
            let mut opts = TrainOptions::new(&a.data);
            opts.include_dev = !a.dev;
            opts.quick = a.quick;
            if let Some(e) = a.epochs {
                opts.epochs = e;
            }
            if let Some(s) = a.seed {
                opts.seed = s;
            }
            if let Some(c) = a.cache {
                opts.set_cache_dir(c);
            }
            if let Some(v) = a.vectors {
                opts.vectors = Some(v);
            }
            let model = train(&opts, &mut |line| eprintln!("{line}")).map_err(anyhow::Error::msg)?;
            let bytes = model.to_bytes();
            std::fs::write(&a.out, &bytes).with_context(|| format!("writing {}", a.out.display()))?;
            eprintln!("wrote {} ({} bytes)", a.out.display(), bytes.len());
            Ok(ExitCode::SUCCESS)
        }
    }
}
