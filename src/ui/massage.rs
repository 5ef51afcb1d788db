//! The blind massage navigator's screens: the paths with where the person
//! stands, a path's steps ("第3步，共8步，全国盲人医疗按摩人员考试，可以办理，
//! 3项要求满足3项，您在这里"), and one step read item by item with its
//! requirements, what it gives, where to go, what to bring, the regional
//! measures that help and the clauses it comes from. State and items only;
//! `app.rs` routes keys here.

use std::collections::BTreeMap;

use super::announce;
use super::view::{Item, Role};
use crate::domain::card::Date;
use crate::domain::paths::{Mark, MassagePath, PathResult, Status, StepResult, evaluate};
use crate::domain::profile::StoredProfile;
use crate::domain::rules::{Citation, Condition, Confidence, Missing, Profile, Rule, Test};
use crate::i18n::Localizer;
use crate::i18n::describe::{condition_text, missing_text, used_text};
use crate::store::policies::MeasureRow;

/// Whose situation the navigator shows: a saved profile, or nobody (browse).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Person {
    pub profile_id: Option<i64>,
    pub stored: StoredProfile,
}

impl Person {
    /// The key under which this person's step marks are kept.
    pub fn owner(&self) -> String {
        match self.profile_id {
            Some(id) => format!("profile:{id}"),
            None => "self".to_string(),
        }
    }

    pub fn profile(&self, today: &Date) -> Profile {
        super::entitlements::EntForm::from_stored(self.profile_id.unwrap_or(0), &self.stored, today)
            .profile()
    }

    /// The name to say ("王先生"), if the profile has one.
    pub fn name(&self) -> Option<&str> {
        Some(self.stored.label.trim()).filter(|n| !n.is_empty())
    }
}

/// One entry of a step's detail screen, in order.
#[derive(Debug, Clone, PartialEq)]
pub enum Entry {
    Status,
    What,
    Requirement(usize),
    /// A fact the profile lacks: Enter goes to the form field that answers it.
    Ask(Missing),
    Gives,
    Where,
    Bring,
    NotSpecified(usize),
    Measure(Box<MeasureRow>),
    /// A related entitlement rule (index into the app's rules).
    Rule(usize),
    Citation(usize),
    /// The day the step was done, typed (empty: today).
    MarkDate,
    /// Apply for this step (the exam, the certificate, a training place).
    Apply(crate::domain::forms::Kind),
    /// Mark done, or take the mark back.
    Mark,
}

/// The entries of a step's detail, given the regional measures to list.
pub fn entries(
    path: &MassagePath,
    step: usize,
    result: &StepResult,
    measures: Vec<MeasureRow>,
    rules: &[Rule],
) -> Vec<Entry> {
    let Some(s) = path.steps.get(step) else {
        return vec![];
    };
    let spec = &s.spec;
    let mut out = vec![Entry::Status, Entry::What];
    out.extend((0..s.requirements.len()).map(Entry::Requirement));
    if !result.status.behind() {
        out.extend(result.missing.iter().map(|m| Entry::Ask(*m)));
    }
    if spec.gives.is_some() {
        out.push(Entry::Gives);
    }
    out.push(Entry::Where);
    out.push(Entry::Bring);
    out.extend((0..spec.not_specified.len()).map(Entry::NotSpecified));
    out.extend(measures.into_iter().map(|m| Entry::Measure(Box::new(m))));
    out.extend(
        spec.rules
            .iter()
            .filter_map(|id| rules.iter().position(|r| &r.spec.id == id))
            .map(Entry::Rule),
    );
    out.extend((0..spec.citations.len()).map(Entry::Citation));
    if let Some(k) = spec
        .apply
        .as_deref()
        .and_then(crate::domain::forms::Kind::from_key)
    {
        out.push(Entry::Apply(k));
    }
    if !matches!(result.status, Status::Done { marked_on: Some(_) }) {
        out.push(Entry::MarkDate);
    }
    out.push(Entry::Mark);
    out
}

