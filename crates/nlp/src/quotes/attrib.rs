//! Finding the cue and the speaker around a quotation or in a sentence: the noun phrase before
//! a cue ("Petra Halvorsen, the defence lawyer, said"), after it ("said Mr Novak"), or after a
//! quotation ("…,” a government source said).

use super::{Attr, Cx, Speaker};
use crate::entities::words::{Gender, f};
use dossier_model::{EntityType, MentionKind, TokenKind};

/// Cue classes that may attribute a quotation.
pub(crate) const QUOTE_CUES: u64 = f::CUE_S | f::CUE_T | f::CUE_W;

const LOWER_LEAD: bool = true;

/// Longest speaker phrase in tokens (with an apposition).
const MAX_NP: usize = 30;

/// True when token `i` is a word the phrase walkers never take into a noun phrase.
#[inline]
fn function_word(cx: &Cx, i: usize) -> bool {
    cx.v.info[i].has(f::AUX | f::BE | f::PREP | f::CONJ | f::COMP | f::NEG | f::ADV | f::WH)
        && !cx.v.info[i].has(f::ROLE | f::SRC | f::TITLE)
}

/// True when token `i` is a cue of one of `classes` used as a verb here (not "his claims",
/// "news reports", not inside a quotation, not a bare infinitive after "to").
pub(crate) fn verb_cue(cx: &Cx, i: usize, classes: u64) -> bool {
    let inf = &cx.v.info[i];
    if !inf.has(classes) || !inf.has(f::ING | f::PAST | f::S3 | f::BASE) || cx.seg(i).is_some() {
        return false;
    }
    if cx.v.toks[i].kind != TokenKind::Word {
        return false;
    }
    // a capitalised cue inside a sentence is a name or a title ("Says Who", "Post")
    if cx.v.cap(i) && cx.sent_range(i).0 != i && !cx.v.toks[i].para_start {
        let prev_is_quote = i > 0 && cx.v.toks[i - 1].kind == TokenKind::Quote;
        if !prev_is_quote && !cx.title_case_sentence(i) {
            return false;
        }
    }
    if i == 0 {
        return true;
    }
    let p = &cx.v.info[i - 1];
    // ("the said letter"; but "Some said", "One in three said": a share standing alone)
    // (a plural standing alone opening its clause, so no "-s" verb after it: "many calls" and
    // "a few questions" are nouns)
    let alone = (lone_quantifier(cx, i - 1, 0) || i >= 2 && cx.v.is(i - 2, "in") && number_word(cx.v.s(i - 1)))
        && !cx.v.s(i).ends_with('s');
    if p.has(f::DET) && !p.has(f::COMP) && !alone || p.has(f::P_POSS) && !cx.v.is(i - 1, "her") {
        return false;
    }
    // an -s form after a preposition is a plural noun ("arrested on charges of", "the content
    // of reports"), but for "says" ("a voice over says")
    if inf.has(f::S3) && !inf.has(f::PAST | f::BASE | f::ING) && p.has(f::PREP) && !cx.v.is(i, "says") {
        return false;
    }
    if cx.v.possessive(i - 1) {
        // "Trump's claims" (noun), but "he's said" (verb)
        return i >= 2 && cx.v.info[i - 2].has(f::PRON) && inf.has(f::PAST | f::ING);
    }
    // "written", "spoken", "shown": a participle, a verb only after "has", "had", "have"
    let w = cx.v.s(i);
    if inf.has(f::PAST) && (w.ends_with("en") || w.ends_with("wn")) && !w.eq_ignore_ascii_case("seen") {
        let mut j = i;
        while j > 0 && cx.v.info[j - 1].has(f::ADV | f::NEG) {
            j -= 1;
        }
        if j == 0 || !cx.v.info[j - 1].has(f::AUX) {
            return false;
        }
    }
    // "read" is its own past tense ("…,” the email read)
    if inf.has(f::BASE) && !inf.has(f::PAST | f::S3) && !cx.v.is(i, "read") {
        // a bare form after "to" is an infinitive; elsewhere it needs a plural subject, an
        // auxiliary or an adverb before it ("officials say", "did not say")
        if cx.v.is(i - 1, "to") {
            return false;
        }
        let w = cx.v.s(i - 1);
        let ok = p.has(f::AUX | f::NEG | f::ADV)
            || p.has(f::PRON) && p.has(f::P_SUBJ)
            // ("the data suggest")
            || p.has(f::PLURAL) && p.has(f::ARTIFACT)
            || cx.mention(i - 1).is_some()
            || alone
            || (w.ends_with('s') && !w.ends_with("ss") && cx.v.toks[i - 1].kind == TokenKind::Word)
            // "say" after a word or a number is a verb ("sources close to her campaign say",
            // "26% say"): its noun takes a determiner ("have a say"), caught above
            || cx.v.is(i, "say")
                && !p.has(f::CONJ)
                // the noun after a word of degree ("have more say", "the final say")
                && !["more", "final", "greater", "little", "less", "equal", "real", "big", "bigger", "no", "any", "some"]
                    .iter()
                    .any(|x| cx.v.is(i - 1, x))
                && (matches!(cx.v.toks[i - 1].kind, TokenKind::Word | TokenKind::Number) || w == "%");
        if !ok {
            return false;
        }
    }
    true
}

/// Skips adverbs, auxiliaries and negation before token `i`: the index after the token that
/// ends the subject.
fn skip_back(cx: &Cx, mut i: usize, floor: usize, allow_be: bool) -> usize {
    let mut steps = 0;
    while i > floor && steps < 5 {
        let p = &cx.v.info[i - 1];
        if cx.v.toks[i - 1].kind != TokenKind::Word {
            break;
        }
        // an adverb the word lists lack ("famously responded")
        let ly = !cx.v.cap(i - 1) && cx.v.s(i - 1).len() > 5 && cx.v.s(i - 1).ends_with("ly");
        if p.has(f::ADV | f::AUX | f::NEG) && !p.has(f::ROLE | f::SRC) || allow_be && p.has(f::BE) || ly {
            i -= 1;
            steps += 1;
            continue;
        }
        break;
    }
    i
}

/// True when the phrase starting at token `k` reads as an apposition or a relative clause
/// about a name: "the attorney general", "a former prosecutor", "who leads", "34", "Layla's
/// brother".
pub(crate) fn appositive(cx: &Cx, k: usize) -> bool {
    let inf = &cx.v.info[k];
    inf.has(f::DET | f::P_POSS | f::WH | f::TITLE | f::ROLE | f::ROLE_MOD | f::SRC)
        || inf.has(f::PREP) && !cx.v.is(k, "to") && !cx.v.is(k, "as")
        || cx.v.toks[k].kind == TokenKind::Number
        || cx.v.cap(k) && {
            // "Layla's brother", "Color of Change's executive director"
            let mut j = k + 1;
            while j < k + 6 && (cx.v.cap(j) || ["of", "and", "for", "&"].iter().any(|w| cx.v.is(j, w))) {
                j += 1;
            }
            cx.v.possessive(j)
        }
        // "The Anchor, as she is known on the quays, said"
        || cx.v.is(k, "as") && cx.v.info.get(k + 1).is_some_and(|x| x.has(f::PRON))
        || cx.v.is(k, "himself")
        || cx.v.is(k, "herself")
        || (cx.v.toks[k].kind == TokenKind::Word && !cx.v.cap(k) && {
            let w = cx.v.s(k);
            // "written by", "shown to"
            w.ends_with("ing") || w.ends_with("ed") || (w.len() > 4 && (w.ends_with("en") || w.ends_with("wn")))
        })
        // "Mark Mahaney, technology analyst at RBC, agreed"
        || (k + 1..k + 3).any(|j| j < cx.v.len() && cx.v.info[j].has(f::ROLE | f::SRC) && !cx.v.info[j].has(f::PLURAL))
            && cx.v.toks[k].kind == TokenKind::Word
}

/// Adjectives and participles that tie a source to what it knows ("people familiar with the
/// talks", "officials close to the campaign", "a person briefed on the plan").
const CLOSE_TO: &[&str] = &["familiar", "close", "involved", "knowledgeable", "briefed"];

/// Quantifiers that stand alone as a subject ("Some said", "Others told the paper").
const QUANTIFIERS: &[&str] = &["some", "many", "most", "others", "several", "few", "both"];

/// Words that make a share approximate ("nearly half", "about one in three").
const ROUGHLY: &[&str] = &["nearly", "almost", "about", "roughly", "only", "just", "over"];

