//! Hostile input and partial failure, through the built binary (`env!("CARGO_BIN_EXE_diplograph")`)
//! on temporary files made by each test: bad input is skipped or warned about, naming the file or
//! `file:line`; exit codes are 0 (success), 1 (fatal) and 2 (some input skipped, with a one-line
//! summary); graph files are never left broken or overwritten by a failed read; per-article limits
//! hold. See docs/FAILURES.md.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use crate::util::{BIN, run, stderr};
use diplograph::Graph;
use serde_json::Value;

const CALL: &str = "Portuguese Foreign Minister Tomás Velarde held a phone call with Chilean \
                    Foreign Minister Ignacia Moraga on Tuesday, the ministry said.";

fn p(path: &Path) -> &str {
    path.to_str().expect("UTF-8 temp path")
}

/// Runs `build <inputs> --output <dir>/graph.json --quiet [extra]`.
fn build(dir: &Path, inputs: &[&Path], extra: &[&str]) -> (Output, PathBuf) {
    let out = dir.join("graph.json");
    let mut args = vec!["build"];
    args.extend(inputs.iter().map(|i| p(i)));
    args.extend(["--output", p(&out), "--quiet"]);
    args.extend(extra);
    (run(&args), out)
}

fn code(o: &Output) -> i32 {
    o.status.code().expect("exited, not killed")
}

fn assert_code(o: &Output, want: i32, what: &str) {
    assert_eq!(code(o), want, "{what}: stderr:\n{}", stderr(o));
    let err = stderr(o);
    assert!(!err.contains("panicked"), "{what} panicked:\n{err}");
}

/// The last stderr line, which is the run summary.
fn summary(o: &Output) -> String {
    stderr(o).lines().last().unwrap_or_default().to_string()
}

fn jsonl_line(v: Value) -> String {
    let mut s = v.to_string();
    s.push('\n');
    s
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

fn read_graph(path: &Path) -> Value {
    serde_json::from_str(&std::fs::read_to_string(path).expect("graph written"))
        .expect("graph is JSON")
}

fn articles(g: &Value) -> Vec<Value> {
    g["graph"]["articles"]
        .as_array()
        .cloned()
        .unwrap_or_default()
}

fn article_ids(g: &Value) -> Vec<String> {
    articles(g)
        .iter()
        .map(|a| a["id"].as_str().unwrap_or_default().to_string())
        .collect()
}

/// Every `{start, end, text}` object in a graph JSON.
fn spans(v: &Value, out: &mut Vec<(usize, usize, String)>) {
    match v {
        Value::Object(m) => {
            if let (Some(s), Some(e), Some(t)) = (
                m.get("start").and_then(Value::as_u64),
                m.get("end").and_then(Value::as_u64),
                m.get("text").and_then(Value::as_str),
            ) {
                out.push((s as usize, e as usize, t.to_string()));
            }
            m.values().for_each(|x| spans(x, out));
        }
        Value::Array(a) => a.iter().for_each(|x| spans(x, out)),
        _ => {}
    }
}

/// Asserts that every span in the graph carries exactly the bytes of `text` it points at.
fn assert_spans_index(g: &Value, text: &[u8]) -> usize {
    let mut all = Vec::new();
    spans(g, &mut all);
    for (s, e, t) in &all {
        assert!(s <= e && *e <= text.len(), "span {s}..{e} outside the text");
        assert_eq!(&text[*s..*e], t.as_bytes(), "span {s}..{e} is not {t:?}");
    }
    all.len()
}

fn calls_in(g: &Value) -> usize {
    g["nodes"]
        .as_array()
        .map(|n| {
            n.iter()
                .filter(|n| n["kind"] == "call" || n["kind"] == "meeting")
                .count()
        })
        .unwrap_or(0)
}

// ---------------------------------------------------------------------------------------------
// Bad input
// ---------------------------------------------------------------------------------------------

#[test]
fn invalid_utf8_is_decoded_lossily_with_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    let txt = dir.path().join("latin1.txt");
    let mut bytes = format!("Caf\u{0} talk. {CALL}").into_bytes();
    let at = bytes.iter().position(|&b| b == 0).unwrap();
    bytes[at] = 0xE9; // "é" in Latin-1: not UTF-8
    std::fs::write(&txt, &bytes).unwrap();
    let jsonl = dir.path().join("a.jsonl");
    let mut line =
        jsonl_line(serde_json::json!({"id": "j", "text": "Quelqu'un a dit: XYZ."})).into_bytes();
    let x = line.iter().position(|&b| b == b'X').unwrap();
    line[x] = 0xFF;
    std::fs::write(&jsonl, &line).unwrap();
    let (o, out) = build(dir.path(), &[&txt, &jsonl], &[]);
    assert_code(&o, 0, "lossy decode is a warning, not a skip");
    let err = stderr(&o);
    assert!(
        err.contains(&format!("warning: {}: invalid UTF-8 at byte {at}", p(&txt))),
        "{err}"
    );
    assert!(
        err.contains(&format!("warning: {}:1: invalid UTF-8", p(&jsonl))),
        "{err}"
    );
    let g = read_graph(&out);
    assert_eq!(article_ids(&g), ["j", "latin1"]);
    // the offsets index the decoded text
    let decoded = String::from_utf8_lossy(&bytes).into_owned();
    assert!(assert_spans_index(&g, decoded.as_bytes()) > 0);
    assert_eq!(calls_in(&g), 1);
}

