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
    sink: impl FnMut(Vec<ArticleFacts>) + Send,
    progress: impl FnMut(usize, u64),
    notice: impl FnMut(&str, &str, bool),
) -> Report {
    map_stream(
        inputs,
        opts,
        |a| extract_article(a, &opts.limits),
        sink,
        progress,
        notice,
    )
}

/// Streams the articles of `inputs` through `map` in parallel batches (rayon), calling `sink`
/// with each batch's results in input order. While one batch is mapped, the results of the
/// batch before are sunk and the next batch is read, so no thread waits for the sink; only
/// those batches are held at a time.
pub fn map_stream<T: Send>(
    inputs: &[PathBuf],
    opts: &RunOptions,
    map: impl Fn(&Article) -> T + Sync,
    mut sink: impl FnMut(Vec<T>) + Send,
    mut progress: impl FnMut(usize, u64),
    mut notice: impl FnMut(&str, &str, bool),
) -> Report {
    let mut report = Report::default();
    let batch_size = if opts.batch == 0 { 512 } else { opts.batch };
    let mut ingest = Ingest::new(inputs, opts.ingest.clone());
    // one batch of articles, and the skips and warnings met while reading it (reported from
    // this thread, in order, once the batch is read)
    let read = |ingest: &mut Ingest| -> (Vec<Article>, Vec<Record>) {
        let mut batch = Vec::with_capacity(batch_size);
        let mut notes = Vec::new();
        for rec in ingest.by_ref() {
            match rec {
                Record::Article(a) => {
                    batch.push(a);
                    if batch.len() >= batch_size {
                        break;
                    }
                }
                other => notes.push(other),
            }
        }
        (batch, notes)
    };
    let mut note = |notes: Vec<Record>, report: &mut Report| {
        for rec in notes {
            match rec {
                Record::Skipped { origin, reason } => {
                    notice(&origin, &reason, true);
                    report.skipped.push((origin, reason));
                }
                Record::Warning { origin, message } => {
                    notice(&origin, &message, false);
                    report.warnings.push((origin, message));
                }
                Record::Article(_) => {}
            }
        }
    };
    let (mut batch, notes) = read(&mut ingest);
    note(notes, &mut report);
    // the results of the batch before, sunk while this one is mapped
    let mut done: Option<Vec<T>> = None;
    while !batch.is_empty() {
        report.read += batch.len();
        report.bytes += batch.iter().map(|a| a.text.len() as u64).sum::<u64>();
        let (out, (next, notes)) = rayon::join(
            || map_longest_first(&batch, &map),
            || {
                if let Some(out) = done.take() {
                    sink(out);
                }
                read(&mut ingest)
            },
        );
        done = Some(out);
        progress(report.read, report.bytes);
        note(notes, &mut report);
        batch = next;
    }
    if let Some(out) = done {
        sink(out);
    }
    report
}

/// `map` over one batch in parallel, the results in the batch's order. The articles are taken
/// longest first from one shared queue, each by whichever thread is free, so the batch ends on
/// short articles: a thread that finishes early has little to wait for before the next batch,
/// whereas splitting the batch into ranges could leave the longest article of a range for last.
fn map_longest_first<T: Send>(batch: &[Article], map: &(impl Fn(&Article) -> T + Sync)) -> Vec<T> {
    use std::sync::atomic::{AtomicUsize, Ordering};
    let mut order: Vec<usize> = (0..batch.len()).collect();
    order.sort_by_key(|&i| std::cmp::Reverse(batch[i].text.len()));
    let next = AtomicUsize::new(0);
    let workers = rayon::current_num_threads().clamp(1, batch.len().max(1));
    let mut done: Vec<(usize, T)> = (0..workers)
        .into_par_iter()
        .flat_map_iter(|_| {
            let mut out = Vec::new();
            while let Some(&i) = order.get(next.fetch_add(1, Ordering::Relaxed)) {
                out.push((i, map(&batch[i])));
            }
            out
        })
        .collect();
    done.sort_unstable_by_key(|&(i, _)| i);
    done.into_iter().map(|(_, t)| t).collect()
}

/// Facts on their way to a spooled build: each article's compact JSON line goes to an anonymous
/// temporary file as soon as it is extracted, and only a slim copy (no actor mentions, which the
/// graph does not read) stays in memory for the build.
struct Spool {
    file: std::fs::File,
    out: std::io::BufWriter<std::fs::File>,
    at: u64,
    facts: Vec<ArticleFacts>,
    refs: Vec<(u64, u32)>,
    err: Option<std::io::Error>,
}

