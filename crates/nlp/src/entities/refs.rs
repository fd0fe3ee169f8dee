//! Descriptions ("the home secretary") and pronouns ("she") linked to the entities they refer
//! to, where the link is reliable.

use super::words::{Gender, View, f, words};
use super::{Ctx, Work};
use dossier_model::{EntityType, MentionKind, Span, TokenKind};

/// Gender of each person entity from the strongest evidence: an honorific on one of its
/// mentions (3), a gendered role noun (2, set by `roles`), a listed given name (1).
pub(crate) fn gender(cx: &mut Ctx) {
    let w = words();
    for e in 0..cx.ents.len() {
        if cx.ents[e].ty != EntityType::Person {
            continue;
        }
        let mut g = cx.info[e].gender;
        for &m in &cx.ents[e].mentions {
            let gm = cx.men[m].gender;
            if gm != Gender::Any && g.0 < 3 {
                g = (3, gm);
            }
        }
        if g.0 == 0 {
            let given = w.name_gender(&cx.ents[e].name);
            if given != Gender::Any {
                g = (1, given);
            }
        }
        cx.info[e].gender = g;
    }
}

/// The role phrase starting after "the" at token `s`: (end token, head token), when it ends in
/// a role noun and is not a title before a name ("the Home Secretary Sajid Javid").
fn role_phrase(cx: &Ctx, s: usize) -> Option<(usize, usize)> {
    let v = &cx.v;
    let n = v.len();
    let mut e = s;
    let mut head = None;
    while e < n && e - s < 4 && v.toks[e].kind == TokenKind::Word {
        let inf = &v.info[e];
        if inf.has(f::TITLE | f::ROLE) && !inf.has(f::PLURAL) {
            head = Some(e);
        } else if !inf.has(f::ROLE_MOD) {
            break;
        }
        e += 1;
    }
    let head = head?;
    let e = head + 1;
    // a name follows: a title; "of" follows: "the president of the club"
    if v.cap(e) && !v.info[e].has(f::CUE | f::AUX | f::BE) || v.is(e, "of") {
        return None;
    }
    Some((e, head))
}

/// "the home secretary", "the spokeswoman": linked to the one entity whose role has the same
/// words, or else the same head noun.
pub(crate) fn nominals(cx: &mut Ctx) {
    if cx.info.iter().all(|i| i.role_keys.is_empty()) {
        return;
    }
    let n = cx.v.len();
    let mut covered = vec![false; n];
    for w in &cx.men {
        for c in &mut covered[w.a..w.b.min(n)] {
            *c = true;
        }
    }
    let mut add: Vec<(usize, usize, usize)> = Vec::new();
    let mut i = 0;
    while i < n {
        // "the home secretary"; or a headline's bare role at its sentence's start ("HOME
        // SECRETARY TELLS ..."), which only links by the role's whole words
        let bare =
            !covered[i] && cx.v.opens_sentence(i) && !cx.v.info[i].has(f::THE) && headline(cx, cx.v.sent[i] as usize);
        let first = if bare { i } else { i + 1 };
        if !bare && (i + 1 >= n || !cx.v.info[i].has(f::THE) || covered[i + 1]) {
            i += 1;
            continue;
        }
        let Some((e, head)) = role_phrase(cx, first) else {
            i += 1;
            continue;
        };
        // the bare role must be the subject of a verb that follows ("defence lawyer groups met")
        if bare && !cx.v.info.get(e).is_some_and(|x| x.has(f::CUE | f::AUX | f::BE)) {
            i += 1;
            continue;
        }
        let key = cx.norm(first, e);
        let head_word = cx.v.s(head).trim_end_matches('.').to_lowercase();
        let by_key: Vec<usize> =
            (0..cx.ents.len()).filter(|&k| cx.info[k].role_keys.iter().any(|(rk, _)| *rk == key)).collect();
        let pick = if by_key.len() == 1 {
            Some(by_key[0])
        } else if by_key.is_empty() && !bare {
            let by_head: Vec<usize> =
                (0..cx.ents.len()).filter(|&k| cx.info[k].role_keys.iter().any(|(_, h)| *h == head_word)).collect();
            (by_head.len() == 1).then(|| by_head[0])
        } else {
            None
        };
        if let Some(ent) = pick {
            add.push((i, e, ent));
        }
        i = e;
    }
    for (a, b, ent) in add {
        let span = Span::new(cx.v.toks[a].span.start, cx.v.toks[b - 1].span.end);
        let k = cx.add(Work {
            span,
            ty: cx.ents[ent].ty,
            a,
            b,
            kind: MentionKind::Nominal,
            written: None,
            gender: Gender::Any,
            linkable: true,
            entity: Some(ent),
        });
        cx.ents[ent].mentions.push(k);
    }
}

