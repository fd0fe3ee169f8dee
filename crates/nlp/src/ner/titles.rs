//! Titles of works in quotation marks: "the single "Baby Turpentine"", "her novel "Florentin"".
//!
//! CoNLL-2003 ("the film "Independence Day"") and WikiGold write every such title as a name,
//! MISC; the model, which reads a title's words as common words, leaves most of them out or takes
//! a part ("Baby"). These rules run after the model, on the tokens of a sentence, and need to know
//! which quotation marks open and which close ([`quote_marks`]).

use super::{BEGIN, INSIDE, LAST, MISC, UNIT, label_part, label_type, possessive, set_name, spans_of};
use crate::entities::words::FxSet as HashSet;
use crate::quotes::marks::Mark as QuoteMark;
use dossier_model::Token;

/// What a token is as a quotation mark.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Mark {
    None,
    /// Opens a quotation: “ „ « ``, or a straight " or '' that opens.
    Opens,
    /// Closes one: ” », or a straight " or '' that closes.
    Closes,
    /// A single ‘ that opens.
    OpensSingle,
    /// A single ’ standing alone, which may close a ‘.
    ClosesSingle,
}

impl Mark {
    /// Whether the mark opens a quotation, double or single.
    pub(crate) fn opens(self) -> bool {
        matches!(self, Mark::Opens | Mark::OpensSingle)
    }

    /// Whether the mark closes a quotation, double or single.
    pub(crate) fn closes(self) -> bool {
        matches!(self, Mark::Closes | Mark::ClosesSingle)
    }
}

/// Whether tokens `s..e` fill a quotation: a mark opens right before them and one closes right
/// after.
pub(crate) fn fills_quotation(marks: &[Mark], s: usize, e: usize) -> bool {
    s > 0 && marks[s - 1].opens() && marks.get(e).is_some_and(|m| m.closes())
}

/// The quotation marks among `tokens` (of `text`; `ranges` are the sentences as token ranges).
/// A curly mark says which it is; a straight one (or '') by its spacing, a space before it and
/// a word right after it opening (`said "Yes`), a word before it and a space or a comma after
/// it closing (`film," Janet`); where the spacing says nothing (` " `), by the count of
/// straight marks before it in its sentence.
pub(crate) fn quote_marks(text: &str, tokens: &[Token], ranges: &[(usize, usize)]) -> Vec<Mark> {
    let mut marks = vec![Mark::None; tokens.len()];
    // (a space, a bracket or a dash on the outer side of a mark)
    let opens_after = |c: Option<char>| c.is_none_or(|c| c.is_whitespace() || "([{\u{2014}\u{2013}-/".contains(c));
    let closes_before =
        |c: Option<char>| c.is_none_or(|c| c.is_whitespace() || ",.;:!?)]}\u{2014}\u{2013}-/".contains(c));
    for &(a, z) in ranges {
        let mut straight = 0;
        for k in a..z {
            let (start, end) = (tokens[k].span.start, tokens[k].span.end);
            let s = &text[start..end];
            // (which characters are quotation marks, and which way the curly ones face, is the
            // quotation finder's table)
            marks[k] = match crate::quotes::marks::mark_of(s) {
                QuoteMark::OpenD => {
                    // (counted: the '' that closes it counts too)
                    straight += usize::from(s == "``");
                    Mark::Opens
                }
                QuoteMark::CloseD => Mark::Closes,
                QuoteMark::OpenS => Mark::OpensSingle,
                QuoteMark::CloseS => Mark::ClosesSingle,
                // (some texts write '' for every double mark: "his book, ''Doomed to Succeed,''")
                QuoteMark::AmbD => {
                    straight += 1;
                    let before = text[..start].chars().next_back();
                    let after = text[end..].chars().next();
                    match (opens_after(before), closes_before(after)) {
                        (true, false) => Mark::Opens,
                        (false, true) => Mark::Closes,
                        _ if straight % 2 == 1 => Mark::Opens,
                        _ => Mark::Closes,
                    }
                }
                QuoteMark::AmbS | QuoteMark::No => Mark::None,
            };
        }
    }
    marks
}

/// Words naming a work whose title may follow in quotation marks.
#[rustfmt::skip]
const WORKS: &[&str] = &[
    "song", "songs", "single", "singles", "track", "tracks", "album", "albums", "ep", "hit", "ballad", "anthem",
    "hymn", "tune", "novel", "novels", "book", "books", "memoir", "poem", "essay", "film", "films", "movie", "movies",
    "documentary", "sitcom", "episode", "play", "musical", "opera", "ballet", "painting",
];

/// Work words that are also verbs or adjectives ("to play "Frank Sinatra"", "a single "Yes"
/// vote"): a title follows them only after a word that makes them a noun.
const VERBS_TOO: &[&str] = &["single", "singles", "track", "tracks", "hit", "play"];

/// Words that make a work word before a title a noun: "the play", "their second single".
#[rustfmt::skip]
const NOUN_MAKERS: &[&str] = &[
    "the", "a", "an", "his", "her", "their", "its", "our", "my", "your", "this", "that", "new", "latest", "debut", "début",
    "first", "second", "third", "fourth", "fifth", "next", "last", "final", "lead", "title", "bonus", "hit",
    "another", "upcoming", "forthcoming", "popular", "classic", "famous", "'s", "\u{2019}s",
];

