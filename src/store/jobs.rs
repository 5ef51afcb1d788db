//! `jobs.sqlite`: job postings and their full-text index.
//!
//! Bundled sample postings are reloaded when the bundled file changes;
//! imported postings belong to the user (a service centre's real jobs) and
//! are never removed automatically. An import is one transaction: a crash in
//! the middle leaves the file as it was.
//!
//! Search: Chinese has no spaces, and SQLite's trigram tokenizer cannot find
//! one- or two-character words (按摩, 客服). So the index holds each run of
//! Chinese characters as overlapping bigrams plus its last character
//! ("医疗按摩" → 医疗 疗按 按摩 摩), so every character starts a token (the
//! grams are split on spaces only: the `ascii` tokenizer, fast, treats every
//! non-ASCII character as part of a token): a
//! query of two or more characters is a phrase of consecutive bigrams, a
//! one-character query is a prefix query (no prefix index: it would double
//! the index writes, and a one-character prefix scan measured 1–3 ms at
//! 100k postings), and Latin words are whole tokens searched by prefix.

use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::{Connection, OpenFlags, OptionalExtension, params, types::Value};

use super::{Result, StoreError, migrate::migrate, sql_err};
use crate::domain::jobs::{Category, EmployerKind, JobKind, Posting};

const MIGRATIONS: &[&str] = &[r"
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
-- rowid = (days from 1970-01-01 to the publication date) << 22 | a counter:
-- rowid order is date order, so the index returns the newest matches first
-- and stops at the limit, never sorting all matches.
CREATE TABLE posting(
    rowid INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    title TEXT NOT NULL, employer TEXT NOT NULL, employer_kind TEXT NOT NULL,
    province TEXT NOT NULL, city TEXT NOT NULL, district TEXT, workplace TEXT,
    home_based INTEGER NOT NULL, kind TEXT NOT NULL, categories TEXT NOT NULL,
    accessibility TEXT, pay_min INTEGER, pay_max INTEGER, hours TEXT, requirements TEXT,
    how_to_apply TEXT, contact TEXT, published TEXT NOT NULL, closing TEXT,
    source TEXT NOT NULL, sample INTEGER NOT NULL);
-- title and body: the grams of the text; tags: the filters as tokens (zp贵州,
-- zc贵阳, zkmassage, zyvisual, zhome), so filtering is index work too.
CREATE VIRTUAL TABLE posting_fts USING fts5(title, body, tags, content='', tokenize='ascii');
-- Bigger in-memory batches before writing a segment: far fewer merges in a big import.
INSERT INTO posting_fts(posting_fts, rank) VALUES ('hashsize', 33554432);
"];

/// Bits of the rowid below the date.
const DAY_SHIFT: u32 = 22;

/// Days from 1970-01-01 to a `YYYY-MM-DD` date (0 when it is not one).
fn days(date: &str) -> i64 {
    let mut it = date.splitn(3, '-').map(|x| x.parse::<i64>().unwrap_or(0));
    let (y, m, d) = (
        it.next().unwrap_or(1970),
        it.next().unwrap_or(1),
        it.next().unwrap_or(1),
    );
    // Howard Hinnant's days_from_civil.
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    (era * 146_097 + doe - 719_468).max(0)
}

/// The filter tokens of a posting.
fn tags(p: &Posting) -> String {
    let mut t = format!(
        "zp{} zc{} zk{}",
        p.province,
        p.city,
        p.kind.key().replace('_', "")
    );
    for c in &p.categories {
        t.push_str(" zy");
        t.push_str(c.key());
    }
    if p.home_based {
        t.push_str(" zhome");
    }
    t
}

/// A place name as a token (no spaces or punctuation inside).
fn place_token(prefix: &str, name: &str) -> String {
    let clean: String = name.chars().filter(|c| c.is_alphanumeric()).collect();
    format!("\"{prefix}{clean}\"")
}

fn is_cjk(c: char) -> bool {
    !c.is_ascii() && c.is_alphanumeric()
}

/// The index text of `text`: bigrams and run-final characters of Chinese
/// runs, lower-case Latin words and numbers, separated by spaces.
pub fn index_grams(text: &str) -> String {
    let mut out = String::with_capacity(text.len() * 3);
    let mut run: Vec<char> = Vec::with_capacity(32);
    let mut word = String::new();
    let flush_run = |run: &mut Vec<char>, out: &mut String| {
        for i in 0..run.len() {
            if !out.is_empty() {
                out.push(' ');
            }
            out.push(run[i]);
            if let Some(n) = run.get(i + 1) {
                out.push(*n);
            }
        }
        run.clear();
    };
    let flush_word = |word: &mut String, out: &mut String| {
        if !word.is_empty() {
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(word);
            word.clear();
        }
    };
    for c in text.chars() {
        if is_cjk(c) {
            flush_word(&mut word, &mut out);
            run.push(c);
        } else if c.is_ascii_alphanumeric() {
            flush_run(&mut run, &mut out);
            word.push(c.to_ascii_lowercase());
        } else {
            flush_run(&mut run, &mut out);
            flush_word(&mut word, &mut out);
        }
    }
    flush_run(&mut run, &mut out);
    flush_word(&mut word, &mut out);
    out
}

/// The FTS5 expression for one spelling of a query, or `None` when it has
/// nothing to search for.
fn query_for(q: &str) -> Option<String> {
    let mut terms = vec![];
    for part in q.split_whitespace() {
        // Tokens of this part in order, as phrase members; a lone Chinese
        // character or a Latin word at the end is matched as a prefix.
        let mut tokens: Vec<String> = vec![];
        let mut run: Vec<char> = vec![];
        let mut word = String::new();
        let mut last_prefix = false;
        let flush_run = |run: &mut Vec<char>, tokens: &mut Vec<String>, last_prefix: &mut bool| {
            match run.len() {
                0 => {}
                1 => {
                    tokens.push(run[0].to_string());
                    *last_prefix = true;
                }
                n => {
                    for i in 0..n - 1 {
                        tokens.push(format!("{}{}", run[i], run[i + 1]));
                    }
                    *last_prefix = false;
                }
            }
            run.clear();
        };
        for c in part.chars() {
            if is_cjk(c) {
                if !word.is_empty() {
                    tokens.push(std::mem::take(&mut word));
                    last_prefix = false;
                }
                run.push(c);
            } else if c.is_ascii_alphanumeric() {
                flush_run(&mut run, &mut tokens, &mut last_prefix);
                word.push(c.to_ascii_lowercase());
            } else {
                flush_run(&mut run, &mut tokens, &mut last_prefix);
                if !word.is_empty() {
                    tokens.push(std::mem::take(&mut word));
                    last_prefix = true;
                }
            }
        }
        flush_run(&mut run, &mut tokens, &mut last_prefix);
        if !word.is_empty() {
            tokens.push(word);
            last_prefix = true;
        }
        if tokens.is_empty() {
            continue;
        }
        // Tokens are letters and digits only, so quoting them is safe.
        let phrase = tokens
            .iter()
            .map(|t| format!("\"{t}\""))
            .collect::<Vec<_>>()
            .join(" + ");
        terms.push(if last_prefix {
            format!("{phrase}*")
        } else {
            phrase
        });
    }
    (!terms.is_empty()).then(|| terms.join(" AND "))
}

/// The MATCH expression for what the user typed, in simplified or
/// traditional characters alike.
pub fn match_expr(query: &str) -> Option<String> {
    let hans = zhconv::zhconv(query, zhconv::Variant::ZhCN);
    let hant = zhconv::zhconv(query, zhconv::Variant::ZhTW);
    let a = query_for(&hans)?;
    match query_for(&hant) {
        Some(b) if b != a => Some(format!("({a}) OR ({b})")),
        _ => Some(a),
    }
}

/// What to look for. Empty fields match everything.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct JobQuery {
    pub text: Option<String>,
    /// A province or city name (贵州, 广州 …).
    pub region: Option<String>,
    pub kind: Option<JobKind>,
    pub category: Option<Category>,
    pub home_based: Option<bool>,
    pub sort: Sort,
    pub limit: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Sort {
    #[default]
    Relevance,
    Newest,
}

/// Counts from an import.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ImportCounts {
    pub added: usize,
    pub updated: usize,
    pub rejected: usize,
}

