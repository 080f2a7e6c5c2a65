//! The bundled sample article (`diplograph::sample_article()`), and the committed renderings of
//! its graph: `graphs/sample.json` (what `diplograph build graphs/sample/sample.jsonl --output
//! graphs/sample.json` writes) and `graphs/sample.dot` (what `diplograph export --graph
//! graphs/sample.json --format dot` writes). Regenerate them with
//! `DIPLOGRAPH_UPDATE_GRAPHS=1 cargo test --test it graphs`.

use std::collections::BTreeMap;
use std::path::PathBuf;

use diplograph::Graph;
use diplograph::corpus::{self, RunOptions};
use diplograph::export::{self, DotOptions, Format};
use diplograph::graph::Node;

use crate::util::{calls_of, check_or_update, events_of, facts_and_graph, root, updating};

fn sample_graph() -> Graph {
    facts_and_graph(&diplograph::sample_article()).1
}

/// The graph JSON exactly as the CLI's `build` writes it for the sample JSONL.
pub fn sample_json_as_built() -> String {
    let input: PathBuf = root().join("graphs/sample/sample.jsonl");
    let (g, report) = corpus::build_graph(&[input], &RunOptions::default(), |_| {}, |_, _, _| {})
        .expect("the sample builds");
    assert_eq!(report.read, 1);
    assert!(report.skipped.is_empty(), "{:?}", report.skipped);
    let mut out = Vec::new();
    g.write_json(&mut out).expect("written to memory");
    String::from_utf8(out).expect("JSON is UTF-8")
}

/// The DOT exactly as the CLI's `export --format dot` writes it from `graphs/sample.json`.
pub fn sample_dot_as_exported() -> String {
    let json = sample_json_as_built();
    let g = Graph::from_json_str(&json, std::path::Path::new("graphs/sample.json"))
        .expect("the built graph reads back");
    export::to_string(&g, Format::Dot, &DotOptions::default())
}

#[test]
fn issue2_sample_has_exactly_two_calls() {
    let g = sample_graph();
    let calls = calls_of(&g);
    assert_eq!(calls.len(), 2, "{calls:#?}");
    let mut parts: Vec<Vec<String>> = calls.iter().map(|c| c.participants.clone()).collect();
    parts.sort();
    assert_eq!(
        parts,
        [
            vec!["Dan Driscoll", "J.D. Vance", "Volodymyr Zelensky"],
            vec!["Mark Rutte", "Volodymyr Zelensky"],
        ]
    );
    for c in &calls {
        assert_eq!(c.date.as_deref(), Some("2025-11-21"), "{c:?}");
    }
    // 3 pairs from the three-way call, 1 from the call with Rutte
    let pairs = diplograph::query::who_spoke_with(&g, None, Default::default());
    assert_eq!(pairs.len(), 4, "{pairs:#?}");
}

#[test]
fn sample_attack_on_ternopil_kills_31() {
    let g = sample_graph();
    let events: Vec<_> = events_of(&g);
    assert_eq!(events.len(), 1, "{events:#?}");
    assert_eq!(events[0].event_type, "attack");
    assert_eq!(events[0].killed, Some(31));
    assert_eq!(events[0].location.as_deref(), Some("Ternopil"));
}

fn sample_statements(g: &Graph) -> Vec<&diplograph::graph::StatementNode> {
    g.nodes()
        .filter_map(|n| match n {
            Node::Statement(s) => Some(s),
            _ => None,
        })
        .collect()
}

#[test]
fn sample_no_statement_counted_twice() {
    let g = sample_graph();
    let stmts = sample_statements(&g);
    assert!(!stmts.is_empty());
    // no two statement nodes with the same content span, nor the same (folded) words
    let mut by_span: BTreeMap<(usize, usize), &str> = BTreeMap::new();
    let mut by_words: BTreeMap<String, &str> = BTreeMap::new();
    for s in &stmts {
        for ev in &s.evidence {
            let c = ev
                .content
                .as_ref()
                .expect("statement evidence has a content span");
            if let Some(other) = by_span.insert((c.start, c.end), &s.id) {
                panic!(
                    "statements {other} and {} share the content span {}..{}",
                    s.id, c.start, c.end
                );
            }
        }
        let words: String = s
            .text
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect::<Vec<_>>()
            .join(" ");
        if let Some(other) = by_words.insert(words, &s.id) {
            panic!(
                "statements {other} and {} have the same words: {:?}",
                s.id, s.text
            );
        }
    }
}