/// A title in quotation marks after the work it names is a name, MISC ("the single "Baby
/// Turpentine"", "a song called "Time to Wake Up"", "the video for "From Yesterday"", "a cover
/// of Kanye West's "Stronger""), whatever the model read inside it. So is each title of a list
/// that goes on from it with "and" or "or" ("the top two songs, "A Beautiful Lie" and "The
/// Fantasy""; not "the film "Leviathan", "Kommersant" reported"). `toks` are one sentence's
/// tokens, `marks` their [`quote_marks`].
pub(crate) fn quoted_titles(toks: &[&str], marks: &[Mark], labels: &mut [u8]) {
    let mut q = 1;
    while q < toks.len() {
        let cue = marks[q].opens().then(|| work_before(toks, labels, q));
        let Some(close) = cue.flatten().and_then(|_| title_in_quotes(toks, marks, labels, q)) else {
            q += 1;
            continue;
        };
        // (after a comma, a title stands between commas, opens a list or ends its sentence: "her
        // novel, "Florentin", was"; not speech, "After the play, "Bravo!" shouted")
        if cue == Some(Some(Cue::AfterComma))
            && toks[close - 1] != ","
            && !toks.get(close + 1).is_none_or(|w| matches!(*w, "," | "." | ";" | ")" | "and" | "or"))
        {
            q += 1;
            continue;
        }
        // the titles of a list that goes on from it, and how each joins the one before
        let mut titles = vec![(q, close)];
        let mut joined_by_and = Vec::new();
        loop {
            let last = titles[titles.len() - 1].1;
            let (next, and) = match toks.get(last + 1..last + 3) {
                Some([",", "and" | "or"]) => (last + 3, true),
                _ => match toks.get(last + 1) {
                    Some(&",") => (last + 2, false),
                    Some(&("and" | "or")) => (last + 2, true),
                    // (a comma inside the marks: "the singles "Yellow," "Trouble," and")
                    _ if toks[last - 1] == "," => (last + 1, false),
                    _ => break,
                },
            };
            // (no title unless a mark opens at `next`)
            let Some(c) = title_in_quotes(toks, marks, labels, next) else {
                break;
            };
            titles.push((next, c));
            joined_by_and.push(and);
        }
        // (a list of commas alone may be the title and a newspaper that reports it)
        if joined_by_and.last() == Some(&false) {
            titles.truncate(1);
        }
        for &(open, close) in &titles {
            // (a full stop or a comma the quotation takes in is no part of the title)
            let end = if matches!(toks[close - 1], "." | ",") { close - 1 } else { close };
            set_name(labels, open + 1, end, MISC);
        }
        q = titles[titles.len() - 1].1 + 1;
    }
}

/// A title-case phrase of two words or more that fills a quotation is a title, MISC, where no
/// work word names it ("won the MTV2 Award for "The Kill"", "lost to AFI's "Miss Murder"",
/// "told ABC's "Good Morning America""): WikiGold writes 45 of the 80 such phrases it holds as
/// MISC names and CoNLL-2003's testa 20 of 29, and the model left most out or took a part
/// ("Murder", "America"). Not:
/// - a quotation the model read whole as one name, of any type ("Fox & Friends");
/// - one holding a person's full name that the model read ("The Rachel Maddow Show": the entity
///   linker names the person by it);
/// - a nickname beside a person's name (`"Diamond" Carlo Citrone`);
/// - speech: a full stop, "!" or "?" inside, or a verb of speech right after (""Happy
///   Birthday," she said") or before it ([`spoken_before`]);
/// - a comma inside (`"Lenhart, Matthew" <...>`, `tweet-date="March 4, 2016"`), an address
///   after it (`"Maria at Selby Books" <maria@...>`);
/// - a person's style ("Emperor of the West"), an office before a person ("Ask Senator Quist");
/// - a greeting or a salutation ("Dear Father", "Welcome to Dunmore");
/// - a headline's quotation, where every word is capitalized.
///
/// One word alone is left: a nickname, or a word quoted as a word ("Christian", "Libya"), as
/// often as a title.
pub(crate) fn bare_titles(toks: &[&str], marks: &[Mark], labels: &mut [u8]) {
    use crate::entities::words::{f, words};
    for open in 0..toks.len() {
        let Some(close) = title_in_quotes(toks, marks, labels, open) else {
            continue;
        };
        let inner = &toks[open + 1..close];
        let end = if inner.last() == Some(&",") { close - 1 } else { close };
        let words_inside = inner.iter().filter(|w| w.chars().any(char::is_alphabetic)).count();
        let inside = spans_of(&labels[open + 1..end]);
        let whole = inside.iter().any(|&(s, e, _)| s == 0 && e == end - open - 1);
        // (a person's full name inside stays the person's, whom the entity linker names by it:
        // "The Rachel Maddow Show", "Barack Obama Election Day")
        let full_name = inside.iter().any(|&(s, e, t)| t == super::PER && e - s >= 2);
        let speech = matches!(inner.last(), Some(&("." | "!" | "?")))
            || toks[close + 1..toks.len().min(close + 3)].iter().any(|w| words().get(w).has(f::CUE))
            || spoken_before(toks, open, close);
        let person = |k: usize| labels.get(k).is_some_and(|&l| label_type(l) == Some(super::PER));
        let nickname = open > 0 && person(open - 1) || person(close + 1);
        // (a comma inside: a mail's sender, surname first, `"Lenhart, Matthew" <...>`, a style and
        // its bearer, `"Norton I, Emperor of the United States"`, a date, `tweet-date="March 4,
        // 2016"`; or an address after it, `"Maria at Selby Books" <maria@...>`, or a markup
        // attribute's `=` before it)
        let comma = inner[..end - open - 1].contains(&",");
        let address = toks.get(close + 1) == Some(&"<") || open > 0 && toks[open - 1] == "=";
        // (a style of a person, "Emperor of the West", or an office before a person the model
        // read, "Ask Senator Quist")
        let head = open + 1 + inner.iter().position(|w| !matches!(*w, "The" | "the")).unwrap_or(0);
        let office = |k: usize| words().get(toks[k]).has(f::TITLE | f::ROLE);
        let style = office(head) || (open + 1..end - 1).any(|k| office(k) && person(k + 1));
        // (a greeting or a letter's salutation: "Dear Father", "Welcome to Dunmore")
        let greeting = GREETINGS.contains(&toks[head]);
        // (a headline capitalizes every word, quoted or not: "Elizabeth Warren: Donald Trump Is a
        // 'Proven Failure' in Business")
        let lowercase = |w: &&str| w.starts_with(char::is_lowercase) && !SMALL_WORDS.contains(w);
        let headline = !toks[..open].iter().chain(&toks[close + 1..]).any(lowercase);
        if words_inside < 2
            || whole
            || full_name
            || speech
            || nickname
            || comma
            || address
            || style
            || greeting
            || headline
        {
            continue;
        }
        set_name(labels, open + 1, end, MISC);
    }
}

