//! Direct quotations: quoted stretches grouped into records (over paragraphs, across a split
//! attribution) and attributed.

use super::attrib::{QUOTE_CUES, dash_credit, leading, np_before, parenthetical, trailing, verb_cue};
use super::{Attr, Cx, Rec};
use crate::entities::words::f;
use dossier_model::{QuoteKind, Span, TokenKind};

/// Quotations that stand as sentences (or are introduced by a cue) become `direct` records;
/// a quoted phrase directly governed by a cue ("called it “a disaster”") too. Quoted phrases
/// inside reported speech are left for [`super::indirect`]; the rest are scare quotes and
/// titles, and no quotation.
pub(crate) fn direct(cx: &mut Cx) -> Vec<Rec> {
    let ns = cx.segs.len();
    let mut recs: Vec<Rec> = Vec::new();
    let mut k = 0;
    while k < ns {
        let first = k;
        let open = cx.segs[first].open;
        if let Some(verb) = naming(cx, open) {
            // the verb that gives the name is no cue either
            cx.used[verb] = true;
            k += 1;
            continue;
        }
        if work_title(cx, open) {
            k += 1;
            continue;
        }
        let lead = leading(cx, open);
        let mut last = chain_end(cx, k, lead.is_some());
        let sentential = lead.is_some() || opens_sentence(cx, open) || aside(cx, open, cx.segs[last].end_tok());
        // a quotation that the sentence goes on after ("said “I stood up” for …") is part of
        // reported speech
        // (not when a participle or an apposition follows it: "…,” he said, “…,” promising …")
        let embedded = |cx: &Cx| {
            let z = cx.segs[last].end_tok();
            let (_, se) = cx.sent_range(z);
            let ing = |i: usize| {
                i < se && cx.v.toks[i].kind == TokenKind::Word && !cx.v.cap(i) && {
                    let w = cx.v.s(i);
                    w.len() > 4 && w.ends_with("ing")
                }
            };
            let after = |i: usize| cx.v.punct(i, b',') && ing(i + 1) || cx.v.dash(i);
            // "cautioned “let’s not …,” before predicting …", "wrote, “…,” and shared a link":
            // the sentence goes on with the speaker's next act, not with the content
            let next_act = |i: usize| {
                ["and", "before", "after", "while", "then", "as"].iter().any(|w| cx.v.is(i, w))
                    && (i + 1 < se && cx.v.toks[i + 1].kind == TokenKind::Word && !cx.v.cap(i + 1))
            };
            (z + 1..se).any(|i| cx.v.toks[i].kind == TokenKind::Word)
                && trailing(cx, z).is_none()
                && !(after(z + 1)
                    || cx.v.punct(z - 1, b',') && (ing(z + 1) || next_act(z + 1))
                    || cx.v.punct(z + 1, b',') && next_act(z + 2))
        };
        if !sentential || (lead.is_some() && !opens_sentence(cx, open) && embedded(cx)) {
            if !embedded(cx)
                && let Some(a) = governed(cx, open)
            {
                let parts = (first..=last).map(|s| cx.segs[s].inner).filter(|s| !s.is_empty()).collect();
                let span = outer_span(cx, first, last);
                push(cx, &mut recs, first, last, span, parts, Some(a));
            }
            k = last + 1;
            continue;
        }
        let said_after = trailing(cx, cx.segs[last].end_tok());
        let trail = said_after.or_else(|| dash_credit(cx, cx.segs[last].end_tok()));
        let attr = match (lead, trail) {
            // an explicit cue before a colon wins; a bare colon ("Fallon fired back: “…,” he
            // wrote") does not
            (Some(l), _) if cx.v.punct(open - 1, b':') && (l.cue.0 != open - 1 || trail.is_none()) => Some(l),
            // "When someone shouted, “Ann,” Lee joked, “…”": the cue before a quotation inside
            // its sentence wins over one after it that leads into the next quotation
            (Some(l), Some(t))
                if cx.v.punct(open - 1, b',')
                    && !opens_sentence(cx, open)
                    && cx.v.sent[l.cue.0] == cx.v.sent[open]
                    && (t.end + 1..t.end + 3).any(|i| cx.seg(i).is_some_and(|s| cx.segs[s].open == i)) =>
            {
                Some(l)
            }
            (_, Some(t)) => Some(t),
            (l, None) => l,
        };
        // "“X,” she said. “Y.”": the stretch after the attribution joins the record when it
        // opens the next sentence of the paragraph and has no attribution of its own (a credit
        // after a dash, "“X.” ― Ann Lee", closes its quotation: the next one is someone else's)
        if let Some(t) = said_after
            && attr.is_some_and(|a| a.cue == t.cue)
        {
            let mut nx = last + 1;
            // a title inside the attribution ("said on CNN’s “State of the Union” Sunday")
            while nx < ns
                && cx.v.sent[cx.segs[nx].open] == cx.v.sent[t.cue.0]
                && !opens_sentence(cx, cx.segs[nx].open)
                && cx.segs[nx].last - cx.segs[nx].open < 6
                && !cx.v.toks[cx.segs[nx].open].para_start
                && cx.segs[nx].close.is_some_and(|c| {
                    // "said on NBC's “Meet the Press.” “Listening …": a title ends the attribution
                    // (not after a full stop: "…, of Brandt, Ore. “She …”" opens a sentence)
                    let o = cx.segs[nx].open;
                    let title = cx.v.cap(o + 1) && cx.segs[nx].last - o <= 5 && !cx.v.s(o - 1).ends_with('.');
                    c + 1 < cx.v.len()
                        && matches!(cx.v.toks[c + 1].kind, TokenKind::Word | TokenKind::Number)
                        && !cx.v.toks[c + 1].para_start
                        || title
                            && (c + 1 >= cx.v.len() || cx.v.punct(c + 1, b'.') || cx.v.punct(cx.segs[nx].last, b'.'))
                })
            {
                nx += 1;
            }
            if nx < ns && continues(cx, t.end, cx.segs[nx].open) {
                let nl = chain_end(cx, nx, false);
                if trailing(cx, cx.segs[nl].end_tok()).is_none() && !cx.segs[nx].cont {
                    last = nl;
                }
            }
        }
        let mut parts: Vec<Span> = (first..=last).map(|s| cx.segs[s].inner).filter(|s| !s.is_empty()).collect();
        let mut span = outer_span(cx, first, last);
        // "“A.” He added, “B.”": the quotation before the attribution, which has none of its own,
        // is the first part
        if let Some(l) = lead
            && attr.is_some_and(|a| a.cue == l.cue)
            && cx.v.punct(open - 1, b',')
            && let Some(prev) = recs.last()
            && prev.attr.is_none()
            && prev.last < l.cue.0
            && l.cue.0 - prev.last <= 6
            && (prev.last + 1..open).all(|i| !cx.v.toks[i].para_start && cx.seg(i).is_none())
        {
            let prev = recs.pop().expect("checked");
            parts.splice(0..0, prev.parts);
            span = Span::new(prev.span.start, span.end);
            push(cx, &mut recs, first, last, span, parts, attr);
            if let Some(r) = recs.last_mut() {
                r.first = prev.first;
            }
            k = last + 1;
            continue;
        }
        push(cx, &mut recs, first, last, span, parts, attr);
        k = last + 1;
    }
    inherit(cx, &mut recs);
    recs
}

