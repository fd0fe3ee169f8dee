//! Time expressions, family by family, against a fixed document date. The sentences are
//! invented for these tests.

mod common;

use common::Rng;
use dossier_model::{Doc, TimeType};
use dossier_nlp::time::{dateline_date, tag_times};
use dossier_nlp::{Component, Pipeline, Segmenter, TimeTagger, split_sentences, tokenize};
use jiff::civil::{Date, date};

/// (text of the expression, type, value) for each expression found.
fn tag(text: &str, anchor: Option<Date>) -> Vec<(String, TimeType, String)> {
    let tokens = tokenize(text);
    let sentences = split_sentences(text, &tokens);
    tag_times(text, &tokens, &sentences, anchor)
        .into_iter()
        .map(|t| (t.span.of(text).to_string(), t.ty, t.value))
        .collect()
}

/// The values found, in order.
fn values(text: &str, anchor: Date) -> Vec<String> {
    tag(text, Some(anchor)).into_iter().map(|(_, _, v)| v).collect()
}

/// The single expression found.
fn one(text: &str, anchor: Date) -> (String, TimeType, String) {
    let mut all = tag(text, Some(anchor));
    assert_eq!(all.len(), 1, "{text:?} gave {all:?}");
    all.remove(0)
}

/// A Thursday.
fn july12() -> Date {
    date(2018, 7, 12)
}

#[test]
fn absolute_dates() {
    let d = july12();
    assert_eq!(
        one("The deal was signed on June 22, 2018, in Vienna.", d),
        ("June 22, 2018".into(), TimeType::Date, "2018-06-22".into())
    );
    assert_eq!(one("It closed on 22 June 2018.", d).2, "2018-06-22");
    assert_eq!(one("Sept. 4, 1998 was the day.", d).2, "1998-09-04");
    assert_eq!(one("Ballots were counted on the 22nd of June.", d).2, "2018-06-22");
    assert_eq!(one("The filing is dated 2018-06-22.", d).2, "2018-06-22");
    assert_eq!(one("In August 1988 the plant opened.", d).2, "1988-08");
    assert_eq!(one("He was born in 1961.", d).2, "1961");
    // a month in lowercase after a preposition of time (web text)
    assert_eq!(values("booked it for her birthday in june and she loved it", d), ["2018-06"]);
    assert!(values("my sister june is here", d).is_empty());
    // "march" and "may" in lowercase are months after a preposition and before a year, and only there
    assert_eq!(values("the shipments started in march 2022 and grew by may 2023.", d), ["2022-03", "2023-05"]);
    for text in
        ["the troops had to march 1500 kilometres.", "the climate march 2019 drew thousands.", "it may 2020 be."]
    {
        let found = tag(text, Some(d));
        assert!(found.iter().all(|(t, _, _)| !t.contains("may") && !t.contains("march")), "{text}: {found:?}");
    }
    // a weekday before its date makes one expression
    let (text, ty, value) = one("Voting ended on Monday, June 22, 2015.", d);
    assert_eq!((text.as_str(), ty, value.as_str()), ("Monday, June 22, 2015", TimeType::Date, "2015-06-22"));
    assert_eq!(one("Voting ended on Monday, June 22.", date(2015, 7, 1)).2, "2015-06-22");
    // a range of days within a month: each day is a date, as TimeML marks them
    assert_eq!(values("The summit was held June 20-21.", d), ["2018-06-20", "2018-06-21"]);
    let texts = |t: &str| tag(t, Some(d)).into_iter().map(|(text, _, _)| text).collect::<Vec<_>>();
    assert_eq!(texts("The summit was held June 20-21."), ["June 20", "21"]);
    assert_eq!(values("The summit is on April 24 and 25 in Brussels.", d), ["2018-04-24", "2018-04-25"]);
    assert_eq!(values("The poll was taken March 17-20 via landlines.", d), ["2018-03-17", "2018-03-20"]);
    assert_eq!(values("Talks were held on 2 and 4 March.", d), ["2018-03-02", "2018-03-04"]);
    assert_eq!(texts("The shooting happened on the night of 4-5 June."), ["4", "5 June"]);
    assert_eq!(values("The conference ran from 9 to 11 July 2017.", d), ["2017-07-09", "2017-07-11"]);
    // but not a count after a date
    assert_eq!(values("On May 3 and 4 people died.", d), ["2018-05-03"]);
    // the week that contains a date (2018-03-06 is in ISO week 10)
    assert_eq!(
        one("A hearing was held the week of March 6.", d),
        ("the week of March 6".into(), TimeType::Date, "2018-W10".into())
    );
}

#[test]
fn joined_lengths_and_days_of_a_year_after_and_house_numbers() {
    let d = july12();
    assert_eq!(
        tag("He was jailed for four years and six months after a trial of two hours and 51 minutes.", Some(d)),
        [
            ("four years and six months".to_string(), TimeType::Duration, "P4Y6M".to_string()),
            ("two hours and 51 minutes".to_string(), TimeType::Duration, "PT2H51M".to_string()),
        ]
    );
    assert_eq!(values("The vote comes three weeks and a day after the caucuses.", d), ["P22D"]);
    // a feast and a relative year after it are one day ("January 20 last year" already was)
    assert_eq!(
        values("Seen on New Year's Eve last year, on Christmas Day next year and on Christmas Day, last year too.", d),
        ["2017-12-31", "2019-12-25", "2018-12-25", "2017"]
    );
    // not a smaller unit first, nor lengths apart
    assert_eq!(values("It took six months and four years.", d), ["P6M", "P4Y"]);
    assert_eq!(values("Four years passed, and six months of talks followed.", d), ["P4Y", "P6M"]);
    assert_eq!(values("The shop at 1180 Orchard Ave. and the one at 1184 Harlow Road closed in 1998.", d), ["1998"]);
}

#[test]
fn numeric_dates_follow_the_document() {
    let d = july12();
    // month first by default (and by validity when the month would be 22)
    assert_eq!(values("The order of 06/22/2018 stands.", d), ["2018-06-22"]);
    assert_eq!(values("The order of 22/06/2018 stands.", d), ["2018-06-22"]);
    assert_eq!(values("Filed 03/04/2018.", d), ["2018-03-04"]);
    // a document that writes the day first somewhere is read day first everywhere
    assert_eq!(values("Filed 03/04/2018 and heard 22/06/2018.", d), ["2018-04-03", "2018-06-22"]);
    // else the order that reads an ambiguous date as the document's own day (a statement's
    // header), here 12 July
    assert_eq!(values("Date: 12/07/2018. Filed 03/04/2018.", d), ["2018-07-12", "2018-04-03"]);
    assert_eq!(values("Date: 07/12/2018. Filed 03/04/2018.", d), ["2018-07-12", "2018-03-04"]);
    // points are written day first; a year first fixes the order too
    assert_eq!(values("The letter is dated 05.06.2018.", d), ["2018-06-05"]);
    assert_eq!(values("The letter is dated 22.06.2018 by the clerk.", d), ["2018-06-22"]);
    assert_eq!(values("The file was saved 2018/06/05.", d), ["2018-06-05"]);
    // but a count with points is no date
    assert!(tag("The fund holds 1.250.000 shares and version 1.2.3 of the code.", Some(d)).is_empty());
    // nor a number after the name of a law's part
    assert_eq!(values("In 2016 Section 1001 and House Bill 1523 (HB 1523's rule) applied.", d), ["2016"]);
    assert_eq!(values("Call 101 quoting incident 1187 of 22 June, or see page 1904.", d), ["2018-06-22"]);
    // "9/11" alone is the 2001 attacks; another day without a year is the document's
    assert_eq!(values("The city changed after 9/11. The vote is on 9/12.", d), ["2001-09-11", "2018-09-12"]);
    // ... with no preposition, but no other month and day written so, which may be a share
    assert_eq!(values("Families of 9/11 victims sued over the 9/11 attacks.", d), ["2001-09-11", "2001-09-11"]);
    for text in ["It passed with a 3/4 majority.", "The 7/7 attacks shook Kell.", "Police answered 24/7 terror alerts."]
    {
        assert!(values(text, d).is_empty(), "{text:?}");
    }
    assert!(values("He watched Fahrenheit 9/11 twice.", d).is_empty());
    assert_eq!(
        values("The city changed after the Sept. 11 attacks and will hold a Sept. 11 memorial.", d),
        ["2001-09-11", "2018-09-11"]
    );
    // ... and so is a bare "Sept. 11" long before or after its anniversary, unless ahead
    assert_eq!(values("Many were shocked after Sept. 11 when the spotlight turned.", d), ["2001-09-11"]);
    assert_eq!(values("They were shocked on Sept. 11.", date(2018, 9, 20)), ["2018-09-11"]);
    assert_eq!(values("It trafficked in Sept. 11 conspiracy theories.", date(2018, 9, 20)), ["2001-09-11"]);
}

#[test]
fn bare_months_follow_the_tense() {
    let d = july12();
    assert_eq!(values("The suspect was captured in January.", d), ["2018-01"]);
    assert_eq!(values("The trial will start in January.", d), ["2019-01"]);
    assert_eq!(values("Prices fell in May and recovered in June.", d), ["2018-05", "2018-06"]);
    // a month before another that has a year takes that year; a month after another needs no
    // preposition to be one
    assert_eq!(values("Payments were made between January and March 2017.", d), ["2017-01", "2017-03"]);
    assert_eq!(values("They met in January and March.", d), ["2018-01", "2018-03"]);
    // a second predicate after "and" has a tense of its own
    assert_eq!(values("The suspect appeared in court Monday and is due back in August.", d), ["2018-07-09", "2018-08"]);
    assert_eq!(values("Talks resume in September.", d), ["2018-09"]);
    assert_eq!(values("The anniversary falls on Sunday.", d), ["2018-07-15"]);
    // short and irregular past forms ("died", "shot", "underwent") are past verbs too
    assert_eq!(values("The judge, who died in December, was 79.", d), ["2017-12"]);
    assert_eq!(values("Gunmen shot two guards in November.", d), ["2017-11"]);
    assert_eq!(values("The senator underwent surgery in December.", d), ["2017-12"]);
    // a present of schedule after a determiner is a noun: "during a visit to Scotland on Friday"
    assert_eq!(values("He spoke to reporters during a visit to Kell on Tuesday.", d), ["2018-07-10"]);
    // but a participle after a determiner describes a noun: "a contested convention"
    assert_eq!(values("That would set up a contested convention in July.", date(2016, 3, 22)), ["2016-07"]);
    // "March" and "May" after "mid-", "early-", "late-"
    assert_eq!(values("The vote was held in mid-May.", d), ["2018-05"]);
    assert_eq!(values("The vote is due in mid-March.", d), ["2019-03"]);
    assert_eq!(values("They met last May.", d), ["2018-05"]);
    assert_eq!(values("They meet next May.", d), ["2019-05"]);
    // a verb with a clause of its own after it is not the expression's ("said that ...")
    assert_eq!(values("The minister said that in January the law will change.", d), ["2019-01"]);
    assert_eq!(values("He has decided that on Monday, he will resign.", d), ["2018-07-16"]);
    // but a relative "that" after a noun is part of the clause ("the role that he played Tuesday")
    assert_eq!(values("He did not play the role that he could have Tuesday, but he might later.", d), ["2018-07-10"]);
    // an obligation or a wish points ahead; a modal before a perfect points back, "will have" ahead
    assert_eq!(values("She must win in May.", d), ["2019-05"]);
    assert_eq!(values("The band wants to tour in June.", d), ["2019-06"]);
    assert_eq!(values("In May, he might have known.", d), ["2018-05"]);
    // nor is the future of a clause that a present report opens ("shows voters say ... will")
    assert_eq!(values("A poll in January shows voters say the law will matter.", d), ["2018-01"]);
    // the verb that reports a quotation is not the quotation's
    assert_eq!(values("\"We feel good about our chances in November,\" the senator said.", d), ["2018-11"]);
    assert_eq!(values("\u{201c}We can win in November\u{201d}, the senator said.", d), ["2018-11"]);
    assert_eq!(values("\"We won,\" the senator said Tuesday.", d), ["2018-07-10"]);
    // ... nor the quotation's verb that of the words that report it
    assert_eq!(values("Lee admitted in a forum Monday night \"it will be very hard to win\".", d), ["2018-07-09"]);
    // a month that opens its sentence takes the main verb past a long phrase
    let text = "In December, soon after the anniversary of the founding of the Kell harbour authority and its \
                first ferry line, a fire in Port Ash, Brenland, destroyed the pier.";
    assert_eq!(values(text, d), ["2017-12"]);
    // ... and no verb of a second clause; a bare infinitive after "let" and its object has no tense
    let text = "On Friday night, in the harbour district of Port Ash, Lee let Kell speak first, and the two \
                will meet again.";
    assert_eq!(values(text, d), ["2018-07-06"]);
    assert_eq!(values("The council let the ferry crews meet on Friday.", d), ["2018-07-06"]);
    // ... but a noun before a scheduled present, or a causer in another clause, leaves it alone
    assert_eq!(values("The tornado watch expires Friday.", d), ["2018-07-13"]);
    assert_eq!(values("The film, which made $50 million, opens Friday.", d), ["2018-07-13"]);
    // a conjunction soon after the expression's comma still ends its long reach
    let text = "On Monday, the mayor cut the budget of the harbour authority, and the council will meet again.";
    assert_eq!(values(text, d), ["2018-07-09"]);
    // "may" and "march" as words are no months
    assert!(tag("Officials may march on the capital.", Some(d)).is_empty());
}

#[test]
fn november_of_an_election_race() {
    // with no tense, November in a sentence about the race is the election's: the coming one in
    // an even year, or the last one within 60 days of it
    let chances = "Lee is upbeat about her chances of winning in November.";
    assert_eq!(values(chances, date(2018, 1, 19)), ["2018-11"]);
    assert_eq!(values(chances, date(2019, 2, 1)), ["2020-11"]);
    assert_eq!(values("Her victory in November, a surprise to many.", date(2018, 12, 20)), ["2018-11"]);
    // a report too far to be its verb gives it no tense
    let far = "He backs Lee, he said, because he prizes electability and taking the state in November.";
    assert_eq!(values(far, date(2018, 4, 9)), ["2018-11"]);
    // not without a word of the race, nor against a tense
    assert_eq!(values("The income figures from November.", date(2018, 1, 19)), ["2017-11"]);
    assert_eq!(values("Lee won the mayoral election in November.", date(2018, 1, 19)), ["2017-11"]);
}

#[test]
fn a_past_year_that_opens_a_sentence_holds_its_bare_months() {
    let d = july12();
    assert_eq!(values("In 2008, she stayed in the race until June.", d), ["2008", "2008-06"]);
    assert_eq!(values("But in 2012, the campaign spent millions on ads beginning in April.", d), ["2012", "2012-04"]);
    assert_eq!(values("Ten years ago, Lee had won 11 straight races in February.", d), ["2008", "2008-02"]);
    // not the next sentence, nor a year inside the sentence
    assert_eq!(values("In 2014, he was extradited. He pleaded guilty in May.", d), ["2014", "2018-05"]);
    assert_eq!(values("He was extradited in 2014 and pleaded guilty in May.", d), ["2014", "2018-05"]);
    // ... but a year that names an event holds the bare months of a past clause
    assert_eq!(values("Lee stayed in the 2008 primary contest until June.", d), ["2008", "2008-06"]);
    assert_eq!(values("In his 2008 campaign, Lee lost more than he won after March.", d), ["2008", "2008-03"]);
    assert_eq!(values("His 2008 campaign will be retold in March.", d), ["2008", "2019-03"]);
    // not a year that names no event, nor one a later year in the sentence replaces
    assert_eq!(values("The 2010 law was repealed in March.", d), ["2010", "2018-03"]);
    assert_eq!(values("After the 2008 primaries, he ran in 2012 and won in March.", d), ["2008", "2012", "2018-03"]);
}

#[test]
fn a_day_of_last_or_next_year() {
    let d = july12();
    assert_eq!(
        one("The law took effect on March 23 last year.", d),
        ("March 23 last year".into(), TimeType::Date, "2017-03-23".into())
    );
    assert_eq!(one("He takes office on January 20 next year.", d).2, "2019-01-20");
    assert_eq!(one("It opened on 4 July of this year.", d).2, "2018-07-04");
    assert_eq!(one("We began on June 16th of last year.", d).2, "2017-06-16");
    assert_eq!(one("The trial starts on the 3rd of May next year.", d).2, "2019-05-03");
}

