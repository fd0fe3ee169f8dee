//! Reported speech: "X said (that) …", "X told the paper …", "…, X said", "According to X, …",
//! "X wants to …", "X denied …"; with a quoted phrase inside, `partial`.

use super::attrib::{appositive, described, np_before, np_ending_at, np_forward, np_forward_with, subject, verb_cue};
use super::{Attr, Cx, Rec, Speaker};
use crate::entities::words::Gender;
use crate::entities::words::f;
use dossier_model::{EntityType, QuoteKind, TokenKind};

/// Adds the reported statements of the document to `recs` (which holds the direct ones).
pub(crate) fn indirect(cx: &mut Cx, recs: &mut Vec<Rec>) {
    let n = cx.v.len();
    // tokens that direct records (and their attributions) cover
    let mut taken = vec![false; n];
    for r in recs.iter() {
        for t in &mut taken[r.first..=r.last] {
            *t = true;
        }
        if let Some(a) = r.attr
            && !r.inherited
        {
            let (lo, hi) = (a.cue.0.min(a.end), a.cue.1.max(a.end));
            for t in &mut taken[lo..=hi.min(n - 1)] {
                *t = true;
            }
        }
    }
    // every cue's reading, then the outermost ones: annotators (and readers) take "X said
    // that Y told him Z" as X's statement, and a cue inside another's content is not one
    let mut cands: Vec<((usize, usize), Attr)> = Vec::new();
    for (i, &tk) in taken.iter().enumerate() {
        if tk || cx.used[i] || cx.seg(i).is_some() {
            continue;
        }
        let found = if cx.v.info[i].has(f::ACCORDING) && cx.v.is(i + 1, "to") {
            according(cx, i)
        } else if cx.v.is(i, "clear") {
            made_clear(cx, i)
        } else if cx.v.info[i].has(f::CUE) {
            reported(cx, i)
        } else {
            None
        };
        if let Some(c) = found {
            cands.push(c);
        }
    }
    // (a chat message is its sender's own words: a direct record)
    let chat = chat_messages(cx, &taken);
    let chat_cues: Vec<usize> = chat.iter().map(|(_, attr)| attr.cue.0).collect();
    cands.extend(chat);
    let mut labels: Vec<(String, Speaker)> = Vec::new();
    let mut labelled = Vec::new();
    for (i, &tk) in taken.iter().enumerate() {
        if (i == 0 || cx.v.toks[i].para_start)
            && !tk
            && let Some(c) = label(cx, i, &mut labels)
        {
            labelled.push(c);
        }
    }
    // a body's lone label before a lowercase description with no verb and no subject is a
    // title ("Ardenport Police: incident log, week ending Sunday 9 March 2025"); a headline
    // says something ("Police: two men arrested", "Lynch: No outside influence on FBI probe"),
    // and a transcript's turns may be a bare "Yes."
    if let [((a, z), attr)] = labelled[..]
        && attr.speaker.is_none_or(|sp| sp.entity.is_none_or(|e| cx.doc.entities[e].ty != EntityType::Person))
        && cx.v.toks[a].kind == TokenKind::Word
        && !cx.v.cap(a)
        && !(a..=z).any(|k| {
            let i = cx.v.info[k];
            verb_like(cx, k)
                || i.has(f::NEG | f::CUE)
                || i.has(f::PRON) && i.has(f::P_SUBJ)
                || ["no", "not", "never"].iter().any(|w| cx.v.is(k, w))
        })
    {
        labelled.clear();
    }
    cands.extend(labelled);
    cands.retain(|((a, z), _)| z >= a);
    cands.sort_by_key(|((a, z), attr)| (std::cmp::Reverse(z - a), attr.cue.0));
    let mut inside = vec![false; n];
    let mut out: Vec<Rec> = Vec::new();
    for ((a, z), attr) in cands {
        if z < a || inside[attr.cue.0] || (a..=z).any(|t| inside[t]) {
            continue;
        }
        if let Some(mut rec) = make(cx, (a, z), attr, &taken) {
            if chat_cues.contains(&attr.cue.0) && rec.kind == QuoteKind::Indirect {
                rec.kind = QuoteKind::Direct;
            }
            for t in &mut inside[rec.first..=rec.last] {
                *t = true;
            }
            for u in &mut cx.used[attr.cue.0..=attr.cue.1] {
                *u = true;
            }
            out.push(rec);
        }
    }
    recs.extend(out);
    turns(cx, recs);
}

/// An interview's transcript ("Q: …" and "A: …" lines, see [`super::transcript_turns`]): what an
/// answer says outside the other records is the words of the one interviewed (see
/// [`super::narrator`]), what a question says the interviewer's (see [`super::interviewer`]).
/// Each run of whole sentences that no record touches, up to the end of the turn's paragraph,
/// is one direct record.
fn turns(cx: &mut Cx, recs: &mut Vec<Rec>) {
    let turns = super::transcript_turns(&cx.doc.text);
    if turns.is_empty() {
        return;
    }
    // (no one interviewed, no interview: an FAQ, a quiz, a court's transcript give no records)
    let Some(interviewed) = super::narrator(cx, &turns) else { return };
    let n = cx.v.len();
    // each turn's label (its letter, then a colon) and the end of its paragraph, or the next
    // turn's line (a transcript without blank lines), or a line of another letter ("B: Venus")
    let mut labelled: Vec<(usize, usize, super::Turn)> = Vec::new();
    for (k, &(offset, turn)) in turns.iter().enumerate() {
        let q = cx.v.token_from(offset);
        let next = turns.get(k + 1).map_or(n, |t| cx.v.token_from(t.0));
        // (a line of one capital and a colon: "Cost: it was too high" goes on with the answer)
        let letter = |t: usize| cx.v.s(t).len() == 1 && cx.v.cap(t) && cx.v.punct(t + 1, b':');
        let ends = |t: usize| cx.v.toks[t].para_start || !cx.v.next_on_line(t - 1) && letter(t);
        if q + 2 < next && cx.v.punct(q + 1, b':') {
            let end = (q + 2..next).find(|&t| ends(t)).unwrap_or(next);
            labelled.push((q, end, turn));
        }
    }
    // (an answer's "I'd say …" or "I never wanted to …" is the answer's own words)
    let answer = |t: usize| labelled.iter().any(|&(q, end, turn)| turn == super::Turn::Answer && q < t && t < end);
    recs.retain(|r| {
        !(answer(r.first) && r.attr.and_then(|a| a.speaker).is_some_and(|sp| super::first_person(cx, &sp)))
    });
    let mut covered = vec![false; n];
    for r in recs.iter() {
        for t in &mut covered[r.first..=r.last] {
            *t = true;
        }
    }
    let interviewer = super::interviewer(cx, Some(interviewed));
    let mut runs: Vec<((usize, usize), Attr)> = Vec::new();
    for (q, end, turn) in labelled {
        let entity = if turn == super::Turn::Answer { Some(interviewed) } else { interviewer };
        let gender = entity.map_or(Gender::Any, |e| cx.ent_gender[e]);
        let speaker = Speaker { span: cx.span(q, q), entity, gender, pronoun: false, head: q };
        let attr = Attr { cue: (q + 1, q + 1), speaker: Some(speaker), end: q + 1 };
        let mut run: Option<(usize, usize)> = None;
        let mut k = q + 2;
        while k < end {
            let last = (cx.sent_range(k).1).min(end) - 1;
            if (k..=last).any(|t| covered[t]) {
                runs.extend(run.take().map(|r| (r, attr)));
            } else {
                run = Some((run.map_or(k, |r| r.0), last));
            }
            k = last + 1;
        }
        runs.extend(run.map(|r| (r, attr)));
    }
    for ((a, mut z), attr) in runs {
        if z > a && cx.v.punct(z, b'.') {
            z -= 1;
        }
        if let Some(mut rec) = make(cx, (a, z), attr, &covered) {
            // (all of it, with any scare quotes: "It was a “perfect storm” of problems.")
            rec.kind = QuoteKind::Direct;
            rec.parts = vec![rec.span];
            recs.push(rec);
        }
    }
}

