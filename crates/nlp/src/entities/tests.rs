//! Entity-linking tests on invented sentences.

use crate::Component;
use dossier_model::{Doc, Entity, EntityType, Mention, MentionKind, Span};

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
fn a_surname_goes_to_the_most_prominent_person() {
    // two people share a surname: "Ellery" means the one the story is about, not the nearest
    // (unless the other was introduced just before)
    let d =
        run("Joan Ellery spoke first. Ellery was brief. Later Mark Ellery spoke. The hall was full. Ellery was long.");
    let first = d.text.find("Ellery was brief").unwrap();
    let second = d.text.find("Ellery was long").unwrap();
    assert_eq!(entity_at(&d, "Ellery", first).map(|e| e.name.as_str()), Some("Joan Ellery"), "{:?}", names(&d));
    assert_eq!(entity_at(&d, "Ellery", second).map(|e| e.name.as_str()), Some("Joan Ellery"), "{:?}", names(&d));
}

#[test]
fn a_surname_that_is_a_month_before_a_day_is_a_date() {
    let d = run("Walter May pitched for the Tresk Owls. On May 9, 1924, May came in to pitch. By 3 May he was done.");
    let on = d.text.find("May 9").unwrap();
    let by = d.text.find("3 May").unwrap() + 2;
    let came = d.text.find("May came").unwrap();
    assert_eq!(entity_at(&d, "May", came).map(|e| e.name.as_str()), Some("Walter May"), "{:?}", names(&d));
    for at in [on, by] {
        assert!(!d.mentions.iter().any(|m| m.span.start == at), "{:?}", d.mentions);
    }
}

#[test]
fn a_person_introduced_just_before_is_the_focus() {
    let d = run("Joan Ellery was seen in Dunmore. Ellery was later found. Her brother, Tom Ellery, keeps a folder. \
         \"I keep it all,\" Ellery said.");
    let later = d.text.find("Ellery said").unwrap();
    assert_eq!(entity_at(&d, "Ellery", later).map(|e| e.name.as_str()), Some("Tom Ellery"), "{:?}", names(&d));
}

#[test]
fn honorifics_constrain_surname_links() {
    let d = run("Mark Ellery and his wife Joan Ellery arrived on Monday. Mark Ellery waved. \
         Mrs. Ellery said the trip was long. Mr. Ellery said nothing. Ellery later left.");
    let mrs = d.text.find("Mrs. Ellery").unwrap() + 5;
    let mr = d.text.find("Mr. Ellery").unwrap() + 4;
    assert_eq!(entity_at(&d, "Ellery", mrs).map(|e| e.name.as_str()), Some("Joan Ellery"), "{:?}", names(&d));
    assert_eq!(entity_at(&d, "Ellery", mr).map(|e| e.name.as_str()), Some("Mark Ellery"), "{:?}", names(&d));
    // "Ellery" alone: Mark has more mentions so far
    let bare = d.text.find("Ellery later").unwrap();
    assert_eq!(entity_at(&d, "Ellery", bare).map(|e| e.name.as_str()), Some("Mark Ellery"), "{:?}", names(&d));
}

#[test]
fn given_name_genders_constrain_honorifics() {
    let d = run("Joan Ellery met Mark Ellery in Dunmore. Mrs. Ellery said she was pleased.");
    let mrs = d.text.find("Mrs. Ellery").unwrap() + 5;
    assert_eq!(entity_at(&d, "Ellery", mrs).map(|e| e.name.as_str()), Some("Joan Ellery"), "{:?}", names(&d));
}

#[test]
fn a_name_whose_first_word_only_the_census_genders_takes_the_listed_given_name_after_it() {
    use super::Gender;
    let w = super::words::words();
    // ("Marine" a census female name, "John" a listed male one: a marine the tagger named so)
    assert_eq!(w.name_gender("Marine John Tiegen"), Gender::Any);
    assert_eq!(w.name_gender("Marine Le Pen"), Gender::Female);
    assert_eq!(w.name_gender("John Tiegen"), Gender::Male);
}

#[test]
fn names_of_things_do_not_take_surnames() {
    let d = run("Ruth Danvers spoke in the lobby of Danvers Tower on Friday. Danvers said the tower was hers.");
    let later = d.text.find("Danvers said").unwrap();
    assert_eq!(entity_at(&d, "Danvers", later).map(|e| e.name.as_str()), Some("Ruth Danvers"), "{:?}", names(&d));
    assert!(!d.entities.iter().any(|e| e.name == "Ruth Danvers" && e.aliases.iter().any(|a| a.contains("Tower"))));
}

#[test]
fn a_surname_is_not_read_as_a_given_name() {
    // "Ellery" is a surname here, so it never joins "Ellery Pond" by its first word
    let d = run("Ellery Pond runs the bakery. Tom Ellery owns the mill. Ellery said the mill was busy.");
    let later = d.text.find("Ellery said").unwrap();
    assert_eq!(entity_at(&d, "Ellery", later).map(|e| e.name.as_str()), Some("Tom Ellery"), "{:?}", names(&d));
}

#[test]
fn pronoun_names_and_initials() {
    let d = run("Gordon Vasko spoke in Tallin. Later, Gordon V. told reporters that I was wrong.");
    assert!(!d.entities.iter().any(|e| e.name == "I"), "{:?}", names(&d));
    let e = entity_of(&d, "Gordon V.").map(|e| e.name.as_str());
    assert!(e.is_none() || e == Some("Gordon Vasko"), "{:?}", names(&d));
}

#[test]
fn given_names_cut_to_initials_join_the_full_name() {
    let d = run("Margaret Ellen Olsen spoke first.\n\nSigned: M. E. Olsen\n\nCopy to J. Smith and M. Olsen.");
    assert_eq!(entity_of(&d, "M. E. Olsen").map(|e| e.name.as_str()), Some("Margaret Ellen Olsen"), "{:?}", names(&d));
    assert_eq!(entity_of(&d, "M. Olsen").map(|e| e.name.as_str()), Some("Margaret Ellen Olsen"), "{:?}", names(&d));
    // other initials, or initials before another surname, are someone else
    let d = run("Margaret Ellen Olsen spoke first. Later, K. Olsen and M. E. Olafsen left.");
    assert!(entity_of(&d, "K. Olsen").is_some() && entity_of(&d, "M. E. Olafsen").is_some(), "{:?}", names(&d));
    assert_ne!(entity_of(&d, "K. Olsen").map(|e| e.name.as_str()), Some("Margaret Ellen Olsen"), "{:?}", names(&d));
    assert_ne!(entity_of(&d, "M. E. Olafsen").map(|e| e.name.as_str()), Some("Margaret Ellen Olsen"));
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
    // a nickname in marks inside the name, also after "the"
    let d = run("Robert \"Bobby\" Dale left the firm. Bobby later returned.");
    assert_eq!(entity_of(&d, "Bobby later").map(|e| e.name.as_str()), Some("Robert \"Bobby\" Dale"), "{:?}", names(&d));
    let d = run("Mary 'The Boss' Smith ran the yard. The Boss had no rivals.");
    assert_eq!(entity_of(&d, "Boss had").map(|e| e.name.as_str()), Some("Mary 'The Boss' Smith"), "{:?}", names(&d));
    // "known to whom as": up to four words between, no mark among them
    let d = run("Karel Voss, known to his captors as \"the Chemist\", was killed. The Chemist had led the cell.");
    assert_eq!(entity_of(&d, "Chemist had").map(|e| e.name.as_str()), Some("Karel Voss"), "{:?}", names(&d));
    let d = run("Ines Marl, known among the old dock workers there as Red Ines, left. Red Ines never returned.");
    assert_ne!(entity_of(&d, "Red Ines never").map(|e| e.name.as_str()), Some("Ines Marl"), "{:?}", names(&d));
    let d = run("Ines Marl, known to police, as Oskar Brandt said, left. Oskar Brandt stayed.");
    assert_ne!(entity_of(&d, "Oskar Brandt stayed").map(|e| e.name.as_str()), Some("Ines Marl"), "{:?}", names(&d));
}

/// Checks that in each (text, name, role) the named person has exactly that one role.
fn assert_roles(cases: &[(&str, &str, &str)]) {
    for (text, name, role) in cases {
        let d = run(text);
        assert_eq!(entity_of(&d, name).unwrap().roles, [*role], "{text}");
    }
}

#[test]
fn a_heading_in_capitals_is_no_title_of_the_name_on_the_next_line() {
    let d = run("IN THE HIGH COURT OF JUSTICE\nKING'S BENCH DIVISION\n\nMrs Justice Arden:\n\n1. The claimant is 78.");
    assert!(d.entities.iter().all(|e| e.roles.iter().all(|r| !r.contains("COURT"))), "{:?}", names(&d));
}

