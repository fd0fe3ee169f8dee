//! The bundled sample case (`samples/`) through the full default pipeline: who says what in
//! each document, asserted against `docs/sample-case-answers.md`.
//!
//! Speakers are checked by the canonical name of the entity they resolve to, or, for unnamed
//! sources, by the words that name them with no entity.

use dossier_model::{Doc, Quote, QuoteKind};
use std::path::PathBuf;

fn sample(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../samples").join(name)
}

fn analyse(id: &str, text: String) -> Doc {
    let mut doc = Doc::new(id, text);
    dossier_nlp::default_pipeline().run(&mut doc);
    doc
}

fn text_file(name: &str) -> Doc {
    let text = std::fs::read_to_string(sample(name)).expect("a UTF-8 sample");
    analyse(name, text)
}

/// Windows-1252 (the legacy sample): Latin-1 plus the punctuation of 0x80-0x9F.
fn cp1252(bytes: &[u8]) -> String {
    const HIGH: [char; 32] = [
        '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8D}', 'Ž', '\u{8F}', '\u{90}', '‘',
        '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9D}', 'ž', 'Ÿ',
    ];
    bytes
        .iter()
        .map(|&b| match b {
            0x80..=0x9F => HIGH[(b - 0x80) as usize],
            _ => char::from(b),
        })
        .collect()
}

/// The paragraphs of the HTML sample's `<article>`, tags stripped and entities decoded: what
/// the ingest crate hands the pipeline, near enough for this test.
fn html_article(name: &str) -> String {
    let html = std::fs::read_to_string(sample(name)).expect("the HTML sample");
    let start = html.find("<article").expect("an article");
    let end = html[start..].find("</article>").map_or(html.len(), |e| start + e);
    let article = &html[start..end];
    let mut paras = Vec::new();
    let mut rest = article;
    while let Some(p) = rest.find("<p") {
        let body = &rest[p..];
        let open_end = body.find('>').unwrap_or(0) + 1;
        let close = body.find("</p>").unwrap_or(body.len());
        let inner = &body[open_end..close];
        if !body[..open_end].contains("class=") {
            let mut s = String::new();
            let mut in_tag = false;
            for c in inner.chars() {
                match c {
                    '<' => in_tag = true,
                    '>' => in_tag = false,
                    _ if !in_tag => s.push(c),
                    _ => {}
                }
            }
            let s = s
                .replace("&ldquo;", "“")
                .replace("&rdquo;", "”")
                .replace("&rsquo;", "’")
                .replace("&lsquo;", "‘")
                .replace("&middot;", "·")
                .replace("&mdash;", "—")
                .replace("&amp;", "&");
            paras.push(s.split_whitespace().collect::<Vec<_>>().join(" "));
        }
        rest = &body[close.min(body.len())..];
        if close >= body.len() {
            break;
        }
    }
    paras.join("\n\n")
}

fn feed_item(id: &str) -> Doc {
    let feed = std::fs::read_to_string(sample("07-feed.jsonl")).expect("the feed sample");
    for line in feed.lines() {
        let v: serde_json::Value = serde_json::from_str(line).expect("a JSON line");
        if v["id"] == id {
            return analyse(id, v["text"].as_str().expect("text").to_string());
        }
    }
    panic!("no feed item {id}");
}

fn listing(d: &Doc) -> String {
    d.quotes
        .iter()
        .map(|q| {
            let who = q.speaker.map_or("-".to_string(), |e| d.entities[e].name.clone());
            let words = q.speaker_span.map_or("", |s| s.of(&d.text));
            format!(
                "\n  {:?} [{}] {who} / {words}",
                q.kind,
                q.parts.iter().map(|p| p.of(&d.text)).collect::<Vec<_>>().join(" | ")
            )
        })
        .collect()
}

/// The quotation whose quoted words contain `words`.
fn quote<'a>(d: &'a Doc, words: &str) -> &'a Quote {
    d.quotes
        .iter()
        .find(|q| q.parts.iter().any(|p| p.of(&d.text).contains(words)))
        .unwrap_or_else(|| panic!("{}: no quotation with {words:?}:{}", d.id, listing(d)))
}

/// Asserts that the quotation with `words` is of `kind` and said by the entity named `who`.
fn said_by(d: &Doc, words: &str, kind: QuoteKind, who: &str) {
    let q = quote(d, words);
    assert_eq!(q.kind, kind, "{}: kind of {words:?}:{}", d.id, listing(d));
    let name = q.speaker.map(|e| d.entities[e].name.as_str());
    assert_eq!(name, Some(who), "{}: speaker of {words:?}:{}", d.id, listing(d));
}

