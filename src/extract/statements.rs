//! Statements: direct quotes, partial quotes and reported speech, each with its speaker, cue and
//! content spans.
//!
//! In: the [`Doc`] and its [`Actors`]. Out: [`Statement`]s with token-exact spans. Direct quotes
//! are found from quotation marks (a quote may span sentences and paragraphs) and attributed to a
//! speaker before, after or around them, or to the previous speaker when a paragraph opens with an
//! unattributed quote. Reported speech hangs on a cue (a verb of saying, believing or wanting, or
//! "according to") with its subject to the left and its content to the right, or the reverse for
//! "…, X said." and "…, according to X."

use crate::actors::{Actors, LexMemo, OTHER_PRONOUNS, kind, pronoun_gender};
use crate::lexicon::{CueClass, Lexicon, Tag};
use crate::segment::{CAP, Doc, Kind, POSSESSIVE, Quote, SENT_START};
use crate::types::Span;

#[derive(Clone, Debug)]
pub struct Statement {
    pub content: Span,
    pub cue: Span,
    pub speaker: Option<Span>,
    /// Token index of the speaker's head, to look up its actor.
    pub speaker_tok: Option<usize>,
    pub direct: bool,
    /// Sentence range `[first, last]` the statement spans.
    pub sentences: (usize, usize),
    pub rule: &'static str,
    pub confidence: f32,
}

struct Ctx<'d, 'a> {
    doc: &'d Doc<'a>,
    actors: &'d Actors,
    lex: &'static Lexicon,
    memo: LexMemo,
    /// Quote index covering each token (u32::MAX if outside quotes).
    in_quote: Vec<u32>,
    quotes: Vec<(usize, usize)>,
    used_cue: Vec<bool>,
}

/// Words that may stand between a subject and its cue ("he also said", "officials have said").
fn is_aux(w: &str) -> bool {
    matches!(
        w,
        "also"
            | "has"
            | "have"
            | "had"
            | "will"
            | "would"
            | "could"
            | "may"
            | "might"
            | "later"
            | "then"
            | "previously"
            | "repeatedly"
            | "reportedly"
            | "again"
            | "once"
            | "often"
            | "publicly"
            | "privately"
            | "recently"
            | "earlier"
            | "further"
            | "is"
            | "was"
            | "were"
            | "are"
            | "been"
            | "has,"
            | "even"
            | "just"
            | "already"
            | "still"
            | "never"
            | "openly"
            | "flatly"
            | "firmly"
            | "explicitly"
            | "initially"
            | "subsequently"
            | "separately"
            | "told"
            | "did"
            | "does"
            | "do"
            | "not"
            | "n't"
            | "clearly"
            | "quickly"
            | "immediately"
            | "simply"
            | "only"
            | "first"
            | "frequently"
            | "consistently"
    )
}

fn is_det(w: &str) -> bool {
    matches!(
        w,
        "the"
            | "a"
            | "an"
            | "this"
            | "that"
            | "these"
            | "those"
            | "his"
            | "her"
            | "their"
            | "its"
            | "our"
            | "my"
            | "some"
            | "many"
            | "several"
            | "other"
            | "both"
            | "two"
            | "three"
            | "most"
            | "few"
            | "all"
            | "one"
            | "another"
            | "each"
            | "every"
            | "any"
            | "your"
    )
}

/// Words that stand between a subject and its verb without being either ("both", "herself",
/// "always"). Sorted.
const FLOATING: &[&str] = &[
    "all",
    "always",
    "both",
    "each",
    "herself",
    "himself",
    "indeed",
    "itself",
    "long",
    "now",
    "themselves",
    "too",
];

/// Number words that open a share ("nine in 10"). Sorted.
const NUMBER_WORDS: &[&str] = &[
    "eight", "five", "four", "nine", "one", "seven", "six", "ten", "three", "two",
];

/// Prepositions that put a noun phrase inside an apposition ("…, facing a race in Utah, …").
/// Sorted.
const APPOSITION_PREPS: &[&str] = &[
    "about", "against", "at", "by", "for", "from", "in", "into", "of", "on", "over", "to", "with",
];

/// Prepositions of place and company that open a setting, not content ("speaking alongside
/// Roe", "said outside the court"). Sorted.
const SETTING_PREPS: &[&str] = &["alongside", "amid", "behind", "beside", "near", "outside"];

/// Words that open a subordinate clause. Sorted.
const SUBORDINATORS: &[&str] = &[
    "after", "although", "as", "because", "before", "how", "if", "since", "that", "though",
    "unless", "until", "what", "when", "where", "whether", "while", "why",
];

/// Irregular past participles of cue verbs. Sorted.
const PARTICIPLES: &[&str] = &[
    "chosen", "felt", "found", "given", "held", "known", "meant", "said", "seen", "shown", "taken",
    "thought", "told", "written",
];

/// Sentence-initial connectives before a subject. Sorted.
/// Words that open a noun phrase: after the hearer of "told", they start the content.
const HEARER_ENDS: &[&str] = &[
    "a", "an", "the", "this", "these", "those", "his", "her", "its", "their", "our", "my", "no",
    "some", "every",
];

const LEAD_CONNECTIVES: &[&str] = &[
    "and",
    "but",
    "however",
    "instead",
    "meanwhile",
    "so",
    "still",
    "then",
    "yet",
];

/// Sentence-initial words that open an adverbial running to the first comma. Sorted.
const LEAD_ADVERBIALS: &[&str] = &[
    "after", "although", "as", "asked", "at", "before", "by", "despite", "during", "earlier",
    "for", "from", "if", "in", "last", "late", "later", "on", "since", "speaking", "though",
    "when", "while", "with",
];

/// Articles and possessives: a cue word right after one is a noun or adjective ("the proposed
/// deal", "in a tweet", "his repeated claims"). Sorted.
const NOUN_MARKERS: &[&str] = &[
    "a", "an", "another", "every", "her", "his", "its", "my", "our", "the", "their", "your",
];

/// Words that end a subject noun phrase when walking left.
fn stops_np(w: &str) -> bool {
    matches!(
        w,
        "and"
            | "but"
            | "or"
            | "that"
            | "which"
            | "who"
            | "whom"
            | "when"
            | "while"
            | "as"
            | "if"
            | "because"
            | "since"
            | "after"
            | "before"
            | "where"
            | "than"
            | "so"
            | "though"
            | "although"
            | "yet"
            | "whether"
            | "what"
            | "how"
            | "why"
            | "to"
            | "for"
            | "with"
            | "in"
            | "on"
            | "at"
            | "by"
            | "from"
            | "of"
            | "about"
            | "into"
            | "over"
            | "under"
            | "said"
            | "says"
            | "say"
            | "is"
            | "was"
            | "are"
            | "were"
            | "be"
            | "not"
            | "also"
            | "has"
            | "have"
            | "had"
            | "will"
            | "would"
            | "could"
            | "should"
            | "can"
            | "may"
            | "might"
            | "must"
            | "did"
            | "do"
            | "does"
            | "nor"
            | "then"
            | "once"
            | "until"
            | "unless"
    )
}

impl<'d, 'a> Ctx<'d, 'a> {
    fn cue_class(&self, i: usize) -> Option<CueClass> {
        let d = self.doc;
        if d.tokens[i].kind != Kind::Word {
            return None;
        }
        self.memo
            .first_cue(d, i)
            .map(|c| self.lex.cues[c as usize].class)
            .or_else(|| {
                // multi-word cues ("points out", "went on")
                if !self.memo.cue_phrase_may_start(d, i) {
                    return None;
                }
                self.memo
                    .phrase_among(d, i, kind::CUE_PHRASE, |t| matches!(t, Tag::CuePhrase(_)))
                    .filter(|(_, e)| *e > i + 1)
                    .and_then(|(t, _)| match t {
                        Tag::CuePhrase(c) if c != CueClass::Source => Some(c),
                        _ => None,
                    })
            })
    }

    /// After a quote, a past-tense verb closing a short subject ("…,” an angry Ode retorted.)
    /// is a verb of saying even when the lexicon does not know it.
    fn past_tense_cue(&self, c: usize, hi: usize) -> bool {
        let d = self.doc;
        let w = d.low(c);
        if d.tokens[c].kind != Kind::Word
            || d.tokens[c].is(CAP)
            || !w.ends_with("ed")
            || w.len() < 5
        {
            return false;
        }
        c + 1 >= hi
            || matches!(d.tok_text(c + 1), "." | "," | ";" | "!" | "?")
            || matches!(
                d.low(c + 1),
                "in" | "on" | "at" | "to" | "during" | "after" | "before" | "back"
            )
    }

