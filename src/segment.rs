//! The segment stage: the original text and its clean paragraphs in, a [`Doc`] of paragraphs,
//! sentences and tokens out.
//!
//! Tokens keep byte offsets into the original text. Quotes are normalised on the token (curly,
//! straight, guillemets and the `''` of some wires all become [`Kind::Quote`] with a direction),
//! and every word is looked up once in the [`Lexicon`]. Abbreviations ("U.S.", "J.D.", "Gen.",
//! "Jan.") keep their dots and do not end sentences.

use crate::clean::Cleaned;
use crate::lexicon::{Lexicon, Tag};
use crate::types::Span;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Quote {
    Open,
    Close,
    /// A straight `"` whose direction is decided by its neighbours.
    Either,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Word,
    Number,
    Punct,
    Quote(Quote),
}

pub const CAP: u8 = 1;
pub const ALLCAPS: u8 = 2;
pub const SENT_START: u8 = 4;
pub const SPACE_BEFORE: u8 = 8;
pub const POSSESSIVE: u8 = 16;

pub const NO_SLOT: u32 = u32::MAX;

#[derive(Clone, Copy, Debug)]
pub struct Token {
    pub start: u32,
    pub end: u32,
    pub kind: Kind,
    pub flags: u8,
    /// Lexicon slot of the lowercase form (a word of some lexicon phrase), or [`NO_SLOT`].
    pub slot: u32,
    /// Range of the lowercase form in [`Doc::lower`].
    pub lo: (u32, u32),
}

impl Token {
    pub fn span(&self) -> Span {
        Span {
            start: self.start,
            end: self.end,
        }
    }
    pub fn is(&self, f: u8) -> bool {
        self.flags & f != 0
    }
}

#[derive(Clone, Copy, Debug)]
pub struct Sentence {
    /// Token range `[first, last)`.
    pub first: usize,
    pub last: usize,
    pub span: Span,
    pub para: usize,
}

#[derive(Clone, Copy, Debug)]
pub struct Paragraph {
    pub span: Span,
    /// Sentence range `[first, last)`.
    pub first: usize,
    pub last: usize,
}

pub struct Doc<'a> {
    pub text: &'a str,
    pub tokens: Vec<Token>,
    pub sentences: Vec<Sentence>,
    pub paragraphs: Vec<Paragraph>,
    /// Lowercase forms of the tokens, back to back.
    pub lower: String,
    /// Sentence index of every token.
    pub sent_of: Vec<u32>,
}

impl<'a> Doc<'a> {
    /// The text of token `i`; `""` past the last token (so a look-ahead off the end of the
    /// document is a mismatch, never a panic).
    pub fn tok_text(&self, i: usize) -> &'a str {
        match self.tokens.get(i) {
            Some(t) => &self.text[t.start as usize..t.end as usize],
            None => "",
        }
    }
    /// The lowercase form of token `i`; `""` past the last token.
    pub fn low(&self, i: usize) -> &str {
        match self.tokens.get(i) {
            Some(t) => &self.lower[t.lo.0 as usize..t.lo.1 as usize],
            None => "",
        }
    }
    pub fn tags(&self, i: usize) -> impl Iterator<Item = Tag> + '_ {
        let lex = Lexicon::get();
        let slot = self.tokens[i].slot;
        let phrases = if slot == NO_SLOT {
            &[][..]
        } else {
            lex.phrases(slot)
        };
        phrases.iter().filter(|p| p.words.len() == 1).map(|p| p.tag)
    }
    pub fn has_tag(&self, i: usize, f: impl Fn(Tag) -> bool) -> bool {
        self.tags(i).any(f)
    }
    /// Longest lexicon phrase starting at token `i` (within its sentence) whose tag passes `f`:
    /// the tag and the index after the phrase. `None` past the last token.
    pub fn phrase_at(&self, i: usize, f: impl Fn(Tag) -> bool) -> Option<(Tag, usize)> {
        let t = self.tokens.get(i)?;
        if t.slot == NO_SLOT {
            return None;
        }
        // a phrase whose second word has a slot can only match when the next token has it
        let next = self.tokens.get(i + 1).map_or(NO_SLOT, |n| n.slot);
        // the end of the sentence, looked up for the first phrase that gets that far
        let mut end = None;
        for p in Lexicon::get().phrases(t.slot) {
            if (p.second != NO_SLOT && p.second != next) || !f(p.tag) {
                continue;
            }
            let n = p.words.len();
            let end = *end.get_or_insert_with(|| self.sentences[self.sent_of[i] as usize].last);
            if i + n > end || (p.caps && !t.is(ALLCAPS)) {
                continue;
            }
            let words_match = (1..n).all(|k| match p.ids[k] {
                NO_SLOT => self.low(i + k) == p.words[k],
                id => self.tokens[i + k].slot == id,
            });
            if words_match {
                return Some((p.tag, i + n));
            }
        }
        None
    }
    /// Whether a lexicon phrase starts with token `i`.
    pub fn starts_phrase(&self, i: usize) -> bool {
        let slot = self.tokens[i].slot;
        slot != NO_SLOT && !Lexicon::get().phrases(slot).is_empty()
    }
    pub fn is_word(&self, i: usize) -> bool {
        self.tokens[i].kind == Kind::Word
    }
    pub fn span_text(&self, s: Span) -> &'a str {
        s.text(self.text)
    }
    pub fn sent(&self, i: usize) -> &Sentence {
        &self.sentences[self.sent_of[i] as usize]
    }
}