pub struct Jobs {
    conn: Connection,
    path: PathBuf,
}

fn opt_text(s: &Option<String>) -> Value {
    s.as_ref().map_or(Value::Null, |v| Value::Text(v.clone()))
}

impl Jobs {
    /// Open (creating if needed) and load the bundled samples when they changed.
    pub fn open(path: &Path, samples: &[u8]) -> Result<Jobs> {
        let e = sql_err(path);
        let mut conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_WRITE
                | OpenFlags::SQLITE_OPEN_CREATE
                | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )
        .map_err(&e)?;
        conn.busy_timeout(Duration::from_secs(5)).map_err(&e)?;
        // A rollback journal, not WAL: an import into a fresh file then
        // writes each page once (WAL would write it again at checkpoint),
        // and a crash still rolls the whole import back.
        conn.pragma_update(None, "journal_mode", "TRUNCATE")
            .map_err(&e)?;
        conn.pragma_update(None, "synchronous", "NORMAL")
            .map_err(&e)?;
        // The batch's pending index changes live in memory.
        conn.pragma_update(None, "temp_store", "MEMORY")
            .map_err(&e)?;
        match migrate(&mut conn, MIGRATIONS).map_err(&e)? {
            Ok(_) => {}
            Err(found) => {
                return Err(StoreError::TooNew {
                    path: path.display().to_string(),
                    found,
                    known: MIGRATIONS.len() as i64,
                });
            }
        }
        let mut jobs = Jobs {
            conn,
            path: path.to_path_buf(),
        };
        jobs.load_samples(samples)?;
        Ok(jobs)
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    fn load_samples(&mut self, samples: &[u8]) -> Result<()> {
        let e = sql_err(&self.path);
        let stamp = crate::domain::dataset::content_hash(&[(
            "jobs/sample.json".to_string(),
            samples.to_vec().into(),
        )]);
        let have: Option<String> = self
            .conn
            .query_row("SELECT value FROM meta WHERE key = 'samples'", [], |r| {
                r.get(0)
            })
            .optional()
            .map_err(&e)?;
        if have.as_deref() == Some(stamp.as_str()) {
            return Ok(());
        }
        let postings: Vec<Posting> = if samples.is_empty() {
            vec![]
        } else {
            serde_json::from_slice(samples).map_err(|err| {
                StoreError::Data(crate::domain::dataset::DataError {
                    file: "jobs/sample.json".into(),
                    line: Some(err.line()),
                    kind: crate::domain::dataset::DataErrorKind::Syntax(err.to_string()),
                })
            })?
        };
        let tx = self.conn.transaction().map_err(&e)?;
        begin_batch(&tx).map_err(&e)?;
        let old: Vec<i64> = tx
            .prepare("SELECT rowid FROM posting WHERE sample = 1")
            .map_err(&e)?
            .query_map([], |r| r.get(0))
            .map_err(&e)?
            .collect::<rusqlite::Result<_>>()
            .map_err(&e)?;
        for rowid in old {
            remove(&tx, rowid).map_err(&e)?;
        }
        for p in &postings {
            upsert(&tx, p).map_err(&e)?;
        }
        flush_index(&tx).map_err(&e)?;
        tx.execute(
            "INSERT INTO meta(key, value) VALUES ('samples', ?1) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            [&stamp],
        )
        .map_err(&e)?;
        tx.commit().map_err(&e)
    }