    fn cue_lemma(&self, i: usize) -> &'static str {
        self.memo
            .first_cue(self.doc, i)
            .map_or("", |c| self.lex.cues[c as usize].lemma)
    }

    fn is_speech(&self, i: usize) -> bool {
        self.cue_class(i) == Some(CueClass::Speech)
    }

    fn tspan(&self, a: usize, b: usize) -> Span {
        let d = self.doc;
        Span {
            start: d.tokens[a].start,
            end: d.tokens[b - 1].end,
        }
    }

    /// The subject NP ending right before `i` (skipping auxiliaries and adverbs): its token range
    /// and head token.
    fn subject_before(&self, i: usize, lo: usize) -> Option<(usize, usize, usize)> {
        let d = self.doc;
        let mut j = i;
        // skip auxiliaries/adverbs
        let mut skipped = 0;
        loop {
            let adverb = |w: &str| {
                (w.len() > 4
                    && w.ends_with("ly")
                    && !matches!(w, "only" | "family" | "ally" | "italy" | "july"))
                    || matches!(
                        w,
                        "nevertheless" | "however" | "instead" | "meanwhile" | "therefore" | "thus"
                    )
            };
            if j > lo
                && (is_aux(d.low(j - 1)) || adverb(d.low(j - 1)) && !d.tokens[j - 1].is(CAP))
                && skipped < 4
            {
                j -= 1;
                skipped += 1;
                continue;
            }
            // a floating quantifier, reflexive or frequency adverb between a subject and its
            // verb: "the two senators both argued", "the minister herself has always said"
            if j > lo + 1
                && skipped < 4
                && FLOATING.binary_search(&d.low(j - 1)).is_ok()
                // "Roe and Kolb (D-Utah) both said"
                && (d.tokens[j - 2].kind == Kind::Word || d.tok_text(j - 2) == ")")
            {
                j -= 1;
                skipped += 1;
                continue;
            }
            // a date adverbial: "Clinton on Tuesday said", "officials last week warned"
            if j > lo
                && (d.has_tag(j - 1, |t| matches!(t, Tag::Weekday(_)))
                    || matches!(d.low(j - 1), "yesterday" | "today" | "tonight"))
            {
                j -= 1;
                if j > lo && matches!(d.low(j - 1), "on" | "last" | "this" | "late" | "early") {
                    j -= 1;
                }
                continue;
            }
            // "a poll in June showed", "the council in late May 2020 said"
            if j > lo + 1 && d.tokens[j - 1].kind == Kind::Word {
                let mut k = j;
                if d.low(k - 1).starts_with(|c: char| c.is_ascii_digit()) {
                    k -= 1;
                }
                if k > lo + 1 && d.has_tag(k - 1, |t| matches!(t, Tag::Month(_))) {
                    k -= 1;
                    if k > lo + 1 && matches!(d.low(k - 1), "early" | "late" | "mid") {
                        k -= 1;
                    }
                    if k > lo + 1 && matches!(d.low(k - 1), "in" | "since" | "during") {
                        j = k - 1;
                        continue;
                    }
                }
            }
            // "the report for the first time cited", "Roe at the time said"
            if j > lo + 4
                && d.low(j - 1) == "time"
                && matches!(d.low(j - 2), "first" | "second" | "last")
                && d.low(j - 3) == "the"
                && d.low(j - 4) == "for"
            {
                j -= 4;
                continue;
            }
            if j > lo + 3 && d.low(j - 1) == "time" && d.low(j - 2) == "the" && d.low(j - 3) == "at"
            {
                j -= 3;
                continue;
            }
            // "Spicer on Thursday evening said", "officials late last night said"
            if j > lo + 1
                && matches!(d.low(j - 1), "morning" | "afternoon" | "evening" | "night")
                && (d.has_tag(j - 2, |t| matches!(t, Tag::Weekday(_)))
                    || matches!(d.low(j - 2), "last" | "this" | "yesterday" | "tomorrow"))
            {
                j -= 1;
                continue;
            }
            if j > lo + 1
                && matches!(d.low(j - 1), "week" | "month" | "year")
                && matches!(d.low(j - 2), "last" | "this")
            {
                j -= 2;
                continue;
            }
            break;
        }
        if j <= lo {
            return None;
        }
        let end = j;
        let last = j - 1;
        let lt = &d.tokens[last];
        if let Some(a) = self.quantity_subject(last, lo) {
            return Some((a, end, last));
        }
        if lt.kind != Kind::Word {
            // "Hemsley, an assistant professor at X, said": skip back over a comma apposition
            if d.tok_text(last) == "," {
                // "Ann Roe, whose firm, Acme, makes tools, said": a relative clause, which may
                // hold commas of its own, closes at this comma
                if let Some(r) = (lo + 2..last)
                    .rev()
                    .take(30)
                    .take_while(|&t| {
                        !matches!(d.tok_text(t), ";" | ":")
                            && !matches!(d.tokens[t].kind, Kind::Quote(_))
                    })
                    .find(|&t| {
                        matches!(d.low(t), "who" | "whose" | "which") && d.tok_text(t - 1) == ","
                    })
                    && let Some((a, _, h)) = self.subject_before(r - 1, lo)
                {
                    return Some((a, end, h));
                }
                let mut k = last;
                while k > lo && d.tok_text(k - 1) != "," && k + 25 > last {
                    k -= 1;
                }
                if k > lo && d.tok_text(k - 1) == "," {
                    let mut r = self.subject_before(k - 1, lo);
                    // "Roe, facing a challenge in Utah, a swing state, said": the phrase found
                    // is the object of a preposition inside a longer apposition
                    while let Some((a, _, _)) = r
                        && a > lo + 1
                        && last < a + 40
                        && APPOSITION_PREPS.binary_search(&d.low(a - 1)).is_ok()
                    {
                        let Some(c) = (lo + 1..a).rev().find(|&t| d.tok_text(t) == ",") else {
                            break;
                        };
                        r = self.subject_before(c, lo);
                    }
                    // "Ann Roe, 63, a farmer raised in Utah, said", "Roe, a voter from Provo,
                    // Utah, said": no subject before this comma, a named one before an earlier
                    // comma of the apposition
                    if r.is_none() {
                        let mut c = k - 1;
                        for _ in 0..3 {
                            let Some(p) = (lo + 1..c)
                                .rev()
                                .take(25)
                                .take_while(|&t| {
                                    !matches!(d.tok_text(t), ";" | ":")
                                        && !matches!(d.tokens[t].kind, Kind::Quote(_))
                                })
                                .find(|&t| d.tok_text(t) == ",")
                            else {
                                break;
                            };
                            if let Some(x) = self.subject_before(p, lo)
                                && self.named_or_pronoun(x.2)
                            {
                                r = Some(x);
                                break;
                            }
                            c = p;
                        }
                    }
                    return r.map(|(a, _, h)| (a, end, h));
                }
            }
            // "The justice -- who has been in a scuffle with Roe -- said"
            // (or a spaced hyphen used as a dash: "Roe - who has … - said")
            let spaced_hyphen = d.tok_text(last) == "-"
                && d.tokens[last].is(crate::segment::SPACE_BEFORE)
                && last + 1 < d.tokens.len()
                && d.tokens[last + 1].is(crate::segment::SPACE_BEFORE);
            if (matches!(d.tok_text(last), "--" | "\u{2014}" | "\u{2013}") || spaced_hyphen)
                && let Some(k) = (lo + 1..last)
                    .rev()
                    .take(30)
                    .find(|&t| d.tok_text(t) == d.tok_text(last))
            {
                return self.subject_before(k, lo).map(|(a, _, h)| (a, end, h));
            }
            if d.tok_text(last) == ")" {
                let mut k = last;
                while k > lo && d.tok_text(k - 1) != "(" {
                    k -= 1;
                }
                if k > lo + 1 {
                    return self.subject_before(k - 1, lo).map(|(a, _, h)| (a, end, h));
                }
            }
            return None;
        }
        // an actor mention ends here
        if let Some(m) = self.actors.mention_at(last)
            && m.last == last + 1
            && !m.place
        {
            let mut a = m.first.max(lo);
            // "the ministry's spokesman" etc. are handled below; include a determiner
            if a > lo && is_det(d.low(a - 1)) && d.low(a - 1) != "that" {
                a -= 1;
            }
            if let Some((a2, h2)) = self.head_before_preposition(a, lo) {
                return Some((a2, end, h2.unwrap_or(last)));
            }
            if let Some(r) = self.antecedent_of_relative(a, lo) {
                return Some(r);
            }
            if d.tok_text(end) != ","
                && let Some(r) = self.subject_before_adverbial(a, lo)
            {
                return Some(r);
            }
            return Some((a, end, last));
        }
        let lw = d.low(last);
        if pronoun_gender(lw).is_some()
            || OTHER_PRONOUNS.contains(&lw)
            || lw == "who"
            || lw == "which"
        {
            if matches!(
                lw,
                "his" | "her" | "their" | "its" | "my" | "our" | "them" | "him" | "me" | "us"
            ) {
                // "groups that have endorsed him say": the object of a relative clause
                return self.antecedent_of_relative(last, lo);
            }
            // "Ann Roe, who said": the relative pronoun with its named antecedent
            if matches!(lw, "who" | "which")
                && last > lo + 1
                && d.tok_text(last - 1) == ","
                && let Some(m) = self.actors.mention_at(last - 2)
                && m.last == last - 1
                && m.entity.is_some()
                && !m.place
            {
                return Some((m.first.max(lo), end, last - 2));
            }
            // "commentators who have suggested": the relative pronoun with the noun phrase
            // it hangs on
            if lw == "who"
                && last > lo
                && d.is_word(last - 1)
                && !stops_np(d.low(last - 1))
                && let Some((a2, e2, h2)) = self.subject_before(last, lo)
                && e2 == last
            {
                let named = self
                    .actors
                    .mention_at(h2)
                    .is_some_and(|m| m.entity.is_some());
                return Some((a2, end, if named { h2 } else { last }));
            }
            return Some((last, end, last));
        }
        // "a judge said", "the study reports": a cue form that is also a noun heads a noun
        // phrase after a determiner
        // ("harbour rights advocates said": a plural, since a verb in -s cannot be followed
        // by the finite cue)
        let noun_head = self.nounish(last)
            && ((lo..last).rev().take(3).any(|t| is_det(d.low(t)))
                || lw.ends_with('s')
                    && last > lo
                    && d.is_word(last - 1)
                    && !stops_np(d.low(last - 1)))
            && NOUN_MARKERS.binary_search(&lw).is_err();
        if stops_np(lw)
            || self.cue_class(last).is_some() && !d.tokens[last].is(CAP) && !noun_head
            || NOUN_MARKERS.binary_search(&lw).is_ok()
        {
            // "the proposed plan", "in a tweet": an article or possessive before the cue makes
            // it a noun or adjective, not a verb with a subject
            return None;
        }
        // a common noun phrase: walk left over nouns, adjectives, possessives and names
        let mut a = last;
        let mut n = 0;
        while a > lo && n < 8 {
            let p = a - 1;
            let pw = d.low(p);
            let pt = &d.tokens[p];
            if is_det(pw) {
                a = p;
                break;
            }
            // "29 percent of voters": a number inside the noun phrase
            if pt.kind == Kind::Number && !stops_np(d.low(a)) {
                a = p;
                n += 1;
                continue;
            }
            // "Roe's press secretary", "her press aide": a bare cue word after a possessive
            // modifies the noun after it
            let modifier = p > lo
                && (d.tokens[p - 1].is(POSSESSIVE)
                    || matches!(d.low(p - 1), "his" | "her" | "their" | "its" | "our"))
                && pw == self.cue_lemma(p)
                && self.cue_class(a).is_none();
            if pt.kind != Kind::Word
                || stops_np(pw)
                || self.cue_class(p).is_some() && !pt.is(CAP) && !modifier
            {
                if pw == "-" || d.tok_text(p) == "\u{2019}s" || d.tok_text(p) == "'s" {
                    a = p;
                    n += 1;
                    continue;
                }
                break;
            }
            a = p;
            n += 1;
        }
        // a bare lowercase word at the start of a long stretch is likely a verb or adverb:
        // require a determiner, a capital or a plural noun
        let first_low = d.low(a);
        let ok = is_det(first_low)
            || d.tokens[a].is(CAP)
            || lw.ends_with('s')
            // collective nouns without a plural ending: "…, police said"
            || matches!(lw, "police" | "people" | "staff" | "personnel" | "military")
            || d.tokens[a].is(SENT_START)
            || first_low.starts_with(|c: char| c.is_ascii_digit());
        if !ok {
            // "advocates for ferry safety said": the bare words are the object of a
            // preposition after the subject's head noun
            return self
                .head_before_preposition(a, lo)
                .map(|(a2, h2)| (a2, end, h2.unwrap_or(last)));
        }
        if let Some((a2, h2)) = self.head_before_preposition(a, lo) {
            return Some((a2, end, h2.unwrap_or(last)));
        }
        if let Some(r) = self.antecedent_of_relative(a, lo) {
            return Some(r);
        }
        // (not inside an apposition, which the caller walks itself)
        if d.tok_text(end) != ","
            && let Some(r) = self.subject_before_adverbial(a, lo)
        {
            return Some(r);
        }
        Some((a, end, last))
    }

    /// "Roe has in the past said", "residents in the town say", "the council this past week
    /// announced": the phrase ending before the cue at `a` is the object of a preposition or a
    /// time adverbial; the subject comes before it.
    fn subject_before_adverbial(&self, a: usize, lo: usize) -> Option<(usize, usize, usize)> {
        let d = self.doc;
        if a <= lo + 1 {
            return None;
        }
        let p = d.low(a - 1);
        let prep = matches!(
            p,
            "in" | "at"
                | "on"
                | "during"
                | "over"
                | "under"
                | "through"
                | "throughout"
                | "within"
                | "across"
                | "for"
        );
        let time = matches!(d.low(a), "this" | "last" | "past" | "earlier")
            && (a + 1..(a + 3).min(d.tokens.len())).any(|t| {
                matches!(
                    d.low(t),
                    "week" | "weekend" | "month" | "year" | "spring" | "summer" | "fall" | "winter"
                )
            });
        if !prep && !time {
            return None;
        }
        let k = if prep { a - 1 } else { a };
        let (a2, e2, h2) = self.subject_before(k, lo)?;
        // the earlier phrase must be a subject: a name, a pronoun or a noun phrase, not the end
        // of a predicate ("voted in the past")
        if self.cue_class(h2).is_some() || d.low(h2).ends_with("ed") {
            return None;
        }
        Some((a2, e2, h2))
    }

    /// A share or age group ending at `last`: "nine in 10", "about one in five", "those over
    /// 60". Its first token.
    fn quantity_subject(&self, last: usize, lo: usize) -> Option<usize> {
        let d = self.doc;
        let number = |t: usize| {
            d.tokens[t].kind == Kind::Number
                || d.low(t).starts_with(|c: char| c.is_ascii_digit())
                || NUMBER_WORDS.binary_search(&d.low(t)).is_ok()
        };
        if last < lo + 2 || !number(last) {
            return None;
        }
        let p = d.low(last - 1);
        let share = p == "in" && number(last - 2);
        let age = matches!(p, "over" | "under")
            && d.is_word(last - 2)
            && (d.low(last - 2) == "those" || d.low(last - 2).ends_with('s'))
            && (!d.tokens[last - 2].is(CAP) || d.tokens[last - 2].is(SENT_START));
        if !share && !age {
            return None;
        }
        let mut a = last - 2;
        if a > lo
            && matches!(
                d.low(a - 1),
                "about" | "almost" | "nearly" | "roughly" | "some" | "only" | "just"
            )
        {
            a -= 1;
        }
        Some(a)
    }

    /// "He voiced concern and said …": a verb coordinated with an earlier predicate takes the
    /// subject of the clause.
    fn coordinated_subject(&self, i: usize, lo: usize) -> Option<(usize, usize, usize)> {
        let d = self.doc;
        let mut j = i;
        while j > lo && is_aux(d.low(j - 1)) && j + 3 > i {
            j -= 1;
        }
        if j < lo + 3 || !matches!(d.low(j - 1), "and" | "but") || self.in_quote[j - 1] != u32::MAX
        {
            return None;
        }
        let (a, b, h) = self.subject_of_clause_at(lo, j - 1, true)?;
        (b < j - 1).then_some((a, b, h))
    }

    /// A headline or transcript line "Ann Roe: The pier must close." / "ROE: Well, I think …":
    /// a paragraph opening with a speaker and a colon, the rest of the paragraph is what the
    /// speaker said. The speaker is a named actor (not a place) in a short title-case phrase,
    /// or a capitalised word that opens several paragraphs this way (a transcript).
    fn speaker_colon_line(&self, s: usize) -> Option<Statement> {
        let d = self.doc;
        let sent = d.sentences[s];
        let para = d.paragraphs[sent.para];
        if para.first != s {
            return None;
        }
        let (lo, hi) = (sent.first, sent.last);
        let c = (lo..hi.min(lo + 10)).find(|&t| d.tok_text(t) == ":")?;
        if c == lo || c + 1 >= hi || self.in_quote[c] != u32::MAX {
            return None;
        }
        // a quotation after the colon is left to the quote rules
        if matches!(d.tokens[c + 1].kind, Kind::Quote(_)) {
            return None;
        }
        let title_case = (lo..c).all(|t| match d.tokens[t].kind {
            Kind::Word => {
                d.tokens[t].is(CAP) || matches!(d.low(t), "of" | "at" | "the" | "for" | "and")
            }
            Kind::Number => false,
            Kind::Quote(_) => false,
            Kind::Punct => matches!(d.tok_text(t), "." | "-" | "(" | ")" | "," | "\u{2019}s"),
        });
        if !title_case || !d.is_word(lo) {
            return None;
        }
        // the name makes the whole phrase: at most two title words before it ("Former AG"),
        // a prepositional tail after it ("… at the convention")
        let named = (lo..c).rev().find_map(|t| {
            self.actors
                .mention_at(t)
                .filter(|m| {
                    m.entity.is_some()
                        && !m.place
                        && m.first >= lo
                        && m.first <= lo + 2
                        && (m.last == c || matches!(d.low(m.last), "at" | "of" | "on"))
                })
                .map(|m| m.last - 1)
        });
        let head = match named {
            Some(h) => h,
            None if s == 0 && c <= lo + 2 && self.headline_name(c - 1) => c - 1,
            None => {
                // "TAPPER:" opening two or more paragraphs of the article
                if c != lo + 1 || !d.tokens[lo].is(crate::segment::ALLCAPS) || d.low(lo).len() < 3 {
                    return None;
                }
                let w = d.low(lo);
                let n = d
                    .paragraphs
                    .iter()
                    .filter(|p| {
                        p.first < p.last && {
                            let f = d.sentences[p.first].first;
                            f + 1 < d.tokens.len() && d.low(f) == w && d.tok_text(f + 1) == ":"
                        }
                    })
                    .count();
                if n < 2 {
                    return None;
                }
                lo
            }
        };
        let end = d.sentences[para.last - 1].last;
        let mut c1 = end;
        while c1 > c + 1 && d.tokens[c1 - 1].kind == Kind::Punct {
            c1 -= 1;
        }
        let words = (c + 1..c1).filter(|&t| d.is_word(t)).count();
        if words < 3 {
            return None;
        }
        Some(Statement {
            content: self.tspan(c + 1, c1),
            cue: self.tspan(c, c + 1),
            speaker: Some(self.tspan(lo, c)),
            speaker_tok: Some(head),
            direct: false,
            sentences: (s, para.last - 1),
            rule: "reported.colon_line",
            confidence: 0.6,
        })
    }

    /// "economists who favor the tax agree", "groups that have backed him say": the phrase
    /// starting at `a` is the object of a relative clause; the subject is its antecedent. Only
    /// the antecedent's range and head: the speaker span stops before the relative pronoun.
    fn antecedent_of_relative(&self, a: usize, lo: usize) -> Option<(usize, usize, usize)> {
        let d = self.doc;
        let mut v = a.checked_sub(1)?;
        // "officials who spoke with the Gazette said", "people who worked for Roe say": the
        // object of a preposition after the verb of the relative clause
        if v > lo + 2
            && matches!(
                d.low(v),
                "with" | "to" | "for" | "at" | "on" | "about" | "from" | "against"
            )
            && d.is_word(v - 1)
            && !d.tokens[v - 1].is(CAP)
            && matches!(d.low(v - 2), "who" | "that")
        {
            v -= 1;
        }
        if v <= lo || !d.is_word(v) || d.tokens[v].is(CAP) || stops_np(d.low(v)) {
            return None;
        }
        let mut n = 0;
        while v > lo + 1 && n < 2 && is_aux(d.low(v - 1)) {
            v -= 1;
            n += 1;
        }
        let r = v - 1;
        if r <= lo
            || !matches!(d.low(r), "who" | "that")
            || !d.is_word(r - 1)
            || self.cue_class(r - 1).is_some()
            || matches!(d.low(r - 1), "so" | "such" | "now")
        {
            return None;
        }
        let (a2, e2, h2) = self.subject_before(r, lo)?;
        (e2 == r).then_some((a2, e2, h2))
    }

    /// "a spokesman for Roe said", "a study by the council found", "a source speaking to the
    /// Gazette said": the phrase ending at `a` is the object of a preposition after the
    /// subject's head noun. The subject's start, and its head when the object is only the
    /// hearer ("to", "with").
    fn head_before_preposition(&self, a: usize, lo: usize) -> Option<(usize, Option<usize>)> {
        let d = self.doc;
        if a < lo + 2
            || !matches!(
                d.low(a - 1),
                "by" | "for" | "of" | "at" | "with" | "to" | "from"
            )
            || !d.is_word(a - 2)
            || d.tokens[a - 2].is(CAP)
            || stops_np(d.low(a - 2))
        {
            return None;
        }
        let hearer = matches!(d.low(a - 1), "to" | "with");
        let p = if d.low(a - 2).ends_with("ing") && a > lo + 2 {
            a - 2
        } else {
            a - 1
        };
        // the word before the preposition (or its participle) heads a noun phrase
        let (a2, _, h2) = self.subject_before(p, lo)?;
        // "some advocates for the ferry": a cue word right after a determiner is a noun
        (h2 + 1 == p
            && (self.cue_class(h2).is_none() || h2 > a2 && h2 == a2 + 1 && is_det(d.low(a2)))
            && !d.low(h2).ends_with("ed"))
        .then_some((a2, hearer.then_some(h2)))
    }

    /// The subject NP starting at `i` (for "said X" and "according to X"): range and head.
    fn np_after(&self, i: usize, hi: usize) -> Option<(usize, usize, usize)> {
        let d = self.doc;
        if i >= hi {
            return None;
        }
        let w = d.low(i);
        // "said his wife, Ann": a possessive opens a noun phrase
        let possessive = matches!(w, "his" | "her" | "their" | "its" | "our" | "my" | "your")
            && i + 1 < hi
            && d.tokens[i + 1].kind == Kind::Word
            && !stops_np(d.low(i + 1));
        if let Some(m) = self.actors.mention_at(i)
            && (m.first == i || (i > 0 && m.first == i - 1))
            && !(possessive && m.last == i + 1)
        {
            let mut e = m.last;
            // apposition: ", an assistant professor at X"
            if e < hi && d.tok_text(e) == "," && e + 1 < hi && is_det(d.low(e + 1)) {
                let mut k = e + 1;
                while k < hi
                    && !matches!(d.tok_text(k), "," | "." | ":" | ";")
                    && !matches!(d.tokens[k].kind, Kind::Quote(_))
                {
                    k += 1;
                }
                e = k;
            }
            return Some((i, e, m.last - 1));
        }
        if !possessive && (pronoun_gender(w).is_some() || OTHER_PRONOUNS.contains(&w)) {
            return Some((i, i + 1, i));
        }
        let mut k = i;
        if is_det(w) {
            k += 1;
        }
        let mut e = k;
        while e < hi && d.tokens[e].kind == Kind::Word && !stops_np(d.low(e)) && e - k < 8 {
            e += 1;
        }
        if e == k {
            return None;
        }
        // "Ann Roe, the accused, said nothing": an indefinite pronoun or quantifier alone is
        // what was said, not who said it
        if e == i + 1
            && matches!(
                w,
                "nothing"
                    | "something"
                    | "anything"
                    | "everything"
                    | "little"
                    | "much"
                    | "more"
                    | "less"
                    | "otherwise"
                    | "yes"
                    | "no"
                    | "none"
            )
        {
            return None;
        }
        Some((i, e, e - 1))
    }

    /// Content starting after a cue at `c` (exclusive end `hi`): skips objects of "tell",
    /// adverbials up to "that", and a colon.
    fn content_after(&self, c: usize, cue_end: usize, hi: usize) -> Option<(usize, usize)> {
        let d = self.doc;
        let mut k = cue_end;
        // "told reporters", "told CNN", "told him"; not after "warned of"
        if cue_end == c + 1
            && matches!(
                self.cue_lemma(c),
                "tell" | "assure" | "inform" | "remind" | "warn" | "brief" | "urge" | "ask"
            )
            // "warned that prices would rise": "that" opens the content, not a hearer
            && !(k < hi && d.low(k) == "that")
            && let Some(e) = self.hearer_end(k, hi)
        {
            k = e;
            // "told a rally in Oslo she will …", "told the Gazette last week he would …": a
            // place or time adverbial after the hearer, then a clause opening with a subject
            // pronoun and an auxiliary
            if k < hi
                && !matches!(self.cue_lemma(c), "urge" | "ask")
                && matches!(
                    d.low(k),
                    "in" | "of" | "at" | "on" | "last" | "this" | "earlier" | "during"
                )
                && let Some(j) = (k + 1..hi.min(k + 10))
                    .take_while(|&t| d.tokens[t].kind == Kind::Word && d.low(t) != "that")
                    .find(|&t| {
                        matches!(d.low(t), "he" | "she" | "they" | "we" | "i")
                            && t + 1 < hi
                            && matches!(
                                d.low(t + 1),
                                "will"
                                    | "would"
                                    | "could"
                                    | "can"
                                    | "should"
                                    | "must"
                                    | "might"
                                    | "may"
                                    | "is"
                                    | "was"
                                    | "are"
                                    | "were"
                                    | "has"
                                    | "had"
                                    | "have"
                                    | "did"
                                    | "does"
                                    | "do"
                            )
                    })
            {
                k = j;
            }
        }
        // a medium phrase right before bare content ("said in a statement the talks failed";
        // with "that" the adverbial rule below applies);
        // "in an interview with" ends in its hearer, which is skipped too. Not before a comma:
        // "In an update posted on X, Ann Roe said …" is a fronted phrase, not content
        if k < hi
            && self.adjunct_phrase(k)
            && self.that_after(k, hi).is_none()
            && let Some((_, mut e)) = self
                .memo
                .phrase_among(d, k, kind::CUE_PHRASE, |t| matches!(t, Tag::CuePhrase(_)))
            && e > k + 1
        {
            if d.low(e - 1) == "with"
                && let Some(f) = self.hearer_end(e, hi)
            {
                e = f;
            }
            if e < hi && d.low(e) != "that" && d.is_word(e) && !self.adjunct_phrase(e) {
                k = e;
            }
        }
        // adverbials up to "that" ("said on Friday that", "said in a statement that", "wrote
        // to the council that", "said at a rally in Dorvik, Norland, that")
        let adverbial = k < hi
            && matches!(
                d.low(k),
                "on" | "in"
                    | "at"
                    | "late"
                    | "earlier"
                    | "last"
                    | "this"
                    | "during"
                    | "after"
                    | "repeatedly"
                    | "recently"
                    | "publicly"
                    | "privately"
                    | "again"
                    | "also"
                    | "previously"
                    | "today"
                    | "yesterday"
                    | "then"
                    | "later"
                    | "separately"
                    | "via"
                    | "through"
                    | "over"
                    | "before"
                    | "to"
            );
        if let Some(j) = self
            .that_after(k, hi)
            // "spoke to reporters about the plan that …": a relative clause, not content
            .filter(|&j| {
                j == k
                    || adverbial
                        && !(d.low(k) == "to"
                            && (k + 1..j).any(|t| {
                                matches!(
                                    d.low(t),
                                    "about" | "in" | "on" | "of" | "for" | "with" | "at" | "over"
                                )
                            }))
            })
            .or_else(|| adverbial.then(|| self.that_after_commas(k, hi)).flatten())
        {
            k = j + 1;
        } else if k < hi && matches!(d.tok_text(k), ":" | ",") {
            k += 1;
        } else if k < hi && matches!(d.low(k), "on" | "in" | "at") {
            // "said on Friday talks ..." without "that": skip a short date adverbial
            let mut j = k + 1;
            while j < hi
                && j < k + 4
                && (d.tokens[j].is(CAP)
                    || matches!(d.low(j), "a" | "the" | "statement" | "interview"))
            {
                j += 1;
            }
            if j < hi
                && j > k + 1
                && d.has_tag(j - 1, |t| matches!(t, Tag::Weekday(_) | Tag::Month(_)))
            {
                k = j;
            }
        }
        if k >= hi {
            return None;
        }
        let e = self.content_end(k, hi);
        (e > k).then_some((k, e))
    }

    /// "Lind: Port Must Stay Open" opening the article: a capitalised word before the
    /// headline's colon is the speaker when the article names a person or group ending in it
    /// ("Ana Lind said …"). Looked up once per article, for its first sentence only.
    fn headline_name(&self, h: usize) -> bool {
        let d = self.doc;
        let w = d.tok_text(h);
        d.is_word(h)
            && d.tokens[h].is(CAP)
            && w.len() > 2
            && self.actors.mention_at(h).is_none()
            && self.actors.mentions.iter().any(|m| {
                m.entity.is_some()
                    && !m.place
                    && m.first > h
                    && m.last > m.first
                    && d.tok_text(m.last - 1) == w
            })
    }

    /// "While Roe claimed that the plant was safe, engineers argue …", "Although Roe admitted
    /// the loss, he said …": when the subject `a` opens a clause after a subordinator at the
    /// sentence start (after at most a connective), the content `c0..c1` ends at the first
    /// comma outside quotes (or a comma closing a quote) that is followed by a word.
    fn adverbial_clause_end(&self, lo: usize, a: usize, c0: usize, c1: usize) -> Option<usize> {
        let d = self.doc;
        if a <= lo || !d.is_word(a - 1) {
            return None;
        }
        let sub = d.low(a - 1);
        let sub_ok = matches!(
            sub,
            "while" | "although" | "though" | "whereas" | "when" | "because" | "since" | "as"
        ) || sub == "if" && a >= lo + 2 && d.low(a - 2) == "even";
        if !sub_ok {
            return None;
        }
        // "As Roe noted, the plan failed": the main clause is the content
        if c0 > 0 && d.tok_text(c0 - 1) == "," {
            return None;
        }
        // the subordinator opens the sentence, after punctuation or connectives only
        let first = if a >= lo + 2 && d.low(a - 2) == "even" {
            a - 2
        } else {
            a - 1
        };
        if !(lo..first).all(|t| !d.is_word(t) || LEAD_CONNECTIVES.binary_search(&d.low(t)).is_ok())
        {
            return None;
        }
        let mut depth = 0i32;
        for e in c0..c1 {
            match d.tokens[e].kind {
                Kind::Quote(Quote::Open) => depth += 1,
                Kind::Quote(Quote::Close) => depth -= 1,
                _ => {}
            }
            if e + 1 >= c1 || d.tok_text(e) != "," || e <= c0 + 1 {
                continue;
            }
            // ", the experts argue" / ",” he said"
            let (at, next) = if depth > 0 && d.tokens[e + 1].kind == Kind::Quote(Quote::Close) {
                (e + 2, e + 2)
            } else if depth <= 0 {
                (e, e + 1)
            } else {
                continue;
            };
            if next < c1 && d.is_word(next) {
                return Some(at);
            }
        }
        None
    }

    /// The "that" after at most eight words from `k` ("on Friday that").
    fn that_after(&self, k: usize, hi: usize) -> Option<usize> {
        let d = self.doc;
        (k..hi.min(k + 9))
            .take_while(|&t| d.tokens[t].kind == Kind::Word)
            .find(|&t| d.low(t) == "that")
    }

    /// The ", that" after an adverbial with commas of at most twelve tokens from `k` ("at a
    /// rally in Dorvik, Norland, that").
    fn that_after_commas(&self, k: usize, hi: usize) -> Option<usize> {
        let d = self.doc;
        (k + 1..hi.min(k + 13))
            .take_while(|&t| d.tokens[t].kind == Kind::Word || d.tok_text(t) == ",")
            .find(|&t| d.low(t) == "that" && d.tok_text(t - 1) == ",")
    }

    /// The end of a hearer noun phrase at `k` ("told reporters", "told the committee", "an
    /// interview with the Gazette"): it ends where a second noun phrase opens ("told the
    /// committee the talks failed"); a longer phrase without one is not a hearer.
    fn hearer_end(&self, k: usize, hi: usize) -> Option<usize> {
        let (_, e, _) = self.np_after(k, hi)?;
        match (k + 1..e).find(|&t| HEARER_ENDS.contains(&self.doc.low(t))) {
            Some(t) => Some(t),
            None => (e - k <= 4).then_some(e),
        }
    }

    /// Where reported content that starts at `k` ends: the sentence end, or a comma that opens a
    /// participle ("…, adding that"), a relative clause ("…, where"), or an attribution.
    fn content_end(&self, k: usize, hi: usize) -> usize {
        let d = self.doc;
        let mut depth = 0i32;
        let mut parens = 0i32;
        let mut e = k;
        while e < hi {
            match d.tokens[e].kind {
                Kind::Quote(Quote::Open) => depth += 1,
                Kind::Quote(Quote::Close) => depth -= 1,
                _ => match d.tok_text(e) {
                    "(" => parens += 1,
                    ")" => parens -= 1,
                    _ => {}
                },
            }
            // "praised the plan and said …", "acknowledged the loss but argued …": a verb of
            // saying coordinated with the cue shares its subject and ends the content
            if depth <= 0
                && e > k + 1
                && matches!(d.low(e), "and" | "but")
                && e + 1 < hi
                && self.past_speech_verb(e + 1)
            {
                return if d.tok_text(e - 1) == "," { e - 1 } else { e };
            }
            // "blamed Roe for the attack; Lorvik denied it": a semicolon ends the clause
            // but not inside a parenthesis ("10m euros (8m pounds; 11m dollars)")
            if depth <= 0 && parens <= 0 && e > k && d.tok_text(e) == ";" && !entity_end(d, e) {
                return e;
            }
            if depth <= 0 && e > k && d.tok_text(e) == "," && e + 1 < hi {
                let nw = d.low(e + 1);
                let participle = nw.ends_with("ing") && self.cue_class(e + 1).is_some()
                    || matches!(nw, "signalling" | "signaling" | "prompting" | "sparking");
                // "…, but he is not predicting a win": a new clause with its own subject
                let new_clause = matches!(nw, "but" | "yet")
                    && e + 3 < hi
                    // not "we", "I" or "they": a quote or an account often runs on with them
                    && matches!(d.low(e + 2), "he" | "she")
                    && depth == 0;
                if participle
                    || new_clause
                    || self.attribution_tail(e + 1, hi)
                    || matches!(nw, "where" | "which" | "while" | "whereas" | "according")
                    || (e + 2 < hi
                        && self.cue_class(e + 2) == Some(CueClass::Speech)
                        && (pronoun_gender(nw).is_some() || OTHER_PRONOUNS.contains(&nw)))
                {
                    return e;
                }
            }
            e += 1;
        }
        // drop the final full stop
        while e > k
            && d.tokens[e - 1].kind == Kind::Punct
            && matches!(d.tok_text(e - 1), "." | "!" | "?" | ";" | ":")
        {
            e -= 1;
        }
        e
    }

    /// Does an attribution of its own close the sentence from `k` ("…, a ministry spokesman
    /// said.", "…, Ann Roe told reporters.", "…, said Ann Roe.")? Then content before it ends
    /// at the comma: the words after it are someone else's attribution.
    fn attribution_tail(&self, k: usize, hi: usize) -> bool {
        let d = self.doc;
        // the sentence ends, or a participle with content of its own follows ("…, Roe said,
        // adding that …")
        let closes = |t: usize| {
            t >= hi
                || matches!(d.tok_text(t), "." | "!" | "?")
                || d.tok_text(t) == ","
                    && t + 1 < hi
                    && d.low(t + 1).ends_with("ing")
                    && self.cue_class(t + 1).is_some()
        };
        if k + 1 >= hi || !d.is_word(k) {
            return false;
        }
        // "…, said Ann Roe."
        if matches!(d.low(k), "said" | "says" | "added" | "adds")
            && let Some((a, b, _)) = self.np_after(k + 1, hi)
        {
            return closes(b) && self.speaker_like(a, b);
        }
        // "…, a ministry spokesman said." / "…, Roe told reporters."
        let Some(t) = (k + 1..hi.min(k + 9))
            .take_while(|&t| d.is_word(t))
            .find(|&t| self.is_speech(t) && !d.tokens[t].is(CAP))
        else {
            return false;
        };
        let w = d.low(t);
        if !(self.past_speech_verb(t) || w == "says") {
            return false;
        }
        let end = if self.cue_lemma(t) == "tell" {
            self.hearer_end(t + 1, hi).unwrap_or(t + 1)
        } else {
            t + 1
        };
        closes(end)
            && self
                .subject_before(t, k)
                .is_some_and(|(a, b, _)| a == k && b == t && self.speaker_like(a, b))
    }

    /// A lowercase past-tense verb of saying ("said", "told", "argued"; not "says",
    /// "saying").
    fn past_speech_verb(&self, i: usize) -> bool {
        let d = self.doc;
        let w = d.low(i);
        d.tokens[i].kind == Kind::Word
            && !d.tokens[i].is(CAP)
            && self.is_speech(i)
            && w != self.cue_lemma(i)
            && !w.ends_with('s')
            && !w.ends_with("ing")
            // verbs that also name deeds ("arrested him and charged him")
            && !matches!(
                self.cue_lemma(i),
                "blog"
                    | "broadcast"
                    | "charge"
                    | "cite"
                    | "continue"
                    | "detail"
                    | "dismiss"
                    | "echo"
                    | "email"
                    | "frame"
                    | "lobby"
                    | "order"
                    | "post"
                    | "press"
                    | "publish"
                    | "quote"
                    | "reject"
                    | "repeat"
                    | "report"
                    | "signal"
                    | "telephone"
                    | "text"
                    | "unveil"
                    | "welcome"
            )
    }

    fn sent_range(&self, a: usize, b: usize) -> (usize, usize) {
        (
            self.doc.sent_of[a] as usize,
            self.doc.sent_of[b.max(a + 1) - 1] as usize,
        )
    }
}

