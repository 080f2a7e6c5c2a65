//! The command line: clap turns the arguments into library calls. Exit codes: 0 success, 1 fatal
//! error, 2 some articles were skipped.

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, Result, bail};
use clap::{Parser, Subcommand, ValueEnum};
use diplograph::corpus::{self, Report, RunOptions};
use diplograph::export::{self, DotOptions};
use diplograph::graph::{self, BuildOptions, Graph};
use diplograph::ingest::{IngestOptions, parse_date};
use diplograph::pipeline::Limits;
use diplograph::query::{self, Question, Window};

#[derive(Parser)]
#[command(
    name = "diplograph",
    version,
    about = "Builds a time-stamped graph of who spoke with whom, who said what, and what happened, from news articles",
    after_help = "With no command, builds the bundled sample article's graph and prints who spoke with whom.\n\nExample:\n  diplograph build news.jsonl --output graph.json\n  diplograph query who-spoke-with zelenskyy --graph graph.json --since 2025-11-01"
)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    /// No progress bar
    #[arg(long, short, global = true)]
    quiet: bool,
    /// Worker threads (default: all cores)
    #[arg(long, global = true)]
    threads: Option<usize>,
}

#[derive(Subcommand)]
enum Command {
    /// Build a graph from articles (.txt, .md, .jsonl, directories, - for stdin)
    #[command(
        after_help = "Example:\n  diplograph build articles/ --output graph.json --published 2025-11-21"
    )]
    Build {
        #[arg(required = true)]
        inputs: Vec<PathBuf>,
        /// Where to write the graph JSON
        #[arg(long, short)]
        output: PathBuf,
        /// Add the articles to this existing graph (incremental build; may equal --output, which
        /// is then replaced only when the new graph is complete)
        #[arg(long = "graph")]
        base: Option<PathBuf>,
        /// Reference date for articles without one (YYYY-MM-DD)
        #[arg(long)]
        published: Option<String>,
        /// Leave out facts below this confidence (0 to 1)
        #[arg(long, default_value_t = 0.0)]
        min_confidence: f32,
        /// Skip articles longer than this many bytes
        #[arg(long, default_value_t = diplograph::ingest::DEFAULT_MAX_ARTICLE_BYTES)]
        max_article_bytes: usize,
        /// Analyse at most this many sentences per article (the rest is ignored, with a warning)
        #[arg(long, default_value_t = diplograph::pipeline::DEFAULT_MAX_SENTENCES)]
        max_sentences: usize,
        /// Stop analysing an article before the sentence holding its mention number N+1
        #[arg(long, default_value_t = diplograph::pipeline::DEFAULT_MAX_MENTIONS)]
        max_mentions: usize,
        /// Join the lines of hard-wrapped text (fixed-width plain-text wires) into paragraphs
        #[arg(long)]
        unwrap_lines: bool,
    },
    /// Ask a graph questions
    Query {
        #[command(subcommand)]
        what: QueryCmd,
    },
    /// Join graphs: the graph of the union of their articles (each counted once)
    #[command(after_help = "Example:\n  diplograph merge monday.json tuesday.json -o week.json")]
    Merge {
        #[arg(required = true)]
        graphs: Vec<PathBuf>,
        #[arg(long, short)]
        output: PathBuf,
        /// Leave out facts below this confidence (0 to 1)
        #[arg(long, default_value_t = 0.0)]
        min_confidence: f32,
    },
    /// The map stage: one JSON line of facts per article (to stdout or -o)
    #[command(
        after_help = "Example:\n  diplograph extract news.jsonl -o facts.jsonl\n  cat part-0001.jsonl | diplograph extract - > facts-0001.jsonl"
    )]
    Extract {
        #[arg(required = true)]
        inputs: Vec<PathBuf>,
        #[arg(long, short)]
        output: Option<PathBuf>,
        /// Reference date for articles without one (YYYY-MM-DD)
        #[arg(long)]
        published: Option<String>,
    },
    /// The reduce stage: fold fact files written by `extract` into one graph
    #[command(after_help = "Example:\n  diplograph merge-facts facts-*.jsonl --output graph.json")]
    MergeFacts {
        /// Fact files (- for stdin)
        #[arg(required = true)]
        files: Vec<PathBuf>,
        #[arg(long, short)]
        output: PathBuf,
        /// Add the facts to this existing graph
        #[arg(long = "graph")]
        base: Option<PathBuf>,
        /// Leave out facts below this confidence (0 to 1)
        #[arg(long, default_value_t = 0.0)]
        min_confidence: f32,
    },
    /// Write a graph in another format
    #[command(
        after_help = "Formats: json (node-link, networkx), dot (Graphviz), graphml (networkx, Gephi), \
neo4j (a folder for neo4j-admin import, plus load.cypher), csv (a folder of spreadsheet tables), \
jsonl (one fact per line), html (one self-contained page; needs Graphviz).\n\n\
Examples:\n  diplograph export --graph graph.json --format dot -o graph.dot\n  \
diplograph export --graph graph.json --format neo4j -o neo4j/\n  \
diplograph export --graph graph.json --format html -o graph.html"
    )]
    Export {
        #[arg(long)]
        graph: PathBuf,
        #[arg(long, value_enum, default_value_t = ExportFormat::Json)]
        format: ExportFormat,
        /// Include statements in DOT and HTML output
        #[arg(long)]
        statements: bool,
        /// Output file, or folder for neo4j and csv (default: standard output; required for
        /// neo4j and csv)
        #[arg(long, short)]
        output: Option<PathBuf>,
    },
    /// Draw a graph with Graphviz (SVG, PNG or PDF, by the output's extension)
    #[command(
        after_help = "Needs Graphviz's `dot` (package graphviz), or set DIPLOGRAPH_DOT.\n\n\
Examples:\n  diplograph render --graph graph.json -o graph.svg\n  \
diplograph render --graph graph.json -o timeline.png --layout timeline"
    )]
    Render {
        #[arg(long)]
        graph: PathBuf,
        /// Output image: .svg, .png or .pdf
        #[arg(long, short)]
        output: PathBuf,
        /// network: actors joined through their facts; timeline: left to right by date
        #[arg(long, value_enum, default_value_t = RenderLayout::Network)]
        layout: RenderLayout,
        /// Include statements
        #[arg(long)]
        statements: bool,
    },
    /// Print a shell completion script
    #[command(
        after_help = "Example:\n  diplograph completions bash > /etc/bash_completion.d/diplograph\n  \
diplograph completions zsh > ~/.zfunc/_diplograph\n  \
diplograph completions fish > ~/.config/fish/completions/diplograph.fish"
    )]
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the man page (roff)
    #[command(after_help = "Example:\n  diplograph man > diplograph.1 && man ./diplograph.1")]
    Man,
    /// Show, sentence by sentence, the mentions, resolutions and the rule behind each fact
    #[command(after_help = "Example:\n  diplograph explain article.txt --sentence 3")]
    Explain {
        input: PathBuf,
        /// Only this sentence (0-based)
        #[arg(long)]
        sentence: Option<usize>,
        #[arg(long)]
        published: Option<String>,
    },
}

