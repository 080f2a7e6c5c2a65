//! Events: attacks and strikes with perpetrator, place, killed and injured.
//!
//! In: the [`Doc`] and its [`Actors`]. Out: [`Event`]s. A trigger ("strike", "airstrike",
//! "attack", "bombing", "shelling", "explosion", "shot dead"…) counts when its sentence has a
//! violent context (weapons, casualties, a military modifier or a place it hit); the figurative
//! attacks of politics ("attack ads", "attacked the plan") and labour strikes are left out.

use crate::actors::{Actors, MentionKind};
use crate::lexicon::Tag;
use crate::normalize::number_word;
use crate::segment::{CAP, Doc, Kind, POSSESSIVE};
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
        | "rocket-fire" | "massacres" | "massacred" | "massacring" | "bombarding" | "bombarded"
        | "bombard" | "stabbed" | "skirmish" | "skirmishes" => true,
        "detonate" | "detonates" | "detonating" | "clashing" | "beating" | "fires" | "raped"
        | "stormed" | "storming" => false,
        "attack" | "attacks" | "attacked" | "attacking" | "strike" | "strikes" | "struck"
        | "raid" | "raids" | "assault" | "offensive" | "fighting" | "clashes" | "clashed"
        | "fired" | "shot" | "bomb" | "bombs" | "missile" | "missiles" | "rockets" | "rocket"
        | "drone" | "drones" | "killed" | "invasion" | "invaded" | "hit" | "battle" | "battles"
        | "fought" | "war" | "assaults" | "assaulted" | "slaughter" | "slaughtered" | "invade"
        | "wars" | "battling" | "clash" | "conflict" | "conflicts" | "fight" | "fire" | "hits"
        | "hitting" | "altercation" | "altercations" | "scuffle" | "scuffles" | "brawl"
        | "brawls" | "coup" | "sprayed" | "threw" | "thrown" | "hurled" | "splashed" | "doused" => {
            false
        }
        _ => return None,
    })
}

/// Words that make a sentence speak of physical violence (weapons, armed men, casualties).
fn is_violent(w: &str) -> bool {
    matches!(
        w,
        "killed"
            | "killing"
            | "kills"
            | "dead"
            | "died"
            | "deaths"
            | "death"
            | "wounded"
            | "wounding"
            | "injured"
            | "injuring"
            | "casualties"
            | "missile"
            | "missiles"
            | "drone"
            | "drones"
            | "rocket"
            | "rockets"
            | "bomb"
            | "bombs"
            | "artillery"
            | "troops"
            | "soldiers"
            | "militants"
            | "gunmen"
            | "gunman"
            | "jets"
            | "warplane"
            | "warplanes"
            | "warriors"
            | "knife"
            | "knives"
            | "rifle"
            | "rifles"
            | "acid"
            | "assailant"
            | "assailants"
            | "shooter"
            | "forces"
            | "military"
            | "air"
            | "aerial"
            | "terrorist"
            | "terror"
            | "insurgents"
            | "rebels"
            | "explosive"
            | "explosives"
            | "gun"
            | "guns"
            | "weapons"
            | "fighters"
            | "army"
            | "police"
            | "civilians"
            | "victims"
            | "shot"
            | "airstrike"
            | "suicide"
            | "bomber"
            | "attacker"
            | "attackers"
            | "destroyed"
            | "jihadist"
            | "jihadists"
            | "grenade"
            | "mortar"
            | "shells"
    )
}

/// Whether token `k` (of a sentence ending at `hi`) is a violent word: "air" only as the air
/// arm of a force ("air strikes", "an air raid"), not "by air", "hot air" or "on air".
fn violent_at(doc: &Doc, k: usize, hi: usize) -> bool {
    let w = doc.low(k);
    if w == "air" {
        return k + 1 < hi && AIR_NEXT.binary_search(&doc.low(k + 1)).is_ok();
    }
    is_violent(w)
}

/// What "air" is violent before: "air strikes", "an air raid", "air power".
const AIR_NEXT: &[&str] = &[
    "assault",
    "assaults",
    "attack",
    "attacks",
    "base",
    "bases",
    "bombardment",
    "bombing",
    "bombings",
    "campaign",
    "cover",
    "defence",
    "defense",
    "defenses",
    "force",
    "forces",
    "power",
    "raid",
    "raids",
    "strike",
    "strikes",
    "support",
    "war",
];