/// The last stretch of the paragraph chain that starts with stretch `k`. When the first one
/// has an attribution before it and a later paragraph one of its own after it ("Obama said:
/// “A …¶“B,” Obama said."), the chain ends before that paragraph.
fn chain_end(cx: &Cx, k: usize, led: bool) -> usize {
    let mut last = k;
    while last + 1 < cx.segs.len() && cx.segs[last + 1].cont {
        if led && trailing(cx, cx.segs[last + 1].end_tok()).is_some() {
            break;
        }
        last += 1;
    }
    last
}

fn outer_span(cx: &Cx, first: usize, last: usize) -> Span {
    let a = cx.segs[first].outer(cx.v.toks);
    let z = cx.segs[last].outer(cx.v.toks);
    Span::new(a.start, z.end.max(a.end))
}

fn push(cx: &mut Cx, recs: &mut Vec<Rec>, first: usize, last: usize, span: Span, parts: Vec<Span>, attr: Option<Attr>) {
    if parts.is_empty() {
        return;
    }
    for s in first..=last {
        cx.seg_used[s] = true;
    }
    if let Some(a) = attr {
        for u in &mut cx.used[a.cue.0..=a.cue.1] {
            *u = true;
        }
    }
    let (ft, lt) = (cx.segs[first].open, cx.segs[last].end_tok());
    recs.push(Rec { span, parts, kind: QuoteKind::Direct, attr, first: ft, last: lt, inherited: false });
}

