//! Cross-reference commands: `entities`, `entity`, `quotes`, `timeline`, `graph`, and the
//! curation commands `merge`, `split`, `alias`, `rename`, `reject`, `log`, `undo`.

use crate::case::{CaseArg, print_json, print_list};
use anyhow::{Context, Result, bail};
use clap::{Args, ValueEnum};
use dossier_store::{CaseStore, Curation, Decision, EntitySummary, Graph, Store, dates};
use std::io::Write;
use std::process::ExitCode;

/// An entity named on the command line: `#12`, `12`, or any of its names. Views take the best
/// match; curation refuses an ambiguous name.
fn pick(store: &CaseStore, name: &str, strict: bool) -> Result<EntitySummary> {
    let found = store.find_entity(name)?;
    let Some(first) = found.first() else { bail!("no entity matches {name:?} (see `dossier entities`)") };
    if found.len() > 1 {
        let others: Vec<String> = found[1..].iter().take(5).map(|e| format!("#{} {}", e.id, e.name)).collect();
        let exact = first.name.eq_ignore_ascii_case(name.trim()) && !found[1].name.eq_ignore_ascii_case(name.trim());
        if strict && !exact {
            bail!(
                "{name:?} matches several entities: #{} {}, {}; name one by its #id",
                first.id,
                first.name,
                others.join(", ")
            );
        }
        if !exact {
            eprintln!("dossier: {name:?} also matches {}", others.join(", "));
        }
    }
    Ok(first.clone())
}

/// Arguments of `dossier entities`.
#[derive(Args, Debug)]
pub struct EntitiesArgs {
    #[command(flatten)]
    pub case: CaseArg,
    /// Only this type: PERSON, ORG, LOC, MISC.
    #[arg(long = "type")]
    pub ty: Option<String>,
    /// Number of entities.
    #[arg(long, short = 'n', default_value_t = 50)]
    pub limit: usize,
    /// Print one JSON value instead of a table.
    #[arg(long)]
    pub json: bool,
}

/// The `entities` command.
pub fn entities(args: EntitiesArgs) -> Result<ExitCode> {
    let store = args.case.open_existing()?;
    let list = store.entities(args.ty.as_deref(), args.limit)?;
    if args.json {
        print_json(&list)?;
        return Ok(ExitCode::SUCCESS);
    }
    let mut out = std::io::stdout().lock();
    writeln!(out, "{:>6}  {:<6}  {:>5}  {:>8}  name", "id", "type", "docs", "mentions")?;
    for e in &list {
        writeln!(out, "{:>6}  {:<6}  {:>5}  {:>8}  {}", format!("#{}", e.id), e.ty, e.documents, e.mentions, e.name)?;
    }
    Ok(ExitCode::SUCCESS)
}

/// Arguments of `dossier entity`.
#[derive(Args, Debug)]
pub struct EntityArgs {
    #[command(flatten)]
    pub case: CaseArg,
    /// `#id` or a name.
    pub name: String,
    /// Items per list.
    #[arg(long, short = 'n', default_value_t = 20)]
    pub limit: usize,
    /// Print one JSON value instead of text.
    #[arg(long)]
    pub json: bool,
}

