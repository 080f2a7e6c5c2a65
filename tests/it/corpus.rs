//! The corpus capability (issue 4): cross-article resolution, deduplication with provenance,
//! incremental builds and merges, map/reduce, atomic writes and the corpus queries. Every article
//! and name here is made up.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::util::{BIN, run};
use diplograph::Graph;
use diplograph::graph::{self, BuildOptions, Node};
use diplograph::types::*;

fn ok(args: &[&str]) -> String {
    let o = run(args);
    assert!(
        o.status.success(),
        "{args:?} failed with {:?}\nstdout:\n{}\nstderr:\n{}",
        o.status.code(),
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    );
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn line(id: &str, published: &str, url: &str, text: &str) -> String {
    let mut s = serde_json::json!({"id": id, "published": published, "title": null, "url": url, "text": text})
        .to_string();
    s.push('\n');
    s
}

/// Three outlets report one phone call in different words.
fn call_reports() -> Vec<String> {
    vec![
        line(
            "call-a",
            "2024-03-14",
            "https://www.tidings.example/a",
            "Portuguese Foreign Minister Tomás Velarde held a phone call with Chilean Foreign \
             Minister Ignacia Moraga on Tuesday, the ministry said.",
        ),
        line(
            "call-b",
            "2024-03-14",
            "https://courier.example/b",
            "Chilean Foreign Minister Ignacia Moraga spoke by phone with Portuguese Foreign \
             Minister Tomas Velarde on Tuesday about fishing quotas.",
        ),
        line(
            "call-c",
            "2024-03-15",
            "https://gazette.example/c",
            "Portuguese Foreign Minister Tomás Velarde said he had a telephone conversation with \
             Chilean Foreign Minister Ignacia Moraga on Tuesday.",
        ),
    ]
}

fn other_reports() -> Vec<String> {
    vec![
        line(
            "meet-d",
            "2024-03-20",
            "https://tidings.example/d",
            "Chilean Foreign Minister Ignacia Moraga met with Peruvian Foreign Minister Raúl \
             Quispenta in Lima on Wednesday.",
        ),
        line(
            "meet-e",
            "2024-03-22",
            "https://courier.example/e",
            "Peruvian Foreign Minister Raúl Quispenta held talks with Bolivian President Nayra \
             Condoriva in La Paz on Friday. \"We will build the road together,\" Quispenta said.",
        ),
    ]
}

fn write(dir: &Path, name: &str, lines: &[String]) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, lines.concat()).unwrap();
    p
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

fn build(inputs: &[&Path], out: &Path, base: Option<&Path>) {
    let mut args = vec!["build"];
    args.extend(inputs.iter().map(|p| s(p)));
    args.extend(["--output", s(out), "--quiet"]);
    if let Some(b) = base {
        args.extend(["--graph", s(b)]);
    }
    ok(&args);
}

fn calls(g: &Graph) -> Vec<&graph::CallNode> {
    g.nodes().filter_map(Node::as_call).collect()
}

#[test]
fn three_reports_of_one_call_give_one_call_node_with_three_evidence_items() {
    let dir = tempfile::tempdir().unwrap();
    let input = write(dir.path(), "calls.jsonl", &call_reports());
    let out = dir.path().join("g.json");
    build(&[&input], &out, None);
    let g = Graph::read(&out).unwrap();
    let cs = calls(&g);
    assert_eq!(cs.len(), 1, "{cs:#?}");
    let c = cs[0];
    assert_eq!(c.evidence.len(), 3, "{c:#?}");
    assert_eq!(c.num_articles, 3);
    assert_eq!(c.num_sources, 3);
    let arts: Vec<&str> = c.evidence.iter().map(|e| e.article.as_str()).collect();
    assert_eq!(arts, ["call-a", "call-b", "call-c"]);
    // "Tomás Velarde" and "Tomas Velarde" are one actor
    let velarde: Vec<_> = g.actors().filter(|a| a.name.contains("Velarde")).collect();
    assert_eq!(velarde.len(), 1, "{velarde:#?}");
    assert_eq!(velarde[0].num_articles, 3);
}