#[test]
fn binary_files_and_nul_bytes_are_skipped_with_the_reason() {
    let dir = tempfile::tempdir().unwrap();
    let docs = dir.path().join("docs");
    std::fs::create_dir(&docs).unwrap();
    std::fs::write(docs.join("a-good.txt"), CALL).unwrap();
    let mut png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec();
    png.extend(std::iter::repeat_n(0u8, 100));
    std::fs::write(docs.join("image.txt"), &png).unwrap();
    // a NUL far from the start still makes a binary file
    let mut late = "Some text. ".repeat(2000).into_bytes();
    late.push(0);
    std::fs::write(docs.join("late-nul.txt"), &late).unwrap();
    std::fs::write(
        docs.join("nul.jsonl"),
        jsonl_line(serde_json::json!({"id": "n", "text": "a\u{0}b"})),
    )
    .unwrap();
    let (o, out) = build(dir.path(), &[&docs], &[]);
    assert_code(&o, 2, "binary input is skipped");
    let err = stderr(&o);
    assert!(
        err.contains("image.txt: binary file: NUL byte at offset 8"),
        "{err}"
    );
    assert!(err.contains("late-nul.txt: binary file: NUL byte at offset 22000"));
    assert!(err.contains("nul.jsonl:1: binary data: text contains a NUL"));
    assert_eq!(
        summary(&o),
        "diplograph: 1 read, 3 skipped (1 binary data, 2 binary file)"
    );
    assert_eq!(article_ids(&read_graph(&out)), ["a-good"]);
}

#[test]
fn empty_files_and_empty_text_fields_are_skipped() {
    let dir = tempfile::tempdir().unwrap();
    let empty = dir.path().join("empty.txt");
    std::fs::write(&empty, "").unwrap();
    let blank = dir.path().join("blank.md");
    std::fs::write(&blank, " \r\n\t\n\u{feff}").unwrap();
    let jsonl = dir.path().join("a.jsonl");
    std::fs::write(
        &jsonl,
        [
            jsonl_line(serde_json::json!({"id": "e1", "text": ""})),
            jsonl_line(serde_json::json!({"id": "e2", "text": "   \n "})),
            "\n   \r\n".to_string(), // blank lines are not records
            jsonl_line(serde_json::json!({"id": "ok", "text": CALL})),
        ]
        .concat(),
    )
    .unwrap();
    let empty_jsonl = dir.path().join("none.jsonl");
    std::fs::write(&empty_jsonl, "").unwrap();
    let (o, out) = build(dir.path(), &[&empty, &blank, &jsonl, &empty_jsonl], &[]);
    assert_code(&o, 2, "empty input is skipped");
    let err = stderr(&o);
    assert!(
        err.contains(&format!("{}: empty article", p(&empty))),
        "{err}"
    );
    assert!(
        err.contains(&format!("{}: empty article", p(&blank))),
        "{err}"
    );
    assert!(err.contains(&format!("{}:1: empty article: empty text field", p(&jsonl))));
    assert!(err.contains(&format!("{}:2: empty article", p(&jsonl))));
    assert_eq!(
        summary(&o),
        "diplograph: 1 read, 4 skipped (4 empty article)"
    );
    assert_eq!(article_ids(&read_graph(&out)), ["ok"]);
}

