//! Every sentence here is invented for the tests.

use super::*;
use crate::pipeline::Pipeline;

fn toks(text: &str) -> Vec<&str> {
    tokenize(text).iter().map(|t| t.span.of(text)).collect()
}

fn kinds(text: &str) -> Vec<(&str, TokenKind)> {
    tokenize(text).iter().map(|t| (t.span.of(text), t.kind)).collect()
}

fn sents(text: &str) -> Vec<&str> {
    split_sentences(text, &tokenize(text)).iter().map(|s| s.of(text)).collect()
}

#[test]
fn titles_and_abbreviations_keep_their_period() {
    assert_eq!(
        toks("Mr Hale and Mrs. Ode met Dr. Pax, Gen. Ruiz and Sen. Obi on Jan. 5."),
        [
            "Mr", "Hale", "and", "Mrs.", "Ode", "met", "Dr.", "Pax", ",", "Gen.", "Ruiz", "and", "Sen.", "Obi", "on",
            "Jan.", "5", "."
        ]
    );
    assert_eq!(
        toks("The U.S. and U.K. teams, e.g. Ph.D. students."),
        ["The", "U.S.", "and", "U.K.", "teams", ",", "e.g.", "Ph.D.", "students", "."]
    );
    assert_eq!(toks("MR. LEE of Acme Inc. etc."), ["MR.", "LEE", "of", "Acme", "Inc.", "etc."]);
    // "No." is an abbreviation only before a number
    assert_eq!(toks("No. 10 said no."), ["No.", "10", "said", "no", "."]);
    assert_eq!(toks("They said No."), ["They", "said", "No", "."]);
    assert_eq!(
        toks("non-U.S. firms, Sen. Vance, R-Ariz., and 30°C."),
        ["non-U.S.", "firms", ",", "Sen.", "Vance", ",", "R-Ariz.", ",", "and", "30", "°", "C", "."]
    );
    // an ordinary word keeps no period, even a lowercase state abbreviation's look-alike
    assert_eq!(toks("He fell ill."), ["He", "fell", "ill", "."]);
}

#[test]
fn initials() {
    assert_eq!(toks("J. K. Rowling and T.S. Eliot"), ["J.", "K.", "Rowling", "and", "T.S.", "Eliot"]);
}

#[test]
fn numbers_times_and_ordinals() {
    assert_eq!(
        toks("It cost 1,000.5 euros, up 3.5% at 6.14am, 18:30 and 7 p.m. on the 22nd in the 1990s."),
        [
            "It", "cost", "1,000.5", "euros", ",", "up", "3.5", "%", "at", "6.14am", ",", "18:30", "and", "7", "p.m.",
            "on", "the", "22nd", "in", "the", "1990s", "."
        ]
    );
    assert_eq!(
        kinds("6.14am 22nd 1,000"),
        [("6.14am", TokenKind::Number), ("22nd", TokenKind::Number), ("1,000", TokenKind::Number)]
    );
    // a list of digits is not a thousands number; a unit is its own token
    assert_eq!(toks("1,2 and 10km or 4x4 and 3D"), ["1", ",", "2", "and", "10", "km", "or", "4x4", "and", "3D"]);
    assert_eq!(toks("In 2019. Then"), ["In", "2019", ".", "Then"]);
    // an ISO date and time is one number, with its seconds and zone
    assert_eq!(
        toks("At 2018-06-22T14:30:05.250Z, then 2018-06-22T14:30+01:00."),
        ["At", "2018-06-22T14:30:05.250Z", ",", "then", "2018-06-22T14:30+01:00", "."]
    );
}

#[test]
fn currency_and_percent() {
    assert_eq!(
        kinds("$5, €3.20 and £1.5bn (4%)"),
        [
            ("$", TokenKind::Symbol),
            ("5", TokenKind::Number),
            (",", TokenKind::Punct),
            ("€", TokenKind::Symbol),
            ("3.20", TokenKind::Number),
            ("and", TokenKind::Word),
            ("£", TokenKind::Symbol),
            ("1.5", TokenKind::Number),
            ("bn", TokenKind::Word),
            ("(", TokenKind::Punct),
            ("4", TokenKind::Number),
            ("%", TokenKind::Punct),
            (")", TokenKind::Punct),
        ]
    );
}

