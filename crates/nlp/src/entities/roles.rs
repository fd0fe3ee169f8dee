//! Roles and titles of people: before the name ("Home Secretary Sajid Javid", "US Attorney
//! General Jeff Sessions"), in an apposition after it ("Jeff Sessions, the attorney general,")
//! or before it ("Karsland's attorney general, Lucas Varga"), or said of it ("Ann Lee is the
//! chief executive of Valdane Shipping", "Tom Fenn, who was appointed prosecutor in 2010,").

use super::words::{Gender, f};
use super::{Ctx, clean};
use dossier_model::{EntityType, MentionKind, Span, TokenKind};

/// Longest role phrase, in tokens.
const MAX_ROLE: usize = 12;

/// The parts of the parties to a case (the NER's label rule `parties` reads the same list).
pub(crate) const CASE_PARTIES: &[&str] =
    &["claimant", "defendant", "appellant", "respondent", "petitioner", "plaintiff", "applicant"];

pub(crate) fn roles(cx: &mut Ctx) {
    cx.persons = super::PersonIndex::new(&cx.men, cx.v.len());
    let mut found: Vec<(usize, usize, usize, usize)> = Vec::new(); // entity, first token, end token, head token
    for i in 0..cx.men.len() {
        let w = &cx.men[i];
        if !w.linkable || !matches!(w.kind, MentionKind::Name | MentionKind::Alias) {
            continue;
        }
        let Some(e) = w.entity else { continue };
        let (a, b) = (w.a, w.b);
        // an organisation is a party to a case under its name in a judgment's heading
        // ("ARDSHIRE HEALTH TRUST" + "Defendant"), so that "the Defendant admits" is its
        if cx.ents[e].ty == EntityType::Org
            && let Some((s, t, h)) = signature_after(cx, a, b)
            && CASE_PARTIES.iter().any(|p| cx.v.is(h, p))
        {
            found.push((e, s, t, h));
        }
        if cx.ents[e].ty != EntityType::Person {
            continue;
        }
        if let Some((s, t, h)) = title_before(cx, a) {
            found.push((e, s, t, h));
        } else if let Some((s, t, h)) = apposition_before(cx, a).or_else(|| office_before_brackets(cx, a, b)) {
            found.push((e, s, t, h));
        }
        // what a quotation says someone is, is opinion ("Ted is the leader that we need")
        let said_of = || if cx.in_quote[a] { None } else { predicate_after(cx, a, b) };
        let after = apposition_after(cx, b).or_else(|| role_in_brackets(cx, b));
        if let Some((s, t, h)) = after.or_else(said_of).or_else(|| signature_after(cx, a, b)) {
            found.push((e, s, t, h));
        }
    }
    for (e, s, t, h) in found {
        add_role(cx, e, s, t, h);
    }
}

fn add_role(cx: &mut Ctx, e: usize, s: usize, t: usize, head: usize) {
    let v = &cx.v;
    let span = Span::new(v.toks[s].span.start, v.toks[t - 1].span.end);
    let text = clean(span.of(v.text));
    let key = text.to_lowercase();
    let head_word = v.s(head).trim_end_matches('.').to_lowercase();
    let g = v.info[head].gender();
    let info = &mut cx.info[e];
    if !info.role_keys.iter().any(|(k, _)| *k == key) {
        info.role_keys.push((key, head_word));
    }
    if g != Gender::Any && info.gender.0 < 2 {
        info.gender = (2, g);
    }
    let ent = &mut cx.ents[e];
    if !ent.roles.iter().any(|r| r.eq_ignore_ascii_case(&text)) {
        ent.roles.push(text);
    }
}

/// A role word: a title, a role noun or an unnamed-source noun.
fn is_head(cx: &Ctx, i: usize) -> bool {
    let inf = &cx.v.info[i];
    inf.has(f::TITLE | f::ROLE) || (inf.has(f::SRC) && !inf.has(f::PLURAL))
}

fn is_part(cx: &Ctx, i: usize) -> bool {
    let v = &cx.v;
    if v.info[i].has(f::TITLE | f::ROLE | f::ROLE_MOD) {
        return true;
    }
    v.cap(i)
        && !v.info[i].has(f::DET | f::HON)
        && !opens_with_function_word(cx, i)
        && !capital_function_word(cx, i)
        // a letter's greeting is no part of the title it greets ("Dear Minister Castellanos")
        && !crate::segment::is_greeting(v.s(i))
}

/// Closed-class words: a function word is no part of a role.
const CLOSED_CLASS: u64 = f::PREP | f::CONJ | f::COMP | f::WH | f::ADV | f::AUX | f::BE | f::NEG | f::PRON;