/// Finds the statements of a document.
pub fn extract(doc: &Doc, actors: &Actors) -> Vec<Statement> {
    let n = doc.tokens.len();
    let mut cx = Ctx {
        doc,
        actors,
        lex: Lexicon::get(),
        memo: LexMemo::new(),
        in_quote: vec![u32::MAX; n],
        quotes: Vec::new(),
        used_cue: vec![false; n],
    };
    find_quotes(&mut cx);
    let mut out = Vec::new();
    direct_quotes(&mut cx, &mut out);
    reported(&mut cx, &mut out);
    drop_nested_complements(doc.text, &mut out);
    for s in &mut out {
        speak_for_owner(doc, actors, s);
    }
    out.sort_by_key(|s| (s.content.start, s.content.end));
    out.dedup_by(|a, b| a.content.overlaps(b.content) && a.cue == b.cue);
    out
}

/// "her office said", "Vell's spokesman said", "his press secretary said": an office or a
/// spokesperson speaks for its owner, as in "a spokesman for Vell said", so the statement's
/// actor is the owner's (the speaker phrase stays as written). Other possessed nouns ("Vell's
/// lawyer", "her brother") are people of their own.
fn speak_for_owner(doc: &Doc, actors: &Actors, s: &mut Statement) {
    let Some(h) = s.speaker_tok else { return };
    if actors.mention_index_at(h).is_some() {
        return;
    }
    let p = match doc.low(h) {
        "office" | "spokesman" | "spokeswoman" | "spokesperson" | "spokesmen" | "spokeswomen"
        | "spokespeople" => h.checked_sub(1),
        "secretary" if h > 0 && doc.low(h - 1) == "press" => h.checked_sub(2),
        _ => None,
    };
    let Some(p) = p else { return };
    // the owner is part of the speaker phrase
    if s.speaker
        .is_none_or(|sp| (doc.tokens[p].start as usize) < sp.start as usize)
    {
        return;
    }
    let owner = if matches!(doc.low(p), "his" | "her" | "their") {
        Some(p)
    } else if doc.tokens[p].is(POSSESSIVE) && p > 0 {
        Some(p - 1)
    } else {
        None
    };
    if let Some(o) = owner
        && actors
            .mention_index_at(o)
            .is_some_and(|m| actors.mentions[m].entity.is_some())
    {
        s.speaker_tok = Some(o);
    }
}

/// "Ann Roe said she hoped the talks would resume": the belief is part of what Roe said, not an
/// attribution of its own. A statement whose speaker opens the content of another statement
/// (its complement clause) and whose content lies inside it is dropped. Clauses further into
/// the content ("…, because she thought …") and relative clauses on an object ("echoed
/// engineers who have warned …") keep their own statements.
fn drop_nested_complements(text: &str, out: &mut Vec<Statement>) {
    let nested: Vec<bool> = out
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let Some(sp) = s.speaker else {
                return false;
            };
            let relative = sp
                .text(text)
                .rsplit(|c: char| !c.is_alphanumeric())
                .next()
                .is_some_and(|w| matches!(w, "who" | "which" | "that"));
            let that_before = text[..s.content.start as usize]
                .trim_end()
                .rsplit(|c: char| !c.is_alphanumeric())
                .next()
                .is_some_and(|w| w.eq_ignore_ascii_case("that"));
            !relative
                && out.iter().enumerate().any(|(j, o)| {
                    // "Roe stressed that …, an aide said": the inverted attribution closes
                    // the sentence, and Roe's own report with its "that" clause stays
                    j != i
                        && !(o.rule == "reported.inverted"
                            && s.rule == "reported.speech"
                            && that_before)
                        && o.content.start == sp.start
                        && o.content.contains(s.content)
                        && o.content != s.content
                        && o.content.contains(s.cue)
                })
        })
        .collect();
    let mut k = 0;
    out.retain(|_| {
        k += 1;
        !nested[k - 1]
    });
}

/// Pairs quotation marks. Double quotes pair within and across paragraphs (a quote left open at
/// a paragraph end continues when the next paragraph opens with a quote).
fn find_quotes(cx: &mut Ctx) {
    let d = cx.doc;
    let is_single = |i: usize| {
        matches!(
            d.tok_text(i),
            "\u{2018}" | "\u{2019}" | "\u{201A}" | "\u{2039}" | "\u{203A}"
        )
    };
    for p in 0..d.paragraphs.len() {
        let para = d.paragraphs[p];
        if para.first >= para.last {
            continue;
        }
        let a = d.sentences[para.first].first;
        let b = d.sentences[para.last - 1].last;
        let mut open: Option<usize> = None;
        for i in a..b {
            if is_single(i) {
                continue;
            }
            match d.tokens[i].kind {
                Kind::Quote(Quote::Open) if open.is_none() => {
                    open = Some(i);
                }
                Kind::Quote(Quote::Close) => {
                    if let Some(o) = open.take() {
                        cx.quotes.push((o, i + 1));
                    }
                }
                _ => {}
            }
        }
        if let Some(o) = open {
            // runs to the paragraph end
            if b > o + 1 {
                cx.quotes.push((o, b));
            }
        }
    }
    for (qi, &(a, b)) in cx.quotes.iter().enumerate() {
        for t in a..b {
            cx.in_quote[t] = qi as u32;
        }
    }
}

fn direct_quotes(cx: &mut Ctx, out: &mut Vec<Statement>) {
    let d = cx.doc;
    let quotes = cx.quotes.clone();
    // (a, b, head, paragraph, sentence of the attribution)
    let mut last_speaker: Option<(usize, usize, usize, usize, usize)> = None;
    let mut qi = 0;
    while qi < quotes.len() {
        let (qa, qb) = quotes[qi];
        let words = (qa..qb).filter(|&t| d.tokens[t].kind == Kind::Word).count();
        let s_first = d.sent(qa).first;
        let s_last = d.sent(qb - 1).last;
        let para = d.sentences[d.sent_of[qa] as usize].para;
        // where the quote opens: sentence-initial, or after a cue/colon/comma
        let at_start = qa == s_first;
        let prev = if qa > s_first {
            Some(d.tok_text(qa - 1))
        } else {
            None
        };
        let after_colon = matches!(prev, Some(":" | "," | "\u{2014}" | "-" | "--"));
        // short scare quotes, and titles: "the “Open Doors” plan", "a book called …" is left
        // to the naming check
        if words < 3 && !at_start
            || qa > s_first && matches!(d.low(qa - 1), "the" | "of" | "a" | "an")
        {
            qi += 1;
            continue;
        }
        // 1. attribution after the quote: “…,” X said / “…,” said X
        let mut found: Option<(usize, usize, usize, usize, usize)> = None; // (spk a, b, head, cue a, cue b)
        let hi = d
            .sent(qb.min(d.tokens.len() - 1).max(qb - 1))
            .last
            .max(s_last);
        let mut k = qb;
        if k < hi && d.tok_text(k) == "," {
            k += 1;
        }
        // the attribution is in the sentence after the quote ("“…?” she asked.", but not "“…!”
        // The ad then shows …"): it must be short and end soon after its verb
        let cross = k < hi && d.sent_of[k] != d.sent_of[qb - 1];
        // the punctuation closing the quoted words, inside a nested single quote ("…,’”")
        let pre = if qb >= qa + 3
            && matches!(d.tok_text(qb - 2), "\u{2019}" | "'" | "\u{2018}")
            && d.tok_text(qb - 3) == ","
        {
            qb - 3
        } else {
            qb - 2
        };
        // "Sen. Ann Roe (D-N.Y.) said": a sentence break inside the parenthesis
        let hi = if hi < d.tokens.len()
            && (k..hi).filter(|&t| d.tok_text(t) == "(").count()
                > (k..hi).filter(|&t| d.tok_text(t) == ")").count()
        {
            d.sent(hi).last
        } else {
            hi
        };
        let clause_ends = |c: usize| {
            c + 1 >= hi
                || matches!(d.tok_text(c + 1), "." | "," | ";" | ":" | "!" | "?")
                || matches!(
                    d.low(c + 1),
                    "in" | "on"
                        | "at"
                        | "during"
                        | "after"
                        | "before"
                        | "to"
                        | "from"
                        | "outside"
                        | "while"
                        | "when"
                        | "with"
                        | "as"
                )
                || d.has_tag(c + 1, |t| matches!(t, Tag::Weekday(_)))
                || matches!(cx.cue_lemma(c), "tell" | "ask")
        };
        if k < hi {
            // "“…,” said X" but not "“…,” adding that" / "“…,” answering questions"
            if cx.is_speech(k) && !d.low(k).ends_with("ing") && !cx.adjunct_phrase(k) {
                if let Some((a, b, h)) = cx.np_after(k + 1, hi)
                    && (!cross || b >= hi || matches!(d.tok_text(b), "." | "," | ";"))
                {
                    found = Some((a, b, h, k, k + 1));
                }
            } else if (matches!(d.tok_text(pre), "," | "?" | "!" | "\u{2014}")
                || d.tok_text(qb.min(hi - 1)) == ",")
                && (d.tokens[k].is(CAP)
                    || (d.tokens[k].kind == Kind::Word
                        && !stops_np(d.low(k))
                        && cx.cue_class(k).is_none())
                    || is_det(d.low(k))
                    || pronoun_gender(d.low(k)).is_some()
                    || OTHER_PRONOUNS.contains(&d.low(k)))
            {
                // “…,” Sen. Ann Roe (D-Mo.) said / “…,” Roe, a spokeswoman, said in an email
                let mut c = k;
                while c < hi
                    && c < k + 30
                    && !matches!(d.tokens[c].kind, Kind::Quote(_))
                    && !matches!(d.tok_text(c), ";" | "?" | "!")
                {
                    // "Roe, who has proposed …, said": skip the relative clause
                    if c > k
                        && matches!(d.low(c), "who" | "whose" | "which")
                        && d.tok_text(c - 1) == ","
                        && let Some(e) = (c + 1..hi.min(c + 25)).find(|&t| d.tok_text(t) == ",")
                    {
                        c = e + 1;
                        continue;
                    }
                    // "“…,” the judge said": a cue word after an article is a noun
                    if (cx.cue_class(c).is_some() || (c < k + 12 && cx.past_tense_cue(c, hi)))
                        && !d.tokens[c].is(CAP)
                        && c > k
                        && !cx.noun_marked(c)
                    {
                        break;
                    }
                    c += 1;
                }
                if c < hi
                    && c > k
                    && (cx.cue_class(c).is_some() || cx.past_tense_cue(c, hi))
                    && !d.tokens[c].is(CAP)
                    // "“…,” giving the example of …": a participle is no attribution
                    && !d.low(c).ends_with("ing")
                    && !d.low(k).ends_with("ing")
                {
                    let mut b = c;
                    while b > k && (is_aux(d.low(b - 1)) || d.tok_text(b - 1) == ",") {
                        b -= 1;
                    }
                    if b > k {
                        // the head: the actor mention nearest the start, else the first word
                        let h = (k..b)
                            .find(|&t| {
                                cx.actors
                                    .mention_at(t)
                                    .is_some_and(|m| m.entity.is_some() && !m.place)
                            })
                            .map(|t| cx.actors.mention_at(t).map_or(t, |m| m.last - 1))
                            .unwrap_or(k);
                        // "“…!” The ad references …": a noun form after a common noun phrase
                        let noun = cx.noun_use(c, k, h);
                        if !cross || (!noun && c < k + 10 && clause_ends(c)) {
                            found = Some((k, b, h, c, c + 1));
                        }
                    }
                }
            }
        }
        // 2. attribution before: X said: “…” / X said, “…” / X framed it as…: “…”
        if found.is_none() && (after_colon || !at_start) {
            let lo = s_first.max(if qi > 0 { quotes[qi - 1].1 } else { 0 });
            let mut c = qa;
            while c > lo {
                c -= 1;
                if cx.in_quote[c] != u32::MAX {
                    break;
                }
                // "Analysts agree - Ann Roe: “…”": a dash before a colon-introduced quote
                // closes the clause before it
                if d.tok_text(qa - 1) == ":"
                    && matches!(d.tok_text(c), "-" | "\u{2014}" | "\u{2013}" | "--")
                {
                    break;
                }
                if cx.cue_class(c).is_some() && !d.tokens[c].is(CAP) {
                    // "shot back, “…”": the phrase the word ends
                    let ce = c + 1;
                    let c = cx.phrase_head(c, lo);
                    if d.tokens[c].is(CAP) {
                        break;
                    }
                    // "in an interview with X on Tuesday: “…”": a noun, look further left
                    if cx.noun_marked(c) || cx.adjunct_phrase(c) || cx.passive(c) {
                        continue;
                    }
                    let participle = d.low(c).ends_with("ing");
                    // "…, writing, “…”": a participle takes the subject of its clause
                    let subj = if participle && c > lo && d.tok_text(c - 1) == "," {
                        cx.subject_of_clause(s_first, c - 1)
                    } else if participle && c == lo && qi > 0 {
                        // "“…,” adding, “…”": the speaker of the quote before
                        last_speaker
                            .filter(|l| l.3 == para && quotes[qi - 1].1 == lo)
                            .map(|l| (l.0, l.1, l.2))
                    } else if participle && c > lo + 1 && d.low(c - 1) == "by" {
                        // "he began by saying, “…”"
                        cx.subject_of_clause_at(s_first, c - 1, true)
                    } else if participle {
                        // "X issued a statement saying, “…”": the issuer, not the document
                        match cx.subject_before(c, lo) {
                            Some((a, _, h))
                                if !cx.named_or_pronoun(h)
                                    && a > s_first
                                    && d.low(a - 1) != "with" =>
                            {
                                cx.subject_of_clause(s_first, a)
                            }
                            r => r,
                        }
                    } else {
                        cx.subject_before(c, lo)
                    };
                    // "X delivered a snappy retort: “…”": a noun form, look further left
                    if let Some((a, _, h)) = subj
                        && cx.noun_use(c, a, h)
                    {
                        continue;
                    }
                    if let Some((a, b, h)) = subj {
                        // only colon/comma/that/nothing, or a short object, between cue and quote
                        let gap = qa - ce;
                        if (after_colon || gap == 0 || (gap == 1 && d.low(ce) == "that"))
                            && !(gap == 0 && cx.naming(c, h))
                        {
                            found = Some((a, b, h, c, ce));
                        }
                    }
                    break;
                }
                // according to X: “…”
                if d.low(c) == "according" && c + 1 < qa && d.low(c + 1) == "to" {
                    if let Some((a, b, h)) = cx.np_after(c + 2, qa) {
                        found = Some((a, b, h, c, c + 2));
                    }
                    break;
                }
            }
            // "Rep. Ann Roe (R-S.C.): “…”": a name alone before a colon
            if found.is_none() && qa > s_first && d.tok_text(qa - 1) == ":" {
                let mut e = qa - 1;
                if e > s_first && d.tok_text(e - 1) == ")" {
                    while e > s_first && d.tok_text(e - 1) != "(" {
                        e -= 1;
                    }
                    e = e.saturating_sub(1);
                }
                let lo2 = (s_first..e)
                    .rev()
                    .find(|&t| matches!(d.tok_text(t), "-" | "\u{2014}" | "\u{2013}" | "--"))
                    .map_or(s_first, |t| t + 1);
                if e > lo2
                    && e - lo2 <= 8
                    && let Some(m) = cx.actors.mention_at(e - 1)
                    && m.last == e
                    && m.first <= lo2 + 1
                    && m.entity.is_some()
                    && !m.place
                {
                    found = Some((m.first.max(lo2), e, e - 1, qa - 1, qa));
                }
            }
            // "Said Ann Roe, “…”": a sentence-opening verb of saying, its subject after it
            if found.is_none()
                && qa > s_first + 2
                && qa <= s_first + 14
                && matches!(d.tok_text(qa - 1), "," | ":")
                && d.tokens[s_first].is(CAP)
                && matches!(
                    d.low(s_first),
                    "said" | "says" | "added" | "adds" | "wrote" | "writes" | "asked" | "asks"
                )
                && let Some((a, b, h)) = cx.np_after(s_first + 1, qa - 1)
                && b == qa - 1
            {
                found = Some((a, b, h, s_first, s_first + 1));
            }
            // "Asked about it, she demurred: “…”" / "X gave the idea a try on radio: “…”": the
            // subject of the clause that the colon closes
            if found.is_none() && qa > s_first + 1 && d.tok_text(qa - 1) == ":" {
                let v = qa - 2;
                if cx.past_tense_cue(v, qa - 1)
                    && !cx.noun_marked(v)
                    && let Some((a, b, h)) = cx.subject_before(v, s_first)
                    && cx.named_or_pronoun(h)
                {
                    found = Some((a, b, h, v, v + 1));
                } else if let Some((a, b, h)) = cx.sentence_subject(s_first, qa - 1) {
                    found = Some((a, b, h, qa - 1, qa));
                }
            }
            // "In the song, Ann Roe sings, “…”": a verb outside the lexicon right before the
            // comma, with a named or pronoun subject
            if found.is_none() && qa > s_first + 2 && d.tok_text(qa - 1) == "," {
                let v = qa - 2;
                let w = d.low(v);
                if d.tokens[v].kind == Kind::Word
                    && !d.tokens[v].is(CAP)
                    && w.len() >= 4
                    && (w.ends_with("ed") || w.ends_with('s') && !w.ends_with("ss"))
                    && !cx.noun_marked(v)
                    && let Some((a, b, h)) = cx.subject_before(v, s_first)
                    && b == v
                    && cx.named_or_pronoun(h)
                {
                    found = Some((a, b, h, v, v + 1));
                }
            }
            if found.is_none() && !after_colon {
                // a partial quote inside reported speech: left to `reported`
                qi += 1;
                continue;
            }
        }
        // 3. split quote: “A,” X said. “B” continues the same statement
        let mut qend = qb;
        let mut next_q = qi + 1;
        if let Some((spk_a, spk_b, _, _, cue_b)) = found {
            let after = spk_b.max(cue_b);
            if next_q < quotes.len() && spk_a >= qb {
                let (na, nb) = quotes[next_q];
                let same_para = d.sentences[d.sent_of[na] as usize].para == para;
                let punct_gap = na >= after
                    && (after..na).all(|t| {
                        d.tokens[t].kind == Kind::Punct
                            || d.tokens[t].kind == Kind::Quote(Quote::Close)
                    });
                // “A,” X said in a statement. “B …” — the next sentence opens with the quote
                let next_sentence = na >= after
                    && d.sent(na).first == na
                    && d.sent_of[na] == d.sent_of[after.saturating_sub(1).max(qb)] + 1;
                // “A,” he said, but “B” / “A,” he told a radio station in May, “B”
                let clause_gap = na >= after
                    && na <= after + 10
                    && d.sent_of[na] == d.sent_of[qb - 1]
                    && d.tok_text(na - 1) == ","
                    || (na >= 2
                        && na >= after
                        && na <= after + 3
                        && matches!(d.low(na - 1), "but" | "and")
                        && d.sent_of[na] == d.sent_of[qb - 1]);
                let clause_gap =
                    clause_gap && !(after..na).any(|t| cx.cue_class(t).is_some() && t != cue_b - 1);
                // “A,” X said. “B,” Y added: the next quote has its own attribution
                if same_para
                    && (punct_gap || next_sentence || clause_gap)
                    && na > qb
                    && !cx.attributed_after(nb)
                {
                    qend = nb;
                    next_q += 1;
                }
            }
        }
        let (spk, rule, conf) = match found {
            Some(f) => (Some(f), "quote.attributed", 0.9),
            None => {
                let sq = d.sent_of[qa] as usize;
                // 4. “He said:” closing the sentence before the quote introduces it
                if let Some(f) = at_start.then(|| cx.intro_before(sq)).flatten() {
                    (Some(f), "quote.introduced", 0.8)
                } else {
                    // 5. a paragraph-opening quote with no attribution continues the last
                    // speaker, or whoever spoke since ("She says it works. “…”")
                    let cont = last_speaker
                        .filter(|&(_, _, _, p, _)| at_start && para <= p + 2 && words >= 3)
                        .map(|(a, b, h, _, ls)| {
                            cx.speaker_between(ls + 1, sq).unwrap_or((a, b, h, ls))
                        })
                        // only from the attribution's paragraph or the one right before
                        .filter(|&(_, _, _, ls)| {
                            let p = d.sentences[ls].para;
                            (ls + 1..sq).all(|t| {
                                let q = d.sentences[t].para;
                                q == p || q == para
                            })
                        });
                    match cont {
                        Some((a, b, h, _)) => (
                            Some((a, b, h, usize::MAX, usize::MAX)),
                            "quote.continued",
                            0.6,
                        ),
                        None => (None, "quote.unattributed", 0.4),
                    }
                }
            }
        };
        let Some((sa, sb, head, ca, cb)) = spk else {
            qi = next_q;
            continue;
        };
        if ca != usize::MAX {
            for t in ca..cb {
                cx.used_cue[t] = true;
            }
            last_speaker = Some((sa, sb, head, para, d.sent_of[ca.min(qb - 1)] as usize));
        }
        let cue = if ca != usize::MAX {
            cx.tspan(ca, cb)
        } else {
            Span::default()
        };
        // a partial quote whose clause runs on: "Roe said “it is a fine plan” for the town",
        // "“Only you,” she said, would dare to ask": the content is the whole clause
        let qend = if qend == qb && ca != usize::MAX {
            let s_hi = d.sent(qb - 1).last;
            let runs_on = |k: usize| {
                k < s_hi
                    && d.is_word(k)
                    && !d.tokens[k].is(CAP)
                    && !d.low(k).ends_with("ing")
                    && (!stops_np(d.low(k))
                        || is_aux(d.low(k)) && !matches!(d.low(k), "then" | "once" | "also")
                        || matches!(d.low(k), "should" | "can" | "must"))
                    && cx.cue_class(k).is_none()
                    && !matches!(d.low(k), "according" | "who" | "whom" | "whose" | "which")
            };
            if ca < qa && sb <= qa && d.sent_of[qb - 1] == d.sent_of[qa] && runs_on(qb) {
                // attribution before, the quoted words open or sit inside the clause
                cx.content_end(qb, s_hi).max(qb)
            } else if sa >= qb
                && d.tok_text(qb - 2) == ","
                && sb.max(cb) + 1 < s_hi
                && d.tok_text(sb.max(cb)) == ","
                && runs_on(sb.max(cb) + 1)
            {
                // attribution inside: the sentence resumes after it
                cx.content_end(sb.max(cb) + 1, s_hi).max(qb)
            } else {
                qend
            }
        } else {
            qend
        };
        let (s0, s1) = cx.sent_range(qa.min(sa), qend.max(sb));
        // where the reported content starts: at the quote, or earlier when the quote closes a
        // clause of reported speech ("They want to “…,” X said"; "X said that “…”")
        let mut c0 = qa;
        if ca != usize::MAX && ca > qa && qa > s_first {
            let clause_start = (s_first..qa)
                .rev()
                .find(|&t| matches!(d.tok_text(t), ":" | ";"))
                .map_or(s_first, |t| t + 1);
            // "He said the deal was ''fine,'' The Post reported": the whole clause, nested
            // attribution included
            if clause_start < qa {
                c0 = clause_start;
            }
        } else if ca != usize::MAX && ca < qa && qa == ca + 2 && d.low(ca + 1) == "that" {
            c0 = ca + 1;
        }
        // “…,” X said in a statement, according to the Gazette. “…”: the report is the outer
        // source of the whole quotation; X keeps the quote it is attributed with
        let according = (ca != usize::MAX && sa >= qb)
            .then(|| {
                let s_hi = d.sent(ca).last;
                let from = sb.max(cb);
                let t = (from..s_hi.min(from + 12))
                    .take_while(|&t| {
                        cx.in_quote[t] == u32::MAX && !matches!(d.tok_text(t), ";" | ":")
                    })
                    .find(|&t| {
                        d.low(t) == "according"
                            && t + 1 < s_hi
                            && d.low(t + 1) == "to"
                            && d.tok_text(t - 1) == ","
                    })?;
                let (a, b, h) = cx.np_after(t + 2, s_hi)?;
                let (b, h) = cx.source_author(b, h, s_hi);
                Some((a, b, h, t))
            })
            .flatten();
        if let Some((ya, yb, yh, t)) = according {
            cx.used_cue[t] = true;
            cx.used_cue[t + 1] = true;
            // the whole report: the quote and its attribution ("“…,” X said")
            out.push(Statement {
                content: cx.tspan(c0, qend.max(t - 1)),
                cue: cx.tspan(t, t + 2),
                speaker: Some(cx.tspan(ya, yb)),
                speaker_tok: Some(yh),
                direct: c0 == qa,
                sentences: (s0, s1),
                rule: "quote.according_to",
                confidence: 0.8,
            });
        }
        out.push(Statement {
            content: cx.tspan(c0, if according.is_some() { qb } else { qend }),
            cue,
            speaker: Some(cx.tspan(sa, sb)),
            speaker_tok: Some(head),
            direct: c0 == qa,
            sentences: (s0, s1),
            rule,
            confidence: conf,
        });
        // “…,” X said, adding that …: the participle inherits the speaker
        if ca != usize::MAX {
            let hi = d.sent(ca).last;
            let mut k = cb.max(sb);
            // "X said at the time, adding …" / "X told the hosts of “Y,” adding …": a short
            // adjunct or object may come first (no other cue, clause break or quote opening)
            let far = (k..hi.min(k + 10)).find(|&j| {
                let w = d.tok_text(j);
                if j > k && (cx.cue_class(j).is_some() || matches!(w, ";" | ":" | "(" | "-")) {
                    return true;
                }
                if w != "," {
                    return false;
                }
                let n = j
                    + 1
                    + usize::from(
                        j + 1 < hi && matches!(d.tokens[j + 1].kind, Kind::Quote(Quote::Close)),
                    );
                n + 1 < hi
                    && d.low(n).ends_with("ing")
                    && cx.cue_class(n).is_some()
                    && (j == k || d.low(n + 1) == "that")
            });
            if let Some(j) = far
                && j > k
                && d.tok_text(j) == ","
                && !(k..j).any(|t| matches!(d.low(t), "and" | "but" | "while" | "who" | "which"))
            {
                k = j + usize::from(
                    j + 1 < hi && matches!(d.tokens[j + 1].kind, Kind::Quote(Quote::Close)),
                );
            }
            if k < hi
                && (d.tok_text(k) == ","
                    || matches!(d.tokens[k].kind, Kind::Quote(Quote::Close))
                        && d.tok_text(k - 1) == ",")
                && k + 1 < hi
                && d.low(k + 1).ends_with("ing")
                && cx.cue_class(k + 1).is_some()
            {
                k += 1;
                cx.used_cue[k] = true;
                // "“…,” X said, speaking alongside Y": a phrase of place or company is the setting
                if let Some((c0, c1)) = cx
                    .content_after(k, k + 1, hi)
                    .filter(|&(c0, _)| SETTING_PREPS.binary_search(&d.low(c0)).is_err())
                {
                    out.push(Statement {
                        content: cx.tspan(c0, c1),
                        cue: cx.tspan(k, k + 1),
                        speaker: Some(cx.tspan(sa, sb)),
                        speaker_tok: Some(head),
                        direct: matches!(d.tokens[c0].kind, Kind::Quote(Quote::Open))
                            && !(c0 > 0 && d.low(c0 - 1) == "that"),
                        sentences: cx.sent_range(k, c1),
                        rule: "reported.participle",
                        confidence: 0.8,
                    });
                }
            }
        }
        qi = next_q;
    }
}

