//! Grouping name mentions: nickname and acronym definitions, identical names, short forms of
//! person names, and acronyms that spell one organisation's initials.

use super::words::f;
use super::words::{FxMap, FxSet};
use super::{Ctx, Gender, Work, is_acronym};
use crate::ner::lexicon::{DEFINITION_ENDS as ENDS, defining_nouns};
use dossier_model::{EntityType, MentionKind, Span, TokenKind};

pub(crate) fn cluster(cx: &mut Ctx) {
    definitions(cx);
    birth_names(cx);
    names(cx);
    surnames(cx);
    initials(cx);
}

/// Surnames the tagger missed ("Ms Achebe-Lund writes", "Mr Varga said"): a capitalised word
/// that is the last word of a person's full name in the document, not inside another name,
/// becomes an alias mention of the most prominent such person (see [`pick`]).
fn surnames(cx: &mut Ctx) {
    use super::words::f;
    let n = cx.v.len();
    // surname as written → full-name mentions, one per full name as written (its repeats are
    // in its cluster already)
    let mut by_last: FxMap<&str, Vec<usize>> = FxMap::default();
    let mut listed: FxSet<Vec<&str>> = FxSet::default();
    for i in 0..cx.men.len() {
        let w = &cx.men[i];
        if w.linkable
            && w.ty == EntityType::Person
            && w.b - w.a > 1
            && w.kind == MentionKind::Name
            && !not_a_person_name(cx, i)
            && listed.insert((w.a..w.b).map(|k| cx.v.s(k)).collect())
        {
            let last = cx.v.s(w.b - 1);
            if last.chars().next().is_some_and(char::is_uppercase) && last.len() > 2 {
                by_last.entry(last).or_default().push(i);
            }
        }
    }
    if by_last.is_empty() {
        return;
    }
    let cov = coverage(cx);
    let mut add: Vec<(usize, Vec<usize>)> = Vec::new(); // token, full-name mentions
    let day = |k: usize| k < n && cx.v.s(k).len() <= 2 && cx.v.s(k).bytes().all(|b| b.is_ascii_digit());
    for t in 0..n {
        if cov[t] != u32::MAX || cx.v.toks[t].kind != TokenKind::Word || !cx.v.cap(t) {
            continue;
        }
        let Some(list) = by_last.get(cx.v.s(t)) else { continue };
        // not part of a longer capitalised run ("Clinton Foundation"), unless a title or an
        // honorific stands before it
        let next_cap = t + 1 < n && cx.v.cap(t + 1) && cov[t + 1] == u32::MAX;
        // nor a month beside a day, a date ("On May 9, 1924, May came in")
        let date = crate::ner::is_calendar_word(cx.v.s(t)) && (day(t + 1) || t > 0 && day(t - 1));
        if next_cap || date {
            continue;
        }
        add.push((t, list.clone()));
    }
    for (t, list) in add {
        let mut written = None;
        let mut gender = super::Gender::Any;
        if t > 0 && cx.v.info[t - 1].has(f::HON) && cx.v.cap(t - 1) {
            written = Some(Span::new(cx.v.toks[t - 1].span.start, cx.v.toks[t].span.end));
            gender = cx.v.info[t - 1].gender();
        }
        let Some(c) = pick(cx, &list, t, gender, true) else { continue };
        let k = cx.add(Work {
            span: cx.v.toks[t].span,
            ty: EntityType::Person,
            a: t,
            b: t + 1,
            kind: MentionKind::Alias,
            written,
            gender,
            linkable: true,
            entity: None,
        });
        cx.union(k, c);
    }
}

/// Per token, the mention covering it (`u32::MAX` for none).
fn coverage(cx: &Ctx) -> Vec<u32> {
    let mut cov = vec![u32::MAX; cx.v.len()];
    for (i, w) in cx.men.iter().enumerate() {
        for c in &mut cov[w.a..w.b.min(cx.v.len())] {
            *c = i as u32;
        }
    }
    cov
}

/// A nickname or short form defined next to a name.
struct Def {
    /// The mention it belongs to.
    owner: usize,
    /// Its words (case-sensitive), without "the" and quote marks.
    core: Vec<String>,
    /// Only where "the" comes before it and no noun after it: a unit's number ("the 65th").
    unit_number: bool,
}

/// "X, known as Y", "X (dubbed Y)", "X (the Met)", "X (FBI)": Y is linked to X wherever it
/// occurs in the document.
fn definitions(cx: &mut Ctx) {
    let v = &cx.v;
    let n = v.len();
    let cov = coverage(cx);
    let mut defs: Vec<Def> = Vec::new();
    let mention_ending_at = |end: usize| -> Option<usize> {
        // the mention whose last token is `end - 1`
        let m = *cov.get(end.checked_sub(1)?)?;
        (m != u32::MAX && cx.men[m as usize].b == end && cx.men[m as usize].linkable).then_some(m as usize)
    };
    for i in 0..n {
        let trigger = v.info[i].has(f::ALIAS_CUE);
        // "Maja Lind, whom members call ‘the Anchor’"
        let whom_call = (v.is(i, "call") || v.is(i, "calls") || v.is(i, "called"))
            && (i.saturating_sub(4)..i).any(|k| v.is(k, "whom") && k > 1 && v.punct(k - 1, b','));
        if whom_call {
            let k = (i.saturating_sub(4)..i).rev().find(|&k| v.is(k, "whom")).expect("checked");
            if let Some(owner) = mention_ending_at(k - 1)
                && cx.men[owner].ty == EntityType::Person
                && let Some(core) = nickname_at(cx, i + 1)
            {
                defs.push(Def { owner, core, unit_number: false });
            }
            continue;
        }
        if !trigger && (v.toks[i].kind != TokenKind::Punct || !v.punct(i, b'(')) {
            continue;
        }
        // nickname triggers
        let after = if !trigger {
            None
        } else if v.is(i, "known") && v.is(i + 1, "as") {
            Some(i + 2)
        } else if v.is(i, "known") && (v.is(i + 1, "to") || v.is(i + 1, "among")) {
            // "known to his captors as", "known among locals as": up to four words say to whom
            (i + 3..(i + 7).min(n))
                .take_while(|&k| v.toks[k - 1].kind == TokenKind::Word)
                .find(|&k| v.is(k, "as"))
                .map(|k| k + 1)
        } else if v.is(i, "dubbed")
            || v.is(i, "nicknamed")
            || v.is(i, "alias")
            || v.is(i, "aka")
            || v.is(i, "a.k.a.")
            || v.is(i, "called") && i > 0 && v.is(i - 1, "also")
        {
            Some(i + 1)
        } else {
            None
        };
        if let Some(start) = after {
            // the name before: "X, known as", "X (also known as", "X, better known as"
            let mut j = i;
            while j > 0
                && i - j < 4
                && (v.punct(j - 1, b',')
                    || v.punct(j - 1, b'(')
                    || v.is(j - 1, "also")
                    || v.is(j - 1, "better")
                    || v.is(j - 1, "widely"))
            {
                j -= 1;
            }
            let owner = mention_ending_at(j);
            if let Some(owner) = owner
                && matches!(cx.men[owner].ty, EntityType::Person | EntityType::Org | EntityType::Misc)
                && let Some(core) = nickname_at(cx, start)
            {
                defs.push(Def { owner, core, unit_number: false });
            }
        }
        // "(FBI)", "(the Met)" after an organisation's name
        if v.punct(i, b'(')
            && let Some(owner) = mention_ending_at(i)
            && cx.men[owner].ty != EntityType::Person
        {
            let mut s = i + 1;
            if v.is(s, "the") {
                s += 1;
            }
            let mut e = s;
            while e < n && e < s + 3 && v.cap(e) {
                e += 1;
            }
            if e > s && v.punct(e, b')') {
                let alias: Vec<String> = (s..e).map(|k| v.s(k).to_string()).collect();
                let owner_words: Vec<&str> = (cx.men[owner].a..cx.men[owner].b).map(|k| v.s(k)).collect();
                if abbreviates(&alias, &owner_words) {
                    defs.push(Def { owner, core: alias, unit_number: false });
                }
            }
        }
    }
    // a nickname in quotation marks inside a person's name ("Robert "Bobby" Dale", "James
    // 'Jimmy' Cole"): "Bobby" alone is the same person
    for (k, m) in cx.men.iter().enumerate() {
        if m.ty != EntityType::Person || !m.linkable || m.b > n {
            continue;
        }
        // (the marks close before the name's last word; "Mary 'The Boss' Smith": "Boss", as
        // after "known as")
        let Some(open) = (m.a + 1..m.b).find(|&i| v.toks[i].kind == TokenKind::Quote) else { continue };
        if (open + 1..m.b - 1).any(|i| v.toks[i].kind == TokenKind::Quote)
            && let Some(core) = nickname_at(cx, open)
        {
            defs.push(Def { owner: k, core, unit_number: false });
        }
    }
    // "the 65th" after "the 65th Air Division", "The 139th" after "the 139th Infantry Regiment":
    // a military unit is called by its number (WikiGold tags each one)
    const UNITS: &[&str] = &[
        "division",
        "wing",
        "regiment",
        "battalion",
        "brigade",
        "corps",
        "fleet",
        "squadron",
        "infantry",
        "cavalry",
        "artillery",
        "army",
        "airborne",
        "volunteers",
        "group",
        "force",
    ];
    for (k, m) in cx.men.iter().enumerate() {
        let w = v.s(m.a);
        let ordinal = crate::ner::ordinal_digits(w).is_some();
        let unit = (m.a + 1..m.b).any(|i| crate::ner::lower_in(UNITS, v.s(i)));
        if m.ty == EntityType::Org && m.linkable && ordinal && unit && !defs.iter().any(|d| d.core[0] == w) {
            defs.push(Def { owner: k, core: vec![w.to_string()], unit_number: true });
        }
    }
    if defs.is_empty() {
        return;
    }
    // every occurrence of each defined alias, found from the places of its first word (a scan
    // of the document per alias made long documents quadratic)
    let mut places: FxMap<String, Vec<usize>> = defs.iter().map(|d| (d.core[0].clone(), Vec::new())).collect();
    for i in 0..n {
        if let Some(list) = places.get_mut(cx.v.s(i)) {
            list.push(i);
        }
    }
    let mut cov = cov;
    for d in defs {
        let len = d.core.len();
        let mut i = 0;
        for &at in &places[&d.core[0]] {
            if at < i || at + len > n || (1..len).any(|k| cx.v.s(at + k) != d.core[k]) {
                continue;
            }
            let (a, b) = (at, at + len);
            if d.unit_number && (a < cx.men[d.owner].b || !unit_number_at(&cx.v, a)) {
                continue;
            }
            let covering: Vec<u32> = cov[a..b].to_vec();
            // "the Ferryman" as written
            let written = (a > 0 && cx.v.info[a - 1].has(super::words::f::THE))
                .then(|| Span::new(cx.v.toks[a - 1].span.start, cx.v.toks[b - 1].span.end));
            if covering.iter().all(|&c| c == u32::MAX) {
                let ty = cx.men[d.owner].ty;
                let span = Span::new(cx.v.toks[a].span.start, cx.v.toks[b - 1].span.end);
                let w = Work {
                    span,
                    ty,
                    a,
                    b,
                    kind: MentionKind::Alias,
                    written,
                    gender: super::Gender::Any,
                    linkable: true,
                    entity: None,
                };
                let k = cx.add(w);
                for c in &mut cov[a..b] {
                    *c = k as u32;
                }
                cx.union(d.owner, k);
            } else if let Some(&c) = covering.first()
                && c != u32::MAX
                && covering.iter().all(|&x| x == c)
                && cx.men[c as usize].a >= a
                && cx.men[c as usize].b <= b
                && cx.men[c as usize].linkable
            {
                cx.union(d.owner, c as usize);
                cx.men[c as usize].kind = MentionKind::Alias;
                if cx.men[c as usize].written.is_none() {
                    cx.men[c as usize].written = written;
                }
            }
            i = b;
        }
    }
}

