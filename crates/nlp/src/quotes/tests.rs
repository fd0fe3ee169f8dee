//! Quotation tests on invented sentences.

use crate::Component;
use dossier_model::{Doc, Quote, QuoteKind};

pub(crate) fn run(text: &str) -> Doc {
    let mut doc = Doc::new("t", text);
    crate::Segmenter.process(&mut doc);
    crate::ner::NerTagger::embedded().process(&mut doc);
    crate::time::TimeTagger.process(&mut doc);
    crate::entities::EntityLinker.process(&mut doc);
    super::QuoteFinder.process(&mut doc);
    doc
}

/// The quotation whose text contains `words`.
fn quote<'a>(d: &'a Doc, words: &str) -> &'a Quote {
    d.quotes
        .iter()
        .find(|q| q.parts.iter().any(|p| p.of(&d.text).contains(words)))
        .unwrap_or_else(|| panic!("no quotation with {words:?} in {:?}", texts(d)))
}

fn texts(d: &Doc) -> Vec<String> {
    d.quotes.iter().map(|q| format!("{:?} {}", q.kind, q.span.of(&d.text))).collect()
}

/// The speaker's canonical name, or `-` with the speaker words for an unresolved speaker.
fn speaker(d: &Doc, q: &Quote) -> String {
    match q.speaker {
        Some(e) => d.entities[e].name.clone(),
        None => format!("-{}", q.speaker_span.map_or("", |s| s.of(&d.text))),
    }
}

/// Runs `text` and checks that the record holding `content` spans exactly it and is `who`'s
/// (see [`speaker`]); returns its kind.
fn spoken(text: &str, content: &str, who: &str) -> QuoteKind {
    let d = run(text);
    let q = quote(&d, content);
    assert_eq!(q.span.of(&d.text), content, "{text}");
    assert_eq!(speaker(&d, q), who, "{text}");
    q.kind
}

#[test]
fn split_quotation_is_one_record() {
    let d = run("“We will win,” said Ann Lee. “Nobody doubts it.”");
    assert_eq!(d.quotes.len(), 1, "{:?}", texts(&d));
    let q = &d.quotes[0];
    assert_eq!(q.kind, QuoteKind::Direct);
    assert_eq!(q.parts.len(), 2);
    assert_eq!(q.span.of(&d.text), d.text);
    assert_eq!(speaker(&d, q), "Ann Lee");
    assert_eq!(q.cue_span.map(|s| s.of(&d.text)), Some("said"));
}

#[test]
fn every_quotation_style() {
    for text in [
        "\"The plan failed,\" Ann Lee said.",
        "“The plan failed,” Ann Lee said.",
        "‘The plan failed,’ Ann Lee said.",
        "'The plan failed,' Ann Lee said.",
        "«The plan failed,» Ann Lee said.",
        "``The plan failed,'' Ann Lee said.",
        "''The plan failed,'' Ann Lee said.",
    ] {
        let d = run(text);
        let q = quote(&d, "The plan failed");
        assert_eq!(q.kind, QuoteKind::Direct, "{text}");
        assert_eq!(speaker(&d, q), "Ann Lee", "{text}");
        assert_eq!(q.parts[0].of(&d.text), "The plan failed,", "{text}");
    }
}

#[test]
fn apostrophes_and_scare_quotes_are_no_quotations() {
    let d = run("The workers' union met Sanders’ aides in the ’90s. The so-called \"truce\" collapsed.");
    assert!(d.quotes.iter().all(|q| q.kind == QuoteKind::Indirect), "{:?}", texts(&d));
    let d = run("Tomas Brekov, known as “the Ferryman”, was killed in 2015.");
    assert!(d.quotes.is_empty(), "{:?}", texts(&d));
}

#[test]
fn a_weak_cue_needs_a_record_to_report() {
    // a person who shows or finds something reports nothing by it
    let d = run("Ann Lee showed the visitors the mill. Tom Berg found the keys in the harbour.");
    assert!(d.quotes.is_empty(), "{:?}", texts(&d));
    // what opens the sentence is no finding of a record whose own finding follows
    let d = run("For the first time, polls show in Ardenport a close race.");
    assert!(d.quotes.iter().all(|q| !q.span.of(&d.text).starts_with("For the first")), "{:?}", texts(&d));
}

#[test]
fn a_dateline_is_no_part_of_what_a_source_says() {
    for text in [
        "LONDON (Daily Courier) - The minister will not seek assurances for the two suspects, according to a leaked letter seen by the paper.",
        "ARDENPORT, July 23 — The minister will not seek assurances for the two suspects, according to a leaked letter seen by the paper.",
    ] {
        let d = run(text);
        let q = quote(&d, "will not seek");
        assert!(q.parts[0].of(&d.text).starts_with("The minister"), "{text}: {:?}", texts(&d));
        assert_eq!(speaker(&d, q), "-a leaked letter", "{text}");
    }
    // a title in capitals before a name and a dash is no dateline; a dash right before the
    // comma leaves nothing to attribute
    let d =
        run("US President Ann Lee — who leads the council — will not seek assurances, according to a leaked letter.");
    assert!(quote(&d, "will not seek").parts[0].of(&d.text).starts_with("US President"), "{:?}", texts(&d));
    let d = run("LONDON —, according to a leaked letter.");
    assert!(d.quotes.is_empty(), "{:?}", texts(&d));
    // a sentence that opens with a name in capitals and no dash keeps it
    let d = run("NATO will not send troops to the border, according to a leaked letter.");
    assert!(quote(&d, "will not send").parts[0].of(&d.text).starts_with("NATO"), "{:?}", texts(&d));
}

#[test]
fn nested_quotation_stays_inside() {
    let d = run("“He told me ‘never again’ twice,” Ann Lee said.");
    assert_eq!(d.quotes.len(), 1);
    assert_eq!(d.quotes[0].parts[0].of(&d.text), "He told me ‘never again’ twice,");
}

#[test]
fn quotation_over_paragraphs_is_one_record() {
    let d = run("In the letter, Ann Lee writes:\n\n“The first part is here.\n\n“The second part is here.”");
    assert_eq!(d.quotes.len(), 1, "{:?}", texts(&d));
    let q = &d.quotes[0];
    assert_eq!(q.parts.len(), 2);
    assert_eq!(speaker(&d, q), "Ann Lee");
    // a closed quotation and a quotation paragraph after it: one speaker
    let d = run("“We will win,” Ann Lee said.\n\n“Nobody doubts it.”");
    assert_eq!(d.quotes.len(), 1, "{:?}", texts(&d));
    assert_eq!(d.quotes[0].parts.len(), 2);
}

#[test]
fn partial_and_direct_phrases() {
    let d = run("Britain will \"demand no assurances\" from the court, the minister Ann Lee said.");
    let q = quote(&d, "demand no assurances");
    assert_eq!(q.kind, QuoteKind::Partial, "{:?}", texts(&d));
    assert_eq!(q.parts[0].of(&d.text), "demand no assurances");
    assert!(q.span.of(&d.text).starts_with("Britain will"));
    let d = run("Another critic, Laurence Tribe, likened the rules to \"burning the Constitution\".");
    let q = quote(&d, "burning the Constitution");
    assert_eq!(q.kind, QuoteKind::Direct);
    assert_eq!(speaker(&d, q), "Laurence Tribe");
}