#[test]
fn roles_from_titles_and_appositions() {
    let d = run("US Attorney General Jeff Sessions spoke. Later Sessions left.");
    let e = entity_of(&d, "Jeff Sessions").unwrap();
    assert!(e.roles.iter().any(|r| r.contains("Attorney General")), "{:?}", e.roles);
    let cases: &[(&str, &str, &str)] = &[
        ("Petra Halvorsen, the defence lawyer, said her client was innocent.", "Petra Halvorsen", "defence lawyer"),
        ("Court 2 sat under Recorder James Whitfield on Monday.", "James Whitfield", "Recorder"),
        ("It came to light when the treasurer, Amir Qureshi, saw the accounts.", "Amir Qureshi", "treasurer"),
        ("It followed the death of the sitting MP, Dame Frances Oduya.", "Frances Oduya", "sitting MP"),
        ("Rovers lost again, and Ardenport boss Neil Pritchard was unhappy.", "Neil Pritchard", "Ardenport boss"),
        ("The letter went to Karsland's attorney general, Lucas Varga, in June.", "Lucas Varga", "attorney general"),
        (
            "The contracts went to Valdane Shipping, whose chief executive, Oskar Lindqvist, was jailed.",
            "Oskar Lindqvist",
            "chief executive",
        ),
        (
            "The Home Office said the Home Secretary, Miriam Achebe-Lund, had acted lawfully.",
            "Miriam Achebe-Lund",
            "Home Secretary",
        ),
        // a sentence's first word is in the role unless it is a function word
        ("The vote is close. If Secretary Ann Lee wins, the party splits.", "Ann Lee", "Secretary"),
        ("The vote is close. As House Speaker, Tomas Brekov sets the agenda.", "Tomas Brekov", "House Speaker"),
        ("The vote is close. Retired Army Col. Lena Varga spoke first.", "Lena Varga", "Retired Army Col."),
        ("The vote is close. First Minister Lena Varga spoke first.", "Lena Varga", "First Minister"),
        ("ARDENPORT (Wire) - If Secretary Ann Lee wins, the party splits.", "Ann Lee", "Secretary"),
        ("He said: \u{201c}As House Speaker, Tomas Brekov sets the agenda.\u{201d}", "Tomas Brekov", "House Speaker"),
        // a title with "of" or "for" and the capitals after it
        ("The talks were led by former Secretary of State Ann Lee.", "Ann Lee", "former Secretary of State"),
        ("Minister for Foreign Affairs Tomas Brekov said no.", "Tomas Brekov", "Minister for Foreign Affairs"),
        (
            "The letter reached Director of National Intelligence Mira Holt.",
            "Mira Holt",
            "Director of National Intelligence",
        ),
        // a heading in capitals: its function words are no part of the title, and where a
        // headline runs into a title in mixed case, the title begins
        ("PRESS BRIEFING BY PRESS SECRETARY HANNAH VALE\n\nGood morning.", "HANNAH VALE", "PRESS SECRETARY"),
        ("REMARKS BY SECRETARY OF STATE ANN LEE\n\nGood morning.", "ANN LEE", "SECRETARY OF STATE"),
        (
            "BLAST KILLS FOUR IN KELL HARBOUR Karsland President Tomas Brekov said no.",
            "Tomas Brekov",
            "Karsland President",
        ),
        ("The GOP VP nominee Tomas Brekov said no.", "Tomas Brekov", "GOP VP nominee"),
        ("It was praised by UNICEF USA President Tomas Brekov.", "Tomas Brekov", "UNICEF USA President"),
        ("The warning came from WHO chief Tomas Brekov on Monday.", "Tomas Brekov", "WHO chief"),
        ("Talks were held with President of Iran Tomas Brekov.", "Tomas Brekov", "President of Iran"),
        ("It went to Secretary of State for Defence Ann Lee.", "Ann Lee", "Secretary of State for Defence"),
        // a parliament's label: the office, then its holder in brackets
        ("Ferries\n\nThe Minister for Transport (Ruth Kamara): I met them.", "Ruth Kamara", "Minister for Transport"),
        (
            "Ferries\n\nThe Minister of State, Department for Transport (Ann Halloran): I met them.",
            "Ann Halloran",
            "Minister of State, Department for Transport",
        ),
    ];
    assert_roles(cases);
    // a party's or a people's word after "for" or "of" describes the name: the title is the other's
    let d = run("Tom Fenn, the campaign manager for Republican Ann Lee, said no.");
    assert!(entity_of(&d, "Ann Lee").unwrap().roles.is_empty(), "{:?}", names(&d));
    // an office in brackets elsewhere than a label's is no role of the name
    let d = run("Ferries\n\nThe minister met a ferry captain (Ruth Kamara): she was calm.");
    assert!(entity_of(&d, "Ruth Kamara").unwrap().roles.is_empty(), "{:?}", names(&d));
    // another person's title and name before the comma are no role
    let d = run("The vote is close. Like Senator Tom Fenn, Ann Lee voted against the bill.");
    assert!(entity_of(&d, "Ann Lee").unwrap().roles.is_empty(), "{:?}", names(&d));
}

#[test]
fn an_appositions_role_runs_through_an_owners_name_up_to_its_clause() {
    let cases: &[(&str, &str, &str)] = &[
        // a possessive inside the role, and a year after it
        (
            "\"We will win,\" said Dara Voss, the architect of Lena Varga's 2024 campaign and a close aide.",
            "Dara Voss",
            "architect of Lena Varga's 2024 campaign",
        ),
        (
            "Tom Fenn, the chairman of Karsland's largest bank, resigned.",
            "Tom Fenn",
            "chairman of Karsland's largest bank",
        ),
        // a relative clause ends it, and a time word before the clause is no part of it
        ("We met Ann Lee, a close friend of Ms. Varga's who died in 2020.", "Ann Lee", "close friend of Ms. Varga's"),
        ("One is Mira Holt, a real estate agent today who once traded bonds.", "Mira Holt", "real estate agent"),
        ("Ann Lee, a reporter for Kell Today, said the plan was late.", "Ann Lee", "reporter for Kell Today"),
        (
            "Ann Lee, a spokeswoman for the police and the fire service, spoke.",
            "Ann Lee",
            "spokeswoman for the police and the fire service",
        ),
        ("Pia Ross, the lawyer who filed the suit, declined to comment.", "Pia Ross", "lawyer"),
        (
            "Mr. Kim, an anthropologist and physician well known for his work, spoke.",
            "Kim",
            "anthropologist and physician",
        ),
        ("Will Aske, a teacher at the school that was hosting it, spoke.", "Will Aske", "teacher at the school"),
        // without a good end after it, the role stops before the possessive
        ("It was moderated by Lester Vane, the anchor of KTV's \"Nightly News.\"", "Lester Vane", "anchor of KTV"),
        // a profession
        ("\"She never stopped,\" said the playwright Imogen Carrow.", "Imogen Carrow", "playwright"),
    ];
    assert_roles(cases);
    // a byline's role in capitals, to the line's end
    let d =
        run("Jail for harbour official\n\nBy Nadia Osei, Courts Reporter\n\nA former official was jailed on Monday.");
    assert_eq!(entity_of(&d, "Nadia Osei").unwrap().roles, ["Courts Reporter"]);
    // not a headline's words after another name
    let d = run("Council Sacks Tom Fenn, Hires New Police Chief\n\nThe mayor acted on Monday.");
    assert!(entity_of(&d, "Tom Fenn").unwrap().roles.is_empty(), "{:?}", names(&d));
    // another person's title and possessive are no role ("for Clinton, President Barack
    // Obama's approval rating remains strong"), a relation after them is
    let d = run("On the positive side for Ann Lee, President Tom Fenn's approval rating remains strong.");
    assert!(entity_of(&d, "Ann Lee").unwrap().roles.is_empty(), "{:?}", names(&d));
    let d = run("Mara Lind, Senator Tom Fenn's wife, spoke first.");
    assert_eq!(entity_of(&d, "Mara Lind").unwrap().roles, ["Senator Tom Fenn's wife"]);
    // a phrase at its longest length does not end inside a name
    let d = run("Tom Fenn, President Varga's special envoy to the global coalition fighting the Islamic State, left.");
    assert!(entity_of(&d, "Tom Fenn").unwrap().roles.is_empty(), "{:?}", names(&d));
    // a relative's "of" is no title's ("Secretary of State"): the role is the other's
    let d = run("Police shot the cousin of NBA star Dwyane Wade on Friday.");
    assert_eq!(entity_of(&d, "Dwyane Wade").unwrap().roles, ["NBA star"]);
    // a name in a list is no role of the next one
    let d = run("Advisers: Joel Sawyer, Scott Farmer, Tony Denny, Trey Walker.");
    assert!(entity_of(&d, "Tony Denny").unwrap().roles.is_empty(), "{:?}", names(&d));
}

#[test]
fn a_storm_named_alone_later_is_the_storm() {
    let d = run(
        "Oil prices rose as Hurricane Rita, now a Category 5 storm, threatened the Gulf. After brushing the Florida Keys on Tuesday, \
         Rita packed winds of 240 kilometres an hour. The forecasters said Rita was extremely dangerous.",
    );
    let e = entity_at(&d, "Rita", 60).expect("linked");
    assert_eq!((e.name.as_str(), e.ty), ("Rita", EntityType::Misc), "{:?}", names(&d));
    assert!(std::ptr::eq(entity_of(&d, "Rita").unwrap(), e), "{:?}", names(&d));
    // a person's nickname is no storm of theirs
    let d = run("Alex Higgins, known as Hurricane Higgins, won the world title in 1982 after the storm.");
    assert_eq!(entity_of(&d, "Alex Higgins").map(|e| e.ty), Some(EntityType::Person), "{:?}", names(&d));
}

#[test]
fn a_place_the_text_calls_one_is_a_place_throughout() {
    let d = run("Kofi Mensah plays for Castlemoor United and the Vellmark national team. He made his debut for \
         Vellmark in 2017. Vellmark lost 2-0 to Spain in Berlin.");
    let e = entity_at(&d, "Vellmark", 80).expect("linked");
    assert_eq!((e.name.as_str(), e.ty), ("Vellmark", EntityType::Loc), "{:?}", names(&d));
    let d = run("Kofi Mensah plays for Castlemoor United and the Dutch national team.");
    assert_eq!(entity_of(&d, "Dutch").map(|e| e.ty), Some(EntityType::Misc), "{:?}", names(&d));
    let d = run("Tresk is a town and civil parish in North Vellmark. Tresk has 8,412 residents.");
    assert_eq!(entity_at(&d, "Tresk", 40).map(|e| e.ty), Some(EntityType::Loc), "{:?}", names(&d));
}

