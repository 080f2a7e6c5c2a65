//! The query stage: a graph file and a [`Question`] in, rows out, rendered as a table for people
//! ([`crate::table`]) or as JSON, JSON Lines or CSV for programs ([`answer`]).
//!
//! ACTOR arguments match any alias, ignoring case and accents ("zelenskyy" finds Volodymyr
//! Zelensky).

use chrono::NaiveDate;
use petgraph::stable_graph::NodeIndex;
use serde::{Deserialize, Serialize};

use crate::graph::{ActorNode, Graph, Node, Relation};
use crate::normalize::matches_name;
use crate::table::{TableRow, date, text};

/// A date window; either end may be open.
#[derive(Clone, Copy, Debug, Default)]
pub struct Window {
    pub since: Option<NaiveDate>,
    pub until: Option<NaiveDate>,
}

impl Window {
    /// Facts without a date are kept only when the window is open.
    pub fn contains(&self, d: Option<NaiveDate>) -> bool {
        match d {
            Some(d) => self.since.is_none_or(|s| d >= s) && self.until.is_none_or(|u| d <= u),
            None => self.since.is_none() && self.until.is_none(),
        }
    }
}

/// Does this actor answer to `query`?
pub fn actor_matches(a: &ActorNode, query: &str) -> bool {
    let mut names: Vec<&str> = vec![a.name.as_str()];
    names.extend(a.aliases.iter().map(String::as_str));
    matches_name(query, &names)
}

/// Actors answering to `query`.
pub fn find_actors<'g>(g: &'g Graph, query: &str) -> Vec<&'g ActorNode> {
    g.actors().filter(|a| actor_matches(a, query)).collect()
}

#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct PairRow {
    pub a: String,
    pub b: String,
    pub date: Option<NaiveDate>,
    pub mode: String,
    pub kind: String,
    pub call: String,
    pub evidence: String,
}

fn sorted_indices(g: &Graph) -> Vec<NodeIndex> {
    use rayon::slice::ParallelSliceMut;
    let mut v: Vec<NodeIndex> = g.g.node_indices().collect();
    // ids are unique, so an unstable sort gives the one order
    v.par_sort_unstable_by(|a, b| {
        let (na, nb) = (&g.g[*a], &g.g[*b]);
        (na.date(), na.id()).cmp(&(nb.date(), nb.id()))
    });
    v
}

/// Who spoke with whom: every pair of participants of every call and meeting in the window, or
/// only the pairs that include `actor`.
pub fn who_spoke_with(g: &Graph, actor: Option<&str>, w: Window) -> Vec<PairRow> {
    let mut rows = Vec::new();
    for ix in sorted_indices(g) {
        let Some(c) = g.g[ix].as_call() else { continue };
        if !w.contains(c.date) {
            continue;
        }
        let mut parts: Vec<&ActorNode> = g
            .linked(ix, Relation::Participant)
            .into_iter()
            .map(|(a, _)| a)
            .collect();
        parts.dedup_by(|a, b| a.id == b.id);
        for i in 0..parts.len() {
            for j in i + 1..parts.len() {
                let (a, b) = (parts[i], parts[j]);
                let (a, b) = match actor {
                    Some(q) if actor_matches(b, q) && !actor_matches(a, q) => (b, a),
                    Some(q) if !actor_matches(a, q) => continue,
                    _ => (a, b),
                };
                rows.push(PairRow {
                    a: a.name.clone(),
                    b: b.name.clone(),
                    date: c.date,
                    mode: c.mode.as_str().to_string(),
                    kind: g.g[ix].kind().to_string(),
                    call: c.id.clone(),
                    evidence: c
                        .evidence
                        .first()
                        .map(|e| e.text.clone())
                        .unwrap_or_default(),
                });
            }
        }
    }
    rows
}

#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct FactRow {
    pub id: String,
    pub kind: String,
    pub date: Option<NaiveDate>,
    pub actors: Vec<String>,
    pub summary: String,
    pub evidence: String,
    pub articles: usize,
}

fn fact_row(g: &Graph, ix: NodeIndex) -> Option<FactRow> {
    let n = &g.g[ix];
    let (rel, summary) = match n {
        Node::Actor(_) => return None,
        Node::Call(c) | Node::Meeting(c) => {
            let mut s = c.mode.as_str().to_string();
            if let Some(d) = &c.duration {
                s.push_str(&format!(", {d}"));
            }
            if let Some(t) = &c.topic {
                s.push_str(&format!(", on {t}"));
            }
            (Relation::Participant, s)
        }
        Node::Statement(s) => (
            Relation::Speaker,
            format!("{}{}", if s.direct { "quote: " } else { "" }, s.text),
        ),
        Node::Event(e) => {
            let mut s = e.event_type.clone();
            if let Some(l) = &e.location {
                s.push_str(&format!(" in {l}"));
            }
            if let Some(k) = e.killed {
                s.push_str(&format!(", {k} killed"));
            }
            if let Some(k) = e.injured {
                s.push_str(&format!(", {k} injured"));
            }
            (Relation::Perpetrator, s)
        }
    };
    let mut actors: Vec<String> = g
        .linked(ix, rel)
        .into_iter()
        .map(|(a, _)| a.name.clone())
        .collect();
    actors.dedup();
    let ev = n.evidence();
    let mut arts: Vec<&str> = ev.iter().map(|e| e.article.as_str()).collect();
    arts.sort();
    arts.dedup();
    Some(FactRow {
        id: n.id().to_string(),
        kind: n.kind().to_string(),
        date: n.date(),
        actors,
        summary,
        evidence: ev.first().map(|e| e.text.clone()).unwrap_or_default(),
        articles: arts.len(),
    })
}