/// Abbreviations whose dot never ends a sentence.
const ABBREV: &[&str] = &[
    "adm", "amb", "apr", "aug", "brig", "capt", "cmdr", "co", "col", "cpl", "dec", "dept", "dr",
    "esq", "feb", "fig", "fri", "gen", "gov", "hon", "jan", "jul", "jun", "lt", "maj", "mar",
    "messrs", "mon", "mr", "mrs", "ms", "mt", "no", "nov", "oct", "pres", "prof", "rep", "reps",
    "rev", "sat", "sen", "sens", "sep", "sept", "sgt", "st", "sun", "supt", "thu", "thurs", "tue",
    "tues", "vs", "wed",
];

/// Capitalised words that open a sentence after an abbreviation that may end one ("in the U.S.
/// The ..."): determiners, pronouns, conjunctions, prepositions and sentence adverbs.
const SENTENCE_OPENERS: &[&str] = &[
    "a",
    "after",
    "also",
    "an",
    "and",
    "as",
    "at",
    "before",
    "but",
    "for",
    "he",
    "her",
    "his",
    "however",
    "i",
    "if",
    "in",
    "it",
    "its",
    "many",
    "meanwhile",
    "most",
    "mr",
    "mrs",
    "ms",
    "no",
    "on",
    "our",
    "she",
    "so",
    "some",
    "still",
    "that",
    "the",
    "their",
    "there",
    "these",
    "they",
    "this",
    "those",
    "we",
    "what",
    "when",
    "while",
    "why",
    "yet",
    "you",
];

/// Abbreviations that may also end a sentence ("... in the U.S. The ...").
const ABBREV_FINAL: &[&str] = &[
    "a.m", "corp", "etc", "inc", "jr", "ltd", "p.m", "sr", "u.k", "u.n", "u.s", "e.u", "d.c",
];

fn is_quote_char(c: char) -> Option<Quote> {
    match c {
        '\u{201C}' | '\u{201E}' | '\u{00AB}' | '\u{2018}' | '\u{201A}' | '\u{2039}' => {
            Some(Quote::Open)
        }
        '\u{201D}' | '\u{00BB}' | '\u{203A}' => Some(Quote::Close),
        '"' => Some(Quote::Either),
        _ => None,
    }
}

/// Splits a lexicon phrase into lowercase words the way the tokenizer would.
pub fn phrase_words(s: &str) -> Vec<String> {
    phrase_tokens(s).into_iter().map(|(w, _)| w).collect()
}

/// Like [`phrase_words`], with whether each is a word token (one that gets a lexicon slot).
pub fn phrase_tokens(s: &str) -> Vec<(String, bool)> {
    // one run of ASCII letters and digits is one token, as `tokenize_into` would make it (most
    // lexicon entries)
    if !s.is_empty() && s.bytes().all(|b| b.is_ascii_alphanumeric()) {
        let number =
            s.as_bytes()[0].is_ascii_digit() && !s.bytes().any(|b| b.is_ascii_alphabetic());
        return vec![(s.to_ascii_lowercase(), !number)];
    }
    let mut toks = Vec::new();
    tokenize_into(s, 0, s.len(), &mut toks);
    toks.iter()
        .map(|t| {
            let w = &s[t.0..t.1];
            let lower = if w.is_ascii() {
                w.to_ascii_lowercase()
            } else {
                let l = w.to_lowercase();
                if l.contains('\u{2019}') {
                    l.replace('\u{2019}', "'")
                } else {
                    l
                }
            };
            (lower, t.2 == Kind::Word)
        })
        .collect()
}

