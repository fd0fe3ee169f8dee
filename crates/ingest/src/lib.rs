//! Bytes to documents. [`Reader`] walks the inputs in order and yields [`Raw`] units with the
//! least work possible (it runs on one thread and must keep memory bounded); [`parse`] turns a
//! unit into a [`Doc`] or an error record, and is what callers run in parallel.
//!
//! ```
//! use dossier_ingest::{parse, Input, Options, Reader};
//! let dir = tempfile::tempdir().unwrap();
//! std::fs::write(dir.path().join("a.txt"), "Ann Lee spoke.").unwrap();
//! let opts = Options::default();
//! let docs: Vec<_> = Reader::new(vec![Input::Path(dir.path().to_string_lossy().into())], opts)
//!     .map(|raw| parse(raw, &opts))
//!     .collect();
//! assert_eq!(docs[0].as_ref().unwrap().text, "Ann Lee spoke.");
//! ```
#![warn(missing_docs)]

pub mod decode;
pub mod html;
pub mod meta;
mod read;

pub use read::{Input, Progress, Reader, input_bytes};

use dossier_model::Doc;
use dossier_model::contract::{ErrorBody, ErrorRecord};
use serde::Deserialize;

/// Reading limits.
#[derive(Debug, Clone, Copy)]
pub struct Options {
    /// A document (file or feed line) larger than this gets a `too_large` error.
    pub max_doc_bytes: usize,
}

impl Default for Options {
    fn default() -> Self {
        Options { max_doc_bytes: 64 << 20 }
    }
}

/// One unit of input, read but not yet parsed.
#[derive(Debug)]
pub enum Raw {
    /// A whole file (or standard input read as one document).
    File {
        /// The path as given.
        id: String,
        /// The path as given, or None for standard input.
        source: Option<String>,
        /// Its bytes.
        bytes: Vec<u8>,
        /// Size and modification time, for files on disk.
        stamp: Option<dossier_model::FileStamp>,
    },
    /// One line of a JSONL feed.
    FeedLine {
        /// `<path>#<line>`, used when the line has no id.
        fallback_id: String,
        /// The feed's path, or None for standard input.
        source: Option<String>,
        /// The line's bytes without the newline.
        bytes: Vec<u8>,
    },
    /// A unit that could not even be read.
    Failed(ErrorRecord),
}

/// Builds an error record.
pub fn failure(id: impl Into<String>, source: Option<String>, kind: &str, message: impl Into<String>) -> ErrorRecord {
    ErrorRecord { id: id.into(), source, error: ErrorBody { kind: kind.to_string(), message: message.into() } }
}

#[derive(Deserialize)]
struct FeedLine {
    id: Option<serde_json::Value>,
    text: Option<serde_json::Value>,
    // the metadata are read as any JSON value, so that a number or a list where a string
    // belongs costs a warning, not the document
    title: Option<serde_json::Value>,
    published: Option<serde_json::Value>,
    url: Option<serde_json::Value>,
    byline: Option<serde_json::Value>,
    lang: Option<serde_json::Value>,
}

/// A feed line's optional string field: absent or null (which serde reads as absent) is none;
/// any other value than a string is none too, with a warning.
fn string_field(name: &str, value: Option<serde_json::Value>, warnings: &mut Vec<String>) -> Option<String> {
    match value? {
        serde_json::Value::String(s) => Some(s),
        other => {
            let mut shown = other.to_string();
            if shown.len() > 40 {
                shown.truncate(shown.floor_char_boundary(40));
                shown.push('…');
            }
            warnings.push(format!("{name} {shown} is not a string: ignored"));
            None
        }
    }
}

/// Decodes, detects the format and reads one unit into a document.
pub fn parse(raw: Raw, opts: &Options) -> Result<Doc, ErrorRecord> {
    match raw {
        Raw::Failed(e) => Err(e),
        Raw::File { id, source, bytes, .. } => parse_file(id, source, &bytes, opts),
        Raw::FeedLine { fallback_id, source, bytes } => parse_feed_line(fallback_id, source, &bytes),
    }
}

