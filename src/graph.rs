//! The graph stage: per-article facts in, one deduplicated graph out.
//!
//! In: [`ArticleFacts`] of any number of articles, in any order. Out: a [`Graph`] (a petgraph
//! `StableDiGraph` plus the article list) whose nodes carry stable string ids, so the same set of
//! articles always gives the same graph, whatever order they arrive in and however many threads
//! extracted them. The node-link JSON of the contract (`diplograph/1`) is read and written here.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;
use std::sync::Arc;

use chrono::NaiveDate;
use petgraph::stable_graph::{NodeIndex, StableDiGraph};
use rustc_hash::{FxHashMap, FxHashSet};
use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::normalize::{fold, name_key, slug};
use crate::types::*;

pub const SCHEMA: &str = "diplograph/1";

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ActorNode {
    pub id: String,
    pub name: String,
    pub actor_type: ActorType,
    pub aliases: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub affiliation: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    /// Titles seen over time, with the first and last article dates they were seen on.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub roles: Vec<Role>,
    #[serde(default)]
    pub num_articles: usize,
}

/// A call (`kind: "call"`) or meeting (`kind: "meeting"`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CallNode {
    pub id: String,
    pub mode: CallMode,
    pub date: Option<NaiveDate>,
    pub date_text: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub duration: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub topic: Option<String>,
    pub evidence: Vec<Evidence>,
    pub rule: String,
    pub confidence: f32,
    #[serde(default)]
    pub num_articles: usize,
    #[serde(default)]
    pub num_sources: usize,
    /// CAMEO event code
    #[serde(default)]
    pub cameo: Option<String>,
    /// PLOVER type and mode
    #[serde(default)]
    pub plover: Option<crate::cameo::Plover>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct StatementNode {
    pub id: String,
    pub direct: bool,
    pub text: String,
    pub date: Option<NaiveDate>,
    #[serde(default)]
    pub date_text: Option<String>,
    pub evidence: Vec<Evidence>,
    pub rule: String,
    pub confidence: f32,
    #[serde(default)]
    pub num_articles: usize,
    #[serde(default)]
    pub num_sources: usize,
    /// CAMEO event code
    #[serde(default)]
    pub cameo: Option<String>,
    /// PLOVER type and mode
    #[serde(default)]
    pub plover: Option<crate::cameo::Plover>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct EventNode {
    pub id: String,
    pub event_type: String,
    pub date: Option<NaiveDate>,
    #[serde(default)]
    pub date_text: Option<String>,
    pub location: Option<String>,
    pub killed: Option<u32>,
    pub injured: Option<u32>,
    pub evidence: Vec<Evidence>,
    pub rule: String,
    pub confidence: f32,
    #[serde(default)]
    pub num_articles: usize,
    #[serde(default)]
    pub num_sources: usize,
    /// CAMEO event code
    #[serde(default)]
    pub cameo: Option<String>,
    /// PLOVER type and mode
    #[serde(default)]
    pub plover: Option<crate::cameo::Plover>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Node {
    Actor(ActorNode),
    Call(CallNode),
    Meeting(CallNode),
    Statement(StatementNode),
    Event(EventNode),
}

impl Node {
    pub fn id(&self) -> &str {
        match self {
            Node::Actor(n) => &n.id,
            Node::Call(n) | Node::Meeting(n) => &n.id,
            Node::Statement(n) => &n.id,
            Node::Event(n) => &n.id,
        }
    }
    pub fn kind(&self) -> &'static str {
        match self {
            Node::Actor(_) => "actor",
            Node::Call(_) => "call",
            Node::Meeting(_) => "meeting",
            Node::Statement(_) => "statement",
            Node::Event(_) => "event",
        }
    }
    pub fn evidence(&self) -> &[Evidence] {
        match self {
            Node::Actor(_) => &[],
            Node::Call(n) | Node::Meeting(n) => &n.evidence,
            Node::Statement(n) => &n.evidence,
            Node::Event(n) => &n.evidence,
        }
    }
    pub fn date(&self) -> Option<NaiveDate> {
        match self {
            Node::Actor(_) => None,
            Node::Call(n) | Node::Meeting(n) => n.date,
            Node::Statement(n) => n.date,
            Node::Event(n) => n.date,
        }
    }
    pub fn confidence(&self) -> f32 {
        match self {
            Node::Actor(_) => 1.0,
            Node::Call(n) | Node::Meeting(n) => n.confidence,
            Node::Statement(n) => n.confidence,
            Node::Event(n) => n.confidence,
        }
    }
    pub fn as_actor(&self) -> Option<&ActorNode> {
        match self {
            Node::Actor(a) => Some(a),
            _ => None,
        }
    }
    pub fn as_call(&self) -> Option<&CallNode> {
        match self {
            Node::Call(c) | Node::Meeting(c) => Some(c),
            _ => None,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Relation {
    Participant,
    Speaker,
    Perpetrator,
    LocatedIn,
}

impl Relation {
    pub fn as_str(&self) -> &'static str {
        match self {
            Relation::Participant => "participant",
            Relation::Speaker => "speaker",
            Relation::Perpetrator => "perpetrator",
            Relation::LocatedIn => "located_in",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Edge {
    pub relation: Relation,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mention: Option<TextSpan>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub article: Option<String>,
}

/// The knowledge graph: nodes and edges in a petgraph graph, indexed by their stable ids.
#[derive(Clone, Debug, Default)]
pub struct Graph {
    pub articles: Vec<ArticleMeta>,
    pub g: StableDiGraph<Node, Edge>,
    pub index: FxHashMap<String, NodeIndex>,
    /// The per-article facts the graph was built from (sorted by article id, duplicates
    /// dropped), when kept: they make the graph file lossless, so an incremental build or a
    /// merge rebuilds the union and equals a build from scratch. Written as the top-level
    /// `facts` key of the JSON, after `edges`, only when non-empty.
    pub facts: Vec<ArticleFacts>,
    /// The same facts when a build kept them as JSON lines in a spool file instead of in memory
    /// (see [`RawFacts`]); [`Graph::write_json`] copies them out verbatim.
    pub raw_facts: Option<std::sync::Arc<RawFacts>>,
}

/// The most bytes of spooled lines [`RawFacts::each`] reads at once (a longer line is read
/// alone).
const RAW_READ: u64 = 1 << 20;

/// Per-article facts kept as compact JSON lines in an anonymous temporary file, in canonical
/// order (by article id): a build streams each article's facts there as soon as they are
/// extracted, so the facts written into the graph file never sit in memory.
#[derive(Debug)]
pub struct RawFacts {
    file: std::fs::File,
    /// (offset, length) of each article's line, in canonical order.
    refs: Vec<(u64, u32)>,
}

impl RawFacts {
    pub fn new(file: std::fs::File, refs: Vec<(u64, u32)>) -> RawFacts {
        RawFacts { file, refs }
    }
    pub fn len(&self) -> usize {
        self.refs.len()
    }
    pub fn is_empty(&self) -> bool {
        self.refs.is_empty()
    }
    /// The runs of lines that lie back to back in the spool (all of them when the input was in
    /// id order), each at most [`RAW_READ`] bytes unless one line is longer: (the refs of the
    /// run's lines, its first byte, its end).
    fn runs(&self) -> Vec<(std::ops::Range<usize>, u64, u64)> {
        let mut out = Vec::new();
        let mut i = 0;
        while i < self.refs.len() {
            let start = self.refs[i].0;
            let mut end = start + u64::from(self.refs[i].1);
            let mut j = i + 1;
            while j < self.refs.len()
                && self.refs[j].0 == end
                && end - start + u64::from(self.refs[j].1) <= RAW_READ
            {
                end += u64::from(self.refs[j].1);
                j += 1;
            }
            out.push((i..j, start, end));
            i = j;
        }
        out
    }

    fn read_run(
        &self,
        (_, start, end): &(std::ops::Range<usize>, u64, u64),
    ) -> std::io::Result<Vec<u8>> {
        use std::os::unix::fs::FileExt;
        let mut buf = vec![0; (end - start) as usize];
        self.file.read_exact_at(&mut buf, *start)?;
        Ok(buf)
    }

    /// Calls `f` with each line's bytes, in order, one run of lines (see [`RawFacts::runs`]) a
    /// read, so a build does not make one system call per article. The next run is read (by
    /// another thread of the pool, when it has one) while `f` takes the lines of this one.
    fn each(&self, mut f: impl FnMut(&[u8]) -> std::io::Result<()>) -> std::io::Result<()> {
        let runs = self.runs();
        let Some(first) = runs.first() else {
            return Ok(());
        };
        let mut buf = self.read_run(first)?;
        for (k, (lines, _, _)) in runs.iter().enumerate() {
            let mut next = Ok(Vec::new());
            rayon::in_place_scope(|s| {
                if let Some(run) = runs.get(k + 1) {
                    s.spawn(|_| next = self.read_run(run));
                }
                let mut at = 0;
                self.refs[lines.clone()].iter().try_for_each(|&(_, len)| {
                    f(&buf[at..at + len as usize])?;
                    at += len as usize;
                    Ok::<(), std::io::Error>(())
                })
            })?;
            buf = next?;
        }
        Ok(())
    }
    /// The facts, parsed (for the rare paths that need them as values: merging, pretty JSON).
    pub fn parse(&self) -> std::io::Result<Vec<ArticleFacts>> {
        let mut out = Vec::with_capacity(self.refs.len());
        self.each(|line| {
            out.push(serde_json::from_slice(line).map_err(std::io::Error::other)?);
            Ok(())
        })?;
        Ok(out)
    }
}

// ------------------------------------------------------------------------------------------
// JSON (node-link, networkx-compatible)
// ------------------------------------------------------------------------------------------

#[derive(Serialize, Deserialize)]
struct GraphMeta {
    schema: String,
    articles: Vec<ArticleMeta>,
}

#[derive(Serialize, Deserialize)]
struct JsonEdge {
    source: String,
    target: String,
    #[serde(flatten)]
    edge: Edge,
}

#[derive(Serialize, Deserialize)]
struct JsonGraph {
    directed: bool,
    multigraph: bool,
    graph: GraphMeta,
    nodes: Vec<Node>,
    edges: Vec<JsonEdge>,
    #[serde(default)]
    facts: Vec<ArticleFacts>,
}

/// The borrowed form written out (no copy of the nodes or facts).
#[derive(Serialize)]
struct JsonGraphOut<'a> {
    directed: bool,
    multigraph: bool,
    graph: GraphMeta,
    nodes: Vec<&'a Node>,
    edges: Vec<JsonEdgeOut<'a>>,
    #[serde(skip_serializing_if = "<[ArticleFacts]>::is_empty")]
    facts: &'a [ArticleFacts],
}

#[derive(Serialize)]
struct JsonEdgeOut<'a> {
    source: &'a str,
    target: &'a str,
    #[serde(flatten)]
    edge: &'a Edge,
}

impl Graph {
    pub fn node(&self, id: &str) -> Option<&Node> {
        self.index.get(id).map(|&ix| &self.g[ix])
    }

    /// Nodes in their canonical order (by id).
    pub fn nodes(&self) -> impl Iterator<Item = &Node> {
        use rayon::slice::ParallelSliceMut;
        let mut ixs: Vec<NodeIndex> = self.g.node_indices().collect();
        // ids are unique, so an unstable (parallel) sort gives the one order
        ixs.par_sort_unstable_by(|a, b| self.g[*a].id().cmp(self.g[*b].id()));
        ixs.into_iter().map(move |ix| &self.g[ix])
    }

    pub fn actors(&self) -> impl Iterator<Item = &ActorNode> {
        self.nodes().filter_map(Node::as_actor)
    }

    /// Edges in canonical order: (source, target, relation, article, mention).
    pub fn edges(&self) -> Vec<(&str, &str, &Edge)> {
        let mut out: Vec<(&str, &str, &Edge)> = self
            .g
            .edge_indices()
            .filter_map(|e| {
                let (s, t) = self.g.edge_endpoints(e)?;
                Some((self.g[s].id(), self.g[t].id(), &self.g[e]))
            })
            .collect();
        // equal entries write the same bytes, so an unstable (parallel) sort is enough
        rayon::slice::ParallelSliceMut::par_sort_unstable(&mut out[..]);
        out
    }

    pub fn add_node(&mut self, node: Node) -> NodeIndex {
        use std::collections::hash_map::Entry;
        // one lookup: a node with a known id replaces the old one
        match self.index.entry(node.id().to_string()) {
            Entry::Occupied(e) => {
                let ix = *e.get();
                self.g[ix] = node;
                ix
            }
            Entry::Vacant(e) => *e.insert(self.g.add_node(node)),
        }
    }

    pub fn add_edge(&mut self, source: &str, target: &str, edge: Edge) -> bool {
        match (self.index.get(source), self.index.get(target)) {
            (Some(&s), Some(&t)) => {
                self.g.add_edge(s, t, edge);
                true
            }
            _ => false,
        }
    }

    /// The actor nodes linked to `ix` by `relation`, with the edge.
    pub fn linked(&self, ix: NodeIndex, relation: Relation) -> Vec<(&ActorNode, &Edge)> {
        let mut out: Vec<(&ActorNode, &Edge)> = self
            .g
            .edges_directed(ix, petgraph::Direction::Incoming)
            .filter(|e| e.weight().relation == relation)
            .filter_map(|e| {
                use petgraph::visit::EdgeRef;
                self.g[e.source()].as_actor().map(|a| (a, e.weight()))
            })
            .collect();
        out.sort_by(|a, b| (&a.0.id, a.1).cmp(&(&b.0.id, b.1)));
        out
    }

    pub fn to_json_value(&self) -> serde_json::Value {
        let facts = self.facts_parsed().expect("spooled facts read back");
        serde_json::to_value(self.to_json(&facts)).expect("graph serialises")
    }

    /// The spool holding the kept facts, when the build kept them there (not in [`Graph::facts`]).
    fn spooled(&self) -> Option<&RawFacts> {
        self.raw_facts.as_deref().filter(|_| self.facts.is_empty())
    }

    /// The kept facts as values (parsed from the spool when the build kept them there).
    pub fn facts_parsed(&self) -> std::io::Result<std::borrow::Cow<'_, [ArticleFacts]>> {
        Ok(match self.spooled() {
            Some(raw) => std::borrow::Cow::Owned(raw.parse()?),
            None => std::borrow::Cow::Borrowed(&self.facts),
        })
    }

    /// `graph` of the JSON: the schema and the articles, sorted.
    fn meta(&self) -> GraphMeta {
        let mut articles = self.articles.clone();
        articles.sort();
        GraphMeta {
            schema: SCHEMA.to_string(),
            articles,
        }
    }

    fn to_json<'a>(&'a self, facts: &'a [ArticleFacts]) -> JsonGraphOut<'a> {
        JsonGraphOut {
            directed: true,
            multigraph: true,
            graph: self.meta(),
            nodes: self.nodes().collect(),
            edges: self
                .edges()
                .into_iter()
                .map(|(s, t, e)| JsonEdgeOut {
                    source: s,
                    target: t,
                    edge: e,
                })
                .collect(),
            facts,
        }
    }

    /// Pretty JSON, byte-identical for the same graph.
    pub fn to_json_string(&self) -> String {
        let facts = self.facts_parsed().expect("spooled facts read back");
        let mut s = serde_json::to_string_pretty(&self.to_json(&facts)).expect("graph serialises");
        s.push('\n');
        s
    }

    /// Writes the compact JSON (the graph file) to `w`, streamed: nodes and edges one by one,
    /// spooled facts copied verbatim. Byte-identical for the same graph; the same value as
    /// [`Graph::to_json_string`], without the indentation.
    pub fn write_json(&self, w: impl std::io::Write) -> std::io::Result<()> {
        use std::io::Write as _;
        let mut w = std::io::BufWriter::with_capacity(1 << 20, w);
        w.write_all(b"{\"directed\":true,\"multigraph\":true,\"graph\":")?;
        put(&mut w, &self.meta())?;
        w.write_all(b",\"nodes\":")?;
        par_list(&mut w, &self.nodes().collect::<Vec<_>>(), put_vec)?;
        w.write_all(b",\"edges\":")?;
        par_list(&mut w, &self.edges(), |w, &(source, target, edge)| {
            put_vec(
                w,
                &JsonEdgeOut {
                    source,
                    target,
                    edge,
                },
            )
        })?;
        if let Some(raw) = self.spooled().filter(|r| !r.is_empty()) {
            w.write_all(b",\"facts\":")?;
            w.write_all(b"[")?;
            let mut sep = Separator::default();
            raw.each(|line| {
                sep.write(&mut w)?;
                w.write_all(line)
            })?;
            w.write_all(b"]")?;
        } else if !self.facts.is_empty() {
            w.write_all(b",\"facts\":")?;
            list(&mut w, &self.facts, put)?;
        }
        w.write_all(b"}\n")?;
        w.flush()
    }

    pub fn from_json_str(s: &str, path: &Path) -> Result<Graph> {
        // fast path: straight into the typed structs (no `serde_json::Value` of the whole file);
        // anything unexpected falls through to the checked path below, which words the error
        if let Ok(jg) = serde_json::from_str::<JsonGraph>(s)
            && jg.graph.schema == SCHEMA
        {
            return Graph::from_parts(jg, path);
        }
        let bad = |message: String| Error::BadGraph {
            path: path.to_path_buf(),
            message,
        };
        let v: serde_json::Value =
            serde_json::from_str(s).map_err(|e| bad(format!("invalid JSON: {e}")))?;
        let schema = v
            .pointer("/graph/schema")
            .and_then(|x| x.as_str())
            .ok_or_else(|| bad("no graph.schema field".into()))?;
        if schema != SCHEMA {
            return Err(bad(format!(
                "schema is {schema:?}, this diplograph reads {SCHEMA:?}"
            )));
        }
        let jg: JsonGraph = serde_json::from_value(v).map_err(|e| bad(e.to_string()))?;
        Graph::from_parts(jg, path)
    }

    fn from_parts(jg: JsonGraph, path: &Path) -> Result<Graph> {
        let bad = |message: String| Error::BadGraph {
            path: path.to_path_buf(),
            message,
        };
        let mut g = Graph {
            articles: jg.graph.articles,
            facts: jg.facts,
            ..Graph::default()
        };
        for n in jg.nodes {
            g.add_node(n);
        }
        for (k, e) in jg.edges.into_iter().enumerate() {
            if !g.add_edge(&e.source, &e.target, e.edge) {
                return Err(bad(format!(
                    "edge {k} joins unknown nodes {:?} -> {:?}",
                    e.source, e.target
                )));
            }
        }
        Ok(g)
    }

    pub fn read(path: &Path) -> Result<Graph> {
        let s = std::fs::read_to_string(path).map_err(|e| Error::io(path, e))?;
        Graph::from_json_str(&s, path)
    }

    /// Does this graph carry the facts it was built from (so it can be extended or merged)?
    pub fn is_lossless(&self) -> bool {
        self.kept_facts() == self.articles.len()
    }

    /// How many articles' facts the graph keeps.
    pub fn kept_facts(&self) -> usize {
        self.spooled().map_or(self.facts.len(), RawFacts::len)
    }

    /// Fails unless the graph is lossless (see [`Graph::is_lossless`]), naming `path`.
    pub fn check_lossless(&self, path: &Path) -> Result<()> {
        if self.is_lossless() {
            return Ok(());
        }
        Err(Error::BadGraph {
            path: path.to_path_buf(),
            message: format!(
                "the graph has {} articles but keeps the facts of {}: it was written without \
                 facts and cannot be extended; rebuild it from its articles",
                self.articles.len(),
                self.kept_facts()
            ),
        })
    }
}

/// A JSON array of `items`, each written by `one`.
fn list<W: std::io::Write, I: IntoIterator>(
    w: &mut W,
    items: I,
    mut one: impl FnMut(&mut W, I::Item) -> std::io::Result<()>,
) -> std::io::Result<()> {
    w.write_all(b"[")?;
    let mut sep = Separator::default();
    for item in items {
        sep.write(w)?;
        one(w, item)?;
    }
    w.write_all(b"]")
}

/// A JSON array of `items`, each written by `one`: the same bytes as [`list`], with the items
/// serialised in parallel (rayon), a bounded group at a time so that only two groups' bytes are
/// held besides the writer's buffer: while one group is written out (on this thread, so the
/// writer need not be `Send`), the next is serialised.
fn par_list<W: std::io::Write, T: Sync>(
    w: &mut W,
    items: &[T],
    one: impl Fn(&mut Vec<u8>, &T) -> std::io::Result<()> + Sync,
) -> std::io::Result<()> {
    use rayon::prelude::*;
    const CHUNK: usize = 256;
    const GROUP: usize = 16 * CHUNK;
    type Parts = Vec<std::io::Result<Vec<u8>>>;
    // `spare`: the buffers of a group already written, reused (fresh ones would each be
    // faulted in page by page, the freed ones having gone back to the OS)
    let serialise = |g: usize, mut spare: Vec<Vec<u8>>| -> Parts {
        let Some(group) = items.chunks(GROUP).nth(g) else {
            return Vec::new();
        };
        spare.resize_with(group.len().div_ceil(CHUNK), Vec::new);
        group
            .par_chunks(CHUNK)
            .zip(spare)
            .enumerate()
            .map(|(c, (chunk, mut buf))| {
                buf.clear();
                buf.reserve(chunk.len() * 256);
                for (k, item) in chunk.iter().enumerate() {
                    if g + c + k > 0 {
                        buf.push(b',');
                    }
                    one(&mut buf, item)?;
                }
                Ok(buf)
            })
            .collect()
    };
    w.write_all(b"[")?;
    let mut parts = serialise(0, Vec::new());
    let mut spare = Vec::new();
    for g in 1..=items.len().div_ceil(GROUP) {
        let mut next = Parts::new();
        let recycled = std::mem::take(&mut spare);
        rayon::in_place_scope(|s| {
            s.spawn(|_| next = serialise(g, recycled));
            parts.drain(..).try_for_each(|part| {
                let part = part?;
                w.write_all(&part)?;
                spare.push(part);
                Ok::<(), std::io::Error>(())
            })
        })?;
        parts = next;
    }
    w.write_all(b"]")
}

/// The commas between the items of a JSON array.
#[derive(Default)]
struct Separator {
    started: bool,
}

impl Separator {
    fn write(&mut self, w: &mut impl std::io::Write) -> std::io::Result<()> {
        if self.started {
            w.write_all(b",")?;
        }
        self.started = true;
        Ok(())
    }
}

/// Compact JSON of one value (the bytes of `serde_json::to_writer`), written to `w`.
fn put<W: std::io::Write, T: Serialize + ?Sized>(w: &mut W, v: &T) -> std::io::Result<()> {
    crate::jsonw::to_writer(w, v).map_err(std::io::Error::from)
}

/// Compact JSON of one value, appended to `buf` (what [`put`] writes, without a copy).
fn put_vec<T: Serialize + ?Sized>(buf: &mut Vec<u8>, v: &T) -> std::io::Result<()> {
    crate::jsonw::extend_vec(buf, v).map_err(std::io::Error::from)
}
// ------------------------------------------------------------------------------------------
// Building: entity resolution and deduplication across articles
// ------------------------------------------------------------------------------------------

/// Options of a build.
#[derive(Clone, Debug, Default)]
pub struct BuildOptions {
    /// Facts below this confidence are left out.
    pub min_confidence: f32,
}

type DateRange = (Option<NaiveDate>, Option<NaiveDate>);
/// Titles and affiliations seen with one full name.
type Seen<'k> = (BTreeSet<&'k str>, BTreeSet<&'k str>);

/// A global actor while the build runs (borrowing its strings from the facts).
struct ActorAcc<'f> {
    key: String,
    names: FxHashMap<&'f str, usize>,
    aliases: BTreeSet<&'f str>,
    types: BTreeMap<ActorType, usize>,
    titles: BTreeMap<(&'f str, Option<&'f str>), DateRange>,
    affiliations: FxHashMap<&'f str, usize>,
    code: Option<&'f str>,
    /// Distinct articles (facts are unique by article and visited in order, so counting the
    /// changes of the fact index counts the articles).
    articles: usize,
    last_fact: usize,
}

/// The folded keys of one local actor, computed once per build ([`name_key`] is costly) and
/// shared between the actors with the same surface strings.
struct ActorKeys {
    name: Arc<str>,
    title: Option<Arc<str>>,
    aff: Option<Arc<str>>,
}

/// [`ActorKeys`] of every local actor (`actors[i]`: those of the i-th article), memoised by
/// surface string within runs of articles folded in parallel.
fn actor_keys(actors: &[Vec<ActorFact>]) -> Vec<Vec<ActorKeys>> {
    use rayon::prelude::*;
    fn key<'f>(memo: &mut FxHashMap<&'f str, Arc<str>>, s: &'f str) -> Arc<str> {
        memo.entry(s).or_insert_with(|| name_key(s).into()).clone()
    }
    actors
        .par_chunks(1024)
        .flat_map_iter(|chunk| {
            let mut memo: FxHashMap<&str, Arc<str>> = FxHashMap::default();
            chunk
                .iter()
                .map(|actors| {
                    actors
                        .iter()
                        .map(|a| ActorKeys {
                            name: key(&mut memo, &a.name),
                            title: a.title.as_deref().map(|t| key(&mut memo, t)),
                            aff: a.affiliation.as_deref().map(|t| key(&mut memo, t)),
                        })
                        .collect::<Vec<_>>()
                })
                .collect::<Vec<_>>()
        })
        .collect()
}

fn last_token(key: &str) -> &str {
    key.rsplit(' ').next().unwrap_or(key)
}
/// The canonical order of a fact list: indices sorted by article id (stable, so the first of
/// equal ids wins), one per id. The same text under two ids is two publications of it (a wire
/// story on two sites): both are kept, and their facts merge into the same nodes, counted twice
/// in `num_articles` (and in `num_sources` when the outlets differ).
pub fn canonical_order(metas: &[&ArticleMeta]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..metas.len()).collect();
    order.sort_by(|&a, &b| metas[a].id.cmp(&metas[b].id));
    let mut prev: Option<&str> = None;
    order.retain(|&i| {
        let m = metas[i];
        // sorted by id: an id is fresh when it differs from the previous one
        let fresh_id = prev != Some(m.id.as_str());
        prev = Some(&m.id);
        fresh_id
    });
    order
}

