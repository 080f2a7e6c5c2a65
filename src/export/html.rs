//! One self-contained HTML page: the Graphviz SVG of the network layout inline, a panel showing
//! the evidence of the clicked node (sentences, articles, dates), and a date-range filter. No
//! network access and no external script: the data travels as JSON inside the page and the
//! script is inline.
//!
//! Safety: every text reaches the page either through Graphviz's XML-escaped SVG, through
//! [`escape`], or as JSON whose `<`, `>` and `&` are `\u`-escaped (so no `</script>` can close
//! the data block), and the script writes it with `textContent` only, never as markup.
//!
//! Test hooks: the URL fragment `#select=<node id>` clicks that node once the page has loaded,
//! and `#from=YYYY-MM-DD&to=YYYY-MM-DD` sets the filter. The panel's `data-selected` attribute
//! holds the selected id.

use std::collections::BTreeMap;

use serde_json::{Value, json};

use crate::error::Result;
use crate::export::{DotOptions, facts};
use crate::graph::{Graph, Node, Relation};
use crate::render::{self, Layout};

/// Escapes text for HTML element content and attribute values.
pub fn escape(s: &str) -> String {
    crate::export::graphml::escape(s)
}

/// JSON text safe inside `<script type="application/json">`.
pub fn script_json(v: &Value) -> String {
    serde_json::to_string(v)
        .expect("JSON value serialises")
        .replace('<', "\\u003c")
        .replace('>', "\\u003e")
        .replace('&', "\\u0026")
        .replace('\u{2028}', "\\u2028")
        .replace('\u{2029}', "\\u2029")
}

/// The SVG element of Graphviz's output, without the XML prolog, doctype and comments.
pub fn inline_svg(svg: &str) -> String {
    let start = svg.find("<svg").unwrap_or(0);
    let mut s = &svg[start..];
    let mut out = String::with_capacity(s.len());
    while let Some(i) = s.find("<!--") {
        out.push_str(&s[..i]);
        match s[i..].find("-->") {
            Some(j) => s = &s[i + j + 3..],
            None => {
                s = "";
            }
        }
    }
    out.push_str(s);
    out.trim_end().to_string()
}