/// Facts of the given kinds in the window, by date; `by` keeps those linked to that actor.
pub fn facts(g: &Graph, kinds: &[&str], by: Option<&str>, w: Window) -> Vec<FactRow> {
    let mut rows = Vec::new();
    for ix in sorted_indices(g) {
        let n = &g.g[ix];
        if !kinds.contains(&n.kind()) || !w.contains(n.date()) {
            continue;
        }
        if let Some(q) = by {
            let linked =
                g.g.neighbors_directed(ix, petgraph::Direction::Incoming)
                    .filter_map(|a| g.g[a].as_actor())
                    .any(|a| actor_matches(a, q));
            if !linked {
                continue;
            }
        }
        rows.extend(fact_row(g, ix));
    }
    rows
}

/// An actor's timeline: every call, meeting, statement and event linked to it, by date.
pub fn timeline(g: &Graph, actor: &str, w: Window) -> Vec<FactRow> {
    facts(
        g,
        &["call", "meeting", "statement", "event"],
        Some(actor),
        w,
    )
}

#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct ActorRow {
    pub id: String,
    pub name: String,
    pub actor_type: String,
    pub title: Option<String>,
    pub affiliation: Option<String>,
    pub aliases: Vec<String>,
    pub facts: usize,
}

pub fn actors(g: &Graph) -> Vec<ActorRow> {
    let mut rows: Vec<ActorRow> = g
        .actors()
        .map(|a| {
            let ix = g.index[&a.id];
            ActorRow {
                id: a.id.clone(),
                name: a.name.clone(),
                actor_type: a.actor_type.as_str().to_string(),
                title: a.title.clone(),
                affiliation: a.affiliation.clone(),
                aliases: a.aliases.clone(),
                facts: g.g.neighbors(ix).count(),
            }
        })
        .collect();
    rows.sort_by(|a, b| b.facts.cmp(&a.facts).then(a.name.cmp(&b.name)));
    rows
}

// ------------------------------------------------------------------------------------------
// The query index: a lean sidecar for fast answers on big graphs
// ------------------------------------------------------------------------------------------
//
// `GRAPH.idx` sits next to `GRAPH` (written by every `build`, `merge` and `merge-facts`, and by
// the first query of a graph without one). Its first line is the JSON [`IndexCore`]: actors with
// their precomputed name keys, calls and meetings with their participants, and the counts of
// `stats`; then, after the newline, the timeline rows of every actor as JSON arrays, one block per
// actor, read only when `timeline` asks for that actor. The core records the size and mtime of
// the graph file it was made from; a stale or missing index is rebuilt from the graph.

use std::collections::{BTreeMap, BTreeSet, VecDeque};
use std::io::{BufRead, Read, Seek, SeekFrom};
use std::path::{Path, PathBuf};

use crate::error::{Error, Result};
use crate::normalize::name_key;

const INDEX_VERSION: u32 = 2;

/// An actor in the index (short field names: this is what every query loads).
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct IndexActor {
    #[serde(rename = "i")]
    pub id: String,
    #[serde(rename = "n")]
    pub name: String,
    /// `name_key` of the name and of every alias.
    #[serde(rename = "k")]
    pub keys: Vec<String>,
    /// Facts linked to the actor.
    #[serde(rename = "f")]
    pub facts: usize,
    /// Byte offset and length of the actor's timeline block.
    #[serde(rename = "r")]
    pub rows: (u64, u64),
}

/// A call or meeting in the index.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct IndexCall {
    pub id: String,
    pub kind: String,
    pub mode: String,
    pub date: Option<NaiveDate>,
    /// Indices into [`IndexCore::actors`], by actor id, unique.
    pub parts: Vec<u32>,
    pub evidence: String,
    pub num_articles: usize,
    pub num_sources: usize,
}

/// The part of the index loaded for every query.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct IndexCore {
    pub version: u32,
    /// (size, mtime in ns) of the graph file this index was made from.
    pub graph_stamp: Option<(u64, i128)>,
    pub stats: Stats,
    /// By id.
    pub actors: Vec<IndexActor>,
    /// By (date, id).
    pub calls: Vec<IndexCall>,
}

/// A serialised index waiting for the stamp of its graph file (see [`Index::into_unstamped`]).
pub struct UnstampedIndex {
    version: u32,
    /// The core's JSON line, with a `null` stamp.
    core: Vec<u8>,
    blob: Vec<u8>,
}

impl UnstampedIndex {
    /// Writes the index next to the graph file `graph`, stamped with that file as it is now.
    /// The stamp is the core's second field, so only the line's first bytes change.
    pub fn write_next_to(self, graph: &Path) -> Result<()> {
        let stamp = stamp(graph);
        self.write_stamped(graph, stamp)
    }

