//! Time expressions: recognition and TIMEX3 normalization (TimeML) of dates, times, durations
//! and sets, anchored on the document date.
//!
//! The language lives in data: `resources/time/en.lex` (month and weekday names, number words,
//! units, tense words) and `resources/time/en.rules` (patterns, each with the action that
//! normalizes it). The engine here looks for anchors (digits, month names, units...: the words a
//! rule cannot match without), tries the rules in a small window around them, joins neighbours ("Tuesday" + "night"), adds modifiers ("early", "about") and anchors each
//! expression: on the document date, on the date last mentioned ("the following day"), and in
//! the direction of the sentence's tense for a bare month or weekday ("captured in January" in a
//! July story is the January before).
//!
//! ```
//! use dossier_nlp::{split_sentences, time::tag_times, tokenize};
//! let text = "The talks ended on Tuesday and will resume in January.";
//! let tokens = tokenize(text);
//! let sentences = split_sentences(text, &tokens);
//! let anchor = jiff::civil::date(2018, 7, 12);
//! let times = tag_times(text, &tokens, &sentences, Some(anchor));
//! let values: Vec<&str> = times.iter().map(|t| t.value.as_str()).collect();
//! assert_eq!(values, ["2018-07-10", "2019-01"]);
//! ```

mod grammar;
mod matcher;
mod resolve;
mod tense;

use crate::pipeline::{Component, Layer};
use dossier_model::{Span, TimeExpr, TimeType, Token, TokenKind};
use grammar::{Act, Arg, Grammar, Kind, MAX_CAPS, NO_WORD, Shape, SlashOrder, T_DATE, T_DURATION, T_SET, T_TIME, Val};
use jiff::civil::Date;
use matcher::{Atom, Matcher};
use resolve::{Ctx, DayRef, Dir, Point, Sem, Tense, Tod, Unit, fmt_point, fmt_year, later, year_earlier};
use std::cell::Cell;
use std::sync::OnceLock;

/// The languages whose grammar ships: ISO 639-1 code, word list, rules. A language is added
/// here with its two files; the engine does not change. The first one is the default.
const LANGUAGES: &[(&str, &str, &str)] = &[
    ("en", include_str!("../resources/time/en.lex"), include_str!("../resources/time/en.rules")),
    ("es", include_str!("../resources/time/es.lex"), include_str!("../resources/time/es.rules")),
];

/// The grammar of a language (the default one for an unknown or missing code), parsed on
/// first use: a run of English documents parses no other grammar.
fn grammar(lang: Option<&str>) -> &'static Grammar {
    static ALL: [OnceLock<Grammar>; LANGUAGES.len()] = [const { OnceLock::new() }; LANGUAGES.len()];
    let i = lang.and_then(|l| LANGUAGES.iter().position(|&(code, _, _)| code == l)).unwrap_or(0);
    let (_, lex, rules) = LANGUAGES[i];
    ALL[i].get_or_init(|| Grammar::parse(lex, rules))
}

/// The pipeline component that fills [`Doc::times`], anchored on [`Doc::anchor_date`].
pub struct TimeTagger;

impl Component for TimeTagger {
    fn name(&self) -> &'static str {
        "times"
    }
    fn requires(&self) -> &'static [Layer] {
        &[Layer::Tokens, Layer::Sentences]
    }
    fn assigns(&self) -> &'static [Layer] {
        &[Layer::Times]
    }
    fn process(&self, doc: &mut dossier_model::Doc) {
        // a story without a publication date may carry one in its dateline ("LONDON, July 23
        // (Reuters) -"); one without a year only counts beside a reference date (--date)
        let g = grammar(doc.lang.as_deref());
        let headers = crate::mail::headers(&doc.text);
        let dateline = dateline_with(g, &doc.text, doc.anchor_date(), &headers);
        if doc.published.is_none() {
            doc.published.clone_from(&dateline);
        }
        let mut anchor = doc.anchor_date().and_then(parse_date);
        // a story filed a day or two before its timestamp ("WASHINGTON, Aug. 13 (Xinhua) --" in
        // a feed dated Aug. 14) says "Thursday" and "today" from its dateline; so does one whose
        // timestamp is a day early ("NEW YORK, Dec. 14 (UPI) --" dated Dec. 13: another time zone)
        if let (Some(a), Some(d)) = (anchor, dateline.as_deref().and_then(parse_date))
            && d != a
            && resolve::days_apart(d, a) <= if d < a { 3 } else { 1 }
        {
            anchor = Some(d);
        }
        // each message of a thread counts from its own sent date, from its header to its body's end
        let mut sent = Vec::new();
        let day_first = chat_day_first(&doc.text, &headers);
        for h in &headers {
            let date = |d: Span| {
                if h.chat { chat_date(d.of(&doc.text), day_first) } else { sent_date(d.of(&doc.text), anchor) }
            };
            if let Some(d) = h.date.and_then(date) {
                sent.push((Span::new(h.span.start, h.body.end), d));
            }
        }
        doc.times = tag_with(g, &doc.text, &doc.tokens, &doc.sentences, anchor, &sent);
        // a year's digits inside a phone number are no year ("☎ +44 1632 960 118"); only a
        // number that opens with "+" or a trunk "0" ("1914-18 1939-45" are years, which the
        // phone numbers' shape of dashed groups would take). A phone number stays on its line,
        // so only the lines of times that open with a digit are searched, each once.
        let text = &doc.text;
        let mut phones: Vec<Span> = Vec::new();
        let mut searched = 0;
        for t in &doc.times {
            if t.span.start < searched || !text.as_bytes()[t.span.start].is_ascii_digit() {
                continue;
            }
            let start = text[..t.span.start].rfind('\n').map_or(0, |k| k + 1);
            searched = text[t.span.start..].find('\n').map_or(text.len(), |k| t.span.start + k);
            let line = &text[start..searched];
            phones.extend(
                crate::numbers::phone_numbers(line)
                    .into_iter()
                    .filter(|p| ["+", "0", "(0"].iter().any(|s| p.of(line).starts_with(s)))
                    .map(|p| Span::new(start + p.start, start + p.end)),
            );
        }
        doc.times.retain(|t| !phones.iter().any(|p| p.start <= t.span.start && t.span.end <= p.end));
    }
}

/// `YYYY-MM-DD` (anything after the day, such as a time, is ignored).
fn parse_date(s: &str) -> Option<Date> {
    let s = s.trim();
    let (y, m, d) = (s.get(0..4)?, s.get(5..7)?, s.get(8..10)?);
    if s.as_bytes().get(4) != Some(&b'-') || s.as_bytes().get(7) != Some(&b'-') {
        return None;
    }
    resolve::date(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)
}

/// Tokens looked at on either side of an anchor: enough for the longest pattern and the
/// modifiers before it ("at least the first nine months").
const MARGIN: usize = 7;

/// The tokens a window of anchors grows to before it ends at the next sentence's start. A
/// window of news rarely passes a hundred.
const MAX_WINDOW: usize = 2_000;

/// The time expressions of a text, in text order, with byte spans; relative ones are anchored
/// on `anchor`; without one, a bare day, month or weekday reads on from the date the text last
/// named (a narrative), and the rest use TimeML's unknowns (`XXXX-01` for "January").
pub fn tag_times(text: &str, tokens: &[Token], sentences: &[Span], anchor: Option<Date>) -> Vec<TimeExpr> {
    tag_with(grammar(None), text, tokens, sentences, anchor, &[])
}

/// [`tag_times`] in the grammar `g`, where the text in each span of `sent` (a message) counts
/// from the date beside it; in nested spans (a quoted reply) the innermost one's.
fn tag_with(
    g: &Grammar,
    text: &str,
    tokens: &[Token],
    sentences: &[Span],
    anchor: Option<Date>,
    sent: &[(Span, Date)],
) -> Vec<TimeExpr> {
    let mut found: Vec<Item> = Vec::new();
    let mut atoms: Vec<Atom> = Vec::new();
    let mut scratch = Scratch::default();
    // A first pass looks only for anchors (digits, month names, units...), which every match
    // contains; the rules run in a small window around them.
    let n = tokens.len();
    let mut k = 0;
    while k < n {
        if !g.is_anchor(text, &tokens[k]) {
            k += 1;
            continue;
        }
        // windows may overlap: what the last one found is off limits to this one
        let lo = k.saturating_sub(MARGIN);
        let mut hi = (k + 1 + MARGIN).min(n);
        let mut j = k + 1;
        while j < hi {
            // a window past its size ends where a sentence starts: a text of nothing but dates
            // made one window of all its tokens, and the matcher's candidates took hundreds of
            // megabytes
            if j - lo > MAX_WINDOW && sentence_starts_at(sentences, tokens[j].span.start) {
                hi = j;
                break;
            }
            if g.is_anchor(text, &tokens[j]) {
                hi = (j + 1 + MARGIN).min(n);
            }
            j += 1;
        }
        atoms.clear();
        matcher::push_atoms(text, &tokens[lo..hi], &mut atoms);
        let taken = found.last().map_or(0, |it| it.span.end);
        let floor = atoms.partition_point(|a| (a.start as usize) < taken);
        Window { g, atoms: &atoms, m: Matcher { g, text, atoms: &atoms } }.run(floor, &mut scratch, &mut found);
        k = hi;
    }
    let doc = Doc {
        g,
        text,
        tokens,
        sentences,
        word_ids: vec![Cell::new(UNSEEN); tokens.len()],
        title_case_memo: Cell::new(None),
    };
    // dropped before resolving, so that "Daily News" is no date to count "the next day" from
    found.retain(|it| {
        !doc.period_of_a_match(it)
            && !doc.in_name(it.span)
            && !doc.names_a_periodical(it.span)
            && !doc.month_in_name(it.span)
            && !doc.before_past(it.span)
            && !doc.short_year_in_title(it)
            && !doc.now_in_compound(it.span)
            && !doc.year_in_code(it)
            && !doc.house_number(it)
            && !doc.capitalized_calendar_name(it.span)
    });
    if found.is_empty() {
        return Vec::new();
    }
    days_of_a_year_after(text, compound_durations(g, text, doc.resolve(&found, anchor, sent)))
}

/// True when one of `sentences` (in text order) starts at byte `at`.
fn sentence_starts_at(sentences: &[Span], at: usize) -> bool {
    sentences.binary_search_by_key(&at, |s| s.start).is_ok()
}

/// A day named without its year and a relative year right after it are one day of that year
/// ("New Year's Eve last year", "Christmas Day next year"), as "January 20 last year" is.
fn days_of_a_year_after(text: &str, times: Vec<TimeExpr>) -> Vec<TimeExpr> {
    let mut out: Vec<TimeExpr> = Vec::with_capacity(times.len());
    for t in times {
        if let Some(prev) = out.last_mut()
            && prev.ty == TimeType::Date
            && t.ty == TimeType::Date
            && text[prev.span.end..t.span.start] == *" "
            && !text[prev.span.start..prev.span.end].contains(|c: char| c.is_ascii_digit())
            && ["last year", "next year", "this year"]
                .iter()
                .any(|y| text[t.span.start..t.span.end].eq_ignore_ascii_case(y))
            && prev.value.len() == 10
            && t.value.len() == 4
            && t.value.bytes().all(|b| b.is_ascii_digit())
        {
            prev.value = format!("{}{}", t.value, &prev.value[4..]);
            prev.span = Span::new(prev.span.start, t.span.end);
            continue;
        }
        out.push(t);
    }
    out
}

