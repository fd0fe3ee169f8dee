//! The grammar data of one language (`resources/time/<lang>.lex` and `.rules`) parsed once into
//! tables the matcher reads: an interned word table with each word's classes and the rules that
//! can start at it, and the rules as element lists. Parsing panics on a malformed line, which a
//! test catches: the data ships inside the binary, so an error there is a build error.

use dossier_model::TokenKind;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// Index of a word in [`Grammar::words`]; `NO_WORD` for a token the grammar does not know.
pub(crate) const NO_WORD: u32 = u32::MAX;
/// A class id that no word has (a class the language's data does not define).
pub(crate) const NO_CLASS: u16 = u16::MAX;

/// A token's text as a number: ASCII letters folded to lowercase (other ASCII bytes a word of
/// the grammar can hold are left alone by the folding), `’` (and a lone `‘`) read as `'`, at
/// most 16 bytes.
/// Lookups run for many tokens, so they hash one integer rather than a string.
#[inline]
pub(crate) fn key_of(text: &str) -> Option<u128> {
    key_at(text.as_bytes(), 0, text.len())
}

/// The key of the bytes `s..e` of `b`, reading whole words of the buffer where it can.
#[inline]
fn key_at(b: &[u8], s: usize, e: usize) -> Option<u128> {
    let n = e - s;
    if n == 0 {
        return None;
    }
    if n <= 16 {
        let lo = load8(b, s, n.min(8));
        let hi = if n > 8 { load8(b, s + 8, n - 8) } else { 0 };
        if (lo | hi) & 0x8080_8080_8080_8080 == 0 {
            const FOLD: u64 = 0x2020_2020_2020_2020;
            let lo = lo | (FOLD & mask(n));
            let hi = if n > 8 { hi | (FOLD & mask(n - 8)) } else { 0 };
            return Some(u128::from(lo) | (u128::from(hi) << 64));
        }
    }
    // curly apostrophes read as straight ones, and so does a lone opening single quote, which
    // word processors put for the apostrophe of "in ‘08" or "the ‘90s"; other bytes fold as on
    // the fast path
    if n == 3 && b[s..e] == *"\u{2018}".as_bytes() {
        return key_at(b"'", 0, 1);
    }
    let mut key = [0u8; 16];
    let mut k = 0;
    let mut i = s;
    while i < e {
        let mut c = b[i];
        if c == 0xE2 && b.get(i + 1) == Some(&0x80) && b.get(i + 2) == Some(&0x99) {
            c = b'\'';
            i += 2;
        }
        if k == 16 {
            return None;
        }
        key[k] = if c < 0x80 { c | 0x20 } else { c };
        k += 1;
        i += 1;
    }
    Some(u128::from_le_bytes(key))
}

/// Multiplicative hashing of the integer keys: they are already well spread.
#[derive(Default)]
pub(crate) struct KeyHasher(u64);

impl Hasher for KeyHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0.rotate_left(8) ^ u64::from(b)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        }
    }
    fn write_u128(&mut self, k: u128) {
        self.0 = ((k as u64) ^ ((k >> 64) as u64).rotate_left(29)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    }
}

/// A value carried by a matched element.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub(crate) enum Val {
    /// Nothing (an optional element that was missing).
    #[default]
    None,
    /// A whole number (a month, a day, a year).
    Int(i64),
    /// A count; `None` is an unknown count ("several").
    Num(Option<f64>),
    /// A code from the data (`Y`, `MO`, `SU`, `12:00`) or a literal word.
    Code(&'static str),
    /// A full date from a numeric shape; `d` 0 for a month.
    Date { y: i32, m: u8, d: u8 },
    /// A numeric date whose day-month order the document decides.
    Slash { a: u16, b: u16, y: Option<i32> },
    /// A clock time; minutes `None` when not written ("5 p.m."); `ampm` 0 unknown, 1 am, 2 pm.
    Clock { h: u8, m: Option<u8>, ampm: u8 },
}

/// A number shape recognised by code rather than by word lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Shape {
    Year,
    Day,
    /// A day of the month written in digits with its ordinal suffix ("12th").
    Dth,
    Ord,
    Num,
    Clock,
    Hhmm,
    Mil,
    Iso,
    Slash,
    Md,
    Decade,
    /// A year that ends in 0, which names its decade before "'s" ("the 1990's"; "2015's" is the
    /// year's own).
    Decyear,
    Yrange,
    /// Two full years far apart ("1948-1982").
    Yspan,
    /// A year written with two digits after an apostrophe ("in '08"), its two digits.
    Yy,
    Qtr,
    /// A half of a year ("H1", "2H").
    Hlf,
    Fy,
    Wyear,
}