#[test]
fn year_boundaries() {
    let december = date(2017, 12, 20);
    assert_eq!(values("Prices rose in January.", december), ["2017-01"]);
    assert_eq!(values("The law will take effect in January.", december), ["2018-01"]);
    assert_eq!(values("The hearing is set for Jan. 5.", december), ["2018-01-05"]);
    assert_eq!(values("Shops open late on Dec. 23.", december), ["2017-12-23"]);
    // "since" reaches back however far (a past verb alone yields to a much nearer date ahead)
    let september = date(2016, 9, 29);
    assert_eq!(values("Police have recorded 3,000 shootings since January 1.", september), ["2016-01-01"]);
    // a quarter ahead in the next year; one just ended is still reported
    assert_eq!(values("Profit will rise in the first quarter.", december), ["2018-Q1"]);
    assert_eq!(values("It expects to report a third-quarter loss.", date(2017, 10, 26)), ["2017-Q3"]);
    let january = date(2018, 1, 3);
    assert_eq!(values("Sales were weak in December.", january), ["2017-12"]);
    assert_eq!(values("The report came out on Dec. 28.", january), ["2017-12-28"]);
    assert_eq!(values("They left last December.", january), ["2017-12"]);
    assert_eq!(values("It happened last year.", january), ["2017"]);
    assert_eq!(values("It happened yesterday.", january), ["2018-01-02"]);
    assert_eq!(values("He left last week.", january), ["2017-W52"]);
    assert_eq!(values("Shares fell in the fourth quarter.", january), ["2017-Q4"]);
}

#[test]
fn leap_days() {
    assert_eq!(values("The vote was held on Feb. 29.", date(2020, 3, 1)), ["2020-02-29"]);
    // no Feb. 29 in 2021: the nearest one before
    assert_eq!(values("The vote was held on Feb. 29.", date(2021, 3, 10)), ["2020-02-29"]);
    assert_eq!(
        values("The vote was held on Feb. 28, 2020, and counted the following day.", date(2020, 3, 5)),
        ["2020-02-28", "2020-02-29"]
    );
    assert_eq!(
        values("The vote was held on Feb. 28, 2021, and counted the following day.", date(2021, 3, 5)),
        ["2021-02-28", "2021-03-01"]
    );
    assert_eq!(values("It was a year ago yesterday.", date(2021, 3, 1)), ["2020", "2021-02-28"]);
}

#[test]
fn weekdays() {
    let d = july12();
    assert_eq!(values("He resigned on Tuesday.", d), ["2018-07-10"]);
    assert_eq!(values("The board will meet on Tuesday.", d), ["2018-07-17"]);
    assert_eq!(values("The minister said Thursday that talks had failed.", d), ["2018-07-12"]);
    assert_eq!(values("They met last Friday.", d), ["2018-07-06"]);
    assert_eq!(values("They meet next Friday.", d), ["2018-07-13"]);
    // a weekday with a day of the month: the nearest month where that day is that weekday
    // (July 2018's 9th was a Monday, August's a Thursday)
    assert_eq!(values("We could do Thursday 9th or Friday the 10th.", d), ["2018-08-09", "2018-08-10"]);
    assert_eq!(values("It was on Monday 9th.", d), ["2018-07-09"]);
    assert_eq!(values("A site visit the week after next.", d), ["2018-W30"]);
    // "later Wednesday" in a story stamped Thursday is later that Wednesday, not next week's
    assert_eq!(values("Lee may face a tough crowd when she speaks later Wednesday.", d), ["2018-07-11"]);
    assert_eq!(values("Lee will speak later Friday.", d), ["2018-07-13"]);
    assert_eq!(values("The polls close by Friday.", d), ["2018-07-13"]);
    // "could" points ahead, but negated it tells what was not done
    assert_eq!(values("He could win the state on Tuesday.", d), ["2018-07-17"]);
    assert_eq!(values("His aides could not be reached for comment Tuesday.", d), ["2018-07-10"]);
    assert_eq!(values("His aides couldn\u{2019}t be reached for comment Tuesday.", d), ["2018-07-10"]);
    assert_eq!(values("Neither he nor his aides could be located Tuesday.", d), ["2018-07-10"]);
    // ... but "not only can" is no negation
    assert_eq!(values("Not only can Lee win on Tuesday, she is the favorite.", d), ["2018-07-17"]);
    // "up to" goes with a length of time, not with a day ("up to five years")
    assert_eq!(one("Money poured in leading up to Monday's caucuses.", d).0, "Monday");
    // "going" points ahead, but not after "kept"
    assert_eq!(values("He is going to win on Tuesday.", d), ["2018-07-17"]);
    assert_eq!(values("Protesters kept going until 2 a.m. Tuesday.", d), ["2018-07-10T02:00"]);
    assert_eq!(values("The seats they kept will be on the ballot on Tuesday.", d), ["2018-07-17"]);
    // a weekday paired with the one before it follows it, whatever the tense (2018-07-12 is a Thursday)
    assert_eq!(values("Schools were told to stay shut on Thursday and Friday.", d), ["2018-07-12", "2018-07-13"]);
    assert_eq!(values("The talks ran from Monday to Wednesday.", d), ["2018-07-09", "2018-07-11"]);
    assert_eq!(values("She will be away Monday through Wednesday.", d), ["2018-07-16", "2018-07-18"]);
    // ... but not one named first ("Friday or Monday") nor one apart
    assert_eq!(values("They met Friday and again Tuesday.", d), ["2018-07-06", "2018-07-10"]);
    assert_eq!(values("They met Thursday and again Friday.", d), ["2018-07-12", "2018-07-06"]);
    assert_eq!(
        values("Schools were told to stay shut on Thursday, Friday and Saturday.", d),
        ["2018-07-12", "2018-07-13", "2018-07-14"]
    );
    // a comma alone is no pair
    assert_eq!(values("She left Wednesday, Friday he returned.", d), ["2018-07-11", "2018-07-06"]);
    // a second clause after a fronted day has its own tense
    assert_eq!(values("On Thursday, 140 schools shut, and ministers will decide later.", d), ["2018-07-12"]);
    assert_eq!(values("On Monday, 140 schools shut, and ministers will decide later.", d), ["2018-07-09"]);
    // a participle before "by" after the day describes a noun and tells no tense
    assert_eq!(
        values("The minister, Ann Lee, will travel to Port Halsey on Tuesday to meet families affected by floods.", d),
        ["2018-07-17"]
    );
    assert_eq!(values("He will visit the old town on Tuesday to see homes damaged by the floods.", d), ["2018-07-17"]);
    // ... but not the verb of a clause that the expression opens
    assert_eq!(values("In September the bill passed by a wide margin.", d), ["2017-09"]);
    assert_eq!(values("Late on Tuesday the measure passed by 52 votes to 48.", date(2025, 6, 11)), ["2025-06-10"]);
}

#[test]
fn a_possessive_weekday_is_an_event_of_the_last_three_days_or_the_coming_two() {
    let d = july12();
    // the verbs say what follows from the event, not when it was
    assert_eq!(values("Monday's decision will reverberate down the ballot.", d), ["2018-07-09"]);
    assert_eq!(values("Lee's showing right before Saturday's primary has emboldened his rivals.", d), ["2018-07-14"]);
    // the words before it can say ("ahead of"), or leave it to the verbs ("after", a deadline)
    assert_eq!(values("Aides met ahead of Monday's vote.", d), ["2018-07-16"]);
    assert_eq!(values("After Tuesday's debate, Lee must travel to Kell.", d), ["2018-07-17"]);
    // an event named with a bare weekday six days back would be "last ...": the coming day's
    let friday = date(2018, 7, 13);
    assert_eq!(values("He reminded them that there's an election on Saturday.", friday), ["2018-07-14"]);
    assert_eq!(values("He met voters ahead of the state's contest on Saturday.", friday), ["2018-07-14"]);
    assert_eq!(values("He met voters on Saturday.", friday), ["2018-07-07"]);
    // a plan seen from the past that would land six days ahead is yesterday's
    assert_eq!(values("The fundraiser, which Lee was set to headline Wednesday, was a hit.", d), ["2018-07-11"]);
    assert_eq!(values("Lee was to arrive at the palace on Wednesday.", d), ["2018-07-11"]);
    assert_eq!(values("Lee will arrive at the palace on Wednesday.", d), ["2018-07-18"]);
    // four days back is as often the coming one: the verbs decide
    assert_eq!(values("And while Monday's debate will be his first, he is calm.", friday), ["2018-07-16"]);
    assert_eq!(values("At Monday's debate, Lee cited his record.", friday), ["2018-07-09"]);
    // "soon after" is shortly after, no future
    assert_eq!(values("The mayor tweeted soon after Sunday's storm.", date(2018, 7, 10)), ["2018-07-08"]);
}

#[test]
fn the_present_of_a_scheduled_event_points_ahead() {
    let d = july12();
    assert_eq!(values("The summit opens Friday in Kell.", d), ["2018-07-13"]);
    assert_eq!(values("Lee speaks to the club on Monday and testifies on Tuesday.", d), ["2018-07-16", "2018-07-17"]);
    assert_eq!(values("On Tuesday, voters in Kell vote for a mayor.", d), ["2018-07-17"]);
    // dashes close a clause as commas do
    let dashes = "In a speech from Kell -- which holds a caucus on Saturday -- Lee claimed momentum.";
    assert_eq!(values(dashes, d), ["2018-07-14"]);
    let em = "In a speech from Kell \u{2014} which holds a caucus on Saturday \u{2014} Lee claimed momentum.";
    assert_eq!(values(em, d), ["2018-07-14"]);
    // a passive infinitive points ahead, unless it is a plan seen from the past
    assert_eq!(values("Lee was recasting an address, to be delivered Wednesday in Kell.", d), ["2018-07-18"]);
    assert_eq!(values("The rule that was to be issued on Wednesday covers 4 million workers.", d), ["2018-07-11"]);
    // "can" points ahead like "could"
    assert_eq!(values("We really can win on Tuesday.", d), ["2018-07-17"]);
    assert_eq!(values("Aides can not be reached for comment Tuesday.", d), ["2018-07-10"]);
    assert_eq!(values("She wants a mayor who can win in March.", d), ["2019-03"]);
    // a plural subject takes the base form
    assert_eq!(values("The two leaders meet separately Monday with the envoy.", d), ["2018-07-16"]);
    assert_eq!(values("Rovers travel to Kell on Tuesday night, while Ardenport host Ostmere.", d), ["2018-07-17"]);
    assert_eq!(values("It was the last debate before voters in Kell kick off the race Monday.", d), ["2018-07-16"]);
    assert_eq!(values("Lee scored from a free kick Saturday.", d), ["2018-07-07"]);
    assert_eq!(values("Talks are set to resume Monday.", d), ["2018-07-16"]);
    assert_eq!(values("The talks, set to resume Monday, are in doubt.", d), ["2018-07-16"]);
    assert_eq!(values("The talks, set for Tuesday, are in doubt.", d), ["2018-07-17"]);
    // but a thing set on a day was set then
    assert_eq!(values("The Dow fell 30 points from the record set on Dec. 3.", d), ["2017-12-03"]);
    assert_eq!(values("The mayor is to visit Ostrava on Tuesday.", d), ["2018-07-17"]);
    assert_eq!(values("The deadline is Friday.", d), ["2018-07-13"]);
    assert_eq!(values("The council set Friday as the deadline.", d), ["2018-07-06"]);
    assert_eq!(values("The lease, signed in May, expires in March.", d), ["2018-05", "2019-03"]);
    assert_eq!(values("The law, passed in March, takes effect in January.", d), ["2018-03", "2019-01"]);
    assert_eq!(values("The bridge has been shut since May and reopens in June.", d), ["2018-05", "2019-06"]);
    assert_eq!(values("The vote is on Sunday.", d), ["2018-07-15"]);
    // "would" is a future seen from the past
    assert_eq!(values("The agency said Tuesday it would meet Friday.", d), ["2018-07-10", "2018-07-13"]);
    // the report is the verb of the expression when nothing else comes between them
    assert_eq!(values("The firm said in a statement on Monday that it will appeal.", d), ["2018-07-09"]);
    // but a "would" after the expression belongs to a reported clause
    assert_eq!(values("On Monday, the mayor said he would resign.", d), ["2018-07-09"]);
    // ... unless the report comes first and the expression sits in the reported clause's subject
    assert_eq!(values("Lee said the gathering in September in Kell would be the last.", d), ["2018-09"]);
    assert_eq!(values("Lee said the gathering in September was the last.", d), ["2017-09"]);
    assert_eq!(values("Lee told reporters in March he would run.", d), ["2018-03"]);
    assert_eq!(values("Lee told voters on Sunday that Kell would lead.", d), ["2018-07-08"]);
    assert_eq!(values("On Monday, his aide said he expects to win.", d), ["2018-07-09"]);
    // an event said to loom is ahead, whatever the tense of the clause
    assert_eq!(values("But Lee was not hopeful about the looming showdown in March.", d), ["2019-03"]);
    assert_eq!(values("Aides were worried about the upcoming vote in June.", d), ["2019-06"]);
    // "threatened to" points ahead of an expression after it, and is past for one before it
    assert_eq!(values("Several threatened to disrupt the convention in Kell in March.", d), ["2019-03"]);
    assert_eq!(values("At a Tuesday rally in Kell, Lee promised to cut taxes.", d), ["2018-07-10"]);
    // so does a decision to act
    assert_eq!(values("The council has decided to admit Kell in early March.", d), ["2019-03"]);
    assert_eq!(values("The council voted to close the mine in May.", d), ["2019-05"]);
    // ... but a weekday after it is the decision's
    assert_eq!(values("The Senate voted to confirm Lee on Tuesday.", d), ["2018-07-10"]);
    // "come November" is the coming one; "the March on Kell" is no month
    assert_eq!(values("She is the favorite to win the race come March.", d), ["2019-03"]);
    assert_eq!(values("Aides said she was the favorite come November.", d), ["2018-11"]);
    assert!(values("He was at the March on Kell.", d).is_empty());
    // "a March meeting" is the month, "a March on Kell" is not
    assert_eq!(values("At a March meeting of the caucus, Lee spoke.", d), ["2018-03"]);
    assert!(values("He led a March on Kell.", d).is_empty());
    // after a possessive, only before an event: "Kell's March primary", not "Kell's May said"
    assert_eq!(values("Lee will wait until Kell's March presidential primary.", d), ["2019-03"]);
    assert!(values("Kell's May said it would leave.", d).is_empty());
    // a past form after a number or "needed" after a noun describes the noun
    assert_eq!(values("Entering the final contests in August, Lee leads by 271 pledged delegates.", d), ["2018-08"]);
    assert_eq!(values("Lee would not reach the convention in March with the delegates needed.", d), ["2019-03"]);
    // "likely to" points ahead like "plans to"
    assert_eq!(values("Two in three said they are less likely to vote for Lee in March.", d), ["2019-03"]);
    // a present of "be" alone says nothing of the direction
    assert_eq!(values("The mayor, who is ill, spoke on Tuesday.", d), ["2018-07-10"]);
    // a plan told in the past still looks ahead; a plan in the past perfect does not
    assert_eq!(values("The vote was planned for early March, an aide said.", d), ["2019-03"]);
    assert_eq!(
        values("Exiles planned a rally on Saturday and were planning a march on Monday.", d),
        ["2018-07-14", "2018-07-16"]
    );
    assert_eq!(values("The vote had been scheduled for Monday.", d), ["2018-07-09"]);
    assert_eq!(values("The firm expects to report results in mid-November.", d), ["2018-11"]);
    assert_eq!(values("The envoy might arrive in Kell as early as Tuesday.", d), ["2018-07-17"]);
    // the verb of the expression's own clause outweighs one past a comma after it
    assert_eq!(values("Voters are expected to back her in March, but she has not campaigned.", d), ["2019-03"]);
    assert_eq!(values("In March, she had campaigned.", d), ["2018-03"]);
    assert_eq!(values("The party invited him to the convention in March, where he will speak.", d), ["2019-03"]);
    assert_eq!(values("Lee, who announced a plan on Monday, plans to focus on jobs.", d), ["2018-07-09"]);
    let far = "Lee, who told reporters about his sweeping road spending plan on Monday, plans to focus on jobs.";
    assert_eq!(values(far, d), ["2018-07-09"]);
    assert_eq!(values("Polls show him trailing just ahead of Tuesday's vote.", d), ["2018-07-17"]);
    assert_eq!(values("He is likely to bounce back Tuesday.", d), ["2018-07-17"]);
    assert_eq!(
        values("Vidmar holds its primary on Tuesday; on Saturday, Kell and Ostrava hold caucuses.", d),
        ["2018-07-17", "2018-07-14"]
    );
    // a bare infinitive has no tense; a relative clause after the expression is another thing's
    assert_eq!(values("Asked on Monday whether Lee would hold the post, aides demurred.", d), ["2018-07-09"]);
    assert_eq!(values("The move follows Monday's offer by Kell, which holds a stake.", d), ["2018-07-09"]);
    // a condition points ahead, but not for an expression that names a thing
    assert_eq!(values("The party could lose if Lee is the nominee in November.", d), ["2018-11"]);
    assert_eq!(values("Lee promised reform if they take office in January.", d), ["2019-01"]);
    assert_eq!(values("If Tuesday's debate mattered, the polls will show it.", d), ["2018-07-10"]);
    assert_eq!(values("Aides said that if she were to win in November, she would sign it.", d), ["2018-11"]);
    assert_eq!(values("The fiscal year ends in September.", date(2016, 1, 20)), ["2016-09"]);
    // "have" is a perfect only before a participle: "will have until Friday" points ahead
    assert_eq!(values("The candidates will have until Friday to file.", d), ["2018-07-13"]);
    assert_eq!(values("Lee trying to win in November says they have a new weapon.", date(2016, 6, 10)), ["2016-11"]);
    assert_eq!(values("Aides have been in Kell in August.", d), ["2017-08"]);
    // with no verb to go by, a month before an election is the coming one; a full date the nearest
    let (apr, jul) = (date(2016, 4, 28), date(2016, 7, 18));
    assert_eq!(values("All eyes on the November general election, and on turnout.", apr), ["2016-11"]);
    assert_eq!(values("All eyes on November's general election, and on turnout.", apr), ["2016-11"]);
    assert_eq!(values("Polls see Lee making it to an early May run-off in Kell.", jul), ["2017-05"]);
    assert_eq!(values("His showing in the March 15 primary is a sign.", jul), ["2016-03-15"]);
    assert_eq!(values("The plan still has to move through a June hearing.", date(2016, 4, 23)), ["2016-06"]);
    assert_eq!(values("The plan had to move through a June hearing.", date(2016, 8, 23)), ["2016-06"]);
}