impl Spool {
    fn new() -> Result<Spool> {
        let file = tempfile::tempfile().map_err(|e| Error::io(std::env::temp_dir(), e))?;
        let out = std::io::BufWriter::with_capacity(
            1 << 20,
            file.try_clone()
                .map_err(|e| Error::io(std::env::temp_dir(), e))?,
        );
        Ok(Spool {
            file,
            out,
            at: 0,
            facts: Vec::new(),
            refs: Vec::new(),
            err: None,
        })
    }

    /// The map-side half: the line and the slim facts (run in the worker threads).
    fn prepare(mut f: ArticleFacts) -> (ArticleFacts, Vec<u8>) {
        let line = crate::jsonw::to_vec(&f).expect("facts serialise");
        // the lists grew while the article was extracted: their spare room (about a third of
        // what the kept facts of reuters took) is given back here, in the worker threads
        for a in &mut f.actors {
            a.mentions = Vec::new();
            a.aliases.shrink_to_fit();
        }
        for c in &mut f.calls {
            c.participants.shrink_to_fit();
        }
        f.actors.shrink_to_fit();
        f.calls.shrink_to_fit();
        f.statements.shrink_to_fit();
        f.events.shrink_to_fit();
        (f, line)
    }

    fn push(&mut self, (f, line): (ArticleFacts, Vec<u8>)) {
        if self.err.is_none()
            && let Err(e) = self.out.write_all(&line)
        {
            self.err = Some(e);
        }
        self.refs.push((self.at, line.len() as u32));
        self.at += line.len() as u64;
        self.facts.push(f);
    }

    fn finish(mut self, opts: &graph::BuildOptions) -> Result<Graph> {
        let spool_err = |e| Error::io(std::env::temp_dir(), e);
        if let Some(e) = self.err.take() {
            return Err(spool_err(e));
        }
        self.out.flush().map_err(spool_err)?;
        drop(self.out);
        Ok(graph::build_spooled(self.facts, self.file, self.refs, opts))
    }
}

/// Where a build is, for its progress display.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stage {
    /// Articles extracted so far, and the bytes of their texts.
    Extracting { articles: usize, bytes: u64 },
    /// Every article is extracted: the facts are being folded into the graph. Reported once.
    Building,
}

/// Builds one lossless graph from `inputs` (what `diplograph build` writes; see
/// [`build_incremental`] to add to an existing graph).
pub fn build_graph(
    inputs: &[PathBuf],
    opts: &RunOptions,
    progress: impl FnMut(Stage),
    notice: impl FnMut(&str, &str, bool),
) -> Result<(Graph, Report)> {
    build_incremental(inputs, None, opts, progress, notice)
}

/// Writes `contents` to `path` atomically: a temporary file in the same directory, flushed and
/// synced, then renamed over the target. A crash leaves the old file or the new one.
pub fn write_atomic(path: &Path, contents: &[u8]) -> Result<()> {
    write_atomic_parts(path, &[contents])
}

/// Like [`write_atomic`] for contents in several parts, written one after the other (so that
/// they need not be joined in memory first).
pub fn write_atomic_parts(path: &Path, parts: &[&[u8]]) -> Result<()> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let mut tmp = tempfile::Builder::new()
        .prefix(".diplograph-")
        .suffix(".tmp")
        .tempfile_in(&dir)
        .map_err(|e| Error::io(&dir, e))?;
    for part in parts {
        tmp.write_all(part).map_err(|e| Error::io(path, e))?;
    }
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

/// Builds one lossless graph from `inputs` added to `base` (an incremental build): the result is
/// the build of the union of the base's articles and the new ones, so it equals a build from
/// scratch; an article already in the base (same id) counts once.
pub fn build_incremental(
    inputs: &[PathBuf],
    base: Option<Graph>,
    opts: &RunOptions,
    mut progress: impl FnMut(Stage),
    notice: impl FnMut(&str, &str, bool),
) -> Result<(Graph, Report)> {
    let mut spool = Spool::new()?;
    if let Some(b) = base {
        b.check_lossless(Path::new("--graph"))?;
        let kept = b
            .facts_parsed()
            .map_err(|e| Error::io(std::env::temp_dir(), e))?;
        for f in kept.iter() {
            spool.push(Spool::prepare(f.clone()));
        }
    }
    let report = map_stream(
        inputs,
        opts,
        |a| Spool::prepare(extract_article(a, &opts.limits)),
        |batch| {
            for x in batch {
                spool.push(x);
            }
        },
        |articles, bytes| progress(Stage::Extracting { articles, bytes }),
        notice,
    );
    progress(Stage::Building);
    Ok((spool.finish(&opts.build)?, report))
}