/// Sorts facts by article id and drops repeated ids (see [`canonical_order`]): the canonical
/// fact list a graph is built from.
pub fn canonical_facts(facts: Vec<ArticleFacts>) -> Vec<ArticleFacts> {
    let order = canonical_order(&facts.iter().map(|f| &f.article).collect::<Vec<_>>());
    take_in_order(facts, &order)
}

/// `facts[order[0]], facts[order[1]], …`, moved out.
fn take_in_order(facts: Vec<ArticleFacts>, order: &[usize]) -> Vec<ArticleFacts> {
    let mut slots: Vec<Option<ArticleFacts>> = facts.into_iter().map(Some).collect();
    order.iter().filter_map(|&i| slots[i].take()).collect()
}

/// Like [`build_lossless`] for facts whose JSON lines a build spooled to `file` (`refs[i]` is
/// the line of `facts[i]`). The facts given here may be slimmed: the graph does not read actor
/// mentions, which only the kept lines need.
pub fn build_spooled(
    facts: Vec<ArticleFacts>,
    file: std::fs::File,
    refs: Vec<(u64, u32)>,
    opts: &BuildOptions,
) -> Graph {
    let order = canonical_order(&facts.iter().map(|f| &f.article).collect::<Vec<_>>());
    let refs: Vec<(u64, u32)> = order.iter().map(|&i| refs[i]).collect();
    let facts = take_in_order(facts, &order);
    let mut g = build_from(facts, opts);
    g.raw_facts = Some(std::sync::Arc::new(RawFacts::new(file, refs)));
    g
}

