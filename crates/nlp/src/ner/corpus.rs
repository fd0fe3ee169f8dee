//! Readers of the shared NER corpora. Each gives documents of sentences; a sentence is a text,
//! its gold tokens and its names as byte spans with a type (0 PER, 1 ORG, 2 LOC, 3 MISC).
//!
//! Column corpora (CoNLL-2003, UNER, WikiGold) are joined into text the way the shared scorer
//! does (`tools/score.py`), so training sees the text that evaluation will feed; GUM uses its
//! own spacing (`SpaceAfter=No`); re3d comes as text with character offsets.

use std::path::Path;

/// PER, ORG, LOC, MISC.
pub(crate) const TYPE_NAMES: [&str; 4] = ["PER", "ORG", "LOC", "MISC"];

/// A name in a sentence: byte span and type.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Ent {
    pub start: u32,
    pub end: u32,
    pub ty: u8,
}

/// One sentence of gold data.
#[derive(Clone, Debug, Default)]
pub(crate) struct Sentence {
    pub text: String,
    /// Gold tokens (byte spans into `text`).
    pub tokens: Vec<(u32, u32)>,
    pub ents: Vec<Ent>,
    /// MISC is not (fully) annotated: an unlabeled token may still be part of a MISC name.
    pub misc_partial: bool,
    /// Byte spans whose labels are unknown (re3d annotations that are no CoNLL-style names but
    /// hold capitalized words): training leaves their tokens free, evaluation skips the sentence.
    pub free: Vec<(u32, u32)>,
}

/// A document of one corpus.
#[derive(Clone, Debug, Default)]
pub(crate) struct Document {
    pub id: String,
    pub sentences: Vec<Sentence>,
}

/// A corpus split into the documents trained on and the documents kept for tuning.
#[derive(Clone, Debug, Default)]
pub(crate) struct Corpus {
    pub name: &'static str,
    pub train: Vec<Document>,
    pub dev: Vec<Document>,
    /// Types annotated in this corpus (bit t).
    pub types: u8,
}

