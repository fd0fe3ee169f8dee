//! Tokens and sentences for news text, in one pass over the bytes each.
//!
//! Tokens follow the spaCy / Penn Treebank conventions where news text needs them: possessives and
//! contractions are split (`Britain's` -> `Britain` `'s`, `don't` -> `do` `n't`), abbreviations keep
//! their period (`Dr.`, `U.S.`, `J.`), numbers keep their separators (`1,000.5`, `18:30`, `6.14am`),
//! and a URL or email address is one token. Sentences are cut at `.?!` and ellipses by the case of
//! the next word, at paragraph breaks, and at line breaks that end a headline or a byline.
//!
//! ```
//! use dossier_nlp::{split_sentences, tokenize};
//! let text = "Mr. Lee met U.S. officials. They talked.";
//! let tokens = tokenize(text);
//! let sentences: Vec<&str> = split_sentences(text, &tokens).iter().map(|s| s.of(text)).collect();
//! assert_eq!(sentences, ["Mr. Lee met U.S. officials.", "They talked."]);
//! ```

use crate::pipeline::{Component, Layer};
use dossier_model::{Doc, Span, Token, TokenKind};
use std::sync::OnceLock;

// ------------------------------------------------------------------------------------ word lists

/// A word list from a resource file: one entry a line, `#` starts a comment. Entries are short
/// ASCII words, kept as sorted integers (the bytes, big-endian) so that a lookup is a binary
/// search over numbers rather than over strings: lookups run at every period.
struct WordList {
    exact: Vec<u128>,
    lower: Vec<u128>,
}

/// Which other spellings of a listed word count as listed.
#[derive(Clone, Copy)]
enum Fold {
    /// Also in capitals (headlines): "INC." for "Inc.".
    Caps,
    /// Also in capitals or in lowercase: "mr." for "Mr.".
    CapsOrLower,
    /// In any case: "'S" for "'s".
    Any,
}

/// The word as a number, if it has 1 to 16 bytes; `lower` folds ASCII capitals.
#[inline]
fn key(w: &[u8], lower: bool) -> Option<u128> {
    if w.is_empty() || w.len() > 16 {
        return None;
    }
    let mut k = 0u128;
    for &c in w {
        k = (k << 8) | u128::from(if lower { c.to_ascii_lowercase() } else { c });
    }
    // the length keeps "\0a" apart from "a"
    Some((k << 8) | w.len() as u128)
}

impl WordList {
    fn parse(src: &'static str) -> Self {
        let words = || src.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#'));
        let build = |lower: bool| {
            let mut v: Vec<u128> = words().filter_map(|w| key(w.as_bytes(), lower)).collect();
            v.sort_unstable();
            v.dedup();
            v
        };
        WordList { exact: build(false), lower: build(true) }
    }

    #[inline]
    fn contains(&self, w: &str) -> bool {
        key(w.as_bytes(), false).is_some_and(|k| self.exact.binary_search(&k).is_ok())
    }

    fn contains_folded(&self, w: &str, fold: Fold) -> bool {
        if self.contains(w) {
            return true;
        }
        let b = w.as_bytes();
        if b.len() > 16 || !b.iter().all(u8::is_ascii_alphabetic) {
            return false;
        }
        let caps = b.len() > 1 && b.iter().all(u8::is_ascii_uppercase);
        let allowed = match fold {
            Fold::Caps => caps,
            Fold::CapsOrLower => caps || b.iter().all(u8::is_ascii_lowercase),
            Fold::Any => true,
        };
        allowed && key(b, true).is_some_and(|k| self.lower.binary_search(&k).is_ok())
    }
}

struct Lexicon {
    never_final: WordList,
    may_end: WordList,
    before_number: WordList,
    units: WordList,
    clitics: WordList,
    tlds: WordList,
    starters: WordList,
    continuers: WordList,
    greetings: WordList,
}

/// True for a word that opens a greeting or a sign-off ("Hi", "Dear", "Thanks"), in any case.
pub(crate) fn is_greeting(w: &str) -> bool {
    lexicon().greetings.contains_folded(w, Fold::Any)
}

fn lexicon() -> &'static Lexicon {
    static LEX: OnceLock<Lexicon> = OnceLock::new();
    LEX.get_or_init(|| Lexicon {
        never_final: WordList::parse(include_str!("resources/abbrev_never_final.txt")),
        may_end: WordList::parse(include_str!("resources/abbrev_may_end.txt")),
        before_number: WordList::parse(include_str!("resources/abbrev_before_number.txt")),
        units: WordList::parse(include_str!("resources/units.txt")),
        clitics: WordList::parse(include_str!("resources/clitics.txt")),
        tlds: WordList::parse(include_str!("resources/tlds.txt")),
        starters: WordList::parse(include_str!("resources/sentence_starters.txt")),
        continuers: WordList::parse(include_str!("resources/line_continuers.txt")),
        greetings: WordList::parse(include_str!("resources/greetings.txt")),
    })
}

// ------------------------------------------------------------------------------- character classes

/// The character at byte `i`, which must be a char boundary; NUL past the end.
#[inline]
fn char_at(text: &str, i: usize) -> char {
    text.get(i..).and_then(|s| s.chars().next()).unwrap_or('\0')
}

/// Whitespace, plus the invisible separators that web text leaves between words.
#[inline]
fn is_space(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{200B}' | '\u{2060}' | '\u{FEFF}')
}

/// Combining marks and joiners that belong to the character before them. Letters of Indic and
/// Thai scripts are taken whole because their vowel signs and viramas are marks.
#[inline]
fn is_mark(c: char) -> bool {
    matches!(c as u32,
        0x0300..=0x036F | 0x0483..=0x0489 | 0x0591..=0x05C7 | 0x0610..=0x061A | 0x064B..=0x065F
        | 0x0670 | 0x06D6..=0x06ED | 0x0900..=0x0963 | 0x0966..=0x0DFF | 0x0E31..=0x0E4E
        | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x200C..=0x200D | 0x20D0..=0x20FF | 0xFE00..=0xFE0F
        | 0xFE20..=0xFE2F | 0x1F3FB..=0x1F3FF | 0xE0020..=0xE007F | 0xE0100..=0xE01EF)
}

#[inline]
fn is_word_char(c: char) -> bool {
    // General Punctuation (curly quotes, dashes) is frequent in news and needs no table lookup
    if ('\u{2000}'..='\u{206F}').contains(&c) {
        return matches!(c, '\u{200C}' | '\u{200D}');
    }
    c.is_alphanumeric() || is_mark(c)
}

/// True when a word character starts at byte `i`.
#[inline]
fn word_char_at(text: &str, i: usize) -> bool {
    match text.as_bytes().get(i) {
        None => false,
        Some(&c) if c < 0x80 => c.is_ascii_alphanumeric(),
        Some(_) => is_word_char(char_at(text, i)),
    }
}