/// Builds a graph from the facts of many articles. The result depends only on the set of
/// articles: facts are sorted by article id first, and a repeated id is counted once.
pub fn build(facts: Vec<ArticleFacts>, opts: &BuildOptions) -> Graph {
    build_from(canonical_facts(facts), opts)
}

/// Like [`build`], and keeps the facts in the graph ([`Graph::facts`]) so that the written file
/// can be extended by later builds and merged with other graphs.
pub fn build_lossless(facts: Vec<ArticleFacts>, opts: &BuildOptions) -> Graph {
    let facts = canonical_facts(facts);
    let mut g = build_from(facts.clone(), opts);
    g.facts = facts;
    g
}

/// Joins lossless graphs (and extra facts): the build of the union of their articles, whatever
/// the order of the arguments. An article present in several (same id) counts once.
pub fn merge(graphs: Vec<Graph>, extra: Vec<ArticleFacts>, opts: &BuildOptions) -> Result<Graph> {
    let mut facts = extra;
    for g in graphs {
        g.check_lossless(Path::new(""))?;
        match g.spooled() {
            Some(raw) => facts.extend(raw.parse().map_err(|e| Error::BadGraph {
                path: Default::default(),
                message: format!("cannot read the spooled facts back: {e}"),
            })?),
            None => facts.extend(g.facts),
        }
    }
    Ok(build_lossless(facts, opts))
}

/// Person resolution across articles. A full name ("Mark Rutte") is its own key. A surname-only
/// mention ("Rutte", "Prime Minister Rutte") joins the single full-named person with that surname;
/// among several, the one whose titles or affiliation match; otherwise it is keyed by surname plus
/// its affiliation (or title), so two people sharing a surname stay apart when those differ. An
/// untitled surname with no full-named match joins the single qualified person of that surname.
struct PersonResolver<'k> {
    /// surname -> full name -> (titles, affiliations) seen with that full name (folded keys,
    /// borrowed from the [`ActorKeys`])
    full_by_last: BTreeMap<&'k str, BTreeMap<&'k str, Seen<'k>>>,
    /// surname -> qualifiers of its surname-only mentions (see [`Qualifier`])
    qualified_by_last: BTreeMap<&'k str, BTreeSet<Qualifier<'k>>>,
}

