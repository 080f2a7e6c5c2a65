//! Property tests: random and adversarial text through `extract_article` never panics, every
//! span of the facts and of the graph lies inside the text on char boundaries and carries exactly
//! those bytes, and the graph JSON reads back to the same JSON.

use diplograph::ArticleFacts;
use diplograph::export::{self, DotOptions, Format};
use diplograph::graph::{self, BuildOptions};
use diplograph::types::Evidence;
use proptest::prelude::*;

use crate::util::{article, assert_span, assert_text_span};

/// Fragments that stress cleaning, segmentation, quotes, names and numbers.
const FRAGMENTS: &[&str] = &[
    "\"",
    "“",
    "”",
    "‘",
    "’",
    "’s",
    "'s",
    "«",
    "»",
    "\r",
    "\r\n",
    "\n",
    "\n\n",
    "\t",
    " ",
    "  ",
    ".",
    "...",
    "…",
    "!!!!!!!!",
    "?!",
    ",",
    ";",
    ":",
    "—",
    "–",
    "-",
    "(",
    ")",
    "[",
    "]",
    "\u{200b}",
    "\u{feff}",
    "\u{00a0}",
    "\u{2028}",
    "e\u{301}",
    "🇺🇦",
    "👍🏽",
    "ß",
    "İ",
    "ﬁ",
    "said",
    " said ",
    "she said",
    ", he said. ",
    "according to",
    "told reporters",
    "President",
    "Foreign Minister",
    "Secretary General",
    "Prime Minister Anna Kovač",
    "Volodymyr Zelensky",
    "Mark Rutte",
    "Erdoğan",
    "Ukrainian",
    "NATO",
    "the United States",
    " spoke with ",
    " held a phone call with ",
    " met with ",
    " and ",
    "his counterpart",
    "on Friday",
    "on Monday",
    "yesterday",
    "last week",
    "21 November",
    "2025-11-21",
    " were killed",
    ", including six children,",
    " in a missile strike on ",
    "Twelve people",
    "31",
    "1,000",
    "0",
    "4294967296",
    "killed 99999999999 people",
    "He",
    " she ",
    "They",
];

fn fragment() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => prop::sample::select(FRAGMENTS).prop_map(str::to_string),
        1 => any::<String>(),
        1 => "[A-ZÀ-Ž][a-zà-ž]{1,10}( [A-Z][a-z]{1,10})?",
        1 => "[.,;:!?…—–\"“”‘’'()\\[\\] \r\n]{1,40}",
        1 => "[0-9]{1,12}",
    ]
}

fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(fragment(), 0..48).prop_map(|v| v.concat())
}

fn check_evidence(text: &str, e: &Evidence, what: &str) {
    assert_span(text, e.start, e.end, &e.text, what);
    for (s, name) in [
        (&e.content, "content"),
        (&e.cue, "cue"),
        (&e.speaker_mention, "speaker_mention"),
    ] {
        if let Some(s) = s {
            assert_text_span(text, s, &format!("{what} {name}"));
        }
    }
}

fn check_facts(text: &str, f: &ArticleFacts) {
    for a in &f.actors {
        for m in &a.mentions {
            assert_text_span(text, m, &format!("mention of actor {}", a.name));
        }
    }
    let n_actors = f.actors.len();
    for c in &f.calls {
        for p in &c.participants {
            assert!(p.actor < n_actors, "participant refers to a missing actor");
            assert_text_span(text, &p.mention, "call participant");
        }
        assert_text_span(text, &c.trigger, "call trigger");
        check_evidence(text, &c.evidence, "call evidence");
    }
    for s in &f.statements {
        if let Some(p) = &s.speaker {
            assert!(p.actor < n_actors, "speaker refers to a missing actor");
            assert_text_span(text, &p.mention, "statement speaker");
        }
        check_evidence(text, &s.evidence, "statement evidence");
    }
    for e in &f.events {
        for p in [&e.perpetrator, &e.location_actor].into_iter().flatten() {
            assert!(p.actor < n_actors, "event actor refers to a missing actor");
            assert_text_span(text, &p.mention, "event actor");
        }
        assert_text_span(text, &e.trigger, "event trigger");
        check_evidence(text, &e.evidence, "event evidence");
    }
}

/// The whole pipeline on `text`, with every invariant checked.
fn check_text(text: &str, published: &str) {
    let a = article("prop", published, text);
    let facts = diplograph::pipeline::extract_article(&a, &Default::default());
    check_facts(text, &facts);
    let g = graph::build(vec![facts], &BuildOptions::default());
    for n in g.nodes() {
        for e in n.evidence() {
            assert_eq!(e.article, "prop");
            check_evidence(text, e, &format!("evidence of {}", n.id()));
        }
    }
    for (s, t, e) in g.edges() {
        if let Some(m) = &e.mention {
            assert_text_span(text, m, &format!("edge {s} -> {t}"));
        }
    }
    let json = g.to_json_string();
    let v: serde_json::Value = serde_json::from_str(&json).expect("graph JSON parses");
    assert_eq!(v["graph"]["schema"], "diplograph/1");
    let back = diplograph::Graph::from_json_str(&json, std::path::Path::new("prop.json"))
        .expect("graph JSON reads back");
    assert_eq!(
        back.to_json_string(),
        json,
        "JSON round trip changed the graph"
    );
    let _ = export::to_string(&back, Format::Dot, &DotOptions { statements: true });
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn random_and_adversarial_text_keeps_spans_in_bounds(
        text in text(),
        published in prop::sample::select(&["2025-11-21", "1970-01-01", "2099-12-31", "none"][..]),
    ) {
        check_text(&text, published);
    }
}

