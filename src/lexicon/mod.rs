//! The lexicons: sorted plain-text data files under `src/lexicon/data/`, embedded with
//! `include_str!` and compiled once into one phrase table.
//!
//! In: nothing (the data is in the binary). Out: a [`Lexicon`] that maps a token's lowercase form
//! to the phrases starting with it, each tagged with what it is (a country, a capital, a title, a
//! speech verb...). `segment` looks every word up once; later stages read the tags.

use std::sync::OnceLock;

use rustc_hash::FxHashMap;

pub const COUNTRIES: &str = include_str!("data/countries.tsv");
pub const CAPITALS: &str = include_str!("data/capitals.tsv");
pub const DEMONYMS: &str = include_str!("data/demonyms.tsv");
pub const ORGANIZATIONS: &str = include_str!("data/organizations.tsv");
pub const TITLES: &str = include_str!("data/titles.tsv");
pub const SPEECH_CUES: &str = include_str!("data/speech_cues.tsv");
pub const SPEECH_PHRASES: &str = include_str!("data/speech_phrases.tsv");
pub const GIVEN_NAMES: &str = include_str!("data/given_names.tsv");
pub const ORG_WORDS: &str = include_str!("data/org_words.tsv");
pub const COMMON_WORDS: &str = include_str!("data/common_words.txt");
pub const CALENDAR: &str = include_str!("data/weekdays_months.tsv");

