//! `records.sqlite`: what the user owns (settings now; profiles, drafts and
//! applications later). WAL journal, file mode 0600, never deleted or rebuilt
//! automatically: a file we cannot read is reported and left as it is.

use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::{Connection, OpenFlags, OptionalExtension, params};

use super::{Result, StoreError, migrate::migrate, sql_err};
use crate::domain::settings::Settings;

const MIGRATIONS: &[&str] = &[
    r"
CREATE TABLE setting(key TEXT PRIMARY KEY, value TEXT NOT NULL);
",
    r"
CREATE TABLE bookmark(posting_id TEXT PRIMARY KEY, added_at TEXT NOT NULL);
",
    r"
CREATE TABLE profile(
    id INTEGER PRIMARY KEY, label TEXT NOT NULL, data TEXT NOT NULL,
    created_at TEXT NOT NULL, updated_at TEXT NOT NULL);
",
    r"
CREATE TABLE step_mark(
    id INTEGER PRIMARY KEY,
    owner TEXT NOT NULL,
    step TEXT NOT NULL,
    done INTEGER NOT NULL,
    on_date TEXT NOT NULL,
    at TEXT NOT NULL);
CREATE INDEX step_mark_owner ON step_mark(owner, step, id);
",
    // Applications (store/applications.rs). `profile_id` is the client (a
    // saved profile), NULL for the person using the app. Nothing is ever
    // deleted: an application is withdrawn; its status history and every
    // field change are appended rows, never edited.
    r"
CREATE TABLE application(
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL,
    target TEXT NOT NULL,
    profile_id INTEGER REFERENCES profile(id),
    status TEXT NOT NULL,
    version INTEGER NOT NULL,
    fields TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL);
CREATE INDEX application_profile ON application(profile_id, id);
CREATE TABLE application_event(
    id INTEGER PRIMARY KEY,
    application_id INTEGER NOT NULL REFERENCES application(id),
    at TEXT NOT NULL,
    status TEXT NOT NULL,
    who TEXT NOT NULL,
    note TEXT NOT NULL);
CREATE INDEX application_event_app ON application_event(application_id, id);
CREATE TABLE application_edit(
    id INTEGER PRIMARY KEY,
    application_id INTEGER NOT NULL REFERENCES application(id),
    version INTEGER NOT NULL,
    at TEXT NOT NULL,
    who TEXT NOT NULL,
    field TEXT NOT NULL,
    value TEXT NOT NULL);
CREATE INDEX application_edit_app ON application_edit(application_id, version);
CREATE TRIGGER application_kept BEFORE DELETE ON application
BEGIN SELECT RAISE(ABORT, 'applications are withdrawn, never deleted'); END;
CREATE TRIGGER application_event_kept BEFORE DELETE ON application_event
BEGIN SELECT RAISE(ABORT, 'application history is append-only'); END;
CREATE TRIGGER application_event_fixed BEFORE UPDATE ON application_event
BEGIN SELECT RAISE(ABORT, 'application history is append-only'); END;
CREATE TRIGGER application_edit_kept BEFORE DELETE ON application_edit
BEGIN SELECT RAISE(ABORT, 'application edits are append-only'); END;
CREATE TRIGGER application_edit_fixed BEFORE UPDATE ON application_edit
BEGIN SELECT RAISE(ABORT, 'application edits are append-only'); END;
",
];

/// How many migrations records.sqlite has (its newest schema version).
pub(crate) fn schema_version() -> i64 {
    MIGRATIONS.len() as i64
}

pub struct Records {
    conn: Connection,
    path: PathBuf,
}

/// Create the file, if it does not exist, with owner-only permissions before
/// SQLite touches it (SQLite gives its -wal and -shm files the same mode as
/// the database). An existing file is left exactly as it is here.
pub(crate) fn create_private(path: &Path) -> std::io::Result<()> {
    if path.exists() {
        return Ok(());
    }
    let mut opts = std::fs::OpenOptions::new();
    opts.create_new(true).write(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        opts.mode(0o600);
    }
    match opts.open(path) {
        Ok(_) => Ok(()),
        // Another program (a second terminal) created it just now.
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Ok(()),
        Err(e) => Err(e),
    }
}

