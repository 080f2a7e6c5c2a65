//! The per-article pipeline: an [`Article`] in, its [`ArticleFacts`] out.
//!
//! ingest → **clean → segment → actors → extract → time** → graph. Everything here is pure and
//! per article, so articles can be processed in parallel (the map stage); `graph::build` is the
//! reduce stage.

use std::collections::BTreeMap;

use crate::actors::{Actors, MentionKind, recognize};
use crate::clean::{Cleaned, clean_with};
use crate::extract::{calls, events, statements};
use crate::segment::{Doc, segment};
use crate::time;
use crate::types::*;

/// The default of [`Limits::max_sentences`].
pub const DEFAULT_MAX_SENTENCES: usize = 5_000;
/// The default of [`Limits::max_mentions`].
pub const DEFAULT_MAX_MENTIONS: usize = 20_000;

/// Per-article limits: one monstrous article cannot exhaust memory or time. (The size limit,
/// `--max-article-bytes`, is applied when reading: see [`IngestOptions`](crate::ingest::IngestOptions).)
///
/// At a limit the article is not dropped: its first sentences are analysed and the rest is
/// ignored, and [`analyse`] says so in [`Analysis::truncated`].
#[derive(Clone, Debug)]
pub struct Limits {
    /// Sentences analysed per article; the sentences after them are ignored.
    pub max_sentences: usize,
    /// Actor mentions (names, titles, pronouns) per article; analysis stops before the sentence
    /// in which the mention after this many begins.
    pub max_mentions: usize,
    /// Join the lines of hard-wrapped text into paragraphs (see [`crate::clean::clean_with`]).
    /// Off by default: unwrapped wires make longer evidence and more facts, so a bigger graph.
    pub unwrap_lines: bool,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_sentences: DEFAULT_MAX_SENTENCES,
            max_mentions: DEFAULT_MAX_MENTIONS,
            unwrap_lines: false,
        }
    }
}

/// Which limit cut an article short, and where.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Truncation {
    /// `"sentences"` or `"mentions"`.
    pub limit: &'static str,
    /// Sentences analysed.
    pub sentences: usize,
    /// Byte offset where analysis stopped: the text from here on was ignored.
    pub at_byte: usize,
}

impl std::fmt::Display for Truncation {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "over the {} limit (--max-{}): analysed the first {} sentences, ignored the text \
             from byte {}",
            self.limit, self.limit, self.sentences, self.at_byte
        )
    }
}

/// Cuts `doc` down to its first `n` sentences (tokens, lowercase forms and paragraphs with them).
fn truncate_doc(doc: &mut Doc, n: usize) {
    if n >= doc.sentences.len() {
        return;
    }
    doc.sentences.truncate(n);
    let last_tok = doc.sentences.last().map_or(0, |s| s.last);
    doc.tokens.truncate(last_tok);
    doc.sent_of.truncate(last_tok);
    let lo_end = doc.tokens.last().map_or(0, |t| t.lo.1 as usize);
    doc.lower.truncate(lo_end);
    doc.paragraphs.retain(|p| p.first < n);
    if let (Some(p), Some(s)) = (doc.paragraphs.last_mut(), doc.sentences.last())
        && p.last > n
    {
        p.last = n;
        p.span.end = s.span.end;
    }
}

/// Segments only as many paragraphs as the sentence limit needs: the byte budget grows fourfold
/// until the limit is passed or the text is done, so the cost is bounded by the limit, not the
/// size of the article (up to the length of one paragraph).
fn segment_limited<'a>(text: &'a str, cleaned: &Cleaned, max_sentences: usize) -> Doc<'a> {
    let mut budget = max_sentences.saturating_mul(256).max(1 << 16);
    loop {
        let mut used = 0usize;
        let k = cleaned
            .paragraphs
            .iter()
            .take_while(|p| {
                let first = used == 0;
                used = used.saturating_add(p.len());
                first || used <= budget
            })
            .count();
        if k >= cleaned.paragraphs.len() {
            return segment(text, cleaned);
        }
        let part = Cleaned {
            paragraphs: cleaned.paragraphs[..k].to_vec(),
            dropped: Vec::new(),
        };
        let doc = segment(text, &part);
        if doc.sentences.len() > max_sentences {
            return doc;
        }
        budget = budget.saturating_mul(4);
    }
}

/// Everything the stages found in one article, kept for `explain`.
pub struct Analysis<'a> {
    pub doc: Doc<'a>,
    pub actors: Actors,
    pub calls: Vec<calls::Call>,
    pub statements: Vec<statements::Statement>,
    pub events: Vec<events::Event>,
    pub dates: Vec<time::DateExpr>,
    /// Set when a [`Limits`] cut the article short.
    pub truncated: Option<Truncation>,
}

