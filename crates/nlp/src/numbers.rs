//! Amounts and pattern mentions: money, percentages, quantities and counts with the thing
//! counted ("more than 600 witness statements": 600, "witness statements", "more than"), and
//! e-mail addresses, URLs and phone numbers as typed mentions.
//!
//! Rules over the tokens, after the time tagger: a number inside a time expression (a year, a
//! date, a clock time) or inside a name ("Apollo 11") is no amount.

use crate::{Component, Layer};
use dossier_model::{Amount, Doc, EntityType, Mention, MentionKind, NumberKind, Span, SpanSet, TokenKind};

/// The component that fills [`Doc::numbers`] and adds `EMAIL`, `URL` and `PHONE` mentions.
pub struct NumberFinder;

impl Component for NumberFinder {
    fn name(&self) -> &'static str {
        "numbers"
    }
    // Times and names, where the pipeline has them, mark numbers that are no amounts; runs
    // after them in the default order, and without them when they are skipped.
    fn requires(&self) -> &'static [Layer] {
        &[Layer::Tokens, Layer::Sentences]
    }
    fn assigns(&self) -> &'static [Layer] {
        &[Layer::Numbers]
    }
    fn process(&self, doc: &mut Doc) {
        doc.numbers = amounts(doc);
        // Appended, not sorted in: entities refer to mentions by index.
        let patterns = pattern_mentions(doc);
        doc.mentions.extend(patterns);
    }
}

/// Words before a number that say how exact it is, longest first (as words, so that matching
/// them allocates nothing).
const QUALIFIERS: &[&[&str]] = &[
    &["as", "many", "as"],
    &["as", "much", "as"],
    &["as", "few", "as"],
    &["as", "little", "as"],
    &["in", "excess", "of"],
    &["upwards", "of"],
    &["more", "than"],
    &["less", "than"],
    &["fewer", "than"],
    &["greater", "than"],
    &["at", "least"],
    &["at", "most"],
    &["up", "to"],
    &["close", "to"],
    &["just", "over"],
    &["just", "under"],
    &["an", "estimated"],
    &["approximately"],
    &["about"],
    &["around"],
    &["roughly"],
    &["nearly"],
    &["almost"],
    &["over"],
    &["under"],
    &["some"],
    &["only"],
    &["exactly"],
];

/// Currencies written as a symbol or code before the number, or as a word after it.
const CURRENCY_BEFORE: &[(&str, &str)] = &[
    ("$", "USD"),
    ("US$", "USD"),
    ("USD", "USD"),
    ("€", "EUR"),
    ("EUR", "EUR"),
    ("£", "GBP"),
    ("GBP", "GBP"),
    ("¥", "JPY"),
    ("JPY", "JPY"),
    ("CHF", "CHF"),
    ("A$", "AUD"),
    ("C$", "CAD"),
    ("₹", "INR"),
    ("₽", "RUB"),
    ("₦", "NGN"),
    ("₩", "KRW"),
    ("₺", "TRY"),
    ("₪", "ILS"),
    ("₱", "PHP"),
    ("₫", "VND"),
    ("₴", "UAH"),
    ("₵", "GHS"),
    ("฿", "THB"),
    ("₿", "BTC"),
    ("R$", "BRL"),
    ("HK$", "HKD"),
    ("NZ$", "NZD"),
    ("S$", "SGD"),
    ("Rs", "INR"),
    ("Rs.", "INR"),
    ("CNY", "CNY"),
    ("RMB", "CNY"),
    ("AUD", "AUD"),
    ("CAD", "CAD"),
    ("INR", "INR"),
    ("RUB", "RUB"),
    ("NGN", "NGN"),
    ("ZAR", "ZAR"),
    ("BRL", "BRL"),
    ("KRW", "KRW"),
    ("HKD", "HKD"),
    ("SGD", "SGD"),
    ("NZD", "NZD"),
    ("SEK", "SEK"),
    ("NOK", "NOK"),
    ("DKK", "DKK"),
    ("PLN", "PLN"),
    ("MXN", "MXN"),
    ("KES", "KES"),
    ("AED", "AED"),
];

/// True for a currency's one-character sign ("$", "£", "€").
pub(crate) fn is_currency_sign(s: &str) -> bool {
    s.chars().count() == 1 && code_before(s).is_some()
}

/// The ISO code of a currency written before its amount ("£", "HK$", "RMB").
fn code_before(sym: &str) -> Option<&'static str> {
    CURRENCY_BEFORE.iter().find(|(s, _)| *s == sym).map(|(_, code)| *code)
}

/// True for a currency's ISO code ("NOK", "USD"), which is no name.
pub(crate) fn is_currency_code(s: &str) -> bool {
    s.len() == 3
        && s.bytes().all(|b| b.is_ascii_uppercase())
        && CURRENCY_BEFORE.iter().chain(CURRENCY_AFTER).any(|(sym, _)| s.eq_ignore_ascii_case(sym))
}

const CURRENCY_AFTER: &[(&str, &str)] = &[
    ("dollars", "USD"),
    ("dollar", "USD"),
    ("euros", "EUR"),
    ("euro", "EUR"),
    ("pounds", "GBP"),
    ("sterling", "GBP"),
    ("yen", "JPY"),
    ("yuan", "CNY"),
    ("renminbi", "CNY"),
    ("rupees", "INR"),
    ("roubles", "RUB"),
    ("rubles", "RUB"),
    ("francs", "CHF"),
    ("pesos", "MXN"),
    ("rupee", "INR"),
    ("naira", "NGN"),
    ("rand", "ZAR"),
    ("lira", "TRY"),
    ("liras", "TRY"),
    ("shekels", "ILS"),
    ("riyals", "SAR"),
    ("dirhams", "AED"),
    ("zloty", "PLN"),
    ("zlotys", "PLN"),
    ("rupiah", "IDR"),
    ("ringgit", "MYR"),
    ("baht", "THB"),
    ("hryvnia", "UAH"),
    ("hryvnias", "UAH"),
    ("cedis", "GHS"),
    ("reais", "BRL"),
    ("kronor", "SEK"),
    ("bitcoin", "BTC"),
    ("bitcoins", "BTC"),
    ("bucks", "USD"),
    ("usd", "USD"),
    ("eur", "EUR"),
    ("gbp", "GBP"),
];