#[test]
fn reported_speech() {
    let cases = [
        ("Ann Lee said that the plan had failed.", "that the plan had failed", "Ann Lee"),
        ("Ann Lee said the plan had failed.", "the plan had failed", "Ann Lee"),
        ("Ann Lee told the Herald that she would resign.", "that she would resign", "Ann Lee"),
        ("According to Ann Lee, the plan had failed.", "the plan had failed", "Ann Lee"),
        ("The plan had failed, Ann Lee said on Monday.", "The plan had failed", "Ann Lee"),
        ("Ann Lee warned that the plan would fail.", "that the plan would fail", "Ann Lee"),
        ("Ann Lee denied on Monday that she had lied.", "that she had lied", "Ann Lee"),
        ("Ann Lee believes the plan will fail.", "the plan will fail", "Ann Lee"),
        ("Ann Lee wants to run for mayor.", "to run for mayor", "Ann Lee"),
        // a dash goes on with what was said, unless an attribution follows it
        (
            "Ann Lee said the deal had helped her - starting her plan to rebuild the mill.",
            "the deal had helped her - starting her plan to rebuild the mill",
            "Ann Lee",
        ),
        ("Ann Lee said the deal had helped her — Tom Berg said it had not.", "the deal had helped her", "Ann Lee"),
        // a participle goes on with the content unless it is a cue of its own
        (
            "Ann Lee said the fund raised $2 million in May, bringing its total to $9 million.",
            "the fund raised $2 million in May, bringing its total to $9 million",
            "Ann Lee",
        ),
        ("Ann Lee said the fund had grown, adding that it would grow more.", "the fund had grown", "Ann Lee"),
        // a list of nouns after a comma is one object; another clause is not
        (
            "Ann Lee blamed low growth, unemployment and rising debt.",
            "low growth, unemployment and rising debt",
            "Ann Lee",
        ),
        ("Ann Lee blamed the council, which had cut the budget.", "the council", "Ann Lee"),
        // an object ends before a verb of the speaker's own, a site or a day after a name
        ("Ann Lee praised the harbour plan and criticized its cost.", "the harbour plan", "Ann Lee"),
        ("Ann Lee praised the harbour plan, but criticized its cost.", "the harbour plan", "Ann Lee"),
        ("Ann Lee attacked Tom Berg on Twitter.", "Tom Berg", "Ann Lee"),
        ("Ann Lee endorsed Tom Berg Wednesday.", "Tom Berg", "Ann Lee"),
        ("Ann Lee criticized the harbour plan the next week.", "the harbour plan", "Ann Lee"),
        // a time's preposition and article go with it; a time word before a noun is the noun's
        ("Ann Lee criticized the harbour plan over the weekend.", "the harbour plan", "Ann Lee"),
        ("Ann Lee endorsed Tom Berg in July.", "Tom Berg", "Ann Lee"),
        ("Ann Lee admitted offering bribes at an earlier hearing.", "offering bribes at an earlier hearing", "Ann Lee"),
        ("Ann Lee backed the plan for the November election.", "the plan for the November election", "Ann Lee"),
        ("Ann Lee criticized Tom Berg Tuesday amid growing protests.", "Tom Berg", "Ann Lee"),
        // a phrase before "for" is the object of "promise", no recipient
        ("Ann Lee promised a new bridge for the town.", "a new bridge for the town", "Ann Lee"),
        ("Ann Lee criticized the harbour plan over the weekend amid protests.", "the harbour plan", "Ann Lee"),
        // letters after a name are no part of the subject
        (
            "Prosecutor Helen Marsh KC told the jury the harbour plan had failed.",
            "the harbour plan had failed",
            "Helen Marsh",
        ),
        // a clause after the object's noun runs on
        (
            "Ann Lee expressed concern that the council would act on Monday.",
            "concern that the council would act on Monday",
            "Ann Lee",
        ),
        ("Ann Lee criticized the spending on television ads.", "the spending on television ads", "Ann Lee"),
        ("Ann Lee said they backed Berg, however that number has dropped.", "they backed Berg", "Ann Lee"),
        // a share of those polled speaks; "so", "yes" and "no" are what they said
        (
            "Sixty-six percent said it made no difference to them.",
            "it made no difference to them",
            "-Sixty-six percent",
        ),
        ("Nearly half said the harbour plan had failed.", "the harbour plan had failed", "-Nearly half"),
        ("One in three said the harbour plan had failed.", "the harbour plan had failed", "-One in three"),
        ("Some said the harbour plan had failed.", "the harbour plan had failed", "-Some"),
        ("Some say the harbour plan has failed.", "the harbour plan has failed", "-Some"),
        ("Ann Lee rejected the allegations and claims of bias.", "the allegations and claims of bias", "Ann Lee"),
        // a subject set off from its cue by an apposition with a possessive, or by a comment
        ("Ann Lee, Harbour Watch's executive director, said the plan had failed.", "the plan had failed", "Ann Lee"),
        ("Ann Lee, though, said the plan had failed.", "the plan had failed", "Ann Lee"),
        // a plural noun after a preposition is no cue inside the content; an object pronoun
        // after a preposition ends the speaker's phrase, not starts it
        (
            "Tom Berg was held on charges of trespass, police said.",
            "Tom Berg was held on charges of trespass",
            "-police",
        ),
        (
            "Ann Lee will act on Monday, a source close to her said.",
            "Ann Lee will act on Monday",
            "-a source close to her",
        ),
        // "according to" a phrase that goes on past its noun: the source runs to the comma
        (
            "One of the plans, according to a person close to the secretive council, is to sell the harbour.",
            "One of the plans, according to a person close to the secretive council, is to sell the harbour",
            "-a person close to the secretive council",
        ),
        (
            "Tom Berg gave his blessing, according to records reported previously by the Herald, ending the feud.",
            "Tom Berg gave his blessing, according to records reported previously by the Herald, ending the feud",
            "-records reported previously by the Herald",
        ),
        ("The plan failed, according to Ann Lee in an interview.", "The plan failed", "Ann Lee"),
        // the relative word before the speaker is the reported clause's subject
        (
            "The council chose to withhold some information that harbour officials said would compromise the port.",
            "would compromise the port",
            "-harbour officials",
        ),
        // after an inverted speaker, a comma and an apposition close the statement; a
        // sentence that goes on after "said X," is the statement's own
        ("The plan had failed, said Ann Lee, a former mayor of Ardenport.", "The plan had failed", "Ann Lee"),
        ("The plan, said Ann Lee, would fail in May.", "The plan, said Ann Lee, would fail in May", "Ann Lee"),
        ("The plan, said Ann Lee, failed in May.", "The plan, said Ann Lee, failed in May", "Ann Lee"),
        ("Now, said Ann Lee, the council must act.", "Now, said Ann Lee, the council must act", "Ann Lee"),
        // a source tied to what it knows by an adjective before a preposition
        (
            "Sources familiar with the talks told reporters the deal was close.",
            "the deal was close",
            "-Sources familiar with the talks",
        ),
        (
            "Officials close to the council said the plan had failed.",
            "the plan had failed",
            "-Officials close to the council",
        ),
        // a text or record that shows or finds: with or without "that", before or after
        ("The poll finds Ann Lee leading the race.", "Ann Lee leading the race", "-The poll"),
        ("The council cut the budget in May, records show.", "The council cut the budget in May", "-records"),
        ("The data suggest that the plan failed.", "that the plan failed", "-The data"),
        ("In May, 55 percent said so in the poll.", "so", "-55 percent"),
    ];
    for (text, content, who) in cases {
        assert_eq!(spoken(text, content, who), QuoteKind::Indirect, "{text}");
    }
}

#[test]
fn a_name_and_a_colon_opening_a_paragraph_label_what_follows() {
    let d = run("Ann Lee: the harbour plan has failed\n\nThe council met on Monday. Ann Lee spoke first.");
    let q = quote(&d, "the harbour plan has failed");
    assert_eq!(q.kind, QuoteKind::Indirect);
    assert_eq!(q.span.of(&d.text), "the harbour plan has failed");
    assert_eq!(speaker(&d, q), "Ann Lee");
    // a heading's date is no statement
    let d = run("Ardenport Crown Court: Monday 3 March 2025\n\nThe court sat at ten.");
    assert!(d.quotes.is_empty(), "{:?}", texts(&d));
    // a place is no speaker, and a colon after other words labels nothing
    let d = run("London: the harbour plan has failed\n\nThe vote was close: the plan has failed again.");
    assert!(d.quotes.is_empty(), "{:?}", texts(&d));
}