#[test]
fn links_and_emails_are_one_token() {
    assert_eq!(
        kinds("See https://example.org/a_(b)?c=1, www.example.com. Mail ann.lee@example.org or news.example.co.uk/x."),
        [
            ("See", TokenKind::Word),
            ("https://example.org/a_(b)?c=1", TokenKind::Link),
            (",", TokenKind::Punct),
            ("www.example.com", TokenKind::Link),
            (".", TokenKind::Punct),
            ("Mail", TokenKind::Word),
            ("ann.lee@example.org", TokenKind::Link),
            ("or", TokenKind::Word),
            ("news.example.co.uk/x", TokenKind::Link),
            (".", TokenKind::Punct),
        ]
    );
    // a missing space after a full stop is not a link
    assert_eq!(toks("the end.It was"), ["the", "end", ".", "It", "was"]);
    assert_eq!(toks("(http://example.org)"), ["(", "http://example.org", ")"]);
}

#[test]
fn hyphens_apostrophes_and_clitics() {
    assert_eq!(
        toks("El-Sheikh, a 20-year-old, met O'Brien and O’Neill"),
        ["El-Sheikh", ",", "a", "20-year-old", ",", "met", "O'Brien", "and", "O’Neill"]
    );
    assert_eq!(
        toks("Britain's and Britain’s, the workers' union"),
        ["Britain", "'s", "and", "Britain", "’s", ",", "the", "workers", "'", "union"]
    );
    assert_eq!(
        toks("I don't know, they can't. We’re sure it's DON'T"),
        ["I", "do", "n't", "know", ",", "they", "ca", "n't", ".", "We", "’re", "sure", "it", "'s", "DO", "N'T"]
    );
    assert_eq!(toks("rock'n'roll y'all the U.S.'s"), ["rock'n'roll", "y'all", "the", "U.S.", "'s"]);
    assert_eq!(toks("BRITAIN'S ARMY"), ["BRITAIN", "'S", "ARMY"]);
    assert_eq!(kinds("workers'")[1], ("'", TokenKind::Quote));
}

#[test]
fn quote_marks_are_their_own_tokens() {
    assert_eq!(
        kinds("“Yes,” he said. \"No.\" ‘Maybe’ «oui» ``so''"),
        [
            ("“", TokenKind::Quote),
            ("Yes", TokenKind::Word),
            (",", TokenKind::Punct),
            ("”", TokenKind::Quote),
            ("he", TokenKind::Word),
            ("said", TokenKind::Word),
            (".", TokenKind::Punct),
            ("\"", TokenKind::Quote),
            ("No", TokenKind::Word),
            (".", TokenKind::Punct),
            ("\"", TokenKind::Quote),
            ("‘", TokenKind::Quote),
            ("Maybe", TokenKind::Word),
            ("’", TokenKind::Quote),
            ("«", TokenKind::Quote),
            ("oui", TokenKind::Word),
            ("»", TokenKind::Quote),
            ("``", TokenKind::Quote),
            ("so", TokenKind::Word),
            ("''", TokenKind::Quote),
        ]
    );
}

#[test]
fn dashes_and_ellipses_are_punctuation() {
    assert_eq!(
        kinds("Calm — for now – held -- barely… or..."),
        [
            ("Calm", TokenKind::Word),
            ("—", TokenKind::Punct),
            ("for", TokenKind::Word),
            ("now", TokenKind::Word),
            ("–", TokenKind::Punct),
            ("held", TokenKind::Word),
            ("--", TokenKind::Punct),
            ("barely", TokenKind::Word),
            ("…", TokenKind::Punct),
            ("or", TokenKind::Word),
            ("...", TokenKind::Punct),
        ]
    );
}

#[test]
fn symbols_keep_their_modifiers() {
    assert_eq!(
        kinds("ok 👍🏽 🇫🇷 👩‍👧"),
        [("ok", TokenKind::Word), ("👍🏽", TokenKind::Symbol), ("🇫🇷", TokenKind::Symbol), ("👩‍👧", TokenKind::Symbol)]
    );
    assert_eq!(toks("café naïve Zoë"), ["café", "naïve", "Zoë"]);
}