/// True when the unit's number at token `a` stands for the unit: "the" before it, and after it
/// no word that would make it a count or a rank of something else ("the 65th anniversary"): a
/// punctuation mark, a verb in "-ed", or a function word ("the 65th was", "the 139th along").
/// Not a day of the month: after a preposition of time ("on the 2nd,", "by the 6th"), before
/// "of" ("the 3rd of June") or before another number ("the 1st and 2nd of August").
fn unit_number_at(v: &super::words::View, a: usize) -> bool {
    use super::words::f;
    const TIME_PREPOSITIONS: &[&str] = &["on", "by", "until", "till", "from", "since", "before", "after", "through"];
    if a == 0 || !v.is(a - 1, "the") || a >= 2 && TIME_PREPOSITIONS.iter().any(|p| v.is(a - 2, p)) {
        return false;
    }
    let Some(next) = v.toks.get(a + 1) else { return true };
    let w = v.s(a + 1);
    let number_next = v.toks.get(a + 2).is_some_and(|_| v.s(a + 2).starts_with(|c: char| c.is_ascii_digit()));
    if v.is(a + 1, "of") || number_next {
        return false;
    }
    next.kind == TokenKind::Punct
        || w.ends_with("ed") && w.starts_with(char::is_lowercase)
        || v.info[a + 1].has(f::AUX | f::BE | f::ADV | f::PREP | f::CONJ | f::WH | f::COMP)
}

/// Birth names: "Jane Lind (née Jane Kask)", "Anna Lind, born Anna Kask,", and an obituary's
/// "Born Marguerite Ann Feld in Halvering, she was ...", whose name shares its first word with
/// a person's full name given before it ("Marguerite Ollander"): the birth name is an alias of
/// that person, so that the pronouns after it are hers too (they had gone to a second person).
fn birth_names(cx: &mut Ctx) {
    let v = &cx.v;
    let cov = coverage(cx);
    let person_at = |k: usize| {
        let m = *cov.get(k)?;
        let w = cx.men.get(m as usize)?;
        (w.a == k && w.linkable && w.ty == EntityType::Person && w.kind == MentionKind::Name).then_some(m as usize)
    };
    let mut pairs: Vec<(usize, usize)> = Vec::new();
    for i in 1..v.len() {
        let nee = v.is(i, "née") || v.is(i, "nee");
        if !nee && !v.is(i, "born") {
            continue;
        }
        let Some(m) = person_at(i + 1) else { continue };
        let after_name = i >= 2 && (v.punct(i - 1, b',') || v.punct(i - 1, b'('));
        let owner = if after_name {
            // the person named right before the comma or bracket
            let c = cov[i - 2];
            (c != u32::MAX && cx.men[c as usize].b == i - 1).then_some(c as usize).and_then(|c| person_at(cx.men[c].a))
        } else if !nee && (v.opens_sentence(i) || v.toks[i].para_start) {
            // "Born Marguerite Ann Feld in ...": the last person of that first name, whose
            // surname the birth name lacks ("Born Donald Trump Jr." is the son; "Born George
            // Walker Bush" not the father "George H. W. Bush")
            let first = v.s(cx.men[m].a);
            let born: Vec<&str> = (cx.men[m].a..cx.men[m].b).map(|k| v.s(k)).collect();
            (0..m).rev().find(|&o| {
                let w = &cx.men[o];
                w.linkable
                    && w.ty == EntityType::Person
                    && w.kind == MentionKind::Name
                    && w.b - w.a >= 2
                    && w.b <= i
                    && v.s(w.a) == first
                    && !born.contains(&v.s(w.b - 1))
            })
        } else {
            None
        };
        if let Some(o) = owner {
            pairs.push((o, m));
        }
    }
    for (o, m) in pairs {
        cx.men[m].kind = MentionKind::Alias;
        cx.union(o, m);
    }
}

/// The nickname starting at token `start`: an optional quote mark and "the", then capitalised
/// words (or any words up to the closing mark, when quoted).
fn nickname_at(cx: &Ctx, start: usize) -> Option<Vec<String>> {
    let v = &cx.v;
    let n = v.len();
    let mut s = start;
    let quoted = s < n && v.toks[s].kind == TokenKind::Quote;
    if quoted {
        s += 1;
    }
    if v.is(s, "the") {
        s += 1;
    }
    let mut e = s;
    if quoted {
        while e < n && e < s + 5 && v.toks[e].kind == TokenKind::Word {
            e += 1;
        }
        if e >= n || v.toks[e].kind != TokenKind::Quote {
            return None;
        }
    } else {
        while e < n && e < s + 4 && v.cap(e) {
            e += 1;
        }
    }
    // a capitalised word must lead the nickname, so that it can be found again
    if e == s || !v.cap(s) {
        return None;
    }
    Some((s..e).map(|k| v.s(k).to_string()).collect())
}