    /// Add or update postings from `rows`, all in one transaction. `rows`
    /// yields postings or rejections; `progress` is called with the number
    /// of rows seen so far after every row. Commits only when `rows` ends
    /// without error.
    pub fn import<E>(
        &mut self,
        rows: impl FnOnce(
            &mut dyn FnMut(Option<Posting>) -> std::result::Result<(), ()>,
        ) -> std::result::Result<(), E>,
    ) -> Result<std::result::Result<ImportCounts, E>> {
        let path = self.path.clone();
        // Room for a big import's pages and index batches; given back after.
        self.conn
            .pragma_update(None, "cache_size", -65536)
            .map_err(sql_err(&path))?;
        let result = self.import_in_transaction(rows);
        self.conn
            .pragma_update(None, "cache_size", -2000)
            .map_err(sql_err(&path))?;
        result
    }

    fn import_in_transaction<E>(
        &mut self,
        rows: impl FnOnce(
            &mut dyn FnMut(Option<Posting>) -> std::result::Result<(), ()>,
        ) -> std::result::Result<(), E>,
    ) -> Result<std::result::Result<ImportCounts, E>> {
        let e = sql_err(&self.path);
        let tx = self.conn.transaction().map_err(&e)?;
        begin_batch(&tx).map_err(&e)?;
        let mut counts = ImportCounts::default();
        let mut failure = None;
        let outcome = rows(&mut |p| {
            match p {
                None => counts.rejected += 1,
                Some(p) => match upsert(&tx, &p) {
                    Ok(true) => counts.updated += 1,
                    Ok(false) => counts.added += 1,
                    Err(err) => {
                        failure = Some(err);
                        return Err(());
                    }
                },
            }
            Ok(())
        });
        if let Some(err) = failure {
            return Err(e(err));
        }
        match outcome {
            Ok(()) => {
                flush_index(&tx).map_err(&e)?;
                tx.commit().map_err(&e)?;
                Ok(Ok(counts))
            }
            // Dropping the transaction rolls it back.
            Err(err) => Ok(Err(err)),
        }
    }

