//! The ingest stage: paths in, [`Article`]s out, one at a time (input is streamed).
//!
//! Reads `.txt`/`.md` files (one article each), `.jsonl` files (one article per line, with the
//! field names of diplograph, news-please and trafilatura), directories (recursively, in sorted
//! order) and `-` for standard input (JSONL if its first byte is `{`, else one text article).
//! A bad file, line or article never stops the run: it comes out as a [`Record::Skipped`] that
//! names it (`file`, `file:line`) and says why, and the caller counts it.
//!
//! Hostile input, and what happens to it:
//! - invalid UTF-8 is decoded lossily (U+FFFD) with a [`Record::Warning`] giving the byte offset;
//! - binary files (any NUL byte) and JSON texts with NUL characters are skipped;
//! - empty files and empty `text` fields are skipped;
//! - a UTF-8 byte-order mark is blanked to three spaces in text files (so offsets still index the
//!   file's bytes) and ignored at the start of a JSONL file or of standard input;
//! - lines of JSONL files may end in `\n`, `\r\n` or a lone `\r`; text files keep their line
//!   ends as read (the clean stage understands all three);
//! - a malformed JSONL line is skipped as `file:line` and the rest of the file is read;
//! - a field of the wrong type is skipped (`text`) or left null with a warning (the others);
//! - a record without an `id` gets a stable one from a hash of its text (`sha:` + 16 hex digits);
//! - a repeated id is skipped, naming where the first one was read;
//! - an unparseable date is left null with a warning;
//! - unreadable files and directories are skipped with the system's reason; in directories,
//!   special files (FIFOs, sockets, devices) are skipped and symlink loops are not followed;
//! - articles over [`IngestOptions::max_article_bytes`] are skipped, and a JSONL line is never
//!   held in memory beyond about twice that limit, however long it is.

use std::collections::{HashMap, HashSet};
use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use serde_json::{Map, Value};

use crate::types::{Article, fnv1a};

/// The default of [`IngestOptions::max_article_bytes`] (64 MiB).
pub const DEFAULT_MAX_ARTICLE_BYTES: usize = 64 * 1024 * 1024;

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
            max_article_bytes: DEFAULT_MAX_ARTICLE_BYTES,
        }
    }
}

