//! Small metadata helpers shared by the readers.

/// The calendar date at the start of a timestamp ("2018-07-23T09:15:00Z", "2018/07/23"),
/// as YYYY-MM-DD, if it is a real date.
pub fn date_prefix(s: &str) -> Option<String> {
    let s = s.trim();
    let b = s.as_bytes();
    if b.len() < 10 || !(b[4] == b'-' || b[4] == b'/') || b[7] != b[4] {
        return None;
    }
    if b.get(10).is_some_and(|c| c.is_ascii_digit()) {
        return None;
    }
    let num = |r: std::ops::Range<usize>| s.get(r)?.parse::<i16>().ok();
    real_day(num(0..4)?, num(5..7)?, num(8..10)?)
}

/// Year, month and day as `YYYY-MM-DD`, if that day exists.
fn real_day(y: i16, m: i16, d: i16) -> Option<String> {
    Some(jiff::civil::Date::new(y, i8::try_from(m).ok()?, i8::try_from(d).ok()?).ok()?.to_string())
}

/// The day a publication date names, as `YYYY-MM-DD`: an ISO date or timestamp ([`date_prefix`]),
/// a date written with the month's name after an optional weekday ("June 22, 2018", "22 Jun
/// 2018", "Friday, June 22, 2018"), which takes in an e-mail's or an RSS feed's RFC 2822 date
/// ("Tue, 14 May 2024 09:12:44 +0200", the day in its own offset; a time after the date is
/// ignored), or eight digits ("20180622"). Days that do not exist are none; so are dates in
/// numbers alone whose order is unknown ("06/07/2018").
pub fn published_date(s: &str) -> Option<String> {
    let s = s.trim();
    if let Some(d) = date_prefix(s) {
        return Some(d);
    }
    if s.len() == 8 && s.bytes().all(|b| b.is_ascii_digit()) {
        let num = |r: std::ops::Range<usize>| s[r].parse::<i16>().ok();
        return real_day(num(0..4)?, num(4..6)?, num(6..8)?);
    }
    written_date(s)
}

/// "June 22, 2018", "22 June 2018", "Sept. 3, 2018", after an optional weekday.
fn written_date(s: &str) -> Option<String> {
    const MONTHS: [&str; 12] = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    const WEEKDAYS: [&str; 7] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
    // a month's name or its start, three letters at least ("Jun", "Sept.")
    let month = |w: &str| {
        let w = w.trim_end_matches('.').to_ascii_lowercase();
        (w.len() >= 3).then(|| MONTHS.iter().position(|m| m.starts_with(w.as_str()))).flatten()
    };
    let mut words = s.split(|c: char| c.is_whitespace() || c == ',').filter(|w| !w.is_empty()).peekable();
    if words.peek().is_some_and(|w| w.len() >= 3 && WEEKDAYS.iter().any(|d| w.to_ascii_lowercase().starts_with(d))) {
        words.next();
    }
    let (a, b, c) = (words.next()?, words.next()?, words.next()?);
    let day = |w: &str| w.trim_end_matches(|c: char| c.is_ascii_alphabetic()).parse::<i16>().ok();
    let year = |w: &str| (w.len() == 4).then(|| w.parse::<i16>().ok()).flatten();
    let (m, d) = match (month(a), month(b)) {
        (Some(m), None) => (m, day(b)?),
        (None, Some(m)) => (m, day(a)?),
        _ => return None,
    };
    real_day(year(c)?, m as i16 + 1, d)
}

/// The title and byline of a plain-text story: a first line set apart by a blank line and
/// not ending like a sentence is a headline; a following line "By ..." is the byline.
/// The text itself is left as it is (offsets refer to it).
pub fn headline_and_byline(text: &str) -> (Option<String>, Option<String>) {
    let mut paras = text.trim_start_matches('\u{feff}').split("\n\n").map(str::trim).filter(|p| !p.is_empty());
    let Some(first) = paras.next() else { return (None, None) };
    let one_line = !first.contains('\n');
    let looks_like_headline = one_line
        && first.chars().count() <= 200
        && first.split_whitespace().count() >= 2
        && !first.ends_with(['.', ',', ';', ':', '"', '”'])
        && first.chars().next().is_some_and(|c| c.is_uppercase() || c.is_ascii_digit());
    if !looks_like_headline || paras.clone().next().is_none() {
        return (None, None);
    }
    // the byline is the next paragraph's first line ("By Ann Lee, Labour Correspondent", maybe
    // with a date line under it), a name and not a sentence ("By the time we arrived")
    let byline = paras
        .next()
        .and_then(|p| p.lines().next())
        .filter(|l| l.len() <= 150 && !l.trim_end().ends_with(['.', ',', ';', ':']))
        .and_then(|l| l.strip_prefix("By ").or_else(|| l.strip_prefix("BY ")))
        .map(str::trim)
        .filter(|b| byline_name(b))
        .map(str::to_string);
    (Some(first.to_string()), byline)
}

