//! `dossier bench`: the synthetic corpus generator and in-process benchmarks.

use anyhow::{Context, Result};
use clap::{Args, Subcommand};
use std::io::Write;
use std::process::ExitCode;
use std::time::Instant;

/// Benchmark subcommands.
#[derive(Subcommand, Debug)]
pub enum BenchCommand {
    /// Print a deterministic synthetic news feed (JSONL) on stdout.
    Gen(GenArgs),
    /// Tokenization plus sentence splitting speed on one core.
    Segment(SegmentArgs),
    /// Search latency over a case (p50/p95/p99 after warm-up), in-process and as whole
    /// `dossier search` runs.
    Search(SearchBenchArgs),
    /// Ingest speed with and without the cross-reference tables, alternated, each run a whole
    /// `dossier ingest` into a fresh temporary case.
    Ingest(IngestBenchArgs),
}

/// Arguments of `bench ingest`.
#[derive(Args, Debug)]
pub struct IngestBenchArgs {
    /// What to ingest: a JSONL feed, files or a folder (as `dossier ingest` takes them).
    pub path: String,
    /// Rounds; each runs one ingest with the case tables and one without.
    #[arg(long, default_value_t = 2)]
    pub rounds: usize,
    /// Worker threads per ingest (default: the number of cores).
    #[arg(long)]
    pub jobs: Option<usize>,
}

/// Arguments of `bench search`.
#[derive(Args, Debug)]
pub struct SearchBenchArgs {
    #[command(flatten)]
    pub case: crate::case::CaseArg,
    /// Queries per kind (one word, two words, phrase).
    #[arg(long, default_value_t = 1000)]
    pub queries: usize,
    /// Whole `dossier search --json` runs per kind (a new process each: opening the case,
    /// searching, printing); 0 skips them.
    #[arg(long, default_value_t = 50)]
    pub cli_runs: usize,
    /// Kinds of queries to time, of: word, words, name, phrase.
    #[arg(long, value_delimiter = ',', default_value = "word,words,name,phrase")]
    pub kinds: Vec<String>,
}

/// "p50 … p95 … p99 …" of latencies in milliseconds.
fn percentiles(ms: &mut [f64]) -> String {
    ms.sort_by(f64::total_cmp);
    let p = |q: f64| ms[((ms.len() as f64 * q) as usize).min(ms.len() - 1)];
    format!("p50 {:.2} ms  p95 {:.2} ms  p99 {:.2} ms", p(0.50), p(0.95), p(0.99))
}

/// Arguments of `bench gen`.
#[derive(Args, Debug)]
pub struct GenArgs {
    /// Number of documents.
    #[arg(long, default_value_t = 1000)]
    pub docs: u64,
    /// Approximate words per document.
    #[arg(long, default_value_t = 600)]
    pub words: usize,
    /// Seed; the same seed gives the same feed.
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
}

/// Arguments of `bench segment`.
#[derive(Args, Debug)]
pub struct SegmentArgs {
    /// Megabytes of text to segment per run (generated unless --file is given).
    #[arg(long, default_value_t = 50)]
    pub mb: usize,
    /// Segment this file's text (repeated up to --mb) instead of generated text.
    #[arg(long)]
    pub file: Option<String>,
    /// Timed runs after one warm-up; the median is reported.
    #[arg(long, default_value_t = 3)]
    pub runs: usize,
}

/// Runs a bench subcommand.
pub fn run(cmd: BenchCommand) -> Result<ExitCode> {
    match cmd {
        BenchCommand::Gen(a) => gen_feed(a),
        BenchCommand::Segment(a) => segment(a),
        BenchCommand::Search(a) => search(a),
        BenchCommand::Ingest(a) => ingest(a),
    }
}

/// What one child process used: wall seconds, CPU seconds (user + system), peak RSS in MiB.
struct Usage {
    wall: f64,
    cpu: f64,
    rss_mib: f64,
}

