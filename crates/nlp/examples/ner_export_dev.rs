//! Writes the parts of the corpora held back for tuning (UNER, WikiGold, GUM dev, re3d) as column
//! files that `tools/score.py ner` reads.
//!
//!     cargo run --release -p dossier-nlp --example ner_export_dev -- ../shared/data /tmp/ner-dev

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let data = args.first().map(String::as_str).unwrap_or("../shared/data");
    let out = args.get(1).map(String::as_str).unwrap_or("/tmp/ner-dev");
    match dossier_nlp::ner::export_dev_sets(data.as_ref(), out.as_ref()) {
        Ok(files) => {
            for (name, path) in files {
                println!("{name}\t{}", path.display());
            }
        }
        Err(e) => {
            eprintln!("error: {e}");
            std::process::exit(1);
        }
    }
}