/// True when sentence `k` reads as a headline: no full stop at its end, or its longer words
/// all capitalized ("Anchor Expressed Fear About Future Prejudice.").
fn headline(cx: &Ctx, k: usize) -> bool {
    let v = &cx.v;
    let (a, z) = v.sent_toks[k];
    if z == a {
        return false;
    }
    let stop = v.toks[z - 1].kind != TokenKind::Word && [".", "?", "!"].contains(&v.s(z - 1));
    let long: Vec<usize> = (a..z).filter(|&t| v.toks[t].kind == TokenKind::Word && v.s(t).len() >= 4).collect();
    !stop || !long.is_empty() && long.iter().all(|&t| v.cap(t))
}

/// A person a pronoun may refer to.
#[derive(Clone, Copy)]
struct Slot {
    tok: usize,
    sent: u32,
    /// The entity, or `None` for a person described but not named ("a spokeswoman").
    ent: Option<usize>,
    gender: Gender,
    subject: bool,
    quoted: bool,
}

/// How many sentences back a pronoun looks.
const WINDOW: u32 = 2;

/// "he", "she", "him", "her", "his", "himself", "herself" outside quotations, linked to the most
/// salient person of agreeing gender in this and the two sentences before: a subject, recent,
/// named. Not linked when a described but unnamed person ("a spokeswoman") or another named
/// one comes close.
pub(crate) fn pronouns(cx: &mut Ctx) {
    let n = cx.v.len();
    // person mentions by first token
    let mut starts: Vec<(usize, usize)> = cx
        .men
        .iter()
        .enumerate()
        .filter(|(_, w)| {
            w.entity.is_some_and(|e| cx.ents[e].ty == EntityType::Person) && w.kind != MentionKind::Pronoun
        })
        .map(|(k, w)| (w.a, k))
        .collect();
    starts.sort_unstable();
    // a person named before a role and another person's name says whose the role is
    // ("Ardenport boss Neil Pritchard", "Trump adviser Kellyanne Conway"): the other is the
    // sentence's subject
    let modifier = |k: usize| {
        let b = cx.men[k].b;
        let mut r = b;
        while r < n && r < b + 3 && cx.v.info[r].has(f::ROLE | f::TITLE | f::ROLE_MOD) {
            r += 1;
        }
        r > b && starts.binary_search_by_key(&r, |s| s.0).is_ok()
    };
    // person names (not descriptions) by the token after their last, and their entity
    // (the longest name where two end together)
    let mut ends: Vec<(usize, usize, usize)> = starts
        .iter()
        .filter(|&&(_, k)| matches!(cx.men[k].kind, MentionKind::Name | MentionKind::Alias))
        .filter_map(|&(a, k)| Some((cx.men[k].b, a, cx.men[k].entity?)))
        .collect();
    ends.sort_unstable();
    ends.dedup_by_key(|x| x.0);
    let mut next_m = 0;
    let mut slots: Vec<Slot> = Vec::new();
    let mut last_slot_sent = u32::MAX;
    let mut links: Vec<(usize, usize)> = Vec::new();
    let mut i = 0;
    while i < n {
        let sent = cx.v.sent[i];
        // named (or described and linked) people starting here
        let mut took = false;
        while next_m < starts.len() && starts[next_m].0 <= i {
            let (a, k) = starts[next_m];
            next_m += 1;
            if a < i {
                continue;
            }
            let e = cx.men[k].entity.expect("filtered");
            let g = if cx.info[e].gender.0 > 0 { cx.info[e].gender.1 } else { cx.men[k].gender };
            let modifies = modifier(k);
            slots.push(Slot {
                tok: i,
                sent,
                ent: Some(e),
                gender: g,
                subject: last_slot_sent != sent && !modifies,
                quoted: cx.in_quote[i],
            });
            if !modifies {
                last_slot_sent = sent;
            }
            took = true;
        }
        let inf = cx.v.info[i];
        // a described person: "a government source", "the spokeswoman"
        if !took && inf.has(f::DET) && !inf.has(f::COMP) {
            let mut k = i + 1;
            while k < n && k < i + 4 && cx.v.toks[k].kind == TokenKind::Word {
                let ik = &cx.v.info[k];
                if (ik.has(f::SRC) || ik.has(f::ROLE)) && !ik.has(f::PLURAL | f::ROLE_MOD) {
                    slots.push(Slot {
                        tok: k,
                        sent,
                        ent: None,
                        gender: ik.gender(),
                        subject: last_slot_sent != sent,
                        quoted: cx.in_quote[k],
                    });
                    last_slot_sent = sent;
                    break;
                }
                if ik.has(f::CUE | f::AUX | f::BE | f::PREP | f::PRON) {
                    break;
                }
                k += 1;
            }
        }
        if inf.has(f::PRON) && !inf.has(f::P_1 | f::P_2 | f::PLURAL) && !cx.in_quote[i] {
            let g = inf.gender();
            // a reflexive right after a name is that person's ("Sanders himself"), when the
            // person's gender is known to be the reflexive's
            let named_before = || {
                let k = ends.binary_search_by_key(&i, |x| x.0).ok()?;
                let e = ends[k].2;
                (cx.info[e].gender.1 == g).then_some(e)
            };
            if matches!(g, Gender::Male | Gender::Female)
                && cx.v.byte(i).is_ascii_alphabetic()
                && let Some(e) =
                    inf.has(f::P_REFL).then(named_before).flatten().or_else(|| resolve(cx, &slots, i, sent, g))
            {
                links.push((i, e));
                if cx.info[e].gender.0 == 0 {
                    cx.info[e].gender = (0, g);
                }
                slots.push(Slot {
                    tok: i,
                    sent,
                    ent: Some(e),
                    gender: g,
                    subject: last_slot_sent != sent && inf.has(f::P_SUBJ),
                    quoted: false,
                });
                last_slot_sent = sent;
            }
        }
        i += 1;
    }
    for (t, e) in links {
        let span = cx.v.toks[t].span;
        let k = cx.add(Work {
            span,
            ty: EntityType::Person,
            a: t,
            b: t + 1,
            kind: MentionKind::Pronoun,
            written: None,
            gender: Gender::Any,
            linkable: true,
            entity: Some(e),
        });
        cx.ents[e].mentions.push(k);
    }
}

