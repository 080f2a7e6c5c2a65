//! Criterion benches: one per pipeline stage (clean, segment, actors, extract, time, graph) and
//! one end to end, on synthetic news articles generated here (made-up names, no corpus text).
//!
//! Every bench asserts what it counts, so a stage that silently does nothing fails the bench:
//! clean and segment are checked against exact figures the generator knows (paragraphs,
//! sentences, tokens); the later stages against the facts the generator planted (one call, one
//! quoted statement and one attack per article, a named person per call side).
//!
//! Run: `cargo bench --bench pipeline` (all) or `cargo bench --bench pipeline -- segment`.

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use diplograph::actors::{MentionKind, recognize};
use diplograph::clean::clean;
use diplograph::extract::{calls, events, statements};
use diplograph::graph::{self, BuildOptions};
use diplograph::pipeline::{Limits, extract_article};
use diplograph::segment::segment;
use diplograph::time;
use diplograph::{Article, ArticleFacts};

/// Articles per bench iteration.
const ARTICLES: usize = 200;

/// A tiny deterministic PRNG (no dependency, same corpus on every run).
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        self.0 >> 33
    }
    fn pick<'a>(&mut self, xs: &[&'a str]) -> &'a str {
        xs[(self.next() as usize) % xs.len()]
    }
}

const SYL: &[&str] = &[
    "ka", "lo", "mi", "ra", "te", "vo", "zan", "dor", "bel", "qui", "sta", "nor", "fen", "gul",
];
const GIVEN: &[&str] = &[
    "John", "Maria", "David", "Anna", "Peter", "Elena", "Thomas", "Sara",
];
const COUNTRIES: &[&str] = &[
    "France", "Germany", "Japan", "Brazil", "Kenya", "Canada", "India", "Mexico",
];
const WEEKDAYS: &[&str] = &["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"];
const FILLER: &[&str] = &[
    "The two sides have discussed trade and energy for several months",
    "Further meetings are planned before the end of the year",
    "Markets were calm after the announcement",
    "The ministry did not give further details",
];

/// A made-up surname from syllables, unique per `n` (capitalised).
fn surname(n: usize) -> String {
    let mut s = String::new();
    let mut k = n + 7;
    for _ in 0..3 {
        s.push_str(SYL[k % SYL.len()]);
        k /= SYL.len();
    }
    let mut c = s.chars();
    let first = c.next().unwrap().to_ascii_uppercase();
    format!("{first}{}", c.as_str())
}

/// What the generator put into its articles.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
struct Planted {
    /// Prose paragraphs kept by clean.
    paragraphs: usize,
    /// Junk lines dropped by clean.
    junk: usize,
    sentences: usize,
    tokens: usize,
    calls: usize,
    statements: usize,
    events: usize,
}

/// Joins tokens into text: a space before each, except before `.`, `,` and a closing quote and
/// after an opening quote. Counts the tokens and the sentence.
fn sentence(toks: &[&str], p: &mut Planted) -> String {
    p.sentences += 1;
    let mut out = String::new();
    let mut glue = true;
    for t in toks.iter().flat_map(|t| t.split(' ')) {
        p.tokens += 1;
        if !glue && !matches!(t, "." | "," | "\u{201D}") {
            out.push(' ');
        }
        out.push_str(t);
        glue = t == "\u{201C}";
    }
    out
}

