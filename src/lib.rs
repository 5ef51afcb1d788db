//! 听见 Tingjian: a self-voicing, keyboard-driven terminal app for blind and
//! low-vision jobseekers in China and the service centres that help them.
//!
//! Layers (see ARCHITECTURE.md): `domain` (pure) ← `store` (SQLite) ←
//! `ui` / `cli`; `speech` and `i18n` beside them.

pub mod cli;
pub mod clock;
pub mod domain;
pub mod i18n;
pub mod speech;
pub mod store;
pub mod ui;
