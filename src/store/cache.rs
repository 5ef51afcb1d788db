//! `cache.sqlite`: everything derived from `data/`, rebuilt whenever the
//! data's content hash changes and never on an unchanged start. A rebuild
//! writes a new file beside the old one and renames it into place, so a crash
//! mid-rebuild leaves the old cache (or none) and never a half-built one.

use std::path::{Path, PathBuf};

use rusqlite::{Connection, OpenFlags, OptionalExtension, params};

use super::{Result, StoreError, io_err, migrate::migrate, sql_err};
use crate::domain::dataset::{DataFile, DataSet, content_hash};
use crate::domain::plans::{DocumentStatus, RegionLevel, Script};

/// Bump when the cache layout or what is derived changes, so old caches rebuild.
const CACHE_FORMAT: &str = "3";

const MIGRATIONS: &[&str] = &[
    r"
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE region(
    id TEXT PRIMARY KEY, ord INTEGER NOT NULL, name TEXT NOT NULL,
    province TEXT NOT NULL, level TEXT NOT NULL);
CREATE TABLE document(
    id TEXT PRIMARY KEY, ord INTEGER NOT NULL, region_id TEXT NOT NULL REFERENCES region(id),
    title TEXT NOT NULL, issuer TEXT NOT NULL, issued TEXT, period_from INTEGER NOT NULL,
    period_to INTEGER NOT NULL, status TEXT NOT NULL, source TEXT NOT NULL, script TEXT NOT NULL);
CREATE INDEX document_region ON document(region_id, ord);
CREATE TABLE paragraph(
    document_id TEXT NOT NULL REFERENCES document(id), seq INTEGER NOT NULL,
    text_hans TEXT NOT NULL, text_hant TEXT NOT NULL, PRIMARY KEY(document_id, seq)) WITHOUT ROWID;
",
    r"
CREATE TABLE measure(
    id TEXT PRIMARY KEY, ord INTEGER NOT NULL, document_id TEXT NOT NULL REFERENCES document(id),
    region_id TEXT NOT NULL REFERENCES region(id), clause TEXT NOT NULL, action TEXT NOT NULL,
    kind TEXT NOT NULL, summary_hans TEXT NOT NULL, summary_hant TEXT NOT NULL,
    beneficiaries TEXT NOT NULL, responsible TEXT NOT NULL, deadline_date TEXT, deadline_quote TEXT,
    quote TEXT NOT NULL, quote_hans TEXT NOT NULL, quote_hant TEXT NOT NULL,
    paragraph_seq INTEGER);
CREATE INDEX measure_region_action ON measure(region_id, action, ord);
CREATE TABLE measure_number(
    measure_id TEXT NOT NULL REFERENCES measure(id), seq INTEGER NOT NULL, what TEXT NOT NULL,
    value REAL NOT NULL, unit TEXT NOT NULL, per TEXT, written TEXT NOT NULL, quote TEXT NOT NULL,
    PRIMARY KEY(measure_id, seq)) WITHOUT ROWID;
CREATE TABLE target(
    id TEXT PRIMARY KEY, ord INTEGER NOT NULL, document_id TEXT NOT NULL REFERENCES document(id),
    region_id TEXT NOT NULL REFERENCES region(id), clause TEXT NOT NULL, metric TEXT NOT NULL,
    what TEXT NOT NULL, value REAL NOT NULL, unit TEXT NOT NULL, period TEXT, written TEXT NOT NULL,
    quote TEXT NOT NULL, paragraph_seq INTEGER);
",
    r"
CREATE TABLE rule(id TEXT PRIMARY KEY, ord INTEGER NOT NULL, scope TEXT NOT NULL, spec TEXT NOT NULL);
",
    r"
CREATE TABLE path(id TEXT PRIMARY KEY, ord INTEGER NOT NULL, spec TEXT NOT NULL);
",
];

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RegionRow {
    pub id: String,
    pub name: String,
    pub province: String,
    pub level: RegionLevel,
    pub documents: usize,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocumentRow {
    pub id: String,
    pub region_id: String,
    pub title: String,
    pub issuer: String,
    pub issued: Option<String>,
    pub period: (u16, u16),
    pub status: DocumentStatus,
    pub source: String,
    pub paragraphs: usize,
}

/// Row counts and versions, for `tingjian doctor`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CacheStats {
    pub data_hash: String,
    pub regions: usize,
    pub documents: usize,
    pub paragraphs: usize,
}