/// True when token `t` is a quantifier standing alone at the opening of its clause: at `floor`
/// or the text's start, or after no word or number.
fn lone_quantifier(cx: &Cx, t: usize, floor: usize) -> bool {
    QUANTIFIERS.iter().any(|w| cx.v.is(t, w)) && opens_clause(cx, t, floor)
}

/// True when token `t` opens its clause: at `floor` or the text's start, or after no word or
/// number.
fn opens_clause(cx: &Cx, t: usize, floor: usize) -> bool {
    t == floor || t == 0 || !matches!(cx.v.toks[t - 1].kind, TokenKind::Word | TokenKind::Number)
}

/// An unnamed speaker of tokens `s` to `e`, headed by `e`: a share of those polled, a phrase
/// the tagger did not name.
pub(crate) fn described(cx: &Cx, s: usize, e: usize) -> Speaker {
    Speaker { span: cx.span(s, e), entity: spoken_for(cx, s, e), gender: Gender::Any, pronoun: false, head: e }
}

/// The organisation a spokesperson of tokens `s..=e` speaks for, named inside the phrase ("a
/// Northshire Police spokeswoman"): the one nearest the noun.
fn spoken_for(cx: &Cx, s: usize, e: usize) -> Option<usize> {
    if speaks_for_now(cx, s, e) { (s..e).rev().find_map(|k| organisation_at(cx, k)) } else { None }
}

/// True when the phrase of tokens `s..=e` ends with a spokesperson's noun ("spokesman",
/// "spokeswoman", "spokespeople") and names no person and no former one ("A former Pentagon
/// spokesman", "Elon Musk's spokesman"): the organisation named with them speaks through them.
fn speaks_for_now(cx: &Cx, s: usize, e: usize) -> bool {
    let v = &cx.v;
    v.s(e).get(..6).is_some_and(|p| p.eq_ignore_ascii_case("spokes"))
        && !(s..e).any(|k| v.is(k, "former") || v.s(k).starts_with("ex-") || cx.person_at(k))
}

/// The entity of the organisation named at token `k`, if one is.
fn organisation_at(cx: &Cx, k: usize) -> Option<usize> {
    let m = &cx.doc.mentions[cx.mention(k)?];
    (m.ty == EntityType::Org).then_some(m.entity).flatten()
}

/// One-word comments set off by commas between a subject and its cue.
const INSERTS: &[&str] = &[
    "though",
    "however",
    "too",
    "also",
    "meanwhile",
    "instead",
    "moreover",
    "furthermore",
    "nonetheless",
    "nevertheless",
    "again",
    "then",
    "now",
    "separately",
    "likewise",
    "similarly",
    "indeed",
    "later",
    "earlier",
];

/// The speaker right before a cue at token `cue`, not before token `floor`.
pub(crate) fn np_before(cx: &Cx, cue: usize, floor: usize, allow_be: bool) -> Option<(Speaker, usize)> {
    let j = skip_back(cx, cue, floor, allow_be);
    if j <= floor {
        return None;
    }
    let mut e = j - 1;
    // "Helen Marsh KC told": letters after a person's name are no part of the subject
    if e > floor + 1 && crate::ner::POST_NOMINALS.contains(&cx.v.s(e)) && cx.person_at(e - 1) {
        e -= 1;
    }
    if cx.v.punct(e, b')') {
        // "Rep. Paul Ryan (R-WI) said"
        let mut c = e;
        while c > floor && e - c < 8 && !cx.v.punct(c, b'(') {
            c -= 1;
        }
        if !cx.v.punct(c, b'(') || c <= floor {
            return None;
        }
        e = c - 1;
    }
    // "X, the minister, said", "Marley Anderson, 21, a junior from Las Vegas, said": back over
    // appositions to the name
    let mut jumps = 0;
    while (cx.v.punct(e, b',') || cx.v.dash(e)) && jumps < 3 {
        jumps += 1;
        let closing_dash = cx.v.dash(e);
        let mut c = e;
        while c > floor && e - c < MAX_NP {
            c -= 1;
            // a nickname in the apposition ("Maja Lind, whom members call ‘the Anchor’, said")
            // is part of it
            if let Some(sg) = cx.seg(c)
                && cx.segs[sg].end_tok() - cx.segs[sg].open <= 5
                && cx.segs[sg].open > floor
                && !cx.seg_used[sg]
                && cx.used[cx.segs[sg].open - 1]
            {
                c = cx.segs[sg].open;
                continue;
            }
            if cx.seg(c).is_some() || cx.v.punct(c, b'.') {
                return None;
            }
            if (closing_dash && cx.v.dash(c)) || (!closing_dash && cx.v.punct(c, b',')) {
                break;
            }
        }
        let open = if closing_dash { cx.v.dash(c) } else { cx.v.punct(c, b',') };
        if !open || c <= floor || c + 1 >= e {
            return None;
        }
        // "Dale Fenwick, 38, of Mill Lane, Ardenport, admitted": the town of an address
        if !closing_dash && e - c <= 4 && (c + 1..e).all(|k| cx.v.cap(k)) {
            let mut d = c - 1;
            while d > floor && !cx.v.punct(d, b',') && c - d < MAX_NP {
                d -= 1;
            }
            if cx.v.punct(d, b',') && cx.v.is(d + 1, "of") {
                e = c;
                continue;
            }
        }
        // "Murphy, though, said", "The group, meanwhile, said": a word that comments
        if c + 2 == e && !closing_dash && INSERTS.iter().any(|w| cx.v.is(c + 1, w)) {
            e = c - 1;
            continue;
        }
        // "her adviser, Jake Sullivan, said", "A former candidate -- John McCain, who lost --
        // said": the name in the commas is the speaker, also after its honorific or title
        // ("the cabinet member, Cllr Tom Fenn, said"), and an organisation in them ("Fenwick's
        // solicitors, Hale & Marsh LLP, said")
        // the first token from `k` on past honorifics and titles outside a name, before `limit`
        let past_titles = |mut k: usize, limit: usize| {
            while k < limit && cx.v.info[k].has(f::HON | f::TITLE) && cx.mention(k).is_none() {
                k += 1;
            }
            k
        };
        let k = past_titles(c + 1, e - 1);
        if let Some(m) = cx.mention(k)
            && matches!(cx.doc.mentions[m].ty, EntityType::Person | EntityType::Org)
            && matches!(cx.doc.mentions[m].kind, MentionKind::Name | MentionKind::Alias)
            && (cx.mention(e - 1) == Some(m) || closing_dash)
        {
            let mut me = k;
            while cx.mention(me + 1) == Some(m) {
                me += 1;
            }
            // not a possessive ("Reynolds - Santilli's girlfriend - told"), nor the first of a
            // list ("The three scholars -- Mr. Tribe, Ms. Epstein and Mr. Amar -- agreed")
            let possessive = cx.v.possessive(me + 1);
            let u = past_titles(me + 2, e);
            let list = (cx.v.punct(me + 1, b',') || cx.v.is(me + 1, "and"))
                && u < e
                && cx.mention(u).is_some_and(|o| cx.doc.mentions[o].ty == cx.doc.mentions[m].ty);
            // an organisation set beside the end of a phrase after a preposition is that
            // phrase's, not the speaker ("The head of the airline's parent company, IAG, said")
            // (the phrase read back from the comma has its head before a preposition)
            let of_phrase = cx.doc.mentions[m].ty == EntityType::Org
                && np_ending_at(cx, c - 1, floor).is_some_and(|(np, _)| np.head + 1 < c);
            if !possessive && !list && !of_phrase {
                // the phrase opens with what the name is set beside ("The plan failed, her
                // adviser, Jake Sullivan, said": "her adviser" is no part of the statement)
                let start = match np_ending_at(cx, c - 1, floor) {
                    Some((np, s)) if cx.v.info[np.head].has(f::ROLE | f::TITLE | f::SRC) => s,
                    _ => c + 1,
                };
                return Some((cx.speaker_of_mention(m, me), start));
            }
            // the names set beside a group: the group speaks ("The three scholars -- ... --");
            // so does the phrase an organisation is set beside ("the head")
            if list || of_phrase {
                e = c - 1;
                continue;
            }
        }
        if !appositive(cx, c + 1) {
            // "Ruth Calloway, whose son Ben, a photographer, was abducted …, said": further back
            let mut d = c;
            let mut found = None;
            while d > floor && e - d < MAX_NP {
                d -= 1;
                if cx.seg(d).is_some() || cx.v.punct(d, b'.') {
                    break;
                }
                if cx.v.punct(d, b',') && d + 1 < e && appositive(cx, d + 1) && cx.v.info[d + 1].has(f::WH) {
                    found = Some(d);
                    break;
                }
            }
            let d = found?;
            e = d - 1;
            continue;
        }
        e = c - 1;
        // an age: "Dolt, 34,"
        if cx.v.toks[e].kind == TokenKind::Number && e > floor + 2 && cx.v.punct(e - 1, b',') {
            e -= 2;
        }
    }
    let found = match np_ending_at(cx, e, floor) {
        Some(x) => x,
        None => head_of_long_np(cx, e, floor)?,
    };
    // ("a source close to him said": an object pronoun after a preposition is no speaker)
    let object = cx.v.info[found.0.head].has(f::PRON) && cx.v.info[found.0.head].has(f::P_OBJ);
    let found = if found.1 > floor
        && cx.v.info[found.1 - 1].has(f::PREP)
        && (object || !found.0.pronoun && found.0.entity.is_none_or(|x| cx.doc.entities[x].ty != EntityType::Person))
    {
        match head_of_long_np(cx, e, floor) {
            Some(long) => long,
            None if object => return None,
            None => found,
        }
    } else {
        found
    };
    // "won 50 pledged delegates": a number before a cue of intention or object is no speaker
    if cx.v.toks[found.0.head].kind == TokenKind::Number && cx.v.info[cue].has(f::CUE_O | f::CUE_I) {
        return None;
    }
    Some(found)
}

