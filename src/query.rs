//! The query stage: a [`Graph`] and a question in, rows out (printed as a table for people, or as
//! JSON for programs by the CLI).
//!
//! ACTOR arguments match any alias, ignoring case and accents ("zelenskyy" finds Volodymyr
//! Zelensky).

use chrono::NaiveDate;
use petgraph::stable_graph::NodeIndex;
use serde::Serialize;

use crate::graph::{ActorNode, Graph, Node, Relation};
use crate::normalize::matches_name;

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

#[derive(Clone, Debug, Serialize, PartialEq)]
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
    let mut v: Vec<NodeIndex> = g.g.node_indices().collect();
    v.sort_by(|a, b| {
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

#[derive(Clone, Debug, Serialize, PartialEq)]
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
