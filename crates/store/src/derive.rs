//! The rows a record adds to the cross-reference tables (entities, dated statements, quotes,
//! co-mentions), computed from the record alone. Computing them is pure and costs more than
//! writing them, so ingest workers do it in parallel ([`Prepared::new`]) and the store's single
//! writer only binds values.

use crate::codec::{self, ItemRef, QuoteRef};
use crate::dates::{DateRange, date_range};
use crate::resolve::{DocEntity, Forms, fold};
use dossier_model::contract::DocRecord;
use dossier_model::{EntityType, TimeType};
use std::collections::{BTreeMap, HashMap, HashSet};
use std::rc::Rc;

/// A record made ready to store: its stored form and its derived rows.
#[derive(Debug)]
pub struct Prepared {
    /// The extraction record.
    pub record: DocRecord,
    /// Which pipeline made it.
    pub pipeline: String,
    /// The record without its text, compressed JSON.
    pub(crate) record_blob: Vec<u8>,
    /// The text, compressed.
    pub(crate) text_blob: Vec<u8>,
    /// The cross-reference rows.
    pub(crate) rows: DocRows,
}

impl Prepared {
    /// Encodes `record` and derives its rows.
    pub fn new(record: DocRecord, pipeline: &str) -> Prepared {
        let mut p = Prepared::without_rows(record, pipeline);
        p.rows = DocRows::of(&p.record);
        p
    }

    /// Encodes `record`, without cross-reference rows.
    pub fn without_rows(mut record: DocRecord, pipeline: &str) -> Prepared {
        // The record and the text are stored apart, so that search hits read only the text.
        let record_blob = encode_record(&mut record);
        let text_blob = lz4_flex::compress_prepend_size(record.text.as_bytes());
        Prepared { record, pipeline: pipeline.to_string(), record_blob, text_blob, rows: DocRows::default() }
    }
}

/// The record without its text, compressed JSON. (The text is taken out for the moment of
/// serializing, not copied.)
pub(crate) fn encode_record(rec: &mut DocRecord) -> Vec<u8> {
    let text = std::mem::take(&mut rec.text);
    let record = lz4_flex::compress_prepend_size(&serde_json::to_vec(&*rec).expect("records serialize"));
    rec.text = text;
    record
}

/// A document entity as written: the resolver's view plus its keys and JSON columns.
#[derive(Debug)]
pub(crate) struct EntityRow {
    pub(crate) entity: DocEntity,
    /// Every blocking key of its name and aliases.
    pub(crate) keys: Vec<String>,
    /// Its name and aliases taken apart for the resolver.
    pub(crate) forms: Forms,
    pub(crate) aliases_json: String,
    pub(crate) roles_json: String,
}

/// A dated statement: a publication date, a sentence with a date, or a dated quote.
#[derive(Debug)]
struct TimelineRow<'a> {
    kind: &'static str,
    date: String,
    until: String,
    granularity: &'static str,
    value: String,
    start: Option<i64>,
    end: Option<i64>,
    /// Empty where the text is the document's span `start..end` (read back from the text, not
    /// stored twice).
    text: String,
    locals: Vec<&'a str>,
}

/// A document's dated statements that share one date range, as stored: one row per document
/// and date rather than one per statement (a generated news document has about 35 statements
/// on 10 dates), with its statements as a list of [`TimelineItem`]s in document order
/// ([`codec`]).
#[derive(Debug)]
pub(crate) struct TimelineGroup {
    pub(crate) date: String,
    pub(crate) until: String,
    pub(crate) entries: Vec<u8>,
}

/// One statement of a [`TimelineGroup`]: its place among the document's statements, kind,
/// granularity, value, start, end, text and the document's entities it names.
pub(crate) type TimelineItem = (i64, String, String, String, Option<i64>, Option<i64>, String, Vec<String>);

/// The rows grouped by date range, each group's statements in document order.
fn group_timeline(rows: &[TimelineRow]) -> Vec<TimelineGroup> {
    let mut order: Vec<usize> = (0..rows.len()).collect();
    order.sort_by(|&a, &b| (&rows[a].date, &rows[a].until, a).cmp(&(&rows[b].date, &rows[b].until, b)));
    order
        .chunk_by(|&a, &b| rows[a].date == rows[b].date && rows[a].until == rows[b].until)
        .map(|group| {
            let items: Vec<ItemRef> = group
                .iter()
                .map(|&n| {
                    let t = &rows[n];
                    (n as i64, t.kind, t.granularity, t.value.as_str(), t.start, t.end, t.text.as_str(), &t.locals[..])
                })
                .collect();
            let first = &rows[group[0]];
            TimelineGroup {
                date: first.date.clone(),
                until: first.until.clone(),
                entries: codec::encode_timeline(&first.date, &items),
            }
        })
        .collect()
}