fn reported(cx: &mut Ctx, out: &mut Vec<Statement>) {
    let d = cx.doc;
    for s in 0..d.sentences.len() {
        let sent = d.sentences[s];
        let (lo, hi) = (sent.first, sent.last);
        if let Some(st) = cx.speaker_colon_line(s) {
            out.push(st);
        }
        // a headline in title case ("Ana Lind Says Ferry Will Run"): capitals are no names here
        let headline = {
            let long = (lo..hi).filter(|&t| d.is_word(t) && d.tok_text(t).len() > 3);
            let n = long.clone().count();
            n >= 4 && long.filter(|&t| d.tokens[t].is(CAP)).count() * 10 >= n * 9
        };
        let mut i = lo;
        while i < hi {
            if cx.used_cue[i] || cx.in_quote[i] != u32::MAX && !fully_quoted_sentence(cx, lo, hi) {
                i += 1;
                continue;
            }
            // "according to X, content" / "content, according to X"
            if d.low(i) == "according"
                && i + 1 < hi
                && d.low(i + 1) == "to"
                && let Some((a, b, h)) = cx.np_after(i + 2, hi)
            {
                let (b, h) = cx.source_author(b, h, hi);
                let cue = cx.tspan(i, i + 2);
                let content = if i == lo || (i == lo + 1 && !d.is_word(lo)) {
                    // according to X('s statement), content
                    let mut k = b;
                    while k < hi
                        && k < b + 6
                        && d.tok_text(k) != ","
                        && d.tokens[k].kind == Kind::Word
                    {
                        k += 1;
                    }
                    if k < hi && d.tok_text(k) == "," {
                        k += 1;
                    } else {
                        k = b;
                    }
                    (k < hi).then(|| (k, cx.content_end(k, hi)))
                } else if i > lo && d.tok_text(i - 1) == "," {
                    // the source phrase may run on a few words ("officials in Oslo")
                    let mut k = b;
                    while k < hi && k < b + 6 && d.tokens[k].kind == Kind::Word {
                        k += 1;
                    }
                    // "according to Roe, the council would …": no apposition without a
                    // closing comma
                    if !(k < hi && d.tok_text(k) == ",")
                        && let Some(q) = (a..b).find(|&t| d.tok_text(t) == ",")
                    {
                        k = q;
                    }
                    if k + 2 < hi && d.tok_text(k) == "," && d.is_word(k + 1) {
                        let b = k;
                        // parenthetical "…, according to X, …": after a conjunction or a
                        // short lead ("But, according to the poll, most voters …") it scopes
                        // over the clause that follows, otherwise over the whole sentence
                        // ("The plan, according to officials, would cost more")
                        let lead = (lo..i - 1).find(|&t| d.is_word(t));
                        let clause_start = lead.is_none_or(|t| {
                            LEAD_ADVERBIALS.binary_search(&d.low(t)).is_ok()
                                || (t..i - 1).all(|u| {
                                    !d.is_word(u)
                                        || LEAD_CONNECTIVES.binary_search(&d.low(u)).is_ok()
                                })
                        }) || i >= 2
                            && (LEAD_CONNECTIVES.binary_search(&d.low(i - 2)).is_ok()
                                || SUBORDINATORS.contains(&d.low(i - 2)));
                        let e = cx.content_end(b + 1, hi);
                        (e > b + 2).then_some((if clause_start { b + 1 } else { lo }, e))
                    } else {
                        Some((lo, i - 1))
                    }
                } else {
                    None
                };
                if let Some((c0, c1)) = content.filter(|c| c.1 > c.0) {
                    // "according to his statement": the speaker is the possessor
                    let (sa, sb, h) = if matches!(d.low(a), "his" | "her" | "their" | "its")
                        && b == a + 2
                        && matches!(
                            d.low(a + 1),
                            "statement"
                                | "remarks"
                                | "comments"
                                | "account"
                                | "testimony"
                                | "letter"
                                | "book"
                                | "memoir"
                                | "post"
                                | "tweet"
                                | "speech"
                                | "words"
                                | "interview"
                                | "website"
                        ) {
                        (a, a + 1, a)
                    } else if c0 > a && c0 < b {
                        // the content opens inside what looked like an apposition
                        (a, c0 - 1, h.min(c0 - 2))
                    } else {
                        (a, b, h)
                    };
                    out.push(Statement {
                        content: cx.tspan(c0, c1),
                        cue: cx
                            .tspan(i, if c0 > a && c0 < b { c0 - 1 } else { b }.min(hi))
                            .cover(cue),
                        speaker: Some(cx.tspan(sa, sb)),
                        speaker_tok: Some(h),
                        direct: matches!(d.tokens[c0].kind, Kind::Quote(Quote::Open))
                            && !(c0 > 0 && d.low(c0 - 1) == "that"),
                        sentences: (s, s),
                        rule: "reported.according_to",
                        confidence: 0.8,
                    });
                    i = b;
                    continue;
                }
            }
            let Some(class) = cx.cue_class(i) else {
                i += 1;
                continue;
            };
            // "replied on Twitter", "in a statement": an adjunct, the verb is elsewhere
            if cx.adjunct_phrase(i) {
                i += 1;
                continue;
            }
            if d.tokens[i].is(CAP) && !d.tokens[i].is(SENT_START) && !headline {
                i += 1;
                continue;
            }
            let low = d.low(i);
            // "sales are seen as weak", "a method known as fracking": no speaker here
            if cx.passive(i) {
                i += 1;
                continue;
            }
            // participle cues without a subject of their own are handled with their clause
            let participle = low.ends_with("ing");
            // 1. inverted attribution: "…, X said." / "…, said X."
            if i > lo + 2 {
                let mut inv: Option<(usize, usize, usize, usize)> = None; // (spk a, b, head, content end)
                if d.tok_text(i - 1) == ","
                    && class == CueClass::Speech
                    && !participle
                    && i + 1 < hi
                    && d.low(i + 1) != "that"
                {
                    // "Ann Roe, a senator, says …": the comma closes an apposition after the
                    // subject that opens the sentence
                    let apposition = cx.subject_before(i, lo).is_some_and(|(a, _, _)| {
                        (lo..a).all(|t| {
                            !d.is_word(t) || LEAD_CONNECTIVES.binary_search(&d.low(t)).is_ok()
                        })
                    });
                    // "…, told reporters": the phrase after is the hearer
                    let hearer = matches!(
                        cx.cue_lemma(i),
                        "tell" | "assure" | "inform" | "remind" | "brief" | "urge"
                    );
                    if !apposition
                        && !hearer
                        && let Some((a, b, h)) = cx.np_after(i + 1, hi)
                        && (b >= hi - 1 || matches!(d.tok_text(b), "." | "," | ";"))
                        && cx.speaker_like(a, b)
                    {
                        inv = Some((a, b, h, i - 1));
                    }
                } else if let Some((a, b, h)) = cx.subject_before(i, lo) {
                    // "…, X said." / "…, X said Tuesday in Paris." but not "…, X said that …"
                    let after_ok = i + 1 >= hi
                        || matches!(d.tok_text(i + 1), "." | "," | ";" | "!" | "?")
                        || matches!(
                            d.low(i + 1),
                            "on" | "in"
                                | "at"
                                | "last"
                                | "this"
                                | "earlier"
                                | "yesterday"
                                | "today"
                                | "after"
                                | "during"
                                | "before"
                                | "while"
                                | "when"
                                | "of"
                                | "outside"
                                | "from"
                        )
                        || d.has_tag(i + 1, |t| matches!(t, Tag::Weekday(_)))
                        // "…, the campaign told the Gazette."
                        || cx.cue_lemma(i) == "tell"
                            && cx
                                .hearer_end(i + 1, hi)
                                .is_some_and(|e| e + 1 >= hi || matches!(d.tok_text(e), "." | ","));
                    // "…, a new poll shows.", "…, aides believe.": a verb of evidence or belief
                    // closing the sentence attributes it too
                    let class_ok = class == CueClass::Speech
                        || matches!(class, CueClass::Evidence | CueClass::Belief)
                            && (i + 1 >= hi || matches!(d.tok_text(i + 1), "." | "!" | "?"));
                    // "…, veteran pilots said", "…, Ann Roe's longtime aide Tomas Vell said": a
                    // subject with modifiers before the part found
                    // (only when the cue closes the clause: "…, Ann Roe and Tomas Vell went
                    // on radio to …" opens a sentence after a list)
                    let a = if a > lo + 1
                        && d.tok_text(a - 1) != ","
                        && (i + 1 >= hi || matches!(d.tok_text(i + 1), "." | "!" | "?" | ","))
                    {
                        cx.np_start_after_comma(a, lo).unwrap_or(a)
                    } else {
                        a
                    };
                    // "…, X replied in a calm voice that …": the adverbial leads to content
                    let that_clause = (i + 1..hi.min(i + 10))
                        .take_while(|&t| d.is_word(t))
                        .any(|t| d.low(t) == "that");
                    // "…, including Friday's tweets": a possessive is no subject
                    let after_ok =
                        after_ok && !that_clause && !d.tokens[b - 1].is(crate::segment::POSSESSIVE);
                    // "…,” The Post reported."
                    let quote_close = a > lo + 2
                        && d.tokens[a - 1].kind == Kind::Quote(Quote::Close)
                        && d.tok_text(a - 2) == ",";
                    if quote_close
                        && after_ok
                        && class == CueClass::Speech
                        && !(cx.noun_use(i, a, h))
                    {
                        inv = Some((a, b, h, a));
                    } else if a > lo + 1
                        && d.tok_text(a - 1) == ","
                        && after_ok
                        && class_ok
                        // "…, a swing state, said": a noun form
                        && !(cx.noun_use(i, a, h))
                    {
                        inv = Some((a, b, h, a - 1));
                    }
                }
                // "On Sunday, Roe went on the offensive", "In a long post, Roe wrote …": the
                // words before the comma are a fronted adverbial, not what was said
                let inv = inv.filter(|&(_, _, _, ce)| !cx.only_fronted_adverbial(lo, ce));
                if let Some((a, b, h, ce)) = inv {
                    let mut c0 = lo;
                    while c0 < ce && matches!(d.tokens[c0].kind, Kind::Punct) {
                        c0 += 1;
                    }
                    // "Mrs. Roe, analysts said, has other reasons": the content resumes after
                    // the parenthetical attribution
                    let after = b.max(i + 1);
                    let mut c1 = ce;
                    if after + 1 < hi
                        && d.tok_text(after) == ","
                        && d.tokens[after + 1].kind == Kind::Word
                        // "…, said Ann Roe, who studies trade": a relative clause on the speaker
                        && !matches!(d.low(after + 1), "who" | "whom" | "whose" | "which")
                        // "…, Roe said, adding that …": the participle has content of its own
                        && !(d.low(after + 1).ends_with("ing") && cx.cue_class(after + 1).is_some())
                    {
                        c1 = cx.content_end(after + 1, hi);
                    }
                    if ce > c0 {
                        cx.used_cue[i] = true;
                        out.push(Statement {
                            content: cx.tspan(c0, c1.max(ce)),
                            cue: cx.tspan(i, i + 1),
                            speaker: Some(cx.tspan(a, b)),
                            speaker_tok: Some(h),
                            direct: matches!(d.tokens[c0].kind, Kind::Quote(Quote::Open))
                                && !(c0 > 0 && d.low(c0 - 1) == "that"),
                            sentences: (s, s),
                            rule: "reported.inverted",
                            confidence: 0.75,
                        });
                        i += 1;
                        continue;
                    }
                }
            }
            // 2. X said (that) content
            // "Roe is calling for …", "they were hoping that …": a progressive is finite
            let progressive = participle && {
                let mut j = i;
                while j > lo + 1
                    && d.low(j - 1).len() > 4
                    && d.low(j - 1).ends_with("ly")
                    && !d.tokens[j - 1].is(CAP)
                    || j > lo + 1 && matches!(d.low(j - 1), "also" | "still" | "now" | "not")
                {
                    j -= 1;
                }
                j > lo + 1 && matches!(d.low(j - 1), "is" | "are" | "was" | "were" | "been")
            };
            let subj = if progressive {
                cx.subject_before(i, lo)
            } else if participle {
                // "…, adding that", "… – saying": the subject of the main clause; also "… by
                // saying", "… before adding", and "…, pointing to X and saying" (a speech
                // participle after a preposition of manner or time, or coordinated with an
                // earlier participle after a comma)
                let after_prep = class == CueClass::Speech
                    && i > lo + 1
                    && (matches!(d.low(i - 1), "by" | "before" | "after" | "while" | "when")
                        || d.low(i - 1) == "and"
                            && (lo + 1..i - 1).any(|t| {
                                d.tok_text(t - 1) == ","
                                    && d.low(t).len() > 4
                                    && d.low(t).ends_with("ing")
                            }));
                if i > lo
                    && (matches!(d.tok_text(i - 1), "," | "\u{2013}" | "\u{2014}" | "--")
                        || after_prep)
                {
                    let tight = matches!(d.low(i - 1), "by" | "before" | "after" | "while");
                    cx.subject_of_clause_at(lo, i, tight)
                } else if class == CueClass::Speech {
                    // "with most residents saying …", "calls came in saying …": a
                    // participle right after its noun phrase takes it as the speaker
                    cx.subject_before(i, lo).filter(|&(a, b, h)| {
                        b == i
                            // not the object of an earlier verb ("released statements
                            // deploring", "tweeted at Roe pointing out")
                            && (a == lo || matches!(d.low(a - 1), "with" | "," | ":"))
                            && !d.low(h).ends_with("ing")
                            && cx.cue_class(h).is_none()
                            && (cx.named_or_pronoun(h) || d.low(h).ends_with('s'))
                    })
                } else {
                    None
                }
            } else {
                cx.subject_before(i, lo).or_else(|| {
                    (class == CueClass::Speech)
                        .then(|| cx.coordinated_subject(i, lo))
                        .flatten()
                })
            };
            let Some((mut a, mut b, mut h)) = subj else {
                i += 1;
                continue;
            };
            // "Ann Roe: I will run again": the first person is the name before the colon
            if matches!(d.low(h), "i" | "we")
                && a > lo + 1
                && d.tok_text(a - 1) == ":"
                && let Some(m) = cx.actors.mention_at(a - 2)
                && m.last == a - 1
                && m.first <= lo + 1
                && m.entity.is_some()
                && !m.place
            {
                (a, b, h) = (m.first, m.last, m.last - 1);
            }
            // "Trump's stated priority", "the US plan": a noun or adjective, not a verb
            if d.tokens[b - 1].is(crate::segment::POSSESSIVE)
                || cx.naming(i, h)
                || (cx.noun_use(i, a, h))
            {
                i += 1;
                continue;
            }
            // "In a poll released Monday, 40 percent of voters said …": the poll reports what
            // a share of its respondents said
            if cx.polled_group(a, h)
                && let Some(p) = cx.survey_before(lo, a)
            {
                (a, b, h) = p;
            }
            let ce = cx.cue_end(i);
            // "Roe is going to lose", "the bill is poised to pass": a future, not an intention
            if (i..ce)
                .any(|t| matches!(d.low(t), "going" | "poised" | "about") && d.low(t + 1) == "to")
            {
                i += 1;
                continue;
            }
            let Some((c0, mut c1)) = cx.content_after(i, ce, hi) else {
                i += 1;
                continue;
            };
            // "While Roe claimed that the plant was safe, engineers argue …": a statement in a
            // fronted adverbial clause ends where the main clause begins
            if let Some(e) = cx.adverbial_clause_end(lo, a, c0, c1) {
                c1 = e;
            }
            // content opening with a preposition is an adjunct ("spoke to reporters in Oslo"),
            // but a promise, threat or refusal takes an infinitive ("vowed to resign"), and
            // after "that" it opens the clause ("said that at the harbour …")
            // "said about half of …", "said over 40 ships …": a quantity, not a preposition
            let quantity = matches!(d.low(c0), "about" | "over" | "under")
                && c0 + 1 < c1
                && (d.low(c0 + 1).starts_with(|ch: char| ch.is_ascii_digit())
                    || NUMBER_WORDS.binary_search(&d.low(c0 + 1)).is_ok()
                        && d.low(c0 + 1) != "one"
                    || matches!(d.low(c0 + 1), "half" | "dozen"));
            if !matches!(d.tokens[c0].kind, Kind::Quote(_))
                && !quantity
                && (c0 <= i || d.low(c0 - 1) != "that")
                && !cx.infinitive_content(i, c0, c1)
                && (matches!(
                    d.low(c0),
                    "on" | "in"
                        | "at"
                        | "with"
                        | "to"
                        | "for"
                        | "by"
                        | "from"
                        | "about"
                        | "of"
                        | "during"
                        | "after"
                        | "before"
                        | "into"
                        | "over"
                ) || SETTING_PREPS.binary_search(&d.low(c0)).is_ok())
            {
                i += 1;
                continue;
            }
            // belief and intent cues need a clause or infinitive, not a bare object; "the
            // programs they want, including …" has its object before the cue
            let words = (c0..c1).filter(|&t| d.tokens[t].kind == Kind::Word).count();
            let gapped = class != CueClass::Speech
                && ce < hi
                && (matches!(d.tok_text(ce), "," | ";" | "." | ")")
                    || matches!(
                        d.low(ce),
                        "and" | "or" | "but" | "if" | "as" | "so" | "than" | "because" | "while"
                    ));
            if words == 0 || (class != CueClass::Speech && words < 2) || gapped {
                i += 1;
                continue;
            }
            if cx.not_attribution(i, a, c0) {
                i += 1;
                continue;
            }
            for t in i..ce {
                cx.used_cue[t] = true;
            }
            let conf = match class {
                CueClass::Speech => 0.8,
                CueClass::Source => 0.75,
                CueClass::Evidence => 0.6,
                CueClass::Belief | CueClass::Intent => 0.55,
            };
            // "Dorn is expected to travel": the expectation is someone else's, unnamed; the
            // subject is what it is about, not its source ("is set to", "is due to" stay the
            // subject's plans)
            let unnamed = class == CueClass::Intent && (i..ce).any(|k| d.low(k) == "expected");
            out.push(Statement {
                content: cx.tspan(c0, c1),
                cue: cx.tspan(i, ce),
                speaker: (!unnamed).then(|| cx.tspan(a, b)),
                speaker_tok: (!unnamed).then_some(h),
                direct: matches!(d.tokens[c0].kind, Kind::Quote(Quote::Open))
                    && !(c0 > 0 && d.low(c0 - 1) == "that"),
                sentences: cx.sent_range(a.min(i), c1),
                rule: match class {
                    CueClass::Speech => "reported.speech",
                    CueClass::Belief => "reported.belief",
                    CueClass::Intent => "reported.intent",
                    CueClass::Evidence => "reported.evidence",
                    CueClass::Source => "reported.source",
                },
                confidence: conf,
            });
            i += 1;
        }
    }
}

