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

#[cfg(test)]
mod tests {
    use super::*;

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
