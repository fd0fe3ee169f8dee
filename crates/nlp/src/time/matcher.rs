//! Matching the rules over a document: tokens become atoms (a hyphenated word is split into its
//! pieces so that "five-year" and "mid-1990s" can be read), and at each atom that can start an
//! expression the rules indexed there are tried; the longest match wins.

use super::grammar::{Atomic, Elem, Grammar, Kind, MAX_CAPS, NO_WORD, Rule, Shape, Val};
use dossier_model::{Token, TokenKind};
use std::cell::Cell;

/// A word id not looked up yet.
const UNSET: u32 = u32::MAX - 1;

/// A token, or a piece of a hyphenated word, with what the grammar knows of it.
#[derive(Debug, Clone)]
pub(crate) struct Atom {
    pub start: u32,
    pub end: u32,
    /// Word id in the grammar, or [`NO_WORD`]; looked up when first needed, since most atoms
    /// of a window are never looked at.
    word: Cell<u32>,
    /// Contains an ASCII digit: number shapes may match.
    pub digit: bool,
    /// Starts with a capital letter.
    pub cap: bool,
}

impl Atom {
    #[inline]
    pub(crate) fn text<'a>(&self, text: &'a str) -> &'a str {
        &text[self.start as usize..self.end as usize]
    }

    /// The word id of the atom.
    #[inline]
    pub(crate) fn word(&self, g: &Grammar, text: &str) -> u32 {
        let w = self.word.get();
        if w != UNSET {
            return w;
        }
        let w = if self.digit { NO_WORD } else { g.lookup_at(text.as_bytes(), self.start as usize, self.end as usize) };
        self.word.set(w);
        w
    }
}

fn atom(text: &str, start: usize, end: usize) -> Atom {
    let b = &text.as_bytes()[start..end];
    let digit = b.iter().any(u8::is_ascii_digit);
    Atom { start: start as u32, end: end as u32, word: Cell::new(UNSET), digit, cap: b[0].is_ascii_uppercase() }
}

/// Appends the atoms of some tokens, in text order.
pub(crate) fn push_atoms(text: &str, tokens: &[Token], out: &mut Vec<Atom>) {
    for t in tokens {
        let (s, e) = (t.span.start, t.span.end);
        match t.kind {
            TokenKind::Link => {
                out.push(Atom { start: s as u32, end: e as u32, word: Cell::new(NO_WORD), digit: false, cap: false })
            }
            // a range of days ("April 24-25"): the first day is a date of its own
            TokenKind::Number if let Some(h) = day_range(&text[s..e]) => {
                let number = |a: usize, b: usize| Atom {
                    start: a as u32,
                    end: b as u32,
                    word: Cell::new(NO_WORD),
                    digit: true,
                    cap: false,
                };
                out.push(number(s, s + h));
                out.push(atom(text, s + h, s + h + 1));
                out.push(number(s + h + 1, e));
            }
            // an ISO date and time ("2018-06-22T14:30:00Z"): the date, the hour and minute, and
            // what follows them (a zone the rules may take)
            TokenKind::Number if let Some(c) = iso_clock(&text[s..e]) => {
                out.push(atom(text, s, s + 10));
                out.push(atom(text, s + 11, s + c));
                if let Some(z) = text[s + c..e].find(|ch: char| !(ch.is_ascii_digit() || ch == ':' || ch == '.')) {
                    out.push(atom(text, s + c + z, e));
                }
            }
            TokenKind::Number => {
                out.push(Atom { start: s as u32, end: e as u32, word: Cell::new(NO_WORD), digit: true, cap: false })
            }
            TokenKind::Word if e - s > 2 && text.as_bytes()[s + 1..e - 1].contains(&b'-') => {
                // "five-year", "mid-1990s", "twenty-first": the pieces and the hyphens
                let mut p = s;
                for (i, &c) in text.as_bytes()[s..e].iter().enumerate() {
                    if c == b'-' {
                        let h = s + i;
                        if h > p {
                            out.push(atom(text, p, h));
                        }
                        out.push(atom(text, h, h + 1));
                        p = h + 1;
                    }
                }
                if e > p {
                    out.push(atom(text, p, e));
                }
            }
            _ => out.push(atom(text, s, e)),
        }
    }
}