#[test]
fn bom_crlf_and_lone_cr_keep_offsets_into_the_text_as_read() {
    let dir = tempfile::tempdir().unwrap();
    // the same article with \n, \r\n and lone \r line ends
    let lf = format!(
        "Headline\n\n{CALL}\n\n“We agreed,” Velarde said.\nMoraga told reporters on Tuesday \
         that the talks were useful.\n\nUkrainian President Volodymyr Zelensky spoke with NATO \
         Secretary General Mark Rutte on Friday.\n"
    );
    let (o, out) = build(
        dir.path(),
        &[&write(dir.path(), "lf.txt", lf.as_bytes())],
        &[],
    );
    assert_code(&o, 0, "LF");
    let want = read_graph(&out);
    let want_spans = assert_spans_index(&want, lf.as_bytes());
    assert_eq!(calls_in(&want), 2);
    let body = lf.replace('\n', "\r\n");
    let mut bom_crlf = vec![0xEF, 0xBB, 0xBF];
    bom_crlf.extend(body.as_bytes());
    let cr = lf.replace('\n', "\r").into_bytes();
    let mixed = lf
        .replacen('\n', "\r\n", 2)
        .replacen('\n', "\r", 2)
        .into_bytes();
    for (name, bytes) in [
        ("bom-crlf.txt", bom_crlf),
        ("cr.txt", cr),
        ("mixed.txt", mixed),
    ] {
        let (o, out) = build(dir.path(), &[&write(dir.path(), name, &bytes)], &[]);
        assert_code(&o, 0, name);
        let g = read_graph(&out);
        // offsets index the file's bytes: a BOM is blanked, not removed
        assert_eq!(assert_spans_index(&g, &bytes), want_spans, "{name}");
        assert_eq!(calls_in(&g), 2, "{name}");
        assert_eq!(
            g["nodes"].as_array().unwrap().len(),
            want["nodes"].as_array().unwrap().len()
        );
    }

    // JSONL: a BOM before the first record, CRLF and lone CR line ends; the spans index the
    // text field
    let jsonl = dir.path().join("a.jsonl");
    let mut j = vec![0xEF, 0xBB, 0xBF];
    j.extend(
        jsonl_line(serde_json::json!({"id": "x", "text": body}))
            .trim_end()
            .as_bytes(),
    );
    j.extend(b"\r\n");
    j.extend(
        jsonl_line(serde_json::json!({"id": "y", "text": "Nothing happened."}))
            .trim_end()
            .as_bytes(),
    );
    j.extend(b"\r");
    std::fs::write(&jsonl, &j).unwrap();
    let (o, out) = build(dir.path(), &[&jsonl], &[]);
    assert_code(&o, 0, "JSONL with BOM and CR line ends");
    let g = read_graph(&out);
    assert_eq!(article_ids(&g), ["x", "y"]);
    assert_eq!(assert_spans_index(&g, body.as_bytes()), want_spans);
}

/// `n` bytes of distinct news paragraphs (so none is dropped as a repeat), with a call in each.
fn huge_article(n: usize) -> String {
    let mut s = String::with_capacity(n + 400);
    let mut i = 0u64;
    while s.len() < n {
        s.push_str(&format!(
            "Paragraph {i}. Portuguese Foreign Minister Tomás Velarde held a phone call with \
             Chilean Foreign Minister Ignacia Moraga on Tuesday, the ministry said. “The \
             talks were useful,” Velarde told reporters in Lisbon after meeting number {i}.\n\n"
        ));
        i += 1;
    }
    s
}

fn build_huge(bytes: usize) -> Duration {
    let dir = tempfile::tempdir().unwrap();
    let txt = dir.path().join("huge.txt");
    std::fs::write(&txt, huge_article(bytes)).unwrap();
    let t = Instant::now();
    let (o, out) = build(dir.path(), &[&txt], &[]);
    let took = t.elapsed();
    assert_code(&o, 0, "huge article");
    let g = read_graph(&out);
    assert_eq!(article_ids(&g), ["huge"]);
    assert!(calls_in(&g) >= 1);
    eprintln!("{bytes} byte article built in {took:?}");
    took
}

/// 50 MB of distinct paragraphs in one article: about 16 s in a debug build, 2.5 s in release
/// (the sentence limit bounds the analysis; reading and cleaning are linear).
#[test]
fn a_50_mb_article_is_built_in_reasonable_time() {
    let took = build_huge(50_000_000);
    assert!(took < Duration::from_secs(300), "took {took:?}");
}