/// "Pence: Gennifer Flowers won't be at debate" (a headline), "PENCE: Well, look, …" (a
/// transcript): a person or body named at the start of a paragraph (token `i`), then a colon;
/// the rest of the paragraph is what they said. A transcript's label may also give an
/// honorific ("MR HALLORAN:"), a role ("THE CHAIR:"), or both a role and a name in brackets
/// ("CHAIR (Councillor Rosa Vint):"); `seen` holds the labels read so far, so a role or a name
/// the tagger missed this time speaks for whom it did before.
fn label(cx: &Cx, i: usize, seen: &mut Vec<(String, Speaker)>) -> Option<((usize, usize), Attr)> {
    let v = &cx.v;
    let n = v.len();
    // a transcript quoted whole opens each paragraph with a quotation mark
    let i = if v.toks[i].kind == TokenKind::Quote { i + 1 } else { i };
    // a numbered question in a parliament's record ("1. Mr Tomas Reyes (Eastmoor North) (Lab):")
    let i = if i + 2 < n && v.toks[i].kind == TokenKind::Number && v.punct(i + 1, b'.') && v.cap(i + 2) {
        i + 2
    } else {
        i
    };
    // the colon, after words, abbreviation points, brackets and commas on the paragraph's first
    // line (a comma in an office: "The Minister of State, Department for Transport (Helen
    // Cartwright):"; the label's words must then name someone, see `label_speaker`)
    let c = (i..n.min(i + 20))
        .find(|&k| v.toks[k].kind != TokenKind::Word && ![b'.', b'(', b')', b','].iter().any(|&p| v.punct(k, p)))?;
    if c == i || !v.punct(c, b':') || c + 1 >= n || v.toks[c + 1].para_start {
        return None;
    }
    if (i + 1..=c).any(|k| v.toks[k].para_start || !v.next_on_line(k - 1)) {
        return None;
    }
    let speaker = label_speaker(cx, i, c, seen)?;
    let mut z = c + 1;
    while z + 1 < n
        && !v.toks[z + 1].para_start
        && (v.next_on_line(z) || !ends_sentence(cx, z) || !line_label(cx, z + 1))
    {
        z += 1;
    }
    // (a question's reference number after it is the record's: "services. [90211]")
    if z > c + 3 && reference_mark(cx, z - 1) {
        z -= 3;
    }
    if v.punct(z, b'.') {
        z -= 1;
    }
    if z < c + 3 {
        return None;
    }
    // a heading's date says nothing ("Ardenport Crown Court: Monday 3 March 2025")
    let (from, to) = (v.toks[c + 1].span.start, v.toks[z].span.end);
    if cx.doc.times.iter().any(|t| t.span.start <= from && to <= t.span.end) {
        return None;
    }
    // a list of names is no statement: a team's line-up ("Ardenport Rovers: Mensah; Patel, Doyle,
    // Quinn; Ross (Evans 71)"), a cast, a panel
    // (not a turn written in capitals: "SEN. GRAHAM: WELL, FIRST, I WANT TO THANK ...")
    let word = |k: usize| v.toks[k].kind == TokenKind::Word;
    let lowercase = (c + 1..=z).any(|k| word(k) && !v.cap(k));
    let capitals = (c + 1..=z).any(|k| word(k) && v.s(k).len() > 1 && crate::entities::is_allcaps(v.s(k)));
    let separators = (c + 1..=z).filter(|&k| v.punct(k, b',') || v.punct(k, b';')).count();
    if !lowercase && !capitals && separators >= 2 {
        return None;
    }
    Some(((c + 1, z), Attr { cue: (c, c), speaker: Some(speaker), end: c }))
}

/// True when token `k` ends a sentence: a full stop, a question or exclamation mark, or a
/// closing quotation mark.
fn ends_sentence(cx: &Cx, k: usize) -> bool {
    let v = &cx.v;
    v.toks[k].kind == TokenKind::Quote || [b'.', b'?', b'!'].iter().any(|&p| v.punct(k, p))
}

/// True when the line that token `i` opens starts with a label: up to three capitalized words
/// and a colon ("Goals:", "Booked:", "MR HALLORAN:"), which ends the line before it.
fn line_label(cx: &Cx, i: usize) -> bool {
    let v = &cx.v;
    let mut k = i;
    while k < v.len() && k < i + 3 && v.toks[k].kind == TokenKind::Word && v.cap(k) && v.next_on_line(k) {
        k += 1;
    }
    k > i && v.punct(k, b':')
}

/// A chat export's messages ("[12/03/2024, 21:14] Rory Quill: did you move the boxes"), each
/// what its sender wrote (see [`Cx::mail`]): a sender the tagger named is that
/// person, else the words that name them speak.
fn chat_messages(cx: &Cx, taken: &[bool]) -> Vec<((usize, usize), Attr)> {
    let v = &cx.v;
    let mut out = Vec::new();
    for h in cx.mail.iter().filter(|h| h.chat) {
        let Some(from) = h.from else { continue };
        let (a, c) = (v.token_from(from.start), v.token_from(from.end));
        let z = v.token_from(h.body.end);
        if c >= z || c <= a || !v.punct(c, b':') || (c..z).any(|k| taken[k]) {
            continue;
        }
        let mut z = z - 1;
        while z > c && v.toks[z].kind == TokenKind::Punct && !v.punct(z, b'?') {
            z -= 1;
        }
        if z <= c {
            continue;
        }
        let speaker = label_name(cx, a, c).unwrap_or_else(|| described(cx, a, c - 1));
        out.push(((c + 1, z), Attr { cue: (c, c), speaker: Some(speaker), end: c }));
    }
    out
}

/// Who the label of tokens `a..c` (before its colon) names; see [`label`].
fn label_speaker(cx: &Cx, a: usize, c: usize, seen: &mut Vec<(String, Speaker)>) -> Option<Speaker> {
    let v = &cx.v;
    // "THE CHAIR" and "CHAIR" are one role; "The Ninth Circle:" (a column's title) no name
    let b = if v.is(a, "the") && a + 1 < c { a + 1 } else { a };
    let key = |a: usize, z: usize| {
        let words: Vec<String> =
            (a..z).filter(|&k| v.toks[k].kind == TokenKind::Word).map(|k| v.s(k).to_lowercase()).collect();
        words.join(" ")
    };
    let role = |k: usize| v.info[k].has(f::ROLE | f::TITLE | f::ROLE_MOD) || v.punct(k, b'.');
    let roles_only = |x: usize, y: usize| x < y && (x..y).all(role) && v.info[y - 1].has(f::ROLE | f::TITLE);
    if v.punct(c - 1, b')') {
        let open = (a..c - 1).rev().find(|&k| v.punct(k, b'('))?;
        // "CHAIR (Councillor Rosa Vint)": the name in brackets, for whom the role speaks after;
        // also after an office of several words ("The Minister of State, Department for
        // Transport (Helen Cartwright)")
        if roles_only(b, open) {
            let sp = label_name(cx, open + 1, c - 1).or_else(|| surname_speaker(cx, open + 1, c - 1))?;
            seen.push((key(b, open), sp));
            return Some(sp);
        }
        // (an office names no one of its own: "Councillor Tom Fenn (Labour)" is Tom Fenn's; the
        // office may refer to the holder named in brackets, whose role it is)
        if v.info[b].has(f::ROLE | f::TITLE)
            && v.cap(b)
            && let Some(sp) = label_name(cx, open + 1, c - 1).filter(|sp| {
                sp.entity.is_some_and(|e| cx.doc.entities[e].ty == EntityType::Person)
                    && (b..open).all(|k| !cx.person_at(k) || cx.person_entity(k) == sp.entity)
            })
        {
            seen.push((key(b, open), sp));
            return Some(sp);
        }
        // "Ann Lee (Greenpeace)", "Mr Alasdair Munro (Orkney and Skerry) (LD)": the name before
        // the brackets
        let mut first = open;
        while first > a + 1 && v.punct(first - 1, b')') {
            first = (a..first - 1).rev().find(|&k| v.punct(k, b'('))?;
        }
        return label_name(cx, a, first);
    }
    let whole = key(b, c);
    if let Some(sp) = label_name(cx, a, c) {
        seen.push((whole, sp));
        return Some(sp);
    }
    // the words here speak, for whom they named before
    if let Some((_, sp)) = seen.iter().rev().find(|(k, _)| *k == whole) {
        return Some(Speaker { span: cx.span(b, c - 1), head: c - 1, ..*sp });
    }
    if let Some(sp) = surname_speaker(cx, a, c) {
        seen.push((whole, sp));
        return Some(sp);
    }
    // a role alone in capitals ("THE CHAIR:", "PRESENTER:") is an unnamed speaker; in title case
    // it is more often a heading ("The Queen: A Life in Pictures")
    let capitals = (b..c).all(|k| !v.s(k).chars().any(char::is_lowercase));
    (capitals && roles_only(b, c)).then(|| described(cx, b, c - 1))
}

/// The person or body the tagger named in a label's tokens `a..z`, after any honorifics and
/// titles ("MR HALLORAN", "Sen. Lee").
fn label_name(cx: &Cx, a: usize, z: usize) -> Option<Speaker> {
    let v = &cx.v;
    let mut r = a;
    while r < z && (v.info[r].has(f::HON | f::TITLE) || v.punct(r, b'.')) {
        r += 1;
    }
    if r >= z || !(r..z).all(|k| v.toks[k].kind == TokenKind::Word && v.cap(k)) {
        return None;
    }
    let m = cx.mention(z - 1)?;
    let men = &cx.doc.mentions[m];
    let ty = men.entity.map(|e| cx.doc.entities[e].ty);
    let starts = men.span.start == v.toks[r].span.start || men.span.start == v.toks[a].span.start;
    let whole = starts && men.span.end == v.toks[z - 1].span.end;
    (whole && matches!(ty, Some(EntityType::Person | EntityType::Org))).then(|| cx.speaker_of_mention(m, z - 1))
}