/// How the cache came to be open, for doctor and for tests.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CacheOpen {
    Unchanged,
    Rebuilt,
}

pub struct Cache {
    conn: Connection,
    path: PathBuf,
}

fn stamp(files: &[DataFile]) -> String {
    // The schema version is part of the stamp, so a new migration rebuilds too.
    format!(
        "{CACHE_FORMAT}.{}:{}",
        MIGRATIONS.len(),
        content_hash(files)
    )
}

impl Cache {
    /// Open the cache at `path`, rebuilding it from `files` only when their
    /// content hash differs from the one stored (or the file is missing or
    /// damaged: the cache holds nothing the user owns).
    pub fn open(path: &Path, files: &[DataFile]) -> Result<(Cache, CacheOpen)> {
        let want = stamp(files);
        if let Some(cache) = Self::open_existing(path, &want) {
            return Ok((cache, CacheOpen::Unchanged));
        }
        let data = DataSet::from_files(files)?;
        Self::build(path, &data, &want)?;
        let conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )
        .map_err(sql_err(path))?;
        Ok((
            Cache {
                conn,
                path: path.to_path_buf(),
            },
            CacheOpen::Rebuilt,
        ))
    }

    fn open_existing(path: &Path, want: &str) -> Option<Cache> {
        if !path.is_file() {
            return None;
        }
        let conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )
        .ok()?;
        let have: String = conn
            .query_row("SELECT value FROM meta WHERE key = 'stamp'", [], |r| {
                r.get(0)
            })
            .optional()
            .ok()??;
        (have == want).then(|| Cache {
            conn,
            path: path.to_path_buf(),
        })
    }

    fn build(path: &Path, data: &DataSet, stamp: &str) -> Result<()> {
        let tmp = path.with_extension(format!("sqlite.building-{}", std::process::id()));
        let _ = std::fs::remove_file(&tmp);
        let result = Self::write(&tmp, data, stamp);
        if let Err(e) = result {
            let _ = std::fs::remove_file(&tmp);
            return Err(e);
        }
        std::fs::rename(&tmp, path).map_err(io_err(path))
    }

    fn write(tmp: &Path, data: &DataSet, stamp: &str) -> Result<()> {
        let e = sql_err(tmp);
        let mut conn = Connection::open(tmp).map_err(&e)?;
        conn.pragma_update(None, "journal_mode", "OFF")
            .map_err(&e)?;
        conn.pragma_update(None, "synchronous", "OFF").map_err(&e)?;
        match migrate(&mut conn, MIGRATIONS).map_err(&e)? {
            Ok(_) => {}
            Err(found) => {
                return Err(StoreError::TooNew {
                    path: tmp.display().to_string(),
                    found,
                    known: MIGRATIONS.len() as i64,
                });
            }
        }
        let tx = conn.transaction().map_err(&e)?;
        for (i, r) in data.regions.iter().enumerate() {
            tx.execute(
                "INSERT INTO region(id, ord, name, province, level) VALUES (?1, ?2, ?3, ?4, ?5)",
                params![r.id, i as i64, r.name, r.province, r.level.key()],
            )
            .map_err(&e)?;
        }
        for (i, d) in data.documents.iter().enumerate() {
            let doc = &d.doc;
            let script = match doc.script {
                Script::Simplified => "simplified",
                Script::Traditional => "traditional",
            };
            tx.execute(
                "INSERT INTO document(id, ord, region_id, title, issuer, issued, period_from, period_to, status, source, script)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
                params![
                    doc.id,
                    i as i64,
                    doc.region,
                    doc.title,
                    doc.issuer,
                    doc.issued,
                    doc.period.from,
                    doc.period.to,
                    doc.status.key(),
                    doc.source,
                    script
                ],
            )
            .map_err(&e)?;
            let mut stmt = tx
                .prepare("INSERT INTO paragraph(document_id, seq, text_hans, text_hant) VALUES (?1, ?2, ?3, ?4)")
                .map_err(&e)?;
            for (seq, p) in d.paragraphs.iter().enumerate() {
                // Both scripts are kept, converted once here, so reading in
                // zh-CN or zh-TW costs nothing at run time.
                let (hans, hant) = match doc.script {
                    Script::Simplified => (p.clone(), zhconv::zhconv(p, zhconv::Variant::ZhTW)),
                    Script::Traditional => (zhconv::zhconv(p, zhconv::Variant::ZhCN), p.clone()),
                };
                stmt.execute(params![doc.id, seq as i64, hans, hant])
                    .map_err(&e)?;
            }
        }
        write_measures(&tx, data).map_err(&e)?;
        for (i, r) in data.rules.iter().enumerate() {
            // The checked rule as JSON: read back only when entitlements are asked for.
            let spec = serde_json::to_string(&r.spec)
                .map_err(|err| e(rusqlite::Error::ToSqlConversionFailure(Box::new(err))))?;
            tx.execute(
                "INSERT INTO rule(id, ord, scope, spec) VALUES (?1, ?2, ?3, ?4)",
                params![r.spec.id, i as i64, r.spec.scope, spec],
            )
            .map_err(&e)?;
        }
        for (i, p) in data.paths.iter().enumerate() {
            let spec = serde_json::to_string(&p.spec)
                .map_err(|err| e(rusqlite::Error::ToSqlConversionFailure(Box::new(err))))?;
            tx.execute(
                "INSERT INTO path(id, ord, spec) VALUES (?1, ?2, ?3)",
                params![p.spec.id, i as i64, spec],
            )
            .map_err(&e)?;
        }
        tx.execute("INSERT INTO meta(key, value) VALUES ('stamp', ?1)", [stamp])
            .map_err(&e)?;
        tx.execute(
            "INSERT INTO meta(key, value) VALUES ('data_hash', ?1)",
            [&data.hash],
        )
        .map_err(&e)?;
        tx.commit().map_err(&e)?;
        conn.close().map_err(|(_, err)| e(err))?;
        Ok(())
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    pub(crate) fn conn(&self) -> &Connection {
        &self.conn
    }

    pub fn regions(&self) -> Result<Vec<RegionRow>> {
        let e = sql_err(&self.path);
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT r.id, r.name, r.province, r.level, (SELECT count(*) FROM document d WHERE d.region_id = r.id)
                 FROM region r ORDER BY r.ord",
            )
            .map_err(&e)?;
        let rows = stmt
            .query_map([], |r| {
                Ok(RegionRow {
                    id: r.get(0)?,
                    name: r.get(1)?,
                    province: r.get(2)?,
                    level: RegionLevel::from_key(&r.get::<_, String>(3)?)
                        .unwrap_or(RegionLevel::City),
                    documents: r.get::<_, i64>(4)? as usize,
                })
            })
            .map_err(&e)?;
        rows.collect::<rusqlite::Result<_>>().map_err(&e)
    }

    pub fn documents(&self, region_id: &str) -> Result<Vec<DocumentRow>> {
        let e = sql_err(&self.path);
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT d.id, d.region_id, d.title, d.issuer, d.issued, d.period_from, d.period_to, d.status, d.source,
                        (SELECT count(*) FROM paragraph p WHERE p.document_id = d.id)
                 FROM document d WHERE d.region_id = ?1 ORDER BY d.ord",
            )
            .map_err(&e)?;
        let rows = stmt
            .query_map([region_id], |r| {
                Ok(DocumentRow {
                    id: r.get(0)?,
                    region_id: r.get(1)?,
                    title: r.get(2)?,
                    issuer: r.get(3)?,
                    issued: r.get(4)?,
                    period: (r.get(5)?, r.get(6)?),
                    status: DocumentStatus::from_key(&r.get::<_, String>(7)?)
                        .unwrap_or(DocumentStatus::InForce),
                    source: r.get(8)?,
                    paragraphs: r.get::<_, i64>(9)? as usize,
                })
            })
            .map_err(&e)?;
        rows.collect::<rusqlite::Result<_>>().map_err(&e)
    }

    /// A stored UTC time (`2025-03-01T02:03:04.567`) as local `2025-03-01 10:03`.
    pub fn local_time(&self, utc: &str) -> String {
        super::local_time(&self.conn, utc)
    }

    /// Every plan document, region by region.
    pub fn all_documents(&self) -> Result<Vec<DocumentRow>> {
        let mut out = vec![];
        for r in self.regions()? {
            out.extend(self.documents(&r.id)?);
        }
        Ok(out)
    }

    /// A document's paragraphs in simplified or traditional characters.
    pub fn paragraphs(&self, document_id: &str, traditional: bool) -> Result<Vec<String>> {
        let e = sql_err(&self.path);
        let sql = if traditional {
            "SELECT text_hant FROM paragraph WHERE document_id = ?1 ORDER BY seq"
        } else {
            "SELECT text_hans FROM paragraph WHERE document_id = ?1 ORDER BY seq"
        };
        let mut stmt = self.conn.prepare_cached(sql).map_err(&e)?;
        let rows = stmt.query_map([document_id], |r| r.get(0)).map_err(&e)?;
        rows.collect::<rusqlite::Result<_>>().map_err(&e)
    }

    /// Every entitlement rule, checked again as it is read.
    pub fn rules(&self) -> Result<Vec<crate::domain::rules::Rule>> {
        let e = sql_err(&self.path);
        let mut stmt = self
            .conn
            .prepare_cached("SELECT spec FROM rule ORDER BY ord")
            .map_err(&e)?;
        let specs: Vec<String> = stmt
            .query_map([], |r| r.get(0))
            .map_err(&e)?
            .collect::<rusqlite::Result<_>>()
            .map_err(&e)?;
        let mut out = Vec::with_capacity(specs.len());
        for s in specs {
            let spec: crate::domain::rules::RuleSpec = serde_json::from_str(&s)
                .map_err(|err| e(rusqlite::Error::ToSqlConversionFailure(Box::new(err))))?;
            let conditions = spec
                .conditions
                .iter()
                .map(|c| c.check())
                .collect::<std::result::Result<Vec<_>, _>>()
                .map_err(|err| e(rusqlite::Error::ToSqlConversionFailure(Box::new(err))))?;
            out.push(crate::domain::rules::Rule { spec, conditions });
        }
        Ok(out)
    }

    /// The massage paths, checked again as they are read.
    pub fn paths(&self) -> Result<Vec<crate::domain::paths::MassagePath>> {
        let e = sql_err(&self.path);
        let mut stmt = self
            .conn
            .prepare_cached("SELECT spec FROM path ORDER BY ord")
            .map_err(&e)?;
        let specs: Vec<String> = stmt
            .query_map([], |r| r.get(0))
            .map_err(&e)?
            .collect::<rusqlite::Result<_>>()
            .map_err(&e)?;
        let bad = |err: Box<dyn std::error::Error + Send + Sync>| {
            e(rusqlite::Error::ToSqlConversionFailure(err))
        };
        specs
            .iter()
            .map(|s| {
                let spec: crate::domain::paths::PathSpec =
                    serde_json::from_str(s).map_err(|err| bad(Box::new(err)))?;
                crate::domain::paths::MassagePath::check(spec).map_err(|err| bad(Box::new(err)))
            })
            .collect()
    }

    pub fn stats(&self) -> Result<CacheStats> {
        let e = sql_err(&self.path);
        let count = |table: &str| -> Result<usize> {
            self.conn
                .query_row(&format!("SELECT count(*) FROM {table}"), [], |r| {
                    r.get::<_, i64>(0)
                })
                .map(|n| n as usize)
                .map_err(&e)
        };
        Ok(CacheStats {
            data_hash: self
                .conn
                .query_row("SELECT value FROM meta WHERE key = 'data_hash'", [], |r| {
                    r.get(0)
                })
                .map_err(&e)?,
            regions: count("region")?,
            documents: count("document")?,
            paragraphs: count("paragraph")?,
        })
    }
}