    /// Writes the index next to the graph file `graph`, with the stamp `stamp` (see
    /// [`stamp_of`]).
    pub fn write_stamped(self, graph: &Path, stamp: Option<(u64, i128)>) -> Result<()> {
        let unstamped = format!("{{\"version\":{},\"graph_stamp\":null", self.version);
        let stamped = format!(
            "{{\"version\":{},\"graph_stamp\":{}",
            self.version,
            serde_json::to_string(&stamp).expect("stamp serialises")
        );
        let rest = self
            .core
            .strip_prefix(unstamped.as_bytes())
            .expect("the core starts with its version and stamp");
        crate::corpus::write_atomic_parts(
            &index_path(graph),
            &[stamped.as_bytes(), rest, &self.blob],
        )
    }
}

/// Where the timeline blocks live.
#[derive(Clone, Debug)]
enum Blocks {
    Memory(Vec<u8>),
    File(PathBuf, u64),
}

/// A loaded query index.
#[derive(Clone, Debug)]
pub struct Index {
    pub core: IndexCore,
    blocks: Blocks,
}

/// The figures of `stats`.
#[derive(Clone, Debug, Default, Serialize, Deserialize, PartialEq)]
pub struct Stats {
    pub articles: usize,
    pub sources: usize,
    pub first_article: Option<NaiveDate>,
    pub last_article: Option<NaiveDate>,
    pub nodes: usize,
    pub edges: usize,
    pub actors: usize,
    pub persons: usize,
    pub calls: usize,
    pub meetings: usize,
    pub statements: usize,
    pub events: usize,
    pub first_fact: Option<NaiveDate>,
    pub last_fact: Option<NaiveDate>,
    /// Facts (calls, meetings, statements, events) reported by more than one article.
    pub corroborated: usize,
    pub lossless: bool,
}

fn stamp(path: &Path) -> Option<(u64, i128)> {
    stamp_of_metadata(&std::fs::metadata(path).ok()?)
}

/// The stamp of an open graph file (its size and mtime), as [`Index`] records it: the same as
/// the stamp of its path once it is renamed into place, since a rename changes neither.
pub fn stamp_of(file: &std::fs::File) -> Option<(u64, i128)> {
    stamp_of_metadata(&file.metadata().ok()?)
}

fn stamp_of_metadata(m: &std::fs::Metadata) -> Option<(u64, i128)> {
    let t = m.modified().ok()?;
    let ns = match t.duration_since(std::time::UNIX_EPOCH) {
        Ok(d) => d.as_nanos() as i128,
        Err(e) => -(e.duration().as_nanos() as i128),
    };
    Some((m.len(), ns))
}

/// The index file of a graph file: `graph.json` -> `graph.json.idx`.
pub fn index_path(graph: &Path) -> PathBuf {
    let mut s = graph.as_os_str().to_owned();
    s.push(".idx");
    PathBuf::from(s)
}

