//! Coreference of the entity linker on GUM: writes the gold and the system clusterings in the
//! JSON that `scorch` reads (MUC, B³, CEAF-e).
//!
//! ```text
//! cargo build --release -p dossier-nlp --examples
//! target/release/examples/quotes_coref --data ../shared/data/gum --split dev --out /tmp/gum-coref
//! python3 -m venv /tmp/scorch && /tmp/scorch/bin/pip install scorch
//! /tmp/scorch/bin/scorch /tmp/gum-coref/key.json /tmp/gum-coref/sys.json
//! ```
//!
//! Gold: GUM's `Entity=` annotation in the CoNLL-U files, restricted to chains of type person,
//! organization and place (what a name linker can find; `--all-types` keeps every chain), all
//! their mentions (names, descriptions, pronouns), singletons included. System: every mention
//! the pipeline links to a PERSON, ORG or LOC entity, clustered by entity. A system mention
//! stands for the smallest gold mention that contains it and overlaps that mention's minimal
//! span (its head); the others count as spurious (scorch adds them to the key as singletons).
//! Documents are rebuilt from the tokens (`SpaceAfter=No`, paragraphs as blank lines).

use dossier_model::{Doc, EntityType};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// A gold mention: chain id, type, first and last token, head tokens.
struct Gold {
    chain: String,
    ty: String,
    first: usize,
    last: usize,
    heads: Vec<usize>,
}

/// One document: text, token character spans (bytes), gold mentions.
struct GumDoc {
    id: String,
    text: String,
    toks: Vec<(usize, usize)>,
    gold: Vec<Gold>,
}

/// `(kind, id, fields)` for each opening (`(id-type-…`) or closing (`id)`) of an Entity field.
fn entity_events(field: &str) -> Vec<(char, String, Vec<String>)> {
    let b = field.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'(' {
            let mut j = i + 1;
            while j < b.len() && b[j] != b'(' && b[j] != b')' {
                j += 1;
            }
            let body = &field[i + 1..j];
            let parts: Vec<String> = body.split('-').map(str::to_string).collect();
            let closed = j < b.len() && b[j] == b')';
            out.push((if closed { 'b' } else { 'o' }, parts[0].clone(), parts));
            i = if closed { j + 1 } else { j };
        } else {
            let mut j = i;
            while j < b.len() && b[j].is_ascii_digit() {
                j += 1;
            }
            if j == i || j >= b.len() || b[j] != b')' {
                break;
            }
            out.push(('c', field[i..j].to_string(), Vec::new()));
            i = j + 1;
        }
    }
    out
}