#[test]
fn a_malformed_jsonl_line_in_the_middle_is_reported_as_file_line() {
    let dir = tempfile::tempdir().unwrap();
    let jsonl = dir.path().join("news.jsonl");
    std::fs::write(
        &jsonl,
        [
            jsonl_line(serde_json::json!({"id": "a", "text": CALL})),
            "{\"id\": \"b\", \"text\": \"unterminated\n".to_string(),
            "[\"an\", \"array\"]\n".to_string(),
            jsonl_line(serde_json::json!({"id": "c", "text": "Velarde said no."})),
        ]
        .concat(),
    )
    .unwrap();
    let (o, out) = build(dir.path(), &[&jsonl], &[]);
    assert_code(&o, 2, "malformed line");
    let err = stderr(&o);
    assert!(
        err.contains(&format!(
            "skipped: {}:2: malformed JSON: EOF while parsing",
            p(&jsonl)
        )),
        "{err}"
    );
    assert!(err.contains(&format!(
        "skipped: {}:3: not a JSON object: the line holds an array",
        p(&jsonl)
    )));
    assert_eq!(
        summary(&o),
        "diplograph: 2 read, 2 skipped (1 malformed JSON, 1 not a JSON object)"
    );
    assert_eq!(article_ids(&read_graph(&out)), ["a", "c"]);
}

#[test]
fn wrong_field_types_are_skipped_or_left_null_with_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    let jsonl = dir.path().join("types.jsonl");
    std::fs::write(
        &jsonl,
        [
            jsonl_line(serde_json::json!({"id": "num-text", "text": 42})),
            jsonl_line(serde_json::json!({"id": "obj-text", "text": {"p": "x"}})),
            jsonl_line(serde_json::json!({"id": "no-text", "headline": "x"})),
            jsonl_line(
                serde_json::json!({"id": 7, "text": "Seven said yes.", "title": ["t"],
                "url": 3, "published": 20251121}),
            ),
            jsonl_line(serde_json::json!({"id": {"x": 1}, "text": "Object id said no."})),
        ]
        .concat(),
    )
    .unwrap();
    let (o, out) = build(dir.path(), &[&jsonl], &[]);
    assert_code(&o, 2, "wrong types");
    let err = stderr(&o);
    let f = p(&jsonl);
    for want in [
        format!("skipped: {f}:1: wrong type: field \"text\" is a number, not a string"),
        format!("skipped: {f}:2: wrong type: field \"text\" is an object"),
        format!("skipped: {f}:3: no text: no text field"),
        format!("warning: {f}:4: field \"published\" is a number, not a string: left null"),
        format!("warning: {f}:4: field \"title\" is an array"),
        format!("warning: {f}:4: field \"url\" is a number"),
        format!("warning: {f}:5: field \"id\" is an object, not a string: id derived"),
    ] {
        assert!(err.contains(&want), "missing {want:?} in\n{err}");
    }
    assert_eq!(
        summary(&o),
        "diplograph: 2 read, 3 skipped (1 no text, 2 wrong type)"
    );
    let g = read_graph(&out);
    let arts = articles(&g);
    let seven = arts
        .iter()
        .find(|a| a["id"] == "7")
        .expect("numeric id kept");
    assert_eq!(seven["published"], Value::Null);
    assert_eq!(seven["title"], Value::Null);
    assert_eq!(seven["url"], Value::Null);
}

#[test]
fn a_missing_id_is_derived_from_the_text_and_stable() {
    let dir = tempfile::tempdir().unwrap();
    let jsonl = dir.path().join("noid.jsonl");
    std::fs::write(
        &jsonl,
        jsonl_line(serde_json::json!({"text": CALL, "title": "T"}))
            + &jsonl_line(serde_json::json!({"id": "", "text": "Another text."})),
    )
    .unwrap();
    let (o, out) = build(dir.path(), &[&jsonl], &[]);
    assert_code(&o, 0, "missing id");
    let ids = article_ids(&read_graph(&out));
    assert_eq!(ids.len(), 2);
    for id in &ids {
        assert!(id.starts_with("sha:") && id.len() == 20, "{id}");
    }
    // the same text gives the same id in another run, file and position
    let other = dir.path().join("other.jsonl");
    std::fs::write(
        &other,
        jsonl_line(serde_json::json!({"id": "z", "text": "filler"}))
            + &jsonl_line(serde_json::json!({"text": CALL, "title": "Other title"})),
    )
    .unwrap();
    let (o, out) = build(dir.path(), &[&other], &[]);
    assert_code(&o, 0, "missing id again");
    let want = format!("sha:{:016x}", diplograph::types::fnv1a(CALL.as_bytes()));
    assert!(ids.contains(&want), "{ids:?}");
    assert!(article_ids(&read_graph(&out)).contains(&want));
}