/// The stricter form: the contents of two statements never overlap (the same reported speech
/// is not counted again from another start, nor a quotation again inside its reported speech).
#[test]
fn sample_statement_contents_do_not_overlap() {
    let g = sample_graph();
    let mut spans: Vec<(usize, usize, String)> = sample_statements(&g)
        .iter()
        .flat_map(|s| {
            s.evidence.iter().map(|ev| {
                let c = ev.content.as_ref().expect("content");
                (c.start, c.end, s.text.clone())
            })
        })
        .collect();
    spans.sort();
    let overlapping: Vec<_> = spans
        .windows(2)
        .filter(|w| w[1].0 < w[0].1)
        .map(|w| (w[0].2.clone(), w[1].2.clone()))
        .collect();
    assert!(overlapping.is_empty(), "{overlapping:#?}");
}

#[test]
fn sample_article_graph_equals_the_jsonl_build() {
    let article = diplograph::sample_article();
    let facts = diplograph::pipeline::extract_article(&article, &Default::default());
    let g = diplograph::graph::build_lossless(vec![facts], &Default::default());
    let mut out = Vec::new();
    g.write_json(&mut out).expect("written to memory");
    assert_eq!(String::from_utf8(out).unwrap(), sample_json_as_built());
}

#[test]
fn sample_graph_snapshot() {
    insta::assert_json_snapshot!("sample_graph", sample_graph().to_json_value());
}

#[test]
fn graphs_sample_json_is_current() {
    check_or_update(
        &root().join("graphs/sample.json"),
        &sample_json_as_built(),
        updating(),
    );
}

#[test]
fn graphs_sample_dot_is_current() {
    check_or_update(
        &root().join("graphs/sample.dot"),
        &sample_dot_as_exported(),
        updating(),
    );
}

#[test]
fn freshness_check_rewrites_under_update_and_fails_when_stale() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("g.json");
    // missing, checking: fails naming the regenerate command
    let err = std::panic::catch_unwind(|| check_or_update(&p, "new\n", false)).unwrap_err();
    let msg = err.downcast_ref::<String>().cloned().unwrap_or_default();
    assert!(msg.contains(crate::util::REGENERATE), "{msg}");
    // updating: written; then current: nothing to do
    assert!(check_or_update(&p, "new\n", true));
    assert_eq!(std::fs::read_to_string(&p).unwrap(), "new\n");
    assert!(!check_or_update(&p, "new\n", false));
    // stale, checking: fails and leaves the file alone
    assert!(std::panic::catch_unwind(|| check_or_update(&p, "newer\n", false)).is_err());
    assert_eq!(std::fs::read_to_string(&p).unwrap(), "new\n");
    // stale, updating: rewritten
    assert!(check_or_update(&p, "newer\n", true));
    assert_eq!(std::fs::read_to_string(&p).unwrap(), "newer\n");
}

/// A build reports its extraction progress, then the building stage once, last (issue 5: the
/// binary returns freed memory to the OS from that point on).
#[test]
fn build_reports_the_building_stage_once_after_extraction() {
    let input: PathBuf = root().join("graphs/sample/sample.jsonl");
    let mut stages = Vec::new();
    corpus::build_graph(
        &[input],
        &RunOptions::default(),
        |s| stages.push(s),
        |_, _, _| {},
    )
    .expect("the sample builds");
    assert_eq!(stages.last(), Some(&corpus::Stage::Building));
    assert_eq!(
        stages
            .iter()
            .filter(|s| **s == corpus::Stage::Building)
            .count(),
        1
    );
    assert!(matches!(
        stages.first(),
        Some(corpus::Stage::Extracting { articles: 1, .. })
    ));
}