fn parse_file(id: String, source: Option<String>, bytes: &[u8], opts: &Options) -> Result<Doc, ErrorRecord> {
    let fail = |kind: &str, msg: String| Err(failure(id.clone(), source.clone(), kind, msg));
    if bytes.len() > opts.max_doc_bytes {
        return fail("too_large", format!("{} bytes, over --max-doc-bytes {}", bytes.len(), opts.max_doc_bytes));
    }
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return fail("empty", "the file is empty".into());
    }
    match decode::check_text(bytes) {
        Err(decode::NotText::Format(name)) => return fail("unsupported_format", format!("a {name} file, not text")),
        Err(decode::NotText::Binary) => return fail("binary", "binary data (NUL bytes), not text".into()),
        Ok(()) => {}
    }
    let name = id.to_ascii_lowercase();
    let is_html =
        name.ends_with(".html") || name.ends_with(".htm") || name.ends_with(".xhtml") || html::looks_like_html(bytes);
    let mut doc = Doc::new(id.clone(), String::new());
    doc.source = source.clone();
    if is_html {
        let page = html::read_page(bytes);
        doc.text = page.text;
        doc.title = page.title;
        doc.byline = page.byline;
        doc.published = page.published;
        doc.url = page.url;
        doc.lang = page.lang;
        doc.warnings = page.warnings;
    } else {
        let d = decode::decode(bytes, None);
        doc.text = d.text;
        doc.warnings = d.warnings;
        (doc.title, doc.byline) = meta::headline_and_byline(&doc.text);
    }
    if decode::control_share(&doc.text) > 0.05 {
        return fail("binary", "mostly control characters, not text".into());
    }
    if doc.text.trim().is_empty() {
        return fail("empty", "no text found in the document".into());
    }
    Ok(doc)
}