#[derive(Subcommand)]
enum QueryCmd {
    /// Pairs of actors who spoke or met, with date, mode and evidence
    #[command(
        after_help = "Example:\n  diplograph query who-spoke-with zelenskyy --graph graph.json --since 2025-11-01"
    )]
    WhoSpokeWith {
        actor: Option<String>,
        #[command(flatten)]
        common: QueryArgs,
    },
    /// Calls and meetings
    Calls {
        #[command(flatten)]
        common: QueryArgs,
    },
    /// Statements, optionally by one speaker
    Statements {
        #[arg(long)]
        by: Option<String>,
        #[command(flatten)]
        common: QueryArgs,
    },
    /// Attacks and other events
    Events {
        #[command(flatten)]
        common: QueryArgs,
    },
    /// Actors, most connected first
    Actors {
        #[command(flatten)]
        common: QueryArgs,
    },
    /// Everything one actor did, by date
    Timeline {
        actor: String,
        #[command(flatten)]
        common: QueryArgs,
    },
    /// How two actors connect through calls and meetings (shortest chain)
    #[command(after_help = "Example:\n  diplograph query path zelensky rutte --graph graph.json")]
    Path {
        from: String,
        to: String,
        #[command(flatten)]
        common: QueryArgs,
    },
    /// Actors within N calls or meetings of an actor
    #[command(
        after_help = "Example:\n  diplograph query neighbors zelensky --depth 2 --graph graph.json"
    )]
    Neighbors {
        actor: String,
        #[arg(long, default_value_t = 1)]
        depth: usize,
        #[command(flatten)]
        common: QueryArgs,
    },
    /// The most connected actors and the busiest pairs over a window
    #[command(
        after_help = "Example:\n  diplograph query top --since 2025-01-01 --limit 5 --graph graph.json"
    )]
    Top {
        #[arg(long, default_value_t = 10)]
        limit: usize,
        #[command(flatten)]
        common: QueryArgs,
    },
    /// Counts of articles, sources, nodes, edges and facts
    Stats {
        #[command(flatten)]
        common: QueryArgs,
    },
}