/// In an ISO date and time ("2018-06-22T14:30:00Z"), the end of its hour and minute.
pub(crate) fn iso_clock(t: &str) -> Option<usize> {
    let b = t.as_bytes();
    (b.len() >= 16 && b[10] == b'T' && b[13] == b':' && iso(&t[..10]).is_some() && clock(&t[11..16], true).is_some())
        .then_some(16)
}

/// The position of the hyphen in a range of two days of the month ("24-25", "8-9").
fn day_range(t: &str) -> Option<usize> {
    let (a, b) = t.split_once('-')?;
    let day = |x: &str| (1..=2).contains(&x.len()) && x.bytes().all(|c| c.is_ascii_digit());
    (day(a) && day(b)).then_some(a.len())
}

/// One expression found by a rule: atoms `start..end`, and the values of its elements.
#[derive(Debug, Clone)]
pub(crate) struct Found {
    pub rule: u16,
    pub start: usize,
    pub end: usize,
    pub caps: [Val; MAX_CAPS],
}

/// Reads the atoms against a grammar.
pub(crate) struct Matcher<'a> {
    pub g: &'a Grammar,
    pub text: &'a str,
    pub atoms: &'a [Atom],
}

impl Matcher<'_> {
    /// Every expression the rules find from atom `floor` on, in text order, without overlaps; blocking rules
    /// consume their phrase and leave nothing. Each rule is tried only where its key element
    /// is, from the few atoms before it where the match may start; of overlapping matches the
    /// leftmost wins, then the longest, then the rule written first.
    pub(crate) fn scan(&self, floor: usize, cands: &mut Vec<(usize, usize, u16)>, out: &mut Vec<Found>) {
        let g = self.g;
        cands.clear();
        out.clear();
        let mut caps = [Val::None; MAX_CAPS];
        let mut try_rule = |r: u16, a: usize, cands: &mut Vec<(usize, usize, u16)>| {
            let rule = &g.rules[r as usize];
            // cheap tests first: a required element before the key must end just before it,
            // one after it must start just after it
            if rule.key > 0 {
                let e = &rule.body[rule.key - 1];
                if !e.optional && (a == 0 || !self.may_end(e, a - 1)) {
                    return;
                }
            }
            if let Some(e) = rule.body.get(rule.key + 1)
                && !e.optional
                && (a + 1 >= self.atoms.len() || !self.may_end(e, a + 1))
            {
                return;
            }
            for s in a.saturating_sub(rule.prefix_max)..=a {
                if let Some(end) = self.match_rule(rule, s, &mut caps)
                    && end > a
                {
                    cands.push((s, end, r));
                    break;
                }
            }
        };
        for (a, atom) in self.atoms.iter().enumerate() {
            if atom.digit {
                let t = atom.text(self.text);
                for (sh, rules) in &g.shape_keyed {
                    if digit_shape(*sh, t).is_some() {
                        for &r in rules {
                            try_rule(r, a, cands);
                        }
                    }
                }
            } else if g.maybe_keyed(self.text.as_bytes(), atom.start as usize, atom.end as usize) {
                let w = atom.word(g, self.text);
                if w != NO_WORD {
                    for &r in &g.words[w as usize].keyed {
                        try_rule(r, a, cands);
                    }
                }
            }
        }
        cands.sort_unstable_by(|x, y| x.0.cmp(&y.0).then(y.1.cmp(&x.1)).then(x.2.cmp(&y.2)));
        let mut done = floor;
        for &(start, end, rule) in cands.iter() {
            if start < done {
                continue;
            }
            done = end;
            // the winners are matched again for their values, which the candidates do not keep
            if g.rules[rule as usize].kind != Kind::Block
                && self.match_rule(&g.rules[rule as usize], start, &mut caps) == Some(end)
            {
                out.push(Found { rule, start, end, caps });
            }
        }
    }

    /// True when element `e` can end (or start) at atom `i`: exact for words and classes, a
    /// quick superset test for number shapes.
    fn may_end(&self, e: &Elem, i: usize) -> bool {
        let a = &self.atoms[i];
        let cls = &self.g.cls;
        e.alts.iter().any(|&alt| match alt {
            Atomic::Shape(_) => {
                a.digit
                    || [cls.num, cls.tens, cls.scale, cls.half, cls.vague, cls.numof, cls.ord]
                        .iter()
                        .any(|&c| self.g.in_class(a.word(self.g, self.text), c))
            }
            _ => self.atomic(alt, i).is_some(),
        })
    }

    /// The end of `rule`'s expression starting at atom `i`, with its left and right context.
    pub(crate) fn match_rule(&self, rule: &Rule, i: usize, caps: &mut [Val; MAX_CAPS]) -> Option<usize> {
        // left context, backwards, one atom per element
        let nl = rule.left.len();
        if nl > i {
            return None;
        }
        for (k, e) in rule.left.iter().enumerate() {
            let at = i - nl + k;
            let v = e.alts.iter().find_map(|&alt| match self.atomic(alt, at) {
                Some((j, v)) if j == at + 1 => Some(v),
                _ => None,
            })?;
            caps[k] = v;
        }
        let end = self.seq(&rule.body, nl, i, caps)?;
        if !rule.right.is_empty() {
            self.seq(&rule.right, nl + rule.body.len(), end, caps)?;
        }
        Some(end)
    }

    /// The word id of atom `i`.
    #[inline]
    pub(crate) fn word(&self, i: usize) -> u32 {
        self.atoms[i].word(self.g, self.text)
    }

    /// True when the last element of `rule` can be atom `i` on its own.
    pub(crate) fn ends_at(&self, rule: &Rule, i: usize) -> bool {
        rule.body.last().is_some_and(|e| e.alts.iter().any(|&alt| self.atomic(alt, i).is_some_and(|(j, _)| j == i + 1)))
    }

    /// Matches `elems` from atom `i`, greedily with backtracking over optional elements and
    /// alternatives; `base` is the capture index of the first element.
    fn seq(&self, elems: &[Elem], base: usize, i: usize, caps: &mut [Val; MAX_CAPS]) -> Option<usize> {
        let Some((first, rest)) = elems.split_first() else {
            return Some(i);
        };
        for &alt in &first.alts {
            if let Some((j, v)) = self.atomic(alt, i) {
                caps[base] = v;
                if let Some(end) = self.seq(rest, base + 1, j, caps) {
                    return Some(end);
                }
            }
        }
        if first.optional {
            caps[base] = Val::None;
            return self.seq(rest, base + 1, i, caps);
        }
        None
    }

    /// One alternative at atom `i`: the atom after it and its value.
    #[inline]
    fn atomic(&self, alt: Atomic, i: usize) -> Option<(usize, Val)> {
        let a = self.atoms.get(i)?;
        match alt {
            Atomic::Lit(w) => {
                (a.word(self.g, self.text) == w).then(|| (i + 1, Val::Code(self.g.words[w as usize].text)))
            }
            Atomic::Class(c) => self.g.class_val(a.word(self.g, self.text), c, a.cap).map(|v| (i + 1, v)),
            Atomic::Shape(s) => self.shape(s, i),
        }
    }

    fn word_val(&self, i: usize, c: u16) -> Option<i64> {
        let a = self.atoms.get(i)?;
        match self.g.class_val(a.word(self.g, self.text), c, true)? {
            Val::Int(v) => Some(v),
            _ => None,
        }
    }

    fn is(&self, i: usize, c: u16) -> bool {
        self.atoms.get(i).is_some_and(|a| self.g.in_class(a.word(self.g, self.text), c))
    }

    fn is_hyphen(&self, i: usize) -> bool {
        self.atoms.get(i).is_some_and(|a| a.end - a.start == 1 && self.text.as_bytes()[a.start as usize] == b'-')
    }

    /// An ordinal written in words: "third", "twenty-first", "twenty first".
    fn ord_word(&self, i: usize) -> Option<(usize, i64)> {
        let cls = &self.g.cls;
        if let Some(v) = self.word_val(i, cls.ord) {
            return Some((i + 1, v));
        }
        let t = self.word_val(i, cls.tens)?;
        let j = if self.is_hyphen(i + 1) { i + 2 } else { i + 1 };
        let u = self.word_val(j, cls.ord).filter(|&u| u < 10)?;
        Some((j + 1, t + u))
    }

    /// A count: digits, number words ("twenty-four", "two hundred"), "a", "a few", "several",
    /// "a couple of", each with an optional "and a half".
    fn count(&self, i: usize) -> Option<(usize, Option<f64>)> {
        let cls = self.g.cls;
        let a = self.atoms.get(i)?;
        let (mut j, mut v) = if a.digit {
            (i + 1, Some(parse_decimal(a.text(self.text))?))
        } else {
            let mut j = i;
            // "a few", "a couple of": the article goes with the vague word
            if self.word_val(j, cls.num) == Some(1) && self.is(j + 1, cls.vague) {
                j += 1;
            }
            if let Some(val) = self.g.class_val(self.word(j), cls.vague, true) {
                let v = match val {
                    Val::Int(n) => Some(n as f64),
                    _ => None,
                };
                j += 1;
                if self.is(j, cls.numof) {
                    j += 1;
                }
                return Some((j, v));
            }
            let mut total = if let Some(t) = self.word_val(j, cls.tens) {
                j += 1;
                // "twenty-four", "twenty four", but not "twenty a day"
                let k = if self.is_hyphen(j) { j + 1 } else { j };
                match self.word_val(k, cls.num).filter(|&u| (1..10).contains(&u)) {
                    Some(u) if !self.is(k, cls.article) => {
                        j = k + 1;
                        t + u
                    }
                    _ => t,
                }
            } else if let Some(u) = self.word_val(j, cls.num) {
                j += 1;
                u
            } else {
                return None;
            };
            if let Some(s) = self.word_val(j, cls.scale) {
                total *= s;
                j += 1;
            }
            (j, Some(total as f64))
        };
        // "two and a half"
        if self.is(j, cls.numand) && self.word_val(j + 1, cls.num) == Some(1) && self.is(j + 2, cls.half) {
            v = v.map(|x| x + 0.5);
            j += 3;
        }
        Some((j, v))
    }

    /// A year said in words: "nineteen ninety-six", "twenty fifteen", "nineteen hundred", "two
    /// thousand".
    fn spoken_year(&self, i: usize) -> Option<(usize, i64)> {
        let cls = self.g.cls;
        let hi = self
            .word_val(i, cls.num)
            .filter(|v| (10..=19).contains(v))
            .or(self.word_val(i, cls.tens).filter(|&v| v == 20));
        let Some(hi) = hi else {
            return self.count(i).and_then(|(j, v)| {
                v.filter(|&x| x.fract() == 0.0 && (1000.0..2200.0).contains(&x)).map(|x| (j, x as i64))
            });
        };
        let j = i + 1;
        if let Some(t) = self.word_val(j, cls.tens) {
            let k = if self.is_hyphen(j + 1) { j + 2 } else { j + 1 };
            return Some(match self.word_val(k, cls.num).filter(|u| (1..10).contains(u)) {
                Some(u) if !self.is(k, cls.article) => (k + 1, hi * 100 + t + u),
                _ => (j + 1, hi * 100 + t),
            });
        }
        if let Some(v) = self.word_val(j, cls.num).filter(|v| (10..=19).contains(v)) {
            return Some((j + 1, hi * 100 + v));
        }
        // "nineteen hundred" is a year after a preposition ("in nineteen hundred"); elsewhere it
        // is mostly a count ("twelve hundred students")
        if self.word_val(j, cls.scale) == Some(100) && i > 0 && self.is(i - 1, cls.yearprep) {
            return Some((j + 1, hi * 100));
        }
        None
    }

    /// A number shape at atom `i`.
    fn shape(&self, s: Shape, i: usize) -> Option<(usize, Val)> {
        let a = self.atoms.get(i)?;
        if !a.digit {
            return match s {
                Shape::Wyear => self.spoken_year(i).map(|(j, y)| (j, Val::Int(y))),
                Shape::Num => self.count(i).map(|(j, v)| (j, Val::Num(v))),
                Shape::Day => self.ord_word(i).filter(|&(_, v)| (1..=31).contains(&v)).map(|(j, v)| (j, Val::Int(v))),
                Shape::Ord => self.ord_word(i).map(|(j, v)| (j, Val::Int(v))),
                _ => None,
            };
        }
        match s {
            Shape::Num => self.count(i).map(|(j, v)| (j, Val::Num(v))),
            _ => digit_shape(s, a.text(self.text)).map(|v| (i + 1, v)),
        }
    }
}