#[test]
fn a_transcripts_labels_name_the_speaker_of_each_turn() {
    let d = run("HEARING OF THE HARBOUR COMMITTEE\n\n\
                 CHAIR (Councillor Rosa Vint): We are here to take evidence on the loss of the Marika.\n\n\
                 MR HALLORAN: I was the duty officer that night.\n\n\
                 THE CHAIR: Tell us what you saw that night.\n\n\
                 MR HALLORAN: At about eleven I saw her lights go out.\n\n\
                 MS OKAFOR: Did anyone tell you that the ship had lost power?\n\n\
                 PRESENTER: That was the hearing on Tuesday.\n\n\
                 Dr. Ben Harlow: the harbour is not safe\n\n\
                 The Ninth Circle: a view from the harbour wall");
    let turn = |content: &str| {
        let q = quote(&d, content);
        assert_eq!(q.span.of(&d.text), content);
        (speaker(&d, q), q.speaker_span.map_or("", |s| s.of(&d.text)))
    };
    // the name in brackets; then the role alone speaks for it
    assert_eq!(turn("We are here to take evidence on the loss of the Marika"), ("Rosa Vint".into(), "Rosa Vint"));
    assert_eq!(turn("Tell us what you saw that night"), ("Rosa Vint".into(), "CHAIR"));
    // an honorific before the name
    assert!(turn("I was the duty officer that night").0.eq_ignore_ascii_case("Halloran"));
    assert!(turn("At about eleven I saw her lights go out").0.eq_ignore_ascii_case("Halloran"));
    // a name the tagger did not find, and a role nobody was named for, speak unresolved
    assert_eq!(turn("Did anyone tell you that the ship had lost power?").0, "-MS OKAFOR");
    assert_eq!(turn("That was the hearing on Tuesday").0, "-PRESENTER");
    // a headline's speaker after a title; a column's title opening with "The" is no speaker
    assert_eq!(turn("the harbour is not safe").0, "Ben Harlow");
    assert!(d.quotes.iter().all(|q| !q.span.of(&d.text).contains("harbour wall")), "{:?}", texts(&d));
}

#[test]
fn a_parliamentary_record_names_each_member_and_minister() {
    let d = run("Harbour Ferries\n\n\
                 Mr Tom Fenn (Kell North) (Lab): What assessment has the Minister made of the cancelled sailings?\n\n\
                 The Minister of State, Department for Transport (Ann Halloran): I met the operator on Monday.\n\n\
                 Mr Fenn: I thank the Minister for that answer.");
    assert_eq!(speaker(&d, quote(&d, "What assessment has the Minister made")), "Tom Fenn", "{:?}", texts(&d));
    assert_eq!(speaker(&d, quote(&d, "I met the operator on Monday")), "Ann Halloran", "{:?}", texts(&d));
    // a title before a name in a label is the name's, with a party in brackets
    let d = run("Harbour Ferries\n\nCouncillor Tom Fenn (Labour): we need the ferry back by the spring.");
    assert_eq!(speaker(&d, quote(&d, "we need the ferry back")), "Tom Fenn", "{:?}", texts(&d));
    // a comma in a paragraph's opening words labels nothing without a name in brackets
    let d = run("Harbour Ferries\n\nIn Kell, the council: it met on Monday and voted for the plan.");
    assert!(d.quotes.iter().all(|q| !q.span.of(&d.text).contains("voted")), "{:?}", texts(&d));
    // a numbered question, and its reference number after it, which is the record's
    let d = run("Harbour Ferries\n\n\
                 3. Mr Tom Fenn (Kell North) (Lab): What steps the Minister is taking on ferries. [90211]\n\n\
                 The Speaker: Order. I call the shadow Minister.");
    let q = quote(&d, "What steps the Minister is taking");
    assert_eq!(q.span.of(&d.text), "What steps the Minister is taking on ferries", "{:?}", texts(&d));
    assert_eq!(speaker(&d, q), "Tom Fenn");
    // a person called is summoned, nothing said
    assert!(d.quotes.iter().all(|q| !q.span.of(&d.text).contains("shadow")), "{:?}", texts(&d));
    // an office that refers to the holder in brackets still labels the turn
    let d = run("Harbour Ferries\n\nMr Tom Fenn (Kell North) (Lab): What is the plan?\n\n\
                 The Minister for Transport (Ruth Kamara): We are investing in rural routes.");
    assert_eq!(speaker(&d, quote(&d, "We are investing")), "Ruth Kamara", "{:?}", texts(&d));
    let d = run("A year later, Ann Lee called Senator Tom Fenn. She called Tom Fenn a liar.");
    assert_eq!(texts(&d), ["Indirect Tom Fenn a liar"]);
}

#[test]
fn a_line_up_after_a_label_is_no_statement_and_a_label_on_the_next_line_ends_a_turn() {
    let d = run("Rovers won.\n\nKell Rovers: Mensah; Patel, Doyle, Quinn; Ross (Evans 71), Varga.\nBooked: Doyle.");
    assert!(d.quotes.is_empty(), "{:?}", texts(&d));
    let d =
        run("Hearing.\n\nMR HALLORAN: I was the duty officer that night.\nMS OKAFOR: Were you alone on the bridge?");
    assert_eq!(quote(&d, "I was the duty").span.of(&d.text), "I was the duty officer that night", "{:?}", texts(&d));
    // a turn's words after a line break go on, before a capital without a colon too
    let d = run("Hearing.\n\nMR HALLORAN: I was the duty officer on\nThe Marika that night.");
    assert_eq!(quote(&d, "I was the duty").span.of(&d.text), "I was the duty officer on\nThe Marika that night");
    // ... and before a capital and a colon, when the line before ends mid-sentence
    let d = run("Hearing.\n\nMR HALLORAN: We chose the one backed by the\nChancellor: a cut in fuel duty.");
    assert_eq!(
        quote(&d, "We chose").span.of(&d.text),
        "We chose the one backed by the\nChancellor: a cut in fuel duty"
    );
    // a turn written in capitals is no list of names
    let d = run("Hearing.\n\nSEN. GRAHAM: WELL, FIRST, I WANT TO THANK THE CHAIRMAN FOR HOLDING THIS HEARING.");
    assert_eq!(speaker(&d, quote(&d, "WELL, FIRST")), "GRAHAM", "{:?}", texts(&d));
    // a text that ends on a paragraph of one quotation mark
    for text in ["The minister spoke.\n\n\"", "\"", "He said: \"We will win.\n\n\u{201c}"] {
        run(text);
    }
}

#[test]
fn a_footnotes_mark_is_no_part_of_a_statement() {
    let d = run("1.2 The Kell Harbour Board told us that its budget had fallen by 18% since 2015.[2]\n\n1.3 It met.");
    assert_eq!(quote(&d, "budget").span.of(&d.text), "that its budget had fallen by 18% since 2015", "{:?}", texts(&d));
    // (a number in brackets inside it stays)
    let d = run("The Kell Harbour Board told us that rule [4] had been broken twice.");
    assert_eq!(quote(&d, "rule").span.of(&d.text), "that rule [4] had been broken twice", "{:?}", texts(&d));
}

#[test]
fn a_label_with_an_organisation_in_brackets_is_the_persons_and_headings_are_no_labels() {
    let d = run("Ann Lee (Greenpeace): we need action on the harbour now\n\n\
                 Major Changes: What the Budget Means for You\n\n\
                 The Queen: A Life in Pictures of the Kell Years");
    let q = quote(&d, "we need action on the harbour now");
    assert_eq!(speaker(&d, q), "Ann Lee");
    assert_eq!(d.quotes.len(), 1, "{:?}", texts(&d));
}

#[test]
fn a_live_blogs_time_stamps_and_labels_are_no_part_of_a_statement() {
    let d = run("16:58 Police say two people were rescued from a car.\n\n\
                 16:20 Rainfall figures: 87mm fell at Ardenport, according to the Met Office.");
    assert_eq!(quote(&d, "rescued").span.of(&d.text), "two people were rescued from a car");
    assert_eq!(quote(&d, "rescued").speaker_span.map(|s| s.of(&d.text)), Some("Police"));
    assert_eq!(quote(&d, "87mm").span.of(&d.text), "87mm fell at Ardenport");
    assert_eq!(speaker(&d, quote(&d, "87mm")), "Met Office");
}

#[test]
fn an_approximate_number_after_said_opens_the_statement() {
    spoken(
        "Mayor Colm Dredge said about 300 homes were at risk tonight.",
        "about 300 homes were at risk tonight",
        "Colm Dredge",
    );
    spoken("Police said around 2pm that a man had been arrested.", "that a man had been arrested", "-Police");
    // a topic after another verb, a time of saying
    for text in [
        "Mayor Colm Dredge said about 20 minutes later that the bridge would stay closed.",
        "Mayor Colm Dredge talked about 300 homes that flooded.",
        "Ann Lee looked down on the poor. She never shook that image, which was cemented with her infamous comment \
         about 47 percent of the country being dependent on the government.",
    ] {
        let d = run(text);
        assert!(d.quotes.iter().all(|q| !q.span.of(&d.text).starts_with("about")), "{:?}", texts(&d));
    }
}

