//! Who said what: direct quotations and reported speech, each attributed to a speaker that is
//! resolved to an entity where the text allows.
//!
//! - Direct quotations in every style news uses (straight and curly double and single quotes,
//!   guillemets, ``…'' and ''…''), nested quotations, a quotation split by its attribution
//!   ("'X,' he said. 'Y.'") and one continued over paragraphs are one record each (see
//!   [`marks`] for how the marks are paired).
//! - Reported speech ("X said (that) …", "X told the paper …", "According to X, …", "…, X said")
//!   from a measured list of cue verbs (`resources/cues_verbs.txt`); a quoted phrase inside it
//!   makes it `partial`.
//! - Speakers: the subject of the cue, inverted ("said Mr Javid"), past an apposition
//!   ("Jeff Sessions, the attorney general, said"); pronouns take the speaker of the quotation
//!   before them when it agrees, else the entity linker's link; descriptions come linked from
//!   the entity linker; unnamed sources ("a government source") keep their words with no
//!   entity; a text ("the letter says") stands for its author where the text names one; a
//!   quotation paragraph without a cue continues the speaker of the one before.
//!
//! ```
//! let mut doc = dossier_model::Doc::new("d", "“We will win,” said Ann Lee. “Nobody doubts it.”");
//! dossier_nlp::default_pipeline().run(&mut doc);
//! let q = &doc.quotes[0];
//! assert_eq!(q.parts.len(), 2);
//! assert_eq!(doc.entities[q.speaker.unwrap()].name, "Ann Lee");
//! ```

mod attrib;
mod direct;
mod indirect;
pub(crate) mod marks;

#[cfg(test)]
mod tests;

use crate::entities::words::{Gender, View, f};
use crate::pipeline::{Component, Layer};
use dossier_model::{Doc, EntityType, Mention, MentionKind, Quote, QuoteKind, Span, TokenKind};
use marks::Seg;

/// The quotation pipeline component (`quotes`).
pub struct QuoteFinder;

impl Component for QuoteFinder {
    fn name(&self) -> &'static str {
        "quotes"
    }
    fn requires(&self) -> &'static [Layer] {
        &[Layer::Tokens, Layer::Sentences, Layer::Mentions, Layer::Entities]
    }
    fn assigns(&self) -> &'static [Layer] {
        &[Layer::Quotes]
    }
    fn version(&self) -> String {
        "1".to_string()
    }
    fn process(&self, doc: &mut Doc) {
        doc.quotes = find(doc);
    }
}

/// A speaker as the text names it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Speaker {
    /// The words the attribution rests on.
    pub span: Span,
    /// The entity, when resolved.
    pub entity: Option<usize>,
    /// Gender as far as known.
    pub gender: Gender,
    /// A third-person pronoun ("he"): resolved from context.
    pub pronoun: bool,
    /// The token the speaker words end with (their head).
    pub head: usize,
}

/// An attribution: cue tokens and speaker.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Attr {
    /// First and last token of the cue.
    pub cue: (usize, usize),
    /// The speaker, if named.
    pub speaker: Option<Speaker>,
    /// The last token of the attribution clause.
    pub end: usize,
}

/// A quotation being built.
#[derive(Debug, Clone)]
pub(crate) struct Rec {
    pub span: Span,
    pub parts: Vec<Span>,
    pub kind: QuoteKind,
    pub attr: Option<Attr>,
    /// First and last token of the record's text extent (quotation or content).
    pub first: usize,
    pub last: usize,
    /// The speaker was taken over from the quotation before.
    pub inherited: bool,
}

/// The per-document state.
pub(crate) struct Cx<'a> {
    pub v: View<'a>,
    pub doc: &'a Doc,
    /// Per token: the mention covering it (`u32::MAX` for none).
    pub men_at: Vec<u32>,
    /// The quoted stretches.
    pub segs: Vec<Seg>,
    /// Per token: the stretch covering it, marks included (`u32::MAX` for none).
    pub seg_at: Vec<u32>,
    /// Per token: used as the cue of a record.
    pub used: Vec<bool>,
    /// Per stretch: taken into a record.
    pub seg_used: Vec<bool>,
    /// Gender of each entity, as far as its mentions tell.
    pub ent_gender: Vec<Gender>,
    /// The text's message headers (e-mail and chat; see [`crate::mail::headers`]).
    pub mail: Vec<crate::mail::Header>,
}

