//! The compact binary lists of the case tables: a timeline row's statements and a document's
//! quotes. As JSON the statements were the largest of the case tables (1.9 KB per generated
//! document, a sixth of the database) and the quotes the next: names from a short list (kinds,
//! granularities) are a byte here, a value equal to the row's date is a flag, and numbers are
//! varints, which makes a statement list about a third as long and a quote list (compressed
//! after, as before) about a fifth shorter. Cases written before hold JSON, which is still read
//! ([`or_json`]).

use crate::derive::{DatedBy, StoredQuote, TimelineItem};

/// First byte of a binary list (a JSON list starts with `[`).
const FORMAT: u8 = 1;
/// Statement kinds with a code of one byte; another kind is written out after [`OTHER`].
const KINDS: [&str; 3] = ["published", "time", "quote"];
/// Granularities ([`crate::dates`]) with a code of one byte, likewise.
const GRANULARITIES: [&str; 9] = ["day", "week", "month", "quarter", "half", "season", "year", "decade", "century"];
/// Quote kinds, likewise.
const QUOTE_KINDS: [&str; 3] = ["direct", "partial", "indirect"];
const OTHER: u8 = 0xff;

const HAS_START: u8 = 1;
const HAS_END: u8 = 2;
/// The value is the row's date (a day's statements).
const VALUE_IS_DATE: u8 = 4;
const HAS_TEXT: u8 = 8;

/// One statement to write, borrowed: its place among the document's statements, kind,
/// granularity, value, start, end, text and the document's entities it names.
pub(crate) type ItemRef<'a> = (i64, &'a str, &'a str, &'a str, Option<i64>, Option<i64>, &'a str, &'a [&'a str]);

/// The statements of a row whose date (start of its range) is `date`.
pub(crate) fn encode_timeline(date: &str, items: &[ItemRef]) -> Vec<u8> {
    let mut out = vec![FORMAT];
    for &(n, kind, granularity, value, start, end, text, locals) in items {
        put_int(&mut out, n);
        put_code(&mut out, &KINDS, kind);
        put_code(&mut out, &GRANULARITIES, granularity);
        out.push(flags(&[
            (start.is_some(), HAS_START),
            (end.is_some(), HAS_END),
            (value == date, VALUE_IS_DATE),
            (!text.is_empty(), HAS_TEXT),
        ]));
        if value != date {
            put_str(&mut out, value);
        }
        if let Some(s) = start {
            put_int(&mut out, s);
        }
        if let Some(e) = end {
            // (from the start: a sentence's end is a short step after it)
            put_int(&mut out, e.wrapping_sub(start.unwrap_or(0)));
        }
        if !text.is_empty() {
            put_str(&mut out, text);
        }
        put_strs(&mut out, locals);
    }
    out
}

/// The statements of a row whose date is `date`, from their stored bytes: the binary list of
/// [`encode_timeline`], or the JSON list older cases hold.
pub(crate) fn timeline(date: &str, bytes: &[u8]) -> Result<Vec<TimelineItem>, String> {
    or_json(bytes, |mut r| {
        let mut items = Vec::new();
        while r.at < bytes.len() {
            let n = r.int()?;
            let kind = r.code(&KINDS)?;
            let granularity = r.code(&GRANULARITIES)?;
            let flags = r.byte()?;
            let value = if flags & VALUE_IS_DATE != 0 { date.to_string() } else { r.str()? };
            let start = if flags & HAS_START != 0 { Some(r.int()?) } else { None };
            let end = if flags & HAS_END != 0 { Some(r.int()?.wrapping_add(start.unwrap_or(0))) } else { None };
            let text = if flags & HAS_TEXT != 0 { r.str()? } else { String::new() };
            let locals = r.strs()?;
            items.push((n, kind, granularity, value, start, end, text, locals));
        }
        Ok(items)
    })
}

/// A quote to write, borrowed from the record ([`StoredQuote`]'s fields in order): speaker,
/// speaker's words, kind, cue, text, start, end, date, what dates it, entities it is about.
pub(crate) type QuoteRef<'a> = (
    Option<&'a str>,
    Option<&'a str>,
    &'a str,
    Option<&'a str>,
    &'a str,
    i64,
    i64,
    Option<&'a str>,
    Option<DatedBy>,
    Vec<&'a str>,
);