#[derive(clap::Args)]
struct QueryArgs {
    #[arg(long)]
    graph: PathBuf,
    #[arg(long)]
    since: Option<String>,
    #[arg(long)]
    until: Option<String>,
    /// Print JSON instead of a table
    #[arg(long)]
    json: bool,
    /// Print JSON Lines (one row per line)
    #[arg(long)]
    jsonl: bool,
    /// Output format: table, json, jsonl or csv
    #[arg(long, value_parser = ["table", "json", "jsonl", "csv"])]
    format: Option<String>,
}

impl QueryArgs {
    /// `--format` wins over `--jsonl`, which wins over `--json`; a table by default.
    fn format(&self) -> query::OutFormat {
        match self.format.as_deref() {
            Some("json") => query::OutFormat::Json,
            Some("jsonl") => query::OutFormat::Jsonl,
            Some("csv") => query::OutFormat::Csv,
            Some(_) => query::OutFormat::Table,
            None if self.jsonl => query::OutFormat::Jsonl,
            None if self.json => query::OutFormat::Json,
            None => query::OutFormat::Table,
        }
    }
}

impl QueryCmd {
    fn into_question(self) -> (Question, QueryArgs) {
        match self {
            QueryCmd::WhoSpokeWith { actor, common } => (Question::WhoSpokeWith { actor }, common),
            QueryCmd::Calls { common } => (Question::Calls, common),
            QueryCmd::Statements { by, common } => (Question::Statements { by }, common),
            QueryCmd::Events { common } => (Question::Events, common),
            QueryCmd::Actors { common } => (Question::Actors, common),
            QueryCmd::Timeline { actor, common } => (Question::Timeline { actor }, common),
            QueryCmd::Path { from, to, common } => (Question::Path { from, to }, common),
            QueryCmd::Neighbors {
                actor,
                depth,
                common,
            } => (Question::Neighbors { actor, depth }, common),
            QueryCmd::Top { limit, common } => (Question::Top { limit }, common),
            QueryCmd::Stats { common } => (Question::Stats, common),
        }
    }
}

#[derive(Clone, Copy, ValueEnum)]
enum ExportFormat {
    Json,
    Dot,
    Graphml,
    Neo4j,
    Csv,
    Jsonl,
    Html,
}

#[derive(Clone, Copy, ValueEnum)]
enum RenderLayout {
    Network,
    Timeline,
}

fn date_arg(s: &Option<String>) -> Result<Option<chrono::NaiveDate>> {
    match s {
        None => Ok(None),
        Some(s) => parse_date(s)
            .map(Some)
            .with_context(|| format!("invalid date {s:?}: expected YYYY-MM-DD")),
    }
}