/// "four years and six months", "two hours and 51 minutes": two lengths joined by "and" (the
/// grammar's class `numand`), the second in smaller units, are one (P4Y6M, PT2H51M), as TimeML
/// writes "a minute and a half".
fn compound_durations(g: &Grammar, text: &str, times: Vec<TimeExpr>) -> Vec<TimeExpr> {
    // (count, unit rank) of a plain length: P4Y, P6M, PT2H, PT51M; none with X or a fraction
    fn parts(v: &str) -> Option<Vec<(&str, usize)>> {
        let v = v.strip_prefix('P')?;
        let (date, time) = v.split_once('T').unwrap_or((v, ""));
        let mut out = Vec::new();
        for (s, units) in [(date, "YMWD"), (time, "HMS")] {
            let mut rest = s;
            while !rest.is_empty() {
                let n = rest.find(|c: char| !c.is_ascii_digit()).filter(|&n| n > 0)?;
                let rank = units.find(rest[n..].chars().next()?)? + if units == "HMS" { 4 } else { 0 };
                out.push((&rest[..n], rank));
                rest = &rest[n + 1..];
            }
        }
        (!out.is_empty()).then_some(out)
    }
    let mut out: Vec<TimeExpr> = Vec::with_capacity(times.len());
    for t in times {
        if let Some(prev) = out.last_mut()
            && prev.ty == TimeType::Duration
            && t.ty == TimeType::Duration
            && g.in_class(g.lookup(text[prev.span.end..t.span.start].trim()), g.cls.numand)
            && let (Some(a), Some(b)) = (parts(&prev.value), parts(&t.value))
            && a.iter().map(|p| p.1).max() < b.iter().map(|p| p.1).min()
        {
            // (ISO 8601 writes weeks alone: "three weeks and a day" is P22D)
            let mut all: Vec<(u64, usize)> =
                a.iter().chain(&b).filter_map(|&(n, r)| Some((n.parse().ok()?, r))).collect();
            if let [(w, 2), (d, 3), ..] = all[..] {
                all.splice(0..2, [(7 * w + d, 3)]);
            }
            let mut value = String::from("P");
            for (k, &(n, rank)) in all.iter().enumerate() {
                if rank >= 4 && (k == 0 || all[k - 1].1 < 4) {
                    value.push('T');
                }
                value.push_str(&n.to_string());
                value.push(['Y', 'M', 'W', 'D', 'H', 'M', 'S'][rank]);
            }
            prev.value = value;
            prev.span = Span::new(prev.span.start, t.span.end);
            continue;
        }
        out.push(t);
    }
    out
}

/// The publication date a dateline gives ("LONDON, July 23 (Reuters) -", "June 5, 2018 —"),
/// as `YYYY-MM-DD`; a date without its year takes the year nearest `anchor` (`YYYY-MM-DD`),
/// and without an anchor it gives nothing. The dateline is one of the first lines (after a
/// headline and a byline): a date at the start of the line or after a place name and a comma,
/// followed by a dash, a bracket or the end of the line.
pub fn dateline_date(text: &str, anchor: Option<&str>) -> Option<String> {
    dateline_with(grammar(None), text, anchor, &crate::mail::headers(text))
}

/// [`dateline_date`] in the grammar `g`, given the text's message headers (see
/// [`crate::mail::headers`]).
fn dateline_with(g: &Grammar, text: &str, anchor: Option<&str>, headers: &[crate::mail::Header]) -> Option<String> {
    if let Some(d) = headers.first().and_then(|first| header_date(text, first, anchor)) {
        return Some(d);
    }
    let (mut rest, mut offset, mut lines) = (text, 0, 0);
    while lines < 4 && offset < 600 && !rest.is_empty() {
        let line_end = rest.find('\n').unwrap_or(rest.len());
        let line = rest[..line_end].trim_end();
        rest = &rest[(line_end + 1).min(rest.len())..];
        offset += line_end + 1;
        if line.trim().is_empty() {
            continue;
        }
        lines += 1;
        if let Some(d) = dateline_of(g, line, anchor) {
            return Some(d);
        }
    }
    None
}

/// The sent date of a message that opens with its header block, from its "Date:" header
/// ("Date: Tue, 14 May 2024 09:12:44 +0200") or Outlook's "Sent:" ("Sent: Tuesday, May 14,
/// 2024 9:12 AM"), when `first`, the text's first header, opens it.
fn header_date(text: &str, first: &crate::mail::Header, anchor: Option<&str>) -> Option<String> {
    // (a chat export is a log of many days, none its date)
    if first.chat {
        return None;
    }
    // (after nothing but a forward's or a reply's rule: "---------- Forwarded message ---------")
    let before = text[..first.span.start].trim();
    let rule = ["Forwarded message", "Original Message", "Begin forwarded message:"]
        .iter()
        .fold(before.to_string(), |b, words| b.replace(words, ""));
    if rule.chars().any(char::is_alphanumeric) {
        return None;
    }
    sent_date(first.date?.of(text), anchor.and_then(parse_date)).map(|d| d.to_string())
}

/// The day a header's date value gives ("Tue, 14 May 2024 09:12:44 +0200", "On Tue, 14 May
/// 2024 at 09:12, Ann Lee wrote:"); a value without a year takes the one nearest `anchor`.
fn sent_date(value: &str, anchor: Option<Date>) -> Option<Date> {
    // (in the default language's grammar: mail headers are written in English's conventions)
    let (_, times) = times_of_line(grammar(None), value, anchor);
    // a day, also of a clock time ("2024-05-14T09:12"); `parse_date` refuses unknown parts
    times.iter().find_map(day_of).and_then(parse_date)
}

/// The three numbers of a chat line's numeric date ("12/03/2024, 21:14": 12, 3, 2024).
fn chat_numbers(value: &str) -> Option<(u16, u16, u16)> {
    let date = value.split([',', ' ']).next()?;
    let mut parts = date.split(['/', '.', '-']).map(|p| p.parse::<u16>().ok());
    Some((parts.next()??, parts.next()??, parts.next()??))
}

/// The day, month and year of a chat line's numeric date ("12/03/2024, 21:14", "3/12/24 9:14
/// PM"), day first or month first.
fn chat_date(value: &str, day_first: bool) -> Option<Date> {
    let (a, b, y) = chat_numbers(value)?;
    let (d, m) = if day_first { (a, b) } else { (b, a) };
    let y = if y < 100 { 2000 + i32::from(y) } else { i32::from(y) };
    resolve::date(y, u8::try_from(m).ok()?, u8::try_from(d).ok()?)
}

/// Whether a chat export writes its dates day first: when one of them can only be read so
/// (13/03/2024); else month first when one can only be read that way or the clock has AM and
/// PM (as American exports write "3/12/24, 9:14 PM"); else day first.
fn chat_day_first(text: &str, headers: &[crate::mail::Header]) -> bool {
    let (mut dmy, mut mdy, mut meridiem) = (false, false, false);
    for value in headers.iter().filter(|h| h.chat).filter_map(|h| h.date.map(|d| d.of(text))) {
        let (a, b, _) = chat_numbers(value).unwrap_or((0, 0, 0));
        dmy |= a > 12;
        mdy |= b > 12;
        meridiem |= value.ends_with('M') || value.ends_with('m');
    }
    dmy || !mdy && !meridiem
}

/// The day of a time expression's value that names one ("2024-05-14", "2024-05-14T09:12").
fn day_of(t: &TimeExpr) -> Option<&str> {
    t.value.get(..10).filter(|day| parse_date(day).is_some())
}

/// The time expressions of the first 160 bytes of one line, and those bytes.
fn times_of_line<'a>(g: &Grammar, line: &'a str, anchor: Option<Date>) -> (&'a str, Vec<TimeExpr>) {
    let head = &line[..line.floor_char_boundary(160)];
    let tokens = crate::segment::tokenize(head);
    (head, tag_with(g, head, &tokens, &[Span::new(0, head.len())], anchor, &[]))
}

/// The date of one line that has the shape of a dateline.
fn dateline_of(g: &Grammar, line: &str, anchor: Option<&str>) -> Option<String> {
    let (head, times) = times_of_line(g, line, anchor.and_then(parse_date));
    let t = times.first()?;
    let v = &t.value;
    let after = head[t.span.end..].trim_start_matches([' ', ',']);
    let marked = ["(", "-", "\u{2014}", "\u{2013}", "/"].iter().any(|m| after.starts_with(m)) || after.is_empty();
    let is_day = v.len() == 10 && v.as_bytes()[4] == b'-' && !v.contains('X');
    let placed = place_before(&head[..t.span.start]);
    if t.ty == TimeType::Date && is_day && marked && placed && t.span.start < 80 {
        return Some(v.clone());
    }
    // a transcript's or a statement's day and hour after its place ("Held at Ardenport Police
    // Headquarters, Wednesday 12 November 2025, 4pm"), the month by its name
    // (a word of three letters or more: not the "pm" of "12/11/2025, 4pm")
    let named_month = head[t.span.start..t.span.end].split(|c: char| !c.is_alphabetic()).any(|w| w.len() >= 3);
    if t.ty == TimeType::Time && after.is_empty() && held_at(&head[..t.span.start]) && named_month && t.span.start < 80
    {
        return day_of(t).map(str::to_string);
    }
    if let Some(day) = byline_day(line, head, &times) {
        return Some(day);
    }
    // a whole line, not the start of a long one
    (head.len() == line.len()).then(|| stamp_date(head, &times)).flatten()
}

/// The day a byline line ends with: "By Ann Lee, 11 Feb 2025", "Thread by @ann_lee (Ann Lee),
/// 11 Feb 2025", "Posted by Ann Lee on 11 February 2025": the line opens with "By" or with a
/// byline's word and "by" (not a headline's verb: "Stopped by police on 11 Feb 2025"), and a full
/// date after a comma, a bar, a dash or "on" ends it.
fn byline_day(line: &str, head: &str, times: &[TimeExpr]) -> Option<String> {
    const BEFORE_BY: &[&str] = &["thread", "posted", "written", "words", "story", "report", "filed"];
    let mut words = head.split_whitespace();
    let (first, second) = (words.next()?, words.next().unwrap_or(""));
    // ("By 2030 ...", "By the end of ...", "By Order of the court" are no bylines)
    let named = second.starts_with(|c: char| c.is_uppercase() || c == '@')
        && !["The", "A", "An", "This", "That", "Order", "Royal"].contains(&second);
    let byline = first.eq_ignore_ascii_case("by") && first.starts_with('B') && named
        || second == "by" && BEFORE_BY.iter().any(|w| first.eq_ignore_ascii_case(w));
    if !byline || head.len() != line.len() {
        return None;
    }
    let t = times.last()?;
    let day = day_of(t).filter(|d| d.len() == t.value.len())?;
    // (with the month's name: "11/02/2025" may be either day)
    if !head[t.span.start..t.span.end].contains(char::is_alphabetic) {
        return None;
    }
    let before = head[..t.span.start].trim_end();
    let marked = before.ends_with([',', '|', '-', '\u{2014}', '\u{2013}', '\u{b7}'])
        || before.rsplit(' ').next().is_some_and(|w| w.eq_ignore_ascii_case("on"));
    (marked && head[t.span.end..].trim().is_empty()).then(|| day.to_string())
}

/// The date of a web page's timestamp line: dates and clock times with nothing around them
/// but a label ("22 March 2013 Last updated at 14:05 GMT", "Published: 14 May 2024 | Updated:
/// 15 May 2024", "Posted on May 14, 2024 at 9:12 pm"). The day a "published" or "posted"
/// label names comes first, else the first day. "Date:" is no label, as a notice's "Date: 14
/// June" more often gives its event's. A press release's "For immediate release: 9 October
/// 2025" or "Embargoed until 00:01 on 9 October 2025" is its publication.
fn stamp_date(head: &str, times: &[TimeExpr]) -> Option<String> {
    const LABELS: &[&str] = &[
        "published",
        "posted",
        "first",
        "last",
        "updated",
        "modified",
        "on",
        "at",
        "and",
        "for",
        "immediate",
        "release",
        "embargoed",
        "embargo",
        "until",
    ];
    // the words of a stretch between times, all labels; whether a publishing label is the last one
    // ("for", "immediate" and "until" only beside a release's label: "Until 9 October 2025" alone
    // is an exhibition's run)
    let mut release_words = false;
    let mut labels = |gap: &str, published: &mut bool| {
        for w in gap.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()) {
            let w = w.to_lowercase();
            if !LABELS.contains(&w.as_str()) {
                return false;
            }
            release_words |= ["for", "immediate", "until"].contains(&w.as_str());
            match w.as_str() {
                "published" | "posted" | "release" | "embargoed" | "embargo" => *published = true,
                "updated" | "modified" => *published = false,
                _ => {}
            }
        }
        true
    };
    let mut days: Vec<(&str, bool)> = Vec::new(); // a day, and whether a publishing label names it
    let (mut from, mut published) = (0, false);
    for t in times {
        if !labels(&head[from..t.span.start.max(from)], &mut published) {
            return None;
        }
        from = from.max(t.span.end);
        if let Some(day) = day_of(t) {
            days.push((day, published));
            published = false;
        }
    }
    if !labels(&head[from..], &mut published) {
        return None;
    }
    if release_words && !days.iter().any(|d| d.1) {
        return None;
    }
    days.iter().find(|d| d.1).or(days.first()).map(|d| d.0.to_string())
}