/// FNV-1a of a string: the document hash of the hold-out split.
pub(crate) fn fnv(s: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in s.bytes() {
        h = (h ^ b as u64).wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

/// Whether a document is held back for tuning (25% of documents by hash of the id). For
/// cross-validated experiments `DOSSIER_NER_HOLDOUT_FOLD=k` (0–3) holds back the k-th quarter
/// instead; 0, the default, is the split of every reported figure.
pub(crate) fn held_out(id: &str) -> bool {
    static FOLD: std::sync::OnceLock<u64> = std::sync::OnceLock::new();
    let k = *FOLD.get_or_init(|| {
        std::env::var("DOSSIER_NER_HOLDOUT_FOLD").ok().and_then(|v| v.parse().ok()).unwrap_or(0).min(3)
    });
    fnv(id) % 100 / 25 == k
}

fn type_of(label: &str) -> Option<u8> {
    match label.to_ascii_uppercase().as_str() {
        "PER" | "PERSON" => Some(super::PER),
        "ORG" | "ORGANIZATION" | "ORGANISATION" => Some(super::ORG),
        "LOC" | "GPE" | "LOCATION" | "PLACE" => Some(super::LOC),
        "MISC" => Some(super::MISC),
        _ => None,
    }
}

const NO_SPACE_BEFORE: &[&str] =
    &[",", ".", ";", ":", "!", "?", ")", "]", "}", "%", "'s", "n't", "'", "'re", "'ve", "'ll", "'d", "'m", "''"];
const NO_SPACE_AFTER: &[&str] = &["(", "[", "{", "$", "``", "#"];

/// Joins tokens as the shared scorer does and returns the text and token spans.
pub(crate) fn detokenize(tokens: &[&str]) -> (String, Vec<(u32, u32)>) {
    let mut text = String::new();
    let mut spans = Vec::with_capacity(tokens.len());
    let mut prev: Option<&str> = None;
    for &t in tokens {
        if let Some(p) = prev
            && !NO_SPACE_BEFORE.contains(&t)
            && !NO_SPACE_AFTER.contains(&p)
        {
            text.push(' ');
        }
        let s = text.len() as u32;
        text.push_str(t);
        spans.push((s, text.len() as u32));
        prev = Some(t);
    }
    (text, spans)
}

/// Token-level tags (IO, IOB1 or IOB2) to token ranges with types, as the scorer reads them.
pub(crate) fn tags_to_spans(tags: &[&str]) -> Vec<(usize, usize, u8)> {
    let mut out = Vec::new();
    let mut cur: Option<(usize, String)> = None;
    for (i, &tag) in tags.iter().chain(std::iter::once(&"O")).enumerate() {
        if tag == "O" || tag == "_" || tag.is_empty() {
            if let Some((s, t)) = cur.take()
                && let Some(ty) = type_of(&t)
            {
                out.push((s, i, ty));
            }
            continue;
        }
        let (pre, t) = match tag.split_once('-') {
            Some((p, t)) => (p, t),
            None => ("I", tag),
        };
        if let Some((s, ct)) = &cur
            && (ct != t || pre == "B" || pre == "S")
        {
            if let Some(ty) = type_of(ct) {
                out.push((*s, i, ty));
            }
            cur = None;
        }
        if cur.is_none() {
            cur = Some((i, t.to_string()));
        }
        if (pre == "E" || pre == "S")
            && let Some((s, ct)) = cur.take()
            && let Some(ty) = type_of(&ct)
        {
            out.push((s, i + 1, ty));
        }
    }
    out
}

fn sentence_from_columns(toks: &[(String, String)], misc_partial: bool) -> Sentence {
    let words: Vec<&str> = toks.iter().map(|(w, _)| w.as_str()).collect();
    let tags: Vec<&str> = toks.iter().map(|(_, t)| t.as_str()).collect();
    let (text, spans) = detokenize(&words);
    let ents =
        tags_to_spans(&tags).into_iter().map(|(s, e, ty)| Ent { start: spans[s].0, end: spans[e - 1].1, ty }).collect();
    Sentence { text, tokens: spans, ents, misc_partial, free: vec![] }
}

fn read(path: &Path) -> Result<String, String> {
    std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))
}

/// CoNLL-2003 (`token POS chunk NER`), cut into pieces of 25 sentences as the scorer does for
/// files without document marks.
pub(crate) fn read_conll(path: &Path, prefix: &str) -> Result<Vec<Document>, String> {
    let src = read(path)?;
    let mut sents = Vec::new();
    let mut cur: Vec<(String, String)> = Vec::new();
    for line in src.lines().chain(std::iter::once("")) {
        let cols: Vec<&str> = line.split_whitespace().collect();
        if cols.is_empty() || cols[0] == "-DOCSTART-" {
            if !cur.is_empty() {
                sents.push(sentence_from_columns(&cur, false));
                cur.clear();
            }
            continue;
        }
        cur.push((cols[0].to_string(), cols[cols.len() - 1].to_string()));
    }
    Ok(sents
        .chunks(25)
        .enumerate()
        .map(|(i, c)| Document { id: format!("{prefix}-{i}"), sentences: c.to_vec() })
        .collect())
}