/// Scale words and suffixes: "2.4 million", "5bn", "€300m".
fn scale(w: &str) -> Option<f64> {
    Some(match w.to_ascii_lowercase().as_str() {
        "hundred" => 1e2,
        "thousand" | "k" => 1e3,
        "million" | "m" | "mn" | "mln" => 1e6,
        "billion" | "bn" | "b" => 1e9,
        "trillion" | "tn" | "trn" => 1e12,
        // South Asian scales: "₹2.5 crore", "Rs 40 lakh"
        "lakh" | "lakhs" => 1e5,
        "crore" | "crores" => 1e7,
        _ => return None,
    })
}

/// True for a scale word after a number ("million", "bn").
pub(crate) fn is_scale_word(w: &str) -> bool {
    scale(w).is_some()
}

/// `v` times a scale that is a power of ten, as decimal arithmetic gives it ("¥4.1 billion" is
/// 4,100,000,000, where the float product is 4,099,999,999.9999995).
fn times_scale(v: f64, scale: f64) -> f64 {
    format!("{v}e{}", scale.log10().round() as i32).parse().unwrap_or(v * scale)
}

/// Units of measure after a number.
const MEASURES: &[&str] = &[
    "km",
    "kilometres",
    "kilometers",
    "kilometre",
    "kilometer",
    "miles",
    "mile",
    "metres",
    "meters",
    "metre",
    "meter",
    "feet",
    "foot",
    "ft",
    "inches",
    "cm",
    "mm",
    "kg",
    "kilograms",
    "kilos",
    "grams",
    "g",
    "tonnes",
    "tons",
    "tonne",
    "ton",
    "pounds-weight",
    "litres",
    "liters",
    "gallons",
    "barrels",
    "hectares",
    "acres",
    "degrees",
    "mph",
    "km/h",
    "kph",
    "mw",
    "gw",
    "kwh",
    "megawatts",
    "gigawatts",
    "percentage",
    "lb",
    "lbs",
    "oz",
    "hp",
    "psi",
    "ppm",
    "mah",
    "ml",
    "mg",
    "milligrams",
    "micrograms",
    "millilitres",
    "milliliters",
    "centimetres",
    "centimeters",
    "millimetres",
    "millimeters",
    "kilowatts",
    "volts",
];

/// Number words; "one" only with a scale ("one million"), being mostly a pronoun.
pub(crate) fn word_value(w: &str) -> Option<f64> {
    const WORDS: &[&str] = &[
        "zero",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
        "twenty",
    ];
    const TENS: &[&str] = &["thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];
    let l = w.to_ascii_lowercase();
    if let Some(i) = WORDS.iter().position(|x| *x == l) {
        return Some(i as f64);
    }
    if let Some(i) = TENS.iter().position(|x| *x == l) {
        return Some(30.0 + 10.0 * i as f64);
    }
    match l.as_str() {
        "dozen" => Some(12.0),
        _ => None,
    }
}

/// Words that end what is counted: "600 witness statements across 14 countries".
#[rustfmt::skip]
const ENDS_UNIT: &[&str] = &[
    "the", "a", "an", "of", "in", "on", "at", "by", "for", "from", "to", "with", "across", "since", "during", "over",
    "under", "after", "before", "per", "than", "into", "about", "between", "among", "and", "or", "but", "nor", "who",
    "which", "that", "whom", "whose", "were", "was", "are", "is", "be", "been", "being", "have", "has", "had", "will",
    "would", "could", "should", "may", "might", "must", "can", "did", "do", "does", "said", "says", "say", "told",
    "as", "if", "when", "while", "where", "because", "so", "then", "there", "here", "it", "they", "he", "she", "we",
    "i", "you", "this", "these", "those", "their", "his", "her", "its", "our", "my", "your", "each", "every", "not",
    "no", "more", "less", "times", "ago", "old", "apiece", "percent", "cent", "also", "still", "now", "later",
    "earlier", "last", "next", "up", "down", "out", "off", "back", "away", "again", "too", "very", "just", "only",
    "all", "both", "some", "any", "most", "many", "much", "such", "own", "same", "along", "near", "around",
    "through", "throughout", "against", "within", "without", "beyond", "toward", "towards", "via",
    "amid", "despite", "behind", "above", "below", "beside", "until", "including",
    // past tenses without "-ed": "1,200 staff left"
    "left", "fled", "died", "lost", "won", "went", "came", "fell", "rose", "made", "took", "got", "saw", "met", "ran",
    "quit", "held", "paid", "sent", "kept", "spent", "stood", "shot", "hit", "cut", "put", "gave", "knew", "thought",
    "felt", "sought", "began",
];

fn ends_unit(w: &str) -> bool {
    ENDS_UNIT.contains(&w.to_ascii_lowercase().as_str())
}

/// Words before what is counted that are not part of it: "14 other countries".
fn loose_adjective(w: &str) -> bool {
    // (in lowercase: "two New Jersey police officers")
    matches!(w, "other" | "additional" | "further" | "extra" | "more" | "new" | "separate")
}

struct Cx<'a> {
    text: &'a str,
    toks: &'a [dossier_model::Token],
    /// Byte spans where no amount may start: time expressions and names.
    blocked: SpanSet,
    /// Byte spans of the names of people, organisations and places.
    names: SpanSet,
}

impl Cx<'_> {
    fn s(&self, i: usize) -> &str {
        self.toks[i].span.of(self.text)
    }
    fn kind(&self, i: usize) -> TokenKind {
        self.toks[i].kind
    }
    fn blocked(&self, i: usize) -> bool {
        self.blocked.overlaps(&self.toks[i].span)
    }
    /// True when tokens `i` and `i + 1` are separated by nothing but spaces on one line.
    fn next_on_line(&self, i: usize) -> bool {
        i + 1 < self.toks.len() && !self.text[self.toks[i].span.end..self.toks[i + 1].span.start].contains('\n')
    }
    fn is(&self, i: usize, w: &str) -> bool {
        self.s(i).eq_ignore_ascii_case(w)
    }
}

/// The numeric value of a number token ("1,000", "2.4", "5bn", "€300m"), or none for an
/// ordinal, a clock time or a code.
fn number_value(s: &str) -> Option<(f64, Option<f64>)> {
    let digits_end = s.find(|c: char| !(c.is_ascii_digit() || c == ',' || c == '.')).unwrap_or(s.len());
    let (num, suffix) = s.split_at(digits_end);
    let num = num.trim_end_matches(['.', ',']);
    if num.is_empty() || !num.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    // "1,000,000" groups thousands; "1,5" is no English number
    let parts: Vec<&str> = num.split(',').collect();
    if parts.len() > 1 && parts[1..].iter().any(|p| p.split('.').next().is_none_or(|g| g.len() != 3)) {
        return None;
    }
    if num.matches('.').count() > 1 {
        return None;
    }
    let value: f64 = num.replace(',', "").parse().ok()?;
    let mult = match suffix {
        "" => None,
        _ => Some(scale(suffix)?),
    };
    Some((value, mult))
}