impl Shape {
    fn parse(s: &str) -> Option<Shape> {
        Some(match s {
            "year" => Shape::Year,
            "day" => Shape::Day,
            "dth" => Shape::Dth,
            "ord" => Shape::Ord,
            "num" => Shape::Num,
            "clock" => Shape::Clock,
            "hhmm" => Shape::Hhmm,
            "mil" => Shape::Mil,
            "iso" => Shape::Iso,
            "slash" => Shape::Slash,
            "md" => Shape::Md,
            "decade" => Shape::Decade,
            "decyear" => Shape::Decyear,
            "yrange" => Shape::Yrange,
            "yy" => Shape::Yy,
            "yspan" => Shape::Yspan,
            "qtr" => Shape::Qtr,
            "hlf" => Shape::Hlf,
            "fy" => Shape::Fy,
            "wyear" => Shape::Wyear,
            _ => return None,
        })
    }
}

/// One alternative of an element.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Atomic {
    Lit(u32),
    Class(u16),
    Shape(Shape),
}

/// One element of a pattern: alternatives, possibly optional.
#[derive(Debug, Clone)]
pub(crate) struct Elem {
    pub alts: Vec<Atomic>,
    pub optional: bool,
}

/// What a rule does with a match.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Act {
    Date,
    /// A month and day written M/D ($n, a `#md`) that is exactly the rule's M and D.
    SlashDay,
    YDate,
    Year,
    /// A year written with two digits ("'08"), read against the document's year.
    ShortYear,
    Decade,
    Century,
    Month,
    Wday,
    Rel,
    RefRel,
    NearRel,
    Ago,
    Hence,
    Earlier,
    Later,
    Quarter,
    RelQ,
    RefQ,
    Yq,
    Yh,
    Qend,
    WeekOf,
    Half,
    Season,
    Weekend,
    Holiday,
    MDay,
    /// A weekday and its day of the month ("el martes 17").
    WdayMDay,
    Time,
    ClockPast,
    Pod,
    Lit,
    Dur,
    Set,
    SetDur,
    SetWd,
    SetMon,
    None,
}

impl Act {
    fn parse(s: &str) -> Option<Act> {
        Some(match s {
            "date" => Act::Date,
            "slashday" => Act::SlashDay,
            "ydate" => Act::YDate,
            "year" => Act::Year,
            "shortyear" => Act::ShortYear,
            "decade" => Act::Decade,
            "century" => Act::Century,
            "month" => Act::Month,
            "wday" => Act::Wday,
            "rel" => Act::Rel,
            "refrel" => Act::RefRel,
            "nearrel" => Act::NearRel,
            "ago" => Act::Ago,
            "hence" => Act::Hence,
            "earlier" => Act::Earlier,
            "later" => Act::Later,
            "quarter" => Act::Quarter,
            "relq" => Act::RelQ,
            "refq" => Act::RefQ,
            "yq" => Act::Yq,
            "yh" => Act::Yh,
            "qend" => Act::Qend,
            "weekof" => Act::WeekOf,
            "half" => Act::Half,
            "season" => Act::Season,
            "weekend" => Act::Weekend,
            "holiday" => Act::Holiday,
            "time" => Act::Time,
            "past" => Act::ClockPast,
            "pod" => Act::Pod,
            "lit" => Act::Lit,
            "dur" => Act::Dur,
            "set" => Act::Set,
            "setdur" => Act::SetDur,
            "setwd" => Act::SetWd,
            "setmon" => Act::SetMon,
            "none" => Act::None,
            "mday" => Act::MDay,
            "wmday" => Act::WdayMDay,
            _ => return None,
        })
    }
}

/// An action argument.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Arg {
    /// The value of element n (0-based), negated when the flag is set.
    Cap(usize, bool),
    Int(i64),
    Code(&'static str),
    Blank,
}

/// TIMEX3 types as bits, so a modifier can list the types it applies to.
pub(crate) const T_DATE: u8 = 1;
pub(crate) const T_TIME: u8 = 2;
pub(crate) const T_DURATION: u8 = 4;
pub(crate) const T_SET: u8 = 8;

/// What kind of line a rule is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    /// A time expression of these types (one bit).
    Expr(u8),
    /// Keeps other rules off a phrase.
    Block,
    /// A modifier in front of expressions of these types.
    Pre(u8),
    /// A modifier after expressions of these types.
    Post(u8),
}

/// One pattern with its action.
#[derive(Debug, Clone)]
pub(crate) struct Rule {
    pub kind: Kind,
    /// Kept only when joined with a day beside it.
    pub weak: bool,
    pub act: Act,
    pub args: Vec<Arg>,
    /// Context before the expression, matched backwards one token each.
    pub left: Vec<Elem>,
    pub body: Vec<Elem>,
    /// Context after the expression.
    pub right: Vec<Elem>,
    /// The line in the rules file, for messages.
    pub line: usize,
    /// The body element the matcher looks for first (the least frequent one).
    pub key: usize,
    /// Most atoms the elements before the key can take.
    pub prefix_max: usize,
}

