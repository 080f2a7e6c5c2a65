//! Helpers shared by the test modules.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use diplograph::ArticleFacts;
use diplograph::Graph;
use diplograph::graph::BuildOptions;
use diplograph::types::{Article, TextSpan};

/// The command that rewrites the committed graphs and renderings.
pub const REGENERATE: &str = "DIPLOGRAPH_UPDATE_GRAPHS=1 cargo test --test it graphs";

/// The project root.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Is `DIPLOGRAPH_UPDATE_GRAPHS=1` set (rewrite committed files instead of checking them)?
pub fn updating() -> bool {
    std::env::var("DIPLOGRAPH_UPDATE_GRAPHS").is_ok_and(|v| v == "1")
}

/// Checks that the committed file at `path` holds exactly `expected`; with `update` it rewrites
/// the file instead. Returns whether the file was rewritten.
pub fn check_or_update(path: &Path, expected: &str, update: bool) -> bool {
    let current = std::fs::read_to_string(path).ok();
    if current.as_deref() == Some(expected) {
        return false;
    }
    if update {
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).expect("create directory");
        }
        std::fs::write(path, expected).expect("write regenerated file");
        eprintln!("rewrote {}", path.display());
        return true;
    }
    let shown = path
        .strip_prefix(root())
        .unwrap_or(path)
        .display()
        .to_string();
    match current {
        None => panic!("{shown} is missing: regenerate it with `{REGENERATE}`"),
        Some(cur) => {
            let line = cur
                .lines()
                .zip(expected.lines())
                .position(|(a, b)| a != b)
                .map_or_else(
                    || cur.lines().count().min(expected.lines().count()) + 1,
                    |i| i + 1,
                );
            panic!(
                "{shown} is not what the current code produces (first difference at line {line}): \
                 regenerate it with `{REGENERATE}`"
            )
        }
    }
}

/// An article with a publication date.
pub fn article(id: &str, published: &str, text: &str) -> Article {
    Article {
        id: id.to_string(),
        title: None,
        published: diplograph::ingest::parse_date(published),
        url: None,
        text: text.to_string(),
    }
}

/// The library pipeline on one article: its facts and its graph.
pub fn facts_and_graph(a: &Article) -> (ArticleFacts, Graph) {
    let facts = diplograph::pipeline::extract_article(a, &Default::default());
    let g = diplograph::graph::build(vec![facts.clone()], &BuildOptions::default());
    (facts, g)
}

/// Is Graphviz `dot` on PATH?
pub fn dot_available() -> bool {
    Command::new("dot")
        .arg("-V")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

/// Renders DOT source to SVG with `dot -Tsvg`; panics with Graphviz's message on failure.
pub fn render_svg(dot: &str) -> String {
    use std::io::Write;
    let mut child = Command::new("dot")
        .arg("-Tsvg")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn dot");
    let mut stdin = child.stdin.take().expect("stdin");
    let src = dot.to_string();
    let writer = std::thread::spawn(move || stdin.write_all(src.as_bytes()));
    let out = child.wait_with_output().expect("run dot");
    writer.join().expect("writer thread").expect("write to dot");
    assert!(
        out.status.success(),
        "dot -Tsvg failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("SVG is UTF-8")
}

/// Asserts that a span lies within `text`, on char boundaries, and carries exactly its bytes.
pub fn assert_span(text: &str, start: usize, end: usize, span_text: &str, what: &str) {
    assert!(
        start <= end && end <= text.len(),
        "{what}: span {start}..{end} outside the text of {} bytes",
        text.len()
    );
    assert!(
        text.is_char_boundary(start) && text.is_char_boundary(end),
        "{what}: span {start}..{end} not on char boundaries"
    );
    assert_eq!(
        &text[start..end],
        span_text,
        "{what}: span text differs from the bytes"
    );
}

pub fn assert_text_span(text: &str, s: &TextSpan, what: &str) {
    assert_span(text, s.start, s.end, &s.text, what);
}

/// A call or meeting of a graph, flattened for assertions.
#[derive(Debug)]
pub struct CallSummary {
    pub kind: String,
    pub mode: String,
    pub date: Option<String>,
    /// Participant names, sorted and deduplicated.
    pub participants: Vec<String>,
}

pub fn calls_of(g: &Graph) -> Vec<CallSummary> {
    use diplograph::graph::Relation;
    g.nodes()
        .filter_map(|n| {
            let c = n.as_call()?;
            let ix = g.index[n.id()];
            let mut participants: Vec<String> = g
                .linked(ix, Relation::Participant)
                .into_iter()
                .map(|(a, _)| a.name.clone())
                .collect();
            participants.sort();
            participants.dedup();
            Some(CallSummary {
                kind: n.kind().to_string(),
                mode: c.mode.as_str().to_string(),
                date: c.date.map(|d| d.to_string()),
                participants,
            })
        })
        .collect()
}

/// The names of the actors linked to node `id` by `relation`.
pub fn linked_names(g: &Graph, id: &str, relation: diplograph::graph::Relation) -> Vec<String> {
    let mut v: Vec<String> = g
        .linked(g.index[id], relation)
        .into_iter()
        .map(|(a, _)| a.name.clone())
        .collect();
    v.sort();
    v.dedup();
    v
}

/// The built binary.
pub const BIN: &str = env!("CARGO_BIN_EXE_diplograph");

/// Runs the binary with `args`.
pub fn run(args: &[&str]) -> std::process::Output {
    std::process::Command::new(BIN)
        .args(args)
        .env_remove("RUST_BACKTRACE")
        .output()
        .expect("run diplograph")
}

pub fn stdout(o: &std::process::Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

pub fn stderr(o: &std::process::Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// The event nodes of a graph, in id order.
pub fn events_of(g: &Graph) -> Vec<&diplograph::graph::EventNode> {
    g.nodes()
        .filter_map(|n| match n {
            diplograph::graph::Node::Event(e) => Some(e),
            _ => None,
        })
        .collect()
}
