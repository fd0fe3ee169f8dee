//! What an expression means, and its TIMEX3 value once anchored: the document date for
//! "yesterday" and "last year", the date last mentioned for "the following day", the tense of
//! the sentence for a bare "January" or "Friday".

use super::grammar::SlashOrder;
use jiff::Span as Dur;
use jiff::civil::{Date, Weekday};
use std::fmt::Write;

/// A calendar unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Unit {
    Y,
    M,
    W,
    D,
    H,
    Min,
    S,
    Q,
    De,
    Ce,
    Fn,
    We,
}

impl Unit {
    pub(crate) fn parse(s: &str) -> Option<Unit> {
        Some(match s {
            "Y" => Unit::Y,
            "M" => Unit::M,
            "W" => Unit::W,
            "D" => Unit::D,
            "H" => Unit::H,
            "MIN" => Unit::Min,
            "S" => Unit::S,
            "Q" => Unit::Q,
            "DE" => Unit::De,
            "CE" => Unit::Ce,
            "FN" => Unit::Fn,
            "WE" => Unit::We,
            _ => return None,
        })
    }
}

/// Which occurrence of a month, weekday or season is meant.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Dir {
    /// By the tense of the sentence.
    Auto,
    Last,
    Next,
    This,
    /// Before the date last mentioned.
    Prev,
    /// After the date last mentioned.
    Follow,
    LastYear,
    NextYear,
    /// In the year of the date last mentioned ("that summer").
    Same,
    /// As the tense says, an unknown tense reading as past ("over the weekend").
    Behind,
}

impl Dir {
    pub(crate) fn parse(s: &str) -> Option<Dir> {
        Some(match s {
            "auto" => Dir::Auto,
            "last" => Dir::Last,
            "next" => Dir::Next,
            "this" => Dir::This,
            "prev" => Dir::Prev,
            "follow" => Dir::Follow,
            "lastyear" => Dir::LastYear,
            "nextyear" => Dir::NextYear,
            "same" => Dir::Same,
            "behind" => Dir::Behind,
            _ => return None,
        })
    }
}

/// The tense around an expression.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Tense {
    Past,
    Future,
    Unknown,
}

/// A time of day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Tod {
    /// Hour and minutes (`None` when the text gives the hour alone).
    Clock(u8, Option<u8>),
    Part(&'static str),
}

/// The day a time of day is on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum DayRef {
    /// Days from the document date.
    Dct(i32),
    /// The day last mentioned.
    Ref,
}