fn node_data(g: &Graph, n: &Node) -> Value {
    let id = n.id();
    let mut details: Vec<(String, String)> = Vec::new();
    let mut d = |k: &str, v: String| {
        if !v.is_empty() {
            details.push((k.to_string(), v));
        }
    };
    let rel_actors = |r: Relation| facts::names(g, id, r).join(", ");
    let label;
    match n {
        Node::Actor(a) => {
            label = a.name.clone();
            d("type", a.actor_type.as_str().into());
            d("title", a.title.clone().unwrap_or_default());
            d("affiliation", a.affiliation.clone().unwrap_or_default());
            d("code", a.code.clone().unwrap_or_default());
            d("aliases", a.aliases.join(", "));
            d("articles", a.num_articles.to_string());
        }
        Node::Call(c) | Node::Meeting(c) => {
            label = format!(
                "{} · {}",
                n.kind(),
                c.date.map_or("date unknown".into(), |x| x.to_string())
            );
            d("mode", c.mode.as_str().into());
            d("participants", rel_actors(Relation::Participant));
            d("topic", c.topic.clone().unwrap_or_default());
            d("duration", c.duration.clone().unwrap_or_default());
            d("date as written", c.date_text.clone().unwrap_or_default());
        }
        Node::Statement(s) => {
            label = "statement".into();
            d("speaker", rel_actors(Relation::Speaker));
            d("text", s.text.clone());
            d("direct", s.direct.to_string());
            d("date as written", s.date_text.clone().unwrap_or_default());
        }
        Node::Event(e) => {
            label = match &e.location {
                Some(l) => format!("{} on {l}", e.event_type),
                None => e.event_type.clone(),
            };
            d("location", e.location.clone().unwrap_or_default());
            d(
                "killed",
                e.killed.map(|k| k.to_string()).unwrap_or_default(),
            );
            d(
                "injured",
                e.injured.map(|k| k.to_string()).unwrap_or_default(),
            );
            d("perpetrators", rel_actors(Relation::Perpetrator));
            d("date as written", e.date_text.clone().unwrap_or_default());
        }
    }
    if !matches!(n, Node::Actor(_)) {
        let (cameo, pt, pm) = facts::codes(n);
        d("CAMEO", cameo);
        d(
            "PLOVER",
            if pm.is_empty() {
                pt
            } else {
                format!("{pt} ({pm})")
            },
        );
        d("confidence", format!("{:.2}", n.confidence()));
    }
    let evidence: Vec<Value> = n
        .evidence()
        .iter()
        .map(|e| {
            let meta = g.articles.iter().find(|a| a.id == e.article);
            json!({
                "text": e.text,
                "article": e.article,
                "title": meta.and_then(|m| m.title.clone()),
                "published": meta.and_then(|m| m.published).map(|d| d.to_string()),
                "url": meta.and_then(|m| m.url.clone()),
            })
        })
        .collect();
    // for actors: the facts they are linked to, by date
    let mut linked: Vec<(Option<chrono::NaiveDate>, String)> = Vec::new();
    if let Node::Actor(_) = n {
        let ix = g.index[id];
        for t in g.g.neighbors_directed(ix, petgraph::Direction::Outgoing) {
            linked.push((g.g[t].date(), g.g[t].id().to_string()));
        }
        linked.sort();
        linked.dedup();
    }
    json!({
        "kind": n.kind(),
        "label": label,
        "date": n.date().map(|d| d.to_string()),
        "details": details,
        "evidence": evidence,
        "facts": linked.into_iter().map(|(_, id)| id).collect::<Vec<_>>(),
    })
}

/// The page's data: every node by id.
pub fn page_data(g: &Graph) -> Value {
    let nodes: BTreeMap<String, Value> = g
        .nodes()
        .map(|n| (n.id().to_string(), node_data(g, n)))
        .collect();
    json!({ "nodes": nodes })
}

/// The HTML page. Needs Graphviz `dot` for the SVG.
pub fn to_html(g: &Graph, opts: &DotOptions) -> Result<String> {
    let svg = render::svg(g, Layout::Network, opts)?;
    Ok(page(g, &inline_svg(&svg)))
}

/// The HTML page around an SVG already rendered.
pub fn page(g: &Graph, svg: &str) -> String {
    let dates: Vec<chrono::NaiveDate> = g.nodes().filter_map(|n| n.date()).collect();
    let (min, max) = (
        dates
            .iter()
            .min()
            .map(|d| d.to_string())
            .unwrap_or_default(),
        dates
            .iter()
            .max()
            .map(|d| d.to_string())
            .unwrap_or_default(),
    );
    let nfacts = g.nodes().filter(|n| !matches!(n, Node::Actor(_))).count();
    let nactors = g.nodes().count() - nfacts;
    let mut out = String::new();
    out.push_str("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    out.push_str(
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; \
         style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:\">\n",
    );
    out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    out.push_str(&format!(
        "<title>diplograph: {} actors, {} facts</title>\n",
        nactors, nfacts
    ));
    out.push_str("<style>\n");
    out.push_str(CSS);
    out.push_str("</style>\n</head>\n<body>\n");
    out.push_str(
        "<header>\n<h1>diplograph</h1>\n<form id=\"dg-filter\" onsubmit=\"return false\">\n",
    );
    out.push_str(&format!(
        "<label>From <input type=\"date\" id=\"dg-from\" min=\"{min}\" max=\"{max}\"></label>\n\
         <label>to <input type=\"date\" id=\"dg-to\" min=\"{min}\" max=\"{max}\"></label>\n\
         <button type=\"button\" id=\"dg-reset\">All dates</button>\n\
         <span id=\"dg-count\">{nfacts} of {nfacts} facts</span>\n"
    ));
    out.push_str("</form>\n</header>\n<main>\n<div id=\"dg-graph\">\n");
    out.push_str(svg);
    out.push_str("\n</div>\n<aside id=\"dg-panel\" data-selected=\"\">\n");
    out.push_str(&format!(
        "<p class=\"hint\">Click a node to see its evidence. {} actors, {} facts, {} articles{}.</p>\n",
        nactors,
        nfacts,
        g.articles.len(),
        if min.is_empty() {
            String::new()
        } else {
            escape(&format!(", {min} to {max}"))
        }
    ));
    out.push_str("</aside>\n</main>\n");
    out.push_str("<script type=\"application/json\" id=\"dg-data\">");
    out.push_str(&script_json(&page_data(g)));
    out.push_str("</script>\n<script>\n");
    out.push_str(JS);
    out.push_str("</script>\n</body>\n</html>\n");
    out
}

