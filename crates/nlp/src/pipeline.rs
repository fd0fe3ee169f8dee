//! Components and the pipeline that runs them in a checked order.

use dossier_model::Doc;
use std::fmt;

/// A layer of the document model that a component reads or writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Layer {
    /// `Doc::tokens`.
    Tokens,
    /// `Doc::sentences`.
    Sentences,
    /// `Doc::mentions` (names).
    Mentions,
    /// `Doc::entities` and linked mentions.
    Entities,
    /// `Doc::quotes`.
    Quotes,
    /// `Doc::times`.
    Times,
    /// `Doc::numbers`.
    Numbers,
}

/// One analysis step: reads the layers it requires and adds the layers it assigns.
/// Components never edit `Doc::text`.
pub trait Component: Send + Sync {
    /// A short stable name (`segment`, `ner`, ...), used by `--skip` style options.
    fn name(&self) -> &'static str;
    /// Layers that must exist before it runs.
    fn requires(&self) -> &'static [Layer];
    /// Layers it adds.
    fn assigns(&self) -> &'static [Layer];
    /// Adds its layers to the document.
    fn process(&self, doc: &mut Doc);
    /// What distinguishes this component's output from an earlier build's (e.g. a model
    /// digest); part of [`Pipeline::version`], which the store records with each document.
    fn version(&self) -> String {
        "1".to_string()
    }
}

/// A component was placed before one that provides what it needs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OrderError {
    /// The component that cannot run.
    pub component: &'static str,
    /// The layer nobody before it assigns.
    pub missing: Layer,
}

impl fmt::Display for OrderError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "component '{}' requires {:?}, which no earlier component assigns", self.component, self.missing)
    }
}

impl std::error::Error for OrderError {}

/// Components in order, checked once when built.
pub struct Pipeline {
    components: Vec<Box<dyn Component>>,
}

impl Pipeline {
    /// Builds a pipeline, refusing an order in which a component's requirement is not met.
    pub fn new(components: Vec<Box<dyn Component>>) -> Result<Self, OrderError> {
        let mut have: Vec<Layer> = Vec::new();
        for c in &components {
            if let Some(&missing) = c.requires().iter().find(|l| !have.contains(l)) {
                return Err(OrderError { component: c.name(), missing });
            }
            have.extend_from_slice(c.assigns());
        }
        Ok(Pipeline { components })
    }

    /// Names of the components, in order.
    pub fn names(&self) -> Vec<&'static str> {
        self.components.iter().map(|c| c.name()).collect()
    }

    /// A string that changes whenever the output may change: the crate version, a digest of
    /// the analysis code and word lists, and each component's name and version
    /// (`0.1.0+5e1c... segment/1 ner/3f2a...`).
    pub fn version(&self) -> String {
        let mut v = format!("{}+{}", env!("CARGO_PKG_VERSION"), env!("DOSSIER_NLP_RULES_DIGEST"));
        for c in &self.components {
            v.push_str(&format!(" {}/{}", c.name(), c.version()));
        }
        v
    }

    /// Runs every component over the document.
    pub fn run(&self, doc: &mut Doc) {
        for c in &self.components {
            c.process(doc);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Fake(&'static str, &'static [Layer], &'static [Layer]);
    impl Component for Fake {
        fn name(&self) -> &'static str {
            self.0
        }
        fn requires(&self) -> &'static [Layer] {
            self.1
        }
        fn assigns(&self) -> &'static [Layer] {
            self.2
        }
        fn process(&self, doc: &mut Doc) {
            doc.warnings.push(self.0.to_string());
        }
    }

    #[test]
    fn refuses_a_component_before_its_provider() {
        let err = Pipeline::new(vec![
            Box::new(Fake("ner", &[Layer::Tokens], &[Layer::Mentions])),
            Box::new(Fake("segment", &[], &[Layer::Tokens])),
        ])
        .err()
        .unwrap();
        assert_eq!(err, OrderError { component: "ner", missing: Layer::Tokens });
    }

    #[test]
    fn runs_components_in_order() {
        let p = Pipeline::new(vec![
            Box::new(Fake("segment", &[], &[Layer::Tokens])),
            Box::new(Fake("ner", &[Layer::Tokens], &[Layer::Mentions])),
        ])
        .unwrap();
        let mut doc = Doc::new("d", "x");
        p.run(&mut doc);
        assert_eq!(doc.warnings, ["segment", "ner"]);
        assert_eq!(p.names(), ["segment", "ner"]);
        let rules = env!("DOSSIER_NLP_RULES_DIGEST");
        assert_eq!(rules.len(), 12);
        assert_eq!(p.version(), format!("{}+{rules} segment/1 ner/1", env!("CARGO_PKG_VERSION")));
    }
}
