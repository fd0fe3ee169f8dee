//! Names whose kind a noun beside them says, which the model, reading names word by word, types
//! by their own words:
//! - the name a document opens by defining: "30 Seconds to Mars is an American rock band from
//!   Los Angeles", "Dark Room Notes are a four-piece electro / synthpop band based in Dublin",
//!   "Dreams From A Dirt Nap is a compilation album". An encyclopedia's article opens so, with
//!   its subject's name whole, and the model takes part of such a name ("Mars") or none of it
//!   when its words are common ones;
//! - a name right after a noun of a body: "the band Gigi", "the law firm Perkins Coie";
//! - the names of a list of examples of a kind: "bands like The Ramones, The Stooges and
//!   Captain Beefheart".

use super::lexicon::DEFINITION_ENDS;
use super::{LOC, MISC, ORG, PER, set_name, spans_of};
use dossier_model::EntityType;
use std::borrow::Cow;

/// Lowercase words that may stand between the capitalized words of a name ("30 Seconds to
/// Mars", "Bullocks to Stan", "League of Rights").
#[rustfmt::skip]
const JOINERS: &[&str] = &[
    "to", "of", "the", "and", "for", "from", "in", "on", "at", "a", "an", "&", "de", "la", "von", "van", "del", "da",
    "du", "le",
];

/// Words that open a sentence and are no name ("This is a company that ...").
#[rustfmt::skip]
const NOT_NAMES: &[&str] = &[
    "This", "That", "These", "Those", "It", "He", "She", "They", "We", "I", "You", "There", "Here", "What", "Which",
    "Who", "One", "Each", "Today", "Now", "Everything", "Nothing", "Someone", "Everyone", "Our", "Their", "His",
    "Her", "Its", "My", "Your", "A", "An", "Why", "How", "When", "Where", "Whose", "The",
];

/// Words after which a defining phrase has passed its head, beside those the entity linker's
/// definitions know (`lexicon::DEFINITION_ENDS`): "a bus service operated by", "one of the games
/// offered by".
const MORE_ENDS: &[&str] = &["operated", "run", "offered"];

/// Nouns whose phrase is headed by the noun after their "of" ("a series of remix albums").
const COLLECTIVES: &[&str] = &["series", "chain", "collection", "compilation", "pair", "trio"];

