//! The clean stage: the raw article text in, the list of prose paragraphs to analyse out.
//!
//! Nothing is rewritten: cleaning only decides which byte ranges of the original text are prose.
//! It drops non-prose lines (image paths, URLs, markup debris, share and "read more" lines) and
//! repeated paragraphs (keeping the first), so every later offset is an offset into the text as
//! read. Quote and whitespace normalisation happens on tokens in `segment`.

use std::hash::BuildHasher;

use rustc_hash::{FxBuildHasher, FxHashSet};

use crate::types::Span;

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

/// Lines wider than this are paragraphs, not hard-wrapped text.
const MAX_WRAP_WIDTH: usize = 100;

/// One line of the text: its trimmed span, its width in characters (leading indentation
/// included, trailing space not), and whether it is indented.
struct Line {
    span: Span,
    width: usize,
    indented: bool,
}

/// Splits `text` into lines (any of `\n`, `\r\n`, `\r`) and keeps the prose ones.
pub fn clean(text: &str) -> Cleaned {
    clean_with(text, false)
}

/// Like [`clean`]; with `unwrap`, the lines of one paragraph of hard-wrapped text (see
/// [`soft_breaks`]) are joined into one span.
pub fn clean_with(text: &str, unwrap: bool) -> Cleaned {
    let lines = split_lines(text);
    let soft = if unwrap {
        soft_breaks(text, &lines)
    } else {
        Vec::new()
    };
    let mut out = Cleaned::default();
    let mut seen: FxHashSet<u64> = FxHashSet::default();
    let mut key = Vec::new();
    // the paragraph being joined, while its lines are prose and their breaks soft
    let mut open: Option<Span> = None;
    let mut close = |para: Span, out: &mut Cleaned| {
        // a repeated paragraph (letters and digits compared, case folded) is dropped
        dedup_key(para.text(text), &mut key);
        if key.len() >= 24 && !seen.insert(FxBuildHasher.hash_one(&key[..])) {
            out.dropped.push((para, Dropped::Duplicate));
        } else {
            out.paragraphs.push(para);
        }
    };
    for (k, line) in lines.iter().enumerate() {
        if line.span.is_empty() {
            continue;
        }
        match classify(line.span.text(text)) {
            Some(why) => {
                if let Some(p) = open.take() {
                    close(p, &mut out);
                }
                out.dropped.push((line.span, why));
            }
            None => {
                let para = match open.take() {
                    Some(p) => Span::new(p.start as usize, line.span.end as usize),
                    None => line.span,
                };
                if soft.get(k).copied().unwrap_or(false) {
                    open = Some(para);
                } else {
                    close(para, &mut out);
                }
            }
        }
    }
    if let Some(p) = open {
        close(p, &mut out);
    }
    out
}

/// For each byte, what the duplicate key of a paragraph keeps of it: ASCII letters lowercased,
/// digits and the bytes of non-ASCII characters as they are; 0 for a byte left out (spaces,
/// punctuation, control bytes). No kept byte is 0.
const KEY_BYTE: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        if c.is_ascii_alphanumeric() || c >= 0x80 {
            t[b] = c.to_ascii_lowercase();
        }
        b += 1;
    }
    t
};

/// The key that repeated paragraphs are found by, written into `key`: the letters and digits of
/// `para` (and its non-ASCII bytes), ASCII letters lowercased. One table look-up a byte, no
/// branch on the byte.
fn dedup_key(para: &str, key: &mut Vec<u8>) {
    let bytes = para.as_bytes();
    key.clear();
    key.resize(bytes.len(), 0);
    let mut n = 0;
    for &b in bytes {
        let k = KEY_BYTE[b as usize];
        key[n] = k;
        n += usize::from(k != 0);
    }
    key.truncate(n);
}

fn split_lines(text: &str) -> Vec<Line> {
    let bytes = text.as_bytes();
    let n = bytes.len();
    let mut lines = Vec::new();
    let (mut start, mut i) = (0, 0);
    while start < n {
        i = memchr::memchr2(b'\n', b'\r', &bytes[i..]).map_or(n, |k| i + k);
        let raw = text[start..i].trim_end();
        let span = trim(text, start, i);
        lines.push(Line {
            span,
            width: if raw.is_ascii() {
                raw.len()
            } else {
                raw.chars().count()
            },
            indented: span.start as usize > start,
        });
        if i < n && bytes[i] == b'\r' && i + 1 < n && bytes[i + 1] == b'\n' {
            i += 1;
        }
        i += 1;
        start = i;
    }
    lines
}

/// For each line, whether the break after it is soft: the text is hard-wrapped and the line
/// runs on in the next one. A text is hard-wrapped when it has at least three lines, none wider
/// than [`MAX_WRAP_WIDTH`], and at least half of its breaks between unindented lines are full:
/// the next line's first word would not have fitted on the line within the widest line's width
/// (how a wrapping editor breaks). A break is soft when it is full and the next line is neither
/// blank nor indented (an indented line opens a paragraph); short lines (headings, a paragraph's
/// last line) end their paragraph.
fn soft_breaks(text: &str, lines: &[Line]) -> Vec<bool> {
    let prose = lines.iter().filter(|l| !l.span.is_empty()).count();
    let width = lines.iter().map(|l| l.width).max().unwrap_or(0);
    if prose < 3 || width > MAX_WRAP_WIDTH {
        return Vec::new();
    }
    let soft: Vec<bool> = lines
        .windows(2)
        .map(|w| {
            let (a, b) = (&w[0], &w[1]);
            if a.span.is_empty() || b.span.is_empty() || b.indented {
                return false;
            }
            let next_word = b.span.text(text).split_whitespace().next().unwrap_or("");
            a.width + 1 + next_word.chars().count() > width
        })
        .collect();
    let candidates = lines
        .windows(2)
        .filter(|w| !w[0].span.is_empty() && !w[1].span.is_empty() && !w[1].indented)
        .count();
    let full = soft.iter().filter(|s| **s).count();
    if candidates == 0 || 2 * full < candidates {
        return Vec::new();
    }
    soft
}