/// A label of honorifics and a surname the tagger missed ("MS OKAFOR", tokens `a..z`): the one
/// person elsewhere in the text whose name ends with that surname, or else an unnamed speaker.
fn surname_speaker(cx: &Cx, a: usize, z: usize) -> Option<Speaker> {
    let v = &cx.v;
    let mut r = a;
    while r < z && (v.info[r].has(f::HON) || v.punct(r, b'.')) {
        r += 1;
    }
    if r == a || r >= z || z - r > 2 || !(r..z).all(|k| v.toks[k].kind == TokenKind::Word && v.cap(k)) {
        return None;
    }
    let surname = v.s(z - 1);
    let mut people = cx.doc.entities.iter().enumerate().filter(|(_, e)| {
        e.ty == EntityType::Person && e.name.rsplit(' ').next().is_some_and(|w| w.eq_ignore_ascii_case(surname))
    });
    let entity = match (people.next(), people.next()) {
        (Some((e, _)), None) => Some(e),
        _ => None,
    };
    let gender = entity.map_or_else(|| v.info[a].gender(), |e| cx.ent_gender[e]);
    Some(Speaker { span: cx.span(a, z - 1), entity, gender, pronoun: false, head: z - 1 })
}

/// "so", "yes" or "no" at token `i`: the whole of what was said in "said so", "said no".
fn answer(cx: &Cx, i: usize) -> bool {
    ["so", "yes", "no"].iter().any(|w| cx.v.is(i, w))
}

/// A record from a content token range: partial when it holds quoted phrases nobody took,
/// none when it overlaps a direct quotation.
fn make(cx: &mut Cx, (a, z): (usize, usize), attr: Attr, taken: &[bool]) -> Option<Rec> {
    // a content running into a direct quotation's attribution ends before it
    let z = match (a..=z).find(|&t| taken[t]) {
        Some(t) if t > a + 2 => {
            let mut z = t - 1;
            while z > a && matches!(cx.v.toks[z].kind, TokenKind::Punct) {
                z -= 1;
            }
            z
        }
        Some(_) => return None,
        None => z,
    };
    // one word is a content when it names someone or answers ("said so", "said no")
    if z < a || (z == a && cx.mention(a).is_none() && !answer(cx, a)) {
        return None;
    }
    // "said in his book, “A Harbour of Ghosts.”": a title is all the content, nothing said
    if let Some(s) = cx.seg(a)
        && cx.seg(z) == Some(s)
        && super::direct::work_title(cx, cx.segs[s].open)
    {
        return None;
    }
    let span = cx.span(a, z);
    let mut parts = Vec::new();
    let mut nicknames = 0;
    let mut t = a;
    while t <= z {
        if let Some(s) = cx.seg(t) {
            let seg = cx.segs[s];
            if seg.open >= a && seg.end_tok() <= z && !cx.seg_used[s] && !seg.inner.is_empty() {
                if nickname(cx, seg.open, seg.end_tok()) {
                    nicknames += 1;
                } else {
                    parts.push(seg.inner);
                    cx.seg_used[s] = true;
                }
            }
            t = seg.end_tok() + 1;
            continue;
        }
        t += 1;
    }
    // "The others called him “the Ferryman”": a name given, nothing said
    if nicknames > 0 && parts.is_empty() && z - a < 8 && cx.v.s(attr.cue.0).to_ascii_lowercase().starts_with("call") {
        return None;
    }
    let kind = if parts.is_empty() {
        parts.push(span);
        QuoteKind::Indirect
    } else if parts.len() == 1 && a + 1 < z && cx.seg(a).is_some() && cx.seg(a) == cx.seg(z) {
        QuoteKind::Direct
    } else {
        QuoteKind::Partial
    };
    Some(Rec { span, parts, kind, attr: Some(attr), first: a, last: z, inherited: false })
}

/// True when the quoted stretch from token `o` to `z` is a nickname, not a quotation: a short
/// name ("the Ferryman", "Little Marco") after "known as", "dubbed", "nicknamed", or after
/// "called" and a pronoun or name.
fn nickname(cx: &Cx, o: usize, z: usize) -> bool {
    let v = &cx.v;
    if z < o + 2 || z - o > 5 || o < 2 {
        return false;
    }
    let mut first = o + 1;
    if v.is(first, "the") {
        first += 1;
    }
    if first >= z || !v.cap(first) {
        return false;
    }
    let p = o - 1;
    v.is(p, "dubbed")
        || v.is(p, "nicknamed")
        || ["call", "calls", "called", "named"].iter().any(|w| v.is(p, w))
        || v.is(p, "as") && (v.is(p - 1, "known") || v.is(p - 1, "nicknamed"))
        || (v.info[p].has(f::PRON) && v.info[p].has(f::P_OBJ) || cx.mention(p).is_some()) && v.is(p - 1, "called")
}

/// The last token of the sentence of token `i` that belongs to a content: before the final
/// full stop (a closing quotation mark after it stays).
fn content_end(cx: &Cx, from: usize) -> usize {
    let v = &cx.v;
    let (_, se) = cx.sent_range(from);
    let mut e = se - 1;
    let trim = |mut e: usize| {
        while e > from && matches!(v.toks[e].kind, TokenKind::Punct) && !v.punct(e, b')') {
            e -= 1;
        }
        e
    };
    e = trim(e);
    // a footnote's mark is the report's, not the speaker's ("since 2015.[2]")
    if e > from + 2 && reference_mark(cx, e) {
        e = trim(e - 2);
    }
    e
}

/// True when token `k` is a number in square brackets: a footnote's or a record's reference
/// ("since 2015.[2]", "services. [90211]").
fn reference_mark(cx: &Cx, k: usize) -> bool {
    let v = &cx.v;
    k > 0 && v.toks[k].kind == TokenKind::Number && v.punct(k - 1, b'[') && v.punct(k + 1, b']')
}

/// True when a verb phrase of its own starts at token `j` (after adverbs): an auxiliary or a
/// finite cue ("and has called for …", "but added …").
fn verb_phrase_at(cx: &Cx, mut j: usize, e: usize) -> bool {
    let v = &cx.v;
    // "and has since called for …": a cue after auxiliaries and adverbs ("and had been taken"
    // goes on with the content's own subject)
    while j <= e && v.info[j].has(f::ADV | f::NEG | f::AUX) && !v.info[j].has(f::DET) {
        j += 1;
    }
    // ("and claims of bias" is a noun)
    if j > e {
        return false;
    }
    let noun = v.info[j].has(f::S3) && !v.info[j].has(f::PAST) && v.is(j + 1, "of");
    v.info[j].has(f::CUE) && v.info[j].has(f::PAST | f::S3 | f::BASE) && !noun && verb_cue(cx, j, f::CUE)
}

/// True when a clause with its own attribution starts at token `j`: a subject and a cue ("but
/// he also noted …", "while Cruz said …").
fn attribution_at(cx: &Cx, j: usize, e: usize) -> bool {
    let v = &cx.v;
    // a clause needs a word: none after the content's end (the text may end there)
    if j > e || j >= v.info.len() {
        return false;
    }
    let mut k = j;
    if v.info[k].has(f::PRON) && v.info[k].has(f::P_SUBJ) {
        k += 1;
    } else if let Some(m) = cx.mention(k) {
        while k <= e && cx.mention(k) == Some(m) {
            k += 1;
        }
    } else {
        // "…, at least 21,000 said they would": a short phrase and a speech verb
        while k <= e && k < j + 6 && matches!(v.toks[k].kind, TokenKind::Word | TokenKind::Number) {
            let ik = &v.info[k];
            if ik.has(f::CUE_S) && ik.has(f::PAST | f::S3 | f::BASE) && !ik.has(f::CUE_O) && k > j {
                return verb_cue(cx, k, f::CUE_S);
            }
            if ik.has(f::CONJ | f::COMP | f::WH | f::AUX | f::BE | f::PRON) {
                return false;
            }
            k += 1;
        }
        return false;
    }
    while k <= e && v.info[k].has(f::ADV | f::AUX | f::NEG) {
        k += 1;
    }
    k <= e && verb_cue(cx, k, f::CUE_S | f::CUE_T) && !v.info[k].has(f::ING)
}

/// The content runs on to its sentence end unless something else starts: another attribution
/// (", saying", "and added", "but he noted", ", according to", "— he said"), a clause about the
/// content (", which …", ", while …" running to the end), a semicolon.
fn cut(cx: &Cx, a: usize, e: usize) -> usize {
    let v = &cx.v;
    let mut k = a + 1;
    while k <= e {
        if let Some(s) = cx.seg(k) {
            // "… “less advanced schools,” Trump said: …": an attribution after the quotation
            let z = cx.segs[s].end_tok();
            if z < e && attribution_at(cx, z + 1, e) {
                return z;
            }
            k = z + 1;
            continue;
        }
        let long = k >= a + 3;
        // A dash goes on with the content ("… his advantage - helping start his plan"), unless an
        // attribution follows it.
        if v.punct(k, b';') || long && v.dash(k) && attribution_at(cx, k + 1, e) {
            return k - 1;
        }
        if v.punct(k, b',') && k < e {
            let w = k + 1;
            let ing =
                v.toks[w].kind == TokenKind::Word && !v.cap(w) && v.s(w).ends_with("ing") && !v.info[w].has(f::PREP);
            // (", saying …" is another attribution; ", bringing its total to …" goes on with
            // the content)
            if long && ing && v.info[w].has(f::CUE) || v.is(w, "according") && v.is(w + 1, "to") {
                return k - 1;
            }
            if long
                && ["which", "where", "while", "whose", "who", "although", "though", "whereas"]
                    .iter()
                    .any(|x| v.is(w, x))
                && !(w + 1..=e).any(|x| v.punct(x, b','))
            {
                return k - 1;
            }
            // ", however this time that number has dropped", ", compared with …": the writer
            // goes on
            if long && (v.is(w, "however") || v.is(w, "compared") && (v.is(w + 1, "with") || v.is(w + 1, "to"))) {
                return k - 1;
            }
            if (v.is(w, "and") || v.is(w, "but") || v.is(w, "while"))
                && (attribution_at(cx, w + 1, e) || verb_phrase_at(cx, w + 1, e))
                || attribution_at(cx, w, e)
            {
                return k - 1;
            }
        }
        if (v.is(k, "and") || v.is(k, "but") || v.is(k, "while"))
            && k > a
            && (verb_phrase_at(cx, k + 1, e) || attribution_at(cx, k + 1, e))
        {
            return k - 1;
        }
        k += 1;
    }
    e
}