#[test]
fn duplicate_ids_are_skipped_naming_the_first() {
    let dir = tempfile::tempdir().unwrap();
    let a = dir.path().join("a.jsonl");
    let b = dir.path().join("b.jsonl");
    std::fs::write(
        &a,
        jsonl_line(serde_json::json!({"id": "dup", "text": CALL})),
    )
    .unwrap();
    std::fs::write(
        &b,
        jsonl_line(serde_json::json!({"id": "other", "text": "x"}))
            + &jsonl_line(serde_json::json!({"id": "dup", "text": "A different text."})),
    )
    .unwrap();
    let (o, out) = build(dir.path(), &[&a, &b], &[]);
    assert_code(&o, 2, "duplicate id");
    assert!(
        stderr(&o).contains(&format!(
            "skipped: {}:2: duplicate id: \"dup\", first read from {}:1",
            p(&b),
            p(&a)
        )),
        "{}",
        stderr(&o)
    );
    assert_eq!(
        summary(&o),
        "diplograph: 2 read, 1 skipped (1 duplicate id)"
    );
    assert_eq!(article_ids(&read_graph(&out)), ["dup", "other"]);
}

#[test]
fn unparseable_dates_warn_and_are_null() {
    let dir = tempfile::tempdir().unwrap();
    let jsonl = dir.path().join("dates.jsonl");
    std::fs::write(
        &jsonl,
        [
            jsonl_line(serde_json::json!({"id": "bad", "text": CALL, "published": "last Tuesday"})),
            jsonl_line(serde_json::json!({"id": "month", "text": "x y", "date": "2025-13-45"})),
            jsonl_line(
                serde_json::json!({"id": "rfc", "text": "z", "date_publish": "Fri, 21 Nov 2025 10:00:00 GMT"}),
            ),
        ]
        .concat(),
    )
    .unwrap();
    let (o, out) = build(dir.path(), &[&jsonl], &["--published", "2020-01-01"]);
    assert_code(&o, 0, "bad dates are warnings");
    let err = stderr(&o);
    assert!(
        err.contains(&format!(
            "warning: {}:1: unparseable date \"last Tuesday\", left null",
            p(&jsonl)
        )),
        "{err}"
    );
    assert!(err.contains(&format!(
        "warning: {}:2: unparseable date \"2025-13-45\"",
        p(&jsonl)
    )));
    let g = read_graph(&out);
    let arts = articles(&g);
    let date = |id: &str| arts.iter().find(|a| a["id"] == id).unwrap()["published"].clone();
    assert_eq!(date("bad"), Value::Null, "not the --published fallback");
    assert_eq!(date("month"), Value::Null);
    assert_eq!(date("rfc"), "2025-11-21");
}

#[cfg(unix)]
#[test]
fn a_directory_with_unreadable_files_reads_the_rest() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let docs = dir.path().join("docs");
    std::fs::create_dir_all(docs.join("sub")).unwrap();
    std::fs::write(docs.join("a.txt"), CALL).unwrap();
    std::fs::write(docs.join("sub").join("b.txt"), "Velarde said yes.").unwrap();
    // a dangling symlink is unreadable for root too
    std::os::unix::fs::symlink(dir.path().join("missing"), docs.join("dangling.txt")).unwrap();
    // a symlink loop is walked once
    std::os::unix::fs::symlink(&docs, docs.join("sub").join("loop")).unwrap();
    let locked = docs.join("locked.txt");
    std::fs::write(&locked, "secret").unwrap();
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).unwrap();
    // as root (CI), chmod 000 does not block reads
    let blocked = std::fs::read(&locked).is_err();
    let (o, out) = build(dir.path(), &[&docs], &[]);
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o644)).unwrap();
    assert_code(&o, 2, "unreadable files");
    let err = stderr(&o);
    assert!(
        err.contains(&format!(
            "skipped: {}: unreadable: No such file",
            p(&docs.join("dangling.txt"))
        )),
        "{err}"
    );
    let mut ids = article_ids(&read_graph(&out));
    ids.sort();
    if blocked {
        assert!(
            err.contains(&format!(
                "skipped: {}: unreadable: Permission denied",
                p(&locked)
            )),
            "{err}"
        );
        assert_eq!(summary(&o), "diplograph: 2 read, 2 skipped (2 unreadable)");
        assert_eq!(ids, ["a", "b"]);
    } else {
        eprintln!(
            "note: running as root, chmod 000 does not block reads; checked the symlink only"
        );
        assert_eq!(summary(&o), "diplograph: 3 read, 1 skipped (1 unreadable)");
        assert_eq!(ids, ["a", "b", "locked"]);
    }
}

