//! The pipeline `dossier extract` runs, in one place so every front end runs the same one.

use crate::ner::NerTagger;
use crate::{Pipeline, Segmenter};

/// The standard pipeline: segmentation, then each analysis component in dependency order.
pub fn default_pipeline() -> Pipeline {
    Pipeline::new(vec![Box::new(Segmenter), Box::new(NerTagger::embedded())]).expect("the default pipeline is ordered")
}
