//! The tense around a time expression: whether a bare "January" or "Tuesday" is the one
//! before the document date or the one after. Read from the words of the expression's clause,
//! by their classes in the lexicon; the engine knows no English word.

use super::Doc;
use super::resolve::{Tense, days_back};
use dossier_model::{Span, TokenKind};
use jiff::civil::Date;

/// What the words just before an expression say.
struct Prep {
    /// The tense they give: "since" the past; "by", "ahead of" the future.
    tense: Option<Tense>,
    /// A deadline ("by", "until", "as early as"), which a past verb of its clause can put behind.
    deadline: bool,
}

/// The stretch of the sentence whose verbs can give an expression its tense.
struct Clause {
    /// First token looked at, and the one after the last.
    s0: usize,
    s1: usize,
    /// Where the expression's own clause begins before it: a comma, a bracket, or "that" after
    /// a verb.
    comma_before: Option<usize>,
    /// Where its clause ends after it: a comma, or "and"/"but" right after it (`usize::MAX`: none).
    comma_after: usize,
}

/// The expression whose tense is sought: its tokens, and whether it names a thing ("his
/// Tuesday wins", "October's debate"), which a condition before it says nothing about.
#[derive(Clone, Copy)]
struct Target {
    start: usize,
    end: usize,
    names_thing: bool,
}

/// What one word says of the expression's tense.
enum Reading {
    Nothing,
    /// A verb or an auxiliary that gives a tense.
    Verb(Tense),
    /// A report right beside the expression ("said Thursday"): its verb, in the past.
    Report,
    /// A report too far to be the expression's verb: a weak past.
    FarReport,
}

