//! The extract stage: a [`Doc`] and its [`Actors`] in; calls, statements and events out, as
//! token-exact spans. `pipeline` dates them (`time`) and turns them into [`ArticleFacts`].
//!
//! [`ArticleFacts`]: crate::types::ArticleFacts

pub mod calls;
pub mod events;
pub mod statements;