/// What an expression means, before anchoring.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Sem {
    /// A date with its month; `d` 0 for the whole month; the year guessed when missing.
    Cal {
        y: Option<i32>,
        m: u8,
        d: u8,
    },
    /// A numeric date whose order the document decides.
    Slash {
        a: u16,
        b: u16,
        y: Option<i32>,
    },
    Year(i32),
    /// A year written with two digits ("'08").
    ShortYear(i32),
    /// First three digits of the years (199).
    Decade(i32),
    /// First two digits (19).
    Century(i32),
    Month {
        m: u8,
        dir: Dir,
    },
    Wday {
        w: u8,
        dir: Dir,
    },
    /// `n` units from the document date or from the date last mentioned.
    Rel {
        unit: Unit,
        n: i32,
        from_ref: bool,
    },
    /// `n` units before (sign -1) or after the document date or the date last mentioned.
    Ago {
        n: Option<f64>,
        unit: Unit,
        sign: i32,
        from_ref: bool,
    },
    Quarter {
        q: u8,
        y: Option<i32>,
    },
    RelQ(i32),
    RefQ(i32),
    /// Quarter `q` of the year `n` years from the document's ("next year's first quarter").
    YearQuarter {
        q: u8,
        n: i32,
    },
    /// Day `d` of month `m` in the year `n` years from the document's ("March 3 last year").
    YearDate {
        m: u8,
        d: u8,
        n: i32,
    },
    /// Half `h` of the year `n` years from the document's ("the first half of last year").
    YearHalf {
        h: u8,
        n: i32,
    },
    /// The quarter that ends with this day ("the quarter ended Sept. 30"), most recent first.
    QuarterOf {
        m: u8,
        d: u8,
    },
    Half {
        h: u8,
        y: Option<i32>,
    },
    Season {
        s: &'static str,
        y: Option<i32>,
        dir: Dir,
    },
    Weekend(Dir),
    Holiday {
        code: &'static str,
        y: Option<i32>,
    },
    /// A day of the month alone ("on the 12th"), in the month last mentioned.
    MonthDay(u8),
    /// A weekday and a day of the month ("Wednesday 9th", "Thursday the 10th"): that day in
    /// the month nearest the document's where it falls on that weekday.
    WdayMonthDay {
        w: u8,
        d: u8,
    },
    Lit(&'static str),
    Dur {
        n: Option<f64>,
        unit: Unit,
    },
    SetLit(&'static str),
    SetDur {
        n: Option<f64>,
        unit: Unit,
    },
    /// A weekday every week, with a part of the day ("Tuesday nights").
    SetWd(u8, Option<&'static str>),
    SetMon(u8),
    /// The week that contains a day ("the week of March 6").
    WeekOf(Box<Sem>),
    /// Units from the date last mentioned when it was named in the same sentence or the one
    /// before, else from the document date ("by the end of the month").
    NearRel {
        unit: Unit,
        n: i32,
    },
    /// A time of day on a day given by reference.
    Tod {
        tod: Tod,
        day: DayRef,
    },
    /// A time of day on a day given by another expression ("Tuesday night").
    At {
        day: Box<Sem>,
        tod: Tod,
    },
    Nothing,
}

impl Sem {
    /// True when the value depends on the tense of the sentence.
    pub(crate) fn needs_tense(&self) -> bool {
        match self {
            Sem::Cal { y: None, .. }
            | Sem::Quarter { y: None, .. }
            | Sem::Half { y: None, .. }
            | Sem::MonthDay(_)
            | Sem::WdayMonthDay { .. } => true,
            // "this week" on a Sunday, the week's last day
            Sem::Rel { unit: Unit::W, n: 0, from_ref: false } => true,
            // a holiday code with "~" is the nearest one whatever the tense
            Sem::Holiday { y: None, code } => !code.starts_with('~'),
            Sem::Month { dir, .. } | Sem::Wday { dir, .. } | Sem::Season { dir, y: None, .. } | Sem::Weekend(dir) => {
                matches!(dir, Dir::Auto | Dir::Behind)
            }
            Sem::At { day, .. } | Sem::WeekOf(day) => day.needs_tense(),
            // "three years later", "the day after": only a future tense lets it pass the
            // document date; "that night": a past tense keeps it from passing it
            s if s.after_last_mentioned() || s.on_day_last_mentioned() => true,
            _ => false,
        }
    }

    /// True for a day or a time of day counted from the day last mentioned ("that day", "that
    /// night", "the day before", "the following morning", "7 a.m. that day"), which
    /// [`Ctx::later_than_today`] checks against the tense.
    pub(crate) fn on_day_last_mentioned(&self) -> bool {
        match self {
            Sem::Rel { unit: Unit::D, from_ref: true, .. } | Sem::Tod { day: DayRef::Ref, .. } => true,
            Sem::At { day, .. } => day.on_day_last_mentioned(),
            _ => false,
        }
    }

    /// True for a count of units after the date last mentioned ("three years later", "the day
    /// after"), which [`Ctx::later_than_today`] checks against the tense.
    fn after_last_mentioned(&self) -> bool {
        matches!(
            self,
            Sem::Ago { n: Some(_), sign: 1.., from_ref: true, .. } | Sem::Rel { unit: Unit::D, n: 1.., from_ref: true }
        )
    }

    /// True when the direction is behind unless the tense points ahead (an unknown tense
    /// reads as past).
    pub(crate) fn behind(&self) -> bool {
        matches!(
            self,
            Sem::Month { dir: Dir::Behind, .. }
                | Sem::Wday { dir: Dir::Behind, .. }
                | Sem::Season { dir: Dir::Behind, .. }
                | Sem::Weekend(Dir::Behind)
        )
    }

    /// A single day, to which a time of day can attach.
    pub(crate) fn is_day(&self) -> bool {
        matches!(
            self,
            Sem::Cal { d: 1.., .. }
                | Sem::MonthDay(_)
                | Sem::WdayMonthDay { .. }
                | Sem::Slash { .. }
                | Sem::Wday { .. }
                | Sem::Rel { unit: Unit::D, .. }
                | Sem::Holiday { .. }
        )
    }

    /// A time of day not yet tied to a day of its own.
    pub(crate) fn free_tod(&self) -> Option<Tod> {
        match self {
            Sem::Tod { tod, day: DayRef::Ref } => Some(*tod),
            _ => None,
        }
    }
}

/// A point on the calendar an expression names, kept as the anchor of later references.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Point {
    Day(Date),
    Week(Date),
    Month(i32, u8),
    Quarter(i32, u8),
    Year(i32),
}

impl Point {
    pub(crate) fn year(self) -> i32 {
        match self {
            Point::Day(d) | Point::Week(d) => i32::from(d.year()),
            Point::Month(y, _) | Point::Quarter(y, _) | Point::Year(y) => y,
        }
    }
    /// A representative day: the first of the period.
    fn day(self) -> Option<Date> {
        match self {
            Point::Day(d) | Point::Week(d) => Some(d),
            Point::Month(y, m) => date(y, m, 1),
            Point::Quarter(y, q) => date(y, (q - 1) * 3 + 1, 1),
            Point::Year(y) => date(y, 1, 1),
        }
    }
}

/// What the resolver knows of the document so far.
#[derive(Clone)]
pub(crate) struct Ctx {
    pub dct: Option<Date>,
    /// The date last mentioned, at its own precision.
    pub last: Option<Point>,
    /// The day last mentioned.
    pub last_day: Option<Date>,
    /// The quarter last mentioned.
    pub last_quarter: Option<(i32, u8)>,
    pub slash: SlashOrder,
}

pub(crate) fn date(y: i32, m: u8, d: u8) -> Option<Date> {
    Date::new(i16::try_from(y).ok()?, m as i8, d as i8).ok()
}

fn add(d: Date, unit: Unit, n: i64) -> Option<Date> {
    let span = match unit {
        Unit::Y => Dur::new().try_years(n).ok()?,
        Unit::M => Dur::new().try_months(n).ok()?,
        Unit::Q => Dur::new().try_months(3 * n).ok()?,
        Unit::W | Unit::We => Dur::new().try_weeks(n).ok()?,
        Unit::Fn => Dur::new().try_weeks(2 * n).ok()?,
        Unit::De => Dur::new().try_years(10 * n).ok()?,
        Unit::Ce => Dur::new().try_years(100 * n).ok()?,
        Unit::D => Dur::new().try_days(n).ok()?,
        // a date has no clock: "an hour ago" is today, "36 hours ago" the day before
        Unit::H => Dur::new().try_days(n / 24).ok()?,
        Unit::Min => Dur::new().try_days(n / 1440).ok()?,
        Unit::S => Dur::new().try_days(n / 86400).ok()?,
    };
    d.checked_add(span).ok()
}

/// How far the tense may take a date without a year from the nearest one: past that, the
/// nearest wins (a tense read off the sentence misleads more often than such a date is meant)
const TENSE_REACH: i32 = 245;

/// How long after an awaited event (an election) a story still means the last one when it
/// names it with no tense
pub(crate) const LATELY_DAYS: i32 = 60;

/// The day news means by "9/11" or a bare "Sept. 11" far from its anniversary.
const SEPT_11_ATTACKS: &str = "2001-09-11";

pub(crate) fn days_apart(a: Date, b: Date) -> i32 {
    a.since(b).map_or(i32::MAX, |s| s.get_days().abs())
}

fn wd(d: Date) -> i32 {
    i32::from(d.weekday().to_monday_one_offset())
}

/// How many days weekday `w` (1 Monday .. 7 Sunday) last fell before `d` (0 on that day).
pub(crate) fn days_back(d: Date, w: u8) -> i32 {
    (wd(d) - i32::from(w)).rem_euclid(7)
}

fn plus_days(d: Date, n: i32) -> Option<Date> {
    add(d, Unit::D, i64::from(n))
}

/// The year of a part of a year named without one, its quarters `first..=last`, in a clause of
/// `tense` on `dct`. Parts are mostly reported after they end: only a past tense moves a part
/// not yet begun to the year before, and a future tense one that ended before the last quarter
/// to the year after ("will rise in the first quarter" in December, but "expects to report
/// third-quarter results" in October, "first-half results" in July).
fn year_of_part(dct: Date, first: u8, last: u8, tense: Tense) -> i32 {
    let (y0, q0) = quarter_of(dct);
    y0 - i32::from(tense == Tense::Past && first > q0) + i32::from(tense == Tense::Future && last + 1 < q0)
}

fn quarter_of(d: Date) -> (i32, u8) {
    (i32::from(d.year()), ((d.month() as u8) - 1) / 3 + 1)
}

fn shift_quarter((y, q): (i32, u8), n: i32) -> (i32, u8) {
    let k = y * 4 + i32::from(q) - 1 + n;
    (k.div_euclid(4), (k.rem_euclid(4) + 1) as u8)
}

pub(crate) fn fmt_year(y: i32) -> String {
    if (0..=9999).contains(&y) { format!("{y:04}") } else { "XXXX".into() }
}

fn fmt_day(d: Date) -> String {
    format!("{:04}-{:02}-{:02}", d.year(), d.month(), d.day())
}

fn fmt_week(d: Date) -> String {
    let w = d.iso_week_date();
    format!("{:04}-W{:02}", w.year(), w.week())
}

/// True when day or month `q` comes after day or month `p` (a day after its own month does not).
pub(crate) fn later(q: Point, p: Point) -> bool {
    let ym = |d: Date| (i32::from(d.year()), d.month() as u8);
    match (q, p) {
        (Point::Day(a), Point::Day(b)) => a > b,
        (Point::Month(y, m), Point::Month(z, n)) => (y, m) > (z, n),
        (Point::Day(a), Point::Month(z, n)) => ym(a) > (z, n),
        (Point::Month(y, m), Point::Day(b)) => (y, m) > ym(b),
        _ => false,
    }
}

/// The same day or month a year earlier (other points: none).
pub(crate) fn year_earlier(p: Point) -> Option<Point> {
    match p {
        Point::Day(d) => add(d, Unit::Y, -1).map(Point::Day),
        Point::Month(y, m) => Some(Point::Month(y - 1, m)),
        _ => None,
    }
}

pub(crate) fn fmt_point(p: Point) -> String {
    match p {
        Point::Day(d) => fmt_day(d),
        Point::Week(d) => fmt_week(d),
        Point::Month(y, m) => format!("{}-{m:02}", fmt_year(y)),
        Point::Quarter(y, q) => format!("{}-Q{q}", fmt_year(y)),
        Point::Year(y) => fmt_year(y),
    }
}

fn fmt_tod(s: &mut String, tod: Tod) {
    match tod {
        Tod::Clock(h, Some(m)) => {
            let _ = write!(s, "T{h:02}:{m:02}");
        }
        // TimeBank writes a whole hour with its minutes ("5 p.m." is T17:00: 10 of its 11
        // whole hours) but midnight as the hour alone (T24)
        Tod::Clock(24, None) => s.push_str("T24"),
        Tod::Clock(h, None) => {
            let _ = write!(s, "T{h:02}:00");
        }
        Tod::Part(p) => {
            s.push('T');
            s.push_str(p);
        }
    }
}

/// P4Y, PT90M, PXY: a count of units.
pub(crate) fn fmt_dur(n: Option<f64>, unit: Unit) -> String {
    let (mut n, unit) = match unit {
        Unit::De => (n.map(|x| x * 10.0), Unit::Y),
        Unit::Ce => (n.map(|x| x * 100.0), Unit::Y),
        Unit::Fn => (n.map(|x| x * 2.0), Unit::W),
        u => (n, u),
    };
    let (time, mut code) = match unit {
        Unit::Y => (false, "Y"),
        Unit::M => (false, "M"),
        Unit::W => (false, "W"),
        Unit::D => (false, "D"),
        Unit::Q => (false, "Q"),
        Unit::We => (false, "WE"),
        Unit::H => (true, "H"),
        Unit::Min => (true, "M"),
        Unit::S => (true, "S"),
        Unit::De | Unit::Ce | Unit::Fn => unreachable!(),
    };
    // a fraction becomes the next smaller unit where there is one ("a year and a half": P18M)
    if let Some(x) = n
        && x.fract() != 0.0
    {
        let smaller = match code {
            "Y" if !time => Some((12.0, "M")),
            "D" if !time => Some((24.0, "H")),
            "H" => Some((60.0, "M")),
            "M" if time => Some((60.0, "S")),
            _ => None,
        };
        // an hour and a half is PT1H30M, a minute and a half PT1M30S
        if time && x > 1.0 && code != "S" {
            let whole = x.trunc();
            let rest = ((x - whole) * 60.0).round();
            return format!("PT{}{code}{}{}", whole as i64, rest as i64, if code == "H" { "M" } else { "S" });
        }
        if let Some((k, c)) = smaller {
            let t = code == "D" || time;
            n = Some(x * k);
            code = c;
            return format!("P{}{}{code}", if t { "T" } else { "" }, fmt_num(n));
        }
    }
    format!("P{}{}{code}", if time { "T" } else { "" }, fmt_num(n))
}

fn fmt_num(n: Option<f64>) -> String {
    match n {
        None => "X".into(),
        Some(x) if x.fract() == 0.0 => format!("{}", x as i64),
        Some(x) => format!("{x}"),
    }
}

/// The unknown value of a unit's precision, for documents without a date (and for counts
/// from a date the text does not name).
pub(crate) fn unknown(unit: Unit) -> &'static str {
    match unit {
        Unit::Y => "XXXX",
        Unit::M => "XXXX-XX",
        Unit::W | Unit::Fn => "XXXX-WXX",
        Unit::We => "XXXX-WXX-WE",
        Unit::Q => "XXXX-QX",
        Unit::De => "XXX",
        Unit::Ce => "XX",
        Unit::D | Unit::H | Unit::Min | Unit::S => "XXXX-XX-XX",
    }
}

