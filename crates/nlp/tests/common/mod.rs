//! What more than one test file of this crate needs (the unit tests under `src/` include this
//! file too, as `test_rng`).

/// A small xorshift generator, so that random-input tests need no extra crate and give the
/// same texts on every run.
pub struct Rng(pub u64);

impl Rng {
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    /// One of `items`, uniformly enough for a test.
    pub fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[(self.next() % items.len() as u64) as usize]
    }
}
