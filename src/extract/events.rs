//! Events: attacks and strikes with perpetrator, place, killed and injured.
//!
//! In: the [`Doc`] and its [`Actors`]. Out: [`Event`]s. A trigger ("strike", "airstrike",
//! "attack", "bombing", "shelling", "explosion", "shot dead"…) counts when its sentence has a
//! violent context (weapons, casualties, a military modifier or a place it hit); the figurative
//! attacks of politics ("attack ads", "attacked the plan") and labour strikes are left out.

use crate::actors::{Actors, MentionKind};
use crate::lexicon::Tag;
use crate::segment::{CAP, Doc, Kind};
use crate::types::{ActorType, Span};

#[derive(Clone, Debug)]
pub struct Event {
    pub trigger: Span,
    pub sentence: usize,
    pub perpetrator: Option<usize>,
    /// Place mention index (an actor mention used as a place), or a free place span.
    pub place_mention: Option<usize>,
    pub place: Option<Span>,
    pub killed: Option<u32>,
    pub injured: Option<u32>,
    pub rule: &'static str,
    pub confidence: f32,
}

/// Triggers: (word, strong). Strong triggers are attacks by themselves; weak ones need context.
fn trigger(w: &str) -> Option<bool> {
    Some(match w {
        "airstrike" | "airstrikes" | "air-strike" | "bombing" | "bombings" | "bombed"
        | "shelling" | "shelled" | "bombardment" | "bombardments" | "suicide" | "explosion"
        | "explosions" | "blast" | "blasts" | "detonated" | "exploded" | "massacre" | "ambush"
        | "ambushed" | "gunfire" | "shootings" | "shooting" | "stabbing" | "firebombing"
        | "rocket-fire" => true,
        "attack" | "attacks" | "attacked" | "attacking" | "strike" | "strikes" | "struck"
        | "raid" | "raids" | "assault" | "offensive" | "fighting" | "clashes" | "clashed"
        | "fired" | "shot" | "bomb" | "bombs" | "missile" | "missiles" | "rockets" | "rocket"
        | "drone" | "drones" | "killed" | "invasion" | "invaded" | "hit" | "battle" | "battles"
        | "fought" | "war" => false,
        _ => return None,
    })
}

const VIOLENT: &[&str] = &[
    "killed",
    "killing",
    "kills",
    "dead",
    "died",
    "deaths",
    "death",
    "wounded",
    "wounding",
    "injured",
    "injuring",
    "casualties",
    "missile",
    "missiles",
    "drone",
    "drones",
    "rocket",
    "rockets",
    "bomb",
    "bombs",
    "artillery",
    "troops",
    "soldiers",
    "militants",
    "gunmen",
    "forces",
    "military",
    "air",
    "aerial",
    "terrorist",
    "terror",
    "insurgents",
    "rebels",
    "explosive",
    "explosives",
    "gun",
    "guns",
    "weapons",
    "fighters",
    "army",
    "police",
    "civilians",
    "victims",
    "shot",
    "airstrike",
    "suicide",
    "bomber",
    "attacker",
    "attackers",
    "destroyed",
    "jihadist",
    "jihadists",
    "grenade",
    "mortar",
    "shells",
];

const FIGURATIVE_NEXT: &[&str] = &[
    "ad",
    "ads",
    "dog",
    "dogs",
    "line",
    "lines",
    "plan",
    "policy",
    "record",
    "campaign",
    "critics",
    "comments",
    "remarks",
    "media",
    "press",
    "idea",
    "proposal",
    "deal",
    "balance",
    "chord",
    "tone",
    "pose",
    "action",
    "workers",
    "committee",
    "out",
    "zone",
    "price",
    "prices",
    "rate",
    "rates",
    "back",
    "force",
    "team",
];

const LABOUR_PREV: &[&str] = &[
    "hunger",
    "general",
    "labour",
    "labor",
    "workers",
    "worker",
    "union",
    "teachers",
    "nurses",
    "doctors",
    "rail",
    "national",
    "student",
    "students",
    "staff",
    "pilots",
    "miners",
    "dockers",
    "heart",
    "panic",
    "asthma",
    "verbal",
    "political",
    "personal",
    "rhetorical",
    "lucky",
    "first",
    "pre-emptive",
    "cyber",
    "cyber-attack",
];

fn number_word(w: &str) -> Option<u32> {
    Some(match w {
        "one" | "a" | "an" => 1,
        "two" => 2,
        "three" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        "eight" => 8,
        "nine" => 9,
        "ten" => 10,
        "eleven" => 11,
        "twelve" => 12,
        "thirteen" => 13,
        "fourteen" => 14,
        "fifteen" => 15,
        "sixteen" => 16,
        "seventeen" => 17,
        "eighteen" => 18,
        "nineteen" => 19,
        "twenty" => 20,
        "thirty" => 30,
        "forty" => 40,
        "fifty" => 50,
        "dozens" | "dozen" => return None,
        "hundred" | "hundreds" => return None,
        _ => {
            let digits: String = w.chars().filter(|c| c.is_ascii_digit()).collect();
            if digits.is_empty() || digits.len() != w.chars().filter(|c| *c != ',').count() {
                return None;
            }
            return digits.parse().ok();
        }
    })
}