/// The point `n` units from `base`, at the unit's precision.
fn rel_point(base: Date, unit: Unit, n: i32) -> Option<(String, Option<Point>)> {
    let d = add(base, unit, i64::from(n))?;
    let y = i32::from(d.year());
    Some(match unit {
        Unit::D | Unit::H | Unit::Min | Unit::S => (fmt_day(d), Some(Point::Day(d))),
        Unit::W | Unit::Fn => (fmt_week(d), Some(Point::Week(d))),
        Unit::We => (fmt_week(d) + "-WE", Some(Point::Week(d))),
        Unit::M => (fmt_point(Point::Month(y, d.month() as u8)), Some(Point::Month(y, d.month() as u8))),
        Unit::Q => {
            let q = quarter_of(d);
            (fmt_point(Point::Quarter(q.0, q.1)), Some(Point::Quarter(q.0, q.1)))
        }
        Unit::Y => (fmt_year(y), Some(Point::Year(y))),
        Unit::De => (format!("{:03}", y.div_euclid(10)), None),
        Unit::Ce => (format!("{:02}", y.div_euclid(100)), None),
    })
}

/// The year of the last month `m` (day `d`, 0 for none) on or before the document date, however
/// far back ("since Jan. 1" in December).
pub(crate) fn year_before(dct: Date, m: u8, d: u8) -> Option<i32> {
    pick_year(dct, m, d, Tense::Past)
}

