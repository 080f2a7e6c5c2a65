//! Calls and meetings: who spoke with whom, how, and about what.
//!
//! In: the [`Doc`] and its [`Actors`]. Out: [`Call`]s with every participant's mention. Triggers
//! are verbs ("spoke with", "met", "talked to", "phoned", "received", "hosted") and nouns ("a
//! call with", "talks between", "a phone conversation with", "their meeting"); participants are
//! the subject (coordinated subjects too: "A and B discussed"), the objects after "with", "to",
//! "between", and direct objects of "met", "received", "hosted". Appeals and figures of speech
//! ("called for", "call on", "talks about", "speaks volumes") are not calls.

use crate::actors::{Actors, MentionKind};
use crate::segment::{Doc, Kind};
use crate::types::{ActorType, CallMode, Span};

#[derive(Clone, Debug)]
pub struct Call {
    pub mode: CallMode,
    /// (mention index) of each participant, in text order.
    pub participants: Vec<usize>,
    pub trigger: Span,
    pub sentence: usize,
    pub duration: Option<Span>,
    pub topic: Option<Span>,
    pub rule: &'static str,
    pub confidence: f32,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Trig {
    /// "spoke", "talked": needs "with"/"to" + a party
    SpeakWith,
    /// "met", "received", "hosted", "phoned": takes a direct object or "with"
    Transitive,
    /// noun: "call", "talks", "meeting", "conversation": takes "with"/"between"
    Noun,
    /// "discussed", "agreed" with a coordinated subject
    Joint,
}

fn trigger(doc: &Doc, i: usize) -> Option<(Trig, CallMode, &'static str)> {
    let w = doc.low(i);
    let next = if i + 1 < doc.sent(i).last {
        doc.low(i + 1)
    } else {
        ""
    };
    Some(match w {
        "spoke" | "speaks" | "speak" | "speaking" | "talked" | "talk" | "talking" | "chatted" => {
            (Trig::SpeakWith, CallMode::Unspecified, "call.spoke_with")
        }
        "talks" => {
            if matches!(next, "about" | "of" | "up" | "down" | "tough" | "big") {
                return None;
            }
            (Trig::Noun, CallMode::InPerson, "call.talks")
        }
        "met" | "meet" | "meets" | "meeting" => (Trig::Transitive, CallMode::InPerson, "call.met"),
        "meetings" => (Trig::Noun, CallMode::InPerson, "call.meeting"),
        "received" | "receives" | "hosted" | "hosts" | "welcomed" => {
            (Trig::Transitive, CallMode::InPerson, "call.received")
        }
        "phoned" | "telephoned" | "rang" | "dialed" | "dialled" => {
            (Trig::Transitive, CallMode::Phone, "call.phoned")
        }
        "call" | "calls" | "phone-call" | "conversation" | "conversations" | "teleconference"
        | "videoconference" | "video-conference" | "discussion" | "discussions"
        | "negotiations" | "summit" => {
            if matches!(next, "for" | "on" | "to" | "it" | "upon") && matches!(w, "call" | "calls")
            {
                return None;
            }
            let mode = match w {
                "call" | "calls" | "phone-call" => CallMode::Phone,
                "teleconference" | "videoconference" | "video-conference" => CallMode::Video,
                "summit" | "negotiations" => CallMode::InPerson,
                _ => CallMode::Unspecified,
            };
            (Trig::Noun, mode, "call.noun")
        }
        "discussed" | "discuss" | "discussing" | "negotiated" => {
            (Trig::Joint, CallMode::Unspecified, "call.discussed")
        }
        _ => return None,
    })
}

struct Cx<'d, 'a> {
    doc: &'d Doc<'a>,
    actors: &'d Actors,
}

impl Cx<'_, '_> {
    /// An actor mention (not a place) that starts at `i`, allowing a leading determiner.
    fn party_at(&self, i: usize, hi: usize) -> Option<usize> {
        if i >= hi {
            return None;
        }
        let mut k = i;
        if matches!(self.doc.low(k), "the" | "his" | "her" | "their") && k + 1 < hi {
            k += 1;
        }
        let m = self.actors.mention_index_at(k)?;
        let men = &self.actors.mentions[m];
        (men.entity.is_some() && men.kind != MentionKind::Demonym).then_some(m)
    }