fn actor(name: &str, title: Option<&str>, aff: Option<&str>) -> ActorFact {
    ActorFact {
        name: name.into(),
        actor_type: ActorType::Person,
        aliases: vec![name.into()],
        title: title.map(Into::into),
        affiliation: aff.map(Into::into),
        code: None,
        mentions: Vec::new(),
    }
}

fn mention(text: &str) -> TextSpan {
    TextSpan {
        start: 0,
        end: text.len(),
        text: text.into(),
    }
}

/// One article whose actors are `actors` and which reports a call between the first two.
fn facts(id: &str, date: &str, actors: Vec<ActorFact>) -> ArticleFacts {
    let text = format!("{id}: a call.");
    let published = diplograph::ingest::parse_date(date);
    let call = CallFact {
        mode: CallMode::Phone,
        participants: (0..2.min(actors.len()))
            .map(|i| ActorRef {
                actor: i,
                mention: mention(&actors[i].name),
            })
            .collect(),
        date: published,
        date_text: None,
        duration: None,
        topic: None,
        trigger: mention("call"),
        evidence: Evidence::sentence(id, Span::new(0, text.len()), &text),
        provenance: Provenance {
            rule: "test".into(),
            confidence: 0.9,
        },
    };
    ArticleFacts {
        article: ArticleMeta {
            id: id.into(),
            title: None,
            published,
            url: None,
            hash: Some(format!("{:016x}", fnv1a(text.as_bytes()))),
            source: None,
        },
        actors,
        calls: vec![call],
        statements: Vec::new(),
        events: Vec::new(),
    }
}

fn persons(g: &Graph, surname: &str) -> Vec<String> {
    g.actors()
        .filter(|a| a.name.contains(surname))
        .map(|a| a.id.clone())
        .collect()
}

#[test]
fn spelling_variants_and_transliterations_merge_across_articles() {
    let g = graph::build(
        vec![
            facts(
                "v1",
                "2024-01-02",
                vec![
                    actor("Bohdan Kovalenkyy", Some("President"), Some("Ukraine")),
                    actor("Selin Yıldırımoğlu", None, None),
                ],
            ),
            facts(
                "v2",
                "2024-01-03",
                vec![
                    actor("Bohdan Kovalenkiy", None, None),
                    actor(
                        "Selin Yildirimoglu",
                        Some("Foreign Minister"),
                        Some("Turkey"),
                    ),
                ],
            ),
            facts(
                "v3",
                "2024-01-04",
                vec![
                    actor("Kovalenky", Some("President"), None),
                    actor("Yildirimoglu", None, None),
                ],
            ),
        ],
        &BuildOptions::default(),
    );
    assert_eq!(
        persons(&g, "Kovalenk").len(),
        1,
        "{:#?}",
        g.actors().collect::<Vec<_>>()
    );
    assert_eq!(persons(&g, "ld").len(), 1);
    let k = g.actors().find(|a| a.name.contains("Kovalenk")).unwrap();
    assert_eq!(k.num_articles, 3);
    // the three reports of calls between the same two people on three days are three calls
    assert_eq!(calls(&g).len(), 3);
}

#[test]
fn roles_over_time_are_kept_with_their_dates() {
    let g = graph::build(
        vec![
            facts(
                "r1",
                "2020-05-01",
                vec![
                    actor(
                        "Marten Rutgers",
                        Some("Prime Minister"),
                        Some("Netherlands"),
                    ),
                    actor("Ana Lind", None, None),
                ],
            ),
            facts(
                "r2",
                "2025-02-01",
                vec![
                    actor("Rutgers", Some("Secretary General"), Some("NATO")),
                    actor("Ana Lind", None, None),
                ],
            ),
        ],
        &BuildOptions::default(),
    );
    let r: Vec<_> = g.actors().filter(|a| a.name.contains("Rutgers")).collect();
    assert_eq!(r.len(), 1, "{r:#?}");
    let roles: Vec<(&str, String)> = r[0]
        .roles
        .iter()
        .map(|x| (x.title.as_str(), format!("{:?}..{:?}", x.first, x.last)))
        .collect();
    assert_eq!(roles.len(), 2, "{roles:?}");
    assert_eq!(roles[0].0, "Prime Minister");
    assert_eq!(roles[1].0, "Secretary General");
    assert_eq!(r[0].title.as_deref(), Some("Secretary General"));
}