/// The status of a step in words ("已完成，2025年10月20日标记", "可以办理").
pub fn status_text(l: &Localizer, path: &MassagePath, step: usize, r: &StepResult) -> String {
    match &r.status {
        Status::Done { marked_on: Some(d) } => {
            l.t_args("step-done-marked", &[("date", l.date(d).as_str().into())])
        }
        Status::Done { marked_on: None } => l.t("step-done-facts"),
        Status::NotNeeded => {
            let why = path
                .steps
                .get(step)
                .and_then(|s| s.spec.skip_reason.clone())
                .unwrap_or_default();
            l.t_args("step-not-needed", &[("why", why.as_str().into())])
        }
        Status::Ready => l.t("step-ready"),
        Status::Blocked => l.t("step-blocked"),
        Status::Unknown => l.t("step-unknown"),
    }
}

/// "3项要求满足2项", or nothing for a step without requirements.
fn met_text(l: &Localizer, r: &StepResult) -> Option<String> {
    (!r.requirements.is_empty()).then(|| {
        l.t_args(
            "step-met",
            &[
                ("met", r.met().into()),
                ("total", r.requirements.len().into()),
            ],
        )
    })
}

/// A step as a list item: status, requirements met, optional, "you are here".
pub fn step_item(l: &Localizer, path: &MassagePath, res: &PathResult, i: usize) -> Item {
    let (Some(s), Some(r)) = (path.steps.get(i), res.steps.get(i)) else {
        return Item::new(String::new(), Role::Step);
    };
    let mut parts = vec![status_text(l, path, i, r)];
    if !r.status.behind() {
        parts.extend(met_text(l, r));
    }
    if s.spec.optional {
        parts.push(l.t("step-optional"));
    }
    if res.next == Some(i) {
        parts.push(l.t("step-you-are-here"));
    }
    Item::new(s.spec.title.clone(), Role::Step)
        .with_state(announce::join(l, &parts))
        .at(i, path.steps.len())
}

/// A path as a list item: how many steps are behind and which is next.
pub fn path_item(l: &Localizer, path: &MassagePath, res: &PathResult) -> Item {
    let behind = res.steps.iter().filter(|s| s.status.behind()).count();
    let mut parts = vec![l.t_args(
        "path-progress",
        &[
            ("total", path.steps.len().into()),
            ("behind", behind.into()),
        ],
    )];
    parts.push(match res.next {
        Some(i) => l.t_args(
            "path-next",
            &[
                ("index", (i + 1).into()),
                ("title", path.steps[i].spec.title.as_str().into()),
            ],
        ),
        None => l.t("path-all-behind"),
    });
    Item::new(path.spec.title.clone(), Role::MenuItem).with_state(announce::join(l, &parts))
}

/// The `k`th requirement of a step in words: its label, or its condition worded.
pub fn requirement_words(l: &Localizer, path: &MassagePath, step: usize, k: usize) -> String {
    let Some(s) = path.steps.get(step) else {
        return String::new();
    };
    match (
        s.spec.requirements.get(k).and_then(|r| r.label.clone()),
        s.requirements.get(k),
    ) {
        (Some(label), _) => label,
        (None, Some(c)) => requirement_text(l, path, c),
        (None, None) => String::new(),
    }
}

/// A requirement in words; a `step` condition names the step.
pub fn requirement_text(l: &Localizer, path: &MassagePath, c: &Condition) -> String {
    let name = |id: &str| -> String {
        match path.steps.iter().position(|s| s.spec.id == id) {
            Some(i) => l.t_args(
                "cond-step",
                &[
                    ("index", (i + 1).into()),
                    ("step", path.steps[i].spec.title.as_str().into()),
                ],
            ),
            None => id.to_string(),
        }
    };
    match c {
        Condition::Step(id) => name(id),
        Condition::Any(cs) if cs.iter().any(Condition::mentions_step) => {
            let parts: Vec<String> = cs.iter().map(|c| requirement_text(l, path, c)).collect();
            l.t_args(
                "cond-any",
                &[("conditions", parts.join(&l.t("key-or")).as_str().into())],
            )
        }
        Condition::All(cs) if cs.iter().any(Condition::mentions_step) => {
            let parts: Vec<String> = cs.iter().map(|c| requirement_text(l, path, c)).collect();
            parts.join(&l.t("enumeration-separator"))
        }
        _ => condition_text(l, c),
    }
}