/// The end of an object content ("denied the allegations on Monday", "blasted Rubio and
/// defended Cruz"): the noun phrase, before a comma, a clause, a time or a medium.
fn object_end(cx: &Cx, a: usize, e: usize) -> usize {
    let v = &cx.v;
    let e = cut(cx, a, e);
    let mut k = a + 1;
    while k <= e {
        if let Some(s) = cx.seg(k) {
            k = cx.segs[s].end_tok() + 1;
            continue;
        }
        // "expressed concern that the plan would fail": a clause after the noun runs on as
        // reported speech does
        if v.is(k, "that") && k > a && v.toks[k - 1].kind == TokenKind::Word && !v.info[k - 1].has(f::DET | f::PREP) {
            return e;
        }
        if v.punct(k, b',') {
            if list_goes_on(cx, k, e) {
                k += 1;
                continue;
            }
            // "called for the minimum wage, now $7.25 an hour, to be raised", "for the
            // minister, who resigned, to be investigated": an aside between commas before the
            // infinitive that goes on with the object
            let aside = (k + 1..=e.min(k + 16)).find(|&j| v.punct(j, b','));
            if let Some(j) = aside
                && j < e
                && v.is(j + 1, "to")
            {
                k = j + 1;
                continue;
            }
            return k - 1;
        }
        let sub = ["because", "after", "before", "when", "while", "if", "since", "until", "though", "although", "so"];
        // (not "such as": "sanctions, such as travel bans")
        if sub.iter().any(|x| v.is(k, x)) || (v.is(k, "as") && k > a + 1 && !v.is(k - 1, "such")) {
            return k - 1;
        }
        // (right after a name too: "endorsed Cruz Wednesday", not "announced plans Tuesday to"
        // nor inside the name, "Joe Friday")
        let past_first = k > a + 1 || cx.mention(a).is_some() && cx.mention(k) != cx.mention(a);
        // a time word before a noun modifies it ("at an earlier hearing", "for the November
        // election"): the noun phrase goes on
        let closed = f::PREP | f::COMP | f::CONJ | f::DET | f::WH | f::AUX | f::BE | f::PRON | f::TIME;
        // (only a month's or a weekday's name or such a word: "the weekend amid protests" is no
        // adjective, nor is "a week ago")
        let modifier =
            v.cap(k) || ["earlier", "later", "previous", "recent", "early", "late"].iter().any(|w| v.is(k, w));
        let noun_after = |x: usize| {
            v.toks[x].kind == TokenKind::Word
                && !v.cap(x)
                && !v.info[x].has(closed | f::ADV | f::CUE)
                && !v.is(x, "ago")
        };
        let article_at = |x: usize| ["a", "an", "the"].iter().any(|w| v.is(x, w));
        let article = article_at(k - 1) || v.info[k - 1].has(f::P_POSS);
        let adjective = k < e && article && modifier && noun_after(k + 1);
        // "at a gay night club": a time word inside a compound noun
        let compound = k < e
            && k >= a + 2
            && article_at(k - 2)
            && !v.cap(k)
            && v.toks[k - 1].kind == TokenKind::Word
            && !v.info[k - 1].has(closed)
            && noun_after(k + 1);
        if v.info[k].has(f::TIME) && !v.is(k, "this") && past_first && !adjective && !compound {
            let mut back = if ["on", "last", "this", "next"].iter().any(|w| v.is(k - 1, w)) { 2 } else { 1 };
            // ("the next year")
            if back == 2 && k >= a + 3 && v.is(k - 2, "the") {
                back = 3;
            }
            // ... and the rest of a name the time ends, as the tagger marks it ("over New Year's
            // Day"), and the time's article and preposition ("over the weekend")
            let mut z = k - back;
            while back == 1 && z > a && cx.mention(z).is_some() && cx.mention(z) == cx.mention(k) {
                z -= 1;
            }
            while z > a && v.info[z].has(f::DET | f::PREP) && !v.is(z, "that") {
                z -= 1;
            }
            return z;
        }
        // "asked for the report by 10am", "a review by the end of the year": a deadline is no
        // part of it (the time right after "by", or after such words as "the end of"; not "hit
        // by France last week", "statements by Trump on Monday")
        const BEFORE: &[&str] =
            &["the", "end", "start", "beginning", "middle", "close", "of", "next", "this", "early", "mid"];
        let deadline = (k + 1..=e.min(k + 6))
            .take_while(|&x| v.info[x].has(f::TIME) || BEFORE.iter().any(|w| v.is(x, w)))
            .any(|x| v.info[x].has(f::TIME));
        if v.is(k, "by") && k < e && (clock_at(cx, k + 1) || deadline) {
            return k - 1;
        }
        if (v.is(k, "in") || v.is(k, "during")) && past_first {
            let medium = (k + 1..=e.min(k + 3)).any(|x| {
                v.info[x].has(f::ARTIFACT)
                    || ["interview", "speech", "op-ed", "debate", "tweet"].iter().any(|w| v.is(x, w))
            });
            if medium {
                return k - 1;
            }
        }
        // "mocked Trump on Twitter" (not "spent $1 million on television ads")
        if v.is(k, "on") && past_first && k < e {
            let m = if v.info[k + 1].has(f::DET | f::P_POSS) { k + 2 } else { k + 1 };
            let site = m <= e && ["twitter", "facebook", "instagram", "television", "radio"].iter().any(|w| v.is(m, w));
            if site && (m + 1 > e || v.toks[m + 1].kind != TokenKind::Word || v.info[m + 1].has(f::PREP | f::TIME)) {
                return k - 1;
            }
        }
        // "praised the plan and highlighted its cost", "backed Lee but stopped short of": a
        // verb of the speaker's own after the object
        // (an object with no verb of its own so far: not "how it was taken over and looted")
        if (v.is(k, "and") || v.is(k, "but")) && k > a && k < e && !(a..k).any(|x| verb_like(cx, x)) {
            // (after "and" a past form, not a plural noun that is also a cue: "the allegations
            // and claims of bias")
            let past = v.info[k + 1].has(f::PAST) || verb_like(cx, k + 1) && !v.info[k + 1].has(f::S3);
            let verb = past || v.is(k, "but") && v.info[k + 1].has(f::AUX | f::NEG);
            if verb {
                // (", but ranged to …": the comma is no part of it)
                let mut z = k - 1;
                while z > a && v.toks[z].kind == TokenKind::Punct {
                    z -= 1;
                }
                return z;
            }
        }
        k += 1;
    }
    e
}

/// True when token `k` reads as a finite verb or a participle: a lowercase word ending in "-ed"
/// (not a hyphenated adjective such as "worse-than-expected"), a known past or third-person
/// form, an auxiliary or "be".
fn verb_like(cx: &Cx, k: usize) -> bool {
    let v = &cx.v;
    let w = v.s(k);
    // ("need", "speed", "hundred", "greed" end in "-ed" too)
    let ed = w.len() > 4 && w.ends_with("ed") && !w.ends_with("eed") && !w.contains('-') && w != "hundred";
    v.toks[k].kind == TokenKind::Word && !v.cap(k) && (ed || v.info[k].has(f::PAST | f::S3 | f::AUX | f::BE))
}

/// True when the comma at token `k` separates the items of a list of nouns that ends with
/// "and" or "or" before `e` ("cited low growth, unemployment and growing inequality"):
/// short items of plain words, no verb, clause or quotation among them.
fn list_goes_on(cx: &Cx, k: usize, e: usize) -> bool {
    let v = &cx.v;
    let mut j = k + 1;
    let mut item = 0;
    while j <= e {
        if v.is(j, "and") || v.is(j, "or") {
            return item > 0 && j < e && !verb_phrase_at(cx, j + 1, e);
        }
        if v.punct(j, b',') {
            if item == 0 {
                return false;
            }
            item = 0;
            j += 1;
            continue;
        }
        let ij = &v.info[j];
        if !matches!(v.toks[j].kind, TokenKind::Word | TokenKind::Number)
            || cx.seg(j).is_some()
            || ij.has(f::COMP | f::WH | f::PRON | f::AUX | f::BE | f::CUE)
            || item >= 5
        {
            return false;
        }
        item += 1;
        j += 1;
    }
    false
}