/// The character at byte `i` of `s` (a char boundary) and its length in bytes; `None` at the
/// end. An ASCII byte is its own character, with no UTF-8 decoding.
#[inline]
fn char_at(s: &str, i: usize) -> Option<(char, usize)> {
    let b = *s.as_bytes().get(i)?;
    if b < 0x80 {
        Some((char::from(b), 1))
    } else {
        s[i..].chars().next().map(|c| (c, c.len_utf8()))
    }
}

/// The ASCII bytes that are letters or digits (the ASCII characters of
/// [`char::is_alphanumeric`]); false for every byte of a non-ASCII character.
const ASCII_ALNUM: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 256 {
        t[b] = (b as u8).is_ascii_alphanumeric();
        b += 1;
    }
    t
};

/// [`char::is_alphanumeric`], answered without the Unicode tables for ASCII.
#[inline]
fn is_alnum(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else {
        c.is_alphanumeric()
    }
}

/// Raw tokenisation of `text[start..end]`: (start, end, kind, ascii) tuples, where `ascii`
/// tells whether a word or number token is all ASCII (it is false for other tokens).
///
/// Walks byte positions (always on character boundaries); ASCII characters, most of the text,
/// are read without decoding.
fn tokenize_into(text: &str, start: usize, end: usize, out: &mut Vec<(usize, usize, Kind, bool)>) {
    let s = &text[start..end];
    let b = s.as_bytes();
    let mut i = 0;
    while let Some((c, cl)) = char_at(s, i) {
        if c.is_whitespace() {
            i += cl;
            continue;
        }
        if is_alnum(c) {
            let mut j = i + cl;
            let numeric = c.is_ascii_digit();
            // no non-ASCII character taken into the word so far
            let mut ascii = c.is_ascii();
            // start of the letters since the last connector ("D-N.Y": N, then Y)
            let mut part = i;
            loop {
                // runs of ASCII letters and digits, byte by byte
                while j < b.len() && ASCII_ALNUM[usize::from(b[j])] {
                    j += 1;
                }
                let Some((d, dl)) = char_at(s, j) else {
                    break;
                };
                if is_alnum(d) {
                    ascii &= d.is_ascii();
                    j += dl;
                    continue;
                }
                // connectors inside a word: U.S, J.D, 1,000, 3.5, 24/7, hour-long, don't
                let next = char_at(s, j + dl).map(|(n, _)| n);
                let next_alnum = next.is_some_and(is_alnum);
                let ok = match d {
                    '.' => {
                        next_alnum
                            && (numeric && next.is_some_and(|n| n.is_ascii_digit())
                                || (j - part <= 2 && next.is_some_and(|n| n.is_alphabetic())))
                    }
                    ',' => {
                        numeric && next.is_some_and(|n| n.is_ascii_digit()) && {
                            let rest = &b[j + 1..];
                            rest.len() >= 3 && rest[..3].iter().all(u8::is_ascii_digit)
                        }
                    }
                    '/' | ':' => numeric && next.is_some_and(|n| n.is_ascii_digit()),
                    '-' | '\u{2011}' | '&' => next_alnum,
                    '\'' | '\u{2019}' => {
                        // possessive 's is its own token; other apostrophes stay inside
                        let after = &s[j + dl..];
                        let poss = (after.starts_with('s') || after.starts_with('S'))
                            && !after[1..]
                                .chars()
                                .next()
                                .is_some_and(|n| n.is_alphanumeric());
                        next_alnum && !poss
                    }
                    _ => false,
                };
                if !ok {
                    break;
                }
                ascii &= d.is_ascii();
                j += dl;
                part = j;
            }
            // a trailing dot belongs to abbreviations and initials
            if b.get(j) == Some(&b'.') {
                let w = &s[i..j];
                let initial = w.chars().count() == 1 && w.chars().all(char::is_uppercase);
                let dotted =
                    w.contains('.') && w.chars().all(|c| c.is_alphabetic() || c == '.' || c == '-');
                if initial
                    || dotted
                    || ABBREV.iter().any(|a| a.eq_ignore_ascii_case(w))
                    || ABBREV_FINAL.iter().any(|a| a.eq_ignore_ascii_case(w))
                {
                    j += 1;
                }
            }
            let kind = if numeric && s[i..j].chars().all(|c| !c.is_alphabetic()) {
                Kind::Number
            } else {
                Kind::Word
            };
            out.push((start + i, start + j, kind, ascii));
            i = j;
            continue;
        }
        if c == '\'' || c == '\u{2019}' {
            // '' used as a double quote, 's possessive, or a single quote
            let after = &s[i + cl..];
            if after.starts_with(c) {
                let prev_space = i == 0 || s[..i].ends_with(char::is_whitespace);
                let q = if prev_space {
                    Quote::Open
                } else {
                    Quote::Close
                };
                out.push((start + i, start + i + 2 * cl, Kind::Quote(q), false));
                i += 2 * cl;
                continue;
            }
            let poss = (after.starts_with('s') || after.starts_with('S'))
                && !after[1..]
                    .chars()
                    .next()
                    .is_some_and(|n| n.is_alphanumeric())
                && i > 0
                && !s[..i].ends_with(char::is_whitespace);
            if poss {
                out.push((start + i, start + i + cl + 1, Kind::Word, c.is_ascii()));
                i += cl + 1;
                continue;
            }
            let k = if c == '\u{2019}' {
                Kind::Quote(Quote::Close)
            } else {
                Kind::Punct
            };
            out.push((start + i, start + i + cl, k, false));
            i += cl;
            continue;
        }
        if let Some(q) = is_quote_char(c) {
            out.push((start + i, start + i + cl, Kind::Quote(q), false));
            i += cl;
            continue;
        }
        // dash runs and ellipses are one token
        let mut j = i + cl;
        if c == '-' || c == '.' {
            while b.get(j) == Some(&(c as u8)) {
                j += 1;
            }
        }
        out.push((start + i, start + j, Kind::Punct, false));
        i = j;
    }
}