/// True when a letter starts at byte `i`.
#[inline]
fn letter_at(text: &str, i: usize) -> bool {
    match text.as_bytes().get(i) {
        None => false,
        Some(&c) if c < 0x80 => c.is_ascii_alphabetic(),
        Some(_) => {
            let c = char_at(text, i);
            !('\u{2000}'..='\u{206F}').contains(&c) && c.is_alphabetic()
        }
    }
}

/// Length in bytes of an apostrophe (`'` or `’`) at byte `i`, or 0.
#[inline]
fn apostrophe_at(b: &[u8], i: usize) -> usize {
    match b.get(i) {
        Some(b'\'') => 1,
        Some(0xE2) if b.get(i + 1) == Some(&0x80) && b.get(i + 2) == Some(&0x99) => 3,
        _ => 0,
    }
}

fn is_quote_char(c: char) -> bool {
    matches!(
        c,
        '"' | '\''
            | '`'
            | '\u{AB}'
            | '\u{BB}'
            | '\u{2018}'..='\u{201F}'
            | '\u{2039}'
            | '\u{203A}'
            | '\u{300C}'..='\u{300F}'
            | '\u{FF02}'
            | '\u{FF07}'
    )
}

fn is_dash(c: char) -> bool {
    matches!(c, '\u{2012}'..='\u{2015}' | '\u{2E3A}' | '\u{2E3B}')
}

/// Non-ASCII punctuation (as opposed to symbols), by block: Latin-1 marks, General Punctuation,
/// CJK and full-width punctuation.
fn is_unicode_punct(c: char) -> bool {
    matches!(c as u32,
        0xA1 | 0xA7 | 0xB6 | 0xB7 | 0xBF | 0x37E | 0x387 | 0x55A..=0x55F | 0x589 | 0x5BE | 0x5C0
        | 0x5C3 | 0x5F3 | 0x5F4 | 0x60C | 0x60D | 0x61B | 0x61F | 0x6D4 | 0x964 | 0x965
        | 0x2010..=0x2027 | 0x2030..=0x205E | 0x2E00..=0x2E4F | 0x3001..=0x3003 | 0x3008..=0x3011
        | 0x3014..=0x301F | 0xFE10..=0xFE19 | 0xFE30..=0xFE4F | 0xFE50..=0xFE6B | 0xFF01..=0xFF03
        | 0xFF05..=0xFF0A | 0xFF0C..=0xFF0F | 0xFF1A | 0xFF1B | 0xFF1F | 0xFF20 | 0xFF3B..=0xFF3D
        | 0xFF3F | 0xFF5B | 0xFF5D | 0xFF5F..=0xFF65)
}

// -------------------------------------------------------------------------------------- tokenizer

/// Splits text into tokens with UTF-8 byte spans, in text order, never empty, never overlapping.
///
/// `para_start` is set on a token preceded by whitespace holding a blank line (two line breaks,
/// spaces allowed between them; also a form feed or U+2029).
pub fn tokenize(text: &str) -> Vec<Token> {
    let lex = lexicon();
    let b = text.as_bytes();
    let n = b.len();
    // About one token per six bytes of English; one reservation up front keeps pushes cheap.
    let mut out: Vec<Token> = Vec::with_capacity(n / 5 + 4);
    let mut i = 0;
    let mut newlines = 0u32;
    while i < n {
        let c = b[i];
        let (end, kind) = if c < 0x80 {
            match c {
                b' ' | b'\t' => {
                    i += 1;
                    continue;
                }
                b'\n' => {
                    newlines += 1;
                    i += 1;
                    continue;
                }
                b'\r' => {
                    // CRLF counts once, through its LF.
                    if b.get(i + 1) != Some(&b'\n') {
                        newlines += 1;
                    }
                    i += 1;
                    continue;
                }
                0x0B => {
                    newlines += 1;
                    i += 1;
                    continue;
                }
                0x0C => {
                    newlines += 2;
                    i += 1;
                    continue;
                }
                _ => ascii_token(text, i, &out, lex),
            }
        } else {
            let ch = char_at(text, i);
            if is_space(ch) {
                newlines += match ch {
                    '\u{2029}' => 2,
                    '\u{85}' | '\u{2028}' => 1,
                    _ => 0,
                };
                i += ch.len_utf8();
                continue;
            }
            unicode_token(text, i, ch, &out, lex)
        };
        debug_assert!(end > i && text.is_char_boundary(end));
        out.push(Token { span: Span::new(i, end), kind, para_start: newlines >= 2 });
        newlines = 0;
        i = end;
    }
    out
}

/// True when the last token ends exactly at `i` and is word-like: a clitic may attach there.
#[inline]
fn follows_word(out: &[Token], i: usize) -> bool {
    out.last().is_some_and(|t| t.span.end == i && matches!(t.kind, TokenKind::Word | TokenKind::Number))
}

/// The end of a clitic (`'s`, `’re`) whose apostrophe starts at `i`, if one does.
fn clitic_at(text: &str, i: usize, lex: &Lexicon) -> Option<usize> {
    let b = text.as_bytes();
    let a = apostrophe_at(b, i);
    if a == 0 {
        return None;
    }
    let mut k = i + a;
    while k < b.len() && b[k].is_ascii_alphabetic() {
        k += 1;
    }
    if k == i + a || word_char_at(text, k) || k - (i + a) > 2 {
        return None;
    }
    lex.clitics.contains_folded(&text[i + a..k], Fold::Any).then_some(k)
}

/// The end of `n't` starting at `i`, if one does.
fn nt_at(text: &str, i: usize) -> Option<usize> {
    let b = text.as_bytes();
    if !matches!(b.get(i), Some(b'n' | b'N')) {
        return None;
    }
    let a = apostrophe_at(b, i + 1);
    if a == 0 || !matches!(b.get(i + 1 + a), Some(b't' | b'T')) || word_char_at(text, i + 2 + a) {
        return None;
    }
    Some(i + 2 + a)
}