/// The noun phrase ending at token `e`: a mention, a pronoun, or a described person, body or
/// text ("a government source", "the letter"). Returns it and its first token.
pub(crate) fn np_ending_at(cx: &Cx, e: usize, floor: usize) -> Option<(Speaker, usize)> {
    let v = &cx.v;
    let inf = v.info[e];
    // "Two in three said", "all but two said", "56 percent of those polled said"
    // "One in three said", "nearly three in five said"
    if e >= floor + 2 && v.is(e - 1, "in") && number_word(v.s(e)) && number_word(v.s(e - 2)) {
        let mut s = e - 2;
        while s > floor && ROUGHLY.iter().any(|w| v.is(s - 1, w)) {
            s -= 1;
        }
        return Some((described(cx, s, e), s));
    }
    // a number word opening its clause ("and just four said"), not "no one said", "nine states
    // where …" (the cue read as a verb is the number's noun), "rose to four hundred said …" or
    // a name ("the Group of Seven said")
    let counted = number_word(v.s(e)) && !v.is(e, "one") && cx.mention(e).is_none() && e + 1 < v.len() && {
        const BEFORE: &[&str] = &["just", "only", "all", "some", "about", "around", "nearly", "almost", "another"];
        let mut k = e;
        while k > floor && (number_word(v.s(k - 1)) || BEFORE.iter().any(|w| v.is(k - 1, w))) {
            k -= 1;
        }
        !v.s(e + 1).ends_with('s') && (opens_clause(cx, k, floor) || v.is(k - 1, "and") || v.is(k - 1, "but"))
    };
    if v.toks[e].kind == TokenKind::Number
        || counted
        || ["polled", "surveyed", "interviewed", "questioned"].iter().any(|w| v.is(e, w)) && e > floor
    {
        let mut s = e;
        while s > floor && e - s < 8 && matches!(v.toks[s - 1].kind, TokenKind::Word | TokenKind::Number) {
            let p = &v.info[s - 1];
            // ("As another Pew study from 2011 noted"; not "As many as 2,000 said")
            let quantity = |k: usize| ["many", "much", "few"].iter().any(|w| v.is(k, w));
            let as_opens = v.is(s - 1, "as") && !quantity(s) && !(s >= 2 && quantity(s - 2));
            if p.has(f::AUX | f::BE | f::CUE | f::COMP | f::WH) && !v.is(s - 1, "of") || as_opens {
                break;
            }
            s -= 1;
        }
        // "None of those three have declared": no one says anything
        if (s..e).any(|k| v.is(k, "none") || v.is(k, "neither")) {
            return None;
        }
        return Some((described(cx, s, e), s));
    }
    if v.toks[e].kind != TokenKind::Word {
        return None;
    }
    // "Some said", "Others told the paper": a quantifier alone opening its clause (one that
    // is a determiner is also taken further down, wherever it stands)
    if lone_quantifier(cx, e, floor) {
        return Some((described(cx, e, e), e));
    }
    // a share of those polled: "Sixty-six percent said", "Nearly half said", "a majority say"
    if ["percent", "half", "majority", "minority", "plurality", "third", "thirds", "quarter"].iter().any(|w| v.is(e, w))
    {
        let mut s = e;
        while s > floor
            && e - s < 4
            && (v.toks[s - 1].kind == TokenKind::Number
                || number_word(v.s(s - 1))
                || ROUGHLY.iter().chain(&["a", "the", "fully", "some"]).any(|w| v.is(s - 1, w)))
        {
            s -= 1;
        }
        return Some((described(cx, s, e), s));
    }
    if let Some(m) = cx.mention(e) {
        let men = &cx.doc.mentions[m];
        if men.span.end == v.toks[e].span.end {
            // first token of the mention
            let mut s = e;
            while s > floor && cx.mention(s - 1) == Some(m) {
                s -= 1;
            }
            // "Extracts seen by Coastline Wire state": the agent of a participle is no subject
            if s > floor + 2
                && v.is(s - 1, "by")
                && !v.cap(s - 2)
                && v.toks[s - 2].kind == TokenKind::Word
                && ["ed", "en", "wn", "seen"].iter().any(|x| v.s(s - 2).ends_with(x))
            {
                return np_ending_at(cx, s - 3, floor);
            }
            // "George Pell of The Ledger", "Ann Lee of the Brookings Institution": the person
            // before "of" or "from" is the speaker
            let t = if s > floor + 2 && v.is(s - 1, "the") { s - 1 } else { s };
            if t > floor + 1
                && (v.is(t - 1, "of") || v.is(t - 1, "from") || v.is(t - 1, "at"))
                && let Some(pm) = cx.mention(t - 2)
                && cx.doc.mentions[pm].ty == EntityType::Person
                && cx.doc.mentions[pm].span.end == v.toks[t - 2].span.end
            {
                let mut ps = t - 2;
                while ps > floor && cx.mention(ps - 1) == Some(pm) {
                    ps -= 1;
                }
                return Some((cx.speaker_of_mention(pm, t - 2), ps));
            }
            // "a spokeswoman for YouTube": the phrase before the preposition heads it
            if s > floor + 1
                && v.info[s - 1].has(f::PREP)
                && !v.is(s - 1, "to")
                && let Some((sp, first)) = head_before_pp(cx, s - 1, floor)
            {
                return Some((sp, first));
            }
            // and where the subject opens the clause, before "the" too ("A source at the Home
            // Office said") or with a noun the lists do not know ("A whistleblower at Northgate
            // says"): no word of the organisation's
            if t > floor + 1 && v.info[t - 1].has(f::PREP) && !v.is(t - 1, "to") {
                if t < s
                    && let Some((sp, first)) = head_before_pp(cx, t - 1, floor)
                    && first == floor
                {
                    return Some((sp, first));
                }
                let h = t - 2;
                if h == floor + 1
                    && ["a", "an", "one", "another"].iter().any(|w| v.is(floor, w))
                    && v.s(h).len() > 2
                    && v.s(h).bytes().all(|b| b.is_ascii_lowercase())
                    && !v.info[h].has(f::PREP | f::PRON | f::AUX | f::BE | f::CUE)
                {
                    return Some((described(cx, floor, h), floor));
                }
            }
            if men.ty == EntityType::Misc
                && !v.cap(e + 1)
                && v.toks.get(e + 1).is_some_and(|t| t.kind == TokenKind::Word)
                && !v.info[e + 1].has(f::ADV | f::AUX | f::NEG | f::BE | f::CUE)
            {
                return None; // "American officials" is handled as a phrase
            }
            return Some((cx.speaker_of_mention(m, e), s));
        }
    }
    if inf.has(f::PRON) {
        if !inf.has(f::P_SUBJ) {
            return None;
        }
        return Some((pronoun(cx, e), e));
    }
    if inf.has(f::WH) && (v.is(e, "who") || v.is(e, "which")) {
        // a relative pronoun stands for the name before it
        let ent = (e >= 2 && v.punct(e - 1, b','))
            .then(|| cx.mention(e - 2))
            .flatten()
            .and_then(|m| cx.doc.mentions[m].entity);
        let sp = Speaker {
            span: v.toks[e].span,
            entity: ent,
            gender: ent.map_or(Gender::Any, |x| cx.ent_gender[x]),
            pronoun: false,
            head: e,
        };
        return Some((sp, e));
    }
    if function_word(cx, e) || inf.has(f::PAST | f::S3) && !inf.has(f::SRC | f::ARTIFACT | f::ROLE | f::BODY) {
        return None;
    }
    if inf.has(f::DET) || inf.has(f::TIME) {
        // "some said", "many believe"
        if ["some", "many", "most", "several", "both", "all", "others"].iter().any(|q| v.is(e, q)) {
            let sp = Speaker { span: v.toks[e].span, entity: None, gender: Gender::Any, pronoun: false, head: e };
            return Some((sp, e));
        }
        return None;
    }
    // a phrase: words back to a determiner or possessive, at most six
    let mut s = e;
    while s > floor && e - s < 6 {
        let p = s - 1;
        let ip = &v.info[p];
        if v.toks[p].kind == TokenKind::Word {
            if ip.has(f::COMP) {
                break;
            }
            if ip.has(f::DET | f::P_POSS) {
                s = p;
                break;
            }
            if v.possessive(p) {
                s = p;
                continue;
            }
            if function_word(cx, p) || ip.has(f::CUE) && !ip.has(f::SRC | f::ROLE | f::BODY | f::ARTIFACT) {
                break;
            }
            if ip.has(f::PRON) {
                break;
            }
            s = p;
            continue;
        }
        if v.toks[p].kind == TokenKind::Number || v.punct(p, b'-') {
            s = p;
            continue;
        }
        break;
    }
    // "People with knowledge of the plan said": back over a preposition to the head
    if s > floor + 1
        && v.info[s - 1].has(f::PREP)
        && !v.is(s - 1, "to")
        && let Some((sp, first)) = head_before_pp(cx, s - 1, floor)
    {
        return Some((sp, first));
    }
    let head_ok = inf.has(f::SRC | f::BODY | f::ARTIFACT | f::ROLE | f::TITLE)
        || v.cap(e)
        || (v.s(e).ends_with('s') && !v.s(e).ends_with("ss"))
        || v.info[s].has(f::DET | f::P_POSS) && s < e && !(v.s(e).ends_with("ed") || v.s(e).ends_with("ing"))
        || v.toks[s].kind == TokenKind::Number;
    if s == e && inf.has(f::ING | f::BASE) && !inf.has(f::SRC | f::ARTIFACT | f::ROLE | f::BODY) {
        return None;
    }
    if !head_ok {
        return None;
    }
    let ent = cx.mention(e).and_then(|m| cx.doc.mentions[m].entity);
    let ent = ent.or_else(|| spoken_for(cx, s, e));
    let sp = Speaker { span: cx.span(s, e), entity: ent, gender: inf.gender(), pronoun: false, head: e };
    Some((sp, s))
}