fn parse_feed_line(fallback_id: String, source: Option<String>, bytes: &[u8]) -> Result<Doc, ErrorRecord> {
    let mut warnings = Vec::new();
    let line = match std::str::from_utf8(bytes) {
        Ok(s) => std::borrow::Cow::Borrowed(s),
        Err(_) => {
            warnings.push("best-effort decode: invalid UTF-8 in the feed line replaced".to_string());
            String::from_utf8_lossy(bytes)
        }
    };
    let fl: FeedLine = match serde_json::from_str(&line) {
        Ok(v) => v,
        Err(e) => {
            return Err(failure(fallback_id, source, "invalid_json", format!("feed line is not a JSON object: {e}")));
        }
    };
    let id = match fl.id {
        Some(serde_json::Value::String(s)) => s,
        Some(serde_json::Value::Number(n)) => n.to_string(),
        _ => fallback_id,
    };
    let text = match fl.text {
        Some(serde_json::Value::String(s)) => s,
        Some(_) => return Err(failure(id, source, "missing_text", "the feed line's \"text\" is not a string")),
        None => return Err(failure(id, source, "missing_text", "the feed line has no \"text\" field")),
    };
    // as for a file with nothing but whitespace
    if text.trim().is_empty() {
        return Err(failure(id, source, "empty", "the feed line's \"text\" is empty"));
    }
    let mut doc = Doc::new(id, text);
    doc.source = source;
    doc.title = string_field("title", fl.title, &mut warnings);
    doc.url = string_field("url", fl.url, &mut warnings);
    doc.byline = string_field("byline", fl.byline, &mut warnings);
    if let Some(l) = string_field("lang", fl.lang, &mut warnings) {
        match html::lang_code(&l) {
            Some(code) => doc.lang = Some(code),
            None => warnings.push(format!("lang {l:?} is not a language code (ISO 639-1, such as \"es\"): ignored")),
        }
    }
    if let Some(p) = string_field("published", fl.published, &mut warnings) {
        match meta::published_date(&p) {
            Some(d) => doc.published = Some(d),
            None => warnings
                .push(format!("published {p:?} is not a date (YYYY-MM-DD, RFC 2822, or a month's name): ignored")),
        }
    }
    doc.warnings = warnings;
    Ok(doc)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn feed(line: &str) -> Result<Doc, ErrorRecord> {
        parse(
            Raw::FeedLine { fallback_id: "f.jsonl#3".into(), source: Some("f.jsonl".into()), bytes: line.into() },
            &Options::default(),
        )
    }

    fn file(bytes: &[u8]) -> Result<Doc, ErrorRecord> {
        parse(
            Raw::File { id: "x.txt".into(), source: Some("x.txt".into()), bytes: bytes.to_vec(), stamp: None },
            &Options::default(),
        )
    }

    #[test]
    fn feed_text_passes_through_unchanged() {
        let d = feed(
            r#"{"id": 7, "text": "  Two\r\nlines \u2028 kept  ", "published": "2018-07-23T10:00:00Z", "title": "T"}"#,
        )
        .unwrap();
        assert_eq!(d.id, "7");
        assert_eq!(d.text, "  Two\r\nlines \u{2028} kept  ");
        assert_eq!(d.published.as_deref(), Some("2018-07-23"));
        assert_eq!(d.title.as_deref(), Some("T"));
    }

    #[test]
    fn feed_line_errors() {
        let e = feed("{not json").unwrap_err();
        assert_eq!((e.id.as_str(), e.error.kind.as_str()), ("f.jsonl#3", "invalid_json"));
        assert_eq!(feed(r#"{"id":"a"}"#).unwrap_err().error.kind, "missing_text");
        assert_eq!(feed(r#"{"id":"a","text":5}"#).unwrap_err().error.kind, "missing_text");
        assert_eq!(feed(r#"{"id":"a","text":""}"#).unwrap_err().error.kind, "empty");
        assert_eq!(feed(r#"{"id":"a","text":" \n\t "}"#).unwrap_err().error.kind, "empty");
        assert_eq!(feed("[1,2]").unwrap_err().error.kind, "invalid_json");
        let d = feed(r#"{"text":"x","published":"last Tuesday"}"#).unwrap();
        assert_eq!(d.id, "f.jsonl#3");
        assert!(d.warnings[0].contains("is not a date"), "{:?}", d.warnings);
        assert_eq!(d.published, None);
        // an RSS feed's date, and one written out
        let d = feed(r#"{"text":"x","published":"Tue, 14 May 2024 09:12:44 +0200"}"#).unwrap();
        assert_eq!((d.published.as_deref(), d.warnings.len()), (Some("2024-05-14"), 0));
        let d = feed(r#"{"text":"x","published":"June 22, 2018"}"#).unwrap();
        assert_eq!(d.published.as_deref(), Some("2018-06-22"));
        // metadata of the wrong kind cost a warning each, not the document
        let d =
            feed(r#"{"text":"x","title":5,"published":20180622,"url":["a"],"byline":{"n":1},"lang":null}"#).unwrap();
        assert_eq!((d.text.as_str(), &d.title, &d.published, &d.url, &d.byline), ("x", &None, &None, &None, &None));
        assert_eq!(d.warnings.len(), 4, "{:?}", d.warnings);
        assert_eq!(d.warnings[0], "title 5 is not a string: ignored");
        // a long value is cut in the warning, on a character's boundary
        let long = format!(r#"{{"text":"x","title":["x{}"]}}"#, "é".repeat(30));
        let w = &feed(&long).unwrap().warnings[0];
        assert_eq!(*w, format!("title [\"x{}… is not a string: ignored", "é".repeat(18)));
    }

    #[test]
    fn a_feed_line_may_give_its_language() {
        // a language tag is read as its language's code, which picks the time grammar
        assert_eq!(feed(r#"{"text":"x","lang":"es"}"#).unwrap().lang.as_deref(), Some("es"));
        assert_eq!(feed(r#"{"text":"x","lang":"es-ES"}"#).unwrap().lang.as_deref(), Some("es"));
        let d = feed(r#"{"text":"x","lang":"español"}"#).unwrap();
        assert_eq!((d.lang, d.warnings.len()), (None, 1));
        assert!(feed(r#"{"text":"x"}"#).unwrap().lang.is_none());
    }

    #[test]
    fn bad_files_get_their_errors() {
        assert_eq!(file(b"").unwrap_err().error.kind, "empty");
        assert_eq!(file(b" \n\t ").unwrap_err().error.kind, "empty");
        assert_eq!(file(b"\x7fELF\x02\x01\x01\0\0\0").unwrap_err().error.kind, "unsupported_format");
        assert_eq!(file(b"ab\0cd\0\0\x03").unwrap_err().error.kind, "binary");
        assert_eq!(
            file(&[0x01u8, 0x02, 0x03, 0x04, 0x05, b'a', 0x06, 0x07].repeat(100)).unwrap_err().error.kind,
            "binary"
        );
        let big = Options { max_doc_bytes: 10 };
        let e =
            parse(Raw::File { id: "b".into(), source: None, bytes: vec![b'a'; 11], stamp: None }, &big).unwrap_err();
        assert_eq!(e.error.kind, "too_large");
    }

    #[test]
    fn html_file_by_content() {
        let d = file(b"<html><head><title>T</title></head><body><p>One paragraph of words here.</p></body></html>")
            .unwrap();
        assert!(d.text.contains("One paragraph of words here."));
        assert!(!d.text.contains("<p>"));
    }
}