/// The entity the pronoun at token `p` refers to, if one clearly stands out.
fn resolve(cx: &Ctx, slots: &[Slot], p: usize, sent: u32, g: Gender) -> Option<usize> {
    // best score per candidate: entity, or unnamed slot
    let mut cands: Vec<(Option<usize>, usize, i32)> = Vec::new();
    let mut rank = 0;
    for (si, s) in slots.iter().enumerate().rev().take(40) {
        if s.sent + WINDOW < sent {
            break;
        }
        if s.quoted || s.tok >= p {
            continue;
        }
        let sg = match s.ent {
            Some(e) if cx.info[e].gender.1 != Gender::Any => cx.info[e].gender.1,
            _ => s.gender,
        };
        if !sg.agrees(g) {
            continue;
        }
        let key = match s.ent {
            Some(e) => (Some(e), usize::MAX),
            None => (None, si),
        };
        let dist = (sent - s.sent) as i32;
        let mut score = 20 - 6 * dist - rank;
        if s.subject {
            score += 5;
        }
        if sg == g {
            score += 3;
        }
        rank += 1;
        match cands.iter_mut().find(|c| (c.0, c.1) == key) {
            Some(c) => c.2 = c.2.max(score),
            None => cands.push((key.0, key.1, score)),
        }
    }
    cands.sort_by_key(|c| std::cmp::Reverse(c.2));
    let best = cands.first().map(|c| (c.2, c.0, c.1));
    let second = cands.get(1).map(|c| c.2);
    let (bs, ent, _) = best?;
    let e = ent?;
    if second.is_some_and(|s2| bs - s2 < 2) {
        return None;
    }
    Some(e)
}

