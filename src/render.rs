//! `diplograph render`: a graph drawn by Graphviz's `dot`, as SVG, PNG or PDF, in the
//! `network` layout (actors joined through their calls, meetings and events) or the `timeline`
//! layout (left to right by date, one rank per day).
//!
//! `dot` is looked up on `PATH`, or taken from `DIPLOGRAPH_DOT`. When it cannot be run, the
//! error names the package to install (`graphviz`).

use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};

use crate::error::{Error, Result};
use crate::export::{DotOptions, dot};
use crate::graph::Graph;

/// The Debian/Homebrew/conda package that provides `dot`.
pub const GRAPHVIZ_PACKAGE: &str = "graphviz";

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Layout {
    #[default]
    Network,
    Timeline,
}

/// The DOT source of a layout.
pub fn dot_source(g: &Graph, layout: Layout, opts: &DotOptions) -> String {
    match layout {
        Layout::Network => dot::to_dot(g, opts),
        Layout::Timeline => dot::to_dot_timeline(g, opts),
    }
}

/// The Graphviz output format (`svg`, `png`, `pdf`) for an output file, from its extension.
pub fn format_for(path: &Path) -> Result<&'static str> {
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    match ext.as_deref() {
        Some("svg") => Ok("svg"),
        Some("png") => Ok("png"),
        Some("pdf") => Ok("pdf"),
        _ => Err(Error::Usage(format!(
            "{}: cannot tell the image format: name the output .svg, .png or .pdf",
            path.display()
        ))),
    }
}

/// The `dot` program to run.
pub fn dot_program() -> String {
    std::env::var("DIPLOGRAPH_DOT")
        .ok()
        .filter(|s| !s.is_empty())
        .unwrap_or_else(|| "dot".to_string())
}

/// Runs `dot -T<format>` on DOT source and returns its output.
pub fn run_dot(src: &str, format: &str) -> Result<Vec<u8>> {
    let prog = dot_program();
    let mut child = Command::new(&prog)
        .arg(format!("-T{format}"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| Error::Tool {
            what: "graphviz".into(),
            message: format!(
                "cannot run `{prog}` ({e}): install the `{GRAPHVIZ_PACKAGE}` package \
                 (apt-get install {GRAPHVIZ_PACKAGE}, brew install {GRAPHVIZ_PACKAGE}, \
                 or conda install {GRAPHVIZ_PACKAGE})"
            ),
        })?;
    let mut stdin = child.stdin.take().expect("piped stdin");
    let owned = src.to_string();
    let writer = std::thread::spawn(move || stdin.write_all(owned.as_bytes()));
    let out = child.wait_with_output().map_err(|e| Error::Tool {
        what: "graphviz".into(),
        message: format!("`{prog}` failed: {e}"),
    })?;
    let _ = writer.join();
    if !out.status.success() {
        return Err(Error::Tool {
            what: "graphviz".into(),
            message: format!(
                "`{prog} -T{format}` failed: {}",
                String::from_utf8_lossy(&out.stderr).trim()
            ),
        });
    }
    Ok(out.stdout)
}

/// Renders a graph in a layout to an image format.
pub fn render(g: &Graph, layout: Layout, opts: &DotOptions, format: &str) -> Result<Vec<u8>> {
    run_dot(&dot_source(g, layout, opts), format)
}

/// The SVG of a layout, as text.
pub fn svg(g: &Graph, layout: Layout, opts: &DotOptions) -> Result<String> {
    let bytes = render(g, layout, opts, "svg")?;
    String::from_utf8(bytes).map_err(|e| Error::Tool {
        what: "graphviz".into(),
        message: format!("SVG output is not UTF-8: {e}"),
    })
}