/// A quotation mark may open after `prev`: at the start, or after a space, a bracket or a dash.
fn may_open_after(prev: Option<char>) -> bool {
    prev.is_none_or(|c| c.is_whitespace() || matches!(c, '(' | '[' | '\u{2014}' | '-'))
}

/// A straight single quote that may open a quotation: the paragraph may quote in single
/// quotes. Most apostrophes follow a letter ("don't", "Vell's").
fn may_quote_in_single_quotes(para: &str) -> bool {
    memchr::memchr_iter(b'\'', para.as_bytes())
        .any(|i| may_open_after(para[..i].chars().next_back()))
}

/// Straight single quotes used as quotation marks ('We agreed,' Vell said): a `'` that opens
/// (after a space or the paragraph start, before a letter) and the next `'` that closes (right
/// after a word or punctuation, before a space, punctuation or the paragraph end) become a pair
/// of quotes when they hold two words or more. An apostrophe that closes nothing ("the workers' union") stays punctuation, and
/// nothing is paired inside or across double quotation marks, where single quotes nest.
fn pair_single_quotes(text: &str, para_end: usize, raw: &mut [(usize, usize, Kind, bool)]) {
    let mut open: Option<usize> = None;
    let mut inside = false;
    for k in 0..raw.len() {
        let (s, e, kind, _) = raw[k];
        match kind {
            Kind::Quote(q) => {
                inside = match q {
                    Quote::Open => true,
                    Quote::Close => false,
                    Quote::Either => !inside,
                };
                open = None;
                continue;
            }
            Kind::Punct if e == s + 1 && text.as_bytes()[s] == b'\'' && !inside => {}
            _ => continue,
        }
        let spaced = may_open_after(text[..s].chars().next_back());
        let after = text[e..para_end].chars().next();
        if spaced && after.is_some_and(char::is_alphabetic) {
            open = Some(k);
        } else if !spaced
            && after.is_none_or(|c| {
                c.is_whitespace() || matches!(c, ',' | '.' | ';' | ':' | '!' | '?' | ')' | '\u{2014}')
            })
            && let Some(o) = open.take()
            // "rock 'n' roll", "Mr. 'Tomas' Vell", "'Vell's'": a quotation holds more than
            // one word
            && raw[o + 1..k]
                .iter()
                .filter(|w| w.2 == Kind::Word && text.as_bytes()[w.0] != b'\'')
                .nth(1)
                .is_some()
        {
            raw[o].2 = Kind::Quote(Quote::Open);
            raw[k].2 = Kind::Quote(Quote::Close);
        }
    }
}

