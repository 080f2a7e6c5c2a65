//! The time stage: the [`Doc`] and the article's published date in, the date of every fact out.
//!
//! Expressions are found once per document ("on Friday", "yesterday", "Nov. 19", "19 November
//! 2025", "last week", "earlier this month") and resolved against the published date: a weekday
//! is the latest such day on or before publication. Vague ranges keep their phrase with a null
//! date. A fact takes the expression of its own sentence, else the latest day named before it
//! in the article ("arrived on Sunday… on Monday he met"). Without a published date every date is
//! null: the library never reads the clock.

use std::sync::OnceLock;

use chrono::{Datelike, Days, NaiveDate};

use crate::lexicon::{Lexicon, Tag};
use crate::segment::{Doc, Kind, Quote};
use crate::types::Span;

#[derive(Clone, Debug)]
pub struct DateExpr {
    pub span: Span,
    pub tok: usize,
    pub sentence: usize,
    /// The day, or None for vague ranges and when there is no reference date.
    pub date: Option<NaiveDate>,
    /// Names a single day.
    pub specific: bool,
    /// Dates the reporting verb ("said on Wednesday", "Wednesday said"), not the fact reported.
    pub speech: bool,
    /// The article's published date (the reference of every expression).
    pub published: Option<NaiveDate>,
    /// Inside a quotation: someone else's words, often plans and deadlines.
    pub quoted: bool,
    /// A deadline or the end of a period ("by Friday", "until March 3"): no fact happens on it.
    pub deadline: bool,
    /// May date the facts of later sentences: a specific past day, outside quotes and photo
    /// captions, and not a deadline.
    pub carries: bool,
    /// For a vague range ("this week", "in March", "last year"): the first and last day it
    /// covers, when known.
    pub range: Option<(NaiveDate, NaiveDate)>,
    /// The range is a few days ("this week", "last weekend", "the past days"), not a month or
    /// a year.
    pub days: bool,
    /// Paragraph of the expression, and its first sentence.
    pub para: usize,
    pub para_first: usize,
    /// A day counted from the day of speaking ("yesterday", "on Monday"): inside a quotation it
    /// counts from the day the words were said, see [`reanchor_quoted`].
    rel: Option<Rel>,
    /// For a quoted expression: the tokens of its quotation, from the opening mark to the
    /// closing one (or the end of the paragraph).
    quote: (usize, usize),
}

/// How a relative day is counted from the day it was said.
#[derive(Clone, Copy, Debug)]
enum Rel {
    /// "today", "yesterday", "last night", "three days ago": so many days before
    DaysBack(u64),
    /// "Monday", "on Monday": the latest such weekday on or before
    Weekday(u8),
}

impl Rel {
    fn from(self, said: NaiveDate) -> NaiveDate {
        match self {
            Rel::DaysBack(n) => said - Days::new(n),
            Rel::Weekday(wd) => weekday_before(said, wd, false),
        }
    }
}

/// Reporting verbs whose date is the date of the report.
fn is_report_verb(w: &str) -> bool {
    matches!(
        w,
        "said"
            | "says"
            | "told"
            | "announced"
            | "added"
            | "stated"
            | "confirmed"
            | "reported"
            | "wrote"
            | "tweeted"
            | "explained"
            | "insisted"
            | "noted"
            | "declared"
    )
}

fn weekday_before(pub_date: NaiveDate, wd: u8, strictly: bool) -> NaiveDate {
    let cur = pub_date.weekday().number_from_monday() as i64;
    let mut back = (cur - wd as i64).rem_euclid(7);
    if strictly && back == 0 {
        back = 7;
    }
    pub_date - Days::new(back as u64)
}

/// The first day on or after `pub_date` that is weekday `wd` (1 = Monday).
fn weekday_from(pub_date: NaiveDate, wd: u8) -> NaiveDate {
    let cur = pub_date.weekday().number_from_monday() as i64;
    pub_date + Days::new((wd as i64 - cur).rem_euclid(7) as u64)
}

fn month_range(y: i32, m: u32) -> Option<(NaiveDate, NaiveDate)> {
    let first = NaiveDate::from_ymd_opt(y, m, 1)?;
    let next = if m == 12 {
        NaiveDate::from_ymd_opt(y + 1, 1, 1)?
    } else {
        NaiveDate::from_ymd_opt(y, m + 1, 1)?
    };
    Some((first, next - Days::new(1)))
}

fn year_range(y: i32) -> Option<(NaiveDate, NaiveDate)> {
    Some((
        NaiveDate::from_ymd_opt(y, 1, 1)?,
        NaiveDate::from_ymd_opt(y, 12, 31)?,
    ))
}

