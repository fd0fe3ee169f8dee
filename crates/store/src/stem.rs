//! The analyzer of the text fields: tantivy's `en_stem` (words, at most 40 bytes, lowercased,
//! Snowball English stems) with a memo of the words already stemmed. News repeats its words,
//! and stemming every occurrence anew was a tenth of an ingest's instructions.

use foldhash::HashMap;
use frostem::{Algorithm, Stemmer};
use tantivy::tokenizer::{
    LowerCaser, RemoveLongFilter, SimpleTokenizer, TextAnalyzer, Token, TokenFilter, TokenStream, Tokenizer,
};

/// Words a memo holds before it starts afresh: a bound on memory (each index writer thread and
/// each query has its own memo), far above the distinct words of a segment's worth of news.
const MEMO_WORDS: usize = 200_000;

/// The analyzer registered as `en_stem`: the same tokens as tantivy's own, so indexes built
/// with either read the same.
pub(crate) fn en_stem() -> TextAnalyzer {
    TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(40))
        .filter(LowerCaser)
        .filter(MemoStemmer)
        .build()
}

/// English stemming through a memo of lowercase word → stem.
#[derive(Clone)]
pub(crate) struct MemoStemmer;

impl TokenFilter for MemoStemmer {
    type Tokenizer<T: Tokenizer> = MemoStemmerFilter<T>;

    fn transform<T: Tokenizer>(self, tokenizer: T) -> MemoStemmerFilter<T> {
        MemoStemmerFilter { inner: tokenizer, memo: HashMap::default() }
    }
}

#[derive(Clone)]
pub(crate) struct MemoStemmerFilter<T> {
    inner: T,
    memo: HashMap<String, String>,
}

impl<T: Tokenizer> Tokenizer for MemoStemmerFilter<T> {
    type TokenStream<'a> = MemoStemmerStream<'a, T::TokenStream<'a>>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        if self.memo.len() > MEMO_WORDS {
            self.memo.clear();
        }
        MemoStemmerStream {
            tail: self.inner.token_stream(text),
            memo: &mut self.memo,
            stemmer: Stemmer::new(Algorithm::English),
        }
    }
}

pub(crate) struct MemoStemmerStream<'a, T> {
    tail: T,
    memo: &'a mut HashMap<String, String>,
    stemmer: Stemmer,
}

impl<T: TokenStream> TokenStream for MemoStemmerStream<'_, T> {
    fn advance(&mut self) -> bool {
        if !self.tail.advance() {
            return false;
        }
        let token = self.tail.token_mut();
        match self.memo.get(token.text.as_str()) {
            Some(stem) => {
                token.text.clear();
                token.text.push_str(stem);
            }
            None => {
                let stem = self.stemmer.stem(&token.text).into_owned();
                let word = std::mem::replace(&mut token.text, stem.clone());
                self.memo.insert(word, stem);
            }
        }
        true
    }

    fn token(&self) -> &Token {
        self.tail.token()
    }

    fn token_mut(&mut self) -> &mut Token {
        self.tail.token_mut()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tantivy::tokenizer::TokenizerManager;

    fn tokens(a: &mut TextAnalyzer, text: &str) -> Vec<(String, usize, usize, usize)> {
        let mut out = Vec::new();
        let mut s = a.token_stream(text);
        while s.advance() {
            let t = s.token();
            out.push((t.text.clone(), t.offset_from, t.offset_to, t.position));
        }
        out
    }

    #[test]
    fn same_tokens_as_tantivys_en_stem() {
        let mut ours = en_stem();
        let mut theirs = TokenizerManager::default().get("en_stem").expect("built in");
        let long = "x".repeat(41);
        let texts = [
            "The ministers were running; the minister RAN. Running runs, ran.",
            "Généralement, les présidents — Ärzte und Straßen: naïve café’s",
            &format!("a {long} word too long, then generously generous generalisations"),
            "",
            "The ministers were running again",
        ];
        // twice: the second pass reads stems from the memo
        for _ in 0..2 {
            for t in texts {
                assert_eq!(tokens(&mut ours, t), tokens(&mut theirs, t), "{t}");
            }
        }
    }

    #[test]
    fn the_memo_is_bounded() {
        let mut ours = en_stem();
        let mut theirs = TokenizerManager::default().get("en_stem").expect("built in");
        let words: String = (0..MEMO_WORDS + 10).map(|i| format!("walk{i}ing ")).collect();
        assert_eq!(tokens(&mut ours, &words).len(), MEMO_WORDS + 10);
        // the memo is full: the next text starts it afresh, with the same tokens out
        for t in ["walk5ing runs", "walking runs"] {
            assert_eq!(tokens(&mut ours, t), tokens(&mut theirs, t), "{t}");
        }
    }
}