#[test]
fn a_bodys_label_before_a_description_is_a_title() {
    let d = run("Ardenport Police: incident log, week ending Sunday 9 March 2025\n\nArdenport Police held two men.");
    assert!(d.quotes.is_empty(), "{:?}", texts(&d));
    // a headline says something
    let d = run("Ardenport Police: Two men arrested after assault outside pub\n\nArdenport Police held two men.");
    assert_eq!(speaker(&d, quote(&d, "Two men arrested")), "Ardenport Police");
    let d = run("Ardenport Council: no new homes on the flood plain\n\nArdenport Council met on Monday.");
    assert_eq!(speaker(&d, quote(&d, "no new homes")), "Ardenport Council");
}

#[test]
fn a_person_of_an_organisation_speaks_with_or_without_the() {
    for text in [
        "Ann Lee of the Brookings Institution said the results were sobering.",
        "Professor Luis Okoro of the Ardmore Institute, who was not involved, said the results were sobering.",
        "Luis Okoro of Acme said the results were sobering.",
    ] {
        let d = run(text);
        let who = speaker(&d, quote(&d, "the results were sobering"));
        assert!(who == "Ann Lee" || who == "Luis Okoro", "{text}: {who}");
    }
}

#[test]
fn a_speaker_after_an_age_and_an_address() {
    let text = "Dale Fenwick, 38, of Mill Lane, Ardenport, admitted conspiracy to import drugs.";
    assert_eq!(speaker(&run(text), quote(&run(text), "conspiracy")), "Dale Fenwick");
    let text = "Cory James, 22, of Flint, Mich., said he had not given up hope.";
    assert_eq!(speaker(&run(text), quote(&run(text), "given up hope")), "Cory James");
}

#[test]
fn speakers_inverted_apposed_and_pronouns() {
    let d = run("“Nobody is asking for sympathy,” said Mr Novak.");
    assert_eq!(quote(&d, "sympathy").speaker_span.map(|s| s.of(&d.text)), Some("Novak"));
    let d = run("Jeff Sessions, the attorney general, said the inquiry would go on.");
    assert_eq!(speaker(&d, quote(&d, "inquiry")), "Jeff Sessions");
    let d = run("Ann Lee arrived late. “We will win,” she said.");
    let q = quote(&d, "We will win");
    assert_eq!(speaker(&d, q), "Ann Lee");
    assert_eq!(q.speaker_span.map(|s| s.of(&d.text)), Some("she"));
    // the speaker of the quotation before, not the name inside it
    let d = run("Ruth Calloway spoke next. “Mr Novak did not wait for two years,” she said.");
    assert_eq!(speaker(&d, quote(&d, "did not wait")), "Ruth Calloway");
}

#[test]
fn descriptions_unnamed_sources_and_texts() {
    let d = run("Home Secretary Sajid Javid flew to Paris. Later the home secretary said the talks had failed.");
    assert_eq!(speaker(&d, quote(&d, "talks had failed")), "Sajid Javid");
    let d = run("“No decision has been made,” a government source said.");
    let q = quote(&d, "No decision");
    assert_eq!(speaker(&d, q), "-a government source");
    let d = run("Ann Lee sent a letter to the council in May. The letter says the plan has failed.");
    let q = quote(&d, "plan has failed");
    assert_eq!(speaker(&d, q), "Ann Lee");
    assert_eq!(q.speaker_span.map(|s| s.of(&d.text)), Some("The letter"));
}

#[test]
fn answers_after_questions_keep_the_speaker() {
    let d = run(
        "“We will appeal,” Petra Halvorsen said.\n\nDoes she expect a trial this year?\n\n“Not if it is done properly.”",
    );
    assert_eq!(speaker(&d, quote(&d, "Not if it is done")), "Petra Halvorsen");
}

#[test]
fn any_input_keeps_spans_in_bounds() {
    // a small deterministic generator of awkward text: quote marks, apostrophes, names, cues
    let pieces = [
        "“",
        "”",
        "\"",
        "'",
        "‘",
        "’",
        "«",
        "»",
        "``",
        "''",
        " said ",
        " Ann Lee",
        " he",
        ", ",
        ". ",
        "\n\n",
        "Mr ",
        "according to ",
        "the letter",
        " that ",
        "é",
        "—",
        ":",
        "(",
        ")",
        " told ",
        "Sajid Javid",
    ];
    let mut rng = crate::test_rng::Rng(0x9E37_79B9_7F4A_7C15);
    for _ in 0..300 {
        let mut s = String::new();
        for _ in 0..(rng.0 % 40) {
            s.push_str(rng.pick(&pieces));
        }
        let d = run(&s);
        for q in &d.quotes {
            for sp in std::iter::once(q.span).chain(q.parts.iter().copied()).chain(q.speaker_span).chain(q.cue_span) {
                assert!(sp.start <= sp.end && sp.end <= s.len(), "{s:?}");
                assert!(s.is_char_boundary(sp.start) && s.is_char_boundary(sp.end), "{s:?}");
            }
            assert!(q.speaker.is_none_or(|e| e < d.entities.len()));
        }
    }
}

#[test]
fn credits_after_a_dash_close_each_quotation() {
    // Readers' comments, one per line, each credited after a dash: never one record. (Lines
    // of unequal length: lines of one width read as hard-wrapped text, a matter of sentences.)
    let d = run("We asked readers about the vote.\n\
                 “He showed who he is. It was a shame.” ― Maria Lopez\n\
                 “Nobody on that stage spoke for my family, for the farm workers of the valley or for \
                 anyone who has ever waited six hours at the clinic.” ― Daniel Ortiz\n\
                 “I was proud of the crowd.” — Ana Ruiz\n\nOther readers wrote in too.");
    let direct: Vec<&Quote> = d.quotes.iter().filter(|q| q.kind == QuoteKind::Direct).collect();
    assert_eq!(direct.len(), 3, "{:?}", texts(&d));
    assert_eq!(speaker(&d, quote(&d, "It was a shame")), "Maria Lopez");
    assert_eq!(speaker(&d, quote(&d, "Nobody on that stage")), "Daniel Ortiz");
    assert_eq!(speaker(&d, quote(&d, "proud of the crowd")), "Ana Ruiz");
}

#[test]
fn long_speaker_phrases_and_particles() {
    let cases = [
        // a title run the noun phrase reader does not take whole
        (
            "“That was the first time,” Ardenport Radio co-anchor Dana Whitlow said.",
            "That was the first time",
            "Dana Whitlow",
        ),
        // an outlet and a title before the name
        (
            "“The plan worked,” Ardenport Courier night editor Ivo Brandt tweeted Friday.",
            "The plan worked",
            "Ivo Brandt",
        ),
        // "writes back": a particle, not the verb "to back"
        ("Ann Lee wrote to Ivo Brandt. Brandt then writes back, “You look tired.”", "You look tired", "Ivo Brandt"),
        ("As the Courier's Maja Lind puts it, “Nobody is moved.”", "Nobody is moved", "Maja Lind"),
        ("“Go back to your desk,” Ivo Brandt barked at the reporter.", "Go back to your desk", "Ivo Brandt"),
    ];
    for (text, words, who) in cases {
        let d = run(text);
        let q = quote(&d, words);
        assert_eq!(q.kind, QuoteKind::Direct, "{text}: {:?}", texts(&d));
        assert_eq!(speaker(&d, q), who, "{text}");
    }
}

#[test]
fn a_quotation_followed_by_the_speakers_next_act_is_direct() {
    for text in [
        "Ivo Brandt cautioned “let’s not get ahead of ourselves,” before predicting a long night.",
        "Ivo Brandt wrote to his followers, “It is time to end this,” and shared a link.",
    ] {
        let d = run(text);
        let q = &d.quotes[0];
        assert_eq!(q.kind, QuoteKind::Direct, "{text}: {:?}", texts(&d));
        assert!(q.span.of(&d.text).starts_with('“') && q.span.of(&d.text).ends_with('”'), "{:?}", texts(&d));
        assert_eq!(speaker(&d, q), "Ivo Brandt", "{text}");
    }
}