/// A number shape that one token with digits has, and its value.
pub(crate) fn digit_shape(s: Shape, t: &str) -> Option<Val> {
    let b = t.as_bytes();
    let all_digits = b.iter().all(u8::is_ascii_digit);
    Some(match s {
        Shape::Year if all_digits && b.len() == 4 => {
            let y: i64 = t.parse().ok()?;
            (1000..=2199).contains(&y).then_some(Val::Int(y))?
        }
        Shape::Decyear => digit_shape(Shape::Year, t).filter(|v| matches!(v, Val::Int(y) if y % 10 == 0))?,
        Shape::Yy if all_digits && b.len() == 2 => Val::Int(t.parse().ok()?),
        Shape::Day => {
            let (n, suf) = split_digits(t);
            let d: i64 = n.parse().ok()?;
            (n.len() <= 2 && (1..=31).contains(&d) && is_ord_suffix(suf, true)).then_some(Val::Int(d))?
        }
        // a day with its suffix only: "12th", not "12"
        Shape::Dth if !all_digits => return digit_shape(Shape::Day, t),
        Shape::Ord => {
            let (n, suf) = split_digits(t);
            let d: i64 = n.parse().ok()?;
            (n.len() <= 3 && d > 0 && is_ord_suffix(suf, false)).then_some(Val::Int(d))?
        }
        Shape::Clock => clock(t, false)?,
        Shape::Hhmm => clock(t, true)?,
        Shape::Mil if all_digits && b.len() == 4 => {
            let h: u8 = t[..2].parse().ok()?;
            let m: u8 = t[2..].parse().ok()?;
            (h < 24 && m < 60).then_some(Val::Clock { h, m: Some(m), ampm: 0 })?
        }
        Shape::Iso => iso(t)?,
        Shape::Slash => match slash(t)? {
            v @ (Val::Slash { y: Some(_), .. } | Val::Date { .. }) => v,
            _ => return None,
        },
        Shape::Md => match slash(t)? {
            v @ Val::Slash { y: None, .. } => v,
            _ => return None,
        },
        Shape::Decade => {
            let n = t.strip_suffix('s')?;
            let d: i64 = n.parse().ok()?;
            (n.bytes().all(|c| c.is_ascii_digit()) && (n.len() == 4 || n.len() == 2) && d % 10 == 0)
                .then_some(Val::Int(d))?
        }
        Shape::Yrange => yrange(t)?,
        Shape::Yspan => yspan(t)?,
        Shape::Qtr => letter_digit(b, b'q', 4)?,
        Shape::Hlf => letter_digit(b, b'h', 2)?,
        Shape::Fy => {
            let n = t.strip_prefix("FY").or_else(|| t.strip_prefix("fy"))?;
            let y: i64 = n.parse().ok()?;
            match n.len() {
                4 => Val::Int(y),
                2 => Val::Int(i64::from(full_year(y as i32, None))),
                _ => return None,
            }
        }
        _ => return None,
    })
}

