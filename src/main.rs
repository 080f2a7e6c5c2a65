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
use diplograph::query::{self, Window};

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
        /// Reference date for articles without one (YYYY-MM-DD)
        #[arg(long)]
        published: Option<String>,
        /// Leave out facts below this confidence (0 to 1)
        #[arg(long, default_value_t = 0.0)]
        min_confidence: f32,
        /// Skip articles longer than this many bytes
        #[arg(long, default_value_t = 64 * 1024 * 1024)]
        max_article_bytes: usize,
        /// Analyse at most this many sentences per article
        #[arg(long, default_value_t = 20_000)]
        max_sentences: usize,
    },
    /// Ask a graph questions
    Query {
        #[command(subcommand)]
        what: QueryCmd,
    },
    /// Write a graph in another format
    #[command(
        after_help = "Example:\n  diplograph export --graph graph.json --format dot -o graph.dot"
    )]
    Export {
        #[arg(long)]
        graph: PathBuf,
        #[arg(long, value_enum, default_value_t = ExportFormat::Json)]
        format: ExportFormat,
        /// Include statements in DOT output
        #[arg(long)]
        statements: bool,
        #[arg(long, short)]
        output: Option<PathBuf>,
    },
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
}

#[derive(Clone, Copy, ValueEnum)]
enum ExportFormat {
    Json,
    Dot,
}

fn date_arg(s: &Option<String>) -> Result<Option<chrono::NaiveDate>> {
    match s {
        None => Ok(None),
        Some(s) => parse_date(s)
            .map(Some)
            .with_context(|| format!("invalid date {s:?}: expected YYYY-MM-DD")),
    }
}

fn main() -> ExitCode {
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
            print_pairs(&query::who_spoke_with(&g, None, Window::default()));
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Build {
            inputs,
            output,
            published,
            min_confidence,
            max_article_bytes,
            max_sentences,
        }) => {
            let published = date_arg(&published)?;
            for p in &inputs {
                if !diplograph::ingest::exists(p) {
                    bail!("{}: no such file or directory", p.display());
                }
            }
            corpus::check_writable(&output)?;
            let opts = RunOptions {
                ingest: IngestOptions {
                    published,
                    max_article_bytes,
                },
                limits: Limits { max_sentences },
                build: BuildOptions { min_confidence },
                batch: 0,
            };
            let bar = progress_bar(quiet);
            let (g, report) = corpus::build_graph(
                &inputs,
                &opts,
                |n, bytes| {
                    if let Some(b) = &bar {
                        b.set_position(n as u64);
                        let secs = b.elapsed().as_secs_f64().max(1e-3);
                        b.set_message(format!("{:.1} MB/s", bytes as f64 / 1e6 / secs));
                    }
                },
                |origin, why, skipped| {
                    let what = if skipped { "skipped" } else { "warning" };
                    eprintln!("diplograph: {what}: {origin}: {why}");
                },
            );
            if let Some(b) = bar {
                b.finish_and_clear();
            }
            corpus::write_atomic(&output, g.to_json_string().as_bytes())?;
            Ok(finish(&report, quiet))
        }
        Some(Command::Query { what }) => query_cmd(what),
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
            };
            let s = export::to_string(&g, fmt, &DotOptions { statements });
            match output {
                Some(p) => corpus::write_atomic(&p, s.as_bytes())?,
                None => std::io::stdout().write_all(s.as_bytes())?,
            }
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

fn print_pairs(rows: &[query::PairRow]) {
    let table: Vec<Vec<String>> = rows
        .iter()
        .map(|r| {
            vec![
                r.date.map(|d| d.to_string()).unwrap_or_else(|| "-".into()),
                r.a.clone(),
                r.b.clone(),
                r.mode.clone(),
                r.evidence.clone(),
            ]
        })
        .collect();
    print_table(&["date", "actor", "spoke with", "mode", "evidence"], &table);
}

