//! Made-up articles (invented people and places; real countries) through the library. The graph
//! JSON is snapshotted with insta (snapshots change as extraction improves: review and accept
//! them), and the key facts are asserted in code: the people are invented, so no name list can
//! be doing the work.

use diplograph::graph::{Node, Relation};

use crate::util::{article, calls_of, events_of, facts_and_graph, linked_names};

/// A phone call between two invented foreign ministers of real countries, dated by a weekday.
const PHONE_CALL: &str = "Portuguese Foreign Minister Tomás Velarde held a phone call with \
Chilean Foreign Minister Ignacia Moraga on Tuesday, the ministry said.\n\
The two ministers discussed fisheries and a planned trade agreement, according to a readout.\n\
“We agreed to meet again before the summer,” Velarde said.";

/// A meeting of three invented participants with a weekday date.
const MEETING: &str = "Kenyan President Odhiambo Waweru met with Ghanaian President Kofi \
Mensah-Asare and Nigerian Foreign Minister Adaeze Okonkwo in Nairobi on Wednesday.\n\
The leaders discussed regional security and a new rail corridor.";

/// A quotation split around "she said".
const SPLIT_QUOTE: &str = "Norwegian Prime Minister Ingrid Solbakken spoke to reporters in Oslo \
on Monday.\n\
“We will not accept any delay,” she said. “The agreement must be signed this year.”\n\
She added that talks would continue.";

/// A strike on an invented town, with casualties.
const STRIKE: &str = "Twelve people were killed, including two children, in a missile strike \
on Vorsk on Sunday, regional governor Petro Halych said.\n\
At least 30 others were injured.";

#[test]
fn phone_call_between_two_foreign_ministers() {
    // 2024-03-14 is a Thursday: "on Tuesday" is 2024-03-12
    let a = article("made-up-phone-call", "2024-03-14", PHONE_CALL);
    let (_, g) = facts_and_graph(&a);
    let calls = calls_of(&g);
    assert_eq!(calls.len(), 1, "{calls:#?}");
    let c = &calls[0];
    assert_eq!(c.kind, "call");
    assert_eq!(c.mode, "phone");
    assert_eq!(c.participants, ["Ignacia Moraga", "Tomás Velarde"]);
    assert_eq!(c.date.as_deref(), Some("2024-03-12"));
    let velarde = g
        .actors()
        .find(|x| x.name == "Tomás Velarde")
        .expect("Velarde");
    assert_eq!(velarde.affiliation.as_deref(), Some("Portugal"));
    // the closing quote is Velarde's, found through his surname alone
    let quote = g
        .nodes()
        .find_map(|n| match n {
            Node::Statement(s) if s.direct && s.text.contains("meet again") => Some(s),
            _ => None,
        })
        .expect("the quote is a statement");
    assert_eq!(
        linked_names(&g, &quote.id, Relation::Speaker),
        ["Tomás Velarde"]
    );
    insta::assert_json_snapshot!("phone_call", g.to_json_value());
}

/// Known gap: "his Chilean counterpart Ignacia Moraga" is not taken as a call participant, so
/// the call is missed (the sentence becomes statements instead).
#[test]
fn phone_call_with_counterpart_phrasing() {
    let a = article(
        "made-up-counterpart",
        "2024-03-14",
        "Portuguese Foreign Minister Tomás Velarde held a phone call with his Chilean \
         counterpart Ignacia Moraga on Tuesday, the ministry said.",
    );
    let (_, g) = facts_and_graph(&a);
    let calls = calls_of(&g);
    assert_eq!(calls.len(), 1, "{calls:#?}");
    assert_eq!(calls[0].participants, ["Ignacia Moraga", "Tomás Velarde"]);
    assert_eq!(calls[0].date.as_deref(), Some("2024-03-12"));
}

#[test]
fn meeting_with_three_participants_and_a_weekday() {
    // 2024-06-07 is a Friday: "on Wednesday" is 2024-06-05
    let a = article("made-up-meeting", "2024-06-07", MEETING);
    let (_, g) = facts_and_graph(&a);
    let calls = calls_of(&g);
    assert_eq!(calls.len(), 1, "{calls:#?}");
    let m = &calls[0];
    assert_eq!(m.kind, "meeting");
    assert_eq!(
        m.participants,
        ["Adaeze Okonkwo", "Kofi Mensah-Asare", "Odhiambo Waweru"]
    );
    assert_eq!(m.date.as_deref(), Some("2024-06-05"));
    let affiliation = |name: &str| {
        g.actors()
            .find(|x| x.name == name)
            .and_then(|x| x.affiliation.clone())
    };
    assert_eq!(affiliation("Odhiambo Waweru").as_deref(), Some("Kenya"));
    assert_eq!(affiliation("Kofi Mensah-Asare").as_deref(), Some("Ghana"));
    assert_eq!(affiliation("Adaeze Okonkwo").as_deref(), Some("Nigeria"));
    // three participants are three pairs
    let pairs = diplograph::query::who_spoke_with(&g, None, Default::default());
    assert_eq!(pairs.len(), 3, "{pairs:#?}");
    insta::assert_json_snapshot!("meeting_three", g.to_json_value());
}

#[test]
fn quote_split_around_she_said() {
    let a = article("made-up-split-quote", "2023-09-20", SPLIT_QUOTE);
    let (_, g) = facts_and_graph(&a);
    // both halves of the quotation are attributed to Solbakken through "she"
    let quoted: Vec<_> = g
        .nodes()
        .filter_map(|n| match n {
            Node::Statement(s) if s.direct => Some(s),
            _ => None,
        })
        .collect();
    for half in [
        "We will not accept any delay",
        "The agreement must be signed this year",
    ] {
        let s = quoted
            .iter()
            .find(|s| s.text.contains(half))
            .unwrap_or_else(|| panic!("no direct statement holds {half:?}: {quoted:#?}"));
        assert_eq!(
            linked_names(&g, &s.id, Relation::Speaker),
            ["Ingrid Solbakken"],
            "speaker of {half:?}"
        );
    }
    // "She added that ..." is hers too
    let added = g
        .nodes()
        .find_map(|n| match n {
            Node::Statement(s) if s.text.contains("talks would continue") => Some(s),
            _ => None,
        })
        .expect("reported statement");
    assert_eq!(
        linked_names(&g, &added.id, Relation::Speaker),
        ["Ingrid Solbakken"]
    );
    assert!(calls_of(&g).is_empty(), "speaking to reporters is no call");
    insta::assert_json_snapshot!("split_quote", g.to_json_value());
}

#[test]
fn strike_with_casualties_on_a_made_up_town() {
    // 2025-02-03 is a Monday: "on Sunday" is 2025-02-02
    let a = article("made-up-strike", "2025-02-03", STRIKE);
    let (_, g) = facts_and_graph(&a);
    let events: Vec<_> = events_of(&g);
    assert_eq!(events.len(), 1, "{events:#?}");
    let e = events[0];
    assert_eq!(e.event_type, "attack");
    assert_eq!(e.killed, Some(12));
    assert_eq!(e.location.as_deref(), Some("Vorsk"));
    assert_eq!(e.date.map(|d| d.to_string()).as_deref(), Some("2025-02-02"));
    assert!(calls_of(&g).is_empty());
    insta::assert_json_snapshot!("strike", g.to_json_value());
}