    pub fn count(&self) -> Result<(usize, usize)> {
        self.conn
            .query_row(
                "SELECT count(*), coalesce(sum(sample), 0) FROM posting",
                [],
                |r| Ok((r.get::<_, i64>(0)? as usize, r.get::<_, i64>(1)? as usize)),
            )
            .map_err(sql_err(&self.path))
    }

    pub fn get(&self, id: &str) -> Result<Option<Posting>> {
        let e = sql_err(&self.path);
        let mut stmt = self
            .conn
            .prepare_cached(&format!(
                "SELECT {SELECT_COLUMNS} FROM posting p WHERE p.id = ?1"
            ))
            .map_err(&e)?;
        stmt.query_row([id], row_to_posting).optional().map_err(&e)
    }

    /// Matching postings (at most `limit`) and how many match in all.
    ///
    /// Everything is answered by the full-text index: the text, restricted to
    /// the title and body columns, AND the filters as tag tokens. Newest
    /// first is rowid order; "relevance" is matches in the title first, then
    /// the others, each newest first.
    pub fn search(&self, q: &JobQuery) -> Result<(Vec<Posting>, usize)> {
        let e = sql_err(&self.path);
        let limit = if q.limit == 0 { 50 } else { q.limit };
        let text = q.text.as_deref().map(str::trim).filter(|t| !t.is_empty());
        let text_expr = match text {
            Some(t) => match match_expr(t) {
                Some(x) => Some(x),
                // Only punctuation typed: nothing can match.
                None => return Ok((vec![], 0)),
            },
            None => None,
        };
        let mut filters: Vec<String> = vec![];
        if let Some(r) = q.region.as_deref().map(str::trim).filter(|r| !r.is_empty()) {
            let r = r.trim_end_matches(['省', '市']);
            filters.push(format!(
                "({} OR {})",
                place_token("zp", r),
                place_token("zc", r)
            ));
        }
        if let Some(k) = q.kind {
            filters.push(format!("\"zk{}\"", k.key().replace('_', "")));
        }
        if let Some(c) = q.category {
            filters.push(format!("\"zy{}\"", c.key()));
        }
        if q.home_based == Some(true) {
            filters.push("\"zhome\"".to_string());
        }
        let tag_expr =
            (!filters.is_empty()).then(|| format!("{{tags}} : ({})", filters.join(" AND ")));
        let all_expr = match (&text_expr, &tag_expr) {
            (None, None) => None,
            (Some(t), None) => Some(format!("{{title body}} : ({t})")),
            (None, Some(f)) => Some(f.clone()),
            (Some(t), Some(f)) => Some(format!("({{title body}} : ({t})) AND {f}")),
        };
        let Some(all_expr) = all_expr else {
            // Nothing asked: the newest postings.
            let total: i64 = self
                .conn
                .query_row("SELECT count(*) FROM posting", [], |r| r.get(0))
                .map_err(&e)?;
            let mut stmt = self
                .conn
                .prepare_cached(&format!(
                    "SELECT {SELECT_COLUMNS} FROM posting p ORDER BY p.rowid DESC LIMIT ?1"
                ))
                .map_err(&e)?;
            let rows = stmt.query_map([limit as i64], row_to_posting).map_err(&e)?;
            return Ok((
                rows.collect::<rusqlite::Result<_>>().map_err(&e)?,
                total as usize,
            ));
        };
        let count = |expr: &str| -> Result<usize> {
            self.conn
                .prepare_cached("SELECT count(*) FROM posting_fts WHERE posting_fts MATCH ?1")
                .map_err(&e)?
                .query_row([expr], |r| r.get::<_, i64>(0))
                .map(|n| n as usize)
                .map_err(&e)
        };
        let newest = |expr: &str, n: usize| -> Result<Vec<i64>> {
            let mut stmt = self
                .conn
                .prepare_cached("SELECT rowid FROM posting_fts WHERE posting_fts MATCH ?1 ORDER BY rowid DESC LIMIT ?2")
                .map_err(&e)?;
            let rows = stmt
                .query_map(params![expr, n as i64], |r| r.get(0))
                .map_err(&e)?;
            rows.collect::<rusqlite::Result<_>>().map_err(&e)
        };
        let total = count(&all_expr)?;
        let rowids = match (&text_expr, q.sort) {
            (Some(t), Sort::Relevance) => {
                let in_title = match &tag_expr {
                    Some(f) => format!("({{title}} : ({t})) AND {f}"),
                    None => format!("{{title}} : ({t})"),
                };
                let mut ids = newest(&in_title, limit)?;
                if ids.len() < limit {
                    let rest = format!("({all_expr}) NOT ({{title}} : ({t}))");
                    ids.extend(newest(&rest, limit - ids.len())?);
                }
                ids
            }
            _ => newest(&all_expr, limit)?,
        };
        let mut stmt = self
            .conn
            .prepare_cached(&format!(
                "SELECT {SELECT_COLUMNS} FROM posting p WHERE p.rowid = ?1"
            ))
            .map_err(&e)?;
        let mut postings = Vec::with_capacity(rowids.len());
        for r in rowids {
            if let Some(p) = stmt.query_row([r], row_to_posting).optional().map_err(&e)? {
                postings.push(p);
            }
        }
        Ok((postings, total))
    }

