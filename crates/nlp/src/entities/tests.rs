//! Entity-linking tests on invented sentences.

use crate::Component;
use dossier_model::{Doc, Entity, MentionKind};

fn run(text: &str) -> Doc {
    let mut doc = Doc::new("t", text);
    crate::Segmenter.process(&mut doc);
    crate::ner::NerTagger::embedded().process(&mut doc);
    super::EntityLinker.process(&mut doc);
    doc
}

/// The entity of the mention that covers the first occurrence of `words` (from byte `from`).
fn entity_at<'a>(doc: &'a Doc, words: &str, from: usize) -> Option<&'a Entity> {
    let at = doc.text[from..].find(words)? + from;
    let m = doc.mentions.iter().find(|m| m.span.start <= at && at < m.span.end)?;
    doc.entities.get(m.entity?)
}

fn entity_of<'a>(doc: &'a Doc, words: &str) -> Option<&'a Entity> {
    entity_at(doc, words, 0)
}

fn names(doc: &Doc) -> Vec<(String, Vec<String>)> {
    doc.entities.iter().map(|e| (e.name.clone(), e.aliases.clone())).collect()
}

#[test]
fn short_forms_join_the_full_name() {
    let d = run("Home Secretary Sajid Javid flew to Paris. Mr Javid met officials there, and Javid said little.");
    let e = entity_of(&d, "Sajid Javid").expect("linked");
    assert_eq!(e.name, "Sajid Javid");
    assert_eq!(e.roles, ["Home Secretary"]);
    assert!(e.aliases.iter().any(|a| a == "Mr Javid"), "{:?}", e.aliases);
    assert_eq!(entity_of(&d, "Javid said").map(|e| e.name.as_str()), Some("Sajid Javid"));
    let javid = d.mentions.iter().find(|m| m.span.of(&d.text) == "Javid").unwrap();
    assert_eq!(javid.kind, MentionKind::Alias);
}

#[test]
fn the_nearest_full_name_wins() {
    let d = run("Bill Clinton spoke first. Clinton was brief. Later Hillary Clinton spoke, and Clinton was long.");
    let first = d.text.find("Clinton was brief").unwrap();
    let second = d.text.find("Clinton was long").unwrap();
    assert_eq!(entity_at(&d, "Clinton", first).map(|e| e.name.as_str()), Some("Bill Clinton"));
    assert_eq!(entity_at(&d, "Clinton", second).map(|e| e.name.as_str()), Some("Hillary Clinton"));
}

#[test]
fn acronyms_and_short_names() {
    let d = run("The Federal Bureau of Investigation (FBI) opened a case. The FBI said little.");
    let e = entity_of(&d, "Federal Bureau").expect("linked");
    assert_eq!(e.name, "Federal Bureau of Investigation");
    assert!(e.aliases.contains(&"FBI".to_string()), "{:?}", names(&d));
    let later = d.text.rfind("FBI").unwrap();
    assert_eq!(entity_at(&d, "FBI", later).map(|e| e.name.as_str()), Some("Federal Bureau of Investigation"));
    let d = run("Officers of the Metropolitan Police (the Met) were there. The Met declined to comment.");
    let later = d.text.rfind("Met").unwrap();
    assert_eq!(entity_at(&d, "Met", later).map(|e| e.name.as_str()), Some("Metropolitan Police"), "{:?}", names(&d));
    // initials without a definition
    let d = run("The National Crime Directorate opened an inquiry. The NCD says it has 600 statements.");
    assert_eq!(entity_of(&d, "NCD").map(|e| e.name.as_str()), Some("National Crime Directorate"));
}

#[test]
fn nicknames_link_before_and_after_their_definition() {
    let text = "He fought alongside Jihadi John in Syria. Mohammed Emwazi, known as Jihadi John, was killed in 2015. \
                Jihadi John had been a student.";
    let d = run(text);
    let first = entity_of(&d, "Jihadi John").expect("the first mention is linked");
    assert_eq!(first.name, "Mohammed Emwazi", "{:?}", names(&d));
    assert!(first.aliases.contains(&"Jihadi John".to_string()));
    let d = run("Tomas Brekov, known as “the Ferryman”, ran the boats. The Ferryman was feared.");
    let e = entity_of(&d, "Ferryman was").expect("nickname linked");
    assert_eq!(e.name, "Tomas Brekov");
}

#[test]
fn roles_from_titles_and_appositions() {
    let d = run("US Attorney General Jeff Sessions spoke. Later Sessions left.");
    let e = entity_of(&d, "Jeff Sessions").unwrap();
    assert!(e.roles.iter().any(|r| r.contains("Attorney General")), "{:?}", e.roles);
    let d = run("Petra Halvorsen, the defence lawyer, said her client was innocent.");
    assert_eq!(entity_of(&d, "Petra Halvorsen").unwrap().roles, ["defence lawyer"]);
    let d = run("The letter went to Karsland's attorney general, Lucas Varga, in June.");
    assert_eq!(entity_of(&d, "Lucas Varga").unwrap().roles, ["attorney general"]);
    let d = run("The Home Office said the Home Secretary, Miriam Achebe-Lund, had acted lawfully.");
    assert_eq!(entity_of(&d, "Miriam Achebe-Lund").unwrap().roles, ["Home Secretary"]);
}

#[test]
fn descriptions_and_pronouns_link_when_clear() {
    let d = run("Petra Halvorsen, the defence lawyer, arrived early. The lawyer said she would appeal.");
    let nominal = d.mentions.iter().find(|m| m.span.of(&d.text) == "The lawyer").expect("a description");
    assert_eq!(nominal.kind, MentionKind::Nominal);
    assert_eq!(d.entities[nominal.entity.unwrap()].name, "Petra Halvorsen");
    let she = d.mentions.iter().find(|m| m.kind == MentionKind::Pronoun).expect("a pronoun");
    assert_eq!(d.entities[she.entity.unwrap()].name, "Petra Halvorsen");
    // an unnamed spokeswoman in between: no link for "she"
    let d = run("Ann Lee left the ministry in May. A spokeswoman said the post was vacant. She added nothing.");
    assert!(d.mentions.iter().all(|m| m.kind != MentionKind::Pronoun), "{:?}", d.mentions);
}

#[test]
fn mentions_stay_ordered_and_indexes_valid() {
    let d = run("Sajid Javid met Ann Lee. Javid said he was sure; Lee, the minister, said she was not. \
         The FBI, the Met and the minister all agreed.");
    for w in d.mentions.windows(2) {
        assert!((w[0].span.start, w[0].span.end) <= (w[1].span.start, w[1].span.end));
    }
    for (i, e) in d.entities.iter().enumerate() {
        assert!(!e.mentions.is_empty());
        for &m in &e.mentions {
            assert_eq!(d.mentions[m].entity, Some(i));
        }
    }
    for m in &d.mentions {
        assert!(m.entity.is_none_or(|e| d.entities[e].mentions.iter().any(|&k| d.mentions[k].span == m.span)));
    }
}