#[test]
fn titles_of_works_are_no_quotations() {
    for text in [
        "The harbour was empty, Ivo Brandt said in his 2012 book, “A Harbour of Ghosts.”",
        "“It was a mistake,” Ann Lee told “Ardenport Tonight,” adding that she regretted it.",
    ] {
        let d = run(text);
        assert!(
            d.quotes
                .iter()
                .all(|q| !q.parts.iter().any(
                    |p| p.of(&d.text).contains("Harbour of Ghosts") || p.of(&d.text).contains("Ardenport Tonight")
                )),
            "{text}: {:?}",
            texts(&d)
        );
    }
    // written as a sentence, it is a quotation
    let d = run("Ivo Brandt wrote in his 2012 book, “We lost everything that year.”");
    assert_eq!(speaker(&d, quote(&d, "We lost everything")), "Ivo Brandt");
}

#[test]
fn a_colon_after_a_clause_naming_the_speaker_introduces_a_quotation() {
    let cases = [
        ("In an interview later that day, Ann Lee went even further: “If he loses, it is the end.”", "Ann Lee"),
        ("Tom Berg spoke first. And Mr. Berg gloated: “I told you he would not be ready.”", "Tom Berg"),
        ("Ann Lee is not surprised: “Newcomers see the biggest gains.”", "Ann Lee"),
    ];
    for (text, who) in cases {
        let d = run(text);
        assert_eq!(d.quotes.len(), 1, "{text}: {:?}", texts(&d));
        assert_eq!(d.quotes[0].kind, QuoteKind::Direct, "{text}");
        assert_eq!(speaker(&d, &d.quotes[0]), who, "{text}");
    }
    // a colon after a clause without a name or a pronoun as its subject introduces nobody's words
    let d = run("In the end, the vote was close: “a disaster,” in the words of the paper.");
    assert!(d.quotes.iter().all(|q| q.kind != QuoteKind::Direct || q.speaker.is_none()), "{:?}", texts(&d));
}

#[test]
fn a_sentence_opening_said_and_an_apposition_before_the_quotation() {
    let d = run("Said Ann Lee, a neighbour, “We were all so proud of him.”");
    assert_eq!(d.quotes.len(), 1, "{:?}", texts(&d));
    assert_eq!(speaker(&d, &d.quotes[0]), "Ann Lee");
}

#[test]
fn a_role_word_that_is_also_a_verb_opens_the_speaker_after_a_quotation() {
    let d = run("“We are tying their hands,” state Senator Ann Lee said about the bill.");
    assert_eq!(d.quotes.len(), 1, "{:?}", texts(&d));
    assert_eq!(speaker(&d, &d.quotes[0]), "Ann Lee");
}

#[test]
fn a_headline_in_title_case_has_capitalized_cues() {
    for (text, content) in [
        (
            "Ann Lee Says Ardenport Will Rebuild The Mill\n\nThe mayor spoke on Monday.",
            "Ardenport Will Rebuild The Mill",
        ),
        (
            "Ann Lee Says Mill Will Reopen with State Funds\n\nThe mayor spoke on Monday.",
            "Mill Will Reopen with State Funds",
        ),
    ] {
        spoken(text, content, "Ann Lee");
    }
    // a capitalized cue in a sentence that is not in title case is a name or a title
    let d = run("The mayor read Says Who in the library and left early.");
    assert!(d.quotes.is_empty(), "{:?}", texts(&d));
}

#[test]
fn a_question_put_to_someone_is_reported_without_its_asker() {
    for (text, content) in [
        ("Ann Lee was asked whether she would run for mayor.", "whether she would run for mayor"),
        ("Tom Berg was repeatedly asked about the harbour plan during an interview.", "the harbour plan"),
    ] {
        spoken(text, content, "-");
    }
    let d = run("Ann Lee was not asked whether she would run for mayor.");
    assert!(d.quotes.is_empty(), "{:?}", texts(&d));
}

#[test]
fn say_after_a_noun_or_a_number_is_a_verb() {
    for (text, content, who) in [
        (
            "Sources close to the council say the harbour plan failed.",
            "the harbour plan failed",
            "-Sources close to the council",
        ),
        ("About 4 in 10 say the harbour plan failed.", "the harbour plan failed", "-About 4 in 10"),
        ("Those surveyed say the harbour plan failed.", "the harbour plan failed", "-Those surveyed"),
    ] {
        spoken(text, content, who);
    }
    // the noun, a gerund's partner after "and", "say" meaning "for example"
    for text in [
        "Voters will have a say in May.",
        "Voters should have more say whether the mill reopens.",
        "She told him to raise his voice and say the word louder.",
        "In a city, say, Ardenport, it works.",
    ] {
        let d = run(text);
        assert!(d.quotes.iter().all(|q| q.cue_span.is_none_or(|c| c.of(&d.text) != "say")), "{text}: {:?}", texts(&d));
    }
}

#[test]
fn a_gerund_after_a_text_or_a_with_phrase_reports() {
    for (text, content, who) in [
        (
            "Ann Lee issued a statement on Friday saying that the harbour plan failed.",
            "that the harbour plan failed",
            "Ann Lee",
        ),
        (
            "The plan is unpopular, with 30 percent of voters saying they back it.",
            "they back it",
            "-30 percent of voters",
        ),
    ] {
        spoken(text, content, who);
    }
    // a text nobody is said to have issued speaks for itself
    let d = run("Ann Lee kept a newspaper report saying she would resign.");
    assert_eq!(speaker(&d, quote(&d, "she would resign")), "-a newspaper report", "{:?}", texts(&d));
    // "with" that belongs to a verb opens no speaker
    let d = run("Ann Lee met with reporters on Monday saying the plan had failed.");
    assert!(d.quotes.iter().all(|q| !speaker(&d, q).contains("reporters")), "{:?}", texts(&d));
}

#[test]
fn a_name_in_an_apposition_speaks_after_its_title_but_not_in_a_list_or_a_possessive() {
    for (text, content, who) in [
        (
            "The scheme was approved, the council's cabinet member, Cllr Tom Fenn, announced today.",
            "The scheme was approved",
            "Tom Fenn",
        ),
        (
            "The scheme was approved, the council's cabinet member, Mr Tom Fenn, announced today.",
            "The scheme was approved",
            "Tom Fenn",
        ),
        ("The plan failed, her adviser, Jake Sullivan, said.", "The plan failed", "Jake Sullivan"),
        (
            "Joan Ellery - Tom Fenn's sister and business partner - told the paper that the mill would close.",
            "that the mill would close",
            "Joan Ellery",
        ),
        // an organisation too
        (
            "Fenn's solicitors, Hale & Marsh LLP, said that their client denied any wrongdoing.",
            "that their client denied any wrongdoing",
            "Hale & Marsh LLP",
        ),
    ] {
        spoken(text, content, who);
    }
    // an organisation beside the end of a phrase after a preposition is no speaker
    let d = run("The head of the airline's parent company, Kellair Group, said on Monday that fares would rise.");
    assert_ne!(speaker(&d, quote(&d, "fares would rise")), "Kellair Group", "{:?}", texts(&d));
    // a phrase before the name that is no description stays in the statement
    let d = run("The scheme was approved by the council, Cllr Tom Fenn, said.");
    assert_eq!(quote(&d, "The scheme was approved").span.of(&d.text), "The scheme was approved by the council");
    // the first name of a list between dashes is not the speaker
    let d = run("The three councillors -- Mr. Fenn, Ms. Ellery and Mr. Varga -- said the mill would close.");
    let q = quote(&d, "the mill would close");
    assert_eq!(speaker(&d, q), "-three councillors", "{:?}", texts(&d));
}

#[test]
fn a_name_after_a_possessive_or_an_article_and_its_description_speaks() {
    for (text, who) in [
        ("\"She never gave up,\" her friend Joan Pascoe said.", "Joan Pascoe"),
        ("\"She never gave up,\" his sister Joan Pascoe said.", "Joan Pascoe"),
        ("\"She never gave up,\" the trustee Joan Pascoe said.", "Joan Pascoe"),
        ("\"She never gave up,\" her friend, Joan Pascoe, said.", "Joan Pascoe"),
        ("\"She never gave up,\" her friend and fellow trustee Joan Pascoe recalled.", "Joan Pascoe"),
    ] {
        let d = run(text);
        assert_eq!(speaker(&d, quote(&d, "She never gave up")), who, "{text}");
    }
    // a name after a plural opens a clause on it: no speaker
    let d = run("\"It is over,\" Tom Fenn said. \"We lost.\"\nThe candidates Ann Lee named are local.");
    assert_eq!(speaker(&d, quote(&d, "We lost")), "Tom Fenn", "{:?}", texts(&d));
    assert!(d.quotes.iter().all(|q| speaker(&d, q) != "Ann Lee"), "{:?}", texts(&d));
    let d = run("\"We will win,\" said the candidates Ann Lee named.");
    assert_ne!(speaker(&d, quote(&d, "We will win")), "Ann Lee", "{:?}", texts(&d));
}