#[test]
fn a_deadline_follows_the_verb_before_it() {
    let d = july12();
    // "by", "until", "through" point ahead, unless a past verb of their clause comes first
    assert_eq!(values("The fund will have raised $3 million by the end of June.", d), ["2019-06"]);
    assert_eq!(values("The fund had raised $3 million by the end of June.", d), ["2018-06"]);
    // quotation marks do not push the verb out of reach
    assert_eq!(
        values(
            "It owed Kell Data $9,000 for \u{201c}survey work\u{201d} and \u{201c}donor files\u{201d} through the end of June.",
            d
        ),
        ["2018-06"]
    );
    assert_eq!(values("The firm polled 900 voters from June 2 through Tuesday.", d), ["2018-06-02", "2018-07-10"]);
    assert_eq!(values("Lee has held rallies in six towns through Tuesday.", d), ["2018-07-10"]);
    // a verb that grants time keeps the deadline ahead
    assert_eq!(values("The court gave Lee until Friday to appeal.", d), ["2018-07-13"]);
    assert_eq!(values("The agency has extended its deadline until Friday.", d), ["2018-07-13"]);
    assert_eq!(values("The hearing was adjourned until Monday.", d), ["2018-07-16"]);
    // a state kept ahead is no past for its participle; a fronted "not until" takes the verb after
    assert_eq!(values("The offices will remain closed until May.", d), ["2019-05"]);
    assert_eq!(values("The offices remained closed until May.", d), ["2018-05"]);
    assert_eq!(values("Not until May did anyone call.", d), ["2018-05"]);
    assert_eq!(values("Not until May will the offices open.", d), ["2019-05"]);
}

#[test]
fn the_first_clock_time_of_a_range_is_on_the_day_of_the_second() {
    let d = july12();
    assert_eq!(
        values("He left on Monday. The store is open 9 a.m. to 5 p.m. Saturday.", d),
        ["2018-07-09", "2018-07-07T09:00", "2018-07-07T17:00"]
    );
    // or the day before, when the range passes midnight
    let text =
        "Police made an arrest on Thursday. Anyone who was there between midnight and 3am on Tuesday should call.";
    assert_eq!(values(text, d), ["2018-07-12", "2018-07-09T24", "2018-07-10T03:00"]);
    assert_eq!(
        values("The road was closed from 10pm until 6am on Saturday.", d),
        ["2018-07-06T22:00", "2018-07-07T06:00"]
    );
    // without a day of its own after it, the day last named, whatever day comes later
    assert_eq!(
        values("The shop opened on Monday. It closed from 9am to 5pm.", d),
        ["2018-07-09", "2018-07-09T09:00", "2018-07-09T17:00"]
    );
    let text =
        "Police made an arrest on Monday. Officers searched the house from 9am to 5pm and will return on Friday.";
    assert_eq!(values(text, d), ["2018-07-09", "2018-07-09T09:00", "2018-07-09T17:00", "2018-07-13"]);
}

#[test]
fn the_weekday_after_a_day_is_the_next_of_its_name() {
    let d = july12();
    let text = "On Tuesday 11 March 2014 I met him. On the Friday he called again.";
    assert_eq!(values(text, d), ["2014-03-11", "2014-03-14"]);
    assert_eq!(values("The bank shut on 3 March 2014 and reopened on the Monday.", d), ["2014-03-03", "2014-03-10"]);
    // not a weekday that names a thing ("the Friday explosions"), which reads from the document date
    assert_eq!(
        values("On 3 March 2014 the bank shut. The Friday explosions shook the city.", d),
        ["2014-03-03", "2018-07-06"]
    );
    // "ahead of" is no deadline
    assert_eq!(values("Lee kept his lead ahead of Tuesday's vote.", d), ["2018-07-17"]);
    // "as early as" is one
    assert_eq!(values("The vote could come as early as Tuesday.", d), ["2018-07-17"]);
    assert_eq!(values("The gunman was seen near the school as early as Monday.", d), ["2018-07-09"]);
    // a past verb in another clause says nothing
    assert_eq!(values("Lee lost, but aides will finish the report by Friday.", d), ["2018-07-13"]);
    // a deadline that opens its clause takes the verb after it
    assert_eq!(values("Through the end of March, the firm had filed 40 claims.", d), ["2018-03"]);
    assert_eq!(values("By Monday morning, crowds had gathered at the gate.", d), ["2018-07-09TMO"]);
    assert_eq!(values("The auditor noted that until June, the fund had lost money.", d), ["2018-06"]);
    // ... also after a quotation mark
    assert_eq!(values("\u{201c}By December, the firm had filed 40 claims,\u{201d} Lee said.", d), ["2017-12"]);
    assert_eq!(values("By the end of March, the plant will close.", d), ["2019-03"]);
    // ... and after a conjunction
    assert_eq!(
        values("Lee spoke of taxes, but by late Monday afternoon the speech had been rewritten.", d),
        ["2018-07-09TAF"]
    );
    assert_eq!(values("Lee spoke of taxes, and by Friday the plant will close.", d), ["2018-07-13"]);
    // "ahead of" may have the event's name between it and the day, within the sentence
    assert_eq!(values("She trailed in polls ahead of the Kell caucuses on Monday.", d), ["2018-07-16"]);
    assert_eq!(values("It turned nasty ahead of Kell's delegate-rich Tuesday primary.", d), ["2018-07-17"]);
    assert_eq!(values("He left ahead of the vote. On Monday, he spoke.", d), ["2018-07-09"]);
    // a colon or a semicolon ends the clause: the verbs past it are another clause's
    assert_eq!(values("The race already had a favorable landscape: Lee has 24 seats up in November.", d), ["2018-11"]);
    // "looking ahead to" points ahead like "ahead of"
    assert_eq!(values("Looking ahead to March, Lee was joined by Kim.", d), ["2019-03"]);
    // ... and so do "toward" and "closer to"; "as far back as", "as recently as" point behind
    assert_eq!(values("She is marching toward February, facing an opponent.", d), ["2019-02"]);
    assert_eq!(values("The Senate slows down as it gets closer to February.", d), ["2019-02"]);
    assert_eq!(values("Clips dating as far back as August.", d), ["2017-08"]);
    assert_eq!(values("It fell from $9 billion as recently as August.", d), ["2017-08"]);
    // "ahead of" may have "the" before the date
    assert_eq!(values("He tried to look presidential ahead of the Nov. 6 election.", date(2018, 5, 1)), ["2018-11-06"]);
    // a range's first date lies before its last
    let victims = "They counted 3,210 victims between January 1 and September 26 alone.";
    assert_eq!(values(victims, date(2018, 9, 29)), ["2018-01-01", "2018-09-26"]);
    assert_eq!(values("Sales rose from December to March.", d), ["2017-12", "2018-03"]);
    // ... but "between two places by August" is still a deadline
    let flights = "Qantas will double its flights between Kell and Ostrava by August.";
    assert_eq!(values(flights, date(2018, 2, 13)), ["2018-08"]);
    // "through" or "until" that closes a range from an earlier date is no deadline
    assert_eq!(values("From March through May, the show was the only one.", d), ["2018-03", "2018-05"]);
    assert_eq!(
        values("The poll of 900 voters, taken Friday through Monday, has a margin of 3 points.", d),
        ["2018-07-06", "2018-07-09"]
    );
    assert_eq!(
        values("The poll of 900 adults taken from May 13 through Sunday was released.", d),
        ["2018-05-13", "2018-07-08"]
    );
}

#[test]
fn relative_to_the_document_date() {
    let d = july12();
    assert_eq!(
        values("Lee left in January of last year and will run in March of next year.", d),
        ["2017-01", "2019-03"]
    );
    assert_eq!(values("Lee spoke in May of this year.", d), ["2018-05"]);
    // "today's" before a thing of the day is the day; before anything else, the present of an era
    assert_eq!(values("Today's vote was delayed.", d), ["2018-07-12"]);
    assert_eq!(values("The notice ran in today's editions of the Kell Courier.", d), ["2018-07-12"]);
    assert_eq!(values("Facts lose their value in today\u{2019}s world.", d), ["PRESENT_REF"]);
    assert_eq!(values("Today's the deadline for the port.", d), ["2018-07-12"]);
    // ... also with a word between
    assert_eq!(values("The chair postponed today's Senate vote on the port.", d), ["2018-07-12"]);
    assert_eq!(values("Lee spoke ahead of today's scheduled meeting.", d), ["2018-07-12"]);
    assert_eq!(values("Today's national debate over the port is toxic.", d), ["PRESENT_REF"]);
    assert_eq!(values("Voters are better off today than they were.", d), ["PRESENT_REF"]);
    assert_eq!(values("The minister said today that the port would reopen.", d), ["2018-07-12"]);
    assert_eq!(values("Sales fell last month.", d), ["2018-06"]);
    assert_eq!(values("Sales rose this year.", d), ["2018"]);
    assert_eq!(values("The mill was built in nineteen hundred.", d), ["1900"]);
    // "one day" after a modal is some time ahead, not a length
    assert_eq!(values("He hopes he will one day fly to the station.", d), ["FUTURE_REF"]);
    assert_eq!(values("Researchers hope one day to cure it.", d), ["FUTURE_REF"]);
    assert_eq!(values("The trip took one day.", d), ["P1D"]);
    assert_eq!(values("He arrived two weeks ago.", d), ["2018-W26"]);
    assert_eq!(values("He arrived 10 days ago.", d), ["2018-07-02"]);
    // half a dozen is six
    assert_eq!(values("He waited half a dozen years, then a half-dozen days.", d), ["P6Y", "P6D"]);
    assert_eq!(values("He stumbled over the past half-dozen days.", d), ["P6D"]);
    // a date has no clock: hours, minutes and seconds ago are today unless they make a day
    assert_eq!(values("He left about an hour ago.", d), ["2018-07-12"]);
    assert_eq!(values("It came out only 20 minutes ago.", d), ["2018-07-12"]);
    assert_eq!(values("He left some 36 hours ago.", d), ["2018-07-11"]);
    assert_eq!(values("He wrote earlier this week.", d), ["2018-W28"]);
    // "a year-end deal" is the end of this year, not a year's length (the article stays in:
    // the pattern that counts "a year" starts there)
    assert_eq!(one("They voted for a year-end budget deal.", d), ("a year-end".into(), TimeType::Date, "2018".into()));
    // a Sunday ends its ISO week: "this week" ahead of it is the next one
    let sunday = date(2018, 7, 15);
    assert_eq!(values("Lee will speak at this week's summit.", sunday), ["2018-W29"]);
    assert_eq!(values("Lee spoke in Kell this week.", sunday), ["2018-W28"]);
    assert_eq!(values("He wrote yesterday.", d), ["2018-07-11"]);
    assert_eq!(values("Half a century ago the town was a village.", d), ["1968"]);
    assert_eq!(values("We will know tomorrow.", d), ["2018-07-13"]);
    assert_eq!(values("He is here now.", d), ["PRESENT_REF"]);
    // a dash between words is no compound ("now-defunct" is none: see not_time_expressions)
    assert_eq!(values("Such a rule - unheard of until now - is new.", d), ["PRESENT_REF"]);
    assert_eq!(values("It was quiet recently.", d), ["PAST_REF"]);
    assert_eq!(values("The plant will soon close.", d), ["FUTURE_REF"]);
    assert_eq!(one("We need action in the very near future.", d).0, "the very near future");
    assert_eq!(values("He will report as soon as possible, as soon as he can.", d), ["FUTURE_REF"]);
    // "by the end of the day" is the day last mentioned; "at the end of the day" is no date
    assert_eq!(
        values("On Monday he spoke. By the end of the day, at the end of the day, he left.", d),
        ["2018-07-09", "2018-07-09"]
    );
    // "in two weeks' time" is a date ahead; "took a week's time" a length
    assert_eq!(values("Talks resume in two weeks' time; it took a week's time.", d), ["2018-W30", "P1W"]);
    assert_eq!(values("Sales rose last fiscal year and will fall this fiscal year.", d), ["2017", "2018"]);
    assert_eq!(values("The talks end next year.", d), ["2019"]);
    assert_eq!(values("Shares fell in the first quarter.", d), ["2018-Q1"]);
    assert_eq!(values("Shares will recover by the end of the month.", d), ["2018-07"]);
    assert_eq!(values("He will have a lead by month's end and a deal by week's end.", d), ["2018-07", "2018-W28"]);
    assert_eq!(values("On Monday he spoke. At day's end, he left.", d), ["2018-07-09", "2018-07-09"]);
    assert_eq!(values("His late-summer slump ended.", d), ["2018-SU"]);
    // the second of two seasons; a month something began or ended with
    assert_eq!(values("She was criticized throughout the spring and summer.", d), ["2018-SP", "2018-SU"]);
    assert_eq!(values("Leaves turn red in autumn and fall by November.", d), ["2018-FA", "2018-11"]);
    assert_eq!(values("The PAC began March with $8 million in cash.", d), ["2018-03"]);
    assert_eq!(values("Earlier in the week, shares fell.", d), ["2018-W28"]);
    assert_eq!(values("He plans to retire at the end of the decade.", d), ["201"]);
    // "of the week" names the current week only after a part of it
    assert!(tag("He was the flavor of the week.", Some(d)).is_empty());
    // the early hours of a day are no length of time
    assert_eq!(values("The shelling went on into the early hours of Tuesday.", d), ["2018-07-10"]);
    let (text, ty, value) = one("The law changed over the past four years.", d);
    assert_eq!((text.as_str(), ty, value.as_str()), ("the past four years", TimeType::Duration, "P4Y"));
    // the past hour is one too, not the past and an hour
    let (text, ty, value) = one("The river rose 40cm in the past hour.", d);
    assert_eq!((text.as_str(), ty, value.as_str()), ("the past hour", TimeType::Duration, "PT1H"));
    assert!(tag("In the last hour of the debate, he spoke.", Some(d)).is_empty());
}

