//! A small table-driven migration runner: migration N (1-based) brings the
//! schema from version N-1 to N, recorded in `PRAGMA user_version`.

use rusqlite::Connection;

/// Apply every migration past the file's version, each in its own
/// transaction. Returns the version found before, or `Err(found)` when the
/// file is newer than this program knows.
pub fn migrate(
    conn: &mut Connection,
    migrations: &[&str],
) -> rusqlite::Result<std::result::Result<i64, i64>> {
    let found: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    let known = migrations.len() as i64;
    if found > known {
        return Ok(Err(found));
    }
    for (i, sql) in migrations.iter().enumerate().skip(found as usize) {
        // Immediate: two programs opening one file at once (a centre's two
        // terminals) take turns; the second sees the first's work and skips it.
        let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        let now: i64 = tx.query_row("PRAGMA user_version", [], |r| r.get(0))?;
        if now > i as i64 {
            continue;
        }
        tx.execute_batch(sql)?;
        tx.pragma_update(None, "user_version", i as i64 + 1)?;
        tx.commit()?;
    }
    Ok(Ok(found))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn applies_each_migration_once_and_refuses_newer_files() {
        let mut c = Connection::open_in_memory().expect("db");
        let m = ["CREATE TABLE a(x)", "CREATE TABLE b(y)"];
        assert_eq!(migrate(&mut c, &m[..1]).expect("ok"), Ok(0));
        assert_eq!(migrate(&mut c, &m).expect("ok"), Ok(1));
        assert_eq!(migrate(&mut c, &m).expect("ok"), Ok(2));
        assert_eq!(migrate(&mut c, &m[..1]).expect("ok"), Err(2));
    }

    #[test]
    fn a_failing_migration_leaves_the_version_where_it_was() {
        let mut c = Connection::open_in_memory().expect("db");
        let m = ["CREATE TABLE a(x)", "CREATE TABLE a(x)"];
        assert!(migrate(&mut c, &m).is_err());
        let v: i64 = c
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .expect("v");
        assert_eq!(v, 1);
    }
}
