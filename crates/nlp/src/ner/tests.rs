use super::decode::{Scratch, allowed, viterbi};
use super::features::{Atoms, Extractor, FeatureSet};
use super::lexicon::{Lexicons, build_ext, build_gazetteer, ext};
use super::*;
use crate::segment::{split_sentences, tokenize};

fn names(text: &str, tagger: &NerTagger) -> Vec<(String, EntityType)> {
    let toks = tokenize(text);
    let sents = split_sentences(text, &toks);
    tagger.tag(text, &toks, &sents).into_iter().map(|(s, t)| (s.of(text).to_string(), t)).collect()
}

/// The tagger of the committed model, or `None` (with a message) when the file is a placeholder.
fn embedded_tagger() -> Option<NerTagger> {
    let Ok(model) = Model::from_bytes(include_bytes!("../../models/ner.bin")) else {
        println!("skipped: crates/nlp/models/ner.bin is not a trained model");
        return None;
    };
    Some(NerTagger::new(model))
}

#[test]
fn decoder_never_continues_a_name_it_did_not_begin() {
    // emissions that favour I-PER everywhere, and I-ORG in the middle
    let n = 5;
    let mut em = vec![0.0f32; n * NL];
    for i in 0..n {
        em[i * NL + label(0, INSIDE) as usize] = 10.0;
        em[i * NL + label(1, INSIDE) as usize] = if i == 2 { 30.0 } else { 0.0 };
    }
    let zero = vec![0.0f32; NL * NL];
    let z = vec![0.0f32; NL];
    let mut out = Vec::new();
    viterbi(&em, &zero, &z, &z, None, &mut out, &mut Scratch::default());
    assert_eq!(out.len(), n);
    for i in 0..n {
        let prev = if i == 0 { None } else { Some(out[i - 1]) };
        assert!(allowed(prev, out[i]), "label {} after {:?} in {out:?}", out[i], prev);
    }
    assert!(!matches!(label_part(out[n - 1]), Some(BEGIN | INSIDE)), "the sentence closes inside a name: {out:?}");
    // a mask limits the labels
    let mask = vec![1u32; n];
    viterbi(&em, &zero, &z, &z, Some(&mask), &mut out, &mut Scratch::default());
    assert!(out.iter().all(|&l| l == 0));
    let (b, i, l, u) = (label(0, BEGIN), label(0, INSIDE), label(0, LAST), label(0, UNIT));
    assert!(!allowed(None, i) && !allowed(None, l) && allowed(None, b) && allowed(None, u));
    assert!(allowed(Some(b), i) && allowed(Some(i), l) && allowed(Some(b), l));
    assert!(!allowed(Some(b), 0) && !allowed(Some(b), u) && !allowed(Some(i), label(1, LAST)));
    assert!(!allowed(Some(l), i) && !allowed(Some(u), l) && allowed(Some(l), b) && allowed(Some(u), 0));
}

#[test]
fn a_sentence_of_one_strong_name_token_gets_a_unit_label() {
    // B-PER is the best label of the last token, but a name cannot stay open at the end
    let mut em = vec![0.0f32; NL];
    em[label(0, BEGIN) as usize] = 5.0;
    em[label(0, UNIT) as usize] = 4.0;
    let zero = vec![0.0f32; NL * NL];
    let z = vec![0.0f32; NL];
    let mut out = Vec::new();
    viterbi(&em, &zero, &z, &z, None, &mut out, &mut Scratch::default());
    assert_eq!(out, [label(0, UNIT)]);
}

#[test]
fn decoder_finds_the_best_allowed_sequence() {
    // against every sequence of 3 labels, on pseudo-random scores
    let mut rng = crate::test_rng::Rng(12345);
    let mut next = || (rng.next() % 2000) as f32 / 100.0 - 10.0;
    for _ in 0..20 {
        let n = 3;
        let em: Vec<f32> = (0..n * NL).map(|_| next()).collect();
        let trans: Vec<f32> = (0..NL * NL).map(|_| next()).collect();
        let start: Vec<f32> = (0..NL).map(|_| next()).collect();
        let end: Vec<f32> = (0..NL).map(|_| next()).collect();
        let mut out = Vec::new();
        viterbi(&em, &trans, &start, &end, None, &mut out, &mut Scratch::default());
        let score = |s: &[u8]| {
            let mut v = start[s[0] as usize] + end[s[n - 1] as usize];
            for i in 0..n {
                v += em[i * NL + s[i] as usize];
                if i > 0 {
                    v += trans[s[i - 1] as usize * NL + s[i] as usize];
                }
            }
            v
        };
        let mut best = (f32::NEG_INFINITY, vec![]);
        for code in 0..NL.pow(3) {
            let s = [(code / (NL * NL)) as u8, (code / NL % NL) as u8, (code % NL) as u8];
            let valid = allowed(None, s[0])
                && allowed(Some(s[0]), s[1])
                && allowed(Some(s[1]), s[2])
                && !matches!(label_part(s[2]), Some(BEGIN | INSIDE));
            if valid && score(&s) > best.0 {
                best = (score(&s), s.to_vec());
            }
        }
        assert_eq!(out, best.1);
    }
}

#[test]
fn spans_follow_bilou() {
    let per = |part| label(0, part);
    let loc = |part| label(2, part);
    let labels = [per(BEGIN), per(LAST), per(UNIT), 0, loc(BEGIN), loc(INSIDE), loc(LAST), loc(UNIT)];
    assert_eq!(spans_of(&labels)[..], [(0, 2, 0), (2, 3, 0), (4, 7, 2), (7, 8, 2)]);
}

/// The names of a label sequence as the plain scan lists them: the reference for the faster
/// [`spans_of`] (eight empty labels skipped at a time, kept inline up to four names) and for
/// `name_from`, which finds one name without listing them all.
fn spans_by_plain_scan(labels: &[u8]) -> Vec<(usize, usize, u8)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < labels.len() {
        match label_type(labels[i]) {
            Some(t) => {
                let mut j = i + 1;
                while j < labels.len() && !is_begin(labels[j]) && label_type(labels[j]) == Some(t) {
                    j += 1;
                }
                out.push((i, j, t));
                i = j;
            }
            None => i += 1,
        }
    }
    out
}

#[test]
fn spans_and_the_name_from_a_token_match_the_plain_scan() {
    // (random sequences, mostly empty labels as in text, some long enough to skip eight at a
    // time and to hold more than four names; also label sequences the decoder never gives, an
    // inside label with no beginning)
    let mut seed = 0x9e37_79b9_7f4a_7c15_u64;
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    for _ in 0..3000 {
        let n = (next() % 40) as usize;
        let labels: Vec<u8> = (0..n).map(|_| if next() % 3 == 0 { (next() % NL as u64) as u8 } else { 0 }).collect();
        let want = spans_by_plain_scan(&labels);
        assert_eq!(spans_of(&labels)[..], want[..], "{labels:?}");
        for i in 0..=n {
            let from = want.iter().find(|&&(s, _, _)| s == i).copied();
            assert_eq!(name_from(&labels, i), from, "{labels:?} at {i}");
        }
    }
}

#[test]
fn kept_names_of_a_sentence_follow_every_change_of_its_labels() {
    // (the rules change a label in place: same length, other content, or back to what it was)
    let mut labels = vec![0u8; 12];
    let mut cache = SpanCache::default();
    assert!(cache.spans(&labels).is_empty());
    let changes = [(3, label(PER, UNIT)), (4, label(LOC, UNIT)), (3, 0), (4, 0), (4, label(LOC, UNIT))];
    for (k, l) in changes {
        labels[k] = l;
        assert_eq!(cache.spans(&labels), &spans_by_plain_scan(&labels)[..], "{labels:?}");
        assert_eq!(cache.spans(&labels), &spans_of(&labels)[..]);
    }
    assert_eq!(cache.spans(&labels[..4]), &[] as &[(usize, usize, u8)]);
}

#[test]
fn lowercase_lookup_matches_lowercasing_the_word() {
    const LIST: &[&str] = &["début", "the", "i\u{307}stanbul", "of"];
    for w in ["THE", "The", "the", "th", "Début", "DÉBUT", "İstanbul", "OF", "Of", "ofs", "", "début"] {
        assert_eq!(lower_in(LIST, w), LIST.contains(&w.to_lowercase().as_str()), "{w}");
    }
    assert!(lower_in(LIST, "DÉBUT") && lower_in(LIST, "İstanbul") && !lower_in(LIST, "th"));
}

#[test]
fn training_labels_mark_the_parts_of_each_name() {
    let toks = [(0, 4), (5, 9), (10, 14), (15, 19), (20, 24), (25, 29)];
    let ents = [corpus::Ent { start: 5, end: 9, ty: 1 }, corpus::Ent { start: 10, end: 24, ty: 2 }];
    let want = [0, label(1, UNIT), label(2, BEGIN), label(2, INSIDE), label(2, LAST), 0];
    assert_eq!(train::project(&toks, &ents), want);
    assert_eq!(spans_of(&want)[..], [(1, 2, 1), (2, 5, 2)]);
}

fn tiny_ext() -> lexicon::HashIndex {
    let h = features::hash_lower;
    build_ext([
        (&[h("new"), h("york")][..], ext::CITY1),
        (&[h("paris")][..], ext::CITY1 | ext::FIRST_F),
        (&[h("secretary")][..], ext::ROLE),
    ])
}

fn tiny_model() -> Model {
    let lex = Lexicons {
        gazetteer: build_gazetteer([(&[features::hash_lower("paris")][..], 2u8)]),
        ext: tiny_ext(),
        vectors: lexicon::HashIndex::with_entries(&[(
            lexicon::ext_key(features::hash_lower("paris")),
            features::vclass::pack(8, 1, 3),
        )]),
        ..Default::default()
    };
    let bits = 10;
    let w: Vec<f32> = (0..(1usize << bits) * NL).map(|i| ((i * 7919) % 13) as f32 - 6.0).collect();
    let t: Vec<f32> = (0..NL * NL).map(|i| (i % 5) as f32 - 2.0).collect();
    let se = vec![0.5f32; NL];
    Model::quantize(bits, FeatureSet::DEFAULT, &w, &t, &se, &se, lex, 0.0)
}

#[test]
fn model_round_trips_through_bytes() {
    let m = tiny_model();
    let bytes = m.to_bytes();
    let back = Model::from_bytes(&bytes).unwrap();
    assert_eq!(back, m);
    assert_eq!(back.to_bytes(), bytes);
    assert!(Model::from_bytes(&bytes[..bytes.len() - 1]).is_err());
    assert!(Model::from_bytes(b"nope").is_err());
    // a file of the BIO versions (1-3) has other columns: refused with a clear message
    let mut old = bytes.clone();
    old[4..8].copy_from_slice(&3u32.to_le_bytes());
    assert!(Model::from_bytes(&old).unwrap_err().contains("retrain"));
}

#[test]
fn features_are_deterministic_and_case_aware() {
    let lex = Lexicons::default();
    let a = Atoms::of("El-Sheikh", &lex);
    assert_eq!(a, Atoms::of("El-Sheikh", &lex));
    let b = Atoms::of("EL-SHEIKH", &lex);
    assert_eq!(a.lower, b.lower, "lowercase form is shared");
    assert_ne!(a.word, b.word);
    assert_ne!(a.shape, b.shape);
    let run = || {
        let mut x = Extractor::default();
        x.set_tokens(["Ms", "Ann", "Lee", "visited", "Paris", "."], &lex, FeatureSet::DEFAULT);
        x.extract(16, FeatureSet::DEFAULT);
        (x.rows.clone(), x.starts.clone())
    };
    let (r1, s1) = run();
    assert_eq!((r1.clone(), s1.clone()), run());
    assert_eq!(s1.len(), 7);
    assert!(r1.iter().all(|&r| r < 1 << 16));
}

#[test]
fn cached_atoms_are_the_atoms_of_the_word() {
    // more words than the cache has slots, so words meet in a slot; words that share their first
    // eight or sixteen bytes; words too long to keep; letters past ASCII; and the names of the
    // lexicons, in several cases, so the cached lookups are tested with the marks they make
    let mut words: Vec<String> = (0..10_000).map(|i| format!("Secretary-{i}")).collect();
    words.extend((0..2_000).map(|i| format!("lexicon-entries-{i:05}")));
    words.extend((0..500).map(|i| format!("a-word-longer-than-any-slot-{i}")));
    words.extend(
        ["Secretary", "New", "NEW", "York", "paris", "PARIS", "Paris", "Zoë", "ZOË", "正", "new"].map(String::from),
    );
    let tiny = tiny_model().lex;
    let plain = Lexicons::default();
    let mut cache = features::AtomCache::default();
    let (mut cached, mut fresh) = (Extractor::default(), Extractor::default());
    for (owner, lex) in [(1, &tiny), (2, &plain), (1, &tiny)] {
        // a tagger's cache is emptied for another's lexicons
        cache.keep_for(owner);
        for round in 0..2 {
            for (k, sentence) in words.chunks(7).enumerate() {
                // the lexicons' names again in the middle of each sentence, so multi-word ones are marked
                let mut toks: Vec<&str> = sentence.iter().map(String::as_str).collect();
                toks.splice(3.min(toks.len())..3.min(toks.len()), ["new", "York", "to", "Paris"]);
                cached.set_tokens_cached(toks.iter().copied(), lex, FeatureSet::DEFAULT, &mut cache);
                fresh.set_tokens(toks.iter().copied(), lex, FeatureSet::DEFAULT);
                assert_eq!(cached.atoms, fresh.atoms, "owner {owner}, round {round}, sentence {k}: {toks:?}");
            }
        }
    }
}

#[test]
fn second_pass_rows_listed_at_once_are_each_tokens_document_label_rows() {
    let lex = tiny_model().lex;
    let mut x = Extractor::default();
    x.set_tokens(["Ms", "Kral", "met", "Kral", "in", "Paris", ",", "new", "York", "."], &lex, FeatureSet::DEFAULT);
    // what the first pass said elsewhere: nothing for some tokens, so their lists are empty
    for (i, a) in x.atoms.iter_mut().enumerate() {
        a.dlab = [0, 3, 1, 0, 0, 7, 0, 2, 5, 0][i];
    }
    let (mut rows, mut starts) = (Vec::new(), Vec::new());
    features::doc_rows(&x.atoms, 16, &mut rows, &mut starts);
    assert_eq!(starts.len(), x.atoms.len() + 1);
    // training extracts them with each token's other rows, last
    x.extract(16, FeatureSet::DEFAULT);
    for (i, a) in x.atoms.iter().enumerate() {
        let own = &rows[starts[i] as usize..starts[i + 1] as usize];
        assert_eq!(own.is_empty(), a.dlab == 0, "token {i}");
        let all = &x.rows[x.starts[i] as usize..x.starts[i + 1] as usize];
        assert!(all.ends_with(own), "token {i}: {own:?} not at the end of {all:?}");
    }
}

#[test]
fn gazetteer_marks_known_names_in_any_case() {
    let lex =
        Lexicons { gazetteer: build_gazetteer([(&[features::hash_lower("paris")][..], 2u8)]), ..Default::default() };
    let mut x = Extractor::default();
    x.set_tokens(["in", "PARIS", "today"], &lex, FeatureSet::DEFAULT);
    assert_eq!(x.atoms[1].gaz & (1 << 4), 1 << 4);
    assert_eq!(x.atoms[0].gaz, 0);
}

/// A temporary data folder with an invented CoNLL-style corpus.
fn invented_corpus() -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("dossier-ner-test-{}", std::process::id()));
    let conll = dir.join("conll2003-en");
    std::fs::create_dir_all(&conll).unwrap();
    let firsts = ["Anna", "Boris", "Carla", "Dmitri", "Elena", "Farid", "Greta", "Hugo"];
    let lasts = ["Varga", "Olsen", "Moreau", "Petrov", "Kowal", "Haddad", "Lind", "Brandt"];
    let towns = ["Arlen", "Brixby", "Corvale", "Dunmore", "Eastwick", "Fenwick", "Glenby", "Harlow"];
    let mut train = String::new();
    for i in 0..64 {
        let (f, l, t) = (firsts[i % 8], lasts[(i * 3) % 8], towns[(i * 5) % 8]);
        train.push_str(&format!(
            "Yesterday O O O\n{f} O O B-PER\n{l} O O I-PER\nflew O O O\nto O O O\n{t} O O B-LOC\n. O O O\n\n"
        ));
        train.push_str(&format!(
            "The O O O\nmayor O O O\nof O O O\n{t} O O B-LOC\nmet O O O\n{f} O O B-PER\n. O O O\n\n"
        ));
    }
    std::fs::write(conll.join("eng.train"), &train).unwrap();
    std::fs::write(conll.join("eng.testa"), &train[..train.len() / 4]).unwrap();
    dir
}