impl Doc<'_> {
    /// The tense of the verb nearest the expression in its clause: a preposition just before it
    /// ("since", "by"), a future or past word ("will", "was"), a past form by its suffix
    /// ("captured"), and failing those a reporting verb ("said"), which news puts beside any
    /// tense.
    pub(super) fn tense(&self, span: Span) -> Tense {
        self.tense_and_weakness(span).0
    }

    /// True when the expression's tense comes from no verb of its own but only from a report
    /// too far from it to be its verb ("he said, because he prizes ... in November").
    pub(super) fn tense_is_weak(&self, span: Span) -> bool {
        self.tense_and_weakness(span).1
    }

    /// The tense (see [`Doc::tense`]), and whether only a far report gave it.
    fn tense_and_weakness(&self, span: Span) -> (Tense, bool) {
        let cls = self.g.cls;
        let start = self.tokens.partition_point(|t| t.span.start < span.start);
        let end = self.tokens.partition_point(|t| t.span.start < span.end);
        let prep = self.preposition(start);
        let Clause { s0, s1, comma_before, comma_after } = self.clause(span, start, end);
        let names_thing =
            (start > 0 && self.g.in_class(self.word(start - 1), cls.owner)) || self.possessive_after(span);
        // the expression and its preposition open their clause (a quotation mark or a
        // conjunction may open it first: "\"By December, we were looking\"", "but by Sunday
        // afternoon the speech had been reframed"), and so may "not" ("Not until May did anyone
        // call")
        let mut open = comma_before.map_or(s0, |c| c + 1);
        while open < start
            && (self.tokens[open].kind == TokenKind::Quote
                || self.g.in_class(self.word(open), cls.coordinator)
                || self.g.in_class(self.word(open), cls.negation))
        {
            open += 1;
        }
        let fronted = start >= 1 && open + 1 >= start;
        let target = Target { start, end, names_thing };
        let mut best: Option<(usize, Tense)> = None;
        // whether `best` is a verb before the expression outside its clause
        let mut best_elsewhere = false;
        let mut weak: Option<(usize, Tense)> = None;
        // the verb just before the expression, if any: it outweighs a preposition
        let mut close: Option<Tense> = None;
        // a verb in the expression's own clause before it outweighs those past a comma after it
        // ("supporters are expected to back her in November, she has not changed"), but not
        // those of a relative clause on it ("in July, where he will"); a fronted expression
        // takes the verb after its comma ("In November, she will")
        let mut in_clause = false;
        // past and future verbs in the expression's own clause before it ("had filed reports by
        // Wednesday", "will have filed"), and whether one grants time ("extended its deadline
        // until Tuesday")
        let (mut own_past, mut own_future, mut granted) = (false, false, false);
        // a report seen after the expression, before the word at hand
        let mut reported = false;
        for i in s0..s1 {
            if (start..end).contains(&i) || (i > comma_after && in_clause) {
                continue;
            }
            let w = self.word(i);
            // a word before the expression, with no comma between them
            let own_clause = i < start && comma_before.is_none_or(|c| i > c);
            let grants = self.g.in_class(w, cls.granting);
            granted |= own_clause && grants;
            // a verb that grants time has no say on the deadline after it ("adjourned until Monday")
            if grants && i < start && prep.deadline {
                continue;
            }
            let after_report = reported;
            reported |= i >= end && (self.g.in_class(w, cls.report) || self.g.in_class(w, cls.reportnow));
            let dist = if i < start { start - i } else { i + 1 - end };
            let t = match self.reading(i, w, &target, dist, after_report) {
                Reading::Nothing => continue,
                Reading::FarReport => {
                    if weak.is_none_or(|(d, _)| dist < d) {
                        weak = Some((dist, Tense::Past));
                    }
                    // "Lee, who told reporters of a plan on Monday, plans to": a report too far to
                    // be the expression's verb still closes its clause
                    in_clause |= own_clause;
                    continue;
                }
                Reading::Report => {
                    if i < start {
                        close = Some(Tense::Past);
                    }
                    Tense::Past
                }
                Reading::Verb(t) => t,
            };
            // nearest wins; on a tie the verb before the expression, unless a clause of its own
            // lies between ("decided that on Monday, he will resign")
            if best.is_none_or(|(d, _)| dist < d || (dist == d && best_elsewhere && i >= end)) {
                best = Some((dist, t));
                best_elsewhere = i < start && !own_clause;
            }
            in_clause |= own_clause;
            if i < start && dist <= 2 {
                close = Some(t);
            }
            own_past |= own_clause && t == Tense::Past;
            own_future |= own_clause && t == Tense::Future;
        }
        // a verb right before the expression outweighs its preposition ("had filed by Wednesday"),
        // which outweighs verbs further away
        match (close, prep.tense) {
            // "had raised $38 million by the end of June", "has raised through the end of June": a
            // deadline in the past (not "maintained their lead ahead of Monday's caucuses")
            (None, Some(Tense::Future)) if own_past && !own_future && prep.deadline && !granted => (Tense::Past, false),
            // a deadline that opens its clause takes the clause's verb after it ("noted that
            // through the end of March, spending had reached $2 million")
            (None, Some(Tense::Future)) if prep.deadline && fronted && best.is_some_and(|(_, t)| t == Tense::Past) => {
                (Tense::Past, false)
            }
            (Some(t), _) | (None, Some(t)) => (t, false),
            _ => match (best, weak) {
                (Some((_, t)), _) => (t, false),
                (None, Some((_, t))) => (t, true),
                (None, None) => (self.tense_of_event(end), false),
            },
        }
    }

    /// The tense of a weekday that names an event by its possessive ("Monday's debate",
    /// "Thursday night's debate"), `w` its number, when it has a rule of its own: the verbs
    /// around such a name tell what is said of the event, not when it was ("Monday's decision
    /// will reverberate", "Rubio's debate performance just days before Tuesday's primary has
    /// emboldened"), and news means the one of the last three days, or else one of the coming
    /// two. `None` (the verbs decide) when it is no possessive, when the words before it give a
    /// deadline or follow an event ("until Monday's announcement, stocks were trading", "after
    /// Thursday's debate, Cruz must travel"), and for the weekday four days back, which news
    /// names as often for the coming week ("while Monday's debate will be his first" on a
    /// Friday) as for the past one.
    pub(super) fn possessive_weekday_tense(&self, span: Span, w: u8, dct: Date) -> Option<Tense> {
        if !self.possessive_after(span) {
            return None;
        }
        let start = self.tokens.partition_point(|t| t.span.start < span.start);
        let prep = self.preposition(start);
        if prep.deadline || (start > 0 && self.g.in_class(self.word(start - 1), self.g.cls.retro)) {
            return None;
        }
        if prep.tense.is_some() {
            // "ahead of Tuesday's vote", "since Monday's debate"
            return prep.tense;
        }
        match days_back(dct, w) {
            0..=3 => Some(Tense::Past),
            4 => None,
            _ => Some(Tense::Future),
        }
    }

    /// True when a possessive "'s" follows the expression ("Monday's debate").
    fn possessive_after(&self, span: Span) -> bool {
        self.text.get(span.end..).is_some_and(|r| r.starts_with("'s") || r.starts_with("\u{2019}s"))
    }

    /// True when the weekday at `span` names when an event happens, right after its noun ("the
    /// New Hampshire primary on Tuesday", "a debate Thursday").
    pub(super) fn weekday_of_event(&self, span: Span) -> bool {
        let start = self.tokens.partition_point(|t| t.span.start < span.start);
        let c = self.g.cls;
        let event = |k: usize| [c.event, c.dayevent].iter().any(|&x| self.g.in_class(self.word(k), x));
        (start >= 1 && event(start - 1))
            || (start >= 2 && self.g.in_class(self.word(start - 1), c.clockday) && event(start - 2))
    }

    /// True when a plan seen from the past comes before the expression in its clause ("was to
    /// arrive on Monday", "was set to headline Tuesday", "was planning to hold ... on Thursday").
    pub(super) fn planned_in_past(&self, span: Span) -> bool {
        let start = self.tokens.partition_point(|t| t.span.start < span.start);
        let c = self.g.cls;
        (start.saturating_sub(8)..start)
            .rev()
            .take_while(|&k| !matches!(self.tokens[k].kind, TokenKind::Punct | TokenKind::Quote))
            .any(|k| self.plan_aux(k, &[c.future, c.scheduled]))
    }

    /// True when token `k` is an auxiliary of a plan ("was", "were") before "to" or, within two
    /// words, a word of one of the classes `ahead` ("was to speak", "was set to", "were planning").
    fn plan_aux(&self, k: usize, ahead: &[u16]) -> bool {
        self.g.in_class(self.word(k), self.g.cls.planaux)
            && (self.text_at(k + 1).eq_ignore_ascii_case("to")
                || (k + 1..k + 3).any(|j| ahead.iter().any(|&a| self.g.in_class(self.word(j), a))))
    }

    /// True when the words before the expression put it in the past by themselves ("since").
    pub(super) fn after_pastprep(&self, span: Span) -> bool {
        let start = self.tokens.partition_point(|t| t.span.start < span.start);
        self.preposition(start).tense == Some(Tense::Past)
    }

    /// What the words just before the expression starting at token `start` say.
    fn preposition(&self, start: usize) -> Prep {
        let cls = self.g.cls;
        let before_is = |k: usize, c: u16| start >= k && self.g.in_class(self.word(start - k), c);
        // "by", "until", "through", "as early as" just before: a deadline
        let as_early_as = before_is(1, cls.equative) && before_is(2, cls.earliest) && before_is(3, cls.equative);
        // ... but "through" or "until" that ends a range is none ("From March through May",
        // "a poll taken Wednesday through Sunday")
        let range_end = || {
            (start.saturating_sub(6)..start.saturating_sub(2))
                .rev()
                .take_while(|&k| !self.verb_like(k))
                .any(|k| self.g.in_class(self.word(k), cls.rangefrom))
                || (start >= 2 && [cls.weekday, cls.month].iter().any(|&c| self.g.in_class(self.word(start - 2), c)))
        };
        let deadline = (before_is(1, cls.futureprep) && !range_end()) || as_early_as;
        // "ahead of Tuesday's vote", "in advance of", "looking ahead to the fall": ahead, but no
        // deadline
        let of_at = |k: usize| before_is(k, cls.aheadjoin) && before_is(k + 1, cls.futureprepof);
        // ("ahead of the Nov. 8 election", "ahead of the Iowa caucuses on Monday": a determiner
        // or the event's name between)
        let ahead_of = of_at(1)
            || (2..=6)
                .take_while(|&k| {
                    start > k && {
                        let j = start - k + 1;
                        !self.verb_like(j) && matches!(self.tokens[j].kind, TokenKind::Word | TokenKind::Number)
                    }
                })
                .any(of_at);
        // "as far back as June", "as recently as February"
        let as_far_back_as = before_is(1, cls.equative) && before_is(2, cls.lookback);
        let tense = if before_is(1, cls.pastprep) || as_far_back_as {
            Some(Tense::Past)
        } else if deadline || ahead_of || before_is(1, cls.toward) {
            Some(Tense::Future)
        } else {
            None
        };
        Prep { tense, deadline }
    }

    /// The stretch around the expression (tokens `start..end`) whose verbs are looked at.
    fn clause(&self, span: Span, start: usize, end: usize) -> Clause {
        let cls = self.g.cls;
        let sentence = self.sentence_of(span);
        let (s0, s1) = match self.sentences.get(sentence).filter(|s| s.start <= span.start) {
            Some(s) => (
                self.tokens.partition_point(|t| t.span.start < s.start),
                self.tokens.partition_point(|t| t.span.start < s.end),
            ),
            None => (start.saturating_sub(15), (end + 15).min(self.tokens.len())),
        };
        // the verb of an expression is near it: a dozen tokens either way is plenty, not counting
        // quotation marks ("owed $556,000 for 'survey research' and 'donor modeling' through the
        // end of June")
        let word = |k: &usize| self.tokens[*k].kind != TokenKind::Quote;
        let lo = (s0..start).rev().filter(word).nth(11).unwrap_or(s0);
        let near = (end..s1).filter(word).nth(11).map_or(s1, |k| k + 1);
        // ... but an expression that opens its sentence has its verb after whatever phrases
        // follow it, up to 40 words ("In January, a week after the 25th anniversary of the
        // decision, a bombing in Birmingham, Ala., killed a guard"), short of a second clause
        // ("On Friday night, ..., Sanders let Kingson speak first, and then ... he spent"), near
        // or far ("On Thursday, 140 schools shut, and ministers will decide": "shut" tells no
        // tense, and the second clause's "will" is not the first's)
        let hi = if self.opens_sentence(span, sentence) {
            let far = (end..s1).filter(word).nth(40).map_or(s1, |k| k + 1);
            let joins = |k: &usize| self.text_at(*k - 1) == "," && self.g.in_class(self.word(*k), cls.coordinator);
            (end + 1..far).find(joins).map_or(far, |k| k)
        } else {
            near
        };
        let (s0, s1) = (s0.max(lo), s1.min(hi));
        // a quotation and the words that report it ("'... in November,' Tester said", "he said:
        // 'In November ...'") are two clauses: the frame's past is not the quotation's
        let frame = |k: usize| {
            self.tokens[k].kind == TokenKind::Quote
                && [k.wrapping_sub(1), k + 1].iter().any(|&j| matches!(self.text_at(j), "," | ":"))
        };
        let s0 = (s0..start).rev().find(|&k| frame(k)).map_or(s0, |k| k + 1);
        // ... and so are the words before a quotation that opens right after the expression
        // ("acknowledged in a forum Monday night \"it will be very hard\"")
        let s1 = (end..s1).find(|&k| frame(k) || (k == end && self.tokens[k].kind == TokenKind::Quote)).unwrap_or(s1);
        // a colon or a semicolon joins two clauses that keep their own verbs ("a year that already
        // had a favorable landscape: Republicans have 24 seats up in November")
        let hard = |k: usize| matches!(self.text_at(k), ":" | ";");
        let s0 = (s0..start).rev().find(|&k| hard(k)).map_or(s0, |k| k + 1);
        let s1 = (end..s1).find(|&k| hard(k)).unwrap_or(s1);
        let comma_before = (s0..start)
            .rev()
            .find(|&k| matches!(self.text_at(k), "," | "(" | "?" | "!" | "--" | "\u{2014}") || self.opens_clause(k));
        // ... and a word that joins a second predicate right after it ("appeared in court
        // Wednesday and is due back in August")
        let comma_after = (end..s1)
            .find(|&k| {
                matches!(self.text_at(k), "," | "--" | "\u{2014}")
                    || (k == end && self.g.in_class(self.word(k), cls.coordinator))
            })
            .filter(|&k| !self.g.in_class(self.word(k + 1), cls.relative))
            .unwrap_or(usize::MAX);
        Clause { s0, s1, comma_before, comma_after }
    }

    /// What word `i` (id `w`, `dist` tokens from the expression) says of its tense;
    /// `after_report` when a report follows the expression before the word.
    fn reading(&self, i: usize, w: u32, target: &Target, dist: usize, after_report: bool) -> Reading {
        let Target { start, end, names_thing } = *target;
        let cls = self.g.cls;
        let is = |c: u16| self.g.in_class(w, c);
        let before = |c: u16| (i.saturating_sub(2)..i).any(|k| self.g.in_class(self.word(k), c));
        let next_is_to = self.text_at(i + 1).eq_ignore_ascii_case("to");
        // "would" is a future seen from the past: it points ahead for what follows it ("said it
        // would meet Friday"), but after the expression it is a reported clause's ("On
        // Thursday, he said he would resign"), unless the report comes first and the expression
        // is in the reported clause ("said the gathering in September would be the last")
        if is(cls.futurebefore) && i > start && !(self.report_before(start) && self.reported_subject(end)) {
            return Reading::Nothing;
        }
        if is(cls.ability) && self.negated(i) {
            return Reading::Verb(Tense::Past);
        }
        // "soon after Sunday's massacre" is shortly after it, no future
        if is(cls.earliest) && self.g.in_class(self.word(i + 1), cls.retro) {
            return Reading::Nothing;
        }
        // "plans to", "hopes to", but not "a plan"; "threatened to" before the expression, and
        // "decided to" before one that names no weekday
        let decided = is(cls.decidedto) && !(start..end).any(|k| self.g.in_class(self.word(k), cls.weekday));
        // "going" but not "kept going until 2 a.m. Friday"
        let going_on =
            i > 0 && self.g.in_class(self.word(i - 1), cls.goingon) && self.text_at(i).eq_ignore_ascii_case("going");
        let future = (is(cls.future) && !going_on)
            || self.future_form(i, w)
            || ((is(cls.futureto) || ((is(cls.promisedto) || decided) && i < start)) && next_is_to);
        // like "would", a future word after a report that follows the expression is the
        // reported clause's ("On Wednesday, his manager said he expects to win")
        if after_report && future {
            return Reading::Nothing;
        }
        if future || is(cls.futurebefore) {
            // "had been scheduled to": an auxiliary just before puts it in the past, and so does
            // a perfect after it ("must have known in January", "the role he could have Tuesday")
            let perfect = is(cls.modal)
                && self.g.in_class(self.word(i + 1), cls.haveto)
                && (self.participle(i + 2) || i + 2 == start);
            return Reading::Verb(if before(cls.pastaux) || perfect { Tense::Past } else { Tense::Future });
        }
        if is(cls.conditional) {
            // "if he wins in November"
            return if i > start || names_thing { Reading::Nothing } else { Reading::Verb(Tense::Future) };
        }
        // "if she were to win in November", "was to speak Monday"
        if self.plan_aux(i, &[cls.future]) {
            return Reading::Nothing;
        }
        if is(cls.haveto) {
            // "has to move through a June hearing": an obligation ahead, no perfect; "they have
            // a new weapon": a present, no perfect
            if next_is_to {
                return Reading::Verb(Tense::Future);
            }
            if !(i + 1..i + 3).any(|k| self.participle(k)) {
                return Reading::Nothing;
            }
        }
        if is(cls.past) || self.past_form(i, w) {
            // "would be paid", "is heard": a passive participle, not a past tense; "an address to
            // be delivered Wednesday": a passive infinitive, which points ahead (not "was to be
            // issued on Wednesday", a plan seen from the past)
            if i >= 2
                && self.g.in_class(self.word(i - 1), cls.passaux)
                && self.g.in_class(self.word(i - 2), cls.infinitive)
                && !(i >= 3 && self.g.in_class(self.word(i - 3), cls.planaux))
            {
                return Reading::Verb(Tense::Future);
            }
            // "to meet families affected by last week's flooding": a participle between a noun
            // and "by" after the expression, past a verb or "to", describes the noun; the
            // clause's verb is elsewhere (not "Late on Tuesday the measure passed by 52 votes")
            let reduced_relative = i > end
                && (end..i - 1).any(|k| self.text_at(k).eq_ignore_ascii_case("to") || self.verb_like(k))
                && self.text_at(i + 1).eq_ignore_ascii_case("by")
                && self.tokens[i - 1].kind == TokenKind::Word
                && self.text_at(i - 1).starts_with(|c: char| c.is_ascii_lowercase())
                && ![cls.subject, cls.pastaux, cls.passaux].iter().any(|&c| self.g.in_class(self.word(i - 1), c));
            return if before(cls.passaux) || reduced_relative { Reading::Nothing } else { Reading::Verb(Tense::Past) };
        }
        let next = self.word(i + 1);
        // "would hold": no tense of its own; "a visit to Scotland": a noun; "Tuesday's move by
        // Ford, which holds": another thing's clause; "let Kingson speak first": an infinitive
        // after its causer's object
        let not_present = || {
            (i > 0 && [cls.basebefore, cls.determiner].iter().any(|&c| self.g.in_class(self.word(i - 1), c)))
                || (i >= end && before(cls.relative))
                || self.after_causer(i)
        };
        if (is(cls.present) && !not_present())
            || (is(cls.tobe) && self.g.in_class(next, cls.tobenext))
            || (is(cls.scheduled) && self.g.in_class(next, cls.schedulednext))
            || (is(cls.kickoff) && self.g.in_class(next, cls.kickoffnext))
            // "the deadline is Friday"
            || (is(cls.copula) && i + 1 == start)
        {
            // news puts what is scheduled in the present ("the summit opens Thursday")
            return Reading::Verb(Tense::Future);
        }
        if is(cls.report) {
            // "said Thursday", "said on Thursday", "said in a statement on Thursday": the report
            // is the verb of the expression
            // ... but not "said the gathering in September would be": a verb after the
            // expression makes the words between a reported clause's subject
            let beside = dist <= 2
                || (i < start
                    && dist <= 5
                    && !(i + 1..start).any(|k| self.verb_like(k) || self.opens_clause(k))
                    && !self.reported_subject(end));
            return if beside { Reading::Report } else { Reading::FarReport };
        }
        Reading::Nothing
    }

    /// True when a verb that takes a bare infinitive and its object come just before word `i`,
    /// in its clause ("let Kingson speak", "made the board meet"), so that the word has no tense
    /// of its own; not a noun ("the tornado watch expires Friday").
    fn after_causer(&self, i: usize) -> bool {
        let c = self.g.cls;
        (i.saturating_sub(4)..i)
            .rev()
            .take_while(|&k| {
                !matches!(self.tokens[k].kind, TokenKind::Punct | TokenKind::Quote)
                    && !self.g.in_class(self.word(k), c.relative)
            })
            .any(|k| {
                k + 1 < i
                    && self.g.in_class(self.word(k), c.causative)
                    && !(k > 0 && self.g.in_class(self.word(k - 1), c.determiner))
            })
    }

    /// True when a negation comes right after word `i` or before it in its clause ("could not",
    /// "neither he nor his aides could").
    fn negated(&self, i: usize) -> bool {
        let cls = self.g.cls;
        let negation =
            |k: usize| self.g.in_class(self.word(k), cls.negation) && !self.g.in_class(self.word(k + 1), cls.additive);
        let stop = |k: usize| {
            matches!(self.text_at(k), "," | ";" | ":" | "(")
                || [cls.complementizer, cls.conditional, cls.relative].iter().any(|&c| self.g.in_class(self.word(k), c))
        };
        negation(i + 1) || (i.saturating_sub(7)..i).rev().take_while(|&k| !stop(k)).any(negation)
    }

    /// With no verb to go by, "the November election" (or "November's general election") is the
    /// one ahead; a full date keeps the nearest ("his showing in the March 15 primary").
    fn tense_of_event(&self, end: usize) -> Tense {
        let cls = self.g.cls;
        let event = |k: usize| self.g.in_class(self.word(k), cls.event);
        let bare = end > 0 && self.tokens[end - 1].kind == TokenKind::Word;
        let end = if self.possessive_at(end) { end + 1 } else { end };
        if bare && (event(end) || (self.g.in_class(self.word(end), cls.eventadj) && event(end + 1))) {
            Tense::Future
        } else {
            Tense::Unknown
        }
    }

    /// True when a report comes a few words before the expression starting at token `start`,
    /// with no pause between ("said the gathering in September").
    fn report_before(&self, start: usize) -> bool {
        (start.saturating_sub(6)..start)
            .rev()
            .take_while(|&k| !matches!(self.text_at(k), "," | ";" | ":" | "(" | "\"" | "\u{201C}" | "\u{201D}"))
            .any(|k| self.g.in_class(self.word(k), self.g.cls.report))
    }

    /// True when a future word follows the expression ending before token `end` within a few
    /// words and no pause: the expression sits in the subject of the clause of that word.
    fn reported_subject(&self, end: usize) -> bool {
        let c = self.g.cls;
        (end..end + 4)
            .take_while(|&k| {
                k < self.tokens.len()
                    && !matches!(self.text_at(k), "," | ";" | ":" | "(")
                    && ![c.subject, c.complementizer, c.relative].iter().any(|&x| self.g.in_class(self.word(k), x))
            })
            .any(|k| self.g.in_class(self.word(k), c.futurebefore) || self.g.in_class(self.word(k), c.future))
    }

    /// "That" after a verb opens a clause ("said that in January the law will change"); after a
    /// noun it is a relative one on the noun ("the role that he could have Tuesday").
    fn opens_clause(&self, k: usize) -> bool {
        self.g.in_class(self.word(k), self.g.cls.complementizer) && k > 0 && self.verb_like(k - 1)
    }

    /// A word that gives a tense, or a verb of report.
    pub(super) fn verb_like(&self, i: usize) -> bool {
        let c = self.g.cls;
        let w = self.word(i);
        [c.future, c.past, c.present, c.tobe, c.scheduled, c.report].iter().any(|&k| self.g.in_class(w, k))
            || self.past_form(i, w)
            || self.future_form(i, w)
    }

    /// True when token `i` can be a past participle ("won", "captured", "been").
    fn participle(&self, i: usize) -> bool {
        let w = self.word(i);
        self.g.in_class(w, self.g.cls.past) || self.g.in_class(w, self.g.cls.participle) || self.past_form(i, w)
    }

    /// A lowercase word with a past suffix ("captured") that is not listed as an exception nor
    /// follows a determiner ("a contested convention").
    pub(super) fn past_form(&self, i: usize, w: u32) -> bool {
        self.verb_form(i, w, &self.g.past_suffixes)
    }

    /// A lowercase word with a suffix of the future, in a language that writes it in one word
    /// (Spanish "comenzará"), on the terms of [`Doc::past_form`].
    fn future_form(&self, i: usize, w: u32) -> bool {
        !self.g.future_suffixes.is_empty() && self.verb_form(i, w, &self.g.future_suffixes)
    }

    /// A lowercase word of letters with one of `suffixes`, not listed as no verb nor after a
    /// determiner or a number.
    fn verb_form(&self, i: usize, w: u32, suffixes: &[&str]) -> bool {
        // callers look a word or two past a verb, which may be past the text's end
        let Some(t) = self.tokens.get(i).map(|t| t.span.of(self.text)) else { return false };
        // (letters of any script: "anunció")
        if t.len() < 5 || !t.starts_with(char::is_lowercase) || !t.chars().all(char::is_alphabetic) {
            return false;
        }
        // after a determiner or a number it describes a noun ("a contested convention", "271
        // pledged delegates")
        if self.g.in_class(w, self.g.cls.notpast)
            || (i > 0
                && (self.g.in_class(self.word(i - 1), self.g.cls.determiner)
                    || self.text_at(i - 1).starts_with(|c: char| c.is_ascii_digit())))
        {
            return false;
        }
        suffixes.iter().any(|s| t.ends_with(s))
    }
}