fn ascii_token(text: &str, i: usize, out: &[Token], lex: &Lexicon) -> (usize, TokenKind) {
    let b = text.as_bytes();
    let n = b.len();
    let c = b[i];
    if c.is_ascii_alphabetic() {
        if follows_word(out, i)
            && let Some(e) = nt_at(text, i)
        {
            return (e, TokenKind::Word);
        }
        return scan_word(text, i, i, lex);
    }
    if c.is_ascii_digit() {
        return scan_number(text, i, lex);
    }
    let run = |c: u8| {
        let mut e = i + 1;
        while e < n && b[e] == c {
            e += 1;
        }
        e
    };
    match c {
        b'.' | b'?' | b'!' => {
            if c == b'.' && b.get(i + 1).is_some_and(u8::is_ascii_digit) && (i == 0 || b[i - 1].is_ascii_whitespace()) {
                // ".5" written without its leading zero
                let (e, _) = scan_number(text, i + 1, lex);
                return (e, TokenKind::Number);
            }
            let mut e = i + 1;
            while e < n && matches!(b[e], b'.' | b'?' | b'!') {
                e += 1;
            }
            (e, TokenKind::Punct)
        }
        b'\'' => {
            if follows_word(out, i)
                && let Some(e) = clitic_at(text, i, lex)
            {
                return (e, TokenKind::Word);
            }
            (if b.get(i + 1) == Some(&b'\'') { i + 2 } else { i + 1 }, TokenKind::Quote)
        }
        b'"' => (i + 1, TokenKind::Quote),
        b'`' => (if b.get(i + 1) == Some(&b'`') { i + 2 } else { i + 1 }, TokenKind::Quote),
        b'-' | b'*' | b'=' | b'_' | b'~' | b'#' if c != b'#' || b.get(i + 1) == Some(&b'#') => {
            let kind = if matches!(c, b'-' | b'_') { TokenKind::Punct } else { TokenKind::Symbol };
            (run(c), kind)
        }
        b'#' | b'@' if b.get(i + 1).is_some_and(u8::is_ascii_alphabetic) => {
            // hashtags and handles
            let (e, _) = scan_word(text, i + 1, i + 1, lex);
            (e, TokenKind::Word)
        }
        b':' | b';' if let Some(e) = emoticon_end(b, i) => (e, TokenKind::Symbol),
        b'$' | b'+' | b'<' | b'>' | b'^' | b'|' | b'#' | b'@' => (i + 1, TokenKind::Symbol),
        0x00..=0x1F | 0x7F => (i + 1, TokenKind::Symbol),
        _ => (i + 1, TokenKind::Punct),
    }
}

/// The end of an emoticon (`:)`, `;-)`, `:D`) starting at `i`, written apart from words.
fn emoticon_end(b: &[u8], i: usize) -> Option<usize> {
    if i > 0 && !b[i - 1].is_ascii_whitespace() {
        return None;
    }
    let mut e = i + 1;
    if matches!(b.get(e), Some(b'-' | b'\'')) {
        e += 1;
    }
    if !matches!(b.get(e), Some(b')' | b'(' | b'D' | b'P' | b'p' | b'/' | b'|' | b']' | b'[')) {
        return None;
    }
    e += 1;
    while b.get(e) == b.get(e - 1) && matches!(b.get(e), Some(b')' | b'(')) {
        e += 1; // ":)))"
    }
    (e == b.len() || b[e].is_ascii_whitespace() || matches!(b[e], b'.' | b',' | b'!' | b'?')).then_some(e)
}

fn unicode_token(text: &str, i: usize, ch: char, out: &[Token], lex: &Lexicon) -> (usize, TokenKind) {
    let len = ch.len_utf8();
    if ch.is_alphanumeric() {
        return scan_word(text, i, i, lex);
    }
    if is_quote_char(ch) {
        if ch == '\u{2019}'
            && follows_word(out, i)
            && let Some(e) = clitic_at(text, i, lex)
        {
            return (e, TokenKind::Word);
        }
        return (i + len, TokenKind::Quote);
    }
    if ch == '\u{2026}' || is_dash(ch) {
        // runs of the same dash or ellipsis character are one mark
        let mut e = i + len;
        while char_at(text, e) == ch {
            e += len;
        }
        return (e, TokenKind::Punct);
    }
    if is_unicode_punct(ch) {
        return (i + len, TokenKind::Punct);
    }
    (symbol_end(text, i + len, ch), TokenKind::Symbol)
}

/// The end of a symbol that started before `e`: emoji keep their modifiers, variation selectors
/// and zero-width-joined parts; flags are pairs of regional indicators.
fn symbol_end(text: &str, mut e: usize, first: char) -> usize {
    let regional = |c: char| ('\u{1F1E6}'..='\u{1F1FF}').contains(&c);
    if regional(first) {
        let c = char_at(text, e);
        if regional(c) {
            e += c.len_utf8();
        }
    }
    loop {
        let c = char_at(text, e);
        if c == '\u{200D}' {
            e += 3;
            let next = char_at(text, e);
            if next != '\0' && !is_space(next) {
                e += next.len_utf8();
            }
        } else if c != '\0' && is_mark(c) {
            e += c.len_utf8();
        } else {
            return e;
        }
    }
}

/// `http://...`, `https://...`, `ftp://...` or `www.` at `i`: the end of the link.
fn scan_url(text: &str, i: usize) -> Option<usize> {
    let b = text.as_bytes();
    let rest = &b[i..];
    let starts = |p: &[u8]| rest.len() > p.len() && rest[..p.len()].eq_ignore_ascii_case(p);
    let body = [&b"https://"[..], b"http://", b"ftp://", b"www."].into_iter().find(|p| starts(p))?.len();
    if !word_char_at(text, i + body) {
        return None;
    }
    Some(link_tail(text, i, i + body))
}

/// The end of the link that starts at `start`, scanning on from `from`: up to whitespace or a
/// character that cannot be in a link, less trailing punctuation and unbalanced closing brackets.
fn link_tail(text: &str, start: usize, from: usize) -> usize {
    let b = text.as_bytes();
    let mut e = from;
    while e < b.len() {
        let c = b[e];
        if c < 0x80 {
            if c <= b' ' || matches!(c, b'"' | b'<' | b'>' | b'`' | b'{' | b'}' | b'|' | b'\\' | b'^') {
                break;
            }
            e += 1;
        } else {
            let ch = char_at(text, e);
            if is_space(ch) || is_quote_char(ch) || is_dash(ch) || ch == '\u{2026}' {
                break;
            }
            e += ch.len_utf8();
        }
    }
    while e > from {
        let last = b[e - 1];
        let drop = match last {
            b'.' | b',' | b';' | b':' | b'!' | b'?' | b'\'' | b'*' => true,
            b')' => count(&b[start..e], b'(') < count(&b[start..e], b')'),
            b']' => count(&b[start..e], b'[') < count(&b[start..e], b']'),
            _ => false,
        };
        if !drop {
            break;
        }
        e -= 1;
    }
    e
}

fn count(b: &[u8], c: u8) -> usize {
    b.iter().filter(|&&x| x == c).count()
}

