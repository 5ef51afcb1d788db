//! The local files: `cache.sqlite` (rebuilt from `data/` when the data
//! changes) and `records.sqlite` (what the user owns: never rebuilt or
//! deleted automatically). The only layer with SQL.

pub mod cache;
pub mod embedded;
pub mod jobs;
mod migrate;
pub mod paths;
pub mod policies;
pub mod records;

pub use cache::Cache;
pub use paths::Paths;
pub use records::Records;

use crate::domain::dataset::DataError;

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("database {path}: {source}")]
    Sqlite {
        path: String,
        source: rusqlite::Error,
    },
    #[error("{path}: {source}")]
    Io {
        path: String,
        source: std::io::Error,
    },
    #[error(transparent)]
    Data(#[from] DataError),
    /// records.sqlite is not a database we can read; it is left untouched.
    #[error("records file {path} cannot be read ({reason}); it has not been changed")]
    RecordsUnreadable { path: String, reason: String },
    /// A file written by a newer Tingjian: we do not downgrade it.
    #[error("{path} was written by a newer version (schema {found}, this version knows {known})")]
    TooNew {
        path: String,
        found: i64,
        known: i64,
    },
}

pub type Result<T> = std::result::Result<T, StoreError>;

pub(crate) fn sql_err(path: &std::path::Path) -> impl Fn(rusqlite::Error) -> StoreError + '_ {
    move |source| StoreError::Sqlite {
        path: path.display().to_string(),
        source,
    }
}

pub(crate) fn io_err(path: &std::path::Path) -> impl Fn(std::io::Error) -> StoreError + '_ {
    move |source| StoreError::Io {
        path: path.display().to_string(),
        source,
    }
}