/// In a line of capitals every word is capitalized, so a closed-class word there is no part of
/// a role either ("PRESS BRIEFING BY PRESS SECRETARY HANNAH VALE"); "OF" and "FOR" inside a
/// title are joined by their own rule ("SECRETARY OF STATE").
fn capital_function_word(cx: &Ctx, i: usize) -> bool {
    let v = &cx.v;
    // (not adverbs or pronouns: "US" is a country, "FIRST" a title's word)
    let closed = CLOSED_CLASS & !(f::ADV | f::PRON);
    // (between other words in capitals: "WHO chief" and "IS leader" are bodies)
    let caps = |k: usize| k < v.len() && v.toks[k].kind == TokenKind::Word && super::is_allcaps(v.s(k));
    v.s(i).len() > 1 && caps(i) && i > 0 && caps(i - 1) && caps(i + 1) && v.info[i].has(closed)
}

/// A sentence's first word is capitalized by its place: a closed-class word there is no part
/// of a role ("As President Obama", "If Secretary Clinton", "His campaign manager").
fn opens_with_function_word(cx: &Ctx, i: usize) -> bool {
    let v = &cx.v;
    // ... but "First Minister" and "Under Secretary" are titles
    let title = v.is(i, "first") || v.is(i, "under") && v.is(i + 1, "secretary");
    let opens = v.opens_sentence(i) || v.toks[i].para_start || v.cap(i) && after_opener(cx, i);
    opens && v.info[i].has(CLOSED_CLASS) && !title
}

/// True when token `i` follows a dash, a quote mark or a bracket, after which a clause opens
/// ("WASHINGTON (Reuters) - If Secretary ...", "“As House Speaker, ...").
fn after_opener(cx: &Ctx, i: usize) -> bool {
    let v = &cx.v;
    i > 0 && (v.dash(i - 1) || v.toks[i - 1].kind == TokenKind::Quote || v.punct(i - 1, b'('))
}

/// Words for a person's relatives and partners.
#[rustfmt::skip]
const KIN: &[&str] = &[
    "father", "mother", "son", "daughter", "wife", "husband", "brother", "sister", "cousin", "uncle", "aunt",
    "nephew", "niece", "grandfather", "grandmother", "grandson", "granddaughter", "widow", "widower", "fiancé",
    "fiancée", "boyfriend", "girlfriend", "stepson", "stepdaughter", "stepfather", "stepmother",
];

/// "Secretary of State", "Minister for Foreign Affairs", "Secretary of the Treasury" right
/// before token `end`: the title before "of" or "for", when up to four words in capitals (and
/// "the", "and") follow it. A relative of someone is no title ("the cousin of NBA star").
fn title_of_before(cx: &Ctx, end: usize) -> Option<usize> {
    let v = &cx.v;
    let joins = |k: usize| v.is(k, "the") || v.is(k, "and") || v.is(k, "&");
    let mut k = end;
    while k > 0 && end - k < 4 && v.toks[k - 1].kind == TokenKind::Word && !v.is(k - 1, "of") && !v.is(k - 1, "for") {
        if !(v.cap(k - 1) || joins(k - 1)) || v.toks[k].para_start && k < end {
            return None;
        }
        k -= 1;
    }
    let p = k.checked_sub(1)?;
    let title = p.checked_sub(1)?;
    let run = p + 1..end;
    let fits = !run.is_empty()
        && (v.is(p, "of") || v.is(p, "for"))
        && v.cap(p + 1) | v.is(p + 1, "the")
        && v.cap(end - 1)
        && !describes_person(v.s(end - 1))
        && run.clone().all(|k| v.sent[k] == v.sent[p] && !v.toks[k].para_start);
    if !fits {
        return None;
    }
    if v.info[title].has(f::TITLE | f::ROLE) {
        return (!KIN.iter().any(|w| v.is(title, w))).then_some(title);
    }
    // "Secretary of State for Defence": a second "of" or "for" before
    if v.cap(title) && end - title < 8 { title_of_before(cx, p) } else { None }
}

/// True for a party's or a people's word, which describes the name after it rather than ends
/// a title before it ("campaign manager for Republican Bob Dole", "a supporter of Democrat");
/// a country's name is none ("President of Iran", "of the Czech Republic").
fn describes_person(w: &str) -> bool {
    const PARTIES: &[&str] = &["democrat", "democratic", "conservative", "labour", "liberal", "tory", "socialist"];
    let w = w.to_lowercase();
    PARTIES.contains(&w.as_str()) || ["ian", "ean", "can", "ese", "ish"].iter().any(|s| w.ends_with(s))
}