/// The number right before token `k` (skipping "at least", "some", "people"…).
fn count_before(doc: &Doc, k: usize, lo: usize) -> Option<u32> {
    let mut j = k;
    let mut steps = 0;
    while j > lo && steps < 6 {
        j -= 1;
        steps += 1;
        let w = doc.low(j);
        if let Some(n) = number_word(w) {
            if matches!(w, "a" | "an") {
                return None;
            }
            return Some(n);
        }
        if !matches!(
            w,
            "people"
                | "persons"
                | "civilians"
                | "were"
                | "was"
                | "have"
                | "had"
                | "been"
                | "are"
                | "is"
                | "being"
                | "least"
                | "at"
                | "soldiers"
                | "children"
                | "others"
                | "more"
                | "than"
                | "some"
                | "about"
                | "around"
                | "nearly"
                | "almost"
                | "of"
                | "them"
                | "police"
                | "officers"
                | "troops"
                | "residents"
                | "men"
                | "women"
                | "reportedly"
                | "also"
                | "killed"
                | "and"
                | "other"
                | "militants"
                | "fighters"
                | "palestinians"
                | "israelis"
                | "ukrainians"
                | "people,"
                | "policemen"
                | "members"
                | "passengers"
        ) {
            return None;
        }
    }
    None
}

/// "killing 12", "killed at least 12 people".
fn count_after(doc: &Doc, k: usize, hi: usize) -> Option<u32> {
    let mut j = k + 1;
    while j < hi && j < k + 5 {
        let w = doc.low(j);
        if let Some(n) = number_word(w) {
            if matches!(w, "a" | "an") {
                return None;
            }
            return Some(n);
        }
        if !matches!(
            w,
            "at" | "least" | "some" | "about" | "around" | "nearly" | "almost" | "more" | "than"
        ) {
            return None;
        }
        j += 1;
    }
    None
}

fn casualties(doc: &Doc, lo: usize, hi: usize, words: &[&str]) -> Option<u32> {
    let mut best: Option<u32> = None;
    for k in lo..hi {
        let w = doc.low(k);
        if words.contains(&w) {
            let n = count_before(doc, k, lo).or_else(|| {
                if w.ends_with("ing")
                    || matches!(w, "killed" | "wounded" | "injured")
                        && k + 1 < hi
                        && doc.tokens[k + 1].kind == Kind::Number
                {
                    count_after(doc, k, hi)
                } else {
                    None
                }
            });
            if let Some(n) = n {
                best = Some(best.map_or(n, |b| b.max(n)));
            }
        }
    }
    best
}

/// Finds the attacks of a document.
pub fn extract(doc: &Doc, actors: &Actors) -> Vec<Event> {
    let mut out: Vec<Event> = Vec::new();
    for (si, sent) in doc.sentences.iter().enumerate() {
        let (lo, hi) = (sent.first, sent.last);
        let violent = (lo..hi).any(|k| VIOLENT.contains(&doc.low(k)));
        for i in lo..hi {
            if doc.tokens[i].kind != Kind::Word || doc.tokens[i].is(CAP) && i != lo {
                continue;
            }
            let w = doc.low(i);
            let Some(strong) = trigger(w) else { continue };
            let prev = if i > lo { doc.low(i - 1) } else { "" };
            let next = if i + 1 < hi { doc.low(i + 1) } else { "" };
            if LABOUR_PREV.contains(&prev) || FIGURATIVE_NEXT.contains(&next) {
                continue;
            }
            if matches!(w, "strike" | "strikes")
                && (matches!(
                    next,
                    "a" | "an" | "the" | "back" | "down" | "deal" | "deals"
                ) || matches!(prev, "on" | "to" | "went"))
            {
                continue;
            }
            if matches!(w, "hit") && !matches!(next, "by") {
                continue;
            }
            if matches!(w, "killed") && !violent_subject(doc, lo, i) {
                continue;
            }
            if w == "war"
                || w == "fighting"
                || w == "battle"
                || w == "battles"
                || w == "fought"
                || w == "offensive"
            {
                // a war is a state, not an event, unless it is named by what it killed
                if !(lo..hi).any(|k| matches!(doc.low(k), "killed" | "killing" | "dead")) {
                    continue;
                }
            }
            // the attack must be physical: a violent word nearby, a strong trigger, or a place hit
            let place = place_after(doc, actors, i, hi);
            let demonym_perp = perpetrator_before(doc, actors, i, lo);
            if !strong && !violent && !(place.is_some() && demonym_perp.is_some()) {
                continue;
            }
            // figurative attacks on people's words: "attacked Clinton over her remarks"
            if matches!(w, "attack" | "attacks" | "attacked" | "attacking") && !violent {
                continue;
            }
            let killed = casualties(
                doc,
                lo,
                hi,
                &[
                    "killed", "dead", "died", "killing", "deaths", "lives", "perished",
                ],
            );
            let injured = casualties(
                doc,
                lo,
                hi,
                &["injured", "wounded", "injuring", "wounding", "hurt"],
            );
            let perp = demonym_perp.or_else(|| perpetrator_by(doc, actors, i, hi));
            let (place_mention, place_span) = match place {
                Some(Place::Mention(m)) => (Some(m), Some(actors.mentions[m].name_span)),
                Some(Place::Span(s)) => (None, Some(s)),
                None => (None, None),
            };
            let confidence = if strong && violent {
                0.85
            } else if strong || violent {
                0.7
            } else {
                0.5
            };
            // one event per sentence: a second trigger adds to the first
            if let Some(last) = out.last_mut() {
                if last.sentence == si {
                    if last.place.is_none() {
                        last.place = place_span;
                        last.place_mention = place_mention;
                    }
                    if last.perpetrator.is_none() {
                        last.perpetrator = perp;
                    }
                    continue;
                }
            }
            out.push(Event {
                trigger: doc.tokens[i].span(),
                sentence: si,
                perpetrator: perp,
                place_mention,
                place: place_span,
                killed,
                injured,
                rule: if strong {
                    "event.attack"
                } else {
                    "event.attack_context"
                },
                confidence,
            });
        }
    }
    out
}