#[cfg(unix)]
#[test]
fn a_fifo_in_a_directory_is_skipped_not_waited_on() {
    let dir = tempfile::tempdir().unwrap();
    let docs = dir.path().join("docs");
    std::fs::create_dir(&docs).unwrap();
    std::fs::write(docs.join("a.txt"), CALL).unwrap();
    let fifo = docs.join("pipe.txt");
    let made = Command::new("mkfifo").arg(&fifo).status();
    if !made.is_ok_and(|s| s.success()) {
        eprintln!("note: mkfifo unavailable, skipped");
        return;
    }
    let (o, _) = build(dir.path(), &[&docs], &[]);
    assert_code(&o, 2, "fifo");
    assert!(stderr(&o).contains("pipe.txt: not a regular file"));
}

// ---------------------------------------------------------------------------------------------
// Exit codes
// ---------------------------------------------------------------------------------------------

#[test]
fn exit_codes_are_0_success_2_skipped_1_fatal() {
    let dir = tempfile::tempdir().unwrap();
    let good = dir.path().join("good.txt");
    std::fs::write(&good, CALL).unwrap();
    let (o, _) = build(dir.path(), &[&good], &[]);
    assert_code(&o, 0, "success");
    assert!(stderr(&o).is_empty(), "quiet success prints nothing");

    let bad = dir.path().join("bad.jsonl");
    std::fs::write(&bad, "nope\n{\"text\": 1}\n").unwrap();
    let (o, out) = build(dir.path(), &[&good, &bad], &[]);
    assert_code(&o, 2, "some skipped");
    let last = summary(&o);
    assert_eq!(
        last,
        "diplograph: 1 read, 2 skipped (1 malformed JSON, 1 wrong type)"
    );
    assert_eq!(
        stderr(&o).lines().filter(|l| l.contains(" read, ")).count(),
        1,
        "one summary line"
    );
    assert!(out.exists(), "the articles read are still built");

    let missing = dir.path().join("missing.txt");
    let (o, _) = build(dir.path(), &[&missing], &[]);
    assert_code(&o, 1, "missing input is fatal");
    assert!(stderr(&o).contains("missing.txt: no such file or directory"));

    let o = run(&[
        "build",
        p(&good),
        "--output",
        p(&dir.path().join("g.json")),
        "--published",
        "soon",
    ]);
    assert_code(&o, 1, "bad flag value is fatal");
}

#[test]
fn output_in_an_unwritable_place_fails_before_work_starts() {
    let dir = tempfile::tempdir().unwrap();
    // an input that would print a skip notice if the work started
    let input = dir.path().join("in.jsonl");
    std::fs::write(
        &input,
        jsonl_line(serde_json::json!({"id": "a", "text": CALL})) + "{broken\n",
    )
    .unwrap();
    let mut places = vec![
        dir.path()
            .join("no")
            .join("such")
            .join("dir")
            .join("g.json"),
        dir.path().to_path_buf(), // a directory
        input.join("g.json"),     // under a file
    ];
    if Path::new("/proc/self").exists() {
        places.push(PathBuf::from("/proc/diplograph-test.json")); // read-only even for root
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let ro = dir.path().join("ro");
        std::fs::create_dir(&ro).unwrap();
        std::fs::set_permissions(&ro, std::fs::Permissions::from_mode(0o555)).unwrap();
        if std::fs::write(ro.join("probe"), "").is_err() {
            places.push(ro.join("g.json"));
        }
    }
    for out in &places {
        let o = run(&["build", p(&input), "--output", p(out)]);
        assert_code(&o, 1, &format!("output {}", out.display()));
        let err = stderr(&o);
        assert!(err.contains("error:"), "{err}");
        assert!(
            !err.contains("skipped") && !err.contains(" read, "),
            "work started before the output was checked: {err}"
        );
    }
}

// ---------------------------------------------------------------------------------------------
// Graph files
// ---------------------------------------------------------------------------------------------

fn good_graph(dir: &Path) -> String {
    let txt = dir.join("g.txt");
    std::fs::write(&txt, CALL).unwrap();
    let (o, out) = build(dir, &[&txt], &[]);
    assert_code(&o, 0, "build");
    std::fs::read_to_string(out).unwrap()
}