impl Index {
    /// Builds the index of an in-memory graph. The per-fact rows, the actors' keys and their
    /// timeline blocks are made in parallel (rayon); the result does not depend on the number of
    /// threads.
    pub fn from_graph(g: &Graph) -> Index {
        use rayon::prelude::*;
        let mut stats = Stats {
            articles: g.articles.len(),
            sources: g
                .articles
                .iter()
                .map(|a| a.source.as_deref().unwrap_or(&a.id))
                .collect::<BTreeSet<_>>()
                .len(),
            first_article: g.articles.iter().filter_map(|a| a.published).min(),
            last_article: g.articles.iter().filter_map(|a| a.published).max(),
            nodes: g.g.node_count(),
            edges: g.g.edge_count(),
            lossless: g.is_lossless(),
            ..Stats::default()
        };
        // actors by id, and each actor node's position in that list
        let mut actor_ixs: Vec<NodeIndex> =
            g.g.node_indices()
                .filter(|&ix| g.g[ix].as_actor().is_some())
                .collect();
        actor_ixs.par_sort_unstable_by(|a, b| g.g[*a].id().cmp(g.g[*b].id()));
        let mut pos_of = vec![u32::MAX; petgraph::visit::NodeIndexable::node_bound(&g.g)];
        for (i, ix) in actor_ixs.iter().enumerate() {
            pos_of[ix.index()] = i as u32;
        }
        let pos = |ix: NodeIndex| Some(pos_of[ix.index()]).filter(|&p| p != u32::MAX);
        // the facts by (date, id), each with its row (compact JSON), linked actors and call
        struct Fact {
            row: Vec<u8>,
            corroborated: bool,
            linked: Vec<u32>,
            // boxed: few facts are calls, and the list of facts stays small
            call: Option<Box<IndexCall>>,
        }
        let facts: Vec<Fact> = sorted_indices(g)
            .into_par_iter()
            .filter_map(|ix| {
                let n = &g.g[ix];
                let row = fact_row(g, ix)?;
                let linked: BTreeSet<u32> =
                    g.g.neighbors_directed(ix, petgraph::Direction::Incoming)
                        .filter_map(pos)
                        .collect();
                let call = n.as_call().map(|c| {
                    let parts: BTreeSet<u32> = g
                        .linked(ix, Relation::Participant)
                        .into_iter()
                        .filter_map(|(a, _)| g.index.get(&a.id).copied().and_then(pos))
                        .collect();
                    Box::new(IndexCall {
                        id: c.id.clone(),
                        kind: n.kind().to_string(),
                        mode: c.mode.as_str().to_string(),
                        date: c.date,
                        parts: parts.into_iter().collect(),
                        evidence: c
                            .evidence
                            .first()
                            .map(|e| e.text.clone())
                            .unwrap_or_default(),
                        num_articles: c.num_articles,
                        num_sources: c.num_sources,
                    })
                });
                let mut row_bytes = crate::jsonw::to_vec(&row).expect("row serialises");
                row_bytes.shrink_to_fit();
                Some(Fact {
                    row: row_bytes,
                    corroborated: row.articles > 1,
                    linked: linked.into_iter().collect(),
                    call,
                })
            })
            .collect();
        for n in g.g.node_weights() {
            match n {
                Node::Actor(a) => {
                    stats.actors += 1;
                    if a.actor_type == crate::types::ActorType::Person {
                        stats.persons += 1;
                    }
                    continue;
                }
                Node::Call(_) => stats.calls += 1,
                Node::Meeting(_) => stats.meetings += 1,
                Node::Statement(_) => stats.statements += 1,
                Node::Event(_) => stats.events += 1,
            }
            if let Some(d) = n.date() {
                stats.first_fact = Some(stats.first_fact.map_or(d, |f| f.min(d)));
                stats.last_fact = Some(stats.last_fact.map_or(d, |f| f.max(d)));
            }
        }
        stats.corroborated = facts.iter().filter(|f| f.corroborated).count();
        let mut rows_of: Vec<Vec<u32>> = vec![Vec::new(); actor_ixs.len()];
        for (i, f) in facts.iter().enumerate() {
            for &a in &f.linked {
                rows_of[a as usize].push(i as u32);
            }
        }
        // each actor's timeline block: its rows as one JSON array (what serialising the list of
        // rows writes), one line; made in parallel a bounded group of actors at a time
        // a block's length: "[", the rows with a comma between each two, "]\n"
        let block_len = |rows: &[u32]| {
            3 + rows
                .iter()
                .map(|&r| facts[r as usize].row.len())
                .sum::<usize>()
                + rows.len().saturating_sub(1)
        };
        let block = |rows: &[u32]| {
            let mut b = Vec::with_capacity(block_len(rows));
            b.push(b'[');
            for (k, &r) in rows.iter().enumerate() {
                if k > 0 {
                    b.push(b',');
                }
                b.extend_from_slice(&facts[r as usize].row);
            }
            b.extend_from_slice(b"]\n");
            b
        };
        // the blob's exact size, so that it is allocated once (no growth slack)
        let total: usize = rows_of.iter().map(|rows| block_len(rows)).sum();
        let mut blob = Vec::with_capacity(total);
        let mut actors = Vec::with_capacity(actor_ixs.len());
        for (ixs, rows) in actor_ixs.chunks(2048).zip(rows_of.chunks(2048)) {
            let made: Vec<(Vec<u8>, IndexActor)> = ixs
                .par_iter()
                .zip(rows)
                .map(|(&ix, rows)| {
                    let a = g.g[ix].as_actor().expect("an actor");
                    let mut keys: Vec<String> = std::iter::once(&a.name)
                        .chain(&a.aliases)
                        .map(|n| name_key(n))
                        .filter(|k| !k.is_empty())
                        .collect();
                    keys.sort();
                    keys.dedup();
                    let actor = IndexActor {
                        id: a.id.clone(),
                        name: a.name.clone(),
                        keys,
                        facts: rows.len(),
                        rows: (0, 0),
                    };
                    (block(rows), actor)
                })
                .collect();
            for (b, mut actor) in made {
                actor.rows = (blob.len() as u64, b.len() as u64);
                blob.extend_from_slice(&b);
                actors.push(actor);
            }
        }
        drop(rows_of);
        let calls = facts
            .into_iter()
            .filter_map(|f| f.call.map(|c| *c))
            .collect();
        Index {
            core: IndexCore {
                version: INDEX_VERSION,
                graph_stamp: None,
                stats,
                actors,
                calls,
            },
            blocks: Blocks::Memory(blob),
        }
    }

    /// Writes the index of `g` next to the graph file `graph` (call after the graph is written).
    pub fn write_for(g: &Graph, graph: &Path) -> Result<()> {
        Index::from_graph(g).write_next_to(graph)
    }

    /// Writes this index (built by [`Index::from_graph`], possibly while the graph file was
    /// being written) next to the graph file `graph`, stamped with that file as it is now.
    pub fn write_next_to(self, graph: &Path) -> Result<()> {
        self.into_unstamped().write_next_to(graph)
    }

    /// This index serialised, all but the stamp of its graph file (which is only known once
    /// that file is written): a build serialises the index while the graph file is written.
    pub fn into_unstamped(mut self) -> UnstampedIndex {
        self.core.graph_stamp = None;
        let Blocks::Memory(blob) = self.blocks else {
            unreachable!("an index loaded from a file is not rewritten")
        };
        let mut core = crate::jsonw::to_vec(&self.core).expect("index serialises");
        core.push(b'\n');
        UnstampedIndex {
            version: self.core.version,
            core,
            blob,
        }
    }

    /// Loads the index of the graph file `graph`, from its `.idx` when that is fresh, else from
    /// the graph itself (and then tries to write the `.idx` for the next query).
    pub fn load(graph: &Path) -> Result<Index> {
        if let Some(idx) = Index::load_sidecar(graph) {
            return Ok(idx);
        }
        let g = Graph::read(graph)?;
        let _ = Index::write_for(&g, graph);
        let mut idx = Index::from_graph(&g);
        idx.core.graph_stamp = stamp(graph);
        Ok(idx)
    }

