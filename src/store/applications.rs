//! Applications in records.sqlite: drafts saved on every field change,
//! filing, and the status history. Nothing is deleted (the triggers of the
//! migration refuse it); every field change and every status change is an
//! appended row (`application_edit`, `application_event`).
//!
//! Two programs on one file (a centre's two terminals) never lose each
//! other's writes: every write is one `BEGIN IMMEDIATE` transaction (the
//! other waits, up to the busy timeout), and every change names the version
//! it was made on; a change to an application someone else changed since
//! is refused with [`StoreError::Conflict`], never written over theirs.

use std::fmt;

use rusqlite::{OptionalExtension, Row, TransactionBehavior, params};
use serde::Serialize;

use super::{Records, Result, StoreError, sql_err};
use crate::domain::card::Date;
use crate::domain::forms::{Kind, Status, Values};

/// One application, as stored. `Debug` leaves out the values (personal data).
#[derive(Clone, PartialEq, Eq, Serialize)]
pub struct Application {
    pub id: i64,
    pub kind: Kind,
    /// A posting id, a rule id, a massage step, or free text (see `Kind::target`).
    pub target: String,
    /// The client (a saved profile); `None` for the person using the app.
    pub profile_id: Option<i64>,
    pub status: Status,
    /// Goes up by one on every change; a change names the version it was made on.
    pub version: i64,
    pub values: Values,
    /// UTC, `YYYY-MM-DDTHH:MM:SS.SSS`.
    pub created_at: String,
    pub updated_at: String,
}

impl fmt::Debug for Application {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Application")
            .field("id", &self.id)
            .field("kind", &self.kind)
            .field("profile_id", &self.profile_id)
            .field("status", &self.status)
            .field("version", &self.version)
            .field("fields", &self.values.keys().collect::<Vec<_>>())
            .finish_non_exhaustive()
    }
}

/// One row of an application's status history.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Event {
    /// UTC, `YYYY-MM-DDTHH:MM:SS.SSS`.
    pub at: String,
    pub status: Status,
    /// Who made the change: the worker's or user's name (never the client's data).
    pub who: String,
    pub note: String,
}

/// One field change of a draft (every one is kept).
#[derive(Clone, PartialEq, Eq, Serialize)]
pub struct Edit {
    /// The application's version this change made.
    pub version: i64,
    pub at: String,
    pub who: String,
    pub field: String,
    pub value: String,
}

impl fmt::Debug for Edit {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Edit")
            .field("version", &self.version)
            .field("field", &self.field)
            .finish_non_exhaustive()
    }
}

/// Whose applications.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Owner {
    #[default]
    Anyone,
    /// The person using the app (no client).
    Myself,
    /// A client: a saved profile's id.
    Client(i64),
}

/// Which applications to list or export.
#[derive(Debug, Clone, Default)]
pub struct Filter {
    pub owner: Owner,
    pub status: Option<Status>,
    pub kind: Option<Kind>,
    /// Changed on or after this day (local time).
    pub since: Option<Date>,
    /// Changed on or before this day (local time).
    pub until: Option<Date>,
}

const NOW: &str = "strftime('%Y-%m-%dT%H:%M:%f', 'now')";

const COLUMNS: &str =
    "id, kind, target, profile_id, status, version, fields, created_at, updated_at";

fn bad_column(i: usize, what: &str) -> rusqlite::Error {
    rusqlite::Error::FromSqlConversionFailure(
        i,
        rusqlite::types::Type::Text,
        format!("unknown {what}").into(),
    )
}

fn from_row(r: &Row<'_>) -> rusqlite::Result<Application> {
    let kind: String = r.get(1)?;
    let status: String = r.get(4)?;
    let fields: String = r.get(6)?;
    Ok(Application {
        id: r.get(0)?,
        kind: Kind::from_key(&kind).ok_or_else(|| bad_column(1, "kind"))?,
        target: r.get(2)?,
        profile_id: r.get(3)?,
        status: Status::from_key(&status).ok_or_else(|| bad_column(4, "status"))?,
        version: r.get(5)?,
        values: serde_json::from_str(&fields).map_err(|e| {
            rusqlite::Error::FromSqlConversionFailure(6, rusqlite::types::Type::Text, Box::new(e))
        })?,
        created_at: r.get(7)?,
        updated_at: r.get(8)?,
    })
}

fn to_json(values: &Values) -> rusqlite::Result<String> {
    serde_json::to_string(values).map_err(|e| rusqlite::Error::ToSqlConversionFailure(Box::new(e)))
}