/// mimalloc for the binary (see Cargo.toml): the library keeps the system allocator.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// mimalloc (v3, as built by libmimalloc-sys) options, by their index in `mi_option_t`
/// (`c_src/mimalloc/v3/include/mimalloc.h`); the test below checks the indices against the
/// library's defaults.
mod mi {
    use std::ffi::{c_int, c_long, c_ulong};
    pub const PURGE_DELAY: i32 = 15;
    pub const ALLOW_THP: i32 = 43;
    /// `PR_SET_THP_DISABLE` of `<linux/prctl.h>`.
    #[cfg(target_os = "linux")]
    const PR_SET_THP_DISABLE: c_int = 41;
    unsafe extern "C" {
        #[cfg(test)]
        pub fn mi_option_get(option: i32) -> c_long;
        pub fn mi_option_set(option: i32, value: c_long);
        #[cfg(target_os = "linux")]
        fn prctl(option: c_int, ...) -> c_int;
    }
    /// Whether freed pages stay with the process (`true`) or go back to the OS at once (`false`,
    /// what [`tune`] sets).
    ///
    /// Giving a page back (`madvise`) in a process with several running threads interrupts
    /// every other core to flush its TLB: with two threads extracting, those interrupts were
    /// 6 % of a reuters build's samples, and the user code around them ran slower too. While
    /// articles are extracted, each batch frees about what the next one takes, so freed pages
    /// are kept for it; once the facts are folded into the graph, memory grows with the graph
    /// and freed pages go back at once, which keeps the peak where it was.
    pub fn keep_freed_pages(keep: bool) {
        // SAFETY: a plain option setter of the linked allocator; the value is one word, read by
        // the allocator when it next decides whether to purge
        unsafe { mi_option_set(PURGE_DELAY, if keep { -1 } else { 0 }) }
    }

    /// Return freed memory to the OS at once (the default waits a second, long enough for a
    /// build's freed fact buffers to add to its peak), and no transparent huge pages (zeroing
    /// 2 MiB pages was a fifth of a build's time, and they round the footprint up).
    ///
    /// mimalloc reads `allow_thp` when it starts, which is before `main` (the runtime allocates
    /// first): by then it has already asked for huge pages on its first arena, so setting the
    /// option here only stops later requests. The process-wide switch below (what mimalloc
    /// itself does when the option is off at start, i.e. `MIMALLOC_ALLOW_THP=0`) also covers
    /// the memory it already holds: with it the kernel sys time of a reuters build halves and
    /// its peak RSS drops by about 20 MB.
    pub fn tune() {
        // SAFETY: plain option setters of the linked allocator, called before any thread starts
        unsafe {
            mi_option_set(PURGE_DELAY, 0);
            mi_option_set(ALLOW_THP, 0);
        }
        // SAFETY: prctl(PR_SET_THP_DISABLE, 1, 0, 0, 0) only sets a flag of this process; a
        // kernel without it returns an error, which changes nothing
        #[cfg(target_os = "linux")]
        unsafe {
            let z: c_ulong = 0;
            prctl(PR_SET_THP_DISABLE, 1 as c_ulong, z, z, z);
        }
    }
}

fn main() -> ExitCode {
    mi::tune();
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("diplograph: error: {e:#}");
            ExitCode::from(1)
        }
    }
}

