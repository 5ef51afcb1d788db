//! Backups of records.sqlite, restoring one, and starting a new records
//! file when the old one cannot be read. Nothing here deletes a file the
//! user owns: the file being replaced is renamed aside with a timestamp
//! (with its `-wal` and `-shm` files, so it can still be opened), and every
//! file written is private (0600).

use std::path::{Path, PathBuf};

use rusqlite::{Connection, OpenFlags};

use super::records::{create_private, make_private, schema_version};
use super::{Records, Result, StoreError, io_err, sql_err};

/// `records-backup-<stamp>.sqlite` beside the records file.
pub fn default_backup_path(records: &Path, stamp: &str) -> PathBuf {
    records.with_file_name(format!("records-backup-{stamp}.sqlite"))
}

/// A consistent copy of the records file at `dest` (which must not exist),
/// private to the user. Safe while other programs write to the file.
pub fn backup(records: &Records, dest: &Path) -> Result<()> {
    create_private(dest).map_err(io_err(dest))?;
    // VACUUM INTO needs a missing or empty file: the empty private one.
    if std::fs::metadata(dest).map_err(io_err(dest))?.len() != 0 {
        return Err(StoreError::Io {
            path: dest.display().to_string(),
            source: std::io::Error::new(std::io::ErrorKind::AlreadyExists, "file exists"),
        });
    }
    let dest_str = dest.to_string_lossy().to_string();
    records
        .conn()
        .execute("VACUUM INTO ?1", [&dest_str])
        .map_err(sql_err(dest))?;
    make_private(dest).map_err(io_err(dest))
}

/// Check that `path` is a records file this version can use: SQLite can
/// read it, `PRAGMA integrity_check` says ok, and its schema is one of ours
/// (not newer). Returns its schema version.
pub fn check_records_file(path: &Path) -> Result<i64> {
    let not = |reason: String| StoreError::NotRecords {
        path: path.display().to_string(),
        reason,
    };
    if !path.is_file() {
        return Err(not("not found".into()));
    }
    let conn = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .map_err(|e| not(e.to_string()))?;
    check_conn(&conn, path)
}

fn check_conn(conn: &Connection, path: &Path) -> Result<i64> {
    let not = |reason: String| StoreError::NotRecords {
        path: path.display().to_string(),
        reason,
    };
    let integrity: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .map_err(|e| not(e.to_string()))?;
    if integrity != "ok" {
        return Err(not(format!("integrity check: {integrity}")));
    }
    let version: i64 = conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .map_err(|e| not(e.to_string()))?;
    let has_settings: i64 = conn
        .query_row(
            "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'setting'",
            [],
            |r| r.get(0),
        )
        .map_err(|e| not(e.to_string()))?;
    if version < 1 || has_settings == 0 {
        return Err(not("not a Tingjian records file".into()));
    }
    if version > schema_version() {
        return Err(StoreError::TooNew {
            path: path.display().to_string(),
            found: version,
            known: schema_version(),
        });
    }
    Ok(version)
}

fn sidecar(path: &Path, suffix: &str) -> PathBuf {
    let mut s = path.as_os_str().to_os_string();
    s.push(suffix);
    PathBuf::from(s)
}

/// Rename the records file (and its `-wal` and `-shm`) to
/// `records.sqlite.<label>-<stamp>` (with `-2`, `-3` … if that is taken).
/// Returns the new name; `None` when there was no file.
pub fn set_aside(records: &Path, label: &str, stamp: &str) -> Result<Option<PathBuf>> {
    if !records.exists() {
        return Ok(None);
    }
    let mut n = 1;
    let aside = loop {
        let mut name = records.as_os_str().to_os_string();
        name.push(format!(".{label}-{stamp}"));
        if n > 1 {
            name.push(format!("-{n}"));
        }
        let p = PathBuf::from(name);
        if !p.exists() && !sidecar(&p, "-wal").exists() {
            break p;
        }
        n += 1;
    };
    // The journal first: a main file without its WAL would look older than
    // it is; the WAL beside the wrong main file would be worse.
    for suffix in ["-wal", "-shm"] {
        let from = sidecar(records, suffix);
        if from.exists() {
            let to = sidecar(&aside, suffix);
            std::fs::rename(&from, &to).map_err(io_err(&from))?;
        }
    }
    std::fs::rename(records, &aside).map_err(io_err(records))?;
    Ok(Some(aside))
}