fn hans(s: &str) -> String {
    zhconv::zhconv(s, zhconv::Variant::ZhCN)
}
fn hant(s: &str) -> String {
    zhconv::zhconv(s, zhconv::Variant::ZhTW)
}

/// The paragraph (0-based, as the reader numbers them) whose text holds `quote`.
fn paragraph_of(paragraphs: &[String], quote: &str) -> Option<i64> {
    paragraphs
        .iter()
        .position(|p| p.contains(quote))
        .map(|i| i as i64)
}

fn write_measures(tx: &rusqlite::Transaction<'_>, data: &DataSet) -> rusqlite::Result<()> {
    let mut ord = 0i64;
    for dm in &data.measures {
        let Some(doc) = data.documents.iter().find(|d| d.doc.id == dm.document) else {
            continue;
        };
        let region = &doc.doc.region;
        for m in &dm.measures {
            let id = format!("{}/{}", dm.document, m.id);
            let groups: Vec<String> = m.beneficiaries.iter().map(|g| g.key()).collect();
            tx.execute(
                "INSERT INTO measure(id, ord, document_id, region_id, clause, action, kind, summary_hans, summary_hant,
                    beneficiaries, responsible, deadline_date, deadline_quote, quote, quote_hans, quote_hant, paragraph_seq)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17)",
                params![
                    id,
                    ord,
                    dm.document,
                    region,
                    m.clause,
                    m.action.key(),
                    m.kind.key(),
                    hans(&m.summary),
                    hant(&m.summary),
                    groups.join(","),
                    m.responsible.join("\u{1f}"),
                    m.deadline.as_ref().map(|d| d.date.clone()),
                    m.deadline.as_ref().map(|d| d.quote.clone()),
                    m.quote,
                    hans(&m.quote),
                    hant(&m.quote),
                    paragraph_of(&doc.paragraphs, &m.quote),
                ],
            )?;
            ord += 1;
            for (seq, n) in m.numbers.iter().enumerate() {
                tx.execute(
                    "INSERT INTO measure_number(measure_id, seq, what, value, unit, per, written, quote)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                    params![id, seq as i64, n.what, n.value, n.unit, n.per, n.as_written(), n.quote],
                )?;
            }
        }
        for t in &dm.targets {
            tx.execute(
                "INSERT INTO target(id, ord, document_id, region_id, clause, metric, what, value, unit, period, written, quote, paragraph_seq)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
                params![
                    format!("{}/{}", dm.document, t.id),
                    ord,
                    dm.document,
                    region,
                    t.clause,
                    t.metric,
                    t.what,
                    t.value,
                    t.unit,
                    t.period,
                    t.as_written(),
                    t.quote,
                    paragraph_of(&doc.paragraphs, &t.quote),
                ],
            )?;
            ord += 1;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::embedded;

    #[test]
    fn builds_once_then_opens_unchanged_and_rebuilds_on_change() {
        let dir = tempfile::tempdir().expect("tempdir");
        let p = dir.path().join("cache.sqlite");
        let files = embedded::bundled();
        let (c, how) = Cache::open(&p, &files).expect("build");
        assert_eq!(how, CacheOpen::Rebuilt);
        assert_eq!(c.regions().expect("regions").len(), 5);
        drop(c);
        let (_, how) = Cache::open(&p, &files).expect("reopen");
        assert_eq!(how, CacheOpen::Unchanged);
        let mut changed = files.clone();
        let plans = changed
            .iter_mut()
            .find(|(n, _)| n == "plans.toml")
            .expect("plans");
        plans.1.to_mut().extend_from_slice(b"\n# a comment\n");
        let (_, how) = Cache::open(&p, &changed).expect("rebuild");
        assert_eq!(how, CacheOpen::Rebuilt);
    }

    #[test]
    fn a_damaged_cache_is_rebuilt() {
        let dir = tempfile::tempdir().expect("tempdir");
        let p = dir.path().join("cache.sqlite");
        std::fs::write(&p, b"this is not a database").expect("write");
        let (c, how) = Cache::open(&p, &embedded::bundled()).expect("rebuild");
        assert_eq!(how, CacheOpen::Rebuilt);
        assert!(c.stats().expect("stats").paragraphs > 100);
    }

    #[test]
    fn jiangxi_reads_in_both_scripts() {
        let dir = tempfile::tempdir().expect("tempdir");
        let (c, _) =
            Cache::open(&dir.path().join("c.sqlite"), &embedded::bundled()).expect("build");
        let docs = c.documents("jiangxi").expect("docs");
        assert_eq!(docs.len(), 1);
        let hant = c.paragraphs(&docs[0].id, true).expect("hant");
        let hans = c.paragraphs(&docs[0].id, false).expect("hans");
        assert!(hant[0].contains("殘疾人"), "{}", hant[0]);
        assert!(hans[0].contains("残疾人"), "{}", hans[0]);
    }

    #[test]
    fn bad_data_is_an_error_and_leaves_no_cache() {
        let dir = tempfile::tempdir().expect("tempdir");
        let p = dir.path().join("cache.sqlite");
        let mut files = embedded::bundled();
        files.retain(|(n, _)| n != "sources/004_0c42ddf2b481c41d.txt");
        assert!(matches!(Cache::open(&p, &files), Err(StoreError::Data(_))));
        assert!(!p.exists());
    }
}