#[test]
fn a_name_after_a_regnal_title_is_not_a_surname() {
    // issue 3: "Pope Leo" joined the only full-named "… Leo" of the corpus
    let g = graph::build(
        vec![
            facts(
                "r1",
                "2024-01-02",
                vec![
                    actor("Marten Leo", Some("Historian"), None),
                    actor("Ana Lind", None, None),
                ],
            ),
            facts(
                "r2",
                "2024-01-03",
                vec![
                    actor("Leo", Some("Pope"), None),
                    actor("Ana Lind", None, None),
                ],
            ),
        ],
        &BuildOptions::default(),
    );
    let leos: Vec<_> = g.actors().filter(|a| a.name.contains("Leo")).collect();
    assert_eq!(leos.len(), 2, "{leos:#?}");
}

#[test]
fn two_people_sharing_a_surname_stay_apart() {
    let g = graph::build(
        vec![
            // two full-named Okafors with different roles
            facts(
                "s1",
                "2024-01-02",
                vec![
                    actor("Chidi Okafor", Some("President"), Some("Nigeria")),
                    actor("Ana Lind", None, None),
                ],
            ),
            facts(
                "s2",
                "2024-01-03",
                vec![
                    actor("Amara Okafor", Some("Foreign Minister"), Some("Ghana")),
                    actor("Ana Lind", None, None),
                ],
            ),
            // a titled surname-only mention joins the one whose title matches
            facts(
                "s3",
                "2024-01-04",
                vec![
                    actor("Okafor", Some("Foreign Minister"), None),
                    actor("Ana Lind", None, None),
                ],
            ),
            // surname-only people with different affiliations and no full name stay apart
            facts(
                "s4",
                "2024-01-05",
                vec![
                    actor("Brandvik", Some("Prime Minister"), Some("Norway")),
                    actor("Brandvik", Some("Senator"), Some("United States")),
                ],
            ),
        ],
        &BuildOptions::default(),
    );
    let ok = persons(&g, "Okafor");
    assert_eq!(ok.len(), 2, "{ok:?}");
    let amara = g.actors().find(|a| a.name == "Amara Okafor").unwrap();
    assert_eq!(amara.num_articles, 2, "{amara:#?}");
    let chidi = g.actors().find(|a| a.name == "Chidi Okafor").unwrap();
    assert_eq!(chidi.num_articles, 1);
    assert_eq!(persons(&g, "Brandvik").len(), 2);
    // and their call is one call between two actors
    let c = calls(&g)
        .into_iter()
        .find(|c| c.evidence[0].article == "s4")
        .unwrap();
    let ix = g.index[&c.id];
    assert_eq!(g.linked(ix, graph::Relation::Participant).len(), 2);
}

#[test]
fn statements_that_match_closely_merge() {
    let mut a = facts("q1", "2024-01-02", vec![actor("Ana Lind", None, None)]);
    let mut b = facts("q2", "2024-01-02", vec![actor("Ana Lind", None, None)]);
    for (f, text) in [
        (
            &mut a,
            "We will not accept any new tariffs on our farmers this year.",
        ),
        (
            &mut b,
            "we will not accept any new tariffs on our farmers this year",
        ),
    ] {
        let src = format!("\"{text}\" Lind said.");
        f.statements.push(StatementFact {
            speaker: Some(ActorRef {
                actor: 0,
                mention: mention("Lind"),
            }),
            direct: true,
            text: text.into(),
            date: f.article.published,
            date_text: None,
            evidence: Evidence::sentence(&f.article.id, Span::new(0, src.len()), &src),
            provenance: Provenance {
                rule: "test".into(),
                confidence: 0.9,
            },
        });
    }
    let g = graph::build(vec![a, b], &BuildOptions::default());
    let st: Vec<_> = g
        .nodes()
        .filter_map(|n| match n {
            Node::Statement(s) => Some(s),
            _ => None,
        })
        .collect();
    assert_eq!(st.len(), 1, "{st:#?}");
    assert_eq!(st[0].evidence.len(), 2);
    assert_eq!(st[0].num_articles, 2);
}

