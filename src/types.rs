//! Shared types that travel between the pipeline stages: byte spans, articles, tokens and the
//! per-article facts that extraction hands to the graph.
//!
//! Every offset is a UTF-8 **byte** offset into the article text exactly as it was read, so a
//! span's text is always `&article.text[start..end]`, whatever cleaning decided to skip.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// A half-open byte range `[start, end)` into an article's original text.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Span {
    pub start: u32,
    pub end: u32,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Span {
        Span {
            start: start as u32,
            end: end as u32,
        }
    }
    pub fn len(self) -> usize {
        (self.end - self.start) as usize
    }
    pub fn is_empty(self) -> bool {
        self.end <= self.start
    }
    pub fn text(self, src: &str) -> &str {
        src.get(self.start as usize..self.end as usize)
            .unwrap_or("")
    }
    pub fn cover(self, other: Span) -> Span {
        Span {
            start: self.start.min(other.start),
            end: self.end.max(other.end),
        }
    }
    pub fn overlaps(self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }
    pub fn contains(self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }
    /// The owned form written to JSON: offsets plus the exact text.
    pub fn with_text(self, src: &str) -> TextSpan {
        TextSpan {
            start: self.start as usize,
            end: self.end as usize,
            text: self.text(src).to_string(),
        }
    }
}

/// SPAN of the JSON contract: `{"start", "end", "text"}`.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct TextSpan {
    pub start: usize,
    pub end: usize,
    pub text: String,
}

/// EVIDENCE of the JSON contract: the supporting sentence, and for statements the content, cue
/// and speaker mention.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Evidence {
    pub article: String,
    pub start: usize,
    pub end: usize,
    pub text: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub content: Option<TextSpan>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cue: Option<TextSpan>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub speaker_mention: Option<TextSpan>,
}

impl Evidence {
    pub fn sentence(article: &str, span: Span, src: &str) -> Evidence {
        let t = span.with_text(src);
        Evidence {
            article: article.to_string(),
            start: t.start,
            end: t.end,
            text: t.text,
            content: None,
            cue: None,
            speaker_mention: None,
        }
    }
}

/// One article as read by `ingest`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Article {
    pub id: String,
    pub title: Option<String>,
    pub published: Option<NaiveDate>,
    pub url: Option<String>,
    pub text: String,
}

/// Article metadata kept in the graph (`graph.articles` of the contract).
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct ArticleMeta {
    pub id: String,
    pub title: Option<String>,
    pub published: Option<NaiveDate>,
    pub url: Option<String>,
    /// FNV-1a hash of the text (a fingerprint for users; the same text under two ids is two
    /// publications of it, see [`crate::graph::canonical_order`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hash: Option<String>,
    /// The outlet (the URL's host) where known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
}

impl Article {
    pub fn meta(&self) -> ArticleMeta {
        ArticleMeta {
            id: self.id.clone(),
            title: self.title.clone(),
            published: self.published,
            url: self.url.clone(),
            hash: Some(format!("{:016x}", fnv1a(self.text.as_bytes()))),
            source: self.url.as_deref().and_then(url_host),
        }
    }
}

/// The host of a URL, without `www.`.
pub fn url_host(url: &str) -> Option<String> {
    let rest = url.split("://").nth(1)?;
    let host = rest.split(['/', '?', '#']).next()?;
    let host = host.strip_prefix("www.").unwrap_or(host);
    (!host.is_empty()).then(|| host.to_ascii_lowercase())
}

/// 64-bit FNV-1a: stable across platforms and versions, used for ids and text hashes.
pub fn fnv1a(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        h ^= b as u64;
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ActorType {
    Person,
    Organization,
    Country,
    Group,
    Other,
}

impl ActorType {
    pub fn as_str(self) -> &'static str {
        match self {
            ActorType::Person => "person",
            ActorType::Organization => "organization",
            ActorType::Country => "country",
            ActorType::Group => "group",
            ActorType::Other => "other",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CallMode {
    Phone,
    Video,
    InPerson,
    Unspecified,
}

impl CallMode {
    pub fn as_str(self) -> &'static str {
        match self {
            CallMode::Phone => "phone",
            CallMode::Video => "video",
            CallMode::InPerson => "in_person",
            CallMode::Unspecified => "unspecified",
        }
    }
    /// The node kind of the contract: `call` for remote conversations, `meeting` otherwise.
    pub fn kind(self) -> &'static str {
        match self {
            CallMode::Phone | CallMode::Video => "call",
            CallMode::InPerson | CallMode::Unspecified => "meeting",
        }
    }
}

/// A role seen for an actor: "Secretary General" from `first` to `last` (dates of the articles).
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Role {
    pub title: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub affiliation: Option<String>,
    pub first: Option<NaiveDate>,
    pub last: Option<NaiveDate>,
}

/// An actor as one article knows it: the union of its mentions there.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActorFact {
    pub name: String,
    pub actor_type: ActorType,
    /// Every surface form seen in the article (names, titles, metonyms, "the Ukrainian leader").
    pub aliases: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Canonical name of the country or body the actor belongs to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub affiliation: Option<String>,
    /// Lexicon code for countries and bodies ("UKR", "NATO"): the strongest merge key.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    /// Every mention span in the article (names and resolved pronouns).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub mentions: Vec<TextSpan>,
}

/// A participant of a call, or the speaker of a statement: a local actor index plus the mention.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActorRef {
    pub actor: usize,
    pub mention: TextSpan,
}

/// Provenance of a fact: the rule that produced it and how much to trust it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Provenance {
    pub rule: String,
    pub confidence: f32,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CallFact {
    pub mode: CallMode,
    pub participants: Vec<ActorRef>,
    pub date: Option<NaiveDate>,
    pub date_text: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub duration: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub topic: Option<String>,
    pub trigger: TextSpan,
    pub evidence: Evidence,
    #[serde(flatten)]
    pub provenance: Provenance,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct StatementFact {
    pub speaker: Option<ActorRef>,
    pub direct: bool,
    pub text: String,
    pub date: Option<NaiveDate>,
    pub date_text: Option<String>,
    /// Evidence whose `content`, `cue` and `speaker_mention` spans are filled.
    pub evidence: Evidence,
    #[serde(flatten)]
    pub provenance: Provenance,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct EventFact {
    pub event_type: String,
    pub perpetrator: Option<ActorRef>,
    pub location: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location_actor: Option<ActorRef>,
    pub killed: Option<u32>,
    pub injured: Option<u32>,
    pub date: Option<NaiveDate>,
    pub date_text: Option<String>,
    pub trigger: TextSpan,
    pub evidence: Evidence,
    #[serde(flatten)]
    pub provenance: Provenance,
}

/// Everything extraction found in one article: the hand-off from the per-article (map) stage to
/// the per-corpus (reduce) stage, and one line of `diplograph extract`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ArticleFacts {
    pub article: ArticleMeta,
    pub actors: Vec<ActorFact>,
    pub calls: Vec<CallFact>,
    pub statements: Vec<StatementFact>,
    pub events: Vec<EventFact>,
}