fn test_word(l: &Localizer, t: Test) -> String {
    l.t(match t {
        Test::Met => "test-met",
        Test::NotMet => "test-not-met",
        Test::Unknown => "test-unknown",
    })
}

fn secondary(l: &Localizer, c: Confidence) -> Option<String> {
    (c == Confidence::Secondary).then(|| l.t("confidence-secondary"))
}

/// The plan documents, for naming a citation's source and a measure's period.
#[derive(Debug, Clone, Default)]
pub struct Plans(pub Vec<crate::store::cache::DocumentRow>);

impl Plans {
    pub fn by_source(&self, source: &str) -> Option<&crate::store::cache::DocumentRow> {
        self.0.iter().find(|d| d.source == source)
    }
    fn by_id(&self, id: &str) -> Option<&crate::store::cache::DocumentRow> {
        self.0.iter().find(|d| d.id == id)
    }

    /// "方案期限2022年到2024年，已结束" for a measure of a plan whose period is over.
    pub fn measure_note(&self, l: &Localizer, m: &MeasureRow, as_of: &Date) -> Option<String> {
        let d = self.by_id(&m.document_id)?;
        let (from, to) = d.period;
        let ended = i64::from(to) < i64::from(as_of.year);
        Some(l.t_args(
            if ended {
                "plan-period-ended"
            } else {
                "plan-period"
            },
            &[
                ("from", i64::from(from).into()),
                ("to", i64::from(to).into()),
            ],
        ))
    }
}

/// Where a citation comes from, in words ("《盲人医疗按摩管理办法》 第4条",
/// or the plan's title).
pub fn citation_label(l: &Localizer, plans: &Plans, c: &Citation) -> String {
    let doc = c
        .document
        .clone()
        .unwrap_or_else(|| match plans.by_source(&c.source) {
            Some(d) => d.title.clone(),
            None => l.t("citation-plan"),
        });
    l.t_args(
        "citation-label",
        &[
            ("document", doc.as_str().into()),
            ("clause", c.clause.as_str().into()),
        ],
    )
}