    fn load_sidecar(graph: &Path) -> Option<Index> {
        let want = stamp(graph)?;
        let path = index_path(graph);
        let f = std::fs::File::open(&path).ok()?;
        let mut r = std::io::BufReader::with_capacity(1 << 20, f);
        let mut line = Vec::new();
        r.read_until(b'\n', &mut line).ok()?;
        let core: IndexCore = serde_json::from_slice(&line).ok()?;
        if core.version != INDEX_VERSION || core.graph_stamp != Some(want) {
            return None;
        }
        Some(Index {
            core,
            blocks: Blocks::File(path, line.len() as u64),
        })
    }

    fn block(&self, (off, len): (u64, u64)) -> Result<Vec<FactRow>> {
        let bytes = match &self.blocks {
            Blocks::Memory(b) => b[off as usize..(off + len) as usize].to_vec(),
            Blocks::File(path, base) => {
                let mut f = std::fs::File::open(path).map_err(|e| Error::io(path, e))?;
                f.seek(SeekFrom::Start(base + off))
                    .map_err(|e| Error::io(path, e))?;
                let mut b = vec![0; len as usize];
                f.read_exact(&mut b).map_err(|e| Error::io(path, e))?;
                b
            }
        };
        serde_json::from_slice(&bytes).map_err(|e| Error::BadGraph {
            path: index_path(Path::new("graph")),
            message: format!("index block: {e}"),
        })
    }

    fn matches(&self, a: u32, q: &str) -> bool {
        self.core.actors[a as usize]
            .keys
            .iter()
            .any(|k| k == q || k.rsplit(' ').next() == Some(q))
    }

    /// Actors answering to `query` (any alias, ignoring case and accents), by index.
    pub fn find(&self, query: &str) -> Vec<u32> {
        let q = name_key(query);
        if q.is_empty() {
            return Vec::new();
        }
        (0..self.core.actors.len() as u32)
            .filter(|&a| self.matches(a, &q))
            .collect()
    }

    /// The one actor `query` most likely means: an exact name or alias before a surname match,
    /// then the most connected, then by id.
    pub fn best(&self, query: &str) -> Option<u32> {
        let q = name_key(query);
        self.find(query).into_iter().min_by_key(|&a| {
            let x = &self.core.actors[a as usize];
            (
                name_key(&x.name) != q,
                !x.keys.contains(&q),
                std::cmp::Reverse(x.facts),
                x.id.clone(),
            )
        })
    }

    fn name(&self, a: u32) -> &str {
        &self.core.actors[a as usize].name
    }

    /// [`who_spoke_with`] on the index.
    pub fn who_spoke_with(&self, actor: Option<&str>, w: Window) -> Vec<PairRow> {
        let q = actor.map(name_key);
        let mut rows = Vec::new();
        for c in &self.core.calls {
            if !w.contains(c.date) {
                continue;
            }
            for i in 0..c.parts.len() {
                for j in i + 1..c.parts.len() {
                    let (a, b) = (c.parts[i], c.parts[j]);
                    let (a, b) = match &q {
                        Some(q) if self.matches(b, q) && !self.matches(a, q) => (b, a),
                        Some(q) if !self.matches(a, q) => continue,
                        _ => (a, b),
                    };
                    rows.push(PairRow {
                        a: self.name(a).to_string(),
                        b: self.name(b).to_string(),
                        date: c.date,
                        mode: c.mode.clone(),
                        kind: c.kind.clone(),
                        call: c.id.clone(),
                        evidence: c.evidence.clone(),
                    });
                }
            }
        }
        rows
    }

    /// [`timeline`] on the index: reads only the blocks of the matching actors.
    pub fn timeline(&self, actor: &str, w: Window) -> Result<Vec<FactRow>> {
        let mut rows: BTreeMap<(Option<NaiveDate>, String), FactRow> = BTreeMap::new();
        for a in self.find(actor) {
            for r in self.block(self.core.actors[a as usize].rows)? {
                if w.contains(r.date) {
                    rows.insert((r.date, r.id.clone()), r);
                }
            }
        }
        Ok(rows.into_values().collect())
    }

    /// Actor adjacency through calls and meetings in the window: for each pair, the calls that
    /// join them, in (date, id) order.
    fn adjacency(&self, w: Window) -> BTreeMap<(u32, u32), Vec<usize>> {
        let mut adj: BTreeMap<(u32, u32), Vec<usize>> = BTreeMap::new();
        for (ci, c) in self.core.calls.iter().enumerate() {
            if !w.contains(c.date) {
                continue;
            }
            for i in 0..c.parts.len() {
                for j in i + 1..c.parts.len() {
                    adj.entry((c.parts[i], c.parts[j])).or_default().push(ci);
                }
            }
        }
        adj
    }