#[test]
fn periods() {
    let d = july12();
    assert_eq!(one("Growth peaked in mid-2018.", d), ("mid-2018".into(), TimeType::Date, "2018".into()));
    assert_eq!(one("Growth peaked in the 1990s.", d).2, "199");
    // "the 1990's" is the decade, "2001's attacks" the year's, "1989's third quarter" its quarter
    assert_eq!(values("Growth peaked in the 1990's, after 2001's crash.", d), ["199", "2001"]);
    assert_eq!(values("Profit in 1989's third quarter and 1988's first half fell.", d), ["1989-Q3", "1988-H1"]);
    assert_eq!(one("It was popular in the '90s.", d).2, "199");
    assert_eq!(one("It was popular in the \u{2018}90s.", d).0, "the \u{2018}90s");
    // a year written short after a preposition or another one, with any apostrophe; not a
    // count, nor a title
    assert_eq!(values("That's what he did in '08 and \u{2019}12.", d), ["2008", "2012"]);
    assert_eq!(values("He said in \u{2018}95 that it mattered.", d), ["1995"]);
    // ... of the 1900s when the 2000s would lie more than ten years ahead
    assert_eq!(values("The riots in '68 and '45 shaped him.", d), ["1968", "1945"]);
    assert!(tag("Tina Fey, who starred in '30 Rock', spoke. He was in '24' too.", Some(d)).is_empty());
    assert!(tag("The movie \u{2019}13 Hours\u{2019} opens. He scored 16 in 12 games.", Some(d)).is_empty());
    assert_eq!(one("Growth peaked in the 2010s.", d).2, "201");
    // An age is no decade.
    assert!(tag("He spent his twenties at sea.", Some(d)).is_empty());
    assert_eq!(one("Jazz boomed in the twenties.", d).0, "the twenties");
    assert_eq!(one("The 2014-15 season was poor.", d).2, "2014");
    assert_eq!(one("It was the crash of 2008-9 that did it.", d).2, "2008");
    // two full years are two expressions, however far apart; other numbers are no years
    let texts = |t: &str| tag(t, Some(d)).into_iter().map(|(text, _, v)| (text, v)).collect::<Vec<_>>();
    assert_eq!(
        texts("She was secretary of state from 2009-2013."),
        [("2009".into(), "2009".into()), ("2013".into(), "2013".into())]
    );
    assert_eq!(values("Peace came to the region from 1948-1982.", d), ["1948", "1982"]);
    // a life or a term of office in brackets
    assert_eq!(values("Margaret Ellery (1931-2026) ran the trust.", d), ["1931", "2026"]);
    assert!(tag("Adults need 1900-2000 calories. Rooms 1901-1950 were shut.", Some(d)).is_empty());
    // a year inside a reference code is a number of a series; after a lowercase prefix a date
    assert!(tag("Release FOI-2025-0417 and case CV-2024-00113 were filed.", Some(d)).is_empty());
    assert_eq!(values("Returns for FY-2024-25 and FY-2025-2026 were due.", d), ["2024", "2025", "2026"]);
    assert_eq!(values("It was pre-2015 work, filed as AB-2016 and 2017-03-04.", d), ["2015", "2016", "2017-03-04"]);
    assert_eq!(one("Profit rose in Q3 2017.", d).2, "2017-Q3");
    // alone where a quarter is meant (a word of a letter and a digit is found by its shape)
    assert_eq!(values("Profit rose in Q1. Q2 results were weak.", d), ["2018-Q1", "2018-Q2"]);
    assert!(values("She drives an Audi Q3 to work.", d).is_empty());
    assert_eq!(one("Profit rose in H1 2017.", d), ("H1 2017".into(), TimeType::Date, "2017-H1".into()));
    assert_eq!(values("He holds an H1-B visa.", d), Vec::<String>::new());
    assert_eq!(one("Profit rose in the third quarter of 2016.", d).2, "2016-Q3");
    assert_eq!(
        values("In the first half of FY2026 it rose; in the third quarter of FY2025 it fell.", d),
        ["2026-H1", "2025-Q3"]
    );
    // the period a figure is compared with is no anchor for "a year earlier"
    let compared = "Sales in the third quarter rose to $4 million from $3 million in the same period last year. \
                    Profit was $1 million, against $0.8 million a year earlier.";
    assert_eq!(values(compared, date(2018, 10, 28)), ["2018-Q3", "2017", "2017-Q3"]);
    // so is the day that closes the quarter just named, but not any day of its last month
    let closed = "For the quarter ended Sept. 30, it earned $4 million, up from $3 million a year earlier.";
    assert_eq!(values(closed, date(2018, 10, 28)), ["2018-Q3", "2018-09-30", "2017-Q3"]);
    let other = "In the third quarter it earned $4 million. On Aug. 2 it had $3 million, as a year earlier.";
    assert_eq!(values(other, date(2018, 10, 28)), ["2018-Q3", "2018-08-02", "2017"]);
    let other = "On Sept. 30 it had $3 million, up from $2 million a year earlier.";
    assert_eq!(values(other, date(2018, 10, 28)), ["2018-09-30", "2017"]);
    assert_eq!(one("Profit rose in the first half.", d).2, "2018-H1");
    // in a match report a half is the game's, but a half of a year named stays
    let report = "Lee scored in the second half with a header. The first-half display was poor.";
    assert_eq!(values(report, d), Vec::<String>::new());
    let report = "Lee scored in the second half with a header; the club lost money in the first half of the year.";
    assert_eq!(values(report, d), ["2018-H1"]);
    // (one word of play alone is not enough)
    assert_eq!(one("Lee scored well in the first half.", d).2, "2018-H1");
    // so is a quarter of a basketball game
    let report = "Down by 15 early in the third quarter, the Miners rallied on Ruiz's dunks and 12 rebounds.";
    assert_eq!(values(report, d), Vec::<String>::new());
    assert_eq!(one("Down by 15 early in the third quarter, the firm rallied on exports.", d).2, "2018-Q3");
    // as a quarter, a half of the year still ahead is last year's in a past clause, and one
    // gone by is next year's in a future one
    let (jan, dec) = (date(2016, 1, 29), date(2016, 12, 10));
    assert_eq!(values("It will report first-half results on Aug. 2.", date(2016, 7, 20))[0], "2016-H1");
    assert_eq!(one("It raised more in the second half of the year than before.", jan).2, "2015-H2");
    assert_eq!(one("It will raise more in the second half of the year.", jan).2, "2016-H2");
    assert_eq!(one("Profit will grow in the first half.", dec).2, "2017-H1");
    // the half of a month is in that month; the half of a century is no half of this year
    assert_eq!(one("The gap closed in the second half of February.", d).2, "2018-02");
    assert_eq!(one("Towns grew in the second half of the 20th century.", d).2, "19");
    // a quarter or half of a year counted from the document's is one expression
    assert_eq!(
        one("Exports fell in the third quarter of last year.", d),
        ("the third quarter of last year".into(), TimeType::Date, "2017-Q3".into())
    );
    assert_eq!(one("Output will rise in the fourth quarter of next year.", d).2, "2019-Q4");
    assert_eq!(one("The firm lost money in the first half of last year.", d).2, "2017-H1");
    assert_eq!(one("Last year's second half was weak.", d).2, "2017-H2");
    assert_eq!(one("Second-half sales will fall.", d).2, "2018-H2");
    assert_eq!(one("It rained all this summer.", d).2, "2018-SU");
    assert_eq!(one("It rained last winter.", d).2, "2017-WI");
    assert_eq!(one("Art of the 19th century is on show.", d).2, "18");
    // this century is the document date's, the next one the one after; the past century is a length
    assert_eq!(one("This century has seen two wars.", d).2, "20");
    assert_eq!(one("Robots will rule in the next century.", d).2, "21");
    assert_eq!(one("The sea rose over the past century.", d).2, "P100Y");
}

#[test]
fn a_daily_or_weekly_that_names_a_newspaper_is_no_set() {
    let d = july12();
    assert!(values("The Kell Party daily Vesnik praised the plan.", d).is_empty());
    assert!(values("It was in the Kellish weekly Der Kurier.", d).is_empty());
    assert_eq!(values("The daily said on Monday that it would close.", d), ["2018-07-09"]);
    // but a rate stays one, also before a name or a weekday
    assert_eq!(values("Ostrava Air runs daily flights to Kell.", d), ["P1D"]);
    assert_eq!(values("Lee tops the weekly Kell Power Rankings.", d), ["P1W"]);
    assert_eq!(values("She visits weekly. Lee does not.", d), ["P1W"]);
    assert_eq!(values("They hold weekly Friday prayers.", d)[0], "P1W");
    assert_eq!(values("The daily dose is set.", d), ["P1D"]);
    // a clock time before the name Mark stays one
    assert_eq!(values("At 9:30 Mark Vidmar took the stage.", d), ["2018-07-12T09:30"]);
    // capitalized before a name, also opening a sentence, or after a name's possessive
    assert!(values("Today, the Kell People's Daily newspaper praised it.", d).iter().all(|v| v != "P1D"));
    assert_eq!(values("Daily, he walks to work.", d), ["P1D"]);
    // opening a sentence before a capitalized word it may be a rate all the same
    assert_eq!(values("Weekly Friday protests went on.", d)[0], "P1W");
    assert_eq!(values("Monthly Social Security checks will rise.", d), ["P1M"]);
}

#[test]
fn time_words_inside_names_are_no_times() {
    let d = july12();
    assert_eq!(values("The Kell Daily News reported it on Monday.", d), ["2018-07-09"]);
    assert_eq!(values("Lee spoke. She told Ostrava Today on Tuesday that she would run.", d), ["2018-07-10"]);
    assert!(values("He gave money to One Vidmar Now, a lobby.", d).is_empty());
    assert!(values("Lee spoke. He told Kell TV's \"This Week,\" that he would run.", d).is_empty());
    // a show after a name's possessive, without quotation marks (but not a weekday: "Lee's
    // Tuesday rally")
    assert!(values("Lee spoke. He told KTV's This Week that he would run.", d).is_empty());
    assert!(values("Lee spoke. He told KTV's Today show that he would run.", d).is_empty());
    assert_eq!(values("Lee spoke. He praised Kell's Tuesday rally.", d), ["2018-07-10"]);
    // a time word in capitals beside another word in capitals, in a sentence that is not all
    // capitals, even a short one
    assert_eq!(values("He told KELL TODAY on Monday.", d), ["2018-07-09"]);
    assert_eq!(values("KELL SPEAKS TODAY", d), ["2018-07-12"]);
    assert_eq!(values("Asked when, Lee said: \"Now.\"", d), ["PRESENT_REF"]);
    // but not at the start of a sentence or a quotation, nor in a headline in title case
    assert_eq!(values("Now Lee needs to win.", d), ["PRESENT_REF"]);
    assert_eq!(values("Lee spoke. \u{201c}Now Lee needs to win,\u{201d} she said.", d), ["PRESENT_REF"]);
    assert_eq!(values("Lee Is Now Leading In Kell", d), ["PRESENT_REF"]);
    assert_eq!(values("Prices in Kell are set daily.", d), ["P1D"]);
    // a weekday before such words is part of the name of a show
    assert!(values("Lee hosts Kell TV's Sunday Night Hockey broadcasts.", d).is_empty());
    assert!(values("She was a guest on \"Saturday Night Live\" twice.", d).is_empty());
    assert_eq!(values("She watched Saturday Night Live on Saturday.", d), ["2018-07-07"]);
    // but a day and its part of the day written in lowercase stay, and so do both in a
    // headline in title case
    assert_eq!(values("Lee spoke on Sunday night to the crowd.", d), ["2018-07-08"]);
    assert_eq!(values("Lee Wins Kell On Sunday Night After Recount", d), ["2018-07-08"]);
}

#[test]
fn a_month_that_is_a_persons_name_is_no_date() {
    let d = july12();
    assert!(values("The board had Ana Vidmar, Jill June, Tom Lesko and Ivo Kral.", d).is_empty());
    assert!(values("Members: Ana Vidmar, Jill June, Tom Lesko, Ivo Kral.", d).is_empty());
    assert!(values("Lee left early. April Marsh, a spokeswoman for the party, said so.", d).is_empty());
    // a preposition, a weekday, a noun or a number keeps the month a month
    assert_eq!(values("In April Lee said no.", d), ["2018-04"]);
    assert_eq!(values("The Kell June primary drew few voters.", d), ["2018-06"]);
    assert_eq!(values("Since June, Lee has gained.", d), ["2018-06"]);
    assert_eq!(values("Lee, June 5, spoke in Kell.", d), ["2018-06-05"]);
    assert_eq!(values("The vote, held in Kell in June, was close.", d), ["2018-06"]);
    // and a headline in title case capitalizes the nouns around it
    assert_eq!(values("Vidmar Campaign June Fundraising Beats Goals", d), ["2018-06"]);
}

#[test]
fn a_timelines_entries_follow_each_other() {
    // written in the present, late in the year: each entry on or after the one before, not
    // the nearest such date ahead
    let text = "Timeline\n\n7 February 2026: Storm Hilde brings rain.\n8-9 February: Homes are evacuated.\n\
                2 March: The minister visits.\nSummer: Hearings are held.\nJanuary 5: The report is due.";
    assert_eq!(
        values(text, date(2026, 11, 27)),
        ["2026-02-07", "2026-02-08", "2026-02-09", "2026-03-02", "2026-SU", "2027-01-05"]
    );
    // not a date inside a sentence
    assert_eq!(
        values("On 7 February 2026 it rained. He visits on 2 March.", date(2026, 11, 27)),
        ["2026-02-07", "2027-03-02"]
    );
    // a month in an entry's text goes on from the entry's date; not after a label with no
    // number of its own
    let text = "March 2020: Lockdown begins and ridership falls in April.\n            June 2021: Services return by \
                September; a review follows in February.\nNote: in April the board meets.";
    assert_eq!(values(text, date(2024, 3, 1)), ["2020-03", "2020-04", "2021-06", "2021-09", "2022-02", "2024-04"]);
}