#[test]
fn incremental_build_merge_and_map_reduce_equal_the_build_of_the_union() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let old = write(d, "old.jsonl", &call_reports()[..2]);
    let mut rest = vec![call_reports()[2].clone()];
    rest.extend(other_reports());
    let new = write(d, "new.jsonl", &rest);
    let mut all_lines = call_reports();
    all_lines.extend(other_reports());
    all_lines.reverse();
    let all = write(d, "all.jsonl", &all_lines);

    let union = d.join("union.json");
    build(&[&all], &union, None);
    let union_bytes = std::fs::read(&union).unwrap();

    // build NEW --graph OLD --output OUT
    let g_old = d.join("old.json");
    build(&[&old], &g_old, None);
    let inc = d.join("inc.json");
    build(&[&new], &inc, Some(&g_old));
    assert!(
        std::fs::read(&inc).unwrap() == union_bytes,
        "incremental != union"
    );

    // in place: --output equal to --graph
    let inplace = d.join("inplace.json");
    std::fs::copy(&g_old, &inplace).unwrap();
    build(&[&new], &inplace, Some(&inplace));
    assert!(
        std::fs::read(&inplace).unwrap() == union_bytes,
        "in-place != union"
    );

    // merge a.json b.json -o c.json, in both orders
    let g_new = d.join("new.json");
    build(&[&new], &g_new, None);
    for (x, y) in [(&g_old, &g_new), (&g_new, &g_old)] {
        let m = d.join("merged.json");
        ok(&["merge", s(x), s(y), "-o", s(&m), "--quiet"]);
        assert!(std::fs::read(&m).unwrap() == union_bytes, "merge != union");
    }

    // extract (map) + merge-facts (reduce)
    let f1 = d.join("f1.jsonl");
    let f2 = d.join("f2.jsonl");
    ok(&["extract", s(&old), "-o", s(&f1), "--quiet"]);
    let stdout = ok(&["extract", s(&new), "--quiet"]);
    assert_eq!(stdout.lines().count(), 3);
    std::fs::write(&f2, stdout).unwrap();
    let mf = d.join("mf.json");
    ok(&["merge-facts", s(&f2), s(&f1), "--output", s(&mf), "--quiet"]);
    assert!(
        std::fs::read(&mf).unwrap() == union_bytes,
        "merge-facts != union"
    );
}

#[test]
fn re_adding_an_article_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let mut lines = call_reports();
    lines.extend(other_reports());
    let all = write(d, "all.jsonl", &lines);
    let g = d.join("g.json");
    build(&[&all], &g, None);
    let before = std::fs::read(&g).unwrap();
    // the same article again
    let again = write(d, "again.jsonl", &[lines[1].clone()]);
    build(&[&again], &g, Some(&g));
    assert!(
        std::fs::read(&g).unwrap() == before,
        "re-adding changed the graph"
    );
    let m = d.join("m.json");
    ok(&["merge", s(&g), s(&g), "-o", s(&m), "--quiet"]);
    assert!(
        std::fs::read(&m).unwrap() == before,
        "self-merge changed the graph"
    );
}