/// The year of the election month `m` that a story dated `dct` speaks of, elections falling in
/// years divisible by `every`: the coming one, unless the last one ended lately.
pub(crate) fn election_year(dct: Date, m: u8, every: i32) -> Option<i32> {
    let y0 = i32::from(dct.year());
    (y0 - every..=y0 + every).filter(|y| y % every == 0).find(|&y| {
        date(y, m, 1).is_some_and(|first| {
            let end = first.last_of_month();
            end >= dct || days_apart(end, dct) <= LATELY_DAYS
        })
    })
}

/// The year of month `m` (and day `d`, 0 for none) nearest the document date in the tense's
/// direction: the past wants the last one on or before it, the future the first on or after.
fn pick_year(dct: Date, m: u8, d: u8, tense: Tense) -> Option<i32> {
    let y0 = i32::from(dct.year());
    // Feb. 29 exists one year in four: look a few years either way
    let span = if m == 2 && d == 29 { 4 } else { 1 };
    let mut best: Option<(i64, i32)> = None;
    for y in y0 - span..=y0 + span {
        let (first, last) = if d == 0 {
            let f = date(y, m, 1)?;
            (f, f.last_of_month())
        } else {
            match date(y, m, d) {
                Some(x) => (x, x),
                None => continue,
            }
        };
        let ok = match tense {
            Tense::Past => first <= dct,
            Tense::Future => last >= dct,
            Tense::Unknown => true,
        };
        if !ok {
            continue;
        }
        // distance from the document date to the period, zero when it contains it
        let dist = if dct < first {
            first.since(dct).ok()?.get_days()
        } else if dct > last {
            dct.since(last).ok()?.get_days()
        } else {
            0
        };
        let dist = i64::from(dist);
        if best.is_none_or(|(b, _)| dist < b) {
            best = Some((dist, y));
        }
    }
    best.map(|(_, y)| y)
}

/// The date of a holiday in year `y`: `MM-DD`, `MM-N-W[+K]` (Nth weekday W of month MM, N=L
/// for the last, plus K days), `E+N` (N days after Easter Sunday).
fn holiday(code: &str, y: i32) -> Option<Date> {
    if let Some(off) = code.strip_prefix('E') {
        let off: i32 = off.parse().ok()?;
        return plus_days(easter(y)?, off);
    }
    let parts: Vec<&str> = code.split('-').collect();
    let m: u8 = parts.first()?.parse().ok()?;
    match parts.as_slice() {
        [_, d] => date(y, m, d.parse().ok()?),
        [_, n, w] => {
            let (w, k) = match w.split_once('+') {
                Some((w, k)) => (w, k.parse::<i32>().ok()?),
                None => (*w, 0),
            };
            let w = Weekday::from_monday_one_offset(w.parse().ok()?).ok()?;
            let nth: i8 = if *n == "L" { -1 } else { n.parse().ok()? };
            let d = date(y, m, 1)?.nth_weekday_of_month(nth, w).ok()?;
            plus_days(d, k)
        }
        _ => None,
    }
}

/// Easter Sunday (Gregorian), by the anonymous algorithm.
fn easter(y: i32) -> Option<Date> {
    let a = y % 19;
    let b = y / 100;
    let c = y % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    date(y, month as u8, day as u8)
}