/// A domain name without scheme starting at `start` (`example.com`, `news.example.co.uk/path`):
/// dot-separated labels whose last one is a known top-level domain in lowercase.
fn scan_domain(text: &str, start: usize, lex: &Lexicon) -> Option<usize> {
    let b = text.as_bytes();
    let mut i = start;
    let mut labels = 0;
    let mut last;
    // a domain name has at most 253 characters: the bound keeps "a.b.c.d..." linear
    let end = b.len().min(start + 253);
    loop {
        let s = i;
        while i < end && (b[i].is_ascii_alphanumeric() || b[i] == b'-') {
            i += 1;
        }
        if i == s {
            return None;
        }
        labels += 1;
        last = (s, i);
        if i + 1 < end && b[i] == b'.' && b[i + 1].is_ascii_alphanumeric() {
            i += 1;
        } else {
            break;
        }
    }
    if i == end && end < b.len() {
        return None;
    }
    let tld = &text[last.0..last.1];
    if labels < 2 || word_char_at(text, i) || !tld.bytes().all(|c| c.is_ascii_lowercase()) || !lex.tlds.contains(tld) {
        return None;
    }
    if b.get(i) == Some(&b'/') {
        return Some(link_tail(text, start, i));
    }
    Some(i)
}

/// An email address starting at `start`, if one does: the end of it.
fn scan_email(text: &str, start: usize) -> Option<usize> {
    let b = text.as_bytes();
    let local = |c: u8| c.is_ascii_alphanumeric() || matches!(c, b'.' | b'_' | b'%' | b'+' | b'-');
    // the local part has at most 64 characters and the domain 253: the bounds keep long runs of
    // "a.b.c" linear, as each word would otherwise scan all of them again
    let mut i = start;
    while i < b.len() && i - start <= 64 && local(b[i]) {
        i += 1;
    }
    if i == start || b.get(i) != Some(&b'@') {
        return None;
    }
    i += 1;
    let mut dots = 0;
    let mut e = i;
    let end = b.len().min(i + 253);
    while e < end && (b[e].is_ascii_alphanumeric() || b[e] == b'-' || b[e] == b'.') {
        if b[e] == b'.' {
            if !b.get(e + 1).is_some_and(u8::is_ascii_alphanumeric) {
                break;
            }
            dots += 1;
        }
        e += 1;
    }
    (dots > 0 && e > i && b[e - 1].is_ascii_alphabetic()).then_some(e)
}

/// A word from `start`, scanning on from `from` (a number may have begun it): letters and digits,
/// with inner hyphens, apostrophes, `&` (AT&T) and the periods of abbreviations (U.S., Ph.D.).
fn scan_word(text: &str, start: usize, from: usize, lex: &Lexicon) -> (usize, TokenKind) {
    let b = text.as_bytes();
    let n = b.len();
    if from == start
        && matches!(b[start], b'h' | b'H' | b'w' | b'W' | b'f' | b'F')
        && let Some(e) = scan_url(text, start)
    {
        return (e, TokenKind::Link);
    }
    let mut i = from;
    let mut seg = start; // start of the current period-separated segment
    let mut dotted = false;
    while i < n {
        let c = b[i];
        if c.is_ascii_alphanumeric() {
            i += 1;
            continue;
        }
        if c >= 0x80 {
            let ch = char_at(text, i);
            if is_word_char(ch) {
                i += ch.len_utf8();
                continue;
            }
            if matches!(ch, '\u{2010}' | '\u{2011}') && i > start && word_char_at(text, i + 3) {
                i += 3;
                continue;
            }
            if ch != '\u{2019}' {
                break;
            }
        }
        match c {
            b'-' if word_char_at(text, i + 1) => {
                i += 1;
                seg = i; // "non-U.S.": the abbreviation starts after the hyphen
            }
            b'_' if word_char_at(text, i + 1) => i += 1,
            b'&' if i > start && b[i - 1].is_ascii_uppercase() && b.get(i + 1).is_some_and(u8::is_ascii_uppercase) => {
                i += 1
            }
            b'\'' | 0xE2 => {
                // an apostrophe inside the word (O'Brien) stays; a clitic after it is split off
                let a = apostrophe_at(b, i);
                if !letter_at(text, i + a) {
                    break;
                }
                if clitic_at(text, i, lex).is_some() {
                    break;
                }
                if i >= start + 2 && matches!(b[i - 1], b'n' | b'N') && nt_at(text, i - 1).is_some() {
                    i -= 1;
                    break;
                }
                i += a;
            }
            b'.' => {
                let seg_letters = i - seg <= 2 && b[seg..i].iter().all(u8::is_ascii_alphabetic);
                if b.get(i + 1).is_some_and(u8::is_ascii_alphabetic) {
                    if seg_letters {
                        dotted = true;
                        i += 1;
                        seg = i;
                        continue;
                    }
                    if let Some(e) = scan_domain(text, start, lex) {
                        return (e, TokenKind::Link);
                    }
                    break;
                }
                if dotted {
                    if seg_letters {
                        i += 1;
                    }
                    break;
                }
                if takes_period(text, start, i, lex) {
                    i += 1;
                }
                break;
            }
            _ => break,
        }
    }
    if i < n
        && matches!(b[i], b'@' | b'.' | b'_' | b'+' | b'-' | b'%')
        && let Some(e) = scan_email(text, start)
    {
        return (e, TokenKind::Link);
    }
    (i, TokenKind::Word)
}

/// True when the word `text[start..dot]` is an abbreviation that keeps the period at `dot`.
fn takes_period(text: &str, start: usize, dot: usize, lex: &Lexicon) -> bool {
    let w = &text[start..dot];
    let mut chars = w.chars();
    if let (Some(c), None) = (chars.next(), chars.next())
        && c.is_uppercase()
    {
        // an initial, unless glued to a symbol ("30°C.")
        let before = text[..start].chars().next_back();
        return before.is_none_or(|b| b.is_whitespace() || matches!(b, '(' | '[' | '-') || is_quote_char(b));
    }
    // "R-Ariz." and "D-Calif." abbreviate their last part
    let w = w.rsplit('-').next().unwrap_or(w);
    if w.is_empty() || w.len() > 16 {
        return false;
    }
    lex.never_final.contains_folded(w, Fold::CapsOrLower)
        || lex.may_end.contains_folded(w, Fold::Caps)
        || (lex.before_number.contains_folded(w, Fold::CapsOrLower) && digit_follows(text.as_bytes(), dot + 1))
}

/// True when the next non-blank character after `i` on the line is a digit.
fn digit_follows(b: &[u8], mut i: usize) -> bool {
    while i < b.len() && (b[i] == b' ' || b[i] == b'\t') {
        i += 1;
    }
    b.get(i).is_some_and(u8::is_ascii_digit)
}