/// Segments the clean paragraphs of `text`.
pub fn segment<'a>(text: &'a str, cleaned: &Cleaned) -> Doc<'a> {
    let lex = Lexicon::get();
    let mut doc = Doc {
        text,
        tokens: Vec::with_capacity(text.len() / 5),
        sentences: Vec::new(),
        paragraphs: Vec::with_capacity(cleaned.paragraphs.len()),
        lower: String::with_capacity(text.len()),
        sent_of: Vec::new(),
    };
    let mut raw = Vec::new();
    // the tokens of a paragraph that may end a sentence (see `may_end_sentence`)
    let mut cands = Vec::new();
    for p in &cleaned.paragraphs {
        raw.clear();
        tokenize_into(text, p.start as usize, p.end as usize, &mut raw);
        if raw.is_empty() {
            continue;
        }
        if may_quote_in_single_quotes(&text[p.start as usize..p.end as usize]) {
            pair_single_quotes(text, p.end as usize, &mut raw);
        }
        let para_ix = doc.paragraphs.len();
        let first_sent = doc.sentences.len();
        let first_tok = doc.tokens.len();
        let mut prev_end = p.start as usize;
        cands.clear();
        for &(s, e, kind, ascii) in &raw {
            let w = &text[s..e];
            let lo_start = doc.lower.len() as u32;
            let mut flags = 0;
            if s > prev_end || s == p.start as usize {
                flags |= SPACE_BEFORE;
            }
            prev_end = e;
            let mut kind = kind;
            let word = matches!(kind, Kind::Word);
            // the lowercase form is `w` itself (an ASCII word without capitals)
            let mut low_is_text = false;
            if word && ascii {
                // the same flags and lowercase form as below, on bytes
                let bytes = w.as_bytes();
                if bytes[0].is_ascii_uppercase() {
                    flags |= CAP;
                    let letters = bytes.iter().filter(|b| b.is_ascii_alphabetic()).count();
                    if letters >= 2 && !bytes.iter().any(u8::is_ascii_lowercase) {
                        flags |= ALLCAPS;
                    }
                }
                if bytes[0] == b'\'' {
                    flags |= POSSESSIVE;
                }
                doc.lower.push_str(w);
                // most words have no capital letter: their lowercase form is their text
                if flags & CAP != 0 || has_ascii_upper(&bytes[1..]) {
                    doc.lower[lo_start as usize..].make_ascii_lowercase();
                } else {
                    low_is_text = true;
                }
            } else if word {
                let mut chars = w.chars();
                let c0 = chars.next().unwrap_or(' ');
                if c0.is_uppercase() {
                    flags |= CAP;
                    let letters = w.chars().filter(|c| c.is_alphabetic()).count();
                    if letters >= 2 && !w.chars().any(char::is_lowercase) {
                        flags |= ALLCAPS;
                    }
                }
                if w.starts_with('\'') || w.starts_with('\u{2019}') {
                    flags |= POSSESSIVE;
                }
                for ch in w.chars() {
                    if ch == '\u{2019}' {
                        doc.lower.push('\'');
                    } else {
                        doc.lower.extend(ch.to_lowercase());
                    }
                }
            } else if let Kind::Quote(_) = kind {
                doc.lower.push('"');
            } else {
                doc.lower.push_str(w);
            }
            let lo_end = doc.lower.len() as u32;
            let slot = if word {
                let low = if low_is_text {
                    w
                } else {
                    &doc.lower[lo_start as usize..lo_end as usize]
                };
                lex.slot(low).unwrap_or(NO_SLOT)
            } else {
                NO_SLOT
            };
            if matches!(kind, Kind::Punct) && w == "''" {
                kind = Kind::Quote(Quote::Either);
            }
            if may_end_sentence(kind, w) {
                cands.push(doc.tokens.len());
            }
            doc.tokens.push(Token {
                start: s as u32,
                end: e as u32,
                kind,
                flags,
                slot,
                lo: (lo_start, lo_end),
            });
        }
        resolve_straight_quotes(&mut doc.tokens[first_tok..]);
        // sentences
        let last_tok = doc.tokens.len();
        let mut s0 = first_tok;
        // only the candidates are looked at: every other token fails `ends_sentence` at once
        for &i in &cands {
            if i < s0 {
                continue;
            }
            if ends_sentence(&doc, i, last_tok) {
                let mut j = i + 1;
                // closing quotes and brackets stay with the sentence they close
                while j < last_tok
                    && (matches!(doc.tokens[j].kind, Kind::Quote(Quote::Close))
                        || matches!(doc.tok_text(j), ")" | "]"))
                {
                    j += 1;
                }
                push_sentence(&mut doc, s0, j, para_ix);
                s0 = j;
            }
        }
        if s0 < last_tok {
            push_sentence(&mut doc, s0, last_tok, para_ix);
        }
        doc.paragraphs.push(Paragraph {
            span: *p,
            first: first_sent,
            last: doc.sentences.len(),
        });
    }
    doc
}

