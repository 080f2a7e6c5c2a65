//! The ingest stage: paths in, [`Article`]s out, one at a time (input is streamed).
//!
//! Reads `.txt`/`.md` files (one article each), `.jsonl` files (one article per line, with the
//! field names of diplograph, news-please and trafilatura), directories (recursively, in sorted
//! order) and `-` for standard input (JSONL if its first byte is `{`, else one text article).
//! A bad file, line or article never stops the run: it comes out as a [`Record::Skipped`] that
//! names it, and the caller counts it.

use std::collections::HashSet;
use std::fs::File;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use serde_json::Value;

use crate::types::{Article, fnv1a};

#[derive(Clone, Debug)]
pub struct IngestOptions {
    /// Reference date for text files (and for JSON records without a date).
    pub published: Option<NaiveDate>,
    /// Articles longer than this many bytes are skipped.
    pub max_article_bytes: usize,
}

impl Default for IngestOptions {
    fn default() -> Self {
        IngestOptions {
            published: None,
            max_article_bytes: 64 * 1024 * 1024,
        }
    }
}

/// What ingest yields.
#[derive(Debug)]
pub enum Record {
    Article(Article),
    /// Something that could not be read, with where (`file`, `file:line`) and why.
    Skipped {
        origin: String,
        reason: String,
    },
    /// The article was read, with a caveat (lossy UTF-8, unparseable date).
    Warning {
        origin: String,
        message: String,
    },
}

/// Parses "YYYY-MM-DD" and the common longer forms that start with it ("2017-05-11 12:00:00",
/// "2017-05-11T12:00:00Z"), and "YYYY/MM/DD".
pub fn parse_date(s: &str) -> Option<NaiveDate> {
    let s = s.trim();
    let head = s.get(..10)?;
    let head = head.replace('/', "-");
    NaiveDate::parse_from_str(&head, "%Y-%m-%d").ok()
}

/// Streams the records of every input path.
pub struct Ingest {
    opts: IngestOptions,
    queue: Vec<PathBuf>,
    current: Option<Source>,
    pending: Vec<Record>,
    seen_ids: HashSet<String>,
}

enum Source {
    Lines {
        origin: String,
        reader: Box<dyn BufRead + Send>,
        line: usize,
        buf: Vec<u8>,
    },
}

impl Ingest {
    pub fn new(inputs: &[PathBuf], opts: IngestOptions) -> Ingest {
        let mut queue: Vec<PathBuf> = inputs.to_vec();
        queue.reverse();
        Ingest {
            opts,
            queue,
            current: None,
            pending: Vec::new(),
            seen_ids: HashSet::new(),
        }
    }

    fn open(&mut self, path: PathBuf) {
        let origin = path.display().to_string();
        if path.as_os_str() == "-" {
            let mut stdin = BufReader::new(std::io::stdin());
            let first = stdin.fill_buf().map(|b| b.first().copied()).ok().flatten();
            if first == Some(b'{') {
                self.current = Some(Source::Lines {
                    origin: "<stdin>".into(),
                    reader: Box::new(stdin),
                    line: 0,
                    buf: Vec::new(),
                });
            } else {
                let mut bytes = Vec::new();
                match stdin.read_to_end(&mut bytes) {
                    Ok(_) => self.text_article("<stdin>", "stdin", bytes),
                    Err(e) => self.skip("<stdin>", e.to_string()),
                }
            }
            return;
        }
        let meta = match std::fs::metadata(&path) {
            Ok(m) => m,
            Err(e) => return self.skip(&origin, e.to_string()),
        };
        if meta.is_dir() {
            let mut entries: Vec<PathBuf> = match std::fs::read_dir(&path) {
                Ok(rd) => rd.filter_map(|e| e.ok().map(|e| e.path())).collect(),
                Err(e) => return self.skip(&origin, e.to_string()),
            };
            entries.retain(|p| {
                p.is_dir()
                    || matches!(
                        p.extension().and_then(|e| e.to_str()),
                        Some("txt" | "md" | "jsonl" | "json" | "text" | "markdown")
                    )
            });
            entries.sort();
            entries.reverse();
            self.queue.extend(entries);
            return;
        }
        let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("");
        if ext == "jsonl" || ext == "json" || ext == "ndjson" {
            match File::open(&path) {
                Ok(f) => {
                    self.current = Some(Source::Lines {
                        origin,
                        reader: Box::new(BufReader::with_capacity(1 << 16, f)),
                        line: 0,
                        buf: Vec::new(),
                    })
                }
                Err(e) => self.skip(&origin, e.to_string()),
            }
        } else {
            if meta.len() as usize > self.opts.max_article_bytes {
                return self.skip(
                    &origin,
                    format!(
                        "article of {} bytes is over the limit of {} (--max-article-bytes)",
                        meta.len(),
                        self.opts.max_article_bytes
                    ),
                );
            }
            match std::fs::read(&path) {
                Ok(bytes) => {
                    let stem = path
                        .file_stem()
                        .and_then(|s| s.to_str())
                        .unwrap_or("article")
                        .to_string();
                    self.text_article(&origin, &stem, bytes)
                }
                Err(e) => self.skip(&origin, e.to_string()),
            }
        }
    }