/// A number written as words: "six", "Sixty-six", "twenty", "hundred" (the words
/// [`crate::numbers`] reads, but "zero" and "dozen").
fn number_word(w: &str) -> bool {
    !w.is_empty()
        && w.split('-').all(|p| {
            p.eq_ignore_ascii_case("hundred")
                || !p.eq_ignore_ascii_case("dozen") && crate::numbers::word_value(p).is_some_and(|v| v > 0.0)
        })
}

/// "The lawyer for one of the two men captured in Karsland in January says": a person or
/// body noun opening the clause, followed by prepositional phrases up to token `e`. The span
/// runs from the clause start to `e`.
fn head_of_long_np(cx: &Cx, e: usize, floor: usize) -> Option<(Speaker, usize)> {
    let v = &cx.v;
    let mut l = e;
    while l > floor && e - l < 16 {
        let p = l - 1;
        if cx.seg(p).is_some() || !matches!(v.toks[p].kind, TokenKind::Word | TokenKind::Number) {
            break;
        }
        let ip = &v.info[p];
        if ip.has(f::COMP | f::WH | f::CONJ | f::AUX | f::BE) && !ip.has(f::DET) || ip.has(f::CUE) && ip.has(f::S3) {
            break;
        }
        l = p;
    }
    // the clause starts there: the sentence start, a comma or a dash
    if !(l == floor || v.punct(l - 1, b',') || v.dash(l - 1) || v.toks[l].para_start) || function_word(cx, e) {
        return None;
    }
    let mut h = l;
    while h < e && v.info[h].has(f::DET | f::ROLE_MOD) && !v.info[h].has(f::ROLE | f::SRC | f::BODY) {
        h += 1;
    }
    let ih = v.info[h];
    let person = cx.person_at(h);
    // ("sources familiar with the talks", "officials close to the campaign")
    let pp = if CLOSE_TO.iter().any(|w| v.is(h + 1, w)) { h + 2 } else { h + 1 };
    if !(ih.has(f::ROLE | f::SRC | f::BODY | f::TITLE | f::ARTIFACT) || person) || pp >= e || !v.info[pp].has(f::PREP) {
        return None;
    }
    let sp = Speaker { span: cx.span(l, e), entity: None, gender: ih.gender(), pronoun: false, head: h };
    Some((sp, l))
}

/// "a spokeswoman for YouTube", "people familiar with the talks": the phrase before the
/// preposition at token `prep`, when it is headed by a person, body or text noun.
fn head_before_pp(cx: &Cx, prep: usize, floor: usize) -> Option<(Speaker, usize)> {
    let h = prep.checked_sub(1)?;
    if h < floor {
        return None;
    }
    let ih = cx.v.info[h];
    let familiar = CLOSE_TO.iter().any(|w| cx.v.is(h, w));
    if !(ih.has(f::SRC | f::BODY | f::ROLE | f::TITLE | f::ARTIFACT) || familiar) {
        return None;
    }
    let (mut sp, first) = if familiar {
        // "people familiar with"
        let p = h.checked_sub(1)?;
        if p < floor {
            return None;
        }
        np_ending_at(cx, p, floor)?
    } else {
        np_ending_at(cx, h, floor)?
    };
    // "a spokesman for Northshire Police", "a spokeswoman for the Home Office"; a text of an
    // organisation's ("a letter from the American Legion", "a report by Amnesty Watch")
    let authored = ih.has(f::ARTIFACT) && (cx.v.is(prep, "from") || cx.v.is(prep, "by"));
    if sp.entity.is_none() && (speaks_for_now(cx, first, h) || authored) {
        let object = prep + 1 + usize::from(cx.v.is(prep + 1, "the"));
        sp.entity = organisation_at(cx, object);
    }
    Some((sp, first))
}

/// A pronoun speaker: its entity if the entity linker linked it.
fn pronoun(cx: &Cx, e: usize) -> Speaker {
    let inf = cx.v.info[e];
    let third = !inf.has(f::P_1 | f::P_2);
    let ent = cx.mention(e).and_then(|m| cx.doc.mentions[m].entity);
    Speaker { span: cx.v.toks[e].span, entity: ent, gender: inf.gender(), pronoun: third, head: e }
}

/// The speaker starting at token `i` (after a cue: "said Mr Novak", "said a spokesman"; or
/// after a quotation: "…,” Terrie Rizzo, the chair, said"). Returns it and the last token of
/// the phrase with any apposition.
pub(crate) fn np_forward(cx: &Cx, i: usize, limit: usize) -> Option<(Speaker, usize)> {
    np_forward_with(cx, i, limit, true)
}

/// True when lowercase `w` reads as a past participle ("seen", "obtained", "drawn", "sent").
fn participle(w: &str) -> bool {
    // (a list, not "-en"/"-wn" endings: "women", "when", "town" and "own" are none)
    const IRREGULAR: &[&str] = &[
        "made", "sent", "held", "read", "told", "kept", "bought", "brought", "found", "paid", "built", "won", "seen",
        "written", "given", "taken", "shown", "drawn", "known", "driven", "chosen", "spoken", "stolen", "broken",
        "hidden", "thrown", "done",
    ];
    w.bytes().all(|b| b.is_ascii_lowercase()) && (w.len() > 3 && w.ends_with("ed") || IRREGULAR.contains(&w))
}

