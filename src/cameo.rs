//! Event codes: CAMEO codes (as strings) and PLOVER types and modes for calls, meetings,
//! statements and events, following the published CAMEO 1.1b3 and PLOVER mappings.
//!
//! In: a graph node's own fields (mode, participants, rule, trigger, cue). Out: [`Codes`].

use serde::{Deserialize, Serialize};

use crate::types::CallMode;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Plover {
    #[serde(rename = "type")]
    pub kind: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mode: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Codes {
    pub cameo: String,
    pub plover: Plover,
}

fn plover(kind: &str, mode: Option<&str>) -> Plover {
    Plover {
        kind: kind.to_string(),
        mode: mode.map(str::to_string),
    }
}

/// 040-046 consult. CAMEO: 041 discuss by telephone (phone and video calls), 042 make a visit
/// (`call.visited`), 043 host a visit (`call.received`, `call.played_host`), 044 meet at a third location (summits,
/// "on the sidelines of"), 046 engage in negotiation ("negotiated", "talks"), 040 otherwise.
/// PLOVER CONSULT, with mode `phone` (041), `visit` (042, 043), `multilateral` (an in-person or
/// unspecified meeting of more than two actors), `third-party` (044, and 046 between two), and
/// no mode when the text does not say how or where two actors met.
pub fn for_call(mode: CallMode, participants: usize, rule: &str, trigger: &str) -> Codes {
    let t = trigger.to_lowercase();
    let multilateral = participants > 2;
    let third_location = t.contains("summit") || t.contains("sideline");
    let negotiation = t.starts_with("negotiat")
        || t == "talks"
        || rule == "call.negotiated_with"
        || rule == "call.talks";
    let (cameo, pmode) = match mode {
        CallMode::Phone | CallMode::Video => ("041", Some("phone")),
        _ if rule == "call.visited" => ("042", Some("visit")),
        _ if rule == "call.received" || rule == "call.played_host" => ("043", Some("visit")),
        _ if third_location => (
            "044",
            Some(if multilateral {
                "multilateral"
            } else {
                "third-party"
            }),
        ),
        _ if negotiation => (
            "046",
            Some(if multilateral {
                "multilateral"
            } else {
                "third-party"
            }),
        ),
        _ => ("040", multilateral.then_some("multilateral")),
    };
    Codes {
        cameo: cameo.to_string(),
        plover: plover("CONSULT", pmode),
    }
}

/// 010-019 public statements, by the lemma of the cue.
pub fn for_statement(cue: &str) -> Codes {
    let c = cue.to_lowercase();
    let (cameo, kind) = if c.starts_with("den") || c.starts_with("reject") {
        ("016", "REJECT")
    } else if c.starts_with("acknowledg") || c.starts_with("admit") || c.starts_with("claim") {
        ("015", "CONCEDE")
    } else if c.starts_with("agree") || c.starts_with("welcom") || c.starts_with("prais") {
        ("019", "AGREE")
    } else if c.starts_with("accus")
        || c.starts_with("blam")
        || c.starts_with("criticiz")
        || c.starts_with("criticis")
        || c.starts_with("condemn")
    {
        ("010", "ACCUSE")
    } else if c.starts_with("urg")
        || c.starts_with("call")
        || c.starts_with("demand")
        || c.starts_with("ask")
    {
        ("010", "REQUEST")
    } else if c.starts_with("threat") || c.starts_with("warn") {
        ("010", "THREATEN")
    } else if c.starts_with("declin") {
        ("011", "REJECT")
    } else {
        ("010", "STATEMENT")
    };
    Codes {
        cameo: cameo.to_string(),
        plover: plover(kind, None),
    }
}

/// 190-196 use of force: 195 aerial weapons (air strikes, missiles, drones, shelling from the
/// air), 193 small arms and light weapons, 183 bombings, 190 otherwise.
pub fn for_event(trigger: &str, evidence: &str) -> Codes {
    let t = trigger.to_lowercase();
    let e = evidence.to_lowercase();
    let aerial = [
        "airstrike",
        "air strike",
        "air-strike",
        "missile",
        "drone",
        "bombard",
        "warplane",
        "air raid",
        "rocket",
    ];
    let (cameo, mode) = if aerial.iter().any(|w| t.contains(w) || e.contains(w)) {
        ("195", "aerial")
    } else if ["shooting", "shot", "gunfire", "gunmen", "fired"]
        .iter()
        .any(|w| t.contains(w))
    {
        ("193", "small-arms")
    } else if ["bomb", "blast", "explo", "detonat", "suicide"]
        .iter()
        .any(|w| t.contains(w))
    {
        ("183", "bombing")
    } else if t.contains("shell") {
        ("194", "artillery")
    } else {
        ("190", "military")
    };
    Codes {
        cameo: cameo.to_string(),
        plover: plover("ASSAULT", Some(mode)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phone_calls_are_041_and_strikes_195() {
        assert_eq!(
            for_call(CallMode::Phone, 2, "call.noun", "call").cameo,
            "041"
        );
        assert_eq!(
            for_call(CallMode::InPerson, 3, "call.met", "met")
                .plover
                .mode
                .as_deref(),
            Some("multilateral")
        );
        assert_eq!(
            for_event("strike", "a missile strike on the town").cameo,
            "195"
        );
        assert_eq!(for_statement("denied").cameo, "016");
    }

    #[test]
    fn visits_third_locations_and_negotiations() {
        let c = for_call(CallMode::InPerson, 2, "call.visited", "visited");
        assert_eq!(
            (c.cameo.as_str(), c.plover.mode.as_deref()),
            ("042", Some("visit"))
        );
        for (rule, t) in [("call.received", "received"), ("call.played_host", "host")] {
            let c = for_call(CallMode::InPerson, 2, rule, t);
            assert_eq!(
                (c.cameo.as_str(), c.plover.mode.as_deref()),
                ("043", Some("visit"))
            );
        }
        let c = for_call(CallMode::InPerson, 2, "call.noun", "summit");
        assert_eq!(
            (c.cameo.as_str(), c.plover.mode.as_deref()),
            ("044", Some("third-party"))
        );
        let c = for_call(
            CallMode::Unspecified,
            2,
            "call.negotiated_with",
            "negotiated",
        );
        assert_eq!(c.cameo, "046");
        let c = for_call(CallMode::Video, 4, "call.noun", "video call");
        assert_eq!(
            (c.cameo.as_str(), c.plover.mode.as_deref()),
            ("041", Some("phone"))
        );
        let c = for_call(CallMode::Unspecified, 2, "call.spoke_with", "spoke");
        assert_eq!(
            (c.cameo.as_str(), c.plover.kind.as_str(), c.plover.mode),
            ("040", "CONSULT", None)
        );
        assert_eq!(for_event("air strike", "").cameo, "195");
        assert_eq!(for_event("shelling", "").plover.kind, "ASSAULT");
    }
}