/// True when a quotation opening at token `b` goes on after an attribution ending at token
/// `a`: in the same paragraph, right after it or opening the next sentence.
fn continues(cx: &Cx, a: usize, b: usize) -> bool {
    // another quotation between (a title in the attribution, "told NBC’s “Today”", is fine)
    let other = |i: usize| cx.seg(i).is_some_and(|s| cx.segs[s].open != b && cx.segs[s].last - cx.segs[s].open > 5);
    if b <= a || (a + 1..=b).any(|i| cx.v.toks[i].para_start || other(i)) {
        return false;
    }
    let gap = b - a - 1;
    if gap == 0 || (gap == 1 && matches!(cx.v.toks[a + 1].kind, TokenKind::Punct)) {
        return true;
    }
    // the attribution sentence goes on ("said Sen. X (D-Conn.), who has pushed for …."); the
    // quotation opens the next sentence
    let (sa, sb) = (cx.v.sent[a], cx.v.sent[b]);
    // ("…, of Jacksonville, Fla. “She …”": the abbreviation's full stop ends the sentence too)
    let stop = cx.v.punct(b - 1, b'.') || cx.v.s(b - 1).ends_with('.') && cx.v.toks[b - 1].kind == TokenKind::Word;
    if gap < 60 && (sb == sa + 1 || sb == sa) && (opens_sentence(cx, b) || stop) {
        return true;
    }
    // "“…,” Trump said during a rally in Kenansville, N.C., “but …”": the same sentence goes on
    // after the attribution, with no statement of its own
    sb == sa
        && gap < 25
        && (cx.v.punct(b - 1, b',') || cx.v.punct(b - 1, b':') || cx.v.is(b - 1, "but") || cx.v.is(b - 1, "and"))
        && !(a + 1..b).any(|i| cx.v.info[i].has(f::CUE) && verb_cue(cx, i, f::CUE_S))
}

/// "… – “We need details,” she said – and …", "His verdict: “Not yet,” he said.": a quotation
/// after a dash or a colon inside its sentence, with an attribution of its own right after
/// it, stands as a statement. (After a comma it is
/// mostly the rest of a sentence begun before it: "In past campaigns, “we felt …,” he said".)
fn aside(cx: &Cx, o: usize, z: usize) -> bool {
    o > 0 && (cx.v.dash(o - 1) || cx.v.punct(o - 1, b':')) && trailing(cx, z).is_some()
}

/// True when the quotation opening at token `o` starts its sentence (after nothing but
/// punctuation, a dash or a bracket).
fn opens_sentence(cx: &Cx, o: usize) -> bool {
    let (sa, _) = cx.sent_range(o);
    (sa..o).all(|i| matches!(cx.v.toks[i].kind, TokenKind::Punct | TokenKind::Symbol | TokenKind::Quote))
        || cx.v.toks[o].para_start
        || o > sa && cx.v.punct(o - 1, b'(')
}

/// A quoted phrase that is the whole content of a cue right before it: "yelled “You lie!”",
/// "called “a perception problem”". Not when an object stands between ("called Rubio “Little
/// Marco”": the object is part of the content, which makes it reported speech), nor when an
/// earlier cue in the sentence takes the phrase into its own content ("said that Obama shows
/// “great charm”").
fn governed(cx: &Cx, o: usize) -> Option<Attr> {
    let v = &cx.v;
    let (sa, _) = cx.sent_range(o);
    let mut k = o;
    while k > sa && (v.punct(k - 1, b',') || v.punct(k - 1, b':')) {
        k -= 1;
    }
    let mut k = k.checked_sub(1)?;
    // "likened the rules to “burning the Constitution”": the phrase is the whole content
    if k > sa && v.is(k, "to") {
        let mut c = k;
        while c > sa && k - c < 6 && !(v.s(c).starts_with("liken") || v.s(c).starts_with("compar")) {
            c -= 1;
        }
        if v.s(c).starts_with("liken") || v.s(c).starts_with("compar") {
            k = c;
        }
    }
    if k < sa || cx.used[k] || !verb_cue(cx, k, QUOTE_CUES | f::CUE_O | f::CUE_R) {
        return None;
    }

    let (sp, first) = np_before(cx, k, sa, v.info[k].has(f::ING))?;
    if first > sa && v.info[first - 1].has(f::COMP | f::WH) || parenthetical(cx, first, sa) && v.punct(k + 1, b',') {
        return None;
    }
    if (sa..first).any(|i| cx.seg(i).is_none() && verb_cue(cx, i, f::CUE_S | f::CUE_T)) {
        return None;
    }
    Some(Attr { cue: (k, k), speaker: Some(sp), end: k })
}

