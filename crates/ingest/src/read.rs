//! Walking inputs in order: files, folders (recursively, in path order), feeds line by line,
//! standard input. Nothing here holds more than one document in memory.

use crate::{Options, Raw, failure};
use dossier_model::FileStamp;
use std::collections::{HashMap, VecDeque};
use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

/// One thing named on the command line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    /// A file or folder, as given.
    Path(String),
    /// Standard input: a feed if it starts with `{`, else one document.
    Stdin,
}

struct Feed {
    reader: Box<dyn BufRead + Send>,
    source: Option<String>,
    label: String,
    line: usize,
}

/// Counters a reader updates as it goes, readable from other threads (progress bars).
#[derive(Debug, Default)]
pub struct Progress {
    /// Bytes of input consumed so far.
    pub bytes: AtomicU64,
    /// Files skipped because their stamp was unchanged.
    pub skipped: AtomicU64,
}

/// Yields the units of all inputs, in input order.
pub struct Reader {
    queue: VecDeque<Input>,
    feed: Option<Feed>,
    opts: Options,
    unchanged: HashMap<String, FileStamp>,
    progress: Arc<Progress>,
}

impl Reader {
    /// A reader over the inputs.
    pub fn new(inputs: Vec<Input>, opts: Options) -> Self {
        Reader { queue: inputs.into(), feed: None, opts, unchanged: HashMap::new(), progress: Arc::default() }
    }

    /// Skips files whose path and stamp are in `stamps` (already ingested, unchanged).
    pub fn skip_unchanged(mut self, stamps: HashMap<String, FileStamp>) -> Self {
        self.unchanged = stamps;
        self
    }

    /// The counters this reader updates.
    pub fn progress(&self) -> Arc<Progress> {
        Arc::clone(&self.progress)
    }

    fn next_feed_line(&mut self) -> Option<Raw> {
        let max = self.opts.max_doc_bytes;
        loop {
            let feed = self.feed.as_mut()?;
            feed.line += 1;
            let fallback_id = format!("{}#{}", feed.label, feed.line);
            let line = read_line_bounded(&mut feed.reader, max);
            if let Ok(Line::Text(b)) = &line {
                self.progress.bytes.fetch_add(b.len() as u64 + 1, Ordering::Relaxed);
            }
            match line {
                Ok(Line::End) => {
                    self.feed = None;
                    return None;
                }
                Ok(Line::Text(bytes)) if bytes.iter().all(u8::is_ascii_whitespace) => continue,
                Ok(Line::Text(bytes)) => {
                    return Some(Raw::FeedLine { fallback_id, source: feed.source.clone(), bytes });
                }
                Ok(Line::TooLong(n)) => {
                    self.progress.bytes.fetch_add(n as u64 + 1, Ordering::Relaxed);
                    let msg = format!("feed line of {n} bytes or more, over --max-doc-bytes {max}");
                    return Some(Raw::Failed(failure(fallback_id, feed.source.clone(), "too_large", msg)));
                }
                Err(e) => {
                    let source = feed.source.clone();
                    self.feed = None;
                    return Some(Raw::Failed(failure(
                        fallback_id,
                        source,
                        "unreadable",
                        format!("reading the feed failed: {e}"),
                    )));
                }
            }
        }
    }

    fn open_path(&mut self, path: String) -> Option<Raw> {
        let p = Path::new(&path);
        let meta = match std::fs::metadata(p) {
            Ok(m) => m,
            Err(e) if e.kind() == io::ErrorKind::NotFound => {
                return Some(Raw::Failed(failure(&path, Some(path.clone()), "not_found", "no such file or folder")));
            }
            Err(e) => return Some(Raw::Failed(failure(&path, Some(path.clone()), "unreadable", e.to_string()))),
        };
        if meta.is_dir() {
            match list_folder(p) {
                Ok(files) => {
                    for f in files.into_iter().rev() {
                        self.queue.push_front(Input::Path(f));
                    }
                    return None;
                }
                Err(e) => return Some(Raw::Failed(failure(&path, Some(path.clone()), "unreadable", e.to_string()))),
            }
        }
        let stamp = file_stamp(&meta);
        if self.unchanged.get(&path) == Some(&stamp) {
            self.progress.bytes.fetch_add(meta.len(), Ordering::Relaxed);
            self.progress.skipped.fetch_add(1, Ordering::Relaxed);
            return None;
        }
        let file = match File::open(p) {
            Ok(f) => f,
            Err(e) => return Some(Raw::Failed(failure(&path, Some(path.clone()), "unreadable", e.to_string()))),
        };
        if path.to_ascii_lowercase().ends_with(".jsonl") {
            self.feed = Some(Feed {
                reader: Box::new(BufReader::with_capacity(1 << 16, file)),
                source: Some(path.clone()),
                label: path,
                line: 0,
            });
            return None;
        }
        self.progress.bytes.fetch_add(meta.len(), Ordering::Relaxed);
        if meta.len() > self.opts.max_doc_bytes as u64 {
            let msg = format!("{} bytes, over --max-doc-bytes {}", meta.len(), self.opts.max_doc_bytes);
            return Some(Raw::Failed(failure(&path, Some(path.clone()), "too_large", msg)));
        }
        Some(match read_bounded(file, self.opts.max_doc_bytes) {
            Ok(bytes) => Raw::File { id: path.clone(), source: Some(path), bytes, stamp: Some(stamp) },
            Err(e) => Raw::Failed(failure(&path, Some(path.clone()), "unreadable", e.to_string())),
        })
    }