/// Words that open a greeting or a letter's salutation in quotation marks, which is no title.
const GREETINGS: &[&str] = &["Dear", "Hi", "Hello", "Hey", "Welcome", "Congratulations", "Thanks", "Thank"];

/// Whether the quotation `open..=close` is what a verb of speech right before it says ("said
/// "Welcome to Dunmore" to each guest", "told the crowd "Welcome Back to Varna" and left"): the
/// verb up to three words before the mark, only lowercase words between that are no
/// preposition (not "said on "Face the Nation"", "told ABC's "Good Morning America""), and no
/// verb right after the quotation (not "He said "Nights in Selby" was the best song"). Writing
/// and singing make works as often ("she wrote "The Long Road""), and calling names ("a campaign
/// he calls "Confident America"", "things called "A Football Life"").
fn spoken_before(toks: &[&str], open: usize, close: usize) -> bool {
    use crate::entities::words::{f, words};
    #[rustfmt::skip]
    const WORKS_TOO: &[&str] = &[
        "write", "writes", "wrote", "written", "writing", "sing", "sings", "sang", "sung", "call", "calls", "called",
        "calling", "dub", "dubs", "dubbed", "name", "names", "named", "term", "terms", "termed", "label", "labels",
        "labeled", "labelled",
    ];
    let said = |w: &str| {
        let info = words().get(w);
        info.has(f::CUE_S) && !info.has(f::CUE_W) && !super::lower_in(WORKS_TOO, w)
    };
    let Some(verb) = (1..=3).filter_map(|d| open.checked_sub(d)).find(|&k| said(toks[k])) else {
        return false;
    };
    let between_plain =
        toks[verb + 1..open].iter().all(|w| w.starts_with(char::is_lowercase) && !words().get(w).has(f::PREP));
    let verb_after = toks.get(close + 1).is_some_and(|w| words().get(w).has(f::BE | f::AUX));
    between_plain && !verb_after
}

/// A title without quotation marks right after the work it names, that ends where its clause
/// does, is a name, MISC ("their second album A Beautiful Lie.", "the film The Last Emperor.",
/// "the song Sukiyaki.", "his book Oriente Conquistado (Conquest of the Orient)"), as WikiGold
/// writes all 13 it holds: the model read such titles as persons and organisations, or a part.
/// The title is the model's name that begins there, or the capitalized words there (and small
/// words between them), and a comma, a full stop, a bracket, a colon or the sentence's end
/// follows it: not "the book Obama wrote", "the film Paris is". The work word is a noun by a
/// determiner, a possessive, an ordinal or a year before it ("England play Wales" is a verb's).
/// Not a person the model read with a given name or before a comma ("the film Tom Hanks, ...",
/// "In the film Murray, 72, plays"), an age, a rating ("the album 8/10"), a weekday or a month
/// ("the film Friday.").
pub(crate) fn unquoted_titles(toks: &[&str], marks: &[Mark], labels: &mut [u8]) {
    const SMALL: &[&str] = &["a", "an", "the", "of", "in", "on", "to", "for", "and", "or", "at", "by", "with", "from"];
    let capital = |w: &str| w.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit());
    for q in 1..toks.len() {
        // (the cheap tests first: this runs on every token)
        if !capital(toks[q]) || marks[q - 1] != Mark::None || matches!(label_part(labels[q]), Some(INSIDE | LAST)) {
            continue;
        }
        // (the work word a noun by a determiner, a possessive, an ordinal or a year right before
        // it, since most are verbs too: not "England play Wales", "can book Uber", "will film
        // London", "Storm Ciaran hit Cornwall")
        let called = matches!(toks[q - 1], "called" | "titled" | "entitled");
        let w = if called && q >= 2 { q - 2 } else { q - 1 };
        let noun = w >= 1 && {
            let before = toks[w - 1];
            super::lower_in(NOUN_MAKERS, before) || before.len() == 4 && before.bytes().all(|b| b.is_ascii_digit())
        };
        if !noun || !super::lower_in(WORKS, toks[w]) {
            continue;
        }
        let model = matches!(label_part(labels[q]), Some(BEGIN | UNIT)).then(|| {
            let e = (q + 1..toks.len()).find(|&k| !matches!(label_part(labels[k]), Some(INSIDE | LAST)));
            e.unwrap_or(toks.len())
        });
        let mut e = model.unwrap_or(q);
        // (the capitalized words there, or after the model's part of them: "A Beautiful" + "Lie")
        while e < toks.len() && e < q + 8 && labels[e] == 0 {
            let joins = SMALL.contains(&toks[e]) && toks.get(e + 1).is_some_and(|w| capital(w)) && e > q;
            if !(capital(toks[e]) || joins) || super::is_calendar_word(toks[e]) {
                break;
            }
            e += 1;
        }
        let ends = toks.get(e).is_none_or(|w| matches!(*w, "," | "." | "(" | ";" | ":" | "!" | "?"));
        // (a person the model read, with a given name or before a comma, "the film Kidman, who
        // stars"; and an age after a comma, whatever the model read: "Off the track Hamilton, 39")
        let person = model.is_some()
            && label_type(labels[q]) == Some(super::PER)
            && (e - q >= 2 && super::known_given_name(toks[q]) || toks.get(e) == Some(&","));
        let age = toks.get(e) == Some(&",") && toks.get(e + 1).is_some_and(|w| w.bytes().all(|b| b.is_ascii_digit()));
        // (a rating is no title: "I'd rate the album 8/10.")
        let rating = toks[q..e].iter().any(|w| w.contains('/'));
        if e == q
            || !ends
            || person
            || age
            || rating
            || super::is_calendar_word(toks[q])
            || marks[q..e].iter().any(|&m| m != Mark::None)
        {
            continue;
        }
        set_name(labels, q, e, MISC);
    }
}

