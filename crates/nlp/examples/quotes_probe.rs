//! Prints what the pipeline finds in a text file: mentions, entities and quotes.
//!
//! ```text
//! cargo run --release -p dossier-nlp --example quotes_probe FILE
//! ```

fn main() {
    let path = std::env::args().nth(1).expect("usage: quotes_probe FILE");
    let text = std::fs::read_to_string(&path).expect("readable UTF-8 file");
    let mut doc = dossier_model::Doc::new(path, text);
    dossier_nlp::default_pipeline().run(&mut doc);
    for m in &doc.mentions {
        println!("M {:?} {:?} {:?} {}", m.kind, m.ty, m.entity, m.span.of(&doc.text));
    }
    for (i, e) in doc.entities.iter().enumerate() {
        println!("E{} {:?} {} aliases={:?} roles={:?} n={}", i + 1, e.ty, e.name, e.aliases, e.roles, e.mentions.len());
    }
    for q in &doc.quotes {
        let sp = q.speaker.map(|i| doc.entities[i].name.as_str()).unwrap_or("-");
        println!(
            "Q {:?} [{}] speaker={} span={:?} cue={:?}",
            q.kind,
            q.span.of(&doc.text),
            sp,
            q.speaker_span.map(|s| s.of(&doc.text)),
            q.cue_span.map(|s| s.of(&doc.text))
        );
    }
}