/// [`np_forward`], with or without taking an apposition after the phrase ("according to the
/// NCD, the number …" has none).
pub(crate) fn np_forward_with(cx: &Cx, i: usize, limit: usize, appos: bool) -> Option<(Speaker, usize)> {
    let v = &cx.v;
    let n = v.len().min(limit);
    if i >= n || !matches!(v.toks[i].kind, TokenKind::Word | TokenKind::Number) {
        return None;
    }
    let mut k = i;
    // titles before a name: "said Detective Chief Superintendent Ana de la Cruz", "former
    // Obama Education Secretary Arne Duncan", "Sanders campaign manager Jeff Weaver"
    // (after an owner, which may be a pronoun's mention: "said her former partner Jens Aukrust")
    let owned = v.info[i].has(f::P_POSS) && v.toks.get(i + 1).is_some_and(|t| t.kind == TokenKind::Word);
    let mut j = if owned { i + 1 } else { i };
    while j < n && j < i + 7 && !cx.person_at(j) {
        let ij = &v.info[j];
        let function = ij.has(f::DET | f::PRON | f::PREP | f::CONJ | f::AUX | f::BE | f::WH | f::COMP);
        // ("state Sen. Jason Holsman": a role word that is also a cue verb)
        let title_like = matches!(v.toks[j].kind, TokenKind::Word | TokenKind::Number)
            && !function
            && (!ij.has(f::CUE) || ij.has(f::ROLE | f::ROLE_MOD | f::TITLE) && !v.cap(j));
        if !title_like {
            break;
        }
        j += 1;
    }
    if j > i + usize::from(owned) && j < n && cx.person_at(j) {
        k = j;
    } else if cx.person_at(i) {
        // "Trump campaign spokeswoman Hope Hicks": a later name after role words
        let m0 = cx.mention(i);
        let mut j = i;
        while j + 1 < n && cx.mention(j + 1) == m0 {
            j += 1;
        }
        let mut r = j + 1;
        while r < n && r < j + 5 && !cx.person_at(r) && v.info[r].has(f::ROLE | f::TITLE | f::ROLE_MOD | f::BODY) {
            r += 1;
        }
        if r > j + 1 && r < n && cx.person_at(r) {
            k = r;
        }
    }
    let (sp, mut end) = if let Some(m) = cx.mention(k) {
        let mut e = k;
        while e + 1 < n && cx.mention(e + 1) == Some(m) {
            e += 1;
        }
        if e + 2 < n && v.possessive(e + 1) && v.toks[e + 2].kind == TokenKind::Word {
            // "Ryan's office said": the office speaks for its owner; "Trump's lawyer" is
            // someone else
            let mut h = e + 2;
            while h + 1 < n && h < e + 5 && v.toks[h + 1].kind == TokenKind::Word && !v.info[h + 1].has(f::CUE) {
                h += 1;
            }
            let body = v.info[h].has(f::BODY);
            let owner = cx.speaker_of_mention(m, e);
            let sp = Speaker {
                span: cx.span(k, h),
                entity: if body { owner.entity } else { None },
                gender: if body { Gender::Neuter } else { v.info[h].gender() },
                pronoun: false,
                head: h,
            };
            (sp, h)
        } else {
            (cx.speaker_of_mention(m, e), e)
        }
    } else if k == i && v.info[i].has(f::PRON) && !v.info[i].has(f::P_POSS) {
        if !v.info[i].has(f::P_SUBJ) {
            return None;
        }
        (pronoun(cx, i), i)
    } else if k == i
        && (v.info[i].has(f::DET) && !v.info[i].has(f::COMP)
            || v.info[i].has(f::P_POSS)
                && (!v.is(i, "her")
                    // "her" owns the word after it when that is no function word, determiner,
                    // pronoun or cue ("her friend Joan Pascoe said"; not "told her the plan")
                    || i + 1 < n
                        && v.toks[i + 1].kind == TokenKind::Word
                        && !function_word(cx, i + 1)
                        && !v.info[i + 1].has(f::CUE | f::DET | f::PRON)))
    {
        // "a spokesman for the ministry": the head is the last word before a verb, a
        // preposition or punctuation
        let mut e = i + 1;
        let mut head = None;
        // ("a 2013 article in the journal")
        while e < n
            && e < i + 8
            && (v.toks[e].kind == TokenKind::Word || v.toks[e].kind == TokenKind::Number && e == i + 1)
        {
            if v.possessive(e) && e + 1 < n && v.toks[e + 1].kind == TokenKind::Word && head.is_some() {
                // "the ad’s narrator"
                e += 1;
                continue;
            }
            if cx.mention(e).is_some() {
                // "the Home Office spokeswoman": a name inside the phrase
                head = Some(e);
                e += 1;
                continue;
            }
            if e == i + 1 && v.is(e, "of") && (v.is(i, "one") || v.is(i, "some") || v.is(i, "many")) {
                // "one of two witnesses"
                e += 1;
                continue;
            }
            // two descriptions of one speaker ("her friend and fellow trustee Joan Pascoe", "the
            // Florida senator and Republican presidential candidate"; not two speakers, "the
            // spokesman and Tom Fenn")
            if head.is_some()
                && v.is(e, "and")
                && e + 1 < n
                && v.toks[e + 1].kind == TokenKind::Word
                && cx.mention(e + 1).is_none_or(|m| cx.doc.mentions[m].ty != EntityType::Person)
                && !function_word(cx, e + 1)
                && !v.info[e + 1].has(f::CUE)
            {
                e += 1;
                continue;
            }
            let ie = &v.info[e];
            if function_word(cx, e) || ie.has(f::CUE) && !ie.has(f::SRC | f::ROLE | f::BODY | f::ARTIFACT) {
                break;
            }
            // "a leaked letter seen by the paper": the phrase ends before a participle and its agent
            if head.is_some() && v.is(e + 1, "by") && participle(v.s(e)) {
                break;
            }
            head = Some(e);
            e += 1;
        }
        let h = head?;
        let ih = v.info[h];
        // the name that opens the phrase ("the Home Office spokeswoman" is none of the Home
        // Office's words), or a person's that ends it ("his friend Joan Pascoe", "the trustee
        // Joan Pascoe")
        let ent = cx.mention(h).filter(|&m| {
            let ms = cx.doc.mentions[m].span;
            ms.start == v.toks[i].span.start
                || ms.start == v.toks[i + 1].span.start
                || cx.doc.mentions[m].ty == EntityType::Person
                    && ms.end == v.toks[h].span.end
                    // (not "the candidates Sanders named", a clause on the plural)
                    && !v.info[v.toks.partition_point(|t| t.span.end <= ms.start).saturating_sub(1)].has(f::PLURAL)
        });
        let sp = match ent {
            Some(m) => cx.speaker_of_mention(m, h),
            None => Speaker { span: cx.span(i, h), entity: None, gender: ih.gender(), pronoun: false, head: h },
        };
        (sp, h)
    } else if k == i && !v.cap(i) && !function_word(cx, i) && !v.info[i].has(f::CUE | f::PRON | f::DET) && {
        // "federal prosecutors wrote": a bare phrase right before a cue
        let mut e = i;
        while e + 1 < n && e < i + 3 && v.toks[e + 1].kind == TokenKind::Word && !v.info[e + 1].has(f::CUE) {
            e += 1;
        }
        e + 1 < n && v.info[e + 1].has(f::CUE_S) && !v.info[e + 1].has(f::ING)
    } {
        let mut e = i;
        while e + 1 < n && !v.info[e + 1].has(f::CUE) {
            e += 1;
        }
        let ih = v.info[e];
        (Speaker { span: cx.span(i, e), entity: None, gender: ih.gender(), pronoun: false, head: e }, e)
    } else if k == i && v.cap(i) && !v.info[i].has(f::CUE) && !function_word(cx, i) && !v.info[i].has(f::DET) {
        // an untagged name
        let mut e = i;
        while e + 1 < n && v.cap(e + 1) && !v.info[e + 1].has(f::CUE) {
            e += 1;
        }
        (described(cx, i, e), e)
    } else {
        return None;
    };
    // a prepositional phrase after a described speaker: "a spokeswoman for the Home Office"
    // (or a participle and its agent: "a complaint filed by the SEC")
    let pp = if end + 3 < n && participle(v.s(end + 1)) && v.is(end + 2, "by") { end + 2 } else { end + 1 };
    if sp.entity.is_none() && !sp.pronoun && pp + 1 < n && v.info[pp].has(f::PREP) && !v.is(pp, "to") {
        let mut e = pp;
        while e + 1 < n && e < pp + 6 && v.toks[e + 1].kind == TokenKind::Word && !v.info[e + 1].has(f::CUE) {
            e += 1;
        }
        end = e;
    }
    // "Rep. Jason Chaffetz (R-Utah) said"
    if end + 2 < n && v.punct(end + 1, b'(') {
        let mut c = end + 2;
        while c < n && c < end + 10 && !v.punct(c, b')') {
            c += 1;
        }
        if v.punct(c, b')') {
            end = c;
        }
    }
    // "the White House press secretary, Josh Earnest, said": the name is the speaker
    let mut sp = sp;
    if !appos {
        return Some((sp, end));
    }
    if sp.entity.is_none()
        && !sp.pronoun
        && end + 2 < n
        && v.punct(end + 1, b',')
        && let Some(m) = cx.mention(end + 2)
        && cx.doc.mentions[m].ty == EntityType::Person
    {
        let mut e = end + 2;
        while e + 1 < n && cx.mention(e + 1) == Some(m) {
            e += 1;
        }
        if e + 1 < n && v.punct(e + 1, b',') {
            sp = cx.speaker_of_mention(m, e);
            end = e + 1;
        }
    }
    // an apposition: "Terrie Rizzo, the Democratic chair of Florida's Palm Beach County, said"
    if end + 2 < n && v.punct(end + 1, b',') && appositive(cx, end + 2) {
        let mut c = end + 2;
        while c < n && c < end + MAX_NP && !v.punct(c, b',') && !v.punct(c, b'.') && cx.seg(c).is_none() {
            c += 1;
        }
        if v.punct(c, b',') {
            end = c;
        }
    }
    Some((sp, end))
}