/// A word of the language and what it can be.
#[derive(Debug, Clone, Default)]
pub(crate) struct WordInfo {
    pub text: &'static str,
    /// (class, value, needs a capital letter)
    pub classes: Vec<(u16, Val, bool)>,
    /// Rules whose key element this word can be, in file order.
    pub keyed: Vec<u16>,
    /// Some rule cannot match without this word: the matcher looks around it.
    pub anchor: bool,
    /// As an anchor, the word needs a capital letter ("May", not the modal "may").
    pub anchor_cap: bool,
    /// Some modifier (PRE rule) ends with this word.
    pub pre_end: bool,
    /// Other spellings with the same key ("o’clock" beside "o'clock"), which the byte-level
    /// filters must also let through.
    pub spellings: Vec<&'static str>,
}

impl WordInfo {
    fn all_spellings(&self) -> impl Iterator<Item = &'static str> + '_ {
        std::iter::once(self.text).chain(self.spellings.iter().copied())
    }
}

/// Declares [`Cls`] from the names of the word classes the engine reads: each field holds the
/// id of the class of the same name in a language's word list ([`NO_CLASS`] when it has none).
macro_rules! engine_classes {
    ($($name:ident),* $(,)?) => {
        /// Class ids the engine itself reads (number words, tense words, joiners).
        #[derive(Debug, Clone, Copy)]
        pub(crate) struct Cls {
            $(pub $name: u16,)*
        }

        impl Cls {
            /// No class known (before a word list is read).
            const NONE: Cls = Cls { $($name: NO_CLASS,)* };

            /// The ids of the classes named in `class_names`, by position.
            fn of(class_names: &[&str]) -> Cls {
                let id = |name: &str| class_names.iter().position(|&c| c == name).map_or(NO_CLASS, |i| i as u16);
                Cls { $($name: id(stringify!($name)),)* }
            }
        }
    };
}

engine_classes!(
    num,
    tens,
    scale,
    half,
    vague,
    ord,
    numand,
    numof,
    future,
    past,
    report,
    present,
    tobe,
    tobenext,
    scheduled,
    schedulednext,
    kickoff,
    kickoffnext,
    futurebefore,
    notpast,
    determiner,
    join,
    podday,
    pastaux,
    planaux,
    modal,
    ability,
    negation,
    additive,
    reportnow,
    relative,
    complementizer,
    coordinator,
    subject,
    rangefrom,
    retro,
    sameword,
    sameperiod,
    definite,
    weekday,
    month,
    monthprep,
    infinitive,
    promisedto,
    decidedto,
    beforepast,
    aheadjoin,
    toward,
    lookback,
    rangeopen,
    dayevent,
    campaign,
    goingon,
    clockday,
    podof,
    copula,
    futureto,
    futureprepof,
    equative,
    earliest,
    conditional,
    owner,
    basebefore,
    causative,
    inname,
    periodical,
    sport,
    street,
    event,
    eventadj,
    participle,
    granting,
    haveto,
    pastprep,
    futureprep,
    passaux,
    article,
    yearprep,
    anchornext,
    dayrange,
    afterday,
    electionword,
    unit,
);

/// Day-month order of numeric dates when a document gives no evidence either way.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum SlashOrder {
    MonthFirst,
    DayFirst,
}

/// One language's grammar.
pub(crate) struct Grammar {
    map: HashMap<u128, u32, BuildHasherDefault<KeyHasher>>,
    /// A Bloom filter of every known word: most tokens are rejected by it before any hashing.
    word_bloom: Vec<u64>,
    /// A Bloom filter of the words that key some rule (anchors, and the keys of blocking rules).
    keyed_bloom: Vec<u64>,
    pub words: Vec<WordInfo>,
    pub rules: Vec<Rule>,
    /// Rules whose key element is a number shape, by shape.
    pub shape_keyed: Vec<(Shape, Vec<u16>)>,
    /// PRE and POST rules.
    pub pre: Vec<u16>,
    pub post: Vec<u16>,
    pub cls: Cls,
    pub past_suffixes: Vec<&'static str>,
    /// Endings of a future tense written in one word (Spanish "comenzará"), from `futuresuffix`.
    pub future_suffixes: Vec<&'static str>,
    pub slash_order: SlashOrder,
    /// The month of general elections and every how many years they fall (November of even
    /// years in the United States), from the rules' `OPTION elections M N`.
    pub elections: Option<(u8, i32)>,
    /// The language writes month and weekday names in lowercase (`OPTION calendar lowercase`),
    /// so one capitalized inside a sentence is a name ("Domingo Arenas", "calle Doce de
    /// Octubre").
    pub lowercase_calendar: bool,
    class_names: Vec<&'static str>,
    /// Number shapes that some rule cannot match without (bit per [`Shape`]).
    anchor_shapes: u32,
    /// A one-hash Bloom filter of the anchor words (first eight bytes, case folded, and
    /// length): nearly every token is rejected by one multiplication and one bit test.
    anchor_bloom: Vec<u64>,
    /// For the first two letters of a word (case folded, five bits each), a bit per length
    /// (1 to 15) that some anchor word has; bit 0 when some anchor is longer.
    anchor_two: Vec<u16>,
}