/// The items of a step's detail screen.
#[allow(clippy::too_many_arguments)]
pub fn detail_items(
    l: &Localizer,
    path: &MassagePath,
    step: usize,
    res: &PathResult,
    entries: &[Entry],
    rules: &[Rule],
    rule_outcome: &dyn Fn(&Rule) -> String,
    region_name: &dyn Fn(&str) -> String,
    plans: &Plans,
    as_of: &Date,
) -> Vec<Item> {
    let (Some(s), Some(r)) = (path.steps.get(step), res.steps.get(step)) else {
        return vec![];
    };
    let spec = &s.spec;
    let not_specified = || l.t("not-specified-sources");
    entries
        .iter()
        .map(|e| match e {
            Entry::Status => {
                let mut parts = vec![status_text(l, path, step, r)];
                if !r.status.behind() {
                    parts.extend(met_text(l, r));
                }
                if spec.optional {
                    parts.push(l.t("step-optional"));
                }
                if res.next == Some(step) {
                    parts.push(l.t("step-is-next"));
                }
                parts.extend(secondary(l, spec.confidence));
                Item::new(
                    l.t_args(
                        "step-heading",
                        &[
                            ("index", (step + 1).into()),
                            ("total", path.steps.len().into()),
                            ("title", spec.title.as_str().into()),
                        ],
                    ),
                    Role::Field,
                )
                .with_state(announce::join(l, &parts))
            }
            Entry::What => Item::new(spec.what.clone(), Role::Field),
            Entry::Requirement(k) => {
                let cond = &s.requirements[*k];
                let req = &spec.requirements[*k];
                let got = &r.requirements[*k];
                let mut parts = vec![];
                if !matches!(
                    cond,
                    Condition::Verify(_)
                        | Condition::Step(_)
                        | Condition::Any(_)
                        | Condition::All(_)
                ) {
                    parts.push(l.t_args(
                        "reason-used",
                        &[(
                            "used",
                            used_text(l, cond, got.used.as_deref()).as_str().into(),
                        )],
                    ));
                }
                parts.push(test_word(l, got.test));
                parts.extend(req.note.clone());
                parts.extend(secondary(l, req.confidence));
                Item::new(
                    l.t_args(
                        "step-requirement",
                        &[(
                            "requirement",
                            requirement_words(l, path, step, *k).as_str().into(),
                        )],
                    ),
                    Role::Field,
                )
                .with_state(announce::join(l, &parts))
            }
            Entry::Ask(m) => Item::new(
                l.t_args("ent-ask", &[("fact", missing_text(l, m).as_str().into())]),
                Role::MenuItem,
            ),
            Entry::Gives => Item::new(l.t("step-gives"), Role::Field)
                .with_state(spec.gives.clone().unwrap_or_else(not_specified)),
            Entry::Where => Item::new(l.t("step-where"), Role::Field)
                .with_state(spec.place.clone().unwrap_or_else(not_specified)),
            Entry::Bring => {
                Item::new(l.t("step-bring"), Role::Field).with_state(if spec.bring.is_empty() {
                    not_specified()
                } else {
                    spec.bring.join(&l.t("enumeration-separator"))
                })
            }
            Entry::NotSpecified(k) => Item::new(l.t("step-not-specified"), Role::Field)
                .with_state(spec.not_specified[*k].clone()),
            Entry::Measure(m) => Item::new(
                l.t_args(
                    "step-measure",
                    &[("region", region_name(&m.region_name).as_str().into())],
                ),
                Role::ListItem,
            )
            .with_state(announce::join(
                l,
                &[
                    vec![
                        m.summary.clone(),
                        l.t_args("clause", &[("clause", m.clause.as_str().into())]),
                    ],
                    plans.measure_note(l, m, as_of).into_iter().collect(),
                ]
                .concat(),
            )),
            Entry::Rule(i) => match rules.get(*i) {
                Some(rule) => Item::new(
                    l.t_args("step-rule", &[("title", rule.spec.title.as_str().into())]),
                    Role::ListItem,
                )
                .with_state(rule_outcome(rule)),
                None => Item::new(String::new(), Role::ListItem),
            },
            Entry::Citation(k) => {
                let c = &spec.citations[*k];
                Item::new(citation_label(l, plans, c), Role::Field).with_state(c.quote.clone())
            }
            Entry::MarkDate => Item::new(l.t("step-mark-date"), Role::EditField),
            Entry::Apply(k) => Item::new(
                l.t_args(
                    "app-apply-step",
                    &[(
                        "kind",
                        crate::i18n::applications::kind_name(l, *k).as_str().into(),
                    )],
                ),
                Role::MenuItem,
            ),
            Entry::Mark => Item::new(
                l.t(if matches!(r.status, Status::Done { marked_on: Some(_) }) {
                    "step-unmark"
                } else {
                    "step-mark"
                }),
                Role::MenuItem,
            ),
        })
        .collect()
}

/// Where a person stands on every path.
pub fn evaluate_all(
    paths: &[MassagePath],
    profile: &Profile,
    marks: &BTreeMap<String, Mark>,
    as_of: &Date,
) -> Vec<PathResult> {
    paths
        .iter()
        .map(|p| evaluate(p, profile, marks, as_of))
        .collect()
}