/// "Home Secretary Sajid Javid": the title run right before the name at token `a` (after an
/// honorific, if any). Returns (first token, end token, head token).
fn title_before(cx: &Ctx, a: usize) -> Option<(usize, usize, usize)> {
    let v = &cx.v;
    let mut end = a;
    if end > 0 && v.info[end - 1].has(f::HON) {
        end -= 1;
    }
    if end == 0 || v.toks[end - 1].kind != TokenKind::Word {
        return None;
    }
    let head = if is_head(cx, end - 1) { end - 1 } else { title_of_before(cx, end)? };
    // (a party's part that ends a line is no title of the name with its honorific on the next:
    // "... for the Claimant\nMs Fiona Leckie ... for the Defendant")
    if end < a && line_break_before(cx, end) && CASE_PARTIES.iter().any(|p| v.is(head, p)) {
        return None;
    }
    // a heading's line in capitals is no title of a name that opens the next line ("IN THE
    // HIGH COURT OF JUSTICE" + "KING'S BENCH DIVISION"); a title in hard-wrapped prose may be
    // ("a letter from Home\nSecretary Sajid Javid")
    if line_break_before(cx, end) && v.s(end - 1).len() > 1 && super::is_allcaps(v.s(end - 1)) {
        return None;
    }
    // a sentence-initial capital alone is no title ("Sources say...")
    let mut s = head;
    while s > 0 && head - s < MAX_ROLE {
        let p = s - 1;
        if v.toks[p].kind != TokenKind::Word || v.toks[s].para_start || v.sent[p] != v.sent[s] {
            break;
        }
        // a headline in capitals ends where the title in mixed case begins ("KILLED IN DEADLY
        // ISTANBUL EXPLOSION Turkish President ..."); abbreviations do not ("US Ambassador",
        // "GOP VP nominee", "UNICEF USA President")
        let caps = |k: usize| super::is_allcaps(v.s(k));
        let long = |k: usize| v.s(k).len() > 4;
        if p > 1 && caps(p) && caps(p - 1) && caps(p - 2) && (p - 2..=p).any(long) && !caps(s) {
            break;
        }
        if is_part(cx, p) {
            s = p;
            continue;
        }
        // "Secretary of State", "Minister for Foreign Affairs"; a relative of someone is no
        // title ("the cousin of NBA star Dwyane Wade"), nor a role for someone of a title
        // ("national co-chair for Sen. John McCain")
        if (v.is(p, "of") || v.is(p, "for"))
            && p > 0
            && v.info[p - 1].has(f::TITLE | f::ROLE)
            && !KIN.iter().any(|w| v.is(p - 1, w))
            && v.cap(s)
            && !v.info[s].has(f::TITLE | f::HON)
        {
            s = p - 1;
            continue;
        }
        break;
    }
    // "the aid worker Layla": up to two unlisted lowercase words after a determiner
    if s > 0 && !v.info[s - 1].has(f::DET) {
        let mut k = s;
        while k > 0 && s - k < 2 && v.toks[k - 1].kind == TokenKind::Word && !v.cap(k - 1) && v.info[k - 1].flags == 0 {
            k -= 1;
        }
        if k < s && k > 0 && v.is(k - 1, "the") {
            s = k;
        }
    }
    // a lone capitalised word at a sentence start is no role; nor a lone "the"-less lowercase
    // noun in running text ("sister Layla" keeps; "police Smith" is rare)
    if s == head && !v.info[head].has(f::TITLE | f::ROLE) {
        return None;
    }
    // do not take a preceding name as part of the role ("Trump adviser Kellyanne Conway" keeps
    // "Trump adviser", which is right)
    Some((s, end, head))
}