#[test]
fn relative_to_the_date_last_mentioned() {
    let d = july12();
    // a count of months after a month last mentioned counts from that month, not from a day
    // named before it
    assert_eq!(
        values("Lee spoke on Monday. Vidmar came in December 2011 and Kral a month later.", d),
        ["2018-07-09", "2011-12", "2012-01"]
    );
    // a day of the month alone is in the month last mentioned, else in the document's month or
    // the one before or after it as the tense says
    assert_eq!(
        values("I will be in town the week of September 3rd. Let's grab lunch on the 5th.", d),
        ["2018-W36", "2018-09-05"]
    );
    assert_eq!(values("I saw the van on the night of the 9th.", d), ["2018-07-09"]);
    // days counted from a month, a quarter or a year are some day of it, not its second
    assert_eq!(values("Last month Lee was arrested. The next day he was freed.", d), ["2018-06", "XXXX-XX-XX"]);
    assert_eq!(values("In May Lee was arrested. The following morning he was freed.", d), ["2018-05", "XXXX-XX-XX"]);
    assert_eq!(values("On May 3 Lee was arrested. The next day he was freed.", d), ["2018-05-03", "2018-05-04"]);
    // a holiday in the past is of a past year just named, unless its last one was lately
    assert_eq!(
        values("Campaigning in Kell in 2012, Lee barely spoke. But soon after Election Day, Lee left.", d),
        ["2012", "2012-11-06"]
    );
    assert_eq!(values("Lee was born in 1960. Lee turned 58 on Independence Day.", d), ["1960", "2018-07-04"]);
    // ... and weeks counted from a year are some week of it, not its first
    assert_eq!(values("In 2017 Lee was arrested. The following week he was freed.", d), ["2017", "XXXX-WXX"]);
    // a day after the date last mentioned that would pass the document date in a past sentence
    // counts from some other day: the event's, unknown
    assert_eq!(values("Her remarks came the day after the convention ended.", d), ["XXXX-XX-XX"]);
    assert_eq!(values("Lee apologized the next day.", d), ["XXXX-XX-XX"]);
    assert_eq!(values("Lee will speak the day after the vote.", d), ["2018-07-13"]);
    assert_eq!(values("On Tuesday Lee was arrested. The next day he was freed.", d), ["2018-07-10", "2018-07-11"]);
    // so does a day or a time of the day last mentioned ("that night", "7 a.m. that day") that
    // lies after the document date in a past sentence; a future one keeps it
    assert_eq!(values("The vote is on Monday. At a rally that night, Lee spoke.", d), ["2018-07-16", "XXXX-XX-XXTNI"]);
    assert_eq!(
        values("The vote is on Monday. The plane landed at 7 a.m. that day.", d),
        ["2018-07-16", "XXXX-XX-XXT07:00"]
    );
    assert_eq!(
        values("The vote is on Monday. At a rally that night, Lee will speak.", d),
        ["2018-07-16", "2018-07-16TNI"]
    );
    assert_eq!(
        values("On Tuesday Lee was arrested. At a rally that night, he spoke.", d),
        ["2018-07-10", "2018-07-10TNI"]
    );
    // "the end of the month" is of a month named in its sentence or the one before, else the
    // document's
    assert_eq!(
        values("The data will be added in January 2019 and done by the end of the month.", d),
        ["2019-01", "2019-01"]
    );
    assert_eq!(
        values("In May 2017 Lee was arrested. Kell voted. Vidmar lost. Lee will resign by the end of the month.", d),
        ["2017-05", "2018-07"]
    );
    // ... a month or a day: after a year the month is the document's
    assert_eq!(values("Sales rose this year. The review ends by the end of the month.", d), ["2018", "2018-07"]);
    assert_eq!(values("I saw the van on the 20th.", d), ["2018-06-20"]);
    assert_eq!(values("The rent is due on the 3rd.", d), ["2018-08-03"]);
    for text in ["She lives on the 12th floor.", "It dates from the 12th century.", "It came on the 45th."] {
        assert!(tag(text, Some(d)).iter().all(|(_, _, v)| !v.ends_with("-12") && !v.ends_with("-45")), "{text:?}");
    }
    assert_eq!(
        values("Police raided the flat on Tuesday. The previous evening, neighbours had heard shouting.", d),
        ["2018-07-10", "2018-07-09"]
    );
    assert_eq!(
        values("The vote was on June 22, 2018. The count began the following day.", d),
        ["2018-06-22", "2018-06-23"]
    );
    assert_eq!(values("The strike began on March 3, 2016. It ended that evening.", d), ["2016-03-03", "2016-03-03TEV"]);
    // a weekend counted from the day last mentioned: the following one ends that day's week
    let floods = "Lee chided the mayor on Wednesday, June 6 over the floods of the previous weekend.";
    assert_eq!(values(floods, d), ["2018-06-06", "2018-W22-WE"]);
    assert_eq!(
        values("Lee arrived on Friday, June 8, and left the following weekend.", d),
        ["2018-06-08", "2018-W23-WE"]
    );
    assert_eq!(values("Lee arrived on June 9 and left the following weekend.", d), ["2018-06-09", "2018-W24-WE"]);
    assert_eq!(values("The deal came on the same weekend.", d), ["2018-W28-WE"]);
    // "over the weekend" with no tense is the one behind; "for the weekend" the week's own
    assert_eq!(values("The behavior on display over the weekend in Kell.", d), ["2018-W27-WE"]);
    assert_eq!(values("The deal will be signed over the weekend.", d), ["2018-W28-WE"]);
    assert_eq!(values("Protests are planned for the weekend.", d), ["2018-W28-WE"]);
    // a part of a day after "in the", "by" or "earlier in the" is that of the day last mentioned
    let parts = "On March 3, 2016, dealers bought in the morning. By evening, they had sold.";
    assert_eq!(values(parts, d), ["2016-03-03", "2016-03-03TMO", "2016-03-03TEV"]);
    assert_eq!(values("Lee quit earlier in the evening.", d), ["2018-07-12TEV"]);
    // ... but not when it names a thing ("the morning shows"), and "Sunday morning shows" keeps its day
    assert!(values("It caused an upheaval in the morning shows.", d).is_empty());
    assert_eq!(values("He made the rounds on the Sunday morning shows.", d), ["2018-07-08TMO"]);
    assert_eq!(values("The firm was founded in 1995. It moved the following year.", d), ["1995", "1996"]);
    // a month named after the last day is the one "that month" means
    assert_eq!(
        values("On Monday the poll was out. A survey in March found the same; the same month, he won.", d),
        ["2018-07-09", "2018-03", "2018-03"]
    );
    assert_eq!(
        values("Sales fell in the third quarter of 2015 and rose the following quarter.", d),
        ["2015-Q3", "2015-Q4"]
    );
    assert_eq!(values("Lee ran in 1968 and lost that November.", d), ["1968", "1968-11"]);
    assert_eq!(
        values("Lee left on May 5, 2001, came back in January 2009 and won in October of that year.", d),
        ["2001-05-05", "2009-01", "2009-10"]
    );
    assert_eq!(values("The fair opened on May 5, 2017. A year later it closed.", d), ["2017-05-05", "2018"]);
    // ... but one that would pass the document date from a date before it, with no future
    // tense, counts from some date the text did not name last: unknown
    assert_eq!(
        values("On Monday Lee spoke of the attack, which even three years later remains raw.", d),
        ["2018-07-09", "XXXX"]
    );
    assert_eq!(values("The law passed in 2010 and will expire ten years later.", d), ["2010", "2020"]);
    // a few days later is a length of time, as TimeML has it
    assert_eq!(values("The fair opened on May 5, 2017. Two days later it closed.", d), ["2017-05-05", "P2D"]);
    assert_eq!(values("He left the building; 20 mins later the alarm rang.", d), ["PT20M"]);
    assert_eq!(values("Two hrs later he left. Ten seconds later it fell.", d), ["PT2H", "PT10S"]);
    // "the next day" is the story's next day, not the one after the document date
    assert_eq!(values("On June 3 the guard was arrested. The next day he was freed.", d), ["2018-06-03", "2018-06-04"]);
    assert_eq!(values("On June 3 the guard was arrested and freed that same day.", d), ["2018-06-03", "2018-06-03"]);
    assert_eq!(values("Prices rose this week after falling the week before.", d), ["2018-W28", "2018-W27"]);
    assert_eq!(values("The plant closed in 2015; the year before, it had cut jobs.", d), ["2015", "2014"]);
    // "the day before" with a day after it counts from that day, as one expression
    let found = tag("The vote came on June 3. The day before last Tuesday's hearing, he fled.", Some(d));
    assert_eq!(found.len(), 2, "{found:?}");
    assert_eq!((found[1].0.as_str(), found[1].2.as_str()), ("The day before last Tuesday", "2018-07-09"));
    assert_eq!(values("The day after Christmas 2016, he left.", d), ["2016-12-26"]);
    assert_eq!(values("It began on June 3. The day before, the staff had gone.", d), ["2018-06-03", "2018-06-02"]);
    // "the week before the merger" counts from the merger, which is no date
    assert_eq!(values("The plant closed in 2015, in the week before the merger.", d), ["2015"]);
    assert_eq!(values("The pact was signed in 2011 and took effect the following January.", d), ["2011", "2012-01"]);
    assert_eq!(values("In 2009 the war ended. By the following spring, trade had recovered.", d), ["2009", "2010-SP"]);
    assert_eq!(values("In spring 2013 the talks began; that summer they failed.", d), ["2013-SP", "2013-SU"]);
    assert_eq!(values("The plant will open in the spring of next year.", d), ["2019-SP"]);
    assert_eq!(
        values("The pact took effect on March 3, 2016. Later in the day, riots began.", d),
        ["2016-03-03", "2016-03-03"]
    );
}

#[test]
fn times_of_day() {
    let d = july12();
    assert_eq!(one("The guard left at 2300 hours.", d).2, "2018-07-12T23:00");
    // a log's ISO date and time, and seconds, which TimeML keeps only at this grain
    assert_eq!(
        one("Logged 2018-06-22T14:30:00Z by the server.", d),
        ("2018-06-22T14:30:00Z".into(), TimeType::Time, "2018-06-22T14:30".into())
    );
    assert_eq!(one("The alarm sounded at 14:05:33.", d).2, "2018-07-12T14:05");
    assert_eq!(one("He did 1500 hours of community service.", d).2, "PT1500H");
    assert_eq!(one("The alarm went off at 6.14am.", d), ("6.14am".into(), TimeType::Time, "2018-07-12T06:14".into()));
    assert_eq!(
        one("The train leaves at 18:30 GMT.", d),
        ("18:30 GMT".into(), TimeType::Time, "2018-07-12T18:30".into())
    );
    // a zone's name of words is the time's
    assert_eq!(
        one("The call starts at 8:30 a.m. Eastern Time.", d),
        ("8:30 a.m. Eastern Time".into(), TimeType::Time, "2018-07-12T08:30".into())
    );
    assert_eq!(one("It opens at 18:30 British Summer Time.", d).0, "18:30 British Summer Time");
    assert_eq!(one("It opens at 9 p.m. Central European Time.", d).0, "9 p.m. Central European Time");
    // (and "Eastern" alone is no zone)
    assert_eq!(one("It opens at 9 p.m. Eastern Avenue.", d).0, "9 p.m.");
    assert_eq!(one("Doors open at 5 p.m.", d).2, "2018-07-12T17:00");
    assert_eq!(one("They met at noon.", d).2, "2018-07-12T12:00");
    assert_eq!(
        one("The call came in midafternoon.", d),
        ("midafternoon".into(), TimeType::Time, "2018-07-12TAF".into())
    );
    // a part of a day "of" a day is one expression, but a night adds nothing to its day
    assert_eq!(
        one("Lee proposed a debate on the evening of July 4.", d),
        ("the evening of July 4".into(), TimeType::Time, "2018-07-04TEV".into())
    );
    assert_eq!(one("He came home on the night of Friday, July 6.", d).0, "Friday, July 6");
    // the clock said in words, with straight or curly apostrophes
    assert_eq!(one("I left at ten o'clock.", d), ("ten o'clock".into(), TimeType::Time, "2018-07-12T10:00".into()));
    assert_eq!(one("I left at ten o\u{2019}clock.", d).2, "2018-07-12T10:00");
    assert_eq!(one("We met at half past two.", d).2, "2018-07-12T02:30");
    assert_eq!(one("We met at twenty past eight.", d).2, "2018-07-12T08:20");
    assert_eq!(one("The bus came at a quarter to six in the evening.", d).2, "2018-07-12T17:45");
    assert_eq!(one("The bus came at quarter to one.", d).2, "2018-07-12T12:45");
    assert!(tag("He gave a quarter to six charities.", Some(d)).iter().all(|(_, ty, _)| *ty != TimeType::Time));
    // last night is a part of the day before; a clock time beside a part of a day keeps its
    // hour, in that part's half of the day
    assert_eq!(
        one("CBS first reported it last night.", d),
        ("last night".into(), TimeType::Time, "2018-07-11TNI".into())
    );
    assert_eq!(one("He rang at 10 o'clock last night.", d).2, "2018-07-11T22:00");
    assert_eq!(one("He rang at 1 a.m. last night.", d).2, "2018-07-11T01:00");
    assert_eq!(one("It must be ready by 6 o'clock this afternoon.", d).2, "2018-07-12T18:00");
    assert_eq!(
        one("He rang at 10pm last night.", d),
        ("10pm last night".into(), TimeType::Time, "2018-07-11T22:00".into())
    );
    // a clock time and its day after "on" are one expression; a part of a day is not joined so
    assert_eq!(
        one("The statement was issued at 10.30am on Tuesday.", d),
        ("10.30am on Tuesday".into(), TimeType::Time, "2018-07-10T10:30".into())
    );
    assert_eq!(values("She had a great night on Saturday.", d), ["2018-07-07"]);
    assert_eq!(one("It was hot this morning.", d).2, "2018-07-12TMO");
    assert_eq!(
        one("They met Tuesday afternoon.", d),
        ("Tuesday afternoon".into(), TimeType::Time, "2018-07-10TAF".into())
    );
    // a night named with its day is that day, as TimeBank annotates it more often than not; a
    // morning keeps its part of the day
    assert_eq!(one("They met Tuesday night.", d), ("Tuesday night".into(), TimeType::Date, "2018-07-10".into()));
    assert_eq!(one("They met Tuesday morning.", d), ("Tuesday morning".into(), TimeType::Time, "2018-07-10TMO".into()));
    assert_eq!(one("Bids close at 5 p.m. EST, Nov. 6, 2017.", d).2, "2017-11-06T17:00");
    assert_eq!(
        one("The raid began at 10:35 a.m. on Friday, June 1, 2018.", d),
        ("10:35 a.m. on Friday, June 1, 2018".into(), TimeType::Time, "2018-06-01T10:35".into())
    );
    // a clock time that heads a paragraph (a live blog's entry) is on the day of the last date
    // that heads one, else on the document's, however near a day named before it; one inside
    // a sentence stays on the day last named
    let blog = "The mayor will speak on Friday evening. Aides say so. Others agree.\n\n12:50 p.m.\n\nThe council met.";
    assert_eq!(values(blog, d), ["2018-07-13TEV", "2018-07-12T12:50"]);
    let blog = "15:05 The mayor will speak on Friday evening.\n\n14:30 The council met.";
    assert_eq!(values(blog, d), ["2018-07-12T15:05", "2018-07-13TEV", "2018-07-12T14:30"]);
    let log = "Tuesday 10 July\n\n22:10 Winds rose.\n\nWednesday 11 July\n\n06:05 Trains stopped.";
    assert_eq!(values(log, d), ["2018-07-10", "2018-07-10T22:10", "2018-07-11", "2018-07-11T06:05"]);
    // (a transcript's closing stamp, with a word or two in capitals, heads its line too; three
    // such words are a headline)
    let transcript = "MS. VALE: They met on Friday.\n\nEND 11:31 A.M.";
    assert_eq!(values(transcript, d), ["2018-07-06", "2018-07-12T11:31"]);
    let transcript = "MS. VALE: They met on Friday.\n\nTALKS END AGAIN 11:31 A.M.";
    assert_eq!(values(transcript, d), ["2018-07-06", "2018-07-06T11:31"]);
    // (a speaker's label and a clock are an answer, no heading)
    let transcript = "Q: What time is the vote on Friday?\n\nMS VALE: 3 p.m.";
    assert_eq!(values(transcript, d), ["2018-07-13", "2018-07-13T15:00"]);
    // (a date and the clock time of the next paragraph or line are two expressions)
    for text in ["Thursday 12 July 2018\n\n17:42 Water rose.", "Thursday 12 July 2018\n17:42 Water rose."] {
        let texts: Vec<String> = tag(text, Some(d)).into_iter().map(|t| t.0).collect();
        assert_eq!(texts, ["Thursday 12 July 2018", "17:42"]);
    }
    // a story goes on from a past day named just before
    let story = "The concert on Tuesday 10 July ran late.\n\n21:30 The band came on.";
    assert_eq!(values(story, d), ["2018-07-10", "2018-07-10T21:30"]);
    // (not from a weekday alone: AP's "The Latest on ... Tuesday's primary:" then its entries)
    let blog = "The Latest on the race before Tuesday's vote:\n\n21:30 The band came on.";
    assert_eq!(values(blog, d), ["2018-07-10", "2018-07-12T21:30"]);
    let story = "The raid began on Friday. Aides say so. Others agree. Police heard shots at 9:42 p.m.";
    assert_eq!(values(story, d), ["2018-07-06", "2018-07-06T21:42"]);
    assert_eq!(values("The mayor spoke on Friday. At 6 p.m. the council met.", d), ["2018-07-06", "2018-07-06T18:00"]);
    let later = "Kell was calm. Aides said so. The blast came at 10:35 a.m. (0735 GMT) Monday.";
    assert_eq!(values(later, d), ["2018-07-09T10:35", "2018-07-09T07:35", "2018-07-09"]);
    // a clock word that is a whole hour
    assert_eq!(one("The offer expires at midnight.", d).2, "2018-07-12T24");
    // an hour with the half of the day it falls in
    assert_eq!(
        one("The convoy left at 4 in the morning.", d),
        ("4 in the morning".into(), TimeType::Time, "2018-07-12T04:00".into())
    );
    assert_eq!(one("The shop shuts at 10 at night.", d).2, "2018-07-12T22:00");
    assert_eq!(
        one("The offer expired at midnight Friday.", d),
        ("midnight Friday".into(), TimeType::Time, "2018-07-06T24".into())
    );
}

