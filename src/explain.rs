//! `diplograph explain`: an article in, a sentence-by-sentence account out: the mentions found,
//! the actor each resolved to, and the rule behind each fact. For trusting a fact, and for error
//! analysis.

use std::fmt::Write;

use crate::pipeline::{Analysis, Limits, analyse};
use crate::types::{Article, Span};

fn in_sentence(an: &Analysis, s: usize, sp: Span) -> bool {
    an.doc.sentences[s].span.overlaps(sp)
}

/// Explains `article`; with `only`, just that sentence (0-based).
pub fn explain(article: &Article, only: Option<usize>) -> String {
    let an = analyse(article, &Limits::default());
    let text = article.text.as_str();
    let mut out = String::new();
    let _ = writeln!(
        out,
        "article {} ({} sentences)",
        article.id,
        an.doc.sentences.len()
    );
    for (s, sent) in an.doc.sentences.iter().enumerate() {
        if only.is_some_and(|o| o != s) {
            continue;
        }
        let _ = writeln!(out, "\n[{s}] {}", sent.span.text(text));
        for m in an
            .actors
            .mentions
            .iter()
            .filter(|m| in_sentence(&an, s, m.span))
        {
            let to = m
                .entity
                .map(|e| {
                    let e = &an.actors.entities[e];
                    format!("{} ({})", e.name, e.actor_type.as_str())
                })
                .unwrap_or_else(|| "unresolved".into());
            let _ = writeln!(
                out,
                "  mention {:?} {:?}{} -> {}",
                m.span.text(text),
                m.kind,
                if m.place { " (place)" } else { "" },
                to
            );
        }
        for d in an.dates.iter().filter(|d| d.sentence == s) {
            let _ = writeln!(
                out,
                "  date {:?} -> {:?}",
                d.span.text(text),
                d.date.map(|d| d.to_string())
            );
        }
        for c in an.calls.iter().filter(|c| c.sentence == s) {
            let parts: Vec<String> = c
                .participants
                .iter()
                .map(|&m| {
                    let men = &an.actors.mentions[m];
                    let e = men
                        .entity
                        .map(|e| an.actors.entities[e].name.clone())
                        .unwrap_or_default();
                    format!("{:?}={e}", men.span.text(text))
                })
                .collect();
            let _ = writeln!(
                out,
                "  CALL [{}] trigger {:?} mode {} participants {} (confidence {:.2})",
                c.rule,
                c.trigger.text(text),
                c.mode.as_str(),
                parts.join(", "),
                c.confidence
            );
        }
        for st in an.statements.iter().filter(|st| st.sentences.0 == s) {
            let spk = st
                .speaker_tok
                .and_then(|t| an.actors.mention_at(t))
                .and_then(|m| m.entity)
                .map(|e| an.actors.entities[e].name.clone())
                .unwrap_or_else(|| "-".into());
            let _ = writeln!(
                out,
                "  STATEMENT [{}] speaker {:?} -> {spk}, cue {:?}, {} content {:?} (confidence {:.2})",
                st.rule,
                st.speaker.map(|s| s.text(text)).unwrap_or(""),
                st.cue.text(text),
                if st.direct { "direct" } else { "reported" },
                st.content.text(text),
                st.confidence
            );
        }
        for e in an.events.iter().filter(|e| e.sentence == s) {
            let _ = writeln!(
                out,
                "  EVENT [{}] trigger {:?} place {:?} killed {:?} injured {:?} (confidence {:.2})",
                e.rule,
                e.trigger.text(text),
                e.place.map(|p| p.text(text)),
                e.killed,
                e.injured,
                e.confidence
            );
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn explains_mentions_resolutions_and_rules() {
        let a = Article {
            id: "t".into(),
            published: chrono::NaiveDate::from_ymd_opt(2024, 3, 15),
            text: "Chilean Foreign Minister Ignacia Moraga spoke by phone with Tomas Velarde on Tuesday. She said the call went well.".into(),
            ..Article::default()
        };
        let out = explain(&a, None);
        assert!(out.contains("-> Ignacia Moraga (person)"), "{out}");
        assert!(out.contains("CALL [call."), "{out}");
        assert!(out.contains("STATEMENT [reported.speech]"), "{out}");
        assert!(
            out.contains("date \"on Tuesday\" -> Some(\"2024-03-12\")"),
            "{out}"
        );
        let one = explain(&a, Some(1));
        assert!(!one.contains("CALL"), "{one}");
    }
}