#[test]
fn a_name_a_sentence_defines_takes_the_type_of_its_definition_throughout() {
    // the tagger read the firm, the band and the language as persons or places
    for (text, name, ty) in [
        (
            "Marrowby is a Vellish bicycle manufacturer based in Tresk. Marrowby sold 40,000 bicycles last year.",
            "Marrowby",
            EntityType::Org,
        ),
        (
            "Kestrelwood is an alternative rock band from Ardenport. Kestrelwood split in 2019.",
            "Kestrelwood",
            EntityType::Org,
        ),
        ("Sarnic is a language spoken in the hills of Ostria. Sarnic has two dialects.", "Sarnic", EntityType::Misc),
        ("Marsh is a trio of villages in Kent. Marsh has one pub.", "Marsh", EntityType::Loc),
        ("Starvault is a video game released in 2004. Starvault sold well.", "Starvault", EntityType::Misc),
        ("Starlance is a series of movies about pirates. Starlance earned $1 billion.", "Starlance", EntityType::Misc),
        ("Kellmouth is a group of islands in the Kell Sea. Kellmouth voted.", "Kellmouth", EntityType::Loc),
        (
            "The Kessarine League is a group of seven countries. The Kessarine League met in Tresk.",
            "Kessarine League",
            EntityType::Org,
        ),
        (
            "Coronado Hills is a school district in Ardenport. Coronado Hills has 12 schools.",
            "Coronado Hills",
            EntityType::Org,
        ),
        (
            "The money went to Pellucid, a Vellish software company. Pellucid declined to comment.",
            "Pellucid",
            EntityType::Org,
        ),
        // a band takes the plural verb; a slash joins two genres
        (
            "Harwick are a Vellish punk rock / garage rock band. Over the next years Harwick made sporadic appearances.",
            "Harwick",
            EntityType::Org,
        ),
        (
            "The Quellings were a four-piece electro / synthpop band. The Quellings split in 2004.",
            "Quellings",
            EntityType::Org,
        ),
    ] {
        let d = run(text);
        assert_eq!(entity_at(&d, name, 20).map(|e| e.ty), Some(ty), "{text}: {:?}", names(&d));
    }
    // not a place's part, a list's next item after a comma and "the", nor a place before a
    // phrase about something else
    for (text, name) in [
        ("Turkey is a key player in the region. Turkey sent troops.", "Turkey"),
        ("The resurgence of Vellmark, the long civil war in Ostria and the crisis.", "Vellmark"),
        ("He moved to Tresk, a series of photos shows.", "Tresk"),
        ("Norway is a major investor in solar power. Norway pledged $1 billion.", "Norway"),
        ("Germany is a team that never gives up. Germany beat France 2-1.", "Germany"),
        ("Japan is an ageing society. Japan has 125 million people.", "Japan"),
    ] {
        let d = run(text);
        assert_eq!(entity_of(&d, name).map(|e| e.ty), Some(EntityType::Loc), "{text}: {:?}", names(&d));
    }
    // nor a noun after a verb ("the band played"), nor an apposition with "the"
    for (text, name, not) in [
        ("Ostmere was a stage the band played in 2004. Ostmere closed.", "Ostmere", EntityType::Org),
        ("He praised Kestrelwood, the biggest prize of the night. Kestrelwood won.", "Kestrelwood", EntityType::Misc),
        ("Kowalski is a one-man band. Kowalski does everything himself.", "Kowalski", EntityType::Org),
        ("According to Halvorsen, a bank in Oslo had lent the money. Halvorsen said so.", "Halvorsen", EntityType::Org),
        (
            "In an interview with Halvorsen, a newspaper in Oslo wrote it. Halvorsen said so.",
            "Halvorsen",
            EntityType::Org,
        ),
        ("The Vellish is a former tennis player. Vellish officials said so.", "Vellish", EntityType::Person),
        ("Harwick is a band from Tresk. Harwick played in Harwick last night.", "Harwick", EntityType::Org),
        ("Kestrel Mining lost money. Kestrel, a mountain of debt behind it, cut jobs.", "Kestrel", EntityType::Loc),
        ("Along with Halvorsen, a band from Oslo will play. Halvorsen said so.", "Halvorsen", EntityType::Org),
        ("After Halvorsen, a band from Oslo played. Halvorsen said so.", "Halvorsen", EntityType::Org),
        ("Kestrel Mining lost money. Kestrel, a one-company town, cut jobs.", "Kestrel", EntityType::Loc),
        ("Marlow is a mountain of a man. Marlow said he would play.", "Marlow", EntityType::Loc),
        ("Megabus is a series of buses. Megabus runs to Tresk.", "Megabus", EntityType::Misc),
    ] {
        let d = run(text);
        assert_ne!(entity_of(&d, name).map(|e| e.ty), Some(not), "{text}: {:?}", names(&d));
    }
}

#[test]
fn roles_said_of_a_name() {
    let cases: &[(&str, &str, &str)] = &[
        ("Ann Lee is the chief executive of Valdane Shipping.", "Ann Lee", "chief executive of Valdane Shipping"),
        ("Tom Fenn, who was a senator for Kell, retired.", "Tom Fenn", "senator for Kell"),
        ("Marta Ilves was appointed prosecutor in 2010.", "Marta Ilves", "prosecutor"),
        ("Piet Harmsen became mayor of Ardenport last year.", "Piet Harmsen", "mayor of Ardenport"),
        ("Joan Ellery is a lawyer.", "Joan Ellery", "lawyer"),
        ("Marta Ilves is a senior lawyer at Fenn & Co in Kell.", "Marta Ilves", "senior lawyer at Fenn & Co"),
        ("Joan Ellery has been the Labour MP since 2010.", "Joan Ellery", "Labour MP"),
        // a biography's dates in brackets between
        (
            "Marguerite Okonkwo-Hale (born 14 March 1961) is a Vellish architect.",
            "Marguerite Okonkwo-Hale",
            "Vellish architect",
        ),
        ("Ann Lee (1901 - 1988) was a Kessarine novelist.", "Ann Lee", "Kessarine novelist"),
        ("Ann Lee (pictured) is the chief executive of Valdane.", "Ann Lee", "chief executive of Valdane"),
    ];
    assert_roles(cases);
    // no role: negation, opinion, someone else's role, a supposition, a different role, a quotation
    for text in [
        "Ann Lee is not a senator.",
        "Ann Lee is a bad senator.",
        "Ann Lee is a good man.",
        "Ann Lee is the lawyer's client.",
        "If Ann Lee is president, the party splits.",
        "Ann Lee was chief of staff.",
        "Ann Lee is the daughter of Kellish immigrants.",
        "Ann Lee was Senator Tom Fenn's aide.",
        "He said: \u{201c}Ann Lee is the leader we need.\u{201d}",
        "The man who shot Ann Lee was a police officer.",
        "The lawyer for Ann Lee is a former prosecutor.",
        "Ann Lee is the daughter of Senator Tom Fenn.",
        "Ann Lee is a resident of Kell.",
        "Ann Lee (and her sister) is a resident of Kell.",
        "Ann Lee (the client of Tom Fenn) is a lawyer.",
    ] {
        let d = run(text);
        assert!(entity_of(&d, "Ann Lee").unwrap().roles.is_empty(), "{text}: {:?}", names(&d));
    }
}

#[test]
fn a_role_ends_with_its_line_and_paragraph() {
    // a byline's role stops at the paragraph break, whose next line opens with a role
    let d = run("By Marta Quennell, Security Correspondent\n\nThe Home Secretary, Tomas Brekov, wrote to the court.");
    assert_eq!(entity_of(&d, "Marta Quennell").unwrap().roles, ["Security Correspondent"]);
    assert_eq!(entity_of(&d, "Tomas Brekov").unwrap().roles, ["Home Secretary"]);
    // an apposition before a name does not reach into the paragraph above
    let d = run("Photo: Reuters\n\nChief Inspector, Lena Varga, led the search.");
    assert_eq!(entity_of(&d, "Lena Varga").unwrap().roles, ["Chief Inspector"]);
    // after a headline line without a full stop
    let d = run("POLICE HUNT GUNMAN\nChief Inspector, Lena Varga, led the search.");
    assert_eq!(entity_of(&d, "Lena Varga").unwrap().roles, ["Chief Inspector"]);
}

#[test]
fn a_signature_gives_the_role_on_the_line_under_the_name() {
    let d = run("Thanks,\nDana\n\nDana Whitcombe\nHead of Procurement, Orvale Port Authority\n");
    assert_eq!(entity_of(&d, "Dana Whitcombe").unwrap().roles, ["Head of Procurement"]);
    let d = run("Yours sincerely,\n\nMarta Ilves\nSenior Investigator\n");
    assert_eq!(entity_of(&d, "Marta Ilves").unwrap().roles, ["Senior Investigator"]);
    let d = run("Yours sincerely,\n\nMarta Ilves\nSenior Lecturer\n");
    assert_eq!(entity_of(&d, "Marta Ilves").unwrap().roles, ["Senior Lecturer"]);
    // not a line that goes on into a sentence or names another person, nor one after a blank line
    for text in [
        "Ann Lee\nDirector Tom Fenn signed the letter.",
        "Ann Lee\nChief executives met on Monday to discuss the merger.",
        "Ann Lee\n\nDirector of the port",
        "We met Ann Lee\nDirector of the port",
    ] {
        let d = run(text);
        assert!(entity_of(&d, "Ann Lee").unwrap().roles.is_empty(), "{text}: {:?}", names(&d));
    }
}

#[test]
fn a_judgment_heading_names_the_parties_by_their_parts() {
    let text = "Between:\n\nMARGARET ELSPETH VOSS\nClaimant\n\n- and -\n\nARDSHIRE HEALTH TRUST\nDefendant\n\n\
                Mr Daniel Okoro KC for the Claimant\nMs Fiona Leckie for the Defendant\n\n\
                1. The Defendant admits that a nerve was damaged.\n";
    let d = run(text);
    assert_eq!(entity_of(&d, "MARGARET").unwrap().roles, ["Claimant"], "{:?}", names(&d));
    let trust = entity_of(&d, "ARDSHIRE").unwrap();
    assert_eq!((trust.ty, &trust.roles[..]), (EntityType::Org, &["Defendant".to_string()][..]));
    // "the Defendant" in the text is the party; the part alone is no name
    assert_eq!(entity_of(&d, "Defendant admits").map(|e| e.name.as_str()), Some("ARDSHIRE HEALTH TRUST"));
    assert!(d.entities.iter().all(|e| e.name != "Claimant" && e.name != "Defendant"), "{:?}", names(&d));
    // counsel on the line after "for the Claimant" take no part as a title
    assert!(entity_of(&d, "Fiona Leckie").unwrap().roles.is_empty(), "{:?}", names(&d));
    // "Respondent" too; a title at the end of a wrapped line stays the name's on the next
    let d = run("KELLMOUTH BOROUGH COUNCIL\nRespondent\n\n1. The Respondent admits that the notice was defective.\n");
    assert_eq!(entity_of(&d, "Respondent admits").map(|e| e.name.as_str()), Some("KELLMOUTH BOROUGH COUNCIL"));
    let d = run("The letter was sent on Monday by the Home Secretary\nMr Sajid Javid, who said it would change.");
    assert_eq!(entity_of(&d, "Sajid Javid").unwrap().roles, ["Home Secretary"]);
    // an organisation takes no other role from the line under it
    let d = run("Kellmouth Borough Council\nHead of Planning\n");
    assert!(d.entities.iter().all(|e| e.roles.is_empty()), "{:?}", names(&d));
}