fn amounts(doc: &Doc) -> Vec<Amount> {
    let blocked = SpanSet::new(doc.times.iter().map(|t| t.span).chain(doc.mentions.iter().map(|m| m.span)));
    let names = SpanSet::new(
        doc.mentions
            .iter()
            .filter(|m| matches!(m.ty, EntityType::Person | EntityType::Org | EntityType::Loc))
            .map(|m| m.span),
    );
    let cx = Cx { text: &doc.text, toks: &doc.tokens, blocked, names };
    let n = cx.toks.len();
    let mut out = Vec::new();
    let mut i = 0;
    while i < n {
        match amount_at(&cx, i) {
            Some((amount, next)) => {
                out.push(amount);
                i = next;
            }
            None => i += 1,
        }
    }
    out
}

/// Bodies of people whose size a number after "of" gives ("a crowd of 31,442").
#[rustfmt::skip]
const COLLECTIVES: &[&str] = &[
    "crowd", "population", "audience", "workforce", "congregation", "readership", "electorate", "membership",
    "attendance", "staff", "army", "garrison", "crew", "flock", "herd",
];

/// An amount whose number is token `i`, and the token after it.
fn amount_at(cx: &Cx, i: usize) -> Option<(Amount, usize)> {
    let n = cx.toks.len();
    let s = cx.s(i);
    // the number itself: digits (possibly with a currency symbol or a scale glued on), or words
    let mut currency: Option<&'static str> = None;
    let mut glued_percent = false;
    let (mut value, mut last) = match cx.kind(i) {
        TokenKind::Number => {
            let glued = CURRENCY_BEFORE.iter().find(|(sym, _)| s.starts_with(sym) && s.len() > sym.len());
            let body = glued.map_or(s, |(sym, _)| &s[sym.len()..]);
            currency = glued.map(|(_, code)| *code);
            glued_percent = body.ends_with('%');
            let (v, mult) = number_value(body.trim_end_matches('%'))?;
            (mult.map_or(v, |m| times_scale(v, m)), i)
        }
        TokenKind::Word => {
            let v = word_value(s)?;
            let scaled = i + 1 < n && scale(cx.s(i + 1)).is_some_and(|m| m >= 1e2);
            if (cx.is(i, "one") || cx.is(i, "dozen")) && !scaled {
                return None;
            }
            (v, i)
        }
        _ => return None,
    };
    if cx.blocked(i) || number_to_ring(cx.text, cx.toks, i) {
        return None;
    }
    // "a year" is a time; "four-year-old" and "1-0" are no amounts
    if last + 1 < n && cx.toks[last + 1].span.start == cx.toks[last].span.end && cx.s(last + 1) == "-" {
        return None;
    }
    // scale words: "2.4 million", "three hundred thousand"
    // "£6m." at a sentence's end is one token "m." after the number: the amount ends there
    let mut full_stop = false;
    while !full_stop && last + 1 < n && cx.next_on_line(last) && cx.kind(last + 1) == TokenKind::Word {
        let w = cx.s(last + 1).trim_end_matches('.');
        match scale(w) {
            Some(m) if w.len() > 1 || cx.toks[last + 1].span.start == cx.toks[last].span.end => {
                value = times_scale(value, m);
                last += 1;
                full_stop = cx.s(last).ends_with('.');
            }
            _ => break,
        }
    }
    let mut first = i;
    // a currency before: "$19.3 million", "EUR 40", and letters glued to a sign, which are two
    // tokens ("R$3 million", "HK$500,000")
    if currency.is_none() && i > 0 && cx.next_on_line(i - 1) {
        let prefixed = (i > 1 && cx.toks[i - 2].span.end == cx.toks[i - 1].span.start)
            .then(|| code_before(&cx.text[cx.toks[i - 2].span.start..cx.toks[i - 1].span.end]))
            .flatten();
        if let Some(code) = prefixed {
            currency = Some(code);
            first = i - 2;
        } else if let Some(code) = code_before(cx.s(i - 1)) {
            currency = Some(code);
            first = i - 1;
        }
    }
    // a qualifier before: "more than 600"
    let mut qualifier = None;
    for words in QUALIFIERS {
        if first >= words.len()
            && words.iter().enumerate().all(|(k, w)| cx.is(first - words.len() + k, w))
            && (first - words.len()..first).all(|k| cx.next_on_line(k))
        {
            qualifier = Some(words.join(" "));
            first -= words.len();
            break;
        }
    }
    let mut kind = NumberKind::Count;
    let mut unit: Option<String> = None;
    let mut end = last;
    let after = |k: usize| (k < n && !full_stop && cx.next_on_line(k - 1)).then(|| cx.s(k));
    if let Some(code) = currency {
        kind = NumberKind::Money;
        unit = Some(code.to_string());
    } else if glued_percent {
        kind = NumberKind::Percent;
    } else if let Some(w) = after(last + 1) {
        let lw = w.to_ascii_lowercase();
        if w == "%" || lw == "percent" || lw == "pc" {
            kind = NumberKind::Percent;
            end = last + 1;
        } else if lw == "per" && after(last + 2).is_some_and(|c| c.eq_ignore_ascii_case("cent")) {
            kind = NumberKind::Percent;
            end = last + 2;
        } else if w == "p"
            && cx.toks[last + 1].span.start == cx.toks[last].span.end
            && value < 100.0
            && !(first.saturating_sub(4)..(last + 6).min(n))
                .any(|k| ["video", "footage", "frames", "fps", "resolution", "camera", "HD", "4K"].contains(&cx.s(k)))
        {
            // pence: "a dividend of 4.5p per share" ("720p" is a screen's lines, "video at
            // 60p" its frames)
            kind = NumberKind::Money;
            unit = Some("GBP".to_string());
            value /= 100.0;
            end = last + 1;
        } else if let Some(code) = CURRENCY_AFTER
            .iter()
            .find(|(word, _)| *word == lw)
            .map(|(_, code)| *code)
            // a code after the number: "300 SEK"
            .or_else(|| is_currency_code(w).then(|| code_before(w)).flatten())
            // (not a name's first word: "8 Rand Paul")
            && !cx.names.overlaps(&cx.toks[last + 1].span)
        {
            kind = NumberKind::Money;
            unit = Some(code.to_string());
            end = last + 1;
        } else if MEASURES.contains(&lw.as_str()) {
            kind = NumberKind::Quantity;
            end = last + 1;
            // "percentage points", "square miles"
            if lw == "percentage" && after(last + 2).is_some_and(|c| c.eq_ignore_ascii_case("points")) {
                end = last + 2;
            }
            unit = Some(cx.text[cx.toks[last + 1].span.start..cx.toks[end].span.end].to_string());
        } else if let Some((a, z)) = counted(cx, last + 1, first, value == 1.0) {
            unit = Some(cx.text[cx.toks[a].span.start..cx.toks[z].span.end].to_string());
            end = z;
        }
    }
    // "a crowd of 31,442", "a population of 12,500": a body of people named before the number
    if kind == NumberKind::Count
        && unit.is_none()
        && first >= 2
        && cx.is(first - 1, "of")
        && COLLECTIVES.contains(&cx.s(first - 2))
        && !(end + 1 < n && cx.kind(end + 1) == TokenKind::Word && cx.s(end + 1).starts_with(char::is_uppercase))
        && cx.next_on_line(first - 2)
        && cx.next_on_line(first - 1)
    {
        unit = Some(cx.s(first - 2).to_string());
        first -= 2;
    }
    // a bare number says nothing about what it counts: kept only as money, percent or measure;
    // nor does a number that a label names ("band 3 prison officers", "phase 2 trials")
    if kind == NumberKind::Count && (unit.is_none() || first == i && i > 0 && label_before(cx, i)) {
        return None;
    }
    let mut span = Span::new(cx.toks[first].span.start, cx.toks[end].span.end);
    // the sentence's full stop glued to a scale ("£6m.") is no part of the amount
    if full_stop && end == last {
        span.end -= 1;
    }
    Some((Amount { span, kind, value, unit, qualifier }, end + 1))
}