/// Read the application in a write transaction and check it is at
/// `expected` version.
fn current(
    tx: &rusqlite::Transaction<'_>,
    id: i64,
    expected: i64,
) -> std::result::Result<Application, Failure> {
    let app = tx
        .query_row(
            &format!("SELECT {COLUMNS} FROM application WHERE id = ?1"),
            [id],
            from_row,
        )
        .optional()?
        .ok_or(Failure::Store(StoreError::NoSuchApplication { id }))?;
    if app.version != expected {
        return Err(Failure::Store(StoreError::Conflict {
            id,
            expected,
            found: app.version,
        }));
    }
    Ok(app)
}

/// An SQL error or a refusal, inside a transaction.
enum Failure {
    Sql(rusqlite::Error),
    Store(StoreError),
}

impl From<rusqlite::Error> for Failure {
    fn from(e: rusqlite::Error) -> Self {
        Failure::Sql(e)
    }
}

impl Records {
    /// A new draft: one transaction writes the application (version 1), its
    /// first history row (draft) and one edit row per value.
    pub fn create_application(
        &mut self,
        kind: Kind,
        target: &str,
        profile_id: Option<i64>,
        values: &Values,
        who: &str,
    ) -> Result<Application> {
        let path = self.path().to_path_buf();
        let e = sql_err(&path);
        let tx = self
            .conn_mut()
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(&e)?;
        tx.execute(
            &format!(
                "INSERT INTO application(kind, target, profile_id, status, version, fields, created_at, updated_at)
                 VALUES (?1, ?2, ?3, ?4, 1, ?5, {NOW}, {NOW})"
            ),
            params![
                kind.key(),
                target,
                profile_id,
                Status::Draft.key(),
                to_json(values).map_err(&e)?
            ],
        )
        .map_err(&e)?;
        let id = tx.last_insert_rowid();
        tx.execute(
            &format!(
                "INSERT INTO application_event(application_id, at, status, who, note)
                 VALUES (?1, {NOW}, ?2, ?3, '')"
            ),
            params![id, Status::Draft.key(), who],
        )
        .map_err(&e)?;
        for (field, value) in values {
            tx.execute(
                &format!(
                    "INSERT INTO application_edit(application_id, version, at, who, field, value)
                     VALUES (?1, 1, {NOW}, ?2, ?3, ?4)"
                ),
                params![id, who, field, value],
            )
            .map_err(&e)?;
        }
        let app = tx
            .query_row(
                &format!("SELECT {COLUMNS} FROM application WHERE id = ?1"),
                [id],
                from_row,
            )
            .map_err(&e)?;
        tx.commit().map_err(&e)?;
        Ok(app)
    }

    pub fn application(&self, id: i64) -> Result<Option<Application>> {
        self.conn()
            .query_row(
                &format!("SELECT {COLUMNS} FROM application WHERE id = ?1"),
                [id],
                from_row,
            )
            .optional()
            .map_err(sql_err(self.path()))
    }

    /// Applications matching `filter`, oldest first.
    pub fn applications(&self, filter: &Filter) -> Result<Vec<Application>> {
        let e = sql_err(self.path());
        let mut sql = format!("SELECT {COLUMNS} FROM application WHERE 1");
        let mut args: Vec<rusqlite::types::Value> = vec![];
        match filter.owner {
            Owner::Anyone => {}
            Owner::Myself => sql.push_str(" AND profile_id IS NULL"),
            Owner::Client(id) => {
                args.push(id.into());
                sql.push_str(&format!(" AND profile_id = ?{}", args.len()));
            }
        }
        if let Some(s) = filter.status {
            args.push(s.key().to_string().into());
            sql.push_str(&format!(" AND status = ?{}", args.len()));
        }
        if let Some(k) = filter.kind {
            args.push(k.key().to_string().into());
            sql.push_str(&format!(" AND kind = ?{}", args.len()));
        }
        if let Some(d) = filter.since {
            args.push(d.to_iso().into());
            sql.push_str(&format!(
                " AND date(updated_at, 'localtime') >= ?{}",
                args.len()
            ));
        }
        if let Some(d) = filter.until {
            args.push(d.to_iso().into());
            sql.push_str(&format!(
                " AND date(updated_at, 'localtime') <= ?{}",
                args.len()
            ));
        }
        sql.push_str(" ORDER BY id");
        let mut stmt = self.conn().prepare(&sql).map_err(&e)?;
        let rows = stmt
            .query_map(rusqlite::params_from_iter(args), from_row)
            .map_err(&e)?;
        rows.collect::<rusqlite::Result<_>>().map_err(&e)
    }

