//! Byte offsets to character offsets, for the JSON edge.

const BLOCK: usize = 256;

/// Converts UTF-8 byte offsets of one text into character (Unicode scalar) offsets.
///
/// ASCII text maps one to one; otherwise the index keeps the character count at every
/// 256-byte checkpoint and counts the rest, so it costs 1/64 of the text in memory.
pub struct CharIndex<'a> {
    text: &'a str,
    checkpoints: Option<Vec<u32>>,
}

impl<'a> CharIndex<'a> {
    /// Builds the index for `text`.
    pub fn new(text: &'a str) -> Self {
        if text.is_ascii() {
            return CharIndex { text, checkpoints: None };
        }
        let bytes = text.as_bytes();
        let mut checkpoints = Vec::with_capacity(bytes.len() / BLOCK + 2);
        let mut count = 0u32;
        for block in bytes.chunks(BLOCK) {
            checkpoints.push(count);
            count += block.iter().filter(|&&b| !is_continuation(b)).count() as u32;
        }
        // the count at the text's end, which is where a text of whole blocks looks its end up
        checkpoints.push(count);
        CharIndex { text, checkpoints: Some(checkpoints) }
    }

    /// The character offset of byte offset `byte` (clamped to the text's length).
    pub fn char_of(&self, byte: usize) -> usize {
        let byte = byte.min(self.text.len());
        match &self.checkpoints {
            None => byte,
            Some(cp) => {
                let block = byte / BLOCK;
                let base = cp.get(block).copied().unwrap_or(0) as usize;
                let from = block * BLOCK;
                base + self.text.as_bytes()[from..byte].iter().filter(|&&b| !is_continuation(b)).count()
            }
        }
    }

    /// A byte span as a character `[start, end]` pair.
    pub fn span(&self, span: crate::Span) -> [usize; 2] {
        [self.char_of(span.start), self.char_of(span.end)]
    }
}

fn is_continuation(b: u8) -> bool {
    b & 0xC0 == 0x80
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_char_indices_everywhere() {
        let text = "Zoë said “hi” to 北京 ".repeat(40);
        let idx = CharIndex::new(&text);
        for (ci, (bi, _)) in text.char_indices().enumerate() {
            assert_eq!(idx.char_of(bi), ci);
        }
        assert_eq!(idx.char_of(text.len()), text.chars().count());
    }

    #[test]
    fn the_end_of_a_text_of_whole_blocks_is_its_length() {
        // (the end of a text of 256 or 512 bytes was read as offset 0)
        for len in 250..530 {
            let text = format!("é{}", "a".repeat(len - 2));
            let idx = CharIndex::new(&text);
            assert_eq!(idx.char_of(text.len()), len - 1, "{len} bytes");
            assert_eq!(idx.char_of(text.len() - 1), len - 2, "{len} bytes");
        }
    }

    #[test]
    fn ascii_is_identity() {
        let idx = CharIndex::new("plain");
        assert_eq!(idx.char_of(3), 3);
        assert_eq!(idx.char_of(99), 5);
    }
}