fn split_digits(t: &str) -> (&str, &str) {
    let k = t.bytes().position(|c| !c.is_ascii_digit()).unwrap_or(t.len());
    t.split_at(k)
}

/// A letter and a digit from 1 to `max` in either order ("Q3", "3Q", "H1"): the digit.
fn letter_digit(b: &[u8], letter: u8, max: u8) -> Option<Val> {
    let d = match *b {
        [l, d] | [d, l] if l.eq_ignore_ascii_case(&letter) => d.wrapping_sub(b'0'),
        _ => return None,
    };
    (1..=max).contains(&d).then_some(Val::Int(i64::from(d)))
}

/// "st", "nd", "rd", "th" (or nothing, when `bare` allows it).
fn is_ord_suffix(s: &str, bare: bool) -> bool {
    if s.is_empty() {
        return bare;
    }
    matches!(s.to_ascii_lowercase().as_str(), "st" | "nd" | "rd" | "th")
}

/// "1,000", "3.5", "90".
fn parse_decimal(t: &str) -> Option<f64> {
    let b = t.as_bytes();
    if !b.iter().all(|&c| c.is_ascii_digit() || c == b',' || c == b'.') || !b[0].is_ascii_digit() {
        return None;
    }
    let clean: String = t.chars().filter(|&c| c != ',').collect();
    clean.parse().ok()
}