/// The head nouns of a described person ("the tall man").
const PERSON_NOUNS: [&str; 5] = ["man", "woman", "boy", "girl", "person"];

/// The gender a described person's head noun at token `h` gives ("the tall man").
fn person_noun_gender(v: &View, h: usize) -> Gender {
    if v.is(h, "man") || v.is(h, "boy") {
        Gender::Male
    } else if v.is(h, "woman") || v.is(h, "girl") {
        Gender::Female
    } else {
        v.info[h].gender()
    }
}

/// The words that give a described person's name right after the description: "a man called
/// Kieran Mallory", "a woman known as Maud", "a man I now know to be Kieran Mallory".
const NAMING: [&[&str]; 8] = [
    &["called"],
    &["named"],
    &["known", "as"],
    &["calling", "himself"],
    &["calling", "herself"],
    &["I", "now", "know", "to", "be"],
    &["I", "know", "to", "be"],
    &["I", "now", "know", "as"],
];

/// A described person named right after the description ("a man called Kieran Mallory came
/// in. He asked ..."): the description is a mention of the named person, who is then the one
/// the sentence is about, not the description.
pub(crate) fn named_descriptions(cx: &mut Ctx) {
    let n = cx.v.len();
    let mut add: Vec<(usize, usize, Gender, usize)> = Vec::new();
    for i in 0..n.saturating_sub(3) {
        let v = &cx.v;
        if !(v.is(i, "a") || v.is(i, "an") || v.is(i, "the")) || cx.in_quote[i] {
            continue;
        }
        // up to two lowercase modifiers, then a person noun
        let mut h = i + 1;
        while h < i + 3 && h < n && !PERSON_NOUNS.iter().any(|p| v.is(h, p)) {
            if v.toks[h].kind != TokenKind::Word || v.cap(h) {
                break;
            }
            h += 1;
        }
        if !PERSON_NOUNS.iter().any(|p| v.is(h, p)) {
            continue;
        }
        let Some(len) =
            NAMING.iter().find(|ws| ws.iter().enumerate().all(|(k, w)| v.is(h + 1 + k, w))).map(|ws| ws.len())
        else {
            continue;
        };
        let at = h + 1 + len;
        let Some((ent, after)) = cx
            .men
            .iter()
            .find(|m| m.a == at && matches!(m.kind, MentionKind::Name | MentionKind::Alias))
            .and_then(|m| Some((m.entity?, m.b)))
            .filter(|&(e, _)| cx.ents[e].ty == EntityType::Person)
        else {
            continue;
        };
        // "called" as a verb: "The man called Tom Fenn a liar", "A woman called Ann Lee on
        // Tuesday", "The girl named John Smith as her attacker"
        if after < n && (v.info[after].has(f::DET | f::PREP | f::P_POSS | f::TIME) || v.is(after, "as")) {
            continue;
        }
        if cx.men.iter().any(|m| m.a < h + 1 && i < m.b) {
            continue;
        }
        add.push((i, h + 1, person_noun_gender(v, h), ent));
    }
    add_descriptions(cx, add);
}

