//! `dossier export`: a case's documents, entities, mentions, quotes, times or amounts as JSON
//! Lines, CSV or Parquet, so DuckDB, pandas and Spark read a case directly.

use crate::case::CaseArg;
use anyhow::{Context, Result, bail};
use clap::{Args, ValueEnum};
use dossier_store::{Store, StoredDoc};
use serde::Serialize;
use serde_json::Value;
use std::io::{IsTerminal, Write};
use std::process::ExitCode;

/// Export formats.
#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// One JSON object per line.
    Jsonl,
    /// A header line, then one row per record; lists joined with "; ".
    Csv,
    /// Apache Parquet (typed columns, lists as lists).
    Parquet,
}

/// What to export.
#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum What {
    /// One row per document, with its text and counts.
    Documents,
    /// One row per case entity, with its forms and roles.
    Entities,
    /// One row per mention, linked to its case entity.
    Mentions,
    /// One row per quotation, with its speaker's case entity.
    Quotes,
    /// One row per time expression.
    Times,
    /// One row per amount.
    Numbers,
}

/// Arguments of `dossier export`.
#[derive(Args, Debug)]
pub struct ExportArgs {
    #[command(flatten)]
    pub case: CaseArg,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Jsonl)]
    pub format: Format,
    /// Which records.
    #[arg(long, value_enum)]
    pub what: What,
    /// Write to this file (required for Parquet on a terminal).
    #[arg(long, short = 'o')]
    pub out: Option<std::path::PathBuf>,
}

/// Column types, for CSV order and the Parquet schema.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Col {
    /// Text (nullable).
    Text,
    /// Integer (nullable).
    Int,
    /// Floating point.
    Float,
    /// A list of texts.
    List,
}

fn columns(what: What) -> &'static [(&'static str, Col)] {
    use Col::*;
    match what {
        What::Documents => &[
            ("id", Text),
            ("hash", Text),
            ("source", Text),
            ("url", Text),
            ("title", Text),
            ("byline", Text),
            ("published", Text),
            ("lang", Text),
            ("pipeline", Text),
            ("entities", Int),
            ("mentions", Int),
            ("quotes", Int),
            ("times", Int),
            ("numbers", Int),
            ("warnings", List),
            ("text", Text),
        ],
        What::Entities => &[
            ("id", Int),
            ("name", Text),
            ("type", Text),
            ("documents", Int),
            ("mentions", Int),
            ("aliases", List),
            ("roles", List),
        ],
        What::Mentions => &[
            ("doc", Text),
            ("start", Int),
            ("end", Int),
            ("text", Text),
            ("type", Text),
            ("kind", Text),
            ("doc_entity", Text),
            ("entity", Int),
        ],
        What::Quotes => &[
            ("doc", Text),
            ("start", Int),
            ("end", Int),
            ("kind", Text),
            ("text", Text),
            ("speaker", Int),
            ("speaker_name", Text),
            ("speaker_text", Text),
            ("cue", Text),
            ("date", Text),
        ],
        What::Times => &[
            ("doc", Text),
            ("start", Int),
            ("end", Int),
            ("text", Text),
            ("type", Text),
            ("value", Text),
            ("date", Text),
            ("until", Text),
            ("granularity", Text),
        ],
        What::Numbers => &[
            ("doc", Text),
            ("start", Int),
            ("end", Int),
            ("text", Text),
            ("kind", Text),
            ("value", Float),
            ("unit", Text),
            ("qualifier", Text),
        ],
    }
}

/// Where rows go.
trait Sink {
    fn rows(&mut self, rows: &[Value]) -> Result<()>;
    fn finish(self: Box<Self>) -> Result<()>;
}

struct Jsonl<W: Write>(W);

impl<W: Write> Sink for Jsonl<W> {
    fn rows(&mut self, rows: &[Value]) -> Result<()> {
        for r in rows {
            serde_json::to_writer(&mut self.0, r)?;
            self.0.write_all(b"\n")?;
        }
        Ok(())
    }
    fn finish(mut self: Box<Self>) -> Result<()> {
        Ok(self.0.flush()?)
    }
}

struct Csv<W: Write> {
    w: csv::Writer<W>,
    cols: &'static [(&'static str, Col)],
}

impl<W: Write> Sink for Csv<W> {
    fn rows(&mut self, rows: &[Value]) -> Result<()> {
        for r in rows {
            let cells = self.cols.iter().map(|(name, _)| match &r[name] {
                Value::Null => String::new(),
                Value::String(s) => s.clone(),
                Value::Array(items) => items
                    .iter()
                    .map(|i| i.as_str().map(str::to_string).unwrap_or(i.to_string()))
                    .collect::<Vec<_>>()
                    .join("; "),
                other => other.to_string(),
            });
            self.w.write_record(cells)?;
        }
        Ok(())
    }
    fn finish(mut self: Box<Self>) -> Result<()> {
        Ok(self.w.flush()?)
    }
}