/// The days a vague range covers: "this week" (Monday to publication), "last week" (the
/// calendar week before), "past week" / "recent days" (the seven days before), "this month",
/// "last month", "this year", "last year".
fn vague_range(
    p: NaiveDate,
    which: &str,
    unit: &str,
    earlier: bool,
) -> Option<(NaiveDate, NaiveDate)> {
    let monday = p - Days::new(p.weekday().num_days_from_monday() as u64);
    let prev_month = if p.month() == 1 {
        (p.year() - 1, 12)
    } else {
        (p.year(), p.month() - 1)
    };
    match (which, unit) {
        ("this", "week") => Some((monday, p)),
        ("this", "weekend") => Some((p - Days::new(3), p)),
        ("last", "week") if earlier => Some((monday - Days::new(7), p)),
        ("last", "week") => Some((monday - Days::new(7), monday - Days::new(1))),
        ("last", "weekend") => Some((monday - Days::new(9), monday - Days::new(1))),
        ("past" | "recent", "week" | "days" | "weekend") => Some((p - Days::new(7), p)),
        ("this", "month") => Some((p.with_day(1)?, p)),
        ("last", "month") => month_range(prev_month.0, prev_month.1),
        ("past" | "recent", "weeks") => Some((p - Days::new(31), p)),
        ("this", "year") => Some((NaiveDate::from_ymd_opt(p.year(), 1, 1)?, p)),
        ("last", "year") => year_range(p.year() - 1),
        // ahead of publication: these date no fact told (see [`DateExpr::after_publication`])
        ("next" | "coming", "week") => Some((monday + Days::new(7), monday + Days::new(13))),
        ("next" | "coming", "days") => Some((p + Days::new(1), p + Days::new(7))),
        ("next" | "coming", "weeks") => Some((p + Days::new(1), p + Days::new(42))),
        ("next" | "coming", "weekend") => Some((monday + Days::new(12), monday + Days::new(13))),
        ("next" | "coming", "month") => {
            let (y, m) = if p.month() == 12 {
                (p.year() + 1, 1)
            } else {
                (p.year(), p.month() + 1)
            };
            month_range(y, m)
        }
        ("next" | "coming", "months") => Some((p + Days::new(1), p + Days::new(183))),
        ("next" | "coming", "year") => year_range(p.year() + 1),
        _ => None,
    }
}

/// Words before a day that make it a plan: "will meet on Friday", "is scheduled to speak
/// Monday", "plans to call him on Nov. 30".
fn is_future_word(w: &str) -> bool {
    matches!(
        w,
        "will"
            | "shall"
            | "ll"
            | "'ll"
            | "\u{2019}ll"
            | "scheduled"
            | "plans"
            | "planned"
            | "planning"
            | "expected"
            | "due"
            | "upcoming"
            | "tomorrow"
            | "going"
    ) || w.ends_with("'ll")
        || w.ends_with("\u{2019}ll")
}

/// The day at tokens `[a, b)` is planned: a future word in its clause before it ("will meet on
/// Friday"; the clause ends at a comma, a conjunction, a quote or a reporting verb), or right
/// after it ("Friday will see").
fn future_marked(doc: &Doc, a: usize, b: usize, lo: usize, hi: usize) -> bool {
    let mut k = a;
    let mut steps = 0;
    while k > lo && steps < 12 {
        k -= 1;
        steps += 1;
        let w = doc.low(k);
        if is_future_word(w) {
            return true;
        }
        if matches!(doc.tokens[k].kind, Kind::Quote(_))
            || matches!(
                w,
                "," | ";"
                    | ":"
                    | "and"
                    | "but"
                    | "after"
                    | "before"
                    | "while"
                    | "when"
                    | "since"
                    | "ago"
            )
            || is_report_verb(w)
        {
            break;
        }
    }
    // "the teams meet again on Saturday": a present-tense fixture lies ahead
    let mut v = a;
    while v > lo && matches!(doc.low(v - 1), "again" | "on") {
        v -= 1;
    }
    if v > lo
        && matches!(
            doc.low(v - 1),
            "meet" | "meets" | "play" | "plays" | "face" | "faces" | "host" | "hosts"
        )
    {
        return true;
    }
    (b..hi.min(b + 2)).any(|k| matches!(doc.low(k), "will" | "shall"))
}

/// A live-blog time stamp standing alone as a sentence ("2:14 p.m.", "9:05 a.m. EST"): it opens
/// a new section, written on the day of publication.
fn clock_heading(doc: &Doc, si: usize) -> bool {
    let s = &doc.sentences[si];
    if s.last - s.first > 8 {
        return false;
    }
    let (mut num, mut meridiem, mut other) = (false, false, 0);
    for k in s.first..s.last {
        let w = doc.low(k).trim_end_matches('.');
        if w.is_empty() || matches!(w, ":" | "." | "," | "-" | "\u{2014}" | "\u{2013}") {
            continue;
        }
        if w.bytes().all(|c| c.is_ascii_digit() || c == b':') && w.len() <= 5 {
            num = true;
        } else if matches!(w, "a.m" | "p.m" | "am" | "pm") {
            meridiem = true;
        } else {
            other += 1;
        }
    }
    num && meridiem && other <= 1
}

/// A photo caption: "FILE - ...", "PHOTO: ...", or a sentence ending in a dateline date
/// ("..., in Varna, Jan. 20, 2017."): its date is the photo's, not the story's.
fn caption(doc: &Doc, lo: usize, b: usize, hi: usize, comma_before: bool) -> bool {
    if matches!(doc.tok_text(lo), "FILE" | "PHOTO" | "IMAGE") {
        return true;
    }
    comma_before && (b..hi).all(|k| doc.tokens[k].kind == Kind::Punct)
}

/// A small count written as a word or in digits ("two", "a", "3"), for "two days ago".
fn count_word(w: &str) -> Option<u64> {
    crate::normalize::number_word(w)
        .filter(|n| (1..=60).contains(n))
        .map(u64::from)
}