/// How a title follows the word that names its work.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Cue {
    Next,
    AfterComma,
}

/// Whether a word naming a work comes right before the quotation mark at `q`, past "called",
/// "titled" or "entitled", or a comma ("her novel, "Florentin""), or the colon of a plural ("two
/// bonus tracks: "Battle of One""); or "the video for", or an artist's possessive after "cover
/// of" ("a cover of Kanye West's").
fn work_before(toks: &[&str], labels: &[u8], q: usize) -> Option<Cue> {
    let mut j = q - 1;
    // (a work that is called something is a noun: "the 1969 book titled")
    let called = matches!(toks[j], "called" | "titled" | "entitled");
    let colon_of_plural = toks[j] == ":" && j > 0 && toks[j - 1].ends_with('s');
    if (called || toks[j] == "," || colon_of_plural) && j > 0 {
        j -= 1;
    }
    let word = toks[j].to_lowercase();
    if WORKS.contains(&word.as_str()) {
        let before = j.checked_sub(1).map(|i| toks[i]);
        // (or a name or a year: "the Broadway play", "the Adele hit", "his 1998 single"; not a
        // headline's "TO PLAY")
        let noun = before.is_some_and(|w| {
            let name = w.starts_with(char::is_uppercase) && w.chars().any(char::is_lowercase);
            (name || w.starts_with(|c: char| c.is_ascii_digit()) || super::lower_in(NOUN_MAKERS, w))
                && !(word == "single" && matches!(w, "a" | "A"))
        });
        let cue = if toks[q - 1] == "," { Cue::AfterComma } else { Cue::Next };
        return (noun || called || !VERBS_TOO.contains(&word.as_str())).then_some(cue);
    }
    let video = word == "for" && j > 0 && toks[j - 1].eq_ignore_ascii_case("video");
    (video || (possessive(toks[j]) && name_before_is_covered(toks, labels, j))).then_some(Cue::Next)
}

/// True when a name of the model's ends right before token `j` and follows "cover of", "version
/// of" or "remix of".
fn name_before_is_covered(toks: &[&str], labels: &[u8], j: usize) -> bool {
    if j == 0 || !matches!(label_part(labels[j - 1]), Some(LAST | UNIT)) {
        return false;
    }
    let mut s = j - 1;
    while label_part(labels[s]) != Some(BEGIN) && label_part(labels[s]) != Some(UNIT) && s > 0 {
        s -= 1;
    }
    s >= 2 && toks[s - 1] == "of" && matches!(toks[s - 2], "cover" | "version" | "remix")
}

/// The small words a title leaves in lowercase ("Anarchy in Tokyo", "Sons of Trump").
#[rustfmt::skip]
const SMALL_WORDS: &[&str] = &[
    "a", "an", "the", "of", "in", "on", "to", "for", "and", "or", "at", "by", "with", "from", "as", "but", "nor", "over",
    "into", "onto", "upon", "off", "up", "out", "via", "vs", "vs.", "de", "la", "le", "du", "da", "di", "del", "des",
    "von", "van", "n't", "n\u{2019}t",
];

/// The closing mark of a title that opens at `open` (a mark that opens; the first mark after it
/// must close it, of the same kind): up to twelve words, each capitalized, a number, punctuation
/// or a short function word, the first capitalized or a number, not all in capitals (a headline
/// capitalizes every quotation), not opening with a form of address ("Mr. Smith Goes to
/// Washington" is taken for a person further on), and no name of the model's reaching across
/// either mark.
fn title_in_quotes(toks: &[&str], marks: &[Mark], labels: &[u8], open: usize) -> Option<usize> {
    const ADDRESS: &[&str] = &["Mr", "Mr.", "Mrs", "Mrs.", "Ms", "Ms.", "Dr", "Dr."];
    let wanted = match marks.get(open)? {
        Mark::Opens => Mark::Closes,
        Mark::OpensSingle => Mark::ClosesSingle,
        _ => return None,
    };
    let close = (open + 1..toks.len().min(open + 14)).find(|&k| marks[k] != Mark::None)?;
    if marks[close] != wanted || close == open + 1 {
        return None;
    }
    let inner = &toks[open + 1..close];
    let first = inner.iter().find(|w| w.chars().any(char::is_alphanumeric))?;
    let capital = |w: &str| w.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit());
    let title_case = inner.iter().all(|w| {
        !w.chars().any(char::is_alphabetic)
            || capital(w)
            || SMALL_WORDS.contains(w)
            || w.starts_with(['\'', '\u{2019}'])
    });
    let words = || inner.iter().filter(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 2);
    let capitals = words().next().is_some() && words().all(|w| !w.chars().any(char::is_lowercase));
    // (a name that begins outside and goes on inside, or goes on past the closing mark)
    let goes_on = |k: usize| matches!(labels.get(k).and_then(|&l| label_part(l)), Some(INSIDE | LAST));
    let crossing = goes_on(open + 1) || goes_on(close);
    (capital(first) && title_case && !capitals && !ADDRESS.contains(first) && !crossing).then_some(close)
}

