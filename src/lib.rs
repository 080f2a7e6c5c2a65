//! diplograph: news articles about diplomacy in, a time-stamped knowledge graph out.
//!
//! The pipeline, one module per stage with typed hand-offs:
//! [`ingest`] → [`clean`] → [`segment`] → [`actors`] → [`extract`] (calls, statements, events)
//! → [`time`] → [`graph`] → [`query`] / [`export`]. [`pipeline`] runs the per-article stages,
//! [`corpus`] runs a whole corpus in parallel. Shared types live in [`types`].

pub mod actors;
pub mod cameo;
pub mod clean;
pub mod corpus;
pub mod error;
pub mod explain;
pub mod export;
pub mod extract;
pub mod graph;
pub mod ingest;
pub mod jsonw;
pub mod lexicon;
pub mod normalize;
pub mod pipeline;
pub mod query;
pub mod render;
pub mod segment;
pub mod table;
pub mod time;
pub mod types;

pub use error::{Error, Result};
pub use graph::Graph;
pub use types::{Article, ArticleFacts};

/// The bundled sample article (a scraped page, junk lines and all), as JSONL.
pub const SAMPLE_JSONL: &str = include_str!("../graphs/sample/sample.jsonl");

/// The sample article, parsed.
pub fn sample_article() -> Article {
    let v: serde_json::Value = serde_json::from_str(SAMPLE_JSONL.trim()).expect("sample is JSON");
    Article {
        id: v["id"].as_str().unwrap_or("sample").to_string(),
        title: v["title"].as_str().map(str::to_string),
        published: v["published"].as_str().and_then(ingest::parse_date),
        url: v["url"].as_str().map(str::to_string),
        text: v["text"].as_str().unwrap_or("").to_string(),
    }
}