    /// How two actors connect through calls and meetings: the shortest chain of actors, each step
    /// with the earliest call or meeting joining the two. Empty when they do not connect.
    pub fn path(&self, from: &str, to: &str, w: Window) -> Vec<PathRow> {
        let (Some(a), Some(b)) = (self.best(from), self.best(to)) else {
            return Vec::new();
        };
        let adj = self.adjacency(w);
        let mut ug: petgraph::graph::UnGraph<u32, usize> = petgraph::graph::UnGraph::default();
        let mut nodes: BTreeMap<u32, petgraph::graph::NodeIndex> = BTreeMap::new();
        let mut node = |ug: &mut petgraph::graph::UnGraph<u32, usize>, x: u32| {
            *nodes.entry(x).or_insert_with(|| ug.add_node(x))
        };
        let na = node(&mut ug, a);
        let nb = node(&mut ug, b);
        for (&(x, y), cs) in &adj {
            let (nx, ny) = (node(&mut ug, x), node(&mut ug, y));
            ug.add_edge(nx, ny, cs[0]);
        }
        let Some((_, route)) = petgraph::algo::astar(&ug, na, |n| n == nb, |_| 1u32, |_| 0) else {
            return Vec::new();
        };
        let mut rows = Vec::new();
        for (step, pair) in route.windows(2).enumerate() {
            let (x, y) = (ug[pair[0]], ug[pair[1]]);
            let key = (x.min(y), x.max(y));
            let ci = adj[&key][0];
            let c = &self.core.calls[ci];
            rows.push(PathRow {
                step: step + 1,
                from: self.name(x).to_string(),
                to: self.name(y).to_string(),
                via: c.id.clone(),
                kind: c.kind.clone(),
                date: c.date,
                times: adj[&key].len(),
                evidence: c.evidence.clone(),
            });
        }
        rows
    }

    /// Actors within `depth` calls or meetings of `actor`, nearest first.
    pub fn neighbors(&self, actor: &str, depth: usize, w: Window) -> Vec<NeighborRow> {
        let Some(start) = self.best(actor) else {
            return Vec::new();
        };
        let adj = self.adjacency(w);
        let mut next: BTreeMap<u32, Vec<(u32, usize)>> = BTreeMap::new();
        for (&(x, y), cs) in &adj {
            next.entry(x).or_default().push((y, cs.len()));
            next.entry(y).or_default().push((x, cs.len()));
        }
        let mut seen: BTreeMap<u32, (usize, u32, usize)> = BTreeMap::new();
        seen.insert(start, (0, start, 0));
        let mut queue = VecDeque::from([start]);
        while let Some(x) = queue.pop_front() {
            let d = seen[&x].0;
            if d >= depth {
                continue;
            }
            for &(y, n) in next.get(&x).map(Vec::as_slice).unwrap_or_default() {
                if let std::collections::btree_map::Entry::Vacant(e) = seen.entry(y) {
                    e.insert((d + 1, x, n));
                    queue.push_back(y);
                }
            }
        }
        let mut rows: Vec<NeighborRow> = seen
            .into_iter()
            .filter(|(a, _)| *a != start)
            .map(|(a, (d, via, n))| NeighborRow {
                depth: d,
                actor: self.name(a).to_string(),
                id: self.core.actors[a as usize].id.clone(),
                via: self.name(via).to_string(),
                times: n,
            })
            .collect();
        rows.sort_by(|x, y| (x.depth, &x.actor, &x.id).cmp(&(y.depth, &y.actor, &y.id)));
        rows
    }

    /// The most connected actors (by calls and meetings in the window, then partners) and the
    /// busiest pairs.
    pub fn top(&self, limit: usize, w: Window) -> Vec<TopRow> {
        let adj = self.adjacency(w);
        let mut calls_of: BTreeMap<u32, BTreeSet<usize>> = BTreeMap::new();
        let mut partners: BTreeMap<u32, usize> = BTreeMap::new();
        for (&(x, y), cs) in &adj {
            for a in [x, y] {
                calls_of.entry(a).or_default().extend(cs.iter().copied());
                *partners.entry(a).or_default() += 1;
            }
        }
        let mut actors: Vec<TopRow> = calls_of
            .iter()
            .map(|(&a, cs)| TopRow {
                rank: 0,
                what: "actor".into(),
                a: self.name(a).to_string(),
                b: None,
                calls: cs.len(),
                partners: Some(partners[&a]),
                first: cs.iter().filter_map(|&c| self.core.calls[c].date).min(),
                last: cs.iter().filter_map(|&c| self.core.calls[c].date).max(),
            })
            .collect();
        actors.sort_by(|x, y| {
            (
                std::cmp::Reverse(x.calls),
                std::cmp::Reverse(x.partners),
                &x.a,
            )
                .cmp(&(
                    std::cmp::Reverse(y.calls),
                    std::cmp::Reverse(y.partners),
                    &y.a,
                ))
        });
        let mut pairs: Vec<TopRow> = adj
            .iter()
            .map(|(&(x, y), cs)| {
                let (a, b) = if self.name(x) <= self.name(y) {
                    (x, y)
                } else {
                    (y, x)
                };
                TopRow {
                    rank: 0,
                    what: "pair".into(),
                    a: self.name(a).to_string(),
                    b: Some(self.name(b).to_string()),
                    calls: cs.len(),
                    partners: None,
                    first: cs.iter().filter_map(|&c| self.core.calls[c].date).min(),
                    last: cs.iter().filter_map(|&c| self.core.calls[c].date).max(),
                }
            })
            .collect();
        pairs.sort_by(|x, y| {
            (std::cmp::Reverse(x.calls), &x.a, &x.b).cmp(&(std::cmp::Reverse(y.calls), &y.a, &y.b))
        });
        let mut out = Vec::new();
        for list in [actors, pairs] {
            for (i, mut r) in list.into_iter().take(limit).enumerate() {
                r.rank = i + 1;
                out.push(r);
            }
        }
        out
    }

