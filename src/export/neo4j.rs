//! Neo4j: the CSV files `neo4j-admin database import full` reads, plus `load.cypher`, a
//! `LOAD CSV` script for a running server.
//!
//! Headers follow Neo4j's import format: `id:ID` (the node id, also stored as property `id`),
//! `:LABEL`, `:START_ID`, `:END_ID`, `:TYPE`, and typed properties `name:type` with the types
//! `string`, `int`, `float`, `boolean`, `date` and arrays `string[]` (elements split on `;`).
//! Fields are quoted with `"` (doubled inside); an empty unquoted field means "no property".
//! Text may hold newlines, so import with `--multiline-fields=true`:
//!
//! ```text
//! neo4j-admin database import full --multiline-fields=true \
//!   --nodes=actors.csv --nodes=calls.csv --nodes=statements.csv --nodes=events.csv \
//!   --relationships=relationships.csv neo4j
//! ```

use crate::export::facts;
use crate::graph::{Graph, Node, Relation};

/// A quoted CSV field (Neo4j's default quote character `"`, doubled inside).
fn q(s: &str) -> String {
    format!("\"{}\"", s.replace('"', "\"\""))
}

/// A `string[]` field: elements joined by `;`, each with `;` removed.
fn arr(v: &[String]) -> String {
    q(&v.iter()
        .map(|s| s.replace(';', ","))
        .collect::<Vec<_>>()
        .join(";"))
}

fn opt_q(s: &Option<String>) -> String {
    s.as_deref().map(q).unwrap_or_default()
}

fn date(d: Option<chrono::NaiveDate>) -> String {
    d.map(|d| d.to_string()).unwrap_or_default()
}

fn conf(c: f32) -> String {
    format!("{c}")
}

pub const ACTORS_HEADER: &str =
    "id:ID,:LABEL,name,actor_type,title,affiliation,code,aliases:string[],num_articles:int";
pub const CALLS_HEADER: &str = "id:ID,:LABEL,mode,date:date,date_text,duration,topic,cameo,plover_type,plover_mode,rule,confidence:float,num_articles:int,num_sources:int,articles:string[],evidence";
pub const STATEMENTS_HEADER: &str = "id:ID,:LABEL,text,direct:boolean,date:date,date_text,cameo,plover_type,plover_mode,rule,confidence:float,num_articles:int,num_sources:int,articles:string[],evidence";
pub const EVENTS_HEADER: &str = "id:ID,:LABEL,event_type,date:date,date_text,location,killed:int,injured:int,cameo,plover_type,plover_mode,rule,confidence:float,num_articles:int,num_sources:int,articles:string[],evidence";
pub const RELATIONSHIPS_HEADER: &str =
    ":START_ID,:END_ID,:TYPE,article,mention,mention_start:int,mention_end:int";

/// The Neo4j relationship type of a relation.
pub fn rel_type(r: &Relation) -> &'static str {
    match r {
        Relation::Participant => "PARTICIPANT",
        Relation::Speaker => "SPEAKER",
        Relation::Perpetrator => "PERPETRATOR",
        Relation::LocatedIn => "LOCATED_IN",
    }
}

