//! DOT for Graphviz: actors shaped by type, calls and meetings as nodes joining their
//! participants (labelled with date and mode), events drawn distinctly, statements on request.
//! Every label is escaped; the output is deterministic.

use std::fmt::Write;

use crate::export::DotOptions;
use crate::graph::{Graph, Node, Relation};
use crate::types::ActorType;

/// Escapes a string for a double-quoted DOT string.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' | '\r' => out.push_str("\\n"),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

fn shorten(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        return s.to_string();
    }
    let mut t: String = s.chars().take(n).collect();
    t.push('…');
    t
}

/// The DOT style shared by the renderings (also in `viz/style.dot`).
pub const STYLE: &str = include_str!("../../viz/style.dot");

/// The first evidence sentence of a node, shortened for a tooltip.
fn evidence_tooltip(n: &Node) -> String {
    escape(&shorten(
        &n.evidence()
            .first()
            .map(|e| e.text.clone())
            .unwrap_or_default(),
        300,
    ))
}

/// The DOT label and attributes of a node; `None` for a statement when statements are off.
fn node_style(n: &Node, opts: &DotOptions) -> Option<(String, String)> {
    Some(match n {
        Node::Actor(a) => {
            let shape = match a.actor_type {
                ActorType::Person => "shape=ellipse, style=filled, fillcolor=\"#dbe9f6\"",
                ActorType::Country => "shape=box, style=\"filled,rounded\", fillcolor=\"#e6f2e0\"",
                ActorType::Organization => "shape=box, style=filled, fillcolor=\"#f3e8d2\"",
                ActorType::Group => "shape=hexagon, style=filled, fillcolor=\"#f6dada\"",
                ActorType::Other => "shape=plaintext",
            };
            let mut l = a.name.clone();
            if let Some(t) = &a.title {
                l = format!("{l}\n{t}");
            }
            (l, shape.to_string())
        }
        Node::Call(c) | Node::Meeting(c) => {
            let date = c.date.map_or("date unknown".to_string(), |d| d.to_string());
            (
                format!("{}\n{} · {}", n.kind(), date, c.mode.as_str()),
                format!(
                    "shape=diamond, style=filled, fillcolor=\"#fff4b3\", tooltip=\"{}\"",
                    evidence_tooltip(n)
                ),
            )
        }
        Node::Event(e) => {
            let mut l = e.event_type.clone();
            if let Some(loc) = &e.location {
                l.push_str(&format!(" on {loc}"));
            }
            if let Some(d) = e.date {
                l.push_str(&format!("\n{d}"));
            }
            if let Some(k) = e.killed {
                l.push_str(&format!("\n{k} killed"));
            }
            (
                l,
                format!(
                    "shape=octagon, style=filled, fillcolor=\"#f4b6b6\", tooltip=\"{}\"",
                    evidence_tooltip(n)
                ),
            )
        }
        Node::Statement(s) => {
            if !opts.statements {
                return None;
            }
            (
                shorten(&s.text, 60),
                format!(
                    "shape=note, fontsize=9, tooltip=\"{}\"",
                    evidence_tooltip(n)
                ),
            )
        }
    })
}

/// Writes the nodes (in canonical order) and their deduplicated edges; returns nothing, the ids
/// drawn are collected into `shown`.
fn nodes_and_edges(
    g: &Graph,
    opts: &DotOptions,
    out: &mut String,
    shown: &mut std::collections::BTreeSet<String>,
) {
    for n in g.nodes() {
        let Some((label, attrs)) = node_style(n, opts) else {
            continue;
        };
        shown.insert(n.id().to_string());
        let _ = writeln!(
            out,
            "  \"{}\" [label=\"{}\", {}];",
            escape(n.id()),
            escape(&label),
            attrs
        );
    }
    let mut seen = std::collections::BTreeSet::new();
    for (s, t, e) in g.edges() {
        if !shown.contains(s) || !shown.contains(t) {
            continue;
        }
        // one drawn edge per actor, node and relation, whatever the number of mentions
        if !seen.insert((s, t, e.relation.clone())) {
            continue;
        }
        let style = match e.relation {
            Relation::Participant => "dir=none",
            Relation::Speaker => "style=dashed",
            Relation::Perpetrator => "color=\"#b22222\", label=\"perpetrator\"",
            Relation::LocatedIn => "style=dotted, label=\"in\"",
        };
        let _ = writeln!(out, "  \"{}\" -> \"{}\" [{}];", escape(s), escape(t), style);
    }
}

/// The network layout: actors joined through the calls, meetings and events they took part in.
pub fn to_dot(g: &Graph, opts: &DotOptions) -> String {
    let mut out = String::new();
    out.push_str("digraph diplograph {\n");
    out.push_str(STYLE);
    nodes_and_edges(g, opts, &mut out, &mut Default::default());
    out.push_str("}\n");
    out
}

/// The timeline layout, left to right by date: an axis of days, one rank per day; each call,
/// meeting and event (and statement, when on) shares the rank of its day, and actors sit
/// between the days, linked to their facts. Facts without a date go to a last rank, "date
/// unknown".
pub fn to_dot_timeline(g: &Graph, opts: &DotOptions) -> String {
    use std::collections::{BTreeMap, BTreeSet};
    let mut out = String::new();
    out.push_str("digraph timeline {\n");
    out.push_str(STYLE);
    out.push_str("  graph [ranksep=0.5, newrank=true];\n");
    let mut shown = BTreeSet::new();
    nodes_and_edges(g, opts, &mut out, &mut shown);
    // days: None sorts first in Option's order, so undated facts are keyed apart
    let mut days: BTreeMap<(bool, Option<chrono::NaiveDate>), Vec<&str>> = BTreeMap::new();
    for n in g.nodes() {
        if matches!(n, Node::Actor(_)) || !shown.contains(n.id()) {
            continue;
        }
        days.entry((n.date().is_none(), n.date()))
            .or_default()
            .push(n.id());
    }
    let day_id = |d: &Option<chrono::NaiveDate>| match d {
        Some(d) => format!("day:{d}"),
        None => "day:undated".to_string(),
    };
    for (_, d) in days.keys() {
        let label = match d {
            Some(d) => d.format("%a %-d %b %Y").to_string(),
            None => "date unknown".to_string(),
        };
        let _ = writeln!(
            out,
            "  \"{}\" [label=\"{}\", shape=box, style=\"filled,bold\", fillcolor=\"#e8e8e8\", \
             fontsize=12, tooltip=\"{}\"];",
            day_id(d),
            escape(&label),
            d.map(|d| d.to_string()).unwrap_or_default()
        );
    }
    let keys: Vec<_> = days.keys().map(|(_, d)| *d).collect();
    for w in keys.windows(2) {
        // minlen 2 leaves a rank between two days for the actors
        let _ = writeln!(
            out,
            "  \"{}\" -> \"{}\" [minlen=2, weight=10, penwidth=2, color=\"#999999\"];",
            day_id(&w[0]),
            day_id(&w[1])
        );
    }
    for ((_, d), ids) in &days {
        let _ = write!(out, "  {{ rank=same; \"{}\";", day_id(d));
        for id in ids {
            let _ = write!(out, " \"{}\";", escape(id));
        }
        out.push_str(" }\n");
    }
    out.push_str("}\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_quotes_and_backslashes() {
        assert_eq!(
            escape("a \"b\" \\ c\nd"),
            "a \\\"b\\\" \\\\ cd".replace("cd", "c\\nd")
        );
    }
}
