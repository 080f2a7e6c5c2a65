//! The clean stage: the raw article text in, the list of prose paragraphs to analyse out.
//!
//! Nothing is rewritten: cleaning only decides which byte ranges of the original text are prose.
//! It drops non-prose lines (image paths, URLs, markup debris, share and "read more" lines) and
//! repeated paragraphs (keeping the first), so every later offset is an offset into the text as
//! read. Quote and whitespace normalisation happens on tokens in `segment`.

use rustc_hash::FxHashSet;

use crate::types::{Span, fnv1a};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Dropped {
    NoLetters,
    Path,
    Markup,
    Boilerplate,
    Duplicate,
}

#[derive(Clone, Debug, Default)]
pub struct Cleaned {
    /// Prose paragraphs, trimmed, in text order.
    pub paragraphs: Vec<Span>,
    /// Lines left out, with the reason.
    pub dropped: Vec<(Span, Dropped)>,
}

const BOILERPLATE: &[&str] = &[
    "advertisement",
    "all rights reserved",
    "also read",
    "click here",
    "copyright",
    "follow us",
    "read more",
    "related:",
    "related articles",
    "share this",
    "share on",
    "sign up",
    "subscribe",
    "skip to",
    "story continues",
    "this article was",
];

/// Splits `text` into lines (any of `\n`, `\r\n`, `\r`) and keeps the prose ones.
pub fn clean(text: &str) -> Cleaned {
    let bytes = text.as_bytes();
    let mut out = Cleaned::default();
    let mut seen: FxHashSet<u64> = FxHashSet::default();
    let mut start = 0;
    let mut i = 0;
    let n = bytes.len();
    let mut key = Vec::new();
    while start < n {
        while i < n && bytes[i] != b'\n' && bytes[i] != b'\r' {
            i += 1;
        }
        let line = trim(text, start, i);
        if !line.is_empty() {
            match classify(line.text(text)) {
                Some(why) => out.dropped.push((line, why)),
                None => {
                    // a repeated paragraph (letters and digits compared, case folded) is dropped
                    key.clear();
                    key.extend(
                        line.text(text)
                            .bytes()
                            .filter(|b| b.is_ascii_alphanumeric() || *b >= 0x80)
                            .map(|b| b.to_ascii_lowercase()),
                    );
                    if key.len() >= 24 && !seen.insert(fnv1a(&key)) {
                        out.dropped.push((line, Dropped::Duplicate));
                    } else {
                        out.paragraphs.push(line);
                    }
                }
            }
        }
        if i < n && bytes[i] == b'\r' && i + 1 < n && bytes[i + 1] == b'\n' {
            i += 1;
        }
        i += 1;
        start = i;
    }
    out
}

fn trim(text: &str, start: usize, end: usize) -> Span {
    let s = &text[start..end];
    let lead = s.len() - s.trim_start().len();
    let t = s.trim();
    Span::new(start + lead, start + lead + t.len())
}

fn classify(line: &str) -> Option<Dropped> {
    if !line.chars().any(char::is_alphabetic) {
        return Some(Dropped::NoLetters);
    }
    let lower_start: String = line.chars().take(40).flat_map(char::to_lowercase).collect();
    let no_space = !line.contains(' ');
    if line.starts_with("![")
        || lower_start.starts_with("http://")
        || lower_start.starts_with("https://")
        || lower_start.starts_with("www.")
        || (no_space && (line.starts_with('/') || line.contains('/') && line.contains('.')))
        || (no_space
            && [".jpg", ".jpeg", ".png", ".webp", ".gif", ".svg"]
                .iter()
                .any(|e| lower_start.contains(e)))
    {
        return Some(Dropped::Path);
    }
    if (line.starts_with('<') && line.ends_with('>'))
        || line.starts_with("{{")
        || line.starts_with("[[")
        || (line.starts_with('{') && line.ends_with('}'))
    {
        return Some(Dropped::Markup);
    }
    if BOILERPLATE.iter().any(|b| lower_start.starts_with(b))
        && line.split_whitespace().count() <= 8
    {
        return Some(Dropped::Boilerplate);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn drops_junk_and_repeats_keeping_offsets() {
        let t = "First paragraph is long enough here.\r\n/images/x-123.webp)\n\nFirst paragraph is long enough here.\nRead more\nSecond one.";
        let c = clean(t);
        let kept: Vec<&str> = c.paragraphs.iter().map(|s| s.text(t)).collect();
        assert_eq!(
            kept,
            ["First paragraph is long enough here.", "Second one."]
        );
        assert!(c.dropped.iter().any(|(_, d)| *d == Dropped::Duplicate));
        assert!(c.dropped.iter().any(|(_, d)| *d == Dropped::Path));
    }

    #[test]
    fn lone_carriage_returns_split_lines() {
        let c = clean("One line.\rTwo line.");
        assert_eq!(c.paragraphs.len(), 2);
    }
}