/// Nouns that a number after them labels, not counts: "band 3 prison officers", "phase 2
/// trials", "Article 50 talks", "Room 101".
#[rustfmt::skip]
const LABELS: &[&str] = &[
    "band", "grade", "level", "tier", "category", "class", "type", "phase", "stage", "step", "section", "article",
    "chapter", "clause", "paragraph", "page", "room", "flat", "suite", "platform", "gate", "route", "flight",
    "junction", "exit", "ward", "cell", "block", "floor", "number", "no", "no.", "channel", "terminal", "item",
    "count", "rule", "schedule", "annex", "appendix", "figure", "table", "question", "version", "episode",
    "volume",
];

/// True when the word before token `i`, on its line, is one of the [`LABELS`] as a noun: written
/// capitalized ("Article 50"), or after a number, an article or a preposition ("6,840 band 3",
/// "the number 14 bus", "on page 3"); not a verb ("will question 40 witnesses", "can room 60
/// guests") nor after another word ("In this phase 200 homes").
fn label_before(cx: &Cx, i: usize) -> bool {
    const BEFORE: &[&str] = &["the", "a", "an", "on", "in", "at", "from", "of", "for", "under", "into", "by"];
    // (labels that are no places or things: "the gate 200 protesters", "in the ward 12 patients"
    // are counts)
    const ABSTRACT: &[&str] = &[
        "number", "band", "grade", "tier", "phase", "type", "category", "level", "stage", "step", "version", "article",
        "section", "no", "no.",
    ];
    let before = |w: &str| {
        ABSTRACT.iter().any(|l| cx.s(i - 1).eq_ignore_ascii_case(l)) && BEFORE.iter().any(|b| w.eq_ignore_ascii_case(b))
    };
    let noun = i > 1
        && cx.next_on_line(i - 2)
        && (cx.kind(i - 2) == TokenKind::Number || word_value(cx.s(i - 2)).is_some() || before(cx.s(i - 2)));
    i > 0
        && cx.kind(i - 1) == TokenKind::Word
        && cx.next_on_line(i - 1)
        && LABELS.iter().any(|l| cx.s(i - 1).eq_ignore_ascii_case(l))
        && (noun || cx.s(i - 1).starts_with(|c: char| c.is_uppercase()))
}

/// Plurals that do not end in "-s" ("people", "staff"), and words in "-s" that are none.
#[rustfmt::skip]
const PLURALS: &[&str] = &[
    "people", "children", "police", "staff", "personnel", "crew", "cattle", "sheep", "fish", "deer", "aircraft",
    "offspring", "data", "media", "criteria", "dead", "feet", "teeth", "geese", "mice", "bacteria", "alumni",
    "fungi", "nuclei", "stimuli", "livestock", "poultry", "faculty", "clergy", "militia", "youth", "infantry",
    "head",
];
/// Plurals that name a kind of what follows ("arms exporters", "human rights lawyers").
#[rustfmt::skip]
const MODIFIER_PLURALS: &[&str] = &[
    "arms", "weapons", "sales", "savings", "sports", "goods", "customs", "earnings", "rights", "drugs",
    "communications", "operations", "affairs", "services", "systems", "parks", "claims", "resources", "markets",
    "firearms",
];
#[rustfmt::skip]
const NOT_PLURAL: &[&str] = &[
    "news", "gas", "bias", "yes", "this", "thus", "has", "was", "his", "its", "plus", "alias", "always", "perhaps",
    "towards", "afterwards", "besides", "sometimes", "nowadays", "overseas", "whereas", "unless", "series",
];

/// True for a plural noun in lowercase: "voters", "schoolchildren", "businessmen",
/// "brothers-in-law" (not "news", "bus", "famous", "always", "Clinton's", "cross-border").
fn plural(l: &str) -> bool {
    if l.contains(['\'', '\u{2019}']) || !l.starts_with(char::is_lowercase) {
        return false;
    }
    PLURALS.contains(&l)
        || l.ends_with("children")
        || l.ends_with("people")
        || l.ends_with("men") && !["omen", "amen"].contains(&l) && !["imen", "domen"].iter().any(|x| l.ends_with(x))
        || l.contains("s-in-law")
        || l.ends_with('s') && !["ss", "us", "is"].iter().any(|e| l.ends_with(e)) && !NOT_PLURAL.contains(&l)
}