/// A verb of manner right after a quotation and its speaker ("…,” Trump shot back", "…!”
/// beamed Donald Hartley"): any past-tense verb there attributes the quotation.
fn manner_verb(cx: &Cx, k: usize, inverted: bool) -> bool {
    let v = &cx.v;
    let Some(t) = v.toks.get(k) else { return false };
    if t.kind != TokenKind::Word || v.cap(k) || v.info[k].has(f::AUX | f::BE | f::PREP | f::DET | f::CONJ | f::ADV) {
        return false;
    }
    let w = v.s(k);
    // its clause ends there, or goes on with "back", "out", an adverb or a time
    let after = k + 1;
    // ("…,” Toomey fumed on Tuesday", "…,” Trump went on"; inverted, the speaker follows)
    let ends = inverted
        || after >= v.len()
        || v.punct(after, b'.')
        || v.punct(after, b',')
        || v.is(after, "back")
        || v.is(after, "out")
        || v.is(after, "on")
        || v.info[after].has(f::ADV | f::TIME | f::PREP)
        || v.s(after).ends_with("ly");
    (w.ends_with("ed") || ["shot", "spoke", "sang", "wrote", "cried", "told", "said", "began", "went"].contains(&w))
        && ends
}

/// Whether the token after `i` reads as the end of an attribution clause.
fn clause_end(cx: &Cx, i: usize) -> usize {
    // the attribution runs to the next comma, full stop or quotation mark in its sentence
    let (_, se) = cx.sent_range(i);
    let mut k = i;
    while k + 1 < se {
        let t = &cx.v.toks[k + 1];
        if (t.kind == TokenKind::Quote && cx.seg(k + 1).is_some())
            || cx.v.punct(k + 1, b',')
            || cx.v.punct(k + 1, b'.')
            || cx.v.punct(k + 1, b':')
        {
            break;
        }
        k += 1;
    }
    k
}

/// "“…” ― Stephanie Egan": a name after a dash, ending its line, attributes the quotation
/// before it.
pub(crate) fn dash_credit(cx: &Cx, z: usize) -> Option<Attr> {
    let v = &cx.v;
    let n = v.len();
    let d = z + 1;
    if d + 1 >= n || !v.dash(d) || v.toks[d + 1].para_start {
        return None;
    }
    let mut e = d + 1;
    while e + 1 < n && e < d + 6 && !v.toks[e + 1].para_start && (v.cap(e + 1) || v.punct(e + 1, b'.')) {
        if v.punct(e + 1, b'.') {
            break;
        }
        e += 1;
    }
    if !v.cap(d + 1) {
        return None;
    }
    // the line ends there
    let line_end = !v.next_on_line(e) || v.punct(e + 1, b'.') && !v.next_on_line(e + 1);
    if !line_end {
        return None;
    }
    let sp = match cx.mention(d + 1) {
        Some(m) => cx.speaker_of_mention(m, e),
        None => described(cx, d + 1, e),
    };
    Some(Attr { cue: (d, d), speaker: Some(sp), end: e })
}

/// The attribution after a quotation whose last token is `z`: "…,” she said", "…,” said Mr
/// Javid", "…,” a source familiar with the talks said", "…,” according to the report".
pub(crate) fn trailing(cx: &Cx, z: usize) -> Option<Attr> {
    let v = &cx.v;
    let n = v.len();
    let mut t = z + 1;
    if t < n && (v.punct(t, b',') || v.dash(t)) {
        t += 1;
    }
    if t >= n || v.toks[t].para_start || v.toks[t].kind != TokenKind::Word {
        return None;
    }
    // a new sentence after the quotation: its attribution when the sentence is only that
    // ("“Why?” Trump asked."), not when it reports more ("….” He said, twice, that …)
    let new_sentence = v.sent[t] != v.sent[z] && v.cap(t);
    let (_, se) = cx.sent_range(t);
    let limit = se.min(t + MAX_NP + 6);
    // inverted: "said Mr Javid", "beamed Donald Hartley"
    if verb_cue(cx, t, QUOTE_CUES) && !v.info[t].has(f::ING) && !new_sentence {
        let (sp, end) = np_forward(cx, t + 1, limit)?;
        return Some(Attr { cue: (t, t), speaker: Some(sp), end: clause_end(cx, end) });
    }
    if manner_verb(cx, t, true)
        && !new_sentence
        && let Some((sp, end)) = np_forward(cx, t + 1, limit)
        && sp.entity.is_some_and(|e| cx.doc.entities[e].ty == EntityType::Person)
    {
        return Some(Attr { cue: (t, t), speaker: Some(sp), end: clause_end(cx, end) });
    }
    if v.is(t, "according") && v.is(t + 1, "to") && !new_sentence {
        let (sp, end) = np_forward(cx, t + 2, limit)?;
        return Some(Attr { cue: (t, t + 1), speaker: Some(sp), end: clause_end(cx, end) });
    }
    let Some((sp, end)) = np_forward(cx, t, limit) else {
        return if new_sentence { None } else { name_before_cue(cx, t, limit) };
    };
    if new_sentence && sp.entity.is_none() && !sp.pronoun {
        return None;
    }
    let mut k = end + 1;
    let mut steps = 0;
    while k < limit && steps < 4 && v.info[k].has(f::ADV | f::AUX | f::NEG) && !v.info[k].has(f::CUE) {
        k += 1;
        steps += 1;
    }
    if k < limit
        && (verb_cue(cx, k, QUOTE_CUES | f::CUE_R | f::CUE_O) && !v.info[k].has(f::ING) || manner_verb(cx, k, false))
    {
        // "….” He said, twice, that …" reports more; "…?” Trump asked, looking pleased." not
        let participle = v.punct(k + 1, b',') && v.s(k + 2).ends_with("ing");
        if new_sentence
            && (k + 1 >= n
                || v.info[k + 1].has(f::COMP | f::PRON | f::DET)
                || v.punct(k + 1, b',') && !participle
                || v.cap(k + 1))
        {
            return None;
        }
        return Some(Attr { cue: (k, k), speaker: Some(sp), end: clause_end(cx, k) });
    }
    if new_sentence {
        return None;
    }
    // a longer description of the speaker ("Harry Bond, 30, of Raleigh, who was polled, said",
    // "Mr. Morgan of the Sierra Club said"): the first cue of the clause
    let described =
        v.punct(end + 1, b',') || v.info.get(end + 1).is_some_and(|i| i.has(f::PREP)) || v.punct(end + 1, b'(');
    if !sp.pronoun && sp.entity.is_some() && described {
        let mut j = end + 1;
        while j < limit && j < end + MAX_NP {
            if let Some(sg) = cx.seg(j) {
                if cx.segs[sg].last - cx.segs[sg].open > 6 {
                    break;
                }
                j = cx.segs[sg].end_tok() + 1;
                continue;
            }
            if v.punct(j, b'.') {
                break;
            }
            if verb_cue(cx, j, f::CUE_S) && !v.info[j].has(f::ING) {
                return Some(Attr { cue: (j, j), speaker: Some(sp), end: clause_end(cx, j) });
            }
            j += 1;
        }
    }
    name_before_cue(cx, t, limit)
}