/// One synthetic article: four prose paragraphs (six sentences) and two junk lines.
fn article(i: usize, rng: &mut Lcg, p: &mut Planted) -> Article {
    let (a, b) = (surname(2 * i), surname(2 * i + 1));
    let (ga, gb) = (rng.pick(GIVEN), rng.pick(GIVEN));
    let (ca, cb) = (COUNTRIES[i % 8], COUNTRIES[(i + 3) % 8]);
    let day = rng.pick(WEEKDAYS);
    let n_killed = format!("{}", 3 + i % 40);
    // 1. the call: "<Country> Foreign Minister <Given> <Surname> held a phone call with ..."
    let call = [
        ca, "Foreign", "Minister", ga, &a, "held", "a", "phone", "call", "with", cb, "Foreign",
        "Minister", gb, &b, "on", day, ".",
    ];
    let p1 = format!(
        "{} {}",
        sentence(&call, p),
        sentence(&[rng.pick(FILLER), "."], p)
    );
    p.calls += 1;
    // 2. a quoted statement: “We want ...,” <Surname> said.
    let quote = [
        "\u{201C}",
        "We want a lasting agreement and stable trade",
        ",",
        "\u{201D}",
        &a,
        "said",
        ".",
    ];
    let p2 = sentence(&quote, p);
    p.statements += 1;
    // 3. an attack with a toll
    let attack = [
        "A bombing in a market killed",
        &n_killed,
        "people on",
        day,
        ".",
    ];
    let p3 = sentence(&attack, p);
    p.events += 1;
    // 4. filler, two sentences
    let p4 = format!(
        "{} {}",
        sentence(&[rng.pick(FILLER), "."], p),
        sentence(&[rng.pick(FILLER), "."], p)
    );
    p.paragraphs += 4;
    // junk that clean must drop
    let text = format!("{p1}\nRead more\n{p2}\n\n/images/photo-{i}.jpg\n{p3}\n{p4}\n");
    p.junk += 2;
    Article {
        id: format!("synthetic/{i:05}"),
        title: None,
        published: chrono::NaiveDate::from_ymd_opt(2025, 3, 1 + (i % 28) as u32),
        url: None,
        text,
    }
}

fn corpus(n: usize) -> (Vec<Article>, Planted) {
    let mut rng = Lcg(42);
    let mut p = Planted::default();
    let arts = (0..n).map(|i| article(i, &mut rng, &mut p)).collect();
    (arts, p)
}

fn bytes(arts: &[Article]) -> u64 {
    arts.iter().map(|a| a.text.len() as u64).sum()
}

fn bench_clean(c: &mut Criterion) {
    let (arts, p) = corpus(ARTICLES);
    let mut g = c.benchmark_group("stage");
    g.throughput(Throughput::Bytes(bytes(&arts)));
    g.bench_function("clean", |b| {
        b.iter(|| {
            let (mut kept, mut dropped) = (0, 0);
            for a in &arts {
                let c = clean(black_box(&a.text));
                kept += c.paragraphs.len();
                dropped += c.dropped.len();
            }
            assert_eq!((kept, dropped), (p.paragraphs, p.junk));
        })
    });
    g.finish();
}

fn bench_segment(c: &mut Criterion) {
    let (arts, p) = corpus(ARTICLES);
    let cleaned: Vec<_> = arts.iter().map(|a| clean(&a.text)).collect();
    let mut g = c.benchmark_group("stage");
    g.throughput(Throughput::Bytes(bytes(&arts)));
    g.bench_function("segment", |b| {
        b.iter(|| {
            let (mut sents, mut toks) = (0, 0);
            for (a, cl) in arts.iter().zip(&cleaned) {
                let d = segment(black_box(&a.text), cl);
                sents += d.sentences.len();
                toks += d.tokens.len();
            }
            assert_eq!((sents, toks), (p.sentences, p.tokens));
        })
    });
    g.finish();
}

fn bench_actors(c: &mut Criterion) {
    let (arts, _) = corpus(ARTICLES);
    let cleaned: Vec<_> = arts.iter().map(|a| clean(&a.text)).collect();
    let docs: Vec<_> = arts
        .iter()
        .zip(&cleaned)
        .map(|(a, cl)| segment(&a.text, cl))
        .collect();
    let mut g = c.benchmark_group("stage");
    g.throughput(Throughput::Bytes(bytes(&arts)));
    g.bench_function("actors", |b| {
        b.iter(|| {
            let mut persons = 0;
            for d in &docs {
                let act = recognize(black_box(d));
                // both ministers are recognised as named mentions of person entities
                persons += act
                    .mentions
                    .iter()
                    .filter(|m| m.kind == MentionKind::Name)
                    .filter_map(|m| m.entity)
                    .filter(|&e| act.entities[e].actor_type == diplograph::types::ActorType::Person)
                    .map(|e| act.entities[e].name.as_str())
                    .collect::<std::collections::BTreeSet<_>>()
                    .len();
            }
            assert_eq!(persons, 2 * arts.len());
        })
    });
    g.finish();
}