/// Every data file with its name, for the sortedness test.
pub const FILES: &[(&str, &str)] = &[
    ("countries.tsv", COUNTRIES),
    ("capitals.tsv", CAPITALS),
    ("demonyms.tsv", DEMONYMS),
    ("organizations.tsv", ORGANIZATIONS),
    ("titles.tsv", TITLES),
    ("speech_cues.tsv", SPEECH_CUES),
    ("speech_phrases.tsv", SPEECH_PHRASES),
    ("given_names.tsv", GIVEN_NAMES),
    ("org_words.tsv", ORG_WORDS),
    ("common_words.txt", COMMON_WORDS),
    ("weekdays_months.tsv", CALENDAR),
];

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Gender {
    Male,
    Female,
    Unknown,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TitleClass {
    Honorific,
    Head,
    Minister,
    Official,
    Military,
    Legislator,
    Judicial,
    Religious,
    Other,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CueClass {
    Speech,
    Belief,
    Intent,
    Evidence,
    Source,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PlaceKind {
    Capital,
    Seat,
}

/// What a lexicon phrase is. Indices point into the [`Lexicon`]'s tables.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tag {
    Country(u16),
    Capital(u16, PlaceKind),
    Demonym(u16),
    Org(u16),
    Title(u16),
    Cue(u16),
    CuePhrase(CueClass),
    GivenName(Gender),
    OrgWord,
    PlaceWord,
    /// The last word of a named thing that is no actor: "Davis Cup", "Patriot Act".
    ThingWord,
    Common,
    Weekday(u8),
    Month(u8),
}

#[derive(Clone, Debug)]
pub struct Country {
    pub code: &'static str,
    pub name: &'static str,
}

#[derive(Clone, Debug)]
pub struct Org {
    pub key: &'static str,
    pub name: &'static str,
    pub group: bool,
}

#[derive(Clone, Debug)]
pub struct Title {
    pub title: &'static str,
    pub gender: Gender,
    pub class: TitleClass,
    /// A title only when capitalised, or after "the" or a comma (the fourth column,
    /// `capital`): lower-case, "major", "general", "private" and "accused" before a name are an
    /// adjective or a verb ("a major Republican donor", "Vell accused Lindqvist").
    pub capital_only: bool,
}

#[derive(Clone, Debug)]
pub struct Cue {
    pub lemma: &'static str,
    pub class: CueClass,
}

/// A phrase of one or more lowercase words and its tag.
#[derive(Clone, Debug)]
pub struct Phrase {
    pub words: Vec<String>,
    /// The slot of each word (every word of a phrase has one, so a token matches a word when
    /// their slots are equal), or [`NO_SLOT`](crate::segment::NO_SLOT) for a word the tokenizer
    /// does not make a word token (a number, punctuation), which is compared as text.
    pub ids: Vec<u32>,
    /// `ids[1]`, or [`NO_SLOT`](crate::segment::NO_SLOT) for a phrase of one word: lets
    /// `Doc::phrase_at` skip, with one comparison, a phrase whose second word is not the next
    /// token.
    pub second: u32,
    pub tag: Tag,
    /// The entry is an all-caps abbreviation ("US"): the text must be all caps too.
    pub caps: bool,
}

pub struct Lexicon {
    first: FxHashMap<String, u32>,
    slots: Vec<Vec<Phrase>>,
    pub countries: Vec<Country>,
    /// Country code -> index into `countries` of its canonical entry.
    pub country_by_code: FxHashMap<&'static str, u16>,
    pub orgs: Vec<Org>,
    pub titles: Vec<Title>,
    pub cues: Vec<Cue>,
    /// (country index) of capitals/seats and demonyms: index into `countries`.
    pub capitals: Vec<u16>,
    pub demonyms: Vec<u16>,
}

/// The most fields a line of a data file has.
const MAX_FIELDS: usize = 4;

/// One line of a data file split on tabs: its first [`MAX_FIELDS`] fields, without an
/// allocation.
struct Row {
    fields: [&'static str; MAX_FIELDS],
    len: usize,
}

impl Row {
    fn get(&self, k: usize) -> Option<&&'static str> {
        self.fields[..self.len].get(k)
    }
}

impl std::ops::Index<usize> for Row {
    type Output = &'static str;
    fn index(&self, k: usize) -> &&'static str {
        &self.fields[..self.len][k]
    }
}

/// Lines of a data file, split on tabs.
fn rows(data: &'static str) -> impl Iterator<Item = Row> {
    data.lines().filter(|l| !l.trim().is_empty()).map(|l| {
        let mut row = Row {
            fields: [""; MAX_FIELDS],
            len: 0,
        };
        for f in l.split('\t').take(MAX_FIELDS) {
            row.fields[row.len] = f;
            row.len += 1;
        }
        row
    })
}

fn is_caps_abbrev(s: &str) -> bool {
    let mut letters = 0;
    for c in s.chars().filter(|c| c.is_alphabetic()) {
        if !c.is_uppercase() {
            return false;
        }
        letters += 1;
    }
    letters >= 2
}

impl Lexicon {
    pub fn get() -> &'static Lexicon {
        static LEX: OnceLock<Lexicon> = OnceLock::new();
        LEX.get_or_init(Lexicon::load)
    }

    fn load() -> Lexicon {
        // about one slot a line
        let lines = FILES
            .iter()
            .map(|(_, data)| memchr::memchr_iter(b'\n', data.as_bytes()).count())
            .sum();
        let mut lex = Lexicon {
            first: FxHashMap::with_capacity_and_hasher(lines, Default::default()),
            slots: Vec::with_capacity(lines),
            countries: Vec::new(),
            country_by_code: FxHashMap::default(),
            orgs: Vec::new(),
            titles: Vec::new(),
            cues: Vec::new(),
            capitals: Vec::new(),
            demonyms: Vec::new(),
        };
        for r in rows(COUNTRIES) {
            let (surface, code, name) = (
                r[0],
                r.get(1).copied().unwrap_or(""),
                r.get(2).copied().unwrap_or(r[0]),
            );
            let i = lex.countries.len() as u16;
            lex.countries.push(Country { code, name });
            if name == surface || !lex.country_by_code.contains_key(code) {
                lex.country_by_code.insert(code, i);
            }
            lex.add(surface, Tag::Country(i));
        }
        let country_ix = |lex: &Lexicon, code: &str| lex.country_by_code.get(code).copied();
        for r in rows(CAPITALS) {
            let Some(ci) = country_ix(&lex, r.get(1).copied().unwrap_or("")) else {
                continue;
            };
            let kind = if r.get(2) == Some(&"seat") {
                PlaceKind::Seat
            } else {
                PlaceKind::Capital
            };
            let i = lex.capitals.len() as u16;
            lex.capitals.push(ci);
            lex.add(r[0], Tag::Capital(i, kind));
        }
        for r in rows(DEMONYMS) {
            let Some(ci) = country_ix(&lex, r.get(1).copied().unwrap_or("")) else {
                continue;
            };
            let i = lex.demonyms.len() as u16;
            lex.demonyms.push(ci);
            lex.add(r[0], Tag::Demonym(i));
        }
        for r in rows(ORGANIZATIONS) {
            let i = lex.orgs.len() as u16;
            lex.orgs.push(Org {
                key: r.get(1).copied().unwrap_or(r[0]),
                name: r.get(2).copied().unwrap_or(r[0]),
                group: r.get(3) == Some(&"group"),
            });
            lex.add(r[0], Tag::Org(i));
        }
        for r in rows(TITLES) {
            let i = lex.titles.len() as u16;
            lex.titles.push(Title {
                title: r[0],
                gender: gender(r.get(1).copied().unwrap_or("-")),
                class: match r.get(2).copied().unwrap_or("other") {
                    "honorific" => TitleClass::Honorific,
                    "head" => TitleClass::Head,
                    "minister" => TitleClass::Minister,
                    "official" => TitleClass::Official,
                    "military" => TitleClass::Military,
                    "legislator" => TitleClass::Legislator,
                    "judicial" => TitleClass::Judicial,
                    "religious" => TitleClass::Religious,
                    _ => TitleClass::Other,
                },
                capital_only: r.get(3) == Some(&"capital"),
            });
            lex.add(r[0], Tag::Title(i));
        }
        for r in rows(SPEECH_CUES) {
            let i = lex.cues.len() as u16;
            lex.cues.push(Cue {
                lemma: r.get(1).copied().unwrap_or(r[0]),
                class: cue_class(r.get(2).copied().unwrap_or("speech")),
            });
            lex.add(r[0], Tag::Cue(i));
        }
        for r in rows(SPEECH_PHRASES) {
            lex.add(
                r[0],
                Tag::CuePhrase(cue_class(r.get(1).copied().unwrap_or("speech"))),
            );
        }
        for r in rows(GIVEN_NAMES) {
            lex.add(
                r[0],
                Tag::GivenName(gender(r.get(1).copied().unwrap_or("u"))),
            );
        }
        for r in rows(ORG_WORDS) {
            let tag = match r.get(1) {
                Some(&"place") => Tag::PlaceWord,
                Some(&"thing") => Tag::ThingWord,
                _ => Tag::OrgWord,
            };
            lex.add(r[0], tag);
        }
        for r in rows(COMMON_WORDS) {
            lex.add(r[0], Tag::Common);
        }
        for r in rows(CALENDAR) {
            let n: u8 = r.get(2).and_then(|x| x.parse().ok()).unwrap_or(0);
            let tag = if r.get(1) == Some(&"weekday") {
                Tag::Weekday(n)
            } else {
                Tag::Month(n)
            };
            lex.add(r[0], tag);
        }
        // longest phrases first, so that matching takes the longest
        for slot in &mut lex.slots {
            slot.sort_by_key(|p| std::cmp::Reverse(p.words.len()));
        }
        lex
    }

    fn add(&mut self, surface: &str, tag: Tag) {
        let toks = crate::segment::phrase_tokens(surface);
        if toks.is_empty() {
            return;
        }
        let caps = is_caps_abbrev(surface) && !surface.contains(' ');
        let mut ids = Vec::with_capacity(toks.len());
        let mut words = Vec::with_capacity(toks.len());
        for (w, is_word) in toks {
            ids.push(if is_word {
                self.slot_or_new(&w)
            } else {
                crate::segment::NO_SLOT
            });
            words.push(w);
        }
        let slot = match ids[0] {
            crate::segment::NO_SLOT => self.slot_or_new(&words[0]),
            s => s,
        };
        let second = ids.get(1).copied().unwrap_or(crate::segment::NO_SLOT);
        self.slots[slot as usize].push(Phrase {
            words,
            ids,
            second,
            tag,
            caps,
        });
    }

    /// The slot of a word, made (with no phrases yet) when it has none.
    fn slot_or_new(&mut self, word: &str) -> u32 {
        if let Some(&s) = self.first.get(word) {
            return s;
        }
        let s = self.slots.len() as u32;
        self.first.insert(word.to_string(), s);
        self.slots.push(Vec::new());
        s
    }

    /// The slot of this lowercase word: every word of a lexicon phrase has one, and
    /// [`phrases`](Self::phrases) lists the phrases that start with it.
    #[inline]
    pub fn slot(&self, lower: &str) -> Option<u32> {
        self.first.get(lower).copied()
    }

    /// One value per slot, indexed by slot: `f` of the slot's word and the phrases starting
    /// with it. For tables that later stages make once to answer a question about a token by
    /// its slot.
    pub fn slot_table<'a, T: Default + Clone>(
        &'a self,
        f: impl Fn(&'a str, &'a [Phrase]) -> T,
    ) -> Vec<T> {
        let mut table = vec![T::default(); self.slots.len()];
        for (word, &slot) in &self.first {
            table[slot as usize] = f(word, &self.slots[slot as usize]);
        }
        table
    }

    #[inline]
    pub fn phrases(&self, slot: u32) -> &[Phrase] {
        &self.slots[slot as usize]
    }

    pub fn country(&self, i: u16) -> &Country {
        &self.countries[i as usize]
    }

    /// The canonical entry of a country code.
    pub fn canonical_country(&self, i: u16) -> &Country {
        let code = self.countries[i as usize].code;
        &self.countries[self.country_by_code[code] as usize]
    }
}