/// The `entity` command.
pub fn entity(args: EntityArgs) -> Result<ExitCode> {
    let store = args.case.open_existing()?;
    let e = pick(&store, &args.name, false)?;
    let view = store.entity(e.id, args.limit)?.context("entity vanished")?;
    if args.json {
        print_json(&view)?;
        return Ok(ExitCode::SUCCESS);
    }
    let mut out = std::io::stdout().lock();
    let v = &view;
    writeln!(
        out,
        "#{} {} ({}), {} documents, {} mentions",
        v.entity.id, v.entity.name, v.entity.ty, v.entity.documents, v.entity.mentions
    )?;
    let list = |xs: &[(String, u64)]| xs.iter().map(|(n, c)| format!("{n} ({c})")).collect::<Vec<_>>().join(", ");
    writeln!(out, "aliases: {}", list(&v.aliases))?;
    writeln!(out, "roles:   {}", list(&v.roles))?;
    writeln!(out, "\ndocuments")?;
    for d in &v.documents {
        writeln!(
            out,
            "  {}  {}  {} ({} mentions as {:?})",
            d.published.as_deref().unwrap_or("----------"),
            d.id,
            d.title.as_deref().unwrap_or(""),
            d.mentions,
            d.name
        )?;
    }
    let more = (v.entity.documents as usize).saturating_sub(v.documents.len());
    if more > 0 {
        writeln!(out, "  … and {more} more (`-n` lists more)")?;
    }
    writeln!(out, "\nquotes by {}", v.entity.name)?;
    for q in &v.quotes_by {
        writeln!(out, "  {}  [{}] {:?} ({})", q.date.as_deref().unwrap_or("----------"), q.kind, q.text, q.doc)?;
    }
    writeln!(out, "\nquotes about {}", v.entity.name)?;
    for q in &v.quotes_about {
        let who = q.speaker_name.as_deref().or(q.speaker_text.as_deref()).unwrap_or("?");
        writeln!(out, "  {}  {who}: {:?} ({})", q.date.as_deref().unwrap_or("----------"), q.text, q.doc)?;
    }
    writeln!(out, "\nco-mentioned (documents, sentences)")?;
    for (e, d, s) in &v.co_mentioned {
        writeln!(out, "  #{} {} ({}): {d}, {s}", e.id, e.name, e.ty)?;
    }
    writeln!(out, "\ntimeline")?;
    for t in &v.timeline {
        writeln!(out, "  {:<10} {:<7} {:<9} {}  ({})", t.date, t.granularity, t.kind, t.text, t.doc)?;
    }
    Ok(ExitCode::SUCCESS)
}

/// Arguments of `dossier quotes`.
#[derive(Args, Debug)]
pub struct QuotesArgs {
    #[command(flatten)]
    pub case: CaseArg,
    /// Only quotes by this speaker (`#id` or a name).
    #[arg(long)]
    pub speaker: Option<String>,
    /// Only quotes containing these words (as a phrase, case-insensitive).
    pub query: Vec<String>,
    /// Number of quotes.
    #[arg(long, short = 'n', default_value_t = 50)]
    pub limit: usize,
    /// Print one JSON value instead of a table.
    #[arg(long)]
    pub json: bool,
}

/// The `quotes` command.
pub fn quotes(args: QuotesArgs) -> Result<ExitCode> {
    let store = args.case.open_existing()?;
    let speaker = args.speaker.as_deref().map(|s| pick(&store, s, false)).transpose()?;
    let text = args.query.join(" ");
    let list = store.quotes(speaker.map(|s| s.id), (!text.is_empty()).then_some(text.as_str()), args.limit)?;
    print_list(&list, args.json, "no quotes", |out, q| {
        let who = match (&q.speaker_name, &q.speaker_text) {
            (Some(n), _) => n.clone(),
            (None, Some(t)) => format!("({t})"),
            (None, None) => "(unattributed)".into(),
        };
        writeln!(
            out,
            "{}  {who} {} [{}]: {:?}  ({})",
            q.date.as_deref().unwrap_or("----------"),
            q.cue.as_deref().unwrap_or("-"),
            q.kind,
            q.text,
            q.doc
        )
    })
}

/// Arguments of `dossier timeline`.
#[derive(Args, Debug)]
pub struct TimelineArgs {
    #[command(flatten)]
    pub case: CaseArg,
    /// Only statements involving this entity (`#id` or a name).
    #[arg(long)]
    pub entity: Option<String>,
    /// From this date (YYYY, YYYY-MM or YYYY-MM-DD).
    #[arg(long)]
    pub from: Option<String>,
    /// Up to this date (YYYY, YYYY-MM or YYYY-MM-DD).
    #[arg(long)]
    pub to: Option<String>,
    /// Number of entries.
    #[arg(long, short = 'n', default_value_t = 200)]
    pub limit: usize,
    /// Print one JSON value instead of a table.
    #[arg(long)]
    pub json: bool,
}