/// "6", "6:14", "18:30", "6.14am", "5pm", "5a.m."; `strict` wants a colon or an am/pm.
fn clock(t: &str, strict: bool) -> Option<Val> {
    let lower_end = t.trim_end_matches(|c: char| c.is_ascii_alphabetic() || c == '.');
    let suffix = &t[lower_end.len()..];
    let is = |w: &str| suffix.eq_ignore_ascii_case(w);
    let ampm = if suffix.is_empty() {
        0
    } else if is("am") || is("a.m.") || is("a.m") {
        1
    } else if is("pm") || is("p.m.") || is("p.m") {
        2
    } else {
        return None;
    };
    let (h, m, sep) = match lower_end.find([':', '.']) {
        Some(k) => {
            let (h, m) = (&lower_end[..k], &lower_end[k + 1..]);
            // a clock with seconds ("14:05:33"): the value keeps the minute
            let m = match m.split_once(':') {
                Some((m, s))
                    if s.len() == 2 && s.bytes().all(|c| c.is_ascii_digit()) && lower_end.as_bytes()[k] == b':' =>
                {
                    m
                }
                _ => m,
            };
            if m.len() != 2 {
                return None;
            }
            (h, m, lower_end.as_bytes()[k])
        }
        None => (lower_end, "", 0),
    };
    if h.is_empty() || h.len() > 2 || !h.bytes().all(|c| c.is_ascii_digit()) || !m.bytes().all(|c| c.is_ascii_digit()) {
        return None;
    }
    if strict && ampm == 0 && sep != b':' {
        return None;
    }
    let h: u8 = h.parse().ok()?;
    let m: Option<u8> = if m.is_empty() { None } else { Some(m.parse().ok()?) };
    let ok = m.is_none_or(|m| m < 60) && if ampm > 0 { (1..=12).contains(&h) } else { h <= 24 };
    ok.then_some(Val::Clock { h, m, ampm })
}

