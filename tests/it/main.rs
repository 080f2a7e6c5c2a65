//! The single integration-test binary of diplograph (`cargo test --test it`).
//!
//! Modules:
//! - `snapshots`: made-up articles through the library, graph JSON snapshotted with insta and
//!   the key facts asserted in code;
//! - `sample`: the bundled sample article, and the freshness of `graphs/sample.json` and
//!   `graphs/sample.dot`;
//! - `viz`: the freshness of `viz/sample.svg` (Graphviz `dot -Tsvg`);
//! - `cli`: the built binary end to end;
//! - `props`: property tests: no panic, every span inside the text on char boundaries.
//! - `robust`: hostile input, exit codes, graph-file safety and limits (docs/FAILURES.md).
//!
//! Regenerate the committed graphs and renderings with
//! `DIPLOGRAPH_UPDATE_GRAPHS=1 cargo test --test it graphs`,
//! and the insta snapshots with `INSTA_UPDATE=always cargo test --test it` (or `cargo insta
//! accept`).

mod cli;
mod corpus;
mod exports;
mod props;
mod robust;
mod sample;
mod snapshots;
mod util;
mod viz;