/// A title a document sets in quotation marks as a name once (see [`quoted_titles`]) is one
/// wherever else it is quoted whole ("the top two songs, "A Beautiful Lie" and ... announced
/// that "A Beautiful Lie" had won"), unless the model read that quotation as a name of another
/// type (the song "Colombia", then a flight to "Colombia"). `ranges` are the sentences' token
/// ranges, `marks` the tokens' [`quote_marks`].
pub(crate) fn repeated_titles(toks: &[&str], marks: &[Mark], ranges: &[(usize, usize)], labels: &mut [u8]) {
    if !marks.iter().any(|m| m.opens()) {
        return;
    }
    let mut titles: HashSet<&[&str]> = HashSet::default();
    for &(a, z) in ranges {
        for (s, e, t) in spans_of(&labels[a..z]) {
            let (s, e) = (a + s, a + e);
            if t == MISC && s > a && e < z && fills_quotation(marks, s, e) {
                titles.insert(&toks[s..e]);
            }
        }
    }
    if titles.is_empty() {
        return;
    }
    for &(a, z) in ranges {
        let (sent, sent_marks, sent_labels) = (&toks[a..z], &marks[a..z], &mut labels[a..z]);
        for open in 0..sent.len() {
            let Some(close) = title_in_quotes(sent, sent_marks, sent_labels, open) else {
                continue;
            };
            // (the model's own name filling the quotation)
            let whole = match label_part(sent_labels[open + 1]) {
                Some(UNIT) => close == open + 2,
                Some(BEGIN) => {
                    label_part(sent_labels[close - 1]) == Some(LAST) && !goes_on_inside(sent_labels, open, close)
                }
                _ => false,
            };
            let other_type = whole && label_type(sent_labels[open + 1]) != Some(MISC);
            if !other_type && titles.contains(&sent[open + 1..close]) {
                set_name(sent_labels, open + 1, close, MISC);
            }
        }
    }
}