fn trim(text: &str, start: usize, end: usize) -> Span {
    let s = &text[start..end];
    let lead = s.len() - s.trim_start().len();
    let t = s.trim();
    Span::new(start + lead, start + lead + t.len())
}

/// Whether `line` starts with the ASCII `prefix`, case folded.
fn starts_ci(line: &str, prefix: &str) -> bool {
    line.len() >= prefix.len()
        && line.as_bytes()[..prefix.len()].eq_ignore_ascii_case(prefix.as_bytes())
}

fn classify(line: &str) -> Option<Dropped> {
    let has_letter = line.bytes().any(|b| b.is_ascii_alphabetic())
        || (!line.is_ascii() && line.chars().any(char::is_alphabetic));
    if !has_letter {
        return Some(Dropped::NoLetters);
    }
    let no_space = !line.contains(' ');
    if line.starts_with("![")
        || starts_ci(line, "http://")
        || starts_ci(line, "https://")
        || starts_ci(line, "www.")
        || (no_space && (line.starts_with('/') || line.contains('/') && line.contains('.')))
        || (no_space && {
            let lower_start: String = line.chars().take(40).flat_map(char::to_lowercase).collect();
            [".jpg", ".jpeg", ".png", ".webp", ".gif", ".svg"]
                .iter()
                .any(|e| lower_start.contains(e))
        })
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
    if BOILERPLATE.iter().any(|b| starts_ci(line, b)) && line.split_whitespace().count() <= 8 {
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

    fn kept(t: &str) -> Vec<&str> {
        clean_with(t, true)
            .paragraphs
            .iter()
            .map(|s| s.text(t))
            .collect()
    }

    #[test]
    fn hard_wrapped_lines_join_into_paragraphs() {
        let t = "    Foreign Minister Ola Brandvik of Norland said on Tuesday\n\
                 that talks with the Vesterian delegation would resume next\n\
                 week in the capital, after a pause of three months.\n\
                 \x20   \"We are ready,\" he told reporters.\n\
                 \x20   The ministry said a draft accord on fishing rights was\n\
                 close to completion and would be signed by both sides before\n\
                 the end of the year.\n";
        assert_eq!(
            clean(t).paragraphs.len(),
            7,
            "off by default: one paragraph a line"
        );
        let k = kept(t);
        assert_eq!(k.len(), 3, "{k:?}");
        assert!(k[0].starts_with("Foreign Minister") && k[0].ends_with("three months."));
        assert!(
            k[0].contains("Tuesday\nthat"),
            "the span keeps the original bytes"
        );
        assert_eq!(k[1], "\"We are ready,\" he told reporters.");
        assert!(k[2].ends_with("end of the year."));
    }

    #[test]
    fn wrapped_paragraphs_split_at_blank_lines_and_short_lines() {
        let t = "NORLAND TRADE TALKS\n\
                 The trade ministers of Norland and Vesteria met in Holmstad\n\
                 on Friday and agreed to lower tariffs on timber and grain.\n\
                 \n\
                 A second round is planned for the spring, officials said,\n\
                 and the two governments will publish the text of the accord\n\
                 soon.\n";
        let k = kept(t);
        assert_eq!(k.len(), 3, "{k:?}");
        assert_eq!(k[0], "NORLAND TRADE TALKS");
        assert!(k[1].ends_with("grain.") && k[2].starts_with("A second round"));
    }

    #[test]
    fn unwrapped_short_lines_stay_apart() {
        // paragraphs one per line, some long: not hard-wrapped
        let t = "Home\nWorld\nThe envoy of Norland arrived in the capital of Vesteria on Monday for two days of talks on the border dispute, officials said.\nShe met the prime minister.\n";
        assert_eq!(kept(t).len(), 4);
        // short lines, but the breaks are not full: a list, not wrapped prose
        let t =
            "Talks resume.\nThe envoy arrived in the capital.\nNo date was set.\nMarkets rose.\n";
        assert_eq!(kept(t).len(), 4);
    }

    #[test]
    fn dedup_keys_keep_letters_digits_and_non_ascii_case_folded() {
        let mut key = vec![b'x'; 3];
        dedup_key("Talks in Holmstad, 2031: \u{201C}Ready\u{201D}!", &mut key);
        let expected: Vec<u8> = "talksinholmstad2031\u{201C}ready\u{201D}".bytes().collect();
        assert_eq!(key, expected);
        dedup_key(" .,;- ", &mut key);
        assert!(key.is_empty());
    }

    #[test]
    fn lone_carriage_returns_split_lines() {
        let c = clean("One line.\rTwo line.");
        assert_eq!(c.paragraphs.len(), 2);
    }
}
