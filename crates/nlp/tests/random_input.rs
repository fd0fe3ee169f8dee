//! The full default pipeline on random word salad: whatever the text, no component panics (a
//! panic costs the document its whole extraction) and every layer it adds points inside the
//! text, on character boundaries, and to entities and mentions that exist; the record
//! `dossier extract` writes of it names the same text by character offsets.
//!
//! The words are drawn from the project's own word lists (report verbs, titles, roles,
//! pronouns, sources, units, the time lexicon) beside names, numbers, quotation marks and
//! punctuation, so that the rules of every component are reached in odd combinations.
//!
//! A longer search: `DOSSIER_RANDOM_SEED=7 DOSSIER_RANDOM_ROUNDS=200000 cargo test --release -p
//! dossier-nlp --test random_input -- --nocapture` (a run of 20,000 texts takes about a second).

mod common;

use common::Rng;
use dossier_model::contract::DocRecord;
use dossier_model::{Doc, Span};

/// The words of a resource list: the first column of each line that is not a comment, and for
/// the report verbs every form before the `|`.
fn list_words(text: &'static str, all_columns: bool) -> Vec<&'static str> {
    let mut out = Vec::new();
    for line in text.lines() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let line = line.split('|').next().unwrap_or("");
        let mut cols = line.split_whitespace();
        if all_columns {
            out.extend(cols);
        } else if let Some(w) = cols.next() {
            out.push(w);
        }
    }
    out
}

fn vocabulary() -> Vec<&'static str> {
    let mut words = Vec::new();
    words.extend(list_words(include_str!("../src/resources/cues_verbs.txt"), true));
    words.extend(list_words(include_str!("../src/resources/titles.txt"), false));
    words.extend(list_words(include_str!("../src/resources/roles.txt"), false));
    words.extend(list_words(include_str!("../src/resources/pronouns.txt"), false));
    words.extend(list_words(include_str!("../src/resources/sources.txt"), false));
    words.extend(list_words(include_str!("../src/resources/units.txt"), false));
    // the time lexicon's words: every column after the class and its value
    for line in include_str!("../src/resources/time/en.lex").lines() {
        if line.starts_with('#') {
            continue;
        }
        words.extend(line.split_whitespace().skip(2).map(|w| w.trim_end_matches('!')));
    }
    words.extend([
        "Anna Keller",
        "Kell",
        "Ministry of Roads",
        "Dr.",
        "O'Brien",
        "al-Marri",
        "\"",
        "\u{201c}",
        "\u{201d}",
        "'",
        "\u{2019}s",
        "'s",
        ",",
        ".",
        ":",
        ";",
        "?",
        "!",
        "(",
        ")",
        "-",
        "\u{2014}",
        "...",
        "\n",
        "\n\n",
        "600",
        "14",
        "2,500",
        "$3.5 million",
        "40%",
        "1998",
        "22/06/2018",
        "6.14am",
        "anna@kell.example",
        "https://kell.example/a",
        "+44 20 7946 0000",
        "\u{e9}t\u{e9}",
        // Spanish, which one document in four is read in
        "de",
        "junio",
        "hace",
        "semanas",
        "ma\u{f1}ana",
        "mi\u{e9}rcoles",
        "las",
        "horas",
        "siglo",
        "XX",
        "a\u{f1}o",
        "pasado",
        "comenzar\u{e1}",
        "\u{1F600}",
        "",
    ]);
    words
}

fn check_span(doc: &Doc, span: Span, what: &str) {
    let text = &doc.text;
    assert!(
        span.start <= span.end
            && span.end <= text.len()
            && text.is_char_boundary(span.start)
            && text.is_char_boundary(span.end),
        "{what} {span:?} out of the text {text:?}"
    );
}