#[cfg(feature = "parquet")]
mod parquet_sink {
    use super::{Col, Sink};
    use anyhow::Result;
    use arrow_schema::{DataType, Field, Schema, SchemaRef};
    use serde_json::Value;
    use std::sync::Arc;

    pub struct Parquet {
        schema: SchemaRef,
        writer: parquet::arrow::ArrowWriter<std::fs::File>,
    }

    impl Parquet {
        pub fn new(file: std::fs::File, cols: &[(&str, Col)]) -> Result<Self> {
            let fields: Vec<Field> = cols
                .iter()
                .map(|(name, col)| {
                    let ty = match col {
                        Col::Text => DataType::Utf8,
                        Col::Int => DataType::Int64,
                        Col::Float => DataType::Float64,
                        Col::List => DataType::List(Arc::new(Field::new("item", DataType::Utf8, true))),
                    };
                    Field::new(*name, ty, true)
                })
                .collect();
            let schema: SchemaRef = Arc::new(Schema::new(fields));
            let props = parquet::file::properties::WriterProperties::builder()
                .set_compression(parquet::basic::Compression::SNAPPY)
                .build();
            let writer = parquet::arrow::ArrowWriter::try_new(file, schema.clone(), Some(props))?;
            Ok(Parquet { schema, writer })
        }
    }

    impl Sink for Parquet {
        fn rows(&mut self, rows: &[Value]) -> Result<()> {
            if rows.is_empty() {
                return Ok(());
            }
            let mut decoder =
                arrow_json::ReaderBuilder::new(self.schema.clone()).with_batch_size(rows.len()).build_decoder()?;
            decoder.serialize(rows)?;
            if let Some(batch) = decoder.flush()? {
                self.writer.write(&batch)?;
            }
            Ok(())
        }
        fn finish(self: Box<Self>) -> Result<()> {
            self.writer.close()?;
            Ok(())
        }
    }
}

fn sink(args: &ExportArgs) -> Result<Box<dyn Sink>> {
    let cols = columns(args.what);
    let open = |p: &std::path::Path| std::fs::File::create(p).with_context(|| format!("creating {}", p.display()));
    match args.format {
        Format::Jsonl => Ok(Box::new(Jsonl(crate::xref::output(&args.out)?))),
        Format::Csv => {
            let mut w = csv::Writer::from_writer(crate::xref::output(&args.out)?);
            w.write_record(cols.iter().map(|c| c.0))?;
            Ok(Box::new(Csv { w, cols }))
        }
        #[cfg(feature = "parquet")]
        Format::Parquet => {
            let Some(path) = &args.out else {
                if std::io::stdout().is_terminal() {
                    bail!("Parquet is binary: give a file with --out FILE");
                }
                bail!("Parquet needs a seekable file: give one with --out FILE");
            };
            Ok(Box::new(parquet_sink::Parquet::new(open(path)?, cols)?))
        }
        #[cfg(not(feature = "parquet"))]
        Format::Parquet => {
            let _ = open;
            bail!("this build of dossier has no Parquet support (build with the `parquet` feature)")
        }
    }
}

fn to_value(v: impl Serialize) -> Value {
    serde_json::to_value(v).expect("plain values serialize")
}

/// Rows of one stored document.
fn doc_rows(store: &dyn Store, what: What, d: &StoredDoc) -> Result<Vec<Value>> {
    let r = &d.record;
    let doc = &r.id;
    Ok(match what {
        What::Documents => vec![serde_json::json!({
            "id": doc, "hash": r.hash, "source": r.source, "url": r.url, "title": r.title, "byline": r.byline,
            "published": r.published, "lang": r.lang, "pipeline": d.pipeline,
            "entities": r.entities.len(), "mentions": r.mentions.len(), "quotes": r.quotes.len(),
            "times": r.times.len(), "numbers": r.numbers.len(), "warnings": r.warnings, "text": r.text,
        })],
        What::Mentions => {
            let links = store.entity_links(d.seq)?;
            r.mentions
                .iter()
                .map(|m| {
                    let case = m.entity.as_ref().and_then(|e| links.get(e));
                    serde_json::json!({
                        "doc": doc, "start": m.start, "end": m.end, "text": m.text, "type": m.ty, "kind": m.kind,
                        "doc_entity": m.entity, "entity": case,
                    })
                })
                .collect()
        }
        What::Times => r
            .times
            .iter()
            .map(|t| {
                let range = dossier_store::dates::date_range(&t.value);
                serde_json::json!({
                    "doc": doc, "start": t.start, "end": t.end, "text": t.text, "type": t.ty, "value": t.value,
                    "date": range.as_ref().map(|x| &x.start), "until": range.as_ref().map(|x| &x.end),
                    "granularity": range.as_ref().map(|x| x.granularity),
                })
            })
            .collect(),
        What::Numbers => r
            .numbers
            .iter()
            .map(|n| {
                serde_json::json!({
                    "doc": doc, "start": n.start, "end": n.end, "text": n.text, "kind": n.kind, "value": n.value,
                    "unit": n.unit, "qualifier": n.qualifier,
                })
            })
            .collect(),
        What::Entities | What::Quotes => Vec::new(),
    })
}

