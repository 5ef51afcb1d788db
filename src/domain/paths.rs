//! Paths as data (`data/paths/*.toml`): the blind massage routes, step by
//! step, and where a person stands on them. Pure: a step's requirements are
//! rule conditions (`rules::Condition`) plus `step` (an earlier step is
//! behind you); each requirement and each step cites its source.
//!
//! A step is *done* when the person marked it done or its `done_when`
//! facts hold; *not needed* when its `skip_when` holds (another route);
//! otherwise *ready* (every requirement met), *blocked* (one not met) or
//! *unknown* (some not known). The next step is the first one neither done
//! nor not needed.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use super::card::Date;
use super::rules::{
    Citation, Condition, ConditionSpec, Confidence, Missing, Profile, Test, test, tri_all,
};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PathsFile {
    #[serde(rename = "path", default)]
    pub paths: Vec<PathSpec>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PathSpec {
    /// `medical`, `health`: the CLI's `--path`.
    pub id: String,
    pub title: String,
    /// What the path is, in a sentence or two.
    pub summary: String,
    #[serde(rename = "citation")]
    pub citations: Vec<Citation>,
    #[serde(rename = "step")]
    pub steps: Vec<StepSpec>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StepSpec {
    /// Unique across all paths (`medical-exam`): marks are kept by it.
    pub id: String,
    pub title: String,
    /// What this step is, in plain words.
    pub what: String,
    /// What it gives (a certificate, a title, the right to practise).
    #[serde(default)]
    pub gives: Option<String>,
    /// Where to go, as the sources say; absent means "not specified".
    #[serde(default, rename = "where")]
    pub place: Option<String>,
    /// What to bring, as the sources say.
    #[serde(default)]
    pub bring: Vec<String>,
    /// A step some take and others do not (opening a practice).
    #[serde(default)]
    pub optional: bool,
    #[serde(default)]
    pub confidence: Confidence,
    #[serde(default, rename = "requires")]
    pub requirements: Vec<RequirementSpec>,
    /// Facts that show the step is behind the person (all must hold).
    #[serde(default)]
    pub done_when: Vec<ConditionSpec>,
    /// Another route makes this step unnecessary when this holds.
    #[serde(default)]
    pub skip_when: Option<ConditionSpec>,
    /// Why it is then not needed, in plain words (required with `skip_when`).
    #[serde(default)]
    pub skip_reason: Option<String>,
    /// What the sources leave open ("中级、高级职称名称").
    #[serde(default)]
    pub not_specified: Vec<String>,
    /// Regional policy measures that help with this step (ids in `measures/`).
    #[serde(default)]
    pub measures: Vec<String>,
    /// Entitlement rules related to this step (ids in `rules/`).
    #[serde(default)]
    pub rules: Vec<String>,
    /// The application form this step is applied for with (a kind of
    /// `forms/`: `massage_exam`, `massage_certificate`, `training`).
    #[serde(default)]
    pub apply: Option<String>,
    #[serde(rename = "citation")]
    pub citations: Vec<Citation>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RequirementSpec {
    pub condition: ConditionSpec,
    /// Short words for the requirement, said instead of the condition's own
    /// wording when that would be long ("视力残疾，或多重残疾中包含视力残疾").
    #[serde(default)]
    pub label: Option<String>,
    /// Words for the requirement when the condition alone says too little.
    #[serde(default)]
    pub note: Option<String>,
    #[serde(default)]
    pub confidence: Confidence,
    pub citation: Citation,
}

/// A checked step.
#[derive(Debug, Clone, PartialEq)]
pub struct Step {
    pub spec: StepSpec,
    pub requirements: Vec<Condition>,
    pub done_when: Vec<Condition>,
    pub skip_when: Option<Condition>,
}

/// A checked path.
#[derive(Debug, Clone, PartialEq)]
pub struct MassagePath {
    pub spec: PathSpec,
    pub steps: Vec<Step>,
}

/// What is wrong with a path as written (worded by the data loader).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PathError {
    #[error("step {step}: {problem}")]
    Condition { step: String, problem: String },
    #[error("step {step} refers to {target:?}, which is not an earlier step of this path")]
    UnknownStep { step: String, target: String },
    #[error("step {0}: skip_when needs skip_reason, and skip_reason needs skip_when")]
    SkipReason(String),
    #[error("{0}: no citation")]
    Uncited(String),
    #[error("step {0}: done_when and skip_when speak of facts, not steps")]
    StepInFacts(String),
    #[error("{0}: a path needs at least one step")]
    NoSteps(String),
}

fn check_condition(step: &str, c: &ConditionSpec) -> Result<Condition, PathError> {
    c.check().map_err(|e| PathError::Condition {
        step: step.to_string(),
        problem: e.to_string(),
    })
}

fn step_refs<'a>(c: &'a Condition, out: &mut Vec<&'a str>) {
    match c {
        Condition::Step(id) => out.push(id),
        Condition::Any(cs) | Condition::All(cs) => cs.iter().for_each(|c| step_refs(c, out)),
        _ => {}
    }
}

impl MassagePath {
    /// Check a path's conditions, step references (earlier steps only) and
    /// that every step and requirement is cited. Quotes are checked by the
    /// data loader, which has the sources.
    pub fn check(spec: PathSpec) -> Result<MassagePath, PathError> {
        if spec.steps.is_empty() {
            return Err(PathError::NoSteps(spec.id.clone()));
        }
        if spec.citations.is_empty() {
            return Err(PathError::Uncited(spec.id.clone()));
        }
        let mut seen: Vec<&str> = vec![];
        let mut steps = vec![];
        for s in &spec.steps {
            let id = s.id.as_str();
            if s.citations.is_empty() {
                return Err(PathError::Uncited(s.id.clone()));
            }
            if s.skip_when.is_some() != s.skip_reason.is_some() {
                return Err(PathError::SkipReason(s.id.clone()));
            }
            let requirements = s
                .requirements
                .iter()
                .map(|r| check_condition(id, &r.condition))
                .collect::<Result<Vec<_>, _>>()?;
            for r in &requirements {
                let mut refs = vec![];
                step_refs(r, &mut refs);
                if let Some(t) = refs.into_iter().find(|t| !seen.contains(t)) {
                    return Err(PathError::UnknownStep {
                        step: s.id.clone(),
                        target: t.to_string(),
                    });
                }
            }
            let done_when = s
                .done_when
                .iter()
                .map(|c| check_condition(id, c))
                .collect::<Result<Vec<_>, _>>()?;
            let skip_when = s
                .skip_when
                .as_ref()
                .map(|c| check_condition(id, c))
                .transpose()?;
            if done_when
                .iter()
                .chain(skip_when.iter())
                .any(Condition::mentions_step)
            {
                return Err(PathError::StepInFacts(s.id.clone()));
            }
            seen.push(id);
            steps.push(Step {
                spec: s.clone(),
                requirements,
                done_when,
                skip_when,
            });
        }
        Ok(MassagePath { spec, steps })
    }

    pub fn step(&self, id: &str) -> Option<&Step> {
        self.steps.iter().find(|s| s.spec.id == id)
    }
}

/// A person's own mark on a step: done (on a date) or taken back.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Mark {
    pub done: bool,
    /// `YYYY-MM-DD`: the day the person says they did it.
    pub on: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "status")]