/// What keeps a surname-only person apart: its affiliation, or else its title.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Qualifier<'k> {
    Aff(&'k str),
    Title(&'k str),
}

impl std::fmt::Display for Qualifier<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Qualifier::Aff(a) => write!(f, "aff:{a}"),
            Qualifier::Title(t) => write!(f, "title:{t}"),
        }
    }
}

/// Titles followed by a given name rather than a surname (folded).
fn given_name_title(t: &str) -> bool {
    matches!(
        t,
        "pope"
            | "king"
            | "queen"
            | "prince"
            | "princess"
            | "crown prince"
            | "emperor"
            | "empress"
            | "emir"
            | "sultan"
            | "sheikh"
            | "patriarch"
            | "tsar"
            | "grand duke"
            | "duke"
            | "duchess"
    )
}

fn is_person(a: &ActorFact) -> bool {
    a.actor_type == ActorType::Person && a.code.is_none()
}

fn qualifier(k: &ActorKeys) -> Option<Qualifier<'_>> {
    if let Some(af) = &k.aff {
        return Some(Qualifier::Aff(af));
    }
    k.title.as_deref().map(Qualifier::Title)
}

impl<'k> PersonResolver<'k> {
    /// The resolver of these actors, in two passes over the persons: full names first, then
    /// the surname-only mentions that no full name explains. Each pass fills maps for runs of
    /// articles in parallel and joins them (they are sets, so the result is the same); the maps
    /// borrow the folded keys, so a mention costs lookups, not allocations.
    fn new(actors: &[Vec<ActorFact>], keys: &'k [Vec<ActorKeys>]) -> PersonResolver<'k> {
        use rayon::prelude::*;
        type FullByLast<'k> = BTreeMap<&'k str, BTreeMap<&'k str, Seen<'k>>>;
        type QualifiedByLast<'k> = BTreeMap<&'k str, BTreeSet<Qualifier<'k>>>;
        let persons = || {
            actors
                .par_iter()
                .zip(keys)
                .with_min_len(512)
                .map(|(a, ks)| {
                    a.iter()
                        .zip(ks)
                        .filter(|(a, _)| is_person(a))
                        .map(|(_, k)| k)
                })
        };
        let full_by_last: FullByLast<'k> = persons()
            .fold(BTreeMap::new, |mut m: FullByLast<'k>, ks| {
                for ak in ks {
                    let k: &'k str = &ak.name;
                    if k.contains(' ') {
                        let e = m.entry(last_token(k)).or_default().entry(k).or_default();
                        e.0.extend(ak.title.as_deref());
                        e.1.extend(ak.aff.as_deref());
                    }
                }
                m
            })
            .reduce(BTreeMap::new, |mut a, b| {
                for (last, fulls) in b {
                    let into = a.entry(last).or_default();
                    for (k, (ts, afs)) in fulls {
                        let e = into.entry(k).or_default();
                        e.0.extend(ts);
                        e.1.extend(afs);
                    }
                }
                a
            });
        let qualified_by_last: QualifiedByLast<'k> = persons()
            .fold(BTreeMap::new, |mut m: QualifiedByLast<'k>, ks| {
                for ak in ks {
                    let k: &'k str = &ak.name;
                    if k.contains(' ') || k.is_empty() || full_by_last.contains_key(k) {
                        continue;
                    }
                    if let Some(q) = qualifier(ak) {
                        m.entry(k).or_default().insert(q);
                    }
                }
                m
            })
            .reduce(BTreeMap::new, |mut a, b| {
                for (k, qs) in b {
                    a.entry(k).or_default().extend(qs);
                }
                a
            });
        PersonResolver {
            full_by_last,
            qualified_by_last,
        }
    }

    fn resolve(&self, a: &ActorFact, ak: &ActorKeys) -> String {
        let key = || match &a.code {
            Some(c) => format!("code:{c}"),
            None => format!("name:{}", ak.name),
        };
        if !is_person(a) {
            return key();
        }
        let k = &ak.name;
        if k.contains(' ') || k.is_empty() {
            return key();
        }
        // "Pope Leo", "King Osric": after a regnal or religious title the one name is a given
        // name, not a surname, so it never joins a full-named person ("Leo Brandt")
        if ak.title.as_deref().is_some_and(given_name_title) {
            return match qualifier(ak) {
                Some(q) => format!("name:{k}|{q}"),
                None => key(),
            };
        }
        if let Some(fulls) = self.full_by_last.get(&**k) {
            let title = ak.title.as_deref();
            let aff = ak.aff.as_deref();
            if fulls.len() == 1 {
                // one full-named person with this surname: the mention is that person, whatever
                // the title ("Prime Minister Rutte" in 2020, "Secretary General Rutte" in 2025)
                return format!("name:{}", fulls.keys().next().unwrap());
            }
            let matching: Vec<&&str> = fulls
                .iter()
                .filter(|(_, (ts, afs))| {
                    let t_ok = title.is_some_and(|t| ts.contains(t));
                    let a_ok = aff.is_some_and(|x| afs.contains(x));
                    (t_ok || a_ok)
                        && title.is_none_or(|t| ts.is_empty() || ts.contains(t))
                        && aff.is_none_or(|x| afs.is_empty() || afs.contains(x))
                })
                .map(|(k, _)| k)
                .collect();
            if matching.len() == 1 {
                return format!("name:{}", matching[0]);
            }
            return match qualifier(ak) {
                Some(q) => format!("name:{k}|{q}"),
                None => key(),
            };
        }
        match qualifier(ak) {
            Some(q) => format!("name:{k}|{q}"),
            None => match self.qualified_by_last.get(&**k) {
                Some(qs) if qs.len() == 1 => format!("name:{k}|{}", qs.iter().next().unwrap()),
                _ => key(),
            },
        }
    }
}

/// How many parts [`accumulate_actors`] splits the global actors into (by a hash of their key).
/// Fixed, not the number of threads: the parts only decide who does the work.
const ACTOR_SHARDS: usize = 16;

/// The global actors of the local ones: each local actor's key resolved (in parallel), then
/// the accumulators filled, one part of the keys per task (in parallel). Returns the
/// accumulators, numbered in order of first appearance (article by article, as a single pass
/// would number them), and the accumulator of each local actor.
fn accumulate_actors<'f>(
    articles: &[ArticleMeta],
    factors: &'f [Vec<ActorFact>],
    keys: &[Vec<ActorKeys>],
    resolver: &PersonResolver,
) -> (Vec<ActorAcc<'f>>, Vec<Vec<u32>>) {
    use rayon::prelude::*;
    use std::hash::BuildHasher;
    let hasher = rustc_hash::FxBuildHasher;
    // each local actor's key and part
    let resolved: Vec<Vec<(String, u8)>> = factors
        .par_iter()
        .zip(keys)
        .map(|(actors, fkeys)| {
            actors
                .iter()
                .zip(fkeys)
                .map(|(a, ak)| {
                    let key = resolver.resolve(a, ak);
                    let part = (hasher.hash_one(key.as_str()) % ACTOR_SHARDS as u64) as u8;
                    (key, part)
                })
                .collect()
        })
        .collect();
    // the local actors of each part, in order
    let mut members: Vec<Vec<(u32, u32)>> = vec![Vec::new(); ACTOR_SHARDS];
    for (fi, rkeys) in resolved.iter().enumerate() {
        for (li, (_, p)) in rkeys.iter().enumerate() {
            members[*p as usize].push((fi as u32, li as u32));
        }
    }
    // one part: its accumulators in order of first appearance, each with the position of that
    // appearance, and (article, local actor, accumulator) of each of its local actors
    type Part<'f> = (Vec<(ActorAcc<'f>, (u32, u32))>, Vec<(u32, u32, u32)>);
    let parts: Vec<Part<'f>> = members
        .into_par_iter()
        .map(|members| {
            let mut acc_of: FxHashMap<&str, u32> = FxHashMap::default();
            let mut accs: Vec<(ActorAcc<'f>, (u32, u32))> = Vec::new();
            let mut slots = Vec::with_capacity(members.len());
            for (fi, li) in members {
                let (fi, li) = (fi as usize, li as usize);
                let date = articles[fi].published;
                let a = &factors[fi][li];
                let key = &resolved[fi][li].0;
                let ai = *acc_of.entry(key.as_str()).or_insert_with(|| {
                    accs.push((
                        ActorAcc {
                            key: key.clone(),
                            names: FxHashMap::default(),
                            aliases: BTreeSet::new(),
                            types: BTreeMap::new(),
                            titles: BTreeMap::new(),
                            affiliations: FxHashMap::default(),
                            code: None,
                            articles: 0,
                            last_fact: usize::MAX,
                        },
                        (fi as u32, li as u32),
                    ));
                    accs.len() as u32 - 1
                });
                let acc = &mut accs[ai as usize].0;
                *acc.names.entry(&a.name).or_default() += 1;
                acc.aliases.extend(a.aliases.iter().map(String::as_str));
                acc.aliases.insert(&a.name);
                *acc.types.entry(a.actor_type).or_default() += 1;
                if let Some(t) = &a.title {
                    let e = acc
                        .titles
                        .entry((t.as_str(), a.affiliation.as_deref()))
                        .or_insert((date, date));
                    e.0 = min_date(e.0, date);
                    e.1 = max_date(e.1, date);
                }
                if let Some(af) = &a.affiliation {
                    *acc.affiliations.entry(af).or_default() += 1;
                }
                if acc.code.is_none() {
                    acc.code = a.code.as_deref();
                }
                if acc.last_fact != fi {
                    acc.last_fact = fi;
                    acc.articles += 1;
                }
                slots.push((fi as u32, li as u32, ai));
            }
            (accs, slots)
        })
        .collect();
    drop(resolved);
    // the parts joined, numbered by first appearance
    let mut order: Vec<((u32, u32), u8, u32)> = parts
        .iter()
        .enumerate()
        .flat_map(|(p, (accs, _))| {
            accs.iter()
                .enumerate()
                .map(move |(i, (_, first))| (*first, p as u8, i as u32))
        })
        .collect();
    order.sort_unstable();
    let mut number: Vec<Vec<u32>> = parts.iter().map(|(a, _)| vec![0; a.len()]).collect();
    for (n, &(_, p, i)) in order.iter().enumerate() {
        number[p as usize][i as usize] = n as u32;
    }
    let mut local_accs: Vec<Vec<u32>> = factors.iter().map(|a| vec![0; a.len()]).collect();
    let mut slots_of: Vec<Option<ActorAcc<'f>>> = Vec::with_capacity(order.len());
    slots_of.resize_with(order.len(), || None);
    for (p, (accs, slots)) in parts.into_iter().enumerate() {
        for (fi, li, ai) in slots {
            local_accs[fi as usize][li as usize] = number[p][ai as usize];
        }
        for (i, (acc, _)) in accs.into_iter().enumerate() {
            slots_of[number[p][i] as usize] = Some(acc);
        }
    }
    let accs = slots_of
        .into_iter()
        .map(|a| a.expect("every number taken"))
        .collect();
    (accs, local_accs)
}

