//! Quotation marks paired into quoted stretches, in one pass over the tokens.
//!
//! Curly quotes, guillemets and TeX quotes (``…'') say which way they face; straight quotes
//! alternate, helped by the spaces around them. Single quotes count as quotation marks only
//! where a matching one closes them: the apostrophe of "workers' union", "Sanders’ plan" or
//! "the ’90s" is left alone. A paragraph that opens a quotation and does not close it
//! continues into the next one when that one opens with a quotation mark (the news convention
//! for quotations over several paragraphs).

use dossier_model::{Span, Token, TokenKind};

/// One quoted stretch: from an opening mark to its closing mark, or to the end of the
/// paragraph when none closes it there.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Seg {
    /// Token index of the opening mark.
    pub open: usize,
    /// Token index of the closing mark; `None` when the paragraph ends first.
    pub close: Option<usize>,
    /// Token index of the last token inside the quotation (before the closing mark).
    pub last: usize,
    /// The quoted words, without marks and outer spaces.
    pub inner: Span,
    /// True when this stretch continues the one before it from the previous paragraph.
    pub cont: bool,
    /// True for double marks (", “, «, ``), false for single ones.
    pub double: bool,
}

impl Seg {
    /// From the opening mark to the closing one (or the last quoted token), marks included.
    pub(crate) fn outer(&self, toks: &[Token]) -> Span {
        let end = match self.close {
            Some(c) => toks[c].span.end,
            None => toks[self.last].span.end,
        };
        Span::new(toks[self.open].span.start, end)
    }

    /// The last token of the stretch: the closing mark, or the last quoted token.
    pub(crate) fn end_tok(&self) -> usize {
        self.close.unwrap_or(self.last)
    }
}

/// What a token is as a quotation mark: double or single, opening, closing, or either (the
/// straight marks, whose direction the spacing or the pairing tells).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Mark {
    OpenD,
    CloseD,
    AmbD,
    OpenS,
    CloseS,
    AmbS,
    No,
}

pub(crate) fn mark_of(s: &str) -> Mark {
    // (every mark below opens with one of these bytes; most tokens are words, asked of often)
    if !matches!(s.as_bytes().first(), Some(b'"' | b'\'' | b'`' | 0xC2 | 0xE2 | 0xE3 | 0xEF)) {
        return Mark::No;
    }
    match s {
        "\"" | "''" | "\u{FF02}" => Mark::AmbD,
        "\u{201C}" | "\u{201E}" | "\u{AB}" | "``" | "\u{300C}" | "\u{300E}" => Mark::OpenD,
        "\u{201D}" | "\u{BB}" | "\u{300D}" | "\u{300F}" | "\u{201F}" => Mark::CloseD,
        "\u{2018}" | "\u{201A}" | "\u{2039}" | "`" | "\u{201B}" => Mark::OpenS,
        "\u{2019}" | "\u{203A}" => Mark::CloseS,
        "'" | "\u{FF07}" => Mark::AmbS,
        _ => Mark::No,
    }
}

fn is_double(m: Mark) -> bool {
    matches!(m, Mark::OpenD | Mark::CloseD | Mark::AmbD)
}

/// Characters after which a mark faces right (opens): brackets, dashes, slashes, quotes.
fn opens_after(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '(' | '['
                | '{'
                | '-'
                | '\u{2013}'
                | '\u{2014}'
                | '/'
                | ':'
                | '"'
                | '\''
                | '\u{201C}'
                | '\u{2018}'
                | '\u{AB}'
        )
}

/// Characters before which a mark faces left (closes): spaces and punctuation.
fn closes_before(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '.' | ','
                | ';'
                | ':'
                | '!'
                | '?'
                | ')'
                | ']'
                | '}'
                | '-'
                | '\u{2013}'
                | '\u{2014}'
                | '\u{2026}'
                | '"'
                | '\''
                | '\u{201D}'
                | '\u{2019}'
                | '\u{BB}'
        )
}