/// Finds and resolves the date expressions of a document.
pub fn find(doc: &Doc, published: Option<NaiveDate>) -> Vec<DateExpr> {
    let mut out: Vec<DateExpr> = Vec::new();
    let n = doc.tokens.len();
    // quotation state, advanced token by token (reset at each paragraph)
    let mut qpos = 0usize;
    let mut in_quote = false;
    let mut qopen = 0usize;
    let mut qpara = usize::MAX;
    let mut heading_done = usize::MAX;
    let mut i = 0;
    while i < n {
        let t = &doc.tokens[i];
        // most tokens can start no date expression: skip them before any look-around (the
        // quotation state below catches up lazily; a sentence start is always looked at, for
        // the live-blog heading)
        if !t.is(crate::segment::SENT_START)
            && match t.kind {
                Kind::Number => false,
                Kind::Word => !may_start_date(doc, i),
                _ => true,
            }
        {
            i += 1;
            continue;
        }
        let si = doc.sent_of[i] as usize;
        let para = doc.sentences[si].para;
        let para_first = doc.paragraphs.get(para).map_or(si, |p| p.first);
        while qpos < i {
            let sp = doc.sentences[doc.sent_of[qpos] as usize].para;
            if sp != qpara {
                qpara = sp;
                in_quote = false;
            }
            match doc.tokens[qpos].kind {
                // a single opening mark is often a nested quote or an apostrophe
                Kind::Quote(Quote::Open) if doc.tok_text(qpos) == "\u{2018}" => {}
                Kind::Quote(Quote::Open) => {
                    in_quote = true;
                    qopen = qpos;
                }
                Kind::Quote(_) => in_quote = false,
                _ => {}
            }
            qpos += 1;
        }
        if qpara != para {
            qpara = para;
            in_quote = false;
        }
        let quoted = in_quote;
        let lo = doc.sentences[si].first;
        let hi = doc.sentences[si].last;
        // a live-blog time stamp dates its section with the day of publication
        if heading_done != si && i == lo {
            heading_done = si;
            if published.is_some() && clock_heading(doc, si) {
                out.push(DateExpr {
                    span: doc.sentences[si].span,
                    tok: lo,
                    sentence: si,
                    date: published,
                    specific: true,
                    speech: false,
                    published,
                    quoted: false,
                    deadline: false,
                    carries: true,
                    range: None,
                    days: false,
                    para,
                    para_first,
                    rel: None,
                    quote: (0, 0),
                });
                i = hi;
                continue;
            }
        }
        if t.kind != Kind::Word && t.kind != Kind::Number {
            i += 1;
            continue;
        }
        let w = doc.low(i);
        let prev = if i > lo { doc.low(i - 1) } else { "" };
        // the day a relative phrase counts from ("the next day"): the last day named before,
        // outside quotes
        // (a month or a year named since, "in July 2008. The day before, …", leaves no day)
        let last_day = if matches!(w, "day" | "days") {
            out.iter()
                .rev()
                .find(|e| !e.quoted && !e.deadline)
                .filter(|e| e.specific)
                .and_then(|e| e.date)
        } else {
            None
        };
        let mut push = |a: usize,
                        b: usize,
                        date: Option<NaiveDate>,
                        specific: bool,
                        range: Option<(NaiveDate, NaiveDate)>| {
            // "said Wednesday", "said on Wednesday", "Wednesday said", "on Wednesday told"
            let before = if a > lo { doc.low(a - 1) } else { "" };
            let after = if b < hi { doc.low(b) } else { "" };
            let speech = is_report_verb(before) || is_report_verb(after);
            let deadline = matches!(before, "by" | "until" | "till" | "through" | "before");
            let past = match (date, published) {
                (Some(d), Some(p)) => d <= p,
                _ => false,
            };
            let carries =
                specific && past && !quoted && !deadline && !caption(doc, lo, b, hi, before == ",");
            out.push(DateExpr {
                span: Span::new(doc.tokens[a].start as usize, doc.tokens[b - 1].end as usize),
                tok: a,
                sentence: si,
                date,
                specific,
                speech,
                published,
                quoted,
                deadline,
                carries,
                range,
                days: false,
                para,
                para_first,
                rel: None,
                quote: if quoted { (qopen, n) } else { (0, 0) },
            });
        };
        // weekdays
        if let Some(wd) = doc.tags(i).find_map(|t| match t {
            Tag::Weekday(d) => Some(d),
            _ => None,
        }) && doc.tokens[i].is(crate::segment::CAP)
        {
            let a = if matches!(prev, "on" | "last" | "this" | "late" | "early" | "next") {
                i - 1
            } else {
                i
            };
            let mut b = i + 1;
            // "Friday night", "Monday morning"
            if b < hi && matches!(doc.low(b), "morning" | "afternoon" | "evening" | "night") {
                b += 1;
            }
            let plain = !matches!(prev, "last" | "next") && !future_marked(doc, a, b, lo, hi);
            let date = published.map(|p| match prev {
                "last" => weekday_before(p, wd, true),
                "next" => weekday_before(p, wd, false) + Days::new(7),
                _ if !plain => weekday_from(p, wd),
                _ => weekday_before(p, wd, false),
            });
            push(a, b, date, true, None);
            if plain && let Some(e) = out.last_mut() {
                e.rel = Some(Rel::Weekday(wd));
            }
            i = b;
            continue;
        }
        // months: "Nov. 19", "November 19, 2025", "19 November 2025"
        if let Some(m) = doc.tags(i).find_map(|t| match t {
            Tag::Month(m) => Some(m),
            _ => None,
        }) && doc.tokens[i].is(crate::segment::CAP)
        {
            let day_after = (i + 1 < hi)
                .then(|| {
                    doc.low(i + 1)
                        .trim_end_matches(['t', 'h', 's', 'n', 'd', 'r'])
                        .parse::<u32>()
                        .ok()
                })
                .flatten()
                .filter(|d| (1..=31).contains(d));
            let day_before = (i > 0 && doc.sent_of[i - 1] as usize == si)
                .then(|| doc.low(i - 1).parse::<u32>().ok())
                .flatten()
                .filter(|d| (1..=31).contains(d));
            let (a, mut b, day) = match (day_after, day_before) {
                (Some(d), _) => (i, i + 2, Some(d)),
                (None, Some(d)) => (i - 1, i + 1, Some(d)),
                _ => (i, i + 1, None),
            };
            // an explicit year
            let mut year = None;
            let mut k = b;
            if k < hi && doc.tok_text(k) == "," {
                k += 1;
            }
            if k < hi
                && let Ok(y) = doc.low(k).parse::<i32>()
                && (1900..=2100).contains(&y)
            {
                year = Some(y);
                b = k + 1;
            }
            // the year of a month named without one: a month well after publication is from
            // the year before, unless the text speaks of a plan
            let year_of = |p: NaiveDate, d: u32| {
                let cand = NaiveDate::from_ymd_opt(p.year(), m as u32, d)?;
                if cand > p + Days::new(31) && !future_marked(doc, a, b, lo, hi) {
                    NaiveDate::from_ymd_opt(p.year() - 1, m as u32, d)
                } else {
                    Some(cand)
                }
            };
            if let Some(d) = day {
                let date = match (year, published) {
                    (Some(y), _) => NaiveDate::from_ymd_opt(y, m as u32, d),
                    (None, Some(p)) => year_of(p, d),
                    (None, None) => None,
                };
                let a = if a > 0 && doc.low(a - 1) == "on" && doc.sent_of[a - 1] as usize == si {
                    a - 1
                } else {
                    a
                };
                push(a, b, date, true, None);
            } else if year.is_some()
                || matches!(
                    prev,
                    "in" | "of"
                        | "since"
                        | "until"
                        | "by"
                        | "early"
                        | "late"
                        | "mid"
                        | "last"
                        | "next"
                        | "this"
                        | "during"
                        | "from"
                        | "through"
                        | "before"
                        | "after"
                )
            {
                // a month alone is a date only after a preposition ("in March"), not a
                // name ("Theresa May") or a noun ("the March on the capital")
                let range = match (year, published) {
                    (Some(y), _) => month_range(y, m as u32),
                    (None, Some(p)) => year_of(p, 1).and_then(|f| month_range(f.year(), m as u32)),
                    (None, None) => None,
                };
                push(i, b, None, false, range);
            }
            i = b;
            continue;
        }
        match w {
            // "the next day", "the previous day", "two days later", "a day earlier", "the day
            // before.": counted from the last day named
            "day" | "days"
                if w == "day"
                    && i >= lo + 2
                    && doc.low(i - 2) == "the"
                    && matches!(prev, "next" | "following" | "previous" | "preceding")
                    || i > lo
                        && i + 1 < hi
                        && matches!(doc.low(i + 1), "later" | "earlier")
                        && count_word(prev).is_some()
                    || prev == "the"
                        && i + 2 < hi
                        && matches!(doc.low(i + 1), "before" | "after")
                        && matches!(doc.tok_text(i + 2), "," | "." | ";") =>
            {
                let (a, b, back, n) = if doc.low(i - 1) == "the" {
                    (i - 1, i + 2, doc.low(i + 1) == "before", 1)
                } else if matches!(prev, "next" | "following" | "previous" | "preceding") {
                    (i - 2, i + 1, matches!(prev, "previous" | "preceding"), 1)
                } else {
                    (
                        i - 1,
                        i + 2,
                        doc.low(i + 1) == "earlier",
                        count_word(prev).unwrap_or(1),
                    )
                };
                let date = last_day.and_then(|d| {
                    if back {
                        d.checked_sub_days(Days::new(n))
                    } else {
                        d.checked_add_days(Days::new(n))
                    }
                });
                push(a, b, date, date.is_some(), None);
                i = b;
                continue;
            }
            // a capitalised "Today" inside a sentence names something ("the Today programme",
            // "USA Today"); after a colon, a dash or a quotation mark it may open a clause
            "yesterday" | "today" | "tonight"
                if !(t.is(crate::segment::CAP)
                    && !t.is(crate::segment::SENT_START)
                    && !t.is(crate::segment::ALLCAPS)
                    && i > lo
                    && !matches!(doc.tok_text(i - 1), ":" | "-" | "\u{2014}" | "\u{2013}")
                    && !matches!(doc.tokens[i - 1].kind, Kind::Quote(_))) =>
            {
                let date = published.map(|p| {
                    if w == "yesterday" {
                        p - Days::new(1)
                    } else {
                        p
                    }
                });
                push(i, i + 1, date, true, None);
                if let Some(e) = out.last_mut() {
                    e.rel = Some(Rel::DaysBack(u64::from(w == "yesterday")));
                }
            }
            // "last night" is the evening before publication, "this morning" its day
            "night" | "morning" | "afternoon" | "evening"
                if prev == "last" && w == "night" || prev == "this" && w != "night" =>
            {
                let date = published.map(|p| if w == "night" { p - Days::new(1) } else { p });
                push(i - 1, i + 1, date, true, None);
                if let Some(e) = out.last_mut() {
                    e.rel = Some(Rel::DaysBack(u64::from(w == "night")));
                }
            }
            // "two days ago" is a day; "weeks ago", "a year ago" are vague
            "ago" if i > lo => {
                let unit = prev.trim_end_matches('s');
                if matches!(unit, "day" | "week" | "month" | "year" | "decade" | "hour") {
                    let a = if i >= lo + 2 { i - 2 } else { i - 1 };
                    let n = if a < i - 1 {
                        count_word(doc.low(a))
                    } else {
                        None
                    };
                    let a = if n.is_some() { a } else { i - 1 };
                    let back = match (unit, n) {
                        ("day", Some(n)) => Some(n),
                        ("hour", Some(n)) if n < 12 => Some(0),
                        _ => None,
                    };
                    let date = published.zip(back).map(|(p, n)| p - Days::new(n));
                    push(a, i + 1, date, date.is_some(), None);
                    if let (Some(n), Some(e)) = (back, out.last_mut()) {
                        e.rel = Some(Rel::DaysBack(n));
                    }
                }
            }
            // "last season", "this summer": a stretch of months, no day
            "season" | "summer" | "winter" | "spring" | "autumn" | "fall"
                if matches!(prev, "last" | "this" | "next" | "past") =>
            {
                push(i - 1, i + 1, None, false, None);
            }
            "week" | "month" | "year" | "weekend" | "days" | "weeks" | "months"
                if matches!(
                    prev,
                    "last" | "this" | "next" | "past" | "recent" | "coming"
                ) =>
            {
                let mut a = i - 1;
                if a > lo && matches!(doc.low(a - 1), "earlier" | "later" | "the") {
                    a -= 1;
                }
                let earlier = doc.low(a) == "earlier";
                let range = published.and_then(|p| vague_range(p, prev, w, earlier));
                push(a, i + 1, None, false, range);
                if let Some(e) = out.last_mut() {
                    e.days = matches!(w, "week" | "weekend" | "days");
                }
            }
            _ => {
                if t.kind == Kind::Number {
                    // ISO dates
                    if w.len() == 10
                        && w.as_bytes()[4] == b'-'
                        && let Ok(d) = NaiveDate::parse_from_str(w, "%Y-%m-%d")
                    {
                        push(i, i + 1, Some(d), true, None);
                    } else if w.len() == 4
                        && matches!(prev, "in" | "during" | "since" | "until")
                        && let Ok(y) = w.parse::<i32>()
                        && (1900..=2100).contains(&y)
                    {
                        // "in 2015": another time than the days around publication
                        push(i - 1, i + 1, None, false, year_range(y));
                    }
                }
            }
        }
        i += 1;
    }
    reanchor_quoted(doc, &mut out);
    out
}