fn build_from(facts: Vec<ArticleFacts>, opts: &BuildOptions) -> Graph {
    // the facts, split by kind (each part is consumed by its own phase below)
    let n = facts.len();
    let mut articles = Vec::with_capacity(n);
    let mut factors = Vec::with_capacity(n);
    let mut fcalls = Vec::with_capacity(n);
    let mut fstmts = Vec::with_capacity(n);
    let mut fevents = Vec::with_capacity(n);
    for f in facts {
        articles.push(f.article);
        factors.push(f.actors);
        fcalls.push(f.calls);
        fstmts.push(f.statements);
        fevents.push(f.events);
    }
    // room for every node and edge (an upper bound: merged facts make fewer), so the graph
    // never holds two copies of its node list while growing
    let (mut nodes, mut edges) = (0, 0);
    for ((c, s), e) in fcalls.iter().zip(&fstmts).zip(&fevents) {
        nodes += c.len() + s.len() + e.len();
        edges += c.iter().map(|c| c.participants.len()).sum::<usize>() + s.len() + 2 * e.len();
    }

    // 1. actor resolution (see [`PersonResolver`]); keys folded once, accumulators in a hash map
    // and visited in key order (one sort) at the end
    let keys = actor_keys(&factors);
    let resolver = PersonResolver::new(&factors, &keys);
    // the outlets, interned
    let mut source_ix: FxHashMap<&str, u32> = FxHashMap::default();
    let srcs: Vec<u32> = articles
        .iter()
        .map(|a| {
            let n = source_ix.len() as u32;
            *source_ix.entry(source_of(a)).or_insert(n)
        })
        .collect();
    drop(source_ix);
    let (accs, local_accs) = accumulate_actors(&articles, &factors, &keys, &resolver);
    drop(resolver);
    drop(keys);

    // 2. the actor nodes (their ids need every actor) are made while calls, statements and
    // events merge (in parallel when the pool has threads): the merges name actors by their
    // accumulator, which stands for one actor id, and take the ids when they finish
    let acc = |fi: usize, local: usize| -> u32 { local_accs[fi][local] };
    let art = |fi: usize| -> &String { &articles[fi].id };
    let published = |fi: usize| articles[fi].published;
    let ((actor_nodes, actor_ids), (calls, (stmts, events))) = rayon::join(
        move || actor_nodes(&accs),
        || {
            rayon::join(
                || merge_calls(fcalls, opts, &acc, &art, &published, &srcs),
                || {
                    rayon::join(
                        || merge_statements(fstmts, opts, &acc, &art, &srcs),
                        || merge_events(fevents, opts, &acc, &art, &srcs),
                    )
                },
            )
        },
    );
    let ids: Vec<&str> = actor_ids.iter().map(String::as_str).collect();
    // the merged nodes take their ids (in parallel), then everything joins the graph in a
    // fixed order: actors by key, then calls, statements and events as first seen; the
    // articles' actor facts are freed meanwhile (a fifth of the time the ids take, on one
    // thread)
    let ((calls, (stmts, events)), ()) = rayon::join(
        || {
            rayon::join(
                || finish_calls(calls, &ids),
                || {
                    rayon::join(
                        || finish_statements(stmts, &ids),
                        || finish_events(events, &ids),
                    )
                },
            )
        },
        move || drop(factors),
    );
    // the ids of every node in graph order (actors by key first, then calls, statements and
    // events as first seen), and the position of each actor node
    let mut ids: Vec<String> = Vec::with_capacity(actor_nodes.len() + nodes);
    let mut actor_pos = vec![u32::MAX; actor_ids.len()];
    for (ai, node) in &actor_nodes {
        actor_pos[*ai as usize] = ids.len() as u32;
        ids.push(node.id.clone());
    }
    drop(actor_ids);
    ids.extend(calls.iter().map(|(n, _)| n.id().to_string()));
    ids.extend(stmts.ids());
    ids.extend(events.iter().map(|(n, _)| n.id().to_string()));
    let all = actor_nodes
        .into_iter()
        .map(|(_, node)| (Node::Actor(node), Vec::new()))
        .chain(calls)
        .chain(stmts.into_ordered())
        .chain(events);
    let mut g = assemble(ids, all, &actor_pos, edges);
    g.articles = articles;
    g
}

/// The graph of `all` (nodes in order, each with its edges from the actor node at position
/// `actor_pos[a]`; `ids` are the nodes' ids, in the same order). With unique ids (the rule: ids
/// are hashes of what makes a fact distinct) the id index is built on one thread while the
/// nodes and edges are added on another; should two ids coincide, the nodes are added one by
/// one, the later replacing the earlier, as [`Graph::add_node`] does.
fn assemble(
    ids: Vec<String>,
    all: impl Iterator<Item = (Node, ActorEdges)> + Send,
    actor_pos: &[u32],
    edges: usize,
) -> Graph {
    use rayon::prelude::*;
    let n = ids.len();
    let unique = {
        let mut hashes: Vec<u64> = ids.par_iter().map(|id| fnv1a(id.as_bytes())).collect();
        hashes.par_sort_unstable();
        hashes.windows(2).all(|w| w[0] != w[1])
    };
    let mut g = Graph::default();
    if !unique {
        drop(ids);
        g.g.reserve_exact_nodes(n);
        g.g.reserve_exact_edges(edges);
        g.index.reserve(n);
        let mut ix_at = Vec::with_capacity(n);
        for (node, es) in all {
            let ix = g.add_node(node);
            ix_at.push(ix);
            for (a, e) in es {
                g.g.add_edge(ix_at[actor_pos[a as usize] as usize], ix, e);
            }
        }
        return g;
    }
    let (index, graph) = rayon::join(
        || {
            let mut index = FxHashMap::default();
            index.reserve(ids.len());
            for (i, id) in ids.into_iter().enumerate() {
                index.insert(id, NodeIndex::new(i));
            }
            index
        },
        || {
            // node i gets index i; the actor nodes come first, so every edge's source exists
            let mut graph = StableDiGraph::with_capacity(n, edges);
            for (node, es) in all {
                let ix = graph.add_node(node);
                for (a, e) in es {
                    graph.add_edge(NodeIndex::new(actor_pos[a as usize] as usize), ix, e);
                }
            }
            graph
        },
    );
    g.g = graph;
    g.index = index;
    g
}

/// The actor nodes of the accumulators, in key order, each with its accumulator; and the id of
/// each accumulator. The nodes are made in parallel; the ids, which must not collide, in key
/// order.
fn actor_nodes(accs: &[ActorAcc]) -> (Vec<(u32, ActorNode)>, Vec<String>) {
    use rayon::prelude::*;
    let mut order: Vec<u32> = (0..accs.len() as u32).collect();
    // keys are unique (one accumulator per key)
    order.par_sort_unstable_by(|a, b| accs[*a as usize].key.cmp(&accs[*b as usize].key));
    let mut nodes: Vec<(u32, ActorNode)> = order
        .par_iter()
        .map(|&ai| {
            let acc = &accs[ai as usize];
            // canonical name: the longest of the most frequent names
            let name = acc
                .names
                .iter()
                .max_by(|a, b| {
                    (
                        a.0.split_whitespace().count().min(3),
                        a.1,
                        std::cmp::Reverse(a.0),
                    )
                        .cmp(&(
                            b.0.split_whitespace().count().min(3),
                            b.1,
                            std::cmp::Reverse(b.0),
                        ))
                })
                .map(|(n, _)| n.to_string())
                .unwrap_or_default();
            let actor_type = acc
                .types
                .iter()
                .max_by_key(|(t, n)| (**n, std::cmp::Reverse(**t)))
                .map(|(t, _)| *t)
                .unwrap_or(ActorType::Other);
            let mut roles: Vec<Role> = acc
                .titles
                .iter()
                .map(|((t, af), (first, last))| Role {
                    title: t.to_string(),
                    affiliation: af.map(str::to_string),
                    first: *first,
                    last: *last,
                })
                .collect();
            roles.sort_by(|a, b| (a.last, &a.title).cmp(&(b.last, &b.title)));
            let title = roles.last().map(|r| r.title.clone());
            let affiliation = acc
                .affiliations
                .iter()
                .max_by_key(|(a, n)| (**n, std::cmp::Reverse(**a)))
                .map(|(a, _)| a.to_string());
            let node = ActorNode {
                // the base of the id; made unique below
                id: format!("actor:{}", slug(&name)),
                name,
                actor_type,
                aliases: acc.aliases.iter().map(|s| s.to_string()).collect(),
                title,
                affiliation,
                code: acc.code.map(str::to_string),
                roles,
                num_articles: acc.articles,
            };
            (ai, node)
        })
        .collect();
    let mut actor_ids: Vec<String> = vec![String::new(); accs.len()];
    let mut used_ids: FxHashSet<String> = FxHashSet::default();
    for (ai, node) in &mut nodes {
        if used_ids.contains(&node.id) {
            let base = std::mem::take(&mut node.id);
            let mut k = 2;
            node.id = format!("{base}-{k}");
            while used_ids.contains(&node.id) {
                k += 1;
                node.id = format!("{base}-{k}");
            }
        }
        used_ids.insert(node.id.clone());
        actor_ids[*ai as usize] = node.id.clone();
    }
    (nodes, actor_ids)
}

/// A merged node's actor edges, the actors named by accumulator (see [`build_from`]).
type ActorEdges = Vec<(u32, Edge)>;
/// Merged nodes with their actor edges.
type Made = Vec<(Node, ActorEdges)>;