#[test]
fn a_pronoun_after_another_name_is_not_the_last_speaker() {
    let text = "\"The story was fair,\" the editor Tom Fenn said. \
                Karl Novak's team stayed in place. He may change some roles, he said.";
    let d = run(text);
    assert_eq!(speaker(&d, quote(&d, "The story was fair")), "Tom Fenn", "{:?}", texts(&d));
    assert_eq!(speaker(&d, quote(&d, "He may change some roles")), "Karl Novak", "{:?}", texts(&d));
    // with no other name between, the pronoun is still the last speaker's
    let d = run("\"The story was fair,\" the editor Tom Fenn said. \"It was checked twice,\" he added.");
    assert_eq!(speaker(&d, quote(&d, "It was checked twice")), "Tom Fenn", "{:?}", texts(&d));
}

#[test]
fn a_spokesperson_speaks_for_the_organisation_named_with_them() {
    for text in [
        "A spokesman for Northshire Police confirmed that two men were arrested.",
        "A Northshire Police spokeswoman confirmed that two men were arrested.",
        "A senior spokeswoman for the Northshire Police confirmed that two men were arrested.",
    ] {
        spoken(text, "that two men were arrested", "Northshire Police");
    }
    // an official is someone of their own, and a spokesperson of no named organisation is unresolved
    let d = run("An official at Northshire Police said that two men were arrested.");
    assert_ne!(speaker(&d, quote(&d, "two men were arrested")), "Northshire Police", "{:?}", texts(&d));
    let d = run("A police spokesman said that two men were arrested.");
    assert!(speaker(&d, quote(&d, "two men were arrested")).starts_with('-'), "{:?}", texts(&d));
    // nor is a source at an organisation, nor one of a noun no list knows, before "the" too
    for text in [
        "A senior source at the Northshire Police said that two men were arrested.",
        "A whistleblower at Northshire Police says that two men were arrested.",
        "A whistleblower at the Northshire Police says that two men were arrested.",
    ] {
        let d = run(text);
        assert!(speaker(&d, quote(&d, "two men were arrested")).starts_with('-'), "{text}: {:?}", texts(&d));
    }
    // a text from an organisation is the organisation's
    spoken(
        "A letter from Northshire Police said that two men were arrested.",
        "that two men were arrested",
        "Northshire Police",
    );
    spoken(
        "A report by the Northshire Police said that two men were arrested.",
        "that two men were arrested",
        "Northshire Police",
    );
    // nor does a former one, nor a person's
    for text in [
        "A former Northshire Police spokesman said that two men were arrested.",
        "Northshire Police chief Ann Lee's spokesman said that two men were arrested.",
    ] {
        let d = run(text);
        assert_ne!(speaker(&d, quote(&d, "two men were arrested")), "Northshire Police", "{text}: {:?}", texts(&d));
    }
}

#[test]
fn a_description_speaks_for_the_organisation_named_lately_with_its_noun() {
    let text = "The Harbridge Council Pension Fund paid the invoices. The fund said no pension was affected.";
    spoken(text, "no pension was affected", "Harbridge Council Pension Fund");
    // a sports club's name ends with its own word
    let text = "Brennock sign Okafor in \u{a3}18m deal\n\nBrennock Athletic have signed Tobi Okafor from Vellmouth \
                City for \u{a3}18 million, the club announced on Friday.";
    spoken(
        text,
        "Brennock Athletic have signed Tobi Okafor from Vellmouth City for \u{a3}18 million",
        "Brennock Athletic",
    );
    // not one named long before
    let filler = "The weather in the valley was mild and the harvest came in early that year. ".repeat(45);
    let d = run(&format!("The Harbridge Council Pension Fund paid. {filler}The fund said no pension was affected."));
    assert!(speaker(&d, quote(&d, "no pension was affected")).starts_with('-'), "{:?}", texts(&d));
}

#[test]
fn after_as_the_main_clause_is_what_was_said() {
    spoken("As Tom Fenn noted, the harbour fees rose again.", "the harbour fees rose again", "Tom Fenn");
    spoken(
        "As the Harbridge Courier reported just today, the mayor resigned.",
        "the mayor resigned",
        "Harbridge Courier",
    );
    spoken(
        "As another survey from 2019 noted, most tenants pay late.",
        "most tenants pay late",
        "-another survey from 2019",
    );
    // "As many as" counts the speakers
    let d = run("As many as 2,000 said they would stay.");
    assert_eq!(quote(&d, "they would stay").speaker_span.map(|s| s.of(&d.text)), Some("As many as 2,000"));
    // "as" that is "while", before a verb of a manner of speaking
    let d = run("As protesters chanted, police fired tear gas. As she testified, her husband wept.");
    assert!(d.quotes.is_empty(), "{:?}", texts(&d));
    // not a clause that "As" opens before the sentence's own speaker, nor a verb without speech
    let d = run("As Ann Lee attacked the plan, the crowd chanted, \"Shame!\" and left.");
    assert!(!d.quotes.iter().any(|q| q.span.of(&d.text).starts_with("\"Shame")), "{:?}", texts(&d));
    let d = run("As Ann Lee spoke on Monday, the crowd left.");
    assert!(d.quotes.is_empty(), "{:?}", texts(&d));
    // elsewhere the comma after the day ends the report
    let d = run("Her advisers said Friday, because she knew the risk, nothing.");
    assert!(!d.quotes.iter().any(|q| q.span.of(&d.text).contains("because")), "{:?}", texts(&d));
}

#[test]
fn a_text_speaks_for_the_person_who_owns_it() {
    // the owner in its own phrase, not a person named with the same word before
    let text = "Ann Lee gave a short speech on Monday. Tom Fenn's long victory speech focused on the harbour.";
    spoken(text, "the harbour", "Tom Fenn");
}

#[test]
fn he_or_she_skips_a_text_or_body_that_spoke_last() {
    let text = "Tom Fenn said that the fees would rise. The report noted that costs fell. \
                He added that the port would close.";
    spoken(text, "that the port would close", "Tom Fenn");
    // but a person's text is the person ("Ann Lee's letter ... She", "a letter from Ann Lee")
    let text = "Tom Fenn said that the fees would rise. Ann Lee's letter noted that costs fell. \
                She added that the port would close.";
    spoken(text, "that the port would close", "Ann Lee");
    let text = "Tom Fenn said that the fees would rise. A letter from Ann Lee noted that costs fell. \
                She added that the port would close.";
    spoken(text, "that the port would close", "Ann Lee");
}

#[test]
fn the_n_year_old_is_the_person_of_that_age_or_the_one_just_named() {
    let text = "Brennock Athletic signed Tobi Okafor on Friday. The 24-year-old said he was delighted.";
    spoken(text, "he was delighted", "Tobi Okafor");
    let text = "Anna Lind, 31, and Tom Fenn, 45, were arrested. The 31-year-old told police she was innocent.";
    spoken(text, "she was innocent", "Anna Lind");
    // not one the text gave another age, nor of the other gender, nor a thing
    let d = run("Tom Fenn, 31, denies assaulting the woman. The 24-year-old woman told the court he had hit her.");
    assert!(speaker(&d, quote(&d, "he had hit her")).starts_with('-'), "{:?}", texts(&d));
    let d = run("Ann Lee has led Harbor Foods since 2010. The 150-year-old company said that profits fell.");
    assert_ne!(speaker(&d, quote(&d, "profits fell")), "Ann Lee", "{:?}", texts(&d));
    // not a name inside the quotation it attributes, nor one a paragraph above
    let d = run("Ann Lee spoke first.\n\n\u{201c}Tom Fenn is a fine leader,\u{201d} said the 46-year-old.");
    assert!(speaker(&d, quote(&d, "fine leader")).starts_with('-'), "{:?}", texts(&d));
}