/// What ingest yields.
#[derive(Debug)]
pub enum Record {
    Article(Article),
    /// Something that could not be read, with where (`file`, `file:line`) and why. The reason
    /// starts with a short category before the first `:` ("malformed JSON: …", "too large: …"),
    /// which the run summary counts by.
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
/// "2017-05-11T12:00:00Z"), "YYYY/MM/DD", and RFC 2822 dates ("Fri, 21 Nov 2025 10:00:00 GMT").
pub fn parse_date(s: &str) -> Option<NaiveDate> {
    let s = s.trim();
    if let Some(head) = s.get(..10) {
        let head = head.replace('/', "-");
        if let Ok(d) = NaiveDate::parse_from_str(&head, "%Y-%m-%d") {
            return Some(d);
        }
    }
    chrono::DateTime::parse_from_rfc2822(s)
        .ok()
        .map(|d| d.date_naive())
}

/// Streams the records of every input path.
pub struct Ingest {
    opts: IngestOptions,
    /// Paths still to open, last first; `true` when named by the caller (not found in a
    /// directory).
    queue: Vec<(PathBuf, bool)>,
    current: Option<Source>,
    pending: Vec<Record>,
    /// Article ids read so far, with where the first one came from.
    seen_ids: HashMap<String, String>,
    /// Directories already walked (canonical paths), so symlink loops end.
    seen_dirs: HashSet<PathBuf>,
}

enum Source {
    Lines {
        origin: String,
        reader: Box<dyn BufRead + Send>,
        line: usize,
        buf: Vec<u8>,
    },
}

/// The longest JSONL line kept in memory for an article limit of `max` bytes: JSON escapes make
/// a line longer than its text, so a line may be up to twice the limit (plus 1 MiB of metadata).
fn line_cap(max: usize) -> usize {
    max.saturating_mul(2).saturating_add(1 << 20)
}

/// Reads one line ending in `\n`, `\r\n` or a lone `\r` into `buf`, without its end, keeping at
/// most `cap` bytes (the rest of a longer line is read and thrown away). Returns the full length
/// of the line, or `None` at the end of the input.
fn next_line(r: &mut dyn BufRead, buf: &mut Vec<u8>, cap: usize) -> io::Result<Option<usize>> {
    buf.clear();
    let mut total = 0usize;
    let mut any = false;
    loop {
        let (used, done, cr) = {
            let avail = match r.fill_buf() {
                Ok(b) => b,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(e),
            };
            if avail.is_empty() {
                return Ok(any.then_some(total));
            }
            any = true;
            let (end, done) = match memchr::memchr2(b'\n', b'\r', avail) {
                Some(i) => (i, true),
                None => (avail.len(), false),
            };
            let room = cap.saturating_sub(buf.len());
            buf.extend_from_slice(&avail[..end.min(room)]);
            total = total.saturating_add(end);
            let cr = done && avail[end] == b'\r';
            (if done { end + 1 } else { end }, done, cr)
        };
        r.consume(used);
        if done {
            if cr {
                // a "\r\n" is one line end
                loop {
                    match r.fill_buf() {
                        Ok(b) => {
                            if b.first() == Some(&b'\n') {
                                r.consume(1);
                            }
                            break;
                        }
                        Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                        Err(e) => return Err(e),
                    }
                }
            }
            return Ok(Some(total));
        }
    }
}

/// The JSON type of `v`, for messages.
fn type_name(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

const TEXT_FIELDS: &[&str] = &["text", "maintext", "raw_text", "body", "content", "article"];
const DATE_FIELDS: &[&str] = &[
    "published",
    "date_publish",
    "date",
    "pubdate",
    "date_published",
];

impl Ingest {
    pub fn new(inputs: &[PathBuf], opts: IngestOptions) -> Ingest {
        let mut queue: Vec<(PathBuf, bool)> = inputs.iter().map(|p| (p.clone(), true)).collect();
        queue.reverse();
        Ingest {
            opts,
            queue,
            current: None,
            pending: Vec::new(),
            seen_ids: HashMap::new(),
            seen_dirs: HashSet::new(),
        }
    }

    /// Reads JSONL records from `reader`, naming them `origin:line` (for tests, fuzzing and
    /// embedding).
    pub fn from_jsonl_reader(
        origin: &str,
        reader: impl BufRead + Send + 'static,
        opts: IngestOptions,
    ) -> Ingest {
        let mut ing = Ingest::new(&[], opts);
        ing.current = Some(Source::Lines {
            origin: origin.to_string(),
            reader: Box::new(reader),
            line: 0,
            buf: Vec::new(),
        });
        ing
    }

    /// Reads `bytes` as one text article with id `id`, the way a `.txt` file is read.
    pub fn from_text_bytes(origin: &str, id: &str, bytes: Vec<u8>, opts: IngestOptions) -> Ingest {
        let mut ing = Ingest::new(&[], opts);
        ing.text_article(origin, id, bytes);
        ing.pending.reverse();
        ing
    }

    fn open(&mut self, path: PathBuf, explicit: bool) {
        let origin = path.display().to_string();
        if explicit && path.as_os_str() == "-" {
            return self.open_stdin();
        }
        let meta = match std::fs::metadata(&path) {
            Ok(m) => m,
            Err(e) => return self.skip(&origin, format!("unreadable: {e}")),
        };
        if meta.is_dir() {
            // a symlink loop, or the same directory named twice, is walked once
            if let Ok(canon) = std::fs::canonicalize(&path)
                && !self.seen_dirs.insert(canon)
            {
                return;
            }
            let mut entries: Vec<PathBuf> = match std::fs::read_dir(&path) {
                Ok(rd) => rd.filter_map(|e| e.ok().map(|e| e.path())).collect(),
                Err(e) => return self.skip(&origin, format!("unreadable: {e}")),
            };
            entries.retain(|p| {
                p.is_dir()
                    || matches!(
                        p.extension().and_then(|e| e.to_str()),
                        Some("txt" | "md" | "jsonl" | "json" | "ndjson" | "text" | "markdown")
                    )
            });
            entries.sort();
            entries.reverse();
            self.queue.extend(entries.into_iter().map(|p| (p, false)));
            return;
        }
        if !explicit && !meta.is_file() {
            // a FIFO or device found in a directory could block forever or never end
            return self.skip(
                &origin,
                "not a regular file: FIFO, socket or device".to_string(),
            );
        }
        let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("");
        if ext == "jsonl" || ext == "json" || ext == "ndjson" {
            match File::open(&path) {
                Ok(f) => self.open_lines(origin, BufReader::with_capacity(1 << 16, f)),
                Err(e) => self.skip(&origin, format!("unreadable: {e}")),
            }
            return;
        }
        let max = self.opts.max_article_bytes;
        if meta.is_file() && meta.len() > max as u64 {
            return self.skip(
                &origin,
                format!(
                    "too large: {} bytes, over the limit of {max} (--max-article-bytes)",
                    meta.len()
                ),
            );
        }
        let stem = path
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or("article")
            .to_string();
        match File::open(&path).and_then(|f| read_capped(f, max)) {
            Ok(Some(bytes)) => self.text_article(&origin, &stem, bytes),
            Ok(None) => self.skip(
                &origin,
                format!("too large: over the limit of {max} bytes (--max-article-bytes)"),
            ),
            Err(e) => self.skip(&origin, format!("unreadable: {e}")),
        }
    }

    fn open_stdin(&mut self) {
        let mut stdin = BufReader::with_capacity(1 << 16, io::stdin());
        let first = stdin.fill_buf().ok().and_then(|b| {
            let b = b.strip_prefix(&[0xEF, 0xBB, 0xBF][..]).unwrap_or(b);
            b.iter().copied().find(|c| !c.is_ascii_whitespace())
        });
        if first == Some(b'{') {
            self.open_lines("<stdin>".into(), stdin);
            return;
        }
        let max = self.opts.max_article_bytes;
        match read_capped(stdin, max) {
            Ok(Some(bytes)) => self.text_article("<stdin>", "stdin", bytes),
            Ok(None) => self.skip(
                "<stdin>",
                format!("too large: over the limit of {max} bytes (--max-article-bytes)"),
            ),
            Err(e) => self.skip("<stdin>", format!("unreadable: {e}")),
        }
    }

    fn open_lines(&mut self, origin: String, reader: impl BufRead + Send + 'static) {
        self.current = Some(Source::Lines {
            origin,
            reader: Box::new(reader),
            line: 0,
            buf: Vec::new(),
        });
    }

    fn skip(&mut self, origin: &str, reason: String) {
        self.pending.push(Record::Skipped {
            origin: origin.to_string(),
            reason,
        });
    }

    fn warn(&mut self, origin: &str, message: String) {
        self.pending.push(Record::Warning {
            origin: origin.to_string(),
            message,
        });
    }

    fn text_article(&mut self, origin: &str, id: &str, bytes: Vec<u8>) {
        let Some(text) = self.decode(origin, bytes) else {
            return;
        };
        if is_blank(&text) {
            return self.skip(origin, "empty article: no text".into());
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
        if let Some(at) = memchr::memchr(0, &bytes) {
            self.skip(origin, format!("binary file: NUL byte at offset {at}"));
            return None;
        }
        match String::from_utf8(bytes) {
            Ok(s) => Some(s),
            Err(e) => {
                let at = e.utf8_error().valid_up_to();
                let s = String::from_utf8_lossy(e.as_bytes()).into_owned();
                self.warn(
                    origin,
                    format!(
                        "invalid UTF-8 at byte {at}, decoded lossily (U+FFFD); offsets index the \
                         decoded text"
                    ),
                );
                Some(s)
            }
        }
    }

    fn accept(&mut self, origin: &str, article: Article) {
        let max = self.opts.max_article_bytes;
        if article.text.len() > max {
            return self.skip(
                origin,
                format!(
                    "too large: article {:?} of {} bytes is over the limit of {max} \
                     (--max-article-bytes)",
                    article.id,
                    article.text.len(),
                ),
            );
        }
        if let Some(first) = self.seen_ids.get(&article.id) {
            let reason = format!("duplicate id: {:?}, first read from {first}", article.id);
            return self.skip(origin, reason);
        }
        self.seen_ids.insert(article.id.clone(), origin.to_string());
        self.pending.push(Record::Article(article));
    }

    fn json_line(&mut self, origin: &str, line: &[u8], first_line: bool) {
        let mut line = trim_ascii(line);
        if first_line {
            line = line.strip_prefix(&[0xEF, 0xBB, 0xBF][..]).unwrap_or(line);
            line = trim_ascii(line);
        }
        if line.is_empty() {
            return;
        }
        if let Some(at) = memchr::memchr(0, line) {
            return self.skip(
                origin,
                format!("binary data: NUL byte at column {}", at + 1),
            );
        }
        let v: Value = match serde_json::from_slice(line) {
            Ok(v) => v,
            Err(e) => {
                // a line that is not valid UTF-8 JSON: try a lossy decode before giving up
                if std::str::from_utf8(line).is_ok() {
                    return self.skip(origin, format!("malformed JSON: {e}"));
                }
                let lossy = String::from_utf8_lossy(line);
                match serde_json::from_str::<Value>(&lossy) {
                    Ok(v) => {
                        let at = std::str::from_utf8(line)
                            .err()
                            .map_or(0, |e| e.valid_up_to());
                        self.warn(
                            origin,
                            format!(
                                "invalid UTF-8 at byte {at} of the line, decoded lossily (U+FFFD)"
                            ),
                        );
                        v
                    }
                    Err(e) => return self.skip(origin, format!("malformed JSON: {e}")),
                }
            }
        };
        match v {
            Value::Object(obj) => self.json_record(origin, obj),
            other => self.skip(
                origin,
                format!("not a JSON object: the line holds {}", type_name(&other)),
            ),
        }
    }

    fn json_record(&mut self, origin: &str, obj: Map<String, Value>) {
        // the first text field that is a string; a present one of another type is reported
        let mut wrong: Option<(&str, &'static str)> = None;
        let mut text = None;
        for k in TEXT_FIELDS {
            match obj.get(*k) {
                Some(Value::String(s)) => {
                    text = Some(s.as_str());
                    break;
                }
                Some(Value::Null) | None => {}
                Some(v) => {
                    wrong.get_or_insert((k, type_name(v)));
                }
            }
        }
        let Some(text) = text else {
            return self.skip(
                origin,
                match wrong {
                    Some((k, t)) => format!("wrong type: field {k:?} is {t}, not a string"),
                    None => "no text: no text field (text, maintext, body, content)".into(),
                },
            );
        };
        if is_blank(text) {
            return self.skip(origin, "empty article: empty text field".into());
        }
        if let Some(at) = memchr::memchr(0, text.as_bytes()) {
            return self.skip(
                origin,
                format!("binary data: text contains a NUL character at byte {at}"),
            );
        }
        let id = match obj.get("id") {
            Some(Value::String(s)) if !s.trim().is_empty() => s.clone(),
            Some(Value::Number(n)) => n.to_string(),
            other => {
                if let Some(v @ (Value::Bool(_) | Value::Array(_) | Value::Object(_))) = other {
                    self.warn(
                        origin,
                        format!(
                            "field \"id\" is {}, not a string: id derived from the text",
                            type_name(v)
                        ),
                    );
                }
                format!("sha:{:016x}", fnv1a(text.as_bytes()))
            }
        };
        let str_field = |this: &mut Ingest, keys: &[&str]| -> Option<String> {
            for k in keys {
                match obj.get(*k) {
                    Some(Value::String(s)) => return Some(s.clone()),
                    Some(Value::Null) | None => {}
                    Some(v) => {
                        this.warn(
                            origin,
                            format!("field {k:?} is {}, not a string: left null", type_name(v)),
                        );
                        return None;
                    }
                }
            }
            None
        };
        let has_date = DATE_FIELDS
            .iter()
            .any(|k| !matches!(obj.get(*k), None | Some(Value::Null)));
        let published = if has_date {
            match str_field(self, DATE_FIELDS) {
                Some(d) if d.trim().is_empty() => self.opts.published,
                Some(d) => match parse_date(&d) {
                    Some(d) => Some(d),
                    None => {
                        let shown: String = d.chars().take(60).collect();
                        self.warn(origin, format!("unparseable date {shown:?}, left null"));
                        None
                    }
                },
                None => None,
            }
        } else {
            self.opts.published
        };
        let title = str_field(self, &["title"]);
        let url = str_field(self, &["url", "source_url"]);
        let article = Article {
            id,
            title,
            published,
            url,
            text: text.to_string(),
        };
        self.accept(origin, article);
    }
}

/// Nothing but whitespace, byte-order marks and zero-width characters?
fn is_blank(s: &str) -> bool {
    s.chars().all(|c| {
        c.is_whitespace() || matches!(c, '\u{feff}' | '\u{200b}'..='\u{200d}' | '\u{2060}')
    })
}

/// Reads all of `r`, or `None` when it holds more than `max` bytes.
fn read_capped(r: impl Read, max: usize) -> io::Result<Option<Vec<u8>>> {
    let mut bytes = Vec::new();
    r.take(max as u64 + 1).read_to_end(&mut bytes)?;
    Ok((bytes.len() <= max).then_some(bytes))
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
            let cap = line_cap(self.opts.max_article_bytes);
            if let Some(Source::Lines {
                origin,
                reader,
                line,
                buf,
            }) = &mut self.current
            {
                let mut bytes = std::mem::take(buf);
                match next_line(reader.as_mut(), &mut bytes, cap) {
                    Ok(None) => {
                        self.current = None;
                    }
                    Ok(Some(len)) => {
                        *line += 1;
                        let first_line = *line == 1;
                        let where_ = format!("{origin}:{line}");
                        if len > cap {
                            self.skip(
                                &where_,
                                format!(
                                    "too large: a line of {len} bytes, over the limit of {} \
                                     for articles of {} bytes (--max-article-bytes)",
                                    cap, self.opts.max_article_bytes
                                ),
                            );
                        } else {
                            self.json_line(&where_, &bytes, first_line);
                        }
                        if let Some(Source::Lines { buf, .. }) = &mut self.current {
                            // keep the allocation, unless one long line made it huge
                            if bytes.capacity() <= 1 << 20 {
                                *buf = bytes;
                            }
                        }
                        // records come out in file order
                        self.pending.reverse();
                    }
                    Err(e) => {
                        let o = format!("{origin}:{}", *line + 1);
                        self.current = None;
                        self.skip(&o, format!("unreadable: {e}"));
                    }
                }
                continue;
            }
            let (path, explicit) = self.queue.pop()?;
            self.open(path, explicit);
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
        read_jsonl_bytes(content.as_bytes())
    }

    fn read_jsonl_bytes(content: &[u8]) -> Vec<Record> {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("a.jsonl");
        std::fs::write(&p, content).unwrap();
        Ingest::new(&[p], IngestOptions::default()).collect()
    }

    fn articles(recs: &[Record]) -> Vec<&Article> {
        recs.iter()
            .filter_map(|r| match r {
                Record::Article(a) => Some(a),
                _ => None,
            })
            .collect()
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
    fn line_ends_bom_and_lone_cr() {
        let recs = read_jsonl_bytes(
            b"\xEF\xBB\xBF{\"id\":\"a\",\"text\":\"x\"}\r\n{\"id\":\"b\",\"text\":\"y\"}\r{\"id\":\"c\",\"text\":\"z\"}",
        );
        let ids: Vec<&str> = articles(&recs).iter().map(|a| a.id.as_str()).collect();
        assert_eq!(ids, ["a", "b", "c"], "{recs:?}");
    }

    #[test]
    fn next_line_caps_memory_and_counts_the_whole_line() {
        let data = format!("{}\nshort\r\nx", "a".repeat(100));
        let mut r = io::Cursor::new(data.into_bytes());
        let mut buf = Vec::new();
        assert_eq!(next_line(&mut r, &mut buf, 10).unwrap(), Some(100));
        assert_eq!(buf.len(), 10);
        assert_eq!(next_line(&mut r, &mut buf, 10).unwrap(), Some(5));
        assert_eq!(buf, b"short");
        assert_eq!(next_line(&mut r, &mut buf, 10).unwrap(), Some(1));
        assert_eq!(next_line(&mut r, &mut buf, 10).unwrap(), None);
    }

    #[test]
    fn wrong_types_duplicates_and_dates() {
        let recs = read_jsonl(concat!(
            "{\"id\":\"a\",\"text\":5}\n",
            "{\"id\":[1],\"text\":\"same\",\"title\":7,\"published\":\"someday\"}\n",
            "{\"text\":\"same\"}\n",
            "{\"id\":\"d\",\"text\":\"t\",\"published\":20200101}\n",
        ));
        let skipped: Vec<&String> = recs
            .iter()
            .filter_map(|r| match r {
                Record::Skipped { reason, .. } => Some(reason),
                _ => None,
            })
            .collect();
        assert!(skipped[0].starts_with("wrong type: field \"text\""));
        assert!(
            skipped[1].starts_with("duplicate id: \"sha:"),
            "{skipped:?}"
        );
        let a = articles(&recs);
        assert_eq!(a.len(), 2);
        assert_eq!(a[0].title, None);
        assert_eq!(a[0].published, None);
        assert_eq!(a[1].published, None);
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
        assert_eq!(
            parse_date("Fri, 21 Nov 2025 10:00:00 GMT"),
            NaiveDate::from_ymd_opt(2025, 11, 21)
        );
        assert_eq!(parse_date("yesterday"), None);
        assert_eq!(parse_date("2025-11-2é"), None);
    }
}