impl Ctx {
    /// True when `sem`, a count of units after the date last mentioned ("three years later",
    /// "the day after"), resolved to `point`, starts after the document date although that date
    /// lay on or before it and no future tense looks ahead: it counts from some date other than
    /// the one last named ("an attack that even three years later remains" after "that night";
    /// "her remarks came the day after Republicans completed their convention"); or when `sem`,
    /// a day or a time of the day last mentioned ("that night", "7 a.m. that day"), lies after
    /// the document date in a past clause: the date last named was not the event's.
    pub(crate) fn later_than_today(&self, sem: &Sem, point: Option<Point>, tense: Tense) -> bool {
        let (Some(p), Some(dct)) = (point, self.dct) else { return false };
        let later = p.day().is_some_and(|d| d > dct);
        if sem.after_last_mentioned() {
            return later && tense != Tense::Future && self.base(true).is_some_and(|b| b <= dct);
        }
        // "At a rally that night in Macon, Trump called": a day named after the story's in a past
        // clause is the event's, whose date the text has not given
        later && tense == Tense::Past && sem.on_day_last_mentioned()
    }

    /// The day a relative expression counts from.
    fn base(&self, from_ref: bool) -> Option<Date> {
        if from_ref { self.last_day.or_else(|| self.last.and_then(Point::day)).or(self.dct) } else { self.dct }
    }

    /// The day that days, hours or minutes before or after the date last mentioned count from
    /// (`from_ref`), or from the document date: none when only a week, month, quarter or year
    /// was mentioned ("Last month he was arrested. The next day ..." is some day of that month,
    /// not its second), and none for weeks when only a year or a quarter was. Weeks after a month
    /// still count from its first day.
    fn day_base(&self, from_ref: bool, unit: Unit) -> Option<Date> {
        let finer = matches!(unit, Unit::D | Unit::H | Unit::Min | Unit::S);
        // ... nor the week of a year or a quarter ("this summer's convention in the same week
        // that James announced his return" is no week of January)
        let week_of_coarse = matches!(unit, Unit::W | Unit::We | Unit::Fn)
            && matches!(self.last, Some(Point::Year(_) | Point::Quarter(..)));
        if from_ref && (finer || week_of_coarse) && self.last_day.is_none() && self.last.is_some() {
            return None;
        }
        self.base(from_ref)
    }