/// Marks the name the first sentence of `ranges` defines, when the model read it in parts or
/// not at all, and the same words wherever the document repeats them (a name of two words or
/// more), with the type the definition's head noun gives (`defining_nouns.txt`): an
/// organisation for a band or a company, other (MISC) for an album or a game, a place for a
/// village. The name opens the sentence (after "The", which stays out, or inside quotation
/// marks), is capitalized word by word (joined by "to", "of", ...), and the verb "is", "are",
/// "was" or "were" and an article follow it, or a parenthesis and then they ("(CSHL) is a").
/// A name the model read whole keeps its type here (the entity linker weighs the definition);
/// one that a name of the model's crosses is left alone, and so are a head that owns ("the
/// party's biggest problem"), a figure ("a game of patience"), one common word ("Chess is a
/// game"), a sentence opener before the model's name ("But Labour") and a person after an
/// office or "and" ("Prime Minister Keir Starmer is").
pub(super) fn defined_subject(toks: &[&str], ranges: &[(usize, usize)], labels: &mut [u8]) {
    // the first sentence, or the second under a heading (a line of up to ten words without a
    // full stop: "Dark Room Notes\n\nDark Room Notes are a ...")
    let heading = |&(a, z): &(usize, usize)| z - a <= 10 && !matches!(toks[z - 1], "." | "?" | "!" | ":" | ";");
    let first = match ranges {
        [h, _, ..] if heading(h) => 1,
        _ => 0,
    };
    let Some(&(a, z)) = ranges.get(first) else { return };
    let sent = &toks[a..z];
    let copula = (1..sent.len().min(16)).find(|&k| {
        matches!(sent[k], "is" | "are" | "was" | "were")
            && sent.get(k + 1).is_some_and(|w| matches!(*w, "a" | "an" | "the"))
    });
    // (not a question: "Why is the city called Miramar?")
    let Some(c) = copula.filter(|_| sent.last() != Some(&"?")) else { return };
    let mut e = c;
    if sent[e - 1] == ")" {
        let Some(open) = (0..e - 1).rev().find(|&k| sent[k] == "(") else { return };
        e = open;
    }
    let mut s = 0;
    let quote = |w: &str| matches!(w, "\"" | "\u{201c}" | "\u{201d}" | "''" | "``");
    if e >= 3 && quote(sent[0]) && quote(sent[e - 1]) {
        s = 1;
        e -= 1;
    }
    if e > s + 1 && sent[s] == "The" {
        s += 1;
    }
    let words = &sent[s..e];
    let opens_name = |w: &str| w.starts_with(|ch: char| ch.is_uppercase() || ch.is_ascii_digit());
    if words.is_empty()
        || words.len() > 7
        || !opens_name(words[0])
        || !opens_name(words[words.len() - 1])
        || NOT_NAMES.contains(&words[0])
        || !words.iter().all(|w| opens_name(w) || JOINERS.contains(w))
    {
        return;
    }
    // (one word the model read as no name must look like none of the language's words: "EZ2DJ",
    // "010"; not "Chess is a game played by two", "Time is a river")
    let odd = |w: &str| w.chars().skip(1).any(|ch| ch.is_uppercase() || ch.is_ascii_digit());
    if words.len() == 1 && labels[a + s] == 0 && !odd(words[0]) {
        return;
    }
    // (nor a word that opens sentences before the model's name: "But Labour is a party"; but a
    // preposition may open a title, "Under the Dome", "Of Monsters and Men", and one the model
    // read none of stays, "In Flames is a band")
    const PREPOSITIONS: &[&str] = &["Of", "In", "On", "At", "Under", "To", "For", "From", "Into", "Over", "Beyond"];
    let later_name = labels[a + s..a + e].iter().any(|&l| l != 0);
    let preposition = PREPOSITIONS.contains(&words[0]);
    if labels[a + s] == 0 && later_name && !preposition && crate::segment::is_sentence_starter(words[0]) {
        return;
    }
    let Some(t) = defined_label(&sent[c + 1..]) else { return };
    let spans = spans_of(&labels[a..z]);
    let crossing = spans.iter().any(|&(x, y, _)| x < s && y > s || x < e && y > e);
    let whole = spans.iter().any(|&(x, y, _)| x == s && y == e);
    // (a person the model read inside it after an office or "and": "Prime Minister Keir Starmer
    // is the party's leader", "Lennon and McCartney were"; not "Everybody Loves Raymond")
    let office = |k: usize| {
        let w = crate::entities::words::words().get(sent[k]);
        w.has(crate::entities::words::f::TITLE | crate::entities::words::f::ROLE) || matches!(sent[k], "and" | "&")
    };
    let person = spans.iter().any(|&(x, y, t)| t == super::PER && x > s && y <= e && office(x - 1));
    if crossing || whole || person {
        return;
    }
    set_name(&mut labels[a..z], s, e, t);
    if words.len() < 2 {
        return;
    }
    // its repeats, standing alone: no capitalized word right before (but an article that opens
    // the sentence) or after, no name of the model's running over either end
    let capitalized = |w: &str| w.starts_with(char::is_uppercase);
    for &(ra, rz) in ranges.iter().filter(|&&(ra, _)| ra != a) {
        let mut i = ra;
        while i + words.len() <= rz {
            let j = i + words.len();
            let free_before = i == ra || !capitalized(toks[i - 1]) || i - 1 == ra && toks[i - 1] == "The";
            let free_after = j == rz || !capitalized(toks[j]);
            let inside = spans_of(&labels[ra..rz])
                .iter()
                .all(|&(x, y, _)| ra + y <= i || ra + x >= j || ra + x >= i && ra + y <= j);
            if toks[i..j] == *words && free_before && free_after && inside {
                set_name(labels, i, j, t);
                i = j;
            } else {
                i += 1;
            }
        }
    }
}

/// The label type of the head noun of the defining phrase `after` ([`defined_by`]), but for a
/// person's kinds.
fn defined_label(after: &[&str]) -> Option<u8> {
    match defined_by(after)? {
        EntityType::Org => Some(ORG),
        EntityType::Loc => Some(LOC),
        EntityType::Misc => Some(MISC),
        _ => None,
    }
}