impl Grammar {
    /// Parses a language's word list and rules.
    pub(crate) fn parse(lex: &'static str, rules: &'static str) -> Grammar {
        let mut g = Grammar {
            map: HashMap::default(),
            word_bloom: vec![0; BLOOM_BITS / 64],
            keyed_bloom: vec![0; BLOOM_BITS / 64],
            words: Vec::new(),
            rules: Vec::new(),
            shape_keyed: Vec::new(),
            pre: Vec::new(),
            post: Vec::new(),
            cls: Cls::NONE,
            past_suffixes: Vec::new(),
            future_suffixes: Vec::new(),
            slash_order: SlashOrder::MonthFirst,
            elections: None,
            lowercase_calendar: false,
            class_names: Vec::new(),
            anchor_shapes: 0,
            anchor_bloom: vec![0; BLOOM_BITS / 64],
            anchor_two: vec![0; 1024],
        };
        for (n, line) in lex.lines().enumerate() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let mut parts = line.split_whitespace();
            let (Some(class), Some(value)) = (parts.next(), parts.next()) else {
                panic!("time lexicon line {}: want CLASS VALUE WORD...", n + 1);
            };
            if class == "pastsuffix" {
                g.past_suffixes.extend(parts);
                continue;
            }
            if class == "futuresuffix" {
                g.future_suffixes.extend(parts);
                continue;
            }
            let c = g.class_id(class);
            let val = match value.parse::<i64>() {
                Ok(i) => Val::Int(i),
                Err(_) => Val::Code(value),
            };
            for w in parts {
                let (w, cap) = match w.strip_suffix('!') {
                    Some(w) if !w.is_empty() => (w, true),
                    _ => (w, false),
                };
                let id = g.intern(w);
                g.words[id as usize].classes.push((c, val, cap));
            }
        }
        g.cls = Cls::of(&g.class_names);
        for (n, line) in rules.lines().enumerate() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            if let Some(opt) = line.strip_prefix("OPTION ") {
                match opt.split_whitespace().collect::<Vec<_>>().as_slice() {
                    ["slash", "MDY"] => g.slash_order = SlashOrder::MonthFirst,
                    ["slash", "DMY"] => g.slash_order = SlashOrder::DayFirst,
                    ["calendar", "lowercase"] => g.lowercase_calendar = true,
                    ["elections", m, every] => match (m.parse::<u8>(), every.parse::<i32>()) {
                        (Ok(m @ 1..=12), Ok(every @ 1..)) => g.elections = Some((m, every)),
                        _ => panic!("time rules line {}: want OPTION elections MONTH YEARS", n + 1),
                    },
                    _ => panic!("time rules line {}: unknown option", n + 1),
                }
                continue;
            }
            let rule = g.parse_rule(line, n + 1);
            g.rules.push(rule);
        }
        g.index();
        g.anchors();
        g
    }

    fn class_id(&mut self, name: &'static str) -> u16 {
        match self.class_names.iter().position(|&c| c == name) {
            Some(i) => i as u16,
            None => {
                self.class_names.push(name);
                (self.class_names.len() - 1) as u16
            }
        }
    }

    fn intern(&mut self, w: &'static str) -> u32 {
        let k = key_of(w).unwrap_or_else(|| panic!("time grammar: word too long: {w}"));
        if let Some(&id) = self.map.get(&k) {
            if w != self.words[id as usize].text && !self.words[id as usize].spellings.contains(&w) {
                self.words[id as usize].spellings.push(w);
            }
            return id;
        }
        let id = self.words.len() as u32;
        self.words.push(WordInfo { text: w, ..Default::default() });
        self.map.insert(k, id);
        let h = bloom_hash(w.as_bytes());
        self.word_bloom[h / 64] |= 1 << (h % 64);
        id
    }

    fn parse_rule(&mut self, line: &'static str, n: usize) -> Rule {
        let Some((head, pat)) = line.split_once(":=") else {
            panic!("time rules line {n}: no ':='");
        };
        let mut head = head.split_whitespace();
        let ty = head.next().unwrap_or_else(|| panic!("time rules line {n}: no type"));
        let types = |s: &str| -> u8 {
            s.split(',')
                .map(|t| match t {
                    "DATE" => T_DATE,
                    "TIME" => T_TIME,
                    "DURATION" => T_DURATION,
                    "SET" => T_SET,
                    _ => panic!("time rules line {n}: unknown type {t}"),
                })
                .fold(0, |a, b| a | b)
        };
        let (kind, weak, act) = match ty {
            "PRE" | "POST" => {
                let t = types(head.next().unwrap_or_else(|| panic!("time rules line {n}: no types")));
                (if ty == "PRE" { Kind::Pre(t) } else { Kind::Post(t) }, false, Act::None)
            }
            _ => {
                let (weak, ty) = match ty.strip_prefix('~') {
                    Some(t) => (true, t),
                    None => (false, ty),
                };
                let kind = if ty == "NONE" { Kind::Block } else { Kind::Expr(types(ty)) };
                let a = head.next().unwrap_or_else(|| panic!("time rules line {n}: no action"));
                (kind, weak, Act::parse(a).unwrap_or_else(|| panic!("time rules line {n}: unknown action {a}")))
            }
        };
        let args: Vec<Arg> = head
            .map(|a| {
                if a == "_" {
                    Arg::Blank
                } else if let Some(i) = a.strip_prefix("-$") {
                    Arg::Cap(i.parse::<usize>().expect("capture number") - 1, true)
                } else if let Some(i) = a.strip_prefix('$') {
                    Arg::Cap(i.parse::<usize>().expect("capture number") - 1, false)
                } else if let Ok(i) = a.parse::<i64>() {
                    Arg::Int(i)
                } else {
                    Arg::Code(a)
                }
            })
            .collect();
        let (mut left, mut body, mut right) = (Vec::new(), Vec::new(), Vec::new());
        for tok in pat.split_whitespace() {
            let (tok, ctx) = match tok.strip_prefix('[').and_then(|t| t.strip_suffix(']')) {
                Some(t) => (t, true),
                None => (tok, false),
            };
            let (tok, optional) = match tok.strip_suffix('?') {
                Some(t) if !t.is_empty() => (t, true),
                _ => (tok, false),
            };
            let alts = tok
                .split('|')
                .map(|a| {
                    if let Some(c) = a.strip_prefix('@') {
                        let id = self
                            .class_names
                            .iter()
                            .position(|&x| x == c)
                            .unwrap_or_else(|| panic!("time rules line {n}: unknown class @{c}"));
                        Atomic::Class(id as u16)
                    } else if let Some(s) = a.strip_prefix('#').filter(|s| !s.is_empty()) {
                        Atomic::Shape(
                            Shape::parse(s).unwrap_or_else(|| panic!("time rules line {n}: unknown shape #{s}")),
                        )
                    } else {
                        Atomic::Lit(self.intern(a))
                    }
                })
                .collect();
            let e = Elem { alts, optional };
            if ctx {
                if body.is_empty() {
                    left.push(e);
                } else {
                    right.push(e);
                }
            } else {
                assert!(right.is_empty(), "time rules line {n}: context only at the ends");
                body.push(e);
            }
        }
        assert!(!body.is_empty(), "time rules line {n}: empty pattern");
        assert!(!body[0].optional || body.len() > 1, "time rules line {n}: an optional element alone");
        let caps = left.len() + body.len() + right.len();
        for a in &args {
            if let Arg::Cap(i, _) = a {
                assert!(*i < caps, "time rules line {n}: ${} past the pattern", i + 1);
            }
        }
        assert!(caps <= MAX_CAPS, "time rules line {n}: too many elements");
        Rule { kind, weak, act, args, left, body, right, line: n, key: 0, prefix_max: 0 }
    }

    /// Lists the modifier rules, and marks the words a modifier can end with.
    fn index(&mut self) {
        let mut ends = Vec::new();
        for (r, rule) in self.rules.iter().enumerate() {
            match rule.kind {
                Kind::Pre(_) => {
                    self.pre.push(r as u16);
                    ends.extend(rule.body.last().map(|e| e.alts.clone()).unwrap_or_default());
                }
                Kind::Post(_) => self.post.push(r as u16),
                _ => {}
            }
        }
        for a in ends {
            match a {
                Atomic::Lit(w) => self.words[w as usize].pre_end = true,
                Atomic::Class(c) => {
                    for w in &mut self.words {
                        if w.classes.iter().any(|x| x.0 == c) {
                            w.pre_end = true;
                        }
                    }
                }
                Atomic::Shape(_) => panic!("time rules: a modifier cannot end with a number shape"),
            }
        }
    }

    /// Chooses in each rule the required element least likely to occur by chance (never a
    /// word listed as common, never a bare count) and marks its words and shapes as anchors:
    /// every match contains one, so text without anchors needs no matching at all.
    fn anchors(&mut self) {
        let common = self.class_names.iter().position(|&c| c == "common").map_or(NO_CLASS, |i| i as u16);
        let mut size = vec![0usize; self.class_names.len()];
        let mut has_common = vec![false; self.class_names.len()];
        for w in &self.words {
            let is_common = w.classes.iter().any(|&(c, _, _)| c == common);
            for &(c, _, _) in &w.classes {
                size[c as usize] += 1;
                has_common[c as usize] |= is_common;
            }
        }
        const NEVER: usize = 1 << 30;
        for r in 0..self.rules.len() {
            let rule = &self.rules[r];
            let expr = match rule.kind {
                Kind::Expr(_) => true,
                Kind::Block => false,
                _ => continue,
            };
            let cost = |a: &Atomic| match *a {
                Atomic::Lit(w) => {
                    if self.in_class(w, common) {
                        NEVER
                    } else {
                        1
                    }
                }
                Atomic::Class(c) => {
                    if has_common[c as usize] {
                        NEVER
                    } else {
                        size[c as usize]
                    }
                }
                Atomic::Shape(Shape::Num | Shape::Day | Shape::Ord | Shape::Clock) => NEVER,
                Atomic::Shape(_) => 50,
            };
            let key = rule
                .body
                .iter()
                .enumerate()
                .filter(|(_, e)| !e.optional)
                .map(|(k, e)| (e.alts.iter().map(cost).fold(0usize, |a, b| a.saturating_add(b)), k))
                .min_by_key(|&(c, _)| c);
            // a blocking rule only ever runs inside a window, so a frequent key costs nothing
            let Some((_, k)) = key.filter(|&(c, _)| c < NEVER || !expr) else {
                panic!("time rules line {}: no element that can find the expression (all common words?)", rule.line)
            };
            // the atoms the elements before the key can take: a count can be "a couple of"
            let prefix_max = rule.body[..k]
                .iter()
                .map(|e| {
                    if e.alts
                        .iter()
                        .any(|a| matches!(a, Atomic::Shape(Shape::Num | Shape::Day | Shape::Ord | Shape::Wyear)))
                    {
                        5
                    } else {
                        1
                    }
                })
                .sum();
            self.rules[r].key = k;
            self.rules[r].prefix_max = prefix_max;
            for a in self.rules[r].body[k].alts.clone() {
                match a {
                    Atomic::Lit(w) => {
                        self.words[w as usize].keyed.push(r as u16);
                        if expr {
                            self.mark(w);
                            self.words[w as usize].anchor_cap = false;
                        }
                    }
                    Atomic::Class(c) => {
                        for w in 0..self.words.len() as u32 {
                            if let Some(&(_, _, cap)) = self.words[w as usize].classes.iter().find(|x| x.0 == c) {
                                self.words[w as usize].keyed.push(r as u16);
                                if expr {
                                    let first = !self.words[w as usize].anchor;
                                    self.mark(w);
                                    let info = &mut self.words[w as usize];
                                    info.anchor_cap = cap && (first || info.anchor_cap);
                                }
                            }
                        }
                    }
                    // a year in words starts with "nineteen" or "twenty": those are its keys
                    Atomic::Shape(Shape::Wyear) => {
                        let (num, tens) = (self.cls.num, self.cls.tens);
                        for w in 0..self.words.len() as u32 {
                            let starts = matches!(self.class_val(w, num, true), Some(Val::Int(10..=19)))
                                || matches!(self.class_val(w, tens, true), Some(Val::Int(20)));
                            if starts {
                                self.words[w as usize].keyed.push(r as u16);
                                if expr {
                                    self.mark(w);
                                }
                            }
                        }
                    }
                    Atomic::Shape(sh) => {
                        match self.shape_keyed.iter_mut().find(|(x, _)| *x == sh) {
                            Some((_, v)) => v.push(r as u16),
                            None => self.shape_keyed.push((sh, vec![r as u16])),
                        }
                        if expr {
                            self.anchor_shapes |= 1 << (sh as u32);
                        }
                    }
                }
            }
        }
        for w in &mut self.words {
            w.keyed.sort_unstable();
            w.keyed.dedup();
            if !w.keyed.is_empty() {
                for b in w.all_spellings().map(str::as_bytes) {
                    let h = bloom_hash(b);
                    self.keyed_bloom[h / 64] |= 1 << (h % 64);
                }
            }
        }
    }

    /// False when the bytes `s..e` of a text are surely no word that keys a rule.
    #[inline]
    pub(crate) fn maybe_keyed(&self, b: &[u8], s: usize, e: usize) -> bool {
        let n = e - s;
        if b[s] >= 0x80 {
            return true;
        }
        let h = bloom_index((load8(b, s, n) | 0x2020_2020_2020_2020) & mask(n), n);
        self.keyed_bloom[h / 64] & (1 << (h % 64)) != 0
    }

    fn mark(&mut self, w: u32) {
        let info = &mut self.words[w as usize];
        info.anchor = true;
        for b in info.all_spellings().map(str::as_bytes) {
            let h = bloom_hash(b);
            self.anchor_bloom[h / 64] |= 1 << (h % 64);
            self.anchor_two[two(b)] |= if b.len() < 16 { 1 << b.len() } else { 1 };
        }
    }

    /// True when some rule may need this token to match: the first pass over a document, so
    /// it is written for speed (a table test for most words).
    #[inline(always)]
    pub(crate) fn is_anchor(&self, text: &str, t: &dossier_model::Token) -> bool {
        let tb = text.as_bytes();
        let s = t.span.start;
        let n = t.span.end - s;
        // The common case, kept small enough to inline: a word shorter than seven bytes (too
        // short to hold a hyphenated anchor) that starts and ends with a letter, which a table
        // of the anchors' first two letters and lengths rejects in a few instructions (a word
        // ending with a digit, "Q3", "H1", may have an anchor's shape).
        if t.kind == TokenKind::Word && n < 7 && !tb[s].is_ascii_digit() && !tb[s + n - 1].is_ascii_digit() {
            if self.anchor_two[two(&tb[s..s + n])] & (1 << n) == 0 {
                return false;
            }
            return self.word_anchor(&text[s..s + n]);
        }
        match t.kind {
            TokenKind::Word | TokenKind::Number => self.anchor_slow(text, t),
            _ => false,
        }
    }

    /// [`Grammar::is_anchor`] for the other tokens: longer words, hyphens, digits, the end of
    /// the text.
    #[inline(never)]
    fn anchor_slow(&self, text: &str, t: &dossier_model::Token) -> bool {
        let tb = text.as_bytes();
        let (s, e) = (t.span.start, t.span.end);
        match t.kind {
            TokenKind::Word => {
                let n = e - s;
                let x = load8(tb, s, n);
                // hyphenated words ("two-year", "mid-1990s", "year-end") are read piece by piece
                let hyphen = has_byte(x, b'-')
                    || (n > 8
                        && if n <= 16 {
                            has_byte(load8(tb, s + 8, n - 8), b'-')
                        } else {
                            tb[s + 8..e].contains(&b'-')
                        });
                if hyphen {
                    return text[s..e].split('-').any(|p| !p.is_empty() && self.piece_anchor(p));
                }
                if tb[s].is_ascii_digit() || tb[e - 1].is_ascii_digit() {
                    return self.digit_anchor(&text[s..e]);
                }
                let bits = self.anchor_two[two(&tb[s..e])];
                if bits & (if n < 16 { 1 << n } else { 1 }) == 0 {
                    return false;
                }
                let h = bloom_index((x | 0x2020_2020_2020_2020) & mask(n), n);
                self.anchor_bloom[h / 64] & (1 << (h % 64)) != 0 && self.word_anchor(&text[s..e])
            }
            TokenKind::Number => self.digit_anchor(&text[s..e]) || self.short_year_anchor(text, s, e),
            _ => false,
        }
    }

    /// Two digits right after an apostrophe ("in '08"), when some rule needs a short year: plain
    /// two-digit counts are no anchors otherwise.
    fn short_year_anchor(&self, text: &str, s: usize, e: usize) -> bool {
        self.anchor_shapes & (1 << (Shape::Yy as u32)) != 0
            && e == s + 2
            && text[..s].ends_with(['\'', '\u{2018}', '\u{2019}'])
            && super::matcher::digit_shape(Shape::Yy, &text[s..e]).is_some()
    }

    fn piece_anchor(&self, s: &str) -> bool {
        let b = s.as_bytes();
        if b[0].is_ascii_digit() || b[b.len() - 1].is_ascii_digit() {
            return self.digit_anchor(s);
        }
        let h = bloom_hash(b);
        self.anchor_bloom[h / 64] & (1 << (h % 64)) != 0 && self.word_anchor(s)
    }

    #[inline(never)]
    fn word_anchor(&self, s: &str) -> bool {
        let h = bloom_hash(s.as_bytes());
        if self.anchor_bloom[h / 64] & (1 << (h % 64)) == 0 {
            return false;
        }
        let w = self.lookup(s);
        w != NO_WORD && {
            let info = &self.words[w as usize];
            info.anchor && (!info.anchor_cap || s.as_bytes()[0].is_ascii_uppercase())
        }
    }

    /// True when a token with digits has one of the anchor shapes ("1998", "6:14", "22/06/2018").
    fn digit_anchor(&self, s: &str) -> bool {
        let b = s.as_bytes();
        // plain counts ("5", "1,000", "3.5") are anchors only as four-digit years ("1998", "1830
        // GMT"); two points make a date ("22.06.2018")
        if b.iter().all(|&c| c.is_ascii_digit() || c == b',' || c == b'.')
            && b.iter().filter(|&&c| c == b'.').count() < 2
        {
            return b.len() == 4
                && b.iter().all(u8::is_ascii_digit)
                && [Shape::Year, Shape::Mil].iter().any(|&sh| {
                    self.anchor_shapes & (1 << (sh as u32)) != 0 && super::matcher::digit_shape(sh, s).is_some()
                });
        }
        super::matcher::iso_clock(s).is_some()
            || ALL_SHAPES
                .iter()
                .any(|&sh| self.anchor_shapes & (1 << (sh as u32)) != 0 && super::matcher::digit_shape(sh, s).is_some())
    }

    /// The word id of a token's text, or [`NO_WORD`].
    #[inline]
    pub(crate) fn lookup(&self, text: &str) -> u32 {
        self.lookup_at(text.as_bytes(), 0, text.len())
    }

    /// The word id of the bytes `s..e` of a text, or [`NO_WORD`].
    #[inline]
    pub(crate) fn lookup_at(&self, b: &[u8], s: usize, e: usize) -> u32 {
        let n = e - s;
        if n == 0 {
            return NO_WORD;
        }
        // The Bloom filter rejects most words before any hashing. Tokens with a non-ASCII
        // character in their first eight bytes ("’s", "£", "n’t", whose key reads the curly
        // apostrophe as a straight one) are rare and looked up directly.
        let head = load8(b, s, n);
        if head & 0x8080_8080_8080_8080 == 0 {
            let h = bloom_index(head | (0x2020_2020_2020_2020 & mask(n)), n);
            if self.word_bloom[h / 64] & (1 << (h % 64)) == 0 {
                return NO_WORD;
            }
        }
        match key_at(b, s, e) {
            Some(k) => self.map.get(&k).copied().unwrap_or(NO_WORD),
            None => NO_WORD,
        }
    }

    /// The value of class `c` for word `w`, honouring the capital-letter flag.
    #[inline]
    pub(crate) fn class_val(&self, w: u32, c: u16, capital: bool) -> Option<Val> {
        if w == NO_WORD {
            return None;
        }
        self.words[w as usize].classes.iter().find(|&&(k, _, cap)| k == c && (capital || !cap)).map(|&(_, v, _)| v)
    }

    /// True when word `w` is in class `c`.
    #[inline]
    pub(crate) fn in_class(&self, w: u32, c: u16) -> bool {
        w != NO_WORD && self.words[w as usize].classes.iter().any(|&(k, _, _)| k == c)
    }
}

