//! Prints the names the tagger finds in each line of standard input (one document per line).
//!
//!     echo "Home Secretary Sajid Javid spoke." | DOSSIER_NER_MODEL=model.bin ner_probe

use dossier_model::Doc;
use dossier_nlp::ner::{Model, NerTagger};
use dossier_nlp::{Component, Segmenter};
use std::io::BufRead;

fn main() {
    let ner = match std::env::var("DOSSIER_NER_MODEL") {
        Ok(p) => NerTagger::new(Model::from_bytes(&std::fs::read(&p).expect("model file")).expect("a model")),
        Err(_) => NerTagger::embedded(),
    };
    for line in std::io::stdin().lock().lines() {
        let line = line.expect("text");
        let mut doc = Doc::new("p", line.as_str());
        Segmenter.process(&mut doc);
        ner.process(&mut doc);
        let found: Vec<String> = doc.mentions.iter().map(|m| format!("[{}]{:?}", m.span.of(&doc.text), m.ty)).collect();
        println!("{line}\n  -> {}", found.join(" "));
    }
}