/// Skips what may stand between a cue and its content: time ("on Monday", "last week"), the
/// medium ("in a statement", "on Twitter"), adverbs, a particle ("pointed out"), and for
/// recipient cues the recipient ("told reporters", "told the Ardenport Herald").
fn complement_start(cx: &Cx, cue: usize, se: usize) -> (usize, usize) {
    let v = &cx.v;
    let inf = v.info[cue];
    let mut c = cue + 1;
    let mut recipient = 0;
    let mut steps = 0;
    let (sa, _) = cx.sent_range(cue);
    // (the cue inside the clause that "As" opens: not "As Trump spoke, the crowd chanted, ...";
    // a verb that reports a content, not one of a manner of speaking, after which "as" is
    // "while": "As protesters chanted, police fired", "As she testified, her husband wept")
    let reports = inf.has(f::CUE_B) && !v.s(cue).starts_with("testif")
        || ["explained", "explains", "wrote", "writes", "revealed", "reveals"].iter().any(|w| v.is(cue, w));
    let as_clause = v.is(sa, "as")
        && cue < sa + 10
        && reports
        && !inf.has(f::CUE_W)
        && (sa..cue).all(|k| matches!(v.toks[k].kind, TokenKind::Word | TokenKind::Number));
    while c < se && steps < 12 {
        steps += 1;
        // "As I said, the board will not sign", "As the Post reported just today, ...": after
        // "As" the content is the main clause (elsewhere a comma after the verb or its day ends
        // the report: "her advisers said Friday, because ...")
        if as_clause && v.punct(c, b',') && (cue + 1..c).all(|k| v.info[k].has(f::ADV | f::TIME)) {
            c += 1;
            break;
        }
        // "acknowledged for the first time Friday that ..." (not "asked for the exact time")
        let ordinal = ["first", "second", "third", "fourth", "fifth", "last", "final", "only", "umpteenth"];
        if v.is(c, "for") && v.is(c + 1, "the") && ordinal.iter().any(|w| v.is(c + 2, w)) && v.is(c + 3, "time") {
            c += 4;
            continue;
        }
        let ic = v.info[c];
        if v.is(c, "out") || v.is(c, "up") || (v.is(c, "for") && inf.has(f::CUE_I | f::CUE_O)) {
            c += 1;
            continue;
        }
        if ic.has(f::ADV) && !ic.has(f::COMP) || ic.has(f::TIME) && !v.is(c, "this") {
            c += 1;
            continue;
        }
        if v.is(c, "last") || v.is(c, "this") || v.is(c, "next") {
            c += 2;
            continue;
        }
        // ("said around 2pm that ...": a clock time, however approximate)
        if (v.is(c, "on")
            || v.is(c, "in")
            || v.is(c, "during")
            || v.is(c, "at")
            || v.is(c, "to") && !inf.has(f::CUE_I)
            || (v.is(c, "around") || v.is(c, "about")) && clock_at(cx, c + 1))
            && c + 1 < se
        {
            // "on Monday", "in a statement", "in an interview with CNN", "to reporters"
            let mut e = c + 1;
            let subject = |k: usize| v.info.get(k).is_some_and(|i| i.has(f::PRON) && i.has(f::P_SUBJ));
            while e < se && e < c + 7 && v.toks[e].kind != TokenKind::Punct && !v.info[e].has(f::COMP) {
                // (a clause of its own, also after "and": "spoke to the surveyor and she is
                // clear that ...")
                if subject(e) || (v.is(e, "and") || v.is(e, "but")) && subject(e + 1) {
                    break;
                }
                e += 1;
            }
            let medium = (c + 1..e).any(|k| {
                v.info[k].has(f::TIME | f::ARTIFACT)
                    || v.is(k, "interview")
                    || v.is(k, "twitter")
                    || v.is(k, "conference")
                    || v.is(k, "reporters")
            });
            // any short phrase right before "that" is in the way too ("told the parliament in
            // May that …")
            let before_that = e - c <= 4 && v.is(e, "that");
            if medium || before_that || v.is(c, "to") {
                c = e;
                // (an object comes before the comma: "As Ann Lee spoke on Monday, the crowd left")
                if v.punct(c, b',') && inf.has(f::CUE_S | f::CUE_T) {
                    c += 1;
                }
                continue;
            }
            break;
        }
        if inf.has(f::CUE_R) && steps == 1 {
            // the recipient: a pronoun, a name, a phrase up to "that" / a clause
            recipient = c;
            if ic.has(f::PRON) && ic.has(f::P_OBJ) {
                c += 1;
                continue;
            }
            let mut e = c;
            // (a possessive inside it: "told the club's website he was ...", and the quoted
            // title after one: "told ABC's “Good Morning America” that ..."; not an "'s" that is
            // "is": "told reporters there's no deal", "told CNN Trump's a liar")
            let possessive = |e: usize| {
                e > c
                    && v.possessive(e)
                    && !v.info[e + 1..]
                        .first()
                        .is_some_and(|i| i.has(f::DET | f::PRON | f::AUX | f::BE | f::NEG | f::ADV | f::PREP))
            };
            while e < se
                && e < c + 6
                && v.toks[e].kind == TokenKind::Word
                && (!v.info[e].has(f::COMP | f::PREP | f::AUX | f::BE) || possessive(e))
            {
                if e > c && (v.info[e].has(f::PRON | f::DET) || v.info[e].has(f::CUE)) {
                    break;
                }
                e += 1;
                if v.possessive(e - 1)
                    && let Some(sg) = cx.seg(e)
                    && cx.segs[sg].open == e
                    && cx.segs[sg].end_tok() < e + 6
                {
                    e = cx.segs[sg].end_tok() + 1;
                    break;
                }
            }
            // "promised a new bridge for the town": a phrase with its article before "for" is
            // the object of a verb that takes one, no recipient
            // ("urged members of the party to ...": "of" goes on with a recipient)
            let object = inf.has(f::CUE_O) && ic.has(f::DET) && v.is(e, "for");
            if e > c && !object {
                c = e;
                continue;
            }
            if object {
                recipient = 0;
                break;
            }
        }
        // "asked of her rival whether ...": the one asked, before the question
        if v.is(c, "of") && c == cue + 1 && v.s(cue).starts_with("ask") {
            match (c + 1..se.min(c + 9)).find(|&k| v.info[k].has(f::COMP | f::WH) || v.toks[k].kind != TokenKind::Word)
            {
                Some(k) if v.info[k].has(f::COMP | f::WH) => c = k,
                _ => {}
            }
            break;
        }
        if v.is(c, "of") && inf.has(f::CUE_S) {
            // "said of Brekov"
            let mut e = c + 1;
            while e < se && e < c + 5 && (cx.mention(e).is_some() || v.info[e].has(f::DET)) {
                e += 1;
            }
            if e > c + 1 {
                c = e;
                continue;
            }
        }
        break;
    }
    (c, recipient)
}