/// A quote as the case keeps it: with the date it was said and the entities it is about.
/// Written from the record's fields as a [`codec::QuoteRef`] into a binary list; older cases
/// hold a JSON array per quote (a [`QuoteTuple`]), still read.
#[derive(Debug, Clone, serde::Deserialize)]
#[serde(from = "QuoteTuple")]
pub(crate) struct StoredQuote {
    pub(crate) speaker: Option<String>,
    pub(crate) speaker_text: Option<String>,
    pub(crate) kind: String,
    pub(crate) cue: Option<String>,
    pub(crate) text: String,
    pub(crate) start: i64,
    pub(crate) end: i64,
    pub(crate) date: Option<String>,
    /// Where the date comes from.
    pub(crate) dated_by: Option<DatedBy>,
    /// Local ids of the entities mentioned inside the quote, other than the speaker.
    pub(crate) about: Vec<String>,
}

/// Where a quote's date comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub(crate) enum DatedBy {
    /// A day named beside the cue: the quote has a timeline row of its own.
    Cue,
    /// Its document's publication: the timeline shows it under the publication row.
    Published,
}

type QuoteTuple = (
    Option<String>,
    Option<String>,
    String,
    Option<String>,
    String,
    i64,
    i64,
    Option<String>,
    Option<DatedBy>,
    Vec<String>,
);

impl From<QuoteTuple> for StoredQuote {
    fn from(t: QuoteTuple) -> StoredQuote {
        let (speaker, speaker_text, kind, cue, text, start, end, date, dated_by, about) = t;
        StoredQuote { speaker, speaker_text, kind, cue, text, start, end, date, dated_by, about }
    }
}

/// What one document adds to the cross-reference tables.
#[derive(Debug, Default)]
pub(crate) struct DocRows {
    pub(crate) entities: Vec<EntityRow>,
    pub(crate) timeline: Vec<TimelineGroup>,
    /// The document's quotes as stored ([`codec::encode_quotes`], compressed); none without
    /// quotes.
    pub(crate) quotes_blob: Option<Vec<u8>>,
    /// Co-mentions of two entities of the document as stored, a JSON list of `[a, b, in how
    /// many sentences, in how many quotes (one speaking, the other spoken about)]`, [`pack`]ed;
    /// none without pairs.
    pub(crate) edges_blob: Option<Vec<u8>>,
}

pub(crate) fn json<T: serde::Serialize + ?Sized>(v: &T) -> String {
    serde_json::to_string(v).expect("serializable")
}

/// A list of names as JSON; most are empty.
fn json_list(v: &[String]) -> String {
    if v.is_empty() { "[]".to_string() } else { json(v) }
}

/// A per-document list as stored: compressed JSON. The quote lists were a quarter of a case's
/// database as plain JSON, and every byte is written twice (log and checkpoint).
pub(crate) fn pack<T: serde::Serialize + ?Sized>(v: &T) -> Vec<u8> {
    lz4_flex::compress_prepend_size(&serde_json::to_vec(v).expect("serializable"))
}

/// Reads a per-document list: a [`pack`]ed blob, or the plain JSON text older cases hold.
pub(crate) struct Packed(pub(crate) Vec<u8>);

impl rusqlite::types::FromSql for Packed {
    fn column_result(v: rusqlite::types::ValueRef<'_>) -> rusqlite::types::FromSqlResult<Self> {
        use rusqlite::types::{FromSqlError, ValueRef};
        match v {
            ValueRef::Text(t) => Ok(Packed(t.to_vec())),
            ValueRef::Blob(b) => {
                lz4_flex::decompress_size_prepended(b).map(Packed).map_err(|e| FromSqlError::Other(Box::new(e)))
            }
            _ => Err(FromSqlError::InvalidType),
        }
    }
}

/// Names that are no entity of a case: one letter, a pronoun.
fn is_junk(name: &str) -> bool {
    let f = fold(name);
    f.len() < 2
        || matches!(
            f.as_str(),
            "i" | "me" | "we" | "us" | "he" | "she" | "it" | "they" | "them" | "you" | "him" | "her" | "his" | "our"
        ) && name.chars().any(|c| c.is_lowercase())
}