/// Nouns for polls, studies and records: a verb of evidence after one of them is a verb ("the
/// survey shows", "the data show").
const EVIDENCE_NOUNS: &[&str] = &[
    "analyses",
    "analysis",
    "audit",
    "average",
    "averages",
    "census",
    "data",
    "documents",
    "estimate",
    "estimates",
    "evidence",
    "figures",
    "findings",
    "forecast",
    "numbers",
    "poll",
    "polling",
    "polls",
    "records",
    "report",
    "reports",
    "research",
    "results",
    "review",
    "statistics",
    "studies",
    "study",
    "survey",
    "surveys",
];

/// Verbs of saying that are always verbs: their present forms are not nouns too.
const CORE_VERBS: &[&str] = &[
    "say",
    "tell",
    "think",
    "believe",
    "want",
    "argue",
    "insist",
    "suggest",
    "add",
    "warn",
    "explain",
    "write",
    "expect",
    "know",
    "feel",
    "predict",
    "acknowledge",
    "admit",
    "deny",
    "contend",
    "maintain",
    "agree",
    "ask",
    "declare",
    "announce",
    "emphasize",
    "emphasise",
    "stress",
    "recall",
    "assert",
    "allege",
    "reckon",
    "suppose",
    "insist",
    "tweet",
    "concede",
    "say",
];

impl Ctx<'_, '_> {
    /// Does an attribution follow the quote that ends before `qb` ("“…,” she said",
    /// "“…?” asked Roe")? A verb of saying after at most a short noun phrase, in its sentence.
    fn attributed_after(&self, qb: usize) -> bool {
        let d = self.doc;
        let n = d.tokens.len();
        let mut k = qb;
        if k < n && d.tok_text(k) == "," {
            k += 1;
        } else if qb < 2 || !matches!(d.tok_text(qb - 2), "," | "?" | "!") {
            // “… .” ends the sentence: what follows is not its attribution
            return false;
        }
        let para = d.sent(qb - 1).para;
        for c in k..n.min(k + 7) {
            if d.tokens[c].kind != Kind::Word || d.sent(c).para != para {
                return false;
            }
            if self.is_speech(c)
                && !d.tokens[c].is(CAP)
                && !d.low(c).ends_with("ing")
                && !self.noun_marked(c)
                && !self.adjunct_phrase(c)
            {
                return true;
            }
        }
        false
    }

    /// "…, veteran pilots said", "…, she and another pilot said": the start of a subject noun
    /// phrase that runs left from `a` back to a comma over modifiers, possessives and a
    /// coordination: the token after the comma.
    fn np_start_after_comma(&self, a: usize, lo: usize) -> Option<usize> {
        let d = self.doc;
        let mut k = a;
        while k > lo + 1 && k + 8 > a {
            let p = k - 1;
            let w = d.low(p);
            if d.tok_text(p) == "," {
                // not "…, and officials said": a conjunction right after the comma
                return (d.low(k) != "and").then_some(k);
            }
            let possessive = d.tokens[p].is(crate::segment::POSSESSIVE);
            let word_ok = d.is_word(p)
                && (possessive
                    || w == "and"
                    || !stops_np(w) && self.cue_class(p).is_none() && !is_aux(w));
            if !(word_ok || matches!(d.tok_text(p), "-" | "'s" | "\u{2019}s")) {
                return None;
            }
            k = p;
        }
        None
    }

    /// Could the phrase `[a, b)` after an inverted cue ("…, said X.") be its speaker? Not a
    /// time ("this year", "Tuesday"), and a phrase without a capital, article or pronoun is
    /// short ("said officials", not "say taxing consumption encourages savings").
    fn speaker_like(&self, a: usize, b: usize) -> bool {
        let d = self.doc;
        let w = d.low(a);
        let time = d.has_tag(a, |t| matches!(t, Tag::Weekday(_) | Tag::Month(_)))
            || matches!(w, "today" | "yesterday" | "tonight")
            || matches!(w, "this" | "last" | "next")
                && a + 1 < b
                && matches!(
                    d.low(a + 1),
                    "year"
                        | "week"
                        | "month"
                        | "weekend"
                        | "morning"
                        | "afternoon"
                        | "evening"
                        | "spring"
                        | "summer"
                        | "fall"
                        | "autumn"
                        | "winter"
                );
        !time
            && (b <= a + 2
                || d.tokens[a].is(CAP)
                || is_det(w)
                || pronoun_gender(w).is_some()
                || self.actors.mention_at(a).is_some())
    }

    /// Is the subject `[a, ..h]` a share of a polled population ("40 percent of voters",
    /// "a majority of Democrats", "nine in 10 voters", "respondents")?
    fn polled_group(&self, a: usize, h: usize) -> bool {
        let d = self.doc;
        let share = |w: &str| {
            matches!(
                w,
                "percent"
                    | "%"
                    | "majority"
                    | "minority"
                    | "plurality"
                    | "half"
                    | "third"
                    | "quarter"
                    | "most"
                    | "share"
            ) || w.starts_with(|c: char| c.is_ascii_digit())
        };
        matches!(d.low(h), "respondents" | "respondent")
            || (a >= 2 && d.low(a - 1) == "of" && share(d.low(a - 2)))
            || (a >= 3
                && d.low(a - 2) == "in"
                && d.low(a - 1).starts_with(|c: char| c.is_ascii_digit()))
            || (a..h).any(|t| share(d.low(t)) && d.low(t + 1) == "of")
    }

    /// The poll, survey or study named earlier in the sentence `[lo, a)` ("In a Roe/Acme poll
    /// released Monday, …", "A new survey found that …"): its noun phrase and head.
    fn survey_before(&self, lo: usize, a: usize) -> Option<(usize, usize, usize)> {
        let d = self.doc;
        let p = (lo..a).rev().find(|&t| {
            self.in_quote[t] == u32::MAX
                && matches!(d.low(t), "poll" | "polls" | "survey" | "surveys" | "study")
        })?;
        let mut s = p;
        while s > lo && p - s < 8 {
            let w = d.low(s - 1);
            if is_det(w) {
                s -= 1;
                break;
            }
            if stops_np(w) || !(d.is_word(s - 1) || matches!(w, "/" | "-" | "&")) {
                break;
            }
            s -= 1;
        }
        Some((s, p + 1, p))
    }

    /// Does the content `[c0, c1)` after the cue at `c` open with an infinitive that the cue
    /// commits to, promises, threatens or refuses ("declined to comment", "vowed to fight on")?
    /// "to" must be followed by a lowercase word that cannot open a noun phrase ("agreed to the
    /// terms" is an object).
    fn infinitive_content(&self, c: usize, c0: usize, c1: usize) -> bool {
        let d = self.doc;
        if d.low(c0) != "to" || c0 + 2 > c1 || d.tokens[c0 + 1].kind != Kind::Word {
            return false;
        }
        let v = d.low(c0 + 1);
        matches!(
            self.cue_lemma(c),
            "vow"
                | "pledge"
                | "promise"
                | "swear"
                | "threaten"
                | "decline"
                | "refuse"
                | "agree"
                | "hope"
                | "offer"
                // a request to a hearer: "urged the council to act"
                | "ask"
                | "urge"
                | "tell"
                | "beg"
                | "implore"
                | "advise"
                | "instruct"
        ) && !d.tokens[c0 + 1].is(CAP)
            && !is_det(v)
            && !v.starts_with(|ch: char| ch.is_ascii_digit())
            && pronoun_gender(v).is_none()
            && !OTHER_PRONOUNS.contains(&v)
            && !matches!(v, "me" | "us" | "you" | "them" | "what" | "which" | "whom")
    }

    /// Is `[lo, ce)` only a fronted adverbial ("On Sunday", "But even after the vote", "In a
    /// long post")? It opens with a preposition or subordinator and holds no comma of its own.
    fn only_fronted_adverbial(&self, lo: usize, ce: usize) -> bool {
        let d = self.doc;
        let Some(mut k) = (lo..ce).find(|&t| d.is_word(t)) else {
            return false;
        };
        while k < ce
            && (LEAD_CONNECTIVES.binary_search(&d.low(k)).is_ok()
                || matches!(d.low(k), "even" | "only" | "just" | ","))
        {
            k += 1;
        }
        k < ce
            && (LEAD_ADVERBIALS.binary_search(&d.low(k)).is_ok()
                || SUBORDINATORS.binary_search(&d.low(k)).is_ok())
            && !matches!(
                d.low(k),
                "asked" | "that" | "what" | "how" | "why" | "whether"
            )
            && (k..ce).all(|t| d.tok_text(t) != "," && !matches!(d.tokens[t].kind, Kind::Quote(_)))
    }

    /// A cue that reports no attribution here: "the pound added 0.5%", "the carmaker recalls
    /// 10,000 cars" (an amount or a thing, not a clause); "what it called provocative remarks"
    /// (a naming inside a noun phrase, the content is no claim).
    fn not_attribution(&self, i: usize, a: usize, c0: usize) -> bool {
        let d = self.doc;
        let lemma = self.cue_lemma(i);
        if matches!(d.tokens[c0].kind, Kind::Quote(_)) || c0 > 0 && d.low(c0 - 1) == "that" {
            return false;
        }
        let w0 = d.low(c0);
        let amount = w0.starts_with(|ch: char| ch.is_ascii_digit())
            || (NUMBER_WORDS.binary_search(&w0).is_ok() && w0 != "one")
            || matches!(
                w0,
                "a" | "an"
                    | "another"
                    | "more"
                    | "further"
                    | "extra"
                    | "some"
                    | "nearly"
                    | "almost"
                    | "around"
                    | "its"
                    | "their"
                    | "his"
                    | "her"
                    | "up"
                    | "dollars"
                    | "pounds"
                    | "euros"
            );
        if matches!(lemma, "add" | "recall") && amount {
            return true;
        }
        // "the plan proved costly", "she states her case": without a clause these verbs
        // describe, they do not report; "who advised the mayor" is a role without an infinitive
        if matches!(lemma, "prove" | "state") {
            return true;
        }
        if lemma == "advise" && !(c0..(c0 + 6).min(d.tokens.len())).any(|t| d.low(t) == "to") {
            return true;
        }
        // "the champion will defend her title", "the side defended well": sport, not a
        // defence of a position
        if lemma == "defend"
            && ((w0.ends_with("ly") || matches!(w0, "well" | "badly" | "deep"))
                || (c0..(c0 + 4).min(d.tokens.len())).any(|t| {
                    matches!(
                        d.low(t),
                        "title" | "titles" | "crown" | "championship" | "belt" | "goal" | "lead"
                    )
                }))
        {
            return true;
        }
        matches!(lemma, "call" | "describe" | "term" | "dub" | "label")
            && a > 0
            && d.low(a - 1) == "what"
    }

    /// A present-tense cue form that is also a common noun ("states", "plan", "support", "vote"):
    /// only a name or pronoun subject makes it a verb.
    fn nounish(&self, i: usize) -> bool {
        let w = self.doc.low(i);
        let lemma = self.cue_lemma(i);
        if CORE_VERBS.contains(&lemma) {
            return false;
        }
        w == lemma || w.strip_suffix('s') == Some(lemma) || w.strip_suffix("es") == Some(lemma)
    }

    /// "according to an analysis by the Pew Center", "… a letter obtained by the Gazette": the
    /// author after a source phrase ending at `b` (head `h`) extends it, and heads it when named.
    fn source_author(&self, b: usize, h: usize, hi: usize) -> (usize, usize) {
        let d = self.doc;
        let mut k = b;
        if k + 1 < hi
            && matches!(
                d.low(k),
                "released" | "provided" | "obtained" | "published" | "conducted" | "issued"
            )
        {
            k += 1;
        }
        if k + 1 < hi
            && matches!(d.low(k), "by" | "from")
            && let Some((_, e, h2)) = self.np_after(k + 1, hi)
        {
            let named = self
                .actors
                .mention_at(h2)
                .is_some_and(|m| m.entity.is_some() && !m.place);
            return (e, if named { h2 } else { h });
        }
        (b, h)
    }

    /// Is the cue at `c` a noun after the phrase `[a, ..h]` ("the ad references", "the US
    /// plan")? A nounish form is a verb only after a name or pronoun without an article of its
    /// own ("a spokesman for Ann Roe quips" keeps the verb).
    fn noun_use(&self, c: usize, a: usize, h: usize) -> bool {
        let d = self.doc;
        // "the poll shows", "polls show": a survey or record does not head a compound noun
        // with a verb of evidence
        if self.cue_class(c) == Some(CueClass::Evidence) && EVIDENCE_NOUNS.contains(&d.low(h)) {
            return false;
        }
        let a = match self.actors.mention_at(h) {
            Some(m) if m.first > a => {
                if is_det(d.low(m.first - 1)) {
                    m.first - 1
                } else {
                    m.first
                }
            }
            _ => a,
        };
        self.nounish(c) && (!self.named_or_pronoun(h) || is_det(d.low(a)))
    }

    /// Is the subject head a pronoun or part of a recognised actor name?
    fn named_or_pronoun(&self, h: usize) -> bool {
        let w = self.doc.low(h);
        pronoun_gender(w).is_some()
            || matches!(w, "i" | "we" | "they" | "you")
            || self
                .actors
                .mention_at(h)
                .is_some_and(|m| m.entity.is_some())
    }

    /// Subject of the clause that a participle attaches to: the subject of the nearest verb cue
    /// to the left in the sentence, or the subject that opens the sentence.
    fn subject_of_clause(&self, lo: usize, i: usize) -> Option<(usize, usize, usize)> {
        self.subject_of_clause_at(lo, i, false)
    }

    /// The subject of the clause a participle or coordinated verb before `i` belongs to. With
    /// `tight` (a verb coordinated by "and", or "by saying"), the verb joins the nearest verb
    /// phrase even inside an adverbial or relative clause ("after she toured the plant and
    /// said", "Roe, who surprised them by declaring"). A subject right after a verb of saying
    /// opens its content, not a clause of its own ("Roe said they were safe and added").
    fn subject_of_clause_at(
        &self,
        lo: usize,
        i: usize,
        tight: bool,
    ) -> Option<(usize, usize, usize)> {
        let d = self.doc;
        let mut c = i;
        while c > lo {
            c -= 1;
            if self.cue_class(c).is_some()
                && !d.low(c).ends_with("ing")
                && !d.tokens[c].is(CAP)
                && !self.noun_marked(c)
                && !self.adjunct_phrase(c)
                && let Some((a, b, h)) = self.subject_before(c, lo)
                // "echoed those comments": a noun form after a demonstrative
                && !(self.noun_use(c, a, h))
                // "whether he would support", "on who Roe would like": the verb of a
                // subordinate clause
                && !(a > lo
                    && (SUBORDINATORS.binary_search(&d.low(a - 1)).is_ok()
                        || matches!(d.low(a - 1), "who" | "whom"))
                    && !(tight
                        // the clause runs on to the verb, it is not a fronted one ("When
                        // groups objected, Roe pressured them by threatening …")
                        && (b..i).all(|t| d.tok_text(t) != ",")
                        && (lo..a - 1).any(|t| {
                            d.is_word(t) && LEAD_CONNECTIVES.binary_search(&d.low(t)).is_err()
                        })
                        && matches!(
                            d.low(a - 1),
                            "when"
                                | "as"
                                | "after"
                                | "while"
                                | "though"
                                | "although"
                                | "because"
                                | "since"
                                | "before"
                                | "until"
                        )))
                // "Roe said they were safe": the subject of the content
                && !(a > lo + 1
                    && d.is_word(a - 1)
                    && !d.tokens[a - 1].is(CAP)
                    && !d.low(a - 1).ends_with("ing")
                    && self.cue_class(a - 1) == Some(CueClass::Speech)
                    // "told Ann Roe, who …": a hearer
                    && !matches!(
                        self.cue_lemma(a - 1),
                        "tell" | "ask" | "inform" | "remind" | "brief" | "urge" | "assure" | "warn"
                    )
                    && !self.noun_marked(a - 1))
                // "shared a class called “X”, writing": a naming verb has no speaker
                && !self.naming(c, h)
            {
                return Some((a, b, h));
            }
        }
        self.sentence_subject(lo, i)
    }

    /// A sentence ending in a colon that introduces the quote opening sentence `sq` ("He said:",
    /// "Stated Roe:", "Ann Roe told the crowd:"): speaker range, head and cue range.
    fn intro_before(&self, sq: usize) -> Option<(usize, usize, usize, usize, usize)> {
        let d = self.doc;
        if sq == 0 {
            return None;
        }
        let ps = d.sentences[sq - 1];
        let (lo, hi) = (ps.first, ps.last);
        if hi < lo + 2 || d.tok_text(hi - 1) != ":" || self.in_quote[hi - 1] != u32::MAX {
            return None;
        }
        let e = hi - 1;
        let mut c = e;
        while c > lo && e - c < 30 {
            c -= 1;
            if self.in_quote[c] != u32::MAX {
                return None;
            }
            if self.cue_class(c).is_some()
                && (!d.tokens[c].is(CAP) || d.tokens[c].is(SENT_START))
                && !self.noun_marked(c)
            {
                if let Some((a, b, h)) = self.subject_before(c, lo) {
                    return Some((a, b, h, c, c + 1));
                }
                // "Stated Roe:", "said the senator:"
                if let Some((a, b, h)) = self.np_after(c + 1, e)
                    && b == e
                {
                    return Some((a, b, h, c, c + 1));
                }
                return None;
            }
        }
        self.sentence_subject(lo, e)
            .map(|(a, b, h)| (a, b, h, e, e + 1))
    }

    /// The latest speaker of a verb cue in sentences `[from, to)` (at most six back from `to`),
    /// outside quotes, whose subject is a name or pronoun, with the sentence it is in.
    fn speaker_between(&self, from: usize, to: usize) -> Option<(usize, usize, usize, usize)> {
        let d = self.doc;
        for s in (from.max(to.saturating_sub(6))..to).rev() {
            let (lo, hi) = (d.sentences[s].first, d.sentences[s].last);
            for c in (lo..hi).rev() {
                if self.in_quote[c] == u32::MAX
                    && matches!(self.cue_class(c), Some(CueClass::Speech | CueClass::Belief))
                    && !d.tokens[c].is(CAP)
                    && !d.low(c).ends_with("ing")
                    && !self.noun_marked(c)
                    && !self.adjunct_phrase(c)
                    && let Some((a, b, h)) = self.subject_before(c, lo)
                    && self.named_or_pronoun(h)
                {
                    return Some((a, b, h, s));
                }
            }
        }
        None
    }

