//! The export stage: a [`Graph`] in, files for other tools out. Every format is deterministic:
//! the same graph gives the same bytes.

pub mod dot;

use crate::graph::Graph;

/// Export formats.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Json,
    Dot,
}

/// Options for DOT output.
#[derive(Clone, Debug, Default)]
pub struct DotOptions {
    /// Include statement nodes (off by default: they clutter).
    pub statements: bool,
}

pub fn to_string(g: &Graph, format: Format, dot: &DotOptions) -> String {
    match format {
        Format::Json => g.to_json_string(),
        Format::Dot => dot::to_dot(g, dot),
    }
}