    /// The newest draft for this kind, target and client, to continue
    /// rather than start another.
    pub fn find_draft(
        &self,
        kind: Kind,
        target: &str,
        profile_id: Option<i64>,
    ) -> Result<Option<Application>> {
        self.conn()
            .query_row(
                &format!(
                    "SELECT {COLUMNS} FROM application
                     WHERE kind = ?1 AND target = ?2 AND profile_id IS ?3 AND status = 'draft'
                     ORDER BY id DESC LIMIT 1"
                ),
                params![kind.key(), target, profile_id],
                from_row,
            )
            .optional()
            .map_err(sql_err(self.path()))
    }

    /// Drafts to offer to continue when the app opens, newest first.
    pub fn drafts(&self) -> Result<Vec<Application>> {
        let mut all = self.applications(&Filter {
            status: Some(Status::Draft),
            ..Filter::default()
        })?;
        all.sort_by(|a, b| b.updated_at.cmp(&a.updated_at).then(b.id.cmp(&a.id)));
        Ok(all)
    }

    /// Save one field of a draft: one transaction, committed before this
    /// returns. `expected` is the version the change was made on; returns
    /// the new version. [`StoreError::Conflict`] when someone else changed
    /// the application since (nothing written).
    pub fn set_field(
        &mut self,
        id: i64,
        expected: i64,
        field: &str,
        value: &str,
        who: &str,
    ) -> Result<i64> {
        self.set_fields(id, expected, &[(field.to_string(), value.to_string())], who)
    }

    /// Save several fields of a draft in one transaction (one new version).
    pub fn set_fields(
        &mut self,
        id: i64,
        expected: i64,
        changes: &[(String, String)],
        who: &str,
    ) -> Result<i64> {
        let path = self.path().to_path_buf();
        let fail = |f: Failure| match f {
            Failure::Sql(e) => sql_err(&path)(e),
            Failure::Store(s) => s,
        };
        let result = (|| -> std::result::Result<i64, Failure> {
            let tx = self
                .conn_mut()
                .transaction_with_behavior(TransactionBehavior::Immediate)?;
            let mut app = current(&tx, id, expected)?;
            if !app.status.is_editable() {
                return Err(Failure::Store(StoreError::NotEditable {
                    id,
                    status: app.status,
                }));
            }
            for (field, value) in changes {
                app.values.insert(field.clone(), value.clone());
            }
            let next = expected + 1;
            let n = tx.execute(
                &format!(
                    "UPDATE application SET fields = ?1, version = ?2, updated_at = {NOW}
                     WHERE id = ?3 AND version = ?4"
                ),
                params![to_json(&app.values)?, next, id, expected],
            )?;
            if n != 1 {
                return Err(Failure::Store(StoreError::Conflict {
                    id,
                    expected,
                    found: -1,
                }));
            }
            for (field, value) in changes {
                tx.execute(
                    &format!(
                        "INSERT INTO application_edit(application_id, version, at, who, field, value)
                         VALUES (?1, ?2, {NOW}, ?3, ?4, ?5)"
                    ),
                    params![id, next, who, field, value],
                )?;
            }
            tx.commit()?;
            Ok(next)
        })();
        result.map_err(fail)
    }

    /// Move an application to `to` (see `Status::can_move_to`), appending a
    /// history row with who and an optional note. Filing needs a complete
    /// form: the caller validates the values of version `expected` first.
    pub fn change_status(
        &mut self,
        id: i64,
        expected: i64,
        to: Status,
        who: &str,
        note: &str,
    ) -> Result<i64> {
        let path = self.path().to_path_buf();
        let fail = |f: Failure| match f {
            Failure::Sql(e) => sql_err(&path)(e),
            Failure::Store(s) => s,
        };
        let result = (|| -> std::result::Result<i64, Failure> {
            let tx = self
                .conn_mut()
                .transaction_with_behavior(TransactionBehavior::Immediate)?;
            let app = current(&tx, id, expected)?;
            if !app.status.can_move_to(to) {
                return Err(Failure::Store(StoreError::BadTransition {
                    id,
                    from: app.status,
                    to,
                }));
            }
            let next = expected + 1;
            tx.execute(
                &format!(
                    "UPDATE application SET status = ?1, version = ?2, updated_at = {NOW}
                     WHERE id = ?3 AND version = ?4"
                ),
                params![to.key(), next, id, expected],
            )?;
            tx.execute(
                &format!(
                    "INSERT INTO application_event(application_id, at, status, who, note)
                     VALUES (?1, {NOW}, ?2, ?3, ?4)"
                ),
                params![id, to.key(), who, note],
            )?;
            tx.commit()?;
            Ok(next)
        })();
        result.map_err(fail)
    }

