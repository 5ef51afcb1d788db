//! Reading policy measures and regional targets from the cache.

use rusqlite::{params_from_iter, types::Value};

use super::{Cache, Result, sql_err};
use crate::domain::measures::{Action, MeasureKind};

#[derive(Debug, Clone, PartialEq)]
pub struct NumberRow {
    pub what: String,
    pub value: f64,
    pub unit: String,
    pub per: Option<String>,
    pub written: String,
    pub quote: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct MeasureRow {
    /// `<document>/<measure id>`.
    pub id: String,
    pub document_id: String,
    pub region_id: String,
    pub region_name: String,
    pub clause: String,
    pub action: Action,
    pub kind: MeasureKind,
    /// In the script asked for.
    pub summary: String,
    pub beneficiaries: Vec<String>,
    pub responsible: Vec<String>,
    /// (YYYY-MM-DD, the words of the text).
    pub deadline: Option<(String, String)>,
    /// Verbatim, as in the source.
    pub quote: String,
    /// The quote in the script asked for.
    pub quote_display: String,
    pub source: String,
    /// The reader's paragraph (0-based) that holds the quote.
    pub paragraph: Option<usize>,
    pub numbers: Vec<NumberRow>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct TargetRow {
    pub id: String,
    pub document_id: String,
    pub region_id: String,
    pub region_name: String,
    pub clause: String,
    pub metric: String,
    pub what: String,
    pub value: f64,
    pub unit: String,
    pub period: Option<String>,
    pub written: String,
    pub quote: String,
    pub source: String,
    pub paragraph: Option<usize>,
}

/// Which measures to list. Empty fields match everything.
#[derive(Debug, Clone, Default)]
pub struct MeasureFilter {
    pub region: Option<String>,
    pub action: Option<Action>,
    /// Words to find in the summary, quote, clause or responsible units, in
    /// either script; any length, one character included.
    pub query: Option<String>,
}

fn like_pattern(q: &str) -> String {
    let mut p = String::from("%");
    for c in q.chars() {
        if matches!(c, '%' | '_' | '\\') {
            p.push('\\');
        }
        p.push(c);
    }
    p.push('%');
    p
}

impl Cache {
    /// How many measures each action has in a region, in the actions' order.
    pub fn action_counts(&self, region_id: &str) -> Result<Vec<(Action, usize)>> {
        let e = sql_err(self.path());
        let mut stmt = self
            .conn()
            .prepare_cached(
                "SELECT action, count(*) FROM measure WHERE region_id = ?1 GROUP BY action",
            )
            .map_err(&e)?;
        let rows: Vec<(String, i64)> = stmt
            .query_map([region_id], |r| Ok((r.get(0)?, r.get(1)?)))
            .map_err(&e)?
            .collect::<rusqlite::Result<_>>()
            .map_err(&e)?;
        let mut out: Vec<(Action, usize)> = rows
            .into_iter()
            .filter_map(|(a, n)| Action::from_key(&a).map(|a| (a, n as usize)))
            .collect();
        out.sort_by_key(|(a, _)| Action::ALL.iter().position(|x| x == a));
        Ok(out)
    }

    pub fn measures(&self, filter: &MeasureFilter, traditional: bool) -> Result<Vec<MeasureRow>> {
        let e = sql_err(self.path());
        let mut sql = String::from(
            "SELECT m.id, m.document_id, m.region_id, r.name, m.clause, m.action, m.kind,
                    CASE WHEN ?1 THEN m.summary_hant ELSE m.summary_hans END,
                    m.beneficiaries, m.responsible, m.deadline_date, m.deadline_quote, m.quote,
                    CASE WHEN ?1 THEN m.quote_hant ELSE m.quote_hans END, d.source, m.paragraph_seq
             FROM measure m JOIN region r ON r.id = m.region_id JOIN document d ON d.id = m.document_id
             WHERE 1",
        );
        let mut args: Vec<Value> = vec![Value::Integer(i64::from(traditional))];
        if let Some(r) = &filter.region {
            args.push(Value::Text(r.clone()));
            sql.push_str(&format!(" AND m.region_id = ?{}", args.len()));
        }
        if let Some(a) = filter.action {
            args.push(Value::Text(a.key().to_string()));
            sql.push_str(&format!(" AND m.action = ?{}", args.len()));
        }
        if let Some(q) = filter
            .query
            .as_deref()
            .map(str::trim)
            .filter(|q| !q.is_empty())
        {
            args.push(Value::Text(like_pattern(q)));
            let n = args.len();
            sql.push_str(&format!(
                " AND (m.summary_hans LIKE ?{n} ESCAPE '\\' OR m.summary_hant LIKE ?{n} ESCAPE '\\'
                   OR m.quote_hans LIKE ?{n} ESCAPE '\\' OR m.quote_hant LIKE ?{n} ESCAPE '\\'
                   OR m.clause LIKE ?{n} ESCAPE '\\' OR m.responsible LIKE ?{n} ESCAPE '\\')"
            ));
        }
        sql.push_str(" ORDER BY r.ord, m.ord");
        let mut stmt = self.conn().prepare_cached(&sql).map_err(&e)?;
        let mut rows: Vec<MeasureRow> = stmt
            .query_map(params_from_iter(args.iter()), |r| {
                let deadline = match (
                    r.get::<_, Option<String>>(10)?,
                    r.get::<_, Option<String>>(11)?,
                ) {
                    (Some(d), Some(q)) => Some((d, q)),
                    _ => None,
                };
                let split = |s: String, sep: char| -> Vec<String> {
                    s.split(sep)
                        .filter(|x| !x.is_empty())
                        .map(str::to_string)
                        .collect()
                };
                Ok(MeasureRow {
                    id: r.get(0)?,
                    document_id: r.get(1)?,
                    region_id: r.get(2)?,
                    region_name: r.get(3)?,
                    clause: r.get(4)?,
                    action: Action::from_key(&r.get::<_, String>(5)?).unwrap_or(Action::General),
                    kind: MeasureKind::from_key(&r.get::<_, String>(6)?)
                        .unwrap_or(MeasureKind::Duty),
                    summary: r.get(7)?,
                    beneficiaries: split(r.get(8)?, ','),
                    responsible: split(r.get(9)?, '\u{1f}'),
                    deadline,
                    quote: r.get(12)?,
                    quote_display: r.get(13)?,
                    source: r.get(14)?,
                    paragraph: r.get::<_, Option<i64>>(15)?.map(|p| p as usize),
                    numbers: vec![],
                })
            })
            .map_err(&e)?
            .collect::<rusqlite::Result<_>>()
            .map_err(&e)?;
        let mut nstmt = self
            .conn()
            .prepare_cached("SELECT what, value, unit, per, written, quote FROM measure_number WHERE measure_id = ?1 ORDER BY seq")
            .map_err(&e)?;
        for m in &mut rows {
            m.numbers = nstmt
                .query_map([&m.id], |r| {
                    Ok(NumberRow {
                        what: r.get(0)?,
                        value: r.get(1)?,
                        unit: r.get(2)?,
                        per: r.get(3)?,
                        written: r.get(4)?,
                        quote: r.get(5)?,
                    })
                })
                .map_err(&e)?
                .collect::<rusqlite::Result<_>>()
                .map_err(&e)?;
        }
        Ok(rows)
    }

    /// These measures, in the order given (unknown ids are left out).
    pub fn measures_by_id(&self, ids: &[String], traditional: bool) -> Result<Vec<MeasureRow>> {
        if ids.is_empty() {
            return Ok(vec![]);
        }
        let mut all = self.measures(&MeasureFilter::default(), traditional)?;
        Ok(ids
            .iter()
            .filter_map(|id| {
                let i = all.iter().position(|m| &m.id == id)?;
                Some(all.swap_remove(i))
            })
            .collect())
    }

    pub fn targets(&self, region: Option<&str>) -> Result<Vec<TargetRow>> {
        let e = sql_err(self.path());
        let mut stmt = self
            .conn()
            .prepare_cached(
                "SELECT t.id, t.document_id, t.region_id, r.name, t.clause, t.metric, t.what, t.value, t.unit, t.period,
                        t.written, t.quote, d.source, t.paragraph_seq
                 FROM target t JOIN region r ON r.id = t.region_id JOIN document d ON d.id = t.document_id
                 WHERE ?1 IS NULL OR t.region_id = ?1 ORDER BY r.ord, t.ord",
            )
            .map_err(&e)?;
        let rows = stmt
            .query_map([region], |r| {
                Ok(TargetRow {
                    id: r.get(0)?,
                    document_id: r.get(1)?,
                    region_id: r.get(2)?,
                    region_name: r.get(3)?,
                    clause: r.get(4)?,
                    metric: r.get(5)?,
                    what: r.get(6)?,
                    value: r.get(7)?,
                    unit: r.get(8)?,
                    period: r.get(9)?,
                    written: r.get(10)?,
                    quote: r.get(11)?,
                    source: r.get(12)?,
                    paragraph: r.get::<_, Option<i64>>(13)?.map(|p| p as usize),
                })
            })
            .map_err(&e)?;
        rows.collect::<rusqlite::Result<_>>().map_err(&e)
    }

    /// A region by id or by name (江西, 江西省, jiangxi).
    pub fn find_region(&self, key: &str) -> Result<Option<super::cache::RegionRow>> {
        let k = key.trim();
        Ok(self.regions()?.into_iter().find(|r| {
            r.id.eq_ignore_ascii_case(k)
                || r.name == k
                || k.strip_suffix('省')
                    .or_else(|| k.strip_suffix('市'))
                    .is_some_and(|s| s == r.name)
                || zhconv::zhconv(k, zhconv::Variant::ZhCN) == r.name
        }))
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn like_patterns_escape_wildcards() {
        assert_eq!(super::like_pattern("50%"), "%50\\%%");
        assert_eq!(super::like_pattern("a_b"), "%a\\_b%");
    }
}