struct Flank {
    left: bool,
    right: bool,
    prev: char,
    next: char,
}

fn flank(text: &str, t: &Token) -> Flank {
    let prev = text[..t.span.start].chars().next_back().unwrap_or(' ');
    let next = text[t.span.end..].chars().next().unwrap_or(' ');
    Flank {
        left: !next.is_whitespace() && opens_after(prev),
        right: !prev.is_whitespace() && closes_before(next),
        prev,
        next,
    }
}

/// Finds the quoted stretches of a tokenized text, outermost only, in text order.
pub(crate) fn find_quotes(text: &str, toks: &[Token]) -> Vec<Seg> {
    let n = toks.len();
    let mut out: Vec<Seg> = Vec::new();
    // the open double mark, the open single mark
    let mut open_d: Option<usize> = None;
    let mut open_s: Option<usize> = None;
    // the first token of the current paragraph
    let mut para = 0usize;
    // the opening mark that continues the quotation of the paragraph before
    let mut cont_open: Option<usize> = None;
    // double quotations open inside the open one; a token to skip to (a mark already taken)
    let mut inner_d = 0usize;
    let mut skip = 0usize;
    let push =
        |out: &mut Vec<Seg>, cont: Option<usize>, open: usize, close: Option<usize>, last: usize, double: bool| {
            if last <= open {
                return;
            }
            let inner = Span::new(toks[open + 1].span.start, toks[last].span.end);
            out.push(Seg { open, close, last, inner, cont: cont == Some(open), double });
        };
    for i in 0..n {
        let t = &toks[i];
        if t.para_start && i > 0 {
            // the paragraph before ended: a quotation left open there carries on when this
            // paragraph opens with a quotation mark
            let m = if t.kind == TokenKind::Quote { mark_of(t.span.of(text)) } else { Mark::No };
            inner_d = 0;
            if let Some(o) = open_d.take() {
                push(&mut out, cont_open, o, None, i - 1, true);
                if m == Mark::OpenD || (m == Mark::AmbD && flank(text, t).left) {
                    cont_open = Some(i);
                }
            } else if let Some(o) = open_s.take()
                && o >= para
                && m == Mark::OpenS
            {
                push(&mut out, cont_open, o, None, i - 1, false);
                cont_open = Some(i);
            }
            open_s = None;
            para = i;
        }
        if t.kind != TokenKind::Quote || i < skip {
            continue;
        }
        let m = mark_of(t.span.of(text));
        if m == Mark::No {
            continue;
        }
        let fl = flank(text, t);
        if is_double(m) {
            match (open_d, m) {
                (None, Mark::CloseD) => {}
                (None, Mark::AmbD) if fl.right && !fl.left => {} // 5'10", a stray closer
                (None, _) => {
                    open_d = Some(i);
                    // a single mark opened before at the top level stays open around it
                }
                // “It’s unusual,“ said …: an opening curly mark written where the closing one
                // belongs (after the words, before a space) closes
                (Some(o), Mark::OpenD) if fl.right && !fl.left => {
                    open_d = None;
                    if open_s.is_some_and(|so| so > o) {
                        open_s = None;
                    }
                    push(&mut out, cont_open, o, Some(i), i - 1, true);
                }
                (Some(_), Mark::OpenD) if nested_ahead(text, toks, i + 1) => {
                    // “A “B” C”, "A “B” C": a quotation inside one of the same or the straight
                    // style; its closing mark is not the outer one's
                    inner_d += 1;
                }
                (Some(o), Mark::OpenD) => {
                    // an opener while one is open: the earlier one was never closed
                    push(&mut out, cont_open, o, None, i - 1, true);
                    open_d = Some(i);
                }
                (Some(_), _) if inner_d > 0 => inner_d -= 1,
                (Some(o), _) => {
                    open_d = None;
                    // a single quote opened inside is dropped with it
                    if open_s.is_some_and(|so| so > o) {
                        open_s = None;
                    }
                    // ''They say, 'go home,''' (a single quotation closed with the double one):
                    // the single mark after the double one ends the quotation too
                    let mut close = i;
                    if toks.get(i + 1).is_some_and(|t| {
                        t.kind == TokenKind::Quote
                            && t.span.start == toks[i].span.end
                            && matches!(t.span.of(text), "'" | "\u{2019}")
                            && !text[t.span.end..].chars().next().is_some_and(char::is_alphanumeric)
                    }) {
                        close = i + 1;
                        skip = i + 2;
                    }
                    push(&mut out, cont_open, o, Some(close), i - 1, true);
                }
            }
            continue;
        }
        // single marks
        let opener = m == Mark::OpenS || (m == Mark::AmbS && fl.left && !fl.right);
        let closer = m == Mark::CloseS || (m == Mark::AmbS && fl.right);
        if opener && open_s.is_none() {
            if !fl.next.is_ascii_digit() {
                open_s = Some(i); // not the apostrophe of ’90s
            }
            continue;
        }
        if closer && let Some(o) = open_s {
            // "the workers’ union": a plural possessive inside a single-quoted stretch, when
            // another closer follows in the paragraph
            if (fl.prev == 's' || fl.prev == 'S') && fl.next == ' ' && later_closer(text, toks, i + 1) {
                continue;
            }
            open_s = None;
            if open_d.is_none_or(|d| d > o) {
                push(&mut out, cont_open, o, Some(i), i - 1, false);
            }
        }
    }
    if let Some(o) = open_d {
        push(&mut out, cont_open, o, None, n - 1, true);
    }
    // drop stretches inside others (a double quotation inside a single-quoted one)
    let mut kept: Vec<Seg> = Vec::with_capacity(out.len());
    out.sort_by_key(|s| (s.open, std::cmp::Reverse(s.end_tok())));
    for s in out {
        if let Some(p) = kept.last()
            && s.open < p.end_tok()
        {
            continue;
        }
        kept.push(s);
    }
    kept
}