/// True when `alias` can abbreviate `name`: an acronym whose letters are initials of the name's
/// words in order (first letter first), or a word that begins one of the name's words.
fn abbreviates(alias: &[String], name: &[&str]) -> bool {
    if alias.len() == 1 && is_acronym(&alias[0]) {
        let letters: Vec<char> = alias[0].chars().filter(|c| c.is_alphabetic()).collect();
        let initials: Vec<char> = name.iter().filter_map(|w| w.chars().next()).filter(|c| c.is_uppercase()).collect();
        if initials.first() != letters.first() {
            return false;
        }
        // letters in order among the initials (or among all letters of the name)
        let mut it = initials.iter();
        if letters.iter().all(|l| it.any(|c| c == l)) {
            return true;
        }
        let joined: String = name.concat().to_uppercase();
        let mut it = joined.chars();
        return letters.iter().all(|l| it.any(|c| c == *l));
    }
    alias.len() == 1 && name.iter().any(|w| w.len() > alias[0].len() && w.starts_with(alias[0].as_str()))
}

/// Identical names, and short forms of person names: a name that repeats the end (surname) or
/// the start (given name) of a longer person name joins the most prominent such person so far
/// (see [`pick`]). A one-word name is read as a given name only when no person of the document
/// has it as surname; "Donald J." (a given name and an initial) joins a full name with that
/// given name, or else a person name right after it.
fn names(cx: &mut Ctx) {
    let n = cx.men.len();
    // "The Associated Press" is "Associated Press": a name of three words or more is compared
    // without its "The", which the tagger keeps inside a sentence (as CoNLL-2003 writes it); one
    // of two keeps it, or its word would join a person of that surname ("The Edge" is not "Dan
    // Edge"; the price: "The Journal" no longer shortens "The Wall Street Journal")
    let norm = |i: usize| {
        let (a, b) = (cx.men[i].a, cx.men[i].b);
        if cx.reversed_name(i) {
            return format!("{} {}", cx.norm(a + 2, b), cx.norm(a, a + 1));
        }
        let strip = b - a >= 3 && cx.v.is(a, "the");
        cx.norm(if strip { a + 1 } else { a }, b)
    };
    let norms: Vec<String> = (0..n).map(|i| if cx.men[i].linkable { norm(i) } else { String::new() }).collect();
    let words: Vec<Vec<&str>> = norms.iter().map(|s| s.split(' ').collect()).collect();
    // an organisation's name of two words without its "The", only to shorten another
    // organisation's ("The Times" for "The New York Times"; "The Post" for "Washington Post")
    // (kept for those names alone: every other name shortens as `norms` and `words` write it)
    let short_norms: Vec<Option<String>> = (0..n)
        .map(|i| {
            let (a, b) = (cx.men[i].a, cx.men[i].b);
            let org_of_two = cx.men[i].linkable && b - a == 2 && cx.men[i].ty == EntityType::Org;
            (org_of_two && cx.v.is(a, "the")).then(|| cx.norm(a + 1, b))
        })
        .collect();
    let short_words: Vec<Option<Vec<&str>>> =
        short_norms.iter().map(|s| s.as_deref().map(|s| s.split(' ').collect())).collect();
    let odd: Vec<bool> = (0..n).map(|i| not_a_person_name(cx, i)).collect();
    let full = |i: usize, cx: &Ctx| {
        cx.men[i].linkable
            && cx.men[i].ty == EntityType::Person
            && words[i].len() > 1
            && !odd[i]
            && !is_initial(words[i][words[i].len() - 1])
    };
    let mut by_last: FxMap<&str, Vec<usize>> = FxMap::default();
    let mut by_first: FxMap<&str, Vec<usize>> = FxMap::default();
    let mut first_full: FxMap<&str, usize> = FxMap::default();
    // one mention per full name: the same full name joins one cluster below, so its repeats
    // would only lengthen every candidate list (quadratic in a long document)
    let mut listed: FxSet<&str> = FxSet::default();
    for i in 0..n {
        if full(i, cx) && listed.insert(norms[i].as_str()) {
            by_last.entry(words[i][words[i].len() - 1]).or_default().push(i);
            by_first.entry(words[i][0]).or_default().push(i);
        }
    }
    // mentions in text order (aliases added by definitions come last in `men`)
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by_key(|&i| cx.men[i].span.start);
    // the same full name is the same person, so that prominence counts all its mentions
    for &i in &order {
        if full(i, cx) {
            match first_full.get(norms[i].as_str()) {
                Some(&j) => cx.union(i, j),
                None => {
                    first_full.insert(norms[i].as_str(), i);
                }
            }
        }
    }
    let by_start: FxMap<usize, usize> = (0..n)
        .filter(|&j| cx.men[j].linkable && cx.men[j].ty == EntityType::Person && !odd[j])
        .map(|j| (cx.men[j].a, j))
        .collect();
    // a place keeps its own name ("Ruth Danvers ... in Danvers"), unless most mentions of the
    // same words in the document are no place: then the tagger misread one of them ("El-Sayeed
    // said of Brekov" after "Brekov's death" and "Brekov gave the orders")
    let mut as_place: FxMap<&str, (usize, usize)> = FxMap::default();
    for (w, norm) in cx.men.iter().zip(&norms) {
        if w.linkable && w.kind == MentionKind::Name {
            let c = as_place.entry(norm.as_str()).or_default();
            c.0 += usize::from(w.ty == EntityType::Loc);
            c.1 += 1;
        }
    }
    let a_place = |i: usize| as_place.get(norms[i].as_str()).is_none_or(|&(loc, all)| 2 * loc >= all);
    // organisations a name may shorten: a company by its first words, anywhere in the document
    // ("Harwick" or "Harwick Instruments" for "Harwick Instruments plc", which the tagger may
    // read as a person), any organisation named before by a last word that is no common one
    // ("Rovers" after "Castlebury Rovers"); one mention per name, the first, and whether it is a
    // company's
    let mut org_names: FxSet<&str> = FxSet::default();
    let orgs: Vec<(usize, bool)> = order
        .iter()
        .copied()
        .filter(|&j| {
            cx.men[j].linkable
                && cx.men[j].ty == EntityType::Org
                && words[j].len() > 1
                && org_names.insert(norms[j].as_str())
        })
        .map(|j| (j, company_name(cx, j)))
        .collect();
    // where each name of one or two words first stands alone
    let mut first_alone: FxMap<&str, usize> = FxMap::default();
    for &o in &order {
        if cx.men[o].linkable && words[o].len() <= 2 {
            first_alone.entry(norms[o].as_str()).or_insert(cx.men[o].span.start);
        }
    }
    // a name of one word that stands for many organisations ("Council", "Court")
    let generic = |mw: &[&str]| {
        mw.len() == 1 && (crate::ner::lexicon::ORG_WORDS.contains(&mw[0]) || GENERIC_ORG_ENDS.contains(&mw[0]))
    };
    // (the organisations by their first and their last word: a name asks only those that can
    // match it, where a document of thousands of organisations asked each of them for each name)
    let mut orgs_by_first: FxMap<&str, Vec<usize>> = FxMap::default();
    let mut orgs_by_last: FxMap<&str, Vec<usize>> = FxMap::default();
    for (p, &(j, _)) in orgs.iter().enumerate() {
        orgs_by_first.entry(words[j][0]).or_default().push(p);
        orgs_by_last.entry(words[j][words[j].len() - 1]).or_default().push(p);
    }
    let shortens_org = |i: usize, cx: &Ctx| {
        let (w, mw) = (&cx.men[i], short_words[i].as_deref().unwrap_or(&words[i]));
        let generic = generic(mw);
        // (a name's words are never none: splitting "" gives [""])
        let first = orgs_by_first.get(mw[0]).map_or(&[][..], Vec::as_slice);
        let last = if mw.len() == 1 { orgs_by_last.get(mw[0]).map_or(&[][..], Vec::as_slice) } else { &[][..] };
        let matches = |&&p: &&usize| {
            let (j, company) = orgs[p];
            let jw = &words[j];
            let js = cx.men[j].span.start;
            (company
                && jw.len() > mw.len()
                && matches!(w.ty, EntityType::Org | EntityType::Person)
                && !generic
                && jw.starts_with(mw))
                || (mw.len() == 1
                    && w.ty == EntityType::Org
                    && js < w.span.start
                    && mw[0] == jw[jw.len() - 1]
                    && !generic
                    // (not a name that stood alone before: "Twitter" before "pro-Islamic State
                    // Twitter", a span the tagger ran too far)
                    && first_alone.get(short_norms[i].as_deref().unwrap_or(&norms[i])).is_none_or(|&p| p >= js))
        };
        // (each list is in the organisations' order: the earlier of their first matches)
        let found = match (first.iter().find(matches), last.iter().find(matches)) {
            (Some(&a), Some(&b)) => Some(a.min(b)),
            (a, b) => a.or(b).copied(),
        };
        found.map(|p| orgs[p].0)
    };
    // a person with that surname named before the short name keeps it
    let person_before = |i: usize, cx: &Ctx| {
        by_last.get(words[i][0]).is_some_and(|l| l.iter().any(|&c| cx.men[c].span.start < cx.men[i].span.start))
    };
    // names the text writes as a place somewhere (`written_as_place`): their other mentions the
    // tagger read as places stay places
    let places_written: FxSet<&str> =
        (0..n).filter(|&i| cx.men[i].linkable && written_as_place(cx, i)).map(|i| norms[i].as_str()).collect();
    // names used as a place anywhere in the document by wider signs (`place_sign`), which keep a
    // place's name from becoming a person's surname below
    let edges = PlaceEdges::of(cx);
    let used_as_place: FxSet<&str> = (0..n)
        .filter(|&i| cx.men[i].linkable && (written_as_place(cx, i) || place_sign(cx, i, &edges)))
        .map(|i| norms[i].as_str())
        .collect();
    // a name of one or two words that opens the longer name (by up to three words) of one
    // organisation named before it, and of no other: its short name ("Brightwater" after
    // "Brightwater Analytics", "Thistle Road" after "Thistle Road Services"), also where the
    // tagger read it as a place. Not a name the lexicons know, which stands for itself ("Boston"
    // of "Boston Scientific", "CBS" of "CBS This Morning"); nor words the text writes as a place
    // (see `written_as_place`); nor a street's name that neither speaks nor owns; nor the place of a public
    // body or a club ("Kellmore" of "Kellmore County Council"; the club's
    // own short name is one the tagger reads as an organisation: "Castlemoor levelled"); nor a
    // part of a headline read as one name ("Cape Breton Will Welcome American Refugees") or of a
    // person's office ("Supreme Court Justice Sonia Sotomayor")
    let opens_org = |i: usize, cx: &Ctx| {
        let (w, mw) = (&cx.men[i], &words[i]);
        let place = w.ty == EntityType::Loc;
        if !w.linkable
            || w.kind != MentionKind::Name
            || !matches!(w.ty, EntityType::Org | EntityType::Loc)
            || mw.len() > 2
            // (two words the tagger read as an organisation stand for themselves more often than
            // not: "Breitbart News" of "Breitbart News Daily"; so do acronyms: "DNC")
            || mw.len() == 2 && !place
            || mw.len() == 1 && super::is_acronym(cx.v.s(w.a))
            || generic(mw)
            || places_written.contains(norms[i].as_str())
            || place && mw.len() == 2 && STREET_WORDS.contains(&mw[1]) && !speaks_or_owns(cx, w.b)
            || by_last.contains_key(mw[0])
            || by_first.contains_key(mw[0])
        {
            return None;
        }
        let mut opened = orgs.iter().filter(|&&(j, _)| words[j].len() > mw.len() && words[j].starts_with(mw));
        let &(j, _) = opened.next()?;
        let (ja, jb, js) = (cx.men[j].a, cx.men[j].b, cx.men[j].span.start);
        let body = |x: &&str| PUBLIC_BODIES.contains(x) || place && CLUB_WORDS.contains(x);
        let alone_before = first_alone.get(norms[i].as_str()).is_some_and(|&p| p < js);
        let office = (ja + mw.len()..jb).any(|k| cx.v.info[k].has(f::ROLE | f::TITLE));
        // (one organisation, written longer or shorter: "Norvale Systems" and "Norvale Systems Inc.")
        let other = |&(k, _): &(usize, bool)| !words[k].starts_with(&words[j]) && !words[j].starts_with(&words[k]);
        (!opened.any(other)
            && js < w.span.start
            && words[j].len() <= mw.len() + 3
            && !words[j][mw.len()..].iter().any(body)
            && !office
            && !alone_before
            && !headline(&cx.v, cx.v.sent[ja] as usize)
            && !crate::ner::known_name(mw))
        .then_some(j)
    };
    // names of one word that a definition makes something other than a person ("CALOI is a
    // Brazilian manufacturer of bicycles"): a company, a band or a place named after a person
    // is not that person, so its mentions join no person by surname ("Luigi Caloi founded
    // Caloi"), but where the words around one make it a person (`person_context`)
    let defined_as_other: FxSet<&str> = (0..n)
        .filter(|&i| {
            cx.men[i].linkable && words[i].len() == 1 && defined_type(cx, i).is_some_and(|ty| ty != EntityType::Person)
        })
        .map(|i| norms[i].as_str())
        .collect();
    let mut short = vec![false; n];
    // an organisation's short names (see `opens_org`) and the organisation
    let mut short_of_org: FxMap<&str, usize> = FxMap::default();
    let mut later: Vec<(usize, Vec<usize>, Gender, bool)> = Vec::new();
    for &i in &order {
        if let Some(j) = opens_org(i, cx) {
            cx.union(i, j);
            // (its type is the organisation's, whatever the tagger read it as; the same words
            // elsewhere join it below unless read as a place)
            cx.men[i].ty = EntityType::Org;
            short[i] = true;
            short_of_org.entry(norms[i].as_str()).or_insert(j);
            continue;
        }
        let w = &cx.men[i];
        // (a place's name of one word that is the surname of a person named before it, where the
        // text never uses it as a place, is the person: "MaliVai Washington ... The 11th-seeded
        // Washington fell short", "director Neil Jordan ... Jordan said")
        let surname = w.ty == EntityType::Loc
            && words[i].len() == 1
            && person_before(i, cx)
            && !used_as_place.contains(norms[i].as_str());
        if !w.linkable || w.kind != MentionKind::Name || w.ty == EntityType::Loc && a_place(i) && !surname || odd[i] {
            continue;
        }
        let mut mw: &[&str] = &words[i];
        // "Donald J.": the given name alone decides
        if w.ty == EntityType::Person && mw.len() == 2 && is_initial(mw[1]) {
            mw = &mw[..1];
        }
        let k = mw.len();
        if k > 3 {
            continue;
        }
        // (a header's "McGilloway, Vangie" is a person, whatever firm her name opens)
        if (words[i].len() > 1 || !person_before(i, cx))
            && !cx.reversed_name(i)
            && let Some(j) = shortens_org(i, cx)
        {
            cx.union(i, j);
            short[i] = true;
            continue;
        }
        if k == 1 && defined_as_other.contains(norms[i].as_str()) && !person_context(cx, i) {
            continue;
        }
        let mut cands: Vec<usize> = Vec::new();
        if let Some(list) = by_last.get(mw[k - 1]) {
            for &c in list {
                let cw = &words[c];
                if cw.len() > k && (cw.ends_with(mw) || (k > 1 && cw[0] == mw[0] && subsequence(mw, cw)))
                    || initials_of(mw, cw)
                {
                    cands.push(c);
                }
            }
        }
        if k == 1
            && w.ty == EntityType::Person
            && !by_last.contains_key(mw[0])
            && let Some(list) = by_first.get(mw[0])
        {
            cands.extend(list.iter().copied().filter(|&c| words[c].len() > 1));
        }
        if cands.is_empty() {
            // "Donald J." cut off from the surname the tagger gave a mention of its own
            if mw.len() < words[i].len()
                && let Some(&j) = by_start.get(&w.b)
            {
                cx.union(i, j);
            }
            continue;
        }
        let (g, at) = (w.gender, w.a);
        match pick(cx, &cands, at, g, false) {
            Some(c) => {
                cx.union(i, c);
                short[i] = k == 1;
            }
            None => later.push((i, cands, g, k == 1)),
        }
    }
    // names before every full name they may shorten ("Ellery" in a headline): decided once the
    // rest is linked, by prominence in the whole document
    for (i, cands, g, one) in later {
        if let Some(c) = pick(cx, &cands, cx.men[i].a, g, true) {
            cx.union(i, c);
            short[i] = one;
        }
    }
    // a title in quotation marks and a name of another type written the same are two things
    // ("the song "Colombia" ... flew back to Colombia"): the title keeps its own first mention
    let quoted_title = |i: usize, cx: &Ctx| {
        let (w, toks) = (&cx.men[i], cx.v.toks);
        w.ty == EntityType::Misc
            && w.a > 0
            && cx.in_quote[w.a]
            && toks[w.a - 1].kind == TokenKind::Quote
            && toks.get(w.b).is_some_and(|t| t.kind == TokenKind::Quote)
    };
    // a town's or a state's name the tagger read as an organisation is another thing than the
    // place, its team ("CINCINNATI 66 68 .493" in a baseball table beside "In Cincinnati,"), so
    // such readings link among themselves, and the place's other readings without them; only in
    // a document of games, which gives scores ("beat Houston 5-3") or a table's winning shares
    // (".493"): elsewhere a town's organisation is its council, which CoNLL-2003 writes as the
    // place ("Boston officials said"); not a country's either, a place whatever it does ("Germany
    // beat France 2-1")
    let score = |w: &str| {
        let digits = |p: &str| (1..=3).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_digit());
        w.split_once(['-', '\u{2013}']).is_some_and(|(a, b)| digits(a) && digits(b))
            || w.strip_prefix('.').is_some_and(|d| d.len() == 3 && digits(d))
    };
    let games = (0..cx.v.len()).any(|k| score(cx.v.s(k)));
    let team = |i: usize, cx: &Ctx| {
        games
            && cx.men[i].ty == EntityType::Org
            && cx.men[i].kind == MentionKind::Name
            && crate::ner::known_town_or_state(&words[i])
    };
    let mut first: FxMap<&str, usize> = FxMap::default();
    let mut first_title: FxMap<&str, usize> = FxMap::default();
    let mut first_team: FxMap<&str, usize> = FxMap::default();
    let none: FxMap<&str, usize> = FxMap::default();
    for &i in &order {
        if !cx.men[i].linkable || short[i] || norms[i].is_empty() {
            continue;
        }
        // (the organisation's short name read as a person, or as a place that the text never
        // writes as one, is the organisation's too)
        if let Some(&j) = short_of_org.get(norms[i].as_str())
            && (cx.men[i].ty != EntityType::Loc || !places_written.contains(norms[i].as_str()))
            && !written_as_place(cx, i)
        {
            cx.union(i, j);
            cx.men[i].ty = EntityType::Org;
            continue;
        }
        let norm = norms[i].as_str();
        let misc = cx.men[i].ty == EntityType::Misc;
        let (own, other) = if quoted_title(i, cx) {
            (&mut first_title, &first)
        } else if team(i, cx) {
            (&mut first_team, &none)
        } else {
            (&mut first, &first_title)
        };
        // (a MISC name outside quotation marks is the title's, and a title a MISC name's)
        match own
            .get(norm)
            .copied()
            .or_else(|| other.get(norm).copied().filter(|&j| misc && cx.men[j].ty == EntityType::Misc))
        {
            Some(j) => {
                cx.union(i, j);
                own.entry(norm).or_insert(j);
            }
            None => {
                own.insert(norm, i);
            }
        }
    }
}