    fn skip(&mut self, origin: &str, reason: String) {
        self.pending.push(Record::Skipped {
            origin: origin.to_string(),
            reason,
        });
    }

    fn text_article(&mut self, origin: &str, id: &str, bytes: Vec<u8>) {
        let Some(text) = self.decode(origin, bytes) else {
            return;
        };
        if text.trim().is_empty() {
            return self.skip(origin, "empty article".into());
        }
        let article = Article {
            id: id.to_string(),
            title: None,
            published: self.opts.published,
            url: None,
            text,
        };
        self.accept(origin, article);
    }

    /// UTF-8 with a lossy fallback; binary content (NUL bytes) is refused.
    fn decode(&mut self, origin: &str, mut bytes: Vec<u8>) -> Option<String> {
        if bytes.starts_with(&[0xEF, 0xBB, 0xBF]) {
            // keep the offsets of the text as read: the BOM is blanked, not removed
            bytes[..3].copy_from_slice(b"   ");
        }
        if memchr::memchr(0, &bytes[..bytes.len().min(8192)]).is_some() {
            self.skip(origin, "binary file (NUL bytes)".into());
            return None;
        }
        match String::from_utf8(bytes) {
            Ok(s) => Some(s),
            Err(e) => {
                self.pending.push(Record::Warning {
                    origin: origin.to_string(),
                    message: "invalid UTF-8, decoded lossily".into(),
                });
                Some(String::from_utf8_lossy(e.as_bytes()).into_owned())
            }
        }
    }

    fn accept(&mut self, origin: &str, article: Article) {
        if article.text.len() > self.opts.max_article_bytes {
            return self.skip(
                origin,
                format!(
                    "article {} of {} bytes is over the limit of {} (--max-article-bytes)",
                    article.id,
                    article.text.len(),
                    self.opts.max_article_bytes
                ),
            );
        }
        if !self.seen_ids.insert(article.id.clone()) {
            return self.skip(origin, format!("duplicate article id {:?}", article.id));
        }
        self.pending.push(Record::Article(article));
    }

    fn json_line(&mut self, origin: &str, line: &[u8]) {
        let line = trim_ascii(line);
        if line.is_empty() {
            return;
        }
        let v: Value = match serde_json::from_slice(line) {
            Ok(v) => v,
            Err(e) => {
                // a line that is not valid UTF-8 JSON: try a lossy decode before giving up
                let lossy = String::from_utf8_lossy(line);
                match serde_json::from_str::<Value>(&lossy) {
                    Ok(v) => {
                        self.pending.push(Record::Warning {
                            origin: origin.to_string(),
                            message: "invalid UTF-8, decoded lossily".into(),
                        });
                        v
                    }
                    Err(_) => return self.skip(origin, format!("malformed JSON: {e}")),
                }
            }
        };
        let Value::Object(obj) = v else {
            return self.skip(origin, "not a JSON object".into());
        };
        let text = ["text", "maintext", "raw_text", "body", "content", "article"]
            .iter()
            .find_map(|k| obj.get(*k).and_then(Value::as_str));
        let Some(text) = text else {
            let wrong = ["text", "maintext"].iter().any(|k| obj.contains_key(*k));
            return self.skip(
                origin,
                if wrong {
                    "the text field is not a string".into()
                } else {
                    "no text field (text, maintext)".into()
                },
            );
        };
        if text.trim().is_empty() {
            return self.skip(origin, "empty text".into());
        }
        if memchr::memchr(0, text.as_bytes()).is_some() {
            return self.skip(origin, "text contains NUL bytes".into());
        }
        let id = match obj.get("id") {
            Some(Value::String(s)) if !s.trim().is_empty() => s.clone(),
            Some(Value::Number(n)) => n.to_string(),
            _ => format!("sha:{:016x}", fnv1a(text.as_bytes())),
        };
        let str_field = |keys: &[&str]| {
            keys.iter()
                .find_map(|k| obj.get(*k).and_then(Value::as_str))
                .map(str::to_string)
        };
        let date_raw = str_field(&[
            "published",
            "date_publish",
            "date",
            "pubdate",
            "date_published",
        ]);
        let published = match &date_raw {
            Some(d) if !d.trim().is_empty() => match parse_date(d) {
                Some(d) => Some(d),
                None => {
                    self.pending.push(Record::Warning {
                        origin: origin.to_string(),
                        message: format!("unparseable date {d:?}, left null"),
                    });
                    None
                }
            },
            _ => self.opts.published,
        };
        let article = Article {
            id,
            title: str_field(&["title"]),
            published,
            url: str_field(&["url", "source_url"]),
            text: text.to_string(),
        };
        self.accept(origin, article);
    }
}