/// Asserts that the quotation with `words` has an unnamed speaker described by `description`.
fn said_by_unnamed(d: &Doc, words: &str, kind: QuoteKind, description: &str) {
    let q = quote(d, words);
    assert_eq!(q.kind, kind, "{}: kind of {words:?}:{}", d.id, listing(d));
    assert_eq!(q.speaker, None, "{}: speaker of {words:?}:{}", d.id, listing(d));
    let text = q.speaker_span.map_or("", |s| s.of(&d.text));
    assert!(text.contains(description), "{}: {description:?} not in {text:?}", d.id);
}

fn no_quotation(d: &Doc, words: &str) {
    assert!(
        d.quotes.iter().all(|q| q.kind == QuoteKind::Indirect || !q.parts.iter().any(|p| p.of(&d.text) == words)),
        "{}: {words:?} is no quotation:{}",
        d.id,
        listing(d)
    );
}

fn entity<'a>(d: &'a Doc, name: &str) -> &'a dossier_model::Entity {
    d.entities.iter().find(|e| e.name == name).unwrap_or_else(|| panic!("{}: no entity {name}", d.id))
}

#[test]
fn leaked_letter_report() {
    use QuoteKind::*;
    let d = text_file("01-leaked-letter-report.txt");
    said_by(&d, "demand no assurances", Partial, "Miriam Achebe-Lund");
    no_quotation(&d, "the Ferryman");
    // over two paragraphs, introduced by "Ms Achebe-Lund writes:"
    let q = quote(&d, "I am aware that my predecessors");
    assert_eq!(q.parts.len(), 2);
    assert!(q.parts[1].of(&d.text).contains("none will be sought"));
    said_by(&d, "I am aware that my predecessors", Direct, "Miriam Achebe-Lund");
    // split by its attribution, with a pronoun
    let q = quote(&d, "The families of those who were taken");
    assert_eq!(q.parts.len(), 2);
    said_by(&d, "Veloria will not stand in the way", Direct, "Miriam Achebe-Lund");
    // the letter as speaker: its author
    said_by(&d, "evidence gathered by the National Crime Directorate", Indirect, "Miriam Achebe-Lund");
    said_by(&d, "solely for the purposes of criminal proceedings", Partial, "Miriam Achebe-Lund");
    // unnamed sources, and "she added" after the spokeswoman
    said_by_unnamed(&d, "This was not a choice made lightly", Direct, "a government source");
    said_by_unnamed(&d, "senior ministers had discussed the case", Indirect, "source");
    said_by_unnamed(&d, "We do not comment on leaked correspondence", Direct, "a Home Office spokeswoman");
    assert_eq!(quote(&d, "We do not comment").parts.len(), 2);
    said_by_unnamed(&d, "within the law and in the interests of justice", Partial, "She");
    // a description
    said_by(&d, "face justice wherever", Partial, "Miriam Achebe-Lund");
    said_by(&d, "For the first time, I feel", Direct, "Omar El-Sayeed");
    // entities with aliases and roles
    let e = entity(&d, "Miriam Achebe-Lund");
    assert!(e.aliases.contains(&"Ms Achebe-Lund".to_string()), "{:?}", e.aliases);
    assert_eq!(e.roles, ["Home Secretary"]);
    assert_eq!(entity(&d, "Lucas Varga").roles, ["attorney general"]);
    assert!(entity(&d, "Tomas Brekov").aliases.iter().any(|a| a.contains("Ferryman")));
}

#[test]
fn ministry_statement() {
    use QuoteKind::*;
    let d = analyse("03", html_article("03-ministry-statement.html"));
    said_by(&d, "The Government does not comment on leaked documents", Direct, "Helena Strand");
    let q = quote(&d, "What we can say is");
    assert_eq!(q.parts.len(), 2);
    said_by(&d, "opposition to the death penalty has not changed", Direct, "Helena Strand");
    said_by(&d, "would continue to support the investigation", Indirect, "Helena Strand");
    said_by(&d, "as soon as the proper time allows", Partial, "Helena Strand");
    assert!(entity(&d, "Helena Strand").roles.iter().any(|r| r.contains("spokeswoman")));
}