    /// The value of an expression and the point it names, if any.
    pub(crate) fn resolve(&self, sem: &Sem, tense: Tense) -> Option<(String, Option<Point>)> {
        let dct = self.dct;
        Some(match *sem {
            Sem::Nothing => return None,
            Sem::Lit(v) => (v.to_string(), None),
            Sem::SetLit(v) => (v.to_string(), None),
            Sem::Dur { n, unit } | Sem::SetDur { n, unit } => (fmt_dur(n, unit), None),
            Sem::SetWd(w, pod) => (format!("XXXX-WXX-{w}{}", pod.map_or(String::new(), |p| format!("T{p}"))), None),
            Sem::SetMon(m) => (format!("XXXX-{m:02}"), None),
            Sem::Year(y) => (fmt_year(y), Some(Point::Year(y))),
            Sem::ShortYear(yy) => {
                let y = super::matcher::full_year(yy, dct.map(|d| i32::from(d.year())));
                (fmt_year(y), Some(Point::Year(y)))
            }
            Sem::Decade(d) => (format!("{d:03}"), None),
            Sem::Century(c) => (format!("{c:02}"), None),
            Sem::Cal { y: Some(y), m, d: 0 } => (fmt_point(Point::Month(y, m)), Some(Point::Month(y, m))),
            Sem::Cal { y: Some(y), m, d } => match date(y, m, d) {
                Some(x) => (fmt_day(x), Some(Point::Day(x))),
                // not a calendar date ("Feb. 30, 2018"): say what the text says
                None => (format!("{}-{m:02}-{d:02}", fmt_year(y)), None),
            },
            Sem::Cal { y: None, m, d } => {
                let Some(dct) = dct else {
                    return Some((if d == 0 { format!("XXXX-{m:02}") } else { format!("XXXX-{m:02}-{d:02}") }, None));
                };
                // the nearest such date, unless the tense points the other way and the other
                // one is not much further (prepositions and verbs beside a day mislead: "by
                // Jan. 14", "extended to Nov. 16")
                let near = pick_year(dct, m, d, Tense::Unknown)?;
                // "after Sept. 11", "what we saw on Sept. 11": after 2001, the day of the attacks,
                // unless the story is within a month of an anniversary or looks ahead to one
                // ("will hold a Sept. 11 memorial")
                if (m, d) == (9, 11)
                    && near > 2001
                    && tense != Tense::Future
                    && date(near, m, d).is_some_and(|x| days_apart(x, dct) > 31)
                {
                    return Some((SEPT_11_ATTACKS.into(), None));
                }
                let y = match pick_year(dct, m, d, tense) {
                    Some(y) if y != near && date(y, m, d).is_some_and(|x| days_apart(x, dct) <= TENSE_REACH) => y,
                    _ => near,
                };
                return self.resolve(&Sem::Cal { y: Some(y), m, d }, tense);
            }
            Sem::WdayMonthDay { w, d } => {
                let Some(dct) = dct else { return Some((format!("XXXX-XX-{d:02}"), None)) };
                // of the five months around the document's, the nearest in which the day falls
                // on the weekday (a story's "Wednesday 9th" is this month's or a neighbour's)
                let found = (-2..=2)
                    .filter_map(|k| add(dct.first_of_month(), Unit::M, k))
                    .filter_map(|x| date(i32::from(x.year()), x.month() as u8, d))
                    .filter(|x| x.weekday().to_monday_one_offset() == w as i8)
                    .min_by_key(|&x| days_apart(x, dct));
                return match found {
                    Some(x) => self.resolve(&Sem::Cal { y: Some(i32::from(x.year())), m: x.month() as u8, d }, tense),
                    None => self.resolve(&Sem::MonthDay(d), tense),
                };
            }
            Sem::MonthDay(d) => {
                // the month of the date last mentioned ("the week of April 9th ... on the 12th"),
                // else the document's month, or the one before or after it as the tense says
                let (y, m) = match (self.last, dct) {
                    (Some(Point::Day(x) | Point::Week(x)), _) => (i32::from(x.year()), x.month() as u8),
                    (Some(Point::Month(y, m)), _) => (y, m),
                    (_, Some(dct)) => {
                        let shift = match tense {
                            Tense::Past if d as i8 > dct.day() => -1,
                            Tense::Future if (d as i8) < dct.day() => 1,
                            _ => 0,
                        };
                        let x = add(dct.first_of_month(), Unit::M, shift)?;
                        (i32::from(x.year()), x.month() as u8)
                    }
                    (_, None) => return Some((format!("XXXX-XX-{d:02}"), None)),
                };
                return self.resolve(&Sem::Cal { y: Some(y), m, d }, tense);
            }
            Sem::Slash { a, b, y } => {
                // "9/11" with no year is, in news, the day of the 2001 attacks ("recover from 9/11"),
                // a name more than a date of the story: nothing counts from it
                if y.is_none() && (a, b) == (9, 11) {
                    return Some((SEPT_11_ATTACKS.into(), None));
                }
                let (mut m, mut d) = match self.slash {
                    SlashOrder::MonthFirst => (a, b),
                    SlashOrder::DayFirst => (b, a),
                };
                if m > 12 {
                    std::mem::swap(&mut m, &mut d);
                }
                return self.resolve(&Sem::Cal { y, m: m as u8, d: d as u8 }, tense);
            }
            Sem::Month { m, dir } => {
                let Some(dct) = dct else { return Some((format!("XXXX-{m:02}"), None)) };
                let (y0, m0) = (i32::from(dct.year()), dct.month() as u8);
                // "the following January" counts from the date last mentioned
                let (y1, m1) = match dir {
                    Dir::Prev | Dir::Follow | Dir::Same => self.ref_month(dir).unwrap_or((y0, m0)),
                    _ => (y0, m0),
                };
                let y = match dir {
                    Dir::Last => y0 - i32::from(m >= m0),
                    Dir::Prev => y1 - i32::from(m >= m1),
                    Dir::Next => y0 + i32::from(m <= m0),
                    Dir::Follow => y1 + i32::from(m <= m1),
                    Dir::This => y0,
                    Dir::Same => y1,
                    Dir::LastYear => y0 - 1,
                    Dir::NextYear => y0 + 1,
                    // the tense gives the direction ("captured in January" is the one before,
                    // "will start in January" the one after); without one, the nearest
                    Dir::Auto | Dir::Behind => match tense {
                        Tense::Past => y0 - i32::from(m > m0),
                        Tense::Future => y0 + i32::from(m < m0),
                        Tense::Unknown => pick_year(dct, m, 0, tense)?,
                    },
                };
                (fmt_point(Point::Month(y, m)), Some(Point::Month(y, m)))
            }
            Sem::Wday { w, dir } => {
                let base = match dir {
                    Dir::Prev | Dir::Follow => self.base(true),
                    _ => dct,
                };
                let Some(base) = base else { return Some((format!("XXXX-WXX-{w}"), None)) };
                let back = days_back(base, w);
                let fwd = (7 - back) % 7;
                let off = match dir {
                    Dir::Last | Dir::Prev => -(if back == 0 { 7 } else { back }),
                    Dir::Next | Dir::Follow => {
                        if fwd == 0 {
                            7
                        } else {
                            fwd
                        }
                    }
                    Dir::This => i32::from(w) - wd(base),
                    _ => match tense {
                        Tense::Future => fwd,
                        _ => -back,
                    },
                };
                let d = plus_days(base, off)?;
                (fmt_day(d), Some(Point::Day(d)))
            }
            // without a sentence to go by, the document date
            Sem::NearRel { unit, n } => return self.resolve(&Sem::Rel { unit, n, from_ref: false }, tense),
            Sem::Rel { unit, n, from_ref } => {
                // counted from the date last mentioned, at its precision: "the following year"
                // after a quarter is a quarter, and "the same month" after "a poll in June"
                // counts from June, not from a day named before it
                if from_ref {
                    match (unit, self.last) {
                        (Unit::Y | Unit::Q, Some(Point::Quarter(y, q))) => {
                            let (y, q) = shift_quarter((y, q), if unit == Unit::Y { 4 * n } else { n });
                            return Some((fmt_point(Point::Quarter(y, q)), Some(Point::Quarter(y, q))));
                        }
                        (Unit::Y, Some(p)) => {
                            let y = p.year() + n;
                            return Some((fmt_year(y), Some(Point::Year(y))));
                        }
                        (Unit::M, Some(Point::Month(y, m))) => return rel_point(date(y, m, 1)?, unit, n),
                        _ => {}
                    }
                }
                // ISO weeks end on Sunday: a Sunday story's "this week" with a future is the week
                // ahead ("will extend to this week's convention")
                let n = if unit == Unit::W
                    && n == 0
                    && !from_ref
                    && tense == Tense::Future
                    && dct.is_some_and(|d| d.weekday() == Weekday::Sunday)
                {
                    1
                } else {
                    n
                };
                let Some(base) = self.day_base(from_ref, unit) else { return Some((unknown(unit).into(), None)) };
                // "the following weekend" after a weekday is the one that ends its week
                let n = if unit == Unit::We && n == 1 && wd(base) < 6 { 0 } else { n };
                rel_point(base, unit, n)?
            }
            // "a few days later" says how long, not when
            Sem::Ago { n: None, unit, from_ref: true, .. } => (fmt_dur(None, unit), None),
            Sem::Ago { n: None, sign, .. } => ((if sign < 0 { "PAST_REF" } else { "FUTURE_REF" }).into(), None),
            Sem::Ago { n: Some(x), unit, sign, from_ref } => {
                // a year and a half ago: count in months
                let (k, unit) = match unit {
                    _ if x.fract() == 0.0 => (x as i32, unit),
                    Unit::Y => ((x * 12.0).round() as i32, Unit::M),
                    // half a century ago: count in years
                    Unit::De => ((x * 10.0).round() as i32, Unit::Y),
                    Unit::Ce => ((x * 100.0).round() as i32, Unit::Y),
                    _ => (x.round() as i32, unit),
                };
                // "a year ago" beside quarterly figures means the same quarter a year before
                if unit == Unit::Y
                    && k == 1
                    && self.after_quarter()
                    && let Some(q) = self.reported_quarter()
                {
                    let (y, q) = shift_quarter(q, 4 * sign);
                    return Some((fmt_point(Point::Quarter(y, q)), Some(Point::Quarter(y, q))));
                }
                // "a year later", "a month later": counted from the date last mentioned at its
                // precision, as "the following year" is ("in December 2011 ... a month later")
                if from_ref && matches!(unit, Unit::Y | Unit::M) {
                    return self.resolve(&Sem::Rel { unit, n: sign * k, from_ref }, tense);
                }
                let Some(base) = self.day_base(from_ref, unit) else { return Some((unknown(unit).into(), None)) };
                match unit {
                    Unit::De | Unit::Ce => {
                        let y = i32::from(add(base, unit, i64::from(sign * k))?.year());
                        (fmt_year(y), Some(Point::Year(y)))
                    }
                    _ => rel_point(base, unit, sign * k)?,
                }
            }
            Sem::Quarter { q, y } => {
                let y = match (y, dct) {
                    (Some(y), _) => y,
                    (None, None) => return Some((format!("XXXX-Q{q}"), None)),
                    (None, Some(dct)) => year_of_part(dct, q, q, tense),
                };
                (fmt_point(Point::Quarter(y, q)), Some(Point::Quarter(y, q)))
            }
            Sem::RelQ(n) => {
                let Some(dct) = dct else { return Some(("XXXX-QX".into(), None)) };
                let (y, q) = shift_quarter(quarter_of(dct), n);
                (fmt_point(Point::Quarter(y, q)), Some(Point::Quarter(y, q)))
            }
            Sem::RefQ(n) => {
                let Some(base) = self.reported_quarter() else { return Some(("XXXX-QX".into(), None)) };
                let (y, q) = shift_quarter(base, n);
                (fmt_point(Point::Quarter(y, q)), Some(Point::Quarter(y, q)))
            }
            Sem::YearQuarter { q, n } => {
                let Some(dct) = dct else { return Some((format!("XXXX-Q{q}"), None)) };
                let y = i32::from(dct.year()) + n;
                (fmt_point(Point::Quarter(y, q)), Some(Point::Quarter(y, q)))
            }
            Sem::YearDate { m, d, n } => {
                let Some(dct) = dct else { return Some((format!("XXXX-{m:02}-{d:02}"), None)) };
                return self.resolve(&Sem::Cal { y: Some(i32::from(dct.year()) + n), m, d }, tense);
            }
            Sem::YearHalf { h, n } => {
                let Some(dct) = dct else { return Some((format!("XXXX-H{h}"), None)) };
                let y = i32::from(dct.year()) + n;
                (format!("{}-H{h}", fmt_year(y)), Some(Point::Year(y)))
            }
            Sem::QuarterOf { m, d } => {
                let q = (m - 1) / 3 + 1;
                let Some(dct) = dct else { return Some((format!("XXXX-Q{q}"), None)) };
                let y = pick_year(dct, m, d, Tense::Past).or_else(|| pick_year(dct, m, d, Tense::Unknown))?;
                (fmt_point(Point::Quarter(y, q)), Some(Point::Quarter(y, q)))
            }
            Sem::Half { h, y } => {
                // "raised more in the second half of the year" in January is last year's
                let y = y.or(dct.map(|d| year_of_part(d, 2 * h - 1, 2 * h, tense)));
                (format!("{}-H{h}", y.map_or("XXXX".into(), fmt_year)), y.map(Point::Year))
            }
            Sem::Season { s, y, dir } => {
                let y = match (y, dct) {
                    (Some(y), _) => y,
                    (None, None) => return Some((format!("XXXX-{s}"), None)),
                    (None, Some(dct)) => {
                        // "the following spring", "that summer": from the date last mentioned
                        let (y0, m0) = match dir {
                            Dir::Prev | Dir::Follow | Dir::Same => {
                                self.ref_month(dir).unwrap_or((i32::from(dct.year()), dct.month() as u8))
                            }
                            _ => (i32::from(dct.year()), dct.month() as u8),
                        };
                        let m0 = i32::from(m0);
                        let start = match s {
                            "SP" => 3,
                            "SU" => 6,
                            "FA" => 9,
                            _ => 12,
                        };
                        match (dir, tense) {
                            (Dir::Last | Dir::Prev, _) => y0 - i32::from(start + 2 >= m0),
                            (Dir::Next | Dir::Follow, _) => y0 + i32::from(start <= m0),
                            (Dir::Auto, Tense::Past) => y0 - i32::from(start > m0),
                            (Dir::Auto, Tense::Future) => y0 + i32::from(start + 2 < m0),
                            (Dir::LastYear, _) => y0 - 1,
                            (Dir::NextYear, _) => y0 + 1,
                            _ => y0,
                        }
                    }
                };
                (format!("{}-{s}", fmt_year(y)), Some(Point::Year(y)))
            }
            Sem::Weekend(dir) => {
                let Some(dct) = dct else { return Some(("XXXX-WXX-WE".into(), None)) };
                let w0 = wd(dct);
                let weeks = match dir {
                    Dir::Last | Dir::Prev => {
                        if w0 == 7 {
                            -1
                        } else {
                            -i32::from(w0 < 6) - i32::from(w0 == 6)
                        }
                    }
                    Dir::Next | Dir::Follow => i32::from(w0 >= 6),
                    _ => match tense {
                        Tense::Past if w0 < 6 => -1,
                        _ => 0,
                    },
                };
                let d = add(dct, Unit::W, i64::from(weeks))?;
                (fmt_week(d) + "-WE", Some(Point::Week(d)))
            }
            Sem::Holiday { code, y } => {
                // ">": an event awaited ("Election Day"), which without a tense is the coming
                // one unless the last was lately
                let awaited = code.starts_with('>');
                let code = code.trim_start_matches(['~', '>']);
                let y = match (y, dct) {
                    (Some(y), _) => y,
                    (None, None) => {
                        let v = match code.split('-').collect::<Vec<_>>().as_slice() {
                            [m, d] if !code.starts_with('E') => format!("XXXX-{m}-{d}"),
                            _ => "XXXX-XX-XX".into(),
                        };
                        return Some((v, None));
                    }
                    (None, Some(dct)) => {
                        let y0 = i32::from(dct.year());
                        let pick = |tense: Tense| {
                            let mut best: Option<(i32, i32)> = None;
                            for y in y0 - 1..=y0 + 1 {
                                let Some(h) = holiday(code, y) else { continue };
                                let dist = days_apart(h, dct);
                                let ok = match tense {
                                    Tense::Past => h <= dct,
                                    Tense::Future => h >= dct,
                                    Tense::Unknown => !awaited || h >= dct || dist <= LATELY_DAYS,
                                };
                                if ok && best.is_none_or(|(b, _)| dist < b) {
                                    best = Some((dist, y));
                                }
                            }
                            best
                        };
                        // as for a calendar date: the tense's one unless it is much further than
                        // the nearest ("the debate was held the Saturday before Christmas" two
                        // days before it); but an awaited event is looked to a year ahead ("by a
                        // year from now, on Election Day, the situation will have morphed")
                        match (pick(tense), pick(Tense::Unknown)) {
                            (Some((dist, y)), _) if dist <= TENSE_REACH || awaited => y,
                            (_, near) => near?.1,
                        }
                    }
                };
                let d = holiday(code, y)?;
                (fmt_day(d), Some(Point::Day(d)))
            }
            Sem::Tod { tod, day } => {
                let d = match day {
                    DayRef::Dct(n) => dct.and_then(|d| plus_days(d, n)),
                    DayRef::Ref => self.last_day.or(dct),
                };
                let mut s = d.map_or_else(|| "XXXX-XX-XX".to_string(), fmt_day);
                fmt_tod(&mut s, tod);
                (s, d.map(Point::Day))
            }
            Sem::WeekOf(ref day) => match self.resolve(day, tense)? {
                (_, Some(Point::Day(d))) => (fmt_week(d), Some(Point::Week(d))),
                (_, _) => ("XXXX-WXX".into(), None),
            },
            Sem::At { ref day, tod } => {
                let (mut s, p) = self.resolve(day, tense)?;
                if s.len() > 10 {
                    s.truncate(10);
                }
                fmt_tod(&mut s, tod);
                (s, p)
            }
        })
    }