/// "2018-06-22", "2018-06", "2018/06/22", "2018.06.22".
fn iso(t: &str) -> Option<Val> {
    let b = t.as_bytes();
    if !(b.len() == 10 || b.len() == 7) || !matches!(b[4], b'-' | b'/' | b'.') || (b.len() == 7 && b[4] != b'-') {
        return None;
    }
    let y: i32 = t[..4].parse().ok()?;
    let m: u8 = t.get(5..7)?.parse().ok()?;
    let d: u8 = if b.len() == 10 {
        if b[7] != b[4] {
            return None;
        }
        t[8..10].parse().ok()?
    } else {
        0
    };
    ((1..=12).contains(&m) && d <= 31 && (b.len() == 7 || d > 0) && (1000..=2199).contains(&y)).then_some(Val::Date {
        y,
        m,
        d,
    })
}

/// "22/06/2018", "6/22/18", "6/22", "22.06.2018", "06-22-2018".
fn slash(t: &str) -> Option<Val> {
    let sep = t.bytes().find(|c| matches!(c, b'/' | b'.' | b'-'))?;
    let mut split = t.split(sep as char);
    let mut parts = [""; 3];
    let mut n = 0;
    for p in split.by_ref() {
        if n == 3 || p.is_empty() || p.len() > 4 || !p.bytes().all(|c| c.is_ascii_digit()) {
            return None;
        }
        parts[n] = p;
        n += 1;
    }
    let parts = &parts[..n];
    let (a, b): (u16, u16) = (parts[0].parse().ok()?, parts.get(1)?.parse().ok()?);
    if parts[0].len() > 2 || parts[1].len() > 2 || a == 0 || b == 0 || a > 31 || b > 31 || (a > 12 && b > 12) {
        return None;
    }
    let y = match parts.len() {
        2 if sep == b'/' => None,
        3 => {
            let yt = parts[2];
            let y: i32 = yt.parse().ok()?;
            Some(match yt.len() {
                4 if (1000..=2199).contains(&y) => y,
                2 if sep == b'/' => full_year(y, None),
                _ => return None,
            })
        }
        _ => return None,
    };
    // points are the day-first convention of the countries that write them ("05.06.2018" is
    // 5 June), whatever order the document's slashes follow
    if sep == b'.'
        && let Some(y) = y
    {
        let (d, m) = if b <= 12 { (a, b) } else { (b, a) };
        return Some(Val::Date { y, m: m as u8, d: d as u8 });
    }
    Some(Val::Slash { a, b, y })
}

