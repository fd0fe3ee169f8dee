//! The headers of e-mail messages inside a text: an exported message, a thread that carries the
//! messages it answers, a forward. Each message's sender is the "I" of its body, and its sent
//! date is the day its "yesterday" counts from.

use dossier_model::Span;

/// One message's header: a block of header lines ("From: ...", "Sent: ...", "To: ...") or a
/// reply's attribution line ("On Tue, 14 May 2024 at 09:12, Ann Lee <ann@x.example> wrote:").
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Header {
    /// The header itself.
    pub span: Span,
    /// The message's body: after a block, up to the next block (or the text's end); after a
    /// reply line, its quoted lines ("> ...").
    pub body: Span,
    /// Where the sender is named: the "From:" value, or the attribution line.
    pub from: Option<Span>,
    /// Where the sent date is: the "Date:" or "Sent:" value, or the attribution line; a chat
    /// line's numeric date and time.
    pub date: Option<Span>,
    /// A chat export's line (see [`chat_line`]), whose date is numeric.
    pub chat: bool,
}

/// The message headers of a text, in text order. A block at the very start of the text (after
/// blank lines) may open with any header; one further on opens with "From:" (Outlook's
/// "-----Original Message-----", a forward), and names at least one more of the sent date, the
/// recipients or the subject, so that "From: the editor" in prose is none. A reply line counts
/// only with quoted lines after it ("On Tuesday, Trump wrote:" in a story is none).
pub fn headers(text: &str) -> Vec<Header> {
    let mut lines = Vec::new();
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        lines.push((offset, line.trim_end_matches(['\n', '\r'])));
        offset += line.len();
    }
    let first = lines.iter().position(|(_, l)| !l.trim_start_matches('\u{feff}').trim().is_empty());
    let mut out: Vec<Header> = Vec::new();
    // which of `out` are blocks (or chat lines)
    let mut blocks = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let (start, line) = lines[i];
        let at_start = Some(i) == first;
        if (at_start || line.starts_with("From:"))
            && let Some((header, next)) = block(&lines, i, at_start, text.len())
        {
            blocks.push(out.len());
            out.push(header);
            i = next;
            continue;
        }
        let trimmed = line.trim_start_matches('\u{feff}').trim();
        let quoted = |l: &&(usize, &str)| l.1.trim_start().starts_with('>');
        let next = lines[i + 1..].iter().find(|l| !l.1.trim().is_empty());
        if trimmed.len() <= 300
            && trimmed.starts_with("On ")
            && trimmed.ends_with("wrote:")
            && next.is_some_and(|l| quoted(&l))
        {
            let lead = line.find(trimmed).unwrap_or(0);
            let span = Span::new(start + lead, start + lead + trimmed.len());
            // the quoted lines, blank ones between them included
            let last = lines[i + 1..].iter().take_while(|l| l.1.trim().is_empty() || quoted(l)).filter(quoted).last();
            let end = last.map_or(span.end, |&(s, l)| s + l.len());
            out.push(Header { span, body: Span::new(span.end, end), from: Some(span), date: Some(span), chat: false });
        }
        i += 1;
    }
    // a chat export: two lines or more that open with a time stamp and a sender (a message
    // may run over lines)
    if out.is_empty() {
        let chat: Vec<Header> = lines.iter().filter_map(|&(start, line)| chat_line(line, start)).collect();
        if chat.len() >= 2 {
            blocks = (0..chat.len()).collect();
            out = chat;
        }
    }
    // a block's (or a chat line's) message runs to the next one
    for (k, &b) in blocks.iter().enumerate() {
        out[b].body.end = blocks.get(k + 1).map_or(text.len(), |&next| out[next].span.start);
    }
    out
}