const FIGURATIVE_NEXT: &[&str] = &[
    "chances",
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
    "cry",
    "fatigue",
    "group",
    "groups",
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
    "threat",
    "threats",
    "scare",
    "test",
    "tests",
    "testing",
    "defense",
    "defence",
    "launcher",
    "launchers",
    "program",
    "programme",
    "system",
    "systems",
    "operator",
    "operators",
    "technology",
    "warfare",
    "survivors",
    "suspect",
    "suspects",
    "shelter",
    "shelters",
    "squad",
    "sniffing",
    "crisis",
    "victim",
    "victims",
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

/// Modifiers that make a war, battle or fight a contest: "a legal battle", "the trade war", "her
/// presidential battle", "a takeover fight".
const CONTEST_PREV: &[&str] = &[
    "advertising",
    "bid",
    "bidding",
    "boardroom",
    "budget",
    "congressional",
    "console",
    "copyright",
    "court",
    "courtroom",
    "culture",
    "currency",
    "custody",
    "electoral",
    "funding",
    "ideological",
    "leadership",
    "legal",
    "legislative",
    "marketing",
    "nomination",
    "patent",
    "presidential",
    "price",
    "primary",
    "procedural",
    "product",
    "ratings",
    "re-election",
    "reelection",
    "scheduling",
    "spending",
    "succession",
    "takeover",
    "tariff",
    "trade",
    "turf",
    "uphill",
];

/// Modifiers of a labour strike: "nationwide strikes", "a 24-hour strike".
const STRIKE_PREV: &[&str] = &[
    "24-hour",
    "48-hour",
    "dock",
    "indefinite",
    "nationwide",
    "one-day",
    "postal",
    "rolling",
    "sit-down",
    "sympathy",
    "three-day",
    "token",
    "transport",
    "two-day",
    "wildcat",
];

/// Modifiers of a figurative explosion: "a traffic explosion", "the population explosion".
const GROWTH_PREV: &[&str] = &[
    "content",
    "cost",
    "costs",
    "creative",
    "data",
    "demand",
    "growth",
    "information",
    "internet",
    "jobs",
    "media",
    "online",
    "popularity",
    "population",
    "price",
    "sales",
    "social",
    "subscriber",
    "traffic",
    "user",
    "web",
];

/// What a shelling is made of: "bombarded with rockets" (not "with questions").
const MUNITIONS: &[&str] = &[
    "artillery",
    "bombs",
    "drones",
    "fire",
    "grenades",
    "missiles",
    "mortars",
    "rockets",
    "shells",
];

/// Words before "shooting" that make it the noun of an event ("the shooting", "a mass
/// shooting"), not a verb of sport or fireworks.
const SHOOTING_DET: &[&str] = &[
    "'s",
    "a",
    "deadly",
    "drive-by",
    "during",
    "fatal",
    "last",
    "latest",
    "mass",
    "of",
    "police",
    "recent",
    "school",
    "that",
    "the",
    "this",
    "\u{2019}s",
];

/// People who are the target of a physical attack ("attacks on civilians").
const PEOPLE: &[&str] = &[
    "civilians",
    "citizens",
    "people",
    "villagers",
    "residents",
    "worshippers",
    "protesters",
    "demonstrators",
    "students",
    "women",
    "children",
    "migrants",
    "refugees",
    "soldiers",
    "troops",
    "policemen",
    "christians",
    "muslims",
    "jews",
    "minorities",
    "pilgrims",
    "tourists",
    "farmers",
];

/// What follows "suicide" in a suicide attack.
const SUICIDE_NEXT: &[&str] = &[
    "bomber",
    "bombers",
    "bombing",
    "bombings",
    "attack",
    "attacks",
    "attacker",
    "attackers",
    "blast",
    "blasts",
    "car",
    "truck",
    "vest",
    "belt",
    "explosion",
    "mission",
];

/// Words saying that a weapon hit something or someone.
const IMPACT: &[&str] = &[
    "killed",
    "killing",
    "kills",
    "dead",
    "died",
    "wounded",
    "wounding",
    "injured",
    "injuring",
    "casualties",
    "hit",
    "hits",
    "struck",
    "landed",
    "exploded",
    "explosion",
    "destroyed",
    "damaged",
    "fired",
    "launched",
    "dropped",
    "targeted",
    "targeting",
    "attack",
    "attacks",
    "strike",
    "strikes",
    "detonated",
    "blast",
    "went",
    "rained",
    "pounded",
    "shot",
    "downed",
    "intercepted",
    "detonating",
    "detonate",
    "explode",
    "exploding",
    "gone",
    "planted",
    "shoot",
    "blew",
    "blown",
];

/// Words of sport, film and music, games, markets and technology, disease and natural
/// disasters: in a sentence that has them and no word of physical harm, a blast, a shot or a
/// battle is figurative ("an explosion in sales", "the striker blasted a shot", "the film was
/// shot abroad", "the fight against malaria").
const DOMAIN: &[&str] = &[
    "ace",
    "actor",
    "actors",
    "actress",
    "advertising",
    "adverts",
    "album",
    "albums",
    "audience",
    "audiences",
    "backhand",
    "bankruptcy",
    "broadband",
    "championship",
    "championships",
    "chart",
    "charts",
    "cinema",
    "cinemas",
    "coach",
    "comedy",
    "computer",
    "computers",
    "console",
    "consoles",
    "consumers",
    "cricket",
    "cup",
    "customers",
    "defender",
    "demand",
    "depicts",
    "documentary",
    "drama",
    "drinking",
    "economy",
    "email",
    "emails",
    "episode",
    "fiction",
    "film",
    "filmed",
    "filming",
    "films",
    "firms",
    "footage",
    "football",
    "forehand",
    "gadget",
    "gadgets",
    "game",
    "gamers",
    "games",
    "gaming",
    "goal",
    "goalkeeper",
    "goals",
    "golf",
    "growth",
    "hacker",
    "hackers",
    "header",
    "hunters",
    "hunting",
    "industry",
    "internet",
    "investors",
    "keeper",
    "league",
    "match",
    "matches",
    "medal",
    "midfielder",
    "movie",
    "movies",
    "music",
    "musician",
    "novel",
    "novels",
    "online",
    "pcs",
    "penalty",
    "players",
    "portrays",
    "premiere",
    "profits",
    "referee",
    "requests",
    "revenue",
    "revenues",
    "rugby",
    "sales",
    "save",
    "saves",
    "scorer",
    "season",
    "sequel",
    "servers",
    "shares",
    "simulate",
    "simulated",
    "singer",
    "sitcom",
    "smoking",
    "software",
    "song",
    "songs",
    "spam",
    "sport",
    "spyware",
    "starring",
    "striker",
    "studio",
    "studios",
    "stunt",
    "stunts",
    "subscribers",
    "substitute",
    "technology",
    "tennis",
    "tournament",
    "trilogy",
    "users",
    "vaccine",
    "virus",
    "viruses",
    "volley",
    "web",
    "website",
    "websites",
    "winger",
];

/// Diseases and natural disasters, with or without a capital: "the fight against Aids", "the
/// Tsunami struck".
const DISEASE: &[&str] = &[
    "aids",
    "blizzard",
    "cancer",
    "cyclone",
    "disease",
    "diseases",
    "earthquake",
    "flood",
    "floods",
    "fungus",
    "hurricane",
    "landslide",
    "malaria",
    "obesity",
    "poverty",
    "quake",
    "snowstorm",
    "storm",
    "storms",
    "tornado",
    "tornadoes",
    "tsunami",
    "typhoon",
];

/// Words of business, courts and elections: a battle, a fight or an assault among them is a
/// contest ("a battle in the courts", "the assault on the firm's assets").
const CONTEST: &[&str] = &[
    "assets",
    "award",
    "awards",
    "bank",
    "banks",
    "bid",
    "campaigner",
    "campaigners",
    "commons",
    "companies",
    "company",
    "court",
    "deficit",
    "election",
    "elections",
    "finances",
    "firm",
    "lawsuit",
    "lords",
    "market",
    "markets",
    "merger",
    "prize",
    "processor",
    "rival",
    "rivals",
    "takeover",
    "vote",
];

/// Words of physical harm and armed violence; unlike [`is_violent`] they exclude words that sport,
/// film and politics use too ("shot", "forces", "air", "police").
const HARD: &[&str] = &[
    "airstrike",
    "airstrikes",
    "artillery",
    "bomb",
    "bomber",
    "bombers",
    "bombs",
    "casualties",
    "civilians",
    "dead",
    "death",
    "deaths",
    "died",
    "explosive",
    "explosives",
    "grenade",
    "grenades",
    "gunman",
    "gunmen",
    "hostage",
    "hostages",
    "injured",
    "injuring",
    "insurgents",
    "jihadist",
    "jihadists",
    "killed",
    "killing",
    "kills",
    "knife",
    "knives",
    "militants",
    "missile",
    "missiles",
    "mortar",
    "mortars",
    "murder",
    "murdered",
    "rebels",
    "rifle",
    "rifles",
    "rocket",
    "rockets",
    "shells",
    "soldiers",
    "stabbed",
    "stabbing",
    "suicide",
    "terror",
    "terrorist",
    "terrorists",
    "troops",
    "warplanes",
    "wounded",
    "wounding",
];

/// Who attacks with words: "attacked by critics".
const CRITICS: &[&str] = &[
    "campaigners",
    "columnists",
    "commentators",
    "critics",
    "media",
    "ministers",
    "mps",
    "newspapers",
    "opponents",
    "opposition",
    "politicians",
    "press",
    "reviewers",
];

/// What is attacked with words: "attacked the decision", "attacked his plans".
const FIGURATIVE_OBJECT: &[&str] = &[
    "approach",
    "bill",
    "budget",
    "claims",
    "comments",
    "decision",
    "decisions",
    "handling",
    "idea",
    "judgment",
    "law",
    "legislation",
    "move",
    "package",
    "plan",
    "plans",
    "policies",
    "policy",
    "proposal",
    "proposals",
    "record",
    "reforms",
    "remarks",
    "report",
    "ruling",
    "scheme",
    "speech",
    "statement",
    "strategy",
    "verdict",
];

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
                | "shot"
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
            // "the blasts which killed more than 250 and wounded 1,000": the verb's own count
            let after = if matches!(w, "killed" | "wounded" | "injured") {
                count_after(doc, k, hi)
            } else {
                None
            };
            let n = after.or_else(|| count_before(doc, k, lo)).or_else(|| {
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
    // an article that reports a physical attack somewhere: its bare "the attack" refers to it
    // the trigger class of every token, looked up once for both passes below
    let triggers: Vec<Option<bool>> = (0..doc.tokens.len()).map(|i| trigger(doc.low(i))).collect();
    // how many violent words each sentence has, counted the first time it is asked
    let violent_counts: Vec<std::cell::OnceCell<usize>> =
        vec![std::cell::OnceCell::new(); doc.sentences.len()];
    // whether sentence `si` has a violent word other than token `i`
    let violent_besides = |si: usize, i: usize| {
        let s = &doc.sentences[si];
        let n = *violent_counts[si].get_or_init(|| {
            (s.first..s.last)
                .filter(|&k| violent_at(doc, k, s.last))
                .count()
        });
        n > usize::from(violent_at(doc, i, s.last))
    };
    let reports_attack = doc.sentences.iter().enumerate().any(|(si, s)| {
        (s.first..s.last).any(|i| triggers[i] == Some(true) && violent_besides(si, i))
    });
    for (si, sent) in doc.sentences.iter().enumerate() {
        let (lo, hi) = (sent.first, sent.last);
        // whether the sentence says something was hit (looked at only for weapon words)
        let impact = || (lo..hi).any(|k| IMPACT.contains(&doc.low(k)));
        // the sentence's trigger words first, so that the loop over every token stays small
        // and the long checks below run for triggers only
        let found: Vec<(usize, bool)> = (lo..hi)
            .filter_map(|i| {
                let strong = triggers[i]?;
                let t = &doc.tokens[i];
                (t.kind == Kind::Word && (!t.is(CAP) || i == lo || war_name(doc, i, lo)))
                    .then_some((i, strong))
            })
            .collect();
        for (i, mut strong) in found {
            let w = doc.low(i);
            let prev = if i > lo { doc.low(i - 1) } else { "" };
            let next = if i + 1 < hi { doc.low(i + 1) } else { "" };
            // the trigger word itself ("missile", "shot") is no evidence of violence
            let mut violent = violent_besides(si, i)
                || reports_attack && matches!(w, "attack" | "attacks") && anaphoric(doc, i, lo);
            // "opened fire on the crowd"
            if matches!(w, "fire" | "fires") {
                // "set fire to the embassy", "set fires to shops"
                // burning a flag or an effigy is a protest, not an attack
                let set = matches!(prev, "set" | "sets" | "setting")
                    && next == "to"
                    && !(i + 2..hi.min(i + 7)).any(|k| {
                        matches!(
                            doc.low(k),
                            "flag" | "flags" | "effigy" | "effigies" | "tyres" | "tires"
                        )
                    });
                if !(set || w == "fire" && matches!(prev, "opened" | "open" | "opening" | "opens"))
                {
                    continue;
                }
                strong = true;
            }
            if w == "shot" {
                // "a Dorn shot", "the Vale shot": a name modifies a noun
                if i >= lo + 2
                    && doc.tokens[i - 1].is(CAP)
                    && matches!(doc.low(i - 2), "a" | "the")
                    && (i + 1 >= hi
                        || doc.tokens[i + 1].kind != Kind::Word
                        || matches!(
                            next,
                            "from" | "which" | "that" | "into" | "was" | "but" | "while" | "and"
                        ))
                {
                    continue;
                }
                // "a shot at the title", "a booster shot" are nouns; "was shot", "shot dead" hurt
                if matches!(
                    prev,
                    "a" | "the"
                        | "his"
                        | "her"
                        | "their"
                        | "booster"
                        | "mug"
                        | "first"
                        | "big"
                        | "long"
                        | "parting"
                        | "good"
                        | "best"
                        | "warning"
                        | "opening"
                        | "low"
                        | "fierce"
                        | "angled"
                        | "swerving"
                        | "sweet"
                        | "powerful"
                        | "curling"
                        | "tame"
                        | "weak"
                        | "long-range"
                        | "close-range"
                ) {
                    continue;
                }
                if matches!(
                    prev,
                    "was" | "were" | "been" | "being" | "fatally" | "got" | "reportedly"
                ) || matches!(next, "dead" | "and" | "him" | "her" | "them" | "twice")
                {
                    strong = true;
                }
            }
            // "what happens when a bomb goes off?": an attack asked about is imagined
            if prev == "a"
                && (hi.saturating_sub(2).max(i + 1)..hi).any(|k| doc.tok_text(k).contains('?'))
            {
                continue;
            }
            // "a bomb went off", "two bombs had gone off": an explosion
            if matches!(w, "bomb" | "bombs")
                && (i + 1..hi.min(i + 4)).any(|k| {
                    matches!(doc.low(k), "went" | "gone" | "goes" | "go") && doc.low(k + 1) == "off"
                })
            {
                strong = true;
            }
            // "attacks on villagers": people are hit physically, unlike plans and remarks
            if matches!(w, "attack" | "attacks" | "attacked" | "attacking")
                && matches!(next, "on" | "against")
                && (i + 2..hi.min(i + 6)).any(|k| PEOPLE.contains(&doc.low(k)))
            {
                violent = true;
            }
            // "the embassy was attacked": the passive of attack is physical
            if matches!(w, "attacked" | "assaulted")
                && matches!(prev, "was" | "were" | "been" | "being")
            {
                violent = true;
            }
            // a named war is an event: "the war in Varnia", "the Kessian civil war"
            let named = matches!(
                w,
                "war"
                    | "wars"
                    | "conflict"
                    | "conflicts"
                    | "fight"
                    | "battle"
                    | "battling"
                    | "invasion"
                    | "invaded"
                    | "invade"
                    | "fighting"
                    | "fought"
                    | "assault"
                    | "assaults"
            ) && named_war(doc, actors, i, lo, hi);
            if named {
                violent = true;
            }
            // "a bombing campaign" is many attacks, "an attack campaign" is politics
            if LABOUR_PREV.contains(&prev)
                || FIGURATIVE_NEXT.contains(&next) && !(strong && next == "campaign")
            {
                continue;
            }
            // "attack helicopters", "a strike aircraft", "assault boats": a weapon named by
            // its use (the noun only: "attacked boats" hit them)
            if matches!(w, "attack" | "strike" | "assault")
                && matches!(
                    next,
                    "helicopter"
                        | "helicopters"
                        | "jet"
                        | "jets"
                        | "aircraft"
                        | "submarine"
                        | "submarines"
                        | "boat"
                        | "boats"
                        | "craft"
                        | "rifle"
                        | "rifles"
                )
            {
                continue;
            }
            // "a legal battle", "the trade war": a contest, not a fight
            if matches!(
                w,
                "war" | "wars" | "battle" | "battles" | "fight" | "fighting" | "clash" | "clashes"
            ) && CONTEST_PREV.binary_search(&prev).is_ok()
            {
                continue;
            }
            // "the cup clash with Rovers", "their league battle": a game, unless someone was
            // hurt
            if matches!(
                w,
                "clash" | "clashes" | "battle" | "battles" | "fight" | "fights"
            ) && super::calls::sports_fixture(doc, lo, hi)
                && !(lo..hi).any(|k| {
                    matches!(
                        doc.low(k),
                        "killed" | "dead" | "died" | "injured" | "wounded" | "hurt" | "arrested"
                    )
                })
            {
                continue;
            }
            // "stormed to the top of the charts", "stormed out of the room": speed, not force
            if matches!(w, "stormed" | "storming")
                && matches!(
                    next,
                    "to" | "off" | "out" | "ahead" | "back" | "home" | "past" | "clear"
                )
            {
                continue;
            }
            // "nationwide strikes": labour, not air strikes
            if matches!(w, "strike" | "strikes") && STRIKE_PREV.binary_search(&prev).is_ok() {
                continue;
            }
            // "a traffic explosion": growth
            if matches!(w, "explosion" | "explosions") && GROWTH_PREV.binary_search(&prev).is_ok() {
                continue;
            }
            // "bombarded with questions", "cosmic rays"
            if matches!(w, "bombarded" | "bombarding" | "bombard")
                && next == "with"
                && !(i + 2..hi.min(i + 5)).any(|k| MUNITIONS.binary_search(&doc.low(k)).is_ok())
            {
                continue;
            }
            // "Ode blasts the senator as a fraud": a verb of criticism after its subject
            if matches!(w, "blasts" | "blasted" | "blasting")
                && !violent
                && i > lo
                && i + 1 < hi
                && (doc.tokens[i + 1].is(CAP)
                    || matches!(next, "the" | "his" | "her" | "their" | "him" | "them"))
                && actors.mention_index_at(i - 1).is_some_and(|m| {
                    let men = &actors.mentions[m];
                    men.kind == MentionKind::Pronoun
                        || men.entity.is_some_and(|e| {
                            matches!(
                                actors.entities[e].actor_type,
                                ActorType::Person | ActorType::Organization
                            )
                        })
                })
            {
                continue;
            }
            // "fireworks shooting over the lake", "shooting wide of the goal": a verb of sport
            // or display; the event is a noun ("the shooting", "a school shooting")
            let shooting_event = violent
                || doc.tokens[i - usize::from(i > lo)].is(CAP)
                || SHOOTING_DET.contains(&prev)
                || (i >= lo + 2 && SHOOTING_DET.contains(&doc.low(i - 2)))
                || matches!(next, "incident" | "incidents" | "spree" | "rampage")
                || (next == "in" && doc.tokens.get(i + 2).is_some_and(|t| t.is(CAP)));
            if w == "shooting" && !shooting_event {
                continue;
            }
            // "an explosion in sales", "the film was shot abroad", "attacked the plan as a
            // mistake": figurative, unless the sentence speaks of physical harm
            // "attacked the decision", "attacked by critics": words, whatever else the sentence
            // says
            if matches!(w, "attack" | "attacks" | "attacked" | "attacking")
                && criticised(doc, i, hi)
            {
                continue;
            }
            if !(reports_attack && anaphoric(doc, i, lo))
                && figurative(doc, actors, i, lo, hi)
                && !(lo..hi).any(|k| {
                    k != i
                        && HARD.binary_search(&doc.low(k)).is_ok()
                        && (k == lo || !doc.tokens[k].is(CAP))
                })
            {
                continue;
            }
            // "the threat of attacks", "the possibility of an explosion": no attack took place
            if unrealised(doc, i, lo)
                || hypothetical(doc, i, lo, hi)
                || generic_plural(doc, i, lo, hi)
                || background(doc, i, lo)
                || endured(doc, i, lo)
                || trend(doc, i, hi)
            {
                continue;
            }
            // police raids on clubs and homes end in arrests, not in casualties
            if matches!(w, "raid" | "raids")
                && ((lo..hi).any(|k| doc.low(k).starts_with("arrest"))
                    || !(lo..hi).any(|k| {
                        k != i
                            && is_violent(doc.low(k))
                            && !matches!(doc.low(k), "police" | "military" | "forces" | "army")
                    }))
            {
                continue;
            }
            // a war or a conflict is a state of affairs, not an attack: "the war in Varnia",
            // "the Kessian conflict"; only a war waged on someone counts ("war with Osteria")
            if matches!(w, "war" | "wars" | "conflict" | "conflicts")
                && !matches!(next, "with" | "between")
            {
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
            // "hit by a shell"; "hits a protester", "hit him": a blow to a person
            if matches!(w, "hit" | "hits" | "hitting")
                && !(w == "hit" && next == "by" || hits_a_person(doc, i + 1, hi))
            {
                continue;
            }
            // "an accidental explosion", "a gas blast": no one attacked
            if matches!(
                w,
                "explosion" | "explosions" | "blast" | "blasts" | "exploded"
            ) && matches!(
                prev,
                "accidental" | "accidentally" | "gas" | "boiler" | "volcanic" | "industrial"
            ) {
                continue;
            }
            // "the boat deflated or exploded and forty drowned", "a gas leak explosion", "an
            // explosion in the refinery's boiler", "the rocket exploded after liftoff", "an
            // underground nuclear test blast": an accident or a test, when nothing in the
            // sentence speaks of a weapon or an attacker
            if matches!(
                w,
                "explosion" | "explosions" | "blast" | "blasts" | "exploded"
            ) && (lo..hi).any(|k| {
                matches!(
                    doc.low(k),
                    "accident"
                        | "accidental"
                        | "accidentally"
                        | "drowned"
                        | "drown"
                        | "leak"
                        | "leaking"
                        | "malfunction"
                        | "faulty"
                        | "fireworks"
                        | "mine-shaft"
                        | "methane"
                        | "refinery"
                        | "boiler"
                        | "furnace"
                        | "colliery"
                        | "coal"
                        | "miners"
                        | "liftoff"
                        | "lift-off"
                        | "takeoff"
                        | "take-off"
                        | "test"
                        | "tests"
                        | "testing"
                )
            }) && !(lo..hi).any(|k| {
                matches!(
                    doc.low(k),
                    "bomb"
                        | "bombs"
                        | "bomber"
                        | "bombers"
                        | "bombing"
                        | "attack"
                        | "attacks"
                        | "attacker"
                        | "attackers"
                        | "militants"
                        | "explosives"
                        | "explosive"
                        | "suicide"
                        | "rocket"
                        | "rockets"
                        | "missile"
                        | "missiles"
                        | "grenade"
                        | "grenades"
                        | "terror"
                        | "terrorist"
                        | "terrorists"
                        | "gunmen"
                        | "device"
                        | "insurgents"
                        | "rebels"
                        | "shelling"
                        | "airstrike"
                        | "airstrikes"
                )
            }) {
                continue;
            }
            // "perhaps a military coup", "a coup could follow": a coup feared, not staged
            if w == "coup"
                && (i.saturating_sub(4).max(lo)..(i + 3).min(hi)).any(|k| {
                    matches!(
                        doc.low(k),
                        "perhaps"
                            | "possibly"
                            | "possible"
                            | "potential"
                            | "could"
                            | "might"
                            | "may"
                            | "would"
                    )
                })
            {
                continue;
            }
            // "sprayed acid on her face", "threw acid at them"
            if matches!(
                w,
                "sprayed" | "threw" | "thrown" | "hurled" | "splashed" | "doused"
            ) {
                if !(i + 1..hi.min(i + 4)).any(|k| doc.low(k) == "acid") {
                    continue;
                }
                strong = true;
            }
            // "physical altercations", "violent scuffles": a fight, not an argument
            if matches!(
                w,
                "altercation" | "altercations" | "scuffle" | "scuffles" | "brawl" | "brawls"
            ) && matches!(prev, "physical" | "violent")
            {
                strong = true;
            }
            if matches!(w, "killed") && !violent_subject(doc, lo, i) {
                continue;
            }
            // "the storm that struck the coast", "an earthquake hit": nature, however many died
            if matches!(
                w,
                "struck" | "strike" | "strikes" | "hit" | "hits" | "hitting" | "battered"
            ) && (i.saturating_sub(3).max(lo)..i)
                .any(|k| DISEASE.binary_search(&doc.low(k)).is_ok())
            {
                continue;
            }
            // "cattle sent for slaughter", "slaughtered chickens": butchery, not a massacre
            if matches!(w, "slaughter" | "slaughtered")
                && (lo..hi).any(|k| {
                    matches!(
                        doc.low(k),
                        "cattle"
                            | "livestock"
                            | "animals"
                            | "animal"
                            | "pigs"
                            | "sheep"
                            | "cows"
                            | "chickens"
                            | "poultry"
                            | "birds"
                            | "goats"
                            | "abattoir"
                            | "abattoirs"
                            | "slaughterhouse"
                            | "slaughterhouses"
                            | "halal"
                            | "kosher"
                            | "meat"
                            | "beef"
                    )
                })
            {
                continue;
            }
            // "suicide" alone is self-harm: only the suicide bombing is an attack
            if w == "suicide" && !SUICIDE_NEXT.contains(&next) {
                continue;
            }
            // a weapon is an attack only when it hits something: "a missile test" is not
            if matches!(
                w,
                "bomb"
                    | "bombs"
                    | "missile"
                    | "missiles"
                    | "rocket"
                    | "rockets"
                    | "drone"
                    | "drones"
            ) && !impact()
            {
                continue;
            }
            // "the war on drugs", "a war of words"
            if matches!(w, "war" | "wars" | "battle" | "battles" | "fight")
                && matches!(next, "on" | "of" | "over" | "for")
                && !(i + 2 < hi && doc.tokens[i + 2].is(CAP))
            {
                continue;
            }
            if matches!(
                w,
                "war"
                    | "wars"
                    | "conflict"
                    | "conflicts"
                    | "fight"
                    | "fighting"
                    | "battle"
                    | "battles"
                    | "battling"
                    | "fought"
                    | "offensive"
            ) {
                // a war is a state, not an event, unless it is named by what it killed, or armed
                // men fight against someone ("rebels battling against an army offensive")
                let armed_against = matches!(w, "battling" | "fighting" | "fought")
                    && (i + 1..hi.min(i + 8)).any(|k| doc.low(k) == "against")
                    && (lo..hi).any(|k| {
                        matches!(
                            doc.low(k),
                            "troops"
                                | "forces"
                                | "rebels"
                                | "militants"
                                | "fighters"
                                | "soldiers"
                                | "army"
                                | "militia"
                                | "militias"
                        )
                    });
                if !named
                    && !armed_against
                    && !(lo..hi).any(|k| matches!(doc.low(k), "killed" | "killing" | "dead"))
                {
                    continue;
                }
            }
            // the attack must be physical: a violent word nearby, a strong trigger, or a place hit
            // "After the attack, hospitals across Varnia…": a mention of a known attack takes
            // its place only from its own phrase
            // ("the assault on the depot opened a push into Varnia": the place
            // after its verb is another's)
            let place = if anaphoric(doc, i, lo) {
                let stop = (i + 1..hi)
                    .find(|&k| {
                        matches!(doc.tok_text(k), "," | ";" | ":")
                            || matches!(
                                doc.low(k),
                                "was"
                                    | "were"
                                    | "is"
                                    | "are"
                                    | "has"
                                    | "have"
                                    | "had"
                                    | "will"
                                    | "would"
                                    | "came"
                                    | "comes"
                                    | "prompted"
                                    | "sparked"
                                    | "triggered"
                                    | "drew"
                                    | "led"
                                    | "raised"
                                    | "followed"
                                    | "marked"
                            )
                    })
                    .unwrap_or(hi);
                place_between(doc, actors, i + 1, stop.min(i + 20), hi)
            } else if blamed_on(doc, i, lo, hi) {
                // "blamed the attacks on the Varnian army": the culprit, not the place
                let on = (i + 1..hi).find(|&k| doc.low(k) == "on").unwrap_or(hi);
                place_between(doc, actors, i + 1, on, hi)
            } else {
                place_after(doc, actors, i, lo, hi)
            };
            let mut demonym_perp = perpetrator_before(doc, actors, i, lo);
            // "the Dorvan bombings": a city named before the attack is where it happened, not
            // the government that the city's name can stand for
            let place = match demonym_perp {
                Some(m) if city_modifier(doc, actors, m, i) => {
                    demonym_perp = None;
                    Some(Place::Mention(m))
                }
                _ => place,
            };
            if !(strong || violent || place.is_some() && demonym_perp.is_some()) {
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
            // "a guard was shot dead", "shooting dead a burglar": one person killed
            let killed = killed.or_else(|| {
                (lo + 1..hi.saturating_sub(1))
                    .find(|&k| {
                        matches!(doc.low(k), "shot" | "shooting")
                            && doc.low(k + 1) == "dead"
                            && (doc.low(k - 1) == "was"
                                || k + 2 < hi && matches!(doc.low(k + 2), "a" | "an"))
                    })
                    .map(|_| 1)
            });
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
            if let Some(last) = out.last_mut()
                && last.sentence == si
            {
                if last.place.is_none() {
                    last.place = place_span;
                    last.place_mention = place_mention;
                }
                if last.perpetrator.is_none() {
                    last.perpetrator = perp;
                }
                continue;
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
    share_places(&mut out);
    // no attack of the article names a place to share: each takes the place named in the
    // sentence before, in the same paragraph ("Shells fell on Dravik. The bombardment lasted
    // all night.")
    for e in out.iter_mut().filter(|e| e.place.is_none()) {
        let si = e.sentence;
        if si > 0 && doc.sentences[si - 1].para == doc.sentences[si].para {
            let ps = &doc.sentences[si - 1];
            match place_between(doc, actors, ps.first, ps.last, ps.last) {
                Some(Place::Mention(m)) => {
                    e.place = Some(actors.mentions[m].name_span);
                    e.place_mention = Some(m);
                }
                Some(Place::Span(s)) => e.place = Some(s),
                None => {}
            }
        }
    }
    out
}

/// "blamed the bombing on rebels", "blaming two raids on the army": the attack is the object
/// of "blame" (not "blamed for the attack") and its "on" names who did it.
fn blamed_on(doc: &Doc, i: usize, lo: usize, hi: usize) -> bool {
    (i.saturating_sub(4).max(lo)..i).any(|k| {
        matches!(doc.low(k), "blame" | "blamed" | "blames" | "blaming")
            && !(k + 1..i).any(|x| matches!(doc.low(x), "for" | "," | "and"))
    }) && (i + 1..hi.min(i + 3)).any(|k| doc.low(k) == "on")
}

/// "the threat of attacks", "the possibility of an explosion", "to prevent bombings", "such as
/// an explosion": the attack is feared, prevented or one of several options, not reported.
fn unrealised(doc: &Doc, i: usize, lo: usize) -> bool {
    let from = i.saturating_sub(4).max(lo);
    (from..i).any(|k| {
        let w = doc.low(k);
        let next = doc.low(k + 1);
        matches!(
            w,
            "prevent" | "prevents" | "preventing" | "prevention" | "avert" | "averting" | "deter"
        ) || next == "of"
            && matches!(
                w,
                "threat"
                    | "threats"
                    | "risk"
                    | "risks"
                    | "fear"
                    | "fears"
                    | "possibility"
                    | "danger"
                    | "dangers"
                    | "prospect"
                    | "spectre"
                    | "specter"
                    | "case"
                    | "event"
            )
            || w == "such" && next == "as" && matches!(doc.low(k + 2), "a" | "an")
    })
}

/// Whether trigger `i` is figurative by its words and those of its sentence (the caller checks
/// that no word of physical harm contradicts it): a domain of sport, film, markets or technology
/// ("the striker blasted a shot", "bombarded the site with data"), a contest ("a battle in the
/// courts"), a bombardment with no munitions ("bombarded by fans"), a growth ("an explosion in
/// sales"), a good time ("it was a blast"), a criticism ("attacked the plan as a mistake").
fn figurative(doc: &Doc, actors: &Actors, i: usize, lo: usize, hi: usize) -> bool {
    let w = doc.low(i);
    let prev = if i > lo { doc.low(i - 1) } else { "" };
    let next = if i + 1 < hi { doc.low(i + 1) } else { "" };
    // lowercase words only: "The Game" may be a name
    let any = |list: &[&str]| {
        (lo..hi).any(|k| {
            k != i && (k == lo || !doc.tokens[k].is(CAP)) && list.binary_search(&doc.low(k)).is_ok()
        })
    };
    // fans fighting are fighting; "a mass shooting" and "air strikes" are attacks in any
    // sentence
    let physical = matches!(next, "incident" | "incidents" | "spree" | "rampage")
        || matches!(
            prev,
            "mass"
                | "school"
                | "fatal"
                | "deadly"
                | "drive-by"
                | "terror"
                | "terrorist"
                | "suicide"
        )
        || matches!(
            w,
            "airstrike"
                | "airstrikes"
                | "air-strike"
                | "shelling"
                | "shelled"
                | "massacre"
                | "massacres"
                | "massacred"
                | "gunfire"
                | "rocket-fire"
                | "firebombing"
                | "suicide"
                | "sprayed"
                | "threw"
                | "thrown"
                | "hurled"
                | "splashed"
                | "doused"
                | "altercation"
                | "altercations"
                | "scuffle"
                | "scuffles"
                | "brawl"
                | "brawls"
        )
        || (i.saturating_sub(4).max(lo)..i).any(|k| {
            matches!(
                doc.low(k),
                "fans" | "supporters" | "hooligans" | "ultras" | "spectators"
            )
        }) && !matches!(w, "bombard" | "bombarded" | "bombarding")
        || person_hurt(doc, actors, i, lo);
    // "the Tsunami struck", "the fight against Aids": capitals allowed
    if !physical
        && (any(DOMAIN)
            || (lo..hi).any(|k| k != i && DISEASE.binary_search(&doc.low(k)).is_ok())
            // "special effects"
            || (lo + 1..hi).any(|k| {
                matches!(doc.low(k), "effect" | "effects") && doc.low(k - 1) == "special"
            }))
    {
        return true;
    }
    // "the battle with Orvell Corp", "an assault on Dunmore Holdings Plc": a company is fought
    // over in markets and courts
    if matches!(
        w,
        "battle"
            | "battles"
            | "fight"
            | "war"
            | "wars"
            | "assault"
            | "conflict"
            | "clash"
            | "skirmish"
    ) && (i + 1..hi.min(i + 10)).any(|k| {
        matches!(
            doc.low(k).trim_end_matches('.'),
            "inc" | "corp" | "co" | "ltd" | "plc" | "llc" | "corporation"
        ) && doc.tokens[k].is(CAP)
    }) {
        return true;
    }
    // "a clash with the awards ceremony": two dates, not two sides
    if matches!(w, "clash" | "clashes") && next == "with" {
        let mut k = i + 2;
        while k < hi.min(i + 9)
            && !matches!(
                doc.low(k),
                "in" | "at" | "during" | "on" | "near" | "outside" | "after" | "before" | ","
            )
        {
            if matches!(
                doc.low(k),
                "ceremony"
                    | "ceremonies"
                    | "schedule"
                    | "fixture"
                    | "fixtures"
                    | "concert"
                    | "festival"
                    | "premiere"
                    | "deadline"
            ) {
                return true;
            }
            k += 1;
        }
    }
    // "Saturday's clash against Rovers", "clashed with a campaigner": a game, a dispute
    if matches!(w, "clash" | "clashed") && (next == "against" || !physical && any(CONTEST)) {
        return true;
    }
    if !physical
        && matches!(
            w,
            "battle"
                | "battles"
                | "battling"
                | "fight"
                | "fighting"
                | "fought"
                | "conflict"
                | "conflicts"
                | "war"
                | "assault"
                | "assaults"
        )
        && any(CONTEST)
    {
        return true;
    }
    // "bombarded by fans", "bombard users with adverts": bombarded with or by no munitions
    // and no armed force
    if matches!(w, "bombard" | "bombarded" | "bombarding")
        && (i + 1..hi.min(i + 6)).any(|k| {
            matches!(doc.low(k), "with" | "by")
                && !(k + 1..hi.min(k + 4)).any(|x| {
                    MUNITIONS.binary_search(&doc.low(x)).is_ok()
                        || matches!(
                            doc.low(x),
                            "troops"
                                | "forces"
                                | "army"
                                | "military"
                                | "warplanes"
                                | "jets"
                                | "planes"
                                | "aircraft"
                                | "navy"
                                | "government"
                                | "regime"
                                | "rebels"
                                | "militants"
                                | "artillery"
                        )
                })
        })
    {
        return true;
    }
    // "an absolute explosion", "has been an absolute blast"
    if matches!(w, "explosion" | "explosions" | "blast" | "blasts") && prev == "absolute" {
        return true;
    }
    // "location shooting": filming
    if w == "shooting" && prev == "location" {
        return true;
    }
    // "blast a shot", "blasts the ball": a kick or a hit in a game
    if matches!(w, "blast" | "blasts" | "blasted" | "blasting")
        && (i + 1..hi.min(i + 3)).any(|k| matches!(doc.low(k), "shot" | "ball" | "ace"))
    {
        return true;
    }
    // "an explosion in consumer spending", "an explosion of interest"; not "an explosion in a
    // market", "in central Dorvan", "in downtown Dorvan"
    if matches!(w, "explosion" | "explosions")
        && matches!(next, "in" | "of")
        && i + 2 < hi
        && (matches!(doc.low(i + 2), "them" | "it")
            || doc.tokens[i + 2].kind == Kind::Word && !doc.tokens[i + 2].is(CAP))
        && !matches!(
            doc.low(i + 2),
            "a" | "an" | "the" | "this" | "that" | "his" | "her" | "their" | "its"
        )
        && number_word(doc.low(i + 2)).is_none()
        && !PLACE_NOUNS.contains(&doc.low(i + 2))
        && !(i + 3 < hi && doc.tokens[i + 3].is(CAP))
    {
        return true;
    }
    // "a myth to be exploded"
    let before_quote =
        if i > lo + 1 && !doc.tokens[i - 1].is(CAP) && !prev.chars().any(char::is_alphanumeric) {
            doc.low(i - 2)
        } else {
            prev
        };
    if w == "exploded" && matches!(before_quote, "be" | "been") {
        return true;
    }
    // "a cold blast", "it was a blast", "has been an absolute blast"
    if matches!(w, "blast" | "blasts") {
        if matches!(prev, "cold" | "icy" | "arctic" | "chilly" | "wintry") {
            return true;
        }
        let mut k = i;
        if k > lo + 1 && !matches!(prev, "a" | "an") {
            k -= 1;
        }
        if k > lo + 1
            && matches!(doc.low(k - 1), "a" | "an")
            && matches!(
                doc.low(k - 2),
                "is" | "was" | "been" | "be" | "'s" | "\u{2019}s"
            )
        {
            return true;
        }
    }
    // "blasts officials", "blasted the referee": criticism
    if matches!(w, "blasts" | "blasted")
        && (i + 1..hi.min(i + 3)).any(|k| {
            CRITICS.binary_search(&doc.low(k)).is_ok()
                || matches!(
                    doc.low(k),
                    "officials" | "referee" | "referees" | "rivals" | "government" | "bosses"
                )
        })
    {
        return true;
    }
    false
}

/// "a man was shot", "she had been assaulted": a person hurt, not a film shot.
fn person_hurt(doc: &Doc, actors: &Actors, i: usize, lo: usize) -> bool {
    if !matches!(doc.low(i), "shot" | "stabbed" | "assaulted" | "beaten") || i < lo + 2 {
        return false;
    }
    let mut k = i - 1;
    if !matches!(doc.low(k), "was" | "were" | "been" | "being") {
        return false;
    }
    while k > lo
        && matches!(
            doc.low(k - 1),
            "was"
                | "were"
                | "been"
                | "being"
                | "has"
                | "have"
                | "had"
                | "both"
                | "also"
                | "reportedly"
        )
    {
        k -= 1;
    }
    if k == lo {
        return false;
    }
    let s = k - 1;
    matches!(
        doc.low(s),
        "he" | "she"
            | "they"
            | "i"
            | "we"
            | "you"
            | "man"
            | "woman"
            | "boy"
            | "girl"
            | "men"
            | "women"
            | "member"
            | "officer"
            | "guard"
    ) || actors
        .mention_index_at(s)
        .and_then(|m| actors.mentions[m].entity)
        .is_some_and(|e| actors.entities[e].actor_type == ActorType::Person)
}

/// "attacked the decision", "attacked by critics", "attacked the law as unfair": an attack with
/// words.
fn criticised(doc: &Doc, i: usize, hi: usize) -> bool {
    let mut j = i + 1;
    if j < hi
        && matches!(
            doc.low(j),
            "the" | "his" | "her" | "their" | "its" | "this" | "these" | "a" | "an"
        )
    {
        j += 1;
    }
    // "attacked the new decision"
    if j + 1 < hi
        && !FIGURATIVE_OBJECT.contains(&doc.low(j))
        && FIGURATIVE_OBJECT.contains(&doc.low(j + 1))
        && doc.tokens[j].kind == Kind::Word
        && !doc.tokens[j].is(CAP)
    {
        j += 1;
    }
    if j < hi
        && FIGURATIVE_OBJECT.binary_search(&doc.low(j)).is_ok()
        && (j + 1 >= hi
            || doc.tokens[j + 1].kind != Kind::Word
            || matches!(
                doc.low(j + 1),
                "by" | "of" | "for" | "as" | "over" | "and" | "that" | "which" | "to" | "in" | "on"
            ))
    {
        return true;
    }
    (i + 1..hi.min(i + 12)).any(|k| {
        let w = doc.low(k);
        let next = if k + 1 < hi { doc.tok_text(k + 1) } else { "" };
        // "as a fraud", "as too little", "as \"a disgrace\""
        w == "as"
            && (matches!(next, "a" | "an" | "too" | "being")
                || next.starts_with(['"', '\'', '\u{201c}', '\u{2018}']))
            // "by critics", "by the press", "by the national press"
            || w == "by"
                && (k + 1..hi.min(k + 4))
                    .take_while(|&x| doc.tokens[x].kind == Kind::Word)
                    .any(|x| CRITICS.binary_search(&doc.low(x)).is_ok())
    })
}

/// "could have been shot", "troops will attack", "a possible attack", "people plotting attacks",
/// "free from attack", "a bombing could happen": an attack imagined, planned or feared.
fn hypothetical(doc: &Doc, i: usize, lo: usize, hi: usize) -> bool {
    let mut k = i;
    let mut steps = 0;
    while k > lo && steps < 6 {
        k -= 1;
        steps += 1;
        let w = doc.low(k);
        if doc.tokens[k].kind != Kind::Word
            || matches!(
                w,
                "that"
                    | "which"
                    | "who"
                    | "when"
                    | "after"
                    | "because"
                    | "and"
                    | "but"
                    | "said"
                    | "says"
                    | "while"
                    | "as"
                    | "since"
                    | "before"
                    | "until"
            )
        {
            break;
        }
        if matches!(
            w,
            "could"
                | "would"
                | "might"
                | "can"
                | "cannot"
                | "should"
                | "must"
                | "will"
                | "shall"
                | "may"
                | "couldn't"
                | "wouldn't"
                | "won't"
        ) {
            // "may have been shot": a guess about what did happen; "will cooperate in the
            // fight", "will not stop bombing": the modal governs another verb
            return !(matches!(w, "may" | "might" | "must") && doc.low(k + 1) == "have")
                && (k + 1..i).all(|x| {
                    let v = doc.low(x);
                    matches!(
                        v,
                        "not"
                            | "n't"
                            | "have"
                            | "been"
                            | "be"
                            | "being"
                            | "also"
                            | "even"
                            | "still"
                            | "never"
                            | "ever"
                            | "or"
                            | "injured"
                            | "wounded"
                            | "hurt"
                            | "killed"
                    ) || v.ends_with("ly")
                });
        }
        // "a coup is going to happen", "they were going to attack"
        if w == "going" && doc.low(k + 1) == "to" && (k + 2 == i || doc.low(k + 2) == "be") {
            return true;
        }
        if matches!(
            w,
            "possible"
                | "potential"
                | "future"
                | "planned"
                | "hypothetical"
                | "imminent"
                | "would-be"
                | "plotting"
                | "plotted"
                | "planning"
                | "plan"
                | "plans"
                | "plot"
                | "plots"
                | "preparing"
                | "tolerate"
                | "nuclear"
                | "need"
                | "needs"
                | "prepared"
                | "threaten"
                | "threatened"
                | "threatening"
                | "vowed"
                | "vow"
                | "vows"
                | "incite"
                | "incites"
                | "inciting"
        ) || w == "from" && k > lo && doc.low(k - 1) == "free"
        {
            return true;
        }
    }
    (i + 1..hi.min(i + 4)).any(|k| {
        matches!(doc.low(k), "could" | "would" | "will" | "might" | "may")
            && k + 1 < hi
            && matches!(doc.low(k + 1), "happen" | "take" | "occur")
    })
}

/// "troops contend with roadside bombs and ambushes", "villagers who routinely face raids":
/// dangers endured or habits, not an attack reported.
fn endured(doc: &Doc, i: usize, lo: usize) -> bool {
    let from = i.saturating_sub(14).max(lo);
    (from..i).any(|k| {
        let w = doc.low(k);
        (matches!(
            w,
            "contend" | "contends" | "contending" | "cope" | "copes" | "coping" | "grapple"
        ) && doc.low(k + 1) == "with"
            // "warplanes continue to carry out strikes"
            || matches!(w, "continue" | "continues") && doc.low(k + 1) == "to" && i <= k + 5
            || matches!(
                w,
                "routinely" | "regularly" | "frequently" | "often" | "usually" | "habitually"
            ))
            && !(k + 1..i).any(|x| {
                matches!(
                    doc.low(x),
                    ";" | "when" | "after" | "because" | "while" | "before"
                ) || doc.low(x) == "as" && doc.low(x + 1) != "well"
            })
    })
}

/// "attacks on migrants have surged", "bombings rose sharply": a trend, not an attack.
fn trend(doc: &Doc, i: usize, hi: usize) -> bool {
    matches!(
        doc.low(i),
        "attacks" | "bombings" | "shootings" | "assaults" | "raids" | "stabbings"
    ) && (i + 1..hi.min(i + 8)).any(|k| {
        matches!(
            doc.low(k),
            "surged"
                | "risen"
                | "rose"
                | "increased"
                | "declined"
                | "dropped"
                | "fell"
                | "fallen"
                | "grown"
                | "grew"
                | "mounted"
                | "multiplied"
        ) && matches!(
            doc.low(k - 1),
            "has" | "have" | "had" | "sharply" | "steadily"
        ) || matches!(
            doc.low(k),
            "surged" | "soared" | "spiked" | "doubled" | "tripled"
        )
    })
}

/// "refugees fleeing the wars and massacres", "the number of acid attacks": violence as the
/// background of a story or a statistic, not an attack reported.
fn background(doc: &Doc, i: usize, lo: usize) -> bool {
    let from = i.saturating_sub(4).max(lo);
    (from..i).any(|k| {
        (matches!(doc.low(k), "fleeing" | "flee" | "flees" | "fled")
            || doc.low(k) == "number" && doc.low(k + 1) == "of")
            // within one phrase: not "fled the city when troops invaded"
            && !(k + 1..i).any(|x| {
                matches!(
                    doc.low(x),
                    "," | "when" | "as" | "after" | "because" | "while" | "before" | "until"
                )
            })
    })
}

/// "lives lost in terror attacks", "the rise of bombings": a bare plural after a preposition,
/// with no determiner, number, target, place or agent, speaks of attacks in general.
fn generic_plural(doc: &Doc, i: usize, lo: usize, hi: usize) -> bool {
    if !matches!(
        doc.low(i),
        "attacks" | "bombings" | "shootings" | "massacres" | "assaults" | "raids" | "strikes"
    ) {
        return false;
    }
    if i + 1 < hi
        && (matches!(
            doc.low(i + 1),
            "on" | "against"
                | "in"
                | "at"
                | "near"
                | "by"
                | "that"
                | "which"
                | "targeting"
                | "carried"
                | "launched"
                | "killed"
                | "killing"
                | "this"
                | "last"
                | "since"
                | "across"
                | "throughout"
                | "inside"
                | "of"
        ) || doc.tokens[i + 1].kind == Kind::Number)
    {
        return false;
    }
    let mut k = i;
    let mut steps = 0;
    while k > lo && steps < 4 {
        k -= 1;
        steps += 1;
        let w = doc.low(k);
        if doc.tokens[k].kind != Kind::Word {
            return false;
        }
        if matches!(
            w,
            "in" | "of" | "from" | "to" | "against" | "about" | "for" | "with"
        ) {
            return true;
        }
        if matches!(
            w,
            "the"
                | "a"
                | "an"
                | "this"
                | "these"
                | "those"
                | "their"
                | "its"
                | "his"
                | "her"
                | "our"
                | "several"
                | "multiple"
                | "two"
                | "three"
                | "recent"
                | "latest"
                | "weekend"
                | "overnight"
                | "coordinated"
                | "twin"
        ) || w.ends_with("'s")
            || w.ends_with("\u{2019}s")
            || number_word(w).is_some()
            || doc.has_tag(k, |t| matches!(t, Tag::Weekday(_) | Tag::Month(_)))
        {
            return false;
        }
    }
    false
}

/// One attack is usually reported in several sentences of an article ("A car bomb exploded in
/// Varnok on Friday. ... The blast also damaged a school."): a mention that names no place of
/// its own takes the place of the nearest mention before it (or, in a headline or lede that
/// comes first, of the first one after it), so that the graph merges them into one event.
fn share_places(out: &mut [Event]) {
    let mut last: Option<(Option<usize>, Span)> = None;
    let first_known = out
        .iter()
        .find_map(|e| e.place.map(|s| (e.place_mention, s)));
    for e in out.iter_mut() {
        match e.place {
            Some(s) => last = Some((e.place_mention, s)),
            None => {
                if let Some((m, s)) = last.or(first_known) {
                    e.place = Some(s);
                    e.place_mention = m;
                }
            }
        }
    }
}

/// "the attack", "Saturday's attacks", "these murderous attacks": a definite noun phrase that
/// points back at an attack already reported.
fn anaphoric(doc: &Doc, i: usize, lo: usize) -> bool {
    let mut k = i;
    let mut steps = 0;
    let mut names = 0;
    while k > lo && steps < 3 {
        k -= 1;
        let w = doc.low(k);
        // "the recent Port Ellis City bombings": a name before the noun counts as one word
        if doc.tokens[k].is(CAP)
            && doc.tokens[k].kind == Kind::Word
            && names < 4
            && k + 1 < i
            && doc.tokens[k + 1].is(CAP)
            && !matches!(
                w,
                "the" | "this" | "these" | "those" | "that" | "its" | "their"
            )
        {
            names += 1;
            continue;
        }
        steps += 1;
        if matches!(
            w,
            "the" | "this" | "these" | "those" | "that" | "its" | "their"
        ) || w.ends_with("'s")
            || w.ends_with("\u{2019}s")
        {
            return true;
        }
        if doc.tokens[k].kind != Kind::Word || matches!(w, "a" | "an" | "of" | "to") {
            return false;
        }
    }
    false
}

/// "the Kessian War", "World War II": a war's proper name.
fn war_name(doc: &Doc, i: usize, lo: usize) -> bool {
    matches!(doc.low(i), "war" | "wars") && i > lo && doc.tokens[i - 1].is(CAP)
}

/// "the war in Varnia", "the fight against the Black Banner", "Kessian civil war", "invaded
/// Osteria": a war tied to a named party or place.
fn named_war(doc: &Doc, actors: &Actors, i: usize, lo: usize, hi: usize) -> bool {
    // a party a war can be fought with: a country, a group, a place or an unknown capitalised
    // name; not a pronoun ("fighting for her job"), a person ("the long battle with Senator
    // Ode") or a title, unless a possessive makes it their side ("the fight against Ode's men")
    let named_at = |j: usize| {
        if j >= hi {
            return false;
        }
        match actors.mention_index_at(j) {
            Some(m) => {
                let men = &actors.mentions[m];
                let person = men.kind == MentionKind::Nominal
                    || men
                        .entity
                        .is_some_and(|e| actors.entities[e].is_clear_person());
                match men.kind {
                    MentionKind::Pronoun => false,
                    _ if person => doc.tokens.get(men.last).is_some_and(|t| t.is(POSSESSIVE)),
                    _ => true,
                }
            }
            // "the battle with Dunmore chief Tomas Vell": a place names a person's office
            None => {
                doc.tokens[j].is(CAP)
                    && doc.tokens[j].kind == Kind::Word
                    && !(j + 1 < hi && doc.has_tag(j + 1, |t| matches!(t, Tag::Title(_))))
            }
        }
    };
    let next = if i + 1 < hi { doc.low(i + 1) } else { "" };
    let on_ok = matches!(doc.low(i), "assault" | "assaults") && next == "on";
    let for_ok = matches!(doc.low(i), "battle" | "fight" | "fighting") && next == "for";
    if matches!(next, "in" | "against" | "between" | "with" | "by") || on_ok || for_ok {
        let mut j = i + 2;
        while j < hi
            && j < i + 5
            && matches!(
                doc.low(j),
                "the" | "eastern" | "western" | "northern" | "southern"
            )
        {
            j += 1;
        }
        if named_at(j) {
            return true;
        }
    }
    // "invaded Osteria"
    if matches!(doc.low(i), "invaded" | "invade") && named_at(i + 1) {
        return true;
    }
    // "rebels battling the Red Banner", "troops fought Osterian forces": a named armed party
    if matches!(doc.low(i), "battling" | "fighting" | "fought" | "fight") {
        let j = if i + 1 < hi && doc.low(i + 1) == "the" {
            i + 2
        } else {
            i + 1
        };
        if j < hi
            && actors.mention_index_at(j).is_some_and(|m| {
                actors.mentions[m]
                    .entity
                    .is_some_and(|e| actors.entities[e].actor_type != ActorType::Person)
            })
        {
            return true;
        }
    }
    // "the Kessian war", "Varnia's civil war"
    let mut k = i;
    if k > lo && doc.low(k - 1) == "civil" {
        k -= 1;
    }
    let possessive = k > lo && matches!(doc.low(k - 1), "'s" | "\u{2019}s");
    if possessive {
        k -= 1;
    }
    k > lo
        && actors
            .mention_index_at(k - 1)
            .is_some_and(|m| warring_party(actors, m, possessive))
}

/// A mention that can be a side in a war: a name or demonym of a country, a group or an
/// organisation ("the Kessian war", "Turks invaded"), not a person or a pronoun; a seat of power
/// only with a possessive ("Moscow's war", not "her White House battle").
fn warring_party(actors: &Actors, m: usize, possessive: bool) -> bool {
    let men = &actors.mentions[m];
    let kind_ok = match men.kind {
        MentionKind::Name | MentionKind::Demonym => true,
        MentionKind::Metonym => possessive,
        _ => false,
    };
    kind_ok
        && men
            .entity
            .is_some_and(|e| actors.entities[e].actor_type != ActorType::Person)
}

/// "him", "a protester", "the young man": the object of a blow is a person.
fn hits_a_person(doc: &Doc, j: usize, hi: usize) -> bool {
    if j >= hi {
        return false;
    }
    if matches!(doc.low(j), "him" | "her" | "them" | "us" | "me") {
        return true;
    }
    let mut k = j;
    if matches!(doc.low(k), "a" | "an" | "the" | "one" | "another") {
        k += 1;
    }
    if k < hi && matches!(doc.low(k), "young" | "elderly" | "old" | "local") {
        k += 1;
    }
    k < hi
        && (PEOPLE.contains(&doc.low(k))
            || matches!(
                doc.low(k),
                "man"
                    | "woman"
                    | "boy"
                    | "girl"
                    | "child"
                    | "migrant"
                    | "refugee"
                    | "protester"
                    | "demonstrator"
                    | "student"
                    | "journalist"
                    | "reporter"
                    | "officer"
                    | "policeman"
                    | "prisoner"
                    | "detainee"
            ))
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

/// "on Ternopil", "in Kharkiv", "at a market in Aleppo": the first place after the trigger;
/// failing that, a place that opens the sentence ("In Dravik, gunmen opened fire"), unless the
/// attack is the object of a verb of reaction: "In Dravik, the president condemned the attack"
/// places the president, not the attack ("In Dravik, police said a bomb …" still places it).
fn place_after(doc: &Doc, actors: &Actors, i: usize, lo: usize, hi: usize) -> Option<Place> {
    place_between(doc, actors, i + 1, hi.min(i + 20), hi).or_else(|| {
        let cues = &crate::lexicon::Lexicon::get().cues;
        let reacted = (i.saturating_sub(4).max(lo)..i).any(|k| {
            doc.tags(k).any(|t| match t {
                Tag::Cue(c) => !matches!(
                    cues[c as usize].lemma,
                    "say" | "tell" | "report" | "add" | "state" | "announce" | "confirm"
                ),
                _ => false,
            })
        });
        (!reacted)
            .then(|| place_between(doc, actors, lo, lo + 1, hi))
            .flatten()
    })
}

/// The first "in/on/at/near … PLACE" whose preposition lies in `[from, to)`.
fn place_between(doc: &Doc, actors: &Actors, from: usize, to: usize, hi: usize) -> Option<Place> {
    let mut k = from;
    while k < to {
        if matches!(
            doc.low(k),
            "on" | "in" | "at" | "near" | "against" | "across" | "outside"
        ) && k + 1 < hi
            && let Some(p) = place_at(doc, actors, k + 1, hi, doc.low(k) == "in")
        {
            return Some(p);
        }
        if matches!(doc.tok_text(k), "." | ";") {
            break;
        }
        k += 1;
    }
    None
}

/// Lowercase words of a place description: "the southern town of", "a village near".
const PLACE_NOUNS: &[&str] = &[
    "town",
    "towns",
    "city",
    "cities",
    "village",
    "villages",
    "province",
    "provinces",
    "district",
    "districts",
    "region",
    "capital",
    "island",
    "port",
    "area",
    "county",
    "state",
    "suburb",
    "neighborhood",
    "neighbourhood",
    "southern",
    "northern",
    "eastern",
    "western",
    "central",
    "northeastern",
    "northwestern",
    "southeastern",
    "southwestern",
    "coastal",
    "border",
    "restive",
    "frontline",
    "front-line",
    "besieged",
    "embattled",
    "rebel-held",
    "city's",
    "of",
];

/// Places people gather in, named by their owner or district ("the Varga cafe").
const FACILITY: &[&str] = &[
    "cafe",
    "café",
    "restaurant",
    "hotel",
    "market",
    "mosque",
    "church",
    "synagogue",
    "temple",
    "school",
    "hospital",
    "station",
    "airport",
    "base",
    "embassy",
    "street",
    "square",
    "bridge",
    "mall",
    "bazaar",
    "checkpoint",
    "camp",
    "stadium",
    "club",
    "bar",
    "university",
    "shrine",
];

/// Capitalised words after "in"/"on"/"at" that are not places.
const NOT_PLACE: &[&str] = &[
    "christmas",
    "easter",
    "ramadan",
    "eid",
    "new",
    "year",
    "friday's",
    "i",
    "my",
    "his",
    "her",
    "its",
    "their",
    "our",
    "this",
    "that",
    "these",
    "those",
    "he",
    "she",
    "it",
    "they",
    "we",
];

/// A place starting at token `j` (after its preposition).
fn place_at(doc: &Doc, actors: &Actors, mut j: usize, hi: usize, after_in: bool) -> Option<Place> {
    if matches!(doc.low(j), "the" | "a") && j + 1 < hi {
        j += 1;
    }
    // "the Turkish town of Ardel": the demonym is not the place, the town is
    let mut demonym: Option<usize> = None;
    let mut steps = 0;
    while j < hi && steps < 6 {
        steps += 1;
        if let Some(m) = actors.mention_index_at(j) {
            let men = &actors.mentions[m];
            if men.kind == MentionKind::Demonym {
                demonym.get_or_insert(m);
                j = men.last.max(j + 1);
                continue;
            }
            let ok = match men.entity {
                Some(e) => {
                    let t = actors.entities[e].actor_type;
                    t == ActorType::Country
                        || t == ActorType::Other
                            && (men.place || !lowercase_noun_after(doc, men.last, hi))
                        || men.kind == MentionKind::Metonym
                }
                None => false,
            };
            if ok {
                return Some(Place::Mention(m));
            }
            // "in Calle del Sol", "the town of Ras Dalin": after "in" or a place noun and
            // "of", an untitled name is a place, not a person
            let of_place = j >= 2
                && doc.low(j - 1) == "of"
                && PLACE_NOUNS.contains(&doc.low(j - 2))
                && doc.low(j - 2) != "of";
            if (after_in || of_place)
                && men.kind == MentionKind::Name
                && men
                    .entity
                    .is_some_and(|e| actors.entities[e].title.is_none())
                && !(men.last < hi && matches!(doc.low(men.last), "'s" | "\u{2019}s"))
            {
                return Some(Place::Span(men.name_span));
            }
            // "at Varga Station": a name that ends in a facility
            if men.kind == MentionKind::Name
                && men.last > men.first
                && FACILITY.contains(&doc.low(men.last - 1))
            {
                return Some(Place::Span(men.name_span));
            }
            // "at the Varga cafe", "in the Osmani market": a name that heads a facility
            if men.kind == MentionKind::Name
                && men.last < hi
                && FACILITY.contains(&doc.low(men.last))
            {
                return Some(Place::Span(Span::new(
                    doc.tokens[men.first].start as usize,
                    doc.tokens[men.last].end as usize,
                )));
            }
            break;
        }
        if PLACE_NOUNS.contains(&doc.low(j)) && demonym.is_some() {
            j = after_place_noun(doc, j, hi);
            continue;
        }
        if doc.tokens[j].is(CAP)
            && doc.tokens[j].kind == Kind::Word
            && !doc.has_tag(j, |t| {
                matches!(t, Tag::Weekday(_) | Tag::Month(_) | Tag::Common)
            })
            && !NOT_PLACE.contains(&doc.low(j))
            && !doc.low(j).ends_with("-led")
            && !doc.low(j).ends_with("-backed")
        {
            let mut e = j + 1;
            loop {
                if e < hi && doc.tokens[e].is(CAP) && doc.tokens[e].kind == Kind::Word {
                    e += 1;
                } else if e + 1 < hi
                    && matches!(doc.low(e), "de" | "del" | "al" | "el" | "la" | "ez" | "es")
                    && doc.tokens[e + 1].is(CAP)
                {
                    // "Calle del Sol", "Tell al Abyad"
                    e += 2;
                } else if e < hi && particle_name(doc.tok_text(e)) {
                    // "Ras al-Kafr", "Deir ez-Zor"
                    e += 1;
                } else {
                    break;
                }
            }
            // "the Varnian towns of Osk and Dell": an adjective before the place noun
            let mut f = e;
            while f < hi && doc.low(f) != "of" && PLACE_NOUNS.contains(&doc.low(f)) {
                f = after_place_noun(doc, f, hi);
            }
            if f > e && f < hi && doc.low(f) == "of" {
                j = e;
                continue;
            }
            return Some(Place::Span(Span::new(
                doc.tokens[j].start as usize,
                doc.tokens[e - 1].end as usize,
            )));
        }
        if PLACE_NOUNS.contains(&doc.low(j)) {
            let noun = doc.low(j) != "of";
            j = after_place_noun(doc, j, hi);
            // "in the capital, Dorvan": the name in apposition
            if noun && j + 1 < hi && doc.tok_text(j) == "," && doc.tokens[j + 1].is(CAP) {
                j += 1;
            }
            continue;
        }
        break;
    }
    let _ = demonym;
    None
}

/// A lowercase Arabic article joined to a name: "al-Kafr", "ez-Zor", "ash-Shams".
fn particle_name(t: &str) -> bool {
    t.split_once('-').is_some_and(|(a, b)| {
        matches!(
            a,
            "al" | "el" | "ez" | "es" | "ad" | "ar" | "as" | "ash" | "at" | "an" | "az" | "ul"
        ) && b.chars().next().is_some_and(char::is_uppercase)
    })
}

/// The token after the place noun at `j`, past a hyphenated second one ("the port - city of").
fn after_place_noun(doc: &Doc, j: usize, hi: usize) -> usize {
    if j + 2 < hi
        && matches!(doc.tok_text(j + 1), "-" | "\u{2013}")
        && PLACE_NOUNS.contains(&doc.low(j + 2))
    {
        j + 2
    } else {
        j + 1
    }
}

/// "PKK violence", "Kivu militias": a name used as a modifier of a common noun, not a place.
fn lowercase_noun_after(doc: &Doc, k: usize, hi: usize) -> bool {
    k < hi
        && doc.tokens[k].kind == Kind::Word
        && !doc.tokens[k].is(CAP)
        && !matches!(
            doc.low(k),
            "and"
                | "or"
                | "on"
                | "in"
                | "at"
                | "after"
                | "before"
                | "when"
                | "as"
                | "where"
                | "province"
                | "city"
                | "region"
                | "district"
                | "state"
                | "county"
                | "on,"
        )
        && doc.low(k).chars().all(|c| c.is_alphabetic())
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
                && let Some(e) = men.entity
                && actors.entities[e].actor_type != ActorType::Person
            {
                return Some(m);
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

/// "the Dorvan bombings", "a Dorvan blast": a capital city (a metonym) after a determiner,
/// right before an attack noun, names its place.
fn city_modifier(doc: &Doc, actors: &Actors, m: usize, i: usize) -> bool {
    let men = &actors.mentions[m];
    men.kind == MentionKind::Metonym
        && men.last == i
        && matches!(
            doc.low(i),
            "bombing"
                | "bombings"
                | "blast"
                | "blasts"
                | "explosion"
                | "explosions"
                | "attack"
                | "attacks"
                | "shooting"
                | "shootings"
                | "massacre"
                | "stabbing"
        )
        && (matches!(doc.low(men.first), "the" | "a" | "an")
            || men.first > 0 && matches!(doc.low(men.first - 1), "the" | "a" | "an" | "last"))
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
            if j < hi
                && let Some(m) = actors.mention_index_at(j)
                && actors.mentions[m].entity.is_some()
            {
                return Some(m);
            }
            return None;
        }
        k += 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::actors::recognize;
    use crate::clean::clean;
    use crate::segment::segment;

    #[test]
    fn violent_words_are_known_and_others_are_not() {
        for w in ["killed", "troops", "shells", "air", "grenade"] {
            assert!(is_violent(w), "{w}");
        }
        for w in ["", "talks", "Killed", "kill", "shell", "airs"] {
            assert!(!is_violent(w), "{w}");
        }
    }

    /// (trigger, place) of every attack found in `t`.
    fn attacks(t: &str) -> Vec<(String, Option<String>)> {
        let d = segment(t, &clean(t));
        let a = recognize(&d);
        extract(&d, &a)
            .into_iter()
            .map(|e| {
                (
                    e.trigger.text(t).to_string(),
                    e.place.map(|s| s.text(t).to_string()),
                )
            })
            .collect()
    }

    #[test]
    fn a_capital_in_apposition_and_joined_particles() {
        let v =
            attacks("Gunmen attacked a market in the capital, Dorvan, on Tuesday, killing five.");
        assert_eq!(v.len(), 1, "{v:?}");
        assert_eq!(v[0].1.as_deref(), Some("Dorvan"), "{v:?}");
        let v = attacks("A car bomb exploded near the town of Ras al-Varin on Monday.");
        assert_eq!(v[0].1.as_deref(), Some("Ras al-Varin"), "{v:?}");
    }

    #[test]
    fn a_place_that_opens_the_sentence() {
        let v = attacks("At Dorvan Station, two guards were killed in a bomb blast.");
        assert_eq!(v.len(), 1, "{v:?}");
        assert_eq!(v[0].1.as_deref(), Some("Dorvan Station"), "{v:?}");
        let v = attacks("In Dorvan, police said a bomb blast killed two guards.");
        assert_eq!(v.len(), 1, "{v:?}");
        assert_eq!(v[0].1.as_deref(), Some("Dorvan"), "{v:?}");
        // the place of a reaction is not the place of the attack it reacts to
        let v =
            attacks("In Dorvan, the president condemned the bomb blast that killed two guards.");
        assert!(v.iter().all(|a| a.1.is_none()), "{v:?}");
    }

    #[test]
    fn storming_with_violence_is_an_attack_and_dangers_endured_are_not() {
        let v = attacks("Gunmen stormed a police post in Dorvan, killing four officers.");
        assert_eq!(v.len(), 1, "{v:?}");
        assert!(attacks("Protesters stormed the stage at the concert.").is_empty());
        // a song called "Tin Soldiers" storming up the charts is no assault
        for t in [
            "The band's single, Tin Soldiers, stormed to the top of the charts.",
            "Troops in the capital stormed out of the talks, an officer said.",
        ] {
            assert!(attacks(t).is_empty(), "{t}: {:?}", attacks(t));
        }
        for t in [
            "Soldiers contend with roadside bombs and attacks by militants in the north.",
            "Villagers say troops routinely raid their homes and beat them.",
            "Soldiers contend with snipers, roadside bombs, mines and hit-and-run attacks by militants.",
            "Warplanes continue to carry out strikes on rebel positions.",
            "Shootings of civilians by gunmen have risen in the region.",
            "Bombings by militants soared last year as the army withdrew.",
        ] {
            assert!(attacks(t).is_empty(), "{t}: {:?}", attacks(t));
        }
    }

    #[test]
    fn air_is_violent_only_as_an_armed_force() {
        // "by air" and "on air" are transport and radio
        for t in [
            "The firm ships live cattle to Osla by air for slaughter.",
            "Tomas Vell was on air when the studio fight broke out.",
        ] {
            assert!(attacks(t).is_empty(), "{t}: {:?}", attacks(t));
        }
        assert_eq!(
            attacks("An air raid hit the port of Osla overnight.").len(),
            1
        );
    }

    #[test]
    fn accidents_tests_weapons_and_butchery_are_no_attacks() {
        for t in [
            "An explosion in the boiler of the Osla refinery injured three workers.",
            "The probe exploded shortly after liftoff from the Varnian coast.",
            "The underground test blast in the desert was the third this year.",
            "The navy grounded its attack jets after a crash in Lorvik.",
            "The army ordered twelve new assault boats for the lake patrols.",
            "Farmers fear the slaughter of their cattle in Osla will ruin them.",
            "Officials in Osla deny that a coup is going to happen.",
        ] {
            assert!(attacks(t).is_empty(), "{t}: {:?}", attacks(t));
        }
        // a weapon or an attacker makes the explosion an attack
        assert_eq!(
            attacks("A bomb planted by militants exploded at the Osla refinery.").len(),
            1
        );
        // a verb with a boat for its object is an attack
        assert_eq!(
            attacks("Pirates attacked boats off the coast of Osla, killing two.").len(),
            1
        );
    }

    #[test]
    fn companies_and_calendars_are_fought_over_with_words() {
        for t in [
            "Mara Lindqvist led the long battle with Dunmore Holdings Plc over the mill.",
            "The money lets Orvell renew its assault on Castell Inc next month.",
            "Organisers regret the clash with the Lorvik film festival this weekend.",
        ] {
            assert!(attacks(t).is_empty(), "{t}: {:?}", attacks(t));
        }
        // a clash with the police at a festival is a fight
        assert_eq!(
            attacks("Fans clashed with police at the festival in Lorvik, injuring four.").len(),
            1
        );
    }

    #[test]
    fn the_place_of_a_mentioned_attack_is_in_its_phrase() {
        // a place after the verb of a mention belongs to the rest of the sentence
        let v = attacks(
            "Gunmen attacked a base in Dorvan on Friday, killing nine soldiers. The Black Banner \
             said the assault on the depot opened a wider push into Varnia.",
        );
        assert!(v.iter().all(|a| a.1.as_deref() == Some("Dorvan")), "{v:?}");
        // "blamed the attacks on X": X did it
        let v = attacks(
            "Shelling killed four people in Osla on Monday, and the monitors blamed the attack \
             on the Varnian army.",
        );
        assert!(v.iter().all(|a| a.1.as_deref() == Some("Osla")), "{v:?}");
    }

    #[test]
    fn nature_offices_and_bombs_that_went_off() {
        for t in [
            "Nine people died when the storm that struck Osla flattened their homes.",
            "Tomas Vell won his battle with Dunmore mayor Mara Lindqvist over the budget.",
        ] {
            assert!(attacks(t).is_empty(), "{t}: {:?}", attacks(t));
        }
        assert_eq!(
            attacks("Four bombs had gone off across Osla by nightfall.").len(),
            1
        );
        let t = "What will the police do when there has been a bomb gone off in Osla?";
        assert!(attacks(t).is_empty(), "{t}: {:?}", attacks(t));
        // a later mention with a long name shares the first place
        let v = attacks(
            "A car bomb exploded in Varnok on Friday, killing 12 people. Mara Lindqvist said \
             the recent Port Ellis City bombings had been planned in Osla.",
        );
        assert!(v.iter().all(|a| a.1.as_deref() == Some("Varnok")), "{v:?}");
    }

    #[test]
    fn later_mentions_share_the_place() {
        let v = attacks(
            "A car bomb exploded in Varnok on Friday, killing 12 people. The blast also wounded dozens of shoppers.",
        );
        assert_eq!(v.len(), 2, "{v:?}");
        assert!(v.iter().all(|x| x.1.as_deref() == Some("Varnok")), "{v:?}");
    }

    #[test]
    fn suicide_alone_is_not_an_attack() {
        assert!(attacks("The death of the officer by suicide shocked his unit.").is_empty());
        assert_eq!(
            attacks("A suicide bomber blew himself up in Dravo, killing four soldiers.").len(),
            1
        );
    }

    #[test]
    fn weapons_need_an_impact() {
        assert!(
            attacks("Osteria carried out a missile test on Tuesday, officials said.").is_empty()
        );
        assert!(attacks("The navy unveiled new missile defense systems for its fleet.").is_empty());
        assert_eq!(
            attacks("A missile struck a market in Kelvar on Monday.").len(),
            1
        );
    }

    #[test]
    fn anaphoric_attack_in_an_article_about_one() {
        let v = attacks(
            "A car bomb exploded in Tarvo, killing nine passengers.\n\nThousands fled the city after the attacks.",
        );
        assert_eq!(v.len(), 2, "{v:?}");
        // without a reported attack, "the attacks" is just words
        assert!(attacks("The senator answered the attacks of his rivals.").is_empty());
    }

    #[test]
    fn shot_as_a_verb_and_as_a_noun() {
        assert_eq!(
            attacks("He was shot at a rally in Dravo on Tuesday.").len(),
            1
        );
        assert!(attacks("The winger took a shot at goal.").is_empty());
    }

    #[test]
    fn passive_attacked_is_physical() {
        let v = attacks("The embassy in Ostrava was attacked overnight.");
        assert_eq!(v.len(), 1, "{v:?}");
        assert!(attacks("The governor attacked the budget plan of his rivals.").is_empty());
    }

    #[test]
    fn named_wars_count_states_do_not() {
        assert!(attacks("Refugees keep fleeing the war in Varnia.").is_empty());
        assert_eq!(
            attacks("Their commander led the fight against the Red Banner.").len(),
            1
        );
        assert!(attacks("The war on poverty goes on.").is_empty());
        assert!(attacks("It reflects an internal conflict within the party.").is_empty());
    }

    #[test]
    fn contests_criticism_and_sport_are_not_attacks() {
        for t in [
            "Senator Ada Lorne benefited from the long battle with Hal Dunmore.",
            "The Vesterian group has gained allies in its legal battle with Orion Corp.",
            "Senator Ada Lorne has raised $5 million for her White House battle, aides said.",
            "A flight attendant is fighting for her job after she was suspended.",
            "He said there would be no trade war with Norland.",
            "He said that in the case of war with Vesteria the bases would stay.",
            "Senator Ada Lorne blasts Hal Dunmore as a fraud.",
            "The heroes gained powers after being bombarded with cosmic rays.",
            "The address ended with fireworks shooting over Lake Brenna.",
            "Garcia was wasteful again, shooting tamely at the goalkeeper.",
            "Game sales herald a traffic explosion for Orion Live.",
            "The law triggered nationwide strikes and led the premier to threaten to use troops.",
            "A Navy battle group led by the carrier Osprey sailed into the Gulf.",
            "Rovers striker Ian Dale is out of the league clash with Albion at Varga Park.",
        ] {
            assert!(attacks(t).is_empty(), "{t}: {:?}", attacks(t));
        }
        for t in [
            "Two blasts rocked the centre of Osla on Friday.",
            "The town was bombarded with rockets overnight.",
            "Nine people died in the school shooting in Brenna.",
            "Really bad shooting in Brenna tonight.",
            "The match was moved after separate shooting incidents.",
            "Varnian troops fought a long battle with the Red Banner near Osla.",
            "Two fans were killed in clashes with police outside the stadium.",
        ] {
            assert_eq!(attacks(t).len(), 1, "{t}");
        }
        for list in [CONTEST_PREV, STRIKE_PREV, GROWTH_PREV, MUNITIONS] {
            assert!(list.windows(2).all(|w| w[0] < w[1]), "{list:?} is sorted");
        }
    }

    #[test]
    fn proper_name_of_a_war() {
        assert!(attacks("His father flew helicopters in the Kessian War.").is_empty());
    }

    #[test]
    fn feared_or_prevented_attacks_are_not_reported() {
        assert!(
            attacks("Officials warned of the threat of terrorist attacks in Dravo.").is_empty()
        );
        assert!(attacks("Experts did not rule out the possibility of an explosion.").is_empty());
        assert!(attacks("The fence was built to prevent bombings.").is_empty());
        assert!(attacks("Thousands of lives were lost in terror attacks.").is_empty());
        assert_eq!(
            attacks("Gunmen launched multiple attacks on checkpoints in Dravo.").len(),
            1
        );
    }

    #[test]
    fn attacks_on_people_and_countries() {
        assert_eq!(
            attacks("Rights groups recorded brutal attacks on Christian villagers in Dravia.")
                .len(),
            1
        );
        assert!(attacks("He renewed his attacks on the new tax plan.").is_empty());
        assert_eq!(
            attacks("A teenager was raped and killed in Varnok last year.").len(),
            1
        );
    }

    #[test]
    fn police_raids_and_attack_victims() {
        assert!(attacks("Police arrested nine men in a raid on a sauna in Varnok.").is_empty());
        assert!(attacks("Like other acid attack victims, she hid her face.").is_empty());
    }

    #[test]
    fn set_fire_and_detonate() {
        assert_eq!(
            attacks("Protesters set fire to the Osterian embassy in Varnok on Sunday.").len(),
            1
        );
        assert!(attacks("Protesters set fire to a paper flag in Varnok.").is_empty());
        assert_eq!(
            attacks("The militants chose to detonate the bomb at the gate of the shrine.").len(),
            1
        );
    }

    #[test]
    fn bombing_campaign_and_battling_a_named_group() {
        assert_eq!(
            attacks(
                "The Osterian bombing campaign against the Red Banner entered its third month."
            )
            .len(),
            1
        );
        assert_eq!(
            attacks("The militia is also battling the Varnian Liberation Front near the river.")
                .len(),
            1
        );
    }

    #[test]
    fn anaphoric_attack_takes_no_far_place() {
        let v = attacks(
            "A bomb exploded in Varnok on Monday, killing five. After the attack, hospitals across Dravia were full.",
        );
        assert_eq!(v.len(), 2, "{v:?}");
        assert_eq!(v[1].1.as_deref(), Some("Varnok"), "{v:?}");
    }

    #[test]
    fn assaults_on_a_named_target() {
        assert_eq!(
            attacks("The regime keeps waging brutal assaults on Tarvo.").len(),
            1
        );
    }

    #[test]
    fn place_behind_a_demonym_and_a_place_noun() {
        let v = attacks("A bomb exploded in the Turkish town of Kerava, killing three.");
        assert_eq!(v[0].1.as_deref(), Some("Kerava"), "{v:?}");
    }

    #[test]
    fn place_with_particles_and_facilities() {
        let v = attacks("A grenade explosion in Calle del Sol wounded two guards.");
        assert_eq!(v[0].1.as_deref(), Some("Calle del Sol"), "{v:?}");
        let v = attacks("At least four people died in a bombing at the Rostova Cafe in Nemor.");
        assert!(v[0].1.is_some(), "{v:?}");
    }

    #[test]
    fn holidays_and_compounds_are_not_places() {
        let v = attacks("A bomb exploded on Christmas Eve, killing two.");
        assert_eq!(v[0].1, None, "{v:?}");
    }

    #[test]
    fn opened_fire() {
        assert_eq!(attacks("Gunmen opened fire on a bus near Tarvo.").len(), 1);
        assert!(attacks("The forest fire spread overnight.").is_empty());
    }

    #[test]
    fn stabbing_and_massacres() {
        assert_eq!(
            attacks("A teenager was stabbed outside a club in Nemor.").len(),
            1
        );
        assert_eq!(
            attacks("Villagers described how the militia massacred dozens.").len(),
            1
        );
    }

    #[test]
    fn blows_to_people_and_acid() {
        assert_eq!(
            attacks("A policeman hits a migrant as police clear the square in Varnok.").len(),
            1
        );
        assert!(attacks("The new tariffs hit them hard, traders in Varnok said.").is_empty());
        assert_eq!(
            attacks("Her former husband sprayed acid on her face in Dravo.").len(),
            1
        );
        assert!(attacks("He threw the ball at the wall in Dravo.").is_empty());
    }

    #[test]
    fn physical_altercations_and_coups() {
        assert_eq!(
            attacks("Physical altercations broke out between rival fans in Kelmar.").len(),
            1
        );
        assert!(attacks("A heated altercation over the budget delayed the vote.").is_empty());
        assert_eq!(
            attacks("Soldiers seized the palace in Varnia in a coup on Tuesday.").len(),
            1
        );
        assert!(
            attacks("Analysts say the sanctions could perhaps prompt a military coup.").is_empty()
        );
    }

    #[test]
    fn accidental_explosions_are_not_attacks() {
        assert!(
            attacks("Seven miners were killed in an accidental explosion near Dravo.").is_empty()
        );
    }

    #[test]
    fn place_from_the_sentence_before_and_hyphenated_place_nouns() {
        let v = attacks("Fighters surrounded the hospital in Merrow. Shelling went on all night.");
        assert_eq!(v, vec![("Shelling".into(), Some("Merrow".into()))]);
        let v =
            attacks("A car bomb exploded at the Varnesian port - city of Tarvane, killing four.");
        assert_eq!(v.len(), 1, "{v:?}");
        assert_eq!(v[0].1.as_deref(), Some("Tarvane"));
        let v = attacks("A car bomb exploded at the Turkish port - city of Tarvane, killing four.");
        assert_eq!(v[0].1.as_deref(), Some("Tarvane"));
        let v = attacks("Gunmen attacked hospitals in the Varnesian towns of Osk and Dell.");
        assert_eq!(v.len(), 1, "{v:?}");
        assert_eq!(v[0].1.as_deref(), Some("Osk"));
    }

    #[test]
    fn armed_men_fighting_against_someone() {
        assert_eq!(
            attacks("The rebels have been battling for a week against an army offensive near Osk.")
                .len(),
            1
        );
        assert!(attacks("Activists are fighting against the new tax in Osk.").is_empty());
    }

    #[test]
    fn violence_in_the_background() {
        assert!(attacks("Villagers keep fleeing the massacres in the Osk valley.").is_empty());
        assert!(attacks("Varnia has the highest number of acid attacks in the region.").is_empty());
        assert_eq!(
            attacks("His family fled Osk when Varnesian troops invaded the valley in 1920.").len(),
            1
        );
    }

    #[test]
    fn an_accidental_explosion_is_no_attack() {
        assert!(
            attacks(
                "About forty migrants drowned when their dinghy exploded off the coast of Dorvan."
            )
            .is_empty()
        );
        assert!(
            attacks("A gas leak caused an explosion at a factory in Dorvan, killing two.")
                .is_empty()
        );
        let v = attacks(
            "A bomb exploded at a market in Dorvan in a suspected accident cover-up, killing two.",
        );
        assert_eq!(v.len(), 1, "{v:?}");
    }

    #[test]
    fn figurative_blasts_shots_and_battles_by_domain() {
        for t in [
            "Phone makers saw an explosion in demand last year, Orvik Ltd said.",
            "Gadget sales have exploded in Lorvik, a survey of consumers suggests.",
            "Fans bombarded the ticket website with requests on Monday.",
            "Hackers bombard the servers of Orvik Ltd with data.",
            "The film by Ana Dorn bombed at the box office.",
            "The striker blasted a shot over the bar in the league match.",
            "Lorvik's keeper saved a fierce shot in the second half.",
            "The movie was shot in Lorvik with a cast of local extras.",
            "Shooting on the sequel starts in Lorvik in May.",
            "The myth of a golden age needs to be exploded, Ana Dorn said.",
            "It was a blast, Ana Dorn said after the tour.",
            "A cold blast is expected in Lorvik this week.",
            "Ana Dorn blasts officials over the new rules.",
            "Lorvik must do more in the fight against Aids and malaria.",
            "Orvik Ltd faces a long battle in the courts over the takeover.",
            "Lorvik host Varn in Saturday's clash against Osk.",
            "The tsunami struck the coast of Lorvik at dawn.",
            "Special effects crews detonated small charges on the set in Lorvik.",
            "There has been an explosion of them, Ana Dorn said.",
        ] {
            assert!(attacks(t).is_empty(), "{t}: {:?}", attacks(t));
        }
        for t in [
            "Gunmen attacked a police post in Lorvik, killing four.",
            "A car bomb exploded near the ministry in Lorvik.",
            "Shelling killed four in Lorvik on Monday.",
            "A man was shot outside the music studio in Lorvik.",
            "Fans skirmish ahead of the match in Lorvik on Saturday.",
            "Two people were killed in an explosion at a film studio in Lorvik.",
            "Warplanes bombarded the town with rockets overnight.",
            "Planes began bombarding Lorvik in May.",
            "An explosion in central Lorvik wounded two guards.",
            "The gunman behind the mass shooting in Lorvik had bought shares in gun makers.",
        ] {
            assert_eq!(attacks(t).len(), 1, "{t}: {:?}", attacks(t));
        }
        for list in [
            AIR_NEXT,
            DOMAIN,
            DISEASE,
            CONTEST,
            HARD,
            CRITICS,
            FIGURATIVE_OBJECT,
        ] {
            assert!(list.windows(2).all(|w| w[0] < w[1]), "{list:?} is sorted");
        }
    }

    #[test]
    fn attacks_with_words() {
        for t in [
            "The party attacked the plan as a waste of money.",
            "The new novel was attacked by critics in Lorvik.",
            "Ana Dorn has attacked the decision by the court that jailed terrorist suspects.",
            "The bill has been attacked by the opposition as too little.",
        ] {
            assert!(attacks(t).is_empty(), "{t}: {:?}", attacks(t));
        }
        for t in [
            "The convoy was attacked by gunmen near Lorvik.",
            "Militants attacked the base as the guards changed shift, killing two.",
        ] {
            assert_eq!(attacks(t).len(), 1, "{t}: {:?}", attacks(t));
        }
    }

    #[test]
    fn imagined_planned_and_feared_attacks() {
        for t in [
            "Ana Dorn said she could have been badly injured or shot in Lorvik.",
            "Police warned of a possible terror attack in Lorvik.",
            "Officials say militants are plotting attacks on Lorvik.",
            "A car bombing could happen in Lorvik too, the minister warned.",
            "The rebels vowed to attack Lorvik with rockets.",
            "Everyone wants to live free from terrorist attack.",
            "A nuclear strike is the main danger, the report says.",
        ] {
            assert!(attacks(t).is_empty(), "{t}: {:?}", attacks(t));
        }
        for t in [
            "Police said gunmen may have shot the guard in Lorvik on Monday.",
            "Warplanes will not stop bombing Lorvik, the general said.",
            "A man was shot in Lorvik after he said he would leave.",
        ] {
            assert_eq!(attacks(t).len(), 1, "{t}: {:?}", attacks(t));
        }
    }

    #[test]
    fn a_city_before_the_attack_and_one_shot_dead() {
        // a capital city stands for its country only as a subject, not as a modifier
        let t = "A bomb exploded in Osk on Monday. The Oslo bombings killed four.";
        let d = segment(t, &clean(t));
        let a = recognize(&d);
        let v = extract(&d, &a);
        let e = v.iter().find(|e| e.sentence == 1).expect("an attack");
        assert_eq!(e.place.map(|s| s.text(t)), Some("Oslo"));
        assert_eq!(e.perpetrator, None);
        let t = "A guard was shot dead near Osk.";
        let d = segment(t, &clean(t));
        let a = recognize(&d);
        let v = extract(&d, &a);
        assert_eq!(v.len(), 1);
        assert_eq!(v[0].killed, Some(1));
        let t = "Two people were shot dead near Osk.";
        let d = segment(t, &clean(t));
        let a = recognize(&d);
        assert_eq!(extract(&d, &a)[0].killed, Some(2));
    }

    #[test]
    fn each_casualty_verb_takes_its_own_count() {
        let t = "Gunmen attacked a market in Lorvik, which killed more than 250 people and wounded 1,000.";
        let d = segment(t, &clean(t));
        let a = recognize(&d);
        let v = extract(&d, &a);
        assert_eq!(v.len(), 1);
        assert_eq!((v[0].killed, v[0].injured), (Some(250), Some(1000)));
    }
}