/// Runs `cmd` to its end, with its standard error in `log`; what it used comes from `wait4`, so
/// each run is measured alone.
fn run_measured(mut cmd: std::process::Command, log: &std::path::Path) -> Result<(Usage, i32)> {
    let started = Instant::now();
    let child = cmd
        .stdout(std::process::Stdio::null())
        .stderr(std::fs::File::create(log)?)
        .spawn()
        .context("starting a child dossier")?;
    let mut status = 0;
    // SAFETY: a zeroed rusage is valid; wait4 fills it for our own child, which std never
    // waits for (the `Child` is only dropped).
    let mut ru: libc::rusage = unsafe { std::mem::zeroed() };
    let pid = unsafe { libc::wait4(child.id() as libc::pid_t, &mut status, 0, &mut ru) };
    anyhow::ensure!(pid > 0, "waiting for a child dossier: {}", std::io::Error::last_os_error());
    let secs = |t: libc::timeval| t.tv_sec as f64 + t.tv_usec as f64 / 1e6;
    let usage = Usage {
        wall: started.elapsed().as_secs_f64(),
        cpu: secs(ru.ru_utime) + secs(ru.ru_stime),
        rss_mib: ru.ru_maxrss as f64 / 1024.0,
    };
    Ok((usage, if libc::WIFEXITED(status) { libc::WEXITSTATUS(status) } else { -1 }))
}

fn ingest(a: IngestBenchArgs) -> Result<ExitCode> {
    let exe = std::env::current_exe().context("finding the dossier binary")?;
    let base = std::env::temp_dir().join(format!("dossier-bench-ingest-{}", std::process::id()));
    let mut rates: [Vec<f64>; 2] = [Vec::new(), Vec::new()];
    let mut cpus: [Vec<f64>; 2] = [Vec::new(), Vec::new()];
    const MODES: [&str; 2] = ["with case tables", "without case tables"];
    for round in 1..=a.rounds {
        for (m, label) in MODES.iter().enumerate() {
            let case = base.join(format!("case-{round}-{m}"));
            let _ = std::fs::remove_dir_all(&case);
            std::fs::create_dir_all(&base)?;
            let mut cmd = std::process::Command::new(&exe);
            cmd.arg("ingest").arg("--case").arg(&case).arg(&a.path);
            if let Some(j) = a.jobs {
                cmd.arg("--jobs").arg(j.to_string());
            }
            if m == 1 {
                cmd.arg("--without-case-tables");
            }
            let log = base.join("ingest.log");
            let (u, code) = run_measured(cmd, &log)?;
            let said = std::fs::read_to_string(&log).unwrap_or_default();
            // "ingested into …: N new, …": the count of new documents
            let docs: Option<f64> = said
                .lines()
                .rev()
                .find_map(|l| l.strip_prefix("ingested into ")?.split(": ").nth(1)?.split(' ').next()?.parse().ok());
            let size = dir_bytes(&case) as f64 / 1048576.0;
            let _ = std::fs::remove_dir_all(&case);
            let Some(docs) = docs.filter(|_| code == 0) else {
                anyhow::bail!("the ingest {label} failed (exit {code}):\n{said}");
            };
            println!(
                "round {round} {label:20} {:7.0} documents/s  {:7.1} s wall  {:7.1} s CPU  {:.2} ms CPU/document  peak RSS {:.0} MiB  case {:.0} MiB",
                docs / u.wall,
                u.wall,
                u.cpu,
                u.cpu * 1000.0 / docs.max(1.0),
                u.rss_mib,
                size
            );
            rates[m].push(docs / u.wall);
            cpus[m].push(u.cpu);
        }
    }
    let _ = std::fs::remove_dir_all(&base);
    let mean = |v: &[f64]| v.iter().sum::<f64>() / v.len().max(1) as f64;
    // Each round's own ratio too: the machine's speed drifts between rounds.
    let by_round: Vec<String> =
        rates[0].iter().zip(&rates[1]).map(|(with, without)| format!("{:.0}%", 100.0 * with / without)).collect();
    println!(
        "with the case tables: {:.0}% of the documents/s without them ({:.0} against {:.0}; round by round {}); CPU {:.0}% more",
        100.0 * mean(&rates[0]) / mean(&rates[1]),
        mean(&rates[0]),
        mean(&rates[1]),
        by_round.join(", "),
        100.0 * (mean(&cpus[0]) / mean(&cpus[1]) - 1.0)
    );
    Ok(ExitCode::SUCCESS)
}