fn bound(v: &Option<String>, end: bool) -> Result<Option<String>> {
    v.as_deref()
        .map(|d| dates::bound(d, end).with_context(|| format!("{d:?} is not a date (YYYY, YYYY-MM or YYYY-MM-DD)")))
        .transpose()
}

/// The `timeline` command.
pub fn timeline(args: TimelineArgs) -> Result<ExitCode> {
    let store = args.case.open_existing()?;
    let entity = args.entity.as_deref().map(|s| pick(&store, s, false)).transpose()?;
    let (from, to) = (bound(&args.from, false)?, bound(&args.to, true)?);
    let list = store.timeline(entity.map(|e| e.id), from.as_deref(), to.as_deref(), args.limit)?;
    print_list(&list, args.json, "no dated statements", |out, t| {
        let who: Vec<&str> = t.entities.iter().map(|e| e.1.as_str()).collect();
        writeln!(
            out,
            "{:<10}  {:<7}  {:<9}  {}  [{}]  ({})",
            t.date,
            t.granularity,
            t.kind,
            t.text,
            who.join(", "),
            t.doc
        )
    })
}

/// Graph file formats.
#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum GraphFormat {
    /// Gephi's GEXF 1.3.
    Gexf,
    /// GraphML (Cytoscape, yEd, networkx).
    Graphml,
    /// One edge per line: source, target, names, weight, sentences, quotes.
    Csv,
    /// `{"nodes": [...], "edges": [...]}`.
    Json,
}

/// Arguments of `dossier graph`.
#[derive(Args, Debug)]
pub struct GraphArgs {
    #[command(flatten)]
    pub case: CaseArg,
    /// Output format.
    #[arg(long, value_enum, default_value_t = GraphFormat::Json)]
    pub format: GraphFormat,
    /// Keep edges of entities co-mentioned in at least this many documents.
    #[arg(long, default_value_t = 1)]
    pub min_weight: u64,
    /// Only the neighbourhood of this entity (`#id` or a name).
    #[arg(long)]
    pub entity: Option<String>,
    /// Steps from --entity.
    #[arg(long, default_value_t = 1)]
    pub depth: usize,
    /// Write to this file instead of standard output.
    #[arg(long, short = 'o')]
    pub out: Option<std::path::PathBuf>,
}

