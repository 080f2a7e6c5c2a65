//! The built binary end to end (`env!("CARGO_BIN_EXE_diplograph")`).

use std::path::Path;
use std::process::Output;

use crate::util::{run, stderr, stdout};
use diplograph::Graph;

fn assert_ok(o: &Output, what: &str) {
    assert!(
        o.status.success(),
        "{what} failed with {:?}\nstdout:\n{}\nstderr:\n{}",
        o.status.code(),
        stdout(o),
        stderr(o)
    );
}

fn jsonl_line(id: &str, published: &str, text: &str) -> String {
    let mut s = serde_json::json!({"id": id, "published": published, "title": null, "url": null, "text": text})
        .to_string();
    s.push('\n');
    s
}

/// Two made-up articles: a phone call and a three-way meeting.
fn made_up_jsonl() -> String {
    jsonl_line(
        "made-up-call",
        "2024-03-14",
        "Portuguese Foreign Minister Tomás Velarde held a phone call with Chilean Foreign \
         Minister Ignacia Moraga on Tuesday, the ministry said.",
    ) + &jsonl_line(
        "made-up-meeting",
        "2024-06-07",
        "Kenyan President Odhiambo Waweru met with Ghanaian President Kofi Mensah-Asare and \
         Nigerian Foreign Minister Adaeze Okonkwo in Nairobi on Wednesday.",
    )
}

/// Builds `jsonl` into a graph in `dir`, returning the graph path.
fn build(dir: &Path, jsonl: &str) -> std::path::PathBuf {
    let input = dir.join("articles.jsonl");
    std::fs::write(&input, jsonl).unwrap();
    let out = dir.join("graph.json");
    let o = run(&[
        "build",
        input.to_str().unwrap(),
        "--output",
        out.to_str().unwrap(),
        "--quiet",
    ]);
    assert_ok(&o, "build");
    out
}

#[test]
fn no_argument_run_prints_the_sample_pairs() {
    let o = run(&[]);
    assert_ok(&o, "diplograph");
    let out = stdout(&o);
    assert!(out.contains("seed-zelensky-2025-11-21"), "{out}");
    let header = out.lines().nth(1).unwrap_or_default();
    assert!(header.contains("spoke with"), "{out}");
    let rows: Vec<&str> = out
        .lines()
        .filter(|l| l.starts_with("2025-11-21"))
        .collect();
    assert_eq!(rows.len(), 4, "{out}");
    for who in [
        "Volodymyr Zelensky",
        "J.D. Vance",
        "Dan Driscoll",
        "Mark Rutte",
    ] {
        assert!(out.contains(who), "{who} missing from\n{out}");
    }
}

#[test]
fn build_on_a_temp_jsonl_writes_a_graph_that_parses() {
    let dir = tempfile::tempdir().unwrap();
    let out = build(dir.path(), &made_up_jsonl());
    let text = std::fs::read_to_string(&out).unwrap();
    let v: serde_json::Value = serde_json::from_str(&text).expect("graph is JSON");
    assert_eq!(v["graph"]["schema"], "diplograph/1");
    assert_eq!(v["graph"]["articles"].as_array().map(Vec::len), Some(2));
    let g = Graph::read(&out).expect("graph reads back");
    assert_eq!(
        g.nodes().filter(|n| n.as_call().is_some()).count(),
        2,
        "one call and one meeting"
    );
    // no temporary files left beside the output
    let left: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".tmp") || n.starts_with(".diplograph"))
        .collect();
    assert!(left.is_empty(), "{left:?}");
}

#[test]
fn build_of_the_sample_writes_what_the_library_builds() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("sample.json");
    let input = crate::util::root().join("graphs/sample/sample.jsonl");
    let o = run(&[
        "build",
        input.to_str().unwrap(),
        "--output",
        out.to_str().unwrap(),
        "-q",
    ]);
    assert_ok(&o, "build");
    assert_eq!(
        std::fs::read_to_string(&out).unwrap(),
        crate::sample::sample_json_as_built()
    );
}

