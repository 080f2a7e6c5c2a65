//! GraphML with typed attributes, for networkx (`read_graphml`), Gephi, yEd and igraph.
//!
//! Every attribute is declared once as a `<key>` with its `attr.type` (`string`, `int`,
//! `double`, `boolean`); a node only carries the attributes it has. Lists (aliases, articles,
//! participants) are joined with `"; "`. Text is XML-escaped and characters XML 1.0 forbids are
//! dropped. The output is deterministic: nodes and edges in the graph's canonical order.

use std::fmt::Write;

use crate::export::facts;
use crate::graph::{Graph, Node};

/// Escapes text for XML element content and attribute values; drops characters XML 1.0 forbids.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' => out.push(c),
            '\r' => out.push_str("&#13;"),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
    out
}

/// A typed value.
enum V {
    S(String),
    I(i64),
    D(f64),
    B(bool),
}

/// Node attributes: (key id, name, type).
const NODE_KEYS: &[(&str, &str)] = &[
    ("kind", "string"),
    ("label", "string"),
    ("name", "string"),
    ("actor_type", "string"),
    ("title", "string"),
    ("affiliation", "string"),
    ("code", "string"),
    ("aliases", "string"),
    ("mode", "string"),
    ("date", "string"),
    ("date_text", "string"),
    ("duration", "string"),
    ("topic", "string"),
    ("text", "string"),
    ("direct", "boolean"),
    ("event_type", "string"),
    ("location", "string"),
    ("killed", "int"),
    ("injured", "int"),
    ("participants", "string"),
    ("speaker", "string"),
    ("cameo", "string"),
    ("plover_type", "string"),
    ("plover_mode", "string"),
    ("rule", "string"),
    ("confidence", "double"),
    ("num_articles", "int"),
    ("num_sources", "int"),
    ("articles", "string"),
    ("evidence", "string"),
];

const EDGE_KEYS: &[(&str, &str)] = &[
    ("relation", "string"),
    ("article", "string"),
    ("mention", "string"),
];