const HAS_SPEAKER: u8 = 1;
const HAS_SPEAKER_TEXT: u8 = 2;
const HAS_CUE: u8 = 4;
const HAS_DATE: u8 = 8;

/// A document's quotes.
pub(crate) fn encode_quotes(quotes: &[QuoteRef]) -> Vec<u8> {
    let mut out = vec![FORMAT];
    for (speaker, speaker_text, kind, cue, text, start, end, date, dated_by, about) in quotes {
        out.push(flags(&[
            (speaker.is_some(), HAS_SPEAKER),
            (speaker_text.is_some(), HAS_SPEAKER_TEXT),
            (cue.is_some(), HAS_CUE),
            (date.is_some(), HAS_DATE),
        ]));
        put_code(&mut out, &QUOTE_KINDS, kind);
        out.push(match dated_by {
            None => 0,
            Some(DatedBy::Cue) => 1,
            Some(DatedBy::Published) => 2,
        });
        for s in [speaker, speaker_text, cue].into_iter().flatten() {
            put_str(&mut out, s);
        }
        put_str(&mut out, text);
        put_int(&mut out, *start);
        put_int(&mut out, end.wrapping_sub(*start));
        if let Some(d) = date {
            put_str(&mut out, d);
        }
        put_strs(&mut out, about);
    }
    out
}

/// A document's quotes from their stored bytes (after decompression): the binary list of
/// [`encode_quotes`], or the JSON list older cases hold.
pub(crate) fn quotes(bytes: &[u8]) -> Result<Vec<StoredQuote>, String> {
    or_json(bytes, |mut r| {
        let mut out = Vec::new();
        while r.at < bytes.len() {
            let has = r.byte()?;
            let kind = r.code(&QUOTE_KINDS)?;
            let dated_by = match r.byte()? {
                0 => None,
                1 => Some(DatedBy::Cue),
                2 => Some(DatedBy::Published),
                _ => return Err("bad quote list".into()),
            };
            let speaker = if has & HAS_SPEAKER != 0 { Some(r.str()?) } else { None };
            let speaker_text = if has & HAS_SPEAKER_TEXT != 0 { Some(r.str()?) } else { None };
            let cue = if has & HAS_CUE != 0 { Some(r.str()?) } else { None };
            let text = r.str()?;
            let start = r.int()?;
            let end = r.int()?.wrapping_add(start);
            let date = if has & HAS_DATE != 0 { Some(r.str()?) } else { None };
            let about = r.strs()?;
            out.push(StoredQuote { speaker, speaker_text, kind, cue, text, start, end, date, dated_by, about });
        }
        Ok(out)
    })
}

/// A stored list: read by `binary` after the [`FORMAT`] byte, or as the JSON older cases hold.
fn or_json<T: serde::de::DeserializeOwned>(
    bytes: &[u8],
    binary: impl FnOnce(Reader) -> Result<T, String>,
) -> Result<T, String> {
    match bytes.first() {
        Some(&FORMAT) => binary(Reader { bytes, at: 1 }),
        _ => serde_json::from_slice(bytes).map_err(|e| e.to_string()),
    }
}

/// The flags that are set.
fn flags(set: &[(bool, u8)]) -> u8 {
    set.iter().filter(|(on, _)| *on).fold(0, |f, (_, flag)| f | flag)
}

/// A stored list's bytes as they are: a blob, or the JSON text of older cases.
pub(crate) struct Raw(pub(crate) Vec<u8>);

impl rusqlite::types::FromSql for Raw {
    fn column_result(v: rusqlite::types::ValueRef<'_>) -> rusqlite::types::FromSqlResult<Self> {
        use rusqlite::types::{FromSqlError, ValueRef};
        match v {
            ValueRef::Blob(b) | ValueRef::Text(b) => Ok(Raw(b.to_vec())),
            _ => Err(FromSqlError::InvalidType),
        }
    }
}