#[test]
fn durations() {
    let d = july12();
    assert_eq!(one("He served four years.", d), ("four years".into(), TimeType::Duration, "P4Y".into()));
    assert_eq!(one("The match lasted 90 minutes.", d).2, "PT90M");
    // "recent" before any plural unit is a length of unknown count, years as well as days
    assert_eq!(values("Prices rose in recent years and fell in recent days.", d), ["PXY", "PXD"]);
    // one expression each, with its text and value
    for (text, span, value) in [
        // a range of years, not a year and month
        ("Growth has been slow since the 2007-09 financial crisis.", "2007-09", "2007"),
        // an address is no year, but a year before a state's name is
        ("Lee won the 2016 Pennsylvania primary.", "2016", "2016"),
        ("Prices rose in 2010-11.", "2010-11", "2010"),
        ("The index rose in 2016-03.", "2016-03", "2016-03"),
        // "the past months" is one length, not "the past" and "months"
        ("He said so on many occasions during the past months.", "the past months", "PXM"),
        ("He campaigned hard in the last days of the race.", "the last days", "PXD"),
        // a season of a range of years is the season of its first year
        ("The uprising in the winter of 2004-5 changed Kell.", "the winter of 2004-5", "2004-WI"),
        // hours of talks are a length, hours of the morning none, a "soon" not in the past ahead
        ("After hours of talks they agreed.", "hours", "PTXH"),
        ("In the early morning hours he wrote to Kell.", "early morning", "2018-07-12TMO"),
        ("Talks will soon resume.", "soon", "FUTURE_REF"),
        // a count of business days is still a length, where "business days" alone is none
        ("Lee must reply within five business days.", "five business days", "P5D"),
        ("The bank pays out in 72 working hours.", "72 working hours", "PT72H"),
        // a half written as one sign
        ("He survived 5 ½ years in a prison in Kell.", "5 ½ years", "P66M"),
        ("The statement came a half-hour before the rally.", "a half-hour", "PT30M"),
        // a length written as one word with "long"
        ("The yearlong battle split the party.", "yearlong", "P1Y"),
        ("She held an hourlong meeting.", "hourlong", "PT1H"),
        ("A monthslong search ended.", "monthslong", "PXM"),
        // a decade after "high" with no "the" is still one
        ("Kell endured high 1970s inflation.", "1970s", "197"),
        ("Results came in less than a half hour.", "less than a half hour", "PT30M"),
    ] {
        let (found, _, got) = one(text, d);
        assert_eq!((found.as_str(), got.as_str()), (span, value), "{text:?}");
    }
    // a capitalized unit after a number is a title's ("60 Minutes"), but not in a headline in
    // title case
    assert_eq!(one("Two Years After the Flood, Kell Rebuilds Its Harbour", d).2, "P2Y");
    assert_eq!(
        one("Prices rose for the past decade.", d),
        ("the past decade".into(), TimeType::Duration, "P10Y".into())
    );
    assert_eq!(one("It took two and a half years.", d).2, "P30M");
    assert_eq!(
        one("They will be moved within the next fortnight.", d),
        ("the next fortnight".into(), TimeType::Duration, "P2W".into())
    );
    assert_eq!(one("A minute and a half later, the ship sank.", d).0, "A minute and a half");
    assert_eq!(one("A minute and a half later, the ship sank.", d).2, "PT1M30S");
    assert_eq!(one("The meeting lasted an hour and a half.", d).2, "PT1H30M");
    assert_eq!(one("The fund lost money for three consecutive years.", d).2, "P3Y");
    assert_eq!(one("The meeting lasted half an hour.", d), ("half an hour".into(), TimeType::Duration, "PT30M".into()));
    assert_eq!(one("He signed a five-year contract.", d).2, "P5Y");
    assert_eq!(one("The talks took several months.", d).2, "PXM");
    assert_eq!(one("It took about a week.", d), ("about a week".into(), TimeType::Duration, "P1W".into()));
    // "about" before a month or weekday is the preposition, "around" the approximation
    assert_eq!(one("They talked about November's election.", d).0, "November");
    assert_eq!(one("They met around Tuesday.", d).0, "around Tuesday");
    assert_eq!(one("The shift ends about 4 p.m.", d).0, "about 4 p.m.");
    assert_eq!(one("They waited twenty-four hours.", d).2, "PT24H");
    assert_eq!(one("They held a day-long meeting.", d), ("a day-long".into(), TimeType::Duration, "P1D".into()));
    assert_eq!(one("It ended a decades-long feud.", d).2, "PXY");
    assert_eq!(one("It was their third week-long visit.", d), ("week-long".into(), TimeType::Duration, "P1W".into()));
    // a fiscal year told by its last day
    let fiscal = tag("Net income for the year ended March 31 rose.", Some(d));
    assert_eq!(fiscal[0], ("the year".into(), TimeType::Duration, "P1Y".into()));
    assert_eq!(fiscal[1].2, "2018-03-31");
    // a count given as a range or loosely is one expression
    assert_eq!(
        one("Over the past two or three weeks, prices rose.", d),
        ("the past two or three weeks".into(), TimeType::Duration, "PXW".into())
    );
    assert_eq!(one("Contracts last from three to six months.", d).0, "three to six months");
    assert_eq!(
        one("Results came over the past four-plus months.", d),
        ("the past four-plus months".into(), TimeType::Duration, "P4M".into())
    );
    assert_eq!(one("He paid no tax for 15-plus years.", d).2, "P15Y");
    assert_eq!(one("After a quarter-century of talks, they signed.", d).2, "P25Y");
    assert_eq!(one("Troops ruled for a half-century.", d).2, "P50Y");
    assert_eq!(one("The series ended a quarter-century ago.", d).2, "1993");
    assert_eq!(
        one("He has served seven-and-a-half years.", d),
        ("seven-and-a-half years".into(), TimeType::Duration, "P90M".into())
    );
    assert_eq!(
        one("Fees fell over the past year and a half.", d),
        ("the past year and a half".into(), TimeType::Duration, "P18M".into())
    );
    assert_eq!(
        one("The speech was drafted six to eight weeks ago.", d),
        ("six to eight weeks ago".into(), TimeType::Date, "PAST_REF".into())
    );
    assert_eq!(
        one("Voters decide two or three months from now.", d),
        ("two or three months from now".into(), TimeType::Date, "FUTURE_REF".into())
    );
    // ages are not durations
    assert!(tag("A 6-year-old boy and a man 37 years old were found.", Some(d)).is_empty());
    assert!(tag("Among voters 18 to 25 years old, he leads.", Some(d)).is_empty());
}

#[test]
fn sets() {
    let d = july12();
    assert_eq!(one("He visits every Monday.", d), ("every Monday".into(), TimeType::Set, "XXXX-WXX-1".into()));
    assert_eq!(
        one("The board meets every other Tuesday.", d),
        ("every other Tuesday".into(), TimeType::Set, "XXXX-WXX-2".into())
    );
    assert_eq!(one("He calls her every morning.", d), ("every morning".into(), TimeType::Set, "XXXX-XX-XXTMO".into()));
    // a weekday before a part of the day in the plural recurs; in the singular it is one day
    assert_eq!(
        one("The debates are on Saturday nights.", d),
        ("Saturday nights".into(), TimeType::Set, "XXXX-WXX-6TNI".into())
    );
    assert_eq!(one("They met on Saturday night.", d).2, "2018-07-07");
    // a weekday joined to a recurring one recurs too
    assert_eq!(values("Patrols run every Friday and Saturday night.", d), ["XXXX-WXX-5", "XXXX-WXX-6TNI"]);
    assert_eq!(values("She swims every Monday or Thursday.", d), ["XXXX-WXX-1", "XXXX-WXX-4"]);
    assert_eq!(one("The fee is paid annually.", d), ("annually".into(), TimeType::Set, "P1Y".into()));
    assert_eq!(one("The paper appears daily.", d).2, "P1D");
    assert_eq!(one("It pays a dividend quarterly, in cash.", d), ("quarterly".into(), TimeType::Set, "P3M".into()));
    assert!(values("It raised its quarterly dividend.", d).is_empty());
    // the name of a periodical is no set (the rule for words inside names keeps it out)
    assert!(values("The paper came out in Political Science Quarterly.", d).is_empty());
    assert_eq!(one("It costs $5 million a year.", d), ("a year".into(), TimeType::Set, "P1Y".into()));
    assert_eq!(one("The line carried two million passengers a year.", d).1, TimeType::Set);
    assert_eq!(one("We lose 90 people a day to it.", d), ("a day".into(), TimeType::Set, "P1D".into()));
    // after any plural noun of a count within six words
    assert_eq!(one("The plant emits 120 tonnes of nitrogen oxides a year.", d).1, TimeType::Set);
    assert_eq!(one("They sold fifty thousand CDs a year.", d).1, TimeType::Set);
    assert_eq!(one("We did hundreds of interviews a day.", d).1, TimeType::Set);
    assert_eq!(one("The 2 suspects were held a week.", d).1, TimeType::Duration);
    assert_eq!(one("The 2 brothers spent a year in jail.", d).1, TimeType::Duration);
    assert_eq!(one("It has 300 employees a year after opening.", d).1, TimeType::Duration);
    assert_eq!(one("He leads in 90 delegates a month into the contest.", d).1, TimeType::Duration);
    assert_eq!(one("Its thirty workers held a week of talks.", d).1, TimeType::Duration);
    assert_eq!(one("They want a $15-an-hour wage.", d), ("an-hour".into(), TimeType::Set, "PT1H".into()));
    assert_eq!(one("The fair is held each July.", d).2, "XXXX-07");
    assert_eq!(one("The market is held on weekends.", d), ("weekends".into(), TimeType::Set, "XXXX-WXX-WE".into()));
    assert_eq!(one("He works every weekend.", d).2, "XXXX-WXX-WE");
    assert_eq!(one("We see it every single day.", d), ("every single day".into(), TimeType::Set, "P1D".into()));
    assert_eq!(one("He went home every single weekend.", d).2, "XXXX-WXX-WE");
    assert_eq!(one("He prays every single Sunday.", d).2, "XXXX-WXX-7");
    assert_eq!(one("She called every single night.", d).2, "XXXX-XX-XXTNI");
    assert_eq!(one("The birds return each spring.", d), ("each spring".into(), TimeType::Set, "XXXX-SP".into()));
    assert_eq!(
        one("The president every fiscal year sets the cap.", d),
        ("every fiscal year".into(), TimeType::Set, "P1Y".into())
    );
}

#[test]
fn holidays() {
    assert_eq!(values("Stores closed on Thanksgiving Day.", date(1999, 12, 2)), ["1999-11-25"]);
    assert_eq!(values("Churches were full on Easter Sunday.", date(2018, 4, 10)), ["2018-04-01"]);
    assert_eq!(values("Parades are planned for Labor Day.", date(2016, 8, 20)), ["2016-09-05"]);
    assert_eq!(values("Polls open on Election Day 2016.", date(2016, 6, 1)), ["2016-11-08"]);
    assert_eq!(values("He hopes to sweep Super Tuesday.", date(2016, 1, 20)), ["2016-03-01"]);
    assert_eq!(values("He swept Super Tuesday.", date(2020, 3, 5)), ["2020-03-03"]);
    assert_eq!(values("He has built teams in the Super Tuesday states.", date(2016, 2, 9)), ["2016-03-01"]);
    assert_eq!(values("Kentucky took part in the 1988 Super Tuesday.", date(2016, 5, 18)), ["1988"]);
    assert_eq!(values("The war memorial was busy on Memorial Day.", date(2018, 6, 3)), ["2018-05-28"]);
    assert_eq!(values("Shops will reopen after Christmas.", date(2018, 12, 20)), ["2018-12-25"]);
    // a holiday's other spellings, and the days counted from a month's weekdays
    assert_eq!(values("The general spoke in Kell on Veteran\u{2019}s Day.", date(2015, 12, 10)), ["2015-11-11"]);
    assert_eq!(values("He visited veterans on Veterans' Day.", date(2015, 12, 10)), ["2015-11-11"]);
    assert_eq!(values("She tweeted a photo on Cinco de Mayo.", date(2016, 7, 18)), ["2016-05-05"]);
    assert_eq!(values("Flower sales peaked before Mother's Day.", date(2016, 6, 1)), ["2016-05-08"]);
    assert_eq!(values("He will march on St. Patrick's Day.", date(2016, 3, 1)), ["2016-03-17"]);
    assert_eq!(values("He called her on Father's Day.", date(2016, 7, 1)), ["2016-06-19"]);
    // the shopping days after Thanksgiving
    assert_eq!(values("Protesters marched on Black Friday.", date(2015, 12, 4)), ["2015-11-27"]);
    assert_eq!(values("Sales rose on Cyber Monday.", date(2015, 12, 4)), ["2015-11-30"]);
    // ... written with capitals: a possessive in lowercase is no holiday
    for text in
        ["He handled his mother's day-to-day care.", "It was her father's day off.", "The veteran's day-to-day life."]
    {
        assert!(values(text, date(2016, 7, 1)).is_empty(), "{text:?}");
    }
    // the comma after a holiday is not part of it when no year follows
    let (text, _, value) =
        one("Asked if she would hold a news conference prior to Election Day, he laughed.", date(2016, 7, 27));
    assert_eq!((text.as_str(), value.as_str()), ("Election Day", "2016-11-08"));
    // "as ... nears" points ahead, whatever the tense of the sentence
    let nears = "The speech hinted at the role he sees for himself as Election Day nears.";
    assert_eq!(values(nears, date(2016, 8, 17)), ["2016-11-08"]);
    assert_eq!(values("The campaign changed its ads, as September approaches.", date(2016, 8, 17)), ["2016-09"]);
    // without a tense, Election Day is the coming one unless the last was lately
    assert_eq!(
        values("Start packing, so that on Election Day you just hop on a bus.", date(2016, 2, 18)),
        ["2016-11-08"]
    );
    assert_eq!(values("The results of Election Day remain in dispute.", date(2016, 12, 20)), ["2016-11-08"]);
    // a tense that would take a holiday a year away gives way to the nearest one, as for a date
    // ("was held the Saturday before Christmas" three days before it), but not for an awaited one
    let before = "The debate was held the Saturday before Christmas, when many were away.";
    assert_eq!(values(before, date(2015, 12, 22)).last().map(String::as_str), Some("2015-12-25"));
    assert_eq!(values("I guess Christmas Eve was booked.", date(2015, 12, 23)), ["2015-12-24"]);
    let awaited = "By a year from now, on Election Day, the situation will have changed.";
    assert_eq!(values(awaited, date(2015, 11, 18)).last().map(String::as_str), Some("2016-11-08"));
}

#[test]
fn not_time_expressions() {
    let d = july12();
    for text in [
        "He paid $1990 for it.",
        "They do a sunday roast and read the Sunday papers.",
        "He criticized the now-defunct college and Lee's by-now-familiar claims.",
        "I don't believe for a minute that he knew.",
        "The minutes of the board show it. He read the minutes from the meeting; meeting minutes say so.",
        "They sold Halloween masks.",
        "It ran a Christmas-themed ad of Christmas gifts.",
        "Obama sat for an interview on Fox News Sunday and Breitbart News Saturday.",
        "Christie said on ABC's \"This Week with George Stephanopoulos.\"",
        "You can't do that overnight.",
        "Turnout rose 2000 percent.",
        "It won a second term.",
        "A quarter of voters stayed home.",
        "Lee did well with the quarter of voters who are young.",
        "Turnout fell by between a quarter and a third.",
        "Just over a quarter, 26 percent, said no.",
        "We spoke to a quarter-of-a-million people.",
        "The quarter-century-old brigade was disbanded.",
        "Citing Exodus 18:21, the pastor spoke.",
        "The photo quotes Romans 8:31 in full.",
        "The comments start at the 2:05 mark.",
        "Time named Lee its Person of the Year.",
        "He was voted Kell's Player of the Week.",
        "Lee told KTV's \"60 Minutes\" she would run.",
        "The film 13 Hours opens in Kell.",
        "He owns shares of 21st Century Vidmar.",
        "Seven Years in Kell is her second book.",
        "For most voters, those were the good old days.",
        "Things soon changed in Kell.",
        "Fact-checkers soon noted the error.",
        "Nurses in Kell work long hours.",
        "Employers will cut back hours.",
        "Skaters stay after hours.",
        "Those days are never coming back.",
        "In his younger days he ran a mill.",
        "She recalled her days as mayor of Kell.",
        "A poll of 2047 voters was released.",
        "The road leads to 1600 Pennsylvania Avenue.",
        "It was a zero-day flaw.",
        "Time Just Named Its Person Of The Year",
        "She was named coach of the year.",
        "It has not been seen since the days of Vidmar.",
        "Gone are the days when Lee could win Kell.",
        "The park is full of families on game days.",
        "She burned her vacation days.",
        "They met lobbyists at happy hour.",
        "The debates were held at odd hours.",
        "His approval rating rose to the low 40s.",
        "Temperatures reached the upper 90s.",
        "Lee spoke. He told KTV's This Week.",
        "Lee said on KTV's Today show that she would run.",
        "The agenda minutes name the members.",
        "The board publishes its minutes online.",
        "The minutes of the meeting name the members.",
        "The minutes of the last meeting name the members.",
        "The minutes show that Lee voted against.",
        "3. Minutes of the previous meeting\nApproved.",
        "MINUTES OF THE MEETING OF KELL TOWN COUNCIL",
        "It came not a moment too soon.",
        "It is too soon to say.",
        "Lee, the future leader of the party, spoke.",
        "She spoke of it in the past tense.",
        "He was a guest of late-night comedians.",
        "He gave an interview to a late night talk show host.",
        "A cashier who steals a handful of $20s is fired.",
        "They retaliated against Christmas trees from Kell.",
        "Lee sent a Christmas card to Vidmar.",
        "But it is not going to happen overnight.",
        "Lee became an overnight sensation.",
        "The backlash has been fierce in some quarters.",
        "He was soon released.",
        "It was a trickle of cash that soon became a flood.",
        "He guessed one-quarter to one-third of the staff agreed.",
        "The fall of the city came fast.",
        "Call me as soon as you can.",
        "He may leave.",
        "She campaigned hard in the last week of the race.",
        "It came in the first year of his term.",
        "The school has twelve hundred pupils.",
        "Her soon-to-be former employer objected.",
        "Soon afterward, the mayor left the stage.",
        "He has won seven of the past eight contests.",
        "Incomes for workers in their 30s, 40s and 50s grew.",
        "He is in his early 60s.",
    ] {
        assert!(tag(text, Some(d)).is_empty(), "{text:?} gave {:?}", tag(text, Some(d)));
    }
    // but a night it stays where it is one
    assert_eq!(values("Stocks fell overnight in Asia.", d), ["2018-07-12TNI"]);
}