    pub fn integrity(&self) -> Result<String> {
        self.conn
            .query_row("PRAGMA integrity_check", [], |r| r.get(0))
            .map_err(sql_err(&self.path))
    }
}

const SELECT_COLUMNS: &str = "p.id, p.title, p.employer, p.employer_kind, p.province, p.city, p.district, p.workplace,
    p.home_based, p.kind, p.categories, p.accessibility, p.pay_min, p.pay_max, p.hours, p.requirements,
    p.how_to_apply, p.contact, p.published, p.closing, p.source, p.sample";

fn row_to_posting(r: &rusqlite::Row<'_>) -> rusqlite::Result<Posting> {
    row_to_posting_at(r, 0)
}

/// A posting from the [`SELECT_COLUMNS`] of a row, starting at column `o`.
fn row_to_posting_at(r: &rusqlite::Row<'_>, o: usize) -> rusqlite::Result<Posting> {
    let cats: String = r.get(o + 10)?;
    Ok(Posting {
        id: r.get(o)?,
        title: r.get(o + 1)?,
        employer: r.get(o + 2)?,
        employer_kind: EmployerKind::parse(&r.get::<_, String>(o + 3)?)
            .unwrap_or(EmployerKind::PrivateEnterprise),
        province: r.get(o + 4)?,
        city: r.get(o + 5)?,
        district: r.get(o + 6)?,
        workplace: r.get(o + 7)?,
        home_based: r.get::<_, i64>(o + 8)? != 0,
        kind: JobKind::parse(&r.get::<_, String>(o + 9)?).unwrap_or(JobKind::OpenMarket),
        categories: cats.split(',').filter_map(Category::parse).collect(),
        accessibility: r.get(o + 11)?,
        pay_min: r.get(o + 12)?,
        pay_max: r.get(o + 13)?,
        hours: r.get(o + 14)?,
        requirements: r.get(o + 15)?,
        how_to_apply: r.get(o + 16)?,
        contact: r.get(o + 17)?,
        published: r.get(o + 18)?,
        closing: r.get(o + 19)?,
        source: r.get(o + 20)?,
        sample: r.get::<_, i64>(o + 21)? != 0,
    })
}

/// Start a batch of writes: index changes are collected and applied in rowid
/// order by [`flush_index`]. FTS5 writes a new segment whenever a rowid is
/// not above the last one written, so applying them as they come (dates in
/// any order) would make a large import hundreds of times slower.
fn begin_batch(tx: &Connection) -> rusqlite::Result<()> {
    tx.execute_batch(
        "CREATE TEMP TABLE IF NOT EXISTS fts_add(rowid INTEGER PRIMARY KEY);
         CREATE TEMP TABLE IF NOT EXISTS fts_del(rowid INTEGER PRIMARY KEY, title TEXT, body TEXT, tags TEXT);
         DELETE FROM temp.fts_add; DELETE FROM temp.fts_del;",
    )
}