/// The type of the head noun of the defining phrase `after` (its article first): up to six
/// words that describe, a slash joining alternatives ("punk rock / garage rock band"), and the
/// head, which ends the phrase (before "from", "based", a comma, the end).
fn defined_by(after: &[&str]) -> Option<EntityType> {
    let phrase_end = |w: &str| DEFINITION_ENDS.contains(&w) || MORE_ENDS.contains(&w);
    let head_of = |from: usize| {
        let (mut k, mut n) = (from, 0);
        while k < after.len() && n < 7 {
            let w = after[k];
            if w == "/" && k > from {
                k += 1;
                continue;
            }
            if phrase_end(w) || !w.chars().all(|ch| ch.is_alphanumeric() || ch == '-') {
                break;
            }
            n += 1;
            k += 1;
        }
        let ends = k == after.len() || phrase_end(after[k]) || !after[k].chars().all(char::is_alphanumeric);
        // (a possessive head describes what it owns: "Inflation is the party's biggest problem")
        let owns = after.get(k).is_some_and(|w| super::possessive(w));
        (k > from && ends && !owns).then_some(k)
    };
    let nouns = super::lexicon::defining_nouns();
    let mut end = head_of(1)?;
    let mut head = after[end - 1];
    if COLLECTIVES.contains(&head) && after.get(end) == Some(&"of") {
        end = head_of(end + 1)?;
        let plural = after[end - 1];
        let singular = plural.strip_suffix('s').filter(|w| nouns.contains_key(w));
        head = singular.unwrap_or(plural);
    }
    // (a head before "of" and a lowercase word is a figure: "a game of patience", "the language
    // of the soul"; not "a village of 300")
    let object = end + 1 + usize::from(after.get(end + 1) == Some(&"the"));
    let figure = after.get(end) == Some(&"of") && after.get(object).is_some_and(|w| w.starts_with(char::is_lowercase));
    if figure || !head.chars().all(|ch| ch.is_lowercase() || ch == '-') {
        return None;
    }
    nouns.get(head).map(|&(ty, _)| ty)
}

/// A name and a comma before a short phrase that defines it and a punctuation mark ("Squirrel,
/// his first jazz band, with", "Tresk, a fishing village.") take the type of the phrase's head
/// noun (`defining_nouns.txt`), an organisation, a place or other, whatever the model read: it
/// reads an unknown band's name as a person's. Not a person the model read with a given name or
/// a title ("Ann Lee, a company director", "Coach Alvarez, a ...") nor one called a thing
/// ("Adebayo, a one-man band").
pub(super) fn described_names(toks: &[&str], labels: &mut [u8]) {
    use crate::entities::words::{f, words};
    const OPENERS: &[&str] = &["a", "an", "the", "his", "her", "their", "its", "our", "my"];
    // words that call a person a thing ("Adebayo, a one-man band", "Eli, a walking newspaper")
    const FIGURES: &[&str] = &["one-man", "one-woman", "one-person", "walking", "living", "human", "veritable"];
    // (most sentences hold no comma before such a word)
    if !toks.windows(2).any(|p| p[0] == "," && OPENERS.contains(&p[1])) {
        return;
    }
    for (x, y, t) in spans_of(labels) {
        if toks.get(y) != Some(&",") || !toks.get(y + 1).is_some_and(|w| OPENERS.contains(w)) {
            continue;
        }
        // the phrase runs to a punctuation mark within seven words, and holds no verb and no
        // word that would end it earlier ("Dynamo Moscow, the Volgograd side have a game in
        // hand": a clause, no apposition)
        let Some(p) = (y + 2..toks.len().min(y + 9)).find(|&k| !toks[k].starts_with(char::is_alphanumeric)) else {
            continue;
        };
        // (a possessive owns the head: "Mitt Romney, the party's 2012 nominee")
        if !matches!(toks[p], "," | "." | ";" | ":" | ")" | "!" | "?" | "--" | "\u{2014}" | "\u{2013}") {
            continue;
        }
        let plain = |w: &&str| !DEFINITION_ENDS.contains(w) && !words().get(w).has(f::AUX | f::BE);
        if !toks[y + 2..p].iter().all(plain) {
            continue;
        }
        if t == PER && toks[y + 2..p].iter().any(|w| FIGURES.contains(w)) {
            continue;
        }
        let Some(ty) = defined_label(&toks[y + 1..p]) else { continue };
        let person = t == PER && (super::known_given_name(toks[x]) || words().get(toks[x]).has(f::HON | f::TITLE));
        if ty != t && !person {
            set_name(labels, x, y, ty);
        }
    }
}