#[test]
fn corrupt_truncated_or_wrong_version_graphs_fail_clearly_and_are_not_touched() {
    let dir = tempfile::tempdir().unwrap();
    let good = good_graph(dir.path());
    let cut = good.len() / 2;
    let truncated_line = good[..cut].lines().count();
    let cases: Vec<(&str, Vec<u8>, Vec<String>)> = vec![
        (
            "truncated",
            good.as_bytes()[..cut].to_vec(),
            vec![
                "not a diplograph graph: invalid JSON: EOF while parsing".into(),
                format!("at line {truncated_line}"),
            ],
        ),
        (
            "garbage",
            b"\x89PNG\r\n\x1a\n\0\0garbage".to_vec(),
            vec!["stream did not contain valid UTF-8".into()],
        ),
        (
            "not-json",
            b"{\"graph\": {\"schema\": \"diplograph/1\"}, nodes: []}".to_vec(),
            vec!["invalid JSON: key must be a string at line 1 column".into()],
        ),
        (
            "wrong-version",
            good.replace("\"diplograph/1\"", "\"diplograph/99\"")
                .into_bytes(),
            vec!["schema is \"diplograph/99\", this diplograph reads \"diplograph/1\"".into()],
        ),
        (
            "no-schema",
            b"{\"nodes\": [], \"edges\": []}".to_vec(),
            vec!["no graph.schema field".into()],
        ),
        (
            "wrong-shape",
            good.replacen("\"nodes\":[", "\"nodes\":5,\"x\":[", 1)
                .into_bytes(),
            vec!["not a diplograph graph".into()],
        ),
        (
            "empty",
            Vec::new(),
            vec!["invalid JSON: EOF while parsing".into()],
        ),
    ];
    for (name, bytes, wants) in cases {
        let path = dir.path().join(format!("{name}.json"));
        std::fs::write(&path, &bytes).unwrap();
        let before = std::fs::metadata(&path).unwrap().modified().unwrap();
        for args in [
            vec!["query", "calls", "--graph", p(&path)],
            vec!["export", "--graph", p(&path), "--format", "dot"],
            vec![
                "export",
                "--graph",
                p(&path),
                "--format",
                "json",
                "-o",
                p(&path),
            ],
        ] {
            let o = run(&args);
            assert_code(&o, 1, &format!("{name}: {args:?}"));
            let err = stderr(&o);
            assert!(
                err.contains(p(&path)),
                "{name}: the message names the file: {err}"
            );
            for want in &wants {
                assert!(
                    err.contains(want.as_str()),
                    "{name}: missing {want:?} in {err}"
                );
            }
            assert_eq!(std::fs::read(&path).unwrap(), bytes, "{name}: file changed");
            assert_eq!(
                std::fs::metadata(&path).unwrap().modified().unwrap(),
                before
            );
        }
    }
}

/// Builds a corpus of `n` distinct articles as JSONL.
fn corpus(n: usize) -> String {
    (0..n)
        .map(|i| {
            jsonl_line(serde_json::json!({
                "id": format!("a{i:05}"),
                "published": "2025-11-21",
                "text": format!(
                    "Foreign Minister Person{i} Velarde held a phone call with Foreign Minister \
                     Other{i} Moraga on Tuesday. “We agreed on point {i},” Velarde said. \
                     {i} people were killed in a missile strike on Town{i} on Monday."
                ),
            }))
        })
        .collect()
}

#[cfg(unix)]
#[test]
fn sigkill_during_a_large_build_leaves_the_old_graph_or_the_new_one() {
    let dir = tempfile::tempdir().unwrap();
    let old = good_graph(dir.path());
    let out = dir.path().join("graph.json");
    let big = dir.path().join("big.jsonl");
    std::fs::write(&big, corpus(4000)).unwrap();
    let args = ["build", p(&big), "--output", p(&out), "--quiet"];
    // one full build for the new graph and the time it takes
    let t = Instant::now();
    let o = run(&args);
    let full = t.elapsed();
    assert_code(&o, 0, "large build");
    let new = std::fs::read_to_string(&out).unwrap();
    assert_ne!(new, old);
    Graph::from_json_str(&new, &out).expect("new graph reads");
    // kill at spread-out moments, more of them near the end where the file is written
    let fractions = [0.05, 0.3, 0.6, 0.8, 0.9, 0.95, 0.97, 0.99, 1.0, 1.02, 1.05];
    let (mut saw_old, mut saw_new) = (0, 0);
    for f in fractions {
        std::fs::write(&out, &old).unwrap();
        let mut child = Command::new(BIN)
            .args(args)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(full.mul_f64(f));
        let _ = child.kill(); // SIGKILL
        let _ = child.wait();
        let now = std::fs::read_to_string(&out).expect("the graph file is still there");
        if now == old {
            saw_old += 1;
        } else {
            assert_eq!(now, new, "killed at {f} of the build: a broken graph");
            saw_new += 1;
        }
        Graph::from_json_str(&now, &out).expect("the graph reads");
    }
    eprintln!("killed builds: {saw_old} left the old graph, {saw_new} the new one");
    assert!(saw_old > 0);
    // a killed build may leave its temporary file, but never a file under the graph's name
    let leftovers: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".diplograph-"))
        .collect();
    eprintln!("temporary files left by killed builds: {leftovers:?}");
}

