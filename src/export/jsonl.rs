//! JSON Lines for jq and streaming: one record per line, each with a `kind`.
//!
//! First the articles (`"kind": "article"`), then every node in canonical order, as in the graph
//! JSON, with the actors it is linked to resolved in place: `participants` on calls and
//! meetings, `speaker` on statements, `perpetrators` and `located_in` on events (each a list of
//! `{"id", "name"}`). So `jq 'select(.kind=="call")'` needs no join. Deterministic.

use serde_json::{Value, json};

use crate::export::facts;
use crate::graph::{Graph, Node, Relation};

fn actors(g: &Graph, id: &str, r: Relation) -> Value {
    Value::Array(
        facts::actors(g, id, r)
            .into_iter()
            .map(|(id, name)| json!({"id": id, "name": name}))
            .collect(),
    )
}

pub fn to_jsonl(g: &Graph) -> String {
    let mut out = String::new();
    let mut line = |v: &Value| {
        out.push_str(&serde_json::to_string(v).expect("JSON value serialises"));
        out.push('\n');
    };
    let mut articles = g.articles.clone();
    articles.sort();
    for a in &articles {
        let mut v = json!({"kind": "article"});
        if let (Value::Object(m), Ok(Value::Object(a))) = (&mut v, serde_json::to_value(a)) {
            m.extend(a);
        }
        line(&v);
    }
    for n in g.nodes() {
        let mut v = serde_json::to_value(n).expect("node serialises");
        let id = n.id();
        if let Value::Object(m) = &mut v {
            match n {
                Node::Call(_) | Node::Meeting(_) => {
                    m.insert("participants".into(), actors(g, id, Relation::Participant));
                }
                Node::Statement(_) => {
                    m.insert("speaker".into(), actors(g, id, Relation::Speaker));
                }
                Node::Event(_) => {
                    m.insert("perpetrators".into(), actors(g, id, Relation::Perpetrator));
                    m.insert("located_in".into(), actors(g, id, Relation::LocatedIn));
                }
                Node::Actor(_) => {}
            }
        }
        line(&v);
    }
    out
}