/// A number from `start`: digits with decimal points, thousands commas, clock colons, date
/// slashes and hyphens, and an ordinal, decade or am/pm suffix. A unit after it (`10km`) is
/// left for the next token; other letters make it a word (`3D`, `20-year-old`).
fn scan_number(text: &str, start: usize, lex: &Lexicon) -> (usize, TokenKind) {
    let b = text.as_bytes();
    let n = b.len();
    let digit = |i: usize| b.get(i).is_some_and(u8::is_ascii_digit);
    let mut i = start;
    while digit(i) {
        i += 1;
    }
    while i + 1 < n {
        let ok = match b[i] {
            b'.' | b'/' | b'-' => digit(i + 1),
            b',' => digit(i + 1) && digit(i + 2) && digit(i + 3) && !digit(i + 4),
            b':' => digit(i + 1) && digit(i + 2) && !digit(i + 3),
            _ => false,
        };
        if !ok {
            break;
        }
        i += 1;
        while digit(i) {
            i += 1;
        }
    }
    // an ISO 8601 date and time ("2018-06-22T14:30:00Z", "...T14:30+01:00") is one token
    if i - start == 10 && b[start + 4] == b'-' && b[start + 7] == b'-' && b.get(i) == Some(&b'T') {
        let two = |k: usize| digit(k) && digit(k + 1);
        if two(i + 1) && b.get(i + 3) == Some(&b':') && two(i + 4) {
            let mut k = i + 6;
            if b.get(k) == Some(&b':') && two(k + 1) {
                k += 3;
                if b.get(k) == Some(&b'.') && digit(k + 1) {
                    k += 1;
                    while digit(k) {
                        k += 1;
                    }
                }
            }
            if b.get(k) == Some(&b'Z') {
                k += 1;
            } else if matches!(b.get(k), Some(b'+' | b'-')) && two(k + 1) {
                k += 3;
                if b.get(k) == Some(&b':') && two(k + 1) {
                    k += 3;
                } else if two(k) {
                    k += 2;
                }
            }
            if !word_char_at(text, k) {
                return (k, TokenKind::Number);
            }
        }
    }
    if i < n && b[i].is_ascii_alphabetic() {
        let mut k = i;
        while k < n && b[k].is_ascii_alphabetic() {
            k += 1;
        }
        let suffix = &text[i..k];
        if !word_char_at(text, k) {
            let is = |w: &str| suffix.eq_ignore_ascii_case(w);
            if ["st", "nd", "rd", "th", "s", "am", "pm"].into_iter().any(is) && b.get(k) != Some(&b'-') {
                return (k, TokenKind::Number);
            }
            if (is("a") || is("p"))
                && b.get(k) == Some(&b'.')
                && matches!(b.get(k + 1), Some(b'm' | b'M'))
                && b.get(k + 2) == Some(&b'.')
            {
                return (k + 3, TokenKind::Number);
            }
            if lex.units.contains(suffix) {
                return (i, TokenKind::Number);
            }
        }
        return scan_word(text, start, i, lex);
    }
    if i + 1 < n && b[i] == b'-' && letter_at(text, i + 1) {
        return scan_word(text, start, i, lex);
    }
    if i < n && b[i] >= 0x80 && word_char_at(text, i) {
        return scan_word(text, start, i, lex);
    }
    (i, TokenKind::Number)
}

// ------------------------------------------------------------------------------------- sentences

/// What a token can do to end a sentence.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Stop {
    /// Nothing: a sentence can end after it only at a paragraph or line break.
    No,
    /// `.`: ends before a capital, a digit or an opening quote, and before a lowercase word when
    /// no closing quote intervenes.
    Period,
    /// `?`, `!` and runs of them.
    Strong,
    /// `..`, `...`, `…`: ends only before a capital.
    Ellipsis,
    /// An abbreviation that never ends a sentence (`Mr.`, `e.g.`, `No.` before a number).
    Title,
    /// An abbreviation that may end a sentence (`U.S.`, `Inc.`, `J.`): ends only before a usual
    /// sentence opener.
    Abbrev,
    /// A link, an emoticon or an emoji, which web text often leaves at the end of a sentence
    /// without a full stop: ends before a usual sentence opener, like an abbreviation.
    Link,
}

fn stop_of(text: &str, t: &Token, lex: &Lexicon) -> Stop {
    let all = text.as_bytes();
    // cheap tests on the bytes first: this runs for every token
    let cand = match t.kind {
        TokenKind::Punct => matches!(all[t.span.start], b'.' | b'?' | b'!' | 0xE2),
        TokenKind::Word => all[t.span.end - 1] == b'.',
        TokenKind::Link => return Stop::Link,
        TokenKind::Symbol if is_smiley(text, t) => return Stop::Link,
        _ => false,
    };
    if !cand {
        return Stop::No;
    }
    let s = t.span.of(text);
    let b = s.as_bytes();
    match t.kind {
        TokenKind::Punct => match b[0] {
            b'.' if b.len() >= 2 && b.iter().all(|&c| c == b'.') => Stop::Ellipsis,
            b'.' if b.iter().all(|&c| c == b'.') => Stop::Period,
            b'.' | b'?' | b'!' => Stop::Strong,
            0xE2 if s.starts_with('\u{2026}') => Stop::Ellipsis,
            _ => Stop::No,
        },
        TokenKind::Word if b.len() > 1 && b[b.len() - 1] == b'.' => {
            let w = &s[..s.len() - 1];
            if lex.never_final.contains_folded(w, Fold::CapsOrLower)
                || lex.before_number.contains_folded(w, Fold::CapsOrLower)
            {
                Stop::Title
            } else {
                Stop::Abbrev
            }
        }
        _ => Stop::No,
    }
}

/// The character a token starts with.
#[inline]
fn first_char(text: &str, t: &Token) -> char {
    char_at(text, t.span.start)
}

fn is_opener(text: &str, t: &Token) -> bool {
    match t.kind {
        TokenKind::Quote => !matches!(first_char(text, t), '\u{2019}' | '\u{201D}' | '\u{BB}' | '\u{203A}'),
        TokenKind::Punct => matches!(first_char(text, t), '(' | '[' | '{' | '\u{FF08}'),
        _ => false,
    }
}

/// True for an emoticon or an emoji: both close the sentence they follow in web text.
fn is_smiley(text: &str, t: &Token) -> bool {
    let b = &text.as_bytes()[t.span.start..t.span.end];
    match b[0] {
        b':' | b';' => b.len() >= 2,
        c if c < 0x80 => false,
        _ => {
            let c = first_char(text, t);
            // currency signs open the next sentence rather than close this one
            !matches!(c, '\u{A2}'..='\u{A5}' | '\u{20A0}'..='\u{20CF}') && (c as u32) >= 0x2600
        }
    }
}