/// "Jeff Sessions, the attorney general,": the apposition after the name ending at token `b`.
fn apposition_after(cx: &Ctx, b: usize) -> Option<(usize, usize, usize)> {
    let v = &cx.v;
    let n = v.len();
    if !v.punct(b, b',') {
        return None;
    }
    let mut s = b + 1;
    // "Tomasz Wielgosz, currently Chief Financial Officer,": the role held now
    if s + 1 < n && (v.is(s, "currently") || v.is(s, "now")) {
        s += 1;
    }
    let mut start = s;
    if s < n && v.info[s].has(f::DET) && !v.is(s, "that") {
        s += 1;
        start = s;
    } else if s < n && v.info[s].has(f::PRON | f::P_POSS) && v.info[s].has(f::P_POSS) {
        s += 1;
    } else if s + 1 < n && v.cap(s) && v.possessive(s + 1) {
        s += 2; // "Layla's brother"
    } else if !(s < n && v.info[s].has(f::TITLE | f::ROLE | f::ROLE_MOD) || line_role(cx, b, s)) {
        return None;
    }
    // the phrase up to a comma, a full stop, a bracket or a verb
    let mut e = s;
    let mut head = None;
    let mut in_pp = false;
    // "of Obama's 2008 campaign": a name's possessive goes on, a year after it too
    // ("the foundation's research director": a noun's possessive before a word, not the "'s"
    // of "is")
    let owned = |e: usize| {
        e > s
            && v.possessive(e)
            && (v.cap(e - 1)
                || v.toks.get(e + 1).is_some_and(|t| t.kind == TokenKind::Word)
                    && !v.info[e + 1].has(f::DET | f::PRON | f::AUX | f::BE | f::NEG | f::ADV | f::PREP))
    };
    let after_owner = |e: usize| e > s + 1 && v.possessive(e - 1) && v.toks[e].kind == TokenKind::Number;
    // "the architect of ... and a close aide": a second role after "and" and "a", or "the"
    // and a role word (not "a spokesman for the police and the fire department")
    let second_role = |e: usize| {
        let role_word =
            || (e + 2..(e + 6).min(n)).take_while(|&k| v.toks[k].kind == TokenKind::Word).any(|k| is_head(cx, k));
        v.is(e, "and")
            && e + 1 < n
            && (v.is(e + 1, "a") || v.is(e + 1, "an") || v.info[e + 1].has(f::DET) && role_word())
    };
    // "a teacher at the high school that was hosting it": a relative clause
    let relative = |e: usize| {
        v.is(e, "who") || v.is(e, "that") && e + 1 < n && v.info[e + 1].has(f::BE | f::AUX | f::PAST | f::S3)
    };
    // the first possessive, before which the phrase ends when it does not end well past it
    // ("the anchor of NBC's \"Nightly News.\"")
    let mut first_owned = None;
    while e < n && e - s < MAX_ROLE {
        let t = &v.toks[e];
        if first_owned.is_none() && owned(e) {
            first_owned = Some(e);
        }
        // a byline's role ends with its line ("By Marta Quennell, Security Correspondent")
        let word = t.kind == TokenKind::Word || after_owner(e);
        let clause = head.is_some() && (second_role(e) || relative(e));
        if !word || (e > s && (t.para_start || v.sent[e] != v.sent[e - 1])) || clause {
            break;
        }
        let inf = &v.info[e];
        // (a word after a possessive is a noun's: "the division's voting section"; not "said")
        let after_possessive = e > s && v.possessive(e - 1) && !inf.has(f::PAST | f::S3 | f::AUX | f::BE);
        if inf.has(f::WH | f::CUE | f::AUX | f::BE) && !inf.has(f::ROLE | f::TITLE) && !owned(e) && !after_possessive {
            break;
        }
        // another person's name after a noun's possessive ends nothing well: "head of the
        // agency's climate unit Eva Lind", "the club's chairman and Tom Berg"
        if first_owned.is_some_and(|k| !v.cap(k - 1)) && person_at(cx, e) {
            return None;
        }
        if inf.has(f::PREP) {
            head?;
            in_pp = true;
        } else if !in_pp && is_head(cx, e) {
            head = Some(e);
        }
        e += 1;
    }
    let head = head?;
    let stop_ok = |e: usize| {
        e >= n
            || v.punct(e, b',')
            || v.punct(e, b'.')
            || v.punct(e, b')')
            || v.punct(e, b';')
            || v.info[e].has(f::CUE | f::AUX | f::BE) && !owned(e)
            || second_role(e)
            // "a close friend of Mrs. Clinton's who died in 2000"
            || relative(e)
            || v.toks[e].para_start
            || v.sent[e] != v.sent[e - 1]
    };
    // a phrase cut at its longest length does not end inside a name ("... fighting the Islamic
    // State" does not end at "State", a cue's word)
    let cut = e - s >= MAX_ROLE && e < n && v.cap(e);
    let mut ends = !cut && stop_ok(e);
    if !ends && let Some(k) = first_owned.filter(|&k| k > head) {
        (e, ends) = (k, true);
    }
    // "a real estate agent today who ...": the time is not the role's (but "the nominee that
    // year", "this year" and "arrested in October" are phrases of their own, and "a reporter
    // for USA Today" holds a name)
    let mut k = e;
    while k > head + 1 && v.info[k - 1].has(f::TIME) && !v.cap(k - 1) && !v.info[k - 1].has(f::DET) {
        k -= 1;
    }
    if ends && k < e && !v.info[k - 1].has(f::PREP | f::DET) {
        e = k;
    }
    // "an anthropologist and physician well known for ...": the adverb of the participle the
    // role stops at is not the role's
    // (only these: a role that ends "..., the mayor also said" is a clause's subject, which a
    // shorter role would make the name's)
    let adverb = |k: usize| ["well", "best", "widely", "long"].iter().any(|w| v.is(k, w));
    if ends && e > head + 1 && e < n && v.toks[e].kind == TokenKind::Word && adverb(e - 1) {
        e -= 1;
    }
    // a title right before a name is that person's ("On the positive side for Clinton,
    // President Barack Obama's approval rating remains strong")
    let titled = cx.persons.covering(&cx.men, head + 1).any(|m| m.a == head + 1 && m.b <= e);
    if !ends || e == s || titled || names_a_person(cx, s, e) {
        return None;
    }
    // the head must be a noun of the phrase, not a modifier ("the chief executive's ...")
    Some((start, e, head))
}