/// True when a name ends inside `open + 1..close - 1` (then the span is not one name).
fn goes_on_inside(labels: &[u8], open: usize, close: usize) -> bool {
    labels[open + 1..close - 1].iter().any(|&l| matches!(label_part(l), Some(LAST | UNIT) | None))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ner::{LOC, ORG, PER, label};
    use crate::segment::tokenize;

    /// The names in `text`, one sentence, after [`quoted_titles`], given the model's names
    /// `found` (text and type).
    fn titled(text: &str, found: &[(&str, u8)]) -> Vec<(String, u8)> {
        let (toks, marks, mut labels) = prepared(text, found);
        quoted_titles(&toks, &marks, &mut labels);
        names(&toks, &labels)
    }

    fn prepared<'a>(text: &'a str, found: &[(&str, u8)]) -> (Vec<&'a str>, Vec<Mark>, Vec<u8>) {
        let tokens = tokenize(text);
        let toks: Vec<&str> = tokens.iter().map(|t| t.span.of(text)).collect();
        let marks = quote_marks(text, &tokens, &[(0, toks.len())]);
        let mut labels = vec![0; toks.len()];
        for &(name, t) in found {
            let words: Vec<&str> = tokenize(name).iter().map(|w| w.span.of(name)).collect();
            let s = (0..toks.len()).find(|&i| toks[i..].starts_with(&words)).expect("the name is in the text");
            set_name(&mut labels, s, s + words.len(), t);
        }
        (toks, marks, labels)
    }

    /// The names of two sentences after [`quoted_titles`] has run on the first, `model` has
    /// labelled names, and [`repeated_titles`] has run on both.
    fn titles_of_two_sentences(text: &str, model: impl Fn(&[&str], &mut [u8])) -> Vec<(String, u8)> {
        let (toks, marks, mut labels) = prepared(text, &[]);
        let cut = toks.iter().position(|&w| w == ".").unwrap() + 1;
        quoted_titles(&toks[..cut], &marks[..cut], &mut labels[..cut]);
        model(&toks, &mut labels);
        repeated_titles(&toks, &marks, &[(0, cut), (cut, toks.len())], &mut labels);
        names(&toks, &labels)
    }

    fn names(toks: &[&str], labels: &[u8]) -> Vec<(String, u8)> {
        spans_of(labels).into_iter().map(|(i, j, t)| (toks[i..j].join(" "), t)).collect()
    }

    fn misc(names: &[&str]) -> Vec<(String, u8)> {
        names.iter().map(|n| (n.to_string(), MISC)).collect()
    }

    #[test]
    fn quotation_marks_open_and_close_by_form_and_spacing() {
        use Mark::{Closes as C, Opens as O};
        let text = "He said \"Yes,\" and “No” and ``Maybe'' and ‘Skyfall’ then \" Kill \" and \" Fire \" too";
        let tokens = tokenize(text);
        let marks = quote_marks(text, &tokens, &[(0, tokens.len())]);
        let of_quotes: Vec<Mark> = tokens
            .iter()
            .zip(&marks)
            .filter(|(t, _)| t.kind == dossier_model::TokenKind::Quote)
            .map(|(_, &m)| m)
            .collect();
        assert_eq!(of_quotes, [O, C, O, C, O, C, Mark::OpensSingle, Mark::ClosesSingle, O, C, O, C]);
        assert!(
            marks.iter().zip(&tokens).all(|(&m, t)| (m == Mark::None) == (t.kind != dossier_model::TokenKind::Quote))
        );
        // a mark after a comma and before a space closes; before a word after a space opens
        let text = "\"It was the best film,\" Janet Maslin, \"Times\" critic";
        let tokens = tokenize(text);
        let marks = quote_marks(text, &tokens, &[(0, tokens.len())]);
        let at = |w: &str| marks[tokens.iter().position(|t| t.span.of(text) == w).unwrap() - 1];
        assert_eq!((at("It"), at("Janet"), at("Times")), (O, C, O));
        // the count of straight marks starts again in each sentence
        let text = "He wrote \" A . Then \" B \"";
        let tokens = tokenize(text);
        let marks = quote_marks(text, &tokens, &[(0, 5), (5, tokens.len())]);
        assert_eq!(marks[6], O);
        assert_eq!(quote_marks(text, &tokens, &[(0, tokens.len())])[6], C);
        // '' for both marks
        let text = "his book, ''Doomed to Succeed,'' and";
        let tokens = tokenize(text);
        let marks = quote_marks(text, &tokens, &[(0, tokens.len())]);
        assert_eq!((marks[3], marks[8]), (O, C));
        // the quotation finder's table of marks: single guillemets too
        let text = "the song \u{2039}Ardo\u{203A} won";
        let tokens = tokenize(text);
        let marks = quote_marks(text, &tokens, &[(0, tokens.len())]);
        assert_eq!((marks[2], marks[4]), (Mark::OpensSingle, Mark::ClosesSingle));
        // a bracket before a mark opens it, whatever the count (an inch mark before it)
        let text = "The 6\" screen in the film (\"Jaws\") was";
        let tokens = tokenize(text);
        let marks = quote_marks(text, &tokens, &[(0, tokens.len())]);
        assert_eq!((marks[2], marks[8]), (C, O));
    }

    #[test]
    fn a_quoted_title_after_its_work_is_misc() {
        let titles = |text: &str| titled(text, &[]);
        assert_eq!(titles("Their second single \"Baby Turpentine\" reached number 4."), misc(&["Baby Turpentine"]));
        assert_eq!(titles("She starred in the film “Long Road Home” last year."), misc(&["Long Road Home"]));
        assert_eq!(titles("as in the movie ``Bridge of Spies'' which"), misc(&["Bridge of Spies"]));
        assert_eq!(titles("the film ‘Skyfall’ opened"), misc(&["Skyfall"]));
        assert_eq!(titles("They have a song called \"Time to Wake Up.\" On Monday"), misc(&["Time to Wake Up"]));
        assert_eq!(titles("MTV2 premiered the video for \"From Yesterday\" on Friday"), misc(&["From Yesterday"]));
        assert_eq!(titles("her novel, \"Florentin\", was published"), misc(&["Florentin"]));
        assert_eq!(titles("her memoir, \"A Promised Land,\" was published"), misc(&["A Promised Land"]));
        assert_eq!(titles("her new single, \"Rags\"."), misc(&["Rags"]));
        assert_eq!(titles("two bonus tracks: \"Battle of One\" and more"), misc(&["Battle of One"]));
        assert_eq!(titles("the album \"Viva la Vida\" sold"), misc(&["Viva la Vida"]));
        assert_eq!(titles("the single \"Bridge over Troubled Water\" sold"), misc(&["Bridge over Troubled Water"]));
        assert_eq!(titles("the song \"We Didn't Start the Fire\" in 1989"), misc(&["We Did n't Start the Fire"]));
        assert_eq!(titles("the Broadway play \"Eclipsed\" won"), misc(&["Eclipsed"]));
        assert_eq!(titles("the Adele hit \"Hello\" topped"), misc(&["Hello"]));
        assert_eq!(titles("his 1998 single \"Rags\" sold"), misc(&["Rags"]));
        assert_eq!(titles("the film \"9\" opened"), misc(&["9"]));
        assert_eq!(titles("her self-published book \"A Choice, Not an Echo\" sold"), misc(&["A Choice , Not an Echo"]));
        // the titles of a list after the first, joined by "and" or "or" at its end
        let text = "the top two songs, \"A Beautiful Lie\" and \"The Fantasy\", were put to a vote";
        assert_eq!(titles(text), misc(&["A Beautiful Lie", "The Fantasy"]));
        let text = "the play \"Los Hijos de Trump,\" or \"Sons of Trump,\" in Mexico City";
        assert_eq!(titles(text), misc(&["Los Hijos de Trump", "Sons of Trump"]));
        let text = "the singles \"Rags\", \"Salt\", and \"Pepper\" came out";
        assert_eq!(titles(text), misc(&["Rags", "Salt", "Pepper"]));
        let text = "the singles \"Yellow,\" \"Trouble,\" and \"Clocks\" came out";
        assert_eq!(titles(text), misc(&["Yellow", "Trouble", "Clocks"]));
        // not a quotation joined by commas alone: the title and a newspaper
        let text = "the film \"Leviathan\", \"Kommersant\" reported";
        assert_eq!(titled(text, &[("Kommersant", ORG)]), [("Leviathan".into(), MISC), ("Kommersant".into(), ORG)]);
        // a name of the model's inside the title gives way to it
        let text = "the 1969 book titled \"The Tragedy of Lyndon Johnson\" explains";
        assert_eq!(titled(text, &[("Lyndon Johnson", PER)]), misc(&["The Tragedy of Lyndon Johnson"]));
        // the song of an artist's possessive after "cover of"
        let found = titled("a cover of Kanye West's \"Stronger\" for the station", &[("Kanye West", PER)]);
        assert_eq!(found, [("Kanye West".to_string(), PER), ("Stronger".to_string(), MISC)]);
        let found = titled("a cover of Prince's \"Kiss\" for", &[("Prince", PER)]);
        assert_eq!(found, [("Prince".to_string(), PER), ("Kiss".to_string(), MISC)]);
    }

    #[test]
    fn a_title_without_quotation_marks_after_its_work_is_misc() {
        let unquoted = |text: &str, found: &[(&str, u8)]| {
            let (toks, marks, mut labels) = prepared(text, found);
            unquoted_titles(&toks, &marks, &mut labels);
            names(&toks, &labels)
        };
        // the model's part of the title, none of it, another type
        assert_eq!(unquoted("Their second album A Quiet Harbour.", &[("A Quiet", MISC)]), misc(&["A Quiet Harbour"]));
        assert_eq!(unquoted("It is based on the film The Last Lighthouse.", &[]), misc(&["The Last Lighthouse"]));
        assert_eq!(unquoted("He starred in the film Bridge of Sighs.", &[]), misc(&["Bridge of Sighs"]));
        assert_eq!(unquoted("Orwell wrote the novel 1984.", &[("Orwell", PER)])[1..], misc(&["1984"]));
        assert_eq!(unquoted("He had a hit with the song Tidewater.", &[("Tidewater", ORG)]), misc(&["Tidewater"]));
        let found = [("Oriente Vell", PER)];
        assert_eq!(unquoted("In his book Oriente Vell (Conquest of the East), he", &found), misc(&["Oriente Vell"]));
        // not: a name that goes on into its clause, a person's given name and more, a weekday, a
        // work word that is a verb or an adjective
        let cases: &[(&str, &[(&str, u8)])] = &[
            ("It was in the book Harlan wrote in 1998.", &[("Harlan", PER)]),
            ("It was in the film Maria Lopez, who", &[("Maria Lopez", PER)]),
            ("They watched the film Friday.", &[]),
            ("They will play Arsenal.", &[("Arsenal", ORG)]),
            ("Not a single Republican.", &[("Republican", MISC)]),
            // (a work word that is a verb after a name; a person before a comma; an age; a rating)
            ("England play Wales.", &[("England", LOC), ("Wales", LOC)]),
            ("Customers can book Uber.", &[("Uber", ORG)]),
            ("In the film Murray, 72, plays a cook.", &[("Murray", PER)]),
            ("At the premiere of the film Kidman, who stars, arrived late.", &[("Kidman", PER)]),
            ("Off the track Hamilton, 39, is a designer.", &[("Hamilton", LOC)]),
            ("I'd rate the album 8/10.", &[]),
        ];
        for &(text, found) in cases {
            let want: Vec<(String, u8)> = found.iter().map(|&(n, t)| (n.to_string(), t)).collect();
            assert_eq!(unquoted(text, found), want, "{text}");
        }
    }

    #[test]
    fn speech_verbs_and_names_in_quotation_marks_are_no_titles() {
        let titles = |text: &str| titled(text, &[]);
        // speech in lowercase, a quotation after no work, a band, a possessive after no cover
        assert!(titles("He called the film \"a total disaster\" on Tuesday.").is_empty());
        assert!(titles("The crowd sang \"Happy Birthday\" to him.").is_empty());
        assert!(titles("he established a band called \"Squirrell\" in 1990").is_empty());
        let found = titled("a cover, Kanye West's \"Stronger\" for", &[("Kanye West", PER)]);
        assert_eq!(found, [("Kanye West".to_string(), PER)]);
        let found = titled("a cover of Prince and his band's \"Kiss\" for", &[("Prince", PER)]);
        assert_eq!(found, [("Prince".to_string(), PER)]);
        // a work word as a verb or an adjective, a colon after a singular, a headline
        let found = titled("DiCaprio will play \"Frank Sinatra\" in a film", &[("Frank Sinatra", PER)]);
        assert_eq!(found, [("Frank Sinatra".to_string(), PER)]);
        assert!(titles("Not a single \"Yes\" vote was cast").is_empty());
        let found = titled("STARS TO PLAY \"Frank Sinatra\" IN FILM", &[("Frank Sinatra", PER)]);
        assert_eq!(found, [("Frank Sinatra".to_string(), PER)]);
        assert!(titles("Critics' verdict on the movie: \"Astonishing.\"").is_empty());
        assert!(titles("After the play, \"Bravo!\" shouted the audience").is_empty());
        assert!(titles("MINISTER CALLS BOOK \"PACK OF LIES\" AS SALES SOAR").is_empty());
        assert!(titles("the novel \"THE END\" sold").is_empty());
        // a closing mark after a work is no opening one
        let text = "\"It was the best film,\" Janet Maslin, \"Times\" critic, wrote";
        assert_eq!(titled(text, &[("Janet Maslin", PER)]), [("Janet Maslin".to_string(), PER)]);
        // a quotation that opens in lowercase, a form of address first, more than twelve words,
        // a mark that closes none or is followed by an opening one
        assert!(titles("the song \"in Time\" played").is_empty());
        assert!(titles("the film \"Mr. Smith Goes to Washington\" starred").is_empty());
        assert!(
            titles("the song \"One Two Three Four Five Six Seven Eight Nine Ten Eleven Twelve Thirteen\"").is_empty()
        );
        assert!(titles("the song \"Rags and more").is_empty());
        assert_eq!(titles("The song \"Love Me Do and the B-side \"Yes\" sold"), []);
        // nor a quotation after a title that no comma or "and" joins to it
        assert_eq!(titles("the single \"Rags\" says \"Hello There\" twice"), misc(&["Rags"]));
        assert_eq!(titles("the single \"Rags\" and Tom Hale \"Salt\" too"), misc(&["Rags"]));
        // a name of the model's that reaches across a quotation mark stays as it is
        let found = titled("the song \"Hello\" Adele wrote", &[("Hello \" Adele", ORG)]);
        assert_eq!(found, [("Hello \" Adele".to_string(), ORG)]);
        let found = titled("the song \"Hello\" was", &[("song \" Hello", ORG)]);
        assert_eq!(found, [("song \" Hello".to_string(), ORG)]);
    }

    #[test]
    fn a_title_quoted_as_a_name_once_is_one_wherever_it_is_quoted() {
        let text = "The choices were \"Rags\" and \"Salt\". The single \"Rags\" won. \"Rag\" did not.";
        let (toks, marks, mut labels) = prepared(text, &[]);
        let ranges = [(0, 11), (11, 18), (18, toks.len())];
        assert_eq!(toks[11..18], ["The", "single", "\"", "Rags", "\"", "won", "."]);
        let (sent_marks, sent_labels) = (&marks[11..18], &mut labels[11..18]);
        quoted_titles(&toks[11..18], sent_marks, sent_labels);
        repeated_titles(&toks, &marks, &ranges, &mut labels);
        assert_eq!(names(&toks, &labels), misc(&["Rags", "Rags"]));
        // not where the model read the quotation as a name of another type
        let text = "She recorded the song \"Colombia\". She flew to \"Colombia\" to rest.";
        let found = titles_of_two_sentences(text, |toks, labels| {
            let second = toks.iter().rposition(|&w| w == "Colombia").unwrap();
            labels[second] = label(LOC, UNIT);
        });
        assert_eq!(found, [("Colombia".into(), MISC), ("Colombia".into(), LOC)]);
        // but where a name of the model's fills only part of it
        let text = "the film \"Paris Nights\" opened. He loved \"Paris Nights\" most.";
        let found = titles_of_two_sentences(text, |toks, labels| {
            let second = toks.iter().rposition(|&w| w == "Paris").unwrap();
            labels[second] = label(LOC, UNIT);
        });
        assert_eq!(found, misc(&["Paris Nights", "Paris Nights"]));
        // (the model's two places, which the quotation holds and no one name fills)
        let text = "the song \"New York New York\" sold. He sang \"New York New York\" twice.";
        let found = titles_of_two_sentences(text, |toks, labels| {
            let second = toks.iter().rposition(|&w| w == "New").unwrap() - 2;
            set_name(labels, second, second + 2, LOC);
            set_name(labels, second + 2, second + 4, LOC);
        });
        assert_eq!(found, misc(&["New York New York", "New York New York"]));
        // nor where the name was found outside quotation marks
        let text = "\"Salt sold well. The choices were \"Salt\" and more.";
        let (toks, marks, mut labels) = prepared(text, &[("Salt", MISC)]);
        repeated_titles(&toks, &marks, &[(0, 5), (5, toks.len())], &mut labels);
        assert_eq!(spans_of(&labels)[..], [(1, 2, MISC)]);
        // nothing without a title
        let (toks, marks, mut labels) = prepared("He said \"Rags\" twice.", &[]);
        repeated_titles(&toks, &marks, &[(0, toks.len())], &mut labels);
        assert!(labels.iter().all(|&l| l == 0));
    }

    /// The names in `text`, one sentence, after [`bare_titles`], given the model's names `found`.
    fn bare(text: &str, found: &[(&str, u8)]) -> Vec<(String, u8)> {
        let (toks, marks, mut labels) = prepared(text, found);
        bare_titles(&toks, &marks, &mut labels);
        names(&toks, &labels)
    }

    #[test]
    fn a_quoted_title_case_phrase_without_its_work_is_misc() {
        assert_eq!(bare("the band won an award for \"The Kill\" in 2006", &[]), misc(&["The Kill"]));
        // whatever the model read inside it
        let text = "they lost to AFI's \"Miss Murder\" at the awards";
        assert_eq!(bare(text, &[("AFI", ORG), ("Murder", PER)]), [("AFI".into(), ORG), ("Miss Murder".into(), MISC)]);
        let text = "he told ABC’s “Good Morning America” on Monday that";
        assert_eq!(bare(text, &[("ABC", ORG), ("America", LOC)])[1], ("Good Morning America".into(), MISC));
        // a comma the quotation takes in stays out
        let text = "she starred in ''The Walking Dead,'' which airs on AMC";
        assert_eq!(bare(text, &[("Walking Dead", MISC), ("AMC", ORG)])[0], ("The Walking Dead".into(), MISC));
        // a name of the model's that fills the quotation keeps its type
        let text = "he appeared on \"Fox & Friends\" on Monday";
        assert_eq!(bare(text, &[("Fox & Friends", ORG)]), [("Fox & Friends".into(), ORG)]);
    }

    #[test]
    fn speech_nicknames_dates_styles_and_headlines_are_no_bare_titles() {
        let none: Vec<(String, u8)> = Vec::new();
        // one word: a nickname or a word quoted as a word as often as a title
        assert_eq!(bare("people wrote \"Christian\" on the form", &[]), none);
        // speech: a full stop inside, or a verb of speech after it
        assert_eq!(bare("he shouted \"Get Out.\" and left", &[]), none);
        assert_eq!(bare("\"Happy Birthday,\" she said to the crowd", &[]), none);
        // words that are not a title's (lowercase words other than small ones)
        assert_eq!(
            bare("the crowd chanted \"We are Orlando\" all night", &[("Orlando", LOC)]),
            [("Orlando".into(), LOC)]
        );
        // a nickname beside a person's name
        let text = "the player \"Big Diamond\" Carlo Citrone won the event";
        assert_eq!(bare(text, &[("Carlo Citrone", PER)]), [("Carlo Citrone".into(), PER)]);
        // a comma inside (a date, a mail's sender), a person's style
        assert_eq!(bare("a post dated \"March 4, 2016\" which said", &[]), none);
        let text = "from \"Lenhart, Matthew\" < m@x.com > at noon";
        assert_eq!(bare(text, &[("Lenhart", PER), ("Matthew", PER)]).len(), 2);
        let text = "he claimed to be \"Emperor of the Isles\" as well";
        assert_eq!(bare(text, &[("Isles", LOC)]), [("Isles".into(), LOC)]);
        // a person's full name inside stays the person's
        let text = "she said on \"The Rachel Maddow Show\" that night";
        assert_eq!(bare(text, &[("Rachel Maddow", PER)]), [("Rachel Maddow".into(), PER)]);
        // what a verb of speech right before it says, a greeting, an office before a person, an
        // address after it
        let text = "Rowe said \"Welcome Home to Dunmore\" to each guest";
        assert_eq!(bare(text, &[("Rowe", PER), ("Dunmore", LOC)]).len(), 2);
        let text = "the mayor told the crowd \"Back Again in Varna\" and cut the ribbon";
        assert_eq!(bare(text, &[("Varna", LOC)]), [("Varna".into(), LOC)]);
        assert_eq!(bare("she wrote \"Dear Father\" at the top of the page", &[]), none);
        let text = "her reply was short : \"Ask Senator Quist\" and nothing more";
        assert_eq!(bare(text, &[("Quist", PER)]), [("Quist".into(), PER)]);
        let text = "From : \"Maria at Selby Books\" < maria@selby.com > on Monday";
        assert_eq!(bare(text, &[("Maria", PER), ("Selby Books", ORG)]).len(), 2);
        // but a title a verb of speech names through a name or a preposition, or before a verb
        let text = "Sanders said on \"Face the Nation\" that he would stay";
        assert_eq!(bare(text, &[("Sanders", PER), ("Nation", ORG)])[1], ("Face the Nation".into(), MISC));
        let text = "he said \"Nights in Selby\" was the best song they played";
        assert_eq!(bare(text, &[("Selby", LOC)]), misc(&["Nights in Selby"]));
        let text = "a campaign he calls \"Confident Ardenia\" across the state";
        assert_eq!(bare(text, &[("Ardenia", LOC)]), misc(&["Confident Ardenia"]));
        // a headline capitalizes every quotation
        let text = "Elizabeth Warren : Donald Trump Is a ‘Proven Failure’ in Business";
        assert_eq!(bare(text, &[("Elizabeth Warren", PER), ("Donald Trump", PER)]).len(), 2);
    }
}