/// True when token `j` closes what came before: a closing bracket, a closing curly quote, or a
/// straight quote written against the preceding token or closing an open one.
fn is_closer(text: &str, tokens: &[Token], j: usize, open_straight: bool) -> bool {
    let t = &tokens[j];
    let c = first_char(text, t);
    match t.kind {
        TokenKind::Punct => matches!(c, ')' | ']' | '}' | '\u{FF09}'),
        TokenKind::Quote => match c {
            '\u{2019}' | '\u{201D}' | '\u{BB}' | '\u{203A}' => true,
            '"' | '\'' | '\u{FF02}' => {
                let glued_before = tokens[j - 1].span.end == t.span.start;
                let glued_after = tokens.get(j + 1).is_some_and(|n| n.span.start == t.span.end);
                // `. "It` opens the next sentence whatever the count of quotes says
                glued_before || (c == '"' && open_straight && !glued_after)
            }
            _ => false,
        },
        _ => false,
    }
}

/// The end of a citation mark (`[12]`, `[3] [4]`, `[citation needed]`) starting at token `j`.
fn citation_end(text: &str, tokens: &[Token], j: usize) -> Option<usize> {
    if tokens.get(j).is_none_or(|t| t.kind != TokenKind::Punct || first_char(text, t) != '[') {
        return None;
    }
    let close = (j + 2..tokens.len().min(j + 6)).find(|&m| first_char(text, &tokens[m]) == ']')?;
    tokens[j + 1..close].iter().all(|t| matches!(t.kind, TokenKind::Number | TokenKind::Word)).then_some(close)
}

/// True when a line break lies between two tokens.
#[inline]
fn line_break_between(text: &str, a: &Token, z: &Token) -> bool {
    let gap = &text.as_bytes()[a.span.end..z.span.start];
    if gap.is_ascii() {
        gap.iter().any(|&c| matches!(c, b'\n' | b'\r' | 0x0B | 0x0C))
    } else {
        text[a.span.end..z.span.start]
            .chars()
            .any(|c| matches!(c, '\n' | '\r' | '\u{0B}' | '\u{0C}' | '\u{85}' | '\u{2028}' | '\u{2029}'))
    }
}

/// Whether the text is hard-wrapped (lines cut at a fixed width, as in email and wire copy),
/// measured once, when the first line break without punctuation asks.
struct Wrap {
    width: Option<Option<usize>>,
}

impl Wrap {
    /// True when the line ending at byte `p` fills the text's wrap width, so that the break after
    /// it is only a space; a shorter line (a headline, a byline) ends where it ends.
    fn runs_on(&mut self, b: &[u8], p: usize) -> bool {
        let Some(width) = *self.width.get_or_insert_with(|| wrap_width(b)) else {
            return false;
        };
        line_length(b, p) + 20 >= width
    }
}

/// Lines longer than this (in characters) are paragraphs, not lines of wrapped text, a column or
/// a signature.
const PARAGRAPH_LINE: usize = 100;

/// The length in characters of the line that ends at byte `p`, from its start.
fn line_length(b: &[u8], p: usize) -> usize {
    let line_start = b[..p].iter().rposition(|&c| c == b'\n').map_or(0, |i| i + 1);
    chars_in(&b[line_start..p])
}

fn chars_in(b: &[u8]) -> usize {
    b.iter().filter(|&&c| c & 0xC0 != 0x80 && c != b'\r').count()
}

/// The typical length of a line that runs on into the next one, when most such lines have about
/// that length (40 to 100 characters): the text is hard-wrapped at that width.
fn wrap_width(b: &[u8]) -> Option<usize> {
    const MAX: usize = 128;
    let mut hist = [0u32; MAX];
    let mut total = 0u32;
    let mut prev: Option<usize> = None;
    for line in b.split(|&c| c == b'\n') {
        let len = chars_in(line);
        let blank = line.iter().all(|c| c.is_ascii_whitespace());
        if let Some(p) = prev
            && !blank
        {
            total += 1;
            if p < MAX {
                hist[p] += 1;
            }
        }
        prev = (!blank).then_some(len);
    }
    if total < 3 {
        return None;
    }
    // the median length of the lines that run on
    let mut seen = 0;
    let median = (0..MAX).find(|&l| {
        seen += hist[l];
        seen * 2 >= total
    })?;
    if !(40..=100).contains(&median) {
        return None;
    }
    let near: u32 = hist[median - 20..(median + 10).min(MAX)].iter().sum();
    (near * 10 >= total * 7).then_some(median)
}

/// Splits tokenized text into sentences. Each span runs from the start of a sentence's first token
/// to the end of its last one; the spans are in order, cover every token and do not overlap.
pub fn split_sentences(text: &str, tokens: &[Token]) -> Vec<Span> {
    let lex = lexicon();
    let b = text.as_bytes();
    let n = tokens.len();
    let mut out = Vec::with_capacity(n / 16 + 1);
    let mut wrap = Wrap { width: None };
    let mut first = 0;
    let mut open_straight = false;
    let mut k = 0;
    while k < n {
        let t = &tokens[k];
        if t.para_start {
            open_straight = false;
        }
        if t.kind == TokenKind::Quote && b[t.span.start] == b'"' {
            open_straight = !open_straight;
        }
        let stop = stop_of(text, t, lex);
        let mut last = k;
        let split = if stop == Stop::No {
            if k + 1 >= n {
                false
            } else if line_break_between(text, t, &tokens[k + 1]) {
                line_ends_sentence(text, tokens, k, lex, &mut wrap)
            } else if is_separator(text, t) || is_separator(text, &tokens[k + 1]) {
                separator_ends(text, tokens, k)
            } else if b[t.span.start] == b',' {
                greeting_ends(text, tokens, first, k, lex)
            } else if stamp_ends(text, tokens, first, k) {
                true
            } else {
                k - first < 8 && title_ends(text, tokens, first, k, lex)
            }
        } else {
            // closing quotes and brackets, and citation marks, stay with the sentence they close
            let mut closed = false;
            while last + 1 < n && !tokens[last + 1].para_start {
                if is_closer(text, tokens, last + 1, open_straight) {
                    last += 1;
                    closed = true;
                    if b[tokens[last].span.start] == b'"' {
                        open_straight = false;
                    }
                } else if tokens[last + 1].kind == TokenKind::Symbol && is_smiley(text, &tokens[last + 1]) {
                    last += 1;
                } else if let Some(e) = citation_end(text, tokens, last + 1) {
                    last = e;
                } else {
                    break;
                }
            }
            let glued = stop == Stop::Period
                && tokens.get(k + 1).is_some_and(|x| x.span.start == t.span.end && letter_at(text, x.span.start));
            // (an abbreviation or an initial at the end of a line longer than any wrap width,
            // a paragraph of its own, ends the sentence there, as a line without a stop does:
            // "... Thomas L." / "Hayes was"; not in a column, a signature or a ragged PDF line,
            // where a name runs on to the next line: "Ursula K." / "Le Guin")
            let abbreviation = stop == Stop::Abbrev && last == k;
            let line_ends = abbreviation
                && k + 1 < n
                && line_break_between(text, t, &tokens[k + 1])
                && line_length(b, t.span.end) > PARAGRAPH_LINE
                && line_ends_sentence(text, tokens, k, lex, &mut wrap);
            // ("5:15 p.m. Police say ...": a clock's "p.m." is a stop that a live blog's
            // entry goes on from)
            !glued
                && !list_number(text, tokens, first, k, stop)
                && (ends_before(text, tokens, last + 1, stop, closed, lex)
                    || abbreviation && stamp_ends(text, tokens, first, k)
                    || line_ends)
        };
        if split || last + 1 == n || tokens[last + 1].para_start {
            push_capped(text, &tokens[first..=last], &mut out);
            first = last + 1;
        }
        k = last + 1;
    }
    out
}