pub fn analyse<'a>(article: &'a Article, limits: &Limits) -> Analysis<'a> {
    let text = article.text.as_str();
    let cleaned = clean_with(text, limits.unwrap_lines);
    let mut doc = segment_limited(text, &cleaned, limits.max_sentences);
    let mut truncated = None;
    let cut = |doc: &mut Doc, n: usize, limit: &'static str| {
        let at_byte = doc
            .sentences
            .get(n)
            .map_or(text.len(), |s| s.span.start as usize);
        truncate_doc(doc, n);
        Truncation {
            limit,
            sentences: doc.sentences.len(),
            at_byte,
        }
    };
    if doc.sentences.len() > limits.max_sentences {
        truncated = Some(cut(&mut doc, limits.max_sentences, "sentences"));
    }
    let mut actors = recognize(&doc);
    while actors.mentions.len() > limits.max_mentions {
        // stop before the sentence of the first mention over the limit
        let mut firsts: Vec<usize> = actors.mentions.iter().map(|m| m.first).collect();
        let (_, &mut nth, _) = firsts.select_nth_unstable(limits.max_mentions);
        let sentence = doc.sent_of.get(nth).map_or(0, |&s| s as usize);
        let n = sentence.min(doc.sentences.len().saturating_sub(1));
        truncated = Some(cut(&mut doc, n, "mentions"));
        actors = recognize(&doc);
    }
    let calls = calls::extract(&doc, &actors);
    let statements = statements::extract(&doc, &actors);
    let events = events::extract(&doc, &actors);
    let dates = time::find(&doc, article.published);
    Analysis {
        doc,
        actors,
        calls,
        statements,
        events,
        dates,
        truncated,
    }
}

/// Runs the pipeline on one article.
pub fn extract_article(article: &Article, limits: &Limits) -> ArticleFacts {
    extract_article_noting(article, limits).0
}

/// Runs the pipeline on one article, and says whether a [`Limits`] cut it short (for the run's
/// warnings).
pub fn extract_article_noting(
    article: &Article,
    limits: &Limits,
) -> (ArticleFacts, Option<Truncation>) {
    let an = analyse(article, limits);
    (facts_of(article, &an), an.truncated.clone())
}

struct ActorTable<'x> {
    actors: &'x Actors,
    text: &'x str,
    /// entity index -> local actor index
    local: BTreeMap<usize, usize>,
    out: Vec<ActorFact>,
}

impl ActorTable<'_> {
    fn actor_of(&mut self, entity: usize) -> usize {
        if let Some(&l) = self.local.get(&entity) {
            return l;
        }
        let e = &self.actors.entities[entity];
        let l = self.out.len();
        self.out.push(ActorFact {
            name: e.name.clone(),
            actor_type: e.actor_type,
            aliases: e.aliases.iter().cloned().collect(),
            title: e.title.clone(),
            affiliation: e.affiliation.clone(),
            code: e.code.clone(),
            mentions: Vec::new(),
        });
        self.local.insert(entity, l);
        l
    }

    fn by_mention(&mut self, m: usize) -> Option<ActorRef> {
        let men = &self.actors.mentions[m];
        let e = men.entity?;
        let actor = self.actor_of(e);
        let span = if men.kind == MentionKind::Name {
            men.name_span
        } else {
            men.span
        };
        let mention = span.with_text(self.text);
        if !self.out[actor].mentions.contains(&mention) {
            self.out[actor].mentions.push(mention.clone());
        }
        if men.kind != MentionKind::Pronoun {
            let alias = men.span.text(self.text).to_string();
            if !self.out[actor].aliases.contains(&alias) {
                self.out[actor].aliases.push(alias);
            }
        }
        Some(ActorRef { actor, mention })
    }
}

fn date_of(
    an: &Analysis,
    text: &str,
    sentence: usize,
    tok: usize,
) -> (Option<chrono::NaiveDate>, Option<String>) {
    match time::date_for(&an.dates, sentence, tok) {
        // a day named in another sentence is not the day of what "had" happened before it
        Some(e) if e.sentence != sentence && pluperfect(&an.doc, tok) => (None, None),
        // every fact told is past or present (planned calls are left out): a day or a stretch
        // after publication ("will travel next month, after she spoke with …") is not its time
        Some(e) if e.after_publication() => (None, None),
        Some(e) => (e.date, Some(e.span.text(text).to_string())),
        None => (None, None),
    }
}