    fn open_stdin(&mut self) -> Option<Raw> {
        let mut reader = BufReader::with_capacity(1 << 16, io::stdin());
        let first = loop {
            match reader.fill_buf() {
                Ok([]) => break None,
                Ok(buf) => match buf.iter().position(|b| !b.is_ascii_whitespace()) {
                    Some(i) => break Some(buf[i]),
                    None => {
                        let n = buf.len();
                        reader.consume(n);
                    }
                },
                Err(e) => return Some(Raw::Failed(failure("-", None, "unreadable", e.to_string()))),
            }
        };
        if first == Some(b'{') {
            self.feed = Some(Feed { reader: Box::new(reader), source: None, label: "-".into(), line: 0 });
            return None;
        }
        Some(match read_bounded(reader, self.opts.max_doc_bytes) {
            Ok(bytes) => Raw::File { id: "-".into(), source: None, bytes, stamp: None },
            Err(e) => Raw::Failed(failure("-", None, "unreadable", e.to_string())),
        })
    }
}

impl Iterator for Reader {
    type Item = Raw;

    fn next(&mut self) -> Option<Raw> {
        loop {
            if self.feed.is_some() {
                if let Some(raw) = self.next_feed_line() {
                    return Some(raw);
                }
                continue;
            }
            let raw = match self.queue.pop_front()? {
                Input::Path(p) if p == "-" => self.open_stdin(),
                Input::Path(p) => self.open_path(p),
                Input::Stdin => self.open_stdin(),
            };
            if raw.is_some() {
                return raw;
            }
        }
    }
}

fn file_stamp(meta: &std::fs::Metadata) -> FileStamp {
    let mtime_ns = meta
        .modified()
        .ok()
        .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
        .map_or(0, |d| d.as_nanos() as i64);
    FileStamp { size: meta.len(), mtime_ns }
}

/// Total bytes of the inputs that are files or folders (standard input counts nothing), for
/// progress bars; unreadable entries count nothing.
pub fn input_bytes(inputs: &[Input]) -> u64 {
    let mut total = 0;
    for input in inputs {
        let Input::Path(p) = input else { continue };
        let path = Path::new(p);
        match std::fs::metadata(path) {
            Ok(m) if m.is_dir() => {
                for f in list_folder(path).unwrap_or_default() {
                    total += std::fs::metadata(f).map_or(0, |m| m.len());
                }
            }
            Ok(m) => total += m.len(),
            Err(_) => {}
        }
    }
    total
}

/// Files below a folder, depth first in path order; hidden entries are skipped and
/// symbolic links to folders are not followed (no cycles).
fn list_folder(root: &Path) -> io::Result<Vec<String>> {
    let mut out = Vec::new();
    let mut stack = vec![root.to_path_buf()];
    while let Some(dir) = stack.pop() {
        let mut entries: Vec<_> = std::fs::read_dir(&dir)?.filter_map(Result::ok).collect();
        entries.sort_by_key(|e| e.file_name());
        let mut subdirs = Vec::new();
        for e in entries {
            if e.file_name().to_string_lossy().starts_with('.') {
                continue;
            }
            let ft = match e.file_type() {
                Ok(ft) => ft,
                Err(_) => continue,
            };
            let path = e.path();
            if ft.is_dir() {
                subdirs.push(path);
            } else if ft.is_file() || (ft.is_symlink() && path.is_file()) {
                out.push(path.to_string_lossy().into_owned());
            }
        }
        // Files of a folder come before its subfolders' files, matching `sort` of full paths
        // closely enough for a stable, documented order.
        stack.extend(subdirs.into_iter().rev());
    }
    Ok(out)
}