fn check(doc: &Doc) {
    for t in &doc.tokens {
        check_span(doc, t.span, "token");
    }
    for &s in &doc.sentences {
        check_span(doc, s, "sentence");
    }
    for m in &doc.mentions {
        check_span(doc, m.span, "mention");
        assert!(m.entity.is_none_or(|e| e < doc.entities.len()), "mention's entity in {:?}", doc.text);
    }
    for e in &doc.entities {
        assert!(e.mentions.iter().all(|&m| m < doc.mentions.len()), "entity's mentions in {:?}", doc.text);
    }
    for q in &doc.quotes {
        check_span(doc, q.span, "quote");
        for &p in q.parts.iter().chain(q.speaker_span.iter()).chain(q.cue_span.iter()) {
            check_span(doc, p, "quote part");
        }
        assert!(q.speaker.is_none_or(|e| e < doc.entities.len()), "quote's speaker in {:?}", doc.text);
    }
    for t in &doc.times {
        check_span(doc, t.span, "time");
        assert!(!t.value.is_empty(), "empty time value in {:?}", doc.text);
    }
    for n in &doc.numbers {
        check_span(doc, n.span, "number");
    }
    check_record(doc);
}

/// The record `dossier extract` writes: its character offsets name the same text as the byte
/// spans they come from.
fn check_record(doc: &Doc) {
    let r = DocRecord::from_doc(doc);
    let chars: Vec<char> = doc.text.chars().collect();
    let slice = |[s, e]: [usize; 2]| -> String {
        assert!(s <= e && e <= chars.len(), "[{s}, {e}] out of the text {:?}", doc.text);
        chars[s..e].iter().collect()
    };
    for (&c, b) in r.sentences.iter().zip(&doc.sentences) {
        assert_eq!(slice(c), b.of(&doc.text), "sentence {c:?} of {:?}", doc.text);
    }
    let spans = r.mentions.iter().map(|m| (m.start, m.end, &m.text));
    let spans = spans.chain(r.times.iter().map(|t| (t.start, t.end, &t.text)));
    for (start, end, text) in spans.chain(r.numbers.iter().map(|n| (n.start, n.end, &n.text))) {
        assert_eq!(&slice([start, end]), text, "[{start}, {end}] of {:?}", doc.text);
    }
    for (c, b) in r.quotes.iter().zip(&doc.quotes) {
        assert_eq!(slice([c.start, c.end]), b.span.of(&doc.text), "quote of {:?}", doc.text);
        for (&cp, bp) in c.parts.iter().zip(&b.parts) {
            assert_eq!(slice(cp), bp.of(&doc.text), "quote part of {:?}", doc.text);
        }
    }
}

#[test]
fn the_pipeline_survives_random_text() {
    let words = vocabulary();
    let pipeline = dossier_nlp::default_pipeline();
    let seed = std::env::var("DOSSIER_RANDOM_SEED").ok().and_then(|v| v.parse().ok()).unwrap_or(0x2545_F491_4F6C_DD1D);
    let mut rng = Rng(seed);
    let rounds: u32 = std::env::var("DOSSIER_RANDOM_ROUNDS").ok().and_then(|v| v.parse().ok()).unwrap_or(20_000);
    let (mut m, mut t, mut q, mut a) = (0, 0, 0, 0);
    for round in 0..rounds {
        let n = (rng.next() % 80) as usize;
        let mut text = String::new();
        for _ in 0..n {
            let word = rng.pick(&words);
            // names and headlines: some words capitalized, some in capitals
            match rng.next() % 8 {
                0 | 1 => {
                    let mut cs = word.chars();
                    text.extend(cs.next().map(|c| c.to_ascii_uppercase()));
                    text.push_str(cs.as_str());
                }
                2 => text.push_str(&word.to_uppercase()),
                _ => text.push_str(word),
            }
            // mostly a space between words, sometimes none
            if !rng.next().is_multiple_of(5) {
                text.push(' ');
            }
        }
        // some texts fill whole blocks of 256 bytes, where the character offsets of the record
        // count from a checkpoint
        if rng.next().is_multiple_of(8) {
            text.push_str(&"x".repeat(256 - text.len() % 256));
        }
        let mut doc = Doc::new(format!("r{round}"), text.clone());
        doc.published = (!round.is_multiple_of(3)).then(|| "2018-07-12".to_string());
        doc.lang = round.is_multiple_of(4).then(|| "es".to_string());
        let run = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| pipeline.run(&mut doc)));
        assert!(run.is_ok(), "the pipeline panicked on {text:?}");
        check(&doc);
        (m, t, q, a) = (m + doc.mentions.len(), t + doc.times.len(), q + doc.quotes.len(), a + doc.numbers.len());
    }
    eprintln!("mentions {m}, times {t}, quotes {q}, amounts {a}");
}