fn violent_subject(doc: &Doc, lo: usize, i: usize) -> bool {
    (lo..i).any(|k| {
        matches!(
            doc.low(k),
            "strike"
                | "strikes"
                | "attack"
                | "attacks"
                | "bomb"
                | "bombing"
                | "blast"
                | "explosion"
                | "missile"
                | "gunmen"
                | "airstrike"
                | "shelling"
                | "militants"
                | "troops"
                | "forces"
                | "drone"
                | "rocket"
                | "soldiers"
        )
    })
}

enum Place {
    Mention(usize),
    Span(Span),
}

/// "on Ternopil", "in Kharkiv", "at a market in Aleppo": the first place after the trigger.
fn place_after(doc: &Doc, actors: &Actors, i: usize, hi: usize) -> Option<Place> {
    let mut k = i + 1;
    while k < hi && k < i + 12 {
        if matches!(
            doc.low(k),
            "on" | "in" | "at" | "near" | "against" | "across" | "outside"
        ) && k + 1 < hi
        {
            let mut j = k + 1;
            if matches!(doc.low(j), "the" | "a") && j + 1 < hi {
                j += 1;
            }
            if let Some(m) = actors.mention_index_at(j) {
                let men = &actors.mentions[m];
                let ok = match men.entity {
                    Some(e) => {
                        matches!(
                            actors.entities[e].actor_type,
                            ActorType::Country | ActorType::Other
                        ) || men.kind == MentionKind::Metonym
                    }
                    None => false,
                };
                if ok {
                    return Some(Place::Mention(m));
                }
            }
            if doc.tokens[j].is(CAP)
                && doc.tokens[j].kind == Kind::Word
                && !doc.has_tag(j, |t| {
                    matches!(t, Tag::Weekday(_) | Tag::Month(_) | Tag::Common)
                })
            {
                let mut e = j + 1;
                while e < hi && doc.tokens[e].is(CAP) && doc.tokens[e].kind == Kind::Word {
                    e += 1;
                }
                return Some(Place::Span(Span::new(
                    doc.tokens[j].start as usize,
                    doc.tokens[e - 1].end as usize,
                )));
            }
        }
        if matches!(doc.tok_text(k), "." | ";") {
            break;
        }
        k += 1;
    }
    None
}

/// "Russian strike", "Israeli airstrikes": a demonym or country right before the trigger.
fn perpetrator_before(doc: &Doc, actors: &Actors, i: usize, lo: usize) -> Option<usize> {
    let mut k = i;
    let mut steps = 0;
    while k > lo && steps < 3 {
        k -= 1;
        steps += 1;
        if let Some(m) = actors.mention_index_at(k) {
            let men = &actors.mentions[m];
            if matches!(
                men.kind,
                MentionKind::Demonym | MentionKind::Name | MentionKind::Metonym
            ) && !men.place
            {
                if let Some(e) = men.entity {
                    if actors.entities[e].actor_type != ActorType::Person {
                        return Some(m);
                    }
                }
            }
            return None;
        }
        if !matches!(
            doc.low(k),
            "recent"
                | "deadly"
                | "massive"
                | "latest"
                | "overnight"
                | "air"
                | "missile"
                | "drone"
                | "rocket"
                | "new"
                | "fresh"
                | "suspected"
                | "coordinated"
                | "combined"
                | "large-scale"
                | "major"
        ) {
            return None;
        }
    }
    None
}

/// "… by Russia", "… by Russian forces".
fn perpetrator_by(doc: &Doc, actors: &Actors, i: usize, hi: usize) -> Option<usize> {
    let mut k = i + 1;
    while k < hi && k < i + 6 {
        if doc.low(k) == "by" && k + 1 < hi {
            let j = if doc.low(k + 1) == "the" {
                k + 2
            } else {
                k + 1
            };
            if j < hi {
                if let Some(m) = actors.mention_index_at(j) {
                    if actors.mentions[m].entity.is_some() {
                        return Some(m);
                    }
                }
            }
            return None;
        }
        k += 1;
    }
    None
}