/// Apply the batch's index changes: removals, then additions, each in rowid order.
fn flush_index(tx: &Connection) -> rusqlite::Result<()> {
    {
        let mut del =
            tx.prepare("SELECT rowid, title, body, tags FROM temp.fts_del ORDER BY rowid")?;
        let mut ins = tx.prepare_cached(
            "INSERT INTO posting_fts(posting_fts, rowid, title, body, tags) VALUES ('delete', ?1, ?2, ?3, ?4)",
        )?;
        let mut rows = del.query([])?;
        while let Some(r) = rows.next()? {
            ins.execute(params![
                r.get::<_, i64>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, String>(3)?
            ])?;
        }
    }
    {
        let mut add = tx.prepare(&format!(
            "SELECT p.rowid, {SELECT_COLUMNS} FROM temp.fts_add a JOIN posting p ON p.rowid = a.rowid ORDER BY a.rowid"
        ))?;
        let mut ins = tx.prepare_cached(
            "INSERT INTO posting_fts(rowid, title, body, tags) VALUES (?1, ?2, ?3, ?4)",
        )?;
        let mut rows = add.query([])?;
        while let Some(r) = rows.next()? {
            let rowid: i64 = r.get(0)?;
            let p = row_to_posting_at(r, 1)?;
            ins.execute(params![
                rowid,
                index_grams(&p.title),
                index_grams(&p.body_text()),
                tags(&p)
            ])?;
        }
    }
    tx.execute_batch("DELETE FROM temp.fts_add; DELETE FROM temp.fts_del;")
}

/// Remove a posting and (in the batch) its index entry. The index keeps no
/// copy of the text (it is contentless, to stay small), so the entry is
/// deleted by giving the index the same grams it was given when inserted
/// (this also works with the sqlite3 shells of older SQLite versions).
fn remove(tx: &Connection, rowid: i64) -> rusqlite::Result<()> {
    // Added earlier in this same batch: its entry is not in the index yet.
    let pending = tx
        .prepare_cached("DELETE FROM temp.fts_add WHERE rowid = ?1")?
        .execute([rowid])?;
    if pending == 0 {
        let p = tx
            .prepare_cached(&format!(
                "SELECT {SELECT_COLUMNS} FROM posting p WHERE p.rowid = ?1"
            ))?
            .query_row([rowid], row_to_posting)?;
        tx.prepare_cached(
            "INSERT INTO temp.fts_del(rowid, title, body, tags) VALUES (?1, ?2, ?3, ?4)",
        )?
        .execute(params![
            rowid,
            index_grams(&p.title),
            index_grams(&p.body_text()),
            tags(&p)
        ])?;
    }
    tx.prepare_cached("DELETE FROM posting WHERE rowid = ?1")?
        .execute([rowid])?;
    Ok(())
}