pub enum Status {
    /// Behind the person: marked (with the date), or shown by the facts.
    Done { marked_on: Option<String> },
    /// Another route makes it unnecessary.
    NotNeeded,
    /// Every requirement met: it can be taken now.
    Ready,
    /// At least one requirement not met.
    Blocked,
    /// Some requirements not known yet.
    Unknown,
}

impl Status {
    pub fn behind(&self) -> bool {
        matches!(self, Status::Done { .. } | Status::NotNeeded)
    }
    pub fn key(&self) -> &'static str {
        match self {
            Status::Done { .. } => "done",
            Status::NotNeeded => "not_needed",
            Status::Ready => "ready",
            Status::Blocked => "blocked",
            Status::Unknown => "unknown",
        }
    }
}

/// One requirement tested.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RequirementResult {
    pub test: Test,
    /// The profile's value that was tested, if known.
    pub used: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StepResult {
    pub status: Status,
    pub requirements: Vec<RequirementResult>,
    /// What the profile lacks to decide this step's requirements.
    pub missing: BTreeSet<Missing>,
}

impl StepResult {
    pub fn met(&self) -> usize {
        self.requirements
            .iter()
            .filter(|r| r.test == Test::Met)
            .count()
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PathResult {
    pub steps: Vec<StepResult>,
    /// The first step neither done nor not needed: "you are here".
    pub next: Option<usize>,
}

/// Where a person stands on a path, given their profile and their marks.
pub fn evaluate(
    path: &MassagePath,
    profile: &Profile,
    marks: &BTreeMap<String, Mark>,
    as_of: &Date,
) -> PathResult {
    let mut p = profile.clone();
    p.steps.clear();
    let mut out = Vec::with_capacity(path.steps.len());
    for step in &path.steps {
        let mut missing = BTreeSet::new();
        let requirements: Vec<RequirementResult> = step
            .requirements
            .iter()
            .map(|c| {
                let (t, used) = test(c, &p, as_of, &mut missing);
                RequirementResult { test: t, used }
            })
            .collect();
        let mut scratch = BTreeSet::new();
        let marked = marks.get(&step.spec.id).filter(|m| m.done);
        let by_facts = if step.done_when.is_empty() {
            Test::NotMet
        } else {
            tri_all(
                step.done_when
                    .iter()
                    .map(|c| test(c, &p, as_of, &mut scratch).0),
            )
        };
        let skip = step
            .skip_when
            .as_ref()
            .map_or(Test::NotMet, |c| test(c, &p, as_of, &mut scratch).0);
        let status = if let Some(m) = marked {
            Status::Done {
                marked_on: Some(m.on.clone()),
            }
        } else if by_facts == Test::Met {
            Status::Done { marked_on: None }
        } else if skip == Test::Met {
            Status::NotNeeded
        } else {
            match tri_all(requirements.iter().map(|r| r.test)) {
                Test::Met => Status::Ready,
                Test::NotMet => Status::Blocked,
                Test::Unknown => Status::Unknown,
            }
        };
        // What later steps see: behind (done or not needed), not, or unknown.
        let seen = if status.behind() {
            Test::Met
        } else if by_facts == Test::Unknown {
            Test::Unknown
        } else {
            Test::NotMet
        };
        p.steps.insert(step.spec.id.clone(), seen);
        if status.behind() {
            missing.clear();
        }
        out.push(StepResult {
            status,
            requirements,
            missing,
        });
    }
    let next = out.iter().position(|s| !s.status.behind());
    PathResult { steps: out, next }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::jobs::Category;
    use crate::domain::rules::Fact;

    const PATH: &str = r#"
[[path]]
id = "p"
title = "路径"
summary = "s"
citation = [{ source = "s", clause = "c", quote = "q" }]

[[path.step]]
id = "edu"
title = "学历"
what = "w"
done_when = [{ fact = "education", at_least = "secondary_vocational" }, { fact = "massage_major", is = "yes" }]
skip_when = { fact = "hospital_years_before_2009", min = 15 }
skip_reason = "r"
citation = [{ source = "s", clause = "c", quote = "q" }]
requires = [{ condition = { category = ["visual"] }, citation = { source = "s", clause = "c", quote = "q" } }]

[[path.step]]
id = "exam"
title = "考试"
what = "w"
done_when = [{ fact = "medical_exam_passed", is = "yes" }]
skip_when = { fact = "hospital_years_before_2009", min = 15 }
skip_reason = "r"
citation = [{ source = "s", clause = "c", quote = "q" }]
requires = [
  { condition = { category = ["visual"] }, citation = { source = "s", clause = "c", quote = "q" } },
  { condition = { any = [{ step = "edu" }, { fact = "hospital_years_before_2009", min = 2, below = 15 }] }, citation = { source = "s", clause = "c", quote = "q" } },
]

[[path.step]]
id = "cert"
title = "证书"
what = "w"
citation = [{ source = "s", clause = "c", quote = "q" }]
requires = [{ condition = { any = [{ step = "exam" }] }, citation = { source = "s", clause = "c", quote = "q" } }]
"#;

    fn path() -> MassagePath {
        let f: PathsFile = toml::from_str(PATH).expect("toml");
        MassagePath::check(f.paths.into_iter().next().expect("path")).expect("check")
    }

    fn person(facts: &[(Fact, &str)]) -> Profile {
        Profile {
            category: Some(Category::Visual),
            facts: facts.iter().map(|(f, v)| (*f, v.to_string())).collect(),
            ..Default::default()
        }
    }

    fn as_of() -> Date {
        Date::parse("2026-01-01").expect("date")
    }

    #[test]
    fn a_graduate_without_the_exam_is_at_the_exam() {
        let r = evaluate(
            &path(),
            &person(&[
                (Fact::Education, "secondary_vocational"),
                (Fact::MassageMajor, "yes"),
                (Fact::MedicalExamPassed, "no"),
            ]),
            &BTreeMap::new(),
            &as_of(),
        );
        assert_eq!(r.steps[0].status, Status::Done { marked_on: None });
        assert_eq!(r.steps[1].status, Status::Ready);
        assert_eq!(r.steps[1].met(), 2);
        assert_eq!(r.next, Some(1));
        assert_eq!(r.steps[2].status, Status::Blocked);
    }

    #[test]
    fn sixteen_years_in_a_hospital_before_2009_skip_the_exam() {
        let r = evaluate(
            &path(),
            &person(&[(Fact::HospitalYearsBefore2009, "16")]),
            &BTreeMap::new(),
            &as_of(),
        );
        assert_eq!(r.steps[0].status, Status::NotNeeded);
        assert_eq!(r.steps[1].status, Status::NotNeeded);
        assert_eq!(r.steps[2].status, Status::Ready);
        assert_eq!(r.next, Some(2));
    }

    #[test]
    fn a_mark_makes_a_step_done_and_later_steps_see_it() {
        let mut marks = BTreeMap::new();
        marks.insert(
            "exam".to_string(),
            Mark {
                done: true,
                on: "2025-10-20".into(),
            },
        );
        let r = evaluate(&path(), &person(&[]), &marks, &as_of());
        assert_eq!(
            r.steps[1].status,
            Status::Done {
                marked_on: Some("2025-10-20".into())
            }
        );
        assert_eq!(r.steps[2].status, Status::Ready);
        // The education step is still open (unknown facts): it is "here".
        assert_eq!(r.next, Some(0));
        assert_eq!(r.steps[0].status, Status::Ready);
        // A mark taken back counts for nothing.
        marks.insert(
            "exam".to_string(),
            Mark {
                done: false,
                on: "2025-10-21".into(),
            },
        );
        let r = evaluate(&path(), &person(&[]), &marks, &as_of());
        assert_eq!(r.steps[1].status, Status::Unknown);
        assert!(
            r.steps[1]
                .missing
                .contains(&Missing::Fact(Fact::HospitalYearsBefore2009))
        );
    }

    #[test]
    fn unknown_facts_leave_a_step_unknown_and_say_what_is_missing() {
        let p = Profile::default();
        let r = evaluate(&path(), &p, &BTreeMap::new(), &as_of());
        assert_eq!(r.steps[0].status, Status::Unknown);
        assert!(r.steps[0].missing.contains(&Missing::Category));
        assert_eq!(r.next, Some(0));
    }

    #[test]
    fn a_later_step_or_a_step_in_facts_is_refused() {
        let bad = PATH.replace("{ step = \"edu\" }", "{ step = \"cert\" }");
        let f: PathsFile = toml::from_str(&bad).expect("toml");
        let e = MassagePath::check(f.paths.into_iter().next().expect("p")).expect_err("later");
        assert!(matches!(e, PathError::UnknownStep { .. }), "{e}");
        let bad = PATH.replace(
            "skip_when = { fact = \"hospital_years_before_2009\", min = 15 }\nskip_reason = \"r\"\ncitation = [{ source = \"s\", clause = \"c\", quote = \"q\" }]\nrequires = [{ condition = { category",
            "skip_when = { step = \"edu\" }\nskip_reason = \"r\"\ncitation = [{ source = \"s\", clause = \"c\", quote = \"q\" }]\nrequires = [{ condition = { category",
        );
        assert_ne!(bad, PATH);
        let f: PathsFile = toml::from_str(&bad).expect("toml");
        let e = MassagePath::check(f.paths.into_iter().next().expect("p")).expect_err("facts");
        assert!(matches!(e, PathError::StepInFacts(_)), "{e}");
    }
}