/// A chat export's line that starts at byte `start` of the text: a numeric date, a clock time,
/// the sender and a colon, as messaging apps export them ("[12/03/2024, 21:14] Rory Quill: did
/// you move it", "12/03/2024, 21:14 - Rory Quill: ..."). The header is the line up to the colon.
fn chat_line(line: &str, start: usize) -> Option<Header> {
    let b = line.as_bytes();
    let mut i = usize::from(b.first() == Some(&b'['));
    let date_start = i;
    // digits, a separator, digits, a separator, digits (day, month, year in either order)
    let digits = |i: &mut usize, min: usize, max: usize| {
        let n = b[*i..].iter().take_while(|c| c.is_ascii_digit()).count();
        *i += n;
        (min..=max).contains(&n)
    };
    let sep = |i: &mut usize| {
        let ok = matches!(b.get(*i), Some(b'/' | b'.' | b'-'));
        *i += usize::from(ok);
        ok
    };
    if !(digits(&mut i, 1, 2) && sep(&mut i) && digits(&mut i, 1, 2) && sep(&mut i) && digits(&mut i, 2, 4)) {
        return None;
    }
    // ", " or " ", then the clock time ("21:14", "21:14:05", "9:14 PM")
    i += usize::from(b.get(i) == Some(&b','));
    if b.get(i) != Some(&b' ') {
        return None;
    }
    i += 1;
    if !(digits(&mut i, 1, 2) && b.get(i) == Some(&b':')) {
        return None;
    }
    i += 1;
    if !digits(&mut i, 2, 2) {
        return None;
    }
    if b.get(i) == Some(&b':') {
        i += 1;
        digits(&mut i, 2, 2);
    }
    let rest = &line[i..];
    let meridiem = ["\u{202f}AM", "\u{202f}PM", " AM", " PM", " am", " pm"].iter().find(|m| rest.starts_with(*m));
    i += meridiem.map_or(0, |m| m.len());
    let date_end = i;
    // "] " or " - ", then the sender up to ": "
    let lead = if line[i..].starts_with("] ") && date_start == 1 {
        2
    } else if line[i..].starts_with(" - ") && date_start == 0 {
        3
    } else {
        return None;
    };
    i += lead;
    let colon = line[i..].find(": ")? + i;
    let name = &line[i..colon];
    if name.is_empty() || name.len() > 40 || !name.starts_with(|c: char| c.is_alphanumeric() || c == '+') {
        return None;
    }
    let at = |k: usize| start + k;
    Some(Header {
        span: Span::new(at(0), at(colon + 1)),
        body: Span::new(at(colon + 1), at(line.len())),
        from: Some(Span::new(at(i), at(colon))),
        date: Some(Span::new(at(date_start), at(date_end))),
        chat: true,
    })
}