/// The content after a cue at token `cue`: from "that"/"to"/the clause/the object to the
/// sentence end (see [`cut`]). `evidence`: the speaker is a text or record ("the poll finds
/// Trump leading"), which makes a weak cue take a clause without "that".
pub(crate) fn content_after(cx: &Cx, cue: usize, evidence: bool) -> Option<(usize, usize)> {
    let v = &cx.v;
    let inf = v.info[cue];
    let (_, se) = cx.sent_range(cue);
    // "55 percent said so in December", "the candidate said no."
    let c = cue + 1;
    if inf.has(f::CUE_S)
        && c < se
        && answer(cx, c)
        && (c + 1 >= se
            || v.toks[c + 1].kind != TokenKind::Word
            || v.info[c + 1].has(f::TIME | f::PREP | f::CONJ) && !v.info[c + 1].has(f::COMP))
    {
        return Some((c, c));
    }
    let (c, recipient) = complement_start(cx, cue, se);
    if c >= se {
        return None;
    }
    let ic = v.info[c];
    // "said about 300 homes were at risk": an approximate number opens the clause; it is no
    // topic ("talked about 300 homes", "his comment about 47 percent of the country")
    // ("said about 20 minutes later that ...", "said around 2pm that ...": a time of saying)
    const UNITS: &[&str] = &["seconds", "minutes", "hours", "days", "weeks", "months", "years", "o'clock"];
    let approx = ["said", "says", "say", "estimated", "estimates"].iter().any(|w| v.is(cue, w))
        && (v.is(c, "about") || v.is(c, "around"))
        && v.toks.get(c + 1).is_some_and(|t| t.kind == TokenKind::Number)
        && !v.s(c + 1).contains(|ch: char| ch == ':' || ch.is_ascii_alphabetic())
        && !clock_at(cx, c + 1)
        && !UNITS.iter().any(|w| v.is(c + 2, w));
    // "referring to X", "talked about X", "called for X"
    if inf.has(f::CUE_P)
        && !approx
        && inf.particle(v.s(c))
        && !(v.is(c, "to") && inf.has(f::CUE_I))
        && c + 1 < se
        && np_start(cx, c + 1)
    {
        let e = object_end(cx, c + 1, content_end(cx, c + 1));
        return (e > c).then_some((c + 1, e));
    }
    // "that", "whether", "to" (an intention), "how", "why"; or a clause without "that"
    let explicit = ic.has(f::COMP) && (v.is(c, "that") || v.is(c, "whether") || v.is(c, "if"))
        || v.is(c, "to") && inf.has(f::CUE_I)
        || ic.has(f::WH) && !v.is(c, "who") && !v.is(c, "which") && inf.has(f::CUE_S | f::CUE_T);
    let weak = inf.has(f::CUE_W) && !inf.has(f::CUE_O) && !evidence;
    // ("a poll shows upstart Sen. Bernie Sanders leading")
    let clause = approx
        || inf.has(f::CUE_S | f::CUE_T) && (clause_start(cx, c) || evidence && np_start(cx, c))
        // "said closed primaries deny …"
        || inf.has(f::CUE_S | f::CUE_B)
            && !inf.has(f::CUE_W | f::CUE_O)
            && v.toks[c].kind == TokenKind::Word
            && !v.info[c].has(f::PREP | f::CONJ | f::AUX | f::BE | f::ADV | f::NEG);
    // "vowed not to take"
    let negated = v.info[c].has(f::NEG) && v.is(c + 1, "to") && inf.has(f::CUE_I);
    // "information that officials said would compromise …", "his daughters, who he said were
    // living in Russia": the relative word before the speaker is the reported clause's subject
    let relative = inf.has(f::CUE_S | f::CUE_T) && c == cue + 1 && ic.has(f::AUX | f::BE) && {
        let mut k = cue;
        let mut found = false;
        while k > 0 && cue - k < 6 {
            k -= 1;
            if ["that", "which", "who", "whom"].iter().any(|w| v.is(k, w)) {
                found = k + 1 < cue;
                break;
            }
            if v.toks[k].kind != TokenKind::Word {
                break;
            }
        }
        found
    };
    // "asked for comment by 10am", "for further comment": a request for a statement, none made
    let mut w = c;
    while ["a", "any", "further", "more", "immediate", "additional"].iter().any(|x| v.is(w, x)) && w < c + 2 {
        w += 1;
    }
    if (cue + 1..c).any(|k| v.is(k, "for")) && (v.is(w, "comment") || v.is(w, "comments")) {
        return None;
    }
    let start = if v.punct(c, b':') {
        c + 1
    } else if v.punct(c, b',') {
        return None;
    } else if explicit
        || relative
        || (!weak && (clause || negated || cx.seg(c).is_some() && inf.has(f::CUE_S | f::CUE_O)))
    {
        c
    } else if !weak && inf.has(f::CUE_O) && np_start(cx, c) {
        let e = object_end(cx, c, content_end(cx, c));
        return (e >= c).then_some((c, e));
    } else {
        return None;
    };
    if start >= se {
        return None;
    }
    // "called for a boycott, and the league denounced it", "asked for the report by Friday":
    // after "for" an object, no clause
    if start == c && c > cue + 1 && v.is(c - 1, "for") && !explicit && np_start(cx, c) {
        let e = object_end(cx, c, content_end(cx, c));
        return (e >= c).then_some((c, e));
    }
    // "asked Comey to turn over …": the person asked is part of what was asked
    let start = if v.is(start, "to") && inf.has(f::CUE_R) && recipient > cue { recipient } else { start };
    let e = content_end(cx, start);
    let e = cut(cx, start, e);
    // ", adding around 650 employees and two sites", ", adding Alabama and Georgia": an amount
    // or a list of names added says nothing ("adding the market remains weak" says something)
    let amount = |k: usize| {
        v.toks[k].kind == TokenKind::Number
            || ["around", "about", "some", "nearly", "another", "over", "more", "almost"].iter().any(|w| v.is(k, w))
                && v.toks.get(k + 1).is_some_and(|t| t.kind == TokenKind::Number)
    };
    let names = |a: usize, z: usize| {
        (a..=z).all(|k| cx.mention(k).is_some() || v.punct(k, b',') || v.is(k, "and") || v.is(k, "or"))
    };
    let object_only = v.is(cue, "adding")
        && start == c
        && !explicit
        && !relative
        && cx.seg(c).is_none()
        && e >= start
        && (amount(start) && !(start..=e).any(|k| verb_like(cx, k)) || names(start, e));
    (e >= start && !object_only).then_some((start, e))
}

/// "I call the shadow Minister", "called Senator Tom Fenn": a person called (tokens `a..=e`
/// after the cue at `cue`) is summoned or phoned, nothing said ("called Trump a fascist" says
/// something).
fn called_person(cx: &Cx, cue: usize, a: usize, e: usize) -> bool {
    ["call", "calls", "called", "calling"].iter().any(|w| cx.v.is(cue, w)) && one_person(cx, a, e)
}

/// True when tokens `a..=e` name one person and nothing more: a name after any determiner and
/// titles ("Senator Tom Fenn"), or a role ("the shadow Minister").
fn one_person(cx: &Cx, a: usize, e: usize) -> bool {
    let v = &cx.v;
    let mut k = a + usize::from(v.info[a].has(f::DET));
    while k <= e && (v.info[k].has(f::HON | f::TITLE | f::ROLE_MOD) || v.punct(k, b'.')) && !cx.person_at(k) {
        k += 1;
    }
    if k > e {
        return v.info[e].has(f::TITLE | f::ROLE);
    }
    if cx.person_at(k) {
        let m = cx.mention(k);
        return (k..=e).all(|j| cx.mention(j) == m);
    }
    (k..=e).all(|j| v.info[j].has(f::ROLE | f::ROLE_MOD | f::TITLE)) && v.info[e].has(f::ROLE | f::TITLE)
}

/// True when token `k` is a clock time with its half of the day ("2pm", "9.30 a.m.").
fn clock_at(cx: &Cx, k: usize) -> bool {
    let v = &cx.v;
    v.toks.get(k).is_some_and(|t| t.kind == TokenKind::Number)
        && (v.s(k).ends_with("am")
            || v.s(k).ends_with("pm")
            || k + 1 < v.len() && crate::segment::is_meridiem(v.s(k + 1)))
}

/// True when token `c` can begin a reported clause: a subject pronoun, a determiner, a name,
/// a number.
fn clause_start(cx: &Cx, c: usize) -> bool {
    let v = &cx.v;
    let ic = v.info[c];
    (ic.has(f::PRON) && ic.has(f::P_SUBJ) && !v.is(c, "it")
        || v.is(c, "it") && v.info.get(c + 1).is_some_and(|i| i.has(f::BE | f::AUX | f::CUE)))
        || ic.has(f::DET) && !ic.has(f::COMP)
        || cx.mention(c).is_some()
        || v.cap(c) && !ic.has(f::CUE)
        || v.toks[c].kind == TokenKind::Number
        || v.is(c, "there")
}

/// True when token `c` can begin an object phrase.
fn np_start(cx: &Cx, c: usize) -> bool {
    let v = &cx.v;
    let ic = v.info[c];
    if v.toks[c].kind != TokenKind::Word && v.toks[c].kind != TokenKind::Number {
        return false;
    }
    !ic.has(f::AUX | f::BE | f::PREP | f::CONJ | f::NEG) || ic.has(f::DET) && !ic.has(f::COMP)
}

/// "X has made clear that …", "X made it clear that …".
fn made_clear(cx: &Cx, i: usize) -> Option<((usize, usize), Attr)> {
    let v = &cx.v;
    let mut m = i.checked_sub(1)?;
    if v.is(m, "it") {
        m = m.checked_sub(1)?;
    }
    if !["make", "makes", "made", "making"].iter().any(|w| v.is(m, w)) || !v.is(i + 1, "that") {
        return None;
    }
    let (sa, _) = cx.sent_range(i);
    let (sp, _) = np_before(cx, m, sa, false)?;
    let e = cut(cx, i + 1, content_end(cx, i + 1));
    (e > i + 1).then_some(((i + 1, e), Attr { cue: (m, i), speaker: Some(sp), end: i }))
}

/// "Asked whether he would run, Smith said …": a question put to someone unnamed; the content
/// runs to the comma.
fn asked(cx: &Cx, i: usize) -> Option<((usize, usize), Attr)> {
    let v = &cx.v;
    let (sa, se) = cx.sent_range(i);
    let lead_in = i == sa
        || (i == sa + 1 && (v.is(sa, "when") || v.is(sa, "if") || v.is(sa, "after")))
        || (i > sa && v.punct(i - 1, b',') && (i < 2 || !v.info[i - 2].has(f::PRON)))
        || (i > sa + 1 && v.is(i - 1, "when") && v.punct(i - 2, b','));
    // "Sanders was asked whether …": the question stands, whoever asked it
    let mut b = i;
    while b > sa && v.info[b - 1].has(f::ADV) && i - b < 3 {
        b -= 1;
    }
    // ("was not asked whether …" reports no question)
    let passive = b > sa && v.info[b - 1].has(f::BE);
    if !lead_in && !passive {
        return None;
    }
    let mut c = i + 1;
    while c < se
        && c < i + 6
        && (v.info[c].has(f::TIME | f::ADV) || v.is(c, "in") && v.cap(c + 1) || v.cap(c) && v.is(c - 1, "in"))
    {
        c += 1;
    }
    if c >= se {
        return None;
    }
    let ok = v.info[c].has(f::COMP) && !v.is(c, "that") || v.info[c].has(f::WH) || v.is(c, "about") || v.is(c, "to");
    if !ok {
        return None;
    }
    let start = if v.is(c, "about") { c + 1 } else { c };
    if passive && !lead_in {
        // ("was asked about the merger during an interview": what it was about is an object)
        let end =
            if start > c { object_end(cx, start, content_end(cx, sa)) } else { cut(cx, start, content_end(cx, sa)) };
        return (end >= start).then_some(((start, end), Attr { cue: (i, i), speaker: None, end: i }));
    }
    let mut e = start;
    while e + 1 < se && !v.punct(e + 1, b',') && cx.seg(e + 1).is_none() {
        e += 1;
    }
    if e + 1 >= se || !v.punct(e + 1, b',') {
        return None;
    }
    Some(((start, e), Attr { cue: (i, i), speaker: None, end: i }))
}