/// Among full-name mentions `cands`, the person a short name at byte `p` refers to: of those
/// whose gender (by honorific or listed given name) agrees with `g`, the one with the most
/// mentions before `p` (ties: the one introduced first); when none is mentioned before `p` and
/// `whole`, the one with the most mentions in the document (else none). The most prominent, not
/// the nearest: a story about Hillary Clinton that mentions Bill Clinton once still means her by
/// "Clinton".
fn pick(cx: &mut Ctx, cands: &[usize], at: usize, g: Gender, whole: bool) -> Option<usize> {
    let w = super::words::words();
    let p = cx.v.toks[at].span.start;
    // the start of the sentence before the one of token `at`
    let sent = cx.v.sent[at] as usize;
    let recent = cx.v.toks[cx.v.sent_toks[sent.saturating_sub(1)].0.min(at)].span.start;
    // per candidate cluster: (root, mentions before p, first position, gender, a member, mentions)
    let mut roots: Vec<(usize, usize, usize, Gender, usize, usize)> = Vec::new();
    for &c in cands {
        let r = cx.find(c);
        if !roots.iter().any(|x| x.0 == r) {
            let g = &cx.groups[r];
            let before = g.starts.partition_point(|&s| s < p);
            let first = g.starts.first().copied().unwrap_or(usize::MAX);
            let gender = g.gender.map_or(Gender::Any, |(_, g)| g);
            roots.push((r, before, first, gender, c, g.starts.len()));
        }
    }
    for x in &mut roots {
        if x.3 == Gender::Any {
            let m = &cx.men[x.4];
            x.3 = w.given_gender(cx.v.s(m.a), m.b - m.a > 1);
        }
    }
    roots.retain(|x| g.agrees(x.3));
    // a person introduced in this sentence or the one before is the focus ("Omar Ellery, Joan's
    // brother, keeps a folder. 'I know,' Ellery said."), unless another is the story's main
    // figure (more than three mentions so far: "the first lady, Michelle Obama, ... Obama years")
    let fresh: Vec<_> = roots.iter().filter(|x| x.2 >= recent && x.2 < p).collect();
    if let [x] = fresh[..]
        && !roots.iter().any(|y| y.0 != x.0 && y.1 > 3)
    {
        return Some(x.4);
    }
    let best = roots.iter().filter(|x| x.1 > 0).max_by_key(|x| (x.1, std::cmp::Reverse(x.2)));
    let best = best.or_else(|| roots.iter().filter(|_| whole).max_by_key(|x| (x.5, std::cmp::Reverse(x.2))));
    best.map(|x| x.4)
}