    /// A coordinated list of parties starting at `i`: "A", "A and B", "A, B and C".
    fn parties_from(&self, i: usize, hi: usize) -> Vec<usize> {
        let d = self.doc;
        let mut out = Vec::new();
        let mut k = i;
        while let Some(m) = self.party_at(k, hi) {
            out.push(m);
            k = self.actors.mentions[m].last;
            // apposition: ", the Ukrainian leader," or ", 45," is skipped up to the next comma
            if k < hi && d.tok_text(k) == "," {
                if let Some(n) = self.party_at(k + 1, hi) {
                    k = self.actors.mentions[n].first;
                    continue;
                }
                if k + 1 < hi && d.low(k + 1) == "and" {
                    k += 2;
                    continue;
                }
                break;
            }
            if k < hi && matches!(d.low(k), "and" | "&") {
                k += 1;
                continue;
            }
            break;
        }
        out
    }

    /// Parties ending right before `i` (a coordinated subject), skipping auxiliaries.
    fn parties_before(&self, i: usize, lo: usize) -> Vec<usize> {
        let d = self.doc;
        let mut k = i;
        while k > lo
            && matches!(
                d.low(k - 1),
                "also"
                    | "has"
                    | "have"
                    | "had"
                    | "will"
                    | "would"
                    | "then"
                    | "later"
                    | "previously"
                    | "recently"
                    | "reportedly"
                    | "both"
                    | "finally"
                    | "again"
                    | "briefly"
                    | "separately"
                    | "personally"
                    | "first"
                    | "held"
                    | "last"
                    | "on"
                    | "who"
            )
        {
            if d.low(k - 1) == "who" {
                // "X, who met Y": the antecedent before the comma
                if k >= 3 && d.tok_text(k - 2) == "," {
                    k -= 2;
                    break;
                }
            }
            k -= 1;
        }
        let mut out = Vec::new();
        while k > lo {
            let Some(m) = self.actors.mention_index_at(k - 1) else {
                break;
            };
            let men = &self.actors.mentions[m];
            if men.entity.is_none() || men.kind == MentionKind::Demonym || men.place {
                break;
            }
            out.push(m);
            k = men.first;
            if k > lo && matches!(d.low(k - 1), "and" | "&") {
                k -= 1;
                if k > lo && d.tok_text(k - 1) == "," {
                    k -= 1;
                }
                continue;
            }
            if k > lo
                && d.tok_text(k - 1) == ","
                && k > lo + 1
                && self.actors.mention_index_at(k - 2).is_some()
                && !out.is_empty()
                && out.len() >= 1
            {
                // "A, B and C"
                let prev = self.actors.mention_index_at(k - 2).unwrap();
                if self.actors.mentions[prev].entity.is_some() && out.len() >= 2 {
                    k -= 1;
                    continue;
                }
            }
            break;
        }
        out.reverse();
        out
    }