impl<'a> Cx<'a> {
    fn new(doc: &'a Doc) -> Cx<'a> {
        let v = View::new(doc);
        let n = v.len();
        let mut men_at = vec![u32::MAX; n];
        let mut k = 0;
        for (mi, m) in doc.mentions.iter().enumerate() {
            // mentions are in text order; tokens too
            while k < n && v.toks[k].span.end <= m.span.start {
                k += 1;
            }
            let mut j = k;
            while j < n && v.toks[j].span.start < m.span.end {
                if men_at[j] == u32::MAX {
                    men_at[j] = mi as u32;
                }
                j += 1;
            }
        }
        let segs = marks::find_quotes(&doc.text, &doc.tokens);
        let mut seg_at = vec![u32::MAX; n];
        for (si, s) in segs.iter().enumerate() {
            for x in &mut seg_at[s.open..=s.end_tok()] {
                *x = si as u32;
            }
        }
        let ent_gender = crate::entities::genders(doc);
        let ns = segs.len();
        let mail = crate::mail::headers(&doc.text);
        Cx { v, doc, men_at, segs, seg_at, used: vec![false; n], seg_used: vec![false; ns], ent_gender, mail }
    }

    /// The mention covering token `i`.
    #[inline]
    pub(crate) fn mention(&self, i: usize) -> Option<usize> {
        match self.men_at.get(i) {
            Some(&m) if m != u32::MAX => Some(m as usize),
            _ => None,
        }
    }

    /// True when token `i` is inside a mention of a person.
    pub(crate) fn person_at(&self, i: usize) -> bool {
        self.mention(i).is_some_and(|m| self.doc.mentions[m].ty == EntityType::Person)
    }

    /// The person entity of a mention covering token `i`.
    pub(crate) fn person_entity(&self, i: usize) -> Option<usize> {
        let e = self.mention(i).and_then(|m| self.doc.mentions[m].entity)?;
        (self.doc.entities[e].ty == EntityType::Person).then_some(e)
    }

    /// The stretch covering token `i`.
    #[inline]
    pub(crate) fn seg(&self, i: usize) -> Option<usize> {
        match self.seg_at.get(i) {
            Some(&s) if s != u32::MAX => Some(s as usize),
            _ => None,
        }
    }

    /// Span of tokens `a..=z`.
    #[inline]
    pub(crate) fn span(&self, a: usize, z: usize) -> Span {
        Span::new(self.v.toks[a].span.start, self.v.toks[z].span.end)
    }

    /// First and one-past-last token of token `i`'s sentence.
    #[inline]
    pub(crate) fn sent_range(&self, i: usize) -> (usize, usize) {
        self.v.sent_toks[self.v.sent[i] as usize]
    }

    /// True when token `i`'s sentence is written in title case, as headlines are ("Clinton
    /// Says Russians Hacked DNC"): every word but the small ones that headlines leave in
    /// lowercase (prepositions, conjunctions, articles, "that") capitalized, at least three of
    /// them, and the sentence short.
    pub(crate) fn title_case_sentence(&self, i: usize) -> bool {
        let (sa, se) = self.sent_range(i);
        if se - sa > 30 {
            return false;
        }
        let small = f::PREP | f::CONJ | f::DET | f::COMP;
        let words = (sa..se).filter(|&k| {
            self.v.toks[k].kind == TokenKind::Word
                && !self.v.info[k].has(small)
                && self.v.s(k).chars().next().is_some_and(char::is_alphabetic)
                // ("Doesn’t": the contraction is a token of its own)
                && !self.v.s(k).starts_with("n'")
                && !self.v.s(k).starts_with("n’")
        });
        let (mut n, mut caps) = (0, 0);
        for k in words {
            n += 1;
            caps += usize::from(self.v.cap(k));
        }
        n >= 3 && caps == n
    }

    /// The speaker a mention names: its entity, if it is a person or a body.
    pub(crate) fn speaker_of_mention(&self, m: usize, head: usize) -> Speaker {
        let men = &self.doc.mentions[m];
        let entity = men.entity;
        let gender = match (entity, men.kind) {
            (Some(e), _) => self.ent_gender[e],
            _ => Gender::Any,
        };
        let pronoun = men.kind == MentionKind::Pronoun;
        Speaker { span: men.span, entity, gender, pronoun, head }
    }
}

/// Finds the quotations and reported statements of a document whose tokens, sentences,
/// mentions and entities are known.
pub fn find(doc: &Doc) -> Vec<Quote> {
    if doc.tokens.is_empty() {
        return Vec::new();
    }
    let mut cx = Cx::new(doc);
    let mut recs = direct::direct(&mut cx);
    indirect::indirect(&mut cx, &mut recs);
    recs.sort_by_key(|r| (r.span.start, r.span.end));
    resolve(&cx, &mut recs);
    recs.into_iter()
        .map(|r| {
            let (speaker, speaker_span) = match r.attr.and_then(|a| a.speaker) {
                Some(s) => (s.entity, Some(s.span)),
                None => (None, None),
            };
            Quote {
                span: r.span,
                parts: r.parts,
                kind: r.kind,
                speaker,
                speaker_span,
                cue_span: r.attr.filter(|_| !r.inherited).map(|a| cx.span(a.cue.0, a.cue.1)),
            }
        })
        .collect()
}

/// The person a first-person statement names as its author: "Name of witness: Marta Ilves",
/// "Signed: Marta Ilves", "Statement of Marta Ilves"; in an interview's transcript (lines that
/// open with "Q:" and "A:", see [`transcript_turns`]) the one its opening lines name after
/// "interview with", "Q&A with", "conversation with", "interview of" or "deposition of".
fn narrator(cx: &Cx, turns: &[(usize, Turn)]) -> Option<usize> {
    let v = &cx.v;
    let n = v.len();
    if !turns.is_empty() {
        let opening = (0..n).take_while(|&i| v.toks[i].span.start < 600);
        let with = opening.filter(|&i| {
            let by = if v.is(i, "with") {
                ["interview", "Q&A", "A", "conversation"].as_slice()
            } else {
                &["interview", "deposition"]
            };
            (v.is(i, "with") || v.is(i, "of")) && i > 0 && by.iter().any(|w| v.is(i - 1, w))
        });
        for i in with {
            // past a title ("Q&A with Vice President Joe Biden"), not a possessive ("with
            // CNN's Jake Tapper" is the interviewer)
            let name = (i + 1..(i + 5).min(n)).take_while(|&k| !v.possessive(k));
            if let Some(e) = name.into_iter().find_map(|k| cx.person_entity(k)) {
                return Some(e);
            }
        }
        if let Some(e) = most_named_before_turns(cx, turns) {
            return Some(e);
        }
    }
    for i in 0..n.saturating_sub(2) {
        if v.toks[i].kind != dossier_model::TokenKind::Word || !v.cap(i) {
            continue;
        }
        let signed = v.is(i, "signed") && v.punct(i + 1, b':') || v.is(i, "statement") && v.is(i + 1, "of");
        let after = if signed {
            Some(i + 2)
        } else if v.is(i, "name") && v.is(i + 1, "of") && v.is(i + 2, "witness") && v.punct(i + 3, b':') {
            Some(i + 4)
        } else {
            None
        };
        if let Some(e) = after.and_then(|i| cx.person_entity(i)) {
            return Some(e);
        }
    }
    None
}

/// The one interviewed where no "interview with" names them: the one person the introduction
/// of a transcript names most, twice or more ("Immigration debate hits home for actress Diane
/// Guerrero. Actress Diane Guerrero has become ..."), when it says it is an interview
/// ("interview", "questions and answers", "spoke to") and no FAQ; not the byline's writer, nor
/// one a question speaks of ("Q: Did you see Mr Bell that night?", a witness's evidence).
fn most_named_before_turns(cx: &Cx, turns: &[(usize, Turn)]) -> Option<usize> {
    let text = &cx.doc.text;
    let first_turn = turns.first().map_or(0, |t| t.0);
    let intro = text[..first_turn].to_lowercase();
    let cue = ["interview", "questions and answers", "q&a", "spoke to", "talked to", "spoke with", "talked with"];
    if !cue.iter().any(|c| intro.contains(c)) || intro.contains("frequently asked") || intro.contains("faq") {
        return None;
    }
    let writer = byline_writer(cx);
    // (named or "he" in a question, not called by name: "Ms Vasquez, why did you sell?")
    let v = &cx.v;
    let asked_about = |e: usize| {
        cx.doc.mentions.iter().any(|m| {
            let (mut a, z) = (v.token_from(m.span.start), v.token_from(m.span.end));
            while a > 0 && (v.info[a - 1].has(f::HON) || v.punct(a - 1, b'.')) {
                a -= 1;
            }
            let called = v.punct(z, b',') && a > 0 && (v.punct(a - 1, b':') || v.punct(a - 1, b','));
            m.entity == Some(e)
                && !called
                && !["you", "your"].iter().any(|w| m.span.of(text).eq_ignore_ascii_case(w))
                && turn_at(turns, m.span.start) == Some(Turn::Question)
        })
    };
    // (a journalist who spoke to or interviewed someone is the interviewer: "Our reporter Callum
    // Reid spoke to Elena Vasquez")
    const JOURNALISTS: &[&str] = &["reporter", "editor", "correspondent", "journalist", "writer", "columnist"];
    let journalist =
        |e: usize| cx.doc.entities[e].roles.iter().any(|r| JOURNALISTS.iter().any(|j| r.to_lowercase().contains(j)));
    let asks = |m: &Mention| {
        let z = v.token_from(m.span.end);
        v.is(z, "interviewed") || ["spoke", "talked"].iter().any(|w| v.is(z, w)) && m.entity.is_some_and(journalist)
    };
    let mut counts: Vec<(usize, usize)> = Vec::new();
    let mut askers: Vec<usize> = Vec::new();
    for m in cx.doc.mentions.iter().take_while(|m| m.span.end <= first_turn) {
        if let Some(e) = m.entity.filter(|&e| cx.doc.entities[e].ty == EntityType::Person) {
            match counts.iter_mut().find(|c| c.0 == e) {
                Some(c) => c.1 += 1,
                None => counts.push((e, 1)),
            }
            if asks(m) {
                askers.push(e);
            }
        }
    }
    counts.retain(|c| Some(c.0) != writer && !askers.contains(&c.0));
    counts.sort_by_key(|c| std::cmp::Reverse(c.1));
    match counts[..] {
        [(e, k), ref rest @ ..] if k >= 2 && rest.first().is_none_or(|r| r.1 < k) && !asked_about(e) => Some(e),
        _ => None,
    }
}

/// The interviewer of a transcript whose one interviewed is `interviewed`: a byline's writer, else
/// the one the introduction says the one interviewed spoke to ("She spoke to Callum Reid at City
/// Hall"; not "Our reporter Callum Reid spoke to Elena Vasquez"), never the one interviewed.
fn interviewer(cx: &Cx, interviewed: Option<usize>) -> Option<usize> {
    let v = &cx.v;
    // (the one who spoke is the one interviewed, by name or as "she")
    let spoke_to = |i: usize| {
        i > 1
            && v.is(i, "to")
            && ["spoke", "talked", "speaks", "talks"].iter().any(|w| v.is(i - 1, w))
            && (["she", "he", "they"].iter().any(|w| v.is(i - 2, w))
                || interviewed.is_some() && cx.person_entity(i - 2) == interviewed)
    };
    let top = (0..v.len()).take_while(|&i| v.toks[i].span.start < 600);
    byline_writer(cx)
        .or_else(|| top.filter(|&i| spoke_to(i)).find_map(|i| cx.person_entity(i + 1)))
        .filter(|&e| Some(e) != interviewed)
}

/// True when a speaker is a transcript's turn label ("A" or "Q" before a colon; see
/// `indirect::turns`).
fn turn_label(cx: &Cx, sp: &Speaker) -> bool {
    sp.span.len() == 1 && (cx.v.s(sp.head) == "A" || cx.v.s(sp.head) == "Q") && cx.v.punct(sp.head + 1, b':')
}

/// The person a message's header names as its sender: the first one named in its "From:" value
/// or attribution line ("On Tue, 14 May 2024, Ann Lee <ann@x.example> wrote:").
fn sender(cx: &Cx, from: Span) -> Option<usize> {
    let people = cx.doc.mentions.iter().filter(|m| m.ty == EntityType::Person);
    people.skip_while(|m| m.span.start < from.start).take_while(|m| m.span.end <= from.end).find_map(|m| m.entity)
}

/// Speakers resolved in text order: a pronoun takes the speaker of the record before it when
/// that one is near and agrees in gender; a text ("the letter") its author; "I" the author of
/// a first-person statement; a record that continues another its resolved speaker.
fn resolve(cx: &Cx, recs: &mut [Rec]) {
    // the sentence of the quotation before, the last token of it and its attribution, and its
    // speaker
    let mut prev: Option<(u32, usize, Speaker)> = None;
    let mut prev_person: Option<(u32, usize, Speaker)> = None;
    let mut narr: Option<Option<usize>> = None;
    let mut turns: Option<Vec<(usize, Turn)>> = None;
    let mut resolved: Vec<(usize, Speaker)> = Vec::new();
    for r in recs.iter_mut() {
        let sent = cx.v.sent[r.first];
        if let Some(a) = r.attr.as_mut()
            && let Some(sp) = a.speaker.as_mut()
        {
            if r.inherited {
                if let Some((_, s)) = resolved.iter().rev().find(|(st, _)| *st == sp.span.start) {
                    *sp = *s;
                }
            } else if !sp.pronoun && sp.entity.is_none() && first_person(cx, sp) {
                let at = sp.span.start;
                let message = cx.mail.iter().rfind(|h| h.body.start <= at && at < h.body.end);
                // in a message, its sender; in an interview, the one interviewed in the answers
                // and its byline's writer elsewhere; else the author a statement names
                let turns = turns.get_or_insert_with(|| transcript_turns(&cx.doc.text));
                sp.entity = match (message.and_then(|h| h.from), turn_at(turns, at)) {
                    (Some(from), _) => sender(cx, from),
                    (None, Some(Turn::Question | Turn::Before)) => byline_writer(cx),
                    (None, _) => *narr.get_or_insert_with(|| narrator(cx, turns)),
                };
            } else if sp.entity.is_none()
                && sp.span.len() == 3
                && cx.v.is(sp.head, "you")
                && turn_at(turns.get_or_insert_with(|| transcript_turns(&cx.doc.text)), sp.span.start)
                    == Some(Turn::Question)
            {
                // "Q: You said yesterday that ...": the one interviewed (in a transcript)
                sp.entity = *narr.get_or_insert_with(|| narrator(cx, turns.as_deref().unwrap_or_default()));
            } else if sp.pronoun {
                let g = sp.gender;
                // "he" or "she" after a text or a body spoke is the person who spoke before
                // ("…, the paper noted … Although he says he “loves China”")
                let personal = matches!(g, Gender::Male | Gender::Female);
                let before =
                    if personal && prev.is_some_and(|(_, _, p)| !may_be_person(cx, &p)) { prev_person } else { prev };
                if let Some((ps, pl, p)) = before
                    && ps + 3 >= sent
                    && p.gender.agrees(g)
                    && (p.entity.is_some() || !p.pronoun)
                    && !first_person(cx, &p)
                    && !named_between(cx, pl, sp.head, p.entity, g)
                {
                    sp.entity = p.entity;
                    if sp.gender == Gender::Any {
                        sp.gender = p.gender;
                    }
                }
            } else if sp.entity.is_none() && cx.v.info[sp.head].has(f::ARTIFACT) {
                sp.entity = attrib::author(cx, sp.head);
            } else if sp.entity.is_none() {
                sp.entity = organisation_named_before(cx, sp).or_else(|| person_of_age(cx, sp));
            }
            let s = *sp;
            resolved.push((s.span.start, s));
            // (names after the quotation's last token but inside its own attribution do not
            // count: "…,” Tom Fenn told Karl Novak. “…,” he added.")
            // (a transcript's turn is no antecedent: its speaker says "I", and "he" in an answer
            // is someone else)
            if turn_label(cx, &s) {
                continue;
            }
            let last = r.last.max(r.first);
            prev = Some((cx.v.sent[last], r.attr.as_ref().map_or(last, |a| a.end.max(last)), s));
            if may_be_person(cx, &s) {
                prev_person = prev;
            }
        }
    }
}

/// How far back, in bytes (about five paragraphs), an organisation named before a description
/// of it may stand.
const NAMED_LATELY: usize = 3000;

/// The organisation a description of two words speaks for ("The fund said" after "the Harbridge
/// Council Pension Fund", "the council said" after "Harbridge Council"): the last one named
/// before it whose name ends with the description's noun.
fn organisation_named_before(cx: &Cx, sp: &Speaker) -> Option<usize> {
    let text = &cx.doc.text;
    let words: Vec<&str> = sp.span.of(text).split_whitespace().collect();
    let [det, noun] = words[..] else { return None };
    if !det.eq_ignore_ascii_case("the") || !noun.starts_with(char::is_lowercase) {
        return None;
    }
    // (a sports club's name ends with its own word: "the club" after "Brennock Athletic")
    const CLUBS: &[&str] = &["fc", "afc", "athletic", "united", "rovers", "wanderers", "albion", "hotspur", "rangers"];
    let ends_with_noun = |m: &&Mention| {
        m.span.of(text).rsplit(' ').next().is_some_and(|w| {
            w.eq_ignore_ascii_case(noun)
                || noun.eq_ignore_ascii_case("club") && CLUBS.iter().any(|c| w.eq_ignore_ascii_case(c))
        })
    };
    // (named lately: "the party" 4,000 bytes after the Workers World Party was the Democrats)
    let lately = |m: &&Mention| m.span.end + NAMED_LATELY >= sp.span.start;
    let before = cx.doc.mentions.iter().rev().filter(|m| m.span.end <= sp.span.start && m.ty == EntityType::Org);
    before.take_while(lately).find(ends_with_noun)?.entity
}

/// False when the speaker is a thing ("it"), a text ("the paper") or an organisation it was
/// resolved to, but not a text its own phrase gives a person ("Tuttle's article also attacked
/// Christie. He calls ...", "a letter from Ann Lee").
fn may_be_person(cx: &Cx, sp: &Speaker) -> bool {
    if cx.v.info[sp.head].has(f::ARTIFACT) {
        return attrib::owner(cx, sp.head).is_some();
    }
    match sp.entity {
        Some(e) => cx.doc.entities[e].ty == EntityType::Person,
        None => sp.gender != Gender::Neuter,
    }
}

/// The person a byline line near the top names ("By Hallam Price"): an interview's interviewer.
fn byline_writer(cx: &Cx) -> Option<usize> {
    let v = &cx.v;
    let line_start = |i: usize| i == 0 || v.text[v.toks[i - 1].span.end..v.toks[i].span.start].contains('\n');
    let top = (0..v.len()).take_while(|&i| v.toks[i].span.start < 600);
    top.filter(|&i| v.is(i, "by") && v.cap(i) && line_start(i)).find_map(|i| cx.person_entity(i + 1))
}

/// Where a byte stands in an interview's transcript.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Turn {
    /// Before its first question or answer: the interviewer's introduction.
    Before,
    /// In a question: from a line that opens with "Q:" to the next answer.
    Question,
    /// In an answer: from a line that opens with "A:" to the next question.
    Answer,
}