/// Replace the records file with a copy of `from` (checked first: see
/// [`check_records_file`]). The current file is renamed aside
/// (`records.sqlite.before-restore-<stamp>`), never deleted; the copy is
/// made with SQLite (so a backup with its own WAL is copied whole) and
/// private. Returns where the old file went (`None` if there was none).
///
/// Other programs should not have the records file open while it is
/// replaced (the CLI says so).
pub fn restore(records: &Path, from: &Path, stamp: &str) -> Result<Option<PathBuf>> {
    check_records_file(from)?;
    let tmp = sidecar(records, &format!(".restoring-{}", std::process::id()));
    if tmp.exists() {
        // Our own leftover from a restore that was interrupted: a copy of a
        // backup, not anything the user owns.
        std::fs::remove_file(&tmp).map_err(io_err(&tmp))?;
    }
    let src = Connection::open_with_flags(
        from,
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .map_err(|e| StoreError::NotRecords {
        path: from.display().to_string(),
        reason: e.to_string(),
    })?;
    create_private(&tmp).map_err(io_err(&tmp))?;
    let copied = src
        .execute("VACUUM INTO ?1", [tmp.to_string_lossy().to_string()])
        .map_err(sql_err(from))
        .and_then(|_| {
            let c = Connection::open(&tmp).map_err(sql_err(&tmp))?;
            check_conn(&c, &tmp)
        });
    drop(src);
    if let Err(e) = copied {
        let _ = std::fs::remove_file(&tmp);
        return Err(e);
    }
    make_private(&tmp).map_err(io_err(&tmp))?;
    // Fold the current file's WAL into it, so the file set aside is whole
    // on its own (a damaged file is moved as it is).
    if let Ok(c) = Connection::open_with_flags(
        records,
        OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    ) {
        let _ = c.busy_timeout(std::time::Duration::from_secs(5));
        let _ = c.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()));
    }
    let aside = set_aside(records, "before-restore", stamp)?;
    std::fs::rename(&tmp, records).map_err(io_err(records))?;
    // Open it once: migrations bring an older backup up to date.
    Records::open(records)?;
    Ok(aside)
}

/// Set an unreadable records file aside (`records.sqlite.damaged-<stamp>`)
/// and start a new, empty one. Only when the user agreed (the CLI asks).
pub fn start_new(records: &Path, stamp: &str) -> Result<(Option<PathBuf>, Records)> {
    let aside = set_aside(records, "damaged", stamp)?;
    let r = Records::open(records)?;
    Ok((aside, r))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::settings::Settings;

    fn mode(p: &Path) -> u32 {
        use std::os::unix::fs::PermissionsExt;
        std::fs::metadata(p).expect("meta").permissions().mode() & 0o777
    }

    #[test]
    fn backup_and_restore_round_trip_keeping_the_current_file_aside() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("records.sqlite");
        let mut r = Records::open(&path).expect("open");
        let mut s = Settings {
            rate: 77,
            ..Settings::default()
        };
        r.save_settings(&s).expect("save");
        let dest = default_backup_path(&path, "20250301-101010");
        backup(&r, &dest).expect("backup");
        assert_eq!(mode(&dest), 0o600);
        assert!(
            backup(&r, &dest).is_err(),
            "an existing file is not overwritten"
        );
        assert_eq!(check_records_file(&dest).expect("check"), schema_version());
        s.rate = 20;
        r.save_settings(&s).expect("save");
        drop(r);

        let aside = restore(&path, &dest, "20250302-000000")
            .expect("restore")
            .expect("old file kept");
        assert!(
            aside
                .to_string_lossy()
                .ends_with("records.sqlite.before-restore-20250302-000000")
        );
        let back = Records::open(&path).expect("open restored");
        assert_eq!(back.load_settings().expect("s").rate, 77);
        assert_eq!(mode(&path), 0o600);
        let old = Records::open(&aside).expect("the old file still opens");
        assert_eq!(old.load_settings().expect("s").rate, 20);
    }

    #[test]
    fn restore_refuses_a_corrupt_or_foreign_file_and_changes_nothing() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("records.sqlite");
        drop(Records::open(&path).expect("open"));
        let before = std::fs::read(&path).expect("read");
        let junk = dir.path().join("junk.sqlite");
        std::fs::write(&junk, b"SQLite format 3\0 but not really".repeat(50)).expect("w");
        assert!(matches!(
            restore(&path, &junk, "x"),
            Err(StoreError::NotRecords { .. })
        ));
        let other = dir.path().join("other.sqlite");
        Connection::open(&other)
            .expect("o")
            .execute_batch("CREATE TABLE t(x)")
            .expect("t");
        assert!(matches!(
            restore(&path, &other, "x"),
            Err(StoreError::NotRecords { .. })
        ));
        assert!(matches!(
            restore(&path, &dir.path().join("missing"), "x"),
            Err(StoreError::NotRecords { .. })
        ));
        assert_eq!(std::fs::read(&path).expect("read"), before);
        let names: Vec<String> = std::fs::read_dir(dir.path())
            .expect("ls")
            .filter_map(|e| e.ok())
            .map(|e| e.file_name().to_string_lossy().to_string())
            .filter(|n| n.starts_with("records.sqlite."))
            .collect();
        assert!(
            names.is_empty(),
            "nothing set aside or left over: {names:?}"
        );
    }

    #[test]
    fn a_damaged_file_is_set_aside_only_by_start_new() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("records.sqlite");
        let junk = b"someone's only copy".repeat(100);
        std::fs::write(&path, &junk).expect("w");
        assert!(Records::open(&path).is_err());
        let (aside, r) = start_new(&path, "20250301-000000").expect("start new");
        let aside = aside.expect("kept");
        assert_eq!(std::fs::read(&aside).expect("r"), junk);
        assert_eq!(r.integrity().expect("i"), "ok");
        drop(r);
        // A second time in the same second gets another name.
        std::fs::write(&path, &junk).expect("w");
        let (aside2, _) = start_new(&path, "20250301-000000").expect("again");
        assert_ne!(aside2.expect("kept"), aside);
    }
}