#[test]
fn paragraph_starts() {
    let text = "One.\n \nTwo.\nThree.\r\n\r\nFour\u{2029}Five";
    let t = tokenize(text);
    let starts: Vec<&str> = t.iter().filter(|t| t.para_start).map(|t| t.span.of(text)).collect();
    assert_eq!(starts, ["Two", "Four", "Five"]);
    assert!(!t[0].para_start);
}

#[test]
fn sentences_respect_abbreviations() {
    assert_eq!(
        sents("Mr. Ode went to Lagos. He met U.S. officials there."),
        ["Mr. Ode went to Lagos.", "He met U.S. officials there."]
    );
    assert_eq!(
        sents("She lived in the U.S. The next day she left."),
        ["She lived in the U.S.", "The next day she left."]
    );
    assert_eq!(
        sents("The book by J. K. Rowling sold well. Gen. Ruiz read it."),
        ["The book by J. K. Rowling sold well.", "Gen. Ruiz read it."]
    );
    assert_eq!(
        sents("She works for Acme Inc. The firm grew. Acme Inc. said so."),
        ["She works for Acme Inc.", "The firm grew.", "Acme Inc. said so."]
    );
    assert_eq!(
        sents("He went to No. 10 on Jan. 5. It was 7 p.m. and dark."),
        ["He went to No. 10 on Jan. 5.", "It was 7 p.m. and dark."]
    );
    assert_eq!(
        sents("It rose 2.5 per cent in 2019. 12 firms failed."),
        ["It rose 2.5 per cent in 2019.", "12 firms failed."]
    );
}

#[test]
fn sentences_end_with_their_closing_quote() {
    assert_eq!(sents("He said: “We will win.” Then he left."), ["He said: “We will win.”", "Then he left."]);
    assert_eq!(
        sents("\"We will win,\" he said. \"We have the votes.\" She nodded."),
        ["\"We will win,\" he said.", "\"We have the votes.\"", "She nodded."]
    );
    assert_eq!(sents("“Why?” he asked. ‘Because.’ Fine."), ["“Why?” he asked.", "‘Because.’", "Fine."]);
    // a closing quote or bracket never opens a sentence, even after a space
    assert_eq!(
        sents("He said \"go home. \" Then he left. (It was late.) She stayed."),
        ["He said \"go home. \"", "Then he left.", "(It was late.)", "She stayed."]
    );
    assert_eq!(sents("It ended. ” Next came."), ["It ended. ”", "Next came."]);
}

#[test]
fn sentences_end_at_question_exclamation_and_ellipsis() {
    assert_eq!(
        sents("Really? Yes! Well... I doubt it… maybe not. Wow?! OK."),
        ["Really?", "Yes!", "Well...", "I doubt it… maybe not.", "Wow?!", "OK."]
    );
    // after a bare stop a lowercase word starts a sentence (web text drops capitals); after a
    // closing quote it continues the sentence
    assert_eq!(sents("is it over? yes it is. then we left"), ["is it over?", "yes it is.", "then we left"]);
    assert_eq!(
        sents("\"Is it over?\" asked Ann. \"Yes.\" she said."),
        ["\"Is it over?\" asked Ann.", "\"Yes.\" she said."]
    );
    // a period written against the next word is part of a name, not a stop
    assert_eq!(sents("Posted to alt.news.today and FILE.txt here."), ["Posted to alt.news.today and FILE.txt here."]);
}

#[test]
fn list_numbers_citations_and_lowercase_abbreviations() {
    assert_eq!(
        sents("2.1. Methods\n\nTwo claims: 1. that it works, and 2. that it scales."),
        ["2.1. Methods", "Two claims: 1. that it works, and 2. that it scales."]
    );
    assert_eq!(
        sents("He was born in 1901. [3] He died in 1980. [4][5] Later."),
        ["He was born in 1901. [3]", "He died in 1980. [4][5]", "Later."]
    );
    assert_eq!(
        sents("Ann Lee (b. 1950, d. 2020) was a painter. She lived in Oslo."),
        ["Ann Lee (b. 1950, d. 2020) was a painter.", "She lived in Oslo."]
    );
}