/// "X said …" or "…, X said": the reported statement of the cue at token `i`.
pub(crate) fn reported(cx: &Cx, i: usize) -> Option<((usize, usize), Attr)> {
    let v = &cx.v;
    let inf = v.info[i];
    if v.s(i).eq_ignore_ascii_case("asked")
        && let Some(found) = asked(cx, i)
    {
        return Some(found);
    }
    if !verb_cue(cx, i, f::CUE) {
        return None;
    }
    let (sa, se) = cx.sent_range(i);
    // "Her remarks came …", "their claims": an owner's noun, no verb
    if i > sa && v.info[i - 1].has(f::P_POSS) && inf.has(f::S3) {
        return None;
    }
    // a question ("Does she expect the case to come to trial?") reports nothing
    if v.s(se - 1).contains('?') && cx.seg(se - 1).is_none() {
        return None;
    }
    // the passive ("was told", "is expected") has no source to find here
    let mut j = i;
    let mut steps = 0;
    while j > sa && steps < 4 && v.info[j - 1].has(f::ADV | f::NEG) {
        j -= 1;
        steps += 1;
    }
    let be_before = j > sa && v.info[j - 1].has(f::BE);
    // "X is expected to …": a passive that still names whose intention it is
    let expected = be_before && v.s(i).eq_ignore_ascii_case("expected") && v.is(i + 1, "to");
    if be_before && inf.has(f::PAST) && !inf.has(f::ING) && !expected {
        return None;
    }
    let ing = inf.has(f::ING);
    let mut gerund_speaker = None;
    if ing && !be_before && !(i > sa && v.punct(i - 1, b',')) {
        // a gerund elsewhere is a noun ("saying goodbye") or a participle we cannot place, but
        // after a text ("issued a statement Friday saying …": its author says it) or a phrase
        // after "with" ("with 30 percent of voters saying …": the phrase says it)
        let mut j = i;
        while j > sa && i - j < 3 && (v.info[j - 1].has(f::TIME) || v.is(j - 1, "on")) {
            j -= 1;
        }
        let text_before = j > sa && v.info[j - 1].has(f::ARTIFACT) && !v.cap(j - 1);
        gerund_speaker = gerund_after_with(cx, i, sa);
        // a text someone issued speaks for them; any other ("dismissed a newspaper report
        // saying …") speaks for itself
        if text_before && !issued(cx, j - 1, sa) {
            let mut s0 = j - 1;
            // (back to the determiner that opens the phrase)
            while s0 > sa
                && j - s0 < 5
                && !v.info[s0].has(f::DET | f::P_POSS)
                && v.toks[s0 - 1].kind == TokenKind::Word
                && !v.cap(s0 - 1)
                && !v.s(s0 - 1).ends_with("ed")
                && !v.info[s0 - 1].has(f::CUE | f::AUX | f::BE | f::PREP | f::CONJ | f::COMP | f::WH | f::PRON)
            {
                s0 -= 1;
            }
            gerund_speaker = Some(described(cx, s0, j - 1));
        }
        if !(i > sa && (v.is(i - 1, "and") || v.is(i - 1, "while") || v.is(i - 1, "by")))
            && !text_before
            && gerund_speaker.is_none()
        {
            return None;
        }
    }
    // the speaker
    let mut inverted = false;
    let inversion = || {
        // "…, said Mr Novak."
        let comma_before = i > sa
            && (v.punct(i - 1, b',')
                || v.toks[i - 1].kind == TokenKind::Quote
                    && cx.seg(i - 1).is_some()
                    && i > sa + 1
                    && v.punct(i - 2, b','));
        (comma_before && inf.has(f::CUE_S | f::CUE_T) && !inf.has(f::BASE | f::ING))
            .then(|| np_forward(cx, i + 1, se))
            .flatten()
            .filter(|(sp, end)| {
                let after = end + 1;
                (sp.entity.is_some() || sp.pronoun || cx.v.info[sp.head].has(f::SRC | f::ROLE | f::BODY | f::ARTIFACT))
                    && (after >= se || v.punct(after, b'.') || v.punct(after, b',') || v.info[after].has(f::TIME))
            })
    };
    let (speaker, np_first): (Speaker, usize) = if let Some(sp) = gerund_speaker {
        (sp, i)
    } else if ing && !be_before {
        let sp = subject(cx, i, sa)?;
        (sp, i)
    } else if let Some((sp, _)) = inversion() {
        inverted = true;
        (sp, i)
    } else if let Some((sp, first)) = np_before(cx, i, sa, ing || expected) {
        (sp, first)
    } else {
        // "… and said", "… but said": the subject of the first verb
        let j = {
            let mut j = i;
            while j > sa && v.info[j - 1].has(f::ADV | f::AUX | f::NEG) {
                j -= 1;
            }
            j
        };
        if j > sa && (v.is(j - 1, "and") || v.is(j - 1, "but")) {
            (subject(cx, i, sa)?, i)
        } else {
            return None;
        }
    };
    // "The poll finds …", "…, records show": a weak cue is one with a text or record speaking
    let evidence = inf.has(f::CUE_E) && v.info[speaker.head].has(f::ARTIFACT);
    let attr = Attr { cue: (i, i), speaker: Some(speaker), end: i };
    let after = if inverted { None } else { content_after(cx, i, evidence) };
    if after.is_some_and(|(a, z)| called_person(cx, i, a, z)) {
        return None;
    }
    // an explicit complement ("that …", "to …", ": …") settles it; a bare one loses to a
    // content before the speaker ("Veloria will …, Miriam Achebe-Lund has told the Karsland
    // authorities in a leaked letter")
    if let Some((a, _)) = after
        && (v.info[a].has(f::COMP) || v.is(a, "to") || a > 0 && v.punct(a - 1, b':'))
    {
        return Some((after?, attr));
    }
    let short_after = after.is_none_or(|(a, z)| z < a + 4);
    // (a record's finding before it only when nothing follows: "…, records show.")
    let evidence_before = evidence && (i + 1 >= se || v.punct(i + 1, b'.') || v.punct(i + 1, b','));
    if short_after && let Some(before) = postposed(cx, i, np_first, inverted, ing, evidence_before) {
        let (a, z) = before;
        let intro = v.info[a].has(f::PREP | f::COMP | f::WH)
            || v.s(a).ends_with("ing")
            || ["when", "if", "as", "after", "while", "although", "though", "since", "because"]
                .iter()
                .any(|w| v.is(a, w));
        if after.is_none() || (z >= a + 5 && !intro) {
            return Some((before, attr));
        }
    }
    after.map(|c| (c, attr))
}

/// True when a verb of issuing ("issued", "released", "sent", ...) stands before the text noun
/// at token `t`, past at most three words of its phrase ("issued a brief statement").
fn issued(cx: &Cx, t: usize, sa: usize) -> bool {
    const ISSUE: &[&str] =
        &["issued", "released", "posted", "published", "sent", "filed", "circulated", "put", "signed", "distributed"];
    (t.saturating_sub(4).max(sa)..t).any(|k| ISSUE.iter().any(|w| cx.v.is(k, w)))
}

/// "…, with 30 percent of voters saying …": the phrase between "with" and the gerund at `i`,
/// when only words stand between them and "with" opens its clause (not "met with reporters").
fn gerund_after_with(cx: &Cx, i: usize, sa: usize) -> Option<Speaker> {
    let v = &cx.v;
    let mut k = i.checked_sub(1)?;
    while k > sa && i - k < 10 && !v.is(k, "with") {
        if !matches!(v.toks[k].kind, TokenKind::Word | TokenKind::Number) && !v.is(k, "%")
            || v.info[k].has(f::CUE | f::AUX | f::BE | f::COMP | f::WH | f::ADV | f::NEG)
        {
            return None;
        }
        k -= 1;
    }
    if !v.is(k, "with") || k + 1 >= i || !(k == sa || v.punct(k - 1, b',') || v.info[k - 1].has(f::CONJ)) {
        return None;
    }
    let whole = np_ending_at(cx, i - 1, k + 1).filter(|(_, first)| *first == k + 1);
    Some(whole.map_or_else(|| described(cx, k + 1, i - 1), |(sp, _)| sp))
}