fn gender(s: &str) -> Gender {
    match s {
        "m" => Gender::Male,
        "f" => Gender::Female,
        _ => Gender::Unknown,
    }
}

fn cue_class(s: &str) -> CueClass {
    match s {
        "belief" => CueClass::Belief,
        "intent" => CueClass::Intent,
        "evidence" => CueClass::Evidence,
        "source" => CueClass::Source,
        _ => CueClass::Speech,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn data_files_are_sorted_and_free_of_duplicates() {
        for (name, data) in FILES {
            let lines: Vec<&str> = data.lines().collect();
            for w in lines.windows(2) {
                assert!(w[0] < w[1], "{name}: {:?} is not before {:?}", w[0], w[1]);
            }
            for l in &lines {
                assert!(!l.trim().is_empty(), "{name}: blank line");
                assert_eq!(l.trim_end(), *l, "{name}: trailing space in {l:?}");
            }
        }
    }

    #[test]
    fn every_word_of_a_phrase_has_the_slot_it_is_matched_by() {
        let lex = Lexicon::get();
        for slot in &lex.slots {
            for p in slot {
                assert_eq!(p.ids.len(), p.words.len());
                for (id, w) in p.ids.iter().zip(&p.words) {
                    if *id != crate::segment::NO_SLOT {
                        assert_eq!(lex.slot(w), Some(*id), "{:?}", p.words);
                    }
                }
            }
        }
        for p in lex.slots.iter().flatten() {
            assert_eq!(
                p.second,
                p.ids.get(1).copied().unwrap_or(crate::segment::NO_SLOT)
            );
        }
        // "said" starts phrases; some words only appear inside them
        assert!(!lex.phrases(lex.slot("said").unwrap()).is_empty());
        assert!(lex.slots.iter().any(|s| s.is_empty()));
    }

    #[test]
    fn no_data_line_has_more_fields_than_a_row_keeps() {
        for (name, data) in FILES {
            for l in data.lines() {
                assert!(l.split('\t').count() <= MAX_FIELDS, "{name}: {l:?}");
            }
        }
        let r = rows("a\tb\n\nc\n").collect::<Vec<_>>();
        assert_eq!(
            (r.len(), r[0][1], r[0].get(2), r[1][0]),
            (2, "b", None, "c")
        );
    }

    #[test]
    fn caps_abbreviations_have_two_letters_all_upper() {
        assert!(is_caps_abbrev("NV"));
        assert!(is_caps_abbrev("N.V.-Ø"));
        assert!(!is_caps_abbrev("N"));
        assert!(!is_caps_abbrev("N.v."));
        assert!(!is_caps_abbrev("12"));
    }

    #[test]
    fn slot_tables_see_every_slot_with_its_word() {
        let lex = Lexicon::get();
        let words = lex.slot_table(|w, _| w.to_string());
        assert_eq!(words.len(), lex.slots.len());
        for (slot, w) in words.iter().enumerate() {
            assert_eq!(lex.slot(w), Some(slot as u32));
        }
    }

    #[test]
    fn lexicon_knows_metonyms_and_titles() {
        let lex = Lexicon::get();
        let slot = lex.slot("kremlin").expect("kremlin");
        assert!(
            lex.phrases(slot)
                .iter()
                .any(|p| matches!(p.tag, Tag::Capital(_, PlaceKind::Seat)))
        );
        let slot = lex.slot("secretary").expect("secretary");
        assert!(lex.phrases(slot).iter().any(|p| p.words.len() >= 2));
    }
}