/// Bits of the anchor Bloom filter: with a few hundred anchor words, about one word in fifty
/// that is not an anchor passes on to the exact lookup.
const BLOOM_BITS: usize = 1 << 14;

/// The bits of the first `n` bytes (at most eight) of a little-endian word.
#[inline]
fn mask(n: usize) -> u64 {
    // branch free; `n` is at least 1 wherever a mask is taken of a word
    u64::MAX >> ((8 - n.clamp(1, 8)) * 8)
}

/// Up to eight bytes of `b` from `s` (no more than `n`), as a little-endian word.
#[inline]
fn load8(b: &[u8], s: usize, n: usize) -> u64 {
    let x = match b.get(s..s + 8).and_then(|w| <[u8; 8]>::try_from(w).ok()) {
        Some(w) => u64::from_le_bytes(w),
        None => {
            let mut buf = [0u8; 8];
            let k = (b.len() - s).min(8);
            buf[..k].copy_from_slice(&b[s..s + k]);
            u64::from_le_bytes(buf)
        }
    };
    x & mask(n)
}

/// The index of a word's first two bytes in the anchor table (five low bits of each, so that
/// ASCII letters fold; other bytes fold too, which only makes the test less sharp).
#[inline]
fn two(b: &[u8]) -> usize {
    let c1 = b.get(1).map_or(0, |&c| usize::from(c & 31));
    (usize::from(b[0] & 31) << 5) | c1
}