/// True when what precedes a dateline's date is nothing, or a place name and a comma
/// ("ARDENPORT, ", "New York, "), itself at the start of the line or after a separator.
fn place_before(before: &str) -> bool {
    let before = before.trim();
    if before.is_empty() {
        return true;
    }
    let Some(place) = before.strip_suffix(',') else { return false };
    let words: Vec<&str> = place.split_whitespace().collect();
    // walk back over capitalized words, at most four of them
    let mut k = words.len();
    while k > 0 && words.len() - k < 4 && words[k - 1].chars().next().is_some_and(char::is_uppercase) {
        k -= 1;
    }
    if k == words.len() {
        return false;
    }
    // the place starts the line, or follows something that is not a word ("Press note — Tessavar,")
    k == 0 || !words[k - 1].chars().any(char::is_alphanumeric)
}

/// True when `before` (a line up to its date) says where a transcript's or a statement's words
/// were given, its verb first: "Held at Ardenport Police Headquarters,", "Recorded in Kell,"
/// (not "Born in Kell,", nor an event's "Concert in Hyde Park,").
fn held_at(before: &str) -> bool {
    const HELD: &[&str] =
        &["Held", "Recorded", "Given", "Delivered", "Issued", "Made", "Filed", "Taken", "Signed", "Sworn"];
    let Some(place) = before.trim().strip_suffix(',') else { return false };
    let words: Vec<&str> = place.split_whitespace().collect();
    words.len() >= 3
        && words.len() <= 6
        && HELD.contains(&words[0])
        && ["at", "in"].contains(&words[1])
        && words[2..].iter().enumerate().all(|(k, w)| w.starts_with(char::is_uppercase) || k == 0 && *w == "the")
        && words.last().is_some_and(|w| w.starts_with(char::is_uppercase))
}

/// One expression found: byte span, type bit and meaning.
#[derive(Debug, Clone)]
struct Item {
    span: Span,
    ty: u8,
    sem: Sem,
}

/// One expression inside a window: atom range.
#[derive(Debug, Clone)]
struct Local {
    start: usize,
    end: usize,
    ty: u8,
    weak: bool,
    sem: Sem,
}

/// Buffers reused from window to window.
#[derive(Default)]
struct Scratch {
    cands: Vec<(usize, usize, u16)>,
    found: Vec<matcher::Found>,
    items: Vec<Local>,
}

/// The atoms around some anchors, where the rules run.
struct Window<'a> {
    g: &'a Grammar,
    atoms: &'a [Atom],
    m: Matcher<'a>,
}

impl Window<'_> {
    /// Finds the expressions of the window that start at atom `floor` or later.
    fn run(&self, floor: usize, scratch: &mut Scratch, out: &mut Vec<Item>) {
        let Scratch { cands, found, items } = scratch;
        self.m.scan(floor, cands, found);
        items.clear();
        for f in found.iter() {
            let rule = &self.g.rules[f.rule as usize];
            let Kind::Expr(ty) = rule.kind else { continue };
            let mut sem = meaning(rule.act, &rule.args, &f.caps);
            if sem == Sem::Nothing {
                continue;
            }
            let mut ty = ty;
            if let Sem::Dur { n: Some(n), unit } = sem
                && n == 1.0
                && self.rate_after_count(f.start, f.end)
            {
                (sem, ty) = (Sem::SetDur { n: Some(1.0), unit }, T_SET);
            }
            let item = Local { start: f.start, end: f.end, ty, weak: rule.weak, sem };
            // neighbours that make one expression: "Friday, Oct. 23", "Tuesday night", "5 p.m. EST, Nov. 6",
            // "the evening of April 4"
            if let Some(prev) = items.last_mut()
                && !self.paragraph_between(prev.end, item.start)
                && !(self.line_between(prev.end, item.start) && matches!(item.sem.free_tod(), Some(Tod::Clock(..))))
                && (self.adjacent(prev.end, item.start)
                    || self.clock_on_day(prev, &item)
                    || self.part_of_day(prev, &item))
                && let Some((mut sem, mut ty)) = join(&prev.sem, &item.sem)
            {
                // "Friday night" is the date of that Friday: some parts of a day add nothing (but
                // a clock time does: "10pm last night")
                let podday = self.g.cls.podday;
                if let Sem::At { day, tod: Tod::Part(_) } = &sem
                    && (self.g.in_class(self.m.word(item.end - 1), podday)
                        || self.g.in_class(self.m.word(prev.end - 1), podday))
                {
                    sem = (**day).clone();
                    ty = T_DATE;
                }
                prev.sem = sem;
                prev.ty = ty;
                prev.end = item.end;
                prev.weak = false;
                continue;
            }
            items.push(item);
        }
        items.retain(|it| !it.weak);
        self.modifiers(floor, items);
        self.range_partners(floor, items);
        for it in items.drain(..) {
            let span = Span::new(self.atoms[it.start].start as usize, self.atoms[it.end - 1].end as usize);
            out.push(Item { span, ty: it.ty, sem: it.sem });
        }
    }

    /// Adds the other day of a range that shares a date's month ("2 and 4 March", "4-5 June",
    /// "April 24 and 25"): TimeML marks each day, and the bare number names no month itself.
    fn range_partners(&self, floor: usize, items: &mut Vec<Local>) {
        let (g, text) = (self.g, self.m.text);
        let day_at = |i: usize| match self.atoms.get(i).filter(|a| a.digit).map(|a| a.text(text)) {
            Some(t) => match matcher::digit_shape(Shape::Day, t) {
                Some(Val::Int(d)) => Some(d as u8),
                _ => None,
            },
            None => None,
        };
        let is = |i: usize, c: u16| self.atoms.get(i).is_some_and(|a| g.in_class(a.word(g, text), c));
        let taken = |i: usize| items.iter().any(|it| (it.start..it.end).contains(&i));
        let mut partners = Vec::new();
        for it in items.iter() {
            let Sem::Cal { y, m, d: day @ 1.. } = it.sem else { continue };
            // the day at atom `at`, if it is one and free, with the month and year of `it`
            let partner = |at: usize| {
                let d = day_at(at).filter(|_| !taken(at))?;
                Some(Local { start: at, end: at + 1, ty: T_DATE, weak: false, sem: Sem::Cal { y, m, d } })
            };
            // the day before the link, when the date opens with its day ("2 and 4 March")
            if it.start >= floor + 2
                && day_at(it.start) == Some(day)
                && is(it.start - 1, g.cls.dayrange)
                && let Some(p) = partner(it.start - 2)
            {
                partners.push(p);
            }
            // the day after the link, when the date ends with its day and what follows the
            // number cannot be what it counts ("April 24 and 25 in Brussels", not "May 3 and 4
            // people")
            let after = it.end + 2;
            if day_at(it.end - 1) == Some(day)
                && is(it.end, g.cls.dayrange)
                && (after >= self.atoms.len()
                    || is(after, g.cls.afterday)
                    || self.atoms[after].text(text).starts_with(|c: char| c.is_ascii_punctuation()))
                && let Some(p) = partner(it.end + 1)
            {
                partners.push(p);
            }
        }
        if !partners.is_empty() {
            items.append(&mut partners);
            items.sort_by_key(|it| it.start);
        }
    }

    /// True for a clock time and the day after it across one word of class `clockday` ("at
    /// 10.30am on Tuesday"), which make one expression; a part of a day does not join that way
    /// ("a great night on Saturday").
    fn clock_on_day(&self, time: &Local, day: &Local) -> bool {
        matches!(time.sem.free_tod(), Some(Tod::Clock(..))) && self.across(time.end, day.start, self.g.cls.clockday)
    }

    /// True for a part of a day and what follows it across one word of class `podof` ("the
    /// evening of April 4"; `join` keeps only a day); not for a part that adds nothing to its day
    /// (`podday`: TimeBank marks "Friday, Oct. 23" in "the night of Friday, Oct. 23").
    fn part_of_day(&self, part: &Local, day: &Local) -> bool {
        matches!(part.sem.free_tod(), Some(Tod::Part(_)))
            && !self.g.in_class(self.m.word(part.end - 1), self.g.cls.podday)
            && self.across(part.end, day.start, self.g.cls.podof)
    }

    /// The text between an atom range ending at `a` and atom `b`.
    fn gap(&self, a: usize, b: usize) -> &str {
        match (a.checked_sub(1).and_then(|a| self.atoms.get(a)), self.atoms.get(b)) {
            (Some(x), Some(y)) => self.m.text.get(x.end as usize..y.start as usize).unwrap_or(""),
            _ => "",
        }
    }

    /// True when "a" or "per" at atom `a` follows a count of things, a number and a plural noun
    /// within six words before it ("120 tonnes of nitrogen oxides a year", "hundreds of
    /// interviews a day", "50,000 CDs a year"): "a year" is then a rate, a recurrence (SET), as
    /// the rules read it after a price or a listed noun ("$2 million a year", "300 flights a
    /// week"). Not after a singular word ("it rose 5 percent in a year" reads "in"), nor before
    /// a word that makes it a date ("300 employees a year after opening", "a lead in delegates
    /// a month into the contest").
    fn rate_after_count(&self, a: usize, end: usize) -> bool {
        let text = self.m.text;
        let word = |i: usize| self.atoms[i].text(text);
        if a < 2 || !matches!(word(a).to_ascii_lowercase().as_str(), "a" | "an" | "per") {
            return false;
        }
        const DATING: &[&str] = &["after", "before", "later", "earlier", "from", "since", "into", "of", "ago"];
        if end < self.atoms.len() && DATING.contains(&word(end).to_ascii_lowercase().as_str()) {
            return false;
        }
        // a plural noun, also of capitals ("CDs", "hundreds of interviews"; a listed noun that
        // is no plural, "people", is the grammar's own rule of rates)
        let prev = word(a - 1);
        let plural = prev.len() >= 3
            && prev.chars().all(char::is_alphabetic)
            && prev.ends_with('s')
            && !["ss", "us", "is"].iter().any(|x| prev.ends_with(x));
        if !plural {
            return false;
        }
        let cls = &self.g.cls;
        (a.saturating_sub(7)..a - 1).any(|i| {
            let w = self.m.word(i);
            self.atoms[i].digit
                || [cls.num, cls.tens, cls.scale].iter().any(|&c| self.g.in_class(w, c))
                || ["hundreds", "thousands", "millions", "dozens", "billions"]
                    .contains(&word(i).to_ascii_lowercase().as_str())
        })
    }

    /// True when a blank line lies between an atom range ending at `a` and atom `b`: a
    /// heading's date and the clock time that opens the next paragraph are two expressions.
    fn paragraph_between(&self, a: usize, b: usize) -> bool {
        let lines: Vec<&str> = self.gap(a, b).split('\n').collect();
        lines.len() > 2 && lines[1..lines.len() - 1].iter().any(|line| line.trim().is_empty())
    }

    /// True when a line break lies between an atom range ending at `a` and atom `b`: a date
    /// and a clock time that opens the next line ("Saturday 15 March 2025" + "17:42 Police
    /// say") are two expressions too.
    fn line_between(&self, a: usize, b: usize) -> bool {
        self.gap(a, b).contains('\n')
    }

    /// True when atom `b` follows an atom range ending at `a` directly or after one joining word.
    fn adjacent(&self, a: usize, b: usize) -> bool {
        b == a || self.across(a, b, self.g.cls.join)
    }

    /// True when atom `b` follows an atom range ending at `a` after exactly one word of class `c`.
    fn across(&self, a: usize, b: usize, c: u16) -> bool {
        b == a + 1 && self.g.in_class(self.m.word(a), c)
    }

    /// Widens each expression over the modifiers before and after it ("early", "about", "or so").
    fn modifiers(&self, taken: usize, items: &mut [Local]) {
        let g = self.g;
        let mut caps = [Val::None; MAX_CAPS];
        for k in 0..items.len() {
            let floor = if k == 0 { taken } else { items[k - 1].end };
            let (start, ty) = (items[k].start, items[k].ty);
            let mut best = start;
            // most expressions have no modifier: one look at the word before settles it
            let pre = start > floor && {
                let w = self.m.word(start - 1);
                w != NO_WORD && g.words[w as usize].pre_end
            };
            for &r in if pre { &g.pre[..] } else { &[] } {
                let rule = &g.rules[r as usize];
                let Kind::Pre(mask) = rule.kind else { continue };
                // cheap test first: the modifier's last word must be just before the expression
                if mask & ty == 0 || start == 0 || !self.m.ends_at(rule, start - 1) {
                    continue;
                }
                for from in floor.max(start.saturating_sub(4))..best {
                    if self.m.match_rule(rule, from, &mut caps) == Some(start) {
                        best = from;
                        break;
                    }
                }
            }
            items[k].start = best;
            let ceiling = items.get(k + 1).map_or(self.atoms.len(), |n| n.start);
            let end = items[k].end;
            for &r in &g.post {
                let rule = &g.rules[r as usize];
                let Kind::Post(mask) = rule.kind else { continue };
                if mask & ty != 0
                    && let Some(e) = self.m.match_rule(rule, end, &mut caps)
                    && e <= ceiling
                    && e > items[k].end
                {
                    items[k].end = e;
                }
            }
        }
    }
}