fn run(cli: Cli) -> Result<ExitCode> {
    if let Some(n) = cli.threads {
        rayon::ThreadPoolBuilder::new()
            .num_threads(n.max(1))
            .build_global()
            .ok();
    }
    let quiet = cli.quiet;
    match cli.command {
        None => {
            let article = diplograph::sample_article();
            let facts = diplograph::pipeline::extract_article(&article, &Limits::default());
            let g = graph::build(vec![facts], &BuildOptions::default());
            println!(
                "Sample article {} (published {}):",
                article.id,
                article.published.map(|d| d.to_string()).unwrap_or_default()
            );
            let pairs = query::who_spoke_with(&g, None, Window::default());
            print!("{}", query::render(&pairs, query::OutFormat::Table));
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Build {
            inputs,
            output,
            base,
            published,
            min_confidence,
            max_article_bytes,
            max_sentences,
            max_mentions,
            unwrap_lines,
        }) => {
            let published = date_arg(&published)?;
            for p in &inputs {
                if !diplograph::ingest::exists(p) {
                    bail!("{}: no such file or directory", p.display());
                }
            }
            if output.is_dir() {
                bail!("{}: is a directory, not a graph file", output.display());
            }
            corpus::check_writable(&output)?;
            let opts = RunOptions {
                ingest: IngestOptions {
                    published,
                    max_article_bytes,
                },
                limits: Limits {
                    max_sentences,
                    max_mentions,
                    unwrap_lines,
                },
                build: BuildOptions { min_confidence },
                batch: 0,
            };
            let base = match &base {
                Some(p) => Some(Graph::read(p)?),
                None => None,
            };
            let bar = progress_bar(quiet);
            mi::keep_freed_pages(true);
            let (g, report) = corpus::build_incremental(
                &inputs,
                base,
                &opts,
                |stage| match stage {
                    corpus::Stage::Extracting { articles, bytes } => {
                        if let Some(b) = &bar {
                            b.set_position(articles as u64);
                            let secs = b.elapsed().as_secs_f64().max(1e-3);
                            b.set_message(format!("{:.1} MB/s", bytes as f64 / 1e6 / secs));
                        }
                    }
                    corpus::Stage::Building => {
                        mi::keep_freed_pages(false);
                        if let Some(b) = &bar {
                            b.set_message("building the graph");
                        }
                    }
                },
                |origin, why, skipped| {
                    let what = if skipped { "skipped" } else { "warning" };
                    eprintln!("diplograph: {what}: {origin}: {why}");
                },
            )?;
            if let Some(b) = bar {
                b.finish_and_clear();
            }
            corpus::write_graph(&output, &g)?;
            // the process ends here: freeing the graph node by node would only cost time (about
            // a tenth of a second on reuters)
            std::mem::forget(g);
            Ok(finish(&report, quiet))
        }
        Some(Command::Query { what }) => {
            let (question, common) = what.into_question();
            let w = Window {
                since: date_arg(&common.since)?,
                until: date_arg(&common.until)?,
            };
            let out = query::answer(&common.graph, &question, w, common.format())?;
            std::io::stdout().write_all(out.as_bytes())?;
            Ok(ExitCode::SUCCESS)
        }
        Some(
            c @ (Command::Merge { .. } | Command::Extract { .. } | Command::MergeFacts { .. }),
        ) => corpus_cmd(c, quiet),
        Some(Command::Export {
            graph,
            format,
            statements,
            output,
        }) => {
            let g = Graph::read(&graph)?;
            let fmt = match format {
                ExportFormat::Json => export::Format::Json,
                ExportFormat::Dot => export::Format::Dot,
                ExportFormat::Graphml => export::Format::Graphml,
                ExportFormat::Neo4j => export::Format::Neo4j,
                ExportFormat::Csv => export::Format::Csv,
                ExportFormat::Jsonl => export::Format::Jsonl,
                ExportFormat::Html => export::Format::Html,
            };
            let opts = DotOptions { statements };
            match output {
                Some(p) => export::write(&g, fmt, &opts, &p)?,
                None if fmt.is_folder() => {
                    bail!("this format writes a folder of files: name it with -o DIR")
                }
                None => {
                    for (_, body) in export::files(&g, fmt, &opts)? {
                        std::io::stdout().write_all(body.as_bytes())?;
                    }
                }
            }
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Render {
            graph,
            output,
            layout,
            statements,
        }) => {
            let g = Graph::read(&graph)?;
            let format = diplograph::render::format_for(&output)?;
            let layout = match layout {
                RenderLayout::Network => diplograph::render::Layout::Network,
                RenderLayout::Timeline => diplograph::render::Layout::Timeline,
            };
            let bytes = diplograph::render::render(&g, layout, &DotOptions { statements }, format)?;
            corpus::write_atomic(&output, &bytes)?;
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Completions { shell }) => {
            use clap::CommandFactory;
            clap_complete::generate(
                shell,
                &mut Cli::command(),
                "diplograph",
                &mut std::io::stdout(),
            );
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Man) => {
            use clap::CommandFactory;
            clap_mangen::Man::new(Cli::command()).render(&mut std::io::stdout())?;
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Explain {
            input,
            sentence,
            published,
        }) => {
            let published = date_arg(&published)?;
            let mut found = false;
            for rec in diplograph::ingest::Ingest::new(
                &[input],
                IngestOptions {
                    published,
                    ..Default::default()
                },
            ) {
                if let diplograph::ingest::Record::Article(a) = rec {
                    found = true;
                    print!("{}", diplograph::explain::explain(&a, sentence));
                }
            }
            if !found {
                bail!("no article could be read");
            }
            Ok(ExitCode::SUCCESS)
        }
    }
}