/// Sorts and dedups a node's actor edges in the order of (actor id, edge).
fn sort_edges(edges: &mut ActorEdges, ids: &[&str]) {
    edges.sort_by(|a, b| (ids[a.0 as usize], &a.1).cmp(&(ids[b.0 as usize], &b.1)));
    edges.dedup();
}

/// A call or meeting while the build runs.
struct CallAcc {
    node: CallNode,
    trigger: String,
    /// Participants, by accumulator.
    parts: BTreeSet<u32>,
    edges: Vec<(u32, Edge)>,
    articles: Articles,
    sources: FxHashSet<u32>,
    /// The articles of its undated evidence.
    undated: Vec<usize>,
}

/// Calls and meetings: merged by participant set and compatible date. An undated mention joins a
/// dated call of the same pair only from the same article, or from an article published on
/// that day or within a week after it ([`reports_on`]): an undated mention in a later article
/// is as likely another meeting of the same pair; one with a vague time of its own ("in 2019",
/// "in recent months") never joins a dated call.
fn merge_calls<'a>(
    fcalls: Vec<Vec<CallFact>>,
    opts: &BuildOptions,
    acc: &(impl Fn(usize, usize) -> u32 + Sync),
    art: &(impl Fn(usize) -> &'a String + Sync),
    published: &(impl Fn(usize) -> Option<NaiveDate> + Sync),
    srcs: &[u32],
) -> Vec<CallAcc> {
    let mut calls: Vec<CallAcc> = Vec::new();
    let mut by_parts: FxHashMap<Vec<u32>, Vec<usize>> = FxHashMap::default();
    for (fi, fc) in fcalls.into_iter().enumerate() {
        for c in fc {
            if c.provenance.confidence < opts.min_confidence {
                continue;
            }
            let parts: BTreeSet<u32> = c.participants.iter().map(|p| acc(fi, p.actor)).collect();
            if parts.len() < 2 {
                continue;
            }
            let pkey: Vec<u32> = parts.iter().copied().collect();
            let cands = by_parts.entry(pkey).or_default();
            let hit = cands.iter().copied().find(|&i| {
                let a = &calls[i];
                let n = &a.node;
                let dates_fit = match (n.date, c.date) {
                    (Some(x), Some(y)) => x == y,
                    (None, None) => match (&n.date_text, &c.date_text) {
                        (Some(x), Some(y)) => x.eq_ignore_ascii_case(y),
                        _ => true,
                    },
                    // a vague time of its own ("in 2019", "in recent months") is another
                    // time than the day
                    (Some(d), None) => {
                        c.date_text.is_none()
                            && (a.articles.has(fi) || reports_on(published(fi), d))
                    }
                    (None, Some(d)) => {
                        n.date_text.is_none()
                            && a.undated
                                .iter()
                                .all(|&u| u == fi || reports_on(published(u), d))
                    }
                };
                dates_fit
                    && (n.mode == c.mode
                        || n.mode == CallMode::Unspecified
                        || c.mode == CallMode::Unspecified)
            });
            let edges: Vec<(u32, Edge)> = c
                .participants
                .iter()
                .map(|p| {
                    (
                        acc(fi, p.actor),
                        Edge {
                            relation: Relation::Participant,
                            mention: Some(p.mention.clone()),
                            article: Some(art(fi).clone()),
                        },
                    )
                })
                .collect();
            match hit {
                Some(i) => {
                    let acc = &mut calls[i];
                    if c.date.is_none() && acc.undated.last() != Some(&fi) {
                        acc.undated.push(fi);
                    }
                    if !acc.node.evidence.contains(&c.evidence) {
                        acc.node.evidence.push(c.evidence);
                    }
                    if acc.node.date.is_none() {
                        acc.node.date = c.date;
                        acc.node.date_text = c.date_text;
                    }
                    if acc.node.mode == CallMode::Unspecified {
                        acc.node.mode = c.mode;
                    }
                    if acc.node.duration.is_none() {
                        acc.node.duration = c.duration;
                    }
                    if acc.node.topic.is_none() {
                        acc.node.topic = c.topic;
                    }
                    acc.node.confidence = acc.node.confidence.max(c.provenance.confidence);
                    acc.edges.extend(edges);
                    acc.articles.add(fi);
                    acc.sources.insert(srcs[fi]);
                }
                None => {
                    cands.push(calls.len());
                    calls.push(CallAcc {
                        undated: if c.date.is_none() {
                            vec![fi]
                        } else {
                            Vec::new()
                        },
                        trigger: c.trigger.text,
                        node: CallNode {
                            id: String::new(),
                            mode: c.mode,
                            date: c.date,
                            date_text: c.date_text,
                            duration: c.duration,
                            topic: c.topic,
                            evidence: vec![c.evidence],
                            rule: c.provenance.rule,
                            confidence: c.provenance.confidence,
                            num_articles: 0,
                            num_sources: 0,
                            cameo: None,
                            plover: None,
                        },
                        parts,
                        edges,
                        articles: Articles::new(fi),
                        sources: [srcs[fi]].into_iter().collect(),
                    });
                }
            }
        }
    }
    calls
}

fn finish_calls(calls: Vec<CallAcc>, ids: &[&str]) -> Made {
    use rayon::prelude::*;
    calls
        .into_par_iter()
        .map(|mut acc| {
            acc.node.evidence.sort();
            let first = &acc.node.evidence[0];
            let mut parts: Vec<&str> = acc.parts.iter().map(|&a| ids[a as usize]).collect();
            parts.sort_unstable();
            let key = format!(
                "{}|{:?}|{}|{}",
                parts.join(","),
                acc.node.date,
                first.article,
                first.start
            );
            acc.node.id = format!("call:{:016x}", fnv1a(key.as_bytes()));
            let codes = crate::cameo::for_call(
                acc.node.mode,
                acc.parts.len(),
                &acc.node.rule,
                &acc.trigger,
            );
            acc.node.cameo = Some(codes.cameo);
            acc.node.plover = Some(codes.plover);
            acc.node.num_articles = acc.articles.count;
            acc.node.num_sources = acc.sources.len();
            let node = if acc.node.mode.kind() == "call" {
                Node::Call(acc.node)
            } else {
                Node::Meeting(acc.node)
            };
            sort_edges(&mut acc.edges, ids);
            (node, acc.edges)
        })
        .collect()
}

/// A statement while the build runs.
struct StmtAcc {
    /// The position of its first fact among the statements taken (the order they were first
    /// seen in).
    seq: usize,
    node: StatementNode,
    /// The speaker, by accumulator.
    speaker: Option<u32>,
    tokens: Vec<u64>,
    edges: Vec<(u32, Edge)>,
    articles: Articles,
    sources: FxHashSet<u32>,
}

/// Statements that may merge with each other: those of one speaker, or (without a speaker, when
/// only equal contents merge) those whose content tokens fall in one shard. Each item is (the
/// position among the statements taken, the fact index, the content tokens, the statement).
/// A statement on its way into a group: its position among the statements taken, its fact
/// index, its content tokens and itself.
type StmtItem = (usize, usize, Vec<u64>, StatementFact);
type StmtGroup = (Option<u32>, Vec<StmtItem>);

/// Shards of the statements without a speaker.
const ANON_SHARDS: u64 = 64;

/// How many parts the statements are grouped in (in parallel, by a hash of the group key).
const STATEMENT_PARTS: usize = 16;

/// Statements: merged by speaker and closely matching content (normalised token sets
/// overlapping by at least [`STATEMENT_OVERLAP`], dates agreeing), one per article. Statements of
/// different speakers never merge, so each speaker's are merged on their own (in parallel), each
/// group keeping the order the statements were first seen in.
fn merge_statements<'a>(
    fstmts: Vec<Vec<StatementFact>>,
    opts: &BuildOptions,
    acc: &(impl Fn(usize, usize) -> u32 + Sync),
    art: &(impl Fn(usize) -> &'a String + Sync),
    srcs: &[u32],
) -> Vec<Vec<StmtAcc>> {
    use rayon::prelude::*;
    let taken = |s: &StatementFact| s.provenance.confidence >= opts.min_confidence;
    let tokens: Vec<Vec<Vec<u64>>> = fstmts
        .par_iter()
        .map(|fs| {
            fs.iter()
                .map(|s| {
                    if taken(s) {
                        content_tokens(&s.text)
                    } else {
                        Vec::new()
                    }
                })
                .collect()
        })
        .collect();
    type Key = (Option<u32>, u64);
    let group_key = |fi: usize, s: &StatementFact, tokens: &[u64]| -> Key {
        match &s.speaker {
            Some(r) => (Some(acc(fi, r.actor)), 0),
            None => (None, fnv1a_words(tokens) % ANON_SHARDS),
        }
    };
    // each statement's group key and part (in parallel); `None` for a statement not taken
    let keys: Vec<Vec<Option<(Key, usize)>>> = fstmts
        .par_iter()
        .zip(&tokens)
        .enumerate()
        .map(|(fi, (fs, ts))| {
            fs.iter()
                .zip(ts)
                .map(|(s, t)| {
                    taken(s).then(|| {
                        let key = group_key(fi, s, t);
                        let h = fnv1a_words(&[key.0.map_or(u64::MAX, u64::from), key.1]);
                        (key, (h % STATEMENT_PARTS as u64) as usize)
                    })
                })
                .collect()
        })
        .collect();
    // the statements moved into their parts (sized first: no slack), in order (`seq` counts the
    // statements taken)
    let mut sizes = [0usize; STATEMENT_PARTS];
    for (_, part) in keys.iter().flatten().flatten() {
        sizes[*part] += 1;
    }
    let mut parts: Vec<Vec<(Key, StmtItem)>> =
        sizes.iter().map(|&n| Vec::with_capacity(n)).collect();
    let mut seq = 0;
    for (fi, ((fs, ts), ks)) in fstmts.into_iter().zip(tokens).zip(keys).enumerate() {
        for ((s, t), k) in fs.into_iter().zip(ts).zip(ks) {
            if let Some((key, part)) = k {
                parts[part].push((key, (seq, fi, t, s)));
                seq += 1;
            }
        }
    }
    // each part's groups (sized first, so the facts are moved into them with no slack), each
    // merged; the groups' order does not matter, the nodes are ordered by `seq` later
    parts
        .into_par_iter()
        .flat_map_iter(|part| {
            let mut group_of: FxHashMap<Key, usize> = FxHashMap::default();
            let mut sizes: Vec<usize> = Vec::new();
            for (key, _) in &part {
                let gi = *group_of.entry(*key).or_insert_with(|| {
                    sizes.push(0);
                    sizes.len() - 1
                });
                sizes[gi] += 1;
            }
            let mut groups: Vec<StmtGroup> = Vec::with_capacity(sizes.len());
            for (key, item) in part {
                let gi = group_of[&key];
                if gi == groups.len() {
                    groups.push((key.0, Vec::with_capacity(sizes[gi])));
                }
                groups[gi].1.push(item);
            }
            groups
        })
        .map(|(speaker, group)| merge_speaker(speaker, group, art, srcs))
        .collect()
}