/// The whole document, for what needs more than a window: the tense of a sentence, the order
/// of numeric dates, the anchoring in text order.
struct Doc<'a> {
    g: &'a Grammar,
    text: &'a str,
    tokens: &'a [Token],
    sentences: &'a [Span],
    /// Each token's word id once looked up ([`UNSEEN`] before): the tense of one expression
    /// reads a dozen words around it, each several times.
    word_ids: Vec<Cell<u32>>,
    /// The last token range [`Doc::title_case`] read, and what it found.
    title_case_memo: Cell<Option<(usize, usize, bool)>>,
}

/// A token whose word id is not looked up yet.
const UNSEEN: u32 = NO_WORD - 1;

impl Doc<'_> {
    fn resolve(&self, items: &[Item], mut anchor: Option<Date>, sent: &[(Span, Date)]) -> Vec<TimeExpr> {
        let slash =
            if items.iter().any(|it| has_slash(&it.sem)) { self.slash_order(anchor) } else { self.g.slash_order };
        let mut ctx = Ctx { dct: anchor, last: None, last_day: None, last_quarter: None, slash };
        // A text with no date of its own (a witness statement, a letter, a memo) is read as a
        // narrative (see `narrative`) rather than leaving its days unknown.
        let narrative = anchor.is_none();
        // A day named inside a quotation there is what someone said, not where the story is
        // ("he owes me three grand by Friday. The next morning I told ..."). (In news the
        // quotation's days are more often the story's: 16 of the 924 PolNeAR texts' values
        // change, as many worse as better.)
        // (closed double quotations only: a stray mark would hold the rest of its paragraph)
        let quoted: Vec<Span> = if narrative {
            let quotes = crate::quotes::marks::find_quotes(self.text, self.tokens);
            quotes.iter().filter(|q| q.double && q.close.is_some()).map(|q| q.inner).collect()
        } else {
            Vec::new()
        };
        let mut out = Vec::with_capacity(items.len());
        // the sentence of the day last mentioned, and of the point last mentioned
        let mut day_sentence = 0;
        let mut point_sentence: Option<usize> = None;
        // an item merged into the one before it ("the day before" + "last Tuesday")
        let mut merged = usize::MAX;
        // a past year that opens a sentence ("In 2012, ...", "Eight years ago, ..."), and the
        // sentence: the bare months after it in that sentence are of that year
        let mut fronted_year: Option<(usize, i32)> = None;
        // a past year that names an event ("in his 2008 campaign", "the 2008 primary contest"),
        // and its sentence: a bare month there in a past clause is of that year ("lost more
        // contests than he won between early March and June"); not a year after a preposition
        // ("was extradited in 2014 and pleaded guilty in May" means this May)
        let mut sentence_year: Option<(usize, i32)> = None;
        // the last bare day or month found without a year: its output index and point, and the
        // item's index ("between January 1 and September 26")
        let mut open_range: Option<(usize, Point, usize)> = None;
        let document_date = anchor;
        // the day of the last date that is a heading of its own ("Saturday 15 March 2025"), and
        // of the last day named when its month and day were written out
        let mut heading_day: Option<Date> = None;
        let mut written_day: Option<Date> = None;
        for (i, it) in items.iter().enumerate() {
            if i == merged {
                continue;
            }
            if !sent.is_empty() {
                let message = sent.iter().rfind(|(m, _)| m.start <= it.span.start && it.span.start < m.end);
                anchor = message.map_or(document_date, |&(_, day)| Some(day));
                ctx.dct = anchor;
            }
            // "the day before last Tuesday's hearing", "the day after Christmas": one expression,
            // counted from the day that follows it rather than from the day last mentioned
            if let Some((span, value, point)) = self.day_before_a_day(it, items.get(i + 1), &ctx) {
                merged = i + 1;
                day_sentence = self.sentence_of(span);
                point_sentence = Some(day_sentence);
                ctx.note(point);
                out.push(TimeExpr { span, ty: TimeType::Date, value });
                continue;
            }
            let tense = self.item_tense(&it.sem, it.span, ctx.dct);
            let sentence = self.sentence_of(it.span);
            // a clock time far from the day last named is on a day named after it in its
            // sentence ("10:35 a.m. (0735 GMT) Friday"); failing that, one that heads a
            // paragraph of its own ("12:50 p.m." in a live blog) is on the document's day, and
            // one inside a story's sentence ("heard gunfire about 9:42 p.m.") on the day last named
            let clock = match it.sem {
                Sem::Tod { tod: Tod::Clock(h, _), day: DayRef::Ref } => Some(h),
                _ => None,
            };
            let far = clock.is_some() && sentence > day_sentence + 1;
            let day = if far { self.day_later_in_sentence(&items[i + 1..], sentence, &ctx) } else { None };
            // the first of a range of clock times is on the day of the second, or on the day
            // before when the range passes midnight ("between midnight and 3am on Tuesday",
            // "from 10pm until 6am on Saturday")
            let day = day.or_else(|| {
                let next = items.get(i + 1)?;
                let gap = self.text.get(it.span.end..next.span.start).map_or("", str::trim);
                let Sem::At { tod: Tod::Clock(h2, _), .. } = next.sem else { return None };
                if !["and", "to", "until", "till", "-", "\u{2013}"].contains(&gap) {
                    return None;
                }
                let d = self.day_later_in_sentence(std::slice::from_ref(next), sentence, &ctx)?;
                if clock? >= h2 { d.yesterday().ok() } else { Some(d) }
            });
            // "since Jan. 1" is the last one however far back, where a past verb alone yields to a
            // much nearer date ahead
            let since = match (&it.sem, anchor) {
                (&Sem::Cal { y: None, m, d }, Some(dct)) if self.after_pastprep(it.span) => {
                    resolve::year_before(dct, m, d).map(|y| Sem::Cal { y: Some(y), m, d })
                }
                _ => None,
            };
            // "In 2012, the campaign spent millions on ads beginning in April"
            let of_fronted_year = match (&it.sem, fronted_year, sentence_year) {
                (&Sem::Month { m, dir: Dir::Auto }, Some((s, y)), _) if s == sentence => {
                    Some(Sem::Cal { y: Some(y), m, d: 0 })
                }
                (&Sem::Month { m, dir: Dir::Auto }, _, Some((s, y))) if s == sentence && tense == Tense::Past => {
                    Some(Sem::Cal { y: Some(y), m, d: 0 })
                }
                _ => None,
            };
            // "Cruz's chances of winning in November": with no tense (or only a report too far to
            // be its verb), the month of elections in a sentence about the race is the election's
            let of_election = match (&it.sem, anchor, self.g.elections) {
                (&Sem::Month { m, dir: Dir::Auto }, Some(dct), Some((em, every)))
                    if m == em
                        && (tense == Tense::Unknown || (tense == Tense::Past && self.tense_is_weak(it.span)))
                        && self.speaks_of_election(sentence) =>
                {
                    resolve::election_year(dct, m, every).map(|y| Sem::Cal { y: Some(y), m, d: 0 })
                }
                _ => None,
            };
            // the date last mentioned was named in this sentence or the one before
            let named_near = point_sentence.is_some_and(|s| sentence <= s + 1);
            // "Campaigning against Mitt Romney in 2012, he barely mentioned climate change. But soon
            // after Election Day, Mr. Obama interrupted": a holiday in the past is of a past year
            // named in its sentence or the one before, unless its last one was lately ("turned 74
            // on Valentine's Day" four days before the story)
            let of_year_named = match (&it.sem, ctx.last, anchor) {
                (&Sem::Holiday { code, y: None }, Some(p), Some(dct))
                    if tense == Tense::Past
                        && p.year() < i32::from(dct.year())
                        && named_near
                        && !matches!(ctx.resolve(&it.sem, tense), Some((_, Some(Point::Day(d))))
                            if resolve::days_apart(d, dct) <= resolve::LATELY_DAYS) =>
                {
                    Some(Sem::Holiday { code, y: Some(p.year()) })
                }
                _ => None,
            };
            // "in January 2016 ... by the end of the month": the month named in this sentence or
            // the one before, else the document's
            // (a month or a day: after a year or a quarter the month is the document's)
            let near = match it.sem {
                Sem::NearRel { unit, n } => Some(Sem::Rel {
                    unit,
                    n,
                    from_ref: named_near && matches!(ctx.last, Some(Point::Month(..) | Point::Day(_))),
                }),
                _ => None,
            };
            // "on Thursday and Friday", "Thursday through Saturday": a weekday paired with the one
            // just named is the first of its name after it, whatever the tense
            // (a comma too, in a list that ends so: "on Thursday, Friday and Saturday")
            let between = |a: &Item, b: &Item| self.text.get(a.span.end..b.span.start).map_or("", str::trim);
            let listed = || {
                items.get(i + 1).is_some_and(|next| {
                    matches!(next.sem, Sem::Wday { .. })
                        && [",", "and", ", and", "or", ", or"].contains(&between(it, next))
                })
            };
            let paired = match (&it.sem, i.checked_sub(1).map(|k| &items[k]), ctx.last) {
                (&Sem::Wday { w, dir: Dir::Auto }, Some(prev), Some(Point::Day(_)))
                    if matches!(prev.sem, Sem::Wday { w: pw, .. } if pw < w)
                        && (["and", "or", "&", "through", "thru", "to", "until", "-", "\u{2013}"]
                            .contains(&between(prev, it))
                            || (between(prev, it) == "," && listed())) =>
                {
                    Some(Sem::Wday { w, dir: Dir::Follow })
                }
                _ => None,
            };
            // the entries of a timeline ("7 February 2026: Storm Hilde ...", "8-9 February: ...",
            // "Summer: ..."), written in order and often in the present: each in the year that
            // keeps it on or after the date last mentioned
            let month_day = month_and_day(&it.sem);
            let season = matches!(it.sem, Sem::Season { y: None, dir: Dir::Auto, .. });
            let entry = match ctx.last {
                Some(p @ (Point::Day(_) | Point::Month(..)))
                    if (month_day.is_some() || season)
                        && (self.timeline_entry(it.span) || self.in_timeline_entry(it.span)) =>
                {
                    match (month_day, &it.sem) {
                        (Some((m, d)), _) => {
                            let y = p.year();
                            let on_or_after = |y: i32| {
                                let q = if d == 0 {
                                    Some(Point::Month(y, m))
                                } else {
                                    resolve::date(y, m, d).map(Point::Day)
                                };
                                q.is_some_and(|q| !resolve::later(p, q))
                            };
                            Some(Sem::Cal { y: Some(if on_or_after(y) { y } else { y + 1 }), m, d })
                        }
                        (None, &Sem::Season { s, .. }) => Some(Sem::Season { s, y: None, dir: Dir::Same }),
                        _ => None,
                    }
                }
                _ => None,
            };
            // "On Tuesday 11 March ... on the Friday": a weekday after "the" (and before no noun)
            // is the next of its name after the day last named, as in a narrative
            let the_weekday = matches!(it.sem, Sem::Wday { dir: Dir::Auto, .. }) && self.after_the(it.span);
            // (a message of a thread with its sent date is read from that date: a thread after
            // a cover note, "Released under the Freedom of Information Act ...")
            let in_narrative =
                if narrative && anchor.is_none() || the_weekday { Self::narrative(&it.sem, ctx.last) } else { None };
            let sem = since
                .as_ref()
                .or(entry.as_ref())
                .or(paired.as_ref())
                .or(in_narrative.as_ref())
                .or(of_fronted_year.as_ref())
                .or(of_election.as_ref())
                .or(of_year_named.as_ref())
                .or(near.as_ref())
                .unwrap_or(&it.sem);
            // a clock time that heads its paragraph, a live blog's or a log's entry, is on the day
            // of the last date that was a heading of its own, else the document's, however near
            // a day named in the entry before ("15:05 ... on Sunday evening. 14:30 ...", AP's
            // "in the lead up to Tuesday's primary: 9:34 p.m."); a story goes on from a past date
            // written out just before ("The concert on Saturday 15 March ran late. 21:30 The band
            // came on")
            let story_day = written_day.filter(|&d| ctx.last_day == Some(d) && ctx.dct.is_none_or(|t| d <= t));
            let stamp = day.is_none()
                && clock.is_some()
                && self.is_heading(it.span, sentence)
                && (heading_day.is_some() || far || story_day.is_none());
            let day = if stamp { heading_day } else { day };
            let resolved = if day.is_some() || stamp {
                let mut own = ctx.clone();
                own.last_day = day;
                own.resolve(sem, tense)
            } else {
                ctx.resolve(sem, tense)
            };
            let Some((value, point)) = resolved else { continue };
            let (value, point) = match &it.sem {
                _ if !ctx.later_than_today(&it.sem, point, tense) => (value, point),
                // a past that only a report too far to be its verb gives does not tell that the
                // day last named is not the event's ("officials said polls open at 7 a.m. that day")
                _ if it.sem.on_day_last_mentioned() && self.tense_is_weak(it.span) => (value, point),
                Sem::Ago { unit, .. } | Sem::Rel { unit, .. } => (resolve::unknown(*unit).to_string(), None),
                // a time of that day keeps its time ("XXXX-XX-XXTNI")
                _ => (format!("XXXX-XX-XX{}", value.get(10..).unwrap_or("")), None),
            };
            if let Some(Point::Year(y)) = point
                && anchor.is_some_and(|d| y < i32::from(d.year()))
            {
                if self.opens_sentence(it.span, sentence) {
                    fronted_year = Some((sentence, y));
                }
                // a year after a determiner and before an event's name; any other year in the
                // sentence ends its hold ("after the 2008 primaries, he ran in 2012 and won in
                // November")
                let r = self.token_range(it.span);
                let cls = &self.g.cls;
                let names_event = r.start > 0
                    && r.len() == 1
                    && self.g.in_class(self.word(r.start - 1), cls.determiner)
                    && [cls.event, cls.eventadj, cls.dayevent, cls.campaign]
                        .iter()
                        .any(|&c| self.g.in_class(self.word(r.end), c));
                sentence_year = names_event.then_some((sentence, y));
            } else if matches!(point, Some(Point::Year(_))) {
                sentence_year = None;
            }
            // comparisons ("a year ago", "the year-ago quarter") are not what the text goes on about
            // ("the same period last year")
            let comparison = matches!(it.sem, Sem::Ago { unit: Unit::Y, .. } | Sem::RefQ(1..) | Sem::RefQ(..=-1))
                || self.after_same_period(it.span);
            let in_quote = quoted.iter().any(|q| q.start <= it.span.start && it.span.end <= q.end);
            if let Some(p) = point
                && it.ty & (T_DATE | T_TIME) != 0
                && !comparison
                && !in_quote
            {
                if let Point::Day(d) = p {
                    day_sentence = sentence;
                    if clock.is_none() && self.is_heading(it.span, sentence) {
                        heading_day = Some(d);
                    }
                    written_day = written_out(&it.sem).then_some(d);
                }
                point_sentence = Some(sentence);
                ctx.note(p);
            }
            // the start of a range that the text gives in order ("between January 1 and
            // September 26", "from December to March") lies before its end
            let yearless = month_day.is_some();
            if yearless
                && let Some(p) = point
                && let Some((k, q, j)) = open_range
                && j + 1 == i
                && later(q, p)
                && self.range_between(items[j].span, it.span)
                && let Some(e) = year_earlier(q)
            {
                out[k].value = fmt_point(e);
            }
            open_range = match point {
                Some(p) if yearless => Some((out.len(), p, i)),
                _ => None,
            };
            let ty = match it.ty {
                T_TIME => TimeType::Time,
                T_DURATION => TimeType::Duration,
                T_SET => TimeType::Set,
                _ => TimeType::Date,
            };
            // "from 2010-2011": two years, each an expression of its own, as TimeML marks them
            // (a range written short, "2014-15", is one, the first year's)
            if let Some((first, second)) = self.two_full_years(it.span)
                && ty == TimeType::Date
            {
                // the range ends with the second year: "that year" after it is that one
                ctx.note(Point::Year(second.1));
                out.push(TimeExpr { span: first.0, ty, value: fmt_year(first.1) });
                out.push(TimeExpr { span: second.0, ty, value: fmt_year(second.1) });
                continue;
            }
            out.push(TimeExpr { span: it.span, ty, value });
        }
        out
    }

    /// What a bare day, month or weekday of a narrative, a text with no date of its own, means
    /// after the date it named last (`last`): a day or a month is of that date's year, as
    /// HeidelTime reads narratives ("On 11 March 2025 ... on 13 March", "In 2019, in May"), and
    /// a weekday, also with its part of the day, is the next of its name after that day, as a
    /// narrative moves forward ("on 30 December 2024 ... rang on Thursday"). Anything counted
    /// from the day of writing ("today", "last year") stays unknown.
    fn narrative(sem: &Sem, last: Option<Point>) -> Option<Sem> {
        let last = last?;
        if let Some((m, d)) = month_and_day(sem) {
            return Some(Sem::Cal { y: Some(last.year()), m, d });
        }
        match sem {
            &Sem::Wday { w, dir: Dir::Auto } if matches!(last, Point::Day(_)) => {
                Some(Sem::Wday { w, dir: Dir::Follow })
            }
            Sem::At { day, tod } => Some(Sem::At { day: Box::new(Self::narrative(day, Some(last))?), tod: *tod }),
            _ => None,
        }
    }

    /// The two years of a span written as two full years ("1948-1982"), with their spans.
    fn two_full_years(&self, span: Span) -> Option<((Span, i32), (Span, i32))> {
        let (y, z) = matcher::full_years(self.text.get(span.start..span.end)?)?;
        Some(((Span { start: span.start, end: span.start + 4 }, y), (Span { start: span.start + 5, end: span.end }, z)))
    }

    /// "The day before" or "the day after" directly followed by a day (`next`): the span of both,
    /// the value and the day it names.
    fn day_before_a_day(&self, it: &Item, next: Option<&Item>, ctx: &Ctx) -> Option<(Span, String, Point)> {
        let Sem::Rel { unit: Unit::D, from_ref: true, .. } = it.sem else { return None };
        let next = next.filter(|n| n.ty & T_DATE != 0 && self.text[it.span.end..n.span.start].trim().is_empty())?;
        let end = self.token_range(it.span).end;
        if end == 0 || !self.g.in_class(self.word(end - 1), self.g.cls.anchornext) {
            return None;
        }
        let tense = self.item_tense(&next.sem, next.span, ctx.dct);
        let (_, Some(Point::Day(day))) = ctx.clone().resolve(&next.sem, tense)? else { return None };
        let mut own = ctx.clone();
        own.last_day = Some(day);
        let (value, point) = own.resolve(&it.sem, Tense::Unknown)?;
        Some((Span::new(it.span.start, next.span.end), value, point?))
    }

    /// The order of day and month in the document's slashed dates: the one its unambiguous
    /// dates show ("25/12/2020"); else the one that reads an ambiguous date as the document's
    /// own ("Date: 12/05/2021" in a statement of 12 May 2021); else the grammar's.
    fn slash_order(&self, anchor: Option<Date>) -> SlashOrder {
        let (mut dmy, mut mdy) = (0, 0);
        let (mut dmy_today, mut mdy_today) = (0, 0);
        for t in self.tokens.iter().filter(|t| t.kind == TokenKind::Number) {
            let mut parts = t.span.of(self.text).split('/');
            let (Some(x), Some(y), z) = (parts.next(), parts.next(), parts.next()) else { continue };
            let (Ok(x), Ok(y)) = (x.parse::<u32>(), y.parse::<u32>()) else { continue };
            if x > 12 && y <= 12 {
                dmy += 1;
            } else if y > 12 && x <= 12 {
                mdy += 1;
            } else if let (Some(d), Some(Ok(z))) = (anchor, z.map(str::parse::<u32>))
                && x != y
                && z == d.year() as u32
            {
                let today = |day: u32, month: u32| day == d.day() as u32 && month == d.month() as u32;
                dmy_today += usize::from(today(x, y));
                mdy_today += usize::from(today(y, x));
            }
        }
        match (dmy.cmp(&mdy), dmy_today.cmp(&mdy_today)) {
            (std::cmp::Ordering::Greater, _) => SlashOrder::DayFirst,
            (std::cmp::Ordering::Less, _) => SlashOrder::MonthFirst,
            (_, std::cmp::Ordering::Greater) => SlashOrder::DayFirst,
            (_, std::cmp::Ordering::Less) => SlashOrder::MonthFirst,
            _ => self.g.slash_order,
        }
    }

    fn sentence_of(&self, span: Span) -> usize {
        self.sentences.partition_point(|s| s.end <= span.start)
    }

    /// True when the words between two expressions join them into a range that a word before
    /// the first opens ("between January 1 and September 26", "from December to March").
    fn range_between(&self, first: Span, second: Span) -> bool {
        let (a, b) = (self.token_range(first), self.token_range(second));
        let c = self.g.cls;
        a.end + 1 == b.start
            && self.g.in_class(self.word(a.end), c.dayrange)
            && a.start > 0
            && self.g.in_class(self.word(a.start - 1), c.rangeopen)
    }

    /// True when the expression opens its sentence, alone or after a word or two ("In 2012,
    /// ...", "But in 2012, ...", "Eight years ago, ...") and is followed by a comma.
    fn opens_sentence(&self, span: Span, sentence: usize) -> bool {
        let Some(&s) = self.sentences.get(sentence) else { return false };
        let r = self.token_range(span);
        let first = self.tokens.partition_point(|t| t.span.end <= s.start);
        r.start <= first + 2 && self.tokens.get(r.end).is_some_and(|t| t.span.of(self.text) == ",")
    }

    /// The text of the expression's line before it.
    fn line_before(&self, span: Span) -> &str {
        let line = self.text[..span.start].rfind('\n').map_or(0, |i| i + 1);
        &self.text[line..span.start]
    }

    /// True when the expression is in the label of a timeline's entry: at the start of a line
    /// (after a bullet or the other end of a range: "8-9 February") and before a colon that
    /// ends the label soon after ("2 March: Prime Minister Lena Voss visits").
    fn timeline_entry(&self, span: Span) -> bool {
        let head = self.line_before(span);
        let rest = &self.text[span.end..];
        let label = &rest[..rest.find(['\n', ':', '.', ',']).unwrap_or(rest.len())];
        head.chars().all(|c| c.is_whitespace() || c.is_ascii_digit() || "-\u{2013}*\u{2022}".contains(c))
            && label.len() <= 20
            && rest[label.len()..].starts_with(':')
    }

    /// True when the expression is in the text of a timeline's entry, after a label with a
    /// number ("March 2020: Lockdown begins and ridership falls 92% in April"): it goes on
    /// from the label's date.
    fn in_timeline_entry(&self, span: Span) -> bool {
        let head = self.line_before(span);
        head.find(':').is_some_and(|c| {
            let label = head[..c].trim_start();
            label.len() <= 20 && label.contains(|c: char| c.is_ascii_digit()) && !head[c + 1..].contains(':')
        })
    }

    /// True when the expression is all its sentence holds, but for punctuation and up to two
    /// words in capitals (a transcript's "END 11:31 A.M.", "UPDATED 17:42"; not a speaker's
    /// label and answer, "MS VALE: 3 p.m.").
    fn is_heading(&self, span: Span, sentence: usize) -> bool {
        let Some(&s) = self.sentences.get(sentence) else { return false };
        let tokens = &self.tokens[self.token_range(s)];
        let mut capitals = 0;
        // (the words first: most sentences fail at their first word, and a long one would be
        // read whole for each of its expressions)
        let bare = tokens.iter().all(|t| {
            let word = t.span.of(self.text);
            let outside = t.span.end <= span.start || t.span.start >= span.end;
            if outside && t.kind == TokenKind::Word && word.len() > 1 && crate::entities::is_allcaps(word) {
                capitals += 1;
                return capitals <= 2;
            }
            !outside || t.kind == TokenKind::Punct
        });
        let label = || tokens.iter().any(|t| t.kind == TokenKind::Punct && t.span.of(self.text) == ":");
        bare && (capitals == 0 || !label())
    }

    /// The tense that picks the direction of an expression with none of its own: a possessive
    /// weekday by its own rule, others by the verbs around them; with none, past for an
    /// expression that looks behind ("over the weekend").
    fn item_tense(&self, sem: &Sem, span: Span, dct: Option<Date>) -> Tense {
        match self.verb_tense(sem, span, dct) {
            Tense::Unknown if sem.behind() => Tense::Past,
            t => t,
        }
    }

    fn verb_tense(&self, sem: &Sem, span: Span, dct: Option<Date>) -> Tense {
        if !sem.needs_tense() {
            return Tense::Unknown;
        }
        let weekday = match sem {
            Sem::Wday { w, dir: Dir::Auto } => Some(*w),
            Sem::At { day, .. } => match **day {
                Sem::Wday { w, dir: Dir::Auto } => Some(w),
                _ => None,
            },
            _ => None,
        };
        let Some((w, dct)) = weekday.zip(dct) else { return self.tense(span) };
        if let Some(t) = self.possessive_weekday_tense(span, w, dct) {
            return t;
        }
        let tense = self.tense(span);
        // an event six days back would be "last Tuesday": "the New Hampshire primary on Tuesday"
        // in a Monday story is the next day's, whatever tense reports it
        let back = resolve::days_back(dct, w);
        // "later Monday" is later that day: in a story stamped the day after, yesterday, never
        // the Monday ahead, which would be "next Monday"
        if back == 1 && self.text_at(self.token_range(span).start).eq_ignore_ascii_case("later") {
            return Tense::Past;
        }
        if tense != Tense::Future && back == 6 && self.weekday_of_event(span) {
            return Tense::Future;
        }
        // likewise a plan seen from the past ("was set to headline Tuesday") six days ahead is
        // yesterday's: the story would say "next Tuesday"
        if tense == Tense::Future && back == 1 && self.planned_in_past(span) { Tense::Past } else { tense }
    }

    /// True when sentence `sentence` holds a word of an election race.
    fn speaks_of_election(&self, sentence: usize) -> bool {
        let Some(&s) = self.sentences.get(sentence) else { return false };
        self.token_range(s).any(|i| self.g.in_class(self.word(i), self.g.cls.electionword))
    }

    /// True when "the same period" (or quarter, month...) comes right before the expression,
    /// which then names the period a figure is compared with ("from the same period last year").
    fn after_same_period(&self, span: Span) -> bool {
        let r = self.token_range(span);
        let cls = &self.g.cls;
        r.start >= 2
            && self.g.in_class(self.word(r.start - 1), cls.sameperiod)
            && self.g.in_class(self.word(r.start - 2), cls.sameword)
    }

    /// True when the definite article comes right before the expression and after it only a
    /// punctuation mark, the end, a subject pronoun or "and"/"but" ("on the Friday, ...", "on the
    /// Friday he called"; not "the Friday explosions", nor, to be safe, "the Friday before the vote").
    fn after_the(&self, span: Span) -> bool {
        let r = self.token_range(span);
        let cls = &self.g.cls;
        let no_noun = self.tokens.get(r.end).is_none_or(|t| t.kind != TokenKind::Word)
            || [cls.subject, cls.coordinator].iter().any(|&c| self.g.in_class(self.word(r.end), c));
        r.start >= 1 && self.g.in_class(self.word(r.start - 1), cls.definite) && no_noun
    }

    /// The tokens that overlap `span`.
    fn token_range(&self, span: Span) -> std::ops::Range<usize> {
        self.tokens.partition_point(|t| t.span.end <= span.start)
            ..self.tokens.partition_point(|t| t.span.start < span.end)
    }

    /// The day that an expression after a clock time in its sentence names ("10:35 a.m. (0735
    /// GMT) Friday"), if any.
    fn day_later_in_sentence<'a>(&self, after: &'a [Item], sentence: usize, ctx: &Ctx) -> Option<Date> {
        let next = after.iter().take_while(|it| self.sentence_of(it.span) == sentence);
        // a day, or the day of a time on one ("3am on Tuesday")
        let its_day = |it: &'a Item| match &it.sem {
            Sem::At { day, .. } => Some(day.as_ref()),
            sem if it.ty & T_DATE != 0 => Some(sem),
            _ => None,
        };
        next.filter_map(|it| Some((it, its_day(it)?))).find_map(|(it, sem)| {
            let tense = self.item_tense(sem, it.span, ctx.dct);
            match ctx.clone().resolve(sem, tense)? {
                (_, Some(Point::Day(d))) => Some(d),
                _ => None,
            }
        })
    }

    /// True for a word of the class `beforepast` ("soon") before a verb in the past, listed or
    /// known by its suffix ("soon became", "Fact-checkers soon noted"): shortly after, in a past
    /// story, no future. The rules cannot tell a past form by its suffix, so this is the engine's.
    fn before_past(&self, span: Span) -> bool {
        let r = self.token_range(span);
        let next = self.word(r.end);
        r.len() == 1
            && self.g.in_class(self.word(r.start), self.g.cls.beforepast)
            && (self.g.in_class(next, self.g.cls.past) || self.past_form(r.end, next))
    }

    /// True for a time word in a name ("New York Daily News", "Current TV", "One Wisconsin Now"):
    /// words written lowercase in running text, capitalized inside a sentence, beside another
    /// capitalized word. Weekdays, months and holidays are capitalized anyway and stay, and so
    /// does all of a headline in title case ("Trump Is Now Leading"); a weekday before such
    /// words goes with them ("Sunday Night Baseball", "Saturday Night Live"). A number and a
    /// capitalized unit are a title wherever they stand, the first words of a sentence too ("60
    /// Minutes", "21st Century Fox"), but in a headline in title case.
    fn in_name(&self, span: Span) -> bool {
        let capital = |i: usize| self.capitalized(i);
        let std::ops::Range { start: first, end } = self.token_range(span);
        let weekday_first =
            end >= first + 2 && self.g.in_class(self.word(first), self.g.cls.weekday) && (first + 1..end).all(capital);
        let inname_from = if weekday_first { first + 1 } else { first };
        // "Person of the Year", "Game of the Week": a title's capitalized unit after "of the"
        let of_the = end == first + 2
            && first > 0
            && self.text_at(first) == "the"
            && capital(first + 1)
            && matches!(self.text_at(first - 1).rsplit('-').next(), Some("of" | "Of"));
        // "60 Minutes", "Seven Years in Tibet": a number and a capitalized unit, which no
        // sentence's first capital explains
        let numbered = end == first + 2
            && (self.text_at(first).starts_with(|c: char| c.is_ascii_digit())
                || self.g.in_class(self.word(first), self.g.cls.num))
            && capital(first + 1)
            && self.text_at(first + 1).chars().skip(1).all(char::is_lowercase)
            && self.g.in_class(self.word(first + 1), self.g.cls.unit);
        if first >= end
            || !(capital(first) || of_the || numbered)
            || !(numbered || (inname_from..end).all(|i| self.g.in_class(self.word(i), self.g.cls.inname)))
        {
            return false;
        }
        let Some(&s) = self.sentences.get(self.sentence_of(span)) else { return false };
        let std::ops::Range { start: s0, end: s1 } = self.token_range(s);
        // in capitals beside another word in capitals, in a sentence that is not all capitals:
        // "Greg Toppo, USA TODAY", "a USA TODAY poll"
        let caps = |i: usize| {
            let t = self.text_at(i);
            t.chars().filter(|c| c.is_alphabetic()).count() >= 2 && !t.chars().any(char::is_lowercase)
        };
        if (first..end).all(caps)
            && ((first > s0 && caps(first - 1)) || (end < s1 && caps(end)))
            && (s0..s1).any(|i| self.text_at(i).chars().any(char::is_lowercase))
        {
            return true;
        }
        let name_word = |i: usize| {
            (s0..s1).contains(&i) && self.tokens[i].kind == TokenKind::Word && capital(i) && self.text_at(i) != "I"
        };
        // the first word of its sentence, after any opening quote (also where the sentence
        // splitter ran the quote into the sentence before: `Williams. "Now Trump needs`)
        let opens_quote = first >= 2
            && matches!(self.text_at(first - 1), "\"" | "\u{201c}" | "''" | "``" | "'" | "\u{2018}")
            && matches!(self.text_at(first - 2), "." | "!" | "?" | ":");
        // a periodical or a show after a name's possessive: "the People's Daily", "ABC's This
        // Week", "NBC's Today show" (a weekday or a month, capitalized anyway, is no name word),
        // also in a short sentence that counts as title case ("He told ABC's This Week."), and
        // with the title in quotation marks (ABC's "This Week with George Stephanopoulos")
        let quoted_title = first >= 3 && self.tokens[first - 1].kind == TokenKind::Quote;
        let owner = if quoted_title { first - 1 } else { first };
        if owner >= 2 && self.possessive_at(owner - 1) && name_word(owner - 2) {
            return true;
        }
        if self.title_case(s0..s1) {
            return false;
        }
        if numbered {
            return true;
        }
        if opens_quote || (s0..first).all(|i| self.tokens[i].kind == TokenKind::Punct) {
            return false;
        }
        if of_the {
            return true;
        }
        // a title in quotation marks: ABC's "This Week," CBS's "This Morning"
        let quote = |i: usize| self.tokens.get(i).is_some_and(|t| t.kind == TokenKind::Quote);
        let quoted =
            first > 0 && quote(first - 1) && (quote(end) || (matches!(self.text_at(end), "," | ".") && quote(end + 1)));
        quoted || (first > 0 && name_word(first - 1)) || name_word(end)
    }

    /// True for "now" inside a hyphenated adjective ("the now-denied pipeline", "by-now-familiar
    /// claims"), which says when the thing had that quality, not when the text speaks; not "until
    /// now - would", a dash between words.
    fn now_in_compound(&self, span: Span) -> bool {
        let r = self.token_range(span);
        self.text.get(span.start..span.end).is_some_and(|t| t.eq_ignore_ascii_case("now"))
            && self.text[span.end..].starts_with('-')
            && r.len() == 1
            && self.tokens[r.start].span.end > span.end
    }

    /// True for a year inside a reference code joined by hyphens, between a word in capitals
    /// and more digits that are no month nor the end of a range ("FOI-2025-0417",
    /// "CV-2024-00113"): a number of a series, no date ("pre-2015", "FY-2024-25", "FY-2025-2026"
    /// and "BACKUP-2025-03-17" are dates).
    fn year_in_code(&self, it: &Item) -> bool {
        let Sem::Year(y) = it.sem else { return false };
        let before = self.text[..it.span.start].strip_suffix('-').unwrap_or("");
        let prefix = before.rsplit(|c: char| !c.is_ascii_alphanumeric()).next().unwrap_or("");
        let Some(after) = self.text[it.span.end..].strip_prefix('-') else { return false };
        let digits = &after[..after.find(|c: char| !c.is_ascii_digit()).unwrap_or(after.len())];
        let range_end = digits.parse::<i32>().is_ok_and(|d| (y + 1..=y + 10).contains(&d));
        prefix.chars().filter(char::is_ascii_uppercase).count() >= 2
            && !prefix.contains(|c: char| c.is_ascii_lowercase())
            && !digits.is_empty()
            && digits.len() != 2
            && !range_end
    }

    /// True for a number like a year that is a house's on a street ("1180 Orchard Ave."): up
    /// to three capitalized words and a street's word follow it.
    fn house_number(&self, it: &Item) -> bool {
        if !matches!(it.sem, Sem::Year(_)) {
            return false;
        }
        let end = self.token_range(it.span).end;
        (end + 1..(end + 4).min(self.tokens.len())).any(|k| {
            // (written as a word, not in capitals: "Street", "Ave.")
            (end..=k).all(|i| self.capitalized(i))
                && !self.text_at(k).chars().skip(1).any(char::is_uppercase)
                && self.g.in_class(self.word(k), self.g.cls.street)
        })
    }

    /// True for a year written with two digits that opens a title: a quotation mark or a
    /// capitalized word follows it ("starred in '30 Rock'", "in '24'").
    fn short_year_in_title(&self, it: &Item) -> bool {
        let end = self.token_range(it.span).end;
        matches!(it.sem, Sem::ShortYear(_))
            && self.tokens.get(end).is_some_and(|t| t.kind == TokenKind::Quote || self.capitalized(end))
    }

    /// True for a half or a quarter named alone ("in the second half", "a first-half header",
    /// "early in the third quarter") where the text around it reports a match: two different
    /// words of play or more within 500 bytes ("scored", "header", "rebounds"); such a period
    /// is one of the game, not of a year.
    fn period_of_a_match(&self, it: &Item) -> bool {
        let r = self.token_range(it.span);
        let last = self.text_at(r.end - 1).to_ascii_lowercase();
        let period = matches!(it.sem, Sem::Half { y: None, .. }) && last.ends_with("half")
            || matches!(it.sem, Sem::Quarter { y: None, .. }) && last.ends_with("quarter");
        if !period {
            return false;
        }
        let lo = self.tokens.partition_point(|t| t.span.start + 500 < it.span.start);
        let hi = self.tokens.partition_point(|t| t.span.start < it.span.end + 500);
        let mut seen: Vec<u32> = Vec::new();
        for i in lo..hi {
            let w = self.word(i);
            if self.g.in_class(w, self.g.cls.sport) && !seen.contains(&w) {
                seen.push(w);
                if seen.len() >= 2 {
                    return true;
                }
            }
        }
        false
    }

    /// True for "daily", "weekly" or "monthly" naming a newspaper or magazine: written in
    /// lowercase between a capitalized word and a name ("the Communist Party daily Granma", "the
    /// Paris daily Liberation"), or after "the" before a reporting verb ("the daily said"). After
    /// a determiner a name is what recurs ("the weekly GOP Power Rankings"), and a weekday or
    /// month after it is no name ("weekly Friday prayers").
    fn names_a_periodical(&self, span: Span) -> bool {
        let cls = &self.g.cls;
        let r = self.token_range(span);
        if r.len() != 1 || !self.g.in_class(self.word(r.start), cls.periodical) {
            return false;
        }
        let (i, next) = (r.start, self.word(r.end));
        let time_word = self.g.in_class(next, cls.weekday) || self.g.in_class(next, cls.month);
        let same_sentence = self.tokens.get(r.end).is_some_and(|t| self.sentence_of(t.span) == self.sentence_of(span));
        let named_before = i > 0 && self.capitalized(i - 1) && !self.g.in_class(self.word(i - 1), cls.determiner);
        if named_before && !self.capitalized(i) && self.capitalized(r.end) && !time_word && same_sentence {
            return true;
        }
        i > 0
            && self.text_at(i - 1).eq_ignore_ascii_case("the")
            && (self.g.in_class(next, cls.report) || self.g.in_class(next, cls.reportnow))
    }

    /// True when the tokens `r` (a sentence) are in title case: no word of five letters or more
    /// starts in lowercase.
    fn title_case(&self, r: std::ops::Range<usize>) -> bool {
        // (asked for each expression of a sentence in turn: a sentence of a thousand months
        // would read its words a thousand times)
        if let Some((s0, s1, yes)) = self.title_case_memo.get()
            && (s0, s1) == (r.start, r.end)
        {
            return yes;
        }
        let (s0, s1) = (r.start, r.end);
        let yes = !r
            .filter(|&i| self.tokens[i].kind == TokenKind::Word)
            .any(|i| !self.capitalized(i) && self.text_at(i).chars().count() > 4);
        self.title_case_memo.set(Some((s0, s1, yes)));
        yes
    }

    /// True when token `i` starts with a capital letter (false past the end).
    /// True, in a language that writes months and weekdays in lowercase, for a month or a
    /// weekday standing alone and capitalized where no sentence, line or quotation opens: a
    /// name ("Domingo Arenas", "Abril Fuentes", "la calle Doce de Octubre"). In capitals
    /// ("EL DOMINGO") it says nothing.
    fn capitalized_calendar_name(&self, span: Span) -> bool {
        let r = self.token_range(span);
        if !self.g.lowercase_calendar || r.len() != 1 {
            return false;
        }
        let (i, c) = (r.start, self.g.cls);
        let mut chars = self.text_at(i).chars();
        let title_case = chars.next().is_some_and(char::is_uppercase) && chars.next().is_some_and(char::is_lowercase);
        if !title_case || ![c.month, c.weekday].iter().any(|&k| self.g.in_class(self.word(i), k)) {
            return false;
        }
        let opens = i == 0
            || sentence_starts_at(self.sentences, self.tokens[i].span.start)
            || self.text[self.tokens[i - 1].span.end..self.tokens[i].span.start].contains('\n')
            || matches!(self.tokens[i - 1].kind, TokenKind::Quote)
            || matches!(self.text_at(i - 1), "(" | "[" | ":" | "-" | "\u{2014}" | "\u{2013}" | "\u{bf}" | "\u{a1}");
        !opens
    }

    fn capitalized(&self, i: usize) -> bool {
        self.text_at(i).chars().next().is_some_and(char::is_uppercase)
    }

    /// True when token `i` is a possessive "'s" (false past the end).
    fn possessive_at(&self, i: usize) -> bool {
        matches!(self.text_at(i), "'s" | "\u{2019}s")
    }

    /// True for a month that is a person's name: a surname after a capitalized first name
    /// ("Jill June, Lori Jungling"), or a first name before a surname and a comma ("April
    /// Mellody, a spokeswoman"), where no preposition or time word comes before it ("In
    /// April Trump said"), no number or noun after it ("the GOP June primary", "June 5"), and
    /// the sentence is no headline in title case.
    fn month_in_name(&self, span: Span) -> bool {
        let cls = &self.g.cls;
        let r = self.token_range(span);
        if r.len() != 1 || !self.g.in_class(self.word(r.start), cls.month) {
            return false;
        }
        let (i, next) = (r.start, r.end);
        let Some(&sentence) = self.sentences.get(self.sentence_of(span)) else { return false };
        let std::ops::Range { start: s0, end: s1 } = self.token_range(sentence);
        // a headline in title case capitalizes the nouns around a month ("Sanders Campaign June
        // Fundraising"), where a list of names has commas ("Jill June, Lori Jungling")
        let headline = self.title_case(s0..s1);
        // a capitalized word in lowercase after its first letter ("Jill", not "GOP")
        let name_like = |k: usize| {
            let rest = self.text_at(k).chars().skip(1);
            self.tokens.get(k).is_some_and(|x| x.kind == TokenKind::Word)
                && self.capitalized(k)
                && rest.clone().any(char::is_lowercase)
                && rest.clone().all(char::is_alphabetic)
                && ![cls.monthprep, cls.weekday, cls.month, cls.determiner]
                    .iter()
                    .any(|&c| self.g.in_class(self.word(k), c))
        };
        let pause = |k: usize| matches!(self.text_at(k), "," | "." | ";" | ")");
        let surname = i > s0 + 1 && name_like(i - 1) && (pause(next) || (name_like(next) && !headline));
        let opens = i <= s0 || matches!(self.text_at(i - 1), "," | ";" | "(");
        let first_name = opens
            && !headline
            && name_like(next)
            && (self.text_at(next + 1) == "," || self.g.in_class(self.word(next + 1), cls.report));
        surname || first_name
    }

    /// The text of token `i`, empty past the end.
    fn text_at(&self, i: usize) -> &str {
        self.tokens.get(i).map_or("", |t| t.span.of(self.text))
    }

    fn word(&self, i: usize) -> u32 {
        let Some(id) = self.word_ids.get(i) else { return NO_WORD };
        if id.get() == UNSEEN {
            let t = self.tokens[i].span;
            id.set(self.g.lookup_at(self.text.as_bytes(), t.start, t.end));
        }
        id.get()
    }
}

