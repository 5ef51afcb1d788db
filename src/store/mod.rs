//! The local files: `cache.sqlite` (rebuilt from `data/` when the data
//! changes) and `records.sqlite` (what the user owns: never rebuilt or
//! deleted automatically). The only layer with SQL.

pub mod applications;
pub mod backup;
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
    /// Someone else (another terminal on the same file) changed the
    /// application since it was read: nothing was written.
    #[error(
        "application {id} changed elsewhere (version {found}, expected {expected}); nothing was written"
    )]
    Conflict { id: i64, expected: i64, found: i64 },
    #[error("no application {id}")]
    NoSuchApplication { id: i64 },
    /// Only drafts take field changes.
    #[error("application {id} is {status}, not a draft; its fields are kept as filed")]
    NotEditable {
        id: i64,
        status: crate::domain::forms::Status,
    },
    #[error("application {id} cannot go from {from} to {to}")]
    BadTransition {
        id: i64,
        from: crate::domain::forms::Status,
        to: crate::domain::forms::Status,
    },
    /// A client with applications is not deleted (applications are never lost).
    #[error("the client has {count} applications, which are kept")]
    ClientHasApplications { count: i64 },
    /// A file offered to restore from is not a records file we can use.
    #[error("{path} is not a usable records file ({reason}); nothing was changed")]
    NotRecords { path: String, reason: String },
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

/// A stored UTC time (`2025-03-01T02:03:04.567`) as local `2025-03-01 10:03`,
/// by SQLite's own clock rules; the text as it is when it is not a time.
pub(crate) fn local_time(conn: &rusqlite::Connection, utc: &str) -> String {
    conn.query_row(
        "SELECT strftime('%Y-%m-%d %H:%M', ?1, 'localtime')",
        [utc],
        |r| r.get::<_, Option<String>>(0),
    )
    .ok()
    .flatten()
    .unwrap_or_else(|| utc.to_string())
}

/// A new or truncated file, private to the user (it holds personal data).
pub fn private_file(path: &std::path::Path) -> std::io::Result<std::fs::File> {
    let mut o = std::fs::OpenOptions::new();
    o.write(true).create(true).truncate(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        o.mode(0o600);
    }
    let f = o.open(path)?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        f.set_permissions(std::fs::Permissions::from_mode(0o600))?;
    }
    Ok(f)
}