/// A one-letter word, with or without its period ("j.", "j").
pub(crate) fn is_initial(w: &str) -> bool {
    let w = w.strip_suffix('.').unwrap_or(w);
    w.chars().count() == 1 && w.chars().all(char::is_alphabetic)
}

/// True when the multi-word person mention `i` is no person's full name: it starts or ends in a
/// common noun ("Ellery Tower", "Team Ellery"), or it stands in a title-case headline and runs
/// to three words or holds a verb form ("Bishop Scolds Ellery"). Short names do not link into
/// it, and it is not taken as an entity's canonical name.
pub(crate) fn not_a_person_name(cx: &Ctx, i: usize) -> bool {
    let m = &cx.men[i];
    if !m.linkable || m.ty != EntityType::Person || m.b - m.a < 2 {
        return false;
    }
    let v = &cx.v;
    let nouns = name_nouns();
    let lower = |k: usize| v.s(k).to_lowercase();
    if nouns.contains(lower(m.a).as_str()) || nouns.contains(lower(m.b - 1).as_str()) {
        return true;
    }
    let verb = (m.a..m.b).any(|k| v.info[k].has(f::S3 | f::PAST | f::ING));
    // (words, not tokens: "Hughes, Nathan" in a header of capitals is a name of two)
    (cx.words(i) >= 3 || verb) && headline(v, v.sent[m.a] as usize)
}

/// Last words of organisations' names that stand for many ("Supreme Court", "House Majority
/// PAC"), besides the tagger's organisation words (lowercase).
const GENERIC_ORG_ENDS: &[&str] = &["court", "pac", "healthcare", "house", "office", "news"];

/// Words before a place's name that say it is the place ("in Kellmore", "near Boston"; not "to",
/// "from" or "of", which organisations take as often: "sold to Compaq", "the chief of Mondelez").
const PLACE_PREPOSITIONS: &[&str] =
    &["in", "at", "near", "into", "across", "around", "outside", "inside", "throughout", "towards", "toward", "within"];

/// Prepositions before a name that a place takes as often as a body or a person ("moved to
/// Kellmore", "sold to Compaq").
const TO_FROM: &[&str] = &["to", "from", "of", "via", "between", "into"];

/// Last words of streets' names (lowercase): a street's name that opens a firm's is the street's
/// unless it speaks or owns ("Thistle Road did not respond"; not "buses avoided Mercer Street").
const STREET_WORDS: &[&str] = &["street", "road", "lane", "avenue", "square", "way", "drive", "place", "row"];

/// True when token `b`, after a name, is a possessive or a verb that a firm does.
fn speaks_or_owns(cx: &Ctx, b: usize) -> bool {
    #[rustfmt::skip]
    const VERBS: &[&str] = &[
        "said", "says", "did", "does", "has", "had", "declined", "refused", "denied", "confirmed", "told", "won",
        "employs", "announced",
    ];
    cx.v.possessive(b) || VERBS.iter().any(|w| cx.v.is(b, w))
}

/// Nouns of places an apposition may call a name ("Oakhurst, the Surrey town where ..."), in any
/// of its first three words: fewer than `defining_nouns.txt` holds, whose nouns must end the
/// phrase ("Brightwater, the Silicon Valley startup" is no valley).
const PLACE_NOUNS: &[&str] =
    &["town", "village", "city", "county", "suburb", "district", "region", "island", "country", "port", "capital"];

/// Nouns before "of" and a place's name ("the mayor of Ardenport").
#[rustfmt::skip]
const PLACE_OF: &[&str] = &[
    "mayor", "people", "residents", "citizens", "centre", "center", "outskirts", "streets", "heart", "suburbs",
    "town", "city", "village", "county", "borough",
];