/// Issue 3 (RAMS windows, wire copies): the same text under another id is a second publication:
/// no new fact node, but the facts cite both articles.
#[test]
fn the_same_text_under_another_id_joins_the_same_facts() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let lines = call_reports();
    let g = d.join("g.json");
    build(&[&write(d, "one.jsonl", &[lines[0].clone()])], &g, None);
    let one: serde_json::Value = serde_json::from_slice(&std::fs::read(&g).unwrap()).unwrap();
    let copy = lines[0].replace("\"call-a\"", "\"call-a-copy\"");
    assert_ne!(copy, lines[0]);
    build(&[&write(d, "copy.jsonl", &[copy])], &g, Some(&g));
    let two: serde_json::Value = serde_json::from_slice(&std::fs::read(&g).unwrap()).unwrap();
    let kinds = |v: &serde_json::Value| -> Vec<String> {
        let mut k: Vec<String> = v["nodes"]
            .as_array()
            .unwrap()
            .iter()
            .map(|n| format!("{} {}", n["kind"], n["id"]))
            .collect();
        k.sort();
        k
    };
    assert_eq!(kinds(&one), kinds(&two), "a copy adds no node");
    assert_eq!(two["graph"]["articles"].as_array().unwrap().len(), 2);
    let facts: Vec<&serde_json::Value> = two["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|n| n["kind"] != "actor")
        .collect();
    assert!(!facts.is_empty());
    for n in facts {
        let arts: std::collections::BTreeSet<&str> = n["evidence"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e["article"].as_str().unwrap())
            .collect();
        assert_eq!(arts.len(), 2, "{n}");
        assert_eq!(n["num_articles"], 2, "{n}");
    }
}

#[test]
fn a_build_killed_half_way_leaves_the_old_graph_intact() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let g = d.join("g.json");
    build(&[&write(d, "small.jsonl", &call_reports())], &g, None);
    let before = std::fs::read(&g).unwrap();
    // a big input: many distinct articles
    let mut big = String::new();
    for i in 0..20_000 {
        big.push_str(&line(
            &format!("big-{i}"),
            "2024-04-01",
            "https://bulk.example/x",
            &format!(
                "Chilean Foreign Minister Ignacia Moraga met with Peruvian Foreign Minister Raúl \
                 Quispenta in Lima on Monday, report number {i}. \"The talks on the border were \
                 useful,\" Moraga said after the meeting number {i}."
            ),
        ));
    }
    let bigp = d.join("big.jsonl");
    std::fs::write(&bigp, big).unwrap();
    let mut child = Command::new(BIN)
        .args([
            "build",
            s(&bigp),
            "--graph",
            s(&g),
            "--output",
            s(&g),
            "--quiet",
        ])
        .spawn()
        .unwrap();
    std::thread::sleep(std::time::Duration::from_millis(700));
    let finished = child.try_wait().unwrap().is_some();
    child.kill().unwrap(); // SIGKILL
    child.wait().unwrap();
    assert!(
        !finished,
        "the build finished before it could be killed; make the input bigger"
    );
    let after = std::fs::read(&g).unwrap();
    assert!(after == before, "the old graph changed");
    Graph::read(&g).expect("the old graph still parses");
}