    /// The figures of the graph, as (name, value) rows.
    pub fn stats(&self) -> Vec<StatRow> {
        let v = serde_json::to_value(&self.core.stats).expect("stats serialise");
        let s = &self.core.stats;
        let order: Vec<(&str, serde_json::Value)> = vec![
            ("articles", v["articles"].clone()),
            ("sources", v["sources"].clone()),
            ("first_article", v["first_article"].clone()),
            ("last_article", v["last_article"].clone()),
            ("nodes", v["nodes"].clone()),
            ("edges", v["edges"].clone()),
            ("actors", v["actors"].clone()),
            ("persons", v["persons"].clone()),
            ("calls", v["calls"].clone()),
            ("meetings", v["meetings"].clone()),
            ("statements", v["statements"].clone()),
            ("events", v["events"].clone()),
            ("first_fact", v["first_fact"].clone()),
            ("last_fact", v["last_fact"].clone()),
            ("corroborated", v["corroborated"].clone()),
            ("lossless", v["lossless"].clone()),
        ];
        let _ = s;
        order
            .into_iter()
            .map(|(k, v)| StatRow {
                stat: k.to_string(),
                value: match v {
                    serde_json::Value::String(s) => s,
                    serde_json::Value::Null => "-".into(),
                    v => v.to_string(),
                },
            })
            .collect()
    }
}

#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct PathRow {
    pub step: usize,
    pub from: String,
    pub to: String,
    /// The earliest call or meeting joining the two.
    pub via: String,
    pub kind: String,
    pub date: Option<NaiveDate>,
    /// How many calls and meetings join the two.
    pub times: usize,
    pub evidence: String,
}

#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct NeighborRow {
    pub depth: usize,
    pub actor: String,
    pub id: String,
    /// The actor it was reached from.
    pub via: String,
    /// Calls and meetings joining it to `via`.
    pub times: usize,
}

#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct TopRow {
    pub rank: usize,
    /// `actor` or `pair`.
    pub what: String,
    pub a: String,
    pub b: Option<String>,
    pub calls: usize,
    pub partners: Option<usize>,
    pub first: Option<NaiveDate>,
    pub last: Option<NaiveDate>,
}

#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct StatRow {
    pub stat: String,
    pub value: String,
}

/// Output formats of the query commands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OutFormat {
    Table,
    Json,
    Jsonl,
    Csv,
}

/// Rows as a table for people, pretty JSON (an array), JSON Lines or CSV (header from the first
/// row's fields; lists joined with "; ").
pub fn render<T: Serialize + TableRow>(rows: &[T], fmt: OutFormat) -> String {
    let mut out = String::new();
    match fmt {
        OutFormat::Table => out = T::table(rows),
        OutFormat::Json => {
            out = serde_json::to_string_pretty(rows).expect("rows serialise");
            out.push('\n');
        }
        OutFormat::Jsonl => {
            for r in rows {
                out.push_str(&serde_json::to_string(r).expect("rows serialise"));
                out.push('\n');
            }
        }
        OutFormat::Csv => {
            let vals: Vec<serde_json::Value> = rows
                .iter()
                .map(|r| serde_json::to_value(r).expect("rows serialise"))
                .collect();
            let header: Vec<String> = match vals.first() {
                Some(serde_json::Value::Object(m)) => m.keys().cloned().collect(),
                _ => Vec::new(),
            };
            let field = |v: &serde_json::Value| -> String {
                let s = match v {
                    serde_json::Value::Null => String::new(),
                    serde_json::Value::String(s) => s.clone(),
                    serde_json::Value::Array(a) => a
                        .iter()
                        .map(|x| x.as_str().map_or_else(|| x.to_string(), str::to_string))
                        .collect::<Vec<_>>()
                        .join("; "),
                    v => v.to_string(),
                };
                if s.contains([',', '"', '\n', '\r']) {
                    format!("\"{}\"", s.replace('"', "\"\""))
                } else {
                    s
                }
            };
            out.push_str(&header.join(","));
            out.push('\n');
            for v in &vals {
                let cells: Vec<String> = header
                    .iter()
                    .map(|h| field(v.get(h).unwrap_or(&serde_json::Value::Null)))
                    .collect();
                out.push_str(&cells.join(","));
                out.push('\n');
            }
        }
    }
    out
}

impl TableRow for PairRow {
    const HEADER: &'static [&'static str] = &["date", "actor", "spoke with", "mode", "evidence"];
    fn cells(&self) -> Vec<String> {
        vec![
            date(self.date),
            self.a.clone(),
            self.b.clone(),
            self.mode.clone(),
            self.evidence.clone(),
        ]
    }
}

impl TableRow for FactRow {
    const HEADER: &'static [&'static str] = &["date", "kind", "actors", "what"];
    fn cells(&self) -> Vec<String> {
        vec![
            date(self.date),
            self.kind.clone(),
            self.actors.join(", "),
            self.summary.clone(),
        ]
    }
}

impl TableRow for ActorRow {
    const HEADER: &'static [&'static str] =
        &["actor", "type", "title", "affiliation", "facts", "aliases"];
    fn cells(&self) -> Vec<String> {
        vec![
            self.name.clone(),
            self.actor_type.clone(),
            self.title.clone().unwrap_or_default(),
            self.affiliation.clone().unwrap_or_default(),
            self.facts.to_string(),
            self.aliases.join(", "),
        ]
    }
}