/// Reads at most `max + 1` bytes, so a caller can tell "too large" without holding more.
fn read_bounded(r: impl Read, max: usize) -> io::Result<Vec<u8>> {
    let mut buf = Vec::new();
    r.take(max as u64 + 1).read_to_end(&mut buf)?;
    Ok(buf)
}

enum Line {
    Text(Vec<u8>),
    /// The line was longer than the limit; it was skipped up to its newline.
    TooLong(usize),
    End,
}

/// Reads one line without ever buffering more than `max` bytes of it.
fn read_line_bounded(r: &mut dyn BufRead, max: usize) -> io::Result<Line> {
    let mut line = Vec::new();
    let mut seen = 0usize;
    let mut too_long = false;
    loop {
        let buf = match r.fill_buf() {
            Ok(b) => b,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if buf.is_empty() {
            if seen == 0 {
                return Ok(Line::End);
            }
            break;
        }
        let (chunk, found) = match memchr::memchr(b'\n', buf) {
            Some(i) => (i, true),
            None => (buf.len(), false),
        };
        seen += chunk;
        if !too_long {
            if seen > max {
                too_long = true;
                line = Vec::new();
            } else {
                line.extend_from_slice(&buf[..chunk]);
            }
        }
        r.consume(chunk + usize::from(found));
        if found {
            if seen == 0 {
                return Ok(Line::Text(Vec::new()));
            }
            break;
        }
    }
    if too_long {
        return Ok(Line::TooLong(seen));
    }
    if line.last() == Some(&b'\r') {
        line.pop();
    }
    Ok(Line::Text(line))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids(inputs: Vec<Input>, opts: Options) -> Vec<String> {
        Reader::new(inputs, opts)
            .map(|r| match r {
                Raw::File { id, .. } => id,
                Raw::FeedLine { fallback_id, .. } => fallback_id,
                Raw::Failed(e) => format!("{}!{}", e.id, e.error.kind),
            })
            .collect()
    }

    #[test]
    fn folders_in_path_order_feeds_by_line_missing_files_as_errors() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        std::fs::create_dir(d.join("sub")).unwrap();
        std::fs::write(d.join("b.txt"), "b").unwrap();
        std::fs::write(d.join("a.txt"), "a").unwrap();
        std::fs::write(d.join(".hidden"), "h").unwrap();
        std::fs::write(d.join("sub/c.txt"), "c").unwrap();
        std::fs::write(d.join("f.jsonl"), "{\"text\":\"1\"}\n\n{\"text\":\"2\"}\n").unwrap();
        let root = d.to_string_lossy().to_string();
        let got = ids(vec![Input::Path(root.clone()), Input::Path(format!("{root}/nope.txt"))], Options::default());
        assert_eq!(
            got,
            [
                format!("{root}/a.txt"),
                format!("{root}/b.txt"),
                format!("{root}/f.jsonl#1"),
                format!("{root}/f.jsonl#3"),
                format!("{root}/sub/c.txt"),
                format!("{root}/nope.txt!not_found"),
            ]
        );
    }

    #[test]
    fn overlong_feed_line_is_skipped_not_buffered() {
        let dir = tempfile::tempdir().unwrap();
        let f = dir.path().join("f.jsonl");
        let long = format!("{{\"text\":\"{}\"}}", "x".repeat(5000));
        std::fs::write(&f, format!("{long}\n{{\"text\":\"ok\"}}")).unwrap();
        let path = f.to_string_lossy().to_string();
        let got = ids(vec![Input::Path(path.clone())], Options { max_doc_bytes: 1000 });
        assert_eq!(got, [format!("{path}#1!too_large"), format!("{path}#2")]);
    }

    #[test]
    fn bounded_line_reader_handles_crlf_and_no_final_newline() {
        let mut r = io::Cursor::new(b"ab\r\ncd".to_vec());
        assert!(matches!(read_line_bounded(&mut r, 10).unwrap(), Line::Text(l) if l == b"ab"));
        assert!(matches!(read_line_bounded(&mut r, 10).unwrap(), Line::Text(l) if l == b"cd"));
        assert!(matches!(read_line_bounded(&mut r, 10).unwrap(), Line::End));
    }

    #[test]
    fn too_large_file_is_refused_before_reading() {
        let dir = tempfile::tempdir().unwrap();
        let f = dir.path().join("big.txt");
        std::fs::write(&f, vec![b'a'; 2000]).unwrap();
        let path = f.to_string_lossy().to_string();
        assert_eq!(
            ids(vec![Input::Path(path.clone())], Options { max_doc_bytes: 1000 }),
            [format!("{path}!too_large")]
        );
    }
}
