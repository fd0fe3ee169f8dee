//! The pipeline `dossier extract` runs, in one place so every front end runs the same one.

use crate::ner::NerTagger;
use crate::{Component, EntityLinker, NumberFinder, OrderError, Pipeline, QuoteFinder, Segmenter, TimeTagger};

/// The standard components, in dependency order. Add a new component here.
pub fn default_components() -> Vec<Box<dyn Component>> {
    vec![
        Box::new(Segmenter),
        Box::new(NerTagger::embedded()),
        Box::new(TimeTagger),
        Box::new(EntityLinker),
        Box::new(QuoteFinder),
        Box::new(NumberFinder),
    ]
}

/// The standard pipeline: segmentation, then each analysis component in dependency order.
pub fn default_pipeline() -> Pipeline {
    Pipeline::new(default_components()).expect("the default pipeline is ordered")
}

/// The standard pipeline without the named components (for benchmarks of a component's
/// cost, or to skip work). Refused when a kept component needs a skipped one, or a name is
/// unknown.
pub fn pipeline_without(skip: &[String]) -> Result<Pipeline, String> {
    let all = default_components();
    if let Some(unknown) = skip.iter().find(|s| !all.iter().any(|c| c.name() == s.as_str())) {
        let names: Vec<&str> = all.iter().map(|c| c.name()).collect();
        return Err(format!("no component named {unknown:?} (components: {})", names.join(", ")));
    }
    let kept = all.into_iter().filter(|c| !skip.iter().any(|s| s == c.name())).collect();
    Pipeline::new(kept).map_err(|e: OrderError| e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn skipping_checks_names_and_order() {
        // entities and quotes read the names NER finds: skipping NER skips them too
        assert!(pipeline_without(&["ner".into()]).err().unwrap().contains("requires"));
        assert!(pipeline_without(&["ner".into(), "entities".into(), "quotes".into()]).is_ok());
        assert!(pipeline_without(&["entities".into(), "quotes".into()]).is_ok());
        assert!(pipeline_without(&["nonsense".into()]).err().unwrap().contains("no component named"));
        assert!(pipeline_without(&["segment".into()]).err().unwrap().contains("requires"));
    }
}