/// The map stage alone: streams one JSON line of [`ArticleFacts`] per article to `out`, in input
/// order (`diplograph extract`).
pub fn extract_jsonl(
    inputs: &[PathBuf],
    opts: &RunOptions,
    out: &mut (dyn Write + Send),
    progress: impl FnMut(usize, u64),
    notice: impl FnMut(&str, &str, bool),
) -> Result<Report> {
    let mut err: Option<std::io::Error> = None;
    let report = extract_stream(
        inputs,
        opts,
        |batch| {
            if err.is_some() {
                return;
            }
            for f in &batch {
                let mut line = crate::jsonw::to_vec(f).expect("facts serialise");
                line.push(b'\n');
                if let Err(e) = out.write_all(&line) {
                    err = Some(e);
                    return;
                }
            }
        },
        progress,
        notice,
    );
    if let Some(e) = err {
        return Err(Error::io(Path::new("-"), e));
    }
    out.flush().map_err(|e| Error::io(Path::new("-"), e))?;
    Ok(report)
}

/// Reads a facts file written by `extract` (`-` for stdin). Blank lines are skipped; a bad line
/// is an error naming the file and line.
pub fn read_facts(path: &Path) -> Result<Vec<ArticleFacts>> {
    use std::io::BufRead;
    let reader: Box<dyn BufRead> = if path == Path::new("-") {
        Box::new(std::io::BufReader::new(std::io::stdin()))
    } else {
        let f = std::fs::File::open(path).map_err(|e| Error::io(path, e))?;
        Box::new(std::io::BufReader::with_capacity(1 << 20, f))
    };
    let mut out = Vec::new();
    for (n, line) in reader.lines().enumerate() {
        let line = line.map_err(|e| Error::io(path, e))?;
        if line.trim().is_empty() {
            continue;
        }
        let f: ArticleFacts = serde_json::from_str(&line).map_err(|e| Error::BadGraph {
            path: path.to_path_buf(),
            message: format!("line {}: not a facts line: {e}", n + 1),
        })?;
        out.push(f);
    }
    Ok(out)
}

/// The reduce stage: folds fact files (and lossless graphs) into one graph
/// (`diplograph merge-facts`).
pub fn merge_facts(files: &[PathBuf], opts: &graph::BuildOptions) -> Result<Graph> {
    let mut facts = Vec::new();
    for p in files {
        facts.extend(read_facts(p)?);
    }
    graph::merge(Vec::new(), facts, opts)
}

/// Joins graph files (`diplograph merge`): the build of the union of their articles.
pub fn merge_graphs(files: &[PathBuf], opts: &graph::BuildOptions) -> Result<Graph> {
    let mut graphs = Vec::new();
    for p in files {
        let g = Graph::read(p)?;
        if !g.is_lossless() {
            return Err(Error::BadGraph {
                path: p.clone(),
                message: "this graph keeps no facts (written by an older diplograph, or not by \
                          `build`), so it cannot be merged; rebuild it from its articles"
                    .into(),
            });
        }
        graphs.push(g);
    }
    graph::merge(graphs, Vec::new(), opts)
}

