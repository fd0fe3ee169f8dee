//! Small metadata helpers shared by the readers.

/// The calendar date at the start of a timestamp ("2018-07-23T09:15:00Z", "2018/07/23"),
/// as YYYY-MM-DD, if it is a real date.
pub fn date_prefix(s: &str) -> Option<String> {
    let s = s.trim();
    let b = s.as_bytes();
    if b.len() < 10 || !(b[4] == b'-' || b[4] == b'/') || b[7] != b[4] {
        return None;
    }
    let num = |r: std::ops::Range<usize>| s.get(r)?.parse::<i16>().ok();
    let (y, m, d) = (num(0..4)?, num(5..7)?, num(8..10)?);
    let date = jiff::civil::Date::new(y, i8::try_from(m).ok()?, i8::try_from(d).ok()?).ok()?;
    if b.get(10).is_some_and(|c| c.is_ascii_digit()) {
        return None;
    }
    Some(date.to_string())
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
}