#[test]
fn witness_statement() {
    use QuoteKind::*;
    let d = text_file("04-witness-statement.txt");
    no_quotation(&d, "the Ferryman");
    // the narrator, named in the statement's header and signature
    said_by(&d, "I am only the interpreter", Direct, "Marta Ilves");
    said_by(&d, "Stay calm and say nothing", Direct, "Layla El-Sayeed");
    // "He" is the one "taller than the others", "the tall man" the witness identifies at the
    // end as Tomas Brekov
    said_by(&d, "You will be our guests for a while", Direct, "Tomas Brekov");
    let q = quote(&d, "You will be our guests for a while");
    assert_eq!(q.speaker_span.map(|s| s.of(&d.text)), Some("He"));
    let brekov = d.entities.iter().position(|e| e.name == "Tomas Brekov").expect("Brekov");
    let tall = d.text.find("the tall man came").unwrap();
    assert!(d.mentions.iter().any(|m| m.span.start == tall && m.entity == Some(brekov)));
    // and "A younger man" is Arvid Nesh, "He was thin" too
    let thin = d.text.find("He was thin").unwrap();
    let m = d.mentions.iter().find(|m| m.span.start == thin).expect("a pronoun mention");
    assert_eq!(m.entity.map(|e| d.entities[e].name.as_str()), Some("Arvid Nesh"));
}

#[test]
fn profile_of_cell_leader() {
    use QuoteKind::*;
    let d = text_file("05-profile-of-cell-leader.txt");
    said_by(&d, "Brekov gave the orders", Direct, "Ana de la Cruz");
    assert_eq!(quote(&d, "Brekov gave the orders").parts.len(), 2);
    said_by(&d, "treated the Vell Basin as its private kingdom", Partial, "Lucas Varga");
    said_by(&d, "I know his face better than my own", Direct, "Omar El-Sayeed");
    assert_eq!(quote(&d, "I know his face").parts.len(), 2);
    // the nickname before the real name, the acronym, the title
    let brekov = entity(&d, "Tomas Brekov");
    assert!(brekov.aliases.iter().any(|a| a.contains("Ferryman")), "{:?}", brekov.aliases);
    let ferryman_first = d.text.find("the Ferryman,").unwrap() + 4;
    let m = d.mentions.iter().find(|m| m.span.start == ferryman_first).expect("the first Ferryman is a mention");
    assert_eq!(m.entity.map(|e| d.entities[e].name.as_str()), Some("Tomas Brekov"));
    assert!(entity(&d, "National Crime Directorate").aliases.contains(&"NCD".to_string()));
    assert!(entity(&d, "Lucas Varga").roles.iter().any(|r| r == "Attorney General"));
    said_by(&d, "both men were present", Indirect, "National Crime Directorate");
}

#[test]
fn police_inquiry() {
    use QuoteKind::*;
    let d = text_file("06-police-inquiry.txt");
    said_by(&d, "Each of those statements represents a person", Direct, "Ana de la Cruz");
    assert_eq!(quote(&d, "Each of those statements").parts.len(), 2);
    said_by(&d, "have taken more than 600 witness statements", Indirect, "National Crime Directorate");
    said_by(&d, "the number of statements has risen", Indirect, "National Crime Directorate");
    said_by_unnamed(&d, "should be put to the Home Office", Indirect, "A spokesman");
}

#[test]
fn wire_feed() {
    use QuoteKind::*;
    let d = feed_item("wire-0001");
    said_by(&d, "We are studying the letter closely", Direct, "Lucas Varga");
    no_quotation(&d, "the Ferryman");
    let d = feed_item("wire-0002");
    said_by(&d, "Nobody in Karsland is sentenced", Direct, "Héloïse Vantörn");
    let d = feed_item("wire-0003");
    said_by(&d, "We have waited five years", Direct, "Ruth Calloway");
    said_by(&d, "finally tell us the truth", Partial, "Omar El-Sayeed");
}

#[test]
fn mp_reaction() {
    use QuoteKind::*;
    let d = text_file("08-mp-reaction.txt");
    said_by(&d, "quietly torn up", Partial, "Aurel Novak");
    said_by(&d, "he would seek an urgent question", Indirect, "Aurel Novak");
    said_by(&d, "at least two senior officials", Indirect, "Aurel Novak");
    said_by(&d, "could leave Velorian police officers", Indirect, "Aurel Novak");
    said_by(&d, "should have been shown to Parliament", Indirect, "Aurel Novak");
    said_by(&d, "she had acted under pressure", Indirect, "Miriam Achebe-Lund");
    said_by(&d, "Nobody is asking for sympathy", Direct, "Aurel Novak");
    assert_eq!(quote(&d, "Nobody is asking for sympathy").parts.len(), 2);
    // "she said" after a quotation that names Novak: Ruth Calloway
    said_by(&d, "Mr Novak did not have to sit by the telephone", Direct, "Ruth Calloway");
    said_by(&d, "tired of politicians using our children", Partial, "Ruth Calloway");
    said_by(&d, "it would respond to Mr Novak", Indirect, "Home Office");
}