fn trim_ascii(b: &[u8]) -> &[u8] {
    let s = b
        .iter()
        .position(|c| !c.is_ascii_whitespace())
        .unwrap_or(b.len());
    let e = b
        .iter()
        .rposition(|c| !c.is_ascii_whitespace())
        .map_or(s, |e| e + 1);
    &b[s..e]
}

impl Iterator for Ingest {
    type Item = Record;

    fn next(&mut self) -> Option<Record> {
        loop {
            if let Some(r) = self.pending.pop() {
                return Some(r);
            }
            if let Some(Source::Lines {
                origin,
                reader,
                line,
                buf,
            }) = &mut self.current
            {
                buf.clear();
                match reader.read_until(b'\n', buf) {
                    Ok(0) => {
                        self.current = None;
                    }
                    Ok(_) => {
                        *line += 1;
                        let where_ = format!("{origin}:{line}");
                        let bytes = std::mem::take(buf);
                        if bytes.len() > self.opts.max_article_bytes + 4096 {
                            self.skip(
                                &where_,
                                format!(
                                    "record of {} bytes is over the limit of {} (--max-article-bytes)",
                                    bytes.len(),
                                    self.opts.max_article_bytes
                                ),
                            );
                        } else {
                            self.json_line(&where_, &bytes);
                        }
                        if let Some(Source::Lines { buf, .. }) = &mut self.current {
                            *buf = bytes;
                        }
                        // records come out in file order
                        self.pending.reverse();
                    }
                    Err(e) => {
                        let o = origin.clone();
                        self.current = None;
                        self.skip(&o, e.to_string());
                    }
                }
                continue;
            }
            let path = self.queue.pop()?;
            self.open(path);
            self.pending.reverse();
        }
    }
}

/// Is this path something ingest can read (for checking arguments before work starts)?
pub fn exists(path: &Path) -> bool {
    path.as_os_str() == "-" || path.exists()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read_jsonl(content: &str) -> Vec<Record> {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("a.jsonl");
        std::fs::write(&p, content).unwrap();
        Ingest::new(&[p], IngestOptions::default()).collect()
    }

    #[test]
    fn reads_news_please_fields() {
        let recs = read_jsonl(
            "{\"title\":\"T\",\"maintext\":\"Body text.\",\"date_publish\":\"2020-01-02 10:00:00\"}\n",
        );
        match &recs[0] {
            Record::Article(a) => {
                assert_eq!(a.text, "Body text.");
                assert_eq!(a.published, NaiveDate::from_ymd_opt(2020, 1, 2));
                assert!(a.id.starts_with("sha:"));
            }
            r => panic!("{r:?}"),
        }
    }

    #[test]
    fn malformed_line_is_reported_with_its_number_and_the_rest_read() {
        let recs =
            read_jsonl("{\"id\":\"a\",\"text\":\"x\"}\n{oops\n{\"id\":\"b\",\"text\":\"y\"}\n");
        assert_eq!(recs.len(), 3);
        assert!(
            matches!(&recs[1], Record::Skipped { origin, .. } if origin.ends_with("a.jsonl:2"))
        );
        assert!(matches!(&recs[2], Record::Article(a) if a.id == "b"));
    }

    #[test]
    fn parses_date_forms() {
        assert_eq!(
            parse_date("2025-11-21"),
            NaiveDate::from_ymd_opt(2025, 11, 21)
        );
        assert_eq!(
            parse_date("2025/11/21"),
            NaiveDate::from_ymd_opt(2025, 11, 21)
        );
        assert_eq!(
            parse_date("2025-11-21T10:00:00Z"),
            NaiveDate::from_ymd_opt(2025, 11, 21)
        );
        assert_eq!(parse_date("yesterday"), None);
    }
}