/// "By Nadia Osei, Courts Reporter": capitalized words from token `s` to the end of the line
/// (at most four), the last a role word, as a byline or a signature writes a role; the person's
/// name, ending at the comma `b`, opens the line, after "By" if any (not a headline's "Trump
/// Fires Comey, Taps Acting Director").
fn line_role(cx: &Ctx, b: usize, s: usize) -> bool {
    let v = &cx.v;
    let n = v.len();
    let Some(name) = b.checked_sub(1).and_then(|k| cx.persons.covering(&cx.men, k).find(|m| m.b == b)) else {
        return false;
    };
    let opens = |k: usize| line_break_before(cx, k);
    if !(opens(name.a) || name.a > 0 && v.is(name.a - 1, "by") && opens(name.a - 1)) {
        return false;
    }
    let mut k = s;
    while k < n && k - s < 4 && v.toks[k].kind == TokenKind::Word && v.cap(k) {
        k += 1;
        if line_break_before(cx, k) {
            return is_head(cx, k - 1);
        }
    }
    false
}

/// True when token `i` opens a line: the text's first token, or a line break before it; past
/// the last token, the text's end.
fn line_break_before(cx: &Ctx, i: usize) -> bool {
    i == 0 || i >= cx.v.len() || !cx.v.next_on_line(i - 1)
}

/// A signature: the name of tokens `a` to `b` (end) alone on its line and a role opening the
/// next one, up to a comma or the line's end ("Dana Whitcombe\nHead of Procurement, Orvale
/// Port Authority", "Marta Ilves\nSenior Investigator").
fn signature_after(cx: &Ctx, a: usize, b: usize) -> Option<(usize, usize, usize)> {
    let v = &cx.v;
    let n = v.len();
    let one_newline = b < n && !v.toks[b].para_start && line_break_before(cx, b);
    if !line_break_before(cx, a) || !one_newline || !v.cap(b) {
        return None;
    }
    let (mut e, mut head, mut in_pp) = (b, None, false);
    while e < n && e - b < MAX_ROLE && v.toks[e].kind == TokenKind::Word && (e == b || !line_break_before(cx, e)) {
        if v.info[e].has(f::PREP) {
            head?;
            in_pp = true;
        } else if !in_pp && is_head(cx, e) {
            head = Some(e);
        }
        e += 1;
    }
    // the line is the role, not a sentence or another person ("Director Tom Fenn")
    let ends = e >= n || v.punct(e, b',') || line_break_before(cx, e);
    (ends && !names_a_person(cx, b, e)).then_some((b, e, head?))
}

/// True when the phrase of tokens `s..e` is another person: it ends with a person's name that
/// no preposition before it makes the role's complement ("Cllr R. Okoro, Cllr M. Haldane",
/// "Director Tom Fenn"; not "spokesman for Ann Lee", "mother of Tom Fenn").
fn names_a_person(cx: &Ctx, s: usize, e: usize) -> bool {
    let v = &cx.v;
    // (the mentions that reach past token e - 1 from before e)
    let Some(last) = e.checked_sub(1) else { return false };
    cx.persons
        .covering(&cx.men, last)
        .any(|m| s < m.b && m.b >= e && !(s..m.a).any(|k| v.info[k].has(f::PREP) || v.possessive(k)))
}

/// True when a person's name starts at token `k`.
fn person_at(cx: &Ctx, k: usize) -> bool {
    cx.persons.covering(&cx.men, k).any(|m| m.a == k)
}

