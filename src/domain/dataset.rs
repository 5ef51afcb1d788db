//! The bundled (or `--data`) files, parsed and checked. Pure: the caller
//! hands in file names and bytes; nothing here reads the disk.

use std::collections::{BTreeMap, HashSet};

use serde::Deserialize;
use sha2::{Digest, Sha256};

use super::measures::{Measure, MeasuresFile, Target};
use super::paths::{MassagePath, PathsFile};
use super::plans::{PlanDocument, Region, paragraphs};
use super::rules::{Citation, Rule, RulesFile, precedence_conflicts};

/// The name of the plans file under `data/`.
pub const PLANS_FILE: &str = "plans.toml";
/// Source texts live here under `data/`.
pub const SOURCES_DIR: &str = "sources/";
/// Measures, one file per document, live here under `data/`.
pub const MEASURES_DIR: &str = "measures/";
/// Entitlement rules, one file per scope, live here under `data/`.
pub const RULES_DIR: &str = "rules/";
/// Paths (the blind massage routes), step by step, live here under `data/`.
pub const PATHS_DIR: &str = "paths/";

/// What is wrong with a data file. The file and line say where; the kind
/// says what, worded by the i18n layer.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{file}{}: {kind}", line.map(|l| format!(":{l}")).unwrap_or_default())]
pub struct DataError {
    pub file: String,
    pub line: Option<usize>,
    pub kind: DataErrorKind,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DataErrorKind {
    #[error("missing file")]
    MissingFile,
    #[error("not UTF-8 text")]
    NotUtf8,
    #[error("syntax: {0}")]
    Syntax(String),
    #[error("duplicate id {0:?}")]
    DuplicateId(String),
    #[error("unknown region {0:?}")]
    UnknownRegion(String),
    #[error("source file {0:?} not found under sources/")]
    MissingSource(String),
    #[error("quote for {field} not found in {source_file}: {quote:?}")]
    QuoteNotFound {
        field: String,
        source_file: String,
        quote: String,
    },
    #[error("bad date {0:?} (use YYYY-MM-DD)")]
    BadDate(String),
    #[error("period from {from} is after to {to}")]
    BadPeriod { from: u16, to: u16 },
    #[error("line to omit not found in source: {0:?}")]
    OmitNotFound(String),
    #[error("document has no citation for {0}")]
    Uncited(String),
    #[error("unknown document {0:?}")]
    UnknownDocument(String),
    #[error("file should be named {0}")]
    FileName(String),
    #[error("{id}: {written:?} is not in the number's quote")]
    NumberNotInQuote { id: String, written: String },
    #[error("{0}: empty field {1}")]
    Empty(String, &'static str),
    #[error("document {0:?} has measures in two files")]
    DuplicateDocument(String),
    #[error("rule {rule}: {problem}")]
    BadCondition { rule: String, problem: String },
    #[error("unknown scope {0:?} (national or a region id)")]
    UnknownScope(String),
    #[error("rule {rule} overrides unknown rule {target:?}")]
    UnknownOverride { rule: String, target: String },
    #[error("rules {0} and {1} share a topic and can both apply, with no precedence (overrides)")]
    NoPrecedence(String, String),
    /// A field of an application form (`forms/`) that cannot work.
    #[error("field {field}: {problem}")]
    BadField { field: String, problem: String },
    #[error("{0}")]
    BadPath(String),
    #[error("{item} links to unknown {what} {id:?}")]
    UnknownLink {
        item: String,
        what: &'static str,
        id: String,
    },
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PlansFile {
    region: Vec<Region>,
    document: Vec<PlanDocument>,
}

/// One data file: its path under `data/` (with `/` separators) and its bytes.
pub type DataFile = (String, std::borrow::Cow<'static, [u8]>);

/// A document with its text split for reading.
#[derive(Debug, Clone)]
pub struct LoadedDocument {
    pub doc: PlanDocument,
    pub paragraphs: Vec<String>,
}

/// The measures and targets of one document.
#[derive(Debug, Clone)]
pub struct DocumentMeasures {
    pub document: String,
    pub measures: Vec<Measure>,
    pub targets: Vec<Target>,
}

/// Everything in `data/`, checked.
#[derive(Debug, Clone)]
pub struct DataSet {
    pub regions: Vec<Region>,
    pub documents: Vec<LoadedDocument>,
    pub measures: Vec<DocumentMeasures>,
    /// Entitlement rules of every scope, checked.
    pub rules: Vec<Rule>,
    /// Application forms (`forms/<kind>.toml`), checked.
    pub forms: Vec<super::forms::Form>,
    /// The blind massage paths, checked.
    pub paths: Vec<MassagePath>,
    /// Source texts by file name.
    pub sources: BTreeMap<String, String>,
    /// SHA-256 of every file's name and bytes: the cache is rebuilt when it changes.
    pub hash: String,
}

/// Content hash of a set of files (name and bytes, in name order).
pub fn content_hash(files: &[DataFile]) -> String {
    let mut sorted: Vec<&DataFile> = files.iter().collect();
    sorted.sort_by(|a, b| a.0.cmp(&b.0));
    let mut h = Sha256::new();
    for (name, bytes) in sorted {
        h.update((name.len() as u64).to_le_bytes());
        h.update(name.as_bytes());
        h.update((bytes.len() as u64).to_le_bytes());
        h.update(bytes);
    }
    h.finalize().iter().map(|b| format!("{b:02x}")).collect()
}

fn text_of(name: &str, bytes: &[u8]) -> Result<String, DataError> {
    let s = std::str::from_utf8(bytes).map_err(|_| DataError {
        file: name.to_string(),
        line: None,
        kind: DataErrorKind::NotUtf8,
    })?;
    Ok(s.strip_prefix('\u{feff}').unwrap_or(s).to_string())
}

/// A data file's TOML, parsed; a syntax error names the file and its line.
pub(crate) fn parse_toml<T: serde::de::DeserializeOwned>(
    name: &str,
    text: &str,
) -> Result<T, DataError> {
    toml::from_str(text).map_err(|e| DataError {
        file: name.to_string(),
        line: e
            .span()
            .map(|s| text[..s.start.min(text.len())].matches('\n').count() + 1),
        kind: DataErrorKind::Syntax(e.message().to_string()),
    })
}

/// 1-based line of the first occurrence of `needle` in `text`.
fn line_of(text: &str, needle: &str) -> Option<usize> {
    text.find(needle)
        .map(|i| text[..i].matches('\n').count() + 1)
}

fn valid_date(s: &str) -> bool {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return false;
    }
    let num = |r: std::ops::Range<usize>| s.get(r).and_then(|x| x.parse::<u32>().ok());
    matches!((num(0..4), num(5..7), num(8..10)), (Some(_), Some(m @ 1..=12), Some(d @ 1..=31)) if !(m == 2 && d > 29))
}

impl DataSet {
    /// Parse and check every file. The first error found is returned: a data
    /// file with a mistake must be fixed, not half-loaded.
    pub fn from_files(files: &[DataFile]) -> Result<DataSet, DataError> {
        let hash = content_hash(files);
        let mut sources = BTreeMap::new();
        let mut plans_text = None;
        let mut measure_files = vec![];
        let mut rule_files = vec![];
        let mut path_files = vec![];
        for (name, bytes) in files {
            if let Some(p) = name.strip_prefix(PATHS_DIR) {
                if p.ends_with(".toml") {
                    path_files.push((name.clone(), text_of(name, bytes)?));
                }
            } else if let Some(r) = name.strip_prefix(RULES_DIR) {
                if r.ends_with(".toml") {
                    rule_files.push((name.clone(), text_of(name, bytes)?));
                }
            } else if let Some(m) = name.strip_prefix(MEASURES_DIR) {
                if m.ends_with(".toml") {
                    measure_files.push((name.clone(), text_of(name, bytes)?));
                }
            } else if let Some(src) = name.strip_prefix(SOURCES_DIR) {
                // Seed texts, and the national reference file rules cite.
                if src.ends_with(".txt") || (src.ends_with(".md") && src != "README.md") {
                    sources.insert(src.to_string(), text_of(name, bytes)?);
                }
            } else if name == PLANS_FILE {
                plans_text = Some(text_of(name, bytes)?);
            }
        }
        let plans_text = plans_text.ok_or_else(|| DataError {
            file: PLANS_FILE.into(),
            line: None,
            kind: DataErrorKind::MissingFile,
        })?;
        let parsed: PlansFile = parse_toml(PLANS_FILE, &plans_text)?;
        // Errors in a record point at the line of its id.
        let err_at = |id: &str, kind: DataErrorKind| DataError {
            file: PLANS_FILE.into(),
            line: line_of(&plans_text, &format!("id = {id:?}")),
            kind,
        };
        let mut ids = HashSet::new();
        for r in &parsed.region {
            if !ids.insert(r.id.clone()) {
                return Err(err_at(&r.id, DataErrorKind::DuplicateId(r.id.clone())));
            }
        }
        let region_ids: HashSet<&str> = parsed.region.iter().map(|r| r.id.as_str()).collect();
        let mut documents = Vec::new();
        for d in parsed.document {
            if !ids.insert(d.id.clone()) {
                return Err(err_at(&d.id, DataErrorKind::DuplicateId(d.id.clone())));
            }
            if !region_ids.contains(d.region.as_str()) {
                return Err(err_at(
                    &d.id,
                    DataErrorKind::UnknownRegion(d.region.clone()),
                ));
            }
            let Some(text) = sources.get(&d.source) else {
                return Err(err_at(
                    &d.id,
                    DataErrorKind::MissingSource(d.source.clone()),
                ));
            };
            if let Some(date) = &d.issued
                && !valid_date(date)
            {
                return Err(err_at(&d.id, DataErrorKind::BadDate(date.clone())));
            }
            if d.period.from > d.period.to {
                return Err(err_at(
                    &d.id,
                    DataErrorKind::BadPeriod {
                        from: d.period.from,
                        to: d.period.to,
                    },
                ));
            }
            for c in &d.citations {
                if !text.contains(&c.quote) {
                    return Err(err_at(
                        &d.id,
                        DataErrorKind::QuoteNotFound {
                            field: c.field.clone(),
                            source_file: d.source.clone(),
                            quote: c.quote.clone(),
                        },
                    ));
                }
            }
            // Title, issuer and date are facts about the document: each must be cited.
            let mut must_cite = vec!["title", "issuer"];
            if d.issued.is_some() {
                must_cite.push("issued");
            }
            for f in must_cite {
                if !d.citations.iter().any(|c| c.field == f) {
                    return Err(err_at(&d.id, DataErrorKind::Uncited(f.to_string())));
                }
            }
            for o in &d.omit_lines {
                if !text.lines().any(|l| l.trim() == o.trim()) {
                    return Err(err_at(&d.id, DataErrorKind::OmitNotFound(o.clone())));
                }
            }
            let paragraphs = paragraphs(text, &d.omit_lines);
            documents.push(LoadedDocument { doc: d, paragraphs });
        }
        let mut measures = vec![];
        for (name, text) in &measure_files {
            measures.push(check_measures(name, text, &documents, &sources)?);
        }
        let mut seen = HashSet::new();
        for m in &measures {
            if !seen.insert(m.document.clone()) {
                return Err(DataError {
                    file: MEASURES_DIR.into(),
                    line: None,
                    kind: DataErrorKind::DuplicateDocument(m.document.clone()),
                });
            }
        }
        // Measures in the order of their documents.
        measures.sort_by_key(|m| documents.iter().position(|d| d.doc.id == m.document));
        let region_ids: Vec<&str> = parsed.region.iter().map(|r| r.id.as_str()).collect();
        let mut rules = vec![];
        for (name, text) in &rule_files {
            rules.extend(check_rules(name, text, &region_ids, &sources)?);
        }
        check_rule_set(&rule_files, &rules)?;
        let forms = super::forms::load_forms(files)?;
        for r in &mut rules {
            r.spec.from_draft = documents.iter().any(|d| {
                d.doc.status == super::plans::DocumentStatus::Draft
                    && d.doc.source == r.spec.citation.source
            });
        }
        let mut paths = vec![];
        for (name, text) in &path_files {
            paths.extend(check_paths(name, text, &sources, &measures, &rules)?);
        }
        let mut step_ids = HashSet::new();
        for p in &paths {
            for s in &p.steps {
                if !step_ids.insert(s.spec.id.clone()) {
                    return Err(DataError {
                        file: PATHS_DIR.into(),
                        line: None,
                        kind: DataErrorKind::DuplicateId(s.spec.id.clone()),
                    });
                }
            }
        }
        Ok(DataSet {
            regions: parsed.region,
            documents,
            measures,
            rules,
            forms,
            paths,
            sources,
            hash,
        })
    }
}

/// A citation's source exists, its clause is given and its quote is verbatim there.
fn check_citation(
    sources: &BTreeMap<String, String>,
    item: &str,
    field: &str,
    c: &Citation,
) -> Result<(), DataErrorKind> {
    let Some(src) = sources.get(&c.source) else {
        return Err(DataErrorKind::MissingSource(c.source.clone()));
    };
    if c.clause.trim().is_empty() {
        return Err(DataErrorKind::Empty(item.to_string(), "clause"));
    }
    if c.quote.trim().is_empty() || !src.contains(&c.quote) {
        return Err(DataErrorKind::QuoteNotFound {
            field: field.to_string(),
            source_file: c.source.clone(),
            quote: c.quote.clone(),
        });
    }
    Ok(())
}

/// Parse one paths file: every step and requirement cited verbatim, links
/// to measures and rules that exist, conditions and step references sound.
fn check_paths(
    name: &str,
    text: &str,
    sources: &BTreeMap<String, String>,
    measures: &[DocumentMeasures],
    rules: &[Rule],
) -> Result<Vec<MassagePath>, DataError> {
    let parsed: PathsFile = parse_toml(name, text)?;
    let err = |id: &str, kind: DataErrorKind| DataError {
        file: name.to_string(),
        line: line_of(text, &format!("id = {id:?}")),
        kind,
    };
    // Measures are named `<document>/<id>`, as the cache and the CLI name them.
    let measure_ids: HashSet<String> = measures
        .iter()
        .flat_map(|d| {
            d.measures
                .iter()
                .map(move |m| format!("{}/{}", d.document, m.id))
        })
        .collect();
    let rule_ids: HashSet<&str> = rules.iter().map(|r| r.spec.id.as_str()).collect();
    let mut out = vec![];
    for spec in parsed.paths {
        for c in &spec.citations {
            check_citation(sources, &spec.id, "citation", c).map_err(|k| err(&spec.id, k))?;
        }
        for s in &spec.steps {
            let id = s.id.as_str();
            for (field, v) in [("title", &s.title), ("what", &s.what)] {
                if v.trim().is_empty() {
                    return Err(err(id, DataErrorKind::Empty(id.to_string(), field)));
                }
            }
            for c in &s.citations {
                check_citation(sources, id, "citation", c).map_err(|k| err(id, k))?;
            }
            for r in &s.requirements {
                check_citation(sources, id, "requires", &r.citation).map_err(|k| err(id, k))?;
            }
            for m in &s.measures {
                if !measure_ids.contains(m) {
                    return Err(err(
                        id,
                        DataErrorKind::UnknownLink {
                            item: id.to_string(),
                            what: "measure",
                            id: m.clone(),
                        },
                    ));
                }
            }
            if let Some(k) = &s.apply
                && super::forms::Kind::from_key(k).is_none()
            {
                return Err(err(
                    id,
                    DataErrorKind::UnknownLink {
                        item: id.to_string(),
                        what: "application kind",
                        id: k.clone(),
                    },
                ));
            }
            for r in &s.rules {
                if !rule_ids.contains(r.as_str()) {
                    return Err(err(
                        id,
                        DataErrorKind::UnknownLink {
                            item: id.to_string(),
                            what: "rule",
                            id: r.clone(),
                        },
                    ));
                }
            }
        }
        out.push(MassagePath::check(spec).map_err(|e| {
            let at = match &e {
                super::paths::PathError::Condition { step, .. }
                | super::paths::PathError::UnknownStep { step, .. } => step.clone(),
                super::paths::PathError::SkipReason(s)
                | super::paths::PathError::Uncited(s)
                | super::paths::PathError::StepInFacts(s)
                | super::paths::PathError::NoSteps(s) => s.clone(),
            };
            err(&at, DataErrorKind::BadPath(e.to_string()))
        })?);
    }
    Ok(out)
}

/// Parse one rules file: conditions, citations (quotes verbatim), scope.
fn check_rules(
    name: &str,
    text: &str,
    regions: &[&str],
    sources: &BTreeMap<String, String>,
) -> Result<Vec<Rule>, DataError> {
    let parsed: RulesFile = parse_toml(name, text)?;
    let err = |id: &str, kind: DataErrorKind| DataError {
        file: name.to_string(),
        line: line_of(text, &format!("id = {id:?}")),
        kind,
    };
    let cited = |id: &str, field: &str, c: &Citation| -> Result<(), DataError> {
        check_citation(sources, id, field, c).map_err(|k| err(id, k))
    };
    let mut out = vec![];
    for spec in parsed.rules {
        let id = spec.id.clone();
        if spec.scope != "national" && !regions.contains(&spec.scope.as_str()) {
            return Err(err(&id, DataErrorKind::UnknownScope(spec.scope.clone())));
        }
        for (field, v) in [
            ("title", &spec.title),
            ("topic", &spec.topic),
            ("benefit", &spec.benefit),
        ] {
            if v.trim().is_empty() {
                return Err(err(&id, DataErrorKind::Empty(id.clone(), field)));
            }
        }
        for d in [&spec.valid_from, &spec.valid_until].into_iter().flatten() {
            if !valid_date(d) {
                return Err(err(&id, DataErrorKind::BadDate(d.clone())));
            }
        }
        cited(&id, "citation", &spec.citation)?;
        for a in &spec.amounts {
            cited(&id, "amount", &a.citation)?;
            let written = a
                .written
                .clone()
                .unwrap_or_else(|| super::measures::format_value(a.value));
            if !a.citation.quote.contains(&written) {
                return Err(err(
                    &id,
                    DataErrorKind::NumberNotInQuote {
                        id: id.clone(),
                        written,
                    },
                ));
            }
        }
        let conditions = spec
            .conditions
            .iter()
            .map(|c| {
                let c = c.check()?;
                if c.mentions_step() {
                    return Err(super::rules::ConditionError::StepOutsidePath);
                }
                Ok(c)
            })
            .collect::<Result<Vec<_>, _>>()
            .map_err(|e| {
                err(
                    &id,
                    DataErrorKind::BadCondition {
                        rule: id.clone(),
                        problem: e.to_string(),
                    },
                )
            })?;
        out.push(Rule { spec, conditions });
    }
    Ok(out)
}

/// Checks across all rules: unique ids, known overrides, explicit precedence.
fn check_rule_set(files: &[(String, String)], rules: &[Rule]) -> Result<(), DataError> {
    let at = |id: &str, kind: DataErrorKind| {
        let needle = format!("id = {id:?}");
        let (file, line) = files
            .iter()
            .find_map(|(n, t)| line_of(t, &needle).map(|l| (n.clone(), Some(l))))
            .unwrap_or_else(|| (RULES_DIR.to_string(), None));
        DataError { file, line, kind }
    };
    let mut ids = HashSet::new();
    for r in rules {
        if !ids.insert(r.spec.id.as_str()) {
            return Err(at(
                &r.spec.id,
                DataErrorKind::DuplicateId(r.spec.id.clone()),
            ));
        }
    }
    for r in rules {
        for o in &r.spec.overrides {
            if !ids.contains(o.as_str()) {
                return Err(at(
                    &r.spec.id,
                    DataErrorKind::UnknownOverride {
                        rule: r.spec.id.clone(),
                        target: o.clone(),
                    },
                ));
            }
        }
    }
    if let Some((a, b)) = precedence_conflicts(rules).into_iter().next() {
        return Err(at(&b, DataErrorKind::NoPrecedence(a, b.clone())));
    }
    Ok(())
}

/// Parse one measures file and check every quote against its document's source.
fn check_measures(
    name: &str,
    text: &str,
    documents: &[LoadedDocument],
    sources: &BTreeMap<String, String>,
) -> Result<DocumentMeasures, DataError> {
    let parsed: MeasuresFile = parse_toml(name, text)?;
    let err = |id: Option<&str>, kind: DataErrorKind| DataError {
        file: name.to_string(),
        line: id.and_then(|id| line_of(text, &format!("id = {id:?}"))),
        kind,
    };
    let Some(doc) = documents.iter().find(|d| d.doc.id == parsed.document) else {
        return Err(err(
            None,
            DataErrorKind::UnknownDocument(parsed.document.clone()),
        ));
    };
    let expected = format!("{MEASURES_DIR}{}.toml", doc.doc.id);
    if name != expected {
        return Err(err(None, DataErrorKind::FileName(expected)));
    }
    let source = &sources[&doc.doc.source];
    let quoted = |id: &str, field: &str, quote: &str| -> Result<(), DataError> {
        if quote.trim().is_empty() || !source.contains(quote) {
            return Err(err(
                Some(id),
                DataErrorKind::QuoteNotFound {
                    field: field.to_string(),
                    source_file: doc.doc.source.clone(),
                    quote: quote.to_string(),
                },
            ));
        }
        Ok(())
    };
    let mut ids = HashSet::new();
    for m in &parsed.measures {
        if !ids.insert(m.id.as_str()) {
            return Err(err(Some(&m.id), DataErrorKind::DuplicateId(m.id.clone())));
        }
        for (field, value) in [("clause", &m.clause), ("summary", &m.summary)] {
            if value.trim().is_empty() {
                return Err(err(Some(&m.id), DataErrorKind::Empty(m.id.clone(), field)));
            }
        }
        quoted(&m.id, "quote", &m.quote)?;
        if let Some(d) = &m.deadline {
            if !valid_date(&d.date) {
                return Err(err(Some(&m.id), DataErrorKind::BadDate(d.date.clone())));
            }
            quoted(&m.id, "deadline", &d.quote)?;
        }
        for n in &m.numbers {
            quoted(&m.id, "number", &n.quote)?;
            let written = n.as_written();
            if !n.quote.contains(&written) {
                return Err(err(
                    Some(&m.id),
                    DataErrorKind::NumberNotInQuote {
                        id: m.id.clone(),
                        written,
                    },
                ));
            }
        }
    }
    for t in &parsed.targets {
        if !ids.insert(t.id.as_str()) {
            return Err(err(Some(&t.id), DataErrorKind::DuplicateId(t.id.clone())));
        }
        quoted(&t.id, "quote", &t.quote)?;
        let written = t.as_written();
        if !t.quote.contains(&written) {
            return Err(err(
                Some(&t.id),
                DataErrorKind::NumberNotInQuote {
                    id: t.id.clone(),
                    written,
                },
            ));
        }
    }
    Ok(DocumentMeasures {
        document: parsed.document,
        measures: parsed.measures,
        targets: parsed.targets,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn files(plans: &str) -> Vec<DataFile> {
        vec![
            (PLANS_FILE.to_string(), plans.as_bytes().to_vec().into()),
            (
                "sources/a.txt".to_string(),
                "某市方案\n某市残联\n2023年1月2日\n正文第一段\n"
                    .as_bytes()
                    .to_vec()
                    .into(),
            ),
        ]
    }

    const GOOD: &str = r#"
[[region]]
id = "r"
name = "某市"
province = "某省"
level = "city"

[[document]]
id = "d"
region = "r"
issuer = "某市残联"
title = "某市方案"
issued = "2023-01-02"
period = { from = 2023, to = 2025 }
status = "in_force"
source = "a.txt"
script = "simplified"
citations = [
  { field = "title", quote = "某市方案" },
  { field = "issuer", quote = "某市残联" },
  { field = "issued", quote = "2023年1月2日" },
]
"#;

    #[test]
    fn good_data_loads_with_paragraphs() {
        let ds = DataSet::from_files(&files(GOOD)).expect("loads");
        assert_eq!(ds.documents[0].paragraphs.len(), 4);
        assert_eq!(ds.hash.len(), 64);
    }

    #[test]
    fn a_quote_not_in_the_source_is_an_error_with_its_line() {
        let bad = GOOD.replace("quote = \"某市残联\"", "quote = \"另一个单位\"");
        let e = DataSet::from_files(&files(&bad)).expect_err("must fail");
        assert!(matches!(e.kind, DataErrorKind::QuoteNotFound { .. }), "{e}");
        assert_eq!(e.line, Some(9), "points at the document's id line");
    }

    #[test]
    fn an_uncited_issuer_is_an_error() {
        let bad = GOOD.replace("  { field = \"issuer\", quote = \"某市残联\" },\n", "");
        let e = DataSet::from_files(&files(&bad)).expect_err("must fail");
        assert_eq!(e.kind, DataErrorKind::Uncited("issuer".into()));
    }

    #[test]
    fn syntax_errors_name_the_line() {
        let bad = GOOD.replace("level = \"city\"", "level = city");
        let e = DataSet::from_files(&files(&bad)).expect_err("must fail");
        assert!(matches!(e.kind, DataErrorKind::Syntax(_)));
        assert_eq!(e.line, Some(6));
    }

    #[test]
    fn unknown_fields_unknown_regions_and_bad_dates_are_errors() {
        let e = DataSet::from_files(&files(
            &GOOD.replace("script =", "colour = \"red\"\nscript ="),
        ))
        .expect_err("x");
        assert!(matches!(e.kind, DataErrorKind::Syntax(_)));
        let e = DataSet::from_files(&files(&GOOD.replace("region = \"r\"", "region = \"q\"")))
            .expect_err("x");
        assert_eq!(e.kind, DataErrorKind::UnknownRegion("q".into()));
        let e =
            DataSet::from_files(&files(&GOOD.replace("2023-01-02", "2023-02-30"))).expect_err("x");
        assert_eq!(e.kind, DataErrorKind::BadDate("2023-02-30".into()));
    }

    const MEASURES: &str = r#"
document = "d"

[[measure]]
id = "1"
clause = "一"
action = "public_bodies"
kind = "duty"
summary = "机关带头"
beneficiaries = ["disabled_people"]
quote = "正文第一段"

  [[measure.number]]
  what = "段"
  value = 1
  unit = "段"
  written = "一"
  quote = "正文第一段"

[[target]]
id = "t"
clause = "一"
metric = "new_jobs"
what = "x"
value = 2023
unit = "年"
quote = "2023年1月2日"
"#;

    fn with_measures(m: &str) -> Vec<DataFile> {
        let mut f = files(GOOD);
        f.push(("measures/d.toml".to_string(), m.as_bytes().to_vec().into()));
        f
    }

    #[test]
    fn measures_load_and_their_quotes_and_numbers_are_checked() {
        let ds = DataSet::from_files(&with_measures(MEASURES)).expect("loads");
        assert_eq!(ds.measures[0].measures.len(), 1);
        assert_eq!(ds.measures[0].targets.len(), 1);
        let e = DataSet::from_files(&with_measures(
            &MEASURES.replace("quote = \"正文第一段\"\n\n", "quote = \"正文第二段\"\n\n"),
        ))
        .expect_err("quote not in source");
        assert!(matches!(e.kind, DataErrorKind::QuoteNotFound { .. }), "{e}");
        assert_eq!(e.line, Some(5));
        let e = DataSet::from_files(&with_measures(
            &MEASURES.replace("written = \"一\"", "written = \"二\""),
        ))
        .expect_err("number not in quote");
        assert!(
            matches!(e.kind, DataErrorKind::NumberNotInQuote { .. }),
            "{e}"
        );
        let e = DataSet::from_files(&with_measures(
            &MEASURES.replace("public_bodies", "everyone"),
        ))
        .expect_err("bad action");
        assert!(matches!(e.kind, DataErrorKind::Syntax(_)), "{e}");
        let e = DataSet::from_files(&with_measures(
            &MEASURES.replace("document = \"d\"", "document = \"x\""),
        ))
        .expect_err("doc");
        assert_eq!(e.kind, DataErrorKind::UnknownDocument("x".into()));
        let e = DataSet::from_files(&with_measures(
            &MEASURES.replace("quote = \"正文第一段\"\n\n  [[", "\n\n  [["),
        ))
        .expect_err("uncited measure");
        assert!(
            matches!(e.kind, DataErrorKind::Syntax(_)),
            "a measure without a quote is rejected: {e}"
        );
    }

    #[test]
    fn hash_changes_with_any_byte_and_not_with_order() {
        let a = files(GOOD);
        let mut b = a.clone();
        b.reverse();
        assert_eq!(content_hash(&a), content_hash(&b));
        let mut c = a.clone();
        c[1].1.to_mut().push(b'x');
        assert_ne!(content_hash(&a), content_hash(&c));
    }
}