/// "…,” CBS This Morning co-anchor DeMarco Morgan said", "…,” Commentary’s Noah Rothman
/// tweeted": a person's name right before a cue at the end of a short run of words (titles,
/// an outlet, a possessive) that the noun phrase reader does not take whole.
fn name_before_cue(cx: &Cx, t: usize, limit: usize) -> Option<Attr> {
    let v = &cx.v;
    let mut j = t;
    while j < limit && j < t + 10 {
        let possessive = v.possessive(j);
        if v.toks[j].kind != TokenKind::Word && !possessive || cx.seg(j).is_some() {
            return None;
        }
        if j > t && verb_cue(cx, j, f::CUE_S) && !v.info[j].has(f::ING) {
            let m = cx.mention(j - 1)?;
            if cx.doc.mentions[m].ty != EntityType::Person {
                return None;
            }
            return Some(Attr { cue: (j, j), speaker: Some(cx.speaker_of_mention(m, j - 1)), end: clause_end(cx, j) });
        }
        let role = v.info[j].has(f::ROLE | f::ROLE_MOD | f::TITLE) && !v.info[j].has(f::COMP | f::WH | f::PRON);
        if v.info[j].has(f::COMP | f::WH | f::PRON | f::AUX | f::BE | f::CUE) && !possessive && !role {
            return None;
        }
        j += 1;
    }
    None
}

/// The attribution before a quotation opening at token `o`: "X said: “…”", "X added, “…”",
/// "In the letter, Ms Achebe-Lund writes:" ending the paragraph before.
pub(crate) fn leading(cx: &Cx, o: usize) -> Option<Attr> {
    let v = &cx.v;
    if o == 0 {
        return None;
    }
    let p = o - 1;
    let colon = v.punct(p, b':');
    let comma = v.punct(p, b',');
    if v.toks[o].para_start && !colon {
        return None;
    }
    if !colon && !comma && (!v.info[p].has(QUOTE_CUES) || v.sent[p] != v.sent[o]) {
        return None;
    }
    let q = if colon || comma { p.checked_sub(1)? } else { p };
    let (sa, _) = cx.sent_range(q);
    // without punctuation, the cue stands right before the mark ("said “…”")
    let lo = if colon {
        sa.max(q.saturating_sub(20))
    } else if comma {
        sa.max(q.saturating_sub(10))
    } else {
        q
    };
    let mut k = q + 1;
    while k > lo {
        k -= 1;
        if cx.seg(k).is_some() || v.punct(k, b'.') {
            break;
        }
        // "The email went on to say, “…”", "had this to say about it: “…”"
        if (colon || comma) && v.is(k, "say") && k > sa && v.is(k - 1, "to") {
            let between = k + 1..p;
            if between.len() > 12 || between.clone().any(|i| v.info[i].has(f::COMP | f::CUE) || cx.seg(i).is_some()) {
                return None;
            }
            let sp = subject(cx, k, sa).or_else(|| np_forward(cx, sa, k).map(|x| x.0));
            return sp.map(|sp| Attr { cue: (k, k), speaker: Some(sp), end: q });
        }
        // "wrote back, “…”": a particle, not the verb "to back"
        if v.is(k, "back") && k > sa && v.info[k - 1].has(f::CUE) {
            continue;
        }
        // "as Tom Ridley, a former minister, put it: “…”"
        let put_it = (colon || comma) && (v.is(k, "put") || v.is(k, "puts")) && v.is(k + 1, "it") && k + 2 == p;
        // "She continued, “…”", "Caddell continued:": right before the mark only
        let went_on = (colon || comma)
            && k + 1 == p
            && (v.s(k).starts_with("continue") && v.info[k].has(f::PAST | f::S3) || v.is(k, "continues"))
            && !v.cap(k);
        if !put_it && !went_on && !verb_cue(cx, k, QUOTE_CUES | f::CUE_R | f::CUE_O) {
            continue;
        }
        // between the cue and the mark: a recipient, time, place or manner, not a clause
        // ("said that once …, “…”") nor an object ("calls for reform, “…”"); a cue word
        // there counts when it is a verb ("wrote back:" is fine)
        let between = k + 1..p;
        if between.len() > if colon { 20 } else { 12 }
            || v.is(k + 1, "for")
            || between.clone().any(|i| {
                v.info[i].has(f::COMP | f::WH)
                    || v.info[i].has(f::CUE) && verb_cue(cx, i, f::CUE) && !(i == k + 1 && v.is(i, "back"))
                    || cx.seg(i).is_some()
            })
        {
            return None;
        }
        let before = np_before(cx, k, sa, v.info[k].has(f::ING));
        // "what it called “…”", "which Tim Cook called “…”": a relative clause (not "To which
        // she said, …" opening a sentence)
        if let Some((_, first)) = before
            && (first.saturating_sub(3).max(sa)..first).any(|i| (v.is(i, "what") || v.is(i, "which")) && i > sa + 1)
        {
            return None;
        }
        if LOWER_LEAD && before.is_some() && comma && lower_start(cx, o) {
            // "Clinton said on the other hand, “the current system …”": reported speech
            return None;
        }
        let lower_quote = lower_start(cx, o);
        if let Some((_, first)) = before
            && comma
            && lower_quote
            && parenthetical(cx, first, sa)
        {
            // a parenthetical attribution inside a reported sentence: reported speech
            return None;
        }
        let participle = v.info[k].has(f::ING)
            && k > sa
            && (v.punct(k - 1, b',') || v.is(k - 1, "by") || v.is(k - 1, "while") || v.is(k - 1, "after"));
        let speaker = if participle {
            subject(cx, k, sa)
        } else if put_it {
            // "it" is no speaker
            before.map(|x| x.0).or_else(|| subject(cx, k, sa))
        } else {
            before
                .map(|x| x.0)
                .or_else(|| np_forward(cx, k + 1, q + 1).filter(|x| x.1 == q || x.1 == p).map(|x| x.0))
                .or_else(|| {
                    let j = skip_back(cx, k, sa, false);
                    (j > sa && (v.is(j - 1, "and") || v.is(j - 1, "but"))).then(|| subject(cx, k, sa)).flatten()
                })
        };
        speaker?;
        return Some(Attr { cue: (k, k), speaker, end: q });
    }
    // "She then addressed the supporters again: “…”": a colon after a sentence whose subject
    // is a name or a pronoun
    if colon && q >= sa {
        for i in colon_clause_starts(cx, sa, q) {
            if let Some(a) = colon_subject(cx, i, sa, q) {
                return Some(a);
            }
        }
    }
    // "… for Republican contests - Philip Bump: “…”": a name after a dash labels the speaker
    if colon
        && let Some(m) = cx.mention(q)
        && cx.doc.mentions[m].ty == EntityType::Person
        && cx.doc.mentions[m].span.end == v.toks[q].span.end
    {
        let mut s = q;
        while s > 0 && cx.mention(s - 1) == Some(m) {
            s -= 1;
        }
        if s > 0 && v.dash(s - 1) {
            return Some(Attr { cue: (p, p), speaker: Some(cx.speaker_of_mention(m, q)), end: p });
        }
    }
    None
}

/// Where the clause "X did Y" before a colon may start: its sentence's first word, past a
/// leading "And" or "But" ("And Mr. Christie gloated: “…”"), or the word after the last comma
/// when an opening phrase stands before it ("In a Fox interview later that day, Trump went
/// even further: “…”", "Asked which county he liked, he demurred: “…”").
fn colon_clause_starts(cx: &Cx, sa: usize, q: usize) -> impl Iterator<Item = usize> {
    let v = &cx.v;
    let mut i = sa;
    while i < q && matches!(v.toks[i].kind, TokenKind::Punct | TokenKind::Quote) {
        i += 1;
    }
    let first = (q - i < 16).then_some(i);
    let conj = (q - i < 17 && i + 1 < q && ["and", "but", "so", "yet"].iter().any(|w| v.is(i, w))).then_some(i + 1);
    let after_comma = (i..q)
        .rev()
        .find(|&c| v.punct(c, b','))
        .map(|c| c + 1)
        .filter(|&c| c < q && q - c < 12 && (c..q).all(|k| cx.seg(k).is_none()));
    first.into_iter().chain(conj).chain(after_comma)
}