fn print_table(header: &[&str], rows: &[Vec<String>]) {
    const MAX: usize = 70;
    let cell = |s: &str| -> String {
        let s = s.replace('\n', " ");
        if s.chars().count() > MAX {
            let mut t: String = s.chars().take(MAX - 1).collect();
            t.push('…');
            t
        } else {
            s
        }
    };
    let mut widths: Vec<usize> = header.iter().map(|h| h.chars().count()).collect();
    let rows: Vec<Vec<String>> = rows
        .iter()
        .map(|r| r.iter().map(|c| cell(c)).collect())
        .collect();
    for r in &rows {
        for (i, c) in r.iter().enumerate() {
            widths[i] = widths[i].max(c.chars().count());
        }
    }
    let line = |cells: Vec<String>| {
        let mut s = String::new();
        for (i, c) in cells.iter().enumerate() {
            if i + 1 == cells.len() {
                s.push_str(c);
            } else {
                s.push_str(&format!("{c:<w$}  ", w = widths[i]));
            }
        }
        println!("{}", s.trim_end());
    };
    line(header.iter().map(|h| h.to_string()).collect());
    if rows.is_empty() {
        println!("(none)");
    }
    for r in rows {
        line(r);
    }
}

fn query_cmd(what: QueryCmd) -> Result<ExitCode> {
    let (common, kind) = match &what {
        QueryCmd::WhoSpokeWith { common, .. } => (common, 0),
        QueryCmd::Calls { common } => (common, 1),
        QueryCmd::Statements { common, .. } => (common, 2),
        QueryCmd::Events { common } => (common, 3),
        QueryCmd::Actors { common } => (common, 4),
        QueryCmd::Timeline { common, .. } => (common, 5),
    };
    let _ = kind;
    let g = Graph::read(&common.graph)?;
    let w = Window {
        since: date_arg(&common.since)?,
        until: date_arg(&common.until)?,
    };
    let json = common.json;
    let emit_json =
        |v: serde_json::Value| println!("{}", serde_json::to_string_pretty(&v).unwrap_or_default());
    match &what {
        QueryCmd::WhoSpokeWith { actor, .. } => {
            let rows = query::who_spoke_with(&g, actor.as_deref(), w);
            if json {
                emit_json(serde_json::to_value(&rows)?);
            } else {
                print_pairs(&rows);
            }
        }
        QueryCmd::Actors { .. } => {
            let rows = query::actors(&g);
            if json {
                emit_json(serde_json::to_value(&rows)?);
            } else {
                let t: Vec<Vec<String>> = rows
                    .iter()
                    .map(|r| {
                        vec![
                            r.name.clone(),
                            r.actor_type.clone(),
                            r.title.clone().unwrap_or_default(),
                            r.affiliation.clone().unwrap_or_default(),
                            r.facts.to_string(),
                            r.aliases.join(", "),
                        ]
                    })
                    .collect();
                print_table(
                    &["actor", "type", "title", "affiliation", "facts", "aliases"],
                    &t,
                );
            }
        }
        _ => {
            let rows = match &what {
                QueryCmd::Calls { .. } => query::facts(&g, &["call", "meeting"], None, w),
                QueryCmd::Statements { by, .. } => {
                    query::facts(&g, &["statement"], by.as_deref(), w)
                }
                QueryCmd::Events { .. } => query::facts(&g, &["event"], None, w),
                QueryCmd::Timeline { actor, .. } => query::timeline(&g, actor, w),
                _ => unreachable!(),
            };
            if json {
                emit_json(serde_json::to_value(&rows)?);
            } else {
                let t: Vec<Vec<String>> = rows
                    .iter()
                    .map(|r| {
                        vec![
                            r.date.map(|d| d.to_string()).unwrap_or_else(|| "-".into()),
                            r.kind.clone(),
                            r.actors.join(", "),
                            r.summary.clone(),
                        ]
                    })
                    .collect();
                print_table(&["date", "kind", "actors", "what"], &t);
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}
