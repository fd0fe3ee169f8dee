//! Digests the analysis code and its word lists (everything under `src/`), and the document
//! model's code, which writes the records a case stores (`../model/src/`: character offsets,
//! the contract's fields), into `DOSSIER_NLP_RULES_DIGEST`, part of the pipeline's version: a
//! case analysed by an older build whose rules or records differ is then stale, and `dossier
//! reanalyse` runs it again. (The NER model is digested by the tagger itself.)

use std::path::{Path, PathBuf};

fn files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            files(&p, out);
        } else {
            out.push(p);
        }
    }
}

fn main() {
    let mut all = Vec::new();
    for dir in ["src", "../model/src"] {
        println!("cargo:rerun-if-changed={dir}");
        let mut these = Vec::new();
        files(Path::new(dir), &mut these);
        these.sort();
        all.extend(these);
    }
    // FNV-1a over each file's path and bytes, with line endings as LF so a checkout on Windows
    // gets the same digest
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let mut feed = |b: u8| {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    };
    for p in &all {
        // (the model's files keep their "../model/src/" prefix)
        let rel = p.strip_prefix("src").unwrap_or(p).to_string_lossy().replace('\\', "/");
        rel.bytes().for_each(&mut feed);
        feed(0);
        let bytes = std::fs::read(p).unwrap_or_default();
        bytes.iter().filter(|&&b| b != b'\r').for_each(|&b| feed(b));
        feed(0);
    }
    println!("cargo:rustc-env=DOSSIER_NLP_RULES_DIGEST={:012x}", h >> 16);
}