/// "Ms L. Dunmore (Town Clerk)", "Cllr J. Pennick (Chair)": a role alone in brackets right
/// after the name ending at token `b`.
fn role_in_brackets(cx: &Ctx, b: usize) -> Option<(usize, usize, usize)> {
    let v = &cx.v;
    if !v.punct(b, b'(') {
        return None;
    }
    let s = b + 1;
    let e = (s..(s + MAX_ROLE).min(v.len())).find(|&k| v.toks[k].kind != TokenKind::Word)?;
    let head = e.checked_sub(1).filter(|&h| h >= s && is_head(cx, h))?;
    (v.punct(e, b')') && (s..e).all(|k| is_part(cx, k)) && !names_a_person(cx, s, e)).then_some((s, e, head))
}

/// "The Minister for Transport (Ruth Kamara): ...": a parliament's or a transcript's label, an
/// office that opens the paragraph and the name of its holder in brackets (tokens `a..b`).
fn office_before_brackets(cx: &Ctx, a: usize, b: usize) -> Option<(usize, usize, usize)> {
    let v = &cx.v;
    if a < 2 || !v.punct(a - 1, b'(') || !v.punct(b, b')') || !v.punct(b + 1, b':') {
        return None;
    }
    let end = a - 1;
    let joins = |k: usize| v.is(k, "of") || v.is(k, "for") || v.is(k, "the") || v.is(k, "and") || v.punct(k, b',');
    let mut s = end;
    while s > 0 && end - s < 10 && !v.toks[s].para_start && (is_part(cx, s - 1) || joins(s - 1)) {
        s -= 1;
    }
    if !v.toks[s].para_start {
        return None;
    }
    if v.is(s, "the") {
        s += 1;
    }
    let head = (s..end).rev().find(|&k| v.info[k].has(f::TITLE | f::ROLE))?;
    (s < end && !joins(end - 1)).then_some((s, end, head))
}

/// "the Home Secretary, Miriam Achebe-Lund": the role and comma right before the name at
/// token `a` (after an honorific, if any).
fn apposition_before(cx: &Ctx, a: usize) -> Option<(usize, usize, usize)> {
    let v = &cx.v;
    let mut c = a;
    if c > 0 && v.info[c - 1].has(f::HON) {
        c -= 1;
    }
    if c < 2 || !v.punct(c - 1, b',') {
        return None;
    }
    let end = c - 1;
    let mut s = end;
    let mut head = None;
    let plain = |k: usize| {
        v.toks[k].kind == TokenKind::Word
            && v.s(k).bytes().all(|b| b.is_ascii_lowercase() || b == b'-')
            && !v.info[k].has(CLOSED_CLASS | f::DET | f::P_POSS)
    };
    // "A spokesman for the agency, Tomas Lindgren", "the head of planning, Martin Oyelaran": a
    // lowercase noun, with "the" or a possessive, after "of", "for" or "at" and a role's head
    if end >= 3 && plain(end - 1) {
        let mut j = end - 1;
        if j >= 3 && (v.is(j - 1, "the") || v.info[j - 1].has(f::P_POSS)) {
            j -= 1;
        }
        if (v.is(j - 1, "of") || v.is(j - 1, "for") || v.is(j - 1, "at")) && is_head(cx, j - 2) {
            s = j - 1;
        }
    }
    while s > 0 && end - s < MAX_ROLE {
        let p = s - 1;
        if v.toks[p].kind != TokenKind::Word || v.toks[s].para_start || v.sent[p] != v.sent[s] {
            break;
        }
        if is_head(cx, p) && head.is_none() {
            head = Some(p);
            s = p;
            continue;
        }
        if is_part(cx, p) && !v.info[p].has(f::PREP) {
            s = p;
            continue;
        }
        if (v.is(p, "of") || v.is(p, "for")) && head.is_none() {
            // "Minister for Foreign Affairs": the head comes before the preposition
            s = p;
            continue;
        }
        break;
    }
    let head = head?;
    // lowercase words before the head, after a determiner or a possessive ("The company's
    // operations director, Neil Whitcombe")
    let mut k = s;
    while k > 0 && s - k < 2 && plain(k - 1) && v.sent[k - 1] == v.sent[s] {
        k -= 1;
    }
    // (the determiner opens its clause: not "In his assessment of the real estate magnate,
    // Calderon", "If she wants to be the next president, Clinton")
    let opens = |d: usize| {
        let mut q = d;
        while q > 0 && v.sent[q - 1] == v.sent[d] && v.toks[q - 1].kind != TokenKind::Punct {
            // (the owner of a possessive may be a common noun: "The company's")
            let name = v.cap(q - 1) && !v.info[q - 1].has(CLOSED_CLASS);
            if !(v.info[q - 1].has(f::DET | f::P_POSS) || name || v.possessive(q - 1) || v.possessive(q)) {
                return false;
            }
            q -= 1;
        }
        true
    };
    if k < s && k > 0 && (v.info[k - 1].has(f::DET | f::P_POSS) || v.possessive(k - 1)) && opens(k - 1) {
        s = k;
    }
    // the phrase is another person ("Scott Farmer, Tony Denny", a list of names)
    if s == end || names_a_person(cx, s, end) {
        return None;
    }
    // a title right before a name is another person ("Like Senator Tom Fenn, Ann Lee voted";
    // "Gov. Scott Walker, Bobby Jindal"), a name later is not ("attorney for Pagliano, Mark ...")
    if head + 1 < end && cx.persons.covering(&cx.men, head + 1).next().is_some() {
        return None;
    }
    // stops at a determiner or possessive, or the sentence start
    let p = s.checked_sub(1);
    let ok = match p {
        None => true,
        Some(p) => {
            v.info[p].has(f::DET | f::P_POSS)
                // "Valdane Shipping, whose chief executive, Oskar Lindqvist, ..."
                || v.is(p, "whose")
                || v.possessive(p)
                || v.toks[p].kind == TokenKind::Punct
                || v.toks[s].para_start
                // "As House Speaker, Paul Ryan"
                || opens_with_function_word(cx, p)
                // a headline line without a full stop above
                || v.sent[p] != v.sent[s]
        }
    };
    ok.then_some((s, end, head))
}

