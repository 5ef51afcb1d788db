//! Navigator cases as data: `tests/paths/*.toml`, each a profile, the
//! person's own marks, a date, and where they should stand on a path: the
//! status of named steps and the next step ("you are here").
//! One test runs them all and reports every mismatch.

use std::collections::BTreeMap;

use serde::Deserialize;

#[path = "support/case_profile.rs"]
mod case_profile;
use case_profile::{CaseProfile, profile};
use tingjian::domain::card::Date;
use tingjian::domain::dataset::DataSet;
use tingjian::domain::paths::{Mark, evaluate};
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
    /// `medical` or `health`.
    path: String,
    as_of: String,
    #[serde(default)]
    profile: CaseProfile,
    /// Steps the person marked done: step id → date.
    #[serde(default)]
    marks: BTreeMap<String, String>,
    /// The step that should be next, or "none" when every step is behind.
    next: String,
    /// step id → done | not_needed | ready | blocked | unknown
    #[serde(default)]
    status: BTreeMap<String, String>,
    /// step id → number of requirements met.
    #[serde(default)]
    met: BTreeMap<String, usize>,
    #[serde(default)]
    #[allow(dead_code)]
    note: Option<String>,
}

#[test]
fn every_navigator_case_stands_where_expected() {
    let data = DataSet::from_files(&embedded::bundled()).expect("bundled data is valid");
    let mut files: Vec<_> = std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/paths"))
        .expect("tests/paths")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    files.sort();
    let mut failures = vec![];
    let mut count = 0;
    for file in &files {
        let text = std::fs::read_to_string(file).expect("read case file");
        let parsed: File =
            toml::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
        for c in parsed.cases {
            count += 1;
            let at = format!("{}: {}", file.display(), c.name);
            let Some(as_of) = Date::parse(&c.as_of) else {
                failures.push(format!("{at}: bad as_of"));
                continue;
            };
            let Some(path) = data.paths.iter().find(|p| p.spec.id == c.path) else {
                failures.push(format!("{at}: unknown path {}", c.path));
                continue;
            };
            let p = match profile(&c.profile, &as_of) {
                Ok(p) => p,
                Err(e) => {
                    failures.push(format!("{at}: {e}"));
                    continue;
                }
            };
            let marks: BTreeMap<String, Mark> = c
                .marks
                .iter()
                .map(|(k, v)| {
                    (
                        k.clone(),
                        Mark {
                            done: true,
                            on: v.clone(),
                        },
                    )
                })
                .collect();
            for k in c.marks.keys().chain(c.status.keys()).chain(c.met.keys()) {
                if path.step(k).is_none() {
                    failures.push(format!("{at}: unknown step {k}"));
                }
            }
            let r = evaluate(path, &p, &marks, &as_of);
            let next = r
                .next
                .map_or("none".to_string(), |i| path.steps[i].spec.id.clone());
            if next != c.next {
                failures.push(format!("{at}: next is {next}, expected {}", c.next));
            }
            for (step, want) in &c.status {
                if let Some(i) = path.steps.iter().position(|s| &s.spec.id == step) {
                    let got = r.steps[i].status.key();
                    if got != want {
                        failures.push(format!("{at}: {step} is {got}, expected {want}"));
                    }
                }
            }
            for (step, want) in &c.met {
                if let Some(i) = path.steps.iter().position(|s| &s.spec.id == step) {
                    let got = r.steps[i].met();
                    if got != *want {
                        failures.push(format!("{at}: {step} has {got} met, expected {want}"));
                    }
                }
            }
        }
    }
    assert!(count >= 10, "only {count} navigator cases");
    assert!(
        failures.is_empty(),
        "{} of {count} cases fail:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