/// UNER `.iob2`: `idx token tag - annotator`, `# newdoc id = ...` comments. No MISC.
pub(crate) fn read_uner(path: &Path) -> Result<Vec<Document>, String> {
    let src = read(path)?;
    let mut docs: Vec<Document> = Vec::new();
    let mut cur: Vec<(String, String)> = Vec::new();
    let flush = |cur: &mut Vec<(String, String)>, docs: &mut Vec<Document>| {
        if !cur.is_empty() {
            if docs.is_empty() {
                docs.push(Document { id: "uner-0".into(), sentences: vec![] });
            }
            docs.last_mut().unwrap().sentences.push(sentence_from_columns(cur, true));
            cur.clear();
        }
    };
    for line in src.lines().chain(std::iter::once("")) {
        if let Some(rest) = line.strip_prefix("# newdoc id = ") {
            flush(&mut cur, &mut docs);
            docs.push(Document { id: rest.trim().to_string(), sentences: vec![] });
            continue;
        }
        if line.starts_with('#') {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() < 3 {
            flush(&mut cur, &mut docs);
            continue;
        }
        if cols[0].contains('-') || cols[0].contains('.') {
            continue;
        }
        cur.push((cols[1].to_string(), cols[2].to_string()));
    }
    flush(&mut cur, &mut docs);
    docs.retain(|d| !d.sentences.is_empty());
    Ok(docs)
}

/// WikiGold: `token TAG`, IO tags, `-DOCSTART- O` between documents.
pub(crate) fn read_wikigold(path: &Path) -> Result<Vec<Document>, String> {
    let src = read(path)?;
    let mut docs: Vec<Document> = Vec::new();
    let mut cur: Vec<(String, String)> = Vec::new();
    for line in src.lines().chain(std::iter::once("")) {
        let cols: Vec<&str> = line.split_whitespace().collect();
        if cols.is_empty() || cols[0] == "-DOCSTART-" {
            if !cur.is_empty() {
                if docs.is_empty() {
                    docs.push(Document { id: "wikigold-0".into(), sentences: vec![] });
                }
                docs.last_mut().unwrap().sentences.push(sentence_from_columns(&cur, false));
                cur.clear();
            }
            if !cols.is_empty() {
                let id = format!("wikigold-{}", docs.len());
                docs.push(Document { id, sentences: vec![] });
            }
            continue;
        }
        cur.push((cols[0].to_string(), cols[cols.len() - 1].to_string()));
    }
    docs.retain(|d| !d.sentences.is_empty());
    Ok(docs)
}

/// Title words stripped from the left of person names (GUM and re3d include them in mentions,
/// CoNLL-style NER does not).
pub(crate) const TITLES: &[&str] = &[
    "mr",
    "mr.",
    "mrs",
    "mrs.",
    "miss",
    "mister",
    "madam",
    "ms",
    "ms.",
    "dr",
    "dr.",
    "prof",
    "prof.",
    "sir",
    "dame",
    "lord",
    "lady",
    "president",
    "king",
    "queen",
    "prince",
    "princess",
    "pope",
    "saint",
    "st",
    "st.",
    "gen",
    "gen.",
    "general",
    "col",
    "col.",
    "colonel",
    "lt",
    "lt.",
    "capt",
    "capt.",
    "captain",
    "maj",
    "maj.",
    "major",
    "sgt",
    "sgt.",
    "sergeant",
    "adm",
    "adm.",
    "admiral",
    "gov",
    "gov.",
    "governor",
    "sen",
    "sen.",
    "senator",
    "rep",
    "rep.",
    "minister",
    "secretary",
    "chancellor",
    "premier",
    "emperor",
    "empress",
    "judge",
    "justice",
    "bishop",
    "cardinal",
    "rev",
    "rev.",
    "reverend",
    "father",
    "brother",
    "sister",
    "uncle",
    "aunt",
    "mayor",
    "chairman",
    "ambassador",
    "commander",
    "lieutenant",
    "officer",
    "private",
    "corporal",
    "deputy",
    "vice",
    "prime",
    "foreign",
    "defense",
    "defence",
    "home",
    "state",
    "us",
    "u.s.",
    "uk",
    "former",
    "the",
    "a",
    "an",
    "pfc",
    "spc",
    "spc.",
    "cpl",
    "cpl.",
    "staff",
    "chief",
    "director",
    "professor",
    "doctor",
    "coach",
    "detective",
    "inspector",
    "agent",
    "sheikh",
    "brig.",
    "brig",
    "gen.",
    "lt.",
    "maj.",
    "army",
    "navy",
    "air",
    "force",
    "marine",
    "corps",
];

/// GUM (conllu): named mentions (head is a proper noun), restricted to the run of capitalized
/// words around the head; person → PER, organization → ORG, place → LOC, other named → MISC.
/// MISC is partial: GUM does not mark nationality adjectives ("Afghan").
pub(crate) fn read_gum_dir(dir: &Path) -> Result<Vec<Document>, String> {
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "conllu"))
        .collect();
    files.sort();
    let mut docs = Vec::new();
    for f in files {
        let src = read(&f)?;
        let id = f.file_stem().unwrap().to_string_lossy().to_string();
        docs.push(Document { id, sentences: parse_gum(&src) });
    }
    Ok(docs)
}