/// The files: `actors.csv`, `calls.csv`, `statements.csv`, `events.csv`, `relationships.csv`,
/// `load.cypher`, `import.sh`.
pub fn files(g: &Graph) -> Vec<(String, String)> {
    let mut actors = format!("{ACTORS_HEADER}\n");
    let mut calls = format!("{CALLS_HEADER}\n");
    let mut stmts = format!("{STATEMENTS_HEADER}\n");
    let mut events = format!("{EVENTS_HEADER}\n");
    for n in g.nodes() {
        let (cameo, pt, pm) = facts::codes(n);
        let tail = |rule: &str, c: f32, na: usize, ns: usize| {
            format!(
                "{},{},{},{},{},{},{},{},{}",
                q(&cameo),
                q(&pt),
                if pm.is_empty() { String::new() } else { q(&pm) },
                q(rule),
                conf(c),
                na,
                ns,
                arr(&facts::articles(n)),
                q(&facts::sentence(n)),
            )
        };
        match n {
            Node::Actor(a) => {
                actors.push_str(&format!(
                    "{},Actor,{},{},{},{},{},{},{}\n",
                    q(&a.id),
                    q(&a.name),
                    q(a.actor_type.as_str()),
                    opt_q(&a.title),
                    opt_q(&a.affiliation),
                    opt_q(&a.code),
                    arr(&a.aliases),
                    a.num_articles
                ));
            }
            Node::Call(c) | Node::Meeting(c) => {
                let label = if matches!(n, Node::Call(_)) {
                    "Call"
                } else {
                    "Meeting"
                };
                calls.push_str(&format!(
                    "{},{label},{},{},{},{},{},{}\n",
                    q(&c.id),
                    q(c.mode.as_str()),
                    date(c.date),
                    opt_q(&c.date_text),
                    opt_q(&c.duration),
                    opt_q(&c.topic),
                    tail(&c.rule, c.confidence, c.num_articles, c.num_sources)
                ));
            }
            Node::Statement(s) => {
                stmts.push_str(&format!(
                    "{},Statement,{},{},{},{},{}\n",
                    q(&s.id),
                    q(&s.text),
                    s.direct,
                    date(s.date),
                    opt_q(&s.date_text),
                    tail(&s.rule, s.confidence, s.num_articles, s.num_sources)
                ));
            }
            Node::Event(e) => {
                events.push_str(&format!(
                    "{},Event,{},{},{},{},{},{},{}\n",
                    q(&e.id),
                    q(&e.event_type),
                    date(e.date),
                    opt_q(&e.date_text),
                    opt_q(&e.location),
                    e.killed.map(|k| k.to_string()).unwrap_or_default(),
                    e.injured.map(|k| k.to_string()).unwrap_or_default(),
                    tail(&e.rule, e.confidence, e.num_articles, e.num_sources)
                ));
            }
        }
    }
    let mut rels = format!("{RELATIONSHIPS_HEADER}\n");
    for (s, t, e) in g.edges() {
        rels.push_str(&format!(
            "{},{},{},{},{},{},{}\n",
            q(s),
            q(t),
            rel_type(&e.relation),
            opt_q(&e.article),
            e.mention.as_ref().map(|m| q(&m.text)).unwrap_or_default(),
            e.mention
                .as_ref()
                .map(|m| m.start.to_string())
                .unwrap_or_default(),
            e.mention
                .as_ref()
                .map(|m| m.end.to_string())
                .unwrap_or_default(),
        ));
    }
    vec![
        ("actors.csv".into(), actors),
        ("calls.csv".into(), calls),
        ("statements.csv".into(), stmts),
        ("events.csv".into(), events),
        ("relationships.csv".into(), rels),
        ("load.cypher".into(), LOAD_CYPHER.into()),
        ("import.sh".into(), IMPORT_SH.into()),
    ]
}

/// `neo4j-admin` bulk import of the folder (offline, into an empty database).
pub const IMPORT_SH: &str = r#"#!/bin/sh
# Bulk import into an empty database (stop the server first). Run from this folder.
set -e
neo4j-admin database import full --overwrite-destination=true --multiline-fields=true \
  --nodes=actors.csv --nodes=calls.csv --nodes=statements.csv --nodes=events.csv \
  --relationships=relationships.csv "${1:-neo4j}"
"#;

/// `LOAD CSV` for a running server: copy the CSVs into the server's `import/` folder, then
/// `cypher-shell -f load.cypher`.
pub const LOAD_CYPHER: &str = r#"// diplograph graph for a running Neo4j server (5.x).
// Copy the *.csv files of this folder into the server's import/ folder, then:
//   cypher-shell -u neo4j -p PASSWORD -f load.cypher
CREATE CONSTRAINT actor_id IF NOT EXISTS FOR (n:Actor) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT call_id IF NOT EXISTS FOR (n:Call) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT meeting_id IF NOT EXISTS FOR (n:Meeting) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT statement_id IF NOT EXISTS FOR (n:Statement) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT event_id IF NOT EXISTS FOR (n:Event) REQUIRE n.id IS UNIQUE;

LOAD CSV WITH HEADERS FROM 'file:///actors.csv' AS row
MERGE (n:Actor {id: row.`id:ID`})
SET n.name = row.name, n.actor_type = row.actor_type, n.title = row.title,
    n.affiliation = row.affiliation, n.code = row.code,
    n.aliases = CASE WHEN row.`aliases:string[]` IS NULL THEN [] ELSE split(row.`aliases:string[]`, ';') END,
    n.num_articles = toInteger(row.`num_articles:int`);