#[test]
fn query_who_spoke_with_matches_alias_in_other_case_without_accents() {
    let dir = tempfile::tempdir().unwrap();
    let g = build(dir.path(), &made_up_jsonl());
    let g = g.to_str().unwrap();
    for q in ["TOMAS VELARDE", "tomas velarde", "velarde"] {
        let o = run(&["query", "who-spoke-with", q, "--graph", g]);
        assert_ok(&o, "query");
        let out = stdout(&o);
        let rows: Vec<&str> = out.lines().filter(|l| l.starts_with("2024-")).collect();
        assert_eq!(rows.len(), 1, "query {q:?}:\n{out}");
        assert!(
            rows[0].contains("Tomás Velarde") && rows[0].contains("Ignacia Moraga"),
            "{out}"
        );
        assert!(rows[0].starts_with("2024-03-12"), "{out}");
    }
    // JSON output: the queried actor comes first
    let o = run(&[
        "query",
        "who-spoke-with",
        "ignácia MORAGA",
        "--graph",
        g,
        "--json",
    ]);
    assert_ok(&o, "query --json");
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("JSON rows");
    let rows = v.as_array().expect("array");
    assert_eq!(rows.len(), 1, "{v:#}");
    assert_eq!(rows[0]["a"], "Ignacia Moraga");
    assert_eq!(rows[0]["b"], "Tomás Velarde");
    assert_eq!(rows[0]["date"], "2024-03-12");
    // an unknown actor finds nothing
    let o = run(&["query", "who-spoke-with", "nobody-at-all", "--graph", g]);
    assert_ok(&o, "query");
    assert!(stdout(&o).contains("(none)"), "{}", stdout(&o));
}

#[test]
fn export_dot_is_deterministic_and_renders() {
    let dir = tempfile::tempdir().unwrap();
    let g = build(dir.path(), &made_up_jsonl());
    let g = g.to_str().unwrap();
    let a = run(&["export", "--graph", g, "--format", "dot"]);
    let b = run(&["export", "--graph", g, "--format", "dot"]);
    assert_ok(&a, "export");
    assert_ok(&b, "export");
    assert_eq!(a.stdout, b.stdout, "two exports differ");
    let dot = stdout(&a);
    assert!(dot.starts_with("digraph diplograph {"), "{dot}");
    assert!(dot.contains("Tomás Velarde"), "{dot}");
    // -o writes the same bytes
    let file = dir.path().join("g.dot");
    let o = run(&[
        "export",
        "--graph",
        g,
        "--format",
        "dot",
        "-o",
        file.to_str().unwrap(),
    ]);
    assert_ok(&o, "export -o");
    assert_eq!(std::fs::read(&file).unwrap(), a.stdout);
    if crate::util::dot_available() {
        let svg = crate::util::render_svg(&dot);
        assert!(svg.contains("<svg") && svg.contains("Velarde"), "{svg}");
    } else {
        eprintln!("note: Graphviz `dot` is not on PATH: rendering not checked");
    }
}

#[test]
fn malformed_middle_line_exits_2_and_names_file_line() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("bad.jsonl");
    let lines: Vec<String> = made_up_jsonl().lines().map(str::to_string).collect();
    std::fs::write(
        &input,
        format!(
            "{}\n{{\"id\": \"broken\", \"text\": \n{}\n",
            lines[0], lines[1]
        ),
    )
    .unwrap();
    let out = dir.path().join("graph.json");
    let o = run(&[
        "build",
        input.to_str().unwrap(),
        "--output",
        out.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(2), "stderr:\n{}", stderr(&o));
    let err = stderr(&o);
    assert!(err.contains("bad.jsonl:2"), "file:line not named in\n{err}");
    // the good lines around it are still built
    let g = Graph::read(&out).expect("graph written");
    assert_eq!(g.articles.len(), 2);
}

#[test]
fn build_output_in_missing_directory_fails_with_1_before_work() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("articles.jsonl");
    std::fs::write(&input, made_up_jsonl()).unwrap();
    let out = dir.path().join("no-such-dir").join("graph.json");
    let o = run(&[
        "build",
        input.to_str().unwrap(),
        "--output",
        out.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(1), "stderr:\n{}", stderr(&o));
    let err = stderr(&o);
    assert!(
        err.contains("no-such-dir"),
        "the path is not named in\n{err}"
    );
    // nothing was read: the run summary ("N read, M skipped") is never printed
    assert!(
        !err.contains(" read, "),
        "work was done before failing:\n{err}"
    );
    assert!(!out.exists());
    assert!(!dir.path().join("no-such-dir").exists());
}