/// Nouns of the people of a place, after its name ("Ashcombe residents").
const RESIDENTS: &[&str] = &["residents", "villagers", "voters", "locals", "inhabitants", "townspeople"];

/// Words of the names of public bodies and institutions that take their place's name (lowercase):
/// the place alone is no short name of theirs.
#[rustfmt::skip]
const PUBLIC_BODIES: &[&str] = &[
    "council", "county", "city", "borough", "district", "province", "provincial", "state", "region", "regional",
    "police", "constabulary", "university", "college", "school", "academy", "hospital", "airport", "port",
    "harbour", "harbor", "station", "court", "government", "parliament", "assembly", "ministry", "department",
    "authority", "municipality", "municipal", "town", "village", "park", "national", "museum", "library",
    "cathedral", "church", "fire", "rescue", "ambulance", "chamber", "diocese", "mosque", "synagogue", "temple",
    "arms", "inn", "hotel", "tavern",
];

/// Last words of sports clubs' names (lowercase), which take their town's name.
const CLUB_WORDS: &[&str] =
    &["united", "rovers", "athletic", "wanderers", "albion", "fc", "afc", "rangers", "hotspur", "celtic", "sc"];

/// True when mention `i` is a company's name of two words or more, ending with its legal form
/// ("Harwick Instruments plc", "Ford Motor Co."): its type decides its entity's.
pub(crate) fn company_name(cx: &Ctx, i: usize) -> bool {
    let w = &cx.men[i];
    w.ty == EntityType::Org && w.b - w.a > 1 && {
        // the forms that are also common nouns written capitalized ("Harwick Group", not "the
        // Islamic State group"); "plc" is written either way
        let last = cx.v.s(w.b - 1);
        let noun = ["group", "holdings", "limited", "corporation"].iter().any(|f| last.eq_ignore_ascii_case(f));
        (!noun || last.starts_with(char::is_uppercase)) && crate::ner::lexicon::is_legal_form(last)
    }
}

/// True when mention `i` is a storm's name after its word ("Hurricane Rita"): the storm the
/// text names later by its name alone, which the tagger may read as a person, is no person.
pub(crate) fn storm_name(cx: &Ctx, i: usize) -> bool {
    let w = &cx.men[i];
    w.ty == EntityType::Misc && w.b - w.a == 1 && w.a > 0 && crate::ner::STORM_WORDS.contains(&cx.v.s(w.a - 1))
}

/// True when mention `i` is a place by what follows it ("the Vellmark national team", "Tresk is
/// a town in"; see [`crate::ner::place_said_after`]): the place the text names later alone,
/// which the tagger may read as a person ("debut for Vellmark"), is a place.
pub(crate) fn said_to_be_place(cx: &Ctx, i: usize) -> bool {
    let w = &cx.men[i];
    let v = &cx.v;
    // (a nationality before "national team" is the model's reading of a country it does not
    // know, "the Vellmark national team", or a nationality, "the Dutch national team": the
    // linker decides by the other mentions)
    if !matches!(w.ty, EntityType::Loc | EntityType::Misc) {
        return false;
    }
    let after: Vec<&str> =
        (w.b..v.len().min(w.b + 8)).take_while(|&k| v.sent[k] == v.sent[w.b - 1]).map(|k| v.s(k)).collect();
    crate::ner::place_said_after(&after)
}

/// True when the words around mention `i` write it as a place: after a preposition of place
/// ("moved to Brightwater"), or the words of [`place_called`].
pub(crate) fn written_as_place(cx: &Ctx, i: usize) -> bool {
    after_place_preposition(cx, i) || place_called(cx, i)
}

/// True when the words around mention `i` call it a place: its residents after it ("Ashcombe
/// residents"), an apposition that calls it one ("Oakhurst, the Surrey town where",
/// "Brightwater is a small town"), or a place's noun and "of" before it ("the mayor of
/// Ardenport", "the centre of Halvern").
fn place_called(cx: &Ctx, i: usize) -> bool {
    let (a, b, v) = (cx.men[i].a, cx.men[i].b, &cx.v);
    let called = (v.punct(b, b',') || v.is(b, "is") || v.is(b, "was"))
        && (v.is(b + 1, "the") || v.is(b + 1, "a"))
        && (b + 2..(b + 5).min(v.len())).any(|k| PLACE_NOUNS.iter().any(|p| v.is(k, p)));
    let residents = (b..(b + 4).min(v.len())).any(|k| RESIDENTS.iter().any(|p| v.is(k, p)));
    let of_place = a > 1 && v.is(a - 1, "of") && PLACE_OF.iter().any(|p| v.is(a - 2, p));
    residents || called || of_place
}

/// Where the document's mentions read as places start and end (token indexes), for
/// [`place_sign`].
pub(crate) struct PlaceEdges {
    starts: FxSet<usize>,
    ends: FxSet<usize>,
}

impl PlaceEdges {
    pub(crate) fn of(cx: &Ctx) -> PlaceEdges {
        let places = || cx.men.iter().filter(|m| m.ty == EntityType::Loc);
        PlaceEdges { starts: places().map(|m| m.a).collect(), ends: places().map(|m| m.b).collect() }
    }
}

/// True when wider signs than [`written_as_place`] use mention `i` as a place: after "to",
/// "from", "of", "via" or "between" too (not before a possessive), the words of
/// [`place_context`], or "and" or "or" and a name the tagger read as a place beside it
/// ("Washington and Beijing").
pub(crate) fn place_sign(cx: &Ctx, i: usize, edges: &PlaceEdges) -> bool {
    let (a, b, v) = (cx.men[i].a, cx.men[i].b, &cx.v);
    let after = a > 0 && (TO_FROM.iter().any(|p| v.is(a - 1, p)) || PLACE_PREPOSITIONS.iter().any(|p| v.is(a - 1, p)));
    after && !v.possessive(b) || place_context(cx, i, edges) || beside_place(cx, i, edges)
}

/// True when "and" or "or" joins mention `i` to a name the tagger read as a place ("Washington
/// and Beijing").
fn beside_place(cx: &Ctx, i: usize, edges: &PlaceEdges) -> bool {
    let (a, b, v) = (cx.men[i].a, cx.men[i].b, &cx.v);
    let next = v.is(b, "and") || v.is(b, "or");
    let after = a > 1 && (v.is(a - 1, "and") || v.is(a - 1, "or"));
    next && edges.starts.contains(&(b + 1)) || after && edges.ends.contains(&(a - 1))
}

/// True when the words around mention `i` make it a place, whatever preposition it follows: a
/// word of direction after a preposition ("in northern Jordan"); "state", or a comma and a place
/// after it ("Lincoln, Nebraska,"); a place's noun after it ("the Chelsea neighborhood"); a
/// possessive before a place's or a government's noun ("Jordan's king", "London's mayor"); or
/// "from" before it and "to" and a name the tagger read as a place after it ("from Harrison to
/// Bridgton Junction").
fn place_context(cx: &Ctx, i: usize, edges: &PlaceEdges) -> bool {
    #[rustfmt::skip]
    const OWNED: &[&str] = &[
        "mayor", "governor", "president", "king", "queen", "prime", "government", "military", "army", "capital",
        "parliament", "economy", "foreign", "police", "streets", "airport", "border", "borders", "people",
        "citizens", "residents", "largest", "biggest", "north", "south", "east", "west", "state", "city",
    ];
    const DIRECTIONS: &[&str] = &[
        "northern", "southern", "eastern", "western", "central", "downtown", "rural", "north", "south", "east", "west",
    ];
    const AREAS: &[&str] = &["neighborhood", "neighbourhood", "suburb", "township", "area"];
    let (a, b, v) = (cx.men[i].a, cx.men[i].b, &cx.v);
    let before = |k: usize, list: &[&str]| k < a && list.iter().any(|p| v.is(a - 1 - k, p));
    let prepositions = |k: usize| before(k, TO_FROM) || before(k, PLACE_PREPOSITIONS);
    let route = before(0, &["from"]) && v.is(b, "to") && edges.starts.contains(&(b + 1));
    before(0, DIRECTIONS) && prepositions(1)
        || v.is(b, "state")
        || AREAS.iter().any(|w| v.is(b, w))
        || v.punct(b, b',') && b + 1 < v.len() && crate::ner::known_place(&[v.s(b + 1)])
        || v.possessive(b) && OWNED.iter().any(|o| v.is(b + 1, o))
        || route
}