fn bench_extract(c: &mut Criterion) {
    let (arts, p) = corpus(ARTICLES);
    let cleaned: Vec<_> = arts.iter().map(|a| clean(&a.text)).collect();
    let docs: Vec<_> = arts
        .iter()
        .zip(&cleaned)
        .map(|(a, cl)| segment(&a.text, cl))
        .collect();
    let acts: Vec<_> = docs.iter().map(recognize).collect();
    let mut g = c.benchmark_group("stage");
    g.throughput(Throughput::Bytes(bytes(&arts)));
    g.bench_function("extract", |b| {
        b.iter(|| {
            let (mut nc, mut ns, mut ne) = (0, 0, 0);
            for (d, act) in docs.iter().zip(&acts) {
                nc += calls::extract(black_box(d), act).len();
                ns += statements::extract(d, act).len();
                ne += events::extract(d, act).len();
            }
            assert_eq!((nc, ns, ne), (p.calls, p.statements, p.events));
        })
    });
    g.finish();
}

fn bench_time(c: &mut Criterion) {
    let (arts, _) = corpus(ARTICLES);
    let cleaned: Vec<_> = arts.iter().map(|a| clean(&a.text)).collect();
    let docs: Vec<_> = arts
        .iter()
        .zip(&cleaned)
        .map(|(a, cl)| segment(&a.text, cl))
        .collect();
    let mut g = c.benchmark_group("stage");
    g.throughput(Throughput::Bytes(bytes(&arts)));
    g.bench_function("time", |b| {
        b.iter(|| {
            let mut dated = 0;
            for (a, d) in arts.iter().zip(&docs) {
                dated += time::find(black_box(d), a.published)
                    .iter()
                    .filter(|e| e.date.is_some())
                    .count();
            }
            // two weekday expressions per article ("on Tuesday"), both resolved to a day
            assert_eq!(dated, 2 * arts.len());
        })
    });
    g.finish();
}

fn facts_of_corpus(arts: &[Article]) -> Vec<ArticleFacts> {
    let limits = Limits::default();
    arts.iter().map(|a| extract_article(a, &limits)).collect()
}

fn count_facts(g: &diplograph::Graph) -> (usize, usize, usize) {
    let (mut c, mut s, mut e) = (0, 0, 0);
    for n in g.nodes() {
        match n.kind() {
            "call" | "meeting" => c += 1,
            "statement" => s += 1,
            "event" => e += 1,
            _ => {}
        }
    }
    (c, s, e)
}

fn bench_graph(c: &mut Criterion) {
    let (arts, p) = corpus(ARTICLES);
    let facts = facts_of_corpus(&arts);
    let opts = BuildOptions::default();
    let mut g = c.benchmark_group("stage");
    g.throughput(Throughput::Bytes(bytes(&arts)));
    g.bench_function("graph", |b| {
        b.iter_batched(
            || facts.clone(),
            |f| {
                let gr = graph::build(black_box(f), &opts);
                assert_eq!(gr.articles.len(), arts.len());
                assert_eq!(count_facts(&gr), (p.calls, p.statements, p.events));
                gr
            },
            criterion::BatchSize::LargeInput,
        )
    });
    g.finish();
}

fn bench_end_to_end(c: &mut Criterion) {
    let (arts, p) = corpus(ARTICLES);
    let sample = diplograph::sample_article();
    let opts = BuildOptions::default();
    let mut g = c.benchmark_group("end_to_end");
    g.throughput(Throughput::Bytes(bytes(&arts)));
    g.bench_function("synthetic_to_json", |b| {
        b.iter(|| {
            let gr = graph::build(facts_of_corpus(black_box(&arts)), &opts);
            assert_eq!(count_facts(&gr), (p.calls, p.statements, p.events));
            let json = gr.to_json_string();
            assert!(json.len() > bytes(&arts) as usize);
            json.len()
        })
    });
    g.throughput(Throughput::Bytes(sample.text.len() as u64));
    g.bench_function("sample_article", |b| {
        let limits = Limits::default();
        b.iter(|| {
            let f = extract_article(black_box(&sample), &limits);
            // the sample reports two calls (Vance, Rutte) and several quotes
            assert!(f.calls.len() >= 2 && f.statements.len() >= 3);
            f
        })
    });
    g.finish();
}

criterion_group!(
    benches,
    bench_clean,
    bench_segment,
    bench_actors,
    bench_extract,
    bench_time,
    bench_graph,
    bench_end_to_end
);
criterion_main!(benches);