/// True when one of the bytes of `x` is `c` (`c` not zero; the zero padding never matches).
#[inline]
fn has_byte(x: u64, c: u8) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    let y = x ^ (ONES * u64::from(c));
    y.wrapping_sub(ONES) & !y & (ONES << 7) != 0
}

/// The Bloom filter bit of a word: its first eight bytes, case folded, and its length. ASCII
/// letters fold to lowercase; other bytes may change too, the same way for text and list.
#[inline]
fn bloom_index(folded: u64, n: usize) -> usize {
    ((folded ^ ((n as u64) << 58)).wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - 14)) as usize
}

#[inline]
fn bloom_hash(b: &[u8]) -> usize {
    let n = b.len();
    bloom_index(load8(b, 0, n) | (0x2020_2020_2020_2020 & mask(n)), n)
}

const ALL_SHAPES: [Shape; 20] = [
    Shape::Year,
    Shape::Day,
    Shape::Dth,
    Shape::Ord,
    Shape::Num,
    Shape::Clock,
    Shape::Hhmm,
    Shape::Mil,
    Shape::Iso,
    Shape::Slash,
    Shape::Md,
    Shape::Decade,
    Shape::Decyear,
    Shape::Yrange,
    Shape::Yspan,
    Shape::Yy,
    Shape::Qtr,
    Shape::Hlf,
    Shape::Fy,
    Shape::Wyear,
];

/// Most elements a pattern can have, context included.
pub(crate) const MAX_CAPS: usize = 12;

#[cfg(test)]
mod tests {
    use super::*;

    /// A word written with a curly apostrophe in the rules passes every byte-level filter that
    /// its straight spelling passes.
    #[test]
    fn curly_spellings_pass_the_filters() {
        let g = Grammar::parse("", "TIME time 10 _ := o'clock|o\u{2019}clock\n");
        for w in ["o'clock", "o\u{2019}clock"] {
            assert!(g.word_anchor(w), "{w} is no anchor");
            assert!(g.maybe_keyed(w.as_bytes(), 0, w.len()), "{w} is filtered out");
            assert_ne!(g.lookup_at(w.as_bytes(), 0, w.len()), NO_WORD, "{w} is not found");
        }
    }
}