#[test]
fn a_role_in_brackets_and_not_a_name_in_a_list() {
    let text = "Present: Cllr Joan Pennick (Chair), Cllr Ruth Okoro, Cllr Mark Haldane\n\
                In attendance: Ms Lena Dunmore (Town Clerk)\n";
    let d = run(text);
    assert_eq!(entity_of(&d, "Joan Pennick").unwrap().roles, ["Cllr", "Chair"], "{:?}", names(&d));
    // the next name in the list, with its title, is no role of the one before
    assert_eq!(entity_of(&d, "Ruth Okoro").unwrap().roles, ["Cllr"]);
    assert!(entity_of(&d, "Lena Dunmore").unwrap().roles.iter().any(|r| r == "Town Clerk"), "{:?}", names(&d));
    // a name after a preposition is the role's own ("spokesman for Ann Lee"); brackets that
    // hold no role give none
    let d = run("Tom Fenn, a spokesman for Ann Lee, said no. Paul Ryan (R-Wis.) agreed.");
    assert_eq!(entity_of(&d, "Tom Fenn").unwrap().roles, ["spokesman for Ann Lee"]);
    assert!(entity_of(&d, "Paul Ryan").unwrap().roles.is_empty(), "{:?}", names(&d));
}

#[test]
fn a_headline_role_links_to_the_one_person_with_that_role() {
    let text = "HOME SECRETARY TELLS COURT NO ASSURANCES WILL BE SOUGHT\n\n\
                The Home Secretary, Tomas Brekov, wrote to the court on Monday.";
    let d = run(text);
    let head = d.mentions.iter().find(|m| m.span.start == 0).expect("the headline's role is a mention");
    assert_eq!(head.span.of(&d.text), "HOME SECRETARY");
    assert_eq!(head.kind, MentionKind::Nominal);
    assert_eq!(d.entities[head.entity.unwrap()].name, "Tomas Brekov");
    // two people with the role: no link; a bare role that is no verb's subject: no link either
    let d = run("MINISTER SAYS NO\n\nThe minister, Ann Lee, quit. The minister, Joan Ellery, stayed.");
    assert!(d.mentions.iter().all(|m| m.span.start != 0), "{:?}", d.mentions);
    // a role opening a sentence of running text is generic
    let d = run("Petra Halvorsen, the defence lawyer, spoke. Defence lawyer is a lonely job, she added.");
    let later = d.text.find("Defence lawyer is").unwrap();
    assert!(d.mentions.iter().all(|m| m.span.start != later), "{:?}", d.mentions);
    let d = run("Petra Halvorsen, the defence lawyer, arrived. Defence lawyer groups met.");
    let later = d.text.find("Defence lawyer groups").unwrap();
    assert!(d.mentions.iter().all(|m| m.span.start != later), "{:?}", d.mentions);
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
fn a_description_named_right_after_it_is_the_named_person() {
    for text in [
        "Tom Fenn was at the bar. A man called Karl Novak came in. He asked for a drink.",
        "Tom Fenn was at the bar. Then a man I now know to be Karl Novak came in. He asked for a drink.",
    ] {
        let d = run(text);
        let he = d.mentions.iter().find(|m| m.kind == MentionKind::Pronoun).expect("a pronoun");
        assert_eq!(d.entities[he.entity.unwrap()].name, "Karl Novak", "{text}");
        let man = d.mentions.iter().find(|m| m.kind == MentionKind::Nominal).expect("a description");
        assert_eq!(d.entities[man.entity.unwrap()].name, "Karl Novak", "{text}");
    }
    // a name further on is no naming, and "called" may be a verb
    for text in [
        "A man called the police about Karl Novak. He was angry.",
        "The man called Karl Novak a liar. He then left.",
        "A woman called Ann Lee on Tuesday to complain.",
    ] {
        let d = run(text);
        assert!(d.mentions.iter().all(|m| m.kind != MentionKind::Nominal), "{text}: {:?}", d.mentions);
    }
}

#[test]
fn a_person_before_a_role_and_a_name_is_no_subject_and_a_reflexive_takes_the_name_before_it() {
    let pronoun = |d: &Doc, from: &str| {
        let at = d.text.find(from).expect("in text");
        let m = d.mentions.iter().find(|m| m.kind == MentionKind::Pronoun && m.span.start >= at);
        m.and_then(|m| m.entity).map(|e| d.entities[e].name.clone())
    };
    // whose the role is says nothing of who speaks next
    let d = run("Tom Fenn spoke first. Later, Fenn aide Karl Novak spoke. He said nothing new.");
    assert_eq!(pronoun(&d, "He said").as_deref(), Some("Karl Novak"), "{:?}", d.mentions);
    // ... not when the person's gender is unknown
    let d = run("Karl Novak spoke for an hour. Ann Lee thanked Novak herself.");
    assert_ne!(pronoun(&d, "herself").as_deref(), Some("Karl Novak"), "{:?}", d.mentions);
    // "himself" after a name is that person's, however prominent another is
    let d = run("Karl Novak spoke for an hour. Novak said the idea came from Tom Fenn himself.");
    assert_eq!(pronoun(&d, "himself").as_deref(), Some("Tom Fenn"), "{:?}", d.mentions);
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

#[test]
fn a_name_ending_in_an_initial_is_not_canonical() {
    let d = run("Gordon Vasko spoke in Tallin. Later, Gordon V. told reporters he was sure.");
    let later = d.text.find("Gordon V.").unwrap();
    if let Some(e) = entity_at(&d, "Gordon", later) {
        assert_eq!(e.name, "Gordon Vasko", "{:?}", names(&d));
    }
    assert!(!d.entities.iter().any(|e| e.name == "Gordon V."), "{:?}", names(&d));
}

#[test]
fn each_cluster_keeps_the_starts_and_gender_of_its_mentions() {
    // unions of every kind: identical names, short forms, honorifics, a defined nickname, an
    // acronym, and mentions added by the linker itself
    let text = "Ms Nadia Okafor, known as \"the Anchor\", met Bruno Lind of the Northern Coal Board (NCB). \
        Okafor spoke first. Mr Lind of the NCB answered, and the Anchor smiled. Nadia Okafor left; \
        Lind stayed with the Northern Coal Board. Later Ms Okafor and Mr. Bruno Lind met again.";
    let mut doc = Doc::new("t", text);
    crate::Segmenter.process(&mut doc);
    crate::ner::NerTagger::embedded().process(&mut doc);
    let v = super::View::new(&doc);
    let in_quote = vec![false; doc.tokens.len()];
    let men = super::initial(&v, &doc.mentions);
    let mut cx = super::Ctx::new(v, men, in_quote);
    super::cluster::cluster(&mut cx);
    let mut joined = 0;
    for r in 0..cx.men.len() {
        if cx.find(r) != r {
            joined += 1;
            continue;
        }
        let members: Vec<usize> = (0..cx.men.len()).filter(|&m| cx.find(m) == r && cx.men[m].linkable).collect();
        let mut starts: Vec<usize> = members.iter().map(|&m| cx.men[m].span.start).collect();
        starts.sort_unstable();
        let gender = members.iter().find(|&&m| cx.men[m].gender != super::Gender::Any).map(|&m| (m, cx.men[m].gender));
        assert_eq!(cx.groups[r].starts, starts, "cluster of {r}");
        assert_eq!(cx.groups[r].gender, gender, "cluster of {r}");
    }
    assert!(joined >= 5, "only {joined} mentions joined a cluster");
}

#[test]
fn joined_groups_stay_sorted_and_keep_the_first_gender() {
    use super::{Gender, Group};
    let g = |starts: Vec<usize>, gender: Option<(usize, Gender)>| Group { starts, gender };
    // a few into many (inserted), and many into many (merged)
    for (a, b) in [
        (vec![5, 500, 7], (0..40).map(|k| k * 13).collect::<Vec<_>>()),
        ((0..20).map(|k| k * 7 + 1).collect(), (0..30).map(|k| k * 5).collect()),
    ] {
        let mut want: Vec<usize> = a.iter().chain(&b).copied().collect();
        want.sort_unstable();
        let (mut a, b) = (a, b);
        a.sort_unstable();
        let mut x = g(a, Some((9, Gender::Female)));
        x.join(g(b, Some((4, Gender::Male))));
        assert_eq!(x.starts, want);
        assert_eq!(x.gender, Some((4, Gender::Male)));
    }
    let mut x = g(vec![1], None);
    x.join(g(vec![0], Some((3, Gender::Female))));
    assert_eq!((x.starts, x.gender), (vec![0, 1], Some((3, Gender::Female))));
}

#[test]
fn a_name_after_an_honorific_is_a_person_whatever_its_tagged_type() {
    // the tagger's types, set by hand: a surname after "Ms" read as another kind of name
    let text = "Home Secretary Miriam Lund wrote first. In the letter, Ms Lund writes: no. Dr Orvel replied.";
    let mut doc = Doc::new("t", text);
    crate::Segmenter.process(&mut doc);
    for (words, ty) in [("Miriam Lund", EntityType::Person), ("Lund", EntityType::Misc), ("Orvel", EntityType::Org)] {
        let at = text.rfind(words).unwrap();
        doc.mentions.push(Mention { span: Span::new(at, at + words.len()), ty, entity: None, kind: MentionKind::Name });
    }
    doc.mentions.sort_by_key(|m| m.span.start);
    super::EntityLinker.process(&mut doc);
    let lund = entity_at(&doc, "Lund", text.find("Ms Lund").unwrap()).expect("linked");
    assert_eq!(lund.name, "Miriam Lund");
    assert!(lund.aliases.iter().any(|a| a == "Ms Lund"), "{:?}", names(&doc));
    assert_eq!(entity_of(&doc, "Orvel").map(|e| e.ty), Some(EntityType::Person), "{:?}", names(&doc));
}

#[test]
fn a_surname_read_once_as_a_place_joins_the_person_its_other_mentions_name() {
    // the tagger's types, set by hand: one of three "Varn" read as a place
    let text = "Ilse Varn ran the cell. Varn gave the orders. Varn's men obeyed. A witness spoke of Varn. \
                Marta Kellin lives in Kellin.";
    let mut doc = Doc::new("t", text);
    crate::Segmenter.process(&mut doc);
    let mut tag = |at: usize, words: &str, ty| {
        doc.mentions.push(Mention { span: Span::new(at, at + words.len()), ty, entity: None, kind: MentionKind::Name });
    };
    tag(0, "Ilse Varn", EntityType::Person);
    for (k, (at, _)) in text.match_indices("Varn").skip(1).enumerate() {
        tag(at, "Varn", if k == 2 { EntityType::Loc } else { EntityType::Person });
    }
    tag(text.find("Marta Kellin").unwrap(), "Marta Kellin", EntityType::Person);
    tag(text.rfind("Kellin").unwrap(), "Kellin", EntityType::Loc);
    doc.mentions.sort_by_key(|m| m.span.start);
    super::EntityLinker.process(&mut doc);
    let spoken_of = entity_at(&doc, "Varn", text.find("of Varn").unwrap()).expect("linked");
    assert_eq!(spoken_of.name, "Ilse Varn", "{:?}", names(&doc));
    // a place named only as a place keeps its own entity
    let place = entity_at(&doc, "Kellin", text.rfind("Kellin").unwrap()).expect("linked");
    assert_eq!((place.name.as_str(), place.ty), ("Kellin", EntityType::Loc), "{:?}", names(&doc));
}

#[test]
fn short_forms_of_organisations_join_them() {
    // a company by its first words, even before it is named in full and against a later
    // person of that surname
    let d = run("Harwick sales rise by a tenth\n\nHarwick Instruments plc said sales rose. Harwick will hold a call. \
                 Harwick Instruments was founded in 1978 by engineer Walter Harwick.");
    let company = entity_of(&d, "Harwick Instruments plc").expect("linked");
    assert_eq!(company.ty, EntityType::Org, "{:?}", names(&d));
    for from in ["Harwick sales", "Harwick will", "Harwick Instruments was"] {
        let at = d.text.find(from).unwrap();
        assert_eq!(entity_at(&d, "Harwick", at).map(|e| e.name.as_str()), Some(company.name.as_str()), "{from}");
    }
    assert_eq!(entity_of(&d, "Walter Harwick").map(|e| e.ty), Some(EntityType::Person));
    // a person of that surname named first keeps it
    let d = run("Walter Harwick founded a firm. Shares in Harwick Instruments plc rose. Later Harwick told reporters.");
    assert!(entity_of(&d, "Harwick Instruments plc").is_some_and(|e| e.ty == EntityType::Org), "{:?}", names(&d));
    let at = d.text.find("Harwick told").unwrap();
    assert_eq!(entity_at(&d, "Harwick", at).map(|e| e.name.as_str()), Some("Walter Harwick"), "{:?}", names(&d));
    // any organisation by its last word, when that is no common word and stood not alone before
    let d = run("Castlebury Rovers won on Saturday. Rovers travel to Ostmere next.");
    let at = d.text.find("Rovers travel").unwrap();
    assert_eq!(entity_at(&d, "Rovers", at).map(|e| e.name.as_str()), Some("Castlebury Rovers"), "{:?}", names(&d));
    let d = run("The Ostmere County Council met on Monday. Later the Council agreed.");
    let at = d.text.find("Council agreed").unwrap();
    assert!(entity_at(&d, "Council", at).is_some(), "the tagger should find the lone Council: {:?}", names(&d));
    assert_ne!(entity_at(&d, "Council", at).map(|e| e.name.as_str()), Some("Ostmere County Council"));
    // nor one that stood alone before the longer name
    let d = run("Castlebury won. The Ostmere Castlebury lost. Castlebury then won again.");
    let at = d.text.find("Castlebury then").unwrap();
    if let Some(longer) = entity_of(&d, "Ostmere Castlebury").filter(|e| e.ty == EntityType::Org) {
        assert_ne!(entity_at(&d, "Castlebury", at).map(|e| e.name.as_str()), Some(longer.name.as_str()));
    }
}

#[test]
fn an_organisations_first_words_are_its_short_name_also_where_read_as_a_place() {
    let d = run("Norvale Systems agreed to buy Brightwater Analytics, a data firm. \
                 \"Brightwater has built a fine team,\" said Ann Lee. Brightwater employs 260 people. \
                 Thistle Road Services won the contract. Later Thistle Road did not respond.");
    let firm = entity_of(&d, "Brightwater Analytics").expect("linked");
    assert_eq!(firm.ty, EntityType::Org, "{:?}", names(&d));
    for from in ["Brightwater has", "Brightwater employs"] {
        let at = d.text.find(from).unwrap();
        assert_eq!(entity_at(&d, "Brightwater", at).map(|e| e.name.as_str()), Some(firm.name.as_str()), "{from}");
    }
    let at = d.text.find("Thistle Road did").unwrap();
    let services = entity_at(&d, "Thistle Road", at).expect("linked");
    assert_eq!((services.name.as_str(), services.ty), ("Thistle Road Services", EntityType::Org), "{:?}", names(&d));
    // a name the text also writes as a place stays a place where the tagger read it so
    let d = run("Brightwater Analytics moved its office to Brightwater. Rents in Brightwater have doubled.");
    assert_eq!(entity_of(&d, "Brightwater Analytics").map(|e| e.ty), Some(EntityType::Org), "{:?}", names(&d));
    // a place the lexicons know, the place of a public body, a place after a preposition of
    // place, and the words of two organisations keep their own entity
    for (text, short, long) in [
        ("Boston Scientific cut jobs. Boston has a new mayor.", "Boston has", "Boston Scientific"),
        ("Kellmore County Council met. Kellmore has a new mayor.", "Kellmore has", "Kellmore County Council"),
        (
            "Brightwater Analytics moved its office to a park in Brightwater last year.",
            "Brightwater last",
            "Brightwater Analytics",
        ),
        (
            "Oakhurst Building Society made a profit. Oakhurst, the Surrey town where it began, cheered.",
            "Oakhurst,",
            "Oakhurst Building Society",
        ),
        (
            "Brightwater Analytics hired staff. Brightwater is a small town on the coast.",
            "Brightwater is",
            "Brightwater Analytics",
        ),
        ("Ardenport Tigers won on Saturday. The mayor of Ardenport came.", "Ardenport came", "Ardenport Tigers"),
        (
            "Police closed Mercer Street Bakery. Mercer Street was shut until noon.",
            "Mercer Street was",
            "Mercer Street Bakery",
        ),
        ("Kellmore Echo and Kellmore Tools merged. Kellmore has a new mayor.", "Kellmore has", "Kellmore Echo"),
    ] {
        let d = run(text);
        let at = d.text.find(short).unwrap();
        let word = short.split(' ').next().unwrap();
        let (s, l) = (entity_at(&d, word, at).map(|e| &e.name), entity_of(&d, long).map(|e| &e.name));
        assert!(l.is_some() && s != l, "{text}: {:?}", names(&d));
    }
}

#[test]
fn a_birth_name_is_an_alias_of_the_person() {
    let text = "Marguerite Ollander, who founded the Tessaly Players, died on Tuesday. She was 87.\n\n\
                Born Marguerite Ann Feld in Halvering in 1938, she left school at 15.";
    let d = run(text);
    let e = entity_of(&d, "Marguerite Ollander").unwrap();
    assert_eq!(e.name, "Marguerite Ollander");
    assert!(e.aliases.iter().any(|a| a == "Marguerite Ann Feld"), "{:?}", names(&d));
    // the pronoun after the birth name is hers
    let she = text.find("she left").unwrap();
    assert_eq!(entity_at(&d, "she", she).map(|e| e.name.as_str()), Some("Marguerite Ollander"));
    let d = run("Jane Lind (née Jane Kask) ran the shop. Anna Berg, born Anna Holm in 1950, taught music.");
    assert!(entity_of(&d, "Jane Lind").unwrap().aliases.iter().any(|a| a == "Jane Kask"), "{:?}", names(&d));
    assert!(entity_of(&d, "Anna Berg").unwrap().aliases.iter().any(|a| a == "Anna Holm"), "{:?}", names(&d));
    // another first name, or a birthplace, is no birth name of the person before
    let d = run("Peter Ash spoke first. Born Paul Ash in 1960, he later moved. Tom Fenn, born in Kell, agreed.");
    assert!(entity_of(&d, "Peter Ash").unwrap().aliases.is_empty(), "{:?}", names(&d));
    assert!(entity_of(&d, "Paul Ash").is_some(), "{:?}", names(&d));
    assert!(entity_of(&d, "Tom Fenn").unwrap().aliases.is_empty(), "{:?}", names(&d));
    // a name with the person's surname is a relative ("Born Donald Trump Jr."), not a birth name
    let d = run("Tom Varga spoke first. Born Tom Varga Jr. in 1977, he later ran the firm.");
    assert!(entity_of(&d, "Tom Varga").unwrap().aliases.iter().all(|a| !a.contains("Jr")), "{:?}", names(&d));
    // a text that opens with the bracket does not break it
    let d = run("(née Jane Kask) ran the shop.");
    assert!(d.entities.iter().all(|e| e.aliases.is_empty()), "{:?}", names(&d));
}

#[test]
fn given_names_of_the_census_lists_tell_a_gender() {
    // neither name is on the linker's short list; the census lists of the NER lexicon tell
    let d = run("Cornelius Ellery met Wilhelmina Ellery in Dunmore. Mrs. Ellery said the trip was long.");
    let mrs = d.text.find("Mrs. Ellery").unwrap() + 5;
    assert_eq!(entity_at(&d, "Ellery", mrs).map(|e| e.name.as_str()), Some("Wilhelmina Ellery"), "{:?}", names(&d));
    let d = run(
        "Esmeralda Voss was born in Tromsvik. After a decade in the office of the modernist Ambrose Holt, she set up her own practice.",
    );
    let she = d.text.find("she set").unwrap();
    assert_eq!(entity_at(&d, "she", she).map(|e| e.name.as_str()), Some("Esmeralda Voss"), "{:?}", names(&d));
    // a surname alone tells nothing, though the census lists hold it as a given name
    let d = run("Harris arrived in Oslo on Monday. She said she would meet the prime minister.");
    let she = d.text.find("She said").unwrap();
    assert_eq!(entity_at(&d, "She", she).map(|e| e.name.as_str()), Some("Harris"), "{:?}", names(&d));
}

#[test]
fn a_role_before_the_name_with_lowercase_words_or_an_object() {
    assert_roles(&[
        ("The company's operations director, Neil Whitcombe, said it.", "Neil Whitcombe", "operations director"),
        ("A spokesman for the agency, Tomas Lindgren, said it.", "Tomas Lindgren", "spokesman for the agency"),
        ("The head of planning, Martin Oyelaran, said it.", "Martin Oyelaran", "head of planning"),
    ]);
    // not a phrase that a preposition or a verb begins before the name's clause
    for text in [
        "In his assessment of the brash chairman, Ann Lee saw weakness.",
        "If she wants to be the next president, Ann Lee should act.",
        "Against the brash chairman, Ann Lee saw no chance.",
    ] {
        let d = run(text);
        assert!(entity_of(&d, "Ann Lee").unwrap().roles.is_empty(), "{text}: {:?}", entity_of(&d, "Ann Lee"));
    }
}

#[test]
fn an_apposition_through_a_nouns_possessive_and_a_current_office() {
    assert_roles(&[
        (
            "“It is over,” said Amara Osei, the foundation's research director.",
            "Amara Osei",
            "foundation's research director",
        ),
        (
            "Chris Harlan, chief of the division's voting section, spoke.",
            "Chris Harlan",
            "chief of the division's voting section",
        ),
        (
            "Tomasz Wielgosz, currently Chief Financial Officer, will succeed her.",
            "Tomasz Wielgosz",
            "Chief Financial Officer",
        ),
        ("Jon Pell, now chief of staff, agreed.", "Jon Pell", "chief of staff"),
    ]);
    // not through another person's name after the possessive
    let d = run("Attendees included Tom Berg, head of the agency's climate unit Eva Lind, and Jon Holm.");
    let e = entity_of(&d, "Tom Berg").unwrap();
    assert!(e.roles.iter().all(|r| !r.contains("Eva Lind")), "{:?}", e.roles);
}

#[test]
fn a_quoted_title_and_a_place_written_the_same_are_two_entities() {
    let d = run("Shakira recorded the song \"Colombia\" for the World Cup. She later flew back to Colombia to rest.");
    let title = entity_of(&d, "Colombia").expect("the title is an entity");
    let place = entity_at(&d, "Colombia to rest", 0).expect("the place is an entity");
    assert_eq!((title.ty, place.ty), (EntityType::Misc, EntityType::Loc));
    // the same title quoted twice is one
    let d = run("The song \"Colombia\" sold well. Fans sang the song \"Colombia\" all night.");
    let (first, second) = (entity_of(&d, "Colombia").unwrap(), entity_at(&d, "Colombia\" all", 0).unwrap());
    assert!(std::ptr::eq(first, second) && first.ty == EntityType::Misc);
    // with the tagger's names given: a name between a quotation's two parts is in none, and a
    // MISC name outside quotation marks is the title's
    let linked = |text: &str, found: &[(usize, EntityType)]| {
        let mut doc = Doc::new("t", text);
        crate::Segmenter.process(&mut doc);
        for (k, (at, _)) in text.match_indices("Obama").enumerate() {
            let ty = found.iter().find(|f| f.0 == k).map_or(EntityType::Person, |f| f.1);
            doc.mentions.push(Mention { span: Span::new(at, at + 5), ty, entity: None, kind: MentionKind::Name });
        }
        super::EntityLinker.process(&mut doc);
        let entities: Vec<Option<usize>> = doc.mentions.iter().map(|m| m.entity).collect();
        entities
    };
    let text = "Obama spoke on Monday. \"Instead of reassuring Americans,\" Obama \"opted for a takedown.\"";
    let entities = linked(text, &[(1, EntityType::Misc)]);
    assert_eq!(entities[0], entities[1]);
    let text = "The film \"Obama\" opened. Obama drew crowds.";
    let entities = linked(text, &[(0, EntityType::Misc), (1, EntityType::Misc)]);
    assert_eq!(entities[0], entities[1]);
}

#[test]
fn an_honorific_makes_a_person_but_not_of_a_quoted_title() {
    // the tagger's names given by hand: an honorific opening a MISC name makes it a person, but
    // not one that fills a quotation (a song, a show)
    let linked = |text: &str, name: &str| {
        let mut doc = Doc::new("t", text);
        crate::Segmenter.process(&mut doc);
        let at = text.find(name).unwrap();
        doc.mentions.push(Mention {
            span: Span::new(at, at + name.len()),
            ty: EntityType::Misc,
            entity: None,
            kind: MentionKind::Name,
        });
        super::EntityLinker.process(&mut doc);
        doc.mentions.iter().find(|m| m.kind == MentionKind::Name).map(|m| (m.span.of(text).to_string(), m.ty))
    };
    let title = linked("The band lost to \"Miss Murder\" at the awards.", "Miss Murder");
    assert_eq!(title, Some(("Miss Murder".to_string(), EntityType::Misc)));
    let person = linked("The band lost to Miss Halloran at the awards.", "Miss Halloran");
    assert_eq!(person.map(|p| p.1), Some(EntityType::Person));
    // a name after the honorific is a person's, quoted or not
    let addressed = linked("The letter was addressed to \"Miss Vance\" in Selby.", "Miss Vance");
    assert_eq!(addressed.map(|p| p.1), Some(EntityType::Person));
}

#[test]
fn a_name_with_a_capitalized_the_is_the_name_without_it() {
    // the tagger's names given by hand, so the test is of the linker alone
    let text = "Vell Ardane told The Kessarine Courier on Monday. The Kessarine Courier printed it. \
                Later the Kessarine Courier and Kessarine Courier staff met.";
    let mut doc = Doc::new("t", text);
    crate::Segmenter.process(&mut doc);
    for (name, ty) in [("The Kessarine Courier on", EntityType::Org), ("Kessarine Courier printed", EntityType::Org)]
        .into_iter()
        .chain([("Kessarine Courier and", EntityType::Org), ("Kessarine Courier staff", EntityType::Org)])
    {
        let at = text.find(name).unwrap();
        let end = at + name.rfind(' ').unwrap();
        doc.mentions.push(Mention { span: Span::new(at, end), ty, entity: None, kind: MentionKind::Name });
    }
    super::EntityLinker.process(&mut doc);
    let entity = |at: usize| doc.mentions.iter().find(|m| m.span.start == at).and_then(|m| m.entity);
    let first = entity(text.find("The Kessarine").unwrap());
    assert!(first.is_some());
    for name in ["Kessarine Courier printed", "Kessarine Courier and", "Kessarine Courier staff"] {
        assert_eq!(entity(text.find(name).unwrap()), first, "{name}");
    }
    // an organisation's name of two words shortens a longer one without its "The"
    let text = "Vell Street Journal reporter Ana Berg said The Journal would appeal.";
    let mut doc = Doc::new("t", text);
    crate::Segmenter.process(&mut doc);
    for name in ["Vell Street Journal", "The Journal"] {
        let at = text.find(name).unwrap();
        let span = Span::new(at, at + name.len());
        doc.mentions.push(Mention { span, ty: EntityType::Org, entity: None, kind: MentionKind::Name });
    }
    super::EntityLinker.process(&mut doc);
    let entity = |name: &str| doc.mentions.iter().find(|m| m.span.of(text) == name).and_then(|m| m.entity);
    assert_eq!(entity("Vell Street Journal"), entity("The Journal"));
    // a name of two words keeps its "The": its word is no surname of a person
    let text = "Anita Vell spoke on Monday. She told The Vell on Tuesday.";
    let mut doc = Doc::new("t", text);
    crate::Segmenter.process(&mut doc);
    for (at, len, ty) in [(0, 10, EntityType::Person), (text.find("The Vell").unwrap(), 8, EntityType::Org)] {
        let span = Span::new(at, at + len);
        doc.mentions.push(Mention { span, ty, entity: None, kind: MentionKind::Name });
    }
    super::EntityLinker.process(&mut doc);
    let entity = |name: &str| doc.mentions.iter().find(|m| m.span.of(text) == name).and_then(|m| m.entity);
    assert_ne!(entity("Anita Vell"), entity("The Vell"));
}

#[test]
fn a_units_number_after_the_is_the_unit() {
    let text = "The 65th Air Division was formed in 1943. The 65th moved to Vellmark. Its 65th pilot \
                flew in the 65th minute, and the 65th was disbanded. Vellmark's 65th was proud of the 65th. \
                The 12th Fleet and the 12th sailed. The 65th Fighter Wing flew. At the 2nd Battle of Ardo the \
                2nd was routed. The 20th Century Fund and the 20th was. On the 12th, the 12th of June and the \
                12th and 13th, we went.";
    let mut doc = Doc::new("t", text);
    crate::Segmenter.process(&mut doc);
    let names = [("65th Air Division", EntityType::Org), ("12th Fleet", EntityType::Org)];
    let more = [
        ("65th Fighter Wing", EntityType::Org),
        ("2nd Battle of Ardo", EntityType::Misc),
        ("20th Century Fund", EntityType::Org),
    ];
    for (name, ty) in names.into_iter().chain(more) {
        let at = text.find(name).unwrap();
        let span = Span::new(at, at + name.len());
        doc.mentions.push(Mention { span, ty, entity: None, kind: MentionKind::Name });
    }
    super::EntityLinker.process(&mut doc);
    let unit = doc.mentions.iter().find(|m| m.span.of(text) == "65th Air Division").and_then(|m| m.entity);
    let aliases: Vec<(&str, usize)> = doc
        .mentions
        .iter()
        .filter(|m| m.kind == MentionKind::Alias && m.entity == unit)
        .map(|m| (m.span.of(text), m.span.start))
        .collect();
    let at = |s: &str| text.find(s).unwrap();
    assert_eq!(aliases, [("65th", at("65th moved")), ("65th", at("65th was d")), ("65th", at("65th. "))]);
    // another unit's number is its own
    let fleet = doc.mentions.iter().find(|m| m.span.of(text) == "12th Fleet").and_then(|m| m.entity);
    assert!(doc.mentions.iter().any(|m| m.entity == fleet && m.span.start == at("12th sailed")));
    // a second unit of the same number stays another entity; a battle's number is no unit's
    let wing = doc.mentions.iter().find(|m| m.span.of(text) == "65th Fighter Wing").and_then(|m| m.entity);
    assert_ne!(wing, unit);
    assert!(!doc.mentions.iter().any(|m| m.span.start == at("2nd was")));
    // no unit's number: a fund's, a day of the month; nor before the unit is named
    let aliases_from =
        |from: usize| doc.mentions.iter().filter(move |m| m.kind == MentionKind::Alias && m.span.start >= from);
    assert_eq!(aliases_from(at("20th Century")).count(), 0);
    let text = "Reports praised the 2nd. On the 2nd, the 2nd Battalion arrived. The 2nd was tired.";
    let mut doc = Doc::new("t", text);
    crate::Segmenter.process(&mut doc);
    let span = Span::new(text.find("2nd Battalion").unwrap(), text.find(" arrived").unwrap());
    doc.mentions.push(Mention { span, ty: EntityType::Org, entity: None, kind: MentionKind::Name });
    super::EntityLinker.process(&mut doc);
    let aliases: Vec<usize> =
        doc.mentions.iter().filter(|m| m.kind == MentionKind::Alias).map(|m| m.span.start).collect();
    assert_eq!(aliases, [text.find("2nd was").unwrap()]);
}

/// The linker's output for `text` with the tagger's names given: (words, type) in text order,
/// each at the next occurrence of its words.
fn linked_names(text: &str, found: &[(&str, EntityType)]) -> Doc {
    let mut doc = Doc::new("t", text);
    crate::Segmenter.process(&mut doc);
    let mut from = 0;
    for &(words, ty) in found {
        let at = text[from..].find(words).expect("the words are in the text") + from;
        let span = Span::new(at, at + words.len());
        doc.mentions.push(Mention { span, ty, entity: None, kind: MentionKind::Name });
        from = at + words.len();
    }
    super::EntityLinker.process(&mut doc);
    doc
}

#[test]
fn a_towns_team_and_the_town_are_two_entities() {
    // each occurrence of `word` with its type, in order
    let linked = |text: &str, word: &str, types: &[EntityType]| {
        let found: Vec<(&str, EntityType)> = types.iter().map(|&ty| (word, ty)).collect();
        linked_names(text, &found)
    };
    let (org, loc) = (EntityType::Org, EntityType::Loc);
    let text = "Cincinnati beat the visitors 5-3. Cincinnati scored twice. The game in Cincinnati drew fans.";
    let d = linked(text, "Cincinnati", &[org, org, loc]);
    let ents: Vec<Option<usize>> = d.mentions.iter().map(|m| m.entity).collect();
    assert!(ents[0] == ents[1] && ents[1] != ents[2], "{ents:?}");
    let types: Vec<EntityType> = d.mentions.iter().map(|m| m.ty).collect();
    assert_eq!(types, [org, org, loc]);
    // a standings table keeps its teams, whatever the town's mentions elsewhere
    let text = "Seattle 70 64 .522\nHotels in Seattle were full. Seattle is wet. Seattle is big.";
    let d = linked(text, "Seattle", &[org, loc, loc, loc]);
    assert_eq!(d.mentions[0].ty, org);
    // not without scores or a table: a town's organisation is then its council, the place
    let text = "Boston officials said the snow had cost $20 million. Boston has had 90 inches. Roads in Boston closed.";
    let d = linked(text, "Boston", &[org, org, loc]);
    assert!(d.mentions.iter().all(|m| m.entity == d.mentions[0].entity && m.ty == org));
    // a name no lexicon knows as a town, and a country, are still one entity of one type
    let text = "Kellmouth beat the visitors. Kellmouth scored twice. The game in Kellmouth drew fans.";
    let d = linked(text, "Kellmouth", &[org, org, loc]);
    assert!(d.mentions.iter().all(|m| m.entity == d.mentions[0].entity && m.ty == org));
    let text = "Germany said no. Troops left Germany. Germany is big.";
    let d = linked(text, "Germany", &[org, loc, loc]);
    assert!(d.mentions.iter().all(|m| m.entity == d.mentions[0].entity && m.ty == loc));
}

#[test]
fn a_name_defined_as_a_company_is_not_its_founder() {
    let (per, org) = (EntityType::Person, EntityType::Org);
    let found = [("Marbeck", per), ("Ole Marbeck", per), ("Marbeck", per)];
    let text = "Marbeck is a Norwegian manufacturer of skis. It was founded by Ole Marbeck in 1921. Marbeck opened a \
                second factory in 1950.";
    let d = linked_names(text, &found);
    let (m, ole) = (&d.mentions, d.mentions[1].entity);
    assert!(m[0].ty == org && m[2].ty == org && m[0].entity == m[2].entity && m[0].entity != ole, "{m:?}");
    assert_eq!(m[1].ty, per);
    // where the words around it make it a person, it is: a family, a person's verb, his or her
    // before any other person's name
    let text = "Marbeck is a Norwegian manufacturer of skis. Marbeck was founded by Ole Marbeck and his brother. \
                The Marbeck family sold it. Marbeck died in 1950. Marbeck said that he was tired.";
    let mut many = vec![("Marbeck", per); 6];
    many[2] = ("Ole Marbeck", per);
    let d = linked_names(text, &many);
    let m = &d.mentions;
    let ole = m.iter().find(|x| &text[x.span.start..x.span.end] == "Ole Marbeck").and_then(|x| x.entity);
    let marbeck: Vec<&Mention> = m.iter().filter(|x| &text[x.span.start..x.span.end] == "Marbeck").collect();
    assert!(marbeck[..2].iter().all(|x| x.ty == org && x.entity != ole), "{m:?}");
    assert!(marbeck[2..].iter().all(|x| x.ty == per && x.entity == ole), "{m:?}");
    // without the definition, or defined as a person, the one word is the founder's surname
    for text in [
        "Marbeck makes skis. It was founded by Ole Marbeck in 1921. Marbeck opened a second factory in 1950.",
        "Marbeck is a Norwegian skier. He is the son of Ole Marbeck, a farmer. Marbeck won in 1950.",
    ] {
        let d = linked_names(text, &found);
        assert!(d.mentions.iter().all(|x| x.ty == per && x.entity == d.mentions[1].entity), "{text}: {:?}", d.mentions);
    }
}

#[test]
fn a_place_read_where_a_person_of_that_surname_was_named_is_the_person() {
    let linked = linked_names;
    let (per, loc) = (EntityType::Person, EntityType::Loc);
    let text = "Finalist Malik Washington lost on Thursday. The seeded Washington fell short, Washington said.";
    let d = linked(text, &[("Malik Washington", per), ("Washington", loc), ("Washington", loc)]);
    assert!(d.mentions.iter().all(|m| m.ty == per && m.entity == d.mentions[0].entity), "{:?}", d.mentions);
    // not where the text writes the name as a place, nor before the person is named
    let text = "Ruth Danvers was born in Danvers. Danvers has 27,000 people.";
    let d = linked(text, &[("Ruth Danvers", per), ("Danvers", loc), ("Danvers", loc)]);
    assert!(d.mentions[1..].iter().all(|m| m.ty == loc), "{:?}", d.mentions);
    let text = "Kellworth is quiet today. Later, Ann Kellworth spoke.";
    let d = linked(text, &[("Kellworth", loc), ("Ann Kellworth", per)]);
    assert_eq!(d.mentions[0].ty, loc);
    // nor where the text uses it as a place by wider signs: after "to", after a preposition and
    // a direction, before a comma and a place, a possessive before a government's noun, beside
    // "and" and a place
    let cases: &[(&str, &[(&str, EntityType)])] = &[
        (
            "Rep. Steve Israel spoke. Later he flew to Israel. Israel is hot.",
            &[("Steve Israel", per), ("Israel", loc), ("Israel", loc)],
        ),
        (
            "Rep. Jim Jordan spoke. Jordan met refugees in northern Jordan.",
            &[("Jim Jordan", per), ("Jordan", loc), ("Jordan", loc)],
        ),
        (
            "Abe Lincoln was born poor. Lincoln, Nebraska, was named after him.",
            &[("Abe Lincoln", per), ("Lincoln", loc), ("Nebraska", loc)],
        ),
        ("Rep. Jim Jordan spoke. Jordan's government said no.", &[("Jim Jordan", per), ("Jordan", loc)]),
        (
            "Gov. Ann Beijing spoke. Washington and Beijing traded accusations.",
            &[("Ann Beijing", per), ("Washington", loc), ("Beijing", loc)],
        ),
        (
            "Gov. Ann Beijing spoke. Beijing and Moscow traded accusations.",
            &[("Ann Beijing", per), ("Beijing", loc), ("Moscow", loc)],
        ),
    ];
    for &(text, found) in cases {
        let d = linked(text, found);
        // (every mention of the place's word, the name's and any alias the linker made of it)
        let place = if text.contains("Washington") { "Beijing" } else { found[1].0 };
        let places: Vec<&Mention> = d.mentions.iter().filter(|m| &text[m.span.start..m.span.end] == place).collect();
        assert!(!places.is_empty() && places.iter().all(|m| m.ty == loc), "{text}: {:?}", d.mentions);
    }
    // and the other way: a name read as a place where the text puts it is the place, however
    // often it was read as a person; not after "at", a workplace as often
    let text = "Harrison had a freight house. Trains stopped in Harrison daily. Harrison grew fast.";
    let d = linked(text, &[("Harrison", per), ("Harrison", loc), ("Harrison", per)]);
    assert!(d.mentions.iter().all(|m| m.ty == loc && m.entity == d.mentions[0].entity), "{:?}", d.mentions);
    let text = "Fenwick made it an issue. She was a producer at Fenwick. Fenwick denied it.";
    let d = linked(text, &[("Fenwick", per), ("Fenwick", loc), ("Fenwick", per)]);
    assert!(d.mentions.iter().all(|m| m.ty == per), "{:?}", d.mentions);
    // nor a possessive, whose preposition is its noun's
    let text = "Fenwick signed it. In Fenwick's cabinet, doubts grew. Fenwick said so.";
    let d = linked(text, &[("Fenwick", per), ("Fenwick", loc), ("Fenwick", per)]);
    assert!(d.mentions.iter().all(|m| m.ty == per), "{:?}", d.mentions);
}

#[test]
fn a_name_read_as_a_person_that_the_text_uses_as_a_place_is_the_place() {
    let (per, loc) = (EntityType::Person, EntityType::Loc);
    // twice a place by the words around it, never a person: a place
    let text = "The line ran from Tarrowby to Kell Junction. Trains left Tarrowby at noon. The spur served \
                Kell Junction and Tarrowby.";
    let found =
        [("Tarrowby", per), ("Kell Junction", loc), ("Tarrowby", per), ("Kell Junction", loc), ("Tarrowby", per)];
    let d = linked_names(text, &found);
    let tarrowby: Vec<&Mention> = d.mentions.iter().filter(|m| m.span.of(text) == "Tarrowby").collect();
    assert!(tarrowby.iter().all(|m| m.ty == loc), "{:?}", d.mentions);
    let text = "The prison in Mabley is new. It lies south of the town of Mabley, Florida.";
    let d = linked_names(text, &[("Mabley", per), ("Mabley", per), ("Florida", loc)]);
    assert!(d.mentions[..2].iter().all(|m| m.ty == loc), "{:?}", d.mentions);
    // not once only, nor by "to", "from" or "of" alone, nor by "in" and a place beside it alone
    // (a person's name takes both: "trust in Walsh", "Paris and Walsh"), nor where one mention is
    // a person's: a verb of speech or in the past after it, a possessive
    for (text, found) in [
        ("The prison in Mabley is new. Mabley was quiet.", &[("Mabley", per), ("Mabley", per)][..]),
        ("They waved the flag of surrender to Tarrowby. Voters flocked to Tarrowby.", &[("Tarrowby", per); 2]),
        ("There is trust in Mabley. The club invested in Mabley. Mabley and Florida wait.", &[("Mabley", per); 3]),
        ("The prison in Mabley is new. Mabley, Florida, was quiet, Mabley said.", &[("Mabley", per); 3]),
        ("The prison in Mabley is new. Mabley, Florida, was quiet. Mabley scored.", &[("Mabley", per); 3]),
        ("The prison in Mabley is new. Mabley, Florida, was quiet. Mabley's aides left.", &[("Mabley", per); 3]),
    ] {
        let d = linked_names(text, found);
        assert!(d.mentions.iter().all(|m| m.ty == per), "{text}: {:?}", d.mentions);
    }
}

#[test]
fn a_name_after_a_noun_of_a_body_makes_its_entity_an_organisation() {
    let (per, org) = (EntityType::Person, EntityType::Org);
    let text = "Dane Wessel led the band Gigo. Gigo released six albums. Since 2001, Gigo has toured Asia.";
    let d = linked_names(text, &[("Dane Wessel", per), ("Gigo", org), ("Gigo", per), ("Gigo", per)]);
    let gigo: Vec<&Mention> = d.mentions.iter().filter(|m| m.span.of(text) == "Gigo").collect();
    assert!(gigo.iter().all(|m| m.ty == org && m.entity == gigo[0].entity), "{:?}", d.mentions);
    // a clause about a person after the noun leaves the person's mentions joined
    let text = "Marco Vell spoke. One label Vell resists is moderate. Vell said so.";
    let d = linked_names(text, &[("Marco Vell", per), ("Vell", per), ("Vell", per)]);
    assert!(d.mentions.iter().all(|m| m.ty == per && m.entity == d.mentions[0].entity), "{:?}", d.mentions);
}

#[test]
fn an_entity_takes_its_type_from_its_names_not_from_the_short_forms_that_stand_for_them() {
    // the tagger reads a bare acronym as an organisation; the law's written name says what it is
    let d = run("The Kellish Records Retention Act (KRRA) passed in May. Critics said the KRRA was weak. \
         The KRRA takes effect in June. Lawyers for Vell Mining studied the KRRA closely, and the KRRA may change.");
    let e = entity_of(&d, "Kellish Records Retention Act").expect("linked");
    assert!(e.aliases.iter().any(|a| a == "KRRA"), "{:?}", names(&d));
    assert_eq!(e.ty, EntityType::Misc, "{:?}", d.mentions);
}

#[test]
fn a_name_read_once_as_a_person_and_mostly_as_something_else_is_the_something_else() {
    // the tagger's types, set by hand: a game's name read as a person once in four
    let typed = |text: &str, words: &str, person_at: usize| {
        let mut doc = Doc::new("t", text);
        crate::Segmenter.process(&mut doc);
        for (k, (at, _)) in text.match_indices(words).enumerate() {
            let ty = if k == person_at { EntityType::Person } else { EntityType::Misc };
            doc.mentions.push(Mention {
                span: Span::new(at, at + words.len()),
                ty,
                entity: None,
                kind: MentionKind::Name,
            });
        }
        super::EntityLinker.process(&mut doc);
        entity_of(&doc, words).map(|e| e.ty)
    };
    let text = "Vell Draw is drawn on Tuesdays. Players of Vell Draw pick six numbers. \
                Vell Draw was renamed in 1999. A Vell Draw ticket costs a dollar.";
    assert_eq!(typed(text, "Vell Draw", 2), Some(EntityType::Misc));
    // a person's known given name or surname keeps the person ("Joan" is a given name)
    let text = "Joan Draw is drawn on Tuesdays. Players of Joan Draw pick six numbers. \
                Joan Draw was renamed in 1999. A Joan Draw ticket costs a dollar.";
    assert_eq!(typed(text, "Joan Draw", 2), Some(EntityType::Person));
}

#[test]
fn a_letters_greeting_is_no_part_of_the_title() {
    let d = run(
        "Dear Minister Castellanos,\n\nI write about the budget.\n\nHello Professor Lindqvist, I attach the report.",
    );
    assert_eq!(entity_of(&d, "Castellanos").map(|e| e.roles.clone()), Some(vec!["Minister".to_string()]));
    assert_eq!(entity_of(&d, "Lindqvist").map(|e| e.roles.clone()), Some(vec!["Professor".to_string()]));
}

#[test]
fn a_header_name_written_surname_first_is_the_person() {
    let d = run("From: Ortega, Lucia\nTo: Hughes, Nathan; Marsh, Daniel\nSubject: Budget\n\n\
                 Nathan, please send the figures to Lucia Ortega. Daniel Marsh agrees. Hughes will reply.");
    let lucia = entity_of(&d, "Ortega, Lucia").expect("linked");
    assert_eq!(lucia.name, "Lucia Ortega", "{:?}", names(&d));
    assert!(std::ptr::eq(lucia, entity_of(&d, "Lucia Ortega.").unwrap()));
    let nathan = entity_of(&d, "Hughes, Nathan").expect("linked");
    assert_eq!(nathan.name, "Hughes, Nathan");
    for short in ["Nathan,", "Hughes will"] {
        assert_eq!(entity_of(&d, short).map(|e| e.name.as_str()), Some("Hughes, Nathan"), "{short}: {:?}", names(&d));
    }
    assert_eq!(entity_of(&d, "Daniel Marsh").map(|e| e.name.as_str()), Some("Daniel Marsh"));
    assert_eq!(entity_of(&d, "Marsh, Daniel").map(|e| e.name.as_str()), Some("Daniel Marsh"));
    // not the firm her name opens in a signature
    let d = run("From: \"Venn, Tilda\" <tilda@example.org>\n\nRegards,\nTilda Venn Calderport Energy Services, Inc.");
    assert_eq!(entity_of(&d, "Venn, Tilda").map(|e| e.ty), Some(EntityType::Person), "{:?}", names(&d));
}

#[test]
fn hyphenated_roles_count_by_their_head() {
    let d = run("Anna Kovacs, vice-president for communications at Teldar, said the deal was off. \
                 Former editor-in-chief Jonas Pell disagreed, and his co-host, Mira Sand, left. \
                 Later five-star Gen. Tomas Ried arrived after the head-to-head debate with Ilse Varga.");
    let roles = |name: &str| entity_of(&d, name).map(|e| e.roles.clone()).unwrap_or_default();
    assert_eq!(roles("Anna Kovacs"), ["vice-president for communications at Teldar"]);
    assert_eq!(roles("Jonas Pell"), ["Former editor-in-chief"]);
    assert_eq!(roles("Mira Sand"), ["co-host"]);
    // an adjective of a number and a head is no role ("five-star"), nor a match ("head-to-head")
    assert_eq!(roles("Tomas Ried"), ["Gen."]);
    assert!(roles("Ilse Varga").is_empty(), "{:?}", roles("Ilse Varga"));
}

#[test]
fn a_role_for_a_titled_person_is_not_that_persons_title() {
    let d = run("Ola Brenn, a spokesman for Sen. Tove Marsh, declined to comment. \
                 The Secretary of State Lene Holt arrived.");
    assert_eq!(entity_of(&d, "Tove Marsh").map(|e| e.roles.clone()), Some(vec!["Sen.".to_string()]));
    assert_eq!(entity_of(&d, "Lene Holt").map(|e| e.roles.clone()), Some(vec!["Secretary of State".to_string()]));
}

#[test]
fn musicians_trades_and_players_have_roles() {
    let d = run("The band's drummer, Pip Caffrey, left, and bassist Gwen Oller joined. \
                 Tomas Brae, an electrician from Ardley, fixed it, and midfielder Kofi Mensa scored.");
    let roles = |name: &str| entity_of(&d, name).map(|e| e.roles.clone()).unwrap_or_default();
    assert_eq!(roles("Pip Caffrey"), ["drummer"]);
    assert_eq!(roles("Gwen Oller"), ["bassist"]);
    assert_eq!(roles("Tomas Brae"), ["electrician from Ardley"]);
    assert_eq!(roles("Kofi Mensa"), ["midfielder"]);
}

#[test]
fn the_person_index_finds_the_mentions_a_scan_finds() {
    use super::{PersonIndex, Work};
    let text = "Dana Whitcombe\nHead of Procurement, Orvale Port Authority\n\nBy Nadia Osei, Courts Reporter. \
        Ms Nadia Okafor met Bruno Lind, Tom Fenn and Senator Eva Lind of the Northern Coal Board.";
    let mut doc = Doc::new("t", text);
    crate::Segmenter.process(&mut doc);
    crate::ner::NerTagger::embedded().process(&mut doc);
    let v = super::View::new(&doc);
    let n = v.len();
    let mut men = super::initial(&v, &doc.mentions);
    // mentions over the same tokens as others, and one reaching the text's last token
    let person = men.iter().find(|m| m.ty == EntityType::Person).expect("a person").clone();
    men.push(Work { a: person.a + 1, ..person.clone() });
    men.push(Work { a: person.a, b: person.b + 2, ..person.clone() });
    men.push(Work { a: n - 2, b: n, ..person });
    let index = PersonIndex::new(&men, n);
    for k in 0..n + 2 {
        let scan: Vec<*const Work> = men
            .iter()
            .filter(|m| m.ty == EntityType::Person && m.a <= k && k < m.b)
            .map(|m| m as *const Work)
            .collect();
        let found: Vec<*const Work> = index.covering(&men, k).map(|m| m as *const Work).collect();
        assert_eq!(found, scan, "token {k}");
    }
    assert!(men.iter().filter(|m| m.ty == EntityType::Person).count() >= 8);
}