impl TableRow for PathRow {
    const HEADER: &'static [&'static str] =
        &["step", "from", "to", "via", "date", "times", "evidence"];
    fn cells(&self) -> Vec<String> {
        vec![
            self.step.to_string(),
            self.from.clone(),
            self.to.clone(),
            self.kind.clone(),
            date(self.date),
            self.times.to_string(),
            self.evidence.clone(),
        ]
    }
}

impl TableRow for NeighborRow {
    const HEADER: &'static [&'static str] = &["depth", "actor", "via", "times"];
    fn cells(&self) -> Vec<String> {
        vec![
            self.depth.to_string(),
            self.actor.clone(),
            self.via.clone(),
            self.times.to_string(),
        ]
    }
}

impl TableRow for TopRow {
    const HEADER: &'static [&'static str] =
        &["rank", "actor", "calls", "partners", "first", "last"];
    fn cells(&self) -> Vec<String> {
        vec![
            self.rank.to_string(),
            match &self.b {
                Some(b) => format!("{} + {b}", self.a),
                None => self.a.clone(),
            },
            self.calls.to_string(),
            self.partners
                .map(|p| p.to_string())
                .unwrap_or_else(|| "-".into()),
            date(self.first),
            date(self.last),
        ]
    }
    /// Two tables: the actors, then (after a blank line) the pairs.
    fn table(rows: &[Self]) -> String {
        ["actor", "pair"]
            .map(|what| {
                text(
                    &["rank", what, "calls", "partners", "first", "last"],
                    rows.iter().filter(|r| r.what == what).map(Self::cells),
                )
            })
            .join("\n")
    }
}

impl TableRow for StatRow {
    const HEADER: &'static [&'static str] = &["stat", "value"];
    fn cells(&self) -> Vec<String> {
        vec![self.stat.clone(), self.value.clone()]
    }
}

/// A question for [`answer`] (one per `diplograph query` subcommand).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Question {
    /// Pairs of actors who spoke or met (with one actor, only that actor's pairs).
    WhoSpokeWith {
        actor: Option<String>,
    },
    Calls,
    /// Statements, of one speaker when `by` is given.
    Statements {
        by: Option<String>,
    },
    Events,
    Actors,
    Timeline {
        actor: String,
    },
    Path {
        from: String,
        to: String,
    },
    Neighbors {
        actor: String,
        depth: usize,
    },
    Top {
        limit: usize,
    },
    Stats,
}

/// Answers `q` about the graph file `graph`, over the window `w`, rendered in `fmt`. Questions
/// about actors and their calls (who spoke with whom, timelines, paths, neighbours, top, stats)
/// are answered from the lean index next to the graph ([`Index::load`]); lists of facts and
/// actors read the graph itself.
pub fn answer(graph: &Path, q: &Question, w: Window, fmt: OutFormat) -> Result<String> {
    let known = |idx: &Index, actor: &str| match idx.best(actor) {
        Some(_) => Ok(()),
        None => Err(Error::Usage(format!("no actor answers to {actor:?}"))),
    };
    Ok(match q {
        Question::Calls => render(
            &facts(&Graph::read(graph)?, &["call", "meeting"], None, w),
            fmt,
        ),
        Question::Statements { by } => render(
            &facts(&Graph::read(graph)?, &["statement"], by.as_deref(), w),
            fmt,
        ),
        Question::Events => render(&facts(&Graph::read(graph)?, &["event"], None, w), fmt),
        Question::Actors => render(&actors(&Graph::read(graph)?), fmt),
        Question::WhoSpokeWith { actor } => render(
            &Index::load(graph)?.who_spoke_with(actor.as_deref(), w),
            fmt,
        ),
        Question::Timeline { actor } => render(&Index::load(graph)?.timeline(actor, w)?, fmt),
        Question::Path { from, to } => {
            let idx = Index::load(graph)?;
            known(&idx, from)?;
            known(&idx, to)?;
            render(&idx.path(from, to, w), fmt)
        }
        Question::Neighbors { actor, depth } => {
            let idx = Index::load(graph)?;
            known(&idx, actor)?;
            render(&idx.neighbors(actor, *depth, w), fmt)
        }
        Question::Top { limit } => render(&Index::load(graph)?.top(*limit, w), fmt),
        Question::Stats => render(&Index::load(graph)?.stats(), fmt),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// issue 5: a build writes the index while the graph file is synced, stamped from the open
    /// file; the stamp must be the graph's as it lies at its path, so the next query uses the
    /// index instead of rebuilding it.
    #[test]
    fn the_index_written_with_a_graph_is_fresh() {
        let facts = crate::pipeline::extract_article(
            &crate::sample_article(),
            &crate::pipeline::Limits::default(),
        );
        let g = crate::graph::build_lossless(vec![facts], &Default::default());
        let dir = tempfile::tempdir().expect("a temporary directory");
        let path = dir.path().join("g.json");
        crate::corpus::write_graph(&path, &g).expect("written");
        let idx = Index::load_sidecar(&path).expect("the index is fresh");
        assert_eq!(idx.core.graph_stamp, stamp(&path));
        assert!(idx.core.graph_stamp.is_some());
    }
}