#[test]
fn learns_a_repeated_pattern() {
    let dir = invented_corpus();
    let mut opts = TrainOptions::new(&dir);
    // the cache, and the word-vector classes that would sit in it, are the test's own
    opts.set_cache_dir(dir.join("cache"));
    opts.epochs = 5;
    let mut lines = Vec::new();
    let model = train(&opts, &mut |s| lines.push(s.to_string())).unwrap();
    assert!(lines.iter().any(|l| l.contains("dev conll")), "{lines:?}");
    assert!(lines.iter().any(|l| l.starts_with("no word-vector classes at")), "{lines:?}");
    assert!(!model.features.has(FeatureSet::VECTORS));
    let tagger = NerTagger::new(Model::from_bytes(&model.to_bytes()).unwrap());
    let found = names("Yesterday Greta Moreau flew to Dunmore.", &tagger);
    assert_eq!(found, [("Greta Moreau".to_string(), EntityType::Person), ("Dunmore".to_string(), EntityType::Loc)]);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn embedded_model_finds_people_and_places() {
    let Some(tagger) = embedded_tagger() else { return };
    let text = "Home Secretary Sajid Javid told MPs in London on Monday that the Home Office would act.";
    let found = names(text, &tagger);
    assert!(found.contains(&("Sajid Javid".to_string(), EntityType::Person)), "{found:?}");
    assert!(found.contains(&("London".to_string(), EntityType::Loc)), "{found:?}");
    // the component: mentions in text order, names only
    let mut doc = Doc::new("d", "Mr Javid met Britain's ambassador in Paris.\n\nMARTA OLSEN FLIES TO BERLIN");
    crate::Segmenter.process(&mut doc);
    tagger.process(&mut doc);
    let got: Vec<(&str, EntityType)> = doc.mentions.iter().map(|m| (m.span.of(&doc.text), m.ty)).collect();
    assert!(got.contains(&("Britain", EntityType::Loc)), "{got:?}");
    assert!(got.contains(&("Paris", EntityType::Loc)), "{got:?}");
    assert!(doc.mentions.windows(2).all(|w| w[0].span.start <= w[1].span.start));
    assert!(doc.mentions.iter().all(|m| m.kind == MentionKind::Name && m.entity.is_none()));
}

#[test]
fn embedded_model_digest_is_that_of_its_canonical_bytes() {
    let Ok(model) = Model::from_bytes(include_bytes!("../../models/ner.bin")) else {
        println!("skipped: crates/nlp/models/ner.bin is not a trained model");
        return;
    };
    // `embedded` hashes the stored bytes instead of writing the model out again
    assert_eq!(NerTagger::embedded().digest(), NerTagger::new(model).digest());
}

#[test]
fn tagging_odd_input_does_not_panic() {
    let Some(tagger) = embedded_tagger() else { return };
    let long = "Ann Lee left Paris. ".repeat(15_000); // tagged in pieces
    for text in ["", " ", "\u{2029}", "a", "ÉÉÉ ßß 北京 😀 -- ''", &"Word ".repeat(5000), &long] {
        let mut doc = Doc::new("d", text);
        crate::Segmenter.process(&mut doc);
        tagger.process(&mut doc);
        for m in &doc.mentions {
            assert!(
                text.is_char_boundary(m.span.start) && text.is_char_boundary(m.span.end) && m.span.end <= text.len()
            );
        }
    }
}

#[test]
fn reads_the_shared_corpora_when_present() {
    let data = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data");
    if !data.join("conll2003-en/eng.train").exists() {
        println!("skipped: {} not found", data.display());
        return;
    }
    let corpora = train::load_corpora(&data, &mut |_| {}).unwrap();
    let conll = &corpora[0];
    assert_eq!(conll.name, "conll");
    let sents: usize = conll.train.iter().map(|d| d.sentences.len()).sum();
    assert!(sents > 14_000, "{sents}");
    for c in &corpora {
        for d in c.train.iter().chain(&c.dev) {
            for s in &d.sentences {
                for e in &s.ents {
                    assert!(e.start < e.end && (e.end as usize) <= s.text.len(), "{} {}", c.name, d.id);
                    assert!(s.text.is_char_boundary(e.start as usize) && s.text.is_char_boundary(e.end as usize));
                }
            }
        }
    }
}

#[test]
fn external_lexicon_marks_single_and_multi_word_entries() {
    let lex = Lexicons { ext: tiny_ext(), ..Default::default() };
    let mut x = Extractor::default();
    x.set_tokens(["Secretary", "flew", "from", "NEW", "York", "to", "paris", "new"], &lex, FeatureSet::DEFAULT);
    let e: Vec<u32> = x.atoms.iter().map(|a| a.ext).collect();
    assert_eq!(e[0], ext::ROLE);
    assert_eq!((e[1], e[2]), (0, 0));
    assert_eq!(e[3], ext::CITY1, "begins New York");
    assert_eq!(e[4], ext::CITY1 << 16, "inside New York");
    assert_eq!(e[6], ext::CITY1 | ext::FIRST_F);
    assert_eq!(e[7], 0, "a prefix alone is no entry");
    // without the feature group nothing is marked
    x.set_tokens(["paris"], &lex, FeatureSet(FeatureSet::DEFAULT.0 & !FeatureSet::EXT));
    assert_eq!(x.atoms[0].ext, 0);
}

#[test]
fn addresses_and_file_names_are_never_names() {
    let lex = Lexicons::default();
    let webby = |s: &str| Atoms::of(s, &lex).flags & features::flag::WEBBY != 0;
    for s in ["ann.lee@example.org", "www.example.com", "https://example.com/a", "Report_2001", "Stocks.PDF", "cv.docx"]
    {
        assert!(webby(s), "{s}");
    }
    for s in ["Amazon.com", "U.S.", "Inc.", "El-Sheikh", "AT&T", "@", "St."] {
        assert!(!webby(s), "{s}");
    }
}

#[test]
fn abbreviations_in_capitals_are_never_one_word_names() {
    // a model whose every row votes for a one-word organisation
    let bits = 10;
    let mut w = vec![0f32; (1usize << bits) * NL];
    for row in w.chunks_mut(NL) {
        row[label(1, UNIT) as usize] = 1.0;
    }
    let zeros = vec![0f32; NL];
    let abbreviations: Vec<Vec<u64>> = lexicon::ABBREVIATIONS
        .iter()
        .map(|a| tokenize(a).iter().map(|t| features::hash_lower(t.span.of(a))).collect())
        .collect();
    let lex =
        Lexicons { ext: build_ext(abbreviations.iter().map(|t| (t.as_slice(), ext::ABBR))), ..Default::default() };
    let model = Model::quantize(bits, FeatureSet::DEFAULT, &w, &vec![0f32; NL * NL], &zeros, &zeros, lex, 0.0);
    let tagger = NerTagger::new(model);
    let found = names("FYI ACME hired a CEO ASAP and Ms Ok.", &tagger);
    let found: Vec<&str> = found.iter().map(|(n, _)| n.as_str()).collect();
    for abbreviation in ["FYI", "CEO", "ASAP"] {
        assert!(!found.contains(&abbreviation), "{abbreviation} in {found:?}");
    }
    // other capitals, and a listed word not in capitals, stay free
    for name in ["ACME", "Ok"] {
        assert!(found.contains(&name), "{name} not in {found:?}");
    }
}

#[test]
fn lowercase_and_capital_sentences_say_nothing_about_case() {
    let lex = Lexicons::default();
    let mut x = Extractor::default();
    let mut doc = features::DocStats::default();
    let paris = features::hash_lower("paris");
    x.set_tokens(["we", "saw", "paris", "today"], &lex, FeatureSet::DEFAULT);
    doc.add_sentence(&x.atoms);
    x.set_tokens(["WE", "SAW", "PARIS", "TODAY"], &lex, FeatureSet::DEFAULT);
    doc.add_sentence(&x.atoms);
    assert_eq!(doc.get(paris), 4, "nothing known");
    x.set_tokens(["We", "saw", "Paris", "today"], &lex, FeatureSet::DEFAULT);
    doc.add_sentence(&x.atoms);
    assert_eq!(doc.get(paris), 4 | 1, "capitalized inside a sentence");
}

#[test]
fn a_currency_sign_apart_from_the_word_before_is_no_name() {
    let Some(tagger) = embedded_tagger() else { return };
    // the model reads "A $" as CoNLL's Australian dollar "A$"
    for text in ["A $2.5bn deal was signed.", "A £40m bid failed.", "The firm paid A $3m fine."] {
        let found = names(text, &tagger);
        assert!(found.iter().all(|(n, _)| !n.contains(['$', '£']) && n != "A"), "{text}: {found:?}");
    }
}

#[test]
fn streets_are_places_with_their_ordinals() {
    let Some(tagger) = embedded_tagger() else { return };
    let text = "The shop on 5th Ave closed. The theatre on 42nd Street reopened. \
                The office at 1600 Pennsylvania Avenue was empty. They marched down Fifth Avenue.";
    let found = names(text, &tagger);
    for street in ["5th Ave", "42nd Street", "Pennsylvania Avenue", "Fifth Avenue"] {
        assert!(found.iter().any(|(n, t)| n == street && *t == EntityType::Loc), "{street}: {found:?}");
    }
}

#[test]
fn where_a_person_lives_after_their_age_is_a_place() {
    let Some(tagger) = embedded_tagger() else { return };
    let text = "Dale Fenwick, 38, of Mill Lane, Ardenport, admitted conspiracy to import drugs.";
    let found = names(text, &tagger);
    for place in ["Mill Lane", "Ardenport"] {
        assert!(found.iter().any(|(n, t)| n == place && *t == EntityType::Loc), "{place}: {found:?}");
    }
    assert!(found.iter().any(|(n, t)| n == "Dale Fenwick" && *t == EntityType::Person), "{found:?}");
}

#[test]
fn a_lone_initial_is_no_name() {
    let Some(tagger) = embedded_tagger() else { return };
    // a hearing's questions and answers
    let text = "Q. Were the tugs ready?\nA. They were. We had two crews on standby.\nQ. Who led them?\nA. The crews were led by J. Halloran.";
    let found = names(text, &tagger);
    assert!(found.iter().all(|(n, _)| n.chars().count() > 2), "{found:?}");
    assert!(found.iter().any(|(n, t)| n == "J. Halloran" && *t == EntityType::Person), "{found:?}");
}

#[test]
fn letters_after_a_persons_name_are_no_part_of_it() {
    let Some(tagger) = embedded_tagger() else { return };
    for text in ["Her lawyer, Naomi Fairweather KC, said she would appeal.", "Jess Phillips MP spoke first."] {
        let found = names(text, &tagger);
        assert!(found.iter().all(|(n, _)| !n.ends_with("KC") && !n.ends_with("MP")), "{text}: {found:?}");
        assert!(found.iter().any(|(_, t)| *t == EntityType::Person), "{text}: {found:?}");
    }
}

#[test]
fn title_case_is_a_headline_with_capitalized_grammar() {
    let case = |text: &str| title_case(&tokenize(text).iter().map(|t| t.span.of(text)).collect::<Vec<_>>());
    assert!(case("Washington Post Assembles 'A Sizable Army' Of Reporters To Take Down Trump"));
    assert!(case("Obama Power Plant Rules Face Key Test In U.S. Court."));
    assert!(case("Senator Ines Harrow Says She Will Not Back The Coastal Bill"));
    // small words may stay in lowercase
    assert!(case("Clinton Looks for Pace to Quicken After a Big Loss At Home"));
    assert!(case("Colin van Ostern Wins The Race In Concord"));
    // a lowercase word of content, too few capitals, no capitalized word of grammar
    assert!(!case("Mayor Dale Fenwick vows To Rebuild The Mill"));
    assert!(!case("Back To The Mill"));
    assert!(!case("F-105 Thunderchief, 1962 -- 1964; F-4 Phantom II, 1964 -- 1965"));
    // a given name ("Will") or an initial ("A.") is no word of grammar
    assert!(!case("Attendees: Phil Noble, Scott Farmer, Will Folks, Tony Denny."));
    assert!(!case("Delegates: Colin Van Ostern, Deb Vanderbeek, Le Frye, Mike Vlacich"));
    assert!(!case("Regards, Kevin A. Boone Accenture Houston Consultant"));
}

#[test]
fn embedded_model_reads_a_title_case_headline_as_one_in_capitals() {
    let Some(tagger) = embedded_tagger() else { return };
    let text = "Mayor Dale Fenwick Vows To Rebuild The Old Mill In Ardenport.\n\nThe mayor of Ardenport, Dale \
                Fenwick, said on Monday that the mill would reopen.";
    let found = names(text, &tagger);
    assert!(found.contains(&("Dale Fenwick".to_string(), EntityType::Person)), "{found:?}");
    // the headline's verbs and nouns are no names
    assert!(found.iter().all(|(n, _)| !n.contains("Rebuild") && !n.contains("Vows")), "{found:?}");
}

#[test]
fn embedded_model_handles_case_titles_possessives_and_particles() {
    let Some(tagger) = embedded_tagger() else { return };
    use EntityType::{Loc, Org, Person};
    let cases: &[(&str, &[(&str, EntityType)])] = &[
        ("MINISTER SAYS HOME OFFICE WILL ACT ON VISAS", &[("HOME OFFICE", Org)]),
        (
            "The Home Office and the Foreign Office issued a joint statement.",
            &[("Home Office", Org), ("Foreign Office", Org)],
        ),
        (
            "Juan Carlos de la Cruz met Vincent van Gogh's heirs in Amsterdam.",
            &[("Juan Carlos de la Cruz", Person), ("Vincent van Gogh", Person), ("Amsterdam", Loc)],
        ),
        (
            "Egypt's President Abdel Fattah el-Sisi hosted the talks in Sharm el-Sheikh.",
            &[("Egypt", Loc), ("Abdel Fattah el-Sisi", Person), ("Sharm el-Sheikh", Loc)],
        ),
        ("Ahmed El-Sheikh works for the World Health Organization in Geneva.", &[("Ahmed El-Sheikh", Person)]),
        ("Abu Bakr al-Baghdadi and Ayman al-Zawahiri were named.", &[("Ayman al-Zawahiri", Person)]),
        // above its story, a headline's names are read with the story's help
        (
            "FRENCH PRESIDENT EMMANUEL MACRON MEETS TRUMP IN WASHINGTON\n\nFrench President Emmanuel Macron met \
             Donald Trump at the White House on Monday.",
            &[("EMMANUEL MACRON", Person), ("Emmanuel Macron", Person), ("WASHINGTON", Loc)],
        ),
    ];
    for (text, want) in cases {
        let found = names(text, &tagger);
        for (name, ty) in *want {
            assert!(found.contains(&(name.to_string(), *ty)), "{text}: {found:?}");
        }
    }
    // standalone headlines, a title before the name: models have missed one or two of these
    // (session 17's "RECEP TAYYIP" of "RECEP TAYYIP ERDOGAN"; session 18's "MACRON" of "EMMANUEL
    // MACRON", which its 2014 word vectors know only as a typographic mark; session 19's found
    // all 16), so the test asks for 14 of 16
    let headlines = [
        ("FRENCH PRESIDENT EMMANUEL MACRON MEETS TRUMP IN WASHINGTON", "EMMANUEL MACRON"),
        ("HOME SECRETARY SAJID JAVID SAYS HOME OFFICE WILL ACT", "SAJID JAVID"),
        ("CHANCELLOR PHILIP HAMMOND UNVEILS BUDGET", "PHILIP HAMMOND"),
        ("FOREIGN SECRETARY BORIS JOHNSON RESIGNS", "BORIS JOHNSON"),
        ("SENATOR ELIZABETH WARREN LAUNCHES BID", "ELIZABETH WARREN"),
        ("JUDGE RULES AGAINST GOVERNOR ANDREW CUOMO", "ANDREW CUOMO"),
        ("POLICE NAME SUSPECT AS KHALID MASOOD", "KHALID MASOOD"),
        ("PRIME MINISTER JUSTIN TRUDEAU VISITS OTTAWA HOSPITAL", "JUSTIN TRUDEAU"),
        ("MAYOR SADIQ KHAN CRITICISES TRANSPORT PLAN", "SADIQ KHAN"),
        ("CEO SATYA NADELLA SAYS MICROSOFT WILL HIRE", "SATYA NADELLA"),
        ("ANGELA MERKEL AND EMMANUEL MACRON MEET IN BERLIN", "ANGELA MERKEL"),
        ("MINISTER PRITI PATEL DEFENDS POLICY", "PRITI PATEL"),
        ("GENERAL QASEM SOLEIMANI KILLED IN BAGHDAD STRIKE", "QASEM SOLEIMANI"),
        ("DEFENCE SECRETARY GAVIN WILLIAMSON SACKED", "GAVIN WILLIAMSON"),
        ("PRESIDENT RECEP TAYYIP ERDOGAN WARNS EU", "RECEP TAYYIP ERDOGAN"),
        ("ACTOR KEVIN SPACEY CHARGED IN LONDON", "KEVIN SPACEY"),
    ];
    let hits = headlines.iter().filter(|(text, who)| names(text, &tagger).contains(&(who.to_string(), Person))).count();
    assert!(hits >= 14, "{hits} of {} headline persons found", headlines.len());
    // all-lowercase sentences: each model misses a few of these names, not always the same
    // ones (session 28's model missed "theresa may", read as "theresa", and "apple": 20 of
    // 22; session 29's, trained with a margin, also "home office" and "downing street": 18;
    // the lowercased CoNLL tuning part, thousands of names, is the measure: model card), so the
    // test asks for 18 of 22
    let lower: [(&str, &[(&str, EntityType)]); 8] = [
        (
            "home secretary sajid javid said the home office would act in london.",
            &[("sajid javid", Person), ("home office", Org), ("london", Loc)],
        ),
        (
            "angela merkel met emmanuel macron in berlin on tuesday.",
            &[("angela merkel", Person), ("emmanuel macron", Person), ("berlin", Loc)],
        ),
        (
            "the united nations said aid had reached gaza and the west bank.",
            &[("united nations", Org), ("gaza", Loc), ("west bank", Loc)],
        ),
        (
            "microsoft and google opened new offices in dublin last year.",
            &[("microsoft", Org), ("google", Org), ("dublin", Loc)],
        ),
        (
            "prime minister theresa may spoke to the bbc in downing street.",
            &[("theresa may", Person), ("bbc", Org), ("downing street", Loc)],
        ),
        (
            "the european commission fined apple in brussels.",
            &[("european commission", Org), ("apple", Org), ("brussels", Loc)],
        ),
        ("police in manchester said john smith had been arrested.", &[("manchester", Loc), ("john smith", Person)]),
        ("the foreign office warned britons against travel to yemen.", &[("foreign office", Org), ("yemen", Loc)]),
    ];
    let (mut hits, mut all) = (0, 0);
    for (text, want) in &lower {
        let found = names(text, &tagger);
        all += want.len();
        hits += want.iter().filter(|(n, t)| found.contains(&(n.to_string(), *t))).count();
    }
    assert!(hits >= 18, "{hits} of {all} names in lowercase sentences found");
    // an office without a name is no person (re3d and GUM annotate "the Foreign Secretary" as one;
    // training leaves such annotations out)
    for text in [
        "The Home Secretary said the Home Office would act on visas.",
        "The Foreign Secretary said the Foreign Office would act.",
        "The Attorney General wrote to the Home Secretary.",
    ] {
        let found = names(text, &tagger);
        assert!(!found.iter().any(|(_, t)| *t == Person), "{text}: {found:?}");
    }
    // addresses and file names are never names
    let found = names("Send Report_2001.pdf to Ann.Lee@example.org today.", &tagger);
    assert!(found.iter().all(|(n, _)| !n.contains('@') && !n.contains(".pdf")), "{found:?}");
}

#[test]
fn pronouns_are_never_names_but_capital_abbreviations_are() {
    let tagger = NerTagger::embedded();
    // Quote openings the tagger has read as organisations; the generated corpus showed it.
    let text = "\u{201c}We have always said that the vote was postponed until next month,\u{201d} Clara Ivers of \
                the Bank of Veloria said. \u{201c}We have always said that talks would resume.\u{201d} \
                \"They will not stop us,\" she added. US officials said IT staff at Harwick Bank left.";
    let found = names(text, &tagger);
    for pronoun in ["We", "They", "us", "she"] {
        assert!(!found.iter().any(|(n, _)| n == pronoun), "{pronoun} in {found:?}");
    }
    assert!(found.iter().any(|(n, t)| n == "US" && *t == EntityType::Loc), "{found:?}");
    assert!(found.iter().any(|(n, _)| n == "Clara Ivers"), "{found:?}");
}

#[test]
fn a_name_begun_at_a_particle_takes_the_capitalized_word_before_it() {
    // "Osama" left out or called MISC, "bin Laden" a person
    let (b, i, l, u) = (label(0, BEGIN), label(0, INSIDE), label(0, LAST), label(0, UNIT));
    let misc = label(3, UNIT);
    let (b_loc, l_loc) = (label(2, BEGIN), label(2, LAST));
    let run = |toks: &[&str], mut labels: Vec<u8>| {
        join_particle_names(toks, &mut labels);
        spans_of(&labels).into_iter().map(|(i, j, _)| toks[i..j].join(" ")).collect::<Vec<_>>()
    };
    assert_eq!(run(&["Osama", "bin", "Laden", "died"], vec![0, b, l, 0]), ["Osama bin Laden"]);
    assert_eq!(run(&["Osama", "bin", "Laden", "died"], vec![misc, b, l, 0]), ["Osama bin Laden"]);
    assert_eq!(run(&["Vincent", "van", "Gogh"], vec![u, b, l]), ["Vincent van Gogh"]);
    assert_eq!(run(&["Osama", "bin", "said"], vec![0, u, 0]), ["Osama bin"]);
    // titles, function words, the end of a longer name and lowercase words stay out
    assert_eq!(run(&["President", "bin", "Salman"], vec![0, b, l]), ["bin Salman"]);
    assert_eq!(run(&["The", "bin", "Laden", "family"], vec![0, b, l, 0]), ["bin Laden"]);
    assert_eq!(run(&["New", "York", "de", "Blasio"], vec![b_loc, l_loc, b, l]), ["New York", "de Blasio"]);
    assert_eq!(run(&["said", "bin", "Laden"], vec![0, b, l]), ["bin Laden"]);
    // a capitalized particle left as a name of its own joins the person after it
    assert_eq!(run(&["El", "Shafee", "Elsheikh", "was"], vec![misc, b, l, 0]), ["El Shafee Elsheikh"]);
    // not before a place
    let loc_u = label(2, UNIT);
    assert_eq!(run(&["El", "Salvador", "and"], vec![misc, loc_u, 0]), ["El", "Salvador"]);
    // the labels stay a valid sequence
    let mut labels = vec![misc, b, i, l];
    join_particle_names(&["Osama", "bin", "Muhammad", "Laden"], &mut labels);
    assert_eq!(labels, [b, i, i, l]);
}

/// The names of a label sequence after [`join_names`], as text and type; the labels must stay
/// a sequence the decoder could give.
fn joined(toks: &[&str], mut labels: Vec<u8>) -> Vec<(String, u8)> {
    join_names(toks, &mut labels);
    for (i, &l) in labels.iter().enumerate() {
        let prev = if i == 0 { None } else { Some(labels[i - 1]) };
        assert!(allowed(prev, l), "label {l} after {prev:?} in {labels:?}");
    }
    if let Some(&last) = labels.last() {
        assert!(!matches!(label_part(last), Some(BEGIN | INSIDE)), "unfinished name in {labels:?}");
    }
    spans_of(&labels).into_iter().map(|(i, j, t)| (toks[i..j].join(" "), t)).collect()
}

fn names_of(found: &[(&str, u8)]) -> Vec<(String, u8)> {
    found.iter().map(|&(n, t)| (n.to_string(), t)).collect()
}

#[test]
fn a_military_unit_takes_its_country_and_number() {
    let (org_b, org_l, org_u) = (label(ORG, BEGIN), label(ORG, LAST), label(ORG, UNIT));
    let (misc, loc, per) = (label(MISC, UNIT), label(LOC, UNIT), label(PER, UNIT));
    let (loc_b, loc_l) = (label(LOC, BEGIN), label(LOC, LAST));
    let toks = ["the", "German", "Air", "Force", "and", "the", "65th", "Air", "Division"];
    let labels = vec![0, misc, org_b, org_l, 0, 0, 0, org_b, org_l];
    assert_eq!(joined(&toks, labels), names_of(&[("German Air Force", ORG), ("65th Air Division", ORG)]));
    let toks = ["US", "Marines", "and", "the", "Fourth", "Air", "Force"];
    let labels = vec![loc, org_u, 0, 0, 0, org_b, org_l];
    assert_eq!(joined(&toks, labels), names_of(&[("US Marines", ORG), ("Fourth Air Force", ORG)]));
    let toks = ["the", "United", "States", "Air", "Force"];
    assert_eq!(joined(&toks, vec![0, loc_b, loc_l, org_b, org_l]), names_of(&[("United States Air Force", ORG)]));
    // a bare number, a year, a lowercase ordinal, an airline, a person, a place of two words
    // before a unit of one, and a nationality that is no demonym stay apart
    assert_eq!(joined(&["sold", "30", "Army", "jets"], vec![0, 0, org_u, 0]), names_of(&[("Army", ORG)]));
    assert_eq!(joined(&["the", "2012", "Army", "report"], vec![0, 0, org_u, 0]), names_of(&[("Army", ORG)]));
    assert_eq!(joined(&["the", "first", "Army", "general"], vec![0, 0, org_u, 0]), names_of(&[("Army", ORG)]));
    let toks = ["the", "French", "Air", "France"];
    assert_eq!(joined(&toks, vec![0, misc, org_b, org_l]), names_of(&[("French", MISC), ("Air France", ORG)]));
    assert_eq!(joined(&["Kell", "Army"], vec![per, org_u]), names_of(&[("Kell", PER), ("Army", ORG)]));
    let toks = ["a", "Fort", "Hood", "Army", "psychiatrist"];
    assert_eq!(joined(&toks, vec![0, loc_b, loc_l, org_u, 0]), names_of(&[("Fort Hood", LOC), ("Army", ORG)]));
    assert_eq!(
        joined(&["a", "Muslim", "Army", "doctor"], vec![0, misc, org_u, 0]),
        names_of(&[("Muslim", MISC), ("Army", ORG)])
    );
    assert_eq!(
        joined(&["German", "Volkswagen"], vec![misc, org_u]),
        names_of(&[("German", MISC), ("Volkswagen", ORG)])
    );
    // the tokenizer keeps an ordinal whole
    assert_eq!(crate::segment::tokenize("the 65th Air Division").len(), 4);
    // a bare number before a unit, not before a service nor after a month
    let toks = ["Redesignated", "65", "Air", "Division", "on", "1", "May"];
    let labels = vec![0, 0, org_b, org_l, 0, 0, 0];
    assert_eq!(joined(&toks, labels), names_of(&[("65 Air Division", ORG)]));
    assert_eq!(
        joined(&["sent", "30", "Air", "Force", "jets"], vec![0, 0, org_b, org_l, 0]),
        names_of(&[("Air Force", ORG)])
    );
    let toks = ["on", "June", "3", "Air", "Division", "moved"];
    assert_eq!(joined(&toks, vec![0, 0, 0, org_b, org_l, 0]), names_of(&[("Air Division", ORG)]));
    let toks = ["at", "least", "5", "Air", "Division", "pilots"];
    assert_eq!(joined(&toks, vec![0, 0, 0, org_b, org_l, 0]), names_of(&[("Air Division", ORG)]));
}

#[test]
fn a_person_ending_with_a_word_for_a_place_is_that_place() {
    let (pb, pi, pl) = (label(PER, BEGIN), label(PER, INSIDE), label(PER, LAST));
    let toks = ["the", "Clarence", "Dock", "is", "a", "dock"];
    assert_eq!(joined(&toks, vec![0, pb, pl, 0, 0, 0]), names_of(&[("Clarence Dock", LOC)]));
    let toks = ["trained", "at", "Bobby", "Orvel", "Playfield"];
    assert_eq!(joined(&toks, vec![0, 0, pb, pi, pl]), names_of(&[("Bobby Orvel Playfield", LOC)]));
    // not without "the" or a preposition of place before it, nor before a possessive, nor a
    // word that ends persons' names too
    assert_eq!(joined(&["Wayne", "Bridge", "scored"], vec![pb, pl, 0]), names_of(&[("Wayne Bridge", PER)]));
    assert_eq!(joined(&["written", "by", "Kell", "Dock"], vec![0, 0, pb, pl]), names_of(&[("Kell Dock", PER)]));
    let toks = ["in", "Tom", "Bridge", "'s", "view"];
    assert_eq!(joined(&toks, vec![0, pb, pl, 0, 0]), names_of(&[("Tom Bridge", PER)]));
    assert_eq!(joined(&["at", "Michael", "Bay"], vec![0, pb, pl]), names_of(&[("Michael Bay", PER)]));
    let toks = ["the", "Kell", "Falls", "campaign"];
    assert_eq!(joined(&toks, vec![0, pb, pl, 0]), names_of(&[("Kell Falls", PER)]));
    // nor an organisation
    let (ob, ol) = (label(ORG, BEGIN), label(ORG, LAST));
    assert_eq!(joined(&["the", "Kell", "Bridge"], vec![0, ob, ol]), names_of(&[("Kell Bridge", ORG)]));
}

#[test]
fn a_place_and_a_plural_nickname_is_a_team() {
    let (lb, li, ll) = (label(LOC, BEGIN), label(LOC, INSIDE), label(LOC, LAST));
    let toks = ["the", "season", "for", "the", "Sacramento", "River", "Cats", "."];
    assert_eq!(joined(&toks, vec![0, 0, 0, 0, lb, li, ll, 0]), names_of(&[("Sacramento River Cats", ORG)]));
    let toks = ["a", "rookie", "with", "the", "St.", "Louis", "Eagles"];
    assert_eq!(joined(&toks, vec![0, 0, 0, 0, lb, li, ll]), names_of(&[("St. Louis Eagles", ORG)]));
    // not in a sentence about no sport
    let toks = ["hiking", "with", "the", "St.", "Louis", "Eagles"];
    assert_eq!(joined(&toks, vec![0, 0, 0, lb, li, ll]), names_of(&[("St. Louis Eagles", LOC)]));
    // a place the lexicon knows whole, a plural of places or events, a singular in "s", a
    // name that is no known place
    let sport = |name: [&str; 2]| joined(&["won", "the", "game", "in", name[0], name[1]], vec![0, 0, 0, 0, lb, ll]);
    assert_eq!(sport(["Beverly", "Hills"]), names_of(&[("Beverly Hills", LOC)]));
    assert_eq!(sport(["Florida", "Keys"]), names_of(&[("Florida Keys", LOC)]));
    assert_eq!(sport(["Iowa", "Caucus"]), names_of(&[("Iowa Caucus", LOC)]));
    assert_eq!(sport(["Kellmoor", "Eagles"]), names_of(&[("Kellmoor Eagles", LOC)]));
}

#[test]
fn a_champions_title_is_no_part_of_the_name_after_it() {
    let (ob, oi, ol) = (label(ORG, BEGIN), label(ORG, INSIDE), label(ORG, LAST));
    let toks = ["by", "the", "NFL", "Champion", "Baltimore", "Colts"];
    assert_eq!(joined(&toks, vec![0, 0, ob, oi, oi, ol]), names_of(&[("NFL", ORG), ("Baltimore Colts", ORG)]));
    let toks = ["the", "National", "Champion", "Texas", "Longhorns"];
    assert_eq!(joined(&toks, vec![0, ob, oi, oi, ol]), names_of(&[("Texas Longhorns", ORG)]));
    // a name of the title itself
    let (mb, mi, ml) = (label(MISC, BEGIN), label(MISC, INSIDE), label(MISC, LAST));
    let toks = ["the", "European", "Champions", "Cup"];
    assert_eq!(joined(&toks, vec![0, mb, mi, ml]), names_of(&[("European Champions Cup", MISC)]));
    // a surname or a word of a name, not a title
    let toks = ["the", "Orla", "Champion", "Cancer", "Trust"];
    let labels = vec![0, ob, oi, oi, ol];
    assert_eq!(joined(&toks, labels), names_of(&[("Orla Champion Cancer Trust", ORG)]));
}

#[test]
fn a_name_begun_at_a_model_designation_is_a_product() {
    let (loc_b, loc_l, per_b, per_l) = (label(LOC, BEGIN), label(LOC, LAST), label(PER, BEGIN), label(PER, LAST));
    let (org_b, org_i, org_l) = (label(ORG, BEGIN), label(ORG, INSIDE), label(ORG, LAST));
    assert_eq!(joined(&["the", "F-86", "Sabre"], vec![0, loc_b, loc_l]), names_of(&[("F-86 Sabre", MISC)]));
    assert_eq!(joined(&["a", "P-47", "Thunderbolt"], vec![0, per_b, per_l]), names_of(&[("P-47 Thunderbolt", MISC)]));
    // a designation alone, a name after it, an organisation and lowercase words stay
    assert_eq!(joined(&["the", "I-95", "corridor"], vec![0, label(LOC, UNIT), 0]), names_of(&[("I-95", LOC)]));
    let toks = ["the", "S-400", "Turkey", "bought"];
    assert_eq!(joined(&toks, vec![0, 0, label(LOC, UNIT), 0]), names_of(&[("Turkey", LOC)]));
    let g20 = ["the", "G-20", "Interfaith", "Conference"];
    assert_eq!(joined(&g20, vec![0, org_b, org_i, org_l]), names_of(&[("G-20 Interfaith Conference", ORG)]));
    assert_eq!(joined(&["B-52", "bombers"], vec![loc_b, loc_l]), names_of(&[("B-52 bombers", LOC)]));
    assert_eq!(crate::segment::tokenize("the F-86 Sabre").len(), 3);
    // an organisation without a word of one; a name right after a designation the model left out
    let toks = ["EC-130", "Commando", "Solo", ",", "1987"];
    assert_eq!(joined(&toks, vec![org_b, org_i, org_l, 0, 0]), names_of(&[("EC-130 Commando Solo", MISC)]));
    let toks = ["the", "F-102", "Delta", "Dagger", "and"];
    assert_eq!(joined(&toks, vec![0, 0, org_b, org_l, 0]), names_of(&[("F-102 Delta Dagger", MISC)]));
    let toks = ["an", "F-100", "Super", "Sabre", "."];
    assert_eq!(joined(&toks, vec![0, 0, loc_b, loc_l, 0]), names_of(&[("F-100 Super Sabre", MISC)]));
}

#[test]
fn a_name_ending_with_an_event_a_prize_or_a_law_is_other() {
    let (org_b, org_i, org_l) = (label(ORG, BEGIN), label(ORG, INSIDE), label(ORG, LAST));
    let toks = ["the", "Kell", "Records", "Act", "passed"];
    let labels = vec![0, label(LOC, BEGIN), label(LOC, INSIDE), label(LOC, LAST), 0];
    assert_eq!(joined(&toks, labels), names_of(&[("Kell Records Act", MISC)]));
    let toks = ["the", "Vell", "Free", "Trade", "Agreement"];
    assert_eq!(joined(&toks, vec![0, org_b, org_i, org_i, org_l]), names_of(&[("Vell Free Trade Agreement", MISC)]));
    let toks = ["the", "Orla", "Vance", "Awards"];
    let labels = vec![0, label(PER, BEGIN), label(PER, INSIDE), label(PER, LAST)];
    assert_eq!(joined(&toks, labels), names_of(&[("Orla Vance Awards", MISC)]));
    let toks = ["the", "Kellish", "War", "of", "Succession"];
    assert_eq!(joined(&toks, vec![0, org_b, org_i, org_i, org_l]), names_of(&[("Kellish War of Succession", MISC)]));
    // an organisation's word, a name of one word, a head inside the name
    let toks = ["the", "Department", "of", "War"];
    assert_eq!(joined(&toks, vec![0, org_b, org_i, org_l]), names_of(&[("Department of War", ORG)]));
    assert_eq!(joined(&["Open", "Kell"], vec![org_b, org_l]), names_of(&[("Open Kell", ORG)]));
    assert_eq!(joined(&["the", "Cup"], vec![0, label(ORG, UNIT)]), names_of(&[("Cup", ORG)]));
    // a person with such a surname, and the end of a longer name the model cut
    let toks = ["the", "Kell", "Board", "of", "War"];
    let labels = vec![0, org_b, org_i, org_i, org_l];
    assert_eq!(joined(&toks, labels), names_of(&[("Kell Board of War", ORG)]));
    let toks = ["Orla", "Tour", "won"];
    assert_eq!(joined(&toks, vec![label(PER, BEGIN), label(PER, LAST), 0]), names_of(&[("Orla Tour", PER)]));
    let toks = ["the", "Institute", "for", "the", "Study", "of", "War"];
    assert_eq!(joined(&toks, vec![0, 0, 0, 0, org_b, org_i, org_l]), names_of(&[("Study of War", ORG)]));
    // treaties, amendments and accords too, also named for a person
    let toks = ["the", "Vell", "Treaty", "and", "the", "Kell", "Accords"];
    let labels = vec![0, org_b, org_l, 0, 0, label(LOC, BEGIN), label(LOC, LAST)];
    assert_eq!(joined(&toks, labels), names_of(&[("Vell Treaty", MISC), ("Kell Accords", MISC)]));
    let toks = ["the", "Orla", "Vance", "Amendment"];
    let labels = vec![0, label(PER, BEGIN), label(PER, INSIDE), label(PER, LAST)];
    assert_eq!(joined(&toks, labels), names_of(&[("Orla Vance Amendment", MISC)]));
}

#[test]
fn a_surname_and_given_name_in_marks_is_one_person() {
    let (pu, ou, lu) = (label(PER, UNIT), label(ORG, UNIT), label(LOC, UNIT));
    let toks = ["\"", "Vellmark", ",", "Zorvek", "\"", "<", "tv@x.org", ">"];
    assert_eq!(joined(&toks, vec![0, ou, 0, 0, 0, 0, 0, 0]), names_of(&[("Vellmark , Zorvek", PER)]));
    let toks = ["\"", "Vellmark", ",", "Zorvek", "\"", "wrote"];
    assert_eq!(joined(&toks, vec![0, pu, 0, pu, 0, 0]), names_of(&[("Vellmark , Zorvek", PER)]));
    // a given name the lexicon knows, without the model's person or an address
    let toks = ["\"", "Vellmark", ",", "John", "\"", "wrote"];
    assert_eq!(joined(&toks, vec![0; 6]), names_of(&[("Vellmark , John", PER)]));
    // not a place and its country, nor unknown words without an address, nor out of marks
    let toks = ["\"", "Paris", ",", "France", "\"", "was"];
    assert_eq!(joined(&toks, vec![0, lu, 0, lu, 0, 0]), names_of(&[("Paris", LOC), ("France", LOC)]));
    let toks = ["\"", "Vellmark", ",", "Zorvek", "\"", "was"];
    assert_eq!(joined(&toks, vec![0, ou, 0, 0, 0, 0]), names_of(&[("Vellmark", ORG)]));
    let toks = ["\"", "Vellmark", ",", "Tessa", "and", "Ann", "\""];
    let found = joined(&toks, vec![0, pu, 0, pu, 0, pu, 0]);
    assert_eq!(found, names_of(&[("Vellmark", PER), ("Tessa", PER), ("Ann", PER)]));
    // a header's field without marks: each recipient, up to ";", an address or the next field
    let toks = ["To", ":", "Hughes", ",", "Nathan", ";", "Ortega", ",", "Lucia", "Cc", ":", "Vellmark", ",", "Zorvek"];
    let found = joined(&toks, vec![0, 0, pu, 0, pu, 0, pu, 0, pu, 0, 0, ou, 0, 0]);
    assert_eq!(found, names_of(&[("Hughes , Nathan", PER), ("Ortega , Lucia", PER), ("Vellmark", ORG)]));
    let toks = ["From", ":", "Vellmark", ",", "Zorvek", "<", "tv@x.org", ">"];
    assert_eq!(joined(&toks, vec![0, 0, ou, 0, 0, 0, 0, 0]), names_of(&[("Vellmark , Zorvek", PER)]));
    // not in running text, nor before more words in the field
    let toks = ["He", "met", "Hughes", ",", "Nathan", "and", "Ann"];
    assert_eq!(
        joined(&toks, vec![0, 0, pu, 0, pu, 0, pu]),
        names_of(&[("Hughes", PER), ("Nathan", PER), ("Ann", PER)])
    );
    let toks = ["Winners", ":", "Hughes", ",", "Nathan"];
    assert_eq!(joined(&toks, vec![0, 0, pu, 0, pu]), names_of(&[("Hughes", PER), ("Nathan", PER)]));
    let toks = ["To", ":", "Hughes", ",", "Nathan", "and", "Ann"];
    assert_eq!(
        joined(&toks, vec![0, 0, pu, 0, pu, 0, pu]),
        names_of(&[("Hughes", PER), ("Nathan", PER), ("Ann", PER)])
    );
}

#[test]
fn a_convention_on_capitalized_words_is_one_law() {
    let (ou, ob, ol, pu, lu) =
        (label(ORG, UNIT), label(ORG, BEGIN), label(ORG, LAST), label(PER, UNIT), label(LOC, UNIT));
    let toks = ["the", "Convention", "on", "the", "Rights", "of", "the", "Child", "."];
    let labels = vec![0, ou, 0, 0, 0, 0, 0, label(MISC, UNIT), 0];
    assert_eq!(joined(&toks, labels), names_of(&[("Convention on the Rights of the Child", MISC)]));
    // with the organisation before the head, and a word alone read as a person
    let toks = ["the", "UN", "Convention", "on", "the", "Law", "of", "the", "Sea", "in"];
    let labels = vec![0, ob, ol, 0, 0, pu, 0, 0, lu, 0];
    assert_eq!(joined(&toks, labels), names_of(&[("UN Convention on the Law of the Sea", MISC)]));
    // to the end of a name the model ran on past the capitals
    let toks = ["the", "Convention", "on", "Cybercrime", "2001", "binds"];
    let labels = vec![0, 0, 0, label(MISC, BEGIN), label(MISC, LAST), 0];
    assert_eq!(joined(&toks, labels), names_of(&[("Convention on Cybercrime 2001", MISC)]));
    let toks = ["the", "Convention", "against", "Torture", "binds"];
    assert_eq!(joined(&toks, vec![0, 0, 0, ou, 0]), names_of(&[("Convention against Torture", MISC)]));
    // not past a weekday, over a person's name, for a place before the head, nor in lowercase
    let toks = ["the", "Convention", "on", "Tuesday", "voted"];
    assert_eq!(joined(&toks, vec![0, ou, 0, 0, 0]), names_of(&[("Convention", ORG)]));
    let (pb, pl) = (label(PER, BEGIN), label(PER, LAST));
    let toks = ["a", "Declaration", "for", "Ruth", "Varga", "."];
    assert_eq!(joined(&toks, vec![0, 0, 0, pb, pl, 0]), names_of(&[("Ruth Varga", PER)]));
    let toks = ["in", "Vell", "Convention", "on", "Trade", "."];
    assert_eq!(joined(&toks, vec![0, lu, 0, 0, 0, 0]), names_of(&[("Vell", LOC), ("Convention on Trade", MISC)]));
    let toks = ["the", "treaty", "on", "Europe", "failed"];
    assert_eq!(joined(&toks, vec![0, 0, 0, lu, 0]), names_of(&[("Europe", LOC)]));
}

#[test]
fn a_place_the_lexicon_knows_with_a_connector_is_one_place() {
    let (loc_u, org_b, org_l) = (label(LOC, UNIT), label(ORG, BEGIN), label(ORG, LAST));
    let toks = ["in", "Bosnia", "and", "Herzegovina", "."];
    assert_eq!(joined(&toks, vec![0, loc_u, 0, loc_u, 0]), names_of(&[("Bosnia and Herzegovina", LOC)]));
    let toks = ["to", "Frankfurt", "am", "Main"];
    assert_eq!(joined(&toks, vec![0, loc_u, 0, label(PER, UNIT)]), names_of(&[("Frankfurt am Main", LOC)]));
    // no place first, a name going on past it, places the lexicon does not know as one
    let toks = ["Bosnia", "and", "Herzegovina", "Football", "Federation"];
    let labels = vec![loc_u, 0, org_b, label(ORG, INSIDE), org_l];
    assert_eq!(joined(&toks, labels), names_of(&[("Bosnia", LOC), ("Herzegovina Football Federation", ORG)]));
    let toks = ["Trinidad", "and", "Tobago"];
    assert_eq!(joined(&toks, vec![label(PER, UNIT), 0, loc_u]).len(), 2);
    assert_eq!(joined(&["Kell", "and", "Vell"], vec![loc_u, 0, loc_u]).len(), 2);
    // after "between", and two countries of their own
    let toks = ["between", "Bosnia", "and", "Herzegovina"];
    assert_eq!(joined(&toks, vec![0, loc_u, 0, loc_u]).len(), 2);
    let toks = ["Serbia", "and", "Montenegro", "signed"];
    assert_eq!(joined(&toks, vec![loc_u, 0, loc_u, 0]).len(), 2);
}

#[test]
fn a_state_of_a_place_is_one_place_with_its_style() {
    let (loc_b, loc_i, loc_l, loc_u) = (label(LOC, BEGIN), label(LOC, INSIDE), label(LOC, LAST), label(LOC, UNIT));
    let toks = ["the", "People's", "Republic", "of", "Kell", "said"];
    assert_eq!(joined(&toks, vec![0, loc_b, loc_l, 0, loc_u, 0]), names_of(&[("People's Republic of Kell", LOC)]));
    let toks = ["the", "Grand", "Duchy", "of", "Vell"];
    assert_eq!(joined(&toks, vec![0, 0, label(ORG, UNIT), 0, loc_u]), names_of(&[("Grand Duchy of Vell", LOC)]));
    let toks = ["the", "Democratic", "People's", "Republic", "of", "the", "Kell", "Isles"];
    let labels = vec![0, label(MISC, UNIT), loc_b, loc_i, loc_i, loc_i, loc_i, loc_l];
    assert_eq!(joined(&toks, labels), names_of(&[("Democratic People's Republic of the Kell Isles", LOC)]));
    let toks = ["in", "Washington", ",", "D.C.", "on"];
    assert_eq!(joined(&toks, vec![0, loc_u, 0, loc_u, 0]), names_of(&[("Washington , D.C.", LOC)]));
    // a person's style, no place after "of", a person named Washington
    let toks = ["the", "Kingdom", "of", "Orla", "Vance"];
    assert_eq!(joined(&toks, vec![0, loc_u, 0, label(PER, BEGIN), label(PER, LAST)]).len(), 2);
    let toks = ["Orla", "Kingdom", "of", "Vell"];
    assert_eq!(joined(&toks, vec![label(PER, BEGIN), label(PER, LAST), 0, loc_u]).len(), 2);
    // an office's state; a republic and another place
    let toks = ["the", "Duke", "of", "the", "Duchy", "of", "Vell", "said"];
    assert_eq!(joined(&toks, vec![0, label(PER, UNIT), 0, 0, loc_u, 0, loc_u, 0]).len(), 3);
    let toks = ["the", "Republic", "of", "Kell", "and", "Vell"];
    assert_eq!(
        joined(&toks, vec![0, loc_u, 0, loc_u, 0, loc_u]),
        names_of(&[("Republic of Kell", LOC), ("Vell", LOC)])
    );
    let toks = ["Denzel", "Washington", ",", "DC"];
    assert_eq!(joined(&toks, vec![label(PER, BEGIN), label(PER, LAST), 0, loc_u]).len(), 2);
}

#[test]
fn a_town_before_its_region_is_a_place() {
    let (per_b, per_l, loc_u, org_u) = (label(PER, BEGIN), label(PER, LAST), label(LOC, UNIT), label(ORG, UNIT));
    let toks = ["in", "Kell", "Vale", ",", "Ohio", "."];
    assert_eq!(joined(&toks, vec![0, per_b, per_l, 0, loc_u, 0]), names_of(&[("Kell Vale", LOC), ("Ohio", LOC)]));
    let toks = ["a", "suburb", "of", "Kellburn", ",", "Vellshire", ",", "England", "."];
    let labels = vec![0, 0, 0, org_u, 0, org_u, 0, loc_u, 0];
    assert_eq!(joined(&toks, labels), names_of(&[("Kellburn", LOC), ("Vellshire", LOC), ("England", LOC)]));
    // no preposition of place: a person and their home, a company and its seat
    let toks = ["Orla", "Vance", ",", "Texas", ",", "said"];
    assert_eq!(joined(&toks, vec![per_b, per_l, 0, loc_u, 0, 0])[0], ("Orla Vance".to_string(), PER));
    let toks = ["the", "testimony", "of", "Kellcorp", ",", "Delaware", "."];
    assert_eq!(joined(&toks, vec![0, 0, 0, org_u, 0, loc_u, 0])[0], ("Kellcorp".to_string(), ORG));
    // a region that goes on, a list, an organisation's word
    let toks = ["in", "Kellton", ",", "Texas", "senator"];
    assert_eq!(joined(&toks, vec![0, label(PER, UNIT), 0, loc_u, 0])[0], ("Kellton".to_string(), PER));
    let toks = ["in", "Kell", ",", "Kansas", ",", "Vell", "Dream"];
    let labels = vec![0, org_u, 0, loc_u, 0, label(ORG, BEGIN), label(ORG, LAST)];
    assert_eq!(joined(&toks, labels)[0], ("Kell".to_string(), ORG));
    let toks = ["in", "Kell", "University", ",", "California", ","];
    let labels = vec![0, label(ORG, BEGIN), label(ORG, LAST), 0, loc_u, 0];
    assert_eq!(joined(&toks, labels)[0], ("Kell University".to_string(), ORG));
}

#[test]
fn an_institution_of_a_place_is_one_organisation() {
    let (org_b, org_l, org_u) = (label(ORG, BEGIN), label(ORG, LAST), label(ORG, UNIT));
    let (loc_b, loc_l, loc_u) = (label(LOC, BEGIN), label(LOC, LAST), label(LOC, UNIT));
    let toks = ["the", "Housing", "Authority", "of", "New", "Orleans", "said"];
    let labels = vec![0, org_b, org_l, 0, loc_b, loc_l, 0];
    assert_eq!(joined(&toks, labels), names_of(&[("Housing Authority of New Orleans", ORG)]));
    assert_eq!(joined(&["Bank", "of", "Kell"], vec![org_u, 0, loc_u]), names_of(&[("Bank of Kell", ORG)]));
    // a company in its town, "of the", and a name that is no institution's stay apart
    let toks = ["Bestop", "Inc", "of", "Boulder"];
    assert_eq!(joined(&toks, vec![org_b, org_l, 0, loc_u]), names_of(&[("Bestop Inc", ORG), ("Boulder", LOC)]));
    let toks = ["a", "Court", "of", "the", "Kell", "Isles"];
    assert_eq!(joined(&toks, vec![0, org_u, 0, 0, loc_b, loc_l]), names_of(&[("Court of the Kell Isles", ORG)]));
    let toks = ["the", "Army", "of", "the", "North", "won"];
    assert_eq!(joined(&toks, vec![0, org_u, 0, 0, loc_u, 0]), names_of(&[("Army of the North", ORG)]));
    let toks = ["the", "Bank", "of", "the", "Netherlands"];
    assert_eq!(joined(&toks, vec![0, org_u, 0, 0, loc_u]), names_of(&[("Bank of the Netherlands", ORG)]));
    // "of the" and a body, a person, a country after a name of its own, an era or another
    // organisation, or after a name that is no institution's
    let toks = ["Kell", "Bank", "of", "the", "Netherlands"];
    assert_eq!(joined(&toks, vec![org_b, org_l, 0, 0, loc_u]), names_of(&[("Kell Bank", ORG), ("Netherlands", LOC)]));
    let toks = ["the", "Red", "Army", "of", "the", "Cold", "War"];
    let labels = vec![0, org_b, org_l, 0, 0, label(MISC, BEGIN), label(MISC, LAST)];
    assert_eq!(joined(&toks, labels), names_of(&[("Red Army", ORG), ("Cold War", MISC)]));
    let toks = ["IV", "Corps", "of", "the", "Army", "of", "the", "Vell"];
    let labels = vec![org_b, org_l, 0, 0, org_b, label(ORG, INSIDE), label(ORG, INSIDE), org_l];
    assert_eq!(joined(&toks, labels), names_of(&[("IV Corps", ORG), ("Army of the Vell", ORG)]));
    let toks = ["the", "Court", "of", "the", "Dowager", "Kell"];
    let labels = vec![0, org_u, 0, 0, label(PER, BEGIN), label(PER, LAST)];
    assert_eq!(joined(&toks, labels), names_of(&[("Court", ORG), ("Dowager Kell", PER)]));
    let toks = ["the", "Council", "of", "the", "Kell", "Fleet"];
    assert_eq!(joined(&toks, vec![0, org_u, 0, 0, loc_b, loc_l]).len(), 2);
    let toks = ["the", "Kell", "Library", "of", "the", "Vell", "Hogeschool"];
    let labels = vec![0, org_b, org_l, 0, 0, org_b, org_l];
    assert_eq!(joined(&toks, labels), names_of(&[("Kell Library", ORG), ("Vell Hogeschool", ORG)]));
    let toks = ["the", "World", "Organization", "of", "the", "Kell", "Movement"];
    let labels = vec![0, org_b, org_l, 0, 0, org_b, org_l];
    assert_eq!(joined(&toks, labels).len(), 2);
    let toks = ["Vell", "Canucks", "of", "the", "Kell", "League"];
    assert_eq!(
        joined(&toks, vec![org_b, org_l, 0, 0, org_b, org_l]),
        names_of(&[("Vell Canucks", ORG), ("Kell League", ORG)])
    );
    let toks = ["Council", "of", "Upper", "Kell", "and", "the", "Isles"];
    let labels = vec![org_u, 0, loc_b, label(LOC, INSIDE), label(LOC, INSIDE), label(LOC, INSIDE), loc_l];
    assert_eq!(joined(&toks, labels), names_of(&[("Council", ORG), ("Upper Kell and the Isles", LOC)]));
    // a name whole without its place, a lowercase word, a name at the sentence's end
    let toks = ["the", "Awami", "League", "of", "Kell"];
    assert_eq!(joined(&toks, vec![0, org_b, org_l, 0, loc_u]), names_of(&[("Awami League", ORG), ("Kell", LOC)]));
    let toks = ["the", "Labour", "government", "of", "Kell"];
    assert_eq!(joined(&toks, vec![0, org_b, org_l, 0, loc_u]), names_of(&[("Labour government", ORG), ("Kell", LOC)]));
    assert_eq!(joined(&["the", "Kell", "Council"], vec![0, org_b, org_l]), names_of(&[("Kell Council", ORG)]));
    // one place only: "of" after the merged name does not take another
    let toks = ["Council", "of", "Kell", "of", "Veloria"];
    assert_eq!(joined(&toks, vec![org_u, 0, loc_u, 0, loc_u]), names_of(&[("Council of Kell", ORG), ("Veloria", LOC)]));
    let toks = ["Kell", "Council", "of", "Veloria"];
    assert_eq!(
        joined(&toks, vec![org_b, org_l, 0, label(PER, UNIT)]),
        names_of(&[("Kell Council", ORG), ("Veloria", PER)])
    );
}

#[test]
fn a_person_ending_in_lane_after_a_preposition_of_place_is_a_street() {
    let (pb, pl) = (label(PER, BEGIN), label(PER, LAST));
    let toks = ["at", "the", "junction", "with", "Pellam", "Lane", "."];
    assert_eq!(joined(&toks, vec![0, 0, 0, 0, pb, pl, 0]), names_of(&[("Pellam Lane", LOC)]));
    assert_eq!(joined(&["lives", "on", "Cedar", "Drive"], vec![0, 0, pb, pl]), names_of(&[("Cedar Drive", LOC)]));
    // not after "with" alone, nor another word
    assert_eq!(joined(&["starring", "with", "Nathan", "Lane"], vec![0, 0, pb, pl]), names_of(&[("Nathan Lane", PER)]));
    assert_eq!(joined(&["Glenn", "Close", "said"], vec![pb, pl, 0]), names_of(&[("Glenn Close", PER)]));
    assert_eq!(
        joined(&["a", "statement", "from", "Glenn", "Close"], vec![0, 0, 0, pb, pl]),
        names_of(&[("Glenn Close", PER)])
    );
}

#[test]
fn a_firm_of_founders_and_partners_is_one_organisation() {
    let (pu, ou) = (label(PER, UNIT), label(ORG, UNIT));
    let toks = ["working", "for", "Foster", "and", "Partners", "from", "1992"];
    assert_eq!(joined(&toks, vec![0, 0, pu, 0, 0, 0, 0]), names_of(&[("Foster and Partners", ORG)]));
    assert_eq!(
        joined(&["at", "Varga", "&", "Associates"], vec![0, pu, 0, ou]),
        names_of(&[("Varga & Associates", ORG)])
    );
    // not two people, nor partners in lowercase
    assert_eq!(
        joined(&["Foster", "and", "Lee", "met"], vec![pu, 0, pu, 0]),
        names_of(&[("Foster", PER), ("Lee", PER)])
    );
    assert_eq!(joined(&["Foster", "and", "partners", "met"], vec![pu, 0, 0, 0]), names_of(&[("Foster", PER)]));
}

#[test]
fn a_founders_name_and_a_trade_is_a_firm() {
    let (pb, pi, pl) = (label(PER, BEGIN), label(PER, INSIDE), label(PER, LAST));
    let toks = ["founded", "Okonkwo", "Hale", "Studio", "in", "1990"];
    assert_eq!(joined(&toks, vec![0, pb, pl, 0, 0, 0]), names_of(&[("Okonkwo Hale Studio", ORG)]));
    let toks = ["Tate", "Solicitors", "said"];
    assert_eq!(joined(&toks, vec![pb, pl, 0]), names_of(&[("Tate Solicitors", ORG)]));
    let toks = ["Jane", "Marsh", "Design", "opened"];
    assert_eq!(joined(&toks, vec![pb, pi, pl, 0]), names_of(&[("Jane Marsh Design", ORG)]));
    // not a trade in lowercase, nor a person's name alone
    let toks = ["Ann", "Lee", "Consulting", "Group", "won"];
    assert_eq!(joined(&toks, vec![pb, pl, 0, 0, 0]), names_of(&[("Ann Lee Consulting Group", ORG)]));
    let toks = ["Northmoor", "Seafoods", "employs", "300"];
    assert_eq!(joined(&toks, vec![pb, pl, 0, 0]), names_of(&[("Northmoor Seafoods", ORG)]));
    let toks = ["Jane", "Marsh", "studio", "opened"];
    assert_eq!(joined(&toks, vec![pb, pl, 0, 0]), names_of(&[("Jane Marsh", PER)]));
    let toks = ["Star", "Ann", "Lee", "Pictures", "Life", "After", "Football"];
    let labels = vec![0, pb, pl, 0, 0, 0, 0];
    assert_eq!(joined(&toks, labels), names_of(&[("Ann Lee", PER)]));
    let toks = ["Studio", "said"];
    assert_eq!(joined(&toks, vec![label(PER, UNIT), 0]), names_of(&[("Studio", PER)]));
    // a place's name and a company's trade is a firm; a place's estates and studios stay places
    let (lb, ll) = (label(LOC, BEGIN), label(LOC, LAST));
    let toks = ["to", "Osterling", "Resources", "for"];
    assert_eq!(joined(&toks, vec![0, lb, ll, 0]), names_of(&[("Osterling Resources", ORG)]));
    let toks = ["on", "the", "Tresk", "Estates", "in"];
    assert_eq!(joined(&toks, vec![0, 0, lb, ll, 0]), names_of(&[("Tresk Estates", LOC)]));
}

#[test]
fn a_name_the_text_calls_a_town_is_a_place() {
    let (pu, ou, lu) = (label(PER, UNIT), label(ORG, UNIT), label(LOC, UNIT));
    let toks = ["Tresk", "is", "a", "town", "and", "civil", "parish", "in", "Kell"];
    assert_eq!(joined(&toks, vec![pu, 0, 0, 0, 0, 0, 0, 0, lu]), names_of(&[("Tresk", LOC), ("Kell", LOC)]));
    let toks = ["Harwick", "was", "a", "small", "fishing", "village", "of", "300"];
    assert_eq!(joined(&toks, vec![ou, 0, 0, 0, 0, 0, 0, 0]), names_of(&[("Harwick", LOC)]));
    // not a person's office, a possessive, nor a longer phrase
    let toks = ["Lee", "is", "a", "town", "councillor", "in", "Kell"];
    assert_eq!(joined(&toks, vec![pu, 0, 0, 0, 0, 0, lu]), names_of(&[("Lee", PER), ("Kell", LOC)]));
    let toks = ["Atessis", "was", "the", "state", "'s", "ruler"];
    assert_eq!(joined(&toks, vec![pu, 0, 0, 0, 0, 0]), names_of(&[("Atessis", PER)]));
    let toks = ["Parton", "is", "a", "country", "and", "western", "singer", "from", "Kell"];
    assert_eq!(joined(&toks, vec![pu, 0, 0, 0, 0, 0, 0, 0, lu]), names_of(&[("Parton", PER), ("Kell", LOC)]));
    let toks = ["Ronaldo", "is", "an", "island", "of", "calm", "in", "a", "storm"];
    assert_eq!(joined(&toks, vec![pu, 0, 0, 0, 0, 0, 0, 0, 0]), names_of(&[("Ronaldo", PER)]));
    let toks = ["Jane", "Marsh", "is", "a", "city", "of", "London", "councillor"];
    let labels = vec![label(PER, BEGIN), label(PER, LAST), 0, 0, 0, 0, lu, 0];
    assert_eq!(joined(&toks, labels), names_of(&[("Jane Marsh", PER), ("London", LOC)]));
    let toks = ["Lee", "is", "a", "man", "from", "the", "village", "of", "Kell"];
    assert_eq!(joined(&toks, vec![pu, 0, 0, 0, 0, 0, 0, 0, lu]), names_of(&[("Lee", PER), ("Kell", LOC)]));
}

#[test]
fn a_country_before_its_national_team_is_a_place() {
    let (pu, ob, oi, ol) = (label(PER, UNIT), label(ORG, BEGIN), label(ORG, INSIDE), label(ORG, LAST));
    let toks = ["the", "Vellmark", "national", "team", "."];
    assert_eq!(joined(&toks, vec![0, pu, 0, 0, 0]), names_of(&[("Vellmark", LOC)]));
    // a team the model named whole keeps its name; a person's national service is theirs
    let toks = ["the", "Kell", "national", "team", "won"];
    assert_eq!(joined(&toks, vec![0, ob, oi, ol, 0]), names_of(&[("Kell national team", ORG)]));
    let toks = ["The", "Colin", "Kaepernick", "national", "anthem", "protests"];
    let labels = vec![0, label(PER, BEGIN), label(PER, LAST), 0, 0, 0];
    assert_eq!(joined(&toks, labels), names_of(&[("Colin Kaepernick", PER)]));
    let toks = ["Bale", "national", "team", "future", "in", "doubt"];
    assert_eq!(joined(&toks, vec![pu, 0, 0, 0, 0, 0]), names_of(&[("Bale", PER)]));
    let toks = ["the", "FIFA", "national", "team", "rankings"];
    assert_eq!(joined(&toks, vec![0, label(ORG, UNIT), 0, 0, 0]), names_of(&[("FIFA", ORG)]));
    let toks = ["Lee", "national", "service", "ended"];
    assert_eq!(joined(&toks, vec![pu, 0, 0, 0]), names_of(&[("Lee", PER)]));
}

#[test]
fn a_signatures_town_is_a_place() {
    let tagger = NerTagger::embedded();
    let names = |text: &str| {
        let mut doc = Doc::new("t", text);
        crate::Segmenter.process(&mut doc);
        let found = tagger.tag(&doc.text, &doc.tokens, &doc.sentences);
        found.into_iter().map(|(sp, t)| (sp.of(text).to_string(), t)).collect::<Vec<_>>()
    };
    let found = names(
        "Sir, the buses are late again.\nMargaret Ellison\nTresk\n\nSir, the trains too.\nDev Chaudhry\nArdenport\n",
    );
    let towns: Vec<&str> = found.iter().filter(|(_, t)| *t == EntityType::Loc).map(|(w, _)| w.as_str()).collect();
    assert_eq!(towns, ["Tresk", "Ardenport"], "{found:?}");
    // not a list that goes on, an acronym, nor a name inside a line
    for text in [
        "Cast:\nMargaret Ellison\nTresk\nDev Chaudhry\n",
        "Sir, the buses are late.\nMargaret Ellison\nBBC\n",
        "Sir, I wrote to Margaret Ellison.\nTresk said no.\n",
        "Sir, the buses are late.\nMargaret Ellison\nTresk said no.\n",
        "Thanks for the notes.\n\nBest regards,\nJohn Smith\nMicrosoft\n",
        "Witnesses:\nMargaret Brekkeby\nBrekkeby\n\n",
    ] {
        let found = names(text);
        assert!(found.iter().all(|(_, t)| *t != EntityType::Loc), "{text:?}: {found:?}");
    }
}

#[test]
fn a_town_after_its_street_is_a_place() {
    let (lb, ll, pu, pb, pl) =
        (label(LOC, BEGIN), label(LOC, LAST), label(PER, UNIT), label(PER, BEGIN), label(PER, LAST));
    let toks = ["Mill", ",", "Quay", "Street", ",", "Tresk", ",", "and", "erect"];
    let labels = vec![label(LOC, UNIT), 0, lb, ll, 0, pu, 0, 0, 0];
    assert_eq!(joined(&toks, labels), names_of(&[("Mill", LOC), ("Quay Street", LOC), ("Tresk", LOC)]));
    let (ob, oi, ol) = (label(ORG, BEGIN), label(ORG, INSIDE), label(ORG, LAST));
    let toks = ["Market", "Place", ",", "Ardenport", "AD1", "4RT", ",", "or"];
    let labels = vec![lb, ll, 0, ob, oi, ol, 0, 0];
    assert_eq!(joined(&toks, labels), names_of(&[("Market Place", LOC), ("Ardenport", LOC)]));
    let labels = vec![lb, ll, 0, label(ORG, UNIT), 0, 0, 0, 0];
    assert_eq!(joined(&toks, labels), names_of(&[("Market Place", LOC), ("Ardenport", LOC)]));
    // not a person who goes on speaking, nor a name after another kind of place
    let toks = ["on", "Harbour", "Road", ",", "Ann", "Lee", "said"];
    assert_eq!(joined(&toks, vec![0, lb, ll, 0, pb, pl, 0]), names_of(&[("Harbour Road", LOC), ("Ann Lee", PER)]));
    let toks = ["on", "Harbour", "Road", ",", "Ann", "Lee", ",", "a", "nurse"];
    let labels = vec![0, lb, ll, 0, pb, pl, 0, 0, 0];
    assert_eq!(joined(&toks, labels), names_of(&[("Harbour Road", LOC), ("Ann Lee", PER)]));
    let toks = ["of", "Church", "Road", ",", "Patel", ",", "54", ",", "said"];
    assert_eq!(joined(&toks, vec![0, lb, ll, 0, pu, 0, 0, 0, 0]), names_of(&[("Church Road", LOC), ("Patel", PER)]));
    let toks = ["On", "Capitol", "Hill", ",", "Pelosi", ",", "the", "Speaker"];
    assert_eq!(joined(&toks, vec![0, lb, ll, 0, pu, 0, 0, 0]), names_of(&[("Capitol Hill", LOC), ("Pelosi", PER)]));
    let toks = ["on", "Wall", "Street", ",", "Goldman", "Sachs", ",", "JPMorgan", "and"];
    let labels = vec![0, lb, ll, 0, ob, ol, 0, label(ORG, UNIT), 0];
    let found = [("Wall Street", LOC), ("Goldman Sachs", ORG), ("JPMorgan", ORG)];
    assert_eq!(joined(&toks, labels), names_of(&found));
    let toks = ["on", "Threadneedle", "Street", ",", "HSBC", "."];
    let labels = vec![0, lb, ll, 0, label(ORG, UNIT), 0];
    assert_eq!(joined(&toks, labels), names_of(&[("Threadneedle Street", LOC), ("HSBC", ORG)]));
    let toks = ["in", "Kell", ",", "Tresk", ","];
    let labels = vec![0, label(LOC, UNIT), 0, pu, 0];
    assert_eq!(joined(&toks, labels), names_of(&[("Kell", LOC), ("Tresk", PER)]));
}

#[test]
fn a_storms_name_is_misc_without_its_word() {
    let (pb, pl, pu, lu) = (label(PER, BEGIN), label(PER, LAST), label(PER, UNIT), label(LOC, UNIT));
    let toks = ["Storm", "Isolde", "hit", "the", "coast"];
    assert_eq!(joined(&toks, vec![pb, pl, 0, 0, 0]), names_of(&[("Isolde", MISC)]));
    let toks = ["Tropical", "Storm", "Bertha", "moved", "north"];
    assert_eq!(joined(&toks, vec![0, 0, pu, 0, 0]), names_of(&[("Bertha", MISC)]));
    let toks = ["in", "the", "wake", "of", "Hurricane", "Katrina", "."];
    assert_eq!(joined(&toks, vec![0, 0, 0, 0, 0, lu, 0]), names_of(&[("Katrina", MISC)]));
    // "Typhoon" is no given name: weather need not be said
    let toks = ["Typhoon", "Haiyan", "left", "thousands"];
    assert_eq!(joined(&toks, vec![pb, pl, 0, 0]), names_of(&[("Haiyan", MISC)]));
    // not a firm's name without weather
    let toks = ["Customers", "of", "Hurricane", "Fibre", "complained"];
    let labels = vec![0, 0, label(ORG, BEGIN), label(ORG, LAST), 0];
    assert_eq!(joined(&toks, labels), names_of(&[("Hurricane Fibre", ORG)]));
    // not without weather: a person's given name, a weapon
    let toks = ["Actress", "Storm", "Reid", "said", "no"];
    assert_eq!(joined(&toks, vec![0, pb, pl, 0, 0]), names_of(&[("Storm Reid", PER)]));
    let toks = ["Kyiv", "fired", "Storm", "Shadow", "missiles"];
    let labels = vec![lu, 0, label(MISC, BEGIN), label(MISC, LAST), 0];
    assert_eq!(joined(&toks, labels), names_of(&[("Kyiv", LOC), ("Storm Shadow", MISC)]));
    // not an office named for storms, a storm in lowercase, nor a longer name
    let toks = ["the", "Storm", "Center", "said"];
    assert_eq!(joined(&toks, vec![0, label(ORG, BEGIN), label(ORG, LAST), 0]), names_of(&[("Storm Center", ORG)]));
    let toks = ["the", "storm", "Bertha", "said"];
    assert_eq!(joined(&toks, vec![0, 0, pu, 0]), names_of(&[("Bertha", PER)]));
    let toks = ["Hurricane", "Lee", "Smith", "said"];
    let labels = vec![pb, label(PER, INSIDE), pl, 0];
    assert_eq!(joined(&toks, labels), names_of(&[("Hurricane Lee Smith", PER)]));
}

#[test]
fn an_address_after_a_house_number_is_a_place_without_an_age() {
    let (pb, pi, pl, ou, pu) =
        (label(PER, BEGIN), label(PER, INSIDE), label(PER, LAST), label(ORG, UNIT), label(PER, UNIT));
    let toks = ["I", ",", "Margaret", "Ellen", "Olsen", ",", "of", "14", "Fernhill", "Road", ",", "Castlebury", ","];
    let labels = vec![0, 0, pb, pi, pl, 0, 0, 0, pb, pl, 0, ou, 0];
    let found = names_of(&[("Margaret Ellen Olsen", PER), ("Fernhill Road", LOC), ("Castlebury", LOC)]);
    assert_eq!(joined(&toks, labels), found);
    // no house number, no address
    let toks = ["Ann", "Lee", ",", "of", "Harvard", "University", ",", "Kell", ","];
    let labels = vec![pb, pl, 0, 0, label(ORG, BEGIN), label(ORG, LAST), 0, pu, 0];
    let found = names_of(&[("Ann Lee", PER), ("Harvard University", ORG), ("Kell", PER)]);
    assert_eq!(joined(&toks, labels), found);
}

#[test]
fn short_weekdays_and_months_beside_a_day_are_no_names_and_a_man_from_a_town_is_from_a_place() {
    let (ou, lu, pu, pb, pl) =
        (label(ORG, UNIT), label(LOC, UNIT), label(PER, UNIT), label(PER, BEGIN), label(PER, LAST));
    let toks = ["Mon", "3", "Mar", ",", "02:14", "."];
    assert_eq!(joined(&toks, vec![ou, 0, lu, 0, 0, 0]), names_of(&[]));
    let toks = ["on", "Jan", "5th", "at", "the", "Sun"];
    assert_eq!(joined(&toks, vec![0, pu, 0, 0, 0, ou]), names_of(&[("Sun", ORG)]));
    // not away from a day: a person, a newspaper
    let toks = ["Jan", "said", "the", "Sun", "had", "it"];
    assert_eq!(joined(&toks, vec![pu, 0, 0, ou, 0, 0]), names_of(&[("Jan", PER), ("Sun", ORG)]));
    // a month's full name beside a day, a weekday in the plural; not a month away from a day
    let toks = ["On", "May", "9", ",", "1924", ",", "May", "came", "in", "on", "Tuesdays", "and", "Fridays"];
    let labels = vec![0, pu, 0, 0, 0, 0, pu, 0, 0, 0, label(MISC, UNIT), 0, label(MISC, UNIT)];
    assert_eq!(joined(&toks, labels), names_of(&[("May", PER)]));
    let toks = ["on", "Fri", ",", "Sat", ",", "or", "Sun", "."];
    assert_eq!(joined(&toks, vec![0, ou, 0, 0, 0, 0, lu, 0]), names_of(&[]));
    let toks = ["the", "Sun", "said", "Sat", "night"];
    assert_eq!(joined(&toks, vec![0, ou, 0, 0, 0]), names_of(&[("Sun", ORG)]));
    let toks = ["the", "band", "Sundays", "toured"];
    assert_eq!(joined(&toks, vec![0, 0, label(ORG, UNIT), 0]), names_of(&[("Sundays", ORG)]));
    let toks = ["by", "3", "June", "the", "Tuesday", "Club", "met"];
    let labels = vec![0, 0, pu, 0, label(ORG, BEGIN), label(ORG, LAST), 0];
    assert_eq!(joined(&toks, labels), names_of(&[("Tuesday Club", ORG)]));
    let toks = ["a", "man", "from", "Halsey", "Bridge", "was", "held"];
    assert_eq!(joined(&toks, vec![0, 0, 0, pb, pl, 0, 0]), names_of(&[("Halsey Bridge", LOC)]));
    let toks = ["a", "letter", "from", "Ann", "Lee"];
    assert_eq!(joined(&toks, vec![0, 0, 0, pb, pl]), names_of(&[("Ann Lee", PER)]));
}

#[test]
fn a_name_after_a_stock_exchange_is_a_ticker() {
    let (ob, ol, lu, pu) = (label(ORG, BEGIN), label(ORG, LAST), label(LOC, UNIT), label(PER, UNIT));
    let toks = ["Harbridge", "Foods", "(", "LSE", ":", "HBF", ")"];
    assert_eq!(joined(&toks, vec![ob, ol, 0, 0, 0, lu, 0]), names_of(&[("Harbridge Foods", ORG), ("HBF", ORG)]));
    // not after a colon elsewhere, nor a longer name
    let toks = ["Venue", ":", "Kell"];
    assert_eq!(joined(&toks, vec![0, 0, pu]), names_of(&[("Kell", PER)]));
    let toks = ["LSE", ":", "Tony", "Travers"];
    assert_eq!(joined(&toks, vec![0, 0, label(PER, BEGIN), label(PER, LAST)]), names_of(&[("Tony Travers", PER)]));
    let toks = ["LSE", ":", "Travers"];
    assert_eq!(joined(&toks, vec![0, 0, pu]), names_of(&[("Travers", PER)]));
}

#[test]
fn a_parliaments_forms_of_address_are_no_names() {
    let (pu, lb, ll) = (label(PER, UNIT), label(LOC, BEGIN), label(LOC, LAST));
    let toks = ["The", "hon.", "Lady", "makes", "a", "fair", "point"];
    assert_eq!(joined(&toks, vec![0, 0, pu, 0, 0, 0, 0]), names_of(&[]));
    let toks = ["the", "noble", "Lady"];
    assert_eq!(joined(&toks, vec![0, 0, pu]), names_of(&[]));
    let toks = ["the", "hon.", "Member", "for", "Eastmoor", "North"];
    assert_eq!(joined(&toks, vec![0, 0, pu, 0, lb, ll]), names_of(&[("Eastmoor North", LOC)]));
    // a name after other words stays ("Lady" the racehorse, "Friend" the surname)
    let toks = ["Ann", "spoke", "to", "Friend"];
    assert_eq!(joined(&toks, vec![pu, 0, 0, pu]), names_of(&[("Ann", PER), ("Friend", PER)]));
}

#[test]
fn a_town_and_a_newspapers_word_after_the_is_a_newspaper() {
    let (pb, pl, lb, ll) = (label(PER, BEGIN), label(PER, LAST), label(LOC, BEGIN), label(LOC, LAST));
    let toks = ["seen", "by", "the", "Harbridge", "Courier"];
    assert_eq!(joined(&toks, vec![0, 0, 0, pb, pl]), names_of(&[("Harbridge Courier", ORG)]));
    let toks = ["told", "the", "Charlotte", "Observer"];
    assert_eq!(joined(&toks, vec![0, 0, lb, ll]), names_of(&[("Charlotte Observer", ORG)]));
    // not without "the", nor another last word
    let toks = ["said", "Ann", "Herald"];
    assert_eq!(joined(&toks, vec![0, pb, pl]), names_of(&[("Ann Herald", PER)]));
    let toks = ["the", "Harbridge", "Road"];
    assert_eq!(joined(&toks, vec![0, lb, ll]), names_of(&[("Harbridge Road", LOC)]));
    // the paper alone in brackets, not a name that goes on inside them
    let toks = ["REPORTER", "(", "Ardenport", "Courier", ")", ":"];
    assert_eq!(joined(&toks, vec![0, 0, pb, pl, 0, 0]), names_of(&[("Ardenport Courier", ORG)]));
    let toks = ["(", "Ann", "Herald", ",", "34", ")"];
    assert_eq!(joined(&toks, vec![0, pb, pl, 0, 0, 0]), names_of(&[("Ann Herald", PER)]));
}

#[test]
fn a_battle_of_a_place_is_one_event() {
    let (lb, ll, lu, mu) = (label(LOC, BEGIN), label(LOC, LAST), label(LOC, UNIT), label(MISC, UNIT));
    let (mb, mi, ml, pu) = (label(MISC, BEGIN), label(MISC, INSIDE), label(MISC, LAST), label(PER, UNIT));
    let toks = ["in", "the", "2nd", "Battle", "of", "Vellmark", "."];
    assert_eq!(joined(&toks, vec![0, 0, 0, 0, 0, lu, 0]), names_of(&[("2nd Battle of Vellmark", MISC)]));
    let toks = ["the", "Battle", "of", "Sayler", "'s", "Creek", "and"];
    assert_eq!(joined(&toks, vec![0, mb, mi, ml, 0, lu, 0]), names_of(&[("Battle of Sayler 's Creek", MISC)]));
    let toks = ["the", "Battles", "of", "Tessa", "and", "Ardo"];
    assert_eq!(joined(&toks, vec![0, pu, 0, lu, 0, lu]), names_of(&[("Battles of Tessa", MISC), ("Ardo", LOC)]));
    let toks = ["ending", "War", "of", "Kessarine", "Succession", "."];
    assert_eq!(joined(&toks, vec![0, 0, 0, mu, 0, 0]), names_of(&[("War of Kessarine Succession", MISC)]));
    let toks = ["the", "Kessarine", "War", "of", "Independence", "ended"];
    assert_eq!(joined(&toks, vec![0, mu, 0, 0, mu, 0]), names_of(&[("Kessarine War of Independence", MISC)]));
    // a name the model ran on past the capitals is taken whole
    let toks = ["the", "Siege", "of", "Vell", "-", "Ardo", "ended"];
    assert_eq!(
        joined(&toks, vec![0, 0, 0, lb, label(LOC, INSIDE), ll, 0]),
        names_of(&[("Siege of Vell - Ardo", MISC)])
    );
    // not inside a name begun before, nor in lowercase
    let (ob, oi, ol) = (label(ORG, BEGIN), label(ORG, INSIDE), label(ORG, LAST));
    let toks = ["the", "Vell", "Battle", "of", "Ardo", "Trust"];
    let labels = vec![0, ob, oi, oi, oi, ol];
    assert_eq!(joined(&toks, labels), names_of(&[("Vell Battle of Ardo Trust", ORG)]));
    // not for a person after "of", nor past a weekday, nor for an organisation named for it
    let (pb, pl) = (label(PER, BEGIN), label(PER, LAST));
    let toks = ["the", "Campaign", "of", "Senator", "Ruth", "Varga", "raised"];
    assert_eq!(joined(&toks, vec![0, 0, 0, 0, pb, pl, 0]), names_of(&[("Ruth Varga", PER)]));
    let toks = ["discussed", "the", "Treaty", "of", "Vell", "Tuesday", "in"];
    assert_eq!(joined(&toks, vec![0; 7]), names_of(&[("Treaty of Vell", MISC)]));
    let toks = ["The", "Battle", "of", "Ardo", "Memorial", "Flight", "will"];
    let labels = vec![0, ob, oi, oi, oi, ol, 0];
    assert_eq!(joined(&toks, labels), names_of(&[("Battle of Ardo Memorial Flight", ORG)]));
    let toks = ["the", "battle", "of", "Ardo", "ended"];
    assert_eq!(joined(&toks, vec![0, 0, 0, lu, 0]), names_of(&[("Ardo", LOC)]));
    let toks = ["the", "Battle", "of", "the", "Ardo"];
    assert_eq!(joined(&toks, vec![0, 0, 0, 0, lu]), names_of(&[("Ardo", LOC)]));
}

/// The names of the sentences `sents` (token lists) after [`repeated_names`], given the model's
/// labels of each.
fn repeated(sents: &[&[&str]], labels: &[Vec<u8>]) -> Vec<(String, u8)> {
    names_after(sents, labels, |toks, ranges, all| {
        // (straight marks, open and close in turn)
        let mut open = false;
        let marks: Vec<titles::Mark> = toks
            .iter()
            .map(|&w| match w {
                "\"" => {
                    open = !open;
                    if open { titles::Mark::Opens } else { titles::Mark::Closes }
                }
                _ => titles::Mark::None,
            })
            .collect();
        repeated_names(toks, &marks, ranges, all);
    })
}

/// The names of the sentences `sents` (token lists) after `rule`, a rule over a whole
/// document's tokens, its sentences' token ranges and its labels, given the model's labels of
/// each sentence.
fn names_after(
    sents: &[&[&str]],
    labels: &[Vec<u8>],
    rule: impl FnOnce(&[&str], &[(usize, usize)], &mut [u8]),
) -> Vec<(String, u8)> {
    let toks: Vec<&str> = sents.iter().flat_map(|s| s.iter().copied()).collect();
    let mut all: Vec<u8> = labels.concat();
    let mut ranges = Vec::new();
    for s in sents {
        let a = ranges.last().map_or(0, |&(_, z)| z);
        ranges.push((a, a + s.len()));
    }
    rule(&toks, &ranges, &mut all);
    spans_of(&all).into_iter().map(|(i, j, t)| (toks[i..j].join(" "), t)).collect()
}

#[test]
fn a_name_found_once_is_one_wherever_the_document_repeats_it() {
    let (mb, mi, ml) = (label(MISC, BEGIN), label(MISC, INSIDE), label(MISC, LAST));
    let (lb, ll, ob, ol) = (label(LOC, BEGIN), label(LOC, LAST), label(ORG, BEGIN), label(ORG, LAST));
    let first: &[&str] = &["the", "album", "A", "Quiet", "Harbour", "sold"];
    let second: &[&str] = &["A", "Quiet", "Harbour", "went", "gold", "and", "A", "Quiet", "Harbour", "."];
    let found = repeated(&[first, second], &[vec![0, 0, mb, mi, ml, 0], vec![0; 10]]);
    assert_eq!(found, names_of(&[("A Quiet Harbour", MISC); 3]));
    // not inside a longer run of capitals, nor over a name the model read there
    let first: &[&str] = &["in", "Vell", "Harbour", "."];
    let second: &[&str] = &["the", "Vell", "Harbour", "Rovers", "and", "Vell", "Harbour", "Trust"];
    let labels = vec![vec![0, lb, ll, 0], vec![0, 0, 0, 0, 0, ob, label(ORG, INSIDE), ol]];
    assert_eq!(repeated(&[first, second], &labels), names_of(&[("Vell Harbour", LOC), ("Vell Harbour Trust", ORG)]));
    // the type the document gives most often; none on a tie, and no single words
    let first: &[&str] = &["Vell", "Harbour", "and", "Vell", "Harbour", "and", "Vell", "Harbour", "."];
    let labels = vec![vec![lb, ll, 0, lb, ll, 0, ob, ol, 0], vec![0, 0, 0]];
    let second: &[&str] = &["Vell", "Harbour", "won"];
    let found = repeated(&[first, second], &labels);
    assert_eq!(found.last(), Some(&("Vell Harbour".to_string(), LOC)));
    let labels = vec![vec![lb, ll, 0, ob, ol, 0, 0, 0, 0], vec![0, 0, 0]];
    assert_eq!(repeated(&[first, second], &labels).len(), 2);
    let first: &[&str] = &["Vell", "won", "."];
    assert_eq!(repeated(&[first, &["Vell", "lost"]], &[vec![label(LOC, UNIT), 0, 0], vec![0, 0]]).len(), 1);
    // a capitalized word before the repeat goes with it, but not a sentence's opening article;
    // and names the model read there stand
    let first: &[&str] = &["in", "Vell", "Harbour", "."];
    let second: &[&str] = &["North", "Vell", "Harbour", "and", "The", "Vell", "Harbour", "won"];
    let third: &[&str] = &["The", "Vell", "Harbour", "won"];
    let labels = vec![vec![0, lb, ll, 0], vec![0; 8], vec![0; 4]];
    assert_eq!(repeated(&[first, second, third], &labels), names_of(&[("Vell Harbour", LOC); 2]));
    let second: &[&str] = &["Vell", "and", "Vell", "Harbour", "."];
    let labels = vec![vec![0, lb, ll, 0], vec![0, 0, label(PER, UNIT), label(LOC, UNIT), 0]];
    let found = repeated(&[first, second], &labels);
    assert_eq!(found, names_of(&[("Vell Harbour", LOC), ("Vell", PER), ("Harbour", LOC)]));
    let trust: &[&str] = &["the", "Vell", "Harbour", "Trust", "."];
    let again: &[&str] = &["Vell", "Harbour", "Trust", "won"];
    let labels = vec![vec![0, ob, label(ORG, INSIDE), ol, 0], vec![0, 0, label(ORG, UNIT), 0]];
    assert_eq!(repeated(&[trust, again], &labels), names_of(&[("Vell Harbour Trust", ORG), ("Trust", ORG)]));
    // nor a particle and a capitalized word after it
    let second: &[&str] = &["Vell", "Harbour", "of", "Tessa", "won", "."];
    assert_eq!(repeated(&[first, second], &[vec![0, lb, ll, 0], vec![0; 6]]).len(), 1);
    // a name that fills a quotation is a title, not repeated; an article after an opening mark
    // is no part of a longer name
    let first: &[&str] = &["the", "poster", "\"", "Keep", "Calm", "\"", "hangs", "."];
    let second: &[&str] = &["Keep", "Calm", "and", "carry", "on", "."];
    let labels = vec![vec![0, 0, 0, mb, ml, 0, 0, 0], vec![0; 6]];
    assert_eq!(repeated(&[first, second], &labels), names_of(&[("Keep Calm", MISC)]));
    let first: &[&str] = &["the", "Vell", "Harbour", "is", "\"", "The", "Vell", "Harbour", "won", "\""];
    let labels = vec![vec![0, lb, ll, 0, 0, 0, 0, 0, 0, 0]];
    assert_eq!(repeated(&[first], &labels), names_of(&[("Vell Harbour", LOC); 2]));
}

#[test]
fn a_capitalized_the_inside_a_sentence_opens_the_name_after_it() {
    let (ob, ol, ou, mu, pu) =
        (label(ORG, BEGIN), label(ORG, LAST), label(ORG, UNIT), label(MISC, UNIT), label(PER, UNIT));
    let (mb, ml) = (label(MISC, BEGIN), label(MISC, LAST));
    let toks = ["told", "The", "Kessarine", "Times", "on", "Monday"];
    assert_eq!(joined(&toks, vec![0, 0, ob, ol, 0, 0]), names_of(&[("The Kessarine Times", ORG)]));
    let toks = ["the", "band", "The", "Vellmarks", ",", "and", "The", "Shining", "."];
    assert_eq!(
        joined(&toks, vec![0, 0, 0, ou, 0, 0, 0, mu, 0]),
        names_of(&[("The Vellmarks", ORG), ("The Shining", MISC)])
    );
    // kept out at a sentence's start, after an opening mark, a bracket, a dash, a colon, a
    // full stop or an asterisk, after a capitalized word or a number, and where a capitalized
    // word goes on after the name
    assert_eq!(joined(&["The", "Vellmarks", "played"], vec![0, ou, 0]), names_of(&[("Vellmarks", ORG)]));
    for opener in ["\"", "''", "(", "\u{2015}", ":", "1.", "etc.", "**"] {
        let toks = ["said", opener, "The", "Vellmarks", "played"];
        assert_eq!(joined(&toks, vec![0, 0, 0, ou, 0]), names_of(&[("Vellmarks", ORG)]), "{opener}");
    }
    let toks = ["Dwayne", "The", "Rock", "said"];
    assert_eq!(joined(&toks, vec![pu, 0, pu, 0]), names_of(&[("Dwayne", PER), ("Rock", PER)]));
    let toks = ["Oct.", "31", ",", "2012", "The", "Vellmark", "hug"];
    assert_eq!(joined(&toks, vec![0, 0, 0, 0, 0, pu, 0]), names_of(&[("Vellmark", PER)]));
    let toks = ["said", "on", "The", "Vell", "Show", "today"];
    assert_eq!(joined(&toks, vec![0, 0, 0, pu, 0, 0]), names_of(&[("Vell", PER)]));
    let toks = ["in", "The", "Ardenport", "Register"];
    assert_eq!(joined(&toks, vec![0, 0, ou, 0]), names_of(&[("Ardenport", ORG)]));
    // nor before a noun, where the name is a word of a phrase, nor at a list's item; after a
    // bracket that closes a year it is
    let toks = ["said", "The", "Kessarine", "foreign", "ministry"];
    assert_eq!(joined(&toks, vec![0, 0, mu, 0, 0]), names_of(&[("Kessarine", MISC)]));
    let toks = ["told", "The", "Kessarine", "Times", "he", "would"];
    assert_eq!(joined(&toks, vec![0, 0, ob, ol, 0, 0]), names_of(&[("The Kessarine Times", ORG)]));
    for item in [vec!["\u{2022}"], vec!["1", ")"]] {
        let toks: Vec<&str> = item.iter().copied().chain(["The", "Vellmarks", "will"]).collect();
        let mut labels = vec![0; toks.len()];
        labels[toks.len() - 2] = ou;
        assert_eq!(joined(&toks, labels), names_of(&[("Vellmarks", ORG)]), "{toks:?}");
    }
    let toks = ["(", "1946", ")", "The", "Vell", "Jew", ":"];
    assert_eq!(joined(&toks, vec![0, 0, 0, 0, mb, ml, 0]), names_of(&[("The Vell Jew", MISC)]));
    // nor a "The" the model already put in a name
    let toks = ["saw", "The", "Rock"];
    assert_eq!(joined(&toks, vec![0, pu, pu]), names_of(&[("The", PER), ("Rock", PER)]));
    // nor a lowercase "the", which no corpus here puts in a name
    let toks = ["told", "the", "Kessarine", "Times"];
    assert_eq!(joined(&toks, vec![0, 0, ob, ol]), names_of(&[("Kessarine Times", ORG)]));
}

#[test]
fn surnames_joined_by_an_ampersand_are_a_firm() {
    let (pb, pi, pl, pu, ou) =
        (label(PER, BEGIN), label(PER, INSIDE), label(PER, LAST), label(PER, UNIT), label(ORG, UNIT));
    let firm = |toks: &[&str], labels: Vec<u8>, name: &str| {
        assert_eq!(joined(toks, labels), names_of(&[(name, ORG)]), "{toks:?}");
    };
    firm(&["at", "Hale", "&", "Marsh"], vec![0, pu, 0, pu], "Hale & Marsh");
    firm(&["Latham", "&", "Watkins", "LLP"], vec![pu, 0, pb, pl], "Latham & Watkins LLP");
    firm(&["of", "Moore", "&", "Van", "Allen"], vec![0, pu, 0, pb, pl], "Moore & Van Allen");
    firm(
        &["at", "Wilson", "Sonsini", "Goodrich", "&", "Rosati"],
        vec![0, pb, pi, pl, 0, pu],
        "Wilson Sonsini Goodrich & Rosati",
    );
    firm(&["by", "Skadden", "&", "Arps", "&", "Meagher"], vec![0, pu, 0, pu, 0, pu], "Skadden & Arps & Meagher");
    // two people, or two organisations, stay apart
    assert_eq!(
        joined(&["David", "Christison", "&", "Lee", "Tate"], vec![pb, pl, 0, pb, pl]),
        names_of(&[("David Christison", PER), ("Lee Tate", PER)])
    );
    assert_eq!(joined(&["Jim", "&", "Sarah"], vec![pu, 0, pu]), names_of(&[("Jim", PER), ("Sarah", PER)]));
    assert_eq!(joined(&["MTV", "&", "CNN"], vec![ou, 0, ou]), names_of(&[("MTV", ORG), ("CNN", ORG)]));
    assert_eq!(
        joined(&["Trump", "&", "Putin", "to", "meet"], vec![pu, 0, pu, 0, 0]),
        names_of(&[("Trump", PER), ("Putin", PER)])
    );
    assert_eq!(
        joined(&["with", "Tom", "Hale", "&", "Marsh"], vec![0, pb, pl, 0, pu]),
        names_of(&[("Tom Hale", PER), ("Marsh", PER)])
    );
    // "and" is no "&"
    assert_eq!(joined(&["Hale", "and", "Marsh"], vec![pu, 0, pu]), names_of(&[("Hale", PER), ("Marsh", PER)]));
}

#[test]
fn a_name_its_possessive_and_a_buildings_word_are_one_name() {
    let (lb, ll, lu) = (label(LOC, BEGIN), label(LOC, LAST), label(LOC, UNIT));
    let (ob, oi, ol, ou) = (label(ORG, BEGIN), label(ORG, INSIDE), label(ORG, LAST), label(ORG, UNIT));
    let toks = ["at", "St", "Anselm", "'s", "Church", "on"];
    assert_eq!(joined(&toks, vec![0, lb, ll, 0, ou, 0]), names_of(&[("St Anselm 's Church", LOC)]));
    let toks = ["Guy", "\u{2019}s", "Hospital"];
    assert_eq!(joined(&toks, vec![label(PER, UNIT), 0, 0]), names_of(&[("Guy \u{2019}s Hospital", LOC)]));
    let pu = label(PER, UNIT);
    assert_eq!(joined(&["King", "'s", "College"], vec![pu, 0, 0]), names_of(&[("King 's College", ORG)]));
    // a shop's or a place to eat's word: an organisation; not before a capitalized word
    let toks = ["Ray", "'s", "Pizza", "is", "good"];
    assert_eq!(joined(&toks, vec![pu, 0, 0, 0, 0]), names_of(&[("Ray 's Pizza", ORG)]));
    let toks = ["Vosk", "'s", "Kitchen", "Cabinet", "met"];
    assert_eq!(joined(&toks, vec![pu, 0, 0, 0, 0]), names_of(&[("Vosk", PER)]));
    let toks = ["Vosk", "'s", "Grill", "Team", "met"];
    assert_eq!(joined(&toks, vec![pu, 0, 0, 0, 0]), names_of(&[("Vosk", PER)]));
    // a school's kind between ("St Brigid's Primary School"), also read as a name of its own
    let toks = ["of", "St", "Brigid", "'s", "Primary", "School", ","];
    assert_eq!(joined(&toks, vec![0, lb, ll, 0, ob, ol, 0]), names_of(&[("St Brigid 's Primary School", ORG)]));
    let toks = ["at", "King", "'s", "Grammar", "School"];
    assert_eq!(joined(&toks, vec![0, pu, 0, 0, 0]), names_of(&[("King 's Grammar School", ORG)]));
    // not a place's own school, nor a name that runs on past the school's word
    let toks = ["Kell", "'s", "Grammar", "School"];
    assert_eq!(joined(&toks, vec![lu, 0, ob, ol]), names_of(&[("Kell", LOC), ("Grammar School", ORG)]));
    let toks = ["Ann", "Lee", "'s", "High", "School", "friends"];
    assert_eq!(joined(&toks, vec![label(PER, BEGIN), label(PER, LAST), 0, 0, 0, 0]), names_of(&[("Ann Lee", PER)]));
    let toks = ["Pennsylvania", "'s", "Wharton", "School", ","];
    let labels = vec![label(ORG, UNIT), 0, ob, ol, 0];
    assert_eq!(joined(&toks, labels), names_of(&[("Pennsylvania", ORG), ("Wharton School", ORG)]));
    let toks = ["King", "'s", "High", "School", "Musical"];
    let labels = vec![pu, 0, label(MISC, BEGIN), label(MISC, INSIDE), label(MISC, LAST)];
    assert_eq!(joined(&toks, labels), names_of(&[("King", PER), ("High School Musical", MISC)]));
    // a place's possessive, or a person's before another name, is no part of the name
    let toks = ["South", "Korea", "'s", "Park", "said"];
    assert_eq!(joined(&toks, vec![lb, ll, 0, pu, 0]), names_of(&[("South Korea", LOC), ("Park", PER)]));
    assert_eq!(joined(&["Kell", "'s", "Park"], vec![lu, 0, 0]), names_of(&[("Kell", LOC)]));
    let toks = ["Pelosi", "'s", "Bay", "Area", "district"];
    assert_eq!(joined(&toks, vec![pu, 0, lb, ll, 0]), names_of(&[("Pelosi", PER), ("Bay Area", LOC)]));
    let toks = ["Kell", "United", "'s", "Park", "scored"];
    assert_eq!(joined(&toks, vec![ob, ol, 0, pu, 0]), names_of(&[("Kell United", ORG), ("Park", PER)]));
    // a longer name after it keeps its type, unless a place owns it
    let toks = ["Queen", "'s", "Park", "Rangers"];
    assert_eq!(joined(&toks, vec![ou, 0, ob, ol]), names_of(&[("Queen 's Park Rangers", ORG)]));
    let toks = ["St.", "Anselm", "'s", "College", "Institute"];
    assert_eq!(joined(&toks, vec![lb, ll, 0, ob, ol]), names_of(&[("St. Anselm 's College Institute", ORG)]));
    let toks = ["Veloria", "'s", "Park", "Party"];
    assert_eq!(joined(&toks, vec![lu, 0, ob, ol]), names_of(&[("Veloria", LOC), ("Park Party", ORG)]));
    // another word, a lowercase one, or a name the model ran on through "'s" stay as they are
    let toks = ["Veloria", "'s", "Central", "Bank"];
    assert_eq!(joined(&toks, vec![lu, 0, ob, ol]), names_of(&[("Veloria", LOC), ("Central Bank", ORG)]));
    assert_eq!(joined(&["Kell", "'s", "church"], vec![lu, 0, 0]), names_of(&[("Kell", LOC)]));
    let toks = ["Kell", "'s", "Church"];
    assert_eq!(joined(&toks, vec![ob, oi, ol]), names_of(&[("Kell 's Church", ORG)]));
}

#[test]
fn a_wire_datelines_names_are_places() {
    let (pu, ou) = (label(PER, UNIT), label(ORG, UNIT));
    let (ob, ol) = (label(ORG, BEGIN), label(ORG, LAST));
    // the city in capitals and the country after it, before the agency; the date after them
    let toks = ["PORT", "ELLIS", ",", "Marovia", ",", "June", "12", "(", "Reuters", ")", "-", "The", "bank"];
    let labels = vec![ob, ol, 0, pu, 0, pu, 0, 0, ou, 0, 0, 0, 0];
    assert_eq!(joined(&toks, labels), names_of(&[("PORT ELLIS", LOC), ("Marovia", LOC), ("Reuters", ORG)]));
    let toks = ["KELDHAVEN", "(", "AP", ")", "\u{2014}", "At", "least"];
    assert_eq!(joined(&toks, vec![ou, 0, ou, 0, 0, 0, 0]), names_of(&[("KELDHAVEN", LOC), ("AP", ORG)]));
    // an agency cited in a sentence leaves the words before it alone
    let toks = ["Ann", "Lee", "told", "reporters", "(", "Reuters", ")"];
    let (pb, pl) = (label(PER, BEGIN), label(PER, LAST));
    assert_eq!(joined(&toks, vec![pb, pl, 0, 0, 0, ou, 0]), names_of(&[("Ann Lee", PER), ("Reuters", ORG)]));
    let toks = ["Marovia", "(", "Reuters", ")"];
    assert_eq!(joined(&toks, vec![pu, 0, ou, 0]), names_of(&[("Marovia", PER), ("Reuters", ORG)]));
    // without an agency, a dash after a town the lexicon knows, and the state's short form
    let toks = ["LOS", "ANGELES", "\u{2014}", "Actress", "Ann", "Lee"];
    let labels = vec![ob, ol, 0, 0, pb, pl];
    assert_eq!(joined(&toks, labels), names_of(&[("LOS ANGELES", LOC), ("Ann Lee", PER)]));
    let toks = ["LA", "CROSSE", ",", "Wisc", ".", "--", "``", "The", "bank"];
    let labels = vec![ob, ol, 0, pu, 0, 0, 0, 0, 0];
    assert_eq!(joined(&toks, labels), names_of(&[("LA CROSSE", LOC), ("Wisc .", LOC)]));
    // not a surname the model read as a person without a state after it (an obituary), nor a
    // team's line of a transactions list
    let toks = ["JACKSON", "\u{2014}", "Mary", "Ann", ",", "84", ","];
    let labels = vec![pu, 0, pb, pl, 0, 0, 0];
    assert_eq!(joined(&toks, labels), names_of(&[("JACKSON", PER), ("Mary Ann", PER)]));
    let toks = ["JACKSON", ",", "Miss", ".", "\u{2014}", "The", "governor"];
    let labels = vec![pu, 0, label(LOC, UNIT), 0, 0, 0, 0];
    assert_eq!(joined(&toks, labels), names_of(&[("JACKSON", LOC), ("Miss .", LOC)]));
    let toks = ["DENVER", "\u{2014}", "Waived", "F", "Darrell", "Arthur", "."];
    let labels = vec![ou, 0, 0, 0, pb, pl, 0];
    assert_eq!(joined(&toks, labels), names_of(&[("DENVER", ORG), ("Darrell Arthur", PER)]));
    // not a name the lexicon does not know as a place, nor a dash later in the sentence
    let toks = ["NATO", "-", "The", "alliance", "met"];
    assert_eq!(joined(&toks, vec![ou, 0, 0, 0, 0]), names_of(&[("NATO", ORG)]));
    let toks = ["NEW", "YORK", "AT", "ITS", "CORE", "\u{2014}", "The", "show"];
    let labels = vec![ob, ol, 0, 0, 0, 0, 0, 0];
    assert_eq!(joined(&toks, labels), names_of(&[("NEW YORK", ORG)]));
}

#[test]
fn a_time_zone_after_a_clock_time_is_no_name() {
    let (ob, oi, ol) = (label(ORG, BEGIN), label(ORG, INSIDE), label(ORG, LAST));
    let toks = ["at", "8:30", "a.m.", "Eastern", "Time", "on", "Tuesday"];
    assert_eq!(joined(&toks, vec![0, 0, 0, ob, ol, 0, 0]), names_of(&[]));
    let toks = ["18:30", "Central", "European", "Summer", "Time"];
    assert_eq!(joined(&toks, vec![0, ob, oi, oi, ol]), names_of(&[]));
    // not without the clock, nor a name of other words
    let toks = ["the", "Eastern", "Time", "Zone", "Authority"];
    assert_eq!(joined(&toks, vec![0, ob, oi, oi, ol]), names_of(&[("Eastern Time Zone Authority", ORG)]));
    let toks = ["on", "Eastern", "Time", "radio"];
    assert_eq!(joined(&toks, vec![0, ob, ol, 0]), names_of(&[("Eastern Time", ORG)]));
    let toks = ["at", "9", "p.m.", "Pacific", "Gas"];
    assert_eq!(joined(&toks, vec![0, 0, 0, ob, ol]), names_of(&[("Pacific Gas", ORG)]));
}

#[test]
fn the_crowns_letter_in_a_case_name_is_no_name() {
    let (ou, pb, pl) = (label(ORG, UNIT), label(PER, BEGIN), label(PER, LAST));
    let toks = ["R", "v", "Daniel", "Okoro"];
    assert_eq!(joined(&toks, vec![ou, 0, pb, pl]), names_of(&[("Daniel Okoro", PER)]));
    // another letter, or an "R" that is no party, stays
    let toks = ["Channel", "R", "said"];
    assert_eq!(joined(&toks, vec![0, ou, 0]), names_of(&[("R", ORG)]));
}

#[test]
fn an_office_written_in_capitals_is_no_name() {
    let (ob, oi, ol, pb, pl) =
        (label(ORG, BEGIN), label(ORG, INSIDE), label(ORG, LAST), label(PER, BEGIN), label(PER, LAST));
    let toks = ["Wielgosz", ",", "currently", "Chief", "Financial", "Officer", ","];
    assert_eq!(joined(&toks, vec![label(PER, UNIT), 0, 0, ob, oi, ol, 0]), names_of(&[("Wielgosz", PER)]));
    let toks = ["the", "Vice", "President", "said"];
    assert_eq!(joined(&toks, vec![0, pb, pl, 0]), names_of(&[]));
    // not a name with a word of its own, nor one word alone
    let toks = ["Chief", "Technology", "Officer", "Magazine"];
    let labels = vec![ob, oi, oi, ol];
    assert_eq!(joined(&toks, labels), names_of(&[("Chief Technology Officer Magazine", ORG)]));
    let toks = ["Harbridge", "Director"];
    assert_eq!(joined(&toks, vec![ob, ol]), names_of(&[("Harbridge Director", ORG)]));
    let toks = ["Executive", "said"];
    assert_eq!(joined(&toks, vec![label(ORG, UNIT), 0]), names_of(&[("Executive", ORG)]));
    // an office over a department ("Head of Investor Relations"), not a body ("Bank of England")
    let toks = ["Raman", ",", "Head", "of", "Investor", "Relations", "."];
    let labels = vec![label(PER, UNIT), 0, ob, oi, oi, ol, 0];
    assert_eq!(joined(&toks, labels), names_of(&[("Raman", PER)]));
    let toks = ["the", "Director", "of", "Communications", "said"];
    assert_eq!(joined(&toks, vec![0, ob, oi, ol, 0]), names_of(&[]));
    let toks = ["the", "Director", "of", "Public", "Prosecutions", "Office"];
    let labels = vec![0, ob, oi, oi, oi, ol];
    assert_eq!(joined(&toks, labels), names_of(&[("Director of Public Prosecutions Office", ORG)]));
    let toks = ["the", "Director", "of", "Public", "Prosecutions", "said"];
    assert_eq!(joined(&toks, vec![0, 0, 0, ob, ol, 0]), names_of(&[]));
    let toks = ["the", "Ministry", "of", "Public", "Affairs", "said"];
    assert_eq!(joined(&toks, vec![0, 0, 0, ob, ol, 0]), names_of(&[("Public Affairs", ORG)]));
    let toks = ["the", "Ministry", "of", "Finance", "said"];
    assert_eq!(joined(&toks, vec![0, ob, oi, ol, 0]), names_of(&[("Ministry of Finance", ORG)]));
    let toks = ["Head", "of", "Kellmore", "Council"];
    assert_eq!(joined(&toks, vec![ob, oi, oi, ol]), names_of(&[("Head of Kellmore Council", ORG)]));
}

#[test]
fn a_name_that_owns_provinces_or_a_coast_is_a_place() {
    let (ou, pu, mu) = (label(ORG, UNIT), label(PER, UNIT), label(MISC, UNIT));
    let toks = ["districts", "of", "Kessarine", "'s", "northern", "provinces", "."];
    assert_eq!(joined(&toks, vec![0, 0, ou, 0, 0, 0, 0]), names_of(&[("Kessarine", LOC)]));
    let toks = ["along", "Marovia", "\u{2019}s", "coast", "."];
    assert_eq!(joined(&toks, vec![0, ou, 0, 0, 0]), names_of(&[("Marovia", LOC)]));
    let toks = ["hit", "Kessarine", "'s", "northern", "provinces", "last", "week"];
    assert_eq!(joined(&toks, vec![0, pu, 0, 0, 0, 0, 0]), names_of(&[("Kessarine", LOC)]));
    let toks = ["of", "Lindhaven", "'s", "derelict", "harbour", "in", "the", "1980s"];
    assert_eq!(joined(&toks, vec![0, pu, 0, 0, 0, 0, 0, 0]), names_of(&[("Lindhaven", LOC)]));
    // not a region word that goes on ("border wall"), a person's district, or another word
    let toks = ["Trump", "'s", "border", "wall"];
    assert_eq!(joined(&toks, vec![pu, 0, 0, 0]), names_of(&[("Trump", PER)]));
    let toks = ["Pelosi", "'s", "district", "."];
    assert_eq!(joined(&toks, vec![pu, 0, 0, 0]), names_of(&[("Pelosi", PER)]));
    let toks = ["in", "Lund", "'s", "home", "region", ","];
    assert_eq!(joined(&toks, vec![0, pu, 0, 0, 0, 0]), names_of(&[("Lund", PER)]));
    let (ob, ol) = (label(ORG, BEGIN), label(ORG, LAST));
    let toks = ["Norvik", "Steel", "'s", "northern", "provinces", "."];
    assert_eq!(joined(&toks, vec![ob, ol, 0, 0, 0, 0]), names_of(&[("Norvik Steel", ORG)]));
    let toks = ["Norvik", "'s", "north", "and", "south", "divisions"];
    assert_eq!(joined(&toks, vec![ou, 0, 0, 0, 0, 0]), names_of(&[("Norvik", ORG)]));
    let toks = ["Harbridge", "'s", "northern", "offices", "."];
    assert_eq!(joined(&toks, vec![ou, 0, 0, 0, 0]), names_of(&[("Harbridge", ORG)]));
    let toks = ["Kessari", "'s", "north", "."];
    assert_eq!(joined(&toks, vec![mu, 0, 0, 0]), names_of(&[("Kessari", MISC)]));
}

#[test]
fn a_name_after_nee_is_a_persons() {
    let (lu, ou) = (label(LOC, UNIT), label(ORG, UNIT));
    let toks = ["Ingrid", "(", "née", "Brekke", ")"];
    assert_eq!(joined(&toks, vec![label(PER, UNIT), 0, 0, lu, 0]), names_of(&[("Ingrid", PER), ("Brekke", PER)]));
    let toks = ["his", "wife", ",", "nee", "Hallam", ","];
    assert_eq!(joined(&toks, vec![0, 0, 0, 0, ou, 0]), names_of(&[("Hallam", PER)]));
    // not after another word
    let toks = ["in", "Brekke", ")"];
    assert_eq!(joined(&toks, vec![0, lu, 0]), names_of(&[("Brekke", LOC)]));
}

#[test]
fn a_stage_direction_in_brackets_is_no_name() {
    let at = |toks: &[&str]| (0..toks.len()).filter(|&k| stage_direction(toks, k)).collect::<Vec<_>>();
    assert_eq!(at(&["judges", ".", "(", "Laughter", ".", ")", "This"]), vec![3]);
    assert_eq!(at(&["[", "APPLAUSE", "]", "Thank", "you"]), vec![1]);
    assert_eq!(at(&["(", "Crosstalk", ")"]), vec![1]);
    // not outside brackets, nor with more words inside, nor another word
    assert!(at(&["Laughter", "is", "good", "(", "Music", "Hall", ")"]).is_empty());
    assert!(at(&["(", "Laughter", "and", "applause", ")"]).is_empty());
    assert!(at(&["(", "Lena", ")", "[", "Music", "."]).is_empty());
}

/// The names of one document's sentences after [`businesses_by_possessive`].
fn with_possessives(sents: &[&[&str]], labels: &[Vec<u8>]) -> Vec<(String, u8)> {
    names_after(sents, labels, businesses_by_possessive)
}

#[test]
fn a_business_named_by_a_possessive_keeps_its_s() {
    let (pu, ou, lu) = (label(PER, UNIT), label(ORG, UNIT), label(LOC, UNIT));
    let (pb, pl) = (label(PER, BEGIN), label(PER, LAST));
    let first: &[&str] = &["Harlen", "'s", "became", "Vosk", "'s", "in", "1992", "."];
    let second: &[&str] = &["We", "ate", "at", "Tova", "\u{2019}s", "."];
    let labels = vec![vec![pu, 0, 0, ou, 0, 0, 0, 0], vec![0, 0, 0, pu, 0, 0]];
    let found = with_possessives(&[first, second], &labels);
    assert_eq!(found, names_of(&[("Harlen 's", ORG), ("Vosk 's", ORG), ("Tova \u{2019}s", ORG)]));
    // not where the possessive owns something, nor a person the document names without it
    let first: &[&str] = &["Harlen", "'s", "car", "and", "Vosk", "'s", "."];
    let second: &[&str] = &["Vosk", "said", "so", "."];
    let labels = vec![vec![pu, 0, 0, 0, pu, 0, 0], vec![pu, 0, 0, 0]];
    assert_eq!(with_possessives(&[first, second], &labels), names_of(&[("Harlen", PER), ("Vosk", PER), ("Vosk", PER)]));
    // nor a person of two words, one with a form of address, a place or a disease
    let toks: &[&str] =
        &["Ada", "Quin", "'s", ",", "Mr.", "Vosk", "'s", ",", "Tessa", "'s", "and", "Parkinson", "'s", "."];
    let labels = vec![vec![pb, pl, 0, 0, 0, pu, 0, 0, lu, 0, 0, pu, 0, 0]];
    let names = with_possessives(&[toks], &labels);
    assert_eq!(names, names_of(&[("Ada Quin", PER), ("Vosk", PER), ("Tessa", LOC), ("Parkinson", PER)]));
    // nor one that stands for a thing named before it, a second owner, a family word or a
    // contraction
    let toks: &[&str] = &["better", "than", "Orlov", "'s", ".", "Vosk", "'s", "and", "Tova", "'s", "cars", "."];
    let labels = vec![vec![0, 0, pu, 0, 0, pu, 0, 0, pu, 0, 0, 0]];
    assert_eq!(with_possessives(&[toks], &labels).iter().filter(|n| n.1 == ORG).count(), 0);
    let toks: &[&str] = &["cars", "of", "Tova", "'s", "and", "Vosk", "'s", ",", "to", "Grandma", "'s", "."];
    let labels = vec![vec![0, 0, pu, 0, 0, pu, 0, 0, 0, pu, 0, 0]];
    assert_eq!(with_possessives(&[toks], &labels).iter().filter(|n| n.1 == ORG).count(), 0);
    let toks: &[&str] = &["Kestrel", "'s", "on", "his", "way", ";", "Ludo", "'s", "on", "Elm", "Street", "."];
    let labels = vec![vec![pu, 0, 0, 0, 0, 0, pu, 0, 0, 0, 0, 0]];
    assert_eq!(with_possessives(&[toks], &labels), names_of(&[("Kestrel", PER), ("Ludo 's", ORG)]));
    let toks: &[&str] = &["Brin", "'s", "had", "enough", "."];
    assert_eq!(with_possessives(&[toks], &[vec![pu, 0, 0, 0, 0]]), names_of(&[("Brin", PER)]));
}

#[test]
fn the_name_a_document_opens_by_defining_is_one_name_of_the_definitions_type() {
    let defined = |sents: &[&[&str]], labels: &[Vec<u8>]| names_after(sents, labels, leads::defined_subject);
    let (mu, lu) = (label(MISC, UNIT), label(LOC, UNIT));
    // the model read a part of it, here and where the document repeats it
    let lead: &[&str] = &["30", "Seconds", "to", "Vell", "is", "an", "American", "rock", "band", "from", "Tresk", "."];
    let next: &[&str] = &["In", "2007", ",", "30", "Seconds", "to", "Vell", "toured", "."];
    // (not inside a longer run of capitals)
    let tour: &[&str] = &["The", "30", "Seconds", "to", "Vell", "Tour", "ended", "."];
    let labels = [vec![0, 0, 0, mu, 0, 0, 0, 0, 0, 0, lu, 0], vec![0, 0, 0, 0, 0, 0, mu, 0, 0], vec![0; 8]];
    let want = [("30 Seconds to Vell", ORG), ("Tresk", LOC), ("30 Seconds to Vell", ORG)];
    assert_eq!(defined(&[lead, next, tour], &labels), names_of(&want));
    // under a heading, with a slash between two kinds, and none of it read; an album; a series
    // of games, of one word
    let heading: &[&str] = &["Quiet", "Room", "Notes"];
    let lead: &[&str] = &["Quiet", "Room", "Notes", "are", "a", "four-piece", "electro", "/", "synthpop", "band", "."];
    let found = defined(&[heading, lead], &[vec![0; 3], vec![0; 11]]);
    assert_eq!(found, names_of(&[("Quiet Room Notes", ORG); 2]));
    let lead: &[&str] = &["Dreams", "From", "A", "Dirt", "Nap", "is", "a", "compilation", "album", "by", "Vell", "."];
    let found = defined(&[lead], &[vec![0; 12]]);
    assert_eq!(found, names_of(&[("Dreams From A Dirt Nap", MISC)]));
    let lead: &[&str] = &["BeatLine", "is", "a", "series", "of", "music", "video", "games", "."];
    assert_eq!(defined(&[lead], &[vec![0; 9]]), names_of(&[("BeatLine", MISC)]));
    // not: a pronoun, a question, a definition after the first sentence, a lowercase word in
    // the subject, an unknown head noun
    let cases: &[&[&[&str]]] = &[
        &[&["This", "is", "a", "company", "that", "sells", "skis", "."]],
        &[&["Why", "is", "the", "band", "called", "Vell", "?"]],
        &[&["Dirt", "Nap", "is", "a", "band", "?"]],
        &[&["Home", "rule", "for", "Tresk", "was", "a", "party", "."]],
        &[&["It", "rained", "in", "Tresk", "."], &["Dirt", "Nap", "is", "a", "band", "."]],
        &[&["The", "Vell", "national", "handball", "team", "is", "a", "team", "."]],
        &[&["Dirt", "Nap", "is", "a", "disgrace", "."]],
        // (a possessive head, a figure, a common word alone)
        &[&["Home", "Rule", "is", "the", "party", "'s", "biggest", "problem", "."]],
        &[&["Dirt", "Nap", "is", "a", "game", "of", "patience", "."]],
        &[&["Chess", "is", "a", "game", "played", "by", "two", "."]],
    ];
    for sents in cases {
        let labels: Vec<Vec<u8>> = sents.iter().map(|s| vec![0; s.len()]).collect();
        assert!(defined(sents, &labels).is_empty(), "{sents:?}");
    }
    // a name the model read whole keeps its type (the entity linker weighs the definition), and
    // one that runs over the subject's edge is left alone
    let lead: &[&str] = &["Vell", "Harbour", "is", "a", "company", "."];
    let labels = [vec![label(LOC, BEGIN), label(LOC, LAST), 0, 0, 0, 0]];
    assert_eq!(defined(&[lead], &labels), names_of(&[("Vell Harbour", LOC)]));
    let lead: &[&str] = &["The", "Vell", "Trust", "is", "a", "company", "."];
    let labels = [vec![label(PER, BEGIN), label(PER, LAST), 0, 0, 0, 0, 0]];
    assert_eq!(defined(&[lead], &labels), names_of(&[("The Vell", PER)]));
    // a word that opens sentences stays out of the model's name after it, but a preposition
    // may open a title; a person after "and" or an office stays a person
    let (ob, ol) = (label(ORG, BEGIN), label(ORG, LAST));
    let lead: &[&str] = &["But", "Vell", "Harbour", "is", "a", "party", "in", "crisis", "."];
    let found = defined(&[lead], &[vec![0, ob, ol, 0, 0, 0, 0, 0, 0]]);
    assert_eq!(found, names_of(&[("Vell Harbour", ORG)]));
    let lead: &[&str] = &["Under", "the", "Dome", "is", "an", "American", "series", "."];
    let found = defined(&[lead], &[vec![0, 0, lu, 0, 0, 0, 0, 0]]);
    assert_eq!(found, names_of(&[("Under the Dome", MISC)]));
    let lead: &[&str] = &["Ann", "Lee", "and", "Tom", "Vell", "are", "a", "folk", "duo", "."];
    let (pb, pl) = (label(PER, BEGIN), label(PER, LAST));
    let found = defined(&[lead], &[vec![pb, pl, 0, pb, pl, 0, 0, 0, 0, 0]]);
    assert_eq!(found, names_of(&[("Ann Lee", PER), ("Tom Vell", PER)]));
}

#[test]
fn a_nickname_in_quotation_marks_is_part_of_the_persons_name() {
    let nicknamed = |toks: &[&str], found: &[(usize, usize, u8)]| {
        let mut labels = vec![0; toks.len()];
        for &(s, e, t) in found {
            set_name(&mut labels, s, e, t);
        }
        nicknames(toks, &mut labels);
        spans_of(&labels).into_iter().map(|(i, j, t)| (toks[i..j].join(" "), t)).collect::<Vec<_>>()
    };
    let toks = ["the", "legend", "Roberto", "\"", "Hands", "of", "Stone", "\"", "Duran", "climbs", "."];
    let found = nicknamed(&toks, &[(2, 3, PER), (4, 7, MISC), (8, 9, PER)]);
    assert_eq!(found, names_of(&[("Roberto \" Hands of Stone \" Duran", PER)]));
    // a given name the model left out, and the surname with the rest of the model's name
    let toks = ["William", "\u{201c}", "Buckshot", "\u{201d}", "May", "Jr", "pitched", "."];
    let found = nicknamed(&toks, &[(2, 3, MISC), (4, 6, PER)]);
    assert_eq!(found, names_of(&[("William \u{201c} Buckshot \u{201d} May Jr", PER)]));
    // in single marks; and a person's name the model began inside the marks
    let toks = ["James", "'", "Jimmy", "'", "Cole", "was"];
    let found = nicknamed(&toks, &[(0, 1, PER), (2, 3, PER), (4, 5, PER)]);
    assert_eq!(found, names_of(&[("James ' Jimmy ' Cole", PER)]));
    let toks = ["Gordon", "\"", "Buck", "\"", "Hallister", "was"];
    let found = nicknamed(&toks, &[(0, 1, PER), (2, 5, PER)]);
    assert_eq!(found, names_of(&[("Gordon \" Buck \" Hallister", PER)]));
    // not after an organisation or a common word, nor before a lowercase word
    for (toks, found) in [
        (&["the", "Lakers", "\"", "Showtime", "\"", "Era", "."][..], &[(1, 2, ORG)][..]),
        (&["a", "Fine", "\"", "Showtime", "\"", "Era", "."][..], &[][..]),
        (&["Roberto", "\"", "Stone", "\"", "said", "."][..], &[(0, 1, PER)][..]),
        (&["Roberto", "\"", "Stone", "\"", "Industries", "."][..], &[(0, 1, PER), (4, 5, ORG)][..]),
        (&["Roberto", "\"", "Stone", "cold", "\"", "Duran", "."][..], &[(0, 1, PER), (5, 6, PER)][..]),
        // (in single marks or a headline in title case, only before a person the model read)
        (&["James", "'", "Jimmy", "'", "Cole", "was"][..], &[(0, 1, PER)][..]),
        (&["Ann", "Vell", "\"", "The", "Dealmaker", "\"", "Could", "Win", "In", "Tresk"][..], &[(0, 2, PER)][..]),
        // (marks that close the sentence)
        (&["Ann", "Vell", "'", "Jimmy", "Boy", "'"][..], &[(0, 2, PER)][..]),
        // (a name begun before the marks goes on past them: no nickname of its own)
        (&["Roberto", "\"", "Stone", "\"", "Duran", "."][..], &[(0, 1, PER), (1, 5, PER)][..]),
    ] {
        let want: Vec<(String, u8)> = found.iter().map(|&(s, e, t)| (toks[s..e].join(" "), t)).collect();
        assert_eq!(nicknamed(toks, found), want, "{toks:?}");
    }
}

#[test]
fn a_name_after_a_noun_of_a_body_is_an_organisation() {
    let after_noun =
        |toks: &[&str], labels: Vec<u8>| names_after(&[toks], &[labels], |t, _, l| leads::named_after_body_noun(t, l));
    let (pu, mu, lu) = (label(PER, UNIT), label(MISC, UNIT), label(LOC, UNIT));
    let (mb, ml, pb, pl) = (label(MISC, BEGIN), label(MISC, LAST), label(PER, BEGIN), label(PER, LAST));
    let toks = ["guitarist", "of", "the", "band", "Gigo", "."];
    assert_eq!(after_noun(&toks, vec![0, 0, 0, 0, pu, 0]), names_of(&[("Gigo", ORG)]));
    // after a comma, in an apposition a punctuation mark closes
    let toks = ["his", "company", ",", "Interpane", "-", "and", "its", "newspaper", ",", "Il", "Vello", ","];
    let found = after_noun(&toks, vec![0, 0, 0, lu, 0, 0, 0, 0, 0, pb, pl, 0]);
    assert_eq!(found, names_of(&[("Interpane", ORG), ("Il Vello", ORG)]));
    let toks = ["the", "industrial", "band", "Killing", "Jape", "and", "the", "company", "Amusevale"];
    let found = after_noun(&toks, vec![0, 0, 0, mb, ml, 0, 0, 0, lu]);
    assert_eq!(found, names_of(&[("Killing Jape", ORG), ("Amusevale", ORG)]));
    // not after a verb of the same spelling, nor a person the model read with a given name or
    // before a verb of a clause about the body
    for (toks, labels) in [
        (&["they", "label", "Vell", "a", "liar"][..], vec![0, 0, pu, 0, 0]),
        (&["the", "company", "Anna", "Vell", "founded"][..], vec![0, 0, pb, pl, 0]),
        (&["the", "company", "Vell", "founded", "in", "1990"][..], vec![0, 0, pu, 0, 0, 0]),
        (&["One", "label", "Vell", "resists", "is", "this"][..], vec![0, 0, pu, 0, 0, 0]),
        (&["The", "company", "Vell", "now", "runs", "is", "new"][..], vec![0, 0, pu, 0, 0, 0, 0]),
        (&["must", "not", "label", "Vell", "a", "traitor"][..], vec![0, 0, 0, pu, 0, 0]),
        (&["The", "band", "Vell", "and", "his", "friends", "formed"][..], vec![0, 0, pu, 0, 0, 0, 0]),
        (&["by", "his", "firm", ",", "Vell", "boasted"][..], vec![0, 0, 0, 0, pu, 0]),
        (&["The", "charity", "Vell", ",", "a", "singer", ",", "backs"][..], vec![0, 0, pu, 0, 0, 0, 0, 0]),
        (&["the", "team", "captain", "Vell"][..], vec![0, 0, 0, pu]),
        (&["the", "album", "Vell"][..], vec![0, 0, mu]),
    ] {
        let want: Vec<(String, u8)> = spans_of(&labels).iter().map(|&(i, j, t)| (toks[i..j].join(" "), t)).collect();
        assert_eq!(after_noun(toks, labels), want, "{toks:?}");
    }
}

#[test]
fn the_names_of_a_list_of_examples_take_the_kinds_type() {
    let listed =
        |toks: &[&str], labels: Vec<u8>| names_after(&[toks], &[labels], |t, _, l| leads::listed_examples(t, l));
    let (pu, mu, lu, ou) = (label(PER, UNIT), label(MISC, UNIT), label(LOC, UNIT), label(ORG, UNIT));
    let (mb, ml) = (label(MISC, BEGIN), label(MISC, LAST));
    // after "like": each name whole, a capitalized word the model left out joining its name
    let toks = ["bands", "like", "The", "Ramblers", ",", "Quiet", "Vell", "and", "Captain", "Orso", "."];
    let found = listed(&toks, vec![0, 0, mb, ml, 0, mb, ml, 0, 0, pu, 0]);
    assert_eq!(found, names_of(&[("The Ramblers", ORG), ("Quiet Vell", ORG), ("Captain Orso", ORG)]));
    // before "and several other": back to the list's first name; a place's kind, opening the
    // sentence
    let toks = ["by", "Head", "Vell", ",", "Orso", ",", "and", "several", "other", "bands"];
    let found = listed(&toks, vec![0, mb, ml, 0, pu, 0, 0, 0, 0, 0]);
    assert_eq!(found, names_of(&[("Head Vell", ORG), ("Orso", ORG)]));
    let toks = ["Countries", "such", "as", "Vellmark", "and", "Orsovia", ",", "which", "fight", "Tresk"];
    let found = listed(&toks, vec![0, 0, 0, pu, 0, ou, 0, 0, 0, pu]);
    assert_eq!(found, names_of(&[("Vellmark", LOC), ("Orsovia", LOC), ("Tresk", PER)]));
    // not: a person read with a given name, a name before a possessive, a word that opens
    // sentences, a noun of no kind
    for (toks, labels) in [
        (&["bands", "like", "John", "Orso", "."][..], vec![0, 0, label(PER, BEGIN), label(PER, LAST), 0]),
        (&["bands", "including", "Orso", "'s", "."][..], vec![0, 0, pu, 0, 0]),
        (&["If", "Tresk", "and", "other", "cities"][..], vec![0, lu, 0, 0, 0]),
        (&["In", "towns", "like", "Tresk", ",", "Mayor", "Orso", "rules"][..], vec![0, 0, 0, lu, 0, 0, pu, 0]),
        (&["people", "like", "Orso", "."][..], vec![0, 0, pu, 0]),
        (&["games", "like", "Orso", "."][..], vec![0, 0, mu, 0]),
    ] {
        let want: Vec<(String, u8)> = spans_of(&labels).iter().map(|&(i, j, t)| (toks[i..j].join(" "), t)).collect();
        assert_eq!(listed(toks, labels), want, "{toks:?}");
    }
}

#[test]
fn a_given_name_read_apart_from_the_persons_name_after_it_joins_it() {
    let (pb, pl, pu) = (label(PER, BEGIN), label(PER, LAST), label(PER, UNIT));
    let toks = ["Carter", "Anthony", "Orvel", "(", "born"];
    assert_eq!(joined(&toks, vec![pu, pb, pl, 0, 0]), names_of(&[("Carter Anthony Orvel", PER)]));
    // not a word that is no given name, a longer name before, nor a one-word name after
    let toks = ["Kellworth", "Anthony", "Orvel"];
    assert_eq!(joined(&toks, vec![pu, pb, pl]), names_of(&[("Kellworth", PER), ("Anthony Orvel", PER)]));
    let toks = ["M.", "Orvel", "Lbw"];
    assert_eq!(joined(&toks, vec![pb, pl, pu]), names_of(&[("M. Orvel", PER), ("Lbw", PER)]));
    assert_eq!(joined(&["Carter", "Orvel"], vec![pu, pu]), names_of(&[("Carter", PER), ("Orvel", PER)]));
    let toks = ["Anna", "Vell", "Orvel", "Kell"];
    assert_eq!(joined(&toks, vec![pb, pl, pb, pl]), names_of(&[("Anna Vell", PER), ("Orvel Kell", PER)]));
}

#[test]
fn a_word_before_a_number_and_a_colon_labels_an_item_of_a_list() {
    let (ou, pu) = (label(ORG, UNIT), label(PER, UNIT));
    let (ob, ol) = (label(ORG, BEGIN), label(ORG, LAST));
    let toks = ["Milepost", "7", ":", "The", "Notch"];
    assert_eq!(joined(&toks, vec![ou, 0, 0, 0, label(LOC, UNIT)]), names_of(&[("Notch", LOC)]));
    let toks = ["Associate", "Team", "1", ":", "Coach"];
    assert_eq!(joined(&toks, vec![ob, ol, 0, 0, 0]), names_of(&[]));
    // not a chapter and verse, a number inside the name, nor a number without a colon
    let toks = ["Isaiah", "45", ":", "1"];
    assert_eq!(joined(&toks, vec![pu, 0, 0, 0]), names_of(&[("Isaiah", PER)]));
    let toks = ["Phase", "1", ":", "build"];
    assert_eq!(joined(&toks, vec![label(MISC, BEGIN), label(MISC, LAST), 0, 0]), names_of(&[("Phase 1", MISC)]));
    assert_eq!(joined(&["Kell", "2", "Vell", "1"], vec![ou, 0, ou, 0]), names_of(&[("Kell", ORG), ("Vell", ORG)]));
    // nor a year, nor a name the lexicons know
    assert_eq!(joined(&["Kellmoor", "2024", ":", "the"], vec![ou, 0, 0, 0]), names_of(&[("Kellmoor", ORG)]));
    let lu = label(LOC, UNIT);
    assert_eq!(joined(&["Paris", "2", ":", "the"], vec![lu, 0, 0, 0]), names_of(&[("Paris", LOC)]));
}

#[test]
fn a_companys_legal_form_after_a_comma_is_part_of_its_name() {
    let (ob, ol, ou, lu) = (label(ORG, BEGIN), label(ORG, LAST), label(ORG, UNIT), label(LOC, UNIT));
    let toks = ["sold", "to", "Harwick", ",", "Inc.", "in", "2004"];
    assert_eq!(joined(&toks, vec![0, 0, ou, 0, 0, 0, 0]), names_of(&[("Harwick , Inc.", ORG)]));
    let toks = ["Tresk", "Timber", ",", "L.P.", "was", "sold"];
    assert_eq!(joined(&toks, vec![ob, ol, 0, lu, 0, 0]), names_of(&[("Tresk Timber , L.P.", ORG)]));
    // not after a person or a place, nor a lowercase word, nor a form inside another name
    let toks = ["Ann", "Vosk", ",", "Ltd", "director"];
    let (pb, pl) = (label(PER, BEGIN), label(PER, LAST));
    assert_eq!(joined(&toks, vec![pb, pl, 0, 0, 0]), names_of(&[("Ann Vosk", PER)]));
    let toks = ["Harwick", ",", "co", "-", "founded"];
    assert_eq!(joined(&toks, vec![ou, 0, 0, 0, 0]), names_of(&[("Harwick", ORG)]));
    let toks = ["Arsenal", ",", "Group", "B", "winners"];
    assert_eq!(joined(&toks, vec![ou, 0, 0, lu, 0]), names_of(&[("Arsenal", ORG), ("B", LOC)]));
    let toks = ["Harwick", ",", "AG", "spokesman"];
    assert_eq!(joined(&toks, vec![ou, 0, 0, 0]), names_of(&[("Harwick", ORG)]));
    let toks = ["Harwick", ",", "Ltd", "Group", "said"];
    assert_eq!(joined(&toks, vec![ou, 0, ob, ol, 0]), names_of(&[("Harwick", ORG), ("Ltd Group", ORG)]));
}

#[test]
fn a_units_number_after_the_is_the_unit_in_a_text_about_troops() {
    let units = |sents: &[&[&str]], labels: &[Vec<u8>]| names_after(sents, labels, numbered_units);
    let first: &[&str] = &["The", "139th", "was", "formed", "as", "a", "regiment", "."];
    let second: &[&str] = &["Later", ",", "the", "139th", "also", "fought", "and", "the", "139th", "along", "with"];
    let found = units(&[first, second], &[vec![0; 8], vec![0; 11]]);
    assert_eq!(found, names_of(&[("139th", ORG), ("139th", ORG)]));
    let first: &[&str] = &["The", "65th", "wing", "and", "its", "squadrons", ";", "the", "65th", "moved", "."];
    assert_eq!(units(&[first], &[vec![0; 11]]), names_of(&[("65th", ORG)]));
    // not without a word of troops, nor a day of the month, nor before a noun, nor a number the
    // text writes before another noun
    let first: &[&str] = &["The", "139th", "was", "held", "near", "the", "cavalry", "barracks", "."];
    assert!(units(&[first], &[vec![0; 9]]).is_empty());
    let first: &[&str] = &["The", "21st", "was", "cold", "for", "the", "regiment", "."];
    assert!(units(&[first], &[vec![0; 8]]).is_empty());
    let first: &[&str] = &["The", "139th", "anniversary", "of", "the", "regiment", "."];
    assert!(units(&[first], &[vec![0; 7]]).is_empty());
    let first: &[&str] = &["the", "brigade", "'s", "50th", "anniversary", ".", "The", "50th", "was", "marked", "."];
    assert!(units(&[first], &[vec![0; 11]]).is_empty());
}

#[test]
fn a_call_sign_in_a_text_about_radio_is_a_station() {
    let signs = |sents: &[&[&str]], labels: &[Vec<u8>]| names_after(sents, labels, call_signs);
    let pu = label(PER, UNIT);
    let first: &[&str] = &["882", "4QN", "is", "a", "talkback", "radio", "station", "."];
    let second: &[&str] = &["4QN", "and", "3TR", "are", "sisters", ",", "as", "is", "5ZR", "."];
    let found = signs(&[first, second], &[vec![0; 8], vec![0, 0, 0, 0, 0, 0, 0, 0, pu, 0]]);
    assert_eq!(found, names_of(&[("882 4QN", ORG), ("4QN", ORG), ("3TR", ORG), ("5ZR", ORG)]));
    // not outside such a text, nor an ordinal, a measure or a clock time in capitals, nor after
    // an article or a name, nor before a noun
    let first: &[&str] = &["The", "station", "said", "4QN", "left", "."];
    assert!(signs(&[first], &[vec![0; 6]]).is_empty());
    let first: &[&str] = &["The", "radio", "said", "1ST", ",", "2GB", "and", "6AM", "."];
    assert!(signs(&[first], &[vec![0; 9]]).is_empty());
    let first: &[&str] =
        &["The", "radio", "host", "won", "a", "4QN", ",", "a", "Nintendo", "3TR", "and", "3AB", "tower"];
    assert!(signs(&[first], &[vec![0; 13]]).is_empty());
}

#[test]
fn a_word_of_praise_or_an_exclamation_that_opens_a_sentence_is_no_name() {
    let (ou, lu, pu) = (label(ORG, UNIT), label(LOC, UNIT), label(PER, UNIT));
    assert_eq!(joined(&["Great", "people", "...", "I", "hear", "."], vec![ou, 0, 0, 0, 0, 0]), names_of(&[]));
    assert_eq!(joined(&["Yum", "."], vec![ou, 0]), names_of(&[]));
    assert_eq!(joined(&["YAY", ",", "great", "theater"], vec![lu, 0, 0, 0]), names_of(&[]));
    assert_eq!(joined(&["VERYYYY", "!!!!"], vec![ou, 0]), names_of(&[]));
    assert_eq!(joined(&["Nice", "and", "quiet", "place"], vec![ou, 0, 0, 0]), names_of(&[]));
    // not before a verb or a capitalized word, nor inside a sentence, nor a longer name
    let nice = |toks: &[&str]| joined(toks, [vec![lu], vec![0; toks.len() - 1]].concat());
    assert_eq!(nice(&["Nice", "is", "lovely"]), names_of(&[("Nice", LOC)]));
    assert_eq!(nice(&["Nice", ",", "France"]), names_of(&[("Nice", LOC)]));
    assert_eq!(nice(&["Nice", "and", "Cannes"]), names_of(&[("Nice", LOC)]));
    assert_eq!(nice(&["Nice", "hosts", "it"]), names_of(&[("Nice", LOC)]));
    assert_eq!(nice(&["Nice", "airport", "shut"]), names_of(&[("Nice", LOC)]));
    assert_eq!(nice(&["Nice", "'s", "mayor"]), names_of(&[("Nice", LOC)]));
    assert_eq!(nice(&["Nice", ",", "the", "capital"]), names_of(&[("Nice", LOC)]));
    assert_eq!(joined(&["Lovely", "staff", "."], vec![ou, 0, 0]), names_of(&[]));
    assert_eq!(joined(&["Good", "said", "no"], vec![pu, 0, 0]), names_of(&[("Good", PER)]));
    assert_eq!(joined(&["in", "Nice", "people"], vec![0, lu, 0]), names_of(&[("Nice", LOC)]));
    let (ob, ol) = (label(ORG, BEGIN), label(ORG, LAST));
    assert_eq!(joined(&["Good", "Food", "."], vec![ob, ol, 0]), names_of(&[("Good Food", ORG)]));
}

#[test]
fn the_world_alone_and_a_lineages_participle_are_no_names() {
    let (lu, ou, mb, ml) = (label(LOC, UNIT), label(ORG, UNIT), label(MISC, BEGIN), label(MISC, LAST));
    assert_eq!(joined(&["around", "the", "World", "."], vec![0, 0, lu, 0]), names_of(&[]));
    assert_eq!(joined(&["bought", "the", "World", "."], vec![0, 0, ou, 0]), names_of(&[("World", ORG)]));
    let (ob, ol) = (label(ORG, BEGIN), label(ORG, LAST));
    let toks = ["around", "the", "World", "Bank", "."];
    assert_eq!(joined(&toks, vec![0, 0, ob, ol, 0]), names_of(&[("World Bank", ORG)]));
    assert_eq!(joined(&["the", "World", "Cup"], vec![0, mb, ml]), names_of(&[("World Cup", MISC)]));
    assert_eq!(joined(&["World", "leaders", "met"], vec![lu, 0, 0]), names_of(&[("World", LOC)]));
    let toks = ["Redesignated", "65", "Fighter", "Wing", "on", "24", "July", "1943", "."];
    assert_eq!(joined(&toks, vec![ou, 0, 0, 0, 0, 0, 0, 0, 0]), names_of(&[]));
    assert_eq!(joined(&["Inactivated", "on", "1", "May"], vec![ou, 0, 0, 0]), names_of(&[]));
    // not inside a sentence, nor before a capitalized word
    assert_eq!(joined(&["the", "Consolidated", "said"], vec![0, ou, 0]), names_of(&[("Consolidated", ORG)]));
    assert_eq!(joined(&["Federated", "Stores", "rose"], vec![ou, 0, 0]), names_of(&[("Federated", ORG)]));
    assert_eq!(joined(&["Federated", "said", "so"], vec![ou, 0, 0]), names_of(&[("Federated", ORG)]));
    assert_eq!(joined(&["Federated", "2023", "results"], vec![ou, 0, 0]), names_of(&[("Federated", ORG)]));
    assert_eq!(joined(&["Federated", "on", "Tuesday"], vec![ou, 0, 0]), names_of(&[("Federated", ORG)]));
}

#[test]
fn a_name_before_a_short_phrase_that_defines_it_takes_its_heads_type() {
    let described = |toks: &[&str], labels: Vec<u8>| {
        let mut labels = labels;
        leads::described_names(toks, &mut labels);
        spans_of(&labels).into_iter().map(|(i, j, t)| (toks[i..j].join(" "), t)).collect::<Vec<_>>()
    };
    let (pu, lu, pb, pl) = (label(PER, UNIT), label(LOC, UNIT), label(PER, BEGIN), label(PER, LAST));
    let toks = ["started", "Squirrel", ",", "his", "first", "jazz", "band", ",", "with"];
    assert_eq!(described(&toks, vec![0, pu, 0, 0, 0, 0, 0, 0, 0]), names_of(&[("Squirrel", ORG)]));
    let toks = ["at", "Harwick", "Strategies", ",", "a", "consulting", "firm", "."];
    let labels = vec![0, label(LOC, BEGIN), label(LOC, LAST), 0, 0, 0, 0, 0];
    assert_eq!(described(&toks, labels), names_of(&[("Harwick Strategies", ORG)]));
    // not a person with a given name, nor a head a possessive owns, nor a clause
    let toks = ["Ann", "Lee", ",", "a", "company", "."];
    assert_eq!(described(&toks, vec![pb, pl, 0, 0, 0, 0]), names_of(&[("Ann Lee", PER)]));
    let toks = ["Adebayo", ",", "a", "one-man", "band", ","];
    assert_eq!(described(&toks, vec![pu, 0, 0, 0, 0, 0]), names_of(&[("Adebayo", PER)]));
    let toks = ["Coach", "Alvarez", ",", "a", "band", "."];
    assert_eq!(described(&toks, vec![pb, pl, 0, 0, 0, 0]), names_of(&[("Coach Alvarez", PER)]));
    let toks = ["Vosk", ",", "the", "party", "'s", "nominee", ","];
    assert_eq!(described(&toks, vec![pu, 0, 0, 0, 0, 0, 0]), names_of(&[("Vosk", PER)]));
    let toks = ["behind", "Tresk", ",", "the", "Kell", "band", "have", "a", "firm", "."];
    assert_eq!(described(&toks, [vec![0, lu], vec![0; 8]].concat()), names_of(&[("Tresk", LOC)]));
}

#[test]
fn capitals_the_model_left_out_before_magazine_or_newspaper_name_it() {
    assert_eq!(joined(&["in", "Time", "magazine", "in"], vec![0; 4]), names_of(&[("Time", ORG)]));
    let toks = ["published", "in", "The", "Economist", "magazine"];
    assert_eq!(joined(&toks, vec![0; 5]), names_of(&[("The Economist", ORG)]));
    // not at a sentence's start, after "a", a weekday, a hyphenated word, "The" alone, a name
    // the model read, nor the end of a longer run of capitals
    assert!(joined(&["Local", "newspaper", "reports"], vec![0; 3]).is_empty());
    assert!(joined(&["a", "Liberal", "newspaper"], vec![0; 3]).is_empty());
    assert!(joined(&["the", "Student", "newspaper"], vec![0; 3]).is_empty());
    assert!(joined(&["at", "his", "Local", "newspaper"], vec![0; 4]).is_empty());
    assert!(joined(&["in", "Sunday", "newspaper"], vec![0; 3]).is_empty());
    assert!(joined(&["in", "Spanish-language", "newspaper"], vec![0; 3]).is_empty());
    assert!(joined(&["said", "The", "newspaper"], vec![0; 3]).is_empty());
    let mu = label(MISC, UNIT);
    assert_eq!(joined(&["a", "Polish", "tabloid"], vec![0, mu, 0]), names_of(&[("Polish", MISC)]));
    assert!(joined(&["Big", "Red", "Dog", "Day", "magazine"], vec![0; 5]).is_empty());
}

#[test]
fn a_feasts_eve_is_no_person() {
    let (mb, ml, pu, lu) = (label(MISC, BEGIN), label(MISC, LAST), label(PER, UNIT), label(LOC, UNIT));
    let toks = ["On", "New", "Year", "'s", "Eve", "in", "Oslo"];
    assert_eq!(joined(&toks, vec![0, mb, ml, 0, pu, 0, lu]), names_of(&[("Oslo", LOC)]));
    let toks = ["on", "New", "Years", "Eve", "!"];
    assert_eq!(joined(&toks, vec![0, mb, ml, pu, 0]), names_of(&[]));
    let toks = ["On", "Christmas", "Eve", "we", "left"];
    assert_eq!(joined(&toks, vec![0, label(MISC, UNIT), pu, 0, 0]), names_of(&[("Christmas", MISC)]));
    // Eve the person stays
    let toks = ["Adam", "and", "Eve", "left"];
    assert_eq!(joined(&toks, vec![pu, 0, pu, 0]), names_of(&[("Adam", PER), ("Eve", PER)]));
}

#[test]
fn a_greeting_is_no_part_of_the_name() {
    let (pb, pi, pl) = (label(PER, BEGIN), label(PER, INSIDE), label(PER, LAST));
    let toks = ["Hi", "Ollie", ",", "thanks"];
    assert_eq!(joined(&toks, vec![pb, pl, 0, 0]), names_of(&[("Ollie", PER)]));
    let toks = ["Hello", "Sam", "Reyes", "!"];
    assert_eq!(joined(&toks, vec![pb, pi, pl, 0]), names_of(&[("Sam Reyes", PER)]));
    // (a name of one word is left to the model: "Hello" alone is none of these)
    let toks = ["Hi", "Ollie"];
    assert_eq!(joined(&toks, vec![0, label(PER, UNIT)]), names_of(&[("Ollie", PER)]));
}