#[test]
fn without_a_document_date() {
    let v = |t: &str| tag(t, None).into_iter().map(|(_, _, v)| v).collect::<Vec<_>>();
    assert_eq!(v("It happened in January."), ["XXXX-01"]);
    assert_eq!(v("It happened yesterday."), ["XXXX-XX-XX"]);
    assert_eq!(v("It happened on Monday."), ["XXXX-WXX-1"]);
    assert_eq!(v("It happened last year."), ["XXXX"]);
    assert_eq!(v("It happened on Jan. 5."), ["XXXX-01-05"]);
    assert_eq!(v("It happened on June 22, 2018."), ["2018-06-22"]);
    assert_eq!(v("It lasted four years."), ["P4Y"]);
    // a text without a date of its own that names a day reads on from it, forward, as a
    // witness statement or a letter does
    assert_eq!(
        v("On Tuesday 11 March 2025 he came in. I saw him again on 13 March. The next morning he left."),
        ["2025-03-11", "2025-03-13", "2025-03-14"]
    );
    assert_eq!(
        v("We met on 30 December 2024. He rang on Thursday and came back in January."),
        ["2024-12-30", "2025-01-02", "2025-01"]
    );
    assert_eq!(v("We met on 2 March 2025. Two days later he wrote."), ["2025-03-02", "P2D"]);
    // a month or a day is of the year last named, a weekday with its part of the day goes
    // forward too, and what counts from the day of writing stays unknown
    assert_eq!(v("We met on 2 March 2025. On 11 September he moved."), ["2025-03-02", "2025-09-11"]);
    assert_eq!(
        v("On 11 March 2025 I gave this statement. In 2019, in May, I met him."),
        ["2025-03-11", "2019", "2019-05"]
    );
    assert_eq!(v("We met on Monday 30 December 2024. He rang on Thursday night."), ["2024-12-30", "2025-01-02"]);
    assert_eq!(v("I bought it on 3 May 2024. Today it stopped working."), ["2024-05-03", "XXXX-XX-XX"]);
    // a day someone names in a quotation is not where the story is
    assert_eq!(
        v("On Tuesday 11 March 2025 he said: \"Pay me by Friday.\" The next morning I told Ann."),
        ["2025-03-11", "2025-03-14", "2025-03-12"]
    );
}

#[test]
fn the_component_anchors_on_the_document() {
    let pipeline = Pipeline::new(vec![Box::new(Segmenter), Box::new(TimeTagger)]).unwrap();
    let mut doc = Doc::new("d", "The court ruled on Tuesday. Appeals are due in January.");
    doc.published = Some("2018-07-12".into());
    pipeline.run(&mut doc);
    let got: Vec<(&str, &str)> = doc.times.iter().map(|t| (t.span.of(&doc.text), t.value.as_str())).collect();
    assert_eq!(got, [("Tuesday", "2018-07-10"), ("January", "2019-01")]);
    // without a publication date, the reference date (--date) anchors
    let mut doc = Doc::new("d", "The court ruled yesterday.");
    doc.reference_date = Some("2018-03-01".into());
    Segmenter.process(&mut doc);
    TimeTagger.process(&mut doc);
    assert_eq!(doc.times[0].value, "2018-02-28");
    assert_eq!(TimeTagger.name(), "times");
    // a dateline without a year is the publication date when a reference date gives the year,
    // and then anchors the story
    let mut doc = Doc::new("d", "ARDENPORT, July 23 \u{2014} The council met on Tuesday.");
    doc.reference_date = Some("2018-08-01".into());
    pipeline.run(&mut doc);
    assert_eq!(doc.published.as_deref(), Some("2018-07-23"));
    assert_eq!(doc.times.last().map(|t| t.value.as_str()), Some("2018-07-17"));
    let mut doc = Doc::new("d", "ARDENPORT, July 23 \u{2014} The council met on Tuesday.");
    pipeline.run(&mut doc);
    assert_eq!(doc.published, None);
    // one with its year needs no reference date; a publication date of its own wins
    let mut doc = Doc::new("d", "ARDENPORT, Dec. 30, 2017 (Wire) - The council met on Tuesday.");
    pipeline.run(&mut doc);
    assert_eq!(doc.published.as_deref(), Some("2017-12-30"));
    let mut doc = Doc::new("d", "ARDENPORT, July 23 \u{2014} The council met on Tuesday.");
    doc.published = Some("2018-07-24".into());
    doc.reference_date = Some("2018-08-01".into());
    pipeline.run(&mut doc);
    assert_eq!(doc.published.as_deref(), Some("2018-07-24"));
    // a story filed the day before its timestamp speaks from its dateline
    assert_eq!(doc.times.last().map(|t| t.value.as_str()), Some("2018-07-17"));
    let mut doc = Doc::new("d", "OSLO, July 23 (Wire) - Talks ended today.");
    doc.published = Some("2018-07-24".into());
    pipeline.run(&mut doc);
    let got: Vec<&str> = doc.times.iter().map(|t| t.value.as_str()).collect();
    assert_eq!(got, ["2018-07-23", "2018-07-23"]);
    let mut doc = Doc::new("d", "OSLO, July 3 (Wire) - Talks ended today.");
    doc.published = Some("2018-07-24".into());
    pipeline.run(&mut doc);
    assert_eq!(doc.times.last().map(|t| t.value.as_str()), Some("2018-07-24"));
    // and so does one whose timestamp is a day early (another time zone), not two
    let mut doc = Doc::new("d", "OSLO, July 23 (Wire) - A poll released Monday found a lead.");
    doc.published = Some("2018-07-22".into());
    pipeline.run(&mut doc);
    assert_eq!(doc.times.last().map(|t| t.value.as_str()), Some("2018-07-23"));
    doc.published = Some("2018-07-21".into());
    pipeline.run(&mut doc);
    assert_eq!(doc.times.last().map(|t| t.value.as_str()), Some("2018-07-16"));
}

#[test]
fn datelines() {
    assert_eq!(
        dateline_date("LONDON, July 23 (Reuters) - Shares fell.", Some("2018-07-25")),
        Some("2018-07-23".into())
    );
    assert_eq!(dateline_date("June 5, 2018 \u{2014} The council met.", None), Some("2018-06-05".into()));
    assert_eq!(dateline_date("WASHINGTON \u{2014} The Senate voted.", Some("2018-07-25")), None);
    assert_eq!(dateline_date("LONDON, July 23 (Reuters) - Shares fell.", None), None);
    assert_eq!(dateline_date("", None), None);
    // after a headline and a byline
    let story = "Harbour strike ends\n\nBy Ann Lee\n\nARDENPORT, 23 July 2018 \u{2014} Dockers voted.";
    assert_eq!(dateline_date(story, None), Some("2018-07-23".into()));
    let story = "Harbour strike ends\r\n\r\nNew Carden, July 23\r\nDockers voted.";
    assert_eq!(dateline_date(story, Some("2018-08-01")), Some("2018-07-23".into()));
    assert_eq!(
        dateline_date("Press note \u{2014} Tessavar, 23 July 2018\n\nSubject: fees", None),
        Some("2018-07-23".into())
    );
    // a transcript's place, day and hour
    let transcript = "Police press conference\n\nHeld at Ardenport Police Headquarters, Wednesday 12 November 2025, \
                      4pm\n\nMOSS: Good afternoon.";
    assert_eq!(dateline_date(transcript, None), Some("2025-11-12".into()));
    assert_eq!(
        dateline_date("Recorded in Kell, 12 November 2025, 4pm\n\nGood afternoon.", None),
        Some("2025-11-12".into())
    );
    let transcript = "Recorded at the Kell Police Headquarters, Wednesday 12 November 2025, 4pm\n\nGood afternoon.";
    assert_eq!(dateline_date(transcript, None), Some("2025-11-12".into()));
    // not a sentence's place, a birth's, an event's, nor a day by numbers only
    assert_eq!(dateline_date("Obituary\n\nBorn in Kell, 12 March 1961\n\nShe died.", None), None);
    assert_eq!(dateline_date("Concert in Hyde Park, Friday 4 July 2025, 7pm\n\nTickets sold.", None), None);
    assert_eq!(dateline_date("The council met in Kell, 12 November 2025, 4pm\n\nIt did.", None), None);
    assert_eq!(dateline_date("Held at Kell Town Hall, 12/11/2025, 4pm\n\nIt did.", None), None);
    // a date in a headline is no dateline
    assert_eq!(dateline_date("Talks set for July 23 - union\n\nDockers voted.", Some("2018-07-01")), None);
    assert_eq!(dateline_date("Dockers voted on July 23, 2018 - and won.", None), None);
    // across the turn of the year, the nearest year
    assert_eq!(dateline_date("OSLO, Dec. 31 (Wire) - Markets shut.", Some("2019-01-02")), Some("2018-12-31".into()));
}

#[test]
fn a_byline_that_ends_with_a_date_gives_the_publication_date() {
    let thread = "Thread by @ann_lee (Ann Lee), 11 Feb 2025\n\n1/ The council paid £2m on Monday.";
    assert_eq!(dateline_date(thread, None), Some("2025-02-11".into()));
    assert_eq!(
        dateline_date("Pier reopens\n\nBy Ann Lee | 11 February 2025\n\nIt opened.", None),
        Some("2025-02-11".into())
    );
    assert_eq!(dateline_date("Posted by Ann Lee on May 14, 2024\n\nIt opened.", None), Some("2024-05-14".into()));
    // a headline's "by", a date inside the line and a day without its year give none
    assert_eq!(dateline_date("Stopped by police on 11 Feb 2025\n\nIt happened.", None), None);
    assert_eq!(dateline_date("By Ann Lee, 11 Feb 2025, in Kell\n\nIt opened.", None), None);
    assert_eq!(dateline_date("By Ann Lee, February 2025\n\nIt opened.", None), None);
    assert_eq!(dateline_date("By Ann Lee, Political Editor, 11/02/2025\n\nIt opened.", None), None);
    assert_eq!(dateline_date("By Ann Lee\n\nThe pier reopened.", None), None);
    // "By" as a preposition, and a book's imprint
    assert_eq!(dateline_date("By 2030 the wall will stand, engineers said on 12 May 2025\n\nIt will.", None), None);
    assert_eq!(dateline_date("By the end of next year, on 31 December 2026\n\nIt will.", None), None);
    assert_eq!(dateline_date("The Quiet Tide\nPublished by Harbour Press on 3 March 2019\n\nA novel.", None), None);
}

#[test]
fn timestamp_lines_give_the_publication_date() {
    let page = "Snow closes Kell schools\n\n22 March 2013 Last updated at 14:05 GMT\n\nHeavy snow fell on Friday.";
    assert_eq!(dateline_date(page, None), Some("2013-03-22".into()));
    let page = "Snow closes Kell schools\nPosted on March 22, 2013 at 2:05 pm\nHeavy snow fell.";
    assert_eq!(dateline_date(page, None), Some("2013-03-22".into()));
    // the day published, not the day updated, whichever comes first
    let page = "Updated: 23 March 2013 | Published: 22 March 2013\n\nHeavy snow fell.";
    assert_eq!(dateline_date(page, None), Some("2013-03-22".into()));
    let page = "Last modified 23 March 2013, 09:12\n\nHeavy snow fell.";
    assert_eq!(dateline_date(page, None), Some("2013-03-23".into()));
    // a clock time before the date is the date's
    let page = "Last updated at 14:05 GMT, 22 March 2013\n\nHeavy snow fell.";
    assert_eq!(dateline_date(page, Some("2013-03-25")), Some("2013-03-22".into()));
    // other words on the line make it no timestamp; nor does a day without its year, alone
    assert_eq!(dateline_date("Snow fell on 22 March 2013 at 14:05 in Kell.\n\nSchools shut.", None), None);
    assert_eq!(dateline_date("Updated on Friday at 14:05\n\nSchools shut.", None), None);
    assert_eq!(dateline_date("Published 22 March at 14:05\n\nSchools shut.", None), None);
    // a press release's release or embargo line
    let release = "PRESS RELEASE\nFor immediate release: 9 October 2025\n\nCliffs fell.";
    assert_eq!(dateline_date(release, None), Some("2025-10-09".into()));
    let release = "NEWS RELEASE\nEmbargoed until 00:01 on Thursday 9 October 2025\n\nCliffs fell.";
    assert_eq!(dateline_date(release, None), Some("2025-10-09".into()));
    // "until" alone is a run, not a release
    assert_eq!(dateline_date("Harbour Lights\nUntil 9 October 2025\n\nThe show opened.", None), None);
    // a long line whose first 160 bytes look like one
    let long = format!("Published 22 March 2013,{} snow fell in Kell.", " and".repeat(34));
    assert_eq!(dateline_date(&long, None), None);
    // relative times in the story follow it
    let pipeline = Pipeline::new(vec![Box::new(Segmenter), Box::new(TimeTagger)]).unwrap();
    let mut doc = Doc::new("d", "Snow closes Kell\n\n22 March 2013 Last updated at 14:05 GMT\n\nIt fell yesterday.");
    pipeline.run(&mut doc);
    assert_eq!(doc.published.as_deref(), Some("2013-03-22"));
    assert_eq!(doc.times.last().map(|t| t.value.as_str()), Some("2013-03-21"));
}

#[test]
fn message_headers_give_the_sent_date() {
    let mail = "From: Carla Ventimiglia <c.v@norvale.example>\nTo: Piet Harmsen <piet@harmsen.example>\n\
                Date: Tue, 14 May 2024 09:12:44 +0200\nSubject: Re: the shipment\n\nPiet, as discussed yesterday.";
    assert_eq!(dateline_date(mail, None), Some("2024-05-14".into()));
    // Outlook's header, a folded line, CRLF line ends
    let mail = "From: Ann Lee\r\nTo: Tom Fenn,\r\n  Joan Ellery\r\nSent: Tuesday, May 14, 2024 9:12 AM\r\n\r\nHi.";
    assert_eq!(dateline_date(mail, None), Some("2024-05-14".into()));
    // a date header without a year takes the one nearest the reference date
    assert_eq!(dateline_date("Date: 3 January\nSubject: dues\n\nPay.", Some("2024-12-30")), Some("2025-01-03".into()));
    // a byte-order mark first; a notice whose "Date:" is its event's, with no sender or subject
    assert_eq!(dateline_date("\u{feff}From: Ann Lee\nDate: 14 May 2024\n\nHi.", None), Some("2024-05-14".into()));
    // a folded date header
    assert_eq!(dateline_date("From: Ann Lee\nDate:\n Tue, 14 May 2024 09:12\n\nHi.", None), Some("2024-05-14".into()));
    assert_eq!(dateline_date("Date: 14 June 2024\nVenue: Town Hall\n\nThe budget came out yesterday.", None), None);
    // a date line after the header block, or in a text that opens with prose, is no header
    assert_eq!(dateline_date("From: Ann Lee\n\nDate: 14 May 2024 is when we meet.", None), None);
    assert_eq!(dateline_date("Note to self: call Piet.\nDate: 14 May 2024", None), None);
    // a long header value cut inside a character is no crash
    let long = format!("Subject: dues\nDate: 14 May 2024 {}\n\nBody.", "é".repeat(200));
    assert_eq!(dateline_date(&long, None), Some("2024-05-14".into()));
    // a header without a day of the month gives nothing
    assert_eq!(dateline_date("Date: May 2024\nSubject: dues\n\nPay.", None), None);
    // through the pipeline: "yesterday" in the body counts from the sent date
    let mut doc = Doc::new(
        "d",
        "From: Ann Lee\nDate: Tue, 14 May 2024 09:12:44 +0200\nSubject: Re: shipment\n\nThe boat left yesterday.",
    );
    Segmenter.process(&mut doc);
    TimeTagger.process(&mut doc);
    assert_eq!(doc.published.as_deref(), Some("2024-05-14"));
    assert_eq!(doc.times.last().map(|t| t.value.as_str()), Some("2024-05-13"));
}

/// The value of the first time expression of `doc` that starts at or after the first `words`.
fn value_from<'a>(doc: &'a Doc, words: &str) -> Option<&'a str> {
    let at = doc.text.find(words).unwrap();
    doc.times.iter().find(|t| t.span.start >= at).map(|t| t.value.as_str())
}

#[test]
fn each_message_of_a_thread_counts_from_its_own_sent_date() {
    // a forward's rule before the first header; a quoted message's own header; a reply's
    // attribution line; "Mar" without its period beside a day
    let text = "---------- Forwarded message ---------\nFrom: Ilse Brandt <ilse@x.example>\n\
                Date: Mon, 3 Mar 2025 at 18:02\nSubject: invoices\n\nKarl, I wrote to him yesterday.\n\n\
                -----Original Message-----\nFrom: Tomas Aal\nSent: Friday, February 28, 2025 4:55 PM\n\
                To: Ilse Brandt\nSubject: invoices due Monday\n\nI need them by tomorrow.\n\n\
                On Wed, 26 Feb 2025 at 21:40, Karl Mehren <k@x.example> wrote:\n> The auditors came yesterday.\n\n\
                Tomas\nsent yesterday\n";
    let mut doc = Doc::new("d", text);
    Segmenter.process(&mut doc);
    TimeTagger.process(&mut doc);
    assert_eq!(doc.published.as_deref(), Some("2025-03-03"));
    let value = |words: &str| value_from(&doc, words);
    assert_eq!(value("him yesterday"), Some("2025-03-02"));
    assert_eq!(value("tomorrow"), Some("2025-03-01"));
    assert_eq!(value("came yesterday"), Some("2025-02-25"));
    // a message's own header lines count from its date; after a reply's quoted lines the text is
    // the message's again
    assert_eq!(value("Monday"), Some("2025-03-03"));
    assert_eq!(value("sent yesterday"), Some("2025-02-27"));
    // a reply line without quoted lines after it is prose, no header
    let text = "On Tuesday, Lee wrote:\n\"I will win.\"\nHe spoke on Thursday.";
    let mut doc = Doc::new("d", text);
    doc.published = Some("2025-03-07".into());
    Segmenter.process(&mut doc);
    TimeTagger.process(&mut doc);
    let values: Vec<&str> = doc.times.iter().map(|t| t.value.as_str()).collect();
    assert_eq!(values, ["2025-03-04", "2025-03-06"]);
    // without the headers, the same words count from the document's date
    let mut doc = Doc::new("d", "Karl, I wrote to him yesterday. I need them by tomorrow.");
    doc.published = Some("2025-03-03".into());
    Segmenter.process(&mut doc);
    TimeTagger.process(&mut doc);
    let values: Vec<&str> = doc.times.iter().map(|t| t.value.as_str()).collect();
    assert_eq!(values, ["2025-03-02", "2025-03-04"]);
}