#[test]
fn fixed_adversarial_texts_keep_spans_in_bounds() {
    let long_punct = "!?.…“”\"’".repeat(500);
    let texts = [
        String::new(),
        " ".into(),
        "\r".into(),
        "\r\n\r\n\r\n".into(),
        "“".into(),
        "”“”“”“".into(),
        "’s".into(),
        "’s’s’s President’s".into(),
        "\"\"\"\"\"said\"\"\"".into(),
        "“Unclosed quote, Zelensky said.".into(),
        "Closed quote,” she said. “".into(),
        "He said. She said. They said.".into(),
        long_punct,
        "President Zelensky spoke with\r\nNATO Secretary General Mark Rutte\ron Friday.".into(),
        "Twelve people were killed, including two children, in a missile strike on".into(),
        "were killed, including".into(),
        "4294967296 people were killed in a strike on Foo.".into(),
        "İstanbul’da Erdoğan, Kovač’s “partner”, said «non».".into(),
        "e\u{301}\u{301}\u{301} said \u{200b}\u{feff}\u{2028}\u{2029}".into(),
        "🇺🇦🇺🇦 President 👍🏽 spoke with 🏳️‍🌈 on Monday.".into(),
        "a".repeat(10_000),
        "Mr. Dr. St. U.S. U.N. e.g. i.e. No. 5.".into(),
    ];
    for t in &texts {
        for published in ["2025-11-21", "none"] {
            check_text(t, published);
        }
    }
}

const INGEST_FRAGMENTS: &[&[u8]] = &[
    b"\n",
    b"\r",
    b"\r\n",
    b"\xEF\xBB\xBF",
    b"\0",
    b"\xFF",
    b"\xC3",
    b"{",
    b"}",
    b"\"",
    b"\\",
    b"\\u0000",
    b"\\ud800",
    b"[",
    b"]",
    b":",
    b",",
    b"\"text\"",
    b"null",
    b"{\"text\":",
    b"{\"id\":1,\"text\":\"",
    b"\"}",
];

/// Bytes that stress ingest: JSON syntax, escapes, line ends, BOMs, NULs and invalid UTF-8.
fn ingest_bytes() -> impl Strategy<Value = Vec<u8>> {
    let piece = prop_oneof![
        3 => text().prop_map(|t| serde_json::json!({"id": "p", "text": t}).to_string().into_bytes()),
        2 => text().prop_map(|t| serde_json::json!({"text": t, "published": "2025-11-21"}).to_string().into_bytes()),
        1 => text().prop_map(String::into_bytes),
        1 => prop::sample::select(INGEST_FRAGMENTS).prop_map(<[u8]>::to_vec),
        1 => prop::collection::vec(any::<u8>(), 0..40),
    ];
    prop::collection::vec(piece, 0..12).prop_map(|v| v.join(&b"\n"[..]))
}

/// Ingest (JSONL or one text article) plus the pipeline on `bytes`, every invariant checked.
fn check_ingest(bytes: &[u8], jsonl: bool) {
    use diplograph::ingest::{Ingest, IngestOptions, Record};
    let opts = IngestOptions {
        published: None,
        max_article_bytes: 1 << 16,
    };
    let recs: Vec<Record> = if jsonl {
        Ingest::from_jsonl_reader("p.jsonl", std::io::Cursor::new(bytes.to_vec()), opts).collect()
    } else {
        Ingest::from_text_bytes("p.txt", "p", bytes.to_vec(), opts).collect()
    };
    let mut facts = Vec::new();
    for r in recs {
        match r {
            Record::Article(a) => {
                let f = diplograph::pipeline::extract_article(&a, &Default::default());
                check_facts(&a.text, &f);
                facts.push(f);
            }
            Record::Skipped { origin, reason }
            | Record::Warning {
                origin,
                message: reason,
            } => {
                assert!(origin.starts_with("p."), "{origin}");
                assert!(!reason.is_empty());
            }
        }
    }
    let json = graph::build(facts, &BuildOptions::default()).to_json_string();
    let v: serde_json::Value = serde_json::from_str(&json).expect("graph JSON parses");
    assert_eq!(v["graph"]["schema"], "diplograph/1");
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn random_and_adversarial_input_bytes_through_ingest_and_pipeline(
        bytes in ingest_bytes(),
        jsonl in any::<bool>(),
    ) {
        check_ingest(&bytes, jsonl);
    }
}