    /// A passive cue ("is seen as", "were told", "was widely expected to") or a reduced
    /// relative naming something ("a method known as"): its subject is not the source.
    /// "was quoted as saying" keeps its speaker.
    fn passive(&self, c: usize) -> bool {
        let d = self.doc;
        let w = d.low(c);
        let participle = w.ends_with("ed") || PARTICIPLES.binary_search(&w).is_ok();
        if !participle || self.cue_lemma(c) == "quote" {
            return false;
        }
        let mut j = c;
        while j > 0 && j + 3 > c && (is_aux(d.low(j - 1)) || d.low(j - 1).ends_with("ly")) {
            if matches!(
                d.low(j - 1),
                "is" | "are" | "was" | "were" | "be" | "been" | "being"
            ) {
                return true;
            }
            if matches!(d.low(j - 1), "has" | "have" | "had") {
                break;
            }
            j -= 1;
        }
        c + 1 < d.tokens.len()
            && d.low(c + 1) == "as"
            && j == c
            && c > 0
            && !self.named_or_pronoun(c - 1)
            && d.tokens[c - 1].kind == Kind::Word
            && !matches!(d.low(c - 1), "who" | "which" | "that")
    }

    /// The first word of a multi-word cue that ends at `c` ("shot back"), else `c`.
    fn phrase_head(&self, c: usize, lo: usize) -> usize {
        let d = self.doc;
        for k in 1..=2 {
            if c >= lo + k
                && let Some((Tag::CuePhrase(cl), e)) =
                    self.memo.phrase_among(d, c - k, kind::CUE_PHRASE, |t| {
                        matches!(t, Tag::CuePhrase(_))
                    })
                && e > c
                && cl != CueClass::Source
            {
                return c - k;
            }
        }
        c
    }

    /// Where the cue starting at `i` ends: after its phrase ("shot back"), else after the word.
    fn cue_end(&self, i: usize) -> usize {
        let d = self.doc;
        if let Some((_, e)) = self.memo.phrase_among(d, i, kind::CUE_PHRASE, |t| matches!(t, Tag::CuePhrase(_)))
            && e > i + 1
            // a verb with its preposition ("called for", "warned of") takes the object of the
            // preposition as content
            && (self.cue_lemma(i).is_empty()
                || matches!(d.low(e - 1), "for" | "on" | "of" | "against" | "about")
                    // "called on Monday for calm": a date, not the object
                    && !(e < d.tokens.len()
                        && (d.has_tag(e, |t| matches!(t, Tag::Weekday(_) | Tag::Month(_)))
                            || matches!(d.low(e), "today" | "tonight" | "yesterday"))))
        {
            return e;
        }
        i + 1
    }

    /// A multi-word cue opening with a preposition ("on Twitter", "in a statement").
    fn adjunct_phrase(&self, c: usize) -> bool {
        matches!(
            self.doc.low(c),
            "on" | "in" | "at" | "via" | "through" | "during" | "from" | "over" | "with" | "by"
        ) && self.cue_lemma(c).is_empty()
    }

    /// Is the cue word at `c` a noun or adjective after an article or possessive?
    fn noun_marked(&self, c: usize) -> bool {
        let d = self.doc;
        c > 0
            && (NOUN_MARKERS.binary_search(&d.low(c - 1)).is_ok()
                // "the mogul's preferred mode" but not "he's said"
                || d.tokens[c - 1].is(crate::segment::POSSESSIVE)
                    && d.low(c - 1).ends_with('s')
                    && c > 1
                    && pronoun_gender(d.low(c - 2)).is_none()
                    && !OTHER_PRONOUNS.contains(&d.low(c - 2)))
    }

    /// "a book called “…”", "a firm named Acme": a naming verb after a common noun phrase.
    fn naming(&self, c: usize, h: usize) -> bool {
        let d = self.doc;
        matches!(
            self.cue_lemma(c),
            "call" | "name" | "dub" | "title" | "entitle" | "label" | "term"
        ) && c + 1 < d.tokens.len()
            && (matches!(d.tokens[c + 1].kind, Kind::Quote(_)) || d.tokens[c + 1].is(CAP))
            && !self.named_or_pronoun(h)
    }

    /// The subject that opens the sentence `[lo, i)` after a leading connective or adverbial
    /// ("But", "In a statement Monday,"): a named actor, a personal pronoun, or a short
    /// definite noun phrase ("The senator").
    fn sentence_subject(&self, lo: usize, i: usize) -> Option<(usize, usize, usize)> {
        let d = self.doc;
        let mut k = lo;
        while k < i && d.tokens[k].kind != Kind::Word {
            k += 1;
        }
        // a dateline: "WASHINGTON — Sen. Ann Roe defended …"
        // ("WASHINGTON, Dec. 8 (UPI) — …")
        if let Some(t) = (k..i.min(k + 12))
            .find(|&t| matches!(d.tok_text(t), "\u{2014}" | "--" | "\u{2013}" | "-"))
            && t > k
            // "WASHINGTON —", or "Washington (AFP) —" with the agency in parentheses
            && (d.tokens[k].is(crate::segment::ALLCAPS)
                || (k..t).any(|x| {
                    d.tok_text(x) == "("
                        && x + 1 < t
                        && d.tokens[x + 1].is(crate::segment::ALLCAPS)
                }))
            && (k..t).all(|x| {
                d.tokens[x].is(CAP)
                    || d.tokens[x].kind != Kind::Word
                    || d.tok_text(x).starts_with(|c: char| c.is_ascii_digit())
            })
        {
            k = t + 1;
        }
        if k < i && LEAD_CONNECTIVES.binary_search(&d.low(k)).is_ok() {
            k += 1;
            if k < i && d.tok_text(k) == "," {
                k += 1;
            }
        }
        if k < i && LEAD_ADVERBIALS.binary_search(&d.low(k)).is_ok() {
            k = (k..i).find(|&t| d.tok_text(t) == ",")? + 1;
        } else if let Some(q) = (k..i.min(k + 5)).find(|&t| d.tok_text(t) == ",")
            && (k..q).any(|t| matches!(d.low(t), "later" | "ago" | "earlier" | "afterwards"))
        {
            // "Hours later, Roe …", "Two days ago, …": a fronted time adverbial
            k = q + 1;
        } else if let Some(q) = (k + 1..i.min(k + 5))
            .take_while(|&t| d.is_word(t) && !d.tokens[t].is(CAP))
            .find(|&t| matches!(d.low(t), "later" | "ago" | "earlier"))
            && q + 1 < i
            && matches!(d.low(q + 1), "he" | "she" | "they" | "we" | "i" | "the")
        {
            // "Two hours later they …" without a comma
            k = q + 1;
        }
        if k >= i {
            return None;
        }
        let (a, mut b, h) = self.np_after(k, i)?;
        if b >= i {
            return None;
        }
        let w = d.low(a);
        if self
            .actors
            .mention_at(h)
            .is_some_and(|m| m.entity.is_some() && m.first <= a + 1)
            || matches!(w, "he" | "she" | "they" | "we" | "i")
        {
            return Some((a, b, h));
        }
        if w != "the" || b - a > 6 {
            return None;
        }
        // "The senator visited …", "The surgeon gave no details": end before the verb
        let mut e = a + 1;
        while e < b {
            let w = d.low(e);
            if is_det(w) || w == "no" {
                if e > a + 2 {
                    e -= 1;
                }
                break;
            }
            if e >= a + 2 && (w.ends_with("ed") || is_aux(w) || self.cue_class(e).is_some()) {
                break;
            }
            e += 1;
        }
        b = e;
        Some((a, b, b - 1))
    }
}

/// Does the ";" token `e` close an HTML entity left in the text ("&amp;", "&#39;")?
fn entity_end(d: &Doc, e: usize) -> bool {
    let b = d.text.as_bytes();
    let end = d.tokens[e].start as usize;
    let from = end.saturating_sub(8);
    match b[from..end].iter().rposition(|&c| c == b'&') {
        Some(p) => {
            let body = &b[from + p + 1..end];
            !body.is_empty() && body.iter().all(|c| c.is_ascii_alphanumeric() || *c == b'#')
        }
        None => false,
    }
}