/// What a count counts: up to three words after the number ("witness statements"), without a
/// loose adjective before them ("other countries" counts countries), to its first plural
/// ("two men spoke" counts men). A number other than one before words with no plural is a
/// label, no count ("the 42 service", "the 1,237 mark"). Token range, inclusive.
fn counted(cx: &Cx, k: usize, first: usize, one: bool) -> Option<(usize, usize)> {
    let n = cx.toks.len();
    let mut a = k;
    // "inside" and "outside" before a phrase are prepositions ("nine people inside the church"),
    // before a noun adjectives ("two outside directors")
    let place_prep = |i: usize| {
        matches!(cx.s(i), "inside" | "outside")
            && (i + 1 >= n
                || cx.kind(i + 1) != TokenKind::Word
                || cx.s(i + 1).starts_with(char::is_uppercase)
                || ["the", "a", "an", "his", "her", "their", "its", "our", "this", "that"].contains(&cx.s(i + 1)))
    };
    let word = |i: usize| {
        i < n
            && cx.kind(i) == TokenKind::Word
            && cx.next_on_line(i - 1)
            && !ends_unit(cx.s(i))
            && !place_prep(i)
            && !cx.s(i).chars().all(|c| c.is_uppercase())
    };
    // (a label and its number or letter open what is counted: "6,840 band 3 prison officers",
    // "12 Category B prisoners")
    let numbered = |i: usize| {
        cx.kind(i) == TokenKind::Number || cx.s(i).len() == 1 && cx.s(i).starts_with(|c: char| c.is_ascii_uppercase())
    };
    let labelled = word(a) && a + 2 < n && numbered(a + 1) && label_before(cx, a + 1) && word(a + 2);
    if labelled {
        a += 2;
    }
    if word(a) && loose_adjective(cx.s(a)) && word(a + 1) {
        a += 1;
    }
    let from = if labelled { k } else { a };
    // (a lone letter counts nothing: "720p", "5 x 4")
    if !word(a) || cx.s(a).chars().count() < 2 {
        return None;
    }
    let verbish = |w: &str| w.len() > 4 && (w.ends_with("ed") || w.ends_with("ing") || w.ends_with("ly"));
    // (a people counts too: "200 million Americans", "40 Democrats"; not a street's name, "14
    // Orleans Road")
    let people = |i: usize| {
        let w = cx.s(i);
        (w.ends_with("ans") || w.ends_with("ats")) && !(i + 1 < n && cx.s(i + 1).starts_with(char::is_uppercase))
    };
    let noun = |i: usize| (cx.s(i).starts_with(|c: char| c.is_lowercase()) || people(i)) && !verbish(cx.s(i));
    // participles and adverbs before the noun describe it ("pledged delegates", "randomly
    // selected precincts"); after it they begin the rest of the sentence ("states holding
    // contests", "states included")
    let mut z = a;
    while z + 1 < n && z + 1 - a < 3 && word(z + 1) && !(noun(z) && verbish(cx.s(z + 1))) {
        z += 1;
    }
    // (in capitals only a people: "Democrats", not "Texas" nor "Sanders")
    let many = |i: usize| plural(cx.s(i)) || people(i);
    // (a plural as the fourth word: "800 likely Republican primary voters")
    let fourth = z == a + 2 && word(z + 1) && many(z + 1);
    if let Some(p) = (a..=z).find(|&i| many(i)).or(fourth.then_some(z + 1)) {
        // a plural that names a kind of the next one goes on with it ("10 crew members", "20
        // human rights lawyers", "20 sales staff"); no other does, a verb may follow ("two sides
        // takes precedence", "a survey of 500 economists suggests", "14 people dead")
        let kind = PLURALS.contains(&cx.s(p)) || MODIFIER_PLURALS.contains(&cx.s(p));
        let next = kind && p < a + 3 && word(p + 1) && plural(cx.s(p + 1)) && cx.s(p + 1) != "dead";
        return Some((from, if next { p + 1 } else { p }));
    }
    // a name in the plural ("100,000 Rohingya Muslims", "two super PACs"; not "14 Orleans Road",
    // "19 support Sanders", nor a title, "13 Hours")
    const TITLE_UNITS: &[&str] = &["Seconds", "Minutes", "Hours", "Days", "Weeks", "Months", "Years", "Things"];
    let plural_name = |i: usize| {
        let w = cx.s(i);
        w.starts_with(char::is_uppercase)
            && !cx.names.overlaps(&cx.toks[i].span)
            && !TITLE_UNITS.contains(&w)
            && w.ends_with('s')
            && !w.ends_with("ss")
            && !w.contains(['\'', '\u{2019}'])
            && !(i + 1 < n && cx.s(i + 1).starts_with(char::is_uppercase))
    };
    // (not after a number that opens its line, a paragraph's or a heading's: "2 Claims of this
    // kind", "4 Recommendations")
    let opens_line = first == 0 || !cx.next_on_line(first - 1);
    if let Some(p) = (a..=z).find(|&i| plural_name(i)).filter(|_| !opens_line) {
        return Some((from, p));
    }
    while !noun(z) {
        if z == a {
            return None;
        }
        z -= 1;
    }
    // (a plural this does not know keeps its words)
    (one || cx.s(z).ends_with('s')).then_some((from, z))
}

/// True when the number at token `i` is one to ring: "call 101", "dial 999" (digits only, three
/// or more or a leading 0), not "call 40 witnesses", "calling 300,000 reservists", "call 100
/// witnesses".
fn number_to_ring(text: &str, toks: &[dossier_model::Token], i: usize) -> bool {
    let s = |k: usize| toks[k].span.of(text);
    let ring = ["call", "dial", "ring", "calling", "dialling", "dialing"];
    let phone_like = s(i).bytes().all(|b| b.is_ascii_digit()) && (s(i).len() >= 3 || s(i).starts_with('0'));
    let plural_after = i + 1 < toks.len() && {
        let w = s(i + 1);
        w.len() > 3 && w.ends_with('s') && w.starts_with(char::is_lowercase)
    };
    i > 0 && ring.iter().any(|w| s(i - 1).eq_ignore_ascii_case(w)) && phone_like && !plural_after
}

