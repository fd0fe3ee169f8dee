//! Search requests and their translation into tantivy queries.
//!
//! The text goes through tantivy's query parser (BM25, `"phrases"`, `AND`/`OR`/`NOT`, `+`/`-`,
//! `title:` fields), words are required by default, and two forms it lacks are added here:
//! `word*` (prefix) and `word~` / `word~2` (fuzzy, edit distance 1 or 2).

use crate::index::{Fields, date_start};
use crate::phrase::{PhraseClause, TopPhrase, phrase_terms};
use crate::{Result, StoreError};
use serde::Serialize;
use std::ops::Bound;
use tantivy::query::{AllQuery, BooleanQuery, FuzzyTermQuery, Occur, Query, QueryParser, RangeQuery, TermQuery};
use tantivy::schema::IndexRecordOption;
use tantivy::{Index, Term};

/// A search: words plus filters.
#[derive(Debug, Clone, Default)]
pub struct SearchQuery {
    /// The query text; empty matches every document.
    pub text: String,
    /// Only documents naming this entity (name or alias, case and accents ignored).
    pub entity: Option<String>,
    /// Only documents with an entity of this type (PERSON, ORG, LOC, MISC, ...); with `entity`,
    /// the named entity must have this type.
    pub entity_type: Option<String>,
    /// Only documents published, or mentioning a date, on or after this day (YYYY-MM-DD).
    pub from: Option<String>,
    /// ... on or before this day.
    pub to: Option<String>,
    /// Only documents whose source path starts with this.
    pub source: Option<String>,
    /// At most this many hits (default 10).
    pub limit: usize,
}

impl SearchQuery {
    /// A plain text search.
    pub fn text(q: &str) -> Self {
        SearchQuery { text: q.to_string(), limit: 10, ..Default::default() }
    }
}

/// One search hit.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Hit {
    /// Document id.
    pub id: String,
    /// Content hash.
    pub hash: String,
    /// Title.
    pub title: Option<String>,
    /// Source path.
    pub source: Option<String>,
    /// Publication date.
    pub published: Option<String>,
    /// BM25 score.
    pub score: f32,
    /// A passage of the text around the matches.
    pub snippet: String,
    /// Matching words in `snippet`, as character ranges.
    pub highlights: Vec<[usize; 2]>,
}

/// Splits off `word*` and `word~N` terms, which tantivy's parser does not take on its own.
fn split_special(text: &str) -> (String, Vec<(String, Special)>) {
    let mut rest = Vec::new();
    let mut special = Vec::new();
    let mut in_quotes = false;
    for tok in text.split_whitespace() {
        let quotes = tok.matches('"').count();
        if !in_quotes && quotes == 0 && !tok.contains(':') {
            let (sign, word) = match tok.strip_prefix(['+', '-']) {
                Some(w) => (&tok[..1], w),
                None => ("", tok),
            };
            if sign != "-" {
                if let Some(stem) = word.strip_suffix('*').filter(|s| !s.is_empty() && !s.contains('*')) {
                    special.push((stem.to_string(), Special::Prefix));
                    continue;
                }
                if let Some((w, d)) = word.rsplit_once('~') {
                    let dist = if d.is_empty() { Some(1) } else { d.parse::<u8>().ok().filter(|n| *n <= 2) };
                    if let (false, Some(dist)) = (w.is_empty(), dist) {
                        special.push((w.to_string(), Special::Fuzzy(dist)));
                        continue;
                    }
                }
            }
        }
        if quotes % 2 == 1 {
            in_quotes = !in_quotes;
        }
        rest.push(tok);
    }
    (rest.join(" "), special)
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Special {
    Prefix,
    Fuzzy(u8),
}

/// Lowercased, stemmed form of one word as the body field indexes it.
fn analyse(index: &Index, word: &str, stem: bool) -> Option<String> {
    let name = if stem { "en_stem" } else { "default" };
    let mut analyzer = index.tokenizers().get(name)?;
    let mut stream = analyzer.token_stream(word);
    let mut out = None;
    while stream.advance() {
        out = Some(stream.token().text.clone());
    }
    out
}

fn name_term(index: &Index, field: tantivy::schema::Field, value: &str) -> Term {
    let mut analyzer = index.tokenizers().get(crate::index::NAME_TOKENIZER).expect("registered on open");
    let mut stream = analyzer.token_stream(value.trim());
    let mut text = String::new();
    while stream.advance() {
        text = stream.token().text.clone();
    }
    Term::from_field_text(field, &text)
}

fn day_bound(s: &Option<String>, what: &str) -> Result<Bound<tantivy::DateTime>> {
    match s {
        None => Ok(Bound::Unbounded),
        Some(v) => date_start(v)
            .filter(|_| v.len() == 10)
            .map(Bound::Included)
            .ok_or_else(|| StoreError::Query(format!("{what} {v:?} is not a YYYY-MM-DD date"))),
    }
}

/// How much more a match in the title counts than one in the body.
const TITLE_BOOST: f32 = 2.0;

/// The phrase of a search that is one quoted phrase of two words or more and nothing else (no
/// other words, no filters): such a search is run as a [`TopPhrase`].
fn lone_phrase<'a>(q: &SearchQuery, plain: &'a str, special: &[(String, Special)]) -> Option<&'a str> {
    let filtered = q.entity.is_some() || q.entity_type.is_some() || q.from.is_some() || q.to.is_some();
    if filtered || q.source.is_some() || !special.is_empty() {
        return None;
    }
    let inner = plain.trim().strip_prefix('"')?.strip_suffix('"')?;
    (!inner.contains('"')).then_some(inner)
}