#[test]
fn a_recipient_with_a_possessive() {
    let d = run("Okafor told the club's website he was \"delighted\" to join.");
    let q = quote(&d, "delighted");
    assert_eq!((q.span.of(&d.text), speaker(&d, q).as_str()), ("he was \"delighted\" to join", "Okafor"));
    let text = "Lee told KTV's \u{201c}Morning Hour\u{201d} that the talks had failed.";
    spoken(text, "that the talks had failed", "Lee");
    // not an "'s" that is "is"
    for text in ["Lee told reporters there's no deal.", "Lee told KTV Fenn's a liar."] {
        let d = run(text);
        assert!(!d.quotes.iter().any(|q| q.span.of(&d.text).starts_with(['n', 'a'])), "{text}: {:?}", texts(&d));
    }
}

#[test]
fn the_i_of_a_message_is_its_sender() {
    let text = "From: Dana Whitcombe <dana@orvale.example>\nTo: Peter Lind\nSubject: berth 7\n\n\
                Peter,\n\nAs I said on the phone yesterday, the board will not sign.\n\n\
                -----Original Message-----\nFrom: Peter Lind\nSent: Wednesday, August 13, 2025 4:55 PM\n\
                To: Dana Whitcombe\n\nDana, I told Marta that the contract is ready.\n\n\
                On Tue, 12 Aug 2025 at 10:00, Marta Okafor <m@orvale.example> wrote:\n\
                > I said that the survey is late.\n";
    spoken(text, "the board will not sign", "Dana Whitcombe");
    spoken(text, "that the contract is ready", "Peter Lind");
    spoken(text, "that the survey is late", "Marta Okafor");
    // a header that names no sender leaves the statement's author; a reply line without quoted
    // lines after it is prose
    let text = "To: Ardenport Police\nSubject: witness statement\n\nStatement of Marta Ilves\n\n\
                I said that the van was blue.";
    spoken(text, "that the van was blue", "Marta Ilves");
    let text = "Statement of Marta Ilves\n\nOn 3 March Tom Fenn wrote:\nPay now.\n\nI said that I would not pay.";
    spoken(text, "that I would not pay", "Marta Ilves");
    // a sender named only by address is nobody
    let d = run("From: dana@orvale.example\nTo: Peter Lind\nSubject: berth 7\n\nI said that the board will not sign.");
    assert!(speaker(&d, quote(&d, "the board will not sign")).starts_with('-'), "{:?}", texts(&d));
}

#[test]
fn in_an_interview_the_answers_i_and_the_questions_you_are_the_one_interviewed() {
    let text = "An interview with Rosa Vantreight\n\nBy Hallam Price\n\n\
                Q: You said on Monday that the water was brown. I told my editor that it was.\n\n\
                A: I said that it came out brown for two days.\n";
    // (an answer's own words are all hers: one direct record, "I said" and all)
    assert_eq!(spoken(text, "I said that it came out brown for two days", "Rosa Vantreight"), QuoteKind::Direct);
    spoken(text, "that the water was brown", "Rosa Vantreight");
    // the interviewer's "I", in a question or in the introduction, is the byline's writer
    spoken(text, "that it was", "Hallam Price");
    let text = "An interview with Rosa Vantreight\n\nI told my editor that she would talk.\n\n\
                Q: Did it come out brown?\n\nA: I said that it did.\n";
    let d = run(text);
    assert_ne!(speaker(&d, quote(&d, "that she would talk")), "Rosa Vantreight", "{:?}", texts(&d));
    // the one after a possessive is the interviewer's program's
    let text = "Rosa Vantreight, in an interview with KTV's Tom Fenn\n\nQ: Did it?\n\n  A: I said that it did.\n";
    spoken(text, "that it did", "-I");
    // a story that only mentions an interview is no transcript
    let d = run("In an interview with Rosa Vantreight, the mayor spoke.\n\nI said that it came out brown.");
    assert_ne!(speaker(&d, quote(&d, "that it came out brown")), "Rosa Vantreight", "{:?}", texts(&d));
}

#[test]
fn an_interviews_turns_are_the_words_of_the_one_interviewed_and_of_the_interviewer() {
    let text = "A harbour mayor speaks\n\nElena Vasquez became mayor of Port Ellis in 2023. \
                Elena Vasquez spoke to Callum Reid last week.\n\n\
                Q: Your rival, Tom Achebe, said that you had “no idea how a budget works”. Was he right?\n\n\
                A: Honestly, I never wanted this job. Tom and I get on fine now. The budget speaks for itself.\n\n\
                This interview has been edited for length.\n";
    let d = run(text);
    assert_eq!(spoken(text, "Was he right?", "Callum Reid"), QuoteKind::Direct);
    let answer = "Honestly, I never wanted this job. Tom and I get on fine now. The budget speaks for itself";
    assert_eq!(spoken(text, answer, "Elena Vasquez"), QuoteKind::Direct);
    // a statement inside a turn stays its speaker's, and what follows the last turn is no answer
    assert_eq!(speaker(&d, quote(&d, "no idea how a budget works")), "Tom Achebe");
    assert!(d.quotes.iter().all(|q| !q.span.of(&d.text).contains("edited")), "{:?}", texts(&d));
    // a transcript without blank lines: each turn ends where the next opens; a scare quote in an
    // answer is part of it; a pronoun in an answer is no one interviewed
    let text = "An interview with Marta Ilves\n\nBy Sam Noor\n\nQ: Why did you sell?\n\
                A: It was a “perfect storm” of problems.\nQ: And your son?\nA: He said the mill was cold.\n";
    assert_eq!(spoken(text, "Why did you sell?", "Sam Noor"), QuoteKind::Direct);
    let d = run(text);
    let q = quote(&d, "It was a “perfect storm” of problems");
    assert_eq!(q.parts.iter().map(|p| p.of(&d.text)).collect::<Vec<_>>(), ["It was a “perfect storm” of problems"]);
    assert_eq!(speaker(&d, quote(&d, "the mill was cold")), "-He", "{:?}", texts(&d));
    // (and at a line of another label: a quiz's options)
    let text = "An interview with Marta Ilves\n\nQ: Which did you pick?\nA: The first, of course\nB: Venus\n";
    spoken(text, "The first, of course", "Marta Ilves");
    // one the introduction says was spoken to is no interviewer when they are the one interviewed
    let text = "Our reporter Callum Reid spoke to Elena Vasquez. Callum Reid asked about the budget Elena \
                Vasquez passed.\n\n\
                Q: Was the budget a mistake?\n\nA: No. It speaks for itself.\n";
    assert_eq!(spoken(text, "No. It speaks for itself", "Elena Vasquez"), QuoteKind::Direct);
    spoken(text, "Was the budget a mistake?", "-Q");
    // the one interviewed, called by name in a question, is still the one interviewed
    let text = "Elena Vasquez runs the mill. In an interview, Elena Vasquez spoke about it.\n\n\
                Q: Ms Vasquez, why did you sell the mill?\n\nA: It was losing money.\n";
    spoken(text, "It was losing money", "Elena Vasquez");
    // a witness's evidence is not the defendant's, nor an FAQ's answers the council officer's
    let text = "John Bell, 42, denies murder. John Bell sat in the dock. The questions below were put to \
                a neighbour.\n\nQ: Did you see Mr Bell that night?\n\nA: I saw a man.\n";
    let d = run(text);
    assert!(d.quotes.iter().all(|q| !q.span.of(&d.text).contains("I saw a man")), "{:?}", texts(&d));
    // (nor, with no word of an interview, the one the introduction names most)
    let text = "Senator Bill Hart faces a vote. Bill Hart denies wrongdoing.\n\nQ: When did you leave?\n\n\
                A: In March.\n";
    let d = run(text);
    assert!(d.quotes.iter().all(|q| !q.span.of(&d.text).contains("In March")), "{:?}", texts(&d));
    let text = "Parking permits: frequently asked questions, answered by Jane Ode. Jane Ode runs the \
                scheme.\n\nQ: Can I park outside my house?\n\nA: Permit holders can park in any bay.\n";
    let d = run(text);
    assert!(d.quotes.iter().all(|q| !q.span.of(&d.text).contains("any bay")), "{:?}", texts(&d));
    // no "Q:" and "A:" lines both, no transcript
    let d = run("Elena Vasquez spoke to Callum Reid.\n\nA: The budget speaks for itself.\n");
    assert!(d.quotes.iter().all(|q| !q.span.of(&d.text).contains("budget")), "{:?}", texts(&d));
}

