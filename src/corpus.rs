//! Whole-corpus runs: input paths in, facts or a graph out, with a report of what was skipped.
//!
//! Articles stream from [`ingest`](crate::ingest) in batches; each batch is extracted in parallel
//! with rayon (the map stage) and only its facts are kept, so memory grows with the graph, not
//! with the input. [`graph::build`](crate::graph::build) sorts by article id, so the result is the
//! same for any thread count and any input order.

use std::io::Write;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::error::{Error, Result};
use crate::graph::{self, BuildOptions, Graph};
use crate::ingest::{Ingest, IngestOptions, Record};
use crate::pipeline::{Limits, extract_article};
use crate::types::{Article, ArticleFacts};

#[derive(Clone, Debug, Default)]
pub struct RunOptions {
    pub ingest: IngestOptions,
    pub limits: Limits,
    pub build: BuildOptions,
    /// Articles per parallel batch.
    pub batch: usize,
}

/// What a run read and skipped.
#[derive(Clone, Debug, Default)]
pub struct Report {
    pub read: usize,
    pub bytes: u64,
    pub skipped: Vec<(String, String)>,
    pub warnings: Vec<(String, String)>,
}

impl Report {
    pub fn summary(&self) -> String {
        let mut s = format!("{} read, {} skipped", self.read, self.skipped.len());
        if !self.skipped.is_empty() {
            let mut reasons: std::collections::BTreeMap<String, usize> = Default::default();
            for (_, r) in &self.skipped {
                let key = r.split(':').next().unwrap_or(r).to_string();
                *reasons.entry(key).or_default() += 1;
            }
            let r: Vec<String> = reasons.iter().map(|(k, n)| format!("{n} {k}")).collect();
            s.push_str(&format!(" ({})", r.join(", ")));
        }
        s
    }
}

/// Streams the articles of `inputs` through the pipeline, calling `sink` with each batch's facts
/// in input order, and `progress` with (articles, bytes) so far.
pub fn extract_stream(
    inputs: &[PathBuf],
    opts: &RunOptions,
    mut sink: impl FnMut(Vec<ArticleFacts>),
    mut progress: impl FnMut(usize, u64),
    mut notice: impl FnMut(&str, &str, bool),
) -> Report {
    let mut report = Report::default();
    let batch_size = if opts.batch == 0 { 256 } else { opts.batch };
    let mut batch: Vec<Article> = Vec::with_capacity(batch_size);
    let run = |batch: &mut Vec<Article>| -> Vec<ArticleFacts> {
        let out: Vec<ArticleFacts> = batch
            .par_iter()
            .map(|a| extract_article(a, &opts.limits))
            .collect();
        batch.clear();
        out
    };
    for rec in Ingest::new(inputs, opts.ingest.clone()) {
        match rec {
            Record::Article(a) => {
                report.read += 1;
                report.bytes += a.text.len() as u64;
                batch.push(a);
                if batch.len() >= batch_size {
                    sink(run(&mut batch));
                    progress(report.read, report.bytes);
                }
            }
            Record::Skipped { origin, reason } => {
                notice(&origin, &reason, true);
                report.skipped.push((origin, reason));
            }
            Record::Warning { origin, message } => {
                notice(&origin, &message, false);
                report.warnings.push((origin, message));
            }
        }
    }
    if !batch.is_empty() {
        sink(run(&mut batch));
        progress(report.read, report.bytes);
    }
    report
}

/// Builds one graph from `inputs` (plus, for incremental builds, the facts already in `base`).
pub fn build_graph(
    inputs: &[PathBuf],
    opts: &RunOptions,
    progress: impl FnMut(usize, u64),
    notice: impl FnMut(&str, &str, bool),
) -> (Graph, Report) {
    let mut facts = Vec::new();
    let report = extract_stream(inputs, opts, |b| facts.extend(b), progress, notice);
    (graph::build(facts, &opts.build), report)
}

/// Writes `contents` to `path` atomically: a temporary file in the same directory, flushed and
/// synced, then renamed over the target. A crash leaves the old file or the new one.
pub fn write_atomic(path: &Path, contents: &[u8]) -> Result<()> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let mut tmp = tempfile::Builder::new()
        .prefix(".diplograph-")
        .suffix(".tmp")
        .tempfile_in(&dir)
        .map_err(|e| Error::io(&dir, e))?;
    tmp.write_all(contents).map_err(|e| Error::io(path, e))?;
    tmp.as_file().sync_all().map_err(|e| Error::io(path, e))?;
    tmp.persist(path).map_err(|e| Error::io(path, e.error))?;
    Ok(())
}

/// Fails early when `path` cannot be written (its directory is missing or read-only).
pub fn check_writable(path: &Path) -> Result<()> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    tempfile::Builder::new()
        .prefix(".diplograph-check-")
        .tempfile_in(&dir)
        .map(|_| ())
        .map_err(|e| Error::io(path, e))
}