/// A relative day inside a quotation counts from the day the words were said, not from the day
/// of publication: "'I spoke with him yesterday,' Vell said on Tuesday" is Monday. The day of
/// saying is a day named outside the quotation in the same sentence (the reporting clause's
/// first). Without one, the words are taken as said about the day of publication unless the
/// sentence or the two before it tell of an earlier time ("A year ago, ... He told the nation:
/// 'I had a call yesterday'"): then the day is unknown and left null rather than guessed.
fn reanchor_quoted(doc: &Doc, out: &mut [DateExpr]) {
    for idx in 0..out.len() {
        let e = &mut out[idx];
        if e.quoted {
            // the quotation closes at the next closing mark of the paragraph
            let para_end = doc.paragraphs.get(e.para).map_or(doc.tokens.len(), |p| {
                doc.sentences
                    .get(p.last.wrapping_sub(1))
                    .map_or(doc.tokens.len(), |s| s.last)
            });
            e.quote.1 = (e.tok + 1..para_end)
                .find(|&k| {
                    matches!(
                        doc.tokens[k].kind,
                        Kind::Quote(Quote::Close) | Kind::Quote(Quote::Either)
                    )
                })
                .unwrap_or(para_end);
        }
        let e = &out[idx];
        let (Some(rel), true, Some(published)) = (e.rel, e.quoted, e.published) else {
            continue;
        };
        let s = e.sentence;
        // a time before the day of publication: a past day, a past range, "a year ago"
        let earlier_time = |x: &DateExpr| {
            x.date.is_some_and(|d| d < published)
                || x.range.is_some_and(|(_, to)| to < published)
                || x.date.is_none() && x.range.is_none() && !x.specific
        };
        let said = out
            .iter()
            .filter(|x| x.sentence == s && !x.quoted && !x.deadline)
            .min_by_key(|x| !x.speech);
        let day = match said {
            Some(x) if x.specific => x.date.map(|d| rel.from(d)),
            Some(x) if !earlier_time(x) => continue,
            Some(_) => None,
            None => match out[..idx]
                .iter()
                .rev()
                .take_while(|x| x.sentence + 2 >= s)
                .find(|x| x.sentence < s && !x.quoted && !x.deadline)
            {
                Some(x) if earlier_time(x) => None,
                _ => continue,
            },
        };
        let e = &mut out[idx];
        e.date = day;
        e.specific = day.is_some();
    }
}