#[test]
fn a_pronoun_does_not_continue_the_narrator() {
    // "he" after the text's "I" is someone else, whatever the "I" was resolved to
    let text = "Statement of Ann Lee. I told him I did not know. He said: \"Pay me by Friday.\"";
    let d = run(text);
    assert_ne!(speaker(&d, quote(&d, "Pay me by Friday")), "Ann Lee", "{:?}", texts(&d));
    assert_ne!(speaker(&d, quote(&d, "I did not know")), speaker(&d, quote(&d, "Pay me by Friday")));
}

#[test]
fn each_message_of_a_chat_export_is_its_senders() {
    let text = "Exhibit 14: messages recovered from the phone\n\n\
                [12/03/2024, 21:14] Rory Quill: did you move the boxes from the unit yet\n\
                [12/03/2024, 21:16] Dana Petch: not yet. tomorrow morning before 7\n\
                [12/03/2024, 21:30] Dana Petch: I'll get Sam to help.\n";
    let d = run(text);
    let q = quote(&d, "did you move the boxes");
    assert_eq!((q.kind, speaker(&d, q)), (QuoteKind::Direct, "Rory Quill".to_string()));
    assert_eq!(q.span.of(&d.text), "did you move the boxes from the unit yet");
    let q = quote(&d, "not yet");
    assert_eq!(q.span.of(&d.text), "not yet. tomorrow morning before 7");
    assert_eq!(speaker(&d, q), "Dana Petch");
    assert_eq!(speaker(&d, quote(&d, "get Sam")), "Dana Petch");
    // one line of that shape in prose is no chat
    let d = run("The log shows one entry.\n[12/03/2024, 21:14] Rory Quill: gone\n\nNothing else was found.");
    assert!(d.quotes.is_empty(), "{:?}", texts(&d));
}

#[test]
fn a_clause_joined_after_the_cue_phrase_is_no_content_of_it() {
    // "spoke to X and she ...": what follows "and" is a sentence of its own, with its own cue
    let text = "I spoke to the county surveyor this morning and she said the bridge cannot reopen.";
    let d = run(text);
    assert!(d.quotes.iter().all(|q| !q.span.of(&d.text).starts_with("she")), "{:?}", texts(&d));
    assert_eq!(quote(&d, "the bridge cannot reopen").span.of(&d.text), "the bridge cannot reopen");
    // a list of recipients goes on
    assert_eq!(run("He told reporters and editors that it would reopen.").quotes.len(), 1);
}

#[test]
fn a_request_for_comment_reports_nothing() {
    let d = run("The Gazette has asked for comment by 10am. The mayor asked for a comment on the plan.");
    assert!(d.quotes.is_empty(), "{:?}", texts(&d));
    // a deadline is no part of what was asked for
    let d = run("The Gazette asked for the full report by 10am.");
    assert_eq!(quote(&d, "the full report").span.of(&d.text), "the full report");
}

#[test]
fn an_object_after_for_ends_where_a_clause_of_its_own_begins() {
    // "called for X, and Y denounced it": after "for" an object, not a clause running on
    let d = run("Mr Hale called for a boycott of the hearing, and the Ardley Trust denounced the plan.");
    assert_eq!(quote(&d, "a boycott").span.of(&d.text), "a boycott of the hearing");
    assert_eq!(quote(&d, "the plan").span.of(&d.text), "the plan");
    // an aside between commas before the infinitive goes on with the object
    let d = run("Ms Orme called for the minimum wage, now $7.25 an hour, to be raised to $15.");
    assert_eq!(
        quote(&d, "the minimum wage").span.of(&d.text),
        "the minimum wage, now $7.25 an hour, to be raised to $15"
    );
    // a time word inside a compound noun is no time of the saying
    let d = run("The group calls for the party to respond to the attack at a gay night club in Kell.");
    assert_eq!(
        quote(&d, "the party").span.of(&d.text),
        "the party to respond to the attack at a gay night club in Kell"
    );
    // "for the first time" is no object; "for the exact time" is one
    let d = run("The ministry acknowledged for the first time Friday that the files had been lost.");
    assert_eq!(quote(&d, "the files").span.of(&d.text), "that the files had been lost");
    let d = run("Police asked for the exact time of the crash.");
    assert_eq!(quote(&d, "the exact").span.of(&d.text), "the exact time of the crash");
    // an aside with a verb of its own, before the infinitive; "such as" goes on; a deadline
    // with its article goes
    let d = run("The MP called for the minister, who resigned last year, to be investigated.");
    assert_eq!(quote(&d, "the minister").span.of(&d.text), "the minister, who resigned last year, to be investigated");
    let d = run("The group called for sanctions, such as travel bans and asset freezes.");
    assert_eq!(quote(&d, "sanctions").span.of(&d.text), "sanctions, such as travel bans and asset freezes");
    let d = run("The union called for a review of the policy by the end of the year.");
    assert_eq!(quote(&d, "a review").span.of(&d.text), "a review of the policy");
    // the one asked is no content; the question after them is
    let d = run("Ms Lee asked of her rival whether the plan would work.");
    assert_eq!(quote(&d, "whether").span.of(&d.text), "whether the plan would work");
    let d = run(
        "Ms Orme called for all firms to publish their costs, something she has repeatedly asked of her Democratic rival Tom Fenn.",
    );
    assert!(d.quotes.iter().all(|q| !q.span.of(&d.text).contains("Tom Fenn")), "{:?}", texts(&d));
}

#[test]
fn a_part_of_a_whole_and_an_added_object_report_nothing() {
    // "Of the 32 brands …, only 11 replied": a part of a whole before an intransitive cue
    let text = "Of the 32 apparel brands we contacted, only 11 replied, and just four said they had traced their supply chains.";
    let d = run(text);
    assert!(d.quotes.iter().all(|q| !q.span.of(&d.text).starts_with("Of the")), "{:?}", texts(&d));
    assert_eq!(quote(&d, "they had traced").span.of(&d.text), "they had traced their supply chains");
    // a number word is a subject, but not before its noun ("nine states where …"), nor after
    // "none of"
    let d = run("In eight of nine states where polls were held, voters wanted more of the same.");
    assert!(d.quotes.is_empty(), "{:?}", texts(&d));
    let d = run("None of those three have declared any preferences. None of the 12 said they would vote.");
    assert!(d.quotes.is_empty(), "{:?}", texts(&d));
    // ", adding 650 employees": an object added, nothing said; a clause after "adding" is said
    let d =
        run("Harwick bought Farrow Engineering in July for £84 million, adding around 650 employees and two sites.");
    assert!(d.quotes.is_empty(), "{:?}", texts(&d));
    let d = run("Ms Lee said the deal was done, adding the sites would stay open.");
    assert_eq!(quote(&d, "the sites").span.of(&d.text), "the sites would stay open");
    let d = run("Ms Lee welcomed the deal, adding the market remains weak.");
    assert_eq!(quote(&d, "the market").span.of(&d.text), "the market remains weak");
    // a statement opening with "Of" is one; a number word inside a name or a clause is no speaker
    let text = "Of course we will appeal, said Mara Lindqvist, the council leader.";
    assert_eq!(spoken(text, "Of course we will appeal", "Mara Lindqvist"), QuoteKind::Indirect);
    let d = run("Gwen Graham spoke in Tampa. Her remarks came the day after the convention ended.");
    assert!(d.quotes.is_empty(), "{:?}", texts(&d));
    let d = run("Casualties rose to four hundred said the ministry.");
    assert!(d.quotes.iter().all(|q| q.span.of(&d.text) != "the ministry"), "{:?}", texts(&d));
}

#[test]
fn a_name_after_an_owner_and_role_words_is_the_speaker() {
    // "said her former partner Jens Aukrust", where "her" is a mention of someone else
    let text = "Margaret Vollan retired in 2002. “She never designed for a magazine cover,” said her former partner Jens Aukrust.";
    let d = run(text);
    assert_eq!(speaker(&d, quote(&d, "She never designed")), "Jens Aukrust");
}

#[test]
fn a_pronoun_speaker_agrees_with_a_given_name_of_the_census_lists() {
    // neither given name is on the linker's short list
    let d = run("Cornelius Holt met Wilhelmina Ellery in Dunmore on Monday.\n\n“The trip was long,” she said.");
    assert_eq!(speaker(&d, quote(&d, "The trip was long")), "Wilhelmina Ellery");
}