/// FNV-1a over 64-bit words.
fn fnv1a_words(words: &[u64]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &w in words {
        h ^= w;
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

/// The statements of one group, merged (see [`merge_statements`]).
fn merge_speaker<'a>(
    speaker: Option<u32>,
    group: Vec<StmtItem>,
    art: &(impl Fn(usize) -> &'a String + Sync),
    srcs: &[u32],
) -> Vec<StmtAcc> {
    let mut stmts: Vec<StmtAcc> = Vec::new();
    let mut by_date: BTreeMap<Option<NaiveDate>, Vec<usize>> = BTreeMap::new();
    let mut anon: FxHashMap<Vec<u64>, Vec<usize>> = FxHashMap::default();
    for (seq, fi, tokens, s) in group {
        let edge = s.speaker.as_ref().map(|r| {
            (
                speaker.expect("a speaker"),
                Edge {
                    relation: Relation::Speaker,
                    mention: Some(r.mention.clone()),
                    article: Some(art(fi).clone()),
                },
            )
        });
        // candidates: the same date or an unknown one on either side; statements without a
        // speaker only merge when their contents are equal
        let ok = |i: usize| {
            let acc: &StmtAcc = &stmts[i];
            if !dates_agree(acc.node.date, s.date) {
                false
            } else if speaker.is_some() {
                overlap(&acc.tokens, &tokens) >= STATEMENT_OVERLAP && !acc.articles.has(fi)
            } else {
                acc.tokens == tokens && !acc.articles.has(fi)
            }
        };
        let hit = if speaker.is_none() {
            anon.get(&tokens)
                .and_then(|v| v.iter().copied().find(|&i| ok(i)))
        } else {
            let buckets: Vec<&Vec<usize>> = match s.date {
                Some(d) => [Some(d), None]
                    .iter()
                    .filter_map(|k| by_date.get(k))
                    .collect(),
                None => by_date.values().collect(),
            };
            let mut best = usize::MAX;
            for b in buckets {
                if let Some(i) = b.iter().copied().find(|&i| ok(i)) {
                    best = best.min(i);
                }
            }
            (best != usize::MAX).then_some(best)
        };
        match hit {
            Some(i) => {
                let acc = &mut stmts[i];
                acc.node.evidence.push(s.evidence);
                if acc.node.date.is_none() {
                    acc.node.date = s.date;
                    acc.node.date_text = s.date_text;
                }
                acc.node.direct |= s.direct;
                acc.node.confidence = acc.node.confidence.max(s.provenance.confidence);
                acc.edges.extend(edge);
                acc.articles.add(fi);
                acc.sources.insert(srcs[fi]);
            }
            None => {
                if speaker.is_none() {
                    anon.entry(tokens.clone()).or_default().push(stmts.len());
                } else {
                    by_date.entry(s.date).or_default().push(stmts.len());
                }
                stmts.push(StmtAcc {
                    seq,
                    node: StatementNode {
                        id: String::new(),
                        direct: s.direct,
                        text: s.text,
                        date: s.date,
                        date_text: s.date_text,
                        evidence: vec![s.evidence],
                        rule: s.provenance.rule,
                        confidence: s.provenance.confidence,
                        num_articles: 0,
                        num_sources: 0,
                        cameo: None,
                        plover: None,
                    },
                    speaker,
                    tokens,
                    edges: edge.into_iter().collect(),
                    articles: Articles::new(fi),
                    sources: [srcs[fi]].into_iter().collect(),
                });
            }
        }
    }
    stmts
}

/// Merged nodes from several groups, and the order they join the graph in: (position, group,
/// index in the group), sorted.
struct Ordered {
    groups: Vec<Vec<Option<(Node, ActorEdges)>>>,
    order: Vec<(usize, u32, u32)>,
}

impl Ordered {
    /// The nodes' ids, in order.
    fn ids(&self) -> impl Iterator<Item = String> + '_ {
        self.order.iter().filter_map(|&(_, g, k)| {
            self.groups[g as usize][k as usize]
                .as_ref()
                .map(|(n, _)| n.id().to_string())
        })
    }

    fn into_ordered(mut self) -> impl Iterator<Item = (Node, ActorEdges)> {
        let order = std::mem::take(&mut self.order);
        order
            .into_iter()
            .filter_map(move |(_, g, k)| self.groups[g as usize][k as usize].take())
    }
}

/// The statements' ids, codes and counts (in parallel, group by group), in the order first seen.
fn finish_statements(groups: Vec<Vec<StmtAcc>>, ids: &[&str]) -> Ordered {
    use rayon::prelude::*;
    let finish = |mut acc: StmtAcc| {
        acc.node.evidence.sort();
        let first = &acc.node.evidence[0];
        let key = format!(
            "{:?}|{}|{}|{}",
            acc.speaker.map(|a| ids[a as usize]),
            first.article,
            first.content.as_ref().map_or(first.start, |c| c.start),
            acc.node.text
        );
        acc.node.id = format!("statement:{:016x}", fnv1a(key.as_bytes()));
        let cue = first.cue.as_ref().map_or("", |c| c.text.as_str());
        let codes = crate::cameo::for_statement(cue);
        acc.node.cameo = Some(codes.cameo);
        acc.node.plover = Some(codes.plover);
        acc.node.num_articles = acc.articles.count;
        acc.node.num_sources = acc.sources.len();
        sort_edges(&mut acc.edges, ids);
        Some((Node::Statement(acc.node), acc.edges))
    };
    let mut order: Vec<(usize, u32, u32)> = groups
        .iter()
        .enumerate()
        .flat_map(|(g, v)| {
            v.iter()
                .enumerate()
                .map(move |(k, s)| (s.seq, g as u32, k as u32))
        })
        .collect();
    order.par_sort_unstable();
    let groups = groups
        .into_par_iter()
        .map(|v| v.into_iter().map(finish).collect())
        .collect();
    Ordered { groups, order }
}

/// An event while the build runs.
struct EventAcc {
    node: EventNode,
    trigger: String,
    edges: Vec<(u32, Edge)>,
    articles: Articles,
    sources: FxHashSet<u32>,
}

/// Events: merged by type, place and compatible date.
fn merge_events<'a>(
    fevents: Vec<Vec<EventFact>>,
    opts: &BuildOptions,
    acc: &(impl Fn(usize, usize) -> u32 + Sync),
    art: &(impl Fn(usize) -> &'a String + Sync),
    srcs: &[u32],
) -> Vec<EventAcc> {
    let mut events: Vec<EventAcc> = Vec::new();
    let mut ev_index: FxHashMap<(String, String), Vec<usize>> = FxHashMap::default();
    for (fi, fe) in fevents.into_iter().enumerate() {
        for e in fe {
            if e.provenance.confidence < opts.min_confidence {
                continue;
            }
            let mut edges = Vec::new();
            if let Some(p) = &e.perpetrator {
                edges.push((
                    acc(fi, p.actor),
                    Edge {
                        relation: Relation::Perpetrator,
                        mention: Some(p.mention.clone()),
                        article: Some(art(fi).clone()),
                    },
                ));
            }
            if let Some(p) = &e.location_actor {
                edges.push((
                    acc(fi, p.actor),
                    Edge {
                        relation: Relation::LocatedIn,
                        mention: Some(p.mention.clone()),
                        article: Some(art(fi).clone()),
                    },
                ));
            }
            let place = e.location.as_deref().map(fold).unwrap_or_default();
            let cands = ev_index
                .entry((e.event_type.clone(), place.clone()))
                .or_default();
            // without a place, only events of the same article and sentence merge
            let hit = cands.iter().copied().find(|&i| {
                let n = &events[i].node;
                if place.is_empty() {
                    n.evidence
                        .iter()
                        .any(|x| x.article == e.evidence.article && x.start == e.evidence.start)
                } else {
                    dates_agree(n.date, e.date)
                        && (n.date.is_some() || e.date.is_some() || events[i].articles.has(fi))
                }
            });
            match hit {
                Some(i) => {
                    let acc = &mut events[i];
                    if !acc.node.evidence.contains(&e.evidence) {
                        acc.node.evidence.push(e.evidence);
                    }
                    acc.node.killed = acc.node.killed.max(e.killed);
                    acc.node.injured = acc.node.injured.max(e.injured);
                    if acc.node.date.is_none() {
                        acc.node.date = e.date;
                        acc.node.date_text = e.date_text;
                    }
                    acc.node.confidence = acc.node.confidence.max(e.provenance.confidence);
                    acc.edges.extend(edges);
                    acc.articles.add(fi);
                    acc.sources.insert(srcs[fi]);
                }
                None => {
                    cands.push(events.len());
                    events.push(EventAcc {
                        trigger: e.trigger.text,
                        node: EventNode {
                            id: String::new(),
                            event_type: e.event_type,
                            date: e.date,
                            date_text: e.date_text,
                            location: e.location,
                            killed: e.killed,
                            injured: e.injured,
                            evidence: vec![e.evidence],
                            rule: e.provenance.rule,
                            confidence: e.provenance.confidence,
                            num_articles: 0,
                            num_sources: 0,
                            cameo: None,
                            plover: None,
                        },
                        edges,
                        articles: Articles::new(fi),
                        sources: [srcs[fi]].into_iter().collect(),
                    });
                }
            }
        }
    }
    events
}

fn finish_events(events: Vec<EventAcc>, ids: &[&str]) -> Made {
    use rayon::prelude::*;
    events
        .into_par_iter()
        .map(|mut acc| {
            acc.node.evidence.sort();
            let first = &acc.node.evidence[0];
            let key = format!(
                "{}|{:?}|{:?}|{}|{}",
                acc.node.event_type, acc.node.location, acc.node.date, first.article, first.start
            );
            acc.node.id = format!("event:{:016x}", fnv1a(key.as_bytes()));
            let codes = crate::cameo::for_event(&acc.trigger, &first.text);
            acc.node.cameo = Some(codes.cameo);
            acc.node.plover = Some(codes.plover);
            acc.node.num_articles = acc.articles.count;
            acc.node.num_sources = acc.sources.len();
            sort_edges(&mut acc.edges, ids);
            (Node::Event(acc.node), acc.edges)
        })
        .collect()
}

/// Two statements by one speaker are one when their content token sets overlap this much
/// (|A ∩ B| / |A ∪ B|).
pub const STATEMENT_OVERLAP: f64 = 0.7;

/// The normalised content tokens of a statement: folded, punctuation dropped, each kept as its
/// 64-bit hash (FNV-1a), sorted, unique. Hashes instead of strings keep the build small; two
/// different words sharing a hash is vanishingly rare and would only nudge an overlap.
pub fn content_tokens(text: &str) -> Vec<u64> {
    let mut t: Vec<u64> = if text.is_ascii() {
        ascii_word_hashes(text)
    } else {
        fold(text)
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(|w| fnv1a(w.as_bytes()))
            .collect()
    };
    t.sort_unstable();
    t.dedup();
    t
}

/// [`fnv1a`] of each lowercased run of ASCII letters and digits of `text`, in one pass with no
/// copy of the text: for ASCII text, what folding, splitting at every other character and
/// hashing each word gives.
fn ascii_word_hashes(text: &str) -> Vec<u64> {
    const BASIS: u64 = 0xcbf2_9ce4_8422_2325;
    let mut out = Vec::with_capacity(text.len() / 6 + 1);
    let (mut h, mut in_word) = (BASIS, false);
    for &b in text.as_bytes() {
        if b.is_ascii_alphanumeric() {
            h ^= u64::from(b.to_ascii_lowercase());
            h = h.wrapping_mul(0x0000_0100_0000_01b3);
            in_word = true;
        } else if in_word {
            out.push(h);
            (h, in_word) = (BASIS, false);
        }
    }
    if in_word {
        out.push(h);
    }
    out
}

/// Jaccard overlap of two sorted, unique token lists.
pub fn overlap(a: &[u64], b: &[u64]) -> f64 {
    if a.is_empty() && b.is_empty() {
        return 1.0;
    }
    let (small, large) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    if (small.len() as f64) < STATEMENT_OVERLAP * large.len() as f64 {
        return 0.0;
    }
    let (mut i, mut j, mut both) = (0, 0, 0usize);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                both += 1;
                i += 1;
                j += 1;
            }
        }
    }
    both as f64 / (a.len() + b.len() - both) as f64
}