/// Is the verb at `tok` in the past perfect ("had met", "had already spoken")? What it tells
/// lies before the time of the story, so a day carried over from an earlier sentence is not
/// its day.
fn pluperfect(doc: &Doc, tok: usize) -> bool {
    let w = doc.low(tok);
    if !(w.ends_with("ed") || matches!(w, "met" | "spoken" | "told" | "held" | "seen")) {
        return false;
    }
    let mut k = tok;
    for _ in 0..3 {
        if k == 0 {
            return false;
        }
        k -= 1;
        match doc.low(k) {
            "had" => return true,
            a if a.ends_with("ly")
                || matches!(a, "already" | "also" | "not" | "never" | "earlier" | "just") => {}
            _ => return false,
        }
    }
    false
}

/// Turns an analysis into the facts of the article.
pub fn facts_of(article: &Article, an: &Analysis) -> ArticleFacts {
    let text = article.text.as_str();
    let doc = &an.doc;
    let mut table = ActorTable {
        actors: &an.actors,
        text,
        local: BTreeMap::new(),
        out: Vec::new(),
    };
    let id = article.id.as_str();
    let sentence_span = |a: usize, b: usize| doc.sentences[a].span.cover(doc.sentences[b].span);

    let mut calls = Vec::new();
    for c in &an.calls {
        let participants: Vec<ActorRef> = c
            .participants
            .iter()
            .filter_map(|&m| table.by_mention(m))
            .collect();
        let tok = token_at(doc, c.trigger.start);
        let (date, date_text) = date_of(an, text, c.sentence, tok);
        calls.push(CallFact {
            mode: c.mode,
            participants,
            date,
            date_text,
            duration: c.duration.map(|s| s.text(text).to_string()),
            topic: c.topic.map(|s| s.text(text).to_string()),
            trigger: c.trigger.with_text(text),
            evidence: Evidence::sentence(id, doc.sentences[c.sentence].span, text),
            provenance: Provenance {
                rule: c.rule.to_string(),
                confidence: c.confidence,
            },
        });
    }

    let mut statements = Vec::new();
    for s in &an.statements {
        let speaker = s
            .speaker_tok
            .and_then(|t| an.actors.mention_index_at(t))
            .and_then(|m| table.by_mention(m));
        let mut ev = Evidence::sentence(id, sentence_span(s.sentences.0, s.sentences.1), text);
        ev.content = Some(s.content.with_text(text));
        if !s.cue.is_empty() {
            ev.cue = Some(s.cue.with_text(text));
        }
        ev.speaker_mention = s.speaker.map(|sp| sp.with_text(text));
        let tok = token_at(doc, s.content.start);
        let (date, date_text) = match time::date_for(&an.dates, s.sentences.0, tok) {
            Some(e) if e.sentence == s.sentences.0 => (e.date, Some(e.span.text(text).to_string())),
            _ => (None, None),
        };
        statements.push(StatementFact {
            speaker,
            direct: s.direct,
            text: s.content.text(text).to_string(),
            date,
            date_text,
            evidence: ev,
            provenance: Provenance {
                rule: s.rule.to_string(),
                confidence: s.confidence,
            },
        });
    }

    let mut events = Vec::new();
    for e in &an.events {
        let perpetrator = e.perpetrator.and_then(|m| table.by_mention(m));
        let location_actor = e.place_mention.and_then(|m| table.by_mention(m));
        let tok = token_at(doc, e.trigger.start);
        let (date, date_text) = date_of(an, text, e.sentence, tok);
        events.push(EventFact {
            event_type: "attack".to_string(),
            perpetrator,
            location: e.place.map(|s| s.text(text).to_string()),
            location_actor,
            killed: e.killed,
            injured: e.injured,
            date,
            date_text,
            trigger: e.trigger.with_text(text),
            evidence: Evidence::sentence(id, doc.sentences[e.sentence].span, text),
            provenance: Provenance {
                rule: e.rule.to_string(),
                confidence: e.confidence,
            },
        });
    }

    // every named actor of the article, even those in no fact, for the actor list
    for (i, m) in an.actors.mentions.iter().enumerate() {
        if m.kind == MentionKind::Name
            && !m.place
            && let Some(e) = m.entity
            && an.actors.entities[e].actor_type != ActorType::Other
        {
            let _ = table.by_mention(i);
        }
    }
    for a in &mut table.out {
        a.aliases.sort();
        a.aliases.dedup();
        a.mentions.sort();
    }
    ArticleFacts {
        article: article.meta(),
        actors: table.out,
        calls,
        statements,
        events,
    }
}