/// E-mail addresses and URLs (tokens of their own) and phone numbers, also a short one to ring
/// ("call 101").
fn pattern_mentions(doc: &Doc) -> Vec<Mention> {
    let mut out: Vec<Mention> = Vec::new();
    for t in doc.tokens.iter().filter(|t| t.kind == TokenKind::Link) {
        let s = t.span.of(&doc.text);
        let ty = if s.contains('@') && !s.contains("://") { EntityType::Email } else { EntityType::Url };
        out.push(Mention { span: t.span, ty, entity: None, kind: MentionKind::Pattern });
    }
    let taken = SpanSet::new(doc.times.iter().map(|t| t.span).chain(out.iter().map(|m| m.span)));
    // (a number to ring ends its phrase: not "call 120 of them", "call 500 more staff", "call
    // 116 123", which `phone_numbers` does not read whole)
    let ends = |i: usize| {
        doc.tokens.get(i + 1).is_none_or(|t| {
            let w = t.span.of(&doc.text);
            t.kind == TokenKind::Punct
                || ["or", "and", "quoting", "free", "now", "immediately", "anonymously", "today"]
                    .iter()
                    .any(|x| w.eq_ignore_ascii_case(x))
        })
    };
    let to_ring = (0..doc.tokens.len())
        .filter(|&i| doc.tokens[i].kind == TokenKind::Number && number_to_ring(&doc.text, &doc.tokens, i) && ends(i))
        .map(|i| doc.tokens[i].span);
    let mut phones: Vec<Span> = phone_numbers(&doc.text);
    let short: Vec<Span> = to_ring.filter(|s| !phones.iter().any(|p| p.overlaps(s))).collect();
    phones.extend(short);
    for span in phones {
        if !taken.overlaps(&span) {
            out.push(Mention { span, ty: EntityType::Phone, entity: None, kind: MentionKind::Pattern });
        }
    }
    out.sort_by_key(|m| m.span.start);
    out
}