#[test]
fn web_text_without_full_stops() {
    assert_eq!(kinds("nice :) ok")[1], (":)", TokenKind::Symbol));
    assert_eq!(sents("I love it :) We will be back."), ["I love it :)", "We will be back."]);
    assert_eq!(sents("Great stay! 👍 We will return."), ["Great stay! 👍", "We will return."]);
    assert_eq!(sents("See http://example.org/x They said so."), ["See http://example.org/x", "They said so."]);
    assert_eq!(sents("Thanks for reading. ***** Next item here"), ["Thanks for reading.", "*****", "Next item here"]);
    assert_eq!(sents("Hi Ann, I will be late. Thanks, Bo"), ["Hi Ann,", "I will be late.", "Thanks,", "Bo"]);
    // a title whose line break was lost, but not a name of a newspaper inside a sentence
    assert_eq!(
        sents("Lovely Cottage This cottage is a charming place."),
        ["Lovely Cottage", "This cottage is a charming place."]
    );
    assert_eq!(
        sents("HOLD THE FRONT PAGE After months of talks, they agreed."),
        ["HOLD THE FRONT PAGE", "After months of talks, they agreed."]
    );
    assert_eq!(sents("She told The Associated Press on Monday."), ["She told The Associated Press on Monday."]);
    assert_eq!(sents("However, The Times said so."), ["However, The Times said so."]);
}

#[test]
fn paragraphs_always_end_sentences() {
    assert_eq!(
        sents("No full stop here\n\nNext paragraph, also none\n  \n  Third"),
        ["No full stop here", "Next paragraph, also none", "Third"]
    );
    assert_eq!(sents("Mr.\n\nHale"), ["Mr.", "Hale"]);
}

#[test]
fn headline_and_byline_lines_end_sentences() {
    let text = "Floods hit the north\nBy Ana Ruiz, Staff Reporter\nLAGOS, May 2 — Rain fell. It stopped.";
    assert_eq!(
        sents(text),
        ["Floods hit the north", "By Ana Ruiz, Staff Reporter", "LAGOS, May 2 — Rain fell.", "It stopped."]
    );
    // an unfinished line does not end a sentence
    assert_eq!(
        sents("The talks between the\nMinistry and the union"),
        ["The talks between the\nMinistry and the union"]
    );
    assert_eq!(sents("Leaders met in\nGeneva"), ["Leaders met in\nGeneva"]);
    assert_eq!(sents("Rain fell and\nlater it stopped"), ["Rain fell and\nlater it stopped"]);
    // a title run into its text ends before the word that opens the text, but a possessive
    // leaves its name unfinished ("NBC's Today show")
    assert_eq!(
        sents("Floods Hit Kell Today the river rose again."),
        ["Floods Hit Kell", "Today the river rose again."]
    );
    assert_eq!(
        sents("Lee said on KTV's Today show that she would run."),
        ["Lee said on KTV's Today show that she would run."]
    );
}

#[test]
fn clock_times_that_head_a_line_are_sentences_of_their_own() {
    // a live blog's entries and a log's lines
    assert_eq!(
        sents("17:42 Police say two people were rescued.\n\n5.15pm BST The council said no."),
        ["17:42", "Police say two people were rescued.", "5.15pm BST", "The council said no."]
    );
    assert_eq!(sents("Update\n09:30 GMT Markets opened lower."), ["Update", "09:30 GMT", "Markets opened lower."]);
    assert_eq!(sents("5:15 p.m. Police say two people were hurt."), ["5:15 p.m.", "Police say two people were hurt."]);
    assert_eq!(sents("17:42 Sunderland fans say no."), ["17:42", "Sunderland fans say no."]);
    // not inside a line, nor a clock that its sentence goes on from, nor a number that is no clock
    assert_eq!(sents("We met at 17:42 Police were there."), ["We met at 17:42 Police were there."]);
    assert_eq!(sents("10:30 is when it starts."), ["10:30 is when it starts."]);
    assert_eq!(sents("3.14 Pi is a number."), ["3.14 Pi is a number."]);
    assert_eq!(sents("25:10 Nobody came."), ["25:10 Nobody came."]);
    assert_eq!(sents("9:15 am Tuesday"), ["9:15 am Tuesday"]);
    assert_eq!(sents("09:00 Monday the council meets again."), ["09:00 Monday the council meets again."]);
    assert_eq!(sents("17:42 Ardenport Harbour\nBoats sank."), ["17:42 Ardenport Harbour", "Boats sank."]);
}