    /// The status history, oldest first.
    pub fn history(&self, id: i64) -> Result<Vec<Event>> {
        let e = sql_err(self.path());
        let mut stmt = self
            .conn()
            .prepare_cached(
                "SELECT at, status, who, note FROM application_event
                 WHERE application_id = ?1 ORDER BY id",
            )
            .map_err(&e)?;
        let rows = stmt
            .query_map([id], |r| {
                let status: String = r.get(1)?;
                Ok(Event {
                    at: r.get(0)?,
                    status: Status::from_key(&status).ok_or_else(|| bad_column(1, "status"))?,
                    who: r.get(2)?,
                    note: r.get(3)?,
                })
            })
            .map_err(&e)?;
        rows.collect::<rusqlite::Result<_>>().map_err(&e)
    }

    /// Every field change, oldest first.
    pub fn edits(&self, id: i64) -> Result<Vec<Edit>> {
        let e = sql_err(self.path());
        let mut stmt = self
            .conn()
            .prepare_cached(
                "SELECT version, at, who, field, value FROM application_edit
                 WHERE application_id = ?1 ORDER BY id",
            )
            .map_err(&e)?;
        let rows = stmt
            .query_map([id], |r| {
                Ok(Edit {
                    version: r.get(0)?,
                    at: r.get(1)?,
                    who: r.get(2)?,
                    field: r.get(3)?,
                    value: r.get(4)?,
                })
            })
            .map_err(&e)?;
        rows.collect::<rusqlite::Result<_>>().map_err(&e)
    }

    /// How many applications a client has (0 for none).
    pub fn application_count(&self, profile_id: i64) -> Result<i64> {
        self.conn()
            .query_row(
                "SELECT count(*) FROM application WHERE profile_id = ?1",
                [profile_id],
                |r| r.get(0),
            )
            .map_err(sql_err(self.path()))
    }
}