// ---------------------------------------------------------------------------------------------
// Limits
// ---------------------------------------------------------------------------------------------

#[test]
fn the_size_limit_skips_the_article() {
    let dir = tempfile::tempdir().unwrap();
    let txt = dir.path().join("big.txt");
    std::fs::write(&txt, CALL).unwrap();
    let jsonl = dir.path().join("big.jsonl");
    std::fs::write(
        &jsonl,
        jsonl_line(serde_json::json!({"id": "big", "text": CALL}))
            + &jsonl_line(serde_json::json!({"id": "small", "text": "Velarde said yes."})),
    )
    .unwrap();
    let (o, out) = build(dir.path(), &[&txt, &jsonl], &["--max-article-bytes", "100"]);
    assert_code(&o, 2, "size limit");
    let err = stderr(&o);
    assert!(err.contains(&format!(
        "skipped: {}: too large: {} bytes, over the limit of 100 (--max-article-bytes)",
        p(&txt),
        CALL.len()
    )));
    assert!(err.contains(&format!(
        "skipped: {}:1: too large: article \"big\"",
        p(&jsonl)
    )));
    assert_eq!(summary(&o), "diplograph: 1 read, 2 skipped (2 too large)");
    assert_eq!(article_ids(&read_graph(&out)), ["small"]);
}

#[test]
fn the_sentence_and_mention_limits_analyse_the_start_of_the_article() {
    let text = format!(
        "Velarde said yes. Moraga agreed. Nobody objected. {CALL} Ukrainian President \
         Volodymyr Zelensky spoke with NATO Secretary General Mark Rutte on Friday."
    );
    let dir = tempfile::tempdir().unwrap();
    let txt = dir.path().join("a.txt");
    std::fs::write(&txt, &text).unwrap();
    let calls_with = |extra: &[&str]| {
        let (o, out) = build(dir.path(), &[&txt], extra);
        assert_code(&o, 0, "limits truncate, not skip");
        calls_in(&read_graph(&out))
    };
    assert_eq!(calls_with(&[]), 2);
    assert_eq!(calls_with(&["--max-sentences", "4"]), 1);
    assert_eq!(calls_with(&["--max-sentences", "3"]), 0);
    assert_eq!(calls_with(&["--max-sentences", "0"]), 0);
    assert_eq!(calls_with(&["--max-mentions", "4"]), 1);
    assert_eq!(calls_with(&["--max-mentions", "0"]), 0);

    // the library says where it stopped
    let a = diplograph::Article {
        id: "a".into(),
        text: text.clone(),
        ..Default::default()
    };
    let limits = diplograph::pipeline::Limits {
        max_sentences: 4,
        ..Default::default()
    };
    let (facts, cut) = diplograph::pipeline::extract_article_noting(&a, &limits);
    assert_eq!(facts.calls.len(), 1);
    let cut = cut.expect("truncated");
    assert_eq!(cut.limit, "sentences");
    assert_eq!(cut.sentences, 4);
    assert_eq!(cut.at_byte, text.find("Ukrainian").unwrap());
    let (_, cut) = diplograph::pipeline::extract_article_noting(&a, &Default::default());
    assert_eq!(cut, None);
}

#[test]
fn a_monstrous_article_is_bounded_by_the_limits() {
    // 2 MB of one endless sentence of names, and 2 MB of tiny sentences
    let names = "Mark Rutte and Volodymyr Zelensky and ".repeat(2_000_000 / 38);
    let tiny = "He said. ".repeat(2_000_000 / 9);
    for (name, text) in [("names", names), ("tiny", tiny)] {
        let a = diplograph::Article {
            id: name.into(),
            text,
            ..Default::default()
        };
        let t = Instant::now();
        let limits = diplograph::pipeline::Limits {
            max_sentences: 1000,
            max_mentions: 1000,
            unwrap_lines: false,
        };
        let (_, cut) = diplograph::pipeline::extract_article_noting(&a, &limits);
        assert!(cut.is_some(), "{name}: a limit is hit");
        assert!(
            t.elapsed() < Duration::from_secs(60),
            "{name}: {:?}",
            t.elapsed()
        );
    }
}