/// The header block that starts at line `i`, and the index of the line after it.
fn block(lines: &[(usize, &str)], i: usize, at_start: bool, text_len: usize) -> Option<(Header, usize)> {
    let (mut from, mut date) = (None, None);
    // the lines that name a sender, recipients, a subject or (Outlook's "Sent:") a sent date;
    // and those of a "Date:"
    let (mut mail, mut known) = (0, 0);
    let mut last_is_date = false;
    let mut j = i;
    while let Some(&(start, line)) = lines.get(j) {
        let line = line.trim_end();
        let start = start + if j == i { line.len() - line.trim_start_matches('\u{feff}').len() } else { 0 };
        let line = if j == i { line.trim_start_matches('\u{feff}') } else { line };
        if line.is_empty() {
            break;
        }
        if j > i && line.starts_with([' ', '\t']) {
            // a folded "Date:" whose value starts on the next line
            if last_is_date && date.is_some_and(|d: Span| d.is_empty()) {
                date = Some(Span::new(start, start + line.len()));
            }
            j += 1;
            continue;
        }
        let Some((name, value)) = line.split_once(':') else { break };
        let is_name =
            !name.is_empty() && name.len() <= 40 && name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-');
        if !is_name {
            break;
        }
        let value_start = start + name.len() + 1;
        let value = Span::new(value_start + (value.len() - value.trim_start().len()), start + line.len());
        let is = |h: &str| name.eq_ignore_ascii_case(h);
        // a message's block names its sender, recipients or subject; "Date:" alone may be a
        // notice's event ("Date: 14 June / Venue: Town Hall")
        if ["from", "to", "cc", "subject", "sent"].iter().any(|h| is(h)) {
            mail += 1;
        }
        known += usize::from(is("date"));
        if is("from") && from.is_none() {
            from = Some(value);
        }
        last_is_date = date.is_none() && (is("date") || is("sent"));
        if last_is_date {
            date = Some(value);
        }
        j += 1;
    }
    if j == i || mail == 0 || (!at_start && mail + known < 2) {
        return None;
    }
    let end = lines.get(j).map_or(text_len, |&(s, _)| s);
    let span = Span::new(lines[i].0, end);
    Some((Header { span, body: Span::new(end, end), from, date, chat: false }, j))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn values(text: &str) -> Vec<(Option<&str>, Option<&str>, &str)> {
        let of = |s: Option<Span>| s.map(|s| s.of(text));
        headers(text).into_iter().map(|h| (of(h.from), of(h.date), &text[h.span.end..])).collect()
    }

    #[test]
    fn a_thread_has_one_header_per_message() {
        let text = "From: Ann Lee <ann@x.example>\nTo: Tom Fenn\nDate: Tue, 14 May 2024 09:12\n\nTom, see below.\n\n\
                    -----Original Message-----\nFrom: Tom Fenn\nSent: Monday, May 13, 2024 4:55 PM\nTo: Ann Lee\n\
                    Subject: fees\n\nAnn, I need it by tomorrow.\n\n\
                    On Sun, 12 May 2024 at 10:00, Joan Ellery <j@x.example> wrote:\n> Who pays?\n";
        let v = values(text);
        assert_eq!(v.len(), 3);
        assert_eq!((v[0].0, v[0].1), (Some("Ann Lee <ann@x.example>"), Some("Tue, 14 May 2024 09:12")));
        assert!(v[0].2.starts_with("\nTom, see below."));
        assert_eq!((v[1].0, v[1].1), (Some("Tom Fenn"), Some("Monday, May 13, 2024 4:55 PM")));
        assert!(v[1].2.starts_with("\nAnn, I need it"));
        assert_eq!(v[2].0, Some("On Sun, 12 May 2024 at 10:00, Joan Ellery <j@x.example> wrote:"));
        // each message runs to the next block; a reply's, over its quoted lines
        let bodies: Vec<&str> = headers(text).iter().map(|h| h.body.of(text)).collect();
        assert_eq!(bodies[0], "\nTom, see below.\n\n-----Original Message-----\n");
        assert!(bodies[1].ends_with("Joan Ellery <j@x.example> wrote:\n> Who pays?\n"));
        assert_eq!(bodies[2], "\n> Who pays?");
    }

    #[test]
    fn a_reply_line_needs_quoted_lines() {
        assert!(headers("Lee spoke.\nOn Tuesday, Lee wrote:\n\"I will win.\"\n").is_empty());
        let text = "\u{feff}On Tue, 14 May 2024, Ann Lee wrote:\n\n> Who pays?\n>\n> Not me.\nThanks.";
        let h = headers(text);
        assert_eq!(h.len(), 1);
        assert_eq!(h[0].body.of(text), "\n\n> Who pays?\n>\n> Not me.");
    }

    #[test]
    fn a_chat_export_has_one_header_per_message() {
        let text = "Exhibit 14\n\n[12/03/2024, 21:14] Rory Quill: did you move the boxes\n\
                    [12/03/2024, 21:16] Dana Petch: not yet.\ntomorrow morning\n\
                    13/03/2024, 06:02 - Rory Quill: done?\n";
        let h = headers(text);
        assert_eq!(h.len(), 3);
        let of = |s: Option<Span>| s.map(|s| s.of(text));
        assert_eq!((of(h[0].from), of(h[0].date)), (Some("Rory Quill"), Some("12/03/2024, 21:14")));
        assert_eq!((of(h[2].from), of(h[2].date)), (Some("Rory Quill"), Some("13/03/2024, 06:02")));
        assert!(h.iter().all(|h| h.chat));
        // a message runs over its lines to the next one
        assert_eq!(h[1].body.of(text), " not yet.\ntomorrow morning\n");
        // one such line is no chat; nor a date and time in prose
        assert!(headers("[12/03/2024, 21:14] Rory Quill: hi\nThat was all.").is_empty());
        assert!(headers("On 12/03/2024, 21:14 Ann: left.\nOn 13/03/2024, 06:02 Tom: came.").is_empty());
        assert!(headers("[12/03/2024, 21:14]\n[1/2/24 9:").is_empty());
    }

    #[test]
    fn prose_and_notices_have_no_header() {
        // "From:" in prose without a second header; a notice's "Date:" with no sender or subject
        assert!(headers("The memo was short.\nFrom: the editor\nIt said no.").is_empty());
        assert!(headers("Date: 14 June 2024\nVenue: Town Hall\n\nBring a chair.").is_empty());
        assert!(headers("Note to self: call Piet.\nDate: 14 May 2024").is_empty());
        assert!(headers("").is_empty());
        // a byte-order mark and CRLF line ends; a folded date
        let text = "\u{feff}From: Ann Lee\r\nDate:\r\n Tue, 14 May 2024\r\n\r\nHi.";
        assert_eq!(values(text), [(Some("Ann Lee"), Some(" Tue, 14 May 2024"), "\r\nHi.")]);
    }
}