/// The most tokens a sentence holds. Text with no sentence ends (a word list, a table, a dump of
/// data) would make one sentence of a whole file, and the components read a sentence's words
/// around each thing they find in it: a sentence of 80,000 tokens of month names took 16 s, and
/// the tagger's buffers, a kilobyte a token, took 2 GB for a 10 MB file. The longest sentence of
/// the PolNeAR, CoNLL-2003, UNER and TBAQ texts has about 300.
const MAX_SENTENCE_TOKENS: usize = 1_000;

/// Adds the sentence of `tokens` to `out`, cut into pieces of at most [`MAX_SENTENCE_TOKENS`]:
/// each after the last line break or punctuation among its last 200 tokens (where names rarely
/// run on), else at the limit.
fn push_capped(text: &str, tokens: &[Token], out: &mut Vec<Span>) {
    let mut a = 0;
    while tokens.len() - a > MAX_SENTENCE_TOKENS {
        let limit = a + MAX_SENTENCE_TOKENS;
        let pause = |j: &usize| {
            tokens[*j - 1].kind == TokenKind::Punct || line_break_between(text, &tokens[*j - 1], &tokens[*j])
        };
        let cut = (limit - 200..=limit).rev().find(pause).unwrap_or(limit);
        out.push(Span::new(tokens[a].span.start, tokens[cut - 1].span.end));
        a = cut;
    }
    out.push(Span::new(tokens[a].span.start, tokens[tokens.len() - 1].span.end));
}

/// True when the period at `k` follows the number of a heading or a list item: "1.", "2.1.",
/// "Figure 2.", "claims: 1. that ... and 2. that".
fn list_number(text: &str, tokens: &[Token], first: usize, k: usize, stop: Stop) -> bool {
    if stop != Stop::Period || k == first || tokens[k - 1].kind != TokenKind::Number {
        return false;
    }
    if k - first <= 2 {
        return true;
    }
    let num = tokens[k - 1].span.of(text);
    let before = tokens[k - 2].span.of(text);
    num.len() <= 2 && matches!(before, ":" | ";" | "," | "and" | "or")
}

/// Whether a sentence that stopped with `stop` ends before token `j`, judging by what follows.
/// `closed` tells that a closing quote or bracket came after the stop: then a lowercase word
/// continues the sentence (`"Why?" he asked`), while after a bare stop it starts a new one (web
/// text often leaves out capitals).
fn ends_before(text: &str, tokens: &[Token], j: usize, stop: Stop, closed: bool, lex: &Lexicon) -> bool {
    if j >= tokens.len() {
        return true;
    }
    // look through opening quotes and brackets to the first word
    let mut m = j;
    while m < tokens.len() && m < j + 3 && is_opener(text, &tokens[m]) {
        m += 1;
    }
    let Some(next) = tokens.get(m) else {
        return true;
    };
    let c = first_char(text, next);
    let capital = c.is_uppercase();
    match stop {
        Stop::No | Stop::Title => false,
        _ if is_separator(text, &tokens[j]) => true,
        Stop::Period | Stop::Strong => {
            let quoted = m > j && tokens[j].kind == TokenKind::Quote;
            capital
                || (c.is_ascii_digit() && (m == j || quoted))
                || (c.is_lowercase() && m == j && !closed && next.kind == TokenKind::Word)
                || next.kind == TokenKind::Link
        }
        Stop::Ellipsis => capital,
        Stop::Abbrev | Stop::Link => capital && lex.starters.contains(next.span.of(text)),
    }
}

/// A rule of repeated marks (`*****`, `_____`, `----==`) that separates parts of a text.
#[inline]
fn is_separator(text: &str, t: &Token) -> bool {
    if !matches!(t.kind, TokenKind::Punct | TokenKind::Symbol) || t.span.len() < 3 {
        return false;
    }
    let b = &text.as_bytes()[t.span.start..t.span.end];
    matches!(b[0], b'*' | b'_' | b'=' | b'-' | b'~' | b'#')
        && b.iter().all(|&c| c == b[0])
        && (b.len() >= 4 || b[0] != b'-')
}

/// Whether a sentence ends between tokens `k` and `k + 1`, one of which is a separator: before
/// a separator set apart by a space, and after one when no lowercase word follows.
fn separator_ends(text: &str, tokens: &[Token], k: usize) -> bool {
    let (t, next) = (&tokens[k], &tokens[k + 1]);
    if next.span.start == t.span.end {
        return false; // one separator written in several marks ("----==")
    }
    if is_separator(text, next) {
        return true;
    }
    let c = first_char(text, next);
    // nor before a closing mark: a sentence never starts with one
    !c.is_lowercase() && !matches!(c, ',' | '.' | ';' | ':' | ')' | ']' | '\u{2019}' | '\u{201D}' | '\u{BB}')
}

/// Whether the comma at `k` closes a greeting or a sign-off ("Hi Ann,", "Thank you,") that opens
/// the sentence, and a capitalised word follows.
fn greeting_ends(text: &str, tokens: &[Token], first: usize, k: usize, lex: &Lexicon) -> bool {
    if k == first || k - first > 4 || !tokens.get(k + 1).is_some_and(|t| first_char(text, t).is_uppercase()) {
        return false;
    }
    lex.greetings.contains(tokens[first].span.of(text))
        && tokens[first + 1..k].iter().all(|t| {
            t.kind == TokenKind::Word
                && (first_char(text, t).is_uppercase() || matches!(t.span.of(text), "you" | "regards" | "wishes"))
        })
}

/// Whether `w` is a capitalized word that usually opens a sentence ("But", "If", "Although",
/// "The"; `sentence_starters.txt`).
pub(crate) fn is_sentence_starter(w: &str) -> bool {
    lexicon().starters.contains(w)
}

/// True for the half of the day written after a clock time: "am", "pm", "a.m.", "p.m." (any case).
pub(crate) fn is_meridiem(s: &str) -> bool {
    matches!(s.to_ascii_lowercase().as_str(), "am" | "pm" | "a.m." | "p.m.")
}