/// Writes a graph file atomically (streamed to a temporary file in the same directory, synced,
/// renamed over `path`), then its query index (`path.idx`, see [`crate::query::Index`]). A run
/// killed at any point leaves the old graph or the new one, never a part; a stale index is
/// detected and rebuilt by the next query.
pub fn write_graph(path: &Path, g: &Graph) -> Result<()> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let tmp = tempfile::Builder::new()
        .prefix(".diplograph-")
        .suffix(".tmp")
        .tempfile_in(&dir)
        .map_err(|e| Error::io(&dir, e))?;
    // the graph file is written while the query index is built from the graph in memory and
    // serialised (both in parallel when the pool has threads; each holds bounded buffers, so
    // the peak memory barely grows). The index is stamped and written once the graph file is
    // complete.
    let (written, idx) = rayon::join(
        || -> Result<()> {
            g.write_json(WriteBack::new(tmp.as_file()))
                .map_err(|e| Error::io(path, e))
        },
        || crate::query::Index::from_graph(g).into_unstamped(),
    );
    written?;
    // the file is complete: its size and mtime (the index's stamp) stay as they are through the
    // sync and the rename, so the index is written while the graph is synced. Should the graph
    // not land, the index's stamp matches no graph file and the next query rebuilds it.
    let stamp = crate::query::stamp_of(tmp.as_file());
    let (landed, indexed) = rayon::join(
        || -> Result<()> {
            tmp.as_file().sync_all().map_err(|e| Error::io(path, e))?;
            tmp.persist(path).map_err(|e| Error::io(path, e.error))?;
            Ok(())
        },
        || idx.write_stamped(path, stamp),
    );
    landed?;
    indexed
}

/// A file writer that has the kernel start writing each [`WriteBack::STEP`] bytes to disk as soon
/// as they are written (Linux `sync_file_range`, which does not wait for the disk), so the
/// `fsync` that makes the file durable waits only for the last few megabytes: on an 85 MB
/// reuters graph that fsync took about 45 ms of a 1.3 s build. Elsewhere it is a plain writer.
struct WriteBack<'a> {
    file: &'a std::fs::File,
    written: u64,
    started: u64,
}

impl<'a> WriteBack<'a> {
    const STEP: u64 = 8 << 20;

    fn new(file: &'a std::fs::File) -> Self {
        WriteBack {
            file,
            written: 0,
            started: 0,
        }
    }
}

impl Write for WriteBack<'_> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let n = self.file.write(buf)?;
        self.written += n as u64;
        if self.written - self.started >= Self::STEP {
            #[cfg(target_os = "linux")]
            {
                use std::os::fd::AsRawFd;
                // SAFETY: a valid open descriptor and a range inside what was written; the call
                // only queues those pages for write-back, and its result is advisory (the fsync
                // afterwards is what makes the file durable), so a failure is ignored
                unsafe {
                    libc::sync_file_range(
                        self.file.as_raw_fd(),
                        self.started as libc::off64_t,
                        (self.written - self.started) as libc::off64_t,
                        libc::SYNC_FILE_RANGE_WRITE,
                    );
                }
            }
            self.started = self.written;
        }
        Ok(n)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.file.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn article(id: usize, len: usize) -> Article {
        Article {
            id: format!("a{id}"),
            title: None,
            published: None,
            url: None,
            text: "x".repeat(len),
        }
    }

    /// The results keep the batch's order, whatever order the articles were taken in and however
    /// many threads took them.
    #[test]
    fn map_longest_first_keeps_the_batch_order() {
        let batch: Vec<Article> = (0..40).map(|i| article(i, (i * 7919) % 53)).collect();
        let want: Vec<String> = batch.iter().map(|a| a.id.clone()).collect();
        for threads in [1, 2, 3] {
            let pool = rayon::ThreadPoolBuilder::new()
                .num_threads(threads)
                .build()
                .expect("a pool");
            let got = pool.install(|| map_longest_first(&batch, &|a: &Article| a.id.clone()));
            assert_eq!(got, want, "{threads} threads");
        }
        assert!(map_longest_first(&[], &|a: &Article| a.id.clone()).is_empty());
    }

    /// The write-back writer passes every byte through.
    #[test]
    fn write_back_writes_everything() {
        let mut file = tempfile::tempfile().expect("a temporary file");
        let chunk = vec![b'y'; 3 << 20];
        let mut w = WriteBack::new(&file);
        for _ in 0..4 {
            w.write_all(&chunk).expect("written");
        }
        w.flush().expect("flushed");
        assert_eq!(w.written, 12 << 20);
        // started once, for the 9 MiB written when the third write passed 8 MiB
        assert_eq!(w.started, 9 << 20);
        use std::io::{Read, Seek};
        file.rewind().expect("rewound");
        let mut back = Vec::new();
        file.read_to_end(&mut back).expect("read back");
        assert_eq!(back.len(), 12 << 20);
        assert!(back.iter().all(|&b| b == b'y'));
    }
}