/// The lines of an interview's transcript that open a question ("Q:") or an answer ("A:"), by
/// byte offset; none when the text is no transcript (it lacks either).
fn transcript_turns(text: &str) -> Vec<(usize, Turn)> {
    let mut turns = Vec::new();
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        match line.trim_start().get(..2) {
            Some("Q:") => turns.push((offset, Turn::Question)),
            Some("A:") => turns.push((offset, Turn::Answer)),
            _ => {}
        }
        offset += line.len();
    }
    let both = [Turn::Question, Turn::Answer].iter().all(|t| turns.iter().any(|(_, u)| u == t));
    if !both {
        turns.clear();
    }
    turns
}

/// The turn byte `at` stands in, given a transcript's `turns`; `None` for no transcript.
fn turn_at(turns: &[(usize, Turn)], at: usize) -> Option<Turn> {
    let here = turns.iter().take_while(|(offset, _)| *offset <= at).last();
    (!turns.is_empty()).then(|| here.map_or(Turn::Before, |&(_, t)| t))
}

/// The person "the 24-year-old" (or "the 24-year-old woman", "the 57-year-old scientist": a
/// person noun or a role after it) speaks for: the one whose age the text gave as 24 beside the
/// name ("Tobi Okafor, 24,"), else the person whose name was last given outside quotation marks
/// in its sentence or the one before, in its paragraph ("... signed Tobi Okafor on Friday. The
/// 24-year-old said ..."; not a name in the quotation it attributes, nor a photo credit's
/// above it), unless the text gave that one another age or the gender disagrees.
fn person_of_age(cx: &Cx, sp: &Speaker) -> Option<usize> {
    let text = &cx.doc.text;
    let words: Vec<&str> = sp.span.of(text).split_whitespace().collect();
    if !(2..=3).contains(&words.len()) || !words[0].eq_ignore_ascii_case("the") {
        return None;
    }
    let v = &cx.v;
    let a_person = matches!(sp.gender, Gender::Male | Gender::Female) || v.info[sp.head].has(f::ROLE | f::SRC);
    if words.len() == 3 && !a_person {
        return None;
    }
    let age: u32 = words[1].strip_suffix("-year-old")?.parse().ok()?;
    let people = || cx.doc.mentions.iter().filter(|m| m.ty == EntityType::Person && m.span.end <= sp.span.start);
    // the age given beside a name: "Anna Lind, 31,"
    let age_of = |m: &Mention| {
        let after = text[m.span.end..].strip_prefix(", ")?;
        let digits = after.find(|c: char| !c.is_ascii_digit())?;
        after[digits..].starts_with(',').then(|| after[..digits].parse::<u32>().ok()).flatten()
    };
    if let Some(m) = people().rfind(|m| age_of(m) == Some(age)) {
        return m.entity;
    }
    let token = |m: &Mention| v.token_from(m.span.start);
    let last = people().rfind(|m| m.kind == MentionKind::Name && cx.seg(token(m)).is_none())?;
    let e = last.entity?;
    let at = token(last);
    let near = v.sent[at] + 1 >= v.sent[sp.head] && !(at + 1..=sp.head).any(|k| v.toks[k].para_start);
    let other_age = people().any(|m| m.entity == Some(e) && age_of(m).is_some_and(|a| a != age));
    let agrees = cx.ent_gender.get(e).is_none_or(|g| g.agrees(sp.gender));
    (near && !other_age && agrees).then_some(e)
}

