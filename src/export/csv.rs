//! CSV tables for spreadsheets: `calls.csv`, `statements.csv`, `events.csv`, `actors.csv`.
//!
//! RFC 4180: fields holding a comma, quote, CR or LF are quoted, quotes doubled; lines end with
//! CRLF. Lists are joined with `"; "`. Against formula injection (OWASP "CSV injection"), a
//! text field starting with `=`, `+`, `-`, `@`, tab or CR is prefixed with `'`, so a spreadsheet
//! shows it as text instead of evaluating it. Rows are sorted by date, then id.

use crate::export::facts;
use crate::graph::{Graph, Node, Relation};

/// One CSV text field: formula-guarded, then quoted if needed.
pub fn field(s: &str) -> String {
    let guarded = if s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{s}")
    } else {
        s.to_string()
    };
    if guarded.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", guarded.replace('"', "\"\""))
    } else {
        guarded
    }
}

fn row(cells: &[String]) -> String {
    let mut s = cells.iter().map(|c| field(c)).collect::<Vec<_>>().join(",");
    s.push_str("\r\n");
    s
}

fn header(cols: &[&str]) -> String {
    row(&cols.iter().map(|c| c.to_string()).collect::<Vec<_>>())
}

fn d(x: Option<chrono::NaiveDate>) -> String {
    x.map(|d| d.to_string()).unwrap_or_default()
}

fn o(x: &Option<String>) -> String {
    x.clone().unwrap_or_default()
}

fn n<T: ToString>(x: Option<T>) -> String {
    x.map(|v| v.to_string()).unwrap_or_default()
}

pub const CALLS: &[&str] = &[
    "date",
    "kind",
    "mode",
    "participants",
    "topic",
    "duration",
    "cameo",
    "plover_type",
    "plover_mode",
    "confidence",
    "num_sources",
    "sources",
    "articles",
    "evidence",
    "id",
];
pub const STATEMENTS: &[&str] = &[
    "date",
    "speaker",
    "direct",
    "text",
    "cameo",
    "plover_type",
    "confidence",
    "num_sources",
    "sources",
    "articles",
    "evidence",
    "id",
];
pub const EVENTS: &[&str] = &[
    "date",
    "event_type",
    "location",
    "killed",
    "injured",
    "perpetrators",
    "located_in",
    "cameo",
    "plover_type",
    "plover_mode",
    "confidence",
    "num_sources",
    "sources",
    "articles",
    "evidence",
    "id",
];
pub const ACTORS: &[&str] = &[
    "name",
    "type",
    "title",
    "affiliation",
    "code",
    "aliases",
    "facts",
    "num_articles",
    "id",
];

/// The four tables, in the order calls, statements, events, actors.
pub fn files(g: &Graph) -> Vec<(String, String)> {
    let mut nodes: Vec<&Node> = g.nodes().collect();
    nodes.sort_by(|a, b| (a.date(), a.id()).cmp(&(b.date(), b.id())));
    let mut calls = header(CALLS);
    let mut stmts = header(STATEMENTS);
    let mut events = header(EVENTS);
    let mut actors = header(ACTORS);
    let join = |v: Vec<String>| v.join("; ");
    for node in &nodes {
        let id = node.id();
        let (cameo, pt, pm) = facts::codes(node);
        let sources = join(facts::sources(g, node));
        let articles = join(facts::articles(node));
        let ev = facts::sentence(node);
        match node {
            Node::Call(c) | Node::Meeting(c) => calls.push_str(&row(&[
                d(c.date),
                node.kind().into(),
                c.mode.as_str().into(),
                join(facts::names(g, id, Relation::Participant)),
                o(&c.topic),
                o(&c.duration),
                cameo,
                pt,
                pm,
                c.confidence.to_string(),
                c.num_sources.to_string(),
                sources,
                articles,
                ev,
                id.into(),
            ])),
            Node::Statement(s) => stmts.push_str(&row(&[
                d(s.date),
                join(facts::names(g, id, Relation::Speaker)),
                s.direct.to_string(),
                s.text.clone(),
                cameo,
                pt,
                s.confidence.to_string(),
                s.num_sources.to_string(),
                sources,
                articles,
                ev,
                id.into(),
            ])),
            Node::Event(e) => events.push_str(&row(&[
                d(e.date),
                e.event_type.clone(),
                o(&e.location),
                n(e.killed),
                n(e.injured),
                join(facts::names(g, id, Relation::Perpetrator)),
                join(facts::names(g, id, Relation::LocatedIn)),
                cameo,
                pt,
                pm,
                e.confidence.to_string(),
                e.num_sources.to_string(),
                sources,
                articles,
                ev,
                id.into(),
            ])),
            Node::Actor(_) => {}
        }
    }
    // actors by name; `facts` counts the distinct facts they are linked to
    let mut list: Vec<_> = g.actors().collect();
    list.sort_by(|a, b| (&a.name, &a.id).cmp(&(&b.name, &b.id)));
    for a in list {
        let ix = g.index[&a.id];
        let mut linked: Vec<_> =
            g.g.neighbors_directed(ix, petgraph::Direction::Outgoing)
                .collect();
        linked.sort();
        linked.dedup();
        actors.push_str(&row(&[
            a.name.clone(),
            a.actor_type.as_str().into(),
            o(&a.title),
            o(&a.affiliation),
            o(&a.code),
            a.aliases.join("; "),
            linked.len().to_string(),
            a.num_articles.to_string(),
            a.id.clone(),
        ]));
    }
    vec![
        ("calls.csv".into(), calls),
        ("statements.csv".into(), stmts),
        ("events.csv".into(), events),
        ("actors.csv".into(), actors),
    ]
}