/// Whether an ASCII word has a capital letter (`A`..=`Z`), i.e. whether its lowercase form
/// differs from it.
fn has_ascii_upper(bytes: &[u8]) -> bool {
    bytes.iter().any(u8::is_ascii_uppercase)
}

fn push_sentence(doc: &mut Doc, first: usize, last: usize, para: usize) {
    let ix = doc.sentences.len() as u32;
    doc.tokens[first].flags |= SENT_START;
    let span = Span {
        start: doc.tokens[first].start,
        end: doc.tokens[last - 1].end,
    };
    doc.sentences.push(Sentence {
        first,
        last,
        span,
        para,
    });
    doc.sent_of.resize(last, ix);
}

/// Decides the direction of straight quotes in one paragraph: alternate open/close, helped by
/// the spacing around each.
fn resolve_straight_quotes(toks: &mut [Token]) {
    let mut open = false;
    for i in 0..toks.len() {
        if toks[i].kind != Kind::Quote(Quote::Either) {
            if toks[i].kind == Kind::Quote(Quote::Open) {
                open = true;
            } else if toks[i].kind == Kind::Quote(Quote::Close) {
                open = false;
            }
            continue;
        }
        let space_before = toks[i].is(SPACE_BEFORE);
        let space_after = toks.get(i + 1).is_none_or(|t| t.is(SPACE_BEFORE));
        let q = if !open && (space_before || !space_after) {
            Quote::Open
        } else if open {
            Quote::Close
        } else {
            Quote::Open
        };
        open = q == Quote::Open;
        toks[i].kind = Kind::Quote(q);
    }
}

/// Whether a token of this kind and text may end a sentence: a full stop, an ellipsis, `!`, `?`
/// or a word with a dot (an abbreviation or initial); [`ends_sentence`] decides from what
/// follows.
fn may_end_sentence(kind: Kind, w: &str) -> bool {
    match kind {
        Kind::Punct => w.starts_with('.') || w == "!" || w == "?" || w == "\u{2026}",
        Kind::Word => w.ends_with('.'),
        _ => false,
    }
}

/// Whether token `n` is a straight single quotation mark that opens a quote: spaced from what
/// precedes it and glued to a capitalised word or a number ("… on Monday. 'Vell has met …'").
/// The tokenizer leaves a lone `'` as punctuation because it may also be an apostrophe.
fn opens_single_quote(doc: &Doc, n: usize, last: usize) -> bool {
    let t = &doc.tokens[n];
    if t.kind != Kind::Punct || doc.tok_text(n) != "'" || !t.is(SPACE_BEFORE) || n + 1 >= last {
        return false;
    }
    let a = &doc.tokens[n + 1];
    !a.is(SPACE_BEFORE) && (a.is(CAP) || a.kind == Kind::Number)
}