/// True when the speaker is the text's "I": its narrator, whom no pronoun of another quotation continues.
fn first_person(cx: &Cx, sp: &Speaker) -> bool {
    sp.span.len() == 1 && cx.v.is(sp.head, "I")
}

/// True when a person other than `ent`, of a gender that agrees with `g`, is named outside
/// quotation marks between tokens `a` and `b`: a pronoun after that name is no longer the
/// speaker of the quotation before ("…,” the editor Steven Ginsberg responded. Carson’s
/// endorsement came with caveats. He may add to it, he said.").
fn named_between(cx: &Cx, a: usize, b: usize, ent: Option<usize>, g: Gender) -> bool {
    (a + 1..b).any(|t| {
        cx.seg(t).is_none()
            && cx.mention(t).is_some_and(|m| {
                let men = &cx.doc.mentions[m];
                men.ty == EntityType::Person
                    && men.kind != MentionKind::Pronoun
                    && men.entity.is_some_and(|e| Some(e) != ent && cx.ent_gender[e].agrees(g))
            })
    })
}

/// True when the entity may speak: a person, an organisation, a place standing for its
/// government, or a work.
pub(crate) fn can_speak(ty: EntityType) -> bool {
    matches!(ty, EntityType::Person | EntityType::Org | EntityType::Loc | EntityType::Misc)
}