LOAD CSV WITH HEADERS FROM 'file:///calls.csv' AS row
WITH row WHERE row.`:LABEL` = 'Call'
MERGE (n:Call {id: row.`id:ID`})
SET n.mode = row.mode, n.date = date(row.`date:date`), n.date_text = row.date_text,
    n.duration = row.duration, n.topic = row.topic, n.cameo = row.cameo,
    n.plover_type = row.plover_type, n.plover_mode = row.plover_mode, n.rule = row.rule,
    n.confidence = toFloat(row.`confidence:float`), n.num_articles = toInteger(row.`num_articles:int`),
    n.num_sources = toInteger(row.`num_sources:int`), n.articles = split(row.`articles:string[]`, ';'),
    n.evidence = row.evidence;

LOAD CSV WITH HEADERS FROM 'file:///calls.csv' AS row
WITH row WHERE row.`:LABEL` = 'Meeting'
MERGE (n:Meeting {id: row.`id:ID`})
SET n.mode = row.mode, n.date = date(row.`date:date`), n.date_text = row.date_text,
    n.duration = row.duration, n.topic = row.topic, n.cameo = row.cameo,
    n.plover_type = row.plover_type, n.plover_mode = row.plover_mode, n.rule = row.rule,
    n.confidence = toFloat(row.`confidence:float`), n.num_articles = toInteger(row.`num_articles:int`),
    n.num_sources = toInteger(row.`num_sources:int`), n.articles = split(row.`articles:string[]`, ';'),
    n.evidence = row.evidence;

LOAD CSV WITH HEADERS FROM 'file:///statements.csv' AS row
MERGE (n:Statement {id: row.`id:ID`})
SET n.text = row.text, n.direct = toBoolean(row.`direct:boolean`), n.date = date(row.`date:date`),
    n.date_text = row.date_text, n.cameo = row.cameo, n.plover_type = row.plover_type,
    n.plover_mode = row.plover_mode, n.rule = row.rule, n.confidence = toFloat(row.`confidence:float`),
    n.num_articles = toInteger(row.`num_articles:int`), n.num_sources = toInteger(row.`num_sources:int`),
    n.articles = split(row.`articles:string[]`, ';'), n.evidence = row.evidence;

LOAD CSV WITH HEADERS FROM 'file:///events.csv' AS row
MERGE (n:Event {id: row.`id:ID`})
SET n.event_type = row.event_type, n.date = date(row.`date:date`), n.date_text = row.date_text,
    n.location = row.location, n.killed = toInteger(row.`killed:int`),
    n.injured = toInteger(row.`injured:int`), n.cameo = row.cameo, n.plover_type = row.plover_type,
    n.plover_mode = row.plover_mode, n.rule = row.rule, n.confidence = toFloat(row.`confidence:float`),
    n.num_articles = toInteger(row.`num_articles:int`), n.num_sources = toInteger(row.`num_sources:int`),
    n.articles = split(row.`articles:string[]`, ';'), n.evidence = row.evidence;

LOAD CSV WITH HEADERS FROM 'file:///relationships.csv' AS row
WITH row WHERE row.`:TYPE` = 'PARTICIPANT'
MATCH (a {id: row.`:START_ID`}), (b {id: row.`:END_ID`})
CREATE (a)-[:PARTICIPANT {article: row.article, mention: row.mention,
    mention_start: toInteger(row.`mention_start:int`), mention_end: toInteger(row.`mention_end:int`)}]->(b);

LOAD CSV WITH HEADERS FROM 'file:///relationships.csv' AS row
WITH row WHERE row.`:TYPE` = 'SPEAKER'
MATCH (a {id: row.`:START_ID`}), (b {id: row.`:END_ID`})
CREATE (a)-[:SPEAKER {article: row.article, mention: row.mention,
    mention_start: toInteger(row.`mention_start:int`), mention_end: toInteger(row.`mention_end:int`)}]->(b);

LOAD CSV WITH HEADERS FROM 'file:///relationships.csv' AS row
WITH row WHERE row.`:TYPE` = 'PERPETRATOR'
MATCH (a {id: row.`:START_ID`}), (b {id: row.`:END_ID`})
CREATE (a)-[:PERPETRATOR {article: row.article, mention: row.mention,
    mention_start: toInteger(row.`mention_start:int`), mention_end: toInteger(row.`mention_end:int`)}]->(b);

LOAD CSV WITH HEADERS FROM 'file:///relationships.csv' AS row
WITH row WHERE row.`:TYPE` = 'LOCATED_IN'
MATCH (a {id: row.`:START_ID`}), (b {id: row.`:END_ID`})
CREATE (a)-[:LOCATED_IN {article: row.article, mention: row.mention,
    mention_start: toInteger(row.`mention_start:int`), mention_end: toInteger(row.`mention_end:int`)}]->(b);
"#;
