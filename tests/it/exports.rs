//! Every export format, loaded by its real consumer where one is installed here: Graphviz `dot`
//! renders the DOT and both `render` layouts, Python networkx reads the JSON
//! (`node_link_graph`) and the GraphML (`read_graphml`), the Neo4j CSV headers and types are
//! checked against the `neo4j-admin database import` format, and the HTML view is driven in
//! headless Chromium. Hostile strings (quotes, backslashes, `<script>`, leading `=` `+` `-` `@`,
//! newlines) go through every format; every export is byte-identical when repeated.
//!
//! Consumers that are not installed are skipped with a note: Graphviz (`graphviz`), Python 3
//! with networkx (`pip install networkx`), Chromium (`chromium`).
//!
//! `viz/sample-network.svg` and `viz/sample-timeline.svg` are checked for freshness and
//! rewritten, with `viz/html-view.png`, by `DIPLOGRAPH_UPDATE_GRAPHS=1 cargo test --test it graphs`.
//! All test graphs are built from made-up articles written here.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use diplograph::Graph;
use diplograph::export::{self, DotOptions, Format};
use diplograph::render::{self, Layout};
use serde_json::Value;

use crate::util::{article, check_or_update, dot_available, facts_and_graph, root, updating};

const BIN: &str = env!("CARGO_BIN_EXE_diplograph");

/// A phone call, a quotation and a drone strike, with invented people and places.
const STORY: &str = "Estonian Foreign Minister Kaarel Viirand held a phone call with Latvian \
Foreign Minister Ilze Berzkalne on Tuesday, the ministry said.\n\
“We will keep the border crossings open through the winter,” Viirand said.\n\
Three people were killed in a drone strike on Marsk on Monday, regional governor Oleh Kravets \
said.";

/// A second article, a week later: a meeting of three.
const LATER: &str = "Finnish President Aino Lehtovaara met with Swedish Prime Minister Nils \
Ekdahl and Danish Foreign Minister Sofie Brandt in Tampere on Wednesday.\n\
The leaders discussed the Baltic energy grid.";

fn story_graph() -> Graph {
    let a = article("made-up-baltic-call", "2024-05-16", STORY);
    let b = article("made-up-nordic-meeting", "2024-05-23", LATER);
    let fa = diplograph::pipeline::extract_article(&a, &Default::default());
    let fb = diplograph::pipeline::extract_article(&b, &Default::default());
    diplograph::graph::build(vec![fa, fb], &Default::default())
}

/// Hostile strings, one per leading character a spreadsheet treats as a formula.
const HOSTILE: [&str; 5] = [
    "=HYPERLINK(\"http://x\",\"y\") \"quoted\" back\\slash <script>alert(1)</script>",
    "+1+1 <img src=x onerror=\"document.body.setAttribute('data-pwned','1')\"> & more",
    "-2-2 line one\nline two, with comma; and semicolon",
    "@SUM(A1) ]]> --> <!-- \\n \\\" end\\",
    "plain </script><script>document.body.setAttribute('data-pwned','1')</script> ' \t tab",
];

/// The story graph with a hostile string in every free-text field.
fn hostile_graph() -> Graph {
    let mut v = story_graph().to_json_value();
    let mut k = 0usize;
    let mut next = || {
        k += 1;
        Value::String(HOSTILE[k % HOSTILE.len()].to_string())
    };
    for n in v["nodes"].as_array_mut().expect("nodes") {
        let o = n.as_object_mut().expect("node object");
        for key in [
            "name",
            "title",
            "affiliation",
            "text",
            "location",
            "topic",
            "date_text",
        ] {
            if o.contains_key(key) {
                o.insert(key.into(), next());
            }
        }
        if let Some(al) = o.get_mut("aliases").and_then(Value::as_array_mut) {
            al.push(next());
        }
        if let Some(evs) = o.get_mut("evidence").and_then(Value::as_array_mut) {
            for e in evs {
                e["text"] = next();
            }
        }
    }
    for a in v["graph"]["articles"].as_array_mut().expect("articles") {
        a["title"] = next();
        a["url"] = Value::String("javascript:alert(1)".into());
    }
    let s = serde_json::to_string(&v).expect("serialise");
    Graph::from_json_str(&s, Path::new("hostile.json")).expect("hostile graph reads")
}