fn source_of(a: &ArticleMeta) -> &str {
    a.source.as_deref().unwrap_or(&a.id)
}

/// The distinct articles of a fact while the build runs: facts are unique by article and visited
/// in order, so an article is new when its fact index differs from the last one seen.
struct Articles {
    count: usize,
    last: usize,
}

impl Articles {
    fn new(fi: usize) -> Articles {
        Articles { count: 1, last: fi }
    }
    fn add(&mut self, fi: usize) {
        if self.last != fi {
            self.last = fi;
            self.count += 1;
        }
    }
    fn has(&self, fi: usize) -> bool {
        self.last == fi
    }
}

/// Does an article published on `published` plausibly report a call held on `day`: the same
/// day or within a week after it?
fn reports_on(published: Option<NaiveDate>, day: NaiveDate) -> bool {
    published.is_some_and(|p| p >= day && (p - day).num_days() <= 7)
}

fn dates_agree(a: Option<NaiveDate>, b: Option<NaiveDate>) -> bool {
    match (a, b) {
        (Some(x), Some(y)) => x == y,
        _ => true,
    }
}

fn min_date(a: Option<NaiveDate>, b: Option<NaiveDate>) -> Option<NaiveDate> {
    match (a, b) {
        (Some(x), Some(y)) => Some(x.min(y)),
        (x, None) => x,
        (None, y) => y,
    }
}

fn max_date(a: Option<NaiveDate>, b: Option<NaiveDate>) -> Option<NaiveDate> {
    a.max(b)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// RawFacts::each gives every line in the refs' order, whether the lines lie back to back,
    /// out of order, or are longer than one read (issue 5: the next run is read while one is
    /// handed out).
    #[test]
    fn raw_facts_each_gives_the_lines_in_order() {
        use std::io::Write as _;
        let lines: Vec<Vec<u8>> = (0..40u8)
            .map(|i| {
                let len = if i % 13 == 5 {
                    RAW_READ as usize + 17
                } else {
                    1 + usize::from(i) * 9000
                };
                vec![b'a' + i % 26; len]
            })
            .collect();
        let mut file = tempfile::tempfile().unwrap();
        let mut at = Vec::new();
        let mut pos = 0u64;
        for l in &lines {
            file.write_all(l).unwrap();
            at.push((pos, l.len() as u32));
            pos += l.len() as u64;
        }
        // in file order, then with some lines swapped (shorter runs)
        let mut orders: Vec<Vec<usize>> = vec![(0..lines.len()).collect()];
        let mut swapped: Vec<usize> = (0..lines.len()).collect();
        swapped.swap(3, 30);
        swapped.swap(10, 11);
        orders.push(swapped);
        for order in orders {
            let raw = RawFacts::new(
                file.try_clone().unwrap(),
                order.iter().map(|&i| at[i]).collect(),
            );
            let mut got = Vec::new();
            raw.each(|l| {
                got.push(l.to_vec());
                Ok(())
            })
            .unwrap();
            let want: Vec<Vec<u8>> = order.iter().map(|&i| lines[i].clone()).collect();
            assert!(got == want, "order {order:?}");
        }
    }

    /// par_list writes the bytes list writes, for no item, one, and several groups (issue 5:
    /// the next group is serialised while one is written).
    #[test]
    fn par_list_writes_what_list_writes() {
        for n in [0, 1, 255, 4096, 4097, 10_000] {
            let items: Vec<u32> = (0..n).map(|i| i * 7).collect();
            let mut a = Vec::new();
            list(&mut a, &items, |w, x| {
                std::io::Write::write_all(w, x.to_string().as_bytes())
            })
            .unwrap();
            let mut b = Vec::new();
            par_list(&mut b, &items, |w, x| {
                std::io::Write::write_all(w, x.to_string().as_bytes())
            })
            .unwrap();
            assert_eq!(a, b, "{n} items");
        }
    }

    fn actor(id: &str, name: &str) -> Node {
        Node::Actor(ActorNode {
            id: id.to_string(),
            name: name.to_string(),
            actor_type: ActorType::Person,
            aliases: Vec::new(),
            title: None,
            affiliation: None,
            code: None,
            roles: Vec::new(),
            num_articles: 1,
        })
    }

    fn edge(article: &str) -> Edge {
        Edge {
            relation: Relation::Speaker,
            mention: None,
            article: Some(article.to_string()),
        }
    }

    /// The graph as [`Graph::add_node`] one node at a time makes it.
    fn one_by_one(all: Vec<(Node, ActorEdges)>, actor_pos: &[u32]) -> Graph {
        let mut g = Graph::default();
        let mut ix_of = Vec::new();
        for (node, es) in all {
            let ix = g.add_node(node);
            ix_of.push(ix);
            for (a, e) in es {
                g.g.add_edge(ix_of[actor_pos[a as usize] as usize], ix, e);
            }
        }
        g
    }

    type Dump = (
        Vec<String>,
        Vec<(String, String, Edge)>,
        Vec<(String, usize)>,
    );

    fn dump(g: &Graph) -> Dump {
        let nodes = g.g.node_weights().map(|n| format!("{n:?}")).collect();
        let edges = g
            .edges()
            .into_iter()
            .map(|(s, t, e)| (s.to_string(), t.to_string(), e.clone()))
            .collect();
        let mut index: Vec<(String, usize)> = g
            .index
            .iter()
            .map(|(k, v)| (k.clone(), v.index()))
            .collect();
        index.sort();
        (nodes, edges, index)
    }

    fn sample(dup: bool) -> Vec<(Node, ActorEdges)> {
        vec![
            (actor("actor:ana-dorn", "Ana Dorn"), Vec::new()),
            (actor("actor:tomas-vell", "Tomas Vell"), Vec::new()),
            (
                actor(if dup { "actor:ana-dorn" } else { "actor:x" }, "X"),
                vec![(0, edge("a1")), (1, edge("a2"))],
            ),
            (actor("actor:y", "Y"), vec![(1, edge("a3"))]),
        ]
    }

    #[test]
    fn ascii_content_tokens_equal_the_folded_split() {
        let slow = |text: &str| -> Vec<u64> {
            let mut t: Vec<u64> = fold(text)
                .split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty())
                .map(|w| fnv1a(w.as_bytes()))
                .collect();
            t.sort_unstable();
            t.dedup();
            t
        };
        for text in [
            "",
            "   ",
            "We will not sign the Kestrel Accord, Mira Voss said.",
            "\"Talks resume on 12 May,\" a spokesman for the 3rd Fleet said -- again!",
            "x",
            "end-of-text42",
            "AB ab Ab aB",
        ] {
            assert_eq!(content_tokens(text), slow(text), "{text:?}");
        }
    }

    #[test]
    fn assembling_in_parallel_equals_adding_one_by_one() {
        for dup in [false, true] {
            let pos = [0, 1];
            let ids = sample(dup)
                .iter()
                .map(|(n, _)| n.id().to_string())
                .collect();
            let fast = assemble(ids, sample(dup).into_iter(), &pos, 3);
            let slow = one_by_one(sample(dup), &pos);
            assert_eq!(dump(&fast), dump(&slow), "dup = {dup}");
        }
    }
}
