//! The actors stage: a segmented [`Doc`] in, [`Actors`] out: every mention of a person,
//! country, organisation or group, and the entities they corefer to.
//!
//! Recognition comes from language patterns and general lexicons only: titles ("US Vice
//! President J.D. Vance", "Ukraine's foreign minister, Andrii Sybiha"), honorifics, given names,
//! organisation head words, countries, capitals and seats of power used as metonyms ("Kyiv",
//! "the Kremlin"), demonyms and international bodies. Coreference links surnames to full names,
//! spelling variants to one key, nominal titles ("the Ukrainian leader") to the titled person,
//! metonyms to their country, and pronouns to the nearest compatible person.

use std::collections::BTreeSet;

use rustc_hash::FxHashSet;

use crate::lexicon::{Gender, Lexicon, Phrase, PlaceKind, Tag, TitleClass};
use crate::normalize::name_key;
use crate::segment::{ALLCAPS, CAP, Doc, Kind, NO_SLOT, POSSESSIVE, Quote, SENT_START};
use crate::types::{ActorType, Span};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MentionKind {
    /// A proper name ("Mark Rutte", "NATO", "Ukraine").
    Name,
    /// A capital or seat of power standing for a government ("Kyiv", "the Kremlin").
    Metonym,
    /// A definite description by title ("the president", "the Ukrainian leader").
    Nominal,
    /// A personal or possessive pronoun.
    Pronoun,
    /// A demonym used as a modifier ("Russian strike").
    Demonym,
}

#[derive(Clone, Debug)]
pub struct Mention {
    /// Token range `[first, last)` of the whole mention, including any title.
    pub first: usize,
    pub last: usize,
    pub span: Span,
    /// Token range of the name proper ("J.D. Vance" in "US Vice President J.D. Vance").
    pub name_span: Span,
    pub kind: MentionKind,
    /// The entity it refers to, if resolved.
    pub entity: Option<usize>,
    /// Used as a place ("in Kyiv") rather than an actor.
    pub place: bool,
}

#[derive(Clone, Debug)]
pub struct Entity {
    pub name: String,
    pub actor_type: ActorType,
    pub gender: Gender,
    pub title: Option<String>,
    pub title_class: Option<TitleClass>,
    pub affiliation: Option<String>,
    pub code: Option<String>,
    pub aliases: BTreeSet<String>,
    /// Folded name key; for persons also the surname key.
    pub key: String,
    pub surname: String,
    /// Country or body code of the affiliation ("UKR"), to resolve "the Ukrainian leader".
    pub aff_code: Option<String>,
}

impl Entity {
    /// A person known as one: by a full name or a title. A lone unknown capitalised word is
    /// typed a person by default, but may be a place or a body ("the fight for Mosul",
    /// "Calmat officials").
    pub fn is_clear_person(&self) -> bool {
        self.actor_type == ActorType::Person && (self.name.contains(' ') || self.title.is_some())
    }
}

#[derive(Debug, Default)]
pub struct Actors {
    pub mentions: Vec<Mention>,
    pub entities: Vec<Entity>,
    /// For every token, the index of the mention covering it, or `u32::MAX`.
    pub at: Vec<u32>,
}

impl Actors {
    pub fn mention_at(&self, tok: usize) -> Option<&Mention> {
        match self.at.get(tok) {
            Some(&m) if m != u32::MAX => Some(&self.mentions[m as usize]),
            _ => None,
        }
    }
    pub fn mention_index_at(&self, tok: usize) -> Option<usize> {
        match self.at.get(tok) {
            Some(&m) if m != u32::MAX => Some(m as usize),
            _ => None,
        }
    }
}

const PRONOUNS: &[(&str, Gender, bool)] = &[
    ("he", Gender::Male, true),
    ("him", Gender::Male, false),
    ("his", Gender::Male, false),
    ("himself", Gender::Male, false),
    ("she", Gender::Female, true),
    ("her", Gender::Female, false),
    ("hers", Gender::Female, false),
    ("herself", Gender::Female, false),
];

#[inline]
pub fn pronoun_gender(low: &str) -> Option<Gender> {
    PRONOUNS.iter().find(|p| p.0 == low).map(|p| p.1)
}

/// Other pronouns that can be speakers but are not resolved to persons.
pub const OTHER_PRONOUNS: &[&str] = &[
    "i", "we", "they", "it", "you", "them", "their", "its", "our", "my", "me", "us",
];

/// Letters after a person's name that are honours or offices, not part of the name.
const POST_NOMINALS: &[&str] = &[
    "AM", "CBE", "KBE", "KC", "MBE", "MEP", "MLA", "MP", "MPP", "MSP", "OBE", "QC", "TD",
];

const NAME_PARTICLES: &[&str] = &[
    "al", "al-", "bin", "ibn", "da", "de", "del", "der", "di", "dos", "du", "el", "la", "le",
    "van", "von", "y", "abu", "ben",
];

fn is_title(t: Tag) -> bool {
    matches!(t, Tag::Title(_))
}

/// Bits of lexicon tag kinds, for [`LexMemo::phrase_among`] and [`LexMemo::has_tag_among`].
pub(crate) mod kind {
    pub const COUNTRY: u16 = 1 << 0;
    pub const CAPITAL: u16 = 1 << 1;
    pub const DEMONYM: u16 = 1 << 2;
    pub const ORG: u16 = 1 << 3;
    pub const TITLE: u16 = 1 << 4;
    pub const CUE: u16 = 1 << 5;
    pub const CUE_PHRASE: u16 = 1 << 6;
    pub const GIVEN_NAME: u16 = 1 << 7;
    pub const ORG_WORD: u16 = 1 << 8;
    pub const PLACE_WORD: u16 = 1 << 9;
    pub const COMMON: u16 = 1 << 10;
    pub const WEEKDAY: u16 = 1 << 11;
    pub const MONTH: u16 = 1 << 12;
    pub const THING_WORD: u16 = 1 << 13;
}

/// The [`kind`] bit of a tag.
pub(crate) fn kind_bit(t: Tag) -> u16 {
    match t {
        Tag::Country(_) => kind::COUNTRY,
        Tag::Capital(..) => kind::CAPITAL,
        Tag::Demonym(_) => kind::DEMONYM,
        Tag::Org(_) => kind::ORG,
        Tag::Title(_) => kind::TITLE,
        Tag::Cue(_) => kind::CUE,
        Tag::CuePhrase(_) => kind::CUE_PHRASE,
        Tag::GivenName(_) => kind::GIVEN_NAME,
        Tag::OrgWord => kind::ORG_WORD,
        Tag::PlaceWord => kind::PLACE_WORD,
        Tag::ThingWord => kind::THING_WORD,
        Tag::Common => kind::COMMON,
        Tag::Weekday(_) => kind::WEEKDAY,
        Tag::Month(_) => kind::MONTH,
    }
}

/// The kinds of tags ([`kind`] bits) of the lexicon phrases that start with one word: `one` of
/// its one-word phrases, `any` of all of them; and `cue`, the index of the first cue
/// ([`Tag::Cue`]) among its one-word phrases, if any.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
struct SlotKinds {
    one: u16,
    any: u16,
    cue: Option<u16>,
}

impl SlotKinds {
    fn of(phrases: &[Phrase]) -> SlotKinds {
        let mut k = SlotKinds::default();
        for p in phrases {
            let bit = kind_bit(p.tag);
            k.any |= bit;
            if p.words.len() == 1 {
                k.one |= bit;
                if let (Tag::Cue(c), None) = (p.tag, k.cue) {
                    k.cue = Some(c);
                }
            }
        }
        k
    }
}

/// The words that can follow a word at the start of a cue phrase ([`Tag::CuePhrase`]).
#[derive(Clone, Debug, Default)]
enum CueNext {
    /// The word is a cue phrase by itself (or starts none): no next word is needed.
    #[default]
    Any,
    /// The second words of the cue phrases it starts: their lexicon slots (sorted), and the
    /// text of those with none ([`NO_SLOT`]).
    Words {
        slots: Box<[u32]>,
        texts: Box<[&'static str]>,
    },
}

impl CueNext {
    fn of(phrases: &'static [Phrase]) -> CueNext {
        let mut slots = Vec::new();
        let mut texts = Vec::new();
        for p in phrases {
            if matches!(p.tag, Tag::CuePhrase(_)) {
                match (p.ids.get(1), p.words.get(1)) {
                    (Some(&NO_SLOT), Some(w)) => texts.push(w.as_str()),
                    (Some(&id), Some(_)) => slots.push(id),
                    _ => return CueNext::Any,
                }
            }
        }
        slots.sort_unstable();
        slots.dedup();
        CueNext::Words {
            slots: slots.into_boxed_slice(),
            texts: texts.into_boxed_slice(),
        }
    }

    /// Whether token `i + 1` can be the second word of a cue phrase starting at `i`.
    fn fits(&self, d: &Doc, i: usize) -> bool {
        match self {
            CueNext::Any => true,
            CueNext::Words { slots, texts } => {
                d.tokens
                    .get(i + 1)
                    .is_some_and(|t| slots.binary_search(&t.slot).is_ok())
                    || texts.iter().any(|&w| d.low(i + 1) == w)
            }
        }
    }
}

/// What the lexicon phrases that start with each word can give, by lexicon slot: tables made
/// once ([`Lexicon::slot_table`]). The filter of [`Doc::phrase_at`] and [`Doc::has_tag`] runs
/// over every phrase that starts with a word, and a common word ("the", "of") starts hundreds
/// of phrases, so asking it for a tag kind it has not got was a large share of actor
/// recognition and cue finding. A `LexMemo` is a handle on the tables.
#[derive(Clone, Copy)]
pub(crate) struct LexMemo {
    kinds: &'static [SlotKinds],
    cue_next: &'static [CueNext],
}

impl LexMemo {
    pub(crate) fn new() -> Self {
        static TABLES: std::sync::OnceLock<(Vec<SlotKinds>, Vec<CueNext>)> =
            std::sync::OnceLock::new();
        let (kinds, cue_next) = TABLES.get_or_init(|| {
            let lex = Lexicon::get();
            (
                lex.slot_table(|_, phrases| SlotKinds::of(phrases)),
                lex.slot_table(|_, phrases| CueNext::of(phrases)),
            )
        });
        LexMemo { kinds, cue_next }
    }

    /// Whether a multi-word cue phrase ([`Tag::CuePhrase`]) can start at token `i`: `false`
    /// when token `i + 1` is none of the second words of the cue phrases that the word at `i`
    /// starts, so that [`Doc::phrase_at`] cannot find one there. A common word ("in", "the",
    /// "is") starts a few cue phrases among hundreds of others, and scanning them all for each
    /// of its tokens was most of the cost of finding cues. `true` for a word that is a one-word
    /// cue phrase itself.
    pub(crate) fn cue_phrase_may_start(&self, d: &Doc, i: usize) -> bool {
        if self.kinds(d, i).any & kind::CUE_PHRASE == 0 {
            return false;
        }
        self.cue_next[d.tokens[i].slot as usize].fits(d, i)
    }

    /// The [`SlotKinds`] of token `i` (none past the last token or for a word of no phrase).
    #[inline(always)]
    fn kinds(&self, d: &Doc, i: usize) -> SlotKinds {
        match d.tokens.get(i) {
            Some(t) if t.slot != NO_SLOT => self.kinds[t.slot as usize],
            _ => SlotKinds::default(),
        }
    }

    /// The kinds of tags ([`kind`] bits) of the one-word lexicon phrases of token `i`: those
    /// that [`Doc::tags`] can give.
    #[inline(always)]
    pub(crate) fn tag_kinds(&self, d: &Doc, i: usize) -> u16 {
        self.kinds(d, i).one
    }

    /// The first cue ([`Tag::Cue`]) that [`Doc::tags`] gives for token `i`, without scanning
    /// the phrases of its word.
    #[inline(always)]
    pub(crate) fn first_cue(&self, d: &Doc, i: usize) -> Option<u16> {
        self.kinds(d, i).cue
    }

    /// Whether the word at token `i` starts some lexicon phrase of the kinds in `kinds`: when
    /// it does not, [`LexMemo::phrase_among`] finds nothing there for those kinds.
    #[inline(always)]
    pub(crate) fn may_start(&self, d: &Doc, i: usize, kinds: u16) -> bool {
        self.kinds(d, i).any & kinds != 0
    }

    /// [`Doc::phrase_at`] for a filter `f` that passes only tags of the kinds in `kinds`:
    /// `None` at once when the word at `i` starts no phrase of those kinds.
    #[inline(always)]
    pub(crate) fn phrase_among(
        &self,
        d: &Doc,
        i: usize,
        kinds: u16,
        f: impl Fn(Tag) -> bool,
    ) -> Option<(Tag, usize)> {
        if self.kinds(d, i).any & kinds == 0 {
            return None;
        }
        d.phrase_at(i, f)
    }