fn token_at(doc: &Doc, byte: u32) -> usize {
    doc.tokens
        .partition_point(|t| t.end <= byte)
        .min(doc.tokens.len().saturating_sub(1))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn article(text: &str) -> Article {
        Article {
            id: "a1".into(),
            published: chrono::NaiveDate::from_ymd_opt(2024, 3, 15),
            text: text.into(),
            ..Article::default()
        }
    }

    /// The speaker actor of the first statement of `text`.
    fn first_speaker(text: &str) -> ActorFact {
        let mut f = extract_article(&article(text), &Limits::default());
        let s = f.statements.first().expect("a statement");
        let i = s.speaker.as_ref().expect("a speaker").actor;
        f.actors.swap_remove(i)
    }

    #[test]
    fn facts_point_back_to_the_exact_bytes() {
        let a = article(
            "Junk line /img/x.webp)\nPortuguese Foreign Minister Tomas Velarde met Ignacia Moraga in Lisbon on Wednesday. \u{201C}It went well,\u{201D} Velarde said.",
        );
        let f = extract_article(&a, &Limits::default());
        assert_eq!(f.calls.len(), 1);
        let c = &f.calls[0];
        assert_eq!(c.date.map(|d| d.to_string()).as_deref(), Some("2024-03-13"));
        for p in &c.participants {
            assert_eq!(&a.text[p.mention.start..p.mention.end], p.mention.text);
        }
        let s = &f.statements[0];
        let content = s.evidence.content.as_ref().unwrap();
        assert_eq!(&a.text[content.start..content.end], content.text);
        assert!(s.direct);
        assert_eq!(
            f.actors[s.speaker.as_ref().unwrap().actor].name,
            "Tomas Velarde"
        );
    }

    #[test]
    fn what_had_happened_does_not_take_a_day_from_an_earlier_sentence() {
        let a = article(
            "Tomas Velarde met Ignacia Moraga on Wednesday. Velarde had already spoken with \
             Chancellor Mia Dunn by phone. Velarde also spoke with Chancellor Ola Brenn.",
        );
        let f = extract_article(&a, &Limits::default());
        let date_with = |name: &str| {
            f.calls
                .iter()
                .find(|c| {
                    c.participants
                        .iter()
                        .any(|p| f.actors[p.actor].name == name)
                })
                .map(|c| c.date.map(|d| d.to_string()))
        };
        assert_eq!(date_with("Ignacia Moraga"), Some(Some("2024-03-13".into())));
        assert_eq!(date_with("Mia Dunn"), Some(None));
        assert_eq!(date_with("Ola Brenn"), Some(Some("2024-03-13".into())));
    }

    #[test]
    fn a_time_after_publication_dates_no_fact() {
        // 2024-03-15 is a Friday; the call happened before the trip planned for next month
        let a = article(
            "Ana Dorn will travel to Peru next month, her office said on Friday, after she \
             spoke with President Tomas Velarde by phone.",
        );
        let f = extract_article(&a, &Limits::default());
        assert_eq!(f.calls.len(), 1);
        assert_eq!(f.calls[0].date, None);
        assert_eq!(f.calls[0].date_text, None);
    }

    #[test]
    fn national_agencies_and_parliaments_are_organisations() {
        for (t, name) in [
            (
                "On Monday the State Department said the talks would go on.",
                "U.S. State Department",
            ),
            ("On Monday the FBI said Ana Dorn was not a suspect.", "FBI"),
            (
                "On Monday the Knesset said the vote was delayed.",
                "Knesset",
            ),
            // issue 3: "The IMF said" at the start of a sentence made a person "IMF"
            ("The FBI said Ana Dorn was not a suspect.", "FBI"),
            (
                "The IMF said growth would slow.",
                "International Monetary Fund",
            ),
        ] {
            let a = first_speaker(t);
            assert_eq!(
                (a.name.as_str(), a.actor_type),
                (name, ActorType::Organization)
            );
        }
    }

    #[test]
    fn a_name_ending_in_a_place_word_is_a_place_unless_a_given_name_opens_it() {
        let f = extract_article(
            &article(
                "Tomas Velarde crossed the Black Sea on Monday. He said the trip was long. \
                 David Hill said the road was closed.",
            ),
            &Limits::default(),
        );
        let speakers: Vec<(&str, ActorType)> = f
            .statements
            .iter()
            .filter_map(|s| s.speaker.as_ref())
            .map(|r| {
                (
                    f.actors[r.actor].name.as_str(),
                    f.actors[r.actor].actor_type,
                )
            })
            .collect();
        assert_eq!(
            speakers,
            [
                ("Tomas Velarde", ActorType::Person),
                ("David Hill", ActorType::Person)
            ]
        );
    }

    #[test]
    fn a_vice_minister_is_one_title() {
        let f = extract_article(
            &article("Chilean Vice Foreign Minister Ana Dorn said the talks failed."),
            &Limits::default(),
        );
        let a = &f.actors[f.statements[0].speaker.as_ref().unwrap().actor];
        assert_eq!(
            (
                a.name.as_str(),
                a.title.as_deref(),
                a.affiliation.as_deref()
            ),
            ("Ana Dorn", Some("Vice Foreign Minister"), Some("Chile"))
        );
        assert_eq!(f.actors.len(), 1);
    }

    #[test]
    fn the_country_after_a_titled_name_is_its_affiliation() {
        let f = extract_article(
            &article("Prime Minister Ana Dorn of Chile met Tomas Velarde on Monday."),
            &Limits::default(),
        );
        let parts: Vec<(&str, Option<&str>)> = f.calls[0]
            .participants
            .iter()
            .map(|p| {
                let a = &f.actors[p.actor];
                (a.name.as_str(), a.affiliation.as_deref())
            })
            .collect();
        assert_eq!(
            parts,
            [("Ana Dorn", Some("Chile")), ("Tomas Velarde", None)]
        );
    }

    #[test]
    fn a_nominal_of_several_words_names_its_own_office() {
        let f = extract_article(
            &article(
                "Austrian Foreign Minister Lise Marek met Tomas Hrad. The vice president said \
                 the talks went well. The foreign minister said they did.",
            ),
            &Limits::default(),
        );
        let speakers: Vec<Option<&str>> = f
            .statements
            .iter()
            .map(|s| s.speaker.as_ref().map(|r| f.actors[r.actor].name.as_str()))
            .collect();
        assert_eq!(speakers, [None, Some("Lise Marek")]);
    }

    #[test]
    fn a_country_s_forces_and_authorities_speak() {
        let a = first_speaker("Two rockets hit the port, Chile's military said.");
        assert_eq!(
            (a.name.as_str(), a.actor_type),
            ("Military of Chile", ActorType::Organization)
        );
        let a = first_speaker("Chilean authorities said the port was closed.");
        assert_eq!(
            (a.name.as_str(), a.actor_type),
            ("Chile", ActorType::Country)
        );
    }

    #[test]
    fn without_a_published_date_dates_are_null() {
        let mut a = article("Tomas Velarde met Ignacia Moraga on Wednesday.");
        a.published = None;
        let f = extract_article(&a, &Limits::default());
        assert!(f.calls.iter().all(|c| c.date.is_none()));
    }

    #[test]
    fn a_speaker_named_by_title_and_place_is_the_office_or_its_named_holder() {
        let speaker = |t: &str| {
            let a = first_speaker(t);
            (
                a.name.clone(),
                a.actor_type,
                a.title.clone(),
                a.affiliation.clone(),
            )
        };
        let office = |n: &str, ti: &str, af: &str| {
            (
                n.to_string(),
                ActorType::Person,
                Some(ti.to_string()),
                Some(af.to_string()),
            )
        };
        assert_eq!(
            speaker("The mayor of Lorvik said the road was closed."),
            office("Mayor of Lorvik", "Mayor", "Lorvik")
        );
        assert_eq!(
            speaker("The mayor of Paris said the road was closed."),
            office("Mayor of Paris", "Mayor", "Paris")
        );
        assert_eq!(
            speaker("The French president said the talks would go on."),
            office("President of France", "President", "France")
        );
        assert_eq!(
            speaker("The Lorvik mayor said the road was closed."),
            office("Mayor of Lorvik", "Mayor", "Lorvik")
        );
        assert_eq!(
            speaker("The mayor of Lorvik, Ana Dorn, said the road was closed."),
            office("Ana Dorn", "Mayor", "Lorvik")
        );
        assert_eq!(
            speaker("Ana Dorn is the mayor of Lorvik. The mayor said the road was closed."),
            office("Ana Dorn", "Mayor", "Lorvik")
        );
        let (name, ty, _, aff) = speaker("Police in Lorvik said the road was closed.");
        assert_eq!(
            (name.as_str(), ty, aff.as_deref()),
            ("Police of Lorvik", ActorType::Organization, Some("Lorvik"))
        );
        // a capital alone still stands for its government
        assert_eq!(speaker("Paris said the talks would go on.").0, "France");
    }
}
