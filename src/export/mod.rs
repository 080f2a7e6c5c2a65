//! The export stage: a [`Graph`] in, files for other tools out. Every format is deterministic:
//! the same graph gives the same bytes.
//!
//! - [`Format::Json`]: the node-link JSON of the contract (networkx `node_link_graph`);
//! - [`Format::Dot`]: Graphviz DOT ([`dot`]), with a timeline layout for `render`;
//! - [`Format::Graphml`]: GraphML with typed attributes ([`graphml`], networkx, Gephi);
//! - [`Format::Neo4j`]: a folder of `neo4j-admin database import` CSVs plus a `LOAD CSV`
//!   script ([`neo4j`]);
//! - [`Format::Csv`]: a folder of spreadsheet tables ([`csv`]);
//! - [`Format::Jsonl`]: JSON Lines, one article, actor or fact per line ([`jsonl`]);
//! - [`Format::Html`]: one self-contained HTML page with the Graphviz SVG inline ([`html`]).

pub mod csv;
pub mod dot;
pub mod graphml;
pub mod html;
pub mod jsonl;
pub mod neo4j;

use std::path::Path;

use crate::error::{Error, Result};
use crate::graph::Graph;

/// Export formats.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Json,
    Dot,
    Graphml,
    Neo4j,
    Csv,
    Jsonl,
    Html,
}

impl Format {
    /// Formats written as a folder of files rather than one file.
    pub fn is_folder(self) -> bool {
        matches!(self, Format::Neo4j | Format::Csv)
    }
}

/// Options for DOT output.
#[derive(Clone, Debug, Default)]
pub struct DotOptions {
    /// Include statement nodes (off by default: they clutter).
    pub statements: bool,
}

/// The single-file formats as a string. Folder formats ([`Format::is_folder`]) give their files
/// concatenated under `==> name <==` headers, and [`Format::Html`] needs Graphviz: use
/// [`files`] for those.
pub fn to_string(g: &Graph, format: Format, dot: &DotOptions) -> String {
    match format {
        Format::Json => g.to_json_string(),
        Format::Dot => dot::to_dot(g, dot),
        Format::Graphml => graphml::to_graphml(g),
        Format::Jsonl => jsonl::to_jsonl(g),
        Format::Html => html::to_html(g, dot).unwrap_or_else(|e| format!("error: {e}\n")),
        Format::Neo4j | Format::Csv => {
            let mut out = String::new();
            for (name, body) in files(g, format, dot).unwrap_or_default() {
                out.push_str(&format!("==> {name} <==\n{body}"));
            }
            out
        }
    }
}

/// The files of an export, `(file name, contents)`, in a fixed order. Single-file formats give
/// one file named `graph.<ext>`.
pub fn files(g: &Graph, format: Format, dot: &DotOptions) -> Result<Vec<(String, String)>> {
    Ok(match format {
        Format::Neo4j => neo4j::files(g),
        Format::Csv => csv::files(g),
        Format::Html => vec![("graph.html".into(), html::to_html(g, dot)?)],
        Format::Json => vec![("graph.json".into(), to_string(g, format, dot))],
        Format::Dot => vec![("graph.dot".into(), to_string(g, format, dot))],
        Format::Graphml => vec![("graph.graphml".into(), to_string(g, format, dot))],
        Format::Jsonl => vec![("graph.jsonl".into(), to_string(g, format, dot))],
    })
}

/// Writes an export: folder formats into directory `out` (created if needed), the others into
/// file `out`. Each file is written whole (temp file, then rename).
pub fn write(g: &Graph, format: Format, dot: &DotOptions, out: &Path) -> Result<()> {
    let files = files(g, format, dot)?;
    if format.is_folder() {
        std::fs::create_dir_all(out).map_err(|e| Error::io(out, e))?;
        for (name, body) in files {
            write_file(&out.join(name), body.as_bytes())?;
        }
    } else if let Some((_, body)) = files.into_iter().next() {
        write_file(out, body.as_bytes())?;
    }
    Ok(())
}

fn write_file(path: &Path, bytes: &[u8]) -> Result<()> {
    use std::io::Write;
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let mut tmp = tempfile::NamedTempFile::new_in(dir).map_err(|e| Error::io(path, e))?;
    tmp.write_all(bytes).map_err(|e| Error::io(path, e))?;
    tmp.persist(path).map_err(|e| Error::io(path, e.error))?;
    Ok(())
}

/// Helpers shared by the exporters: the facts' linked actors and articles, as plain strings.
pub(crate) mod facts {
    use std::collections::BTreeSet;

    use crate::graph::{Graph, Node, Relation};

    /// Names of the actors linked to node `id` by `relation`, sorted and deduplicated.
    pub fn names(g: &Graph, id: &str, relation: Relation) -> Vec<String> {
        actors(g, id, relation)
            .into_iter()
            .map(|(_, n)| n)
            .collect()
    }

    /// `(id, name)` of the actors linked to node `id` by `relation`, sorted, deduplicated.
    pub fn actors(g: &Graph, id: &str, relation: Relation) -> Vec<(String, String)> {
        let Some(&ix) = g.index.get(id) else {
            return Vec::new();
        };
        let set: BTreeSet<(String, String)> = g
            .linked(ix, relation)
            .into_iter()
            .map(|(a, _)| (a.id.clone(), a.name.clone()))
            .collect();
        let mut v: Vec<(String, String)> = set.into_iter().collect();
        v.sort_by(|a, b| (&a.1, &a.0).cmp(&(&b.1, &b.0)));
        v
    }

    /// Article ids of a node's evidence, sorted and deduplicated.
    pub fn articles(n: &Node) -> Vec<String> {
        let set: BTreeSet<&str> = n.evidence().iter().map(|e| e.article.as_str()).collect();
        set.into_iter().map(str::to_string).collect()
    }

    /// The outlets of a node's articles (the URL host, else the article id), deduplicated.
    pub fn sources(g: &Graph, n: &Node) -> Vec<String> {
        let set: BTreeSet<String> = articles(n)
            .into_iter()
            .map(|id| {
                g.articles
                    .iter()
                    .find(|a| a.id == id)
                    .and_then(|a| a.source.clone())
                    .unwrap_or(id)
            })
            .collect();
        set.into_iter().collect()
    }

    /// The first evidence sentence.
    pub fn sentence(n: &Node) -> String {
        n.evidence()
            .first()
            .map(|e| e.text.clone())
            .unwrap_or_default()
    }

    /// `(cameo, plover type, plover mode)`.
    pub fn codes(n: &Node) -> (String, String, String) {
        let (c, p) = match n {
            Node::Actor(_) => (None, None),
            Node::Call(c) | Node::Meeting(c) => (c.cameo.clone(), c.plover.clone()),
            Node::Statement(s) => (s.cameo.clone(), s.plover.clone()),
            Node::Event(e) => (e.cameo.clone(), e.plover.clone()),
        };
        let (t, m) = p.map_or((String::new(), String::new()), |p| {
            (p.kind, p.mode.unwrap_or_default())
        });
        (c.unwrap_or_default(), t, m)
    }
}
