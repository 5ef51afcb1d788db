//! Pure types and rules: no I/O, no terminal, no database, no speech.
//! Everything here returns data, never sentences; the i18n layer words it.

pub mod card;
pub mod dataset;
pub mod forms;
pub mod jobs;
pub mod lang;
pub mod measures;
pub mod paths;
pub mod plans;
pub mod profile;
pub mod rules;
pub mod settings;