impl DateExpr {
    /// Does the expression name a day or a stretch of time after the day of publication?
    pub fn after_publication(&self) -> bool {
        self.published.is_some_and(|p| {
            self.date.is_some_and(|d| d > p) || self.range.is_some_and(|(from, _)| from > p)
        })
    }
}

/// Can word token `i` start a date expression in [`find`]? A weekday or a month, or one of the
/// words its rules key on (kept in step with the `match` there). A token with a lexicon slot is
/// answered by a table made once over the slots (the slot's word is the token's lowercase form),
/// so only the words the lexicon does not know are compared as text.
fn may_start_date(doc: &Doc, i: usize) -> bool {
    static BY_SLOT: OnceLock<Vec<bool>> = OnceLock::new();
    let slot = doc.tokens[i].slot;
    if slot == crate::segment::NO_SLOT {
        return is_date_word(doc.low(i));
    }
    BY_SLOT.get_or_init(|| {
        Lexicon::get().slot_table(|word, phrases| {
            is_date_word(word)
                || phrases
                    .iter()
                    .any(|p| p.words.len() == 1 && matches!(p.tag, Tag::Weekday(_) | Tag::Month(_)))
        })
    })[slot as usize]
}

/// The words besides weekdays and months that a date expression of [`find`] may start with.
fn is_date_word(w: &str) -> bool {
    matches!(
        w,
        "day"
            | "days"
            | "yesterday"
            | "today"
            | "tonight"
            | "night"
            | "morning"
            | "afternoon"
            | "evening"
            | "ago"
            | "season"
            | "summer"
            | "winter"
            | "spring"
            | "autumn"
            | "fall"
            | "week"
            | "month"
            | "year"
            | "weekend"
            | "weeks"
            | "months"
    )
}