struct GumTok {
    form: String,
    upos: String,
    xpos: String,
    head: usize,
    space_after: bool,
}

fn parse_gum(src: &str) -> Vec<Sentence> {
    let mut out = Vec::new();
    let mut toks: Vec<GumTok> = Vec::new();
    // mentions: (start tok, end tok exclusive, etype)
    let mut mentions: Vec<(usize, usize, String)> = Vec::new();
    let mut open: Vec<(String, usize, String)> = Vec::new(); // (id, start, etype)
    for line in src.lines().chain(std::iter::once("")) {
        if line.starts_with('#') {
            continue;
        }
        if line.trim().is_empty() {
            if !toks.is_empty() {
                out.push(gum_sentence(&toks, &mentions));
            }
            toks.clear();
            mentions.clear();
            open.clear();
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() < 10 || cols[0].contains('-') || cols[0].contains('.') {
            continue;
        }
        let i = toks.len();
        let misc = cols[9];
        toks.push(GumTok {
            form: cols[1].to_string(),
            upos: cols[3].to_string(),
            xpos: cols[4].to_string(),
            head: cols[6].parse().unwrap_or(0),
            space_after: !misc.split('|').any(|x| x == "SpaceAfter=No"),
        });
        if let Some(ent) = misc.split('|').find_map(|x| x.strip_prefix("Entity=")) {
            let b = ent.as_bytes();
            let mut k = 0;
            while k < b.len() {
                if b[k] == b'(' {
                    let mut j = k + 1;
                    while j < b.len() && b[j] != b'(' && b[j] != b')' {
                        j += 1;
                    }
                    let body = &ent[k + 1..j];
                    let mut fields = body.split('-');
                    let eid = fields.next().unwrap_or("").to_string();
                    let ety = fields.next().unwrap_or("").to_string();
                    if j < b.len() && b[j] == b')' {
                        mentions.push((i, i + 1, ety));
                        k = j + 1;
                    } else {
                        open.push((eid, i, ety));
                        k = j;
                    }
                } else if b[k].is_ascii_digit() {
                    let mut j = k;
                    while j < b.len() && b[j].is_ascii_digit() {
                        j += 1;
                    }
                    let eid = &ent[k..j];
                    if let Some(pos) = open.iter().rposition(|(id, _, _)| id == eid) {
                        let (_, s, ety) = open.remove(pos);
                        mentions.push((s, i + 1, ety));
                    }
                    k = j + 1;
                } else {
                    k += 1;
                }
            }
        }
    }
    out
}

fn is_capitalized(s: &str) -> bool {
    s.chars().next().is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
}

fn gum_sentence(toks: &[GumTok], mentions: &[(usize, usize, String)]) -> Sentence {
    // text with the corpus' own spacing
    let mut text = String::new();
    let mut spans = Vec::with_capacity(toks.len());
    for t in toks {
        let s = text.len() as u32;
        text.push_str(&t.form);
        spans.push((s, text.len() as u32));
        if t.space_after {
            text.push(' ');
        }
    }
    while text.ends_with(' ') {
        text.pop();
    }
    let mut cands: Vec<(usize, usize, u8)> = Vec::new();
    for (s, e, ety) in mentions {
        let (s, e) = (*s, *e);
        // head: the token whose head lies outside the span
        let Some(h) = (s..e).find(|&k| {
            let hd = toks[k].head;
            hd == 0 || hd - 1 < s || hd > e
        }) else {
            continue;
        };
        if toks[h].upos != "PROPN" {
            continue;
        }
        let mut ty = match ety.as_str() {
            "person" => 0,
            "organization" => 1,
            "place" => 2,
            "time" | "abstract" | "substance" | "animal" | "plant" => continue,
            _ => 3,
        };
        let namey = |k: usize| toks[k].upos == "PROPN" || (is_capitalized(&toks[k].form) && toks[k].upos != "PUNCT");
        // persons' names join no "and" / "of": "Kirk M. Bart and Celeste Pollock" is two names
        let person_link = |k: usize| matches!(toks[k].form.as_str(), "and" | "&" | "of" | "the" | "for");
        let connector = |k: usize| {
            !(ty == 0 && person_link(k))
                && matches!(
                    toks[k].form.as_str(),
                    "of" | "and"
                        | "&"
                        | "de"
                        | "la"
                        | "du"
                        | "von"
                        | "van"
                        | "der"
                        | "den"
                        | "bin"
                        | "al"
                        | "-"
                        | "the"
                        | "for"
                )
        };
        let mut a = h;
        while a > s {
            if namey(a - 1) {
                a -= 1;
            } else if a >= s + 2 && connector(a - 1) && namey(a - 2) {
                a -= 2;
            } else {
                break;
            }
        }
        let mut z = h + 1;
        while z < e {
            if namey(z) {
                z += 1;
            } else if z + 1 < e && connector(z) && namey(z + 1) {
                z += 2;
            } else {
                break;
            }
        }
        if ty == 0 {
            let forms: Vec<&str> = toks[a..z].iter().map(|t| t.form.as_str()).collect();
            match person_name_start(&forms) {
                Some(k) => a += k,
                None => continue,
            }
            // a bare title ("the Secretary") is no name
            if z - a == 1 && super::lower_in(TITLES, &toks[a].form) {
                continue;
            }
            // a plural proper noun for people ("Americans") is a nationality, MISC in CoNLL terms
            if toks[h].xpos == "NNPS" {
                ty = 3;
            }
        }
        if toks[a].form == "The" && z - a > 1 && ty != 3 {
            a += 1;
        }
        cands.push((a, z, ty));
    }
    // longest first; no overlaps
    cands.sort_by_key(|&(a, z, _)| (std::cmp::Reverse(z - a), a));
    let mut taken = vec![false; toks.len()];
    let mut ents = Vec::new();
    for (a, z, ty) in cands {
        if (a..z).any(|k| taken[k]) {
            continue;
        }
        for t in &mut taken[a..z] {
            *t = true;
        }
        ents.push(Ent { start: spans[a].0, end: spans[z - 1].1, ty });
    }
    ents.sort_by_key(|e| e.start);
    Sentence { text, tokens: spans, ents, misc_partial: true, free: vec![] }
}

// ------------------------------------------------------------------------------------------ re3d

/// The string values of a flat JSON object's fields (enough for re3d's mongoexport lines).
pub(crate) fn json_fields(line: &str) -> Vec<(String, String)> {
    let b = line.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    let n = b.len();
    let skip_ws = |i: &mut usize| {
        while *i < n && (b[*i] as char).is_ascii_whitespace() {
            *i += 1;
        }
    };
    let parse_str = |i: &mut usize| -> String {
        // b[*i] == '"'
        *i += 1;
        let mut s = String::new();
        while *i < n {
            let c = b[*i];
            if c == b'"' {
                *i += 1;
                break;
            }
            if c == b'\\' && *i + 1 < n {
                *i += 1;
                match b[*i] {
                    b'n' => s.push('\n'),
                    b't' => s.push('\t'),
                    b'r' => s.push('\r'),
                    b'b' => s.push('\u{8}'),
                    b'f' => s.push('\u{c}'),
                    b'u' => {
                        let hex =
                            |j: usize| u32::from_str_radix(line.get(j..j + 4).unwrap_or("0"), 16).unwrap_or(0xFFFD);
                        let mut cp = hex(*i + 1);
                        *i += 4;
                        if (0xD800..0xDC00).contains(&cp)
                            && b.get(*i + 1) == Some(&b'\\')
                            && b.get(*i + 2) == Some(&b'u')
                        {
                            let lo = hex(*i + 3);
                            if (0xDC00..0xE000).contains(&lo) {
                                cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
                                *i += 6;
                            }
                        }
                        s.push(char::from_u32(cp).unwrap_or('\u{FFFD}'));
                    }
                    c => s.push(c as char),
                }
                *i += 1;
                continue;
            }
            // copy one UTF-8 char
            let start = *i;
            *i += 1;
            while *i < n && (b[*i] & 0xC0) == 0x80 {
                *i += 1;
            }
            s.push_str(&line[start..*i]);
        }
        s
    };
    skip_ws(&mut i);
    if i >= n || b[i] != b'{' {
        return out;
    }
    i += 1;
    loop {
        skip_ws(&mut i);
        if i >= n || b[i] == b'}' {
            break;
        }
        if b[i] == b',' {
            i += 1;
            continue;
        }
        if b[i] != b'"' {
            break;
        }
        let k = parse_str(&mut i);
        skip_ws(&mut i);
        if i < n && b[i] == b':' {
            i += 1;
        }
        skip_ws(&mut i);
        if i < n && b[i] == b'"' {
            let v = parse_str(&mut i);
            out.push((k, v));
        } else {
            let st = i;
            let mut depth = 0i32;
            while i < n {
                match b[i] {
                    b'{' | b'[' => depth += 1,
                    b'}' | b']' if depth > 0 => depth -= 1,
                    b',' | b'}' if depth == 0 => break,
                    _ => {}
                }
                i += 1;
            }
            out.push((k, line[st..i].trim().to_string()));
        }
    }
    out
}

/// One re3d document: text and names as byte spans (resolved so none overlap).
pub(crate) struct RawDoc {
    pub id: String,
    pub text: String,
    pub ents: Vec<Ent>,
    /// Byte spans of annotations that are not names as CoNLL-style NER sees them but contain
    /// capitalized words ("the Assad regime"): sentences holding one are not used.
    pub unclear: Vec<(u32, u32)>,
}

/// Words allowed in lowercase inside a name.
const CONNECTORS: &[&str] = &[
    "of", "the", "and", "for", "de", "del", "della", "da", "di", "du", "la", "le", "al", "el", "bin", "ibn", "van",
    "von", "der", "den", "y", "&", "-", "on", "upon", "in",
];

/// Whether an annotated span reads as a name: every word capitalized (or a digit, or a
/// connector such as "of", "bin", "al-..."), the first one capitalized.
fn name_like(s: &str) -> bool {
    let words: Vec<&str> = s.split_whitespace().collect();
    !words.is_empty()
        && is_capitalized(words[0])
        && words.iter().all(|w| {
            is_capitalized(w)
                || CONNECTORS.contains(w)
                || ["al-", "el-", "bin-", "ibn-", "d'", "'s"].iter().any(|p| w.starts_with(p))
        })
}

/// Office words that end a bare title ("the Foreign Secretary", "Attorney General") and that a
/// person's name may follow ("Press Secretary Peter Cook"). Unlike "King" or "Bishop", none is
/// also a common surname, so a person annotation that ends in one holds no name.
const OFFICES: &[&str] = &[
    "secretary",
    "secretary-general",
    "minister",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "ambassador",
    "envoy",
    "chairman",
    "chairwoman",
    "ceo",
    "president",
    "premier",
    "senator",
    "governor",
    "mayor",
    "general",
    "chancellor",
    "commissioner",
    "director",
];

/// Where the name begins among the words of a person annotation: after the last office word
/// and an "of State" after it ("US Secretary of State John Kerry" -> "John Kerry"), else at the
/// first word; `None` when no name is left ("the Foreign Secretary"), which CoNLL-style NER
/// leaves untagged.
pub(crate) fn name_start_after_office<S: AsRef<str>>(words: &[S]) -> Option<usize> {
    let is_office = |w: &S| super::lower_in(OFFICES, w.as_ref());
    let Some(k) = words.iter().rposition(is_office) else { return Some(0) };
    let mut j = k + 1;
    if words.get(j).is_some_and(|w| w.as_ref() == "of") {
        j += 2;
    }
    (j < words.len()).then_some(j)
}

/// Where a person's name begins among the words of a person annotation: after any office (see
/// [`name_start_after_office`]), then past leading titles ("Col. John Smith" -> "John Smith"),
/// keeping the last word; `None` when only an office is left. GUM and re3d share it.
fn person_name_start<S: AsRef<str>>(words: &[S]) -> Option<usize> {
    let mut j = name_start_after_office(words)?;
    while j + 1 < words.len() && super::lower_in(TITLES, words[j].as_ref()) {
        j += 1;
    }
    Some(j)
}

/// re3d: every source folder's `documents.json` and `entities.json`. Person, Organisation,
/// Location, Nationality (→ MISC, partial) with confidence ≥ 0.5; overlaps resolved by confidence
/// then length; leading titles stripped from persons.
pub(crate) fn read_re3d(dir: &Path) -> Result<Vec<RawDoc>, String> {
    let mut folders: Vec<_> = std::fs::read_dir(dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.join("documents.json").exists())
        .collect();
    folders.sort();
    let mut out = Vec::new();
    for f in folders {
        let docs_src = read(&f.join("documents.json"))?;
        let ents_src = read(&f.join("entities.json"))?;
        let mut docs: Vec<RawDoc> = Vec::new();
        for line in docs_src.lines() {
            let fields = json_fields(line);
            let get = |k: &str| fields.iter().find(|(kk, _)| kk == k).map(|(_, v)| v.clone());
            if let (Some(id), Some(text)) = (get("_id"), get("text")) {
                docs.push(RawDoc { id, text, ents: vec![], unclear: vec![] });
            }
        }
        // (doc index, char begin, char end, type, confidence)
        let mut cands: Vec<(usize, usize, usize, u8, f64)> = Vec::new();
        for line in ents_src.lines() {
            let fields = json_fields(line);
            let get = |k: &str| fields.iter().find(|(kk, _)| kk == k).map(|(_, v)| v.clone());
            let Some(d) = get("documentId").and_then(|id| docs.iter().position(|x| x.id == id)) else {
                continue;
            };
            let ty = match get("type").as_deref() {
                Some("Person") => 0,
                Some("Organisation") => 1,
                Some("Location") => 2,
                Some("Nationality") => 3,
                _ => continue,
            };
            let conf: f64 = get("confidence").and_then(|c| c.parse().ok()).unwrap_or(0.0);
            let (Some(b), Some(e)) =
                (get("begin").and_then(|x| x.parse().ok()), get("end").and_then(|x| x.parse().ok()))
            else {
                continue;
            };
            if conf >= 0.5 && e > b {
                cands.push((d, b, e, ty, conf));
            }
        }
        cands.sort_by(|a, b| b.4.total_cmp(&a.4).then((b.2 - b.1).cmp(&(a.2 - a.1))).then(a.1.cmp(&b.1)));
        let char_to_byte: Vec<Vec<usize>> = docs
            .iter()
            .map(|d| d.text.char_indices().map(|(i, _)| i).chain(std::iter::once(d.text.len())).collect())
            .collect();
        for (d, b, e, ty, _) in cands {
            let c2b = &char_to_byte[d];
            if e >= c2b.len() {
                continue;
            }
            let (mut bs, be) = (c2b[b], c2b[e]);
            let doc = &mut docs[d];
            if ty == 0 {
                // the name after an office and titles: "Pentagon Press Secretary Peter Cook" ->
                // "Peter Cook", "Col. John Smith" -> "John Smith"; "the Foreign Secretary" is no name
                let s = &doc.text[bs..be];
                let words: Vec<(usize, &str)> = s
                    .split(' ')
                    .scan(0, |at, w| {
                        let start = *at;
                        *at += w.len() + 1;
                        Some((start, w))
                    })
                    .filter(|(_, w)| !w.is_empty())
                    .collect();
                let forms: Vec<&str> = words.iter().map(|&(_, w)| w).collect();
                match person_name_start(&forms) {
                    Some(k) => bs += words.get(k).map_or(0, |w| w.0),
                    None => continue,
                }
            }
            // "the United States", "The Coalition": CoNLL-style names leave the article out
            for article in ["the ", "The "] {
                if doc.text[bs..be].starts_with(article) && be - bs > article.len() {
                    bs += article.len();
                }
            }
            let (bs, be) = (bs as u32, be as u32);
            if doc.ents.iter().any(|x| x.start < be && bs < x.end) {
                continue;
            }
            let s = &doc.text[bs as usize..be as usize];
            if !name_like(s) {
                if s.split_whitespace().any(is_capitalized) {
                    doc.unclear.push((bs, be));
                }
                continue;
            }
            doc.ents.push(Ent { start: bs, end: be, ty });
        }
        for d in &mut docs {
            d.ents.sort_by_key(|e| e.start);
        }
        out.extend(docs);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detokenizes_like_the_scorer() {
        let (t, s) = detokenize(&["Britain", "'s", "( new", ")", "plan", ","]);
        assert_eq!(t, "Britain's ( new) plan,");
        assert_eq!(s[1], (7, 9));
    }

    #[test]
    fn a_person_annotation_keeps_the_name_after_an_office_and_a_bare_office_is_no_name() {
        let start = |s: &str| name_start_after_office(&s.split(' ').collect::<Vec<_>>());
        assert_eq!(start("Pentagon Press Secretary Peter Cook"), Some(3));
        assert_eq!(start("US Secretary of State John Kerry"), Some(4));
        assert_eq!(start("Julie Bishop"), Some(0));
        assert_eq!(start("Martin Luther King"), Some(0));
        assert_eq!(start("The Foreign Secretary"), None);
        assert_eq!(start("Attorney General"), None);
        assert_eq!(start("the Secretary of State"), None);
    }

    #[test]
    fn reads_io_and_bio_tags() {
        assert_eq!(tags_to_spans(&["I-PER", "I-PER", "O", "I-LOC"]), vec![(0, 2, 0), (3, 4, 2)]);
        assert_eq!(tags_to_spans(&["B-PER", "B-PER", "I-ORG"]), vec![(0, 1, 0), (1, 2, 0), (2, 3, 1)]);
    }

    #[test]
    fn gum_named_mentions() {
        let src = "1\tPresident\tPresident\tPROPN\tNNP\t_\t3\tcompound\t_\tEntity=(1-person-new-x-cf1-1-coref-Ann_Lee\n\
                   2\tAnn\tAnn\tPROPN\tNNP\t_\t3\tflat\t_\t_\n\
                   3\tLee\tLee\tPROPN\tNNP\t_\t4\tnsubj\t_\tEntity=1)\n\
                   4\tleft\tleave\tVERB\tVBD\t_\t0\troot\t_\t_\n\
                   5\tParis\tParis\tPROPN\tNNP\t_\t4\tobj\t_\tEntity=(2-place-new-x-cf1-1-coref-Paris)|SpaceAfter=No\n\
                   6\t.\t.\tPUNCT\t.\t_\t4\tpunct\t_\t_\n";
        let s = parse_gum(src);
        assert_eq!(s.len(), 1);
        let names: Vec<(&str, u8)> =
            s[0].ents.iter().map(|e| (&s[0].text[e.start as usize..e.end as usize], e.ty)).collect();
        assert_eq!(names, [("Ann Lee", 0), ("Paris", 2)]);
        assert_eq!(s[0].text, "President Ann Lee left Paris.");
    }

    #[test]
    fn json_fields_reads_strings_and_numbers() {
        let f = json_fields(r#"{"_id": "a\"b", "begin": 12, "text": "caf\u00e9 \ud83d\ude00"}"#);
        assert_eq!(f[0], ("_id".into(), "a\"b".into()));
        assert_eq!(f[1], ("begin".into(), "12".into()));
        assert_eq!(f[2].1, "café 😀");
    }
}