/// Bytes under a folder.
fn dir_bytes(dir: &std::path::Path) -> u64 {
    std::fs::read_dir(dir)
        .map(|rd| {
            rd.flatten()
                .map(|e| match e.file_type() {
                    Ok(t) if t.is_dir() => dir_bytes(&e.path()),
                    _ => e.metadata().map(|m| m.len()).unwrap_or(0),
                })
                .sum()
        })
        .unwrap_or(0)
}

/// Words the generator uses, so that generated queries hit generated cases.
fn query_words() -> Vec<&'static str> {
    let mut words: Vec<&str> = Vec::new();
    for list in [FIRST, LAST, PLACES] {
        words.extend_from_slice(list);
    }
    for clause in CLAUSES {
        words.extend(clause.split_whitespace().filter(|w| w.len() > 4 && w.chars().all(char::is_alphabetic)));
    }
    words
}

/// The kinds of benchmark queries, in the order [`make_query`] numbers them: (option value, label).
const QUERY_KINDS: [(&str, &str); 4] =
    [("word", "one word"), ("words", "two words"), ("name", "name"), ("phrase", "phrase")];

/// A query of one of the [`QUERY_KINDS`]: a word, two words, a person's name as a phrase
/// ("Hugo Marsh"), or the first three words of one of the generator's clauses as a phrase (the
/// generator repeats a few clauses, so these match a large share of all documents: a worst case).
fn make_query(kind: usize, g: &mut Generator, words: &[&str]) -> String {
    let word = |g: &mut Generator| words[(g.next() % words.len() as u64) as usize];
    match kind {
        0 => word(g).to_string(),
        1 => format!("{} {}", word(g), word(g)),
        2 => format!("\"{}\"", g.person()),
        _ => {
            let clause = g.pick(CLAUSES);
            format!("\"{}\"", clause.split_whitespace().take(3).collect::<Vec<_>>().join(" "))
        }
    }
}

fn search(a: SearchBenchArgs) -> Result<ExitCode> {
    use dossier_store::{SearchQuery, Store};
    for k in &a.kinds {
        anyhow::ensure!(
            QUERY_KINDS.iter().any(|(key, _)| key == k),
            "unknown query kind `{k}` (word, words, name, phrase)"
        );
    }
    let store = a.case.open_existing()?;
    let words = query_words();
    let mut g = Generator::new(11);
    println!(
        "search latency, in-process, {} queries per kind after 100 warm-up queries; case {}",
        a.queries,
        store.dir().display()
    );
    for (kind, (key, name)) in QUERY_KINDS.iter().enumerate() {
        if !a.kinds.iter().any(|k| k == key) {
            continue;
        }
        for _ in 0..100 {
            store.search(&SearchQuery::text(&make_query(kind, &mut g, &words)))?;
        }
        let mut ms = Vec::with_capacity(a.queries);
        let mut hits = 0usize;
        for _ in 0..a.queries.max(1) {
            let q = SearchQuery::text(&make_query(kind, &mut g, &words));
            let t = Instant::now();
            hits += store.search(&q)?.len();
            ms.push(t.elapsed().as_secs_f64() * 1000.0);
        }
        let hits = hits as f64 / ms.len() as f64;
        println!("{name:<10} {}  ({hits:.1} hits/query)", percentiles(&mut ms));
    }
    if a.cli_runs == 0 {
        return Ok(ExitCode::SUCCESS);
    }
    println!("search latency, whole `dossier search --json` runs, {} per kind after 5 warm-up runs", a.cli_runs);
    let exe = std::env::current_exe().context("finding the dossier binary")?;
    let dir = store.dir().to_path_buf();
    drop(store);
    for (kind, (key, name)) in QUERY_KINDS.iter().enumerate() {
        if !a.kinds.iter().any(|k| k == key) {
            continue;
        }
        let mut ms = Vec::with_capacity(a.cli_runs);
        for i in 0..a.cli_runs + 5 {
            let q = make_query(kind, &mut g, &words);
            let t = Instant::now();
            let out = std::process::Command::new(&exe)
                .arg("search")
                .arg("--case")
                .arg(&dir)
                .args(["--json", "--", &q])
                .stderr(std::process::Stdio::inherit())
                .output()
                .context("running dossier search")?;
            let elapsed = t.elapsed().as_secs_f64() * 1000.0;
            anyhow::ensure!(out.status.success(), "`dossier search {q}` failed");
            if i >= 5 {
                ms.push(elapsed);
            }
        }
        println!("{name:<10} {}", percentiles(&mut ms));
    }
    Ok(ExitCode::SUCCESS)
}