/// A stored UTC time (`2025-03-01T02:03:04.567`) as local `2025-03-01 10:03`.
pub fn local_time(records: &Records, utc: &str) -> String {
    super::local_time(records.conn(), utc)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn open() -> (tempfile::TempDir, Records) {
        let dir = tempfile::tempdir().expect("tempdir");
        let r = Records::open(&dir.path().join("records.sqlite")).expect("open");
        (dir, r)
    }

    fn vals(pairs: &[(&str, &str)]) -> Values {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    #[test]
    fn a_draft_is_created_edited_filed_and_every_step_is_kept() {
        let (_d, mut r) = open();
        let a = r
            .create_application(Kind::Job, "P-1", None, &vals(&[("name", "王")]), "worker")
            .expect("create");
        assert_eq!((a.version, a.status), (1, Status::Draft));
        let v = r
            .set_field(a.id, 1, "phone", "13812345678", "worker")
            .expect("edit");
        assert_eq!(v, 2);
        let v = r
            .set_field(a.id, v, "name", "王小明", "worker")
            .expect("edit");
        let v = r
            .change_status(a.id, v, Status::Filed, "worker", "")
            .expect("file");
        let got = r.application(a.id).expect("read").expect("there");
        assert_eq!(got.version, v);
        assert_eq!(got.status, Status::Filed);
        assert_eq!(got.values.get("name").map(String::as_str), Some("王小明"));
        let edits = r.edits(a.id).expect("edits");
        let e: Vec<(i64, &str, &str)> = edits
            .iter()
            .map(|e| (e.version, e.field.as_str(), e.value.as_str()))
            .collect();
        assert_eq!(
            e,
            [
                (1, "name", "王"),
                (2, "phone", "13812345678"),
                (3, "name", "王小明")
            ]
        );
        let h: Vec<Status> = r
            .history(a.id)
            .expect("h")
            .iter()
            .map(|e| e.status)
            .collect();
        assert_eq!(h, [Status::Draft, Status::Filed]);
        // Filed: the values are kept as filed.
        assert!(matches!(
            r.set_field(a.id, v, "name", "x", "w"),
            Err(StoreError::NotEditable { .. })
        ));
    }

    #[test]
    fn a_stale_version_is_a_conflict_and_writes_nothing() {
        let (_d, mut r) = open();
        let a = r
            .create_application(Kind::Training, "盲文培训", None, &Values::new(), "a")
            .expect("create");
        r.set_field(a.id, 1, "name", "first", "a").expect("edit");
        let e = r.set_field(a.id, 1, "name", "second", "b");
        assert!(
            matches!(
                e,
                Err(StoreError::Conflict {
                    expected: 1,
                    found: 2,
                    ..
                })
            ),
            "{e:?}"
        );
        let got = r.application(a.id).expect("r").expect("there");
        assert_eq!(got.values.get("name").map(String::as_str), Some("first"));
        assert_eq!(r.edits(a.id).expect("e").len(), 1);
        assert!(matches!(
            r.change_status(a.id, 1, Status::Withdrawn, "b", ""),
            Err(StoreError::Conflict { .. })
        ));
        assert!(matches!(
            r.set_field(999, 1, "x", "y", "b"),
            Err(StoreError::NoSuchApplication { id: 999 })
        ));
    }

    #[test]
    fn statuses_follow_the_rules_and_nothing_can_be_deleted() {
        let (_d, mut r) = open();
        let a = r
            .create_application(
                Kind::Entitlement,
                "rule",
                None,
                &vals(&[("name", "x")]),
                "a",
            )
            .expect("create");
        assert!(matches!(
            r.change_status(a.id, 1, Status::Accepted, "a", ""),
            Err(StoreError::BadTransition { .. })
        ));
        let v = r
            .change_status(a.id, 1, Status::Withdrawn, "a", "不需要了")
            .expect("withdraw");
        assert!(matches!(
            r.change_status(a.id, v, Status::Filed, "a", ""),
            Err(StoreError::BadTransition { .. })
        ));
        let h = r.history(a.id).expect("h");
        assert_eq!(h[1].note, "不需要了");
        for sql in [
            "DELETE FROM application",
            "DELETE FROM application_event",
            "UPDATE application_event SET who = 'x'",
            "DELETE FROM application_edit",
        ] {
            assert!(r.conn().execute(sql, []).is_err(), "{sql} must be refused");
        }
        assert_eq!(r.history(a.id).expect("h").len(), 2);
    }

    #[test]
    fn applications_filter_by_client_status_and_kind_and_a_client_with_some_is_kept() {
        use crate::domain::profile::StoredProfile;
        let (_d, mut r) = open();
        let p = r
            .save_profile(
                None,
                &StoredProfile {
                    label: "李女士".into(),
                    ..Default::default()
                },
            )
            .expect("profile");
        let a = r
            .create_application(Kind::Job, "P-1", Some(p), &Values::new(), "w")
            .expect("a");
        r.create_application(Kind::Job, "P-2", None, &Values::new(), "w")
            .expect("b");
        r.change_status(a.id, 1, Status::Withdrawn, "w", "")
            .expect("withdraw");
        let f = |owner, status| Filter {
            owner,
            status,
            ..Filter::default()
        };
        assert_eq!(r.applications(&f(Owner::Anyone, None)).expect("l").len(), 2);
        assert_eq!(
            r.applications(&f(Owner::Client(p), None)).expect("l")[0].id,
            a.id
        );
        assert_eq!(
            r.applications(&f(Owner::Myself, None)).expect("l")[0].target,
            "P-2"
        );
        assert_eq!(
            r.applications(&f(Owner::Anyone, Some(Status::Draft)))
                .expect("l")
                .len(),
            1
        );
        assert!(r.find_draft(Kind::Job, "P-2", None).expect("f").is_some());
        assert!(
            r.find_draft(Kind::Job, "P-1", Some(p))
                .expect("f")
                .is_none()
        );
        assert_eq!(r.drafts().expect("d").len(), 1);
        assert!(matches!(
            r.delete_profile(p),
            Err(StoreError::ClientHasApplications { count: 1 })
        ));
        assert_eq!(r.profiles().expect("p").len(), 1);
        let today = crate::clock::today();
        let since = Filter {
            since: Some(today),
            ..Filter::default()
        };
        assert_eq!(r.applications(&since).expect("l").len(), 2);
        let until = Filter {
            until: Date::new(2000, 1, 1),
            ..Filter::default()
        };
        assert!(r.applications(&until).expect("l").is_empty());
    }

    #[test]
    fn debug_output_leaves_out_the_values() {
        let (_d, mut r) = open();
        let a = r
            .create_application(
                Kind::Job,
                "P-1",
                None,
                &vals(&[("card", "36010219900307123611")]),
                "w",
            )
            .expect("a");
        assert!(!format!("{a:?}").contains("3601"));
        let e = r.edits(a.id).expect("e");
        assert!(!format!("{e:?}").contains("3601"));
    }
}