    /// The quarter that "the quarter" and "the latest quarter" mean: the one last mentioned if
    /// it is the one just ended or the one before, else the one just ended, which is what
    /// quarterly reports are about.
    /// Whether the point last mentioned is a quarter, or the day that closes the quarter last
    /// mentioned ("for the quarter ended Sept. 30, ... up from $100 million a year earlier").
    fn after_quarter(&self) -> bool {
        match self.last {
            Some(Point::Quarter(..)) => true,
            Some(Point::Day(d)) => d.month() % 3 == 0 && self.last_quarter == Some(quarter_of(d)),
            _ => false,
        }
    }

    fn reported_quarter(&self) -> Option<(i32, u8)> {
        let latest = self.dct.map(|d| shift_quarter(quarter_of(d), -1));
        Some(match (self.last_quarter, latest) {
            (Some(q), Some(l)) if q == l || q == shift_quarter(l, -1) => q,
            (Some(q), None) => q,
            (_, Some(l)) => l,
            (None, None) => return None,
        })
    }

    /// The year and month of the date last mentioned, for "the following January" and "that
    /// summer"; a whole year counts as its first month before it and its last month after it.
    fn ref_month(&self, dir: Dir) -> Option<(i32, u8)> {
        match self.last {
            Some(Point::Year(y)) => Some((y, if dir == Dir::Prev { 1 } else { 12 })),
            // "in January 2009 … in October of that year": a month named after the last day
            Some(Point::Month(y, m)) => Some((y, m)),
            _ => self.base(true).map(|b| (i32::from(b.year()), b.month() as u8)),
        }
    }

    /// Remembers what an expression named, for the references after it.
    pub(crate) fn note(&mut self, p: Point) {
        self.last = Some(p);
        match p {
            Point::Day(d) => self.last_day = Some(d),
            Point::Quarter(y, q) => self.last_quarter = Some((y, q)),
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_and_holidays() {
        assert_eq!(fmt_dur(Some(4.0), Unit::Y), "P4Y");
        assert_eq!(fmt_dur(Some(90.0), Unit::Min), "PT90M");
        assert_eq!(fmt_dur(Some(1.5), Unit::Y), "P18M");
        assert_eq!(fmt_dur(None, Unit::W), "PXW");
        assert_eq!(fmt_dur(Some(1.0), Unit::De), "P10Y");
        assert_eq!(easter(2018), date(2018, 4, 1));
        assert_eq!(easter(2000), date(2000, 4, 23));
        assert_eq!(holiday("11-4-4", 1999), date(1999, 11, 25));
        assert_eq!(holiday("11-1-1+1", 2016), date(2016, 11, 8));
        assert_eq!(holiday("05-L-1", 2018), date(2018, 5, 28));
        assert_eq!(shift_quarter((1989, 1), -1), (1988, 4));
    }
}