fn gen_feed(a: GenArgs) -> Result<ExitCode> {
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::with_capacity(1 << 16, stdout.lock());
    let mut g = Generator::new(a.seed);
    for i in 0..a.docs {
        let doc = g.document(a.words);
        let line = serde_json::json!({
            "id": format!("gen-{i:08}"),
            "title": doc.title,
            "published": doc.published,
            "text": doc.text,
        });
        serde_json::to_writer(&mut out, &line)?;
        out.write_all(b"\n")?;
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

fn segment(a: SegmentArgs) -> Result<ExitCode> {
    let target = a.mb << 20;
    let base = match &a.file {
        Some(f) => std::fs::read_to_string(f).with_context(|| format!("reading {f}"))?,
        None => {
            let mut g = Generator::new(7);
            let mut s = String::new();
            while s.len() < (4 << 20).min(target) {
                s.push_str(&g.document(600).text);
                s.push_str("\n\n");
            }
            s
        }
    };
    anyhow::ensure!(!base.is_empty(), "no text to segment");
    let mut text = String::with_capacity(target + base.len());
    while text.len() < target {
        text.push_str(&base);
    }
    let mut times = Vec::new();
    let mut counts = (0, 0);
    for run in 0..=a.runs {
        let t = Instant::now();
        let tokens = dossier_nlp::tokenize(&text);
        let sentences = dossier_nlp::split_sentences(&text, &tokens);
        let secs = t.elapsed().as_secs_f64();
        counts = (tokens.len(), sentences.len());
        if run > 0 {
            times.push(secs);
        }
    }
    times.sort_by(f64::total_cmp);
    let median = times[times.len() / 2];
    let mb = text.len() as f64 / (1 << 20) as f64;
    println!(
        "segment: {mb:.1} MiB, {} tokens, {} sentences; median of {} runs {median:.3} s = {:.1} MiB/s (one core)",
        counts.0,
        counts.1,
        a.runs,
        mb / median
    );
    Ok(ExitCode::SUCCESS)
}

/// A small deterministic generator of news-like English about fictional people and places.
pub struct Generator {
    state: u64,
}

/// One generated document.
pub struct GenDoc {
    /// Headline.
    pub title: String,
    /// YYYY-MM-DD.
    pub published: String,
    /// Body text, paragraphs separated by blank lines.
    pub text: String,
}

const FIRST: &[&str] = &[
    "Anna", "Boris", "Clara", "Dmitri", "Elena", "Farid", "Greta", "Hugo", "Ines", "Jonas", "Katya", "Lars", "Mira",
    "Nikolai", "Olga", "Pavel", "Rosa", "Stefan", "Tamsin", "Viktor",
];
const LAST: &[&str] = &[
    "Albrecht",
    "Brennan",
    "Castell",
    "Dorn",
    "Eklund",
    "Farrow",
    "Grell",
    "Halvard",
    "Ivers",
    "Joss",
    "Kettering",
    "Lund",
    "Marsh",
    "Novotny",
    "Orban-Vale",
    "Pryce",
    "Quill",
    "Rask",
    "Sorrel",
    "Tamm",
];
const PLACES: &[&str] = &[
    "Ardenport",
    "Tessavar",
    "Korvin",
    "Sennick",
    "Velmar",
    "Ostrava Bay",
    "Lindholm",
    "Karsland",
    "Veloria",
    "Brenmouth",
];
const ORGS: &[&str] = &[
    "the Ministry of Transport",
    "the National Crime Directorate",
    "Harbour Freight Ltd",
    "the Civic Alliance",
    "the Central Bank of Veloria",
    "the Ardenport Herald",
    "the Port Authority",
    "Northwind Energy",
];
const ROLES: &[&str] = &["minister", "spokeswoman", "chief executive", "prosecutor", "mayor", "lawyer", "inspector"];
const VERBS: &[&str] = &["said", "told reporters", "added", "warned", "argued", "wrote", "insisted"];
const CLAUSES: &[&str] = &[
    "the plan would be reviewed before the end of the year",
    "no decision had been taken on the contract",
    "the inquiry had collected more than 600 witness statements",
    "costs had risen by 12.5% since the previous budget",
    "talks with the unions would resume on Tuesday",
    "the company expected profits of about €2.4 million",
    "officials in 14 countries had been asked for help",
    "the vote was postponed until next month",
];
const MONTHS: &[&str] = &[
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

impl Generator {
    /// A generator; the same seed gives the same documents.
    pub fn new(seed: u64) -> Self {
        Generator { state: seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ 0xD1B5_4A32_D192_ED03 }
    }

    /// splitmix64: tiny, fast and good enough for text that only needs to look varied.
    fn next(&mut self) -> u64 {
        self.state = self.state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[(self.next() % items.len() as u64) as usize]
    }

    fn person(&mut self) -> String {
        format!("{} {}", self.pick(FIRST), self.pick(LAST))
    }

    fn sentence(&mut self) -> String {
        let clause = self.pick(CLAUSES);
        match self.next() % 5 {
            0 => {
                let who = self.person();
                let role = self.pick(ROLES);
                format!("{who}, the {role}, {} that {clause}.", self.pick(VERBS))
            }
            1 => {
                let who = self.person();
                let org = self.pick(ORGS);
                format!("“We have always said that {clause},” {who} of {org} said.")
            }
            2 => {
                let day = 1 + self.next() % 28;
                let month = self.pick(MONTHS);
                let place = self.pick(PLACES);
                format!("On {month} {day}, officials in {place} confirmed that {clause}.")
            }
            3 => {
                let org = self.pick(ORGS);
                format!("According to {org}, {clause}, although Mr. {} disputed the figures.", self.pick(LAST))
            }
            _ => {
                let place = self.pick(PLACES);
                let n = 2 + self.next() % 900;
                format!("In {place}, {n} people gathered outside the U.S. embassy at 6.14pm as {clause}.")
            }
        }
    }

    /// One document of about `words` words.
    pub fn document(&mut self, words: usize) -> GenDoc {
        let title = format!(
            "{} {} {}",
            self.pick(PLACES),
            self.pick(&["faces", "rejects", "plans", "reviews"]),
            self.pick(&["inquiry", "budget", "deal", "strike"])
        );
        let published =
            format!("20{:02}-{:02}-{:02}", 10 + self.next() % 15, 1 + self.next() % 12, 1 + self.next() % 28);
        let mut text = String::new();
        let mut count = 0;
        while count < words {
            let sentences = 2 + self.next() % 3;
            if !text.is_empty() {
                text.push_str("\n\n");
            }
            for i in 0..sentences {
                let s = self.sentence();
                count += s.split_whitespace().count();
                if i > 0 {
                    text.push(' ');
                }
                text.push_str(&s);
            }
        }
        GenDoc { title, published, text }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generator_is_deterministic_and_sized() {
        let a = Generator::new(3).document(600);
        let b = Generator::new(3).document(600);
        assert_eq!(a.text, b.text);
        let words = a.text.split_whitespace().count();
        assert!((600..700).contains(&words), "{words}");
        assert_ne!(Generator::new(4).document(600).text, a.text);
    }
}
