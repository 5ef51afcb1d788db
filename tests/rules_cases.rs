//! Rule cases as data: `tests/cases/*.toml`, each a profile, a date and the
//! expected outcome (and, for unknown, the missing facts) of named rules.
//! One test runs them all and reports every mismatch.

use std::collections::BTreeMap;

use serde::Deserialize;

#[path = "support/case_profile.rs"]
mod case_profile;
use case_profile::{CaseProfile, profile};
use tingjian::domain::card::Date;
use tingjian::domain::dataset::DataSet;
use tingjian::domain::rules::{Missing, Outcome, evaluate};
use tingjian::store::embedded;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    #[serde(rename = "case")]
    cases: Vec<Case>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Case {
    name: String,
    as_of: String,
    profile: CaseProfile,
    /// rule id → eligible | not_eligible | unknown
    expect: BTreeMap<String, String>,
    /// rule id → the missing facts expected for an unknown outcome
    #[serde(default)]
    missing: BTreeMap<String, Vec<String>>,
    /// Why the case exists (which clause it exercises).
    #[serde(default)]
    #[allow(dead_code)]
    note: Option<String>,
}

fn missing_key(m: &Missing) -> String {
    match m {
        Missing::Region => "region".into(),
        Missing::Category => "category".into(),
        Missing::Grade => "grade".into(),
        Missing::BirthDate => "birth".into(),
        Missing::Sex => "sex".into(),
        Missing::Fact(f) => f.key().into(),
    }
}

#[test]
fn every_rule_case_gives_its_expected_outcome() {
    let data = DataSet::from_files(&embedded::bundled()).expect("bundled data is valid");
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/cases");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("tests/cases")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    files.sort();
    let mut failures = vec![];
    let mut count = 0;
    let mut regions = std::collections::BTreeSet::new();
    for path in &files {
        let text = std::fs::read_to_string(path).expect("read case file");
        let file: File =
            toml::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        for case in file.cases {
            count += 1;
            let Some(as_of) = Date::parse(&case.as_of) else {
                failures.push(format!("{}: bad as_of", case.name));
                continue;
            };
            let p = match profile(&case.profile, &as_of) {
                Ok(p) => p,
                Err(e) => {
                    failures.push(format!("{}: {e}", case.name));
                    continue;
                }
            };
            if let Some(r) = &p.region {
                regions.insert(r.clone());
            }
            let evals = evaluate(&data.rules, &p, &as_of);
            for (rule, want) in &case.expect {
                let Some(e) = evals.iter().find(|e| &e.rule == rule) else {
                    failures.push(format!("{}: no rule {rule}", case.name));
                    continue;
                };
                let got = match e.outcome {
                    Outcome::Eligible => "eligible",
                    Outcome::NotEligible => "not_eligible",
                    Outcome::Unknown => "unknown",
                };
                if got != want {
                    let reasons: Vec<String> = e
                        .reasons
                        .iter()
                        .map(|r| format!("#{}={:?}:{:?}", r.index, r.used, r.test))
                        .collect();
                    failures.push(format!(
                        "{}: {rule} is {got}, expected {want} ({reasons:?}, {:?})",
                        case.name, e.validity
                    ));
                }
                if let Some(m) = case.missing.get(rule) {
                    let have: Vec<String> = e.missing.iter().map(missing_key).collect();
                    let mut want_m = m.clone();
                    want_m.sort();
                    let mut have_s = have.clone();
                    have_s.sort();
                    if have_s != want_m {
                        failures.push(format!(
                            "{}: {rule} misses {have:?}, expected {m:?}",
                            case.name
                        ));
                    }
                }
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {count} cases failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
    assert!(count >= 40, "at least 40 cases, found {count}");
    for r in ["guangzhou", "guizhou", "qingdao", "lianyungang", "jiangxi"] {
        assert!(regions.contains(r), "no case for {r}");
    }
}