/// The date of a fact whose trigger is token `tok`: the nearest expression in its sentence, else
/// the latest day named earlier in the article that carries over, else a day named in the next
/// sentences of its paragraph ("He called her. ... she wrote on Sunday"). Returns the expression
/// (date and phrase span).
///
/// In the sentence, an expression that dates a reporting verb ("said Wednesday that she called
/// him after Tuesday's vote") yields to one that does not, and a quoted one to one that is not
/// (unless the fact is told inside the same quotation);
/// deadlines ("by Friday") date nothing. Days after publication, quoted days and photo captions
/// are not inherited by later sentences; a live-blog time stamp starts a section dated with the
/// day of publication. A vague range in the sentence ("this week", "in March") inherits a day
/// named before only when the day falls inside the range.
pub fn date_for(exprs: &[DateExpr], sentence: usize, tok: usize) -> Option<&DateExpr> {
    let in_sentence = exprs
        .iter()
        .filter(|e| e.sentence == sentence && !e.deadline)
        .min_by_key(|e| {
            (
                e.speech,
                e.quoted && !(e.quote.0 < tok && tok < e.quote.1),
                (e.tok as i64 - tok as i64).unsigned_abs(),
            )
        });
    let earlier = || {
        exprs
            .iter()
            .rev()
            .find(|e| e.sentence < sentence && e.carries)
    };
    if let Some(e) = in_sentence {
        if e.date.is_none()
            && !e.specific
            && let Some((from, to)) = e.range
            && let Some(p) = earlier()
            && !p.speech
            && let Some(d) = p.date
            && from <= d
            && d <= to
        {
            return Some(p);
        }
        // "met this week … during Tuesday's meeting": a day inside the range named soon after;
        // only a range of days ("this week"), not a month or a year ("last year … Feb. 27",
        // "earlier this month … Aug. 2" even early in the month)
        if e.date.is_none()
            && !e.specific
            && let Some((from, to)) = e.range
            && e.days
            && (to - from).num_days() <= 10
            && let Some(n) = exprs.iter().find(|x| {
                x.sentence > sentence
                    && x.sentence <= sentence + 6
                    && x.specific
                    && !x.speech
                    && !x.quoted
                    && !x.deadline
                    && x.date.is_some_and(|d| from <= d && d <= to)
            })
        {
            return Some(n);
        }
        return Some(e);
    }
    if let Some(e) = earlier() {
        return Some(e);
    }
    // a day named just after, in the same paragraph
    // (quoted ones skipped: they are someone's words)
    let next = exprs
        .iter()
        .find(|e| e.sentence > sentence && !e.quoted && !e.deadline)?;
    (next.sentence <= sentence + 3 && next.para_first <= sentence && next.carries).then_some(next)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clean::clean;
    use crate::segment::segment;

    pub(super) fn dates(t: &str, p: &str) -> Vec<(String, Option<String>)> {
        let d = segment(t, &clean(t));
        find(&d, NaiveDate::parse_from_str(p, "%Y-%m-%d").ok())
            .into_iter()
            .map(|e| (e.span.text(t).to_string(), e.date.map(|d| d.to_string())))
            .collect()
    }

    #[test]
    fn weekdays_resolve_to_the_latest_on_or_before_publication() {
        // 2025-11-21 is a Friday
        let v = dates(
            "He spoke on Friday and met her on Wednesday. They met last Friday.",
            "2025-11-21",
        );
        assert_eq!(v[0], ("on Friday".into(), Some("2025-11-21".into())));
        assert_eq!(v[1], ("on Wednesday".into(), Some("2025-11-19".into())));
        assert_eq!(v[2], ("last Friday".into(), Some("2025-11-14".into())));
    }

    #[test]
    fn a_capitalised_today_inside_a_sentence_is_a_name() {
        let v = dates(
            "Ana Dorn told the Lorvik Today programme she was tired. She said: Today we rest. \
             Today she rests.",
            "2025-11-21",
        );
        let texts: Vec<&str> = v.iter().map(|(t, _)| t.as_str()).collect();
        assert_eq!(texts, ["Today", "Today"]);
        assert!(v.iter().all(|(_, d)| d.as_deref() == Some("2025-11-21")));
    }

    #[test]
    fn times_ahead_of_publication_are_marked_so() {
        let t = "They meet next week. Talks follow in the coming days. They met last week.";
        let d = segment(t, &clean(t));
        let ex = find(&d, NaiveDate::from_ymd_opt(2025, 11, 21));
        let ahead: Vec<(&str, bool)> = ex
            .iter()
            .map(|e| (e.span.text(t), e.after_publication()))
            .collect();
        assert_eq!(
            ahead,
            [
                ("next week", true),
                ("the coming days", true),
                ("last week", false)
            ]
        );
    }

    #[test]
    fn explicit_relative_and_vague() {
        let v = dates(
            "On Nov. 19 they spoke. Yesterday too. Earlier this month, and last week.",
            "2025-11-21",
        );
        assert_eq!(v[0].1.as_deref(), Some("2025-11-19"));
        assert_eq!(v[1].1.as_deref(), Some("2025-11-20"));
        assert_eq!(v[2], ("Earlier this month".into(), None));
        assert_eq!(v[3], ("last week".into(), None));
    }

    #[test]
    fn days_ago_last_night_and_seasons() {
        // 2025-11-21 is a Friday
        let v = dates(
            "They met two days ago. Ms. Vell called him three weeks ago. He spoke last night \
             and again this morning. Her side lost last season.",
            "2025-11-21",
        );
        assert_eq!(v[0], ("two days ago".into(), Some("2025-11-19".into())));
        assert_eq!(v[1], ("three weeks ago".into(), None));
        assert_eq!(v[2], ("last night".into(), Some("2025-11-20".into())));
        assert_eq!(v[3], ("this morning".into(), Some("2025-11-21".into())));
        assert_eq!(v[4], ("last season".into(), None));
    }

    #[test]
    fn no_reference_date_means_null() {
        let v = dates("They met on Friday.", "not a date");
        assert_eq!(v[0].1, None);
    }
}