/// The year a two-digit year `yy` names: of the 2000s if that is no more than ten years after
/// `doc_year` (the document's), else of the 1900s ("in '45" in 2016 is 1945, "'08" 2008);
/// without a document year, 00-49 are the 2000s.
pub(crate) fn full_year(yy: i32, doc_year: Option<i32>) -> i32 {
    let late = doc_year.map_or(yy < 50, |d| 2000 + yy <= d + 10);
    if late { 2000 + yy } else { 1900 + yy }
}

/// "2014-15", "2014-2015", "1998/99", "2008-9": the first year.
fn yrange(t: &str) -> Option<Val> {
    let (a, b) = t.split_once(['-', '/'])?;
    if a.len() != 4 || !matches!(b.len(), 1 | 2 | 4) {
        return None;
    }
    let y: i32 = a.parse().ok()?;
    let z: i32 = b.parse().ok()?;
    let z = match b.len() {
        1 => y - y % 10 + z,
        2 => y - y % 100 + z,
        _ => z,
    };
    ((1000..=2199).contains(&y) && z > y && z <= y + 10).then_some(Val::Int(i64::from(y)))
}

/// "1948-1982": two full years of the 1900s or 2000s, however far apart; the first.
fn yspan(t: &str) -> Option<Val> {
    let (y, z) = full_years(t)?;
    ((1900..=2099).contains(&y) && z > y && z <= 2099).then_some(Val::Int(i64::from(y)))
}

/// The two numbers of four digits each that "1948-1982" or "2010/2011" writes.
pub(crate) fn full_years(t: &str) -> Option<(i32, i32)> {
    let (a, b) = t.split_once(['-', '/'])?;
    let four = |s: &str| s.len() == 4 && s.bytes().all(|c| c.is_ascii_digit());
    if !(four(a) && four(b)) {
        return None;
    }
    Some((a.parse().ok()?, b.parse().ok()?))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes() {
        assert_eq!(clock("6.14am", true), Some(Val::Clock { h: 6, m: Some(14), ampm: 1 }));
        assert_eq!(clock("18:30", true), Some(Val::Clock { h: 18, m: Some(30), ampm: 0 }));
        assert_eq!(clock("3.5", true), None);
        assert_eq!(clock("5", false), Some(Val::Clock { h: 5, m: None, ampm: 0 }));
        assert_eq!(clock("5pm", true), Some(Val::Clock { h: 5, m: None, ampm: 2 }));
        assert_eq!(iso("2018-06-22"), Some(Val::Date { y: 2018, m: 6, d: 22 }));
        assert_eq!(iso("2018-13-22"), None);
        assert_eq!(slash("22/06/2018"), Some(Val::Slash { a: 22, b: 6, y: Some(2018) }));
        assert_eq!(slash("6/22/18"), Some(Val::Slash { a: 6, b: 22, y: Some(2018) }));
        assert_eq!(slash("3.5"), None);
        assert_eq!(yrange("2014-15"), Some(Val::Int(2014)));
        assert_eq!(yrange("2018-06"), None);
        assert_eq!(yrange("2008-9"), Some(Val::Int(2008)));
        assert_eq!(yrange("2009-8"), None);
        assert_eq!(yrange("1948-1982"), None);
        assert_eq!(yspan("1948-1982"), Some(Val::Int(1948)));
        assert_eq!(yspan("1948-82"), None);
        assert_eq!(yspan("1500-1600"), None);
        assert_eq!(full_years("2010/2011"), Some((2010, 2011)));
        assert_eq!(full_years("2010-11"), None);
        assert_eq!(full_years("+948-1982"), None);
        assert_eq!(full_year(45, Some(2016)), 1945);
        assert_eq!(full_year(8, Some(2016)), 2008);
        assert_eq!(full_year(26, Some(2016)), 2026);
        assert_eq!(full_year(45, None), 2045);
        assert_eq!(parse_decimal("1,000"), Some(1000.0));
    }
}