/// True when the text uses the mentions `ms` of a name firmly as a place (their
/// [`place_evidence`] sums to 3 or more: twice firmly, or once firmly and once less) and none
/// as a person ([`person_sign`]).
pub(crate) fn used_only_as_place(cx: &Ctx, ms: &[usize], edges: &PlaceEdges) -> bool {
    ms.iter().map(|&i| place_evidence(cx, i, edges)).sum::<usize>() >= 3
        && !ms.iter().any(|&i| person_sign(cx, i, edges))
}

/// How firmly the words around mention `i` make it a place, for a name the tagger read as a
/// person: 2 for the words of [`place_called`] and [`place_context`], 1 for a preposition of
/// place but "at" ("in Chelsea"; no possessive after it, "in Walsh's team") or "and" and a place
/// beside it, 0 otherwise. A person's name takes "in" after a word of trust or interest ("faith
/// in Morrow") and stands beside a place in a list ("Paris and Delacroix"), so those count less.
fn place_evidence(cx: &Ctx, i: usize, edges: &PlaceEdges) -> usize {
    let (a, b, v) = (cx.men[i].a, cx.men[i].b, &cx.v);
    if place_called(cx, i) || place_context(cx, i, edges) {
        2
    } else if after_place_preposition(cx, i) && !v.is(a - 1, "at") && !v.possessive(b) || beside_place(cx, i, edges) {
        1
    } else {
        0
    }
}

/// True when the words around mention `i` make it a person: a family's word after it ("the
/// Caloi family"), a verb only a person does ("Ferrari died in 1988", "Kennedy was
/// assassinated"), or a personal pronoun of one person later in its sentence ("Dell said in an
/// interview that he never planned to sell"), before any other person's name.
fn person_context(cx: &Ctx, i: usize) -> bool {
    const FAMILY: &[&str] = &["family", "families", "brothers", "sisters", "dynasty", "clan"];
    #[rustfmt::skip]
    const PERSON_VERBS: &[&str] = &[
        "died", "dies", "born", "married", "assassinated", "buried", "retired", "graduated", "resigned",
    ];
    let (b, v) = (cx.men[i].b, &cx.v);
    if FAMILY.iter().any(|w| v.is(b, w)) {
        return true;
    }
    let sent = v.sent[cx.men[i].a];
    // (up to another person's name: "Caloi was founded by Luigi Caloi and his brother-in-law")
    let person_at = |k: usize| cx.men.iter().any(|m| m.a == k && m.ty == EntityType::Person);
    let after = (b..(b + 12).min(v.len())).take_while(|&k| v.sent[k] == sent && !person_at(k));
    let verb = |k: usize| PERSON_VERBS.iter().any(|w| v.is(k, w));
    verb(b)
        || v.is(b, "was") && verb(b + 1)
        || after.into_iter().any(|k| {
            let inf = v.info[k];
            inf.has(f::PRON) && matches!(inf.gender(), Gender::Male | Gender::Female)
        })
}

/// True when the words around mention `i` make it a person: those of [`person_context`], a title
/// or an honorific before it ("Mr Harrison", "General Harrison"), a verb of speech after it
/// ("Harrison said"; not after a preposition, "officials in Fenwick said"), a verb in the past
/// after it ("Lopez scored", "Tolliver struck out"), a possessive but before a place's noun
/// ("Walsh's team"; not "Jordan's king"), or a definition as a person ("Marsh is the chain's
/// chief executive").
fn person_sign(cx: &Ctx, i: usize, edges: &PlaceEdges) -> bool {
    const SPEECH: &[&str] = &["said", "says", "told", "tells", "asked", "added", "wrote", "recalled", "explained"];
    const PAST: &[&str] = &["struck", "won", "lost", "made", "took", "gave", "led", "ran", "threw", "hit", "beat"];
    let (a, b, v) = (cx.men[i].a, cx.men[i].b, &cx.v);
    let preposition = a > 0 && v.info[a - 1].has(f::PREP);
    let ed = b < v.len() && {
        let w = v.s(b);
        w.len() > 3 && w.bytes().all(|c| c.is_ascii_lowercase() || c == b'-') && w.ends_with("ed")
    };
    let past = ed || PAST.iter().any(|w| v.is(b, w));
    person_context(cx, i)
        || a > 0 && v.info[a - 1].has(f::TITLE | f::HON)
        || !preposition && SPEECH.iter().any(|w| v.is(b, w))
        || past
        || v.possessive(b) && !place_context(cx, i, edges)
        || defined_type(cx, i) == Some(EntityType::Person)
}

/// True when a noun of a body stands right before mention `i` ("the band Gigi", "the company
/// Amuseworld"; see [`crate::ner::leads::named_body`]): its entity is an organisation, where no
/// person's full name or definition decides. (Unlike a definition, it keeps no other mention of
/// the name from a person's surname: one such noun is weaker evidence.)
pub(crate) fn named_by_body_noun(cx: &Ctx, i: usize) -> bool {
    let (w, v) = (&cx.men[i], &cx.v);
    let name: Vec<&str> = (w.a..w.b).map(|k| v.s(k)).collect();
    let before: Vec<&str> = (w.a.saturating_sub(3)..w.a).map(|k| v.s(k)).collect();
    let after: Vec<&str> = (w.b..v.len().min(w.b + 2)).map(|k| v.s(k)).collect();
    w.kind == MentionKind::Name && crate::ner::leads::named_body(&before, &name, &after, w.ty == EntityType::Person)
}

/// True when mention `i` follows a preposition of place ("in Boston", "across Georgia").
pub(crate) fn after_place_preposition(cx: &Ctx, i: usize) -> bool {
    let a = cx.men[i].a;
    a > 0 && PLACE_PREPOSITIONS.iter().any(|p| cx.v.is(a - 1, p))
}