#[test]
fn every_query_command_runs_in_every_format() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let mut lines = call_reports();
    lines.extend(other_reports());
    let g = d.join("g.json");
    build(&[&write(d, "all.jsonl", &lines)], &g, None);
    let gs = s(&g);
    let queries: Vec<Vec<&str>> = vec![
        vec![
            "who-spoke-with",
            "moraga",
            "--since",
            "2024-03-01",
            "--until",
            "2024-03-31",
        ],
        vec!["timeline", "moraga"],
        vec!["path", "velarde", "condoriva"],
        vec!["neighbors", "moraga", "--depth", "2"],
        vec!["top", "--limit", "3"],
        vec!["stats"],
        vec!["calls"],
        vec!["statements"],
        vec!["events"],
        vec!["actors"],
    ];
    for q in &queries {
        for fmt in [
            &[][..],
            &["--json"],
            &["--jsonl"],
            &["--format", "csv"],
            &["--format", "table"],
        ] {
            let mut args = vec!["query"];
            args.extend(q);
            args.extend(["--graph", gs]);
            args.extend(fmt);
            let out = ok(&args);
            if fmt == ["--json"] {
                serde_json::from_str::<serde_json::Value>(&out).expect("--json is JSON");
                // one renderer for every question: `--json` is `--format json`, fields in the
                // same order as in JSON Lines and CSV
                let mut same = vec!["query"];
                same.extend(q);
                same.extend(["--graph", gs, "--format", "json"]);
                assert_eq!(ok(&same), out, "{q:?}");
            }
            if fmt == ["--jsonl"] {
                for l in out.lines() {
                    serde_json::from_str::<serde_json::Value>(l).expect("--jsonl lines are JSON");
                }
            }
        }
    }
    // the answers themselves
    let path: Vec<serde_json::Value> = serde_json::from_str(&ok(&[
        "query",
        "path",
        "velarde",
        "condoriva",
        "--graph",
        gs,
        "--json",
    ]))
    .unwrap();
    let hops: Vec<(&str, &str)> = path
        .iter()
        .map(|r| (r["from"].as_str().unwrap(), r["to"].as_str().unwrap()))
        .collect();
    assert_eq!(hops.len(), 3, "{path:#?}");
    assert!(
        hops[0].0.contains("Velarde") && hops[2].1.contains("Condoriva"),
        "{hops:?}"
    );
    let n1 = ok(&["query", "neighbors", "moraga", "--graph", gs, "--jsonl"]);
    assert_eq!(n1.lines().count(), 2, "{n1}");
    let n2 = ok(&[
        "query",
        "neighbors",
        "moraga",
        "--depth",
        "2",
        "--graph",
        gs,
        "--jsonl",
    ]);
    assert_eq!(n2.lines().count(), 3, "{n2}");
    let stats = ok(&["query", "stats", "--graph", gs]);
    assert!(stats.contains("articles") && stats.contains('5'), "{stats}");
    // a stale index is noticed: the answers come from the graph after it changes
    std::fs::remove_file(diplograph::query::index_path(&g)).unwrap();
    assert_eq!(ok(&["query", "stats", "--graph", gs]), stats);
}

#[test]
fn undated_mentions_join_a_dated_call_only_when_they_can_report_it() {
    // issue 3: an undated "they met" in any later article, or one with a vague time of its own
    // ("in 2019"), joined the dated meeting of the same pair and took its day
    let article = |id: &str, published: &str, text: &str| Article {
        id: id.into(),
        published: chrono::NaiveDate::parse_from_str(published, "%Y-%m-%d").ok(),
        text: text.into(),
        ..Article::default()
    };
    let limits = diplograph::pipeline::Limits::default();
    let facts = [
        article(
            "m1",
            "2024-05-10",
            "President Ana Lind met Chancellor Mia Dunn in Varna on Monday.",
        ),
        article(
            "m2",
            "2024-05-11",
            "Ana Lind and Mia Dunn met in Varna, officials said.",
        ),
        article(
            "m3",
            "2024-09-20",
            "Ana Lind met Chancellor Mia Dunn in Oslo.",
        ),
        article(
            "m4",
            "2024-05-10",
            "In 2019, President Ana Lind met Chancellor Mia Dunn in Oslo.",
        ),
    ]
    .iter()
    .map(|a| diplograph::pipeline::extract_article(a, &limits))
    .collect();
    let g = graph::build(facts, &BuildOptions::default());
    let mut found: Vec<(Option<String>, Vec<String>)> = calls(&g)
        .iter()
        .map(|c| {
            let mut arts: Vec<String> = c.evidence.iter().map(|e| e.article.clone()).collect();
            arts.sort();
            (c.date.map(|d| d.to_string()), arts)
        })
        .collect();
    found.sort();
    assert_eq!(
        found,
        vec![
            (None, vec!["m3".to_string(), "m4".to_string()]),
            (
                Some("2024-05-06".to_string()),
                vec!["m1".to_string(), "m2".to_string()]
            ),
        ]
    );
}
