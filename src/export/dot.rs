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

pub fn to_dot(g: &Graph, opts: &DotOptions) -> String {
    let mut out = String::new();
    out.push_str("digraph diplograph {\n");
    out.push_str(STYLE);
    let mut shown = std::collections::BTreeSet::new();
    for n in g.nodes() {
        let id = n.id();
        let (label, attrs) = match n {
            Node::Actor(a) => {
                let shape = match a.actor_type {
                    ActorType::Person => "shape=ellipse, style=filled, fillcolor=\"#dbe9f6\"",
                    ActorType::Country => {
                        "shape=box, style=\"filled,rounded\", fillcolor=\"#e6f2e0\""
                    }
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
                        escape(&shorten(
                            &c.evidence
                                .first()
                                .map(|e| e.text.clone())
                                .unwrap_or_default(),
                            300
                        ))
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
                        escape(&shorten(
                            &e.evidence
                                .first()
                                .map(|e| e.text.clone())
                                .unwrap_or_default(),
                            300
                        ))
                    ),
                )
            }
            Node::Statement(s) => {
                if !opts.statements {
                    continue;
                }
                (shorten(&s.text, 60), "shape=note, fontsize=9".to_string())
            }
        };
        shown.insert(id.to_string());
        let _ = writeln!(
            out,
            "  \"{}\" [label=\"{}\", {}];",
            escape(id),
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