#[test]
fn lawyer_interview() {
    use QuoteKind::*;
    let d = text_file("09-lawyer-interview.txt");
    said_by(&d, "My client is a Velorian", Direct, "Petra Halvorsen");
    said_by(&d, "He accepts that he was in the Vell Basin", Direct, "Petra Halvorsen");
    // the answers after the interviewer's questions
    said_by(&d, "Not if it is done properly", Direct, "Petra Halvorsen");
    said_by(&d, "That I understand their anger completely", Direct, "Petra Halvorsen");
    said_by(&d, "robustly defend", Partial, "Home Office");
    assert!(entity(&d, "Petra Halvorsen").roles.iter().any(|r| r == "defence lawyer"));
}

#[test]
fn legacy_encoding() {
    use QuoteKind::*;
    let bytes = std::fs::read(sample("10-legacy-encoding.txt")).expect("the legacy sample");
    let d = analyse("10", cp1252(&bytes));
    said_by(&d, "Karsland will give the letter the careful consideration", Direct, "Héloïse Vantörn");
    said_by(&d, "Every person accused before a Karsland court", Direct, "Lucas Varga");
}

#[test]
fn the_letter_itself() {
    // no quotation marks, first person: nothing to attribute wrongly
    let d = text_file("02-the-letter.txt");
    assert!(d.quotes.iter().all(|q| q.kind == QuoteKind::Indirect), "{}", listing(&d));
    let e = entity(&d, "National Crime Directorate");
    assert!(e.aliases.contains(&"NCD".to_string()));
}

#[test]
fn transport_minister_resigns() {
    use QuoteKind::*;
    let d = text_file("13-transport-minister-resigns.txt");
    // a quotation split by its attribution and continued into the next paragraph: one record
    said_by(&d, "I did not know what was being signed", Direct, "Jana Solberg");
    let q = quote(&d, "I did not know what was being signed");
    assert!(q.parts.iter().any(|p| p.of(&d.text).contains("Nobody should be protected")), "{}", listing(&d));
    assert_eq!(q.parts.len(), 3, "{}", listing(&d));
    // the role: "the minister" is Transport Minister Jana Solberg
    said_by(&d, "she would remain a member of parliament", Indirect, "Jana Solberg");
    assert!(entity(&d, "Jana Solberg").roles.iter().any(|r| r == "Transport Minister"));
    // the nickname before the name it stands for, and no quotation
    no_quotation(&d, "the Accountant");
    assert!(entity(&d, "Ilya Marek").aliases.iter().any(|a| a.contains("Accountant")));
    // a partial quotation and a split one by the same speaker
    said_by(&d, "acted on instructions at every stage", Partial, "Tobias Wren");
    said_by(&d, "He kept a record of every payment", Direct, "Tobias Wren");
    // a document as speaker: the report's signatory
    said_by(&d, "no competitive process took place", Partial, "Pavel Kron");
    said_by(&d, "the contracts were priced 30 per cent above", Indirect, "Pavel Kron");
    // unnamed sources
    said_by_unnamed(&d, "Everybody knew the numbers did not add up", Direct, "the official");
    said_by_unnamed(&d, "the audit had been expected for months", Indirect, "senior official");
    said_by_unnamed(&d, "the prime minister had asked Ms Solberg to stay", Indirect, "government adviser");
    said_by_unnamed(&d, "She refused", Direct, "the adviser");
    said_by(&d, "his office would publish the full report", Indirect, "Pavel Kron");
}

#[test]
fn dock_union_letter() {
    use QuoteKind::*;
    let d = text_file("14-dock-union-letter.txt");
    // documents as speakers: the letter and its extracts speak for their author
    said_by(&d, "cannot be sustained in its present form", Partial, "Henrik Aalto");
    said_by(&d, "difficult choices", Partial, "Henrik Aalto");
    // a nickname in single quotes is no quotation; it links to the person, and the person
    // after the apposition holding it still speaks
    no_quotation(&d, "the Anchor");
    assert!(entity(&d, "Maja Lind").aliases.iter().any(|a| a.contains("Anchor")), "{}", listing(&d));
    said_by(&d, "the proposal broke a promise made in 2016", Indirect, "Maja Lind");
    // pronouns of both genders, each after its own speaker
    said_by(&d, "They told us our pensions were safe", Direct, "Maja Lind");
    said_by(&d, "Nobody has decided anything yet", Direct, "Henrik Aalto");
    // the role: "The chairman" is port authority chairman Henrik Aalto
    said_by(&d, "no plans", Partial, "Henrik Aalto");
    // the alias as a speaker
    said_by(&d, "members would vote within a month", Indirect, "Maja Lind");
    said_by_unnamed(&d, "discussion paper, not a decision", Direct, "the spokesman");
    // the apostrophe of "workers' union" is no quotation mark
    assert!(d.quotes.iter().all(|q| !q.parts.iter().any(|p| p.of(&d.text).contains("union threatens"))));
}