/// Described people named by an identification ("I recognised the tall man as the person
/// shown to me as Tomas Brekov", "police identified the driver as Ana Reyes"): every "the tall
/// man" (or "a tall man") in the document refers to the named person, and so does the subject
/// of a comparison that introduced the description ("One of them was taller than the others").
pub(crate) fn descriptions(cx: &mut Ctx) {
    let v = &cx.v;
    let n = v.len();
    // (description words, head gender, entity)
    let mut found: Vec<(Vec<String>, Gender, usize)> = Vec::new();
    for i in 0..n.saturating_sub(4) {
        let w = v.s(i);
        let verb = ["recognised", "recognized", "identified"].iter().any(|x| w.eq_ignore_ascii_case(x));
        if !verb || !v.is(i + 1, "the") {
            continue;
        }
        // "the" + up to two modifiers + a person noun, then "as"
        let mut h = i + 2;
        while h < n && h < i + 5 && !PERSON_NOUNS.iter().any(|p| v.is(h, p)) && !v.info[h].has(f::ROLE | f::SRC) {
            if v.toks[h].kind != TokenKind::Word || v.cap(h) {
                break;
            }
            h += 1;
        }
        let noun = h < n && (PERSON_NOUNS.iter().any(|p| v.is(h, p)) || v.info[h].has(f::ROLE | f::SRC));
        if !noun || v.info[h].has(f::PLURAL) || !v.is(h + 1, "as") {
            continue;
        }
        // the first person named after "as", in the sentence
        let sent = v.sent[i];
        let ent = (h + 2..n.min(h + 14)).take_while(|&k| v.sent[k] == sent).find_map(|k| {
            cx.men.iter().find(|m| m.a == k && m.kind == MentionKind::Name && m.linkable).and_then(|m| m.entity)
        });
        let Some(ent) = ent.filter(|&e| cx.ents[e].ty == EntityType::Person) else { continue };
        let words: Vec<String> = (i + 2..=h).map(|k| v.s(k).to_lowercase()).collect();
        let g = person_noun_gender(v, h);
        if !found.iter().any(|(fw, _, _)| *fw == words) {
            found.push((words, g, ent));
        }
    }
    if found.is_empty() {
        return;
    }
    // a description naming two people is no description
    let mut keep = Vec::new();
    for (k, (words, g, ent)) in found.iter().enumerate() {
        if !found.iter().enumerate().any(|(j, (w2, _, e2))| j != k && w2 == words && e2 != ent) {
            keep.push((words.clone(), *g, *ent));
        }
    }
    let n = cx.v.len();
    let mut covered = vec![false; n];
    for w in &cx.men {
        for c in &mut covered[w.a..w.b.min(n)] {
            *c = true;
        }
    }
    let mut add: Vec<(usize, usize, Gender, usize)> = Vec::new();
    for (words, g, ent) in &keep {
        let len = words.len();
        for i in 0..n.saturating_sub(len) {
            // "a younger man" introduces the one identified later; "a man" alone may be anyone
            let det = cx.v.is(i, "the") || len > 1 && (cx.v.is(i, "a") || cx.v.is(i, "an"));
            if !det || covered[i + 1] || cx.in_quote[i] {
                continue;
            }
            if (0..len).all(|k| cx.v.s(i + 1 + k).eq_ignore_ascii_case(&words[k])) {
                add.push((i, i + 1 + len, *g, *ent));
            }
        }
        // "One of them was taller than the others": the comparative of the description's
        // adjective, said of the sentence's subject
        if len == 2 {
            let adj = words[0].trim_end_matches("er");
            for i in 1..n.saturating_sub(2) {
                let w = cx.v.s(i).to_lowercase();
                let comparative = w == format!("{adj}er")
                    || w == format!("{adj}r")
                    || w == format!("{adj}{}er", &adj[adj.len().saturating_sub(1)..]);
                if !comparative || !cx.v.is(i + 1, "than") || !cx.v.info[i - 1].has(f::BE) {
                    continue;
                }
                let (sa, _) = cx.v.sent_toks[cx.v.sent[i] as usize];
                // the subject: "One of them", "One of the men"
                if i >= sa + 2 && cx.v.is(sa, "one") && cx.v.is(sa + 1, "of") && !covered[sa] && !cx.in_quote[sa] {
                    add.push((sa, i - 1, *g, *ent));
                }
            }
        }
    }
    add_descriptions(cx, add);
}

/// Adds each described person `(first token, end token, gender, entity)` as a mention of the
/// entity, whose gender it gives when none is known.
fn add_descriptions(cx: &mut Ctx, add: Vec<(usize, usize, Gender, usize)>) {
    for (a, b, g, ent) in add {
        let span = Span::new(cx.v.toks[a].span.start, cx.v.toks[b - 1].span.end);
        let k = cx.add(Work {
            span,
            ty: EntityType::Person,
            a,
            b,
            kind: MentionKind::Nominal,
            written: None,
            gender: g,
            linkable: true,
            entity: Some(ent),
        });
        cx.ents[ent].mentions.push(k);
        if cx.info[ent].gender.0 == 0 && g != Gender::Any {
            cx.info[ent].gender = (1, g);
        }
    }
}