/// The record's entities as the resolver sees them.
pub(crate) fn doc_entities(rec: &DocRecord) -> Vec<DocEntity> {
    rec.entities
        .iter()
        .filter(|e| matches!(e.ty, EntityType::Person | EntityType::Org | EntityType::Loc | EntityType::Misc))
        .filter(|e| !is_junk(&e.name))
        .map(|e| DocEntity {
            local: e.id.clone(),
            ty: e.ty,
            name: e.name.clone(),
            aliases: e.aliases.clone(),
            roles: e.roles.clone(),
            mentions: e.mentions.len() as u32,
        })
        .collect()
}

/// Every blocking key of an entity's name and aliases, once each.
pub(crate) fn entity_keys(e: &DocEntity) -> Vec<String> {
    Forms::of(e).keys()
}

impl EntityRow {
    pub(crate) fn new(entity: DocEntity) -> EntityRow {
        let forms = Forms::of(&entity);
        EntityRow {
            keys: forms.keys(),
            forms,
            aliases_json: json_list(&entity.aliases),
            roles_json: json_list(&entity.roles),
            entity,
        }
    }
}

/// Index of the sentence holding character `pos`.
fn sentence_of(sentences: &[[usize; 2]], pos: usize) -> Option<usize> {
    let i = sentences.partition_point(|s| s[0] <= pos);
    (i > 0 && pos < sentences[i - 1][1].max(sentences[i - 1][0] + 1)).then(|| i - 1)
}

/// `s` on one line, cut to `max` characters.
pub(crate) fn clip(s: &str, max: usize) -> String {
    let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if s.chars().count() <= max {
        return s;
    }
    let mut out: String = s.chars().take(max).collect();
    out.push('…');
    out
}

fn ordered<'a>(a: &'a str, b: &'a str) -> (&'a str, &'a str) {
    if a < b { (a, b) } else { (b, a) }
}