/// The type a defining phrase after mention `i` gives it: "Caloi is a major Brazilian
/// manufacturer of bicycles" (an organisation the tagger read as a person, named for its
/// founder), "Dancemania is a series of remix albums", "Carlo Citrone (born 1967) is a British
/// poker player". The phrase is "is" or "was", an article, up to five words that describe
/// and a head noun that ends it (before "of", "in", a comma, ...); the head's type comes from
/// `defining_nouns.txt`, or a person's role from `roles.txt`. Wikipedia opens every article
/// with such a sentence, and its name recurs in the article, read the same way throughout.
pub(crate) fn defined_type(cx: &Ctx, i: usize) -> Option<EntityType> {
    // (roles that a body or a thing may be too: "X is a publisher of", "the owner of", "a rival
    // to", "the bright star in")
    #[rustfmt::skip]
    const NOT_PERSONS: &[&str] = &[
        "publisher", "broadcaster", "owner", "rival", "opponent", "critic", "supporter", "star", "host", "anchor",
        "head", "chief", "executive", "victim", "witness", "suspect", "father", "mother",
    ];
    const GRAMMAR: u64 = f::DET | f::AUX | f::BE | f::NEG | f::PREP | f::CONJ | f::WH | f::COMP | f::S3 | f::CUE;
    let w = &cx.men[i];
    let v = &cx.v;
    // the name opens its sentence, as the subject of the definition: not "30 Seconds to Mars is
    // a band" for the part "Mars" the tagger read
    let opens = |a: usize| v.opens_sentence(a) || a > 0 && v.opens_sentence(a - 1) && v.is(a - 1, "the");
    if w.kind != MentionKind::Name {
        return None;
    }
    let sent = v.sent[w.a];
    let same = |k: usize| k < v.len() && v.sent[k] == sent;
    let mut k = w.b;
    // ("Carlo Citrone (born 1967) is")
    if same(k) && v.punct(k, b'(') {
        let close = (k + 1..(k + 12).min(v.len())).find(|&j| v.punct(j, b')'))?;
        k = close + 1;
    }
    // (a band or a team takes the plural verb in British English: "Crazyhead are an English punk
    // rock band"; with "a" or "an" only, since "the" after "are" describes members, "The Cagots
    // were the descendants of")
    let singular = (v.is(k, "is") || v.is(k, "was")) && ["a", "an", "the"].iter().any(|d| v.is(k + 1, d));
    let plural = (v.is(k, "are") || v.is(k, "were")) && (v.is(k + 1, "a") || v.is(k + 1, "an"));
    let copula = opens(w.a) && (singular || plural);
    // an apposition with "a" or "an", of a name the tagger did not read as a place: "the" after
    // a comma often opens the next item of a list or a phrase about something else ("Putin's
    // Russia, the devastating civil war in Syria"), and a place's comma ends its name's part
    // ("Alternative for Germany, a right-wing party", "the home state of Florida, a series of
    // photos")
    // (nor a name inside a phrase that opens the sentence, whose comma ends it: "According to
    // Halvorsen, a bank in Oslo had lent the money", "In an interview with Halvorsen, a
    // newspaper ...", "Thanks to Messi, a team of misfits won")
    let (sa, _) = v.sent_toks[sent as usize];
    #[rustfmt::skip]
    const OPENERS: &[&str] = &[
        "according", "thanks", "unlike", "like", "despite", "due", "owing", "besides", "apart", "joining", "along",
        "alongside", "together", "as", "after", "before",
    ];
    let in_opener = (sa..w.a).find(|&j| v.toks[j].kind == TokenKind::Word).is_some_and(|fw| {
        (v.info[fw].has(f::PREP) || OPENERS.iter().any(|o| v.is(fw, o))) && !(fw..w.a).any(|j| v.punct(j, b','))
    });
    let apposition = k == w.b
        && v.punct(k, b',')
        && (v.is(k + 1, "a") || v.is(k + 1, "an"))
        && w.ty != EntityType::Loc
        && !in_opener;
    if !(same(k + 2) && (copula || apposition)) {
        return None;
    }
    // the describing words from `first`, up to five, and one past the head, the last of them,
    // when the phrase ends after it
    let phrase = |first: usize| {
        let (mut end, mut words) = (first, 0);
        while same(end) && words < 6 {
            let s = v.s(end);
            // (a slash between two words joins alternatives of one description, "an English punk
            // rock / garage rock band", and counts as no word)
            if s == "/" && end > first && same(end + 1) && v.toks[end + 1].kind == TokenKind::Word {
                end += 1;
                continue;
            }
            words += 1;
            let word = v.toks[end].kind == TokenKind::Word || s.chars().all(|c| c.is_alphanumeric() || c == '-');
            // (a function word or a verb: the phrase is no noun's, "Dynamo Moscow, the Volgograd
            // side have a game in hand")
            let function = v.info[end].has(GRAMMAR) && !v.cap(end);
            if !word || ENDS.contains(&s) || v.possessive(end) || function {
                break;
            }
            end += 1;
        }
        let ends = !same(end) || ENDS.contains(&v.s(end)) || v.toks[end].kind != TokenKind::Word;
        (end > first && ends).then_some(end)
    };
    let mut end = phrase(k + 2)?;
    // (an apposition's head ends its phrase: "Caloi, a bicycle maker, said", "Tresk, a town
    // in"; not "Lee, a lawyer and ...", "Tresk, a town councillor")
    if apposition
        && same(end)
        && (v.is(end, "and") || v.is(end, "or") || v.toks[end].kind == TokenKind::Word && !ENDS.contains(&v.s(end)))
    {
        return None;
    }
    // a collective's head is the noun after its "of" ("a series of remix albums", "a chain of
    // volcanic islands", "a federation of 13 states")
    // (but a union, a federation, a group or a network of places is a body: "NATO is a group of
    // 32 countries", "the Hanseatic League was a union of towns")
    const COLLECTIVES: &[&str] = &["series", "chain", "collection", "trio", "pair", "cluster", "string"];
    const BODIES: &[&str] = &["group", "federation", "union", "network", "alliance"];
    let mut head = v.s(end - 1);
    let collective = COLLECTIVES.contains(&head) || BODIES.contains(&head);
    if collective && v.is(end, "of") {
        let body = BODIES.contains(&head);
        if let Some(e) = phrase(end + 1) {
            let plural = v.s(e - 1);
            // the singular the list holds: "albums", "movies", "companies", "series"
            let singular = crate::ner::lexicon::defining_noun_of_plural(plural).map(|(noun, _)| noun);
            // (an unknown complement says nothing: "a series of buses")
            let one = singular.or_else(|| defining_nouns().contains_key(plural).then_some(plural))?;
            let place = defining_nouns().get(one).is_some_and(|&(ty, _)| ty == EntityType::Loc);
            // (a group of islands is an archipelago, a place)
            if body && place && one != "island" {
                return Some(EntityType::Org);
            }
            end = e;
            head = one;
        }
    }
    if !head.chars().all(|c| c.is_lowercase() || c == '-') {
        return None;
    }
    // ("a school district" is a body; "a party to the treaty" no political party, "a one-man
    // band" no band)
    if head == "district" && v.is(end - 2, "school") {
        return Some(EntityType::Org);
    }
    if head == "party" && v.is(end, "to") || head == "band" && v.s(end - 2).starts_with("one-") {
        return None;
    }
    // (a name the tagger read as a place keeps it but for a few nouns: a place is often
    // described by what it does or holds, "Germany is a team that never gives up", "Japan is an
    // ageing society")
    if let Some(&(ty, any)) = defining_nouns().get(head) {
        // (a place's noun before "of" and a lowercase word is a figure, "Kestrel, a mountain of
        // debt behind it", "an island of calm"; and an apposition makes no place of a body)
        let figure = ty == EntityType::Loc
            && v.is(end, "of")
            && !v
                .toks
                .get(end + 1)
                .is_some_and(|_| v.cap(end + 1) || v.s(end + 1).starts_with(|c: char| c.is_ascii_digit()));
        let body_placed = ty == EntityType::Loc && apposition && w.ty == EntityType::Org;
        return (!figure && !body_placed && (any || w.ty != EntityType::Loc)).then_some(ty);
    }
    // a person's role makes a person only of a name read as one: not of a body or a place for a
    // part they play ("Turkey is a key player", "Norway is a major investor", "France is the
    // current president of the EU"), nor of a nationality ("an American, a teacher from Ohio",
    // "The German is a former tennis player")
    let person = v.info[end - 1].has(f::ROLE) && !NOT_PERSONS.contains(&head) && w.ty == EntityType::Person;
    person.then_some(EntityType::Person)
}

/// True when sentence `s` is a title-case headline: four or more words of four letters or more,
/// all capitalised.
fn headline(v: &super::words::View, s: usize) -> bool {
    let Some(&(a, b)) = v.sent_toks.get(s) else { return false };
    let long: Vec<usize> =
        (a..b).filter(|&k| v.toks[k].kind == TokenKind::Word && v.s(k).chars().count() >= 4).collect();
    long.len() >= 4 && long.iter().all(|&k| v.cap(k))
}

fn name_nouns() -> &'static std::collections::HashSet<&'static str> {
    static S: std::sync::OnceLock<std::collections::HashSet<&'static str>> = std::sync::OnceLock::new();
    S.get_or_init(|| {
        include_str!("../resources/name_nouns.txt")
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .collect()
    })
}

/// True when the words of `a` occur in `b` in order.
fn subsequence(a: &[&str], b: &[&str]) -> bool {
    let mut it = b.iter();
    a.iter().all(|x| it.any(|y| y == x))
}

/// True when `short` is the person name `full` with its given names cut to initials ("m. e.
/// olsen" or "m. olsen" for "margaret ellen olsen", "j. smith" for "john smith").
fn initials_of(short: &[&str], full: &[&str]) -> bool {
    let (Some((last, given)), Some((full_last, full_given))) = (short.split_last(), full.split_last()) else {
        return false;
    };
    let first = |w: &str| w.chars().next();
    let mut rest = full_given.iter();
    last == full_last
        && !given.is_empty()
        && given.iter().all(|w| is_initial(w))
        && full_given.first().is_some_and(|f| first(f) == first(given[0]))
        && given.iter().all(|g| rest.any(|f| !is_initial(f) && first(f) == first(g)))
}

/// An acronym mention ("NCD") joins the one organisation whose initials it spells.
fn initials(cx: &mut Ctx) {
    let n = cx.men.len();
    let mut table: FxMap<String, Vec<usize>> = FxMap::default();
    for i in 0..n {
        let w = &cx.men[i];
        if !w.linkable || w.b - w.a < 2 || w.ty == EntityType::Person {
            continue;
        }
        let mut ini = String::new();
        for k in w.a..w.b {
            let s = cx.v.s(k);
            match s.chars().next() {
                Some(c) if c.is_uppercase() => ini.push(c),
                _ => {}
            }
        }
        if ini.chars().count() >= 2 {
            table.entry(ini).or_default().push(i);
        }
    }
    if table.is_empty() {
        return;
    }
    for i in 0..n {
        let w = &cx.men[i];
        if !w.linkable || w.b - w.a != 1 || w.ty == EntityType::Person {
            continue;
        }
        let s = cx.v.s(w.a);
        if !is_acronym(s) {
            continue;
        }
        let letters: String = s.chars().filter(|c| c.is_alphabetic()).collect();
        if let Some(list) = table.get(&letters) {
            let list = list.clone();
            let roots: Vec<usize> = list.iter().map(|&j| cx.find(j)).collect();
            if roots.iter().all(|&r| r == roots[0]) {
                cx.union(i, list[0]);
            }
        }
    }
}