fn ends_sentence(doc: &Doc, i: usize, last: usize) -> bool {
    let t = &doc.tokens[i];
    let w = doc.tok_text(i);
    // most tokens cannot end a sentence: decide that before looking ahead
    if !may_end_sentence(t.kind, w) {
        return false;
    }
    let next = (i + 1..last).find(|&j| {
        !matches!(doc.tokens[j].kind, Kind::Quote(Quote::Close))
            && !matches!(doc.tok_text(j), ")" | "]")
    });
    let Some(n) = next else {
        return false;
    };
    let nt = &doc.tokens[n];
    let next_starts = nt.is(CAP)
        || nt.kind == Kind::Number
        || matches!(nt.kind, Kind::Quote(Quote::Open))
        || matches!(doc.tok_text(n), "(" | "[" | "\u{2014}" | "-")
        || opens_single_quote(doc, n, last);
    match t.kind {
        Kind::Punct => {
            let end_punct = w == "."
                || w == "!"
                || w == "?"
                || w == "..."
                || w == "\u{2026}"
                || w.starts_with("..");
            end_punct && next_starts
        }
        Kind::Word if w.ends_with('.') => {
            let lw = doc.low(i).trim_end_matches('.');
            // a capital letter alone is an initial ("John F. Lenz") unless a sentence opener
            // follows ("a post on X. She said", "Plan B. The …")
            // (only before a pronoun or determiner: "Ann M. Still" is a name)
            let letter = lw.len() == 1
                && lw.bytes().all(|b| b.is_ascii_lowercase())
                && t.is(CAP)
                && matches!(
                    doc.low(n),
                    "he" | "she"
                        | "it"
                        | "they"
                        | "we"
                        | "i"
                        | "you"
                        | "the"
                        | "a"
                        | "an"
                        | "this"
                        | "that"
                        | "these"
                        | "those"
                        | "his"
                        | "her"
                        | "its"
                        | "their"
                        | "our"
                        | "there"
                        | "but"
                        | "and"
                );
            if letter {
                next_starts
            } else if ABBREV_FINAL.contains(&lw) {
                // "in the U.S. The president" ends; "U.S. Vice President" and "U.S. District
                // Judge" do not: the next word must be one that opens sentences
                next_starts
                    && (SENTENCE_OPENERS.contains(&doc.low(n))
                        || matches!(nt.kind, Kind::Quote(Quote::Open)))
            } else {
                false
            }
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clean::clean;

    fn doc(t: &str) -> Doc<'_> {
        segment(t, &clean(t))
    }

    #[test]
    fn token_lookups_past_the_end_are_empty_not_a_panic() {
        // issue 7 (robustness), found by the proptest through a look-ahead in calls.rs
        let d = doc("He met his brother");
        let n = d.tokens.len();
        assert_eq!(d.tok_text(n - 1), "brother");
        assert_eq!(d.tok_text(n), "");
        assert_eq!(d.low(n + 5), "");
    }

    #[test]
    fn abbreviations_do_not_end_sentences() {
        let t = "US Vice President J.D. Vance met Gen. Smith on Jan. 5 in the U.S. The talks ended. Then Mr. Ode left.";
        let d = doc(t);
        let sents: Vec<&str> = d.sentences.iter().map(|s| s.span.text(t)).collect();
        assert_eq!(
            sents,
            [
                "US Vice President J.D. Vance met Gen. Smith on Jan. 5 in the U.S.",
                "The talks ended.",
                "Then Mr. Ode left."
            ]
        );
    }

    #[test]
    fn an_initial_ends_a_sentence_only_before_a_pronoun_or_determiner() {
        let t = "Ana Dorn welcomed it in a post on X. She called Piet J. Valen. Ann M. Still met Tomas K. Hrad.";
        let d = doc(t);
        let sents: Vec<&str> = d.sentences.iter().map(|s| s.span.text(t)).collect();
        assert_eq!(
            sents,
            [
                "Ana Dorn welcomed it in a post on X.",
                "She called Piet J. Valen.",
                "Ann M. Still met Tomas K. Hrad."
            ]
        );
    }

    #[test]
    fn state_abbreviations_and_us_before_a_name_do_not_end_sentences() {
        // issue 3: "(D-N.Y.)" and "U.S. District Judge" split sentences, losing attributions
        let t = "Sen. Orla Venn (D-N.Y.) said the vote would wait. U.S. District Judge Ada Crane \
                 agreed. Talks moved to the U.S. They ended.";
        let d = doc(t);
        let sents: Vec<&str> = d.sentences.iter().map(|s| s.span.text(t)).collect();
        assert_eq!(sents.len(), 4, "{sents:?}");
        assert!(sents[0].ends_with("would wait."), "{sents:?}");
        assert!(sents[1].starts_with("U.S. District Judge"), "{sents:?}");
        assert_eq!(sents[3], "They ended.");
    }

    #[test]
    fn quotes_are_normalised_and_closing_quotes_stay_with_their_sentence() {
        let t = "\u{201C}We are ready.\u{201D} She said \"no\" to ''that''.";
        let d = doc(t);
        assert_eq!(d.sentences.len(), 2);
        assert_eq!(d.sentences[0].span.text(t), "\u{201C}We are ready.\u{201D}");
        let quotes: Vec<Kind> = d
            .tokens
            .iter()
            .map(|t| t.kind)
            .filter(|k| matches!(k, Kind::Quote(_)))
            .collect();
        assert_eq!(
            quotes,
            [
                Kind::Quote(Quote::Open),
                Kind::Quote(Quote::Close),
                Kind::Quote(Quote::Open),
                Kind::Quote(Quote::Close),
                Kind::Quote(Quote::Open),
                Kind::Quote(Quote::Close)
            ]
        );
    }

    #[test]
    fn a_single_quotation_mark_after_a_full_stop_opens_a_new_sentence() {
        let t = "The envoy left on Monday. 'Vell has met the king twice,' she said.";
        let d = doc(t);
        assert_eq!(d.sentences.len(), 2);
        assert_eq!(
            d.sentences[1].span.text(t),
            "'Vell has met the king twice,' she said."
        );
        // an apostrophe inside or after a word, or an abbreviation, does not split
        let t = "Talks ended in the U.S. 'Vell's' rivals were late. The rock 'n' roll era began.";
        assert_eq!(doc(t).sentences.len(), 2);
        let t = "Mr. 'Tomas' Vell spoke. He left.";
        assert_eq!(doc(t).sentences.len(), 2);
    }

    #[test]
    fn straight_single_quotes_around_speech_are_quotes() {
        // issue 3: British-style 'We agreed,' Vell said had no quotation marks at all
        let t = "'We agreed on the plan,' Vell said. The workers' union and rock 'n' roll \
                 stay. \"She told me 'never' twice,\" Dorn said.";
        let d = doc(t);
        let quotes: Vec<(&str, Kind)> = d
            .tokens
            .iter()
            .filter(|k| matches!(k.kind, Kind::Quote(_)))
            .map(|k| (k.span().text(t), k.kind))
            .collect();
        assert_eq!(
            quotes,
            [
                ("'", Kind::Quote(Quote::Open)),
                ("'", Kind::Quote(Quote::Close)),
                ("\"", Kind::Quote(Quote::Open)),
                ("\"", Kind::Quote(Quote::Close)),
            ]
        );
    }

    #[test]
    fn phrase_tokens_of_one_ascii_run_are_those_of_the_tokenizer() {
        for s in ["Holmstad", "NORLAND", "g7", "1200", "24B", "x"] {
            let mut toks = Vec::new();
            tokenize_into(s, 0, s.len(), &mut toks);
            let slow: Vec<(String, bool)> = toks
                .iter()
                .map(|t| (s[t.0..t.1].to_lowercase(), t.2 == Kind::Word))
                .collect();
            assert_eq!(phrase_tokens(s), slow, "{s}");
        }
        assert!(phrase_tokens("").is_empty());
    }

    #[test]
    fn ascii_capitals_are_found_anywhere_in_a_word() {
        assert!(has_ascii_upper(b"Zorbat"));
        assert!(has_ascii_upper(b"mcFlurb"));
        assert!(has_ascii_upper(b"glimX"));
        assert!(!has_ascii_upper(b"glim-9's"));
        assert!(!has_ascii_upper(b""));
        let d = doc("The quarkTon met blorp.");
        assert_eq!((d.low(0), d.low(1), d.low(3)), ("the", "quarkton", "blorp"));
    }

    #[test]
    fn word_tokens_know_whether_they_are_ascii() {
        let t = "Ana\u{2019}s Zo\u{EB} Lenz-\u{D8}sterg\u{E5}rd d\u{2019}Avel U.S. Jos\u{E9}'s 3,400 \
                 hour\u{2011}long Bj\u{F6}rn. N.\u{C5}. x";
        let mut toks = Vec::new();
        tokenize_into(t, 0, t.len(), &mut toks);
        assert!(toks.iter().any(|tk| !tk.3) && toks.iter().any(|tk| tk.3));
        for &(s, e, kind, ascii) in &toks {
            if matches!(kind, Kind::Word | Kind::Number) {
                assert_eq!(ascii, t[s..e].is_ascii(), "{:?}", &t[s..e]);
            } else {
                assert!(!ascii);
            }
        }
    }

    #[test]
    fn possessives_numbers_and_hyphens() {
        let t = "Ukraine\u{2019}s 1,200 troops held a nearly hour-long call 24/7.";
        let d = doc(t);
        let toks: Vec<&str> = (0..d.tokens.len()).map(|i| d.tok_text(i)).collect();
        assert_eq!(
            toks,
            [
                "Ukraine",
                "\u{2019}s",
                "1,200",
                "troops",
                "held",
                "a",
                "nearly",
                "hour-long",
                "call",
                "24/7",
                "."
            ]
        );
        assert_eq!(d.low(1), "'s");
    }
}