/// The `export` command.
pub fn run(args: ExportArgs) -> Result<ExitCode> {
    let store = args.case.open_existing()?;
    let mut out = sink(&args)?;
    let mut n = 0usize;
    match args.what {
        What::Entities => {
            let rows: Vec<Value> = store.entity_records()?.into_iter().map(to_value).collect();
            n += rows.len();
            for chunk in rows.chunks(10_000) {
                out.rows(chunk)?;
            }
        }
        // In store order, a page of documents at a time (all of them sorted by date took 3.9 GB
        // of memory at 100k documents).
        What::Quotes => {
            let mut after = 0;
            loop {
                let (page, last) = store.quotes_after(after, 500)?;
                let Some(last) = last else { break };
                after = last;
                let rows: Vec<Value> = page
                    .into_iter()
                    .map(|q| {
                        serde_json::json!({
                            "doc": q.doc, "start": q.start, "end": q.end, "kind": q.kind, "text": q.text,
                            "speaker": q.speaker, "speaker_name": q.speaker_name, "speaker_text": q.speaker_text,
                            "cue": q.cue, "date": q.date,
                        })
                    })
                    .collect();
                n += rows.len();
                out.rows(&rows)?;
            }
        }
        what => {
            // Documents in store order, a page at a time: memory stays flat on big cases.
            let mut after = 0;
            let mut rows = Vec::new();
            loop {
                let page = store.scan(after, 500)?;
                let Some(last) = page.last() else { break };
                after = last.seq;
                for d in &page {
                    rows.extend(doc_rows(&store, what, d)?);
                }
                if rows.len() >= 10_000 {
                    n += rows.len();
                    out.rows(&rows)?;
                    rows.clear();
                }
            }
            n += rows.len();
            out.rows(&rows)?;
        }
    }
    out.finish()?;
    if args.out.is_some() {
        eprintln!("exported {n} rows");
    }
    Ok(ExitCode::SUCCESS)
}

#[cfg(all(test, feature = "parquet"))]
mod tests {
    use super::*;

    #[test]
    fn parquet_files_read_back_with_their_types() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("x.parquet");
        let cols = columns(What::Numbers);
        let mut sink: Box<dyn Sink> =
            Box::new(parquet_sink::Parquet::new(std::fs::File::create(&path).unwrap(), cols).unwrap());
        let rows = vec![
            serde_json::json!({"doc": "a", "start": 3, "end": 9, "text": "600 statements", "kind": "count",
                "value": 600.0, "unit": "statements", "qualifier": "more than"}),
            serde_json::json!({"doc": "b", "start": 0, "end": 2, "text": "14", "kind": "count", "value": 14.0,
                "unit": null, "qualifier": null}),
        ];
        sink.rows(&rows).unwrap();
        sink.finish().unwrap();
        let file = std::fs::File::open(&path).unwrap();
        let reader =
            parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder::try_new(file).unwrap().build().unwrap();
        let batches: Vec<_> = reader.map(|b| b.unwrap()).collect();
        assert_eq!(batches.iter().map(|b| b.num_rows()).sum::<usize>(), 2);
        let schema = batches[0].schema();
        assert_eq!(schema.field_with_name("value").unwrap().data_type(), &arrow_schema::DataType::Float64);
        assert_eq!(schema.field_with_name("start").unwrap().data_type(), &arrow_schema::DataType::Int64);
        assert_eq!(batches[0].column_by_name("unit").unwrap().null_count(), 1);
    }

    #[test]
    fn csv_joins_lists_and_leaves_nulls_empty() {
        let mut buf = Vec::new();
        {
            let mut sink = Csv { w: csv::Writer::from_writer(&mut buf), cols: columns(What::Entities) };
            sink.rows(&[serde_json::json!({"id": 1, "name": "Tomas Brekov", "type": "PERSON", "documents": 2,
                "mentions": 5, "aliases": ["the Ferryman", "Brekov"], "roles": []})])
                .unwrap();
            Box::new(sink).finish().unwrap();
        }
        assert_eq!(String::from_utf8(buf).unwrap(), "1,Tomas Brekov,PERSON,2,5,the Ferryman; Brekov,\n");
    }
}