/// Quotations without an attribution of their own continue the speaker of the one before. A
/// quotation paragraph right after the paragraph a quotation ends ("“A,” he said.¶“B.”") is
/// one more part of that record; after an interviewer's question paragraph, a record of its
/// own with the same speaker. Any other quotation without a cue is dropped: most are titles,
/// slogans and scare quotes.
fn inherit(cx: &Cx, recs: &mut Vec<Rec>) {
    let mut out: Vec<Rec> = Vec::with_capacity(recs.len());
    for mut r in recs.drain(..) {
        if r.attr.is_some() {
            out.push(r);
            continue;
        }
        if !cx.v.toks[r.first].para_start {
            continue;
        }
        // "“American Skin” was written by …": a title the sentence goes on after
        let (_, se) = cx.sent_range(r.last);
        if (r.last + 1..se).any(|i| cx.v.toks[i].kind == TokenKind::Word) {
            continue;
        }
        let Some(prev) = out.last_mut().filter(|p| p.attr.is_some_and(|a| a.speaker.is_some())) else {
            continue;
        };
        let prev_end = prev.attr.map_or(prev.last, |a| if a.end > prev.last { a.end } else { prev.last });
        // paragraphs between the two
        let mut paras: Vec<usize> = Vec::new();
        let mut narrative = false;
        for i in prev_end + 1..r.first {
            if cx.v.toks[i].para_start {
                paras.push(i);
            } else if paras.is_empty() && cx.v.toks[i].kind != TokenKind::Punct {
                narrative = true;
            }
        }
        if paras.is_empty() && !narrative {
            prev.parts.append(&mut r.parts);
            prev.span = Span::new(prev.span.start, r.span.end);
            prev.last = r.last;
            continue;
        }
        let mut ends = paras.clone();
        ends.push(r.first);
        let questions =
            !paras.is_empty() && paras.len() <= 2 && paras.iter().zip(&ends[1..]).all(|(&a, &b)| question(cx, a, b));
        if questions {
            r.attr = prev.attr;
            r.inherited = true;
            out.push(r);
        }
    }
    *recs = out;
}

/// True when the paragraph from token `a` to token `b` (exclusive) asks a question.
fn question(cx: &Cx, a: usize, b: usize) -> bool {
    b > a && b - a < 80 && cx.v.s(b - 1).contains('?')
}

/// "a man investigators call “the Accountant”", "whom members call ‘the Anchor’", "called him
/// “the Ferryman”": a name given, no quotation.
fn naming(cx: &Cx, o: usize) -> Option<usize> {
    let verb = |i: usize| ["call", "calls", "called", "dubbed", "nicknamed", "named"].iter().any(|w| cx.v.is(i, w));
    let at = if o >= 1 && verb(o - 1) {
        o - 1
    } else if o >= 2 && verb(o - 2) && cx.v.info[o - 1].has(f::PRON) {
        o - 2
    } else {
        return None;
    };
    name_like(cx, o).then_some(at)
}

/// "said in his 2012 book, “An American Son.”", "told “Fox and Friends,”": the title of a work
/// (after a word for one) or of a programme (the recipient of "told"), no quotation.
pub(crate) fn work_title(cx: &Cx, o: usize) -> bool {
    const WORKS: [&str; 18] = [
        "book",
        "memoir",
        "novel",
        "podcast",
        "show",
        "program",
        "programme",
        "series",
        "film",
        "movie",
        "documentary",
        "album",
        "song",
        "column",
        "editorial",
        "essay",
        "play",
        "musical",
    ];
    if o < 2 || !title_case(cx, o) {
        return false;
    }
    let mut p = o - 1;
    if cx.v.punct(p, b',') || cx.v.punct(p, b':') {
        p -= 1;
    } else if cx.v.is(p, "told") {
        return true;
    }
    WORKS.iter().any(|w| cx.v.is(p, w))
}

/// True when the quoted stretch opening at token `o` is written like a title: two to eight
/// words, every one capitalised but short function words.
fn title_case(cx: &Cx, o: usize) -> bool {
    const SMALL: [&str; 14] =
        ["and", "of", "the", "a", "an", "in", "on", "to", "for", "with", "at", "by", "or", "from"];
    let Some(sg) = cx.seg(o).map(|s| cx.segs[s]) else { return false };
    let words: Vec<usize> = (o + 1..=sg.last).filter(|&i| cx.v.toks[i].kind == TokenKind::Word).collect();
    (2..=8).contains(&words.len())
        && words.iter().all(|&i| cx.v.cap(i) || SMALL.iter().any(|w| cx.v.is(i, w)))
        && words.iter().filter(|&&i| cx.v.cap(i)).count() >= 2
}

/// True when the quoted stretch opening at token `o` reads as a name: at most four words, all
/// capitalised after an optional "the" ("the Accountant", "Little Marco").
fn name_like(cx: &Cx, o: usize) -> bool {
    let Some(sg) = cx.seg(o).map(|s| cx.segs[s]) else { return false };
    let mut a = o + 1;
    if cx.v.is(a, "the") {
        a += 1;
    }
    let words = a..=sg.last;
    words.clone().count() <= 4
        && words.clone().all(|i| cx.v.cap(i) || cx.v.punct(i, b',') || cx.v.punct(i, b'.'))
        && words.clone().any(|i| cx.v.cap(i))
}