fn read_doc(path: &Path) -> GumDoc {
    let src = std::fs::read_to_string(path).expect("readable CoNLL-U");
    let mut text = String::new();
    let mut toks = Vec::new();
    let mut gold = Vec::new();
    let mut open: BTreeMap<String, Vec<Gold>> = BTreeMap::new();
    for line in src.lines() {
        if line.starts_with("# newpar") && !line.starts_with("# newpar_") {
            if !toks.is_empty() {
                while text.ends_with(' ') {
                    text.pop();
                }
                text.push_str("\n\n");
            }
            continue;
        }
        if line.starts_with('#') || line.trim().is_empty() {
            if line.trim().is_empty() && !toks.is_empty() && !text.ends_with([' ', '\n']) {
                text.push(' ');
            }
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() < 10 || cols[0].contains(['-', '.']) {
            continue;
        }
        let ti = toks.len();
        toks.push((text.len(), text.len() + cols[1].len()));
        text.push_str(cols[1]);
        if !cols[9].contains("SpaceAfter=No") {
            text.push(' ');
        }
        let Some(field) = cols[9].split('|').find_map(|x| x.strip_prefix("Entity=")) else { continue };
        for (kind, id, parts) in entity_events(field) {
            if kind == 'c' {
                if let Some(mut g) = open.get_mut(&id).and_then(Vec::pop) {
                    g.last = ti;
                    g.heads = g.heads.iter().map(|h| g.first + h).filter(|&h| h <= ti).collect();
                    gold.push(g);
                }
                continue;
            }
            let ty = parts.get(1).cloned().unwrap_or_default();
            // minimal span: 1-based positions within the mention
            let heads: Vec<usize> = parts
                .get(5)
                .map(|m| m.split(',').filter_map(|x| x.parse::<usize>().ok()).map(|x| x.saturating_sub(1)).collect())
                .unwrap_or_default();
            let g = Gold { chain: id.clone(), ty, first: ti, last: ti, heads };
            if kind == 'b' {
                let heads = g.heads.iter().map(|h| ti + h).filter(|&h| h <= ti).collect();
                gold.push(Gold { heads, ..g });
            } else {
                open.entry(id).or_default().push(g);
            }
        }
    }
    let id = path.file_stem().map(|s| s.to_string_lossy().to_string()).unwrap_or_default();
    GumDoc { id, text, toks, gold }
}

fn main() {
    let mut data = PathBuf::from("../shared/data/gum");
    let mut split = "dev".to_string();
    let mut out = PathBuf::from("/tmp/gum-coref");
    let mut all_types = false;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--data" => data = args.next().map(PathBuf::from).expect("--data DIR"),
            "--split" => split = args.next().expect("--split NAME"),
            "--out" => out = args.next().map(PathBuf::from).expect("--out DIR"),
            "--all-types" => all_types = true,
            _ => panic!("unknown argument {a}"),
        }
    }
    let mut files = Vec::new();
    for part in std::fs::read_dir(&data).expect("the GUM folder") {
        let dir = part.expect("entry").path().join(&split).join("conllu");
        if let Ok(rd) = std::fs::read_dir(&dir) {
            files.extend(
                rd.filter_map(|e| e.ok()).map(|e| e.path()).filter(|p| p.extension().is_some_and(|x| x == "conllu")),
            );
        }
    }
    files.sort();
    let pipeline = dossier_nlp::default_pipeline();
    let keep = |t: &str| all_types || matches!(t, "person" | "organization" | "place");
    let mut key: BTreeMap<String, Vec<String>> = BTreeMap::new();
    let mut sys: BTreeMap<String, Vec<String>> = BTreeMap::new();
    let (mut n_gold, mut n_sys, mut n_aligned) = (0, 0, 0);
    for f in &files {
        let gd = read_doc(f);
        let gold: Vec<&Gold> = gd.gold.iter().filter(|g| keep(&g.ty)).collect();
        for (gi, g) in gold.iter().enumerate() {
            key.entry(format!("{}/{}", gd.id, g.chain)).or_default().push(format!("{}:g{gi}", gd.id));
        }
        n_gold += gold.len();
        let mut doc = Doc::new(gd.id.clone(), gd.text.clone());
        pipeline.run(&mut doc);
        let mut used = vec![false; gold.len()];
        for (mi, m) in doc.mentions.iter().enumerate() {
            let Some(e) = m.entity else { continue };
            if !matches!(doc.entities[e].ty, EntityType::Person | EntityType::Org | EntityType::Loc) {
                continue;
            }
            n_sys += 1;
            let mut best: Option<usize> = None;
            for (gi, g) in gold.iter().enumerate() {
                let (cs, ce) = (gd.toks[g.first].0, gd.toks[g.last].1);
                if used[gi] || m.span.start < cs || m.span.end > ce {
                    continue;
                }
                let heads: Vec<usize> = if g.heads.is_empty() { vec![g.last] } else { g.heads.clone() };
                if !heads.iter().any(|&h| gd.toks[h].0 < m.span.end && m.span.start < gd.toks[h].1) {
                    continue;
                }
                let len = ce - cs;
                if best.is_none_or(|b| len < gd.toks[gold[b].last].1 - gd.toks[gold[b].first].0) {
                    best = Some(gi);
                }
            }
            let id = match best {
                Some(gi) => {
                    used[gi] = true;
                    n_aligned += 1;
                    format!("{}:g{gi}", gd.id)
                }
                None => format!("{}:s{mi}", gd.id),
            };
            sys.entry(format!("{}/E{e}", gd.id)).or_default().push(id);
        }
    }
    std::fs::create_dir_all(&out).expect("the output folder");
    let write = |name: &str, clusters: &BTreeMap<String, Vec<String>>| {
        let obj = serde_json::json!({ "type": "clusters", "clusters": clusters });
        std::fs::write(out.join(name), serde_json::to_string(&obj).expect("JSON")).expect("writable");
    };
    write("key.json", &key);
    write("sys.json", &sys);
    println!(
        "{} documents ({split}), gold mentions {n_gold} ({}), system mentions {n_sys}, aligned {n_aligned}; wrote {}",
        files.len(),
        if all_types { "all chains" } else { "person/organization/place chains" },
        out.join("{key,sys}.json").display()
    );
}