fn has_slash(sem: &Sem) -> bool {
    match sem {
        Sem::Slash { .. } => true,
        Sem::At { day, .. } => has_slash(day),
        _ => false,
    }
}

/// The meaning a rule's action gives its match.
fn meaning(act: Act, args: &[Arg], caps: &[Val; MAX_CAPS]) -> Sem {
    let val = |k: usize| -> Val {
        match args.get(k) {
            Some(&Arg::Cap(i, neg)) => match caps[i] {
                Val::Int(v) if neg => Val::Int(-v),
                Val::Num(Some(x)) if neg => Val::Num(Some(-x)),
                v => v,
            },
            Some(&Arg::Int(v)) => Val::Int(v),
            Some(&Arg::Code(c)) => Val::Code(c),
            _ => Val::None,
        }
    };
    let int = |k: usize| -> Option<i64> {
        match val(k) {
            Val::Int(v) => Some(v),
            Val::Num(Some(x)) if x.fract() == 0.0 => Some(x as i64),
            Val::Code(c) => c.parse().ok(),
            _ => None,
        }
    };
    let code = |k: usize| -> Option<&'static str> {
        match val(k) {
            Val::Code(c) => Some(c),
            _ => None,
        }
    };
    let unit = |k: usize| code(k).and_then(Unit::parse);
    let count = |k: usize| -> Option<Option<f64>> {
        match val(k) {
            Val::Num(n) => Some(n),
            Val::Int(v) => Some(Some(v as f64)),
            Val::Code("X") => Some(None),
            _ => None,
        }
    };
    // "a minute and a half": the rule says `half` after the count and the unit
    let half = |x: f64| if code(2) == Some("half") { x + 0.5 } else { x };
    let dir = |k: usize| code(k).and_then(Dir::parse);
    let year = |k: usize| int(k).map(|y| y as i32);
    let small = |k: usize, hi: i64| int(k).filter(|v| (1..=hi).contains(v)).map(|v| v as u8);
    let build = || -> Option<Sem> {
        Some(match act {
            Act::None => return None,
            Act::Date if args.len() == 1 => match val(0) {
                Val::Date { y, m, d } => Sem::Cal { y: Some(y), m, d },
                Val::Slash { a, b, y } => Sem::Slash { a, b, y },
                _ => return None,
            },
            Act::Date => {
                let (y, m, d) = (year(0), small(1, 12), small(2, 31).unwrap_or(0));
                match (y, m) {
                    (None, Some(m)) if d == 0 => Sem::Month { m, dir: Dir::Auto },
                    (y, Some(m)) => Sem::Cal { y, m, d },
                    _ => return None,
                }
            }
            Act::SlashDay => match val(2) {
                Val::Slash { a, b, y: None } if Some(i64::from(a)) == int(0) && Some(i64::from(b)) == int(1) => {
                    Sem::Slash { a, b, y: None }
                }
                _ => return None,
            },
            Act::YDate => Sem::YearDate { n: int(0)? as i32, m: small(1, 12)?, d: small(2, 31)? },
            Act::Year => Sem::Year(year(0).filter(|y| (1000..=2199).contains(y))?),
            Act::ShortYear => Sem::ShortYear(int(0).filter(|y| (0..=99).contains(y))? as i32),
            Act::Decade => {
                let v = int(0)?;
                Sem::Decade(match v {
                    1000.. => (v / 10) as i32,
                    10..=99 => 190 + (v / 10) as i32,
                    _ => 190 + v as i32,
                })
            }
            Act::Century => Sem::Century(int(0).filter(|&c| (1..=30).contains(&c))? as i32 - 1),
            Act::Month => Sem::Month { m: small(0, 12)?, dir: dir(1)? },
            Act::Wday => Sem::Wday { w: small(0, 7)?, dir: dir(1)? },
            Act::Rel | Act::RefRel => Sem::Rel { unit: unit(0)?, n: int(1)? as i32, from_ref: act == Act::RefRel },
            Act::NearRel => Sem::NearRel { unit: unit(0)?, n: int(1)? as i32 },
            Act::Ago | Act::Hence | Act::Earlier | Act::Later => Sem::Ago {
                n: count(0)?.map(half),
                unit: unit(1)?,
                sign: if matches!(act, Act::Ago | Act::Earlier) { -1 } else { 1 },
                from_ref: matches!(act, Act::Earlier | Act::Later),
            },
            Act::Quarter => Sem::Quarter { q: small(0, 4)?, y: year(1) },
            Act::RelQ => Sem::RelQ(int(0)? as i32),
            Act::RefQ => Sem::RefQ(int(0)? as i32),
            Act::Yq => Sem::YearQuarter { q: small(0, 4)?, n: int(1)? as i32 },
            Act::Yh => Sem::YearHalf { h: small(0, 2)?, n: int(1)? as i32 },
            Act::Qend => Sem::QuarterOf { m: small(0, 12)?, d: small(1, 31)? },
            Act::WeekOf => Sem::WeekOf(Box::new(Sem::Cal { y: year(0), m: small(1, 12)?, d: small(2, 31)? })),
            Act::Half => Sem::Half { h: small(0, 2)?, y: year(1) },
            Act::Season => {
                let s = code(0)?;
                match val(1) {
                    Val::Int(y) => Sem::Season { s, y: Some(y as i32), dir: Dir::This },
                    _ => Sem::Season { s, y: None, dir: dir(1)? },
                }
            }
            Act::Weekend => Sem::Weekend(match val(0) {
                Val::Int(n) if n < 0 => Dir::Last,
                Val::Int(n) if n > 0 => Dir::Next,
                _ => dir(0).unwrap_or(Dir::Auto),
            }),
            Act::Holiday => Sem::Holiday { code: code(0)?, y: year(1) },
            Act::MDay => Sem::MonthDay(small(0, 31)?),
            Act::WdayMDay => Sem::WdayMonthDay { w: small(0, 7)?, d: small(1, 31)? },
            Act::Time => {
                let (h, m, ampm) = match val(0) {
                    Val::Clock { h, m, ampm } => (h, m, ampm),
                    Val::Code(c) => match c.split_once(':') {
                        Some((h, m)) => (h.parse().ok()?, Some(m.parse().ok()?), 0),
                        None => (c.parse().ok()?, None, 0),
                    },
                    // a clock word given as a whole hour ("midnight" is 24)
                    Val::Int(h @ 0..=24) => (h as u8, None, 0),
                    // an hour counted in words or digits ("ten o'clock")
                    Val::Num(Some(x)) if x.fract() == 0.0 && (1.0..=12.0).contains(&x) => (x as u8, None, 0),
                    _ => return None,
                };
                Sem::Tod { tod: Tod::Clock(on_24_hours(h, ampm_of(code(1), ampm)), m), day: DayRef::Ref }
            }
            Act::ClockPast => {
                // minutes before (negative) or after an hour said on a twelve-hour clock: "a
                // quarter to one" is 12:45
                let (m, h) = (int(0).filter(|m| (-59..=59).contains(m))?, int(1).filter(|h| (1..=12).contains(h))?);
                let (h, m) = if m < 0 { ((h + 10) % 12 + 1, 60 + m) } else { (h, m) };
                Sem::Tod { tod: Tod::Clock(on_24_hours(h as u8, ampm_of(code(2), 0)), Some(m as u8)), day: DayRef::Ref }
            }
            Act::Pod => {
                let day = match val(1) {
                    Val::Int(n) => DayRef::Dct(n as i32),
                    _ => DayRef::Ref,
                };
                Sem::Tod { tod: Tod::Part(code(0)?), day }
            }
            Act::Lit => Sem::Lit(code(0)?),
            Act::Dur => Sem::Dur { n: count(0)?.map(half), unit: unit(1)? },
            Act::Set => Sem::SetLit(code(0)?),
            Act::SetDur => Sem::SetDur { n: count(0)?, unit: unit(1)? },
            Act::SetWd => Sem::SetWd(small(0, 7)?, code(1)),
            Act::SetMon => Sem::SetMon(small(0, 12)?),
        })
    };
    build().unwrap_or(Sem::Nothing)
}