fn progress_bar(quiet: bool) -> Option<indicatif::ProgressBar> {
    if quiet || !std::io::stderr().is_terminal() {
        return None;
    }
    let b = indicatif::ProgressBar::new_spinner();
    b.set_style(
        indicatif::ProgressStyle::with_template(
            "{spinner} {pos} articles ({per_sec}) {msg} {elapsed}",
        )
        .unwrap_or_else(|_| indicatif::ProgressStyle::default_spinner()),
    );
    Some(b)
}

fn finish(report: &Report, quiet: bool) -> ExitCode {
    if !quiet || !report.skipped.is_empty() {
        eprintln!("diplograph: {}", report.summary());
    }
    if report.skipped.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(2)
    }
}

/// `merge`, `extract` and `merge-facts` (the corpus commands).
fn corpus_cmd(c: Command, quiet: bool) -> Result<ExitCode> {
    match c {
        Command::Merge {
            graphs,
            output,
            min_confidence,
        } => {
            corpus::check_writable(&output)?;
            let g = corpus::merge_graphs(&graphs, &BuildOptions { min_confidence })?;
            corpus::write_graph(&output, &g)?;
            if !quiet {
                eprintln!("diplograph: {} articles", g.articles.len());
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::MergeFacts {
            files,
            output,
            base,
            min_confidence,
        } => {
            corpus::check_writable(&output)?;
            let opts = BuildOptions { min_confidence };
            let mut facts = Vec::new();
            for f in &files {
                facts.extend(corpus::read_facts(f)?);
            }
            let base = match &base {
                Some(p) => vec![Graph::read(p)?],
                None => Vec::new(),
            };
            let g = graph::merge(base, facts, &opts)?;
            corpus::write_graph(&output, &g)?;
            if !quiet {
                eprintln!("diplograph: {} articles", g.articles.len());
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Extract {
            inputs,
            output,
            published,
        } => {
            let published = date_arg(&published)?;
            let opts = RunOptions {
                ingest: IngestOptions {
                    published,
                    ..IngestOptions::default()
                },
                ..RunOptions::default()
            };
            let notice = |origin: &str, why: &str, skipped: bool| {
                let what = if skipped { "skipped" } else { "warning" };
                eprintln!("diplograph: {what}: {origin}: {why}");
            };
            let report = match &output {
                Some(p) => {
                    let f = std::fs::File::create(p)
                        .with_context(|| format!("cannot write {}", p.display()))?;
                    let mut w = std::io::BufWriter::new(f);
                    corpus::extract_jsonl(&inputs, &opts, &mut w, |_, _| {}, notice)?
                }
                None => {
                    // unlocked: the lines are written from a worker thread (in 64 KiB pieces)
                    let mut w = std::io::BufWriter::with_capacity(1 << 16, std::io::stdout());
                    corpus::extract_jsonl(&inputs, &opts, &mut w, |_, _| {}, notice)?
                }
            };
            Ok(finish(&report, quiet))
        }
        _ => unreachable!("not a corpus command"),
    }
}

#[cfg(test)]
mod tests {
    use super::mi;

    #[test]
    fn mimalloc_option_indices_match_the_linked_library() {
        // the defaults of v3: purge_delay 1000 ms, allow_thp 1 (this test never calls tune())
        unsafe {
            assert_eq!(mi::mi_option_get(mi::PURGE_DELAY), 1000);
            assert_eq!(mi::mi_option_get(mi::ALLOW_THP), 1);
        }
    }
}