impl DocRows {
    /// The rows of `rec`.
    pub(crate) fn of<'a>(rec: &'a DocRecord) -> DocRows {
        let entities = doc_entities(rec).into_iter().map(EntityRow::new).collect();
        let sentences = &rec.sentences;
        // Entity locals mentioned in each sentence.
        let mut in_sentence: Vec<Vec<&str>> = vec![Vec::new(); sentences.len()];
        for m in &rec.mentions {
            if let (Some(local), Some(i)) = (m.entity.as_deref(), sentence_of(sentences, m.start))
                && !in_sentence[i].contains(&local)
            {
                in_sentence[i].push(local);
            }
        }
        // A document names the same few dates again and again: each value is read once.
        let mut ranges: HashMap<&str, Option<Rc<DateRange>>> = HashMap::new();
        let mut range_of = |value: &'a str| -> Option<Rc<DateRange>> {
            ranges.entry(value).or_insert_with(|| date_range(value).map(Rc::new)).clone()
        };
        let dated: Vec<(usize, &dossier_model::contract::TimeRecord, Rc<DateRange>)> = rec
            .times
            .iter()
            .filter(|t| matches!(t.ty, TimeType::Date | TimeType::Time))
            .filter_map(|t| Some((sentence_of(sentences, t.start)?, t, range_of(&t.value)?)))
            .collect();
        let mut timeline = Vec::new();
        if let Some(p) = rec.published.as_deref()
            && let Some(d) = date_range(p)
        {
            let title = rec.title.clone().unwrap_or_else(|| {
                sentences.first().map(|s| rec.text.chars().skip(s[0]).take(s[1] - s[0]).collect()).unwrap_or_default()
            });
            timeline.push(TimelineRow {
                kind: "published",
                date: d.start,
                until: d.end,
                granularity: d.granularity,
                value: p.to_string(),
                start: None,
                end: None,
                text: clip(&title, 300),
                locals: Vec::new(),
            });
        }
        let mut seen: HashSet<(usize, &str, &str)> = HashSet::with_capacity(dated.len());
        for (i, t, d) in &dated {
            // One entry per sentence and date: "on 11 April 2014 ... at 6.14am" is one statement.
            if !seen.insert((*i, &d.start, &d.end)) {
                continue;
            }
            let s = sentences[*i];
            timeline.push(TimelineRow {
                kind: "time",
                date: d.start.clone(),
                until: d.end.clone(),
                granularity: d.granularity,
                value: t.value.clone(),
                start: Some(s[0] as i64),
                end: Some(s[1] as i64),
                text: String::new(),
                locals: in_sentence[*i].clone(),
            });
        }
        let mut pairs: BTreeMap<(&str, &str), (i64, i64)> = BTreeMap::new();
        for locals in &in_sentence {
            for (x, a) in locals.iter().enumerate() {
                for b in &locals[x + 1..] {
                    pairs.entry(ordered(a, b)).or_default().0 += 1;
                }
            }
        }
        // Looked up per quote, so that a long document costs no scan per quote: the dated
        // expressions of each sentence, and the mentions of an entity by start.
        let mut dated_in: HashMap<usize, Vec<usize>> = HashMap::new();
        for (k, (i, _, _)) in dated.iter().enumerate() {
            dated_in.entry(*i).or_default().push(k);
        }
        let mut by_start: Vec<(usize, usize)> =
            rec.mentions.iter().enumerate().filter(|(_, m)| m.entity.is_some()).map(|(k, m)| (m.start, k)).collect();
        by_start.sort_unstable();
        let mut quotes = Vec::with_capacity(rec.quotes.len());
        let mut within: Vec<usize> = Vec::new();
        for q in &rec.quotes {
            let inside = |p: usize| q.parts.iter().any(|s| s[0] <= p && p < s[1]) || (q.start <= p && p < q.end);
            // When it was said: a date beside the cue (not inside the quote), else publication.
            let cue_sentence = q.cue_span.and_then(|c| sentence_of(sentences, c[0]));
            // Only a day ("said on Monday") dates the saying; a year or decade in the same
            // sentence is what the words are about.
            let cue_date = cue_sentence
                .and_then(|i| dated_in.get(&i))
                .into_iter()
                .flatten()
                .map(|&k| &dated[k])
                .find(|(_, t, d)| !inside(t.start) && d.granularity == "day")
                .map(|(_, t, _)| t.value.as_str());
            let dated_by = match (&cue_date, &rec.published) {
                (Some(_), _) => Some(DatedBy::Cue),
                (None, Some(_)) => Some(DatedBy::Published),
                (None, None) => None,
            };
            let date: Option<&str> = cue_date.or(rec.published.as_deref());
            // the mentions inside the quote's span and parts, in the record's order
            within.clear();
            for s in q.parts.iter().copied().chain([[q.start, q.end]]) {
                let from = by_start.partition_point(|&(p, _)| p < s[0]);
                within.extend(by_start[from..].iter().take_while(|&&(p, _)| p < s[1]).map(|&(_, k)| k));
            }
            within.sort_unstable();
            within.dedup();
            let mut about: Vec<&str> = Vec::new();
            for &k in &within {
                if let Some(local) = rec.mentions[k].entity.as_deref()
                    && Some(local) != q.speaker.as_deref()
                    && !about.contains(&local)
                {
                    about.push(local);
                }
            }
            if let Some(speaker) = q.speaker.as_deref() {
                for a in &about {
                    pairs.entry(ordered(speaker, a)).or_default().1 += 1;
                }
            }
            // A quote dated by its document's publication is shown with that row, not stored twice.
            if let Some(d) = date.filter(|_| dated_by == Some(DatedBy::Cue)).and_then(date_range) {
                let mut locals: Vec<&str> = q.speaker.iter().map(String::as_str).collect();
                locals.extend(&about);
                timeline.push(TimelineRow {
                    kind: "quote",
                    date: d.start,
                    until: d.end,
                    granularity: d.granularity,
                    value: date.unwrap_or_default().to_string(),
                    start: Some(q.start as i64),
                    end: Some(q.end as i64),
                    text: String::new(),
                    locals,
                });
            }
            let out: QuoteRef = (
                q.speaker.as_deref(),
                q.speaker_text.as_deref(),
                q.kind.as_str(),
                q.cue.as_deref(),
                &q.text,
                q.start as i64,
                q.end as i64,
                date,
                dated_by,
                about,
            );
            quotes.push(out);
        }
        // Serialized here, on an ingest worker, rather than by the store's single writer.
        let edges: Vec<(&str, &str, i64, i64)> = pairs.into_iter().map(|((a, b), (s, q))| (a, b, s, q)).collect();
        DocRows {
            entities,
            timeline: group_timeline(&timeline),
            quotes_blob: (!quotes.is_empty()).then(|| lz4_flex::compress_prepend_size(&codec::encode_quotes(&quotes))),
            edges_blob: (!edges.is_empty()).then(|| pack(&edges)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn name_lists_are_json() {
        assert_eq!(json_list(&[]), "[]");
        assert_eq!(json_list(&["Mr. Tamm".to_string(), "say \"T\"".to_string()]), r#"["Mr. Tamm","say \"T\""]"#);
    }
}