/// Zigzag LEB128: small magnitudes, either sign, in few bytes.
pub(crate) fn put_int(out: &mut Vec<u8>, v: i64) {
    let mut z = ((v << 1) ^ (v >> 63)) as u64;
    while z >= 0x80 {
        out.push((z as u8) | 0x80);
        z >>= 7;
    }
    out.push(z as u8);
}

pub(crate) fn put_str(out: &mut Vec<u8>, s: &str) {
    put_int(out, s.len() as i64);
    out.extend_from_slice(s.as_bytes());
}

fn put_strs(out: &mut Vec<u8>, v: &[&str]) {
    put_int(out, v.len() as i64);
    for s in v {
        put_str(out, s);
    }
}

fn put_code(out: &mut Vec<u8>, names: &[&str], name: &str) {
    match names.iter().position(|n| *n == name) {
        Some(i) => out.push(i as u8),
        None => {
            out.push(OTHER);
            put_str(out, name);
        }
    }
}

pub(crate) struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    /// Reads `bytes` from their start.
    pub(crate) fn new(bytes: &'a [u8]) -> Reader<'a> {
        Reader { bytes, at: 0 }
    }

    /// True when every byte was read.
    pub(crate) fn done(&self) -> bool {
        self.at == self.bytes.len()
    }

    pub(crate) fn byte(&mut self) -> Result<u8, String> {
        let b = *self.bytes.get(self.at).ok_or("stored list cut short")?;
        self.at += 1;
        Ok(b)
    }

    pub(crate) fn int(&mut self) -> Result<i64, String> {
        let mut z: u64 = 0;
        for shift in (0..64).step_by(7) {
            let b = self.byte()?;
            z |= u64::from(b & 0x7f) << shift;
            if b < 0x80 {
                return Ok((z >> 1) as i64 ^ -((z & 1) as i64));
            }
        }
        Err("bad number in stored list".into())
    }

    pub(crate) fn str(&mut self) -> Result<String, String> {
        let len = usize::try_from(self.int()?).map_err(|_| "bad length in stored list")?;
        let end = self.at.checked_add(len).filter(|&e| e <= self.bytes.len()).ok_or("stored list cut short")?;
        let s = std::str::from_utf8(&self.bytes[self.at..end]).map_err(|e| e.to_string())?;
        self.at = end;
        Ok(s.to_string())
    }

    fn strs(&mut self) -> Result<Vec<String>, String> {
        let count = self.int()?;
        // (each takes at least a byte: a count beyond the bytes left is corrupt)
        if count < 0 || count as usize > self.bytes.len() - self.at {
            return Err("bad count in stored list".into());
        }
        (0..count).map(|_| self.str()).collect()
    }

    fn code(&mut self, names: &[&str]) -> Result<String, String> {
        match self.byte()? {
            OTHER => self.str(),
            i => names.get(usize::from(i)).map(|n| n.to_string()).ok_or_else(|| "bad code in stored list".into()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statements_read_back_as_written() {
        let two: &[&str] = &["E20", "E17"];
        let items: Vec<ItemRef> = vec![
            (0, "published", "day", "2013-09-18", None, None, "Ministry denies the report", &[]),
            (21, "time", "day", "2013-09-18", Some(3523), Some(3631), "", &["E28"]),
            (23, "time", "day", "2013-09-18T18:14", Some(3632), Some(3754), "", two),
            (31, "quote", "day", "2013-09-18", Some(3572), Some(3630), "", &[]),
            // kinds and granularities without a code, a value that is not the date, big offsets
            (1_000_000, "note", "fortnight", "2013-W38", Some(0), Some(9_000_000_000), "é — \"x\"", &["Ω"]),
        ];
        let blob = encode_timeline("2013-09-18", &items);
        let back = timeline("2013-09-18", &blob).unwrap();
        assert_eq!(back.len(), items.len());
        for (b, i) in back.iter().zip(&items) {
            assert_eq!(b.0, i.0);
            assert_eq!((b.1.as_str(), b.2.as_str(), b.3.as_str()), (i.1, i.2, i.3));
            assert_eq!((b.4, b.5), (i.4, i.5));
            assert_eq!(b.6, i.6);
            assert_eq!(b.7, i.7);
        }
        // far shorter than the JSON it replaces
        let json = serde_json::to_string(&items).unwrap();
        assert!(blob.len() * 2 < json.len(), "{} bytes against {}", blob.len(), json.len());
    }

    #[test]
    fn a_damaged_list_is_an_error_not_a_panic() {
        let blob = encode_timeline("2014-01-01", &[(6, "time", "year", "2014", Some(1239), Some(1367), "", &["E14"])]);
        // (a list of no statements is the format byte alone)
        for cut in 2..blob.len() {
            assert!(timeline("2014-01-01", &blob[..cut]).is_err(), "cut at {cut}");
        }
        assert!(timeline("2014-01-01", &[2]).is_err());
        assert!(timeline("2014-01-01", &[FORMAT, 0, 9, 0, 0, 0]).is_err());
        assert!(timeline("2014-01-01", &[FORMAT, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff]).is_err());
        // a huge count of locals
        let mut big = vec![FORMAT, 0, 1, 0, VALUE_IS_DATE];
        put_int(&mut big, i64::MAX);
        assert!(timeline("2014-01-01", &big).is_err());
    }

    fn quote_list() -> Vec<QuoteRef<'static>> {
        vec![
            (
                Some("E1"),
                Some("Hugo Marsh"),
                "direct",
                Some("said"),
                "We will not seek it",
                10,
                29,
                Some("2014-05-08"),
                Some(DatedBy::Cue),
                vec!["E2", "E3"],
            ),
            (None, None, "indirect", None, "that talks resume", 40, 57, None, None, vec![]),
            (
                Some("E4"),
                None,
                "rumour",
                None,
                "« é »",
                9_000_000_000,
                3,
                Some("2014"),
                Some(DatedBy::Published),
                vec![],
            ),
        ]
    }

    /// Quotes are written from the record's fields ([`QuoteRef`]) and read back as
    /// [`StoredQuote`]s: the two shapes must stay in step.
    #[test]
    fn quotes_read_back_field_for_field() {
        let written = quote_list();
        let read = quotes(&encode_quotes(&written)).unwrap();
        assert_eq!(read.len(), written.len());
        for (q, w) in read.iter().zip(&written) {
            assert_eq!((q.speaker.as_deref(), q.speaker_text.as_deref(), q.kind.as_str()), (w.0, w.1, w.2));
            assert_eq!((q.cue.as_deref(), q.text.as_str(), q.start, q.end), (w.3, w.4, w.5, w.6));
            assert_eq!((q.date.as_deref(), q.dated_by), (w.7, w.8));
            assert_eq!(q.about, w.9);
        }
        assert!(quotes(&encode_quotes(&[])).unwrap().is_empty());
    }

    #[test]
    fn a_damaged_quote_list_is_an_error_not_a_panic() {
        let blob = encode_quotes(&quote_list());
        for cut in 2..blob.len() {
            // (a cut between two quotes leaves a shorter list that is whole)
            if let Ok(q) = quotes(&blob[..cut]) {
                assert!(q.len() < 3, "cut at {cut}");
            }
        }
        assert!(quotes(&blob[..blob.len() - 1]).is_err());
        assert!(quotes(&[FORMAT, 0, 0, 7]).is_err());
        assert!(quotes(b"[[1,2").is_err());
    }

    #[test]
    fn older_cases_keep_their_quote_json() {
        let json = r#"[["E1","Hugo Marsh","direct","said","We will not seek it",10,29,"2014-05-08","cue",["E2"]]]"#;
        let q = &quotes(json.as_bytes()).unwrap()[0];
        assert_eq!((q.speaker.as_deref(), q.kind.as_str(), q.start, q.end), (Some("E1"), "direct", 10, 29));
        assert_eq!((q.dated_by, q.about.as_slice()), (Some(DatedBy::Cue), &["E2".to_string()][..]));
    }

    #[test]
    fn older_cases_keep_their_json() {
        let json = r#"[[4,"time","day","2013-10-09",799,895,"",["E11"]]]"#;
        let items = timeline("2013-10-09", json.as_bytes()).unwrap();
        assert_eq!(items[0].0, 4);
        assert_eq!(items[0].7, ["E11"]);
    }
}