/// True when a byline's text (after "By") opens with a name: up to six capitalized words
/// (or "and", "&" and name particles) before any comma, and not a weekday or a month ("By
/// Monday evening the water had reached").
fn byline_name(b: &str) -> bool {
    #[rustfmt::skip]
    const NOT_NAMES: &[&str] = &[
        "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January", "February", "March",
        "April", "May", "June", "July", "August", "September", "October", "November", "December", "The", "Then",
    ];
    const JOINS: &[&str] = &["and", "&", "de", "van", "von", "der", "la", "le", "da", "di", "bin", "al"];
    let name = b.split(',').next().unwrap_or("");
    let words: Vec<&str> = name.split_whitespace().collect();
    !words.is_empty()
        && words.len() <= 6
        && !NOT_NAMES.contains(&words[0])
        && words.iter().all(|w| w.starts_with(char::is_uppercase) || JOINS.contains(w))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headlines_and_bylines_of_plain_text() {
        let (t, b) = headline_and_byline(
            "Harbour strike ends after nine days\n\nBy Ann Lee, Labour Correspondent\n\nWorkers voted.",
        );
        assert_eq!(t.as_deref(), Some("Harbour strike ends after nine days"));
        assert_eq!(b.as_deref(), Some("Ann Lee, Labour Correspondent"));
        assert_eq!(headline_and_byline("Workers voted on Monday.\n\nThey left."), (None, None));
        assert_eq!(headline_and_byline("Dear Minister,\n\nThank you."), (None, None));
        assert_eq!(headline_and_byline("Only one paragraph here"), (None, None));
        let (t, b) = headline_and_byline("Strike over\n\nWorkers voted.");
        assert_eq!((t.as_deref(), b), (Some("Strike over"), None));
        // a date line under the byline, and no byline in a sentence
        let (_, b) =
            headline_and_byline("Strike over\n\nBy Ann Lee, Labour Correspondent\nPublished 3 May 2026\n\nIt ended.");
        assert_eq!(b.as_deref(), Some("Ann Lee, Labour Correspondent"));
        assert_eq!(headline_and_byline("Strike over\n\nBy the time we arrived it had ended\n\nWe left.").1, None);
        assert_eq!(headline_and_byline("Strike over\n\nBy Monday, it had ended.\n\nWe left.").1, None);
        let wrapped =
            "Flood warning\n\nBy Monday evening the water had reached the\nhigh street, police said.\n\nIt rose.";
        assert_eq!(headline_and_byline(wrapped).1, None);
        let wrapped = "Flood warning\n\nBy Friday Kell Council had shut the\nhigh street.\n\nIt rose.";
        assert_eq!(headline_and_byline(wrapped).1, None);
        let (_, b) = headline_and_byline("Strike over\n\nBy Ann Lee and Tom de Vries\n\nIt ended.");
        assert_eq!(b.as_deref(), Some("Ann Lee and Tom de Vries"));
    }

    #[test]
    fn dates_from_timestamps() {
        assert_eq!(date_prefix("2018-07-23T09:15:00+01:00").as_deref(), Some("2018-07-23"));
        assert_eq!(date_prefix(" 2018/07/23 ").as_deref(), Some("2018-07-23"));
        assert_eq!(date_prefix("2016-02-29").as_deref(), Some("2016-02-29"));
        assert_eq!(date_prefix("2018-02-30"), None);
        assert_eq!(date_prefix("July 23, 2018"), None);
        assert_eq!(date_prefix("2018-07-233"), None);
    }

    #[test]
    fn publication_dates_in_other_forms() {
        for (s, want) in [
            ("2018-06-22T10:00:00Z", Some("2018-06-22")),
            ("Tue, 14 May 2024 09:12:44 +0200", Some("2024-05-14")),
            ("Fri, 22 Jun 2018 23:30:00 -0500", Some("2018-06-22")),
            ("June 22, 2018", Some("2018-06-22")),
            ("Friday, June 22, 2018 4:30 PM", Some("2018-06-22")),
            ("22 June 2018", Some("2018-06-22")),
            ("22nd Jun 2018", Some("2018-06-22")),
            ("Sept. 3, 2018", Some("2018-09-03")),
            ("20180622", Some("2018-06-22")),
            ("February 29, 2016", Some("2016-02-29")),
            ("February 29, 2018", None),
            ("20180230", None),
            ("06/07/2018", None),
            ("June 2018", None),
            ("Ma 22, 2018", None),
            ("yesterday", None),
            ("", None),
        ] {
            assert_eq!(published_date(s).as_deref(), want, "{s:?}");
        }
    }
}