    /// The subject of the clause containing `i`: parties right before it, else the subject
    /// of the nearest "said"-type clause ("Zelensky said he held a call").
    fn subject(&self, i: usize, lo: usize) -> Vec<usize> {
        // skip "held a", "had a nearly hour-long", "a phone" back to a verb
        let d = self.doc;
        let mut k = i;
        let mut steps = 0;
        while k > lo && steps < 6 {
            let w = d.low(k - 1);
            if matches!(
                w,
                "held"
                    | "had"
                    | "hold"
                    | "holds"
                    | "have"
                    | "has"
                    | "made"
                    | "make"
                    | "conducted"
                    | "joined"
            ) {
                return self.parties_before(k - 1, lo);
            }
            if d.tokens[k - 1].kind != Kind::Word
                || matches!(w, "with" | "and" | "to" | "said" | "that")
            {
                break;
            }
            k -= 1;
            steps += 1;
        }
        self.parties_before(i, lo)
    }
}

fn mode_from_context(doc: &Doc, lo: usize, hi: usize, default: CallMode) -> CallMode {
    let mut mode = default;
    for k in lo..hi {
        match doc.low(k) {
            "phone" | "telephone" | "phoned" | "telephoned" | "phone-call" => {
                return CallMode::Phone;
            }
            "video" | "videoconference" | "video-conference" | "virtually" | "virtual"
            | "teleconference" | "zoom" => mode = CallMode::Video,
            _ => {}
        }
    }
    mode
}

/// Finds the calls and meetings of a document.
pub fn extract(doc: &Doc, actors: &Actors) -> Vec<Call> {
    let cx = Cx { doc, actors };
    let mut out: Vec<Call> = Vec::new();
    for (si, sent) in doc.sentences.iter().enumerate() {
        let (lo, hi) = (sent.first, sent.last);
        for i in lo..hi {
            if doc.tokens[i].kind != Kind::Word {
                continue;
            }
            let Some((trig, default_mode, rule)) = trigger(doc, i) else {
                continue;
            };
            let next = if i + 1 < hi { doc.low(i + 1) } else { "" };
            let mut parts: Vec<usize> = Vec::new();
            match trig {
                Trig::SpeakWith => {
                    if !matches!(next, "with" | "to" | "by") {
                        continue;
                    }
                    let mut k = i + 1;
                    // "spoke by phone with"
                    if next == "by" {
                        k += 2;
                        if k >= hi || !matches!(doc.low(k), "with" | "to") {
                            continue;
                        }
                    }
                    let objs = cx.parties_from(k + 1, hi);
                    if objs.is_empty() {
                        continue;
                    }
                    parts.extend(cx.subject(i, lo));
                    parts.extend(objs);
                }
                Trig::Transitive => {
                    let mut k = i + 1;
                    if k < hi
                        && matches!(doc.low(k), "with" | "privately" | "separately" | "briefly")
                    {
                        k += 1;
                        if k < hi && doc.low(k) == "with" {
                            k += 1;
                        }
                    }
                    let objs = cx.parties_from(k, hi);
                    let subj = cx.subject(i, lo);
                    if doc.low(i) == "meeting" && subj.is_empty() {
                        // "a meeting with X" as a noun
                        parts.extend(objs.iter().copied());
                    } else {
                        parts.extend(subj.iter().copied());
                        parts.extend(objs.iter().copied());
                        // "A and B met"
                        if objs.is_empty() && subj.len() < 2 {
                            continue;
                        }
                    }
                    if matches!(doc.low(i), "welcomed") && objs.is_empty() {
                        continue;
                    }
                }
                Trig::Noun => {
                    // "a call with A and B", "talks between A and B", "talks with A"
                    let mut k = i + 1;
                    while k < hi
                        && k < i + 3
                        && !matches!(doc.low(k), "with" | "between" | "among")
                        && doc.tokens[k].kind == Kind::Word
                        && !matches!(
                            doc.low(k),
                            "on" | "about" | "over" | "in" | "for" | "and" | "to"
                        )
                    {
                        k += 1;
                    }
                    if k >= hi || !matches!(doc.low(k), "with" | "between" | "among") {
                        // "their meeting", "Putin-Xi talks"
                        continue;
                    }
                    let objs = cx.parties_from(k + 1, hi);
                    if objs.is_empty() {
                        continue;
                    }
                    if doc.low(k) != "with" {
                        parts.extend(objs);
                    } else {
                        // "talks with A and B" needs its other side in the subject
                        let subj = cx.subject(i, lo);
                        if subj.is_empty() {
                            continue;
                        }
                        parts.extend(subj);
                        parts.extend(objs);
                    }
                }
                Trig::Joint => {
                    let subj = cx.parties_before(i, lo);
                    if subj.len() < 2 {
                        continue;
                    }
                    parts.extend(subj);
                }
            }
            // distinct entities, persons or bodies; a pronoun without an antecedent is dropped
            let mut seen = Vec::new();
            parts.retain(|&m| {
                let e = actors.mentions[m].entity;
                if e.is_none() || seen.contains(&e) {
                    return false;
                }
                seen.push(e);
                true
            });
            if parts.len() < 2 {
                continue;
            }
            let mode = mode_from_context(doc, lo, hi, default_mode);
            let duration = duration_in(doc, lo, hi);
            let topic = topic_after(doc, i, hi);
            let confidence = match trig {
                Trig::SpeakWith | Trig::Transitive => 0.85,
                Trig::Noun => 0.8,
                Trig::Joint => 0.6,
            };
            out.push(Call {
                mode,
                participants: parts,
                trigger: doc.tokens[i].span(),
                sentence: si,
                duration,
                topic,
                rule,
                confidence,
            });
        }
    }
    merge_institutional(doc, actors, &mut out);
    out
}

/// "A and B discussed …" where A and B are the governments or bodies of the persons of a call
/// reported just before is the same conversation told at another level: it is folded into that
/// call instead of becoming a second one.
fn merge_institutional(doc: &Doc, actors: &Actors, calls: &mut Vec<Call>) {
    let ents = |c: &Call| -> Vec<usize> {
        c.participants
            .iter()
            .filter_map(|&m| actors.mentions[m].entity)
            .collect()
    };
    let mut keep = vec![true; calls.len()];
    for j in 0..calls.len() {
        let ej = ents(&calls[j]);
        let institutional = ej.iter().all(|&e| {
            matches!(
                actors.entities[e].actor_type,
                ActorType::Country | ActorType::Organization | ActorType::Group
            )
        });
        if !institutional {
            continue;
        }
        for i in (0..j).rev() {
            if !keep[i] {
                continue;
            }
            let pi = doc.sentences[calls[i].sentence].para;
            let pj = doc.sentences[calls[j].sentence].para;
            if pj > pi + 1 {
                break;
            }
            let codes: Vec<Option<String>> = ents(&calls[i])
                .iter()
                .map(|&e| {
                    let en = &actors.entities[e];
                    en.aff_code.clone().or_else(|| en.code.clone())
                })
                .collect();
            let covered = ej.iter().all(|&e| {
                let code = actors.entities[e].code.clone();
                code.is_some() && codes.contains(&code)
            });
            if covered {
                keep[j] = false;
                break;
            }
        }
    }
    let mut k = 0;
    calls.retain(|_| {
        k += 1;
        keep[k - 1]
    });
}

/// "a nearly hour-long call", "a 90-minute conversation", "for two hours".
fn duration_in(doc: &Doc, lo: usize, hi: usize) -> Option<Span> {
    for k in lo..hi {
        let w = doc.low(k);
        if w.ends_with("-long") || w.ends_with("-minute") || w.ends_with("-hour") {
            let mut a = k;
            if a > lo
                && matches!(
                    doc.low(a - 1),
                    "nearly" | "almost" | "about" | "roughly" | "around" | "more" | "over"
                )
            {
                a -= 1;
            }
            return Some(Span::new(
                doc.tokens[a].start as usize,
                doc.tokens[k].end as usize,
            ));
        }
        if matches!(w, "minutes" | "hours" | "hour")
            && k > lo
            && (doc.tokens[k - 1].kind == Kind::Number
                || matches!(
                    doc.low(k - 1),
                    "two" | "three" | "four" | "an" | "half" | "several"
                ))
            && k >= lo + 2
            && doc.low(k - 2) == "for"
        {
            return Some(Span::new(
                doc.tokens[k - 1].start as usize,
                doc.tokens[k].end as usize,
            ));
        }
    }
    None
}

/// The topic: what follows "on", "about", "over" or "to discuss" after the trigger, to the
/// end of the clause.
fn topic_after(doc: &Doc, i: usize, hi: usize) -> Option<Span> {
    let mut k = i + 1;
    while k < hi
        && !matches!(
            doc.low(k),
            "about" | "on" | "over" | "discuss" | "discussed" | "regarding"
        )
    {
        k += 1;
    }
    if k + 1 >= hi {
        return None;
    }
    let a = k + 1;
    let mut e = a;
    while e < hi && !matches!(doc.tok_text(e), "," | "." | ";" | ":") && e < a + 15 {
        e += 1;
    }
    // a date is not a topic
    if e <= a
        || doc.has_tag(a, |t| {
            matches!(
                t,
                crate::lexicon::Tag::Weekday(_) | crate::lexicon::Tag::Month(_)
            )
        })
    {
        return None;
    }
    Some(Span::new(
        doc.tokens[a].start as usize,
        doc.tokens[e - 1].end as usize,
    ))
}
