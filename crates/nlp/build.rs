//! Digests the analysis code and its word lists (everything under `src/`) into
//! `DOSSIER_NLP_RULES_DIGEST`, part of the pipeline's version: a case analysed by an older build
//! whose rules differ is then stale, and `dossier reanalyse` runs it again. (The NER model is
//! digested by the tagger itself.)

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
    let src = Path::new("src");
    println!("cargo:rerun-if-changed=src");
    let mut all = Vec::new();
    files(src, &mut all);
    all.sort();
    // FNV-1a over each file's path and bytes, with line endings as LF so a checkout on Windows
    // gets the same digest
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let mut feed = |b: u8| {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    };
    for p in &all {
        let rel = p.strip_prefix(src).unwrap_or(p).to_string_lossy().replace('\\', "/");
        rel.bytes().for_each(&mut feed);
        feed(0);
        let bytes = std::fs::read(p).unwrap_or_default();
        bytes.iter().filter(|&&b| b != b'\r').for_each(|&b| feed(b));
        feed(0);
    }
    println!("cargo:rustc-env=DOSSIER_NLP_RULES_DIGEST={:012x}", h >> 16);
}