fn xml(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

/// Writes a graph in one of the formats.
pub fn write_graph(g: &Graph, format: GraphFormat, out: &mut dyn Write) -> Result<()> {
    match format {
        GraphFormat::Json => {
            serde_json::to_writer_pretty(&mut *out, g)?;
            writeln!(out)?;
        }
        GraphFormat::Csv => {
            let names: std::collections::HashMap<i64, &str> =
                g.nodes.iter().map(|n| (n.entity.id, n.entity.name.as_str())).collect();
            let mut w = csv::Writer::from_writer(out);
            w.write_record(["source", "target", "source_name", "target_name", "weight", "sentences", "quotes"])?;
            for e in &g.edges {
                w.write_record([
                    e.source.to_string(),
                    e.target.to_string(),
                    names.get(&e.source).unwrap_or(&"").to_string(),
                    names.get(&e.target).unwrap_or(&"").to_string(),
                    e.weight.to_string(),
                    e.sentences.to_string(),
                    e.quotes.to_string(),
                ])?;
            }
            w.flush()?;
        }
        GraphFormat::Gexf => {
            writeln!(out, r#"<?xml version="1.0" encoding="UTF-8"?>"#)?;
            writeln!(out, r#"<gexf xmlns="http://gexf.net/1.3" version="1.3">"#)?;
            writeln!(out, r#"  <meta><creator>dossier</creator><description>co-mention network</description></meta>"#)?;
            writeln!(out, r#"  <graph defaultedgetype="undirected">"#)?;
            writeln!(
                out,
                r#"    <attributes class="node"><attribute id="type" title="type" type="string"/><attribute id="documents" title="documents" type="integer"/><attribute id="mentions" title="mentions" type="integer"/></attributes>"#
            )?;
            writeln!(
                out,
                r#"    <attributes class="edge"><attribute id="sentences" title="sentences" type="integer"/><attribute id="quotes" title="quotes" type="integer"/></attributes>"#
            )?;
            writeln!(out, "    <nodes>")?;
            for n in &g.nodes {
                let e = &n.entity;
                writeln!(
                    out,
                    r#"      <node id="{}" label="{}"><attvalues><attvalue for="type" value="{}"/><attvalue for="documents" value="{}"/><attvalue for="mentions" value="{}"/></attvalues></node>"#,
                    e.id,
                    xml(&e.name),
                    e.ty,
                    e.documents,
                    e.mentions
                )?;
            }
            writeln!(out, "    </nodes>\n    <edges>")?;
            for (i, e) in g.edges.iter().enumerate() {
                writeln!(
                    out,
                    r#"      <edge id="{i}" source="{}" target="{}" weight="{}"><attvalues><attvalue for="sentences" value="{}"/><attvalue for="quotes" value="{}"/></attvalues></edge>"#,
                    e.source, e.target, e.weight, e.sentences, e.quotes
                )?;
            }
            writeln!(out, "    </edges>\n  </graph>\n</gexf>")?;
        }
        GraphFormat::Graphml => {
            writeln!(out, r#"<?xml version="1.0" encoding="UTF-8"?>"#)?;
            writeln!(out, r#"<graphml xmlns="http://graphml.graphdrawing.org/xmlns">"#)?;
            for (id, of, ty) in [
                ("name", "node", "string"),
                ("type", "node", "string"),
                ("documents", "node", "int"),
                ("mentions", "node", "int"),
                ("weight", "edge", "int"),
                ("sentences", "edge", "int"),
                ("quotes", "edge", "int"),
            ] {
                writeln!(out, r#"  <key id="{id}" for="{of}" attr.name="{id}" attr.type="{ty}"/>"#)?;
            }
            writeln!(out, r#"  <graph id="dossier" edgedefault="undirected">"#)?;
            for n in &g.nodes {
                let e = &n.entity;
                writeln!(
                    out,
                    r#"    <node id="n{}"><data key="name">{}</data><data key="type">{}</data><data key="documents">{}</data><data key="mentions">{}</data></node>"#,
                    e.id,
                    xml(&e.name),
                    e.ty,
                    e.documents,
                    e.mentions
                )?;
            }
            for e in &g.edges {
                writeln!(
                    out,
                    r#"    <edge source="n{}" target="n{}"><data key="weight">{}</data><data key="sentences">{}</data><data key="quotes">{}</data></edge>"#,
                    e.source, e.target, e.weight, e.sentences, e.quotes
                )?;
            }
            writeln!(out, "  </graph>\n</graphml>")?;
        }
    }
    Ok(())
}

/// Standard output, or a file.
pub fn output(path: &Option<std::path::PathBuf>) -> Result<Box<dyn Write>> {
    Ok(match path {
        Some(p) => Box::new(std::io::BufWriter::new(
            std::fs::File::create(p).with_context(|| format!("creating {}", p.display()))?,
        )),
        None => Box::new(std::io::BufWriter::new(std::io::stdout().lock())),
    })
}

/// The `graph` command.
pub fn graph(args: GraphArgs) -> Result<ExitCode> {
    let store = args.case.open_existing()?;
    let focus = args.entity.as_deref().map(|s| pick(&store, s, false)).transpose()?.map(|e| (e.id, args.depth));
    let g = store.graph(args.min_weight, focus)?;
    let mut out = output(&args.out)?;
    write_graph(&g, args.format, &mut out)?;
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

/// Arguments of `dossier merge`.
#[derive(Args, Debug)]
pub struct MergeArgs {
    #[command(flatten)]
    pub case: CaseArg,
    /// The entity that stays (`#id` or an unambiguous name).
    pub into: String,
    /// Entities merged into it.
    #[arg(required = true)]
    pub others: Vec<String>,
}

/// Arguments of `dossier split`.
#[derive(Args, Debug)]
pub struct SplitArgs {
    #[command(flatten)]
    pub case: CaseArg,
    /// The entity to split.
    pub entity: String,
    /// Move this document's mentions (id or hash) to the new entity; repeatable.
    #[arg(long = "doc")]
    pub docs: Vec<String>,
    /// Move mentions written this way to the new entity; repeatable.
    #[arg(long = "name")]
    pub names: Vec<String>,
}

/// Arguments of `dossier alias` and `dossier rename`.
#[derive(Args, Debug)]
pub struct NameArgs {
    #[command(flatten)]
    pub case: CaseArg,
    /// The entity.
    pub entity: String,
    /// The name.
    pub name: String,
}

/// Arguments of `dossier reject`.
#[derive(Args, Debug)]
pub struct RejectArgs {
    #[command(flatten)]
    pub case: CaseArg,
    /// The entity that is not a real one.
    pub entity: String,
}

/// Arguments of `dossier undo`.
#[derive(Args, Debug)]
pub struct UndoArgs {
    #[command(flatten)]
    pub case: CaseArg,
    /// The decision's number in `dossier log` (default: the last one not undone).
    pub id: Option<i64>,
}

fn report(d: &Decision) -> Result<ExitCode> {
    println!("{} {}: {}", if d.undone { "undone" } else { "decision" }, d.id, d.summary);
    Ok(ExitCode::SUCCESS)
}

/// `merge`, `split`, `alias`, `rename` and `reject`.
pub fn curate(case: &CaseArg, make: impl FnOnce(&CaseStore) -> Result<Curation>) -> Result<ExitCode> {
    let mut store = case.open_existing()?;
    let c = make(&store)?;
    let d = store.curate(&c)?;
    report(&d)
}

/// The `merge` command.
pub fn merge(a: MergeArgs) -> Result<ExitCode> {
    curate(&a.case, |s| {
        let into = pick(s, &a.into, true)?.id;
        let from = a.others.iter().map(|o| pick(s, o, true).map(|e| e.id)).collect::<Result<_>>()?;
        Ok(Curation::Merge { into, from })
    })
}

/// The `split` command.
pub fn split(a: SplitArgs) -> Result<ExitCode> {
    curate(&a.case, |s| {
        Ok(Curation::Split { entity: pick(s, &a.entity, true)?.id, docs: a.docs.clone(), names: a.names.clone() })
    })
}

/// The `alias` command.
pub fn alias(a: NameArgs) -> Result<ExitCode> {
    curate(&a.case, |s| Ok(Curation::Alias { entity: pick(s, &a.entity, true)?.id, name: a.name.clone() }))
}

/// The `rename` command.
pub fn rename(a: NameArgs) -> Result<ExitCode> {
    curate(&a.case, |s| Ok(Curation::Rename { entity: pick(s, &a.entity, true)?.id, name: a.name.clone() }))
}

/// The `reject` command.
pub fn reject(a: RejectArgs) -> Result<ExitCode> {
    curate(&a.case, |s| Ok(Curation::Reject { entity: pick(s, &a.entity, true)?.id }))
}

/// The `log` command.
pub fn log(args: crate::case::QueryArgs) -> Result<ExitCode> {
    let store = args.case.open_existing()?;
    let log = store.log()?;
    print_list(&log, args.json, "no curation decisions", |out, d| {
        writeln!(
            out,
            "{:>4}  {}  {:<6}  {}{}",
            d.id,
            d.at,
            d.action,
            d.summary,
            if d.undone { "  (undone)" } else { "" }
        )
    })
}

/// The `undo` command.
pub fn undo(args: UndoArgs) -> Result<ExitCode> {
    let mut store = args.case.open_existing()?;
    let d = store.undo(args.id)?;
    report(&d)
}