/// Owner-only permissions on a file already known to be our database.
pub(crate) fn make_private(path: &Path) -> std::io::Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        if std::fs::metadata(path)?.permissions().mode() & 0o077 != 0 {
            std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o600))?;
        }
    }
    let _ = path;
    Ok(())
}

impl Records {
    pub fn open(path: &Path) -> Result<Records> {
        let unreadable = |reason: String| StoreError::RecordsUnreadable {
            path: path.display().to_string(),
            reason,
        };
        create_private(path).map_err(|e| unreadable(e.to_string()))?;
        let mut conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )
        .map_err(|e| unreadable(e.to_string()))?;
        // A first query proves it is a database at all, before anything is written.
        conn.query_row("SELECT count(*) FROM sqlite_master", [], |r| {
            r.get::<_, i64>(0)
        })
        .map_err(|e| unreadable(e.to_string()))?;
        make_private(path).map_err(|e| unreadable(e.to_string()))?;
        conn.busy_timeout(Duration::from_secs(5))
            .map_err(sql_err(path))?;
        // Two programs switching a new file to WAL at once would deadlock, so
        // SQLite refuses one at once (no busy wait): it tries again.
        let mut tries = 0;
        loop {
            match conn.pragma_update(None, "journal_mode", "WAL") {
                Ok(()) => break,
                Err(rusqlite::Error::SqliteFailure(f, _))
                    if f.code == rusqlite::ErrorCode::DatabaseBusy && tries < 250 =>
                {
                    tries += 1;
                    std::thread::sleep(Duration::from_millis(20));
                }
                Err(e) => return Err(sql_err(path)(e)),
            }
        }
        // FULL: a committed change survives a power cut as well as a killed
        // process; it costs about 0.2 ms a save (benches/applications.rs).
        conn.pragma_update(None, "synchronous", "FULL")
            .map_err(sql_err(path))?;
        conn.pragma_update(None, "foreign_keys", "ON")
            .map_err(sql_err(path))?;
        match migrate(&mut conn, MIGRATIONS).map_err(sql_err(path))? {
            Ok(_) => {}
            Err(found) => {
                return Err(StoreError::TooNew {
                    path: path.display().to_string(),
                    found,
                    known: MIGRATIONS.len() as i64,
                });
            }
        }
        Ok(Records {
            conn,
            path: path.to_path_buf(),
        })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The connection, for the other parts of the records file (applications).
    pub(crate) fn conn(&self) -> &Connection {
        &self.conn
    }

    pub(crate) fn conn_mut(&mut self) -> &mut Connection {
        &mut self.conn
    }

