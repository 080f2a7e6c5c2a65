//! Fuzzes ingest (JSONL line parsing, or one text article) plus the whole per-article pipeline
//! and the graph's JSON round trip. The first input byte picks the mode; the rest is the input.
//!
//! Asserts: no panic; every span of the facts lies within the article text, on char boundaries,
//! and carries exactly those bytes; the graph JSON parses and reads back to the same graph.

#![no_main]

use diplograph::graph::{self, BuildOptions};
use diplograph::ingest::{Ingest, IngestOptions, Record};
use diplograph::pipeline::{Limits, extract_article};
use diplograph::types::TextSpan;
use libfuzzer_sys::fuzz_target;

fn check(text: &str, s: &TextSpan) {
    assert!(s.start <= s.end && s.end <= text.len(), "span out of bounds");
    assert!(
        text.is_char_boundary(s.start) && text.is_char_boundary(s.end),
        "span not on char boundaries"
    );
    assert_eq!(&text[s.start..s.end], s.text, "span text differs");
}

fuzz_target!(|data: &[u8]| {
    let Some((&mode, rest)) = data.split_first() else {
        return;
    };
    let opts = IngestOptions {
        published: None,
        max_article_bytes: 1 << 16,
    };
    let ingest = if mode & 1 == 0 {
        Ingest::from_jsonl_reader("fuzz.jsonl", std::io::Cursor::new(rest.to_vec()), opts)
    } else {
        Ingest::from_text_bytes("fuzz.txt", "fuzz", rest.to_vec(), opts)
    };
    // small limits (by mode) so the limit paths are fuzzed too
    let limits = if mode & 2 == 0 {
        Limits::default()
    } else {
        Limits {
            max_sentences: (mode >> 2 & 7) as usize,
            max_mentions: (mode >> 5) as usize,
        }
    };
    let mut facts = Vec::new();
    for rec in ingest {
        if let Record::Article(a) = rec {
            let f = extract_article(&a, &limits);
            let t = a.text.as_str();
            for actor in &f.actors {
                for m in &actor.mentions {
                    check(t, m);
                }
            }
            for c in &f.calls {
                check(t, &c.trigger);
                for p in &c.participants {
                    check(t, &p.mention);
                }
            }
            for s in &f.statements {
                for x in [&s.evidence.content, &s.evidence.cue, &s.evidence.speaker_mention]
                    .into_iter()
                    .flatten()
                {
                    check(t, x);
                }
            }
            for e in &f.events {
                check(t, &e.trigger);
            }
            facts.push(f);
        }
    }
    let g = graph::build(facts, &BuildOptions::default());
    let json = g.to_json_string();
    serde_json::from_str::<serde_json::Value>(&json).expect("graph JSON parses");
    let back = diplograph::Graph::from_json_str(&json, std::path::Path::new("fuzz.json"))
        .expect("graph JSON reads back");
    assert_eq!(back.to_json_string(), json, "JSON round trip changed the graph");
});