/// The tantivy query for a search, and the part of it that snippets should highlight.
pub fn build(index: &Index, f: &Fields, q: &SearchQuery) -> Result<(Box<dyn Query>, Box<dyn Query>)> {
    let (plain, special) = split_special(&q.text);
    let lone = lone_phrase(q, &plain, &special).map(str::to_string);
    let mut must: Vec<(Occur, Box<dyn Query>)> = Vec::new();
    if !plain.trim().is_empty() {
        let mut parser = QueryParser::for_index(index, vec![f.title, f.body]);
        parser.set_conjunction_by_default();
        parser.set_field_boost(f.title, TITLE_BOOST);
        let parsed = parser.parse_query(&plain).map_err(|e| StoreError::Query(e.to_string()))?;
        must.push((Occur::Must, parsed));
    }
    for (word, kind) in special {
        let mut either: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        for field in [f.body, f.title] {
            let q: Box<dyn Query> = match kind {
                Special::Prefix => {
                    let w = analyse(index, &word, false).unwrap_or_default();
                    Box::new(FuzzyTermQuery::new_prefix(Term::from_field_text(field, &w), 0, false))
                }
                Special::Fuzzy(d) => {
                    let w = analyse(index, &word, true).unwrap_or_default();
                    Box::new(FuzzyTermQuery::new(Term::from_field_text(field, &w), d, true))
                }
            };
            either.push((Occur::Should, q));
        }
        must.push((Occur::Must, Box::new(BooleanQuery::new(either))));
    }
    let text_query: Box<dyn Query> = if must.is_empty() {
        Box::new(AllQuery)
    } else {
        Box::new(BooleanQuery::new(must.iter().map(|(o, q)| (*o, q.box_clone())).collect()))
    };
    let mut filters: Vec<(Occur, Box<dyn Query>)> = vec![(Occur::Must, text_query.box_clone())];
    match (&q.entity, &q.entity_type) {
        (Some(name), Some(ty)) => {
            let term = name_term(index, f.entity_typed, &format!("{}:{name}", ty.to_ascii_uppercase()));
            filters.push((Occur::Must, Box::new(TermQuery::new(term, IndexRecordOption::Basic))));
        }
        (Some(name), None) => {
            let term = name_term(index, f.entity, name);
            filters.push((Occur::Must, Box::new(TermQuery::new(term, IndexRecordOption::Basic))));
        }
        (None, Some(ty)) => {
            let term = Term::from_field_text(f.etype, &ty.to_ascii_uppercase());
            filters.push((Occur::Must, Box::new(TermQuery::new(term, IndexRecordOption::Basic))));
        }
        (None, None) => {}
    }
    if q.from.is_some() || q.to.is_some() {
        let (lo, hi) = (day_bound(&q.from, "--from")?, day_bound(&q.to, "--to")?);
        let range = |field| -> Box<dyn Query> {
            let term = |b: &Bound<tantivy::DateTime>| b.as_ref().map(|d| Term::from_field_date(field, *d));
            Box::new(RangeQuery::new(term(&lo), term(&hi)))
        };
        let either = BooleanQuery::new(vec![(Occur::Should, range(f.published)), (Occur::Should, range(f.mentioned))]);
        filters.push((Occur::Must, Box::new(either)));
    }
    if let Some(prefix) = &q.source {
        let term = Term::from_field_text(f.source, prefix);
        filters.push((Occur::Must, Box::new(FuzzyTermQuery::new_prefix(term, 0, false))));
    }
    let query: Box<dyn Query> = Box::new(BooleanQuery::new(filters));
    if let Some(phrase) = lone {
        let clauses: Vec<PhraseClause> = [(f.title, TITLE_BOOST), (f.body, 1.0)]
            .into_iter()
            .map(|(field, boost)| PhraseClause { terms: phrase_terms(index, field, &phrase), boost })
            .collect();
        if clauses.iter().all(|c| c.terms.len() >= 2) {
            return Ok((Box::new(TopPhrase { clauses, plain: query }), text_query));
        }
    }
    Ok((query, text_query))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_a_lone_phrase_without_filters_is_pruned() {
        let lone = |text: &str, q: &SearchQuery| {
            let (plain, special) = split_special(text);
            lone_phrase(q, &plain, &special).map(str::to_string)
        };
        let plain = SearchQuery::text("");
        assert_eq!(lone(" \"the plan would\" ", &plain), Some("the plan would".into()));
        assert_eq!(lone("\"the plan\" would", &plain), None);
        assert_eq!(lone("\"the plan\" \"would\"", &plain), None);
        assert_eq!(lone("\"the plan\" minist*", &plain), None);
        assert_eq!(lone("the plan", &plain), None);
        let filtered = SearchQuery { from: Some("2018-01-01".into()), ..SearchQuery::text("") };
        assert_eq!(lone("\"the plan\"", &filtered), None);
    }

    #[test]
    fn prefix_and_fuzzy_terms_are_split_off() {
        let (rest, special) = split_special("\"leaked letter\" minist* Achebe~ -secret Vargo~2 title:x");
        assert_eq!(rest, "\"leaked letter\" -secret title:x");
        assert_eq!(
            special,
            [
                ("minist".to_string(), Special::Prefix),
                ("Achebe".into(), Special::Fuzzy(1)),
                ("Vargo".into(), Special::Fuzzy(2))
            ]
        );
        let (rest, special) = split_special("\"a phrase* inside\" b");
        assert_eq!(rest, "\"a phrase* inside\" b");
        assert!(special.is_empty());
    }
}