/// "Ann Lee is the chief executive of Valdane Shipping", "Tom Fenn, who became mayor of Kell
/// last year,", "Marta Ilves was appointed prosecutor in 2010": a role said of the name of
/// tokens `a` to `b` (end), by "is", "was", "has been", "became", "remains", "served
/// as" or "was appointed", "named", "elected" (no negation, no contracted "'s", which is mostly
/// a possessive; not after "if" or "whether"). The role runs from its head noun's modifiers to the head, and on through "of",
/// "for", "at" or "to" and a capitalized name ("of Valdane Shipping"); it stops before anything
/// else ("in 2010", "last year"). Returns (first token, end token, head token).
fn predicate_after(cx: &Ctx, a: usize, b: usize) -> Option<(usize, usize, usize)> {
    let v = &cx.v;
    let n = v.len();
    // "if Donald Trump is president", "whether Secretary Clinton is the nominee", "if fellow
    // candidate Donald Trump is president": a supposition
    let suppose = ["if", "unless", "whether", "when", "once", "until", "should"];
    let lo = a.saturating_sub(4);
    if (lo..a)
        .rev()
        .take_while(|&k| v.toks[k].kind == TokenKind::Word && v.sent[k] == v.sent[a])
        .any(|k| suppose.iter().any(|w| v.is(k, w)))
    {
        return None;
    }
    let mut k = b;
    // a biography's dates in brackets ("Ann Lee (born 14 March 1961) is a novelist"), a photo's
    // pointer ("Ann Lee (pictured) is the new chief executive")
    const POINTERS: &[&str] = &["born", "pictured", "left", "right", "centre", "center", "above", "below"];
    if v.punct(k, b'(')
        && let Some(close) = (k + 1..n.min(k + 16)).take_while(|&t| v.sent[t] == v.sent[k]).find(|&t| v.punct(t, b')'))
        && (k + 1..close).any(|t| v.toks[t].kind == TokenKind::Number || POINTERS.iter().any(|w| v.is(t, w)))
    {
        k = close + 1;
    }
    if v.punct(k, b',') && v.is(k + 1, "who") {
        k += 2;
    } else if !opens_clause(cx, a) {
        // the name is the verb's subject, not an object before it ("The man who shot Ann Lee
        // was a police officer", "The lawyer for Tom Fenn is a former prosecutor")
        return None;
    }
    let is_any = |k: usize, words: &[&str]| words.iter().any(|w| v.is(k, w));
    if is_any(k, &["has", "had", "have"]) && v.is(k + 1, "been") {
        k += 2;
    } else if is_any(k, &["is", "was", "became", "remains", "remained"]) {
        k += 1;
    } else if is_any(k, &["serves", "served", "works", "worked"]) && v.is(k + 1, "as") {
        k += 2;
    } else {
        return None;
    }
    if is_any(k, &["appointed", "named", "elected", "made", "chosen"]) && (v.is(k - 1, "was") || v.is(k - 1, "been")) {
        k += 1;
        if v.is(k, "as") {
            k += 1;
        }
    }
    if k >= n || v.sent[k] != v.sent[b.min(n - 1)] {
        return None;
    }
    // an article, a possessive pronoun, or the role's first word right away
    let start = if v.is(k, "a") || v.is(k, "an") || v.is(k, "the") || v.info[k].has(f::P_POSS) && v.info[k].has(f::PRON)
    {
        k + 1
    } else {
        k
    };
    let (mut e, mut head, mut end) = (start, None, None);
    let mut pp: Option<usize> = None; // the preposition before the role's name
    let mut loose = false; // an unlisted lowercase word before the head ("media editor", "bad president")
    while e < n && e - start < MAX_ROLE {
        let t = &v.toks[e];
        if t.kind != TokenKind::Word || (e > start && (t.para_start || v.sent[e] != v.sent[e - 1])) {
            break;
        }
        let inf = &v.info[e];
        let role = inf.has(f::ROLE | f::TITLE | f::ROLE_MOD);
        if let Some(p) = pp {
            // the name after "of": capitalized words, "the" first, "of" inside ("Bank of Kell")
            let inside = v.is(e, "the") && e == p + 1 || v.is(e, "of") && v.cap(e - 1) && v.cap(e + 1);
            // a name the tagger found, whole ("at Fenn & Co")
            if let Some(m) = cx.men.iter().find(|m| m.kind == MentionKind::Name && m.a == e) {
                end = Some(m.b);
                e = m.b;
                continue;
            }
            if v.cap(e) && !inf.has(f::DET) {
                end = Some(e + 1);
            } else if !inside {
                // "the daughter of Indian immigrants": the capital was a modifier, not a name;
                // "mayor of Ardenport last year", "of Kell in 2010" end at the name
                if inf.flags == 0 && !v.is(e, "last") {
                    return None;
                }
                break;
            }
        } else if is_any(e, &["of", "for", "at", "to"]) && head.is_some() {
            if !(v.cap(e + 1) || v.is(e + 1, "the") && v.cap(e + 2)) {
                // "chief of staff" is no "chief"; "prosecutor for two years" is a prosecutor
                if v.is(e, "of") {
                    return None;
                }
                break;
            }
            pp = Some(e);
        } else if inf.has(f::WH | f::CUE | f::AUX | f::BE | f::NEG | f::TIME | f::CONJ | f::PREP) && !role {
            break;
        } else if is_head(cx, e) && !v.s(e).ends_with("ing") {
            head = Some(e);
            end = Some(e + 1);
        } else if head.is_some() || !(inf.flags == 0 || role) {
            break;
        } else if !role && !v.cap(e) {
            loose = true;
        }
        e += 1;
    }
    let (head, end) = (head?, end?);
    // without a name to anchor it, a role is one of listed words ("the Republican nominee",
    // "a senior lawyer"): "a bad president", "the best candidate" are opinions; and a man, a
    // daughter, a victim or a resident is no role, of anyone or anywhere
    #[rustfmt::skip]
    const PLAIN: &[&str] = &[
        "man", "woman", "person", "victim", "friend", "father", "mother", "son", "daughter", "wife", "husband",
        "brother", "sister", "neighbour", "neighbor", "relative", "resident", "colleague", "voter",
    ];
    if (pp.is_none() && loose) || PLAIN.iter().any(|w| v.is(head, w)) {
        return None;
    }
    // "the lawyer's client": the role is someone else's; "Sen. Jeff Sessions": another's title
    if v.possessive(end) || person_at(cx, end) {
        return None;
    }
    Some((start, end, head))
}

/// True when the name starting at token `a`, with the titles and capitalized words before it
/// ("US Attorney General Jeff Sessions"), opens its clause: at the start of a sentence or
/// paragraph, or after a comma, a colon, a dash, a bracket, a quote mark, "and" or "but".
fn opens_clause(cx: &Ctx, a: usize) -> bool {
    let v = &cx.v;
    let mut p = a;
    while p > 0
        && a - p < 6
        && !v.opens_sentence(p)
        && (v.cap(p - 1) || v.punct(p - 1, b'.') && v.cap(p.saturating_sub(2)))
    {
        p -= 1;
    }
    if p == 0 || v.opens_sentence(p) || v.toks[p].para_start || after_opener(cx, p) {
        return true;
    }
    let q = p - 1;
    [b',', b';', b':'].iter().any(|&c| v.punct(q, c)) || v.is(q, "and") || v.is(q, "but")
}