/// Whether a clock time that heads a line, as a live blog's or a log's entries open ("17:42
/// Police say ...", "5.42pm BST The council ..."), ends after token `k` as a sentence of its own,
/// so that it is no part of what follows (the subject of a "say", the words of a quotation).
fn stamp_ends(text: &str, tokens: &[Token], first: usize, k: usize) -> bool {
    let head = first == 0 || tokens[first].para_start || line_break_between(text, &tokens[first - 1], &tokens[first]);
    let Some(next) = tokens.get(k + 1) else { return false };
    if !head || k > first + 2 || next.kind != TokenKind::Word || !first_char(text, next).is_uppercase() {
        return false;
    }
    let clock = tokens[first].span.of(text);
    let (digits, suffix) = clock.split_at(clock.find(|c: char| c.is_ascii_alphabetic()).unwrap_or(clock.len()));
    let Some((h, m)) = digits.split_once([':', '.']) else { return false };
    let number = |s: &str, max: u32| s.bytes().all(|c| c.is_ascii_digit()) && s.parse::<u32>().is_ok_and(|v| v <= max);
    if tokens[first].kind != TokenKind::Number || !(1..=2).contains(&h.len()) || m.len() != 2 {
        return false;
    }
    if !number(h, 23) || !number(m, 59) {
        return false;
    }
    let zone =
        |s: &str| matches!(s, "GMT" | "BST" | "UTC" | "CET" | "CEST" | "ET" | "EST" | "EDT" | "PT" | "PST" | "PDT");
    // what follows the digits: at most a glued or separate am/pm and a time zone
    let rest: Vec<&str> = tokens[first + 1..=k].iter().map(|t| t.span.of(text)).collect();
    let marked = !suffix.is_empty() || rest.first().is_some_and(|s| is_meridiem(s));
    let rest_ok = match rest.as_slice() {
        [] => true,
        [a] => is_meridiem(a) || zone(a),
        [a, z] => is_meridiem(a) && zone(z),
        _ => false,
    };
    let next_word = next.span.of(text);
    // the line goes on as a sentence ("9:15 am Tuesday" is one heading)
    let lower = tokens[k + 2..tokens.len().min(k + 7)]
        .iter()
        .take_while(|t| !line_break_between(text, next, t))
        .any(|t| t.kind == TokenKind::Word && first_char(text, t).is_lowercase());
    #[rustfmt::skip]
    let day = [
        "Mon", "Tue", "Tues", "Wed", "Thu", "Thur", "Thurs", "Fri", "Sat", "Sun", "Monday", "Tuesday", "Wednesday",
        "Thursday", "Friday", "Saturday", "Sunday", "Today", "Tonight", "Tomorrow", "Yesterday",
    ];
    // "17.42" needs its am/pm or zone to be a clock ("3.14 Pi"); "17:42" is one as it is
    (suffix.is_empty() || is_meridiem(suffix))
        && rest_ok
        && (digits.contains(':') || marked || !rest.is_empty())
        && lower
        && !is_meridiem(next_word)
        && !zone(next_word)
        && !day.contains(&next_word.trim_end_matches('.'))
}

/// Whether a title without punctuation at the head of a paragraph ends after token `k`, the line
/// break after it having been lost: "Lovely Cottage This cottage is...", "MINISTER RESIGNS After
/// months of...". It does when a usual sentence opener follows in capitals, itself followed by
/// lowercase words; "told The New York Times" and "Against The Odds" stay whole.
fn title_ends(text: &str, tokens: &[Token], first: usize, k: usize, lex: &Lexicon) -> bool {
    let (Some(w), Some(after)) = (tokens.get(k + 1), tokens.get(k + 2)) else {
        return false;
    };
    // the openers listed are ASCII words, so a byte test rules out most tokens at once
    let lower = |t: &Token| t.kind == TokenKind::Word && first_char(text, t).is_lowercase();
    if w.kind != TokenKind::Word || !text.as_bytes()[w.span.start].is_ascii_uppercase() || !lower(after) {
        return false;
    }
    let head = first == 0 || tokens[first].para_start || line_break_between(text, &tokens[first - 1], &tokens[first]);
    if !head || tokens[first..=k].iter().any(|t| !matches!(t.kind, TokenKind::Word | TokenKind::Number)) {
        return false;
    }
    let ws = w.span.of(text);
    // a title does not end on a function word ("the", "The First Time")
    let prev = tokens[k].span.of(text);
    if ws == "I" || !lex.starters.contains(ws) || lex.continuers.contains(prev) || lex.starters.contains(prev) {
        return false;
    }
    tokens[k + 2..tokens.len().min(k + 5)].iter().filter(|t| lower(t)).count() >= 2
}

/// Whether the line ending with token `k` ends a sentence without punctuation: a headline, a
/// byline, an item of a list. Not when the line is visibly unfinished, nor when the text is
/// hard-wrapped and the line fills the width.
fn line_ends_sentence(text: &str, tokens: &[Token], k: usize, lex: &Lexicon, wrap: &mut Wrap) -> bool {
    let t = &tokens[k];
    let s = t.span.of(text);
    match t.kind {
        TokenKind::Punct if matches!(s, "," | "-" | "/" | "(" | "[" | "{" | "&") => return false,
        TokenKind::Quote if is_opener(text, t) => return false,
        TokenKind::Word if lex.continuers.contains(s) => return false,
        _ => {}
    }
    let mut m = k + 1;
    while m < tokens.len() && m < k + 4 && is_opener(text, &tokens[m]) {
        m += 1;
    }
    let Some(next) = tokens.get(m) else {
        return true;
    };
    let c = first_char(text, next);
    let starts = c.is_uppercase()
        || c.is_ascii_digit()
        || matches!(next.kind, TokenKind::Symbol | TokenKind::Link)
        || (next.kind == TokenKind::Punct && !matches!(c, ',' | '.' | ';' | ':' | ')' | ']'));
    starts && !wrap.runs_on(text.as_bytes(), t.span.end)
}

// ------------------------------------------------------------------------------------- component

/// The pipeline component that fills [`Doc::tokens`] and [`Doc::sentences`].
pub struct Segmenter;

impl Component for Segmenter {
    fn name(&self) -> &'static str {
        "segment"
    }
    fn requires(&self) -> &'static [Layer] {
        &[]
    }
    fn assigns(&self) -> &'static [Layer] {
        &[Layer::Tokens, Layer::Sentences]
    }
    fn process(&self, doc: &mut Doc) {
        doc.tokens = tokenize(&doc.text);
        doc.sentences = split_sentences(&doc.text, &doc.tokens);
    }
}

#[cfg(test)]
mod tests;
