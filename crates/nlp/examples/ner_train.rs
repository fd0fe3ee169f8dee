//! Trains the NER model and writes it.
//!
//!     cargo run --release -p dossier-nlp --example ner_train -- [--quick] [--include-dev]
//!         [--epochs N] [--seed N] [--data ../shared/data] [--cache DIR] [--out crates/nlp/models/ner.bin]
//!         [--lexicon crates/nlp/models/ner-lexicon.tsv | --no-lexicon]
//!         [--vectors CACHE/ner-vectors-glove6b50d.tsv | --no-vectors]

use dossier_nlp::ner::{TrainOptions, train};
use std::path::PathBuf;

fn main() {
    let mut args = std::env::args().skip(1);
    let mut opts = TrainOptions::new("../shared/data");
    let mut out = PathBuf::from("crates/nlp/models/ner.bin");
    while let Some(a) = args.next() {
        let mut val = || args.next().unwrap_or_else(|| panic!("{a} needs a value"));
        match a.as_str() {
            "--quick" => opts.quick = true,
            "--include-dev" => opts.include_dev = true,
            "--epochs" => opts.epochs = val().parse().expect("--epochs N"),
            "--seed" => opts.seed = val().parse().expect("--seed N"),
            "--data" => opts.data_dir = PathBuf::from(val()),
            "--cache" => opts.set_cache_dir(PathBuf::from(val())),
            "--out" => out = PathBuf::from(val()),
            "--lexicon" => opts.lexicon = Some(PathBuf::from(val())),
            "--no-lexicon" => opts.lexicon = None,
            "--vectors" => opts.vectors = Some(PathBuf::from(val())),
            "--no-vectors" => opts.vectors = None,
            _ => {
                eprintln!("unknown argument {a}");
                std::process::exit(2);
            }
        }
    }
    let model = match train(&opts, &mut |s| eprintln!("{s}")) {
        Ok(m) => m,
        Err(e) => {
            eprintln!("error: {e}");
            std::process::exit(1);
        }
    };
    let bytes = model.to_bytes();
    std::fs::write(&out, &bytes).unwrap_or_else(|e| panic!("{}: {e}", out.display()));
    eprintln!("wrote {} ({} bytes)", out.display(), bytes.len());
}