#[cfg(test)]
mod event_date_tests {
    use super::*;
    use crate::clean::clean;
    use crate::segment::segment;

    #[test]
    fn the_date_of_a_reporting_verb_yields_to_the_date_of_the_fact() {
        // 2025-11-21 is a Friday
        let t = "Ms. Quill said Wednesday that she called him after Tuesday's vote.";
        let d = segment(t, &clean(t));
        let ex = find(&d, NaiveDate::from_ymd_opt(2025, 11, 21));
        let called = (0..d.tokens.len()).find(|&i| d.low(i) == "called").unwrap();
        let e = date_for(&ex, 0, called).unwrap();
        assert_eq!(e.date, NaiveDate::from_ymd_opt(2025, 11, 18));
    }

    fn date_of(t: &str, published: &str, sentence: usize, trigger: &str) -> Option<NaiveDate> {
        let d = segment(t, &clean(t));
        let ex = find(&d, NaiveDate::parse_from_str(published, "%Y-%m-%d").ok());
        let tok = (0..d.tokens.len())
            .find(|&i| d.sent_of[i] as usize == sentence && d.low(i) == trigger)
            .unwrap();
        date_for(&ex, sentence, tok).and_then(|e| e.date)
    }

    #[test]
    fn quoted_plans_and_deadlines_are_not_inherited() {
        // 2025-11-19 is a Wednesday
        let t = "Ms. Orvell met the governors on Wednesday. \u{201C}We will settle it by Saturday \
                 afternoon,\u{201D} she said. Mr. Tarn told Ms. Orvell he agreed.";
        assert_eq!(
            date_of(t, "2025-11-19", 2, "told"),
            NaiveDate::from_ymd_opt(2025, 11, 19)
        );
    }

    #[test]
    fn a_planned_weekday_lies_ahead() {
        // 2025-11-19 is a Wednesday
        let v = super::tests::dates("The envoys will meet on Friday in Dorvan.", "2025-11-19");
        assert_eq!(v[0].1.as_deref(), Some("2025-11-21"));
    }

    #[test]
    fn live_blog_time_stamps_open_a_section() {
        let t = "3:10 p.m.\n\nThe mayor voted early on Nov. 2.\n\n1:05 p.m.\n\nMs. Orvell says she \
                 spoke to Mr. Tarn.";
        assert_eq!(
            date_of(t, "2025-11-19", 3, "spoke"),
            NaiveDate::from_ymd_opt(2025, 11, 19)
        );
    }

    #[test]
    fn photo_captions_do_not_date_the_story() {
        let t = "Saturday's call between Ann Bole and Tom Reed went well.\nFILE - Tom Reed \
                 speaks in Varna, Jan. 20, 2017.\nReed said the conversation with Bole was useful.";
        assert_eq!(
            date_of(t, "2017-01-30", 2, "conversation"),
            NaiveDate::from_ymd_opt(2017, 1, 28)
        );
    }

    #[test]
    fn a_day_named_later_in_the_paragraph() {
        // 2025-11-19 is a Wednesday; no day before the call, its day comes two sentences later
        let t = "Mr. Tarn called Ms. Orvell. It was a short talk. She wrote about it on Sunday.";
        assert_eq!(
            date_of(t, "2025-11-19", 0, "called"),
            NaiveDate::from_ymd_opt(2025, 11, 16)
        );
    }

    #[test]
    fn another_year_or_month_stops_the_context() {
        // 2025-11-19 is a Wednesday
        let t =
            "Mr. Tarn spoke on Monday. He first met Ms. Orvell in 2015. They met again in March.";
        assert_eq!(date_of(t, "2025-11-19", 1, "met"), None);
        assert_eq!(date_of(t, "2025-11-19", 2, "met"), None);
        // but a day inside "this week" is inherited
        let t = "Mr. Tarn spoke on Monday. He met Ms. Orvell this week.";
        assert_eq!(
            date_of(t, "2025-11-19", 1, "met"),
            NaiveDate::from_ymd_opt(2025, 11, 17)
        );
    }

    #[test]
    fn a_month_alone_needs_a_preposition() {
        let v = super::tests::dates("Prime Minister Ada May spoke in March.", "2025-11-19");
        assert_eq!(v.len(), 1, "{v:?}");
        assert_eq!(v[0].0, "March");
    }

    #[test]
    fn a_vague_time_ago_stops_the_context() {
        // 2025-11-19 is a Wednesday
        let t = "Mr. Tarn spoke on Monday. He met Ms. Orvell months ago.";
        assert_eq!(date_of(t, "2025-11-19", 1, "met"), None);
    }