#[test]
fn hard_wrapped_prose_is_not_cut_at_line_breaks() {
    let text = "The committee said on Tuesday that the new rules would apply\n\
                from next year, after a long review led by Judge Ama Owusu\n\
                and Professor Lin Bao, who both declined to comment on it\n\
                Friday.";
    assert_eq!(sents(text).len(), 1);
    // a line that fills the width runs on after an initial too
    let text = "The committee said on Tuesday that the new rules were drafted by J.\n\
                Owusu and Professor Lin Bao, who both declined to comment on it\n\
                on Friday, when the review was published by the city council.\n\
                It will apply from next year.";
    assert_eq!(sents(text).len(), 2, "{:?}", sents(text));
}

#[test]
fn an_abbreviation_ending_a_paragraphs_line_ends_its_sentence() {
    // a line longer than any wrap width is a paragraph of its own
    let long =
        "After the long review of the harbour accounts, which ran for most of the year, the deputy was Thomas L.";
    assert!(long.len() > 100);
    assert_eq!(sents(&format!("{long}\nHayes was not there.")), [long, "Hayes was not there."]);
    let long =
        "In the end, most of the money that the council had set aside for the new bridge and the road went to the U.S.";
    assert_eq!(sents(&format!("{long}\nChris Vale said so.")), [long, "Chris Vale said so."]);
    // not within a line, nor before a lowercase word, nor after a title
    assert_eq!(sents("It was Thomas L. Hayes who came."), ["It was Thomas L. Hayes who came."]);
    let text = format!("{long}\nand came back.");
    assert_eq!(sents(&text), [text.as_str()]);
    assert_eq!(sents("We met Mr.\nHayes there."), ["We met Mr.\nHayes there."]);
    // nor after a short line: a column, a signature, a ragged line, where a name runs on
    assert_eq!(sents("The author Ursula K.\nLe Guin wrote it."), ["The author Ursula K.\nLe Guin wrote it."]);
    assert!(sents("Regards,\nJohn A.\nSmith").iter().any(|s| s.ends_with("John A.\nSmith")));
}

#[test]
fn component_fills_tokens_and_sentences() {
    let p = Pipeline::new(vec![Box::new(Segmenter)]).unwrap();
    assert_eq!(p.names(), ["segment"]);
    assert_eq!(Segmenter.assigns(), [Layer::Tokens, Layer::Sentences]);
    assert!(Segmenter.requires().is_empty());
    let mut doc = Doc::new("d", "Ann left. Bo stayed.");
    p.run(&mut doc);
    assert_eq!(doc.tokens.len(), 6);
    assert_eq!(doc.sentences, [Span::new(0, 9), Span::new(10, 20)]);
}

/// Checks the invariants every output must keep, whatever the input.
fn check(text: &str) {
    let tokens = tokenize(text);
    let mut prev = 0;
    for t in &tokens {
        let s = t.span;
        assert!(s.start >= prev && s.start < s.end && s.end <= text.len(), "{s:?} in {text:?}");
        assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end), "{s:?} in {text:?}");
        assert!(!s.of(text).chars().any(char::is_whitespace), "{:?}", s.of(text));
        prev = s.end;
    }
    let sentences = split_sentences(text, &tokens);
    let mut prev = 0;
    for s in &sentences {
        assert!(s.start >= prev && s.start < s.end && s.end <= text.len(), "{s:?} in {text:?}");
        assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end));
        prev = s.end;
    }
    // every token lies in a sentence, and sentences start and end at token edges
    let mut si = 0;
    for t in &tokens {
        while si < sentences.len() && sentences[si].end <= t.span.start {
            si += 1;
        }
        let s = sentences.get(si).unwrap_or_else(|| panic!("{t:?} after the last sentence in {text:?}"));
        assert!(s.start <= t.span.start && t.span.end <= s.end, "{t:?} outside {s:?} in {text:?}");
    }
    assert_eq!(sentences.first().map(|s| s.start), tokens.first().map(|t| t.span.start));
    assert_eq!(sentences.last().map(|s| s.end), tokens.last().map(|t| t.span.end));
}