    pub fn load_settings(&self) -> Result<Settings> {
        let e = sql_err(&self.path);
        let mut stmt = self
            .conn
            .prepare_cached("SELECT key, value FROM setting")
            .map_err(&e)?;
        let pairs: Vec<(String, String)> = stmt
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
            .map_err(&e)?
            .collect::<rusqlite::Result<_>>()
            .map_err(&e)?;
        Ok(Settings::from_pairs(
            pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())),
        ))
    }

    /// Save all settings in one transaction.
    pub fn save_settings(&mut self, s: &Settings) -> Result<()> {
        let e = sql_err(&self.path);
        let tx = self.conn.transaction().map_err(&e)?;
        for (k, v) in s.to_pairs() {
            tx.execute(
                "INSERT INTO setting(key, value) VALUES (?1, ?2) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                params![k, v],
            )
            .map_err(&e)?;
        }
        tx.commit().map_err(&e)
    }

    /// The latest mark of each massage-path step for one owner (`self`, or
    /// `profile:<id>` for a client), from the appended history.
    pub fn step_marks(
        &self,
        owner: &str,
    ) -> Result<std::collections::BTreeMap<String, crate::domain::paths::Mark>> {
        let e = sql_err(&self.path);
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT step, done, on_date FROM step_mark WHERE owner = ?1 ORDER BY id",
            )
            .map_err(&e)?;
        let rows = stmt
            .query_map([owner], |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    crate::domain::paths::Mark {
                        done: r.get::<_, i64>(1)? != 0,
                        on: r.get(2)?,
                    },
                ))
            })
            .map_err(&e)?;
        // Later rows replace earlier ones: the newest mark wins.
        rows.collect::<rusqlite::Result<_>>().map_err(&e)
    }

    /// The latest marks of every owner.
    pub fn all_step_marks(
        &self,
    ) -> Result<
        std::collections::BTreeMap<
            String,
            std::collections::BTreeMap<String, crate::domain::paths::Mark>,
        >,
    > {
        let e = sql_err(&self.path);
        let mut stmt = self
            .conn
            .prepare_cached("SELECT DISTINCT owner FROM step_mark")
            .map_err(&e)?;
        let owners: Vec<String> = stmt
            .query_map([], |r| r.get(0))
            .map_err(&e)?
            .collect::<rusqlite::Result<_>>()
            .map_err(&e)?;
        owners
            .into_iter()
            .map(|o| Ok((o.clone(), self.step_marks(&o)?)))
            .collect()
    }

    /// Append a mark: a step done on a date, or taken back. Nothing is edited
    /// or deleted; the history stays.
    pub fn mark_step(&mut self, owner: &str, step: &str, done: bool, on: &str) -> Result<()> {
        let e = sql_err(&self.path);
        self.conn
            .execute(
                "INSERT INTO step_mark(owner, step, done, on_date, at) VALUES (?1, ?2, ?3, ?4, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))",
                params![owner, step, i64::from(done), on],
            )
            .map_err(&e)?;
        Ok(())
    }

    /// Job postings the user bookmarked, newest first.
    pub fn bookmarks(&self) -> Result<Vec<String>> {
        let e = sql_err(&self.path);
        let mut stmt = self
            .conn
            .prepare_cached("SELECT posting_id FROM bookmark ORDER BY added_at DESC, posting_id")
            .map_err(&e)?;
        let rows = stmt.query_map([], |r| r.get(0)).map_err(&e)?;
        rows.collect::<rusqlite::Result<_>>().map_err(&e)
    }

    pub fn is_bookmarked(&self, posting_id: &str) -> Result<bool> {
        self.conn
            .query_row(
                "SELECT count(*) FROM bookmark WHERE posting_id = ?1",
                [posting_id],
                |r| r.get::<_, i64>(0),
            )
            .map(|n| n > 0)
            .map_err(sql_err(&self.path))
    }

    /// Add or remove a bookmark; returns whether it is bookmarked now.
    pub fn toggle_bookmark(&mut self, posting_id: &str) -> Result<bool> {
        let e = sql_err(&self.path);
        let tx = self.conn.transaction().map_err(&e)?;
        let removed = tx
            .execute("DELETE FROM bookmark WHERE posting_id = ?1", [posting_id])
            .map_err(&e)?;
        if removed == 0 {
            tx.execute(
                "INSERT INTO bookmark(posting_id, added_at) VALUES (?1, strftime('%Y-%m-%dT%H:%M:%f', 'now'))",
                [posting_id],
            )
            .map_err(&e)?;
        }
        tx.commit().map_err(&e)?;
        Ok(removed == 0)
    }

    /// Saved profiles, most recently changed first.
    pub fn profiles(&self) -> Result<Vec<crate::domain::profile::ProfileSummary>> {
        let e = sql_err(&self.path);
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT id, label, data, updated_at FROM profile ORDER BY updated_at DESC, id DESC",
            )
            .map_err(&e)?;
        let rows = stmt
            .query_map([], |r| {
                let data: String = r.get(2)?;
                let stored: crate::domain::profile::StoredProfile =
                    serde_json::from_str(&data).unwrap_or_default();
                Ok(crate::domain::profile::ProfileSummary {
                    id: r.get(0)?,
                    label: r.get(1)?,
                    card_last_four: stored.card_last_four(),
                    updated_at: r.get(3)?,
                })
            })
            .map_err(&e)?;
        rows.collect::<rusqlite::Result<_>>().map_err(&e)
    }

    pub fn load_profile(&self, id: i64) -> Result<Option<crate::domain::profile::StoredProfile>> {
        let e = sql_err(&self.path);
        let data: Option<String> = self
            .conn
            .query_row("SELECT data FROM profile WHERE id = ?1", [id], |r| r.get(0))
            .optional()
            .map_err(&e)?;
        Ok(data.and_then(|d| serde_json::from_str(&d).ok()))
    }

    /// Save a profile (a new one when `id` is `None`); returns its id.
    pub fn save_profile(
        &mut self,
        id: Option<i64>,
        p: &crate::domain::profile::StoredProfile,
    ) -> Result<i64> {
        let e = sql_err(&self.path);
        let data = serde_json::to_string(p)
            .map_err(|err| e(rusqlite::Error::ToSqlConversionFailure(Box::new(err))))?;
        let tx = self.conn.transaction().map_err(&e)?;
        let id = match id {
            Some(id) => {
                tx.execute(
                    "UPDATE profile SET label = ?2, data = ?3, updated_at = strftime('%Y-%m-%dT%H:%M:%f', 'now') WHERE id = ?1",
                    params![id, p.label, data],
                )
                .map_err(&e)?;
                id
            }
            None => {
                tx.execute(
                    "INSERT INTO profile(label, data, created_at, updated_at)
                     VALUES (?1, ?2, strftime('%Y-%m-%dT%H:%M:%f', 'now'), strftime('%Y-%m-%dT%H:%M:%f', 'now'))",
                    params![p.label, data],
                )
                .map_err(&e)?;
                tx.last_insert_rowid()
            }
        };
        tx.commit().map_err(&e)?;
        Ok(id)
    }

    /// Delete a saved profile (the person asked, or the centre no longer
    /// serves them). A client with applications is kept: applications are
    /// never lost ([`StoreError::ClientHasApplications`]).
    pub fn delete_profile(&mut self, id: i64) -> Result<()> {
        let e = sql_err(&self.path);
        let tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)
            .map_err(&e)?;
        let count: i64 = tx
            .query_row(
                "SELECT count(*) FROM application WHERE profile_id = ?1",
                [id],
                |r| r.get(0),
            )
            .map_err(&e)?;
        if count > 0 {
            return Err(StoreError::ClientHasApplications { count });
        }
        tx.execute("DELETE FROM profile WHERE id = ?1", [id])
            .map_err(&e)?;
        tx.commit().map_err(&e)
    }

    /// Result of `PRAGMA integrity_check`, for doctor.
    pub fn integrity(&self) -> Result<String> {
        self.conn
            .query_row("PRAGMA integrity_check", [], |r| r.get(0))
            .map_err(sql_err(&self.path))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::settings::Verbosity;

    #[test]
    fn step_marks_are_appended_and_the_newest_wins_per_owner() {
        let dir = tempfile::tempdir().expect("tempdir");
        let p = dir.path().join("records.sqlite");
        let mut r = Records::open(&p).expect("open");
        r.mark_step("self", "medical-exam", true, "2025-10-20")
            .expect("mark");
        r.mark_step("profile:3", "medical-exam", true, "2024-10-20")
            .expect("mark");
        r.mark_step("self", "medical-exam", false, "2025-10-21")
            .expect("unmark");
        r.mark_step("self", "medical-education", true, "2020-07-01")
            .expect("mark");
        drop(r);
        let r = Records::open(&p).expect("reopen");
        let mine = r.step_marks("self").expect("marks");
        assert!(!mine["medical-exam"].done);
        assert_eq!(mine["medical-education"].on, "2020-07-01");
        let theirs = r.step_marks("profile:3").expect("marks");
        assert_eq!(theirs.len(), 1);
        assert!(theirs["medical-exam"].done);
        let rows: i64 = r
            .conn
            .query_row("SELECT count(*) FROM step_mark", [], |x| x.get(0))
            .expect("count");
        assert_eq!(rows, 4, "history kept");
    }

    #[test]
    fn settings_persist_and_the_file_is_private() {
        let dir = tempfile::tempdir().expect("tempdir");
        let p = dir.path().join("records.sqlite");
        let mut r = Records::open(&p).expect("open");
        let mut s = r.load_settings().expect("load");
        assert_eq!(s, Settings::default());
        s.rate = 80;
        s.verbosity = Verbosity::Brief;
        r.save_settings(&s).expect("save");
        drop(r);
        let r = Records::open(&p).expect("reopen");
        assert_eq!(r.load_settings().expect("load"), s);
        assert_eq!(r.integrity().expect("check"), "ok");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&p).expect("meta").permissions().mode() & 0o777;
            assert_eq!(mode, 0o600);
            let wal = dir.path().join("records.sqlite-wal");
            if wal.exists() {
                assert_eq!(
                    std::fs::metadata(&wal).expect("meta").permissions().mode() & 0o777,
                    0o600
                );
            }
        }
    }

    #[test]
    fn profiles_are_saved_updated_and_listed_with_masked_cards() {
        use crate::domain::profile::StoredProfile;
        let dir = tempfile::tempdir().expect("tempdir");
        let p = dir.path().join("records.sqlite");
        let mut r = Records::open(&p).expect("open");
        let mut a = StoredProfile {
            label: "王先生".into(),
            card: "36010219900307123611".into(),
            ..Default::default()
        };
        let id = r.save_profile(None, &a).expect("save");
        a.region = Some("jiangxi".into());
        assert_eq!(r.save_profile(Some(id), &a).expect("update"), id);
        r.save_profile(
            None,
            &StoredProfile {
                label: "李女士".into(),
                ..Default::default()
            },
        )
        .expect("save");
        drop(r);
        let r = Records::open(&p).expect("reopen");
        let list = r.profiles().expect("list");
        assert_eq!(list.len(), 2);
        let w = list.iter().find(|s| s.id == id).expect("saved");
        assert_eq!(w.card_last_four.as_deref(), Some("3611"));
        assert_eq!(r.load_profile(id).expect("load"), Some(a));
    }

    #[test]
    fn bookmarks_toggle_and_persist() {
        let dir = tempfile::tempdir().expect("tempdir");
        let p = dir.path().join("records.sqlite");
        let mut r = Records::open(&p).expect("open");
        assert!(r.toggle_bookmark("a").expect("add"));
        assert!(r.toggle_bookmark("b").expect("add"));
        assert!(!r.toggle_bookmark("a").expect("remove"));
        drop(r);
        let r = Records::open(&p).expect("reopen");
        assert_eq!(r.bookmarks().expect("list"), vec!["b".to_string()]);
        assert!(r.is_bookmarked("b").expect("q"));
    }

    #[test]
    fn an_unreadable_records_file_is_reported_and_left_unchanged() {
        let dir = tempfile::tempdir().expect("tempdir");
        let p = dir.path().join("records.sqlite");
        let junk = b"not a database, but maybe someone's only copy of something".repeat(100);
        std::fs::write(&p, &junk).expect("write");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o644)).expect("chmod");
        }
        assert!(matches!(
            Records::open(&p),
            Err(StoreError::RecordsUnreadable { .. })
        ));
        assert_eq!(std::fs::read(&p).expect("read"), junk);
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&p).expect("meta").permissions().mode() & 0o777;
            assert_eq!(
                mode, 0o644,
                "not even the permissions of an unreadable file change"
            );
        }
    }
}