/// Insert or replace one posting and its index entry; true when it existed.
fn upsert(tx: &Connection, p: &Posting) -> rusqlite::Result<bool> {
    let old: Option<i64> = tx
        .prepare_cached("SELECT rowid FROM posting WHERE id = ?1")?
        .query_row([&p.id], |r| r.get(0))
        .optional()?;
    if let Some(rowid) = old {
        remove(tx, rowid)?;
    }
    let cats = format!(
        ",{},",
        p.categories
            .iter()
            .map(|c| c.key())
            .collect::<Vec<_>>()
            .join(",")
    );
    let lo = days(&p.published) << DAY_SHIFT;
    let last: Option<i64> = tx
        .prepare_cached("SELECT max(rowid) FROM posting WHERE rowid BETWEEN ?1 AND ?2")?
        .query_row([lo, lo + (1 << DAY_SHIFT) - 1], |r| r.get(0))?;
    let rowid = last.map_or(lo, |r| r + 1);
    let mut stmt = tx.prepare_cached(
        "INSERT INTO posting(rowid, id, title, employer, employer_kind, province, city, district, workplace, home_based,
            kind, categories, accessibility, pay_min, pay_max, hours, requirements, how_to_apply, contact, published,
            closing, source, sample)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23)",
    )?;
    stmt.execute(params![
        rowid,
        p.id,
        p.title,
        p.employer,
        p.employer_kind.key(),
        p.province,
        p.city,
        opt_text(&p.district),
        opt_text(&p.workplace),
        i64::from(p.home_based),
        p.kind.key(),
        cats,
        opt_text(&p.accessibility),
        p.pay_min,
        p.pay_max,
        opt_text(&p.hours),
        opt_text(&p.requirements),
        opt_text(&p.how_to_apply),
        opt_text(&p.contact),
        p.published,
        opt_text(&p.closing),
        p.source,
        i64::from(p.sample),
    ])?;
    tx.prepare_cached("INSERT INTO temp.fts_add(rowid) VALUES (?1)")?
        .execute([rowid])?;
    Ok(old.is_some())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn posting(id: usize, title: String, requirements: String) -> Posting {
        let mut f = std::collections::BTreeMap::new();
        for (k, v) in [
            ("id", format!("t{id}")),
            ("title", title),
            ("employer", "单位".to_string()),
            ("employer_kind", "private_enterprise".to_string()),
            (
                "province",
                if id.is_multiple_of(2) {
                    "贵州"
                } else {
                    "江西"
                }
                .to_string(),
            ),
            ("city", "某市".to_string()),
            ("kind", "open_market".to_string()),
            ("requirements", requirements),
            ("published", format!("2025-01-{:02}", id % 28 + 1)),
            ("source", "测试".to_string()),
        ] {
            f.insert(k.to_string(), v);
        }
        Posting::from_fields(&f).expect("valid test posting")
    }

    /// Search finds exactly the postings whose text contains the query, for
    /// queries of one to four characters, over text built from a small
    /// alphabet so that queries overlap a lot.
    #[test]
    fn search_matches_substring_semantics_for_every_query_length() {
        let alphabet: Vec<char> = "按摩客服云医疗盲人审核".chars().collect();
        let mut seed = 0x9e37_79b9_7f4a_7c15_u64;
        let mut next = move || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        let mut text = |n: usize| -> String {
            (0..n)
                .map(|_| alphabet[(next() % alphabet.len() as u64) as usize])
                .collect::<String>()
        };
        let postings: Vec<Posting> = (0..300)
            .map(|i| posting(i, text(4), format!("{}，{} Java", text(6), text(5))))
            .collect();
        let dir = tempfile::tempdir().expect("tempdir");
        let mut jobs = Jobs::open(&dir.path().join("jobs.sqlite"), b"").expect("open");
        let counts = jobs
            .import(|sink| {
                for p in &postings {
                    sink(Some(p.clone())).map_err(|()| "stopped")?;
                }
                Ok::<(), &str>(())
            })
            .expect("sql")
            .expect("import");
        assert_eq!(counts.added, 300);
        let mut queries: Vec<String> = vec!["java".into(), "JAV".into(), "按摩 客服".into()];
        for len in 1..=4 {
            for _ in 0..15 {
                queries.push(text(len));
            }
        }
        for q in queries {
            let (found, total) = jobs
                .search(&JobQuery {
                    text: Some(q.clone()),
                    limit: 1000,
                    ..JobQuery::default()
                })
                .expect("search");
            let mut got: Vec<String> = found.into_iter().map(|p| p.id).collect();
            got.sort();
            let terms: Vec<String> = q.split_whitespace().map(str::to_lowercase).collect();
            let mut want: Vec<String> = postings
                .iter()
                .filter(|p| {
                    let t = p.search_text().to_lowercase();
                    terms.iter().all(|term| t.contains(term.as_str()))
                })
                .map(|p| p.id.clone())
                .collect();
            want.sort();
            assert_eq!(got, want, "query {q:?}");
            assert_eq!(total, want.len(), "count for {q:?}");
        }
        // Newest first is date order; relevance puts title matches first.
        let (newest, _) = jobs
            .search(&JobQuery {
                text: Some("按".into()),
                sort: Sort::Newest,
                limit: 1000,
                ..JobQuery::default()
            })
            .expect("s");
        assert!(
            newest.windows(2).all(|w| w[0].published >= w[1].published),
            "newest first"
        );
        let (ranked, _) = jobs
            .search(&JobQuery {
                text: Some("按".into()),
                limit: 1000,
                ..JobQuery::default()
            })
            .expect("s");
        let first_body_only = ranked
            .iter()
            .position(|p| !p.title.contains('按'))
            .unwrap_or(ranked.len());
        assert!(
            ranked[first_body_only..]
                .iter()
                .all(|p| !p.title.contains('按')),
            "title matches come first"
        );
        // Filters combine with text.
        let (found, _) = jobs
            .search(&JobQuery {
                text: Some("按".into()),
                region: Some("贵州省".into()),
                limit: 1000,
                ..JobQuery::default()
            })
            .expect("search");
        assert!(found.iter().all(|p| p.province == "贵州"));
    }

    #[test]
    fn reimport_updates_and_a_failed_import_leaves_nothing() {
        let dir = tempfile::tempdir().expect("tempdir");
        let mut jobs = Jobs::open(&dir.path().join("jobs.sqlite"), b"").expect("open");
        let p = posting(1, "盲人按摩师".into(), "持证".into());
        let c = jobs
            .import(|sink| sink(Some(p.clone())).map_err(|()| "x"))
            .expect("sql")
            .expect("ok");
        assert_eq!((c.added, c.updated), (1, 0));
        let mut p2 = p.clone();
        p2.title = "盲人医疗按摩师".into();
        let c = jobs
            .import(|sink| sink(Some(p2.clone())).map_err(|()| "x"))
            .expect("sql")
            .expect("ok");
        assert_eq!((c.added, c.updated), (0, 1));
        assert_eq!(jobs.count().expect("count"), (1, 0));
        assert_eq!(
            jobs.search(&JobQuery {
                text: Some("医疗".into()),
                ..JobQuery::default()
            })
            .expect("s")
            .1,
            1
        );
        // The old text left the index with the old row.
        assert_eq!(
            jobs.search(&JobQuery {
                text: Some("人按".into()),
                ..JobQuery::default()
            })
            .expect("s")
            .1,
            0
        );
        // The same id twice in one file: the later row wins, the index stays exact.
        let mut p3 = p.clone();
        p3.title = "云客服".into();
        let mut p4 = p.clone();
        p4.title = "数据标注员".into();
        let c = jobs
            .import(|sink| {
                sink(Some(p3.clone())).map_err(|()| "x")?;
                sink(Some(p4.clone())).map_err(|()| "x")
            })
            .expect("sql")
            .expect("ok");
        assert_eq!((c.added, c.updated), (0, 2));
        assert_eq!(
            jobs.search(&JobQuery {
                text: Some("客服".into()),
                ..JobQuery::default()
            })
            .expect("s")
            .1,
            0
        );
        assert_eq!(
            jobs.search(&JobQuery {
                text: Some("标注".into()),
                ..JobQuery::default()
            })
            .expect("s")
            .1,
            1
        );
        assert_eq!(
            jobs.search(&JobQuery {
                text: Some("医疗".into()),
                ..JobQuery::default()
            })
            .expect("s")
            .1,
            0
        );
        // An import that fails half-way changes nothing.
        let r = jobs
            .import(|sink| {
                sink(Some(posting(2, "云客服".into(), String::new()))).map_err(|()| "x")?;
                Err::<(), &str>("the file broke off")
            })
            .expect("sql");
        assert_eq!(r, Err("the file broke off"));
        assert_eq!(jobs.count().expect("count"), (1, 0));
        assert_eq!(
            jobs.search(&JobQuery {
                text: Some("云客".into()),
                ..JobQuery::default()
            })
            .expect("s")
            .1,
            0
        );
        assert_eq!(jobs.integrity().expect("check"), "ok");
    }

    #[test]
    fn grams_let_every_character_start_a_token() {
        assert_eq!(index_grams("医疗按摩"), "医疗 疗按 按摩 摩");
        assert_eq!(index_grams("云客服(Python)"), "云客 客服 服 python");
        assert_eq!(index_grams("按"), "按");
    }

    #[test]
    fn queries_become_phrases_of_bigrams_or_prefixes() {
        assert_eq!(query_for("按摩").as_deref(), Some("\"按摩\""));
        assert_eq!(
            query_for("医疗按摩").as_deref(),
            Some("\"医疗\" + \"疗按\" + \"按摩\"")
        );
        assert_eq!(query_for("摩").as_deref(), Some("\"摩\"*"));
        assert_eq!(
            query_for("客服 贵阳").as_deref(),
            Some("\"客服\" AND \"贵阳\"")
        );
        assert_eq!(query_for("py").as_deref(), Some("\"py\"*"));
        assert_eq!(query_for("\"*()"), None);
        assert!(
            match_expr("醫療").is_some_and(|x| x.contains("OR")),
            "both scripts"
        );
    }
}