/// Nouns of a body that name it when they stand right before its name ("the band Gigi", "the
/// South Korean company Amuseworld", "independent label Food", "the airline Ryanair"): the
/// organisation nouns of `defining_nouns.txt` that are no part of a name's office or rank as
/// often ("the team captain", "the league MVP", "the party leader", "the college football"),
/// and "carmaker", "automaker".
#[rustfmt::skip]
const BODY_NOUNS: &[&str] = &[
    "company", "corporation", "manufacturer", "firm", "retailer", "conglomerate", "subsidiary", "startup", "airline",
    "insurer", "carmaker", "automaker", "newspaper", "magazine", "tabloid", "band", "duo", "trio", "quartet",
    "orchestra", "choir", "label", "charity",
];

/// A name of the model's right after a noun of a body ([`BODY_NOUNS`]), or after one and a comma
/// in an apposition that a punctuation mark closes ("Mr. Pinchuk's company, Interpipe -"), is an
/// organisation, whatever type the model read ("the band Gigi" read as a person, "the
/// industrial band Killing Joke" as other). The noun is one, not a verb: no subject's pronoun,
/// "to", modal or negation before it (not "they label Smith a liar", "must not label Ines", "to
/// band together"; but "his firm, X"). Not a person the model read with a given name, nor one
/// before a word other than a punctuation mark or a preposition, which may open a clause about
/// the body ("the company Smith founded", "One label Rubio resists is", "the company Mara now
/// runs"), or before a comma and an apposition.
pub(super) fn named_after_body_noun(toks: &[&str], labels: &mut [u8]) {
    for (x, y, t) in spans_of(labels) {
        let after = &toks[y..toks.len().min(y + 2)];
        if t != ORG && named_body(&toks[x.saturating_sub(3)..x], &toks[x..y], after, t == PER) {
            set_name(labels, x, y, ORG);
        }
    }
}

/// True when the name `name`, read as a person or not (`person`), between the words `before`
/// (three are read) and `after` (two), is the body that a noun before it names: see
/// [`named_after_body_noun`].
pub(crate) fn named_body(before: &[&str], name: &[&str], after: &[&str], person: bool) -> bool {
    use crate::entities::words::{f, words};
    const ENDS: &[&str] = &["in", "of", "from", "on", "at", "for", "with", "since", "until", "during"];
    let (after, next) = (after.first().copied(), after.get(1).copied());
    // the noun right before the name, or before a comma that opens the name's apposition ("his
    // firm, Pershing Square Capital Management,"), which a punctuation mark must close (not "a
    // press release issued by his firm, Braynard boasted")
    let (before2, noun, comma) = match before {
        [.., b2, n, ","] => (*b2, *n, true),
        [.., b2, n] => (*b2, *n, false),
        _ => return false,
    };
    if !BODY_NOUNS.contains(&noun) || comma && after.is_some_and(|w| w.starts_with(char::is_alphanumeric)) {
        return false;
    }
    // (a subject's pronoun or a modal: "they label", "will label"; not "his firm")
    let w2 = words().get(before2);
    let verb = w2.has(f::PRON | f::AUX) && !w2.has(f::P_POSS)
        || ["to", "not", "n't", "never"].iter().any(|w| before2.eq_ignore_ascii_case(w));
    // (a person's name only where the phrase ends after it: any other word may open a clause
    // about the body, "the company Bezos built", "the company Mara now runs", "The band
    // Morrison and his friends formed", and so may a comma before an apposition, "The charity
    // Bono, a singer, supports")
    let ends = after.is_none_or(|w| !w.starts_with(char::is_alphanumeric) || ENDS.contains(&w));
    let apposition = after == Some(",") && next.is_some_and(|w| matches!(w, "a" | "an" | "the"));
    let person = person && (name.len() >= 2 && super::known_given_name(name[0]) || !ends || apposition);
    !verb && !person
}

/// The type of a plural noun that names a kind in `defining_nouns.txt` ("bands" a band's, ORG;
/// "countries" LOC; "albums" MISC), but for persons' kinds.
fn plural_kind(word: &str) -> Option<u8> {
    match super::lexicon::defining_noun_of_plural(word)?.1 {
        EntityType::Org => Some(ORG),
        EntityType::Loc => Some(LOC),
        EntityType::Misc => Some(MISC),
        _ => None,
    }
}