/// Phone numbers: 9 to 15 digits in two or more groups, written as phone numbers are: with a
/// leading "+" or an area code in brackets, groups joined by "-" or ".", or space-separated
/// groups opening with a trunk "0" ("020 7946 0958"; two groups of eleven digits, a British
/// number's: "01632 960118").
pub(crate) fn phone_numbers(text: &str) -> Vec<Span> {
    let b = text.as_bytes();
    let n = b.len();
    let mut out = Vec::new();
    let mut i = 0;
    while i < n {
        let c = b[i];
        let starts = (c == b'+' || c == b'(' || c.is_ascii_digit())
            && (i == 0 || !(b[i - 1].is_ascii_alphanumeric() || matches!(b[i - 1], b'.' | b',' | b'-' | b'/' | b'+')));
        if !starts {
            i += 1;
            continue;
        }
        let (mut j, mut digits, mut groups, mut group_len, mut max_group) = (i, 0, 0, 0, 0);
        let (mut plus, mut bracket, mut dash_dot, mut space) = (false, false, false, false);
        let mut last_digit = i;
        if b[j] == b'+' {
            plus = true;
            j += 1;
        }
        while j < n {
            match b[j] {
                d if d.is_ascii_digit() => {
                    digits += 1;
                    group_len += 1;
                    last_digit = j;
                }
                b'(' | b')' if digits < 6 => {
                    bracket = true;
                }
                sep @ (b'-' | b'.' | b' ')
                    if (group_len > 0 || j > i && b[j - 1] == b')')
                        && j + 1 < n
                        && (b[j + 1].is_ascii_digit() || b[j + 1] == b'(') =>
                {
                    if sep == b' ' {
                        space = true;
                    } else {
                        dash_dot = true;
                    }
                }
                _ => break,
            }
            if !b[j].is_ascii_digit() && group_len > 0 {
                groups += 1;
                max_group = max_group.max(group_len);
                group_len = 0;
            }
            j += 1;
        }
        if group_len > 0 {
            groups += 1;
            max_group = max_group.max(group_len);
        }
        let end = last_digit + 1;
        let trunk = b[i] == b'0' || bracket && b.get(i + 1) == Some(&b'0');
        let shaped = plus
            || bracket
            || dash_dot && groups >= 3
            || (groups >= 3 || groups == 2 && digits == 11) && space && trunk;
        let glued = end < n && b[end].is_ascii_alphanumeric();
        if (9..=15).contains(&digits) && groups >= 2 && max_group <= 8 && shaped && !glued {
            out.push(Span::new(i, end));
            i = end;
        } else {
            i = j.max(i + 1);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Component, Segmenter, TimeTagger};

    fn run(text: &str) -> Doc {
        let mut doc = Doc::new("t", text);
        doc.reference_date = Some("2018-07-12".into());
        Segmenter.process(&mut doc);
        crate::ner::NerTagger::embedded().process(&mut doc);
        TimeTagger.process(&mut doc);
        NumberFinder.process(&mut doc);
        doc
    }

    /// Text, kind, value, unit, qualifier.
    type Found = (String, NumberKind, f64, Option<String>, Option<String>);

    fn amounts(text: &str) -> Vec<Found> {
        let d = run(text);
        d.numbers
            .iter()
            .map(|a| (a.span.of(&d.text).to_string(), a.kind, a.value, a.unit.clone(), a.qualifier.clone()))
            .collect()
    }

    fn some(s: &str) -> Option<String> {
        Some(s.to_string())
    }

    #[test]
    fn counts_with_what_they_count_and_how_exact() {
        let found = amounts(
            "The inquiry collected more than 600 witness statements across 14 other countries, and \
             two suspects were captured. Nearly 1,200 staff left, 16 states holding contests and \
             758 pledged delegates. Warnings cover 12 towns along the river and 3 farms near it. \
             It holds data on 200 Americans without consent. Nine people inside the church and two outside \
             directors met at 14 Orleans Road. They will call 40 witnesses. They may call 100 experts.",
        );
        assert_eq!(
            found,
            vec![
                (
                    "more than 600 witness statements".into(),
                    NumberKind::Count,
                    600.0,
                    some("witness statements"),
                    some("more than")
                ),
                ("14 other countries".into(), NumberKind::Count, 14.0, some("countries"), None),
                ("two suspects".into(), NumberKind::Count, 2.0, some("suspects"), None),
                ("Nearly 1,200 staff".into(), NumberKind::Count, 1200.0, some("staff"), some("nearly")),
                ("16 states".into(), NumberKind::Count, 16.0, some("states"), None),
                ("758 pledged delegates".into(), NumberKind::Count, 758.0, some("pledged delegates"), None),
                ("12 towns".into(), NumberKind::Count, 12.0, some("towns"), None),
                ("3 farms".into(), NumberKind::Count, 3.0, some("farms"), None),
                ("200 Americans".into(), NumberKind::Count, 200.0, some("Americans"), None),
                ("Nine people".into(), NumberKind::Count, 9.0, some("people"), None),
                ("two outside directors".into(), NumberKind::Count, 2.0, some("outside directors"), None),
                ("40 witnesses".into(), NumberKind::Count, 40.0, some("witnesses"), None),
                ("100 experts".into(), NumberKind::Count, 100.0, some("experts"), None),
            ]
        );
        // a body of people named before the number, with a qualifier between; not a year
        let found = amounts(
            "A crowd of more than 31,000 watched. The staff of 2024 left. It has 40 of 90. The staff of 10 Downing Street.",
        );
        assert_eq!(
            found,
            vec![("crowd of more than 31,000".into(), NumberKind::Count, 31000.0, some("crowd"), some("more than"))]
        );
    }

    #[test]
    fn a_count_counts_up_to_its_first_plural() {
        let units = |text: &str| amounts(text).into_iter().map(|f| (f.0, f.3)).collect::<Vec<_>>();
        let found = units(
            "The two men spoke at noon. Only 223 votes cast counted. Polls of 800 likely Republican primary \
             voters and 10 crew members ran. Two New Jersey police officers and six women came. More than \
             100,000 Rohingya Muslims and 20 schoolchildren left.",
        );
        let want = [
            ("two men", "men"),
            ("Only 223 votes", "votes"),
            ("800 likely Republican primary voters", "likely Republican primary voters"),
            ("10 crew members", "crew members"),
            ("Two New Jersey police officers", "New Jersey police officers"),
            ("six women", "women"),
            ("More than 100,000 Rohingya Muslims", "Rohingya Muslims"),
            ("20 schoolchildren", "schoolchildren"),
        ];
        assert_eq!(found, want.iter().map(|(t, u)| (t.to_string(), some(u))).collect::<Vec<_>>());
        // a kind of what follows goes on; a hyphenated adjective and an adjective in "-ous" are
        // no plurals; plurals without "-s"
        let found = units(
            "They sent 20 human rights lawyers, 20 sales staff, 6 gas-fired power stations, 3 famous \
             singers, 300 livestock and 7 alumni.",
        );
        let want = [
            ("20 human rights lawyers", "human rights lawyers"),
            ("20 sales staff", "sales staff"),
            ("6 gas-fired power stations", "gas-fired power stations"),
            ("3 famous singers", "famous singers"),
            ("300 livestock", "livestock"),
            ("7 alumni", "alumni"),
        ];
        assert_eq!(found, want.iter().map(|(t, u)| (t.to_string(), some(u))).collect::<Vec<_>>());
        // a number before no plural is a label or a part of a compound, no count; a number that
        // opens its line before a capitalized word numbers a paragraph; a decimal count that
        // opens a wrapped line stays
        let found = units(
            "The 42 service ran late on his 757 jet. Trump is near the 1,237 mark. \
             Among insiders, only 19 support Sanders. He had zero experience.\n1.3 Residents of Kell were moved.\n\
             2 Claims of this kind are rare.",
        );
        assert!(found.is_empty(), "{found:?}");
        assert_eq!(
            units("The average household now has\n2.4 children."),
            [("2.4 children".to_string(), some("children"))]
        );
    }

    #[test]
    fn a_number_that_a_label_names_counts_nothing() {
        let found = amounts(
            "The service recruited 6,840 band 3 prison officers. Two phase 2 trials began and \
             Article 50 talks stalled. Guards moved 12 Category B prisoners. Police will question 40 \
             witnesses. In this phase 200 homes rose. At the gate 30 protesters waited.",
        );
        let got: Vec<(&str, f64, Option<&str>)> = found.iter().map(|f| (f.0.as_str(), f.2, f.3.as_deref())).collect();
        assert_eq!(
            got,
            [
                ("6,840 band 3 prison officers", 6840.0, Some("band 3 prison officers")),
                ("Two phase 2 trials", 2.0, Some("phase 2 trials")),
                ("12 Category B prisoners", 12.0, Some("Category B prisoners")),
                // (a label's word as a verb, or after another word, labels nothing)
                ("40 witnesses", 40.0, Some("witnesses")),
                ("200 homes", 200.0, Some("homes")),
                ("30 protesters", 30.0, Some("protesters")),
            ]
        );
    }

    #[test]
    fn money_percentages_and_measures() {
        let found = amounts(
            "Profits of about €2.4 million were forecast; costs rose by 12.5% and wages 3 per cent. \
             The firm paid $19.3 million, or 40,000 pounds, for 250 hectares. It pays 4.5p a share; \
             the film is in 720p and costs 5 p. The camera shoots video at 60p.",
        );
        let kinds: Vec<(&str, NumberKind, f64, Option<&str>)> =
            found.iter().map(|(t, k, v, u, _)| (t.as_str(), *k, *v, u.as_deref())).collect();
        assert_eq!(
            kinds,
            vec![
                ("about €2.4 million", NumberKind::Money, 2_400_000.0, Some("EUR")),
                ("12.5%", NumberKind::Percent, 12.5, None),
                ("3 per cent", NumberKind::Percent, 3.0, None),
                ("$19.3 million", NumberKind::Money, 19_300_000.0, Some("USD")),
                ("40,000 pounds", NumberKind::Money, 40_000.0, Some("GBP")),
                ("250 hectares", NumberKind::Quantity, 250.0, Some("hectares")),
                ("4.5p", NumberKind::Money, 0.045, Some("GBP")),
            ]
        );
        assert_eq!(found[0].4.as_deref(), Some("about"));
    }

    #[test]
    fn currencies_of_the_world_and_south_asian_scales() {
        let found = amounts(
            "The oil company lost ₦14 billion, and ₹2.5 crore went missing. Police seized Rs 40 lakh \
             and R$3 million, HK$500,000 was frozen, and SEK 12 million moved. Fines of 900 naira, \
             2 million rand and 3,000 shekels were paid, and ₩5 billion was wired. \
             The rankings: 7 John Kasich, 8 Rand Paul. Tokyo paid ¥4.1 billion and 4.1bn yen.",
        );
        let got: Vec<(&str, f64, Option<&str>)> =
            found.iter().map(|(t, _, v, u, _)| (t.as_str(), *v, u.as_deref())).collect();
        assert_eq!(
            got,
            [
                ("₦14 billion", 14e9, Some("NGN")),
                ("₹2.5 crore", 2.5e7, Some("INR")),
                ("Rs 40 lakh", 4e6, Some("INR")),
                ("R$3 million", 3e6, Some("BRL")),
                ("HK$500,000", 5e5, Some("HKD")),
                ("SEK 12 million", 12e6, Some("SEK")),
                ("900 naira", 900.0, Some("NGN")),
                ("2 million rand", 2e6, Some("ZAR")),
                ("3,000 shekels", 3000.0, Some("ILS")),
                ("₩5 billion", 5e9, Some("KRW")),
                ("¥4.1 billion", 4.1e9, Some("JPY")),
                ("4.1bn yen", 4.1e9, Some("JPY")),
            ],
            "{got:?}"
        );
        assert!(found.iter().all(|f| f.1 == NumberKind::Money));
        // a code after the amount is read as before it ("RMB" is the yuan's)
        let found = amounts("It paid RMB 5 million and then 7 million RMB.");
        let units: Vec<Option<&str>> = found.iter().map(|f| f.3.as_deref()).collect();
        assert_eq!(units, [Some("CNY"), Some("CNY")]);
    }

    #[test]
    fn a_currency_code_beside_its_amount_is_no_name_and_units_of_medicine_measure() {
        let d = run("Norvik Energi paid NOK 4.2 billion for the field, and 300 SEK per share. \
                     Bonds worth 5 billion ZAR were sold by Kestrel. \
                     Each dose holds 62 micrograms in 100 millilitres.");
        let names: Vec<&str> = d.mentions.iter().map(|m| m.span.of(&d.text)).collect();
        assert!(!names.iter().any(|n| ["NOK", "SEK", "ZAR"].contains(n)), "{names:?}");
        let units: Vec<Option<&str>> = d.numbers.iter().map(|a| a.unit.as_deref()).collect();
        assert_eq!(units, [Some("NOK"), Some("SEK"), Some("ZAR"), Some("micrograms"), Some("millilitres")]);
        assert_eq!(d.numbers[3].kind, NumberKind::Quantity);
    }

    #[test]
    fn a_scale_before_the_full_stop_keeps_its_value() {
        let found = amounts(
            "The agency will contribute £6m. The rest, €3.5bn., comes later. It cost £6 m. \
             The fund paid $6m. Thousand Oaks will pay. we raised 6m. people loved it.",
        );
        let got: Vec<(&str, f64)> = found.iter().map(|(t, _, v, _, _)| (t.as_str(), *v)).collect();
        // "6 m." apart from its number is no million; the amount ends at the full stop
        assert_eq!(
            got,
            [("£6m", 6_000_000.0), ("€3.5bn", 3_500_000_000.0), ("£6", 6.0), ("$6m", 6_000_000.0)],
            "{got:?}"
        );
    }

    #[test]
    fn years_dates_times_names_and_bare_numbers_are_no_amounts() {
        let found = amounts(
            "He was killed in 2015. On 22 June 2018 at 6.14am the ferry arrived. \
             The score was 3-1 and the figure rose to 600. One of them left. \
             Witnesses should call 101 quoting incident 612 or dial 999 immediately.",
        );
        assert!(found.is_empty(), "{found:?}");
    }

    #[test]
    fn emails_urls_and_phone_numbers_are_typed_mentions() {
        let d = run("Write to press@ardenport-herald.org or see https://ardenport.org/news, \
                     call +44 20 7946 0958 or (555) 123-4567, or 020 7946 0958. \
                     The 2018 2019 2020 seasons and 1,000,000 voters are no numbers to call.");
        let found: Vec<(EntityType, &str)> =
            d.mentions.iter().filter(|m| m.kind == MentionKind::Pattern).map(|m| (m.ty, m.span.of(&d.text))).collect();
        assert_eq!(
            found,
            vec![
                (EntityType::Email, "press@ardenport-herald.org"),
                (EntityType::Url, "https://ardenport.org/news"),
                (EntityType::Phone, "+44 20 7946 0958"),
                (EntityType::Phone, "(555) 123-4567"),
                (EntityType::Phone, "020 7946 0958"),
            ]
        );
        // a short number to ring, not a count after "call"
        let d = run("Anyone with information should call 101 or dial 999. The defence will call 40 witnesses. \
             The union will call 500 more staff out, and the court may call 120 of them.");
        let found: Vec<(EntityType, &str)> =
            d.mentions.iter().filter(|m| m.kind == MentionKind::Pattern).map(|m| (m.ty, m.span.of(&d.text))).collect();
        assert_eq!(found, vec![(EntityType::Phone, "101"), (EntityType::Phone, "999")]);
        // a year's digits inside a number are no year, and a British number of two groups is one
        let d = run("Tresk Maritime Museum, \u{260e} +44 1632 960 118, or 01632 960118. Founded in 1978.");
        let found: Vec<(EntityType, &str)> =
            d.mentions.iter().filter(|m| m.kind == MentionKind::Pattern).map(|m| (m.ty, m.span.of(&d.text))).collect();
        assert_eq!(found, vec![(EntityType::Phone, "+44 1632 960 118"), (EntityType::Phone, "01632 960118")]);
        let years: Vec<&str> = d.times.iter().map(|t| t.value.as_str()).collect();
        assert_eq!(years, ["1978"]);
        // not two years, nor a short number
        let d = run("In 2018 2019 the club had 01632 members. Invoice 0012 34567 was paid.");
        assert!(d.mentions.iter().all(|m| m.kind != MentionKind::Pattern), "{:?}", d.mentions);
        // years that the shape of a number's dashed groups takes keep their dates
        let d = run("The memorial lists 1914-18 1939-45 on its face.");
        assert_eq!(d.times.len(), 2, "{:?}", d.times);
    }

    #[test]
    fn a_phone_number_hides_its_digits_from_times_on_any_line() {
        let d = run("Founded in 1978.\n\nTresk Maritime Museum, \u{260e} +44 1632 960 118, since 2019.\n\n\
             1632 was the year the mill opened.");
        let years: Vec<&str> = d.times.iter().map(|t| t.span.of(&d.text)).collect();
        assert_eq!(years, ["1978", "2019", "1632"]);
    }

    #[test]
    fn odd_input_does_not_panic() {
        for text in
            ["", "$", "€ 5", "more than", "5bn", "1,2,3", "+", "(((((", "0 0 0 0 0 0 0 0 0 0", "½ of 3½ million"]
        {
            let _ = run(text);
        }
    }
}