/// True when the double marks after an opener (from token `from` on, in its paragraph) are
/// two closers in a row: the opener starts a quotation inside the open one.
fn nested_ahead(text: &str, toks: &[Token], from: usize) -> bool {
    let mut closers = 0;
    for t in toks.iter().skip(from).take(200) {
        if t.para_start {
            return false;
        }
        if t.kind != TokenKind::Quote {
            continue;
        }
        match mark_of(t.span.of(text)) {
            Mark::CloseD => closers += 1,
            Mark::AmbD if flank(text, t).right => closers += 1,
            Mark::OpenD | Mark::AmbD => return false,
            _ => continue,
        }
        if closers == 2 {
            return true;
        }
    }
    false
}

/// True when a single closing mark follows token `from` within its paragraph.
fn later_closer(text: &str, toks: &[Token], from: usize) -> bool {
    for t in toks.iter().skip(from).take(80) {
        if t.para_start {
            return false;
        }
        if t.kind == TokenKind::Quote {
            let m = mark_of(t.span.of(text));
            if m == Mark::CloseS || (m == Mark::AmbS && flank(text, t).right) {
                return true;
            }
            if is_double(m) {
                return false;
            }
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tokenize;

    #[test]
    fn every_mark_of_every_script_passes_the_first_byte_test() {
        // (the marks of the table, each in a word of its own: the test of the first byte before
        // the table must let each through)
        let marks = [
            ("\"", Mark::AmbD),
            ("''", Mark::AmbD),
            ("\u{FF02}", Mark::AmbD),
            ("\u{201C}", Mark::OpenD),
            ("\u{201E}", Mark::OpenD),
            ("\u{AB}", Mark::OpenD),
            ("``", Mark::OpenD),
            ("\u{300C}", Mark::OpenD),
            ("\u{300E}", Mark::OpenD),
            ("\u{201D}", Mark::CloseD),
            ("\u{BB}", Mark::CloseD),
            ("\u{300D}", Mark::CloseD),
            ("\u{300F}", Mark::CloseD),
            ("\u{201F}", Mark::CloseD),
            ("\u{2018}", Mark::OpenS),
            ("\u{201A}", Mark::OpenS),
            ("\u{2039}", Mark::OpenS),
            ("`", Mark::OpenS),
            ("\u{201B}", Mark::OpenS),
            ("\u{2019}", Mark::CloseS),
            ("\u{203A}", Mark::CloseS),
            ("'", Mark::AmbS),
            ("\u{FF07}", Mark::AmbS),
        ];
        for (s, m) in marks {
            assert_eq!(mark_of(s), m, "{s}");
        }
        for s in ["a", "The", "\u{2014}", "\u{E9}t\u{E9}", "\u{3001}", ""] {
            assert_eq!(mark_of(s), Mark::No, "{s}");
        }
    }

    fn quoted(text: &str) -> Vec<String> {
        let toks = tokenize(text);
        find_quotes(text, &toks)
            .iter()
            .map(|s| format!("{}{}", if s.cont { "+" } else { "" }, s.inner.of(text)))
            .collect()
    }

    #[test]
    fn pairs_every_style() {
        assert_eq!(quoted("“Yes,” she said. “No.”"), ["Yes,", "No."]);
        assert_eq!(quoted("\"Yes,\" she said. \"No.\""), ["Yes,", "No."]);
        assert_eq!(quoted("‘Yes,’ she said."), ["Yes,"]);
        assert_eq!(quoted("'Yes,' she said."), ["Yes,"]);
        assert_eq!(quoted("«Oui» dit-il."), ["Oui"]);
        assert_eq!(quoted("``We waited,'' said Ruth."), ["We waited,"]);
        assert_eq!(quoted("''We waited,'' said Ruth."), ["We waited,"]);
    }

    #[test]
    fn apostrophes_are_not_marks() {
        assert!(quoted("The workers' union met Sanders’ aides in the ’90s.").is_empty());
        assert_eq!(quoted("“The workers’ union is ‘strong’,” he said."), ["The workers’ union is ‘strong’,"]);
        assert_eq!(quoted("He is 5'10\" tall and said \"hi\"."), ["hi"]);
        assert_eq!(quoted("‘The workers’ union is strong,’ he said."), ["The workers’ union is strong,"]);
    }

    #[test]
    fn nested_quotes_stay_inside() {
        assert_eq!(quoted("“He told me ‘never’ twice,” she said."), ["He told me ‘never’ twice,"]);
        assert_eq!(quoted("‘He said “no”,’ she said."), ["He said “no”,"]);
    }

    #[test]
    fn nested_and_misfacing_marks() {
        // a quotation of the same style inside one, and a curly one inside a straight one
        assert_eq!(
            quoted("He wrote, “care even when “your team” errs. Really.” Then more."),
            ["care even when “your team” errs. Really."]
        );
        assert_eq!(
            quoted("\"Read it: “As you know, it is late.” Then vote.\" he said."),
            ["Read it: “As you know, it is late.” Then vote."]
        );
        // ''…''' closes a single quotation and the double one together
        assert_eq!(quoted("''They say, 'go home,''' said Mr. Lind."), ["They say, 'go home,"]);
        // an opening curly mark written where the closing one belongs
        assert_eq!(quoted("“It is unusual,“ said Larry Noble. “It is hard.”"), ["It is unusual,", "It is hard."]);
    }

    #[test]
    fn quotations_continue_over_paragraphs() {
        let t = "She wrote:\n\n“First part.\n\n“Second part.”\n\nThen “third”.";
        assert_eq!(quoted(t), ["First part.", "+Second part.", "third"]);
        // a paragraph that does not reopen ends the stretch
        let t = "“Unclosed here.\n\nPlain paragraph with “a quote”.";
        assert_eq!(quoted(t), ["Unclosed here.", "a quote"]);
    }
}