fn tmpdir(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("diplograph-exports-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).expect("temp dir");
    d
}

const ALL: [Format; 7] = [
    Format::Json,
    Format::Dot,
    Format::Graphml,
    Format::Neo4j,
    Format::Csv,
    Format::Jsonl,
    Format::Html,
];

fn available(f: Format) -> bool {
    f != Format::Html || dot_available()
}

// ------------------------------------------------------------------------------------------
// Python / networkx
// ------------------------------------------------------------------------------------------

/// Runs a Python 3 script with networkx; `None` (after a note) when either is missing.
fn python_networkx(script: &str, args: &[&Path]) -> Option<String> {
    let probe = Command::new("python3")
        .args(["-c", "import networkx"])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status();
    if !probe.is_ok_and(|s| s.success()) {
        eprintln!("note: python3 with networkx is not installed (pip install networkx): skipped");
        return None;
    }
    let out = Command::new("python3")
        .arg("-c")
        .arg(script)
        .args(args)
        .output()
        .expect("run python3");
    assert!(
        out.status.success(),
        "python failed:\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    Some(String::from_utf8(out.stdout).expect("utf-8"))
}

#[test]
fn exports_networkx_reads_json_and_graphml() {
    let g = hostile_graph();
    let dir = tmpdir("networkx");
    let json = dir.join("g.json");
    let gml = dir.join("g.graphml");
    std::fs::write(&json, g.to_json_string()).unwrap();
    std::fs::write(
        &gml,
        export::to_string(&g, Format::Graphml, &DotOptions::default()),
    )
    .unwrap();
    let script = r#"
import json, sys
import networkx as nx
data = json.load(open(sys.argv[1], encoding="utf-8"))
try:
    gj = nx.node_link_graph(data, edges="edges")
except TypeError:
    gj = nx.node_link_graph(data, link="edges")
gm = nx.read_graphml(sys.argv[2])
out = {
    "json_nodes": gj.number_of_nodes(), "json_edges": gj.number_of_edges(),
    "gml_nodes": gm.number_of_nodes(), "gml_edges": gm.number_of_edges(),
    "directed": gm.is_directed(),
    "nodes": {n: {k: [type(v).__name__, v] for k, v in d.items()} for n, d in gm.nodes(data=True)},
}
print(json.dumps(out))
"#;
    let Some(out) = python_networkx(script, &[&json, &gml]) else {
        return;
    };
    let out: Value = serde_json::from_str(&out).expect("python printed JSON");
    let nn = g.nodes().count() as u64;
    let ne = g.edges().len() as u64;
    assert_eq!(out["json_nodes"], nn);
    assert_eq!(out["json_edges"], ne);
    assert_eq!(out["gml_nodes"], nn);
    assert_eq!(out["gml_edges"], ne);
    assert_eq!(out["directed"], true);
    // typed attributes come back typed, and hostile text comes back intact
    for n in g.nodes() {
        let attrs = &out["nodes"][n.id()];
        assert_eq!(attrs["kind"][1], n.kind(), "{}", n.id());
        match n {
            diplograph::graph::Node::Actor(a) => assert_eq!(attrs["name"][1], a.name.as_str()),
            diplograph::graph::Node::Event(e) => {
                if let Some(k) = e.killed {
                    assert_eq!(attrs["killed"], serde_json::json!(["int", k]));
                }
                assert_eq!(attrs["confidence"][0], "float");
                assert_eq!(
                    attrs["evidence"][1].as_str(),
                    Some(e.evidence[0].text.as_str())
                );
            }
            diplograph::graph::Node::Statement(s) => {
                assert_eq!(attrs["direct"], serde_json::json!(["bool", s.direct]));
                assert_eq!(attrs["text"][1].as_str(), Some(s.text.as_str()));
            }
            _ => {}
        }
    }
}

// ------------------------------------------------------------------------------------------
// Graphviz
// ------------------------------------------------------------------------------------------

#[test]
fn exports_dot_renders_in_both_layouts_with_hostile_labels() {
    if !dot_available() {
        eprintln!("note: Graphviz `dot` is not on PATH (install graphviz): skipped");
        return;
    }
    for g in [story_graph(), hostile_graph()] {
        for layout in [Layout::Network, Layout::Timeline] {
            let opts = DotOptions { statements: true };
            let svg = render::svg(&g, layout, &opts).expect("dot renders");
            assert!(svg.contains("<svg"), "{layout:?}");
            assert!(!svg.contains("<script"), "{layout:?}: raw <script> in SVG");
            for n in g.nodes() {
                let title = format!("<title>{}</title>", n.id().replace('-', "&#45;"));
                assert!(svg.contains(&title), "{layout:?}: {} not drawn", n.id());
            }
        }
    }
    // labels are readable: names, dates, modes, killed counts; tooltips carry the evidence
    let g = story_graph();
    let svg = render::svg(&g, Layout::Timeline, &DotOptions::default()).unwrap();
    for want in [
        "Kaarel Viirand",
        "2024&#45;05&#45;14",
        "phone",
        "3 killed",
        "Tue 14 May 2024",
        "Mon 13 May 2024",
        "Wed 22 May 2024",
        "held a phone call with Latvian",
    ] {
        assert!(svg.contains(want), "timeline SVG lacks {want:?}");
    }
}

#[test]
fn exports_timeline_puts_facts_on_their_day() {
    let g = story_graph();
    let dot = diplograph::export::dot::to_dot_timeline(&g, &DotOptions::default());
    let days: Vec<&str> = dot
        .lines()
        .filter(|l| l.trim_start().starts_with("{ rank=same;"))
        .collect();
    assert_eq!(days.len(), 3, "{dot}");
    assert!(days[0].contains("day:2024-05-13") && days[0].contains("event:"));
    assert!(days[1].contains("day:2024-05-14") && days[1].contains("call:"));
    assert!(days[2].contains("day:2024-05-22") && days[2].contains("call:"));
    assert!(dot.contains("\"day:2024-05-13\" -> \"day:2024-05-14\""));
    assert!(dot.contains("\"day:2024-05-14\" -> \"day:2024-05-22\""));
}

#[test]
fn exports_render_cli_and_missing_graphviz() {
    let dir = tmpdir("render");
    let gpath = dir.join("g.json");
    std::fs::write(&gpath, story_graph().to_json_string()).unwrap();
    // a missing `dot` names the package to install
    let out = Command::new(BIN)
        .args(["render", "--graph"])
        .arg(&gpath)
        .arg("-o")
        .arg(dir.join("x.svg"))
        .env("DIPLOGRAPH_DOT", dir.join("no-such-dot"))
        .output()
        .unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("graphviz"), "{err}");
    if !dot_available() {
        eprintln!("note: Graphviz `dot` is not on PATH (install graphviz): rendering skipped");
        return;
    }
    for (name, layout) in [("n.svg", "network"), ("t.png", "timeline")] {
        let st = Command::new(BIN)
            .args(["render", "--graph"])
            .arg(&gpath)
            .arg("-o")
            .arg(dir.join(name))
            .args(["--layout", layout])
            .status()
            .unwrap();
        assert!(st.success(), "{name}");
    }
    assert!(
        std::fs::read_to_string(dir.join("n.svg"))
            .unwrap()
            .contains("<svg")
    );
    assert!(
        std::fs::read(dir.join("t.png"))
            .unwrap()
            .starts_with(b"\x89PNG")
    );
}

// ------------------------------------------------------------------------------------------
// Neo4j
// ------------------------------------------------------------------------------------------

/// A minimal RFC 4180 reader (quoted fields, doubled quotes, newlines inside quotes), returning
/// each field with whether it was quoted.
fn read_csv(s: &str) -> Vec<Vec<(String, bool)>> {
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut field = String::new();
    let (mut quoted, mut in_q, mut chars) = (false, false, s.chars().peekable());
    while let Some(c) = chars.next() {
        if in_q {
            if c == '"' {
                if chars.peek() == Some(&'"') {
                    chars.next();
                    field.push('"');
                } else {
                    in_q = false;
                }
            } else {
                field.push(c);
            }
            continue;
        }
        match c {
            '"' => {
                in_q = true;
                quoted = true;
            }
            ',' => row.push((std::mem::take(&mut field), std::mem::take(&mut quoted))),
            '\r' if chars.peek() == Some(&'\n') => {}
            '\n' => {
                row.push((std::mem::take(&mut field), std::mem::take(&mut quoted)));
                rows.push(std::mem::take(&mut row));
            }
            c => field.push(c),
        }
    }
    assert!(!in_q, "unterminated quote");
    if !field.is_empty() || !row.is_empty() {
        row.push((field, quoted));
        rows.push(row);
    }
    rows
}

#[test]
fn exports_neo4j_headers_follow_the_import_format() {
    let g = hostile_graph();
    let files = export::files(&g, Format::Neo4j, &DotOptions::default()).unwrap();
    let names: Vec<&str> = files.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(
        names,
        [
            "actors.csv",
            "calls.csv",
            "statements.csv",
            "events.csv",
            "relationships.csv",
            "load.cypher",
            "import.sh"
        ]
    );
    // the types neo4j-admin import accepts (Neo4j Operations Manual, "Import: CSV header format")
    const TYPES: &[&str] = &[
        "int",
        "long",
        "float",
        "double",
        "boolean",
        "byte",
        "short",
        "char",
        "string",
        "point",
        "date",
        "localtime",
        "time",
        "localdatetime",
        "datetime",
        "duration",
    ];
    let mut ids = std::collections::BTreeSet::new();
    let mut node_total = 0;
    for (name, body) in files.iter().filter(|(n, _)| n.ends_with(".csv")) {
        let rows = read_csv(body);
        let header: Vec<&str> = rows[0].iter().map(|(f, _)| f.as_str()).collect();
        let rels = name == "relationships.csv";
        if rels {
            assert_eq!(&header[..3], [":START_ID", ":END_ID", ":TYPE"]);
        } else {
            assert_eq!(&header[..2], ["id:ID", ":LABEL"], "{name}");
        }
        for h in &header {
            if let Some((_, t)) = h.split_once(':') {
                if ["ID", "LABEL", "START_ID", "END_ID", "TYPE"].contains(&t) {
                    continue;
                }
                let base = t.strip_suffix("[]").unwrap_or(t);
                assert!(TYPES.contains(&base), "{name}: bad type in {h:?}");
            }
        }
        for r in &rows[1..] {
            assert_eq!(r.len(), header.len(), "{name}: ragged row {r:?}");
            for (h, (v, quoted)) in header.iter().zip(r) {
                if v.is_empty() {
                    continue;
                }
                match h.split_once(':').map(|x| x.1) {
                    Some("date") => assert!(
                        chrono::NaiveDate::parse_from_str(v, "%Y-%m-%d").is_ok(),
                        "{h}={v}"
                    ),
                    Some("int") => assert!(v.parse::<i64>().is_ok(), "{h}={v}"),
                    Some("float") => assert!(v.parse::<f64>().is_ok(), "{h}={v}"),
                    Some("boolean") => assert!(v == "true" || v == "false", "{h}={v}"),
                    Some("ID") => {
                        assert!(*quoted);
                        assert!(ids.insert(v.clone()), "duplicate id {v}");
                    }
                    Some("LABEL") => assert!(
                        ["Actor", "Call", "Meeting", "Statement", "Event"].contains(&v.as_str())
                    ),
                    Some("TYPE") => assert!(
                        ["PARTICIPANT", "SPEAKER", "PERPETRATOR", "LOCATED_IN"]
                            .contains(&v.as_str())
                    ),
                    _ => {}
                }
            }
            if !rels {
                node_total += 1;
            }
        }
    }
    assert_eq!(node_total, g.nodes().count());
    // relationships join known ids
    let rels = read_csv(&files[4].1);
    assert_eq!(rels.len() - 1, g.edges().len());
    for r in &rels[1..] {
        assert!(ids.contains(&r[0].0) && ids.contains(&r[1].0), "{r:?}");
    }
    // hostile text round-trips through the quoting
    let actors = read_csv(&files[0].1);
    let mut names: Vec<String> = actors[1..].iter().map(|r| r[2].0.clone()).collect();
    names.sort();
    let mut want: Vec<String> = g.actors().map(|a| a.name.clone()).collect();
    want.sort();
    assert_eq!(names, want);
    let cypher = &files[5].1;
    assert!(cypher.contains("LOAD CSV WITH HEADERS FROM 'file:///actors.csv'"));
    assert!(cypher.contains("date(row.`date:date`)"));
}

// ------------------------------------------------------------------------------------------
// CSV tables, JSON Lines
// ------------------------------------------------------------------------------------------

#[test]
fn exports_csv_tables_quote_and_defuse_formulas() {
    let g = hostile_graph();
    let files = export::files(&g, Format::Csv, &DotOptions::default()).unwrap();
    let names: Vec<&str> = files.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(
        names,
        ["calls.csv", "statements.csv", "events.csv", "actors.csv"]
    );
    let calls = read_csv(&files[0].1);
    let header: Vec<&str> = calls[0].iter().map(|(f, _)| f.as_str()).collect();
    for col in ["date", "mode", "participants", "sources"] {
        assert!(header.contains(&col), "calls.csv lacks {col}");
    }
    let mut seen_guard = 0;
    for (name, body) in &files {
        let rows = read_csv(body);
        for r in &rows[1..] {
            assert_eq!(r.len(), rows[0].len(), "{name}: ragged row");
            for (v, _) in r {
                assert!(
                    !v.starts_with(['=', '+', '-', '@']),
                    "{name}: formula not defused: {v:?}"
                );
                if v.starts_with("'=")
                    || v.starts_with("'+")
                    || v.starts_with("'-")
                    || v.starts_with("'@")
                {
                    seen_guard += 1;
                    // the rest is the original text
                    assert!(HOSTILE.iter().any(|h| v[1..].starts_with(&h[..4])), "{v:?}");
                }
            }
        }
    }
    assert!(seen_guard > 0, "the hostile strings reached the tables");
    // the actors table holds the hostile names unchanged but for the guard
    let actors = read_csv(&files[3].1);
    for r in &actors[1..] {
        let name = r[0].0.strip_prefix('\'').unwrap_or(&r[0].0);
        assert!(g.actors().any(|a| a.name == name), "{name:?}");
    }
}

#[test]
fn exports_jsonl_one_record_per_line() {
    let g = hostile_graph();
    let s = export::to_string(&g, Format::Jsonl, &DotOptions::default());
    let lines: Vec<Value> = s
        .lines()
        .map(|l| serde_json::from_str(l).expect("each line is JSON"))
        .collect();
    assert_eq!(lines.len(), g.articles.len() + g.nodes().count());
    assert!(lines.iter().all(|l| l["kind"].is_string()));
    let call = lines.iter().find(|l| l["kind"] == "call").expect("a call");
    assert_eq!(call["participants"].as_array().map(Vec::len), Some(2));
    assert!(call["cameo"].is_string() && call["plover"]["type"] == "CONSULT");
    let ev = lines
        .iter()
        .find(|l| l["kind"] == "event")
        .expect("an event");
    assert_eq!(ev["cameo"], "195");
    assert_eq!(ev["plover"]["type"], "ASSAULT");
    // hostile text survives exactly
    let names: Vec<&str> = lines.iter().filter_map(|l| l["name"].as_str()).collect();
    assert!(names.iter().any(|n| HOSTILE.contains(n)));
}

// ------------------------------------------------------------------------------------------
// Every format: escaping and determinism
// ------------------------------------------------------------------------------------------

#[test]
fn exports_are_deterministic() {
    for g in [story_graph(), hostile_graph()] {
        // a graph read back from its JSON exports the same bytes as the graph itself
        let back = Graph::from_json_str(&g.to_json_string(), Path::new("g.json")).unwrap();
        for f in ALL {
            if !available(f) {
                eprintln!("note: Graphviz `dot` is not on PATH: {f:?} skipped");
                continue;
            }
            let opts = DotOptions { statements: true };
            let a = export::files(&g, f, &opts).unwrap();
            let b = export::files(&back, f, &opts).unwrap();
            let c = export::files(&g, f, &opts).unwrap();
            assert_eq!(a, b, "{f:?} differs after a JSON round trip");
            assert_eq!(a, c, "{f:?} differs between two runs");
        }
    }
    // and through the CLI, twice, into files and folders
    let dir = tmpdir("determinism");
    let gpath = dir.join("g.json");
    std::fs::write(&gpath, hostile_graph().to_json_string()).unwrap();
    for fmt in ["dot", "json", "graphml", "neo4j", "csv", "jsonl"] {
        let mut outs = Vec::new();
        for run in 0..2 {
            let out = dir.join(format!("{fmt}-{run}"));
            let st = Command::new(BIN)
                .args(["export", "--graph"])
                .arg(&gpath)
                .args(["--format", fmt, "-o"])
                .arg(&out)
                .status()
                .unwrap();
            assert!(st.success(), "export --format {fmt}");
            outs.push(read_tree(&out));
        }
        assert_eq!(outs[0], outs[1], "{fmt}: two exports differ");
    }
}

fn read_tree(p: &Path) -> Vec<(String, Vec<u8>)> {
    if p.is_dir() {
        let mut v: Vec<(String, Vec<u8>)> = std::fs::read_dir(p)
            .unwrap()
            .map(|e| {
                let e = e.unwrap();
                (
                    e.file_name().to_string_lossy().into_owned(),
                    std::fs::read(e.path()).unwrap(),
                )
            })
            .collect();
        v.sort();
        v
    } else {
        vec![(String::new(), std::fs::read(p).unwrap())]
    }
}

#[test]
fn exports_escape_hostile_strings_in_every_format() {
    let g = hostile_graph();
    let opts = DotOptions { statements: true };
    // DOT: every quote and backslash inside a string is escaped, so each line balances
    let dot = export::to_string(&g, Format::Dot, &opts);
    for line in dot.lines().filter(|l| l.contains('"')) {
        let mut quotes = 0;
        let mut chars = line.chars();
        while let Some(c) = chars.next() {
            match c {
                '\\' => {
                    chars.next();
                }
                '"' => quotes += 1,
                _ => {}
            }
        }
        assert_eq!(quotes % 2, 0, "unbalanced DOT line: {line}");
    }
    assert!(
        !dot.contains("line one\nline two"),
        "raw newline in a DOT string"
    );
    // XML: no raw markup from the data
    let gml = export::to_string(&g, Format::Graphml, &opts);
    assert!(!gml.contains("<script") && !gml.contains("<img") && !gml.contains("<!--"));
    assert!(gml.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    // JSON / JSONL parse back to the same strings
    let back = Graph::from_json_str(&g.to_json_string(), Path::new("g.json")).unwrap();
    assert_eq!(back.to_json_string(), g.to_json_string());
    // HTML: only the page's own two scripts, data escaped
    if dot_available() {
        let html = export::files(&g, Format::Html, &opts).unwrap().remove(0).1;
        assert_eq!(
            html.matches("<script").count(),
            2,
            "only the page's own scripts"
        );
        assert!(!html.contains("<img"));
        assert!(!html.contains("onerror=\""));
        assert!(html.contains("\\u003cscript\\u003e"));
    }
}

// ------------------------------------------------------------------------------------------
// HTML in headless Chromium
// ------------------------------------------------------------------------------------------

fn chromium() -> Option<String> {
    [
        "chromium",
        "chromium-browser",
        "google-chrome",
        "google-chrome-stable",
    ]
    .into_iter()
    .find(|b| {
        Command::new(b)
            .arg("--version")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .is_ok_and(|s| s.success())
    })
    .map(str::to_string)
}

/// Runs headless Chromium on a URL with extra arguments; returns stdout.
fn run_chromium(bin: &str, profile: &Path, extra: &[String], url: &str) -> String {
    let out = Command::new(bin)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-dev-shm-usage",
            "--hide-scrollbars",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .args(extra)
        .arg(url)
        .stdin(Stdio::null())
        .output()
        .expect("run chromium");
    assert!(
        out.status.success(),
        "chromium failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn file_url(p: &Path) -> String {
    format!("file://{}", p.display())
}

/// The panel of a dumped DOM.
fn panel(dom: &str) -> &str {
    let start = dom.find("<aside id=\"dg-panel\"").expect("panel in DOM");
    let end = dom[start..].find("</aside>").expect("panel end") + start;
    &dom[start..end]
}

#[test]
fn exports_html_panel_shows_clicked_call_evidence_in_chromium() {
    if !dot_available() {
        eprintln!("note: Graphviz `dot` is not on PATH (install graphviz): skipped");
        return;
    }
    let Some(bin) = chromium() else {
        eprintln!(
            "note: Chromium is not installed (apt-get install chromium): HTML view not tested"
        );
        return;
    };
    let dir = tmpdir("html");
    let g = story_graph();
    let page = dir.join("graph.html");
    export::write(&g, Format::Html, &DotOptions::default(), &page).unwrap();
    let call = g
        .nodes()
        .find(|n| n.kind() == "call")
        .expect("a call")
        .clone();
    let sentence = &call.evidence()[0].text;
    // #select clicks the node once the page has loaded
    let dom = run_chromium(
        &bin,
        &dir.join("profile1"),
        &["--dump-dom".into()],
        &format!("{}#select={}", file_url(&page), call.id()),
    );
    assert!(dom.contains("data-ready=\"1\""), "the page script ran");
    let p = panel(&dom);
    assert!(
        p.contains(&format!("data-selected=\"{}\"", call.id())),
        "{p}"
    );
    assert!(
        p.contains(sentence.as_str()),
        "panel lacks the evidence sentence: {p}"
    );
    assert!(
        p.contains("made-up-baltic-call") && p.contains("2024-05-16"),
        "{p}"
    );
    // the date filter hides facts outside the range
    let dom = run_chromium(
        &bin,
        &dir.join("profile2"),
        &["--dump-dom".into()],
        &format!("{}#from=2024-05-20&to=2024-05-31", file_url(&page)),
    );
    let n = g.nodes().filter(|n| n.kind() != "actor").count();
    let shown = g
        .nodes()
        .filter(|n| {
            n.date()
                .is_some_and(|d| d.to_string().as_str() >= "2024-05-20")
        })
        .count();
    assert!(
        dom.contains(&format!("{shown} of {n} facts")),
        "filter count"
    );
    assert!(dom.contains("dg-hidden"), "some nodes hidden");

    // hostile text shows as text and runs nothing
    let hpage = dir.join("hostile.html");
    let hg = hostile_graph();
    export::write(&hg, Format::Html, &DotOptions { statements: true }, &hpage).unwrap();
    let stmt = hg
        .nodes()
        .find(|n| n.kind() == "statement")
        .unwrap()
        .id()
        .to_string();
    let dom = run_chromium(
        &bin,
        &dir.join("profile3"),
        &["--dump-dom".into()],
        &format!("{}#select={}", file_url(&hpage), stmt),
    );
    assert!(dom.contains("data-ready=\"1\""));
    assert!(!dom.contains("data-pwned=\"1\""), "hostile markup ran");
    let p = panel(&dom);
    assert!(
        p.contains("&lt;script") || p.contains("&lt;img"),
        "hostile text shown as text: {p}"
    );

    // a screenshot of the sample with its first call selected
    let sample = crate::util::facts_and_graph(&diplograph::sample_article()).1;
    let spage = dir.join("sample.html");
    export::write(&sample, Format::Html, &DotOptions::default(), &spage).unwrap();
    let scall = sample
        .nodes()
        .find(|n| n.kind() == "call")
        .unwrap()
        .id()
        .to_string();
    let shot = if updating() {
        root().join("viz/html-view.png")
    } else {
        dir.join("html-view.png")
    };
    run_chromium(
        &bin,
        &dir.join("profile4"),
        &[
            format!("--screenshot={}", shot.display()),
            "--window-size=1400,900".into(),
        ],
        &format!("{}#select={}", file_url(&spage), scall),
    );
    assert!(std::fs::read(&shot).unwrap().starts_with(b"\x89PNG"));
}

// ------------------------------------------------------------------------------------------
// viz/: the sample in both layouts
// ------------------------------------------------------------------------------------------

fn graphviz_version(svg: &str) -> Option<&str> {
    let rest = svg.split("Generated by graphviz version ").nth(1)?;
    rest.split(" -->").next().map(str::trim)
}

#[test]
fn graphs_viz_sample_layouts_are_current() {
    if !dot_available() {
        eprintln!("note: Graphviz `dot` is not on PATH: viz/sample-*.svg not checked");
        return;
    }
    let g = facts_and_graph(&diplograph::sample_article()).1;
    for (file, layout) in [
        ("viz/sample-network.svg", Layout::Network),
        ("viz/sample-timeline.svg", Layout::Timeline),
    ] {
        let svg = render::svg(&g, layout, &DotOptions::default()).expect("dot renders");
        assert!(
            svg.contains("Zelensky"),
            "{file}: the sample's actors are drawn"
        );
        let path = root().join(file);
        if let (false, Ok(committed)) = (updating(), std::fs::read_to_string(&path)) {
            let (have, want) = (graphviz_version(&svg), graphviz_version(&committed));
            if have != want {
                eprintln!(
                    "note: {file} was rendered by Graphviz {want:?}, this is {have:?}: not compared"
                );
                continue;
            }
        }
        check_or_update(&path, &svg, updating());
    }
}

#[test]
fn exports_completions_and_man_page() {
    for shell in ["bash", "zsh", "fish"] {
        let out = Command::new(BIN)
            .args(["completions", shell])
            .output()
            .unwrap();
        assert!(out.status.success(), "{shell}");
        let s = String::from_utf8_lossy(&out.stdout);
        assert!(s.contains("diplograph") && s.contains("render"), "{shell}");
    }
    let out = Command::new(BIN).arg("man").output().unwrap();
    assert!(out.status.success());
    let s = String::from_utf8_lossy(&out.stdout);
    assert!(s.starts_with(".ie") || s.contains(".TH diplograph"), "{s}");
    // folder formats need -o
    let dir = tmpdir("cli");
    let gpath = dir.join("g.json");
    std::fs::write(&gpath, story_graph().to_json_string()).unwrap();
    let out = Command::new(BIN)
        .args(["export", "--graph"])
        .arg(&gpath)
        .args(["--format", "neo4j"])
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("-o DIR"));
}