    #[test]
    fn a_fixture_in_the_present_is_ahead_and_not_inherited() {
        // 2025-11-19 is a Wednesday
        let t = "Coach Ena Varr spoke with Mr. Tarn. The two sides meet again on Saturday.";
        assert_eq!(date_of(t, "2025-11-19", 0, "spoke"), None);
        let v = super::tests::dates("The leaders meet Friday in Dorvan.", "2025-11-19");
        assert_eq!(v[0].1.as_deref(), Some("2025-11-21"));
    }

    #[test]
    fn days_counted_from_the_last_day_named() {
        // 2025-11-19 is a Wednesday
        let t = "Ms. Orvell arrived in Dorvan on Monday. The next day she met Mr. Tarn. Two days \
                 later she called him.";
        assert_eq!(
            date_of(t, "2025-11-19", 1, "met"),
            NaiveDate::from_ymd_opt(2025, 11, 18)
        );
        assert_eq!(
            date_of(t, "2025-11-19", 2, "called"),
            NaiveDate::from_ymd_opt(2025, 11, 20)
        );
        // with no day named before, the phrase dates nothing; "the following days" are vague
        let t = "The next day she met Mr. Tarn.";
        assert_eq!(date_of(t, "2025-11-19", 0, "met"), None);
        let v = super::tests::dates(
            "They met on Monday and in the following days.",
            "2025-11-19",
        );
        assert_eq!(v.len(), 1, "{v:?}");
    }

    #[test]
    fn a_range_takes_a_day_inside_it_named_soon_after() {
        // 2025-11-19 is a Wednesday
        let t = "Mr. Tarn met Ms. Orvell this week. An aide said on Wednesday that Monday's \
                 meeting went well.";
        assert_eq!(
            date_of(t, "2025-11-19", 0, "met"),
            NaiveDate::from_ymd_opt(2025, 11, 17)
        );
        // a day outside the range is not taken
        let t = "Mr. Tarn met Ms. Orvell this week. He flew home on Nov. 2.";
        assert_eq!(date_of(t, "2025-11-19", 0, "met"), None);
        // a month or a year is too long a range to pick one of its days from later sentences
        let t = "Mr. Tarn met Ms. Orvell last year. The region votes Feb. 27.";
        assert_eq!(date_of(t, "2025-11-19", 0, "met"), None);
        let t = "Mr. Tarn met Ms. Orvell earlier this month. Her aide posted on Nov. 4.";
        assert_eq!(date_of(t, "2025-11-19", 0, "met"), None);
        // even when the month has run only a few days
        assert_eq!(date_of(t, "2025-11-06", 0, "met"), None);
    }

    #[test]
    fn the_day_before_counts_only_from_a_day() {
        // 2025-11-19 is a Wednesday; "in July 2010" is named after Monday, and is no day
        let t = "Ms. Orvell said on Monday she first met Mr. Tarn in July 2010. The day before, \
                 she had called him.";
        assert_eq!(date_of(t, "2025-11-19", 1, "called"), None);
        let t = "Ms. Orvell arrived on Monday. The day before, she had called Mr. Tarn.";
        assert_eq!(
            date_of(t, "2025-11-19", 1, "called"),
            NaiveDate::from_ymd_opt(2025, 11, 16)
        );
    }

    #[test]
    fn a_relative_day_in_a_quote_counts_from_the_day_it_was_said() {
        // 2025-11-21 is a Friday; Tuesday is 2025-11-18
        let t = "\u{201C}I spoke with Ana Dorn yesterday,\u{201D} Tomas Vell said on Tuesday.";
        assert_eq!(
            date_of(t, "2025-11-21", 0, "spoke"),
            NaiveDate::from_ymd_opt(2025, 11, 17)
        );
        let t = "On Tuesday, Tomas Vell told reporters: \u{201C}Ana Dorn phoned me two days ago \
                 and we met on Sunday.\u{201D}";
        assert_eq!(
            date_of(t, "2025-11-21", 0, "phoned"),
            NaiveDate::from_ymd_opt(2025, 11, 16)
        );
        assert_eq!(
            date_of(t, "2025-11-21", 0, "met"),
            NaiveDate::from_ymd_opt(2025, 11, 16)
        );
        // said with no day: the words are taken as said about the day of publication
        let t = "\u{201C}I spoke with Ana Dorn yesterday,\u{201D} Tomas Vell said.";
        assert_eq!(
            date_of(t, "2025-11-21", 0, "spoke"),
            NaiveDate::from_ymd_opt(2025, 11, 20)
        );
        // a plan told just before is no other time of speaking
        let t = "Ana Dorn expects a vote early next week. \u{201C}I spoke with her yesterday,\u{201D} \
                 Tomas Vell said.";
        assert_eq!(
            date_of(t, "2025-11-21", 1, "spoke"),
            NaiveDate::from_ymd_opt(2025, 11, 20)
        );
    }

    #[test]
    fn a_relative_day_in_a_quote_of_another_time_is_unknown() {
        let t = "Two years ago the countries restored ties.\nIn a speech, President Tomas Vell \
                 said: \u{201C}A call I had yesterday with Ana Dorn made it possible.\u{201D}";
        assert_eq!(date_of(t, "2025-11-21", 1, "call"), None);
        let t = "Last year, Tomas Vell said: \u{201C}I met Ana Dorn on Monday.\u{201D}";
        assert_eq!(date_of(t, "2025-11-21", 0, "met"), None);
    }

    #[test]
    fn planned_days_are_not_inherited() {
        let t = "The vote is on Nov. 30. They met in the capital.";
        let d = segment(t, &clean(t));
        let ex = find(&d, NaiveDate::from_ymd_opt(2025, 11, 21));
        let met = (0..d.tokens.len()).find(|&i| d.low(i) == "met").unwrap();
        assert!(date_for(&ex, 1, met).is_none());
    }
}