#[test]
fn a_thread_after_a_cover_note_counts_each_message_from_its_own_date() {
    // no date of the document's own (the cover note comes first), yet each message has one: a
    // bare weekday there is the last of its name before the message was sent, as in any message
    let text = "Released under the Freedom of Information Act.\n\nFrom: Ann Vell\nSent: 13 March 2025 17:48\n\
                To: Bo Lind\nSubject: bridge\n\nDraft lines below.\n\nFrom: Cy Rand\nSent: 17 March 2025 11:03\n\
                To: Ann Vell\nSubject: complaints\n\nWe have had 212 complaints since Friday.\n";
    let mut doc = Doc::new("d", text);
    Segmenter.process(&mut doc);
    TimeTagger.process(&mut doc);
    assert_eq!(doc.published, None);
    assert_eq!(value_from(&doc, "Friday"), Some("2025-03-14"));
    // outside any message the text is still a narrative: the next Friday after the date named
    let mut doc = Doc::new("d", "The letter is dated 17 March 2025. On Friday the bridge reopened.");
    Segmenter.process(&mut doc);
    TimeTagger.process(&mut doc);
    assert_eq!(value_from(&doc, "Friday"), Some("2025-03-21"));
}

#[test]
fn each_message_of_a_chat_export_counts_from_its_own_time_stamp() {
    // day first: 13/03 can only be read so
    let text = "Exhibit 14: messages recovered from the phone\n\n\
                [12/03/2024, 21:16] Dana Petch: not yet. tomorrow morning before 7\n\
                [12/03/2024, 21:17] Rory Quill: the inspector is coming friday\n\
                [13/03/2024, 06:45] Dana Petch: all gone since yesterday\n";
    let mut doc = Doc::new("d", text);
    doc.reference_date = Some("2024-06-01".into());
    Segmenter.process(&mut doc);
    TimeTagger.process(&mut doc);
    let value = |words: &str| value_from(&doc, words);
    assert_eq!(value("tomorrow"), Some("2024-03-13TMO"));
    assert_eq!(value("coming friday"), Some("2024-03-15"));
    assert_eq!(value("yesterday"), Some("2024-03-12"));
    // an American export (month first, a 12-hour clock)
    let text = "3/12/24, 9:14 PM - Ann Lee: see you tomorrow\n3/12/24, 9:15 PM - Tom Fenn: ok\n";
    let mut doc = Doc::new("d", text);
    Segmenter.process(&mut doc);
    TimeTagger.process(&mut doc);
    let tomorrow = doc.times.iter().find(|t| t.span.of(text) == "tomorrow").map(|t| t.value.as_str());
    assert_eq!(tomorrow, Some("2024-03-13"));
    // a log of many days has no publication date of its first message
    assert_eq!(doc.published, None);
}

#[test]
fn expressions_at_the_very_start_of_a_text() {
    let d = july12();
    // the words before an expression are looked at: none must not be out of range
    assert_eq!(values("Monday's vote was calm.", d), ["2018-07-09"]);
    assert_eq!(values("Monday was calm.", d), ["2018-07-09"]);
    assert_eq!(values("May 3", d), ["2018-05-03"]);
    assert_eq!(values("Tuesday", d), ["2018-07-10"]);
}

#[test]
fn expressions_near_the_very_end_of_a_text() {
    let d = july12();
    // the words after a verb are looked at ("have" before a participle): none must not be out
    // of range
    assert_eq!(values("On Monday, we have", d), ["2018-07-09"]);
    assert_eq!(values("Since Monday they has", d), ["2018-07-09"]);
}

#[test]
fn any_input_gives_spans_in_order_on_char_boundaries() {
    let pieces = [
        "June",
        "22",
        ",",
        "2018",
        "the",
        "last",
        "-",
        "year",
        "ago",
        "mid",
        "1990s",
        "'",
        "Q3",
        "a",
        "few",
        "days",
        "Monday",
        "night",
        "5",
        "p.m.",
        "é",
        "—",
        "’s",
        "every",
        "twenty",
        "four",
        "hours",
        "\n\n",
        ".",
        "22/06/2018",
        "2014-15",
        "FY1990",
        "noon",
        "of",
        "May",
        "may",
        "Feb.",
        "29",
        "two-year",
        "\u{1F600}",
        "$",
        "%",
        // words the tense of an expression is read from
        "have",
        "has",
        "will",
        "was",
        "said",
        "to",
        "not",
        "set",
        "if",
        "that",
        "ahead",
        "as",
        "\"",
    ];
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    for round in 0..400u32 {
        let n = (rng.next() % 40) as usize;
        let mut text = String::new();
        for _ in 0..n {
            text.push_str(rng.pick(&pieces));
            if !rng.next().is_multiple_of(4) {
                text.push(' ');
            }
        }
        let anchor = if round.is_multiple_of(3) { None } else { Some(date(2000 + (round % 30) as i16, 2, 28)) };
        let tokens = tokenize(&text);
        let sentences = split_sentences(&text, &tokens);
        let times = tag_times(&text, &tokens, &sentences, anchor);
        let mut last = 0;
        for t in &times {
            assert!(t.span.start >= last && t.span.start < t.span.end && t.span.end <= text.len(), "{text:?}");
            assert!(text.is_char_boundary(t.span.start) && text.is_char_boundary(t.span.end), "{text:?}");
            assert!(!t.value.is_empty(), "{text:?}");
            last = t.span.end;
        }
    }
}

#[test]
fn a_meetings_minutes_are_no_length_but_their_year_stays() {
    let d = july12();
    assert_eq!(
        one("The council says the minutes from 2019 cannot be located.", d),
        ("2019".into(), TimeType::Date, "2019".into())
    );
    assert_eq!(values("In the minutes after the blast, police arrived.", d), ["PTXM"]);
}

/// (text, value) of each expression of `text` in a document of language `lang` published on
/// `published`, through the pipeline (the document's language picks the grammar).
fn in_language(lang: &str, text: &str, published: &str) -> Vec<(String, String)> {
    let mut doc = Doc::new("d", text);
    doc.lang = Some(lang.into());
    doc.published = Some(published.into());
    Segmenter.process(&mut doc);
    TimeTagger.process(&mut doc);
    doc.times.iter().map(|t| (t.span.of(&doc.text).to_string(), t.value.clone())).collect()
}

#[test]
fn a_second_language_is_its_grammar_files() {
    // Spanish, from es.lex and es.rules alone; a Thursday
    let es = |text: &str| in_language("es", text, "2018-07-12");
    let values = |text: &str| es(text).into_iter().map(|(_, v)| v).collect::<Vec<_>>();
    // absolute dates, with the day first
    assert_eq!(
        es("El acuerdo se firmó el 22 de junio de 2018 en Viena."),
        [("22 de junio de 2018".into(), "2018-06-22".into())]
    );
    assert_eq!(values("El lunes, 22 de junio de 2015, terminó la votación."), ["2015-06-22"]);
    assert_eq!(values("La carta está fechada el 22/06/2018 y el 03/04/2018."), ["2018-06-22", "2018-04-03"]);
    assert_eq!(values("Se inauguró en agosto de 1988."), ["1988-08"]);
    assert_eq!(values("El primero de mayo hubo marchas."), ["2018-05-01"]);
    // a bare month by the tense of its sentence: preterite, auxiliary, synthetic future
    assert_eq!(values("Los dos sospechosos fueron capturados en enero."), ["2018-01"]);
    assert_eq!(values("El juicio comenzará en septiembre."), ["2018-09"]);
    assert_eq!(values("La policía detuvo al hombre en octubre."), ["2017-10"]);
    // weekdays and days around the document's date
    assert_eq!(values("La comisión se reunirá el martes."), ["2018-07-17"]);
    assert_eq!(values("El ministro habló el martes."), ["2018-07-10"]);
    assert_eq!(values("El juicio empezará el próximo lunes."), ["2018-07-16"]);
    assert_eq!(values("Lo dijo el lunes pasado."), ["2018-07-09"]);
    assert_eq!(es("El pasado martes habló."), [("El pasado martes".into(), "2018-07-10".into())]);
    // "este lunes" is this week's, before or after the day of writing by the tense
    assert_eq!(values("Este lunes se reunió la comisión."), ["2018-07-09"]);
    assert_eq!(values("Este lunes se reunirá la comisión."), ["2018-07-16"]);
    assert_eq!(
        values("Ayer, hoy y mañana; anteayer y pasado mañana."),
        ["2018-07-11", "2018-07-12", "2018-07-13", "2018-07-10", "2018-07-14"]
    );
    // parts of days and clock times
    assert_eq!(values("Declaró ayer por la tarde y llegó anoche."), ["2018-07-11TAF", "2018-07-11TNI"]);
    assert_eq!(values("Esta mañana hubo una reunión."), ["2018-07-12TMO"]);
    assert_eq!(values("La sesión empezará a las 18:30 y acabará a medianoche."), ["2018-07-12T18:30", "2018-07-12T24"]);
    assert_eq!(values("Será a las 6 de la tarde."), ["2018-07-12T18:00"]);
    assert_eq!(es("Abrirá a las 10.30 horas."), [("las 10.30 horas".into(), "2018-07-12T10:30".into())]);
    // relative periods, counted from now and from the date last mentioned
    assert_eq!(values("Este año, el año pasado y el próximo año."), ["2018", "2017", "2019"]);
    assert_eq!(values("La semana pasada y el mes que viene."), ["2018-W27", "2018-08"]);
    assert_eq!(values("Hace dos semanas recibió las cartas."), ["2018-W26"]);
    assert_eq!(values("Lo supo hace más de tres años."), ["2015"]);
    assert_eq!(values("Dentro de tres días se sabrá."), ["2018-07-15"]);
    assert_eq!(values("Llegó el 3 de marzo de 2016; al día siguiente se fue."), ["2016-03-03", "2016-03-04"]);
    assert_eq!(values("Llegó en 2015. Un año después regresó."), ["2015", "2016"]);
    // decades, centuries, quarters, seasons, vague references
    assert_eq!(values("En los años noventa, en los años 80 y en la década de 1970."), ["199", "198", "197"]);
    assert_eq!(values("Fue el mayor desastre del siglo XX."), ["19"]);
    assert_eq!(values("Las ventas del tercer trimestre de 2017 subieron."), ["2017-Q3"]);
    assert_eq!(values("El verano de 2016 fue seco."), ["2016-SU"]);
    assert_eq!(values("Ahora lo sabemos; recientemente lo supimos."), ["PRESENT_REF", "PAST_REF"]);
    // modifiers widen the expression
    assert_eq!(es("Se vendió a mediados de 2018."), [("a mediados de 2018".into(), "2018".into())]);
    // lengths and repetitions; an age is no length of time
    assert_eq!(values("La investigación duró tres años y el juicio 90 minutos."), ["P3Y", "PT90M"]);
    assert_eq!(values("Durante los últimos cuatro años. Después, dos años y medio."), ["P4Y", "P30M"]);
    assert_eq!(values("Cada lunes, todos los años y anualmente."), ["XXXX-WXX-1", "P1Y", "P1Y"]);
    assert!(values("Un niño de cinco años de edad; tiene 40 años.").is_empty());
    // the words that join a time to its day, and the days of a range
    assert_eq!(values("Ocurrió a las 02.15 horas del pasado domingo."), ["2018-07-08T02:15"]);
    assert_eq!(values("La noche del sábado hubo disturbios."), ["2018-07-07TNI"]);
    assert_eq!(values("El sábado por la noche hubo disturbios."), ["2018-07-07TNI"]);
    assert_eq!(values("Del 1 al 15 de agosto estará cerrado."), ["2018-08-01", "2018-08-15"]);
    assert_eq!(values("Entre enero y marzo de 2017 bajó el paro."), ["2017-01", "2017-03"]);
    // a weekday and its day: the nearest month where the day falls on that weekday, whatever
    // the tense ("se aplazó" of a meeting still to come)
    assert_eq!(values("La reunión del martes 17 se aplazó al jueves 19."), ["2018-07-17", "2018-07-19"]);
    assert_eq!(values("El martes 3 personas murieron."), ["2018-07-10"]);
    // hours in words, lengths joined by "y", quarters of a named year, holidays, more sets
    assert_eq!(
        values("Llegó a las nueve y media de la mañana y salió a las doce menos cuarto."),
        ["2018-07-12T09:30", "2018-07-12T11:45"]
    );
    assert_eq!(values("Estuvo preso tres años y seis meses."), ["P3Y6M"]);
    assert_eq!(values("El primer semestre del año pasado y el tercer trimestre de este año."), ["2017-H1", "2018-Q3"]);
    assert_eq!(values("El siglo pasado, los últimos años y hace unas horas."), ["19", "PXY", "PAST_REF"]);
    assert_eq!(
        values("Llegó el 3 de marzo; la mañana siguiente se fue y la víspera había llovido."),
        ["2018-03-03", "2018-03-04", "2018-03-03"]
    );
    assert_eq!(values("Cerrará por Nochebuena y el Viernes Santo."), ["2018-12-24", "2018-03-30"]);
    assert_eq!(values("La mató en la Nochebuena de 2014."), ["2014-12-24"]);
    // a day and its clock time across "a" are one; a twelve-hour clock's "p.m." (on the night
    // just named)
    assert_eq!(
        es("La veda comenzará el viernes a las 8 de la mañana."),
        [("viernes a las 8 de la mañana".into(), "2018-07-13T08:00".into())]
    );
    assert_eq!(values("Anoche, hacia las 9:30 p.m., cayó el muro."), ["2018-07-11TNI", "2018-07-11T21:30"]);
    assert_eq!(values("Abre los domingos, cada mañana y una vez al mes."), ["XXXX-WXX-7", "XXXX-XX-XXTMO", "P1M"]);
    // names, ages and counts that hold a date's words or a year's digits
    assert!(values("Un niño de 5 años marchó a la Plaza de Mayo con unas 2000 personas.").is_empty());
    assert!(values("El detenido, de 19 años, compró la lotería de Navidad por la Ley 1448.").is_empty());
    // months and weekdays are written in lowercase: capitalized inside a sentence, they are names;
    // where a sentence or a quotation opens, and in capitals, they are dates
    assert!(values("La jueza Carmen Domingo citó a Abril Fuentes en la calle Doce de Octubre.").is_empty());
    assert_eq!(
        values("Domingo, 8 de julio. \"Sábado\" dijo. EL DOMINGO HUBO ELECCIONES."),
        ["2018-07-08", "2018-07-07", "2018-07-08"]
    );
    // a year's boundaries: a bare month in a December story, and a leap day
    let es_on = |text: &str, published: &str| -> Vec<String> {
        in_language("es", text, published).into_iter().map(|(_, v)| v).collect()
    };
    assert_eq!(es_on("La cumbre será en enero.", "2018-12-20"), ["2019-01"]);
    assert_eq!(es_on("La cumbre fue en diciembre.", "2019-01-03"), ["2018-12"]);
    assert_eq!(
        es_on("Se casaron el 29 de febrero; al día siguiente partieron.", "2016-03-10"),
        ["2016-02-29", "2016-03-01"]
    );
    // a news agency's dateline gives the publication date
    let mut doc =
        Doc::new("d", "Madrid, 22 ago (EFE).- El Gobierno anunció el viernes que el juicio comenzará en septiembre.");
    doc.lang = Some("es".into());
    doc.reference_date = Some("2018-09-01".into());
    Segmenter.process(&mut doc);
    TimeTagger.process(&mut doc);
    assert_eq!(doc.published.as_deref(), Some("2018-08-22"));
    let got: Vec<&str> = doc.times.iter().map(|t| t.value.as_str()).collect();
    assert_eq!(got, ["2018-08-22", "2018-08-17", "2018-09"]);
    // the English grammar reads none of it, and a language without a grammar gets English's
    assert!(in_language("en", "Los sospechosos fueron capturados ayer.", "2018-07-12").is_empty());
    assert_eq!(in_language("xx", "They left yesterday.", "2018-07-12"), [("yesterday".into(), "2018-07-11".into())]);
}