fn fully_quoted_sentence(cx: &Ctx, lo: usize, hi: usize) -> bool {
    let _ = (cx, lo, hi);
    false
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::actors::recognize;
    use crate::clean::clean;
    use crate::segment::segment;

    /// (speaker, cue, content, direct) of every statement.
    fn st(t: &str) -> Vec<(String, String, String, bool)> {
        let d = segment(t, &clean(t));
        let a = recognize(&d);
        extract(&d, &a)
            .into_iter()
            .map(|s| {
                (
                    s.speaker.map(|x| x.text(t).to_string()).unwrap_or_default(),
                    s.cue.text(t).to_string(),
                    s.content.text(t).to_string(),
                    s.direct,
                )
            })
            .collect()
    }

    #[test]
    fn a_quote_in_straight_single_quotes_is_a_direct_quote() {
        // issue 3: British style ('…,' Vell said) gave no statement at all
        let v = st("'We agreed on the harbour plan,' Tomas Vell said on Tuesday.");
        assert_eq!(
            v,
            [(
                "Tomas Vell".to_string(),
                "said".to_string(),
                "'We agreed on the harbour plan,'".to_string(),
                true
            )]
        );
    }

    #[test]
    fn defending_a_position_and_prepositional_speech_phrases() {
        let v = st("Mara Lindqvist defended her harbour levy at a town meeting.");
        assert_eq!(v.len(), 1, "{v:?}");
        assert_eq!(
            (v[0].0.as_str(), v[0].1.as_str()),
            ("Mara Lindqvist", "defended")
        );
        assert_eq!(v[0].2, "her harbour levy at a town meeting");
        let v = st("Tomas Vell talked about the ferry strike for an hour.");
        assert_eq!(v[0].1, "talked about", "{v:?}");
        let v = st("Asked about the budget gap, Mara Lindqvist pointed to falling fuel prices.");
        assert!(
            v.iter()
                .any(|s| s.1 == "pointed to" && s.0 == "Mara Lindqvist"),
            "{v:?}"
        );
        let v = st("Tomas Vell was asked about the ferry timetable on Friday.");
        assert_eq!(v[0].1, "was asked about", "{v:?}");
        // sport: a title or a style of play is no position
        let v = st("Mara Lindqvist will defend her sprint title in Oslo next month.");
        assert!(v.is_empty(), "{v:?}");
        let v = st("The visitors defended well and scored twice on the break.");
        assert!(v.is_empty(), "{v:?}");
        let v = st("Tomas Vell scored 20 points to lead the team.");
        assert!(v.is_empty(), "{v:?}");
    }

    #[test]
    fn a_sentence_opening_said_with_its_subject_after_it_attributes_the_quote() {
        let v = st("Said Mara Lindqvist, \"The harbour will stay open all winter.\"");
        assert_eq!(v.len(), 1, "{v:?}");
        assert_eq!(v[0].0, "Mara Lindqvist");
        assert_eq!(v[0].1, "Said");
        assert!(v[0].3);
        let v = st("Added Tomas Vell: \"We lost two ferries in May.\"");
        assert_eq!(v[0].0, "Tomas Vell", "{v:?}");
    }

    #[test]
    fn said_nothing_has_no_inverted_speaker() {
        // issue 3: "The accused, Ana Dorn, said nothing." was read as an inverted attribution
        // whose speaker was "nothing"
        let v = st("The accused, Ana Dorn, said nothing.");
        assert!(v.iter().all(|s| s.0 != "nothing"), "{v:?}");
        let v = st("The harbour will stay open, Tomas Vell said little else.");
        assert!(v.iter().all(|s| s.0 != "little"), "{v:?}");
    }

    #[test]
    fn a_belief_in_reported_content_is_not_a_second_statement() {
        let v = st("Senator Ana Lind said she hoped the ferry talks would resume in May.");
        assert_eq!(v.len(), 1, "{v:?}");
        assert_eq!(v[0].0, "Senator Ana Lind");
        assert_eq!(v[0].2, "she hoped the ferry talks would resume in May");
    }

    #[test]
    fn a_participle_after_a_short_adjunct_or_object_keeps_the_quoted_speaker() {
        let v = st(
            "\"The pier is safe,\" said Senator Ana Lind on Friday, adding that the toll will stay.",
        );
        assert_eq!(v.len(), 2, "{v:?}");
        assert_eq!(
            (v[1].0.as_str(), v[1].1.as_str()),
            ("Senator Ana Lind", "adding")
        );
        assert_eq!(v[1].2, "the toll will stay");
        let v = st(
            "\"We wish him well,\" Tomas Vell told the hosts of \"Harbour Hour,\" noting that the ferry was late.",
        );
        assert_eq!(v.len(), 2, "{v:?}");
        assert_eq!((v[1].0.as_str(), v[1].1.as_str()), ("Tomas Vell", "noting"));
        assert_eq!(v[1].2, "the ferry was late");
    }

    #[test]
    fn inverted_attributions_with_longer_subjects_and_tails() {
        let v = st("The ferry will run again in May, veteran harbour pilots said.");
        assert_eq!(v.len(), 1, "{v:?}");
        assert_eq!(v[0].0, "veteran harbour pilots");
        assert_eq!(v[0].2, "The ferry will run again in May");
        let v = st("The pier was closed early, she and another pilot said.");
        assert_eq!(v[0].0, "she and another pilot", "{v:?}");
        let v = st("The toll is too high, the harbour council told the Lorvik Gazette.");
        assert_eq!(v[0].0, "the harbour council", "{v:?}");
        assert_eq!(v[0].2, "The toll is too high");
    }

    #[test]
    fn inverted_evidence_and_belief_at_the_sentence_end() {
        let v = st("Most pilots back the toll, a new harbour survey shows.");
        assert_eq!(v.len(), 1, "{v:?}");
        assert_eq!(v[0].0, "a new harbour survey");
        assert_eq!(v[0].2, "Most pilots back the toll");
        let v = st("The vote will be close, aides to Senator Ana Lind believe.");
        assert_eq!(v[0].2, "The vote will be close", "{v:?}");
    }

    #[test]
    fn a_fronted_adverbial_is_not_inverted_content() {
        let v = st("On Sunday, Senator Ana Lind went on the offensive.");
        assert!(v.iter().all(|s| s.2 != "On Sunday"), "{v:?}");
        let v = st("But even after the ferry vote, spokesman Tomas Vell tweeted a warning.");
        assert!(v.iter().all(|s| !s.2.contains("ferry vote")), "{v:?}");
        // a clause before the comma still is
        let v = st("The toll rose after the vote, spokesman Tomas Vell said.");
        assert_eq!(v[0].2, "The toll rose after the vote", "{v:?}");
    }

    #[test]
    fn futures_roles_and_copulas_are_not_attributions() {
        assert!(st("Senator Ana Lind is going to lose the harbour vote.").is_empty());
        assert!(st("The ferry plan proved costly for the harbour.").is_empty());
        assert!(st("Tomas Vell, who advised Senator Ana Lind, left.").is_empty());
        assert!(st("Lorvik state senator Ana Lind visited the pier.").is_empty());
        let v = st("Senator Ana Lind states that the pier is unsafe.");
        assert_eq!(v[0].2, "the pier is unsafe", "{v:?}");
    }

    #[test]
    fn an_html_entity_does_not_end_the_content() {
        let v = st("Senator Ana Lind said the Harbour &amp; Ferry Board would meet in May.");
        assert_eq!(
            v[0].2, "the Harbour &amp; Ferry Board would meet in May",
            "{v:?}"
        );
        // a real semicolon still ends it
        let v = st("Senator Ana Lind said the board would meet; the ferry stayed docked.");
        assert_eq!(v[0].2, "the board would meet", "{v:?}");
    }

    #[test]
    fn speaking_alongside_after_a_quote_is_no_second_statement() {
        let v = st(
            "\u{201C}We will reopen the pier,\u{201D} Tomas Vell said, speaking alongside Senator Ana Lind.",
        );
        assert_eq!(v.len(), 1, "{v:?}");
        assert_eq!(v[0].0, "Tomas Vell");
        let v = st(
            "\u{201C}We will reopen the pier,\u{201D} Tomas Vell said, adding that the ferry stays.",
        );
        assert_eq!(v.len(), 2, "{v:?}");
    }

    #[test]
    fn a_partial_quote_whose_clause_runs_on() {
        let v = st(
            "Senator Ana Lind said \u{201C}it makes me angry\u{201D} every time the ferry is late.",
        );
        assert_eq!(v.len(), 1, "{v:?}");
        assert_eq!(
            v[0].2,
            "\u{201C}it makes me angry\u{201D} every time the ferry is late"
        );
        let v = st(
            "\u{201C}Only you, Tomas,\u{201D} she said, would ask the harbour board for more money.",
        );
        assert_eq!(v.len(), 1, "{v:?}");
        assert!(v[0].2.ends_with("for more money"), "{v:?}");
        // a quote that ends the clause stays as it is
        let v = st("Senator Ana Lind said: \u{201C}The ferry is late.\u{201D} Then she left.");
        assert_eq!(v[0].2, "\u{201C}The ferry is late.\u{201D}", "{v:?}");
    }

    #[test]
    fn a_title_case_headline_verb_is_a_cue() {
        let v = st("Senator Ana Lind Says Harbour Ferry Will Run Again");
        assert_eq!(v.len(), 1, "{v:?}");
        assert_eq!(v[0].1, "Says");
        assert_eq!(v[0].2, "Harbour Ferry Will Run Again");
        assert!(v[0].0.ends_with("Ana Lind"), "{v:?}");
    }

    #[test]
    fn a_subject_with_a_bare_prepositional_object() {
        let v = st("Some lawyers for port management said the ferry should stay.");
        assert_eq!(v.len(), 1, "{v:?}");
        assert_eq!(v[0].0, "Some lawyers for port management");
        assert_eq!(v[0].2, "the ferry should stay");
    }

    #[test]
    fn a_participle_after_its_noun_phrase() {
        let v = st("The toll rose, with most pilots saying the ferry was too slow.");
        assert_eq!(v.len(), 1, "{v:?}");
        assert_eq!(v[0].0, "most pilots");
        assert_eq!(v[0].2, "the ferry was too slow");
    }

    #[test]
    fn quote_then_attribution_with_apposition() {
        let v = st(
            "\u{201C}We will not give up the harbour,\u{201D} Tamsin Okonkwo, the port minister, said on Monday.",
        );
        assert_eq!(v[0].0, "Tamsin Okonkwo, the port minister");
        assert_eq!(v[0].1, "said");
        assert!(v[0].2.starts_with('\u{201C}') && v[0].3);
    }

    #[test]
    fn an_expectation_has_no_named_source() {
        let v = st("Tomas Hrad is expected to travel to Lorvik next week.");
        assert_eq!(v.len(), 1, "{v:?}");
        assert_eq!(v[0].0, "");
        assert_eq!(v[0].2, "travel to Lorvik next week");
        // a plan stays its subject's
        let v = st("Tomas Hrad is set to announce his candidacy.");
        assert_eq!(v[0].0, "Tomas Hrad", "{v:?}");
    }

    #[test]
    fn split_quote_across_sentences_is_one_statement() {
        let v = st("\"The talks were useful,\" Aldric Venn said. \"We meet again in May.\"");
        assert_eq!(v.len(), 1, "{v:?}");
        assert!(v[0].2.ends_with("May.\""), "{v:?}");
    }

    #[test]
    fn colon_after_a_verb_with_an_object() {
        let v = st(
            "For now, Aldric Venn framed the deal as fragile but real: \u{201C}We are ready to sign it.\u{201D}",
        );
        assert_eq!(
            (v[0].0.as_str(), v[0].1.as_str()),
            ("Aldric Venn", "framed")
        );
    }

    #[test]
    fn reported_speech_with_that_and_a_date_and_a_participle() {
        let v = st(
            "Mayor Ines Kowalczyk on Tuesday said that the bridge would reopen, adding that the ferry stays.",
        );
        assert_eq!(v[0].0, "Mayor Ines Kowalczyk");
        assert_eq!(v[0].2, "the bridge would reopen");
        assert_eq!(
            (v[1].1.as_str(), v[1].2.as_str()),
            ("adding", "the ferry stays")
        );
        assert_eq!(v[1].0, "Mayor Ines Kowalczyk");
    }

    #[test]
    fn according_to_before_and_after() {
        let v = st(
            "According to the harbour authority, two ships left. Two more ships are due, according to Ines Kowalczyk.",
        );
        assert_eq!(v[0].2, "two ships left");
        assert_eq!(v[1].2, "Two more ships are due");
        assert_eq!(v[1].0, "Ines Kowalczyk");
    }

    #[test]
    fn inverted_and_parenthetical_attributions() {
        let v = st(
            "The vote was rushed, Aldric Venn said Tuesday in Lisbon. The budget, analysts said, is too small.",
        );
        assert_eq!(
            (v[0].0.as_str(), v[0].2.as_str()),
            ("Aldric Venn", "The vote was rushed")
        );
        assert_eq!(v[1].2, "The budget, analysts said, is too small");
    }

    #[test]
    fn unattributed_paragraph_opening_quote_continues_the_speaker() {
        let v = st(
            "\u{201C}We were surprised,\u{201D} Ines Kowalczyk said.\n\u{201C}Nobody told us about the closure in advance.\u{201D}",
        );
        assert_eq!(v.len(), 2, "{v:?}");
        assert_eq!(v[1].0, "Ines Kowalczyk");
    }

    #[test]
    fn name_then_colon_then_quote() {
        let v =
            st("Sen. Aldric Venn (R-Ore.): \u{201C}I have not seen that figure anywhere.\u{201D}");
        assert_eq!(v.len(), 1, "{v:?}");
        assert!(v[0].0.contains("Aldric Venn"));
    }

    #[test]
    fn nouns_that_look_like_cues_are_not_statements() {
        let v = st("The talks covered the US plan, and three states wins were counted.");
        assert!(v.is_empty(), "{v:?}");
        let v = st("Kyiv respects the president\u{2019}s stated priority of ending the war.");
        assert!(v.iter().all(|s| s.1 != "stated"), "{v:?}");
    }

    #[test]
    fn determiner_before_a_cue_makes_it_a_noun() {
        let v = st("Ines Kowalczyk criticised the proposed bridge toll in a tweet on Monday.");
        assert!(v.iter().all(|s| s.0 != "the" && s.0 != "a"), "{v:?}");
    }

    #[test]
    fn floating_quantifier_and_reflexive_between_subject_and_cue() {
        let v = st("Aldric Venn and Ines Kowalczyk both argued that the toll was too high.");
        assert!(v[0].0.contains("Ines Kowalczyk"), "{v:?}");
        let v = st("Ines Kowalczyk herself has always maintained that the port is safe.");
        assert_eq!(v[0].0, "Ines Kowalczyk", "{v:?}");
    }

    #[test]
    fn participle_before_a_quote_takes_the_clause_subject() {
        let v = st(
            "Aldric Venn replied to the mayor on Facebook, writing, \u{201C}We will not pay for the new bridge.\u{201D}",
        );
        assert_eq!(v[0].0, "Aldric Venn", "{v:?}");
        let v = st(
            "In a letter on Friday, the harbour board rejected the plan, saying the docks were too old.",
        );
        assert_eq!(v[0].0, "the harbour board", "{v:?}");
        let v = st(
            "On Monday, Ines Kowalczyk hedged on whether she would back the toll, telling reporters it was early.",
        );
        assert_eq!(v.last().unwrap().0, "Ines Kowalczyk", "{v:?}");
    }

    #[test]
    fn participle_after_a_quote_is_not_an_inverted_attribution() {
        let v = st(
            "\u{201C}The port will stay open all winter,\u{201D} promising the workers a bonus, Aldric Venn said.",
        );
        assert!(v.iter().all(|s| s.0 != "the workers"), "{v:?}");
    }

    #[test]
    fn colon_quote_after_a_verb_outside_the_lexicon_or_after_an_adverbial() {
        let v = st(
            "Asked which harbour she liked best, Ines Kowalczyk demurred: \u{201C}Whichever one I am in today.\u{201D}",
        );
        assert_eq!(v[0].0, "Ines Kowalczyk", "{v:?}");
        let v = st(
            "Aldric Venn tried the argument out in an interview with a radio station on Tuesday: \u{201C}The toll is a tax on the poor.\u{201D}",
        );
        assert_eq!(v[0].0, "Aldric Venn", "{v:?}");
        assert!(v[0].3);
    }

    #[test]
    fn a_sentence_ending_in_a_colon_introduces_the_next_paragraph_quote() {
        let v = st(
            "\u{201C}We were surprised,\u{201D} Ines Kowalczyk said.\nLater Aldric Venn said:\n\u{201C}Nobody told us about the closure in advance.\u{201D}",
        );
        assert_eq!(v.last().unwrap().0, "Aldric Venn", "{v:?}");
        let v = st("Stated Venn:\n\u{201C}Nobody told us about the closure in advance.\u{201D}");
        assert_eq!(v[0].0, "Venn", "{v:?}");
    }

    #[test]
    fn a_continued_quote_goes_to_whoever_spoke_since() {
        let v = st(
            "\u{201C}We were surprised,\u{201D} Ines Kowalczyk said. Aldric Venn says the ferry is fine. \u{201C}It has never been late in ten years of service.\u{201D}",
        );
        assert_eq!(v.last().unwrap().0, "Aldric Venn", "{v:?}");
    }

    #[test]
    fn naming_verbs_and_titles_are_not_attributions() {
        let v = st(
            "Ines Kowalczyk wrote a book called \u{201C}Ships in the Night Harbour\u{201D} about the port.",
        );
        assert!(v.iter().all(|s| s.0 != "a book"), "{v:?}");
        let v = st(
            "\u{201C}We pay too much,\u{201D} wrote the authors of the \u{201C}Harbour Growth Review Project,\u{201D} citing the toll.",
        );
        assert_eq!(v.len(), 1, "{v:?}");
        assert!(v[0].0.starts_with("the authors"), "{v:?}");
    }

    #[test]
    fn apposition_with_a_prepositional_phrase_and_a_second_apposition() {
        let v = st(
            "Sen. Aldric Venn, facing a tough race in Oregon, a swing state, said he would welcome the toll.",
        );
        assert!(v[0].0.starts_with("Sen. Aldric Venn"), "{v:?}");
    }

    #[test]
    fn possessive_before_a_cue_makes_it_a_noun() {
        let v = st(
            "Aldric Venn mocked the mayor's preferred mode of travel, tweeting at her, \u{201C}you are always late for the ferry.\u{201D}",
        );
        assert_eq!(v[0].0, "Aldric Venn", "{v:?}");
    }

    #[test]
    fn passive_and_naming_participles_have_no_speaker() {
        let v = st("Harbour fees are widely seen as a burden on the ferry towns.");
        assert!(v.is_empty(), "{v:?}");
        let v = st("The council banned bottom trawling, a fishing method known as dredging.");
        assert!(v.iter().all(|s| s.1 != "known"), "{v:?}");
        let v = st("Aldric Venn was quoted as saying that the port would close.");
        assert_eq!(v[0].0, "Aldric Venn", "{v:?}");
    }

    #[test]
    fn adjunct_phrases_are_not_cues() {
        let v = st("Ines Kowalczyk replied to the mayor on Facebook late on Monday.");
        assert!(v.iter().all(|s| s.1 != "on"), "{v:?}");
    }

    #[test]
    fn phrase_cue_before_a_quote() {
        let v = st("Aldric Venn shot back, \"Mayor Roe called them out and nothing changed.\"");
        assert_eq!(
            (v[0].0.as_str(), v[0].1.as_str()),
            ("Aldric Venn", "shot back")
        );
        assert!(v[0].3, "{v:?}");
    }

    #[test]
    fn participle_after_a_quote_inherits_its_speaker() {
        let v = st(
            "Ines Kowalczyk said, \u{201C}The ferry is the only link we have,\u{201D} adding, \u{201C}We will fight for every crossing.\u{201D}",
        );
        assert_eq!(v.len(), 2, "{v:?}");
        assert_eq!(v[1].0, "Ines Kowalczyk", "{v:?}");
    }

    #[test]
    fn comma_after_a_verb_outside_the_lexicon() {
        let v =
            st("In the old harbour song, Aldric Venn sings, \"Do not leave the quay tonight.\"");
        assert_eq!(v[0].0, "Aldric Venn", "{v:?}");
    }

    #[test]
    fn attribution_after_a_nested_quote_and_a_relative_clause() {
        let v = st(
            "\u{201C}The answer you want is, \u{2018}I am for the toll, darn it,\u{2019}\u{201D} Venn, who has fought the toll for years, said.",
        );
        assert!(v[0].0.starts_with("Venn"), "{v:?}");
        assert_eq!(v[0].1, "said");
    }

    #[test]
    fn sentence_break_inside_a_parenthesis_before_the_cue() {
        let v = st(
            "\u{201C}They have nothing to worry about,\u{201D} Sen. Aldric Venn (D-N.Y.) said Tuesday.",
        );
        assert_eq!(v[0].1, "said", "{v:?}");
        assert!(v[0].0.contains("Aldric Venn"), "{v:?}");
    }

    #[test]
    fn cross_sentence_attribution_must_be_short() {
        let v = st(
            "Along with the photo, he had posted: \"We are celebrating today!\" A woman from the harbour district, meanwhile, received a fine after she shared it.",
        );
        assert!(v.iter().all(|s| !s.0.starts_with("A woman")), "{v:?}");
    }

    #[test]
    fn dash_apposition_before_the_cue() {
        let v = st(
            "The harbour master -- who has feuded with the mayor for years -- said she regretted the remark.",
        );
        assert!(v[0].0.starts_with("The harbour master"), "{v:?}");
        assert_eq!(v[0].1, "said");
    }

    #[test]
    fn inverted_attribution_after_a_closing_quote_takes_the_whole_clause() {
        let v = st(
            "He said at a port conference that he was ''very comfortable with the tolls,'' the Harbour Gazette reported.",
        );
        let g = v
            .iter()
            .find(|s| s.1 == "reported")
            .expect("outer attribution");
        assert!(g.0.ends_with("Harbour Gazette"), "{v:?}");
        assert!(g.2.starts_with("He said"), "{v:?}");
    }

    #[test]
    fn headline_name_colon_first_person() {
        let v = st("Aldric Venn: I would consider another run for the harbour board.");
        assert_eq!(v[0].0, "Aldric Venn", "{v:?}");
    }

    #[test]
    fn noun_cue_before_a_colon_quote_falls_back_to_the_subject() {
        let v = st(
            "Aldric Venn delivered a snappy retort: \"Nobody is tearing this up. We are going forward.\"",
        );
        assert_eq!(v[0].0, "Aldric Venn", "{v:?}");
    }

    #[test]
    fn belief_or_intent_with_its_object_before_the_cue_is_no_statement() {
        let v = st("Parents can pick whichever ferry schools they want, including private ones.");
        assert!(v.is_empty(), "{v:?}");
    }

    #[test]
    fn participle_skips_subordinate_clauses_and_documents() {
        let v = st(
            "The retired surgeon gave no details about how he planned to fund the port, saying only that he was refining the plan.",
        );
        assert_eq!(v.last().unwrap().0, "The retired surgeon", "{v:?}");
        let v = st(
            "Aldric Venn issued a statement Tuesday saying, ''I do not think the harbour should close.''",
        );
        assert_eq!(v[0].0, "Aldric Venn", "{v:?}");
    }

    #[test]
    fn relative_pronoun_speaker_keeps_its_named_antecedent() {
        let v = st("Aldric Venn, who said the toll was unfair, left the harbour board.");
        assert_eq!(v[0].0, "Aldric Venn, who", "{v:?}");
    }

    #[test]
    fn time_of_day_adverbial_and_dateline_before_the_subject() {
        let v = st("Harbour spokesman Aldric Venn on Thursday evening said the ferry would run.");
        assert!(v[0].0.ends_with("Aldric Venn"), "{v:?}");
        let v = st(
            "OSLO \u{2014} Ines Kowalczyk defended the toll on Monday, saying the ferry needs the money.",
        );
        assert_eq!(v[0].0, "Ines Kowalczyk", "{v:?}");
    }

    #[test]
    fn adjunct_phrase_after_a_quote_is_no_inverted_attribution() {
        let v = st(
            "Aldric Venn said, \"The ferry will run all winter.\"\nIn a statement, the harbour board disagreed.",
        );
        assert_eq!(v[0].0, "Aldric Venn", "{v:?}");
    }

    #[test]
    fn dateline_with_date_and_agency() {
        let v = st(
            "OSLO, Dec. 8 (HNS) \u{2014} In response to the toll plan, Ines Kowalczyk rallied supporters, saying: \u{201C}We have to be ready to stop it.\u{201D}",
        );
        assert_eq!(v[0].0, "Ines Kowalczyk", "{v:?}");
    }

    #[test]
    fn a_continued_quote_ignores_intent_cues_in_between() {
        let v = st(
            "\u{201C}We cannot blame the ferry for the storm,\u{201D} said Ines Kowalczyk, a nurse from Bergen. A harbour worker since 2013, she plans to vote.\n\u{201C}The toll is unfair to everyone who lives on the islands.\u{201D}",
        );
        assert_eq!(
            v.last().unwrap().0,
            "Ines Kowalczyk, a nurse from Bergen",
            "{v:?}"
        );
    }

    #[test]
    fn possessive_noun_phrases_after_the_cue() {
        let v = st("\"He loved the harbour,\" said his wife, Ines.");
        assert_eq!(v[0].0, "his wife", "{v:?}");
        let v = st("The ferry will stop in May, according to his shipping company.");
        assert_eq!(v[0].0, "his shipping company", "{v:?}");
        let v = st("The ferry will stop in May, according to her statement.");
        assert_eq!(v[0].0, "her", "{v:?}");
    }
    #[test]
    fn a_following_quote_with_its_own_attribution_is_not_merged() {
        let v = st(
            "\u{201C}The port stays open,\u{201D} said Tamsin Okonkwo. \u{201C}The ferries will not run,\u{201D} added Aldric Venn.",
        );
        assert_eq!(v.len(), 2, "{v:?}");
        assert_eq!(v[0].0, "Tamsin Okonkwo");
        assert_eq!(v[1].0, "Aldric Venn");
    }

    #[test]
    fn a_cue_word_after_an_article_is_a_noun() {
        let v = st("\u{201C}We cannot wait another year,\u{201D} the judge said on Monday.");
        assert_eq!((v[0].0.as_str(), v[0].1.as_str()), ("the judge", "said"));
    }

    #[test]
    fn a_relative_clause_with_commas_before_the_cue() {
        let v = st(
            "Ines Kowalczyk, whose new company, Brightfold, sells solar panels, said the market was growing.",
        );
        assert!(v[0].0.starts_with("Ines Kowalczyk"), "{v:?}");
        assert_eq!(v[0].2, "the market was growing");
    }

    #[test]
    fn a_participle_skips_a_naming_verb() {
        let v = st(
            "Later on Friday, Aldric Venn shared a pamphlet called \u{201C}Open Sea\u{201D} on his website, writing \u{201C}I hope the council reads this before the vote.\u{201D}",
        );
        let w = v.iter().find(|s| s.1 == "writing").expect("{v:?}");
        assert_eq!(w.0, "Aldric Venn");
    }

    #[test]
    fn a_dateline_with_a_hyphen() {
        let v = st(
            "OSLO, May 3 (Wirenews) - Tamsin Okonkwo, the harbour minister, defended the plan on Friday, saying the ferries would keep running.",
        );
        let w = v.iter().find(|s| s.1 == "saying").expect("{v:?}");
        assert!(w.0.starts_with("Tamsin Okonkwo"), "{v:?}");
    }
    #[test]
    fn inverted_attribution_needs_a_speaker_after_the_cue() {
        // an apposition after the opening subject, not "…, say X"
        let v = st(
            "Yet harbour economists, like their inland colleagues, say taxing fuel raises revenue.",
        );
        assert!(v[0].0.starts_with("harbour economists"), "{v:?}");
        assert_eq!(v[0].2, "taxing fuel raises revenue");
        // a time after the cue is no speaker
        let v = st(
            "Fares must rise to pay for the new pier, a study by the port council concluded this year.",
        );
        assert_eq!(v[0].0, "a study by the port council");
        assert_eq!(v[0].2, "Fares must rise to pay for the new pier");
        // the hearer of "told" is no speaker
        let v = st(
            "The ferry will run on Sunday, the deputy mayor, Ines Kowalczyk, told the Harbour Gazette.",
        );
        assert!(v.iter().all(|s| s.0 != "the Harbour Gazette"), "{v:?}");
    }

    #[test]
    fn an_adverbial_leading_to_that_is_no_inverted_attribution() {
        let v = st(
            "When the mayor, during a debate, proposed a toll, Aldric Venn replied in a calm voice that the bridge was free.",
        );
        assert!(
            v.iter().all(|s| s.1 != "replied" || s.0 == "Aldric Venn"),
            "{v:?}"
        );
        assert!(
            v.iter()
                .any(|s| s.0 == "Aldric Venn" && s.2 == "the bridge was free"),
            "{v:?}"
        );
    }

    #[test]
    fn a_poll_reports_what_its_respondents_said() {
        let v = st(
            "In a Harbour Gazette poll released Monday, 40 percent of voters said they backed the toll.",
        );
        assert_eq!(v[0].0, "a Harbour Gazette poll");
        assert_eq!(v[0].2, "they backed the toll");
    }

    #[test]
    fn a_name_after_a_preposition_belongs_to_the_subject() {
        let v = st("A senior official speaking to the Harbour Gazette said the toll would stay.");
        assert_eq!(v[0].0, "A senior official speaking to the Harbour Gazette");
        let v = st("A spokesman for Aldric Venn said the toll would stay.");
        assert_eq!(v[0].0, "A spokesman for Aldric Venn");
        let v = st("Fares went up. A study by the port council found that fares must rise.");
        assert_eq!(v[0].0, "A study by the port council");
        // a noun-like cue stays a verb after "a spokesman for <name>"
        let v = st(
            "The timing was so odd that a spokesman for Aldric Venn could only quip: \u{201C}I guess the harbour was closed.\u{201D}",
        );
        assert_eq!(
            (v[0].0.as_str(), v[0].1.as_str()),
            ("a spokesman for Aldric Venn", "quip")
        );
    }
    #[test]
    fn according_to_a_document_by_its_author() {
        let v =
            st("Ferry use doubled last year, according to an analysis by the Harbour Institute.");
        assert_eq!(v[0].0, "an analysis by the Harbour Institute");
        assert_eq!(v[0].2, "Ferry use doubled last year");
        let v = st("Two ships were late, according to records provided by the port council.");
        assert_eq!(v[0].0, "records provided by the port council");
    }

    #[test]
    fn a_name_before_a_colon_after_a_dash() {
        let v = st(
            "Harbour pilots agree - Ines Kowalczyk: \u{201C}The channel must be dredged before winter.\u{201D}",
        );
        assert!(v.iter().any(|s| s.0 == "Ines Kowalczyk" && s.3), "{v:?}");
    }
    #[test]
    fn the_object_of_a_relative_clause_is_not_the_subject() {
        let v = st("Harbour pilots who favour the new channel agree that dredging will be slow.");
        assert_eq!(v[0].0, "Harbour pilots");
        let v = st("But ferry unions that have backed him say the toll is unfair.");
        assert_eq!(v[0].0, "ferry unions");
    }
    #[test]
    fn a_relative_pronoun_speaker_with_its_noun_phrase() {
        let v = st(
            "The pilots echoed harbour engineers who have warned that the channel is silting up.",
        );
        let w = v.iter().find(|s| s.1 == "warned").expect("{v:?}");
        assert_eq!(w.0, "harbour engineers who");
    }
    #[test]
    fn month_and_first_time_adverbials_before_the_cue() {
        let v = st("A Harbour Gazette poll in late June found that most pilots back the toll.");
        assert_eq!(v[0].0, "A Harbour Gazette poll");
        let v = st("A Harbour Gazette poll in June found that most pilots back the toll.");
        assert_eq!(v[0].0, "A Harbour Gazette poll");
        let v = st("The port council for the first time admitted that the pier was unsafe.");
        assert_eq!(v[0].0, "The port council");
    }
    #[test]
    fn at_the_time_and_embedded_questions() {
        let v = st("Aldric Venn at the time said the pier was safe.");
        assert_eq!(v[0].0, "Aldric Venn");
        let v = st(
            "The spokesman refused to say who Venn would like to see elected but said there was no meeting planned, adding: \u{201C}We will consider any request.\u{201D}",
        );
        let w = v.iter().find(|s| s.1 == "adding").expect("{v:?}");
        assert_eq!(w.0, "The spokesman");
    }
    #[test]
    fn a_verb_coordinated_with_an_earlier_predicate_takes_the_clause_subject() {
        let v =
            st("Aldric Venn also voiced concern about the toll and said he hoped it would fall.");
        let w = v.iter().find(|s| s.1 == "said").expect("{v:?}");
        assert_eq!(w.0, "Aldric Venn");
        assert_eq!(w.2, "he hoped it would fall");
        // a belief verb in the content of a statement is no new statement of the speaker
        let v = st(
            "Venn said the council respects the plan and views \u{201C}every proposal positively.\u{201D}",
        );
        assert!(!v.iter().any(|s| s.1 == "views"), "{v:?}");
    }
    #[test]
    fn shares_and_age_groups_as_subjects() {
        let v = st("About four in 10 say they want the ferry to run at night.");
        let w = v.iter().find(|s| s.1 == "say").expect("{v:?}");
        assert_eq!(w.0, "About four in 10");
        let v = st("Pilots over 60 say they feel that way by 2-1.");
        let w = v
            .iter()
            .find(|s| s.1 == "say")
            .unwrap_or_else(|| panic!("{v:?}"));
        assert_eq!(w.0, "Pilots over 60");
        let v = st("Some 29 percent said they believe the pier is unsafe.");
        let w = v.iter().find(|s| s.1 == "said").expect("{v:?}");
        assert_eq!(w.0, "Some 29 percent");
    }
    #[test]
    fn a_quote_reported_according_to_a_source_has_that_source_as_outer_speaker() {
        let v = st(
            "\u{201C}The pier must close,\u{201D} Aldric Venn said at a meeting, according to the Harbour Gazette. \u{201C}It is unsafe.\u{201D}",
        );
        let w = v
            .iter()
            .find(|s| s.1 == "according to")
            .unwrap_or_else(|| panic!("{v:?}"));
        assert_eq!(w.0, "the Harbour Gazette");
        assert!(w.2.ends_with("It is unsafe.\u{201D}"), "{v:?}");
        let x = v
            .iter()
            .find(|s| s.1 == "said")
            .unwrap_or_else(|| panic!("{v:?}"));
        assert_eq!(x.0, "Aldric Venn");
        assert_eq!(x.2, "\u{201C}The pier must close,\u{201D}");
        assert_eq!(v.len(), 2, "{v:?}");
        let v = st(
            "\u{201C}The pier must close,\u{201D} Aldric Venn said, according to the Harbour Gazette.",
        );
        let w = v
            .iter()
            .find(|s| s.1 == "according to")
            .unwrap_or_else(|| panic!("{v:?}"));
        assert_eq!(w.2, "\u{201C}The pier must close,\u{201D} Aldric Venn said");
    }
    #[test]
    fn a_prepositional_or_time_adverbial_before_the_cue_is_not_the_subject() {
        let v = st("Venn's close allies have in the past said he would run again.");
        assert_eq!(v[0].0, "Venn's close allies");
        let v = st("Pilots in the northern harbour say the channel is silting up.");
        assert_eq!(v[0].0, "Pilots");
        // "after" opens a clause: its subject is the speaker
        let v = st("Fares rose a week after the port council announced the pier would close.");
        assert_eq!(v[0].0, "the port council");
        let v =
            st("Ines Kowalczyk, the port director, this past week announced the pier would close.");
        assert_eq!(v[0].0, "Ines Kowalczyk, the port director,");
    }
    #[test]
    fn bare_content_after_a_medium_phrase_or_a_hearer() {
        for (t, content) in [
            (
                "Tomas Vell said in a statement the herring talks had failed.",
                "the herring talks had failed",
            ),
            (
                "Tomas Vell said in an interview with the Daily Post the bass talks had failed.",
                "the bass talks had failed",
            ),
            (
                "Tomas Vell told reporters the trout talks had failed.",
                "the trout talks had failed",
            ),
            (
                "Tomas Vell told the committee the carp talks had failed.",
                "the carp talks had failed",
            ),
            (
                "Tomas Vell told his aides this plan would fail.",
                "this plan would fail",
            ),
        ] {
            let v = st(t);
            assert!(
                v.iter().any(|s| s.0 == "Tomas Vell" && s.2 == content),
                "{t}: {v:?}"
            );
        }
        let v = st("Acme said in a statement to the Lorvik stock exchange that it would pay.");
        assert!(
            v.iter().any(|s| s.0 == "Acme" && s.2 == "it would pay"),
            "{v:?}"
        );
        let v = st("Acme argued in a report published on Tuesday that prices would rise.");
        assert!(
            v.iter()
                .any(|s| s.0 == "Acme" && s.2 == "prices would rise"),
            "{v:?}"
        );
        // a medium phrase closed by a comma belongs to a fronted phrase
        let v = st("In an update posted on Kestrel, Tomas Vell said the talks had failed.");
        assert!(v.iter().all(|s| s.1 != "posted"), "{v:?}");
        assert!(v.iter().any(|s| s.0 == "Tomas Vell"), "{v:?}");
    }

    #[test]
    fn a_headline_or_transcript_line_with_a_speaker_and_a_colon() {
        let v = st("Aldric Venn: Harbour toll is unfair to pilots.\n\nThe toll starts in May.");
        let w = v
            .iter()
            .find(|s| s.1 == ":")
            .unwrap_or_else(|| panic!("{v:?}"));
        assert_eq!(w.0, "Aldric Venn");
        assert_eq!(w.2, "Harbour toll is unfair to pilots");
        let t = "ROE: Do you think the pier is safe?\n\nVENN: Well, I think it is safe. We checked it.\n\nROE: Thank you.\n\nVENN: You are welcome, it was a pleasure.";
        let v = st(t);
        let w = v
            .iter()
            .find(|s| s.0 == "VENN")
            .unwrap_or_else(|| panic!("{v:?}"));
        assert_eq!(w.2, "Well, I think it is safe. We checked it");
        // a lone label or a headline phrase is no speaker
        let v = st("Aldric Venn to pilots worried about tolls: The pier will reopen on Monday.");
        assert!(!v.iter().any(|s| s.1 == ":"), "{v:?}");
        let v = st("UPDATE: The pier reopened on Monday after repairs.");
        assert!(!v.iter().any(|s| s.1 == ":"), "{v:?}");
    }
    #[test]
    fn a_dateline_with_the_agency_in_parentheses_before_a_participle() {
        let v = st(
            "Lundby (AFP) \u{2013} Mayor Ines Kowalczyk has criticised the toll plan, saying that it hurts pilots.",
        );
        let w = v
            .iter()
            .find(|s| s.1 == "saying")
            .unwrap_or_else(|| panic!("{v:?}"));
        assert_eq!(w.0, "Mayor Ines Kowalczyk");
    }
    #[test]
    fn the_object_of_a_preposition_in_a_relative_clause_is_not_the_subject() {
        let v = st("Pilots who spoke with the Harbour Gazette said the channel is silting up.");
        assert_eq!(v[0].0, "Pilots");
        let v = st("Former aides who worked for Aldric Venn say he will run again.");
        assert_eq!(v[0].0, "Former aides");
    }
    #[test]
    fn a_floating_quantifier_after_a_parenthesis() {
        let v =
            st("Aldric Venn and Ines Kowalczyk (D-Lundby) both condemned the toll in statements.");
        let w = v
            .iter()
            .find(|s| s.1 == "condemned")
            .unwrap_or_else(|| panic!("{v:?}"));
        assert!(w.0.contains("Ines Kowalczyk"), "{v:?}");
    }
    #[test]
    fn an_apposition_with_an_age_and_a_second_phrase() {
        let v =
            st("Teo Brandt, 63, an independent voter raised in Lundby, said she wanted a change.");
        let w = v
            .iter()
            .find(|s| s.1 == "said")
            .unwrap_or_else(|| panic!("{v:?}"));
        assert!(w.0.starts_with("Teo Brandt"), "{v:?}");
        assert_eq!(w.2, "she wanted a change");
    }
    #[test]
    fn a_relative_clause_between_spaced_hyphens() {
        let v = st(
            "Harbour chief Aldric Venn - who earlier said he would close the pier - said on Monday that the toll will stay.",
        );
        let w = v
            .iter()
            .find(|s| s.2 == "the toll will stay")
            .unwrap_or_else(|| panic!("{v:?}"));
        assert!(w.0.contains("Aldric Venn - who"), "{v:?}");
    }
    #[test]
    fn a_promise_or_refusal_takes_an_infinitive_as_content() {
        let v = st("The Lorvik port authority declined to comment on the closure.");
        assert_eq!(v.len(), 1, "{v:?}");
        assert_eq!(v[0].0, "The Lorvik port authority");
        assert_eq!(v[0].2, "to comment on the closure");
        let v = st("Aldric Venn vowed to fight the toll in court.");
        assert_eq!(v[0].2, "to fight the toll in court", "{v:?}");
        // an object after "to" is no infinitive; "plans to" states no commitment to anyone
        assert!(st("Aldric Venn agreed to the terms of the lease.").is_empty());
        assert!(st("Aldric Venn plans to visit Lundby next week.").is_empty());
    }
    #[test]
    fn a_verb_of_evidence_after_a_poll_or_a_study() {
        let v = st("The new Lundby poll shows Venn far ahead of his rivals.");
        assert_eq!(v.len(), 1, "{v:?}");
        assert_eq!(v[0].1, "shows");
        assert_eq!(v[0].2, "Venn far ahead of his rivals");
        let v = st("The harbour audit shows that fewer ships reach the quay.");
        assert_eq!(v[0].0, "The harbour audit", "{v:?}");
        // "the TV shows" is still a noun
        assert!(st("The late-night shows mocked the harbour chief.").is_empty());
    }
    #[test]
    fn a_coordinated_verb_of_saying_ends_the_content() {
        let v = st("Teo Brandt praised the new harbour chief and said the quay would reopen.");
        assert_eq!(v.len(), 2, "{v:?}");
        assert_eq!(v[0].2, "the new harbour chief");
        assert_eq!(v[1].2, "the quay would reopen");
        let v = st("She conceded the loss of the contract, but argued that Lundby would recover.");
        assert_eq!(v[0].2, "the loss of the contract", "{v:?}");
        // a verb that also names a deed belongs to the reported clause
        let v = st("Teo Brandt said the police arrested the man and charged him with fraud.");
        assert_eq!(
            v[0].2, "the police arrested the man and charged him with fraud",
            "{v:?}"
        );
    }
    #[test]
    fn a_progressive_cue_takes_the_subject_before_its_auxiliary() {
        let v = st("Teo Brandt is calling for a new vote on the quay.");
        assert_eq!(v.len(), 1, "{v:?}");
        assert_eq!(v[0].0, "Teo Brandt");
        assert_eq!(v[0].1, "calling for");
        assert_eq!(v[0].2, "a new vote on the quay");
        let v = st("The dock unions were still hoping that the talks would resume.");
        assert_eq!(v[0].0, "The dock unions", "{v:?}");
        assert_eq!(v[0].2, "the talks would resume");
        // a participle after a comma still takes the clause subject
        let v = st("Teo Brandt left the hall, saying the vote was rigged.");
        assert_eq!(v[0].0, "Teo Brandt", "{v:?}");
    }
    #[test]
    fn a_verb_with_its_preposition_and_a_request_with_an_infinitive() {
        let v = st("The harbour master warned of more floods in Lundby.");
        assert_eq!(v.len(), 1, "{v:?}");
        assert_eq!(v[0].1, "warned of");
        assert_eq!(v[0].2, "more floods in Lundby");
        let v = st("Teo Brandt called on the council to close the quay.");
        assert_eq!(v[0].2, "the council to close the quay", "{v:?}");
        let v = st("Teo Brandt urged the council to close the quay.");
        assert_eq!(v[0].2, "to close the quay", "{v:?}");
        // a date after "on" is no object
        assert!(
            st("Teo Brandt called on Monday for calm.")
                .iter()
                .all(|s| s.1 != "called on"),
        );
    }
    #[test]
    fn a_parenthetical_according_to_scopes_over_its_clause() {
        let v = st(
            "He will skip the vote because, according to Teo Brandt, the council would mock him.",
        );
        assert_eq!(v.len(), 1, "{v:?}");
        assert_eq!(v[0].2, "the council would mock him");
        let v = st("But, according to the harbour survey, most pilots remain undecided.");
        assert_eq!(v[0].2, "most pilots remain undecided", "{v:?}");
        let v = st("The quay, according to officials in Lundby, would cost twice as much.");
        assert_eq!(
            v[0].2, "The quay, according to officials in Lundby, would cost twice as much",
            "{v:?}"
        );
    }
    #[test]
    fn a_quantity_after_the_cue_and_a_relative_clause_on_an_inverted_speaker() {
        let v = st("The harbour board said about half of the ships were late.");
        assert_eq!(v.len(), 1, "{v:?}");
        assert_eq!(v[0].2, "about half of the ships were late");
        let v = st(
            "Few ships will come back, said Teo Brandt, a professor at the Lundby institute, who studies ports.",
        );
        assert_eq!(v[0].2, "Few ships will come back", "{v:?}");
    }
    #[test]
    fn a_noun_that_is_also_a_cue_heads_the_subject() {
        let v = st("A Lundby judge said the harbour board had no case.");
        assert_eq!(v.len(), 1, "{v:?}");
        assert_eq!(v[0].0, "A Lundby judge");
        assert_eq!(v[0].2, "the harbour board had no case");
    }
    #[test]
    fn collective_and_plural_noun_subjects() {
        let v = st("Two dockers were arrested after refusing to leave the quay, police said.");
        assert_eq!(v.len(), 1, "{v:?}");
        assert_eq!(v[0].0, "police");
        assert_eq!(
            v[0].2,
            "Two dockers were arrested after refusing to leave the quay"
        );
        let v = st("Harbour rights advocates said the ruling would hurt Lundby.");
        assert_eq!(v[0].0, "Harbour rights advocates", "{v:?}");
    }

    fn has_cue(v: &[(String, String, String, bool)], cue: &str) -> bool {
        v.iter().any(|x| x.1 == cue)
    }

    #[test]
    fn an_amount_after_add_or_recall_is_no_content() {
        assert!(!has_cue(
            &st("The krona added 0.5% against the euro."),
            "added"
        ));
        assert!(!has_cue(
            &st("The carmaker recalls 10,000 cars."),
            "recalls"
        ));
        let v = st("Ana Dorn added that the talks would continue.");
        assert_eq!(v[0].2, "the talks would continue");
        assert!(has_cue(&st("\"We will win,\" she added."), "added"));
        let v = st("Ana Dorn added the talks would continue.");
        assert_eq!(v[0].2, "the talks would continue");
    }

    #[test]
    fn a_naming_after_what_is_no_statement() {
        let v = st("Lorvik denounced what it called provocative remarks by Osteria.");
        assert!(!has_cue(&v, "called"));
        let v = st("Ana Dorn called the plan a disgrace.");
        assert!(has_cue(&v, "called"));
    }

    #[test]
    fn a_semicolon_ends_the_content() {
        let v = st("Lorvik blamed Osterian forces for the attack; Osteria denied any involvement.");
        assert_eq!(v[0].2, "Osterian forces for the attack");
        assert_eq!(v[1].2, "any involvement");
        let v = st("Lorvik said profits rose to 9m euros (7m pounds; 10m dollars) last year.");
        assert_eq!(
            v[0].2,
            "profits rose to 9m euros (7m pounds; 10m dollars) last year"
        );
        let v = st("Ana Dorn said: \"We will stay; we will not leave.\"");
        assert!(v[0].2.contains("we will not leave"));
    }

    #[test]
    fn a_participle_after_a_dash_a_preposition_or_a_coordinated_participle() {
        let v = st(
            "Senator Ana Lind flipped her position on the spot \u{2013} saying she would now back the toll.",
        );
        assert_eq!(v[0].0, "Senator Ana Lind", "{v:?}");
        assert_eq!(v[0].2, "she would now back the toll", "{v:?}");
        let v = st("She demurred, waving off the question and saying that audits are overdue.");
        assert_eq!(v.len(), 1, "{v:?}");
        assert_eq!(v[0].0, "She", "{v:?}");
        let v = st(
            "\u{201C}We will win,\u{201D} Tomas Vell responded before adding that he would need more votes.",
        );
        assert_eq!(v.len(), 2, "{v:?}");
        assert_eq!(v[1].0, "Tomas Vell", "{v:?}");
        assert_eq!(v[1].2, "he would need more votes", "{v:?}");
        // at the sentence start the participle has no subject before it
        let v = st("After saying he was nervous, the man asked Ana Lind a question.");
        assert!(v.iter().all(|s| s.1 != "saying"), "{v:?}");
    }

    #[test]
    fn a_fronted_time_adverbial_before_the_clause_subject() {
        let v = st(
            "Senator Ana Lind spoke first. Hours later, Lind returned the favour to Vell, telling reporters, \u{201C}He is a good friend.\u{201D}",
        );
        assert_eq!(v.last().unwrap().0, "Lind", "{v:?}");
        assert!(v.last().unwrap().3, "{v:?}");
    }

    #[test]
    fn adverbials_with_commas_or_an_addressee_before_that() {
        let v = st(
            "Ana Lind says at a rally in Dorvik, Norland, that the toll means the port never paid.",
        );
        assert_eq!(v.len(), 1, "{v:?}");
        assert_eq!(v[0].0, "Ana Lind", "{v:?}");
        assert_eq!(v[0].2, "the toll means the port never paid", "{v:?}");
        let v = st(
            "The ferry guild wrote to the council's clerk that the new timetable would cost jobs.",
        );
        assert_eq!(v.len(), 1, "{v:?}");
        assert_eq!(v[0].2, "the new timetable would cost jobs", "{v:?}");
        // a relative "that" after the topic is no content
        let v = st(
            "Tomas Vell spoke to reporters in Dorvik about the plan that the council had passed.",
        );
        assert!(v.is_empty(), "{v:?}");
    }

    #[test]
    fn told_a_hearer_with_a_place_or_time_then_a_pronoun_clause() {
        let v =
            st("Senator Ana Lind told a union gathering in Dorvik she will protect the pensions.");
        assert_eq!(v.len(), 1, "{v:?}");
        assert_eq!(v[0].0, "Senator Ana Lind", "{v:?}");
        assert_eq!(v[0].2, "she will protect the pensions", "{v:?}");
        let v = st(
            "Tomas Vell told the Gazette of Dorvik last week he would rather vote for Ana Lind.",
        );
        assert_eq!(v.len(), 1, "{v:?}");
        assert_eq!(v[0].2, "he would rather vote for Ana Lind", "{v:?}");
    }

    #[test]
    fn less_common_verbs_of_saying() {
        for (t, cue) in [
            (
                "Senator Ana Lind opined that the ferry was too slow.",
                "opined",
            ),
            ("Tomas Vell griped that the toll was too high.", "griped"),
            (
                "Ines Kowal divulged that the council had met in secret.",
                "divulged",
            ),
            (
                "Tomas Vell theorized that the port would close.",
                "theorized",
            ),
            ("Ana Lind groused that nobody had asked her.", "groused"),
        ] {
            let v = st(t);
            assert_eq!(v.len(), 1, "{v:?}");
            assert_eq!(v[0].1, cue, "{v:?}");
        }
    }

    #[test]
    fn a_fronted_time_adverbial_without_a_comma_before_coordinated_verbs() {
        let v = st(
            "Two hours later the clerks changed course, opened the hall and said they will count the ballots by hand.",
        );
        assert_eq!(v.len(), 1, "{v:?}");
        assert_eq!(v[0].0, "the clerks", "{v:?}");
        assert_eq!(v[0].2, "they will count the ballots by hand", "{v:?}");
    }

    #[test]
    fn a_cue_noun_after_a_determiner_heads_a_subject_with_a_prepositional_object() {
        let v = st("Some advocates for the ferry said the route was overlooked.");
        assert_eq!(v.len(), 1, "{v:?}");
        assert_eq!(v[0].0, "Some advocates for the ferry", "{v:?}");
    }

    #[test]
    fn a_statement_in_a_fronted_adverbial_clause_ends_at_the_main_clause() {
        let v = st(
            "While Tomas Vell claimed that the dam was sound, engineers argue that it will crack soon.",
        );
        let claimed = v.iter().find(|x| x.1 == "claimed").expect("claimed");
        assert_eq!(claimed.2, "the dam was sound", "{v:?}");
        let argue = v.iter().find(|x| x.1 == "argue").expect("argue");
        assert_eq!(argue.0, "engineers", "{v:?}");
        // a fronted "as" clause with a comma after the cue keeps the main clause as content
        let v = st("As Mara Lindqvist noted, even on Friday the agency was silent.");
        assert_eq!(v[0].2, "even on Friday the agency was silent", "{v:?}");
    }

    #[test]
    fn content_after_that_may_open_with_a_preposition() {
        let v = st(
            "Tomas Vell said that at the harbour the auditors ignored his warnings about the loans.",
        );
        let said = v.iter().find(|x| x.1 == "said").expect("said");
        assert_eq!(said.0, "Tomas Vell", "{v:?}");
        assert!(said.2.starts_with("at the harbour"), "{v:?}");
    }

    #[test]
    fn an_office_or_spokesman_speaks_for_its_owner() {
        let d = "Premier Ana Dorn met Tomas Vell. Her office said the talks went well. \
                 Vell's spokesman said the ferry would run. Vell's lawyer said he was calm.";
        let seg = segment(d, &clean(d));
        let actors = recognize(&seg);
        let out = extract(&seg, &actors);
        let owner = |sp: &str| {
            let s = out
                .iter()
                .find(|s| s.speaker.is_some_and(|x| x.text(d) == sp))
                .unwrap_or_else(|| panic!("{sp}"));
            let m = s.speaker_tok.and_then(|t| actors.mention_index_at(t));
            m.and_then(|m| actors.mentions[m].entity)
                .map(|e| actors.entities[e].name.clone())
        };
        assert_eq!(owner("Her office").as_deref(), Some("Ana Dorn"));
        assert_eq!(owner("Vell's spokesman").as_deref(), Some("Tomas Vell"));
        // a lawyer is a person of their own
        assert_eq!(owner("Vell's lawyer"), None);
    }

    #[test]
    fn a_press_secretary_with_a_possessor_speaks_for_the_owner() {
        let d = "Mara Lindqvist's press secretary said the talks would resume.";
        let seg = segment(d, &clean(d));
        let actors = recognize(&seg);
        let out = extract(&seg, &actors);
        assert_eq!(out.len(), 1, "{out:?}");
        let s = &out[0];
        assert_eq!(
            s.speaker.map(|x| x.text(d)),
            Some("Mara Lindqvist's press secretary")
        );
        assert_eq!(s.content.text(d), "the talks would resume");
        let m = s.speaker_tok.and_then(|t| actors.mention_index_at(t));
        let owner = m.and_then(|m| actors.mentions[m].entity);
        assert_eq!(
            owner.map(|e| actors.entities[e].name.as_str()),
            Some("Mara Lindqvist")
        );
        let v = st("Tomas Vell's press aide said turnout had doubled.");
        assert_eq!(v.len(), 1, "{v:?}");
        assert_eq!(v[0].0, "Tomas Vell's press aide", "{v:?}");
    }

    #[test]
    fn reported_content_ends_before_an_attribution_closing_the_sentence() {
        let v =
            st("Tomas Vell stressed that the border must stay open, a ministry spokesperson said.");
        let stressed = v.iter().find(|x| x.1 == "stressed").expect("stressed");
        assert_eq!(stressed.0, "Tomas Vell", "{v:?}");
        assert_eq!(stressed.2, "the border must stay open", "{v:?}");
        let spk = v.iter().find(|x| x.1 == "said").expect("said");
        assert_eq!(spk.0, "a ministry spokesperson", "{v:?}");
        let v = st("Mara Lindqvist argued that the levy was too high, said Tomas Vell.");
        let argued = v.iter().find(|x| x.1 == "argued").expect("argued");
        assert_eq!(argued.2, "the levy was too high", "{v:?}");
        // the participle after an inverted attribution has content of its own
        let v = st("The ferry will run until May, Ana Dorn said, adding that fares would rise.");
        let said = v.iter().find(|x| x.1 == "said").expect("said");
        assert_eq!(said.2, "The ferry will run until May", "{v:?}");
        let v = st("Ana Dorn warned that fares would rise, Vell told reporters.");
        let warned = v.iter().find(|x| x.1 == "warned").expect("warned");
        assert_eq!(warned.2, "fares would rise", "{v:?}");
        // a clause that goes on after its subject is still content
        let v =
            st("Ana Dorn said the fares would rise, the unions said nothing and the ferry ran.");
        let said = v.iter().find(|x| x.0 == "Ana Dorn").expect("Ana Dorn");
        assert!(said.2.ends_with("the ferry ran"), "{v:?}");
    }

    #[test]
    fn a_verb_coordinated_after_reported_content_takes_the_outer_speaker() {
        let v =
            st("Mara Lindqvist said they wanted a fair count, but pledged to accept the result.");
        let pledged = v.iter().find(|x| x.1 == "pledged").expect("pledged");
        assert_eq!(pledged.0, "Mara Lindqvist", "{v:?}");
        let v = st("Tomas Vell wrote the guards knew about the leak, saying that nobody acted.");
        let saying = v.iter().find(|x| x.1 == "saying").expect("saying");
        assert_eq!(saying.0, "Tomas Vell", "{v:?}");
    }

    #[test]
    fn a_verb_coordinated_inside_an_adverbial_clause_takes_its_subject() {
        let v = st(
            "The council delayed the vote after she criticized the dam plan and said the repairs were late.",
        );
        let said = v.iter().find(|x| x.1 == "said").expect("said");
        assert_eq!(said.0, "she", "{v:?}");
        // a fronted adverbial clause is not the clause of the verb
        let v = st(
            "When the unions objected, Tomas Vell pressed them to back down by threatening that the plant would close.",
        );
        let threatening = v
            .iter()
            .find(|x| x.1 == "threatening")
            .expect("threatening");
        assert_eq!(threatening.0, "Tomas Vell", "{v:?}");
    }

    #[test]
    fn a_headline_name_before_a_colon_is_named_again_in_the_article() {
        let t = "Lindqvist: Ferry Budget Has Run Dry.\n\nMara Lindqvist said on Sunday that the ferry budget was empty.";
        let v = st(t);
        let colon = v.iter().find(|x| x.1 == ":").expect("colon line");
        assert_eq!(colon.0, "Lindqvist", "{v:?}");
        assert_eq!(colon.2, "Ferry Budget Has Run Dry", "{v:?}");
        // a word the article never names is no speaker
        let v = st("Breaking: Ferry Service Will Resume On Monday.\n\nThe ferry will run again.");
        assert!(v.iter().all(|x| x.1 != ":"), "{v:?}");
    }

    #[test]
    fn a_clause_with_its_own_pronoun_subject_after_but_ends_the_content() {
        let v = st(
            "Mara Lindqvist said the ferry plan was sound, but she is not predicting a quick vote.",
        );
        let said = v.iter().find(|x| x.1 == "said").expect("said");
        assert_eq!(said.2, "the ferry plan was sound", "{v:?}");
    }
}