/// The names of a list of examples of a kind take the kind's type, whatever the model read
/// ("bands like The Ramones, The Stooges and Captain Beefheart", "companies such as Scharffen
/// Berger and TCHO", "supported by Head Automatica, Cobra Starship, and several other bands"):
/// after a plural noun of `defining_nouns.txt` and "such as", "like", "including", "especially"
/// or "notably", or before "and other" or "or other" and one (with "many", "several", ...
/// between). A list runs over names of the model's joined by commas, "and" or "or", each
/// whole (a capitalized word before it joins it: "Captain Beefheart"), and ends at the first
/// word that is none, or at a comma in a phrase that opens its sentence ("In towns like
/// Brinley, Mayor Hobbs and Sheriff Dale keep order"). The kind noun may open the
/// sentence ("Countries such as"). Not a person the model read with a given name ("bands like
/// John Mayer's" is his band's), nor a name before a possessive.
pub(super) fn listed_examples(toks: &[&str], labels: &mut [u8]) {
    use crate::entities::words::{f, words};
    const OPENERS: &[&str] = &["Unlike", "Like", "Among", "Besides", "Beyond", "Apart"];
    const OTHER: &[&str] = &["many", "several", "various", "numerous", "some", "few", "countless"];
    let spans = spans_of(labels);
    let span_at = |q: usize| spans.iter().find(|s| s.0 == q).copied();
    let span_to = |e: usize| spans.iter().find(|s| s.1 == e).copied();
    // (a capitalized word of the name the model left out: not one that opens sentences, "If
    // Samarra and other cities"; a title may be a band's, "Captain Beefheart")
    let capitalized = |w: &str| w.starts_with(char::is_uppercase) && !crate::segment::is_sentence_starter(w);
    // (a list in a phrase that opens the sentence ends at its comma: "In towns like Brinley,
    // Hobbs and Dale keep order")
    let opener = toks.first().is_some_and(|w| words().get(w).has(f::PREP) || OPENERS.contains(w));
    let mut found: Vec<(usize, usize, u8)> = Vec::new();
    for k in 0..toks.len() {
        // a plural noun of a kind, then the words that open examples ("Countries such as" too)
        // (the words after the noun first: the noun is looked up only before them)
        let cue = k + 1 + usize::from(toks.get(k + 1) == Some(&","));
        let examples = match toks.get(cue..) {
            Some(["such", "as", ..]) => Some(cue + 2),
            Some(["like" | "including" | "especially" | "notably", ..]) => Some(cue + 1),
            _ => None,
        };
        let noun = || if k == 0 { Cow::Owned(toks[k].to_lowercase()) } else { Cow::Borrowed(toks[k]) };
        if let Some(mut q) = examples
            && let Some(t) = plural_kind(&noun())
        {
            // (the noun inside that phrase: no comma before it)
            let fronted = opener && !toks[..k].contains(&",");
            loop {
                let s = if q < toks.len() && labels[q] == 0 && capitalized(toks[q]) { q + 1 } else { q };
                let Some((_, y, _)) = span_at(s) else { break };
                found.push((q, y, t));
                match toks.get(y..) {
                    Some([",", "and" | "or", ..]) => q = y + 2,
                    Some([",", ..]) if !fronted => q = y + 1,
                    Some(["and" | "or", ..]) => q = y + 1,
                    _ => break,
                }
            }
        }
        // "and other bands", "or several other companies"
        if matches!(toks[k], "and" | "or") && k > 0 {
            let mut o = k + 1;
            if toks.get(o).is_some_and(|w| OTHER.contains(w)) {
                o += 1;
            }
            let Some(t) =
                (toks.get(o) == Some(&"other")).then(|| toks.get(o + 1).and_then(|w| plural_kind(w))).flatten()
            else {
                continue;
            };
            let mut e = if toks[k - 1] == "," { k - 1 } else { k };
            while let Some((x, y, _)) = span_to(e) {
                let s = if x > 0 && labels[x - 1] == 0 && capitalized(toks[x - 1]) { x - 1 } else { x };
                found.push((s, y, t));
                if s >= 2 && toks[s - 1] == "," {
                    e = s - 1;
                } else {
                    break;
                }
            }
        }
    }
    for (s, e, t) in found {
        let (x, _, read) = span_to(e).unwrap_or((s, e, t));
        let person = read == PER && super::known_given_name(toks[x]);
        let possessive = toks.get(e).is_some_and(|&w| super::possessive(w) || matches!(w, "'" | "\u{2019}"));
        if !person && !possessive {
            set_name(labels, s, e, t);
        }
    }
}
