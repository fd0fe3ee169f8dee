//! Reading random files and feed lines: HTML made of random tags, attributes, entities, meta
//! dates and scripts; JSON lines with odd fields; raw bytes in any encoding. Whatever the input,
//! `parse` returns a document or a clear error and never panics, and a document's text is what
//! every later span points into.
//!
//! A longer search: `DOSSIER_RANDOM_SEED=7 DOSSIER_RANDOM_ROUNDS=200000 cargo test --release -p
//! dossier-ingest --test random_input`.

use dossier_ingest::{Options, Raw, parse};

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

const HTML: &[&str] = &[
    "<!DOCTYPE html>",
    "<html>",
    "</html>",
    "<head>",
    "</head>",
    "<body>",
    "</body>",
    "<article>",
    "</article>",
    "<main>",
    "<div class=\"story-body\">",
    "<div>",
    "</div>",
    "<p>",
    "</p>",
    "<br>",
    "<h1>",
    "</h1>",
    "<title>",
    "</title>",
    "<script>",
    "</script>",
    "<style>",
    "</style>",
    "<nav>",
    "</nav>",
    "<footer>",
    "<aside>",
    "<li>",
    "<table><tr><td>",
    "<!--",
    "-->",
    "<![CDATA[",
    "]]>",
    "<meta property=\"article:published_time\" content=\"2018-07-12T09:00:00Z\">",
    "<meta name=\"date\" content=\"12/07/2018\">",
    "<meta name=\"date\" content=\"\">",
    "<meta property=\"og:title\" content=\"Kell &amp; Co\">",
    "<meta name=\"author\" content=\"Anna Keller\">",
    "<meta charset=\"windows-1252\">",
    "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=shift_jis\">",
    "<meta charset=\"no-such-encoding\">",
    "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"datePublished\":\"2018-07-12\",\"headline\":\"A\"}</script>",
    "<script type=\"application/ld+json\">{\"@graph\":[{\"datePublished\":[1,2]}</script>",
    "<time datetime=\"2018-07-12\">",
    "<a href=\"https://kell.example/\">",
    "</a>",
    "&amp;",
    "&nbsp;",
    "&#8220;",
    "&#x201D;",
    "&#0;",
    "&#xFFFFFF;",
    "&bogus;",
    "<",
    ">",
    "\"",
    "'",
    "=",
    "/",
    "KELL, July 12 (Reuters) -",
    "The minister said on Tuesday that 600 statements were taken.",
    "\u{201c}We will not seek it,\u{201d} she said.",
    "By Anna Keller",
    "\u{e9}",
    "\u{1F600}",
    "\r\n",
    "\n",
    " ",
    "\t",
];

const FEED: &[&str] = &[
    "{",
    "}",
    "\"id\":",
    "\"text\":",
    "\"title\":",
    "\"published\":",
    "\"url\":",
    "\"byline\":",
    "\"a\"",
    "\"The minister said on Tuesday.\"",
    "\"2018-07-12\"",
    "\"12 July\"",
    "\"\"",
    "null",
    "7",
    "-1e999",
    "[1,2]",
    "{\"x\":1}",
    "true",
    ",",
    ":",
    "\"\\ud800\"",
    "\"\\u00e9\"",
    "\"<p>Hi</p>\"",
    " ",
];

fn random_bytes(rng: &mut Rng) -> Vec<u8> {
    let n = rng.below(200);
    (0..n)
        .map(|_| match rng.below(4) {
            // mostly text, some high bytes of legacy encodings, a few control bytes
            0 | 1 => b"abcde KELL said 12 .,\"'<>&;\n"[rng.below(28)],
            2 => 0x80 + rng.below(0x80) as u8,
            _ => rng.below(0x20) as u8,
        })
        .collect()
}

fn join(rng: &mut Rng, pieces: &[&str], max: usize) -> Vec<u8> {
    let n = rng.below(max);
    let mut out = String::new();
    for _ in 0..n {
        out.push_str(rng.pick(pieces));
    }
    out.into_bytes()
}

#[test]
fn reading_survives_random_input() {
    let seed = std::env::var("DOSSIER_RANDOM_SEED").ok().and_then(|v| v.parse().ok()).unwrap_or(0x9E37_79B9_7F4A_7C15);
    let rounds: u32 = std::env::var("DOSSIER_RANDOM_ROUNDS").ok().and_then(|v| v.parse().ok()).unwrap_or(20_000);
    let mut rng = Rng(seed);
    let opts = Options::default();
    let (mut docs, mut errors) = (0, 0);
    for round in 0..rounds {
        let (raw, shown) = match round % 4 {
            0 | 1 => {
                let bytes = join(&mut rng, HTML, 60);
                let id = if round % 4 == 0 { format!("r{round}.html") } else { format!("r{round}.txt") };
                (Raw::File { id, source: None, bytes: bytes.clone(), stamp: None }, bytes)
            }
            2 => {
                let bytes = join(&mut rng, FEED, 16);
                let raw = Raw::FeedLine { fallback_id: format!("feed#{round}"), source: None, bytes: bytes.clone() };
                (raw, bytes)
            }
            _ => {
                let bytes = random_bytes(&mut rng);
                (Raw::File { id: format!("r{round}"), source: None, bytes: bytes.clone(), stamp: None }, bytes)
            }
        };
        let read = std::panic::catch_unwind(|| parse(raw, &opts));
        let Ok(read) = read else {
            panic!("reading panicked on {:?}", String::from_utf8_lossy(&shown));
        };
        match read {
            Ok(doc) => {
                docs += 1;
                // the text is what spans point into: no NUL from an entity, dates as the contract says
                assert!(!doc.text.contains('\0'), "a NUL in the text of {:?}", String::from_utf8_lossy(&shown));
                if let Some(p) = &doc.published {
                    assert!(
                        p.len() == 10 && p.as_bytes()[4] == b'-' && p.as_bytes()[7] == b'-',
                        "published {p:?} from {:?}",
                        String::from_utf8_lossy(&shown)
                    );
                }
            }
            Err(e) => {
                errors += 1;
                assert!(!e.error.kind.is_empty() && !e.error.message.is_empty(), "an error without a kind or message");
            }
        }
    }
    eprintln!("{docs} documents, {errors} errors");
}