/// The speaker named by the clause starting at token `i` and ending at the colon after token
/// `q`: "She then addressed the supporters again: “…”" (a name or a pronoun as its subject),
/// "Lund: “…”", "… released the following statement:", "According to the Post:".
fn colon_subject(cx: &Cx, mut i: usize, sa: usize, q: usize) -> Option<Attr> {
    let v = &cx.v;
    let p = q + 1;
    // "From the report: “…”": the text is the source
    if v.is(i, "from") && i + 1 < q {
        i += 1;
    }
    let sp = if v.info[i].has(f::PRON) {
        (v.info[i].has(f::P_SUBJ) && !v.is(i, "it")).then(|| pronoun(cx, i))
    } else {
        np_forward(cx, i, q + 1)
            .and_then(|(sp, e)| {
                let named =
                    sp.entity.is_some_and(|x| matches!(cx.doc.entities[x].ty, EntityType::Person | EntityType::Org));
                let text = v.info[sp.head].has(f::ARTIFACT);
                // "Lund: “…”": a person's name alone before the colon labels the speaker
                let label = e == q && i == sa && sp.entity.is_some_and(|x| cx.doc.entities[x].ty == EntityType::Person);
                ((named || text) && e < q || label).then_some(sp)
            })
            // "… released the following statement:": the subject of the sentence
            .or_else(|| v.info[q].has(f::ARTIFACT).then(|| subject(cx, q, sa)).flatten())
    };
    if let Some(sp) = sp {
        return Some(Attr { cue: (p, p), speaker: Some(sp), end: p });
    }
    // "According to the Post: “…”"
    if v.is(i, "according")
        && v.is(i + 1, "to")
        && let Some((sp, e)) = np_forward_with(cx, i + 2, q + 1, false)
        && e == q
    {
        return Some(Attr { cue: (i, i + 1), speaker: Some(sp), end: p });
    }
    None
}

/// True when the quotation opening at token `o` starts with a lowercase letter: it goes on
/// with a sentence begun before it.
fn lower_start(cx: &Cx, o: usize) -> bool {
    cx.segs
        .get(cx.seg(o).unwrap_or(usize::MAX))
        .is_some_and(|sg| cx.v.text[sg.inner.start..sg.inner.end].chars().next().is_some_and(char::is_lowercase))
}

/// True when the speaker phrase starting at token `first` (titles before it included) follows
/// a comma inside its sentence: the attribution is a parenthesis in reported speech ("If
/// Clinton is elected, he said, “she might …”").
pub(crate) fn parenthetical(cx: &Cx, mut first: usize, sa: usize) -> bool {
    while first > sa && cx.v.info[first - 1].has(f::HON | f::TITLE) {
        first -= 1;
    }
    first > sa && cx.v.punct(first - 1, b',')
}

/// The subject of the clause a participle (", saying …") hangs on: the speaker of the nearest
/// cue before it in the sentence, else the sentence's first name or pronoun.
pub(crate) fn subject(cx: &Cx, k: usize, sa: usize) -> Option<Speaker> {
    let v = &cx.v;
    let mut j = k;
    while j > sa {
        j -= 1;
        if cx.seg(j).is_some() {
            continue;
        }
        if v.info[j].has(f::CUE) && !v.info[j].has(f::ING) && verb_cue(cx, j, f::CUE) {
            let allow_be = false;
            if let Some((sp, _)) = np_before(cx, j, sa, allow_be) {
                return Some(sp);
            }
        }
    }
    // the first name or subject pronoun of the clause ("because Layla checked her watch and
    // said …"), not inside a prepositional phrase
    let mut from = sa;
    for i in (sa..k).rev() {
        if cx.seg(i).is_none()
            && (v.info[i].has(f::COMP | f::WH) && !v.is(i, "that")
                || ["because", "when", "after", "before", "while", "since", "although", "though", "as", "if"]
                    .iter()
                    .any(|w| v.is(i, w)))
        {
            from = i + 1;
            // "When Dall died, Rusk released …": a clause opening the sentence ends at its comma
            if i == sa
                && let Some(c) = (from..k).find(|&c| v.punct(c, b','))
            {
                from = c + 1;
            }
            break;
        }
    }
    // "When asked whom she supported, Ms. Sherry smiled and said": the clause after the last
    // comma has the subject, when it names one
    let last_comma = (from..k).rev().find(|&c| v.punct(c, b',') && cx.seg(c).is_none());
    if let Some(c) = last_comma
        && let Some(sp) = first_subject(cx, c + 1, k, sa)
    {
        return Some(sp);
    }
    first_subject(cx, from, k, sa)
}

/// The first name or subject pronoun from token `from` to `k`, not inside a prepositional
/// phrase or a quotation.
fn first_subject(cx: &Cx, from: usize, k: usize, sa: usize) -> Option<Speaker> {
    let v = &cx.v;
    for i in from..k {
        if cx.seg(i).is_some() {
            continue;
        }
        if i > sa && v.info[i - 1].has(f::PREP) {
            continue;
        }
        if let Some(m) = cx.mention(i) {
            let men = &cx.doc.mentions[m];
            if super::can_speak(men.ty) && men.ty != EntityType::Loc {
                let mut e = i;
                while cx.mention(e + 1) == Some(m) {
                    e += 1;
                }
                return Some(cx.speaker_of_mention(m, e));
            }
        }
        if v.info[i].has(f::PRON) && v.info[i].has(f::P_SUBJ) {
            return Some(pronoun(cx, i));
        }
    }
    None
}

/// The person the phrase of a text ending at token `head` names as its own: its author after
/// "by" in a participle phrase right after it ("The audit report, signed by Auditor General
/// Pavel Kron, states"), after "from" ("a post from Arianna Huffington"), or its possessor
/// ("Sanders's lengthy victory speech").
pub(crate) fn owner(cx: &Cx, head: usize) -> Option<usize> {
    let v = &cx.v;
    for b in head + 1..(head + 5).min(v.len().saturating_sub(1)) {
        if v.is(b, "by") && v.s(b - 1).ends_with(['d', 'n']) {
            let person = (b + 1..(b + 5).min(v.len())).find_map(|i| cx.person_entity(i));
            if person.is_some() {
                return person;
            }
        }
    }
    if v.is(head + 1, "from")
        && let Some(e) = cx.person_entity(head + 2)
    {
        return Some(e);
    }
    let mut j = head;
    while j > 0 && head - j < 4 && v.toks[j - 1].kind == TokenKind::Word {
        j -= 1;
        if v.possessive(j) {
            return j.checked_sub(1).and_then(|p| cx.person_entity(p));
        }
    }
    None
}

/// The author of the text a speaker phrase names ("the letter", "extracts"): the one its own
/// phrase names (see [`owner`]), else the one an earlier mention of the text names that way, or
/// the first person named in a sentence that mentions it (not a recipient after "to").
pub(crate) fn author(cx: &Cx, head: usize) -> Option<usize> {
    let v = &cx.v;
    let word = v.s(head).to_lowercase();
    let any = matches!(word.as_str(), "extracts" | "excerpts" | "extract" | "excerpt");
    let singular = word.trim_end_matches('s').to_string();
    if let Some(e) = owner(cx, head) {
        return Some(e);
    }
    let mut k = head;
    let mut looked = 0;
    while k > 0 && looked < 40 {
        k -= 1;
        if !v.info[k].has(f::ARTIFACT) {
            continue;
        }
        let w = v.s(k).to_lowercase();
        if !(any || w.trim_end_matches('s') == singular) {
            continue;
        }
        looked += 1;
        // "a letter from X", "X's letter"
        if let Some(e) = owner(cx, k) {
            return Some(e);
        }
        // the first person in its sentence, not a recipient
        let (sa, se) = cx.sent_range(k);
        for i in sa..se {
            if i != k && cx.seg(i).is_some() {
                continue;
            }
            if let Some(e) = cx.person_entity(i) {
                let recipient = (i.saturating_sub(8)..i).any(|j| v.is(j, "to") || v.is(j, "addressed"));
                if !recipient {
                    return Some(e);
                }
            }
        }
    }
    None
}