const CSS: &str = r#"body { margin: 0; font: 14px/1.4 Helvetica, Arial, sans-serif; color: #222; }
header { display: flex; align-items: center; gap: 1.5em; padding: 0.4em 1em; border-bottom: 1px solid #ccc; background: #f7f7f7; }
header h1 { font-size: 1.1em; margin: 0; }
header form { display: flex; gap: 0.8em; align-items: center; }
#dg-count { color: #666; }
main { display: flex; height: calc(100vh - 3em); }
#dg-graph { flex: 1; overflow: auto; padding: 0.5em; }
#dg-panel { width: 380px; overflow: auto; border-left: 1px solid #ccc; padding: 0.8em 1em; background: #fcfcfc; }
#dg-panel h2 { font-size: 1.1em; margin: 0 0 0.4em; }
#dg-panel dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.2em 0.8em; margin: 0 0 0.8em; }
#dg-panel dt { color: #666; }
#dg-panel dd { margin: 0; }
#dg-panel blockquote { margin: 0.3em 0; padding: 0.3em 0.6em; border-left: 3px solid #e0b000; background: #fffbe6; white-space: pre-wrap; }
#dg-panel .src { color: #555; font-size: 0.9em; margin-bottom: 0.8em; word-break: break-all; }
#dg-panel button.fact { display: block; text-align: left; margin: 0.2em 0; background: none; border: 1px solid #ccc; cursor: pointer; }
.hint { color: #666; }
g.node { cursor: pointer; }
g.node.dg-selected polygon, g.node.dg-selected ellipse, g.node.dg-selected path { stroke: #d62728; stroke-width: 3px; }
.dg-hidden { display: none; }
.dg-dim { opacity: 0.25; }
"#;

const JS: &str = r##"(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("dg-data").textContent).nodes;
  var panel = document.getElementById("dg-panel");
  var svg = document.querySelector("#dg-graph svg");
  var elems = {};
  var edges = [];
  var selected = null;
  function titleOf(g) {
    for (var c = g.firstElementChild; c; c = c.nextElementSibling) {
      if (c.tagName.toLowerCase() === "title") { return c.textContent; }
    }
    return null;
  }
  if (svg) {
    svg.querySelectorAll("g.node").forEach(function (g) {
      var id = titleOf(g);
      if (id === null) { return; }
      elems[id] = g;
      g.addEventListener("click", function (ev) { ev.preventDefault(); select(id); });
    });
    svg.querySelectorAll("g.edge").forEach(function (g) {
      var t = titleOf(g);
      if (t === null) { return; }
      var i = t.indexOf("->");
      if (i < 0) { return; }
      edges.push({ g: g, s: t.slice(0, i), t: t.slice(i + 2) });
    });
  }
  function el(tag, text, cls) {
    var e = document.createElement(tag);
    if (text !== undefined && text !== null) { e.textContent = text; }
    if (cls) { e.className = cls; }
    return e;
  }
  function select(id) {
    var d = data[id];
    if (!d) { return; }
    if (selected && elems[selected]) { elems[selected].classList.remove("dg-selected"); }
    selected = id;
    if (elems[id]) { elems[id].classList.add("dg-selected"); }
    panel.replaceChildren();
    panel.setAttribute("data-selected", id);
    panel.appendChild(el("h2", d.label));
    var dl = el("dl");
    dl.appendChild(el("dt", "kind"));
    dl.appendChild(el("dd", d.kind));
    if (d.date) { dl.appendChild(el("dt", "date")); dl.appendChild(el("dd", d.date)); }
    d.details.forEach(function (kv) {
      dl.appendChild(el("dt", kv[0]));
      dl.appendChild(el("dd", kv[1]));
    });
    panel.appendChild(dl);
    if (d.evidence.length) {
      panel.appendChild(el("h3", "Evidence (" + d.evidence.length + ")"));
      d.evidence.forEach(function (e) {
        panel.appendChild(el("blockquote", e.text, "evidence"));
        var src = [e.title || e.article];
        if (e.published) { src.push("published " + e.published); }
        if (e.url) { src.push(e.url); }
        src.push("article " + e.article);
        panel.appendChild(el("div", src.join(" · "), "src"));
      });
    }
    if (d.facts.length) {
      panel.appendChild(el("h3", "Facts (" + d.facts.length + ")"));
      d.facts.forEach(function (f) {
        var x = data[f];
        if (!x) { return; }
        var b = el("button", (x.date || "date unknown") + " · " + x.label, "fact");
        b.type = "button";
        b.addEventListener("click", function () { select(f); });
        panel.appendChild(b);
      });
    }
  }
  var from = document.getElementById("dg-from");
  var to = document.getElementById("dg-to");
  var count = document.getElementById("dg-count");
  function inRange(date) {
    if (!from.value && !to.value) { return true; }
    if (!date) { return false; }
    return (!from.value || date >= from.value) && (!to.value || date <= to.value);
  }
  function filter() {
    var visible = {};
    var shown = 0;
    var total = 0;
    Object.keys(data).forEach(function (id) {
      var d = data[id];
      if (d.kind === "actor") { return; }
      total += 1;
      var ok = inRange(d.date);
      visible[id] = ok;
      if (ok) { shown += 1; }
      if (elems[id]) { elems[id].classList.toggle("dg-hidden", !ok); }
    });
    Object.keys(data).forEach(function (id) {
      var d = data[id];
      if (d.kind !== "actor" || !elems[id]) { return; }
      var filtering = Boolean(from.value || to.value);
      var any = d.facts.some(function (f) { return visible[f]; });
      elems[id].classList.toggle("dg-dim", filtering && !any);
    });
    edges.forEach(function (e) {
      var hide = visible[e.s] === false || visible[e.t] === false;
      e.g.classList.toggle("dg-hidden", hide);
    });
    count.textContent = shown + " of " + total + " facts";
  }
  from.addEventListener("input", filter);
  to.addEventListener("input", filter);
  from.addEventListener("change", filter);
  to.addEventListener("change", filter);
  document.getElementById("dg-reset").addEventListener("click", function () {
    from.value = "";
    to.value = "";
    filter();
  });
  // test hooks: #select=<id>&from=YYYY-MM-DD&to=YYYY-MM-DD
  var params = {};
  location.hash.replace(/^#/, "").split("&").forEach(function (kv) {
    var i = kv.indexOf("=");
    if (i > 0) { params[kv.slice(0, i)] = decodeURIComponent(kv.slice(i + 1)); }
  });
  if (params.from) { from.value = params.from; }
  if (params.to) { to.value = params.to; }
  filter();
  if (params.select) {
    var target = elems[params.select];
    if (target) {
      target.dispatchEvent(new MouseEvent("click", { bubbles: true, cancelable: true }));
    } else {
      select(params.select);
    }
  }
  document.body.setAttribute("data-ready", "1");
})();
"##;