#[test]
fn odd_inputs_never_panic_and_keep_spans_valid() {
    let fixed = [
        String::new(),
        " ".into(),
        "\n\n\n".into(),
        "\t \r\n \u{a0}\u{2028}\u{2029}\u{3000}\u{200b}\u{feff}".into(),
        "e\u{301}\u{302} \u{301}\u{301}x \u{301}".into(),
        "👩‍👩‍👧‍👦 🇫🇷🇩🇪🇮 🏳️‍🌈 a\u{200d} \u{200d} \u{200d}\u{200d}".into(),
        "\"'".repeat(5000),
        "“”‘’«»„".repeat(1500),
        "a".repeat(100_000),
        "x-".repeat(10_000),
        "1,".repeat(5000),
        ".".repeat(10_000),
        "U.S.".repeat(1000),
        "n't 's ’s 'S n’T".into(),
        "http:// https://x www. www.x a@b @ # #a @a a@b.c a@.c ftp://".into(),
        "\0\u{1}\u{7f}\u{1c}\u{b}\u{c}".into(),
        "北京市 العَرَبِيَّة हिन्दी ภาษาไทย ﷺ Ⅻ ½ ²".into(),
        "Mr.\n\nMr. \n\"\n\n”. (.) ?! …\n- ".into(),
        "10km. 5a.m. 6p 3.a.m. 1st- 1-a 1:2:3 .5 .".into(),
        "O'' 'O' O'’ ’’’s don' n' 't".into(),
        "\u{2010}\u{2011}a\u{2011}b \u{2014}\u{2014}\u{2026}\u{2026}".into(),
        format!("{}\n{}\n{}", "w ".repeat(30), "W ".repeat(30), "W"),
    ];
    // long runs that a careless scanner would rescan from every token (quadratic time)
    let long = [
        "abc.".repeat(50_000),
        "ab.cd-".repeat(30_000),
        "a@b".repeat(30_000),
        "a.b@".repeat(30_000),
        "http://x.com/(".repeat(10_000),
        "Mr. ".repeat(30_000),
        "x\n".repeat(50_000),
        "word ".repeat(20) + &"\n".repeat(3) + &"line of text\n".repeat(20_000),
    ];
    let t0 = std::time::Instant::now();
    for t in &long {
        check(t);
    }
    assert!(t0.elapsed().as_secs() < 20, "{:?}", t0.elapsed());
    for t in &fixed {
        check(t);
    }
    // many random strings built from troublesome pieces (a fixed linear congruential sequence)
    let pieces = [
        "a", "Z", " ", "\n", "\n\n", ".", "?", "!", "'", "’", "\"", "“", "”", "(", ")", "-", "—", "…", "1", ",", ":",
        "@", "/", "www.", "http://", "é", "\u{301}", "👍", "\u{200d}", "\u{fe0f}", "🇫", "s", "n", "t", "Mr", "U", "&",
        "$", "%", "\r", "\t", "\u{a0}", "北", "ह", "\u{94d}", "_", "#", "`", "m", "am", "km", "x", "com", "\u{2028}",
    ];
    let mut seed: u64 = 0x2545_F491_4F6C_DD1D;
    for _ in 0..4000 {
        seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        let len = (seed >> 33) % 40;
        let mut s = String::new();
        for _ in 0..len {
            seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            s.push_str(pieces[((seed >> 33) % pieces.len() as u64) as usize]);
        }
        check(&s);
    }
}

#[test]
fn a_text_with_no_sentence_ends_is_cut_into_bounded_sentences() {
    // 2,500 words with no stop: pieces of at most 1,000 tokens that cover the text in order
    let words: Vec<String> = (0..2500).map(|i| format!("w{i}")).collect();
    let text = words.join(" ");
    let s = sents(&text);
    assert_eq!(s.len(), 3, "{:?}", s.iter().map(|x| x.split(' ').count()).collect::<Vec<_>>());
    assert!(s.iter().all(|x| x.split(' ').count() <= 1000));
    assert_eq!(s.join(" "), text);
    // the cut comes after the last comma or line break among the last 200 tokens of a piece
    let mut words = words;
    words[899].push(',');
    words[1700].push('\n');
    let text = words.join(" ");
    let s = sents(&text);
    assert!(s[0].ends_with("w899,"), "{}", &s[0][s[0].len() - 20..]);
    assert!(s[1].ends_with("w1700"), "{}", &s[1][s[1].len() - 20..]);
}