/// "…, X said." / "…, said X." / "The plan, he said, would …": the content before the
/// speaker whose phrase starts at token `np_first` (the cue `i` when inverted).
fn postposed(cx: &Cx, i: usize, np_first: usize, inverted: bool, ing: bool, evidence: bool) -> Option<(usize, usize)> {
    let v = &cx.v;
    let inf = v.info[i];
    let (sa, se) = cx.sent_range(i);
    if inf.has(f::CUE_W) && !evidence {
        return None;
    }
    // "…, X said." / "…, said X." / "The plan, he said, would …": the content before
    if inf.has(f::CUE_S | f::CUE_T) && !ing {
        // the comma before the speaker, past titles ("…, DFA spokesman Neil Sroka said")
        let mut comma = np_first.checked_sub(1)?;
        while comma > sa && np_first - comma < 8 && {
            let ic = &v.info[comma];
            v.toks[comma].kind == TokenKind::Word
                && !ic.has(f::CUE | f::AUX | f::BE | f::COMP | f::WH | f::CONJ)
                && (!ic.has(f::PREP) || v.is(comma, "of"))
        } {
            comma -= 1;
        }
        // the comma may stand inside the quotation before ("… “strategic,” said X")
        let quote_comma = comma > sa
            && v.toks[comma].kind == TokenKind::Quote
            && cx.seg(comma).is_some()
            && (v.punct(comma - 1, b',') || v.s(comma - 1).ends_with(','));
        if comma <= sa || !(v.punct(comma, b',') || v.dash(comma) || quote_comma) {
            return None;
        }
        let comma = if quote_comma { comma + 1 } else { comma };
        // after the cue: nothing but time, medium or the speaker
        let after = if inverted { np_forward(cx, i + 1, se).map_or(i + 1, |x| x.1 + 1) } else { i + 1 };
        let after = words_to_punct(cx, after, se);
        let end_sent = content_end(cx, sa);
        let start = after_dateline(cx, sa, comma);
        // (a part of a whole and its count are no statement and speaker: "Of the 32 brands we
        // contacted, only 11 replied"; "Of course we will appeal, said Ann Lee" is one)
        let count = |k: usize| {
            v.toks[k].kind == TokenKind::Number
                || ["most", "many", "some", "few", "all", "none", "half"].iter().any(|w| v.is(k, w))
        };
        if start >= comma || v.is(start, "of") && !inverted && i > np_first && count(i - 1) {
            return None;
        }
        // a content that is a direct quotation was handled there
        if cx.seg(start).is_some() && cx.seg(start) == cx.seg(comma - 1) {
            return None;
        }
        // "The plan, he said, would …" runs on past the speaker; "…, said Sherman, a former
        // aide" ends before it: what follows the comma is about the speaker
        let parenthetical = after + 1 < se
            && v.punct(after, b',')
            && after < end_sent
            && !(inverted && apposition_to_end(cx, after + 1, end_sent));
        let end = if parenthetical { end_sent } else { comma - 1 };
        // a content holding a speech verb of its own is that verb's ("Petra Halvorsen said her
        // client, Arvid Nesh, had learned …")
        if (start..comma).any(|k| {
            cx.seg(k).is_none()
                && v.info[k].has(f::CUE_S)
                && v.info[k].has(f::PAST | f::S3)
                && verb_cue(cx, k, f::CUE_S)
        }) {
            return None;
        }
        return Some((start, end));
    }
    None
}

/// True when the words from token `k` to `end` describe the speaker before them ("a former
/// aide", "a grad whose aggressiveness has driven …", "speaking to reporters") rather than go on
/// with the statement ("the council must act", "failed in May"): they open as an apposition and
/// hold no finite verb of their own before a relative word.
fn apposition_to_end(cx: &Cx, k: usize, end: usize) -> bool {
    let v = &cx.v;
    // (an -ed word after a determiner is an adjective, "a retired general"; "'s" after a name
    // is its possessive)
    let verb = |t: usize| {
        v.info[t].has(f::BE | f::AUX) && !v.possessive(t)
            || v.toks[t].kind == TokenKind::Word
                && !v.cap(t)
                && v.s(t).ends_with("ed")
                && !(t > 0 && v.info[t - 1].has(f::DET | f::P_POSS))
    };
    if !appositive(cx, k) || verb(k) {
        return false;
    }
    for t in k..=end {
        if v.info[t].has(f::WH) {
            return true;
        }
        if verb(t) {
            return false;
        }
    }
    true
}

/// Past the words after a postposed cue ("said in a statement"): the punctuation that follows.
fn words_to_punct(cx: &Cx, mut c: usize, se: usize) -> usize {
    let v = &cx.v;
    let mut steps = 0;
    while c < se && steps < 8 && v.toks[c].kind == TokenKind::Word {
        c += 1;
        steps += 1;
    }
    c
}

/// The source after "according to" when it is no plain name: "company documents", "people
/// familiar with the plans", "a Pentagon readout": the words up to a comma, a dash or the
/// sentence end.
fn source_phrase(cx: &Cx, s: usize, se: usize) -> Option<(Speaker, usize)> {
    let v = &cx.v;
    let mut e = s;
    while e < se && e < s + 15 && !v.punct(e, b',') && !v.punct(e, b'.') && !v.dash(e) && cx.seg(e).is_none() {
        e += 1;
    }
    if e == s || !matches!(v.toks[s].kind, TokenKind::Word | TokenKind::Number) {
        return None;
    }
    let e = e - 1;
    let sp = Speaker { span: cx.span(s, e), entity: None, gender: Gender::Any, pronoun: false, head: e };
    Some((sp, e))
}

/// The first token after a dateline that opens a paragraph at token `sa` ("LONDON (Reuters) -",
/// "ARDENPORT, July 23 —"): a place in capitals, right after it a comma, a bracket or the dash,
/// then capitalized words, numbers, commas and a bracket up to the dash, all before token
/// `limit`; `sa` when there is none. A short label and its colon are passed too ("Rainfall
/// figures: 87mm fell ..., according to the Met Office").
fn after_dateline(cx: &Cx, sa: usize, limit: usize) -> usize {
    let v = &cx.v;
    if let Some(c) = (sa + 1..limit.min(sa + 4)).find(|&k| v.toks[k].kind != TokenKind::Word)
        && v.punct(c, b':')
        && c + 3 < limit
    {
        return c + 1;
    }
    let place = v.s(sa);
    let capitals = place.len() > 1 && place.chars().all(|c| !c.is_alphabetic() || c.is_uppercase());
    if !(sa == 0 || v.toks[sa].para_start) || !v.cap(sa) || !capitals {
        return sa;
    }
    // the place in capitals ("NEW YORK"), then a comma, a bracket or the dash ("US President
    // Joe Biden — who …" is no dateline)
    let mut k = sa + 1;
    while k < limit && v.cap(k) && v.s(k).chars().all(|c| !c.is_alphabetic() || c.is_uppercase()) {
        k += 1;
    }
    if !(v.punct(k, b',') || v.punct(k, b'(') || v.dash(k)) {
        return sa;
    }
    let mut bracket = false;
    while k < limit && k < sa + 16 {
        let t = &v.toks[k];
        if bracket {
            bracket = !v.punct(k, b')');
        } else if v.punct(k, b'(') {
            bracket = true;
        } else if v.dash(k) {
            return k + 1;
        } else if !(v.cap(k) || t.kind == TokenKind::Number || v.punct(k, b',') || v.punct(k, b'.')) {
            return sa;
        }
        k += 1;
    }
    sa
}

/// "According to X, …" and "…, according to X."
fn according(cx: &Cx, i: usize) -> Option<((usize, usize), Attr)> {
    let v = &cx.v;
    let (sa, se) = cx.sent_range(i);
    let (mut sp, mut np_end) = np_forward_with(cx, i + 2, se, false).or_else(|| source_phrase(cx, i + 2, se))?;
    // a phrase that goes on past the noun ("according to court documents reported by The Post,
    // …", "a person close to the process"): the source runs to the comma, a name stays the speaker
    let closed = |e: usize| e + 1 >= se || v.punct(e + 1, b',') || v.punct(e + 1, b'.') || v.dash(e + 1);
    if !closed(np_end)
        && let Some((phrase, e)) = source_phrase(cx, i + 2, se).filter(|(_, e)| closed(*e))
    {
        np_end = e;
        if sp.entity.is_none() && !sp.pronoun {
            sp = phrase;
        }
    }
    let attr = Attr { cue: (i, i + 1), speaker: Some(sp), end: np_end };
    let end_sent = content_end(cx, sa);
    let lead_in = (sa..i).all(|k| v.info[k].has(f::CONJ | f::ADV) || matches!(v.toks[k].kind, TokenKind::Punct));
    if lead_in {
        // "According to X, …": after the comma that closes X
        let mut c = np_end + 1;
        while c < se && !v.punct(c, b',') && c < np_end + 12 {
            c += 1;
        }
        if !v.punct(c, b',') || c + 1 > end_sent {
            return None;
        }
        return Some(((c + 1, cut(cx, c + 1, end_sent)), attr));
    }
    if i > sa && v.punct(i - 1, b',') {
        let start = after_dateline(cx, sa, i);
        if i < sa + 2 {
            return None;
        }
        let end = if np_end + 1 < se && v.punct(np_end + 1, b',') && np_end + 2 <= end_sent { end_sent } else { i - 2 };
        return Some(((start, end), attr));
    }
    None
}
