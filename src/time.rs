//! The time stage: the [`Doc`] and the article's published date in, the date of every fact out.
//!
//! Expressions are found once per document ("on Friday", "yesterday", "Nov. 19", "19 November
//! 2025", "last week", "earlier this month") and resolved against the published date: a weekday
//! is the latest such day on or before publication. Vague ranges keep their phrase with a null
//! date. A fact takes the expression of its own sentence, else the latest day named before it
//! in the article ("arrived on Sunday… on Monday he met"). Without a published date every date is
//! null: the library never reads the clock.

use chrono::{Datelike, Days, NaiveDate};

use crate::lexicon::Tag;
use crate::segment::{Doc, Kind};
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

/// Finds and resolves the date expressions of a document.
pub fn find(doc: &Doc, published: Option<NaiveDate>) -> Vec<DateExpr> {
    let mut out = Vec::new();
    let n = doc.tokens.len();
    let mut i = 0;
    while i < n {
        let t = &doc.tokens[i];
        if t.kind != Kind::Word && t.kind != Kind::Number {
            i += 1;
            continue;
        }
        let si = doc.sent_of[i] as usize;
        let hi = doc.sentences[si].last;
        let w = doc.low(i);
        let prev = if i > doc.sentences[si].first {
            doc.low(i - 1)
        } else {
            ""
        };
        let lo = doc.sentences[si].first;
        let mut push = |a: usize, b: usize, date: Option<NaiveDate>, specific: bool| {
            // "said Wednesday", "said on Wednesday", "Wednesday said", "on Wednesday told"
            let before = if a > lo { doc.low(a - 1) } else { "" };
            let after = if b < hi { doc.low(b) } else { "" };
            let speech = is_report_verb(before) || is_report_verb(after);
            out.push(DateExpr {
                span: Span::new(doc.tokens[a].start as usize, doc.tokens[b - 1].end as usize),
                tok: a,
                sentence: si,
                date,
                specific,
                speech,
                published,
            });
        };
        // weekdays
        if let Some(wd) = doc.tags(i).find_map(|t| match t {
            Tag::Weekday(d) => Some(d),
            _ => None,
        }) && doc.tokens[i].is(crate::segment::CAP)
        {
            {
                let a = if matches!(prev, "on" | "last" | "this" | "late" | "early" | "next") {
                    i - 1
                } else {
                    i
                };
                let date = published.map(|p| match prev {
                    "last" => weekday_before(p, wd, true),
                    "next" => weekday_before(p, wd, false) + Days::new(7),
                    _ => weekday_before(p, wd, false),
                });
                let mut b = i + 1;
                // "Friday night", "Monday morning"
                if b < hi && matches!(doc.low(b), "morning" | "afternoon" | "evening" | "night") {
                    b += 1;
                }
                push(a, b, date, true);
                i = b;
                continue;
            }
        }
        // months: "Nov. 19", "November 19, 2025", "19 November 2025"
        if let Some(m) = doc.tags(i).find_map(|t| match t {
            Tag::Month(m) => Some(m),
            _ => None,
        }) && doc.tokens[i].is(crate::segment::CAP)
        {
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
                if let Some(d) = day {
                    let date = match (year, published) {
                        (Some(y), _) => NaiveDate::from_ymd_opt(y, m as u32, d),
                        (None, Some(p)) => {
                            let cand = NaiveDate::from_ymd_opt(p.year(), m as u32, d);
                            // a date well after publication is from the year before
                            match cand {
                                Some(c) if c > p + Days::new(31) => {
                                    NaiveDate::from_ymd_opt(p.year() - 1, m as u32, d)
                                }
                                c => c,
                            }
                        }
                        (None, None) => None,
                    };
                    let a = if a > 0 && doc.low(a - 1) == "on" && doc.sent_of[a - 1] as usize == si
                    {
                        a - 1
                    } else {
                        a
                    };
                    push(a, b, date, true);
                } else {
                    push(i, b, None, false);
                }
                i = b;
                continue;
            }
        }
        match w {
            "yesterday" | "today" | "tonight" => {
                let date = published.map(|p| {
                    if w == "yesterday" {
                        p - Days::new(1)
                    } else {
                        p
                    }
                });
                push(i, i + 1, date, true);
            }
            "week" | "month" | "year" | "weekend" | "days" | "weeks" | "months"
                if matches!(
                    prev,
                    "last" | "this" | "next" | "past" | "recent" | "coming"
                ) =>
            {
                let mut a = i - 1;
                if a > doc.sentences[si].first
                    && matches!(doc.low(a - 1), "earlier" | "later" | "the")
                {
                    a -= 1;
                }
                push(a, i + 1, None, false);
            }
            _ => {
                // ISO dates
                if t.kind == Kind::Number
                    && w.len() == 10
                    && w.as_bytes()[4] == b'-'
                    && let Ok(d) = NaiveDate::parse_from_str(w, "%Y-%m-%d")
                {
                    push(i, i + 1, Some(d), true);
                }
            }
        }
        i += 1;
    }
    out
}

/// The date of a fact whose trigger is token `tok`: the nearest expression in its sentence, else
/// the latest specific day named earlier in the article. Returns (date, phrase span).
///
/// In the sentence, an expression that dates a reporting verb ("said Wednesday that she called
/// him after Tuesday's vote") yields to one that does not. Days after publication are plans, not
/// the context of a past fact, and are not inherited by later sentences; a vague range in the
/// sentence ("this week") inherits a specific day named before within the week before
/// publication.
pub fn date_for(exprs: &[DateExpr], sentence: usize, tok: usize) -> Option<&DateExpr> {
    let in_sentence = exprs
        .iter()
        .filter(|e| e.sentence == sentence)
        .min_by_key(|e| (e.speech, (e.tok as i64 - tok as i64).unsigned_abs()));
    let not_future = |e: &DateExpr| match (e.date, e.published) {
        (Some(d), Some(p)) => d <= p,
        _ => true,
    };
    let earlier = || {
        exprs
            .iter()
            .rev()
            .find(|e| e.sentence < sentence && e.specific && e.date.is_some() && not_future(e))
    };
    if let Some(e) = in_sentence {
        if e.date.is_none() && e.published.is_some() && !e.specific {
            let w = e.span;
            let _ = w;
            if let Some(p) = earlier() {
                let (d, pubd) = (p.date.unwrap_or_default(), e.published.unwrap_or_default());
                if d <= pubd && pubd - Days::new(7) <= d {
                    return Some(p);
                }
            }
        }
        return Some(e);
    }
    earlier()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clean::clean;
    use crate::segment::segment;

    fn dates(t: &str, p: &str) -> Vec<(String, Option<String>)> {
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

    #[test]
    fn planned_days_are_not_inherited() {
        let t = "The vote is on Nov. 30. They met in the capital.";
        let d = segment(t, &clean(t));
        let ex = find(&d, NaiveDate::from_ymd_opt(2025, 11, 21));
        let met = (0..d.tokens.len()).find(|&i| d.low(i) == "met").unwrap();
        assert!(date_for(&ex, 1, met).is_none());
    }
}