/// The half of the day a rule's code names (1 "am", 2 "pm"), else `given`.
fn ampm_of(code: Option<&str>, given: u8) -> u8 {
    match code {
        Some("am") => 1,
        Some("pm") => 2,
        _ => given,
    }
}

/// An hour of a twelve-hour clock on the 24-hour clock, by its half of the day (0: not said).
fn on_24_hours(h: u8, ampm: u8) -> u8 {
    match (ampm, h) {
        (1, 12) => 0,
        (2, h) if h < 12 => h + 12,
        _ => h,
    }
}

/// True for a day written with its month ("15 March", "3/15/2025", "the evening of 3 November"),
/// not one counted from another ("Tuesday", "yesterday").
fn written_out(sem: &Sem) -> bool {
    match sem {
        Sem::Cal { d, .. } => *d > 0,
        Sem::Slash { .. } => true,
        Sem::At { day, .. } => written_out(day),
        _ => false,
    }
}

/// A month, or a month and day (day 0 for a month), named without a year.
fn month_and_day(sem: &Sem) -> Option<(u8, u8)> {
    match *sem {
        Sem::Cal { y: None, m, d } => Some((m, d)),
        Sem::Month { m, dir: Dir::Auto } => Some((m, 0)),
        _ => None,
    }
}

/// One expression from two neighbours, when they make one: a weekday before its date, a time
/// of day beside its day.
fn join(a: &Sem, b: &Sem) -> Option<(Sem, u8)> {
    let full_date = matches!(b, Sem::Cal { d: 1.., .. } | Sem::Slash { .. });
    if matches!(a, Sem::Wday { .. }) && full_date {
        return Some((b.clone(), T_DATE));
    }
    // "Wednesday 9th", "Thursday the 10th"
    if let (&Sem::Wday { w, .. }, &Sem::MonthDay(d)) = (a, b) {
        return Some((Sem::WdayMonthDay { w, d }, T_DATE));
    }
    // "10:35 a.m. on Friday, June 1": the date names the weekday's day
    if let Sem::At { day, tod } = a
        && matches!(**day, Sem::Wday { .. })
        && full_date
    {
        return Some((Sem::At { day: Box::new(b.clone()), tod: *tod }, T_TIME));
    }
    // "6 o'clock this afternoon", "10 o'clock last night": the clock on that part's day, in its
    // half of the day (a night's small hours stay in the morning)
    if let (Some(Tod::Clock(h, m)), Sem::Tod { tod: Tod::Part(p), day }) = (a.free_tod(), b) {
        let pm = match *p {
            "AF" | "EV" => true,
            "NI" => h >= 6,
            _ => false,
        };
        return Some((Sem::Tod { tod: Tod::Clock(on_24_hours(h, if pm { 2 } else { 0 }), m), day: *day }, T_TIME));
    }
    if a.is_day()
        && let Some(tod) = b.free_tod()
    {
        return Some((Sem::At { day: Box::new(a.clone()), tod }, T_TIME));
    }
    if b.is_day()
        && let Some(tod) = a.free_tod()
    {
        return Some((Sem::At { day: Box::new(b.clone()), tod }, T_TIME));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn grammar_loads() {
        let g = grammar(Some("en"));
        assert!(g.rules.len() > 50);
        assert!(!g.shape_keyed.is_empty());
        assert_ne!(g.lookup("January"), NO_WORD);
        assert_ne!(g.lookup("Sept."), NO_WORD);
        assert_eq!(g.lookup("elephant"), NO_WORD);
        // every language's grammar loads
        for &(code, _, _) in LANGUAGES {
            let g = grammar(Some(code));
            assert!(g.rules.len() > 20 && g.cls.month != grammar::NO_CLASS && g.cls.num != grammar::NO_CLASS, "{code}");
        }
        assert_ne!(grammar(Some("es")).lookup("miércoles"), NO_WORD);
        assert_eq!(grammar(Some("es")).lookup("Wednesday"), NO_WORD);
    }

    #[test]
    fn a_long_run_of_dates_is_read_whole_across_windows() {
        // a chronology: one anchor after another for thousands of tokens, cut into windows at
        // sentence starts, with nothing lost or cut short at a cut
        let line = "On 22 June 2018, 14:30 GMT, and on Tuesday, 23 June 2018 at noon. ";
        let text = line.repeat(400);
        let tokens = crate::segment::tokenize(&text);
        let sentences = crate::segment::split_sentences(&text, &tokens);
        assert!(tokens.len() > 3 * MAX_WINDOW, "{} tokens", tokens.len());
        let anchor = resolve::date(2018, 7, 12);
        let times = tag_times(&text, &tokens, &sentences, anchor);
        let one = tag_times(line, &crate::segment::tokenize(line), &[Span::new(0, line.len())], anchor);
        assert!(one.len() >= 3, "{one:?}");
        assert_eq!(times.len(), 400 * one.len());
        for (k, t) in times.iter().enumerate() {
            let (o, base) = (&one[k % one.len()], (k / one.len()) * line.len());
            assert_eq!((t.span.start - base, t.span.end - base, &t.value), (o.span.start, o.span.end, &o.value), "{k}");
        }
    }
}