fn node_attrs(g: &Graph, n: &Node) -> Vec<(&'static str, V)> {
    use crate::graph::Relation;
    let mut v: Vec<(&'static str, V)> = vec![("kind", V::S(n.kind().into()))];
    let s = |x: &str| V::S(x.to_string());
    let opt = |v: &mut Vec<(&'static str, V)>, k: &'static str, x: &Option<String>| {
        if let Some(x) = x {
            v.push((k, V::S(x.clone())));
        }
    };
    let id = n.id();
    match n {
        Node::Actor(a) => {
            v.push(("label", s(&a.name)));
            v.push(("name", s(&a.name)));
            v.push(("actor_type", s(a.actor_type.as_str())));
            opt(&mut v, "title", &a.title);
            opt(&mut v, "affiliation", &a.affiliation);
            opt(&mut v, "code", &a.code);
            v.push(("aliases", V::S(a.aliases.join("; "))));
            v.push(("num_articles", V::I(a.num_articles as i64)));
        }
        Node::Call(c) | Node::Meeting(c) => {
            let parts = facts::names(g, id, Relation::Participant);
            let date = c.date.map_or("date unknown".into(), |d| d.to_string());
            v.push((
                "label",
                V::S(format!("{} {} {}", n.kind(), date, c.mode.as_str())),
            ));
            v.push(("mode", s(c.mode.as_str())));
            if let Some(d) = c.date {
                v.push(("date", V::S(d.to_string())));
            }
            opt(&mut v, "date_text", &c.date_text);
            opt(&mut v, "duration", &c.duration);
            opt(&mut v, "topic", &c.topic);
            v.push(("participants", V::S(parts.join("; "))));
            v.push(("rule", s(&c.rule)));
            v.push(("confidence", V::D(c.confidence as f64)));
            v.push(("num_articles", V::I(c.num_articles as i64)));
            v.push(("num_sources", V::I(c.num_sources as i64)));
        }
        Node::Statement(st) => {
            v.push(("label", s(&st.text)));
            v.push(("text", s(&st.text)));
            v.push(("direct", V::B(st.direct)));
            if let Some(d) = st.date {
                v.push(("date", V::S(d.to_string())));
            }
            opt(&mut v, "date_text", &st.date_text);
            v.push((
                "speaker",
                V::S(facts::names(g, id, Relation::Speaker).join("; ")),
            ));
            v.push(("rule", s(&st.rule)));
            v.push(("confidence", V::D(st.confidence as f64)));
            v.push(("num_articles", V::I(st.num_articles as i64)));
            v.push(("num_sources", V::I(st.num_sources as i64)));
        }
        Node::Event(e) => {
            let mut label = e.event_type.clone();
            if let Some(l) = &e.location {
                label.push_str(&format!(" on {l}"));
            }
            v.push(("label", V::S(label)));
            v.push(("event_type", s(&e.event_type)));
            if let Some(d) = e.date {
                v.push(("date", V::S(d.to_string())));
            }
            opt(&mut v, "date_text", &e.date_text);
            opt(&mut v, "location", &e.location);
            if let Some(k) = e.killed {
                v.push(("killed", V::I(k as i64)));
            }
            if let Some(k) = e.injured {
                v.push(("injured", V::I(k as i64)));
            }
            v.push(("rule", s(&e.rule)));
            v.push(("confidence", V::D(e.confidence as f64)));
            v.push(("num_articles", V::I(e.num_articles as i64)));
            v.push(("num_sources", V::I(e.num_sources as i64)));
        }
    }
    if !matches!(n, Node::Actor(_)) {
        let (cameo, pt, pm) = facts::codes(n);
        if !cameo.is_empty() {
            v.push(("cameo", V::S(cameo)));
        }
        if !pt.is_empty() {
            v.push(("plover_type", V::S(pt)));
        }
        if !pm.is_empty() {
            v.push(("plover_mode", V::S(pm)));
        }
        v.push(("articles", V::S(facts::articles(n).join("; "))));
        v.push(("evidence", V::S(facts::sentence(n))));
    }
    v
}

fn value(v: &V) -> String {
    match v {
        V::S(s) => escape(s),
        V::I(i) => i.to_string(),
        // shortest representation that reads back to the same f32
        V::D(d) => format!("{}", *d as f32),
        V::B(b) => b.to_string(),
    }
}

pub fn to_graphml(g: &Graph) -> String {
    let mut out = String::new();
    out.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    out.push_str(
        "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" \
         xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" \
         xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns \
         http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n",
    );
    for (k, t) in NODE_KEYS {
        let _ = writeln!(
            out,
            "  <key id=\"n_{k}\" for=\"node\" attr.name=\"{k}\" attr.type=\"{t}\"/>"
        );
    }
    for (k, t) in EDGE_KEYS {
        let _ = writeln!(
            out,
            "  <key id=\"e_{k}\" for=\"edge\" attr.name=\"{k}\" attr.type=\"{t}\"/>"
        );
    }
    out.push_str("  <graph id=\"diplograph\" edgedefault=\"directed\">\n");
    for n in g.nodes() {
        let _ = writeln!(out, "    <node id=\"{}\">", escape(n.id()));
        for (k, v) in node_attrs(g, n) {
            let _ = writeln!(out, "      <data key=\"n_{k}\">{}</data>", value(&v));
        }
        out.push_str("    </node>\n");
    }
    for (i, (s, t, e)) in g.edges().into_iter().enumerate() {
        let _ = writeln!(
            out,
            "    <edge id=\"e{i}\" source=\"{}\" target=\"{}\">",
            escape(s),
            escape(t)
        );
        let _ = writeln!(
            out,
            "      <data key=\"e_relation\">{}</data>",
            e.relation.as_str()
        );
        if let Some(a) = &e.article {
            let _ = writeln!(out, "      <data key=\"e_article\">{}</data>", escape(a));
        }
        if let Some(m) = &e.mention {
            let _ = writeln!(
                out,
                "      <data key=\"e_mention\">{}</data>",
                escape(&m.text)
            );
        }
        out.push_str("    </edge>\n");
    }
    out.push_str("  </graph>\n</graphml>\n");
    out
}
