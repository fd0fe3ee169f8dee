//! dossier's analysis pipeline. Each component takes a [`Doc`](dossier_model::Doc), adds its
//! layer and declares what it needs, so [`Pipeline::new`] can refuse a wrong order.
#![warn(missing_docs)]

pub mod entities;
pub mod mail;
pub mod ner;
pub mod numbers;
pub mod pipeline;
pub mod quotes;
pub mod segment;
pub mod time;

pub use entities::EntityLinker;
pub use numbers::NumberFinder;
pub use pipeline::{Component, Layer, OrderError, Pipeline};
pub use quotes::QuoteFinder;
pub use segment::{Segmenter, split_sentences, tokenize};
pub use time::TimeTagger;
mod defaults;
/// The random-input tests' generator, shared with the integration tests.
#[cfg(test)]
#[path = "../tests/common/mod.rs"]
mod test_rng;
pub use defaults::{default_components, default_pipeline, pipeline_without};
