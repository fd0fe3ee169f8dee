//! TimeML values as ranges of days, so a timeline can sort and filter "2018-06-22", "2018-06",
//! "2018-W25", "2018-Q3", "201" (the 2010s) together.

use jiff::civil::Date;

/// A normalized date with its granularity.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateRange {
    /// First day, YYYY-MM-DD.
    pub start: String,
    /// Last day, YYYY-MM-DD.
    pub end: String,
    /// day | week | month | quarter | half | season | year | decade | century.
    pub granularity: &'static str,
}

fn day(y: i16, m: i8, d: i8) -> Option<Date> {
    Date::new(y, m, d).ok()
}

fn range(a: Date, b: Date, granularity: &'static str) -> DateRange {
    DateRange { start: a.to_string(), end: b.to_string(), granularity }
}

fn month_end(y: i16, m: i8) -> Option<Date> {
    Some(day(y, m, 1)?.last_of_month())
}

/// The days a TimeML `DATE`/`TIME` value covers; `None` for values with no place on a
/// calendar (`PRESENT_REF`, `XXXX-XX-XX`, durations).
pub fn date_range(value: &str) -> Option<DateRange> {
    let v = value.trim();
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    let num = |s: &str| s.parse::<i32>().ok();
    // Times of day ("2018-06-22T18:30") sit on their day.
    let v = v.split('T').next().unwrap_or(v);
    let parts: Vec<&str> = v.split('-').collect();
    if !digits(parts[0]) {
        return None;
    }
    let y = num(parts[0])?;
    match (parts.len(), parts[0].len()) {
        (1, 4) => {
            let y = y as i16;
            Some(range(day(y, 1, 1)?, day(y, 12, 31)?, "year"))
        }
        (1, 3) => {
            let y = (y * 10) as i16;
            Some(range(day(y, 1, 1)?, day(y + 9, 12, 31)?, "decade"))
        }
        (1, 2) => {
            let y = (y * 100) as i16;
            Some(range(day(y, 1, 1)?, day(y + 99, 12, 31)?, "century"))
        }
        (2, 4) => {
            let y = y as i16;
            let p = parts[1];
            if digits(p) && p.len() == 2 {
                let m = num(p)? as i8;
                return Some(range(day(y, m, 1)?, month_end(y, m)?, "month"));
            }
            if let Some(w) = p.strip_prefix('W').filter(|w| digits(w)) {
                let w = num(w)? as i8;
                let monday = jiff::civil::ISOWeekDate::new(y, w, jiff::civil::Weekday::Monday).ok()?.date();
                let sunday = jiff::civil::ISOWeekDate::new(y, w, jiff::civil::Weekday::Sunday).ok()?.date();
                return Some(range(monday, sunday, "week"));
            }
            if let Some(q) = p.strip_prefix('Q').filter(|q| digits(q)) {
                let q = num(q)? as i8;
                if !(1..=4).contains(&q) {
                    return None;
                }
                return Some(range(day(y, q * 3 - 2, 1)?, month_end(y, q * 3)?, "quarter"));
            }
            if let Some(h) = p.strip_prefix('H').filter(|h| digits(h)) {
                let h = num(h)? as i8;
                if !(1..=2).contains(&h) {
                    return None;
                }
                return Some(range(day(y, h * 6 - 5, 1)?, month_end(y, h * 6)?, "half"));
            }
            let (a, b) = match p {
                "SP" => (3, 5),
                "SU" => (6, 8),
                "FA" => (9, 11),
                "WI" => (12, 14),
                _ => return None,
            };
            let end = if b > 12 { month_end(y + 1, b - 12)? } else { month_end(y, b)? };
            Some(range(day(y, a, 1)?, end, "season"))
        }
        (3, 4) if digits(parts[1]) && digits(parts[2]) => {
            let d = day(y as i16, num(parts[1])? as i8, num(parts[2])? as i8)?;
            Some(range(d, d, "day"))
        }
        _ => None,
    }
}

/// A YYYY, YYYY-MM or YYYY-MM-DD bound of a filter as the first (`end` false) or last day it covers.
pub fn bound(value: &str, end: bool) -> Option<String> {
    let r = date_range(value)?;
    Some(if end { r.end } else { r.start })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn r(v: &str) -> Option<(String, String, &'static str)> {
        date_range(v).map(|r| (r.start, r.end, r.granularity))
    }

    #[test]
    fn values_become_ranges() {
        assert_eq!(r("2018-06-22"), Some(("2018-06-22".into(), "2018-06-22".into(), "day")));
        assert_eq!(r("2018-06-22T18:30"), Some(("2018-06-22".into(), "2018-06-22".into(), "day")));
        assert_eq!(r("2016-02"), Some(("2016-02-01".into(), "2016-02-29".into(), "month")));
        assert_eq!(r("2018"), Some(("2018-01-01".into(), "2018-12-31".into(), "year")));
        assert_eq!(r("201"), Some(("2010-01-01".into(), "2019-12-31".into(), "decade")));
        assert_eq!(r("2018-Q3"), Some(("2018-07-01".into(), "2018-09-30".into(), "quarter")));
        assert_eq!(r("2018-W01"), Some(("2018-01-01".into(), "2018-01-07".into(), "week")));
        assert_eq!(r("2018-WI"), Some(("2018-12-01".into(), "2019-02-28".into(), "season")));
        assert_eq!(r("PRESENT_REF"), None);
        assert_eq!(r("XXXX-06-22"), None);
        assert_eq!(r("P4Y"), None);
        assert_eq!(r("2018-02-30"), None);
    }
}