    /// [`Doc::has_tag`] for a filter `f` that passes only tags of the kinds in `kinds`: `false`
    /// at once when the word at `i` has no one-word phrase of those kinds (or `i` is past the
    /// end).
    #[inline(always)]
    pub(crate) fn has_tag_among(
        &self,
        d: &Doc,
        i: usize,
        kinds: u16,
        f: impl Fn(Tag) -> bool,
    ) -> bool {
        self.tag_kinds(d, i) & kinds != 0 && d.has_tag(i, f)
    }
}

fn is_place_prep(w: &str) -> bool {
    matches!(
        w,
        "in" | "at"
            | "to"
            | "from"
            | "into"
            | "near"
            | "across"
            | "outside"
            | "inside"
            | "throughout"
            | "toward"
            | "towards"
            | "around"
            | "via"
            | "over"
            | "on"
            | "of"
    )
}

/// The kinds of lexicon phrases that [`Recognizer::affiliation_at`] looks for.
const AFFILIATION_KINDS: u16 = kind::COUNTRY | kind::DEMONYM | kind::ORG | kind::CAPITAL;

struct Recognizer<'d, 'a> {
    doc: &'d Doc<'a>,
    lex: &'static Lexicon,
    memo: LexMemo,
    out: Actors,
    /// Surnames of the persons named in full so far (for [`Recognizer::lone_surname`]).
    full_surnames: FxHashSet<String>,
    /// [`key_initial_bit`]s of `full_surnames` and of `person_names`: a cheap test before the key.
    full_initials: u32,
    person_initials: u32,
    /// Surnames and keys of all persons so far (for [`Recognizer::known_surname`]).
    person_names: FxHashSet<String>,
}

/// The bit of the first letter of a name key: a-z, or bit 26 for any other start (or none).
fn key_initial(key: &str) -> u32 {
    match key.as_bytes().first() {
        Some(&b) if b.is_ascii_lowercase() => 1 << (b - b'a'),
        _ => 1 << 26,
    }
}

/// The bits that the [`name_key`] of a word may start with, told from its first letter without
/// computing the key: an ASCII word starting with a letter keys to that letter in lowercase,
/// unless its first part is one that the key drops ("The", "Mr"); anything else may start with
/// anything.
fn key_initial_bit(w: &str) -> u32 {
    let b = w.as_bytes();
    match b.first() {
        Some(&c) if c.is_ascii_alphabetic() && w.is_ascii() => {
            let l = c.to_ascii_lowercase();
            let two = |x: u8, y: u8| b.len() >= 2 && l == x && b[1].to_ascii_lowercase() == y;
            if two(b't', b'h') || two(b'm', b'r') || two(b'm', b's') || two(b'd', b'r') {
                u32::MAX
            } else {
                1 << (l - b'a')
            }
        }
        _ => u32::MAX,
    }
}

/// "al-Rahman", "el-Sayed", "bin-Talal": a lowercase particle glued by a hyphen to a capitalised
/// name part.
fn glued_particle(w: &str) -> bool {
    let Some((p, rest)) = w.split_once('-') else {
        return false;
    };
    matches!(
        p,
        "al" | "el"
            | "ad"
            | "ar"
            | "as"
            | "ash"
            | "at"
            | "az"
            | "an"
            | "bin"
            | "ibn"
            | "abu"
            | "ul"
    ) && rest.chars().next().is_some_and(char::is_uppercase)
}

/// A capitalised adjective of a people, party or region rather than a place name ("Republican",
/// "Hispanic", "Kurdish", "Togolese").
fn adjective_like(w: &str) -> bool {
    ["ican", "ian", "ic", "ish", "ese"]
        .iter()
        .any(|x| w.len() > x.len() + 2 && w.ends_with(x))
}

/// The fields of ministries, as in "the French foreign ministry".
const MINISTRY_FIELDS: &[&str] = &[
    "agriculture",
    "defence",
    "defense",
    "economy",
    "education",
    "energy",
    "finance",
    "foreign",
    "health",
    "interior",
    "justice",
    "trade",
];

/// Bodies named by the place they serve ("police in Lorvik", "Lorvik police").
#[inline]
fn is_body_word(w: &str) -> bool {
    matches!(w, "police" | "army" | "military" | "navy" | "authorities")
}

/// Capitalised in a title-case headline, these words are never part of a name: pronouns,
/// auxiliaries and modals, subordinators, and the verbs of saying that headlines use. ("May",
/// "Can", "Will" and "I" are left out: they are names and numerals too.)
fn headline_word(w: &str) -> bool {
    matches!(
        w,
        "he" | "she"
            | "they"
            | "we"
            | "it"
            | "his"
            | "her"
            | "its"
            | "their"
            | "our"
            | "you"
            | "must"
            | "would"
            | "could"
            | "should"
            | "might"
            | "shall"
            | "is"
            | "are"
            | "was"
            | "were"
            | "be"
            | "been"
            | "has"
            | "have"
            | "had"
            | "does"
            | "do"
            | "did"
            | "if"
            | "that"
            | "when"
            | "while"
            | "because"
            | "than"
            | "whether"
            | "says"
            | "said"
            | "tells"
            | "told"
            | "warns"
            | "urges"
            | "asks"
    )
}

/// The legal-form word that ends a company's name ("Vellmont Corp", "Harbor Chemical Inc.",
/// "Ostrander Holdings plc").
fn company_suffix(w: &str) -> bool {
    matches!(
        w,
        "corp" | "corp." | "inc" | "inc." | "co" | "co." | "ltd" | "ltd." | "plc" | "llc" | "gmbh"
    )
}

/// Plural nouns for the people of a body, after its name ("RNC officials").
fn body_people(w: &str) -> bool {
    matches!(
        w,
        "officials"
            | "leaders"
            | "counsel"
            | "lawmakers"
            | "delegation"
            | "delegates"
            | "negotiators"
            | "representatives"
            | "members"
            | "executives"
            | "lawyers"
            | "spokesman"
            | "spokeswoman"
            | "spokesperson"
    )
}

/// Plural names of party members ("Democrats", "Tories"): with a legislature before them
/// ("House Democrats") or alone, a group of people.
fn party_members(w: &str) -> bool {
    matches!(
        w,
        "democrats"
            | "republicans"
            | "conservatives"
            | "liberals"
            | "socialists"
            | "communists"
            | "tories"
            | "greens"
            | "nationalists"
            | "centrists"
            | "labourites"
    )
}

/// Party adjectives before a noun of members ("Democratic senators", "Labour MPs").
fn party_adjective(w: &str) -> bool {
    matches!(
        w,
        "democratic"
            | "republican"
            | "conservative"
            | "liberal"
            | "socialist"
            | "communist"
            | "labour"
            | "tory"
            | "green"
            | "opposition"
            | "gop"
    )
}

/// Adjectives of a faith or community before a noun of members ("Jewish leaders").
fn community_adjective(w: &str) -> bool {
    matches!(
        w,
        "muslim"
            | "jewish"
            | "christian"
            | "catholic"
            | "evangelical"
            | "protestant"
            | "orthodox"
            | "hindu"
            | "sikh"
            | "buddhist"
            | "shiite"
            | "sunni"
            | "kurdish"
            | "druze"
    )
}

/// Legislatures and other modifiers of a party group ("House Democrats", "congressional
/// Republicans", "Senate Democratic leaders").
fn group_modifier(w: &str) -> bool {
    matches!(
        w,
        "house" | "senate" | "congressional" | "parliamentary" | "opposition" | "establishment"
    )
}

/// Plural nouns for the members of a party or legislature ("lawmakers", "senators", "parties").
fn members_noun(w: &str) -> bool {
    matches!(
        w,
        "lawmakers"
            | "legislators"
            | "senators"
            | "congressmen"
            | "representatives"
            | "leaders"
            | "members"
            | "mps"
            | "deputies"
            | "parties"
            | "negotiators"
    )
}

/// A name without an editor's brackets: "[Tomas] Vell" is "Tomas Vell".
fn unbracket(s: &str) -> String {
    if !s.contains(['[', ']']) {
        return s.to_string();
    }
    s.replace(['[', ']'], "")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Capitalised word that can be part of a name.
fn name_word(doc: &Doc, i: usize) -> bool {
    let t = &doc.tokens[i];
    if t.kind != Kind::Word || t.is(POSSESSIVE) {
        return false;
    }
    if t.is(CAP) {
        return !is_contraction(doc.low(i));
    }
    false
}

/// "I've", "We'll", "Don't": a capitalised contraction is not a name ("O'Neill" is: its
/// apostrophe is not followed by a contraction ending).
fn is_contraction(low: &str) -> bool {
    low.rsplit_once(['\'', '\u{2019}'])
        .is_some_and(|(head, tail)| {
            !head.is_empty() && matches!(tail, "ve" | "m" | "ll" | "d" | "re" | "t" | "s")
        })
}

impl<'d, 'a> Recognizer<'d, 'a> {
    fn text(&self, a: usize, b: usize) -> &'a str {
        let d = self.doc;
        &d.text[d.tokens[a].start as usize..d.tokens[b - 1].end as usize]
    }

    fn common(&self, i: usize) -> bool {
        self.memo
            .has_tag_among(self.doc, i, kind::COMMON, |t| t == Tag::Common)
    }

    /// Extent of a run of name words starting at `i` (within the sentence): initials, particles
    /// between capitalised words, hyphenated parts.
    fn name_run(&self, i: usize, end: usize) -> usize {
        let d = self.doc;
        let mut j = i;
        while j < end {
            if name_word(d, j) {
                // "Vell Says He Is Ready", "Lindqvist Should Step Aside": in a title-case
                // headline a function word or a verb of saying ends the name
                if j > i && headline_word(d.low(j)) {
                    break;
                }
                // a country, capital or title inside a run ends it unless it starts it
                if j > i
                    && self
                        .memo
                        .phrase_among(
                            d,
                            j,
                            kind::COUNTRY
                                | kind::CAPITAL
                                | kind::TITLE
                                | kind::WEEKDAY
                                | kind::MONTH,
                            |t| {
                                matches!(
                                    t,
                                    Tag::Country(_)
                                        | Tag::Capital(..)
                                        | Tag::Title(_)
                                        | Tag::Weekday(_)
                                        | Tag::Month(_)
                                )
                            },
                        )
                        .is_some()
                    && !self
                        .memo
                        .has_tag_among(d, j, kind::GIVEN_NAME, |t| matches!(t, Tag::GivenName(_)))
                {
                    break;
                }
                if self
                    .memo
                    .has_tag_among(d, j, kind::WEEKDAY | kind::MONTH, |t| {
                        matches!(t, Tag::Weekday(_) | Tag::Month(_))
                    })
                    && !self
                        .memo
                        .has_tag_among(d, j, kind::GIVEN_NAME, |t| matches!(t, Tag::GivenName(_)))
                {
                    break;
                }
                j += 1;
                continue;
            }
            // "President [Tomas] Vell", "Ana [Maria] Lind": an editor's bracketed insertion
            // inside a name
            if let Some(k) = self.bracketed_name_part(j, end) {
                j = k;
                continue;
            }
            let low = d.low(j);
            // "Omar al-Rahman": an Arabic article glued to a capitalised part
            if j > i && d.tokens[j].kind == Kind::Word && glued_particle(d.tok_text(j)) {
                j += 1;
                continue;
            }
            if j > i && j + 1 < end && NAME_PARTICLES.contains(&low) && name_word(d, j + 1) {
                j += 1;
                continue;
            }
            break;
        }
        j
    }

    /// "[Tomas]" before a further name word: the index after the closing bracket.
    fn bracketed_name_part(&self, j: usize, end: usize) -> Option<usize> {
        let d = self.doc;
        if d.tok_text(j) != "[" {
            return None;
        }
        let mut k = j + 1;
        while k < end && name_word(d, k) {
            k += 1;
        }
        (k > j + 1 && k + 1 < end && d.tok_text(k) == "]" && name_word(d, k + 1)).then_some(k + 1)
    }

    fn push(&mut self, m: Mention) -> usize {
        let ix = self.out.mentions.len();
        for t in m.first..m.last {
            self.out.at[t] = ix as u32;
        }
        self.out.mentions.push(m);
        ix
    }

    /// Pushes the name mention of entity `e` over the tokens `mention`, whose name proper (no
    /// article or title before it, no affiliation after it) is the tokens `name`.
    fn push_name(
        &mut self,
        mention: std::ops::Range<usize>,
        name: std::ops::Range<usize>,
        e: usize,
        place: bool,
    ) -> usize {
        let t = &self.doc.tokens;
        let span = |r: &std::ops::Range<usize>| {
            Span::new(t[r.start].start as usize, t[r.end - 1].end as usize)
        };
        let m = Mention {
            first: mention.start,
            last: mention.end,
            span: span(&mention),
            name_span: span(&name),
            kind: MentionKind::Name,
            entity: Some(e),
            place,
        };
        self.push(m)
    }

    fn new_entity(&mut self, e: Entity) -> usize {
        // an office ("Mayor of Lorvik") has no surname: "" would match any word whose key is
        // empty, such as a sentence-initial "The"
        if e.actor_type == ActorType::Person && !e.surname.is_empty() {
            self.note_person_key(&e.key, &e.surname);
            self.person_initials |= key_initial(&e.surname);
            self.person_names.insert(e.surname.clone());
        }
        self.out.entities.push(e);
        self.out.entities.len() - 1
    }

    /// Keeps the surname memos up to date with the key of a person entity.
    fn note_person_key(&mut self, key: &str, surname: &str) {
        if key.contains(' ') && !self.full_surnames.contains(surname) {
            self.full_initials |= key_initial(surname);
            self.full_surnames.insert(surname.to_string());
        }
        if !self.person_names.contains(key) {
            self.person_initials |= key_initial(key);
            self.person_names.insert(key.to_string());
        }
    }

    fn country_entity(&mut self, country_ix: u16, alias: &str) -> usize {
        let c = self.lex.canonical_country(country_ix);
        let key = format!("code:{}", c.code);
        if let Some(e) = self.out.entities.iter().position(|e| e.key == key) {
            self.out.entities[e].aliases.insert(alias.to_string());
            return e;
        }
        let mut aliases = BTreeSet::new();
        aliases.insert(alias.to_string());
        self.new_entity(Entity {
            name: c.name.to_string(),
            actor_type: ActorType::Country,
            gender: Gender::Unknown,
            title: None,
            title_class: None,
            affiliation: None,
            code: Some(c.code.to_string()),
            aliases,
            key,
            surname: String::new(),
            aff_code: None,
        })
    }

    fn org_entity(&mut self, org_ix: u16, alias: &str) -> usize {
        let o = &self.lex.orgs[org_ix as usize];
        let key = format!("code:{}", o.key);
        if let Some(e) = self.out.entities.iter().position(|e| e.key == key) {
            self.out.entities[e].aliases.insert(alias.to_string());
            return e;
        }
        let mut aliases = BTreeSet::new();
        aliases.insert(alias.to_string());
        self.new_entity(Entity {
            name: o.name.to_string(),
            actor_type: if o.group {
                ActorType::Group
            } else {
                ActorType::Organization
            },
            gender: Gender::Unknown,
            title: None,
            title_class: None,
            affiliation: None,
            code: Some(o.key.to_string()),
            aliases,
            key,
            surname: String::new(),
            aff_code: None,
        })
    }

    /// A named entity found by its name: reuse the one with the same key, or the full-named
    /// person whose surname this is.
    fn named_entity(&mut self, name: &str, ty: ActorType, gender: Gender) -> usize {
        self.named_entity_of(name, ty, gender, Gender::Unknown)
    }

    /// [`Recognizer::named_entity`] for a name whose gender is certain from its honorific or
    /// title (`sure`): "Mr. Vell" after "Anna Vell" is not Anna Vell, and a surname that an
    /// honorific gave a gender is not upgraded to a full name of the other gender.
    fn named_entity_of(
        &mut self,
        name: &str,
        ty: ActorType,
        gender: Gender,
        sure: Gender,
    ) -> usize {
        let fits =
            |e: &Entity| sure == Gender::Unknown || e.gender == Gender::Unknown || e.gender == sure;
        let key = name_key(name);
        let surname = key.rsplit(' ').next().unwrap_or("").to_string();
        // same key
        if let Some(e) = self
            .out
            .entities
            .iter()
            .rposition(|e| e.key == key && e.code.is_none() && fits(e))
        {
            self.out.entities[e].aliases.insert(name.to_string());
            return e;
        }
        if ty == ActorType::Person || ty == ActorType::Other {
            // a surname alone ("Rutte") or a shortened full name joins the latest person with it
            let single = !key.contains(' ');
            if let Some(e) = self.out.entities.iter().rposition(|e| {
                e.actor_type == ActorType::Person
                    && fits(e)
                    && ((single && e.surname == key)
                        || (!single
                            && e.surname == surname
                            && e.key.split(' ').next() == key.split(' ').next()))
            }) {
                self.out.entities[e].aliases.insert(name.to_string());
                return e;
            }
            // a full name whose surname was seen alone before: upgrade that entity
            if !single
                && let Some(e) = self.out.entities.iter().rposition(|e| {
                    // "Mr. Vell" is not upgraded to "Anna Vell"
                    let g = if sure == Gender::Unknown {
                        gender
                    } else {
                        sure
                    };
                    e.actor_type == ActorType::Person
                        && e.key == surname
                        && (g == Gender::Unknown || e.gender == Gender::Unknown || e.gender == g)
                })
            {
                let ent = &mut self.out.entities[e];
                ent.aliases.insert(name.to_string());
                ent.name = name.to_string();
                let surname = ent.surname.clone();
                self.note_person_key(&key, &surname);
                self.out.entities[e].key = key;
                return e;
            }
        }
        let mut aliases = BTreeSet::new();
        aliases.insert(name.to_string());
        self.new_entity(Entity {
            name: name.to_string(),
            actor_type: ty,
            gender,
            title: None,
            title_class: None,
            affiliation: None,
            code: None,
            aliases,
            key,
            surname,
            aff_code: None,
        })
    }

    /// Premodifier of a title: a country, demonym or body ("US", "Ukrainian", "NATO", "Ukraine's").
    /// Returns (affiliation name, code, index after it).
    fn affiliation_at(&self, i: usize) -> Option<(&'static str, &'static str, usize)> {
        let d = self.doc;
        let (tag, mut j) = self.memo.phrase_among(d, i, AFFILIATION_KINDS, |t| {
            matches!(
                t,
                Tag::Country(_) | Tag::Demonym(_) | Tag::Org(_) | Tag::Capital(_, PlaceKind::Seat)
            )
        })?;
        if j < d.tokens.len() && d.tokens[j].is(POSSESSIVE) {
            j += 1;
        }
        let (name, code) = match tag {
            Tag::Country(c) => {
                let c = self.lex.canonical_country(c);
                (c.name, c.code)
            }
            Tag::Demonym(k) | Tag::Capital(k, _) => {
                let ci = if let Tag::Demonym(_) = tag {
                    self.lex.demonyms[k as usize]
                } else {
                    self.lex.capitals[k as usize]
                };
                let c = self.lex.canonical_country(ci);
                (c.name, c.code)
            }
            Tag::Org(o) => {
                let o = &self.lex.orgs[o as usize];
                (o.name, o.key)
            }
            _ => return None,
        };
        Some((name, code, j))
    }

    /// A capitalised place or body name that is no known person, starting at `i` ("Lorvik",
    /// "Tarvona State", "the Lorvik Water Board" without its article): its end.
    fn unknown_place_run(&self, i: usize, end: usize) -> Option<usize> {
        let d = self.doc;
        if i >= end || !name_word(d, i) || d.tokens[i].is(ALLCAPS) && d.tok_text(i).len() > 5 {
            return None;
        }
        if self.memo.has_tag_among(
            d,
            i,
            kind::GIVEN_NAME | kind::WEEKDAY | kind::MONTH | kind::TITLE,
            |t| {
                matches!(
                    t,
                    Tag::GivenName(_) | Tag::Weekday(_) | Tag::Month(_) | Tag::Title(_)
                )
            },
        ) || self.known_surname(i)
        {
            return None;
        }
        // "of Lorvik Ana Dorn": a given name after the place opens the person's name
        let mut j = self.name_run(i, end);
        if let Some(g) = (i + 1..j).find(|&k| {
            self.memo
                .has_tag_among(d, k, kind::GIVEN_NAME, |t| matches!(t, Tag::GivenName(_)))
        }) {
            j = g;
        }
        if j == i + 1 && self.common(i) {
            return None;
        }
        (j > i).then_some(j)
    }

    /// "of Lorvik", "of France", "of the Lorvik Water Board", "of Paris" after a title: the
    /// affiliation named by the phrase (name, code) and the index after it. A city keeps its own
    /// name: the mayor of a capital is no official of the country.
    fn of_affiliation(&self, i: usize, end: usize) -> Option<(String, String, usize)> {
        let d = self.doc;
        if i + 1 >= end || d.low(i) != "of" {
            return None;
        }
        let mut k = i + 1;
        if d.low(k) == "the" && k + 1 < end {
            k += 1;
        }
        if let Some((tag, j)) = self.memo.phrase_among(d, k, kind::COUNTRY | kind::ORG | kind::CAPITAL, |t| {
            matches!(t, Tag::Country(_) | Tag::Org(_) | Tag::Capital(..))
        })
            // "of Lorvik City Council" where "Lorvik" is a capital: the longer name
            && (matches!(tag, Tag::Org(_)) || self.name_run(k, end) <= j)
        {
            return match tag {
                Tag::Country(c) => {
                    let c = self.lex.canonical_country(c);
                    Some((c.name.to_string(), c.code.to_string(), j))
                }
                Tag::Org(o) => {
                    let o = &self.lex.orgs[o as usize];
                    Some((o.name.to_string(), o.key.to_string(), j))
                }
                Tag::Capital(c, PlaceKind::Seat) => {
                    let c = self.lex.canonical_country(self.lex.capitals[c as usize]);
                    Some((c.name.to_string(), c.code.to_string(), j))
                }
                Tag::Capital(..) => {
                    let name = self.text(k, j);
                    Some((name.to_string(), format!("place:{}", name_key(name)), j))
                }
                _ => None,
            };
        }
        let j = self.unknown_place_run(k, end)?;
        let name = self.text(k, j);
        Some((name.to_string(), format!("place:{}", name_key(name)), j))
    }

    /// "the Lorvik mayor": an unknown capitalised place or body right before a title, after an
    /// article (`i` is after the article). Returns (name, code, index after it).
    fn place_before_title(&self, i: usize, end: usize) -> Option<(String, String, usize)> {
        let d = self.doc;
        let j = self.unknown_place_run(i, end)?;
        // "the Lorvik mayor", but not "The Lorvik Leader" (a newspaper), "the Republican
        // nominee" or "the Latin American pope" (adjectives, not places)
        if j >= end
            || d.tokens[j].is(CAP)
            || (i..j).any(|k| self.common(k) || adjective_like(d.low(k)))
        {
            return None;
        }
        self.titles_at(j, end)?;
        let name = self.text(i, j);
        Some((name.to_string(), format!("place:{}", name_key(name)), j))
    }

    /// The person an office stands for when no named holder is known in the article: "the
    /// mayor of Lorvik" is the actor "Mayor of Lorvik" (title Mayor, affiliation Lorvik), one
    /// per office and article.
    fn office_entity(&mut self, title_ix: u16, title_text: &str, aff: &str, code: &str) -> usize {
        let title = &self.lex.titles[title_ix as usize];
        let title_name = title_case(&title_text.to_lowercase());
        let key = format!("office:{}|{}", name_key(title_text), code);
        if let Some(e) = self.out.entities.iter().position(|e| e.key == key) {
            return e;
        }
        let name = format!("{title_name} of {aff}");
        let mut aliases = BTreeSet::new();
        aliases.insert(name.clone());
        self.new_entity(Entity {
            name,
            actor_type: ActorType::Person,
            gender: title.gender,
            title: Some(title_name),
            title_class: Some(title.class),
            affiliation: Some(aff.to_string()),
            code: None,
            aliases,
            key,
            surname: String::new(),
            aff_code: Some(code.to_string()),
        })
    }

    /// A sequence of title phrases ("Vice President", "Secretary of the Army", "foreign minister")
    /// starting at `i`: the last title and the index after the titles.
    fn titles_at(&self, i: usize, end: usize) -> Option<(u16, usize)> {
        let d = self.doc;
        let mut j = i;
        let mut last = None;
        while j < end {
            match self.memo.phrase_among(d, j, kind::TITLE, is_title) {
                Some((Tag::Title(t), k)) => {
                    last = Some(t);
                    j = k;
                    // "Secretary of State", "minister of foreign affairs" are in the lexicon; a
                    // hyphen or "and" between titles continues
                    if j < end
                        && matches!(d.low(j), "-" | "and")
                        && self
                            .memo
                            .phrase_among(d, j + 1, kind::TITLE, is_title)
                            .is_some()
                    {
                        j += 1;
                    }
                }
                _ => break,
            }
        }
        last.map(|t| (t, j))
    }

    fn run(&mut self) {
        let d = self.doc;
        for s in 0..d.sentences.len() {
            let sent = d.sentences[s];
            let end = sent.last;
            let mut i = sent.first;
            while i < end {
                let adv = self.at_token(i, end);
                i = adv.max(i + 1);
            }
        }
    }

    /// Tries every pattern at token `i`; returns the index after what it consumed.
    fn at_token(&mut self, i: usize, end: usize) -> usize {
        let d = self.doc;
        let t = d.tokens[i];
        if t.kind != Kind::Word {
            // "[Tomas] Vell said": a name that opens with an editor's insertion
            if self.bracketed_name_part(i, end).is_some() {
                let j = self.name_run(i, end);
                if self.classify_run(i, j) == ActorType::Person {
                    let name = unbracket(self.text(i, j));
                    let e = self.named_entity(&name, ActorType::Person, self.given_gender(i + 1));
                    self.push_name(i..j, i..j, e, false);
                    return j;
                }
            }
            return i + 1;
        }
        let low = d.low(i);
        // pronouns
        if let Some(g) = pronoun_gender(low) {
            self.push(Mention {
                first: i,
                last: i + 1,
                span: t.span(),
                name_span: t.span(),
                kind: MentionKind::Pronoun,
                entity: None,
                place: false,
            });
            let _ = g;
            return i + 1;
        }
        // "Senate Democrats rejected the plan. They said …": the group that opened the sentence
        // before
        if low == "they" {
            if let Some(e) = self.they_antecedent(i) {
                self.push(Mention {
                    first: i,
                    last: i + 1,
                    span: t.span(),
                    name_span: t.span(),
                    kind: MentionKind::Pronoun,
                    entity: Some(e),
                    place: false,
                });
            }
            return i + 1;
        }
        // "police in Lorvik", "the army of Ruritania"
        if let Some(j) = self.body_of_place(i, end) {
            return j;
        }
        // "House Democrats", "congressional Republicans", "Democratic senators", "the two main
        // opposition parties": a group of party members
        if let Some(j) = self.party_group(i, end) {
            return j;
        }
        if !t.is(CAP) && !d.starts_phrase(i) {
            return i + 1;
        }
        // [the] [affiliation] title [of place] [,] Name  |  the [affiliation] title [of place]
        // (nominal)
        let mut k = i;
        let has_the = low == "the";
        if has_the {
            k += 1;
        }
        // without an article, the phrase starts with an affiliation or a title at `i`: most
        // words start neither, and [`Recognizer::affiliation_at`] and
        // [`Recognizer::titles_at`] would find nothing there
        let title_may_start = has_the || self.memo.may_start(d, i, AFFILIATION_KINDS | kind::TITLE);
        // before the title: "US", "Ukrainian", "NATO", "Ukraine's", or after an article an
        // unknown place ("the Lorvik mayor")
        let pre_aff = if title_may_start && k < end {
            self.affiliation_at(k)
                .map(|(n, c, j)| (n.to_string(), c.to_string(), j))
                .or_else(|| has_the.then(|| self.place_before_title(k, end)).flatten())
        } else {
            None
        };
        let after_aff = pre_aff.as_ref().map_or(k, |a| a.2);
        if let Some((title_ix, after_title)) = title_may_start
            .then(|| self.titles_at(after_aff, end))
            .flatten()
        {
            let title = &self.lex.titles[title_ix as usize];
            let title_is_cap = d.tokens[after_aff].is(CAP);
            // after the title: "the mayor of Lorvik", "President of Ruritania"
            let of_aff = if pre_aff.is_none()
                && title.class != TitleClass::Honorific
                && (has_the || title_is_cap)
            {
                self.of_affiliation(after_title, end)
            } else {
                None
            };
            let after_head = of_aff.as_ref().map_or(after_title, |a| a.2);
            let aff = pre_aff
                .as_ref()
                .or(of_aff.as_ref())
                .map(|(n, c, _)| (n.clone(), c.clone()));
            // the name may follow directly, after a comma (apposition), or be absent
            let mut n = after_head;
            let comma = n < end && d.tok_text(n) == ",";
            if comma {
                n += 1;
            }
            let title_text = self.text(after_aff, after_title).to_string();
            let name_end = if n < end && (name_word(d, n) || d.tok_text(n) == "[") {
                self.name_run(n, end)
            } else {
                n
            };
            let name_ok = name_end > n
                && !(comma && !has_the && aff.is_none() && title.class == TitleClass::Honorific)
                // "General Turbines Corp": a company whose name starts like a title
                && !company_suffix(d.low(name_end - 1))
                // "his wife, Senator Mara Vell": the apposition has a title of its own, and is
                // read on its own
                && !(comma && d.tokens[n].is(CAP) && self.titles_at(n, end).is_some())
                && self.memo.phrase_among(d, n, kind::COUNTRY | kind::ORG | kind::CAPITAL, |t| {
                    matches!(t, Tag::Country(_) | Tag::Org(_) | Tag::Capital(..))
                })
                .is_none()
                && !(name_end == n + 1
                    && self.common(n)
                    && !self.memo.has_tag_among(d, n, kind::GIVEN_NAME, |t| matches!(t, Tag::GivenName(_))))
                // "the mayor of Lorvik Ana Dorn" needs no comma, but a lone word after the
                // phrase without one is no name ("the mayor of Lorvik Monday")
                && (of_aff.is_none() || comma || name_end >= n + 2);
            // "a major Republican donor", "he accused Vell of …": lower-case, some titles are
            // an adjective or a verb (see [`crate::lexicon::Title::capital_only`])
            let plain_word = title.capital_only
                && !title_is_cap
                && !has_the
                && pre_aff.is_none()
                && !comma
                && after_title == after_aff + 1;
            if plain_word {
                return after_aff + 1;
            }
            if name_ok && (title_is_cap || comma || aff.is_some() || !has_the) {
                let name = unbracket(self.text(n, name_end));
                let mut gender = title.gender;
                if gender == Gender::Unknown {
                    gender = self.given_gender(if d.tok_text(n) == "[" { n + 1 } else { n });
                }
                // "Former President Vell" after "Former President Tomas Vell" and "Senator Mara
                // Vell": the Vell of that title, not the latest one
                let titled = (title.class != TitleClass::Honorific && !name.contains(' '))
                    .then(|| {
                        let key = name_key(&name);
                        let want = title_case(&title_text);
                        self.out.entities.iter().rposition(|e| {
                            e.actor_type == ActorType::Person
                                && e.surname == key
                                && e.title.as_deref() == Some(want.as_str())
                        })
                    })
                    .flatten();
                let e = match titled {
                    Some(e) => {
                        self.out.entities[e].aliases.insert(name.clone());
                        e
                    }
                    None => self.named_entity_of(&name, ActorType::Person, gender, title.gender),
                };
                let full = self
                    .text(if has_the { i + 1 } else { i }, name_end)
                    .to_string();
                let ent = &mut self.out.entities[e];
                if ent.gender == Gender::Unknown {
                    ent.gender = gender;
                }
                if title.class != TitleClass::Honorific {
                    ent.title = Some(title_case(&title_text));
                    ent.title_class = Some(title.class);
                    ent.aliases.insert(full);
                }
                // "Prime Minister Ana Dorn of Ruritania": the place after the name
                let post_aff = if aff.is_none() && title.class != TitleClass::Honorific {
                    self.of_affiliation(name_end, end)
                } else {
                    None
                };
                let ent = &mut self.out.entities[e];
                if let Some((an, ac)) = aff
                    .as_ref()
                    .map(|(n, c)| (n, c))
                    .or(post_aff.as_ref().map(|(n, c, _)| (n, c)))
                {
                    ent.affiliation = Some(an.clone());
                    ent.aff_code = Some(ac.clone());
                }
                let last = post_aff.as_ref().map_or(name_end, |a| a.2);
                let first = if has_the { i + 1 } else { i };
                self.push_name(first..last, n..name_end, e, false);
                return last;
            }
            // a nominal: "the president", "the Ukrainian leader", "the foreign minister", "the
            // mayor of Lorvik"
            if (has_the || pre_aff.is_some()) && title.class != TitleClass::Honorific {
                let first = i;
                let last = after_head;
                let code = aff.as_ref().map(|a| a.1.as_str());
                // "Ana Dorn, the mayor of Lorvik,": an apposition names the holder
                let ent = match self.apposed_person(first, last) {
                    Some(e) => {
                        let ent = &mut self.out.entities[e];
                        if ent.title.is_none() {
                            ent.title = Some(title_case(&title_text.to_lowercase()));
                            ent.title_class = Some(title.class);
                        }
                        if ent.affiliation.is_none()
                            && let Some((an, ac)) = &aff
                        {
                            ent.affiliation = Some(an.clone());
                            ent.aff_code = Some(ac.clone());
                        }
                        Some(e)
                    }
                    None => self.resolve_nominal(title_ix, code).or_else(|| {
                        // no holder named: the office itself, when its place is said and the
                        // phrase is definite ("the mayor of Lorvik", "Ruritania's president").
                        // "The Lorvik mayor" after a named person is that person more often
                        // than not (an epithet): it stays unresolved then
                        let definite = has_the
                            || (pre_aff.is_some() && d.tokens[after_aff - 1].is(POSSESSIVE));
                        let epithet =
                            of_aff.is_none() && self.earlier_person(title_ix, code, first);
                        match &aff {
                            Some((an, ac)) if definite && !epithet => {
                                Some(self.office_entity(title_ix, &title_text, an, ac))
                            }
                            _ => None,
                        }
                    }),
                };
                self.push(Mention {
                    first,
                    last,
                    span: Span::new(
                        d.tokens[first].start as usize,
                        d.tokens[last - 1].end as usize,
                    ),
                    name_span: Span::new(
                        d.tokens[after_aff].start as usize,
                        d.tokens[after_title - 1].end as usize,
                    ),
                    kind: MentionKind::Nominal,
                    entity: ent,
                    place: false,
                });
                if let Some(e) = ent {
                    let alias = self.text(first, last).to_string();
                    self.out.entities[e].aliases.insert(alias);
                }
                return last;
            }
        }
        if !t.is(CAP) {
            return i + 1;
        }
        // countries, capitals, bodies, demonyms
        if let Some((tag, j)) = self.memo.phrase_among(
            d,
            i,
            kind::COUNTRY | kind::CAPITAL | kind::ORG | kind::DEMONYM,
            |t| {
                matches!(
                    t,
                    Tag::Country(_) | Tag::Capital(..) | Tag::Org(_) | Tag::Demonym(_)
                )
            },
        ) {
            // a longer capitalised name that merely starts with a country ("New York Times")
            // is taken by the lexicon only when the lexicon phrase is the whole run
            let run = self.name_run(i, end);
            if run <= j
                || matches!(tag, Tag::Org(_))
                || matches!(tag, Tag::Demonym(_)) && self.person_after_demonym(j, run)
                || self
                    .memo
                    .has_tag_among(d, j.min(end - 1), kind::TITLE, |t| {
                        matches!(t, Tag::Title(_))
                    })
            {
                let alias = self.text(i, j).to_string();
                let prev_low = if i > 0 && d.sent_of[i - 1] == d.sent_of[i] {
                    d.low(i - 1)
                } else {
                    ""
                };
                let place = is_place_prep(prev_low);
                let (e, kind) = match tag {
                    Tag::Country(c) => (self.country_entity(c, &alias), MentionKind::Name),
                    Tag::Capital(c, _) => {
                        let ci = self.lex.capitals[c as usize];
                        (self.country_entity(ci, &alias), MentionKind::Metonym)
                    }
                    Tag::Org(o) => (self.org_entity(o, &alias), MentionKind::Name),
                    Tag::Demonym(c) => {
                        // plural demonyms name the people; adjectives modify the next noun
                        let ci = self.lex.demonyms[c as usize];
                        (self.country_entity(ci, &alias), MentionKind::Demonym)
                    }
                    _ => unreachable!(),
                };
                let first = if i > 0 && d.low(i - 1) == "the" && d.sent_of[i - 1] == d.sent_of[i] {
                    i - 1
                } else {
                    i
                };
                // "the French government", "France's foreign ministry": the country's
                // government is the country; a ministry or embassy is an organisation of it
                let (j, e, kind) = match tag {
                    Tag::Country(_) | Tag::Demonym(_) if !place => {
                        match self.government_body(j, end, e) {
                            Some((k, body)) => (k, body, MentionKind::Name),
                            None => (j, e, kind),
                        }
                    }
                    _ => (j, e, kind),
                };
                self.push(Mention {
                    first,
                    last: j,
                    span: Span::new(d.tokens[first].start as usize, d.tokens[j - 1].end as usize),
                    name_span: Span::new(d.tokens[i].start as usize, d.tokens[j - 1].end as usize),
                    kind,
                    entity: Some(e),
                    place,
                });
                return j;
            }
        }
        // "The French government said", "The BBC said" at the start of a sentence: the
        // country, body or organisation after the article is read on its own
        if d.low(i) == "the"
            && i + 1 < end
            && self
                .memo
                .phrase_among(d, i + 1, kind::COUNTRY | kind::DEMONYM | kind::ORG, |t| {
                    matches!(t, Tag::Country(_) | Tag::Demonym(_) | Tag::Org(_))
                })
                .is_some()
        {
            return i + 1;
        }
        // a run of capitalised words
        let j = self.name_run(i, end);
        if j == i {
            return i + 1;
        }
        // "Republican Tomas Vell", "Liberal Democrat Ana Lind": a party word before a given
        // name and a surname is a modifier, not part of the person's name
        let mut k = i;
        while k < j && k < i + 2 && (party_adjective(d.low(k)) || d.low(k) == "democrat") {
            k += 1;
        }
        if k > i
            && j >= k + 2
            && self
                .memo
                .has_tag_among(d, k, kind::GIVEN_NAME, |t| matches!(t, Tag::GivenName(_)))
        {
            return k;
        }
        let mut first = i;
        let company = company_suffix(d.low(j - 1));
        if company && j == i + 1 {
            // "Ostrander's Inc": the owner's name before a possessive belongs to the company;
            // a legal form on its own names nothing
            let mut k = i;
            if k > 1
                && d.sent_of[k - 2] == d.sent_of[i]
                && d.tokens[k - 1].is(POSSESSIVE)
                && self.out.at[k - 1] == u32::MAX
                && name_word(d, k - 2)
                && self.out.at[k - 2] == u32::MAX
            {
                k -= 1;
                while k > 0
                    && d.sent_of[k - 1] == d.sent_of[i]
                    && name_word(d, k - 1)
                    && self.out.at[k - 1] == u32::MAX
                    && !self
                        .memo
                        .has_tag_among(d, k - 1, kind::WEEKDAY | kind::MONTH, |t| {
                            matches!(t, Tag::Weekday(_) | Tag::Month(_))
                        })
                {
                    k -= 1;
                }
                // "On Ostrander's Corp …": not a sentence-initial common word
                while k + 2 < i && d.tokens[k].is(SENT_START) && self.common(k) {
                    k += 1;
                }
            }
            if k == i {
                return j;
            }
            first = k;
        }
        // a sentence-initial common word ("Shortly", "Rescue") is not part of the name, but
        // the first word of a company's name is ("Harbor Chemical Corp said")
        while (!company || matches!(d.low(first), "the" | "a" | "an"))
            && first < j
            && (d.tokens[first].is(SENT_START) || first == i)
            && self.common(first)
            && !self.memo.has_tag_among(d, first, kind::GIVEN_NAME, |t| {
                matches!(t, Tag::GivenName(_))
            })
            && !(j == first + 1 && self.lone_surname(first, end))
        {
            first += 1;
        }
        if first >= j {
            return j;
        }
        // all-caps headline words and single common words are not names, unless the word is
        // the surname of a person named in full before ("Little said" after "Tom Little")
        if j - first == 1
            && (self.common(first) && !self.lone_surname(first, end)
                || d.tokens[first].is(ALLCAPS) && d.tok_text(first).len() > 5)
        {
            return j;
        }
        if self
            .memo
            .has_tag_among(d, first, kind::WEEKDAY | kind::MONTH, |t| {
                matches!(t, Tag::Weekday(_) | Tag::Month(_))
            })
        {
            return j;
        }
        // "Lorvik police", "the Ruritania military": the body of the place
        if j < end
            && d.is_word(j)
            && !d.tokens[j].is(CAP)
            && is_body_word(d.low(j))
            && self.unknown_place_run(first, end) == Some(j)
            // "Lorvik police Chief Ana Dorn": the body is the chief's affiliation
            && !(j + 1 < end
                && (d.tokens[j + 1].is(CAP) || self.memo.phrase_among(d, j + 1, kind::TITLE, is_title).is_some()))
        {
            let place = self.text(first, j).to_string();
            let e = self.body_entity(d.low(j), &place);
            let mfirst = if first > 0
                && d.low(first - 1) == "the"
                && d.sent_of[first - 1] == d.sent_of[first]
            {
                first - 1
            } else {
                first
            };
            self.push_name(mfirst..j + 1, first..j + 1, e, false);
            return j + 1;
        }
        // "the Davis Cup", "the Patriot Act", "the Nobel Prize": a named thing, no actor
        if (j - first >= 2 || !self.known_surname(first))
            && self
                .memo
                .has_tag_among(d, j - 1, kind::THING_WORD, |t| t == Tag::ThingWord)
        {
            return j;
        }
        // "Ana Dorn QC", "Rob Okafor MSP": a post-nominal letter title is in the mention, not
        // in the name
        let run_end = j;
        let j = if j - first >= 3 && POST_NOMINALS.contains(&d.tok_text(j - 1)) {
            j - 1
        } else {
            j
        };
        let name = unbracket(self.text(first, j));
        let mut ty = self.classify_run(first, j);
        // "RNC officials", "HDP leaders": an unknown acronym before the people of a body
        if ty == ActorType::Other
            && j - first == 1
            && j < end
            && d.tokens[first].is(ALLCAPS)
            && (2..=6).contains(&d.tok_text(first).len())
            && body_people(d.low(j))
        {
            ty = ActorType::Organization;
        }
        if ty == ActorType::Other && j - first == 1 && !self.known_surname(first) {
            // a lone unknown capitalised word: a name only when it acts like one
            if !self.acts_like_person(first, j) {
                return j;
            }
        }
        // a run that ends in a place word ("Black Sea", "Tahrir Square") is a place, not a
        // person; other unknown runs are read as names of people
        // ("David Hill", "Mike Lake": a given name first makes it a person)
        let place_run = ty == ActorType::Other
            && self
                .memo
                .has_tag_among(d, j - 1, kind::PLACE_WORD, |t| t == Tag::PlaceWord)
            && !self.memo.has_tag_among(d, first, kind::GIVEN_NAME, |t| {
                matches!(t, Tag::GivenName(_))
            });
        let ty = if ty == ActorType::Other && !place_run {
            ActorType::Person
        } else {
            ty
        };
        let gender = if ty == ActorType::Person {
            self.given_gender(first)
        } else {
            Gender::Unknown
        };
        let e = self.named_entity(&name, ty, gender);
        let prev_low = if first > 0 && d.sent_of[first - 1] == d.sent_of[first] {
            d.low(first - 1)
        } else {
            ""
        };
        let mfirst = if prev_low == "the" && ty != ActorType::Person {
            first - 1
        } else {
            first
        };
        let place = place_run || ty == ActorType::Other && is_place_prep(prev_low);
        self.push_name(mfirst..run_end, first..j, e, place);
        run_end
    }

    /// A group of party or legislature members starting at `i`: [the] [number] [main]
    /// [legislature] (party plural | party adjective + members noun | opposition parties).
    /// Pushes the mention and returns the index after it.
    fn party_group(&mut self, i: usize, end: usize) -> Option<usize> {
        let d = self.doc;
        let mut k = i;
        let has_the = d.low(k) == "the";
        // without an article, every group below starts with a capitalised word or one of these
        // adjectives: most words start none, and need no further look
        if !has_the
            && !d.tokens[k].is(CAP)
            && !matches!(d.low(k), "congressional" | "parliamentary" | "opposition")
        {
            return None;
        }
        if has_the {
            k += 1;
        }
        let name_first = k;
        // "the two main opposition parties", "the three largest parties"
        if has_the
            && k < end
            && matches!(
                d.low(k),
                "two" | "three" | "four" | "both" | "main" | "major"
            )
        {
            k += 1;
            if k < end && matches!(d.low(k), "main" | "major" | "largest" | "biggest") {
                k += 1;
            }
        }
        let is_word = |k: usize| k < end && d.tokens[k].kind == Kind::Word;
        let mut modifier = false;
        // the legislature must be written as a name ("House", "Senate") unless it is an
        // adjective ("congressional")
        if is_word(k)
            && group_modifier(d.low(k))
            && (d.tokens[k].is(CAP)
                || matches!(d.low(k), "congressional" | "parliamentary" | "opposition"))
        {
            modifier = true;
            k += 1;
        }
        if !is_word(k) {
            return None;
        }
        let low = d.low(k);
        let head_end = if party_members(low) && d.tokens[k].is(CAP) {
            k + 1
        } else if is_word(k + 1)
            && members_noun(d.low(k + 1))
            && (!d.tokens[k + 1].is(CAP) || d.low(k + 1) == "mps")
            && party_adjective(low)
            && (d.tokens[k].is(CAP) || low == "opposition")
        {
            k + 2
        } else if is_word(k + 1)
            && d.tokens[k].is(CAP)
            && community_adjective(low)
            && !d.tokens[k + 1].is(CAP)
            && (members_noun(d.low(k + 1))
                || matches!(
                    d.low(k + 1),
                    "clerics" | "elders" | "bishops" | "rabbis" | "imams"
                ))
        {
            // "Muslim leaders", "Kurdish representatives", "Catholic bishops"
            k + 2
        } else if modifier
            && d.low(k - 1) == "opposition"
            && is_word(k)
            && members_noun(low)
            && !d.tokens[k].is(CAP)
        {
            // "opposition lawmakers", "the opposition parties"
            k + 1
        } else {
            return None;
        };
        // "Democrats" alone: a group, but only when not part of a longer capitalised run
        // ("Democrats Abroad")
        if head_end < end && d.tokens[head_end].is(CAP) && d.tokens[head_end].kind == Kind::Word {
            return None;
        }
        let first = if has_the { i } else { name_first };
        let name = self.text(name_first, head_end).to_string();
        let e = self.named_entity(&name, ActorType::Group, Gender::Unknown);
        self.push_name(first..head_end, name_first..head_end, e, false);
        Some(head_end)
    }

    fn given_gender(&self, i: usize) -> Gender {
        self.doc
            .tags(i)
            .find_map(|t| match t {
                Tag::GivenName(g) => Some(g),
                _ => None,
            })
            .unwrap_or(Gender::Unknown)
    }

    /// A capitalised common word that is the surname of a person named in full earlier ("Tom
    /// Little" ... "Little said"), not followed by a word that makes it an adjective or adverb
    /// ("Little is known", "Long before").
    fn lone_surname(&self, i: usize, end: usize) -> bool {
        let d = self.doc;
        let t = &d.tokens[i];
        if !t.is(CAP) || t.is(ALLCAPS) {
            return false;
        }
        if i + 1 < end
            && matches!(
                d.low(i + 1),
                "is" | "was"
                    | "are"
                    | "were"
                    | "before"
                    | "after"
                    | "ago"
                    | "of"
                    | "by"
                    | "than"
                    | "more"
                    | "less"
                    | "known"
                    | "to"
                    | "in"
                    | "since"
                    | "enough"
            )
        {
            return false;
        }
        self.full_surname(i)
    }

    /// "American Tomas Vell", "Argentine Vell" (once Tomas Vell is known): the capitalised words
    /// `j..run` after a demonym name a person (a given name and at least one more word, or the
    /// surname of a person named in full before), so the demonym is a modifier and not the
    /// start of one long name ("American Eagle Outfitters", "Swiss Re" stay names).
    fn person_after_demonym(&self, j: usize, run: usize) -> bool {
        let d = self.doc;
        match run.saturating_sub(j) {
            0 => false,
            1 => self.full_surname(j),
            _ => self
                .memo
                .has_tag_among(d, j, kind::GIVEN_NAME, |t| matches!(t, Tag::GivenName(_))),
        }
    }

    /// The word at `i` is the surname of a person named in full so far.
    fn full_surname(&self, i: usize) -> bool {
        let w = self.doc.tok_text(i);
        self.full_initials & key_initial_bit(w) != 0 && self.full_surnames.contains(&name_key(w))
    }

    fn known_surname(&self, i: usize) -> bool {
        let w = self.doc.tok_text(i);
        self.person_initials & key_initial_bit(w) != 0 && self.person_names.contains(&name_key(w))
    }

    /// A single capitalised word followed by a speech verb, a comma apposition with a title, or
    /// preceded by an honorific.
    fn acts_like_person(&self, i: usize, j: usize) -> bool {
        let d = self.doc;
        let end = d.sent(i).last;
        // "fighting outside Okafor", "fled from Okafor": after a preposition of place the word
        // names a place
        // "the government of Okafor", "the president of Okafor", but not "75 percent of
        // Okafor"
        if i > 1
            && d.sent_of[i - 2] == d.sent_of[i]
            && d.low(i - 1) == "of"
            && (is_body_word(d.low(i - 2))
                || self.memo.has_tag_among(
                    d,
                    i - 2,
                    kind::ORG_WORD | kind::PLACE_WORD | kind::TITLE,
                    |t| matches!(t, Tag::OrgWord | Tag::PlaceWord | Tag::Title(_)),
                ))
        {
            return false;
        }
        if i > 0
            && d.sent_of[i - 1] == d.sent_of[i]
            && matches!(
                d.low(i - 1),
                "in" | "from"
                    | "into"
                    | "near"
                    | "across"
                    | "outside"
                    | "inside"
                    | "throughout"
                    | "toward"
                    | "towards"
                    | "around"
                    | "via"
            )
        {
            return false;
        }
        if j < end {
            if self
                .memo
                .has_tag_among(d, j, kind::CUE, |t| matches!(t, Tag::Cue(_)))
            {
                return true;
            }
            if d.tokens[j].is(POSSESSIVE) {
                return false;
            }
            // "Okafor met …", "Okafor phoned …": the subject of a meeting or call verb
            if matches!(
                d.low(j),
                "met"
                    | "meets"
                    | "phoned"
                    | "telephoned"
                    | "hosted"
                    | "visited"
                    | "shook"
                    | "shakes"
                    | "greeted"
                    | "greets"
                    | "embraced"
            ) {
                return true;
            }
            if d.tok_text(j) == "," && j + 1 < end {
                let mut k = j + 1;
                if matches!(d.low(k), "a" | "an" | "the") {
                    k += 1;
                }
                // "Okafor, Nigeria's foreign minister," but not "Mosul, Iraq's second city" or
                // "Lahore, Pakistan,": the affiliation must lead to a title
                let affiliated_title = self.affiliation_at(k).is_some_and(|(_, _, a)| {
                    (a..(a + 3).min(end)).any(|t| {
                        self.memo
                            .phrase_among(d, t, kind::TITLE, is_title)
                            .is_some()
                    })
                });
                if k < end
                    && (affiliated_title
                        || self
                            .memo
                            .phrase_among(d, k, kind::TITLE, is_title)
                            .is_some())
                {
                    return true;
                }
            }
        }
        if i > 0 && matches!(d.low(i - 1), "said" | "says" | "told" | "added" | "asked") {
            return true;
        }
        // "… had met with Okafor", "spoke with Okafor", "phoned Okafor": a party of a meeting
        let meet_verb = |w: &str| {
            matches!(
                w,
                "met" | "meet" | "meets" | "spoke" | "speak" | "talked" | "talk" | "phoned"
            )
        };
        if i > 0
            && d.sent_of[i - 1] == d.sent_of[i]
            && (matches!(d.low(i - 1), "met" | "phoned" | "telephoned")
                || (i > 1 && d.low(i - 1) == "with" && meet_verb(d.low(i - 2))))
            && !d.tokens[i].is(ALLCAPS)
            && !(j < end
                && (d.tokens[j].is(CAP)
                    || self
                        .memo
                        .phrase_among(d, j, kind::TITLE, is_title)
                        .is_some()))
        {
            return true;
        }
        false
    }

    fn classify_run(&self, i: usize, j: usize) -> ActorType {
        let d = self.doc;
        for k in i..j {
            if self
                .memo
                .has_tag_among(d, k, kind::ORG_WORD, |t| t == Tag::OrgWord)
            {
                return ActorType::Organization;
            }
        }
        if self
            .memo
            .has_tag_among(d, j - 1, kind::PLACE_WORD, |t| t == Tag::PlaceWord)
        {
            return ActorType::Other;
        }
        if self
            .memo
            .has_tag_among(d, i, kind::GIVEN_NAME, |t| matches!(t, Tag::GivenName(_)))
            && j - i >= 2
        {
            return ActorType::Person;
        }
        if j - i >= 2 && j - i <= 4 {
            // two to four capitalised words that are not common words: most likely a person
            if (i..j).all(|k| {
                !self.common(k)
                    || self
                        .memo
                        .has_tag_among(d, k, kind::GIVEN_NAME, |t| matches!(t, Tag::GivenName(_)))
            }) {
                return ActorType::Person;
            }
            return ActorType::Organization;
        }
        ActorType::Other
    }

    /// After a country or its demonym at `j` (exclusive end `end`): its government ("French
    /// government", "France's government", "the Ruritanian cabinet") is the country itself; a
    /// ministry or embassy ("French foreign ministry", "France's embassy") is an organisation
    /// of the country ("Foreign Ministry of France"). Returns the end of the phrase and its
    /// entity.
    fn government_body(&mut self, j: usize, end: usize, country: usize) -> Option<(usize, usize)> {
        let d = self.doc;
        let mut k = j;
        if k < end && d.tokens[k].is(POSSESSIVE) {
            k += 1;
        }
        if k >= end || d.tokens[k].is(CAP) && d.tokens[k].is(SENT_START) {
            return None;
        }
        if matches!(
            d.low(k),
            "government" | "administration" | "cabinet" | "leadership" | "regime" | "authorities"
        ) {
            return Some((k + 1, country));
        }
        // "South Korea's military", "the Ruritanian police": the force of the country
        if is_body_word(d.low(k)) {
            let place = self.out.entities[country].name.clone();
            return Some((k + 1, self.body_entity(d.low(k), &place)));
        }
        let mut m = k;
        if m + 1 < end && MINISTRY_FIELDS.contains(&d.low(m)) {
            m += 1;
        }
        if !matches!(d.low(m), "ministry" | "embassy") {
            return None;
        }
        let body = self.text(k, m + 1).to_lowercase();
        let place = self.out.entities[country].name.clone();
        Some((m + 1, self.body_entity(&body, &place)))
    }

    /// The organisation a body of a place stands for ("Police of Lorvik"), with the place as its
    /// affiliation.
    fn body_entity(&mut self, body: &str, place: &str) -> usize {
        let name = format!("{} of {place}", title_case(body));
        let e = self.named_entity(&name, ActorType::Organization, Gender::Unknown);
        let ent = &mut self.out.entities[e];
        if ent.affiliation.is_none() {
            ent.affiliation = Some(place.to_string());
        }
        e
    }

    /// "police in Lorvik", "the army of Ruritania", "police in France": a body word, "in" or
    /// "of", and a place, as one organisation mention. Returns the index after it.
    fn body_of_place(&mut self, i: usize, end: usize) -> Option<usize> {
        let d = self.doc;
        let mut k = i;
        if d.low(k) == "the" {
            k += 1;
        }
        if k + 2 >= end || !is_body_word(d.low(k)) || !matches!(d.low(k + 1), "in" | "of") {
            return None;
        }
        let mut p = k + 2;
        if d.low(p) == "the" && p + 1 < end {
            p += 1;
        }
        let (place, j) = match self
            .memo
            .phrase_among(d, p, kind::COUNTRY | kind::CAPITAL, |t| {
                matches!(t, Tag::Country(_) | Tag::Capital(_, PlaceKind::Capital))
            }) {
            // "police in New Lorvik City": a longer name that starts with a known place
            Some((_, j)) if self.name_run(p, end) > j => return None,
            Some((Tag::Country(c), j)) => (self.lex.canonical_country(c).name.to_string(), j),
            Some((_, j)) => (self.text(p, j).to_string(), j),
            None => {
                let j = self.unknown_place_run(p, end)?;
                (self.text(p, j).to_string(), j)
            }
        };
        let e = self.body_entity(d.low(k), &place);
        self.push_name(i..j, k..j, e, false);
        Some(j)
    }

    /// A person mentioned before who could be the holder of the title: no other title and no
    /// other affiliation known.
    fn earlier_person(&self, title_ix: u16, code: Option<&str>, at: usize) -> bool {
        let d = self.doc;
        let title = &self.lex.titles[title_ix as usize];
        // "the defence minister" is not the foreign minister named before
        let (head, office) = office_of(title.title);
        // a person named earlier in the same sentence is another person ("Vell met the
        // Chilean foreign minister"), unless the office is set off by a comma, as an
        // apposition is ("Vell, the Chilean president,")
        let sent = d.sent_of[at];
        let apposed = at > 0 && d.tok_text(at - 1) == ",";
        self.out.mentions.iter().any(|m| {
            (apposed || d.sent_of[m.first] != sent)
                && m.entity.is_some_and(|e| {
                    let ent = &self.out.entities[e];
                    ent.actor_type == ActorType::Person
                        && ent.code.is_none()
                        && !ent.key.starts_with("office:")
                        && (ent.aff_code.is_none() || ent.aff_code.as_deref() == code)
                        && ent.title.as_deref().is_none_or(|t| {
                            let t = t.to_lowercase();
                            t.ends_with(head)
                                && office.is_none_or(|o| !t.contains(' ') || t.ends_with(o))
                        })
                })
        })
    }

    /// "Ana Dorn, the mayor of Lorvik", "Ana Dorn is the mayor of Lorvik": the named person
    /// right before the comma or copula that opens a nominal at `first`.
    fn apposed_person(&self, first: usize, last: usize) -> Option<usize> {
        let d = self.doc;
        if first < 2
            || !matches!(d.low(first - 1), "," | "is" | "was" | "became")
            || d.sent_of[first - 2] != d.sent_of[first]
        {
            return None;
        }
        let m = self.out.mentions.last()?;
        if m.last != first - 1 || m.kind != MentionKind::Name || m.place {
            return None;
        }
        // "In Chelsea, the mayor said": a comma apposition closes where it ends, and a name
        // after a preposition is a place or an object
        let sent_end = d.sent(first).last;
        if d.tok_text(first - 1) == ","
            && !(last >= sent_end || matches!(d.tok_text(last), "," | "." | ";"))
        {
            return None;
        }
        if m.first > 0 && d.sent_of[m.first - 1] == d.sent_of[first] {
            let p = d.low(m.first - 1);
            if is_place_prep(p) || matches!(p, "by" | "for" | "with" | "against") {
                return None;
            }
        }
        let e = m.entity?;
        let ent = &self.out.entities[e];
        (ent.actor_type == ActorType::Person && ent.code.is_none()).then_some(e)
    }

    /// "the president" / "the Ukrainian leader": the latest person with that title, or whose
    /// affiliation matches, else the most mentioned such person so far.
    fn resolve_nominal(&self, title_ix: u16, aff: Option<&str>) -> Option<usize> {
        let title = &self.lex.titles[title_ix as usize];
        let (head, office) = office_of(title.title);
        let generic = generic_head(head);
        let want = office.unwrap_or(head);
        for m in self.out.mentions.iter().rev() {
            let Some(e) = m.entity else { continue };
            let ent = &self.out.entities[e];
            if ent.actor_type != ActorType::Person {
                continue;
            }
            let t_ok = ent.title.as_deref().is_some_and(|t| {
                t.to_lowercase().ends_with(want)
                    || (generic && matches!(ent.title_class, Some(TitleClass::Head)))
            });
            let a_ok = match aff {
                Some(a) => ent.aff_code.as_deref() == Some(a),
                None => true,
            };
            if t_ok && a_ok {
                return Some(e);
            }
        }
        None
    }

    /// The group a subject "they" at `i` stands for: the group named as the subject of the
    /// sentence before ("Senate Democrats rejected the plan. They said …", "The Taliban took the
    /// town. “…,” they said."). Only a "they" that opens its sentence or attributes a quote or
    /// clause before it, outside quotation marks, and only a group alone at the start of the
    /// sentence before: "Democrats and Republicans …" or "Chilean officials met Democrats"
    /// leave it unresolved.
    fn they_antecedent(&self, i: usize) -> Option<usize> {
        let d = self.doc;
        let si = d.sent_of[i] as usize;
        if si == 0 {
            return None;
        }
        let sent = &d.sentences[si];
        let mut first = sent.first;
        while first < i && matches!(d.low(first), "but" | "and" | "so" | "now" | "yet") {
            first += 1;
        }
        let opens = first == i;
        let attributes = i > sent.first
            && i + 1 < sent.last
            && (d.tok_text(i - 1) == "," || matches!(d.tokens[i - 1].kind, Kind::Quote(_)))
            && matches!(
                d.low(i + 1),
                "said" | "say" | "says" | "added" | "argued" | "wrote" | "insisted"
            );
        if !(opens || attributes) {
            return None;
        }
        // inside a quotation "they" is the speaker's, not the narrator's: every quotation
        // mark before it in its sentence must close one
        let mut open = false;
        for k in sent.first..i {
            match d.tokens[k].kind {
                Kind::Quote(Quote::Open) => open = true,
                Kind::Quote(Quote::Close) => open = false,
                Kind::Quote(Quote::Either) => open = !open,
                _ => {}
            }
        }
        if open {
            return None;
        }
        let prev = &d.sentences[si - 1];
        let mut start = prev.first;
        if start < prev.last && matches!(d.low(start), "the") {
            start += 1;
        }
        let at = self.out.at[start];
        let m = self.out.mentions.get(at as usize)?;
        if m.first > start || m.first < prev.first || m.place || m.kind != MentionKind::Name {
            return None;
        }
        let e = m.entity?;
        if self.out.entities[e].actor_type != ActorType::Group {
            return None;
        }
        // "Democrats and Republicans", "Democrats, who …", "the Taliban's leader": not the
        // group alone
        if m.last >= prev.last
            || d.tokens[m.last].kind != Kind::Word
            || matches!(d.low(m.last), "and" | "or" | "&")
            || d.tokens[m.last].is(POSSESSIVE)
        {
            return None;
        }
        Some(e)
    }

    /// Pronoun resolution: the nearest earlier person mention of a compatible gender, preferring
    /// the subject of the sentence.
    fn resolve_pronouns(&mut self) {
        let d = self.doc;
        for mi in 0..self.out.mentions.len() {
            if self.out.mentions[mi].kind != MentionKind::Pronoun
                || self.out.mentions[mi].entity.is_some()
            {
                continue;
            }
            let m = &self.out.mentions[mi];
            let g = pronoun_gender(d.low(m.first)).unwrap_or(Gender::Unknown);
            let sent = d.sent_of[m.first] as usize;
            let para = d.sentences[sent].para;
            let object = is_object_pronoun(d, m.first);
            let pron_at = m.first;
            // "“… Tom Ode …,” he said": the quotation the pronoun attributes is not where its
            // antecedent is
            let quoted_from = attributed_quote_start(d, pron_at);
            let mut best: Option<(i64, usize)> = None;
            for (pj, p) in self.out.mentions[..mi].iter().enumerate().rev() {
                let Some(e) = p.entity else { continue };
                // "in Nevada": a place is not the antecedent of "he"
                if p.place
                    || (p.first > 0
                        && d.sent_of[p.first - 1] == d.sent_of[p.first]
                        && matches!(d.low(p.first - 1), "in" | "at" | "near" | "across" | "into"))
                {
                    continue;
                }
                if quoted_from.is_some_and(|q| p.first > q) {
                    continue;
                }
                let ent = &self.out.entities[e];
                if ent.actor_type != ActorType::Person {
                    continue;
                }
                if ent.gender != Gender::Unknown && g != Gender::Unknown && ent.gender != g {
                    continue;
                }
                let ps = d.sent_of[p.first] as usize;
                let dist = sent as i64 - ps as i64;
                if dist > 4 {
                    break;
                }
                // "Lund met him": an object pronoun is not the subject of its own clause
                if object && dist == 0 && same_clause(d, p.last, pron_at) {
                    continue;
                }
                // same sentence: the pronoun cannot be the object of its own clause subject
                // ("he met him"); prefer sentence subjects (first person mention of a sentence)
                let subject = self.out.mentions[..pj]
                    .iter()
                    .rev()
                    .take_while(|q| d.sent_of[q.first] as usize == ps)
                    .all(|q| {
                        q.entity
                            .is_none_or(|qe| self.out.entities[qe].actor_type != ActorType::Person)
                    });
                let para_bonus = if d.sentences[ps].para == para { 0 } else { 1 };
                let score = dist * 4 + if subject { 0 } else { 2 } + para_bonus * 2;
                if best.is_none_or(|b| score < b.0) {
                    best = Some((score, e));
                }
            }
            if let Some((_, e)) = best {
                self.out.mentions[mi].entity = Some(e);
                let ent = &mut self.out.entities[e];
                if ent.gender == Gender::Unknown && g != Gender::Unknown {
                    ent.gender = g;
                }
            }
        }
    }
}

/// When the pronoun at `i` attributes the quotation that closes right before it ("“…,” he
/// said", "“…” she added"), the token of that quotation's opening mark (in the same paragraph).
fn attributed_quote_start(d: &Doc, i: usize) -> Option<usize> {
    let para = d.sent(i).para;
    let mut k = i;
    // the closing mark, maybe followed by a comma
    if k > 0 && d.tok_text(k - 1) == "," {
        k -= 1;
    }
    if k == 0
        || !matches!(
            d.tokens[k - 1].kind,
            Kind::Quote(Quote::Close | Quote::Either)
        )
    {
        return None;
    }
    let close = k - 1;
    let first = d
        .paragraphs
        .get(para)
        .map_or(0, |p| d.sentences[p.first].first);
    (first..close)
        .rev()
        .find(|&j| matches!(d.tokens[j].kind, Kind::Quote(Quote::Open | Quote::Either)))
}

/// "him", "them", and "her" when it is not a possessive before its noun.
fn is_object_pronoun(d: &Doc, i: usize) -> bool {
    match d.low(i) {
        "him" | "them" | "me" | "us" => true,
        "her" => {
            let next = i + 1;
            next >= d.sent(i).last
                || d.tokens[next].kind != Kind::Word
                || matches!(
                    d.low(next),
                    "about"
                        | "after"
                        | "at"
                        | "before"
                        | "by"
                        | "for"
                        | "from"
                        | "in"
                        | "on"
                        | "that"
                        | "to"
                        | "with"
                        | "and"
                        | "as"
                        | "again"
                        | "twice"
                        | "once"
                )
        }
        _ => false,
    }
}

/// No clause boundary between tokens `a` (exclusive) and `b`: no punctuation, conjunction,
/// relative pronoun or quotation mark, so the words before `b` are its own clause's.
fn same_clause(d: &Doc, a: usize, b: usize) -> bool {
    (a..b).all(|k| {
        d.tokens[k].kind == Kind::Word
            && !matches!(
                d.low(k),
                "and"
                    | "but"
                    | "or"
                    | "that"
                    | "who"
                    | "whom"
                    | "which"
                    | "because"
                    | "when"
                    | "after"
                    | "before"
                    | "if"
                    | "while"
                    | "said"
                    | "says"
            )
    })
}

fn title_case(s: &str) -> String {
    s.split(' ')
        .map(|w| {
            if matches!(w, "of" | "the" | "for" | "and") {
                return w.to_string();
            }
            let mut c = w.chars();
            match c.next() {
                Some(f) => f.to_uppercase().chain(c).collect(),
                None => String::new(),
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Finds the actor mentions of a document and resolves them to entities.
pub fn recognize(doc: &Doc) -> Actors {
    let mut r = Recognizer {
        doc,
        lex: Lexicon::get(),
        memo: LexMemo::new(),
        out: Actors {
            mentions: Vec::new(),
            entities: Vec::new(),
            at: vec![u32::MAX; doc.tokens.len()],
        },
        full_surnames: FxHashSet::default(),
        full_initials: 0,
        person_initials: 0,
        person_names: FxHashSet::default(),
    };
    r.run();
    r.resolve_pronouns();
    r.out
}

/// The head word of a title, and the one office it names: a title of several words names one
/// office ("the prime minister" is not the foreign minister), without "former", "acting" and
/// the like before it; one word ("the minister"), or a generic head ("the party leader"),
/// names any title it ends.
fn office_of(title: &str) -> (&str, Option<&str>) {
    let head = title.rsplit(' ').next().unwrap_or(title);
    let mut core = title;
    for m in [
        "former ",
        "acting ",
        "interim ",
        "outgoing ",
        "incoming ",
        "then ",
    ] {
        core = core.strip_prefix(m).unwrap_or(core);
    }
    (
        head,
        (core.contains(' ') && !generic_head(head)).then_some(core),
    )
}

/// A title head that names no office of its own: "the leader" may be any head of a body.
fn generic_head(head: &str) -> bool {
    matches!(head, "leader" | "official" | "head" | "chief")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clean::clean;
    use crate::segment::segment;

    #[test]
    fn the_lex_memo_answers_as_the_phrase_scan_does() {
        let t = "The US Vice President and the foreign minister of Ruritania said on Monday that \
                 talks with President Ana Ruiz of the European Union went on. She points out \
                 that the Kremlin, NATO and the United Nations were told in March.";
        let c = clean(t);
        let d = segment(t, &c);
        let bits = (0..13).map(|b| 1u16 << b).collect::<Vec<_>>();
        // twice: the second round answers from the memo
        for _ in 0..2 {
            let memo = LexMemo::new();
            for i in 0..d.tokens.len() + 2 {
                for &b in &bits {
                    let f = |t: Tag| kind_bit(t) == b;
                    assert_eq!(
                        memo.phrase_among(&d, i, b, f),
                        d.phrase_at(i, f),
                        "token {i}, kind {b}"
                    );
                    // no phrase of a kind starts where the memo says none may
                    assert!(memo.may_start(&d, i, b) || d.phrase_at(i, f).is_none());
                    if i < d.tokens.len() && b == kind::CUE_PHRASE {
                        // no cue phrase is found where none may start
                        assert!(
                            memo.cue_phrase_may_start(&d, i)
                                || memo.phrase_among(&d, i, b, f).is_none()
                        );
                    }
                    if i < d.tokens.len() {
                        let cue = d.tags(i).find_map(|t| match t {
                            Tag::Cue(c) => Some(c),
                            _ => None,
                        });
                        assert_eq!(memo.first_cue(&d, i), cue);
                        assert_eq!(memo.has_tag_among(&d, i, b, f), d.has_tag(i, f));
                    } else {
                        assert!(!memo.has_tag_among(&d, i, b, f));
                    }
                }
            }
        }
    }

    #[test]
    fn every_tag_kind_has_its_own_bit() {
        let tags = [
            Tag::Country(0),
            Tag::Capital(0, PlaceKind::Capital),
            Tag::Demonym(0),
            Tag::Org(0),
            Tag::Title(0),
            Tag::Cue(0),
            Tag::CuePhrase(crate::lexicon::CueClass::Speech),
            Tag::GivenName(Gender::Female),
            Tag::OrgWord,
            Tag::PlaceWord,
            Tag::ThingWord,
            Tag::Common,
            Tag::Weekday(0),
            Tag::Month(0),
        ];
        let all = tags.iter().fold(0u16, |acc, &t| {
            assert_eq!(kind_bit(t).count_ones(), 1);
            assert_eq!(acc & kind_bit(t), 0, "{t:?} shares a bit");
            acc | kind_bit(t)
        });
        assert_eq!(all.count_ones(), 14);
    }

    #[test]
    fn capitalised_contractions_are_not_names() {
        // issue 3: "I've" and "We'll" at a sentence start were taken for persons
        let (n, _) = names(
            "Mr Tamsin Drew said: \"I've told the board. We'll see.\" Ms Kerr O'Neill agreed.",
        );
        assert!(
            !n.iter().any(|x| x.contains("'ve") || x.contains("'ll")),
            "{n:?}"
        );
        assert!(n.iter().any(|x| x.contains("O'Neill")), "{n:?}");
        assert!(is_contraction("i'm") && is_contraction("don\u{2019}t"));
        assert!(!is_contraction("o'neill") && !is_contraction("d'arcy"));
    }

    #[test]
    fn the_pronoun_after_a_quotation_does_not_refer_inside_it() {
        // issue 3: "“… Tom Ode …,” he told the court" — he is the witness, not Ode
        let t = "Former director Aldo Ferrant took the stand on Tuesday. \
                 \"I was never warned by Tomas Vell of anything,\" he told the court.";
        assert_eq!(first_pronoun_refers_to(t), "Aldo Ferrant");
    }

    #[test]
    fn an_object_pronoun_is_not_its_own_clause_subject() {
        // issue 3: "Lund met him" — "him" is someone else (the condition B of binding)
        let t = "Governor Pim Dorsey arrived in Belsk. Mayor Ivo Lund met him on Monday.";
        assert_eq!(first_pronoun_refers_to(t), "Pim Dorsey");
    }

    /// The name of the entity the first pronoun of `t` resolves to.
    fn first_pronoun_refers_to(t: &str) -> String {
        let (_, a) = names(t);
        let p = a
            .mentions
            .iter()
            .find(|m| m.kind == MentionKind::Pronoun)
            .expect("a pronoun");
        a.entities[p.entity.expect("resolved")].name.clone()
    }

    fn names(t: &str) -> (Vec<String>, Actors) {
        let c = clean(t);
        let d = segment(t, &c);
        let a = recognize(&d);
        let v = a
            .mentions
            .iter()
            .map(|m| {
                let e = m
                    .entity
                    .map(|e| a.entities[e].name.clone())
                    .unwrap_or_default();
                format!("{}={}", m.span.text(t), e)
            })
            .collect();
        (v, a)
    }

    #[test]
    fn a_named_cup_act_or_prize_is_no_actor() {
        // issue 3: "the Davis Cup", "the Patriot Act" and "Cup" alone were read as people
        let t = "Tomas Vell won the Harbor Open and the Lorvik Cup. Cup holders Chile lost. \
                 The Clean Rivers Act passed. Ana Dorn won the Orwell Prize.";
        let (v, _) = names(t);
        assert_eq!(
            v,
            ["Tomas Vell=Tomas Vell", "Chile=Chile", "Ana Dorn=Ana Dorn"],
            "{v:?}"
        );
    }

    #[test]
    fn letters_after_a_name_are_not_part_of_it() {
        // issue 3: "Ana Dorn QC" and "Rob Okafor MSP" were other people than "Ana Dorn"
        let t = "Ana Dorn QC said the ruling was wrong. Rob Okafor MSP agreed with Dorn.";
        let (v, a) = names(t);
        assert_eq!(
            v,
            [
                "Ana Dorn QC=Ana Dorn",
                "Rob Okafor MSP=Rob Okafor",
                "Dorn=Ana Dorn"
            ],
            "{v:?}"
        );
        assert_eq!(a.entities.len(), 2);
    }

    #[test]
    fn a_sentence_initial_the_is_not_the_office_named_before() {
        // issue 3: an office actor has no surname, and the empty surname matched the empty
        // key of "The", so "The company …" was a mention of "Attorney General of Texas"
        let t = "The Texas attorney general said it would sue.\n\nThe company denied it.";
        let (v, _) = names(t);
        assert_eq!(
            v,
            ["The Texas attorney general=Attorney General of Texas"],
            "{v:?}"
        );
    }

    #[test]
    fn they_after_a_group_opening_the_sentence_before_is_that_group() {
        // issue 3: a plural "they" was never resolved, so "They said …" after a party group
        // had no speaker actor
        let t = "Senate Democrats rejected the budget on Monday. They said it cut schools.";
        let (v, _) = names(t);
        assert!(v.contains(&"They=Senate Democrats".to_string()), "{v:?}");
        let t = "The Taliban took the pass. \"We hold it,\" they said.";
        let (v, _) = names(t);
        assert!(v.contains(&"they=Taliban".to_string()), "{v:?}");
        // not a group alone at the start, not the group's own quote, not a "they" inside
        for t in [
            "Senate Democrats and Republicans met. They said no.",
            "Chilean officials met Senate Democrats. They said no.",
            "Senate Democrats met. Vell said they were wrong.",
            "Senate Democrats met. \"They lied,\" Vell said.",
        ] {
            let (v, _) = names(t);
            assert!(
                !v.iter().any(|m| m.to_lowercase().starts_with("they")),
                "{t}: {v:?}"
            );
        }
    }

    #[test]
    fn a_title_case_headline_is_not_one_long_name() {
        // issue 3: "Vell Says He Will …" and "Lindqvist Should Step Aside" were read as one
        // organisation or person named by the whole headline
        let (v, _) = names("Tomas Vell Says He Is Ready\n\nMara Lindqvist Should Step Aside Now");
        assert!(v.iter().any(|x| x == "Tomas Vell=Tomas Vell"), "{v:?}");
        assert!(
            v.iter().any(|x| x == "Mara Lindqvist=Mara Lindqvist"),
            "{v:?}"
        );
        assert!(
            v.iter()
                .all(|x| !x.contains("Says") && !x.contains("Should")),
            "{v:?}"
        );
        // numerals and names that look like such words stay in the name
        let (v, _) = names("Pope Tomas I met Will Vell on Monday.");
        assert!(v.iter().any(|x| x.starts_with("Will Vell=")), "{v:?}");
    }

    #[test]
    fn a_titled_surname_joins_the_person_of_that_title() {
        // issue 3: "Former President Vell" went to the latest Vell (a senator), and "his wife,
        // Senator Mara Vell" named a person "Senator Mara Vell"
        let t = "Former President Tomas Vell campaigned for his wife, Senator Mara Vell. \
                 Senator Vell said it was close. Former President Vell said she would win.";
        let (v, _) = names(t);
        assert!(
            v.iter().any(|x| x == "Senator Mara Vell=Mara Vell"),
            "{v:?}"
        );
        assert!(v.iter().any(|x| x == "Senator Vell=Mara Vell"), "{v:?}");
        assert!(
            v.iter().any(|x| x == "Former President Vell=Tomas Vell"),
            "{v:?}"
        );
    }

    #[test]
    fn a_lower_case_major_or_accused_is_no_title() {
        // issue 3: "a major Republican donor" made a person titled Major, and "Vell accused
        // Lindqvist" gave Lindqvist the title Accused
        let (_, a) =
            names("Tomas Vell accused Mara Lindqvist of lying. A major Ruritanian donor left.");
        assert!(
            a.entities
                .iter()
                .all(|e| !matches!(e.title.as_deref(), Some("Accused" | "Major"))),
            "{:?}",
            a.entities
                .iter()
                .map(|e| (&e.name, &e.title))
                .collect::<Vec<_>>()
        );
        assert!(a.entities.iter().any(|e| e.name == "Mara Lindqvist"));
        // capitalised, or after "the" and a comma, they still are
        let (_, a) = names("Major Tomas Ode said it. The accused, Ana Dorn, was silent.");
        let title = |n: &str| {
            a.entities
                .iter()
                .find(|e| e.name == n)
                .and_then(|e| e.title.clone())
        };
        assert_eq!(title("Tomas Ode").as_deref(), Some("Major"));
        assert_eq!(title("Ana Dorn").as_deref(), Some("Accused"));
    }

    #[test]
    fn a_company_name_keeps_its_first_words_and_its_owner() {
        // issue 3: business news named "Harbor Chemical Corp" as "Corp", "Ostrander's Inc" as
        // "Inc" and "General Turbines Corp" as a person "Turbines Corp" with the title General
        for (t, want) in [
            (
                "Harbor Chemical Corp said sales rose.",
                "Harbor Chemical Corp=Harbor Chemical Corp",
            ),
            (
                "Ostrander's Inc. said it agreed.",
                "Ostrander's Inc.=Ostrander's Inc.",
            ),
            (
                "On Monday Ostrander's Inc said so.",
                "Ostrander's Inc=Ostrander's Inc",
            ),
            ("Summit's Inc said so.", "Summit's Inc=Summit's Inc"),
            (
                "General Turbines Corp said it hired.",
                "General Turbines Corp=General Turbines Corp",
            ),
            (
                "The Kestrel Corp said it grew.",
                "The Kestrel Corp=Kestrel Corp",
            ),
        ] {
            let (v, a) = names(t);
            assert!(v.iter().any(|x| x == want), "{t}: {v:?}");
            assert!(
                a.entities.iter().all(|e| e.actor_type != ActorType::Person),
                "{t}: {v:?}"
            );
        }
        // a legal form alone names nothing, and a country's possessive stays the country's
        for t in ["Corp said nothing.", "Britain's Ltd said so."] {
            let (v, _) = names(t);
            assert!(
                v.iter()
                    .all(|x| !x.contains("Ltd") && !x.starts_with("Corp")),
                "{t}: {v:?}"
            );
        }
    }

    #[test]
    fn a_countrys_government_is_the_country_and_its_ministry_an_organisation() {
        for (t, want) in [
            (
                "The French government said it.",
                "The French government=France",
            ),
            ("Later France's cabinet said it.", "France's cabinet=France"),
            (
                "The French foreign ministry said it.",
                "The French foreign ministry=Foreign Ministry of France",
            ),
            (
                "Later France's embassy said it.",
                "France's embassy=Embassy of France",
            ),
        ] {
            let (v, _) = names(t);
            assert!(v.iter().any(|x| x == want), "{t}: {v:?}");
        }
        // a place is not a government: "in France the government said"
        let (v, _) = names("Prices rose in France, the government said.");
        assert!(v.iter().any(|x| x == "France=France"), "{v:?}");
    }

    #[test]
    fn titled_names_and_surnames() {
        let (v, a) = names(
            "Ukrainian Foreign Minister Tamsin Okonkwo-Reyes met Chilean President Aldric Venn. Okonkwo-Reyes said he was late.",
        );
        assert!(
            v.contains(
                &"Ukrainian Foreign Minister Tamsin Okonkwo-Reyes=Tamsin Okonkwo-Reyes".to_string()
            ),
            "{v:?}"
        );
        assert!(
            v.contains(&"Okonkwo-Reyes=Tamsin Okonkwo-Reyes".to_string()),
            "{v:?}"
        );
        let venn = a.entities.iter().find(|e| e.name == "Aldric Venn").unwrap();
        assert_eq!(venn.title.as_deref(), Some("President"));
    }

    #[test]
    fn metonyms_and_nominals_resolve() {
        let (v, _) = names(
            "Ukrainian President Oleksandr Dovbush spoke on Monday. Kyiv welcomed it, and the Ukrainian leader said so. He left.",
        );
        assert!(v.contains(&"Kyiv=Ukraine".to_string()), "{v:?}");
        assert!(
            v.contains(&"the Ukrainian leader=Oleksandr Dovbush".to_string()),
            "{v:?}"
        );
        assert!(v.contains(&"He=Oleksandr Dovbush".to_string()), "{v:?}");
    }

    #[test]
    fn apposition_after_possessive_country() {
        let (v, _) = names("Ukraine's foreign minister, Andrii Stelmakh, said it.");
        assert!(v.iter().any(|x| x.ends_with("=Andrii Stelmakh")), "{v:?}");
    }

    #[test]
    fn a_place_is_not_the_antecedent_of_a_pronoun() {
        let (v, _) = names("Alarmed by unrest in Tarvona, Senator Ole Brisk said he left.");
        assert!(v.contains(&"he=Ole Brisk".to_string()), "{v:?}");
    }

    #[test]
    fn an_honorific_surname_skips_a_namesake_of_the_other_gender() {
        let t = "Tomas Vell runs the port. His sister Anna Vell sold her shares. Mr. Vell said \
                 the sale was legal.";
        let (v, _) = names(t);
        assert!(v.contains(&"Mr. Vell=Tomas Vell".to_string()), "{v:?}");
        assert!(
            v.iter().any(|x| x.ends_with("Anna Vell=Anna Vell")),
            "{v:?}"
        );
        // no namesake of that gender: a person of its own, not the sister
        let (v, a) = names("Anna Lindqvist spoke first. Mr. Lindqvist said little.");
        assert!(
            !v.contains(&"Mr. Lindqvist=Anna Lindqvist".to_string()),
            "{v:?}"
        );
        assert_eq!(
            a.entities
                .iter()
                .filter(|e| e.surname == "lindqvist")
                .count(),
            2
        );
        // a surname an honorific made male is not upgraded to a woman's full name
        let (v, _) = names("Mr. Okoro arrived late. Later Grace Okoro said the talks failed.");
        assert!(!v.contains(&"Mr. Okoro=Grace Okoro".to_string()), "{v:?}");
        // a compatible honorific still joins
        let (v, _) = names("Anna Lindqvist spoke first. Ms. Lindqvist said little.");
        assert!(
            v.contains(&"Ms. Lindqvist=Anna Lindqvist".to_string()),
            "{v:?}"
        );
    }

    #[test]
    fn the_key_initial_test_never_rules_out_a_key() {
        for w in [
            "Vell",
            "The",
            "Thea",
            "Mr",
            "Mrs",
            "Ms",
            "Dr",
            "Drake",
            "O'Neil",
            "al-Murad",
            "Öz",
            "Élan",
            "3M",
            "-",
            "Lindqvist's",
            "the",
            "MR",
            "Tomas",
        ] {
            assert_ne!(key_initial(&name_key(w)) & key_initial_bit(w), 0, "{w}");
        }
    }

    #[test]
    fn a_lone_surname_before_a_meeting_verb_is_a_person() {
        let (v, _) = names("Okafor met Governor Pim Dorsey on Friday.");
        assert!(v.contains(&"Okafor=Okafor".to_string()), "{v:?}");
    }

    #[test]
    fn glued_arabic_particles_stay_in_the_name() {
        let (v, _) = names("Minister Fadi al-Murad met King Omar bin Tarek al-Hamid Al Sabri.");
        assert!(
            v.iter().any(|x| x.ends_with("Fadi al-Murad=Fadi al-Murad")),
            "{v:?}"
        );
        assert!(
            v.iter()
                .any(|x| x.ends_with("=Omar bin Tarek al-Hamid Al Sabri")),
            "{v:?}"
        );
    }

    #[test]
    fn an_acronym_before_officials_is_a_body() {
        let (_, a) = names("Later, QRZ officials met the governor.");
        assert!(
            a.entities
                .iter()
                .any(|e| e.name == "QRZ" && e.actor_type == ActorType::Organization),
            "{:?}",
            a.entities.iter().map(|e| &e.name).collect::<Vec<_>>()
        );
    }

    #[test]
    fn a_lone_surname_after_met_with_is_a_person() {
        let (v, _) = names("She said she had met with Okafor twice.");
        assert!(v.contains(&"Okafor=Okafor".to_string()), "{v:?}");
        let (v, _) = names("He met with Tarvona mayor Ivo Lund.");
        assert!(!v.iter().any(|x| x.starts_with("Tarvona")), "{v:?}");
    }
    #[test]
    fn a_lone_word_before_a_country_or_after_a_place_preposition_is_no_person() {
        let person = |t: &str, w: &str| {
            let (_, a) = names(t);
            a.entities
                .iter()
                .any(|e| e.name == w && e.actor_type == ActorType::Person)
        };
        assert!(!person(
            "Fighting spread to Varnok, Chile's second largest city, on Monday.",
            "Varnok"
        ));
        assert!(!person(
            "Residents fled from Varnok, Chile, on Monday.",
            "Varnok"
        ));
        assert!(!person(
            "Shelling continued outside Varnok, officials said.",
            "Varnok"
        ));
        assert!(person(
            "Okafor, Nigeria's foreign minister, said the talks went well.",
            "Okafor"
        ));
    }

    /// The entity of the mention whose text is `m` in `t`: (name, type, title, affiliation).
    fn entity_of(t: &str, m: &str) -> Option<(String, ActorType, Option<String>, Option<String>)> {
        let (_, a) = names(t);
        let men = a.mentions.iter().find(|x| x.span.text(t) == m)?;
        let e = &a.entities[men.entity?];
        Some((
            e.name.clone(),
            e.actor_type,
            e.title.clone(),
            e.affiliation.clone(),
        ))
    }

    #[test]
    fn a_title_of_a_place_is_the_office_holder() {
        let office = |t: &str, m: &str| entity_of(t, m).map(|e| (e.0, e.1, e.2, e.3));
        let p = |n: &str, ti: &str, af: &str| {
            Some((
                n.to_string(),
                ActorType::Person,
                Some(ti.to_string()),
                Some(af.to_string()),
            ))
        };
        assert_eq!(
            office("The mayor of Lorvik said it.", "The mayor of Lorvik"),
            p("Mayor of Lorvik", "Mayor", "Lorvik")
        );
        // a capital's mayor is no official of its country
        assert_eq!(
            office("The mayor of Paris said it.", "The mayor of Paris"),
            p("Mayor of Paris", "Mayor", "Paris")
        );
        assert_eq!(
            office(
                "The president of France said it.",
                "The president of France"
            ),
            p("President of France", "President", "France")
        );
        // before the title: a demonym, or an unknown place after an article
        assert_eq!(
            office("The French president said it.", "The French president"),
            p("President of France", "President", "France")
        );
        assert_eq!(
            office("The Lorvik mayor said it.", "The Lorvik mayor"),
            p("Mayor of Lorvik", "Mayor", "Lorvik")
        );
        assert_eq!(
            office(
                "The head of the Lorvik Water Board said it.",
                "The head of the Lorvik Water Board"
            ),
            p("Head of Lorvik Water Board", "Head", "Lorvik Water Board")
        );
        // one office per article: the two forms are one actor
        let (_, a) = names("The mayor of Lorvik spoke. Later the Lorvik mayor said it.");
        assert_eq!(
            a.entities
                .iter()
                .filter(|e| e.name == "Mayor of Lorvik")
                .count(),
            1
        );
        // not a place: adjectives, newspapers, indefinite phrases
        assert_eq!(
            office("The Republican nominee said it.", "The Republican nominee"),
            None
        );
        assert!(
            entity_of("The Lorvik Leader said it.", "The Lorvik Leader")
                .is_none_or(|e| e.2.is_none())
        );
        assert_eq!(
            office("A French official said it.", "A French official"),
            None
        );
    }

    #[test]
    fn an_unknown_place_after_of_is_no_person() {
        let (_, a) =
            names("The president of Ruritania said it. The government of Tarvonia agreed.");
        assert!(
            !a.entities
                .iter()
                .any(|e| matches!(e.name.as_str(), "Ruritania" | "Tarvonia")),
            "{:?}",
            a.entities.iter().map(|e| &e.name).collect::<Vec<_>>()
        );
        // but a people after a quantity is still named
        let (v, _) = names("Some 75 percent of Lorvikers said so.");
        assert!(v.contains(&"Lorvikers=Lorvikers".to_string()), "{v:?}");
    }

    #[test]
    fn a_named_holder_of_an_office_takes_its_title_and_place() {
        // apposition after the title phrase
        let e = entity_of(
            "The mayor of Lorvik, Ana Dorn, said it.",
            "mayor of Lorvik, Ana Dorn",
        );
        assert_eq!(
            e,
            Some((
                "Ana Dorn".into(),
                ActorType::Person,
                Some("Mayor".into()),
                Some("Lorvik".into())
            ))
        );
        // apposition or copula before it: the nominal is that person, and so is "the mayor" later
        for t in [
            "Ana Dorn, the mayor of Lorvik, arrived. The mayor said it.",
            "Ana Dorn is the mayor of Lorvik. The mayor said it.",
        ] {
            let (v, a) = names(t);
            assert!(v.contains(&"The mayor=Ana Dorn".to_string()), "{v:?}");
            let e = a.entities.iter().find(|e| e.name == "Ana Dorn").unwrap();
            assert_eq!(e.affiliation.as_deref(), Some("Lorvik"));
        }
        // "In Belsk, the mayor said": no apposition after a preposition or without its comma
        let (v, _) = names("Pim Dorsey left. In Belsk, the mayor of Lorvik said it.");
        assert!(!v.iter().any(|x| x.ends_with("=Belsk")), "{v:?}");
        // an epithet after a named person is left unresolved, not made a new office
        let (v, _) = names("Pim Dorsey spoke. The Lorvik mayor said it.");
        assert!(v.contains(&"The Lorvik mayor=".to_string()), "{v:?}");
    }

    #[test]
    fn a_body_of_a_place_is_one_organisation() {
        for (t, m) in [
            ("Police in Lorvik said it.", "Police in Lorvik"),
            ("Lorvik police said it.", "Lorvik police"),
            ("The police of Lorvik said it.", "The police of Lorvik"),
        ] {
            let e = entity_of(t, m);
            assert_eq!(
                e.as_ref().map(|e| (e.0.as_str(), e.1, e.3.as_deref())),
                Some(("Police of Lorvik", ActorType::Organization, Some("Lorvik"))),
                "{t}"
            );
        }
        assert_eq!(
            entity_of("The army of France said it.", "The army of France").map(|e| e.0),
            Some("Army of France".to_string())
        );
        // the body before a titled name is the chief's, not a speaker of its own
        let (v, _) = names("Lorvik police Chief Ana Dorn said it.");
        assert!(v.iter().any(|x| x.ends_with("=Ana Dorn")), "{v:?}");
        assert!(!v.iter().any(|x| x.contains("Police of")), "{v:?}");
    }

    #[test]
    fn a_place_or_title_phrase_at_the_end_of_the_text_does_not_panic() {
        // a place run that ends the text before any title was read past the last token
        for t in [
            "the Lorvik",
            "the United Statesß",
            "The mayor of",
            "The mayor of the",
            "Police in",
            "Lorvik police",
            "Ana Dorn, the",
        ] {
            let _ = names(t);
        }
    }

    #[test]
    fn party_members_with_a_legislature_are_a_group() {
        let t = "House Democrats met Senate Republicans. Later congressional Democrats and \
                 Labour MPs spoke. The two main opposition parties met Tory leaders. \
                 Conservative senators and opposition lawmakers met the Greens.";
        let (v, a) = names(t);
        for want in [
            "House Democrats=House Democrats",
            "Senate Republicans=Senate Republicans",
            "congressional Democrats=congressional Democrats",
            "Labour MPs=Labour MPs",
            "The two main opposition parties=two main opposition parties",
            "Tory leaders=Tory leaders",
            "Conservative senators=Conservative senators",
            "opposition lawmakers=opposition lawmakers",
            "the Greens=Greens",
        ] {
            assert!(v.contains(&want.to_string()), "{want} not in {v:?}");
        }
        assert!(
            a.mentions
                .iter()
                .filter_map(|m| m.entity)
                .all(|e| a.entities[e].actor_type == ActorType::Group)
        );
        // a lowercase adjective or a longer capitalised name is no party group
        let (v, _) = names("The house members and Democrats Abroad Ana Lind met.");
        assert!(!v.iter().any(|m| m.starts_with("house members")), "{v:?}");
        assert!(!v.contains(&"Democrats=Democrats".to_string()), "{v:?}");
    }

    #[test]
    fn a_demonym_or_party_word_before_a_persons_name_is_a_modifier() {
        let t = "Norwegian Tomas Vell beat Argentine Marta Lindqvist. Swede Vell later met \
                 Republican Ana Dorn and Liberal Democrat Rob Okafor.";
        let (v, _) = names(t);
        for want in [
            "Tomas Vell=Tomas Vell",
            "Marta Lindqvist=Marta Lindqvist",
            "Vell=Tomas Vell",
            "Ana Dorn=Ana Dorn",
            "Rob Okafor=Rob Okafor",
        ] {
            assert!(v.contains(&want.to_string()), "{want} not in {v:?}");
        }
        assert!(!v.iter().any(|m| m.contains("Norwegian Tomas")), "{v:?}");
        // a name that only starts with a demonym or party word stays whole
        let (v, _) =
            names("Swiss Harbor Holdings and Republican National Committee officials met.");
        assert!(
            v.iter().any(|m| m.starts_with("Swiss Harbor Holdings=")),
            "{v:?}"
        );
        assert!(
            v.iter()
                .any(|m| m.starts_with("Republican National Committee")),
            "{v:?}"
        );
    }

    #[test]
    fn an_office_after_a_person_of_the_same_sentence_is_another_person() {
        // "Vell met the Varnian foreign minister": not an epithet of Vell, so the office
        let t = "Tomas Vell met the Chilean foreign minister on Monday.";
        let (v, _) = names(t);
        assert!(
            v.contains(&"the Chilean foreign minister=Foreign Minister of Chile".to_string()),
            "{v:?}"
        );
        // a sentence later, the same phrase may still be the person named before
        let (v, _) = names("Tomas Vell flew to Santiago. The Chilean foreign minister said no.");
        assert!(
            v.contains(&"The Chilean foreign minister=".to_string()),
            "{v:?}"
        );
        // a person who holds another named office is not the holder either
        let t = "Foreign Minister Pedro Alcaraz flew to Lima. He met Chile's defence minister.";
        let (v, _) = names(t);
        assert!(
            v.contains(&"Chile's defence minister=Defence Minister of Chile".to_string()),
            "{v:?}"
        );
    }

    #[test]
    fn a_club_role_before_a_name_is_a_title() {
        // "boss", "striker", "skipper" work like titles: the person is named, not the club
        let t = "Harbor defender Tomas Vell met Rovers boss Ana Dorn. Striker Rob Okafor left.";
        let (v, a) = names(t);
        for want in [
            "defender Tomas Vell=Tomas Vell",
            "boss Ana Dorn=Ana Dorn",
            "Striker Rob Okafor=Rob Okafor",
        ] {
            assert!(v.contains(&want.to_string()), "{want} not in {v:?}");
        }
        let dorn = a.entities.iter().find(|e| e.name == "Ana Dorn").unwrap();
        assert_eq!(dorn.title.as_deref(), Some("Boss"));
    }

    #[test]
    fn a_bracketed_insertion_inside_a_name_stays_in_it() {
        let t = "President [Tomas] Vell met Senator Ana [Maria] Lind. Vell spoke. [Vell] left.";
        let (v, a) = names(t);
        assert!(
            v.contains(&"President [Tomas] Vell=Tomas Vell".to_string()),
            "{v:?}"
        );
        assert!(
            v.contains(&"Senator Ana [Maria] Lind=Ana Maria Lind".to_string()),
            "{v:?}"
        );
        assert!(v.contains(&"Vell=Tomas Vell".to_string()), "{v:?}");
        let e = a.mentions[0].entity.unwrap();
        assert_eq!(a.entities[e].title.as_deref(), Some("President"));
        // the offsets still cover the brackets exactly
        assert_eq!(a.mentions[0].name_span.text(t), "[Tomas] Vell");
    }

    #[test]
    fn a_common_word_surname_of_a_named_person_is_a_mention() {
        let t = "Senator Tom Little met Minister Rob Long. Little said it went well. \
                 \"Long and Little agree,\" an aide said. Little is known about the talks.";
        let (v, _) = names(t);
        let little = v.iter().filter(|m| *m == "Little=Tom Little").count();
        // at the start of a sentence and inside a quotation, but not "Little is known"
        assert_eq!(little, 2, "{v:?}");
        assert!(v.contains(&"Long=Rob Long".to_string()), "{v:?}");
        // without a full name before, the common word stays a word
        let (v, _) = names("Little said it went well.");
        assert!(v.is_empty(), "{v:?}");
    }

    #[test]
    fn a_name_may_open_with_a_bracketed_insertion() {
        let t = "[Tomas] Vell met the press. [The] Government said no.";
        let (v, _) = names(t);
        assert!(v.contains(&"[Tomas] Vell=Tomas Vell".to_string()), "{v:?}");
        assert!(!v.iter().any(|m| m.contains("Government")), "{v:?}");
    }

    #[test]
    fn community_members_are_a_group() {
        let t =
            "Senator Tom Vell met Muslim leaders. Kurdish representatives met Catholic bishops.";
        let (v, a) = names(t);
        for want in [
            "Muslim leaders=Muslim leaders",
            "Kurdish representatives=Kurdish representatives",
            "Catholic bishops=Catholic bishops",
        ] {
            assert!(v.contains(&want.to_string()), "{want} not in {v:?}");
        }
        let m = a
            .mentions
            .iter()
            .find(|m| m.span.text(t) == "Muslim leaders")
            .unwrap();
        assert_eq!(a.entities[m.entity.unwrap()].actor_type, ActorType::Group);
    }
}
